/* newsboat.c: newsboat's urls and config files as dotfile lines.
 *
 * A urls line is already nearly a feed line (tidings-config(5) says so):
 * the URL, tags, a "~title", a "!" to hide. Its words are split the way
 * the dotfile splits them, which is newsboat's quoting too, and written
 * back with config_word(), so a tag with a blank in it stays one tag.
 *
 * The config file maps through three tables: options to settings (with
 * the unit newsboat counts in), newsboat's operations to actions and its
 * dialogs to key tables, and its colour elements to ours. A line made
 * from them is then run by config_command() on a scratch config, exactly
 * as the reader's prompt would run it, so a line that tidings would
 * reject (an action that does nothing in that pane, a colour attribute
 * curses lacks) is reported instead of appended. Whatever has no
 * equivalent is reported with the line it came from: a move should leave
 * the user knowing what was left behind.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "config.h"
#include "newsboat.h"
#include "util.h"

/* A newsboat option and the setting it becomes. */
struct newsboat_option {
	const char	*name;
	const char	*setting;
	const char	*unit;		/* appended to a number, or NULL */
};

static const struct newsboat_option newsboat_options[] = {
	{ "max-items", "max-items", "" },
	{ "browser", "browser", NULL },
	{ "player", "player", NULL },
	{ "user-agent", "user-agent", NULL },
	{ "download-timeout", "download-timeout", "s" },
	{ "reload-threads", "max-connections", "" },
	{ "keep-articles-days", "item-retention", "d" },
	{ "datetime-format", "date-format", NULL },
	{ "text-width", "text-width", "" },
};

/* newsboat's operations and the actions that do the same. */
static const struct {
	const char	*op;
	const char	*action;
} newsboat_ops[] = {
	{ "quit", "quit" },
	{ "hard-quit", "quit" },
	{ "help", "help" },
	{ "cmdline", "command" },
	{ "open-search", "search" },
	{ "reload", "refresh" },
	{ "reload-all", "refresh-all" },
	{ "mark-feed-read", "mark-feed-read" },
	{ "mark-all-feeds-read", "mark-all-read" },
	{ "open-in-browser", "open-browser" },
	{ "open-in-browser-and-mark-read", "open-browser-mark-read" },
	{ "goto-url", "open-link" },
	{ "open", "open" },
	{ "next-unread", "next-unread" },
	{ "prev-unread", "prev-unread" },
	{ "next", "next-item" },
	{ "prev", "prev-item" },
	{ "up", "prev" },
	{ "down", "next" },
	{ "pageup", "page-up" },
	{ "pagedown", "page-down" },
	{ "home", "top" },
	{ "end", "bottom" },
	{ "toggle-article-read", "toggle-read" },
	{ "toggle-show-read-feeds", "toggle-unread-only" },
	{ "set-tag", "pick-tag" },
	{ "redraw", "redraw" },
	{ "reload-urls", "reload-config" },
	{ "edit-urls", "edit-config" },
	{ "switch-focus", "focus-next" },
	{ "save", "save" },
	/* podboat's, in its dialog: the downloads view. */
	{ "pb-cancel", "cancel-download" },
	{ "pb-download", "retry-download" },
	{ "pb-play", "play-download" },
};

/* newsboat's dialogs and our key tables. */
static const struct {
	const char	*dialog;
	const char	*table;
} newsboat_dialogs[] = {
	{ "all", "global" },
	{ "feedlist", "feeds" },
	{ "articlelist", "items" },
	{ "article", "article" },
	{ "podboat", "downloads" },
};

/* newsboat's colour elements and ours. */
static const struct {
	const char	*element;
	const char	*ours;
} newsboat_elements[] = {
	{ "background", "normal" },
	{ "listnormal", "normal" },
	{ "listfocus", "selected" },
	{ "listnormal_unread", "unread" },
	{ "info", "status" },
	{ "title", "pane-title" },
};

/* newsboat's words that the code below maps rather than a table above. */
static const struct {
	const char	*word;
	const char	*ours;
	const char	*what;
	const char	*note;
} newsboat_words[] = {
	{ "bind-key", "bind", "command", "; bind TABLE KEY ACTION" },
	{ "unbind-key", "unbind", "command", "; unbind TABLE KEY" },
	{ "macro", "bind", "command", "; bind macro KEY \"STEP; STEP\", "
	  "run after macro-prefix (,)" },
	{ "show-read-feeds", "unread-only", "setting",
	  ", the other way round" },
	{ "show-read-articles", "unread-only", "setting",
	  ", the other way round" },
	{ "notify-program", "notify-command", "setting", "" },
	{ "reload-time", "refresh-interval", "setting", "" },
	{ "auto-reload", "refresh-interval", "setting",
	  " (0 turns it off)" },
	{ "ignore-article", "ignore", "command",
	  "; ignore EXPRESSION (for one feed: feedurl = \"URL\" and ...)" },
	{ "highlight-article", "highlight", "command",
	  "; highlight EXPRESSION FG BG [ATTR ...]" },
};

const char *
newsboat_here(const char *word, const char **what, const char **note)
{
	size_t	 i;

	*note = "";
	for (i = 0; i < nitems(newsboat_words); i++) {
		if (strcmp(word, newsboat_words[i].word) == 0) {
			*what = newsboat_words[i].what;
			*note = newsboat_words[i].note;
			return (newsboat_words[i].ours);
		}
	}
	for (i = 0; i < nitems(newsboat_options); i++) {
		if (strcmp(word, newsboat_options[i].name) == 0) {
			*what = "setting";
			return (newsboat_options[i].setting);
		}
	}
	for (i = 0; i < nitems(newsboat_ops); i++) {
		if (strcmp(word, newsboat_ops[i].op) == 0) {
			*what = "action";
			return (newsboat_ops[i].action);
		}
	}
	return (NULL);
}

