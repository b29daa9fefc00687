/* store.c: feeds, items and their read/starred state in one SQLite file.
 *
 * Schema. Two tables. "feeds" has one row per subscribed URL (UNIQUE) with
 * what the feed says about itself (title, site link, description, its own
 * updated date, its image since version 9) and what its last fetch said:
 * time, HTTP status, error, validators (ETag, Last-Modified), a permanent
 * redirect and the earliest next fetch. "items" belongs to a feed (ON
 * DELETE CASCADE) and keeps the entry as the feed gave it (guid, link,
 * title, author, dates, summary, content, enclosures and categories as
 * JSON arrays, its language since version 9) plus our own state:
 * first_seen, last_seen, read, starred. Its "date" column is generated as
 * COALESCE(published, updated, first_seen), so every list sorts on one
 * indexed column: (feed_id, date DESC, id DESC, ...) serves a feed's
 * items, (date DESC, id DESC) all items, and a partial index on feed_id
 * WHERE read = 0 answers unread counts without touching read rows. The few
 * starred items have a partial (date DESC, id DESC) index of their own
 * (schema version 3), so their list is read as fast as a feed's instead
 * of by walking every item for the starred ones.
 *
 * Counts. Each feed row keeps how many items it has and how many are
 * unread (nitems, nunread, schema version 4), kept by triggers on every
 * insert, delete and change of read into items, whoever writes (a merge,
 * a trim, gc's cascade, a mark, the sqlite3 shell). Counting them instead
 * walked 200k index entries for a 100k-item store, 15 to 30 ms of every
 * start of the reader and of every reload of its feeds; a trigger costs
 * a write a few microseconds. Times are
 * UTC seconds; NULL is "none". Ids are AUTOINCREMENT so that an id the UI
 * still holds can never come back as another item after a deletion.
 *
 * Pages. A new file gets 16 KiB pages (set before WAL mode fixes the
 * size). Item rows average 3 to 4 KB: with 4 KiB pages a third of them
 * spilled into overflow pages, with 8 KiB every page wasted a third; 16
 * KiB made a first refresh's storing a quarter cheaper and the file
 * smaller. Every index is read by some query, and only items_date costs
 * much: a first refresh inserts dates from all over, so each feed's
 * transaction rewrites many of its pages (a third of the storing time),
 * but later refreshes append at its head, and it spares the all-items
 * list a sort of every item. wal_autocheckpoint counts pages, so it is
 * cut to 256 to keep the WAL at SQLite's default 4 MiB: the default 1000
 * pages (16 MiB) saved a first refresh a few percent, but the last
 * connection to close checkpoints the WAL under an exclusive lock, and
 * four times the WAL kept other programs' readers out four times longer.
 * A larger cache_size or a journal_size_limit made no difference.
 *
 * Search. items_fts is a contentless FTS5 table over the title and the
 * text, where the text is summary and content with HTML tags and
 * entities stripped by strip_tags(), an SQL function registered on every
 * connection. fts_state holds a watermark, upto: the items with id <= upto
 * are in items_fts, the others are not. Every new item gets an id above
 * it (AUTOINCREMENT). store_update() indexes a fetch's new items in the
 * fetch's own transaction, with one INSERT ... SELECT (one FTS5 segment
 * per feed; a trigger per insert cost a first refresh four times what
 * storing did), and moves the watermark past them, but only while the
 * index has every older item: a database from before (schema version 5),
 * one whose index a change of strip_tags() emptied (version 6) or one
 * filled by an import has a backlog, which store_index() indexes, the
 * lowest waiting ids first, in batches the idle reader asks for. A search
 * indexes what it can of a backlog in STORE_SEARCH_INDEX_MS and searches
 * what is indexed: the first search on a 45k-item backlog used to freeze
 * the reader for seconds while the whole index caught up. A contentless
 * table deletes a row by being told its
 * old values again, and one told to delete a row it never held is
 * damaged in ways its integrity-check cannot see (it has no content to
 * compare with), so the delete and update triggers touch the index only
 * for rows at or below the watermark. An edit of a waiting row needs
 * nothing: the row is indexed later with the text it has then. The
 * update trigger fires only when the title or text changes, so flipping
 * read or starred (even from the sqlite3 shell, which lacks strip_tags)
 * never touches the index; deleting indexed items needs strip_tags, so
 * only tidings can. strip_tags() must stay deterministic: a change to it
 * needs a migration that rebuilds the index. The index has detail=column
 * (which columns hold a term, not where): that made it less than half as
 * big and indexing a quarter cheaper, and costs only phrase queries, which
 * store_search() never makes: it splits the user's text with the index's
 * own tokenizer and asks for every word.
 *
 * Full articles have an index of their own, articles_fts (schema version
 * 5), kept by triggers on articles with the article's own old values, so
 * it never depends on the order in which a cascade deletes an item and
 * its article; articles are written one at a time, after the refresh, so
 * indexing them as they come costs nothing anyone waits for. A search
 * asks for each word in either index, so that one word may be in the
 * title and another in the article.
 *
 * Downloads. Enclosures fetched into files (download.c) have a row each
 * in downloads (schema version 10): the URL and the file, both UNIQUE, so
 * that one enclosure is never downloaded twice nor two into one file;
 * what it is for the list (title, item_id, which its item's deletion
 * sets to NULL: the file stays); its state (queued, done or failed) and
 * progress (got of size bytes, written now and then while it comes).
 * Which process is downloading a file is not stored, as a kill -9 would
 * leave it claimed: download.c locks the file instead.
 *
 * Migrations. PRAGMA user_version is the schema version; store_migrations
 * holds one SQL step per version, applied in order, each in its own
 * transaction together with the user_version bump, so an interrupted
 * upgrade resumes at the step it lost. A database with a newer version
 * than we know is refused rather than written by code that does not
 * understand it.
 *
 * Filters (store-filter.c) and the list index. A filter's condition on
 * title, author or link is answered by one scan, of items_feed_list
 * (schema version 8), which holds (feed_id, date DESC, id DESC) and then
 * every column a list row and those filters read: a query feed's count
 * over 100,000 items scans some 20 MB of index instead of the 400 MB
 * table, and its page sorts what the scan found. Version 7 put those
 * columns behind (date DESC, id DESC), as items_list, so that a page
 * walked date order and stopped when full; but a refresh brings dates
 * from all over, and each feed's transaction rewrote a page of that
 * wide index for nearly every item: the WAL's writes made a first
 * refresh of 25,000 items a quarter more expensive. Keyed by feed, a
 * feed's new entries go to one place, and the date order is the narrow
 * items_date again, for lists without such a filter.
 *
 * The killfile. An item the dotfile's ignore rules select carries a
 * mark, ignored = 1 (version 7), and lists and counts leave marked items
 * out: the feeds' counts less the marked ones of each (through the
 * partial index items_ignored, as few as the rules take), lists with
 * ignored = 0 (nothing at all while no item is marked). Running 20 rules
 * in every count instead cost the feeds pane 700 ms on 100k items. The
 * marks are made where the items change: store_update() marks what each
 * document brings, with the rules of its connection, and
 * store_set_ignore() marks every item again when the rules (or the
 * dotfile's titles and tags they read) are not those recorded in
 * killfile with the marks. So rules may judge only what an item is, not
 * its state (age, read, starred), which changes without a write to mark
 * it. A connection that cannot write its marks runs the rules in every
 * query instead.
 *
 * Identity. An entry is known by "id:" + its guid/atom:id, else "link:" +
 * its link, else "hash:" + the FNV-1a 64-bit hash of its title, "\n" and
 * its text (content, else summary). The kind prefix keeps a guid that
 * happens to equal another entry's link from colliding with it. UNIQUE
 * (feed_id, key) makes a refetch update the row in place: the feed's
 * fields are replaced, ours (first_seen, read, starred) are kept, so an
 * edited item is not new again and a read one is not resurrected. Of an
 * entry listed twice in one document, the first is kept.
 *
 * Merging. A document's entries are first staged, one cheap insert each,
 * in temp.incoming (per connection, in memory), then merged by three
 * set-wide statements: mark the known items seen, rewrite the changed
 * ones, insert the new ones. Item by item would be simpler but slow:
 * FTS5 (as of SQLite 3.40) writes its pending terms out as a new segment
 * at every statement savepoint, and any statement whose trigger writes
 * to a virtual table opens one, so per-item statements that rewrite
 * indexed items would make one index segment per item, and merging those
 * costs more than the writes.
 *
 * One transaction per feed. A fetch's outcome, validators and items are
 * written together (BEGIN IMMEDIATE, so two writers queue on the busy
 * timeout instead of failing half-way), which makes each feed all in or
 * all out after a crash, keeps a failed merge from storing validators
 * that would make the next fetch a 304 for items we never stored, and
 * lets the TUI and a cron refresh interleave feed by feed. WAL lets
 * readers go on while a writer works; synchronous=NORMAL may lose the
 * last transactions on power loss but never consistency.
 *
 * Articles. "articles" keeps, for an item, the full article reader mode
 * fetched from its link: the body as the clean HTML extract_html() writes
 * (so it is rendered again at any width, and links and images keep their
 * URLs), the page's metadata (final URL, title, byline, site, lead image,
 * published) and when it was fetched. Its key is the item's id, so the
 * foreign key needs no index of its own, and ON DELETE CASCADE takes an
 * article along when trimming or gc deletes its item (and a feed's items
 * take theirs). tried and error record the last attempt: a failed fetch
 * keeps the body of an earlier success, and a row with an error and no
 * body tells the prefetch not to try the same page after every refresh.
 * An article is written only while its item exists (INSERT ... SELECT
 * ... WHERE EXISTS), so a fetch that finishes after a refresh deleted
 * the item stores nothing instead of failing on the foreign key.
 *
 * Trimming. Items the latest document carried are never deleted, or the
 * next fetch would bring them back as new; starred items are never
 * deleted. Right after a merge the stage holds exactly the document's
 * keys, and those are the ones spared. A 304 or a failure brings no
 * document, so the last one still protects its items, known then by
 * last_seen not before the feed's items_seen (the time of the last fetch
 * that brought a document). Times are whole seconds, so that rule alone
 * would spare every document fetched within one second: a feed that
 * changes every id, fetched again and again, grew by a document each
 * time whatever max-items said.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "filter.h"
#include "html.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

#define STORE_BUSY_MS	10000		/* wait this long for another writer */

/* How long a search may spend catching the index up before it searches
 * what is indexed (see the essay), in batches of STORE_INDEX_BATCH. */
#define STORE_SEARCH_INDEX_MS	25
#define STORE_INDEX_BATCH	200

/* The tokenizer of the search index, as the latest schema step names it:
 * store_search() splits queries with the same one. */
#define STORE_TOKENIZER	"unicode61"
#define STORE_TOKENIZER_ARGS "remove_diacritics", "2"

