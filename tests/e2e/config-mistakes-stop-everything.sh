#!/bin/sh
# Every mistake in the dotfile is reported as path:LINE: message, and
# nothing starts: no database is created, no feed is fetched.
. ./lib.sh
serve
cat >"$CONF" <<EOF
# a comment
feed $URL/a.xml
set refresh-intervall 1h
set max-connections lots
fed $URL/b.xml
feed $URL/a.xml
EOF
expect_status 2 td refresh
cat "$WORK/err"
expect_grep "$CONF:3: " "$WORK/err"
expect_grep "refresh-interval" "$WORK/err"
expect_grep "$CONF:4: " "$WORK/err"
expect_grep "$CONF:5: " "$WORK/err"
expect_grep "\"feed\"" "$WORK/err"
expect_grep "$CONF:6: " "$WORK/err"
[ "$(wc -l <"$WORK/err")" -eq 4 ] || fail "expected exactly four messages"
[ ! -e "$DB" ] || fail "the database was created"
[ ! -s "$WORK/server.log" ] || fail "a feed was fetched"

# A missing dotfile is an error too, naming the path.
expect_status 2 "$TIDINGS" -c "$WORK/nonexistent" -d "$DB" refresh
expect_grep "$WORK/nonexistent" "$WORK/err"

# The default path follows XDG_CONFIG_HOME.
mkdir -p "$XDG_CONFIG_HOME/tidings"
printf 'set bogus 1\n' >"$XDG_CONFIG_HOME/tidings/config"
expect_status 2 "$TIDINGS" -d "$DB" refresh
expect_grep "tidings/config:1: " "$WORK/err"
