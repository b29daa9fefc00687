#!/bin/sh
# Marks: toggle read, star, mark a whole feed read and take each back
# with undo; the store holds what the screen shows.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
printf 'feed %s/alpha.xml\nfeed %s/beta.xml\n' "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "5 unread"
keys j Tab N
wait_for "4 unread"
expect_eq read "$(sql 'select count(*) from items where read = 1')" 1
keys s
wait_for "Starred"
expect_eq starred "$(sql 'select count(*) from items where starred = 1')" 1
keys A
wait_for "Marked 2 items read"
wait_for "2 unread"
expect_eq "alpha unread" "$(sql "select count(*) from items where read = 0 and guid like 'item-%' and feed_id = (select id from feeds where url like '%alpha.xml')")" 0
keys u
wait_for "2 items unread again"
wait_for "4 unread"
keys u
wait_for "Unstarred again"
expect_eq starred "$(sql 'select count(*) from items where starred = 1')" 0
keys u
wait_for "5 unread"
keys C
wait_for "0 unread"
keys u
wait_for "5 unread"
expect_eq unread "$(sql 'select count(*) from items where read = 0')" 5
keys Q
wait_exit 0
