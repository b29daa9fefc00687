#!/bin/sh
# What is read and starred survives quitting: started again, the reader
# shows the same marks and counts.
. ./lib.sh
serve
rss alpha.xml Alpha 3
printf 'feed %s/alpha.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "3 unread"
keys j Tab s j N
wait_for "2 unread"
keys q q
wait_exit 0
tui_start 100 20
wait_for "2 unread"
keys j Tab
wait_for "N* 2024-01-04  Alpha item 3"
wait_for "   2024-01-03  Alpha item 2"
wait_for "N  2024-01-02  Alpha item 1"
keys Q
wait_exit 0
