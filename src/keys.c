/* keys.c: key names, the action table and the key tables.
 *
 * Every action the UI can take is one row of actions[]: its name (as
 * written after "bind"), the panes it acts in and its help text, which
 * the "?" screen shows and tidings-config(5) must document (a unit test
 * compares them). A few take arguments (with_args[]): a binding then
 * keeps its words, which config.c has checked (exec's command, a macro's
 * steps), and the UI hands them to the action. A key press is looked up in the focused pane's table
 * first and then in the global one, as tmux looks up its key tables.
 *
 * Key names are parsed once, when a binding is made, into the int codes
 * described in keys.h, through one table of named keys with their
 * aliases, so a key press is matched by comparing ints rather than
 * strings. The default bindings are written in the config language and
 * read at start-up by the same parser as the user's lines, so they obey
 * the same rules and a broken default is caught at once (config_init()
 * makes it fatal).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "keys.h"
#include "util.h"

#define ALL	(KEYS_PANES)
#define FEEDS	KEYS_IN(KEYS_FEEDS)
#define ITEMS	KEYS_IN(KEYS_ITEMS)
#define ARTICLE	KEYS_IN(KEYS_ARTICLE)
#define DLVIEW	KEYS_IN(KEYS_DOWNLOADS)

static const struct keys_action_info actions[] = {
	{ "quit", ACT_QUIT, ALL | DLVIEW, "Quit tidings." },
	{ "help", ACT_HELP, ALL | DLVIEW,
	  "Show the key bindings in force and what they do." },
	{ "command", ACT_COMMAND, ALL | DLVIEW,
	  "Open the prompt for a command: set, bind, unbind, color, "
	  "highlight, open, tag, search, add, quit or the name of an "
	  "action." },
	{ "search", ACT_SEARCH, ALL,
	  "Search the title and text of every item; the results are "
	  "listed in the items pane." },
	{ "focus-next", ACT_FOCUS_NEXT, ALL,
	  "Move the focus to the next pane." },
	{ "focus-prev", ACT_FOCUS_PREV, ALL,
	  "Move the focus to the previous pane." },
	{ "back", ACT_BACK, ALL | DLVIEW,
	  "Go back: from the article to the items, from the items to the "
	  "feeds, out of search results or the tag list." },
	{ "open", ACT_OPEN, FEEDS | ITEMS,
	  "Show the items of the feed, or the article of the item, under "
	  "the cursor." },
	{ "next", ACT_NEXT, ALL | DLVIEW,
	  "Move down one row; in the article, scroll down one line." },
	{ "prev", ACT_PREV, ALL | DLVIEW,
	  "Move up one row; in the article, scroll up one line." },
	{ "page-down", ACT_PAGE_DOWN, ALL | DLVIEW, "Move down one page." },
	{ "page-up", ACT_PAGE_UP, ALL | DLVIEW, "Move up one page." },
	{ "top", ACT_TOP, ALL | DLVIEW, "Go to the first row." },
	{ "bottom", ACT_BOTTOM, ALL | DLVIEW, "Go to the last row." },
	{ "next-unread", ACT_NEXT_UNREAD, ALL,
	  "Go to the next unread item, in the next feed with unread items "
	  "when this one has none; in the article, open it." },
	{ "prev-unread", ACT_PREV_UNREAD, ALL,
	  "Go to the previous unread item, in the previous feed with "
	  "unread items when this one has none." },
	{ "next-item", ACT_NEXT_ITEM, ITEMS | ARTICLE,
	  "Open the next item of the list." },
	{ "prev-item", ACT_PREV_ITEM, ITEMS | ARTICLE,
	  "Open the previous item of the list." },
	{ "toggle-read", ACT_TOGGLE_READ, ITEMS | ARTICLE,
	  "Mark the item read, or unread again." },
	{ "toggle-star", ACT_TOGGLE_STAR, ITEMS | ARTICLE,
	  "Star the item, or take its star away; starred items are never "
	  "deleted." },
	{ "mark-feed-read", ACT_MARK_FEED_READ, FEEDS | ITEMS | ARTICLE,
	  "Mark every item of the feed (or of all feeds, or of the tag) "
	  "under the cursor read." },
	{ "mark-all-read", ACT_MARK_ALL_READ, ALL,
	  "Mark every item of every feed read." },
	{ "undo", ACT_UNDO, ALL,
	  "Take back the last change to read or starred marks." },
	{ "toggle-unread-only", ACT_TOGGLE_UNREAD_ONLY, ALL,
	  "Show only feeds and items that are unread, or everything." },
	{ "pick-tag", ACT_PICK_TAG, ALL,
	  "List the tags in the feeds pane; the one chosen limits the "
	  "feeds to those with that tag." },
	{ "refresh", ACT_REFRESH, ALL,
	  "Fetch the feed under the cursor (every feed of the list on the "
	  "first row) in the background." },
	{ "refresh-all", ACT_REFRESH_ALL, ALL,
	  "Fetch every feed in the background." },
	{ "open-browser", ACT_OPEN_BROWSER, ALL,
	  "Open the item's link (in the feeds pane, the feed's site) in "
	  "the browser." },
	{ "open-link", ACT_OPEN_LINK, ALL,
	  "Ask for the number of a link of the article and open it in the "
	  "browser." },
	{ "cycle-layout", ACT_CYCLE_LAYOUT, ALL,
	  "Show one, two or three panes side by side, or as many as the "
	  "terminal's width suits, in turn." },
	{ "redraw", ACT_REDRAW, ALL | DLVIEW, "Clear and redraw the screen." },
	{ "toggle-full-article", ACT_TOGGLE_FULL_ARTICLE, ITEMS | ARTICLE,
	  "Show the item's full article, fetched from its link in the "
	  "background and kept for reading offline, or the feed's own text "
	  "again." },
	{ "open-browser-mark-read", ACT_OPEN_BROWSER_MARK_READ,
	  ITEMS | ARTICLE,
	  "Open the item's link in the browser and mark the item read." },
	{ "reload-config", ACT_RELOAD_CONFIG, ALL,
	  "Read the configuration file again; with a mistake in it, the "
	  "configuration in force stays and the first mistake is shown." },
	{ "edit-config", ACT_EDIT_CONFIG, ALL,
	  "Edit the configuration file with $VISUAL or $EDITOR (else vi), "
	  "then read it again, as reload-config does." },
	{ "filter", ACT_FILTER, ALL,
	  "Narrow the items list in view to what a filter expression "
	  "selects (tidings-config(5), FILTERS); an empty one, or back, "
	  "clears it." },
	{ "select-filter", ACT_SELECT_FILTER, ALL,
	  "Narrow the items list with a define-filter preset picked from "
	  "a menu, whose first row opens the prompt of filter instead." },
	{ "clear-filter", ACT_CLEAR_FILTER, ALL,
	  "Show the whole items list again after filter." },
	{ "toggle-show-ignored", ACT_TOGGLE_SHOW_IGNORED, ALL,
	  "Show the items the ignore lines hide in the lists too, or hide "
	  "them again." },
	{ "cycle-sort", ACT_CYCLE_SORT, ALL,
	  "Sort the items list in view in the next order: date newest and "
	  "oldest first, title, feed, author, unread first (see sort in "
	  "tidings-config(5))." },
	{ "exec", ACT_EXEC, ALL,
	  "Run a command with the item's fields as its arguments (%u link, "
	  "%e enclosure, %t title, %a author, %f feed URL, %F feed title), "
	  "detached; with -w in the foreground, the terminal given to it." },
	{ "pipe-to", ACT_PIPE_TO, ITEMS | ARTICLE,
	  "Give the article as the pane shows it, links list included, to "
	  "a command on its standard input, in the foreground." },
	{ "save", ACT_SAVE, ITEMS | ARTICLE,
	  "Save the article as Markdown, the full article when one is kept, "
	  "in save-dir, in a file named after its title." },
	{ "copy-link", ACT_COPY_LINK, ALL,
	  "Put the item's link on the clipboard through the terminal (OSC "
	  "52), when clipboard-osc52 allows it." },
	{ "macro", ACT_MACRO, ALL,
	  "Run its steps in turn, actions and set commands separated by "
	  "\";\", stopping at the first that fails." },
	{ "macro-prefix", ACT_MACRO_PREFIX, ALL,
	  "Run the macro bound to the next key in the macro table, as "
	  "newsboat's macro keys do." },
	{ "open-enclosure", ACT_OPEN_ENCLOSURE, ITEMS | ARTICLE,
	  "Play the item's first enclosure (a podcast's episode) with the "
	  "player; typed as open-enclosure N, play link N of the article." },
	{ "download-enclosure", ACT_DOWNLOAD_ENCLOSURE, ITEMS | ARTICLE,
	  "Download the item's first enclosure into download-dir in the "
	  "background; its progress shows on the status line." },
	{ "downloads", ACT_DOWNLOADS, ALL | DLVIEW,
	  "Show the downloads, queued, under way, done, failed and "
	  "cancelled, over the panes, a row each; again, or q, closes "
	  "them." },
	{ "cancel-download", ACT_CANCEL_DOWNLOAD, DLVIEW,
	  "In the downloads, cancel the download under the cursor: one "
	  "under way stops and its .part file is deleted, one queued "
	  "leaves the queue." },
	{ "retry-download", ACT_RETRY_DOWNLOAD, DLVIEW,
	  "In the downloads, queue the failed or cancelled download under "
	  "the cursor again." },
	{ "remove-download", ACT_REMOVE_DOWNLOAD, DLVIEW,
	  "In the downloads, remove the done, failed or cancelled download "
	  "under the cursor from the list; a downloaded file stays." },
	{ "play-download", ACT_PLAY_DOWNLOAD, DLVIEW,
	  "In the downloads, play the downloaded file under the cursor with "
	  "the player." },
};
_Static_assert(nitems(actions) == ACT__COUNT - 1,
    "actions[] must have one row per action");

/* The actions that take arguments after their name. */
static const enum keys_action with_args[] = { ACT_EXEC, ACT_PIPE_TO,
    ACT_MACRO };

