#!/bin/sh
# A tag's All items row lists what the rows under it list: the items of
# the feeds that carry the tag and of the queries that carry it, each
# once, and counts their unread items, in the tag list and on the row; a
# tag that only queries carry lists their items. Marking the row read
# marks what it lists.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
rss gamma.xml Gamma 2
cat >"$CONF" <<CONF
feed $URL/alpha.xml news "~Alpha"
feed $URL/beta.xml tech "~Beta"
feed $URL/gamma.xml tech "~Gamma"
query "Second items" 'title =~ " item 2$"' news saved
CONF
expect_status 0 td refresh
tui_start 100 20
wait_for "7 unread"

# news: Alpha's three, Beta's and Gamma's second (Alpha's once); saved:
# the three second items.
keys t
wait_for "(every feed)"
wait_for "saved"
tui_screen | grep -qE "^ *5 +news" || {
	tui_screen >&2; fail "news does not count its query's items"; }
tui_screen | grep -qE "^ *3 +saved" || {
	tui_screen >&2; fail "saved does not count its query's items"; }
keys j Enter
wait_for "Feeds: news"
tui_screen | grep -qE "^ *5 +All items of the tag" || {
	tui_screen >&2; fail "the tag's row does not count its query"; }
wait_for "All items tagged news"
wait_for "Gamma item 2"
wait_for "Beta item 2"
wait_for "Alpha item 3"
tui_screen | grep -q "Beta item 1" && {
	tui_screen >&2; fail "an item of no row of the tag is listed"; }
[ "$(tui_screen | grep -c "Alpha item 2")" -eq 1 ] || {
	tui_screen >&2; fail "Alpha item 2 is not listed once"; }

# saved, which no feed carries: its query's items.
keys t
wait_for "(every feed)"
keys j j j Enter
wait_for "Feeds: saved"
wait_for "All items tagged saved"
wait_for "Gamma item 2"
wait_for "Beta item 2"
wait_for "Alpha item 2"
tui_screen | grep -q "Alpha item 1" && {
	tui_screen >&2; fail "an item of no query of the tag is listed"; }

# Marked read from there: the three, and nothing else.
keys A
wait_for "Marked 3 items read"
keys t
wait_for "(every feed)"
wait_for "4 (every feed)"
tui_screen | grep -qE "^ *2 +news" || {
	tui_screen >&2; fail "news does not count what is left"; }
tui_stop