/* Schema steps: store_migrations[i] takes user_version i to i + 1. */
static const char *const store_migrations[] = {
	/* 1: the first schema. */
	"CREATE TABLE feeds ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  url TEXT NOT NULL UNIQUE,"
	"  title TEXT,"
	"  link TEXT,"
	"  description TEXT,"
	"  updated INTEGER,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  last_fetch INTEGER,"
	"  next_fetch INTEGER,"
	"  status INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT,"
	"  redirect TEXT,"
	"  items_seen INTEGER"
	");"
	"CREATE TABLE items ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0,"
	"  first_seen INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  published INTEGER,"
	"  updated INTEGER,"
	"  date INTEGER NOT NULL"
	"    GENERATED ALWAYS AS (coalesce(published, updated, first_seen))"
	"    STORED,"
	"  guid TEXT,"
	"  link TEXT,"
	"  title TEXT NOT NULL DEFAULT '',"
	"  author TEXT,"
	"  summary TEXT,"
	"  content TEXT,"
	"  enclosures TEXT,"
	"  categories TEXT,"
	"  UNIQUE (feed_id, key)"
	");"
	"CREATE INDEX items_feed_date ON items (feed_id, date DESC, id DESC);"
	"CREATE INDEX items_date ON items (date DESC, id DESC);"
	"CREATE INDEX items_unread ON items (feed_id) WHERE read = 0;"
	"CREATE VIRTUAL TABLE items_fts USING fts5 (title, body,"
	"  content = '', detail = column,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"CREATE TABLE fts_state (upto INTEGER NOT NULL);"
	"INSERT INTO fts_state (upto) VALUES (0);"
	/* Only rows at or below the watermark are in items_fts: telling
	 * a contentless table to delete a row it never had corrupts it. */
	"CREATE TRIGGER items_fts_delete AFTER DELETE ON items"
	"  WHEN old.id <= (SELECT upto FROM fts_state) BEGIN"
	"  INSERT INTO items_fts (items_fts, rowid, title, body)"
	"    VALUES ('delete', old.id, old.title,"
	"    strip_tags(old.summary, old.content));"
	"END;"
	"CREATE TRIGGER items_fts_update"
	"  AFTER UPDATE OF title, summary, content ON items"
	"  WHEN (old.title IS NOT new.title OR old.summary IS NOT new.summary"
	"    OR old.content IS NOT new.content)"
	"    AND old.id <= (SELECT upto FROM fts_state) BEGIN"
	"  INSERT INTO items_fts (items_fts, rowid, title, body)"
	"    VALUES ('delete', old.id, old.title,"
	"    strip_tags(old.summary, old.content));"
	"  INSERT INTO items_fts (rowid, title, body)"
	"    VALUES (new.id, new.title, strip_tags(new.summary, new.content));"
	"END;",
	/* 2: full articles fetched from items' links (see the essay). */
	"CREATE TABLE articles ("
	"  item_id INTEGER PRIMARY KEY"
	"    REFERENCES items(id) ON DELETE CASCADE,"
	"  url TEXT,"
	"  title TEXT,"
	"  byline TEXT,"
	"  site_name TEXT,"
	"  lead_image TEXT,"
	"  published INTEGER,"
	"  body TEXT,"
	"  fetched INTEGER,"
	"  tried INTEGER NOT NULL,"
	"  error TEXT"
	");",
	/* 3: the starred items' list (see the essay). */
	"CREATE INDEX items_starred ON items (date DESC, id DESC)"
	"  WHERE starred = 1;",
	/* 4: each feed's counts, kept by triggers (see the essay). */
	"ALTER TABLE feeds ADD COLUMN nitems INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN nunread INTEGER NOT NULL DEFAULT 0;"
	"UPDATE feeds SET"
	"  nitems = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	"  nunread = (SELECT count(*) FROM items"
	"    WHERE feed_id = feeds.id AND read = 0);"
	"CREATE TRIGGER items_count_insert AFTER INSERT ON items BEGIN"
	"  UPDATE feeds SET nitems = nitems + 1,"
	"    nunread = nunread + (new.read = 0) WHERE id = new.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_delete AFTER DELETE ON items BEGIN"
	"  UPDATE feeds SET nitems = nitems - 1,"
	"    nunread = nunread - (old.read = 0) WHERE id = old.feed_id;"
	"END;"
	"CREATE TRIGGER items_count_read AFTER UPDATE OF read ON items"
	"  WHEN (old.read = 0) IS NOT (new.read = 0) BEGIN"
	"  UPDATE feeds SET nunread = nunread + (new.read = 0) - (old.read = 0)"
	"    WHERE id = new.feed_id;"
	"END;",
	/* 5: full articles in the search index (see the essay). An
	 * article's own triggers keep it, with its own old values, so the
	 * order in which a cascade deletes an item and its article does
	 * not matter. */
	"CREATE VIRTUAL TABLE articles_fts USING fts5 (body,"
	"  content = '', detail = column,"
	"  tokenize = 'unicode61 remove_diacritics 2');"
	"INSERT INTO articles_fts (rowid, body)"
	"  SELECT item_id, strip_tags(body) FROM articles"
	"  WHERE body IS NOT NULL;"
	"CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles"
	"  WHEN new.body IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts (rowid, body)"
	"    VALUES (new.item_id, strip_tags(new.body));"
	"END;"
	"CREATE TRIGGER articles_fts_update AFTER UPDATE OF body ON articles"
	"  WHEN old.body IS NOT new.body BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, body)"
	"    SELECT 'delete', old.item_id, strip_tags(old.body)"
	"    WHERE old.body IS NOT NULL;"
	"  INSERT INTO articles_fts (rowid, body)"
	"    SELECT new.item_id, strip_tags(new.body)"
	"    WHERE new.body IS NOT NULL;"
	"END;"
	"CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles"
	"  WHEN old.body IS NOT NULL BEGIN"
	"  INSERT INTO articles_fts (articles_fts, rowid, body)"
	"    VALUES ('delete', old.item_id, strip_tags(old.body));"
	"END;",
	/* 6: strip_tags() decodes every character reference HTML has, no
	 * longer six: both indexes are made again, the items' as a backlog
	 * (see the essay). */
	"INSERT INTO items_fts (items_fts) VALUES ('delete-all');"
	"UPDATE fts_state SET upto = 0;"
	"INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');"
	"INSERT INTO articles_fts (rowid, body)"
	"  SELECT item_id, strip_tags(body) FROM articles"
	"  WHERE body IS NOT NULL;",
	/* 7: the killfile's mark and the rules it was made with, and the
	 * list index that filters scan (see the essay). */
	"ALTER TABLE items ADD COLUMN ignored INTEGER NOT NULL DEFAULT 0;"
	"CREATE INDEX items_ignored ON items (feed_id) WHERE ignored = 1;"
	"CREATE TABLE killfile (rules TEXT NOT NULL);"
	"INSERT INTO killfile (rules) VALUES ('');"
	"CREATE INDEX items_list ON items (date DESC, id DESC, feed_id, read,"
	"  starred, ignored, title, author, link);"
	"DROP INDEX items_date;",
	/* 8: the columns filters scan go with the feed's key, where a
	 * refresh appends, and the date order is narrow again (see the
	 * essay). */
	"DROP INDEX items_list;"
	"DROP INDEX items_feed_date;"
	"CREATE INDEX items_date ON items (date DESC, id DESC);"
	"CREATE INDEX items_feed_list ON items (feed_id, date DESC, id DESC,"
	"  read, starred, ignored, title, author, link);",
	/* 9: a feed's image (its icon or logo) and an item's language, as
	 * the feed gives them. */
	"ALTER TABLE feeds ADD COLUMN image TEXT;"
	"ALTER TABLE items ADD COLUMN lang TEXT;",
	/* 10: the enclosures downloaded, or on the way (see the essay). */
	"CREATE TABLE downloads ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  url TEXT NOT NULL UNIQUE,"
	"  path TEXT NOT NULL UNIQUE,"
	"  item_id INTEGER REFERENCES items (id) ON DELETE SET NULL,"
	"  title TEXT NOT NULL,"
	"  state INTEGER NOT NULL DEFAULT 0,"
	"  size INTEGER,"
	"  got INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT,"
	"  added INTEGER NOT NULL,"
	"  finished INTEGER);"
	"CREATE INDEX downloads_item ON downloads (item_id);",
	/* 11: sync with servers (store-sync.c): a server's feeds and the
	 * article ids of their items, and the queue of marks not yet sent,
	 * which triggers fill in the transaction of the mark itself. */
	STORE_SYNC_SCHEMA,
	/* 12: how far a server's new articles were read through to the end
	 * (store-sync.c): so far the highest article id stored. */
	"ALTER TABLE sync_state ADD COLUMN upto INTEGER;"
	"UPDATE sync_state SET upto = (SELECT max(i.remote_id) FROM items i"
	"  JOIN feeds f ON f.id = i.feed_id WHERE f.sync = sync_state.server"
	"  AND i.remote_id IS NOT NULL);",
};
#define STORE_VERSION	((int)nitems(store_migrations))

/* The stage for one document's entries, per connection (see the essay);
 * UNIQUE (key) keeps the first of entries listed twice. */
#define STORE_STAGE							\
	"CREATE TEMP TABLE incoming ("					\
	"  seq INTEGER PRIMARY KEY,"					\
	"  feed_id INTEGER NOT NULL,"					\
	"  key TEXT NOT NULL UNIQUE,"					\
	"  guid TEXT, link TEXT, title TEXT NOT NULL, author TEXT,"	\
	"  published INTEGER, updated INTEGER,"				\
	"  summary TEXT, content TEXT,"					\
	"  enclosures TEXT, categories TEXT, lang TEXT,"		\
	"  seen INTEGER NOT NULL"					\
	")"

/* What the dotfile says of each feed, which filters read (feedtitle,
 * tags; store_set_feeds()), per connection. */
#define STORE_FEEDCONF							\
	"CREATE TEMP TABLE feedconf ("					\
	"  url TEXT PRIMARY KEY, title TEXT, tags TEXT) WITHOUT ROWID"

/* The columns of a struct store_feed, in the order store_feed_row reads. */
#define STORE_FEED_COLS							\
	"f.id, f.url, f.title, f.link, f.etag, f.last_modified, "	\
	"f.error, f.redirect, f.status, f.last_fetch, f.next_fetch"
/* The columns of a struct store_item, in the order store_item_rows reads. */
#define STORE_ITEM_COLS							\
	"i.id, i.feed_id, i.title, i.link, i.author, i.date, i.read, "	\
	"i.starred"

/* Every statement, prepared on first use and kept for the connection. */
enum store_sql {
	SQL_BEGIN,
	SQL_COMMIT,
	SQL_ROLLBACK,
	SQL_FEED_FIND,
	SQL_FEED_ADD,
	SQL_FEED_GET,
	SQL_FEEDS,
	SQL_FEED_FETCHED,
	SQL_FEED_META,
	SQL_STAGE_CLEAR,
	SQL_STAGE,
	SQL_MERGE_SEEN,
	SQL_MERGE_CHANGED,
	SQL_MERGE_NEW,
	SQL_TRIM_COUNT,
	SQL_TRIM_AGE,
	SQL_GC_LIST,
	SQL_GC_DELETE,
	SQL_UNREAD_ALL,
	SQL_UNREAD_FEED,
	SQL_ITEMS_ALL,
	SQL_ITEMS_FEED,
	SQL_SET_READ,
	SQL_SET_STARRED,
	SQL_MARK_ALL,
	SQL_MARK_FEED,
	SQL_FTS_STATE,
	SQL_FTS_LAST,
	SQL_FTS_ADD,
	SQL_FTS_MARK,
	SQL_ARTICLE_PUT,
	SQL_ARTICLE_FAILED,
	SQL_ARTICLE_GET,
	SQL_ARTICLE_WANTED,
	SQL__COUNT
};

static const char *const store_sql[SQL__COUNT] = {
	[SQL_BEGIN] = "BEGIN IMMEDIATE",
	[SQL_COMMIT] = "COMMIT",
	[SQL_ROLLBACK] = "ROLLBACK",
	[SQL_FEED_FIND] = "SELECT id FROM feeds WHERE url = ?1",
	[SQL_FEED_ADD] =
	    "INSERT INTO feeds (url) VALUES (?1) ON CONFLICT (url) DO NOTHING",
	[SQL_FEED_GET] = "SELECT " STORE_FEED_COLS ", f.nunread, f.nitems"
	    " FROM feeds f WHERE f.url = ?1",
	/* The counts the triggers keep (see the essay). */
	[SQL_FEEDS] = "SELECT " STORE_FEED_COLS ", f.nunread, f.nitems"
	    " FROM feeds f ORDER BY f.id",
	/* ?6 is 0 after a success (the validators are the new ones), 1
	 * after a 304 (new ones when sent, else the old) and 2 after a
	 * failure (the old ones: an error page's ETag must not make the
	 * next fetch a 304). */
	[SQL_FEED_FETCHED] = "UPDATE feeds SET last_fetch = ?2, status = ?3,"
	    " error = ?4, next_fetch = ?5,"
	    " etag = CASE ?6 WHEN 0 THEN ?7 WHEN 1 THEN coalesce(?7, etag)"
	    "   ELSE etag END,"
	    " last_modified = CASE ?6 WHEN 0 THEN ?8"
	    "   WHEN 1 THEN coalesce(?8, last_modified) ELSE last_modified END,"
	    " redirect = CASE ?6 WHEN 2 THEN coalesce(?9, redirect) ELSE ?9 END"
	    " WHERE id = ?1",
	[SQL_FEED_META] = "UPDATE feeds SET title = ?2, link = ?3,"
	    " description = ?4, updated = ?5, items_seen = ?6, image = ?7"
	    " WHERE id = ?1",
	/* A document's entries are staged in temp.incoming, then merged
	 * by three statements (see the essay). The unary + keeps SQLite
	 * from scanning all items to look each up in the stage. */
	[SQL_STAGE_CLEAR] = "DELETE FROM temp.incoming",
	[SQL_STAGE] = "INSERT OR IGNORE INTO temp.incoming (feed_id, key,"
	    " guid, link, title, author, published, updated, summary,"
	    " content, enclosures, categories, seen, lang)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?14)",
	[SQL_MERGE_SEEN] = "UPDATE items SET last_seen = s.seen"
	    " FROM temp.incoming s"
	    " WHERE items.feed_id = +s.feed_id AND items.key = +s.key",
	/* Only changed items: an UPDATE that sets published rewrites the
	 * date indexes of every row it touches, equal or not. */
	[SQL_MERGE_CHANGED] = "UPDATE items SET guid = s.guid,"
	    " link = s.link, title = s.title, author = s.author,"
	    " published = s.published, updated = s.updated,"
	    " summary = s.summary, content = s.content,"
	    " enclosures = s.enclosures, categories = s.categories,"
	    " lang = s.lang"
	    " FROM temp.incoming s"
	    " WHERE items.feed_id = +s.feed_id AND items.key = +s.key"
	    " AND (items.guid IS NOT s.guid OR items.link IS NOT s.link"
	    " OR items.title IS NOT s.title OR items.author IS NOT s.author"
	    " OR items.published IS NOT s.published"
	    " OR items.updated IS NOT s.updated"
	    " OR items.summary IS NOT s.summary"
	    " OR items.content IS NOT s.content"
	    " OR items.enclosures IS NOT s.enclosures"
	    " OR items.categories IS NOT s.categories"
	    " OR items.lang IS NOT s.lang)",
	/* Last entry first, so that among undated items, which sort by
	 * id, the document's first is on top. */
	[SQL_MERGE_NEW] = "INSERT INTO items (feed_id, key, guid, link,"
	    " title, author, published, updated, summary, content,"
	    " enclosures, categories, first_seen, last_seen, lang)"
	    " SELECT s.feed_id, s.key, s.guid, s.link, s.title, s.author,"
	    " s.published, s.updated, s.summary, s.content, s.enclosures,"
	    " s.categories, s.seen, s.seen, s.lang FROM temp.incoming s"
	    " WHERE NOT EXISTS (SELECT 1 FROM items i"
	    "   WHERE i.feed_id = +s.feed_id AND i.key = +s.key)"
	    " ORDER BY s.seq DESC",
	/* ?3 is 1 when this transaction merged a document: the stage
	 * then holds exactly the keys it carried (see Trimming). */
	[SQL_TRIM_COUNT] = "DELETE FROM items WHERE id IN"
	    " (SELECT id FROM items WHERE feed_id = ?1"
	    "   ORDER BY date DESC, id DESC LIMIT -1 OFFSET ?2)"
	    " AND starred = 0 AND CASE WHEN ?3"
	    "   THEN key NOT IN (SELECT key FROM temp.incoming)"
	    "   ELSE last_seen < (SELECT items_seen FROM feeds WHERE id = ?1)"
	    " END",
	[SQL_TRIM_AGE] = "DELETE FROM items WHERE feed_id = ?1"
	    " AND first_seen < ?2 AND starred = 0 AND CASE WHEN ?3"
	    "   THEN key NOT IN (SELECT key FROM temp.incoming)"
	    "   ELSE last_seen < (SELECT items_seen FROM feeds WHERE id = ?1)"
	    " END",
	[SQL_GC_LIST] = "SELECT id, url FROM feeds WHERE sync IS NULL",
	[SQL_GC_DELETE] = "DELETE FROM feeds WHERE id = ?1",
	[SQL_UNREAD_ALL] = "SELECT coalesce(sum(nunread), 0) FROM feeds",
	[SQL_UNREAD_FEED] =
	    "SELECT coalesce((SELECT nunread FROM feeds WHERE id = ?1), 0)",
	[SQL_ITEMS_ALL] = "SELECT " STORE_ITEM_COLS " FROM items i"
	    " ORDER BY i.date DESC, i.id DESC LIMIT ?2 OFFSET ?3",
	[SQL_ITEMS_FEED] = "SELECT " STORE_ITEM_COLS " FROM items i"
	    " WHERE i.feed_id = ?1"
	    " ORDER BY i.date DESC, i.id DESC LIMIT ?2 OFFSET ?3",
	[SQL_SET_READ] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[SQL_SET_STARRED] = "UPDATE items SET starred = ?2 WHERE id = ?1",
	[SQL_MARK_ALL] = "UPDATE items SET read = 1 WHERE read = 0",
	[SQL_MARK_FEED] =
	    "UPDATE items SET read = 1 WHERE read = 0 AND feed_id = ?1",
	/* The watermark and the newest item; both NULL-safe lookups of
	 * one row, so asking costs nothing when nothing is waiting. */
	[SQL_FTS_STATE] = "SELECT (SELECT upto FROM fts_state),"
	    " coalesce((SELECT max(id) FROM items), 0)",
	[SQL_FTS_LAST] = "SELECT max(id) FROM (SELECT id FROM items"
	    " WHERE id > ?1 ORDER BY id LIMIT ?2)",
	/* One statement for the whole batch: FTS5 writes one segment per
	 * statement (see the essay). */
	[SQL_FTS_ADD] = "INSERT INTO items_fts (rowid, title, body)"
	    " SELECT id, title, strip_tags(summary, content) FROM items"
	    " WHERE id > ?1 AND id <= ?2 ORDER BY id",
	[SQL_FTS_MARK] = "UPDATE fts_state SET upto = ?2 WHERE upto = ?1",
	/* Only while the item exists (see the essay); an upsert needs a
	 * WHERE on its SELECT to parse, which EXISTS is. */
	[SQL_ARTICLE_PUT] = "INSERT INTO articles (item_id, url, title,"
	    " byline, site_name, lead_image, published, body, fetched,"
	    " tried, error)"
	    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, NULL"
	    " WHERE EXISTS (SELECT 1 FROM items WHERE id = ?1)"
	    " ON CONFLICT (item_id) DO UPDATE SET url = excluded.url,"
	    " title = excluded.title, byline = excluded.byline,"
	    " site_name = excluded.site_name,"
	    " lead_image = excluded.lead_image,"
	    " published = excluded.published, body = excluded.body,"
	    " fetched = excluded.fetched, tried = excluded.tried,"
	    " error = NULL",
	/* A failure keeps the body of an earlier success. */
	[SQL_ARTICLE_FAILED] = "INSERT INTO articles (item_id, tried, error)"
	    " SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM items WHERE id = ?1)"
	    " ON CONFLICT (item_id) DO UPDATE SET tried = excluded.tried,"
	    " error = excluded.error",
	[SQL_ARTICLE_GET] = "SELECT item_id, url, title, byline, site_name,"
	    " lead_image, published, body, fetched, tried, error"
	    " FROM articles WHERE item_id = ?1",
	/* Through items_feed_list, newest first; the lookup in articles
	 * is by its key. */
	[SQL_ARTICLE_WANTED] = "SELECT i.id FROM items i"
	    " WHERE i.feed_id = ?1 AND i.read = 0 AND i.link IS NOT NULL"
	    " AND i.first_seen >= ?2"
	    " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.item_id = i.id)"
	    " ORDER BY i.date DESC, i.id DESC LIMIT ?3",
};

#define STORE_RANDOM_MOD	3037000493LL	/* of the random order's key */

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmt[SQL__COUNT];
	fts5_tokenizer	 tokenizer;	/* the index's, to split queries */
	Fts5Tokenizer	*tok;		/* NULL until the first search */
	struct filter	**ignore;	/* the killfile (store_set_ignore()) */
	size_t		 nignore;
	int		 marked;	/* items carry the killfile's mark */
	sqlite3_stmt	*mark;		/* marks what a document brought */
	struct store_params mark_ps;	/* and its values */
	struct filter	**highlight;	/* store_set_highlights() */
	size_t		 nhighlight;
	int64_t		 seed;		/* of the random order (:seed) */
	int		 batch;		/* in store_batch(): store_update()
					   neither begins nor commits */
};

static int	store_fts_state(struct store *, int64_t *, int64_t *, char **);
static int	store_feeds_ignored(struct store *, struct store_feed *, size_t,
		    char **);
static int	store_ignore_where(struct store *, struct buf *,
		    struct store_params *, int, char **);
static int	store_mark_ignored(struct store *, const char *, int64_t,
		    char **);
static void	store_mark_forget_stmt(struct store *);
static int	store_index_locked(struct store *, size_t, size_t *, char **);

/* The items of the feed :feed that a document brought. */
static const char store_mark_incoming[] =
    "i.feed_id = :feed AND i.key IN (SELECT key FROM temp.incoming)";

/* Scratch buffers reused across the entries of one merge. */
struct store_scratch {
	struct buf	 key;
	struct buf	 enclosures;
	struct buf	 categories;
};

/* Set *cause from the connection's last error, in words a user can act
 * on; the SQLite text (and the system's, for I/O) follows. */
