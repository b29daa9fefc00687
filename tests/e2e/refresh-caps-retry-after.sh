#!/bin/sh
# A server's Retry-After and a feed's RSS ttl may say anything: a number
# past any clock (9223372036854775807 seconds), ten years, a year of
# minutes. A refresh honours them for a week at most, also when an older
# tidings stored a longer wait, and "refresh -v" says of each feed left
# alone until when and why.
. ./lib.sh
serve
rss ok.xml ok 1
sed 's#<link>http://example.org/</link>#&<ttl>525600</ttl>#' "$WORK/www/ok.xml" \
    >"$WORK/www/ttl.xml"
cat >"$CONF" <<EOF
set refresh-interval 1h
feed $URL/ok.xml "~plain"
feed $URL/ttl.xml "~long ttl"
feed $URL/_/retry-after?code=429&after=9223372036854775807 "~huge"
feed $URL/_/retry-after?code=503&after=315360000 "~decade"
EOF
expect_status 3 td refresh
expect_grep "huge: HTTP 429" "$WORK/out"
expect_grep "decade: HTTP 503" "$WORK/out"
now=$(date +%s)
week=$((7 * 86400))
for url in "%ttl.xml" "%after=9223372036854775807" "%after=315360000"; do
	next=$(sql "select next_fetch from feeds where url like '$url'")
	[ "$next" -gt $((now + week - 120)) ] && [ "$next" -le $((now + week)) ] ||
	    fail "$url: next fetch $next is not a week after $now"
done

# A wait of ten years stored by an older version is cut to a week too.
sql "update feeds set next_fetch = last_fetch + 315360000 where url like '%after=315360000'" >/dev/null
expect_status 0 td refresh -v
expect_grep "0 new items from 0 feeds: 0 updated, 0 unchanged, 0 failed, 4 not due" "$WORK/out"
expect_grep "not due:" "$WORK/out"
week_on=$(date -u -d "@$((now + week))" +%Y-%m-%d)
expect_grep "  plain: not due until " "$WORK/out"
grep "  plain: not due until" "$WORK/out" | grep -q "(refresh-interval)" || fail "plain: no reason"
expect_grep "  long ttl: not due until $week_on" "$WORK/out"
grep "  long ttl: not due until" "$WORK/out" | grep -q "(ttl)$" || fail "ttl: no reason"
grep "  huge: not due until $week_on" "$WORK/out" | grep -q "(Retry-After)$" ||
    fail "huge: not a week, or no reason"
grep "  decade: not due until $week_on" "$WORK/out" | grep -q "(Retry-After)$" ||
    fail "decade: not a week, or no reason"
expect_status 0 td refresh
grep -q "not due:" "$WORK/out" && fail "a plain refresh listed the feeds not due"
exit 0
