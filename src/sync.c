/*
 * sync.c: what every protocol of a sync shares (sync-int.h): the
 * account's key, the password (password-command without a shell, or a
 * password-file only its owner may read), the HTTP requests, the push
 * of the queue in batches, and the store side of the server's feeds and
 * articles; then the choice of the protocol by the sync line's type:
 * sync-ttrss.c (Tiny Tiny RSS), sync-greader.c (the Google Reader API),
 * sync-miniflux.c (Miniflux's own API).
 *
 * Secrets stay in memory only, for as short a time as can be: a
 * password, a session or a token is wiped when done, never logged,
 * never quoted in an error.
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
#include "sync-int.h"
#include "util.h"

#define SYNC_PASSWORD_MAX	4096	/* bytes read from password-command */
#define SYNC_PASSWORD_WAIT	30	/* seconds it may take */

char *
sync_key(const struct config_sync *cs)
{
	char	*api, *key;

	if (strcmp(cs->type, "greader") == 0)
		api = sync_greader_base(cs->url);
	else if (strcmp(cs->type, "miniflux") == 0)
		api = sync_miniflux_base(cs->url);
	else
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
char *
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

/* http_run()'s callback: keep the response. */
static void
sync_done(void *arg, void *req_arg, struct http_response *res)
{
	struct sync_conn	*c = arg;

	(void)req_arg;
	c->got = 1;
	c->seconds = res->seconds;
	c->status = res->status;
	free(c->error);
	c->error = res->error != NULL ? xstrdup(res->error) : NULL;
	buf_release(&c->body);
	c->body = res->body;
	res->body = (struct buf)BUF_INIT;
}

/* Queue one request of c, handed back to http_run()'s done() with arg
 * (sync_request_do(), sync_posts()). */
static int
sync_request_queue(struct sync_conn *c, const char *method,
    const char *url, const char *post, const char *post_type,
    const char *auth_header, const char *auth, void *arg, char **error)
{
	struct http_request	 req;
	const struct config	*cfg = c->cfg;

	c->status = 0;
	if (c->stop != NULL && atomic_load(c->stop)) {
		*error = xstrdup("interrupted");
		return (-1);
	}
	memset(&req, 0, sizeof req);
	req.url = url;
	req.post = post;
	req.post_type = post_type;
	req.authorization = auth;
	req.auth_header = auth_header;
	req.method = method;
	req.arg = arg;
	req.user_agent = config_str(cfg, NULL, SET_USER_AGENT);
	req.connect_timeout = config_num(cfg, NULL, SET_CONNECT_TIMEOUT);
	req.timeout = config_num(cfg, NULL, SET_DOWNLOAD_TIMEOUT);
	req.stall_timeout = config_num(cfg, NULL, SET_STALL_TIMEOUT);
	req.max_bytes = (size_t)config_num(cfg, NULL, SET_MAX_RESPONSE_SIZE);
	req.error_body = 1;
	/* Every request of a sync carries a secret (a password, a session,
	 * a token): a redirect is followed within the server's origin only,
	 * where curl also sends a header of another name than
	 * Authorization (which it alone drops on another host). */
	req.secret = 1;
	req.secret_answer = c->secret_answer;
	c->secret_answer = 0;
	req.max_redirects = config_num(cfg, NULL, SET_MAX_REDIRECTS);
	c->got = 0;
	http_add(c->http, &req);
	c->stats->requests++;
	return (0);
}

/* One request of c (sync_request(), sync_request_header()). */
static int
sync_request_do(struct sync_conn *c, const char *what, const char *method,
    const char *url, const char *post, const char *post_type,
    const char *auth_header, const char *auth, char **error)
{
	if (sync_request_queue(c, method, url, post, post_type, auth_header,
	    auth, NULL, error) != 0)
		return (-1);
	if (http_run(c->http, sync_done, c, c->stop) != 0 || !c->got) {
		*error = xstrdup("interrupted");
		return (-1);
	}
	log_debug("sync: %s: %.3f s, %zu bytes", what, c->seconds,
	    c->body.len);
	if (c->error != NULL) {
		xasprintf(error, "%s: %s", what, c->error);
		return (-1);
	}
	return (0);
}

/* The requests of sync_posts() in flight. */
struct sync_flight {
	struct sync_conn	*c;
	const char		*what;
	size_t			 max;
	size_t			 busy;		/* in flight */
	long			(*next)(void *, struct buf *);
	int			(*got)(void *, long, struct buf *, char **);
	void			*arg;
	char			*error;		/* the first error */
};

/* Send requests until max are in flight or next() has none now. */
static void
sync_flight_fill(struct sync_flight *f)
{
	struct buf	 post = BUF_SECRET_INIT;
	long		 n;

	while (f->error == NULL && f->busy < f->max) {
		buf_reset(&post);
		if ((n = f->next(f->arg, &post)) < 0)
			break;
		if (sync_request_queue(f->c, NULL, f->c->api, post.data != NULL ?
		    post.data : "", NULL, NULL, NULL, (void *)(intptr_t)n,
		    &f->error) != 0)
			break;
		f->busy++;
	}
	/* A session id is in it: wiped (the request's copy is too). */
	buf_wipe(&post);
}

/* http_run()'s callback of sync_posts(): one answer. */
static void
sync_flight_done(void *arg, void *req_arg, struct http_response *res)
{
	struct sync_flight	*f = arg;
	long			 n = (long)(intptr_t)req_arg;

	f->busy--;
	if (f->error != NULL)
		return;
	log_debug("sync: %s %ld: %.3f s, %zu bytes", f->what, n, res->seconds,
	    res->body.len);
	if (res->error != NULL)
		xasprintf(&f->error, "%s: %s", f->what, res->error);
	else if (f->got(f->arg, n, &res->body, &f->error) != 0 &&
	    f->error == NULL)
		xasprintf(&f->error, "%s: failed", f->what);
	sync_flight_fill(f);
}

int
sync_posts(struct sync_conn *c, const char *what, size_t max,
    long (*next)(void *, struct buf *),
    int (*got)(void *, long, struct buf *, char **), void *arg,
    char **error)
{
	struct sync_flight	 f;

	memset(&f, 0, sizeof f);
	f.c = c;
	f.what = what;
	f.max = max > 0 ? max : 1;
	f.next = next;
	f.got = got;
	f.arg = arg;
	sync_flight_fill(&f);
	/* After an error the answers still on the way are waited for and
	 * dropped: http_run() stops early only for *c->stop. */
	if (http_run(c->http, sync_flight_done, &f, c->stop) != 0 &&
	    f.error == NULL)
		f.error = xstrdup("interrupted");
	if (f.error != NULL) {
		*error = f.error;
		return (-1);
	}
	return (0);
}

int
sync_request(struct sync_conn *c, const char *what, const char *url,
    const char *post, const char *post_type, const char *auth, char **error)
{
	return (sync_request_do(c, what, NULL, url, post, post_type, NULL,
	    auth, error));
}

int
sync_request_header(struct sync_conn *c, const char *what,
    const char *method, const char *url, const char *body, const char *name,
    const char *value, char **error)
{
	return (sync_request_do(c, what, method, url, body, NULL, name, value,
	    error));
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
		buf_wipe(b);
		return (NULL);
	}
	s = xstrndup(b->data, n);
	buf_wipe(b);
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
	struct buf		 b = BUF_SECRET_INIT;
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
	buf_wipe(&b);
	return (NULL);
}

