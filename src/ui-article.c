/* ui-article.c: the article pane and the browser.
 *
 * An opened item is read whole from the store (its text is not in the
 * lists), parsed once by extract_fragment() and rendered by render.c for
 * the pane's width, again whenever the width changes. The parsed article
 * is kept for its numbered links, which "open N" hands to the browser.
 *
 * The browser runs as an argv vector through fork and execvp, never a
 * shell: the link is one word of its own, so quotes, $(...), backticks
 * and semicolons in it are just bytes of a URL. The screen is given back
 * to the terminal (endwin) while the browser runs, as a terminal browser
 * needs it, and repainted from scratch after.
 */
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "extract.h"
#include "render.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

#define ARTICLE_MAX_WIDTH	100	/* columns of text, however wide */

/* Forget the article shown. */
void
article_close(struct ui *ui)
{
	struct ui_article	*a = &ui->art;

	store_body_release(&a->body);
	free(a->feed);
	extract_free(a->art);
	render_release(&a->head);
	render_release(&a->text);
	memset(a, 0, sizeof *a);
}

/* Free the article at the end. */
void
article_free(struct ui *ui)
{
	article_close(ui);
}

/* Open item id in the article pane, marking it read if the setting says
 * so (undoably). */
int
article_open(struct ui *ui, int64_t id)
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
	article_close(ui);
	a->id = id;
	a->body = body;
	f = list_feed_of(ui, body.item.feed_id);
	a->feed = xstrdup(f != NULL ? f->title : "");
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
			list_item_changed(ui, id, 0, -1);
		}
	}
	return (UI_REDRAW);
}

/* Render the article for the pane's width when that changed. */
void
article_layout(struct ui *ui)
{
	struct ui_article	*a = &ui->art;
	struct ui_pane		*p = &ui->panes[UI_ARTICLE];
	struct render_opts	 o;
	struct store_item	*it = &a->body.item;
	struct tm		 tm;
	time_t			 t = (time_t)it->date;
	char			 date[64];
	size_t			 width;

	if (a->id == 0 || !p->shown || p->w == a->width)
		return;
	a->width = p->w;
	render_release(&a->head);
	render_release(&a->text);
	width = p->w > 3 ? (size_t)p->w - 2 : 1;
	if (width > ARTICLE_MAX_WIDTH)
		width = ARTICLE_MAX_WIDTH;
	ui_wrap(&a->head, "Title: ", UI_A_HEADER, *it->title != '\0' ?
	    it->title : "(untitled)", RENDER_BOLD, width);
	if (*a->feed != '\0')
		ui_wrap(&a->head, "Feed: ", UI_A_HEADER, a->feed, 0, width);
	if (it->author != NULL && *it->author != '\0')
		ui_wrap(&a->head, "Author: ", UI_A_HEADER, it->author, 0,
		    width);
	if (localtime_r(&t, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) > 0)
		ui_wrap(&a->head, "Date: ", UI_A_HEADER, date, 0, width);
	if (it->link != NULL)
		ui_wrap(&a->head, "Link: ", UI_A_HEADER, it->link, RENDER_DIM,
		    width);
	memset(&o, 0, sizeof o);
	o.width = (int)width;
	if (a->art != NULL)
		render_article(a->art, &o, &a->text);
	if (a->text.n == 0)
		ui_wrap(&a->text, "", 0, "This item has no text; the browser "
		    "shows its page.", RENDER_DIM, width);
	p->n = a->head.n + 1 + a->text.n;
}

/* Draw the article pane. */
void
article_draw(struct ui *ui, struct ui_pane *p)
{
	struct ui_article	*a = &ui->art;
	const struct render_line *l;
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
	ui_draw_title(ui, p, focus, *a->feed != '\0' ? a->feed : "Article",
	    a->body.item.starred ? "starred" : NULL);
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
		ui_draw_line(ui, p->y + 1 + i, p->x + 1, p->w - 1, l);
	}
}

