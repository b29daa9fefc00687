/* ui.c: the reader's loop, layout, drawing and key dispatch.
 *
 * The screen is three panes, feeds | items | article, and a status line.
 * A pane (struct ui_pane) is a cursor, a scroll offset and a place on the
 * screen; the rows belong to whoever owns the list (ui-list.c, ui-article.c)
 * and are drawn by them. How many panes stand side by side follows the
 * terminal's width, the "panes" setting or the cycle-layout action; the
 * window of panes shown always holds the focused one, whose title row
 * stands out.
 *
 * One thread draws. The loop waits in ppoll(2) on the terminal and on the
 * self-pipe of the background refresh (ui-refresh.c), whose thread only
 * writes to its own store connection and then a byte to the pipe. Signal
 * handlers only set flags; SIGWINCH is acted on in the loop with
 * resizeterm(). The signals are blocked except inside ppoll, which
 * unblocks them and waits in one step: a signal that came while the loop
 * drew would otherwise set its flag just after the loop looked, and a
 * poll without a timeout would sleep on it, the new size unseen until
 * the next key. An action returns what must happen next (UI_REDRAW,
 * UI_RELOAD, UI_QUIT) and the loop alone repaints, once per turn, so a
 * burst of keys costs one repaint. Every string that reaches the terminal
 * goes through text_fit() or is a line that render.c already gated.
 */
#include <sys/ioctl.h>

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <sys/poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "keys.h"
#include "render.h"
#include "store.h"
#include "sync.h"
#include "ui.h"
#include "ui-int.h"
#include "util.h"

#define UI_MSG_SECONDS	5		/* how long a message stays */
#define UI_WHEEL	3		/* rows a wheel step moves */

static volatile sig_atomic_t	 ui_winch;
static volatile sig_atomic_t	 ui_quit;

static const int ui_signals[] = { SIGWINCH, SIGCONT, SIGINT, SIGTERM,
    SIGHUP };

/* Only set a flag: the loop acts on it (§7 of the style guide). */
static void
ui_on_signal(int sig)
{
	if (sig == SIGWINCH || sig == SIGCONT)
		ui_winch = 1;
	else
		ui_quit = 1;
}

/* Leave the terminal usable when a fatal error ends the process. */
static void
ui_fatal_cleanup(void)
{
	endwin();
}

/* Append s through the gate, fitted to cols columns (see ui.h). */
size_t
text_fit(struct buf *out, const char *s, size_t cols)
{
	struct buf		 g = BUF_INIT;
	const unsigned char	*p;
	size_t			 i = 0, n, used = 0, total, limit;
	uint32_t		 cp;
	int			 w;

	text_printable(&g, s);
	p = (const unsigned char *)g.data;
	/* A mark with nothing before it would combine with whatever the
	 * terminal drew to its left, so it gets a space of its own. */
	if (g.len > 0 && (n = utf8_decode(p, g.len, &cp)) != 0 &&
	    render_width(cp) == 0 && cols > 0) {
		buf_addch(out, ' ');
		used = 1;
		cols--;
	}
	total = render_cols(g.data, g.len);
	if (total <= cols) {
		buf_add(out, g.data, g.len);
		buf_release(&g);
		return (used + total);
	}
	if (cols == 0) {
		buf_release(&g);
		return (used);
	}
	limit = cols - 1;		/* room for the ellipsis */
	total = 0;
	while (i < g.len) {
		if ((n = utf8_decode(p + i, g.len - i, &cp)) == 0)
			break;		/* cannot happen after the gate */
		w = render_width(cp);
		if (w < 0)
			w = 1;
		if (total + (size_t)w > limit)
			break;
		total += (size_t)w;
		i += n;
	}
	buf_add(out, g.data, i);
	buf_addstr(out, "\xe2\x80\xa6");
	buf_release(&g);
	return (used + total + 1);
}

/* The look of an element: its colour pair and attributes. */
attr_t
ui_attr(struct ui *ui, enum config_element el)
{
	return (ui->attrs[el]);
}

/* A colour the terminal has: bright colours fall back to their plain
 * ones on eight-colour terminals, the rest to the default. */
static short
ui_color(int c)
{
	if (c < 0)
		return (-1);
	if (c < COLORS)
		return ((short)c);
	if (c >= 8 && c < 16 && c - 8 < COLORS)
		return ((short)(c - 8));
	return (-1);
}

/* Turn the config's colours into colour pairs and attributes. NO_COLOR
 * (no-color.org) keeps the attributes and drops the colours. */
void
ui_apply_colors(struct ui *ui)
{
	static const struct {
		unsigned	 config;
		attr_t		 curses;
	} attrs[] = {
		{ CONFIG_ATTR_BOLD, A_BOLD }, { CONFIG_ATTR_DIM, A_DIM },
		{ CONFIG_ATTR_UNDERLINE, A_UNDERLINE },
		{ CONFIG_ATTR_REVERSE, A_REVERSE },
		{ CONFIG_ATTR_ITALIC, A_ITALIC },
		{ CONFIG_ATTR_BLINK, A_BLINK },
		{ CONFIG_ATTR_STANDOUT, A_STANDOUT },
	};
	const struct config_color	*c;
	const char			*nc;
	attr_t				*a;
	size_t				 i, j;
	int				 color;

	nc = getenv("NO_COLOR");
	color = has_colors() && (nc == NULL || *nc == '\0');
	if (color && start_color() == OK)
		use_default_colors();
	/* Pair i + 1 for element i, then one for each highlight rule. */
	ui->nhl = ui->cfg->nhighlights;
	for (i = 0; i < EL__COUNT + ui->nhl; i++) {
		c = i < EL__COUNT ? &ui->cfg->colors[i] :
		    &ui->cfg->highlights[i - EL__COUNT].color;
		a = i < EL__COUNT ? &ui->attrs[i] : &ui->hl_attrs[i - EL__COUNT];
		*a = 0;
		for (j = 0; j < nitems(attrs); j++)
			if (c->attr & attrs[j].config)
				*a |= attrs[j].curses;
		if (color && (int)i + 1 < COLOR_PAIRS &&
		    (c->fg != CONFIG_COLOR_DEFAULT ||
		    c->bg != CONFIG_COLOR_DEFAULT)) {
			init_pair((short)(i + 1), ui_color(c->fg),
			    ui_color(c->bg));
			*a |= COLOR_PAIR(i + 1);
		}
	}
}

/*
 * Ask for mouse events when the setting says so. A click counts when the
 * button is released, as in any toolkit: in the X10 encoding a release
 * names no button, and when one goes missing (a terminal or multiplexer
 * that drops it) ncurses takes the next press for a drag and reports
 * nothing, while that press's release still comes through.
 */
void
ui_apply_mouse(struct ui *ui)
{
	int	 on;

	on = config_num(ui->cfg, NULL, SET_MOUSE) != 0;
	if (on == ui->mouse)
		return;
	ui->mouse = on;
	mouseinterval(0);
	mousemask(on ? BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED :
	    0, NULL);
}

/* Set the status line's message; errors stay until the next message. */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;

	free(ui->msg);
	va_start(ap, fmt);
	xvasprintf(&ui->msg, fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui->msg_until = error ? 0 : time_mono() + UI_MSG_SECONDS;
}

/* Write len bytes of gated UTF-8 at the cursor; a terminal that does not
 * take UTF-8 gets a '?' for each column of a character beyond ASCII. */
