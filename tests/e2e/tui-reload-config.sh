#!/bin/sh
# The dotfile read again without a restart: C-r (reload-config) after the
# file changed, E (edit-config) through $EDITOR with the terminal given
# back to it. A file with a mistake leaves the config in force and shows
# the first mistake. A refresh after a reload fetches the new feeds: the
# threads get a snapshot of the new config.
. ./lib.sh
serve
rss a.xml Alpha 1
rss b.xml Beta 2
rss c.xml Gamma 3
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
cat >"$WORK/editor" <<'SH'
#!/bin/sh
# An editor that appends a feed line to the file it is given, after
# checking that it has the terminal.
[ -t 0 ] && [ -t 1 ] || exit 3
printf 'feed %s/c.xml "~Gamma"\n' "$FEED_URL" >>"$1"
SH
chmod +x "$WORK/editor"
tui_start 100 20 "EDITOR=$WORK/editor" "VISUAL=" "FEED_URL=$URL"
wait_for "Alpha item 1"
printf 'feed %s/b.xml "~Beta"\n' "$URL" >>"$CONF"
keys C-r
wait_for "Reloaded $CONF: 2 feeds"
wait_for "Beta"
# A mistake: the config in force stays, the first mistake shows.
cp "$CONF" "$WORK/good"
printf 'set max-items lots\nreload-time 5\n' >>"$CONF"
keys C-r
wait_for "Not reloaded, 2 mistakes: $CONF:3: "
keys j
wait_for "Beta"
cp "$WORK/good" "$CONF"
# E: the editor, then the file read again.
keys E
wait_for "Reloaded $CONF: 3 feeds"
wait_for "Gamma"
expect_eq "dotfile" "$(tail -n 1 "$CONF")" "feed $URL/c.xml \"~Gamma\""
# The refresh fetches the feeds the reload brought.
keys R
wait_for "5 new items from 3 feeds"
keys Q
wait_exit 0
expect_eq "items" "$(sql 'select count(*) from items')" 6
# reload-config and a new binding: the keys of the new file apply.
printf 'bind global z quit\n' >>"$CONF"
tui_start 100 20
wait_for "Gamma"
keys C-r
wait_for "Reloaded"
keys z
wait_exit 0
exit 0
