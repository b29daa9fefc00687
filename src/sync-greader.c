/*
 * sync-greader.c: the Google Reader API, a protocol of sync.c, as
 * FreshRSS (api/greader.php), Miniflux, Inoreader and others speak it.
 * The sync line's URL is the API's base: BASE/accounts/ClientLogin logs
 * in, BASE/reader/api/0/... is the rest.
 *
 * One sync, one request after another:
 *	POST accounts/ClientLogin	Email, Passwd -> "Auth=TOKEN" (kept
 *					in memory only), sent back as
 *					"Authorization: GoogleLogin auth="
 *	GET token			the write token, when there are
 *					queued changes to send
 *	POST edit-tag, per batch	the queued changes, many i= a
 *					request; a batch leaves the queue
 *					once the server answered "OK"
 *	GET subscription/list		the feeds, their categories as tags
 *	GET stream/contents		the reading list with continuation:
 *					every item the first time, later
 *					those since the last sync (ot)
 *	GET stream/items/ids		the unread ids (xt=read) and the
 *					starred ids (s=starred): the marks
 *	POST stream/items/contents	the unread or starred items the
 *					store lacks (an item older than ot,
 *					by a server's clock or a late feed)
 *
 * Item ids come in two forms: "tag:google.com,2005:reader/item/" and
 * 16 hex digits (stream/contents), or the same number in decimal
 * (stream/items/ids). Both are read as one 64-bit number; the store
 * keeps those that fit in 63 bits (FreshRSS's and Miniflux's do). Feed
 * ids are strings ("feed/12", "feed/http://..."): "feed/N" is the number
 * N, any other the first 63 bits of its FNV-1a hash, so that a feed
 * keeps its row from one sync to the next.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "config.h"
#include "json.h"
#include "store.h"
#include "sync.h"
#include "sync-int.h"
#include "util.h"

#define GR_PREFIX	"tag:google.com,2005:reader/item/"
#define GR_STATE	"user/-/state/com.google/"
#define GR_READING	GR_STATE "reading-list"
#define GR_READ		GR_STATE "read"
#define GR_STARRED	GR_STATE "starred"
#define GR_TOKEN_MAX	1024		/* bytes of a token, at most */
#define GR_CONT_MAX	1024		/* bytes of a continuation */
#define GR_MAX_PAGES	5000		/* pages of one list, at most */
#define GR_SLACK	600		/* seconds before the last sync that
					   ot asks from: clocks differ */

char *
sync_greader_base(const char *url)
{
	size_t	 n = strlen(url);

	while (n > 0 && url[n - 1] == '/')
		n--;
	return (xstrndup(url, n));
}

int
sync_greader_item_id(const char *s, int64_t *out)
{
	uint64_t	 u = 0;
	size_t		 i, n;
	int		 d;

	if (s == NULL)
		return (-1);
	if (strncmp(s, GR_PREFIX, sizeof GR_PREFIX - 1) == 0) {
		s += sizeof GR_PREFIX - 1;
		n = strlen(s);
		if (n == 0 || n > 16)
			return (-1);
		for (i = 0; i < n; i++) {
			if (s[i] >= '0' && s[i] <= '9')
				d = s[i] - '0';
			else if (s[i] >= 'a' && s[i] <= 'f')
				d = s[i] - 'a' + 10;
			else if (s[i] >= 'A' && s[i] <= 'F')
				d = s[i] - 'A' + 10;
			else
				return (-1);
			u = u << 4 | (uint64_t)d;
		}
	} else {
		if (*s < '0' || *s > '9')
			return (-1);
		for (; *s >= '0' && *s <= '9'; s++) {
			if (u > (UINT64_MAX - 9) / 10)
				return (-1);
			u = u * 10 + (uint64_t)(*s - '0');
		}
		if (*s != '\0')
			return (-1);
	}
	/* The store keeps positive ids; Google's own negative short form
	 * (the high bit set) is not one tidings can keep. */
	if (u == 0 || u > INT64_MAX)
		return (-1);
	*out = (int64_t)u;
	return (0);
}

