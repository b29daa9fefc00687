#!/bin/sh
# "/" searches every item's title and text; the results are a list like
# any other, and back leaves them for the list they replaced.
. ./lib.sh
serve
rss alpha.xml Alpha 4
cat >"$WORK/www/b.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Beta</title><link>http://example.org/</link>
<item><title>Plain title</title><guid>b1</guid>
<description>&lt;p&gt;Only the body speaks of a zeppelin.&lt;/p&gt;</description></item>
<item><title>Zeppelins over the sea</title><guid>b2</guid></item>
</channel></rss>
XML
printf 'feed %s/alpha.xml\nfeed %s/b.xml\n' "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "1/6"
keys / zeppelin Enter
wait_for "Search: zeppelin"
wait_for "2 matches"
wait_for "Plain title"
wait_for "Zeppelins over the sea"
tui_screen | grep -q "Alpha item" && fail "Alpha's items match zeppelin"
keys / 'item 3' Enter
wait_for "1 match"
wait_for "Alpha item 3"
keys / 'nothing-like-it' Enter
wait_for "Nothing found"
keys Escape
wait_for "All items"
wait_for "1/6"
keys Q
wait_exit 0