void
store_error(struct store *st, char **cause)
{
	const char	*msg, *why;
	int		 code, err = 0;

	msg = sqlite3_errmsg(st->db);
	code = sqlite3_extended_errcode(st->db) & 0xff;
	switch (code) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		why = "the database is locked: another program has been "
		    "writing to it for over 10 seconds";
		break;
	case SQLITE_FULL:
		why = "the disk is full; the change was not saved";
		break;
	case SQLITE_IOERR:
		why = "cannot read or write the database file";
		break;
	case SQLITE_READONLY:
		why = "the database is read-only; the change was not saved";
		break;
	case SQLITE_CORRUPT:
		why = "the database is damaged";
		break;
	case SQLITE_NOTADB:
		why = "not a tidings database, left untouched";
		break;
	case SQLITE_CANTOPEN:
		why = "cannot open the database file or its journal";
		break;
	case SQLITE_PERM:
	case SQLITE_AUTH:
		why = "permission denied";
		break;
	default:
		why = NULL;
		break;
	}
	/* The system's errno is current only after an I/O failure. SQLite
	 * says "full" only when a write comes back short with ENOSPC; a
	 * write refused outright (a quota, a file size limit) is an I/O
	 * error to it, but not to the user. */
	if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN)
		err = sqlite3_system_errno(st->db);
	if (code == SQLITE_IOERR && (err == ENOSPC || err == EDQUOT))
		why = "the disk is full; the change was not saved";
	else if (code == SQLITE_IOERR && err == EFBIG)
		why = "the database file has reached the largest size this "
		    "process may write (ulimit -f); the change was not saved";
	if (why == NULL)
		xasprintf(cause, "%s: %s", st->path, msg);
	else if (err != 0)
		xasprintf(cause, "%s: %s (%s: %s)", st->path, why, msg,
		    strerror(err));
	else
		xasprintf(cause, "%s: %s (%s)", st->path, why, msg);
}

/* The cached statement which, prepared now when first used. */
static sqlite3_stmt *
store_stmt(struct store *st, enum store_sql which, char **cause)
{
	if (st->stmt[which] == NULL && sqlite3_prepare_v3(st->db,
	    store_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &st->stmt[which],
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (NULL);
	}
	return (st->stmt[which]);
}

/* Bind s as text, or NULL when s is NULL. */
static int
store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		return (sqlite3_bind_null(stmt, i));
	return (sqlite3_bind_text(stmt, i, s, -1, SQLITE_STATIC));
}

/* Bind a time, NULL for STORE_NOTIME (which is also FEED_NODATE). */
static int
store_bind_time(sqlite3_stmt *stmt, int i, int64_t t)
{
	if (t == STORE_NOTIME)
		return (sqlite3_bind_null(stmt, i));
	return (sqlite3_bind_int64(stmt, i, t));
}

/* Bind a count given as size_t; SQLite counts in int64. */
static int
store_bind_size(sqlite3_stmt *stmt, int i, size_t n)
{
	return (sqlite3_bind_int64(stmt, i,
	    n > (size_t)INT64_MAX ? INT64_MAX : (int64_t)n));
}

/* A text column as a new string, or NULL. */
static char *
store_col_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, i)) == NULL)
		return (NULL);
	return (xstrdup((const char *)s));
}

/* A time column, STORE_NOTIME for NULL. */
static int64_t
store_col_time(sqlite3_stmt *stmt, int i)
{
	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return (STORE_NOTIME);
	return (sqlite3_column_int64(stmt, i));
}

/* Step a bound statement that returns no rows, then reset it. */
static int
store_run(struct store *st, sqlite3_stmt *stmt, char **cause)
{
	int	 rc;

	rc = sqlite3_step(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	sqlite3_reset(stmt);
	return (0);
}

/* Step a statement that returns one integer, then reset it. */
static int
store_run_int(struct store *st, sqlite3_stmt *stmt, int64_t *out,
    char **cause)
{
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	*out = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return (0);
}

/* Run the cached statement which, which takes no parameters. */
static int
store_exec(struct store *st, enum store_sql which, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_stmt(st, which, cause)) == NULL)
		return (-1);
	return (store_run(st, stmt, cause));
}

/* For the other store*.c files (store-int.h). */
sqlite3 *
store_sqlite(struct store *st)
{
	return (st->db);
}

/* Undo the open transaction after a failure whose cause is already set. */
static void
store_rollback(struct store *st)
{
	char	*ignored = NULL;

	if (sqlite3_get_autocommit(st->db))
		return;			/* SQLite already rolled it back */
	if (store_exec(st, SQL_ROLLBACK, &ignored) != 0) {
		log_debug("store: %s", ignored);
		free(ignored);
	}
}

/* Commit the open transaction, or roll it back and say why not. */
static int
store_commit(struct store *st, char **cause)
{
	if (store_exec(st, SQL_COMMIT, cause) == 0)
		return (0);
	store_rollback(st);
	return (-1);
}

/* Append the text of HTML s (len bytes) to b: tags and comments become a
 * space, character references their characters (html_charref()).
 * Deterministic, because the FTS index deletes rows by recomputing it. */
static void
store_strip_html(struct buf *b, const char *s, size_t len)
{
	const char	*end = s + len, *p;
	size_t		 n;
	uint32_t	 cp;

	while (s < end) {
		if (*s == '<' && end - s >= 4 && strncmp(s, "<!--", 4) == 0) {
			p = memmem(s + 4, (size_t)(end - s - 4), "-->", 3);
			s = p != NULL ? p + 3 : end;
			buf_addch(b, ' ');
		} else if (*s == '<' && end - s >= 2 &&
		    (s[1] == '/' || s[1] == '!' || s[1] == '?' ||
		    (unsigned)((s[1] | 0x20) - 'a') < 26)) {
			p = memchr(s, '>', (size_t)(end - s));
			s = p != NULL ? p + 1 : end;
			buf_addch(b, ' ');
		} else if (*s == '&' && (n = html_charref(s, (size_t)(end - s),
		    &cp)) != 0) {
			utf8_encode(b, cp);
			s += n;
		} else
			buf_addch(b, *s++);
	}
}

/* SQL strip_tags(html, ...): the text of its non-NULL arguments, joined
 * by spaces. */
static void
store_strip_tags(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	int		 i;

	for (i = 0; i < argc; i++) {
		if ((s = (const char *)sqlite3_value_text(argv[i])) == NULL)
			continue;
		if (b.len != 0)
			buf_addch(&b, ' ');
		store_strip_html(&b, s, (size_t)sqlite3_value_bytes(argv[i]));
	}
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}

/* Read the schema version and how many schema objects the file holds,
 * in one snapshot, so that a migration committed by another process
 * between two reads cannot make ours look like someone else's. */
static int
store_version(struct store *st, int *version, int64_t *nobjects,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, "SELECT user_version,"
	    " (SELECT count(*) FROM sqlite_schema) FROM pragma_user_version",
	    -1, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*version = sqlite3_column_int(stmt, 0);
		*nobjects = sqlite3_column_int64(stmt, 1);
	} else
		store_error(st, cause);
	sqlite3_finalize(stmt);
	return (rc == SQLITE_ROW ? 0 : -1);
}

/* Bring the schema from its version to STORE_VERSION, one transaction per
 * step; another process migrating at the same time is waited for. */
static int
store_migrate(struct store *st, char **cause)
{
	char	 sql[64];
	int64_t	 nobjects;
	int	 version;

	for (;;) {
		if (store_exec(st, SQL_BEGIN, cause) != 0)
			return (-1);
		if (store_version(st, &version, &nobjects, cause) != 0)
			goto fail;
		if (version >= STORE_VERSION)
			break;
		/* PRAGMA takes no parameters; the value is our own integer. */
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
		    version + 1);
		if (sqlite3_exec(st->db, store_migrations[version], NULL, NULL,
		    NULL) != SQLITE_OK ||
		    sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			store_error(st, cause);
			goto fail;
		}
		if (store_commit(st, cause) != 0)
			return (-1);
		log_debug("store: %s: schema version %d", st->path,
		    version + 1);
	}
	return (store_commit(st, cause));

fail:
	store_rollback(st);
	return (-1);
}

/* What every connection sets for itself, writing nothing to the file:
 * foreign keys, the strip_tags() function the search index calls, and the
 * in-memory stage a merge fills. */
