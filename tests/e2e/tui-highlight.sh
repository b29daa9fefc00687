#!/bin/sh
# highlight paints the rows of the items its expression selects, the
# first rule that selects one winning; the others keep their look.
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
keys Q
wait_exit 0
