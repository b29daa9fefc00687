/* keys.h: key names <-> key codes, the action table and the key tables
 * (which key runs which action in which pane).
 *
 * A key is an int: a Unicode code point for a character (control
 * characters included, so Enter is '\r' and C-a is 0x01), or KEYS_SPECIAL
 * plus a number for a key that sends no character (arrows, F1), either of
 * them or'ed with KEYS_META for Alt. Names are parsed once, when a binding
 * is made, so a key press is matched by comparing ints. Nothing here
 * depends on curses: the UI turns what curses reads into these codes. */
#ifndef TIDINGS_KEYS_H
#define TIDINGS_KEYS_H

#include <stddef.h>

struct buf;

#define KEYS_META	0x40000000	/* M-: Alt or Escape first */
#define KEYS_SPECIAL	0x20000000	/* not a character */

#define KEYS_ENTER	'\r'
#define KEYS_TAB	'\t'
#define KEYS_ESCAPE	0x1b
#define KEYS_BSPACE	0x7f
#define KEYS_SPACE	' '

enum keys_special {
	KEYS_UP = KEYS_SPECIAL + 1,
	KEYS_DOWN,
	KEYS_LEFT,
	KEYS_RIGHT,
	KEYS_HOME,
	KEYS_END,
	KEYS_PPAGE,
	KEYS_NPAGE,
	KEYS_IC,
	KEYS_DC,
	KEYS_BTAB,
	KEYS_F1,			/* KEYS_F1 + n - 1 is Fn, n <= 12 */
	KEYS_F12 = KEYS_F1 + 11
};

/* The key tables, one per pane and one tried after each of them, the
 * keys that follow macro-prefix (newsboat's macros), in no pane, and
 * the downloads view's (podboat's keys), tried before the global one
 * while it is shown. */
enum keys_table {
	KEYS_GLOBAL,
	KEYS_FEEDS,
	KEYS_ITEMS,
	KEYS_ARTICLE,
	KEYS_MACRO,
	KEYS_DOWNLOADS,
	KEYS__TABLES
};
#define KEYS_IN(t)	(1u << (t))
#define KEYS_PANES	(KEYS_IN(KEYS_FEEDS) | KEYS_IN(KEYS_ITEMS) | \
			    KEYS_IN(KEYS_ARTICLE))

enum keys_action {
	ACT_NONE,
	ACT_QUIT,
	ACT_HELP,
	ACT_COMMAND,
	ACT_SEARCH,
	ACT_FOCUS_NEXT,
	ACT_FOCUS_PREV,
	ACT_BACK,
	ACT_OPEN,
	ACT_NEXT,
	ACT_PREV,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_UNREAD,
	ACT_PREV_UNREAD,
	ACT_NEXT_ITEM,
	ACT_PREV_ITEM,
	ACT_TOGGLE_READ,
	ACT_TOGGLE_STAR,
	ACT_MARK_FEED_READ,
	ACT_MARK_ALL_READ,
	ACT_UNDO,
	ACT_TOGGLE_UNREAD_ONLY,
	ACT_PICK_TAG,
	ACT_REFRESH,
	ACT_REFRESH_ALL,
	ACT_OPEN_BROWSER,
	ACT_OPEN_LINK,
	ACT_CYCLE_LAYOUT,
	ACT_REDRAW,
	ACT_TOGGLE_FULL_ARTICLE,
	ACT_OPEN_BROWSER_MARK_READ,
	ACT_RELOAD_CONFIG,
	ACT_EDIT_CONFIG,
	ACT_FILTER,
	ACT_SELECT_FILTER,
	ACT_CLEAR_FILTER,
	ACT_TOGGLE_SHOW_IGNORED,
	ACT_CYCLE_SORT,
	ACT_EXEC,
	ACT_PIPE_TO,
	ACT_SAVE,
	ACT_COPY_LINK,
	ACT_MACRO,
	ACT_MACRO_PREFIX,
	ACT_OPEN_ENCLOSURE,
	ACT_DOWNLOAD_ENCLOSURE,
	ACT_DOWNLOADS,
	ACT_CANCEL_DOWNLOAD,
	ACT_RETRY_DOWNLOAD,
	ACT_REMOVE_DOWNLOAD,
	ACT_PLAY_DOWNLOAD,
	ACT__COUNT
};

struct keys_action_info {
	const char	*name;		/* first member: see util_nearest() */
	enum keys_action id;
	unsigned	 tables;	/* KEYS_IN() of the panes (and the
					   downloads view) it acts in */
	const char	*text;		/* help text, one sentence */
};

struct keys_binding {
	int		 key;
	enum keys_action action;
	char		**args;		/* owned, NULL-terminated; NULL when
					   bound without arguments */
	size_t		 nargs;
};

struct keys;				/* the bindings in force */

/* The action table, in documentation order (ACT_NONE is not in it). */
const struct keys_action_info	*keys_actions(size_t *n);
/* An action by name, or NULL. */
const struct keys_action_info	*keys_action_find(const char *name);
const struct keys_action_info	*keys_action_info(enum keys_action);
/* Whether an action takes arguments after its name (exec's command, a
 * macro's steps). */
int		 keys_action_args(enum keys_action);

/* A table by name ("global", "feeds", "items", "article", "macro",
 * "downloads"), or -1. */
int		 keys_table_find(const char *name);
const char	*keys_table_name(enum keys_table);

/*
 * Parse a key name: one character ("j", "?", "é"), a named key (Enter,
 * Tab, BTab, Space, Escape, BSpace, Up, Down, Left, Right, Home, End,
 * PageUp, PageDown, IC, DC, F1 to F12, with aliases such as PgDn and
 * NPage; case does not matter), each optionally after C- (Ctrl) and M-
 * (Alt). Return 0 and set *key, or -1 and set *cause.
 */
int	 keys_parse(const char *name, int *key, char **cause);
/* Append the canonical name of key ("C-r", "M-x", "PageDown", "j"). */
void	 keys_name(struct buf *, int key);

/* Empty key tables; keys_free() frees them. The defaults are bound by
 * whoever reads the config (config_init()), in the config language. */
struct keys	*keys_new(void);
void		 keys_free(struct keys *);

/* The default bindings, as "bind TABLE KEY ACTION" lines. */
const char *const	*keys_defaults(size_t *n);

/*
 * Bind key (a name) in table (a name) to action (a name), replacing what
 * the key did there; unbind makes it do nothing there (a key that was not
 * bound is not an error). Return 0, or -1 and set *cause to a message
 * that names the bad word.
 */
int	 keys_bind(struct keys *, const char *table, const char *key,
	     const char *action, char **cause);
int	 keys_unbind(struct keys *, const char *table, const char *key,
	     char **cause);
/* bind with the n words that follow an action which takes arguments
 * (keys_action_args()), copied; the caller has checked them. */
int	 keys_bind_args(struct keys *, const char *table, const char *key,
	     const char *action, char *const *args, size_t n, char **cause);

/* The action key runs in table, else in the global table (the macro
 * table alone for KEYS_MACRO); ACT_NONE when it runs none. */
enum keys_action	 keys_lookup(const struct keys *, enum keys_table,
			     int key);

/* The binding of key in table, else in the global table, with its
 * arguments; NULL when it has none. Borrowed until the next bind or
 * unbind. */
const struct keys_binding	*keys_find(const struct keys *,
				     enum keys_table, int key);

/* The bindings of one table, in the order they were made; borrowed until
 * the next bind or unbind. */
const struct keys_binding	*keys_bindings(const struct keys *,
				     enum keys_table, size_t *n);

#endif /* TIDINGS_KEYS_H */