static int
store_setup_session(struct store *st, char **cause)
{
	if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_create_function_v2(st->db, "strip_tags", -1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    store_strip_tags, NULL, NULL, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_create_function_v2(st->db, "filter_regexp", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
	    store_regexp_fn, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function_v2(st->db, "filter_top", 4,
	    SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, NULL, store_top_step,
	    store_top_final, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY;" STORE_STAGE
	    ";" STORE_FEEDCONF, NULL, NULL, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (0);
}

/* Set up a new connection: refuse what we must not write, then WAL,
 * foreign keys, strip_tags() and the current schema. */
static int
store_setup(struct store *st, int read_only_ok, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*mode;
	int64_t		 nobjects;
	int		 version;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	/* The first read: a file that is not a database fails here,
	 * before anything is written to it. */
	if (store_version(st, &version, &nobjects, cause) != 0)
		return (-1);
	if (version > STORE_VERSION) {
		xasprintf(cause, "%s: made by a newer tidings (schema version "
		    "%d; this one knows up to %d); not touching it", st->path,
		    version, STORE_VERSION);
		return (-1);
	}
	/* Without a version, only an empty file is ours to set up: one
	 * that holds tables belongs to another program. */
	if (version == 0 && nobjects != 0) {
		xasprintf(cause, "%s: not a tidings database (it holds other "
		    "tables), left untouched", st->path);
		return (-1);
	}
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		/* Reading needs no write, as long as the schema is current
		 * and so needs no migration. */
		if (read_only_ok && version == STORE_VERSION)
			return (store_setup_session(st, cause));
		xasprintf(cause, "%s: the database is read-only", st->path);
		return (-1);
	}
	/* A new file's page size can be chosen only until WAL mode or the
	 * first table fixes it (see the essay). */
	if (version == 0 && sqlite3_exec(st->db, "PRAGMA page_size = 16384",
	    NULL, NULL, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	mode = (const char *)sqlite3_column_text(stmt, 0);
	if (mode == NULL || strcmp(mode, "wal") != 0)
		log_debug("store: %s: journal mode %s, not wal", st->path,
		    mode != NULL ? mode : "unknown");
	sqlite3_finalize(stmt);
	/* The checkpoint threshold counts pages: 256 of 16 KiB keeps the
	 * WAL at SQLite's default 4 MiB (see the essay). */
	if (sqlite3_exec(st->db, "PRAGMA synchronous = NORMAL;"
	    "PRAGMA wal_autocheckpoint = 256", NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_setup_session(st, cause) != 0)
		return (-1);
	return (store_migrate(st, cause));
}

/* Whether path's write-ahead log holds anything not yet checkpointed
 * into the file itself. */
static int
store_logged(const char *path)
{
	struct stat	 sb;
	char		*wal;
	int		 logged;

	xasprintf(&wal, "%s-wal", path);
	logged = stat(wal, &sb) == 0 && sb.st_size > 0;
	free(wal);
	return (logged);
}

/*
 * Whether path is a database this process may not write whose whole
 * content is in the file itself (no write-ahead log waiting to be
 * checkpointed). SQLite cannot read a WAL database without creating its
 * shared-memory file beside it, which a read-only file or directory
 * refuses; such a file can only be read as immutable, which is exact
 * when there is no log and nobody may write it.
 */
static int
store_unwritable(const char *path)
{
	if (access(path, F_OK) != 0 || access(path, W_OK) == 0 ||
	    (errno != EACCES && errno != EROFS))
		return (0);
	return (!store_logged(path));
}

/* Whether the connection's last error says no file may grow: a full
 * disk, a quota or a file size limit. The shared-memory file a reader of
 * a WAL database must create then cannot be, and, as for a read-only
 * file, reading as immutable is what remains. */
static int
store_cannot_grow(struct store *st)
{
	int	 code, err;

	code = sqlite3_extended_errcode(st->db) & 0xff;
	if (code == SQLITE_FULL)
		return (1);
	if (code != SQLITE_IOERR)
		return (0);
	err = sqlite3_system_errno(st->db);
	return (err == ENOSPC || err == EDQUOT || err == EFBIG);
}

/* Open st->path read-only and immutable, through a URI, whose special
 * characters are escaped. */
static int
store_open_immutable(struct store *st)
{
	struct buf	 uri = BUF_INIT;
	const char	*p;
	int		 rc;

	buf_addstr(&uri, "file:");
	for (p = st->path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(&uri, "%%%02X", (unsigned char)*p);
		else
			buf_addch(&uri, *p);
	}
	buf_addstr(&uri, "?immutable=1");
	rc = sqlite3_open_v2(uri.data, &st->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
	buf_release(&uri);
	return (rc);
}

/* Open path for reading and writing or, immutable, for reading only, and
 * set the store up. On failure say in *full whether it was for want of
 * room to grow a file. */
static struct store *
store_open_as(const char *path, int immutable, int read_only_ok, int *full,
    char **cause)
{
	struct store	*st;
	int		 rc;

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->seed = ((int64_t)time(NULL) * 7919 + getpid()) %
	    STORE_RANDOM_MOD;
	if (immutable)
		rc = store_open_immutable(st);
	else
		rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (st->db == NULL)
		fatalx("sqlite3_open_v2: out of memory");
	if (rc != SQLITE_OK || store_setup(st, read_only_ok, cause) != 0) {
		if (rc != SQLITE_OK)
			store_error(st, cause);
		*full = store_cannot_grow(st);
		store_close(st);
		return (NULL);
	}
	return (st);
}

/* Open path for store_open() or store_open_read(). A reader opens the
 * file immutable when it may not write it, or when it tried and found no
 * room to create the files a WAL reader needs (a full disk), as long as
 * nothing waits in the log. */
static struct store *
store_open_mode(const char *path, int read_only_ok, char **cause)
{
	struct store	*st;
	int		 full = 0;

	if (util_mkdirs_for(path, cause) != 0)
		return (NULL);
	if (read_only_ok && store_unwritable(path))
		return (store_open_as(path, 1, 1, &full, cause));
	st = store_open_as(path, 0, read_only_ok, &full, cause);
	if (st == NULL && read_only_ok && full && !store_logged(path)) {
		log_debug("store: %s: reading it immutable: %s", path, *cause);
		free(*cause);
		st = store_open_as(path, 1, 1, &full, cause);
	}
	return (st);
}

struct store *
store_open(const char *path, char **cause)
{
	return (store_open_mode(path, 0, cause));
}

struct store *
store_open_read(const char *path, char **cause)
{
	return (store_open_mode(path, 1, cause));
}

void
store_close(struct store *st)
{
	size_t	 i;

	if (st == NULL)
		return;
	for (i = 0; i < nitems(st->stmt); i++)
		sqlite3_finalize(st->stmt[i]);
	store_mark_forget_stmt(st);
	if (st->tok != NULL)
		st->tokenizer.xDelete(st->tok);
	for (i = 0; i < st->nignore; i++)
		filter_free(st->ignore[i]);
	free(st->ignore);
	for (i = 0; i < st->nhighlight; i++)
		filter_free(st->highlight[i]);
	free(st->highlight);
	if (sqlite3_close(st->db) != SQLITE_OK)
		log_debug("store: %s: close: %s", st->path,
		    sqlite3_errmsg(st->db));
	free(st->path);
	free(st);
}

/* Look url up in feeds. Return 1 and set *id when found, 0 when not. */
static int
store_feed_find(struct store *st, const char *url, int64_t *id,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = store_stmt(st, SQL_FEED_FIND, cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, url) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	else if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	sqlite3_reset(stmt);
	return (rc == SQLITE_ROW);
}

int
store_feed_id(struct store *st, const char *url, int64_t *id, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 found;

	if ((found = store_feed_find(st, url, id, cause)) != 0)
		return (found == 1 ? 0 : -1);
	/* ON CONFLICT DO NOTHING: another process may add it meanwhile. */
	if ((stmt = store_stmt(st, SQL_FEED_ADD, cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, url) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	if ((found = store_feed_find(st, url, id, cause)) == 0)
		xasprintf(cause, "%s: feed %s vanished as it was added",
		    st->path, url);
	return (found == 1 ? 0 : -1);
}

/* Fill *sf from a row of STORE_FEED_COLS followed by the unread and
 * total counts. */
static void
store_feed_row(sqlite3_stmt *stmt, struct store_feed *sf)
{
	sf->id = sqlite3_column_int64(stmt, 0);
	sf->url = store_col_text(stmt, 1);
	if (sf->url == NULL)
		sf->url = xstrdup("");
	sf->title = store_col_text(stmt, 2);
	sf->link = store_col_text(stmt, 3);
	sf->etag = store_col_text(stmt, 4);
	sf->last_modified = store_col_text(stmt, 5);
	sf->error = store_col_text(stmt, 6);
	sf->redirect = store_col_text(stmt, 7);
	sf->status = (long)sqlite3_column_int64(stmt, 8);
	sf->last_fetch = store_col_time(stmt, 9);
	sf->next_fetch = store_col_time(stmt, 10);
	sf->unread = sqlite3_column_int64(stmt, 11);
	sf->total = sqlite3_column_int64(stmt, 12);
}

int
store_feed_get(struct store *st, const char *url, struct store_feed *sf,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(sf, 0, sizeof *sf);
	if ((stmt = store_stmt(st, SQL_FEED_GET, cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, url) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_feed_row(stmt, sf);
	else if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	sqlite3_reset(stmt);
	return (rc == SQLITE_ROW);
}

void
store_feed_release(struct store_feed *sf)
{
	free(sf->url);
	free(sf->title);
	free(sf->link);
	free(sf->etag);
	free(sf->last_modified);
	free(sf->error);
	free(sf->redirect);
	memset(sf, 0, sizeof *sf);
}

int
store_feeds(struct store *st, struct store_feed **out, size_t *n,
    char **cause)
{
	sqlite3_stmt		*stmt;
	struct store_feed	*v = NULL;
	size_t			 len = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = store_stmt(st, SQL_FEEDS, cause)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		store_feed_row(stmt, &v[len++]);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		store_feeds_free(v, len);
		return (-1);
	}
	sqlite3_reset(stmt);
	if (store_feeds_ignored(st, v, len, cause) != 0) {
		store_feeds_free(v, len);
		return (-1);
	}
	*out = v;
	*n = len;
	return (0);
}

void
store_feeds_free(struct store_feed *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		store_feed_release(&v[i]);
	free(v);
}

/* FNV-1a, 64 bits, continuing from h. */
static uint64_t
store_fnv1a(uint64_t h, const char *s)
{
	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return (h);
}

/* Set b to the identity key of e (see the essay at the top). */
static void
store_key(struct buf *b, const struct feed_entry *e)
{
	const char	*text;
	uint64_t	 h;

	buf_reset(b);
	if (e->id != NULL && *e->id != '\0') {
		buf_addstr(b, "id:");
		buf_addstr(b, e->id);
	} else if (e->link != NULL && *e->link != '\0') {
		buf_addstr(b, "link:");
		buf_addstr(b, e->link);
	} else {
		text = e->content != NULL ? e->content : e->summary;
		h = store_fnv1a(0xcbf29ce484222325ULL,
		    e->title != NULL ? e->title : "");
		h = store_fnv1a(h, "\n");
		h = store_fnv1a(h, text != NULL ? text : "");
		buf_addf(b, "hash:%016llx", (unsigned long long)h);
	}
}

/* Set the scratch JSON arrays to e's enclosures and categories ("" when
 * there are none). */
static void
store_entry_json(struct store_scratch *sc, const struct feed_entry *e)
{
	const struct feed_enclosure	*enc;
	size_t				 i;

	buf_reset(&sc->enclosures);
	for (i = 0; i < e->nenclosures; i++) {
		enc = &e->enclosures[i];
		buf_addstr(&sc->enclosures, i == 0 ? "[{" : ",{");
		buf_addstr(&sc->enclosures, "\"url\":");
		buf_add_jsonstr(&sc->enclosures, enc->url);
		buf_addstr(&sc->enclosures, ",\"type\":");
		buf_add_jsonstr(&sc->enclosures, enc->type);
		buf_addf(&sc->enclosures, ",\"length\":%lld,"
		    "\"duration\":%lld}", (long long)enc->length,
		    (long long)enc->duration);
	}
	if (e->nenclosures != 0)
		buf_addch(&sc->enclosures, ']');

	buf_reset(&sc->categories);
	for (i = 0; i < e->ncategories; i++) {
		buf_addch(&sc->categories, i == 0 ? '[' : ',');
		buf_add_jsonstr(&sc->categories, e->categories[i]);
	}
	if (e->ncategories != 0)
		buf_addch(&sc->categories, ']');
}

/* Bind entry e of feed_id, seen at now, to SQL_STAGE. */
static int
store_bind_entry(sqlite3_stmt *stmt, int64_t feed_id, int64_t now,
    const struct feed_entry *e, const struct store_scratch *sc)
{
	int	 rc = SQLITE_OK;

	rc |= sqlite3_bind_int64(stmt, 1, feed_id);
	rc |= sqlite3_bind_text(stmt, 2, sc->key.data, (int)sc->key.len,
	    SQLITE_STATIC);
	rc |= store_bind_text(stmt, 3, e->id);
	rc |= store_bind_text(stmt, 4, e->link);
	rc |= store_bind_text(stmt, 5, e->title != NULL ? e->title : "");
	rc |= store_bind_text(stmt, 6, e->author);
	rc |= store_bind_time(stmt, 7, e->published);
	rc |= store_bind_time(stmt, 8, e->updated);
	rc |= store_bind_text(stmt, 9, e->summary);
	rc |= store_bind_text(stmt, 10, e->content);
	rc |= store_bind_text(stmt, 11, sc->enclosures.len != 0 ?
	    sc->enclosures.data : NULL);
	rc |= store_bind_text(stmt, 12, sc->categories.len != 0 ?
	    sc->categories.data : NULL);
	rc |= sqlite3_bind_int64(stmt, 13, now);
	rc |= store_bind_text(stmt, 14, e->lang);
	return (rc);
}

/* Stage entry e in temp.incoming; a second entry with the same identity
 * is ignored. */
static int
store_stage(struct store *st, int64_t feed_id, int64_t now,
    const struct feed_entry *e, struct store_scratch *sc, char **cause)
{
	sqlite3_stmt	*stmt;

	store_key(&sc->key, e);
	store_entry_json(sc, e);
	if ((stmt = store_stmt(st, SQL_STAGE, cause)) == NULL)
		return (-1);
	if (store_bind_entry(stmt, feed_id, now, e, sc) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (store_run(st, stmt, cause));
}

/* Merge the items of f into feed_id: stage them, mark the known ones
 * seen, rewrite the changed ones, add the new ones. Set *nnew. */
static int
store_merge(struct store *st, int64_t feed_id, int64_t now,
    const struct feed *f, int *nnew, char **cause)
{
	struct store_scratch	 sc = { BUF_INIT, BUF_INIT, BUF_INIT };
	size_t			 i;
	int			 rc = -1;

	/* Cleared before rather than after, so that rows left by a failed
	 * rollback can never be merged into another feed. */
	if (store_exec(st, SQL_STAGE_CLEAR, cause) != 0)
		return (-1);
	for (i = 0; i < f->nentries; i++)
		if (store_stage(st, feed_id, now, &f->entries[i], &sc,
		    cause) != 0)
			goto out;
	if (store_exec(st, SQL_MERGE_SEEN, cause) != 0 ||
	    store_exec(st, SQL_MERGE_CHANGED, cause) != 0 ||
	    store_exec(st, SQL_MERGE_NEW, cause) != 0)
		goto out;
	*nnew = sqlite3_changes(st->db);
	rc = 0;
out:
	buf_release(&sc.key);
	buf_release(&sc.enclosures);
	buf_release(&sc.categories);
	return (rc);
}

/* Delete the items of feed_id that max_items and retention let go;
 * merged says whether the stage holds the document just merged. */
static int
store_trim(struct store *st, int64_t feed_id, int64_t now,
    int64_t max_items, int64_t retention, int merged, char **cause)
{
	sqlite3_stmt	*stmt;

	if (max_items > 0) {
		if ((stmt = store_stmt(st, SQL_TRIM_COUNT, cause)) == NULL)
			return (-1);
		if ((sqlite3_bind_int64(stmt, 1, feed_id) |
		    sqlite3_bind_int64(stmt, 2, max_items) |
		    sqlite3_bind_int(stmt, 3, merged)) != SQLITE_OK) {
			store_error(st, cause);
			return (-1);
		}
		if (store_run(st, stmt, cause) != 0)
			return (-1);
	}
	if (retention > 0) {
		if ((stmt = store_stmt(st, SQL_TRIM_AGE, cause)) == NULL)
			return (-1);
		if ((sqlite3_bind_int64(stmt, 1, feed_id) | sqlite3_bind_int64(
		    stmt, 2, now - retention) |
		    sqlite3_bind_int(stmt, 3, merged)) != SQLITE_OK) {
			store_error(st, cause);
			return (-1);
		}
		if (store_run(st, stmt, cause) != 0)
			return (-1);
	}
	return (0);
}

/* Record the outcome and validators of fetch fx of feed_id. */
static int
store_fetched(struct store *st, int64_t feed_id, const struct store_fetch *fx,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 mode, rc = SQLITE_OK;

	mode = fx->error != NULL ? 2 : fx->not_modified ? 1 : 0;
	if ((stmt = store_stmt(st, SQL_FEED_FETCHED, cause)) == NULL)
		return (-1);
	rc |= sqlite3_bind_int64(stmt, 1, feed_id);
	rc |= store_bind_time(stmt, 2, fx->time);
	rc |= sqlite3_bind_int64(stmt, 3, fx->status);
	rc |= store_bind_text(stmt, 4, fx->error);
	rc |= store_bind_time(stmt, 5, fx->next);
	rc |= sqlite3_bind_int(stmt, 6, mode);
	rc |= store_bind_text(stmt, 7, fx->etag);
	rc |= store_bind_text(stmt, 8, fx->last_modified);
	rc |= store_bind_text(stmt, 9, fx->redirect);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	if (sqlite3_changes(st->db) == 0) {
		xasprintf(cause, "%s: no feed with id %lld", st->path,
		    (long long)feed_id);
		return (-1);
	}
	return (0);
}

/* Store f's own fields and note that its items were seen at now. */
static int
store_feed_meta(struct store *st, int64_t feed_id, int64_t now,
    const struct feed *f, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc = SQLITE_OK;

	if ((stmt = store_stmt(st, SQL_FEED_META, cause)) == NULL)
		return (-1);
	rc |= sqlite3_bind_int64(stmt, 1, feed_id);
	rc |= store_bind_text(stmt, 2, f->title);
	rc |= store_bind_text(stmt, 3, f->link);
	rc |= store_bind_text(stmt, 4, f->description);
	rc |= store_bind_time(stmt, 5, f->updated);
	rc |= sqlite3_bind_int64(stmt, 6, now);
	rc |= store_bind_text(stmt, 7, f->image);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (store_run(st, stmt, cause));
}

int
store_update(struct store *st, int64_t feed_id, const struct store_fetch *fx,
    const struct feed *f, int64_t max_items, int64_t retention, int *nnew,
    char **cause)
{
	int64_t	 upto = 0, newest = 0;
	int	 added = 0;

	*nnew = 0;
	if (!st->batch && store_exec(st, SQL_BEGIN, cause) != 0)
		return (-1);
	if (store_fetched(st, feed_id, fx, cause) != 0)
		goto fail;
	if (f != NULL && store_fts_state(st, &upto, &newest, cause) != 0)
		goto fail;
	if (f != NULL && (store_feed_meta(st, feed_id, fx->time, f,
	    cause) != 0 || store_merge(st, feed_id, fx->time, f, &added,
	    cause) != 0))
		goto fail;
	/* New items go into the search index with the rest of this fetch,
	 * while the index has every older item: the watermark then moves
	 * past them (see the essay). Before trimming, whose triggers take
	 * indexed items out again. */
	if (added > 0 && upto >= newest &&
	    store_index_locked(st, 0, NULL, cause) != 0)
		goto fail;
	/* The killfile's mark on what the document brought, new or
	 * changed (see the essay). */
	if (f != NULL && st->nignore > 0 && store_mark_ignored(st,
	    store_mark_incoming, feed_id, cause) != 0)
		goto fail;
	if (store_trim(st, feed_id, fx->time, max_items, retention,
	    f != NULL, cause) != 0)
		goto fail;
	if (!st->batch && store_commit(st, cause) != 0)
		return (-1);
	*nnew = added;
	return (0);

fail:
	store_rollback(st);
	return (-1);
}

int
store_batch(struct store *st, char **cause)
{
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		return (-1);
	st->batch = 1;
	return (0);
}

int
store_batch_end(struct store *st, int commit, char **cause)
{
	st->batch = 0;
	/* A store_update() that failed rolled the batch back already. */
	if (sqlite3_get_autocommit(st->db)) {
		if (commit)
			*cause = xstrdup("the batch was rolled back");
		return (commit ? -1 : 0);
	}
	if (!commit) {
		store_rollback(st);
		return (0);
	}
	return (store_commit(st, cause));
}

/* qsort and bsearch order for an array of strings. */
static int
store_strcmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

int
store_gc(struct store *st, char *const *keep, size_t n, char **cause)
{
	sqlite3_stmt	*list, *del;
	char		**sorted;
	const char	*url;
	int64_t		*gone = NULL;
	size_t		 ngone = 0, i;
	int		 rc;

	sorted = xreallocarray(NULL, n + 1, sizeof *sorted);
	if (n != 0)
		memcpy(sorted, keep, n * sizeof *sorted);
	qsort(sorted, n, sizeof *sorted, store_strcmp);
	if (store_exec(st, SQL_BEGIN, cause) != 0) {
		free(sorted);
		return (-1);
	}
	if ((list = store_stmt(st, SQL_GC_LIST, cause)) == NULL ||
	    (del = store_stmt(st, SQL_GC_DELETE, cause)) == NULL)
		goto fail;
	/* Collect first: rows are not deleted under a running scan. */
	while ((rc = sqlite3_step(list)) == SQLITE_ROW) {
		url = (const char *)sqlite3_column_text(list, 1);
		if (url != NULL && n != 0 && bsearch(&url, sorted, n,
		    sizeof *sorted, store_strcmp) != NULL)
			continue;
		gone = xreallocarray(gone, ngone + 1, sizeof *gone);
		gone[ngone++] = sqlite3_column_int64(list, 0);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(list);
		goto fail;
	}
	sqlite3_reset(list);
	for (i = 0; i < ngone; i++) {
		if (sqlite3_bind_int64(del, 1, gone[i]) != SQLITE_OK) {
			store_error(st, cause);
			goto fail;
		}
		if (store_run(st, del, cause) != 0)
			goto fail;
	}
	free(sorted);
	free(gone);
	if (store_commit(st, cause) != 0)
		return (-1);
	return ((int)ngone);

fail:
	store_rollback(st);
	free(sorted);
	free(gone);
	return (-1);
}

int64_t
store_unread(struct store *st, int64_t feed_id, char **cause)
{
	sqlite3_stmt	*stmt;
	int64_t		 n;

	if (feed_id == 0)
		stmt = store_stmt(st, SQL_UNREAD_ALL, cause);
	else
		stmt = store_stmt(st, SQL_UNREAD_FEED, cause);
	if (stmt == NULL)
		return (-1);
	if (feed_id != 0 && sqlite3_bind_int64(stmt, 1, feed_id) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_run_int(st, stmt, &n, cause) != 0)
		return (-1);
	return (n);
}

/* Read every row of a bound STORE_ITEM_COLS query into *out, *n. */
static int
store_item_rows(struct store *st, sqlite3_stmt *stmt, struct store_item **out,
    size_t *n, char **cause)
{
	struct store_item	*v = NULL, *it;
	size_t			 len = 0, cap = 0;
	int			 rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		it = &v[len++];
		memset(it, 0, sizeof *it);
		it->id = sqlite3_column_int64(stmt, 0);
		it->feed_id = sqlite3_column_int64(stmt, 1);
		it->title = store_col_text(stmt, 2);
		if (it->title == NULL)
			it->title = xstrdup("");
		it->link = store_col_text(stmt, 3);
		it->author = store_col_text(stmt, 4);
		it->date = sqlite3_column_int64(stmt, 5);
		it->unread = sqlite3_column_int(stmt, 6) == 0;
		it->starred = sqlite3_column_int(stmt, 7) != 0;
		if (sqlite3_column_count(stmt) > 8)
			it->highlight = (size_t)sqlite3_column_int(stmt, 8);
		if (sqlite3_column_count(stmt) > 9 &&
		    (it->guid = store_col_text(stmt, 9)) == NULL)
			it->guid = xstrdup("");
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		store_items_free(v, len);
		return (-1);
	}
	sqlite3_reset(stmt);
	*out = v;
	*n = len;
	return (0);
}

int
store_items(struct store *st, int64_t feed_id, size_t offset, size_t limit,
    struct store_item **out, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc = SQLITE_OK;

	*out = NULL;
	*n = 0;
	if (feed_id == 0)
		stmt = store_stmt(st, SQL_ITEMS_ALL, cause);
	else
		stmt = store_stmt(st, SQL_ITEMS_FEED, cause);
	if (stmt == NULL)
		return (-1);
	if (feed_id != 0)
		rc |= sqlite3_bind_int64(stmt, 1, feed_id);
	rc |= store_bind_size(stmt, 2, limit);
	rc |= store_bind_size(stmt, 3, offset);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (store_item_rows(st, stmt, out, n, cause));
}

void
store_items_free(struct store_item *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].link);
		free(v[i].author);
		free(v[i].guid);
	}
	free(v);
}

/* Set one flag of item_id with statement which. */
static int
store_set_flag(struct store *st, enum store_sql which, int64_t item_id,
    int on, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_stmt(st, which, cause)) == NULL)
		return (-1);
	if ((sqlite3_bind_int64(stmt, 1, item_id) |
	    sqlite3_bind_int(stmt, 2, on != 0)) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	if (sqlite3_changes(st->db) == 0) {
		xasprintf(cause, "%s: item %lld no longer exists", st->path,
		    (long long)item_id);
		return (-1);
	}
	return (0);
}

int
store_set_read(struct store *st, int64_t item_id, int read, char **cause)
{
	return (store_set_flag(st, SQL_SET_READ, item_id, read, cause));
}

int
store_set_starred(struct store *st, int64_t item_id, int starred,
    char **cause)
{
	return (store_set_flag(st, SQL_SET_STARRED, item_id, starred, cause));
}

int64_t
store_mark_feed_read(struct store *st, int64_t feed_id, char **cause)
{
	sqlite3_stmt	*stmt;

	if (feed_id == 0)
		stmt = store_stmt(st, SQL_MARK_ALL, cause);
	else
		stmt = store_stmt(st, SQL_MARK_FEED, cause);
	if (stmt == NULL)
		return (-1);
	if (feed_id != 0 && sqlite3_bind_int64(stmt, 1, feed_id) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	return (sqlite3_changes64(st->db));
}

/* Read the search index's watermark and the newest item's id (0 when
 * there are no items), in one snapshot. */
static int
store_fts_state(struct store *st, int64_t *upto, int64_t *newest,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_stmt(st, SQL_FTS_STATE, cause)) == NULL)
		return (-1);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
		xasprintf(cause, "%s: the database is damaged (fts_state has "
		    "no row)", st->path);
		sqlite3_reset(stmt);
		return (-1);
	}
	*upto = sqlite3_column_int64(stmt, 0);
	*newest = sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	return (0);
}

/* Run statement which with two integer parameters. */
static int
store_exec2(struct store *st, enum store_sql which, int64_t a, int64_t b,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_stmt(st, which, cause)) == NULL)
		return (-1);
	if ((sqlite3_bind_int64(stmt, 1, a) |
	    sqlite3_bind_int64(stmt, 2, b)) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (store_run(st, stmt, cause));
}

/* In the open write transaction: index up to limit waiting items (0:
 * all), oldest first, and move the watermark past them; set *left, when
 * left is not NULL, to how many may still wait. */
static int
store_index_locked(struct store *st, size_t limit, size_t *left,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int64_t		 upto, newest, last;

	if (store_fts_state(st, &upto, &newest, cause) != 0)
		return (-1);
	last = newest;
	if (limit != 0 && newest > upto) {
		if ((stmt = store_stmt(st, SQL_FTS_LAST, cause)) == NULL)
			return (-1);
		if ((sqlite3_bind_int64(stmt, 1, upto) |
		    store_bind_size(stmt, 2, limit)) != SQLITE_OK) {
			store_error(st, cause);
			return (-1);
		}
		if (store_run_int(st, stmt, &last, cause) != 0)
			return (-1);
	}
	if (last > upto && (store_exec2(st, SQL_FTS_ADD, upto, last,
	    cause) != 0 || store_exec2(st, SQL_FTS_MARK, upto, last,
	    cause) != 0))
		return (-1);
	/* Ids are handed out in order without gaps, so this is exact
	 * unless items were deleted before being indexed; counting the
	 * rows instead would read every waiting one, at each call. */
	if (left != NULL)
		*left = last > upto ? (size_t)(newest - last) : 0;
	return (0);
}

int
store_index(struct store *st, size_t limit, size_t *left, char **cause)
{
	int64_t		 upto, newest;

	*left = 0;
	/* Most calls find nothing waiting; they need not queue for the
	 * write lock behind a refresh to learn that. */
	if (store_fts_state(st, &upto, &newest, cause) != 0)
		return (-1);
	if (newest <= upto)
		return (0);
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		return (-1);
	/* Again under the lock: another process may have added items or
	 * indexed them since. */
	if (store_index_locked(st, limit, left, cause) != 0) {
		store_rollback(st);
		return (-1);
	}
	return (store_commit(st, cause));
}

/* The terms store_fts_query() takes from the user's text. */
struct store_query {
	char		**terms;
	size_t		 nterms;
	const char	*text;
};

/* Keep one token of the user's text, as the index's tokenizer found it,
 * as a quoted string: a term, never FTS5 syntax. */
static int
store_fts_token(void *arg, int flags, const char *token, int len,
    int start, int end)
{
	struct store_query	*sq = arg;
	struct buf		 t = BUF_INIT;
	int			 i;

	(void)flags;
	(void)token;
	(void)len;
	buf_addch(&t, '"');
	for (i = start; i < end; i++) {
		if (sq->text[i] == '"')
			buf_addch(&t, '"');
		buf_addch(&t, sq->text[i]);
	}
	buf_addch(&t, '"');
	sq->terms = xreallocarray(sq->terms, sq->nterms + 1,
	    sizeof *sq->terms);
	sq->terms[sq->nterms++] = buf_detach(&t, NULL);
	return (SQLITE_OK);
}

/* Free the terms of sq. */
static void
store_query_release(struct store_query *sq)
{
	size_t	 i;

	for (i = 0; i < sq->nterms; i++)
		free(sq->terms[i]);
	free(sq->terms);
	sq->terms = NULL;
	sq->nterms = 0;
}

/* Create the search index's tokenizer for this connection, once. */
static int
store_tokenizer(struct store *st, char **cause)
{
	const char	*args[] = { STORE_TOKENIZER_ARGS };
	sqlite3_stmt	*stmt;
	fts5_api	*api = NULL;
	void		*ctx;

	if (st->tok != NULL)
		return (0);
	if (sqlite3_prepare_v2(st->db, "SELECT fts5(?1)", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr",
	    NULL) == SQLITE_OK)
		sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (api == NULL || api->xFindTokenizer(api, STORE_TOKENIZER, &ctx,
	    &st->tokenizer) != SQLITE_OK || st->tokenizer.xCreate(ctx, args,
	    (int)nitems(args), &st->tok) != SQLITE_OK) {
		st->tok = NULL;
		xasprintf(cause, "%s: this SQLite lacks the FTS5 %s tokenizer",
		    st->path, STORE_TOKENIZER);
		return (-1);
	}
	return (0);
}

/*
 * Turn user text into FTS5 terms that cannot be a syntax error: the
 * index's own tokenizer splits it (quotes, * and parentheses separate
 * words like any punctuation), each word becomes a quoted string (so
 * AND, OR and NEAR are words too) and the last one matches as a prefix,
 * for search as you type. Splitting exactly as the
 * index did matters: a quoted string of two tokens is a phrase, which an
 * index with detail=column cannot answer. Return 1, or 0 when the text
 * has no token, or -1.
 */
static int
store_fts_query(struct store *st, struct store_query *sq, const char *text,
    int prefix, char **cause)
{
	size_t	 len = strlen(text);
	char	*last;

	sq->terms = NULL;
	sq->nterms = 0;
	sq->text = text;
	if (store_tokenizer(st, cause) != 0)
		return (-1);
	if (len > INT_MAX || st->tokenizer.xTokenize(st->tok, sq,
	    FTS5_TOKENIZE_QUERY, text, (int)len, store_fts_token) !=
	    SQLITE_OK) {
		store_query_release(sq);
		xasprintf(cause, "%s: cannot split the search text into words",
		    st->path);
		return (-1);
	}
	if (sq->nterms == 0)
		return (0);
	if (!prefix)
		return (1);
	xasprintf(&last, "%s*", sq->terms[sq->nterms - 1]);
	free(sq->terms[sq->nterms - 1]);
	sq->terms[sq->nterms - 1] = last;
	return (1);
}

int
store_fts_terms(struct store *st, const char *text, int prefix,
    char ***terms, size_t *n, char **cause)
{
	struct store_query	 sq;
	int			 rc;

	rc = store_fts_query(st, &sq, text, prefix, cause);
	*terms = sq.terms;
	*n = sq.nterms;
	if (rc != 1)
		store_query_release(&sq);
	return (rc);
}

/* Catch the search index up for at most STORE_SEARCH_INDEX_MS, batch by
 * batch, so that a search never waits long for it (see the essay). */
static int
store_search_catch_up(struct store *st, char **cause)
{
	double	 until = time_mono() + STORE_SEARCH_INDEX_MS / 1000.0;
	size_t	 left;

	do {
		if (store_index(st, STORE_INDEX_BATCH, &left, cause) != 0)
			return (-1);
	} while (left > 0 && time_mono() < until);
	return (0);
}

int
store_search(struct store *st, const char *query, size_t limit,
    struct store_item **out, size_t *n, char **cause)
{
	struct store_query	 sq;
	sqlite3_stmt		*stmt;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	size_t			 i;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_fts_query(st, &sq, query, 1, cause)) != 1)
		return (rc);
	if (store_search_catch_up(st, cause) != 0) {
		store_query_release(&sq);
		return (-1);
	}
	/* Every word in the item's title or text, or in its full article:
	 * two indexes, so each word is looked up in both. */
	buf_addstr(&sql, "SELECT " STORE_ITEM_COLS " FROM items i WHERE 1");
	for (i = 0; i < sq.nterms; i++)
		buf_addf(&sql, " AND +i.id IN (SELECT rowid FROM items_fts"
		    " WHERE items_fts MATCH ?%zu UNION SELECT rowid FROM"
		    " articles_fts WHERE articles_fts MATCH ?%zu)", i + 1,
		    i + 1);
	if (store_ignore_where(st, &sql, &ps, 0, cause) != 0) {
		buf_release(&sql);
		store_query_release(&sq);
		return (-1);
	}
	buf_addstr(&sql, " ORDER BY i.date DESC, i.id DESC LIMIT :limit");
	rc = sqlite3_prepare_v2(st->db, sql.data, -1, &stmt, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		store_query_release(&sq);
		store_params_release(&ps);
		return (-1);
	}
	rc = SQLITE_OK;
	for (i = 0; i < sq.nterms; i++)
		rc |= sqlite3_bind_text(stmt, (int)i + 1, sq.terms[i], -1,
		    SQLITE_STATIC);
	rc |= store_bind_size(stmt, sqlite3_bind_parameter_index(stmt,
	    ":limit"), limit);
	rc |= store_params_bind(stmt, &ps);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		rc = -1;
	} else
		rc = store_item_rows(st, stmt, out, n, cause);
	sqlite3_finalize(stmt);
	store_query_release(&sq);
	store_params_release(&ps);
	return (rc);
}

