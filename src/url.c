/*
 * url.c: URLs as feeds and pages write them, resolved against the
 * document's URL (or its xml:base or <base href>) by RFC 3986 section
 * 5.2, which is what a browser does for the http(s) URLs they use, and
 * cleaned the way the WHATWG URL parser cleans them.
 */
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "url.h"

/* Split s into scheme, authority, path, query and fragment. */
void
url_split(const char *s, struct url_parts *u)
{
	const char	*p = s, *e;

	memset(u, 0, sizeof *u);
	for (e = s; ascii_isalnum((unsigned char)*e) || *e == '+' ||
	    *e == '-' || *e == '.'; e++)
		;
	if (*e == ':' && e > s && ((*s >= 'a' && *s <= 'z') ||
	    (*s >= 'A' && *s <= 'Z'))) {
		u->scheme = s;
		u->schemelen = (size_t)(e - s);
		p = e + 1;
	}
	if (p[0] == '/' && p[1] == '/') {
		u->auth = p;
		p += 2;
		p += strcspn(p, "/?#");
		u->authlen = (size_t)(p - u->auth);
	}
	u->path = p;
	u->pathlen = strcspn(p, "?#");
	p += u->pathlen;
	if (*p == '?') {
		u->query = p;
		u->querylen = strcspn(p, "#");
		p += u->querylen;
	}
	if (*p == '#') {
		u->frag = p;
		u->fraglen = strlen(p);
	}
}

/* Drop the last segment of the path written to out since start. */
static void
url_pop(struct buf *out, size_t start)
{
	size_t	 i = out->len;

	while (i > start && out->data[i - 1] != '/')
		i--;
	if (i > start)
		i--;
	buf_truncate(out, i);
}

/* Append path (n bytes) to out without its dot segments (5.2.4). */
static void
url_add_path(struct buf *out, const char *path, size_t n)
{
	const char	*p = path;
	size_t		 left = n, seg, start = out->len;

	while (left > 0) {
		if (left >= 3 && memcmp(p, "../", 3) == 0) {
			p += 3;
			left -= 3;
		} else if (left >= 2 && memcmp(p, "./", 2) == 0) {
			p += 2;
			left -= 2;
		} else if (left >= 3 && memcmp(p, "/./", 3) == 0) {
			p += 2;
			left -= 2;
		} else if (left == 2 && memcmp(p, "/.", 2) == 0) {
			/* The input becomes "/", the last segment. */
			buf_addch(out, '/');
			left = 0;
		} else if (left >= 4 && memcmp(p, "/../", 4) == 0) {
			p += 3;
			left -= 3;
			url_pop(out, start);
		} else if (left == 3 && memcmp(p, "/..", 3) == 0) {
			url_pop(out, start);
			buf_addch(out, '/');
			left = 0;
		} else if ((left == 1 && p[0] == '.') ||
		    (left == 2 && memcmp(p, "..", 2) == 0))
			left = 0;
		else {
			/* The first segment, with its leading '/'. */
			seg = p[0] == '/' ? 1 : 0;
			while (seg < left && p[seg] != '/')
				seg++;
			buf_add(out, p, seg);
			p += seg;
			left -= seg;
		}
	}
}

/* Append s to out as a URL parser reads it (WHATWG URL, "basic URL
 * parser"): without tabs and line breaks, which markup may put anywhere
 * in a long attribute, and with every other control character
 * percent-encoded, so that no URL shown or kept holds one. */
void
url_clean(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p == '\t' || *p == '\n' || *p == '\r')
			continue;
		if (*p < 0x20 || *p == 0x7f)
			buf_addf(out, "%%%02X", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] < 0xa0) {
			buf_addf(out, "%%C2%%%02X", p[1]);	/* C1 */
			p++;
		} else
			buf_addch(out, (char)*p);
	}
}

/* s cleaned into b without the white space around it; b's text. */
static const char *
url_trimmed(struct buf *b, const char *s)
{
	size_t	 n;

	while (ascii_isspace((unsigned char)*s))
		s++;
	url_clean(b, s);
	for (n = b->len; n > 0 && ascii_isspace((unsigned char)b->data[n - 1]);
	    n--)
		;
	buf_truncate(b, n);
	return (b->len > 0 ? b->data : "");
}

/* Resolve ref against base into out (an absolute URL when base is). */
int
url_resolve(struct buf *out, const char *base, const char *ref)
{
	struct buf		 rb = BUF_INIT, bb = BUF_INIT, m = BUF_INIT;
	struct url_parts	 b, r;
	const char		*slash;
	size_t			 i;
	int			 rc = 0;

	ref = url_trimmed(&rb, ref != NULL ? ref : "");
	url_split(ref, &r);
	if (r.scheme != NULL || base == NULL || *base == '\0') {
		buf_addstr(out, ref);
		rc = *ref != '\0' ? 0 : -1;
		goto done;
	}
	url_split(url_trimmed(&bb, base), &b);
	if (b.scheme != NULL) {
		buf_add(out, b.scheme, b.schemelen);
		buf_addch(out, ':');
	}
	if (r.auth != NULL) {
		buf_add(out, r.auth, r.authlen);
		url_add_path(out, r.path, r.pathlen);
		buf_add(out, r.query, r.querylen);
	} else {
		buf_add(out, b.auth, b.authlen);
		if (r.pathlen == 0) {
			buf_add(out, b.path, b.pathlen);
			if (r.query != NULL)
				buf_add(out, r.query, r.querylen);
			else
				buf_add(out, b.query, b.querylen);
		} else {
			if (r.path[0] == '/')
				url_add_path(out, r.path, r.pathlen);
			else {
				/* Merge (5.2.3), then remove dot segments. */
				if (b.auth != NULL && b.pathlen == 0)
					buf_addch(&m, '/');
				else {
					slash = NULL;
					for (i = 0; i < b.pathlen; i++)
						if (b.path[i] == '/')
							slash = b.path + i;
					if (slash != NULL)
						buf_add(&m, b.path,
						    (size_t)(slash - b.path) + 1);
				}
				buf_add(&m, r.path, r.pathlen);
				url_add_path(out, m.data, m.len);
			}
			buf_add(out, r.query, r.querylen);
		}
	}
	buf_add(out, r.frag, r.fraglen);
done:
	buf_release(&m);
	buf_release(&bb);
	buf_release(&rb);
	return (rc);
}

/* The last segment of url's path. (See url.h.) */
const char *
url_last_segment(const char *url, size_t *len)
{
	const char	*end, *seg;

	end = url + strcspn(url, "?#");
	for (seg = end; seg > url && seg[-1] != '/'; seg--)
		;
	*len = (size_t)(end - seg);
	return (seg);
}

/* Is the scheme of url s (lower case), ignoring case? */
int
url_scheme_is(const char *url, const char *s)
{
	struct url_parts	 u;

	url_split(url, &u);
	return (u.scheme != NULL && strlen(s) == u.schemelen &&
	    ascii_eq_lower(u.scheme, s, u.schemelen));
}

/* May reader mode link to url, or show it as an image? (See url.h.) */
int
url_safe(const char *url)
{
	static const char *const ok[] = { "http", "https", "ftp", "mailto" };
	struct url_parts	 u;
	size_t			 i;

	url_split(url, &u);
	if (u.scheme == NULL)
		return (1);
	for (i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (url_scheme_is(url, ok[i]))
			return (1);
	return (0);
}
