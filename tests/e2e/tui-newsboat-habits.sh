#!/bin/sh
# Habits from newsboat: O opens the item in the browser and marks it read
# (open-in-browser-and-mark-read there); with "set confirm-quit yes" a
# quit asks first, so q pressed once too often from the items pane does
# not end the reader.
. ./lib.sh
serve
rss a.xml a 2
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
printf '%s\n' "$1" >"$WORK_DIR/opened"
STUB
chmod +x "$WORK/stub"
printf 'set confirm-quit yes\nset browser %s\nfeed %s/a.xml\n' \
    "$WORK/stub" "$URL" >"$CONF"
tui_start 100 20 "WORK_DIR=$WORK"
wait_for "a item 2"
expect_eq "unread" "$(sql 'select count(*) from items where read = 0')" 2
keys j Tab O
wait_file "$WORK/opened"
expect_eq "link" "$(cat "$WORK/opened")" "http://example.org/a/2"
wait_for "Opened http://example.org/a/2"
expect_eq "unread" "$(sql 'select count(*) from items where read = 0')" 1
expect_eq "read" "$(sql "select link from items where read = 1")" \
    "http://example.org/a/2"
# O on a read item leaves it read.
rm "$WORK/opened"
keys O
wait_file "$WORK/opened"
expect_eq "unread" "$(sql 'select count(*) from items where read = 0')" 1
# q, q: back to the feeds, then a question, not the end.
keys q q
wait_for "Quit tidings? y quits, any other key stays"
keys n
wait_for "Not quitting"
keys Q
wait_for "Quit tidings?"
keys y
wait_exit 0
exit 0
