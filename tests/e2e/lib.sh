# tests/e2e/lib.sh: sourced by every end-to-end test (run from tests/e2e).
#
# Each test gets a private HOME, XDG directories and database, the real
# tidings binary ($TIDINGS, else ../../tidings) and, after serve, the
# project's HTTP server on a free port of 127.0.0.1.
set -eu
TOP=$(cd ../.. && pwd)
TIDINGS=${TIDINGS:-$TOP/tidings}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tidings-e2e.XXXXXX")
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config"
export XDG_DATA_HOME="$WORK/home/.local/share" LANG=C.UTF-8 TZ=UTC
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy
export no_proxy='*'
mkdir -p "$HOME" "$WORK/www"
DB="$WORK/tidings.db"
CONF="$WORK/config"
SERVER_PID=
FAKE_PID=
T=

cleanup() {
	[ -n "$T" ] && $T kill-server 2>/dev/null || true
	[ -n "$FAKE_PID" ] && kill "$FAKE_PID" 2>/dev/null && \
	    wait "$FAKE_PID" 2>/dev/null
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && \
	    wait "$SERVER_PID" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# fail MESSAGE: stop the test with a reason.
fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# skip MESSAGE: stop the test without a verdict, because something it
# needs and the project does not provide is missing; tests/run counts it
# as skipped (exit status 77, as automake's harness does).
skip() {
	echo "SKIP: $*" >&2
	exit 77
}

# serve: start the test server on $WORK/www; sets PORT and URL.
serve() {
	python3 "$TOP/tests/server/server.py" --root "$WORK/www" --port 0 \
	    --log "$WORK/server.log" >"$WORK/port" 2>"$WORK/server.err" &
	SERVER_PID=$!
	n=0
	while [ ! -s "$WORK/port" ]; do
		n=$((n + 1))
		[ $n -le 100 ] || fail "server did not start: $(cat "$WORK/server.err")"
		sleep 0.1
	done
	PORT=$(head -n 1 "$WORK/port")
	URL="http://127.0.0.1:$PORT"
}

# fake SERVER [ARG...]: start the sync server tests/server/SERVER
# (greader.py, miniflux.py) with ARGs on a free port; sets FAKE_PID and
# BASE, its address. It is stopped at exit.
fake() {
	_fake=$1
	shift
	python3 "$TOP/tests/server/$_fake" --port 0 "$@" >"$WORK/$_fake.port" \
	    2>"$WORK/$_fake.err" &
	FAKE_PID=$!
	n=0
	while [ ! -s "$WORK/$_fake.port" ]; do
		n=$((n + 1))
		[ $n -le 100 ] ||
		    fail "$_fake did not start: $(cat "$WORK/$_fake.err")"
		sleep 0.1
	done
	BASE="http://127.0.0.1:$(head -n 1 "$WORK/$_fake.port")"
}

# ctl PATH BODY: a control request (/_/PATH) to the sync server of fake.
ctl() {
	curl -fsS -d "$2" "$BASE/_/$1" >/dev/null
}

# fake_stop: stop the sync server of fake.
fake_stop() {
	kill "$FAKE_PID"
	wait "$FAKE_PID" 2>/dev/null || true
	FAKE_PID=
}

# sync_feeds: the store's feeds of the sync accounts, "TITLE:TAG" each,
# oldest first.
sync_feeds() {
	sql "SELECT group_concat(coalesce(title, '') || ':' ||
	    coalesce(sync_tag, ''), ' ') FROM (SELECT title, sync_tag FROM
	    feeds WHERE sync IS NOT NULL ORDER BY id)"
}

# fixture NAME [AS]: copy a feed fixture into the served directory.
fixture() {
	cp "$TOP/tests/fixtures/feeds/$1" "$WORK/www/${2:-$1}"
}

