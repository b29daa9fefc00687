/* opml.h: subscription lists in OPML, read into the dotfile and written
 * out of it.
 *
 * Import never rewrites the dotfile: feed lines for new URLs are appended
 * to it, and every byte already there stays as it was. */
#ifndef TIDINGS_OPML_H
#define TIDINGS_OPML_H

#include <stddef.h>

struct buf;
struct causes;
struct config;

struct opml_feed {			/* one outline with an xmlUrl */
	char		*url;		/* owned, never NULL or empty */
	char		*title;		/* owned; NULL when the outline has
					   none, or only its URL */
	char		**tags;		/* owned: enclosing folders, outermost
					   first, then its categories */
	size_t		 ntags;
};

/*
 * Parse OPML 1.0 or 2.0 (UTF-8, UTF-16 with a BOM, or ISO-8859-1 when the
 * XML declaration says so). Bad bytes become U+FFFD, a DOCTYPE is ignored
 * and a bare "&" is read as itself, so the files other readers write
 * carelessly still import. Titles and tags come back with runs of
 * whitespace folded into one space; a tag never starts with "~" or "!",
 * which would mean something else on a feed line. Return 0 and the feeds
 * in document order (the caller frees them with opml_feeds_free()), or -1
 * and set *cause.
 */
int	 opml_parse(const char *data, size_t len, struct opml_feed **feeds,
	     size_t *nfeeds, char **cause);
void	 opml_feeds_free(struct opml_feed *, size_t);

/*
 * Append to the dotfile at path one feed line (see config_feed_line()) for
 * each feed of the OPML data whose URL cfg does not list yet (compared
 * exactly). A feed whose URL cannot come into the dotfile from a file
 * like this (config_check_import_url(): not a URL, or file://) or whose
 * line would not load back (config_check_lines()) is skipped: one
 * "URL: why" each is added to skipped, the URL made printable. A
 * newline is added first when the file does not end in one. The file and
 * its directory are created when missing. The bytes are appended with
 * O_APPEND, so a symlinked dotfile stays a symlink and the existing text
 * is never rewritten; a failed write is cut back off. Return 0 and set
 * *added (0 leaves the file untouched), or -1 and set *cause.
 */
int	 opml_import(const char *path, const char *data, size_t len,
	     const struct config *cfg, int *added, struct causes *skipped,
	     char **cause);

/*
 * Append cfg's feeds as an OPML 2.0 document. Each feed goes into a folder
 * named after its first tag (feeds without tags come first, at the top),
 * since folders are what other readers import; a feed with more tags also
 * gets a category attribute ("/news,/tech") that opml_parse() reads back.
 * known, when not NULL, holds for each feed of cfg (same index) what the
 * database knows of it, each string NULL when unknown: a feed without a
 * ~title is named by its own title rather than its URL, and its site
 * goes into htmlUrl.
 */
struct opml_known {
	const char	*title;		/* the feed's own title */
	const char	*site;		/* the site it belongs to */
};
void	 opml_export(const struct config *cfg, const struct opml_known *known,
	     struct buf *out);

#endif /* TIDINGS_OPML_H */
