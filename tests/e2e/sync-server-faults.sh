#!/bin/sh
# Story: a sync server that misbehaves never harms the reader. Hostile
# answers (escape sequences in titles, wrong types, huge numbers) are
# stored as clean text or left out; a server that answers 401, forgets
# the session (NOT_LOGGED_IN), is too slow or answers HTML is an error
# line of the refresh (exit status 3), and the changes queued meanwhile
# wait until it answers again, then go in one request.
#
# The server is a small fake of Tiny Tiny RSS's API, written below, whose
# behaviour a file chooses between two refreshes.
. ./lib.sh

cat >"$WORK/fake.py" <<'EOF'
import json, time
from ttrss_fake import Handler, log_file, read_mode, serve

ARTICLES = [
    {"id": 1, "feed_id": 5, "title": "One\u001b]0;owned\u0007\u001b[2J red",
     "link": "http://example.org/1", "author": "\u009b31mA", "updated":
     1700000000, "unread": True, "marked": False, "content": "<p>one</p>"},
    {"id": "2", "feed_id": "5", "title": ["not", "text"], "link": 7,
     "updated": "later", "unread": "t", "marked": "f", "content": None},
    {"id": 99999999999999999999999, "feed_id": 5, "title": "huge id"},
    {"id": 3, "feed_id": 5, "title": "Three", "unread": False,
     "marked": True, "updated": 1e400},
    {"id": 4, "feed_id": 777, "title": "of no feed"},
    "junk", 12, None,
]

class H(Handler):
    def redirect(self, code, to):
        self.send_response(code)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self):
        req = self.api_call()
        mode = read_mode()
        op = req.get("op")
        with open(log_file, "a") as f:
            f.write("%s %s %s %s\n" % (mode, op, req.get("article_ids", "-"),
                                       req.get("field", "-")))
        if mode == "401":
            return self.answer(401, "Unauthorized", "text/plain")
        if mode == "html":
            return self.answer(200, "<b>Fatal error</b>", "text/html")
        if mode == "slow":
            time.sleep(4)
        if mode == "moved" and not self.path.startswith("/moved/"):
            return self.redirect(308, "/moved" + self.path)
        if mode.startswith("elsewhere:"):
            return self.redirect(307, mode[10:])
        if op == "login":
            if req.get("password") != "secret":
                return self.answer(200, json.dumps({"seq": 0, "status": 1,
                    "content": {"error": "LOGIN_ERROR"}}))
            return self.ok({"session_id": "s1", "api_level": 15})
        if req.get("sid") != "s1":
            return self.answer(200, json.dumps({"seq": 0, "status": 1,
                "content": {"error": "NOT_LOGGED_IN"}}))
        if mode == "mid401":
            return self.answer(401, "Unauthorized", "text/plain")
        if mode == "notlogged":
            return self.answer(200, json.dumps({"seq": 0, "status": 1,
                "content": {"error": "NOT_LOGGED_IN"}}))
        if op == "getCategories":
            return self.ok([{"id": 1, "title": "Cat\u001b[31m egory"},
                            {"id": "x", "title": 5}, "junk",
                            {"id": 1, "title": "Cat again"}])
        if op == "getFeeds":
            return self.ok([{"id": 5, "title": "Five\u001b]0;pwn\u0007 feed",
                             "cat_id": 1},
                            {"id": "5", "title": "Five again"},
                            {"id": 99999999999999999999, "title": "huge"},
                            {"id": -3, "title": "virtual"}, [], "x"])
        if op == "getHeadlines":
            if req.get("skip", 0) > 0:
                return self.ok([])
            if req.get("view_mode") == "unread":
                return self.ok([{"id": 1}, {"id": "2"}])
            if req.get("view_mode") == "marked":
                return self.ok([{"id": 3}])
            if req.get("since_id", 0) > 0:
                return self.ok([])
            return self.ok(ARTICLES)
        if op == "getCounters":
            return self.ok([{"id": "global-unread", "counter": 2}])
        if op == "updateArticle":
            return self.ok({"status": "OK", "updated": 1})
        self.ok({"error": "UNKNOWN_METHOD"})

serve(H)
EOF
fake_start
printf 'secret\n' >"$WORK/pw"
printf 'hunter2\n' >"$WORK/pw-wrong"
chmod 600 "$WORK/pw" "$WORK/pw-wrong"
cat >"$CONF" <<EOF
set download-timeout 2
sync ttrss $FAKE < user alice; password-file $WORK/pw
EOF

# --- Hostile answers: what is sound is kept, as clean text.
expect_status 0 td refresh
expect_eq "server feeds" "$(sql "SELECT count(*) FROM feeds
    WHERE sync IS NOT NULL")" 1
expect_eq "a feed listed twice, as first listed" "$(sql "SELECT count(*)
    FROM feeds WHERE title LIKE 'Five%feed'")" 1
expect_eq "articles kept" "$(sql "SELECT group_concat(remote_id) FROM
    (SELECT remote_id FROM items ORDER BY remote_id)")" "1,2,3"
esc=$(printf '\033')
bel=$(printf '\007')
expect_eq "control characters stored" "$(sql "SELECT count(*) FROM items
    WHERE instr(title, '$esc') OR instr(title, '$bel')
    OR instr(coalesce(author, ''), '$esc')")" 0
expect_eq "control characters in feeds" "$(sql "SELECT count(*) FROM feeds
    WHERE instr(title, '$esc') OR instr(sync_tag, '$esc')
    OR instr(title, '$bel')")" 0
