/* ui-prompt.c: the prompt on the status line, for a search ("/") or a
 * command (":"), and the commands it runs.
 *
 * The line editor knows the usual keys (Left, Right, Home, End, C-a, C-e,
 * BSpace, DC, C-u, C-k, C-w) and moves by whole UTF-8 characters. A
 * command is "quit", "open [N]", "open-enclosure N", "tag [NAME]", "search WORDS", "add URL
 * [TAG...]", a line of
 * the config language (set, bind, unbind, color, highlight) or the name of an
 * action, with its arguments for exec and pipe-to, so anything a key
 * does can also be typed; a macro's steps run through here too.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "keys.h"
#include "poll.h"
#include "subscribe.h"
#include "ui-int.h"
#include "util.h"

static int	prompt_command(struct ui *, const char *);

/* Open the prompt with text already typed. */
void
ui_prompt_start(struct ui *ui, int kind, const char *text)
{
	ui->prompt.active = 1;
	ui->prompt.kind = kind;
	ui->prompt.preset = 0;
	buf_reset(&ui->prompt.text);
	buf_addstr(&ui->prompt.text, text);
	ui->prompt.pos = ui->prompt.text.len;
}

/* Free the prompt's text, at the end. */
void
ui_prompt_release(struct ui *ui)
{
	buf_release(&ui->prompt.text);
}

/* The start of the character before byte pos. */
static size_t
prompt_prev(const struct buf *b, size_t pos)
{
	while (pos > 0) {
		pos--;
		if (((unsigned char)b->data[pos] & 0xc0) != 0x80)
			break;
	}
	return (pos);
}

/* The start of the character after the one at byte pos. */
static size_t
prompt_next(const struct buf *b, size_t pos)
{
	if (pos < b->len)
		pos++;
	while (pos < b->len && ((unsigned char)b->data[pos] & 0xc0) == 0x80)
		pos++;
	return (pos);
}

/* Remove bytes [from, to) of the text. */
static void
prompt_cut(struct ui_prompt *pr, size_t from, size_t to)
{
	memmove(pr->text.data + from, pr->text.data + to, pr->text.len - to);
	buf_truncate(&pr->text, pr->text.len - (to - from));
	pr->pos = from;
}

/* The value of a setting as the config language writes it. */
static void
prompt_show_setting(struct ui *ui, const struct setting *s)
{
	struct buf	 v = BUF_INIT, q = BUF_INIT;
	const char	*str;

	if (s->type == SET_STRING) {
		str = config_str(ui->cfg, NULL, s->id);
		if (str == NULL)
			buf_addstr(&v, "unset");
		else
			buf_addf(&v, "\"%s\"", text_printable(&q, str));
	} else
		config_format_value(&v, s, config_num(ui->cfg, NULL, s->id));
	ui_message(ui, 0, "%s is %s", s->name, v.data);
	buf_release(&v);
	buf_release(&q);
}

/* Run a line of the config language, then make what it changed show. */
static int
prompt_config(struct ui *ui, const char *line, const char *word,
    const char *rest)
{
	const struct setting	*s = NULL;
	char			 name[64];
	char			*cause;
	size_t			 len;

	if (strcmp(word, "set") == 0) {
		len = strcspn(rest, " \t");
		if (len < sizeof name) {
			memcpy(name, rest, len);
			name[len] = '\0';
			s = config_setting_find(name);
		}
		if (s != NULL && rest[len + strspn(rest + len, " \t")] ==
		    '\0') {
			prompt_show_setting(ui, s);
			return (UI_REDRAW);
		}
	}
	if (config_command(ui->cfg, line, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_REDRAW);
	}
	ui_config_changed(ui);
	if (strcmp(word, "highlight") == 0) {
		/* Its colour pair, and the rows read again to say which
		 * rule each meets (poll_store_config() hands it over). */
		ui_apply_colors(ui);
		ui_message(ui, 0, "Highlight added");
		return (UI_RELOAD | UI_REDRAW | UI_CLEAR);
	}
	if (strcmp(word, "color") == 0) {
		ui_apply_colors(ui);
		ui_message(ui, 0, "Colour set");
		return (UI_REDRAW | UI_CLEAR);
	}
	if (strcmp(word, "bind") == 0 || strcmp(word, "unbind") == 0) {
		ui_message(ui, 0, "%s", word[0] == 'b' ? "Bound" : "Unbound");
		return (UI_REDRAW);
	}
	if (s == NULL)
		return (UI_REDRAW);
	switch (s->id) {
	case SET_MOUSE:
		ui_apply_mouse(ui);
		break;
	case SET_PANES:
		ui->layout = (int)config_num(ui->cfg, NULL, SET_PANES);
		break;
	case SET_UNREAD_ONLY:
		if (ui->unread_only !=
		    (config_num(ui->cfg, NULL, SET_UNREAD_ONLY) != 0))
			ui_act(ui, ACT_TOGGLE_UNREAD_ONLY);
		break;
	case SET_SORT:
		ui_list_sort(ui, 0);
		break;
	case SET_FEED_SORT:
		ui_list_feeds_rows(ui);
		break;
	default:
		break;
	}
	prompt_show_setting(ui, s);
	return (UI_REDRAW);
}

