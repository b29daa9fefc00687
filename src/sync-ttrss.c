/*
 * sync-ttrss.c: Tiny Tiny RSS's JSON API (level 15), a protocol of
 * sync.c. Every request is a POST of one JSON object to the API's
 * address; every answer is {"seq":N, "status":0|1, "content":...}, with
 * content.error naming what went wrong when status is 1.
 *
 * One sync:
 *	login				-> a session id (kept in memory only)
 *	updateArticle, per batch	the queued changes, oldest first;
 *					each batch leaves the queue once
 *					the server said OK
 *	getCounters			whether anything changed, and at
 *	  with getHeadlines since_id	the same time the first page of
 *					articles above the highest id read
 *					through to the end (upto)
 *	getCategories, getFeeds		the account's feeds and their tags
 *	getHeadlines since_id		the other pages of new articles,
 *					SYNC_PAGE each, SYNC_INFLIGHT in
 *					flight, stored as they come
 *	getHeadlines unread, marked	ids only, likewise: the marks
 *					(store_sync_marks())
 *	getArticle			the unread and starred articles
 *					the store lacks, by id (the net
 *					under the pages, below)
 * The pages go by skip in tt-rss's date order, not by id, so a reading
 * cut short leaves no id below which every article is stored: upto moves
 * only once a reading went through to its end (store_sync_set_upto()),
 * and a reading killed or failed is asked for again whole next time,
 * the articles stored meanwhile known already.
 * Sending first means the marks read back already hold what was sent;
 * a change made while the sync runs stays queued and wins over what
 * the server says until it is sent (the rule of tidings-config(5)).
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

#define SYNC_OVERLAP		20	/* articles a page shares with the
					   one before */
#define SYNC_STEP		(SYNC_PAGE - SYNC_OVERLAP)
#define SYNC_MAX_PAGES		5556	/* pages of one list, at most: a
					   million articles */

char *
sync_api_url(const char *url)
{
	size_t	 n = strlen(url);
	char	*s;

	if (n >= 5 && strcmp(url + n - 5, "/api/") == 0)
		return (xstrdup(url));
	if (n >= 4 && strcmp(url + n - 4, "/api") == 0) {
		xasprintf(&s, "%s/", url);
		return (s);
	}
	xasprintf(&s, "%s%sapi/", url, n > 0 && url[n - 1] == '/' ? "" : "/");
	return (s);
}

int
sync_answer(const char *body, size_t len, struct json_arena *arena,
    const struct json **content, char **error)
{
	struct json		*doc;
	const struct json	*c, *e;
	struct buf		 b = BUF_INIT;
	int64_t			 status;

	doc = json_arena_alloc(arena, sizeof *doc);
	if (json_parse(body, len, json_arena_alloc, arena, doc) != 0 ||
	    doc->type != JSON_OBJECT ||
	    sync_int(json_get(doc, "status"), &status) != 0) {
		*error = xstrdup("not a Tiny Tiny RSS API answer");
		return (-1);
	}
	c = json_get(doc, "content");
	if (status != 0) {
		e = json_get(c, "error");
		if (e != NULL && e->type == JSON_STRING && *e->str != '\0') {
			buf_addstr(&b, "the server says ");
			text_printable(&b, e->str);
			if (strcmp(e->str, "LOGIN_ERROR") == 0)
				buf_addstr(&b, " (wrong user or password)");
			else if (strcmp(e->str, "API_DISABLED") == 0)
				buf_addstr(&b, " (enable the API in the "
				    "account's preferences)");
			*error = buf_detach(&b, NULL);
		} else
			xasprintf(error, "the server answers status %lld",
			    (long long)status);
		return (-1);
	}
	if (c == NULL) {
		*error = xstrdup("an API answer without content");
		return (-1);
	}
	*content = c;
	return (0);
}

void
sync_headlines(const struct json *content, struct sync_headline **v,
    size_t *n, size_t *total)
{
	const struct json	*a, *c;
	struct sync_headline	 h;
	size_t			 i;

	*v = NULL;
	*n = 0;
	*total = 0;
	if (content == NULL || content->type != JSON_ARRAY)
		return;
	*total = content->n;
	*v = xreallocarray(NULL, content->n + 1, sizeof **v);
	for (i = 0; i < content->n; i++) {
		a = &content->v[i];
		memset(&h, 0, sizeof h);
		if (a->type != JSON_OBJECT ||
		    sync_int(json_get(a, "id"), &h.id) != 0 || h.id <= 0 ||
		    sync_int(json_get(a, "feed_id"), &h.feed_id) != 0 ||
		    h.feed_id <= 0)
			continue;
		if (sync_int(json_get(a, "updated"), &h.updated) != 0)
			h.updated = INT64_MIN;
		h.title = sync_text(a, "title");
		h.link = sync_text(a, "link");
		h.author = sync_text(a, "author");
		c = json_get(a, "content");
		if (c != NULL && c->type == JSON_STRING && *c->str != '\0')
			h.content = xstrdup(c->str);
		h.unread = sync_bool(json_get(a, "unread"), 0);
		h.marked = sync_bool(json_get(a, "marked"), 0);
		(*v)[(*n)++] = h;
	}
}

