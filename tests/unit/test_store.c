/* test_store.c: the SQLite store on real database files in a temporary
 * directory: schema and versions, merging and identity, validators,
 * trimming, counts, paging, search and its lazy index, and two writers
 * at once. The tests look at the file with a second, plain SQLite
 * connection; the index's contents through fts5vocab. */
#include "testlib.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <ftw.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "util.h"

/* Takes a current file back to before schema version 9 (sync), so that a
 * test can make it look older. */
#define UNDO_SYNC							\
	" DROP TRIGGER sync_queue_read; DROP TRIGGER sync_queue_starred;"	\
	" DROP TABLE sync_queue; DROP TABLE sync_quiet; DROP TABLE sync_state;"\
	" DROP INDEX items_remote; ALTER TABLE items DROP COLUMN remote_id;"	\
	" DROP INDEX feeds_sync; ALTER TABLE feeds DROP COLUMN sync;"	\
	" ALTER TABLE feeds DROP COLUMN sync_tag;"

#define T0	1700000000		/* the first fetch of every test */

/* One test's directory, database path and open store. */
struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
};

/* An entry to put in a test feed; NULL fields are absent. */
struct tentry {
	const char	*id;
	const char	*link;
	const char	*title;
	const char	*content;
	int64_t		 published;	/* 0: absent */
};

/* Make a directory and open a store two levels below it. */
static int
setup(void **state)
{
	struct fixture	*fx;
	char		*cause = NULL;

	fx = xcalloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test-store-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		fail_msg("mkdtemp failed");
	xasprintf(&fx->path, "%s/data/tidings/tidings.db", fx->dir);
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	*state = fx;
	return (0);
}

static int64_t	 q_int(const char *, const char *);

/* Close the store and remove its directory; whatever the test did, the
 * counts the triggers keep are the counts of the items. */
static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	if (fx->st != NULL)
		assert_int_equal(q_int(fx->path, "SELECT count(*) FROM feeds f"
		    " WHERE nitems != (SELECT count(*) FROM items"
		    "   WHERE feed_id = f.id)"
		    " OR nunread != (SELECT count(*) FROM items"
		    "   WHERE feed_id = f.id AND read = 0)"), 0);
	store_close(fx->st);
	rm_tree(fx->dir);
	free(fx->path);
	free(fx);
	return (0);
}

/* qsort order for an array of strings. */
static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Fill f with n entries made from v. */
static void
make_feed(struct feed *f, const struct tentry *v, size_t n)
{
	struct feed_entry	*e;
	size_t			 i;

	memset(f, 0, sizeof *f);
	f->title = xstrdup("Test feed");
	f->link = xstrdup("http://example.org/");
	f->updated = FEED_NODATE;
	f->entries = xcalloc(n + 1, sizeof *f->entries);
	f->nentries = n;
	for (i = 0; i < n; i++) {
		e = &f->entries[i];
		e->id = dup_or_null(v[i].id);
		e->link = dup_or_null(v[i].link);
		e->title = dup_or_null(v[i].title);
		e->content = dup_or_null(v[i].content);
		e->published = v[i].published != 0 ? v[i].published :
		    FEED_NODATE;
		e->updated = FEED_NODATE;
	}
}

/* Free what make_feed() and the tests put in f. */
static void
clear_feed(struct feed *f)
{
	size_t	 i, j;

	for (i = 0; i < f->nentries; i++) {
		free(f->entries[i].id);
		free(f->entries[i].link);
		free(f->entries[i].title);
		free(f->entries[i].author);
		free(f->entries[i].summary);
		free(f->entries[i].content);
		for (j = 0; j < f->entries[i].nenclosures; j++) {
			free(f->entries[i].enclosures[j].url);
			free(f->entries[i].enclosures[j].type);
		}
		free(f->entries[i].enclosures);
		for (j = 0; j < f->entries[i].ncategories; j++)
			free(f->entries[i].categories[j]);
		free(f->entries[i].categories);
		free(f->entries[i].lang);
	}
	free(f->entries);
	free(f->title);
	free(f->link);
	free(f->image);
	free(f->description);
	free(f->language);
}

/* A successful fetch at time t. */
static struct store_fetch
ok_fetch(int64_t t)
{
	struct store_fetch	 fx;

	memset(&fx, 0, sizeof fx);
	fx.time = t;
	fx.status = 200;
	fx.next = STORE_NOTIME;
	return (fx);
}

/* Store a successful fetch of v[0..n) at time t; return the new count. */
static int
fetch(struct store *st, int64_t feed_id, int64_t t, const struct tentry *v,
    size_t n, int64_t max_items, int64_t retention)
{
	struct store_fetch	 fx = ok_fetch(t);
	struct feed		 f;
	char			*cause = NULL;
	int			 nnew = -1;

	make_feed(&f, v, n);
	if (store_update(st, feed_id, &fx, &f, max_items, retention, &nnew,
	    &cause) != 0)
		fail_msg("store_update: %s", cause);
	clear_feed(&f);
	return (nnew);
}

static int64_t
feed_id(struct store *st, const char *url)
{
	char	*cause = NULL;
	int64_t	 id;

	if (store_feed_id(st, url, &id, &cause) != 0)
		fail_msg("store_feed_id: %s", cause);
	return (id);
}

/* The first column of the first row of sql, asked of path directly. */
static int64_t
q_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	int64_t		 v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return (v);
}

/* Like q_int, for text; the caller frees. "(null)" for NULL. */
static char *
q_text(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	const char	*s;
	char		*v = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(stmt, 0);
		v = xstrdup(s != NULL ? s : "(null)");
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return (v != NULL ? v : xstrdup("(no row)"));
}

/* Run sql on path directly, as another program would. */
static void
q_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	char	*err = NULL;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		fail_msg("open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

static void
assert_q_text(const char *path, const char *sql, const char *want)
{
	char	*got = q_text(path, sql);

	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", sql, got, want);
	free(got);
}

/* The first column of the first row of sql, asked of path with the
 * search index's contents as the fts5vocab table temp.v (term, doc, col). */
static int64_t
fts_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	int64_t		 n = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING "
	    "fts5vocab(main, items_fts, instance)", NULL, NULL,
	    NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return (n);
}

/* What the search index holds, as sorted "guid:column:term" words (a row
 * the items table no longer has shows as "#id"), read through fts5vocab;
 * the caller frees. A contentless table's integrity-check cannot compare
 * the index with the text, this can. */
static char *
fts_dump(const char *path)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	char		*v = NULL;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		fail_msg("open %s: %s", path, sqlite3_errmsg(db));
	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.v USING "
	    "fts5vocab(main, items_fts, instance)", NULL, NULL,
	    NULL) != SQLITE_OK || sqlite3_prepare_v2(db,
	    "SELECT coalesce(group_concat(x, ' '), '') FROM"
	    " (SELECT DISTINCT coalesce(i.guid, '#' || v.doc) || ':' ||"
	    "  v.col || ':' || v.term AS x FROM temp.v v"
	    "  LEFT JOIN items i ON i.id = v.doc ORDER BY x)", -1, &stmt,
	    NULL) != SQLITE_OK)
		fail_msg("fts5vocab: %s", sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(stmt, 0));
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return (v != NULL ? v : xstrdup("(no row)"));
}

/* The search index passes its own check (which, the table being
 * contentless, looks at its structure only). */
static void
fts_check(const char *path)
{
	q_exec(path, "INSERT INTO items_fts (items_fts) "
	    "VALUES ('integrity-check')");
}

/* The search index holds exactly want, and passes its own check. */
static void
assert_fts(const char *path, const char *want)
{
	char	*got = fts_dump(path);

	if (strcmp(got, want) != 0)
		fail_msg("index: got \"%s\", want \"%s\"", got, want);
	free(got);
	fts_check(path);
}

/* The titles that a search for query finds, sorted, space-separated; the
 * caller frees. */
static char *
found(struct store *st, const char *query)
{
	struct store_item	*items;
	struct buf		 b = BUF_INIT;
	char			*cause = NULL, **titles;
	size_t			 i, n;

	if (store_search(st, query, 1000, &items, &n, &cause) != 0)
		fail_msg("search \"%s\": %s", query, cause);
	titles = xreallocarray(NULL, n + 1, sizeof *titles);
	for (i = 0; i < n; i++)
		titles[i] = items[i].title;
	qsort(titles, n, sizeof *titles, cmp_str);
	for (i = 0; i < n; i++) {
		if (i != 0)
			buf_addch(&b, ' ');
		buf_addstr(&b, titles[i]);
	}
	free(titles);
	store_items_free(items, n);
	return (buf_detach(&b, NULL));
}

/* A search for query finds the items titled want (sorted). */
static void
assert_found(struct store *st, const char *query, const char *want)
{
	char	*got = found(st, query);

	if (strcmp(got, want) != 0)
		fail_msg("search \"%s\": got \"%s\", want \"%s\"", query,
		    got, want);
	free(got);
}

/* Make the fresh store's search index lag, as a database that an older
 * tidings refreshed (or an import filled) leaves it: items stored from
 * now on wait for store_index() or a search. Only for an empty index: a
 * watermark moved back would index rows twice. */
static void
backlog(struct fixture *fx)
{
	q_exec(fx->path, "UPDATE fts_state SET upto = -1");
}

/* Index up to limit items; return what store_index() says is left. */
static size_t
index_some(struct store *st, size_t limit)
{
	char	*cause = NULL;
	size_t	 left = 12345;

	if (store_index(st, limit, &left, &cause) != 0)
		fail_msg("store_index: %s", cause);
	return (left);
}

/* A new file gets the current schema in WAL mode; opening it again changes
 * nothing. */
