/* ui-hook.c: the actions that hand an item to the user's tools: exec,
 * pipe-to, save and copy-link, and macros, which run actions and set
 * commands in turn, bound to a key of their own or to a key of the macro
 * table, pressed after macro-prefix as newsboat's are.
 *
 * They act on the article shown when the article pane has the focus,
 * on the item under the cursor in the items pane (pipe-to and save open
 * it in the article pane first, the focus staying in the list and the
 * item unread if it was, so what is given away is what that pane shows) and, for exec and copy-link, on the feed under
 * the cursor in the feeds pane (%u is its site).
 *
 * A command in the foreground gets the terminal as curses leaves it:
 * def_prog_mode() keeps the reader's terminal modes, endwin() gives the
 * terminal back, and after the command, whatever became of it (an exit
 * status, a signal, a kill -9 that left the terminal raw or on the
 * alternate screen), reset_prog_mode() and a repaint from scratch take
 * it back. hook.c keeps C-c and C-z meant for the command from ending
 * the reader.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "extract.h"
#include "hook.h"
#include "keys.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

/* What an action acts on: an item (id != 0) or a feed. */
struct ui_hook_target {
	int64_t		 id;		/* the item, or 0 */
	struct hook_vars v;
	char		*enclosure;	/* owned */
};

/* Fill t in for the focused pane; 0, or -1 after saying why not. */
static int
ui_hook_target(struct ui *ui, struct ui_hook_target *t, int want_enclosure)
{
	const struct store_item	*it = NULL;
	const struct ui_feed	*f = NULL;
	struct store_enclosure	*encl;
	char			*cause;
	size_t			 row, nencl, i;

	memset(t, 0, sizeof *t);
	if (ui->focus == UI_ARTICLE && ui->art.id != 0)
		it = &ui->art.body.item;
	else if (ui->focus == UI_ITEMS) {
		if ((it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL) {
			ui_message(ui, 1, "No item under the cursor");
			return (-1);
		}
	} else {
		row = ui->panes[UI_FEEDS].cur;
		if (ui->picking || row >= ui->nrows ||
		    !UI_ROW_FEED(ui->rows[row])) {
			ui_message(ui, 1, "No feed under the cursor");
			return (-1);
		}
		f = &ui->feeds[ui->rows[row]];
		t->v.link = f->link;
	}
	if (it != NULL) {
		t->id = it->id;
		t->v.link = it->link;
		t->v.title = it->title;
		t->v.author = it->author;
		f = ui_list_feed_of(ui, it->feed_id);
	}
	if (f != NULL) {
		t->v.feed_url = f->cf->url;
		t->v.feed_title = f->title;
	}
	if (want_enclosure && t->id != 0) {
		if (store_item_enclosure_list(ui->st, t->id, &encl, &nencl,
		    &cause) < 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			return (-1);
		}
		/* The first with a URL, as the store keeps none without. */
		for (i = 0; i < nencl && t->enclosure == NULL; i++)
			if (*encl[i].url != '\0')
				t->enclosure = xstrdup(encl[i].url);
		t->v.enclosure = t->enclosure;
		store_enclosures_free(encl, nencl);
	}
	return (0);
}

/* Give the terminal to a command. */
void
ui_hook_suspend(void)
{
	def_prog_mode();
	endwin();
}

/* Take the terminal back after a command, however it ended. */
int
ui_hook_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	return (UI_REDRAW | UI_CLEAR);
}

/* Say how a command in the foreground ended, when not well. */
void
ui_hook_report(struct ui *ui, const char *name, int rc, char *cause)
{
	struct buf	 q = BUF_INIT, s = BUF_INIT;

	if (rc == -1) {
		/* A sentence of the status line: "Cannot run ...". */
		text_printable(&q, cause);
		if (q.len > 0 && q.data[0] >= 'a' && q.data[0] <= 'z')
			q.data[0] = (char)(q.data[0] - 'a' + 'A');
		ui_message(ui, 1, "%s", q.data);
		free(cause);
	} else if (rc != 0) {
		hook_status(&s, rc);
		ui_message(ui, 1, "%s %s", text_printable(&q, name), s.data);
	}
	buf_release(&q);
	buf_release(&s);
}

