/* sync-int.h: what the sync*.c files share: one account's connection,
 * its requests, the password, the queue's push loop and the store side
 * of a page of articles. Each protocol is a file of its own
 * (sync-ttrss.c, sync-greader.c, sync-miniflux.c); sync.c holds the rest and picks the
 * protocol by the sync line's type. */
#ifndef TIDINGS_SYNC_INT_H
#define TIDINGS_SYNC_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "buf.h"
#include "json.h"

struct config;
struct config_sync;
struct http;
struct store;
struct sync_count;
struct sync_headline;
struct sync_stats;

#define SYNC_FULL_EVERY		3600	/* seconds between full readings
					   of the feeds and marks */
#define SYNC_INFLIGHT		4	/* requests of a list in flight at
					   once, as a web server's workers
					   answer them together */

/* One account's session. */
struct sync_conn {
	const struct config	*cfg;
	const struct config_sync *cs;
	const atomic_int	*stop;
	struct http		*http;
	char			*api;		/* the API's address */
	const char		*key;		/* the account's, in the store */
	char			*sid;		/* ttrss: the session */
	char			*auth;		/* greader: ClientLogin's Auth;
						   miniflux: the API token */
	char			*token;		/* greader: the write token */
	struct json_arena	 arena;		/* the latest answer */
	struct sync_stats	*stats;
	struct sync_count	*counts;	/* ttrss: getCounters' feeds */
	ssize_t			 ncounts;	/* -1: not understood */
	int64_t			 subscribed;	/* its number of feeds, or -1 */
	/* The latest response, filled by sync_request(). */
	struct buf		 body;
	char			*error;
	long			 status;	/* HTTP status, 0: none */
	double			 seconds;
	int			 got;
	int			 secret_answer;	/* the next answer carries a
						   secret: it is wiped */
};

/* A server's feed: its id there, its row here, its title (owned). */
struct sync_map {
	int64_t		 remote, id;
	char		*title;
};

/* The latest answer, c->body, parsed as JSON into c->arena (the answer
 * before it freed), or NULL when it is not JSON. */
const struct json *sync_parse(struct sync_conn *c);

/* Member key of o as text through the terminal gate, or NULL when it is
 * not a string or is empty. Caller frees. */
char	*sync_text(const struct json *o, const char *key);

/*
 * One request of c: a GET of url, or a POST of post (of Content-Type
 * post_type, NULL: JSON) when post is set, with the Authorization
 * header auth (or none); what names it in the log and in errors, and
 * must hold no secret. post and auth are wiped from the request's
 * copies when done. Return 0 with the body in c->body, or -1 and set
 * *error (c->status then says the HTTP status, 0 when none, and c->body
 * holds the body of an error status, where an API says why).
 */
int	 sync_request(struct sync_conn *c, const char *what, const char *url,
	     const char *post, const char *post_type, const char *auth,
	     char **error);

/* sync_request() with a method ("PUT"; NULL: GET, or POST when body
 * is set) and the secret value in the header name ("X-Auth-Token");
 * body is JSON. Neither follows a redirect to another origin (scheme,
 * host and port): it is an error naming where it pointed. */
int	 sync_request_header(struct sync_conn *c, const char *what,
	     const char *method, const char *url, const char *body,
	     const char *name, const char *value, char **error);

/*
 * Requests of c in flight together, at most max at once, each a POST of
 * JSON to c->api: next(arg, post) writes the next request's body into
 * post (empty) and returns its number (>= 0), or -1 when there is none to
 * send now; got(arg, number, body, error) takes each answer as it comes,
 * in any order (it may take body's bytes), and returns 0, or -1 and sets
 * *error: then nothing more is sent, and the answers on the way are
 * dropped. next() is asked again after each answer. what names the
 * requests in the log and in errors. The bodies are wiped once sent.
 * Return 0 when next() has no more and every answer is in, or -1 and set
 * *error.
 */
int	 sync_posts(struct sync_conn *c, const char *what, size_t max,
	     long (*next)(void *arg, struct buf *post),
	     int (*got)(void *arg, long n, struct buf *body, char **error),
	     void *arg, char **error);

/* The account's password, from password-command or password-file; the
 * caller wipes and frees it. NULL and *error when there is none. */
