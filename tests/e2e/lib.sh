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
T=

cleanup() {
	[ -n "$T" ] && $T kill-server 2>/dev/null
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

# fixture NAME [AS]: copy a feed fixture into the served directory.
fixture() {
	cp "$TOP/tests/fixtures/feeds/$1" "$WORK/www/${2:-$1}"
}

# td ARGS...: run tidings on the test config and database.
td() {
	"$TIDINGS" -c "$CONF" -d "$DB" "$@"
}

# sql QUERY: one answer from the test database.
sql() {
	sqlite3 -batch -noheader "$DB" "$1"
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
