#!/bin/sh
# The faults refresh-survives-bad-feeds.sh leaves out: a closed port, a
# name that does not resolve, a TLS handshake with a server that speaks
# plain HTTP, a self-signed certificate (when openssl is there), 410, a 1 GiB body under the default size cap, a body that
# stalls half-way, 100,000 items in one feed and a feed that changes every
# item's id on every fetch. Each ends in its own error or a sane result and
# the good feed beside them is stored all the same.
. ./lib.sh
serve
rss good.xml good 10
# A port that was bound and closed again: nothing listens there.
CLOSED=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
# A second server speaks HTTPS with a certificate made here and now,
# which nobody trusts; without openssl a feed stands in for it that fails
# the same way.
TLS_PID=
trap '[ -n "$TLS_PID" ] && kill "$TLS_PID" 2>/dev/null; cleanup' EXIT
if command -v openssl >/dev/null &&
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$WORK/key.pem" \
    -out "$WORK/cert.pem" 2>/dev/null; then
	cat "$WORK/key.pem" "$WORK/cert.pem" >"$WORK/tls.pem"
	python3 "$TOP/tests/server/server.py" --root "$WORK/www" \
	    --tls "$WORK/tls.pem" >"$WORK/tls-port" 2>/dev/null &
	TLS_PID=$!
	n=0
	while [ ! -s "$WORK/tls-port" ]; do
		n=$((n + 1))
		[ $n -le 100 ] || fail "the TLS server did not start"
		sleep 0.1
	done
	SELFSIGNED="https://127.0.0.1:$(head -n 1 "$WORK/tls-port")/good.xml"
	SELFSIGNED_ERROR="selfsigned: SSL certificate problem: self-signed certificate"
else
	SELFSIGNED="$URL/_/status/495"
	SELFSIGNED_ERROR="selfsigned: HTTP 495"
fi
# .invalid never resolves (RFC 6761); without a resolver glibc gives up
# after one try of a second.
export RES_OPTIONS="timeout:1 attempts:1"
cat >"$CONF" <<EOC
set stall-timeout 3s
set connect-timeout 10s
feed $URL/good.xml
feed http://127.0.0.1:$CLOSED/feed.xml "~refused"
feed http://tidings-test.invalid/feed.xml "~nodns"
feed https://127.0.0.1:$PORT/good.xml "~tls"
feed $SELFSIGNED "~selfsigned"
feed $URL/_/status/410 "~gone"
feed $URL/_/huge?mb=1024 "~gigabyte"
feed $URL/_/stall?seconds=60&bytes=100 "~stalled"
feed $URL/_/many?n=100007 "~many"
EOC

expect_status 3 td refresh
cat "$WORK/out"
expect_grep "100010 new items from 9 feeds: 2 updated, 0 unchanged, 7 failed" \
    "$WORK/out"
expect_grep "refused: Failed to connect to 127.0.0.1 port $CLOSED: Connection refused" "$WORK/out"
expect_grep "nodns: Could not resolve host: tidings-test.invalid" "$WORK/out"
expect_grep "tls: TLS handshake failed: OpenSSL SSL_connect" "$WORK/out"
expect_grep "$SELFSIGNED_ERROR" "$WORK/out"
expect_grep "gone: HTTP 410 Gone" "$WORK/out"
expect_grep "gigabyte: response larger than 16 MiB" "$WORK/out"
expect_grep "stalled: timed out after 3 seconds with no data" "$WORK/out"
# Entries past the first 100,000 of a feed are not stored, and it says so.
expect_grep "cut (only the first 100000 entries of a feed are read):" \
    "$WORK/out"
expect_grep "  many: 7 more not stored" "$WORK/out"
# The size cap hung up long before the server sent its gibibyte.
huge=$(grep -c 'huge' "$WORK/server.log")
expect_eq "gigabyte requests" "$huge" 1

expect_eq "stored errors" \
    "$(sql 'select count(*) from feeds where error is not null')" 7
expect_eq "good items" "$(sql "select count(*) from items i join feeds f
    on f.id = i.feed_id where f.url = '$URL/good.xml'")" 10
expect_eq "many items" "$(sql "select count(*) from items i join feeds f
    on f.id = i.feed_id where f.url like '%/_/many%'")" 100000
expect_eq "410 status" "$(sql "select status from feeds
    where url like '%status/410'")" 410
expect_eq integrity "$(sql 'pragma integrity_check')" ok
td items -n 1000000 >"$WORK/items"
expect_eq "items listed" "$(grep -c 'Many [0-9]' "$WORK/items")" 100000

# Every id changes on every fetch: with max-items the feed keeps its
# latest document and no more than the cap, however often it is fetched.
cat >"$WORK/churn" <<EOC
feed $URL/_/changing "~churn" < max-items 5
feed $URL/good.xml
EOC
for n in 1 2 3 4 5 6; do
	expect_status 0 "$TIDINGS" -c "$WORK/churn" -d "$WORK/churn.db" \
	    refresh --all
done
expect_grep "3 new items from 2 feeds: 1 updated, 1 unchanged, 0 failed" \
    "$WORK/out"
expect_eq "churning feed's items" "$(sqlite3 "$WORK/churn.db" "select
    count(*) from items i join feeds f on f.id = i.feed_id
    where f.url like '%changing'")" 5
expect_eq "latest document kept" "$(sqlite3 "$WORK/churn.db" "select
    count(*) from items where guid like 'changing-6-%'")" 3
