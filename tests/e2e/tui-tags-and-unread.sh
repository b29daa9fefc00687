#!/bin/sh
# Reading by tag and by what is unread: t lists the dotfile's tags and
# the one chosen limits the feeds; U shows only unread feeds and items;
# n and p walk the unread items across feeds.
. ./lib.sh
serve
rss alpha.xml Alpha 2
rss beta.xml Beta 2
rss gamma.xml Gamma 2
cat >"$CONF" <<CONF
feed $URL/alpha.xml news "~Alpha"
feed $URL/beta.xml tech "~Beta"
feed $URL/gamma.xml news tech "~Gamma"
CONF
expect_status 0 td refresh
sql "update items set read = 1 where feed_id = (select id from feeds where url like '%beta.xml')"
tui_start 100 20
wait_for "4 unread"
keys t
wait_for "(every feed)"
wait_for "news"
keys j Enter
wait_for "Feeds: news"
wait_for "All items tagged news"
tui_screen | grep -q "Beta" && fail "Beta has no tag news"
keys Escape
wait_for "All items"
wait_for "Beta"

# Only what is unread: Beta, read, goes.
keys U
wait_for "Showing unread items only"
wait_gone "Beta"
wait_for "1/4"

# n walks the unread items of a feed, then on into the next feed; p
# walks back.
keys j
wait_for "│ Alpha"
keys n
wait_for "1/2"
keys n
wait_for "2/2"
keys n
wait_for "│ Gamma"
wait_for "1/2"
keys n
wait_for "2/2"
keys n
wait_for "No more unread items"
keys p
wait_for "1/2"
keys p
wait_for "│ Alpha"
wait_for "2/2"
keys U
wait_for "Showing all items"
wait_for "Beta"
keys Q
wait_exit 0
