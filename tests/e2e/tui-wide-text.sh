#!/bin/sh
# Titles in CJK, with emoji and combining marks are measured by the
# columns they take: cut with "…" where the pane ends, never past it.
. ./lib.sh
serve
cat >"$WORK/www/u.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>日本語のフィード</title><link>http://example.org/</link>
<item><title>日本語のタイトルはとても長いのでこの幅では最後まで見えないはずです</title><guid>u1</guid>
<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>
<item><title>🎉 Party 🎉 time with emoji 🎉🎉🎉 and more emoji 🎉🎉🎉🎉🎉🎉🎉</title><guid>u2</guid>
<pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate></item>
<item><title>Cafe&#x301; cre&#x300;me bru&#x302;le&#x301;e, a combining title of some length</title><guid>u3</guid>
<pubDate>Sun, 31 Dec 2023 10:00:00 GMT</pubDate></item>
</channel></rss>
XML
printf 'feed %s/u.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 70 12
wait_for "日本語のフィード"
keys j Tab
wait_for "1/3"
wait_for "日本語のタイトル"
wait_for "🎉 Party 🎉"
wait_for "a combining title of some length"
tui_screen >"$WORK/screen"
# Every line fits in 70 columns, wide characters counting two.
python3 - "$WORK/screen" <<'PY' || fail "a line is wider than the terminal"
import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = 0
    for ch in line:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    if w > 70:
        print("%d columns: %s" % (w, line))
        sys.exit(1)
PY
grep "日本語のタイトル" "$WORK/screen" | grep -q "…" || fail "no ellipsis"
grep -q "$(printf 'Cafe\314\201 cre\314\200me')" "$WORK/screen" ||
    fail "the combining marks are lost"
keys Q
wait_exit 0
