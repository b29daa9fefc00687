/*
 * sync-miniflux.c: Miniflux's own REST API (v1), a protocol of sync.c.
 * The sync line's URL is Miniflux's root (BASE); every request goes to
 * BASE/v1/... with the account's API token in the X-Auth-Token header
 * (the token comes from password-command or password-file, as a password
 * does; it is kept in memory only). Answers are JSON; an error is an
 * HTTP status (401: the token was refused).
 *
 * One sync, one request after another:
 *	PUT /v1/entries, per batch	the queued read and unread changes,
 *					thousands of ids a request; a
 *					batch leaves the queue once the
 *					server answered 204
 *	GET /v1/entries/N, then		a queued star: the bookmark is a
 *	PUT /v1/entries/N/bookmark	toggle, so the entry's starred is
 *					read first and toggled only when it
 *					differs (sent twice, it is still set)
 *	GET /v1/feeds/counters		each feed's unread entries: when the
 *					feeds they name are all known and
 *					the last full reading is less than
 *					an hour old, the feeds are not read
 *					again
 *	GET /v1/feeds			the feeds, their categories as tags
 *	GET /v1/entries?after_entry_id	entries newer than the newest
 *					stored (every one the first time),
 *					in id order, a page at a time
 *	GET /v1/entries?starred=true	the number of starred entries
 *					(limit=1): with the counters, whether
 *					the store's marks agree
 *	GET /v1/entries?changed_after	when they do not, or once an hour,
 *					the older entries whose status or
 *					star changed since the last such
 *					reading (less a margin for clocks):
 *					the marks made elsewhere
 * Subscribing ("tidings add --account") asks GET /v1/feeds whether the
 * account has the feed, POST /v1/discover for the feeds of the address
 * (a feed finds itself, a page those it names), GET /v1/categories for
 * the tag's category (POST /v1/categories makes a missing one), then
 * POST /v1/feeds; unsubscribing is DELETE /v1/feeds/N. A refusal quotes
 * the error_message of the error status's body.
 * Entry and feed ids are positive integers, kept as they are. Sending
 * first means the marks read back hold what was sent; a change made
 * while the sync runs stays queued and wins (tidings-config(5)).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "config.h"
#include "date.h"
#include "json.h"
#include "store.h"
#include "sync.h"
#include "sync-int.h"
#include "util.h"

#define MF_TOKEN_MAX	1024		/* bytes of a token, at most */
#define MF_MAX_PAGES	5000		/* pages of one list, at most */
#define MF_SLACK	600		/* seconds before the last sync that
					   changed_after asks from */

char *
sync_miniflux_base(const char *url)
{
	size_t	 n = strlen(url);

	while (n > 0 && url[n - 1] == '/')
		n--;
	/* The API's own address names the same server. */
	if (n >= 3 && strncmp(url + n - 3, "/v1", 3) == 0)
		n -= 3;
	while (n > 0 && url[n - 1] == '/')
		n--;
	return (xstrndup(url, n));
}

int
sync_miniflux_entries(const struct json *doc, struct sync_headline **v,
    size_t *n, size_t *total, int64_t *last)
{
	const struct json	*a, *entries, *s;
	struct sync_headline	 h;
	int64_t			 id, t;
	size_t			 i;

	*v = NULL;
	*n = 0;
	*total = 0;
	entries = json_get(doc, "entries");
	if (doc == NULL || doc->type != JSON_OBJECT || entries == NULL ||
	    (entries->type != JSON_ARRAY && entries->type != JSON_NULL))
		return (-1);
	if (entries->type == JSON_NULL)
		return (0);
	*total = entries->n;
	*v = xreallocarray(NULL, entries->n + 1, sizeof **v);
	for (i = 0; i < entries->n; i++) {
		a = &entries->v[i];
		memset(&h, 0, sizeof h);
		if (a->type != JSON_OBJECT ||
		    sync_int(json_get(a, "id"), &id) != 0 || id <= 0)
			continue;
		/* The page's end, even past an entry left out. */
		if (id > *last)
			*last = id;
		h.id = id;
		if (sync_int(json_get(a, "feed_id"), &h.feed_id) != 0 &&
		    sync_int(json_get(json_get(a, "feed"), "id"),
		    &h.feed_id) != 0)
			continue;
		s = json_get(a, "status");
		if (h.feed_id <= 0 || s == NULL || s->type != JSON_STRING ||
		    (strcmp(s->str, "read") != 0 &&
		    strcmp(s->str, "unread") != 0))
			continue;	/* "removed": gone from the account */
		h.unread = strcmp(s->str, "unread") == 0;
		h.marked = sync_bool(json_get(a, "starred"), 0);
		h.updated = INT64_MIN;
		s = json_get(a, "published_at");
		if (s != NULL && s->type == JSON_STRING &&
		    date_parse(s->str, &t) == 0 && t > 0)
			h.updated = t;
		h.title = sync_text(a, "title");
		h.link = sync_text(a, "url");
		h.author = sync_text(a, "author");
		s = json_get(a, "content");
		if (s != NULL && s->type == JSON_STRING && *s->str != '\0')
			h.content = xstrdup(s->str);
		(*v)[(*n)++] = h;
	}
	return (0);
}