/*
 * Queries for the TUI (see store.h), kept together at the end of the
 * file: store_count(), store_page(), store_item_get() and the undoable
 * store_mark_read(). Their SQL depends on the list asked
 * for, so they are prepared per call rather than kept in store_sql[]; a
 * prepare costs tens of microseconds, nothing next to a key press. The
 * feeds of a list go in as one JSON array through json_each(), so one
 * statement serves any number of them.
 */

/* Whether any item carries the killfile's mark, through the partial
 * index items_ignored. */
static int
store_any_ignored(struct store *st)
{
	sqlite3_stmt	*stmt;
	int		 any = 1;

	if (sqlite3_prepare_v2(st->db, "SELECT EXISTS (SELECT 1 FROM items"
	    " WHERE ignored = 1)", -1, &stmt, NULL) != SQLITE_OK)
		return (1);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		any = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return (any);
}

/* Append the killfile's condition: the items it leaves (only == 0) or
 * those it takes (only == 1). Through the mark when the items carry it
 * (nothing at all while no item is marked), else the rules themselves. */
static int
store_ignore_where(struct store *st, struct buf *sql,
    struct store_params *ps, int only, char **cause)
{
	size_t	 i;

	if (st->marked) {
		if (only)
			buf_addstr(sql, " AND i.ignored = 1");
		else if (store_any_ignored(st))
			buf_addstr(sql, " AND i.ignored = 0");
		return (0);
	}
	if (st->nignore == 0) {
		if (only)
			buf_addstr(sql, " AND 0");
		return (0);
	}
	buf_addstr(sql, only ? " AND (" : " AND NOT (");
	for (i = 0; i < st->nignore; i++) {
		if (i > 0)
			buf_addstr(sql, " OR ");
		if (store_filter_sql(st, sql, st->ignore[i], ps, cause) != 0)
			return (-1);
	}
	buf_addch(sql, ')');
	return (0);
}

/* Whether any of q's filters reads the items' text, which a count reads
 * from every item. */
static int
store_filters_scan(const struct store_filter *q)
{
	return ((q->expr != NULL && store_filter_scans(q->expr)) ||
	    (q->narrow != NULL && store_filter_scans(q->narrow)) ||
	    (q->feeds != NULL && q->also != NULL &&
	    store_filter_scans(q->also)));
}

/* Whether q's filters read the items' title, author or link and nothing
 * else of their text: those are answered by a scan of items_feed_list,
 * which holds them, rather than of the rows (see the essay). */
static int
store_filter_indexed(const struct store_filter *q)
{
	if (!store_filters_scan(q))
		return (0);
	return ((q->expr == NULL || !store_filter_reads_rows(q->expr)) &&
	    (q->narrow == NULL || !store_filter_reads_rows(q->narrow)) &&
	    (q->feeds == NULL || q->also == NULL ||
	    !store_filter_reads_rows(q->also)));
}

/* The items a count or a page of q reads: a filter on their text scans
 * items_feed_list (290 ms instead of 20 for 100k items through the
 * unread ones' rows) and sorts what it finds, rather than walk the date
 * order and read the row of every item until a page is full. */
static void
store_filter_from(struct buf *sql, const struct store_filter *q)
{
	buf_addstr(sql, store_filter_indexed(q) ?
	    " FROM items i INDEXED BY items_feed_list WHERE 1" :
	    " FROM items i WHERE 1");
}

/* Append q's conditions. Counts say read = 0, which the partial index
 * items_unread answers without touching the rows; pages say +read = 0,
 * which keeps SQLite walking items_date in list order instead of
 * sorting every unread item to find the first few. A filter's values go
 * to ps. */
static int
store_filter_where(struct store *st, struct buf *sql,
    const struct store_filter *q, int count, struct store_params *ps,
    char **cause)
{
	/* A scan of items_feed_list (store_filter_from()) may still look
	 * up the feeds it wants by their key. */
	ps->ordered = !count && !store_filter_indexed(q);
	if (q->feeds != NULL && q->also != NULL) {
		buf_addstr(sql, " AND (i.feed_id IN"
		    " (SELECT value FROM json_each(:feeds)) OR ");
		if (store_filter_sql(st, sql, q->also, ps, cause) != 0)
			return (-1);
		buf_addch(sql, ')');
	} else if (q->feeds != NULL)
		buf_addstr(sql, " AND i.feed_id IN"
		    " (SELECT value FROM json_each(:feeds))");
	if (q->unread)
		buf_addstr(sql, count ? " AND i.read = 0" : " AND +i.read = 0");
	if (q->starred)
		buf_addstr(sql, " AND i.starred = 1");
	if (q->expr != NULL) {
		buf_addstr(sql, " AND ");
		if (store_filter_sql(st, sql, q->expr, ps, cause) != 0)
			return (-1);
	}
	if (q->narrow != NULL) {
		buf_addstr(sql, " AND ");
		if (store_filter_sql(st, sql, q->narrow, ps, cause) != 0)
			return (-1);
	}
	if (!q->ignored)
		return (store_ignore_where(st, sql, ps, 0, cause));
	return (0);
}

