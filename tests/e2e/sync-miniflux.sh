#!/bin/sh
# Story: a Miniflux account in the dotfile, spoken to through Miniflux's
# own API with an API token, keeps tidings and the server in one state.
# The first refresh brings its feeds with their categories as tags, its
# entries and their marks; read and unread marks made in tidings reach
# the server in one PUT each; a queued star is a star, not a toggle; a
# mark made on the server reaches tidings; a server that is down, fails
# or refuses the token is an error line that quotes no secret, kill -9
# during a sync loses no queued change, two databases of the account
# converge, and the reader starts and shows what it has.
#
# The server is tests/server/miniflux.py, which speaks the API as
# Miniflux's documentation gives it.
. ./lib.sh

TOKEN=tok-8d6f0c1e2b3a4d5e
fake miniflux.py --log "$WORK/mf.log" --token "$TOKEN" --page-max 4

# state ID FIELD: the server's mark (True/False) of entry ID.
state() {
	curl -fsS "$BASE/_/state" |
	    python3 -c "import json,sys; print(json.load(sys.stdin)['$1']['$2'])"
}
# phone METHOD PATH [JSON]: a request as another client of the account.
phone() {
	curl -fsS -X "$1" -H "X-Auth-Token: $TOKEN" ${3:+-d "$3"} \
	    "$BASE/v1/$2" >/dev/null
}
# requests: how many API requests the server answered so far.
requests() {
	wc -l <"$WORK/mf.log" | tr -d ' '
}

ESC=$(printf '\033')
# Changed two hours ago: before the window of the next sync's
# changed_after.
AGO=$(($(date +%s) - 7200))
ctl feeds '[{"id": 1, "title": "Alpha", "url": "http://a.example/",
    "category": "News"},
    {"id": 2, "title": "Beta\u001b]0;owned\u0007 feed",
    "url": "http://b.example/"}]'
ctl items "$(sed "s/AGO/$AGO/g" <<'EOF'
[
 {"id": 101, "feed": 1, "title": "Alpha one", "link": "http://a.example/1",
  "content": "<p>one</p>", "published": 1700000001, "changed": AGO},
 {"id": 102, "feed": 1, "title": "Alpha two", "read": true,
  "published": 1700000002, "changed": AGO},
 {"id": 103, "feed": 1, "title": "Alpha three", "starred": true,
  "published": 1700000003, "changed": AGO},
 {"id": 104, "feed": 2, "title": "Beta\u001b[2J one",
  "published": 1700000004, "changed": AGO},
 {"id": 105, "feed": 2, "title": "Beta two",
  "published": 1700000005, "changed": AGO},
 {"id": 106, "feed": 2, "title": "Beta three", "read": true,
  "published": 1700000006, "changed": AGO},
 {"id": 107, "feed": 2, "title": "Beta four",
  "published": 1700000007, "changed": AGO},
 {"id": 108, "feed": 2, "title": "Beta gone", "removed": true,
  "published": 1700000008, "changed": AGO}
]
EOF
)"

cat >"$CONF" <<EOF
sync miniflux $BASE/ < user alice; password-command "printf '%s\n' '$TOKEN'"
EOF

# --- The first sync: feeds, tags, entries (two pages of four), marks.
expect_status 0 td refresh
expect_grep "1 server synced" "$WORK/out"
expect_eq "server feeds" "$(sql "SELECT count(*) FROM feeds
    WHERE sync IS NOT NULL")" 2
expect_eq "category as tag" "$(sql "SELECT sync_tag FROM feeds
    WHERE title = 'Alpha'")" News
expect_eq "entries, the removed one left out" "$(sql "SELECT count(*)
    FROM items WHERE remote_id IS NOT NULL")" 7
expect_eq "read from the server" "$(sql "SELECT group_concat(remote_id, ' ')
    FROM (SELECT remote_id FROM items WHERE read = 1 ORDER BY remote_id)")" \
    "102 106"
expect_eq "starred from the server" "$(sql "SELECT remote_id FROM items
    WHERE starred = 1")" 103
expect_eq "no escape stored" "$(sql "SELECT count(*) FROM items
    WHERE instr(title, '$ESC') > 0") $(sql "SELECT count(*) FROM feeds
    WHERE instr(title, '$ESC') > 0")" "0 0"
expect_eq "link" "$(sql "SELECT link FROM items WHERE remote_id = 101")" \
    "http://a.example/1"
expect_eq "published_at with its zone" "$(sql "SELECT published FROM items
    WHERE remote_id = 101")" 1700000001
expect_eq "nothing queued" "$(sql "SELECT count(*) FROM sync_queue")" 0
grep -q "^PUT " "$WORK/mf.log" && fail "a PUT with nothing to send"
expect_status 0 td items -n 50
expect_grep "Alpha one" "$WORK/out"
expect_grep "Beta four" "$WORK/out"

# --- A sync with nothing new: a few small requests.
before=$(requests)
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
# counters, the entries after the newest (none), the number of starred
# ones (one entry asked for); the counters agree, so no changed entries.
expect_eq "requests of a sync with nothing new" \
    $(($(requests) - before)) 3
expect_eq "entries of a sync with nothing new" "$(tail -n 3 "$WORK/mf.log" |
    cut -d' ' -f4 | tr '\n' ' ')" "ids=0 ids=0 ids=1 "

