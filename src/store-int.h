/* store-int.h: newsboat's cache.db as the store module reads it
 * (store-nb.c); included by store*.c only. */
#ifndef TIDINGS_STORE_INT_H
#define TIDINGS_STORE_INT_H

#include "feed.h"

struct store_nb;			/* opaque; owns the handle of the file */

/* One feed of newsboat's, as a fetch would have brought it. */
struct store_nb_feed {
	struct feed	 f;		/* title, link and undeleted items */
	char		*etag;		/* may be NULL */
	char		 last_modified[64]; /* an HTTP date, or "" */
	unsigned char	*read;		/* one mark per entry of f */
	unsigned char	*starred;	/* likewise: newsboat's flags */
};

/* Open newsboat's cache.db at path read-only and immutable, so nothing is
 * written to it, and check it has newsboat's tables. On failure return NULL
 * and set *cause, which names the path. */
struct store_nb	*store_nb_open(const char *path, char **cause);
void		 store_nb_close(struct store_nb *);

/* Read the feed url and its undeleted items into *nf. Return 1 (release *nf
 * with store_nb_release()), 0 when the cache has no such feed, or -1 and
 * *cause; *nf holds nothing after 0 and -1. */
int		 store_nb_feed(struct store_nb *, const char *url,
		     struct store_nb_feed *nf, char **cause);
void		 store_nb_release(struct store_nb_feed *);

#endif /* TIDINGS_STORE_INT_H */
