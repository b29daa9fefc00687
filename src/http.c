/* http.c: many HTTP(S) fetches at once over libcurl's multi interface,
 * and file:// reads of the user's own feeds.
 *
 * What a URL may fetch is decided here, at the bottom, so that no caller
 * can forget it: curl is allowed http and https only, for the request and
 * for every redirect. A file:// URL never reaches curl. When the request
 * is local (a feed the user wrote into the dotfile) it is read here:
 * stat() first, then opened without blocking and without taking it as the
 * controlling terminal, checked again with fstat(), and read only if it is
 * a regular file, up to the size cap. A device (/dev/tty, whose read would
 * steal the user's keys), a FIFO or a directory fails at once with a
 * reason. Any other request for a file:// URL (an item's link, a page
 * found by add, a line of an import) fails without a read.
 *
 * A request waits in a FIFO queue, its strings copied, until a slot frees.
 * We start at most max_total transfers at once, and at most max_host to
 * one host, ourselves, rather than adding everything to the multi handle
 * and leaving the limits to curl: curl parks the excess inside the multi
 * handle, where each parked transfer already holds its buffers and its
 * whole-transfer timeout already runs, so a refresh of many feeds on one
 * host would time out feeds that never got a connection. curl's own
 * limits are set as well; they still matter when a redirect wanders to
 * another host. A queued request whose host is busy is passed over for
 * the next one, so one slow host does not hold up the rest.
 *
 * Connections live in the multi handle's cache, so keep-alive and HTTP/2
 * multiplexing reuse them across transfers. A finished easy handle is
 * reset and kept for the next transfer, which keeps its TLS session cache.
 *
 * Redirects produce one header block per response, each opening with a
 * status line. The header callback resets what it captured (validators,
 * Content-Type, reason phrase) at every status line, so that what is left
 * at the end describes the final response, and it notes whether every
 * redirect followed was permanent. A request that carries a secret
 * (secret) has each redirect's Location checked there too: one that
 * leaves the request's origin stops the transfer before curl follows
 * it, since curl would send a 307's or 308's body, and a header of
 * another name than Authorization, to wherever it points.
 *
 * The size cap is counted in the write callback, after decompression, so
 * a gzip bomb stops at max_bytes of inflated data rather than at its few
 * compressed kilobytes.
 *
 * libcurl is not linked: it is loaded with dlopen() by the first request
 * queued, and called through a table of the functions used here.
 * Its chain of libraries (TLS, HTTP/2, SSH, LDAP, Kerberos, IDN and more)
 * costs more to load than a command that fetches nothing costs to run,
 * and most commands fetch nothing. pthread_once() loads and initialises
 * it once, whichever thread comes first; if it cannot be loaded, every
 * request fails with the reason and nothing else is affected.
 */
#include <sys/stat.h>

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "http.h"
#include "util.h"

#ifndef TIDINGS_VERSION
#define TIDINGS_VERSION	"unknown"
#endif

#define HTTP_USER_AGENT	"tidings/" TIDINGS_VERSION
#define HTTP_MAX_HEADER	(256 << 10)	/* bytes of one response's headers */
#define HTTP_MAX_VALUE	1024		/* longer captured values are dropped */
#define HTTP_MAX_REASON	64		/* longer reason phrases are dropped */
#define HTTP_MAX_QUOTE	200		/* bytes of a URL quoted in an error */
#define HTTP_POLL_MS	100		/* how often *stop is looked at */

/* The library loaded on first use: its soname, which the libcurl of the
 * headers (curl/curl.h) must match. */
#ifndef HTTP_LIBCURL
#define HTTP_LIBCURL	"libcurl.so.4"
#endif

/* libcurl's functions called here: curl_global_init and the rest. */
#define HTTP_CURL_FUNCTIONS						\
	F(global_init) F(global_cleanup) F(easy_strerror)		\
	F(multi_strerror) F(multi_init) F(multi_setopt)			\
	F(multi_add_handle) F(multi_remove_handle) F(multi_perform)	\
	F(multi_info_read) F(multi_poll) F(multi_cleanup)		\
	F(easy_init) F(easy_setopt) F(easy_getinfo) F(easy_reset)	\
	F(easy_cleanup) F(slist_append) F(slist_free_all) F(url)	\
	F(url_set) F(url_get) F(url_cleanup) F(free)

/* Each one as dlsym() found it, typed as curl/curl.h declares it:
 * curl.easy_init() calls curl_easy_init(). */
static struct {
#define F(name)	__typeof__(curl_##name) *name;
	HTTP_CURL_FUNCTIONS
#undef F
} curl;

static pthread_once_t	 http_once = PTHREAD_ONCE_INIT;
static atomic_int	 http_loaded;	/* the table is filled and
					   curl_global_init() done */
static char		*http_unloaded;	/* else why not */

enum http_route {
	HTTP_CURL,			/* http, https: a transfer by curl */
	HTTP_FILE,			/* file:// of a local request: read */
	HTTP_REFUSE			/* anything else: fails at once */
};

struct http_xfer {
	struct http_xfer	*next;		/* in queue or active list */
	CURL			*easy;		/* NULL while queued */
	struct curl_slist	*headers;

