/*
 * sync.c: Tiny Tiny RSS's JSON API (level 15), the protocol side of
 * sync.h. Every request is a POST of one JSON object to the API's
 * address; every answer is {"seq":N, "status":0|1, "content":...}, with
 * content.error naming what went wrong when status is 1.
 *
 * One sync, one request after another:
 *	login				-> a session id (kept in memory only)
 *	updateArticle, per batch	the queued changes, oldest first;
 *					each batch leaves the queue once
 *					the server said OK
 *	getCategories, getFeeds		the account's feeds and their tags
 *	getHeadlines since_id		articles newer than the newest
 *					stored, SYNC_PAGE at a time
 *	getHeadlines unread, marked	ids only, SYNC_PAGE at a time: the
 *					marks (store_sync_marks())
 * Sending first means the marks read back already hold what was sent;
 * a change made while the sync runs stays queued and wins over what
 * the server says until it is sent (the rule of tidings-config(5)).
 *
 * Everything from the server is untrusted: numbers are checked to be
 * whole and in range, text goes through the terminal gate
 * (text_printable()) before it is stored, an answer of the wrong shape
 * is an error of its own, never a crash.
 */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/poll.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "feed.h"
#include "http.h"
#include "json.h"
#include "store.h"
#include "sync.h"
#include "util.h"

#define SYNC_PASSWORD_MAX	4096	/* bytes read from password-command */
#define SYNC_PASSWORD_WAIT	30	/* seconds it may take */
#define SYNC_MAX_PAGES		5000	/* pages of one list, at most */
#define SYNC_FULL_EVERY		3600	/* seconds between full readings
					   of the feeds and marks, counters
					   agreeing */

struct sync_count;

/* One account's session. */
struct sync_conn {
	const struct config	*cfg;
	const struct config_sync *cs;
	const atomic_int	*stop;
	struct http		*http;
	char			*api;
	const char		*key;		/* the account's, in the store */
	char			*sid;
	struct json_arena	 arena;		/* the latest answer */
	struct sync_stats	*stats;
	struct sync_count	*counts;	/* getCounters' feeds, by id */
	ssize_t			 ncounts;	/* -1: not understood */
	int64_t			 subscribed;	/* its number of feeds, or -1 */
	/* The latest response, filled by sync_done(). */
	struct buf		 body;
	char			*error;
	double			 seconds;
	int			 got;
};

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

char *
sync_key(const struct config_sync *cs)
{
	char	*api, *key;

	api = sync_api_url(cs->url);
	xasprintf(&key, "%s:%s@%s", cs->type, cs->user, api);
	free(api);
	return (key);
}

int
sync_int(const struct json *v, int64_t *out)
{
	const char	*s;
	char		*end;
	long long	 n;

	if (v == NULL || (v->type != JSON_NUMBER && v->type != JSON_STRING))
		return (-1);
	s = v->str;
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9')
		return (-1);
	errno = 0;
	n = strtoll(v->str, &end, 10);
	if (errno != 0 || *end != '\0')
		return (-1);
	*out = (int64_t)n;
	return (0);
}

int
sync_bool(const struct json *v, int def)
{
	static const char *const yes[] = { "true", "t", "1" };
	static const char *const no[] = { "false", "f", "0" };
	size_t	 i;

	if (v == NULL || (v->type != JSON_BOOL && v->type != JSON_NUMBER &&
	    v->type != JSON_STRING))
		return (def);
	for (i = 0; i < nitems(yes); i++) {
		if (strcmp(v->str, yes[i]) == 0)
			return (1);
		if (strcmp(v->str, no[i]) == 0)
			return (0);
	}
	return (def);
}

/* Member key of o as text through the terminal gate, or NULL when it is
 * not a string or is empty. */
static char *
sync_text(const struct json *o, const char *key)
{
	const struct json	*v = json_get(o, key);
	struct buf		 b = BUF_INIT;

	if (v == NULL || v->type != JSON_STRING || *v->str == '\0')
		return (NULL);
	text_printable(&b, v->str);
	if (b.len == 0 || strcmp(b.data, " ") == 0) {
		buf_release(&b);
		return (NULL);
	}
	return (buf_detach(&b, NULL));
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
sync_headlines_free(struct sync_headline *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].link);
		free(v[i].author);
		free(v[i].content);
	}
	free(v);
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