static void
ui_addbytes(struct ui *ui, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n;
	uint32_t		 cp;
	int			 w;

	if (ui->utf8) {
		addnstr(s, (int)len);
		return;
	}
	for (i = 0; i < len; i += n) {
		if (p[i] < 0x80) {
			addch(p[i]);
			n = 1;
			continue;
		}
		if ((n = utf8_decode(p + i, len - i, &cp)) == 0)
			n = 1;
		for (w = render_width(cp); w > 0; w--)
			addch('?');
	}
}

/* Blank w columns at y, x. */
void
ui_fill(struct ui *ui, int y, int x, int w, attr_t attr)
{
	(void)ui;
	if (w <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	attrset(attr);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

/* Draw s, gated and fitted, in at most w columns at y, x. Return the
 * columns used. */
int
ui_put(struct ui *ui, int y, int x, int w, const char *s, attr_t attr)
{
	size_t	 cols;

	if (w <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return (0);
	if (x + w > COLS)
		w = COLS - x;
	buf_reset(&ui->scratch);
	cols = text_fit(&ui->scratch, s, (size_t)w);
	attrset(attr);
	move(y, x);
	ui_addbytes(ui, ui->scratch.data, ui->scratch.len);
	attrset(A_NORMAL);
	return ((int)cols);
}

/* The look of a span of rendered text. */
static attr_t
ui_span_attr(struct ui *ui, unsigned a)
{
	enum config_element	 el = EL_NORMAL;
	attr_t			 r;

	if (a & UI_A_KEY)
		el = EL_HELP_KEY;
	else if (a & UI_A_HEADER)
		el = EL_HEADER;
	else if (a & RENDER_LINKNUM)
		el = EL_LINK_NUMBER;
	else if (a & RENDER_LINK)
		el = EL_LINK;
	else if (a & (RENDER_HEADING | RENDER_TITLE))
		el = EL_HEADING;
	else if (a & RENDER_CODE)
		el = EL_CODE;
	else if (a & RENDER_QUOTE)
		el = EL_QUOTE;
	else if (a & RENDER_DIM)
		el = EL_DIM;
	r = ui_attr(ui, el);
	if (a & RENDER_BOLD)
		r |= A_BOLD;
	if (a & RENDER_ITALIC)
		r |= A_ITALIC;
	return (r);
}

/*
 * Draw a rendered line in at most w columns at y, x, each span in its
 * element's look. The text passed render.c's gate; it is only clipped
 * here (preformatted lines may be wider than the pane).
 */
void
ui_draw_line(struct ui *ui, int y, int x, int w, const struct render_line *l)
{
	const unsigned char	*p = (const unsigned char *)l->text;
	size_t			 i = 0, s = 0, n, end;
	uint32_t		 cp;
	int			 cw, used = 0;

	if (w <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (x + w > COLS)
		w = COLS - x;
	move(y, x);
	while (i < l->len) {
		while (s < l->nspans && l->spans[s].off + l->spans[s].len <= i)
			s++;
		if (s < l->nspans && l->spans[s].off <= i) {
			attrset(ui_span_attr(ui, l->spans[s].attr));
			end = l->spans[s].off + l->spans[s].len;
		} else {
			attrset(ui_span_attr(ui, l->attr));
			end = s < l->nspans ? l->spans[s].off : l->len;
		}
		for (n = i; n < end; ) {
			size_t	 k;

			if ((k = utf8_decode(p + n, end - n, &cp)) == 0)
				k = 1, cp = 0xfffd;
			cw = render_width(cp);
			if (cw < 0)
				cw = 1;
			if (used + cw > w)
				break;
			used += cw;
			n += k;
		}
		ui_addbytes(ui, l->text + i, n - i);
		if (n < end)
			break;
		i = end;
	}
	attrset(A_NORMAL);
}

/* Append one line of text to r, with one span of attr. */
static void
ui_line_add(struct render *r, struct buf *text, size_t lead, unsigned
    lead_attr, unsigned attr)
{
	struct render_line	*l;

	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 16 : r->cap * 2;
		r->lines = xreallocarray(r->lines, r->cap, sizeof *r->lines);
	}
	l = &r->lines[r->n++];
	memset(l, 0, sizeof *l);
	l->len = text->len;
	l->cols = render_cols(text->data, text->len);
	l->text = buf_detach(text, NULL);
	l->attr = attr;
	l->spans = xcalloc(2, sizeof *l->spans);
	if (lead > 0) {
		l->spans[0].len = lead;
		l->spans[0].attr = lead_attr;
		l->nspans++;
	}
	if (l->len > lead) {
		l->spans[l->nspans].off = lead;
		l->spans[l->nspans].len = l->len - lead;
		l->spans[l->nspans].attr = attr;
		l->nspans++;
	}
}

/*
 * Append text to r as lines of at most width columns, broken between
 * words where it can be, the first line after lead (our own text, in
 * lead_attr) and the others indented as far. text goes through the gate.
 */
void
ui_wrap(struct render *r, const char *lead, unsigned lead_attr,
    const char *text, unsigned attr, size_t width)
{
	struct buf		 g = BUF_INIT, line = BUF_INIT;
	const unsigned char	*p;
	size_t			 indent, i = 0, n, cols, brk, start;
	uint32_t		 cp;
	int			 w, first = 1;

	indent = render_cols(lead, strlen(lead));
	if (width < indent + 8)
		width = indent + 8;
	text_printable(&g, text);
	p = (const unsigned char *)g.data;
	do {
		buf_reset(&line);
		if (first)
			buf_addstr(&line, lead);
		else
			for (n = 0; n < indent; n++)
				buf_addch(&line, ' ');
		while (i < g.len && g.data[i] == ' ')
			i++;
		start = i;
		cols = indent;
		brk = 0;
		first = 0;
		while (i < g.len) {
			if ((n = utf8_decode(p + i, g.len - i, &cp)) == 0)
				n = 1, cp = 0xfffd;
			w = render_width(cp);
			if (w < 0)
				w = 1;
			if (cp == ' ')
				brk = i;
			if (cols + (size_t)w > width) {
				if (brk > start)
					i = brk;
				break;
			}
			cols += (size_t)w;
			i += n;
		}
		buf_add(&line, g.data + start, i - start);
		ui_line_add(r, &line, line.len - (i - start), lead_attr, attr);
	} while (i < g.len);
	buf_release(&g);
	buf_release(&line);
}

/* Keep a list pane's cursor in range and on screen. */
void
ui_scroll_to(struct ui_pane *p)
{
	size_t	 h = p->h > 0 ? (size_t)p->h : 1;

	if (p->n == 0) {
		p->cur = p->top = 0;
		return;
	}
	if (p->cur >= p->n)
		p->cur = p->n - 1;
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + h)
		p->top = p->cur - h + 1;
	if (p->top + h > p->n)
		p->top = p->n > h ? p->n - h : 0;
}

/* Move a list's cursor for act (next, prev, page-down by page rows,
 * page-up, top, bottom), kept on a row; 0 for another action. */
int
ui_pane_move(struct ui_pane *p, enum keys_action act, size_t page)
{
	size_t	 last = p->n > 0 ? p->n - 1 : 0;

	switch (act) {
	case ACT_NEXT:
		if (p->cur + 1 < p->n)
			p->cur++;
		return (1);
	case ACT_PREV:
		if (p->cur > 0)
			p->cur--;
		return (1);
	case ACT_PAGE_DOWN:
		p->cur = p->cur + page < p->n ? p->cur + page : last;
		return (1);
	case ACT_PAGE_UP:
		p->cur = p->cur > page ? p->cur - page : 0;
		return (1);
	case ACT_TOP:
		p->cur = 0;
		return (1);
	case ACT_BOTTOM:
		p->cur = last;
		return (1);
	default:
		return (0);
	}
}

/* Place the panes: how many fit side by side and which of them show. */
static void
ui_layout(struct ui *ui)
{
	struct ui_pane	*p = ui->panes;
	int		 n, first, i, x, H, w[UI__PANES];

	for (i = 0; i < UI__PANES; i++)
		p[i].shown = 0;
	H = LINES - 1;			/* the status line is last */
	if ((n = ui->layout) == 0)
		n = COLS >= 150 ? 3 : (COLS >= 80 ? 2 : 1);
	while (n > 1 && COLS < n * 16)
		n--;
	ui->npanes = n;
	if (n == 3)
		first = 0;
	else if (n == 2)
		first = ui->focus == UI_ARTICLE ? 1 : 0;
	else
		first = ui->focus;
	if (n == 3 && ui->art.id == 0) {
		/* No article yet: its room goes to the items' titles. */
		w[0] = COLS / 5 < 16 ? 16 : (COLS / 5 > 36 ? 36 : COLS / 5);
		w[1] = COLS - w[0] - 1;
		n = 2;
	} else if (n == 3) {
		w[0] = COLS / 5 < 16 ? 16 : (COLS / 5 > 36 ? 36 : COLS / 5);
		w[1] = (COLS - w[0] - 2) * 2 / 5;
		w[2] = COLS - w[0] - w[1] - 2;
	} else if (n == 2 && first == 0) {
		w[0] = COLS / 3 < 16 ? 16 : (COLS / 3 > 40 ? 40 : COLS / 3);
		w[1] = COLS - w[0] - 1;
	} else if (n == 2) {
		w[1] = COLS * 2 / 5;
		w[2] = COLS - w[1] - 1;
	} else
		w[first] = COLS;
	for (x = 0, i = first; i < first + n; i++) {
		p[i].shown = H > 0;
		p[i].x = x;
		p[i].y = 0;
		p[i].w = w[i];
		p[i].h = H - 1 > 0 ? H - 1 : 0;
		x += w[i] + 1;
	}
	ui->helppane.shown = H > 0;
	ui->helppane.x = 0;
	ui->helppane.y = 0;
	ui->helppane.w = COLS;
	ui->helppane.h = H - 1 > 0 ? H - 1 : 0;
	ui_article_layout(ui);
}

/* Draw a pane's title row: left text and right text. */
void
ui_draw_title(struct ui *ui, struct ui_pane *p, int focused,
    const char *left, const char *right)
{
	attr_t	 a;
	int	 rw = 0;

	a = ui_attr(ui, focused ? EL_PANE_TITLE_FOCUSED : EL_PANE_TITLE);
	ui_fill(ui, p->y, p->x, p->w, a);
	if (right != NULL && *right != '\0' && p->w > 12) {
		rw = (int)render_cols(right, strlen(right));
		if (rw > p->w / 2)
			rw = p->w / 2;
		ui_put(ui, p->y, p->x + p->w - rw - 1, rw, right, a);
	}
	ui_put(ui, p->y, p->x + 1, p->w - 2 - (rw > 0 ? rw + 1 : 0), left, a);
}

/* The widest screen on which the help puts an action's text beside its
 * keys and name; on a narrower one the text goes on lines of its own. */
#define UI_HELP_SIDE	72

/* The help's rows for the bindings of table t with arguments (exec's
 * command, a macro's steps): a row each, the key, the action and its
 * arguments as the dotfile would write them, then the action's text. */
static void
ui_help_args(struct ui *ui, enum keys_table t, enum keys_table here,
    size_t width)
{
	const struct keys_binding	*b;
	const struct keys_action_info	*a;
	struct buf			 lead = BUF_INIT, raw = BUF_INIT;
	size_t				 j, i, n;

	b = keys_bindings(ui->cfg->keys, t, &n);
	for (j = 0; j < n; j++) {
		if (b[j].nargs == 0 || (t == KEYS_GLOBAL &&
		    keys_find(ui->cfg->keys, here, b[j].key) != &b[j]))
			continue;
		a = keys_action_info(b[j].action);
		buf_reset(&raw);
		keys_name(&raw, b[j].key);
		buf_addf(&raw, " %s", a->name);
		for (i = 0; i < b[j].nargs; i++) {
			buf_addstr(&raw, i == 0 ? " " : a->id == ACT_MACRO ?
			    "; " : " ");
			if (a->id == ACT_MACRO)
				buf_addstr(&raw, b[j].args[i]);
			else
				config_word(&raw, b[j].args[i]);
		}
		buf_reset(&lead);
		text_printable(&lead, raw.data);
		ui_wrap(&ui->helptext, "", 0, lead.data, UI_A_KEY, width);
		ui_wrap(&ui->helptext, "    ", 0, a->text, 0, width);
	}
	buf_release(&lead);
	buf_release(&raw);
}

/* The help screen: the bindings of every table, the focused pane's first,
 * then the other panes' and the global one, with each action's help
 * text. A global key that the focused pane's table takes over does
 * nothing there, so it is left out. */
static void
ui_help_build(struct ui *ui)
{
	static const enum keys_table panes[] = { KEYS_FEEDS, KEYS_ITEMS,
	    KEYS_ARTICLE };
	const struct keys_action_info	*acts;
	const struct keys_binding	*b;
	struct buf			 keys = BUF_INIT, lead = BUF_INIT;
	struct buf			 title = BUF_INIT;
	enum keys_table			 t[KEYS__TABLES], here;
	size_t				 i, j, k, n, nt = 0, nacts, width;
	int				 any, side;

	render_release(&ui->helptext);
	width = COLS > 20 ? (size_t)COLS - 2 : 20;
	side = COLS >= UI_HELP_SIDE;
	here = panes[ui->focus];
	t[nt++] = here;
	for (k = 0; k < nitems(panes); k++)
		if (panes[k] != here)
			t[nt++] = panes[k];
	t[nt++] = KEYS_DOWNLOADS;
	t[nt++] = KEYS_GLOBAL;
	t[nt++] = KEYS_MACRO;
	acts = keys_actions(&nacts);
	for (k = 0; k < nt; k++) {
		b = keys_bindings(ui->cfg->keys, t[k], &n);
		if (t[k] == KEYS_MACRO && n == 0)
			continue;
		buf_reset(&title);
		if (t[k] == KEYS_GLOBAL)
			buf_addf(&title, "Keys in every pane (global), unless "
			    "the pane's own take them");
		else if (t[k] == KEYS_MACRO)
			buf_addf(&title, "Keys after macro-prefix (macro)");
		else if (t[k] == KEYS_DOWNLOADS)
			buf_addf(&title, "Keys in the downloads view (D), "
			    "before the global ones (downloads)");
		else
			buf_addf(&title, "Keys in the %s pane%s",
			    keys_table_name(t[k]), k == 0 ? " (here)" : "");
		if (ui->helptext.n > 0)
			ui_wrap(&ui->helptext, "", 0, "", 0, width);
		ui_wrap(&ui->helptext, "", 0, title.data, RENDER_HEADING,
		    width);
		for (i = 0; i < nacts; i++) {
			buf_reset(&keys);
			any = 0;
			for (j = 0; j < n; j++) {
				if (b[j].action != acts[i].id || b[j].nargs > 0)
					continue;
				if (t[k] == KEYS_GLOBAL && keys_lookup(
				    ui->cfg->keys, here, b[j].key) !=
				    acts[i].id)
					continue;
				if (any++)
					buf_addstr(&keys, ", ");
				keys_name(&keys, b[j].key);
			}
			if (!any)
				continue;
			buf_reset(&lead);
			text_printable(&lead, keys.data);
			buf_addch(&lead, ' ');
			if (!side) {
				buf_addstr(&lead, acts[i].name);
				ui_wrap(&ui->helptext, "", 0, lead.data,
				    UI_A_KEY, width);
				ui_wrap(&ui->helptext, "    ", 0,
				    acts[i].text, 0, width);
				continue;
			}
			while (render_cols(lead.data, lead.len) < 18)
				buf_addch(&lead, ' ');
			buf_addf(&lead, "%-19s ", acts[i].name);
			ui_wrap(&ui->helptext, lead.data, UI_A_KEY,
			    acts[i].text, 0, width);
		}
		ui_help_args(ui, t[k], here, width);
	}
	buf_release(&keys);
	buf_release(&lead);
	buf_release(&title);
	ui->helppane.top = 0;
	ui->helppane.n = ui->helptext.n;
}

/* Draw the help screen over the panes. */
static void
ui_help_draw(struct ui *ui)
{
	struct ui_pane	*p = &ui->helppane;
	int		 i;

	if (!p->shown)
		return;
	if (ui->help == 2) {
		ui_dl_draw(ui);
		return;
	}
	ui_draw_title(ui, p, 1, "Help", "q, ? or Escape closes it");
	for (i = 0; i < p->h; i++)
		if (p->top + (size_t)i < ui->helptext.n)
			ui_draw_line(ui, p->y + 1 + i, p->x + 1, p->w - 1,
			    &ui->helptext.lines[p->top + (size_t)i]);
}

/* The status line: the prompt, or the message and then counts and the
 * progress of a refresh on the right. */
static void
ui_draw_status(struct ui *ui)
{
	struct buf	 right = BUF_INIT, mark = BUF_INIT;
	int		 y = LINES - 1, rw, pw = 0;

	if (y < 0)
		return;
	ui_fill(ui, y, 0, COLS, ui_attr(ui, EL_STATUS));
	if (ui->prompt.active) {
		ui_prompt_draw(ui, y);
		return;
	}
	if (ui_dl_status(ui, &mark)) {
		buf_add(&right, mark.data, mark.len);
		buf_addstr(&right, " \xc2\xb7 ");
		buf_reset(&mark);
	}
	if (ui_fetch_status(ui, &right) && ui->refresh.running)
		buf_addstr(&right, " \xc2\xb7 ");
	ui_refresh_status(ui, &right);
	if (right.len >= 4 && memcmp(right.data + right.len - 4,
	    " \xc2\xb7 ", 4) == 0)
		buf_truncate(&right, right.len - 4);
	if (ui_list_mark_status(ui, &mark) && right.len > 0)
		buf_addstr(&mark, " \xc2\xb7 ");
	if (mark.len > 0) {
		buf_add(&mark, right.data, right.len);
		buf_reset(&right);
		buf_add(&right, mark.data, mark.len);
	}
	buf_release(&mark);
	if (right.len > 0) {
		pw = (int)render_cols(right.data, right.len) + 2;
		if (pw > COLS)
			pw = COLS;
		ui_put(ui, y, COLS - pw, pw - 1, right.data,
		    ui_attr(ui, EL_PROGRESS));
	}
	buf_reset(&right);
	if (ui->list.sort != 0 && !ui->list.search &&
	    ui->list.label != NULL && !ui->picking) {
		filter_sort_name(&right, ui->list.sort);
		buf_addstr(&right, " \xc2\xb7 ");
	}
	if (ui->list.total > 0 && !ui->picking)
		buf_addf(&right, "%zu/%zu \xc2\xb7 ",
		    ui->panes[UI_ITEMS].cur + 1, ui->list.total);
	buf_addf(&right, "%lld unread", (long long)ui->unread);
	rw = (int)render_cols(right.data, right.len) + 1;
	if (rw + pw > COLS)
		rw = COLS - pw;
	ui_put(ui, y, COLS - pw - rw, rw, right.data,
	    ui_attr(ui, EL_STATUS));
	if (ui->msg != NULL)
		ui_put(ui, y, 0, COLS - pw - rw - 1, ui->msg,
		    ui_attr(ui, ui->msg_error ? EL_ERROR : EL_STATUS));
	buf_release(&right);
}

/* Paint the whole screen from the data held. */
void
ui_draw(struct ui *ui, int clear)
{
	struct ui_pane	*p;
	int		 i, H = LINES - 1;

	ui_list_sync(ui);
	if (clear)
		clearok(curscr, TRUE);
	erase();
	ui_layout(ui);
	if (ui->help)
		ui_help_draw(ui);
	else {
		for (i = 0; i < UI__PANES; i++) {
			p = &ui->panes[i];
			if (!p->shown)
				continue;
			if (p->x > 0 && H > 0) {
				attrset(ui_attr(ui, EL_BORDER));
				mvvline(p->y, p->x - 1, ACS_VLINE, H);
				attrset(A_NORMAL);
			}
			switch (i) {
			case UI_FEEDS:
				ui_list_draw_feeds(ui, p);
				break;
			case UI_ITEMS:
				ui_list_draw_items(ui, p);
				break;
			default:
				ui_article_draw(ui, p);
				break;
			}
		}
		ui_menu_draw(ui);
	}
	ui_draw_status(ui);
	if (!ui->prompt.active)
		curs_set(0);
	refresh();
}

/* The look of a row's part: the cursor's look when the row is selected,
 * keeping the part's attributes but not its colours. */
attr_t
ui_row_attr(struct ui *ui, int selected, int focused, enum config_element el)
{
	if (!selected)
		return (ui_attr(ui, el));
	return (ui_attr(ui, focused ? EL_SELECTED : EL_SELECTED_IDLE) |
	    (ui_attr(ui, el) & ~A_COLOR));
}

/* Give a pane the focus; the article only when one is open. */
int
ui_focus(struct ui *ui, enum ui_pane_id id)
{
	if (id == UI_ARTICLE && ui->art.id == 0)
		return (0);
	ui->focus = id;
	return (UI_REDRAW);
}

/* Remember a change for undo; the oldest is dropped when full. */
void
ui_undo_push(struct ui *ui, enum ui_undo_kind kind, int64_t id, int old)
{
	char	*cause;

	if (ui->nundo == UI_UNDO_MAX) {
		if (ui->undo[0].kind == UNDO_MARK &&
		    ui->undo[0].id == ui->marking.mark)
			ui_list_mark_finish(ui);
		if (ui->undo[0].kind == UNDO_MARK &&
		    store_mark_forget(ui->st, ui->undo[0].id, &cause) != 0) {
			log_debug("ui: %s", cause);
			free(cause);
		}
		memmove(&ui->undo[0], &ui->undo[1],
		    (UI_UNDO_MAX - 1) * sizeof ui->undo[0]);
		ui->nundo--;
	}
	ui->undo[ui->nundo].kind = kind;
	ui->undo[ui->nundo].id = id;
	ui->undo[ui->nundo].old = old;
	ui->nundo++;
}

/* Take back the last change. */
int
ui_undo(struct ui *ui)
{
	struct ui_undo	*u;
	char		*cause;
	int		 rc;

	if (ui->nundo == 0) {
		ui_message(ui, 0, "Nothing to undo");
		return (UI_REDRAW);
	}
	u = &ui->undo[--ui->nundo];
	switch (u->kind) {
	case UNDO_READ:
		rc = store_set_read(ui->st, u->id, !u->old, &cause);
		if (rc == 0) {
			ui_message(ui, 0, "Marked %s again",
			    u->old ? "unread" : "read");
			/* One mark: the rows and counts held follow it. */
			if (ui_list_item_changed(ui, u->id, u->old, -1))
				return (UI_REDRAW);
		}
		break;
	case UNDO_STAR:
		rc = store_set_starred(ui->st, u->id, u->old, &cause);
		if (rc == 0) {
			ui_message(ui, 0, "%s again",
			    u->old ? "Starred" : "Unstarred");
			if (ui_list_item_changed(ui, u->id, -1, u->old))
				return (UI_REDRAW);
		}
		break;
	default:
		return (ui_list_unmark(ui, u->id) | UI_REDRAW);
	}
	if (rc != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	return (UI_RELOAD | UI_REDRAW);
}

/* The pane whose keys and moves apply now. */
static struct ui_pane *
ui_current_pane(struct ui *ui)
{
	if (ui->help)
		return (&ui->helppane);
	return (&ui->panes[ui->focus]);
}

/* Move the cursor of a list, or scroll the article or help text. */
static int
ui_move(struct ui *ui, enum keys_action act, size_t count)
{
	struct ui_pane	*p = ui_current_pane(ui);
	size_t		 h = p->h > 1 ? (size_t)p->h : 1, old;
	int		 text = ui->help || ui->focus == UI_ARTICLE;

	if (ui->focus == UI_ITEMS && !ui->help)
		p->n = ui->list.total;
	old = text ? p->top : p->cur;
	switch (act) {
	case ACT_NEXT:
		old = old + count;
		break;
	case ACT_PREV:
		old = old > count ? old - count : 0;
		break;
	case ACT_PAGE_DOWN:
		old += h;
		if (!text)
			p->top += h;
		break;
	case ACT_PAGE_UP:
		old = old > h ? old - h : 0;
		if (!text)
			p->top = p->top > h ? p->top - h : 0;
		break;
	case ACT_TOP:
		old = 0;
		break;
	default:
		old = p->n > 0 ? p->n - 1 : 0;
		break;
	}
	if (text) {
		if (p->n <= h)
			old = 0;
		else if (old > p->n - h)
			old = p->n - h;
		p->top = p->cur = old;
		return (UI_REDRAW);
	}
	p->cur = old;
	ui_scroll_to(p);
	if (ui->focus == UI_FEEDS)
		ui_list_set_row(ui, p->cur);
	return (UI_REDRAW);
}

/* Open the browser on the link of what is under the cursor. */
static int
ui_open_browser(struct ui *ui)
{
	const struct store_item	*it;
	const struct ui_feed	*f;
	size_t			 row;

	/* An item without a link may still have an enclosure to play. */
	if (ui->focus == UI_ARTICLE && ui->art.id != 0) {
		if (ui->art.body.item.link == NULL)
			return (ui_encl_open_item(ui, 1));
		return (ui_browser(ui, ui->art.body.item.link));
	}
	if (ui->focus == UI_ITEMS) {
		if ((it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL)
			return (UI_REDRAW);
		if (it->link == NULL)
			return (ui_encl_open_item(ui, 1));
		return (ui_browser(ui, it->link));
	}
	row = ui->panes[UI_FEEDS].cur;
	if (ui->picking || row >= ui->nrows || !UI_ROW_FEED(ui->rows[row])) {
		ui_message(ui, 1, "No feed under the cursor");
		return (UI_REDRAW);
	}
	f = &ui->feeds[ui->rows[row]];
	return (ui_browser(ui, f->link != NULL ? f->link : f->cf->url));
}

/* Open the item's link in the browser and, when it opened, mark the item
 * read (open-browser-mark-read). */
static int
ui_open_mark_read(struct ui *ui)
{
	int	 flags;

	free(ui->msg);
	ui->msg = NULL;
	ui->msg_error = 0;
	flags = ui_open_browser(ui);
	if (ui->msg_error)
		return (flags);
	return (flags | ui_list_mark_item(ui, 1, 0));
}

/* Run one action; return what the loop must do next. */
int
ui_act(struct ui *ui, enum keys_action act)
{
	const struct keys_action_info	*info;
	struct ui_pane			*p;
	size_t				 row;
	int				 flags;

	/* The downloads view's own actions and moves. */
	if (ui->help == 2 && (flags = ui_dl_act(ui, act)) >= 0)
		return (flags);
	if (ui->help) {
		switch (act) {
		case ACT_NEXT: case ACT_PREV: case ACT_PAGE_DOWN:
		case ACT_PAGE_UP: case ACT_TOP: case ACT_BOTTOM:
			return (ui_move(ui, act, 1));
		case ACT_HELP:
			if (ui->help == 2) {
				/* From the downloads, the help. */
				ui->help = 0;
				break;
			}
			ui->help = 0;
			return (UI_REDRAW);
		case ACT_QUIT:
		case ACT_BACK:
		case ACT_DOWNLOADS:
			ui->help = 0;
			return (UI_REDRAW);
		default:
			ui->help = 0;
			break;
		}
	}
	ui_list_sync(ui);
	info = keys_action_info(act);
	if (info != NULL &&
	    (info->tables & KEYS_IN(ui->focus + KEYS_FEEDS)) == 0) {
		ui_message(ui, 1, "%s does nothing in the %s pane", info->name,
		    keys_table_name(ui->focus + KEYS_FEEDS));
		return (UI_REDRAW);
	}
	switch (act) {
	case ACT_NONE:
		return (0);
	case ACT_QUIT:
		if (config_num(ui->cfg, NULL, SET_CONFIRM_QUIT) == 0)
			return (UI_QUIT);
		ui->asking = 1;
		ui_message(ui, 0, "Quit tidings? y quits, any other key "
		    "stays");
		ui->msg_until = 0;
		return (UI_REDRAW);
	case ACT_HELP:
		ui->help = 1;
		ui_help_build(ui);
		return (UI_REDRAW);
	case ACT_COMMAND:
		ui_prompt_start(ui, ':', "");
		return (UI_REDRAW);
	case ACT_SEARCH:
		ui_prompt_start(ui, '/', "");
		return (UI_REDRAW);
	case ACT_FILTER:
		ui_prompt_start(ui, 'F', ui->list.narrow != NULL ?
		    ui->list.narrow->text : "");
		return (UI_REDRAW);
	case ACT_SELECT_FILTER:
		return (ui_menu_filter(ui));
	case ACT_CLEAR_FILTER:
		return (ui_list_filter(ui, ""));
	case ACT_CYCLE_SORT:
		return (ui_list_sort(ui, 1));
	case ACT_FOCUS_NEXT:
		if (ui->focus == UI_FEEDS)
			return (ui_focus(ui, UI_ITEMS));
		if (ui->focus == UI_ITEMS && ui->art.id != 0)
			return (ui_focus(ui, UI_ARTICLE));
		return (ui_focus(ui, UI_FEEDS));
	case ACT_FOCUS_PREV:
		if (ui->focus == UI_ARTICLE)
			return (ui_focus(ui, UI_ITEMS));
		if (ui->focus == UI_ITEMS)
			return (ui_focus(ui, UI_FEEDS));
		return (ui_focus(ui, ui->art.id != 0 ? UI_ARTICLE : UI_ITEMS));
	case ACT_BACK:
		if (ui->focus == UI_ARTICLE)
			return (ui_focus(ui, UI_ITEMS));
		if (ui->focus == UI_ITEMS) {
			if (ui->list.search)
				return (ui_list_back(ui));
			if (ui->list.narrow != NULL)
				return (ui_list_filter(ui, ""));
			return (ui_focus(ui, UI_FEEDS));
		}
		if (ui->picking) {
			ui->picking = 0;
			ui_list_feeds_rows(ui);
			return (UI_REDRAW);
		}
		if (ui->tag != NULL)
			return (ui_list_tag(ui, NULL));
		return (0);
	case ACT_OPEN:
		return (ui_list_open_row(ui));
	case ACT_NEXT:
	case ACT_PREV:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_TOP:
	case ACT_BOTTOM:
		return (ui_move(ui, act, 1));
	case ACT_NEXT_UNREAD:
		return (ui_list_unread_step(ui, 1, ui->focus == UI_ARTICLE));
	case ACT_PREV_UNREAD:
		return (ui_list_unread_step(ui, -1, ui->focus == UI_ARTICLE));
	case ACT_NEXT_ITEM:
	case ACT_PREV_ITEM:
		p = &ui->panes[UI_ITEMS];
		row = p->cur;
		if (act == ACT_NEXT_ITEM && row + 1 < ui->list.total)
			row++;
		else if (act == ACT_PREV_ITEM && row > 0)
			row--;
		else {
			ui_message(ui, 0, "No %s item",
			    act == ACT_NEXT_ITEM ? "next" : "previous");
			return (UI_REDRAW);
		}
		p->cur = row;
		ui_scroll_to(p);
		if (ui->focus == UI_ARTICLE && ui_list_item(ui, row) != NULL)
			return (ui_article_open(ui, ui_list_item(ui, row)->id));
		return (UI_REDRAW);
	case ACT_TOGGLE_READ:
		return (ui_list_toggle_read(ui));
	case ACT_TOGGLE_STAR:
		return (ui_list_toggle_star(ui));
	case ACT_MARK_FEED_READ:
		return (ui_list_mark_read(ui, 0));
	case ACT_MARK_ALL_READ:
		return (ui_list_mark_read(ui, 1));
	case ACT_UNDO:
		return (ui_undo(ui));
	case ACT_TOGGLE_UNREAD_ONLY:
		ui->unread_only = !ui->unread_only;
		ui_message(ui, 0, ui->unread_only ? "Showing unread items only" :
		    "Showing all items");
		ui_list_feeds_rows(ui);
		ui_list_set_row(ui, ui->panes[UI_FEEDS].cur);
		return (UI_REDRAW);
	case ACT_TOGGLE_SHOW_IGNORED:
		ui->show_ignored = !ui->show_ignored;
		ui_message(ui, 0, ui->show_ignored ? "Showing ignored items "
		    "too" : "Hiding ignored items");
		ui_list_reload(ui);
		return (UI_REDRAW);
	case ACT_PICK_TAG:
		return (ui_list_pick_tag(ui));
	case ACT_REFRESH:
		row = ui->panes[UI_FEEDS].cur;
		if (!ui->picking && row < ui->nrows &&
		    UI_ROW_FEED(ui->rows[row]) && ui->focus == UI_FEEDS)
			return (ui_refresh_start(ui,
			    ui->feeds[ui->rows[row]].cf->id, 1));
		if (!ui->list.search && ui->list.row < ui->nrows &&
		    UI_ROW_FEED(ui->rows[ui->list.row]))
			return (ui_refresh_start(ui,
			    ui->feeds[ui->rows[ui->list.row]].cf->id, 1));
		return (ui_refresh_start(ui, 0, 1));
	case ACT_REFRESH_ALL:
		return (ui_refresh_start(ui, 0, 1));
	case ACT_OPEN_BROWSER:
		return (ui_open_browser(ui));
	case ACT_OPEN_LINK:
		if (ui->art.id == 0) {
			ui_message(ui, 1, "No article is open");
			return (UI_REDRAW);
		}
		ui_prompt_start(ui, ':', "open ");
		return (UI_REDRAW);
	case ACT_CYCLE_LAYOUT:
		ui->layout = (ui->layout + 1) % 4;
		if (ui->layout == 0)
			ui_message(ui, 0, "Panes: as many as the width suits");
		else
			ui_message(ui, 0, "Panes: %d", ui->layout);
		return (UI_REDRAW);
	case ACT_REDRAW:
		free(ui->msg);
		ui->msg = NULL;
		return (UI_REDRAW | UI_CLEAR);
	case ACT_TOGGLE_FULL_ARTICLE:
		return (ui_article_toggle_full(ui));
	case ACT_OPEN_BROWSER_MARK_READ:
		return (ui_open_mark_read(ui));
	case ACT_OPEN_ENCLOSURE:
		return (ui_encl_open_item(ui, 0));
	case ACT_DOWNLOAD_ENCLOSURE:
		return (ui_dl_enqueue(ui));
	case ACT_DOWNLOADS:
		ui->help = 2;
		ui->helppane.top = 0;
		ui->helppane.cur = 0;
		ui_dl_build(ui);
		return (UI_REDRAW);
	case ACT_CANCEL_DOWNLOAD:
	case ACT_RETRY_DOWNLOAD:
	case ACT_REMOVE_DOWNLOAD:
	case ACT_PLAY_DOWNLOAD:
		/* Only in the downloads view (the check above says so). */
		return (UI_REDRAW);
	case ACT_RELOAD_CONFIG:
		return (ui_config_reload(ui));
	case ACT_EDIT_CONFIG:
		return (ui_config_edit(ui));
	case ACT_EXEC:
	case ACT_PIPE_TO:
	case ACT_SAVE:
	case ACT_COPY_LINK:
	case ACT_MACRO:
	case ACT_MACRO_PREFIX:
		return (ui_hook_act(ui, act));
	case ACT__COUNT:
		break;
	}
	return (0);
}

/* Turn a curses function key into a key code, or -1 to ignore it. */
static int
ui_special(int c)
{
	static const struct {
		int	 curses;
		int	 key;
	} map[] = {
		{ KEY_UP, KEYS_UP }, { KEY_DOWN, KEYS_DOWN },
		{ KEY_LEFT, KEYS_LEFT }, { KEY_RIGHT, KEYS_RIGHT },
		{ KEY_HOME, KEYS_HOME }, { KEY_END, KEYS_END },
		{ KEY_PPAGE, KEYS_PPAGE }, { KEY_NPAGE, KEYS_NPAGE },
		{ KEY_IC, KEYS_IC }, { KEY_DC, KEYS_DC },
		{ KEY_BTAB, KEYS_BTAB }, { KEY_ENTER, KEYS_ENTER },
		{ KEY_BACKSPACE, KEYS_BSPACE }, { KEY_A1, KEYS_HOME },
		{ KEY_C1, KEYS_END }, { KEY_A3, KEYS_PPAGE },
		{ KEY_C3, KEYS_NPAGE }, { KEY_FIND, KEYS_HOME },
		{ KEY_SELECT, KEYS_END },
	};
	size_t	 i;

	for (i = 0; i < nitems(map); i++)
		if (map[i].curses == c)
			return (map[i].key);
	if (c >= KEY_F(1) && c <= KEY_F(12))
		return (KEYS_F1 + (c - KEY_F(1)));
	return (-1);
}

/* Act on a mouse event: a click selects (a second one opens), the wheel
 * scrolls the pane under the pointer. */
static int
ui_mouse(struct ui *ui)
{
	MEVENT		 ev;
	struct ui_pane	*p = NULL;
	size_t		 row;
	int		 i, flags;

	if (getmouse(&ev) != OK || ui->help || ui->menu.active)
		return (0);
	for (i = 0; i < UI__PANES; i++) {
		if (ui->panes[i].shown && ev.x >= ui->panes[i].x &&
		    ev.x < ui->panes[i].x + ui->panes[i].w) {
			p = &ui->panes[i];
			break;
		}
	}
	if (p == NULL || (i == UI_ARTICLE && ui->art.id == 0))
		return (0);
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum ui_pane_id	 saved = ui->focus;

		ui->focus = i;
		flags = ui_move(ui, ev.bstate & BUTTON4_PRESSED ? ACT_PREV :
		    ACT_NEXT, UI_WHEEL);
		ui->focus = saved;
		return (flags);
	}
	if (!(ev.bstate & BUTTON1_RELEASED))
		return (0);
	if (ui->focus != (enum ui_pane_id)i) {
		ui_focus(ui, i);
		if (ev.y <= p->y)
			return (UI_REDRAW);
	} else if (ev.y > p->y && i != UI_ARTICLE &&
	    p->top + (size_t)(ev.y - p->y - 1) == p->cur)
		return (ui_act(ui, ACT_OPEN));
	if (ev.y <= p->y || i == UI_ARTICLE)
		return (UI_REDRAW);
	row = p->top + (size_t)(ev.y - p->y - 1);
	if (i == UI_ITEMS)
		p->n = ui->list.total;
	if (row >= p->n)
		return (UI_REDRAW);
	p->cur = row;
	if (i == UI_FEEDS)
		ui_list_set_row(ui, row);
	return (UI_REDRAW);
}

/* Read one key. Return 1 with *key set, 0 when none is waiting, or 2
 * when a mouse event or a resize was read (handled in *flags). */
static int
ui_getkey(struct ui *ui, int *key, int *flags)
{
	wint_t	 wc, next;
	int	 rc, k;

	if ((rc = get_wch(&wc)) == ERR)
		return (0);
	if (rc == KEY_CODE_YES) {
		if (wc == KEY_MOUSE) {
			*flags |= ui_mouse(ui);
			return (2);
		}
		if (wc == KEY_RESIZE) {
			*flags |= UI_REDRAW;
			return (2);
		}
		if ((k = ui_special((int)wc)) == -1)
			return (2);
		*key = k;
		return (1);
	}
	if (wc != KEYS_ESCAPE) {
		*key = (int)wc;
		return (1);
	}
	/* Escape and a key at once is how terminals send Alt. */
	if ((rc = get_wch(&next)) == ERR) {
		*key = KEYS_ESCAPE;
		return (1);
	}
	if (rc == KEY_CODE_YES) {
		if ((k = ui_special((int)next)) == -1)
			return (2);
		*key = k | KEYS_META;
	} else if (next == KEYS_ESCAPE) {
		/* Escape pressed twice, rather than M-Escape. */
		unget_wch(next);
		*key = KEYS_ESCAPE;
	} else
		*key = (int)next | KEYS_META;
	return (1);
}

/* Handle one key press. */
static int
ui_key(struct ui *ui, int key)
{
	const struct keys_binding	*b;
	enum keys_table			 t;

	if (ui->prompt.active)
		return (ui_prompt_key(ui, key));
	if (ui->menu.active)
		return (ui_menu_key(ui, key));
	if (ui->asking == UI_ASK_REMOVE)
		return (ui_prompt_remove_answer(ui, key == 'y' || key == 'Y'));
	if (ui->asking) {
		ui->asking = 0;
		if (key == 'y' || key == 'Y')
			return (UI_QUIT);
		ui_message(ui, 0, "Not quitting");
		return (UI_REDRAW);
	}
	if (ui->msg != NULL && !ui->msg_error) {
		free(ui->msg);
		ui->msg = NULL;
	}
	if (ui->macro_key)
		return (ui_hook_macro_key(ui, key));
	t = ui->help == 2 ? KEYS_DOWNLOADS : ui->help ? KEYS_ARTICLE :
	    (enum keys_table)(ui->focus + KEYS_FEEDS);
	if ((b = keys_find(ui->cfg->keys, t, key)) == NULL)
		return (ui_act(ui, ACT_NONE));
	return (ui_act_args(ui, b->action, b->args, b->nargs));
}

/* Whether a key waits to be read. */
int
ui_key_waiting(void)
{
	struct pollfd	 pfd;

	pfd.fd = STDIN_FILENO;
	pfd.events = POLLIN;
	return (poll(&pfd, 1, 0) > 0);
}

/* Follow the terminal's new size. */
static void
ui_resize(struct ui *ui)
{
	struct winsize	 ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	if (ui->help == 2)
		ui_dl_build(ui);
	else if (ui->help)
		ui_help_build(ui);
}

/* Log how long a turn took, from ppoll(2) waking to the screen written:
 * every turn that read keys (with their names, for bench/tui), and any
 * other that took long. The log is off unless tidings -l asked for it. */
static void
ui_log_turn(double turn, struct buf *keys)
{
	double	 ms;

	if (turn <= 0)
		return;
	ms = (time_mono() - turn) * 1000;
	if (keys->len > 0)
		log_debug("ui: turn %.2f ms, key %s", ms, keys->data);
	else if (ms > 8)
		log_debug("ui: a turn took %.1f ms", ms);
	buf_reset(keys);
}

/* The loop: wait for keys and refresh progress, act, repaint. The
 * signals are blocked but while waiting, with waitmask. */
static void
ui_loop(struct ui *ui, const sigset_t *waitmask)
{
	struct pollfd	 fds[4];
	struct timespec	 ts;
	struct buf	 keys = BUF_INIT;
	double		 now, turn = 0;
	int		 flags = UI_REDRAW, timeout, key, n, rc;

	for (;;) {
		if (ui_quit)
			break;
		if (ui_winch) {
			ui_winch = 0;
			ui_resize(ui);
			flags |= UI_REDRAW | UI_CLEAR;
		}
		if (flags & UI_QUIT)
			break;
		if (flags & UI_RELOAD) {
			ui_list_load_feeds(ui);
			ui_list_refeed(ui, 0);
			ui_list_reload(ui);
		} else if (ui->list.stale)
			ui_list_reload(ui);
		if (flags & (UI_REDRAW | UI_CLEAR | UI_RELOAD)) {
			ui_draw(ui, flags & UI_CLEAR);
			if (ui->started > 0) {
				log_debug("ui: first screen in %.1f ms",
				    (time_mono() - ui->started) * 1000);
				ui->started = 0;
			}
		}
		ui_log_turn(turn, &keys);
		turn = 0;
		flags = 0;

		now = time_mono();
		timeout = -1;
		if (ui->msg != NULL && ui->msg_until > 0)
			timeout = (int)((ui->msg_until - now) * 1000) + 1;
		if (timeout < -1 || timeout == 0)
			timeout = 1;
		if ((flags = ui_refresh_tick(ui, now, &timeout)) != 0)
			continue;
		if ((flags = ui_list_mark_tick(ui, &timeout)) != 0)
			continue;
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[1].fd = ui->refresh.pipe[0];
		fds[1].events = POLLIN;
		fds[2].fd = ui->fetch.w.pipe[0];
		fds[2].events = POLLIN;
		fds[3].fd = ui->dl.w.pipe[0];
		fds[3].events = POLLIN;
		ts.tv_sec = timeout / 1000;
		ts.tv_nsec = (long)(timeout % 1000) * 1000000;
		if ((rc = ppoll(fds, 4, timeout < 0 ? NULL : &ts,
		    waitmask)) == -1) {
			if (errno != EINTR)
				fatal("ppoll");
			continue;
		}
		turn = time_mono();
		if (fds[1].revents & POLLIN)
			flags |= ui_refresh_event(ui);
		if (fds[2].revents & POLLIN)
			flags |= ui_fetch_event(ui);
		if (fds[3].revents & POLLIN)
			flags |= ui_dl_event(ui);
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			break;		/* the terminal went away */
		if (fds[0].revents & POLLIN) {
			/* Take every key that waits before repainting, so
			 * a held key never falls behind. */
			for (n = 0; n < 256 && !(flags & UI_QUIT); n++) {
				if ((rc = ui_getkey(ui, &key, &flags)) == 0)
					break;
				if (rc == 1) {
					if (keys.len > 0)
						buf_addch(&keys, ' ');
					if (ui->prompt.active)	/* no typed text in the log */
						buf_addstr(&keys, "(typed)");
					else
						keys_name(&keys, key);
					flags |= ui_key(ui, key);
				}
				if (flags & UI_RELOAD) {
					ui_list_load_feeds(ui);
					ui_list_refeed(ui, 0);
					ui_list_reload(ui);
					flags = (flags & ~UI_RELOAD) |
					    UI_REDRAW;
				}
			}
		}
		if (ui->msg != NULL && ui->msg_until > 0 &&
		    time_mono() >= ui->msg_until) {
			free(ui->msg);
			ui->msg = NULL;
			flags |= UI_REDRAW;
		}
	}
	buf_release(&keys);
}

/* The config changed at the prompt: threads started from now on, and the
 * article worker's next job, get a snapshot of it as it is now; those
 * running keep the one they hold. */
void
ui_config_changed(struct ui *ui)
{
	config_drop(ui->snap);
	ui->snap = config_snapshot(ui->cfg, 0);
	ui_fetch_config(ui);
	ui_dl_config(ui);
}

/* Run the reader until the user quits (see ui.h). */
int
ui_run(struct config *cfg, const char *db_path, char **cause)
{
	struct ui		 ui;
	struct sigaction	 sa, old[nitems(ui_signals)];
	sigset_t		 sigs, waitmask;
	SCREEN			*scr;
	size_t			 i;
	const char		*term;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		xasprintf(cause, "the reader needs a terminal; see tidings(1) "
		    "for the commands that do not");
		return (-1);
	}
	memset(&ui, 0, sizeof ui);
	ui.started = time_mono();
	ui.cfg = cfg;
	ui.db_path = db_path;
	buf_init(&ui.scratch);
	buf_init(&ui.prompt.text);
	setlocale(LC_CTYPE, "");
	ui.utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	/* Opened as a reader, so that browsing works where nothing can be
	 * written (a full disk); what needs a write then says why it fails. */
	if ((ui.st = store_open_read(db_path, cause)) == NULL)
		return (-1);
	/* The servers' feeds as the store has them: nothing waits for a
	 * server. */
	if (cfg->nsyncs > 0 && sync_config_feeds(cfg, ui.st, cause) < 0) {
		store_close(ui.st);
		return (-1);
	}
	ui.snap = config_snapshot(cfg, 0);
	if (ui_refresh_init(&ui) != 0) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		config_drop(ui.snap);
		store_close(ui.st);
		return (-1);
	}
	if (ui_fetch_init(&ui) != 0) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		ui_refresh_stop(&ui);
		config_drop(ui.snap);
		store_close(ui.st);
		return (-1);
	}
	if (ui_dl_init(&ui) != 0) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		ui_refresh_stop(&ui);
		ui_fetch_stop(&ui);
		config_drop(ui.snap);
		store_close(ui.st);
		return (-1);
	}

	/* Ours before newterm(), so curses leaves SIGWINCH to us. */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigemptyset(&sigs);
	for (i = 0; i < nitems(ui_signals); i++) {
		sigaction(ui_signals[i], &sa, &old[i]);
		sigaddset(&sigs, ui_signals[i]);
	}
	ui_winch = ui_quit = 0;
	sigprocmask(SIG_BLOCK, &sigs, &waitmask);

	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		term = getenv("TERM");
		xasprintf(cause, "cannot use the terminal type \"%s\"",
		    term != NULL ? term : "");
		sigprocmask(SIG_SETMASK, &waitmask, NULL);
		for (i = 0; i < nitems(ui_signals); i++)
			sigaction(ui_signals[i], &old[i], NULL);
		ui_refresh_stop(&ui);
		ui_fetch_stop(&ui);
		ui_dl_stop(&ui);
		config_drop(ui.snap);
		store_close(ui.st);
		return (-1);
	}
	fatal_set_cleanup(ui_fatal_cleanup);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(15);		/* Escape alone, or Alt */
	curs_set(0);
	ui_apply_colors(&ui);
	ui_apply_mouse(&ui);
	ui.layout = (int)config_num(cfg, NULL, SET_PANES);
	ui.unread_only = config_num(cfg, NULL, SET_UNREAD_ONLY) != 0;
	ui.focus = UI_FEEDS;

	ui_list_load_feeds(&ui);
	ui_list_set_row(&ui, 0);
	ui_loop(&ui, &waitmask);
	ui_list_mark_finish(&ui);

	ui_refresh_stop(&ui);
	ui_fetch_stop(&ui);
	ui_dl_stop(&ui);
	if (ui.mouse)
		mousemask(0, NULL);
	endwin();
	delscreen(scr);
	fatal_set_cleanup(NULL);
	sigprocmask(SIG_SETMASK, &waitmask, NULL);
	for (i = 0; i < nitems(ui_signals); i++)
		sigaction(ui_signals[i], &old[i], NULL);
	ui_article_release(&ui);
	ui_lists_release(&ui);
	ui_prompt_release(&ui);
	ui_menu_close(&ui);
	render_release(&ui.helptext);
	buf_release(&ui.scratch);
	free(ui.msg);
	config_drop(ui.snap);
	store_close(ui.st);
	return (0);
}
