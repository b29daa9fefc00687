/* test_http.c: the HTTP transport against the project's test server
 * (tests/server/server.py), started on 127.0.0.1 for this group of tests
 * with fixtures written into a temporary directory. */
#include "testlib.h"

#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "http.h"
#include "util.h"

#define FEED_MTIME	1704164645	/* 2024-01-02 03:04:05 UTC */
#define FEED_LM		"Tue, 02 Jan 2024 03:04:05 GMT"

static const char feed_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\"><channel>\n"
    "<title>Test Feed</title><link>http://127.0.0.1/</link>\n"
    "<description>A feed for the HTTP tests, long enough that gzip has"
    " something to do, long enough that gzip has something to do."
    "</description>\n"
    "<item><title>One</title><guid>one</guid><link>http://127.0.0.1/1</link>"
    "<description>The first item of the test feed.</description></item>\n"
    "<item><title>Two</title><guid>two</guid><link>http://127.0.0.1/2</link>"
    "<description>The second item of the test feed.</description></item>\n"
    "<item><title>Three</title><guid>three</guid>"
    "<link>http://127.0.0.1/3</link>"
    "<description>The third item of the test feed.</description></item>\n"
    "</channel></rss>\n";

/* The server of this group: its process, port and files. */
static struct {
	pid_t	 pid;
	int	 port;
	char	 dir[64];
	char	*root;
	char	*feed;
	char	*log;
} srv;

/* What one done() call handed over, copied since res dies with the call. */
struct got {
	int	 calls;
	long	 status;
	int	 not_modified;
	char	*body;
	size_t	 len;
	char	*error;
	char	*etag;
	char	*last_modified;
	char	*content_type;
	char	*url;
	char	*permanent;
	long	 retry_after;
	int64_t	 total;
	int	 secret;	/* res.body was a secret's buffer */
};

static void
got_done(void *arg, void *req_arg, struct http_response *res)
{
	struct got	*g = req_arg;

	(void)arg;
	g->calls++;
	g->status = res->status;
	g->not_modified = res->not_modified;
	g->secret = res->body.secret;
	g->body = buf_detach(&res->body, &g->len);
	g->error = dup_or_null(res->error);
	g->etag = dup_or_null(res->etag);
	g->last_modified = dup_or_null(res->last_modified);
	g->content_type = dup_or_null(res->content_type);
	g->url = dup_or_null(res->url);
	g->permanent = dup_or_null(res->permanent);
	g->retry_after = res->retry_after;
	g->total = res->total;
}

static void
got_free(struct got *g)
{
	free(g->body);
	free(g->error);
	free(g->etag);
	free(g->last_modified);
	free(g->content_type);
	free(g->url);
	free(g->permanent);
	memset(g, 0, sizeof *g);
}

/* A request with the limits the tests use unless they say otherwise. */
static struct http_request
request(const char *url)
{
	struct http_request	 r;

	memset(&r, 0, sizeof r);
	r.url = url;
	r.connect_timeout = 5;
	r.timeout = 10;
	r.max_bytes = 16 << 20;
	r.max_redirects = 10;
	return (r);
}

/* The server's URL for path. Caller frees. */
static char *
url_for(const char *path)
{
	char	*s;

	xasprintf(&s, "http://127.0.0.1:%d%s", srv.port, path);
	return (s);
}

/* Run n requests at once, request i answered into g[i]. */
static int
fetch(struct http_request *r, struct got *g, size_t n, long max_total,
    const atomic_int *stop)
{
	struct http_options	 o = { max_total, max_total };
	struct http		*h;
	size_t			 i;
	int			 rc;

	h = http_new(&o);
	for (i = 0; i < n; i++) {
		r[i].arg = &g[i];
		http_add(h, &r[i]);
	}
	rc = http_run(h, got_done, NULL, stop);
	http_free(h);
	return (rc);
}

/* Fetch one path from the server. */
static void
get(const char *path, const char *etag, const char *lm, struct got *g)
{
	struct http_request	 r;
	char			*u = url_for(path);

	r = request(u);
	r.etag = etag;
	r.last_modified = lm;
	memset(g, 0, sizeof *g);
	assert_int_equal(fetch(&r, g, 1, 4, NULL), 0);
	assert_int_equal(g->calls, 1);
	free(u);
}

/* The server's log line for a request of path (exact), or NULL. Caller
 * frees. */
static char *
log_find(const char *path)
{
	FILE	*f;
	char	*line = NULL, *found = NULL, *p;
	size_t	 cap = 0, n = strlen(path);

	if ((f = fopen(srv.log, "r")) == NULL)
		fail_msg("%s: cannot open", srv.log);
	while (getline(&line, &cap, f) != -1) {
		if ((p = strchr(line, '\t')) != NULL &&
		    strncmp(p + 1, path, n) == 0 && p[1 + n] == '\t') {
			free(found);
			found = xstrdup(line);
		}
	}
	free(line);
	fclose(f);
	return (found);
}