static const char *const tables[] = {
	[KEYS_GLOBAL] = "global",
	[KEYS_FEEDS] = "feeds",
	[KEYS_ITEMS] = "items",
	[KEYS_ARTICLE] = "article",
	[KEYS_MACRO] = "macro",
	[KEYS_DOWNLOADS] = "downloads",
};

/* Keys with names, canonical name first among equal codes. */
static const struct {
	const char	*name;		/* first member: see util_nearest() */
	int		 key;
} named[] = {
	{ "Enter", KEYS_ENTER },	{ "Return", KEYS_ENTER },
	{ "Tab", KEYS_TAB },		{ "BTab", KEYS_BTAB },
	{ "S-Tab", KEYS_BTAB },		{ "BackTab", KEYS_BTAB },
	{ "Space", KEYS_SPACE },	{ "Escape", KEYS_ESCAPE },
	{ "Esc", KEYS_ESCAPE },		{ "BSpace", KEYS_BSPACE },
	{ "Backspace", KEYS_BSPACE },	{ "Up", KEYS_UP },
	{ "Down", KEYS_DOWN },		{ "Left", KEYS_LEFT },
	{ "Right", KEYS_RIGHT },	{ "Home", KEYS_HOME },
	{ "End", KEYS_END },		{ "PageUp", KEYS_PPAGE },
	{ "PgUp", KEYS_PPAGE },		{ "PPage", KEYS_PPAGE },
	{ "PageDown", KEYS_NPAGE },	{ "PgDn", KEYS_NPAGE },
	{ "NPage", KEYS_NPAGE },	{ "IC", KEYS_IC },
	{ "Insert", KEYS_IC },		{ "DC", KEYS_DC },
	{ "Delete", KEYS_DC },		{ "F1", KEYS_F1 },
	{ "F2", KEYS_F1 + 1 },		{ "F3", KEYS_F1 + 2 },
	{ "F4", KEYS_F1 + 3 },		{ "F5", KEYS_F1 + 4 },
	{ "F6", KEYS_F1 + 5 },		{ "F7", KEYS_F1 + 6 },
	{ "F8", KEYS_F1 + 7 },		{ "F9", KEYS_F1 + 8 },
	{ "F10", KEYS_F1 + 9 },		{ "F11", KEYS_F1 + 10 },
	{ "F12", KEYS_F12 },
};

