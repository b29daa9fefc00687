#!/bin/sh
# f (select-filter) opens a menu of the define-filter presets, each name
# beside its expression, in columns that hold with wide characters; the
# items pane's keys move in it (rebound ones too), Enter narrows the
# list, Escape closes it, its first row opens filter's prompt, and it
# follows the terminal's size.
. ./lib.sh
serve
rss alpha.xml Alpha 4
cat >"$CONF" <<CONF
feed $URL/alpha.xml "~Alpha"
define-filter odd title =~ "[13]\$"
define-filter "第二 item" title = "Alpha item 2"
define-filter last title = "Alpha item 4"
bind items J next
bind items K prev
CONF
expect_status 0 td refresh
tui_start 100 20
wait_for "4 unread"
keys j Tab
wait_for "Alpha item 4"

keys f
wait_for "Filter presets"
wait_for "Type an expression"
# Names in a column as wide as the widest, 第二 counting two each.
# 第二 takes four columns: as four x's, the lines align.
line() { tui_screen | sed 's/第二/xxxx/' | grep -F -- "$1" | head -1; }
col() { line "$1" | sed 's/│/|/g' | awk -v s="$2" '{ print index($0, s) }'; }
c1=$(col odd 'title =~')
c2=$(col 'xxxx item' 'title =')
c3=$(col last 'title =')
[ "$c1" -gt 0 ] && [ "$c1" = "$c2" ] && [ "$c1" = "$c3" ] || {
	tui_screen >&2; fail "expressions not in one column ($c1 $c2 $c3)"; }

# Escape closes it and changes nothing.
keys Escape
wait_gone "Filter presets"
wait_for "Alpha item 2"

# The cursor starts on the first preset; J (bound to next) and Down
# move, Enter picks.
keys f
wait_for "Filter presets"
keys J
keys Enter
wait_gone "Filter presets"
wait_for "1 item"
wait_for "Alpha item 2"
tui_screen | grep -q "Alpha item 4" && { tui_screen >&2; fail "not narrowed"; }

# Opened again, it is on the preset in force; K and Up go back to the
# first row, which opens the prompt with the expression in force.
keys f
wait_for "Filter presets"
keys K Up Enter
wait_for 'Filter: title = "Alpha item 2"'
keys C-u
keys -l 'title = "Alpha item 3"'
keys Enter
wait_for "1 item"
wait_for "Alpha item 3"

# It follows the terminal's size, and still works after.
keys f
wait_for "Filter presets"
$T resize-window -x 40 -y 8
$T resize-window -x 12 -y 4
$T resize-window -x 2 -y 2
$T resize-window -x 100 -y 20
wait_for "Filter presets"
keys Down Down Down Down Enter
wait_for "Alpha item 4"
tui_screen | grep -q "Alpha item 3" && { tui_screen >&2; fail "last"; }

# Without presets, f says so.
keys Q
wait_exit 0
printf 'feed %s/alpha.xml "~Alpha"\n' "$URL" >"$CONF"
tui_start 100 20
wait_for "4 unread"
keys j Tab f
wait_for "No presets: the dotfile has no define-filter line"
keys Q
wait_exit 0