/* http_run()'s callback: keep the response. */
static void
sync_done(void *arg, void *req_arg, struct http_response *res)
{
	struct sync_conn	*c = arg;

	(void)req_arg;
	c->got = 1;
	c->seconds = res->seconds;
	free(c->error);
	c->error = res->error != NULL ? xstrdup(res->error) : NULL;
	buf_release(&c->body);
	c->body = res->body;
	res->body = (struct buf)BUF_INIT;
}

/* POST req (a JSON object without the session, which is added) and read
 * the answer's content into c->arena. Return 0, or -1 and set *error. */
static int
sync_call(struct sync_conn *c, const char *op, const char *args,
    const struct json **content, char **error)
{
	struct http_request	 req;
	struct buf		 b = BUF_INIT;
	const struct config	*cfg = c->cfg;
	int			 rc;

	if (c->stop != NULL && atomic_load(c->stop)) {
		*error = xstrdup("interrupted");
		return (-1);
	}
	buf_addstr(&b, "{\"op\":");
	buf_add_jsonstr(&b, op);
	if (c->sid != NULL) {
		buf_addstr(&b, ",\"sid\":");
		buf_add_jsonstr(&b, c->sid);
	}
	if (args != NULL && *args != '\0')
		buf_addf(&b, ",%s", args);
	buf_addch(&b, '}');
	memset(&req, 0, sizeof req);
	req.url = c->api;
	req.post = b.data;
	req.user_agent = config_str(cfg, NULL, SET_USER_AGENT);
	req.connect_timeout = config_num(cfg, NULL, SET_CONNECT_TIMEOUT);
	req.timeout = config_num(cfg, NULL, SET_DOWNLOAD_TIMEOUT);
	req.stall_timeout = config_num(cfg, NULL, SET_STALL_TIMEOUT);
	req.max_bytes = (size_t)config_num(cfg, NULL, SET_MAX_RESPONSE_SIZE);
	req.max_redirects = config_num(cfg, NULL, SET_MAX_REDIRECTS);
	c->got = 0;
	http_add(c->http, &req);
	/* The login carries the password: gone from memory at once. */
	explicit_bzero(b.data, b.len);
	buf_release(&b);
	c->stats->requests++;
	if (http_run(c->http, sync_done, c, c->stop) != 0 || !c->got) {
		*error = xstrdup("interrupted");
		return (-1);
	}
	log_debug("sync: %s: %.3f s, %zu bytes", op, c->seconds, c->body.len);
	if (c->error != NULL) {
		xasprintf(error, "%s: %s", op, c->error);
		return (-1);
	}
	json_arena_release(&c->arena);
	rc = sync_answer(c->body.data != NULL ? c->body.data : "",
	    c->body.len, &c->arena, content, error);
	if (rc != 0) {
		char	*e = *error;

		xasprintf(error, "%s: %s", op, e);
		free(e);
	}
	return (rc);
}

/* Wipe b's bytes, then release it. */
static void
sync_wipe(struct buf *b)
{
	if (b->data != NULL)
		explicit_bzero(b->data, b->len);
	buf_release(b);
}

/* The first line of b, without its "\r\n", as a new string; b is
 * wiped. NULL and *error ("WHAT no password") when it is empty. */
static char *
sync_first_line(struct buf *b, const char *what, char **error)
{
	char	*nl, *s;
	size_t	 n;

	n = b->data != NULL && (nl = memchr(b->data, '\n', b->len)) != NULL ?
	    (size_t)(nl - b->data) : b->len;
	if (n > 0 && b->data[n - 1] == '\r')
		n--;
	if (n == 0) {
		xasprintf(error, "%s no password", what);
		sync_wipe(b);
		return (NULL);
	}
	s = xstrndup(b->data, n);
	sync_wipe(b);
	return (s);
}