/* Prepare sql and bind the parameters that q, from and ps give it. */
static sqlite3_stmt *
store_filter_prepare(struct store *st, const char *sql,
    const struct store_filter *q, const struct store_item *from,
    const struct store_params *ps, char **cause)
{
	sqlite3_stmt	*stmt;
	struct buf	 ids = BUF_INIT;
	int		 rc = SQLITE_OK, k;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (NULL);
	}
	if (q->feeds != NULL) {
		buf_addch(&ids, '[');
		buf_add_ids(&ids, q->feeds, q->nfeeds);
		buf_addch(&ids, ']');
		rc |= sqlite3_bind_text(stmt,
		    sqlite3_bind_parameter_index(stmt, ":feeds"), ids.data,
		    (int)ids.len, SQLITE_TRANSIENT);
		buf_release(&ids);
	}
	if (from != NULL) {
		rc |= sqlite3_bind_int64(stmt,
		    sqlite3_bind_parameter_index(stmt, ":date"), from->date);
		rc |= sqlite3_bind_int64(stmt,
		    sqlite3_bind_parameter_index(stmt, ":id"), from->id);
		/* The row's key, in case the store lost it: only from a
		 * whole copy of the row (its title is never NULL), and
		 * only in the orders that read one. */
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":title")) > 0)
			rc |= store_bind_text(stmt, k, from->title);
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":author")) > 0)
			rc |= store_bind_text(stmt, k, from->author);
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":feed")) > 0)
			rc |= sqlite3_bind_int64(stmt, k, from->feed_id);
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":read")) > 0)
			rc |= sqlite3_bind_int(stmt, k, !from->unread);
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":starred")) > 0)
			rc |= sqlite3_bind_int(stmt, k, from->starred);
		if (from->title != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":link")) > 0)
			rc |= store_bind_text(stmt, k, from->link);
		if (from->title != NULL && from->guid != NULL &&
		    (k = sqlite3_bind_parameter_index(stmt, ":guid")) > 0)
			rc |= store_bind_text(stmt, k, from->guid);
	}
	if ((k = sqlite3_bind_parameter_index(stmt, ":seed")) > 0)
		rc |= sqlite3_bind_int64(stmt, k, st->seed);
	if (ps != NULL)
		rc |= store_params_bind(stmt, ps);
	if (rc != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (NULL);
	}
	return (stmt);
}

/*
 * Sorting. A list's order is a key, then the date, then the id, so that
 * it is total and a page can start after a row: the row value (key,
 * date, id) is compared with that of the row. Date order is (date, id),
 * the index items_date's, walked backwards for ascending; the SQL of
 * the default order, newest first, is what it was before sorting came.
 * An ascending key keeps equal keys newest first by negating date and
 * id, so that every part of the row value goes one way. The row's key
 * is read by its id (:id), so the caller needs only its date and id.
 * The random order is a key made from the id and the connection's seed
 * (:seed): a shuffle that pages like any other order, and the same
 * until the store is opened again.
 */

/* The random order's key for the item whose id is the SQL id: the id
 * stepped through a large modulus, then squared, which scatters
 * neighbouring ids; every product stays below 2^63. */
static void
store_random_key(struct buf *sql, const char *id)
{
	buf_addf(sql, "((((%s * 40503 + :seed) %% %lld) * ((%s * 40503 +"
	    " :seed) %% %lld)) %% %lld)", id, STORE_RANDOM_MOD, id,
	    STORE_RANDOM_MOD, STORE_RANDOM_MOD);
}

/* The key of sort for the item of alias a. */
static void
store_sort_key(struct buf *sql, int sort, const char *a)
{
	struct buf	 id = BUF_INIT;

	switch (FILTER_SORT_KEY(sort)) {
	case FILTER_SORT_TITLE:
		buf_addf(sql, "%s.title COLLATE NOCASE", a);
		break;
	case FILTER_SORT_AUTHOR:
		buf_addf(sql, "coalesce(%s.author, '') COLLATE NOCASE", a);
		break;
	case FILTER_SORT_FEED:
		/* The dotfile's name of the feed, else its own, else its
		 * URL, as the feeds pane shows it. */
		buf_addf(sql, "(SELECT coalesce(c.title, nullif(f.title,"
		    " ''), f.url) FROM feeds f LEFT JOIN temp.feedconf c"
		    " ON c.url = f.url WHERE f.id = %s.feed_id)"
		    " COLLATE NOCASE", a);
		break;
	case FILTER_SORT_UNREAD:
		buf_addf(sql, "(1 - %s.read)", a);
		break;
	case FILTER_SORT_STARRED:
		buf_addf(sql, "%s.starred", a);
		break;
	case FILTER_SORT_LINK:
		buf_addf(sql, "coalesce(%s.link, '')", a);
		break;
	case FILTER_SORT_GUID:
		buf_addf(sql, "coalesce(%s.guid, '')", a);
		break;
	case FILTER_SORT_RANDOM:
		buf_addf(&id, "%s.id", a);
		store_random_key(sql, id.data);
		buf_release(&id);
		break;
	}
}

/* The key of sort for the row a page starts from when the store no
 * longer has it (a refresh deleted it while it was on the screen): the
 * one the caller's copy of the row carries (:title, :author, :unread,
 * :feed, :link, :guid, bound by store_filter_prepare(); a row carries
 * its guid only when it was read in guid order). Without them, as when
 * only the row's date and id are given, the key is NULL and the page
 * comes back empty. */
static void
store_sort_anchor(struct buf *sql, int sort)
{
	switch (FILTER_SORT_KEY(sort)) {
	case FILTER_SORT_TITLE:
		buf_addstr(sql, ":title COLLATE NOCASE");
		break;
	case FILTER_SORT_AUTHOR:
		buf_addstr(sql, "coalesce(:author, '') COLLATE NOCASE");
		break;
	case FILTER_SORT_FEED:
		buf_addstr(sql, "(SELECT coalesce(c.title, nullif(f.title,"
		    " ''), f.url) FROM feeds f LEFT JOIN temp.feedconf c"
		    " ON c.url = f.url WHERE f.id = :feed) COLLATE NOCASE");
		break;
	case FILTER_SORT_UNREAD:
		buf_addstr(sql, "(1 - :read)");
		break;
	case FILTER_SORT_STARRED:
		buf_addstr(sql, ":starred");
		break;
	case FILTER_SORT_LINK:
		buf_addstr(sql, "coalesce(:link, '')");
		break;
	case FILTER_SORT_GUID:
		buf_addstr(sql, ":guid");	/* a row read in guid order's */
		break;
	case FILTER_SORT_RANDOM:
		store_random_key(sql, ":id");
		break;
	}
}

/* Append the condition that an item comes after (before, with back) the
 * row :date, :id in q's order. */
static void
store_sort_after(struct buf *sql, const struct store_filter *q, int back)
{
	int	 asc = (q->sort & FILTER_SORT_ASC) != 0;
	char	 op = (asc != back) ? '>' : '<';

	if (FILTER_SORT_KEY(q->sort) == FILTER_SORT_DATE ||
	    FILTER_SORT_KEY(q->sort) >= FILTER_SORT__COUNT) {
		buf_addf(sql, " AND (i.date, i.id) %c (:date, :id)", op);
		return;
	}
	buf_addstr(sql, " AND (");
	store_sort_key(sql, q->sort, "i");
	buf_addf(sql, ", %si.date, %si.id) %c (coalesce((SELECT ",
	    asc ? "-" : "", asc ? "-" : "", op);
	store_sort_key(sql, q->sort, "j");
	buf_addstr(sql, " FROM items j WHERE j.id = :id), ");
	store_sort_anchor(sql, q->sort);
	buf_addf(sql, "), %s:date, %s:id)", asc ? "-" : "", asc ? "-" : "");
}

/* Append the ORDER BY of q's order (reversed, with back). */
static void
store_sort_order(struct buf *sql, const struct store_filter *q, int back)
{
	int		 asc = (q->sort & FILTER_SORT_ASC) != 0;
	const char	*dir = (asc != back) ? "ASC" : "DESC";

	buf_addstr(sql, " ORDER BY ");
	if (FILTER_SORT_KEY(q->sort) == FILTER_SORT_DATE ||
	    FILTER_SORT_KEY(q->sort) >= FILTER_SORT__COUNT) {
		buf_addf(sql, "i.date %s, i.id %s", dir, dir);
		return;
	}
	store_sort_key(sql, q->sort, "i");
	buf_addf(sql, " %s, %si.date %s, %si.id %s", dir, asc ? "-" : "",
	    dir, asc ? "-" : "", dir);
}

int
store_count(struct store *st, const struct store_filter *q,
    const struct store_item *before, int64_t *n, char **cause)
{
	sqlite3_stmt		*stmt = NULL;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	int			 rc = -1;

	buf_addstr(&sql, "SELECT count(*)");
	store_filter_from(&sql, q);
	if (store_filter_where(st, &sql, q, 1, &ps, cause) != 0)
		goto out;
	if (before != NULL)
		store_sort_after(&sql, q, 1);
	if ((stmt = store_filter_prepare(st, sql.data, q, before, &ps,
	    cause)) != NULL)
		rc = store_run_int(st, stmt, n, cause);
out:
	sqlite3_finalize(stmt);
	store_params_release(&ps);
	buf_release(&sql);
	return (rc);
}

/* Append the columns of a page of q: STORE_ITEM_COLS, the first
 * highlight rule each row meets and, in guid order, the guid, which
 * places a page after the row should the store lose it (the guid is not
 * in items_feed_list, which the other orders read alone). */
static int
store_page_cols(struct store *st, struct buf *sql,
    const struct store_filter *q, struct store_params *ps, char **cause)
{
	size_t	 i;

	buf_addstr(sql, "SELECT " STORE_ITEM_COLS);
	if (st->nhighlight > 0) {
		buf_addstr(sql, ", CASE");
		for (i = 0; i < st->nhighlight; i++) {
			buf_addstr(sql, " WHEN (");
			if (store_filter_sql(st, sql, st->highlight[i], ps,
			    cause) != 0)
				return (-1);
			buf_addf(sql, ") THEN %zu", i + 1);
		}
		buf_addstr(sql, " ELSE 0 END");
	} else if (FILTER_SORT_KEY(q->sort) == FILTER_SORT_GUID)
		buf_addstr(sql, ", 0");
	if (FILTER_SORT_KEY(q->sort) == FILTER_SORT_GUID)
		buf_addstr(sql, ", i.guid");
	return (0);
}

int
store_page(struct store *st, const struct store_filter *q,
    const struct store_item *from, int backward, size_t skip, size_t limit,
    struct store_item **out, size_t *n, char **cause)
{
	sqlite3_stmt		*stmt = NULL;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	int			 rc = -1;

	*out = NULL;
	*n = 0;
	if (store_page_cols(st, &sql, q, &ps, cause) != 0)
		goto out;
	store_filter_from(&sql, q);
	if (store_filter_where(st, &sql, q, 0, &ps, cause) != 0)
		goto out;
	if (from != NULL)
		store_sort_after(&sql, q, backward);
	store_sort_order(&sql, q, backward);
	buf_addstr(&sql, " LIMIT :limit OFFSET :skip");
	if ((stmt = store_filter_prepare(st, sql.data, q, from, &ps,
	    cause)) == NULL)
		goto out;
	if ((store_bind_size(stmt, sqlite3_bind_parameter_index(stmt,
	    ":limit"), limit) | store_bind_size(stmt,
	    sqlite3_bind_parameter_index(stmt, ":skip"), skip)) !=
	    SQLITE_OK) {
		store_error(st, cause);
		goto out;
	}
	rc = store_item_rows(st, stmt, out, n, cause);
out:
	sqlite3_finalize(stmt);
	store_params_release(&ps);
	buf_release(&sql);
	return (rc);
}

/*
 * A count and a first page in one pass. When q's filters read the items'
 * text, the count reads every item the list may hold, and so does the
 * page, which sorts what it finds (store_filter_from()): a regular
 * expression runs twice on every title. Instead, the count's statement
 * also keeps the ids of the first limit items it finds in date order
 * (filter_top()), and the page is read by them. Other lists, whose page
 * stops after limit rows of the date index or whose order is not the
 * date, take the two statements.
 */
int
store_count_page(struct store *st, const struct store_filter *q,
    size_t limit, int64_t *total, struct store_item **out, size_t *n,
    char **cause)
{
	sqlite3_stmt		*stmt = NULL;
	struct store_filter	 byid = *q;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	char			*ids = NULL;
	int			 key = FILTER_SORT_KEY(q->sort), rc = -1;

	*out = NULL;
	*n = 0;
	if (!store_filters_scan(q) || (key != FILTER_SORT_DATE &&
	    key < FILTER_SORT__COUNT) || limit == 0 || limit > STORE_TOP_MAX) {
		if (store_count(st, q, NULL, total, cause) != 0)
			return (-1);
		return (store_page(st, q, NULL, 0, 0, limit, out, n, cause));
	}
	buf_addf(&sql, "SELECT count(*), filter_top(%zu, i.date, i.id, %d)",
	    limit, (q->sort & FILTER_SORT_ASC) != 0);
	store_filter_from(&sql, q);
	if (store_filter_where(st, &sql, q, 1, &ps, cause) != 0 ||
	    (stmt = store_filter_prepare(st, sql.data, q, NULL, &ps,
	    cause)) == NULL)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_error(st, cause);
		goto out;
	}
	*total = sqlite3_column_int64(stmt, 0);
	ids = store_col_text(stmt, 1);
	sqlite3_finalize(stmt);
	stmt = NULL;
	store_params_release(&ps);
	buf_reset(&sql);
	/* The rows of those ids, in the list's order. */
	if (store_page_cols(st, &sql, q, &ps, cause) != 0)
		goto out;
	buf_addstr(&sql, " FROM items i WHERE i.id IN"
	    " (SELECT value FROM json_each(:ids))");
	store_sort_order(&sql, q, 0);
	byid.feeds = NULL;
	if ((stmt = store_filter_prepare(st, sql.data, &byid, NULL, &ps,
	    cause)) == NULL)
		goto out;
	if (store_bind_text(stmt, sqlite3_bind_parameter_index(stmt, ":ids"),
	    ids != NULL ? ids : "[]") != SQLITE_OK) {
		store_error(st, cause);
		goto out;
	}
	rc = store_item_rows(st, stmt, out, n, cause);
out:
	sqlite3_finalize(stmt);
	store_params_release(&ps);
	buf_release(&sql);
	free(ids);
	return (rc);
}

