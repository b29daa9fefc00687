/* poll.c: one refresh, the glue http -> feed -> store.
 *
 * Three stages run at once, so that the network, the parser and the
 * database each keep busy instead of waiting for one another:
 *
 *	caller's thread		http_run(): every due feed on one multi
 *				handle; each finished response is queued
 *	parser threads		feed_parse() on queued responses
 *	store thread		store_update(), one transaction per feed,
 *				then the report callback
 *
 * Feeds read from commands (exec: and filter:, config_feed_source()) go
 * through script threads of their own beside the network: an exec:
 * feed's command starts at once, a filter: feed's when its response
 * arrives, and its standard output goes on to the parsers like a
 * response body. A command that hangs holds one script thread until the
 * feed's download-timeout, never the network or the parsers.
 *
 * The queues are bounded, so a fast network cannot pile up more than a
 * few bodies in memory; when they are full the stage before waits. (The
 * filters' queue is not: the network must never wait for a command, and
 * only the dotfile's few filter: feeds go there.) Only
 * the store thread touches the struct store, so the caller's one
 * connection is used from one thread at a time, as store.h requires.
 *
 * Every response ends in its feed's own transaction, so a refresh
 * interrupted at any point keeps what it finished, and a failure of one
 * feed is data about that feed, never an error of the refresh.
 *
 * Due times: a feed is due when its refresh-interval has passed since its
 * last fetch and no postponement (Retry-After, RSS ttl) is pending. The
 * fetch time recorded is the refresh's start, and a little slack is
 * allowed, so that a cron job every interval does not drift into
 * skipping every other run. */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "charset.h"
#include "config.h"
#include "extract.h"
#include "feed.h"
#include "hook.h"
#include "http.h"
#include "poll.h"
#include "script.h"
#include "store.h"
#include "sync.h"
#include "util.h"

#define POLL_PARSERS	2		/* parser threads */
#define POLL_SCRIPTS	4		/* script threads, at most */
#define POLL_QUEUED	8		/* responses waiting, per queue */
#define POLL_MAX_POSTPONE (7 * 86400)	/* longest a server may park a feed */

struct poll_job {
	const struct config_feed *cf;
	int64_t		 feed_id;
	int		 source;	/* CONFIG_SOURCE_* */
	char		**argv;		/* exec: and filter: command, owned */

	/* What the response said; owned copies, filled by poll_done(). */
	struct buf	 body;
	char		*error;		/* transport or parse error */
	char		*etag;
	char		*last_modified;
	char		*content_type;
	char		*url;
	char		*permanent;
	long		 status;
	long		 retry_after;
	int		 not_modified;

	struct feed	 feed;		/* filled by a parser */
	int		 parsed;
	struct poll_job	*next;		/* in a queue */
};

/* A bounded FIFO of jobs between two stages. */
struct poll_queue {
	struct poll_job	*head, *tail;
	size_t		 n, max;
	int		 closed;	/* no more jobs will be put */
	pthread_cond_t	 nonempty, nonfull;
};

struct poll_ctx {
	const struct config	*cfg;
	struct store		*st;
	int64_t			 now;
	size_t			 done, total;
	struct poll_stats	*stats;
	void			(*report)(void *, const struct poll_result *);
	void			*arg;

	const atomic_int	*stop;

	pthread_mutex_t		 lock;	/* guards the queues and next_exec */
	struct poll_queue	 script, parse, store;
	struct poll_job		**exec;	/* the exec: jobs, run in order */
	size_t			 nexec, next_exec;
};

static void
poll_queue_init(struct poll_queue *q, size_t max)
{
	memset(q, 0, sizeof *q);
	q->max = max;
	pthread_cond_init(&q->nonempty, NULL);
	pthread_cond_init(&q->nonfull, NULL);
}

static void
poll_queue_release(struct poll_queue *q)
{
	pthread_cond_destroy(&q->nonempty);
	pthread_cond_destroy(&q->nonfull);
}

/* Append job to q, waiting while q is full. Called with the lock held. */
static void
poll_queue_put(struct poll_ctx *pc, struct poll_queue *q,
    struct poll_job *job)
{
	while (q->n >= q->max)
		pthread_cond_wait(&q->nonfull, &pc->lock);
	job->next = NULL;
	if (q->tail != NULL)
		q->tail->next = job;
	else
		q->head = job;
	q->tail = job;
	q->n++;
	pthread_cond_signal(&q->nonempty);
}

/* Take the oldest job of q, waiting for one; NULL once q is closed and
 * empty. Called with the lock held. */