/* Run password-command without a shell; its first line of output is the
 * password. Return it (the caller wipes and frees it), or NULL and set
 * *error. */
static char *
sync_password_command(char **argv, char **error)
{
	struct sigaction	 dfl;
	struct pollfd		 pfd;
	struct buf		 b = BUF_INIT;
	sigset_t		 none;
	pid_t			 pid;
	ssize_t			 r;
	char			 chunk[512];
	int			 fds[2], fd, status, waited = 0;
	time_t			 until;

	if (pipe2(fds, O_CLOEXEC) == -1) {
		xasprintf(error, "pipe: %s", strerror(errno));
		return (NULL);
	}
	if ((pid = fork()) == -1) {
		xasprintf(error, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return (NULL);
	}
	if (pid == 0) {
		/* Only async-signal-safe calls: the caller has threads. */
		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGPIPE, &dfl, NULL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDERR_FILENO);
			if (fd > STDERR_FILENO)
				close(fd);
		}
		dup2(fds[1], STDOUT_FILENO);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	until = time(NULL) + SYNC_PASSWORD_WAIT;
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		if (time(NULL) >= until) {
			kill(pid, SIGKILL);
			waited = -1;
			break;
		}
		if (poll(&pfd, 1, 1000) <= 0)
			continue;
		r = read(fds[0], chunk, sizeof chunk);
		if (r <= 0)
			break;
		if (b.len < SYNC_PASSWORD_MAX)
			buf_add(&b, chunk, (size_t)r);
		explicit_bzero(chunk, sizeof chunk);
	}
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if (waited < 0) {
		xasprintf(error, "password-command took over %d seconds",
		    SYNC_PASSWORD_WAIT);
		goto fail;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		xasprintf(error, "password-command: cannot run \"%s\"",
		    argv[0]);
		goto fail;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		xasprintf(error, "password-command failed (%s %d)",
		    WIFEXITED(status) ? "exit status" : "signal",
		    WIFEXITED(status) ? WEXITSTATUS(status) :
		    WTERMSIG(status));
		goto fail;
	}
	return (sync_first_line(&b, "password-command printed", error));
fail:
	sync_wipe(&b);
	return (NULL);
}

/* Read the password from the first line of path, a regular file that
 * only its owner may read or write (as ssh asks of a key). Return it
 * (the caller wipes and frees it), or NULL and set *error. */
static char *
sync_password_file(const char *path, char **error)
{
	struct buf	 b = BUF_INIT;
	struct stat	 sb;
	ssize_t		 r;
	char		 chunk[512];
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK)) == -1) {
		xasprintf(error, "password-file %s: %s", path,
		    strerror(errno));
		return (NULL);
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		xasprintf(error, "password-file %s is not a file", path);
		close(fd);
		return (NULL);
	}
	if ((sb.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
		xasprintf(error, "password-file %s may be read or written by "
		    "others (mode %03o): chmod 600 it", path,
		    (unsigned)(sb.st_mode & 0777));
		close(fd);
		return (NULL);
	}
	while (b.len < SYNC_PASSWORD_MAX &&
	    (r = read(fd, chunk, sizeof chunk)) > 0) {
		buf_add(&b, chunk, (size_t)r);
		explicit_bzero(chunk, sizeof chunk);
	}
	close(fd);
	return (sync_first_line(&b, "password-file holds", error));
}