void
newsboat_init(struct newsboat *nb)
{
	memset(nb, 0, sizeof *nb);
	nb->auto_reload = -1;
	buf_init(&nb->settings);
	buf_init(&nb->feeds);
}

void
newsboat_release(struct newsboat *nb)
{
	size_t	 i;

	buf_release(&nb->settings);
	buf_release(&nb->feeds);
	for (i = 0; i < nb->nurls; i++)
		free(nb->urls[i]);
	free(nb->urls);
	for (i = 0; i < nb->nepisodes; i++) {
		free(nb->episodes[i].url);
		free(nb->episodes[i].path);
	}
	free(nb->episodes);
	nb->episodes = NULL;
	nb->nepisodes = 0;
	causes_release(&nb->unmapped);
	for (i = 0; i < nb->nserver; i++) {
		free(nb->server[i].key);
		free(nb->server[i].value);
		free(nb->server[i].text);
	}
	free(nb->server);
	nb->server = NULL;
	nb->nserver = 0;
	free(nb->reload_time);
	free(nb->reload_text);
	free(nb->auto_text);
	nb->reload_time = nb->reload_text = nb->auto_text = NULL;
	nb->urls = NULL;
	nb->nurls = 0;
}

/* Report one line that did not map, and why. */
static void
newsboat_unmapped(struct newsboat *nb, const char *name, unsigned line,
    const char *text, const char *why)
{
	struct buf	 q = BUF_INIT;

	text_printable(&q, text);
	causes_add(&nb->unmapped, "%s:%u: %s: %s", name, line, q.data, why);
	buf_release(&q);
}

/* Call fn for every line of text with its number, without the newline
 * and a carriage return before it. */
static void
newsboat_lines(struct newsboat *nb, const char *text, size_t len,
    const char *name, const void *arg,
    void (*fn)(struct newsboat *, const char *, unsigned, const char *,
    const void *))
{
	const char	*end = text + len, *nl;
	char		*line;
	unsigned	 n = 0;
	size_t		 l;

	while (text < end) {
		n++;
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL)
			nl = end;
		l = (size_t)(nl - text);
		if (l > 0 && text[l - 1] == '\r')
			l--;
		line = xstrndup(text, l);
		fn(nb, name, n, line, arg);
		free(line);
		text = nl + (nl < end);
	}
}

/* Whether url is among the URLs of the urls file seen so far. */
static int
newsboat_seen(const struct newsboat *nb, const char *url)
{
	size_t	 i;

	for (i = 0; i < nb->nurls; i++)
		if (strcmp(nb->urls[i], url) == 0)
			return (1);
	return (0);
}

/* Keep a dotfile line made from line n of name when it loads, else say
 * why not. */
static void
newsboat_keep_line(struct newsboat *nb, const char *name, unsigned n,
    const char *line, struct buf *out)
{
	char	*why;

	buf_addch(out, '\n');
	if (config_check_lines(out->data, out->len, &why) != 0) {
		newsboat_unmapped(nb, name, n, line, why);
		free(why);
		return;
	}
	buf_add(&nb->settings, out->data, out->len);
	nb->nsettings++;
}

/* A query feed of the urls file, "query:NAME:EXPRESSION" [TAG ...]:
 * a query line, the expression as it is, and its tags after it, quoted
 * so that they stay apart ("query NAME 'EXPRESSION' TAG ..."). */
static void
newsboat_query(struct newsboat *nb, const char *name, unsigned n,
    const char *line, char **w, size_t nw)
{
	struct buf	 out = BUF_INIT;
	const char	*colon, *expr;
	char		*qname;
	size_t		 i, ntags = 0, dropped = 0;

	if ((colon = strchr(w[0] + 6, ':')) == NULL || colon == w[0] + 6 ||
	    colon[1] == '\0') {
		newsboat_unmapped(nb, name, n, line, "a query feed without "
		    "a name or an expression");
		return;
	}
	qname = xstrndup(w[0] + 6, (size_t)(colon - w[0] - 6));
	expr = colon + 1;
	for (i = 1; i < nw; i++) {
		if (w[i][0] == '\0' || w[i][0] == '~' || w[i][0] == '!')
			dropped++;
		else
			ntags++;
	}
	buf_addstr(&out, "query ");
	config_word(&out, qname);
	buf_addch(&out, ' ');
	if (ntags == 0)
		buf_addstr(&out, expr);
	else if (strchr(expr, '\'') == NULL)
		buf_addf(&out, "'%s'", expr);
	else
		config_word(&out, expr);	/* quoted: it has a ' */
	for (i = 1; i < nw; i++) {
		if (w[i][0] == '\0' || w[i][0] == '~' || w[i][0] == '!')
			continue;
		buf_addch(&out, ' ');
		config_word(&out, w[i]);
	}
	newsboat_keep_line(nb, name, n, line, &out);
	if (dropped > 0)
		newsboat_unmapped(nb, name, n, line, "the query feed is kept "
		    "with its tags, not its \"~title\" or \"!\": its name is "
		    "its title, and a query is never hidden");
	free(qname);
	buf_release(&out);
}

