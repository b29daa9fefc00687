/* config.h: the dotfile -> struct config (feeds, settings, key bindings,
 * colours).
 *
 * Errors are collected, never printed: every mistake becomes one
 * "path:LINE: message" entry in a struct causes, and a config with any
 * error must not be used.
 *
 * Who owns what: a config made with config_init() belongs to the thread
 * that made it, which alone reads and changes it (config_command() frees
 * the strings it replaces; config_add_feed() moves feeds); no other
 * thread may be given it or a pointer into it. A thread of its own gets
 * a snapshot (config_snapshot()) instead: a deep copy that nothing
 * changes, which any thread may read without a lock, kept alive by
 * counted references (config_hold(), config_drop()). Across threads a
 * feed is named by its id (config_feed_find()), never by a pointer. */
#ifndef TIDINGS_CONFIG_H
#define TIDINGS_CONFIG_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct causes;

enum setting_id {
	SET_REFRESH_INTERVAL,
	SET_MAX_CONNECTIONS,
	SET_MAX_HOST_CONNECTIONS,
	SET_CONNECT_TIMEOUT,
	SET_DOWNLOAD_TIMEOUT,
	SET_STALL_TIMEOUT,
	SET_MAX_RESPONSE_SIZE,
	SET_MAX_REDIRECTS,
	SET_USER_AGENT,
	SET_MAX_ITEMS,
	SET_ITEM_RETENTION,
	SET_PANES,
	SET_MOUSE,
	SET_MARK_READ_ON_OPEN,
	SET_UNREAD_ONLY,
	SET_CONFIRM_QUIT,
	SET_BROWSER,
	SET_DATE_FORMAT,
	SET_FULL_ARTICLE,
	SET_TEXT_WIDTH,
	SET_TEXT_CENTRE,
	SET_NOTIFY_COMMAND,
	SET_SORT,
	SET_FEED_SORT,
	SET_SAVE_DIR,
	SET_CLIPBOARD_OSC52,
	SET_PLAYER,
	SET_DOWNLOAD_DIR,
	SET_DOWNLOAD_ENCLOSURES,
	SET__COUNT
};

enum setting_type {
	SET_NUMBER,		/* a whole number */
	SET_SECONDS,		/* a duration: 90, 90s, 30m, 2h, 1d, 1w */
	SET_BYTES,		/* a size: 512, 64K, 16M, 1G (powers of 1024) */
	SET_BOOL,		/* yes/no, true/false, on/off, 1/0 */
	SET_STRING,		/* any text */
	SET_SORT_ORDER,		/* an item list's order: title-asc, date-desc
				   (filter_sort_parse()) */
	SET_FEED_ORDER		/* the feeds pane's order: CONFIG_FEEDS_* */
};

#define SET_SCOPE_GLOBAL	0x1	/* may be set with "set" */
#define SET_SCOPE_FEED		0x2	/* may be set per feed after "<" */

/* The orders of the feeds pane (feed-sort-order): a key, with
 * CONFIG_FEEDS_ASC for ascending. */
enum config_feed_order {
	CONFIG_FEEDS_NONE,		/* the dotfile's order */
	CONFIG_FEEDS_TITLE,		/* by name */
	CONFIG_FEEDS_UNREAD,		/* by unread count */
	CONFIG_FEEDS__COUNT
};
#define CONFIG_FEEDS_ASC	0x10

struct setting {
	const char		*name;	/* first member: see util_nearest() */
	enum setting_id		 id;
	enum setting_type	 type;
	int			 scope;
	int64_t			 min, max, def;	/* numeric types */
	const char		*defstr;	/* SET_STRING default, may be NULL */
	const char		*text;		/* help text, one sentence */
};

struct setting_value {
	int64_t		 n;
	char		*s;	/* SET_STRING only; owned */
};