/*
 * The defaults, in the config language. Lists share their motion keys;
 * in the article the same keys scroll. "q" steps back a pane and quits
 * from the feeds, as in newsboat; "Q" quits from anywhere.
 */
static const char *const defaults[] = {
	"bind global q quit",
	"bind global Q quit",
	"bind global C-c quit",
	"bind global ? help",
	"bind global F1 help",
	"bind global : command",
	"bind global / search",
	"bind global Tab focus-next",
	"bind global BTab focus-prev",
	"bind global n next-unread",
	"bind global p prev-unread",
	"bind global u undo",
	"bind global C mark-all-read",
	"bind global U toggle-unread-only",
	"bind global t pick-tag",
	"bind global r refresh",
	"bind global R refresh-all",
	"bind global F5 refresh-all",
	"bind global o open-browser",
	"bind global L cycle-layout",
	"bind global C-l redraw",
	"bind global j next",
	"bind global k prev",
	"bind global Down next",
	"bind global Up prev",
	"bind global C-n next",
	"bind global C-p prev",
	"bind global PageDown page-down",
	"bind global PageUp page-up",
	"bind global C-f page-down",
	"bind global C-b page-up",
	"bind global g top",
	"bind global G bottom",
	"bind global Home top",
	"bind global End bottom",
	"bind feeds Enter open",
	"bind feeds l open",
	"bind feeds Right open",
	"bind feeds Space page-down",
	"bind feeds A mark-feed-read",
	"bind feeds Escape back",
	"bind items Enter open",
	"bind items l open",
	"bind items Right open",
	"bind items Space page-down",
	"bind items h back",
	"bind items Left back",
	"bind items Escape back",
	"bind items q back",
	"bind items N toggle-read",
	"bind items F filter",
	"bind global I toggle-show-ignored",
	"bind global S cycle-sort",
	"bind items f select-filter",
	"bind feeds F filter",
	"bind items s toggle-star",
	"bind items A mark-feed-read",
	"bind article Space page-down",
	"bind article b page-up",
	"bind article BSpace page-up",
	"bind article h back",
	"bind article Left back",
	"bind article Escape back",
	"bind article q back",
	"bind article J next-item",
	"bind article K prev-item",
	"bind article N toggle-read",
	"bind article s toggle-star",
	"bind article f open-link",
	"bind items v toggle-full-article",
	"bind article v toggle-full-article",
	"bind items O open-browser-mark-read",
	"bind article O open-browser-mark-read",
	"bind global E edit-config",
	"bind global C-r reload-config",
	"bind items | pipe-to",
	"bind article | pipe-to",
	"bind items w save",
	"bind article w save",
	"bind global y copy-link",
	"bind global , macro-prefix",
	"bind items e open-enclosure",
	"bind article e open-enclosure",
	"bind items d download-enclosure",
	"bind article d download-enclosure",
	"bind global D downloads",
	"bind downloads q back",
	"bind downloads Escape back",
	"bind downloads Space page-down",
	"bind downloads c cancel-download",
	"bind downloads r retry-download",
	"bind downloads x remove-download",
	"bind downloads DC remove-download",
	"bind downloads Enter play-download",
	"bind downloads e play-download",
};