/* Check a urls line's exec: or filter: feed (config_feed_source()).
 * newsboat hands the command to sh; tidings splits it into words and
 * runs it without a shell, which gives the same argv for a plain command
 * with quoted words, but not for one that asks the shell for more. */
static int
newsboat_command(const char *url, char **why)
{
	static const char	 shell[] = "|&;<>()$`*?[{";
	const char		*fetch, *cmd, *end, *c;
	char			**argv;

	if (config_feed_source(url, 0, &argv, &fetch, why) == -1)
		return (-1);
	if (fetch != NULL && config_check_import_url(fetch, why) != 0) {
		config_words_free(argv);
		return (-1);
	}
	cmd = strchr(url, ':') + 1;
	end = fetch != NULL ? fetch - 1 : cmd + strlen(cmd);
	for (c = cmd; c < end; c++)
		if (strchr(shell, *c) != NULL)
			break;
	if (c == end && strchr(argv[0], '=') == NULL) {
		config_words_free(argv);
		return (0);
	}
	if (c == end)
		c = "=";
	xasprintf(why, "newsboat runs this command with sh, and it needs "
	    "one (\"%c\"); tidings runs commands without a shell: put it "
	    "in a script", *c);
	config_words_free(argv);
	return (-1);
}

/* One line of the urls file. */
static void
newsboat_url_line(struct newsboat *nb, const char *name, unsigned n,
    const char *line, const void *arg)
{
	const struct config	*cfg = arg;
	struct buf		 feed = BUF_INIT;
	char			**w, *why;
	size_t			 nw, i;

	if (config_words(line, &w, &nw, &why) != 0) {
		newsboat_unmapped(nb, name, n, line, why);
		free(why);
		return;
	}
	if (nw == 0)
		goto out;
	if (strncmp(w[0], "query:", 6) == 0) {
		newsboat_query(nb, name, n, line, w, nw);
		goto out;
	}
	/* Not file://: the dotfile reads a local file only for a line the
	 * user wrote there. A command, though, ran already in newsboat,
	 * from the user's own urls file. */
	if (strncmp(w[0], "exec:", 5) == 0 ||
	    strncmp(w[0], "filter:", 7) == 0) {
		if (newsboat_command(w[0], &why) != 0) {
			newsboat_unmapped(nb, name, n, line, why);
			free(why);
			goto out;
		}
	} else if (config_check_import_url(w[0], &why) != 0) {
		newsboat_unmapped(nb, name, n, line, why);
		free(why);
		goto out;
	}
	if (newsboat_seen(nb, w[0])) {
		newsboat_unmapped(nb, name, n, line, "listed twice");
		goto out;
	}
	buf_addstr(&feed, "feed");
	for (i = 0; i < nw; i++) {
		buf_addch(&feed, ' ');
		config_word(&feed, w[i]);
	}
	buf_addch(&feed, '\n');
	/* Two titles, an empty one: newsboat takes what the dotfile's parser
	 * refuses, and one such line would stop every start. */
	if (config_check_lines(feed.data, feed.len, &why) != 0) {
		newsboat_unmapped(nb, name, n, line, why);
		free(why);
		goto out;
	}
	nb->urls = xreallocarray(nb->urls, nb->nurls + 1, sizeof *nb->urls);
	nb->urls[nb->nurls++] = xstrdup(w[0]);
	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].url, w[0]) == 0)
			break;
	if (i < cfg->nfeeds) {
		nb->listed++;
		goto out;
	}
	buf_add(&nb->feeds, feed.data, feed.len);
	nb->nfeeds++;
out:
	buf_release(&feed);
	config_words_free(w);
}

void
newsboat_urls(struct newsboat *nb, const char *text, size_t len,
    const char *name, const struct config *cfg)
{
	newsboat_lines(nb, text, len, name, cfg, newsboat_url_line);
}

/* Whether s is a whole number. */
static int
newsboat_number(const char *s)
{
	if (*s == '\0')
		return (0);
	for (; *s != '\0'; s++)
		if (!isdigit((unsigned char)*s))
			return (0);
	return (1);
}

/* Append newsboat's key name as ours: "^R" is C-r; the others (letters,
 * ENTER, ESC, TAB, UP, PPAGE, F1, ...) are names we know already. */
static void
newsboat_key(struct buf *b, const char *key)
{
	if (key[0] == '^' && key[1] != '\0' && key[2] == '\0') {
		buf_addstr(b, "C-");
		buf_addch(b, (char)tolower((unsigned char)key[1]));
	} else if (strcasecmp(key, "DEL") == 0)
		buf_addstr(b, "Delete");
	else
		config_word(b, key);
}

/* The key table of a dialog (NULL: every one), or NULL when we have no
 * such pane. */
static const char *
newsboat_table(const char *dialog)
{
	size_t	 i;

	if (dialog == NULL)
		return ("global");
	for (i = 0; i < nitems(newsboat_dialogs); i++)
		if (strcmp(newsboat_dialogs[i].dialog, dialog) == 0)
			return (newsboat_dialogs[i].table);
	return (NULL);
}

/* newsboat's article-sort-order: the same words, but its date order is
 * the other way round (date-asc is newest first), and its direction
 * is ascending unless told. */
