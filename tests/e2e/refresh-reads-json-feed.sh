#!/bin/sh
# A site that publishes a JSON Feed: "tidings add" finds it on the site's
# page, one served as application/feed+json is added as it is, refresh
# stores their items and "tidings items" lists them.
. ./lib.sh
serve
mkdir -p "$WORK/www/blog"
cat >"$WORK/www/blog/feed.json" <<'JSON'
{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Json Blog",
  "home_page_url": "http://example.org/blog/",
  "authors": [{ "name": "Jo" }],
  "items": [
    { "id": "j1", "url": "/blog/first", "title": "First JSON post",
      "content_html": "<p>Hello</p>", "date_published": "2024-01-02T10:00:00Z" },
    { "id": "j2", "url": "/blog/second", "title": "Second JSON post",
      "content_text": "Plain", "date_published": "2024-01-03T10:00:00Z",
      "attachments": [{ "url": "/blog/ep.mp3", "mime_type": "audio/mpeg",
        "size_in_bytes": 5 }] }
  ]
}
JSON
cat >"$WORK/www/blog/index.html" <<'HTML'
<!doctype html>
<html><head><title>A blog</title>
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/1">
<link rel="alternate" type="application/feed+json" title="Posts" href="feed.json">
</head><body><p>Hello</p></body></html>
HTML
# Served as a JSON Feed, a document without a version is one too.
printf '{"title":"Bare","items":[{"id":"b1","title":"Bare JSON item"}]}\n' \
    >"$WORK/www/bare.json"

expect_status 0 td add "$URL/blog/"
expect_grep "added $URL/blog/feed.json (Posts)" "$WORK/out"
expect_status 0 td add "$URL/bare.json?type=application/feed%2Bjson"
expect_grep "added $URL/bare.json?type=application/feed%2Bjson (Bare)" \
    "$WORK/out"
# As plain JSON it is no feed.
expect_status 1 td add "$URL/bare.json"
expect_grep "not a feed" "$WORK/err"

expect_status 0 td refresh
expect_grep "3 new items from 2 feeds" "$WORK/out"
expect_status 0 td items
expect_grep "First JSON post" "$WORK/out"
expect_grep "Second JSON post" "$WORK/out"
expect_grep "Bare JSON item" "$WORK/out"
expect_grep "$URL/blog/second" "$WORK/out"
expect_eq "author" "$(sql "select author from items where guid = 'j1'")" Jo
case $(sql "select enclosures from items where guid = 'j2'") in
*"$URL/blog/ep.mp3"*) ;;
*) fail "the attachment is no enclosure" ;;
esac
