/* feed-clean.c: the repair pass that turns a feed as found into XML mxml reads.
 *
 * Stage 2 of reading a feed (see feed.c).
 *
 * mxml 3 gives up on the whole document at the first well-formedness error,
 * and real feeds are full of them: bare "&" in "AT&T" or in URLs, HTML
 * entities XML does not define, a "<" that starts no tag, control
 * characters, unclosed or misnested HTML in descriptions, a stray close
 * tag, a truncated download. mxml also knows nothing of namespaces, expands
 * no DOCTYPE entities (so rejects any use of them) and fails on a comment
 * before the root. So a single linear pass tokenizes the document the way a
 * browser would and writes out a well-formed equivalent: comments,
 * processing instructions and the DOCTYPE (with any entity bomb in it) are
 * dropped; CDATA becomes text; every character reference is decoded (HTML's
 * named ones included), an unknown one is kept as literal text, and only
 * "&", "<" and '"' are written as references, numeric ones, which mxml
 * decodes without a table lookup; attributes are quoted and the second of
 * two with one name dropped; tags are balanced by closing what a close tag
 * skips over, dropping close tags that match nothing and closing everything
 * at the end. Element and attribute names are rewritten from prefix:local
 * to a fixed prefix per namespace URI, so "<a:entry
 * xmlns:a='http://www.w3.org/2005/Atom'>" comes out as "<entry>" and
 * "<c:encoded>" with c bound to the content module as "<content:encoded>";
 * a namespace the reader does not know is read by its prefix, as feedparser
 * does. Like feedparser, RSS and Atom share the unprefixed names, which is
 * what lets one reader handle both and the many feeds that mix them.
 * Control characters, which mxml rejects, travel as private-use characters
 * (U+10FF00 + c) and are turned back on the way out, so a hostile title
 * stays data until the terminal gate (text_printable) deals with it. A
 * download cut off inside an item loses that item rather than storing half
 * of it.
 *
 * Most of a feed is text, and mxml reads its input a character at a time
 * through a callback, so text is kept out of its way. Everything between
 * two tags (text, references, CDATA sections, whatever comments split it)
 * is gathered as one run, decoded the way mxml would hand it over. When a
 * tag is written, a short run goes into the document escaped; a longer one
 * (FEED_DIVERT) goes into a side table (struct feed_texts) and leaves in
 * its place a placeholder, U+10FFFD and the run's number. mxml then hands
 * the placeholder to the reader as the text of the element, and the reader
 * takes the run from the table instead. U+10FFFD is a private-use character
 * a feed may well contain: any run with it is sent round through the table,
 * however short, so a text mxml reads never starts with it, and the reader
 * takes nothing else for a placeholder. A run in the table is as mxml would
 * have handed it over: no references left in it, and no U+FEFF, which mxml
 * drops.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "feed.h"
#include "feed-int.h"
#include "html.h"
#include "util.h"

#define FEED_MAX_ATTRS		64	/* attributes kept per element */
#define FEED_MAX_NS		1024	/* namespace bindings in scope */
#define FEED_DIVERT		16	/* longer runs of text skip mxml */

/* The prefix each namespace of enum feed_ns is written with. */
static const char *const feed_ns_prefix[] = {
	"", "rdf:", "content:", "dc:", "dcterms:", "media:", "itunes:",
	"xhtml:", "xml:", "_:"
};