	/* The request, copied. */
	char			*url;
	char			*etag;
	char			*last_modified;
	char			*user_agent;
	char			*post;		/* a body to POST, or NULL */
	char			*post_type;	/* its Content-Type, or NULL */
	char			*authorization;	/* a secret, or NULL */
	char			*auth_header;	/* its header's name, or NULL */
	char			*method;	/* "PUT", or NULL */
	char			*host;		/* "host:port", for max_host */
	long			 connect_timeout;
	long			 timeout;
	long			 stall_timeout;
	size_t			 max_bytes;
	long			 max_redirects;
	int			 secret;
	char			*origin;	/* a secret's, or NULL */
	int			 error_body;
	enum http_route		 route;
	void			*arg;
	char			*(*sink)(void *, const struct http_chunk *);
	void			*sink_arg;
	int64_t			 range_from;
	char			 range[32];	/* "N-" for CURLOPT_RANGE */

	/* Filled in as the transfer runs. */
	struct http_response	 res;
	long			 code;		/* of the latest status line */
	char			*reason;	/* its reason phrase, or NULL */
	size_t			 header_bytes;	/* of the latest header block */
	size_t			 received;	/* decoded body bytes */
	int64_t			 range_first;	/* Content-Range's, or -1 */
	int64_t			 length;	/* Content-Length, or -1 */
	long			 hops;		/* redirects seen */
	int			 permanent;	/* each of them 301 or 308 */
	char			*error;		/* why a callback stopped it */
	char			 errbuf[CURL_ERROR_SIZE];
};

struct http {
	CURLM			*multi;
	long			 max_total;
	long			 max_host;
	struct http_xfer	*queue;		/* waiting, oldest first */
	struct http_xfer	**queue_tail;
	struct http_xfer	*local;		/* not for curl: answered
						   first, newest first */
	struct http_xfer	*active;	/* added to multi */
	long			 nactive;
	CURL			**idle;		/* reset easy handles */
	long			 nidle;
};

/* Load libcurl, fill the table and initialise libcurl for the whole
 * process; or set http_unloaded to why not. Run once, by pthread_once(). */