int
sync_miniflux_counters(const struct json *doc, int64_t **ids,
    int64_t **unread, size_t *n)
{
	static const char *const keys[] = { "unreads", "reads" };
	const struct json	*o;
	struct json		 k;
	unsigned char		*dup;
	size_t			 i, j, nunreads = 0;
	int64_t			 id, count;

	*ids = *unread = NULL;
	*n = 0;
	if (doc == NULL || doc->type != JSON_OBJECT)
		return (-1);
	for (i = 0; i < nitems(keys); i++) {
		o = json_get(doc, keys[i]);
		if (o == NULL || o->type == JSON_NULL)
			continue;
		if (o->type != JSON_OBJECT)
			goto bad;
		*ids = xreallocarray(*ids, *n + o->n + 1, sizeof **ids);
		*unread = xreallocarray(*unread, *n + o->n + 1,
		    sizeof **unread);
		for (j = 0; j < o->n; j++) {
			/* Each member's name is a feed's id. */
			memset(&k, 0, sizeof k);
			k.type = JSON_STRING;
			k.str = o->k[j];
			if (sync_int(&k, &id) != 0 || id <= 0 ||
			    sync_int(&o->v[j], &count) != 0 || count < 0)
				goto bad;
			(*ids)[*n] = id;
			(*unread)[(*n)++] = i == 0 ? count : 0;
		}
		if (i == 0)
			nunreads = *n;
	}
	/* Each feed once: named twice in "unreads" is not understood; in
	 * "reads" too, it is the one of "unreads". */
	dup = xmalloc(*n + 1);
	sync_dups(*ids, *n, dup);
	for (i = j = 0; i < *n; i++) {
		if (dup[i] && i < nunreads) {
			free(dup);
			goto bad;
		}
		if (dup[i])
			continue;
		(*ids)[j] = (*ids)[i];
		(*unread)[j++] = (*unread)[i];
	}
	*n = j;
	free(dup);
	return (0);
bad:
	free(*ids);
	free(*unread);
	*ids = *unread = NULL;
	*n = 0;
	return (-1);
}

/* One request to the API: METHOD (NULL: GET) BASE/v1/PATH with body
 * (JSON) when set; the answer's JSON into *doc when doc is set. */
static int
sync_miniflux_call(struct sync_conn *c, const char *what, const char *method,
    const char *path, const char *body, const struct json **doc,
    char **error)
{
	const struct json	*d;
	char			*url, *e;
	int			 rc;

	xasprintf(&url, "%s/v1/%s", c->api, path);
	rc = sync_request_header(c, what, method, url, body, "X-Auth-Token",
	    c->auth, error);
	free(url);
	if (rc != 0) {
		if (c->status == 401 || c->status == 403) {
			e = *error;
			xasprintf(error, "%s (the API token was refused)", e);
			free(e);
		}
		return (-1);
	}
	if (doc == NULL) {
		/* The API's answer to a change is 204 and nothing: a 200
		 * page (a proxy's sign-in) has not taken it. */
		if (c->status == 204 || c->body.len == 0)
			return (0);
		xasprintf(error, "%s: HTTP %ld, not the API's answer (204 No "
		    "Content)", what, c->status);
		return (-1);
	}
	if ((d = sync_parse(c)) == NULL) {
		xasprintf(error, "%s: not a Miniflux API answer", what);
		return (-1);
	}
	*doc = d;
	return (0);
}

