#!/bin/sh
# o opens the item's link and "open N" the article's link N in the
# browser, run with an argv of its own: a link full of shell syntax
# reaches it as one word and nothing of it runs. A browser in the
# terminal that C-c ends leaves the reader alive, and it is said.
. ./lib.sh
serve
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
# A browser that records its arguments, one a line.
printf '%s\n' "$#" >"$WORK_DIR/argc"
for a in "$@"; do printf '%s\n' "$a"; done >"$WORK_DIR/argv"
STUB
chmod +x "$WORK/stub"
cat >"$WORK/www/evil.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Links</title><link>http://example.org/</link>
<item><title>Dangerous link</title>
<link>-x$(touch pwned)`touch pwned2`'"q;ls</link><guid>e1</guid>
<description>&lt;p&gt;See &lt;a href="http://b.example/p?a=$(touch pwned3)&amp;b=`touch pwned4`"&gt;this&lt;/a&gt;
and &lt;a href="--help"&gt;that&lt;/a&gt;.&lt;/p&gt;</description></item>
</channel></rss>
XML
printf 'feed %s/evil.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
want="$URL/-x\$(touch pwned)\`touch pwned2\`'\"q;ls"
expect_eq link "$(sql 'select link from items')" "$want"
tui_start 100 20 "BROWSER=$WORK/stub" "WORK_DIR=$WORK"
wait_for "Dangerous link"
keys j Tab o
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" "$want"
wait_for "Opened $URL/-x"
rm -f "$WORK/argv"

keys Enter
wait_for "[2] $URL/--help"
keys : 'open 1' Enter
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" 'http://b.example/p?a=$(touch pwned3)&b=`touch pwned4`'
rm -f "$WORK/argv"
keys : 'open 3' Enter
wait_for "No link 3: the article has 2"
keys : 'open -1' Enter
wait_for '"-1" is not a link number'
keys : 'open +2' Enter
wait_for '"+2" is not a link number'

# The setting, with %s where the link goes.
keys : "set browser '$WORK/stub --new-tab=%s'" Enter
wait_for "browser is"
keys : 'open 2' Enter
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" "--new-tab=$URL/--help"
wait_for "Dangerous link"

# A browser that runs in the terminal until C-c.
cat >"$WORK/tbrowser" <<'STUB'
#!/bin/sh
echo "BROWSING $1"
echo $$ >"$WORK_DIR/pid"
while :; do sleep 1; done
STUB
chmod +x "$WORK/tbrowser"
keys : "set browser $WORK/tbrowser" Enter
wait_for "browser is"
keys : 'open 2' Enter
wait_file "$WORK/pid"
wait_for "BROWSING $URL/--help"
keys C-c
wait_for "tbrowser was killed by signal 2"
wait_for "Dangerous link"
keys Q
wait_exit 0
for f in "$WORK"/pwned* ./pwned* "$HOME"/pwned*; do
	[ -e "$f" ] && fail "$f was created"
done
exit 0