char	*sync_password(const struct config_sync *, char **error);

/*
 * Send the queued changes: for each kind (field, value) of change, the
 * remote ids of at most batch changes at a time go to send(); each batch
 * leaves the queue when send() returned 0. Return 0, or -1 and *error
 * (what was not sent stays queued).
 */
int	 sync_push(struct sync_conn *c, struct store *st, size_t batch,
	     int (*send)(struct sync_conn *, int field, int value,
	     const int64_t *ids, size_t n, char **error), char **error);

/* Set dup[i] (of n) when v[i] repeats an earlier v[j], j < i; in
 * O(n log n), as a server may name a million of them. */
void	 sync_dups(const int64_t *v, size_t n, unsigned char *dup);

int	 sync_map_cmp(const void *, const void *);
/* The entry of map[0..n) (sorted by remote id) with remote id remote, or
 * NULL. */
const struct sync_map *sync_map_find(const struct sync_map *map, size_t n,
	     int64_t remote);
void	 sync_map_free(struct sync_map *, size_t);

/* A protocol's reading of the account's feeds into the store (the map
 * of server feed ids to rows is the caller's to free). */
typedef int	(*sync_feeds_fn)(struct sync_conn *, struct store *,
		    struct sync_map **, size_t *, char **);

/* The server's id of the feed whose store address ("KEY#N", as the
 * feeds pane lists it) is url, or 0 when url is not such an address. */
int64_t	 sync_store_address(const struct sync_conn *, const char *url);

/* The error of an unsubscribe from a feed the account does not have. */
char	*sync_no_feed(const char *url);

/* Read the account's feeds back into the store with feeds, as a sync
 * does, after a change on the server: when that fails (the server gone
 * since), the change stands and the next sync brings the store in line. */
void	 sync_relist(struct sync_conn *, struct store *, sync_feeds_fn feeds);

/* Store feeds sf[0..n) as the account's (store_sync_feeds()), each
 * remote id once; set *map to them sorted by remote id. The titles
 * titles[0..n) (sf's) go to the map; the tags tags[0..n) (sf's) and
 * the three arrays are freed. */
struct store_sync_feed;
int	 sync_store_feeds(struct sync_conn *c, struct store *st,
	     struct store_sync_feed *sf, char **titles, char **tags, size_t n,
	     struct sync_map **map, size_t *nmap, char **error);

/* The account's feeds as the store has them, sorted by remote id. */
int	 sync_known_feeds(struct store *st, const char *key,
	     struct sync_map **map, size_t *nmap, char **error);

/* Store a page of articles h[0..n) of the feeds of map, with the marks
 * they came with; add the new ones to *nnew. */
int	 sync_store_page(struct store *st, const char *key,
	     const struct sync_map *map, size_t nmap, struct sync_headline *h,
	     size_t n, int *nnew, char **error);

/* The protocols. */
int	 sync_ttrss_run(struct sync_conn *, struct store *, char **error);
int	 sync_greader_run(struct sync_conn *, struct store *, char **error);
char	*sync_greader_base(const char *url);
int	 sync_miniflux_run(struct sync_conn *, struct store *, char **error);

/* Their parts of sync_subscribe() and sync_unsubscribe(), once logged in
 * (c->api set): the same returns. */
int	 sync_ttrss_subscribe(struct sync_conn *, struct store *,
	     const char *url, char *const *tags, size_t ntags, long want,
	     char **feed_url, char **error);
int	 sync_ttrss_unsubscribe(struct sync_conn *, struct store *,
	     const char *url, char **error);
int	 sync_greader_subscribe(struct sync_conn *, struct store *,
	     const char *url, char *const *tags, size_t ntags, long want,
	     char **feed_url, char **error);
int	 sync_greader_unsubscribe(struct sync_conn *, struct store *,
	     const char *url, char **error);
int	 sync_miniflux_subscribe(struct sync_conn *, struct store *,
	     const char *url, char *const *tags, size_t ntags, long want,
	     char **feed_url, char **error);
int	 sync_miniflux_unsubscribe(struct sync_conn *, struct store *,
	     const char *url, char **error);

#endif /* TIDINGS_SYNC_INT_H */
