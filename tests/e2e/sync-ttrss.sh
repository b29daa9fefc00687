#!/bin/sh
# Story: a Tiny Tiny RSS account in the dotfile keeps tidings and the
# server in one state; "tidings add --account" and "tidings remove
# --account" subscribe and unsubscribe it on the server. Its feeds and items come in with the first
# refresh; marks made in tidings reach the server, marks made on the
# server reach tidings; a server that is down is an error line and the
# changes wait in the queue until it is back; kill -9 during a sync
# loses none of them, and a first sync killed half way is made whole by
# the next; the unread and starred articles a reading by pages missed
# come by id.
#
# Against Debian's real tt-rss (tests/server/ttrss), one server for every
# story of this file, reset between them; its feeds are served by the
# project's server, as tt-rss's proxy. Without the packages the story
# fails, naming them: make check installs them.
. ./lib.sh

serve
rss a.xml Alpha 2 a-
rss b.xml Beta 3 b-
rss c.xml Gamma 1 c-
rss d.xml Delta 1 d-
printf '<html><head><title>No feed</title></head><body>text</body></html>\n' \
    >"$WORK/www/nofeed.html"
cat >"$WORK/www/two.html" <<EOF
<html><head><title>Two feeds</title>
<link rel="alternate" type="application/rss+xml" title="Gamma"
 href="http://feeds.invalid/c.xml">
<link rel="alternate" type="application/rss+xml" title="Delta"
 href="http://feeds.invalid/d.xml">
</head><body>two</body></html>
EOF
chmod o+x "$WORK"			# the server runs as nobody under root
TT="$WORK/tt"
TTRSS="$TOP/tests/server/ttrss"
set +e
# Not through lib.sh's no_proxy: tt-rss fetches through its proxy.
API=$(env -u no_proxy TTRSS_PROXY="127.0.0.1:$PORT" sh "$TTRSS" start "$TT" \
    2>"$WORK/tt.err")
rc=$?
set -e
if [ $rc -eq 77 ]; then
	fail "$(cat "$WORK/tt.err"); the sync stories need Debian's" \
	    "packages tt-rss, php8.2-cgi, php8.2-pgsql and postgresql" \
	    "(make check installs them)"
fi
[ $rc -eq 0 ] || fail "tt-rss did not start: $(cat "$WORK/tt.err")"
trap 'sh "$TTRSS" stop "$TT"; cleanup' EXIT

