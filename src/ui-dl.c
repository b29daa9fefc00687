/* ui-dl.c: enclosures downloaded in the background, and the downloads
 * view.
 *
 * download-enclosure queues an item's enclosure in the store (download.c
 * names its file); one worker thread, started by the first download
 * (or at start, when a download is queued from before: one stopped by a
 * quit, a crash or kill -9 goes on where it stopped), runs the queue
 * with download_run() on a store connection of its own, as ui-fetch.c
 * fetches articles. Its progress goes under a lock, and a byte on a
 * self-pipe wakes the loop, at most some 4 times a second, so that the
 * status line and the view follow it. The worker never touches curses,
 * ui->cfg or ui->st; it reads the fetch settings from a snapshot of the
 * config that it holds while it runs the queue. A quit stops it at once;
 * the .part stays for the next start.
 *
 * The view (downloads, D) is drawn over the panes, as the help screen
 * is: the rows from the store, read again as the worker's news comes,
 * the running download's progress from the worker, a cursor that stays
 * on its download, and a key table of its own (KEYS_DOWNLOADS) whose
 * actions act on the download under it. A cancel goes to the store
 * (download_cancel()), which every downloader reads at its next
 * progress; for the worker's own download under way it also sets the
 * worker's stop, so that the transfer ends at once, and the worker,
 * seeing its stop set without a quit, clears it and goes on with the
 * queue.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "download.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

#define DL_SIZE_COLS	11		/* the view's size column */

/* Set up the pipe and the lock; the thread starts with the first
 * download, or now when one waits from before. */
int
ui_dl_init(struct ui *ui)
{
	struct ui_dl		*dl = &ui->dl;
	struct store_download	*v;
	char			*cause;
	size_t			 n;

	if (ui_worker_init(&dl->w, ui) != 0)
		return (-1);
	if (store_downloads(ui->st, 0, 1, &v, &n, &cause) != 0) {
		log_debug("downloads: %s", cause);
		free(cause);
		return (0);
	}
	store_downloads_free(v, n);
	if (n > 0)
		ui_dl_kick(ui);
	return (0);
}

/* Give the worker the newest snapshot of the config. */
void
ui_dl_config(struct ui *ui)
{
	ui_worker_config(&ui->dl.w, ui);
}

/* The name of d's file, for messages. */
static const char *
dl_name(const struct store_download *d)
{
	const char	*name;

	return ((name = strrchr(d->path, '/')) != NULL ? name + 1 : d->path);
}

/* download_run()'s news, in the worker: keep it for the loop. */
static void
dl_report(void *arg, enum download_event ev, const struct store_download *d)
{
	struct ui_dl	*dl = arg;
	const char	*name = dl_name(d);
	char		*msg = NULL;

	/* A cancel was said by whoever cancelled it. */
	if (ev == DOWNLOAD_END && d->state == STORE_DL_DONE)
		xasprintf(&msg, "Downloaded %s", name);
	else if (ev == DOWNLOAD_END && d->state == STORE_DL_FAILED)
		xasprintf(&msg, "Download of %s failed: %s", name,
		    d->error != NULL ? d->error : "unknown error");
	pthread_mutex_lock(&dl->w.lock);
	if (ev == DOWNLOAD_START || ev == DOWNLOAD_PROGRESS) {
		dl->id = d->id;
		dl->got = d->got;
		dl->size = d->size;
		if (ev == DOWNLOAD_START)
			snprintf(dl->name, sizeof dl->name, "%s", name);
	} else
		dl->id = 0;
	if (msg != NULL) {
		free(dl->msg);
		dl->msg = msg;
		dl->msg_error = d->state == STORE_DL_FAILED;
	}
	pthread_mutex_unlock(&dl->w.lock);
	ui_worker_poke(&dl->w);
}