struct keys_table_v {
	struct keys_binding	*v;
	size_t			 n;
};

struct keys {
	struct keys_table_v	 t[KEYS__TABLES];
};

/* The action table and its length. */
const struct keys_action_info *
keys_actions(size_t *n)
{
	*n = nitems(actions);
	return (actions);
}

/* An action by its exact name. */
const struct keys_action_info *
keys_action_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < nitems(actions); i++)
		if (strcmp(actions[i].name, name) == 0)
			return (&actions[i]);
	return (NULL);
}

/* The row of an action id. */
const struct keys_action_info *
keys_action_info(enum keys_action id)
{
	if (id <= ACT_NONE || id >= ACT__COUNT)
		return (NULL);
	return (&actions[id - 1]);
}

/* Whether action id takes arguments. */
int
keys_action_args(enum keys_action id)
{
	size_t	 i;

	for (i = 0; i < nitems(with_args); i++)
		if (with_args[i] == id)
			return (1);
	return (0);
}

/* A table by its name. */
int
keys_table_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < nitems(tables); i++)
		if (strcmp(tables[i], name) == 0)
			return ((int)i);
	return (-1);
}

/* The name of a table. */
const char *
keys_table_name(enum keys_table t)
{
	return (tables[t]);
}

/* The code C- makes of key, or -1 when no terminal sends one. */
static int
keys_ctrl(int key)
{
	if (key >= 'a' && key <= 'z')
		return (key - 'a' + 1);
	if (key >= '@' && key <= '_')		/* A-Z and @[\]^_ */
		return (key - '@');
	if (key == KEYS_SPACE)
		return (0);
	if (key == '?')
		return (KEYS_BSPACE);
	return (-1);
}