/* The token: into c->auth, or -1 and *error. */
static int
sync_miniflux_token(struct sync_conn *c, char **error)
{
	char	*t;
	size_t	 i, n;

	if ((t = sync_password(c->cs, error)) == NULL)
		return (-1);
	n = strlen(t);
	/* It goes in a header: visible ASCII only. */
	for (i = 0; i < n && t[i] > ' ' && t[i] <= '~'; i++)
		;
	if (i < n || n > MF_TOKEN_MAX) {
		explicit_bzero(t, n);
		free(t);
		*error = xstrdup("the API token holds a space or a byte "
		    "other than visible ASCII");
		return (-1);
	}
	c->auth = t;
	return (0);
}

/* Set starred of entry id to value: read it, toggle when it differs. */
static int
sync_miniflux_star(struct sync_conn *c, int64_t id, int value, char **error)
{
	const struct json	*doc;
	char			 path[64];

	snprintf(path, sizeof path, "entries/%lld", (long long)id);
	if (sync_miniflux_call(c, "entry", NULL, path, NULL, &doc,
	    error) != 0) {
		if (c->status != 404)
			return (-1);
		/* Gone from the server: nothing to star. */
		free(*error);
		*error = NULL;
		return (0);
	}
	if (doc->type != JSON_OBJECT || json_get(doc, "starred") == NULL) {
		*error = xstrdup("entry: not an entry");
		return (-1);
	}
	if (sync_bool(json_get(doc, "starred"), 0) == (value != 0))
		return (0);
	snprintf(path, sizeof path, "entries/%lld/bookmark", (long long)id);
	return (sync_miniflux_call(c, "bookmark", "PUT", path, "", NULL,
	    error));
}

/* Send a batch of the queue: field 2 (unread) as one PUT /v1/entries,
 * field 0 (starred) entry by entry. */
static int
sync_miniflux_send(struct sync_conn *c, int field, int value,
    const int64_t *ids, size_t n, char **error)
{
	struct buf	 body = BUF_INIT;
	size_t		 i;
	int		 rc;

	if (field == 0) {
		for (i = 0; i < n; i++)
			if (sync_miniflux_star(c, ids[i], value, error) != 0)
				return (-1);
		return (0);
	}
	buf_addstr(&body, "{\"entry_ids\":[");
	buf_add_ids(&body, ids, n);
	buf_addf(&body, "],\"status\":\"%s\"}", value ? "unread" : "read");
	rc = sync_miniflux_call(c, "entries status", "PUT", "entries",
	    body.data, NULL, error);
	buf_release(&body);
	return (rc);
}

/* The account's feeds with their categories as tags, into the store. */
static int
sync_miniflux_feeds(struct sync_conn *c, struct store *st,
    struct sync_map **map, size_t *nmap, char **error)
{
	const struct json	*doc, *o;
	struct store_sync_feed	*sf;
	char			**titles, **tags;
	size_t			 n = 0, i;

	if (sync_miniflux_call(c, "feeds", NULL, "feeds", NULL, &doc,
	    error) != 0)
		return (-1);
	if (doc->type != JSON_ARRAY) {
		*error = xstrdup("feeds: not a list of feeds");
		return (-1);
	}
	sf = xcalloc(doc->n + 1, sizeof *sf);
	titles = xcalloc(doc->n + 1, sizeof *titles);
	tags = xcalloc(doc->n + 1, sizeof *tags);
	for (i = 0; i < doc->n; i++) {
		o = &doc->v[i];
		if (o->type != JSON_OBJECT ||
		    sync_int(json_get(o, "id"), &sf[n].remote_id) != 0 ||
		    sf[n].remote_id <= 0)
			continue;
		titles[n] = sync_text(o, "title");
		sf[n].title = titles[n];
		tags[n] = sync_text(json_get(o, "category"), "title");
		sf[n].tag = tags[n];
		n++;
	}
	return (sync_store_feeds(c, st, sf, titles, tags, n, map, nmap,
	    error));
}

