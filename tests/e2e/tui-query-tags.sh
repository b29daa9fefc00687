#!/bin/sh
# A query carries tags as a feed does: written after its quoted
# expression, shown beside its name, and listed under each of its tags
# in the tag view; a tag only queries carry is one of the tags, counted
# by its queries.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
cat >"$CONF" <<CONF
feed $URL/alpha.xml news "~Alpha"
feed $URL/beta.xml tech "~Beta"
query "Second items" 'title =~ " item 2$"' news saved
query Everything 'unread = "yes"'
CONF
expect_status 0 td refresh
# The feeds pane alone: the items pane lists the queries' items too.
feeds_pane() { tui_screen | sed 's/│.*//'; }
tui_start 100 20
wait_for "5 unread"
wait_for "Second items"
tui_screen | grep -qE "^ *2 +Second items +news saved" || {
	tui_screen >&2; fail "the query's tags are not beside it"; }

# The tag list has the queries' tags; "saved" counts its query's items.
keys t
wait_for "(every feed)"
wait_for "saved"
tui_screen | grep -qE "^ *2 +saved" || {
	tui_screen >&2; fail "the tag saved does not count its query"; }
# Under news: the query that has the tag and the feed, not the other.
keys j Enter
wait_for "Feeds: news"
wait_for "Second items"
wait_for "Alpha"
tui_screen | grep -q "Everything" && {
	tui_screen >&2; fail "a query without the tag is listed"; }
feeds_pane | grep -q "Beta" && { tui_screen >&2; fail "Beta is listed"; }
# Opened from there, it lists its items of every feed.
keys j
wait_for "Alpha item 2"
wait_for "Beta item 2"
# Under saved: the query alone.
keys t
wait_for "(every feed)"
keys j j j Enter
wait_for "Feeds: saved"
wait_for "Second items"
feeds_pane | grep -q "Alpha" && { tui_screen >&2; fail "Alpha is listed"; }
keys Escape
wait_for "Everything"
keys q
wait_exit 0