/*
 * The options of ":add" and ":remove" before the URL, as "tidings add"
 * takes them: "--account ACCOUNT" (set *cs) and, when want is set,
 * "-n N". Return how many words they took, or -1 (said).
 */
static int
prompt_edit_options(struct ui *ui, char **w, size_t nw,
    const struct config_sync **cs, long *want)
{
	char	*cause = NULL, *end;
	size_t	 i;

	*cs = NULL;
	for (i = 0; i + 1 < nw; i += 2) {
		if (strcmp(w[i], "--account") == 0) {
			if ((*cs = subscribe_account(ui->cfg, w[i + 1],
			    &cause)) == NULL) {
				struct buf	 q = BUF_INIT;

				ui_message(ui, 1, "%s", text_printable(&q,
				    cause));
				buf_release(&q);
				free(cause);
				return (-1);
			}
		} else if (want != NULL && strcmp(w[i], "-n") == 0) {
			*want = strtol(w[i + 1], &end, 10);
			if (*end != '\0' || *want < 1) {
				ui_message(ui, 1, "-n: a feed's number, 1 or "
				    "more");
				return (-1);
			}
		} else
			break;
	}
	return ((int)i);
}

/*
 * "remove": unsubscribe a server's feed, as "tidings remove" does;
 * "remove --account ACCOUNT URL" at once (typing it is the
 * confirmation), "remove" alone the feeds pane's server feed, once y
 * confirms (ui_prompt_remove_answer()). A dotfile feed goes by deleting
 * its line.
 */
static int
prompt_remove(struct ui *ui, const char *rest)
{
	const struct config_sync	*cs;
	const struct config_feed	*cf = NULL;
	struct buf			 q = BUF_INIT;
	char				**w = NULL, *cause = NULL;
	size_t				 nw, row;
	int				 k;

	if (config_words(rest, &w, &nw, &cause) != 0) {
		ui_message(ui, 1, "%s", text_printable(&q, cause));
		goto out;
	}
	if (nw > 0) {
		if ((k = prompt_edit_options(ui, w, nw, &cs, NULL)) < 0)
			goto out;
		if (cs == NULL || (size_t)k + 1 != nw) {
			ui_message(ui, 1, "remove --account ACCOUNT URL, or "
			    "remove on a server's feed in the feeds pane");
			goto out;
		}
		ui_refresh_edit(ui, UI_EDIT_REMOVE, cs->id, w[k], NULL, 0, 0);
		goto out;
	}
	row = ui->panes[UI_FEEDS].cur;
	if (!ui->picking && row < ui->nrows && UI_ROW_FEED(ui->rows[row]))
		cf = ui->feeds[ui->rows[row]].cf;
	if (cf == NULL || cf->sync == 0) {
		ui_message(ui, 1, "remove unsubscribes from a server's feed: "
		    "pick one in the feeds pane (a dotfile feed goes by "
		    "deleting its line)");
		goto out;
	}
	cs = config_sync_get(ui->cfg, cf->sync);
	free(ui->asking_url);
	ui->asking_url = xstrdup(cf->url);
	ui->asking_sync = cf->sync;
	ui->asking = UI_ASK_REMOVE;
	ui_message(ui, 0, "Unsubscribe %s from %s on the server? y "
	    "unsubscribes, any other key keeps it",
	    cs != NULL ? cs->user : "the account",
	    text_printable(&q, ui->feeds[ui->rows[row]].title != NULL ?
	    ui->feeds[ui->rows[row]].title : cf->url));
	ui->msg_until = 0;
out:
	free(cause);
	config_words_free(w);
	buf_release(&q);
	return (UI_REDRAW);
}