/*
 * Page through GET /v1/entries?QUERY in id order from after_entry_id
 * from, storing each page's entries with their marks; *last is the
 * highest id seen.
 */
static int
sync_miniflux_pages(struct sync_conn *c, struct store *st, const char *what,
    const char *query, int64_t from, const struct sync_map *map,
    size_t nmap, char **error)
{
	const struct json	*doc;
	struct sync_headline	*h;
	struct buf		 q = BUF_INIT;
	size_t			 page, n, total;
	int64_t			 last = from, all;
	int			 rc = 0;

	for (page = 0; page < MF_MAX_PAGES && rc == 0; page++) {
		buf_reset(&q);
		buf_addf(&q, "entries?%s&order=id&direction=asc&limit=%d"
		    "&after_entry_id=%lld", query, SYNC_MINIFLUX_PAGE,
		    (long long)last);
		from = last;
		if (sync_miniflux_call(c, what, NULL, q.data, NULL, &doc,
		    error) != 0) {
			rc = -1;
			break;
		}
		if (sync_miniflux_entries(doc, &h, &n, &total, &last) != 0) {
			xasprintf(error, "%s: not a list of entries", what);
			rc = -1;
			break;
		}
		rc = sync_store_page(st, c->key, map, nmap, h, n,
		    &c->stats->nnew, error);
		sync_headlines_free(h, n);
		/* "total" counts every entry the query matches from this
		 * page on: a page holding them all is the last (a server
		 * may give fewer than limit). A page whose ids do not go
		 * forward would never end. */
		if (total == 0 || last <= from ||
		    (sync_int(json_get(doc, "total"), &all) == 0 &&
		    all <= (int64_t)total))
			break;
	}
	buf_release(&q);
	return (rc);
}

/* Whether every feed the counters name is one of map's. */
static int
sync_miniflux_known(const int64_t *ids, size_t n, const struct sync_map *map,
    size_t nmap)
{
	size_t		 i;

	for (i = 0; i < n; i++)
		if (sync_map_find(map, nmap, ids[i]) == NULL)
			return (0);
	return (1);
}

/*
 * Whether the store agrees with the server: each feed's unread entries
 * by the counters (ids[0..n), unread[0..n)) and the number of starred
 * ones (a small request). When they agree, the marks are taken as
 * unchanged: a read and an unread, or a star and an unstar, that cancel
 * out wait for the hourly reading.
 */
static int
sync_miniflux_match(struct sync_conn *c, struct store *st,
    const struct sync_map *map, size_t nmap, const int64_t *ids,
    const int64_t *unread, size_t n, int *match, char **error)
{
	const struct json	*doc;
	const struct sync_map	*m;
	int64_t			*feed = NULL, *su = NULL, *ss = NULL;
	int64_t			 starred = 0, total, want;
	size_t			 ns = 0, i, j, k;

	*match = 0;
	if (store_sync_counts(st, c->key, &feed, &su, &ss, &ns, error) != 0)
		return (-1);
	*match = 1;
	/* Each feed of either side: the server's unread (0 when it names
	 * the feed not) against the store's. */
	for (i = 0; i < ns && *match; i++) {
		starred += ss[i];
		for (j = 0; j < nmap && map[j].id != feed[i]; j++)
			;
		want = 0;
		for (k = 0; j < nmap && k < n; k++)
			if (ids[k] == map[j].remote)
				want = unread[k];
		if (j == nmap ? su[i] != 0 : want != su[i])
			*match = 0;
	}
	for (k = 0; k < n && *match; k++) {
		m = sync_map_find(map, nmap, ids[k]);
		for (i = 0; m != NULL && i < ns && feed[i] != m->id; i++)
			;
		if (unread[k] != 0 && (m == NULL || i == ns))
			*match = 0;
	}
	free(feed);
	free(su);
	free(ss);
	if (!*match)
		return (0);
	if (sync_miniflux_call(c, "starred", NULL, "entries?starred=true"
	    "&status=unread&status=read&limit=1", NULL, &doc, error) != 0)
		return (-1);
	if (sync_int(json_get(doc, "total"), &total) != 0 || total != starred)
		*match = 0;
	return (0);
}

