#!/bin/sh
# "tidings items --filter" lists what an expression selects; the
# dotfile's ignore lines hide items from items and unread, and a mistake
# in an expression is config:LINE:COLUMN, with nothing started.
. ./lib.sh
serve
rss a.xml alpha 3
rss b.xml beta 2
cat >"$CONF" <<EOF
feed $URL/a.xml news "~Alpha"
feed $URL/b.xml tech
EOF
expect_status 0 td refresh
expect_eq "unread" "$(td unread)" 5

expect_status 0 td items --filter 'title =~ "^ALPHA item [12]$"'
expect_eq "regex" "$(grep -c '^20' "$WORK/out")" 2
expect_grep "Alpha: alpha item 1" "$WORK/out"
expect_status 0 td items --filter 'tags # "tech" and unread = "yes"' --json
python3 - "$WORK/out" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
assert sorted(i["title"] for i in items) == ["beta item 1", "beta item 2"], items
PY
expect_status 0 td items --filter 'feedtitle = "Alpha" and ~ "body"'
expect_eq "fts" "$(grep -c '^20' "$WORK/out")" 3
# SQL in an expression is a string that matches nothing.
expect_status 0 td items --filter "title = \"x' OR 1=1; DROP TABLE items; --\""
expect_eq "sql as text" "$(cat "$WORK/out")" ""
expect_eq "items stay" "$(sql 'select count(*) from items')" 5

# A mistake names its column, and lists nothing.
expect_status 2 td items --filter 'unread = "yes" and titel =~ "x"'
expect_grep 'column 20: unknown attribute "titel"; did you mean "title"?' \
    "$WORK/err"
[ ! -s "$WORK/out" ] || fail "items listed after a bad filter"

# The killfile: the items stay in the store, and nothing shows or
# counts them.
cat >>"$CONF" <<'EOF'
ignore title =~ "item 2$" and feedurl =~ "a\.xml$"
ignore 'tags # "tech" and title = "beta item 1"'
EOF
expect_eq "unread, killfile" "$(td unread)" 3
expect_status 0 td items
expect_eq "items, killfile" "$(grep -c '^20' "$WORK/out")" 3
grep -q "alpha item 2" "$WORK/out" && fail "an ignored item is listed"
grep -q "beta item 1" "$WORK/out" && fail "an ignored item is listed"
expect_eq "kept" "$(sql 'select count(*) from items')" 5

# A bad expression in the dotfile: config:LINE:COLUMN, nothing runs.
: >"$WORK/server.log"
cat >>"$CONF" <<'EOF'
query "Long reads" age > 3 and (content =~ "x" or
EOF
expect_status 2 td refresh
expect_grep "$CONF:5:50: expected an attribute" "$WORK/err"
[ ! -s "$WORK/server.log" ] || fail "a feed was fetched"
