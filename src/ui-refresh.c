/* ui-refresh.c: refreshing in the background, and search indexing when
 * idle.
 *
 * A refresh runs poll_refresh() on a thread of its own with a store
 * connection of its own (store.h: one connection per thread), on a
 * snapshot of the config taken when it starts (config.h), so that ":set"
 * and ":add" may change the config while it runs. Its report
 * callback, on poll's store thread, only records progress under a mutex
 * and writes a byte to a self-pipe; it never touches curses or the UI's
 * connection. The loop polls the pipe beside the terminal, so keys are
 * answered while hundreds of feeds are fetched, and reloads the lists at
 * most twice a second while the refresh runs and once when it ends.
 *
 * Feeds fall due by their refresh-interval; every minute (or sooner for a
 * shorter interval) the loop starts a refresh of the due ones, unless one
 * runs. In idle time, with no refresh running (which would hold the write
 * lock), the loop adds a small batch of new items to the search index, so
 * that a search finds the index ready.
 *
 * When a refresh ends with new items, those of feeds with full-article
 * set have their articles fetched (ui-fetch.c), so that they read
 * offline.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "poll.h"
#include "store.h"
#include "sync.h"
#include "ui-int.h"
#include "util.h"

#define REFRESH_CHECK	60.0		/* seconds between due checks */
#define REFRESH_RELOAD	0.5		/* seconds between reloads */
#define INDEX_BATCH	100		/* items indexed per idle turn */

/* Set up the pipe and the lock. */
int
ui_refresh_init(struct ui *ui)
{
	struct ui_refresh	*rf = &ui->refresh;

	if (pipe2(rf->pipe, O_CLOEXEC | O_NONBLOCK) == -1)
		return (-1);
	pthread_mutex_init(&rf->lock, NULL);
	rf->db_path = ui->db_path;
	rf->next_auto = time_mono();
	ui->index_left = 1;		/* unknown until asked */
	return (0);
}

/* Wake the loop. A full pipe already will. */
static void
refresh_poke(struct ui_refresh *rf)
{
	ssize_t	 n;

	n = write(rf->pipe[1], "", 1);
	(void)n;
}

/* After each feed, on poll's thread: record progress, wake the loop. */
static void
refresh_report(void *arg, const struct poll_result *r)
{
	struct ui_refresh	*rf = arg;
	const char		*name;

	pthread_mutex_lock(&rf->lock);
	rf->done = r->done;
	rf->total = r->total;
	if (r->error != NULL) {
		free(rf->error);
		if (r->feed == NULL)
			xasprintf(&rf->error, "%s (%s): %s", r->sync->url,
			    r->sync->user, r->error);
		else {
			name = r->feed->title != NULL ? r->feed->title :
			    r->feed->url;
			xasprintf(&rf->error, "%s: %s", name, r->error);
		}
	}
	pthread_mutex_unlock(&rf->lock);
	refresh_poke(rf);
}

/* The thread of a change of a server account's feeds: the request, then
 * the store as the next sync would leave it (sync_subscribe()). */
static void *
refresh_edit_main(struct ui_refresh *rf)
{
	const struct config_sync	*cs = NULL;
	struct store			*st;
	char				*cause = NULL, *feed = NULL;
	int				 rc = -1;

	if ((cs = config_sync_get(rf->cfg, rf->edit_sync)) == NULL)
		cause = xstrdup("that account is no longer in the dotfile");
	else if ((st = store_open(rf->db_path, &cause)) != NULL) {
		rc = rf->edit == UI_EDIT_ADD ? sync_subscribe(rf->cfg, cs, st,
		    &rf->stop, rf->edit_url, rf->edit_tags, rf->edit_ntags,
		    rf->edit_want, &feed, &cause) : sync_unsubscribe(rf->cfg,
		    cs, st, &rf->stop, rf->edit_url, &cause);
		store_close(st);
	}
	pthread_mutex_lock(&rf->lock);
	rf->finished = 1;
	rf->edit_rc = rc;
	rf->cause = cause;
	rf->edit_feed = feed;
	pthread_mutex_unlock(&rf->lock);
	refresh_poke(rf);
	return (NULL);
}

/* The refresh thread. */
static void *
refresh_main(void *arg)
{
	struct ui_refresh	*rf = arg;
	struct poll_stats	 stats;
	struct store		*st;
	char			*cause = NULL;

	if (rf->edit != 0)
		return (refresh_edit_main(rf));
	memset(&stats, 0, sizeof stats);
	if ((st = store_open(rf->db_path, &cause)) != NULL) {
		if (poll_refresh(rf->cfg, st, rf->flags, refresh_report, rf,
		    &stats, &rf->stop, &cause) == 0)
			cause = NULL;
		store_close(st);
	}
	pthread_mutex_lock(&rf->lock);
	rf->finished = 1;
	rf->cause = cause;
	rf->nnew = stats.nnew;
	rf->failed = stats.failed;
	rf->total = (size_t)stats.feeds;
	memcpy(rf->notify, stats.notify_error, sizeof rf->notify);
	pthread_mutex_unlock(&rf->lock);
	refresh_poke(rf);
	return (NULL);
}