/* The body of a request: {"op":op,"sid":the session,args}. */
static void
sync_body(const struct sync_conn *c, struct buf *b, const char *op,
    const char *args)
{
	buf_addstr(b, "{\"op\":");
	buf_add_jsonstr(b, op);
	if (c->sid != NULL) {
		buf_addstr(b, ",\"sid\":");
		buf_add_jsonstr(b, c->sid);
	}
	if (args != NULL && *args != '\0')
		buf_addf(b, ",%s", args);
	buf_addch(b, '}');
}

/* Read body as the answer to op into arena (secret: the answer holds
 * the session, and so will its parse); set *content. Return 0, or -1 and
 * set *error ("OP: why"). */
static int
sync_read(const struct buf *body, const char *op, struct json_arena *arena,
    int secret, const struct json **content, char **error)
{
	char	*e;

	json_arena_release(arena);
	arena->secret = secret;
	if (sync_answer(body->data != NULL ? body->data : "", body->len,
	    arena, content, error) == 0)
		return (0);
	e = *error;
	xasprintf(error, "%s: %s", op, e);
	free(e);
	return (-1);
}

/* POST req (a JSON object without the session, which is added) and read
 * the answer's content into c->arena. Return 0, or -1 and set *error. */
static int
sync_call(struct sync_conn *c, const char *op, const char *args,
    const struct json **content, char **error)
{
	struct buf		 b = BUF_SECRET_INIT;
	int			 rc, secret = c->secret_answer;

	sync_body(c, &b, op, args);
	rc = sync_request(c, op, c->api, b.data, NULL, NULL, error);
	/* The login carries the password, every call the session: gone
	 * from memory at once. */
	buf_wipe(&b);
	if (rc != 0)
		return (-1);
	return (sync_read(&c->body, op, &c->arena, secret, content, error));
}

/* Log in: set c->sid. */
static int
sync_login(struct sync_conn *c, char **error)
{
	const struct json	*content, *sid;
	struct buf		 args = BUF_SECRET_INIT;
	char			*password;
	int			 rc;

	password = sync_password(c->cs, error);
	if (password == NULL)
		return (-1);
	buf_addstr(&args, "\"user\":");
	buf_add_jsonstr(&args, c->cs->user);
	buf_addstr(&args, ",\"password\":");
	buf_add_jsonstr(&args, password);
	explicit_bzero(password, strlen(password));
	free(password);
	c->secret_answer = 1;			/* the session id */
	rc = sync_call(c, "login", args.data, &content, error);
	buf_wipe(&args);
	if (rc != 0)
		return (-1);
	sid = json_get(content, "session_id");
	if (sid == NULL || sid->type != JSON_STRING || *sid->str == '\0' ||
	    strlen(sid->str) > 256) {
		*error = xstrdup("login: no session id in the answer");
		return (-1);
	}
	c->sid = xstrdup(sid->str);
	return (0);
}

/* The argument name:"ID,ID,..." of ids[0..n): tt-rss takes a list of
 * article ids as one string (a JSON array is a server error). */
static void
sync_id_list(struct buf *b, const char *name, const int64_t *ids, size_t n)
{
	buf_add_jsonstr(b, name);
	buf_addstr(b, ":\"");
	buf_add_ids(b, ids, n);
	buf_addch(b, '"');
}

/* updateArticle: set field of the articles ids[0..n) to value. */
static int
sync_ttrss_send(struct sync_conn *c, int field, int value,
    const int64_t *ids, size_t n, char **error)
{
	const struct json	*content;
	struct buf		 args = BUF_INIT;
	int			 rc;

	sync_id_list(&args, "article_ids", ids, n);
	buf_addf(&args, ",\"mode\":%d,\"field\":%d", value, field);
	rc = sync_call(c, "updateArticle", args.data, &content, error);
	buf_release(&args);
	return (rc);
}

/* The account's feeds with their categories as tags, into the store;
 * set *map to (server id, store id) pairs sorted by server id. */
static int
sync_feeds(struct sync_conn *c, struct store *st, struct sync_map **map,
    size_t *nmap, char **error)
{
	const struct json	*content, *o;
	struct store_sync_feed	*sf;
	int64_t			 cid, *catid = NULL;
	char			**catname = NULL, **tags, **titles;
	size_t			 ncat = 0, n = 0, i, j;
	int			 rc = -1;

	*map = NULL;
	*nmap = 0;
	if (sync_call(c, "getCategories", "\"include_empty\":true",
	    &content, error) != 0)
		return (-1);
	for (i = 0; content->type == JSON_ARRAY && i < content->n; i++) {
		o = &content->v[i];
		if (sync_int(json_get(o, "id"), &cid) != 0 || cid <= 0)
			continue;
		catid = xreallocarray(catid, ncat + 1, sizeof *catid);
		catname = xreallocarray(catname, ncat + 1, sizeof *catname);
		catid[ncat] = cid;
		catname[ncat++] = sync_text(o, "title");
	}
	if (sync_call(c, "getFeeds", "\"cat_id\":-3", &content, error) != 0)
		goto out;
	if (content->type != JSON_ARRAY) {
		xasprintf(error, "getFeeds: not a list of feeds");
		goto out;
	}
	sf = xreallocarray(NULL, content->n + 1, sizeof *sf);
	tags = xcalloc(content->n + 1, sizeof *tags);
	titles = xcalloc(content->n + 1, sizeof *titles);
	for (i = 0; i < content->n; i++) {
		o = &content->v[i];
		memset(&sf[n], 0, sizeof sf[n]);
		if (sync_int(json_get(o, "id"), &sf[n].remote_id) != 0 ||
		    sf[n].remote_id <= 0)
			continue;
		titles[n] = sync_text(o, "title");
		sf[n].title = titles[n];
		/* A category listed twice names the feed as first listed. */
		if (sync_int(json_get(o, "cat_id"), &cid) == 0)
			for (j = 0; j < ncat && tags[n] == NULL; j++)
				if (catid[j] == cid && catname[j] != NULL)
					tags[n] = xstrdup(catname[j]);
		sf[n].tag = tags[n];
		n++;
	}
	rc = sync_store_feeds(c, st, sf, titles, tags, n, map, nmap, error);
out:
	for (i = 0; i < ncat; i++)
		free(catname[i]);
	free(catname);
	free(catid);
	return (rc);
}

