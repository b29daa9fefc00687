/* store-int.h: what the files of the store module share: newsboat's
 * cache.db as the store reads it (store-nb.c) and filters compiled to SQL
 * (store-filter.c); included by store*.c only. */
#ifndef TIDINGS_STORE_INT_H
#define TIDINGS_STORE_INT_H

#include <sqlite3.h>

#include "feed.h"

struct buf;
struct filter;
struct store;

struct store_nb;			/* opaque; owns the handle of the file */

/* One feed of newsboat's, as a fetch would have brought it. */
struct store_nb_feed {
	struct feed	 f;		/* title, link and undeleted items */
	char		*etag;		/* may be NULL */
	char		 last_modified[64]; /* an HTTP date, or "" */
	unsigned char	*read;		/* one mark per entry of f */
	unsigned char	*starred;	/* likewise: newsboat's flags */
};

/* Open newsboat's cache.db at path read-only and immutable, so nothing is
 * written to it, and check it has newsboat's tables. On failure return NULL
 * and set *cause, which names the path. */
struct store_nb	*store_nb_open(const char *path, char **cause);
void		 store_nb_close(struct store_nb *);

/* Read the feed url and its undeleted items into *nf. Return 1 (release *nf
 * with store_nb_release()), 0 when the cache has no such feed, or -1 and
 * *cause; *nf holds nothing after 0 and -1. */
int		 store_nb_feed(struct store_nb *, const char *url,
		     struct store_nb_feed *nf, char **cause);
void		 store_nb_release(struct store_nb_feed *);

/*
 * Filters as SQL (store-filter.c). A filter becomes a condition on the
 * row "i" of items, in parentheses, whose values are named parameters
 * :f1, :f2, ... collected in a struct store_params, never text of the
 * statement; feed attributes are looked up in feeds and temp.feedconf
 * (store_set_feeds()). Times relative to now (age) are bound when the
 * statement runs, so a kept statement stays current.
 */
struct store_param {
	int		 kind;		/* STORE_P_* */
	int64_t		 n;
	char		*s;		/* STORE_P_TEXT; owned */
};
#define STORE_P_INT	0
#define STORE_P_TEXT	1
#define STORE_P_AGO	2		/* now - n */

struct store_params {
	struct store_param *v;
	size_t		 n;
	int		 ordered;	/* for a page in date order: flags are
					   +i.read, not to be looked up
					   through their partial indexes */
	int		 onefeed;	/* the statement's items are all of
					   the feed :feed, whose attributes
					   alone the feed's rules look up */
};

/* Append f's condition to sql and its values to ps. Return 0, or -1 and
 * set *cause (the search index's tokenizer is missing). */
int	 store_filter_sql(struct store *, struct buf *sql,
	     const struct filter *f, struct store_params *ps, char **cause);
/* Whether f reads an item's own text (title, link, author, guid,
 * content, enclosures), which only a scan of every item answers. */
int	 store_filter_scans(const struct filter *f);
/* Whether f reads a column the index items_feed_list does not hold
 * (guid, content, enclosures): a scan of f reads the rows. */
int	 store_filter_reads_rows(const struct filter *f);
/* Bind ps into stmt. Return an SQLite code. */
int	 store_params_bind(sqlite3_stmt *, const struct store_params *);
void	 store_params_release(struct store_params *);
/* The SQL function filter_regexp(pattern, text): 1 when the filter
 * language's regular expression matches text, compiled once per
 * statement (auxiliary data of the pattern argument). */
void	 store_regexp_fn(sqlite3_context *, int, sqlite3_value **);
/* The SQL aggregate filter_top(limit, date, id, asc): the ids of the
 * first limit (at most STORE_TOP_MAX) rows it was given in date order,
 * newest first unless asc, as a JSON array. */
#define STORE_TOP_MAX	65536
void	 store_top_step(sqlite3_context *, int, sqlite3_value **);
void	 store_top_final(sqlite3_context *);

