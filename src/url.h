/* url.h: resolving and cleaning the URLs that pages write. */
#ifndef TIDINGS_URL_H
#define TIDINGS_URL_H

#include <stddef.h>

struct buf;

/* The parts of a URL, each pointing into the string split (not
 * NUL-terminated); a part that is not there is NULL with length 0. */
struct url_parts {
	const char	*scheme;	/* without ':' */
	size_t		 schemelen;
	const char	*auth;		/* "//host" included, or NULL */
	size_t		 authlen;
	const char	*path;		/* never NULL, may be empty */
	size_t		 pathlen;
	const char	*query;		/* '?' included, or NULL */
	size_t		 querylen;
};

/* Split the URL s into scheme, authority, path and query; a fragment is
 * left out. s is not checked, nor decoded. */
void	 url_split(const char *s, struct url_parts *u);

/*
 * Append s to out as the WHATWG URL parser reads it: without tabs and
 * line breaks, which markup may put anywhere in a long attribute, and
 * with every other C0 or C1 control character percent-encoded.
 */
void	 url_clean(struct buf *out, const char *s);

/*
 * Append ref resolved against base to out (RFC 3986, 5.2): absolute when
 * base is. base may be NULL or relative: ref is then appended as it is.
 * Leading and trailing whitespace of ref is dropped and the result is
 * cleaned as by url_clean(). When ref is resolved, the "." and ".."
 * segments of the path are removed.
 */
void	 url_resolve(struct buf *out, const char *base, const char *ref);

#endif /* TIDINGS_URL_H */
