#!/bin/sh
# An item whose link is file:///dev/tty: toggle-full-article (v) must not
# make the fetch thread read the terminal, where it would steal the
# user's keys and keep q, C-c and SIGTERM from ending the reader. The
# fetch is refused at once and says why; the keys go on working; Q
# quits. A local file named by a link is refused the same way, and the
# browser is not handed it either.
. ./lib.sh
serve
printf '<html><body><article><p>secret-%s lives here.</p></article></body></html>\n' "$$" \
    >"$WORK/secret.html"
cat >"$WORK/www/a.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>$URL/</link>
<item><title>Terminal thief</title><link>file:///dev/tty</link>
<guid>tty</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser of the thief.</description></item>
<item><title>Local reader</title><link>file://$WORK/secret.html</link>
<guid>local</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser of the reader.</description></item>
</channel></rss>
EOF
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
printf '%s\n' "$@" >"$WORK_DIR/argv"
STUB
chmod +x "$WORK/stub"
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 30 "BROWSER=$WORK/stub" "WORK_DIR=$WORK"
wait_for "Terminal thief"
keys j Enter
wait_for "Local reader"
keys Enter
wait_for "Teaser of the thief"
keys v
wait_for "file: URLs are read only for feeds of the dotfile"
# The keys still reach the reader: the next item opens.
keys J
wait_for "Teaser of the reader"
keys v
wait_for "file: URLs are read only for feeds of the dotfile"
tui_screen | grep -qF "secret-$$" && fail "the local file was shown"
keys o
wait_for "Not opening \"file://"
[ ! -e "$WORK/argv" ] || fail "the browser was handed a local file"
keys Q
wait_exit 0
sqlite3 "$DB" .dump | grep -q "secret-$$" && fail "the local file reached the database"
exit 0
