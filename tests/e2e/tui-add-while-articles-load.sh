#!/bin/sh
# ":add" while full articles load in the background: the worker goes on
# with every page, the feed added is fetched, and an article opened
# before the ":add" still fetches its page on v. The worker and the
# article pane name their feed by its id, not by a pointer into the feed
# list, which ":add" moves.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
s=$((2 * ${E2E_SLOW:-1}))
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<rss version="2.0"><channel><title>Slow pages</title>\n'
	for i in 1 2 3 4 5 6; do
		printf '<item><title>Slow %d</title>' "$i"
		printf '<link>%s/_/slow?file=story.html&amp;seconds=%s&amp;n=%d</link>' \
		    "$URL" "$s" "$i"
		printf '<guid>slow-%d</guid>' "$i"
		printf '<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>' "$i"
		printf '<description>Teaser %d</description></item>\n' "$i"
	done
	printf '</channel></rss>\n'
} >"$WORK/www/slow.xml"
cat >"$WORK/www/plain.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Plain</title><link>$URL/</link>
<item><title>Plain story</title><link>$URL/story.html?plain</link>
<guid>plain</guid><pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate>
<description>The plain teaser.</description></item>
</channel></rss>
XML
rss beta.xml Beta 2
cat >"$CONF" <<CONF
set refresh-interval 0
feed $URL/slow.xml "~Slow" < full-article yes
feed $URL/plain.xml "~Plain"
CONF
tui_start 100 30
keys R
wait_for "7 new items from 2 feeds"
# Open the plain feed's item: its feed's text, no page asked for.
keys j j Enter
wait_for "Plain story"
keys Enter
wait_for "The plain teaser."
keys : "add $URL/beta.xml" Enter
wait_for "2 new items from 1 feed"
expect_eq "items" "$(sql 'select count(*) from items')" 9
# The article opened before the ":add" fetches its page with its feed's
# settings.
keys v
wait_for "Alder River" 20
# Every page of the slow feed arrives, though the list moved under them.
n=0
until [ "$(sql 'select count(*) from articles where body is not null')" = 7 ]; do
	n=$((n + 1))
	[ $n -le $((600 * ${E2E_SLOW:-1})) ] ||
	    fail "$(sql 'select count(*) from articles') of 7 articles kept"
	[ ! -s "$WORK/tui.status" ] || { tui_screen >&2; fail "the reader died"; }
	sleep 0.05
done
keys Q
wait_exit 0