/* The worker: run the queue whenever kicked, until told to quit. */
static void *
dl_main(void *arg)
{
	struct ui_dl		*dl = arg;
	struct download_stats	 stats;
	struct config		*cfg;
	struct store		*st;
	char			*cause = NULL;

	st = store_open(dl->w.db_path, &cause);
	pthread_mutex_lock(&dl->w.lock);
	for (;;) {
		while (!dl->w.quit && !dl->kicked)
			pthread_cond_wait(&dl->w.cond, &dl->w.lock);
		if (dl->w.quit)
			break;
		dl->kicked = 0;
		cfg = config_hold(dl->w.cfg);
		pthread_mutex_unlock(&dl->w.lock);

		memset(&stats, 0, sizeof stats);
		if (st == NULL || download_run(cfg, st, dl_report, dl,
		    &dl->w.stop, &stats, &cause) != 0) {
			pthread_mutex_lock(&dl->w.lock);
			free(dl->msg);
			xasprintf(&dl->msg, "Downloads: %s", cause != NULL ?
			    cause : "no database");
			dl->msg_error = 1;
			pthread_mutex_unlock(&dl->w.lock);
			if (st != NULL) {
				free(cause);
				cause = NULL;
			}
			ui_worker_poke(&dl->w);
		}
		config_drop(cfg);
		pthread_mutex_lock(&dl->w.lock);
		/* A cancel stopped the download under way (ui_dl_act()):
		 * on with the rest of the queue. */
		if (!dl->w.quit && atomic_load(&dl->w.stop)) {
			atomic_store(&dl->w.stop, 0);
			dl->kicked = 1;
		}
	}
	pthread_mutex_unlock(&dl->w.lock);
	free(cause);
	store_close(st);
	return (NULL);
}

/* Have the worker run the queue (again), starting it if need be. */
void
ui_dl_kick(struct ui *ui)
{
	struct ui_dl	*dl = &ui->dl;
	int		 error;

	pthread_mutex_lock(&dl->w.lock);
	dl->kicked = 1;
	if ((error = ui_worker_start(&dl->w, dl_main, dl)) != 0) {
		pthread_mutex_unlock(&dl->w.lock);
		ui_message(ui, 1, "Cannot start the downloads: %s",
		    strerror(error));
		return;
	}
	pthread_cond_signal(&dl->w.cond);
	pthread_mutex_unlock(&dl->w.lock);
}

/* Queue enclosure which of item item_id (DOWNLOAD_PICK: the one a feed
 * downloads; UI_DL_ALL: every one) of the feed named feed whose config id
 * is cfid (0: none), say so and have the worker run the queue. */
int
ui_dl_queue(struct ui *ui, int64_t item_id, unsigned cfid, const char *feed,
    int which)
{
	const struct config_feed *cf = config_feed_find(ui->cfg, cfid);
	struct buf		 q = BUF_INIT;
	char			*path, *first = NULL, *cause;
	int			 rc, i, queued = 0, before = 0;

	for (i = which == UI_DL_ALL ? 0 : which;; i++) {
		if ((rc = download_enqueue(ui->cfg, cf, ui->st, item_id, i,
		    feed, &path, &cause)) < 0) {
			ui_message(ui, 1, "%s", text_printable(&q, cause));
			free(cause);
			break;
		}
		if (path == NULL)
			break;
		if (first == NULL)
			first = xstrdup(path);
		free(path);
		if (rc == 1)
			queued++;
		else
			before++;
		if (which != UI_DL_ALL)
			break;
	}
	if (rc < 0)
		;
	else if (first == NULL)
		ui_message(ui, 1, "This item has no enclosure");
	else if (queued + before > 1 && before == 0)
		ui_message(ui, 0, "Downloading all %d enclosures", queued);
	else if (queued + before > 1)
		ui_message(ui, 0, "Downloading %d of the %d enclosures (%d "
		    "queued before)", queued, queued + before, before);
	else if (queued == 1)
		ui_message(ui, 0, "Downloading into %s",
		    text_printable(&q, first));
	else
		ui_message(ui, 0, "Downloaded or queued already: %s",
		    text_printable(&q, first));
	if (queued > 0)
		ui_dl_kick(ui);
	free(first);
	buf_release(&q);
	if (ui->help == 2)
		ui_dl_build(ui);
	return (UI_REDRAW);
}

/* download-enclosure: queue the enclosure of the article shown or of the
 * item under the cursor; of an item with several, ask which (or all). */