struct config_feed {
	unsigned	 id;		/* 1, 2, ... in the order listed; the
					   same in every snapshot */
	char		*url;
	char		*title;		/* "~title" from the feed line, or NULL */
	char		**tags;
	size_t		 ntags;
	int		 hidden;	/* "!" on the feed line */
	unsigned	 sync;		/* a server's feed: the id of its sync
					   line (config_sync_feed()); 0: a
					   feed of the dotfile */
	char		*path;		/* file that listed it (for messages) */
	unsigned	 line;		/* line that listed it */
	uint64_t	 overridden;	/* bit (1 << id) set: values[id] applies */
	struct setting_value values[SET__COUNT];
};

/* A "sync TYPE URL < user NAME; password-command CMD" line: a server
 * account whose feeds, items and marks tidings keeps in step. */
struct config_sync {
	unsigned	 id;		/* 1, 2, ... in the order listed */
	char		*type;		/* "ttrss", "greader" or "miniflux" */
	char		*url;		/* as written: http:// or https:// */
	char		*user;
	char		*password_file;	/* "password-file PATH", "~/" expanded,
					   or NULL */
	char		**password_cmd;	/* "password-command" split into
					   words (config_words()), or NULL */
	char		*path;		/* file that listed it */
	unsigned	 line;
};

/* The parts of the screen that "color" may paint. */
enum config_element {
	EL_NORMAL,
	EL_PANE_TITLE,
	EL_PANE_TITLE_FOCUSED,
	EL_SELECTED,
	EL_SELECTED_IDLE,
	EL_UNREAD,
	EL_STAR,
	EL_ERROR,
	EL_DATE,
	EL_FEED,
	EL_TAG,
	EL_HEADER,
	EL_HEADING,
	EL_LINK,
	EL_LINK_NUMBER,
	EL_QUOTE,
	EL_CODE,
	EL_DIM,
	EL_STATUS,
	EL_PROMPT,
	EL_PROGRESS,
	EL_BORDER,
	EL_HELP_KEY,
	EL__COUNT
};

#define CONFIG_COLOR_DEFAULT	(-1)	/* the terminal's own colour */

#define CONFIG_ATTR_BOLD	0x01
#define CONFIG_ATTR_DIM		0x02
#define CONFIG_ATTR_UNDERLINE	0x04
#define CONFIG_ATTR_REVERSE	0x08
#define CONFIG_ATTR_ITALIC	0x10
#define CONFIG_ATTR_BLINK	0x20
#define CONFIG_ATTR_STANDOUT	0x40

struct config_color {
	int		 fg, bg;	/* 0-255 or CONFIG_COLOR_DEFAULT */
	unsigned	 attr;		/* CONFIG_ATTR_* */
};

struct config_element_info {
	const char		*name;	/* first member: see util_nearest() */
	enum config_element	 id;
	struct config_color	 def;	/* the default theme */
	const char		*text;	/* help text, one sentence */
};

struct keys;				/* keys.h */
struct filter;				/* filter.h */

#define CONFIG_MAX_QUERIES	1000	/* query lines in one dotfile */

/* A filter expression of the dotfile: a query feed ("query NAME EXPR"),
 * a killfile rule ("ignore EXPR", no name) or a preset ("define-filter
 * NAME EXPR"). */
struct config_filter {
	char		*name;		/* NULL for ignore and highlight */
	struct filter	*filter;	/* owned */
	char		*path;		/* file that listed it */
	unsigned	 line;
	struct config_color color;	/* highlight's */
	char		**tags;		/* a query's, as a feed's; owned */
	size_t		 ntags;
};

#define CONFIG_MAX_HIGHLIGHTS	64	/* highlight lines in one dotfile */

struct config {
	char		*path;		/* as opened, or the buffer's name */
	struct config_feed *feeds;
	size_t		 nfeeds;
	struct setting_value values[SET__COUNT];
	struct config_color colors[EL__COUNT];
	struct keys	*keys;		/* owned: the bindings in force;
					   NULL in a snapshot */
	struct config_filter *queries;	/* in the order listed */
	size_t		 nqueries;
	struct config_filter *ignores;
	size_t		 nignores;
	struct config_filter *presets;
	size_t		 npresets;
	struct config_filter *highlights; /* "highlight EXPR FG BG ..." */
	size_t		 nhighlights;
	struct config_sync *syncs;	/* the sync lines, in order */
	size_t		 nsyncs;
	unsigned	 last_id;	/* the id of the last feed added */
	atomic_uint	 refs;		/* a snapshot's references; 0: not a
					   snapshot */
};