static int
newsboat_sort(const char *value, struct buf *out, const char **why)
{
	static const char *const keys[] = { "date", "title", "author",
	    "flags", "link", "guid", "random" };
	static const char *const here[] = { "date", "title", "author",
	    "starred", "link", "guid", "random" };
	const char	*dash;
	size_t		 len, i;
	int		 desc = 0;

	len = (dash = strchr(value, '-')) != NULL ? (size_t)(dash - value) :
	    strlen(value);
	if (dash != NULL && strcmp(dash, "-desc") == 0)
		desc = 1;
	else if (dash != NULL && strcmp(dash, "-asc") != 0) {
		*why = "not a direction (asc or desc)";
		return (-1);
	}
	for (i = 0; i < nitems(keys); i++)
		if (strlen(keys[i]) == len && strncmp(value, keys[i], len) == 0)
			break;
	if (i == nitems(keys)) {
		*why = "no such order here (date, title, author, flags, "
		    "link, guid, random)";
		return (-1);
	}
	if (i == 0 && !desc) {
		*why = "the default here too (newest first)";
		return (-1);
	}
	if (i == 0)
		buf_addstr(out, "set sort date-asc");
	else if (strcmp(keys[i], "random") == 0)
		buf_addstr(out, "set sort random");
	else
		buf_addf(out, "set sort %s-%s", here[i], desc ? "desc" : "asc");
	return (0);
}

static int	newsboat_macro(struct newsboat *, char **, size_t,
		    struct buf *, const char **);

/* Make the dotfile line for one config line of newsboat's in out; return
 * 0 (out empty when an earlier line made it already), or -1 with a
 * static reason in *why. */
static int
newsboat_map(struct newsboat *nb, char **w, size_t nw, struct buf *out,
    const char **why)
{
	const char	*table, *p;
	struct buf	 inner = BUF_INIT;
	size_t		 i;

	*why = "no equivalent in tidings";
	for (i = 0; i < nitems(newsboat_options); i++) {
		if (strcmp(w[0], newsboat_options[i].name) != 0)
			continue;
		if (nw != 2) {
			*why = "expected one value";
			return (-1);
		}
		buf_addf(out, "set %s ", newsboat_options[i].setting);
		if (newsboat_options[i].unit == NULL) {
			if (strcmp(w[0], "browser") == 0) {
				/* newsboat puts the URL where %u is. */
				for (p = w[1]; *p != '\0'; p++) {
					if (p[0] == '%' && p[1] == 'u') {
						buf_addstr(&inner, "%s");
						p++;
					} else
						buf_addch(&inner, *p);
				}
				config_word(out, inner.data);
				buf_release(&inner);
			} else
				config_word(out, w[1]);
			return (0);
		}
		if (!newsboat_number(w[1])) {
			*why = "not a number";
			return (-1);
		}
		buf_addf(out, "%s%s", w[1], newsboat_options[i].unit);
		return (0);
	}
	if (strcmp(w[0], "show-read-feeds") == 0 ||
	    strcmp(w[0], "show-read-articles") == 0) {
		if (nw != 2)
			return (-1);
		if (strcmp(w[1], "no") == 0 || strcmp(w[1], "false") == 0) {
			/* Both options become the one setting, once. */
			if (!nb->unread_only)
				buf_addstr(out, "set unread-only yes");
			nb->unread_only = 1;
			return (0);
		}
		*why = "the default here too";
		return (-1);
	}
	if (strcmp(w[0], "download-path") == 0) {
		if (nw != 2) {
			*why = "expected one value";
			return (-1);
		}
		if (strchr(w[1], '%') != NULL) {
			*why = "its %n and %h have no equivalent: files are "
			    "named after their feed here; set download-dir "
			    "(per feed too) by hand";
			return (-1);
		}
		buf_addstr(out, "set download-dir ");
		config_word(out, w[1]);
		return (0);
	}
	if (strcmp(w[0], "podcast-auto-enqueue") == 0) {
		if (nw != 2) {
			*why = "expected one value";
			return (-1);
		}
		if (strcmp(w[1], "yes") == 0 || strcmp(w[1], "true") == 0) {
			buf_addstr(out, "set download-enclosures yes");
			return (0);
		}
		*why = "the default here too";
		return (-1);
	}
	if (strcmp(w[0], "max-downloads") == 0) {
		*why = "downloads run one at a time here";
		return (-1);
	}
	if (strcmp(w[0], "download-full-page") == 0) {
		if (nw != 2) {
			*why = "expected one value";
			return (-1);
		}
		if (strcmp(w[1], "yes") == 0 || strcmp(w[1], "true") == 0) {
			buf_addstr(out, "set full-article yes");
			return (0);
		}
		*why = "the default here too";
		return (-1);
	}
	if (strcmp(w[0], "ignore-mode") == 0 && nw == 2) {
		*why = strcmp(w[1], "display") == 0 ? "the way here: ignored "
		    "items are kept and hidden" : "tidings keeps ignored items "
		    "and hides them (newsboat's display mode), so removing an "
		    "ignore line brings them back";
		return (-1);
	}
	if (strcmp(w[0], "article-sort-order") == 0 && nw == 2)
		return (newsboat_sort(w[1], out, why));
	if (strcmp(w[0], "feed-sort-order") == 0) {
		*why = "its keys and directions are not ours; set "
		    "feed-sort-order (none, title, unread) by hand";
		return (-1);
	}
	if (strcmp(w[0], "prepopulate-query-feeds") == 0) {
		*why = "query feeds are always current here";
		return (-1);
	}
	if (strcmp(w[0], "proxy") == 0 || strcmp(w[0], "use-proxy") == 0) {
		*why = "no setting in tidings; it uses the http_proxy and "
		    "https_proxy environment variables";
		return (-1);
	}
	if (strcmp(w[0], "notify-program") == 0 && nw == 2) {
		config_word(&inner, w[1]);
		buf_addch(&inner, ' ');
		config_word(&inner, "tidings: %n new items, %u unread");
		buf_addstr(out, "set notify-command ");
		config_word(out, inner.data);
		buf_release(&inner);
		return (0);
	}
	if (strcmp(w[0], "macro") == 0 && nw >= 3)
		return (newsboat_macro(nb, w, nw, out, why));
	if (strcmp(w[0], "bind-key") == 0 && (nw == 3 || nw == 4)) {
		for (i = 0; i < nitems(newsboat_ops); i++)
			if (strcmp(newsboat_ops[i].op, w[2]) == 0)
				break;
		if (i == nitems(newsboat_ops)) {
			*why = "no such action in tidings";
			return (-1);
		}
		if ((table = newsboat_table(nw == 4 ? w[3] : NULL)) == NULL) {
			*why = "no such pane in tidings";
			return (-1);
		}
		buf_addf(out, "bind %s ", table);
		newsboat_key(out, w[1]);
		buf_addf(out, " %s", newsboat_ops[i].action);
		return (0);
	}
	if (strcmp(w[0], "unbind-key") == 0 && (nw == 2 || nw == 3) &&
	    strcmp(w[1], "-a") != 0) {
		if ((table = newsboat_table(nw == 3 ? w[2] : NULL)) == NULL) {
			*why = "no such pane in tidings";
			return (-1);
		}
		buf_addf(out, "unbind %s ", table);
		newsboat_key(out, w[1]);
		return (0);
	}
	if (strcmp(w[0], "color") == 0 && nw >= 4) {
		for (i = 0; i < nitems(newsboat_elements); i++)
			if (strcmp(newsboat_elements[i].element, w[1]) == 0)
				break;
		if (i == nitems(newsboat_elements)) {
			*why = "no such element in tidings";
			return (-1);
		}
		buf_addf(out, "color %s", newsboat_elements[i].ours);
		for (i = 2; i < nw; i++) {
			buf_addch(out, ' ');
			config_word(out, w[i]);
		}
		return (0);
	}
	return (-1);
}