/*
 * Other programs' ways to write Ctrl and Alt: "Ctrl-r", "Control+r",
 * "Alt-x", "Meta-x" and newsboat's "^R". When name is one of them and
 * the key it means parses here, set *cause to say how it is written here
 * ("\"Ctrl-r\" is written C-r here") and return 0; else return -1.
 */
static int
keys_other_syntax(const char *name, char **cause)
{
	static const struct {
		const char	*prefix;
		const char	*ours;
	} other[] = {
		{ "ctrl-", "C-" }, { "ctrl+", "C-" }, { "control-", "C-" },
		{ "control+", "C-" }, { "alt-", "M-" }, { "alt+", "M-" },
		{ "meta-", "M-" }, { "meta+", "M-" }, { "^", "C-" },
	};
	struct buf	 b = BUF_INIT, q = BUF_INIT;
	char		*ignore;
	size_t		 i, len;
	int		 key;

	for (i = 0; i < nitems(other); i++) {
		len = strlen(other[i].prefix);
		if (strncasecmp(name, other[i].prefix, len) != 0 ||
		    name[len] == '\0')
			continue;
		buf_addstr(&b, other[i].ours);
		/* newsboat writes ^R for C-r. */
		if (len == 1 && name[1] >= 'A' && name[1] <= 'Z' &&
		    name[2] == '\0')
			buf_addch(&b, (char)(name[1] - 'A' + 'a'));
		else
			buf_addstr(&b, name + len);
		if (keys_parse(b.data, &key, &ignore) != 0) {
			free(ignore);
			break;
		}
		buf_reset(&b);
		keys_name(&b, key);
		xasprintf(cause, "\"%s\" is written %s here",
		    text_printable(&q, name), b.data);
		buf_release(&b);
		buf_release(&q);
		return (0);
	}
	buf_release(&b);
	return (-1);
}

