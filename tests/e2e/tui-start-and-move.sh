#!/bin/sh
# The reader starts on the feeds with their unread counts and every item
# beside them; moving down the feeds shows each feed's items, Tab moves
# the focus and the vi keys and arrows move the cursor.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
printf 'feed %s/alpha.xml news\nfeed %s/beta.xml\n' "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "All items"
wait_for "Alpha"
wait_for "Beta item 2"
wait_for "1/5"
tui_screen | grep -q "5 All items" || fail "no count of 5 on All items"
keys j
wait_for "1/3"
wait_for "Alpha item 3"
tui_screen | grep -q "Beta item" && fail "Beta's items in Alpha's list"
keys Down
wait_for "1/2"
keys k Tab
wait_for "1/3"
keys j Down
wait_for "3/3"
keys k Up G
wait_for "3/3"
keys g
wait_for "1/3"
keys Q
wait_exit 0
