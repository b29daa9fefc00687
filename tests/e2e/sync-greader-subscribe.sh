#!/bin/sh
# Story: "tidings add --account" subscribes a Google Reader API account
# to a feed on the server, filed under its tag as a label, and "tidings
# remove --account" unsubscribes it; the store follows at once as the
# next sync would leave it, and the dotfile is never touched. Without
# --account, add writes a feed line as it always did. A feed the server
# refuses (not a feed), one subscribed already, a wrong password and a
# server that is down are each one line, and change nothing.
#
# The server is tests/server/greader.py; the feeds it subscribes to are
# served by tests/server/server.py.
. ./lib.sh

serve
rss own.xml Own 1 own-
rss c.xml Gamma 2 c-
rss d.xml Delta 1 d-
printf '<html><head><title>A page</title></head><body>no feed</body></html>\n' \
    >"$WORK/www/page.html"

fake greader.py --log "$WORK/gr.log" --user alice --password secret

# server_feeds: the account's feeds on the server, "TITLE:LABEL" each.
server_feeds() {
	auth=$(curl -fsS -d 'Email=alice' -d 'Passwd=secret' \
	    "$BASE/accounts/ClientLogin" | sed -n 's/^Auth=//p')
	curl -fsS -H "Authorization: GoogleLogin auth=$auth" \
	    "$BASE/reader/api/0/subscription/list?output=json" |
	    python3 -c 'import json,sys; print(" ".join("%s:%s" % (s["title"], ",".join(c["label"] for c in s["categories"])) for s in json.load(sys.stdin)["subscriptions"]))'
}

ctl feeds '[{"id": 1, "title": "Alpha", "url": "http://a.example/feed",
    "label": "News"}]'
ctl items '[{"id": 1700000000000001, "feed": 1, "title": "Alpha one"}]'
cat >"$CONF" <<EOF
feed $URL/own.xml own
sync greader $BASE/ < user alice; password-command "printf '%s\n' secret"
EOF
cp "$CONF" "$WORK/conf.orig"
expect_status 0 td refresh
expect_eq "first sync" "$(sync_feeds)" "Alpha:News"

# --- Subscribe on the server, with a tag: the store lists it at once.
expect_status 0 td add --account 1 "$URL/c.xml" Tech
expect_eq "said" "$(cat "$WORK/out")" \
    "subscribed alice at $BASE/ to $URL/c.xml (Tech)"
expect_eq "on the server, labelled" "$(server_feeds)" "Alpha:News Gamma:Tech"
expect_eq "in the store at once" "$(sync_feeds)" "Alpha:News Gamma:Tech"
cmp -s "$CONF" "$WORK/conf.orig" || fail "the dotfile changed"
# The next sync brings its items.
expect_status 0 td refresh -a
expect_grep "2 new items" "$WORK/out"
expect_eq "its items" "$(sql "SELECT count(*) FROM items i JOIN feeds f
    ON f.id = i.feed_id WHERE f.title = 'Gamma'")" 2
expect_eq "its tag after the sync" "$(sync_feeds)" "Alpha:News Gamma:Tech"

# --- The account chosen by its type; subscribed already: one line.
expect_status 1 td add --account greader "$URL/c.xml"
expect_eq "listed already" "$(cat "$WORK/err")" \
    "tidings: alice at $BASE/ has $URL/c.xml already"

# --- Refusals change nothing, here or there.
before=$(sync_feeds)
expect_status 1 td add --account 1 "$URL/page.html"
expect_eq "not a feed" "$(cat "$WORK/err")" "tidings: alice at $BASE/: \
$URL/page.html: the server would not subscribe to it (HTTP 400: not a \
feed, or out of its reach) (not subscribed)"
expect_status 1 td add --account 1 "$URL/missing.xml"
expect_grep "HTTP 400" "$WORK/err"
sed "s/'%s\\\\n' secret/wrong/" "$CONF" >"$WORK/wrong"
grep -q "printf wrong" "$WORK/wrong" || fail "no wrong password in the test"
expect_status 1 "$TIDINGS" -c "$WORK/wrong" -d "$DB" add --account 1 \
    "$URL/d.xml"
expect_grep "ClientLogin: HTTP 401 (wrong user or password) (not subscribed)" \
    "$WORK/err"
expect_eq "one line" "$(wc -l <"$WORK/err" | tr -d ' ')" 1
ctl mode down
expect_status 1 td add --account 1 "$URL/d.xml"
expect_grep "ClientLogin: HTTP 503" "$WORK/err"
expect_status 1 td remove --account 1 "$URL/c.xml"
expect_grep "(not unsubscribed)" "$WORK/err"
ctl mode ok
expect_eq "nothing changed on the server" "$(server_feeds)" \
    "Alpha:News Gamma:Tech"
