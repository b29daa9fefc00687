#!/bin/sh
# libcurl is loaded only by a command that fetches, so the ones that do
# not (extract of a file, parse-feed, unread, items, export-opml, gc, a
# refresh with no feed due) start without loading its chain of libraries,
# and still work when libcurl cannot be loaded at all; a fetch then fails
# with one line that names the library and why.
. ./lib.sh
serve
rss f.xml sample 3
printf 'feed %s/f.xml\n' "$URL" >"$CONF"
cp "$TOP/tests/fixtures/html/news.html" "$WORK/page.html"
expect_status 0 td refresh -q
expect_eq "stored" "$(td unread)" 3

# glibc's loader names each library it opens under LD_DEBUG=files; where
# it does not (another libc), the first half cannot be checked.
LD_DEBUG=files td refresh -q -a 2>"$WORK/loaded" || true
grep -q 'libcurl\.so' "$WORK/loaded" ||
    skip "the dynamic loader does not report what it loads (LD_DEBUG)"
for cmd in "extract $WORK/page.html" "parse-feed $WORK/www/f.xml" \
    unread items export-opml gc "refresh -q"; do
	# shellcheck disable=SC2086
	LD_DEBUG=files td $cmd 2>"$WORK/loaded" >/dev/null ||
	    fail "$cmd failed"
	if grep 'libcurl\.so' "$WORK/loaded" >&2; then
		fail "$cmd loaded libcurl"
	fi
done

# A broken libcurl.so.4 first on the loader's path: only fetching fails.
mkdir "$WORK/lib"
printf 'not a library\n' >"$WORK/lib/libcurl.so.4"
nocurl() {
	LD_LIBRARY_PATH="$WORK/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
	    "$TIDINGS" -c "$CONF" -d "$DB" "$@"
}
expect_status 0 nocurl extract --format json "$WORK/page.html"
expect_grep "Council approves the new river bridge" "$WORK/out"
expect_status 0 nocurl parse-feed "$WORK/www/f.xml"
expect_grep "sample item 1" "$WORK/out"
expect_status 0 nocurl unread
expect_eq "unread without libcurl" "$(cat "$WORK/out")" 3
expect_status 0 nocurl items
expect_grep "sample item 3" "$WORK/out"
expect_status 0 nocurl export-opml
expect_grep "$URL/f.xml" "$WORK/out"
expect_status 0 nocurl refresh
expect_grep "1 not due" "$WORK/out"

expect_status 3 nocurl refresh -a
expect_grep "$URL/f.xml: libcurl.so.4 could not be loaded: $WORK/lib/libcurl.so.4: " \
    "$WORK/out"
expect_status 1 nocurl extract "$URL/f.xml"
expect_grep "libcurl.so.4 could not be loaded: " "$WORK/err"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "expected one line on stderr"
expect_eq "kept" "$(td unread)" 3