static void
test_open_creates_and_reopens(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 id;

	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_q_text(fx->path, "PRAGMA journal_mode", "wal");
	assert_int_equal(q_int(fx->path, "PRAGMA page_size"), 16384);
	id = feed_id(fx->st, "http://example.org/a");
	assert_int_equal(fetch(fx->st, id, T0,
	    (struct tentry[]){ { "a", NULL, "A", NULL, 0 } }, 1, 0, 0), 1);

	/* Opening again migrates nothing and keeps everything. */
	store_close(fx->st);
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("reopen: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(feed_id(fx->st, "http://example.org/a"), id);
	assert_int_equal(store_unread(fx->st, 0, &cause), 1);
}

/* store_update() of several feeds in one batch: all or nothing. */
static void
test_store_batch(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 a, b;

	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(fx->st, "http://example.org/b");
	assert_int_equal(store_batch(fx->st, &cause), 0);
	assert_int_equal(fetch(fx->st, a, T0, (struct tentry[]){
	    { "a1", NULL, "A1", NULL, 0 } }, 1, 0, 0), 1);
	assert_int_equal(fetch(fx->st, b, T0, (struct tentry[]){
	    { "b1", NULL, "B1", NULL, 0 } }, 1, 0, 0), 1);
	/* Nothing is written until the batch ends. */
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 0);
	assert_int_equal(store_batch_end(fx->st, 1, &cause), 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 2);
	/* Rolled back: neither feed's items. */
	assert_int_equal(store_batch(fx->st, &cause), 0);
	assert_int_equal(fetch(fx->st, a, T0 + 1, (struct tentry[]){
	    { "a2", NULL, "A2", NULL, 0 } }, 1, 0, 0), 1);
	assert_int_equal(fetch(fx->st, b, T0 + 1, (struct tentry[]){
	    { "b2", NULL, "B2", NULL, 0 } }, 1, 0, 0), 1);
	assert_int_equal(store_batch_end(fx->st, 0, &cause), 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 2);
	assert_int_equal(store_unread(fx->st, 0, &cause), 2);
	/* And the store goes on as before. */
	assert_int_equal(fetch(fx->st, a, T0 + 2, (struct tentry[]){
	    { "a3", NULL, "A3", NULL, 0 } }, 1, 0, 0), 1);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 3);
}

/* How far a server's new articles were read (schema 12): a store of
 * schema 11 starts from the highest article id it holds of each server,
 * as its syncs did; then only store_sync_set_upto() moves it. */
static void
test_sync_upto(void **state)
{
	struct fixture		*fx = *state;
	struct store_sync_feed	 sf = { 3, "Three", NULL };
	char			*cause = NULL;
	int64_t			 feed, upto;
	const char		*a = "ttrss:a@http://x/api/";
	const char		*b = "ttrss:b@http://x/api/";

	if (store_sync_feeds(fx->st, a, &sf, 1, &feed, &cause) != 0)
		fail_msg("store_sync_feeds: %s", cause);
	assert_int_equal(fetch(fx->st, feed, T0, (struct tentry[]){
	    { "tidings-sync:42", NULL, "A", NULL, 0 },
	    { "tidings-sync:7", NULL, "B", NULL, 0 } }, 2, 0, 0), 2);
	assert_int_equal(store_sync_done(fx->st, a, T0, T0, &cause), 0);
	assert_int_equal(store_sync_upto(fx->st, a, &upto, &cause), 0);
	assert_int_equal(upto, 0);
	store_close(fx->st);
	q_exec(fx->path, "ALTER TABLE sync_state DROP COLUMN upto;"
	    " PRAGMA user_version = 11");
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(store_sync_upto(fx->st, a, &upto, &cause), 0);
	assert_int_equal(upto, 42);
	assert_int_equal(store_sync_upto(fx->st, b, &upto, &cause), 0);
	assert_int_equal(upto, 0);
	assert_int_equal(store_sync_set_upto(fx->st, a, 50, &cause), 0);
	assert_int_equal(store_sync_set_upto(fx->st, b, 9, &cause), 0);
	assert_int_equal(store_sync_upto(fx->st, a, &upto, &cause), 0);
	assert_int_equal(upto, 50);
	assert_int_equal(store_sync_upto(fx->st, b, &upto, &cause), 0);
	assert_int_equal(upto, 9);
	/* The sync's times stay as they were. */
	assert_int_equal(q_int(fx->path, "SELECT last FROM sync_state"
	    " WHERE server = 'ttrss:a@http://x/api/'"), T0);
}

/* A database from a newer tidings is refused and left as it is. */
static void
test_open_refuses_newer_schema(void **state)
{
	struct fixture	*fx = *state;
	struct store	*st;
	char		*cause = NULL;

	store_close(fx->st);
	fx->st = NULL;
	q_exec(fx->path, "PRAGMA user_version = 99");
	assert_null(st = store_open(fx->path, &cause));
	assert_non_null(strstr(cause, "newer"));
	assert_non_null(strstr(cause, fx->path));
	free(cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 99);
}

/* Files that are not tidings databases are refused and left as they are. */
static void
test_open_refuses_other_files(void **state)
{
	static const char	 text[] = "feed http://example.org/\n"
	    "This is a config file, not a database.\n";
	struct fixture		*fx = *state;
	struct buf		 after = BUF_INIT;
	char			*path, *cause = NULL;

	xasprintf(&path, "%s/config", fx->dir);
	spew(path, text, sizeof text - 1);
	assert_null(store_open(path, &cause));
	assert_non_null(strstr(cause, "not a database"));
	free(cause);
	slurp(path, &after);
	assert_int_equal(after.len, sizeof text - 1);
	assert_memory_equal(after.data, text, after.len);
	buf_release(&after);
	free(path);

	/* Another program's database gets no tables of ours. */
	xasprintf(&path, "%s/other.db", fx->dir);
	q_exec(path, "CREATE TABLE notes (body TEXT)");
	assert_null(store_open(path, &cause));
	assert_non_null(strstr(cause, "not a tidings database"));
	free(cause);
	assert_int_equal(q_int(path, "SELECT count(*) FROM sqlite_schema"), 1);
	free(path);

	/* A directory where the file should be. */
	assert_null(store_open(fx->dir, &cause));
	assert_non_null(strstr(cause, fx->dir));
	free(cause);
}

/* Feed rows: insert-or-get, lookup, the outcome of a fetch. */
static void
test_feed_rows(void **state)
{
	struct fixture		*fx = *state;
	struct store_feed	 sf;
	struct store_fetch	 ok = ok_fetch(T0);
	char			*cause = NULL;
	int64_t			 a, b;
	int			 nnew;

	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(fx->st, "http://example.org/b");
	assert_true(a != b);
	assert_int_equal(feed_id(fx->st, "http://example.org/a"), a);
	assert_int_equal(store_feed_get(fx->st, "http://example.org/none",
	    &sf, &cause), 0);

	assert_int_equal(store_feed_get(fx->st, "http://example.org/a", &sf,
	    &cause), 1);
	assert_int_equal(sf.id, a);
	assert_null(sf.title);
	assert_int_equal(sf.last_fetch, STORE_NOTIME);
	assert_int_equal(sf.next_fetch, STORE_NOTIME);
	store_feed_release(&sf);

	ok.next = T0 + 3600;
	ok.redirect = "http://example.org/moved";
	assert_int_equal(store_update(fx->st, a, &ok, NULL, 0, 0, &nnew,
	    &cause), 0);
	assert_int_equal(store_feed_get(fx->st, "http://example.org/a", &sf,
	    &cause), 1);
	assert_int_equal(sf.last_fetch, T0);
	assert_int_equal(sf.next_fetch, T0 + 3600);
	assert_int_equal(sf.status, 200);
	assert_string_equal(sf.redirect, "http://example.org/moved");
	store_feed_release(&sf);

	/* A feed that is not there is an error, not a silent no-op. */
	assert_int_equal(store_update(fx->st, 999, &ok, NULL, 0, 0, &nnew,
	    &cause), -1);
	assert_non_null(strstr(cause, "999"));
	free(cause);
}

/* Two fetches of one feed and what must be stored after them. */
static const struct {
	const char	*name;
	struct tentry	 first[3];
	size_t		 nfirst;
	struct tentry	 second[3];
	size_t		 nsecond;
	int		 new1, new2;	/* new items each fetch reports */
	int64_t		 items;		/* rows at the end */
} merge_cases[] = {
	{ "same guid, new link and title",
	    { { "g1", "http://a/1", "One", "x", 0 } }, 1,
	    { { "g1", "http://a/1b", "One!", "x", 0 } }, 1, 1, 0, 1 },
	{ "same link, no guid",
	    { { NULL, "http://a/1", "One", "x", 0 } }, 1,
	    { { NULL, "http://a/1", "One, edited", "y", 0 } }, 1, 1, 0, 1 },
	{ "same title and content, no guid or link",
	    { { NULL, NULL, "One", "<p>x</p>", 0 } }, 1,
	    { { NULL, NULL, "One", "<p>x</p>", 0 } }, 1, 1, 0, 1 },
	{ "other content, no guid or link, is another item",
	    { { NULL, NULL, "One", "x", 0 } }, 1,
	    { { NULL, NULL, "One", "y", 0 } }, 1, 1, 1, 2 },
	{ "a guid equal to another item's link",
	    { { NULL, "http://a/1", "By link", NULL, 0 } }, 1,
	    { { "http://a/1", NULL, "By guid", NULL, 0 } }, 1, 1, 1, 2 },
	{ "one entry twice in one document",
	    { { "g1", NULL, "One", NULL, 0 }, { "g1", NULL, "One", NULL, 0 },
	      { "g2", NULL, "Two", NULL, 0 } }, 3,
	    { { "g2", NULL, "Two", NULL, 0 } }, 1, 2, 0, 2 },
	{ "empty guid falls back to the link",
	    { { "", "http://a/1", "One", NULL, 0 } }, 1,
	    { { NULL, "http://a/1", "One", NULL, 0 } }, 1, 1, 0, 1 },
};

/* Each row of merge_cases: two fetches store the expected items. */
static void
test_merge_identity(void **state)
{
	struct fixture	*fx = *state;
	char		 url[64];
	int64_t		 id, n;
	size_t		 i;
	int		 got1, got2;
	char		*cause = NULL;

	for (i = 0; i < nitems(merge_cases); i++) {
		snprintf(url, sizeof url, "http://example.org/%zu", i);
		id = feed_id(fx->st, url);
		got1 = fetch(fx->st, id, T0, merge_cases[i].first,
		    merge_cases[i].nfirst, 0, 0);
		got2 = fetch(fx->st, id, T0 + 60, merge_cases[i].second,
		    merge_cases[i].nsecond, 0, 0);
		n = store_unread(fx->st, id, &cause);
		if (got1 != merge_cases[i].new1 ||
		    got2 != merge_cases[i].new2 || n != merge_cases[i].items)
			fail_msg("%s: new %d then %d, %lld items; want %d, %d, "
			    "%lld", merge_cases[i].name, got1, got2,
			    (long long)n, merge_cases[i].new1,
			    merge_cases[i].new2,
			    (long long)merge_cases[i].items);
	}
}

