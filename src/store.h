/* store.h: feeds, items and their read/starred state in one SQLite file.
 *
 * A struct store is one connection; use one per thread. Several processes
 * (the TUI and a "tidings refresh" from cron) may use the same file at once:
 * writes wait for each other (busy timeout) and every feed's update is one
 * transaction, so a crash leaves each feed's items all in or all out. */
#ifndef TIDINGS_STORE_H
#define TIDINGS_STORE_H

#include <stddef.h>
#include <stdint.h>

struct feed;				/* feed.h */
struct filter;				/* filter.h */
struct store;				/* opaque; owns the sqlite3 handle */

#define STORE_NOTIME	INT64_MIN

/* What a fetch of one feed found; saved together with its items. */
struct store_fetch {
	int64_t		 time;		/* when it was fetched */
	long		 status;	/* HTTP status, 0 when none came */
	const char	*error;		/* NULL on success */
	int		 not_modified;	/* 304: the items are unchanged */
	const char	*etag;		/* validators to send next time */
	const char	*last_modified;
	const char	*redirect;	/* permanent redirect target, or NULL */
	int64_t		 next;		/* earliest next fetch, or STORE_NOTIME */
};

/* A row of the feeds table, with counts. */
struct store_feed {
	int64_t		 id;
	char		*url;
	char		*title;		/* the feed's own title, or NULL */
	char		*link;		/* or NULL */
	char		*etag;		/* or NULL */
	char		*last_modified;	/* or NULL */
	char		*error;		/* last fetch's error, or NULL */
	char		*redirect;	/* permanent redirect seen, or NULL */
	long		 status;	/* last HTTP status, 0 when none */
	int64_t		 last_fetch;	/* or STORE_NOTIME */
	int64_t		 next_fetch;	/* or STORE_NOTIME */
	int64_t		 unread, total;
};

/* A row of an items list. */
struct store_item {
	int64_t		 id;
	int64_t		 feed_id;
	char		*title;		/* never NULL ("" when untitled) */
	char		*link;		/* or NULL */
	char		*author;	/* or NULL */
	int64_t		 date;		/* published, else updated, else first seen */
	unsigned	 unread : 1;
	unsigned	 starred : 1;
	size_t		 highlight;	/* store_page(): 1 + the index of the
					   first highlight rule it meets, 0:
					   none (store_set_highlights()) */
	char		*guid;		/* store_page() in guid order: the
					   guid ("" for none), else NULL */
};

/* Open or create the database at path (creating its directory), migrate
 * the schema to the current version. On failure return NULL and set
 * *cause. */
struct store	*store_open(const char *path, char **cause);

/* The same for commands that only read, and the reader: a database this
 * process may not write (a read-only file or file system), or cannot
 * make the files beside it that reading a WAL database needs (a full
 * disk, a quota, ulimit -f), is opened immutable when its schema is
 * current and its log empty, and every write then fails with
 * "read-only". */
struct store	*store_open_read(const char *path, char **cause);
void		 store_close(struct store *);

/* The feed row for url, created when missing. Return 0 and set *id. */
int	 store_feed_id(struct store *, const char *url, int64_t *id,
	     char **cause);

/* Fill *out with the row of url. Return 1 when found, 0 when the store
 * has no such feed, -1 on error. Free with store_feed_release(). */
int	 store_feed_get(struct store *, const char *url, struct store_feed *,
	     char **cause);
void	 store_feed_release(struct store_feed *);

/* Every feed with its counts, ordered by id. Free with store_feeds_free(). */
int	 store_feeds(struct store *, struct store_feed **, size_t *,
	     char **cause);
void	 store_feeds_free(struct store_feed *, size_t);

/*
 * Record one fetch of feed_id in one transaction: its outcome, its
 * validators and, when f is not NULL, the feed's metadata and items.
 * Items are matched by identity (guid/id, else link, else a hash of title
 * and content); a known item is updated in place and keeps its read and
 * starred state, a new one is added unread. max_items > 0 trims the
 * oldest items beyond that count that the latest fetch no longer carried
 * and that are not starred; retention > 0 does the same for items first
 * seen longer ago than that many seconds. Set *nnew to the number of new
 * items. On error nothing of this fetch is stored.
 */
int	 store_update(struct store *, int64_t feed_id,
	     const struct store_fetch *, const struct feed *f,
	     int64_t max_items, int64_t retention, int *nnew, char **cause);