int
ui_dl_enqueue(struct ui *ui)
{
	const struct store_item	*it;
	const struct ui_feed	*f;
	struct store_enclosure	*v = NULL;
	char			*cause;
	size_t			 n = 0;
	unsigned		 cfid;

	if (ui->focus == UI_ARTICLE && ui->art.id != 0)
		it = &ui->art.body.item;
	else if ((it = ui->focus == UI_ITEMS ? ui_list_item(ui,
	    ui->panes[UI_ITEMS].cur) : NULL) == NULL) {
		ui_message(ui, 1, "No item under the cursor");
		return (UI_REDRAW);
	}
	f = ui_list_feed_of(ui, it->feed_id);
	cfid = f != NULL ? f->cf->id : 0;
	if (store_item_enclosure_list(ui->st, it->id, &v, &n, &cause) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_REDRAW);
	}
	if (n > 1)
		return (ui_menu_enclosures(ui, it->id, cfid, f != NULL ?
		    f->title : NULL, v, n));
	store_enclosures_free(v, n);
	return (ui_dl_queue(ui, it->id, cfid, f != NULL ? f->title : NULL,
	    0));
}

/* A refresh stored new items: queue the new episodes of the feeds that
 * download them (cfg is the refresh's snapshot). */
void
ui_dl_after_refresh(struct ui *ui, const struct config *cfg, int64_t since)
{
	char	*cause;
	int	 queued = 0;

	if (download_after_refresh(cfg, ui->st, since, UI_DL_EPISODES,
	    &queued, &cause) != 0) {
		ui_message(ui, 1, "Downloads: %s", cause);
		free(cause);
	}
	if (queued > 0)
		ui_dl_kick(ui);
}

/* Drain the pipe and take the worker's news. */
int
ui_dl_event(struct ui *ui)
{
	struct ui_dl	*dl = &ui->dl;
	struct buf	 q = BUF_INIT;
	char		*msg;
	int		 error;

	ui_worker_drain(&dl->w);
	pthread_mutex_lock(&dl->w.lock);
	msg = dl->msg;
	error = dl->msg_error;
	dl->msg = NULL;
	pthread_mutex_unlock(&dl->w.lock);
	if (msg != NULL) {
		ui_message(ui, error, "%s", text_printable(&q, msg));
		free(msg);
		buf_release(&q);
	}
	if (ui->help == 2)
		ui_dl_build(ui);
	return (UI_REDRAW);
}

/* Append "12.1 MB" for n bytes. */
static void
dl_size(struct buf *b, int64_t n)
{
	if (n < 1000000)
		buf_addf(b, "%lld KB", (long long)(n / 1000));
	else
		buf_addf(b, "%.1f MB", (double)n / 1e6);
}

/* Append how far a download is: "45% of 27.0 MB", or "12.1 MB". */
static void
dl_progress(struct buf *b, int64_t got, int64_t size)
{
	if (size > 0) {
		buf_addf(b, "%lld%% of ", (long long)(got * 100 / size));
		dl_size(b, size);
	} else
		dl_size(b, got);
}

/* The status line's part: the download under way. */
int
ui_dl_status(struct ui *ui, struct buf *b)
{
	struct ui_dl		*dl = &ui->dl;
	const unsigned char	*p;
	char			 name[sizeof dl->name];
	size_t			 len, n, i, k;
	int64_t			 id, got, size;
	uint32_t		 cp;
	int			 cut;

	if (!dl->w.started)
		return (0);
	pthread_mutex_lock(&dl->w.lock);
	id = dl->id;
	got = dl->got;
	size = dl->size;
	memcpy(name, dl->name, sizeof name);
	pthread_mutex_unlock(&dl->w.lock);
	if (id == 0)
		return (0);
	/* The name's first UI_DL_NAME_CHARS characters, for the room. */
	p = (const unsigned char *)name;
	len = strlen(name);
	for (i = 0, n = 0; n < len && i < UI_DL_NAME_CHARS; i++) {
		k = utf8_decode(p + n, len - n, &cp);
		n += k > 0 ? k : 1;
	}
	cut = n < len;
	name[n] = '\0';
	buf_addstr(b, "downloading ");
	text_printable(b, name);
	buf_addstr(b, cut ? "\xe2\x80\xa6 " : " ");
	dl_progress(b, got, size);
	return (1);
}

/* The state of download d as the view's first column says it, with got
 * and size the worker's news for the one under way (id). */
static void
dl_state(struct buf *b, const struct store_download *d, int64_t id,
    int64_t got, int64_t size)
{
	switch (d->state) {
	case STORE_DL_QUEUED:
		if (d->id == id) {
			buf_addstr(b, "downloading");
			if (size > 0)
				buf_addf(b, " %lld%%",
				    (long long)(got * 100 / size));
		} else {
			buf_addstr(b, "queued");
			if (d->got > 0 && d->size > 0)
				buf_addf(b, " %lld%%",
				    (long long)(d->got * 100 / d->size));
		}
		break;
	case STORE_DL_DONE:
		buf_addstr(b, "done");
		break;
	case STORE_DL_CANCELLED:
		buf_addstr(b, "cancelled");
		break;
	default:
		buf_addstr(b, "failed");
		break;
	}
}