static const struct {
	const char	*uri;
	enum feed_ns	 ns;
} feed_ns_uris[] = {
	{ "http://www.w3.org/2005/Atom",			NS_NONE },
	{ "http://purl.org/atom/ns#",				NS_NONE },
	{ "http://purl.org/rss/1.0/",				NS_NONE },
	{ "http://my.netscape.com/rdf/simple/0.9/",		NS_NONE },
	{ "http://backend.userland.com/rss2",			NS_NONE },
	{ "http://backend.userland.com/rss",			NS_NONE },
	{ "http://blogs.law.harvard.edu/tech/rss",		NS_NONE },
	{ "http://purl.org/rss/1.0/modules/rss091#",		NS_NONE },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#",	NS_RDF },
	{ "http://purl.org/rss/1.0/modules/content/",		NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1/",			NS_DC },
	{ "http://purl.org/dc/terms/",				NS_DCTERMS },
	{ "http://search.yahoo.com/mrss/",			NS_MEDIA },
	{ "http://search.yahoo.com/mrss",			NS_MEDIA },
	{ "http://tools.search.yahoo.com/mrss/",		NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd",		NS_ITUNES },
	/* Apple's own documentation once wrote it so, and feeds copied it. */
	{ "http://example.com/DTDs/PodCast-1.0.dtd",		NS_ITUNES },
	{ "http://www.w3.org/1999/xhtml",			NS_XHTML },
	{ "http://www.w3.org/XML/1998/namespace",		NS_XML },
};

/* Prefixes used without a declaration are common; read them as usual. */
static const struct {
	const char	*prefix;
	enum feed_ns	 ns;
} feed_ns_usual[] = {
	{ "atom", NS_NONE },		{ "content", NS_CONTENT },
	{ "dc", NS_DC },		{ "dcterms", NS_DCTERMS },
	{ "itunes", NS_ITUNES },	{ "media", NS_MEDIA },
	{ "rdf", NS_RDF },		{ "xhtml", NS_XHTML },
	{ "xml", NS_XML },
};
/* Can byte c appear in an element or attribute name mxml accepts? */
static int
feed_namechar(unsigned char c)
{
	return (feed_isalnum(c) || c == '_' || c == ':' || c == '-' ||
	    c == '.' || c >= 0x80);
}

/* Can byte c start a name? */
static int
feed_namestart(unsigned char c)
{
	return (feed_isalpha(c) || c == '_' || c == ':' || c >= 0x80);
}

/* Append control character c as the private-use character carrying it. */
static void
feed_add_ctl(struct buf *b, unsigned char c)
{
	buf_add(b, "\xf4\x8f\xbc", 3);
	buf_addch(b, 0x80 + c);
}

struct clean_attr {
	const char	*name;
	size_t		 nlen;
	const char	*val;		/* NULL: an attribute without a value */
	size_t		 vlen;
};

struct clean_frame {
	size_t		 raw, rawlen;	/* the name as written, in names */
	size_t		 canon, canonlen; /* the name as written out */
	size_t		 out;		/* where the start tag was written */
	size_t		 nsmark;	/* bindings in scope before it */
	size_t		 namesmark;
	uint32_t	 hash;		/* of the name in lower case */
	int		 entry;		/* an RSS item or Atom entry */
};

struct clean_ns {
	const char	*prefix;
	size_t		 len;
	enum feed_ns	 ns;
};

struct clean {
	const char		*s;
	size_t			 n, i;
	struct buf		*o;
	struct feed_texts	*texts;
	size_t			 run;		/* the pending text, in texts */
	struct buf		 names;
	struct buf		 val;
	struct clean_frame	 st[FEED_MAX_DEPTH];
	size_t			 depth;
	struct clean_ns		 ns[FEED_MAX_NS];
	size_t			 nns;
	struct clean_attr	 attrs[FEED_MAX_ATTRS];
	size_t			 nattrs;
	struct buf		 tag;		/* a start tag's new name */
	struct buf		 seen;		/* its attribute names so far */
	int			 root;		/* 0 before, 1 in, 2 after */
	int			 html;		/* a DOCTYPE html was seen */
	int			 truncated;
	char			 rootname[64];	/* as written */
	int			 rootok;	/* rss, feed or rdf:RDF */
	int			 skip;		/* dropping a part too deep */
	struct buf		 skipname;	/* up to its close tag */
	size_t			 skipnest;	/* like-named opens inside */
};

/*
 * Can byte ch go to the pending text as it is? In a CDATA section all but
 * control characters can; elsewhere "<" and "&" start markup.
 */
static int
clean_plain(unsigned char ch, int cdata)
{
	if (ch >= 0x20)
		return (cdata || (ch != '<' && ch != '&'));
	return (ch == '\t' || ch == '\n');
}

/*
 * How many bytes at s (n in all) clean_plain() lets through. Most of a feed
 * is such text, so it is looked at eight bytes at a time.
 */
static size_t
clean_span(const char *s, size_t n, int cdata)
{
	const uint64_t	 ones = 0x0101010101010101ULL, high = ones * 0x80;
	uint64_t	 w, lt, amp, stop;
	size_t		 i = 0, end;

	for (;;) {
		for (; n - i >= 8; i += 8) {
			memcpy(&w, s + i, 8);
			/* Is a byte below 0x20, or "<" or "&"? */
			stop = (w - ones * 0x20) & ~w;
			if (!cdata) {
				lt = w ^ (ones * '<');
				amp = w ^ (ones * '&');
				stop |= ((lt - ones) & ~lt) |
				    ((amp - ones) & ~amp);
			}
			if ((stop & high) != 0)
				break;
		}
		end = n - i >= 8 ? i + 8 : n;
		for (; i < end; i++)
			if (!clean_plain((unsigned char)s[i], cdata))
				return (i);
		if (i == n)
			return (n);
	}
}

/*
 * Append n bytes of text to o with carriage returns folded into newlines and
 * control characters, which mxml rejects, carried as private-use ones. With
 * refs, write "&", "<" and '"' as the references an attribute value needs;
 * without, they stay as they are, as in pending text (see clean_flush).
 */
static void
clean_chars(struct buf *o, const char *s, size_t n, int refs)
{
	size_t	 i, start;
	unsigned char c;

	for (i = start = 0; i < n; i++) {
		if (!refs && (i += clean_span(s + i, n - i, 1)) >= n)
			break;
		c = (unsigned char)s[i];
		if (c >= 0x20 && (!refs || (c != '&' && c != '<' && c != '"')))
			continue;
		if (c == '\t' || c == '\n')
			continue;
		buf_add(o, s + start, i - start);
		start = i + 1;
		if (c == '&')
			buf_addstr(o, "&#38;");
		else if (c == '<')
			buf_addstr(o, "&#60;");
		else if (c == '"')
			buf_addstr(o, "&#34;");
		else if (c == '\r') {
			if (i + 1 >= n || s[i + 1] != '\n')
				buf_addch(o, '\n');
		} else
			feed_add_ctl(o, c);
	}
	buf_add(o, s + start, n - start);
}

/* Add code point cp, read from a reference, to the pending text. */
static void
clean_cp(struct clean *c, uint32_t cp)
{
	if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
		feed_add_ctl(&c->texts->data, (unsigned char)cp);
	else
		utf8_encode(&c->texts->data, cp);
}

/* Does s (n bytes) hold FEED_MARK? */
static int
clean_has_mark(const char *s, size_t n)
{
	const char	*p = s, *end = s + n;

	while ((p = memchr(p, FEED_MARK[0], (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) >= FEED_MARK_LEN &&
		    memcmp(p, FEED_MARK, FEED_MARK_LEN) == 0)
			return (1);
		p++;
	}
	return (0);
}

/* Remove every U+FEFF from s (n bytes) in place; return the new length. */
static size_t
clean_nobom(char *s, size_t n)
{
	const char	*e;
	size_t		 i = 0, from = 0, to = 0;

	while (i < n && (e = memchr(s + i, 0xef, n - i)) != NULL) {
		i = (size_t)(e - s);
		if (n - i < 3 || memcmp(e, "\xef\xbb\xbf", 3) != 0) {
			i++;
			continue;
		}
		memmove(s + to, s + from, i - from);
		to += i - from;
		from = i = i + 3;
	}
	if (from == 0)
		return (n);
	memmove(s + to, s + from, n - from);
	return (to + n - from);
}

/*
 * Put the pending text, all there is since the last tag, into the document:
 * a tag is about to be written. A short run is escaped into it. A longer one,
 * or one with FEED_MARK in it, is left in c->texts as the next span, and
 * only its placeholder goes into the document: mxml reads character by
 * character, and most of a feed is text it has no need to see.
 */
static void
clean_flush(struct clean *c)
{
	struct feed_texts	*t = c->texts;
	char			*s = t->data.data + c->run, num[24];
	size_t			 n = t->data.len - c->run, i, start, k;

	if (n == 0)
		return;
	if (n <= FEED_DIVERT && !clean_has_mark(s, n)) {
		for (i = start = 0; i < n; i++) {
			if (s[i] != '&' && s[i] != '<')
				continue;
			buf_add(c->o, s + start, i - start);
			buf_addstr(c->o, s[i] == '&' ? "&#38;" : "&#60;");
			start = i + 1;
		}
		buf_add(c->o, s + start, n - start);
		buf_truncate(&t->data, c->run);
		return;
	}
	/* mxml would drop U+FEFF, so the span does without it too. */
	n = clean_nobom(s, n);
	buf_truncate(&t->data, c->run + n);
	if (n == 0)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 64 : t->cap * 2;
		t->spans = xreallocarray(t->spans, t->cap, sizeof *t->spans);
	}
	t->spans[t->n].off = c->run;
	t->spans[t->n].len = n;
	buf_add(c->o, FEED_MARK, FEED_MARK_LEN);
	k = sizeof num;
	i = t->n++;
	do {
		num[--k] = (char)('0' + i % 10);
		i /= 10;
	} while (i > 0);
	buf_add(c->o, num + k, sizeof num - k);
	buf_addch(c->o, FEED_MARK_END);
	c->run = t->data.len;
}

/* The namespace a URI names. */
static enum feed_ns
clean_ns_uri(const char *uri, size_t len)
{
	const char	*known;
	size_t		 i;

	while (len > 0 && feed_isspace((unsigned char)uri[len - 1]))
		len--;
	while (len > 0 && feed_isspace((unsigned char)*uri)) {
		uri++;
		len--;
	}
	if (len == 0)
		return (NS_NONE);
	/* Feeds write https: for the http: of a namespace's name. */
	if (len > 8 && strncasecmp(uri, "https://", 8) == 0) {
		uri += 5;
		len -= 5;
	} else if (len > 7 && strncasecmp(uri, "http://", 7) == 0) {
		uri += 4;
		len -= 4;
	}
	for (i = 0; i < nitems(feed_ns_uris); i++) {
		known = feed_ns_uris[i].uri + 4;		/* "http" */
		if (strlen(known) == len && strncasecmp(known, uri, len) == 0)
			return (feed_ns_uris[i].ns);
	}
	return (NS_OTHER);
}

/* The namespace prefix (len bytes; none for the default) stands for. */
static enum feed_ns
clean_ns_lookup(struct clean *c, const char *prefix, size_t len)
{
	size_t	 i;

	if (len == 3 && memcmp(prefix, "xml", 3) == 0)
		return (NS_XML);
	for (i = c->nns; i > 0; i--) {
		if (c->ns[i - 1].len == len &&
		    memcmp(c->ns[i - 1].prefix, prefix, len) == 0)
			break;
	}
	/*
	 * Like feedparser, read a namespace this reader does not know by
	 * its prefix: undeclared "content:" or "content:" bound to a
	 * misspelt URI mean the content module all the same, and a default
	 * namespace nobody knows still holds RSS or Atom.
	 */
	if (i > 0 && c->ns[i - 1].ns != NS_OTHER)
		return (c->ns[i - 1].ns);
	if (len == 0)
		return (NS_NONE);
	for (i = 0; i < nitems(feed_ns_usual); i++)
		if (strlen(feed_ns_usual[i].prefix) == len &&
		    strncasecmp(feed_ns_usual[i].prefix, prefix, len) == 0)
			return (feed_ns_usual[i].ns);
	return (NS_OTHER);
}

/*
 * Write name (len bytes, as written) with its prefix replaced by the one
 * for its namespace. Attributes without a prefix have no namespace;
 * elements get the default one. Return the namespace.
 */
static enum feed_ns
clean_name(struct clean *c, struct buf *o, const char *name, size_t len,
    int attr)
{
	const char	*colon = memchr(name, ':', len);
	enum feed_ns	 ns;

	if (colon == NULL) {
		ns = attr ? NS_NONE : clean_ns_lookup(c, "", 0);
		buf_addstr(o, feed_ns_prefix[ns]);
		buf_add(o, name, len);
		return (ns);
	}
	ns = clean_ns_lookup(c, name, (size_t)(colon - name));
	buf_addstr(o, feed_ns_prefix[ns]);
	buf_add(o, colon + 1, len - (size_t)(colon + 1 - name));
	return (ns);
}

/* A hash of a name in lower case (FNV-1a), to match close tags fast. */
static uint32_t
clean_hash(const char *name, size_t len)
{
	uint32_t	 h = 2166136261u;
	size_t		 i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)name[i] | 0x20;
		h *= 16777619u;
	}
	return (h);
}

