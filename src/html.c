/*
 * html.c: a tokenizer over the raw bytes of an HTML page, for what must
 * be known before (or instead of) a real parse: enough of the WHATWG
 * rules to find tags, their attributes, the end of raw-text elements and
 * the charset a page declares, and a pass that drops the elements nobody
 * reads. Nothing is built: every result points into the bytes given.
 */
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "html.h"
#include "util.h"

/* Parse the tag starting at s[at] == '<'. Return 0 if it is not a tag. */
int
html_tag_scan(const char *s, size_t len, size_t at, struct html_tag *t)
{
	size_t	 i = at + 1;
	char	 q;

	memset(t, 0, sizeof *t);
	if (i < len && s[i] == '/') {
		t->closing = 1;
		i++;
	}
	if (i >= len || !((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')))
		return (0);
	t->name = s + i;
	while (i < len && !ascii_isspace((unsigned char)s[i]) && s[i] != '/' &&
	    s[i] != '>')
		i++;
	t->namelen = (size_t)(s + i - t->name);
	t->attrs = s + i;
	while (i < len && s[i] != '>') {
		if (s[i] == '=') {
			/* A value: quoted values may hold '>'. */
			i++;
			while (i < len && ascii_isspace((unsigned char)s[i]))
				i++;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				q = s[i++];
				while (i < len && s[i] != q)
					i++;
				if (i < len)
					i++;
			}
			continue;
		}
		i++;
	}
	t->attrslen = (size_t)(s + i - t->attrs);
	if (t->attrslen > 0 && t->attrs[t->attrslen - 1] == '/')
		t->selfclosing = 1;
	t->end = i < len ? i + 1 : len;
	return (1);
}

/* Is the tag named w (lower case)? */
int
html_tag_is(const struct html_tag *t, const char *w)
{
	return (t->namelen == strlen(w) &&
	    ascii_eq_lower(t->name, w, t->namelen));
}

/* Find attribute name (lower case) in a tag's raw attributes. */
int
html_tag_attr(const struct html_tag *t, const char *name, const char **val,
    size_t *vlen)
{
	const char	*s = t->attrs, *n, *v;
	size_t		 len = t->attrslen, i = 0, nl, vl;
	char		 q;

	while (i < len) {
		while (i < len && (ascii_isspace((unsigned char)s[i]) ||
		    s[i] == '/'))
			i++;
		if (i >= len)
			break;
		n = s + i;
		while (i < len && !ascii_isspace((unsigned char)s[i]) &&
		    s[i] != '/' && s[i] != '=')
			i++;
		nl = (size_t)(s + i - n);
		while (i < len && ascii_isspace((unsigned char)s[i]))
			i++;
		v = "";
		vl = 0;
		if (i < len && s[i] == '=') {
			i++;
			while (i < len && ascii_isspace((unsigned char)s[i]))
				i++;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				q = s[i++];
				v = s + i;
				while (i < len && s[i] != q)
					i++;
				vl = (size_t)(s + i - v);
				if (i < len)
					i++;
			} else {
				v = s + i;
				while (i < len &&
				    !ascii_isspace((unsigned char)s[i]))
					i++;
				vl = (size_t)(s + i - v);
			}
		}
		if (nl == strlen(name) && ascii_eq_lower(n, name, nl)) {
			*val = v;
			*vlen = vl;
			return (1);
		}
	}
	return (0);
}

/* Offset of the end tag </name> at or after from, or len if there is none.
 * *after is set past its '>'. */
size_t
html_end_tag(const char *s, size_t len, size_t from, const char *name,
    size_t *after)
{
	size_t		 n = strlen(name), i = from;
	const char	*p;
	struct html_tag	 t;

	while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 + n <= len && s[i + 1] == '/' &&
		    ascii_eq_lower(s + i + 2, name, n) && (i + 2 + n == len ||
		    ascii_isspace((unsigned char)s[i + 2 + n]) ||
		    s[i + 2 + n] == '>' || s[i + 2 + n] == '/')) {
			html_tag_scan(s, len, i, &t);
			*after = t.end;
			return (i);
		}
		i++;
	}
	*after = len;
	return (len);
}

/* Offset just past the end of the comment starting at s[at] ("<!--"). */
size_t
html_skip_comment(const char *s, size_t len, size_t at)
{
	size_t		 i = at + 4;
	const char	*p;

	if (i < len && s[i] == '>')		/* "<!-->" */
		return (i + 1);
	if (i + 1 < len && s[i] == '-' && s[i + 1] == '>')
		return (i + 2);
	while (i + 2 < len && (p = memchr(s + i, '-', len - i - 2)) != NULL) {
		i = (size_t)(p - s);
		if (s[i + 1] == '-' && s[i + 2] == '>')
			return (i + 3);
		i++;
	}
	return (len);
}

