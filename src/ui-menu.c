/* ui-menu.c: menus, boxes over the panes: select-filter's, which lists
 * the define-filter presets, and download-enclosure's, which asks which
 * of an item's enclosures to download.
 *
 * select-filter's first row opens the prompt of filter, so that an
 * expression of the moment is one key away; the others are the presets,
 * each name beside its expression. download-enclosure's first row
 * downloads every enclosure; the others are the enclosures as the
 * article's header describes them, each beside its file's name in its
 * URL, so that an episode's formats tell apart. A menu is laid out from
 * LINES and COLS each time it is
 * drawn, so it follows the terminal's size, and it moves with the keys
 * of the items pane's table (next, prev, top, bottom, page-down, page-up,
 * open, back), so that a rebinding there holds in it too; the arrows,
 * Enter and Escape always work.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "download.h"
#include "filter.h"
#include "keys.h"
#include "render.h"
#include "ui-int.h"
#include "url.h"
#include "util.h"

#define MENU_NAME_MAX	24		/* columns of the names' column */
#define MENU_DESC_MAX	40		/* ... of an enclosure's */

/* Open the menu, on the preset in force when there is one. */
int
ui_menu_filter(struct ui *ui)
{
	struct ui_menu	*m = &ui->menu;
	size_t		 i;

	if (ui->cfg->npresets == 0) {
		ui_message(ui, 1, "No presets: the dotfile has no "
		    "define-filter line");
		return (UI_REDRAW);
	}
	ui_menu_close(ui);
	m->active = UI_MENU_FILTER;
	m->pane.n = ui->cfg->npresets + 1;
	m->pane.cur = ui->cfg->npresets > 0 ? 1 : 0;
	for (i = 0; ui->list.narrow != NULL && i < ui->cfg->npresets; i++)
		if (strcmp(ui->cfg->presets[i].filter->text,
		    ui->list.narrow->text) == 0)
			m->pane.cur = i + 1;
	return (UI_REDRAW);
}

/* Open download-enclosure's menu on the enclosure a feed would download. */
int
ui_menu_enclosures(struct ui *ui, int64_t item_id, unsigned cfid,
    const char *feed, struct store_enclosure *v, size_t n)
{
	struct ui_menu	*m = &ui->menu;

	ui_menu_close(ui);
	m->active = UI_MENU_ENCL;
	m->item_id = item_id;
	m->cfid = cfid;
	m->feed = feed != NULL ? xstrdup(feed) : NULL;
	m->encl = v;
	m->nencl = n;
	m->pane.n = n + 1;
	m->pane.cur = download_pick(v, n) + 1;
	return (UI_REDRAW);
}

/* Close the menu and free what it holds. */
void
ui_menu_close(struct ui *ui)
{
	struct ui_menu	*m = &ui->menu;

	free(m->feed);
	store_enclosures_free(m->encl, m->nencl);
	memset(m, 0, sizeof *m);
}

/* Close the menu and do what its row stands for. */
static int
menu_choose(struct ui *ui)
{
	struct ui_menu	*m = &ui->menu;
	size_t		 row = m->pane.cur;
	char		*feed;
	int64_t		 item;
	unsigned	 cfid;

	if (m->active == UI_MENU_ENCL) {
		item = m->item_id;
		cfid = m->cfid;
		feed = m->feed;
		m->feed = NULL;
		ui_menu_close(ui);
		row = ui_dl_queue(ui, item, cfid, feed, row == 0 ? UI_DL_ALL :
		    (int)row - 1);
		free(feed);
		return ((int)row);
	}
	ui_menu_close(ui);
	if (row == 0) {
		ui_prompt_start(ui, 'F', ui->list.narrow != NULL ?
		    ui->list.narrow->text : "");
		return (UI_REDRAW);
	}
	if (row - 1 >= ui->cfg->npresets)	/* the dotfile changed */
		return (UI_REDRAW);
	return (ui_list_filter(ui, ui->cfg->presets[row - 1].filter->text));
}

/* Handle a key while the menu is open. */
int
ui_menu_key(struct ui *ui, int key)
{
	struct ui_pane	*p = &ui->menu.pane;
	size_t		 page = p->h > 1 ? (size_t)p->h - 1 : 1;
	enum keys_action a;

	switch (key) {
	case KEYS_UP:
		a = ACT_PREV;
		break;
	case KEYS_DOWN:
		a = ACT_NEXT;
		break;
	case KEYS_ENTER:
	case '\n':
		a = ACT_OPEN;
		break;
	case KEYS_ESCAPE:
	case 0x03:			/* C-c */
	case 0x07:			/* C-g */
		a = ACT_BACK;
		break;
	default:
		a = keys_lookup(ui->cfg->keys, KEYS_ITEMS, key);
		break;
	}
	switch (a) {
	case ACT_NEXT_UNREAD:
	case ACT_NEXT_ITEM:
		a = ACT_NEXT;
		break;
	case ACT_PREV_UNREAD:
	case ACT_PREV_ITEM:
		a = ACT_PREV;
		break;
	default:
		break;
	}
	if (ui_pane_move(p, a, page)) {
		ui_scroll_to(p);
		return (UI_REDRAW);
	}
	switch (a) {
	case ACT_OPEN:
	case ACT_SELECT_FILTER:
	case ACT_DOWNLOAD_ENCLOSURE:
		return (menu_choose(ui));
	case ACT_BACK:
	case ACT_QUIT:
		ui_menu_close(ui);
		return (UI_REDRAW);
	default:
		return (0);
	}
}

