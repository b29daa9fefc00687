#!/bin/sh
# "tidings import-newsboat DIR" brings podboat along: player,
# download-path and podcast-auto-enqueue become settings, and the queue
# file becomes downloads: a whole file as done, the rest queued, which
# "tidings download" then fetches over what podboat left half done.
. ./lib.sh
serve
rss a.xml a 1
head -c 300000 /dev/urandom >"$WORK/www/ep2.mp3"
NB="$WORK/newsboat"
POD="$WORK/podcasts"
mkdir -p "$NB" "$POD"
printf '%s/a.xml\n' "$URL" >"$NB/urls"
cat >"$NB/config" <<EOF
player "mpv --no-video"
download-path "$POD/"
podcast-auto-enqueue yes
max-downloads 2
EOF
printf 'whole episode\n' >"$POD/one.mp3"
head -c 1000 "$WORK/www/ep2.mp3" >"$POD/two.mp3"
cat >"$NB/queue" <<EOF
$URL/ep1.mp3 "$POD/one.mp3" downloaded
$URL/ep2.mp3 "$POD/two.mp3"
EOF
: >"$CONF"
expect_status 0 td import-newsboat "$NB"
expect_grep "2 episodes of podboat's queue: 1 downloaded, 1 to download" \
    "$WORK/out"
expect_grep "max-downloads 2: downloads run one at a time here" "$WORK/out"
expect_grep 'set player "mpv --no-video"' "$CONF"
expect_grep "set download-dir $POD/" "$CONF"
expect_grep "set download-enclosures yes" "$CONF"

expect_status 0 td download -l
expect_grep "done	14	14	$POD/one.mp3" "$WORK/out"
expect_grep "queued	0	-1	$POD/two.mp3" "$WORK/out"

# A second import adds nothing.
expect_status 0 td import-newsboat "$NB"
expect_grep "0 downloaded, 0 to download" "$WORK/out"

expect_status 0 td download
expect_grep "1 downloaded, 0 failed" "$WORK/out"
cmp "$POD/two.mp3" "$WORK/www/ep2.mp3" || fail "episode two differs"
expect_eq whole "$(cat "$POD/one.mp3")" "whole episode"
expect_status 0 td download -l
expect_grep "done	300000	300000	$POD/two.mp3" "$WORK/out"
exit 0
