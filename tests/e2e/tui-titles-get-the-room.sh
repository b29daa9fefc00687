#!/bin/sh
# "All items" at 160 columns: the titles get the room. Until an article
# is open the items pane takes the article pane's width, the feed name's
# column stays bounded, and the title has the rest; opening an article
# brings the third pane back.
. ./lib.sh
serve
long="A rather long headline about the state of terminal feed readers in the year 2026"
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>A feed whose name is far too long for any column</title>
<link>http://example.org/</link>
<item><title>$long</title><link>http://example.org/1</link><guid>1</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate><description>Body</description></item>
</channel></rss>
XML
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 160 45
wait_for "$long"
tui_screen | grep -F -- "$long" | grep -qF "A feed whose name" ||
    { tui_screen >&2; fail "no feed name beside the title"; }
tui_screen | grep -qF "A feed whose name is far too long for any column" &&
    fail "the feed name's column is not bounded"
keys Tab Enter
wait_for "Body"
tui_screen | sed -n 1p | grep -q "Feeds.*│.*│" ||
    { tui_screen >&2; fail "no three panes with an article open"; }
keys Q
wait_exit 0
exit 0