int
store_set_feeds(struct store *st, char *const *urls, char *const *titles,
    char *const *tags, size_t n, char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 rc = 0;

	if (sqlite3_exec(st->db, "DELETE FROM temp.feedconf", NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO temp.feedconf"
	    " (url, title, tags) VALUES (?1, ?2, ?3)", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	for (i = 0; i < n && rc == 0; i++) {
		if ((store_bind_text(stmt, 1, urls[i]) | store_bind_text(stmt,
		    2, titles[i]) | store_bind_text(stmt, 3, tags[i])) !=
		    SQLITE_OK) {
			store_error(st, cause);
			rc = -1;
		} else
			rc = store_run(st, stmt, cause);
	}
	sqlite3_finalize(stmt);
	return (rc);
}

/* Finalize the cached statement of store_mark_ignored(), made from the
 * rules that are about to change. */
static void
store_mark_forget_stmt(struct store *st)
{
	sqlite3_finalize(st->mark);
	st->mark = NULL;
	store_params_release(&st->mark_ps);
}

/* Set or clear the killfile's mark on the items that where (SQL on i)
 * selects, so that it says what the rules say now; only the items whose
 * mark changes are written. With a feed_id, where is about the items of
 * :feed, and their rules on feed attributes look up that feed alone.
 * The statement for store_mark_incoming, run for every document of a
 * refresh, is prepared once per set of rules and kept. */
static int
store_mark_ignored(struct store *st, const char *where, int64_t feed_id,
    char **cause)
{
	sqlite3_stmt		*stmt = NULL;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, feed_id != 0 };
	size_t			 i;
	int			 keep, rc = -1;

	keep = where == store_mark_incoming;
	if (keep && st->mark != NULL) {
		stmt = st->mark;
		goto run;
	}
	buf_addf(&sql, "UPDATE items AS i SET ignored = 1 - ignored WHERE %s"
	    " AND i.ignored != (CASE WHEN (0", where);
	for (i = 0; i < st->nignore; i++) {
		buf_addstr(&sql, " OR ");
		if (store_filter_sql(st, &sql, st->ignore[i], &ps, cause) != 0)
			goto out;
	}
	buf_addstr(&sql, ") THEN 1 ELSE 0 END)");
	if (sqlite3_prepare_v3(st->db, sql.data, -1, keep ?
	    SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		goto out;
	}
	if (keep) {
		st->mark = stmt;
		st->mark_ps = ps;
		ps = (struct store_params){ NULL, 0, 0, 0 };
	}
run:
	/* Bound each time: a span of age ends now. */
	if (store_params_bind(stmt, keep ? &st->mark_ps : &ps) !=
	    SQLITE_OK || (feed_id != 0 && sqlite3_bind_int64(stmt,
	    sqlite3_bind_parameter_index(stmt, ":feed"), feed_id) !=
	    SQLITE_OK)) {
		store_error(st, cause);
		goto out;
	}
	rc = store_run(st, stmt, cause);
out:
	if (!keep)
		sqlite3_finalize(stmt);
	store_params_release(&ps);
	buf_release(&sql);
	return (rc);
}

/* What the marks were made from: the rules and, when one reads them,
 * the dotfile's titles and tags. */
static int
store_killfile_rules(struct store *st, struct buf *b, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*s;
	size_t		 i;
	int		 feeds = 0, rc;

	for (i = 0; i < st->nignore; i++) {
		buf_addf(b, "%s\n", st->ignore[i]->text);
		feeds |= filter_uses(st->ignore[i], FILTER_TAGS) ||
		    filter_uses(st->ignore[i], FILTER_FEEDTITLE);
	}
	if (!feeds)
		return (0);
	if (sqlite3_prepare_v2(st->db, "SELECT group_concat(url || char(9) ||"
	    " coalesce(title, '') || char(9) || coalesce(tags, ''), char(10))"
	    " FROM (SELECT * FROM temp.feedconf ORDER BY url)", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(stmt, 0);
		buf_addf(b, "feeds:\n%s", s != NULL ? s : "");
	} else
		store_error(st, cause);
	sqlite3_finalize(stmt);
	return (rc == SQLITE_ROW ? 0 : -1);
}

/* Bring every item's mark up to date with the rules, unless they are
 * what the marks were made from. Return 0, or -1 when the file cannot be
 * written (the caller then runs the rules in every query). */
static int
store_killfile_mark(struct store *st, char **cause)
{
	sqlite3_stmt	*stmt;
	struct buf	 rules = BUF_INIT;
	const char	*old;
	int		 same = 0;

	if (store_killfile_rules(st, &rules, cause) != 0)
		return (-1);
	if (sqlite3_prepare_v2(st->db, "SELECT rules FROM killfile", -1,
	    &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		buf_release(&rules);
		return (-1);
	}
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (old = (const char *)sqlite3_column_text(stmt, 0)) != NULL)
		same = strcmp(old, rules.data) == 0;
	sqlite3_finalize(stmt);
	if (same) {
		buf_release(&rules);
		return (0);
	}
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		goto fail;
	if (store_mark_ignored(st, "1", 0, cause) != 0)
		goto fail;
	if (sqlite3_prepare_v2(st->db, "UPDATE killfile SET rules = ?1", -1,
	    &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		goto fail;
	}
	if (sqlite3_bind_text(stmt, 1, rules.data, (int)rules.len,
	    SQLITE_STATIC) != SQLITE_OK || store_run(st, stmt, cause) != 0) {
		sqlite3_finalize(stmt);
		goto fail;
	}
	sqlite3_finalize(stmt);
	buf_release(&rules);
	log_debug("store: %s: killfile marks made again", st->path);
	return (store_commit(st, cause));
fail:
	store_rollback(st);
	buf_release(&rules);
	return (-1);
}

/* Replace *v[0..*nv) by copies of rules[0..n), which their owner may
 * free. */
static void
store_filters_copy(struct filter ***v, size_t *nv,
    const struct filter *const *rules, size_t n)
{
	struct filter	**nw;
	size_t		 i;

	nw = xreallocarray(NULL, n + 1, sizeof *nw);
	for (i = 0; i < n; i++)
		nw[i] = filter_dup(rules[i]);
	for (i = 0; i < *nv; i++)
		filter_free((*v)[i]);
	free(*v);
	*v = nw;
	*nv = n;
}

int
store_set_highlights(struct store *st, const struct filter *const *rules,
    size_t n, char **cause)
{
	(void)cause;
	store_filters_copy(&st->highlight, &st->nhighlight, rules, n);
	return (0);
}

int
store_set_ignore(struct store *st, const struct filter *const *rules,
    size_t n, int mark, char **cause)
{
	char		*why;

	(void)cause;
	store_filters_copy(&st->ignore, &st->nignore, rules, n);
	store_mark_forget_stmt(st);
	st->marked = 0;
	if (!mark)
		return (0);
	/* A file this process cannot write keeps its marks: the rules
	 * then run in every query instead, slower but right. */
	if (store_killfile_mark(st, &why) != 0) {
		log_debug("store: killfile marks: %s", why);
		free(why);
		return (0);
	}
	st->marked = 1;
	return (0);
}

/* Subtract from each feed of v[0..n) its items the killfile leaves out:
 * the counts the triggers keep count every item. */
static int
store_feeds_ignored(struct store *st, struct store_feed *v, size_t n,
    char **cause)
{
	sqlite3_stmt		*stmt = NULL;
	struct buf		 sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	size_t			 i;
	int64_t			 id;
	int			 rc = -1;

	if (st->nignore == 0 && !st->marked)
		return (0);
	buf_addstr(&sql, "SELECT i.feed_id, count(*), sum(i.read = 0)"
	    " FROM items i WHERE 1");
	if (store_ignore_where(st, &sql, &ps, 1, cause) != 0)
		goto out;
	buf_addstr(&sql, " GROUP BY i.feed_id");
	if ((stmt = store_filter_prepare(st, sql.data,
	    &(struct store_filter){ .ignored = 1 }, NULL, &ps, cause)) == NULL)
		goto out;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		for (i = 0; i < n; i++) {
			if (v[i].id != id)
				continue;
			v[i].total -= sqlite3_column_int64(stmt, 1);
			v[i].unread -= sqlite3_column_int64(stmt, 2);
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		rc = -1;
	} else
		rc = 0;
out:
	sqlite3_finalize(stmt);
	store_params_release(&ps);
	buf_release(&sql);
	return (rc);
}

int64_t
store_unread_urls(struct store *st, char *const *urls, size_t n,
    char **cause)
{
	sqlite3_stmt		*stmt;
	struct buf		 list = BUF_INIT, sql = BUF_INIT;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	int64_t			 count;
	size_t			 i;
	int			 rc = -1;

	buf_addch(&list, '[');
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addch(&list, ',');
		buf_add_jsonstr(&list, urls[i]);
	}
	buf_addch(&list, ']');
	/* Less the killfile's unread items in those feeds. */
	buf_addstr(&sql, "SELECT (SELECT coalesce(sum(nunread), 0)"
	    " FROM feeds WHERE url IN (SELECT value FROM json_each(:urls)))");
	if (st->nignore > 0 || st->marked) {
		buf_addstr(&sql, " - (SELECT count(*) FROM items i"
		    " WHERE i.read = 0 AND i.feed_id IN (SELECT id FROM feeds"
		    " WHERE url IN (SELECT value FROM json_each(:urls)))");
		if (store_ignore_where(st, &sql, &ps, 1, cause) != 0)
			goto out;
		buf_addstr(&sql, ")");
	}
	if ((stmt = store_filter_prepare(st, sql.data,
	    &(struct store_filter){ .ignored = 1 }, NULL, &ps, cause)) == NULL)
		goto out;
	if (sqlite3_bind_text(stmt, sqlite3_bind_parameter_index(stmt,
	    ":urls"), list.data, (int)list.len, SQLITE_STATIC) != SQLITE_OK) {
		store_error(st, cause);
		rc = -1;
	} else
		rc = store_run_int(st, stmt, &count, cause);
	sqlite3_finalize(stmt);
out:
	store_params_release(&ps);
	buf_release(&sql);
	buf_release(&list);
	return (rc == 0 ? count : -1);
}

/* Prepare sql, which asks for one item by ?1, with item_id bound. */
static sqlite3_stmt *
store_prepare_item(struct store *st, const char *sql, int64_t item_id,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (NULL);
	}
	if (sqlite3_bind_int64(stmt, 1, item_id) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (NULL);
	}
	return (stmt);
}

int
store_item_enclosures(struct store *st, int64_t item_id, char **json,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*json = NULL;
	if ((stmt = store_prepare_item(st, "SELECT coalesce(enclosures, '[]')"
	    " FROM items WHERE id = ?1", item_id, cause)) == NULL)
		return (-1);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*json = store_col_text(stmt, 0);
	else if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (rc == SQLITE_ROW);
}

int
store_item_enclosure_list(struct store *st, int64_t item_id,
    struct store_enclosure **v, size_t *n, char **cause)
{
	sqlite3_stmt		*stmt;
	struct store_enclosure	*e;
	size_t			 cap = 0;
	int			 rc, found;

	*v = NULL;
	*n = 0;
	/* The item's own row first, so that a gone item is told from one
	 * without enclosures; json_each() then walks its array in order. */
	if ((stmt = store_prepare_item(st, "SELECT e.value ->> '$.url',"
	    " e.value ->> '$.type', coalesce(e.value ->> '$.length', -1),"
	    " coalesce(e.value ->> '$.duration', -1)"
	    " FROM items i LEFT JOIN json_each(CASE WHEN"
	    " json_valid(i.enclosures) THEN i.enclosures END) e"
	    " WHERE i.id = ?1 ORDER BY e.key", item_id, cause)) == NULL)
		return (-1);
	found = 0;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		found = 1;
		if (sqlite3_column_type(stmt, 0) != SQLITE_TEXT)
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 2 : cap * 2;
			*v = xreallocarray(*v, cap, sizeof **v);
		}
		e = &(*v)[(*n)++];
		e->url = store_col_text(stmt, 0);
		e->type = store_col_text(stmt, 1);
		e->length = sqlite3_column_int64(stmt, 2);
		e->duration = sqlite3_column_int64(stmt, 3);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		store_enclosures_free(*v, *n);
		*v = NULL;
		*n = 0;
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (found);
}

void
store_enclosures_free(struct store_enclosure *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].url);
		free(v[i].type);
	}
	free(v);
}

