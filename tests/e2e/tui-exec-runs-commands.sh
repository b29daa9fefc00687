#!/bin/sh
# A key bound to "exec" runs a command with the item's fields as its
# arguments: each placeholder is one argument whatever it holds (quotes,
# $(...), backticks, a leading "-", blanks), nothing runs in a shell, "~/"
# starts with the home directory, and the command runs detached: it
# writes nothing on the screen and a command that cannot run is said on
# the status line. copy-link puts the link on the clipboard when allowed.
. ./lib.sh
serve
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
# Record the arguments, each ended by a NUL, and where the output goes.
printf '%s\0' "$@" >"$WORK_DIR/argv.tmp"
mv "$WORK_DIR/argv.tmp" "$WORK_DIR/argv"
echo "stub output on the screen"
echo "stub errors on the screen" >&2
STUB
chmod +x "$WORK/stub"
cat >"$WORK/www/evil.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed "quoted" $(touch pwned0)</title>
<link>http://example.org/</link>
<item><title>It's "$(touch pwned1)" `touch pwned2`; -rf</title>
<link>http://example.org/a?x=$(touch pwned3)&amp;y='q'</link>
<author>-rf --no-preserve-root</author><guid>e1</guid>
<enclosure url="http://media.example/ep 1.mp3?a=`id`" type="audio/mpeg" length="10"/>
<description>Body</description></item>
<item><title>Plain</title><guid>e2</guid><description>No link</description></item>
</channel></rss>
XML
cat >"$CONF" <<CONF
feed $URL/evil.xml
bind items m exec $WORK/stub %u %e %t %a %f %F 100%% ~/bin "pre %t post" ""
bind items x exec no-such-command-here %u
CONF
expect_status 0 td refresh
tui_start 100 20 "WORK_DIR=$WORK"
wait_for "Feed \"quoted\""
keys Enter
wait_for "touch pwned2"
keys m
wait_file "$WORK/argv"
title=$(sql "select title from items where guid = 'e1'")
author=$(sql "select author from items where guid = 'e1'")
link=$(sql "select link from items where guid = 'e1'")
ftitle=$(sql "select title from feeds")
printf '%s\0' "$link" "http://media.example/ep 1.mp3?a=\`id\`" "$title" \
    "$author" "$URL/evil.xml" "$ftitle" "100%" "$HOME/bin" \
    "pre $title post" "" >"$WORK/want"
cmp "$WORK/want" "$WORK/argv" ||
    { od -c "$WORK/argv" >&2; fail "the arguments differ"; }
expect_eq "title" "$title" "It's \"\$(touch pwned1)\" \`touch pwned2\`; -rf"
expect_eq "author" "$author" "-rf --no-preserve-root"
wait_for "Started $WORK/stub"
tui_screen >"$WORK/screen"
grep -q "on the screen" "$WORK/screen" && fail "the command wrote on the screen"
# Not a zombie of the reader: its children are all gone.
pid=$(pgrep -f -- "-c $CONF -d $DB" | head -n 1)
[ -n "$pid" ] || fail "no reader"
n=0
while [ -n "$(ps -o stat= --ppid "$pid" 2>/dev/null)" ]; do
	n=$((n + 1))
	[ "$n" -lt 100 ] || fail "the reader has children: $(ps -o pid,stat,args --ppid "$pid")"
	sleep 0.05
done
# The help lists each binding with its command.
keys '?'
wait_for "Keys in the items pane (here)"
n=0
until tui_screen | grep -qF "x exec no-such-command-here %u"; do
	n=$((n + 1))
	[ "$n" -lt 40 ] || fail "the help does not show exec's command"
	keys PageDown
	sleep 0.1
done
keys q
wait_gone "Keys in the items pane"
# A command that is not there is said.
keys x
wait_for "cannot run no-such-command-here: No such file or directory"
# An item without a link: %u is refused rather than given empty.
rm -f "$WORK/argv"
keys j m
wait_for "Not running $WORK/stub: the item has no link (%u)"
[ -e "$WORK/argv" ] && fail "ran without a link"

# copy-link: off unless asked for; then the link reaches the terminal's
# clipboard (here tmux's, with set-clipboard on) whole, and nothing of
# it acts on the terminal.
keys k y
wait_for "copy-link is off"
$T set-option -g set-clipboard on
keys : "set clipboard-osc52 yes" Enter
wait_for "clipboard-osc52 is yes"
keys y
wait_for "Copied http://example.org/a?x="
n=0
until [ "$($T show-buffer 2>/dev/null)" = "$link" ]; do
	n=$((n + 1))
	[ "$n" -lt 100 ] || fail "the clipboard holds: $($T show-buffer 2>&1)"
	sleep 0.05
done
keys Q
wait_exit 0
for f in "$WORK"/pwned* "$WORK"/www/pwned* "$HOME"/pwned* ./pwned*; do
	[ -e "$f" ] && fail "$f was created"
done
exit 0
