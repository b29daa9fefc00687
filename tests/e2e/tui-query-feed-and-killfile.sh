#!/bin/sh
# A query feed is a row of the feeds pane with its unread count, opens
# like a feed and is always current; an ignored item is shown nowhere and
# counted nowhere, though it stays in the database.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 2
cat >"$CONF" <<'CONF'
query "Second items" title =~ " item 2$"
query 'Tagged tech' tags # "tech" and unread = "yes"
ignore title = "Alpha item 3"
CONF
cat >>"$CONF" <<CONF
feed $URL/alpha.xml news "~Alpha"
feed $URL/beta.xml tech "~Beta"
CONF
expect_status 0 td refresh
tui_start 100 20
# Five items, one of them ignored: four unread in all.
wait_for "4 unread"
wait_for "Second items"
wait_for "Tagged tech"
tui_screen | grep -qE "^ *2 +Second items" || {
	tui_screen >&2; fail "the query's count is not 2"; }
tui_screen | grep -qE "^ *2 +Tagged tech" || {
	tui_screen >&2; fail "Tagged tech's count is not 2"; }

# Opened like a feed, from its row under All items: its items, of both
# feeds, and no others.
keys j
# The items pane is titled after the list it shows once it shows it.
wait_for "│ Second items"
wait_for "Alpha item 2"
wait_for "Beta item 2"
tui_screen | grep -q "item 1" && { tui_screen >&2; fail "item 1 listed"; }

# Always current: reading an item changes the query's count at once.
keys Tab Enter
wait_for "Link:"
keys q
wait_gone "Link:"
wait_for_count() {
	n=0
	until tui_screen | grep -qE "$1"; do
		n=$((n + 1))
		[ $n -le 100 ] || { tui_screen >&2; fail "no $1"; }
		sleep 0.1
	done
}
wait_for_count "^ *1 +Second items"

# The ignored item: not in All items, not in Alpha's count.
keys q k
wait_for "│ All items"
wait_for "Beta item 1"
tui_screen | grep -q "Alpha item 3" && {
	tui_screen >&2; fail "an ignored item is listed"; }
want=$(sql "select count(*) from items i join feeds f on f.id = i.feed_id
    where f.url like '%alpha.xml' and i.read = 0
    and i.title != 'Alpha item 3'")
tui_screen | grep -qE "^ *$want +Alpha" || {
	tui_screen >&2; fail "Alpha's count is not $want"; }
[ "$(sql "select count(*) from items where title = 'Alpha item 3'")" = 1 ] ||
    fail "the ignored item left the database"
# I shows it in the lists, and hides it again.
keys I
wait_for "Showing ignored items too"
wait_for "Alpha item 3"
keys I
wait_for "Hiding ignored items"
wait_gone "Alpha item 3"

# A marks the query's items read, and no others.
keys j
wait_for "│ Second items"
keys A
wait_for_count "^ *1 +Alpha"
[ "$(sql "select count(*) from items where read = 0")" = 3 ] ||
    fail "A marked more than the query's items"
tui_screen | grep -qE "^ *[0-9]+ +Second items" && {
	tui_screen >&2; fail "the query still counts unread items"; }
keys q
wait_exit 0