/* A refetch updates edited items in place and keeps read and starred. */
static void
test_refetch_keeps_state(void **state)
{
	static const struct tentry	 v1[] = {
		{ "1", NULL, "First", "<p>old text</p>", T0 - 300 },
		{ "2", NULL, "Second", "text", T0 - 200 },
		{ "3", NULL, "Third", "text", T0 - 100 },
	};
	static const struct tentry	 v2[] = {
		{ "1", NULL, "First, corrected", "<p>new text</p>", T0 - 300 },
		{ "2", NULL, "Second, corrected", "text", T0 - 200 },
		{ "3", NULL, "Third", "text", T0 - 100 },
		{ "4", NULL, "Fourth", "text", T0 - 50 },
	};
	struct fixture		*fx = *state;
	struct store_item	*items;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 id;

	id = feed_id(fx->st, "http://example.org/a");
	assert_int_equal(fetch(fx->st, id, T0, v1, 3, 0, 0), 3);
	assert_int_equal(store_items(fx->st, id, 0, 10, &items, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(items[2].title, "First");
	assert_int_equal(store_set_read(fx->st, items[2].id, 1, &cause), 0);
	assert_int_equal(store_set_starred(fx->st, items[1].id, 1, &cause), 0);
	store_items_free(items, n);

	assert_int_equal(fetch(fx->st, id, T0 + 600, v2, 4, 0, 0), 1);
	assert_int_equal(store_items(fx->st, id, 0, 10, &items, &n, &cause), 0);
	assert_int_equal(n, 4);
	assert_string_equal(items[3].title, "First, corrected");
	assert_false(items[3].unread);
	assert_string_equal(items[2].title, "Second, corrected");
	assert_true(items[2].starred);
	assert_true(items[2].unread);
	assert_true(items[0].unread);
	store_items_free(items, n);
	assert_int_equal(store_unread(fx->st, id, &cause), 3);
	assert_int_equal(q_int(fx->path, "SELECT first_seen FROM items "
	    "WHERE guid = '1'"), T0);
	assert_int_equal(q_int(fx->path, "SELECT last_seen FROM items "
	    "WHERE guid = '1'"), T0 + 600);
	assert_int_equal(q_int(fx->path, "SELECT first_seen FROM items "
	    "WHERE guid = '4'"), T0 + 600);

	/* The index follows the edit. */
	assert_int_equal(store_search(fx->st, "old", 10, &items, &n, &cause),
	    0);
	assert_int_equal(n, 0);
	assert_int_equal(store_search(fx->st, "new text", 10, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(items[0].title, "First, corrected");
	store_items_free(items, n);
}

/* Every field of an entry is stored; enclosures and categories as JSON. */
static void
test_item_fields(void **state)
{
	struct fixture		*fx = *state;
	struct store_fetch	 ok = ok_fetch(T0);
	struct feed		 f;
	struct feed_entry	*e;
	char			*cause = NULL;
	int64_t			 id;
	int			 nnew;

	id = feed_id(fx->st, "http://example.org/a");
	make_feed(&f, (struct tentry[]){ { "1", "http://a/1", NULL, NULL, 0 },
	    { "2", NULL, "Two", NULL, 0 } }, 2);
	e = &f.entries[0];
	e->author = xstrdup("Ana");
	e->summary = xstrdup("<b>sum</b>");
	e->updated = T0 - 5;
	e->nenclosures = 1;
	e->enclosures = xcalloc(1, sizeof *e->enclosures);
	e->enclosures[0].url = xstrdup("http://a/ep1.mp3");
	e->enclosures[0].type = xstrdup("audio/mpeg");
	e->enclosures[0].length = 1234;
	e->enclosures[0].duration = 3723;
	e->ncategories = 2;
	e->categories = xcalloc(2, sizeof *e->categories);
	e->categories[0] = xstrdup("news");
	e->categories[1] = xstrdup("say \"hi\"");
	e->lang = xstrdup("en-GB");
	f.updated = T0 - 1;
	f.image = xstrdup("http://example.org/icon.png");
	assert_int_equal(store_update(fx->st, id, &ok, &f, 0, 0, &nnew,
	    &cause), 0);
	clear_feed(&f);

	assert_q_text(fx->path, "SELECT title FROM feeds", "Test feed");
	assert_q_text(fx->path, "SELECT image FROM feeds",
	    "http://example.org/icon.png");
	assert_int_equal(q_int(fx->path, "SELECT updated FROM feeds"), T0 - 1);
	assert_q_text(fx->path, "SELECT lang FROM items WHERE guid = '1'",
	    "en-GB");
	assert_q_text(fx->path, "SELECT lang FROM items WHERE guid = '2'",
	    "(null)");
	assert_q_text(fx->path, "SELECT key FROM items WHERE guid = '1'",
	    "id:1");
	assert_q_text(fx->path, "SELECT title FROM items WHERE guid = '1'",
	    "");
	assert_q_text(fx->path, "SELECT author FROM items WHERE guid = '1'",
	    "Ana");
	assert_q_text(fx->path, "SELECT enclosures FROM items WHERE guid = '1'",
	    "[{\"url\":\"http://a/ep1.mp3\",\"type\":\"audio/mpeg\","
	    "\"length\":1234,\"duration\":3723}]");
	assert_q_text(fx->path, "SELECT categories FROM items WHERE guid = '1'",
	    "[\"news\",\"say \\\"hi\\\"\"]");
	assert_q_text(fx->path, "SELECT enclosures FROM items WHERE guid = '2'",
	    "(null)");
	/* The date falls back from published to updated to first seen. */
	assert_int_equal(q_int(fx->path,
	    "SELECT date FROM items WHERE guid = '1'"), T0 - 5);
	assert_int_equal(q_int(fx->path,
	    "SELECT date FROM items WHERE guid = '2'"), T0);
}

/* Enclosures come back whole and in order, with their durations; those
 * stored before durations were kept read as unknown. */
static void
test_enclosure_list(void **state)
{
	struct fixture		*fx = *state;
	struct store_fetch	 ok = ok_fetch(T0);
	struct store_enclosure	*v;
	struct feed		 f;
	struct feed_entry	*e;
	char			*cause = NULL, *sql;
	int64_t			 id, item;
	size_t			 n;
	int			 nnew;

	id = feed_id(fx->st, "http://example.org/a");
	make_feed(&f, (struct tentry[]){ { "1", "http://a/1", "One", NULL, 0 },
	    { "2", "http://a/2", "Two", NULL, 0 } }, 2);
	e = &f.entries[0];
	e->nenclosures = 2;
	e->enclosures = xcalloc(2, sizeof *e->enclosures);
	e->enclosures[0].url = xstrdup("http://a/ep1.mp3");
	e->enclosures[0].type = xstrdup("audio/mpeg");
	e->enclosures[0].length = 27000000;
	e->enclosures[0].duration = 3723;
	e->enclosures[1].url = xstrdup("http://a/\"odd\".ogg");
	e->enclosures[1].type = NULL;
	e->enclosures[1].length = -1;
	e->enclosures[1].duration = -1;
	assert_int_equal(store_update(fx->st, id, &ok, &f, 0, 0, &nnew,
	    &cause), 0);
	clear_feed(&f);

	item = q_int(fx->path, "SELECT id FROM items WHERE guid = '1'");
	assert_int_equal(store_item_enclosure_list(fx->st, item, &v, &n,
	    &cause), 1);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].url, "http://a/ep1.mp3");
	assert_string_equal(v[0].type, "audio/mpeg");
	assert_int_equal(v[0].length, 27000000);
	assert_int_equal(v[0].duration, 3723);
	assert_string_equal(v[1].url, "http://a/\"odd\".ogg");
	assert_null(v[1].type);
	assert_int_equal(v[1].length, -1);
	assert_int_equal(v[1].duration, -1);
	store_enclosures_free(v, n);

	/* An item without enclosures has none; a gone one is told apart. */
	item = q_int(fx->path, "SELECT id FROM items WHERE guid = '2'");
	assert_int_equal(store_item_enclosure_list(fx->st, item, &v, &n,
	    &cause), 1);
	assert_int_equal(n, 0);
	assert_null(v);
	assert_int_equal(store_item_enclosure_list(fx->st, 999999, &v, &n,
	    &cause), 0);
	assert_int_equal(n, 0);

	/* A row written before durations were kept. */
	xasprintf(&sql, "UPDATE items SET enclosures = '[{\"url\":\"http://a/"
	    "old.mp3\",\"type\":\"audio/mpeg\",\"length\":5}]' WHERE id = %lld",
	    (long long)item);
	q_exec(fx->path, sql);
	free(sql);
	assert_int_equal(store_item_enclosure_list(fx->st, item, &v, &n,
	    &cause), 1);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].url, "http://a/old.mp3");
	assert_int_equal(v[0].length, 5);
	assert_int_equal(v[0].duration, -1);
	store_enclosures_free(v, n);
}

/* Entries without guid or link are known by a stable hash. */
static void
test_hash_identity_key(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 id;

	/* The key is FNV-1a 64 of "T\nC", pinned here: another hash
	 * would make every such item new again. */
	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, (struct tentry[]){ { NULL, NULL, "T", "C", 0 },
	    { NULL, "http://a/l", "T", "C", 0 } }, 2, 0, 0);
	assert_q_text(fx->path, "SELECT key FROM items WHERE link IS NULL",
	    "hash:6bb1b719e0ffab98");
	assert_q_text(fx->path, "SELECT key FROM items WHERE link IS NOT NULL",
	    "link:http://a/l");
}

/* Failures keep the old validators; a 304 keeps them unless it sends new
 * ones. */
