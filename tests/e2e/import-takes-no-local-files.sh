#!/bin/sh
# An OPML file or newsboat's urls come from elsewhere: "import-opml" and
# "import-newsboat" never write a file:// feed (which the dotfile would
# then read as the user's own: /etc/passwd, /dev/tty) nor a line the
# dotfile's parser refuses; each outline or line skipped is named with
# the reason, the rest comes in, and the dotfile still loads.
. ./lib.sh
serve
rss good.xml good 1
cat >"$WORK/subs.opml" <<EOF
<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="Passwords" xmlUrl="file:///etc/passwd"/>
<outline text="Terminal" xmlUrl="file:///dev/tty"/>
<outline text="Space" xmlUrl="$URL/a b.xml"/>
<outline text="Good" xmlUrl="$URL/good.xml"/>
</body></opml>
EOF
expect_status 0 td import-opml "$WORK/subs.opml"
expect_grep "1 feed added to $CONF" "$WORK/out"
expect_grep "skipped (3):" "$WORK/out"
expect_grep "  file:///etc/passwd: a file: URL is read only when the user writes it into the dotfile" "$WORK/out"
expect_grep "  file:///dev/tty: a file: URL is read only" "$WORK/out"
expect_grep "  $URL/a b.xml: \"$URL/a b.xml\" is not a valid URL" "$WORK/out"
expect_eq "dotfile" "$(cat "$CONF")" "feed $URL/good.xml ~Good"
expect_status 0 td refresh
expect_grep "1 new item from 1 feed" "$WORK/out"

NB="$WORK/newsboat"
mkdir -p "$NB"
cat >"$NB/urls" <<EOF
file:///etc/passwd
$URL/good.xml
$URL/other.xml "~One" "~Two"
EOF
expect_status 0 td import-newsboat "$NB"
expect_grep "0 feeds and 0 other lines added" "$WORK/out"
expect_grep "urls:1: file:///etc/passwd: a file: URL is read only" "$WORK/out"
expect_grep "urls:3: $URL/other.xml \"~One\" \"~Two\": two titles" "$WORK/out"
expect_eq "dotfile" "$(cat "$CONF")" "feed $URL/good.xml ~Good"
expect_status 0 td refresh --all