/* The answer to prompt_remove()'s question. */
int
ui_prompt_remove_answer(struct ui *ui, int yes)
{
	char	*url = ui->asking_url;

	ui->asking = 0;
	ui->asking_url = NULL;
	if (yes)
		ui_refresh_edit(ui, UI_EDIT_REMOVE, ui->asking_sync, url, NULL,
		    0, 0);
	else
		ui_message(ui, 0, "Not unsubscribed");
	free(url);
	return (UI_REDRAW);
}

/*
 * "add URL [TAG...]": subscribe as "tidings add" does (subscribe_add()),
 * add the feed to the running config and fetch it. The page is fetched
 * here, with the status line saying so: the loop waits for it (at most
 * download-timeout), which is simpler than a thread for an action a
 * person takes now and then. Not while a refresh runs, which would keep
 * the new feed's first fetch from starting. "add --account ACCOUNT URL
 * [TAG...]" subscribes a server's account instead, on the refresh's
 * thread (ui_refresh_edit()): a server may be slow.
 */
static int
prompt_add(struct ui *ui, const char *rest)
{
	struct subscribe	 sub;
	struct config		*cfg = ui->cfg;
	struct buf		 q = BUF_INIT;
	const struct config_sync *cs;
	char			**w = NULL, *cause = NULL;
	const char		*url;
	size_t			 nw;
	long			 want = 0;
	int			 rc, k;

	memset(&sub, 0, sizeof sub);
	if (ui->refresh.running) {
		ui_message(ui, 1, "Cannot add a feed while a refresh runs");
		return (UI_REDRAW);
	}
	if (config_words(rest, &w, &nw, &cause) != 0)
		goto fail;
	if ((k = prompt_edit_options(ui, w, nw, &cs, &want)) < 0)
		goto out;
	if ((size_t)k >= nw) {
		ui_message(ui, 1, "add [-n N] [--account ACCOUNT] URL "
		    "[TAG...]: which URL?");
		goto out;
	}
	/* A server's: on the refresh's thread, the keys answered. */
	if (cs != NULL) {
		ui_refresh_edit(ui, UI_EDIT_ADD, cs->id, w[k], w + k + 1,
		    nw - (size_t)k - 1, want);
		goto out;
	}
	ui_message(ui, 0, "Looking for feeds at %s", text_printable(&q, w[k]));
	ui_draw(ui, 0);
	if ((rc = subscribe_add(cfg, w[k], w + k + 1, nw - (size_t)k - 1, want,
	    NULL, &sub, &cause)) < 0)
		goto fail;
	url = sub.found[sub.pick].url;
	buf_reset(&q);
	if (rc == SUBSCRIBE_LISTED) {
		ui_message(ui, 1, "%s is in the dotfile already",
		    text_printable(&q, url));
		goto out;
	}
	/* Checked to load before it was written, so this only fails if
	 * the file changed meanwhile; the next start says where. */
	if (config_add_feed(cfg, sub.line, &cause) != 0)
		goto fail;
	ui_config_changed(ui);
	ui->feeds = xreallocarray(ui->feeds, cfg->nfeeds + 1,
	    sizeof *ui->feeds);
	memset(&ui->feeds[ui->nfeeds], 0,
	    (cfg->nfeeds + 1 - ui->nfeeds) * sizeof *ui->feeds);
	ui->nfeeds = cfg->nfeeds;
	ui_list_load_feeds(ui);
	ui_refresh_start(ui, cfg->feeds[cfg->nfeeds - 1].id, 1);
	if (sub.nfound > 1)
		ui_message(ui, 0, "Added %s, the first of %zu feeds the page "
		    "names", text_printable(&q, url), sub.nfound);
	else
		ui_message(ui, 0, "Added %s", text_printable(&q, url));
	goto out;
fail:
	buf_reset(&q);
	ui_message(ui, 1, "%s", text_printable(&q, cause));
	free(cause);
out:
	subscribe_release(&sub);
	config_words_free(w);
	buf_release(&q);
	return (UI_REDRAW);
}