/* Read exec's (allow_wait) or pipe-to's words and fill the command in
 * for what the focused pane shows; 0, or -1 after saying why not. */
static int
ui_hook_argv(struct ui *ui, char *const *args, size_t nargs,
    int allow_wait, int *wait, char ***argv)
{
	struct ui_hook_target	 t;
	struct buf		 q = BUF_INIT;
	char			*cause;
	size_t			 start, i;
	int			 enc = 0, rc;

	if (hook_command(args, nargs, allow_wait, wait, &start,
	    &cause) != 0) {
		ui_message(ui, 1, "%s: %s", allow_wait ? "exec" : "pipe-to",
		    cause);
		free(cause);
		return (-1);
	}
	for (i = start; i < nargs; i++)
		if (strstr(args[i], "%e") != NULL)
			enc = 1;
	if (ui_hook_target(ui, &t, enc) != 0)
		return (-1);
	if ((rc = hook_expand(args + start, nargs - start, &t.v, argv,
	    &cause)) != 0) {
		ui_message(ui, 1, "Not running %s: %s", text_printable(&q,
		    args[start]), cause);
		free(cause);
	}
	free(t.enclosure);
	buf_release(&q);
	return (rc);
}

/* exec [-w] [--] COMMAND ARG... */
static int
ui_hook_exec(struct ui *ui, char *const *args, size_t nargs)
{
	struct buf	 q = BUF_INIT;
	char		**argv, *cause;
	int		 wait, rc, flags = UI_REDRAW;

	if (ui_hook_argv(ui, args, nargs, 1, &wait, &argv) != 0)
		return (UI_REDRAW);
	text_printable(&q, argv[0]);
	if (!wait) {
		if (hook_detach(argv, NULL, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
		} else
			ui_message(ui, 0, "Started %s", q.data);
	} else {
		ui_hook_suspend();
		rc = hook_wait(argv, -1, &cause);
		flags = ui_hook_resume();
		ui_hook_report(ui, argv[0], rc, cause);
	}
	util_argv_free(argv);
	buf_release(&q);
	return (flags);
}

/* Open the item under the cursor of the items pane in the article pane,
 * unless it is the one shown; 0, or -1 after saying why not. */
static int
ui_hook_article(struct ui *ui)
{
	const struct store_item	*it;
	int64_t			 mark;

	if (ui->focus == UI_ITEMS) {
		if ((it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL) {
			ui_message(ui, 1, "No item under the cursor");
			return (-1);
		}
		if (it->id != ui->art.id) {
			/* Opened to be given away: neither the focus nor
			 * the item's read mark changes. */
			mark = ui->cfg->values[SET_MARK_READ_ON_OPEN].n;
			ui->cfg->values[SET_MARK_READ_ON_OPEN].n = 0;
			ui_article_open(ui, it->id);
			ui->cfg->values[SET_MARK_READ_ON_OPEN].n = mark;
			ui->focus = UI_ITEMS;
		}
	}
	if (ui->art.id == 0) {
		ui_message(ui, 1, "No article is open");
		return (-1);
	}
	return (0);
}

/* pipe-to [--] COMMAND ARG...: the article's text on its standard
 * input, from a file that is already unlinked, so the command may read
 * it at its pace (and a pager seek in it) and nothing is left behind. */
static int
ui_hook_pipe(struct ui *ui, char *const *args, size_t nargs)
{
	struct buf	 text = BUF_INIT, q = BUF_INIT;
	char		**argv, *cause;
	int		 wait, fd, rc, flags;

	if (ui_hook_article(ui) != 0 ||
	    ui_hook_argv(ui, args, nargs, 0, &wait, &argv) != 0)
		return (UI_REDRAW);
	ui_article_text(ui, &text);
	if ((fd = hook_tmpfile(text.data, text.len, &cause)) == -1) {
		ui_message(ui, 1, "%s", text_printable(&q, cause));
		free(cause);
		util_argv_free(argv);
		buf_release(&text);
		buf_release(&q);
		return (UI_REDRAW);
	}
	buf_release(&text);
	ui_hook_suspend();
	rc = hook_wait(argv, fd, &cause);
	flags = ui_hook_resume();
	close(fd);
	ui_hook_report(ui, argv[0], rc, cause);
	util_argv_free(argv);
	buf_release(&q);
	return (flags);
}

/* Append the Markdown header of the article shown: its title as a
 * heading, then its feed, author, date and link. */
static void
ui_hook_md_header(struct ui *ui, struct buf *b)
{
	const struct store_item	*it = &ui->art.body.item;
	struct tm		 tm;
	time_t			 tt = (time_t)it->date;
	char			 date[64];

	buf_addstr(b, "# ");
	extract_md_text(b, *it->title != '\0' ? it->title : "(untitled)");
	buf_addstr(b, "\n\n");
	if (*ui->art.feed != '\0') {
		buf_addstr(b, "- Feed: ");
		extract_md_text(b, ui->art.feed);
		buf_addch(b, '\n');
	}
	if (it->author != NULL && *it->author != '\0') {
		buf_addstr(b, "- Author: ");
		extract_md_text(b, it->author);
		buf_addch(b, '\n');
	}
	if (localtime_r(&tt, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) > 0)
		buf_addf(b, "- Date: %s\n", date);
	if (it->link != NULL && *it->link != '\0') {
		buf_addstr(b, "- Link: <");
		extract_md_url(b, it->link);
		buf_addstr(b, ">\n");
	}
	buf_addch(b, '\n');
}

/* The directory save writes to, or NULL after saying why there is
 * none. */
static char *
ui_hook_save_dir(struct ui *ui)
{
	const char	*set;
	char		*dir;

	set = config_str(ui->cfg, NULL, SET_SAVE_DIR);
	if (set != NULL && *set != '\0')
		return (util_expand_home(set));
	if ((dir = hook_download_dir()) == NULL)
		ui_message(ui, 1, "No home directory to save in: set "
		    "save-dir");
	return (dir);
}

/* save: the article as Markdown, the full article when one is kept. */
static int
ui_hook_save(struct ui *ui)
{
	const struct article	*art;
	struct buf		 md = BUF_INIT, q = BUF_INIT;
	char			*dir, *path, *cause;
	size_t			 off;
	ssize_t			 n;
	int			 fd, err = 0;

	if (ui_hook_article(ui) != 0)
		return (UI_REDRAW);
	if ((dir = ui_hook_save_dir(ui)) == NULL)
		return (UI_REDRAW);
	ui_hook_md_header(ui, &md);
	if ((art = ui_article_best(ui)) != NULL)
		extract_markdown(art, &md);
	if ((fd = hook_create(dir, ui->art.body.item.title, ".md", &path,
	    &cause)) == -1) {
		ui_message(ui, 1, "Not saved: %s", text_printable(&q, cause));
		free(cause);
		goto out;
	}
	for (off = 0; off < md.len; off += (size_t)n) {
		if ((n = write(fd, md.data + off, md.len - off)) == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			err = errno;
			break;
		}
	}
	if (close(fd) == -1 && err == 0)
		err = errno;
	if (err != 0) {
		unlink(path);
		ui_message(ui, 1, "Not saved: %s: %s", text_printable(&q,
		    path), strerror(err));
	} else
		ui_message(ui, 0, "Saved %s", text_printable(&q, path));
	free(path);
out:
	free(dir);
	buf_release(&md);
	buf_release(&q);
	return (UI_REDRAW);
}

/* copy-link: the link on the clipboard through OSC 52, when allowed. */
static int
ui_hook_copy_link(struct ui *ui)
{
	struct ui_hook_target	 t;
	struct buf		 seq = BUF_INIT, q = BUF_INIT;
	size_t			 off;
	ssize_t			 n;

	if (config_num(ui->cfg, NULL, SET_CLIPBOARD_OSC52) == 0) {
		ui_message(ui, 1, "copy-link is off: it needs "
		    "\"set clipboard-osc52 yes\" and a terminal that takes "
		    "OSC 52");
		return (UI_REDRAW);
	}
	if (ui_hook_target(ui, &t, 0) != 0)
		return (UI_REDRAW);
	if (t.v.link == NULL || *t.v.link == '\0') {
		ui_message(ui, 1, "This %s has no link", t.id != 0 ? "item" :
		    "feed");
		return (UI_REDRAW);
	}
	/* Between repaints curses has written all it had: the bytes go
	 * straight to the terminal, base64 so none of the link's own can
	 * act there. */
	hook_osc52(&seq, t.v.link, strlen(t.v.link));
	for (off = 0; off < seq.len; off += (size_t)n)
		if ((n = write(STDOUT_FILENO, seq.data + off,
		    seq.len - off)) == -1) {
			if (errno != EINTR)
				break;
			n = 0;
		}
	ui_message(ui, 0, "Copied %s", text_printable(&q, t.v.link));
	buf_release(&seq);
	buf_release(&q);
	return (UI_REDRAW);
}

/* macro: each step as if typed at the prompt, until one fails (says so
 * on the status line as an error) or quits. The steps are copied first:
 * a step such as reload-config frees the bindings they came from. */
static int
ui_hook_macro(struct ui *ui, char *const *bound, size_t n)
{
	char	**steps;
	size_t	 i;
	int	 flags = 0;

	steps = xcalloc(n + 1, sizeof *steps);
	for (i = 0; i < n; i++)
		steps[i] = xstrdup(bound[i]);
	for (i = 0; i < n; i++) {
		free(ui->msg);
		ui->msg = NULL;
		ui->msg_error = 0;
		flags |= ui_prompt_run(ui, steps[i]);
		if (flags & UI_RELOAD) {
			ui_list_load_feeds(ui);
			ui_list_refeed(ui, 0);
			ui_list_reload(ui);
			flags = (flags & ~UI_RELOAD) | UI_REDRAW;
		}
		if ((flags & UI_QUIT) || (ui->msg != NULL && ui->msg_error))
			break;
	}
	util_argv_free(steps);
	return (flags | UI_REDRAW);
}

/* Run one of this file's actions, with the arguments ui_act_args()
 * left (exec and pipe-to without any ask for them at the prompt). */
int
ui_hook_act(struct ui *ui, enum keys_action act)
{
	char *const	*args = ui->act_args;
	size_t		 nargs = ui->act_nargs;

	ui->act_args = NULL;
	ui->act_nargs = 0;
	switch (act) {
	case ACT_EXEC:
	case ACT_PIPE_TO:
		if (nargs == 0) {
			ui_prompt_start(ui, ':', act == ACT_EXEC ? "exec " :
			    "pipe-to ");
			return (UI_REDRAW);
		}
		if (act == ACT_EXEC)
			return (ui_hook_exec(ui, args, nargs));
		return (ui_hook_pipe(ui, args, nargs));
	case ACT_SAVE:
		return (ui_hook_save(ui));
	case ACT_COPY_LINK:
		return (ui_hook_copy_link(ui));
	case ACT_MACRO:
		if (nargs == 0) {
			ui_message(ui, 1, "macro: which steps? (bind a key to "
			    "them)");
			return (UI_REDRAW);
		}
		return (ui_hook_macro(ui, args, nargs));
	case ACT_MACRO_PREFIX:
		ui->macro_key = 1;
		ui_message(ui, 0, "Macro: which key?");
		ui->msg_until = 0;
		return (UI_REDRAW);
	default:
		return (0);
	}
}

/* The key after macro-prefix: the macro table's binding, whatever it
 * is; Escape, or a key without one, does nothing. */
int
ui_hook_macro_key(struct ui *ui, int key)
{
	const struct keys_binding	*b;
	struct buf			 name = BUF_INIT;

	ui->macro_key = 0;
	free(ui->msg);
	ui->msg = NULL;
	if ((b = keys_find(ui->cfg->keys, KEYS_MACRO, key)) != NULL)
		return (ui_act_args(ui, b->action, b->args, b->nargs));
	if (key != KEYS_ESCAPE && key != 0x07) {
		keys_name(&name, key);
		ui_message(ui, 1, "No macro on %s", name.data);
		buf_release(&name);
	}
	return (UI_REDRAW);
}

/* Run an action with arguments (see ui-int.h). */
int
ui_act_args(struct ui *ui, enum keys_action act, char *const *args,
    size_t nargs)
{
	char *const	*saved = ui->act_args;
	size_t		 nsaved = ui->act_nargs;
	int		 flags;

	ui->act_args = args;
	ui->act_nargs = nargs;
	flags = ui_act(ui, act);
	ui->act_args = saved;
	ui->act_nargs = nsaved;
	return (flags);
}
