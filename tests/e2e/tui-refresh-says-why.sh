#!/bin/sh
# After a refresh where some feeds failed, the status line keeps the news
# ("1 new item") beside the failure; a feed that failed and has no items
# says why in the items pane, and when it was tried, instead of only "No
# items"; a feed never fetched says how to fetch it.
. ./lib.sh
serve
rss a.xml a 1
cat >"$CONF" <<EOF2
feed $URL/a.xml
feed $URL/_/status/404 "~Broken"
EOF2
tui_start 120 20
wait_for "1 new item from 2 feeds; 1 failed, the last: "
wait_for "HTTP 404"
keys j j
wait_for "No items: the last fetch, at 20"
wait_for "failed: HTTP 404"
keys Q
wait_exit 0
printf 'feed %s/b.xml "~Later"\nset refresh-interval 0\n' "$URL" >>"$CONF"
tui_start 120 20
wait_for "Later"
keys j j j
wait_for "No items: this feed was never fetched; r fetches it"
keys Q
wait_exit 0
exit 0