/* The settings table, in documentation order. */
const struct setting	*config_settings(size_t *n);
const struct setting	*config_setting_find(const char *name);

/* The colour elements, in documentation order. */
const struct config_element_info	*config_elements(size_t *n);

/* Set cfg to the defaults: no feeds, the default settings, theme and key
 * bindings (a default binding that does not parse is fatal). */
void	 config_init(struct config *);
/* Free everything cfg holds and zero it; cfg itself stays the caller's. */
void	 config_release(struct config *);

/*
 * A snapshot of cfg for another thread: a copy of its feeds (only the one
 * with id feed_id, unless that is 0), its sync lines (only that feed's
 * server's, if any, with feed_id), settings, colours and killfile,
 * without key bindings, queries or presets, holding one reference. Return NULL when feed_id names no
 * feed. Never change a snapshot: a thread may be reading it.
 */
struct config	*config_snapshot(const struct config *, unsigned feed_id);
/* Take one more reference to a snapshot and return it. */
struct config	*config_hold(struct config *);
/* Drop one reference (NULL: nothing); the last one frees the snapshot.
 * Both may be called from any thread. */
void		 config_drop(struct config *);

/* The feed with id in cfg, or NULL (an id of another config, or 0). */
const struct config_feed *config_feed_find(const struct config *,
		     unsigned id);

/*
 * Read the dotfile at path (and its includes) into cfg, which must have
 * been initialised with config_init(). Every mistake is appended to causes
 * as "path:LINE: message". Return 0 when the file is free of mistakes,
 * -1 otherwise (including when the file cannot be read: "path: reason").
 * cfg->path is set to path either way, and cfg must be released with
 * config_release() either way; a config with mistakes must not be used.
 */
int	 config_load(const char *path, struct config *, struct causes *);
/* The same for text in memory; name stands for the path in messages.
 * include lines are resolved relative to the current directory. */
int	 config_load_buffer(const char *text, size_t len, const char *name,
	     struct config *, struct causes *);

/*
 * Run one line of the config language typed at the UI's prompt. Only set,
 * bind, unbind, color and highlight (added after the dotfile's highlight
 * lines) are allowed there (a feed list that changed under
 * a running UI could not be followed). Return 0, or -1 and set *cause to
 * the message, without a path or line.
 */
int	 config_command(struct config *, const char *line, char **cause);

/* Add the feed of one "feed URL ..." line (config_feed_line()) to a
 * running config, as if the file had it at its end; cfg->feeds may move.
 * Return 0, or -1 and set *cause (a URL listed already, a bad line). */
int	 config_add_feed(struct config *, const char *line, char **cause);

/* The sync line of cfg with id sync_id, or NULL. */
const struct config_sync *config_sync_get(const struct config *,
	    unsigned sync_id);

/*
 * Give a running config the feed of sync line sync_id whose store URL is
 * url, with tag (the server's category; NULL: none) as its only tag,
 * as if the file had it at its end (cfg->feeds may move), or bring the
 * tag of one it has up to date. Such a feed is never fetched by itself
 * and never written to the dotfile. Return 1 when added, else 0.
 */
int	 config_sync_feed(struct config *, unsigned sync_id, const char *url,
	     const char *tag);

/* A setting's value for feed (NULL: the global value). */
int64_t		 config_num(const struct config *, const struct config_feed *,
		     enum setting_id);
const char	*config_str(const struct config *, const struct config_feed *,
		     enum setting_id);

/* Append value as the config language would write it ("30m", "16M",
 * "yes"): the largest unit that divides it exactly. Nothing is appended
 * for SET_STRING, whose value is the string itself. */
void	 config_format_value(struct buf *, const struct setting *, int64_t);