/* The downloads view's rows: every download in the order queued, read
 * again from the store; the cursor stays on its download. */
void
ui_dl_build(struct ui *ui)
{
	struct ui_dl		*dl = &ui->dl;
	struct ui_pane		*p = &ui->helppane;
	struct store_download	*v;
	char			*cause;
	size_t			 i, n;
	int64_t			 at;

	if (store_downloads(ui->st, 0, 0, &v, &n, &cause) != 0) {
		ui_message(ui, 1, "Downloads: %s", cause);
		free(cause);
		return;
	}
	at = p->cur < dl->nrows ? dl->rows[p->cur].id : 0;
	store_downloads_free(dl->rows, dl->nrows);
	dl->rows = v;
	dl->nrows = n;
	p->n = n;
	for (i = 0; i < n; i++) {
		if (v[i].id == at) {
			p->cur = i;
			break;
		}
	}
	if (p->cur >= n)
		p->cur = n > 0 ? n - 1 : 0;
}

/* The first key bound to act in the downloads view, else "". */
static void
dl_key(struct ui *ui, struct buf *b, enum keys_action act)
{
	const struct keys_binding	*k;
	size_t				 i, n;
	int				 t;

	for (t = KEYS_DOWNLOADS; t >= 0; t = t == KEYS_DOWNLOADS ?
	    KEYS_GLOBAL : -1) {
		k = keys_bindings(ui->cfg->keys, t, &n);
		for (i = 0; i < n; i++) {
			if (k[i].action != act || (t == KEYS_GLOBAL &&
			    keys_find(ui->cfg->keys, KEYS_DOWNLOADS,
			    k[i].key) != &k[i]))
				continue;
			keys_name(b, k[i].key);
			return;
		}
	}
}

/* The view's title row: what its keys do, with the keys in force. */
static void
dl_title(struct ui *ui, struct buf *b)
{
	static const struct {
		enum keys_action a;
		const char	*what;
	} acts[] = {
		{ ACT_CANCEL_DOWNLOAD, "cancel" },
		{ ACT_RETRY_DOWNLOAD, "retry" },
		{ ACT_REMOVE_DOWNLOAD, "remove" },
		{ ACT_PLAY_DOWNLOAD, "play" },
		{ ACT_BACK, "close" },
	};
	struct buf	 k = BUF_INIT;
	size_t		 i;

	for (i = 0; i < nitems(acts); i++) {
		buf_reset(&k);
		dl_key(ui, &k, acts[i].a);
		if (k.len == 0)
			continue;
		if (b->len > 0)
			buf_addstr(b, ui->utf8 ? " \xc2\xb7 " : ", ");
		text_printable(b, k.data);
		buf_addf(b, " %s", acts[i].what);
	}
	buf_release(&k);
}

/* Draw the downloads view over the panes: a line of counts, then each
 * download on two lines, its state, size and title, and its file (or
 * why it failed), laid out afresh for the screen's size each time. */