expect_eq "nothing changed here" "$(sync_feeds)" "$before"
cmp -s "$CONF" "$WORK/conf.orig" || fail "the dotfile changed"

# The server gone right after it subscribed: the change stands and is
# said so; the store catches up at the next sync.
ctl mode editthendown
expect_status 0 td add --account 1 "$URL/d.xml"
expect_grep "subscribed alice at $BASE/ to $URL/d.xml" "$WORK/out"
expect_eq "the store not yet" "$(sync_feeds)" "$before"
ctl mode ok
expect_status 0 td refresh -a
expect_eq "after the sync" "$(sync_feeds)" "$before Delta:"
expect_status 0 td remove --account 1 "$URL/d.xml"
expect_eq "removed" "$(sync_feeds)" "$before"

# --- Which account: said, never guessed.
expect_status 2 td add --account 2 "$URL/d.xml"
expect_grep "the dotfile has 1 sync line" "$WORK/err"
expect_status 2 td add --account ttrss "$URL/d.xml"
expect_grep "no sync line has that type or URL" "$WORK/err"
expect_status 2 td remove "$URL/c.xml"
expect_grep "name the account with --account N" "$WORK/err"
# Without --account, add writes a feed line, as it always did, even with
# one sync line in the dotfile.
expect_status 0 td add "$URL/d.xml"
expect_grep "feed $URL/d.xml" "$CONF"
expect_eq "the server untouched" "$(server_feeds)" "Alpha:News Gamma:Tech"
cp "$WORK/conf.orig" "$CONF"

# --- Unsubscribe: gone from the server and, with its items, from the
# store; the next sync agrees.
expect_status 0 td remove --account 1 "$URL/c.xml"
expect_eq "said" "$(cat "$WORK/out")" \
    "unsubscribed alice at $BASE/ from $URL/c.xml"
expect_eq "gone from the server" "$(server_feeds)" "Alpha:News"
expect_eq "gone from the store" "$(sync_feeds)" "Alpha:News"
expect_eq "its items gone" "$(sql "SELECT count(*) FROM items
    WHERE title LIKE 'Gamma%'")" 0
expect_status 0 td refresh -a
expect_eq "after the sync" "$(sync_feeds)" "Alpha:News"
expect_status 1 td remove --account 1 "$URL/c.xml"
expect_grep "the account has no feed $URL/c.xml (not unsubscribed)" \
    "$WORK/err"

# --- The reader: ":add --account" subscribes on the server while the
# keys are answered (each answer takes 4 s), then syncs the new feed's
# items; ":remove" on the server's feed in the feeds pane asks first.
cat >"$WORK/tui.conf" <<EOF
sync greader $BASE/ < user alice; password-command "printf '%s\n' secret"
set refresh-interval 0
EOF
CONF_SAVED=$CONF
CONF="$WORK/tui.conf"
tui_start 100 30
wait_for "Alpha"
ctl mode slow
keys : "add --account 1 $URL/c.xml Tech" Enter
wait_for "Subscribing to $URL/c.xml on the server"
wait_for "subscribing"
keys "?"
wait_for "q, ? or Escape closes it" 3
keys q
ctl mode ok
wait_for "Gamma  Tech" 30
wait_for "Gamma item 2" 20
keys : "add --account 1 $URL/page.html" Enter
wait_for "page.html: the server would not subscribe to it (HTTP 400"
keys End
keys : remove Enter
wait_for "Unsubscribe alice from Gamma on the server? y unsubscribes"
keys n
wait_for "Not unsubscribed"
expect_eq "kept" "$(server_feeds)" "Alpha:News Gamma:Tech"
keys : remove Enter
wait_for "Unsubscribe alice from Gamma"
keys y
wait_for "Unsubscribed from"
wait_gone "Gamma"
keys q q
wait_exit
tui_stop
CONF=$CONF_SAVED
expect_eq "gone from the server" "$(server_feeds)" "Alpha:News"
expect_eq "gone from the store" "$(sync_feeds)" "Alpha:News"

# --- The server gone: one line, nothing changed.
fake_stop
expect_status 1 td add --account 1 "$URL/d.xml"
expect_grep "Failed to connect" "$WORK/err"
expect_eq "one line" "$(wc -l <"$WORK/err" | tr -d ' ')" 1
expect_eq "store unchanged" "$(sync_feeds)" "Alpha:News"