/*
 * Several store_update() calls in one transaction, which writes each page
 * of the database once rather than once a feed: a server's page of
 * articles from a hundred feeds. store_batch() begins it; until
 * store_batch_end(), store_update() neither begins nor commits, and one
 * that fails rolls back the whole batch. store_batch_end() commits it
 * (commit set) or rolls it back. Return 0, or -1 and set *cause: a
 * commit of a batch rolled back already fails.
 */
int	 store_batch(struct store *, char **cause);
int	 store_batch_end(struct store *, int commit, char **cause);

/* Remove feeds (and their items) whose URLs are not among keep[0..n).
 * Return the number of feeds removed, or -1. */
int	 store_gc(struct store *, char *const *keep, size_t n, char **cause);

/* Unread items in all feeds (feed_id 0) or in one. Return -1 on error. */
int64_t	 store_unread(struct store *, int64_t feed_id, char **cause);

/* Unread items in the feeds whose URLs are urls[0..n) (those of the
 * dotfile: a feed dropped from it keeps its items until store_gc(), and
 * they count no more). Return -1 on error. */
int64_t	 store_unread_urls(struct store *, char *const *urls, size_t n,
	     char **cause);

/* Items newest first, at most limit of them, starting after offset rows;
 * all feeds when feed_id is 0. Free with store_items_free(). */
int	 store_items(struct store *, int64_t feed_id, size_t offset,
	     size_t limit, struct store_item **, size_t *, char **cause);
void	 store_items_free(struct store_item *, size_t);

/*
 * Filters (filter.h). The dotfile's own names and tags for its feeds,
 * which feedtitle and tags read: urls[i] has titles[i] (NULL: the feed's
 * own) and tags[i] (space-separated, NULL: none). They replace what this
 * connection was given before. Return 0, or -1 and set *cause.
 */
int	 store_set_feeds(struct store *, char *const *urls,
	     char *const *titles, char *const *tags, size_t n, char **cause);

/*
 * The killfile: items any of rules[0..n) selects stay stored but are left
 * out of every list, count and search of this connection (store_feeds(),
 * store_count(), store_page(), store_search(), store_unread_urls(),
 * marking), except where a struct store_filter says ignored. Rules must
 * not ask about state (filter_stateful()). The rules are copied; they
 * replace those given before, and store_update() marks what each fetch
 * brings with them.
 *
 * With mark set, every item's mark is brought up to date first, a scan
 * of the items when the rules (or the titles and tags of
 * store_set_feeds() that they read) are not those the marks were made
 * from, and nothing otherwise; lists and counts then read the marks. A
 * file that cannot be written keeps its marks, and the rules then run in
 * every query instead. Without mark (a refresh that sees part of the
 * dotfile), only new items are marked. Return 0, or -1 and set *cause.
 */
/* The dotfile's highlight rules, rules[0..n), copied: store_page() tells
 * which one each item it lists meets first. Return 0, or -1 and set
 * *cause. */
int	 store_set_highlights(struct store *,
	     const struct filter *const *rules, size_t n, char **cause);
int	 store_set_ignore(struct store *, const struct filter *const *rules,
	     size_t n, int mark, char **cause);

/* Set an item's read or starred flag; an item deleted meanwhile (by a
 * refresh trimming its feed) is an error. */
int	 store_set_read(struct store *, int64_t item_id, int read, char **cause);
int	 store_set_starred(struct store *, int64_t item_id, int starred,
	     char **cause);
/* Mark every item of feed_id (0: all feeds) read. Return how many changed. */
int64_t	 store_mark_feed_read(struct store *, int64_t feed_id, char **cause);

/*
 * Bring the search index up to date. store_update() indexes new items
 * itself while the index has every older item; a database an older
 * tidings or an import filled has a backlog, which this indexes (an idle
 * UI calls it in small batches). Index up to limit waiting items (0:
 * all), oldest first, in one transaction, and set *left to how many still
 * wait: 0 exactly when the index is complete, otherwise an upper bound
 * (it counts items deleted before their turn until the index passes
 * them). Indexing costs about 50 microseconds per item of a few
 * kilobytes. Safe while other connections or processes write; when
 * nothing waits it takes no write lock. Return 0, or -1 and set *cause.
 */
int	 store_index(struct store *, size_t limit, size_t *left, char **cause);

