#!/bin/sh
# With "set mouse yes" a click selects a row (a second click on it opens
# it) and the wheel scrolls the pane under the pointer, whichever has the
# focus. tmux has no command that makes a mouse event for the program in
# a pane (send-keys -M only repeats one tmux itself received), so the
# story types the bytes a terminal sends for one, in the X10 encoding
# that ncurses reads: ESC [ M, then 32 + the button, 33 + the column and
# 33 + the row.
. ./lib.sh
serve
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<rss version="2.0"><channel><title>Alpha</title>\n'
	i=1
	while [ $i -le 30 ]; do
		printf '<item><title>Alpha item %d</title><guid>a%d</guid>' $i $i
		printf '<pubDate>Mon, %02d Jan 2024 10:00:00 GMT</pubDate>' $i
		printf '<description>Body %d</description></item>\n' $i
		i=$((i + 1))
	done
	printf '</channel></rss>\n'
} >"$WORK/www/a.xml"
cat >"$WORK/www/b.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Beta</title>
<item><title>Beta one</title><guid>b1</guid></item>
</channel></rss>
XML
printf 'set mouse yes\nfeed %s/a.xml\nfeed %s/b.xml\n' "$URL" "$URL" \
    >"$CONF"
expect_status 0 td refresh

# mouse BUTTON COLUMN ROW: one event at a cell (0-based); BUTTON is 0
# for a press of the first button, 3 for a release, 64 and 65 for the
# wheel up and down.
mouse() {
	_seq=$(printf "\\033[M\\$(printf %03o $((32 + $1)))\\$(printf \
	    %03o $((33 + $2)))\\$(printf %03o $((33 + $3)))")
	$T send-keys -l "$_seq"
}

# click COLUMN ROW: press and release the first button.
click() {
	mouse 0 "$1" "$2"
	mouse 3 "$1" "$2"
}

tui_start 100 20
wait_for "31 unread"
# Rows of the feeds pane: its title, All items, Alpha, Beta.
click 5 3
wait_for "Beta one"
click 5 2
wait_for "Alpha item 30"
wait_gone "Beta one"
# The items pane starts at column 34. A click counts when the button is
# released: when a release goes missing (the press on the seventh row
# has none), ncurses takes the next press for a drag, and the click on
# the ninth row still selects it.
mouse 0 40 7
click 40 9
wait_for "9/30"
# The fourth item is selected, then opened.
click 40 4
wait_for "4/30"
tui_screen | grep -q "Body 27" && fail "one click opened the item"
click 40 4
wait_for "Body 27"
# The article has the focus and the items pane moved to the left; the
# wheel over the items moves their cursor, three rows a step.
mouse 65 10 5
wait_for "7/30"
mouse 65 10 5
wait_for "10/30"
mouse 64 10 5
wait_for "7/30"
keys Q
wait_exit 0

