#!/bin/sh
# "tidings add URL [TAG...]" appends a feed line: for a feed as it is, for
# a web page the first feed its <link rel="alternate"> elements name, with
# relative links resolved, and nothing when the dotfile has that one
# already (another is named with -n); the listing of a page's feeds
# explains its markers; the rest of the dotfile
# stays byte for byte.
. ./lib.sh
serve
rss a.xml a 2
rss b.xml b 2
mkdir -p "$WORK/www/blog"
cat >"$WORK/www/blog/index.html" <<'HTML'
<!doctype html>
<html><head><title>A blog</title>
<base href="/">
<link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/rss+xml" title="Posts" href="a.xml">
<link rel="Alternate home" type="application/atom+xml; charset=utf-8" href="b.xml" title="Comments">
<link rel="alternate" type="application/feed+json" href="feed.json">
<link rel="alternate" type="application/rss+xml" href="a.xml">
</head><body><p>Hello</p></body></html>
HTML
printf '<html><head><title>None</title></head><body>no feeds</body></html>\n' \
    >"$WORK/www/plain.html"
printf '# mine\nset max-items 50' >"$CONF"	# no newline at the end
cp "$CONF" "$WORK/before"

expect_status 0 td add "$URL/blog/" news "two words"
expect_grep "added $URL/a.xml (Posts) to $CONF" "$WORK/out"
expect_grep "the page names 3 feeds; add another with tidings add -n N:" "$WORK/out"
expect_grep "  1 * $URL/a.xml (Posts)" "$WORK/out"
expect_grep "  2   $URL/b.xml (Comments)" "$WORK/out"
expect_grep "  3   $URL/feed.json" "$WORK/out"
expect_grep "  (* added now, = in the dotfile already)" "$WORK/out"
# The same page again adds nothing: not quietly its comments feed.
cp "$CONF" "$WORK/once"
expect_status 1 td add "$URL/blog/"
expect_grep "$URL/a.xml is in the dotfile already" "$WORK/err"
expect_grep "  1 = $URL/a.xml (Posts)" "$WORK/err"
expect_grep "  2   $URL/b.xml (Comments)" "$WORK/err"
expect_grep "  (* added now, = in the dotfile already)" "$WORK/err"
cmp -s "$CONF" "$WORK/once" || fail "a second add changed the dotfile"
# Named, the other feed is added.
expect_status 0 td add -n 2 "$URL/blog/"
expect_grep "added $URL/b.xml (Comments)" "$WORK/out"
expect_grep "  1 = $URL/a.xml (Posts)" "$WORK/out"
expect_grep "  2 * $URL/b.xml (Comments)" "$WORK/out"
expect_status 1 td add -n 2 "$URL/blog/"
expect_grep "is in the dotfile already" "$WORK/err"
expect_status 1 td add -n 4 "$URL/blog/"
expect_grep "the page names 3 feeds, not 4" "$WORK/err"
expect_status 1 td add "$URL/plain.html"
expect_grep "is not a feed, and names none" "$WORK/err"
expect_status 1 td add "$URL/_/status/404"
expect_grep "404" "$WORK/err"
expect_status 2 td add

# A feed's own URL is added as it is.
rss c.xml c 1
expect_status 0 td add "$URL/c.xml" comics
expect_grep "added $URL/c.xml (c)" "$WORK/out"

cat >"$WORK/want" <<EOF
# mine
set max-items 50
feed $URL/a.xml news "two words"
feed $URL/b.xml
feed $URL/c.xml comics
EOF
diff -u "$WORK/want" "$CONF" || fail "the dotfile is not as expected"
expect_status 0 td refresh
expect_grep "5 new items from 3 feeds" "$WORK/out"
