#!/bin/sh
# "tidings import-newsboat DIR" appends newsboat's feeds and the settings
# that map to the dotfile, brings in the items, read marks, flags (as
# stars) and ETags of its cache.db without writing to it, and names every
# line that did not map. The first refresh is then a conditional one.
. ./lib.sh
serve
rss a.xml a 3
rss b.xml b 2
NB="$WORK/newsboat"
mkdir -p "$NB"
# The server's ETag for a.xml, as newsboat would have stored it.
ETAG=$(python3 -c 'import hashlib, sys
print("\"%s\"" % hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:16])' \
    "$WORK/www/a.xml")

cat >"$NB/urls" <<EOF
$URL/a.xml?gzip=0 news "~Feed A"
# a comment
$URL/b.xml news "tech talk" !
"query:Unread Articles:unread = \"yes\""
exec:~/bin/feed.sh
EOF
# A command feed, which newsboat ran and tidings runs too.
mkdir -p "$HOME/bin"
cat >"$HOME/bin/feed.sh" <<'EOF'
#!/bin/sh
echo '<rss version="2.0"><channel><title>Made</title><item><title>made 1</title><guid>m1</guid></item></channel></rss>'
EOF
chmod +x "$HOME/bin/feed.sh"
cat >"$NB/config" <<'EOF'
reload-time 30
browser "w3m %u"
bind-key ^R reload-all
bind-key x toggle-article-read articlelist
bind-key z edit-flags
color listfocus black yellow bold
color info red default protect
auto-reload yes
text-width 72
show-read-feeds no
show-read-articles no
ignore-article "*" "title =~ \"a item 3\""
macro v set browser "mpv %u" ; open-in-browser ; set browser "w3m %u" -- "Play"
EOF
# newsboat 2.x's schema, as "sqlite3 cache.db .schema" shows it.
sqlite3 "$NB/cache.db" <<EOF
CREATE TABLE rss_feed (  rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,  url VARCHAR(1024) NOT NULL,  title VARCHAR(1024) NOT NULL , lastmodified INTEGER(11) NOT NULL DEFAULT 0, is_rtl INTEGER(1) NOT NULL DEFAULT 0, etag VARCHAR(128) NOT NULL DEFAULT "");
CREATE TABLE rss_item (  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,  guid VARCHAR(64) NOT NULL,  title VARCHAR(1024) NOT NULL,  author VARCHAR(1024) NOT NULL,  url VARCHAR(1024) NOT NULL,  feedurl VARCHAR(1024) NOT NULL,  pubDate INTEGER NOT NULL,  content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL , enclosure_url VARCHAR(1024), enclosure_type VARCHAR(1024), enqueued INTEGER(1) NOT NULL DEFAULT 0, flags VARCHAR(52), deleted INTEGER(1) NOT NULL DEFAULT 0, base VARCHAR(128) NOT NULL DEFAULT "");
CREATE TABLE metadata (  db_schema_version_major INTEGER NOT NULL,  db_schema_version_minor INTEGER NOT NULL );
INSERT INTO metadata VALUES (2, 11);
INSERT INTO rss_feed (rssurl, url, title, etag) VALUES
  ('$URL/a.xml?gzip=0', 'http://example.org/', 'a', '$ETAG');
INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content,
  unread, flags, deleted) VALUES
  ('item-1', 'a item 1', '', 'http://example.org/a/1', '$URL/a.xml?gzip=0', 1704189600, '<p>Body 1</p>', 0, '', 0),
  ('item-2', 'a item 2', '', 'http://example.org/a/2', '$URL/a.xml?gzip=0', 1704276000, '<p>Body 2</p>', 1, 's', 0),
  ('item-3', 'a item 3', '', 'http://example.org/a/3', '$URL/a.xml?gzip=0', 1704362400, '<p>Body 3</p>', 1, NULL, 0),
  ('gone', 'deleted', '', 'http://example.org/a/x', '$URL/a.xml?gzip=0', 1704362400, '', 1, NULL, 1);
