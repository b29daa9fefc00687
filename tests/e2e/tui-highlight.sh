#!/bin/sh
# highlight paints the rows of the items its expression selects, the
# first rule that selects one winning; the others keep their look. One
# typed at the prompt takes effect at once.
. ./lib.sh
serve
rss alpha.xml Alpha 3
rss beta.xml Beta 3
cat >"$CONF" <<CONF
feed $URL/alpha.xml news
feed $URL/beta.xml
highlight 'title =~ "item 1"' colour208 default bold
highlight 'tags # "news"' colour33 default
CONF
expect_status 0 td refresh
tui_start 120 12
wait_for "Beta item 3"
$T capture-pane -p -e >"$WORK/screen"
row() { grep "$1" "$WORK/screen" | head -1; }
row "Beta item 1" | grep -q "38;5;208" ||
    fail "Beta item 1 is not in colour 208: $(row 'Beta item 1')"
row "Alpha item 1" | grep -q "38;5;208" ||
    fail "the first rule does not win for Alpha item 1"
row "Alpha item 2" | grep -q "38;5;33" ||
    fail "Alpha item 2 is not in colour 33: $(row 'Alpha item 2')"
row "Beta item 2" | grep -qE "38;5;(208|33)" &&
    fail "Beta item 2 is highlighted: $(row 'Beta item 2')"

# Typed at the prompt, a rule joins the dotfile's, after them; a mistake
# names its column and adds nothing.
keys :
keys -l "highlight 'titel = \"x\"' red blue"
keys Enter
wait_for 'column 12: unknown attribute "titel"'
keys :
keys -l "highlight 'title = \"Beta item 2\"' colour160 default"
keys Enter
wait_for "Highlight added"
n=0
until $T capture-pane -p -e | grep "Beta item 2" | grep -q "38;5;160"; do
	n=$((n + 1))
	[ $n -le 50 ] || fail "Beta item 2 did not take colour 160"
	sleep 0.1
done
$T capture-pane -p -e >"$WORK/screen"
row "Alpha item 1" | grep -q "38;5;208" ||
    fail "Alpha item 1 lost its colour: $(row 'Alpha item 1')"
keys Q
wait_exit 0
