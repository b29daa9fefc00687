#!/bin/sh
# The first start, with no dotfile: the screen says how to begin (":add"
# with an address, which writes the dotfile), whole at any width: in the
# items pane when it shows, else under the feeds pane's one row.
. ./lib.sh
serve
rss a.xml a 2
CONF="$WORK/conf.d/config"
for size in "160 45" "100 30" "40 15"; do
	# shellcheck disable=SC2086
	tui_start $size
	wait_for "No feeds yet."
	wait_for "Type :add"
	wait_for "subscribe;"
	wait_for "import-newsboat."
	# The place is whole, on one line or broken over two.
	tui_screen | tr -d ' \n' | sed 's/│//g' | grep -qF -- "$CONF" ||
	    { tui_screen >&2; fail "the path is cut at $size"; }
	keys Q
	wait_exit 0
	tui_stop
done
tui_start 40 15
keys : "add $URL/a.xml" Enter
wait_for "2 unread"
expect_eq "dotfile" "$(cat "$CONF")" "feed $URL/a.xml"
keys Q
wait_exit 0
exit 0
