#!/bin/sh
# "tidings extract" prints the article of one page, from a URL, a file or
# standard input, as text set for the terminal, JSON or clean HTML,
# without the page's navigation, share bar, newsletter box and "related"
# teasers; a page that cannot be had exits 1 with one line on stderr.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
: >"$CONF"

# no_clutter FILE: none of the page's clutter is in FILE.
no_clutter() {
	for c in "Share on Facebook" "Related stories" "Most read" \
	    "Subscribe" "JUST WATCHED" "storm warning" "Advertisement" \
	    "Terms of Use" "<script" "dataLayer"; do
		grep -qF -- "$c" "$1" && fail "$1 has \"$c\""
	done
	return 0
}

# From the server, as JSON: metadata, text, and URLs made absolute.
expect_status 0 td extract --format json "$URL/story.html"
no_clutter "$WORK/out"
python3 - "$WORK/out" "$URL" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
url = sys.argv[2]
assert doc["title"] == "Council approves the new river bridge after ten-year fight", doc
assert doc["byline"] == "Priya Raman, Tom Okafor", doc
assert doc["site_name"] == "The Valley Courier", doc
assert doc["published"] == "2021-06-14T12:30:00Z", doc
assert doc["lead_image"] == url + "/media/bridge-lead.jpg", doc
assert "across the Alder River" in doc["text"], doc["text"]
assert doc["text"].rstrip().endswith("before 2023."), doc["text"]
assert all(l["url"].startswith("http") for l in doc["links"]), doc["links"]
PY

# As text at a width: the title first, no line wider than asked.
expect_status 0 td extract --width 50 "$URL/story.html"
no_clutter "$WORK/out"
expect_eq "first line" "$(head -n 1 "$WORK/out")" \
    "Council approves the new river bridge after"
expect_grep "A long road to the vote" "$WORK/out"
long=$(python3 -c 'import sys
print(max(len(l.rstrip("\n")) for l in open(sys.argv[1], encoding="utf-8")))' \
    "$WORK/out")
[ "$long" -le 50 ] || fail "a line is $long columns wide"

# From a file: the same article, and at 80 columns the rendering that
# tests/fixtures/html/news.txt records.
expect_status 0 td extract --width 80 "$WORK/www/story.html"
cmp -s "$WORK/out" "$TOP/tests/fixtures/html/news.txt" ||
    fail "the file's text differs from news.txt"

# As HTML: clean markup only, relative links resolved with --url.
expect_status 0 td extract --format html --url https://example.org/news/x \
    "$WORK/www/story.html"
no_clutter "$WORK/out"
expect_grep "<h2>A long road to the vote</h2>" "$WORK/out"
expect_grep "<p>The city council voted seven to two" "$WORK/out"
grep -qiE '<(div|span|nav|aside|form|style|header|footer)[ >]' "$WORK/out" &&
    fail "the HTML keeps layout markup"

# From standard input.
td extract --format text - <"$WORK/www/story.html" >"$WORK/stdin.txt"
expect_grep "across the Alder River" "$WORK/stdin.txt"

# Failures: one line on stderr, nothing on stdout, exit 1.
expect_status 1 td extract "$URL/_/status/404"
[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "expected one line on stderr"
expect_grep "404" "$WORK/err"
[ ! -s "$WORK/out" ] || fail "printed something for a 404"
expect_status 1 td extract "$WORK/missing.html"
expect_eq "missing file" "$(cat "$WORK/err")" \
    "tidings: $WORK/missing.html: No such file or directory"
expect_status 2 td extract --format yaml "$WORK/www/story.html"