/* Start the thread of rf, whose cfg is set: 0, or -1 (said). */
static int
refresh_spawn(struct ui *ui)
{
	struct ui_refresh	*rf = &ui->refresh;
	sigset_t		 every, old;
	int			 error;

	rf->last_reload = time_mono();
	rf->reload_due = 0;
	/* Signals are for the loop's thread, to interrupt its poll(). */
	sigfillset(&every);
	pthread_sigmask(SIG_SETMASK, &every, &old);
	error = pthread_create(&rf->thread, NULL, refresh_main, rf);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (error != 0) {
		config_drop(rf->cfg);
		rf->cfg = NULL;
		rf->edit = 0;
		ui_message(ui, 1, "Cannot start a refresh: %s",
		    strerror(error));
		return (-1);
	}
	rf->running = 1;
	return (0);
}

/* Start refreshing the feed with config id feed, or all (0; every feed
 * with all, the due ones without). */
int
ui_refresh_start(struct ui *ui, unsigned feed, int all)
{
	struct ui_refresh	*rf = &ui->refresh;

	if (rf->running) {
		ui_message(ui, 0, "A refresh is running already");
		return (UI_REDRAW);
	}
	if (feed != 0)
		rf->cfg = config_snapshot(ui->cfg, feed);
	else
		rf->cfg = config_hold(ui->snap);
	if (rf->cfg == NULL) {
		ui_message(ui, 1, "That feed is not in the dotfile");
		return (UI_REDRAW);
	}
	rf->flags = all ? POLL_ALL : 0;
	atomic_store(&rf->stop, 0);
	rf->since = (int64_t)time(NULL);
	rf->done = rf->total = 0;
	rf->nnew = rf->failed = 0;
	rf->notify[0] = '\0';
	rf->finished = 0;
	free(rf->error);
	free(rf->cause);
	rf->error = rf->cause = NULL;
	if (refresh_spawn(ui) != 0)
		return (UI_REDRAW);
	if (all)
		ui_message(ui, 0, "Refreshing %s", feed != 0 ?
		    "the feed" : "every feed");
	return (UI_REDRAW);
}

/* Say how a refresh ended: the news first, then what failed (the last
 * feed error, a notify-command that did not start), all on one line. */
static void
refresh_message(struct ui *ui, int nnew, int failed, size_t total,
    const char *error)
{
	struct buf	 b = BUF_INIT;

	buf_addf(&b, "%d new item%s from %zu feed%s", nnew,
	    nnew == 1 ? "" : "s", total, total == 1 ? "" : "s");
	if (failed > 0 && error != NULL)
		buf_addf(&b, "; %d failed, the last: %s", failed, error);
	if (ui->refresh.notify[0] != '\0')
		buf_addf(&b, "; notify-command: %s", ui->refresh.notify);
	ui_message(ui, (failed > 0 && error != NULL) ||
	    ui->refresh.notify[0] != '\0', "%s", b.data);
	buf_release(&b);
}

/* Release the edit's fields of rf. */
static void
refresh_edit_free(struct ui_refresh *rf)
{
	size_t	 i;

	for (i = 0; i < rf->edit_ntags; i++)
		free(rf->edit_tags[i]);
	free(rf->edit_tags);
	free(rf->edit_url);
	free(rf->edit_feed);
	rf->edit_tags = NULL;
	rf->edit_ntags = 0;
	rf->edit_url = rf->edit_feed = NULL;
	rf->edit = 0;
}

/*
 * Start changing a server account's feeds, as "tidings add --account"
 * and "tidings remove --account" do, on the refresh's thread: the loop
 * goes on answering keys meanwhile, and says how it went when the
 * thread ends (refresh_edit_done()). Not while a refresh runs.
 */