/* store.c: the connection's handle, and *cause set from its last
 * error (with what it means to the user: a full disk, a lock), for the
 * other store*.c files. */
sqlite3	*store_sqlite(struct store *);
/* Prepare sql uncached (store.c), or set *cause. */
sqlite3_stmt *store_prepare(struct store *, const char *sql, char **cause);
void	 store_error(struct store *, char **cause);

/*
 * Schema version 11 (store-sync.c): a server's feeds carry its key (sync)
 * and category (sync_tag); an item of a server has the key
 * "id:tidings-sync:N", N the server's article id, which remote_id reads.
 * A change of read or starred on such an item, unless the sync itself
 * makes it (a row in sync_quiet, inside the sync's transaction), puts
 * (server, article, field, value) in sync_queue in the same
 * transaction, replacing an older change of that field: field 2 is
 * "unread", 0 "starred", as Tiny Tiny RSS numbers them.
 */
#define STORE_SYNC_KEY	"tidings-sync:"
#define STORE_SYNC_SCHEMA						\
	"ALTER TABLE feeds ADD COLUMN sync TEXT;"			\
	"ALTER TABLE feeds ADD COLUMN sync_tag TEXT;"			\
	"CREATE INDEX feeds_sync ON feeds (sync) WHERE sync IS NOT NULL;" \
	"ALTER TABLE items ADD COLUMN remote_id INTEGER GENERATED ALWAYS AS"\
	"  (CASE WHEN key GLOB 'id:tidings-sync:[0-9]*'"		\
	"  THEN CAST(substr(key, 17) AS INTEGER) END) VIRTUAL;"	\
	"CREATE INDEX items_remote ON items (remote_id)"		\
	"  WHERE remote_id IS NOT NULL;"				\
	"CREATE TABLE sync_queue ("					\
	"  seq INTEGER PRIMARY KEY AUTOINCREMENT,"			\
	"  server TEXT NOT NULL,"					\
	"  remote_id INTEGER NOT NULL,"				\
	"  field INTEGER NOT NULL,"					\
	"  value INTEGER NOT NULL,"					\
	"  UNIQUE (server, remote_id, field));"			\
	"CREATE TABLE sync_quiet (on_ INTEGER);"			\
	"CREATE TABLE sync_state (server TEXT PRIMARY KEY,"		\
	"  last INTEGER, marks INTEGER) WITHOUT ROWID;"		\
	"CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON items"	\
	"  WHEN new.remote_id IS NOT NULL"				\
	"    AND (old.read = 0) IS NOT (new.read = 0)"			\
	"    AND NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"		\
	"  INSERT OR REPLACE INTO sync_queue (server, remote_id, field,"\
	"    value) SELECT sync, new.remote_id, 2, new.read = 0"	\
	"    FROM feeds WHERE id = new.feed_id AND sync IS NOT NULL;"	\
	"END;"								\
	"CREATE TRIGGER sync_queue_starred AFTER UPDATE OF starred ON items"\
	"  WHEN new.remote_id IS NOT NULL"				\
	"    AND (old.starred = 0) IS NOT (new.starred = 0)"		\
	"    AND NOT EXISTS (SELECT 1 FROM sync_quiet) BEGIN"		\
	"  INSERT OR REPLACE INTO sync_queue (server, remote_id, field,"\
	"    value) SELECT sync, new.remote_id, 0, new.starred <> 0"	\
	"    FROM feeds WHERE id = new.feed_id AND sync IS NOT NULL;"	\
	"END;"

/* store.c: split text into search terms as store_search() does, each a
 * quoted FTS5 string, the last one a prefix when prefix is set. Return
 * 1 and a vector (free each and it), 0 when text has no word, or -1. */
int	 store_fts_terms(struct store *, const char *text, int prefix,
	     char ***terms, size_t *n, char **cause);

#endif /* TIDINGS_STORE_INT_H */
