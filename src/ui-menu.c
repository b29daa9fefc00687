/* ui-menu.c: the menu of select-filter, a box over the panes that lists
 * the define-filter presets.
 *
 * Its first row opens the prompt of filter, so that an expression of the
 * moment is one key away; the others are the presets, each name beside
 * its expression. It is laid out from LINES and COLS each time it is
 * drawn, so it follows the terminal's size, and it moves with the keys
 * of the items pane's table (next, prev, top, bottom, page-down, page-up,
 * open, back), so that a rebinding there holds in it too; the arrows,
 * Enter and Escape always work.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "keys.h"
#include "render.h"
#include "ui-int.h"
#include "util.h"

#define MENU_NAME_MAX	24		/* columns of the names' column */

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
	memset(m, 0, sizeof *m);
	m->active = 1;
	m->pane.n = ui->cfg->npresets + 1;
	m->pane.cur = ui->cfg->npresets > 0 ? 1 : 0;
	for (i = 0; ui->list.narrow != NULL && i < ui->cfg->npresets; i++)
		if (strcmp(ui->cfg->presets[i].filter->text,
		    ui->list.narrow->text) == 0)
			m->pane.cur = i + 1;
	return (UI_REDRAW);
}

/* Close the menu and do what its row stands for. */
static int
menu_choose(struct ui *ui)
{
	struct ui_menu	*m = &ui->menu;
	size_t		 row = m->pane.cur;

	m->active = 0;
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
	case ACT_NEXT:
	case ACT_NEXT_UNREAD:
	case ACT_NEXT_ITEM:
		if (p->cur + 1 < p->n)
			p->cur++;
		break;
	case ACT_PREV:
	case ACT_PREV_UNREAD:
	case ACT_PREV_ITEM:
		if (p->cur > 0)
			p->cur--;
		break;
	case ACT_TOP:
		p->cur = 0;
		break;
	case ACT_BOTTOM:
		p->cur = p->n - 1;
		break;
	case ACT_PAGE_DOWN:
		p->cur = p->cur + page < p->n ? p->cur + page : p->n - 1;
		break;
	case ACT_PAGE_UP:
		p->cur = p->cur > page ? p->cur - page : 0;
		break;
	case ACT_OPEN:
	case ACT_SELECT_FILTER:
		return (menu_choose(ui));
	case ACT_BACK:
	case ACT_QUIT:
		ui->menu.active = 0;
		return (UI_REDRAW);
	default:
		return (0);
	}
	ui_scroll_to(p);
	return (UI_REDRAW);
}

/* Draw the menu over the panes, centred, as wide as its rows need and
 * the screen allows. */
void
ui_menu_draw(struct ui *ui)
{
	struct ui_pane		*p = &ui->menu.pane;
	const struct config	*cfg = ui->cfg;
	const char		*first;
	size_t			 i, row, namew = 0, c, widest;
	int			 y, x, w, h, sel;
	attr_t			 a;

	if (!ui->menu.active)
		return;
	if (p->n != cfg->npresets + 1) {	/* the dotfile changed */
		p->n = cfg->npresets + 1;
		if (p->cur >= p->n)
			p->cur = p->n - 1;
	}
	first = ui->utf8 ? "Type an expression\xe2\x80\xa6" :
	    "Type an expression...";
	for (i = 0; i < cfg->npresets; i++) {
		c = render_cols(cfg->presets[i].name,
		    strlen(cfg->presets[i].name));
		if (c > namew)
			namew = c;
	}
	if (namew > MENU_NAME_MAX)
		namew = MENU_NAME_MAX;
	widest = render_cols(first, strlen(first));
	for (i = 0; i < cfg->npresets; i++) {
		c = namew + 2 + render_cols(cfg->presets[i].filter->text,
		    strlen(cfg->presets[i].filter->text));
		if (c > widest)
			widest = c;
	}
	/* Two columns of border and one of margin on each side. */
	w = (int)widest + 4;
	if (w < 32)
		w = 32;
	if (w > COLS - 2)
		w = COLS - 2;
	h = (int)p->n + 2;
	if (h > LINES - 3)
		h = LINES - 3;
	if (w < 12 || h < 3)
		return;
	if ((size_t)namew + 2 > (size_t)w / 2)
		namew = (size_t)w / 2 > 4 ? (size_t)w / 2 - 2 : 0;
	x = (COLS - w) / 2;
	y = (LINES - 1 - h) / 2;
	p->x = x;
	p->y = y;
	p->w = w;
	p->h = h - 2;
	ui_scroll_to(p);
	ui_draw_title(ui, p, 1, "Filter presets",
	    "Escape closes");
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
		if (row == 0) {
			ui_put(ui, y + 1 + (int)i, x + 2, w - 4, first,
			    ui_row_attr(ui, sel, 1, EL_DIM));
			continue;
		}
		ui_put(ui, y + 1 + (int)i, x + 2, (int)namew,
		    cfg->presets[row - 1].name, ui_row_attr(ui, sel, 1,
		    EL_FEED));
		ui_put(ui, y + 1 + (int)i, x + 2 + (int)namew + 2,
		    w - 4 - (int)namew - 2, cfg->presets[row - 1].filter->text,
		    a);
	}
}
