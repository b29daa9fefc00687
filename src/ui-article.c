/* ui-article.c: the article pane and the browser.
 *
 * An opened item is read whole from the store (its text is not in the
 * lists), parsed once by extract_fragment() and rendered by render.c for
 * the pane's width (at most text-width columns of it, centred with
 * text-centre), again whenever those change. The parsed article is kept
 * for its numbered links, which "open N" hands to the browser.
 *
 * An item has two texts: the feed's own, and the full article reader
 * mode made of the page at its link, which ui-fetch.c fetches in the
 * background and keeps in the store. want_full says which one the
 * reader asked for and full which one is shown: they differ while the
 * page is on the way (the feed's text is shown meanwhile, and stays if
 * the fetch fails). A kept article is read back from the store, so it
 * shows at once and offline; it is stored as clean HTML and parsed again
 * like a feed's text, with the page's byline, site and date put back.
 * Each text keeps its own scroll position.
 *
 * The browser runs as an argv vector (hook_wait()), never a shell: the
 * link is one word of its own, so quotes, $(...), backticks and
 * semicolons in it are just bytes of a URL. The screen is given back to
 * the terminal while the browser runs, as a terminal browser needs it,
 * and repainted from scratch after; C-c ends the browser, not tidings.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "config.h"
#include "extract.h"
#include "hook.h"
#include "render.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

/* Forget the article shown. */
void
ui_article_close(struct ui *ui)
{
	struct ui_article	*a = &ui->art;

	store_body_release(&a->body);
	store_enclosures_free(a->encl, a->nencl);
	free(a->feed);
	extract_free(a->art);
	extract_free(a->page_art);	/* borrows from page */
	store_article_release(&a->page);
	render_release(&a->head);
	render_release(&a->text);
	memset(a, 0, sizeof *a);
}

/* Forget the article at the end. */
void
ui_article_release(struct ui *ui)
{
	ui_article_close(ui);
}

/* Read the item's kept full article from the store and parse it. Return
 * whether there is one to show. */
static int
article_load_page(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	struct store_article	*pg = &a->page;
	char			*cause;
	int			 rc;

	extract_free(a->page_art);
	a->page_art = NULL;
	store_article_release(pg);
	if ((rc = store_article_get(ui->st, a->id, pg, &cause)) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (0);
	}
	if (rc == 0 || pg->body == NULL) {
		store_article_release(pg);
		return (0);
	}
	a->page_art = extract_fragment(pg->body, strlen(pg->body),
	    pg->url != NULL ? pg->url : a->body.item.link);
	/* The page's own line of byline, site and date; its title is the
	 * header's. The strings stay with a->page, freed after page_art. */
	a->page_art->byline = pg->byline;
	a->page_art->site_name = pg->site_name;
	if (pg->published != STORE_NOTIME) {
		a->page_art->published = pg->published;
		a->page_art->has_published = 1;
	}
	return (1);
}

/* Show the full article (full) or the feed's text, each where it was
 * scrolled to; an article that just arrived starts at its text. */
static void
article_switch(struct ui *ui, int full, int arrived)
{
	struct ui_article	*a = &ui->art;
	struct ui_pane		*p = &ui->panes[UI_ARTICLE];

	a->top[a->full] = p->top;
	a->full = full;
	p->top = a->top[full];
	if (arrived && p->top > a->head.n)
		p->top = a->head.n;	/* the header's end, as it is now */
	a->width = 0;			/* lay out again */
}

/* Ask for the full article: show the one kept, else fetch it in the
 * background and show the feed's text meanwhile. */
static int
article_want_full(struct ui *ui)
{
	struct ui_article	*a = &ui->art;

	a->want_full = 1;
	if (a->page_art != NULL || article_load_page(ui)) {
		if (!a->full)
			article_switch(ui, 1, 0);
		return (UI_REDRAW);
	}
	if (a->body.item.link == NULL || *a->body.item.link == '\0') {
		a->want_full = 0;
		ui_message(ui, 1, "This item has no link to fetch its article "
		    "from");
		return (UI_REDRAW);
	}
	if (ui_fetch_request(ui, a->id, a->cfid, 1) != 0) {
		a->want_full = 0;
		return (UI_REDRAW);
	}
	a->fetching = 1;
	return (UI_REDRAW);
}

/* Open item id in the article pane, marking it read if the setting says
 * so (undoably), and with the full article when its feed asks for it. */