static void
http_load(void)
{
	const char	*why;
	void		*lib, *sym;
	CURLcode	 rc;

	if ((lib = dlopen(HTTP_LIBCURL, RTLD_NOW | RTLD_LOCAL)) == NULL)
		goto fail;
	/* POSIX makes a function pointer and a void * the same size. */
#define F(name)								\
	if ((sym = dlsym(lib, "curl_" #name)) == NULL)			\
		goto fail;						\
	memcpy(&curl.name, &sym, sizeof sym);
	HTTP_CURL_FUNCTIONS
#undef F
	if ((rc = curl.global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK) {
		xasprintf(&http_unloaded, "%s could not be initialised: %s",
		    HTTP_LIBCURL, curl.easy_strerror(rc));
		return;
	}
	atomic_store(&http_loaded, 1);
	return;
fail:
	why = dlerror();
	xasprintf(&http_unloaded, "%s could not be loaded: %s", HTTP_LIBCURL,
	    why != NULL ? why : "unknown error");
	if (lib != NULL)
		dlclose(lib);
}

/* Nothing yet: libcurl is loaded and initialised by the first http_add(),
 * so that a command that fetches nothing never loads it. */
void
http_global_init(void)
{
}

/* Release what libcurl took, if it was ever loaded. It stays mapped:
 * what it loaded in turn may have registered handlers for exit. */
void
http_global_cleanup(void)
{
	if (atomic_load(&http_loaded))
		curl.global_cleanup();
}

/* Make a set of transfers with the connection limits of o. */
struct http *
http_new(const struct http_options *o)
{
	struct http	*h;

	h = xcalloc(1, sizeof *h);
	h->max_total = o->max_total > 0 ? o->max_total : 1;
	h->max_host = o->max_host > 0 && o->max_host < h->max_total ?
	    o->max_host : h->max_total;
	h->queue_tail = &h->queue;
	h->idle = xcalloc((size_t)h->max_total, sizeof *h->idle);
	return (h);
}

/* Give h its multi handle, loading libcurl first if no struct http has:
 * done by the first request, so that one that runs none (a refresh with
 * no feed due) loads nothing. Return whether h can fetch. */
static int
http_ready(struct http *h)
{
	if (h->multi != NULL)
		return (1);
	pthread_once(&http_once, http_load);
	if (!atomic_load(&http_loaded))
		return (0);
	if ((h->multi = curl.multi_init()) == NULL)
		fatalx("curl_multi_init failed");
	curl.multi_setopt(h->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    h->max_total);
	curl.multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, h->max_host);
	curl.multi_setopt(h->multi, CURLMOPT_MAXCONNECTS, h->max_total);
	curl.multi_setopt(h->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	return (1);
}

/* The key that groups requests to one server: "host:port", or "" when the
 * URL has no host (file://) or does not parse (curl reports that later). */
static char *
http_host_key(const char *url)
{
	CURLU	*u;
	char	*host = NULL, *port = NULL, *key;

	if ((u = curl.url()) == NULL)
		fatalx("curl_url failed");
	if (curl.url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK)
		xasprintf(&key, "%s:%s", host, port);
	else
		key = xstrdup("");
	curl.free(host);
	curl.free(port);
	curl.url_cleanup(u);
	return (key);
}

/* The origin of url, "scheme://host:port" in lower case with the
 * scheme's port when it names none, or NULL when it does not parse. */
static char *
http_origin(const char *url)
{
	CURLU	*u;
	char	*scheme = NULL, *host = NULL, *port = NULL, *o = NULL;
	size_t	 i;

	if ((u = curl.url()) == NULL)
		fatalx("curl_url failed");
	if (curl.url_set(u, CURLUPART_URL, url, CURLU_DEFAULT_SCHEME) ==
	    CURLUE_OK &&
	    curl.url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) ==
	    CURLUE_OK) {
		xasprintf(&o, "%s://%s:%s", scheme, host, port);
		for (i = 0; o[i] != '\0'; i++)
			if (o[i] >= 'A' && o[i] <= 'Z')
				o[i] = (char)(o[i] - 'A' + 'a');
	}
	curl.free(scheme);
	curl.free(host);
	curl.free(port);
	curl.url_cleanup(u);
	return (o);
}

/* How url is fetched, and why not when it is refused. curl takes a URL
 * without a scheme for http; its protocol list (http_setup()) still
 * keeps it from anything but http and https. */
static enum http_route
http_route(const char *url, int local, char **why)
{
	size_t	 i = util_scheme_len(url);

	if (i == 0 || (i == 4 && strncasecmp(url, "http", 4) == 0) ||
	    (i == 5 && strncasecmp(url, "https", 5) == 0))
		return (HTTP_CURL);
	if (i == 4 && strncasecmp(url, "file", 4) == 0) {
		if (local)
			return (HTTP_FILE);
		*why = xstrdup("file: URLs are read only for feeds of the "
		    "dotfile");
		return (HTTP_REFUSE);
	}
	/* The scheme is letters, digits and +-. only: safe to quote. */
	xasprintf(why, "%.*s: URLs are not fetched, only http and https",
	    (int)i, url);
	return (HTTP_REFUSE);
}

/* Copy s unless it is NULL or empty. */
static char *
http_strdup(const char *s)
{
	return (s != NULL && *s != '\0' ? xstrdup(s) : NULL);
}

/* Queue a copy of req behind the requests already waiting. */
void
http_add(struct http *h, const struct http_request *req)
{
	struct http_xfer	*x;

	x = xcalloc(1, sizeof *x);
	x->url = xstrdup(req->url);
	x->etag = http_strdup(req->etag);
	x->last_modified = http_strdup(req->last_modified);
	x->user_agent = http_strdup(req->user_agent);
	x->post = req->post != NULL ? xstrdup(req->post) : NULL;
	x->post_type = http_strdup(req->post_type);
	x->authorization = http_strdup(req->authorization);
	x->auth_header = http_strdup(req->auth_header);
	x->method = http_strdup(req->method);
	x->connect_timeout = req->connect_timeout > 0 ?
	    req->connect_timeout : 0;
	x->timeout = req->timeout > 0 ? req->timeout : 0;
	x->stall_timeout = req->stall_timeout > 0 ? req->stall_timeout : 0;
	x->max_bytes = req->max_bytes;
	x->max_redirects = req->max_redirects > 0 ? req->max_redirects : 0;
	x->error_body = req->error_body;
	x->secret = req->secret;
	x->arg = req->arg;
	x->sink = req->sink;
	x->sink_arg = req->sink_arg;
	x->range_from = req->range_from > 0 ? req->range_from : 0;
	x->range_first = x->length = -1;
	x->res.body = (struct buf)BUF_INIT;
	if (req->secret_answer)
		buf_secret(&x->res.body);
	x->res.retry_after = -1;
	x->res.total = -1;
	x->permanent = 1;

	/* Without libcurl, not even a file: URL can be parsed. */
	if (!http_ready(h)) {
		x->host = xstrdup("");
		x->route = HTTP_REFUSE;
		x->res.error = xstrdup(http_unloaded);
	} else {
		x->host = http_host_key(req->url);
		x->route = http_route(x->url, req->local, &x->res.error);
		if (x->secret)
			x->origin = http_origin(x->url);
	}
	if (x->route != HTTP_CURL) {
		x->next = h->local;
		h->local = x;
		return;
	}
	*h->queue_tail = x;
	h->queue_tail = &x->next;
}

/* Free a transfer and everything it owns (its easy handle excepted). */
static void
http_xfer_free(struct http_xfer *x)
{
	struct curl_slist	*l;

	/* curl's copies of the header lines: one may be a credential. */
	for (l = x->headers; l != NULL; l = l->next)
		explicit_bzero(l->data, strlen(l->data));
	if (x->headers != NULL)
		curl.slist_free_all(x->headers);
	free(x->url);
	free(x->etag);
	free(x->last_modified);
	free(x->user_agent);
	/* A body may carry a password (an API's login). */
	if (x->post != NULL)
		explicit_bzero(x->post, strlen(x->post));
	free(x->post);
	free(x->post_type);
	if (x->authorization != NULL)
		explicit_bzero(x->authorization, strlen(x->authorization));
	free(x->authorization);
	free(x->auth_header);
	free(x->method);
	free(x->host);
	free(x->origin);
	free(x->reason);
	free(x->error);
	buf_release(&x->res.body);
	free(x->res.error);
	free(x->res.etag);
	free(x->res.last_modified);
	free(x->res.content_type);
	free(x->res.url);
	free(x->res.permanent);
	free(x);
}

/* Whether s (len bytes) may go back to a server in a header and to the
 * store: no controls, and not absurdly long. */
static int
http_value_ok(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || len > HTTP_MAX_VALUE)
		return (0);
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] < 0x20 && s[i] != '\t') ||
		    s[i] == 0x7f)
			return (0);
	}
	return (1);
}

