/* config.c: the dotfile -> struct config.
 *
 * The dotfile is read one line at a time. A line is first checked as text
 * (valid UTF-8, no control characters), then split into words the way a
 * shell would: "..." with \" and \\ as the only escapes, '...' taken
 * literally, a backslash outside quotes escaping the next character and a
 * '#' at the start of a word beginning a comment. The first word names a
 * command, looked up in commands[]; its handler gets the words and checks
 * them. bind and unbind hand theirs to keys.c, whose messages become the
 * line's; color checks its element, colours and attributes against the
 * tables below. The default key bindings are lines of this language too,
 * run by config_init() before any file, and fatal if one fails.
 *
 * A word remembers whether it was written bare, without any quoting, so
 * that a bare "<" on a feed line can start the per-feed settings while a
 * quoted "<" stays an ordinary tag. After that bare "<" an unquoted ';'
 * separates settings; anywhere else it is an ordinary character, because
 * URLs may contain it.
 *
 * Nothing stops at the first mistake: every one is added to the caller's
 * struct causes as "path:LINE: message", and the load fails if any was
 * added. User text in a message passes through text_printable() first, so
 * a config (or an include name) can never send escape sequences to the
 * terminal that prints the messages.
 *
 * Settings are one table, settings[], indexed by enum setting_id. It gives
 * each setting its type, where it may be set (globally with "set", per feed
 * after "<"), its range, default and help text; parsing, range checks,
 * messages and tidings-config(5) (checked by a unit test) all follow it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "hook.h"
#include "keys.h"
#include "newsboat.h"
#include "util.h"

#define CONFIG_MAX_DEPTH	16	/* files open at once through include */
#define CONFIG_MAX_FILES	256	/* files read in one load, in all */
#define CONFIG_MAX_BYTES	(16 * 1024 * 1024)	/* read in one load */

#define SECS_M	60LL
#define SECS_H	(60 * SECS_M)
#define SECS_D	(24 * SECS_H)
#define SECS_W	(7 * SECS_D)

