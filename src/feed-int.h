/* feed-int.h: what feed.c and feed-clean.c share; the feed module only. */
#ifndef TIDINGS_FEED_INT_H
#define TIDINGS_FEED_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define FEED_MARK		"\xf4\x8f\xbf\xbd"	/* U+10FFFD */
#define FEED_MARK_LEN		4
#define FEED_MARK_END		';'	/* after the placeholder's number */

/* What one entry keeps at most, whatever the format (feed.c, feed-json.c). */
#define FEED_MAX_CATEGORIES	256
#define FEED_MAX_ENCLOSURES	64
#define FEED_MAX_AUTHORS	1024	/* bytes of names joined */

/* The namespaces the reader knows, and the prefix each is written with. */
enum feed_ns {
	NS_NONE,		/* no namespace, RSS or Atom: no prefix */
	NS_RDF,
	NS_CONTENT,
	NS_DC,
	NS_DCTERMS,
	NS_MEDIA,
	NS_ITUNES,
	NS_XHTML,
	NS_XML,
	NS_OTHER		/* any other namespace */
};

/*
 * The text runs that cleaning keeps out of the document, in document order:
 * span i is the run that the placeholder FEED_MARK "i" FEED_MARK_END stands
 * for. Each run is held as mxml would have handed it over: references
 * decoded, U+FEFF dropped. A placeholder may have text or another
 * placeholder right beside it (where a part too deep was dropped), and
 * no text in the document holds FEED_MARK.
 */
struct feed_span {
	size_t		 off, len;	/* in data */
};

struct feed_texts {
	struct buf	 data;
	struct feed_span *spans;
	size_t		 n, cap;
};

/*
 * Clean n bytes of UTF-8 at s into o, a well-formed document mxml can
 * read, and texts, the long text runs its placeholders stand for. Set
 * *truncated if the input ended inside an element. Return 0, or -1 with
 * *cause when it is no feed. (feed-clean.c)
 */
int		 feed_clean(const char *s, size_t n, struct buf *o,
		     struct feed_texts *texts, int *truncated, char **cause);

/* Remove ASCII white space from both ends of b. (feed.c) */
void		 feed_trim(struct buf *b);
/* Fold every run of white space in b into one space, and trim it. */
void		 feed_collapse(struct buf *b);
/* Is url no place on the web (NULL, empty or a file:), so that a feed's
 * links resolve against the feed's own link instead? */
int		 feed_url_local(const char *url);
/* Resolve a link found in a feed against base, as a new string; NULL if
 * it is empty or would run code when followed. */
char		*feed_link(const char *base, const char *ref);
/* Append HTML s (len bytes) to out with the URLs of its attributes
 * resolved against base. */
void		 feed_html_urls(struct buf *out, const char *s, size_t len,
		     const char *base);

/* Does s (len bytes) start with '{' or '[', after a byte order mark and
 * white space, as a JSON document does and no XML one? (feed-json.c) */
int		 feed_is_json(const char *s, size_t len);
/*
 * Parse a JSON Feed of len bytes fetched from url (may be NULL), in
 * charset (the HTTP one, or NULL). With sure set (the server said it is
 * one) a document without a JSON Feed version is read too. Fill *f and
 * return 0, or return -1 with *cause.
 */
int		 feed_parse_jsonfeed(const char *data, size_t len,
		     const char *url, const char *charset, int sure,
		     struct feed *f, char **cause);

/* Repair the text of f that a publisher encoded as UTF-8 twice. (feed.c) */
struct feed;
struct feed_entry;
void		 feed_repair(struct feed *f);
/* Add category s (plain text with its white space folded) to e, unless
 * it is empty, e has it already or has FEED_MAX_CATEGORIES. (feed.c) */
void		 feed_category(struct feed_entry *e, const char *s);
/* Set f's image to url (taken) if it is better than the one there: rank
 * 0 is the best; *rank holds the rank of the one there. (feed.c) */
void		 feed_image(struct feed *f, int *rank, int newrank, char *url);

/* Character classes and names, as XML and HTML define them (feed.c). */
int		 feed_isspace(int c);
int		 feed_isalpha(int c);
int		 feed_isalnum(int c);
/* Is name (len bytes) in a table of lower-case words? */
int		 feed_inlist(const char *name, size_t len,
		     const char *const *list, size_t n);
/* Is name (len bytes, no prefix) an HTML element that is never closed? */
int		 feed_is_void(const char *name, size_t len);
/* The local part of a qualified name: what follows its first colon. */
const char	*feed_local(const char *name, size_t len, size_t *llen);

#endif /* TIDINGS_FEED_INT_H */