/* Items whose title, text or full article contain every word of query
 * (each word in any of them), the last one as a prefix (search as you
 * type), newest first. query is the user's text, not FTS5 syntax: it is
 * split into words as the index splits text (runs of letters and
 * digits), so quotes, operators and parentheses are not words. A query
 * without a letter or digit finds nothing. Of a backlog (see
 * store_index()), a search indexes what it can in some 25 ms and finds
 * among the indexed items only, so that it never blocks for long: a
 * caller whose store_index() says items still wait should say that
 * results may be missing. */
int	 store_search(struct store *, const char *query, size_t limit,
	     struct store_item **, size_t *, char **cause);

/*
 * Queries for the TUI. Lists are read a page at a time, so what the UI
 * holds grows with the screen and not with the database: a page starts
 * after (or before) a row the UI already has, found through the (date, id)
 * indexes, so paging costs the same at the bottom of a long list as at
 * its top.
 */

/* Which items a list shows: those of feeds[0..nfeeds) (every feed when
 * feeds is NULL), only the unread ones when unread is set, only the
 * starred ones when starred is (through their own small index). Newest
 * first, as store_items() orders them, unless sort says otherwise: only
 * date order walks an index, any other sorts the items the list holds
 * at every page. A page after a row in another order reads that row's
 * key (title, author, feed or read state) from the store by its id. */
struct store_filter {
	const int64_t	*feeds;
	size_t		 nfeeds;
	int		 unread;
	int		 starred;	/* only starred items */
	const struct filter *expr;	/* only the items it selects; borrowed */
	const struct filter *narrow;	/* and those this one selects */
	const struct filter *also;	/* beside feeds' items, those this
					   one selects in any feed (a tag's
					   queries); borrowed */
	int		 ignored;	/* the killfile's items too */
	int		 sort;		/* the order (filter.h's
					   filter_sort_parse()); 0: newest
					   first */
};

/* How many items q lists; with before not NULL, how many of them come
 * before that row (are newer), which is the row's index in the list. */
int	 store_count(struct store *, const struct store_filter *q,
	     const struct store_item *before, int64_t *n, char **cause);

/*
 * Up to limit items of q, skipping skip first. Forward (backward == 0):
 * in list order, starting after the row from, or at the top when from is
 * NULL. Backward: in reverse order, starting before from, or at the bottom
 * when from is NULL. from's date and id place it; in an order by another
 * key its title, author, feed, read state, link or guid too, when the
 * store no longer has the row (a refresh deleted it) and from->title is
 * not NULL. Free the rows with store_items_free().
 */
int	 store_page(struct store *, const struct store_filter *q,
	     const struct store_item *from, int backward, size_t skip,
	     size_t limit, struct store_item **, size_t *, char **cause);

/* How many items q lists, in *total, and its first limit rows, as
 * store_count() and store_page() from the top give them, read together:
 * when q's filters read the items' text, in one pass over them instead
 * of two. Free the rows with store_items_free(). */
int	 store_count_page(struct store *, const struct store_filter *q,
	     size_t limit, int64_t *total, struct store_item **, size_t *,
	     char **cause);

/* Set *json to item_id's enclosures as the JSON array stored with it
 * ([{"url":..,"type":..,"length":N,"duration":S}, ...]; length and
 * duration are -1 when unknown, and duration is absent from items stored
 * before it was kept), "[]" when it has none; the
 * caller frees it. Return 1, 0 when the item is gone, or -1. */
int	 store_item_enclosures(struct store *, int64_t item_id, char **json,
	     char **cause);

/* An item's enclosure (a podcast's episode), as the feed gave it. */
struct store_enclosure {
	char		*url;		/* never NULL */
	char		*type;		/* MIME type, or NULL */
	int64_t		 length;	/* bytes, or -1 when unknown */
	int64_t		 duration;	/* seconds, or -1 when unknown (and
					   for items stored before durations
					   were kept, until their feed's next
					   refresh) */
};

/* Set *v to item_id's enclosures in the feed's order, *n to how many (0:
 * none, *v NULL). Return 1, 0 when the item is gone, or -1. Free with
 * store_enclosures_free(). */
int	 store_item_enclosure_list(struct store *, int64_t item_id,
	     struct store_enclosure **v, size_t *n, char **cause);
void	 store_enclosures_free(struct store_enclosure *, size_t);

/* One item with its text, for the article view. */
struct store_body {
	struct store_item item;
	char		*summary;	/* or NULL */
	char		*content;	/* or NULL */
};

/* Fill *b with item_id. Return 1, 0 when the item is gone (a refresh
 * trimmed it), or -1. Free with store_body_release(). */