static struct poll_job *
poll_queue_get(struct poll_ctx *pc, struct poll_queue *q)
{
	struct poll_job	*job;

	while (q->head == NULL && !q->closed)
		pthread_cond_wait(&q->nonempty, &pc->lock);
	if ((job = q->head) == NULL)
		return (NULL);
	if ((q->head = job->next) == NULL)
		q->tail = NULL;
	q->n--;
	pthread_cond_signal(&q->nonfull);
	return (job);
}

/* Say that nothing more will be put on q. Called with the lock held. */
static void
poll_queue_close(struct poll_queue *q)
{
	q->closed = 1;
	pthread_cond_broadcast(&q->nonempty);
}

/* When a feed last fetched at last (STORE_NOTIME: never), with its last
 * status and postponed until next (STORE_NOTIME: not), is due again: at
 * or before now means now. *why names what decides it. A postponement is
 * honoured for POLL_MAX_POSTPONE at most, also one stored before there
 * was a cap. */
static int64_t
poll_due_at(int64_t interval, int64_t last, long status, int64_t next,
    const char **why)
{
	int64_t	 slack = 0, at = INT64_MIN;

	*why = "refresh-interval";
	if (next != STORE_NOTIME && last != STORE_NOTIME &&
	    next - last > POLL_MAX_POSTPONE)
		next = last + POLL_MAX_POSTPONE;
	if (last != STORE_NOTIME && interval != 0) {
		slack = interval / 4 < 60 ? interval / 4 : 60;
		at = last + interval - slack;
	}
	if (next != STORE_NOTIME && next - slack > at) {
		at = next - slack;
		/* An error answer has no feed, so no ttl: the server's
		 * Retry-After set it. */
		*why = status == 429 || status == 503 ? "Retry-After" : "ttl";
	}
	return (at);
}

/* The earliest next fetch a job asks for, or STORE_NOTIME: what the
 * server's Retry-After or the feed's RSS ttl asks, a week at most, since
 * either may say anything (9223372036854775807 seconds, or ten years). */
static int64_t
poll_postpone(int64_t now, const struct poll_job *job)
{
	int64_t	 wait = 0;

	if (job->retry_after > 0)
		wait = job->retry_after;
	if (job->parsed && job->feed.ttl > 0 &&
	    (int64_t)job->feed.ttl * 60 > wait)
		wait = (int64_t)job->feed.ttl * 60;
	if (wait <= 0)
		return (STORE_NOTIME);
	return (now + (wait < POLL_MAX_POSTPONE ? wait : POLL_MAX_POSTPONE));
}