static void
test_failure_keeps_validators(void **state)
{
	struct fixture		*fx = *state;
	struct store_fetch	 fx1 = ok_fetch(T0);
	struct store_feed	 sf;
	char			*cause = NULL;
	int64_t			 id;
	int			 nnew;

	id = feed_id(fx->st, "http://example.org/a");
	fx1.etag = "\"v1\"";
	fx1.last_modified = "Mon, 01 Jan 2024 00:00:00 GMT";
	assert_int_equal(store_update(fx->st, id, &fx1, NULL, 0, 0, &nnew,
	    &cause), 0);
	fetch(fx->st, id, T0, (struct tentry[]){ { "1", NULL, "One", NULL,
	    0 } }, 1, 0, 0);
	/* fetch() sent no validators on success: that clears them. Put
	 * them back as a server would send them. */
	assert_int_equal(store_update(fx->st, id, &fx1, NULL, 0, 0, &nnew,
	    &cause), 0);

	/* A failure (an error page with its own ETag) keeps the old ones,
	 * records the error and keeps the items. */
	fx1 = ok_fetch(T0 + 60);
	fx1.status = 500;
	fx1.error = "HTTP 500";
	fx1.etag = "\"error-page\"";
	assert_int_equal(store_update(fx->st, id, &fx1, NULL, 0, 0, &nnew,
	    &cause), 0);
	assert_int_equal(store_feed_get(fx->st, "http://example.org/a", &sf,
	    &cause), 1);
	assert_string_equal(sf.etag, "\"v1\"");
	assert_string_equal(sf.last_modified, "Mon, 01 Jan 2024 00:00:00 GMT");
	assert_string_equal(sf.error, "HTTP 500");
	assert_int_equal(sf.status, 500);
	assert_int_equal(sf.last_fetch, T0 + 60);
	assert_int_equal(sf.total, 1);
	store_feed_release(&sf);

	/* A 304 without validators keeps them and clears the error. */
	fx1 = ok_fetch(T0 + 120);
	fx1.status = 304;
	fx1.not_modified = 1;
	assert_int_equal(store_update(fx->st, id, &fx1, NULL, 0, 0, &nnew,
	    &cause), 0);
	assert_int_equal(nnew, 0);
	assert_int_equal(store_feed_get(fx->st, "http://example.org/a", &sf,
	    &cause), 1);
	assert_string_equal(sf.etag, "\"v1\"");
	assert_null(sf.error);
	assert_int_equal(sf.status, 304);
	assert_int_equal(sf.last_fetch, T0 + 120);
	assert_int_equal(sf.total, 1);
	assert_int_equal(sf.unread, 1);
	store_feed_release(&sf);

	/* A 304 with a new ETag takes it. */
	fx1.etag = "\"v2\"";
	assert_int_equal(store_update(fx->st, id, &fx1, NULL, 0, 0, &nnew,
	    &cause), 0);
	assert_q_text(fx->path, "SELECT etag FROM feeds", "\"v2\"");
	assert_q_text(fx->path, "SELECT last_modified FROM feeds",
	    "Mon, 01 Jan 2024 00:00:00 GMT");
}

/* max-items trims the oldest items, never starred ones or the last
 * document's. */
static void
test_trim_max_items(void **state)
{
	struct fixture	*fx = *state;
	struct tentry	 v[10];
	char		 ids[10][4], *cause = NULL;
	int64_t		 id, star;
	size_t		 i;

	id = feed_id(fx->st, "http://example.org/a");
	for (i = 0; i < 10; i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i], NULL,
		    T0 - 1000 + (int64_t)i };
	}
	/* All ten are in the document: none goes, whatever max-items. */
	assert_int_equal(fetch(fx->st, id, T0, v, 10, 3, 0), 10);
	assert_int_equal(store_unread(fx->st, id, &cause), 10);
	star = q_int(fx->path, "SELECT id FROM items WHERE guid = '0'");
	assert_int_equal(store_set_starred(fx->st, star, 1, &cause), 0);

	/* The feed now carries 8 and 9 only: the newest five stay (9..5),
	 * and so does the starred 0. */
	assert_int_equal(fetch(fx->st, id, T0 + 60, v + 8, 2, 5, 0), 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY date)", "0,5,6,7,8,9");

	/* Even max-items 1 spares the last document. */
	assert_int_equal(fetch(fx->st, id, T0 + 120, v + 8, 2, 1, 0), 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY date)", "0,8,9");
}

/* A feed that changes every id, fetched many times within one second,
 * keeps no more than max-items and its latest document. */
static void
test_trim_same_second(void **state)
{
	struct fixture	*fx = *state;
	struct tentry	 v[3];
	char		 ids[3][16];
	int64_t		 id;
	size_t		 i, n;

	id = feed_id(fx->st, "http://example.org/a");
	for (n = 0; n < 6; n++) {
		for (i = 0; i < 3; i++) {
			snprintf(ids[i], sizeof ids[i], "%zu-%zu", n, i);
			v[i] = (struct tentry){ ids[i], NULL, ids[i], NULL,
			    0 };
		}
		assert_int_equal(fetch(fx->st, id, T0, v, 3, 5, 0), 3);
	}
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 5);
	assert_int_equal(q_int(fx->path,
	    "SELECT count(*) FROM items WHERE guid LIKE '5-%'"), 3);
	/* Retention likewise: a day on, the last document is fetched once
	 * more and then, in the same second, replaced. */
	assert_int_equal(fetch(fx->st, id, T0 + 86400, v, 3, 0, 3600), 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY guid)", "5-0,5-1,5-2");
	for (i = 0; i < 3; i++) {
		snprintf(ids[i], sizeof ids[i], "late-%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i], NULL, 0 };
	}
	assert_int_equal(fetch(fx->st, id, T0 + 86400, v, 3, 0, 3600), 3);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY guid)", "late-0,late-1,late-2");
}

/* Retention trims old items, never starred ones or the last document's. */
static void
test_trim_retention(void **state)
{
	static const struct tentry	 v[] = {
		{ "a", NULL, "A", NULL, 0 }, { "b", NULL, "B", NULL, 0 },
		{ "c", NULL, "C", NULL, 0 }, { "d", NULL, "D", NULL, 0 },
	};
	struct fixture		*fx = *state;
	struct store_fetch	 nm = ok_fetch(T0 + 7200);
	char			*cause = NULL;
	int64_t			 id;
	int			 nnew;

	id = feed_id(fx->st, "http://example.org/a");
	assert_int_equal(fetch(fx->st, id, T0, v, 3, 0, 3600), 3);
	assert_int_equal(store_set_starred(fx->st, q_int(fx->path,
	    "SELECT id FROM items WHERE guid = 'c'"), 1, &cause), 0);
	/* Two hours on, the feed carries b only: a is old and gone, b is
	 * old but carried, c is old but starred. */
	assert_int_equal(fetch(fx->st, id, T0 + 7200, v + 1, 1, 0, 3600), 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY guid)", "b,c");
	/* Then it carries d only. */
	assert_int_equal(fetch(fx->st, id, T0 + 7260, v + 3, 1, 0, 3600), 1);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY guid)", "c,d");

	/* Hours later a 304 says the document is unchanged: d, old by now,
	 * is still in it. */
	nm.not_modified = 1;
	nm.status = 304;
	nm.time = T0 + 5 * 3600;
	assert_int_equal(store_update(fx->st, id, &nm, NULL, 0, 3600, &nnew,
	    &cause), 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM "
	    "(SELECT guid FROM items ORDER BY guid)", "c,d");
}

/* Feeds no longer subscribed go, with their items and their index terms. */
static void
test_gc(void **state)
{
	struct fixture	*fx = *state;
	static char	 ka[] = "http://example.org/a";
	static char	 kc[] = "http://example.org/c";
	static char	 kx[] = "http://example.org/not-yet-fetched";
	char		*keep[] = { kc, ka, kx };
	char		*cause = NULL;
	int64_t		 a, b, c;
	struct store_item *items;
	size_t		 n;

	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(fx->st, "http://example.org/b");
	c = feed_id(fx->st, "http://example.org/c");
	fetch(fx->st, a, T0, (struct tentry[]){ { "1", NULL, "apple", NULL,
	    0 } }, 1, 0, 0);
	fetch(fx->st, b, T0, (struct tentry[]){ { "1", NULL, "banana", NULL,
	    0 }, { "2", NULL, "apple banana", NULL, 0 } }, 2, 0, 0);
	fetch(fx->st, c, T0, (struct tentry[]){ { "1", NULL, "cherry", NULL,
	    0 } }, 1, 0, 0);
	assert_int_equal(store_gc(fx->st, keep, nitems(keep), &cause), 1);
	assert_int_equal(store_unread(fx->st, 0, &cause), 2);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM feeds"), 2);
	assert_int_equal(store_search(fx->st, "banana", 10, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_gc(fx->st, keep, nitems(keep), &cause), 0);
	assert_int_equal(store_gc(fx->st, NULL, 0, &cause), 2);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 0);
	/* Deleting recomputed the indexed text exactly: no term is left. */
	assert_int_equal(fts_int(fx->path,
	    "SELECT count(DISTINCT term) FROM temp.v"), 0);
}

