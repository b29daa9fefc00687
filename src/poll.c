/* poll.c: one refresh, the glue http -> feed -> store.
 *
 * Every due feed is queued on one http multi handle; as each response
 * arrives it is parsed and stored in that feed's own transaction, so a
 * refresh interrupted at any point keeps what it finished and a failure
 * of one feed is data about that feed, never an error of the refresh.
 *
 * Due times: a feed is due when its refresh-interval has passed since its
 * last fetch and no postponement (Retry-After, RSS ttl) is pending. The
 * fetch time recorded is the refresh's start, and a little slack is
 * allowed, so that a cron job every interval does not drift into
 * skipping every other run. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"
#include "config.h"
#include "feed.h"
#include "http.h"
#include "poll.h"
#include "store.h"
#include "util.h"

struct poll_job {
	const struct config_feed *cf;
	int64_t		 feed_id;
};

struct poll_ctx {
	const struct config	*cfg;
	struct store		*st;
	int64_t			 now;
	size_t			 done, total;
	struct poll_stats	*stats;
	void			(*report)(void *, const struct poll_result *);
	void			*arg;
};

/* Whether a feed last fetched at last (postponed until next) is due. */
static int
poll_due(int64_t now, int64_t interval, int64_t last, int64_t next)
{
	int64_t	 slack;

	if (last == STORE_NOTIME || interval == 0)
		return (next == STORE_NOTIME || next <= now);
	slack = interval / 4 < 60 ? interval / 4 : 60;
	if (last + interval - slack > now)
		return (0);
	return (next == STORE_NOTIME || next <= now + slack);
}

/* The earliest next fetch a response asks for, or STORE_NOTIME. */
static int64_t
poll_postpone(int64_t now, const struct http_response *res,
    const struct feed *f)
{
	int64_t	 next = STORE_NOTIME;

	if (res->retry_after > 0)
		next = now + res->retry_after;
	if (f != NULL && f->ttl > 0 &&
	    (next == STORE_NOTIME || now + (int64_t)f->ttl * 60 > next))
		next = now + (int64_t)f->ttl * 60;
	return (next);
}

/* One response: parse it, store it, report it. */
static void
poll_done(void *arg, void *req_arg, struct http_response *res)
{
	struct poll_ctx		*pc = arg;
	struct poll_job		*job = req_arg;
	const struct config_feed *cf = job->cf;
	struct store_fetch	 fx;
	struct poll_result	 r;
	struct feed		 f;
	char			*charset, *perr = NULL, *serr = NULL;
	int			 parsed = 0, nnew = 0;

	memset(&fx, 0, sizeof fx);
	fx.time = pc->now;
	fx.status = res->status;
	fx.error = res->error;
	fx.not_modified = res->not_modified;
	fx.etag = res->etag;
	fx.last_modified = res->last_modified;
	fx.redirect = res->permanent;
	if (res->error == NULL && !res->not_modified) {
		charset = charset_from_content_type(res->content_type);
		if (feed_parse(res->body.data, res->body.len,
		    res->url != NULL ? res->url : cf->url, charset, &f,
		    &perr) == 0)
			parsed = 1;
		else
			fx.error = perr;
		free(charset);
	}
	fx.next = poll_postpone(pc->now, res, parsed ? &f : NULL);
	if (store_update(pc->st, job->feed_id, &fx, parsed ? &f : NULL,
	    config_num(pc->cfg, cf, SET_MAX_ITEMS),
	    config_num(pc->cfg, cf, SET_ITEM_RETENTION), &nnew, &serr) != 0)
		log_debug("%s: not stored: %s", cf->url, serr);
	if (parsed)
		feed_free(&f);

	memset(&r, 0, sizeof r);
	r.feed = cf;
	r.error = serr != NULL ? serr : fx.error;
	r.redirect = res->permanent;
	r.status = res->status;
	r.not_modified = res->not_modified;
	r.nnew = serr != NULL ? 0 : nnew;
	r.done = ++pc->done;
	r.total = pc->total;
	if (r.error != NULL)
		pc->stats->failed++;
	else if (r.not_modified)
		pc->stats->not_modified++;
	else
		pc->stats->ok++;
	pc->stats->nnew += r.nnew;
	log_debug("%s: %ld %s, %d new, %.3fs", cf->url, res->status,
	    r.error != NULL ? r.error : "ok", r.nnew, res->seconds);
	if (pc->report != NULL)
		pc->report(pc->arg, &r);
	free(perr);
	free(serr);
}

int
poll_refresh(const struct config *cfg, struct store *st, int flags,
    void (*report)(void *, const struct poll_result *), void *arg,
    struct poll_stats *stats, volatile sig_atomic_t *stop, char **cause)
{
	struct http_options	 ho;
	struct http_request	 req;
	struct http		*http;
	struct poll_job		*jobs;
	struct poll_ctx		 pc;
	struct store_feed	 sf;
	const struct config_feed *cf;
	size_t			 i, n = 0;
	int			 found, rc;

	memset(stats, 0, sizeof *stats);
	memset(&pc, 0, sizeof pc);
	pc.cfg = cfg;
	pc.st = st;
	pc.now = time_now();
	pc.stats = stats;
	pc.report = report;
	pc.arg = arg;

	jobs = xcalloc(cfg->nfeeds, sizeof *jobs);
	ho.max_total = config_num(cfg, NULL, SET_MAX_CONNECTIONS);
	ho.max_host = config_num(cfg, NULL, SET_MAX_HOST_CONNECTIONS);
	http = http_new(&ho);
	for (i = 0; i < cfg->nfeeds; i++) {
		cf = &cfg->feeds[i];
		if ((found = store_feed_get(st, cf->url, &sf, cause)) < 0)
			goto fail;
		if (found) {
			if (!(flags & POLL_ALL) && !poll_due(pc.now,
			    config_num(cfg, cf, SET_REFRESH_INTERVAL),
			    sf.last_fetch, sf.next_fetch)) {
				store_feed_release(&sf);
				stats->skipped++;
				continue;
			}
			jobs[n].feed_id = sf.id;
		} else if (store_feed_id(st, cf->url, &jobs[n].feed_id,
		    cause) != 0)
			goto fail;
		jobs[n].cf = cf;

		memset(&req, 0, sizeof req);
		req.url = cf->url;
		req.etag = found ? sf.etag : NULL;
		req.last_modified = found ? sf.last_modified : NULL;
		req.user_agent = config_str(cfg, cf, SET_USER_AGENT);
		req.connect_timeout = config_num(cfg, cf, SET_CONNECT_TIMEOUT);
		req.timeout = config_num(cfg, cf, SET_DOWNLOAD_TIMEOUT);
		req.stall_timeout = config_num(cfg, cf, SET_STALL_TIMEOUT);
		req.max_bytes = (size_t)config_num(cfg, cf,
		    SET_MAX_RESPONSE_SIZE);
		req.max_redirects = config_num(cfg, cf, SET_MAX_REDIRECTS);
		req.arg = &jobs[n];
		http_add(http, &req);
		if (found)
			store_feed_release(&sf);
		n++;
	}
	pc.total = n;
	stats->feeds = (int)n;
	rc = http_run(http, poll_done, &pc, stop);
	http_free(http);
	free(jobs);
	(void)rc;		/* an interrupted run kept what it finished */
	return (0);

fail:
	http_free(http);
	free(jobs);
	return (-1);
}
