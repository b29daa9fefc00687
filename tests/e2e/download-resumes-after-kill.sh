#!/bin/sh
# Enclosures downloaded by "tidings refresh" (download-enclosures) and
# "tidings download", killed with kill -9 at random instants again and
# again, end as byte-identical files: each run goes on from the .part
# with a Range request (a 206), or starts over when the server ignores
# ranges (a 200). Two runs at once never download one file twice.
. ./lib.sh
serve
head -c 3000000 /dev/urandom >"$WORK/www/ep1.mp3"
head -c 2000000 /dev/urandom >"$WORK/www/ep2.mp3"
head -c 1500000 /dev/urandom >"$WORK/www/ep3.mp3"
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pod</title><link>http://example.org/</link>
<item><title>Episode one</title><guid>e1</guid>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep1.mp3?pace=3" type="audio/mpeg" length="3000000"/></item>
<item><title>Episode two</title><guid>e2</guid>
<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep2.mp3?pace=3&amp;range=0" type="audio/mpeg"/></item>
</channel></rss>
XML
cat >"$WORK/www/other.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Other</title><link>http://example.org/</link>
<item><title>Episode three</title><guid>e3</guid>
<enclosure url="$URL/ep3.mp3?pace=3" type="audio/mpeg"/></item>
</channel></rss>
XML
DL="$WORK/dl"
cat >"$CONF" <<EOF2
set download-dir $DL
feed $URL/pod.xml < download-enclosures yes
feed $URL/other.xml
EOF2

# random: a pause of 0.0 to 2.9 seconds.
random() {
	n=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	printf '%d.%d\n' $((n % 3)) $((n % 10))
}

# run_killed CMD...: run tidings with CMD in the background and kill it
# with SIGKILL after a random pause.
run_killed() {
	"$TIDINGS" -c "$CONF" -d "$DB" "$@" >"$WORK/run.out" 2>&1 &
	pid=$!
	pause=$(random)
	echo "kill -9 after ${pause}s: $*" >>"$WORK/kills"
	sleep "$pause"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}

# killed_when FILE CMD...: kill_when, noted in the list of kills.
killed_when() {
	kill_when "$@"
	shift
	echo "kill -9 with $file under way: $*" >>"$WORK/kills"
}

# Once with episode one under way, then at random instants.
killed_when "$DL/Pod - Episode one.mp3.part" refresh
i=0
while [ $i -lt 6 ]; do
	run_killed download
	i=$((i + 1))
done
# And once more as episode two comes, so that it is asked for from the
# middle of a server that ignores ranges.
[ -e "$DL/Pod - Episode two.mp3" ] ||
	killed_when "$DL/Pod - Episode two.mp3.part" download
expect_status 0 td download
cat "$WORK/kills" >&2
cmp "$DL/Pod - Episode one.mp3" "$WORK/www/ep1.mp3" ||
	fail "episode one differs"
cmp "$DL/Pod - Episode two.mp3" "$WORK/www/ep2.mp3" ||
	fail "episode two differs"
[ -e "$DL/Pod - Episode one.mp3.part" ] && fail "a .part is left"
[ -e "$DL/Pod - Episode two.mp3.part" ] && fail "a .part is left"
expect_eq states "$(sql 'select group_concat(state) from downloads')" "1,1"
# Resumed with a range that the server answered from where it stopped.
grep -q "^GET	/ep1.mp3?pace=3	206	.*range=bytes=[1-9]" "$WORK/server.log" ||
	fail "episode one was never resumed: $(cat "$WORK/server.log")"
# A server that ignores ranges gets the whole file asked for again.
grep -q "^GET	/ep2.mp3?pace=3&range=0	200	.*range=bytes=[1-9]" \
    "$WORK/server.log" || fail "episode two was never asked for again"
grep -q "^GET	/ep2.mp3?pace=3&range=0	206" "$WORK/server.log" &&
	fail "a 206 for a server that ignores ranges"

# Nothing is downloaded again, and nothing new from a feed that does not
# ask for it.
expect_status 0 td refresh
expect_eq downloads "$(sql 'select count(*) from downloads')" 2

# Two runs at once: the second leaves the file to the first.
id=$(sql "select id from items where guid = 'e3'")
"$TIDINGS" -c "$CONF" -d "$DB" download "$id" >"$WORK/a.out" 2>&1 &
a=$!
n=0
until [ -s "$DL/Other - Episode three.mp3.part" ]; do
	n=$((n + 1))
	[ $n -le 100 ] || fail "episode three did not start"
	sleep 0.05
done
# Quiet, as from cron: a file left to another process is no failure, and
# nothing is said (the run after this one finds it busy, so this one did).
expect_status 0 td download -q
expect_eq "quiet stdout" "$(cat "$WORK/out")" ""
expect_eq "quiet stderr" "$(cat "$WORK/err")" ""
expect_status 0 td download
expect_grep "Other - Episode three.mp3: downloaded by another process" \
    "$WORK/err"
expect_grep "0 downloaded, 0 failed, 1 left to another process" "$WORK/out"
wait "$a" || fail "the first run failed: $(cat "$WORK/a.out")"
expect_grep "1 downloaded, 0 failed" "$WORK/a.out"
cmp "$DL/Other - Episode three.mp3" "$WORK/www/ep3.mp3" ||
	fail "episode three differs"
expect_eq hits "$(grep -c '^GET	/ep3.mp3' "$WORK/server.log")" 1
exit 0