/*
 * A reading of getHeadlines of feed -4, SYNC_PAGE articles a page (skip),
 * SYNC_INFLIGHT pages in flight (sync_posts()): with st set, each page's
 * articles are stored as it comes, in whatever order the pages come;
 * else their ids are collected. A page of fewer than SYNC_PAGE is the
 * last; pages asked for beyond it come back empty. With the length the
 * counters give the list (hint), the pages past it are asked for one at
 * a time, once every page before has come. One of SYNC_PAGE
 * articles at the cap is an error: the list goes on past what tidings
 * reads, and a list cut short would read as articles gone.
 * Each page starts SYNC_OVERLAP articles before the end of the one
 * before: an article that joins or leaves the list on the server moves
 * every later one a place, and between two pages in flight, answered in
 * either order, the one at their border would slip between them unseen
 * (and upto past it). Up to SYNC_OVERLAP such moves are read twice
 * instead, which costs nothing but the bytes.
 */
struct sync_pager {
	struct sync_conn	*c;
	const char		*args;		/* the view, what to show */
	struct store		*st;		/* NULL: ids alone */
	const struct sync_map	*map;
	size_t			 nmap;
	int64_t			**ids;
	size_t			*nids;
	size_t			 next;		/* the next page to ask for */
	size_t			 end;		/* the pages from here on are
						   past the last */
	size_t			 max;		/* pages of a list, at most */
	size_t			 come;		/* pages answered */
	int64_t			 hint;		/* the list's length as the
						   counters say, or -1 */
	int64_t			 top;		/* the highest article id read */
	int64_t			 unknown;	/* the lowest of a feed not in
						   map, or INT64_MAX */
	int			 list;		/* collect every id listed
						   in listed, as stored */
	int64_t			*listed;
	size_t			 nlisted;
	struct json_arena	 arena;
};

static void
sync_pager_init(struct sync_pager *p, struct sync_conn *c, const char *args,
    struct store *st, int64_t **ids, size_t *nids)
{
	memset(p, 0, sizeof *p);
	p->c = c;
	p->args = args;
	p->st = st;
	p->ids = ids;
	p->nids = nids;
	p->end = SIZE_MAX;
	p->max = SYNC_MAX_PAGES;
	p->hint = -1;
	p->unknown = INT64_MAX;
}

/* sync_posts()'s next(): the next page, while the last is not known. */
static long
sync_pager_next(void *arg, struct buf *post)
{
	struct sync_pager	*p = arg;
	struct buf		 a = BUF_INIT;

	/* With hint articles, the page that ends short is the last one
	 * asked for in flight. */
	if (p->next >= p->end || p->next >= p->max || (p->hint >= 0 &&
	    p->next > (p->hint < SYNC_PAGE ? 0 :
	    (size_t)((p->hint - SYNC_PAGE) / SYNC_STEP) + 1) &&
	    p->come < p->next))
		return (-1);
	buf_addf(&a, "\"feed_id\":-4,\"limit\":%d,\"skip\":%zu,%s",
	    SYNC_PAGE, p->next * SYNC_STEP, p->args);
	sync_body(p->c, post, "getHeadlines", a.data);
	buf_release(&a);
	return ((long)p->next++);
}

/* Store the articles of content, an array of getHeadlines' or
 * getArticle's, with p's map; note the lowest of a feed not in it. */
static int
sync_pager_store(struct sync_pager *p, const struct json *content,
    char **error)
{
	struct sync_headline	*h;
	size_t			 nh, total, i;
	int			 rc;

	sync_headlines(content, &h, &nh, &total);
	for (i = 0; i < nh; i++)
		if (h[i].id < p->unknown &&
		    sync_map_find(p->map, p->nmap, h[i].feed_id) == NULL)
			p->unknown = h[i].id;
	rc = sync_store_page(p->st, p->c->key, p->map, p->nmap, h, nh,
	    &p->c->stats->nnew, error);
	sync_headlines_free(h, nh);
	return (rc);
}

