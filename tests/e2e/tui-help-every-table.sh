#!/bin/sh
# ? shows every key table, the focused pane's first, so the items' and
# the article's keys (s, N, v, f, J, K) and the downloads view's (c, r,
# x, Enter) are found from the feeds pane; on
# a terminal 40 columns wide each action's text gets lines of its own,
# whole words at a time, rather than a column one character wide.
. ./lib.sh
serve
rss a.xml a 2
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
tui_start 40 250
wait_for "a"
keys '?'
wait_for "Keys in the feeds pane (here)"
wait_for "Keys in the items pane"
wait_for "Keys in the article pane"
wait_for "Keys in every pane (global)"
wait_for "Keys in the downloads view (D)"
tui_screen >"$WORK/help"
for want in "s toggle-star" "N toggle-read" "v toggle-full-article" \
    "f open-link" "J next-item" "K prev-item" "c cancel-download" \
    "r retry-download" "x, DC remove-download" "Enter, e play-download" \
    "    Open the next item of the list." \
    "    Star the item, or take its star"; do
	grep -qF -- "$want" "$WORK/help" ||
	    { cat "$WORK/help" >&2; fail "no '$want' in the help"; }
done
# No text wrapped a letter a line.
if grep -qE '^ *[a-z] *$' "$WORK/help"; then
	cat "$WORK/help" >&2
	fail "a line of one letter"
fi
# The feeds pane's first: its heading comes before the others.
first=$(grep -n 'Keys in' "$WORK/help" | head -n 1)
case $first in *"feeds pane"*) ;; *) fail "first table: $first" ;; esac
keys q
wait_gone "Keys in the items pane"
# From the items pane its table comes first.
keys Tab '?'
wait_for "Keys in the items pane (here)"
keys q
keys Q
wait_exit 0
exit 0
