#!/bin/sh
# Feeds are fetched in the background, at start (they are due) and on
# R: the reader answers keys while a slow feed trickles in, shows the
# progress and takes in each feed as it lands.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
rss gamma.xml Gamma 2
cat >"$CONF" <<CONF
feed "$URL/_/slow?file=alpha.xml&seconds=$((3 * ${E2E_SLOW:-1}))" "~Slow"
feed $URL/beta.xml "~Beta"
feed $URL/gamma.xml "~Gamma"
CONF
tui_start 100 20
wait_for "refreshing"
wait_for "Beta item 2"
keys j j
wait_for "1/2"
keys Tab j
wait_for "2/2"
tui_screen | grep -q "refreshing" ||
    { tui_screen >&2; fail "the refresh ended before the keys were answered"; }
wait_for "7 new items from 3 feeds"
wait_gone "refreshing"
wait_for "7 unread"
keys R
wait_for "Refreshing every feed"
wait_for "0 new items from 3 feeds"
expect_eq items "$(sql 'select count(*) from items')" 7
keys Q
wait_exit 0
