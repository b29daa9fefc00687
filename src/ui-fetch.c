/* ui-fetch.c: fetching full articles in the background.
 *
 * One worker thread, started when the first article is asked for, takes
 * items off a queue one at a time and, on a store connection of its own
 * (store.h: one connection per thread), fetches, extracts and keeps each
 * item's page, or the error, with poll_fetch_article(), as the headless
 * prefetch does. Then it notes the item as done under the lock and
 * writes a byte to a self-pipe, which the loop polls beside the
 * terminal, as ui-refresh.c does: the worker never touches curses or the
 * UI's connection, and the loop reads the article back from the store.
 * Nor does it touch the UI's config, which ":add" and ":set" change: a
 * job names its feed by config id, and the worker looks it up in the
 * newest snapshot of the config (config.h), which it holds while the job
 * runs.
 *
 * What the reader asks for goes to the front of the queue; the prefetch
 * after a refresh (new items of feeds with full-article set) goes to the
 * back, so an article the reader waits for is never behind a hundred
 * that nobody is reading yet. One page at a time keeps the prefetch from
 * competing with the feeds' own refresh for connections. An item is in
 * the queue at most once.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "poll.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

#define FETCH_PREFETCH_MAX	50	/* items of one feed per refresh */

/* Set up the pipe and the lock; the thread starts with the first job. */
int
ui_fetch_init(struct ui *ui)
{
	return (ui_worker_init(&ui->fetch.w, ui));
}

/* Give the worker the newest snapshot of the config, for its next job. */
void
ui_fetch_config(struct ui *ui)
{
	ui_worker_config(&ui->fetch.w, ui);
}

/* Fetch one item's article with the settings of cfg, a snapshot, and keep
 * it, or its error, in st. Return the error to show (NULL on success),
 * for the caller to free. */
static char *
fetch_one(struct ui_fetch *fc, const struct config *cfg, struct store *st,
    const struct ui_fetch_job *j)
{
	char	*why, *cause;

	switch (poll_fetch_article(cfg, config_feed_find(cfg, j->feed), st,
	    j->item_id, &fc->w.stop, &why, &cause)) {
	case 1:
		return (NULL);
	case 0:
		return (why);
	default:
		log_debug("fetch: %s", cause);
		return (cause);
	}
}

/* The worker: take jobs until told to quit. */
static void *
fetch_main(void *arg)
{
	struct ui_fetch		*fc = arg;
	struct ui_fetch_job	 j;
	struct config		*cfg;
	struct store		*st;
	char			*cause = NULL, *error;

	st = store_open(fc->w.db_path, &cause);
	pthread_mutex_lock(&fc->w.lock);
	for (;;) {
		while (!fc->w.quit && fc->njobs == 0)
			pthread_cond_wait(&fc->w.cond, &fc->w.lock);
		if (fc->w.quit)
			break;
		j = fc->jobs[0];
		memmove(fc->jobs, fc->jobs + 1, --fc->njobs * sizeof *fc->jobs);
		fc->busy = j.item_id;
		cfg = config_hold(fc->w.cfg);
		pthread_mutex_unlock(&fc->w.lock);

		if (st == NULL)
			error = xstrdup(cause);
		else
			error = fetch_one(fc, cfg, st, &j);
		config_drop(cfg);

		pthread_mutex_lock(&fc->w.lock);
		fc->busy = 0;
		fc->done = xreallocarray(fc->done, fc->ndone + 1,
		    sizeof *fc->done);
		fc->done[fc->ndone].item_id = j.item_id;
		fc->done[fc->ndone].error = error;
		fc->ndone++;
		ui_worker_poke(&fc->w);
	}
	pthread_mutex_unlock(&fc->w.lock);
	store_close(st);
	free(cause);
	return (NULL);
}

/*
 * Put j in the queue jobs[0..*n): at the front, or at the back when it
 * is not there already. An item is in the queue once: asked for again,
 * it moves to the front (front) or stays where it is. Not locked: the
 * caller holds the lock.
 */
void
ui_fetch_queue(struct ui_fetch_job **jobs, size_t *n,
    const struct ui_fetch_job *j, int front)
{
	struct ui_fetch_job	*v = *jobs;
	size_t			 i;

	for (i = 0; i < *n; i++)
		if (v[i].item_id == j->item_id)
			break;
	if (i < *n && !front)
		return;
	if (i == *n) {
		v = *jobs = xreallocarray(v, *n + 1, sizeof *v);
		if (!front) {
			v[(*n)++] = *j;
			return;
		}
		(*n)++;
	}
	/* Shift what was before it (everything, when it is new) along. */
	memmove(v + 1, v, i * sizeof *v);
	v[0] = *j;
}

