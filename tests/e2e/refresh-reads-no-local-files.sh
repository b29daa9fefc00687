#!/bin/sh
# A feed from anywhere cannot make tidings read a local file: an item
# whose link is file:///... (directly, or relative to an xml:base of
# file:///...) gets no full article from it, and nothing of the file
# reaches the database. A redirect to file: is refused. The user's own
# file:// feed in the dotfile is still read, but only a regular file: a
# device or a FIFO there fails at once instead of hanging the refresh.
. ./lib.sh
serve
printf '<html><body><article><p>secret-%s lives here, far from the web.</p></article></body></html>\n' "$$" \
    >"$WORK/secret.html"
cat >"$WORK/www/evil.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Evil</title><link>$URL/</link>
<item><title>Direct</title><link>file://$WORK/secret.html</link>
<guid>direct</guid><description>Teaser one.</description></item>
<item xml:base="file://$WORK/"><title>Based</title><link>secret.html</link>
<guid>based</guid><description>Teaser two.</description></item>
<item><title>Terminal</title><link>file:///dev/tty</link>
<guid>tty</guid><description>Teaser three.</description></item>
<item><title>Redirected</title><link>$URL/_/redirect/302?to=file://$WORK/secret.html</link>
<guid>redirect</guid><description>Teaser four.</description></item>
</channel></rss>
EOF
mkfifo "$WORK/fifo.xml"
rss own.xml own 1
cp "$WORK/www/own.xml" "$WORK/own.xml"
cat >"$CONF" <<EOF
feed $URL/evil.xml < full-article yes
feed file://$WORK/own.xml
feed file:///dev/tty
feed file://$WORK/fifo.xml
feed file://$WORK/
EOF
# A hang (a read of the terminal or the FIFO) fails the test, not CI.
expect_status 3 timeout 60 "$TIDINGS" -c "$CONF" -d "$DB" refresh </dev/null
expect_grep "5 new items from 5 feeds: 2 updated, 0 unchanged, 3 failed; 0 full articles kept, 4 failed" "$WORK/out"
expect_grep "  file:///dev/tty: /dev/tty is not a regular file" "$WORK/out"
expect_grep "  file://$WORK/fifo.xml: $WORK/fifo.xml is not a regular file" "$WORK/out"
expect_grep "  file://$WORK/: $WORK/ is not a regular file" "$WORK/out"
expect_eq "own feed" "$(sql "select count(*) from items where title = 'own item 1'")" 1
expect_eq "articles kept" "$(sql 'select count(*) from articles where body is not null')" 0
for guid in direct based tty; do
	expect_eq "$guid refused" "$(sql "select count(*) from articles a join items i on i.id = a.item_id where i.guid = '$guid' and a.error = 'file: URLs are read only for feeds of the dotfile'")" 1
done
expect_eq "redirect refused" "$(sql "select a.error from articles a join items i on i.id = a.item_id where i.guid = 'redirect'")" "refused redirect to a file: URL"
sqlite3 "$DB" .dump | grep -q "secret-$$" && fail "the local file reached the database"

# "tidings extract" of a URL, a typed one, is the web only.
expect_status 1 td extract "$URL/_/redirect/302?to=file://$WORK/secret.html"
expect_grep "refused redirect to a file: URL" "$WORK/err"