/* Unread and total counts follow read flags and mark-read. */
static void
test_counts_and_mark_read(void **state)
{
	struct fixture		*fx = *state;
	struct store_feed	*feeds;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 a, b, c;

	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(fx->st, "http://example.org/b");
	c = feed_id(fx->st, "http://example.org/c");
	fetch(fx->st, a, T0, (struct tentry[]){ { "1", NULL, "x", NULL, 0 },
	    { "2", NULL, "x", NULL, 0 }, { "3", NULL, "x", NULL, 0 } }, 3, 0,
	    0);
	fetch(fx->st, b, T0, (struct tentry[]){ { "1", NULL, "x", NULL, 0 },
	    { "2", NULL, "x", NULL, 0 } }, 2, 0, 0);
	assert_int_equal(store_set_read(fx->st, q_int(fx->path,
	    "SELECT min(id) FROM items"), 1, &cause), 0);
	assert_int_equal(store_unread(fx->st, 0, &cause), 4);
	assert_int_equal(store_unread(fx->st, a, &cause), 2);
	assert_int_equal(store_unread(fx->st, c, &cause), 0);

	assert_int_equal(store_feeds(fx->st, &feeds, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(feeds[0].id, a);
	assert_string_equal(feeds[0].url, "http://example.org/a");
	assert_string_equal(feeds[0].title, "Test feed");
	assert_int_equal(feeds[0].unread, 2);
	assert_int_equal(feeds[0].total, 3);
	assert_int_equal(feeds[1].unread, 2);
	assert_int_equal(feeds[1].total, 2);
	assert_int_equal(feeds[2].id, c);
	assert_int_equal(feeds[2].unread, 0);
	assert_int_equal(feeds[2].total, 0);
	store_feeds_free(feeds, n);

	assert_int_equal(store_mark_feed_read(fx->st, b, &cause), 2);
	assert_int_equal(store_mark_feed_read(fx->st, b, &cause), 0);
	assert_int_equal(store_unread(fx->st, 0, &cause), 2);
	assert_int_equal(store_mark_feed_read(fx->st, 0, &cause), 2);
	assert_int_equal(store_unread(fx->st, 0, &cause), 0);
	assert_int_equal(store_set_read(fx->st, q_int(fx->path,
	    "SELECT min(id) FROM items"), 0, &cause), 0);
	assert_int_equal(store_unread(fx->st, a, &cause), 1);

	/* An item deleted meanwhile is an error the UI can show. */
	assert_int_equal(store_set_starred(fx->st, 12345, 1, &cause), -1);
	assert_non_null(strstr(cause, "12345"));
	free(cause);
}

/* Pages of items cover every item once, newest first. */
static void
test_paging(void **state)
{
	struct fixture		*fx = *state;
	struct store_item	*items;
	struct tentry		 v[25];
	char			 ids[25][4], *cause = NULL;
	int64_t			 f[2], prev_date, prev_id;
	size_t			 i, n, off, seen;
	int			 k;

	f[0] = feed_id(fx->st, "http://example.org/a");
	f[1] = feed_id(fx->st, "http://example.org/b");
	for (i = 0; i < 25; i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		/* Dates repeat, so ties are broken by id. */
		v[i] = (struct tentry){ ids[i], NULL, ids[i], NULL,
		    T0 - 100 * (int64_t)(i / 3) };
	}
	fetch(fx->st, f[0], T0, v, 25, 0, 0);
	fetch(fx->st, f[1], T0, v, 10, 0, 0);

	/* All feeds, then each: pages of 7 cover everything once, newest
	 * first. */
	for (k = -1; k < 2; k++) {
		off = seen = 0;
		prev_date = INT64_MAX;
		prev_id = INT64_MAX;
		for (;;) {
			assert_int_equal(store_items(fx->st, k < 0 ? 0 : f[k],
			    off, 7, &items, &n, &cause), 0);
			if (n == 0)
				break;
			assert_true(n <= 7);
			for (i = 0; i < n; i++) {
				if (items[i].date > prev_date ||
				    (items[i].date == prev_date &&
				    items[i].id >= prev_id))
					fail_msg("feed %d, row %zu out of "
					    "order", k, off + i);
				if (k >= 0)
					assert_int_equal(items[i].feed_id,
					    f[k]);
				prev_date = items[i].date;
				prev_id = items[i].id;
			}
			seen += n;
			off += n;
			store_items_free(items, n);
		}
		assert_int_equal(seen, k < 0 ? 35 : k == 0 ? 25 : 10);
	}
	assert_int_equal(store_items(fx->st, f[0], 1000, 7, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	assert_null(items);
}

/* Undated items keep the order of the document. */
static void
test_undated_items_keep_document_order(void **state)
{
	static const struct tentry	 v1[] = {
		{ "b", NULL, "b", NULL, 0 }, { "a", NULL, "a", NULL, 0 },
	};
	static const struct tentry	 v2[] = {
		{ "d", NULL, "d", NULL, 0 }, { "c", NULL, "c", NULL, 0 },
		{ "b", NULL, "b", NULL, 0 }, { "a", NULL, "a", NULL, 0 },
	};
	struct fixture		*fx = *state;
	struct store_item	*items;
	struct buf		 b = BUF_INIT;
	size_t			 i, n;
	char			*cause = NULL;
	int64_t			 id;

	/* A feed without dates lists its newest first; so do we, within
	 * one fetch and across fetches. */
	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, v1, nitems(v1), 0, 0);
	fetch(fx->st, id, T0, v2, nitems(v2), 0, 0);
	assert_int_equal(store_items(fx->st, 0, 0, 10, &items, &n, &cause), 0);
	for (i = 0; i < n; i++)
		buf_addstr(&b, items[i].title);
	assert_string_equal(b.data, "dcba");
	store_items_free(items, n);
	buf_release(&b);
}

/* Queries that are FTS5 syntax, or nonsense, must search for text, never
 * fail; rows give how many of the items below each finds. */
static const struct {
	const char	*query;
	size_t		 hits;
} search_cases[] = {
	{ "kitten", 2 },
	{ "KITT", 2 },			/* the last word is a prefix */
	{ "kitt sleeps", 0 },		/* only the last one */
	{ "fluffy kitten", 1 },
	{ "cafe", 1 },			/* diacritics are folded */
	{ "tom & jerry", 1 },		/* &amp; was decoded */
	{ "strong", 0 },		/* tags are not text */
	{ "class", 0 },
	{ "hidden", 0 },		/* nor are comments */
	{ "\"", 0 },
	{ "\"kitten", 2 },
	{ "kitten\"", 2 },
	{ "*", 0 },
	{ "kit*", 2 },
	{ "AND", 0 },
	{ "kitten AND", 0 },
	{ "kitten OR dog", 0 },
	{ "NOT kitten", 0 },
	{ "(", 0 },
	{ "(kitten", 2 },
	{ "kitten)", 2 },
	{ "NEAR(kitten dog)", 0 },
	{ "title:kitten", 0 },
	{ "^kitten", 2 },
	{ "-kitten", 2 },
	{ "+", 0 },
	{ "'", 0 },
	{ "", 0 },
	{ "   \t ", 0 },
	{ "\xff\xfe", 0 },
	{ "a\"b\"\"c", 0 },
	{ "\xe2\x80\xae", 0 },
	/* Words are split as the index splits text, never into phrases,
	 * which an index with detail=column would refuse. */
	{ "fluffy-kitten", 1 },
	{ "kitten\xe2\x80\x94sleeps", 1 },	/* an em dash between */
	{ "\"fluffy kitten\"", 1 },
	{ "tom&jerry", 1 },
	/* every reference HTML has is decoded, not six of them */
	{ "creme brulee", 1 },
	{ "egrave", 0 },
	{ "\xe2\x80\x9cquoted\xe2\x80\x9d", 1 },
	{ "CAF\xc3\x89", 1 },		/* folded as the text was */
	{ "caf\xc3\xa9s", 0 },
	{ "kit\x01ten", 0 },		/* "kit" and "ten": two words */
	{ "\xff\xfekitten", 2 },
	{ "kitten \xe6\x97\xa5\xe6\x9c\xac", 0 },
};

/* Each row of search_cases: the query runs and finds what it should. */
static void
test_search(void **state)
{
	static const struct tentry	 v[] = {
		{ "1", NULL, "A fluffy kitten",
		    "<p class=\"x\"><strong>Sleeps</strong> all day</p>", 0 },
		{ "2", NULL, "Café news",
		    "<!-- hidden -->Tom &amp; Jerry", 0 },
		{ "3", NULL, "Dogs", "<p>Another kitten</p>", 0 },
		{ "4", NULL, "Desserts", "Cr&egrave;me br&ucirc;l&eacute;e"
		    " &#8211; &#x201C;quoted&#148;", 0 },
	};
	struct fixture		*fx = *state;
	struct store_item	*items;
	size_t			 i, n;
	char			*cause = NULL;
	int64_t			 id;

	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, v, nitems(v), 0, 0);
	for (i = 0; i < nitems(search_cases); i++) {
		if (store_search(fx->st, search_cases[i].query, 10, &items, &n,
		    &cause) != 0)
			fail_msg("query \"%s\": %s", search_cases[i].query,
			    cause);
		if (n != search_cases[i].hits)
			fail_msg("query \"%s\": %zu hits, want %zu",
			    search_cases[i].query, n, search_cases[i].hits);
		store_items_free(items, n);
	}
	assert_int_equal(store_search(fx->st, "kitten", 1, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	store_items_free(items, n);
}

/* Where the index lags, new items wait outside it until a search, or
 * store_index(), takes them in; once it has every item, each fetch
 * indexes its new items itself, in its own transaction. */
static void
test_index_catches_up(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 id;

	backlog(fx);
	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, (struct tentry[]){
	    { "1", NULL, "Alpha", "first", 0 },
	    { "2", NULL, "Bravo", "second", 0 } }, 2, 0, 0);
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"), -1);
	assert_fts(fx->path, "");

	assert_found(fx->st, "alpha", "Alpha");
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"),
	    q_int(fx->path, "SELECT max(id) FROM items"));
	assert_fts(fx->path, "1:body:first 1:title:alpha 2:body:second "
	    "2:title:bravo");

	/* Stored after that search: indexed by the fetch itself. */
	fetch(fx->st, id, T0 + 60, (struct tentry[]){
	    { "1", NULL, "Alpha", "first", 0 },
	    { "2", NULL, "Bravo", "second", 0 },
	    { "3", NULL, "Charlie", "third", 0 } }, 3, 0, 0);
	assert_fts(fx->path, "1:body:first 1:title:alpha 2:body:second "
	    "2:title:bravo 3:body:third 3:title:charlie");
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"),
	    q_int(fx->path, "SELECT max(id) FROM items"));
	assert_found(fx->st, "th", "Charlie");
	assert_int_equal(index_some(fx->st, 0), 0);
	/* Nothing waits: no work, and still nothing left. */
	assert_int_equal(index_some(fx->st, 5), 0);
	assert_found(fx->st, "second", "Bravo");
}

/* A fresh store indexes every fetch's new items in the fetch's own
 * transaction: no search ever waits for them. */
static void
test_index_with_each_fetch(void **state)
{
	struct fixture	*fx = *state;
	int64_t		 id;

	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, (struct tentry[]){
	    { "1", NULL, "Alpha", "<p>first</p>", 0 } }, 1, 0, 0);
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"),
	    q_int(fx->path, "SELECT max(id) FROM items"));
	assert_fts(fx->path, "1:body:first 1:title:alpha");
	assert_int_equal(index_some(fx->st, 0), 0);
	/* Trimmed in the same fetch: in and out of the index at once. */
	fetch(fx->st, id, T0 + 60, (struct tentry[]){
	    { "2", NULL, "Bravo", "second", T0 + 10 } }, 1, 1, 0);
	assert_fts(fx->path, "2:body:second 2:title:bravo");
	assert_found(fx->st, "alpha", "");
	assert_found(fx->st, "bravo", "Bravo");
}

/* A search on a long backlog indexes what it can in a bounded time and
 * searches that, rather than freezing the reader while the whole
 * backlog is indexed; the rest waits for the next search or
 * store_index(). */
static void
test_search_bounded(void **state)
{
	struct fixture	*fx = *state;
	struct tentry	*v;
	char		(*ids)[8];
	int64_t		 id;
	size_t		 i, n = 20000;
	char		*got;

	backlog(fx);
	v = xreallocarray(NULL, n, sizeof *v);
	ids = xreallocarray(NULL, n, sizeof *ids);
	for (i = 0; i < n; i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i],
		    "<p>some words about the weather and the sea</p>", 0 };
	}
	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, v, n, 0, 0);
	got = found(fx->st, "weather");
	free(got);
	/* Not all of them: the search stopped indexing on time. */
	assert_true(index_some(fx->st, 1) > 0);
	assert_true(q_int(fx->path, "SELECT upto FROM fts_state") > 0);
	free(v);
	free(ids);
}

/* An edit of an indexed item re-indexes it, an edit of a waiting one
 * leaves the index alone, and either is found by its new text only. */