static const struct setting settings[] = {
	[SET_REFRESH_INTERVAL] = {
	    .name = "refresh-interval", .id = SET_REFRESH_INTERVAL,
	    .type = SET_SECONDS, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 7 * SECS_D, .def = SECS_H,
	    .text = "How long after a feed was fetched it is fetched again "
		"by the background refresh; 0 leaves it to manual refreshes." },
	[SET_MAX_CONNECTIONS] = {
	    .name = "max-connections", .id = SET_MAX_CONNECTIONS,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL,
	    .min = 1, .max = 256, .def = 16,
	    .text = "How many transfers may run at once, over all hosts." },
	[SET_MAX_HOST_CONNECTIONS] = {
	    .name = "max-host-connections", .id = SET_MAX_HOST_CONNECTIONS,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL,
	    .min = 1, .max = 64, .def = 6,
	    .text = "How many transfers may run at once to one host, so a "
		"site with many feeds is not hammered." },
	[SET_CONNECT_TIMEOUT] = {
	    .name = "connect-timeout", .id = SET_CONNECT_TIMEOUT,
	    .type = SET_SECONDS, .scope = SET_SCOPE_GLOBAL,
	    .min = 1, .max = 300, .def = 15,
	    .text = "How long to wait for a connection (DNS, TCP and TLS) "
		"before giving up on a feed." },
	[SET_DOWNLOAD_TIMEOUT] = {
	    .name = "download-timeout", .id = SET_DOWNLOAD_TIMEOUT,
	    .type = SET_SECONDS, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 3600, .def = 120,
	    .text = "The longest a whole transfer may take, connection "
		"included; 0 means no limit." },
	[SET_STALL_TIMEOUT] = {
	    .name = "stall-timeout", .id = SET_STALL_TIMEOUT,
	    .type = SET_SECONDS, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 600, .def = 30,
	    .text = "Abort a transfer when nothing has arrived for this "
		"long; 0 never does." },
	[SET_MAX_RESPONSE_SIZE] = {
	    .name = "max-response-size", .id = SET_MAX_RESPONSE_SIZE,
	    .type = SET_BYTES, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 64LL << 10, .max = 1LL << 30, .def = 16LL << 20,
	    .text = "A feed larger than this, counted after decompression, "
		"is cut off and reported as an error." },
	[SET_MAX_REDIRECTS] = {
	    .name = "max-redirects", .id = SET_MAX_REDIRECTS,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 50, .def = 10,
	    .text = "How many HTTP redirects to follow for one feed; 0 "
		"follows none." },
	[SET_USER_AGENT] = {
	    .name = "user-agent", .id = SET_USER_AGENT,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .defstr = NULL,
	    .text = "The User-Agent header sent with every request; unset, "
		"it is tidings/VERSION." },
	[SET_MAX_ITEMS] = {
	    .name = "max-items", .id = SET_MAX_ITEMS,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 1000000, .def = 0,
	    .text = "How many items to keep per feed: older ones beyond this "
		"count that the feed no longer carries are deleted, unless "
		"starred; 0 keeps them all." },
	[SET_ITEM_RETENTION] = {
	    .name = "item-retention", .id = SET_ITEM_RETENTION,
	    .type = SET_SECONDS, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 3650 * SECS_D, .def = 0,
	    .text = "Items first seen longer ago than this are deleted once "
		"the feed no longer carries them, unless starred; 0 keeps "
		"them forever." },
	[SET_PANES] = {
	    .name = "panes", .id = SET_PANES,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 3, .def = 0,
	    .text = "How many panes to show side by side: 1, 2 or 3; 0 shows "
		"as many as the terminal's width suits." },
	[SET_MOUSE] = {
	    .name = "mouse", .id = SET_MOUSE,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Let a click select a row (a second click opens it) and "
		"the wheel scroll; the terminal's own selection then needs "
		"Shift." },
	[SET_MARK_READ_ON_OPEN] = {
	    .name = "mark-read-on-open", .id = SET_MARK_READ_ON_OPEN,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 1,
	    .text = "Mark an item read when its article is opened." },
	[SET_UNREAD_ONLY] = {
	    .name = "unread-only", .id = SET_UNREAD_ONLY,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Start with only the feeds and items that are unread "
		"shown." },
	[SET_CONFIRM_QUIT] = {
	    .name = "confirm-quit", .id = SET_CONFIRM_QUIT,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Ask before quitting the reader; only y quits." },
	[SET_BROWSER] = {
	    .name = "browser", .id = SET_BROWSER,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL,
	    .defstr = NULL,
	    .text = "The command that opens a link, split into words without "
		"a shell, the link added as one more word (or put where a "
		"word says %s); unset, $BROWSER, else xdg-open." },
	[SET_DATE_FORMAT] = {
	    .name = "date-format", .id = SET_DATE_FORMAT,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL,
	    .defstr = "%Y-%m-%d",
	    .text = "How the items pane shows dates, in the local time zone, "
		"as strftime(3) formats them." },
	[SET_FULL_ARTICLE] = {
	    .name = "full-article", .id = SET_FULL_ARTICLE,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Show an item's full article, fetched from its link in "
		"the background and kept for reading offline, instead of "
		"the feed's own text; for feeds that carry only summaries." },
	[SET_TEXT_WIDTH] = {
	    .name = "text-width", .id = SET_TEXT_WIDTH,
	    .type = SET_NUMBER, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1000, .def = 100,
	    .text = "The most columns the article's text takes, however wide "
		"the pane; 0 takes the whole pane." },
	[SET_TEXT_CENTRE] = {
	    .name = "text-centre", .id = SET_TEXT_CENTRE,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Centre the article's text in a pane wider than "
		"text-width, rather than keep it at the left." },
	[SET_NOTIFY_COMMAND] = {
	    .name = "notify-command", .id = SET_NOTIFY_COMMAND,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL,
	    .defstr = NULL,
	    .text = "A command run without a shell after a refresh that "
		"stored new items, with %n, %f and %u in its words standing "
		"for new items, feeds with new items and unread items." },
	[SET_SORT] = {
	    .name = "sort", .id = SET_SORT,
	    .type = SET_SORT_ORDER, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = FILTER_SORT_ASC | (FILTER_SORT__COUNT - 1),
	    .def = FILTER_SORT_DATE,
	    .text = "The order of item lists: date, title, feed, author or "
		"unread (unread first), each -asc or -desc; per feed, the "
		"order of that feed's list." },
	[SET_FEED_SORT] = {
	    .name = "feed-sort-order", .id = SET_FEED_SORT,
	    .type = SET_FEED_ORDER, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = CONFIG_FEEDS_ASC | (CONFIG_FEEDS__COUNT - 1),
	    .def = CONFIG_FEEDS_NONE | CONFIG_FEEDS_ASC,
	    .text = "The order of the feeds pane: none (the dotfile's), "
		"title or unread (the unread count), each -asc or -desc." },
	[SET_SAVE_DIR] = {
	    .name = "save-dir", .id = SET_SAVE_DIR,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL,
	    .defstr = NULL,
	    .text = "The directory save writes articles to (~/ is the home "
		"directory); unset, the XDG download directory, else "
		"~/Downloads." },
	[SET_CLIPBOARD_OSC52] = {
	    .name = "clipboard-osc52", .id = SET_CLIPBOARD_OSC52,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Let copy-link put the link on the clipboard by writing "
		"an OSC 52 sequence to the terminal; off, since a terminal "
		"that honours it lets any program there set the clipboard." },
	[SET_PLAYER] = {
	    .name = "player", .id = SET_PLAYER,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .defstr = "mpv",
	    .text = "The command that plays an enclosure (open-enclosure), "
		"split into words without a shell, the enclosure's URL (or "
		"its downloaded file) added as one more word or put where a "
		"word says %s; it runs detached from the terminal." },
	[SET_DOWNLOAD_DIR] = {
	    .name = "download-dir", .id = SET_DOWNLOAD_DIR,
	    .type = SET_STRING, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .defstr = "~/Downloads/podcasts",
	    .text = "The directory download-enclosure saves enclosures into, "
		"each named after its feed and item; made when missing." },
	[SET_DOWNLOAD_ENCLOSURES] = {
	    .name = "download-enclosures", .id = SET_DOWNLOAD_ENCLOSURES,
	    .type = SET_BOOL, .scope = SET_SCOPE_GLOBAL | SET_SCOPE_FEED,
	    .min = 0, .max = 1, .def = 0,
	    .text = "Download the enclosures of a feed's new items after "
		"each refresh, the reader's and tidings refresh's alike." },
};
_Static_assert(nitems(settings) == SET__COUNT,
    "settings[] must have one row per enum setting_id");
_Static_assert(SET__COUNT <= 64, "config_feed.overridden has 64 bits");

#define C_DEF	CONFIG_COLOR_DEFAULT

/* The default theme uses the terminal's own colours and attributes, and
 * only colours that read on dark and light backgrounds alike (no yellow,
 * no blue). */
static const struct config_element_info elements[] = {
	{ "normal", EL_NORMAL, { C_DEF, C_DEF, 0 },
	  "Text that no other element covers." },
	{ "pane-title", EL_PANE_TITLE, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "The title row of a pane without the focus." },
	{ "pane-title-focused", EL_PANE_TITLE_FOCUSED,
	  { C_DEF, C_DEF, CONFIG_ATTR_BOLD | CONFIG_ATTR_REVERSE },
	  "The title row of the pane with the focus." },
	{ "selected", EL_SELECTED, { C_DEF, C_DEF, CONFIG_ATTR_REVERSE },
	  "The row under the cursor in the pane with the focus." },
	{ "selected-idle", EL_SELECTED_IDLE,
	  { C_DEF, C_DEF, CONFIG_ATTR_UNDERLINE },
	  "The row under the cursor in the other panes." },
	{ "unread", EL_UNREAD, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "Unread items, and feeds with unread items." },
	{ "star", EL_STAR, { 5, C_DEF, CONFIG_ATTR_BOLD },
	  "The mark of a starred item." },
	{ "error", EL_ERROR, { 1, C_DEF, CONFIG_ATTR_BOLD },
	  "The mark of a feed whose last fetch failed, and errors in the "
	  "status line." },
	{ "date", EL_DATE, { C_DEF, C_DEF, CONFIG_ATTR_DIM },
	  "Dates in the items pane." },
	{ "feed", EL_FEED, { 2, C_DEF, 0 },
	  "The feed's name in lists that mix feeds." },
	{ "tag", EL_TAG, { C_DEF, C_DEF, CONFIG_ATTR_DIM },
	  "Tags in the feeds pane." },
	{ "header", EL_HEADER, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "The names of the article's header fields." },
	{ "heading", EL_HEADING, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "Headings in an article." },
	{ "link", EL_LINK, { C_DEF, C_DEF, CONFIG_ATTR_UNDERLINE },
	  "The text of links in an article." },
	{ "link-number", EL_LINK_NUMBER, { 5, C_DEF, 0 },
	  "The numbers of links, as in [3]." },
	{ "quote", EL_QUOTE, { C_DEF, C_DEF, CONFIG_ATTR_ITALIC },
	  "Quotations in an article." },
	{ "code", EL_CODE, { 2, C_DEF, 0 },
	  "Code and preformatted text in an article." },
	{ "dim", EL_DIM, { C_DEF, C_DEF, CONFIG_ATTR_DIM },
	  "Bylines, captions, images and the list of links of an article." },
	{ "status", EL_STATUS, { C_DEF, C_DEF, 0 },
	  "The status line: messages and counts." },
	{ "prompt", EL_PROMPT, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "The prompt of a command or search being typed." },
	{ "progress", EL_PROGRESS, { 2, C_DEF, CONFIG_ATTR_BOLD },
	  "The progress of a background refresh in the status line." },
	{ "border", EL_BORDER, { C_DEF, C_DEF, 0 },
	  "The lines between panes." },
	{ "help-key", EL_HELP_KEY, { C_DEF, C_DEF, CONFIG_ATTR_BOLD },
	  "Keys on the help screen." },
};
_Static_assert(nitems(elements) == EL__COUNT,
    "elements[] must have one row per enum config_element");

static const struct {
	const char	*name;
	int		 n;
} color_names[] = {
	{ "default", C_DEF }, { "black", 0 }, { "red", 1 }, { "green", 2 },
	{ "yellow", 3 }, { "blue", 4 }, { "magenta", 5 }, { "cyan", 6 },
	{ "white", 7 }, { "brightblack", 8 }, { "brightred", 9 },
	{ "brightgreen", 10 }, { "brightyellow", 11 }, { "brightblue", 12 },
	{ "brightmagenta", 13 }, { "brightcyan", 14 }, { "brightwhite", 15 },
};

static const struct {
	const char	*name;
	unsigned	 attr;
} attr_names[] = {
	{ "bold", CONFIG_ATTR_BOLD }, { "dim", CONFIG_ATTR_DIM },
	{ "underline", CONFIG_ATTR_UNDERLINE },
	{ "reverse", CONFIG_ATTR_REVERSE }, { "italic", CONFIG_ATTR_ITALIC },
	{ "blink", CONFIG_ATTR_BLINK }, { "standout", CONFIG_ATTR_STANDOUT },
	{ "none", 0 },
};

/* One word of a line. */
struct config_word {
	char	*s;
	int	 bare;		/* written without quotes or backslashes */
	int	 sep;		/* an unquoted ';' after a bare "<" */
};

struct config_words {
	struct config_word *v;
	size_t		 n;
};

/* A query's tags, while its line is read. */
struct config_tags {
	char		**v;
	size_t		 n;
};

/* The state of one load: the file being read and the include stack. */
struct config_parse {
	struct config	*cfg;
	struct causes	*causes;
	const char	*path;		/* as opened, for messages */
	int		 is_file;	/* path names a file (not a buffer) */
	unsigned	 line;
	int		 depth;		/* entries in open[] */
	unsigned	 nfiles;	/* files read so far, includes too */
	size_t		 nbytes;	/* bytes read so far */
	int		 limited;	/* an include limit was reported */
	struct {
		dev_t	 dev;
		ino_t	 ino;
	}		 open[CONFIG_MAX_DEPTH];
	struct buf	 quote[4];	/* printable copies for one message */
	unsigned	 nquote;
	int		 prompt;	/* a line typed at the UI's prompt */
};

struct config_cmd {
	const char	*name;		/* first member: see util_nearest() */
	const char	*usage;
	void		 (*fn)(struct config_parse *,
			     const struct config_cmd *, struct config_word *,
			     size_t);
};

static void	config_cmd_feed(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_sync(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_include(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_set(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_bind(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_unbind(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_cmd_color(struct config_parse *,
		    const struct config_cmd *, struct config_word *, size_t);
static void	config_parse_text(struct config_parse *, const char *,
		    size_t);
static void	config_bind_defaults(struct config *);

/* Sorted by name; a new command is one more row. */
static const struct config_cmd commands[] = {
	{ "bind", "bind TABLE KEY ACTION [ARG ...]", config_cmd_bind },
	{ "color", "color ELEMENT FG BG [ATTR ...]", config_cmd_color },
	{ "feed", "feed URL [TAG ...] [\"~TITLE\"] [!] "
	    "[< NAME VALUE; ...]", config_cmd_feed },
	{ "include", "include FILE", config_cmd_include },
	{ "set", "set NAME VALUE", config_cmd_set },
	{ "sync", "sync ttrss|greader|miniflux URL < user NAME; "
	    "password-command \"CMD ...\"", config_cmd_sync },
	{ "unbind", "unbind TABLE KEY", config_cmd_unbind },
};

/* Units for durations and sizes, largest first so that formatting picks
 * the largest exact one. */
struct config_unit {
	char		 unit;
	int64_t		 n;
};

static const struct config_unit seconds_units[] = {
	{ 'w', SECS_W }, { 'd', SECS_D }, { 'h', SECS_H }, { 'm', SECS_M },
	{ 's', 1 },
};

static const struct config_unit bytes_units[] = {
	{ 'T', 1LL << 40 }, { 'G', 1LL << 30 }, { 'M', 1LL << 20 },
	{ 'K', 1LL << 10 },
};

static const struct {
	const char	*word;
	int		 value;
} bool_words[] = {
	{ "yes", 1 }, { "no", 0 }, { "true", 1 }, { "false", 0 },
	{ "on", 1 }, { "off", 0 }, { "1", 1 }, { "0", 0 },
};

/* The settings table and its length. */
const struct setting *
config_settings(size_t *n)
{
	*n = nitems(settings);
	return (settings);
}

/* A setting by its exact name, or NULL. */
const struct setting *
config_setting_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < nitems(settings); i++)
		if (strcmp(settings[i].name, name) == 0)
			return (&settings[i]);
	return (NULL);
}

/* The colour elements and their number. */
const struct config_element_info *
config_elements(size_t *n)
{
	*n = nitems(elements);
	return (elements);
}

/* Start cfg with no feeds and every setting, colour and key binding at
 * its default. */
void
config_init(struct config *cfg)
{
	size_t	 i;

	memset(cfg, 0, sizeof *cfg);
	for (i = 0; i < nitems(settings); i++) {
		cfg->values[i].n = settings[i].def;
		if (settings[i].defstr != NULL)
			cfg->values[i].s = xstrdup(settings[i].defstr);
	}
	for (i = 0; i < nitems(elements); i++)
		cfg->colors[i] = elements[i].def;
	config_bind_defaults(cfg);
}

/* Free the strings of a values array. */
static void
config_values_free(struct setting_value *values)
{
	size_t	 i;

	for (i = 0; i < SET__COUNT; i++) {
		free(values[i].s);
		values[i].s = NULL;
	}
}

/* Free a list of the dotfile's filters. */
static void
config_filters_free(struct config_filter *v, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		filter_free(v[i].filter);
		free(v[i].path);
		for (j = 0; j < v[i].ntags; j++)
			free(v[i].tags[j]);
		free(v[i].tags);
	}
	free(v);
}

/* Free what one sync line holds. */
static void
config_sync_free(struct config_sync *cs)
{
	free(cs->type);
	free(cs->url);
	free(cs->user);
	free(cs->password_file);
	config_words_free(cs->password_cmd);
	free(cs->path);
}

/* Copy one sync line, strings and all. */
static void
config_sync_copy(struct config_sync *to, const struct config_sync *from)
{
	size_t	 n;

	*to = *from;
	to->type = xstrdup(from->type);
	to->url = xstrdup(from->url);
	to->user = xstrdup(from->user);
	to->password_file = from->password_file != NULL ?
	    xstrdup(from->password_file) : NULL;
	to->path = xstrdup(from->path);
	to->password_cmd = NULL;
	if (from->password_cmd != NULL) {
		for (n = 0; from->password_cmd[n] != NULL; n++)
			;
		to->password_cmd = xreallocarray(NULL, n + 1,
		    sizeof *to->password_cmd);
		to->password_cmd[n] = NULL;
		while (n-- > 0)
			to->password_cmd[n] = xstrdup(from->password_cmd[n]);
	}
}

/* Free everything cfg holds and zero it. */
void
config_release(struct config *cfg)
{
	struct config_feed	*cf;
	size_t			 i, j;

	for (i = 0; i < cfg->nfeeds; i++) {
		cf = &cfg->feeds[i];
		free(cf->url);
		free(cf->title);
		for (j = 0; j < cf->ntags; j++)
			free(cf->tags[j]);
		free(cf->tags);
		free(cf->path);
		config_values_free(cf->values);
	}
	free(cfg->feeds);
	for (i = 0; i < cfg->nsyncs; i++)
		config_sync_free(&cfg->syncs[i]);
	free(cfg->syncs);
	free(cfg->path);
	config_filters_free(cfg->queries, cfg->nqueries);
	config_filters_free(cfg->ignores, cfg->nignores);
	config_filters_free(cfg->presets, cfg->npresets);
	config_filters_free(cfg->highlights, cfg->nhighlights);
	config_values_free(cfg->values);
	keys_free(cfg->keys);
	memset(cfg, 0, sizeof *cfg);
}

/* Copy a values array, strings and all. */
static void
config_values_copy(struct setting_value *to, const struct setting_value *from)
{
	size_t	 i;

	for (i = 0; i < SET__COUNT; i++) {
		to[i].n = from[i].n;
		to[i].s = from[i].s != NULL ? xstrdup(from[i].s) : NULL;
	}
}

/* Copy one feed, strings and all. */
static void
config_feed_copy(struct config_feed *to, const struct config_feed *from)
{
	size_t	 j;

	*to = *from;
	to->url = xstrdup(from->url);
	to->title = from->title != NULL ? xstrdup(from->title) : NULL;
	to->path = from->path != NULL ? xstrdup(from->path) : NULL;
	to->tags = xreallocarray(NULL, from->ntags + 1, sizeof *to->tags);
	for (j = 0; j < from->ntags; j++)
		to->tags[j] = xstrdup(from->tags[j]);
	config_values_copy(to->values, from->values);
}

/* A deep copy of cfg (or of one of its feeds) for another thread. */
struct config *
config_snapshot(const struct config *cfg, unsigned feed_id)
{
	const struct config_feed	*one = NULL;
	struct config			*s;
	size_t				 i;

	if (feed_id != 0 && (one = config_feed_find(cfg, feed_id)) == NULL)
		return (NULL);
	s = xcalloc(1, sizeof *s);
	s->path = cfg->path != NULL ? xstrdup(cfg->path) : NULL;
	s->nfeeds = one != NULL ? 1 : cfg->nfeeds;
	s->feeds = xreallocarray(NULL, s->nfeeds + 1, sizeof *s->feeds);
	for (i = 0; i < s->nfeeds; i++)
		config_feed_copy(&s->feeds[i], one != NULL ? one :
		    &cfg->feeds[i]);
	config_values_copy(s->values, cfg->values);
	memcpy(s->colors, cfg->colors, sizeof s->colors);
	/* The servers, whose sync a refresh of every feed runs; that of a
	 * server's one feed, its server's. */
	s->syncs = xreallocarray(NULL, cfg->nsyncs + 1, sizeof *s->syncs);
	for (i = 0; i < cfg->nsyncs; i++)
		if (one == NULL || one->sync == cfg->syncs[i].id)
			config_sync_copy(&s->syncs[s->nsyncs++],
			    &cfg->syncs[i]);
	/* The killfile, with which a refresh marks what it stores. */
	s->ignores = xreallocarray(NULL, cfg->nignores + 1,
	    sizeof *s->ignores);
	for (i = 0; i < cfg->nignores; i++) {
		s->ignores[i] = cfg->ignores[i];
		s->ignores[i].path = xstrdup(cfg->ignores[i].path);
		s->ignores[i].filter = filter_dup(cfg->ignores[i].filter);
		s->ignores[i].tags = NULL;
		s->ignores[i].ntags = 0;
	}
	s->nignores = cfg->nignores;
	s->last_id = cfg->last_id;
	atomic_init(&s->refs, 1);
	return (s);
}

/* One more reference to a snapshot. */
struct config *
config_hold(struct config *s)
{
	atomic_fetch_add(&s->refs, 1);
	return (s);
}

/* Drop a reference to a snapshot; the last one frees it. */
void
config_drop(struct config *s)
{
	if (s == NULL)
		return;
	if (atomic_load(&s->refs) == 0)
		fatalx("config: dropping a config that is not a snapshot");
	if (atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	config_release(s);
	free(s);
}

/* The feed with id, or NULL. Feeds are only ever appended, so the one
 * with id k is at k - 1 unless the config holds fewer (a snapshot of one
 * feed). */
const struct config_feed *
config_feed_find(const struct config *cfg, unsigned id)
{
	size_t	 i;

	if (id == 0)
		return (NULL);
	if (id <= cfg->nfeeds && cfg->feeds[id - 1].id == id)
		return (&cfg->feeds[id - 1]);
	for (i = 0; i < cfg->nfeeds; i++)
		if (cfg->feeds[i].id == id)
			return (&cfg->feeds[i]);
	return (NULL);
}

/* A numeric setting for one feed: its own value if it has one, else the
 * global one. */
int64_t
config_num(const struct config *cfg, const struct config_feed *cf,
    enum setting_id id)
{
	if (cf != NULL && (cf->overridden & (1ULL << id)))
		return (cf->values[id].n);
	return (cfg->values[id].n);
}

/* A string setting for one feed, chosen as config_num() chooses. */
const char *
config_str(const struct config *cfg, const struct config_feed *cf,
    enum setting_id id)
{
	if (cf != NULL && (cf->overridden & (1ULL << id)))
		return (cf->values[id].s);
	return (cfg->values[id].s);
}

/* Append n with the largest unit of the table that divides it exactly. */
static void
config_format_units(struct buf *b, int64_t n, const struct config_unit *u,
    size_t count)
{
	size_t	 i;

	if (n != 0) {
		for (i = 0; i < count; i++) {
			if (n % u[i].n == 0) {
				buf_addf(b, "%lld%c", (long long)(n / u[i].n),
				    u[i].unit);
				return;
			}
		}
	}
	buf_addf(b, "%lld", (long long)n);
}

/* Append a value in the config language, with the largest exact unit. */
/* The words of feed-sort-order, by enum config_feed_order. */
static const char *const feed_orders[CONFIG_FEEDS__COUNT] = {
	[CONFIG_FEEDS_NONE] = "none",
	[CONFIG_FEEDS_TITLE] = "title",
	[CONFIG_FEEDS_UNREAD] = "unread",
};

/* "KEY[-asc|-desc]" of feed-sort-order; a bare key is ascending but
 * unread, whose usual order is the most unread first. Return 0, or -1. */
static int
config_feed_order(const char *text, int64_t *out)
{
	int	 key, asc;

	if (util_order_parse(text, feed_orders, CONFIG_FEEDS__COUNT, &key,
	    &asc) != 0)
		return (-1);
	if (asc == -1)
		asc = key != CONFIG_FEEDS_UNREAD;
	*out = key | (asc ? CONFIG_FEEDS_ASC : 0);
	return (0);
}

void
config_format_value(struct buf *b, const struct setting *s, int64_t n)
{
	switch (s->type) {
	case SET_NUMBER:
		buf_addf(b, "%lld", (long long)n);
		break;
	case SET_SECONDS:
		config_format_units(b, n, seconds_units, nitems(seconds_units));
		break;
	case SET_BYTES:
		config_format_units(b, n, bytes_units, nitems(bytes_units));
		break;
	case SET_BOOL:
		buf_addstr(b, n ? "yes" : "no");
		break;
	case SET_SORT_ORDER:
		filter_sort_name(b, (int)n);
		break;
	case SET_FEED_ORDER:
		if ((n & ~CONFIG_FEEDS_ASC) < CONFIG_FEEDS__COUNT)
			buf_addf(b, "%s-%s", feed_orders[n & ~CONFIG_FEEDS_ASC],
			    n & CONFIG_FEEDS_ASC ? "asc" : "desc");
		break;
	case SET_STRING:
		break;
	}
}

/* Read a run of decimal digits at *sp into *n. Return 1 on success, 0
 * when there is no digit, -1 on overflow (the digits are still skipped). */
static int
config_digits(const char **sp, int64_t *n)
{
	const char	*s = *sp;
	int64_t		 v = 0;
	int		 over = 0;

	if (*s < '0' || *s > '9')
		return (0);
	for (; *s >= '0' && *s <= '9'; s++) {
		if (v > (INT64_MAX - (*s - '0')) / 10)
			over = 1;
		else
			v = v * 10 + (*s - '0');
	}
	*sp = s;
	*n = v;
	return (over ? -1 : 1);
}

/* Multiply and add without overflow: *total += v * unit. */
static int
config_accumulate(int64_t *total, int64_t v, int64_t unit)
{
	if (v > INT64_MAX / unit || *total > INT64_MAX - v * unit)
		return (-1);
	*total += v * unit;
	return (0);
}

/* "90", "90s", "30m", "2h", "1d", "1w" or a sum such as "1h30m". Return 0,
 * -1 for bad syntax or -2 for a number too large. */
static int
config_parse_seconds(const char *s, int64_t *out)
{
	int64_t	 total = 0, v, unit;
	size_t	 i;
	int	 rc, over = 0;

	if ((rc = config_digits(&s, &v)) == 0)
		return (-1);
	if (*s == '\0') {		/* a bare number is seconds */
		*out = v;
		return (rc < 0 ? -2 : 0);
	}
	for (;;) {
		over |= rc < 0;
		unit = 0;
		for (i = 0; i < nitems(seconds_units); i++)
			if ((*s | 0x20) == seconds_units[i].unit)
				unit = seconds_units[i].n;
		if (unit == 0)
			return (-1);
		s++;
		if (!over && config_accumulate(&total, v, unit) != 0)
			over = 1;
		if (*s == '\0')
			break;
		if ((rc = config_digits(&s, &v)) == 0)
			return (-1);
	}
	*out = total;
	return (over ? -2 : 0);
}

/* "512", "512B", "64K", "64KB", "64KiB", likewise M, G and T, powers of
 * 1024. Return 0, -1 for bad syntax or -2 for a number too large. */
static int
config_parse_bytes(const char *s, int64_t *out)
{
	int64_t	 v, unit = 1, total = 0;
	size_t	 i;
	int	 rc;

	if ((rc = config_digits(&s, &v)) == 0)
		return (-1);
	if (*s != '\0' && (*s | 0x20) != 'b') {
		unit = 0;
		for (i = 0; i < nitems(bytes_units); i++)
			if ((*s & ~0x20) == bytes_units[i].unit)
				unit = bytes_units[i].n;
		if (unit == 0)
			return (-1);
		s++;
		if ((*s | 0x20) == 'i' && (s[1] | 0x20) == 'b')
			s += 2;
		else if ((*s | 0x20) == 'b')
			s++;
	} else if (*s != '\0')
		s++;
	if (*s != '\0')
		return (-1);
	if (rc < 0 || config_accumulate(&total, v, unit) != 0)
		return (-2);
	*out = total;
	return (0);
}

/* The shape of a valid value of each type, for error messages. */
static const char *
config_type_hint(enum setting_type type)
{
	switch (type) {
	case SET_NUMBER:
		return ("is not a whole number");
	case SET_SECONDS:
		return ("is not a duration (like 90s, 30m, 2h, 1d or 1w)");
	case SET_BYTES:
		return ("is not a size (like 512K, 16M or 1G)");
	case SET_BOOL:
		return ("is not yes or no");
	case SET_SORT_ORDER:
		return ("is not an order (date, title, feed, author, "
		    "unread, starred, link, guid or random, with -asc or "
		    "-desc)");
	case SET_FEED_ORDER:
		return ("is not an order (none, title or unread, with -asc "
		    "or -desc)");
	case SET_STRING:
		break;
	}
	return ("is not valid");
}

/* Parse and range-check one value of setting s. */
int
config_parse_value(const struct setting *s, const char *text, int64_t *out,
    char **cause)
{
	struct buf	 q = BUF_INIT, lo = BUF_INIT, hi = BUF_INIT;
	const char	*p = text;
	int64_t		 n = 0;
	size_t		 i;
	int		 rc = -1, sort;

	switch (s->type) {
	case SET_NUMBER:
		rc = config_digits(&p, &n);
		rc = rc == 0 || *p != '\0' ? -1 : (rc < 0 ? -2 : 0);
		break;
	case SET_SECONDS:
		rc = config_parse_seconds(text, &n);
		break;
	case SET_BYTES:
		rc = config_parse_bytes(text, &n);
		break;
	case SET_BOOL:
		for (i = 0; i < nitems(bool_words); i++) {
			if (strcasecmp(text, bool_words[i].word) == 0) {
				n = bool_words[i].value;
				rc = 0;
			}
		}
		break;
	case SET_SORT_ORDER:
		if (filter_sort_parse(text, &sort) == 0) {
			n = sort;
			rc = 0;
		}
		break;
	case SET_FEED_ORDER:
		rc = config_feed_order(text, &n);
		break;
	case SET_STRING:
		*out = 0;
		return (0);
	}
	if (rc == 0 && s->type != SET_BOOL && s->type != SET_SORT_ORDER &&
	    s->type != SET_FEED_ORDER && (n < s->min || n > s->max))
		rc = -2;
	if (rc == 0) {
		*out = n;
		return (0);
	}
	text_printable(&q, text);
	if (rc == -1)
		xasprintf(cause, "\"%s\" %s", q.data,
		    config_type_hint(s->type));
	else {
		config_format_value(&lo, s, s->min);
		config_format_value(&hi, s, s->max);
		xasprintf(cause, "\"%s\" is out of range (%s to %s)", q.data,
		    lo.data, hi.data);
	}
	buf_release(&q);
	buf_release(&lo);
	buf_release(&hi);
	return (-1);
}

/* Check that a URL is one tidings can fetch, naming what is wrong. */
int
config_check_url(const char *url, char **cause)
{
	static const char *const newsboat[] = { "exec:", "filter:" };
	struct buf	 q = BUF_INIT;
	const char	*rest;
	size_t		 i, len;
	int		 file, rc = -1;

	text_printable(&q, url);
	len = util_scheme_len(url);
	rest = url + len + 1;
	file = len == 4 && strncasecmp(url, "file", 4) == 0;
	if (strncmp(url, "query:", 6) == 0) {
		xasprintf(cause, "\"%s\" is newsboat's query feed; write it "
		    "\"query NAME EXPRESSION\" here", q.data);
		goto out;
	}
	for (i = 0; i < nitems(newsboat); i++) {
		if (strncmp(url, newsboat[i], strlen(newsboat[i])) == 0) {
			/* A command runs only from a line the user wrote. */
			xasprintf(cause, "\"%s\" feeds run a command: only "
			    "the dotfile's own feed lines may name one",
			    newsboat[i]);
			goto out;
		}
	}
	if (len == 0) {
		xasprintf(cause, "\"%s\" is not a URL; it must start with "
		    "http://, https:// or file://", q.data);
		goto out;
	}
	if (!file && !(len == 4 && strncasecmp(url, "http", 4) == 0) &&
	    !(len == 5 && strncasecmp(url, "https", 5) == 0)) {
		/* The scheme is letters, digits and +-. only: safe to print. */
		xasprintf(cause, "\"%.*s\" URLs are not supported; use "
		    "http, https or file", (int)len, url);
		goto out;
	}
	for (i = 0; url[i] != '\0'; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f)
			break;
	if (url[i] != '\0' || strncmp(rest, "//", 2) != 0 ||
	    rest[2] == '\0' || (!file && rest[2] == '/')) {
		xasprintf(cause, "\"%s\" is not a valid URL", q.data);
		goto out;
	}
	rc = 0;
out:
	buf_release(&q);
	return (rc);
}

/* Tell how a feed line's URL is read; split its command. */
int
config_feed_source(const char *url, int expand, char ***argv,
    const char **fetch, char **cause)
{
	enum config_source	 source;
	const char		*cmd, *colon;
	char			*text;
	size_t			 n;
	int			 rc;

	*argv = NULL;
	*fetch = NULL;
	if (strncmp(url, "exec:", 5) == 0) {
		source = CONFIG_SOURCE_EXEC;
		text = xstrdup(url + 5);
	} else if (strncmp(url, "filter:", 7) == 0) {
		source = CONFIG_SOURCE_FILTER;
		cmd = url + 7;
		if ((colon = strchr(cmd, ':')) == NULL) {
			*cause = xstrdup("a filter feed is "
			    "\"filter:COMMAND:URL\"; this one has no URL");
			return (-1);
		}
		if (config_check_url(colon + 1, cause) != 0)
			return (-1);
		text = xstrndup(cmd, (size_t)(colon - cmd));
		*fetch = colon + 1;
	} else
		return (CONFIG_SOURCE_URL);
	rc = config_words(text, argv, &n, cause);
	free(text);
	if (rc != 0) {
		*fetch = NULL;
		return (-1);
	}
	if (n == 0) {
		config_words_free(*argv);
		*argv = NULL;
		*fetch = NULL;
		xasprintf(cause, "no command after \"%s\"",
		    source == CONFIG_SOURCE_EXEC ? "exec:" : "filter:");
		return (-1);
	}
	if (expand)
		util_expand_argv(*argv);
	return ((int)source);
}

/* Check that a URL from elsewhere may become a feed of the dotfile. */
int
config_check_import_url(const char *url, char **cause)
{
	size_t	 len;

	if (config_check_url(url, cause) != 0)
		return (-1);
	len = util_scheme_len(url);
	if (len == 4 && strncasecmp(url, "file", 4) == 0) {
		*cause = xstrdup("a file: URL is read only when the user "
		    "writes it into the dotfile; not taken from elsewhere");
		return (-1);
	}
	return (0);
}

/* A copy of user text that is safe to print; valid until the next error
 * message. */
static const char *
config_q(struct config_parse *cp, const char *s)
{
	struct buf	*b;

	b = &cp->quote[cp->nquote++ % nitems(cp->quote)];
	buf_reset(b);
	return (text_printable(b, s));
}

/* Add one "path:LINE: message" to the causes, or "path:LINE:COLUMN:
 * message" when col is not 0. */
static void
config_verror(struct config_parse *cp, size_t col, const char *fmt,
    va_list ap)
{
	struct buf	 path = BUF_INIT;
	char		*msg;

	xvasprintf(&msg, fmt, ap);
	text_printable(&path, cp->path);
	if (cp->prompt && col != 0)	/* a column helps there too */
		causes_add(cp->causes, "column %zu: %s", col, msg);
	else if (cp->prompt)
		causes_add(cp->causes, "%s", msg);
	else if (col != 0)
		causes_add(cp->causes, "%s:%u:%zu: %s", path.data, cp->line,
		    col, msg);
	else
		causes_add(cp->causes, "%s:%u: %s", path.data, cp->line, msg);
	buf_release(&path);
	free(msg);
}

/* Add one "path:LINE: message" to the causes. */
static void __attribute__((format(printf, 2, 3)))
config_error(struct config_parse *cp, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	config_verror(cp, 0, fmt, ap);
	va_end(ap);
}

/* Add one "path:LINE:COLUMN: message" to the causes. */
static void __attribute__((format(printf, 3, 4)))
config_error_at(struct config_parse *cp, size_t col, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	config_verror(cp, col, fmt, ap);
	va_end(ap);
}

/* Add an error about a whole file ("path: message"), outside any line. */
static void __attribute__((format(printf, 3, 4)))
config_file_error(struct config_parse *cp, const char *path,
    const char *fmt, ...)
{
	struct buf	 p = BUF_INIT;
	va_list		 ap;
	char		*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	text_printable(&p, path);
	causes_add(cp->causes, "%s: %s", p.data, msg);
	buf_release(&p);
	free(msg);
}

/* Check that a line is UTF-8 text without control characters (tabs are
 * blanks), so that every word stored is text the rest of tidings trusts. */
static int
config_check_text(struct config_parse *cp, const char *line, size_t len)
{
	const unsigned char	*p = (const unsigned char *)line;
	size_t			 i, n;
	uint32_t		 c;

	for (i = 0; i < len; i += n) {
		if (p[i] < 0x80) {
			n = 1;
			if ((p[i] < 0x20 && p[i] != '\t') || p[i] == 0x7f) {
				config_error(cp, "control character 0x%02x in "
				    "line", p[i]);
				return (-1);
			}
		} else if ((n = utf8_decode(p + i, len - i, &c)) == 0) {
			config_error(cp, "invalid UTF-8 in line");
			return (-1);
		}
	}
	return (0);
}

/* Free the words of a line. */
static void
config_words_clear(struct config_words *w)
{
	size_t	 i;

	for (i = 0; i < w->n; i++)
		free(w->v[i].s);
	free(w->v);
	w->v = NULL;
	w->n = 0;
}

/* Append a word. */
static void
config_words_add(struct config_words *w, struct buf *b, int bare, int sep)
{
	w->v = xreallocarray(w->v, w->n + 1, sizeof *w->v);
	w->v[w->n].s = buf_detach(b, NULL);
	w->v[w->n].bare = bare;
	w->v[w->n].sep = sep;
	w->n++;
}

/* Split one line into words (see the top of the file). */
static int
config_split(struct config_parse *cp, const char *s, size_t len,
    struct config_words *w)
{
	struct buf	 b = BUF_INIT;
	const char	*end = s + len;
	int		 in_word = 0, bare = 1, in_settings = 0;

	while (s < end) {
		if (*s == ' ' || *s == '\t' ||
		    (in_settings && *s == ';')) {
			if (in_word) {
				if (bare && strcmp(b.data, "<") == 0)
					in_settings = 1;
				config_words_add(w, &b, bare, 0);
			}
			if (*s == ';')
				config_words_add(w, &b, 1, 1);
			in_word = 0;
			bare = 1;
			s++;
			continue;
		}
		if (*s == '#' && !in_word)
			break;
		in_word = 1;
		if (*s == '\\') {
			if (++s == end) {
				config_error(cp, "\\ at the end of the line");
				goto fail;
			}
			bare = 0;
			buf_addch(&b, *s++);
		} else if (*s == '\'') {
			bare = 0;
			for (s++; s < end && *s != '\''; s++)
				buf_addch(&b, *s);
			if (s++ == end)
				goto unterminated;
		} else if (*s == '"') {
			bare = 0;
			for (s++; s < end && *s != '"'; s++) {
				if (*s == '\\' && s + 1 < end &&
				    (s[1] == '"' || s[1] == '\\'))
					s++;
				buf_addch(&b, *s);
			}
			if (s++ == end)
				goto unterminated;
		} else
			buf_addch(&b, *s++);
	}
	if (in_word)
		config_words_add(w, &b, bare, 0);
	buf_release(&b);
	return (0);
unterminated:
	config_error(cp, "unterminated quote");
fail:
	buf_release(&b);
	return (-1);
}

/* Report word, unknown as a kind ("setting", "command", "action"), when
 * it is newsboat's and tidings calls what it does by another name:
 * "unknown setting "reload-time": newsboat's reload-time is
 * refresh-interval here". Return 1 when reported. */
static int
config_newsboat(struct config_parse *cp, const char *kind, const char *word)
{
	const char	*ours, *what, *note;

	if ((ours = newsboat_here(word, &what, &note)) == NULL)
		return (0);
	/* word is one of newsboat's, safe to print as it is. */
	config_error(cp, "unknown %s \"%s\": newsboat's %s is the %s %s "
	    "here%s", kind, word, word, what, ours, note);
	return (1);
}

/* Check NAME VALUE against the table and store it in values[]; scope says
 * where it was written. Return 0 or -1 after reporting. */
static int
config_assign(struct config_parse *cp, int scope, const char *name,
    const char *value, struct setting_value *values, uint64_t *mask)
{
	const struct setting	*s;
	const char		*near;
	char			*cause, **argv;
	size_t			 nw;
	int64_t			 n;

	if ((s = config_setting_find(name)) == NULL) {
		near = util_nearest(name, settings, nitems(settings),
		    sizeof settings[0]);
		if (config_newsboat(cp, "setting", name))
			;
		else if (near != NULL)
			config_error(cp, "unknown setting \"%s\"; did you mean "
			    "\"%s\"?", config_q(cp, name), near);
		else
			config_error(cp, "unknown setting \"%s\"",
			    config_q(cp, name));
		return (-1);
	}
	if ((s->scope & scope) == 0) {
		config_error(cp, "%s cannot be set %s", s->name,
		    scope == SET_SCOPE_FEED ? "per feed" : "globally");
		return (-1);
	}
	if (config_parse_value(s, value, &n, &cause) != 0) {
		config_error(cp, "%s: %s", s->name, cause);
		free(cause);
		return (-1);
	}
	if (s->id == SET_NOTIFY_COMMAND &&
	    config_words(value, &argv, &nw, &cause) != 0) {
		/* Checked now: at the end of a refresh nobody would see. */
		config_error(cp, "%s: %s", s->name, cause);
		free(cause);
		return (-1);
	}
	if (s->id == SET_NOTIFY_COMMAND)
		config_words_free(argv);
	values[s->id].n = n;
	if (s->type == SET_STRING) {
		free(values[s->id].s);
		values[s->id].s = xstrdup(value);
	}
	if (mask != NULL)
		*mask |= 1ULL << s->id;
	return (0);
}

/* set NAME VALUE */
static void
config_cmd_set(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	if (n != 3) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	config_assign(cp, SET_SCOPE_GLOBAL, w[1].s, w[2].s, cp->cfg->values,
	    NULL);
}

/*
 * Split a macro's text into its steps at each ';' outside quotes, each
 * step trimmed of blanks; empty steps are dropped. The steps are added
 * to *steps (n of them).
 */
static void
config_macro_split(const char *text, char ***steps, size_t *n)
{
	struct buf	 b = BUF_INIT;
	const char	*p;
	char		 quote = 0;
	size_t		 len;

	for (p = text;; p++) {
		if (*p == '\0' || (*p == ';' && quote == 0)) {
			len = b.len;
			while (len > 0 && (b.data[len - 1] == ' ' ||
			    b.data[len - 1] == '\t'))
				len--;
			buf_truncate(&b, len);
			if (b.len > 0) {
				*steps = xreallocarray(*steps, *n + 2,
				    sizeof **steps);
				(*steps)[(*n)++] = buf_detach(&b, NULL);
				(*steps)[*n] = NULL;
			}
			buf_reset(&b);
			if (*p == '\0')
				break;
			continue;
		}
		if (b.len == 0 && (*p == ' ' || *p == '\t'))
			continue;
		if (*p == '\\' && quote != '\'' && p[1] != '\0') {
			buf_addch(&b, *p++);
		} else if (quote == 0 && (*p == '"' || *p == '\''))
			quote = *p;
		else if (*p == quote)
			quote = 0;
		buf_addch(&b, *p);
	}
	buf_release(&b);
}

/* Check the command of exec or pipe-to (words after the action's
 * name; none: it is asked for at the prompt). */
static int
config_check_command(struct config_parse *cp, enum keys_action act,
    char *const *w, size_t n)
{
	char	*cause;
	size_t	 start;
	int	 wait;

	if (n == 0 || hook_command(w, n, act == ACT_EXEC, &wait, &start,
	    &cause) == 0)
		return (0);
	config_error(cp, "%s: %s", act == ACT_EXEC ? "exec" : "pipe-to",
	    cause);
	free(cause);
	return (-1);
}

/* Check one step of a macro: "set NAME VALUE" or an action with its
 * arguments, never another macro. */
static int
config_check_step(struct config_parse *cp, const char *step)
{
	const struct keys_action_info	*a;
	struct setting_value		 scratch[SET__COUNT];
	char				**w, *cause;
	size_t				 n, i;
	int				 rc = -1;

	if (config_words(step, &w, &n, &cause) != 0) {
		config_error(cp, "macro step \"%s\": %s", config_q(cp, step),
		    cause);
		free(cause);
		return (-1);
	}
	if (n == 0)
		rc = 0;
	else if (strcmp(w[0], "set") == 0) {
		if (n != 3)
			config_error(cp, "macro step \"%s\": usage: set NAME "
			    "VALUE", config_q(cp, step));
		else {
			memset(scratch, 0, sizeof scratch);
			rc = config_assign(cp, SET_SCOPE_GLOBAL, w[1], w[2],
			    scratch, NULL);
			for (i = 0; i < SET__COUNT; i++)
				free(scratch[i].s);
		}
	} else if ((a = keys_action_find(w[0])) == NULL) {
		if (!config_newsboat(cp, "action", w[0]))
			config_error(cp, "macro step \"%s\": unknown action "
			    "\"%s\"; a step is an action or set NAME VALUE",
			    config_q(cp, step), config_q(cp, w[0]));
	} else if (a->id == ACT_MACRO)
		config_error(cp, "a macro cannot run a macro");
	else if (a->id == ACT_EXEC || a->id == ACT_PIPE_TO)
		rc = config_check_command(cp, a->id, w + 1, n - 1);
	else if (n > 1)
		config_error(cp, "macro step \"%s\": %s takes no arguments",
		    config_q(cp, step), a->name);
	else
		rc = 0;
	config_words_free(w);
	return (rc);
}

/*
 * bind TABLE KEY ACTION [ARG ...]: exec and pipe-to take a command,
 * macro its steps (a word each, or several in one word separated by
 * ';'); a word that is no action's name but holds a blank or a ';' is a
 * macro's steps too ("set panes 1; next-unread").
 */
static void
config_cmd_bind(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	const struct keys_action_info	*a;
	const char			*action = NULL;
	char				*cause, **args = NULL;
	size_t				 i, nargs = 0;
	int				 bad = 0;

	if (n < 4) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	a = keys_action_find(w[3].s);
	if (a == NULL && n == 4 && strpbrk(w[3].s, " \t;") != NULL) {
		action = "macro";
		config_macro_split(w[3].s, &args, &nargs);
	} else if (a == NULL) {
		if (config_newsboat(cp, "action", w[3].s))
			return;
		action = w[3].s;	/* keys_bind() says what is wrong */
	} else if (a->id == ACT_MACRO) {
		action = a->name;
		for (i = 4; i < n; i++)
			config_macro_split(w[i].s, &args, &nargs);
		if (nargs == 0) {
			config_error(cp, "macro: which steps?");
			return;
		}
	} else {
		action = a->name;
		args = xcalloc(n - 3, sizeof *args);
		for (i = 4; i < n; i++)
			args[nargs++] = xstrdup(w[i].s);
		if (a->id == ACT_EXEC || a->id == ACT_PIPE_TO)
			bad = config_check_command(cp, a->id, args, nargs);
	}
	if (strcmp(action, "macro") == 0)
		for (i = 0; i < nargs && !bad; i++)
			bad = config_check_step(cp, args[i]);
	if (!bad && keys_bind_args(cp->cfg->keys, w[1].s, w[2].s, action,
	    args, nargs, &cause) != 0) {
		config_error(cp, "%s", cause);
		free(cause);
	}
	for (i = 0; i < nargs; i++)
		free(args[i]);
	free(args);
}

/* unbind TABLE KEY */
static void
config_cmd_unbind(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	char	*cause;

	if (n != 3) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	if (keys_unbind(cp->cfg->keys, w[1].s, w[2].s, &cause) != 0) {
		config_error(cp, "%s", cause);
		free(cause);
	}
}

/* A colour: a name from color_names, colourN, colorN or N, 0 to 255. */
static int
config_color_value(struct config_parse *cp, const char *s, int *out)
{
	const char	*p = s;
	int64_t		 n;
	size_t		 i;
	int		 rc;

	for (i = 0; i < nitems(color_names); i++) {
		if (strcasecmp(s, color_names[i].name) == 0) {
			*out = color_names[i].n;
			return (0);
		}
	}
	if (strncasecmp(p, "colour", 6) == 0)
		p += 6;
	else if (strncasecmp(p, "color", 5) == 0)
		p += 5;
	rc = config_digits(&p, &n);
	if (rc == 0 || *p != '\0') {
		config_error(cp, "colour \"%s\" is not a colour name or number",
		    config_q(cp, s));
		return (-1);
	}
	if (rc < 0 || n > 255) {
		config_error(cp, "colour \"%s\" is out of range (0 to 255)",
		    config_q(cp, s));
		return (-1);
	}
	*out = (int)n;
	return (0);
}

/* FG BG [ATTR ...] of w[0..n), n >= 2, into c; every mistake is told. */
static int
config_color_words(struct config_parse *cp, const struct config_word *w,
    size_t n, struct config_color *c)
{
	size_t	 i, j;
	int	 rc = 0;

	if (config_color_value(cp, w[0].s, &c->fg) != 0)
		rc = -1;
	if (config_color_value(cp, w[1].s, &c->bg) != 0)
		rc = -1;
	for (i = 2; i < n; i++) {
		for (j = 0; j < nitems(attr_names); j++)
			if (strcasecmp(w[i].s, attr_names[j].name) == 0)
				break;
		if (j == nitems(attr_names)) {
			config_error(cp, "\"%s\" is not an attribute (bold, "
			    "dim, underline, reverse, italic, blink, standout "
			    "or none)", config_q(cp, w[i].s));
			rc = -1;
		} else
			c->attr |= attr_names[j].attr;
	}
	return (rc);
}

/* color ELEMENT FG BG [ATTR ...] */
static void
config_cmd_color(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	struct config_color	 c = { C_DEF, C_DEF, 0 };
	const char		*near;
	size_t			 i;
	int			 el = -1, bad = 0;

	if (n < 4) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	for (i = 0; i < nitems(elements); i++)
		if (strcmp(w[1].s, elements[i].name) == 0)
			el = (int)i;
	if (el == -1) {
		near = util_nearest(w[1].s, elements, nitems(elements),
		    sizeof elements[0]);
		if (near != NULL)
			config_error(cp, "unknown colour element \"%s\"; did "
			    "you mean \"%s\"?", config_q(cp, w[1].s), near);
		else
			config_error(cp, "unknown colour element \"%s\"",
			    config_q(cp, w[1].s));
		bad = 1;
	}
	if (config_color_words(cp, w + 2, n - 2, &c) != 0)
		bad = 1;
	if (!bad)
		cp->cfg->colors[el] = c;
}

/* Read the per-feed settings after "<": NAME VALUE parts split by ';'. */
static int
config_feed_settings(struct config_parse *cp, struct config_word *w,
    size_t n, struct config_feed *cf)
{
	size_t	 i, start, count = 0;
	int	 rc = 0;

	for (start = i = 0; i <= n; i++) {
		if (i < n && !w[i].sep)
			continue;
		if (i > start) {
			count++;
			if (i - start != 2) {
				config_error(cp, "%s takes one value after "
				    "\"<\"", config_q(cp, w[start].s));
				rc = -1;
			} else if (config_assign(cp, SET_SCOPE_FEED, w[start].s,
			    w[start + 1].s, cf->values, &cf->overridden) != 0)
				rc = -1;
		}
		start = i + 1;
	}
	if (count == 0) {
		config_error(cp, "no setting after \"<\"");
		rc = -1;
	}
	return (rc);
}

/* feed URL [TAG ...] ["~TITLE"] [!] [< NAME VALUE; ...], a newsboat urls
 * line after the word feed, with newsraft's per-feed settings. */
static void
config_cmd_feed(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	struct config		*cfg = cp->cfg;
	struct config_feed	 cf;
	const char		*fetch;
	char			*cause, **argv;
	size_t			 i, j;
	int			 source, bad = 0;

	if (n < 2) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	memset(&cf, 0, sizeof cf);
	if ((source = config_feed_source(w[1].s, 0, &argv, &fetch,
	    &cause)) == -1 || (source == CONFIG_SOURCE_URL &&
	    config_check_url(w[1].s, &cause) != 0)) {
		config_error(cp, "%s", cause);
		free(cause);
		bad = 1;
	}
	config_words_free(argv);
	for (i = 0; i < cfg->nfeeds && !bad; i++) {
		if (strcmp(cfg->feeds[i].url, w[1].s) == 0) {
			config_error(cp, "feed \"%s\" is already listed at "
			    "%s:%u", config_q(cp, w[1].s),
			    config_q(cp, cfg->feeds[i].path),
			    cfg->feeds[i].line);
			bad = 1;
		}
	}
	for (i = 2; i < n; i++) {
		if (w[i].bare && strcmp(w[i].s, "<") == 0) {
			if (config_feed_settings(cp, w + i + 1, n - i - 1,
			    &cf) != 0)
				bad = 1;
			break;
		}
		if (w[i].s[0] == '~') {
			if (w[i].s[1] == '\0') {
				config_error(cp, "empty title after \"~\"");
				bad = 1;
			} else if (cf.title != NULL) {
				config_error(cp, "two titles: \"~%s\" and "
				    "\"%s\"", config_q(cp, cf.title),
				    config_q(cp, w[i].s));
				bad = 1;
			} else
				cf.title = xstrdup(w[i].s + 1);
		} else if (w[i].s[0] == '!')
			cf.hidden = 1;	/* newsboat: any "!" tag hides */
		else if (w[i].s[0] == '\0') {
			config_error(cp, "empty tag");
			bad = 1;
		} else {
			cf.tags = xreallocarray(cf.tags, cf.ntags + 1,
			    sizeof *cf.tags);
			cf.tags[cf.ntags++] = xstrdup(w[i].s);
		}
	}
	if (bad) {
		free(cf.title);
		for (j = 0; j < cf.ntags; j++)
			free(cf.tags[j]);
		free(cf.tags);
		config_values_free(cf.values);
		return;
	}
	cf.id = ++cfg->last_id;
	cf.url = xstrdup(w[1].s);
	cf.path = xstrdup(cp->path);
	cf.line = cp->line;
	cfg->feeds = xreallocarray(cfg->feeds, cfg->nfeeds + 1,
	    sizeof *cfg->feeds);
	cfg->feeds[cfg->nfeeds++] = cf;
}

/* sync TYPE URL < user NAME; password-command "CMD ..." (or
 * password-file PATH): a server account (see config.h). */
static void
config_cmd_sync(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	struct config		*cfg = cp->cfg;
	struct config_sync	 cs;
	char			*cause, **argv;
	size_t			 i, start, nw;
	int			 bad = 0;

	if (n < 3 || (n > 3 && !(w[3].bare && strcmp(w[3].s, "<") == 0))) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	memset(&cs, 0, sizeof cs);
	if (strcmp(w[1].s, "ttrss") != 0 && strcmp(w[1].s, "greader") != 0 &&
	    strcmp(w[1].s, "miniflux") != 0) {
		config_error(cp, "unknown server type \"%s\"; tidings syncs "
		    "with ttrss (Tiny Tiny RSS), greader (the Google Reader "
		    "API) and miniflux (Miniflux's API, with a token)",
		    config_q(cp, w[1].s));
		bad = 1;
	}
	if (strncasecmp(w[2].s, "http://", 7) != 0 &&
	    strncasecmp(w[2].s, "https://", 8) != 0) {
		config_error(cp, "a server's URL starts with http:// or "
		    "https://, not \"%s\"", config_q(cp, w[2].s));
		bad = 1;
	} else if (config_check_url(w[2].s, &cause) != 0) {
		config_error(cp, "%s", cause);
		free(cause);
		bad = 1;
	}
	/* NAME VALUE parts split by ';', as after a feed's "<". */
	for (start = i = 4; i <= n && n > 3; i++) {
		if (i < n && !w[i].sep)
			continue;
		if (i == start)
			goto next;
		if (i - start != 2) {
			config_error(cp, "%s takes one value after \"<\"",
			    config_q(cp, w[start].s));
			bad = 1;
		} else if (strcmp(w[start].s, "user") == 0) {
			free(cs.user);
			cs.user = xstrdup(w[start + 1].s);
		} else if (strcmp(w[start].s, "password-file") == 0) {
			free(cs.password_file);
			cs.password_file = util_expand_home(w[start + 1].s);
			if (cs.password_file[0] != '/') {
				config_error(cp, "password-file takes a path "
				    "from / or ~/, not \"%s\"",
				    config_q(cp, w[start + 1].s));
				bad = 1;
			}
		} else if (strcmp(w[start].s, "password-command") == 0) {
			if (config_words(w[start + 1].s, &argv, &nw,
			    &cause) != 0) {
				config_error(cp, "password-command: %s", cause);
				free(cause);
				bad = 1;
			} else if (nw == 0) {
				config_error(cp, "password-command is empty");
				config_words_free(argv);
				bad = 1;
			} else {
				config_words_free(cs.password_cmd);
				cs.password_cmd = argv;
			}
		} else {
			config_error(cp, "unknown server setting \"%s\"; a sync "
			    "line takes user, password-command and password-file",
			    config_q(cp, w[start].s));
			bad = 1;
		}
next:
		start = i + 1;
	}
	if (!bad && cs.user == NULL) {
		config_error(cp, "sync needs \"< user NAME\"");
		bad = 1;
	}
	if (!bad && cs.password_file == NULL && cs.password_cmd == NULL) {
		config_error(cp, "sync needs password-command or "
		    "password-file");
		bad = 1;
	}
	if (!bad && cs.password_file != NULL && cs.password_cmd != NULL) {
		config_error(cp, "sync takes password-command or "
		    "password-file, not both");
		bad = 1;
	}
	for (i = 0; i < cfg->nsyncs && !bad; i++) {
		if (strcmp(cfg->syncs[i].url, w[2].s) == 0 &&
		    strcmp(cfg->syncs[i].user, cs.user) == 0) {
			config_error(cp, "this account is already listed at "
			    "%s:%u", config_q(cp, cfg->syncs[i].path),
			    cfg->syncs[i].line);
			bad = 1;
		}
	}
	cs.type = xstrdup(w[1].s);
	cs.url = xstrdup(w[2].s);
	cs.path = xstrdup(cp->path);
	cs.line = cp->line;
	if (cs.user == NULL)
		cs.user = xstrdup("");
	if (bad) {
		config_sync_free(&cs);
		return;
	}
	cs.id = (unsigned)cfg->nsyncs + 1;
	cfg->syncs = xreallocarray(cfg->syncs, cfg->nsyncs + 1,
	    sizeof *cfg->syncs);
	cfg->syncs[cfg->nsyncs++] = cs;
}

const struct config_sync *
config_sync_get(const struct config *cfg, unsigned sync_id)
{
	size_t	 i;

	for (i = 0; i < cfg->nsyncs; i++)
		if (cfg->syncs[i].id == sync_id)
			return (&cfg->syncs[i]);
	return (NULL);
}

/* Add a server's feed to a running config, or bring its tag up to date. */
int
config_sync_feed(struct config *cfg, unsigned sync_id, const char *url,
    const char *tag)
{
	const struct config_sync	*cs = NULL;
	struct config_feed		*f, cf;
	size_t				 i;

	for (i = 0; i < cfg->nfeeds; i++) {
		f = &cfg->feeds[i];
		if (f->sync != sync_id || strcmp(f->url, url) != 0)
			continue;
		if (f->ntags == (tag != NULL) && (tag == NULL ||
		    strcmp(f->tags[0], tag) == 0))
			return (0);
		while (f->ntags > 0)
			free(f->tags[--f->ntags]);
		if (tag != NULL) {
			f->tags = xreallocarray(f->tags, 1, sizeof *f->tags);
			f->tags[f->ntags++] = xstrdup(tag);
		}
		return (0);
	}
	cs = config_sync_get(cfg, sync_id);
	memset(&cf, 0, sizeof cf);
	cf.id = ++cfg->last_id;
	cf.url = xstrdup(url);
	cf.sync = sync_id;
	cf.path = xstrdup(cs != NULL ? cs->path : "");
	cf.line = cs != NULL ? cs->line : 0;
	cf.tags = xreallocarray(NULL, 1, sizeof *cf.tags);
	if (tag != NULL)
		cf.tags[cf.ntags++] = xstrdup(tag);
	cfg->feeds = xreallocarray(cfg->feeds, cfg->nfeeds + 1,
	    sizeof *cfg->feeds);
	cfg->feeds[cfg->nfeeds++] = cf;
	return (1);
}

/* Read a whole file descriptor into b, failing with EFBIG past max
 * bytes. */
static int
config_read_fd(int fd, struct buf *b, size_t max)
{
	ssize_t	 n;

	for (;;) {
		/* A dotfile is small; "-c /dev/zero" must not read on until
		 * memory runs out. */
		if (b->len > max) {
			errno = EFBIG;
			return (-1);
		}
		buf_grow(b, 8192);
		n = read(fd, b->data + b->len, b->cap - b->len - 1);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return (-1);
		if (n == 0)
			return (0);
		b->len += (size_t)n;
		b->data[b->len] = '\0';
	}
}

/* Parse the file at path as one more level of the include stack. The
 * caller reports failures to open or read it: lineless for the top file,
 * on the include line for the others. An included file must be a regular
 * file, opened without blocking, so that "include" of a FIFO or a device
 * fails at once instead of waiting for a writer or reading forever; the
 * file named on the command line may be anything the user chose. Return
 * 0, or -1 with errno set (0 when the error was already reported). */
static int
config_parse_file(struct config_parse *cp, const char *path, int include)
{
	struct buf		 text = BUF_INIT;
	struct stat		 st;
	const char		*saved_path = cp->path;
	unsigned		 saved_line = cp->line;
	int			 fd, i, error = 0, loaded = 0;
	int			 saved_is_file = cp->is_file;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC |
	    (include ? O_NONBLOCK : 0))) == -1)
		return (-1);
	if (fstat(fd, &st) == -1)
		error = errno;
	else if (include && !S_ISREG(st.st_mode))
		config_error(cp, "%s: not a regular file", config_q(cp, path));
	else if (config_read_fd(fd, &text, CONFIG_MAX_BYTES - cp->nbytes) ==
	    -1)
		error = errno;
	else {
		loaded = 1;
		cp->nfiles++;
		cp->nbytes += text.len;
	}
	close(fd);
	if (!loaded) {
		buf_release(&text);
		errno = error;
		return (-1);
	}
	for (i = 0; i < cp->depth; i++) {
		if (cp->open[i].dev == st.st_dev &&
		    cp->open[i].ino == st.st_ino) {
			config_error(cp, "include loop: \"%s\" is already "
			    "being read", config_q(cp, path));
			buf_release(&text);
			errno = 0;
			return (-1);
		}
	}
	cp->open[cp->depth].dev = st.st_dev;
	cp->open[cp->depth].ino = st.st_ino;
	cp->depth++;
	cp->path = path;
	cp->is_file = 1;
	config_parse_text(cp, text.data, text.len);
	cp->depth--;
	cp->path = saved_path;
	cp->is_file = saved_is_file;
	cp->line = saved_line;
	buf_release(&text);
	return (0);
}

/* include FILE: relative to the including file's directory, ~ expanded. */
static void
config_cmd_include(struct config_parse *cp, const struct config_cmd *cmd,
    struct config_word *w, size_t n)
{
	const char	*slash;
	char		*home, *path;

	if (n != 2) {
		config_error(cp, "usage: %s", cmd->usage);
		return;
	}
	/* Each file including the next twice is 2^16 reads at 16 deep, so
	 * the total is capped as well as the depth; either is said once, not
	 * again for every include line it then skips. */
	if (cp->depth >= CONFIG_MAX_DEPTH || cp->nfiles >= CONFIG_MAX_FILES) {
		if (!cp->limited && cp->depth >= CONFIG_MAX_DEPTH)
			config_error(cp, "include: more than %d files deep",
			    CONFIG_MAX_DEPTH);
		else if (!cp->limited)
			config_error(cp, "include: more than %d files in all",
			    CONFIG_MAX_FILES);
		cp->limited = 1;
		return;
	}
	home = util_expand_home(w[1].s);
	slash = strrchr(cp->path, '/');
	if (home[0] != '/' && cp->is_file && slash != NULL) {
		xasprintf(&path, "%.*s/%s", (int)(slash - cp->path), cp->path,
		    home);
		free(home);
	} else
		path = home;
	if (config_parse_file(cp, path, 1) != 0 && errno != 0)
		config_error(cp, "%s: %s", config_q(cp, path), strerror(errno));
	free(path);
}

/*
 * The commands whose last argument is a filter expression: the rest of
 * the line, as written, since the expression has quotes, # and
 * parentheses of its own, which the words of a line would take. A rest
 * that is one quoted word, as newsboat writes its expressions, is
 * unquoted first. Errors in the expression name their column in the
 * line.
 */
static const struct {
	const char	*name;
	int		 named;		/* takes NAME before the expression */
	const char	*usage;
} config_filter_cmds[] = {
	{ "query", 1, "query NAME EXPRESSION" },
	{ "ignore", 0, "ignore EXPRESSION" },
	{ "define-filter", 1, "define-filter NAME EXPRESSION" },
	{ "highlight", 0, "highlight EXPRESSION FG BG [ATTR ...]" },
};

/* Read one word of line at *pos (quotes as config_split() takes them)
 * into b, with at[k] the offset in line of b's byte k when at is not
 * NULL. Return 0, or -1 for an unterminated quote. */
static int
config_raw_word(const char *line, size_t len, size_t *pos, struct buf *b,
    size_t **at)
{
	size_t	 i = *pos, n = 0;
	char	 q;
	int	 quoted = 0;

	buf_reset(b);
	if (at != NULL)
		*at = xreallocarray(NULL, len + 1, sizeof **at);
	while (i < len && line[i] != ' ' && line[i] != '\t') {
		if (line[i] == '"' || line[i] == '\'') {
			for (q = line[i++]; i < len && line[i] != q; i++) {
				if (q == '"' && line[i] == '\\' &&
				    i + 1 < len && (line[i + 1] == '"' ||
				    line[i + 1] == '\\'))
					i++;
				if (at != NULL)
					(*at)[n++] = i;
				buf_addch(b, line[i]);
			}
			if (i++ >= len)
				return (-1);
			quoted = 1;
			continue;
		}
		quoted = 0;
		if (line[i] == '\\' && i + 1 < len)
			i++;
		if (at != NULL)
			(*at)[n++] = i;
		buf_addch(b, line[i++]);
	}
	if (at != NULL)			/* the end: at a closing quote */
		(*at)[n] = i - quoted;
	*pos = i;
	return (0);
}

/* Add a filter of the dotfile to one of cfg's lists. */
static void
config_filter_add(struct config_parse *cp, struct config_filter **v,
    size_t *n, const char *name, struct filter *f)
{
	struct config_filter	*cf;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	cf = &(*v)[(*n)++];
	cf->name = name != NULL ? xstrdup(name) : NULL;
	cf->filter = f;
	cf->path = xstrdup(cp->path);
	cf->line = cp->line;
	cf->color = (struct config_color){ C_DEF, C_DEF, 0 };
	cf->tags = NULL;
	cf->ntags = 0;
}

/* highlight EXPRESSION FG BG [ATTR ...], whose name ends at pos: the
 * expression is one word, quoted as newsboat's highlight-article has
 * it, and the colours follow as color has them. */
static void
config_highlight_line(struct config_parse *cp, const char *line, size_t len,
    size_t pos)
{
	struct config_words	 w = { NULL, 0 };
	struct config_color	 c = { C_DEF, C_DEF, 0 };
	struct filter		*f = NULL;
	struct buf		 expr = BUF_INIT;
	size_t			*at = NULL, start, off;
	char			*cause;

	while (pos < len && (line[pos] == ' ' || line[pos] == '\t'))
		pos++;
	start = pos;
	if (config_raw_word(line, len, &pos, &expr, &at) != 0) {
		config_error(cp, "unterminated quote");
		goto out;
	}
	if (config_split(cp, line + pos, len - pos, &w) != 0)
		goto out;
	if (expr.len == 0 || w.n < 2) {
		config_error(cp, "usage: %s", config_filter_cmds[3].usage);
		goto out;
	}
	if (filter_parse(expr.data, expr.len, &f, &off, &cause) != 0) {
		config_error_at(cp, filter_column(line, at != NULL ? at[off] :
		    start + off), "%s", cause);
		free(cause);
		goto out;
	}
	if (config_color_words(cp, w.v, w.n, &c) != 0)
		goto out;
	if (cp->cfg->nhighlights >= CONFIG_MAX_HIGHLIGHTS) {
		config_error(cp, "more than %d highlight lines",
		    CONFIG_MAX_HIGHLIGHTS);
		goto out;
	}
	config_filter_add(cp, &cp->cfg->highlights, &cp->cfg->nhighlights,
	    NULL, f);
	cp->cfg->highlights[cp->cfg->nhighlights - 1].color = c;
	f = NULL;
out:
	filter_free(f);
	free(at);
	buf_release(&expr);
	config_words_clear(&w);
}

/* The tags after a query's quoted expression, words as a feed line's;
 * a title ("~"), "!" and settings ("<") are a feed's alone. Return 0,
 * or -1 with the mistake reported. */
static int
config_query_tags(struct config_parse *cp, const char *s, size_t len,
    struct config_tags *tags)
{
	struct config_words	 w = { NULL, 0 };
	size_t			 i;
	int			 rc = 0;

	if (config_split(cp, s, len, &w) != 0)
		return (-1);
	for (i = 0; i < w.n && rc == 0; i++) {
		if (w.v[i].s[0] == '\0') {
			config_error(cp, "empty tag");
			rc = -1;
		} else if (w.v[i].s[0] == '~' || w.v[i].s[0] == '!' ||
		    (w.v[i].bare && strcmp(w.v[i].s, "<") == 0)) {
			config_error(cp, "\"%s\" after a query's expression: "
			    "a query takes tags only (its name is its title)",
			    config_q(cp, w.v[i].s));
			rc = -1;
		} else {
			tags->v = xreallocarray(tags->v, tags->n + 1,
			    sizeof *tags->v);
			tags->v[tags->n++] = xstrdup(w.v[i].s);
		}
	}
	config_words_clear(&w);
	return (rc);
}

/* Run a line of config_filter_cmds[k], whose name ends at pos. */
static void
config_filter_line(struct config_parse *cp, size_t k, const char *line,
    size_t len, size_t pos)
{
	struct config		*cfg = cp->cfg;
	struct config_filter	*list;
	struct filter		*f;
	struct buf		 name = BUF_INIT, expr = BUF_INIT;
	struct config_tags	 tags = { NULL, 0 };
	size_t			*at = NULL, nlist, i, off, start, end;
	char			*cause;
	int			 quoted;

	if (k == 3) {
		config_highlight_line(cp, line, len, pos);
		return;
	}
	while (pos < len && (line[pos] == ' ' || line[pos] == '\t'))
		pos++;
	if (config_filter_cmds[k].named) {
		if (config_raw_word(line, len, &pos, &name, NULL) != 0) {
			config_error(cp, "unterminated quote");
			goto out;
		}
		while (pos < len && (line[pos] == ' ' || line[pos] == '\t'))
			pos++;
	}
	while (len > pos && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	if ((config_filter_cmds[k].named && name.len == 0) || pos == len) {
		config_error(cp, "usage: %s", config_filter_cmds[k].usage);
		goto out;
	}
	start = pos;
	end = pos;
	quoted = (line[pos] == '"' || line[pos] == '\'') &&
	    config_raw_word(line, len, &end, &expr, &at) == 0;
	if (quoted && end < len && k != 0) {
		config_error_at(cp, filter_column(line, end + 1), "words after "
		    "the quoted expression: only a query takes tags");
		goto out;
	}
	if (quoted) {
		/* One quoted word: newsboat's way, unquoted. A query's tags
		 * may follow it: no expression starts with a quote, so no
		 * line that held one expression reads otherwise. */
		if (end < len && config_query_tags(cp, line + end,
		    len - end, &tags) != 0)
			goto out;
	} else {
		free(at);
		at = NULL;
		buf_reset(&expr);
		buf_add(&expr, line + start, len - start);
	}
	if (filter_parse(expr.data, expr.len, &f, &off, &cause) != 0) {
		config_error_at(cp, filter_column(line, at != NULL ? at[off] :
		    start + off), "%s", cause);
		free(cause);
		goto out;
	}
	if (k == 1 && filter_stateful(f, &off)) {
		config_error_at(cp, filter_column(line, at != NULL ? at[off] :
		    start + off), "ignore judges what an item is, not its "
		    "state: age, unread, starred, flags, unread_count, "
		    "total_count and ~ cannot be used here");
		filter_free(f);
		goto out;
	}
	if (k == 1) {
		config_filter_add(cp, &cfg->ignores, &cfg->nignores, NULL, f);
		goto out;
	}
	list = k == 0 ? cfg->queries : cfg->presets;
	nlist = k == 0 ? cfg->nqueries : cfg->npresets;
	for (i = 0; i < nlist; i++) {
		if (strcmp(list[i].name, name.data) == 0) {
			config_error(cp, "%s \"%s\" is already defined at "
			    "%s:%u", config_filter_cmds[k].name,
			    config_q(cp, name.data), config_q(cp,
			    list[i].path), list[i].line);
			filter_free(f);
			goto out;
		}
	}
	if (k == 0 && cfg->nqueries >= CONFIG_MAX_QUERIES) {
		config_error(cp, "more than %d queries", CONFIG_MAX_QUERIES);
		filter_free(f);
		goto out;
	}
	if (k == 0) {
		config_filter_add(cp, &cfg->queries, &cfg->nqueries,
		    name.data, f);
		cfg->queries[cfg->nqueries - 1].tags = tags.v;
		cfg->queries[cfg->nqueries - 1].ntags = tags.n;
		tags.v = NULL;
		tags.n = 0;
	} else
		config_filter_add(cp, &cfg->presets, &cfg->npresets,
		    name.data, f);
out:
	for (i = 0; i < tags.n; i++)
		free(tags.v[i]);
	free(tags.v);
	free(at);
	buf_release(&name);
	buf_release(&expr);
}

/* Check, split and run one line. */
static void
config_parse_line(struct config_parse *cp, const char *line, size_t len)
{
	struct config_words	 w = { NULL, 0 };
	const char		*near;
	size_t			 i, pos, n;

	if (config_check_text(cp, line, len) != 0)
		return;
	for (pos = 0; pos < len && (line[pos] == ' ' || line[pos] == '\t');
	    pos++)
		;
	for (i = 0; i < nitems(config_filter_cmds); i++) {
		n = strlen(config_filter_cmds[i].name);
		if (len - pos >= n && strncmp(line + pos,
		    config_filter_cmds[i].name, n) == 0 && (pos + n == len ||
		    line[pos + n] == ' ' || line[pos + n] == '\t')) {
			config_filter_line(cp, i, line, len, pos + n);
			return;
		}
	}
	if (config_split(cp, line, len, &w) != 0 || w.n == 0) {
		config_words_clear(&w);
		return;
	}
	for (i = 0; i < nitems(commands); i++) {
		if (strcmp(w.v[0].s, commands[i].name) == 0) {
			commands[i].fn(cp, &commands[i], w.v, w.n);
			config_words_clear(&w);
			return;
		}
	}
	if (config_newsboat(cp, "command", w.v[0].s))
		;
	else if (strstr(w.v[0].s, "://") != NULL)
		config_error(cp, "unknown command \"%s\"; a feed is added with "
		    "\"feed URL\"", config_q(cp, w.v[0].s));
	else if ((near = util_nearest(w.v[0].s, commands, nitems(commands),
	    sizeof commands[0])) != NULL)
		config_error(cp, "unknown command \"%s\"; did you mean \"%s\"?",
		    config_q(cp, w.v[0].s), near);
	else
		config_error(cp, "unknown command \"%s\"",
		    config_q(cp, w.v[0].s));
	config_words_clear(&w);
}

/* Run every line of text; CRLF line ends and a UTF-8 BOM are accepted. */
static void
config_parse_text(struct config_parse *cp, const char *text, size_t len)
{
	const char	*end = text + len, *nl;
	size_t		 n;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3;
	for (cp->line = 1; text < end; cp->line++) {
		if ((nl = memchr(text, '\n', (size_t)(end - text))) == NULL)
			nl = end;
		n = (size_t)(nl - text);
		if (n > 0 && text[n - 1] == '\r')
			n--;
		config_parse_line(cp, text, n);
		text = nl + (nl < end);
	}
}

/* Set up the state of one load. */
static void
config_parse_init(struct config_parse *cp, struct config *cfg,
    struct causes *causes, const char *path)
{
	size_t	 i;

	memset(cp, 0, sizeof *cp);
	cp->cfg = cfg;
	cp->causes = causes;
	cp->path = path;
	for (i = 0; i < nitems(cp->quote); i++)
		buf_init(&cp->quote[i]);
	free(cfg->path);
	cfg->path = xstrdup(path);
}

/* Free the state of one load. */
static void
config_parse_release(struct config_parse *cp)
{
	size_t	 i;

	for (i = 0; i < nitems(cp->quote); i++)
		buf_release(&cp->quote[i]);
}

/* Load the dotfile at path and everything it includes. */
int
config_load(const char *path, struct config *cfg, struct causes *causes)
{
	struct config_parse	 cp;
	size_t			 before = causes->n;

	config_parse_init(&cp, cfg, causes, path);
	if (config_parse_file(&cp, path, 0) != 0)
		config_file_error(&cp, path, "%s", strerror(errno));
	config_parse_release(&cp);
	return (causes->n == before ? 0 : -1);
}

/* Load dotfile text from memory; name stands for its path. */
int
config_load_buffer(const char *text, size_t len, const char *name,
    struct config *cfg, struct causes *causes)
{
	struct config_parse	 cp;
	size_t			 before = causes->n;

	config_parse_init(&cp, cfg, causes, name);
	config_parse_text(&cp, text, len);
	config_parse_release(&cp);
	return (causes->n == before ? 0 : -1);
}

/* Bind the default keys through the parser, as if they were the first
 * lines of every dotfile. */
static void
config_bind_defaults(struct config *cfg)
{
	struct config_parse	 cp;
	struct causes		 causes = CAUSES_INIT;
	const char *const	*lines;
	size_t			 i, n;

	cfg->keys = keys_new();
	config_parse_init(&cp, cfg, &causes, "(default bindings)");
	lines = keys_defaults(&n);
	for (i = 0; i < n; i++) {
		cp.line = (unsigned)i + 1;
		config_parse_line(&cp, lines[i], strlen(lines[i]));
	}
	config_parse_release(&cp);
	if (causes.n > 0)
		fatalx("%s", causes.v[0]);
	free(cfg->path);
	cfg->path = NULL;
}

/* Run one line typed at the prompt. */
int
config_command(struct config *cfg, const char *line, char **cause)
{
	static const char *const allowed[] = { "set", "bind", "unbind",
	    "color", "highlight" };
	struct config_parse	 cp;
	struct causes		 causes = CAUSES_INIT;
	struct config_words	 w = { NULL, 0 };
	char			*path;
	size_t			 i;

	path = cfg->path != NULL ? xstrdup(cfg->path) : NULL;
	config_parse_init(&cp, cfg, &causes, "");
	cp.prompt = 1;
	cp.line = 1;
	if (config_check_text(&cp, line, strlen(line)) == 0 &&
	    config_split(&cp, line, strlen(line), &w) == 0 && w.n > 0) {
		for (i = 0; i < nitems(allowed); i++)
			if (strcmp(w.v[0].s, allowed[i]) == 0)
				break;
		if (i < nitems(allowed))
			config_parse_line(&cp, line, strlen(line));
		else
			config_error(&cp, "\"%s\" is not a command here; use "
			    "set, bind, unbind, color or highlight",
			    config_q(&cp,
			    w.v[0].s));
	}
	config_words_clear(&w);
	config_parse_release(&cp);
	free(cfg->path);
	cfg->path = path;
	if (causes.n == 0)
		return (0);
	*cause = xstrdup(causes.v[0]);
	causes_release(&causes);
	return (-1);
}

/* Append one word so that config_split() reads it back unchanged: quoted
 * when it holds a blank, a quote, a backslash or ';', starts a comment or
 * is "<". Control characters, which no line may hold, become spaces and
 * invalid UTF-8 becomes U+FFFD, so the result always loads. */
static void
config_add_word(struct buf *b, const char *s)
{
	const unsigned char	*p;
	size_t			 len, n;
	uint32_t		 c;
	int			 quote;

	quote = *s == '\0' || *s == '#' || strcmp(s, "<") == 0 ||
	    strpbrk(s, " \t\"'\\;") != NULL;
	for (p = (const unsigned char *)s; *p != '\0' && !quote; p++)
		quote = *p < 0x20 || *p == 0x7f;
	if (quote)
		buf_addch(b, '"');
	p = (const unsigned char *)s;
	len = strlen(s);
	while (len > 0) {
		if (*p == '"' || *p == '\\') {
			buf_addch(b, '\\');
			buf_addch(b, *p);
			n = 1;
		} else if (*p < 0x20 || *p == 0x7f) {
			buf_addch(b, ' ');
			n = 1;
		} else if (*p < 0x80) {
			buf_addch(b, *p);
			n = 1;
		} else if ((n = utf8_decode(p, len, &c)) == 0) {
			utf8_encode(b, 0xfffd);
			n = 1;
		} else
			buf_add(b, p, n);
		p += n;
		len -= n;
	}
	if (quote)
		buf_addch(b, '"');
}

/* Append a feed line that reads back to the same URL, tags and title. */
void
config_feed_line(struct buf *b, const char *url, const char *title,
    char *const *tags, size_t ntags)
{
	struct buf	 t = BUF_INIT;
	size_t		 i;

	buf_addstr(b, "feed ");
	config_add_word(b, url);
	for (i = 0; i < ntags; i++) {
		/* These would read back as a title, a hide mark or nothing. */
		if (tags[i][0] == '\0' || tags[i][0] == '~' ||
		    tags[i][0] == '!')
			continue;
		buf_addch(b, ' ');
		config_add_word(b, tags[i]);
	}
	if (title != NULL && *title != '\0') {
		buf_addf(&t, "~%s", title);
		buf_addch(b, ' ');
		config_add_word(b, t.data);
	}
	buf_addch(b, '\n');
	buf_release(&t);
}

/* The dotfile to read when none is given. */
char *
config_default_path(void)
{
	const char	*dir;
	char		*path, *home;

	if ((dir = getenv("XDG_CONFIG_HOME")) != NULL && *dir == '/') {
		xasprintf(&path, "%s/tidings/config", dir);
		return (path);
	}
	if ((home = util_home()) == NULL)
		return (NULL);
	xasprintf(&path, "%s/.config/tidings/config", home);
	free(home);
	return (path);
}

/* Split a line into words the way the dotfile splits them. */
int
config_words(const char *line, char ***argv, size_t *n, char **cause)
{
	struct config_parse	 cp;
	struct causes		 causes = CAUSES_INIT;
	struct config_words	 w = { NULL, 0 };
	size_t			 i;
	int			 rc = -1;

	*argv = NULL;
	*n = 0;
	memset(&cp, 0, sizeof cp);
	for (i = 0; i < nitems(cp.quote); i++)
		buf_init(&cp.quote[i]);
	cp.causes = &causes;
	cp.path = "";
	cp.prompt = 1;			/* messages without a path */
	if (config_check_text(&cp, line, strlen(line)) == 0 &&
	    config_split(&cp, line, strlen(line), &w) == 0) {
		*argv = xreallocarray(NULL, w.n + 1, sizeof **argv);
		for (i = 0; i < w.n; i++) {
			(*argv)[i] = w.v[i].s;
			w.v[i].s = NULL;
		}
		(*argv)[w.n] = NULL;
		*n = w.n;
		rc = 0;
	} else
		*cause = xstrdup(causes.v[0]);
	config_words_clear(&w);
	config_parse_release(&cp);
	causes_release(&causes);
	return (rc);
}

/* Free a vector from config_words(). */
void
config_words_free(char **argv)
{
	util_argv_free(argv);
}

/* Append one word, quoted when it needs to be. */
void
config_word(struct buf *b, const char *s)
{
	config_add_word(b, s);
}

/* Write all of len bytes; return 0 or an errno value. */
static int
config_write_all(int fd, const char *p, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1 && errno == EINTR)
			continue;
		if (n == -1)
			return (errno);
		if (n == 0)
			return (EIO);
		p += n;
		len -= (size_t)n;
	}
	return (0);
}

/* Check that text, lines for the dotfile, loads back on its own. */
int
config_check_lines(const char *text, size_t len, char **cause)
{
	struct config		 tmp;
	struct config_parse	 cp;
	struct causes		 causes = CAUSES_INIT;

	config_init(&tmp);
	config_parse_init(&cp, &tmp, &causes, "");
	cp.prompt = 1;			/* messages without a path */
	config_parse_text(&cp, text, len);
	config_parse_release(&cp);
	config_release(&tmp);
	if (causes.n == 0)
		return (0);
	*cause = xstrdup(causes.v[0]);
	causes_release(&causes);
	return (-1);
}

/* Append text to the dotfile at path, never rewriting what is there. */
int
config_append(const char *path, const struct buf *text, char **cause)
{
	struct buf	 q = BUF_INIT;
	struct stat	 st;
	char		 last = '\n', *why;
	int		 fd, error = 0;

	/* A line the parser rejects would stop every later start. */
	if (config_check_lines(text->data, text->len, &why) != 0) {
		text_printable(&q, path);
		xasprintf(cause, "%s: not written, the lines would not load: "
		    "%s", q.data, why);
		buf_release(&q);
		free(why);
		return (-1);
	}
	if (util_mkdirs_for(path, cause) != 0)
		return (-1);
	if ((fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC,
	    0600)) == -1)
		error = errno;
	else if (fstat(fd, &st) == -1)
		error = errno;
	else if (st.st_size > 0 && pread(fd, &last, 1, st.st_size - 1) != 1)
		error = errno != 0 ? errno : EIO;
	else {
		if (last != '\n')
			error = config_write_all(fd, "\n", 1);
		if (error == 0)
			error = config_write_all(fd, text->data, text->len);
		if (error == 0 && fsync(fd) == -1)
			error = errno;
		if (error != 0 && ftruncate(fd, st.st_size) == -1)
			log_debug("config: cannot cut %s back: %s", path,
			    strerror(errno));
	}
	if (fd != -1 && close(fd) == -1 && error == 0)
		error = errno;
	if (error == 0)
		return (0);
	text_printable(&q, path);
	xasprintf(cause, "%s: %s", q.data, strerror(error));
	buf_release(&q);
	return (-1);
}

/* Add one feed line to a running config. */
int
config_add_feed(struct config *cfg, const char *line, char **cause)
{
	struct config_parse	 cp;
	struct causes		 causes = CAUSES_INIT;
	struct config_words	 w = { NULL, 0 };
	char			*path;

	path = cfg->path != NULL ? xstrdup(cfg->path) : NULL;
	config_parse_init(&cp, cfg, &causes, "");
	cp.prompt = 1;
	cp.line = 1;
	if (config_check_text(&cp, line, strlen(line)) == 0 &&
	    config_split(&cp, line, strlen(line), &w) == 0) {
		if (w.n > 0 && strcmp(w.v[0].s, "feed") == 0)
			config_parse_line(&cp, line, strlen(line));
		else
			config_error(&cp, "not a feed line");
	}
	config_words_clear(&w);
	config_parse_release(&cp);
	free(cfg->path);
	cfg->path = path;
	if (causes.n == 0)
		return (0);
	*cause = xstrdup(causes.v[0]);
	causes_release(&causes);
	return (-1);
}