# argv_stub: write $WORK/stub, a command that records its arguments, one
# a line, in $WORK_DIR/argv (whole once there: written aside, then
# renamed), for a test to give as the player or the browser; the reader
# is started with WORK_DIR=$WORK in its environment.
argv_stub() {
	cat >"$WORK/stub" <<'STUB'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done >"$WORK_DIR/argv.tmp"
mv "$WORK_DIR/argv.tmp" "$WORK_DIR/argv"
STUB
	chmod +x "$WORK/stub"
}

# td ARGS...: run tidings on the test config and database.
td() {
	"$TIDINGS" -c "$CONF" -d "$DB" "$@"
}

# sql QUERY: one answer from the test database.
sql() {
	sqlite3 -batch -noheader "$DB" "$1"
}

# kill_when FILE CMD...: run tidings with CMD in the background and kill
# it with SIGKILL as soon as FILE has bytes.
kill_when() {
	file=$1
	shift
	"$TIDINGS" -c "$CONF" -d "$DB" "$@" >"$WORK/run.out" 2>&1 &
	pid=$!
	n=0
	until [ "$(stat -c %s "$file" 2>/dev/null || echo 0)" -gt 0 ]; do
		n=$((n + 1))
		[ $n -le 200 ] || fail "$file did not start"
		sleep 0.05
	done
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
}

# kill_syncs DELAY...: for each DELAY (seconds), start a sync of the
# test database and kill it with SIGKILL after DELAY; fail when it ended
# before. (The binary itself, not td: kill -9 must reach tidings.)
kill_syncs() {
	for _delay; do
		"$TIDINGS" -c "$CONF" -d "$DB" refresh -a >/dev/null 2>&1 &
		pid=$!
		sleep "$_delay"
		kill -9 "$pid" || fail "the sync ended before the kill"
		wait "$pid" 2>/dev/null || true
	done
}

# two_devices READ STAR: a second database of the account
# ($WORK/two.db) marks the item of remote id READ read while the test
# database stars STAR; after syncs both ways, the two have the same
# marks, each the other's change.
two_devices() {
	_db2="$WORK/two.db"
	expect_status 0 "$TIDINGS" -c "$CONF" -d "$_db2" refresh
	sqlite3 "$_db2" "UPDATE items SET read = 1 WHERE remote_id = $1"
	sql "UPDATE items SET starred = 1 WHERE remote_id = $2"
	expect_status 0 "$TIDINGS" -c "$CONF" -d "$_db2" refresh -a
	expect_status 0 td refresh -a
	expect_status 0 "$TIDINGS" -c "$CONF" -d "$_db2" refresh -a
	_marks="SELECT group_concat(remote_id || ':' || read || starred, ' ')
	    FROM (SELECT remote_id, read, starred FROM items
	    WHERE remote_id IS NOT NULL ORDER BY remote_id)"
	expect_eq "both devices alike" "$(sqlite3 "$_db2" "$_marks")" \
	    "$(sql "$_marks")"
	expect_eq "read on the other device" "$(sql "SELECT read FROM items
	    WHERE remote_id = $1")" 1
	expect_eq "starred on the other device" "$(sqlite3 "$_db2" "SELECT
	    starred FROM items WHERE remote_id = $2")" 1
}

# expect_status N CMD...: run CMD, fail unless it exits with N.
expect_status() {
	want=$1
	shift
	set +e
	"$@" >"$WORK/out" 2>"$WORK/err"
	got=$?
	set -e
	if [ "$got" -ne "$want" ]; then
		cat "$WORK/out" "$WORK/err" >&2
		fail "$* exited $got, expected $want"
	fi
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

# expect_grep PATTERN FILE: FILE has a line matching the fixed string.
expect_grep() {
	grep -qF -- "$1" "$2" || { cat "$2" >&2; fail "no '$1' in $2"; }
}

# rss FILE TITLE N [PREFIX]: write an RSS 2.0 feed of N items to
# $WORK/www/FILE; guids are PREFIX1..PREFIXN (default "item-").
rss() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>\n' "$2"
		printf '<link>http://example.org/</link>\n'
		_rss_i=1
		while [ "$_rss_i" -le "$3" ]; do
			printf '<item><title>%s item %d</title>' "$2" "$_rss_i"
			printf '<link>http://example.org/%s/%d</link>' "$2" "$_rss_i"
			printf '<guid>%s%d</guid>' "${4:-item-}" "$_rss_i"
			printf '<pubDate>Mon, 0%d Jan 2024 10:00:00 GMT</pubDate>' \
			    $((_rss_i % 9 + 1))
			printf '<description>&lt;p&gt;Body %d&lt;/p&gt;</description></item>\n' "$_rss_i"
			_rss_i=$((_rss_i + 1))
		done
		printf '</channel></rss>\n'
	} >"$WORK/www/$1"
}

