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
 * The view (downloads, D) is drawn like the help screen, over the panes:
 * the queue from the store, the running download's progress from the
 * worker.
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

/* download_run()'s news, in the worker: keep it for the loop. */
static void
dl_report(void *arg, enum download_event ev, const struct store_download *d)
{
	struct ui_dl	*dl = arg;
	const char	*name;
	char		*msg = NULL;

	name = (name = strrchr(d->path, '/')) != NULL ? name + 1 : d->path;
	if (ev == DOWNLOAD_END && d->state == STORE_DL_DONE)
		xasprintf(&msg, "Downloaded %s", name);
	else if (ev == DOWNLOAD_END)
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
		dl->msg_error = d->state != STORE_DL_DONE;
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

/* download-enclosure: queue the enclosure of the article shown or of the
 * item under the cursor. */
int
ui_dl_enqueue(struct ui *ui)
{
	const struct store_item	*it;
	const struct ui_feed	*f;
	struct buf		 q = BUF_INIT;
	char			*path, *cause;
	int			 rc;

	if (ui->focus == UI_ARTICLE && ui->art.id != 0)
		it = &ui->art.body.item;
	else if ((it = ui->focus == UI_ITEMS ? ui_list_item(ui,
	    ui->panes[UI_ITEMS].cur) : NULL) == NULL) {
		ui_message(ui, 1, "No item under the cursor");
		return (UI_REDRAW);
	}
	f = ui_list_feed_of(ui, it->feed_id);
	rc = download_enqueue(ui->cfg, f != NULL ? f->cf : NULL, ui->st, it->id,
	    DOWNLOAD_PICK, f != NULL ? f->title : NULL, &path, &cause);
	if (rc < 0) {
		ui_message(ui, 1, "%s", text_printable(&q, cause));
		free(cause);
	} else if (path == NULL)
		ui_message(ui, 1, "This item has no enclosure");
	else if (rc == 1) {
		ui_message(ui, 0, "Downloading into %s",
		    text_printable(&q, path));
		ui_dl_kick(ui);
	} else
		ui_message(ui, 0, "Downloaded or queued already: %s",
		    text_printable(&q, path));
	free(path);
	buf_release(&q);
	if (ui->help == 2)
		ui_dl_build(ui);
	return (UI_REDRAW);
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

/* The downloads view: every download in the order queued, with its state
 * and progress, the one under way with the worker's news. */
void
ui_dl_build(struct ui *ui)
{
	static const char *const states[] = {
		[STORE_DL_QUEUED] = "queued", [STORE_DL_DONE] = "done",
		[STORE_DL_FAILED] = "failed", [STORE_DL_CANCELLED] = "cancelled",
	};
	struct ui_dl		*dl = &ui->dl;
	struct store_download	*v;
	struct buf		 lead = BUF_INIT, text = BUF_INIT;
	char			*cause;
	size_t			 i, n, width, top = ui->helppane.top;
	int64_t			 id, got, size;
	int			 getting = 0, queued = 0, done = 0;
	int			 failed = 0;

	render_release(&ui->helptext);
	width = COLS > 20 ? (size_t)COLS - 2 : 20;
	if (store_downloads(ui->st, 0, 0, &v, &n, &cause) != 0) {
		ui_wrap(&ui->helptext, "", 0, cause, 0, width);
		free(cause);
		v = NULL;
		n = 0;
	}
	pthread_mutex_lock(&dl->w.lock);
	id = dl->id;
	got = dl->got;
	size = dl->size;
	pthread_mutex_unlock(&dl->w.lock);
	for (i = 0; i < n; i++) {
		if (v[i].state == STORE_DL_DONE)
			done++;
		else if (v[i].state == STORE_DL_FAILED)
			failed++;
		else if (v[i].id == id)
			getting++;
		else
			queued++;
	}
	buf_addf(&text, "%zu download%s: %d under way, %d queued, %d done, "
	    "%d failed", n, n == 1 ? "" : "s", getting, queued, done, failed);
	ui_wrap(&ui->helptext, "", 0, text.data, RENDER_HEADING, width);
	if (n == 0)
		ui_wrap(&ui->helptext, "", 0, "download-enclosure (d) on an "
		    "item with an enclosure downloads it.", RENDER_DIM, width);
	for (i = 0; i < n; i++) {
		buf_reset(&lead);
		buf_reset(&text);
		if (v[i].id == id && id != 0) {
			buf_addstr(&lead, "getting ");
			dl_progress(&text, got, size);
		} else {
			buf_addstr(&lead, states[v[i].state >= 0 &&
			    v[i].state <= STORE_DL_CANCELLED ? v[i].state :
			    STORE_DL_FAILED]);
			if (v[i].state == STORE_DL_DONE)
				dl_size(&text, v[i].got);
			else if (v[i].got > 0)
				dl_progress(&text, v[i].got, v[i].size);
		}
		while (lead.len < 9)
			buf_addch(&lead, ' ');
		while (render_cols(text.data, text.len) < 17)
			buf_addch(&text, ' ');
		buf_addch(&text, ' ');
		text_printable(&text, v[i].title);
		ui_wrap(&ui->helptext, lead.data, UI_A_KEY, text.data, 0,
		    width);
		buf_reset(&text);
		text_printable(&text, v[i].state == STORE_DL_FAILED &&
		    v[i].error != NULL ? v[i].error : v[i].path);
		ui_wrap(&ui->helptext, "         ", 0, text.data,
		    v[i].state == STORE_DL_FAILED ? 0 : RENDER_DIM, width);
	}
	store_downloads_free(v, n);
	buf_release(&lead);
	buf_release(&text);
	ui->helppane.n = ui->helptext.n;
	ui->helppane.top = top < ui->helptext.n ? top : 0;
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
}
