#!/bin/sh
# A .part longer than the file on the server (the episode was cut and
# published again, or a server once sent more than it said): the range
# asked for lies past the end, the server answers 416 with the file's
# real size, and the .part is emptied so that the next try downloads the
# file whole instead of failing the same way for ever. A server that
# ignores ranges and sends an empty file gets an empty file, not the old
# bytes of the .part. A server that sends more than the size it gives
# stops at once, the .part emptied. A file whose size changed on the
# server since its .part began starts over rather than being glued to it.
. ./lib.sh
serve
head -c 1000 /dev/urandom >"$WORK/www/ep.mp3"
: >"$WORK/www/empty.mp3"
pod <<XML
<item><title>Episode</title><guid>e1</guid>
<enclosure url="$URL/ep.mp3" type="audio/mpeg"/></item>
<item><title>Liar</title><guid>e3</guid>
<enclosure url="$URL/ep.mp3?total=600" type="audio/mpeg"/></item>
<item><title>Changed</title><guid>e4</guid>
<enclosure url="$URL/ep.mp3?x=4" type="audio/mpeg"/></item>
<item><title>Empty</title><guid>e2</guid>
<enclosure url="$URL/empty.mp3?range=0" type="audio/mpeg" length="5000"/></item>
XML
id=$(sql "select id from items where guid = 'e1'")
# Queued (-l lists the queue instead of running it), then what an
# earlier, longer version of the episode left.
expect_status 0 td download -l "$id"
expect_grep "$DL/Pod - Episode.mp3" "$WORK/out"
mkdir -p "$DL"
head -c 1500 /dev/urandom >"$DL/Pod - Episode.mp3.part"

# The first try finds out, and empties the .part.
expect_status 1 td download "$id"
expect_grep "0 downloaded, 1 failed" "$WORK/out"
grep -q "^GET	/ep.mp3	416	.*range=bytes=1500-" "$WORK/server.log" ||
	fail "no 416 for the range past the end: $(cat "$WORK/server.log")"
expect_eq part "$(stat -c %s "$DL/Pod - Episode.mp3.part")" 0

# The next downloads the file whole.
expect_status 0 td download "$id"
expect_grep "1 downloaded, 0 failed" "$WORK/out"
cmp "$DL/Pod - Episode.mp3" "$WORK/www/ep.mp3" || fail "the file differs"
[ -e "$DL/Pod - Episode.mp3.part" ] && fail "a .part is left"

id=$(sql "select id from items where guid = 'e2'")
expect_status 0 td download -l "$id"
head -c 500 /dev/urandom >"$DL/Pod - Empty.mp3.part"
expect_status 0 td download
expect_grep "1 downloaded, 0 failed" "$WORK/out"
grep -q "^GET	/empty.mp3?range=0	200	.*range=bytes=500-" \
    "$WORK/server.log" || fail "no 200 for the range: $(cat "$WORK/server.log")"
expect_eq empty "$(stat -c %s "$DL/Pod - Empty.mp3")" 0
expect_eq row "$(sql "select state, got, size from downloads where url like '%empty%'")" "1|0|0"

id=$(sql "select id from items where guid = 'e3'")
expect_status 0 td download -l "$id"
head -c 500 "$WORK/www/ep.mp3" >"$DL/Pod - Liar.mp3.part"
expect_status 1 td download
expect_grep "the server sent more than the 600 bytes" "$WORK/err"
grep -q "^GET	/ep.mp3?total=600	206	.*range=bytes=500-" "$WORK/server.log" ||
	fail "no 206 for the liar: $(cat "$WORK/server.log")"
expect_eq part "$(stat -c %s "$DL/Pod - Liar.mp3.part")" 0
# Asked for from the start, it needs no range and gets the file whole.
expect_status 0 td download "$id"
cmp "$DL/Pod - Liar.mp3" "$WORK/www/ep.mp3" || fail "the liar's file differs"

# The file changed on the server since the .part began (it was 1500
# bytes then): the rest of the new file is not glued to the start of the
# old one; the .part is emptied, and the next try gets the new file whole.
id=$(sql "select id from items where guid = 'e4'")
expect_status 0 td download -l "$id"
head -c 400 /dev/urandom >"$DL/Pod - Changed.mp3.part"
sql "update downloads set size = 1500 where url like '%x=4'" >/dev/null
expect_status 1 td download
expect_grep "the file changed on the server (1000 bytes, was 1500)" "$WORK/err"
expect_eq part "$(stat -c %s "$DL/Pod - Changed.mp3.part")" 0
expect_status 0 td download "$id"
cmp "$DL/Pod - Changed.mp3" "$WORK/www/ep.mp3" || fail "the changed file differs"

# An id that names no item is said as such, and the others still count.
id=$(sql "select id from items where guid = 'e1'")
expect_status 1 td download -l 999999 "$id"
expect_grep "tidings: no item 999999" "$WORK/err"
grep -q "has no enclosure" "$WORK/err" && fail "an unknown id has no enclosure?"
expect_grep "$DL/Pod - Episode.mp3" "$WORK/out"
exit 0
