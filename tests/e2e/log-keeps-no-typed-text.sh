#!/bin/sh
# The -l log says when things happened in wall-clock time (ISO 8601, UTC,
# milliseconds), so that it can be matched with what the user remembers,
# and it never records what the user typed at a prompt: the words of a
# search stay private, only how many keys were typed is left.
. ./lib.sh
serve
rss alpha.xml Alpha 3
printf 'feed %s/alpha.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "1/3"
keys / zeppelin Enter
wait_for "Nothing found"
keys Q
wait_exit 0
grep -q 'ui: turn .* ms, key' "$WORK/tui.log" || fail "no key turns logged"
if grep -i 'zeppelin\|key z\|key e ' "$WORK/tui.log"; then
	fail "the log holds the search words"
fi
grep -q 'key .*(typed)' "$WORK/tui.log" || fail "typed keys not counted"
year=$(date -u +%Y)
grep -v "^$year-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]\.[0-9][0-9][0-9]Z " \
    "$WORK/tui.log" && fail "a log line without a wall-clock stamp"
true