int
sync_miniflux_run(struct sync_conn *c, struct store *st, char **error)
{
	const struct json	*doc;
	struct sync_map		*map = NULL;
	int64_t			 since, last, marks, now = time_now();
	int64_t			*fids = NULL, *funread = NULL;
	size_t			 nmap = 0, nf = 0;
	char			 query[160], before[48];
	int			 rc = -1, full, known, match = 0;

	if (store_sync_last(st, c->key, &last, &marks, error) != 0 ||
	    store_sync_since(st, c->key, &since, error) != 0 ||
	    sync_miniflux_token(c, error) != 0 ||
	    sync_push(c, st, SYNC_MINIFLUX_BATCH, sync_miniflux_send,
	    error) != 0 ||
	    sync_miniflux_call(c, "counters", NULL, "feeds/counters", NULL,
	    &doc, error) != 0)
		goto out;
	known = sync_miniflux_counters(doc, &fids, &funread, &nf) == 0;
	/* Every feed and every changed mark the first time and every
	 * hour; the feeds too when the counters name one the store lacks
	 * (a feed added on the server). */
	full = since == 0 || marks == STORE_NOTIME ||
	    now - marks >= SYNC_FULL_EVERY || now < marks;
	if (!full && sync_known_feeds(st, c->key, &map, &nmap, error) != 0)
		goto out;
	if (full || !known || !sync_miniflux_known(fids, nf, map, nmap)) {
		sync_map_free(map, nmap);
		map = NULL;
		nmap = 0;
		if (sync_miniflux_feeds(c, st, &map, &nmap, error) != 0)
			goto out;
	}
	c->stats->feeds = (int)nmap;
	/* The new entries, with their marks; "removed" ones are not the
	 * account's any more. */
	if (sync_miniflux_pages(c, st, "entries", "status=unread&status=read",
	    since, map, nmap, error) != 0)
		goto out;
	if (since == 0) {
		/* The first time, every entry came with its marks. */
		if (store_sync_done(st, c->key, now, now, error) != 0)
			goto out;
		rc = 0;
		goto out;
	}
	/* The marks of older entries: when the counters (taken before the
	 * new entries) or the starred disagree with the store, or once an
	 * hour, those changed since the last such reading (less a margin
	 * for clocks) or, when there was none, all of them. */
	if (!full && known && sync_miniflux_match(c, st, map, nmap, fids,
	    funread, nf, &match, error) != 0)
		goto out;
	if (!match) {
		/* Up to since: none is above the highest id there is. */
		if (since < INT64_MAX)
			snprintf(before, sizeof before, "&before_entry_id=%lld",
			    (long long)(since + 1));
		else
			*before = '\0';
		if (marks != STORE_NOTIME && marks <= now)
			snprintf(query, sizeof query, "changed_after=%lld%s",
			    (long long)(marks - MF_SLACK), before);
		else
			snprintf(query, sizeof query, "status=unread"
			    "&status=read%s", before);
		if (sync_miniflux_pages(c, st, "changed entries", query, 0,
		    map, nmap, error) != 0)
			goto out;
	}
	if (store_sync_done(st, c->key, now, match ? STORE_NOTIME : now,
	    error) != 0)
		goto out;
	rc = 0;
out:
	sync_map_free(map, nmap);
	free(fids);
	free(funread);
	return (rc);
}

/* What the server said when it refused a request: the error_message of
 * the body of its error status (through the terminal gate), or NULL.
 * Caller frees. */
static char *
sync_miniflux_said(struct sync_conn *c)
{
	const struct json	*d;

	if (c->status < 400 || c->body.len == 0 || (d = sync_parse(c)) == NULL)
		return (NULL);
	return (sync_text(d, "error_message"));
}

/* A refusal by the server of what (a URL, a category) becomes *error,
 * "WHAT: WHY (HTTP N: what the server said)"; an error of another kind
 * (no answer, a refused token) stays as it is. */