int
store_item_get(struct store *st, int64_t item_id, struct store_body *b,
    char **cause)
{
	sqlite3_stmt	*stmt;
	struct store_item *it = &b->item;
	int		 rc;

	memset(b, 0, sizeof *b);
	if ((stmt = store_prepare_item(st, "SELECT " STORE_ITEM_COLS ","
	    " i.summary, i.content FROM items i WHERE i.id = ?1", item_id,
	    cause)) == NULL)
		return (-1);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		it->id = sqlite3_column_int64(stmt, 0);
		it->feed_id = sqlite3_column_int64(stmt, 1);
		if ((it->title = store_col_text(stmt, 2)) == NULL)
			it->title = xstrdup("");
		it->link = store_col_text(stmt, 3);
		it->author = store_col_text(stmt, 4);
		it->date = sqlite3_column_int64(stmt, 5);
		it->unread = sqlite3_column_int(stmt, 6) == 0;
		it->starred = sqlite3_column_int(stmt, 7) != 0;
		b->summary = store_col_text(stmt, 8);
		b->content = store_col_text(stmt, 9);
		sqlite3_finalize(stmt);
		return (1);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

void
store_body_release(struct store_body *b)
{
	free(b->item.title);
	free(b->item.link);
	free(b->item.author);
	free(b->item.guid);
	free(b->summary);
	free(b->content);
	memset(b, 0, sizeof *b);
}

/* Run one statement of the mark-read undo log with :mark bound and,
 * when q is not NULL, q's feeds; add the rows it changed to *changed. */
static int
store_mark_run(struct store *st, const char *sql,
    const struct store_filter *q, int64_t mark, int64_t *changed,
    char **cause)
{
	static const struct store_filter	 none = { .ignored = 1 };
	sqlite3_stmt			*stmt;
	int				 rc;

	if ((stmt = store_filter_prepare(st, sql, q != NULL ? q : &none, NULL,
	    NULL, cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt,
	    ":mark"), mark) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	rc = store_run(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (rc == 0 && changed != NULL)
		*changed += sqlite3_changes64(st->db);
	return (rc);
}

/* The undo log lives in temp (in memory, this connection only), so it
 * never touches the file other processes share. */
#define STORE_MARKED							\
	"CREATE TEMP TABLE IF NOT EXISTS marked ("			\
	"  mark INTEGER NOT NULL, id INTEGER NOT NULL,"			\
	"  PRIMARY KEY (mark, id)) WITHOUT ROWID"

/* Make sure this connection has its undo log. */
static int
store_marked_table(struct store *st, char **cause)
{
	if (sqlite3_exec(st->db, STORE_MARKED, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	return (0);
}

int
store_mark_begin(struct store *st, int64_t *mark, int64_t *upto,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (store_marked_table(st, cause) != 0)
		return (-1);
	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(mark), 0) + 1,"
	    " (SELECT coalesce(max(id), 0) FROM items) FROM temp.marked", -1,
	    &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	*mark = sqlite3_column_int64(stmt, 0);
	*upto = sqlite3_column_int64(stmt, 1);
	sqlite3_finalize(stmt);
	return (0);
}

/* The ids one step changes, between its statements (temp, in memory). */
#define STORE_MARKSTEP							\
	"CREATE TEMP TABLE IF NOT EXISTS markstep ("			\
	"  id INTEGER PRIMARY KEY)"

int
store_mark_step_read(struct store *st, const struct store_filter *q,
    int64_t mark, int64_t upto, size_t limit, int64_t *changed,
    char **cause)
{
	struct buf		 sql = BUF_INIT;
	struct store_filter	 stq;
	struct store_params	 ps = { NULL, 0, 0, 0 };
	sqlite3_stmt		*stmt;
	int64_t		 n = 0;
	int		 rc;

	if (store_marked_table(st, cause) != 0)
		return (-1);
	if (sqlite3_exec(st->db, STORE_MARKSTEP, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		return (-1);
	if (sqlite3_exec(st->db, "DELETE FROM temp.markstep", NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		goto fail;
	}
	/* Through the partial index items_unread: the rows a step marks
	 * leave it, so the next step finds the next ones at its head. The
	 * unary + keeps SQLite from walking the table by id instead, over
	 * every row marked before (each step slower than the last: 29 s
	 * for 100k items instead of 5). */
	buf_addstr(&sql, "INSERT INTO temp.markstep (id)"
	    " SELECT i.id FROM items i WHERE i.read = 0 AND +i.id <= :upto");
	stq = *q;
	stq.unread = 0;
	if (store_filter_where(st, &sql, &stq, 1, &ps, cause) != 0) {
		buf_release(&sql);
		goto fail;
	}
	buf_addstr(&sql, " LIMIT :limit");
	stmt = store_filter_prepare(st, sql.data, q, NULL, &ps, cause);
	buf_release(&sql);
	store_params_release(&ps);
	if (stmt == NULL)
		goto fail;
	if (sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(stmt,
	    ":upto"), upto) != SQLITE_OK || sqlite3_bind_int64(stmt,
	    sqlite3_bind_parameter_index(stmt, ":limit"), limit == 0 ? -1 :
	    (int64_t)limit) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		goto fail;
	}
	rc = store_run(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (rc != 0)
		goto fail;
	n = sqlite3_changes64(st->db);
	if (store_mark_run(st, "INSERT OR IGNORE INTO temp.marked (mark, id)"
	    " SELECT :mark, id FROM temp.markstep", NULL, mark, NULL,
	    cause) != 0)
		goto fail;
	if (sqlite3_exec(st->db, "UPDATE items SET read = 1 WHERE read = 0"
	    " AND id IN (SELECT id FROM temp.markstep)", NULL, NULL, NULL) !=
	    SQLITE_OK) {
		store_error(st, cause);
		goto fail;
	}
	*changed += sqlite3_changes64(st->db);
	if (store_commit(st, cause) != 0)
		return (-1);
	return (limit != 0 && n == (int64_t)limit);
fail:
	store_rollback(st);
	return (-1);
}

int
store_unmark_step(struct store *st, int64_t mark, int64_t *after,
    size_t limit, int64_t *changed, char **cause)
{
	sqlite3_stmt	*stmt;
	int64_t		 last;
	int		 rc;

	if (store_marked_table(st, cause) != 0)
		return (-1);
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		return (-1);
	if (sqlite3_prepare_v2(st->db, "SELECT max(id) FROM (SELECT id FROM"
	    " temp.marked WHERE mark = ?1 AND id > ?2 ORDER BY id LIMIT ?3)",
	    -1, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		goto fail;
	}
	if (sqlite3_bind_int64(stmt, 1, mark) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, *after) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 3, limit == 0 ? -1 : (int64_t)limit) !=
	    SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		goto fail;
	}
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		goto fail;
	}
	if (sqlite3_column_type(stmt, 0) == SQLITE_NULL) {
		sqlite3_finalize(stmt);
		store_rollback(st);
		return (0);		/* nothing left */
	}
	last = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (sqlite3_prepare_v2(st->db, "UPDATE items SET read = 0"
	    " WHERE read = 1 AND id IN (SELECT id FROM temp.marked"
	    " WHERE mark = ?1 AND id > ?2 AND id <= ?3)", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		goto fail;
	}
	if (sqlite3_bind_int64(stmt, 1, mark) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, *after) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 3, last) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		goto fail;
	}
	rc = store_run(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (rc != 0)
		goto fail;
	*changed += sqlite3_changes64(st->db);
	if (store_commit(st, cause) != 0)
		return (-1);
	*after = last;
	return (1);
fail:
	store_rollback(st);
	return (-1);
}

int
store_mark_read(struct store *st, const struct store_filter *q,
    int64_t *mark, int64_t *changed, char **cause)
{
	int64_t	 m, upto;
	char	*ignored;

	*changed = 0;
	if (store_mark_begin(st, &m, &upto, cause) != 0)
		return (-1);
	if (store_mark_step_read(st, q, m, upto, 0, changed, cause) < 0) {
		if (store_mark_forget(st, m, &ignored) != 0)
			free(ignored);
		return (-1);
	}
	*mark = m;
	return (0);
}

int
store_unmark_read(struct store *st, int64_t mark, int64_t *changed,
    char **cause)
{
	int64_t	 after = 0;

	*changed = 0;
	if (store_unmark_step(st, mark, &after, 0, changed, cause) < 0)
		return (-1);
	return (store_mark_forget(st, mark, cause));
}

int
store_mark_forget(struct store *st, int64_t mark, char **cause)
{
	if (store_marked_table(st, cause) != 0)
		return (-1);
	return (store_mark_run(st, "DELETE FROM temp.marked WHERE mark ="
	    " :mark", NULL, mark, NULL, cause));
}

/* Keep a fetched article while its item exists. */
int
store_article_put(struct store *st, const struct store_article *a,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = store_stmt(st, SQL_ARTICLE_PUT, cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, a->item_id) != SQLITE_OK ||
	    store_bind_text(stmt, 2, a->url) != SQLITE_OK ||
	    store_bind_text(stmt, 3, a->title) != SQLITE_OK ||
	    store_bind_text(stmt, 4, a->byline) != SQLITE_OK ||
	    store_bind_text(stmt, 5, a->site_name) != SQLITE_OK ||
	    store_bind_text(stmt, 6, a->lead_image) != SQLITE_OK ||
	    store_bind_time(stmt, 7, a->published) != SQLITE_OK ||
	    store_bind_text(stmt, 8, a->body != NULL ? a->body : "") !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 9, a->fetched) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	rc = sqlite3_changes(st->db) > 0;
	sqlite3_clear_bindings(stmt);
	return (rc);
}

/* Record a failed fetch of an item's article, keeping an older body. */
int
store_article_failed(struct store *st, int64_t item_id, int64_t when,
    const char *error, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_stmt(st, SQL_ARTICLE_FAILED, cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, item_id) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, when) != SQLITE_OK ||
	    store_bind_text(stmt, 3, error) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	if (store_run(st, stmt, cause) != 0)
		return (-1);
	sqlite3_clear_bindings(stmt);
	return (sqlite3_changes(st->db) > 0);
}

/* Read an item's article row. */
int
store_article_get(struct store *st, int64_t item_id, struct store_article *a,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(a, 0, sizeof *a);
	if ((stmt = store_stmt(st, SQL_ARTICLE_GET, cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, item_id) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		a->item_id = sqlite3_column_int64(stmt, 0);
		a->url = store_col_text(stmt, 1);
		a->title = store_col_text(stmt, 2);
		a->byline = store_col_text(stmt, 3);
		a->site_name = store_col_text(stmt, 4);
		a->lead_image = store_col_text(stmt, 5);
		a->published = store_col_time(stmt, 6);
		a->body = store_col_text(stmt, 7);
		a->fetched = store_col_time(stmt, 8);
		a->tried = sqlite3_column_int64(stmt, 9);
		a->error = store_col_text(stmt, 10);
		sqlite3_reset(stmt);
		return (1);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	sqlite3_reset(stmt);
	return (0);
}

/* Free the strings of an article row. */
void
store_article_release(struct store_article *a)
{
	free(a->url);
	free(a->title);
	free(a->byline);
	free(a->site_name);
	free(a->lead_image);
	free(a->body);
	free(a->error);
	memset(a, 0, sizeof *a);
}

/* The new unread items of a feed whose articles were never tried. */
int
store_articles_wanted(struct store *st, int64_t feed_id, int64_t since,
    size_t limit, int64_t **ids, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((stmt = store_stmt(st, SQL_ARTICLE_WANTED, cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, feed_id) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, since) != SQLITE_OK ||
	    store_bind_size(stmt, 3, limit) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		return (-1);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(stmt, 0);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_reset(stmt);
		free(*ids);
		*ids = NULL;
		*n = 0;
		return (-1);
	}
	sqlite3_reset(stmt);
	return (0);
}

/* The columns of a download, in the order store_download_row() reads. */
#define STORE_DL_COLS	"id, url, path, coalesce(item_id, 0), title, state," \
			" coalesce(size, -1), got, error, added, finished"

/* Fill *d from a row of STORE_DL_COLS. */
static void
store_download_row(sqlite3_stmt *stmt, struct store_download *d)
{
	d->id = sqlite3_column_int64(stmt, 0);
	d->url = store_col_text(stmt, 1);
	d->path = store_col_text(stmt, 2);
	d->item_id = sqlite3_column_int64(stmt, 3);
	d->title = store_col_text(stmt, 4);
	d->state = sqlite3_column_int(stmt, 5);
	d->size = sqlite3_column_int64(stmt, 6);
	d->got = sqlite3_column_int64(stmt, 7);
	d->error = store_col_text(stmt, 8);
	d->added = sqlite3_column_int64(stmt, 9);
	d->finished = store_col_time(stmt, 10);
}

/* Prepare sql, not cached: for statements run now and then (downloads,
 * a sync), which the statement cache would only hold on to. */
sqlite3_stmt *
store_prepare(struct store *st, const char *sql, char **cause)
{
	sqlite3_stmt	*stmt;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (NULL);
	}
	return (stmt);
}

/* Step stmt to its end, collecting its download rows into *v and *n when
 * v is not NULL; finalize it. Return 0, or -1 and set *cause. */
static int
store_download_rows(struct store *st, sqlite3_stmt *stmt,
    struct store_download **v, size_t *n, char **cause)
{
	int	 rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (v == NULL)
			continue;
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		store_download_row(stmt, &(*v)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

int
store_download_add(struct store *st, struct store_download *d, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, ext;

	/* One that failed or was cancelled is queued again, in its own
	 * file. */
	if ((stmt = store_prepare(st, "UPDATE downloads SET state = 0,"
	    " error = NULL, finished = NULL WHERE url = ?1 AND state IN (2, 3)"
	    " RETURNING id, path", cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, d->url) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		d->id = sqlite3_column_int64(stmt, 0);
		free(d->path);
		d->path = store_col_text(stmt, 1);
		sqlite3_finalize(stmt);
		return (1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		return (-1);
	}
	if ((stmt = store_prepare(st, "INSERT INTO downloads (url, path,"
	    " item_id, title, size, added) VALUES (?1, ?2, nullif(?3, 0), ?4,"
	    " nullif(?5, -1), ?6) ON CONFLICT (url) DO NOTHING"
	    " RETURNING id", cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, d->url) != SQLITE_OK ||
	    store_bind_text(stmt, 2, d->path) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 3, d->item_id) != SQLITE_OK ||
	    store_bind_text(stmt, 4, d->title != NULL ? d->title : "") !=
	    SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 5, d->size) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 6, d->added) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		d->id = sqlite3_column_int64(stmt, 0);
		sqlite3_finalize(stmt);
		return (1);
	}
	ext = sqlite3_extended_errcode(st->db);
	sqlite3_finalize(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT && ext == SQLITE_CONSTRAINT_UNIQUE)
		return (2);		/* the path: another enclosure's file */
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		return (-1);
	}
	/* The URL is queued or downloaded already: say where. */
	switch (store_download_find(st, d->url, d, cause)) {
	case -1:
		return (-1);
	case 0:
		xasprintf(cause, "%s: the download vanished", st->path);
		return (-1);
	}
	return (0);
}

int
store_download_find(struct store *st, const char *url,
    struct store_download *d, char **cause)
{
	struct store_download	*v = NULL;
	sqlite3_stmt		*stmt;
	size_t			 n = 0;

	if ((stmt = store_prepare(st, "SELECT " STORE_DL_COLS
	    " FROM downloads WHERE url = ?1", cause)) == NULL)
		return (-1);
	if (store_bind_text(stmt, 1, url) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	if (store_download_rows(st, stmt, &v, &n, cause) != 0) {
		store_downloads_free(v, n);
		return (-1);
	}
	if (n == 0)
		return (0);
	store_download_release(d);
	*d = v[0];
	free(v);
	return (1);
}

int
store_downloads(struct store *st, int64_t after, int queued,
    struct store_download **v, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;

	*v = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, queued ? "SELECT " STORE_DL_COLS
	    " FROM downloads WHERE id > ?1 AND state = 0 ORDER BY id LIMIT 1" :
	    "SELECT " STORE_DL_COLS " FROM downloads WHERE id > ?1"
	    " ORDER BY id", cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, after) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	if (store_download_rows(st, stmt, v, n, cause) != 0) {
		store_downloads_free(*v, *n);
		*v = NULL;
		*n = 0;
		return (-1);
	}
	return (0);
}

/* Write d's state, size, got, error and finished to its row; with
 * queued set, only while the row says queued. Return 1 when written, 0
 * when not (no such row, or not queued), or -1 and set *cause. */
static int
store_download_write(struct store *st, const struct store_download *d,
    int queued, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, queued ? "UPDATE downloads SET"
	    " state = ?2, size = nullif(?3, -1), got = ?4, error = ?5,"
	    " finished = ?6 WHERE id = ?1 AND state = 0" : "UPDATE downloads"
	    " SET state = ?2, size = nullif(?3, -1), got = ?4, error = ?5,"
	    " finished = ?6 WHERE id = ?1", cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, d->id) != SQLITE_OK ||
	    sqlite3_bind_int(stmt, 2, d->state) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 3, d->size) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 4, d->got) != SQLITE_OK ||
	    store_bind_text(stmt, 5, d->error) != SQLITE_OK ||
	    store_bind_time(stmt, 6, d->finished) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	if (store_download_rows(st, stmt, NULL, NULL, cause) != 0)
		return (-1);
	return (sqlite3_changes(st->db) > 0);
}

int
store_download_set(struct store *st, const struct store_download *d,
    char **cause)
{
	return (store_download_write(st, d, 0, cause) < 0 ? -1 : 0);
}

int
store_download_update(struct store *st, const struct store_download *d,
    char **cause)
{
	return (store_download_write(st, d, 1, cause));
}

/* Run stmt, which has ?1 for a download's id and returns its path, to
 * its end: 1 with *path set (when path is not NULL) when it changed a
 * row, 0 when none, or -1 and set *cause. */
static int
store_download_id_step(struct store *st, sqlite3_stmt *stmt, int64_t id,
    char **path, char **cause)
{
	int	 rc;

	if (path != NULL)
		*path = NULL;
	if (sqlite3_bind_int64(stmt, 1, id) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (path != NULL)
			*path = store_col_text(stmt, 0);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			;
		if (rc == SQLITE_DONE) {
			sqlite3_finalize(stmt);
			return (1);
		}
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		if (path != NULL) {
			free(*path);
			*path = NULL;
		}
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

int
store_download_cancel(struct store *st, int64_t id, int64_t now,
    char **path, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, "UPDATE downloads SET state = 3,"
	    " got = 0, error = NULL, finished = ?2 WHERE id = ?1 AND state = 0"
	    " RETURNING path", cause)) == NULL)
		return (-1);
	if (store_bind_time(stmt, 2, now) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	return (store_download_id_step(st, stmt, id, path, cause));
}

int
store_download_retry(struct store *st, int64_t id, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, "UPDATE downloads SET state = 0,"
	    " error = NULL, finished = NULL WHERE id = ?1 AND state IN (2, 3)"
	    " RETURNING path", cause)) == NULL)
		return (-1);
	return (store_download_id_step(st, stmt, id, NULL, cause));
}

int
store_download_forget(struct store *st, int64_t id, char **path,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, "DELETE FROM downloads WHERE id = ?1"
	    " AND state != 0 RETURNING path", cause)) == NULL)
		return (-1);
	return (store_download_id_step(st, stmt, id, path, cause));
}

void
store_download_release(struct store_download *d)
{
	free(d->url);
	free(d->path);
	free(d->title);
	free(d->error);
	memset(d, 0, sizeof *d);
}

void
store_downloads_free(struct store_download *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		store_download_release(&v[i]);
	free(v);
}

int
store_enclosures_new(struct store *st, int64_t feed_id, int64_t since,
    size_t limit, int64_t **ids, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, "SELECT id FROM items"
	    " WHERE feed_id = ?1 AND first_seen >= ?2 AND ignored = 0"
	    " AND json_valid(enclosures) AND json_array_length(enclosures) > 0"
	    " ORDER BY date DESC, id DESC LIMIT ?3", cause)) == NULL)
		return (-1);
	if (sqlite3_bind_int64(stmt, 1, feed_id) != SQLITE_OK ||
	    sqlite3_bind_int64(stmt, 2, since) != SQLITE_OK ||
	    store_bind_size(stmt, 3, limit) != SQLITE_OK) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		free(*ids);
		*ids = NULL;
		*n = 0;
		return (-1);
	}
	return (0);
}

/*
 * Moving in from newsboat: store-nb.c reads its cache.db, and each feed's
 * items go through the same merge as a fetch, in one transaction with the
 * feed's validators and then its read and starred marks (the essay at the
 * top of store-nb.c says why).
 */

/* Set the marks of the entries of f, merged into feed_id just now. */
static int
store_import_marks(struct store *st, int64_t feed_id, const struct feed *f,
    const unsigned char *read, const unsigned char *starred,
    struct store_import *out, char **cause)
{
	sqlite3_stmt	*stmt;
	struct buf	 key = BUF_INIT;
	size_t		 i;
	int		 rc = 0;

	if (sqlite3_prepare_v2(st->db, "UPDATE items SET read = ?, "
	    "starred = ? WHERE feed_id = ? AND key = ?", -1, &stmt,
	    NULL) != SQLITE_OK) {
		store_error(st, cause);
		return (-1);
	}
	for (i = 0; i < f->nentries && rc == 0; i++) {
		if (!read[i] && !starred[i])
			continue;
		store_key(&key, &f->entries[i]);
		if ((sqlite3_bind_int(stmt, 1, read[i]) |
		    sqlite3_bind_int(stmt, 2, starred[i]) |
		    sqlite3_bind_int64(stmt, 3, feed_id) |
		    sqlite3_bind_text(stmt, 4, key.data, (int)key.len,
		    SQLITE_STATIC)) != SQLITE_OK) {
			store_error(st, cause);
			rc = -1;
		} else
			rc = store_run(st, stmt, cause);
		out->read += read[i];
		out->starred += starred[i];
	}
	sqlite3_finalize(stmt);
	buf_release(&key);
	return (rc);
}

/* Bring one feed of newsboat's in; return 1 when it had one, 0 when not. */
static int
store_import_feed(struct store *st, struct store_nb *nb, const char *url,
    int64_t when, struct store_import *out, char **cause)
{
	struct store_nb_feed	 nf;
	struct store_fetch	 fx;
	int64_t			 feed_id;
	int			 rc, nnew;

	if ((rc = store_nb_feed(nb, url, &nf, cause)) != 1)
		return (rc);
	rc = -1;
	if (store_feed_id(st, url, &feed_id, cause) != 0)
		goto out;
	memset(&fx, 0, sizeof fx);
	fx.time = when;
	fx.status = 200;
	fx.etag = nf.etag;
	fx.last_modified = nf.last_modified[0] != '\0' ? nf.last_modified :
	    NULL;
	fx.next = STORE_NOTIME;
	if (store_exec(st, SQL_BEGIN, cause) != 0)
		goto out;
	if (store_fetched(st, feed_id, &fx, cause) != 0 ||
	    store_feed_meta(st, feed_id, when, &nf.f, cause) != 0 ||
	    store_merge(st, feed_id, when, &nf.f, &nnew, cause) != 0 ||
	    store_import_marks(st, feed_id, &nf.f, nf.read, nf.starred, out,
	    cause) != 0) {
		store_rollback(st);
		goto out;
	}
	if (store_commit(st, cause) != 0)
		goto out;
	out->items += nnew;
	rc = 1;
out:
	store_nb_release(&nf);
	return (rc);
}

int
store_import_newsboat(struct store *st, const char *nbpath,
    char *const *urls, size_t n, int64_t when, struct store_import *out,
    char **cause)
{
	struct store_feed	 sf;
	struct store_nb		*nb;
	size_t			 i;
	int			 found, rc = -1;

	memset(out, 0, sizeof *out);
	if ((nb = store_nb_open(nbpath, cause)) == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		if ((found = store_feed_get(st, urls[i], &sf, cause)) < 0)
			goto out;
		if (found) {
			found = sf.last_fetch != STORE_NOTIME;
			store_feed_release(&sf);
			if (found) {
				out->fetched++;
				continue;
			}
		}
		if ((found = store_import_feed(st, nb, urls[i], when, out,
		    cause)) < 0)
			goto out;
		if (found)
			out->feeds++;
	}
	rc = 0;
out:
	store_nb_close(nb);
	return (rc);
}