/*
 * Find the charset a page declares in a <meta> of its head (charset=, or
 * http-equiv content-type). Return a lower-case label or NULL.
 */
char *
html_meta_charset(const char *s, size_t len)
{
	struct html_tag	 t;
	const char	*v, *p;
	size_t		 vl, i = 0, n;
	char		*label;

	if (len > 64 * 1024)
		len = 64 * 1024;
	while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
			i = html_skip_comment(s, len, i);
			continue;
		}
		if (!html_tag_scan(s, len, i, &t)) {
			i++;
			continue;
		}
		i = t.end;
		if (html_tag_is(&t, "body"))
			break;
		if (t.closing || !html_tag_is(&t, "meta"))
			continue;
		if (!html_tag_attr(&t, "charset", &v, &vl)) {
			if (!html_tag_attr(&t, "content", &v, &vl) ||
			    (p = ascii_find_nocase(v, vl, "charset")) == NULL)
				continue;
			vl -= (size_t)(p - v) + 7;
			v = p + 7;
			while (vl > 0 && (ascii_isspace((unsigned char)*v) ||
			    *v == '=' || *v == '"' || *v == '\'')) {
				v++;
				vl--;
			}
		}
		/* The raw bytes may hold a NUL, which would end the label
		 * early in xstrndup() below and leave it shorter than n. */
		for (n = 0; n < vl && n < 40 &&
		    !ascii_isspace((unsigned char)v[n]) && v[n] != ';' &&
		    v[n] != '"' && v[n] != '\'' && v[n] != '\0'; n++)
			;
		if (n == 0)
			continue;
		label = xstrndup(v, n);
		for (vl = 0; vl < n; vl++)
			label[vl] = (char)ascii_lower((unsigned char)label[vl]);
		/* A page that says UTF-16 in ASCII bytes is not UTF-16. */
		if (strncmp(label, "utf-16", 6) == 0) {
			free(label);
			label = xstrdup("utf-8");
		}
		return (label);
	}
	return (NULL);
}

/* What the input stage does with an element. */
enum strip_kind {
	STRIP_OTHER,
	STRIP_DROP,		/* never read: dropped with its content */
	STRIP_FOREIGN,		/* svg, math: dropped, and they nest */
	STRIP_RAW,		/* text that is not markup: skipped unread */
	STRIP_FLAT,		/* no content, or an end tag that may be left
				   out: not counted in the nesting depth */
	STRIP_FORMAT		/* formatting, counted apart: pages leave them
				   open, and dropping one loses only a style */
};

static const struct strip_tag {
	const char	*name;
	enum strip_kind	 kind;
} strip_tags[] = {		/* sorted by name */
	{ "a", STRIP_FORMAT }, { "area", STRIP_FLAT }, { "b", STRIP_FORMAT },
	{ "base", STRIP_FLAT }, { "big", STRIP_FORMAT },
	{ "body", STRIP_FLAT }, { "br", STRIP_FLAT },
	{ "caption", STRIP_FLAT }, { "code", STRIP_FORMAT },
	{ "col", STRIP_FLAT }, { "colgroup", STRIP_FLAT },
	{ "dd", STRIP_FLAT }, { "dt", STRIP_FLAT }, { "em", STRIP_FORMAT },
	{ "embed", STRIP_FLAT }, { "font", STRIP_FORMAT },
	{ "head", STRIP_FLAT }, { "hr", STRIP_FLAT }, { "html", STRIP_FLAT },
	{ "i", STRIP_FORMAT }, { "iframe", STRIP_RAW }, { "img", STRIP_FLAT },
	{ "input", STRIP_FLAT }, { "li", STRIP_FLAT }, { "link", STRIP_FLAT },
	{ "math", STRIP_FOREIGN }, { "meta", STRIP_FLAT },
	{ "nobr", STRIP_FORMAT }, { "noembed", STRIP_RAW },
	{ "noframes", STRIP_RAW }, { "noscript", STRIP_DROP },
	{ "optgroup", STRIP_FLAT }, { "option", STRIP_FLAT },
	{ "p", STRIP_FLAT }, { "param", STRIP_FLAT }, { "rb", STRIP_FLAT },
	{ "rp", STRIP_FLAT }, { "rt", STRIP_FLAT }, { "s", STRIP_FORMAT },
	{ "script", STRIP_DROP }, { "small", STRIP_FORMAT },
	{ "source", STRIP_FLAT }, { "strike", STRIP_FORMAT },
	{ "strong", STRIP_FORMAT }, { "style", STRIP_DROP },
	{ "svg", STRIP_FOREIGN }, { "tbody", STRIP_FLAT },
	{ "td", STRIP_FLAT }, { "template", STRIP_DROP },
	{ "textarea", STRIP_RAW }, { "tfoot", STRIP_FLAT },
	{ "th", STRIP_FLAT }, { "thead", STRIP_FLAT },
	{ "title", STRIP_RAW }, { "tr", STRIP_FLAT }, { "track", STRIP_FLAT },
	{ "tt", STRIP_FORMAT }, { "u", STRIP_FORMAT }, { "wbr", STRIP_FLAT },
	{ "xmp", STRIP_RAW },
};

