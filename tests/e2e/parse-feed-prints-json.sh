#!/bin/sh
# "tidings parse-feed" turns one file into JSON with no network and no
# database; input that is not a feed exits 1 with one line on stderr.
. ./lib.sh
rss f.xml sample 3
expect_status 0 "$TIDINGS" parse-feed "$WORK/www/f.xml"
python3 - "$WORK/out" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["feed"]["title"] == "sample", doc["feed"]
assert doc["feed"]["link"] == "http://example.org/", doc["feed"]
assert doc["feed"]["dropped_entries"] == 0, doc["feed"]
e = doc["entries"]
assert len(e) == 3, e
assert e[0]["id"] == "item-1" and e[0]["title"] == "sample item 1", e[0]
assert e[0]["published"] == "2024-01-02T10:00:00Z", e[0]
assert e[0]["summary"] == "<p>Body 1</p>", e[0]
assert e[0]["enclosures"] == [] and e[0]["categories"] == [], e[0]
assert set(e[0]) == {"id", "title", "link", "author", "published", "updated",
                     "summary", "content", "lang", "enclosures",
                     "categories"}, e[0]
PY

# From standard input too.
"$TIDINGS" parse-feed - <"$WORK/www/f.xml" >"$WORK/stdin.json"
cmp -s "$WORK/out" "$WORK/stdin.json" || fail "stdin and file differ"

printf '<!DOCTYPE html><html><body><p>hello</p></body></html>\n' >"$WORK/page.html"
expect_status 1 "$TIDINGS" parse-feed "$WORK/page.html"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "expected one line on stderr"
[ ! -s "$WORK/out" ] || fail "printed something for a non-feed"
expect_status 1 "$TIDINGS" parse-feed "$WORK/missing.xml"
[ ! -e "$XDG_DATA_HOME/tidings/tidings.db" ] || fail "parse-feed created a database"
