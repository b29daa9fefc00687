#!/bin/sh
# Escape sequences (CSI, OSC to set the title or the clipboard, DCS), C1
# controls and bidi overrides in a feed's title, an item's title, author,
# link and body, in the body's links and in a server's error never reach
# the terminal: the reader, "tidings refresh" and "tidings items" show
# U+FFFD in their place, the pane title and the clipboard stay as they
# were, and the screen keeps its layout.
. ./lib.sh
serve
E=$(printf '\033')
BEL=$(printf '\007')
C1CSI=$(printf '\302\233')
C1OSC=$(printf '\302\235')
RLO=$(printf '\342\200\256')
LRI=$(printf '\342\201\246')
PDI=$(printf '\342\201\251')
BAD="${E}]0;pwned${BEL}${E}[2J${E}]52;c;cHduZWQ=${BEL}${C1CSI}31m"
BAD="$BAD${C1OSC}0;c1${BEL}${RLO}rev${LRI}iso${PDI}${E}P1|x${E}\\"
cat >"$WORK/www/evil.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed $BAD end</title>
<link>http://example.org/</link>
<item><title>Title $BAD end</title><author>Author $BAD end</author>
<link>http://example.org/a?$BAD</link><guid>g1</guid>
<description>&lt;p&gt;Body $BAD end&lt;/p&gt;&lt;p&gt;&lt;a
href="http://x.example/$BAD"&gt;anchor $BAD&lt;/a&gt;&lt;/p&gt;</description>
</item></channel></rss>
XML
rss calm.xml Calm 2
printf 'feed %s/evil.xml\nfeed %s/calm.xml\n' "$URL" "$URL" >"$CONF"

# is_clean FILE: FILE holds no ESC, C1 control or bidi control.
is_clean() {
	! LC_ALL=C grep -q "$E" "$1" &&
	! LC_ALL=C grep -qE "$(printf '\302[\200-\237]')" "$1" &&
	! LC_ALL=C grep -qE "$(printf '\342\200[\252-\256]|\342\201[\246-\251]')" "$1"
}
expect_status 0 td refresh
is_clean "$WORK/out" || fail "refresh printed a control"
is_clean "$WORK/err" || fail "refresh printed a control"
expect_status 0 td items
is_clean "$WORK/out" || fail "items printed a control"
expect_grep "Title �]0;pwned��[2J�]52;c;cHduZWQ=��31m�0;c1��rev�iso��P1|x�\\ end" \
    "$WORK/out"
expect_status 0 td unread --json
is_clean "$WORK/out" || fail "unread printed a control"

tui_start 100 24
# tmux takes OSC 52 into a paste buffer only when set-clipboard is on.
$T set-option -g set-clipboard on
wait_for "Calm item 2"
title=$($T display-message -p '#{pane_title}')
wait_for "Feed �]0;pwned"
keys j Tab
wait_for "Title �]0;pwned"
keys Enter
wait_for "Author: Author"
wait_for "�]0;pwned��[2J�]52;c;cHduZWQ=��31m�0;c1�reviso�P1|x�\\ end"
# URLs have their controls percent-encoded, as URL parsers do.
wait_for "Link: http://example.org/a?%1B]0;pwned%07"
wait_for "[1] http://x.example/%1B]0;pwned%07"
# What the screen holds, and every byte tmux would send for it (-e adds
# tmux's own SGR sequences for attributes, and nothing else).
tui_screen >"$WORK/screen"
is_clean "$WORK/screen" || fail "a control reached the screen"
$T capture-pane -p -e | LC_ALL=C sed "s/$E\[[0-9;]*m//g" >"$WORK/screen-e"
is_clean "$WORK/screen-e" || fail "an escape sequence reached the screen"
grep -q "^ Feed �]0;pwned" "$WORK/screen" || fail "the screen lost its feeds"
grep -q "Feed: Feed" "$WORK/screen" || fail "the screen lost its header"
expect_eq "pane title" "$($T display-message -p '#{pane_title}')" "$title"
expect_eq "clipboard" "$($T list-buffers 2>/dev/null)" ""
# The layout held: no row is wider than the terminal.
python3 - "$WORK/screen" <<'PY' || fail "a line is wider than the terminal"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(0 if unicodedata.combining(c) else
            2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > 100:
        print("%d columns: %s" % (w, line))
        sys.exit(1)
PY
keys Q
wait_exit 0
