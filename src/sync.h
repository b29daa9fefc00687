/* sync.h: one sync with a server account of the dotfile ("sync" lines):
 * Tiny Tiny RSS's JSON API (level 15), over http.h, read with json.h,
 * kept with store.h. poll_refresh() runs it beside the feeds. */
#ifndef TIDINGS_SYNC_H
#define TIDINGS_SYNC_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct config;
struct config_sync;
struct json;
struct store;

#define SYNC_PAGE	200		/* getHeadlines' largest limit */
#define SYNC_BATCH	5000		/* article ids per updateArticle */

/* What one sync did. */
struct sync_stats {
	int		 requests;	/* HTTP requests made */
	int		 feeds;		/* the account's feeds */
	int		 nnew;		/* new items stored */
	int64_t		 sent;		/* queued changes the server took */
	int64_t		 marks;		/* items whose marks the server
					   changed */
};

/* The key that names the account in the store ("ttrss:USER@API-URL");
 * the caller frees it. */
char	*sync_key(const struct config_sync *);

/* The API's address for the URL of a sync line: URL itself when it ends
 * in "/api/" (or "/api"), else URL with "api/" appended. Caller frees. */
char	*sync_api_url(const char *url);

/*
 * Sync the account cs of cfg with st: log in, send the queued changes
 * (then drop them from the queue), read the account's counters, its
 * feeds and categories when the counters name others than the store has
 * (or an hour has passed), its articles newer than the newest stored
 * (all of them the first time) with their marks. When every feed's
 * unread and starred counts then agree with the store's, and the last
 * full reading is less than an hour old, that is all (three requests);
 * otherwise the ids of its unread and starred articles set the items'
 * marks, except where a change is still queued. Record the sync's time
 * (store_sync_done()). Blocks; stops
 * between requests when *stop is set. Return 0, or -1 and set *error to
 * one line (which may quote the server: pass it through the terminal
 * gate); the queue then keeps what was not sent.
 */
int	 sync_run(const struct config *cfg, const struct config_sync *cs,
	     struct store *st, const atomic_int *stop,
	     struct sync_stats *stats, char **error);

/* Add to cfg the feeds st holds for its accounts (config_sync_feed()),
 * so that the feeds pane lists them before any sync. Return how many
 * were added, or -1 and set *cause. */
int	 sync_config_feeds(struct config *cfg, struct store *st, char **cause);

/*
 * The JSON of an answer, for the tests as well. Read body (len bytes) as
 * an API answer: return 0 and set *content to its "content" when its
 * status is 0; else -1 with *error ("the server says LOGIN_ERROR", "not
 * an API answer"). Values live in arena (json.h).
 */
struct json_arena;
int	 sync_answer(const char *body, size_t len, struct json_arena *arena,
	     const struct json **content, char **error);

/* A number of an answer, written as a JSON number or a string of
 * digits: return 0 and set *out, or -1 when it is anything else (a
 * fraction, an exponent, out of range, another type). */
int	 sync_int(const struct json *, int64_t *out);

/* A truth value: true or false, a number, or the strings "t", "f",
 * "true", "false", "1", "0". Anything else is def. */
int	 sync_bool(const struct json *, int def);

/* One article of getHeadlines, its strings owned (text through the
 * terminal gate), content NULL when not asked for. */
struct sync_headline {
	int64_t		 id;
	int64_t		 feed_id;
	int64_t		 updated;	/* or INT64_MIN */
	char		*title;
	char		*link;
	char		*author;
	char		*content;
	int		 unread;
	int		 marked;
};

/* The articles of a getHeadlines content array; those without a valid
 * id (a positive number) or feed id are left out. Set *v and *n (free
 * with sync_headlines_free()); *total is how many the array held. */
void	 sync_headlines(const struct json *content, struct sync_headline **v,
	     size_t *n, size_t *total);
void	 sync_headlines_free(struct sync_headline *, size_t);

#endif /* TIDINGS_SYNC_H */