int	 store_item_get(struct store *, int64_t item_id, struct store_body *b,
	     char **cause);
void	 store_body_release(struct store_body *);

/*
 * Mark every unread item of q read in one transaction and keep their ids
 * on this connection, under a number set in *mark, so that
 * store_unmark_read() can take it back. *changed is how many changed.
 * Kept ids cost memory until store_unmark_read() or store_mark_forget().
 */
int	 store_mark_read(struct store *, const struct store_filter *q,
	     int64_t *mark, int64_t *changed, char **cause);
/* Mark the items of mark unread again (those still stored) and forget
 * them. */
int	 store_unmark_read(struct store *, int64_t mark, int64_t *changed,
	     char **cause);
/* Forget the ids kept under mark. */
int	 store_mark_forget(struct store *, int64_t mark, char **cause);

/*
 * The same in steps, so that a reader can go on answering keys while
 * 100k items change (each row rewritten costs some 20 microseconds, as
 * items are wide rows). store_mark_begin() sets *mark to a new mark and
 * *upto to the newest item's id, so that the steps leave alone items
 * that come later. store_mark_step_read() marks read, in one
 * transaction, up to limit (0: all) unread items of q with ids up to
 * upto, keeps their ids under mark and adds how many to *changed; it
 * returns 1 when more may be left, 0 when none is, or -1.
 * store_unmark_step() marks unread again, in one transaction, those of
 * the next limit ids (0: all) kept under mark after *after that are read,
 * adds how many to *changed and moves *after past them; start with
 * *after = 0. It returns 1 while it moved, 0 when no id is left, or -1.
 */
int	 store_mark_begin(struct store *, int64_t *mark, int64_t *upto,
	     char **cause);
int	 store_mark_step_read(struct store *, const struct store_filter *q,
	     int64_t mark, int64_t upto, size_t limit, int64_t *changed,
	     char **cause);
int	 store_unmark_step(struct store *, int64_t mark, int64_t *after,
	     size_t limit, int64_t *changed, char **cause);

/*
 * The full article of an item, fetched from its link by reader mode and
 * kept so that it reads offline. The store does not parse it: body is
 * the clean HTML extract_html() writes, for the renderer to set again at
 * any width. Every string is owned and may be NULL.
 */
struct store_article {
	int64_t		 item_id;
	char		*url;		/* the page's address, after redirects */
	char		*title;
	char		*byline;
	char		*site_name;
	char		*lead_image;
	int64_t		 published;	/* or STORE_NOTIME */
	char		*body;		/* NULL: no fetch has succeeded */
	int64_t		 fetched;	/* the last success, or STORE_NOTIME */
	int64_t		 tried;		/* the last attempt */
	char		*error;		/* the last attempt's error, or NULL */
};

/* Keep a fetched article (fetched is its time; item_id, body and the
 * metadata are used), replacing an earlier one and clearing the last
 * error. Return 1, 0 when the item is gone (nothing is kept), or -1. */
int	 store_article_put(struct store *, const struct store_article *,
	     char **cause);
/* Record that fetching item_id's article failed at when, with error;
 * an article fetched before is kept. Return 1, 0 when the item is gone,
 * or -1. */
int	 store_article_failed(struct store *, int64_t item_id, int64_t when,
	     const char *error, char **cause);
/* Fill *a with item_id's article. Return 1, 0 when none was ever fetched
 * (or tried), or -1. Free with store_article_release(). */
int	 store_article_get(struct store *, int64_t item_id,
	     struct store_article *a, char **cause);
void	 store_article_release(struct store_article *);

/* Up to limit unread items of feed_id with a link, first seen at or
 * after since, whose article was never fetched nor tried: what a
 * prefetch should fetch, newest first. The caller frees *ids. */
int	 store_articles_wanted(struct store *, int64_t feed_id, int64_t since,
	     size_t limit, int64_t **ids, size_t *n, char **cause);

/*
 * Enclosures downloaded into files (download.c), a row each: one per
 * URL and one per file. The rows say what is queued, done or failed and
 * how far a download came; which process runs one is not theirs to say
 * (a lock on the file is, which a killed process cannot leave behind).
 */
#define STORE_DL_QUEUED	0
#define STORE_DL_DONE	1
#define STORE_DL_FAILED	2
#define STORE_DL_CANCELLED 3		/* stopped by the user; no .part */

