/* subscribe.h: subscribing, for "tidings add" and the reader's ":add"
 * alike: find the feed at a URL and append its line to the dotfile. */
#ifndef TIDINGS_SUBSCRIBE_H
#define TIDINGS_SUBSCRIBE_H

#include <stdatomic.h>
#include <stddef.h>

struct config;
struct poll_found;

struct subscribe {
	struct poll_found *found;	/* what the URL names, in page order */
	size_t		 nfound;
	size_t		 pick;		/* the feed added (or listed already) */
	char		*line;		/* the line appended, without its
					   newline, or NULL */
};

#define SUBSCRIBE_ADDED		0
#define SUBSCRIBE_LISTED	1	/* found, but cfg lists it already */

/*
 * Subscribe to the feed at url, which the user gave (http, https, or a
 * file:// URL of a regular file), with tags: fetch it (poll_discover(),
 * blocking until the page arrives or *stop, stop may be NULL); pick the
 * want-th feed it names (1: the first; 0 is 1 too, so that adding a
 * page twice adds nothing rather than its second feed); write its line (config_feed_line()) and append it
 * to cfg->path, unless cfg lists it already. config_append() checks
 * that the line loads back first, so a dotfile is never left that the
 * next start refuses.
 *
 * Return SUBSCRIBE_ADDED with sub->line set, SUBSCRIBE_LISTED (nothing
 * written; sub->pick is the listed feed), or -1 and set *cause (one line
 * that may quote the network: pass it through the terminal gate; nothing
 * written). Release sub with subscribe_release() in every case.
 */
int	 subscribe_add(const struct config *, const char *url,
	     char *const *tags, size_t ntags, long want,
	     const atomic_int *stop, struct subscribe *sub,
	     char **cause);
void	 subscribe_release(struct subscribe *);

/*
 * The sync line that word names, for "--account": its number (1: the
 * dotfile's first sync line), or its type ("ttrss", "greader") or URL
 * as written when one line alone has it. NULL and *cause (one line)
 * when there is none, or several.
 */
struct config_sync;
const struct config_sync *subscribe_account(const struct config *,
	     const char *word, char **cause);

/* Whether cfg lists url (compared exactly, as the dotfile's parser
 * does). */
int	 subscribe_listed(const struct config *, const char *url);

#endif /* TIDINGS_SUBSCRIBE_H */