# pod <<XML: a podcast to download: $WORK/www/pod.xml, the RSS 2.0 feed
# "Pod" with the <item> elements read from the standard input; $CONF
# subscribed to it with download-dir $DL ($WORK/dl); the feed refreshed.
pod() {
	DL="$WORK/dl"
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>Pod</title>'
		printf '<link>http://example.org/</link>\n'
		cat
		printf '</channel></rss>\n'
	} >"$WORK/www/pod.xml"
	printf 'set download-dir %s\nfeed %s/pod.xml\n' "$DL" "$URL" >"$CONF"
	expect_status 0 td refresh
}

# --- The reader, driven through tmux (tests/e2e/tui-*.sh) ---------------
#
# Each test runs its own tmux server on a private socket without a
# config file, in a terminal of a fixed size, TERM=xterm-256color and
# LANG=C.UTF-8, and waits for text on the screen with a deadline, never
# for a fixed time. E2E_SLOW=N multiplies every deadline by N, for a
# reader run under valgrind (tests/memcheck).

# tui_start [COLS ROWS [VAR=VALUE ...]]: run the reader on $CONF and $DB
# (100x30 by default) with the environment given, and wait until it has
# taken the screen (the terminal's alternate screen is on); its exit
# status goes to $WORK/tui.status, its log to $WORK/tui.log. A reader
# that ends or does not take the screen fails the test; without tmux the
# test is skipped.
tui_start() {
	_cols=${1:-100}
	_rows=${2:-30}
	[ $# -ge 2 ] && shift 2
	command -v tmux >/dev/null || skip "tmux is missing"
	T="tmux -L tidings-e2e-$$ -f /dev/null"
	rm -f "$WORK/tui.status"
	_env="-e TERM=xterm-256color -e LANG=C.UTF-8 -e TZ=UTC"
	for _v in "$@"; do
		_env="$_env -e $_v"
	done
	_cmd="'$TIDINGS' -c '$CONF' -d '$DB' -l '$WORK/tui.log'; \
	    echo \$? >'$WORK/tui.status'"
	# TUI_JOBS=1: under a shell with job control, as people run it: the
	# reader is a job of its own, and when C-z stops it the shell notes
	# it in $WORK/tui.stops and carries on with fg.
	[ -n "${TUI_JOBS:-}" ] && _cmd="set -m; '$TIDINGS' -c '$CONF' \
	    -d '$DB' -l '$WORK/tui.log'; s=\$?; while [ \$s -eq 148 ]; \
	    do echo stopped >>'$WORK/tui.stops'; fg >/dev/null; s=\$?; \
	    done; echo \$s >'$WORK/tui.status'"
	# The pane outlives the reader (remain-on-exit), so a test can
	# start it again in the same place and the server is there to be
	# killed at the end.
	# shellcheck disable=SC2086
	if $T has-session 2>/dev/null; then
		$T respawn-pane -k -c "$WORK" $_env "$_cmd"
	else
		$T start-server \; set-option -g remain-on-exit on \; \
		    new-session -d -c "$WORK" -x "$_cols" -y "$_rows" $_env \
		    "$_cmd"
	fi
	_n=0
	until [ "$($T display-message -p '#{alternate_on}' 2>/dev/null)" = 1 ]
	do
		_n=$((_n + 1))
		if [ -s "$WORK/tui.status" ] ||
		    [ "$_n" -ge $((200 * ${E2E_SLOW:-1})) ]; then
			$T capture-pane -p >&2 2>/dev/null
			fail "the reader did not start (exit status:" \
			    "$(cat "$WORK/tui.status" 2>/dev/null || echo none))"
		fi
		sleep 0.05
	done
}

# tui_stop: end the terminal (tmux) and the reader in it, so that the
# next tui_start begins afresh, at another size. tmux's client may report
# the server it told to exit as "exited unexpectedly": what counts is that
# no server answers on the socket afterwards.
tui_stop() {
	$T kill-server 2>/dev/null || true
	_n=0
	while $T has-session 2>/dev/null; do
		_n=$((_n + 1))
		[ "$_n" -lt $((100 * ${E2E_SLOW:-1})) ] ||
		    fail "the terminal did not end"
		sleep 0.05
	done
}

# tui_screen: print the screen.
tui_screen() {
	$T capture-pane -p
}

# wait_for TEXT [SECONDS]: poll the screen until TEXT shows; fail after
# SECONDS (10).
wait_for() {
	_n=0
	_max=$((${2:-10} * 20 * ${E2E_SLOW:-1}))
	until $T capture-pane -p 2>/dev/null | grep -qF -- "$1"; do
		_n=$((_n + 1))
		if [ "$_n" -ge "$_max" ]; then
			$T capture-pane -p >&2 2>/dev/null
			[ -f "$WORK/tui.log" ] && tail -n 20 "$WORK/tui.log" >&2
			fail "timed out waiting for: $1"
		fi
		sleep 0.05
	done
}

# wait_gone TEXT [SECONDS]: poll the screen until TEXT is gone.
wait_gone() {
	_n=0
	_max=$((${2:-10} * 20 * ${E2E_SLOW:-1}))
	while $T capture-pane -p 2>/dev/null | grep -qF -- "$1"; do
		_n=$((_n + 1))
		if [ "$_n" -ge "$_max" ]; then
			$T capture-pane -p >&2
			fail "timed out waiting for this to go: $1"
		fi
		sleep 0.05
	done
}

# keys KEY...: type tmux key names into the reader.
keys() {
	$T send-keys "$@"
}

# wait_exit [STATUS]: wait for the reader to end, with STATUS (0).
wait_exit() {
	_n=0
	while [ ! -s "$WORK/tui.status" ]; do
		_n=$((_n + 1))
		[ "$_n" -le $((200 * ${E2E_SLOW:-1})) ] ||
		    fail "the reader did not exit"
		sleep 0.05
	done
	expect_eq "exit status" "$(cat "$WORK/tui.status")" "${1:-0}"
}

# fake_start: run the story's fake server $WORK/fake.py, as
# "fake.py MODE-FILE LOG-FILE PORT-FILE", in the mode "ok" (the story
# writes another to $WORK/mode); set FAKE to its address with the path
# /tt-rss/. fake.py may import tests/server/ttrss_fake.py.
fake_start() {
	echo ok >"$WORK/mode"
	PYTHONPATH="$TOP/tests/server" PYTHONDONTWRITEBYTECODE=1 \
	    python3 "$WORK/fake.py" "$WORK/mode" "$WORK/fake.log" \
	    "$WORK/fake.port" 2>"$WORK/fake.err" &
	SERVER_PID=$!
	_n=0
	until [ -s "$WORK/fake.port" ]; do
		_n=$((_n + 1))
		[ $_n -le 100 ] ||
		    fail "the fake server did not start: $(cat "$WORK/fake.err")"
		sleep 0.1
	done
	FAKE="http://127.0.0.1:$(cat "$WORK/fake.port")/tt-rss/"
}

# wait_file FILE: poll until FILE exists and is not empty.
wait_file() {
	_n=0
	while [ ! -s "$1" ]; do
		_n=$((_n + 1))
		[ "$_n" -le $((200 * ${E2E_SLOW:-1})) ] ||
		    fail "$1 did not appear"
		sleep 0.05
	done
}