/* Write the close tag of the top element and pop it. */
static void
clean_pop(struct clean *c, int write)
{
	struct clean_frame	*fr = &c->st[--c->depth];

	if (write) {
		clean_flush(c);
		buf_add(c->o, "</", 2);
		buf_add(c->o, c->names.data + fr->canon, fr->canonlen);
		buf_addch(c->o, '>');
	}
	c->nns = fr->nsmark;
	buf_truncate(&c->names, fr->namesmark);
	if (c->depth == 0)
		c->root = 2;
}

/* Decode attribute value v (n bytes) into c->val. */
static void
clean_value(struct clean *c, const char *v, size_t n)
{
	size_t		 i, start, len;
	uint32_t	 cp;

	buf_reset(&c->val);
	for (i = start = 0; i < n; i++) {
		if (v[i] != '&')
			continue;
		buf_add(&c->val, v + start, i - start);
		if ((len = html_charref(v + i, n - i, &cp)) == 0) {
			buf_addch(&c->val, '&');
			start = i + 1;
			continue;
		}
		utf8_encode(&c->val, cp);
		i += len - 1;
		start = i + 1;
	}
	buf_add(&c->val, v + start, n - start);
}

/* Is this the root element of a feed? A <channel> is one of CDF, or of
 * RSS 0.9x without its <rss>. */
