#!/bin/sh
# A feed with "full-article yes" shows each item's full article when it is
# opened. A refresh in the reader fetches the articles of such a feed's
# new items at once, and of no other feed's, so they read offline; and
# text-width and text-centre lay the article out narrower and centred.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
cp "$TOP/tests/fixtures/html/blog.html" "$WORK/www/other.html"
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Teasers</title><link>$URL/</link>
<item><title>Bridge vote</title><link>$URL/story.html</link>
<guid>bridge</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser: the council voted.</description></item>
</channel></rss>
XML
cat >"$WORK/www/b.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Whole</title><link>$URL/</link>
<item><title>Other story</title><link>$URL/other.html</link>
<guid>other</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>The whole text is here.</description></item>
</channel></rss>
XML
cat >"$CONF" <<CONF
feed $URL/a.xml < full-article yes
feed $URL/b.xml
CONF
tui_start 100 30
keys R
wait_for "Bridge vote"
# The refresh brought the item; its article follows by itself.
n=0
until [ "$(sql 'select count(*) from articles where body is not null')" = 1 ]; do
	n=$((n + 1))
	[ $n -le 200 ] || fail "the article was not fetched after the refresh"
	sleep 0.05
done
expect_eq "other feeds' articles" "$(sql 'select count(*) from articles')" 1

# Offline from here: the article shows from the store.
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
keys j Enter
wait_for "Teasers"
keys Enter
wait_for "Alder River"
wait_for "full article"
tui_screen | grep -qF "Teaser: the council" && fail "the teaser shows"
# v shows the feed's text, v again the article.
keys v
wait_for "Teaser: the council voted."
keys v
wait_for "Alder River"

# 40 columns of text, then centred in the 57 the pane has.
keys : 'set text-width 40' Enter
wait_for "Monday night to build a four-lane bridge"
tui_screen | grep -q '^ *│ The city council voted seven to two on *$' ||
    fail "the text is not 40 columns wide"
keys : 'set text-centre yes' Enter
wait_for "         The city council voted seven to two on"
keys Q
wait_exit 0