/* Parse a key name (see keys.h). */
int
keys_parse(const char *name, int *key, char **cause)
{
	struct buf	 q = BUF_INIT;
	const char	*s = name, *near;
	uint32_t	 cp;
	size_t		 i, len;
	int		 ctrl = 0, meta = 0, k = -1;

	for (;;) {
		if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' &&
		    s[2] != '\0')
			ctrl = 1;
		else if ((s[0] == 'M' || s[0] == 'm') && s[1] == '-' &&
		    s[2] != '\0')
			meta = 1;
		else
			break;
		s += 2;
	}
	for (i = 0; i < nitems(named); i++) {
		if (strcasecmp(s, named[i].name) == 0) {
			k = named[i].key;
			break;
		}
	}
	len = strlen(s);
	/* One character, and one that the terminal gate lets through. */
	if (k == -1 && len > 0 &&
	    utf8_decode((const unsigned char *)s, len, &cp) == len &&
	    cp > ' ' && strcmp(text_printable(&q, s), s) == 0)
		k = (int)cp;
	buf_reset(&q);
	text_printable(&q, name);
	if (k == -1) {
		near = util_nearest(s, named, nitems(named), sizeof named[0]);
		if (keys_other_syntax(name, cause) == 0)
			;
		else if (strcmp(s, " ") == 0)
			xasprintf(cause, "\" \" is not a key; did you mean "
			    "\"Space\"?");
		else if (near != NULL && len > 1)
			xasprintf(cause, "\"%s\" is not a key; did you mean "
			    "\"%s\"?", q.data, near);
		else
			xasprintf(cause, "\"%s\" is not a key", q.data);
		buf_release(&q);
		return (-1);
	}
	if (ctrl && (k & KEYS_SPECIAL || (k = keys_ctrl(k)) == -1)) {
		xasprintf(cause, "\"%s\" is not a key a terminal can send",
		    q.data);
		buf_release(&q);
		return (-1);
	}
	buf_release(&q);
	*key = meta ? k | KEYS_META : k;
	return (0);
}

/* Append the canonical name of key. */
void
keys_name(struct buf *b, int key)
{
	size_t	 i;
	int	 k = key & ~KEYS_META;

	if (key & KEYS_META)
		buf_addstr(b, "M-");
	for (i = 0; i < nitems(named); i++) {
		if (named[i].key == k) {
			buf_addstr(b, named[i].name);
			return;
		}
	}
	if (k == 0)
		buf_addstr(b, "C-Space");
	else if (k <= 26)
		buf_addf(b, "C-%c", k + 'a' - 1);
	else if (k < 0x20)
		buf_addf(b, "C-%c", k + '@');
	else if (k & KEYS_SPECIAL)
		buf_addf(b, "<%#x>", k);
	else
		utf8_encode(b, (uint32_t)k);
}

/* Empty tables. */
struct keys *
keys_new(void)
{
	return (xcalloc(1, sizeof (struct keys)));
}

/* Free a binding's arguments. */
static void
keys_args_free(struct keys_binding *b)
{
	size_t	 i;

	for (i = 0; i < b->nargs; i++)
		free(b->args[i]);
	free(b->args);
	b->args = NULL;
	b->nargs = 0;
}

/* Free the tables. */
void
keys_free(struct keys *k)
{
	size_t	 i, j;

	if (k == NULL)
		return;

	for (i = 0; i < KEYS__TABLES; i++) {
		for (j = 0; j < k->t[i].n; j++)
			keys_args_free(&k->t[i].v[j]);
		free(k->t[i].v);
	}
	free(k);
}

/* The default bindings and their number. */
const char *const *
keys_defaults(size_t *n)
{
	*n = nitems(defaults);
	return (defaults);
}

/* Check a table name; set *cause when it is not one. */
static int
keys_table_arg(const char *name, char **cause)
{
	struct buf	 q = BUF_INIT;
	int		 t;

	if ((t = keys_table_find(name)) != -1)
		return (t);
	xasprintf(cause, "unknown key table \"%s\"; it is global, feeds, "
	    "items, article, downloads or macro", text_printable(&q, name));
	buf_release(&q);
	return (-1);
}

/* Remove key from table t, if it is there. */
static void
keys_remove(struct keys *k, int t, int key)
{
	struct keys_table_v	*tv = &k->t[t];
	size_t			 i;

	for (i = 0; i < tv->n; i++) {
		if (tv->v[i].key == key) {
			keys_args_free(&tv->v[i]);
			memmove(&tv->v[i], &tv->v[i + 1],
			    (tv->n - i - 1) * sizeof tv->v[0]);
			tv->n--;
			return;
		}
	}
}