int
ui_article_open(struct ui *ui, int64_t id)
{
	struct ui_article	*a = &ui->art;
	struct store_body	 body;
	const struct ui_feed	*f;
	const char		*html, *base;
	char			*cause;
	int			 rc;

	if ((rc = store_item_get(ui->st, id, &body, &cause)) < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_REDRAW);
	}
	if (rc == 0) {
		ui_message(ui, 1, "This item is gone: a refresh removed it");
		return (UI_RELOAD);
	}
	ui_article_close(ui);
	a->id = id;
	a->body = body;
	ui_encl_load(ui);
	f = ui_list_feed_of(ui, body.item.feed_id);
	a->feed = xstrdup(f != NULL ? f->title : "");
	a->cfid = f != NULL ? f->cf->id : 0;
	html = body.content != NULL && *body.content != '\0' ? body.content :
	    body.summary;
	base = body.item.link != NULL ? body.item.link :
	    (f != NULL ? f->cf->url : NULL);
	if (html != NULL)
		a->art = extract_fragment(html, strlen(html), base);
	ui->panes[UI_ARTICLE].top = ui->panes[UI_ARTICLE].cur = 0;
	ui->focus = UI_ARTICLE;
	if (body.item.unread &&
	    config_num(ui->cfg, NULL, SET_MARK_READ_ON_OPEN) != 0) {
		if (store_set_read(ui->st, id, 1, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		} else {
			ui_undo_push(ui, UNDO_READ, id, 1);
			ui_list_item_changed(ui, id, 0, -1);
		}
	}
	if (a->body.item.link != NULL && *a->body.item.link != '\0' &&
	    config_num(ui->cfg, config_feed_find(ui->cfg, a->cfid),
	    SET_FULL_ARTICLE) != 0)
		article_want_full(ui);
	return (UI_REDRAW);
}

/* toggle-full-article: switch the item shown (in the items pane, the one
 * under the cursor, opened first) between its full article and the
 * feed's text. */
int
ui_article_toggle_full(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	const struct store_item	*it;
	int			 flags;

	if (ui->focus == UI_ITEMS) {
		if ((it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL) {
			ui_message(ui, 1, "No item under the cursor");
			return (UI_REDRAW);
		}
		if (it->id != a->id) {
			flags = ui_article_open(ui, it->id);
			if (a->id == 0 || a->want_full)
				return (flags);
			return (flags | article_want_full(ui));
		}
	}
	if (a->id == 0) {
		ui_message(ui, 1, "No article is open");
		return (UI_REDRAW);
	}
	if (!a->want_full)
		return (article_want_full(ui));
	a->want_full = 0;
	if (a->full)
		article_switch(ui, 0, 0);
	return (UI_REDRAW);
}

/* The worker finished item id's article (error NULL: it is kept): show
 * it if the item is shown and waits for it. */
int
ui_article_fetched(struct ui *ui, int64_t id, const char *error)
{
	struct ui_article	*a = &ui->art;
	struct buf		 q = BUF_INIT;

	if (a->id != id || !a->fetching)
		return (0);
	a->fetching = 0;
	if (!a->want_full)
		return (UI_REDRAW);	/* kept for when it is asked for */
	if (error != NULL) {
		a->want_full = 0;
		ui_message(ui, 1, "No full article: %s",
		    text_printable(&q, error));
		buf_release(&q);
		return (UI_REDRAW);
	}
	if (!article_load_page(ui)) {
		a->want_full = 0;
		return (UI_REDRAW);
	}
	article_switch(ui, 1, 1);
	return (UI_REDRAW);
}

/* Append a header line "name: date" for t, in the local time zone. */
static void
article_date(struct render *r, const char *name, int64_t t, size_t width)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;
	char		 date[64];

	if (localtime_r(&tt, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) > 0)
		ui_wrap(r, name, UI_A_HEADER, date, 0, width);
}

/* Render the article for the pane's width and the text settings, when
 * they changed. */