EOF
sum=$(cksum <"$NB/cache.db")
printf 'feed %s/b.xml old\n' "$URL" >"$CONF"
printf 'feed %s/b.xml old\n' "$URL" >"$WORK/before"

# A newsboat that is running holds the cache: nothing happens.
echo $$ >"$NB/cache.db.lock"
expect_status 1 td import-newsboat "$NB"
expect_grep "newsboat is running" "$WORK/err"
cmp "$CONF" "$WORK/before" || fail "the dotfile changed"
rm "$NB/cache.db.lock"

expect_status 0 td import-newsboat "$NB"
expect_grep "2 feeds and 10 other lines added" "$WORK/out"
expect_grep "(1 feed was listed already)" "$WORK/out"
expect_grep "3 items of 1 feed from cache.db: 1 read, 1 starred" "$WORK/out"
expect_grep "not mapped (2):" "$WORK/out"
grep -q 'urls:4:' "$WORK/out" && fail "the query feed was not mapped"
grep -q 'urls:5:' "$WORK/out" && fail "the exec: feed was not mapped"
expect_grep "config:5: bind-key z edit-flags: no such action" "$WORK/out"
expect_grep "config:7: color info red default protect: \"protect\" is not an attribute" "$WORK/out"
grep -q "auto-reload\|text-width\|show-read\|download-full-page" "$WORK/out" &&
    fail "an option with an equivalent was not mapped"
expect_eq "cache.db untouched" "$(cksum <"$NB/cache.db")" "$sum"
[ ! -e "$NB/cache.db-journal" ] && [ ! -e "$NB/cache.db-wal" ] ||
    fail "a journal was left next to cache.db"

# The dotfile: the old text byte for byte, then the new lines.
head -n 1 "$CONF" | cmp - "$WORK/before" || fail "the old text changed"
cat >"$WORK/want" <<EOF

# Moved in from newsboat ($NB/urls).
query "Unread Articles" unread = "yes"
set browser "w3m %s"
bind global C-r refresh-all
bind items x toggle-read
color selected black yellow bold
set text-width 72
set unread-only yes
ignore title =~ "a item 3"
bind macro v macro "set browser \\"mpv %s\\"" open-browser "set browser \\"w3m %s\\""
set refresh-interval 30m
feed $URL/a.xml?gzip=0 news "~Feed A"
feed exec:~/bin/feed.sh
EOF
tail -n +2 "$CONF" | diff -u "$WORK/want" - || fail "appended lines differ"

expect_eq "read, starred" "$(sql "select group_concat(guid || ':' || read || starred, ' ') from (select guid, read, starred from items order by guid)")" \
    "item-1:10 item-2:01 item-3:00"
# The killfile came along: its item is kept and not listed.
expect_status 0 td items
grep -q "a item 3" "$WORK/out" && fail "the ignored item is listed"
expect_grep "a item 2" "$WORK/out"
expect_eq "etag" "$(sql "select etag from feeds where url like '%a.xml%'")" "$ETAG"

# The dotfile loads. a.xml counts as fetched when cache.db was last
# written, so it is not due yet; fetched anyway, it answers 304 to
# newsboat's ETag and keeps the items and their marks.
expect_status 0 td refresh
expect_grep "3 new items from 2 feeds: 2 updated, 0 unchanged, 0 failed, 1 not due" "$WORK/out"
expect_status 0 td refresh --all
expect_grep "0 new items from 3 feeds: 1 updated, 2 unchanged, 0 failed" "$WORK/out"
# a item 3, unread, is in the killfile: not counted.
expect_eq "unread" "$(td unread)" 4

cp "$CONF" "$WORK/conf1"

# Twice is harmless: no line is added again and no state is reset.
expect_status 0 td import-newsboat "$NB"
expect_grep "0 feeds and 0 other lines added" "$WORK/out"
cmp "$CONF" "$WORK/conf1" || fail "the second import changed the dotfile"
expect_grep "3 feeds fetched by tidings already left alone" "$WORK/out"
