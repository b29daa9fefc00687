#!/bin/sh
# A feed removed from the dotfile keeps its items in the database until
# "tidings gc", but no command shows or counts them any more: unread,
# unread --json and --format, items and items --json agree with the
# reader. items --json and mark serve scripts and status bars.
. ./lib.sh
serve
rss a.xml a 4
rss b.xml b 6
cat >"$WORK/www/pod.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Pod</title><link>http://example.org/</link>
<item><title>Episode "1"</title><guid>ep1</guid><link>http://example.org/ep1</link>
<pubDate>Mon, 08 Jan 2024 10:00:00 GMT</pubDate>
<itunes:duration>1:02:03</itunes:duration>
<enclosure url="http://example.org/ep1.mp3" type="audio/mpeg" length="1234"/></item>
</channel></rss>
XML
printf 'feed %s/a.xml news\nfeed %s/b.xml news\nfeed %s/pod.xml\n' \
    "$URL" "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
expect_eq "unread, all three" "$(td unread)" 11

# b goes from the dotfile; its items stay until gc.
printf 'feed %s/a.xml news\nfeed %s/pod.xml ~Podcast\n' "$URL" "$URL" >"$CONF"
expect_eq "unread without b" "$(td unread)" 5
expect_eq "--format without b" "$(td unread --format '%u/%t %U')" "5/5 2"
td unread --json >"$WORK/u.json"
td items -n 100 >"$WORK/items"
grep -q 'b item' "$WORK/items" && fail "items lists the removed feed"
expect_eq "items" "$(grep -c '^20[0-9][0-9]-' "$WORK/items")" 5
expect_status 0 td items --json -n 100
cp "$WORK/out" "$WORK/items.json"
python3 - "$WORK/u.json" "$WORK/items.json" "$URL" <<'PY'
import json, sys
u = json.load(open(sys.argv[1]))
items = json.load(open(sys.argv[2]))
url = sys.argv[3]
assert u["total"] == 5 and url + "/b.xml" not in u["feeds"], u
assert len(items) == 5, items
ep = items[0]
assert ep["title"] == 'Episode "1"', ep
assert ep["feed"] == "Podcast" and ep["feed_url"] == url + "/pod.xml", ep
assert ep["link"] == "http://example.org/ep1" and ep["author"] is None, ep
assert ep["date"] == "2024-01-08T10:00:00Z", ep
assert ep["unread"] is True and ep["starred"] is False, ep
assert ep["enclosures"] == [{"url": "http://example.org/ep1.mp3",
    "type": "audio/mpeg", "length": 1234, "duration": 3723}], ep
assert all(i["feed"] == "a" and i["enclosures"] == [] for i in items[1:]), items
assert all(isinstance(i["id"], int) for i in items), items
PY
ep=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' \
    "$WORK/items.json")
a1=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[1]["id"])' \
    "$WORK/items.json")

# mark: read, unread, star, unstar, several ids at once.
expect_status 0 td mark read "$ep" "$a1"
expect_eq "after mark read" "$(td unread)" 3
expect_status 0 td mark unread "$a1"
expect_eq "after mark unread" "$(td unread)" 4
expect_status 0 td mark star "$ep"
expect_eq "starred" "$(sql "select starred from items where id = $ep")" 1
expect_status 0 td items --json -n 1
python3 -c 'import json,sys; i = json.load(open(sys.argv[1]))[0]
assert i["starred"] is True and i["unread"] is False, i' "$WORK/out"
expect_status 0 td mark unstar "$ep"
expect_eq "unstarred" "$(sql "select starred from items where id = $ep")" 0
# An id that is not there is said, and the others are still marked.
expect_status 1 td mark read 999999 "$a1"
expect_grep "item 999999 no longer exists" "$WORK/err"
expect_eq "a1 marked anyway" "$(sql "select read from items where id = $a1")" 1
expect_status 2 td mark read
expect_status 2 td mark burn "$a1"
expect_status 2 td mark read 12abc
expect_grep "not an item id: 12abc" "$WORK/err"

# export-opml names a feed without a ~title by the title it gives itself.
expect_status 0 td export-opml
expect_grep "<outline type=\"rss\" text=\"a\" title=\"a\" xmlUrl=\"$URL/a.xml\" htmlUrl=\"http://example.org/\"/>" "$WORK/out"
expect_grep "text=\"Podcast\"" "$WORK/out"
grep -q "b.xml" "$WORK/out" && fail "export-opml lists a removed feed"

# gc still removes what the dotfile dropped.
expect_status 0 td gc
expect_eq "b's items gone" "$(sql "select count(*) from items")" 5