static int
clean_feed_root(const char *canon, size_t len)
{
	return ((len == 3 && strncasecmp(canon, "rss", 3) == 0) ||
	    (len == 4 && strncasecmp(canon, "feed", 4) == 0) ||
	    (len == 7 && strncasecmp(canon, "channel", 7) == 0) ||
	    (len == 7 && strncasecmp(canon, "rdf:rdf", 7) == 0));
}

/* Has the start tag being written an attribute called name already? */
static int
clean_seen(struct clean *c, const char *name, size_t len)
{
	const char	*p = c->seen.data, *end = p + c->seen.len;
	size_t		 l;

	for (; p < end; p += l + 1) {
		l = strlen(p);
		if (l == len && memcmp(p, name, len) == 0)
			return (1);
	}
	buf_add(&c->seen, name, len);
	buf_addch(&c->seen, '\0');
	return (0);
}

/* Is attribute a an xmlns or xmlns:prefix declaration? */
static int
clean_is_xmlns(const struct clean_attr *a)
{
	return (a->nlen >= 5 && memcmp(a->name, "xmlns", 5) == 0 &&
	    (a->nlen == 5 || a->name[5] == ':'));
}

/*
 * Read the attributes of a start tag from s[*jp] up to and including its
 * '>' into c->attrs. Return 1 for "/>", 0 for ">", -1 if the input ends
 * first.
 */