static void
test_index_follows_edits(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 id;

	/* The last entry of a document gets the lowest id, so one batch
	 * of one indexes "2" and leaves "1" waiting. */
	backlog(fx);
	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, (struct tentry[]){
	    { "1", NULL, "One", "old words", 0 },
	    { "2", NULL, "Two", "old words", 0 } }, 2, 0, 0);
	assert_int_equal(index_some(fx->st, 1), 1);
	assert_fts(fx->path, "2:body:old 2:body:words 2:title:two");

	/* Read and starred flags are not text: the index is untouched. */
	assert_int_equal(store_set_read(fx->st, q_int(fx->path,
	    "SELECT id FROM items WHERE guid = '2'"), 1, &cause), 0);
	assert_int_equal(store_set_starred(fx->st, q_int(fx->path,
	    "SELECT id FROM items WHERE guid = '1'"), 1, &cause), 0);
	assert_fts(fx->path, "2:body:old 2:body:words 2:title:two");

	fetch(fx->st, id, T0 + 60, (struct tentry[]){
	    { "1", NULL, "One", "new one", 0 },
	    { "2", NULL, "Two", "new two", 0 } }, 2, 0, 0);
	assert_fts(fx->path, "2:body:new 2:body:two 2:title:two");

	assert_found(fx->st, "old", "");
	assert_found(fx->st, "words", "");
	assert_found(fx->st, "new", "One Two");
	assert_found(fx->st, "new one", "One");
	assert_fts(fx->path, "1:body:new 1:body:one 1:title:one 2:body:new "
	    "2:body:two 2:title:two");
}

/* Trimming and gc delete indexed and waiting items alike; the index
 * loses exactly the indexed ones' terms. */
static void
test_index_deletes(void **state)
{
	static char	 ka[] = "http://example.org/a";
	char		*keep[] = { ka };
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 a, b;

	backlog(fx);
	a = feed_id(fx->st, ka);
	fetch(fx->st, a, T0, (struct tentry[]){
	    { "a1", NULL, "A1", "apple", T0 - 400 },
	    { "a2", NULL, "A2", "apple", T0 - 300 },
	    { "a3", NULL, "A3", "apple", T0 - 200 },
	    { "a4", NULL, "A4", "apple", T0 - 100 } }, 4, 0, 0);
	assert_int_equal(index_some(fx->st, 2), 2);
	assert_fts(fx->path, "a3:body:apple a3:title:a3 a4:body:apple "
	    "a4:title:a4");

	/* max-items 1 keeps only the new a5: two indexed items and two
	 * waiting ones go. */
	fetch(fx->st, a, T0 + 60, (struct tentry[]){
	    { "a5", NULL, "A5", "apple", T0 } }, 1, 1, 0);
	assert_q_text(fx->path, "SELECT group_concat(guid) FROM items", "a5");
	assert_fts(fx->path, "");
	assert_found(fx->st, "apple", "A5");
	assert_fts(fx->path, "a5:body:apple a5:title:a5");

	/* gc takes a feed's indexed items out of the index (the index
	 * has every item again, so the fetch indexed them). */
	b = feed_id(fx->st, "http://example.org/b");
	fetch(fx->st, b, T0, (struct tentry[]){
	    { "b1", NULL, "B1", "banana", 0 },
	    { "b2", NULL, "B2", "banana", 0 } }, 2, 0, 0);
	assert_int_equal(index_some(fx->st, 1), 0);
	assert_fts(fx->path, "a5:body:apple a5:title:a5 b1:body:banana "
	    "b1:title:b1 b2:body:banana b2:title:b2");
	assert_int_equal(store_gc(fx->st, keep, nitems(keep), &cause), 1);
	assert_fts(fx->path, "a5:body:apple a5:title:a5");
	assert_int_equal(index_some(fx->st, 0), 0);
	assert_found(fx->st, "banana", "");

	/* The newest ids are gone and the watermark is above every item;
	 * new items still get ids above it. */
	assert_true(q_int(fx->path, "SELECT upto FROM fts_state") >
	    q_int(fx->path, "SELECT max(id) FROM items"));
	fetch(fx->st, a, T0 + 120, (struct tentry[]){
	    { "a6", NULL, "A6", "cherry", T0 + 100 } }, 1, 0, 0);
	assert_found(fx->st, "cherry", "A6");
	assert_fts(fx->path, "a5:body:apple a5:title:a5 a6:body:cherry "
	    "a6:title:a6");
}

/* store_index() with a limit takes the oldest waiting items, batch by
 * batch, and says how many are left. */
static void
test_index_batches(void **state)
{
	struct fixture	*fx = *state;
	struct tentry	 v[10];
	char		 ids[10][4];
	int64_t		 id;
	size_t		 i;

	backlog(fx);
	id = feed_id(fx->st, "http://example.org/a");
	for (i = 0; i < nitems(v); i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i], "word", 0 };
	}
	fetch(fx->st, id, T0, v, nitems(v), 0, 0);
	assert_int_equal(index_some(fx->st, 3), 7);
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"),
	    q_int(fx->path, "SELECT id FROM items ORDER BY id LIMIT 1 "
	    "OFFSET 2"));
	assert_int_equal(fts_int(fx->path,
	    "SELECT count(DISTINCT doc) FROM temp.v"), 3);
	assert_int_equal(index_some(fx->st, 3), 4);
	assert_int_equal(index_some(fx->st, 3), 1);
	assert_int_equal(fts_int(fx->path,
	    "SELECT count(DISTINCT doc) FROM temp.v"), 9);
	assert_int_equal(index_some(fx->st, 3), 0);
	assert_int_equal(index_some(fx->st, 3), 0);
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"),
	    q_int(fx->path, "SELECT max(id) FROM items"));
	assert_int_equal(fts_int(fx->path,
	    "SELECT count(DISTINCT doc) FROM temp.v"), 10);
	assert_found(fx->st, "word 7", "7");
}

/* One writer's work for test_two_writers: many fetches of its own feed
 * through its own connection. */
struct writer {
	const char	*path;
	const char	*url;
	int		 failures;
	char		*cause;
};

/* Run one writer of test_two_writers. */
static void *
writer_run(void *arg)
{
	struct writer		*w = arg;
	struct store		*st;
	struct store_fetch	 fx;
	struct feed		 f;
	struct tentry		 v[20];
	char			 ids[20][16];
	char			*cause;
	int64_t			 id;
	int			 round, nnew;
	size_t			 i;

	if ((st = store_open(w->path, &w->cause)) == NULL) {
		w->failures++;
		return (NULL);
	}
	if (store_feed_id(st, w->url, &id, &w->cause) != 0) {
		w->failures++;
		store_close(st);
		return (NULL);
	}
	for (round = 0; round < 30; round++) {
		for (i = 0; i < nitems(v); i++) {
			snprintf(ids[i], sizeof ids[i], "%d", round * 5 +
			    (int)i);
			v[i] = (struct tentry){ ids[i], NULL, ids[i], "text",
			    0 };
		}
		fx = ok_fetch(T0 + round);
		make_feed(&f, v, nitems(v));
		cause = NULL;
		if (store_update(st, id, &fx, &f, 0, 0, &nnew, &cause) != 0) {
			w->failures++;
			if (w->cause == NULL)
				w->cause = cause;
			else
				free(cause);
		}
		clear_feed(&f);
	}
	store_close(st);
	return (NULL);
}

/* Index in small batches and search through a connection of its own
 * while test_two_writers' writers write. */
static void *
indexer_run(void *arg)
{
	struct writer		*w = arg;
	struct store		*st;
	struct store_item	*items;
	char			*cause = NULL;
	size_t			 left, n;
	int			 round;

	if ((st = store_open(w->path, &w->cause)) == NULL) {
		w->failures++;
		return (NULL);
	}
	for (round = 0; round < 60 && w->failures == 0; round++) {
		if (store_index(st, 7, &left, &cause) != 0 ||
		    (round % 10 == 9 && store_search(st, "text", 5, &items,
		    &n, &cause) != 0)) {
			w->failures++;
			w->cause = cause;
			break;
		}
		if (round % 10 == 9)
			store_items_free(items, n);
	}
	store_close(st);
	return (NULL);
}

/* Two threads, each with its own connection, write at once while a third
 * indexes; none fails, and the index ends up holding every item once. */
static void
test_two_writers(void **state)
{
	struct fixture		*fx = *state;
	struct writer		 w[3] = {
		{ fx->path, "http://example.org/a", 0, NULL },
		{ fx->path, "http://example.org/b", 0, NULL },
		{ fx->path, NULL, 0, NULL },
	};
	pthread_t		 t[3];
	struct store_item	*items;
	size_t			 i, n;
	char			*cause = NULL;

	for (i = 0; i < 3; i++)
		assert_int_equal(pthread_create(&t[i], NULL, i < 2 ?
		    writer_run : indexer_run, &w[i]), 0);
	for (i = 0; i < 3; i++)
		pthread_join(t[i], NULL);
	for (i = 0; i < 3; i++)
		if (w[i].failures != 0)
			fail_msg("thread %zu: %d failures: %s", i,
			    w[i].failures, w[i].cause);
	/* 30 rounds of 20 ids, sliding by 5: 5 * 29 + 20 items each. */
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"),
	    2 * (5 * 29 + 20));
	assert_q_text(fx->path, "PRAGMA integrity_check", "ok");

	/* A search catches up with whatever the indexer left. */
	assert_int_equal(store_search(fx->st, "text", 1000, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 2 * (5 * 29 + 20));
	store_items_free(items, n);
	assert_int_equal(fts_int(fx->path,
	    "SELECT count(DISTINCT doc) FROM temp.v"), 2 * (5 * 29 + 20));
	assert_int_equal(fts_int(fx->path, "SELECT count(*) FROM temp.v"
	    " WHERE doc NOT IN (SELECT id FROM items)"), 0);
	assert_int_equal(fts_int(fx->path, "SELECT count(*) FROM temp.v"
	    " WHERE term = 'text'"), 2 * (5 * 29 + 20));
	fts_check(fx->path);
}

/* Two handles on one file take turns updating feeds. */
static void
test_interleaved_handles(void **state)
{
	struct fixture	*fx = *state;
	struct store	*other;
	char		*cause = NULL;
	int64_t		 a, b;
	int		 i;

	if ((other = store_open(fx->path, &cause)) == NULL)
		fail_msg("second handle: %s", cause);
	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(other, "http://example.org/b");
	assert_int_equal(feed_id(other, "http://example.org/a"), a);
	for (i = 0; i < 5; i++) {
		fetch(fx->st, a, T0 + i, (struct tentry[]){ { "1", NULL, "x",
		    NULL, 0 } }, 1, 0, 0);
		fetch(other, b, T0 + i, (struct tentry[]){ { "1", NULL, "y",
		    NULL, 0 } }, 1, 0, 0);
		fetch(other, a, T0 + i, (struct tentry[]){ { "2", NULL, "z",
		    NULL, 0 } }, 1, 0, 0);
	}
	assert_int_equal(store_unread(fx->st, 0, &cause), 3);
	assert_int_equal(store_unread(other, a, &cause), 2);
	store_close(other);
}

