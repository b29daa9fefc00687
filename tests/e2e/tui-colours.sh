#!/bin/sh
# color paints the screen's elements, with 256-colour numbers too; with
# NO_COLOR set the attributes stay and the colours go. The prompt's
# color line repaints at once.
. ./lib.sh
serve
rss alpha.xml Alpha 2
rss beta.xml Beta 2
cat >"$CONF" <<CONF
feed $URL/alpha.xml
feed $URL/beta.xml
color feed colour208 default
color date brightred default underline
CONF
expect_status 0 td refresh
tui_start 100 10
wait_for "Beta item 2"
esc=$(printf '\033')
$T capture-pane -p -e | grep -q "${esc}\[38;5;208mAlpha" ||
    fail "the feed's name is not in colour 208"
keys : 'color feed colour33 default' Enter
wait_for "Colour set"
$T capture-pane -p -e | grep -q "${esc}\[38;5;33mAlpha" ||
    fail "the prompt's color did not repaint"
keys Q
wait_exit 0

tui_start 100 10 NO_COLOR=1
wait_for "Beta item 2"
$T capture-pane -p -e >"$WORK/screen"
grep -qE "(\[|;)(38;5;[0-9]+|3[0-7]|9[0-7])(;|m)" "$WORK/screen" &&
    fail "colours despite NO_COLOR"
grep -q "${esc}\[1m" "$WORK/screen" || fail "no bold with NO_COLOR"
keys Q
wait_exit 0