/* Log in: set c->sid. */
static int
sync_login(struct sync_conn *c, char **error)
{
	const struct json	*content, *sid;
	struct buf		 args = BUF_INIT;
	char			*password;
	int			 rc;

	password = c->cs->password_cmd != NULL ?
	    sync_password_command(c->cs->password_cmd, error) :
	    sync_password_file(c->cs->password_file, error);
	if (password == NULL)
		return (-1);
	buf_addstr(&args, "\"user\":");
	buf_add_jsonstr(&args, c->cs->user);
	buf_addstr(&args, ",\"password\":");
	buf_add_jsonstr(&args, password);
	explicit_bzero(password, strlen(password));
	free(password);
	rc = sync_call(c, "login", args.data, &content, error);
	explicit_bzero(args.data, args.len);
	buf_release(&args);
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

/* Send the queued changes, SYNC_BATCH ids per request, each batch
 * dropped from the queue when the server took it. */
static int
sync_push(struct sync_conn *c, struct store *st, const char *key,
    char **error)
{
	static const struct { int field, value; } kinds[] = {
		{ 2, 0 }, { 2, 1 }, { 0, 1 }, { 0, 0 },
	};
	struct store_sync_change *v;
	const struct json	*content;
	struct buf		 args = BUF_INIT;
	int64_t			*seq;
	size_t			 n, i, k, batch;
	int			 rc = 0;

	if (store_sync_pending(st, key, &v, &n, error) != 0)
		return (-1);
	seq = xreallocarray(NULL, n + 1, sizeof *seq);
	for (k = 0; k < nitems(kinds) && rc == 0; k++) {
		for (i = 0; i < n && rc == 0; ) {
			buf_reset(&args);
			buf_addstr(&args, "\"article_ids\":\"");
			for (batch = 0; i < n && batch < SYNC_BATCH; i++) {
				if (v[i].field != kinds[k].field ||
				    v[i].value != kinds[k].value)
					continue;
				buf_addf(&args, "%s%lld", batch > 0 ? "," : "",
				    (long long)v[i].remote_id);
				seq[batch++] = v[i].seq;
			}
			if (batch == 0)
				break;
			buf_addf(&args, "\",\"mode\":%d,\"field\":%d",
			    kinds[k].value, kinds[k].field);
			if (sync_call(c, "updateArticle", args.data, &content,
			    error) != 0 || store_sync_sent(st, seq, batch,
			    error) != 0)
				rc = -1;
			else
				c->stats->sent += (int64_t)batch;
		}
	}
	buf_release(&args);
	free(seq);
	free(v);
	return (rc);
}

/* The account's feeds with their categories as tags, into the store;
 * set *map to (server id, store id) pairs sorted by server id. */
struct sync_map {
	int64_t		 remote, id;
	char		*title;
};

static int
sync_map_cmp(const void *a, const void *b)
{
	const struct sync_map	*x = a, *y = b;

	return ((x->remote > y->remote) - (x->remote < y->remote));
}

static void
sync_map_free(struct sync_map *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(m[i].title);
	free(m);
}

static int
sync_feeds(struct sync_conn *c, struct store *st, const char *key,
    struct sync_map **map, size_t *nmap, char **error)
{
	const struct json	*content, *o;
	struct store_sync_feed	*sf = NULL;
	int64_t			*ids = NULL, cid, *catid = NULL;
	char			**catname = NULL, **tags = NULL;
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
	*map = xreallocarray(NULL, content->n + 1, sizeof **map);
	for (i = 0; i < content->n; i++) {
		o = &content->v[i];
		memset(&sf[n], 0, sizeof sf[n]);
		if (sync_int(json_get(o, "id"), &sf[n].remote_id) != 0 ||
		    sf[n].remote_id <= 0)
			continue;
		for (j = 0; j < n; j++)
			if (sf[j].remote_id == sf[n].remote_id)
				break;
		if (j < n)
			continue;
		(*map)[n].remote = sf[n].remote_id;
		(*map)[n].title = sync_text(o, "title");
		sf[n].title = (*map)[n].title;
		if (sync_int(json_get(o, "cat_id"), &cid) == 0)
			for (j = 0; j < ncat; j++)
				if (catid[j] == cid && catname[j] != NULL)
					tags[n] = xstrdup(catname[j]);
		sf[n].tag = tags[n];
		n++;
	}
	ids = xreallocarray(NULL, n + 1, sizeof *ids);
	if (store_sync_feeds(st, key, sf, n, ids, error) != 0)
		goto out;
	for (i = 0; i < n; i++)
		(*map)[i].id = ids[i];
	*nmap = n;
	qsort(*map, n, sizeof **map, sync_map_cmp);
	rc = 0;
out:
	if (rc != 0) {
		sync_map_free(*map, n);
		*map = NULL;
	}
	for (i = 0; i < ncat; i++)
		free(catname[i]);
	free(catname);
	free(catid);
	for (i = 0; tags != NULL && i < n; i++)
		free(tags[i]);
	free(tags);
	free(sf);
	free(ids);
	return (rc);
}

/* Store one page of new articles, feed by feed. */
/* Set the marks of the stored articles h[0..n) as the server gave them. */
static int
sync_page_marks(struct store *st, const char *key,
    const struct sync_headline *h, size_t n, char **error)
{
	unsigned char	*unread, *starred;
	int64_t		*remote, changed = 0;
	size_t		 i;
	int		 rc;

	remote = xreallocarray(NULL, n + 1, sizeof *remote);
	unread = xmalloc(n + 1);
	starred = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		remote[i] = h[i].id;
		unread[i] = h[i].unread != 0;
		starred[i] = h[i].marked != 0;
	}
	rc = store_sync_item_marks(st, key, remote, unread, starred, n,
	    &changed, error);
	free(remote);
	free(unread);
	free(starred);
	return (rc);
}

