#!/bin/sh
# Keys are rebound in the dotfile and at the prompt; a binding that does
# not make sense stops tidings before it draws, naming the line.
. ./lib.sh
serve
rss alpha.xml Alpha 3
cat >"$CONF" <<CONF
feed $URL/alpha.xml
# x stars, s does nothing, F2 shows the help
bind items x toggle-star
unbind items s
bind global F2 help
CONF
expect_status 0 td refresh
tui_start 100 20
wait_for "1/3"
keys j Tab s x
wait_for "Starred"
expect_eq starred "$(sql 'select count(*) from items where starred = 1')" 1
keys : 'bind items y toggle-read' Enter
wait_for "Bound"
keys y
wait_for "Marked read"
expect_eq read "$(sql 'select count(*) from items where read = 1')" 1
keys F2
wait_for "Keys in the items pane"
wait_for "x                 toggle-star"
keys q
wait_gone "Keys in the items pane"
keys : 'bind items z no-such-action' Enter
wait_for 'unknown action "no-such-action"'
keys Q
wait_exit 0

# The same mistake in the dotfile is reported with its line, and nothing
# starts.
printf 'feed %s/alpha.xml\n\nbind items z mark-raed\nbind itemz z quit\n' \
    "$URL" >"$WORK/bad.conf"
expect_status 2 "$TIDINGS" -c "$WORK/bad.conf" -d "$DB"
expect_grep "bad.conf:3: unknown action \"mark-raed\"" "$WORK/err"
expect_grep "bad.conf:4: unknown key table \"itemz\"; it is global, feeds, items, article, downloads or macro" "$WORK/err"