int
ui_refresh_edit(struct ui *ui, int edit, unsigned sync_id, const char *url,
    char *const *tags, size_t ntags, long want)
{
	struct ui_refresh	*rf = &ui->refresh;
	struct buf		 q = BUF_INIT;
	size_t			 i;

	if (rf->running) {
		ui_message(ui, 1, "Cannot change a server's feeds while a "
		    "refresh runs");
		return (UI_REDRAW);
	}
	rf->cfg = config_hold(ui->snap);
	atomic_store(&rf->stop, 0);
	rf->finished = 0;
	rf->edit = edit;
	rf->edit_sync = sync_id;
	rf->edit_url = xstrdup(url);
	rf->edit_tags = xcalloc(ntags + 1, sizeof *rf->edit_tags);
	for (i = 0; i < ntags; i++)
		rf->edit_tags[i] = xstrdup(tags[i]);
	rf->edit_ntags = ntags;
	rf->edit_want = want;
	rf->edit_rc = -1;
	rf->edit_feed = NULL;
	free(rf->cause);
	rf->cause = NULL;
	if (refresh_spawn(ui) != 0) {
		refresh_edit_free(rf);
		return (UI_REDRAW);
	}
	ui_message(ui, 0, "%s %s on the server", edit == UI_EDIT_ADD ?
	    "Subscribing to" : "Unsubscribing from", text_printable(&q, url));
	buf_release(&q);
	return (UI_REDRAW);
}

/* An edit's thread ended (joined): say how, list the account's feeds
 * as the store now has them, and sync a new feed's items at once. */
static int
refresh_edit_done(struct ui *ui, char *cause)
{
	struct ui_refresh	*rf = &ui->refresh;
	struct buf		 q = BUF_INIT;
	unsigned		 sync_id = rf->edit_sync, feed = 0;
	size_t			 i;
	int			 add = rf->edit == UI_EDIT_ADD, rc = rf->edit_rc;
	char			*what;

	if (rc < 0)
		xasprintf(&what, "%s (not %s)", cause, add ? "subscribed" :
		    "unsubscribed");
	else if (rc == SYNC_SUB_LISTED)
		xasprintf(&what, "The server has %s already", rf->edit_feed);
	else
		xasprintf(&what, "%s %s on the server", add ? "Subscribed to" :
		    "Unsubscribed from", add ? rf->edit_feed : rf->edit_url);
	free(cause);
	config_drop(rf->cfg);
	rf->cfg = NULL;
	refresh_edit_free(rf);
	if (rc >= 0) {
		ui_refresh_sync_feeds(ui);
		/* A feed gone from under the cursor: the row's list anew. */
		ui_list_release(&ui->list);
		ui_list_set_row(ui, ui->panes[UI_FEEDS].cur);
	}
	if (rc == SYNC_SUB_ADDED && add) {
		for (i = 0; i < ui->cfg->nfeeds && feed == 0; i++)
			if (ui->cfg->feeds[i].sync == sync_id)
				feed = ui->cfg->feeds[i].id;
		/* Its items: a sync of the account, which is quick. */
		if (feed != 0)
			ui_refresh_start(ui, feed, 1);
	}
	ui_message(ui, rc != SYNC_SUB_ADDED, "%s", text_printable(&q, what));
	buf_release(&q);
	free(what);
	return (UI_REDRAW);
}

/* The pipe is readable: take in progress, finish a refresh that ended. */
int
ui_refresh_event(struct ui *ui)
{
	struct ui_refresh	*rf = &ui->refresh;
	char			 drain[256];
	double			 now = time_mono();
	int			 finished, nnew, failed, flags = UI_REDRAW;
	size_t			 total;
	char			*cause, *error;

	while (read(rf->pipe[0], drain, sizeof drain) > 0)
		;
	pthread_mutex_lock(&rf->lock);
	finished = rf->finished;
	nnew = rf->nnew;
	failed = rf->failed;
	total = rf->total;
	cause = rf->cause;
	error = rf->error;
	rf->cause = NULL;
	if (finished)
		rf->error = NULL;
	pthread_mutex_unlock(&rf->lock);
	if (!finished) {
		/* Take the feeds in now, or at the next turn that may. */
		if (now - rf->last_reload >= REFRESH_RELOAD) {
			rf->last_reload = now;
			rf->reload_due = 0;
			flags |= UI_RELOAD;
		} else
			rf->reload_due = rf->last_reload + REFRESH_RELOAD;
		return (flags);
	}
	rf->reload_due = 0;
	pthread_join(rf->thread, NULL);
	rf->running = 0;
	if (rf->edit != 0) {
		free(error);
		return (refresh_edit_done(ui, cause) | flags | UI_RELOAD);
	}
	if (cause != NULL)
		ui_message(ui, 1, "Refresh: %s", cause);
	else if (total > 0 || rf->notify[0] != '\0')
		refresh_message(ui, nnew, failed, total, error);
	free(cause);
	free(error);
	ui->index_left = 1;
	ui_refresh_sync_feeds(ui);
	if (nnew > 0) {
		ui_fetch_after_refresh(ui, rf->cfg, rf->since);
		ui_dl_after_refresh(ui, rf->cfg, rf->since);
	}
	config_drop(rf->cfg);
	rf->cfg = NULL;
	return (flags | UI_RELOAD);
}

/* Give the feeds pane the feeds a sync brought that it lacks, and the
 * servers' categories as tags (sync_config_feeds()). */