static int
sync_store_page(struct store *st, const char *key_, const struct sync_map *map,
    size_t nmap, struct sync_headline *h, size_t n, int *nnew, char **error)
{
	struct sync_map		 key, *m;
	struct feed		 f;
	struct store_fetch	 fx;
	size_t			 i, j;
	char			**ids;
	int			 added;

	ids = xcalloc(n + 1, sizeof *ids);
	memset(&fx, 0, sizeof fx);
	fx.time = time_now();
	fx.status = 200;
	fx.next = STORE_NOTIME;
	for (i = 0; i < n; i++) {
		if (ids[i] != NULL || h[i].id == 0)
			continue;
		key.remote = h[i].feed_id;
		m = bsearch(&key, map, nmap, sizeof *map, sync_map_cmp);
		if (m == NULL) {
			/* Archived, or a feed added since getFeeds: the
			 * next sync takes it. */
			log_debug("sync: article %lld of unknown feed %lld",
			    (long long)h[i].id, (long long)h[i].feed_id);
			continue;
		}
		memset(&f, 0, sizeof f);
		f.title = m->title;
		f.updated = FEED_NODATE;
		f.entries = xcalloc(n, sizeof *f.entries);
		for (j = i; j < n; j++) {
			struct feed_entry	*e;

			if (h[j].feed_id != h[i].feed_id || h[j].id == 0)
				continue;
			e = &f.entries[f.nentries++];
			xasprintf(&ids[j], "tidings-sync:%lld",
			    (long long)h[j].id);
			e->id = ids[j];
			e->title = h[j].title;
			e->link = h[j].link;
			e->author = h[j].author;
			e->content = h[j].content;
			e->published = h[j].updated != INT64_MIN ?
			    h[j].updated : FEED_NODATE;
			e->updated = FEED_NODATE;
		}
		added = 0;
		if (store_update(st, m->id, &fx, &f, 0, 0, &added,
		    error) != 0) {
			free(f.entries);
			goto fail;
		}
		*nnew += added;
		free(f.entries);
	}
	/* The marks the articles came with: a sync whose counters then
	 * agree need not read every unread id. */
	if (sync_page_marks(st, key_, h, n, error) != 0)
		goto fail;
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return (0);
fail:
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return (-1);
}

/* Page through getHeadlines of feed -4 with args: with store set, store
 * each page's articles (new ones); else collect their ids in *ids. */