/*
 * newsboat's "macro KEY OP [ARG...] [; OP [ARG...]]... [-- DESCRIPTION]",
 * run by pressing the macro prefix and KEY: a binding of KEY in the macro
 * table, pressed after macro-prefix (",", as in newsboat), whose steps
 * are the operations mapped as bind-key maps them, "set" as the config
 * file's options are, and pipe-to with its command split into words (a
 * command that needs newsboat's shell does not map).
 */
static int
newsboat_macro(struct newsboat *nb, char **w, size_t nw, struct buf *out,
    const char **why)
{
	struct buf	 step = BUF_INIT, steps = BUF_INIT;
	char		**t;
	size_t		 i, j, n = 0, op, k;
	int		 rc = -1;

	/* The words after the key, with a ";" that ends one split off,
	 * up to the description. */
	t = xcalloc(2 * nw + 1, sizeof *t);
	for (i = 2; i < nw && strcmp(w[i], "--") != 0; i++) {
		k = strlen(w[i]);
		if (k > 1 && w[i][k - 1] == ';') {
			w[i][k - 1] = '\0';
			t[n++] = w[i];
			t[n++] = (char *)";";
		} else
			t[n++] = w[i];
	}
	t[n] = (char *)";";
	buf_addstr(&steps, "bind macro ");
	newsboat_key(&steps, w[1]);
	buf_addstr(&steps, " macro");
	for (op = 0; op < n; op = j + 1) {
		for (j = op; strcmp(t[j], ";") != 0; j++)
			;
		if (j == op)
			continue;
		buf_reset(&step);
		if (strcmp(t[op], "set") == 0) {
			if (j - op != 3) {
				*why = "set takes a name and a value";
				goto out;
			}
			if (newsboat_map(nb, t + op + 1, 2, &step, why) != 0)
				goto out;
		} else if (strcmp(t[op], "pipe-to") == 0 && j - op == 2) {
			if (strpbrk(t[op + 1], "|&;<>$`*?(){}'\"\\") != NULL) {
				*why = "pipe-to's command needs a shell, which "
				    "tidings does not run; write a script";
				goto out;
			}
			buf_addf(&step, "pipe-to %s", t[op + 1]);
		} else {
			for (k = 0; k < nitems(newsboat_ops); k++)
				if (strcmp(newsboat_ops[k].op, t[op]) == 0)
					break;
			if (k == nitems(newsboat_ops) || j - op != 1) {
				*why = "an operation of the macro has no "
				    "equivalent in tidings";
				goto out;
			}
			buf_addstr(&step, newsboat_ops[k].action);
		}
		buf_addch(&steps, ' ');
		config_word(&steps, step.data);
	}
	buf_add(out, steps.data, steps.len);
	rc = 0;
out:
	free(t);
	buf_release(&step);
	buf_release(&steps);
	return (rc);
}

/* Run the dotfile line out, made from line n of name, as the reader's
 * prompt would, and keep it, or report why it cannot be kept. */
static void
newsboat_keep(struct newsboat *nb, struct config *scratch, const char *name,
    unsigned n, const char *line, const struct buf *out)
{
	char	*cause;

	if (config_command(scratch, out->data, &cause) != 0) {
		newsboat_unmapped(nb, name, n, line, cause);
		free(cause);
		return;
	}
	buf_add(&nb->settings, out->data, out->len);
	buf_addch(&nb->settings, '\n');
	nb->nsettings++;
}

