#!/bin/sh
# Subscriptions move in from OPML without touching what the dotfile had,
# and move out again as OPML that reads back the same.
. ./lib.sh
cat >"$CONF" <<'EOF'
# my feeds   (odd spacing kept)
feed https://one.example/feed.xml   news  "~One"
set max-items 100
EOF
cp "$CONF" "$WORK/before"
cat >"$WORK/subs.opml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Mine</title></head><body>
<outline text="News">
  <outline type="rss" text="One again" xmlUrl="https://one.example/feed.xml"/>
  <outline type="rss" text="Two &amp; more" xmlUrl="https://two.example/rss?a=1&amp;b=2"/>
  <outline text="Deep">
    <outline type="rss" text="Three" xmlUrl="https://three.example/atom"/>
  </outline>
</outline>
<outline type="rss" text="Four" xmlUrl="http://four.example/index.xml"/>
</body></opml>
EOF
expect_status 0 td import-opml "$WORK/subs.opml"
expect_grep "3 feeds added" "$WORK/out"
head -c "$(wc -c <"$WORK/before")" "$CONF" | cmp -s - "$WORK/before" ||
    fail "the dotfile's existing bytes changed"
grep -qF 'https://two.example/rss?a=1&b=2' "$CONF" || fail "feed two missing"
[ "$(grep -c 'one.example' "$CONF")" -eq 1 ] || fail "feed one listed twice"

# Importing again adds nothing and leaves the file as it is.
cp "$CONF" "$WORK/after"
expect_status 0 td import-opml "$WORK/subs.opml"
expect_grep "0 feeds added" "$WORK/out"
cmp -s "$CONF" "$WORK/after" || fail "a second import changed the dotfile"

# Export, then import into an empty dotfile: the same feeds come back.
expect_status 0 td export-opml
cp "$WORK/out" "$WORK/export.opml"
expect_status 0 "$TIDINGS" -c "$WORK/fresh" import-opml "$WORK/export.opml"
expect_grep "4 feeds added" "$WORK/out"
for u in https://one.example/feed.xml 'https://two.example/rss?a=1&b=2' \
    https://three.example/atom http://four.example/index.xml; do
	grep -qF "$u" "$WORK/fresh" || fail "$u lost in the round trip"
done