/*
 * Ask for item_id's article, fetched with the settings of the feed with
 * config id feed (0: the global ones): at the front of the queue when the
 * reader waits for it, else at the back. Return 0, or -1 with a message
 * shown when the worker cannot start.
 */
int
ui_fetch_request(struct ui *ui, int64_t item_id, unsigned feed, int front)
{
	struct ui_fetch		*fc = &ui->fetch;
	struct ui_fetch_job	 j;
	int			 error;

	if ((error = ui_worker_start(&fc->w, fetch_main, fc)) != 0) {
		ui_message(ui, 1, "Cannot fetch the article: %s",
		    strerror(error));
		return (-1);
	}
	j.item_id = item_id;
	j.feed = feed;
	pthread_mutex_lock(&fc->w.lock);
	if (fc->busy != item_id)
		ui_fetch_queue(&fc->jobs, &fc->njobs, &j, front);
	pthread_cond_signal(&fc->w.cond);
	pthread_mutex_unlock(&fc->w.lock);
	return (0);
}

/* The pipe is readable: hand each finished item to the article pane. */
int
ui_fetch_event(struct ui *ui)
{
	struct ui_fetch		*fc = &ui->fetch;
	struct ui_fetch_done	*done;
	size_t			 i, n;
	int			 flags = 0;

	ui_worker_drain(&fc->w);
	pthread_mutex_lock(&fc->w.lock);
	done = fc->done;
	n = fc->ndone;
	fc->done = NULL;
	fc->ndone = 0;
	pthread_mutex_unlock(&fc->w.lock);
	for (i = 0; i < n; i++) {
		flags |= ui_article_fetched(ui, done[i].item_id, done[i].error);
		free(done[i].error);
	}
	free(done);
	/* The status line's count of articles waiting. */
	return (flags | UI_REDRAW);
}

/*
 * After a refresh of the feeds of done (its snapshot) that started at
 * since: queue the articles of the new unread items of those feeds that
 * have full-article set now, so that they read offline.
 */
void
ui_fetch_after_refresh(struct ui *ui, const struct config *done, int64_t since)
{
	const struct config_feed *cf;
	int64_t			 feed, *ids;
	size_t			 i, k, n;
	char			*cause;

	for (i = 0; i < done->nfeeds; i++) {
		cf = config_feed_find(ui->cfg, done->feeds[i].id);
		if (cf == NULL || config_num(ui->cfg, cf, SET_FULL_ARTICLE) == 0)
			continue;
		if (store_feed_id(ui->st, cf->url, &feed, &cause) != 0 ||
		    store_articles_wanted(ui->st, feed, since,
		    FETCH_PREFETCH_MAX, &ids, &n, &cause) != 0) {
			log_debug("fetch: %s", cause);
			free(cause);
			continue;
		}
		for (k = 0; k < n; k++)
			if (ui_fetch_request(ui, ids[k], cf->id, 0) != 0)
				break;
		free(ids);
	}
}

/* What the worker is doing, for the status line: whether the article
 * shown waits for its page, else how many articles are being fetched. */
int
ui_fetch_status(struct ui *ui, struct buf *b)
{
	struct ui_fetch	*fc = &ui->fetch;
	size_t		 n;

	if (!fc->w.started)
		return (0);
	if (ui->art.id != 0 && ui->art.want_full && ui->art.fetching) {
		buf_addstr(b, "fetching the article");
		return (1);
	}
	pthread_mutex_lock(&fc->w.lock);
	n = fc->njobs + (fc->busy != 0);
	pthread_mutex_unlock(&fc->w.lock);
	if (n == 0)
		return (0);
	buf_addf(b, "fetching %zu article%s", n, n == 1 ? "" : "s");
	return (1);
}

/* Stop the worker (a page being fetched is given up), free everything. */
void
ui_fetch_stop(struct ui *ui)
{
	struct ui_fetch	*fc = &ui->fetch;
	size_t		 i;

	ui_worker_stop(&fc->w);
	for (i = 0; i < fc->ndone; i++)
		free(fc->done[i].error);
	free(fc->done);
	free(fc->jobs);
	fc->done = NULL;
	fc->jobs = NULL;
	fc->ndone = fc->njobs = 0;
}
