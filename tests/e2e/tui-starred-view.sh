#!/bin/sh
# The starred items of every feed in one list: the "Starred" row of the
# feeds pane comes with the first star, lists what is starred newest
# first like any list, outlives a restart, and a mark-read there marks
# only the starred items.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 3
printf 'feed %s/alpha.xml\nfeed %s/beta.xml\n' "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "6 unread"
tui_screen | grep -q "Starred" && fail "a Starred row with nothing starred"

# Star Alpha's second item and Beta's first.
keys j Tab j s
wait_for " 1 Starred"
keys BTab j Tab s
wait_for " 2 Starred"
expect_eq starred "$(sql 'select count(*) from items where starred = 1')" 2

# The last row lists both, newest first, across feeds.
keys BTab j
wait_for "Starred items"
wait_for "1/2"
tui_screen | grep -q "Beta item 3" || fail "Beta item 3 is not listed"
tui_screen | grep -q "Alpha item 2" || fail "Alpha item 2 is not listed"
tui_screen | grep -q "Alpha item 3" && fail "an item without a star is listed"

# Mark-read there marks the starred items only.
keys Tab A
wait_for "Marked 2 items read"
expect_eq unread "$(sql 'select count(*) from items where read = 0')" 4
keys u
wait_for "2 items unread again"

# Unstar one; after a restart the row counts the one left.
keys s
wait_for "Unstarred"
keys Q
wait_exit 0
tui_start 100 20
wait_for " 1 Starred"
keys G
wait_for "Starred items"
wait_for "1/1"
keys Q
wait_exit 0