/* A status line opens a new response: reset what the last one left and
 * note whether the response before was a permanent redirect. */
static void
http_status_line(struct http_xfer *x, const char *s, size_t len)
{
	const char	*end = s + len, *p;
	long		 code = 0;
	int		 i;

	if ((p = memchr(s, ' ', len)) == NULL)
		return;
	p++;
	for (i = 0; i < 3; i++, p++) {
		if (p == end || *p < '0' || *p > '9')
			return;
		code = code * 10 + (*p - '0');
	}
	if (x->code >= 300 && x->code <= 399) {
		/* Another response after a redirect: curl followed it. */
		x->hops++;
		if (x->code != 301 && x->code != 308)
			x->permanent = 0;
	}
	x->code = code;
	free(x->reason);
	x->reason = NULL;
	if (p < end && *p == ' ') {
		p++;
		if (end > p && (size_t)(end - p) <= HTTP_MAX_REASON)
			x->reason = xstrndup(p, (size_t)(end - p));
	}
	free(x->res.etag);
	free(x->res.last_modified);
	free(x->res.content_type);
	x->res.etag = x->res.last_modified = x->res.content_type = NULL;
	x->range_first = x->length = x->res.total = -1;
}

/* A whole number of up to 18 digits at s (len bytes), or -1; *end is
 * set past it. */
static int64_t
http_number(const char *s, size_t len, size_t *end)
{
	int64_t	 n = 0;
	size_t	 i;

	for (i = 0; i < len && i < 18 && s[i] >= '0' && s[i] <= '9'; i++)
		n = n * 10 + (s[i] - '0');
	*end = i;
	return (i > 0 && (i == len || s[i] < '0' || s[i] > '9') ? n : -1);
}

/* Content-Range: "bytes FIRST-LAST/TOTAL" or "bytes *\/TOTAL" (a 416);
 * TOTAL may be "*". */
static void
http_content_range(struct http_xfer *x, const char *v, size_t len)
{
	const char	*slash;
	size_t		 end;
	int64_t		 first;

	if (len < 6 || strncasecmp(v, "bytes ", 6) != 0)
		return;
	v += 6;
	len -= 6;
	if ((slash = memchr(v, '/', len)) == NULL)
		return;
	first = http_number(v, len, &end);
	if (first >= 0 && end < len && v[end] == '-')
		x->range_first = first;
	x->res.total = http_number(slash + 1, len - (size_t)(slash + 1 - v),
	    &end);
}

/* Whether the header name (len bytes) is want, ignoring case. */
static int
http_header_is(const char *name, size_t len, const char *want)
{
	return (strlen(want) == len && strncasecmp(name, want, len) == 0);
}

/*
 * The Location (len bytes) of a redirect of a secret's request: NULL
 * when it leads within the request's origin, else the error that stops
 * the transfer before curl follows it, naming where it pointed (through
 * the terminal gate, cut at HTTP_MAX_QUOTE bytes). A relative address
 * is resolved against the URL it came from.
 */
static char *
http_redirect_elsewhere(struct http_xfer *x, const char *loc, size_t len)
{
	struct buf	 b = BUF_INIT;
	CURLU		*u;
	char		*value, *base = NULL, *target = NULL, *o = NULL, *cut;
	const char	*to;
	size_t		 n;

	value = xstrndup(loc, len);
	if ((u = curl.url()) == NULL)
		fatalx("curl_url failed");
	if (curl.easy_getinfo(x->easy, CURLINFO_EFFECTIVE_URL, &base) ==
	    CURLE_OK && base != NULL &&
	    curl.url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl.url_set(u, CURLUPART_URL, value, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_URL, &target, 0) == CURLUE_OK)
		o = http_origin(target);
	curl.url_cleanup(u);
	if (o != NULL && x->origin != NULL && strcmp(o, x->origin) == 0) {
		free(o);
		free(value);
		curl.free(target);
		return (NULL);
	}
	to = target != NULL ? target : value;
	n = strlen(to);
	cut = xstrndup(to, n > HTTP_MAX_QUOTE ? HTTP_MAX_QUOTE : n);
	buf_addstr(&b, "redirected to ");
	text_printable(&b, cut);
	buf_addf(&b, "%s, another server: not followed",
	    n > HTTP_MAX_QUOTE ? "\u2026" : "");
	free(cut);
	free(o);
	free(value);
	curl.free(target);
	return (buf_detach(&b, NULL));
}