/* An action with its arguments ("exec -w less %u"), split into words
 * as the dotfile splits them. */
static int
prompt_args(struct ui *ui, const struct keys_action_info *a,
    const char *rest)
{
	char	**w, *cause;
	size_t	 n;
	int	 flags;

	if (config_words(rest, &w, &n, &cause) != 0) {
		ui_message(ui, 1, "%s: %s", a->name, cause);
		free(cause);
		return (UI_REDRAW);
	}
	flags = ui_act_args(ui, a->id, w, n);
	config_words_free(w);
	return (flags);
}

/* Run a line as if typed after ':' (a macro's steps). */
int
ui_prompt_run(struct ui *ui, const char *line)
{
	return (prompt_command(ui, line));
}

/* Run a command typed after ':'. */
static int
prompt_command(struct ui *ui, const char *line)
{
	const struct keys_action_info	*a;
	struct buf			 q = BUF_INIT;
	char				 word[32];
	const char			*rest;
	size_t				 len;

	line += strspn(line, " \t");
	len = strcspn(line, " \t");
	if (len == 0)
		return (UI_REDRAW);
	rest = line + len;
	rest += strspn(rest, " \t");
	if (len < sizeof word) {
		memcpy(word, line, len);
		word[len] = '\0';
	} else
		word[0] = '\0';
	if (strcmp(word, "quit") == 0 || strcmp(word, "q") == 0)
		return (UI_QUIT);
	if (strcmp(word, "open") == 0) {
		if (*rest == '\0')
			return (ui_act(ui, ACT_OPEN_BROWSER));
		return (ui_article_open_link(ui, rest, 0));
	}
	if (strcmp(word, "open-enclosure") == 0 && *rest != '\0')
		return (ui_article_open_link(ui, rest, 1));
	if (strcmp(word, "tag") == 0)
		return (ui_list_tag(ui, rest));
	if (strcmp(word, "search") == 0)
		return (ui_list_search(ui, rest));
	if (strcmp(word, "filter") == 0)
		return (ui_list_filter(ui, rest));
	if (strcmp(word, "add") == 0)
		return (prompt_add(ui, rest));
	if (strcmp(word, "remove") == 0)
		return (prompt_remove(ui, rest));
	if (strcmp(word, "set") == 0 || strcmp(word, "bind") == 0 ||
	    strcmp(word, "unbind") == 0 || strcmp(word, "color") == 0 ||
	    strcmp(word, "highlight") == 0)
		return (prompt_config(ui, line, word, rest));
	if ((a = keys_action_find(word)) != NULL && *rest == '\0')
		return (ui_act(ui, a->id));
	if (a != NULL && keys_action_args(a->id) && a->id != ACT_MACRO)
		return (prompt_args(ui, a, rest));
	{
		char	*w = xstrndup(line, len);

		ui_message(ui, 1, "Unknown command \"%s\"; try quit, open, "
		    "tag, search, add, remove, set, bind, unbind, color, "
		    "highlight or an action",
		    text_printable(&q, w));
		free(w);
	}
	buf_release(&q);
	return (UI_REDRAW);
}

