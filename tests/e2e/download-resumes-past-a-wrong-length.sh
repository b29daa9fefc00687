#!/bin/sh
# A feed's enclosure length is often a guess. A download killed with
# kill -9 as soon as its first bytes are in the .part goes on from there
# on the next run (a 206) to a byte-identical file: the size the .part
# began with is the server's, kept from the first answer on, not the
# feed's guess, which would make the rest look like another file's.
. ./lib.sh
serve
head -c 400000 /dev/urandom >"$WORK/www/ep.mp3"
pod <<XML
<item><title>Guess</title><guid>e1</guid>
<enclosure url="$URL/ep.mp3?pace=6" type="audio/mpeg" length="12345"/></item>
XML
id=$(sql "select id from items where guid = 'e1'")
expect_status 0 td download -l "$id"
part="$DL/Pod - Guess.mp3.part"

# Killed at its first bytes, long before the row's progress is saved.
kill_when "$part" download
have=$(stat -c %s "$part")
[ "$have" -lt 400000 ] || fail "the download was not cut short"

expect_status 0 td download
expect_grep "1 downloaded, 0 failed" "$WORK/out"
grep -q "file changed" "$WORK/err" && fail "a resume taken for a changed file"
grep -q "^GET	/ep.mp3?pace=6	206	.*range=bytes=$have-" "$WORK/server.log" ||
	fail "not resumed from $have: $(cat "$WORK/server.log")"
cmp "$DL/Pod - Guess.mp3" "$WORK/www/ep.mp3" || fail "the file differs"
exit 0