/* Row row of the menu: *name in the first column (NULL: none, the row is
 * text alone, dim) and its text into b. */
static void
menu_row(struct ui *ui, size_t row, struct buf *name, struct buf *b)
{
	const struct ui_menu	*m = &ui->menu;
	const struct store_enclosure *e;
	const char		*seg;
	size_t			 n;

	buf_reset(name);
	buf_reset(b);
	if (row == 0 && m->active == UI_MENU_ENCL) {
		buf_addf(b, "All %zu enclosures", m->nencl);
		return;
	}
	if (row == 0) {
		buf_addstr(b, ui->utf8 ? "Type an expression\xe2\x80\xa6" :
		    "Type an expression...");
		return;
	}
	if (m->active == UI_MENU_FILTER) {
		buf_addstr(name, ui->cfg->presets[row - 1].name);
		buf_addstr(b, ui->cfg->presets[row - 1].filter->text);
		return;
	}
	/* The enclosure as the header has it, beside its file's name. */
	e = &m->encl[row - 1];
	ui_encl_describe(name, e, row);
	seg = url_last_segment(e->url, &n);
	buf_add(b, seg, n);
	if (b->len == 0)
		buf_addstr(b, e->url);
}

/* Draw the menu over the panes, centred, as wide as its rows need and
 * the screen allows. */
void
ui_menu_draw(struct ui *ui)
{
	struct ui_pane		*p = &ui->menu.pane;
	const struct config	*cfg = ui->cfg;
	struct buf		 name = BUF_INIT, text = BUF_INIT;
	const char		*title;
	size_t			 i, row, namew = 0, c, widest = 0;
	size_t			 namemax;
	int			 y, x, w, h, sel;
	attr_t			 a;

	if (!ui->menu.active)
		return;
	if (ui->menu.active == UI_MENU_FILTER &&
	    p->n != cfg->npresets + 1) {	/* the dotfile changed */
		p->n = cfg->npresets + 1;
		if (p->cur >= p->n)
			p->cur = p->n - 1;
	}
	namemax = ui->menu.active == UI_MENU_ENCL ? MENU_DESC_MAX :
	    MENU_NAME_MAX;
	for (i = 1; i < p->n; i++) {
		menu_row(ui, i, &name, &text);
		c = render_cols(name.data, name.len);
		if (c > namew)
			namew = c;
	}
	if (namew > namemax)
		namew = namemax;
	for (i = 0; i < p->n; i++) {
		menu_row(ui, i, &name, &text);
		c = render_cols(text.data, text.len) + (i > 0 ? namew + 2 : 0);
		if (c > widest)
			widest = c;
	}
	/* Two columns of border and one of margin on each side; room for
	 * the title. */
	title = ui->menu.active == UI_MENU_ENCL ? "Download which enclosure?" :
	    "Filter presets";
	w = (int)widest + 4;
	if (w < 32)
		w = 32;
	if (w < (int)strlen(title) + 18)
		w = (int)strlen(title) + 18;
	if (w > COLS - 2)
		w = COLS - 2;
	h = (int)p->n + 2;
	if (h > LINES - 3)
		h = LINES - 3;
	if (w < 12 || h < 3) {
		buf_release(&name);
		buf_release(&text);
		return;
	}
	/* A preset's name takes at most half the box; an enclosure's
	 * description all but some columns of its file's name. */
	if (ui->menu.active == UI_MENU_ENCL) {
		if ((int)namew > w - 14)
			namew = w > 18 ? (size_t)w - 14 : 0;
	} else if ((size_t)namew + 2 > (size_t)w / 2)
		namew = (size_t)w / 2 > 4 ? (size_t)w / 2 - 2 : 0;
	x = (COLS - w) / 2;
	y = (LINES - 1 - h) / 2;
	p->x = x;
	p->y = y;
	p->w = w;
	p->h = h - 2;
	ui_scroll_to(p);
	ui_draw_title(ui, p, 1, title, "Escape closes");
	for (i = 0; i < (size_t)h - 1; i++) {
		ui_fill(ui, y + 1 + (int)i, x, w, ui_attr(ui, EL_NORMAL));
		attrset(ui_attr(ui, EL_BORDER));
		mvaddch(y + 1 + (int)i, x, i + 2 == (size_t)h ? ACS_LLCORNER :
		    ACS_VLINE);
		mvaddch(y + 1 + (int)i, x + w - 1, i + 2 == (size_t)h ?
		    ACS_LRCORNER : ACS_VLINE);
		attrset(A_NORMAL);
	}
	attrset(ui_attr(ui, EL_BORDER));
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	attrset(A_NORMAL);
	for (i = 0; i < (size_t)p->h; i++) {
		row = p->top + i;
		if (row >= p->n)
			break;
		sel = row == p->cur;
		a = ui_row_attr(ui, sel, 1, EL_NORMAL);
		ui_fill(ui, y + 1 + (int)i, x + 1, w - 2, a);
		menu_row(ui, row, &name, &text);
		if (row == 0) {
			ui_put(ui, y + 1 + (int)i, x + 2, w - 4, text.data,
			    ui_row_attr(ui, sel, 1, EL_DIM));
			continue;
		}
		ui_put(ui, y + 1 + (int)i, x + 2, (int)namew, name.data,
		    ui_row_attr(ui, sel, 1, EL_FEED));
		ui_put(ui, y + 1 + (int)i, x + 2 + (int)namew + 2,
		    w - 4 - (int)namew - 2, text.data, a);
	}
	buf_release(&name);
	buf_release(&text);
}
