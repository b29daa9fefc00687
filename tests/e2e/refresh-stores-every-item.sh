#!/bin/sh
# A user lists feeds, runs "tidings refresh", and every item is stored;
# a second refresh asks with validators, gets 304s, and stores nothing twice.
. ./lib.sh
serve
rss a.xml alpha 30
rss b.rss beta 20
cat >"$WORK/www/c.atom" <<'ATOM'
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gamma</title>
<link href="http://example.org/gamma/"/><id>urn:gamma</id>
<updated>2024-01-02T00:00:00Z</updated>
<entry><title>One</title><id>urn:gamma:1</id><link href="/g/1"/>
<updated>2024-01-01T00:00:00Z</updated><summary>s</summary></entry>
<entry><title>Two</title><id>urn:gamma:2</id><link href="/g/2"/>
<updated>2024-01-02T00:00:00Z</updated><summary>s</summary></entry>
</feed>
ATOM
cat >"$CONF" <<EOF
feed $URL/a.xml news
feed $URL/b.rss news tech "~Beta feed"
feed $URL/c.atom
EOF

expect_status 0 td refresh
expect_grep "52 new items from 3 feeds" "$WORK/out"
expect_eq items "$(sql 'select count(*) from items')" 52
expect_eq unread "$(td unread)" 52
expect_eq "feed title" "$(sql "select title from feeds where url like '%c.atom'")" Gamma
expect_eq "relative link" \
    "$(sql "select link from items where guid = 'urn:gamma:2'")" \
    "$URL/g/2"

# Nothing is due yet: a plain refresh fetches nothing.
: >"$WORK/server.log"
expect_status 0 td refresh
expect_grep "0 new items from 0 feeds" "$WORK/out"
[ ! -s "$WORK/server.log" ] || fail "a refresh fetched feeds that were not due"

# --all fetches everything, with validators, and every answer is a 304.
expect_status 0 td refresh --all
expect_grep "3 unchanged" "$WORK/out"
[ "$(awk -F '\t' '$3 == 304' "$WORK/server.log" | wc -l)" -eq 3 ] ||
    { cat "$WORK/server.log"; fail "expected three 304 answers"; }
expect_eq items "$(sql 'select count(*) from items')" 52
