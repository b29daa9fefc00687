/* newsboat.h: moving in from newsboat: its urls and config files turned
 * into dotfile lines, and what did not map said in words.
 *
 * Nothing here reads or writes a file: the caller hands in the text and
 * appends the result (config_append()); newsboat's cache.db is the
 * store's to read (store_import_newsboat()). */
#ifndef TIDINGS_NEWSBOAT_H
#define TIDINGS_NEWSBOAT_H

#include <stddef.h>

#include "buf.h"
#include "util.h"

struct config;

/* An episode of podboat's queue. */
struct newsboat_episode {
	char		*url;		/* the enclosure's */
	char		*path;		/* its file, absolute */
	int		 done;		/* podboat says the file is whole */
};

/* A config line kept for later: urls-source, ttrss-url ... */
struct newsboat_kv {
	char		*key;
	char		*value;		/* NULL: not one value */
	char		*text;		/* the line, a password's hidden */
	unsigned	 line;
};

struct newsboat {
	struct buf	 settings;	/* set/bind/unbind/color lines */
	struct buf	 feeds;		/* feed lines for URLs not listed */
	char		**urls;		/* every feed URL of the urls file,
					   listed before or not: the feeds
					   whose state the cache may hold */
	size_t		 nurls;
	int		 nfeeds;	/* lines in feeds */
	int		 nsettings;	/* lines in settings */
	int		 listed;	/* feeds the dotfile had already */
	struct causes	 unmapped;	/* "NAME:LINE: text: why", one each */
	struct newsboat_episode *episodes;	/* podboat's queue */
	size_t		 nepisodes;

	/* While the config file is read: what maps only together. */
	int		 unread_only;	/* "set unread-only yes" written */
	int		 auto_reload;	/* auto-reload: -1 unset, 0 no, 1 yes */
	char		*reload_time;	/* reload-time's minutes, or NULL */
	unsigned	 reload_line, auto_line;
	char		*reload_text, *auto_text;	/* their lines */
	struct newsboat_kv *server;	/* urls-source and the options of
					   the servers it may name */
	size_t		 nserver;
};

/* Set nb up empty; release frees what it holds (nb is the caller's). */
void	 newsboat_init(struct newsboat *);
void	 newsboat_release(struct newsboat *);

/*
 * Read newsboat's urls file (text of len bytes; name stands for its path
 * in messages). Each feed line becomes a "feed" line with the same tags,
 * "~title" and "!", unless cfg lists its URL already; a query feed
 * becomes a "query" line in settings with its tags (a "~title" or "!"
 * of it is reported); exec: and filter: feeds, which tidings does not
 * run, go to unmapped.
 */
void	 newsboat_urls(struct newsboat *, const char *text, size_t len,
	     const char *name, const struct config *cfg);

/*
 * Read newsboat's config file. Options with an equivalent become "set"
 * lines (auto-reload with reload-time, max-items, browser, player,
 * download-path, podcast-auto-enqueue,
 * user-agent,
 * download-timeout, reload-threads, keep-articles-days, datetime-format,
 * text-width, download-full-page, show-read-feeds and show-read-articles
 * as one line, notify-program), ignore-article becomes ignore and
 * define-filter stays itself (each checked as the dotfile would read
 * it), bind-key and unbind-key become
 * bind and unbind where the operation and the dialog map, and color
 * becomes color where the element maps. Each line made is checked as the
 * reader's prompt would run it; every line that did not map goes to
 * unmapped with the reason.
 */
void	 newsboat_config(struct newsboat *, const char *text, size_t len,
	     const char *name);

/*
 * Read podboat's queue file (text of len bytes; name stands for its path
 * in messages): one episode a line, its URL, its file's path in quotes
 * and, for a file that is whole, "downloaded", "played" or "finished".
 * Each goes to nb->episodes; a line that does not read goes to unmapped.
 */
void	 newsboat_queue(struct newsboat *, const char *text, size_t len,
	     const char *name);
/*
 * What newsboat's word (a config option or command, or an operation that
 * bind-key takes) is called here, for the messages of config mistakes
 * ("newsboat's reload-time is refresh-interval here"): the name, with
 * *what set to "setting", "command" or "action" and *note to a remark
 * or "", or NULL when the word is not newsboat's or has no equivalent.
 */
const char	*newsboat_here(const char *word, const char **what,
		     const char **note);

#endif /* TIDINGS_NEWSBOAT_H */