/* Header callback: one line of a response's headers, CRLF included. */
static size_t
http_header(char *data, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	size_t		 len = size * n, nlen;
	const char	*v, *colon;
	char		 max[32], **slot;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0)
		x->header_bytes = 0;
	x->header_bytes += len;
	if (x->header_bytes > HTTP_MAX_HEADER) {
		util_bytes(max, sizeof max, HTTP_MAX_HEADER);
		free(x->error);
		xasprintf(&x->error, "response headers larger than %s", max);
		return (0);
	}
	while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r'))
		len--;
	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		http_status_line(x, data, len);
		return (size * n);
	}
	if ((colon = memchr(data, ':', len)) == NULL)
		return (size * n);
	nlen = (size_t)(colon - data);
	v = colon + 1;
	while (v < data + len && (*v == ' ' || *v == '\t'))
		v++;
	if (x->secret && x->code >= 300 && x->code <= 399 &&
	    x->code != 304 && http_header_is(data, nlen, "Location")) {
		while (len > (size_t)(v - data) &&
		    (data[len - 1] == ' ' || data[len - 1] == '\t'))
			len--;
		free(x->error);
		if ((x->error = http_redirect_elsewhere(x, v,
		    len - (size_t)(v - data))) != NULL)
			return (0);
		return (size * n);
	}
	if (http_header_is(data, nlen, "Content-Range")) {
		http_content_range(x, v, len - (size_t)(v - data));
		return (size * n);
	}
	if (http_header_is(data, nlen, "Content-Length")) {
		x->length = http_number(v, len - (size_t)(v - data), &nlen);
		return (size * n);
	}
	if (http_header_is(data, nlen, "ETag"))
		slot = &x->res.etag;
	else if (http_header_is(data, nlen, "Last-Modified"))
		slot = &x->res.last_modified;
	else if (http_header_is(data, nlen, "Content-Type"))
		slot = &x->res.content_type;
	else
		return (size * n);
	while (len > (size_t)(v - data) &&
	    (data[len - 1] == ' ' || data[len - 1] == '\t'))
		len--;
	free(*slot);
	*slot = NULL;
	if (http_value_ok(v, len - (size_t)(v - data)))
		*slot = xstrndup(v, len - (size_t)(v - data));
	return (size * n);
}

/* Write callback: decoded body bytes. The body of an error response is
 * counted against the cap but not kept unless the request asks for it:
 * only an API's caller reads it. */
static size_t
http_write(char *data, size_t size, size_t n, void *arg)
{
	struct http_xfer *x = arg;
	size_t		 len = size * n;
	char		 max[32];

	if (x->max_bytes != 0 && len > x->max_bytes - x->received) {
		util_bytes(max, sizeof max, x->max_bytes);
		free(x->error);
		xasprintf(&x->error, "response larger than %s", max);
		return (0);
	}
	x->received += len;
	if (x->sink != NULL && x->code >= 200 && x->code <= 299) {
		struct http_chunk	 c;

		c.status = x->code;
		c.from = x->code == 206 ? x->range_first : 0;
		c.total = x->code == 206 ? x->res.total : x->length;
		c.data = data;
		c.len = len;
		free(x->error);
		if ((x->error = x->sink(x->sink_arg, &c)) != NULL)
			return (0);
		return (len);
	}
	if (x->code == 0 || (x->code >= 200 && x->code <= 299) ||
	    (x->error_body && x->code >= 400))
		buf_add(&x->res.body, data, len);
	return (len);
}

/* Append a header line "name: value" unless value could split the
 * request (a stored validator is sent back verbatim otherwise). */
static void
http_add_header(struct http_xfer *x, const char *name, const char *value)
{
	struct curl_slist	*l;
	char			*line;
	size_t			 n, v;

	if (value == NULL || strpbrk(value, "\r\n") != NULL)
		return;
	/* Sized first: a line grown by realloc() would leave a copy of a
	 * credential behind. */
	n = strlen(name);
	v = strlen(value);
	line = xmalloc(n + v + 3);
	memcpy(line, name, n);
	memcpy(line + n, ": ", 2);
	memcpy(line + n + 2, value, v + 1);
	if ((l = curl.slist_append(x->headers, line)) == NULL)
		fatalx("curl_slist_append failed");
	x->headers = l;
	explicit_bzero(line, n + v + 2);	/* may be a credential */
	free(line);
}