static int
clean_attrs(struct clean *c, size_t *jp)
{
	const char		*s = c->s;
	size_t			 n = c->n, j = *jp, start, end;
	struct clean_attr	*at;
	char			 q;

	c->nattrs = 0;
	for (;;) {
		while (j < n && feed_isspace((unsigned char)s[j]))
			j++;
		if (j >= n)
			return (-1);
		if (s[j] == '>') {
			*jp = j + 1;
			return (0);
		}
		if (s[j] == '/') {
			if (j + 1 < n && s[j + 1] == '>') {
				*jp = j + 2;
				return (1);
			}
			j++;
			continue;
		}
		start = j;
		while (j < n && !feed_isspace((unsigned char)s[j]) &&
		    s[j] != '/' && s[j] != '>' && s[j] != '=')
			j++;
		if (j == start) {		/* a stray '=' */
			j++;
			continue;
		}
		at = c->nattrs < FEED_MAX_ATTRS ? &c->attrs[c->nattrs++] :
		    NULL;
		if (at != NULL) {
			at->name = s + start;
			at->nlen = j - start;
			at->val = NULL;
			at->vlen = 0;
		}
		while (j < n && feed_isspace((unsigned char)s[j]))
			j++;
		if (j >= n || s[j] != '=')
			continue;
		j++;
		while (j < n && feed_isspace((unsigned char)s[j]))
			j++;
		if (j >= n)
			return (-1);
		if (s[j] == '"' || s[j] == '\'') {
			q = s[j++];
			start = j;
			while (j < n && s[j] != q)
				j++;
			if (j >= n)
				return (-1);
			end = j++;
		} else {
			start = j;
			while (j < n && !feed_isspace((unsigned char)s[j]) &&
			    s[j] != '>')
				j++;
			end = j;
		}
		if (at != NULL) {
			at->val = s + start;
			at->vlen = end - start;
		}
	}
}

/*
 * An element would open deeper than FEED_MAX_DEPTH. Inside an item or
 * entry, the element of it this one is in (its body, as a rule) is taken
 * back out of the document, so the item keeps its other fields and the
 * feed its other items; elsewhere only the new element goes. Either way
 * the input is skipped up to the close tag of what was dropped (or of an
 * element still open, should that come first).
 */
static void
clean_too_deep(struct clean *c, const char *name, size_t nlen)
{
	const struct clean_frame	*fr;
	size_t				 k, cut = c->depth;

	for (k = c->depth; k > 0; k--) {
		if (c->st[k - 1].entry) {
			cut = k;
			break;
		}
	}
	buf_reset(&c->skipname);
	if (cut < c->depth) {
		fr = &c->st[cut];
		buf_add(&c->skipname, c->names.data + fr->raw, fr->rawlen);
		buf_truncate(c->o, fr->out);
		buf_truncate(&c->texts->data, c->run);
		while (c->depth > cut)
			clean_pop(c, 0);
	} else {
		clean_flush(c);		/* the text before it stays */
		buf_add(&c->skipname, name, nlen);
	}
	c->skip = 1;
	c->skipnest = 0;
}

