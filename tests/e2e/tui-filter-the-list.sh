#!/bin/sh
# F narrows the items list in view to a filter expression; a mistake is
# shown with its column and changes nothing; Tab at its prompt goes
# through the define-filter presets; back shows the whole list again.
. ./lib.sh
serve
rss alpha.xml Alpha 4
cat >"$CONF" <<CONF
feed $URL/alpha.xml "~Alpha"
define-filter odd title =~ "[13]\$"
define-filter "the second" title = "Alpha item 2"
CONF
expect_status 0 td refresh
tui_start 100 20
wait_for "4 unread"
keys j Tab
wait_for "Alpha item 4"

# From the third row: the narrowed list starts at its top.
keys j j
wait_for "3/4"
keys F
wait_for "Filter:"
keys -l 'title =~ "item [34]$" and unread = "yes"'
keys Enter
wait_for "Alpha | title =~"
wait_for "2 items"
wait_for "1/2"
tui_screen | grep -q "Alpha item 1" && { tui_screen >&2; fail "not narrowed"; }
wait_for "Alpha item 3"

# A mistake: its column, and the list as it was.
keys F C-u
keys -l 'title =~ "x" and unred = "yes"'
keys Enter
wait_for 'Filter: column 18: unknown attribute "unred"'
wait_for "Alpha item 4"
tui_screen | grep -q "Alpha item 2" && { tui_screen >&2; fail "filter lost"; }

# A preset at the prompt: Tab goes to the next one.
keys F C-u Tab
wait_for 'Filter [odd]: title =~ "[13]$"'
keys Tab
wait_for 'Filter [the second]: title = "Alpha item 2"'
keys Tab
wait_for 'Filter [odd]: title =~ "[13]$"'
keys Enter
wait_for "2 items"
wait_for "Alpha item 1"
tui_screen | grep -q "Alpha item 4" && { tui_screen >&2; fail "preset"; }

# Another filter starts at its top too, wherever the last one's top
# item falls in it.
keys F C-u
keys -l 'title =~ "item [34]$"'
keys Enter
wait_for "Alpha item 4"
wait_for "1/2"

# Back: the whole list again.
keys Escape
wait_for "Filter cleared"
wait_for "Alpha item 4"
wait_for "Alpha item 2"
keys Q
wait_exit 0