void
ui_refresh_sync_feeds(struct ui *ui)
{
	struct config	*cfg = ui->cfg;
	char		*cause;
	int		 added;

	if (cfg->nsyncs == 0)
		return;
	if ((added = sync_config_feeds(cfg, ui->st, &cause)) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	if (added > 0) {
		ui->feeds = xreallocarray(ui->feeds, cfg->nfeeds + 1,
		    sizeof *ui->feeds);
		memset(&ui->feeds[ui->nfeeds], 0,
		    (cfg->nfeeds + 1 - ui->nfeeds) * sizeof *ui->feeds);
		ui->nfeeds = cfg->nfeeds;
		ui_config_changed(ui);
	}
	ui_list_load_feeds(ui);
}

/* The shortest refresh-interval of any feed (or the global one, which
 * servers sync by), 0 when none refreshes by itself. */
static double
refresh_period(const struct config *cfg)
{
	int64_t	 v, best = 0;
	size_t	 i;

	if (cfg->nsyncs > 0)
		best = config_num(cfg, NULL, SET_REFRESH_INTERVAL);
	for (i = 0; i < cfg->nfeeds; i++) {
		v = config_num(cfg, &cfg->feeds[i], SET_REFRESH_INTERVAL);
		if (v > 0 && (best == 0 || v < best))
			best = v;
	}
	if (best == 0)
		return (0);
	return (best < REFRESH_CHECK ? (double)best : REFRESH_CHECK);
}

/*
 * Before the loop waits: start a refresh of the due feeds when it is
 * time, index a batch of items when idle, and shorten *timeout_ms to the
 * next thing to do. Return what the loop must do now.
 */
int
ui_refresh_tick(struct ui *ui, double now, int *timeout_ms)
{
	struct ui_refresh	*rf = &ui->refresh;
	double			 period, wait;
	size_t			 left;
	char			*cause;
	int			 flags = 0, ms;

	if (rf->reload_due > 0) {
		if (now >= rf->reload_due) {
			rf->reload_due = 0;
			rf->last_reload = now;
			flags |= UI_RELOAD;
		} else {
			ms = (int)((rf->reload_due - now) * 1000) + 1;
			if (*timeout_ms < 0 || ms < *timeout_ms)
				*timeout_ms = ms;
		}
	}
	period = refresh_period(ui->cfg);
	if (!rf->running && period > 0 && now >= rf->next_auto) {
		rf->next_auto = now + period;
		flags |= ui_refresh_start(ui, 0, 0);
	}
	if (!rf->running && period > 0) {
		wait = rf->next_auto - now;
		ms = wait <= 0 ? 0 : (int)(wait * 1000) + 1;
		if (*timeout_ms < 0 || ms < *timeout_ms)
			*timeout_ms = ms;
	}
	if (rf->running || ui->index_left == 0)
		return (flags);
	/* Only when no key waits: a batch takes a few milliseconds. */
	if (ui_key_waiting())
		return (flags);
	if (store_index(ui->st, INDEX_BATCH, &left, &cause) != 0) {
		log_debug("ui: index: %s", cause);
		free(cause);
		left = 0;
	}
	ui->index_left = left;
	if (left == 0)
		log_debug("ui: index complete");
	if (left > 0)
		*timeout_ms = 0;
	return (flags);
}

/* The progress of a running refresh, for the status line. */
int
ui_refresh_status(struct ui *ui, struct buf *b)
{
	struct ui_refresh	*rf = &ui->refresh;
	size_t			 done, total;

	if (!rf->running)
		return (0);
	pthread_mutex_lock(&rf->lock);
	done = rf->done;
	total = rf->total;
	pthread_mutex_unlock(&rf->lock);
	if (rf->edit != 0)
		buf_addstr(b, rf->edit == UI_EDIT_ADD ? "subscribing" :
		    "unsubscribing");
	else if (total > 0)
		buf_addf(b, "refreshing %zu/%zu", done, total);
	else
		buf_addstr(b, "refreshing");
	return (1);
}

/* Stop a running refresh, wait for it, free everything. */
void
ui_refresh_stop(struct ui *ui)
{
	struct ui_refresh	*rf = &ui->refresh;

	if (rf->running) {
		atomic_store(&rf->stop, 1);
		pthread_join(rf->thread, NULL);
		rf->running = 0;
	}
	refresh_edit_free(rf);
	free(ui->asking_url);
	ui->asking_url = NULL;
	config_drop(rf->cfg);
	rf->cfg = NULL;
	close(rf->pipe[0]);
	close(rf->pipe[1]);
	pthread_mutex_destroy(&rf->lock);
	free(rf->error);
	free(rf->cause);
	rf->error = rf->cause = NULL;
}
