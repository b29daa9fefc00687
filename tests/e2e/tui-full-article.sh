#!/bin/sh
# toggle-full-article (v) fetches the item's page in the background (keys
# keep working meanwhile) and shows the article alone, without the page's navigation, share bar and
# "related" teasers; v again shows the feed's text. A page that fails
# leaves the feed's text and says why. The article is kept: after a
# restart with the server gone, it shows offline.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Courier</title><link>$URL/</link>
<item><title>Bridge vote</title><link>$URL/story.html</link>
<guid>bridge</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser: the council voted on the bridge.</description></item>
<item><title>Gone story</title><link>$URL/_/status/404</link>
<guid>gone</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser of a page that is gone.</description></item>
<item><title>Slow story</title><link>$URL/_/slow?file=story.html&amp;seconds=3</link>
<guid>slow</guid><pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate>
<description>Teaser of a slow page.</description></item>
</channel></rss>
XML
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 30
wait_for "Bridge vote"
keys j Enter
wait_for "Gone story"
keys Enter
wait_for "Teaser: the council voted"
keys v
wait_for "Alder River"
wait_for "full article"
wait_for "Priya Raman, Tom Okafor"
wait_for "Fetched: "
for clutter in "Share on Facebook" "Related stories" "Most read" \
    "Subscribe" "JUST WATCHED" "Storm warning" "Teaser: the council"; do
	tui_screen | grep -qF "$clutter" && fail "the article shows \"$clutter\""
done
expect_eq "articles kept" "$(sql 'select count(*) from articles where body is not null')" 1
# Back to the feed's text, and to the article again, from the store.
keys v
wait_for "Teaser: the council voted"
wait_gone "Alder River"
keys v
wait_for "Alder River"
# A slow page: the reader goes on answering keys while it loads.
keys J J
wait_for "Teaser of a slow page"
keys v
wait_for "fetching"
wait_for "fetching the article"
keys s
wait_for "fetching · starred"
expect_eq starred "$(sql "select starred from items where guid = 'slow'")" 1
wait_for "Alder River"
wait_for "full article · starred"
keys K K
# The next item's page is gone: the feed's text stays, the error shows.
keys J
wait_for "Teaser of a page that is gone"
keys v
wait_for "No full article: HTTP 404"
tui_screen | grep -qF "Teaser of a page that is gone" ||
    fail "the feed's text went away"
keys Q
wait_exit 0

# Offline: the server is gone, the kept article still shows.
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
tui_start 100 30
wait_for "Bridge vote"
keys j Enter
wait_for "Gone story"
keys v
wait_for "Alder River"
wait_for "full article"
keys Q
wait_exit 0
