/* sync.h: one sync with a server account of the dotfile ("sync" lines):
 * Tiny Tiny RSS's JSON API (level 15), the Google Reader API or
 * Miniflux's API (v1), over
 * http.h, read with json.h, kept with store.h. poll_refresh() runs it
 * beside the feeds. */
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
#define SYNC_GREADER_PAGE	250	/* items per stream/contents */
#define SYNC_GREADER_IDS	10000	/* ids per stream/items/ids */
#define SYNC_GREADER_BATCH	1000	/* ids per edit-tag */
#define SYNC_MINIFLUX_PAGE	250	/* entries per GET /v1/entries */
#define SYNC_MINIFLUX_BATCH	5000	/* ids per PUT /v1/entries */

/* What one sync did. */
struct sync_stats {
	int		 requests;	/* HTTP requests made */
	int		 feeds;		/* the account's feeds */
	int		 nnew;		/* new items stored */
	int64_t		 sent;		/* queued changes the server took */
	int64_t		 marks;		/* items whose marks the server
					   changed */
};

/* The key that names the account in the store ("ttrss:USER@API-URL",
 * "greader:USER@URL" without its trailing "/"); the caller frees it. */
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
 * marks, except where a change is still queued (Tiny Tiny RSS: those the
 * store lacks, which a reading by pages missed, are fetched by id). Record the sync's time
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

/*
 * The Google Reader API's parts, for the tests as well.
 *
 * An item id in its long form ("tag:google.com,2005:reader/item/" and
 * 1 to 16 hex digits) or in decimal: return 0 and set *out, or -1 when
 * it is neither, or is 0 or above 2^63 - 1 (which the store cannot keep).
 */
int	 sync_greader_item_id(const char *, int64_t *out);

/* A feed's stream id "feed/...": "feed/N" (N decimal, 1 to 18 digits) is
 * N; any other a number of its own above 2^62 (a hash). -1 when it does
 * not start with "feed/". */
int	 sync_greader_feed_id(const char *stream, int64_t *out);

/* The token of the "Auth=" line of ClientLogin's answer (len bytes), or
 * NULL when there is none or it is not visible ASCII. Caller frees. */
char	*sync_greader_auth(const char *body, size_t len);

/* The items of a stream/contents answer doc, as sync_headlines() gives
 * getHeadlines': the feed id from origin.streamId, unread unless a
 * category is the read state, marked when one is the starred state. */
void	 sync_greader_items(const struct json *doc, struct sync_headline **v,
	     size_t *n, size_t *total);

/* Append the ids of a stream/items/ids answer's itemRefs to *ids (*n of
 * them so far); *total is how many refs the answer held. */
void	 sync_greader_ids(const struct json *doc, int64_t **ids, size_t *n,
	     size_t *total);

/* The answer's continuation (visible ASCII, at most 1024 bytes), or
 * NULL. Caller frees. */
char	*sync_greader_continuation(const struct json *doc);

/*
 * Subscribing and unsubscribing on the server ("tidings add --account",
 * "tidings remove"): log in as sync_run() does, change the account's
 * feeds there, then read them back into st as a sync would (a feed gone
 * leaves the store with its items; a new one is listed with its tag, its
 * items come with the next sync). Blocks; stops between requests when
 * *stop is set.
 *
 * sync_subscribe(): subscribe the account to the feed at url (a feed, or
 * a page naming one; want-th of a page's feeds when want > 0), filed
 * under the category or labels tags[0..ntags). Return SYNC_SUB_ADDED
 * (*feed_url, when set, gets the feed's address as the server has it),
 * SYNC_SUB_LISTED when the account had it already, or -1 and set *error
 * to one line (which may quote the server) with nothing changed there.
 *
 * sync_unsubscribe(): unsubscribe the account from the feed whose
 * address is url, or whose store address ("KEY#N", as the feeds pane
 * lists it) is url. Return 0, or -1 and set *error.
 */
#define SYNC_SUB_ADDED	0
#define SYNC_SUB_LISTED	1
int	 sync_subscribe(const struct config *cfg, const struct config_sync *cs,
	     struct store *st, const atomic_int *stop, const char *url,
	     char *const *tags, size_t ntags, long want, char **feed_url,
	     char **error);
int	 sync_unsubscribe(const struct config *cfg,
	     const struct config_sync *cs, struct store *st,
	     const atomic_int *stop, const char *url, char **error);

/*
 * subscribeToFeed's answer content, for the tests as well: return its
 * code (0: subscribed already, 1: added; 2 to 8: refused) and set
 * *feed_id (when the answer has one, else 0); for code 4 (the page names
 * several feeds) set *feeds to their addresses, *nfeeds of them, in the
 * answer's order (free each and the array). For any refusal set *error
 * to one line saying why, quoting url. -1 (and *error) when the answer
 * is not of that shape.
 */
int	 sync_ttrss_sub_status(const struct json *content, const char *url,
	     int64_t *feed_id, char ***feeds, size_t *nfeeds, char **error);

/*
 * Miniflux's API (v1), for the tests as well.
 *
 * The server's root for the URL of a sync line: without its trailing
 * "/" and "/v1". Caller frees.
 */
char	*sync_miniflux_base(const char *url);

/* The entries of a GET /v1/entries answer doc ({"total", "entries"}), as
 * sync_headlines() gives getHeadlines': those without a positive id or
 * feed id, or whose status is neither "read" nor "unread", left out;
 * *total is how many the array held, *last raised to the highest id.
 * -1 when doc is not such an answer. */
int	 sync_miniflux_entries(const struct json *doc,
	     struct sync_headline **v, size_t *n, size_t *total,
	     int64_t *last);

/* The feeds a GET /v1/feeds/counters answer names (its "unreads" and
 * "reads" members' names), each once, into *ids, with its unread
 * entries (0 when "unreads" names it not) into *unread (free both);
 * -1 when it is anything else. */
int	 sync_miniflux_counters(const struct json *doc, int64_t **ids,
	     int64_t **unread, size_t *n);

#endif /* TIDINGS_SYNC_H */
