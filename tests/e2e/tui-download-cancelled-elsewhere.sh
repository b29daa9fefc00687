#!/bin/sh
# A download that "tidings download" runs is cancelled from the reader's
# downloads view: the reader, finding the file locked, leaves it to that
# process, which stops at its next progress, deletes its .part and ends
# without a failure, saying the file was cancelled; nothing downloads the file twice, and the row stays
# cancelled.
. ./lib.sh
serve
head -c 2000000 /dev/urandom >"$WORK/www/ep1.mp3"
pod <<XML
<item><title>Episode one</title><guid>e1</guid>
<enclosure url="$URL/ep1.mp3?pace=60" type="audio/mpeg" length="2000000"/></item>
XML
id=$(sql "select id from items where guid = 'e1'")
"$TIDINGS" -c "$CONF" -d "$DB" download "$id" >"$WORK/dl.out" 2>&1 &
pid=$!
wait_file "$DL/Pod - Episode one.mp3.part"

tui_start 160 24
wait_for "Episode one"
keys D
wait_for "1 download: 0 under way, 1 queued"
keys c
wait_for "Cancelled the download of Pod - Episode one.mp3"
wait_for "1 download: 0 under way, 0 queued, 0 done, 0 failed, 1 cancelled"
# The other process stops (each piece of the file takes three seconds,
# so by its next progress), on its own.
n=0
while kill -0 "$pid" 2>/dev/null; do
	n=$((n + 1))
	[ $n -le 300 ] || { kill "$pid"; fail "tidings download went on"; }
	sleep 0.05
done
wait "$pid" || fail "tidings download failed: $(cat "$WORK/dl.out")"
expect_grep "0 downloaded, 0 failed" "$WORK/dl.out"
expect_grep "Pod - Episode one.mp3: cancelled" "$WORK/dl.out"
[ -e "$DL/Pod - Episode one.mp3.part" ] && fail "the .part stayed"
[ -e "$DL/Pod - Episode one.mp3" ] && fail "the file was finished"
expect_eq state "$(sql 'select state from downloads')" 3
expect_status 0 td download --list
expect_grep "	cancelled	0	2000000	$DL/Pod - Episode one.mp3	" "$WORK/out"
expect_eq hits "$(grep -c '^GET	/ep1.mp3' "$WORK/server.log")" 1
keys q Q
wait_exit 0
exit 0
