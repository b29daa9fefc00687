/* http.h: many HTTP(S) fetches at once over libcurl's multi interface:
 * conditional GET, every compression curl has, redirects, timeouts and a
 * size cap counted after decompression; and file:// reads of the user's
 * own feeds, which never go through curl.
 *
 * Only http and https reach curl, and redirects only ever lead to them. A
 * file:// URL is read only when the request says the URL is the user's
 * own (local), and then only when it names a regular file: a feed, a page
 * or a link from the network can never make tidings read a local file, a
 * device or a pipe.
 *
 * A struct http is used from one thread at a time. */
#ifndef TIDINGS_HTTP_H
#define TIDINGS_HTTP_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct http;

/* A piece of a download's body (http_request.sink). */
struct http_chunk {
	long		 status;	/* 200, or 206 for a range */
	int64_t		 from;		/* 206: where the range starts, as
					   Content-Range says; 200: 0 */
	int64_t		 total;		/* the whole file's size (Content-
					   Range's, or a 200's Content-Length),
					   or -1 when not said */
	const char	*data;
	size_t		 len;
};

struct http_options {
	long		 max_total;	/* connections at once, all hosts
					   (at least 1) */
	long		 max_host;	/* connections at once, one host
					   (< 1: max_total) */
};

struct http_request {
	const char	*url;
	const char	*etag;		/* sent as If-None-Match, or NULL */
	const char	*last_modified;	/* sent as If-Modified-Since, or NULL */
	const char	*user_agent;	/* NULL or "": "tidings/VERSION" */
	long		 connect_timeout;	/* seconds, 0: curl's 300 */
	long		 timeout;	/* whole transfer, seconds, 0: none */
	long		 stall_timeout;	/* abort after this many seconds
					   below 1 byte/s, 0: never */
	size_t		 max_bytes;	/* decoded body cap, 0: none */
	long		 max_redirects;	/* 0: follow none */
	const char	*post;		/* a body to POST (an API's request),
					   or NULL for a GET */
	const char	*post_type;	/* its Content-Type; NULL:
					   application/json */
	const char	*authorization;	/* sent as the Authorization header,
					   or NULL; every copy made here (of
					   it, of post, of the header lines)
					   is wiped when done */
	const char	*auth_header;	/* the header authorization goes in
					   instead ("X-Auth-Token"), or NULL */
	const char	*method;	/* "PUT" for the body post (which may
					   be ""), or NULL: GET or POST */
	int		 secret;	/* the request carries a secret (a
					   password, a token, a session): a
					   redirect is followed only within
					   the URL's origin (scheme, host,
					   port), one elsewhere fails, naming
					   where it pointed, and nothing is
					   sent there */
	int		 secret_answer;	/* the answer carries one (a session,
					   a token): res.body is a secret's
					   buffer (buf.h), wiped as it grows
					   and when it goes */
	int		 error_body;	/* keep the body of a 4xx or 5xx
					   response in res.body (an API says
					   there why it refused) */
	int		 local;		/* the URL is the user's own (a feed of
					   the dotfile, a URL typed): a file://
					   URL may be read */
	void		*arg;		/* handed back with the response */

	/* A download: with sink set, the body of a 2xx response is handed
	 * to sink piece by piece, in this thread, as it arrives, instead of
	 * going into res.body; it is asked for and passed on as the server
	 * stores it (no Accept-Encoding), so that byte ranges mean the same
	 * bytes every time. sink returns NULL to go on, or a one-line error
	 * (the caller's to give; http frees it) that stops the transfer
	 * and becomes res.error. */
	char		*(*sink)(void *sink_arg, const struct http_chunk *);
	void		*sink_arg;
	int64_t		 range_from;	/* > 0: ask for the bytes from there
					   on (Range: bytes=N-) */
};

struct http_response {
	long		 status;	/* final HTTP status, 0 when none
					   (and for file://) */
	int		 not_modified;	/* status 304 */
	struct buf	 body;		/* decoded body; empty unless success
					   (or an error status, when the
					   request's error_body asks) */
	char		*error;		/* NULL on success, else one line */
	char		*etag;		/* of the final response, or NULL; a
					   304 without one keeps the one sent */
	char		*last_modified;	/* likewise */
	char		*content_type;	/* or NULL */
	char		*url;		/* the final URL after redirects */
	char		*permanent;	/* on success after redirects that
					   were all permanent (301, 308): the
					   final URL, else NULL */
	long		 retry_after;	/* seconds asked by 429/503, or -1 */
	int64_t		 total;		/* the whole file's size, as
					   Content-Range says (a 416's too) or
					   a 200's Content-Length, or -1 */
	double		 seconds;	/* how long the transfer took */
};

/* Call once from main before any thread starts, and at exit.
 * libcurl is not loaded by these but by the first http_add(), from
 * whichever thread, so that a command that fetches nothing never loads it;
 * http_global_cleanup() releases it if it was. */
void	 http_global_init(void);
void	 http_global_cleanup(void);

struct http	*http_new(const struct http_options *);
void		 http_free(struct http *);

/* Queue a request; the strings are copied. The first request of the
 * process loads libcurl (libcurl.so.4) and initialises it; if that fails,
 * every request fails with "libcurl.so.4 could not be loaded: REASON",
 * and the rest of tidings works on. */
void	 http_add(struct http *, const struct http_request *);

/*
 * Run every queued request (and any that done() queues) to completion,
 * at most max_total at once and max_host to one host; return 0.
 * done(arg, req->arg, res) is called in this thread as each one finishes;
 * res is only valid during the call, but done may steal res->body with
 * buf_detach(). A success has error NULL: status 2xx, 304, or 0 for a
 * file:// URL. A URL of another scheme, or a file:// URL of a request
 * that is not local, fails without a transfer ("file: URLs are read only
 * for feeds of the dotfile"). Anything else carries a one-line error
 * ("HTTP 404 Not Found", "Could not resolve host: ...", "response larger
 * than 16 MiB", "/dev/tty is not a regular file"), which may quote the
 * server and so must pass the terminal gate before it is shown. If
 * *stop (stop may be NULL) becomes nonzero, running and queued transfers
 * are dropped without done() and http_run returns -1; the struct http
 * can then run new requests.
 */
int	 http_run(struct http *,
	     void (*done)(void *arg, void *req_arg, struct http_response *res),
	     void *arg, const atomic_int *stop);

#endif /* TIDINGS_HTTP_H */