void
ui_dl_draw(struct ui *ui)
{
	struct ui_dl		*dl = &ui->dl;
	struct ui_pane		*p = &ui->helppane, view;
	const struct store_download *d;
	struct buf		 b = BUF_INIT;
	size_t			 i, row;
	int64_t			 id, got, size;
	int			 counts[4] = { 0, 0, 0, 0 };
	int			 y, x, w, sw, zw, sel, getting = 0;
	attr_t			 a;

	if (!p->shown)
		return;
	/* The keys on the right, as much of them as the width leaves. */
	ui_draw_title(ui, p, 1, "Downloads", NULL);
	dl_title(ui, &b);
	sw = (int)render_cols(b.data, b.len);
	if (sw > p->w - 13)
		sw = p->w - 13;
	ui_put(ui, p->y, p->x + p->w - sw - 1, sw, b.data,
	    ui_attr(ui, EL_PANE_TITLE_FOCUSED));
	pthread_mutex_lock(&dl->w.lock);
	id = dl->id;
	got = dl->got;
	size = dl->size;
	pthread_mutex_unlock(&dl->w.lock);
	for (i = 0; i < dl->nrows; i++) {
		d = &dl->rows[i];
		if (d->state == STORE_DL_QUEUED && d->id == id)
			getting++;
		else if (d->state >= 0 && d->state <= STORE_DL_CANCELLED)
			counts[d->state]++;
		else
			counts[STORE_DL_FAILED]++;
	}
	buf_reset(&b);
	buf_addf(&b, "%zu download%s: %d under way, %d queued, %d done, "
	    "%d failed, %d cancelled", dl->nrows, dl->nrows == 1 ? "" : "s",
	    getting, counts[STORE_DL_QUEUED], counts[STORE_DL_DONE],
	    counts[STORE_DL_FAILED], counts[STORE_DL_CANCELLED]);
	x = p->x + 1;
	w = p->w - 2;
	if (p->h < 1 || w < 1) {
		buf_release(&b);
		return;
	}
	ui_put(ui, p->y + 1, x, w, b.data, ui_attr(ui, EL_HEADING));
	if (dl->nrows == 0 && p->h > 1)
		ui_put(ui, p->y + 2, x, w, "download-enclosure, on an item "
		    "with an enclosure, downloads it.", ui_attr(ui, EL_DIM));
	/* Two lines a download, below the counts: the cursor's download
	 * in view. */
	view = *p;
	view.h = (p->h - 1) / 2;
	if (view.h < 1)
		view.h = 1;
	ui_scroll_to(&view);
	p->top = view.top;
	/* The state column as wide as "downloading 100%", or half a very
	 * narrow screen; the size column where there is room for it. */
	sw = w >= 34 ? 17 : w / 2;
	zw = w >= 60 ? DL_SIZE_COLS : 0;
	for (i = 0; i < (size_t)view.h; i++) {
		row = p->top + i;
		if (row >= dl->nrows)
			break;
		d = &dl->rows[row];
		y = p->y + 2 + 2 * (int)i;
		if (y > p->y + p->h)		/* no room below the counts */
			break;
		sel = row == p->cur;
		a = ui_row_attr(ui, sel, 1, EL_NORMAL);
		ui_fill(ui, y, x - 1, w + 2, a);
		if (y + 1 < p->y + 1 + p->h)
			ui_fill(ui, y + 1, x - 1, w + 2, a);
		buf_reset(&b);
		dl_state(&b, d, id, got, size);
		ui_put(ui, y, x, sw - 1, b.data, ui_row_attr(ui, sel, 1,
		    d->state == STORE_DL_FAILED ? EL_ERROR : EL_HELP_KEY));
		buf_reset(&b);
		if (d->state == STORE_DL_QUEUED && d->id == id)
			dl_size(&b, size > 0 ? size : got);
		else if (d->state == STORE_DL_DONE || d->size > 0)
			dl_size(&b, d->state == STORE_DL_DONE ? d->got :
			    d->size);
		/* Apart: ui_put() makes a run of blanks one. */
		ui_put(ui, y, x + sw, zw - 1, b.data, a);
		ui_put(ui, y, x + sw + zw, w - sw - zw, d->title, a);
		if (y + 1 >= p->y + 1 + p->h)
			break;
		buf_reset(&b);
		if (d->state == STORE_DL_FAILED)
			buf_addf(&b, "failed: %s", d->error != NULL ? d->error :
			    "unknown error");
		else
			buf_addstr(&b, d->path);
		ui_put(ui, y + 1, x + sw, w - sw, b.data, ui_row_attr(ui,
		    sel, 1, d->state == STORE_DL_FAILED ? EL_ERROR : EL_DIM));
	}
	buf_release(&b);
}

/* The download under the cursor, or NULL (said). */
static const struct store_download *
dl_current(struct ui *ui)
{
	if (ui->helppane.cur >= ui->dl.nrows) {
		ui_message(ui, 1, "No download under the cursor");
		return (NULL);
	}
	return (&ui->dl.rows[ui->helppane.cur]);
}