/* A write that runs out of room fails with a cause, stores nothing of
 * that fetch and leaves the store usable. RLIMIT_FSIZE plays the full
 * disk. */
static void
test_full_disk_loses_nothing(void **state)
{
	struct fixture	*fx = *state;
	struct rlimit	 old, lim;
	struct tentry	 v[200];
	struct store_fetch ok = ok_fetch(T0 + 60);
	struct feed	 f;
	struct stat	 sb;
	char		 ids[200][8], *big, *walpath, *cause = NULL;
	int64_t		 id;
	size_t		 i;
	int		 nnew, rc;

	id = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, id, T0, (struct tentry[]){ { "old", NULL, "Old", NULL,
	    0 } }, 1, 0, 0);
	big = xmalloc(8192);
	memset(big, 'x', 8191);
	big[8191] = '\0';
	for (i = 0; i < nitems(v); i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i], big, 0 };
	}
	make_feed(&f, v, nitems(v));
	ok.etag = "\"new\"";

	xasprintf(&walpath, "%s-wal", fx->path);
	assert_int_equal(stat(walpath, &sb), 0);
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = (rlim_t)sb.st_size + 64 * 1024;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = store_update(fx->st, id, &ok, &f, 0, 0, &nnew, &cause);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_int_equal(rc, -1);
	assert_non_null(strstr(cause, fx->path));
	free(cause);
	cause = NULL;

	assert_int_equal(store_unread(fx->st, id, &cause), 1);
	assert_q_text(fx->path, "SELECT coalesce(etag, '-') FROM feeds", "-");
	assert_int_equal(q_int(fx->path, "SELECT last_fetch FROM feeds"), T0);
	/* With room again, the same fetch goes in whole. */
	assert_int_equal(store_update(fx->st, id, &ok, &f, 0, 0, &nnew,
	    &cause), 0);
	assert_int_equal(nnew, 200);
	assert_int_equal(store_unread(fx->st, id, &cause), 201);
	clear_feed(&f);
	free(big);
	free(walpath);
}

/* Store one item, "One" with a link and a teaser, in a feed of its own;
 * return its id. */
static int64_t
one_item(struct fixture *fx)
{
	int64_t	 fid;

	fid = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, fid, T0, (struct tentry[]){ { "1",
	    "http://example.org/1", "One", "<p>teaser</p>", 0 } }, 1, 0, 0);
	return (q_int(fx->path, "SELECT id FROM items"));
}

/* Put an article for item_id fetched at t with body html. */
static int
put_article(struct store *st, int64_t item_id, int64_t t, const char *html)
{
	struct store_article	 a;
	char			*cause = NULL;
	int			 rc;

	memset(&a, 0, sizeof a);
	a.item_id = item_id;
	a.url = (char *)"http://example.org/page";
	a.title = (char *)"Page title";
	a.byline = (char *)"Ana";
	a.published = T0 - 3600;
	a.body = (char *)html;
	a.fetched = t;
	if ((rc = store_article_put(st, &a, &cause)) < 0)
		fail_msg("store_article_put: %s", cause);
	return (rc);
}

/* An article is kept, read back whole, replaced by a later fetch; a
 * failure keeps the body and records the error; a success clears it. */
static void
test_article_put_get(void **state)
{
	struct fixture		*fx = *state;
	struct store_article	 a;
	char			*cause = NULL;
	int64_t			 item;

	item = one_item(fx);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 0);

	assert_int_equal(put_article(fx->st, item, T0 + 1, "<p>first</p>"), 1);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 1);
	assert_int_equal(a.item_id, item);
	assert_string_equal(a.url, "http://example.org/page");
	assert_string_equal(a.title, "Page title");
	assert_string_equal(a.byline, "Ana");
	assert_null(a.site_name);
	assert_null(a.lead_image);
	assert_int_equal(a.published, T0 - 3600);
	assert_string_equal(a.body, "<p>first</p>");
	assert_int_equal(a.fetched, T0 + 1);
	assert_int_equal(a.tried, T0 + 1);
	assert_null(a.error);
	store_article_release(&a);

	assert_int_equal(store_article_failed(fx->st, item, T0 + 2,
	    "HTTP 503", &cause), 1);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 1);
	assert_string_equal(a.body, "<p>first</p>");
	assert_int_equal(a.fetched, T0 + 1);
	assert_int_equal(a.tried, T0 + 2);
	assert_string_equal(a.error, "HTTP 503");
	store_article_release(&a);

	assert_int_equal(put_article(fx->st, item, T0 + 3, "<p>second</p>"),
	    1);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 1);
	assert_string_equal(a.body, "<p>second</p>");
	assert_null(a.error);
	store_article_release(&a);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles"), 1);

	/* A failure without an earlier success is a row without a body. */
	fetch(fx->st, feed_id(fx->st, "http://example.org/a"), T0 + 60,
	    (struct tentry[]){ { "2", "http://example.org/2", "Two", NULL,
	    0 } }, 1, 0, 0);
	item = q_int(fx->path, "SELECT id FROM items WHERE guid = '2'");
	assert_int_equal(store_article_failed(fx->st, item, T0 + 61,
	    "refused", &cause), 1);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 1);
	assert_null(a.body);
	assert_int_equal(a.fetched, STORE_NOTIME);
	assert_string_equal(a.error, "refused");
	store_article_release(&a);

	/* An item that is gone takes nothing, and it is not an error. */
	assert_int_equal(put_article(fx->st, 999999, T0, "<p>x</p>"), 0);
	assert_int_equal(store_article_failed(fx->st, 999999, T0, "x",
	    &cause), 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles"), 2);
}

/* Trimming, gc and a feed's deletion take the items' articles along. */
static void
test_article_cascade(void **state)
{
	struct fixture	*fx = *state;
	struct tentry	 v[4];
	char		 ids[4][4], *cause = NULL, sql[128], *body;
	int64_t		 a, b;
	size_t		 i;

	a = feed_id(fx->st, "http://example.org/a");
	b = feed_id(fx->st, "http://example.org/b");
	for (i = 0; i < 4; i++) {
		snprintf(ids[i], sizeof ids[i], "%zu", i);
		v[i] = (struct tentry){ ids[i], NULL, ids[i], NULL,
		    T0 - 1000 + (int64_t)i };
	}
	fetch(fx->st, a, T0, v, 4, 0, 0);
	fetch(fx->st, b, T0, v, 2, 0, 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"), 6);
	/* An article for every item. */
	for (i = 1; i <= 6; i++) {
		snprintf(sql, sizeof sql, "SELECT '<p>' || guid || '</p>'"
		    " FROM items WHERE id = %zu", i);
		body = q_text(fx->path, sql);
		assert_int_equal(put_article(fx->st, (int64_t)i, T0, body), 1);
		free(body);
	}

	/* Feed a now carries 3 only, and keeps two: 2 and 3 stay. */
	fetch(fx->st, a, T0 + 60, v + 3, 1, 2, 0);
	assert_q_text(fx->path, "SELECT group_concat(body) FROM (SELECT"
	    " a.body FROM articles a JOIN items i ON i.id = a.item_id"
	    " WHERE i.feed_id = (SELECT id FROM feeds WHERE url ="
	    " 'http://example.org/a') ORDER BY a.body)", "<p>2</p>,<p>3</p>");
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles"), 4);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles a"
	    " WHERE NOT EXISTS (SELECT 1 FROM items i"
	    "   WHERE i.id = a.item_id)"), 0);

	/* gc of every feed leaves no article behind. */
	assert_int_equal(store_gc(fx->st, NULL, 0, &cause), 2);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles"), 0);
}

/* The prefetch list: new unread items with links and no article yet. */
static void
test_articles_wanted(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 fid, *ids, one, two, three;
	size_t		 n;

	fid = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, fid, T0, (struct tentry[]){
	    { "1", "http://example.org/1", "One", NULL, T0 - 30 } }, 1, 0, 0);
	fetch(fx->st, fid, T0 + 60, (struct tentry[]){
	    { "1", "http://example.org/1", "One", NULL, T0 - 30 },
	    { "2", "http://example.org/2", "Two", NULL, T0 - 20 },
	    { "3", "http://example.org/3", "Three", NULL, T0 - 10 },
	    { "4", NULL, "No link", NULL, T0 - 5 } }, 4, 0, 0);
	one = q_int(fx->path, "SELECT id FROM items WHERE guid = '1'");
	two = q_int(fx->path, "SELECT id FROM items WHERE guid = '2'");
	three = q_int(fx->path, "SELECT id FROM items WHERE guid = '3'");

	assert_int_equal(store_articles_wanted(fx->st, fid, T0 + 60, 10,
	    &ids, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], three);
	assert_int_equal(ids[1], two);
	free(ids);

	assert_int_equal(store_articles_wanted(fx->st, fid, 0, 1, &ids, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], three);
	free(ids);

	/* Fetched, failed or read: not wanted again. */
	assert_int_equal(put_article(fx->st, three, T0 + 61, "<p>3</p>"), 1);
	assert_int_equal(store_article_failed(fx->st, two, T0 + 61, "x",
	    &cause), 1);
	assert_int_equal(store_set_read(fx->st, one, 1, &cause), 0);
	assert_int_equal(store_articles_wanted(fx->st, fid, 0, 10, &ids, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	free(ids);
}

/* A database of schema version 1 (before articles, the starred index and
 * the counts) is migrated to the latest in place: everything in it stays,
 * articles can be kept at once, the starred list reads through its index
 * and the counts are right (the teardown checks them). */
static void
test_migrate_v1_articles(void **state)
{
	struct fixture		*fx = *state;
	struct store_article	 a;
	char			*cause = NULL;
	int64_t			 item;

	item = one_item(fx);
	assert_int_equal(store_set_starred(fx->st, item, 1, &cause), 0);
	store_close(fx->st);
	fx->st = NULL;

	/* Version 2 is version 1 plus the articles table, 3 is 2 plus the
	 * starred index, 4 is 3 plus the counts, 5 is 4 plus
	 * the articles' index (6 changes no table), 7 is 6 plus the
	 * killfile's mark and the list index items_list, in place of
	 * items_date, 8 has items_feed_list in place of items_list
	 * and items_feed_date, and 9 has the feed's image and the item's
	 * language. */
	q_exec(fx->path, "DROP TABLE articles_fts; DROP TABLE articles;"
	    " DROP INDEX items_starred;"
	    " DROP TRIGGER items_count_insert; DROP TRIGGER items_count_delete;"
	    " DROP TRIGGER items_count_read; ALTER TABLE feeds DROP nitems;"
	    " ALTER TABLE feeds DROP nunread;"
	    " DROP INDEX items_feed_list; DROP INDEX items_ignored;"
	    " DROP TABLE killfile; ALTER TABLE items DROP COLUMN ignored;"
	    " CREATE INDEX items_feed_date ON items (feed_id, date DESC,"
	    " id DESC);"
	    " ALTER TABLE feeds DROP COLUMN image;"
	    " ALTER TABLE items DROP COLUMN lang;"
	    " DROP TABLE downloads;" UNDO_SYNC " PRAGMA user_version = 1");
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'articles'"), 0);

	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(q_int(fx->path, "SELECT starred FROM items"), 1);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"
	    " INDEXED BY items_starred WHERE starred = 1"), 1);
	assert_q_text(fx->path, "SELECT content FROM items", "<p>teaser</p>");
	assert_int_equal(put_article(fx->st, item, T0 + 1, "<p>full</p>"), 1);
	assert_int_equal(store_article_get(fx->st, item, &a, &cause), 1);
	assert_string_equal(a.body, "<p>full</p>");
	store_article_release(&a);
	/* The new table cascades like the old ones. */
	assert_int_equal(store_gc(fx->st, NULL, 0, &cause), 1);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles"), 0);
}

