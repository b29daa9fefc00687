#!/bin/sh
# The reader follows the terminal's size at any moment, down to a single
# cell, without dying or leaving a garbled screen: panes come and go with
# the width, and a key pressed at any size still works.
. ./lib.sh
serve
rss alpha.xml Alpha 3
printf 'feed %s/alpha.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 160 30
wait_for "Alpha item 3"
for size in 100x30 60x10 20x5 10x3 5x2 1x1 2x1 1x3 200x60 30x8 3x3; do
	$T resize-window -x "${size%x*}" -y "${size#*x}"
	keys j Tab k '?' q
done
$T resize-window -x 60 -y 12
keys Escape Escape
wait_for "Feeds"
wait_for "All items"
# One pane at 60 columns: the feeds pane fills the width.
wait_gone "Alpha item"
$T resize-window -x 100 -y 20
wait_for "Alpha item 3"
keys Tab Enter
wait_for "Body"
wait_gone "Feeds"
$T resize-window -x 160 -y 20
# An article is open: three panes at 160 columns.
wait_for "Feeds"
tui_screen | sed -n 1p | grep -q "Feeds.*│.*│ Alpha" ||
    { tui_screen >&2; fail "no three panes at 160 columns"; }
keys Q
wait_exit 0