/* bind TABLE KEY ACTION */
int
keys_bind(struct keys *k, const char *table, const char *key,
    const char *action, char **cause)
{
	return (keys_bind_args(k, table, key, action, NULL, 0, cause));
}

/* bind TABLE KEY ACTION ARG... */
int
keys_bind_args(struct keys *k, const char *table, const char *key,
    const char *action, char *const *args, size_t nargs, char **cause)
{
	const struct keys_action_info	*a;
	struct keys_table_v		*tv;
	struct buf			 q = BUF_INIT;
	const char			*near;
	size_t				 i;
	int				 t, code;

	if ((t = keys_table_arg(table, cause)) == -1)
		return (-1);
	if (keys_parse(key, &code, cause) != 0)
		return (-1);
	if ((a = keys_action_find(action)) == NULL) {
		text_printable(&q, action);
		near = util_nearest(action, actions, nitems(actions),
		    sizeof actions[0]);
		if (near != NULL)
			xasprintf(cause, "unknown action \"%s\"; did you mean "
			    "\"%s\"?", q.data, near);
		else
			xasprintf(cause, "unknown action \"%s\"", q.data);
		buf_release(&q);
		return (-1);
	}
	if (t != KEYS_GLOBAL && t != KEYS_MACRO &&
	    (a->tables & KEYS_IN(t)) == 0) {
		xasprintf(cause, "%s does nothing in the %s %s; bind it in "
		    "the global table or %s", a->name, tables[t],
		    t == KEYS_DOWNLOADS ? "view" : "pane",
		    a->tables == DLVIEW ? "the downloads table" :
		    "another pane");
		return (-1);
	}
	if (nargs > 0 && !keys_action_args(a->id)) {
		xasprintf(cause, "%s takes no arguments", a->name);
		return (-1);
	}
	keys_remove(k, t, code);
	tv = &k->t[t];
	tv->v = xreallocarray(tv->v, tv->n + 1, sizeof tv->v[0]);
	tv->v[tv->n].key = code;
	tv->v[tv->n].action = a->id;
	tv->v[tv->n].args = NULL;
	tv->v[tv->n].nargs = nargs;
	if (nargs > 0) {
		tv->v[tv->n].args = xcalloc(nargs + 1, sizeof *args);
		for (i = 0; i < nargs; i++)
			tv->v[tv->n].args[i] = xstrdup(args[i]);
	}
	tv->n++;
	return (0);
}

/* unbind TABLE KEY */
int
keys_unbind(struct keys *k, const char *table, const char *key,
    char **cause)
{
	int	 t, code;

	if ((t = keys_table_arg(table, cause)) == -1)
		return (-1);
	if (keys_parse(key, &code, cause) != 0)
		return (-1);
	keys_remove(k, t, code);
	return (0);
}

/* The binding of a key in table t, else in the global table. */
const struct keys_binding *
keys_find(const struct keys *k, enum keys_table t, int key)
{
	const struct keys_table_v	*tv;
	size_t				 i;
	int				 pass;

	for (pass = 0; pass < 2; pass++) {
		tv = &k->t[pass == 0 ? t : KEYS_GLOBAL];
		for (i = 0; i < tv->n; i++)
			if (tv->v[i].key == key)
				return (&tv->v[i]);
		if (t == KEYS_GLOBAL || t == KEYS_MACRO)
			break;
	}
	return (NULL);
}

/* The action of a key in table t, else in the global table. */
enum keys_action
keys_lookup(const struct keys *k, enum keys_table t, int key)
{
	const struct keys_binding	*b;

	return ((b = keys_find(k, t, key)) != NULL ? b->action : ACT_NONE);
}

/* The bindings of table t. */
const struct keys_binding *
keys_bindings(const struct keys *k, enum keys_table t, size_t *n)
{
	*n = k->t[t].n;
	return (k->t[t].v);
}