static char *
poll_strdup(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/* Free what a job holds after its fetch, keeping it reusable. */
static void
poll_job_clear(struct poll_job *job)
{
	buf_release(&job->body);
	free(job->error);
	free(job->etag);
	free(job->last_modified);
	free(job->content_type);
	free(job->url);
	free(job->permanent);
	if (job->parsed)
		feed_release(&job->feed);
	job->error = job->etag = job->last_modified = NULL;
	job->content_type = job->url = job->permanent = NULL;
	job->parsed = 0;
	config_words_free(job->argv);
	job->argv = NULL;
}

/* A response arrived (the caller's thread): keep it and queue it. */
static void
poll_done(void *arg, void *req_arg, struct http_response *res)
{
	struct poll_ctx	*pc = arg;
	struct poll_job	*job = req_arg;

	job->status = res->status;
	job->not_modified = res->not_modified;
	job->retry_after = res->retry_after;
	job->error = poll_strdup(res->error);
	job->etag = poll_strdup(res->etag);
	job->last_modified = poll_strdup(res->last_modified);
	job->content_type = poll_strdup(res->content_type);
	job->url = poll_strdup(res->url);
	job->permanent = poll_strdup(res->permanent);
	job->body.data = buf_detach(&res->body, &job->body.len);
	job->body.cap = job->body.len + 1;
	log_debug("%s: %ld %s, %zu bytes, %.3fs", job->cf->url, res->status,
	    res->error != NULL ? res->error : "ok", job->body.len,
	    res->seconds);

	pthread_mutex_lock(&pc->lock);
	poll_queue_put(pc, job->source == CONFIG_SOURCE_FILTER ? &pc->script :
	    &pc->parse, job);
	pthread_mutex_unlock(&pc->lock);
}

/* Run job's command: an exec: feed's, or a filter: feed's on the body
 * that came (not on an error or a 304). Its output becomes the body, and
 * its failure the job's error. Return -1 when the refresh was stopped:
 * the job is then dropped, like a transfer that never ended. */
static int
poll_script(struct poll_ctx *pc, struct poll_job *job)
{
	struct script_run	 sr;
	struct buf		 out = BUF_INIT;
	char			*cause = NULL;
	int64_t			 t0;
	int			 rc;

	if (job->error != NULL || job->not_modified)
		return (0);
	if (pc->stop != NULL && *pc->stop)
		return (-1);
	memset(&sr, 0, sizeof sr);
	sr.argv = job->argv;
	if (job->source == CONFIG_SOURCE_FILTER) {
		sr.input = job->body.data;
		sr.inlen = job->body.len;
	}
	sr.timeout = config_num(pc->cfg, job->cf, SET_DOWNLOAD_TIMEOUT);
	sr.max_bytes = (size_t)config_num(pc->cfg, job->cf,
	    SET_MAX_RESPONSE_SIZE);
	sr.stop = pc->stop;
	t0 = time_now();
	rc = script_run(&sr, &out, &cause);
	log_debug("%s: %s, %zu bytes, %llds", job->cf->url,
	    rc == 0 ? "ok" : cause, out.len, (long long)(time_now() - t0));
	if (rc != 0 && pc->stop != NULL && *pc->stop) {
		free(cause);
		buf_release(&out);
		return (-1);
	}
	buf_release(&job->body);
	if (rc != 0) {
		job->error = cause;
		buf_release(&out);
	} else {
		job->body.data = buf_detach(&out, &job->body.len);
		job->body.cap = job->body.len + 1;
	}
	/* The command's output says for itself what it is. */
	free(job->content_type);
	job->content_type = NULL;
	return (0);
}

/* A script thread: run the exec: commands, and the filter: commands as
 * their responses arrive (those first, since the network has finished
 * with them), and pass what they print on to the parsers. */
static void *
poll_scripter(void *arg)
{
	struct poll_ctx	*pc = arg;
	struct poll_job	*job;

	for (;;) {
		pthread_mutex_lock(&pc->lock);
		if (pc->script.head == NULL && pc->next_exec < pc->nexec)
			job = pc->exec[pc->next_exec++];
		else
			job = poll_queue_get(pc, &pc->script);
		pthread_mutex_unlock(&pc->lock);
		if (job == NULL)
			break;
		if (poll_script(pc, job) != 0) {
			poll_job_clear(job);
			continue;
		}
		pthread_mutex_lock(&pc->lock);
		poll_queue_put(pc, &pc->parse, job);
		pthread_mutex_unlock(&pc->lock);
	}
	return (NULL);
}

/* A parser thread: turn queued bodies into feeds. */
static void *
poll_parser(void *arg)
{
	struct poll_ctx	*pc = arg;
	struct poll_job	*job;
	char		*cause;

	for (;;) {
		pthread_mutex_lock(&pc->lock);
		job = poll_queue_get(pc, &pc->parse);
		pthread_mutex_unlock(&pc->lock);
		if (job == NULL)
			break;
		if (job->error == NULL && !job->not_modified) {
			/* An exec: feed has no address: its links are
			 * relative to the link it names itself. */
			if (feed_parse_response(job->body.data, job->body.len,
			    job->source == CONFIG_SOURCE_EXEC ? NULL :
			    job->url != NULL ? job->url : job->cf->url,
			    job->content_type, &job->feed, &cause) == 0)
				job->parsed = 1;
			else
				job->error = cause;
		}
		buf_release(&job->body);	/* the feed holds what it needs */
		pthread_mutex_lock(&pc->lock);
		poll_queue_put(pc, &pc->store, job);
		pthread_mutex_unlock(&pc->lock);
	}
	return (NULL);
}

/* Store one parsed job and report it (the store thread). */
static void
poll_store(struct poll_ctx *pc, struct poll_job *job)
{
	const struct config_feed *cf = job->cf;
	struct store_fetch	 fx;
	struct poll_result	 r;
	char			*cause = NULL;
	int			 nnew = 0;

	memset(&fx, 0, sizeof fx);
	fx.time = pc->now;
	fx.status = job->status;
	fx.error = job->error;
	fx.not_modified = job->not_modified;
	fx.etag = job->etag;
	fx.last_modified = job->last_modified;
	fx.redirect = job->permanent;
	fx.next = poll_postpone(pc->now, job);
	if (store_update(pc->st, job->feed_id, &fx,
	    job->parsed ? &job->feed : NULL,
	    config_num(pc->cfg, cf, SET_MAX_ITEMS),
	    config_num(pc->cfg, cf, SET_ITEM_RETENTION), &nnew, &cause) != 0) {
		log_debug("%s: not stored: %s", cf->url, cause);
		nnew = 0;
	}

	memset(&r, 0, sizeof r);
	r.feed = cf;
	r.error = cause != NULL ? cause : job->error;
	r.redirect = job->permanent;
	r.status = job->status;
	r.not_modified = job->not_modified;
	r.nnew = nnew;
	r.dropped = job->parsed ? job->feed.dropped : 0;
	r.done = ++pc->done;
	r.total = pc->total;
	if (r.error != NULL)
		pc->stats->failed++;
	else if (r.not_modified)
		pc->stats->not_modified++;
	else
		pc->stats->ok++;
	pc->stats->nnew += nnew;
	if (nnew > 0)
		pc->stats->feeds_new++;
	if (pc->report != NULL)
		pc->report(pc->arg, &r);
	free(cause);
	poll_job_clear(job);
}

/* The store thread: write parsed jobs until the parsers are done. */
static void *
poll_storer(void *arg)
{
	struct poll_ctx	*pc = arg;
	struct poll_job	*job;

	for (;;) {
		pthread_mutex_lock(&pc->lock);
		job = poll_queue_get(pc, &pc->store);
		pthread_mutex_unlock(&pc->lock);
		if (job == NULL)
			break;
		poll_store(pc, job);
	}
	return (NULL);
}

/* Fill in req for url with the fetch settings of cf (NULL: the global
 * ones): user agent, timeouts, size cap and redirects. */
static void
poll_request(const struct config *cfg, const struct config_feed *cf,
    const char *url, struct http_request *req)
{
	memset(req, 0, sizeof *req);
	req->url = url;
	req->user_agent = config_str(cfg, cf, SET_USER_AGENT);
	req->connect_timeout = config_num(cfg, cf, SET_CONNECT_TIMEOUT);
	req->timeout = config_num(cfg, cf, SET_DOWNLOAD_TIMEOUT);
	req->stall_timeout = config_num(cfg, cf, SET_STALL_TIMEOUT);
	req->max_bytes = (size_t)config_num(cfg, cf, SET_MAX_RESPONSE_SIZE);
	req->max_redirects = config_num(cfg, cf, SET_MAX_REDIRECTS);
}

/* Queue a request for every due feed. Return how many, or -1. */
static int
poll_queue_due(struct poll_ctx *pc, struct http *http, struct poll_job *jobs,
    int flags, char **cause)
{
	const struct config	*cfg = pc->cfg;
	const struct config_feed *cf;
	struct http_request	 req;
	struct store_feed	 sf;
	struct poll_result	 r;
	size_t			 i, n = 0;
	int64_t			 at;
	const char		*why, *url;
	int			 found;

	for (i = 0; i < cfg->nfeeds; i++) {
		cf = &cfg->feeds[i];
		if (cf->sync != 0)
			continue;	/* its server's sync brings it */
		if ((found = store_feed_get(pc->st, cf->url, &sf, cause)) < 0)
			return (-1);
		at = found ? poll_due_at(config_num(cfg, cf,
		    SET_REFRESH_INTERVAL), sf.last_fetch, sf.status,
		    sf.next_fetch, &why) : INT64_MIN;
		if (!(flags & POLL_ALL) && at > pc->now) {
			store_feed_release(&sf);
			pc->stats->skipped++;
			if ((flags & POLL_SKIPPED) && pc->report != NULL) {
				memset(&r, 0, sizeof r);
				r.feed = cf;
				r.not_due = at;
				r.not_due_why = why;
				pc->report(pc->arg, &r);
			}
			continue;
		}
		if (found)
			jobs[n].feed_id = sf.id;
		else if (store_feed_id(pc->st, cf->url, &jobs[n].feed_id,
		    cause) != 0)
			return (-1);
		jobs[n].cf = cf;

		/* The dotfile's parser checked the command already. */
		jobs[n].source = config_feed_source(cf->url, 1, &jobs[n].argv,
		    &url, &jobs[n].error);
		if (jobs[n].source == CONFIG_SOURCE_URL)
			url = cf->url;
		else if (jobs[n].source != CONFIG_SOURCE_FILTER ||
		    jobs[n].error != NULL) {
			jobs[n].source = CONFIG_SOURCE_EXEC;
			pc->exec[pc->nexec++] = &jobs[n];
			if (found)
				store_feed_release(&sf);
			n++;
			continue;
		}
		poll_request(cfg, cf, url, &req);
		req.local = 1;		/* the user's own: file:// may be read */
		req.etag = found ? sf.etag : NULL;
		req.last_modified = found ? sf.last_modified : NULL;
		req.arg = &jobs[n];
		http_add(http, &req);	/* copies the strings */
		if (found)
			store_feed_release(&sf);
		n++;
	}
	return ((int)n);
}

/* Sync every server of the config that is due, one after another, after
 * the feeds (whose storer thread has ended: this thread may write). A
 * server that fails is a result with its error; its queue is kept. */
static void
poll_syncs(struct poll_ctx *pc, int flags, const atomic_int *stop)
{
	const struct config	*cfg = pc->cfg;
	struct sync_stats	 ss;
	struct poll_result	 r;
	int64_t			 last, marks;
	size_t			 i;
	char			*key, *error = NULL;

	for (i = 0; i < cfg->nsyncs; i++) {
		if (stop != NULL && atomic_load(stop))
			break;
		key = sync_key(&cfg->syncs[i]);
		if (!(flags & POLL_ALL) && store_sync_last(pc->st, key, &last,
		    &marks, &error) == 0 && last != STORE_NOTIME && last +
		    config_num(cfg, NULL, SET_REFRESH_INTERVAL) > pc->now) {
			pc->stats->skipped++;
			free(key);
			continue;
		}
		free(error);
		error = NULL;
		memset(&r, 0, sizeof r);
		r.sync = &cfg->syncs[i];
		pc->stats->feeds++;
		pc->stats->syncs++;
		if (sync_run(cfg, &cfg->syncs[i], pc->st, stop, &ss,
		    &error) == 0) {
			pc->stats->ok++;
			r.status = 200;
		} else {
			pc->stats->failed++;
			r.error = error;
		}
		r.nnew = ss.nnew;
		pc->stats->nnew += ss.nnew;
		pc->stats->feeds_new += ss.nnew > 0;
		pc->stats->requests += ss.requests;
		pc->stats->sent += ss.sent;
		pc->total++;
		r.done = ++pc->done;
		r.total = pc->total;
		if (pc->report != NULL)
			pc->report(pc->arg, &r);
		free(error);
		error = NULL;
		free(key);
	}
}

int
poll_refresh(const struct config *cfg, struct store *st, int flags,
    void (*report)(void *, const struct poll_result *), void *arg,
    struct poll_stats *stats, const atomic_int *stop, char **cause)
{
	struct http_options	 ho;
	struct http		*http;
	struct poll_job		*jobs;
	struct poll_ctx		 pc;
	pthread_t		 parsers[POLL_PARSERS], storer;
	pthread_t		 scripts[POLL_SCRIPTS];
	size_t			 i, nscripts = 0;
	char			*why;
	int			 n;

	memset(stats, 0, sizeof *stats);
	/* What is fetched is marked with the killfile as it is stored. */
	if (poll_store_config(st, cfg, 0, cause) != 0)
		return (-1);
	memset(&pc, 0, sizeof pc);
	pc.cfg = cfg;
	pc.st = st;
	pc.now = time_now();
	pc.stats = stats;
	pc.report = report;
	pc.arg = arg;
	pc.stop = stop;

	jobs = xcalloc(cfg->nfeeds, sizeof *jobs);
	pc.exec = xcalloc(cfg->nfeeds, sizeof *pc.exec);
	for (i = 0; i < cfg->nfeeds; i++)
		buf_init(&jobs[i].body);
	ho.max_total = config_num(cfg, NULL, SET_MAX_CONNECTIONS);
	ho.max_host = config_num(cfg, NULL, SET_MAX_HOST_CONNECTIONS);
	http = http_new(&ho);
	if ((n = poll_queue_due(&pc, http, jobs, flags, cause)) < 0) {
		http_free(http);
		for (i = 0; i < cfg->nfeeds; i++)
			poll_job_clear(&jobs[i]);
		free(jobs);
		free(pc.exec);
		return (-1);
	}
	pc.total = (size_t)n;
	stats->feeds = n;
	for (i = 0; i < (size_t)n; i++)
		if (jobs[i].source != CONFIG_SOURCE_URL)
			nscripts++;
	if (nscripts > POLL_SCRIPTS)
		nscripts = POLL_SCRIPTS;

	pthread_mutex_init(&pc.lock, NULL);
	poll_queue_init(&pc.script, SIZE_MAX);
	poll_queue_init(&pc.parse, POLL_QUEUED);
	poll_queue_init(&pc.store, POLL_QUEUED);
	for (i = 0; i < nscripts; i++)
		if (pthread_create(&scripts[i], NULL, poll_scripter, &pc) != 0)
			fatalx("pthread_create failed");
	for (i = 0; i < POLL_PARSERS; i++)
		if (pthread_create(&parsers[i], NULL, poll_parser, &pc) != 0)
			fatalx("pthread_create failed");
	if (pthread_create(&storer, NULL, poll_storer, &pc) != 0)
		fatalx("pthread_create failed");

	/* An interrupted run still stores every response it received. */
	http_run(http, poll_done, &pc, stop);

	pthread_mutex_lock(&pc.lock);
	poll_queue_close(&pc.script);
	pthread_mutex_unlock(&pc.lock);
	for (i = 0; i < nscripts; i++)
		pthread_join(scripts[i], NULL);
	pthread_mutex_lock(&pc.lock);
	poll_queue_close(&pc.parse);
	pthread_mutex_unlock(&pc.lock);
	for (i = 0; i < POLL_PARSERS; i++)
		pthread_join(parsers[i], NULL);
	pthread_mutex_lock(&pc.lock);
	poll_queue_close(&pc.store);
	pthread_mutex_unlock(&pc.lock);
	pthread_join(storer, NULL);

	poll_queue_release(&pc.script);
	poll_queue_release(&pc.parse);
	poll_queue_release(&pc.store);
	pthread_mutex_destroy(&pc.lock);
	http_free(http);
	for (i = 0; i < cfg->nfeeds; i++)	/* those never finished */
		poll_job_clear(&jobs[i]);
	free(jobs);
	free(pc.exec);
	poll_syncs(&pc, flags, stop);
	if (stats->nnew > 0 && poll_notify(cfg, st, stats, &why) != 0) {
		log_debug("notify-command: %s", why);
		snprintf(stats->notify_error, sizeof stats->notify_error,
		    "%s", why);
		free(why);
	}
	return (0);
}

int
poll_notify(const struct config *cfg, struct store *st,
    const struct poll_stats *stats, char **cause)
{
	extern char	**environ;
	const char	*cmd;
	char		**argv, **envp, **urls;
	struct buf	 word = BUF_INIT;
	int64_t		 counts[COUNT__N];
	size_t		 i, n, nenv;
	int		 rc;

	cmd = config_str(cfg, NULL, SET_NOTIFY_COMMAND);
	if (cmd == NULL || *cmd == '\0')
		return (0);
	if (config_words(cmd, &argv, &n, cause) != 0)
		return (-1);
	if (n == 0) {
		config_words_free(argv);
		return (0);
	}
	counts[COUNT_NEW] = stats->nnew;
	counts[COUNT_NEW_FEEDS] = stats->feeds_new;
	counts[COUNT_UNREAD_FEEDS] = counts[COUNT_ITEMS] = COUNT_UNKNOWN;
	/* The dotfile's feeds only: a dropped feed's items wait for gc. */
	urls = xreallocarray(NULL, cfg->nfeeds + 1, sizeof *urls);
	for (i = 0; i < cfg->nfeeds; i++)
		urls[i] = cfg->feeds[i].url;
	counts[COUNT_UNREAD] = store_unread_urls(st, urls, cfg->nfeeds, cause);
	free(urls);
	if (counts[COUNT_UNREAD] < 0) {
		config_words_free(argv);
		return (-1);
	}
	for (i = 0; i < n; i++) {
		buf_reset(&word);
		counts_expand(&word, argv[i], counts);
		free(argv[i]);
		argv[i] = xstrdup(word.data);
	}
	buf_release(&word);
	util_expand_argv(argv);
	for (nenv = 0; environ[nenv] != NULL; nenv++)
		;
	envp = xreallocarray(NULL, nenv + 4, sizeof *envp);
	n = 0;
	for (i = 0; i < nenv; i++)
		if (strncmp(environ[i], "TIDINGS_", 8) != 0)
			envp[n++] = xstrdup(environ[i]);
	xasprintf(&envp[n++], "TIDINGS_NEW=%lld",
	    (long long)counts[COUNT_NEW]);
	xasprintf(&envp[n++], "TIDINGS_NEW_FEEDS=%lld",
	    (long long)counts[COUNT_NEW_FEEDS]);
	xasprintf(&envp[n++], "TIDINGS_UNREAD=%lld",
	    (long long)counts[COUNT_UNREAD]);
	envp[n] = NULL;
	rc = hook_detach(argv, envp, cause);
	config_words_free(envp);
	config_words_free(argv);
	return (rc);
}

struct poll_page {
	struct buf	 body;
	char		*content_type;
	char		*url;
	char		*error;
};

static void
poll_page_done(void *arg, void *req_arg, struct http_response *res)
{
	struct poll_page	*pg = arg;

	(void)req_arg;
	pg->error = poll_strdup(res->error);
	pg->content_type = poll_strdup(res->content_type);
	pg->url = poll_strdup(res->url);
	pg->body.data = buf_detach(&res->body, &pg->body.len);
	pg->body.cap = pg->body.len + 1;
}

/* Fetch the page at url with the fetch settings of cf into *pg (release
 * it with poll_page_release()); a file:// URL only when local says the
 * user gave it. Return 0, or -1 and set *cause. */
static int
poll_get_page(const struct config *cfg, const struct config_feed *cf,
    const char *url, int local, const atomic_int *stop,
    struct poll_page *pg, char **cause)
{
	struct http_options	 ho;
	struct http_request	 req;
	struct http		*http;

	memset(pg, 0, sizeof *pg);
	buf_init(&pg->body);
	ho.max_total = 1;
	ho.max_host = 1;
	poll_request(cfg, cf, url, &req);
	req.local = local;
	http = http_new(&ho);
	http_add(http, &req);
	if (http_run(http, poll_page_done, pg, stop) != 0) {
		http_free(http);
		*cause = xstrdup("interrupted");
		return (-1);
	}
	http_free(http);
	if (pg->error != NULL) {
		*cause = pg->error;
		pg->error = NULL;
		free(pg->content_type);
		free(pg->url);
		buf_release(&pg->body);
		return (-1);
	}
	return (0);
}

/* Free what poll_get_page() filled in. */
static void
poll_page_release(struct poll_page *pg)
{
	free(pg->content_type);
	free(pg->url);
	buf_release(&pg->body);
}

struct article *
poll_article(const struct config *cfg, const struct config_feed *cf,
    const char *url, const atomic_int *stop, char **cause)
{
	struct poll_page	 pg;
	struct article		*art;
	char			*charset;

	/* A page's URL comes from a feed: never a local file. */
	if (poll_get_page(cfg, cf, url, 0, stop, &pg, cause) != 0)
		return (NULL);
	charset = pg.content_type != NULL ?
	    charset_from_content_type(pg.content_type) : NULL;
	art = extract_page(pg.body.data != NULL ? pg.body.data : "",
	    pg.body.len, pg.url != NULL ? pg.url : url, charset);
	free(charset);
	poll_page_release(&pg);
	return (art);
}

int
poll_keep_article(struct store *st, int64_t item_id,
    const struct article *art, char **cause)
{
	struct store_article	 sa;
	struct buf		 html = BUF_INIT;
	int			 rc;

	extract_html(art, &html);
	/* The strings are borrowed: store_article_put() only reads them. */
	memset(&sa, 0, sizeof sa);
	sa.item_id = item_id;
	sa.url = (char *)art->url;
	sa.title = (char *)art->title;
	sa.byline = (char *)art->byline;
	sa.site_name = (char *)art->site_name;
	sa.lead_image = (char *)art->lead_image;
	sa.published = art->has_published ? art->published : STORE_NOTIME;
	sa.body = html.data;
	sa.fetched = time_now();
	rc = store_article_put(st, &sa, cause);
	buf_release(&html);
	return (rc);
}

int
poll_fetch_article(const struct config *cfg, const struct config_feed *cf,
    struct store *st, int64_t item_id, const atomic_int *stop,
    char **why, char **cause)
{
	struct store_body	 body;
	struct article		*art;
	int			 rc;

	*why = NULL;
	if ((rc = store_item_get(st, item_id, &body, cause)) < 0)
		return (-1);
	if (rc == 0) {
		*why = xstrdup("the item is gone: a refresh removed it");
		return (0);
	}
	if (body.item.link == NULL || *body.item.link == '\0') {
		store_body_release(&body);
		*why = xstrdup("the item has no link to fetch");
		return (0);
	}
	art = poll_article(cfg, cf, body.item.link, stop, why);
	store_body_release(&body);
	if (*stop) {
		/* Interrupted: not the page's fault, so nothing is kept. */
		extract_free(art);
		free(*why);
		*why = xstrdup("interrupted");
		return (0);
	}
	if (art != NULL && art->nblocks == 0) {
		extract_free(art);
		art = NULL;
		*why = xstrdup("no article found on the page");
	}
	if (art != NULL) {
		rc = poll_keep_article(st, item_id, art, cause);
		extract_free(art);
		log_debug("article: item %lld: kept", (long long)item_id);
		return (rc < 0 ? -1 : 1);
	}
	log_debug("article: item %lld: %s", (long long)item_id, *why);
	if (store_article_failed(st, item_id, time_now(), *why, cause) < 0) {
		free(*why);
		*why = NULL;
		return (-1);
	}
	return (0);
}

int
poll_prefetch(const struct config *cfg, struct store *st, int64_t since,
    size_t limit, const atomic_int *stop,
    struct poll_prefetch_stats *stats, char **cause)
{
	const struct config_feed	*cf;
	int64_t				 feed, *ids;
	size_t				 i, k, n;
	char				*why;
	int				 rc;

	for (i = 0; i < cfg->nfeeds && !*stop; i++) {
		cf = &cfg->feeds[i];
		if (config_num(cfg, cf, SET_FULL_ARTICLE) == 0)
			continue;
		if (store_feed_id(st, cf->url, &feed, cause) != 0 ||
		    store_articles_wanted(st, feed, since, limit, &ids, &n,
		    cause) != 0)
			return (-1);
		for (k = 0; k < n && !*stop; k++) {
			if ((rc = poll_fetch_article(cfg, cf, st, ids[k], stop,
			    &why, cause)) < 0) {
				free(ids);
				return (-1);
			}
			free(why);
			if (rc > 0)
				stats->kept++;
			else if (!*stop)
				stats->failed++;
		}
		free(ids);
	}
	return (0);
}

int
poll_discover(const struct config *cfg, const char *url,
    const atomic_int *stop, struct poll_found **found, size_t *n,
    char **cause)
{
	struct poll_page		 pg;
	struct extract_feed_link	*links;
	struct feed			 f;
	struct buf			 q = BUF_INIT, r = BUF_INIT;
	char				*charset, *why;
	const char			*page;
	size_t				 i, nlinks;

	*found = NULL;
	*n = 0;
	/* The URL is the user's, typed: it may name a local file. */
	if (poll_get_page(cfg, NULL, url, 1, stop, &pg, cause) != 0)
		return (-1);
	page = pg.url != NULL ? pg.url : url;
	charset = pg.content_type != NULL ?
	    charset_from_content_type(pg.content_type) : NULL;
	if (feed_parse_response(pg.body.data, pg.body.len, page,
	    pg.content_type, &f, &why) == 0) {
		*found = xcalloc(1, sizeof **found);
		(*found)->url = xstrdup(url);
		(*found)->title = f.title != NULL ? xstrdup(f.title) : NULL;
		*n = 1;
		feed_release(&f);
	} else {
		free(why);
		nlinks = extract_feed_links(pg.body.data, pg.body.len, page,
		    charset, &links);
		if (nlinks > 0)
			*found = xreallocarray(NULL, nlinks, sizeof **found);
		for (i = 0; i < nlinks; i++) {
			/* A page is the network's: a file:// link (a local
			 * file, /dev/tty) must not reach the dotfile, where
			 * it would be read as the user's own. */
			if (config_check_import_url(links[i].url, &why) != 0) {
				log_debug("add: %s: skipped: %s", url, why);
				if (r.len == 0)
					buf_addstr(&r, why);
				free(why);
				free(links[i].url);
				free(links[i].title);
				continue;
			}
			(*found)[*n].url = links[i].url;
			(*found)[*n].title = links[i].title;
			(*n)++;
		}
		free(links);
	}
	free(charset);
	poll_page_release(&pg);
	if (*n > 0) {
		buf_release(&r);
		return (0);
	}
	free(*found);
	*found = NULL;
	if (r.len > 0)
		xasprintf(cause, "%s names no feed that can be added: %s",
		    text_printable(&q, url), r.data);
	else
		xasprintf(cause, "%s is not a feed, and names none in a "
		    "<link rel=\"alternate\">", text_printable(&q, url));
	buf_release(&q);
	buf_release(&r);
	return (-1);
}

/* Free what poll_discover() found. */
void
poll_found_free(struct poll_found *found, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(found[i].url);
		free(found[i].title);
	}
	free(found);
}