/* sync_posts()'s got(): page n. */
static int
sync_pager_got(void *arg, long n, struct buf *body, char **error)
{
	struct sync_pager	*p = arg;
	const struct json	*content;
	size_t			 total, i;
	int64_t			 id;

	p->come++;
	if (sync_read(body, "getHeadlines", &p->arena, 0, &content,
	    error) != 0)
		return (-1);
	if (content->type != JSON_ARRAY) {
		*error = xstrdup("getHeadlines: not a list of articles");
		return (-1);
	}
	total = content->n;
	if (p->list)
		p->listed = xreallocarray(p->listed, p->nlisted + total + 1,
		    sizeof *p->listed);
	for (i = 0; i < total; i++) {
		if (sync_int(json_get(&content->v[i], "id"), &id) != 0 ||
		    id <= 0)
			continue;
		if (id > p->top)
			p->top = id;
		/* The first SYNC_OVERLAP of a page repeat the page before
		 * by design; a repeat past them is a slip's mark. */
		if (p->list && (n == 0 || i >= SYNC_OVERLAP))
			p->listed[p->nlisted++] = id;
	}
	if (p->st != NULL) {
		if (sync_pager_store(p, content, error) != 0)
			return (-1);
	} else {
		/* Ids alone: an article's id is all it needs. */
		*p->ids = xreallocarray(*p->ids, *p->nids + total + 1,
		    sizeof **p->ids);
		for (i = 0; i < total; i++)
			if (sync_int(json_get(&content->v[i], "id"),
			    &(*p->ids)[*p->nids]) == 0 &&
			    (*p->ids)[*p->nids] > 0)
				(*p->nids)++;
	}
	json_arena_release(&p->arena);
	if (total < SYNC_PAGE) {
		if ((size_t)n + 1 < p->end)
			p->end = (size_t)n + 1;
	} else if ((size_t)n + 1 == p->max && p->end > p->max) {
		xasprintf(error, "getHeadlines: the server lists more than "
		    "%zu articles (%s); tidings reads no more", (p->max - 1) *
		    SYNC_STEP + SYNC_PAGE, p->st != NULL ? "new ones" : "ids");
		return (-1);
	}
	return (0);
}

/* Read the pages of p from p->next on. */
static int
sync_pager_run(struct sync_pager *p, char **error)
{
	int	 rc;

	rc = sync_posts(p->c, "getHeadlines", SYNC_INFLIGHT, sync_pager_next,
	    sync_pager_got, p, error);
	json_arena_release(&p->arena);
	return (rc);
}

/* Page through getHeadlines of feed -4 with args, collecting the ids of
 * its articles in *ids; hint is how many there are by the counters, or
 * -1. */
static int
sync_ids(struct sync_conn *c, const char *args, int64_t hint, int64_t **ids,
    size_t *nids, char **error)
{
	struct sync_pager	 p;
	unsigned char		*dup;
	size_t			 i, j;

	sync_pager_init(&p, c, args, NULL, ids, nids);
	p.hint = hint;
	if (sync_pager_run(&p, error) != 0)
		return (-1);
	/* Each id once, though pages overlap. */
	dup = xmalloc(*nids + 1);
	sync_dups(*ids, *nids, dup);
	for (i = j = 0; i < *nids; i++)
		if (!dup[i])
			(*ids)[j++] = (*ids)[i];
	*nids = j;
	free(dup);
	return (0);
}

/*
 * The net under the pages. tt-rss orders date_reverse by updated alone,
 * so articles of one date (a feed that dates many items alike, items
 * without a date stamped at fetch time) come in no fixed order from one
 * page's query to the next, and an article deleted or added meanwhile
 * moves the rest: a reading by skip can list one article twice and
 * another never, and once it went through to its end, upto is past
 * the one it missed. After a full reading of the unread and starred ids,
 * those the store lacks are fetched by id with getArticle, which takes
 * them as one string "ID,ID,..." (article_id), answers every one it
 * has at once (the ids are SQL parameters, each article sanitized
 * as a page's: SYNC_ARTICLE_IDS a request, SYNC_INFLIGHT in flight),
 * with its content, marks and feed_id (null when archived), and they
 * are stored as a page's articles. One of a feed not in the map (a feed
 * subscribed since getFeeds, or an archived article) is left out with a
 * line in the log rather than the feeds read again: the counters of the
 * next sync name a new feed, which reads the feeds and every id again,
 * and the net then takes it; an archived one has no feed to go to.
 */
#define SYNC_ARTICLE_IDS	SYNC_PAGE

struct sync_fetch {
	struct sync_pager	*p;
	const int64_t		*ids;
	size_t			 n, next;
	size_t			 answered;	/* articles in the answers */
};

/* sync_posts()'s next(): getArticle of the next ids. */
static long
sync_fetch_next(void *arg, struct buf *post)
{
	struct sync_fetch	*f = arg;
	struct buf		 a = BUF_INIT;
	size_t			 k;
	long			 n;

	if (f->next >= f->n)
		return (-1);
	k = f->n - f->next < SYNC_ARTICLE_IDS ? f->n - f->next :
	    SYNC_ARTICLE_IDS;
	sync_id_list(&a, "article_id", f->ids + f->next, k);
	sync_body(f->p->c, post, "getArticle", a.data);
	buf_release(&a);
	n = (long)(f->next / SYNC_ARTICLE_IDS);
	f->next += k;
	return (n);
}

/* sync_posts()'s got(): the articles of one getArticle. */
static int
sync_fetch_got(void *arg, long n, struct buf *body, char **error)
{
	struct sync_fetch	*f = arg;
	const struct json	*content;
	int			 rc;

	(void)n;
	if (sync_read(body, "getArticle", &f->p->arena, 0, &content,
	    error) != 0)
		return (-1);
	if (content->type != JSON_ARRAY) {
		*error = xstrdup("getArticle: not a list of articles");
		return (-1);
	}
	f->answered += content->n;
	rc = sync_pager_store(f->p, content, error);
	json_arena_release(&f->p->arena);
	return (rc);
}

/* Fetch and store, of the unread ids unread[0..nu) and the starred
 * starred[0..ns), those the store lacks. */