void
ui_article_layout(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	struct ui_pane		*p = &ui->panes[UI_ARTICLE];
	struct render_opts	 o;
	struct store_item	*it = &a->body.item;
	struct article		*shown;
	int64_t			 tw;
	size_t			 width, avail;
	int			 centre;

	if (a->id == 0 || !p->shown)
		return;
	tw = config_num(ui->cfg, NULL, SET_TEXT_WIDTH);
	centre = config_num(ui->cfg, NULL, SET_TEXT_CENTRE) != 0;
	if (p->w == a->width && tw == a->text_width && centre == a->centre)
		return;
	a->width = p->w;
	a->text_width = (int)tw;
	a->centre = centre;
	render_release(&a->head);
	render_release(&a->text);
	avail = p->w > 3 ? (size_t)p->w - 2 : 1;
	width = avail;
	if (tw > 0 && (size_t)tw < width)
		width = (size_t)tw;
	a->margin = centre ? (int)((avail - width) / 2) : 0;
	shown = a->full ? a->page_art : a->art;
	ui_wrap(&a->head, "Title: ", UI_A_HEADER, *it->title != '\0' ?
	    it->title : "(untitled)", RENDER_BOLD, width);
	if (*a->feed != '\0')
		ui_wrap(&a->head, "Feed: ", UI_A_HEADER, a->feed, 0, width);
	if (it->author != NULL && *it->author != '\0')
		ui_wrap(&a->head, "Author: ", UI_A_HEADER, it->author, 0,
		    width);
	article_date(&a->head, "Date: ", it->date, width);
	if (it->link != NULL)
		ui_wrap(&a->head, "Link: ", UI_A_HEADER, it->link, RENDER_DIM,
		    width);
	ui_encl_header(ui, &a->head, shown != NULL ? shown->nlinks : 0,
	    width);
	if (a->full && a->page.fetched != STORE_NOTIME)
		article_date(&a->head, "Fetched: ", a->page.fetched, width);
	memset(&o, 0, sizeof o);
	o.width = (int)width;
	if (shown != NULL)
		render_article(shown, &o, &a->text);
	if (a->text.n == 0)
		ui_wrap(&a->text, "", 0, it->link != NULL ? "This item has no "
		    "text; toggle-full-article fetches its page." :
		    "This item has no text.", RENDER_DIM, width);
	ui_encl_links(ui, &a->text, shown != NULL ? shown->nlinks : 0, width);
	p->n = a->head.n + 1 + a->text.n;
}

/* The article as plain text, as the pane shows it (see ui-int.h). */
void
ui_article_text(struct ui *ui, struct buf *out)
{
	struct ui_pane	*p = &ui->panes[UI_ARTICLE];
	struct ui_pane	 saved = *p;

	if (!p->shown) {
		/* Laid out for the terminal, and again for the pane when
		 * it shows. */
		p->shown = 1;
		p->w = COLS;
		ui->art.width = 0;
	}
	ui_article_layout(ui);
	render_text(&ui->art.head, out);
	buf_addch(out, '\n');
	render_text(&ui->art.text, out);
	if (!saved.shown) {
		*p = saved;
		ui->art.width = 0;
	}
}

/* The full article when one is kept, else the feed's text. */
const struct article *
ui_article_best(struct ui *ui)
{
	struct ui_article	*a = &ui->art;

	if (a->page_art != NULL || article_load_page(ui))
		return (a->page_art);
	return (a->art);
}

/* Draw the article pane; its title row says which text is shown. */
void
ui_article_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_article	*a = &ui->art;
	const struct render_line *l;
	const char		*view;
	char			 right[64];
	size_t			 row;
	int			 i, focus = ui->focus == UI_ARTICLE;

	if (a->id == 0) {
		ui_draw_title(ui, p, focus, "Article", NULL);
		if (p->h > 0)
			ui_put(ui, p->y + 1, p->x + 1, p->w - 1,
			    "Open an item to read it here.",
			    ui_attr(ui, EL_DIM));
		return;
	}
	p->n = a->head.n + 1 + a->text.n;
	if (p->h > 0 && p->top + (size_t)p->h > p->n)
		p->top = p->n > (size_t)p->h ? p->n - (size_t)p->h : 0;
	if (a->full)
		view = "full article";
	else if (a->want_full && a->fetching)
		view = "fetching";
	else
		view = NULL;
	snprintf(right, sizeof right, "%s%s%s", view != NULL ? view : "",
	    view != NULL && a->body.item.starred ? " \xc2\xb7 " : "",
	    a->body.item.starred ? "starred" : "");
	ui_draw_title(ui, p, focus, *a->feed != '\0' ? a->feed : "Article",
	    right);
	for (i = 0; i < p->h; i++) {
		row = p->top + (size_t)i;
		if (row < a->head.n)
			l = &a->head.lines[row];
		else if (row == a->head.n)
			continue;
		else if (row - a->head.n - 1 < a->text.n)
			l = &a->text.lines[row - a->head.n - 1];
		else
			break;
		ui_draw_line(ui, p->y + 1 + i, p->x + 1 + a->margin,
		    p->w - 1 - a->margin, l);
	}
}

/* "open N": open link N of the article in the browser, or with the
 * player when play is set (open-enclosure N) or N is an enclosure's. */