static int
sync_pages(struct sync_conn *c, const char *args, struct store *st,
    const struct sync_map *map, size_t nmap, int64_t **ids, size_t *nids,
    char **error)
{
	const struct json	*content;
	struct sync_headline	*h;
	struct buf		 a = BUF_INIT;
	size_t			 n, total, i, page;
	int			 rc = 0;

	for (page = 0; page < SYNC_MAX_PAGES; page++) {
		buf_reset(&a);
		buf_addf(&a, "\"feed_id\":-4,\"limit\":%d,\"skip\":%zu,%s",
		    SYNC_PAGE, page * SYNC_PAGE, args);
		if (sync_call(c, "getHeadlines", a.data, &content,
		    error) != 0) {
			rc = -1;
			break;
		}
		if (content->type != JSON_ARRAY) {
			*error = xstrdup("getHeadlines: not a list of "
			    "articles");
			rc = -1;
			break;
		}
		if (st != NULL) {
			sync_headlines(content, &h, &n, &total);
			rc = sync_store_page(st, c->key, map, nmap, h, n,
			    &c->stats->nnew, error);
			sync_headlines_free(h, n);
		} else {
			/* Ids alone: an article's id is all it needs. */
			total = content->n;
			*ids = xreallocarray(*ids, *nids + total + 1,
			    sizeof **ids);
			for (i = 0; i < total; i++)
				if (sync_int(json_get(&content->v[i], "id"),
				    &(*ids)[*nids]) == 0 && (*ids)[*nids] > 0)
					(*nids)++;
		}
		if (rc != 0 || total < SYNC_PAGE)
			break;
	}
	buf_release(&a);
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
static int
sync_counters(struct sync_conn *c, char **error)
{
	const struct json	*content, *o, *id;
	struct sync_count	*sv;
	size_t			 i, n = 0;

	if (sync_call(c, "getCounters", NULL, &content, error) != 0)
		return (-1);
	c->ncounts = -1;
	c->subscribed = -1;
	if (content->type != JSON_ARRAY)
		return (0);
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
			return (0);
		}
		n++;
	}
	qsort(sv, n, sizeof *sv, sync_count_cmp);
	c->counts = sv;
	c->ncounts = (ssize_t)n;
	return (0);
}

/* Whether the feeds the counters name are those of map, as many as the
 * account has. */
