/* ui-encl.c: enclosures in the article pane, and the player.
 *
 * An item's enclosures (a podcast's episodes, a video) are read from the
 * store with the item. The article's header gives each one a line, with
 * its type, size and duration, and the list of links numbers them after
 * the text's own links, so that "open N" and "open-enclosure N" reach
 * them by the number shown. An enclosure is played, not browsed: the
 * player setting (mpv unless set) is split into words as the browser
 * setting is, the URL is one more word (never a shell's), and the player
 * runs detached from the terminal, in a session of its own with its
 * standard streams on /dev/null, so that the reader goes on while it
 * plays and a player that ends, fails or is killed leaves the screen
 * alone. Only http and https URLs are handed to it: a feed's enclosure
 * must not name a local file or an option; an enclosure downloaded
 * (ui-dl.c) is played from its file instead, an absolute path.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "extract.h"
#include "hook.h"
#include "render.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"


/* Read the enclosures of the article shown from the store. */
void
ui_encl_load(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	char			*cause;

	store_enclosures_free(a->encl, a->nencl);
	a->encl = NULL;
	a->nencl = 0;
	if (store_item_enclosure_list(ui->st, a->id, &a->encl, &a->nencl,
	    &cause) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
}

/* Describe n bytes as people read file sizes: "25.7 MB", "980 KB". */
static void
encl_size(struct buf *b, int64_t n)
{
	static const char *const units[] = { "KB", "MB", "GB", "TB" };
	double		 v = (double)n;
	size_t		 i;

	if (n < 1000) {
		buf_addf(b, "%lld bytes", (long long)n);
		return;
	}
	for (i = 0, v /= 1000; i + 1 < nitems(units) && v >= 1000; i++)
		v /= 1000;
	buf_addf(b, v < 100 ? "%.1f %s" : "%.0f %s", v, units[i]);
}

/* Append "[N] type · size · h:mm:ss" for enclosure e, numbered n. */
void
ui_encl_describe(struct buf *b, const struct store_enclosure *e, size_t n)
{
	int64_t	 d = e->duration;

	buf_addf(b, "[%zu] %s", n, e->type != NULL && *e->type != '\0' ?
	    e->type : "unknown type");
	if (e->length > 0) {
		buf_addstr(b, " \xc2\xb7 ");
		encl_size(b, e->length);
	}
	if (d >= 0)
		buf_addf(b, " \xc2\xb7 %lld:%02lld:%02lld", (long long)(d / 3600),
		    (long long)(d / 60 % 60), (long long)(d % 60));
}

/* Append a header line for each enclosure, numbered after the nlinks
 * links of the text shown. */
void
ui_encl_header(struct ui *ui, struct render *head, size_t nlinks,
    size_t width)
{
	struct ui_article	*a = &ui->art;
	struct buf		 b = BUF_INIT;
	size_t			 i;

	for (i = 0; i < a->nencl; i++) {
		buf_reset(&b);
		ui_encl_describe(&b, &a->encl[i], nlinks + 1 + i);
		ui_wrap(head, "Enclosure: ", UI_A_HEADER, b.data, 0, width);
	}
	buf_release(&b);
}

/* Append the enclosures to the list of links after the text, which has
 * nlinks of its own (and no list when it has none). */
void
ui_encl_links(struct ui *ui, struct render *text, size_t nlinks,
    size_t width)
{
	struct ui_article	*a = &ui->art;
	char			 num[32], pad[32];
	size_t			 i;
	int			 w;

	if (a->nencl == 0)
		return;
	if (nlinks == 0) {
		ui_wrap(text, "", 0, "", 0, width);
		ui_wrap(text, "", 0, "Links:", RENDER_DIM | RENDER_BOLD,
		    width);
	}
	w = snprintf(NULL, 0, "[%zu] ", nlinks + a->nencl);
	for (i = 0; i < a->nencl; i++) {
		snprintf(pad, sizeof pad, "[%zu]", nlinks + 1 + i);
		snprintf(num, sizeof num, "%-*s", w, pad);
		ui_wrap(text, num, RENDER_LINKNUM | RENDER_DIM, a->encl[i].url,
		    RENDER_DIM | RENDER_LINK, width);
	}
}

/* Whether the player may be given url: http or https, no controls. */
static int
encl_playable(const char *url)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return (0);
	return (strncasecmp(url, "http://", 7) == 0 ||
	    strncasecmp(url, "https://", 8) == 0);
}

