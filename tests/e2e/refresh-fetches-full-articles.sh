#!/bin/sh
# "tidings refresh" from cron also fetches the full articles of the new
# items of full-article feeds, so they read offline in the reader later:
# one page each, kept in the store; a page that fails is recorded and not
# fetched again; other feeds' items and old items are left alone; the
# summary line counts them.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
cp "$TOP/tests/fixtures/html/blog.html" "$WORK/www/other.html"
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Teasers</title><link>$URL/</link>
<item><title>Bridge vote</title><link>$URL/_/count?file=story.html</link>
<guid>bridge</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser: the council voted.</description></item>
<item><title>Gone page</title><link>$URL/_/count?file=gone.html</link>
<guid>gone</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser.</description></item>
</channel></rss>
XML
cat >"$WORK/www/b.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Whole</title><link>$URL/</link>
<item><title>Other story</title><link>$URL/_/count?file=other.html</link>
<guid>other</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>The whole text is here.</description></item>
</channel></rss>
XML
cat >"$CONF" <<CONF
feed $URL/a.xml < full-article yes
feed $URL/b.xml
CONF
expect_status 0 td refresh
expect_grep "3 new items from 2 feeds: 2 updated, 0 unchanged, 0 failed; 1 full article kept, 1 failed" "$WORK/out"
expect_eq kept "$(sql "select count(*) from articles a join items i on i.id = a.item_id where i.guid = 'bridge' and a.body like '%Alder River%'")" 1
expect_eq failed "$(sql "select count(*) from articles a join items i on i.id = a.item_id where i.guid = 'gone' and a.body is null and a.error like '%404%'")" 1
expect_eq "other feeds" "$(sql 'select count(*) from articles')" 2
curl -s "$URL/_/hits" >"$WORK/hits"
expect_grep "story.html 1" "$WORK/hits"
expect_grep "gone.html 1" "$WORK/hits"
grep -q "other.html" "$WORK/hits" && fail "a feed without full-article had its page fetched"

# Nothing new: no page is fetched, not even the failed one again.
expect_status 0 td refresh --all
grep -q "full article" "$WORK/out" && fail "a refresh with nothing new fetched articles"
curl -s "$URL/_/hits" >"$WORK/hits"
expect_grep "story.html 1" "$WORK/hits"
expect_grep "gone.html 1" "$WORK/hits"

# A new item later: only its page is fetched. -q says nothing.
sed -i "s|<item><title>Bridge vote|<item><title>Ferry news</title><link>$URL/_/count?file=other.html</link><guid>ferry</guid><pubDate>Wed, 03 Jan 2024 10:00:00 GMT</pubDate><description>Teaser.</description></item>\n&|" "$WORK/www/a.xml"
expect_status 0 td refresh --all --quiet
[ -s "$WORK/out" ] && fail "refresh -q printed: $(cat "$WORK/out")"
expect_eq "articles" "$(sql 'select count(*) from articles where body is not null')" 2
curl -s "$URL/_/hits" >"$WORK/hits"
expect_grep "other.html 1" "$WORK/hits"