static void
write_file(const char *path, const char *text)
{
	FILE	*f;

	if ((f = fopen(path, "w")) == NULL)
		fail_msg("%s: cannot create", path);
	fputs(text, f);
	fclose(f);
}

/* Start the server on a fresh root and read its port. */
static int
setup(void **state)
{
	struct timeval	 tv[2] = { { FEED_MTIME, 0 }, { FEED_MTIME, 0 } };
	char		 line[32];
	char		*argv[] = { (char *)"python3",
			    (char *)"tests/server/server.py", (char *)"--root",
			    NULL, (char *)"--log", NULL, NULL };
	FILE		*f;
	int		 fd[2];

	(void)state;
	/* The user's proxy must not see requests to 127.0.0.1. */
	unsetenv("http_proxy");
	unsetenv("https_proxy");
	unsetenv("HTTPS_PROXY");
	unsetenv("ALL_PROXY");
	unsetenv("all_proxy");
	setenv("no_proxy", "*", 1);

	snprintf(srv.dir, sizeof srv.dir, "/tmp/tidings-test-http.XXXXXX");
	if (mkdtemp(srv.dir) == NULL)
		return (-1);
	xasprintf(&srv.root, "%s/www", srv.dir);
	xasprintf(&srv.feed, "%s/feed.xml", srv.root);
	xasprintf(&srv.log, "%s/server.log", srv.dir);
	if (mkdir(srv.root, 0700) != 0)
		return (-1);
	write_file(srv.feed, feed_xml);
	if (utimes(srv.feed, tv) != 0)
		return (-1);

	argv[3] = srv.root;
	argv[5] = srv.log;
	if (pipe(fd) != 0)
		return (-1);
	if ((srv.pid = fork()) == -1)
		return (-1);
	if (srv.pid == 0) {
#ifdef __linux__
		/* Should this test crash, the server must not outlive it. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
		dup2(fd[1], STDOUT_FILENO);
		close(fd[0]);
		close(fd[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fd[1]);
	f = fdopen(fd[0], "r");
	if (f == NULL || fgets(line, sizeof line, f) == NULL) {
		fprintf(stderr, "test server did not start\n");
		return (-1);
	}
	fclose(f);
	srv.port = atoi(line);

	http_global_init();
	return (srv.port > 0 ? 0 : -1);
}

static int
teardown(void **state)
{
	int	 status;

	(void)state;
	http_global_cleanup();
	if (srv.pid > 0) {
		kill(srv.pid, SIGTERM);
		waitpid(srv.pid, &status, 0);
	}
	unlink(srv.feed);
	unlink(srv.log);
	rmdir(srv.root);
	rmdir(srv.dir);
	free(srv.root);
	free(srv.feed);
	free(srv.log);
	return (0);
}

/* libcurl is not loaded when tidings starts, nor by http_global_init()
 * (setup calls it), nor by an http_run() with nothing to run (a refresh
 * with no feed due), but by the first request; so this test runs first. */
static void
test_http_loads_libcurl_late(void **state)
{
	struct http_options	 o = { 1, 1 };
	struct got		 g;
	struct http		*h;
	void			*lib;

	(void)state;
	assert_null(dlopen("libcurl.so.4", RTLD_LAZY | RTLD_NOLOAD));
	h = http_new(&o);
	assert_int_equal(http_run(h, got_done, NULL, NULL), 0);
	http_free(h);
	assert_null(dlopen("libcurl.so.4", RTLD_LAZY | RTLD_NOLOAD));

	get("/feed.xml", NULL, NULL, &g);
	assert_null(g.error);
	assert_int_equal(g.status, 200);
	lib = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_NOLOAD);
	assert_non_null(lib);
	dlclose(lib);
	got_free(&g);
}

static void
test_http_ok(void **state)
{
	struct got	 g;
	char		*u = url_for("/feed.xml?gzip=0");

	(void)state;
	get("/feed.xml?gzip=0", NULL, NULL, &g);
	assert_null(g.error);
	assert_int_equal(g.status, 200);
	assert_int_equal(g.not_modified, 0);
	assert_int_equal(g.len, strlen(feed_xml));
	assert_string_equal(g.body, feed_xml);
	assert_non_null(g.etag);
	assert_int_equal(g.etag[0], '"');
	assert_string_equal(g.last_modified, FEED_LM);
	assert_string_equal(g.content_type, "application/xml");
	assert_string_equal(g.url, u);
	assert_null(g.permanent);
	assert_int_equal(g.retry_after, -1);
	got_free(&g);
	free(u);
}

static void
test_http_conditional(void **state)
{
	struct got	 g;
	char		*etag, *line;

	(void)state;
	get("/feed.xml?t=first", NULL, NULL, &g);
	assert_null(g.error);
	etag = g.etag;
	g.etag = NULL;
	got_free(&g);

	/* If-None-Match. */
	get("/feed.xml?t=inm", etag, NULL, &g);
	assert_null(g.error);
	assert_int_equal(g.status, 304);
	assert_int_equal(g.not_modified, 1);
	assert_int_equal(g.len, 0);
	assert_string_equal(g.etag, etag);
	got_free(&g);
	line = log_find("/feed.xml?t=inm");
	assert_non_null(line);
	assert_non_null(strstr(line, "\t304\t"));
	assert_non_null(strstr(line, "\tinm="));
	assert_non_null(strstr(line, etag));
	free(line);

	/* If-Modified-Since alone. */
	get("/feed.xml?t=ims", NULL, FEED_LM, &g);
	assert_null(g.error);
	assert_int_equal(g.not_modified, 1);
	got_free(&g);
	line = log_find("/feed.xml?t=ims");
	assert_non_null(line);
	assert_non_null(strstr(line, "\tims=" FEED_LM "\t"));
	free(line);

	/* A 304 without validators keeps the ones sent. */
	get("/feed.xml?t=bare&validators=0", etag, FEED_LM, &g);
	assert_int_equal(g.not_modified, 1);
	assert_string_equal(g.etag, etag);
	assert_string_equal(g.last_modified, FEED_LM);
	got_free(&g);

	/* A stale validator gets the body. */
	get("/feed.xml?t=stale", "\"stale\"", NULL, &g);
	assert_null(g.error);
	assert_int_equal(g.status, 200);
	assert_int_equal(g.not_modified, 0);
	assert_string_equal(g.body, feed_xml);
	got_free(&g);
	free(etag);
}

static void
test_http_gzip(void **state)
{
	struct got	 g;
	char		*line;

	(void)state;
	get("/feed.xml?t=gzip", NULL, NULL, &g);
	assert_null(g.error);
	assert_string_equal(g.body, feed_xml);
	assert_non_null(strstr(g.etag, "-gz\""));	/* the gzip variant */
	got_free(&g);
	line = log_find("/feed.xml?t=gzip");
	assert_non_null(line);
	assert_non_null(strstr(line, "\tae="));
	assert_non_null(strstr(strstr(line, "\tae="), "gzip"));
	free(line);
}

/* A request that carries a secret follows a redirect within its origin
 * (scheme, host, port) only: one elsewhere fails, naming where it
 * pointed with its escapes made harmless, and nothing goes there. */
static const struct {
	const char	*path;		/* %d: the server's port */
	const char	*error;		/* NULL: the feed; %d likewise */
} origin_cases[] = {
	{ "/_/redirect/307?to=/feed.xml", NULL },
	{ "/_/redirect/301,308?to=/feed.xml", NULL },
	{ "/_/redirect/307?to=http://127.0.0.1:%d/feed.xml", NULL },
	{ "/_/redirect/307?to=http://localhost:%d/feed.xml",
	  "redirected to http://localhost:%d/feed.xml, another server: "
	  "not followed" },
	{ "/_/redirect/301,308?to=https://127.0.0.1:%d/feed.xml",
	  "redirected to https://127.0.0.1:%d/feed.xml, another server: "
	  "not followed" },
	{ "/_/redirect/302?to=http://127.0.0.1:1/x",
	  "redirected to http://127.0.0.1:1/x, another server: not followed" },
	{ "/_/redirect/308?to=//localhost:%d/feed.xml",
	  "redirected to http://localhost:%d/feed.xml, another server: "
	  "not followed" },
	{ "/_/redirect/307?to=http://evil.example/%%1B%%5B2J%%07",
	  "redirected to http://evil.example/\xef\xbf\xbd[2J\xef\xbf\xbd, "
	  "another server: not followed" },
};

static void
test_http_same_origin(void **state)
{
	struct http_request	 r[nitems(origin_cases)];
	struct got		 g[nitems(origin_cases)];
	char			*u[nitems(origin_cases)], path[256], want[256];
	size_t			 i;

	(void)state;
	memset(g, 0, sizeof g);
	for (i = 0; i < nitems(origin_cases); i++) {
		snprintf(path, sizeof path, origin_cases[i].path, srv.port);
		u[i] = url_for(path);
		r[i] = request(u[i]);
		r[i].secret = 1;
		r[i].authorization = "Bearer a-secret";
	}
	assert_int_equal(fetch(r, g, nitems(r), 4, NULL), 0);
	for (i = 0; i < nitems(origin_cases); i++) {
		if (origin_cases[i].error == NULL) {
			if (g[i].error != NULL)
				fail_msg("%s: %s", origin_cases[i].path,
				    g[i].error);
			assert_string_equal(g[i].body, feed_xml);
		} else {
			snprintf(want, sizeof want, origin_cases[i].error,
			    srv.port);
			if (g[i].error == NULL || strcmp(g[i].error, want) != 0)
				fail_msg("%s: error \"%s\", want \"%s\"",
				    origin_cases[i].path, g[i].error, want);
			assert_int_equal(g[i].len, 0);
		}
		got_free(&g[i]);
		free(u[i]);
	}
}

/* An API's error status keeps its body when asked: it says why; an
 * answer that carries a secret comes in a secret's buffer. */
static void
test_http_error_body(void **state)
{
	struct http_request	 r[2];
	struct got		 g[2];
	char			*u;

	(void)state;
	memset(g, 0, sizeof g);
	u = url_for("/_/status/404");
	r[0] = request(u);
	r[1] = request(u);
	r[1].error_body = 1;
	r[1].secret_answer = 1;
	assert_int_equal(fetch(r, g, 2, 2, NULL), 0);
	assert_int_equal(g[0].secret, 0);
	assert_int_equal(g[1].secret, 1);
	assert_string_equal(g[0].error, "HTTP 404 Not Found");
	assert_int_equal(g[0].len, 0);
	assert_string_equal(g[1].error, "HTTP 404 Not Found");
	assert_string_equal(g[1].body, "404\n");
	got_free(&g[0]);
	got_free(&g[1]);
	free(u);
}

/* Whether error got matches want (exact, or a prefix if want ends in *). */
static int
error_matches(const char *got, const char *want)
{
	size_t	 n = strlen(want);

	if (got == NULL)
		return (0);
	if (n > 0 && want[n - 1] == '*')
		return (strncmp(got, want, n - 1) == 0);
	return (strcmp(got, want) == 0);
}

static const struct {
	const char	*path;
	const char	*error;		/* see error_cases; NULL: success */
	int		 permanent;	/* permanent is the final URL */
	const char	*final;		/* path of the final URL */
} redirect_cases[] = {
	{ "/_/redirect/301?to=/feed.xml", NULL, 1, "/feed.xml" },
	{ "/_/redirect/308,301?to=/feed.xml", NULL, 1, "/feed.xml" },
	{ "/_/redirect/302?to=/feed.xml", NULL, 0, "/feed.xml" },
	{ "/_/redirect/301,302?to=/feed.xml", NULL, 0, "/feed.xml" },
	{ "/_/redirect/307,301?to=/feed.xml", NULL, 0, "/feed.xml" },
	{ "/_/redirect/301?to=/_/status/404", "HTTP 404 Not Found", 0, NULL },
	{ "/_/redirect-loop", "too many redirects (10)", 0, NULL },
	{ "/_/redirect/302?to=file:///etc/passwd",
	  "refused redirect to a file: URL", 0, NULL },
};

static void
test_http_redirects(void **state)
{
	struct http_request	 r[nitems(redirect_cases)];
	struct got		 g[nitems(redirect_cases)];
	char			*u[nitems(redirect_cases)], *final;
	size_t			 i;

	(void)state;
	memset(g, 0, sizeof g);
	for (i = 0; i < nitems(redirect_cases); i++) {
		u[i] = url_for(redirect_cases[i].path);
		r[i] = request(u[i]);
	}
	assert_int_equal(fetch(r, g, nitems(r), 4, NULL), 0);
	for (i = 0; i < nitems(redirect_cases); i++) {
		if (g[i].calls != 1)
			fail_msg("%s: done called %d times",
			    redirect_cases[i].path, g[i].calls);
		if (redirect_cases[i].error == NULL) {
			final = url_for(redirect_cases[i].final);
			if (g[i].error != NULL)
				fail_msg("%s: %s", redirect_cases[i].path,
				    g[i].error);
			assert_string_equal(g[i].body, feed_xml);
			assert_string_equal(g[i].url, final);
			if (redirect_cases[i].permanent)
				assert_string_equal(g[i].permanent, final);
			else if (g[i].permanent != NULL)
				fail_msg("%s: permanent %s",
				    redirect_cases[i].path, g[i].permanent);
			free(final);
		} else {
			if (!error_matches(g[i].error,
			    redirect_cases[i].error))
				fail_msg("%s: error \"%s\", want \"%s\"",
				    redirect_cases[i].path, g[i].error,
				    redirect_cases[i].error);
			assert_null(g[i].permanent);
			assert_int_equal(g[i].len, 0);
		}
		got_free(&g[i]);
		free(u[i]);
	}
}

static const struct {
	const char	*path;		/* on the server, or a URL */
	size_t		 max_bytes;	/* 0: request()'s */
	long		 stall;
	long		 timeout;	/* 0: request()'s */
	const char	*error;		/* exact; a final '*': prefix */
	int		 retry;		/* want retry_after 0: -1, 1: > 0,
					   else exactly this */
} error_cases[] = {
	{ "/_/status/404", 0, 0, 0, "HTTP 404 Not Found", 0 },
	{ "/_/status/500", 0, 0, 0, "HTTP 500 Internal Server Error", 0 },
	{ "/_/status/418?reason=%1b[31mred", 0, 0, 0, "HTTP 418", 0 },
	{ "/_/status/300", 0, 0, 0, "HTTP 300 Multiple Choices", 0 },
	{ "/_/huge?mb=4", 1 << 20, 0, 0, "response larger than 1 MiB", 0 },
	{ "/_/bomb?mb=8", 1 << 20, 0, 0, "response larger than 1 MiB", 0 },
	{ "/feed.xml?t=cap", 100, 0, 0, "response larger than 100 bytes",
	  0 },
	{ "/_/truncated?file=feed.xml", 0, 0, 0,
	  "transfer closed with 1000 bytes remaining to read", 0 },
	{ "/_/stall", 0, 2, 0,
	  "timed out after 2 seconds with no data", 0 },
	{ "/_/stall?headers=0", 0, 0, 2, "timed out after 2 seconds", 0 },
	{ "/_/big-headers?kb=300", 0, 0, 0,
	  "response headers larger than 256 KiB", 0 },
	{ "/_/badgzip", 0, 0, 0, "Error while processing content unencoding*",
	  0 },
	{ "/_/retry-after?code=429&after=120", 0, 0, 0,
	  "HTTP 429 Too Many Requests", 120 },
	{ "/_/retry-after?code=503"
	  "&after=Fri,%2001%20Jan%202100%2000:00:00%20GMT",
	  0, 0, 0, "HTTP 503 Service Unavailable", 1 },
	{ "/_/retry-after?code=503&after=soon", 0, 0, 0,
	  "HTTP 503 Service Unavailable", 0 },
	{ "file:///nonexistent-tidings-dir/feed.xml", 0, 0, 0,
	  "file: URLs are read only for feeds of the dotfile", 0 },
	{ "ftp://127.0.0.1/feed.xml", 0, 0, 0,
	  "ftp: URLs are not fetched, only http and https", 0 },
	{ "gopher://127.0.0.1/feed.xml", 0, 0, 0,
	  "gopher: URLs are not fetched, only http and https", 0 },
};

/* A port on 127.0.0.1 that refuses connections for as long as *fd stays
 * open: bound, never listening. */
static int
refusing_port(int *fd)
{
	struct sockaddr_in	 sin;
	socklen_t		 len = sizeof sin;

	memset(&sin, 0, sizeof sin);
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((*fd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    bind(*fd, (struct sockaddr *)&sin, sizeof sin) != 0 ||
	    getsockname(*fd, (struct sockaddr *)&sin, &len) != 0)
		fail_msg("cannot bind a socket");
	return (ntohs(sin.sin_port));
}

static void
test_http_errors(void **state)
{
	struct http_request	 r[nitems(error_cases)];
	struct got		 g[nitems(error_cases)];
	char			*u[nitems(error_cases)];
	const char		*want;
	size_t			 i;

	(void)state;
	memset(g, 0, sizeof g);
	for (i = 0; i < nitems(error_cases); i++) {
		if (error_cases[i].path[0] == '/')
			u[i] = url_for(error_cases[i].path);
		else
			u[i] = xstrdup(error_cases[i].path);
		r[i] = request(u[i]);
		if (error_cases[i].max_bytes != 0)
			r[i].max_bytes = error_cases[i].max_bytes;
		r[i].stall_timeout = error_cases[i].stall;
		if (error_cases[i].timeout != 0)
			r[i].timeout = error_cases[i].timeout;
	}
	assert_int_equal(fetch(r, g, nitems(r), 8, NULL), 0);
	for (i = 0; i < nitems(error_cases); i++) {
		want = error_cases[i].error;
		if (g[i].calls != 1)
			fail_msg("%s: done called %d times", u[i], g[i].calls);
		if (!error_matches(g[i].error, want))
			fail_msg("%s: error \"%s\", want \"%s\"", u[i],
			    g[i].error, want);
		if (strchr(g[i].error, '\n') != NULL)
			fail_msg("%s: error has two lines", u[i]);
		if (g[i].len != 0)
			fail_msg("%s: %zu bytes of body", u[i], g[i].len);
		if (error_cases[i].retry == 0 && g[i].retry_after != -1)
			fail_msg("%s: retry_after %ld", u[i], g[i].retry_after);
		if (error_cases[i].retry == 1 && g[i].retry_after <= 0)
			fail_msg("%s: retry_after %ld", u[i], g[i].retry_after);
		if (error_cases[i].retry > 1 &&
		    g[i].retry_after != error_cases[i].retry)
			fail_msg("%s: retry_after %ld", u[i], g[i].retry_after);
		got_free(&g[i]);
		free(u[i]);
	}
}

static void
test_http_refused_says_why(void **state)
{
	struct http_request	 r;
	struct got		 g;
	char			*u, *want;
	int			 fd, port;

	(void)state;
	port = refusing_port(&fd);
	xasprintf(&u, "http://127.0.0.1:%d/", port);
	xasprintf(&want, "Failed to connect to 127.0.0.1 port %d: "
	    "Connection refused", port);
	r = request(u);
	memset(&g, 0, sizeof g);
	assert_int_equal(fetch(&r, &g, 1, 1, NULL), 0);
	close(fd);
	assert_string_equal(g.error, want);
	assert_int_equal(g.status, 0);
	got_free(&g);
	free(u);
	free(want);
}

static void
test_http_file_url(void **state)
{
	struct http_request	 r;
	struct got		 g;
	char			*u;

	(void)state;
	xasprintf(&u, "file://%s", srv.feed);
	r = request(u);
	r.local = 1;
	memset(&g, 0, sizeof g);
	assert_int_equal(fetch(&r, &g, 1, 1, NULL), 0);
	assert_null(g.error);
	assert_int_equal(g.status, 0);
	assert_string_equal(g.body, feed_xml);
	assert_string_equal(g.url, u);
	got_free(&g);
	free(u);
}

/* file:// is read for a local request (a feed of the dotfile) only, and
 * then only a regular file: a remote feed's link, a page or a redirect
 * never reads a local file, and a device or a FIFO never blocks. "%s" in
 * a URL stands for the test's directory. */
static const struct {
	const char	*url;
	int		 local;
	size_t		 max_bytes;	/* 0: request()'s */
	const char	*error;		/* NULL: the feed is read */
} file_cases[] = {
	{ "file://%s/www/feed.xml", 0, 0,
	  "file: URLs are read only for feeds of the dotfile" },
	{ "FILE://%s/www/feed.xml", 0, 0,
	  "file: URLs are read only for feeds of the dotfile" },
	{ "file:/etc/passwd", 0, 0,
	  "file: URLs are read only for feeds of the dotfile" },
	{ "file:///dev/tty", 0, 0,
	  "file: URLs are read only for feeds of the dotfile" },
	{ "file://%s/www/feed.xml", 1, 0, NULL },
	{ "file://localhost%s/www/feed.xml", 1, 0, NULL },
	{ "file://%s/www/%66eed.xml", 1, 0, NULL },
	{ "file://%s/www/../www/feed.xml", 1, 0, NULL },
	{ "file:///dev/null", 1, 0, "/dev/null is not a regular file" },
	{ "file:///dev/tty", 1, 0, "/dev/tty is not a regular file" },
	{ "file:///dev/stdin", 1, 0, "/dev/stdin is not a regular file" },
	{ "file://%s/fifo", 1, 0, "%s/fifo is not a regular file" },
	{ "file://%s/www", 1, 0, "%s/www is not a regular file" },
	{ "file://%s/missing.xml", 1, 0,
	  "%s/missing.xml: No such file or directory" },
	{ "file://%s/www/feed.xml", 1, 100,
	  "%s/www/feed.xml is larger than 100 bytes" },
	{ "file://example.org/etc/passwd", 1, 0, "not a valid file: URL" },
	{ "file://%s/www/feed.xml%00", 1, 0, "not a valid file: URL" },
	{ "/_/redirect/302?to=file:///etc/passwd", 1, 0,
	  "refused redirect to a file: URL" },
	{ "/_/redirect/301?to=FILE:///etc/passwd", 1, 0,
	  "refused redirect to a file: URL" },
};

/* fmt with each "%s" replaced by dir; other "%" stay. Caller frees. */
static char *
with_dir(const char *fmt, const char *dir)
{
	struct buf	 b = BUF_INIT;
	const char	*p;

	while ((p = strstr(fmt, "%s")) != NULL) {
		buf_add(&b, fmt, (size_t)(p - fmt));
		buf_addstr(&b, dir);
		fmt = p + 2;
	}
	buf_addstr(&b, fmt);
	return (buf_detach(&b, NULL));
}

static void
test_http_file_only_local(void **state)
{
	struct http_request	 r[nitems(file_cases)];
	struct got		 g[nitems(file_cases)];
	char			*u[nitems(file_cases)], *want, *fifo;
	size_t			 i;

	(void)state;
	xasprintf(&fifo, "%s/fifo", srv.dir);
	if (mkfifo(fifo, 0600) != 0)
		fail_msg("%s: cannot make a FIFO", fifo);
	memset(g, 0, sizeof g);
	for (i = 0; i < nitems(file_cases); i++) {
		if (file_cases[i].url[0] == '/')
			u[i] = url_for(file_cases[i].url);
		else
			u[i] = with_dir(file_cases[i].url, srv.dir);
		r[i] = request(u[i]);
		r[i].local = file_cases[i].local;
		if (file_cases[i].max_bytes != 0)
			r[i].max_bytes = file_cases[i].max_bytes;
	}
	assert_int_equal(fetch(r, g, nitems(r), 4, NULL), 0);
	for (i = 0; i < nitems(file_cases); i++) {
		if (g[i].calls != 1)
			fail_msg("%s: done called %d times", u[i], g[i].calls);
		if (file_cases[i].error == NULL) {
			if (g[i].error != NULL)
				fail_msg("%s: error \"%s\"", u[i], g[i].error);
			if (g[i].body == NULL ||
			    strcmp(g[i].body, feed_xml) != 0)
				fail_msg("%s: not the feed", u[i]);
		} else {
			want = with_dir(file_cases[i].error, srv.dir);
			if (g[i].error == NULL || strcmp(g[i].error, want) != 0)
				fail_msg("%s: error \"%s\", want \"%s\"", u[i],
				    g[i].error, want);
			if (g[i].len != 0)
				fail_msg("%s: %zu bytes of body", u[i],
				    g[i].len);
			free(want);
		}
		got_free(&g[i]);
		free(u[i]);
	}
	unlink(fifo);
	free(fifo);
}

static void
test_http_headers_sent(void **state)
{
	struct http_request	 r[2];
	struct got		 g[2];
	char			*u = url_for("/_/echo-headers");

	(void)state;
	memset(g, 0, sizeof g);
	r[0] = request(u);
	/* A validator that would split the request is not sent. */
	r[0].etag = "\"a\"\r\nX-Injected: 1";
	r[1] = request(u);
	r[1].user_agent = "custom-agent/2";
	assert_int_equal(fetch(r, g, 2, 2, NULL), 0);
	assert_null(g[0].error);
	assert_non_null(strstr(g[0].body, "\nUser-Agent: tidings/"));
	assert_non_null(strstr(g[0].body, "\nAccept-Encoding: "));
	assert_null(strstr(g[0].body, "X-Injected"));
	assert_null(strstr(g[0].body, "If-None-Match"));
	assert_non_null(strstr(g[1].body, "\nUser-Agent: custom-agent/2\n"));
	got_free(&g[0]);
	got_free(&g[1]);
	free(u);
}

/* Done callback of the "many" test: the first answer queues one more
 * request, as poll may. */
struct many {
	struct http	*http;
	struct got	*g;
	char		*extra;
	int		 added;
};

static void
many_done(void *arg, void *req_arg, struct http_response *res)
{
	struct many		*m = arg;
	struct http_request	 r;

	got_done(NULL, req_arg, res);
	if (!m->added) {
		m->added = 1;
		r = request(m->extra);
		r.arg = &m->g[50];
		http_add(m->http, &r);
	}
}

static void
test_http_many(void **state)
{
	struct http_options	 o = { 4, 4 };
	struct http_request	 r;
	struct got		 g[51];
	struct many		 m;
	FILE			*f;
	char			*u[51], path[96], *line = NULL, *p;
	size_t			 i, cap = 0, seen = 0;
	long			 active, most = 0;

	(void)state;
	memset(g, 0, sizeof g);
	memset(&m, 0, sizeof m);
	m.http = http_new(&o);
	m.g = g;
	for (i = 0; i < 51; i++) {
		snprintf(path, sizeof path,
		    "/_/slow?file=feed.xml&seconds=0.1&n=%zu", i);
		u[i] = url_for(path);
	}
	m.extra = u[50];
	for (i = 0; i < 50; i++) {
		r = request(u[i]);
		r.arg = &g[i];
		http_add(m.http, &r);
	}
	assert_int_equal(http_run(m.http, many_done, &m, NULL), 0);
	http_free(m.http);
	for (i = 0; i < 51; i++) {
		if (g[i].calls != 1 || g[i].error != NULL)
			fail_msg("%s: %d calls, error %s", u[i], g[i].calls,
			    g[i].error);
		assert_string_equal(g[i].body, feed_xml);
		got_free(&g[i]);
		free(u[i]);
	}

	/* The server never saw more than 4 of them at once. */
	if ((f = fopen(srv.log, "r")) == NULL)
		fail_msg("%s: cannot open", srv.log);
	while (getline(&line, &cap, f) != -1) {
		if (strstr(line, "\t/_/slow?file=feed.xml&seconds=0.1&n=") ==
		    NULL || (p = strstr(line, "\tactive=")) == NULL)
			continue;
		seen++;
		active = strtol(p + 8, NULL, 10);
		if (active > most)
			most = active;
	}
	free(line);
	fclose(f);
	assert_int_equal(seen, 51);
	if (most > 4)
		fail_msg("%ld requests at once", most);
}

/* Done callback of the stop test: the first answer asks to stop. */
static atomic_int stop_flag;

static void
stop_done(void *arg, void *req_arg, struct http_response *res)
{
	got_done(arg, req_arg, res);
	stop_flag = 1;
}

static void
test_http_stop(void **state)
{
	struct http_options	 o = { 4, 4 };
	struct http_request	 r;
	struct http		*h;
	struct got		 g[4];
	char			*fast = url_for("/feed.xml?t=stop");
	char			*stall = url_for("/_/stall?seconds=30");
	size_t			 i;

	(void)state;
	memset(g, 0, sizeof g);
	h = http_new(&o);
	for (i = 0; i < 4; i++) {
		r = request(i == 0 ? fast : stall);
		r.arg = &g[i];
		http_add(h, &r);
	}
	stop_flag = 0;
	assert_int_equal(http_run(h, stop_done, NULL, &stop_flag), -1);
	assert_int_equal(g[0].calls, 1);
	for (i = 1; i < 4; i++)
		assert_int_equal(g[i].calls, 0);

	/* Stopped before it starts: nothing runs; the queue is dropped. */
	r = request(fast);
	r.arg = &g[1];
	http_add(h, &r);
	assert_int_equal(http_run(h, stop_done, NULL, &stop_flag), -1);
	stop_flag = 0;
	assert_int_equal(http_run(h, stop_done, NULL, &stop_flag), 0);
	assert_int_equal(g[1].calls, 0);
	http_free(h);
	got_free(&g[0]);
	free(fast);
	free(stall);
}

/* What a download's sink saw. */
struct sunk {
	struct buf	 data;
	long		 status;
	int64_t		 from, total;
	int		 chunks;
	size_t		 fail_after;	/* > 0: refuse past this many bytes */
};

static char *
sink(void *arg, const struct http_chunk *c)
{
	struct sunk	*k = arg;

	if (k->chunks++ == 0) {
		k->status = c->status;
		k->from = c->from;
		k->total = c->total;
	}
	if (k->fail_after > 0 && k->data.len + c->len > k->fail_after)
		return (xstrdup("the disk is full"));
	buf_add(&k->data, c->data, c->len);
	return (NULL);
}

/* Download path from range_from into a fresh k, the response into g. */
static void
sink_get(const char *path, int64_t range_from, size_t fail_after,
    struct sunk *k, struct got *g)
{
	struct http_request	 r;
	char			*u = url_for(path);

	memset(k, 0, sizeof *k);
	k->data = (struct buf)BUF_INIT;
	k->fail_after = fail_after;
	r = request(u);
	r.sink = sink;
	r.sink_arg = k;
	r.range_from = range_from;
	memset(g, 0, sizeof *g);
	assert_int_equal(fetch(&r, g, 1, 1, NULL), 0);
	free(u);
}

/* A download hands its body to the sink undecoded, asks for a range
 * and is told where the server's answer starts and how big the whole
 * file is; a server that ignores the range answers from 0; a range past
 * the end is a 416 that still says the size; a sink's error stops it. */
static void
test_http_sink_range(void **state)
{
	struct sunk		 k;
	struct got		 g;
	char			*path, *line, file[5000];
	size_t			 i;
	FILE			*f;

	(void)state;
	for (i = 0; i < sizeof file; i++)
		file[i] = (char)(i * 7 + i / 256);
	xasprintf(&path, "%s/ep.mp3", srv.root);
	if ((f = fopen(path, "w")) == NULL)
		fail_msg("%s: cannot create", path);
	fwrite(file, 1, sizeof file, f);
	fclose(f);

	sink_get("/ep.mp3", 1000, 0, &k, &g);
	assert_null(g.error);
	assert_int_equal(g.status, 206);
	assert_int_equal(g.total, 5000);
	assert_int_equal(g.len, 0);
	assert_int_equal(k.status, 206);
	assert_int_equal(k.from, 1000);
	assert_int_equal(k.total, 5000);
	assert_int_equal(k.data.len, 4000);
	assert_memory_equal(k.data.data, file + 1000, 4000);
	line = log_find("/ep.mp3");
	assert_non_null(line);
	assert_non_null(strstr(line, "\tae=-\trange=bytes=1000-\n"));
	free(line);
	got_free(&g);
	buf_release(&k.data);

	/* A server that ignores ranges sends it all, from 0. */
	sink_get("/ep.mp3?range=0", 1000, 0, &k, &g);
	assert_null(g.error);
	assert_int_equal(k.status, 200);
	assert_int_equal(k.from, 0);
	assert_int_equal(k.total, 5000);
	assert_int_equal(k.data.len, 5000);
	assert_memory_equal(k.data.data, file, 5000);
	got_free(&g);
	buf_release(&k.data);

	/* Past the end: 416, with the size. */
	sink_get("/ep.mp3", 5000, 0, &k, &g);
	assert_non_null(g.error);
	assert_int_equal(g.status, 416);
	assert_int_equal(g.total, 5000);
	assert_int_equal(k.chunks, 0);
	got_free(&g);
	buf_release(&k.data);

	/* The sink's error ends the transfer and is the response's. */
	sink_get("/ep.mp3", 0, 100, &k, &g);
	assert_string_equal(g.error, "the disk is full");
	assert_true(k.data.len <= 100);
	got_free(&g);
	buf_release(&k.data);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_http_loads_libcurl_late),
		cmocka_unit_test(test_http_ok),
		cmocka_unit_test(test_http_conditional),
		cmocka_unit_test(test_http_gzip),
		cmocka_unit_test(test_http_redirects),
		cmocka_unit_test(test_http_same_origin),
		cmocka_unit_test(test_http_error_body),
		cmocka_unit_test(test_http_errors),
		cmocka_unit_test(test_http_refused_says_why),
		cmocka_unit_test(test_http_file_url),
		cmocka_unit_test(test_http_file_only_local),
		cmocka_unit_test(test_http_headers_sent),
		cmocka_unit_test(test_http_many),
		cmocka_unit_test(test_http_stop),
		cmocka_unit_test(test_http_sink_range),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