/* Set every option of one transfer on its (fresh or reset) easy handle. */
static void
http_setup(struct http_xfer *x)
{
	CURL	*e = x->easy;

	curl.easy_setopt(e, CURLOPT_URL, x->url);
	curl.easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl.easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(e, CURLOPT_WRITEFUNCTION, http_write);
	curl.easy_setopt(e, CURLOPT_WRITEDATA, x);
	curl.easy_setopt(e, CURLOPT_HEADERFUNCTION, http_header);
	curl.easy_setopt(e, CURLOPT_HEADERDATA, x);
	/* A proxy's "200 Connection established" is not the response. */
	curl.easy_setopt(e, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
	curl.easy_setopt(e, CURLOPT_USERAGENT,
	    x->user_agent != NULL ? x->user_agent : HTTP_USER_AGENT);
	/* A download is taken as stored, so that a range means the same
	 * bytes each time (and a file is not inflated on the way). */
	if (x->sink == NULL)
		curl.easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	if (x->range_from > 0) {
		snprintf(x->range, sizeof x->range, "%lld-",
		    (long long)x->range_from);
		curl.easy_setopt(e, CURLOPT_RANGE, x->range);
	}
	curl.easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	curl.easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl.easy_setopt(e, CURLOPT_MAXREDIRS, x->max_redirects);
	/* file:// never comes here (http_file() reads the user's own), and
	 * a server must not redirect anywhere else either. */
#if LIBCURL_VERSION_NUM >= 0x075500
	curl.easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl.easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl.easy_setopt(e, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl.easy_setopt(e, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl.easy_setopt(e, CURLOPT_CONNECTTIMEOUT, x->connect_timeout);
	curl.easy_setopt(e, CURLOPT_TIMEOUT, x->timeout);
	if (x->stall_timeout > 0) {
		curl.easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
		curl.easy_setopt(e, CURLOPT_LOW_SPEED_TIME, x->stall_timeout);
	}
	http_add_header(x, "If-None-Match", x->etag);
	http_add_header(x, "If-Modified-Since", x->last_modified);
	if (x->post != NULL) {
		curl.easy_setopt(e, CURLOPT_POSTFIELDSIZE,
		    (long)strlen(x->post));
		curl.easy_setopt(e, CURLOPT_POSTFIELDS, x->post);
		http_add_header(x, "Content-Type", x->post_type != NULL ?
		    x->post_type : "application/json");
	}
	if (x->method != NULL)
		curl.easy_setopt(e, CURLOPT_CUSTOMREQUEST, x->method);
	http_add_header(x, x->auth_header != NULL ? x->auth_header :
	    "Authorization", x->authorization);
	if (x->headers != NULL)
		curl.easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
}

/* How many active transfers go to host. */
static long
http_host_active(struct http *h, const char *host)
{
	struct http_xfer	*x;
	long			 n = 0;

	for (x = h->active; x != NULL; x = x->next) {
		if (strcmp(x->host, host) == 0)
			n++;
	}
	return (n);
}

/* Move queued requests to the multi handle while the limits allow. */
static void
http_start(struct http *h)
{
	struct http_xfer	**xp, *x;
	CURLMcode		 mc;

	xp = &h->queue;
	while (h->nactive < h->max_total && *xp != NULL) {
		x = *xp;
		if (http_host_active(h, x->host) >= h->max_host) {
			xp = &x->next;
			continue;
		}
		if ((*xp = x->next) == NULL)
			h->queue_tail = xp;
		if (h->nidle > 0)
			x->easy = h->idle[--h->nidle];
		else if ((x->easy = curl.easy_init()) == NULL)
			fatalx("curl_easy_init failed");
		http_setup(x);
		if ((mc = curl.multi_add_handle(h->multi, x->easy)) != CURLM_OK)
			fatalx("curl_multi_add_handle: %s",
			    curl.multi_strerror(mc));
		x->next = h->active;
		h->active = x;
		h->nactive++;
	}
}

/* Take x off the active list and the multi handle; keep its easy handle
 * for reuse if there is room. */
static void
http_detach(struct http *h, struct http_xfer *x)
{
	struct http_xfer	**xp;

	for (xp = &h->active; *xp != x; xp = &(*xp)->next)
		;
	*xp = x->next;
	h->nactive--;
	curl.multi_remove_handle(h->multi, x->easy);
	if (h->nidle < h->max_total) {
		curl.easy_reset(x->easy);
		h->idle[h->nidle++] = x->easy;
	} else
		curl.easy_cleanup(x->easy);
	x->easy = NULL;
}

/* Clean up one of curl's messages for a person: one line, without the
 * milliseconds curl 7.88 puts in connection errors, and with the
 * system's reason instead of curl's generic one ("Failed to connect to
 * HOST port N after 0 ms: Couldn't connect to server" becomes "Failed to
 * connect to HOST port N: Connection refused"). */
static char *
http_message(const char *msg, long os_errno)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *q, *generic;
	size_t		 i;

	p = strstr(msg, " after ");
	q = p != NULL ? p + 7 : NULL;
	while (q != NULL && *q >= '0' && *q <= '9')
		q++;
	if (q != NULL && q > p + 7 && strncmp(q, " ms", 3) == 0) {
		buf_add(&b, msg, (size_t)(p - msg));
		q += 3;
		generic = curl.easy_strerror(CURLE_COULDNT_CONNECT);
		if (os_errno != 0 && strncmp(q, ": ", 2) == 0 &&
		    strcmp(q + 2, generic) == 0)
			buf_addf(&b, ": %s", strerror((int)os_errno));
		else
			buf_addstr(&b, q);
	} else
		buf_addstr(&b, msg);
	for (i = 0; i < b.len; i++) {
		if ((unsigned char)b.data[i] < 0x20 || b.data[i] == 0x7f)
			b.data[i] = ' ';
	}
	i = b.len;
	while (i > 0 && (b.data[i - 1] == ' ' || b.data[i - 1] == '.'))
		i--;
	buf_truncate(&b, i);
	return (buf_detach(&b, NULL));
}

/* Which timeout ended the transfer, in the user's terms. curl's message
 * is the only place that says so (its timing infos are zero after a
 * timeout); a message this does not know is passed on as it is. */
static char *
http_timeout_error(struct http_xfer *x)
{
	static const char *const connecting[] = {
		"Resolving timed out", "Connection timed out",
		"Connection timeout", "Failed to connect"
	};
	const char	*msg = x->errbuf;
	char		*s;
	long		 secs;
	size_t		 i;

	if (strncmp(msg, "Operation too slow", 18) == 0 &&
	    x->stall_timeout > 0) {
		xasprintf(&s, "timed out after %ld seconds with no data",
		    x->stall_timeout);
		return (s);
	}
	if (strncmp(msg, "Operation timed out", 19) == 0 && x->timeout > 0) {
		xasprintf(&s, "timed out after %ld seconds", x->timeout);
		return (s);
	}
	secs = x->connect_timeout;
	if (secs == 0 || (x->timeout > 0 && x->timeout < secs))
		secs = x->timeout;
	for (i = 0; i < nitems(connecting) && secs > 0; i++) {
		if (strncmp(msg, connecting[i], strlen(connecting[i])) == 0) {
			xasprintf(&s, "connection timed out after %ld seconds",
			    secs);
			return (s);
		}
	}
	return (http_message(msg[0] != '\0' ? msg :
	    curl.easy_strerror(CURLE_OPERATION_TIMEDOUT), 0));
}

/* "HTTP 404 Not Found", or "HTTP 404" without a usable reason phrase. */
static char *
http_status_error(struct http_xfer *x, long status)
{
	const char	*r = x->reason;
	char		*s;
	size_t		 i;

	if (r != NULL && x->code == status) {
		for (i = 0; r[i] != '\0'; i++) {
			if (r[i] < 0x20 || r[i] > 0x7e)
				break;
		}
		if (r[i] == '\0' && i > 0) {
			xasprintf(&s, "HTTP %ld %s", status, r);
			return (s);
		}
	}
	xasprintf(&s, "HTTP %ld", status);
	return (s);
}

/* The one-line error of a finished transfer, or NULL for a success. */
static char *
http_error(struct http_xfer *x, CURL *e, CURLcode result, long status)
{
	long	 os_errno = 0, redirects = 0;
	char	*s, *msg, *url = NULL;

	if (result == CURLE_TOO_MANY_REDIRECTS) {
		xasprintf(&s, "too many redirects (%ld)", x->max_redirects);
		return (s);
	}
	/* An error status says more than what then went wrong with its
	 * body. */
	if (status >= 400)
		return (http_status_error(x, status));
	if (x->error != NULL) {
		/* A sink's own reason, or a cap's. */
		s = x->error;
		x->error = NULL;
		return (s);
	}
	switch (result) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return (http_timeout_error(x));
	case CURLE_UNSUPPORTED_PROTOCOL:
		/* curl's "Protocol "file" not supported or disabled" would
		 * blame the build for what a server asked. */
		if (curl.easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects) ==
		    CURLE_OK && redirects > 0 &&
		    curl.easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &url) ==
		    CURLE_OK && url != NULL) {
			xasprintf(&msg, "refused redirect to a %.*s: URL",
			    (int)strcspn(url, ":"), url);
			s = http_message(msg, 0);
			free(msg);
			return (s);
		}
		return (http_message(x->errbuf[0] != '\0' ? x->errbuf :
		    curl.easy_strerror(result), 0));
	case CURLE_COULDNT_CONNECT:
		curl.easy_getinfo(e, CURLINFO_OS_ERRNO, &os_errno);
		return (http_message(x->errbuf[0] != '\0' ? x->errbuf :
		    curl.easy_strerror(result), os_errno));
	case CURLE_SSL_CONNECT_ERROR:
		/* OpenSSL's words ("SSL_connect: SSL_ERROR_SYSCALL") do
		 * not say that it was the handshake that failed. */
		xasprintf(&msg, "TLS handshake failed: %s",
		    x->errbuf[0] != '\0' ? x->errbuf :
		    curl.easy_strerror(result));
		s = http_message(msg, 0);
		free(msg);
		return (s);
	default:
		return (http_message(x->errbuf[0] != '\0' ? x->errbuf :
		    curl.easy_strerror(result), 0));
	}
	if (status >= 300 && status != 304)
		return (http_status_error(x, status));
	return (NULL);
}