/* Run the player of the feed with config id feed (0: the global setting)
 * on target, a URL or an absolute path (never an option), detached. */
static int
encl_run(struct ui *ui, const char *target, unsigned feed)
{
	struct buf	 q = BUF_INIT, w = BUF_INIT;
	const char	*cmd;
	char		**argv, *cause;

	cmd = config_str(ui->cfg, config_feed_find(ui->cfg, feed), SET_PLAYER);
	if (cmd == NULL || (argv = ui_browser_argv(cmd, target)) == NULL) {
		ui_message(ui, 1, "The player setting is empty");
		return (UI_REDRAW);
	}
	util_expand_argv(argv);
	text_printable(&q, argv[0]);
	if (hook_detach(argv, NULL, &cause) == -1) {
		buf_reset(&q);
		text_printable(&q, cause);
		q.data[0] = (char)toupper((unsigned char)q.data[0]);
		ui_message(ui, 1, "%s", q.data);
		free(cause);
	} else
		ui_message(ui, 0, "Playing %s with %s",
		    text_printable(&w, target), q.data);
	util_argv_free(argv);
	buf_release(&q);
	buf_release(&w);
	return (UI_REDRAW);
}

/* Play url with the player of the feed with config id feed (0: the
 * global setting). */
int
ui_encl_play(struct ui *ui, const char *url, unsigned feed)
{
	struct buf	 q = BUF_INIT;
	char		*file;
	int		 flags;

	if (!encl_playable(url)) {
		ui_message(ui, 1, "Not playing \"%s\": only http and https "
		    "enclosures are played", text_printable(&q, url));
		buf_release(&q);
		return (UI_REDRAW);
	}
	/* A downloaded file plays offline (an absolute path: no option). */
	file = ui_dl_file(ui, url);
	flags = encl_run(ui, file != NULL ? file : url, feed);
	free(file);
	return (flags);
}

/* Play the downloaded file path. */
int
ui_encl_play_file(struct ui *ui, const char *path, unsigned feed)
{
	struct buf	 q = BUF_INIT;

	/* An absolute path is no option for the player. */
	if (path[0] != '/' || access(path, R_OK) != 0) {
		ui_message(ui, 1, "Cannot play %s: %s", text_printable(&q,
		    path), path[0] != '/' ? "not an absolute path" :
		    strerror(errno));
		buf_release(&q);
		return (UI_REDRAW);
	}
	return (encl_run(ui, path, feed));
}

/* open-enclosure: play the first enclosure of the article shown or of
 * the item under the cursor. With nolink set (open-browser on an item
 * without a link), say that the item has no link when it has none. */
int
ui_encl_open_item(struct ui *ui, int nolink)
{
	const struct store_item	*it;
	const struct ui_feed	*f;
	struct store_enclosure	*v;
	char			*cause;
	size_t			 n;
	unsigned		 cfid;
	int			 flags;

	if (ui->focus == UI_ARTICLE && ui->art.id != 0) {
		if (ui->art.nencl == 0) {
			ui_message(ui, 1, nolink ? "This item has no link" :
			    "This item has no enclosure");
			return (UI_REDRAW);
		}
		return (ui_encl_play(ui, ui->art.encl[0].url, ui->art.cfid));
	}
	if (ui->focus != UI_ITEMS ||
	    (it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL) {
		ui_message(ui, 1, "No item under the cursor");
		return (UI_REDRAW);
	}
	if (store_item_enclosure_list(ui->st, it->id, &v, &n, &cause) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_REDRAW);
	}
	if (n == 0) {
		ui_message(ui, 1, nolink ? "This item has no link" :
		    "This item has no enclosure");
		return (UI_REDRAW);
	}
	f = ui_list_feed_of(ui, it->feed_id);
	cfid = f != NULL ? f->cf->id : 0;
	flags = ui_encl_play(ui, v[0].url, cfid);
	store_enclosures_free(v, n);
	return (flags);
}
