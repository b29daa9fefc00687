/* url.h: resolving and cleaning the URLs that feeds and pages write. */
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
	const char	*frag;		/* '#' included, or NULL */
	size_t		 fraglen;
};

/* Split the URL s into scheme, authority, path, query and fragment. s is
 * not checked, nor decoded. */
void	 url_split(const char *s, struct url_parts *u);

/*
 * Append s to out as the WHATWG URL parser reads it: without tabs and
 * line breaks, which markup may put anywhere in a long attribute, and
 * with every other C0 or C1 control character percent-encoded.
 */
void	 url_clean(struct buf *out, const char *s);

/*
 * Append ref resolved against base to out (RFC 3986, 5.2): absolute when
 * base is. A relative base (an xml:base inside a feed that came without
 * a URL) is resolved against all the same, giving a relative URL. base
 * and ref may be NULL; an absolute ref, or any ref when base is NULL or
 * empty, is appended as it is. The white space around ref and base is
 * dropped and both are cleaned as by url_clean() first. When ref is
 * resolved, the "." and ".." segments of its path are removed. Return 0,
 * or -1 with nothing appended when ref is empty and there is no base.
 */
int	 url_resolve(struct buf *out, const char *base, const char *ref);

/* The last segment of url's path, the text after its last '/' before
 * any query or fragment (the whole of url up to them when there is no
 * '/'), not NUL-terminated: its length goes to *len, 0 when url ends
 * with '/'. url is not split first, so a bare host is its own segment. */
const char *url_last_segment(const char *url, size_t *len);

/* Is the scheme of url s (a lower-case scheme name), ignoring case? */
int	 url_scheme_is(const char *url, const char *s);

/*
 * May reader mode link to url, or show it as an image? url is what
 * url_resolve() made of what the page wrote: the scheme is looked at
 * after resolution (a <base href> gives its scheme to every relative
 * link) and after the tabs and line breaks a browser drops are gone
 * ("java&#x09;script:"). Only http, https, ftp and mailto are safe, and a
 * URL still relative when no base was known. Return 1 or 0.
 */
int	 url_safe(const char *url);

#endif /* TIDINGS_URL_H */
