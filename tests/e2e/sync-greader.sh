#!/bin/sh
# Story: an account of a Google Reader API server (FreshRSS, Miniflux,
# Inoreader...) in the dotfile keeps tidings and the server in one
# state. The first refresh brings its feeds with their categories as
# tags, its items and their marks; a mark made in tidings reaches the
# server in one edit-tag; a mark made on the server reaches tidings; an
# item the last sync's time window missed is fetched by its id; a
# server that is down or refuses the password is an error line that
# quotes no secret, kill -9 during a sync loses no queued change, two
# databases of the account converge, and the reader starts and shows
# what it has.
#
# The server is tests/server/greader.py, which speaks the protocol as
# FreshRSS's and Miniflux's documentation give it.
. ./lib.sh

fake greader.py --log "$WORK/gr.log" --user alice \
    --password 'pa ss&word=1' --ids-max 3 --contents-max 4

# state ID FIELD: the server's mark (True/False) of item ID.
state() {
	curl -fsS "$BASE/_/state" |
	    python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['$2'])"
}
# phone ARGS: an edit-tag as another client of the account would send.
phone() {
	auth=$(curl -fsS -d 'Email=alice' --data-urlencode \
	    'Passwd=pa ss&word=1' "$BASE/accounts/ClientLogin" |
	    sed -n 's/^Auth=//p')
	tok=$(curl -fsS -H "Authorization: GoogleLogin auth=$auth" \
	    "$BASE/reader/api/0/token")
	curl -fsS -H "Authorization: GoogleLogin auth=$auth" \
	    -d "T=$tok&$1" "$BASE/reader/api/0/edit-tag" >/dev/null
}
# requests: how many API requests the server answered so far.
requests() {
	wc -l <"$WORK/gr.log" | tr -d ' '
}

ESC=$(printf '\033')
# Crawled two hours ago: outside the window of the next sync's ot.
AGO=$(($(date +%s) - 7200))
ctl feeds '[{"id": 1, "title": "Alpha", "url": "http://a.example/",
    "label": "News"},
    {"id": 2, "title": "Beta\u001b]0;owned\u0007 feed",
    "url": "http://b.example/"}]'
ctl items "$(sed "s/AGO/$AGO/g" <<'EOF'
[
 {"id": 1700000000000001, "feed": 1, "title": "Alpha one",
  "link": "http://a.example/1", "content": "<p>one</p>",
  "published": 1700000001, "crawl": AGO},
 {"id": 1700000000000002, "feed": 1, "title": "Alpha two", "read": true,
  "published": 1700000002, "crawl": AGO},
 {"id": 1700000000000003, "feed": 1, "title": "Alpha three", "starred": true,
  "published": 1700000003, "crawl": AGO},
 {"id": 1700000000000004, "feed": 2, "title": "Beta\u001b[2J one",
  "published": 1700000004, "crawl": AGO},
 {"id": 1700000000000005, "feed": 2, "title": "Beta two",
  "published": 1700000005, "crawl": AGO},
 {"id": 1700000000000006, "feed": 2, "title": "Beta three", "read": true,
  "published": 1700000006, "crawl": AGO},
 {"id": 1700000000000007, "feed": 2, "title": "Beta four",
  "published": 1700000007, "crawl": AGO}
]
EOF
)"

cat >"$CONF" <<EOF
sync greader $BASE/ < user alice; password-command "printf '%s\n' 'pa ss&word=1'"
EOF

# --- The first sync: feeds, tags, items (two pages of four), marks.
expect_status 0 td refresh
expect_grep "1 server synced" "$WORK/out"
expect_eq "server feeds" "$(sql "SELECT count(*) FROM feeds
    WHERE sync IS NOT NULL")" 2
expect_eq "category as tag" "$(sql "SELECT sync_tag FROM feeds
    WHERE title = 'Alpha'")" News
expect_eq "items" "$(sql "SELECT count(*) FROM items
    WHERE remote_id IS NOT NULL")" 7
expect_eq "read from the server" "$(sql "SELECT group_concat(remote_id, ' ')
    FROM (SELECT remote_id FROM items WHERE read = 1 ORDER BY remote_id)")" \
    "1700000000000002 1700000000000006"
expect_eq "starred from the server" "$(sql "SELECT remote_id FROM items
    WHERE starred = 1")" 1700000000000003
expect_eq "no escape stored" "$(sql "SELECT count(*) FROM items
    WHERE instr(title, '$ESC') > 0") $(sql "SELECT count(*) FROM feeds
    WHERE instr(title, '$ESC') > 0")" "0 0"
expect_eq "link" "$(sql "SELECT link FROM items
    WHERE remote_id = 1700000000000001")" "http://a.example/1"
expect_eq "nothing queued" "$(sql "SELECT count(*) FROM sync_queue")" 0
grep -q "^GET /reader/api/0/token" "$WORK/gr.log" &&
    fail "a token asked for with nothing to send"
expect_status 0 td items -n 50
expect_grep "Alpha one" "$WORK/out"
expect_grep "Beta four" "$WORK/out"

# --- A sync with nothing new: a few small requests.
before=$(requests)
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
# ClientLogin, subscription/list, stream/contents (ot), 2 pages of
# unread ids (3 a page), 1 of starred ids.
expect_eq "requests of a sync with nothing new" \
    $(($(requests) - before)) 6

# --- Marks made in tidings reach the server, one edit-tag each kind.
sql "UPDATE items SET read = 1 WHERE remote_id IN (1700000000000001,
    1700000000000004, 1700000000000005)"