# api JSON: the server's answer to one API request, as the session's.
api() {
	curl -fsS -d "$1" "$API"
}
login() {
	SID=$(api '{"op":"login","user":"admin","password":"password"}' |
	    python3 -c 'import json,sys; print(json.load(sys.stdin)["content"]["session_id"])')
}
# ids VIEW: the server's article ids in VIEW (unread, marked), sorted.
ids() {
	api "{\"op\":\"getHeadlines\",\"sid\":\"$SID\",\"feed_id\":-4,\"view_mode\":\"$1\",\"limit\":200}" |
	    python3 -c 'import json,sys; print(" ".join(str(i) for i in sorted(a["id"] for a in json.load(sys.stdin)["content"])))'
}
# subscribe PATH [CATEGORY_ID]: subscribe the account and fetch the feed.
subscribe() {
	_a=$(api "{\"op\":\"subscribeToFeed\",\"sid\":\"$SID\",\"feed_url\":\"http://feeds.invalid/$1\",\"category_id\":${2:-0}}")
	id=$(echo "$_a" | python3 -c 'import json,sys; print(json.load(sys.stdin)["content"]["status"]["feed_id"])') ||
	    fail "subscribing to $1: $_a"
	api "{\"op\":\"updateFeed\",\"sid\":\"$SID\",\"feed_id\":$id}" >/dev/null
}
# mark IDS FIELD MODE: updateArticle on the server, as a phone would.
mark() {
	api "{\"op\":\"updateArticle\",\"sid\":\"$SID\",\"article_ids\":\"$1\",\"field\":$2,\"mode\":$3}" >/dev/null
}
# psql SQL: one query to the server's database.
psql_() {
	_pg=$(ls -d /usr/lib/postgresql/*/bin | head -n 1)
	if [ "$(id -u)" = 0 ]; then
		runuser -u nobody -- "$_pg/psql" -X -qAt -h "$TT" \
		    -p "$(cat "$TT/pg.port")" -U ttrss -c "$1" ttrss
	else
		"$_pg/psql" -X -qAt -h "$TT" -p "$(cat "$TT/pg.port")" \
		    -U ttrss -c "$1" ttrss
	fi
}
# fresh: a new story: the server emptied, a new database.
fresh() {
	sh "$TTRSS" reset "$TT"
	rm -f "$DB" "$DB-wal" "$DB-shm"
	login
}
# local_read REMOTE: tidings' read mark of the server's article REMOTE.
local_read() {
	sql "SELECT read FROM items WHERE remote_id = $1"
}

cat >"$CONF" <<EOF
feed $URL/a.xml own
sync ttrss ${API%api/} < user admin; password-command "printf '%s\n' password"
EOF

# --- The first sync: the server's feeds beside the dotfile's, categories
# as tags, items and marks.
fresh
psql_ "INSERT INTO ttrss_feed_categories (owner_uid, title)
    VALUES (1, 'News')"
cat=$(psql_ "SELECT id FROM ttrss_feed_categories WHERE title = 'News'")
subscribe a.xml
subscribe b.xml "$cat"
expect_eq "articles on the server" "$(ids unread)" "1 2 3 4 5"
mark 2 2 0				# read on the server already
mark 3 0 1				# starred there
expect_status 0 td refresh
expect_grep "1 server synced" "$WORK/out"
expect_eq "server feeds" "$(sql "SELECT count(*) FROM feeds
    WHERE sync IS NOT NULL")" 2
expect_eq "category" "$(sql "SELECT sync_tag FROM feeds
    WHERE title = 'Beta'")" News
expect_eq "items" "$(sql "SELECT count(*) FROM items
    WHERE remote_id IS NOT NULL")" 5
expect_eq "read from the server" "$(local_read 2)" 1
expect_eq "starred from the server" "$(sql "SELECT starred FROM items
    WHERE remote_id = 3")" 1
expect_eq "unread" "$(sql "SELECT count(*) FROM items
    WHERE remote_id IS NOT NULL AND read = 0")" 4
expect_eq "nothing queued" "$(sql "SELECT count(*) FROM sync_queue")" 0
# The commands list the server's items beside the dotfile's.
expect_status 0 td items -n 50
expect_grep "Beta item 3" "$WORK/out"
expect_grep "Alpha item 1" "$WORK/out"
expect_status 0 td unread
expect_eq "unread, the dotfile's 2 and the server's 4" "$(cat "$WORK/out")" 6
# A sync with nothing new: a few small requests.
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
expect_grep "in 3 requests, 0 changes sent" "$WORK/out"

# The reader lists the server's feeds and its category from the store,
# before any request: the server is not even asked.
cat >"$WORK/offline" <<EOF
feed $URL/a.xml own
set refresh-interval 0
sync ttrss http://127.0.0.1:9/ < user admin; password-command "printf x"
EOF
sql "UPDATE feeds SET sync = 'ttrss:admin@http://127.0.0.1:9/api/',
    url = replace(url, '$API', 'http://127.0.0.1:9/api/')
    WHERE sync IS NOT NULL"
CONF_SAVED=$CONF
CONF="$WORK/offline"
tui_start 100 30
wait_for "Beta"
wait_for "Alpha"
keys t
wait_for "News"
tui_stop
CONF=$CONF_SAVED

# --- The reader's own refresh at start brings a new account's feeds
# into the feeds pane.
fresh
subscribe b.xml
tui_start 100 30
wait_for "Beta item 3" 30
keys q q
wait_exit
tui_stop

# --- Marking read in tidings reaches the server; the reader's own keys.
fresh
subscribe a.xml
subscribe b.xml
expect_status 0 td refresh
# No refresh of the reader's own: the next one sends what it queues.
{ cat "$CONF"; echo "set refresh-interval 0"; } >"$WORK/quiet"
CONF="$WORK/quiet"
tui_start 100 30
wait_for "Beta"
# The first feed row after "All items" is the dotfile's own; move to the
# server's feeds and mark one read with the reader's key.
keys End
keys A
wait_for "Marked"
queued=$(sql "SELECT count(*) FROM sync_queue")
[ "$queued" -ge 2 ] || fail "mark-feed-read queued $queued changes"
# r on the server's feed syncs its server.
keys r
wait_for "0 new items from 1 feed"
keys q q
wait_exit
tui_stop
CONF=$CONF_SAVED
expect_eq "queue after the sync" "$(sql "SELECT count(*) FROM sync_queue")" 0
want=$(sql "SELECT group_concat(remote_id, ' ') FROM (SELECT remote_id
    FROM items WHERE remote_id IS NOT NULL AND read = 0
    ORDER BY remote_id)")
expect_eq "the server's unread" "$(ids unread)" "$want"

# --- Marking read on the server shows after the next refresh; a change
# still queued here wins over it.
fresh
subscribe a.xml
expect_status 0 td refresh
mark 1 2 0
sql "UPDATE items SET starred = 1 WHERE remote_id = 2"
mark 2 0 0				# unstarred there, starred here
expect_status 0 td refresh -a
expect_eq "read on the server" "$(local_read 1)" 1
expect_eq "the local change won" "$(ids marked)" 2
# Login, the change, the counters with the new articles, then one page
# each of unread and starred ids, as many as the counters said: none
# asked for on the chance that the lists are longer.
expect_grep "in 6 requests, 1 change sent" "$WORK/out"
# A feed subscribed on the server joins at the next sync.
subscribe b.xml
expect_status 0 td refresh -a
expect_eq "the new feed" "$(sql "SELECT count(*) FROM feeds
    WHERE sync IS NOT NULL")" 2
expect_eq "its items" "$(sql "SELECT count(*) FROM items
    WHERE remote_id IS NOT NULL")" 5

# --- The server stopped: an error line, the queue kept, sent once the
# server is back.
fresh
subscribe a.xml
expect_status 0 td refresh
sql "UPDATE items SET read = 1 WHERE remote_id = 1"
sh "$TTRSS" stop "$TT"
expect_status 3 td refresh -a
expect_grep "(admin): login: Failed to connect" "$WORK/out"
expect_eq "queue kept" "$(sql "SELECT count(*) FROM sync_queue")" 1
API2=$(env -u no_proxy sh "$TTRSS" start "$TT" 2>"$WORK/tt.err") ||
    fail "tt-rss did not start again: $(cat "$WORK/tt.err")"
expect_eq "the API's address" "$API2" "$API"
login
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "the server's unread" "$(ids unread)" 2
expect_eq "queue sent" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_status 0 td refresh -a
expect_grep "0 changes sent" "$WORK/out"
# A wrong password is the server's error line too.
sed 's/printf .%s\\n. password/printf wrong/' "$CONF" >"$WORK/wrong"
expect_status 3 "$TIDINGS" -c "$WORK/wrong" -d "$DB" refresh -a
expect_grep "LOGIN_ERROR (wrong user or password)" "$WORK/out"

# --- kill -9 during syncs with queued changes: nothing is lost.
fresh
subscribe a.xml
subscribe b.xml
expect_status 0 td refresh
sql "UPDATE items SET read = 1 WHERE remote_id IN (1, 3, 5)"
sql "UPDATE items SET starred = 1 WHERE remote_id = 4"
killed=0
for delay in 0.05 0.1 0.2 0.3 0.5; do
	# The binary itself, not td: kill -9 must reach tidings.
	"$TIDINGS" -c "$CONF" -d "$DB" refresh -a >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
	wait "$pid" 2>/dev/null || true
	sql "UPDATE items SET read = 1 - read WHERE remote_id = 2"
done
[ "$killed" -gt 0 ] || fail "no sync was killed while it ran"
expect_status 0 td refresh -a
expect_eq "queue after the sync" "$(sql "SELECT count(*) FROM sync_queue")" 0
want=$(sql "SELECT group_concat(remote_id, ' ') FROM (SELECT remote_id
    FROM items WHERE remote_id IS NOT NULL AND read = 0
    ORDER BY remote_id)")
expect_eq "the server's unread" "$(ids unread)" "$want"
expect_eq "the server's starred" "$(ids marked)" 4
expect_eq "store intact" "$(sql "PRAGMA integrity_check")" ok

# --- kill -9 in the middle of a first sync of many articles, whose pages
# come in tt-rss's date order (here the reverse of their ids) and several
# at once: the next sync brings every article, each once.
# many TITLE N UPDATED: a feed TITLE of the server with N articles, all
# unread, the i-th updated at UPDATED (SQL, of i), written there by SQL
# (fetching that many is not the story's).
many() {
	psql_ "INSERT INTO ttrss_feeds (owner_uid, title, feed_url)
    VALUES (1, '$1', 'http://feeds.invalid/$1.xml');
INSERT INTO ttrss_entries (title, guid, link, updated, content, content_hash,
    date_entered, date_updated)
    SELECT '$1 ' || i, '$1' || i, 'http://example.org/$1/' || i,
    $3, 'text ' || i, '$1' || i, $3, now()
    FROM generate_series(1, $2) i;
INSERT INTO ttrss_user_entries (ref_id, uuid, feed_id, owner_uid,
    tag_cache, label_cache)
    SELECT e.id, '', f.id, 1, '', '' FROM ttrss_entries e, ttrss_feeds f;"
}
fresh
many Many 3000 "now() - i * interval '1 minute'"
stored() {
	sql "SELECT count(*) FROM items WHERE remote_id IS NOT NULL" \
	    2>/dev/null || echo 0
}
"$TIDINGS" -c "$CONF" -d "$DB" refresh >/dev/null 2>&1 &
pid=$!
n=0
until [ "$(stored)" -gt 0 ]; do
	n=$((n + 1))
	[ $n -le 600 ] || fail "no article stored in 60 seconds"
	sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[ "$(stored)" -lt 3000 ] || fail "the first sync ended before the kill"
expect_status 0 td refresh -a
expect_eq "every article after the kill" "$(sql "SELECT count(*),
    count(DISTINCT remote_id) FROM items WHERE remote_id IS NOT NULL")" \
    "3000|3000"
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
expect_grep "in 3 requests" "$WORK/out"

# --- Articles of one date, which tt-rss orders by that date alone: a
# reading by pages may list one twice and miss another, as PostgreSQL
# gives ties in any order from one query to the next. The unread and
# starred articles the store lacks (here taken out of it, as such a
# reading would have left them) are fetched by id at the next sync whose
# counters disagree, each once, with their marks.
fresh
many Ties 1000 "'2024-01-01 00:00:00'::timestamp"
psql_ "UPDATE ttrss_user_entries SET unread = ref_id % 3 <> 0,
    marked = ref_id % 7 = 0"
expect_status 0 td refresh
marks() {
	sql "SELECT count(*), count(DISTINCT remote_id), sum(read = 0),
	    sum(starred) FROM items WHERE remote_id IS NOT NULL"
}
every=$(psql_ "SELECT count(*), count(*), sum(unread::int),
    sum(marked::int) FROM ttrss_user_entries" | tr -d ' ')
expect_eq "every article" "$(marks)" "$every"
# (The search index is emptied first, to be made again as a backlog, as
# the store's migration 6 does, so that its trigger has nothing to take
# out; the trigger names tidings' own SQL function, which Python's
# sqlite3 stands in for.)
python3 - "$DB" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.create_function("strip_tags", -1, lambda *a: "")
db.executescript("""
BEGIN;
INSERT INTO items_fts (items_fts) VALUES ('delete-all');
UPDATE fts_state SET upto = 0;
DELETE FROM items WHERE remote_id IS NOT NULL AND
    (read = 0 OR starred = 1) AND remote_id % 2 = 0;
COMMIT;
""")
PY
[ "$(marks | cut -d'|' -f1)" -lt 800 ] || fail "too few taken out"
expect_status 0 "$TIDINGS" -c "$CONF" -d "$DB" -l "$WORK/net.log" refresh -a
expect_eq "every unread and starred article again" "$(marks)" "$every"
expect_grep "unread or starred articles missing, fetched by id" \
    "$WORK/net.log"
expect_eq "their text" "$(sql "SELECT count(*) FROM items
    WHERE remote_id IS NOT NULL AND content LIKE '%text%'")" 1000
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
expect_grep "in 3 requests" "$WORK/out"

# --- tidings add --account: subscribed on the server, in the category
# the tag names; the store lists it at once, the next sync brings its
# articles. The dotfile is not touched.
fresh
psql_ "INSERT INTO ttrss_feed_categories (owner_uid, title)
    VALUES (1, 'News')"
subscribe a.xml
expect_status 0 td refresh
# server_feeds: the account's feeds on the server, "TITLE:CATEGORY_ID".
server_feeds() {
	api "{\"op\":\"getFeeds\",\"sid\":\"$SID\",\"cat_id\":-3}" |
	    python3 -c 'import json,sys; print(" ".join(sorted("%s:%s" % (f["title"], f["cat_id"]) for f in json.load(sys.stdin)["content"])))'
}
local_feeds() {
	sql "SELECT group_concat(t, ' ') FROM (SELECT coalesce(title, '') ||
	    ':' || coalesce(sync_tag, '') AS t FROM feeds
	    WHERE sync IS NOT NULL ORDER BY title)"
}
cp "$CONF" "$WORK/conf.orig"
expect_status 0 td add --account 1 http://feeds.invalid/b.xml News
expect_eq "said" "$(cat "$WORK/out")" \
    "subscribed admin at ${API%api/} to http://feeds.invalid/b.xml (News)"
expect_eq "on the server, in News" "$(server_feeds)" "Alpha:0 Beta:$(psql_ \
    "SELECT id FROM ttrss_feed_categories WHERE title = 'News'")"
expect_eq "in the store at once" "$(local_feeds)" "Alpha: Beta:News"
cmp -s "$CONF" "$WORK/conf.orig" || fail "the dotfile changed"
expect_status 0 td refresh -a
expect_grep "3 new items" "$WORK/out"
expect_eq "after the sync" "$(local_feeds)" "Alpha: Beta:News"
# Subscribed already, the account named by its type.
expect_status 1 td add --account ttrss http://feeds.invalid/b.xml
expect_eq "listed" "$(cat "$WORK/err")" \
    "tidings: admin at ${API%api/} has http://feeds.invalid/b.xml already"
# A page of two feeds: named, then one picked with -n.
expect_status 1 td add --account 1 http://feeds.invalid/two.html
expect_grep "the page names 2 feeds: 1 http://feeds.invalid/c.xml 2 http://feeds.invalid/d.xml (pick one with -n N) (not subscribed)" "$WORK/err"
expect_status 0 td add --account 1 -n 2 http://feeds.invalid/two.html
expect_grep "to http://feeds.invalid/d.xml" "$WORK/out"
expect_eq "the second feed" "$(local_feeds)" "Alpha: Beta:News Delta:"

# --- Refusals: one line, nothing changed there or here.
before=$(server_feeds)
expect_status 1 td add --account 1 http://feeds.invalid/nofeed.html
expect_eq "no feed" "$(cat "$WORK/err")" "tidings: admin at ${API%api/}: \
http://feeds.invalid/nofeed.html: a page that names no feed (not subscribed)"
expect_status 1 td add --account 1 http://feeds.invalid/c.xml Nope
expect_grep "the server has no category Nope, and its API cannot make one" \
    "$WORK/err"
expect_status 1 td add --account 1 http://feeds.invalid/c.xml News Tech
expect_grep "under one category: give one tag" "$WORK/err"
expect_status 1 "$TIDINGS" -c "$WORK/wrong" -d "$DB" add --account 1 \
    http://feeds.invalid/c.xml
expect_grep "LOGIN_ERROR (wrong user or password) (not subscribed)" \
    "$WORK/err"
expect_eq "the server unchanged" "$(server_feeds)" "$before"
expect_eq "the store unchanged" "$(local_feeds)" "Alpha: Beta:News Delta:"

# --- tidings remove --account: unsubscribed there, gone here with its
# articles (starred ones too, as a sync drops them); the next sync agrees.
sql "UPDATE items SET starred = 1 WHERE feed_id =
    (SELECT id FROM feeds WHERE title = 'Beta')"
expect_status 0 td remove --account 1 http://feeds.invalid/b.xml
expect_eq "said" "$(cat "$WORK/out")" \
    "unsubscribed admin at ${API%api/} from http://feeds.invalid/b.xml"
expect_eq "gone from the server" "$(server_feeds)" "Alpha:0 Delta:0"
expect_eq "gone from the store" "$(local_feeds)" "Alpha: Delta:"
expect_eq "its articles gone" "$(sql "SELECT count(*) FROM items
    WHERE title LIKE 'Beta%'")" 0
expect_status 0 td refresh -a
expect_eq "after the sync" "$(local_feeds)" "Alpha: Delta:"
expect_status 1 td remove --account 1 http://feeds.invalid/b.xml
expect_grep "the account has no feed http://feeds.invalid/b.xml" "$WORK/err"

# --- The server down: one line, nothing changed.
sh "$TTRSS" stop "$TT"
expect_status 1 td add --account 1 http://feeds.invalid/c.xml
expect_grep "login: Failed to connect" "$WORK/err"
expect_eq "one line" "$(wc -l <"$WORK/err" | tr -d ' ')" 1
expect_status 1 td remove --account 1 http://feeds.invalid/d.xml
expect_grep "(not unsubscribed)" "$WORK/err"
expect_eq "the store unchanged" "$(local_feeds)" "Alpha: Delta:"
