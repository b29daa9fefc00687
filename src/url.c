/*
 * url.c: URLs as pages write them, resolved against the page's URL (or
 * its <base href>) by RFC 3986 section 5.2, which is what a browser does
 * for the http(s) URLs pages use, and cleaned the way the WHATWG URL
 * parser cleans them.
 */
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "url.h"

/* Split s into scheme, authority, path and query; drop the fragment. */
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
	}
}

/* Append path to out with "." and ".." segments removed. */
static void
url_add_path(struct buf *out, const char *path, size_t len)
{
	size_t	 base = out->len, i = 0, seg, k;

	while (i < len) {
		if (path[i] == '/') {
			i++;
			continue;
		}
		seg = i;
		while (i < len && path[i] != '/')
			i++;
		if (i - seg == 1 && path[seg] == '.') {
			if (i == len)
				buf_addch(out, '/');
			continue;
		}
		if (i - seg == 2 && path[seg] == '.' && path[seg + 1] == '.') {
			for (k = out->len; k > base && out->data[k - 1] != '/';
			    k--)
				;
			if (k > base)
				k--;
			buf_truncate(out, k);
			if (i == len)
				buf_addch(out, '/');
			continue;
		}
		buf_addch(out, '/');
		buf_add(out, path + seg, i - seg);
		if (i < len && i + 1 == len)
			buf_addch(out, '/');
	}
	if (out->len == base)
		buf_addch(out, '/');
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

/* Resolve ref against base into out (an absolute URL when base is). */
void
url_resolve(struct buf *out, const char *base, const char *ref)
{
	struct url_parts	 b, r;
	struct buf		 merged = BUF_INIT, clean = BUF_INIT;
	const char		*slash;
	size_t			 i, start = out->len;

	while (ascii_isspace((unsigned char)*ref))
		ref++;
	url_clean(&clean, ref);
	ref = clean.data;
	url_split(ref, &r);
	if (base == NULL || r.scheme != NULL) {
		buf_addstr(out, ref);
		goto trim;
	}
	url_split(base, &b);
	if (b.scheme == NULL) {
		buf_addstr(out, ref);
		goto trim;
	}
	buf_add(out, b.scheme, b.schemelen);
	buf_addch(out, ':');
	if (r.auth != NULL) {
		buf_addstr(out, r.auth);
		goto trim;
	}
	if (b.auth != NULL)
		buf_add(out, b.auth, b.authlen);
	if (r.pathlen == 0) {
		buf_add(out, b.path, b.pathlen);
		if (r.query != NULL)
			buf_addstr(out, r.query);
		else {
			if (b.query != NULL)
				buf_add(out, b.query, b.querylen);
			buf_addstr(out, r.path);	/* the fragment */
		}
		goto trim;
	}
	if (r.path[0] == '/')
		url_add_path(out, r.path, r.pathlen);
	else {
		slash = NULL;
		for (i = 0; i < b.pathlen; i++)
			if (b.path[i] == '/')
				slash = b.path + i;
		if (slash != NULL)
			buf_add(&merged, b.path, (size_t)(slash - b.path) + 1);
		else
			buf_addch(&merged, '/');
		buf_add(&merged, r.path, r.pathlen);
		url_add_path(out, merged.data, merged.len);
		buf_release(&merged);
	}
	buf_addstr(out, r.path + r.pathlen);
trim:
	/* URLs written across lines in the markup. */
	i = out->len;
	while (i > 0 && ascii_isspace((unsigned char)out->data[i - 1]))
		i--;
	buf_truncate(out, i);
	/* The base may hold what ref may not (a page's URL is given). */
	for (i = start; i < out->len; i++)
		if ((unsigned char)out->data[i] < 0x20 ||
		    out->data[i] == 0x7f || ((unsigned char)out->data[i] ==
		    0xc2 && i + 1 < out->len && (unsigned char)out->data[i + 1]
		    >= 0x80 && (unsigned char)out->data[i + 1] < 0xa0))
			break;
	if (i < out->len) {
		buf_reset(&clean);
		buf_add(&clean, out->data + start, out->len - start);
		buf_truncate(out, start);
		url_clean(out, clean.data);
	}
	buf_release(&clean);
}