# A category listed twice: its first title.
expect_eq "tag" "$(sql "SELECT sync_tag LIKE 'Cat%egory' FROM feeds")" 1
expect_eq "marks" "$(sql "SELECT group_concat(remote_id || ':' || read ||
    starred) FROM (SELECT * FROM items ORDER BY remote_id)")" \
    "1:00,2:00,3:11"
expect_status 0 td items
if grep -q "$esc" "$WORK/out"; then
	fail "an escape sequence reached the output"
fi
expect_grep "One" "$WORK/out"

# --- A change made here waits while the server misbehaves.
id=$(sql "SELECT id FROM items WHERE remote_id = 1")
expect_status 0 td mark read "$id"
expect_eq "queued" "$(sql "SELECT count(*) FROM sync_queue")" 1
for mode in 401 mid401 notlogged slow html; do
	case $mode in
	401)		why="login: HTTP 401" ;;
	mid401)		why="updateArticle: HTTP 401" ;;
	notlogged)	why="the server says NOT_LOGGED_IN" ;;
	slow)		why="login: timed out after 2 seconds" ;;
	html)		why="login: not a Tiny Tiny RSS API answer" ;;
	esac
	echo "$mode" >"$WORK/mode"
	expect_status 3 td refresh -a
	expect_grep "$FAKE (alice): " "$WORK/out"
	expect_grep "$why" "$WORK/out"
	expect_eq "queue kept ($mode)" \
	    "$(sql "SELECT count(*) FROM sync_queue")" 1
done
grep -q "^slow " "$WORK/fake.log" || fail "the slow server was not asked"
# A wrong password.
sed 's|password-file .*|password-file '"$WORK"'/pw-wrong|' "$CONF" >"$WORK/wrong"
echo ok >"$WORK/mode"
expect_status 3 "$TIDINGS" -c "$WORK/wrong" -d "$DB" refresh -a
expect_grep "LOGIN_ERROR (wrong user or password)" "$WORK/out"
if grep -q "hunter2\|secret" "$WORK/out" "$WORK/err"; then
	fail "the password shows in the output"
fi

# A password-file others may read is refused before any request, and
# so is one that is not there.
chmod 640 "$WORK/pw-wrong"
: >"$WORK/fake.log"
expect_status 3 "$TIDINGS" -c "$WORK/wrong" -d "$DB" refresh -a
expect_grep "may be read or written by others (mode 640): chmod 600" \
    "$WORK/out"
[ -s "$WORK/fake.log" ] && fail "a request went out with an unsafe password-file"
sed 's|password-file .*|password-file '"$WORK"'/no-such-file|' "$CONF" \
    >"$WORK/gone"
expect_status 3 "$TIDINGS" -c "$WORK/gone" -d "$DB" refresh -a
expect_grep "password-file $WORK/no-such-file: No such file" "$WORK/out"

# A password-command that fails, or is not there.
sed 's|password-file .*|password-command false|' "$CONF" >"$WORK/cmd"
expect_status 3 "$TIDINGS" -c "$WORK/cmd" -d "$DB" refresh -a
expect_grep "(alice): password-command failed (exit status 1)" "$WORK/out"
sed 's|password-file .*|password-command "no-such-command-here x"|' \
    "$CONF" >"$WORK/cmd"
expect_status 3 "$TIDINGS" -c "$WORK/cmd" -d "$DB" refresh -a
expect_grep "password-command: cannot run \"no-such-command-here\"" \
    "$WORK/out"
# The reader says it in its status line, and goes on from the database.
echo 401 >"$WORK/mode"
# No refresh at start, whose end R would have to wait for: R alone.
{ cat "$CONF"; echo "set refresh-interval 0"; } >"$WORK/quiet"
CONF_SAVED=$CONF
CONF="$WORK/quiet"
tui_start 120 30
wait_for "One"
keys R
wait_for "(alice): login: HTTP 401"
keys q q
wait_exit
tui_stop
CONF=$CONF_SAVED
expect_eq "queue kept by the reader" \
    "$(sql "SELECT count(*) FROM sync_queue")" 1
echo ok >"$WORK/mode"

# --- Back: the change goes in one request, once.
: >"$WORK/fake.log"
expect_status 0 td refresh -a
expect_grep "1 change sent" "$WORK/out"
expect_eq "sent" "$(grep -c updateArticle "$WORK/fake.log")" 1
expect_grep "ok updateArticle 1 2" "$WORK/fake.log"
expect_eq "queue" "$(sql "SELECT count(*) FROM sync_queue")" 0
expect_status 0 td refresh -a
expect_eq "sent once" "$(grep -c updateArticle "$WORK/fake.log")" 1
if grep -q "secret" "$DB" "$WORK"/*.log 2>/dev/null; then
	fail "the password was written down"
fi

# --- A server that redirects: within its own origin, the sync follows
# (a 308 sends the login again, to the same server); to another server
# nothing is sent there, and the sync fails naming where it pointed.
serve
echo moved >"$WORK/mode"
: >"$WORK/fake.log"
expect_status 0 td refresh -a
expect_grep "moved login" "$WORK/fake.log"
echo "elsewhere:$URL/steal" >"$WORK/mode"
expect_status 3 td refresh -a
expect_grep "login: redirected to $URL/steal, another server: not followed" \
    "$WORK/out"
if grep -q steal "$WORK/server.log"; then
	fail "the login went to another server"
fi
# Where it pointed, its escape sequence made harmless.
printf 'elsewhere:%s/steal\033[2J\n' "$URL" >"$WORK/mode"
expect_status 3 td refresh -a
bad=$(printf '\357\277\275')
expect_grep "login: redirected to $URL/steal$bad[2J, another server: not followed" \
    "$WORK/out"
if grep -q "$esc" "$WORK/out"; then
	fail "the redirect's escape sequence reached the output"
fi
