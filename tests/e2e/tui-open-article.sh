#!/bin/sh
# Enter on a feed and then on an item opens the article: its header, its
# text wrapped to the pane and its links numbered; opening marks it read,
# and back returns to the list.
. ./lib.sh
serve
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Articles</title><link>http://example.org/</link>
<item><title>A long read</title><link>http://example.org/long</link>
<guid>long</guid><author>ana@example.org (Ana)</author>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The first paragraph of the article, long enough to be
wrapped at the width of the pane and not cut off anywhere at all, with
&lt;a href="/more"&gt;a link&lt;/a&gt; in it.&lt;/p&gt;&lt;p&gt;A second
paragraph.&lt;/p&gt;</description></item>
</channel></rss>
XML
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 80 24
wait_for "A long read"
keys j Enter
wait_for "N  2024-01-02  A long read"
keys Enter
wait_for "Title: A long read"
wait_for "Date: 2024-01-02 10:00"
wait_for "Link: http://example.org/long"
wait_for "A second paragraph."
wait_for "[1] $URL/more"
wait_for "link[1] in it."
tui_screen | grep -q "cut off anywhere" || fail "the text is not wrapped"
expect_eq read "$(sql 'select read from items')" 1
keys h
wait_for "   2024-01-02  A long read"
keys Q
wait_exit 0