/*
 * Read a start tag at c->i. Return 1 if one was read (and written, inside
 * the root), 0 if the '<' starts no tag and is text, -1 when the input ends
 * inside the tag or the document must be given up.
 */
static int
clean_open(struct clean *c)
{
	const char		*s = c->s, *name, *local;
	size_t			 n = c->n, j = c->i + 1, nlen, llen, k, a;
	size_t			 start, mark;
	struct clean_attr	*at;
	struct clean_frame	*fr;
	enum feed_ns		 ns;
	int			 selfclose;

	name = s + j;
	while (j < n && feed_namechar((unsigned char)s[j]))
		j++;
	nlen = (size_t)(s + j - name);
	if (nlen > 200 || (j < n && !feed_isspace((unsigned char)s[j]) &&
	    s[j] != '/' && s[j] != '>'))
		return (0);
	if ((selfclose = clean_attrs(c, &j)) == -1)
		return (-1);
	c->i = j;
	if (c->root == 2)
		return (1);
	if (c->skip) {
		if (!selfclose && nlen == c->skipname.len &&
		    strncasecmp(name, c->skipname.data, nlen) == 0)
			c->skipnest++;
		return (1);
	}
	if (c->depth >= FEED_MAX_DEPTH && !selfclose) {
		clean_too_deep(c, name, nlen);
		return (1);
	}

	/* Namespace declarations first: they apply to this very element. */
	mark = c->nns;
	for (k = 0; k < c->nattrs; k++) {
		at = &c->attrs[k];
		if (!clean_is_xmlns(at) || c->nns >= FEED_MAX_NS)
			continue;
		c->ns[c->nns].prefix = at->nlen > 5 ? at->name + 6 : "";
		c->ns[c->nns].len = at->nlen > 5 ? at->nlen - 6 : 0;
		c->ns[c->nns].ns = clean_ns_uri(at->val != NULL ? at->val : "",
		    at->vlen);
		c->nns++;
	}
	buf_reset(&c->tag);
	ns = clean_name(c, &c->tag, name, nlen, 0);
	if (c->root == 0) {
		snprintf(c->rootname, sizeof c->rootname, "%.*s", (int)nlen,
		    name);
		c->root = 1;
		if (!clean_feed_root(c->tag.data, c->tag.len))
			return (-1);
		c->rootok = 1;
	}
	local = feed_local(name, nlen, &llen);
	if ((ns == NS_NONE || ns == NS_XHTML) &&
	    feed_is_void(local, llen))
		selfclose = 1;

	clean_flush(c);
	start = c->o->len;
	buf_addch(c->o, '<');
	buf_add(c->o, c->tag.data, c->tag.len);
	buf_reset(&c->seen);
	for (k = 0; k < c->nattrs; k++) {
		at = &c->attrs[k];
		if (clean_is_xmlns(at) ||
		    !feed_namestart((unsigned char)at->name[0]))
			continue;
		for (a = 1; a < at->nlen; a++)
			if (!feed_namechar((unsigned char)at->name[a]))
				break;
		if (a < at->nlen)
			continue;
		a = c->o->len;
		buf_addch(c->o, ' ');
		clean_name(c, c->o, at->name, at->nlen, 1);
		if (clean_seen(c, c->o->data + a + 1, c->o->len - a - 1)) {
			buf_truncate(c->o, a);	/* the first one wins */
			continue;
		}
		buf_add(c->o, "=\"", 2);
		if (at->val != NULL) {
			clean_value(c, at->val, at->vlen);
			clean_chars(c->o, c->val.data, c->val.len, 1);
		}
		buf_addch(c->o, '"');
	}
	if (selfclose) {
		buf_add(c->o, "/>", 2);
		c->nns = mark;
		if (c->depth == 0)
			c->root = 2;
		return (1);
	}
	buf_addch(c->o, '>');
	fr = &c->st[c->depth++];
	fr->out = start;
	fr->nsmark = mark;
	fr->namesmark = c->names.len;
	fr->raw = c->names.len;
	fr->rawlen = nlen;
	fr->hash = clean_hash(name, nlen);
	buf_add(&c->names, name, nlen);
	fr->canon = c->names.len;
	fr->canonlen = c->tag.len;
	buf_add(&c->names, c->tag.data, c->tag.len);
	fr->entry = ns == NS_NONE && ((llen == 4 &&
	    strncasecmp(local, "item", 4) == 0) || (llen == 5 &&
	    strncasecmp(local, "entry", 5) == 0));
	return (1);
}