struct store_download {
	int64_t		 id;
	char		*url;		/* the enclosure's */
	char		*path;		/* the file, complete; it comes as
					   path + ".part" */
	int64_t		 item_id;	/* 0: none, or the item is gone */
	char		*title;		/* what the list shows */
	int		 state;		/* STORE_DL_* */
	int64_t		 size;		/* bytes in all, or -1 when unknown */
	int64_t		 got;		/* bytes written so far */
	char		*error;		/* why it failed, or NULL */
	int64_t		 added;
	int64_t		 finished;	/* or STORE_NOTIME */
};

/* Queue d (url, path, item_id, title, size, added are used). Return 1
 * when queued (d->id set; a download of url that failed or was cancelled
 * is queued again,
 * d->path set to its file), 0 when url is queued or downloaded already
 * (*d is then that row), 2 when another download has the file d->path
 * (nothing is queued: choose another), or -1 and set *cause. */
int	 store_download_add(struct store *, struct store_download *d,
	     char **cause);
/* Fill *d with the download of url (release it first). Return 1, 0 when
 * there is none, or -1. */
int	 store_download_find(struct store *, const char *url,
	     struct store_download *d, char **cause);
/* The downloads with ids above after, in the order queued; with queued
 * set, only the first queued one. Free with store_downloads_free(). */
int	 store_downloads(struct store *, int64_t after, int queued,
	     struct store_download **v, size_t *n, char **cause);
/* Write d's state, size, got, error and finished to its row (d->id). */
int	 store_download_set(struct store *, const struct store_download *d,
	     char **cause);
/* The same, but only while the row says queued: what the one who
 * downloads it writes, since a row cancelled (or forgotten) meanwhile is
 * no longer the downloader's. Return 1 when written, 0 when the row is
 * not queued (the download is to stop), or -1 and set *cause. */
int	 store_download_update(struct store *,
	     const struct store_download *d, char **cause);
/* Cancel the download id when it is queued: its state becomes
 * STORE_DL_CANCELLED and got 0, finished now. Return 1 with *path its
 * file (the caller frees it), 0 when it is not queued (or gone), or -1
 * and set *cause. */
int	 store_download_cancel(struct store *, int64_t id, int64_t now,
	     char **path, char **cause);
/* Queue the download id again when it failed or was cancelled. Return 1,
 * 0 when it did neither (or is gone), or -1 and set *cause. */
int	 store_download_retry(struct store *, int64_t id, char **cause);
/* Forget the download id unless it is queued (its file stays). Return 1
 * with *path its file (when path is not NULL; the caller frees it), 0
 * when it is queued or gone, or -1 and set *cause. */
int	 store_download_forget(struct store *, int64_t id, char **path,
	     char **cause);
void	 store_download_release(struct store_download *);
void	 store_downloads_free(struct store_download *, size_t);
/* Up to limit items of feed_id first seen at or after since that have
 * enclosures and are not ignored, newest first: what a feed that
 * downloads its enclosures brought. The caller frees *ids. */
int	 store_enclosures_new(struct store *, int64_t feed_id, int64_t since,
	     size_t limit, int64_t **ids, size_t *n, char **cause);

/* What store_import_newsboat() brought in. */
struct store_import {
	int		 feeds;		/* feeds whose items came in */
	int		 fetched;	/* feeds tidings had fetched itself:
					   left alone */
	int64_t		 items;		/* items added */
	int64_t		 read;		/* of them, marked read */
	int64_t		 starred;	/* of them, starred */
};

/*
 * Bring in what newsboat's cache.db at nbpath holds for the feeds
 * urls[0..n): their items with newsboat's read marks (flagged items are
 * starred) and their ETag and Last-Modified, recorded as a fetch at when,
 * so that the next refresh is a conditional one. Feeds this store has
 * fetched already are left alone, and so are feeds the cache lacks. The
 * cache is opened read-only and immutable and never written; newsboat
 * must not be running. Each feed is one transaction. Return 0 and fill
 * *out, or -1 and set *cause.
 */
int	 store_import_newsboat(struct store *, const char *nbpath,
	     char *const *urls, size_t n, int64_t when,
	     struct store_import *out, char **cause);

/*
 * Sync with servers (sync.h; store-sync.c). A server is named by its
 * key (sync_key()); its feeds are rows whose URL is the key, "#" and the
 * server's feed id, which store_gc() leaves alone. An item of a server
 * is stored by store_update() from an entry whose id is
 * "tidings-sync:N", N the server's article id. Marking such an item read,
 * unread, starred or not, by any function of this file, queues the
 * change in the same transaction; the queue keeps the latest change of
 * each item's field.
 */
