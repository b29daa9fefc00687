#!/bin/sh
# ":set" while a refresh runs: the refresh goes on with the settings it
# started with (a copy of its own), so notify-command, user-agent or any
# other setting may change at the prompt at any time, and the change
# applies from the next refresh.
. ./lib.sh
serve
rss a.xml a 3
cat >"$WORK/notify" <<'SH'
#!/bin/sh
echo "$1 $2" >"$3.tmp"
mv "$3.tmp" "$3"
SH
chmod +x "$WORK/notify"
s=$((3 * ${E2E_SLOW:-1}))
cat >"$CONF" <<EOF
set refresh-interval 0
set notify-command "'$WORK/notify' first %n '$WORK/notified'"
feed "$URL/_/slow?file=a.xml&seconds=$s" "~Slow"
EOF
tui_start 100 20
# r on the feed's row refreshes that feed alone.
keys j r
wait_for "refreshing"
keys : "set notify-command \"'$WORK/notify' second %n '$WORK/notified'\"" \
    Enter
wait_for "notify-command is"
wait_for "3 new items from 1 feed" $((s + 10))
wait_file "$WORK/notified"
expect_eq "the refresh's command" "$(cat "$WORK/notified")" "first 3"
rm "$WORK/notified"
# The next refresh runs the new command; a setting of its fetches may
# change while it runs, too.
rss a.xml a 5
keys r
wait_for "refreshing"
keys : "set user-agent Changed/1.0" Enter
wait_for 'user-agent is "Changed/1.0"'
wait_for "2 new items from 1 feed" $((s + 10))
wait_file "$WORK/notified"
expect_eq "the next refresh's command" "$(cat "$WORK/notified")" "second 2"
keys Q
wait_exit 0
