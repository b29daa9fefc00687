#!/bin/sh
# "exec -w" gives the terminal to the command and waits; curses comes
# back, the screen repainted, whether the command exits 0, fails, is
# killed by kill -9 or by C-c typed at it; C-c and C-z meant for the
# command leave the reader alive. pipe-to hands the command the article
# as the pane shows it, links list included, on its standard input.
. ./lib.sh
serve
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
# Say so on the terminal, record the arguments and standard input, then
# end as asked: exit N, or wait to be killed.
echo "STUB RUNNING $$"
echo $$ >"$WORK_DIR/pid"
printf '%s\0' "$@" >"$WORK_DIR/argv"
case $1 in
stdin) cat >"$WORK_DIR/stdin"; exit 0 ;;
wait) while :; do sleep 1; done ;;
*) exit "$1" ;;
esac
STUB
chmod +x "$WORK/stub"
cat >"$WORK/www/a.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pipes</title><link>http://example.org/</link>
<item><title>First story</title><link>http://example.org/1</link><guid>p1</guid>
<description>&lt;p&gt;Hello &lt;a href="http://b.example/x"&gt;there&lt;/a&gt; world.&lt;/p&gt;</description></item>
</channel></rss>
XML
cat >"$CONF" <<CONF
feed $URL/a.xml
bind items 0 exec -w $WORK/stub 0 %t
bind items 1 exec -w $WORK/stub 1
bind items 9 exec -w $WORK/stub wait
bind items P pipe-to $WORK/stub stdin %u
CONF
expect_status 0 td refresh
TUI_JOBS=1 tui_start 100 20 "WORK_DIR=$WORK"
wait_for "Pipes"
keys Enter
wait_for "First story"

# Exits 0: back on the alternate screen, repainted, no message.
keys 0
wait_file "$WORK/argv"
n=0
until [ "$($T display-message -p '#{alternate_on}')" = 1 ] &&
    tui_screen | grep -q "First story"; do
	n=$((n + 1))
	[ "$n" -lt $((200 * ${E2E_SLOW:-1})) ] || fail "curses did not come back"
	sleep 0.05
done
printf '%s\0' 0 "First story" >"$WORK/want"
cmp "$WORK/want" "$WORK/argv" || fail "exec -w arguments"
tui_screen | grep -q "exited" && fail "a message after exit 0"

# Exits 1: back, and said.
rm -f "$WORK/pid"
keys 1
wait_for "stub exited with status 1"
wait_for "First story"

# Killed with kill -9 while it runs.
rm -f "$WORK/pid"
keys 9
wait_file "$WORK/pid"
wait_for "STUB RUNNING $(cat "$WORK/pid")"
kill -9 "$(cat "$WORK/pid")"
wait_for "was killed by signal 9"
wait_for "First story"

# C-c typed at the command ends it and not the reader.
rm -f "$WORK/pid"
keys 9
wait_file "$WORK/pid"
wait_for "STUB RUNNING"
keys C-c
wait_for "First story"
wait_for "stub was killed by signal 2"

# C-z stops the command and the reader with it, as one job of the
# shell's, and fg carries on: the command is there again, and the reader
# comes back when it ends. (Not under valgrind, which does not stop on
# SIGTSTP.)
case $TIDINGS in
*/memcheck/tidings) ;;
*)
	rm -f "$WORK/pid"
	keys 9
	wait_file "$WORK/pid"
	wait_for "STUB RUNNING"
	keys C-z
	wait_file "$WORK/tui.stops"
	kill -0 "$(cat "$WORK/pid")" || fail "the command is gone"
	kill -9 "$(cat "$WORK/pid")"
	wait_for "was killed by signal 9"
	wait_for "First story"
	[ ! -s "$WORK/tui.status" ] || fail "the reader ended"
	;;
esac

# pipe-to: the article's text on standard input, as the pane shows it.
keys P
wait_file "$WORK/stdin"
wait_for "First story"
expect_grep "Title: First story" "$WORK/stdin"
expect_grep "Feed: Pipes" "$WORK/stdin"
expect_grep "Link: http://example.org/1" "$WORK/stdin"
expect_grep "Hello there[1] world." "$WORK/stdin"
expect_grep "[1] http://b.example/x" "$WORK/stdin"
printf '%s\0' stdin "http://example.org/1" >"$WORK/want"
cmp "$WORK/want" "$WORK/argv" || fail "pipe-to arguments"

# Still alive and answering keys.
keys Q
wait_exit 0
exit 0