static int
sync_ttrss_missing(struct sync_conn *c, struct store *st,
    const struct sync_map *map, size_t nmap, const int64_t *unread,
    size_t nu, const int64_t *starred, size_t ns, char **error)
{
	struct sync_pager	 p;
	struct sync_fetch	 f;
	int64_t			*both, *miss = NULL;
	size_t			 nmiss = 0;
	int			 rc, nnew = c->stats->nnew;

	both = xreallocarray(NULL, nu + ns + 1, sizeof *both);
	if (nu > 0)
		memcpy(both, unread, nu * sizeof *both);
	if (ns > 0)
		memcpy(both + nu, starred, ns * sizeof *both);
	rc = store_sync_missing(st, c->key, both, nu + ns, &miss, &nmiss,
	    error);
	free(both);
	if (rc != 0 || nmiss == 0) {
		free(miss);
		return (rc);
	}
	sync_pager_init(&p, c, NULL, st, NULL, NULL);
	p.map = map;
	p.nmap = nmap;
	memset(&f, 0, sizeof f);
	f.p = &p;
	f.ids = miss;
	f.n = nmiss;
	rc = sync_posts(c, "getArticle", SYNC_INFLIGHT, sync_fetch_next,
	    sync_fetch_got, &f, error);
	json_arena_release(&p.arena);
	/* Those answered but not stored are of no feed known here. */
	if (rc == 0)
		log_debug("sync: %s: %zu unread or starred articles missing, "
		    "fetched by id: %zu answered, %d stored", c->api, nmiss,
		    f.answered, c->stats->nnew - nnew);
	free(miss);
	return (rc);
}

/* A feed's counters as getCounters gives them. */
struct sync_count {
	int64_t		 feed, unread, starred;
};

static int
sync_count_cmp(const void *a, const void *b)
{
	const struct sync_count	*x = a, *y = b;

	return ((x->feed > y->feed) - (x->feed < y->feed));
}

/* The account's counters: c->counts sorted by feed, c->subscribed its
 * number of feeds; c->ncounts is -1 when the answer is not understood. */
static void
sync_counters(struct sync_conn *c, const struct json *content)
{
	const struct json	*o, *id;
	struct sync_count	*sv;
	size_t			 i, n = 0;

	c->ncounts = -1;
	c->subscribed = -1;
	if (content->type != JSON_ARRAY)
		return;
	sv = xreallocarray(NULL, content->n + 1, sizeof *sv);
	for (i = 0; i < content->n; i++) {
		o = &content->v[i];
		id = json_get(o, "id");
		if (id != NULL && id->type == JSON_STRING &&
		    strcmp(id->str, "subscribed-feeds") == 0) {
			if (sync_int(json_get(o, "counter"),
			    &c->subscribed) != 0)
				c->subscribed = -1;
			continue;
		}
		/* Feeds alone: no kind (categories say "cat"), an id > 0. */
		if (o->type != JSON_OBJECT || json_get(o, "kind") != NULL ||
		    sync_int(id, &sv[n].feed) != 0 || sv[n].feed <= 0)
			continue;
		if (sync_int(json_get(o, "counter"), &sv[n].unread) != 0 ||
		    sync_int(json_get(o, "markedcounter"),
		    &sv[n].starred) != 0) {
			free(sv);
			return;
		}
		n++;
	}
	qsort(sv, n, sizeof *sv, sync_count_cmp);
	c->counts = sv;
	c->ncounts = (ssize_t)n;
}

/* Add the server's count n to *sum, unless either is -1 already: a
 * count below 0, or a sum past INT64_MAX, is no length of a list. */
static void
sync_count_add(int64_t *sum, int64_t n)
{
	if (*sum < 0 || n < 0 || n > INT64_MAX - *sum)
		*sum = -1;
	else
		*sum += n;
}

/* The account's unread and starred articles by the counters, or -1. */
static void
sync_counters_sum(const struct sync_conn *c, int64_t *unread,
    int64_t *starred)
{
	ssize_t	 i;

	*unread = *starred = c->ncounts < 0 ? -1 : 0;
	for (i = 0; i < c->ncounts; i++) {
		sync_count_add(unread, c->counts[i].unread);
		sync_count_add(starred, c->counts[i].starred);
	}
}

/* Whether the feeds the counters name are those of map, as many as the
 * account has. */
static int
sync_counters_feeds(const struct sync_conn *c, const struct sync_map *map,
    size_t nmap)
{
	ssize_t		 i;

	if (c->ncounts < 0 || c->subscribed != (int64_t)nmap)
		return (0);
	for (i = 0; i < c->ncounts; i++)
		if (sync_map_find(map, nmap, c->counts[i].feed) == NULL)
			return (0);
	return (1);
}

/*
 * Whether every feed of the account has as many unread and starred
 * articles by the counters as in the store. When they agree, the marks
 * are taken as unchanged (a read and an unread that cancel out in one
 * feed wait for the next full reading).
 */