struct store_sync_feed {
	int64_t		 remote_id;	/* the server's feed id */
	const char	*title;		/* or NULL */
	const char	*tag;		/* its category, or NULL */
};

/* Make the server's feeds feeds[0..n): add rows missing, set titles and
 * tags, delete the server's other rows with their items, in one
 * transaction; set ids[i] to feeds[i]'s row. Return 0, or -1. */
int	 store_sync_feeds(struct store *, const char *server,
	     const struct store_sync_feed *feeds, size_t n, int64_t *ids,
	     char **cause);

/* The server's feed rows: their URLs and tags (NULL: none), for the
 * feeds pane; free both with util's strv or one by one. */
int	 store_sync_list(struct store *, const char *server, char ***urls,
	     char ***tags, size_t *n, char **cause);

/* The server's feed rows: id, the server's feed id, title (owned, may
 * be NULL). Free *rows and each title. */
struct store_sync_row {
	int64_t		 id;
	int64_t		 remote_id;
	char		*title;
};
int	 store_sync_rows(struct store *, const char *server,
	     struct store_sync_row **rows, size_t *n, char **cause);

/* The highest article id of the server stored, 0 when none. */
int	 store_sync_since(struct store *, const char *server, int64_t *since,
	     char **cause);

/* The article id up to which the server's new articles were last read
 * through to the end, 0 when never; and set it. A reading cut short
 * (killed, failed) leaves it, so that the next one asks again for every
 * article above it: what was stored meanwhile is known, what was not
 * comes then. */
int	 store_sync_upto(struct store *, const char *server, int64_t *upto,
	     char **cause);
int	 store_sync_set_upto(struct store *, const char *server, int64_t upto,
	     char **cause);

/* When the server's last sync succeeded, and when its last one read
 * every mark (STORE_NOTIME: never); and set them (STORE_NOTIME: leave
 * as it is). */
int	 store_sync_last(struct store *, const char *server, int64_t *when,
	     int64_t *marks, char **cause);
int	 store_sync_done(struct store *, const char *server, int64_t when,
	     int64_t marks, char **cause);

/* Each of the server's feeds with its unread and starred items: feed[i]
 * is the row's id. Free the three arrays. */
int	 store_sync_counts(struct store *, const char *server, int64_t **feed,
	     int64_t **unread, int64_t **starred, size_t *n, char **cause);

/* Take the marks the server gave articles remote[0..n) (new ones, read
 * with them): unread[i], starred[i] are 0 or 1; a field with a change
 * queued keeps its own. Nothing is queued. Add to *changed. */
int	 store_sync_item_marks(struct store *, const char *server,
	     const int64_t *remote, const unsigned char *unread,
	     const unsigned char *starred, size_t n, int64_t *changed,
	     char **cause);

/* Of the article ids ids[0..n), those the server's items in the store
 * lack, each once, into *missing (free it). */
int	 store_sync_missing(struct store *, const char *server,
	     const int64_t *ids, size_t n, int64_t **missing, size_t *nmissing,
	     char **cause);

/* A change of the queue. */
struct store_sync_change {
	int64_t		 seq;		/* its place in the queue */
	int64_t		 remote_id;	/* the server's article id */
	int		 field;		/* 2: unread, 0: starred */
	int		 value;		/* 1: set, 0: cleared */
};

/* Every change queued for the server, oldest first. Free *v. */
int	 store_sync_pending(struct store *, const char *server,
	     struct store_sync_change **v, size_t *n, char **cause);
/* Drop the changes seq[0..n) the server took (a change made since, with
 * a new seq, stays). */
int	 store_sync_sent(struct store *, const int64_t *seq, size_t n,
	     char **cause);
/* How many changes wait for the server (NULL: every server). */
int	 store_sync_queued(struct store *, const char *server, int64_t *n,
	     char **cause);

/*
 * Take the server's marks: its items whose article ids are among
 * unread[0..nu) are unread, the others read; those among
 * starred[0..ns) starred, the others not; except a field with a change
 * still queued, which wins (it is sent at the next sync). Nothing is
 * queued by this. Add to *changed the items whose marks changed.
 */
int	 store_sync_marks(struct store *, const char *server,
	     const int64_t *unread, size_t nu, const int64_t *starred,
	     size_t ns, int64_t *changed, char **cause);

#endif /* TIDINGS_STORE_H */
