#!/bin/sh
# d downloads an item's enclosure in the background: the reader goes on,
# the status line and the downloads view (D) follow it, the file is the
# server's byte for byte and e then plays the file. A download cut short
# by quitting goes on where it stopped when the reader starts again.
. ./lib.sh
serve
head -c 2000000 /dev/urandom >"$WORK/www/ep1.mp3"
head -c 3000000 /dev/urandom >"$WORK/www/ep2.mp3"
argv_stub
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pod</title><link>http://example.org/</link>
<item><title>Episode one</title><guid>e1</guid>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep1.mp3?pace=3" type="audio/mpeg" length="2000000"/></item>
<item><title>Episode two</title><guid>e2</guid>
<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep2.mp3?pace=20" type="audio/mpeg" length="3000000"/></item>
<item><title>No episode</title><guid>e3</guid>
<pubDate>Sat, 06 Jan 2024 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
DL="$WORK/dl"
printf 'feed %s/pod.xml\nset download-dir %s\nset player %s\n' "$URL" "$DL" \
    "$WORK/stub" >"$CONF"
expect_status 0 td refresh
tui_start 160 24 "WORK_DIR=$WORK"
wait_for "Episode one"
keys j Enter d
wait_for "Downloading into $DL/Pod - Episode one.mp3"
wait_for "downloading Pod - Episode one.mp3 "
# The reader answers while it downloads: the view opens and follows it.
keys D
wait_for "1 download: 1 under way, 0 queued, 0 done, 0 failed"
wait_for " downloading "
wait_for "Pod: Episode one"
wait_for "1 download: 0 under way, 0 queued, 1 done, 0 failed"
tui_screen | grep -q "^ done  *2.0 MB  *Pod: Episode one" ||
	{ tui_screen >&2; fail "no row for the file done"; }
wait_for "Downloaded Pod - Episode one.mp3"
keys D
wait_gone "1 download:"
cmp "$DL/Pod - Episode one.mp3" "$WORK/www/ep1.mp3" || fail "the file differs"
[ -e "$DL/Pod - Episode one.mp3.part" ] && fail "the .part is left"

# Once more: nothing new.
keys d
wait_for "Downloaded or queued already: $DL/Pod - Episode one.mp3"
# The player gets the file, not the URL.
keys e
wait_file "$WORK/argv"
expect_eq argv "$(cat "$WORK/argv")" "$DL/Pod - Episode one.mp3"

# No enclosure, nothing to download.
keys j j d
wait_for "This item has no enclosure"

# Quit half way through episode two; the next start goes on from there.
keys k d
wait_for "Downloading into $DL/Pod - Episode two.mp3"
n=0
until [ "$(stat -c %s "$DL/Pod - Episode two.mp3.part" 2>/dev/null ||
    echo 0)" -gt 0 ]; do
	n=$((n + 1))
	[ $n -le 200 ] || fail "episode two did not start"
	sleep 0.05
done
keys Q
wait_exit 0
[ -e "$DL/Pod - Episode two.mp3" ] && fail "episode two is whole already"
expect_eq state "$(sql "select state from downloads where title like '%two'")" 0
printf 'feed %s/pod.xml < download-enclosures yes\nset download-dir %s\n' \
    "$URL" "$DL" >"$CONF"
sed -i "s|ep2.mp3?pace=20|ep2.mp3?pace=2|" "$WORK/www/pod.xml"
sql "update downloads set url = replace(url, 'pace=20', 'pace=2')"
tui_start 160 24
wait_for "Downloaded Pod - Episode two.mp3" 20
cmp "$DL/Pod - Episode two.mp3" "$WORK/www/ep2.mp3" ||
	fail "episode two differs"
grep -q "^GET	/ep2.mp3?pace=2	206	.*range=bytes=[1-9]" "$WORK/server.log" ||
	fail "episode two started over: $(cat "$WORK/server.log")"

# A feed with download-enclosures: a refresh that brings an episode
# downloads it, whatever length the feed guessed for it and though the
# server does not say how long it is.
head -c 500000 /dev/urandom >"$WORK/www/ep4.mp3"
sed -i "s|<channel><title>Pod</title><link>http://example.org/</link>|&\\
<item><title>Episode four</title><guid>e4</guid>\\
<pubDate>Tue, 09 Jan 2024 10:00:00 GMT</pubDate>\\
<enclosure url=\"$URL/ep4.mp3?length=0\" type=\"audio/mpeg\" length=\"12345\"/></item>|" \
    "$WORK/www/pod.xml"
keys R
wait_for "Downloaded Pod - Episode four.mp3" 20
cmp "$DL/Pod - Episode four.mp3" "$WORK/www/ep4.mp3" ||
	fail "episode four differs"
expect_eq downloads "$(sql 'select count(*) from downloads')" 3
keys Q
wait_exit 0
exit 0