static int
sync_counters_match(struct sync_conn *c, struct store *st,
    const struct sync_map *map, size_t nmap, int *match, char **error)
{
	struct sync_count	 key, *found;
	int64_t			*feed = NULL, *unread = NULL, *starred = NULL;
	size_t			 n = 0, i, j;

	*match = 0;
	if (!sync_counters_feeds(c, map, nmap))
		return (0);
	if (store_sync_counts(st, c->key, &feed, &unread, &starred, &n,
	    error) != 0)
		return (-1);
	*match = 1;
	for (i = 0; i < n && *match; i++) {
		for (j = 0; j < nmap && map[j].id != feed[i]; j++)
			;
		if (j == nmap) {
			*match = 0;
			break;
		}
		key.feed = map[j].remote;
		found = bsearch(&key, c->counts, (size_t)c->ncounts,
		    sizeof *c->counts, sync_count_cmp);
		if ((found != NULL ? found->unread : 0) != unread[i] ||
		    (found != NULL ? found->starred : 0) != starred[i])
			*match = 0;
	}
	free(feed);
	free(unread);
	free(starred);
	return (0);
}

/*
 * The start of a sync: getCounters, and in flight with it the new
 * articles, stored as they come when the feeds are known (hold unset);
 * else their first page alone, whose answer is kept until the counters
 * have said whether the feeds must be read first. Request 0 is
 * getCounters, n + 1 page n.
 */
struct sync_start {
	struct sync_pager	*p;
	int			 hold;
	struct buf		 page;		/* the first page's answer */
	int			 counted;	/* getCounters sent */
};

static long
sync_start_next(void *arg, struct buf *post)
{
	struct sync_start	*s = arg;
	long			 n;

	if (!s->counted) {
		s->counted = 1;
		sync_body(s->p->c, post, "getCounters", NULL);
		return (0);
	}
	if (s->hold && s->p->next > 0)
		return (-1);
	return ((n = sync_pager_next(s->p, post)) < 0 ? -1 : n + 1);
}

static int
sync_start_got(void *arg, long n, struct buf *body, char **error)
{
	struct sync_start	*s = arg;
	const struct json	*content;

	if (n > 0 && !s->hold)
		return (sync_pager_got(s->p, n - 1, body, error));
	if (n > 0) {
		s->page = *body;
		*body = (struct buf)BUF_INIT;
		return (0);
	}
	if (sync_read(body, "getCounters", &s->p->arena, 0, &content,
	    error) != 0)
		return (-1);
	sync_counters(s->p->c, content);
	json_arena_release(&s->p->arena);
	return (0);
}

/*
 * What the log says of a first sync (whose pages listed p->listed, past
 * the overlap each page shares with the one before): how many articles
 * its pages listed twice, each the mark of another that
 * slipped past them (only the unread and starred are fetched by id),
 * and whether the store has fewer unread or starred articles than the
 * counters say.
 */
static int
sync_ttrss_first(struct sync_conn *c, struct store *st,
    const struct sync_pager *p, char **error)
{
	unsigned char	*dup;
	int64_t		*feed, *unread, *starred, cu, cs, su = 0, ss = 0;
	size_t		 n, i, twice = 0;

	dup = xmalloc(p->nlisted + 1);
	sync_dups(p->listed, p->nlisted, dup);
	for (i = 0; i < p->nlisted; i++)
		twice += dup[i];
	free(dup);
	if (twice > 0)
		log_debug("sync: %s: the first sync's pages listed %zu "
		    "articles twice: as many others may have slipped past "
		    "them (tt-rss orders by date alone); the unread and "
		    "starred ones are fetched by id", c->api, twice);
	sync_counters_sum(c, &cu, &cs);
	if (cu < 0 || store_sync_counts(st, c->key, &feed, &unread,
	    &starred, &n, error) != 0)
		return (cu < 0 ? 0 : -1);
	for (i = 0; i < n; i++) {
		su += unread[i];
		ss += starred[i];
	}
	free(feed);
	free(unread);
	free(starred);
	if (su < cu || ss < cs)
		log_debug("sync: %s: the first sync stored %lld unread and "
		    "%lld starred articles, the counters say %lld and %lld",
		    c->api, (long long)su, (long long)ss, (long long)cu,
		    (long long)cs);
	return (0);
}