/* Fill in the response of a finished transfer. */
static void
http_respond(struct http_xfer *x, CURL *e, CURLcode result)
{
	struct http_response	*res = &x->res;
	curl_off_t		 after = 0;
	long			 redirects = 0;
	char			*url = NULL;

	curl.easy_getinfo(e, CURLINFO_RESPONSE_CODE, &res->status);
	curl.easy_getinfo(e, CURLINFO_TOTAL_TIME, &res->seconds);
	curl.easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects);
	if (curl.easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &url) == CURLE_OK &&
	    url != NULL)
		res->url = xstrdup(url);
	if ((res->status == 429 || res->status == 503) &&
	    curl.easy_getinfo(e, CURLINFO_RETRY_AFTER, &after) == CURLE_OK &&
	    after > 0)
		res->retry_after = after > LONG_MAX ? LONG_MAX : (long)after;

	if (res->total < 0 && res->status == 200)
		res->total = x->length;
	res->error = http_error(x, e, result, res->status);
	if (res->error != NULL) {
		/* Partial, so nobody may parse it; a whole error status's
		 * body is kept when asked for. */
		if (!x->error_body || res->status < 400 ||
		    result != CURLE_OK || x->error != NULL)
			buf_release(&res->body);
		return;
	}
	if (res->status == 304) {
		/* Servers often leave the validators out of a 304; the ones
		 * sent are still the ones to send next time. */
		res->not_modified = 1;
		if (res->etag == NULL && x->etag != NULL)
			res->etag = xstrdup(x->etag);
		if (res->last_modified == NULL && x->last_modified != NULL)
			res->last_modified = xstrdup(x->last_modified);
	}
	if (redirects > 0 && x->hops == redirects && x->permanent &&
	    res->url != NULL && strcmp(res->url, x->url) != 0)
		res->permanent = xstrdup(res->url);
}

