#!/bin/sh
# Broken servers and broken feeds each end in a clear per-feed error; the
# good feeds beside them are stored all the same, and the exit status says
# that something failed.
. ./lib.sh
serve
rss good.xml good 10
rss other.xml other 4
rss moved.xml moved 3
cat >"$CONF" <<EOF
set stall-timeout 2s
feed $URL/good.xml
feed $URL/_/status/404 "~gone"
feed $URL/_/status/500 "~broken"
feed $URL/_/html "~webpage"
feed $URL/_/truncated?file=other.xml "~truncated"
feed $URL/_/huge?mb=8 "~huge" < max-response-size 1M
feed $URL/_/bomb?mb=64 "~bomb" < max-response-size 1M
feed $URL/_/badgzip "~badgzip"
feed $URL/_/stall?seconds=20 "~stall"
feed $URL/_/redirect-loop "~loop"
feed http://127.0.0.1:1/refused.xml "~refused"
feed $URL/_/redirect/301?to=/moved.xml "~permanent"
feed $URL/_/redirect/302?to=/other.xml "~temporary"
EOF

expect_status 3 td refresh
cat "$WORK/out"
expect_grep "17 new items from 13 feeds: 3 updated, 0 unchanged, 10 failed" "$WORK/out"
for name in gone broken webpage truncated huge bomb badgzip stall loop refused; do
	grep -q "^  $name: " "$WORK/out" || fail "$name is not listed as failed"
done
expect_grep "gone: HTTP 404" "$WORK/out"
expect_grep "broken: HTTP 500" "$WORK/out"
expect_grep "webpage: not a feed" "$WORK/out"
expect_grep "huge: response larger than 1 MiB" "$WORK/out"
expect_grep "bomb: response larger than 1 MiB" "$WORK/out"
expect_grep "loop: too many redirects" "$WORK/out"
expect_grep "/_/redirect/301?to=/moved.xml moved permanently to $URL/moved.xml" "$WORK/out"
grep -q "temporary" "$WORK/out" && fail "a temporary redirect was reported"

# Every failure is recorded on its feed; the good ones have their items.
expect_eq "stored errors" "$(sql 'select count(*) from feeds where error is not null')" 10
expect_eq "good items" "$(sql "select count(*) from items i join feeds f on f.id = i.feed_id where f.url like '%good.xml'")" 10
expect_eq "items" "$(sql 'select count(*) from items')" 17
expect_eq "404 status" "$(sql "select status from feeds where url like '%status/404'")" 404
