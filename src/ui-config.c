/* ui-config.c: the dotfile read again, or edited and read again, while
 * the reader runs (reload-config, edit-config).
 *
 * The file is read into a config of its own; with any mistake that one
 * is thrown away, the config in force stays and the first mistake is
 * shown. Otherwise the new config takes the old one's place in the
 * struct main() handed to ui_run() (so main() frees whichever is there),
 * and whatever pointed into the old one is made again from the new: the
 * feeds pane's rows and tags, the list's feeds, the open article's feed
 * id. The threads never saw the old one, only snapshots of it, which
 * they keep until they are done; the next snapshot is the new config's
 * (ui_config_changed()). The editor runs as the browser does: an argv,
 * no shell, with the terminal given back to it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "hook.h"
#include "keys.h"
#include "sync.h"
#include "ui-int.h"
#include "util.h"

/* Make what pointed into the config before the swap point into it now. */
static void
uiconf_follow(struct ui *ui)
{
	const struct ui_feed	*f;
	size_t			 i;

	ui_list_free_feeds(ui);
	ui->picking = 0;
	ui_list_load_feeds(ui);
	/* A tag no feed has now shows nothing: every feed instead. */
	for (i = 1; ui->tag != NULL && i < ui->ntags; i++)
		if (strcmp(ui->tags[i].name, ui->tag) == 0)
			break;
	if (ui->tag != NULL && i == ui->ntags)
		ui_list_tag(ui, NULL);
	ui_list_refeed(ui, 1);
	ui_list_reload(ui);
	if (ui->art.id != 0) {
		f = ui_list_feed_of(ui, ui->art.body.item.feed_id);
		ui->art.cfid = f != NULL ? f->cf->id : 0;
	}
	ui_config_changed(ui);
	ui_apply_colors(ui);
	ui_apply_mouse(ui);
	ui->layout = (int)config_num(ui->cfg, NULL, SET_PANES);
	if (ui->unread_only != (config_num(ui->cfg, NULL, SET_UNREAD_ONLY)
	    != 0))
		ui_act(ui, ACT_TOGGLE_UNREAD_ONLY);
}

/* Read the dotfile again (see above). */
int
ui_config_reload(struct ui *ui)
{
	struct config	 fresh, old;
	struct causes	 causes = CAUSES_INIT;
	struct buf	 q = BUF_INIT;
	const char	*path = ui->cfg->path;
	char		*cause;
	int		 rc = 0;

	if (path == NULL) {
		ui_message(ui, 1, "No configuration file to read");
		return (UI_REDRAW);
	}
	memset(&fresh, 0, sizeof fresh);
	config_init(&fresh);
	/* A file that is not there is an empty one, as at start. */
	if (access(path, F_OK) == 0 || errno != ENOENT)
		rc = config_load(path, &fresh, &causes);
	else {
		free(fresh.path);
		fresh.path = xstrdup(path);
	}
	if (rc != 0) {
		text_printable(&q, causes.n > 0 ? causes.v[0] : path);
		if (causes.n > 1)
			ui_message(ui, 1, "Not reloaded, %zu mistakes: %s",
			    causes.n, q.data);
		else
			ui_message(ui, 1, "Not reloaded: %s", q.data);
		buf_release(&q);
		causes_release(&causes);
		config_release(&fresh);
		return (UI_REDRAW);
	}
	causes_release(&causes);
	/* A sync line added: from now on a password is held, and no core
	 * file may be written (as at start, main.c). */
	if (fresh.nsyncs > 0 && util_no_core_dumps(&cause) != 0) {
		log_debug("%s", cause);
		free(cause);
	}
	/* The servers' feeds, which the file does not list. */
	if (fresh.nsyncs > 0 && sync_config_feeds(&fresh, ui->st,
	    &cause) < 0) {
		ui_message(ui, 1, "Not reloaded: %s", text_printable(&q,
		    cause));
		free(cause);
		buf_release(&q);
		config_release(&fresh);
		return (UI_REDRAW);
	}
	memcpy(&old, ui->cfg, sizeof old);
	memcpy(ui->cfg, &fresh, sizeof fresh);
	uiconf_follow(ui);
	config_release(&old);
	ui_message(ui, 0, "Reloaded %s: %zu feed%s", text_printable(&q,
	    ui->cfg->path), ui->cfg->nfeeds, ui->cfg->nfeeds == 1 ? "" : "s");
	buf_release(&q);
	return (UI_REDRAW | UI_CLEAR);
}

/* Edit the dotfile with $VISUAL, else $EDITOR, else vi, then read it
 * again. */
int
ui_config_edit(struct ui *ui)
{
	const char	*editor, *path = ui->cfg->path;
	struct buf	 q = BUF_INIT, s = BUF_INIT;
	char		**argv, *cause;
	size_t		 n;
	int		 rc, flags;

	if (path == NULL) {
		ui_message(ui, 1, "No configuration file to edit");
		return (UI_REDRAW);
	}
	if ((editor = getenv("VISUAL")) == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		editor = "vi";
	if (config_words(editor, &argv, &n, &cause) != 0) {
		ui_message(ui, 1, "The editor \"%s\": %s",
		    text_printable(&q, editor), cause);
		free(cause);
		buf_release(&q);
		return (UI_REDRAW);
	}
	if (n == 0) {
		config_words_free(argv);
		ui_message(ui, 1, "The editor is empty");
		return (UI_REDRAW);
	}
	argv = xreallocarray(argv, n + 2, sizeof *argv);
	argv[n] = xstrdup(path);
	argv[n + 1] = NULL;
	util_expand_argv(argv);
	/* The directory may not be there yet, on a first start. */
	if (util_mkdirs_for(path, &cause) != 0) {
		ui_message(ui, 1, "%s", text_printable(&q, cause));
		free(cause);
		config_words_free(argv);
		buf_release(&q);
		return (UI_REDRAW);
	}
	ui_hook_suspend();
	rc = hook_wait(argv, -1, &cause);
	flags = ui_hook_resume();
	if (rc != 0) {
		if (rc == -1)
			ui_hook_report(ui, argv[0], rc, cause);
		else {
			hook_status(&s, rc);
			ui_message(ui, 1, "%s %s; not reloaded",
			    text_printable(&q, argv[0]), s.data);
			buf_release(&s);
			buf_release(&q);
		}
		config_words_free(argv);
		return (flags);
	}
	config_words_free(argv);
	return (ui_config_reload(ui) | flags);
}
