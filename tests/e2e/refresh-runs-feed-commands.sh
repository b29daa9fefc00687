#!/bin/sh
# newsboat's exec: and filter: feeds: a command's output is a feed, and a
# fetched feed piped through a command is one too. The words of the
# command reach it as they are, with no shell between; a command that
# hangs is killed at the feed's download-timeout, one that fails says so
# with the last line of its standard error, and neither stops the
# refresh of the others.
. ./lib.sh
serve
rss src.xml src 3
rss plain.xml plain 2
BIN="$WORK/bin"
mkdir -p "$BIN"
cat >"$BIN/make-feed" <<'SH'
#!/bin/sh
# Each word on a line of its own, then a feed that has one item per word.
printf '%s\n' "$@" >"$ARGV_FILE"
[ -t 0 ] && echo "stdin is a terminal" >"$ARGV_FILE.tty"
cat >/dev/null			# stdin is /dev/null: this ends at once
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Made</title>\n'
i=0
for w in "$@"; do
	i=$((i + 1))
	printf '<item><title>word %d</title><guid>w%d</guid></item>\n' "$i" "$i"
done
printf '</channel></rss>\n'
echo "a warning nobody needs to see" >&2
# Under the reader, no terminal to scribble on.
{ echo TTY-SCRIBBLE >/dev/tty; } 2>/dev/null && echo yes >"$ARGV_FILE.tty"
exit 0
SH
cat >"$BIN/hang" <<'SH'
#!/bin/sh
sleep 60 &
echo $! >"$HANG_PID"
sleep 60
SH
cat >"$BIN/fail" <<'SH'
#!/bin/sh
echo "an earlier line" >&2
printf '\033[31mfetch: \033]0;owned\007the site said no\033[0m\n\n' >&2
exit 3
SH
chmod +x "$BIN/make-feed" "$BIN/hang" "$BIN/fail"
export ARGV_FILE="$WORK/argv" HANG_PID="$WORK/hang.pid"

# Hostile words, each quoted for the dotfile: a command substitution, a
# separator, a pipe, a leading dash, a blank.
cat >"$CONF" <<EOF
feed $URL/plain.xml
feed "exec:$BIN/make-feed '\$(touch PWNED)' ';' '|' -rf 'two words' \`touch PWNED2\`" "~Made here"
feed "filter:sed -e s/src/filtered/:$URL/src.xml"
feed "exec:$BIN/hang" "~hanging" < download-timeout 2s
feed "exec:$BIN/fail" "~failing"
feed "exec:$BIN/absent" "~absent"
EOF
cd "$WORK"
start=$(date +%s)
expect_status 3 td refresh
took=$(($(date +%s) - start))
cat "$WORK/out"
[ "$took" -le 8 ] || fail "the refresh took ${took}s: the hanging command was not cut off"
expect_grep "12 new items from 6 feeds: 3 updated, 0 unchanged, 3 failed" "$WORK/out"

# The words, as the dotfile's quoting split them, one argv element each.
printf '%s\n' '$(touch PWNED)' ';' '|' -rf 'two words' '`touch' 'PWNED2`' \
    >"$WORK/want"
cmp -s "$WORK/argv" "$WORK/want" || { cat "$WORK/argv"; fail "argv differs"; }
for f in PWNED PWNED2 'PWNED)' 'PWNED2`'; do
	[ ! -e "$WORK/$f" ] && [ ! -e "$TOP/tests/e2e/$f" ] && [ ! -e "$HOME/$f" ] ||
	    fail "a shell ran: $f exists"
done
[ ! -e "$WORK/argv.tty" ] || fail "the command's stdin was a terminal"
expect_eq "made items" "$(sql "select group_concat(i.title, ',') from items i join feeds f on f.id = i.feed_id where f.url like 'exec:%make-feed%'")" \
    "word 1,word 2,word 3,word 4,word 5,word 6,word 7"

# The filter saw the fetched feed and changed it.
expect_eq "filtered" "$(sql "select count(*) from items where title like 'filtered item %'")" 3

# The hanging command was killed at its timeout, what it started too.
expect_grep "  hanging: hang took longer than 2s and was killed" "$WORK/out"
pid=$(cat "$HANG_PID")
n=0
# (A zombie is dead: where PID 1 reaps nothing, it stays one.)
while kill -0 "$pid" 2>/dev/null &&
    ! awk '{ exit $3 != "Z" }' "/proc/$pid/stat" 2>/dev/null; do
	n=$((n + 1))
	[ $n -le 20 ] || fail "the hanging command's child $pid still runs"
	sleep 0.1
done

# A failure names the command and its standard error's last line, with
# no escape sequence left in it.
expect_grep "  failing: fail exited with status 3: fetch: the site said no" "$WORK/out"
expect_grep "  absent: cannot run absent: No such file or directory" "$WORK/out"
grep -q "$(printf '\033')" "$WORK/out" && fail "an escape sequence came through"
expect_eq "stored error" "$(sql "select error from feeds where url like '%/fail'")" \
    "fail exited with status 3: fetch: the site said no"
grep -q "a warning nobody" "$WORK/out" "$WORK/err" && fail "a good command's stderr was shown"

# Again: the filter's URL is fetched with the validators it gave, and an
# unchanged feed is not run through the command again.
rm -f "$WORK/argv"
expect_status 3 td refresh --all
expect_grep "0 new items from 6 feeds: 1 updated, 2 unchanged, 3 failed" "$WORK/out"
grep "/src.xml" "$WORK/server.log" | tail -n 1 | grep -q "	304	" ||
    fail "the filter's feed was not asked for conditionally: $(grep /src.xml "$WORK/server.log")"
[ -s "$WORK/argv" ] || fail "the exec: command did not run again"

# The reader shows the command feeds by their titles, and its refresh
# runs them with no terminal to draw on.
tui_start 100 20
wait_for "Made here"
wait_for "filtered"
rm -f "$WORK/argv"
keys R
wait_file "$WORK/argv"
wait_for "failed"
tui_screen | grep -q TTY-SCRIBBLE && fail "a command wrote on the screen"
[ ! -e "$WORK/argv.tty" ] || fail "a command had a terminal"
tui_stop
