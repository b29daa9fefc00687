#!/bin/sh
# S (cycle-sort) sorts the items list in view in the next order, the
# status line naming it and the cursor staying on its item; a feed's
# "sort" in the dotfile is its list's order, and tidings items follows
# the global one; feed-sort-order orders the feeds pane.
. ./lib.sh
serve
fruit() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>\n' "$1"
		printf '<item><title>Banana</title><guid>b</guid>'
		printf '<pubDate>Wed, 03 Jan 2024 10:00:00 GMT</pubDate></item>\n'
		printf '<item><title>Cherry</title><guid>c</guid>'
		printf '<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>\n'
		printf '<item><title>apple</title><guid>a</guid>'
		printf '<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>\n'
		printf '</channel></rss>\n'
	} >"$WORK/www/$2"
}
fruit Fruit fruit.xml
fruit Sorted sorted.xml
cat >"$CONF" <<CONF
feed $URL/fruit.xml "~Fruit"
feed $URL/sorted.xml "~Sorted" < sort title-desc
CONF
expect_status 0 td refresh

# order A B C: A, B and C are on the screen's items pane in that order.
order() {
	tui_screen >"$WORK/screen"
	_prev=0
	for _w in "$@"; do
		_n=$(grep -n "$_w" "$WORK/screen" | head -n 1 | cut -d: -f1)
		[ -n "$_n" ] && [ "$_n" -gt "$_prev" ] ||
		    { cat "$WORK/screen" >&2; fail "not in the order $*"; }
		_prev=$_n
	done
}

tui_start 100 20
wait_for "6 unread"
keys j Tab
wait_for "apple"
order Banana Cherry apple
keys S
wait_for "Sorted by date-asc"
wait_for "$(printf 'date-asc \302\267')"
order apple Cherry Banana
keys S
wait_for "Sorted by title-asc"
order apple Banana Cherry
# A refresh reloads the list; the order picked stays.
keys R
wait_for "new items from"
order apple Banana Cherry
wait_for "$(printf 'title-asc \302\267')"
# The cursor stays on its item: the first row, apple, is now last.
keys g S
wait_for "Sorted by title-desc"
order Cherry Banana apple
wait_for "3/3"
keys S S S
wait_for "Sorted by unread-desc"
keys S
wait_for "Sorted by date-desc"
order Banana Cherry apple
tui_screen | grep -q "$(printf 'date-desc \302\267')" &&
    { tui_screen >&2; fail "the default order named"; }

# A feed's own sort in the dotfile.
keys Tab j Tab
wait_for "$(printf 'title-desc \302\267')"
order Cherry Banana apple
keys Q
wait_exit 0

# tidings items in the global order.
echo "set sort title-asc" >>"$CONF"
td items -n 3 >"$WORK/items" || fail "items failed"
first=$(head -n 1 "$WORK/items")
case $first in
*apple*) ;;
*) cat "$WORK/items" >&2; fail "items not in title order" ;;
esac

# feed-sort-order: the feeds pane by name, Z first; set at the prompt,
# the order of the feed lines again.
echo "set feed-sort-order title-desc" >>"$CONF"
echo "set panes 1" >>"$CONF"
tui_start 100 20
wait_for "6 unread"
order "All items" Sorted Fruit
keys :
keys -l "set feed-sort-order none"
keys Enter
wait_for "feed-sort-order is none-asc"
order "All items" Fruit Sorted
keys Q
wait_exit 0