/* Handle a key while the prompt is open. */
int
ui_prompt_key(struct ui *ui, int key)
{
	struct ui_prompt	*pr = &ui->prompt;
	char			*line;
	size_t			 p;
	int			 kind, flags;

	switch (key) {
	case KEYS_ENTER:
	case '\n':
		pr->active = 0;
		line = xstrdup(pr->text.data);
		kind = pr->kind;
		curs_set(0);
		if (kind == '/')
			flags = ui_list_search(ui, line);
		else if (kind == 'F')
			flags = ui_list_filter(ui, line);
		else
			flags = prompt_command(ui, line);
		free(line);
		return (flags | UI_REDRAW);
	case '\t':
		/* A filter's Tab goes through the define-filter presets,
		 * naming each one's expression. */
		if (pr->kind != 'F' || ui->cfg->npresets == 0)
			return (0);
		p = pr->preset++ % ui->cfg->npresets;
		buf_reset(&pr->text);
		buf_addstr(&pr->text, ui->cfg->presets[p].filter->text);
		pr->pos = pr->text.len;
		return (UI_REDRAW);
	case KEYS_ESCAPE:
	case 0x03:			/* C-c */
	case 0x07:			/* C-g */
		pr->active = 0;
		curs_set(0);
		return (UI_REDRAW);
	case KEYS_BSPACE:
	case 0x08:			/* C-h */
		if (pr->text.len == 0) {
			pr->active = 0;
			curs_set(0);
		} else if (pr->pos > 0)
			prompt_cut(pr, prompt_prev(&pr->text, pr->pos),
			    pr->pos);
		return (UI_REDRAW);
	case KEYS_DC:
	case 0x04:			/* C-d */
		if (pr->pos < pr->text.len)
			prompt_cut(pr, pr->pos, prompt_next(&pr->text,
			    pr->pos));
		return (UI_REDRAW);
	case KEYS_LEFT:
	case 0x02:			/* C-b */
		pr->pos = prompt_prev(&pr->text, pr->pos);
		return (UI_REDRAW);
	case KEYS_RIGHT:
	case 0x06:			/* C-f */
		pr->pos = prompt_next(&pr->text, pr->pos);
		return (UI_REDRAW);
	case KEYS_HOME:
	case 0x01:			/* C-a */
		pr->pos = 0;
		return (UI_REDRAW);
	case KEYS_END:
	case 0x05:			/* C-e */
		pr->pos = pr->text.len;
		return (UI_REDRAW);
	case 0x15:			/* C-u */
		prompt_cut(pr, 0, pr->pos);
		return (UI_REDRAW);
	case 0x0b:			/* C-k */
		buf_truncate(&pr->text, pr->pos);
		return (UI_REDRAW);
	case 0x17:			/* C-w */
		p = pr->pos;
		while (p > 0 && pr->text.data[p - 1] == ' ')
			p--;
		while (p > 0 && pr->text.data[p - 1] != ' ')
			p--;
		prompt_cut(pr, p, pr->pos);
		return (UI_REDRAW);
	default:
		break;
	}
	if (key < ' ' || key == 0x7f || (key >= 0x80 && key < 0xa0) ||
	    (key & (KEYS_META | KEYS_SPECIAL)) || key > 0x10ffff)
		return (0);
	{
		struct buf	 ch = BUF_INIT;

		utf8_encode(&ch, (uint32_t)key);
		buf_grow(&pr->text, ch.len);
		memmove(pr->text.data + pr->pos + ch.len,
		    pr->text.data + pr->pos, pr->text.len - pr->pos + 1);
		memcpy(pr->text.data + pr->pos, ch.data, ch.len);
		pr->text.len += ch.len;
		pr->pos += ch.len;
		buf_release(&ch);
	}
	return (UI_REDRAW);
}

/* Draw the prompt on row y, scrolled so the cursor shows. */
void
ui_prompt_draw(struct ui *ui, int y)
{
	struct ui_prompt	*pr = &ui->prompt;
	struct buf		 lead = BUF_INIT;
	size_t			 start = 0, room, n = ui->cfg->npresets;
	int			 x, w;

	/* A filter names the preset Tab last filled in. */
	if (pr->kind == 'F' && pr->preset > 0 && n > 0)
		buf_addf(&lead, "Filter [%s]:",
		    ui->cfg->presets[(pr->preset - 1) % n].name);
	else if (pr->kind == 'F')
		buf_addstr(&lead, "Filter:");
	else
		buf_addch(&lead, pr->kind);
	if (COLS < 3) {
		buf_release(&lead);
		return;
	}
	w = ui_put(ui, y, 0, COLS / 2, lead.data, ui_attr(ui, EL_PROMPT));
	if (pr->kind == 'F')
		w++;			/* a blank after "Filter:" */
	buf_release(&lead);
	room = (size_t)(COLS - w - 1);
	while (start < pr->pos &&
	    render_cols(pr->text.data + start, pr->pos - start) > room)
		start = prompt_next(&pr->text, start);
	ui_put(ui, y, w, COLS - w, pr->text.data + start,
	    ui_attr(ui, EL_PROMPT));
	x = w + (int)render_cols(pr->text.data + start, pr->pos - start);
	move(y, x < COLS ? x : COLS - 1);
	curs_set(1);
}
