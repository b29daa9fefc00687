#!/bin/sh
# Story: "tidings add --account" subscribes a Miniflux account to a feed
# through Miniflux's own API, filed under its tag as a category (made on
# the server when missing), and "tidings remove --account" unsubscribes
# it; the store follows at once as the next sync would leave it, and the
# dotfile is never touched. A page that names several feeds is refused
# with their list, and -n picks one. A page without a feed, an address
# the server cannot fetch, a feed subscribed already, two tags, a wrong
# token and a server that is down are each one line, and change nothing.
#
# The server is tests/server/miniflux.py; the feeds it subscribes to are
# served by tests/server/server.py.
. ./lib.sh

serve
rss own.xml Own 1 own-
rss c.xml Gamma 2 c-
rss d.xml Delta 1 d-
printf '<html><head><title>A page</title></head><body>no feed</body></html>\n' \
    >"$WORK/www/page.html"
cat >"$WORK/www/two.html" <<END
<html><head><title>Two feeds</title>
<link rel="alternate" type="application/rss+xml" title="Gamma" href="c.xml">
<link rel="alternate" type="application/rss+xml" title="Delta"
 href="$URL/d.xml">
</head><body>two</body></html>
END

TOKEN=tok-5e4d3c2b1a
fake miniflux.py --log "$WORK/mf.log" --token "$TOKEN"

# api PATH: the server's answer to a GET of the API.
api() {
	curl -fsS -H "X-Auth-Token: $TOKEN" "$BASE/v1/$1"
}
# server_feeds: the account's feeds on the server, "TITLE:CATEGORY" each.
server_feeds() {
	api feeds | python3 -c 'import json,sys; print(" ".join("%s:%s" % (f["title"], f["category"]["title"]) for f in json.load(sys.stdin)))'
}
# made: how many categories the server was asked to make.
made() {
	grep -c '^POST /v1/categories 201' "$WORK/mf.log" || true
}

ctl feeds '[{"id": 1, "title": "Alpha", "url": "http://a.example/",
    "category": "News"}]'
ctl items '[{"id": 1, "feed": 1, "title": "Alpha one"}]'
cat >"$CONF" <<END
feed $URL/own.xml own
sync miniflux $BASE/ < user alice; password-command "printf '%s\n' '$TOKEN'"
END
cp "$CONF" "$WORK/conf.orig"
expect_status 0 td refresh
expect_eq "first sync" "$(sync_feeds)" "Alpha:News"

# --- Subscribe on the server, with a tag the server has no category of:
# made there, and the store lists the feed at once.
expect_status 0 td add --account 1 "$URL/c.xml" Tech
expect_eq "said" "$(cat "$WORK/out")" \
    "subscribed alice at $BASE/ to $URL/c.xml (Tech)"
expect_eq "on the server, filed" "$(server_feeds)" "Alpha:News Gamma:Tech"
expect_eq "the category made" "$(made)" 1
expect_eq "in the store at once" "$(sync_feeds)" "Alpha:News Gamma:Tech"
cmp -s "$CONF" "$WORK/conf.orig" || fail "the dotfile changed"
expect_grep "POST /v1/discover 200" "$WORK/mf.log"
expect_grep "POST /v1/feeds 201" "$WORK/mf.log"
# The next sync brings its items.
expect_status 0 td refresh -a
expect_grep "2 new items" "$WORK/out"
expect_eq "its items" "$(sql "SELECT count(*) FROM items i JOIN feeds f
    ON f.id = i.feed_id WHERE f.title = 'Gamma'")" 2

# --- The account chosen by its type; subscribed already: one line.
expect_status 1 td add --account miniflux "$URL/c.xml"
expect_eq "listed already" "$(cat "$WORK/err")" \
    "tidings: alice at $BASE/ has $URL/c.xml already"

# --- A page of two feeds: listed, and -n picks one; a category the
# server has is not made again.
expect_status 1 td add --account 1 "$URL/two.html" News
expect_eq "two feeds" "$(cat "$WORK/err")" "tidings: alice at $BASE/: \
$URL/two.html: the page names 2 feeds: 1 $URL/c.xml 2 $URL/d.xml (pick one \
with -n N) (not subscribed)"
expect_status 1 td add --account 1 -n 1 "$URL/two.html"
expect_grep "has $URL/c.xml already" "$WORK/err"
expect_status 0 td add --account 1 -n 2 "$URL/two.html" News
expect_eq "the second" "$(cat "$WORK/out")" \
    "subscribed alice at $BASE/ to $URL/d.xml (News)"
expect_eq "filed under News" "$(server_feeds)" \
    "Alpha:News Gamma:Tech Delta:News"
expect_eq "no category made" "$(made)" 1
expect_status 0 td remove --account 1 "$URL/d.xml"
expect_eq "unsubscribed" "$(cat "$WORK/out")" \
    "unsubscribed alice at $BASE/ from $URL/d.xml"