int
sync_greader_feed_id(const char *stream, int64_t *out)
{
	uint64_t	 h = 14695981039346656037ULL;
	const char	*s;
	int64_t		 n;

	if (stream == NULL || strncmp(stream, "feed/", 5) != 0 ||
	    stream[5] == '\0')
		return (-1);
	s = stream + 5;
	if (*s >= '1' && *s <= '9' && strspn(s, "0123456789") == strlen(s) &&
	    strlen(s) <= 18) {
		n = strtoll(s, NULL, 10);
		*out = n;
		return (0);
	}
	for (s = stream; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	/* Apart from the numbers of "feed/N": above every 18-digit one. */
	*out = (int64_t)(h >> 1 | 1ULL << 62);
	return (0);
}

char *
sync_greader_auth(const char *body, size_t len)
{
	const char	*p = body, *end = body + len, *nl, *v;
	size_t		 n, i;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if (n > 5 && strncmp(p, "Auth=", 5) == 0) {
			v = p + 5;
			n -= 5;
			if (n > GR_TOKEN_MAX)
				return (NULL);
			/* It goes back in a header: visible ASCII only. */
			for (i = 0; i < n; i++)
				if (v[i] <= ' ' || v[i] > '~')
					return (NULL);
			return (xstrndup(v, n));
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	return (NULL);
}

/* Whether s holds, after "user/" and a user id, "/state/com.google/"
 * and tail: a state of any user's spelling ("-" or a number). */
static int
sync_greader_is_state(const char *s, const char *tail)
{
	const char	*p;

	if (strncmp(s, "user/", 5) != 0 ||
	    (p = strchr(s + 5, '/')) == NULL ||
	    strncmp(p, "/state/com.google/", 18) != 0)
		return (0);
	return (strcmp(p + 18, tail) == 0);
}

/* The first "href" of the array of links o[key]. */
static char *
sync_greader_href(const struct json *o, const char *key)
{
	const struct json	*a = json_get(o, key);
	size_t			 i;
	char			*s;

	if (a == NULL || a->type != JSON_ARRAY)
		return (NULL);
	for (i = 0; i < a->n; i++)
		if ((s = sync_text(&a->v[i], "href")) != NULL)
			return (s);
	return (NULL);
}

void
sync_greader_items(const struct json *doc, struct sync_headline **v,
    size_t *n, size_t *total)
{
	const struct json	*items, *a, *cats, *c, *o;
	struct sync_headline	 h;
	size_t			 i, j;
	int64_t			 t;

	*v = NULL;
	*n = 0;
	*total = 0;
	items = json_get(doc, "items");
	if (items == NULL || items->type != JSON_ARRAY)
		return;
	*total = items->n;
	*v = xreallocarray(NULL, items->n + 1, sizeof **v);
	for (i = 0; i < items->n; i++) {
		a = &items->v[i];
		memset(&h, 0, sizeof h);
		o = json_get(a, "id");
		if (a->type != JSON_OBJECT || o == NULL ||
		    o->type != JSON_STRING ||
		    sync_greader_item_id(o->str, &h.id) != 0)
			continue;
		o = json_get(json_get(a, "origin"), "streamId");
		if (o == NULL || o->type != JSON_STRING ||
		    sync_greader_feed_id(o->str, &h.feed_id) != 0)
			continue;
		h.updated = INT64_MIN;
		if ((sync_int(json_get(a, "published"), &t) == 0 ||
		    sync_int(json_get(a, "updated"), &t) == 0) && t > 0)
			h.updated = t;
		h.title = sync_text(a, "title");
		if ((h.link = sync_greader_href(a, "canonical")) == NULL)
			h.link = sync_greader_href(a, "alternate");
		h.author = sync_text(a, "author");
		o = json_get(json_get(a, "content"), "content");
		if (o == NULL || o->type != JSON_STRING || *o->str == '\0')
			o = json_get(json_get(a, "summary"), "content");
		if (o != NULL && o->type == JSON_STRING && *o->str != '\0')
			h.content = xstrdup(o->str);
		h.unread = 1;
		cats = json_get(a, "categories");
		for (j = 0; cats != NULL && cats->type == JSON_ARRAY &&
		    j < cats->n; j++) {
			c = &cats->v[j];
			if (c->type != JSON_STRING)
				continue;
			if (sync_greader_is_state(c->str, "read"))
				h.unread = 0;
			else if (sync_greader_is_state(c->str, "starred"))
				h.marked = 1;
		}
		(*v)[(*n)++] = h;
	}
}

void
sync_greader_ids(const struct json *doc, int64_t **ids, size_t *n,
    size_t *total)
{
	const struct json	*refs, *id;
	size_t			 i;

	*total = 0;
	refs = json_get(doc, "itemRefs");
	if (refs == NULL || refs->type != JSON_ARRAY)
		return;
	*total = refs->n;
	*ids = xreallocarray(*ids, *n + refs->n + 1, sizeof **ids);
	for (i = 0; i < refs->n; i++) {
		id = json_get(&refs->v[i], "id");
		if (id != NULL && (id->type == JSON_STRING ||
		    id->type == JSON_NUMBER) &&
		    sync_greader_item_id(id->str, &(*ids)[*n]) == 0)
			(*n)++;
	}
}

char *
sync_greader_continuation(const struct json *doc)
{
	const struct json	*c = json_get(doc, "continuation");
	size_t			 i, n;

	if (c == NULL || (c->type != JSON_STRING && c->type != JSON_NUMBER) ||
	    (n = strlen(c->str)) == 0 || n > GR_CONT_MAX)
		return (NULL);
	for (i = 0; i < n; i++)
		if (c->str[i] < ' ' || c->str[i] > '~')
			return (NULL);
	return (xstrdup(c->str));
}

/* Append s to b percent-encoded, for a query or a form. */
static void
sync_greader_escape(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 ch;

	for (; *s != '\0'; s++) {
		ch = (unsigned char)*s;
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9') || strchr("-._~", ch) != NULL)
			buf_addch(b, (char)ch);
		else {
			buf_addch(b, '%');
			buf_addch(b, hex[ch >> 4]);
			buf_addch(b, hex[ch & 15]);
		}
	}
}

/* One request to the API: BASE/reader/api/0/PATH (with its query),
 * a POST of post when set; the answer's JSON into *doc when doc is set
 * (else its body must start with "OK"). */
static int
sync_greader_call(struct sync_conn *c, const char *what, const char *path,
    const char *post, const struct json **doc, char **error)
{
	const struct json	*d;
	char			*url;
	int			 rc;

	xasprintf(&url, "%s/reader/api/0/%s", c->api, path);
	rc = sync_request(c, what, url, post, post != NULL ?
	    "application/x-www-form-urlencoded" : NULL, c->auth, error);
	free(url);
	if (rc != 0) {
		if (c->status == 401 || c->status == 403) {
			char	*e = *error;

			xasprintf(error, "%s (the login was refused)", e);
			free(e);
		}
		return (-1);
	}
	if (doc == NULL) {
		if (c->body.len >= 2 && memcmp(c->body.data, "OK", 2) == 0)
			return (0);
		xasprintf(error, "%s: the server did not answer OK", what);
		return (-1);
	}
	if ((d = sync_parse(c)) == NULL || d->type != JSON_OBJECT) {
		xasprintf(error, "%s: not a Google Reader API answer", what);
		return (-1);
	}
	*doc = d;
	return (0);
}

/* ClientLogin: set c->auth to the header's value. */
static int
sync_greader_login(struct sync_conn *c, char **error)
{
	struct buf	 form = BUF_SECRET_INIT, a = BUF_SECRET_INIT;
	char		*password, *url, *auth;
	int		 rc;

	if ((password = sync_password(c->cs, error)) == NULL)
		return (-1);
	buf_addstr(&form, "Email=");
	sync_greader_escape(&form, c->cs->user);
	buf_addstr(&form, "&Passwd=");
	sync_greader_escape(&form, password);
	explicit_bzero(password, strlen(password));
	free(password);
	xasprintf(&url, "%s/accounts/ClientLogin", c->api);
	c->secret_answer = 1;			/* "Auth=" */
	rc = sync_request(c, "ClientLogin", url, form.data,
	    "application/x-www-form-urlencoded", NULL, error);
	buf_wipe(&form);
	free(url);
	if (rc != 0) {
		if (c->status == 401 || c->status == 403) {
			free(*error);
			xasprintf(error, "ClientLogin: HTTP %ld (wrong user "
			    "or password)", c->status);
		}
		return (-1);
	}
	auth = sync_greader_auth(c->body.data != NULL ? c->body.data : "",
	    c->body.len);
	buf_wipe(&c->body);
	if (auth == NULL) {
		*error = xstrdup("ClientLogin: no Auth in the answer");
		return (-1);
	}
	buf_addstr(&a, "GoogleLogin auth=");
	buf_addstr(&a, auth);
	c->auth = buf_detach(&a, NULL);
	explicit_bzero(auth, strlen(auth));
	free(auth);
	return (0);
}

/* The write token: set c->token. */
static int
sync_greader_token(struct sync_conn *c, char **error)
{
	char	*url;
	size_t	 n, i;
	int	 rc;

	xasprintf(&url, "%s/reader/api/0/token", c->api);
	c->secret_answer = 1;
	rc = sync_request(c, "token", url, NULL, NULL, c->auth, error);
	free(url);
	if (rc != 0)
		return (-1);
	n = c->body.len;
	while (n > 0 && (c->body.data[n - 1] == '\n' ||
	    c->body.data[n - 1] == '\r' || c->body.data[n - 1] == ' '))
		n--;
	for (i = 0; i < n && c->body.data[i] > ' ' && c->body.data[i] <= '~';
	    i++)
		;
	if (n == 0 || i < n || n > GR_TOKEN_MAX) {
		buf_wipe(&c->body);
		*error = xstrdup("token: not a token");
		return (-1);
	}
	c->token = xstrndup(c->body.data, n);
	buf_wipe(&c->body);
	return (0);
}

/* edit-tag: add (value 1) or remove the state of field (2: unread,
 * that is read removed; 0: starred) on the items ids[0..n). */
static int
sync_greader_send(struct sync_conn *c, int field, int value,
    const int64_t *ids, size_t n, char **error)
{
	struct buf	 form = BUF_SECRET_INIT;
	size_t		 i;
	int		 rc = -1, tries;
	int		 add;

	/* Unread is read's absence: set unread = remove read. */
	add = field == 2 ? !value : value;
	for (tries = 0; tries < 2; tries++) {
		if (c->token == NULL && sync_greader_token(c, error) != 0)
			break;
		buf_reset(&form);
		buf_addstr(&form, "T=");
		sync_greader_escape(&form, c->token);
		buf_addf(&form, "&%s=", add ? "a" : "r");
		sync_greader_escape(&form, field == 2 ? GR_READ : GR_STARRED);
		for (i = 0; i < n; i++)
			buf_addf(&form, "&i=" GR_PREFIX "%016llx",
			    (unsigned long long)ids[i]);
		rc = sync_greader_call(c, "edit-tag", "edit-tag", form.data,
		    NULL, error);
		if (rc == 0 || c->status != 401 || tries > 0)
			break;
		/* A token expires (FreshRSS's, Miniflux's after a while):
		 * a new one, once. */
		free(*error);
		*error = NULL;
		explicit_bzero(c->token, strlen(c->token));
		free(c->token);
		c->token = NULL;
	}
	buf_wipe(&form);
	return (rc);
}

/* The account's feeds with their categories as tags, into the store. */
static int
sync_greader_feeds(struct sync_conn *c, struct store *st,
    struct sync_map **map, size_t *nmap, char **error)
{
	const struct json	*doc, *subs, *o, *id, *cats;
	struct store_sync_feed	*sf;
	char			**titles, **tags;
	size_t			 n = 0, i, j;

	if (sync_greader_call(c, "subscription/list",
	    "subscription/list?output=json", NULL, &doc, error) != 0)
		return (-1);
	subs = json_get(doc, "subscriptions");
	if (subs == NULL || subs->type != JSON_ARRAY) {
		*error = xstrdup("subscription/list: not a list of feeds");
		return (-1);
	}
	sf = xcalloc(subs->n + 1, sizeof *sf);
	titles = xcalloc(subs->n + 1, sizeof *titles);
	tags = xcalloc(subs->n + 1, sizeof *tags);
	for (i = 0; i < subs->n; i++) {
		o = &subs->v[i];
		id = json_get(o, "id");
		if (id == NULL || id->type != JSON_STRING ||
		    sync_greader_feed_id(id->str, &sf[n].remote_id) != 0)
			continue;
		titles[n] = sync_text(o, "title");
		sf[n].title = titles[n];
		cats = json_get(o, "categories");
		for (j = 0; cats != NULL && cats->type == JSON_ARRAY &&
		    j < cats->n && tags[n] == NULL; j++)
			tags[n] = sync_text(&cats->v[j], "label");
		sf[n].tag = tags[n];
		n++;
	}
	return (sync_store_feeds(c, st, sf, titles, tags, n, map, nmap,
	    error));
}

/* Store the items of an answer doc of stream/contents. */
static int
sync_greader_store(struct sync_conn *c, struct store *st,
    const struct sync_map *map, size_t nmap, const struct json *doc,
    size_t *total, char **error)
{
	struct sync_headline	*h;
	size_t			 n;
	int			 rc;

	sync_greader_items(doc, &h, &n, total);
	rc = sync_store_page(st, c->key, map, nmap, h, n, &c->stats->nnew,
	    error);
	sync_headlines_free(h, n);
	return (rc);
}

/*
 * Page through a list with continuation: query is PATH?...; with st
 * set, each page's items are stored (stream/contents), else their ids
 * go to *ids (stream/items/ids).
 */
static int
sync_greader_pages(struct sync_conn *c, const char *what, const char *query,
    struct store *st, const struct sync_map *map, size_t nmap,
    int64_t **ids, size_t *nids, char **error)
{
	const struct json	*doc;
	struct buf		 q = BUF_INIT;
	size_t			 page, total;
	char			*cont = NULL, *sent = NULL;
	int			 rc = 0;

	for (page = 0; page < GR_MAX_PAGES; page++) {
		buf_reset(&q);
		buf_addstr(&q, query);
		if (cont != NULL) {
			buf_addstr(&q, "&c=");
			sync_greader_escape(&q, cont);
		}
		free(sent);
		sent = cont;
		cont = NULL;
		if (sync_greader_call(c, what, q.data, NULL, &doc,
		    error) != 0) {
			rc = -1;
			break;
		}
		if (st != NULL)
			rc = sync_greader_store(c, st, map, nmap, doc, &total,
			    error);
		else
			sync_greader_ids(doc, ids, nids, &total);
		if (rc != 0 || total == 0 ||
		    (cont = sync_greader_continuation(doc)) == NULL)
			break;
		/* The same page again would never end. */
		if (sent != NULL && strcmp(cont, sent) == 0) {
			xasprintf(error, "%s: the server gives the same "
			    "continuation again", what);
			rc = -1;
			break;
		}
	}
	/* A list of ids cut short is not the whole list: the unread ids
	 * it lacks would be marked read. (Items cut short are fetched by
	 * their ids when unread or starred.) */
	if (rc == 0 && cont != NULL && st == NULL) {
		xasprintf(error, "%s: more than %d pages", what, GR_MAX_PAGES);
		rc = -1;
	}
	free(sent);
	free(cont);
	buf_release(&q);
	return (rc);
}

/* Fetch and store the items ids[0..n) the store lacks. */
static int
sync_greader_missing(struct sync_conn *c, struct store *st,
    const struct sync_map *map, size_t nmap, const int64_t *ids, size_t n,
    char **error)
{
	const struct json	*doc;
	struct buf		 form = BUF_INIT;
	int64_t			*miss = NULL;
	size_t			 nmiss = 0, i, j, total;
	int			 rc = 0;

	if (store_sync_missing(st, c->key, ids, n, &miss, &nmiss,
	    error) != 0)
		return (-1);
	for (i = 0; i < nmiss && rc == 0; i += SYNC_GREADER_PAGE) {
		buf_reset(&form);
		for (j = i; j < nmiss && j < i + SYNC_GREADER_PAGE; j++)
			buf_addf(&form, "%si=%lld", j > i ? "&" : "",
			    (long long)miss[j]);
		if (sync_greader_call(c, "stream/items/contents",
		    "stream/items/contents?output=json", form.data, &doc,
		    error) != 0 || sync_greader_store(c, st, map, nmap, doc,
		    &total, error) != 0)
			rc = -1;
	}
	buf_release(&form);
	free(miss);
	return (rc);
}

int
sync_greader_run(struct sync_conn *c, struct store *st, char **error)
{
	struct sync_map		*map = NULL;
	int64_t			 since, last, marks, now = time_now();
	int64_t			*unread = NULL, *starred = NULL, *both;
	size_t			 nmap = 0, nu = 0, ns = 0;
	char			 query[256];
	int			 rc = -1;

	if (store_sync_last(st, c->key, &last, &marks, error) != 0 ||
	    store_sync_since(st, c->key, &since, error) != 0 ||
	    sync_greader_login(c, error) != 0 ||
	    sync_push(c, st, SYNC_GREADER_BATCH, sync_greader_send,
	    error) != 0 ||
	    sync_greader_feeds(c, st, &map, &nmap, error) != 0)
		goto out;
	c->stats->feeds = (int)nmap;
	/* Every item the first time; then those since the last sync. */
	if (since == 0 || last == STORE_NOTIME || last > now)
		snprintf(query, sizeof query, "stream/contents/" GR_READING
		    "?output=json&n=%d", SYNC_GREADER_PAGE);
	else
		snprintf(query, sizeof query, "stream/contents/" GR_READING
		    "?output=json&n=%d&ot=%lld", SYNC_GREADER_PAGE,
		    (long long)(last - GR_SLACK));
	if (sync_greader_pages(c, "stream/contents", query, st, map, nmap,
	    NULL, NULL, error) != 0)
		goto out;
	/* The marks: every unread id and every starred one. */
	snprintf(query, sizeof query, "stream/items/ids?output=json&n=%d"
	    "&s=" GR_READING "&xt=" GR_READ, SYNC_GREADER_IDS);
	if (sync_greader_pages(c, "stream/items/ids", query, NULL, NULL, 0,
	    &unread, &nu, error) != 0)
		goto out;
	snprintf(query, sizeof query, "stream/items/ids?output=json&n=%d"
	    "&s=" GR_STARRED, SYNC_GREADER_IDS);
	if (sync_greader_pages(c, "stream/items/ids", query, NULL, NULL, 0,
	    &starred, &ns, error) != 0)
		goto out;
	/* An unread or starred item that ot did not bring. */
	both = xreallocarray(NULL, nu + ns + 1, sizeof *both);
	if (nu > 0)
		memcpy(both, unread, nu * sizeof *both);
	if (ns > 0)
		memcpy(both + nu, starred, ns * sizeof *both);
	rc = sync_greader_missing(c, st, map, nmap, both, nu + ns, error);
	free(both);
	if (rc != 0 || (rc = store_sync_marks(st, c->key, unread, nu,
	    starred, ns, &c->stats->marks, error)) != 0 ||
	    (rc = store_sync_done(st, c->key, now, now, error)) != 0)
		goto out;
	rc = 0;
out:
	sync_map_free(map, nmap);
	free(unread);
	free(starred);
	return (rc);
}

/* The stream id ("feed/...") of the account's feed whose address is
 * url, or whose store address is url, as a new string in *stream; NULL
 * when the account has none. */
static int
sync_greader_find(struct sync_conn *c, const char *url, char **stream,
    char **error)
{
	const struct json	*doc, *subs, *o, *id, *u;
	size_t			 i;
	int64_t			 want = sync_store_address(c, url), fid;

	*stream = NULL;
	if (sync_greader_call(c, "subscription/list",
	    "subscription/list?output=json", NULL, &doc, error) != 0)
		return (-1);
	subs = json_get(doc, "subscriptions");
	for (i = 0; subs != NULL && subs->type == JSON_ARRAY && i < subs->n;
	    i++) {
		o = &subs->v[i];
		id = json_get(o, "id");
		u = json_get(o, "url");
		if (id == NULL || id->type != JSON_STRING ||
		    sync_greader_feed_id(id->str, &fid) != 0)
			continue;
		if (want > 0 ? fid == want : (u != NULL &&
		    u->type == JSON_STRING && strcmp(u->str, url) == 0) ||
		    (strncmp(id->str, "feed/", 5) == 0 &&
		    strcmp(id->str + 5, url) == 0)) {
			*stream = xstrdup(id->str);
			return (0);
		}
	}
	return (0);
}

/* subscription/edit with the form's rest (after T=TOKEN&). */
static int
sync_greader_edit(struct sync_conn *c, const char *rest, char **error)
{
	struct buf	 form = BUF_SECRET_INIT;
	int		 rc;

	if (c->token == NULL && sync_greader_token(c, error) != 0)
		return (-1);
	buf_addstr(&form, "T=");
	sync_greader_escape(&form, c->token);
	buf_addf(&form, "&%s", rest);
	rc = sync_greader_call(c, "subscription/edit", "subscription/edit",
	    form.data, NULL, error);
	buf_wipe(&form);
	return (rc);
}

int
sync_greader_subscribe(struct sync_conn *c, struct store *st,
    const char *url, char *const *tags, size_t ntags, long want,
    char **feed_url, char **error)
{
	struct buf	 form = BUF_INIT, b = BUF_INIT;
	char		*stream = NULL, *e;
	size_t		 i;
	int		 rc = -1;

	if (want > 1) {
		*error = xstrdup("the server picks the feed of a page itself: "
		    "give the feed's own address rather than -n");
		return (-1);
	}
	if (sync_greader_login(c, error) != 0 ||
	    sync_greader_find(c, url, &stream, error) != 0)
		return (-1);
	if (stream != NULL) {
		free(stream);
		rc = SYNC_SUB_LISTED;
		goto listed;
	}
	buf_addstr(&form, "ac=subscribe&s=");
	sync_greader_escape(&form, "feed/");
	sync_greader_escape(&form, url);
	for (i = 0; i < ntags; i++) {
		buf_addstr(&form, "&a=");
		sync_greader_escape(&form, "user/-/label/");
		sync_greader_escape(&form, tags[i]);
	}
	rc = sync_greader_edit(c, form.data, error);
	buf_release(&form);
	if (rc != 0) {
		/* FreshRSS and Miniflux answer 400 or 500 for an address
		 * that is no feed, or that they cannot fetch. */
		if (c->status >= 400 && c->status != 401 &&
		    c->status != 403) {
			e = *error;
			text_printable(&b, url);
			buf_addf(&b, ": the server would not subscribe to it "
			    "(HTTP %ld: not a feed, or out of its reach)",
			    c->status);
			*error = buf_detach(&b, NULL);
			free(e);
		}
		return (-1);
	}
	rc = SYNC_SUB_ADDED;
listed:
	sync_relist(c, st, sync_greader_feeds);
	if (feed_url != NULL)
		*feed_url = xstrdup(url);
	return (rc);
}

int
sync_greader_unsubscribe(struct sync_conn *c, struct store *st,
    const char *url, char **error)
{
	struct buf	 form = BUF_INIT;
	char		*stream;
	int		 rc;

	if (sync_greader_login(c, error) != 0 ||
	    sync_greader_find(c, url, &stream, error) != 0)
		return (-1);
	if (stream == NULL) {
		*error = sync_no_feed(url);
		return (-1);
	}
	buf_addstr(&form, "ac=unsubscribe&s=");
	sync_greader_escape(&form, stream);
	free(stream);
	rc = sync_greader_edit(c, form.data, error);
	buf_release(&form);
	if (rc != 0)
		return (-1);
	sync_relist(c, st, sync_greader_feeds);
	return (0);
}