/* Read the password from the first line of path, a regular file that
 * only its owner may read or write (as ssh asks of a key). Return it
 * (the caller wipes and frees it), or NULL and set *error. */
static char *
sync_password_file(const char *path, char **error)
{
	struct buf	 b = BUF_SECRET_INIT;
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


char *
sync_password(const struct config_sync *cs, char **error)
{
	return (cs->password_cmd != NULL ?
	    sync_password_command(cs->password_cmd, error) :
	    sync_password_file(cs->password_file, error));
}

int
sync_push(struct sync_conn *c, struct store *st, size_t max,
    int (*send)(struct sync_conn *, int, int, const int64_t *, size_t,
    char **), char **error)
{
	/* Read before unread, star before unstar: the order of the kinds
	 * matters not, as the queue keeps one change per item's field. */
	static const struct { int field, value; } kinds[] = {
		{ 2, 0 }, { 2, 1 }, { 0, 1 }, { 0, 0 },
	};
	struct store_sync_change *v;
	int64_t			*seq, *ids;
	size_t			 n, i, k, batch;
	int			 rc = 0;

	if (store_sync_pending(st, c->key, &v, &n, error) != 0)
		return (-1);
	seq = xreallocarray(NULL, n + 1, sizeof *seq);
	ids = xreallocarray(NULL, n + 1, sizeof *ids);
	for (k = 0; k < nitems(kinds) && rc == 0; k++) {
		for (i = 0; i < n && rc == 0; ) {
			for (batch = 0; i < n && batch < max; i++) {
				if (v[i].field != kinds[k].field ||
				    v[i].value != kinds[k].value)
					continue;
				ids[batch] = v[i].remote_id;
				seq[batch++] = v[i].seq;
			}
			if (batch == 0)
				break;
			if (send(c, kinds[k].field, kinds[k].value, ids, batch,
			    error) != 0 || store_sync_sent(st, seq, batch,
			    error) != 0)
				rc = -1;
			else
				c->stats->sent += (int64_t)batch;
		}
	}
	free(ids);
	free(seq);
	free(v);
	return (rc);
}

/* A value of sync_dups() and where it stood. */
struct sync_pos {
	int64_t		 v;
	size_t		 i;
};

static int
sync_pos_cmp(const void *a, const void *b)
{
	const struct sync_pos	*x = a, *y = b;

	if (x->v != y->v)
		return ((x->v > y->v) - (x->v < y->v));
	return ((x->i > y->i) - (x->i < y->i));
}

void
sync_dups(const int64_t *v, size_t n, unsigned char *dup)
{
	struct sync_pos	*p;
	size_t		 i;

	p = xreallocarray(NULL, n + 1, sizeof *p);
	for (i = 0; i < n; i++) {
		p[i].v = v[i];
		p[i].i = i;
	}
	qsort(p, n, sizeof *p, sync_pos_cmp);
	for (i = 0; i < n; i++)
		dup[p[i].i] = i > 0 && p[i].v == p[i - 1].v;
	free(p);
}

int
sync_map_cmp(const void *a, const void *b)
{
	const struct sync_map	*x = a, *y = b;

	return ((x->remote > y->remote) - (x->remote < y->remote));
}

const struct json *
sync_parse(struct sync_conn *c)
{
	struct json	*d;

	json_arena_release(&c->arena);
	d = json_arena_alloc(&c->arena, sizeof *d);
	if (json_parse(c->body.data != NULL ? c->body.data : "", c->body.len,
	    json_arena_alloc, &c->arena, d) != 0)
		return (NULL);
	return (d);
}

const struct sync_map *
sync_map_find(const struct sync_map *map, size_t n, int64_t remote)
{
	struct sync_map	 key;

	if (n == 0)
		return (NULL);
	key.remote = remote;
	return (bsearch(&key, map, n, sizeof *map, sync_map_cmp));
}

void
sync_map_free(struct sync_map *m, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(m[i].title);
	free(m);
}

int64_t
sync_store_address(const struct sync_conn *c, const char *url)
{
	size_t	 n = strlen(c->key);

	if (strncmp(url, c->key, n) != 0 || url[n] != '#')
		return (0);
	return (strtoll(url + n + 1, NULL, 10));
}

char *
sync_no_feed(const char *url)
{
	struct buf	 b = BUF_INIT;

	buf_addstr(&b, "the account has no feed ");
	text_printable(&b, url);
	return (buf_detach(&b, NULL));
}

/* Read the account's feeds back after a change (see sync-int.h). */
void
sync_relist(struct sync_conn *c, struct store *st, sync_feeds_fn feeds)
{
	struct sync_map	*map;
	size_t		 nmap;
	char		*error = NULL;

	if (feeds(c, st, &map, &nmap, &error) != 0) {
		log_debug("sync: the feeds after the change: %s", error);
		free(error);
		return;
	}
	sync_map_free(map, nmap);
}

int
sync_store_feeds(struct sync_conn *c, struct store *st,
    struct store_sync_feed *sf, char **titles, char **tags, size_t n,
    struct sync_map **map, size_t *nmap, char **error)
{
	int64_t		*ids;
	unsigned char	*dup;
	size_t		 i, k;
	int		 rc = -1;

	*map = NULL;
	*nmap = 0;
	/* A feed listed twice is kept once, as first listed. */
	ids = xreallocarray(NULL, n + 1, sizeof *ids);
	dup = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		ids[i] = sf[i].remote_id;
	sync_dups(ids, n, dup);
	for (i = k = 0; i < n; i++) {
		if (dup[i]) {
			free(titles[i]);
			free(tags[i]);
			continue;
		}
		sf[k] = sf[i];
		titles[k] = titles[i];
		tags[k++] = tags[i];
	}
	free(dup);
	n = k;
	if (store_sync_feeds(st, c->key, sf, n, ids, error) != 0) {
		for (i = 0; i < n; i++)
			free(titles[i]);
		goto out;
	}
	*map = xreallocarray(NULL, n + 1, sizeof **map);
	for (i = 0; i < n; i++) {
		(*map)[i].remote = sf[i].remote_id;
		(*map)[i].id = ids[i];
		(*map)[i].title = titles[i];
	}
	*nmap = n;
	qsort(*map, n, sizeof **map, sync_map_cmp);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
	free(titles);
	free(sf);
	free(ids);
	return (rc);
}

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

int
sync_store_page(struct store *st, const char *key_,
    const struct sync_map *map, size_t nmap, struct sync_headline *h, size_t n, int *nnew, char **error)
{
	const struct sync_map	*m;
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
	/* The page's feeds in one transaction. */
	if (store_batch(st, error) != 0)
		goto fail;
	for (i = 0; i < n; i++) {
		if (ids[i] != NULL || h[i].id == 0)
			continue;
		if ((m = sync_map_find(map, nmap, h[i].feed_id)) == NULL) {
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
			store_batch_end(st, 0, NULL);
			goto fail;
		}
		*nnew += added;
		free(f.entries);
	}
	if (store_batch_end(st, 1, error) != 0)
		goto fail;
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

int
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

/* Start c, a session of the account cs (sync_run()'s and the edits'). */
static void
sync_conn_init(struct sync_conn *c, const struct config *cfg,
    const struct config_sync *cs, const atomic_int *stop,
    struct sync_stats *stats)
{
	memset(stats, 0, sizeof *stats);
	memset(c, 0, sizeof *c);
	c->cfg = cfg;
	c->cs = cs;
	c->stop = stop;
	c->stats = stats;
	c->http = http_new(&(struct http_options){ SYNC_INFLIGHT,
	    SYNC_INFLIGHT });
	c->ncounts = -1;
	c->key = sync_key(cs);
}

/* End c: its secrets wiped. */
static void
sync_conn_release(struct sync_conn *c)
{
	free(c->counts);
	free((char *)c->key);
	free(c->api);
	if (c->sid != NULL)
		explicit_bzero(c->sid, strlen(c->sid));
	free(c->sid);
	if (c->auth != NULL)
		explicit_bzero(c->auth, strlen(c->auth));
	free(c->auth);
	if (c->token != NULL)
		explicit_bzero(c->token, strlen(c->token));
	free(c->token);
	free(c->error);
	buf_release(&c->body);
	json_arena_release(&c->arena);
	http_free(c->http);
}

int
sync_run(const struct config *cfg, const struct config_sync *cs,
    struct store *st, const atomic_int *stop, struct sync_stats *stats,
    char **error)
{
	struct sync_conn	 c;
	int			 rc;

	sync_conn_init(&c, cfg, cs, stop, stats);
	if (strcmp(cs->type, "greader") == 0) {
		c.api = sync_greader_base(cs->url);
		rc = sync_greader_run(&c, st, error);
	} else if (strcmp(cs->type, "miniflux") == 0) {
		c.api = sync_miniflux_base(cs->url);
		rc = sync_miniflux_run(&c, st, error);
	} else {
		c.api = sync_api_url(cs->url);
		rc = sync_ttrss_run(&c, st, error);
	}
	log_debug("sync: %s: %d requests, %d new, %lld sent, %lld marks%s%s",
	    c.api, stats->requests, stats->nnew, (long long)stats->sent,
	    (long long)stats->marks, rc != 0 ? ": " : "",
	    rc != 0 ? *error : "");
	sync_conn_release(&c);
	return (rc);
}

/* sync_subscribe() when add, else sync_unsubscribe(). */
static int
sync_edit(const struct config *cfg, const struct config_sync *cs,
    struct store *st, const atomic_int *stop, const char *url,
    char *const *tags, size_t ntags, long want, char **feed_url, int add,
    char **error)
{
	struct sync_conn	 c;
	struct sync_stats	 stats;
	int			 rc;

	sync_conn_init(&c, cfg, cs, stop, &stats);
	if (strcmp(cs->type, "greader") == 0) {
		c.api = sync_greader_base(cs->url);
		rc = add ? sync_greader_subscribe(&c, st, url, tags, ntags,
		    want, feed_url, error) : sync_greader_unsubscribe(&c, st,
		    url, error);
	} else if (strcmp(cs->type, "miniflux") == 0) {
		c.api = sync_miniflux_base(cs->url);
		rc = add ? sync_miniflux_subscribe(&c, st, url, tags, ntags,
		    want, feed_url, error) : sync_miniflux_unsubscribe(&c, st,
		    url, error);
	} else {
		c.api = sync_api_url(cs->url);
		rc = add ? sync_ttrss_subscribe(&c, st, url, tags, ntags,
		    want, feed_url, error) : sync_ttrss_unsubscribe(&c, st,
		    url, error);
	}
	log_debug("sync: %s: %s: %d requests%s%s", c.api, add ? "subscribe" :
	    "unsubscribe", stats.requests, rc < 0 ? ": " : "",
	    rc < 0 ? *error : "");
	sync_conn_release(&c);
	return (rc);
}

int
sync_subscribe(const struct config *cfg, const struct config_sync *cs,
    struct store *st, const atomic_int *stop, const char *url,
    char *const *tags, size_t ntags, long want, char **feed_url,
    char **error)
{
	return (sync_edit(cfg, cs, st, stop, url, tags, ntags, want, feed_url,
	    1, error));
}

int
sync_unsubscribe(const struct config *cfg, const struct config_sync *cs,
    struct store *st, const atomic_int *stop, const char *url, char **error)
{
	return (sync_edit(cfg, cs, st, stop, url, NULL, 0, 0, NULL, 0,
	    error));
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