/* Hand the dotfile's titles, tags, killfile and highlight rules to a
 * store connection. */
int
poll_store_config(struct store *st, const struct config *cfg, int mark,
    char **cause)
{
	const struct filter	**rules;
	struct buf		 b = BUF_INIT;
	char			**urls, **titles, **tags;
	size_t			 i, j;
	int			 rc;

	urls = xreallocarray(NULL, cfg->nfeeds + 1, sizeof *urls);
	titles = xreallocarray(NULL, cfg->nfeeds + 1, sizeof *titles);
	tags = xreallocarray(NULL, cfg->nfeeds + 1, sizeof *tags);
	for (i = 0; i < cfg->nfeeds; i++) {
		urls[i] = cfg->feeds[i].url;
		titles[i] = cfg->feeds[i].title;
		buf_reset(&b);
		for (j = 0; j < cfg->feeds[i].ntags; j++)
			buf_addf(&b, "%s%s", j > 0 ? " " : "",
			    cfg->feeds[i].tags[j]);
		tags[i] = xstrdup(b.data);
	}
	rules = xreallocarray(NULL, cfg->nignores + 1, sizeof *rules);
	for (i = 0; i < cfg->nignores; i++)
		rules[i] = cfg->ignores[i].filter;
	rc = store_set_feeds(st, urls, titles, tags, cfg->nfeeds, cause);
	if (rc == 0)
		rc = store_set_ignore(st, rules, cfg->nignores, mark, cause);
	rules = xreallocarray(rules, cfg->nhighlights + 1, sizeof *rules);
	for (i = 0; i < cfg->nhighlights; i++)
		rules[i] = cfg->highlights[i].filter;
	if (rc == 0)
		rc = store_set_highlights(st, rules, cfg->nhighlights, cause);
	for (i = 0; i < cfg->nfeeds; i++)
		free(tags[i]);
	free(urls);
	free(titles);
	free(tags);
	free(rules);
	buf_release(&b);
	return (rc);
}
