#!/bin/sh
# A podcast's episode: the article's header shows its enclosure (type,
# size, duration), the links list numbers it, and e (open-enclosure),
# "open N" on its number and o on an item without a link play it with the
# player: an argv of its own, the URL one word, run detached so that the
# reader goes on while it plays.
. ./lib.sh
serve
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
# A player that records its arguments, one a line, and whether it was
# given the terminal; it plays on for a while after.
printf '%s\n' "$#" >"$WORK_DIR/argc"
if [ -t 0 ] || [ -t 1 ]; then echo tty; else echo none; fi >"$WORK_DIR/tty"
for a in "$@"; do printf '%s\n' "$a"; done >"$WORK_DIR/argv.tmp"
mv "$WORK_DIR/argv.tmp" "$WORK_DIR/argv"
sleep 2
: >"$WORK_DIR/ended"
STUB
chmod +x "$WORK/stub"
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
<channel><title>Pod</title><link>http://example.org/</link>
<item><title>Episode one</title><guid>e1</guid><link>http://example.org/e1</link>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Notes with &lt;a href="http://example.org/notes"&gt;a link&lt;/a&gt;.&lt;/p&gt;</description>
<itunes:duration>1:02:03</itunes:duration>
<enclosure url="$URL/ep1.mp3" type="audio/mpeg" length="27000000"/></item>
<item><title>Only an enclosure</title><guid>e2</guid>
<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate>
<itunes:duration>754</itunes:duration>
<enclosure url="$URL/ep2\$(touch pwned)'q;ls.mp3" type="audio/mpeg" length="999"/></item>
<item><title>A local file</title><guid>e3</guid>
<pubDate>Sat, 06 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="file:///etc/passwd" type="audio/mpeg"/></item>
</channel></rss>
XML
printf 'feed %s/pod.xml\nset player %s\n' "$URL" "$WORK/stub" >"$CONF"
expect_status 0 td refresh
tui_start 100 24 "WORK_DIR=$WORK"
wait_for "Episode one"

# The header and the links list.
keys j Enter Enter
wait_for "Enclosure: [2] audio/mpeg · 27.0 MB · 1:02:03"
wait_for "[1] http://example.org/notes"
wait_for "[2] $URL/ep1.mp3"

# e plays it, detached: the reader says so while the player still runs.
keys e
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" "$URL/ep1.mp3"
expect_eq tty "$(cat "$WORK/tty")" none
wait_for "Playing $URL/ep1.mp3 with"
[ -e "$WORK/ended" ] && fail "the reader waited for the player"
rm -f "$WORK/argv"

# "open 2" plays the enclosure's number; open-enclosure N plays any link.
keys : 'open 2' Enter
wait_file "$WORK/argv"
expect_eq argv "$(cat "$WORK/argv")" "$URL/ep1.mp3"
rm -f "$WORK/argv"
keys : 'open-enclosure 1' Enter
wait_file "$WORK/argv"
expect_eq argv "$(cat "$WORK/argv")" "http://example.org/notes"
rm -f "$WORK/argv"
keys : 'open-enclosure 3' Enter
wait_for "No link 3: the article has 2"

# An item with only an enclosure: o plays it from the items pane, and
# shell syntax in its URL is one word that nothing runs.
keys q j
wait_for "Only an enclosure"
keys o
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" "$URL/ep2\$(touch pwned)'q;ls.mp3"
rm -f "$WORK/argv"
keys Enter
wait_for "Enclosure: [1] audio/mpeg · 999 bytes · 0:12:34"
keys o
wait_file "$WORK/argv"
rm -f "$WORK/argv"

# A local file is no enclosure to play; a missing player says so.
keys q j o
wait_for 'Not playing "file:///etc/passwd"'
keys : "set player $WORK/no-such-player" Enter
keys k e
wait_for "Cannot run $WORK/no-such-player: No such file"
keys Q
wait_exit 0
for f in "$WORK"/pwned* ./pwned* "$HOME"/pwned*; do
	[ -e "$f" ] && fail "$f was created"
done
[ -e "$WORK/argv" ] && fail "the player ran for a file: URL"
exit 0
