/*
 * store-sync.c: what a sync with a server keeps (store.h, sync.h): the
 * server's feeds, the article ids of their items, the marks the server
 * holds, and the queue of changes made here that the server has not
 * taken yet.
 *
 * The queue is filled by triggers (STORE_SYNC_SCHEMA in store-int.h), so
 * that every way of marking an item (one item, a feed, a list in steps,
 * undo) queues its change in its own transaction: a crash keeps both or
 * neither. The sync's own changes must not be queued back to the server:
 * it writes them inside a transaction that holds a row in sync_quiet,
 * which no other connection ever sees.
 *
 * These are a sync's statements, run a few times per sync: each is
 * prepared when it runs, not cached.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feed.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

/* Step stmt to its end and finalize it. Return 0, or -1 and *cause. */
static int
sync_run(struct store *st, sqlite3_stmt *stmt, char **cause)
{
	int	 rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

/* Run sql, which takes no parameter. */
static int
sync_exec(struct store *st, const char *sql, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return (-1);
	return (sync_run(st, stmt, cause));
}

/* Begin a transaction whose changes are not queued. */
static int
sync_begin_quiet(struct store *st, char **cause)
{
	if (sync_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		return (-1);
	if (sync_exec(st, "INSERT INTO sync_quiet (on_) VALUES (1)",
	    cause) != 0) {
		sync_exec(st, "ROLLBACK", &(char *){ NULL });
		return (-1);
	}
	return (0);
}

/* Commit it, or roll it back. */
static int
sync_end_quiet(struct store *st, int ok, char **cause)
{
	char	*ignored = NULL;

	if (ok && sync_exec(st, "DELETE FROM sync_quiet", cause) == 0 &&
	    sync_exec(st, "COMMIT", cause) == 0)
		return (0);
	if (!sqlite3_get_autocommit(store_sqlite(st)) &&
	    sync_exec(st, "ROLLBACK", &ignored) != 0) {
		log_debug("store: %s", ignored);
		free(ignored);
	}
	return (-1);
}

int
store_sync_feeds(struct store *st, const char *server,
    const struct store_sync_feed *feeds, size_t n, int64_t *ids,
    char **cause)
{
	sqlite3_stmt	*up = NULL, *get = NULL, *keep = NULL, *del = NULL;
	char		*url = NULL;
	size_t		 i;
	int		 ok = 0;

	if (sync_begin_quiet(st, cause) != 0)
		return (-1);
	if (sync_exec(st, "CREATE TEMP TABLE IF NOT EXISTS sync_keep "
	    "(id INTEGER PRIMARY KEY)", cause) != 0 ||
	    sync_exec(st, "DELETE FROM temp.sync_keep", cause) != 0)
		goto out;
	if ((up = store_prepare(st, "INSERT INTO feeds (url, title, sync,"
	    " sync_tag) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (url) DO UPDATE"
	    " SET title = coalesce(?2, title), sync = ?3, sync_tag = ?4",
	    cause)) == NULL ||
	    (get = store_prepare(st, "SELECT id FROM feeds WHERE url = ?1",
	    cause)) == NULL ||
	    (keep = store_prepare(st, "INSERT OR IGNORE INTO temp.sync_keep"
	    " (id) VALUES (?1)", cause)) == NULL ||
	    (del = store_prepare(st, "DELETE FROM feeds WHERE sync = ?1 AND"
	    " id NOT IN (SELECT id FROM temp.sync_keep)", cause)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		free(url);
		xasprintf(&url, "%s#%lld", server,
		    (long long)feeds[i].remote_id);
		sqlite3_reset(up);
		sqlite3_reset(get);
		sqlite3_reset(keep);
		if ((sqlite3_bind_text(up, 1, url, -1, SQLITE_STATIC) |
		    sqlite3_bind_text(up, 2, feeds[i].title, -1,
		    SQLITE_STATIC) |
		    sqlite3_bind_text(up, 3, server, -1, SQLITE_STATIC) |
		    sqlite3_bind_text(up, 4, feeds[i].tag, -1, SQLITE_STATIC) |
		    sqlite3_bind_text(get, 1, url, -1, SQLITE_STATIC)) !=
		    SQLITE_OK || sqlite3_step(up) != SQLITE_DONE ||
		    sqlite3_step(get) != SQLITE_ROW) {
			store_error(st, cause);
			goto out;
		}
		ids[i] = sqlite3_column_int64(get, 0);
		if (sqlite3_bind_int64(keep, 1, ids[i]) != SQLITE_OK ||
		    sqlite3_step(keep) != SQLITE_DONE) {
			store_error(st, cause);
			goto out;
		}
	}
	/* A feed the account no longer has goes, with its items. */
	sqlite3_bind_text(del, 1, server, -1, SQLITE_STATIC);
	if (sqlite3_step(del) != SQLITE_DONE) {
		store_error(st, cause);
		goto out;
	}
	ok = 1;
out:
	sqlite3_finalize(up);
	sqlite3_finalize(get);
	sqlite3_finalize(keep);
	sqlite3_finalize(del);
	free(url);
	return (sync_end_quiet(st, ok, cause));
}

int
store_sync_list(struct store *st, const char *server, char ***urls,
    char ***tags, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*t;
	int		 rc;

	*urls = NULL;
	*tags = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, "SELECT url, sync_tag FROM feeds"
	    " WHERE sync = ?1 ORDER BY coalesce(title, url), id", cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*urls = xreallocarray(*urls, *n + 1, sizeof **urls);
		*tags = xreallocarray(*tags, *n + 1, sizeof **tags);
		(*urls)[*n] = xstrdup((const char *)sqlite3_column_text(stmt,
		    0));
		t = (const char *)sqlite3_column_text(stmt, 1);
		(*tags)[*n] = t != NULL && *t != '\0' ? xstrdup(t) : NULL;
		(*n)++;
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
store_sync_rows(struct store *st, const char *server,
    struct store_sync_row **rows, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*t;
	int		 rc;

	*rows = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, "SELECT id, CAST(substr(url,"
	    " length(?1) + 2) AS INTEGER), title FROM feeds WHERE sync = ?1",
	    cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*rows = xreallocarray(*rows, *n + 1, sizeof **rows);
		(*rows)[*n].id = sqlite3_column_int64(stmt, 0);
		(*rows)[*n].remote_id = sqlite3_column_int64(stmt, 1);
		t = (const char *)sqlite3_column_text(stmt, 2);
		(*rows)[*n].title = t != NULL ? xstrdup(t) : NULL;
		(*n)++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		while (*n > 0)
			free((*rows)[--(*n)].title);
		free(*rows);
		*rows = NULL;
		store_error(st, cause);
		return (-1);
	}
	return (0);
}

/* The one number sql (whose ?1 is server) answers. */
static int
sync_number(struct store *st, const char *sql, const char *server,
    int64_t *n, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	*n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return (0);
}

int
store_sync_since(struct store *st, const char *server, int64_t *since,
    char **cause)
{
	*since = 0;
	return (sync_number(st, "SELECT coalesce(max(i.remote_id), 0)"
	    " FROM items i JOIN feeds f ON f.id = i.feed_id"
	    " WHERE f.sync = ?1 AND i.remote_id IS NOT NULL", server, since,
	    cause));
}

int
store_sync_upto(struct store *st, const char *server, int64_t *upto,
    char **cause)
{
	*upto = 0;
	return (sync_number(st, "SELECT coalesce((SELECT upto FROM sync_state"
	    " WHERE server = ?1), 0)", server, upto, cause));
}

int
store_sync_set_upto(struct store *st, const char *server, int64_t upto,
    char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, "INSERT INTO sync_state (server, upto)"
	    " VALUES (?1, ?2) ON CONFLICT (server) DO UPDATE SET upto = ?2",
	    cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, upto);
	return (sync_run(st, stmt, cause));
}

int
store_sync_last(struct store *st, const char *server, int64_t *when,
    int64_t *marks, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*when = *marks = STORE_NOTIME;
	if ((stmt = store_prepare(st, "SELECT last, marks FROM sync_state"
	    " WHERE server = ?1", cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (sqlite3_column_type(stmt, 0) != SQLITE_NULL)
			*when = sqlite3_column_int64(stmt, 0);
		if (sqlite3_column_type(stmt, 1) != SQLITE_NULL)
			*marks = sqlite3_column_int64(stmt, 1);
	} else if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

/* Bind t as a time, NULL for STORE_NOTIME. */
static int
sync_bind_time(sqlite3_stmt *stmt, int i, int64_t t)
{
	if (t == STORE_NOTIME)
		return (sqlite3_bind_null(stmt, i));
	return (sqlite3_bind_int64(stmt, i, t));
}

int
store_sync_done(struct store *st, const char *server, int64_t when,
    int64_t marks, char **cause)
{
	sqlite3_stmt	*stmt;

	if ((stmt = store_prepare(st, "INSERT INTO sync_state (server, last,"
	    " marks) VALUES (?1, ?2, ?3) ON CONFLICT (server) DO UPDATE SET"
	    " last = coalesce(?2, last), marks = coalesce(?3, marks)",
	    cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	sync_bind_time(stmt, 2, when);
	sync_bind_time(stmt, 3, marks);
	return (sync_run(st, stmt, cause));
}

int
store_sync_counts(struct store *st, const char *server, int64_t **feed,
    int64_t **unread, int64_t **starred, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*feed = *unread = *starred = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, "SELECT f.id, f.nunread,"
	    " (SELECT count(*) FROM items i WHERE i.feed_id = f.id"
	    "  AND i.starred = 1)"
	    " FROM feeds f WHERE f.sync = ?1", cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*feed = xreallocarray(*feed, *n + 1, sizeof **feed);
		*unread = xreallocarray(*unread, *n + 1, sizeof **unread);
		*starred = xreallocarray(*starred, *n + 1, sizeof **starred);
		(*feed)[*n] = sqlite3_column_int64(stmt, 0);
		(*unread)[*n] = sqlite3_column_int64(stmt, 1);
		(*starred)[*n] = sqlite3_column_int64(stmt, 2);
		(*n)++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		return (-1);
	}
	return (0);
}

int
store_sync_item_marks(struct store *st, const char *server,
    const int64_t *remote, const unsigned char *unread,
    const unsigned char *starred, size_t n, int64_t *changed, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	size_t		 i;
	int		 ok = 0;

	if (n == 0)
		return (0);
	if (sync_begin_quiet(st, cause) != 0)
		return (-1);
	/* The feed by its rowid: "feed_id IN (SELECT ...)" would build
	 * the list of the server's feeds again at every article. */
	if ((stmt = store_prepare(st, "UPDATE items SET"
	    " read = CASE WHEN EXISTS (SELECT 1 FROM sync_queue q"
	    "  WHERE q.server = ?1 AND q.remote_id = ?2 AND q.field = 2)"
	    "  THEN read ELSE ?3 END,"
	    " starred = CASE WHEN EXISTS (SELECT 1 FROM sync_queue q"
	    "  WHERE q.server = ?1 AND q.remote_id = ?2 AND q.field = 0)"
	    "  THEN starred ELSE ?4 END"
	    " WHERE remote_id = ?2"
	    " AND EXISTS (SELECT 1 FROM feeds f WHERE f.id = items.feed_id"
	    "  AND f.sync = ?1)"
	    " AND (read <> ?3 OR starred <> ?4)", cause)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		sqlite3_reset(stmt);
		if ((sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC) |
		    sqlite3_bind_int64(stmt, 2, remote[i]) |
		    sqlite3_bind_int(stmt, 3, !unread[i]) |
		    sqlite3_bind_int(stmt, 4, starred[i] != 0)) != SQLITE_OK ||
		    sqlite3_step(stmt) != SQLITE_DONE) {
			store_error(st, cause);
			goto out;
		}
		*changed += sqlite3_changes(store_sqlite(st));
	}
	ok = 1;
out:
	sqlite3_finalize(stmt);
	return (sync_end_quiet(st, ok, cause));
}

static int
sync_id_cmp(const void *a, const void *b)
{
	const int64_t	*x = a, *y = b;

	return ((*x > *y) - (*x < *y));
}

int
store_sync_missing(struct store *st, const char *server, const int64_t *ids,
    size_t n, int64_t **missing, size_t *nmissing, char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 i, j;
	int		 rc;

	*missing = NULL;
	*nmissing = 0;
	/* The feed by its rowid, as in store_sync_item_marks(). */
	if ((stmt = store_prepare(st, "SELECT 1 FROM items i JOIN feeds f"
	    " ON f.id = i.feed_id WHERE i.remote_id = ?2 AND f.sync = ?1",
	    cause)) == NULL)
		return (-1);
	*missing = xreallocarray(NULL, n + 1, sizeof **missing);
	for (i = 0; i < n; i++) {
		sqlite3_reset(stmt);
		if ((sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC) |
		    sqlite3_bind_int64(stmt, 2, ids[i])) != SQLITE_OK ||
		    ((rc = sqlite3_step(stmt)) != SQLITE_ROW &&
		    rc != SQLITE_DONE)) {
			store_error(st, cause);
			sqlite3_finalize(stmt);
			free(*missing);
			*missing = NULL;
			*nmissing = 0;
			return (-1);
		}
		if (rc == SQLITE_ROW)
			continue;
		(*missing)[(*nmissing)++] = ids[i];
	}
	sqlite3_finalize(stmt);
	/* An id both unread and starred is asked for once: sorted, as
	 * a server may name a million. */
	qsort(*missing, *nmissing, sizeof **missing, sync_id_cmp);
	for (i = j = 0; i < *nmissing; i++)
		if (j == 0 || (*missing)[i] != (*missing)[j - 1])
			(*missing)[j++] = (*missing)[i];
	*nmissing = j;
	return (0);
}

int
store_sync_pending(struct store *st, const char *server,
    struct store_sync_change **v, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*v = NULL;
	*n = 0;
	if ((stmt = store_prepare(st, "SELECT seq, remote_id, field, value"
	    " FROM sync_queue WHERE server = ?1 ORDER BY seq", cause)) == NULL)
		return (-1);
	sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[*n].seq = sqlite3_column_int64(stmt, 0);
		(*v)[*n].remote_id = sqlite3_column_int64(stmt, 1);
		(*v)[*n].field = sqlite3_column_int(stmt, 2);
		(*v)[*n].value = sqlite3_column_int(stmt, 3) != 0;
		(*n)++;
	}
	if (rc != SQLITE_DONE) {
		store_error(st, cause);
		sqlite3_finalize(stmt);
		free(*v);
		*v = NULL;
		*n = 0;
		return (-1);
	}
	sqlite3_finalize(stmt);
	return (0);
}

/* Run sql once for each of ids[0..n), bound to ?1. */
static int
sync_each(struct store *st, const char *sql, const int64_t *ids, size_t n,
    char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 i;

	if ((stmt = store_prepare(st, sql, cause)) == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, ids[i]);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			store_error(st, cause);
			sqlite3_finalize(stmt);
			return (-1);
		}
	}
	sqlite3_finalize(stmt);
	return (0);
}

int
store_sync_sent(struct store *st, const int64_t *seq, size_t n,
    char **cause)
{
	if (sync_exec(st, "BEGIN IMMEDIATE", cause) != 0)
		return (-1);
	if (sync_each(st, "DELETE FROM sync_queue WHERE seq = ?1", seq, n,
	    cause) == 0 && sync_exec(st, "COMMIT", cause) == 0)
		return (0);
	if (!sqlite3_get_autocommit(store_sqlite(st)))
		sync_exec(st, "ROLLBACK", &(char *){ NULL });
	return (-1);
}

int
store_sync_queued(struct store *st, const char *server, int64_t *n,
    char **cause)
{
	return (sync_number(st, "SELECT count(*) FROM sync_queue"
	    " WHERE ?1 IS NULL OR server = ?1", server, n, cause));
}

/* Fill temp.table with ids[0..n). */
static int
sync_ids(struct store *st, const char *table, const int64_t *ids, size_t n,
    char **cause)
{
	char	*sql;
	int	 rc;

	xasprintf(&sql, "CREATE TEMP TABLE IF NOT EXISTS %s "
	    "(id INTEGER PRIMARY KEY)", table);
	rc = sync_exec(st, sql, cause);
	free(sql);
	if (rc != 0)
		return (-1);
	xasprintf(&sql, "DELETE FROM temp.%s", table);
	rc = sync_exec(st, sql, cause);
	free(sql);
	if (rc != 0)
		return (-1);
	xasprintf(&sql, "INSERT OR IGNORE INTO temp.%s (id) VALUES (?1)",
	    table);
	rc = sync_each(st, sql, ids, n, cause);
	free(sql);
	return (rc);
}

int
store_sync_marks(struct store *st, const char *server, const int64_t *unread,
    size_t nu, const int64_t *starred, size_t ns, int64_t *changed,
    char **cause)
{
	static const char *const sql[] = {
		"UPDATE items SET read = (remote_id NOT IN"
		" (SELECT id FROM temp.sync_unread))"
		" WHERE feed_id IN (SELECT id FROM feeds WHERE sync = ?1)"
		" AND remote_id IS NOT NULL"
		" AND (read <> 0) IS NOT (remote_id NOT IN"
		"  (SELECT id FROM temp.sync_unread))"
		" AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE"
		"  q.server = ?1 AND q.remote_id = items.remote_id"
		"  AND q.field = 2)",
		"UPDATE items SET starred = (remote_id IN"
		" (SELECT id FROM temp.sync_starred))"
		" WHERE feed_id IN (SELECT id FROM feeds WHERE sync = ?1)"
		" AND remote_id IS NOT NULL"
		" AND (starred <> 0) IS NOT (remote_id IN"
		"  (SELECT id FROM temp.sync_starred))"
		" AND NOT EXISTS (SELECT 1 FROM sync_queue q WHERE"
		"  q.server = ?1 AND q.remote_id = items.remote_id"
		"  AND q.field = 0)",
	};
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 ok = 0;

	if (sync_begin_quiet(st, cause) != 0)
		return (-1);
	if (sync_ids(st, "sync_unread", unread, nu, cause) != 0 ||
	    sync_ids(st, "sync_starred", starred, ns, cause) != 0)
		goto out;
	for (i = 0; i < nitems(sql); i++) {
		if ((stmt = store_prepare(st, sql[i], cause)) == NULL)
			goto out;
		sqlite3_bind_text(stmt, 1, server, -1, SQLITE_STATIC);
		if (sync_run(st, stmt, cause) != 0)
			goto out;
		*changed += sqlite3_changes(store_sqlite(st));
	}
	ok = 1;
out:
	return (sync_end_quiet(st, ok, cause));
}