sql "UPDATE items SET read = 0 WHERE remote_id = 1700000000000002"
sql "UPDATE items SET starred = 1 WHERE remote_id = 1700000000000007"
expect_eq "queued" "$(sql "SELECT count(*) FROM sync_queue")" 5
expect_status 0 td refresh -a
expect_grep "5 changes sent" "$WORK/out"
expect_eq "queue sent" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_eq "read on the server" "$(state 1700000000000001 read) \
$(state 1700000000000004 read) $(state 1700000000000005 read)" \
    "True True True"
expect_eq "unread on the server" "$(state 1700000000000002 read)" False
expect_eq "starred on the server" "$(state 1700000000000007 starred)" True
expect_eq "edit-tags: read of 3, unread of 1, star of 1" \
    "$(grep '^POST /reader/api/0/edit-tag 200' "$WORK/gr.log" |
    cut -d' ' -f4 | tr '\n' ' ')" "ids=3 ids=1 ids=1 "
# The marks read back after sending are those sent.
expect_eq "local read kept" "$(sql "SELECT read FROM items
    WHERE remote_id = 1700000000000005")" 1

# --- Marks made on the server reach tidings.
phone "a=user/-/state/com.google/read&i=tag:google.com,2005:reader/item/00060a24181e4007"
phone "r=user/-/state/com.google/starred&i=1700000000000003"
expect_status 0 td refresh -a
expect_eq "read there, read here" "$(sql "SELECT read FROM items
    WHERE remote_id = 1700000000000007")" 1
expect_eq "unstarred there, here" "$(sql "SELECT starred FROM items
    WHERE remote_id = 1700000000000003")" 0

# --- A new item, and one crawled long ago (outside ot) but unread: both
# come in, the old one by its id.
ctl feeds '[{"id": 3, "title": "Gamma", "url": "http://c.example/",
    "label": "Tech"}]'
ctl items '[{"id": 1700000000000008, "feed": 3, "title": "Gamma new"},
    {"id": 1600000000000001, "feed": 3, "title": "Gamma old",
     "crawl": 1600000000}]'
expect_status 0 td refresh -a
expect_grep "2 new items" "$WORK/out"
expect_eq "the new feed's tag" "$(sql "SELECT sync_tag FROM feeds
    WHERE title = 'Gamma'")" Tech
expect_eq "the old item" "$(sql "SELECT count(*) FROM items
    WHERE remote_id = 1600000000000001")" 1
expect_grep "POST /reader/api/0/stream/items/contents 200 ids=1" \
    "$WORK/gr.log"

# --- An expired token: a new one, once, and the mark goes.
sql "UPDATE items SET starred = 1 WHERE remote_id = 1700000000000008"
ctl mode badtoken
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "starred after a new token" "$(state 1700000000000008 starred)" \
    True

# --- The server down: an error line; the queue kept, sent when it is back.
sql "UPDATE items SET read = 1 WHERE remote_id = 1700000000000008"
ctl mode down
expect_status 3 td refresh -a
expect_grep "(alice): ClientLogin: HTTP 503" "$WORK/out"
expect_eq "queue kept" "$(sql "SELECT count(*) FROM sync_queue")" 1
ctl mode 500
expect_status 3 td refresh -a
expect_grep "HTTP 500" "$WORK/out"
expect_eq "queue kept after a 500" "$(sql "SELECT count(*) FROM sync_queue")" 1
ctl mode ok
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "read on the server at last" "$(state 1700000000000008 read)" True

# --- A continuation that never changes: an error after two pages, not
# thousands of requests and every unread id past the first page read.
ctl mode loop
before=$(requests)
expect_status 3 td refresh -a
expect_grep "stream/items/ids: the server gives the same continuation" \
    "$WORK/out"
[ $(($(requests) - before)) -le 6 ] ||
    fail "a looping continuation: $(($(requests) - before)) requests"
ctl mode ok

# --- Two devices: a second database of the account converges with the
# first through the server.
two_devices 1700000000000003 1700000000000001

# --- kill -9 during syncs with queued changes: nothing is lost. Each
# answer takes 4 s: the first kill comes during ClientLogin, the second
# while the edit-tag is on its way (the server takes it, tidings never
# hears so: the change is sent again, which changes nothing).
sql "UPDATE items SET read = 0 WHERE remote_id = 1700000000000001"
sql "UPDATE items SET starred = 1 WHERE remote_id = 1700000000000005"
ctl mode slow
kill_syncs 0.5 9
ctl mode ok
expect_eq "queue kept" "$(sql "SELECT count(*) FROM sync_queue")" 2
expect_status 0 td refresh -a
expect_grep "2 changes sent" "$WORK/out"
expect_eq "queue sent" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_eq "on the server" "$(state 1700000000000001 read) \
$(state 1700000000000005 starred)" "False True"
expect_eq "store intact" "$(sql "PRAGMA integrity_check")" ok

# --- A wrong password: said so, no secret anywhere.
sed "s/'pa ss&word=1'/'hunter2-wrong'/" "$CONF" >"$WORK/wrong"
expect_status 3 "$TIDINGS" -c "$WORK/wrong" -d "$DB" -l "$WORK/wrong.log" \
    refresh -a -v
expect_grep "ClientLogin: HTTP 401 (wrong user or password)" "$WORK/out"
for f in "$WORK/out" "$WORK/err" "$WORK/wrong.log"; do
	if grep -q "hunter2\|pa ss\|8d6f0c1e2b3a" "$f" 2>/dev/null; then
		fail "a secret in $f"
	fi
done
if sqlite3 "$DB" .dump | grep -q "hunter2\|pa ss\|8d6f0c1e2b3a"; then
	fail "a secret in the database"
fi

# --- The server unreachable: the reader starts and shows what it has.
fake_stop
tui_start 100 30
wait_for "Alpha"
wait_for "Gamma"
keys t
wait_for "News"
wait_for "Tech"
keys q q
wait_exit
tui_stop
