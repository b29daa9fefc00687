/* poll.h: the glue http -> feed -> store. One refresh of the feeds that
 * are due, shared by "tidings refresh" and the TUI's background refresh. */
#ifndef TIDINGS_POLL_H
#define TIDINGS_POLL_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct article;
struct config;
struct config_feed;
struct store;

struct poll_result {			/* one feed's outcome */
	const struct config_feed *feed;	/* NULL for a server's sync */
	const struct config_sync *sync;	/* the server, when feed is NULL */
	const char	*error;		/* NULL on success */
	const char	*redirect;	/* permanent redirect, or NULL */
	long		 status;
	int		 not_modified;
	int		 nnew;		/* new items stored */
	size_t		 dropped;	/* entries past FEED_MAX_ENTRIES */
	size_t		 done, total;	/* progress: feeds finished so far */
	int64_t		 not_due;	/* a feed left alone (POLL_SKIPPED):
					   when it is due, else 0 */
	const char	*not_due_why;	/* what decides that: "Retry-After",
					   "ttl" or "refresh-interval" */
};

struct poll_stats {
	int		 feeds;		/* feeds fetched */
	int		 ok;
	int		 not_modified;
	int		 failed;
	int		 skipped;	/* not due yet */
	int		 nnew;
	int		 feeds_new;	/* feeds that brought new items */
	int		 syncs;		/* servers synced (counted in feeds,
					   ok and failed too) */
	int		 requests;	/* HTTP requests of the syncs */
	int64_t		 sent;		/* queued changes the servers took */
	char		 notify_error[256];	/* why notify-command could
						   not start, or "" */
};

#define POLL_ALL	0x1		/* ignore due times */
#define POLL_SKIPPED	0x2		/* report feeds not due, too */

/*
 * Fetch every feed of cfg that is due (or all with POLL_ALL), parse and
 * store each as it arrives. A feed of a command (exec:, filter:;
 * config_feed_source()) is run beside the fetches (script_run(), with the
 * feed's download-timeout and max-response-size), and what it prints is
 * parsed as a body; its failure is the feed's error. Then sync each
 * server of cfg that is due by the global refresh-interval (sync.h),
 * reported as a result whose feed is NULL; a server's feeds in cfg
 * (config_sync_feed()) are never fetched by themselves. A server's
 * Retry-After and a feed's RSS ttl
 * put its next fetch off by a week at most. report(arg, r) is called
 * after each feed is stored (for progress lines or the TUI), from a
 * thread of poll's own, one call at a time; it may be NULL. With
 * POLL_SKIPPED it is also called, before any fetch and from the
 * caller's thread, for each feed that is not due, with r->not_due set. When new items were stored and the
 * notify-command setting is set, that command is started, detached and
 * not waited for (poll_notify()). Return 0 when the refresh
 * ran (whether or not feeds failed: see stats), -1 with *cause when it
 * could not run at all.
 */
int	 poll_refresh(const struct config *, struct store *, int flags,
	     void (*report)(void *, const struct poll_result *), void *arg,
	     struct poll_stats *, const atomic_int *stop, char **cause);

/*
 * Start the notify-command of cfg, if set, for a refresh that stored
 * stats->nnew new items: its words (config_words()) with %n, %f, %u and
 * %% replaced by the new items, the feeds with new items, the unread
 * items in st and "%", and the same numbers in TIDINGS_NEW,
 * TIDINGS_NEW_FEEDS and TIDINGS_UNREAD. It runs without a shell, with
 * standard input and output on /dev/null, in a process of its own that
 * is never waited for, so neither the reader nor a refresh blocks on it.
 * Return 0 when it started (or there was none to start), or -1 and set
 * *cause.
 */
int	 poll_notify(const struct config *, struct store *,
	     const struct poll_stats *, char **cause);

/*
 * Fetch the web page at url with the fetch settings of cf (NULL: the
 * global ones) and extract its article (extract.h). The URL comes from a
 * feed, so it is fetched over http or https only, never from a file. Blocks until the page
 * arrives, so the TUI calls it from a thread of its own. Return the
 * article, for the caller to extract_free(), or NULL with *cause (one
 * line that may quote the server: pass it through the terminal gate).
 */
struct article	*poll_article(const struct config *,
		     const struct config_feed *cf, const char *url,
		     const atomic_int *stop, char **cause);

/* Keep art as item_id's full article in st (store_article_put()), its
 * body as extract_html() writes it, fetched now. Return 1, 0 when the
 * item is gone (nothing is kept), or -1 and set *cause. */
int	 poll_keep_article(struct store *, int64_t item_id,
	     const struct article *, char **cause);

/*
 * Fetch the article of the item item_id from its link, with cf's fetch
 * settings, and keep it in st (poll_keep_article()), or keep why it
 * failed (store_article_failed()), so that prefetches do not try it
 * again. Return 1 when kept. Return 0 when not, with *why (one line that
 * may quote the server; the caller frees it): the item is gone or has no
 * link (nothing recorded), the page failed or holds no article
 * (recorded), or *stop was set ("interrupted", nothing recorded). Return
 * -1 and set *cause when the store fails.
 */
int	 poll_fetch_article(const struct config *,
	     const struct config_feed *cf, struct store *, int64_t item_id,
	     const atomic_int *stop, char **why, char **cause);

/* What poll_prefetch() did. */
struct poll_prefetch_stats {
	int		 kept;		/* articles fetched and kept */
	int		 failed;	/* pages that failed (recorded) */
};

/*
 * Fetch the full articles of the new items of cfg's feeds that have
 * full-article set, so that they read offline: per feed, at most limit
 * unread items with a link first seen at or after since whose article
 * was never fetched nor tried (store_articles_wanted()), newest first,
 * one page at a time with the feed's fetch settings (poll_article()). A
 * page that fails is recorded as failed (store_article_failed()) and not
 * tried again by later prefetches. Stops early when *stop is set. Add to
 * *stats; return 0, or -1 and set *cause when the store fails.
 */
int	 poll_prefetch(const struct config *, struct store *, int64_t since,
	     size_t limit, const atomic_int *stop,
	     struct poll_prefetch_stats *, char **cause);

/* A feed found by poll_discover(). */
struct poll_found {
	char		*url;		/* owned */
	char		*title;		/* owned; the feed's or the link's
					   title, or NULL; from the network */
};

/*
 * Find the feeds at url: fetch it (with the global fetch settings,
 * blocking like poll_article(); url is the user's, so it may be a
 * file:// URL of a regular file); when it is a feed, that is the one
 * found; when it is a web page, the feeds its <link rel="alternate">
 * elements announce (extract_feed_links()), in page order, that may
 * become feeds of the dotfile (config_check_import_url(): never a
 * file:// URL, which would then be read as the user's own). Return 0 and
 * set *found and *n (at least one; free with poll_found_free()), or -1
 * and set *cause (one line that may quote the server: pass it through
 * the terminal gate).
 */
int	 poll_discover(const struct config *, const char *url,
	     const atomic_int *stop, struct poll_found **found,
	     size_t *n, char **cause);
void	 poll_found_free(struct poll_found *, size_t);

/* Give a store connection what the dotfile says that filters read: its
 * feeds' titles and tags (store_set_feeds()) and its killfile
 * (store_set_ignore(), marking every item when mark is set) and its
 * highlight rules (store_set_highlights()). Return 0,
 * or -1 and set *cause. */
int	 poll_store_config(struct store *, const struct config *, int mark,
	     char **cause);

#endif /* TIDINGS_POLL_H */
