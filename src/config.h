/* config.h: the dotfile -> struct config (feeds, settings).
 *
 * Errors are collected, never printed: every mistake becomes one
 * "path:LINE: message" entry in a struct causes, and a config with any
 * error must not be used. */
#ifndef TIDINGS_CONFIG_H
#define TIDINGS_CONFIG_H

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
	SET__COUNT
};

enum setting_type {
	SET_NUMBER,		/* a whole number */
	SET_SECONDS,		/* a duration: 90, 90s, 30m, 2h, 1d, 1w */
	SET_BYTES,		/* a size: 512, 64K, 16M, 1G (powers of 1024) */
	SET_BOOL,		/* yes/no, true/false, on/off, 1/0 */
	SET_STRING		/* any text */
};

#define SET_SCOPE_GLOBAL	0x1	/* may be set with "set" */
#define SET_SCOPE_FEED		0x2	/* may be set per feed after "<" */

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
	char		*url;
	char		*title;		/* "~title" from the feed line, or NULL */
	char		**tags;
	size_t		 ntags;
	int		 hidden;	/* "!" on the feed line */
	char		*path;		/* file that listed it (for messages) */
	unsigned	 line;		/* line that listed it */
	uint64_t	 overridden;	/* bit (1 << id) set: values[id] applies */
	struct setting_value values[SET__COUNT];
};

struct config {
	char		*path;		/* as opened, or the buffer's name */
	struct config_feed *feeds;
	size_t		 nfeeds;
	struct setting_value values[SET__COUNT];
};

/* The settings table, in documentation order. */
const struct setting	*config_settings(size_t *n);
const struct setting	*config_setting_find(const char *name);

/* Set cfg to the defaults. */
void	 config_init(struct config *);
void	 config_free(struct config *);

/*
 * Read the dotfile at path (and its includes) into cfg, which must have
 * been initialised with config_init(). Every mistake is appended to causes
 * as "path:LINE: message". Return 0 when the file is free of mistakes,
 * -1 otherwise (including when the file cannot be read: "path: reason").
 * cfg->path is set to path either way, and cfg must be freed with
 * config_free() either way; a config with mistakes must not be used.
 */
int	 config_load(const char *path, struct config *, struct causes *);
/* The same for text in memory; name stands for the path in messages.
 * include lines are resolved relative to the current directory. */
int	 config_load_buffer(const char *text, size_t len, const char *name,
	     struct config *, struct causes *);

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

/* Check that url can be a feed: http://, https:// or file://. Return 0,
 * or -1 and set *cause (newsboat's query:, exec: and filter: forms are
 * named as unsupported). */
int	 config_check_url(const char *url, char **cause);

/* Append one "feed URL [TAG...] ["~TITLE"]" line, quoted so that it reads
 * back to the same words, ending in a newline. Tags that could not read
 * back as tags (empty, or starting with "~" or "!") are left out; control
 * characters, which no line may hold, become spaces and invalid UTF-8
 * becomes U+FFFD, so the line always loads. */
void	 config_feed_line(struct buf *, const char *url, const char *title,
	     char *const *tags, size_t ntags);

/* The default dotfile path ($XDG_CONFIG_HOME/tidings/config, else
 * ~/.config/tidings/config). Caller frees. */
char	*config_default_path(void);

#endif /* TIDINGS_CONFIG_H */
