#!/bin/sh
# ":add URL TAG" in the reader finds the feed a page names, appends it to
# the dotfile, shows it in the feeds pane and fetches it.
. ./lib.sh
serve
rss alpha.xml Alpha 2
rss beta.xml Beta 3
cat >"$WORK/www/site.html" <<'HTML'
<html><head><link rel="alternate" type="application/rss+xml"
 href="beta.xml" title="Beta posts"></head><body>Beta's site</body></html>
HTML
printf 'feed %s/alpha.xml "~Alpha"\n' "$URL" >"$CONF"
tui_start 100 20
wait_for "2 new items from 1 feed"
keys : "add $URL/site.html news" Enter
wait_for "3 new items from 1 feed"
wait_for "Beta  news"
wait_for "Beta item 3"
expect_eq "dotfile" "$(tail -n 1 "$CONF")" "feed $URL/beta.xml news"
keys : "add $URL/site.html" Enter
wait_for "is in the dotfile already"
keys : "add $URL/_/status/404" Enter
wait_for "HTTP 404"
keys q
wait_exit 0
expect_eq "items" "$(sql 'select count(*) from items')" 5