/* One sync of c's account with st (sync_run()). */
int
sync_ttrss_run(struct sync_conn *c, struct store *st, char **error)
{
	struct sync_map		*map = NULL;
	struct sync_stats	*stats = c->stats;
	struct sync_pager	 p;
	struct sync_start	 start;
	int64_t			 since, upto, *unread = NULL, *starred = NULL;
	int64_t			 now = time_now(), last, marks, cu, cs;
	size_t			 nmap = 0, nu = 0, ns = 0;
	const char		*key = c->key;
	char			 args[160];
	int			 rc = -1, full, match;

	memset(&start, 0, sizeof start);
	sync_pager_init(&p, c, args, st, NULL, NULL);
	start.p = &p;
	if (store_sync_last(st, key, &last, &marks, error) != 0 ||
	    store_sync_upto(st, key, &since, error) != 0)
		goto out;
	snprintf(args, sizeof args, "\"view_mode\":\"all_articles\","
	    "\"since_id\":%lld,\"show_content\":true,"
	    "\"order_by\":\"date_reverse\"", (long long)since);
	/* Every feed, every unread and starred id, when the last full
	 * reading is an hour old; the first sync has every article with
	 * its marks. */
	full = since > 0 && (marks == STORE_NOTIME ||
	    now - marks >= SYNC_FULL_EVERY || now < marks);
	p.list = since == 0;
	if (sync_login(c, error) != 0 ||
	    sync_push(c, st, SYNC_BATCH, sync_ttrss_send, error) != 0)
		goto out;
	/* Then, all in flight, the counters and the new articles: the
	 * feeds and categories first when they are read whatever the
	 * counters say, else the first page waits for the counters to say
	 * whether the store has the feeds. An article that comes or
	 * changes meanwhile only makes the counters disagree below, which
	 * costs a full reading, never a mark. The new articles read
	 * through to the end, the highest id read is where the next sync
	 * starts; not past an article of a feed not known yet, which the
	 * next sync takes with its feed. */
	start.hold = !full && since > 0;
	if (!start.hold && sync_feeds(c, st, &map, &nmap, error) != 0)
		goto out;
	p.map = map;
	p.nmap = nmap;
	if (sync_posts(c, "getCounters, getHeadlines", SYNC_INFLIGHT,
	    sync_start_next, sync_start_got, &start, error) != 0)
		goto out;
	if (start.hold) {
		if (sync_known_feeds(st, key, &map, &nmap, error) != 0)
			goto out;
		if (!sync_counters_feeds(c, map, nmap)) {
			sync_map_free(map, nmap);
			map = NULL;
			nmap = 0;
			if (sync_feeds(c, st, &map, &nmap, error) != 0)
				goto out;
		}
		p.map = map;
		p.nmap = nmap;
		if (sync_pager_got(&p, 0, &start.page, error) != 0 ||
		    sync_pager_run(&p, error) != 0)
			goto out;
	}
	stats->feeds = (int)nmap;
	upto = p.top < p.unknown ? p.top : p.unknown - 1;
	if (upto > since && store_sync_set_upto(st, key, upto, error) != 0)
		goto out;
	/* And when the counters do not match the store with them. */
	if (!full) {
		if (sync_counters_match(c, st, map, nmap, &match,
		    error) != 0)
			goto out;
		full = !match;
	}
	/* As many ids as the counters say, the pages past them one at a
	 * time; then the unread and starred articles the pages missed. */
	if (full)
		sync_counters_sum(c, &cu, &cs);
	if (full && (sync_ids(c, "\"view_mode\":\"unread\","
	    "\"show_content\":false", cu, &unread, &nu, error) != 0 ||
	    sync_ids(c, "\"view_mode\":\"marked\",\"show_content\":false",
	    cs, &starred, &ns, error) != 0 ||
	    sync_ttrss_missing(c, st, map, nmap, unread, nu, starred, ns,
	    error) != 0 ||
	    store_sync_marks(st, key, unread, nu, starred, ns, &stats->marks,
	    error) != 0))
		goto out;
	if (since == 0 && sync_ttrss_first(c, st, &p, error) != 0)
		goto out;
	if (store_sync_done(st, key, now, full || since == 0 ? now :
	    STORE_NOTIME, error) != 0)
		goto out;
	rc = 0;
out:
	json_arena_release(&p.arena);
	free(p.listed);
	buf_release(&start.page);
	sync_map_free(map, nmap);
	free(unread);
	free(starred);
	return (rc);
}

int
sync_ttrss_sub_status(const struct json *content, const char *url,
    int64_t *feed_id, char ***feeds, size_t *nfeeds, char **error)
{
	/* By code; 4 lists the page's feeds. */
	static const char *const why[] = {
		": the server named no feed id",
		": the server named no feed id",
		": not an address the server takes",
		": a page that names no feed",
		"",
		": the server cannot fetch it",
		": not a feed",
		": the server could not store the feed",
		": the server refuses that address",
	};
	const struct json	*s, *f;
	struct buf		 b = BUF_INIT;
	char			*m;
	int64_t			 code;
	size_t			 i;

	*feed_id = 0;
	*feeds = NULL;
	*nfeeds = 0;
	s = json_get(content, "status");
	if (s == NULL || s->type != JSON_OBJECT ||
	    sync_int(json_get(s, "code"), &code) != 0) {
		*error = xstrdup("subscribeToFeed: not a subscription's status");
		return (-1);
	}
	if (sync_int(json_get(s, "feed_id"), feed_id) != 0 || *feed_id < 0)
		*feed_id = 0;
	if ((code == 0 || code == 1) && *feed_id > 0)
		return ((int)code);
	text_printable(&b, url);
	if (code == 4) {
		/* tt-rss gives {URL: title}; an array of URLs is read too. */
		f = json_get(s, "feeds");
		*feeds = xcalloc(f != NULL ? f->n + 1 : 1, sizeof **feeds);
		for (i = 0; f != NULL && (f->type == JSON_OBJECT ||
		    f->type == JSON_ARRAY) && i < f->n; i++) {
			if (f->type == JSON_OBJECT && *f->k[i] != '\0')
				(*feeds)[(*nfeeds)++] = xstrdup(f->k[i]);
			else if (f->type == JSON_ARRAY &&
			    f->v[i].type == JSON_STRING && *f->v[i].str != '\0')
				(*feeds)[(*nfeeds)++] = xstrdup(f->v[i].str);
		}
		buf_addf(&b, ": the page names %zu feeds:", *nfeeds);
		for (i = 0; i < *nfeeds; i++) {
			buf_addf(&b, " %zu ", i + 1);
			text_printable(&b, (*feeds)[i]);
		}
		buf_addstr(&b, " (pick one with -n N)");
	} else if (code >= 0 && (size_t)code < nitems(why))
		buf_addstr(&b, why[code]);
	else
		buf_addf(&b, ": the server answers code %lld",
		    (long long)code);
	if (code == 5 && (m = sync_text(s, "message")) != NULL) {
		buf_addf(&b, " (%s)", m);
		free(m);
	}
	*error = buf_detach(&b, NULL);
	return ((int)code);
}

