#!/bin/sh
# "tidings add" and the reader's ":add" take from a page only feeds that
# can be fetched from the web and whose line loads back: a page naming
# file:///dev/tty or a local file (directly, or through <base href>), or
# a link the dotfile's parser would refuse (a space), adds nothing, says
# why, and leaves the dotfile as it was, so every later command still
# works. The user's own file:// URL, typed, is still taken.
. ./lib.sh
serve
rss good.xml good 2
printf 'secret-%s\n' "$$" >"$WORK/secret.txt"
cat >"$WORK/www/tty.html" <<HTML
<html><head><link rel="alternate" type="application/rss+xml"
 href="file:///dev/tty" title="Terminal"></head><body>x</body></html>
HTML
cat >"$WORK/www/based.html" <<HTML
<html><head><base href="file://$WORK/">
<link rel="alternate" type="application/rss+xml" href="secret.txt">
</head><body>x</body></html>
HTML
cat >"$WORK/www/space.html" <<HTML
<html><head><link rel="alternate" type="application/rss+xml"
 href="http://127.0.0.1:$PORT/a b.xml"></head><body>x</body></html>
HTML
cat >"$WORK/www/mixed.html" <<HTML
<html><head>
<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
<link rel="alternate" type="application/rss+xml" href="good.xml">
</head><body>x</body></html>
HTML
printf '# mine\nfeed %s/good.xml\n' "$URL" >"$CONF"
cp "$CONF" "$WORK/before"

expect_status 1 td add "$URL/tty.html"
expect_grep "names no feed that can be added: a file: URL is read only" "$WORK/err"
expect_status 1 td add "$URL/based.html"
expect_grep "names no feed that can be added" "$WORK/err"
expect_status 1 td add "$URL/space.html"
expect_grep "is not a valid URL" "$WORK/err"
cmp -s "$CONF" "$WORK/before" || { diff -u "$WORK/before" "$CONF" >&2; fail "the dotfile changed"; }
expect_status 0 td refresh
# Among the links of a page, the web ones still count.
expect_status 1 td add "$URL/mixed.html"
expect_grep "is in the dotfile already" "$WORK/err"

# The user's own local feed, typed, is taken; a device is not.
rss local.xml local 1
cp "$WORK/www/local.xml" "$WORK/local.xml"
expect_status 1 td add "file:///dev/tty"
expect_grep "/dev/tty is not a regular file" "$WORK/err"
expect_status 0 td add "file://$WORK/local.xml"
expect_eq "dotfile" "$(tail -n 1 "$CONF")" "feed file://$WORK/local.xml"
expect_status 0 td refresh
expect_grep "1 new item from 1 feed" "$WORK/out"
sql 'select content from items' | grep -q "secret-$$" && fail "a local file was stored"

# The reader's :add is the same function.
cp "$WORK/before" "$CONF"
tui_start 100 20
wait_for "good item 2"
# :add waits for no refresh: let the start-up one end first.
wait_gone "refreshing"
keys : "add $URL/tty.html" Enter
wait_for "tty.html names no feed that can be added"
keys : "add $URL/space.html" Enter
wait_for "space.html names no feed that can be added"
keys q
wait_exit 0
cmp -s "$CONF" "$WORK/before" || { diff -u "$WORK/before" "$CONF" >&2; fail "the dotfile changed"; }
expect_status 0 td refresh