/* Parse text as a value of setting s ("2h", "16M", "yes") and check its
 * range. Return 0 and store it in *out (0 for SET_STRING, whose value is
 * text itself), or -1 and set *cause ("\"2G\" is out of range (64K to
 * 1G)"; the caller adds the setting's name). */
int	 config_parse_value(const struct setting *s, const char *text,
	     int64_t *out, char **cause);

/* Check that url can be fetched as a feed: http://, https:// or
 * file://. Return 0, or -1 and set *cause (newsboat's query: form is
 * named as unsupported, its exec: and filter: forms as taken from feed
 * lines only). */
int	 config_check_url(const char *url, char **cause);

/* How a feed line's URL is read (config_feed_source()). */
enum config_source {
	CONFIG_SOURCE_URL,	/* fetched */
	CONFIG_SOURCE_EXEC,	/* "exec:COMMAND": the command's output */
	CONFIG_SOURCE_FILTER	/* "filter:COMMAND:URL": URL fetched and
				   piped through the command */
};

/*
 * Tell how the feed of a feed line's url is read, newsboat's way: a URL
 * is fetched; "exec:COMMAND" runs COMMAND; "filter:COMMAND:URL" fetches
 * URL and pipes it through COMMAND, which ends at the first ':' (as in
 * newsboat). For the two commands set *argv to COMMAND's words, split as
 * the dotfile splits words (config_words()), with "~" expanded when
 * expand is set (util_expand_argv()); the caller frees it with
 * config_words_free(). For filter set *fetch to the URL, which points
 * into url. Return the source, or -1 and set *cause (an empty command,
 * or a filter's URL that config_check_url() refuses).
 */
int	 config_feed_source(const char *url, int expand, char ***argv,
	     const char **fetch, char **cause);

/* Check that url, which comes from elsewhere than the user's own hand (an
 * OPML file, newsboat's urls, a page found by add), may become a feed of
 * the dotfile: config_check_url(), and not file://, since a file:// feed
 * in the dotfile is read as the user's own local file. Return 0, or -1
 * and set *cause. */
int	 config_check_import_url(const char *url, char **cause);

/* Append one "feed URL [TAG...] ["~TITLE"]" line, quoted so that it reads
 * back to the same words, ending in a newline. Tags that could not read
 * back as tags (empty, or starting with "~" or "!") are left out; control
 * characters, which no line may hold, become spaces and invalid UTF-8
 * becomes U+FFFD, so the line always loads. */
void	 config_feed_line(struct buf *, const char *url, const char *title,
	     char *const *tags, size_t ntags);

/* Split line into words the way the dotfile splits them (quotes,
 * backslashes, a comment from an unquoted "#"), for settings that hold a
 * command run without a shell. Return 0 and a NULL-terminated vector of n
 * words (free it with config_words_free()), or -1 and set *cause. */
int	 config_words(const char *line, char ***argv, size_t *n,
	     char **cause);
void	 config_words_free(char **);

/* Append s as one word of a dotfile line, quoted when it needs to be, so
 * that it reads back unchanged. */
void	 config_word(struct buf *, const char *s);

/* Check that text (len bytes), lines to go into the dotfile, loads back:
 * parsed as a dotfile of its own it has no mistake. Return 0, or -1 and
 * set *cause to the first mistake, without a path or line. */
int	 config_check_lines(const char *text, size_t len, char **cause);

/*
 * Append text to the dotfile at path, never rewriting what is there: a
 * newline is added first when the file does not end in one, the file and
 * its directory are created when missing, the bytes go in with O_APPEND
 * (a symlinked dotfile stays a symlink) and a failed write is cut back
 * off. Text that does not load back (config_check_lines()) is never
 * written. Return 0, or -1 and set *cause.
 */
int	 config_append(const char *path, const struct buf *text,
	     char **cause);

/* The default dotfile path ($XDG_CONFIG_HOME/tidings/config, else
 * ~/.config/tidings/config with the home of util_home()). Caller frees.
 * NULL when there is no home directory to look in. */
char	*config_default_path(void);

#endif /* TIDINGS_CONFIG_H */