/* Remember auto-reload or reload-time, which map only together (at the
 * end of the file); return 1 when w was one of them. */
static int
newsboat_reload(struct newsboat *nb, const char *name, unsigned n,
    const char *line, char **w, size_t nw)
{
	if (strcmp(w[0], "auto-reload") == 0 && nw == 2) {
		nb->auto_reload = strcmp(w[1], "yes") == 0 ||
		    strcmp(w[1], "true") == 0;
		nb->auto_line = n;
		free(nb->auto_text);
		nb->auto_text = xstrdup(line);
		return (1);
	}
	if (strcmp(w[0], "reload-time") == 0 && nw == 2) {
		if (!newsboat_number(w[1])) {
			newsboat_unmapped(nb, name, n, line, "not a number");
			return (1);
		}
		free(nb->reload_time);
		nb->reload_time = xstrdup(w[1]);
		nb->reload_line = n;
		free(nb->reload_text);
		nb->reload_text = xstrdup(line);
		return (1);
	}
	return (0);
}

/* The refresh-interval newsboat's auto-reload and reload-time make:
 * newsboat reloads in the background only with auto-reload yes, every
 * reload-time minutes (60 unless given). */
static void
newsboat_reload_end(struct newsboat *nb, struct config *scratch,
    const char *name)
{
	struct buf	 out = BUF_INIT;

	if (nb->auto_reload == 1) {
		buf_addf(&out, "set refresh-interval %sm",
		    nb->reload_time != NULL ? nb->reload_time : "60");
		if (nb->reload_time != NULL)
			newsboat_keep(nb, scratch, name, nb->reload_line,
			    nb->reload_text, &out);
		else
			newsboat_keep(nb, scratch, name, nb->auto_line,
			    nb->auto_text, &out);
	} else if (nb->auto_reload == 0) {
		buf_addstr(&out, "set refresh-interval 0");
		newsboat_keep(nb, scratch, name, nb->auto_line, nb->auto_text,
		    &out);
		if (nb->reload_time != NULL)
			newsboat_unmapped(nb, name, nb->reload_line,
			    nb->reload_text, "unused: auto-reload is no");
	} else if (nb->reload_time != NULL) {
		buf_addf(&out, "set refresh-interval %sm", nb->reload_time);
		newsboat_keep(nb, scratch, name, nb->reload_line,
		    nb->reload_text, &out);
	}
	buf_release(&out);
}

/* ignore-article, highlight-article and define-filter, whose
 * expressions go into the dotfile as they are; return 1 when w was one
 * of them. */
static int
newsboat_filter_line(struct newsboat *nb, const char *name, unsigned n,
    const char *line, char **w, size_t nw)
{
	struct buf	 out = BUF_INIT;

	if (strcmp(w[0], "ignore-article") == 0) {
		if (nw != 3) {
			newsboat_unmapped(nb, name, n, line, "expected a feed "
			    "URL (or *) and an expression");
			return (1);
		}
		buf_addstr(&out, "ignore ");
		if (strcmp(w[1], "*") == 0)
			buf_addstr(&out, w[2]);
		else {
			/* The feed's URL as a string of the language. */
			buf_addstr(&out, "feedurl = \"");
			for (const char *p = w[1]; *p != '\0'; p++) {
				if (*p == '"')
					buf_addch(&out, '\\');
				buf_addch(&out, *p);
			}
			buf_addf(&out, "\" and (%s)", w[2]);
		}
	} else if (strcmp(w[0], "highlight-article") == 0) {
		if (nw < 4) {
			newsboat_unmapped(nb, name, n, line, "expected an "
			    "expression and two colours");
			return (1);
		}
		buf_addstr(&out, "highlight");
		for (size_t i = 1; i < nw; i++) {
			buf_addch(&out, ' ');
			config_word(&out, w[i]);
		}
	} else if (strcmp(w[0], "define-filter") == 0) {
		if (nw != 3) {
			newsboat_unmapped(nb, name, n, line, "expected a name "
			    "and an expression");
			return (1);
		}
		buf_addstr(&out, "define-filter ");
		config_word(&out, w[1]);
		buf_addf(&out, " %s", w[2]);
	} else
		return (0);
	newsboat_keep_line(nb, name, n, line, &out);
	buf_release(&out);
	return (1);
}

/*
 * newsboat's sync: "urls-source ttrss", "freshrss" or "miniflux" takes
 * the feeds from a server, with the server's ttrss-*, freshrss-* or
 * miniflux-* options. They map together, once the file is read, to one
 * sync line (ttrss; greader for FreshRSS's Google Reader API; miniflux,
 * whose secret is the API token of miniflux-tokenfile or -tokeneval).
 * The prefixes of the other sources newsboat knows, whose options are
 * kept to be said unused.
 */
static const char *const newsboat_sources[] = {
	"ttrss", "freshrss", "miniflux", "newsblur", "feedbin", "inoreader",
	"ocnews", "oldreader", "feedhq",
};

/* The line as messages show it: a password's or a token's value hidden
 * ("ttrss-password ...", "miniflux-token ..."). The caller frees it. */
static char *
newsboat_hidden(const char *line)
{
	size_t	 n;
	char	*t;

	line += strspn(line, " \t");
	n = strcspn(line, " \t");
	if ((n >= 9 && strncmp(line + n - 9, "-password", 9) == 0) ||
	    (n >= 6 && strncmp(line + n - 6, "-token", 6) == 0)) {
		xasprintf(&t, "%.*s ...", (int)n, line);
		return (t);
	}
	return (xstrdup(line));
}

