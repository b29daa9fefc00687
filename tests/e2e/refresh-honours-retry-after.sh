#!/bin/sh
# A feed that answers 429 with Retry-After, or whose RSS ttl asks for
# fewer visits, is left alone until then by a plain refresh.
. ./lib.sh
serve
rss ok.xml ok 2
sed 's#<link>http://example.org/</link>#&<ttl>600</ttl>#' "$WORK/www/ok.xml" \
    >"$WORK/www/ttl.xml"
cat >"$CONF" <<EOF
set refresh-interval 0
feed $URL/ok.xml
feed $URL/ttl.xml
feed $URL/_/retry-after?code=429&after=3600 "~busy"
EOF
expect_status 3 td refresh
expect_grep "busy: HTTP 429" "$WORK/out"

# refresh-interval 0 makes every feed due at every refresh, except those
# that asked to be left alone.
: >"$WORK/server.log"
expect_status 0 td refresh
expect_grep "from 1 feed:" "$WORK/out"
expect_grep "2 not due" "$WORK/out"
grep -q 'retry-after' "$WORK/server.log" && fail "Retry-After was not honoured"
grep -q 'ttl.xml' "$WORK/server.log" && fail "the RSS ttl was not honoured"
now=$(date +%s)
next=$(sql "select next_fetch from feeds where url like '%retry-after%'")
[ "$next" -gt $((now + 3000)) ] || fail "next fetch $next is not an hour ahead of $now"