static int
sync_counters_feeds(const struct sync_conn *c, const struct sync_map *map,
    size_t nmap)
{
	struct sync_map	 key;
	ssize_t		 i;

	if (c->ncounts < 0 || c->subscribed != (int64_t)nmap)
		return (0);
	for (i = 0; i < c->ncounts; i++) {
		key.remote = c->counts[i].feed;
		if (bsearch(&key, map, nmap, sizeof *map, sync_map_cmp) ==
		    NULL)
			return (0);
	}
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
	if (c->ncounts < 0 || !sync_counters_feeds(c, map, nmap))
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

/* The account's feeds as the store has them, for a sync that does not
 * ask the server for them. */
static int
sync_known_feeds(struct store *st, const char *key, struct sync_map **map,
    size_t *nmap, char **error)
{
	struct store_sync_row	*rows;
	size_t			 i, n;

	if (store_sync_rows(st, key, &rows, &n, error) != 0)
		return (-1);
	*map = xreallocarray(NULL, n + 1, sizeof **map);
	for (i = 0; i < n; i++) {
		(*map)[i].remote = rows[i].remote_id;
		(*map)[i].id = rows[i].id;
		(*map)[i].title = rows[i].title;
	}
	*nmap = n;
	free(rows);
	qsort(*map, n, sizeof **map, sync_map_cmp);
	return (0);
}

int
sync_run(const struct config *cfg, const struct config_sync *cs,
    struct store *st, const atomic_int *stop, struct sync_stats *stats,
    char **error)
{
	struct sync_conn	 c;
	struct http_options	 ho = { 1, 1 };
	struct sync_map		*map = NULL;
	int64_t			 since, *unread = NULL, *starred = NULL;
	int64_t			 now = time_now(), last, marks;
	size_t			 nmap = 0, nu = 0, ns = 0;
	char			*key, args[160];
	int			 rc = -1, full, match;

	memset(stats, 0, sizeof *stats);
	memset(&c, 0, sizeof c);
	c.cfg = cfg;
	c.cs = cs;
	c.stop = stop;
	c.stats = stats;
	c.api = sync_api_url(cs->url);
	c.http = http_new(&ho);
	c.ncounts = -1;
	key = sync_key(cs);
	c.key = key;
	if (store_sync_last(st, key, &last, &marks, error) != 0 ||
	    store_sync_since(st, key, &since, error) != 0 ||
	    sync_login(&c, error) != 0 ||
	    sync_push(&c, st, key, error) != 0 ||
	    sync_counters(&c, error) != 0)
		goto out;
	/* Every feed, every unread and starred id, when the last full
	 * reading is an hour old; the first sync has every article with
	 * its marks. */
	full = since > 0 && (marks == STORE_NOTIME ||
	    now - marks >= SYNC_FULL_EVERY || now < marks);
	/* The feeds and categories, unless the counters name the feeds the
	 * store has. */
	if (!full && since > 0 && sync_known_feeds(st, key, &map, &nmap,
	    error) != 0)
		goto out;
	if (full || since == 0 || !sync_counters_feeds(&c, map, nmap)) {
		sync_map_free(map, nmap);
		map = NULL;
		nmap = 0;
		if (sync_feeds(&c, st, key, &map, &nmap, error) != 0)
			goto out;
	}
	c.stats->feeds = (int)nmap;
	snprintf(args, sizeof args, "\"view_mode\":\"all_articles\","
	    "\"since_id\":%lld,\"show_content\":true,"
	    "\"order_by\":\"date_reverse\"", (long long)since);
	if (sync_pages(&c, args, st, map, nmap, NULL, NULL, error) != 0)
		goto out;
	/* And when the counters, taken before the new articles, do not
	 * match the store with them. */
	if (!full) {
		if (sync_counters_match(&c, st, map, nmap, &match,
		    error) != 0)
			goto out;
		full = !match;
	}
	if (full && (sync_pages(&c, "\"view_mode\":\"unread\","
	    "\"show_content\":false", NULL, NULL, 0, &unread, &nu,
	    error) != 0 ||
	    sync_pages(&c, "\"view_mode\":\"marked\",\"show_content\":false",
	    NULL, NULL, 0, &starred, &ns, error) != 0 ||
	    store_sync_marks(st, key, unread, nu, starred, ns, &stats->marks,
	    error) != 0))
		goto out;
	if (store_sync_done(st, key, now, full || since == 0 ? now :
	    STORE_NOTIME, error) != 0)
		goto out;
	rc = 0;
out:
	log_debug("sync: %s: %d requests, %d new, %lld sent, %lld marks%s%s",
	    c.api, stats->requests, stats->nnew, (long long)stats->sent,
	    (long long)stats->marks, rc != 0 ? ": " : "",
	    rc != 0 ? *error : "");
	sync_map_free(map, nmap);
	free(c.counts);
	free(unread);
	free(starred);
	free(key);
	free(c.api);
	free(c.sid);
	free(c.error);
	buf_release(&c.body);
	json_arena_release(&c.arena);
	http_free(c.http);
	return (rc);
}

int
sync_config_feeds(struct config *cfg, struct store *st, char **cause)
{
	struct config_feed	*cf;
	char			*key, **urls, **tags;
	size_t			 i, j, k, n;
	int			 added = 0;

	for (i = 0; i < cfg->nsyncs; i++) {
		key = sync_key(&cfg->syncs[i]);
		if (store_sync_list(st, key, &urls, &tags, &n, cause) != 0) {
			free(key);
			return (-1);
		}
		for (j = 0; j < n; j++)
			added += config_sync_feed(cfg, cfg->syncs[i].id,
			    urls[j], tags[j]);
		/* A feed the account dropped leaves the feeds pane. */
		for (k = 0; k < cfg->nfeeds; k++) {
			cf = &cfg->feeds[k];
			if (cf->sync != cfg->syncs[i].id)
				continue;
			for (j = 0; j < n; j++)
				if (strcmp(urls[j], cf->url) == 0)
					break;
			cf->hidden = j == n;
		}
		for (j = 0; j < n; j++) {
			free(urls[j]);
			free(tags[j]);
		}
		free(urls);
		free(tags);
		free(key);
	}
	return (added);
}