/*
 * Read a close tag at c->i and close the innermost open element of that
 * name (in any case: HTML in descriptions is written in both), and any left
 * open inside it; a close tag that matches no open element is dropped.
 * Return 1 if read, 0 if the '<' is text, -1 when the input ends inside
 * the tag. Hashes keep a flood of stray close tags cheap however deep the
 * document is.
 */
static int
clean_close(struct clean *c)
{
	const char	*s = c->s, *name, *gt;
	size_t		 n = c->n, j = c->i + 2, nlen, k;
	uint32_t	 h;

	if (j >= n || !feed_namestart((unsigned char)s[j]))
		return (0);
	name = s + j;
	while (j < n && feed_namechar((unsigned char)s[j]))
		j++;
	nlen = (size_t)(s + j - name);
	if ((gt = memchr(s + j, '>', n - j)) == NULL)
		return (-1);
	c->i = (size_t)(gt - s) + 1;
	if (c->root != 1)
		return (1);
	if (c->skip && nlen == c->skipname.len &&
	    strncasecmp(name, c->skipname.data, nlen) == 0) {
		if (c->skipnest == 0)
			c->skip = 0;
		else
			c->skipnest--;
		return (1);
	}
	h = clean_hash(name, nlen);
	for (k = c->depth; k > 0; k--) {
		if (c->st[k - 1].hash == h && c->st[k - 1].rawlen == nlen &&
		    strncasecmp(c->names.data + c->st[k - 1].raw, name,
		    nlen) == 0)
			break;
	}
	if (k > 0)
		c->skip = 0;
	while (k > 0 && c->depth >= k)
		clean_pop(c, 1);
	return (1);
}

/*
 * Deal with "<!" or "<?" at c->i: drop comments, processing instructions
 * and declarations (a DOCTYPE with its internal subset, which may define
 * an entity bomb mxml would choke on anyway); turn CDATA into text.
 * Return 1 when done, 0 when the markup never ends (the '<' is then
 * text), -1 when the input ends inside a CDATA section.
 */
static int
clean_bang(struct clean *c)
{
	const char	*s = c->s + c->i, *e;
	size_t		 left = c->n - c->i, j, len;
	int		 bracket = 0;
	char		 q = 0;

	if (left >= 4 && memcmp(s, "<!--", 4) == 0) {
		if ((e = memmem(s + 4, left - 4, "-->", 3)) == NULL)
			return (0);
		c->i += (size_t)(e - s) + 3;
		return (1);
	}
	if (left >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
		/* memchr() is much the faster, and "]" rare in CDATA. */
		for (e = s + 9; (e = memchr(e, ']', left - (size_t)(e - s))) !=
		    NULL; e++)
			if (left - (size_t)(e - s) >= 3 && e[1] == ']' &&
			    e[2] == '>')
				break;
		len = e != NULL ? (size_t)(e - s) - 9 : left - 9;
		if (c->root == 1)
			clean_chars(&c->texts->data, s + 9, len, 0);
		if (e == NULL) {
			c->i = c->n;
			return (-1);
		}
		c->i += 9 + len + 3;
		return (1);
	}
	if (s[1] == '?') {
		if ((e = memmem(s + 2, left - 2, "?>", 2)) == NULL)
			return (0);
		c->i += (size_t)(e - s) + 2;
		return (1);
	}
	if (left >= 9 && strncasecmp(s, "<!DOCTYPE", 9) == 0) {
		for (j = 9; j < left && feed_isspace((unsigned char)s[j]); j++)
			;
		if (left - j > 4 && strncasecmp(s + j, "html", 4) == 0 &&
		    !feed_namechar((unsigned char)s[j + 4]))
			c->html = 1;
	}
	for (j = 2; j < left; j++) {
		if (q != 0) {
			if (s[j] == q)
				q = 0;
		} else if (s[j] == '"' || s[j] == '\'')
			q = s[j];
		else if (s[j] == '[')
			bracket++;
		else if (s[j] == ']' && bracket > 0)
			bracket--;
		else if (s[j] == '>' && bracket == 0) {
			c->i += j + 1;
			return (1);
		}
	}
	return (0);
}