/* cancel-download on d. */
static void
dl_cancel(struct ui *ui, const struct store_download *d)
{
	struct ui_dl	*dl = &ui->dl;
	struct buf	 q = BUF_INIT;
	char		*cause;
	int		 rc;

	text_printable(&q, dl_name(d));
	if ((rc = download_cancel(ui->st, d->id, &cause)) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	} else if (rc == 0)
		ui_message(ui, 1, "%s is not queued", q.data);
	else {
		/* Under way here: stop it now rather than at its next
		 * progress; the worker goes on with the queue after. */
		pthread_mutex_lock(&dl->w.lock);
		if (dl->id == d->id && !dl->w.quit)
			atomic_store(&dl->w.stop, 1);
		pthread_mutex_unlock(&dl->w.lock);
		ui_message(ui, 0, "Cancelled the download of %s", q.data);
	}
	buf_release(&q);
}

/* The view's keys: move, cancel, retry, remove, play; -1 for an action
 * that is not the view's (it closes, and the action runs). */
int
ui_dl_act(struct ui *ui, enum keys_action act)
{
	struct ui_pane			*p = &ui->helppane;
	const struct store_download	*d;
	const struct ui_feed		*f;
	struct store_body		 body;
	struct buf			 q = BUF_INIT;
	char				*cause;
	size_t				 page;
	int				 rc, flags = UI_REDRAW;

	page = p->h > 2 ? (size_t)(p->h - 1) / 2 : 1;
	if (ui_pane_move(p, act, page))
		return (UI_REDRAW);
	switch (act) {
	case ACT_CANCEL_DOWNLOAD:
	case ACT_RETRY_DOWNLOAD:
	case ACT_REMOVE_DOWNLOAD:
	case ACT_PLAY_DOWNLOAD:
		break;
	default:
		return (-1);
	}
	if ((d = dl_current(ui)) == NULL)
		return (UI_REDRAW);
	text_printable(&q, dl_name(d));
	switch (act) {
	case ACT_CANCEL_DOWNLOAD:
		dl_cancel(ui, d);
		break;
	case ACT_RETRY_DOWNLOAD:
		if ((rc = store_download_retry(ui->st, d->id, &cause)) < 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		} else if (rc == 0)
			ui_message(ui, 1, "%s has not failed nor been "
			    "cancelled", q.data);
		else {
			ui_message(ui, 0, "Queued %s again", q.data);
			ui_dl_kick(ui);
		}
		break;
	case ACT_REMOVE_DOWNLOAD:
		if ((rc = download_remove(ui->st, d->id, &cause)) < 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		} else if (rc == 0)
			ui_message(ui, 1, "%s is queued: cancel it first",
			    q.data);
		else
			ui_message(ui, 0, "Removed %s from the list%s", q.data,
			    d->state == STORE_DL_DONE ? "; the file stays" :
			    "");
		break;
	default:
		if (d->state != STORE_DL_DONE) {
			ui_message(ui, 1, "%s is not downloaded", q.data);
			break;
		}
		/* The player of the item's feed, while the item is there. */
		f = NULL;
		rc = d->item_id != 0 ? store_item_get(ui->st, d->item_id,
		    &body, &cause) : 0;
		if (rc == 1) {
			f = ui_list_feed_of(ui, body.item.feed_id);
			store_body_release(&body);
		} else if (rc < 0) {
			log_debug("downloads: %s", cause);
			free(cause);
		}
		flags = ui_encl_play_file(ui, d->path, f != NULL ? f->cf->id :
		    0);
		break;
	}
	buf_release(&q);
	/* d is gone with the rows built again. */
	ui_dl_build(ui);
	return (flags);
}

/* The file of url's download when it is complete, else NULL; the caller
 * frees it. */
char *
ui_dl_file(struct ui *ui, const char *url)
{
	struct store_download	 d;
	char			*cause, *path = NULL;

	memset(&d, 0, sizeof d);
	switch (store_download_find(ui->st, url, &d, &cause)) {
	case -1:
		log_debug("downloads: %s", cause);
		free(cause);
		return (NULL);
	case 0:
		return (NULL);
	}
	if (d.state == STORE_DL_DONE && d.path[0] == '/' &&
	    access(d.path, R_OK) == 0) {
		path = d.path;
		d.path = NULL;
	}
	store_download_release(&d);
	return (path);
}

/* Stop the worker (a download under way stops; its .part stays). */
void
ui_dl_stop(struct ui *ui)
{
	struct ui_dl	*dl = &ui->dl;

	ui_worker_stop(&dl->w);
	free(dl->msg);
	dl->msg = NULL;
	store_downloads_free(dl->rows, dl->nrows);
	dl->rows = NULL;
	dl->nrows = 0;
}
