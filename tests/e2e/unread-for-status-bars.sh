#!/bin/sh
# "tidings unread" prints a number for status bars; --json splits it per
# feed and per tag.
. ./lib.sh
serve
rss a.xml a 3
rss b.xml b 2
cat >"$CONF" <<EOF
feed $URL/a.xml news
feed $URL/b.xml news tech
EOF
expect_status 0 td unread
expect_eq "before any refresh" "$(cat "$WORK/out")" 0
expect_status 0 td refresh
sql "update items set read = 1 where guid = 'item-1' and feed_id = (select id from feeds where url like '%a.xml')"
expect_eq unread "$(td unread)" 4
td unread --json >"$WORK/u.json"
python3 - "$WORK/u.json" "$URL" <<'PY'
import json, sys
u = json.load(open(sys.argv[1]))
url = sys.argv[2]
assert u["total"] == 4, u
assert u["feeds"][url + "/a.xml"] == 2 and u["feeds"][url + "/b.xml"] == 2, u
assert u["tags"] == {"news": 4, "tech": 2}, u
PY
expect_eq "--format" "$(td unread --format 'RSS %u/%t in %U feeds, 100%%')" \
    "RSS 4/5 in 2 feeds, 100%"
# %n (new items) has no number outside notify-command: it stays as written.
expect_eq "--format %n" "$(td unread --format '%n/%u%')" "%n/4%"
expect_status 2 td unread --json --format %u

# "items -n" stops at its count (it used to crash there).
expect_status 0 td items -n 2
expect_eq "items -n 2" "$(grep -c '^20[0-9][0-9]-' "$WORK/out")" 2