/* bsearch() order of strip_tags. */
static int
strip_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct strip_tag *)row)->name));
}

/* Classify a tag; its lower-case name is left in name (size 16). */
static enum strip_kind
strip_kind(const struct html_tag *t, char *name)
{
	const struct strip_tag	*row;
	size_t			 i;

	if (t->namelen >= 16)
		return (STRIP_OTHER);
	for (i = 0; i < t->namelen; i++)
		name[i] = (char)ascii_lower((unsigned char)t->name[i]);
	name[i] = '\0';
	row = bsearch(name, strip_tags, nitems(strip_tags),
	    sizeof strip_tags[0], strip_cmp);
	return (row != NULL ? row->kind : STRIP_OTHER);
}

#define STRIP_DEPTH	512

/* The characters of text, not markup or white space, in s. */
static size_t
strip_text_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;
	int	 in = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '<')
			in = 1;
		else if (s[i] == '>')
			in = 0;
		else if (!in && !ascii_isspace((unsigned char)s[i]))
			n++;
	}
	return (n);
}

/*
 * Copy the UTF-8 page to out without the elements that are never read
 * (script, style, noscript, svg, math, template), and append the text of
 * every JSON-LD script to ld as a NUL-terminated string.
 *
 * Start tags nested deeper than STRIP_DEPTH are dropped too: gumbo's
 * time grows with the square of the nesting depth, and a page of nothing
 * but "<div>" would keep it busy for minutes. Their text stays.
 */
void
html_strip(const char *s, size_t len, struct buf *out, struct buf *ld)
{
	struct html_tag	 t, u;
	enum strip_kind	 kind;
	const char	*p, *v;
	char		 name[16], inner[16];
	size_t		 i = 0, from = 0, end, after, vl, j;
	int		 depth, open[2] = { 0, 0 }, *o;

	while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 4 <= len && memcmp(s + i, "<!--", 4) == 0) {
			i = html_skip_comment(s, len, i);
			continue;
		}
		if (!html_tag_scan(s, len, i, &t)) {
			i++;
			continue;
		}
		kind = strip_kind(&t, name);
		o = &open[kind == STRIP_FORMAT];
		if (t.closing) {
			if (kind != STRIP_FLAT && *o > 0)
				(*o)--;
			i = t.end;
			continue;
		}
		switch (kind) {
		case STRIP_DROP:
			end = html_end_tag(s, len, t.end, name, &after);
			if (strcmp(name, "noscript") == 0 &&
			    strip_text_chars(s + t.end, end - t.end) >= 500) {
				/* What a page shows readers without scripts
				 * (a thread's posts, say): read it. */
				buf_add(out, s + from, i - from);
				i = from = t.end;
				continue;
			}
			if (strcmp(name, "script") == 0 &&
			    html_tag_attr(&t, "type", &v, &vl) &&
			    ascii_find_nocase(v, vl, "ld+json") != NULL) {
				buf_add(ld, s + t.end, end - t.end);
				buf_addch(ld, '\0');
			}
			buf_add(out, s + from, i - from);
			i = from = after;
			continue;
		case STRIP_FOREIGN:
			if (t.selfclosing)
				break;
			/* Foreign content nests; count its own tags. */
			depth = 1;
			j = t.end;
			while (depth > 0 && j < len &&
			    (p = memchr(s + j, '<', len - j)) != NULL) {
				j = (size_t)(p - s);
				if (!html_tag_scan(s, len, j, &u)) {
					j++;
					continue;
				}
				j = u.end;
				if (strip_kind(&u, inner) == STRIP_FOREIGN &&
				    strcmp(inner, name) == 0) {
					if (u.closing)
						depth--;
					else if (!u.selfclosing)
						depth++;
				}
			}
			buf_add(out, s + from, i - from);
			i = from = depth > 0 ? len : j;
			continue;
		case STRIP_RAW:
			/* Their text is not markup: skip it unread. */
			html_end_tag(s, len, t.end, name, &after);
			i = after;
			continue;
		default:
			break;
		}
		if (kind != STRIP_FLAT && !t.selfclosing &&
		    ++*o > STRIP_DEPTH) {
			(*o)--;
			buf_add(out, s + from, i - from);
			from = t.end;
		}
		i = t.end;
	}
	buf_add(out, s + from, len - from);
}