/* Keep urls-source or a server's option for newsboat_server_end();
 * return 1 when w was one. A password's value is hidden in the line kept
 * for messages. */
static int
newsboat_server(struct newsboat *nb, unsigned n, const char *line, char **w,
    size_t nw)
{
	struct newsboat_kv	*kv;
	const char		*dash;
	size_t			 i;

	if (strcmp(w[0], "urls-source") != 0) {
		if ((dash = strchr(w[0], '-')) == NULL)
			return (0);
		for (i = 0; i < nitems(newsboat_sources); i++)
			if (strlen(newsboat_sources[i]) ==
			    (size_t)(dash - w[0]) && strncmp(w[0],
			    newsboat_sources[i], (size_t)(dash - w[0])) == 0)
				break;
		if (i == nitems(newsboat_sources))
			return (0);
	}
	nb->server = xreallocarray(nb->server, nb->nserver + 1,
	    sizeof *nb->server);
	kv = &nb->server[nb->nserver++];
	kv->key = xstrdup(w[0]);
	kv->value = nw == 2 ? xstrdup(w[1]) : NULL;
	kv->line = n;
	kv->text = newsboat_hidden(line);
	return (1);
}

/* The value of source's option opt ("url" of "ttrss-url"), or NULL. */
static const struct newsboat_kv *
newsboat_server_opt(const struct newsboat *nb, const char *source,
    const char *opt)
{
	const struct newsboat_kv	*kv;
	size_t				 i, l = strlen(source);

	for (i = nb->nserver; i-- > 0;) {
		kv = &nb->server[i];
		if (strncmp(kv->key, source, l) == 0 && kv->key[l] == '-' &&
		    strcmp(kv->key + l + 1, opt) == 0 && kv->value != NULL)
			return (kv);
	}
	return (NULL);
}

/*
 * Append the password-command newsboat's passwordeval becomes: its
 * words as they are, as tidings runs a command without a shell, or
 * "sh -c CMD" when it asks the shell for more (a pipe, a variable),
 * as newsboat hands it to sh.
 */
static void
newsboat_password_command(struct buf *out, const char *cmd)
{
	static const char	 shell[] = "|&;<>()$`*?[{~";
	struct buf		 inner = BUF_INIT;

	if (strpbrk(cmd, shell) == NULL)
		config_word(out, cmd);
	else {
		buf_addstr(&inner, "sh -c ");
		config_word(&inner, cmd);
		config_word(out, inner.data);
		buf_release(&inner);
	}
}

/* Once the config file is read: the sync line urls-source and its
 * server's options make, and the options no line uses said unused. */
static void
newsboat_server_end(struct newsboat *nb, const char *name)
{
	const struct newsboat_kv	*src = NULL, *url, *login, *file, *eval;
	const struct newsboat_kv	*pw;
	struct buf			 out = BUF_INIT;
	const char			*type = "local", *why = NULL, *opt;
	size_t				 i, l;
	int				 syncs, mf;

	for (i = 0; i < nb->nserver; i++)
		if (strcmp(nb->server[i].key, "urls-source") == 0)
			src = &nb->server[i];
	if (src != NULL && src->value != NULL)
		type = src->value;
	/* Miniflux's secret is its API token: tidings does not log in
	 * with the account's password (HTTP Basic), which its API also
	 * takes. */
	mf = strcmp(type, "miniflux") == 0;
	syncs = strcmp(type, "ttrss") == 0 || strcmp(type, "freshrss") == 0 ||
	    mf;
	l = strlen(type);
	for (i = 0; i < nb->nserver; i++) {
		if (&nb->server[i] == src ||
		    strcmp(nb->server[i].key, "urls-source") == 0)
			continue;
		opt = nb->server[i].key + l;
		if (strncmp(nb->server[i].key, type, l) != 0 || *opt != '-')
			why = "unused: urls-source does not name its server";
		else if (!syncs)
			why = "tidings does not sync with this server";
		else if (strcmp(opt, "-url") == 0 ||
		    strcmp(opt, "-login") == 0 ||
		    (!mf && (strcmp(opt, "-passwordfile") == 0 ||
		    strcmp(opt, "-passwordeval") == 0)) ||
		    (mf && (strcmp(opt, "-tokenfile") == 0 ||
		    strcmp(opt, "-tokeneval") == 0)))
			continue;
		else if (strcmp(opt, "-password") == 0 ||
		    strcmp(opt, "-token") == 0)
			why = "not copied: a password or a token is never "
			    "written in the dotfile; keep it in a file only you "
			    "can read (password-file) or give a command that "
			    "prints it (password-command) on the sync line";
		else if (mf && (strcmp(opt, "-passwordfile") == 0 ||
		    strcmp(opt, "-passwordeval") == 0))
			why = "not used: tidings signs in to Miniflux with an "
			    "API token (Settings, API Keys), not the account's "
			    "password; give it with miniflux-tokenfile or "
			    "miniflux-tokeneval";
		else
			why = "no equivalent in tidings: every feed, unread "
			    "and starred article of the account is synced";
		newsboat_unmapped(nb, name, nb->server[i].line,
		    nb->server[i].text, why);
	}
	if (src == NULL || strcmp(type, "local") == 0 ||
	    strcmp(type, "opml") == 0)
		return;
	if (!syncs) {
		newsboat_unmapped(nb, name, src->line, src->text, "tidings "
		    "syncs with Tiny Tiny RSS (ttrss), servers of the Google "
		    "Reader API such as FreshRSS (greader) and Miniflux "
		    "(miniflux); write a sync line by hand if the server "
		    "speaks one of them");
		return;
	}
	url = newsboat_server_opt(nb, type, "url");
	login = newsboat_server_opt(nb, type, "login");
	file = newsboat_server_opt(nb, type, mf ? "tokenfile" :
	    "passwordfile");
	eval = newsboat_server_opt(nb, type, mf ? "tokeneval" :
	    "passwordeval");
	pw = newsboat_server_opt(nb, type, mf ? "token" : "password");
	if (url == NULL || login == NULL) {
		newsboat_unmapped(nb, name, src->line, src->text, strcmp(type,
		    "ttrss") == 0 ? "needs ttrss-url and ttrss-login" : mf ?
		    "needs miniflux-url and miniflux-login (the account's "
		    "name in tidings)" : "needs freshrss-url and "
		    "freshrss-login");
		return;
	}
	if (file == NULL && eval == NULL) {
		if (pw != NULL)
			why = mf ? "no sync line: its token is in the config "
			    "file, which the dotfile never holds; write the "
			    "sync line by hand with password-file or "
			    "password-command" : "no sync line: its password "
			    "is in the config file, which the dotfile never "
			    "holds; write the sync line by hand with "
			    "password-file or password-command";
		else
			why = mf ? "no sync line: needs a miniflux-tokenfile "
			    "or miniflux-tokeneval" : "no sync line: needs a "
			    "passwordfile or passwordeval";
		newsboat_unmapped(nb, name, src->line, src->text, why);
		return;
	}
	buf_addf(&out, "sync %s ", strcmp(type, "ttrss") == 0 ? "ttrss" :
	    mf ? "miniflux" : "greader");
	config_word(&out, url->value);
	buf_addstr(&out, " < user ");
	config_word(&out, login->value);
	if (file != NULL) {
		buf_addstr(&out, "; password-file ");
		config_word(&out, file->value);
	} else {
		buf_addstr(&out, "; password-command ");
		newsboat_password_command(&out, eval->value);
	}
	newsboat_keep_line(nb, name, src->line, src->text, &out);
	buf_release(&out);
}