/* "open N": open link N of the article in the browser. */
int
article_open_link(struct ui *ui, const char *number)
{
	char		*end;
	unsigned long	 n;

	if (ui->art.id == 0) {
		ui_message(ui, 1, "No article is open");
		return (UI_REDRAW);
	}
	errno = 0;
	n = strtoul(number, &end, 10);
	while (*end == ' ')
		end++;
	if (errno != 0 || end == number || *end != '\0' || n == 0) {
		struct buf	 q = BUF_INIT;

		ui_message(ui, 1, "\"%s\" is not a link number",
		    text_printable(&q, number));
		buf_release(&q);
		return (UI_REDRAW);
	}
	if (ui->art.art == NULL || n > ui->art.art->nlinks) {
		ui_message(ui, 1, "No link %lu: the article has %zu", n,
		    ui->art.art != NULL ? ui->art.art->nlinks : 0);
		return (UI_REDRAW);
	}
	return (ui_browser(ui, ui->art.art->links[n - 1].url));
}

/* Whether the browser may be given url: an absolute URL of a scheme that
 * browsers open themselves, free of control characters. A link comes
 * from a feed, and xdg-open hands any other scheme to whichever program
 * claims it, where "ssh://-oProxyCommand=..." or "x-scheme:-option" may
 * reach an option parser; a scheme also keeps a leading "-" out. */
static int
ui_openable(const char *url)
{
	static const char *const schemes[] = {
		"http:", "https:", "ftp:", "mailto:", "file:"
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
static char **
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

/* Run argv with the terminal given back, and wait for it. Return its
 * exit status, or -1 with errno when it could not be run. */
static int
ui_spawn(char **argv)
{
	struct sigaction	 dfl;
	sigset_t		 none;
	pid_t			 pid;
	ssize_t			 n;
	int			 fds[2], status, err = 0;

	if (pipe2(fds, O_CLOEXEC) == -1)
		return (-1);
	if ((pid = fork()) == -1) {
		err = errno;
		close(fds[0]);
		close(fds[1]);
		errno = err;
		return (-1);
	}
	if (pid == 0) {
		/* Only async-signal-safe calls from here to exec. */
		memset(&dfl, 0, sizeof dfl);
		dfl.sa_handler = SIG_DFL;
		sigaction(SIGPIPE, &dfl, NULL);
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		close(fds[0]);
		execvp(argv[0], argv);
		err = errno;
		n = write(fds[1], &err, sizeof err);
		(void)n;
		_exit(127);
	}
	close(fds[1]);
	do
		n = read(fds[0], &err, sizeof err);
	while (n == -1 && errno == EINTR);
	close(fds[0]);
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return (-1);
	if (n == (ssize_t)sizeof err) {
		errno = err;
		return (-1);
	}
	if (WIFEXITED(status))
		return (WEXITSTATUS(status));
	return (128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0));
}

/* Open url in the browser: the browser setting, else $BROWSER, else
 * xdg-open. */
int
ui_browser(struct ui *ui, const char *url)
{
	struct buf	 q = BUF_INIT;
	const char	*cmd;
	char		**argv;
	size_t		 i;
	int		 rc;

	if (!ui_openable(url)) {
		ui_message(ui, 1, "Not opening \"%s\": only http, https, ftp, "
		    "mailto and file links are opened", text_printable(&q, url));
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
	endwin();
	rc = ui_spawn(argv);
	text_printable(&q, argv[0]);
	if (rc == -1)
		ui_message(ui, 1, "Cannot run %s: %s", q.data, strerror(errno));
	else if (rc != 0)
		ui_message(ui, 1, "%s exited with status %d", q.data, rc);
	else {
		buf_reset(&q);
		ui_message(ui, 0, "Opened %s", text_printable(&q, url));
	}
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
	buf_release(&q);
	return (UI_REDRAW | UI_CLEAR);
}