static void
sync_miniflux_refused(struct sync_conn *c, const char *what,
    const char *why, char **error)
{
	struct buf	 b = BUF_INIT;
	char		*said;

	if (c->status < 400 || c->status == 401 || c->status == 403)
		return;
	said = sync_miniflux_said(c);
	text_printable(&b, what);
	buf_addf(&b, ": %s (HTTP %ld%s%s)", why, c->status,
	    said != NULL ? ": " : "", said != NULL ? said : "");
	free(said);
	free(*error);
	*error = buf_detach(&b, NULL);
}

/* The server's id of the account's feed whose feed_url is url, or whose
 * store address ("KEY#N") is url, in *id; 0 when it has none. */
static int
sync_miniflux_find(struct sync_conn *c, const char *url, int64_t *id,
    char **error)
{
	const struct json	*doc, *o, *fu;
	size_t			 i;
	int64_t			 want = sync_store_address(c, url), fid;

	*id = 0;
	if (sync_miniflux_call(c, "feeds", NULL, "feeds", NULL, &doc,
	    error) != 0)
		return (-1);
	for (i = 0; doc->type == JSON_ARRAY && i < doc->n; i++) {
		o = &doc->v[i];
		fu = json_get(o, "feed_url");
		if (sync_int(json_get(o, "id"), &fid) != 0 || fid <= 0)
			continue;
		if (want > 0 ? fid == want : fu != NULL &&
		    fu->type == JSON_STRING && strcmp(fu->str, url) == 0) {
			*id = fid;
			break;
		}
	}
	return (0);
}

/*
 * The feed to subscribe to for url, in *pick: POST /v1/discover finds
 * the feeds of a page (a feed's address finds itself). One feed is the
 * one; of several, the want-th, or url itself when it is one of them;
 * else the error lists them.
 */
static int
sync_miniflux_discover(struct sync_conn *c, const char *url, long want,
    char **pick, char **error)
{
	const struct json	*doc;
	struct buf		 b = BUF_INIT;
	char			**feeds;
	size_t			 n = 0, i;
	int			 rc;

	*pick = NULL;
	buf_addstr(&b, "{\"url\":");
	buf_add_jsonstr(&b, url);
	buf_addch(&b, '}');
	rc = sync_miniflux_call(c, "discover", NULL, "discover", b.data, &doc,
	    error);
	buf_release(&b);
	if (rc != 0) {
		/* Miniflux answers 404 when it finds no feed there. */
		sync_miniflux_refused(c, url, c->status == 404 ? "not a feed, "
		    "nor a page that names one" : "the server could not look "
		    "for a feed there", error);
		return (-1);
	}
	if (doc->type != JSON_ARRAY) {
		*error = xstrdup("discover: not a list of feeds");
		return (-1);
	}
	feeds = xcalloc(doc->n + 1, sizeof *feeds);
	for (i = 0; i < doc->n; i++)
		if ((feeds[n] = sync_text(&doc->v[i], "url")) != NULL)
			n++;
	if (want > 0 && (size_t)want <= n)
		i = (size_t)want - 1;
	else if (want == 0 && n == 1)
		i = 0;
	else
		for (i = 0; want == 0 && i < n &&
		    strcmp(feeds[i], url) != 0; i++)
			;
	if (i < n && (want == 0 || (size_t)want <= n)) {
		*pick = feeds[i];
		feeds[i] = NULL;
	} else {
		text_printable(&b, url);
		if (n == 0)
			buf_addstr(&b, ": not a feed, nor a page that names "
			    "one");
		else {
			buf_addf(&b, ": the page names %zu feeds:", n);
			for (i = 0; i < n; i++) {
				buf_addf(&b, " %zu ", i + 1);
				text_printable(&b, feeds[i]);
			}
			buf_addstr(&b, " (pick one with -n N)");
		}
		*error = buf_detach(&b, NULL);
	}
	for (i = 0; i < n; i++)
		free(feeds[i]);
	free(feeds);
	return (*pick != NULL ? 0 : -1);
}

/* The id of the category titled tag in *cat: the account's, or one made
 * for it (POST /v1/categories). */