# --- Refusals change nothing, here or there.
before=$(sync_feeds)
expect_status 1 td add --account 1 "$URL/page.html"
expect_eq "no feed" "$(cat "$WORK/err")" "tidings: alice at $BASE/: \
$URL/page.html: not a feed, nor a page that names one (HTTP 404: Resource \
not found) (not subscribed)"
expect_status 1 td add --account 1 "$URL/missing.xml"
expect_eq "out of reach" "$(cat "$WORK/err")" "tidings: alice at $BASE/: \
$URL/missing.xml: the server could not look for a feed there (HTTP 500: \
Unable to fetch this resource (Status Code = 404)) (not subscribed)"
expect_status 1 td add --account 1 "$URL/d.xml" News Tech
expect_grep "Miniflux files a feed under one category: give one tag" \
    "$WORK/err"
sed "s/'$TOKEN'/'hunter2-wrong'/" "$CONF" >"$WORK/wrong"
expect_status 1 "$TIDINGS" -c "$WORK/wrong" -d "$DB" -l "$WORK/wrong.log" \
    add --account 1 "$URL/d.xml"
expect_grep "feeds: HTTP 401 Unauthorized (the API token was refused) (not subscribed)" \
    "$WORK/err"
expect_eq "one line" "$(wc -l <"$WORK/err" | tr -d ' ')" 1
ctl mode down
expect_status 1 td add --account 1 "$URL/d.xml"
expect_grep "feeds: HTTP 503" "$WORK/err"
expect_status 1 td remove --account 1 "$URL/c.xml"
expect_grep "(not unsubscribed)" "$WORK/err"
ctl mode ok
expect_eq "nothing changed on the server" "$(server_feeds)" \
    "Alpha:News Gamma:Tech"
expect_eq "nothing changed here" "$(sync_feeds)" "$before"
cmp -s "$CONF" "$WORK/conf.orig" || fail "the dotfile changed"
for f in "$WORK/out" "$WORK/err" "$WORK/wrong.log" "$WORK/mf.log"; do
	if grep -q "hunter2\|$TOKEN" "$f" 2>/dev/null; then
		fail "a secret in $f"
	fi
done

# The server gone right after it subscribed: the change stands and is
# said so; the store catches up at the next sync.
ctl mode createthendown
expect_status 0 td add --account 1 "$URL/d.xml"
expect_grep "subscribed alice at $BASE/ to $URL/d.xml" "$WORK/out"
expect_eq "the store not yet" "$(sync_feeds)" "$before"
ctl mode ok
expect_status 0 td refresh -a
expect_eq "after the sync" "$(sync_feeds)" "$before Delta:All"

# --- Unsubscribe: gone from the server and, with its items, from the
# store; the next sync agrees.
expect_status 0 td remove --account 1 "$URL/c.xml"
expect_eq "said" "$(cat "$WORK/out")" \
    "unsubscribed alice at $BASE/ from $URL/c.xml"
expect_eq "gone from the server" "$(server_feeds)" "Alpha:News Delta:All"
expect_eq "gone from the store" "$(sync_feeds)" "Alpha:News Delta:All"
expect_eq "its items gone" "$(sql "SELECT count(*) FROM items
    WHERE title LIKE 'Gamma%'")" 0
expect_grep "DELETE /v1/feeds/2 204" "$WORK/mf.log"
expect_status 0 td refresh -a
expect_eq "after the sync" "$(sync_feeds)" "Alpha:News Delta:All"
expect_status 1 td remove --account 1 "$URL/c.xml"
expect_grep "the account has no feed $URL/c.xml (not unsubscribed)" \
    "$WORK/err"

# --- The reader: ":add --account" subscribes on the server in the
# background, then syncs the new feed's items; ":remove" on the server's
# feed in the feeds pane asks first.
cat >"$WORK/tui.conf" <<END
sync miniflux $BASE/ < user alice; password-command "printf '%s\n' '$TOKEN'"
set refresh-interval 0
END
CONF_SAVED=$CONF
CONF="$WORK/tui.conf"
tui_start 100 30
wait_for "Alpha"
keys : "add --account 1 $URL/c.xml Tech" Enter
wait_for "Gamma  Tech" 30
wait_for "Gamma item 2" 20
keys : "add --account 1 $URL/page.html" Enter
wait_for "page.html: not a feed, nor a page that names one"
keys End
keys : remove Enter
wait_for "Unsubscribe alice from Gamma on the server? y unsubscribes"
keys y
wait_for "Unsubscribed from"
wait_gone "Gamma"
keys q q
wait_exit
tui_stop
CONF=$CONF_SAVED
expect_eq "gone from the server" "$(server_feeds)" "Alpha:News Delta:All"