/* The path a file:// URL names, decoded, or NULL with *why. */
static char *
http_file_path(const char *url, char **why)
{
	CURLU	*u;
	char	*p = NULL, *path = NULL;

	if ((u = curl.url()) == NULL)
		fatalx("curl_url failed");
	/* curl's URL parser refuses a host other than localhost, and a
	 * decoded NUL. */
	if (curl.url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl.url_get(u, CURLUPART_PATH, &p, CURLU_URLDECODE) ==
	    CURLUE_OK && p[0] == '/')
		path = xstrdup(p);
	else
		*why = xstrdup("not a valid file: URL");
	curl.free(p);
	curl.url_cleanup(u);
	return (path);
}

/* Read the file of a local file:// request into x->res, or set its
 * error. Only a regular file is read: stat() before the open, so that
 * opening a device has no effect of its own, and fstat() after it, so
 * that a file swapped in between is caught too. */
static void
http_file(struct http_xfer *x)
{
	struct http_response	*res = &x->res;
	struct stat		 sb, fsb;
	char			 chunk[65536], max[32], *path;
	ssize_t			 n;
	int			 fd = -1;

	if ((path = http_file_path(x->url, &res->error)) == NULL)
		return;
	if (stat(path, &sb) == -1) {
		xasprintf(&res->error, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(sb.st_mode))
		goto irregular;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		xasprintf(&res->error, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (fstat(fd, &fsb) == -1) {
		xasprintf(&res->error, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(fsb.st_mode) || fsb.st_dev != sb.st_dev ||
	    fsb.st_ino != sb.st_ino)
		goto irregular;
	for (;;) {
		if ((n = read(fd, chunk, sizeof chunk)) == -1) {
			if (errno == EINTR)
				continue;
			xasprintf(&res->error, "%s: %s", path,
			    strerror(errno));
			break;
		}
		if (n == 0)
			break;
		if (x->max_bytes != 0 &&
		    (size_t)n > x->max_bytes - res->body.len) {
			util_bytes(max, sizeof max, x->max_bytes);
			xasprintf(&res->error, "%s is larger than %s", path,
			    max);
			break;
		}
		buf_add(&res->body, chunk, (size_t)n);
	}
	goto out;
irregular:
	xasprintf(&res->error, "%s is not a regular file", path);
out:
	if (res->error != NULL)
		buf_release(&res->body);
	else
		res->url = xstrdup(x->url);
	if (fd != -1)
		close(fd);
	free(path);
}

/* Drop every transfer, queued or running, without calling done. */
static void
http_abandon(struct http *h)
{
	struct http_xfer	*x;

	while ((x = h->local) != NULL) {
		h->local = x->next;
		http_xfer_free(x);
	}
	while ((x = h->active) != NULL) {
		http_detach(h, x);
		http_xfer_free(x);
	}
	while ((x = h->queue) != NULL) {
		h->queue = x->next;
		http_xfer_free(x);
	}
	h->queue_tail = &h->queue;
}

/* Drive the multi handle until every transfer is done or *stop is set. */
int
http_run(struct http *h,
    void (*done)(void *arg, void *req_arg, struct http_response *res),
    void *arg, const atomic_int *stop)
{
	struct http_xfer	*x;
	CURLMsg			*msg;
	CURLMcode		 mc;
	CURLcode		 result;
	CURL			*e;
	int			 running, left, finished;

	for (;;) {
		if (stop != NULL && *stop) {
			http_abandon(h);
			return (-1);
		}
		/* A file is read at once; a refusal needs no reading. */
		if ((x = h->local) != NULL) {
			h->local = x->next;
			if (x->route == HTTP_FILE)
				http_file(x);
			done(arg, x->arg, &x->res);
			http_xfer_free(x);
			continue;
		}
		http_start(h);
		if (h->active == NULL)
			return (0);
		if ((mc = curl.multi_perform(h->multi, &running)) != CURLM_OK)
			fatalx("curl_multi_perform: %s",
			    curl.multi_strerror(mc));

		finished = 0;
		while ((msg = curl.multi_info_read(h->multi, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			/* msg is invalid once its handle is removed. */
			e = msg->easy_handle;
			result = msg->data.result;
			for (x = h->active; x != NULL && x->easy != e;
			    x = x->next)
				;
			if (x == NULL)
				fatalx("http: finished transfer not found");
			http_respond(x, e, result);
			http_detach(h, x);
			done(arg, x->arg, &x->res);
			http_xfer_free(x);
			finished = 1;
			if (stop != NULL && *stop)
				break;
		}
		if (finished)
			continue;	/* start the next ones at once */
		mc = curl.multi_poll(h->multi, NULL, 0, HTTP_POLL_MS, NULL);
		if (mc != CURLM_OK)
			fatalx("curl_multi_poll: %s", curl.multi_strerror(mc));
	}
}

/* Drop whatever is left and free the multi handle and the pool. */
void
http_free(struct http *h)
{
	if (h == NULL)
		return;
	http_abandon(h);
	while (h->nidle > 0)
		curl.easy_cleanup(h->idle[--h->nidle]);
	free(h->idle);
	if (h->multi != NULL)
		curl.multi_cleanup(h->multi);
	free(h);
}
