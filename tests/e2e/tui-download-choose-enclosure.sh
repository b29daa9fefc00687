#!/bin/sh
# An item with several enclosures (a transcript first, then the episode
# in two formats): download-enclosures downloads the first audio one, and
# d asks which, in the items pane and in the article, from a menu whose
# cursor starts on that one and whose first row downloads them all;
# Escape downloads nothing. An item with one enclosure asks nothing.
. ./lib.sh
serve
printf 'WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n' >"$WORK/www/ep.vtt"
head -c 200000 /dev/urandom >"$WORK/www/ep.mp3"
head -c 150000 /dev/urandom >"$WORK/www/ep.ogg"
head -c 100000 /dev/urandom >"$WORK/www/one.mp3"
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Pod</title><link>http://example.org/</link>
<item><title>Formats</title><guid>f</guid>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/ep.vtt?pace=4" type="text/vtt" length="40"/>
<enclosure url="$URL/ep.mp3" type="audio/mpeg" length="200000"/>
<enclosure url="$URL/ep.ogg?pace=4" type="audio/ogg" length="150000"/></item>
<item><title>Single</title><guid>s</guid>
<pubDate>Sun, 07 Jan 2024 10:00:00 GMT</pubDate>
<enclosure url="$URL/one.mp3" type="audio/mpeg"/></item>
</channel></rss>
XML
# The transcript and the ogg come over seconds, so that what d says
# stays on the status line until the news that they are done.
DL="$WORK/dl"
printf 'feed %s/pod.xml < download-enclosures yes\nset download-dir %s\n' \
    "$URL" "$DL" >"$CONF"

# The feed's rule: of each item, the first audio or video enclosure.
expect_status 0 td refresh
expect_eq queued "$(sql "select group_concat(url, ' ') from (select url from downloads order by url)")" \
    "$URL/ep.mp3 $URL/one.mp3"
cmp "$DL/Pod - Formats.mp3" "$WORK/www/ep.mp3" || fail "the episode differs"
[ -e "$DL/Pod - Formats.vtt" ] && fail "the transcript was downloaded"

tui_start 160 24
wait_for "Formats"
keys j Enter
wait_for "Single"
# The menu: every enclosure described, the cursor on the episode the
# feed downloads (done already, so nothing is queued).
keys d
wait_for "Download which enclosure?"
wait_for "All 3 enclosures"
wait_for "[1] text/vtt"
wait_for "ep.vtt"
wait_for "[2] audio/mpeg · 200 KB"
wait_for "[3] audio/ogg · 150 KB"
keys Enter
wait_gone "Download which enclosure?"
wait_for "Downloaded or queued already: $DL/Pod - Formats.mp3"
# Escape: nothing, though the cursor was on the ogg.
keys d
wait_for "Download which enclosure?"
keys j Escape
wait_gone "Download which enclosure?"
# The transcript, by moving up to it (the items pane's keys).
keys d
wait_for "Download which enclosure?"
keys k Enter
wait_for "Downloading into $DL/Pod - Formats.vtt"
wait_for "Downloaded Pod - Formats.vtt"
cmp "$DL/Pod - Formats.vtt" "$WORK/www/ep.vtt" || fail "the transcript differs"
expect_eq rows "$(sql 'select count(*) from downloads')" 3
# All of them, from the article: only the one left is queued.
keys Enter
wait_for "Enclosure: [1] text/vtt"
keys d
wait_for "Download which enclosure?"
keys g Enter
wait_for "Downloading 1 of the 3 enclosures (2 queued before)"
wait_for "Downloaded Pod - Formats.ogg"
cmp "$DL/Pod - Formats.ogg" "$WORK/www/ep.ogg" || fail "the ogg differs"
expect_eq rows "$(sql 'select count(*) from downloads')" 4
# One enclosure: no menu.
keys q j d
wait_for "Downloaded or queued already: $DL/Pod - Single.mp3"
tui_screen | grep -q "Download which enclosure?" && fail "a menu for one enclosure"
keys Q
wait_exit 0
exit 0