static int
sync_miniflux_category(struct sync_conn *c, const char *tag, int64_t *cat,
    char **error)
{
	const struct json	*doc, *o;
	struct buf		 b = BUF_INIT;
	char			*title;
	size_t			 i;
	int			 rc;

	*cat = 0;
	if (sync_miniflux_call(c, "categories", NULL, "categories", NULL,
	    &doc, error) != 0)
		return (-1);
	for (i = 0; doc->type == JSON_ARRAY && i < doc->n && *cat == 0;
	    i++) {
		o = &doc->v[i];
		if ((title = sync_text(o, "title")) == NULL)
			continue;
		if (strcmp(title, tag) != 0 || sync_int(json_get(o, "id"),
		    cat) != 0 || *cat <= 0)
			*cat = 0;
		free(title);
	}
	if (*cat > 0)
		return (0);
	buf_addstr(&b, "{\"title\":");
	buf_add_jsonstr(&b, tag);
	buf_addch(&b, '}');
	rc = sync_miniflux_call(c, "create category", NULL, "categories",
	    b.data, &doc, error);
	buf_release(&b);
	if (rc != 0) {
		sync_miniflux_refused(c, tag, "the server would not make "
		    "that category", error);
		return (-1);
	}
	if (sync_int(json_get(doc, "id"), cat) != 0 || *cat <= 0) {
		*error = xstrdup("create category: no category id in the "
		    "answer");
		return (-1);
	}
	return (0);
}

int
sync_miniflux_subscribe(struct sync_conn *c, struct store *st,
    const char *url, char *const *tags, size_t ntags, long want,
    char **feed_url, char **error)
{
	const struct json	*doc;
	struct buf		 b = BUF_INIT;
	char			*pick = NULL;
	int64_t			 id, cat = 0;
	int			 rc = -1;

	if (ntags > 1) {
		*error = xstrdup("Miniflux files a feed under one category: "
		    "give one tag");
		return (-1);
	}
	if (sync_miniflux_token(c, error) != 0 ||
	    sync_miniflux_find(c, url, &id, error) != 0)
		return (-1);
	/* A page's feed may be the account's already too. */
	if (id == 0 && (sync_miniflux_discover(c, url, want, &pick,
	    error) != 0 || (strcmp(pick, url) != 0 &&
	    sync_miniflux_find(c, pick, &id, error) != 0)))
		goto out;
	if (id != 0) {
		rc = SYNC_SUB_LISTED;
		goto listed;
	}
	if (ntags == 1 && sync_miniflux_category(c, tags[0], &cat,
	    error) != 0)
		goto out;
	/* Without a category, the server files it under its first. */
	buf_addstr(&b, "{\"feed_url\":");
	buf_add_jsonstr(&b, pick);
	if (cat > 0)
		buf_addf(&b, ",\"category_id\":%lld", (long long)cat);
	buf_addch(&b, '}');
	if (sync_miniflux_call(c, "create feed", NULL, "feeds", b.data, &doc,
	    error) != 0) {
		/* 400: the server's own checks (subscribed already, a bad
		 * category); 500: it could not fetch or read the feed. */
		sync_miniflux_refused(c, pick, "the server would not "
		    "subscribe to it", error);
		goto out;
	}
	rc = SYNC_SUB_ADDED;
listed:
	/* Miniflux has fetched a new feed already: its entries come with
	 * the next sync. */
	sync_relist(c, st, sync_miniflux_feeds);
	if (feed_url != NULL)
		*feed_url = xstrdup(pick != NULL ? pick : url);
out:
	buf_release(&b);
	free(pick);
	return (rc);
}

int
sync_miniflux_unsubscribe(struct sync_conn *c, struct store *st,
    const char *url, char **error)
{
	char		 path[48];
	int64_t		 id;

	if (sync_miniflux_token(c, error) != 0 ||
	    sync_miniflux_find(c, url, &id, error) != 0)
		return (-1);
	if (id == 0) {
		*error = sync_no_feed(url);
		return (-1);
	}
	snprintf(path, sizeof path, "feeds/%lld", (long long)id);
	if (sync_miniflux_call(c, "remove feed", "DELETE", path, NULL, NULL,
	    error) != 0) {
		sync_miniflux_refused(c, url, "the server would not "
		    "unsubscribe from it", error);
		return (-1);
	}
	sync_relist(c, st, sync_miniflux_feeds);
	return (0);
}