# --- Marks made in tidings reach the server: one PUT for the reads, one
# for the unread; a star read first, then toggled.
sql "UPDATE items SET read = 1 WHERE remote_id IN (101, 104, 105)"
sql "UPDATE items SET read = 0 WHERE remote_id = 102"
sql "UPDATE items SET starred = 1 WHERE remote_id = 107"
expect_eq "queued" "$(sql "SELECT count(*) FROM sync_queue")" 5
before=$(requests)
expect_status 0 td refresh -a
expect_grep "5 changes sent" "$WORK/out"
# Two PUTs of statuses, the star's GET and PUT, then the three of a
# sync with nothing new: the entries just changed are not read back.
expect_eq "requests of a sync that sent marks" $(($(requests) - before)) 7
expect_eq "queue sent" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_eq "read on the server" "$(state 101 read) $(state 104 read) \
$(state 105 read)" "True True True"
expect_eq "unread on the server" "$(state 102 read)" False
expect_eq "starred on the server" "$(state 107 starred)" True
expect_eq "PUT entries: read of 3, unread of 1" \
    "$(grep '^PUT /v1/entries 204' "$WORK/mf.log" |
    cut -d' ' -f4 | tr '\n' ' ')" "ids=3 ids=1 "
expect_grep "GET /v1/entries/107 200" "$WORK/mf.log"
expect_grep "PUT /v1/entries/107/bookmark 204" "$WORK/mf.log"
expect_eq "local read kept" "$(sql "SELECT read FROM items
    WHERE remote_id = 105")" 1

# --- A star queued for an entry the server has starred already (on the
# phone) stays a star: no toggle.
phone PUT entries/106/bookmark
sql "UPDATE items SET starred = 1 WHERE remote_id = 106"
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "still starred on the server" "$(state 106 starred)" True
expect_eq "the phone's toggle alone" "$(grep -c \
    '^PUT /v1/entries/106/bookmark' "$WORK/mf.log")" 1

# --- Marks made on the server reach tidings.
phone PUT entries '{"entry_ids": [107], "status": "read"}'
phone PUT entries/103/bookmark
expect_status 0 td refresh -a
expect_eq "read there, read here" "$(sql "SELECT read FROM items
    WHERE remote_id = 107")" 1
expect_eq "unstarred there, here" "$(sql "SELECT starred FROM items
    WHERE remote_id = 103")" 0

# --- A new feed with its category and a new entry; the feeds are read
# again since the counters name a feed the store lacks.
ctl feeds '[{"id": 3, "title": "Gamma", "url": "http://c.example/",
    "category": "Tech"}]'
ctl items '[{"id": 109, "feed": 3, "title": "Gamma new"}]'
expect_status 0 td refresh -a
expect_grep "1 new item" "$WORK/out"
expect_eq "the new feed's tag" "$(sql "SELECT sync_tag FROM feeds
    WHERE title = 'Gamma'")" Tech

# --- The server down, then failing: an error line; the queue kept, sent
# when it is back.
sql "UPDATE items SET read = 1 WHERE remote_id = 109"
ctl mode down
expect_status 3 td refresh -a
expect_grep "(alice): entries status: HTTP 503" "$WORK/out"
expect_eq "queue kept" "$(sql "SELECT count(*) FROM sync_queue")" 1
ctl mode 500
expect_status 3 td refresh -a
expect_grep "HTTP 500" "$WORK/out"
expect_eq "queue kept after a 500" "$(sql "SELECT count(*) FROM sync_queue")" 1
# A proxy's sign-in page answers 200 to everything: no change is taken
# as sent.
ctl mode portal
expect_status 3 td refresh -a
expect_grep "entries status: HTTP 200, not the API's answer" "$WORK/out"
expect_eq "queue kept behind a portal" "$(sql "SELECT count(*)
    FROM sync_queue")" 1
ctl mode ok
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "read on the server at last" "$(state 109 read)" True

# --- Two devices: a second database of the account converges with the
# first through the server.
two_devices 103 101

# --- kill -9 during syncs with queued changes: nothing is lost, and a
# star is never toggled twice. Each answer takes 4 s: the first kill
# comes during the PUT of the unread, the second while the bookmark's
# toggle is on its way (the server takes it, tidings never hears so: the
# next sync reads the entry starred and sends nothing more).
sql "UPDATE items SET read = 0 WHERE remote_id = 101"
sql "UPDATE items SET starred = 1 WHERE remote_id = 105"
ctl mode slow
kill_syncs 0.5 9
sleep 4
ctl mode ok
expect_eq "queue kept" "$(sql "SELECT count(*) FROM sync_queue")" 1
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "queue sent" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_eq "on the server" "$(state 101 read) $(state 105 starred)" \
    "False True"
expect_eq "one toggle of the star" "$(grep -c \
    '^PUT /v1/entries/105/bookmark' "$WORK/mf.log")" 1
expect_eq "store intact" "$(sql "PRAGMA integrity_check")" ok

# --- An entry whose id is the highest there is (a broken server's): the
# marks of the entries before it are still asked for, by a query that
# does not overflow.
ctl items '[{"id": 9223372036854775807, "feed": 1, "title": "Top id"}]'
expect_status 0 td refresh -a
phone PUT entries '{"entry_ids": [102], "status": "read"}'
expect_status 0 td refresh -a
expect_eq "read there, read here, below the top id" "$(sql "SELECT read
    FROM items WHERE remote_id = 102")" 1

# --- A wrong token: said so, no secret anywhere.
sed "s/'$TOKEN'/'hunter2-wrong'/" "$CONF" >"$WORK/wrong"
expect_status 3 "$TIDINGS" -c "$WORK/wrong" -d "$DB" -l "$WORK/wrong.log" \
    refresh -a -v
expect_grep "counters: HTTP 401 Unauthorized (the API token was refused)" "$WORK/out"
for f in "$WORK/out" "$WORK/err" "$WORK/wrong.log" "$WORK/mf.log"; do
	if grep -q "hunter2\|$TOKEN" "$f" 2>/dev/null; then
		fail "a secret in $f"
	fi
done
if sqlite3 "$DB" .dump | grep -q "hunter2\|$TOKEN"; then
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