int
ui_article_open_link(struct ui *ui, const char *number, int play)
{
	const struct ui_article	*a = &ui->art;
	const struct article	*shown;
	char			*end;
	unsigned long		 n;
	size_t			 nlinks;

	if (ui->art.id == 0) {
		ui_message(ui, 1, "No article is open");
		return (UI_REDRAW);
	}
	/* Digits only: strtoul() takes "-1" for ULONG_MAX. */
	errno = 0;
	n = strtoul(number, &end, 10);
	while (*end == ' ')
		end++;
	if (*number < '0' || *number > '9' || errno != 0 || *end != '\0' ||
	    n == 0) {
		struct buf	 q = BUF_INIT;

		ui_message(ui, 1, "\"%s\" is not a link number",
		    text_printable(&q, number));
		buf_release(&q);
		return (UI_REDRAW);
	}
	shown = a->full ? a->page_art : a->art;
	nlinks = shown != NULL ? shown->nlinks : 0;
	if (n > nlinks && n - nlinks <= a->nencl)
		return (ui_encl_play(ui, a->encl[n - nlinks - 1].url, a->cfid));
	if (n > nlinks) {
		ui_message(ui, 1, "No link %lu: the article has %zu", n,
		    nlinks + a->nencl);
		return (UI_REDRAW);
	}
	if (play)
		return (ui_encl_play(ui, shown->links[n - 1].url, a->cfid));
	return (ui_browser(ui, shown->links[n - 1].url));
}

/* Whether the browser may be given url: an absolute URL of a scheme that
 * browsers open themselves, free of control characters. A link comes
 * from a feed, and xdg-open hands any other scheme to whichever program
 * claims it, where "ssh://-oProxyCommand=..." or "x-scheme:-option" may
 * reach an option parser; a scheme also keeps a leading "-" out. Not
 * file: either: xdg-open opens a local file with whatever program its
 * type names, which for a downloaded .desktop file or script may mean
 * running it. */
static int
ui_openable(const char *url)
{
	static const char *const schemes[] = {
		"http:", "https:", "ftp:", "mailto:"
	};
	const unsigned char	*p;
	size_t			 i;

	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return (0);
	for (i = 0; i < nitems(schemes); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return (1);
	return (0);
}

/* Split the browser command into words at blanks; the URL is one more
 * word, or takes the place of %s in the words that have one. */
char **
ui_browser_argv(const char *cmd, const char *url)
{
	struct buf	 w = BUF_INIT;
	char		**argv = NULL, *copy, *word, *save, *pct;
	size_t		 n = 0;
	int		 placed = 0;

	copy = xstrdup(cmd);
	for (word = strtok_r(copy, " \t", &save); word != NULL;
	    word = strtok_r(NULL, " \t", &save)) {
		buf_reset(&w);
		while ((pct = strstr(word, "%s")) != NULL) {
			buf_add(&w, word, (size_t)(pct - word));
			buf_addstr(&w, url);
			word = pct + 2;
			placed = 1;
		}
		buf_addstr(&w, word);
		argv = xreallocarray(argv, n + 3, sizeof *argv);
		argv[n++] = xstrdup(w.data);
	}
	free(copy);
	buf_release(&w);
	if (n == 0)
		return (NULL);
	if (!placed)
		argv[n++] = xstrdup(url);
	argv[n] = NULL;
	return (argv);
}

/* Open url in the browser: the browser setting, else $BROWSER, else
 * xdg-open. */
int
ui_browser(struct ui *ui, const char *url)
{
	struct buf	 q = BUF_INIT;
	const char	*cmd;
	char		**argv, *cause = NULL;
	size_t		 i;
	int		 rc, flags;

	if (!ui_openable(url)) {
		ui_message(ui, 1, "Not opening \"%s\": only http, https, ftp "
		    "and mailto links are opened", text_printable(&q, url));
		buf_release(&q);
		return (UI_REDRAW);
	}
	cmd = config_str(ui->cfg, NULL, SET_BROWSER);
	if (cmd == NULL || *cmd == '\0')
		cmd = getenv("BROWSER");
	if (cmd == NULL || *cmd == '\0')
		cmd = "xdg-open";
	if ((argv = ui_browser_argv(cmd, url)) == NULL) {
		ui_message(ui, 1, "The browser setting is empty");
		return (UI_REDRAW);
	}
	util_expand_argv(argv);
	ui_hook_suspend();
	rc = hook_wait(argv, -1, &cause);
	flags = ui_hook_resume();
	if (rc == 0)
		ui_message(ui, 0, "Opened %s", text_printable(&q, url));
	else
		ui_hook_report(ui, argv[0], rc, cause);
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
	buf_release(&q);
	return (flags);
}