/* The id of the category named tag, in *cat (0: none); an error when
 * the account has none of that name: the API cannot make one. */
static int
sync_ttrss_category(struct sync_conn *c, const char *tag, int64_t *cat,
    char **error)
{
	const struct json	*content, *o;
	char			*title;
	size_t			 i;
	int64_t			 id;

	*cat = 0;
	if (sync_call(c, "getCategories", "\"include_empty\":true",
	    &content, error) != 0)
		return (-1);
	for (i = 0; content->type == JSON_ARRAY && i < content->n && *cat == 0;
	    i++) {
		o = &content->v[i];
		if (sync_int(json_get(o, "id"), &id) != 0 || id <= 0 ||
		    (title = sync_text(o, "title")) == NULL)
			continue;
		if (strcmp(title, tag) == 0)
			*cat = id;
		free(title);
	}
	if (*cat == 0) {
		struct buf	 b = BUF_INIT;

		buf_addstr(&b, "the server has no category ");
		text_printable(&b, tag);
		buf_addstr(&b, ", and its API cannot make one: make it in "
		    "Tiny Tiny RSS's preferences, or add without a tag");
		*error = buf_detach(&b, NULL);
		return (-1);
	}
	return (0);
}

/* The server's id of the feed whose feed_url is url, or whose store
 * address is url, in *id; an error when the account has none. */
static int
sync_ttrss_find(struct sync_conn *c, const char *url, int64_t *id,
    char **error)
{
	const struct json	*content, *o, *fu;
	size_t			 i;
	int64_t			 want = sync_store_address(c, url);

	if (sync_call(c, "getFeeds", "\"cat_id\":-3", &content, error) != 0)
		return (-1);
	for (i = 0; content->type == JSON_ARRAY && i < content->n; i++) {
		o = &content->v[i];
		fu = json_get(o, "feed_url");
		if (sync_int(json_get(o, "id"), id) != 0 || *id <= 0)
			continue;
		if (want > 0 ? *id == want : fu != NULL &&
		    fu->type == JSON_STRING && strcmp(fu->str, url) == 0)
			return (0);
	}
	*error = sync_no_feed(url);
	return (-1);
}

int
sync_ttrss_subscribe(struct sync_conn *c, struct store *st, const char *url,
    char *const *tags, size_t ntags, long want, char **feed_url,
    char **error)
{
	const struct json	*content;
	struct buf		 args = BUF_INIT;
	char			**feeds = NULL, *pick = NULL;
	size_t			 nfeeds = 0, i;
	int64_t			 cat = 0, id;
	int			 rc = -1, code;

	if (ntags > 1) {
		*error = xstrdup("Tiny Tiny RSS files a feed under one "
		    "category: give one tag");
		return (-1);
	}
	if (sync_login(c, error) != 0 ||
	    (ntags == 1 && sync_ttrss_category(c, tags[0], &cat,
	    error) != 0))
		return (-1);
	for (;;) {
		buf_reset(&args);
		buf_addstr(&args, "\"feed_url\":");
		buf_add_jsonstr(&args, pick != NULL ? pick : url);
		buf_addf(&args, ",\"category_id\":%lld", (long long)cat);
		if (sync_call(c, "subscribeToFeed", args.data, &content,
		    error) != 0)
			goto out;
		code = sync_ttrss_sub_status(content, pick != NULL ? pick :
		    url, &id, &feeds, &nfeeds, error);
		/* A page of several feeds: the one asked for, once. */
		if (code == 4 && pick == NULL && want > 0 &&
		    (size_t)want <= nfeeds) {
			free(*error);
			*error = NULL;
			pick = feeds[want - 1];
			feeds[want - 1] = NULL;
		} else if (code != 0 && code != 1)
			goto out;
		for (i = 0; i < nfeeds; i++)
			free(feeds[i]);
		free(feeds);
		feeds = NULL;
		nfeeds = 0;
		if (code == 0 || code == 1)
			break;
	}
	if (feed_url != NULL)
		*feed_url = xstrdup(pick != NULL ? pick : url);
	if (code == 1) {
		/* Fetched now, so that the next sync has its articles and
		 * the feeds pane its title. A failure here is the server's
		 * to retry. */
		buf_reset(&args);
		buf_addf(&args, "\"feed_id\":%lld", (long long)id);
		if (sync_call(c, "updateFeed", args.data, &content,
		    error) != 0) {
			log_debug("sync: updateFeed: %s", *error);
			free(*error);
			*error = NULL;
		}
	}
	sync_relist(c, st, sync_feeds);
	rc = code == 0 ? SYNC_SUB_LISTED : SYNC_SUB_ADDED;
out:
	for (i = 0; i < nfeeds; i++)
		free(feeds[i]);
	free(feeds);
	free(pick);
	buf_release(&args);
	return (rc);
}

int
sync_ttrss_unsubscribe(struct sync_conn *c, struct store *st, const char *url,
    char **error)
{
	const struct json	*content;
	char			 args[64];
	int64_t			 id;

	if (sync_login(c, error) != 0 || sync_ttrss_find(c, url, &id,
	    error) != 0)
		return (-1);
	snprintf(args, sizeof args, "\"feed_id\":%lld", (long long)id);
	if (sync_call(c, "unsubscribeFeed", args, &content, error) != 0)
		return (-1);
	sync_relist(c, st, sync_feeds);
	return (0);
}