/* The main loop: text, references and markup, up to the end or an error. */
static void
clean_run(struct clean *c)
{
	const char	*s = c->s, *lt;
	struct buf	*t = &c->texts->data;	/* the pending text */
	size_t		 n = c->n, i, start, len;
	uint32_t	 cp;
	unsigned char	 ch, next;
	int		 r;

	while (c->i < n && c->root != 2) {
		i = c->i;
		if (c->root == 0) {
			/* Before the root only markup matters. */
			if ((lt = memchr(s + i, '<', n - i)) == NULL) {
				c->i = n;
				break;
			}
			i = c->i = (size_t)(lt - s);
		} else {
			start = i;
			i += clean_span(s + i, n - i, 0);
			if (!c->skip)
				buf_add(t, s + start, i - start);
			if ((c->i = i) >= n)
				break;
		}
		ch = (unsigned char)s[i];
		if (ch == '<') {
			next = i + 1 < n ? (unsigned char)s[i + 1] : 0;
			if (next == '/')
				r = clean_close(c);
			else if (next == '!' || next == '?')
				r = clean_bang(c);
			else if (feed_namestart(next))
				r = clean_open(c);
			else
				r = 0;
			if (r < 0)
				break;
			if (r == 0) {
				if (c->root == 1)
					buf_addch(t, '<');
				c->i = i + 1;
			}
		} else if (ch == '&') {
			if ((len = html_charref(s + i, n - i, &cp)) == 0) {
				buf_addch(t, '&');
				c->i = i + 1;
			} else {
				clean_cp(c, cp);
				c->i = i + len;
			}
		} else if (ch == '\r') {
			buf_addch(t, '\n');
			c->i = i + 1 + (i + 1 < n && s[i + 1] == '\n');
		} else {
			feed_add_ctl(t, ch);
			c->i = i + 1;
		}
		if (c->skip)
			buf_truncate(t, c->run);	/* text too deep */
	}
}

/*
 * At the end of the input, close what is still open. An item or entry
 * still open was cut off: it goes, with everything after its start.
 */
static void
clean_finish(struct clean *c)
{
	size_t	 k;

	if (c->root != 1 || c->depth == 0)
		return;
	c->truncated = 1;
	if (c->skip)
		buf_truncate(&c->texts->data, c->run);
	for (k = 0; k < c->depth; k++)
		if (c->st[k].entry)
			break;
	if (k < c->depth) {
		buf_truncate(c->o, c->st[k].out);
		buf_truncate(&c->texts->data, c->run);
		while (c->depth > k)
			clean_pop(c, 0);
	}
	while (c->depth > 0)
		clean_pop(c, 1);
}

/*
 * Clean n bytes of UTF-8 at s into o, a well-formed document mxml can
 * read, and texts, the long text runs its placeholders stand for. Set
 * *truncated if the input ended inside an element. Return 0, or -1 with
 * *cause when it is no feed.
 */
int
feed_clean(const char *s, size_t n, struct buf *o, struct feed_texts *texts,
    int *truncated, char **cause)
{
	struct clean	*c;
	const char	*local;
	size_t		 i, llen;
	int		 rc = -1;

	c = xcalloc(1, sizeof *c);
	c->s = s;
	c->n = n;
	c->o = o;
	c->texts = texts;
	c->run = texts->data.len;
	buf_init(&c->names);
	buf_init(&c->val);
	buf_init(&c->tag);
	buf_init(&c->seen);
	buf_init(&c->skipname);
	/* Most of the text goes to texts, and little but tags to o. */
	buf_grow(o, n / 4 + 64);
	buf_grow(&texts->data, n + 64);
	clean_run(c);
	local = feed_local(c->rootname, strlen(c->rootname), &llen);
	if (c->root == 0) {
		for (i = 0; i < n && feed_isspace((unsigned char)s[i]); i++)
			;
		*cause = xstrdup(i == n ? "not a feed: the document is empty" :
		    c->html ? "not a feed: the document is HTML" :
		    "not a feed: no XML element found");
	} else if (!c->rootok) {
		if (c->html ||
		    (llen == 4 && strncasecmp(local, "html", 4) == 0))
			*cause = xstrdup("not a feed: the document is HTML");
		else
			xasprintf(cause, "not a feed: root element <%s>",
			    c->rootname);
	} else {
		clean_finish(c);
		*truncated = c->truncated;
		rc = 0;
	}
	buf_release(&c->names);
	buf_release(&c->val);
	buf_release(&c->tag);
	buf_release(&c->seen);
	buf_release(&c->skipname);
	free(c);
	return (rc);
}
