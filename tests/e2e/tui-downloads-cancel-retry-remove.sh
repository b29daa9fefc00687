#!/bin/sh
# The downloads view (D) acts on the download under its cursor, with keys
# bound like any other (the dotfile's bind downloads KEY ACTION): c
# cancels one under way (it stops at once, its .part goes, the queue goes
# on) or one waiting (it leaves the queue); r queues a failed or
# cancelled one again; a removal (here z, rebound) takes a done, failed
# or cancelled one off the list, its file staying, but never one queued;
# Enter plays a file done with the player. Each row says its state, and
# the view follows the terminal's size.
. ./lib.sh
serve
head -c 2000000 /dev/urandom >"$WORK/www/ep1.mp3"
head -c 300000 /dev/urandom >"$WORK/www/ep2.mp3"
argv_stub
# Episode one comes slowly (a minute), episode two at once; episode
# three is not on the server yet.
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pod</title><link>http://example.org/</link>
<item><title>Episode one</title><guid>e1</guid>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep1.mp3?pace=60" type="audio/mpeg" length="2000000"/></item>
<item><title>Episode 二 with a title long enough to be cut on a narrow screen</title><guid>e2</guid>
<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep2.mp3" type="audio/mpeg"/></item>
<item><title>Episode three</title><guid>e3</guid>
<pubDate>Sat, 06 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep3.mp3" type="audio/mpeg"/></item>
</channel></rss>
XML
DL="$WORK/dl"
cat >"$CONF" <<EOF
feed $URL/pod.xml
set download-dir $DL
set player $WORK/stub
bind downloads z remove-download
EOF
expect_status 0 td refresh
tui_start 160 24 "WORK_DIR=$WORK"
wait_for "Episode one"
# All three queued: one under way, two waiting.
keys j Enter d
wait_for "Downloading into $DL/Pod - Episode one.mp3"
keys j d j d
wait_for "Downloading into $DL/Pod - Episode three.mp3"
wait_file "$DL/Pod - Episode one.mp3.part"
keys D
wait_for "3 downloads: 1 under way, 2 queued, 0 done, 0 failed, 0 cancelled"
wait_for "c cancel"
tui_screen | grep -q "^ downloading [0-9]*% .*Pod: Episode one" ||
	{ tui_screen >&2; fail "episode one is not shown under way"; }
tui_screen | grep -q "^ queued .*Pod: Episode 二" ||
	{ tui_screen >&2; fail "episode two is not shown queued"; }

# Cancel the one waiting (the cursor starts on the first row): it leaves
# the queue, and the one under way goes on.
keys j c
wait_for "Cancelled the download of Pod - Episode 二"
wait_for "3 downloads: 1 under way, 1 queued, 0 done, 0 failed, 1 cancelled"
tui_screen | grep -q "^ cancelled .*Pod: Episode 二" ||
	{ tui_screen >&2; fail "episode two is not shown cancelled"; }
expect_eq "episode one" "$(sql "select state from downloads where url like '%ep1%'")" 0

# Cancel the one under way: it stops at once, though the server would
# take a minute, its .part goes and the queue goes on with episode
# three, which fails (the server has no such file).
keys k c
wait_for "3 downloads: 0 under way, 0 queued, 0 done, 1 failed, 2 cancelled" 5
[ -e "$DL/Pod - Episode one.mp3.part" ] && fail "the .part of episode one stayed"
[ -e "$DL/Pod - Episode one.mp3" ] && fail "episode one was finished"
expect_eq states "$(sql 'select group_concat(state) from downloads order by id')" "3,3,2"
tui_screen | grep -q "^ failed .*Pod: Episode three" ||
	{ tui_screen >&2; fail "episode three is not shown failed"; }
wait_for "failed: HTTP 404"
# (The worker's last news: nothing it says later hides what a key says.)
wait_for "Download of Pod - Episode three.mp3 failed: HTTP 404"

# A removal never takes a queued download: retried, episode one is
# queued again (it starts over), and stays listed until cancelled.
keys r
wait_for "Queued Pod - Episode one.mp3 again"
keys z
wait_for "Pod - Episode one.mp3 is queued: cancel it first"
keys c
wait_for "Cancelled the download of Pod - Episode one.mp3"
# Removed, it leaves the list; nothing is deleted but its .part.
keys z
wait_for "Removed Pod - Episode one.mp3 from the list"
wait_for "2 downloads: 0 under way, 0 queued, 0 done, 1 failed, 1 cancelled"
expect_eq rows "$(sql 'select count(*) from downloads')" 2

# Retry: the cancelled episode two starts over and is done; episode three
# is on the server now, and retried it is done too (each comes at once,
# and the news that it is done follows the news that it is queued).
cp "$WORK/www/ep2.mp3" "$WORK/www/ep3.mp3"
keys r
wait_for "2 downloads: 0 under way, 0 queued, 1 done, 1 failed, 0 cancelled"
keys j r
wait_for "2 downloads: 0 under way, 0 queued, 2 done, 0 failed, 0 cancelled"
wait_for "Downloaded Pod - Episode three.mp3"
cmp "$DL/Pod - Episode 二 with a title long enough to be cut on a narrow screen.mp3" \
    "$WORK/www/ep2.mp3" || fail "episode two differs"
cmp "$DL/Pod - Episode three.mp3" "$WORK/www/ep3.mp3" ||
	fail "episode three differs"
# Done is no failure: nothing to retry.
keys r
wait_for "Pod - Episode three.mp3 has not failed nor been cancelled"

# Enter plays the file under the cursor.
keys Enter
wait_file "$WORK/argv"
expect_eq argv "$(cat "$WORK/argv")" "$DL/Pod - Episode three.mp3"

# A narrow terminal: the rows are cut to its width, the view redrawn.
$T resize-window -x 60 -y 14
wait_for "2 downloads: 0 under way"
n=0
until tui_screen | grep -q "^ done .*Pod: Episode 二 with a.*…"; do
	n=$((n + 1))
	[ $n -le 100 ] || { tui_screen >&2; fail "the title is not cut"; }
	sleep 0.05
done
# Cut by display width: 二 takes two columns, and the row ends at the
# terminal's edge (a border column spare), not before nor past it.
w=$(tui_screen | grep "^ done .*Pod: Episode 二" | python3 -c '
import sys, unicodedata
line = sys.stdin.readline().rstrip("\n")
print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line))')
[ "$w" -ge 58 ] && [ "$w" -le 60 ] ||
	{ tui_screen >&2; fail "the cut row is $w columns wide, not 58 to 60"; }
$T resize-window -x 160 -y 24
wait_for "Pod: Episode 二 with a title long enough to be cut on a narrow screen"

# Removing a done download keeps its file.
keys z
wait_for "Removed Pod - Episode three.mp3 from the list; the file stays"
[ -s "$DL/Pod - Episode three.mp3" ] || fail "the file was deleted"
wait_for "1 download: 0 under way, 0 queued, 1 done, 0 failed, 0 cancelled"
keys q
wait_gone "1 download:"
keys Q
wait_exit 0
exit 0