/* One line of the config file. */
static void
newsboat_config_line(struct newsboat *nb, const char *name, unsigned n,
    const char *line, const void *arg)
{
	struct config	*scratch = (struct config *)arg;
	struct buf	 out = BUF_INIT;
	const char	*why;
	char		**w, *cause, *text;
	size_t		 nw;

	if (config_words(line, &w, &nw, &cause) != 0) {
		/* A password's line is never shown, mistaken or not. */
		text = newsboat_hidden(line);
		newsboat_unmapped(nb, name, n, text, cause);
		free(text);
		free(cause);
		return;
	}
	if (nw == 0 || newsboat_reload(nb, name, n, line, w, nw) ||
	    newsboat_server(nb, n, line, w, nw)) {
		config_words_free(w);
		return;
	}
	if (newsboat_filter_line(nb, name, n, line, w, nw)) {
		config_words_free(w);
		return;
	}
	if (newsboat_map(nb, w, nw, &out, &why) != 0)
		newsboat_unmapped(nb, name, n, line, why);
	else if (out.len > 0)
		newsboat_keep(nb, scratch, name, n, line, &out);
	buf_release(&out);
	config_words_free(w);
}

/* A line of podboat's queue: URL "PATH" [downloaded|played|finished|
 * failed|...]; its status word, when there is one, says whether the
 * file is whole. */
static void
newsboat_queue_line(struct newsboat *nb, const char *name, unsigned n,
    const char *line, const void *arg)
{
	struct newsboat_episode	*ep;
	char			**w, *cause;
	size_t			 nw;

	(void)arg;
	if (config_words(line, &w, &nw, &cause) != 0) {
		newsboat_unmapped(nb, name, n, line, cause);
		free(cause);
		return;
	}
	if (nw == 0) {
		config_words_free(w);
		return;
	}
	if (nw < 2 || nw > 3 || util_scheme_len(w[0]) == 0 ||
	    w[1][0] != '/') {
		newsboat_unmapped(nb, name, n, line, "not a URL and a "
		    "file's absolute path");
		config_words_free(w);
		return;
	}
	nb->episodes = xreallocarray(nb->episodes, nb->nepisodes + 1,
	    sizeof *nb->episodes);
	ep = &nb->episodes[nb->nepisodes++];
	ep->url = xstrdup(w[0]);
	ep->path = xstrdup(w[1]);
	ep->done = nw == 3 && (strcmp(w[2], "downloaded") == 0 ||
	    strcmp(w[2], "played") == 0 || strcmp(w[2], "finished") == 0);
	config_words_free(w);
}

void
newsboat_queue(struct newsboat *nb, const char *text, size_t len,
    const char *name)
{
	newsboat_lines(nb, text, len, name, NULL, newsboat_queue_line);
}

void
newsboat_config(struct newsboat *nb, const char *text, size_t len,
    const char *name)
{
	struct config	 scratch;

	config_init(&scratch);
	newsboat_lines(nb, text, len, name, &scratch, newsboat_config_line);
	newsboat_reload_end(nb, &scratch, name);
	newsboat_server_end(nb, name);
	config_release(&scratch);
}
