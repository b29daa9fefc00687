#!/bin/sh
# The first start, before any dotfile: every command that needs one says
# where it looked and how to start (tidings add, an import, or the example
# copied), instead of a bare "No such file or directory".
. ./lib.sh
rm -f "$CONF"
for cmd in items refresh export-opml gc; do
	expect_status 2 td $cmd
	expect_grep "tidings: no dotfile at $CONF yet; to start one:" "$WORK/err"
	expect_grep "tidings add URL" "$WORK/err"
	expect_grep "config.example $CONF" "$WORK/err"
	grep -q "No such file" "$WORK/err" && fail "$cmd: a bare errno message"
	[ -s "$WORK/out" ] && fail "$cmd printed something on stdout"
done
# The default path is named the same way.
expect_status 2 "$TIDINGS" -d "$DB" items
expect_grep "no dotfile at $XDG_CONFIG_HOME/tidings/config yet" "$WORK/err"
# unread still answers 0 for status bars, and says nothing to them.
expect_status 0 td unread
expect_eq "unread" "$(cat "$WORK/out")" 0
[ -s "$WORK/err" ] && fail "unread wrote to a status bar's stderr"
# add makes the dotfile; then items works (and lists nothing yet).
serve
rss a.xml a 2
expect_status 0 td add "$URL/a.xml"
expect_status 0 td items
true