/* A search finds words that only an item's full article holds, alone
 * or together with words of its title or text; the article's index
 * follows a new fetch of it and its item's deletion. */
static void
test_search_articles(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 fid, one, two;

	fid = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, fid, T0, (struct tentry[]){
	    { "1", "http://example.org/1", "One", "<p>teaser</p>", T0 - 10 },
	    { "2", "http://example.org/2", "Two", "<p>other</p>", T0 - 20 } },
	    2, 0, 0);
	one = q_int(fx->path, "SELECT id FROM items WHERE guid = '1'");
	two = q_int(fx->path, "SELECT id FROM items WHERE guid = '2'");
	assert_found(fx->st, "zeppelin", "");
	assert_int_equal(put_article(fx->st, one, T0 + 1,
	    "<p>A <b>zeppelin</b> over the sea.</p>"), 1);
	assert_found(fx->st, "zeppelin", "One");
	assert_found(fx->st, "zepp", "One");
	assert_found(fx->st, "teaser zeppelin", "One");
	assert_found(fx->st, "one sea", "One");
	assert_found(fx->st, "other zeppelin", "");
	/* A failed fetch keeps the article, and its words. */
	assert_int_equal(store_article_failed(fx->st, one, T0 + 2, "timeout",
	    &cause), 1);
	assert_found(fx->st, "zeppelin", "One");
	/* Fetched again with other text: the old words go. */
	assert_int_equal(put_article(fx->st, one, T0 + 3,
	    "<p>A balloon.</p>"), 1);
	assert_found(fx->st, "zeppelin", "");
	assert_found(fx->st, "balloon", "One");
	assert_int_equal(put_article(fx->st, two, T0 + 3,
	    "<p>Another balloon.</p>"), 1);
	assert_found(fx->st, "balloon", "One Two");
	q_exec(fx->path, "INSERT INTO articles_fts (articles_fts)"
	    " VALUES ('integrity-check')");
	/* gc deletes items and articles: the index forgets them. */
	assert_int_equal(store_gc(fx->st, NULL, 0, &cause), 1);
	assert_found(fx->st, "balloon", "");
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM"
	    " articles_fts_docsize"), 0);
	q_exec(fx->path, "INSERT INTO articles_fts (articles_fts)"
	    " VALUES ('integrity-check')");
}

/* A version 4 database, whose articles were never searched, gets them
 * indexed by the migration to version 5 (and on to 6). */
static void
test_migrate_v4_article_search(void **state)
{
	struct fixture	*fx = *state;
	char		*cause = NULL;
	int64_t		 item;

	item = one_item(fx);
	assert_int_equal(put_article(fx->st, item, T0 + 1,
	    "<p>Only the article says zeppelin.</p>"), 1);
	store_close(fx->st);
	fx->st = NULL;
	q_exec(fx->path, "DROP TRIGGER articles_fts_insert;"
	    " DROP TRIGGER articles_fts_update;"
	    " DROP TRIGGER articles_fts_delete; DROP TABLE articles_fts;"
	    " DROP INDEX items_feed_list; DROP INDEX items_ignored;"
	    " DROP TABLE killfile; ALTER TABLE items DROP COLUMN ignored;"
	    " CREATE INDEX items_feed_date ON items (feed_id, date DESC,"
	    " id DESC);"
	    " ALTER TABLE feeds DROP COLUMN image;"
	    " ALTER TABLE items DROP COLUMN lang;"
	    " DROP TABLE downloads;" UNDO_SYNC " PRAGMA user_version = 4");
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_found(fx->st, "zeppelin", "One");
	assert_found(fx->st, "teaser", "One");
}

/* A database of schema version 7, whose list index items_list came
 * after the date and before the columns, has it in the feed's order
 * (items_feed_list, in place of items_feed_date) and items_date back;
 * its items are listed as before. */
static void
test_migrate_v7_list(void **state)
{
	struct fixture		*fx = *state;
	struct store_item	*items;
	char			*cause = NULL;
	size_t			 n;
	int64_t			 fid;

	fid = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, fid, T0, (struct tentry[]){
	    { "1", NULL, "Older", NULL, T0 - 20 },
	    { "2", NULL, "Newer", NULL, T0 - 10 } }, 2, 0, 0);
	store_close(fx->st);
	fx->st = NULL;
	q_exec(fx->path, "DROP INDEX items_feed_list; DROP INDEX items_date;"
	    " CREATE INDEX items_feed_date ON items (feed_id, date DESC,"
	    " id DESC);"
	    " CREATE INDEX items_list ON items (date DESC, id DESC, feed_id,"
	    " read, starred, ignored, title, author, link);"
	    " ALTER TABLE feeds DROP COLUMN image;"
	    " ALTER TABLE items DROP COLUMN lang;"
	    " DROP TABLE downloads;" UNDO_SYNC " PRAGMA user_version = 7");

	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name IN ('items_list', 'items_feed_date')"), 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"
	    " INDEXED BY items_feed_list WHERE feed_id = 1"), 2);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items"
	    " INDEXED BY items_date WHERE date > 0"), 2);
	assert_int_equal(store_items(fx->st, 0, 0, 10, &items, &n, &cause),
	    0);
	assert_int_equal(n, 2);
	assert_string_equal(items[0].title, "Newer");
	assert_string_equal(items[1].title, "Older");
	store_items_free(items, n);
}

/* A database of schema version 5, whose indexes were made when
 * strip_tags() decoded six named references ("Cr&egrave;me" went in as
 * "cr egrave me"), has them made again: searches find the words as the text and the
 * article have them, and deleting an item takes out what was put in. */
static void
test_migrate_v5_index(void **state)
{
	struct fixture		*fx = *state;
	struct store_item	*items;
	char			*cause = NULL;
	size_t			 n;
	int64_t			 fid, item;

	fid = feed_id(fx->st, "http://example.org/a");
	fetch(fx->st, fid, T0, (struct tentry[]){ { "1", NULL, "Dessert",
	    "Cr&egrave;me br&ucirc;l&eacute;e", 0 } }, 1, 0, 0);
	item = q_int(fx->path, "SELECT id FROM items");
	assert_int_equal(put_article(fx->st, item, T0 + 1,
	    "<p>Cr&egrave;me caram&eacute;l</p>"), 1);
	store_close(fx->st);
	fx->st = NULL;
	q_exec(fx->path, "INSERT INTO items_fts (items_fts)"
	    " VALUES ('delete-all');"
	    " INSERT INTO items_fts (rowid, title, body)"
	    " SELECT id, title, 'Cr&egrave;me br&ucirc;l&eacute;e' FROM items;"
	    " UPDATE fts_state SET upto = (SELECT max(id) FROM items);"
	    " INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');"
	    " INSERT INTO articles_fts (rowid, body)"
	    " SELECT item_id, 'Cr&egrave;me caram&eacute;l' FROM articles;"
	    " DROP INDEX items_feed_list; DROP INDEX items_ignored;"
	    " DROP TABLE killfile; ALTER TABLE items DROP COLUMN ignored;"
	    " CREATE INDEX items_feed_date ON items (feed_id, date DESC,"
	    " id DESC);"
	    " ALTER TABLE feeds DROP COLUMN image;"
	    " ALTER TABLE items DROP COLUMN lang;"
	    " DROP TABLE downloads;" UNDO_SYNC " PRAGMA user_version = 5");

	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	assert_int_equal(q_int(fx->path, "PRAGMA user_version"), 12);
	assert_int_equal(q_int(fx->path, "SELECT upto FROM fts_state"), 0);
	assert_int_equal(store_search(fx->st, "creme", 10, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	store_items_free(items, n);
	assert_int_equal(store_search(fx->st, "caramel", 10, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	store_items_free(items, n);
	assert_int_equal(store_search(fx->st, "egrave", 10, &items, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	store_items_free(items, n);
	/* The delete trigger removes the words the index holds now. */
	assert_int_equal(store_gc(fx->st, NULL, 0, &cause), 1);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM items_fts"
	    " WHERE items_fts MATCH 'creme'"), 0);
	assert_int_equal(q_int(fx->path, "SELECT count(*) FROM articles_fts"
	    " WHERE articles_fts MATCH 'creme'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_batch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sync_upto, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_open_creates_and_reopens,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v7_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v5_index,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_refuses_newer_schema,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_refuses_other_files,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_feed_rows, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_merge_identity, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_refetch_keeps_state, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_enclosure_list, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_item_fields, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_hash_identity_key, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_failure_keeps_validators,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_trim_max_items, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_trim_same_second, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_trim_retention, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_gc, setup, teardown),
		cmocka_unit_test_setup_teardown(test_counts_and_mark_read,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_paging, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_undated_items_keep_document_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_catches_up, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_index_follows_edits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_index_deletes, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_index_batches, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_two_writers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_interleaved_handles, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_full_disk_loses_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_put_get, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_article_cascade, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_articles_wanted, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v1_articles, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_articles, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_migrate_v4_article_search,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_with_each_fetch,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_bounded, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
