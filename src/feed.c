/* feed.c: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 bytes -> struct feed.
 *
 * A document goes through three stages.
 *
 * 1. Characters. The bytes are decoded to UTF-8 (charset.c): a byte order
 *    mark wins, then the HTTP charset, then the XML declaration, then UTF-8,
 *    with a fall back to the declared encoding or windows-1252 when "UTF-8"
 *    turns out to be false. mxml never sees anything but valid UTF-8: it
 *    ignores encoding= and reads past its buffer on some invalid input.
 *    A document that is valid UTF-8 already, most of them, is read where
 *    it is, not copied.
 *
 * 2. Cleaning (feed-clean.c). mxml 3 gives up on the whole document at the
 *    first well-formedness error, and real feeds are full of them, so a
 *    single linear pass writes out a well-formed equivalent. Long runs of
 *    text skip mxml: they are kept in a side table (struct feed_texts) and
 *    a placeholder, FEED_MARK and the run's number, stands in their place.
 *
 * 3. Reading (parser_*). mxml's SAX mode streams the cleaned text into
 *    parser_sax(), which keeps a stack of frames (what the element belongs
 *    to, its xml:base) and captures the text of the elements it wants,
 *    taking each placeholder's run from the table. Only open elements are
 *    alive in mxml at any time, so its memory does not grow with the
 *    document. Text constructs are converted as their type says: Atom text
 *    is escaped into HTML, html is taken as it is, xhtml is serialized back
 *    to HTML; RSS descriptions are HTML, and child elements found in them are
 *    serialized too (as feedparser does). Titles, authors and categories are
 *    plain text. Links are resolved against xml:base and the document's URL,
 *    in attributes and inside HTML content alike, by url.c's RFC 3986
 *    resolver, the one reader mode uses. A document read from a file has no
 *    URL on the web: the feed's own link, else its self link, stands in for
 *    it once it has been read.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mxml.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "feed.h"
#include "feed-int.h"
#include "html.h"
#include "url.h"
#include "util.h"


/* HTML elements that never have content, so never get closed. */
static const char *const feed_void[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen",
	"meta", "param", "track", "wbr"
};

/* HTML elements feedparser accepts as evidence that text is HTML. */
static const char *const feed_html_elements[] = {
	"a", "abbr", "acronym", "address", "area", "article", "aside",
	"audio", "b", "big", "blockquote", "br", "button", "canvas",
	"caption", "center", "cite", "code", "col", "colgroup", "command",
	"datagrid", "datalist", "dd", "del", "details", "dfn", "dialog",
	"dir", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure",
	"font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
	"header", "hr", "i", "img", "input", "ins", "kbd", "keygen", "label",
	"legend", "li", "m", "map", "menu", "meter", "multicol", "nav",
	"nextid", "noscript", "ol", "optgroup", "option", "output", "p",
	"pre", "progress", "q", "s", "samp", "section", "select", "small",
	"sound", "source", "spacer", "span", "strike", "strong", "sub", "sup",
	"table", "tbody", "td", "textarea", "tfoot", "th", "thead", "time",
	"tr", "tt", "u", "ul", "var", "video"
};

/*
 * HTML attributes holding a URL, resolved inside summaries and content.
 * Sorted by tag: feed_html_urls() reads a tag's rows as one run.
 */
static const struct {
	const char	*tag;
	const char	*attr;
} feed_url_attrs[] = {
	{ "a", "href" },	{ "applet", "codebase" },
	{ "area", "href" },	{ "audio", "src" },
	{ "blockquote", "cite" }, { "body", "background" },
	{ "del", "cite" },	{ "embed", "src" },
	{ "form", "action" },	{ "frame", "src" },
	{ "iframe", "src" },	{ "img", "longdesc" },
	{ "img", "src" },	{ "img", "usemap" },
	{ "input", "src" },	{ "ins", "cite" },
	{ "link", "href" },	{ "object", "data" },
	{ "q", "cite" },	{ "script", "src" },
	{ "source", "src" },	{ "track", "src" },
	{ "video", "poster" },	{ "video", "src" },
};

/* mxml reports errors through a callback without an argument. */
static _Thread_local char feed_mxml_error[256];

/* Is c ASCII white space as XML and HTML define it? */
int
feed_isspace(int c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

/* Is c an ASCII letter? */
int
feed_isalpha(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* Is c an ASCII letter or digit? */
int
feed_isalnum(int c)
{
	return (feed_isalpha(c) || (c >= '0' && c <= '9'));
}

/* Is name (len bytes) in a table of lower-case words? */
int
feed_inlist(const char *name, size_t len, const char *const *list, size_t n)
{
	size_t	 i;

	if (len == 0)
		return (0);
	for (i = 0; i < n; i++)
		if (list[i][0] == (name[0] | 0x20) &&
		    strncasecmp(list[i], name, len) == 0 && list[i][len] == '\0')
			return (1);
	return (0);
}

/* Is name (len bytes, no prefix) an HTML element that is never closed? */
int
feed_is_void(const char *name, size_t len)
{
	return (feed_inlist(name, len, feed_void, nitems(feed_void)));
}

/*
 * Append len bytes of text read from mxml to b, turning the private-use
 * characters back into the control characters they carry. With escape,
 * also escape it for HTML.
 */
static void
feed_add_text(struct buf *b, const char *s, size_t len, int escape)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + len;
	const unsigned char	*q;

	while (p < end) {
		if (!escape) {
			if ((q = memchr(p, 0xf4, (size_t)(end - p))) == NULL)
				q = end;
		} else {
			for (q = p; q < end; q++)
				if (*q == 0xf4 || *q == '&' || *q == '<' ||
				    *q == '>' || *q == '"')
					break;
		}
		buf_add(b, p, (size_t)(q - p));
		if (q >= end)
			break;
		switch (*q) {
		case '&':
			buf_addstr(b, "&amp;");
			break;
		case '<':
			buf_addstr(b, "&lt;");
			break;
		case '>':
			buf_addstr(b, "&gt;");
			break;
		case '"':
			buf_addstr(b, "&quot;");
			break;
		default:
			if (end - q >= 4 && q[1] == 0x8f && q[2] == 0xbc &&
			    q[3] >= 0x81 && q[3] <= 0x9f) {
				buf_addch(b, q[3] - 0x80);
				q += 3;
			} else
				buf_addch(b, *q);
			break;
		}
		p = q + 1;
	}
}

/* Remove ASCII white space from both ends of b. */
void
feed_trim(struct buf *b)
{
	size_t	 i = 0;

	while (b->len > 0 && feed_isspace((unsigned char)b->data[b->len - 1]))
		b->len--;
	while (i < b->len && feed_isspace((unsigned char)b->data[i]))
		i++;
	if (i > 0)
		memmove(b->data, b->data + i, b->len - i);
	b->len -= i;
	b->data[b->len] = '\0';
}

/* Fold every run of white space in b into one space, and trim it. */
void
feed_collapse(struct buf *b)
{
	size_t	 i, o = 0;
	int	 space = 0;

	for (i = 0; i < b->len; i++) {
		if (feed_isspace((unsigned char)b->data[i]) ||
		    b->data[i] == '\v') {
			space = 1;
			continue;
		}
		if (space && o > 0)
			b->data[o++] = ' ';
		space = 0;
		b->data[o++] = b->data[i];
	}
	b->len = o;
	b->data[o] = '\0';
}

/* A copy of b's text, or NULL when it is empty. */
static char *
feed_strdup(const struct buf *b)
{
	return (b->len == 0 ? NULL : xstrndup(b->data, b->len));
}

/* The local part of a qualified name: what follows its first colon. */
const char *
feed_local(const char *name, size_t len, size_t *llen)
{
	const char	*colon = memchr(name, ':', len);

	if (colon == NULL) {
		*llen = len;
		return (name);
	}
	*llen = len - (size_t)(colon + 1 - name);
	return (colon + 1);
}

/* Resolve ref against base as a new string; NULL when ref is empty and
 * there is no base. */
static char *
feed_url_resolve(const char *base, const char *ref)
{
	struct buf	 out = BUF_INIT;

	if (url_resolve(&out, base, ref) != 0)
		return (NULL);
	return (buf_detach(&out, NULL));
}

/* Does url use a scheme that runs code when followed? Those are dropped. */
static int
feed_url_unsafe(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
	    "data:" };
	size_t	 i;

	for (i = 0; i < nitems(bad); i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return (1);
	return (0);
}

/* Is url no place on the web (none, or a file), so that links found in
 * its document cannot be resolved against it? */
int
feed_url_local(const char *url)
{
	return (url == NULL || *url == '\0' ||
	    strncasecmp(url, "file:", 5) == 0);
}

/* Resolve a link found in the feed; NULL if it is empty or unsafe. */
char *
feed_link(const char *base, const char *ref)
{
	char	*url;

	if ((url = feed_url_resolve(base, ref)) != NULL &&
	    feed_url_unsafe(url)) {
		free(url);
		url = NULL;
	}
	return (url);
}

/*
 * Stage 3: reading the cleaned document.
 */
enum feed_tag {
	T_OTHER,
	T_AUTHOR,
	T_CATEGORY,
	T_CHANNEL,
	T_CONTENT,
	T_CONTENT_ENCODED,
	T_CREATOR,		/* dc:creator, dc:author, itunes:author */
	T_DATE_FEED,		/* lastBuildDate */
	T_DATE_DC,		/* dc:date */
	T_DATE_PUB,		/* pubDate, published, issued, dcterms:issued */
	T_DATE_CREATED,		/* created, dcterms:created */
	T_DATE_UPD,		/* updated, modified, dcterms:modified */
	T_DESCRIPTION,		/* description, dc:description, abstract */
	T_EMAIL,
	T_ENCLOSURE,
	T_ENTRY,		/* item, entry */
	T_FEED,
	T_ROOT,			/* rss, rdf:RDF */
	T_GUID,
	T_ID,
	T_ICON,			/* Atom icon */
	T_IGNORE,		/* containers whose contents are not ours */
	T_IMAGE,		/* RSS image */
	T_ITUNES_CATEGORY,
	T_ITUNES_DURATION,
	T_ITUNES_IMAGE,
	T_KEYWORDS,		/* itunes:keywords, media:keywords */
	T_ITUNES_SUBTITLE,
	T_ITUNES_SUMMARY,
	T_LANGUAGE,		/* language, dc:language */
	T_LINK,
	T_LOGO,			/* Atom logo */
	T_MEDIA_CONTENT,
	T_MEDIA_DESCRIPTION,
	T_MEDIA_THUMBNAIL,
	T_MEDIA_TITLE,
	T_NAME,
	T_SUBJECT,		/* dc:subject, media:category */
	T_SUBTITLE,		/* subtitle, tagline */
	T_SUMMARY,
	T_TITLE,		/* title, dc:title */
	T_TTL,
	T_URL,			/* an RSS image's url */
	T_XHTML_BODY
};

/* Element names (lower case, namespace prefixes as cleaned) we act on. */
static const struct feed_tagname {
	const char	*name;
	enum feed_tag	 tag;
} feed_tags[] = {
	{ "abstract",		T_DESCRIPTION },	/* CDF */
	{ "author",		T_AUTHOR },
	{ "body",		T_XHTML_BODY },
	{ "category",		T_CATEGORY },
	{ "channel",		T_CHANNEL },
	{ "content",		T_CONTENT },
	{ "content:encoded",	T_CONTENT_ENCODED },
	{ "contributor",	T_IGNORE },
	{ "created",		T_DATE_CREATED },
	{ "dc:author",		T_CREATOR },
	{ "dc:creator",		T_CREATOR },
	{ "dc:date",		T_DATE_DC },
	{ "dc:description",	T_DESCRIPTION },
	{ "dc:language",	T_LANGUAGE },
	{ "dc:subject",		T_SUBJECT },
	{ "dc:title",		T_TITLE },
	{ "dcterms:created",	T_DATE_CREATED },
	{ "dcterms:issued",	T_DATE_PUB },
	{ "dcterms:modified",	T_DATE_UPD },
	{ "description",	T_DESCRIPTION },
	{ "email",		T_EMAIL },
	{ "enclosure",		T_ENCLOSURE },
	{ "entry",		T_ENTRY },
	{ "feed",		T_FEED },
	{ "fullitem",		T_CONTENT_ENCODED },
	{ "guid",		T_GUID },
	{ "icon",		T_ICON },
	{ "id",			T_ID },
	{ "image",		T_IMAGE },
	{ "issued",		T_DATE_PUB },
	{ "item",		T_ENTRY },
	{ "items",		T_IGNORE },
	{ "itunes:author",	T_CREATOR },
	{ "itunes:category",	T_ITUNES_CATEGORY },
	{ "itunes:duration",	T_ITUNES_DURATION },
	{ "itunes:image",	T_ITUNES_IMAGE },
	{ "itunes:keywords",	T_KEYWORDS },
	{ "itunes:owner",	T_IGNORE },
	{ "itunes:subtitle",	T_ITUNES_SUBTITLE },
	{ "itunes:summary",	T_ITUNES_SUMMARY },
	{ "language",		T_LANGUAGE },
	{ "lastbuilddate",	T_DATE_FEED },
	{ "link",		T_LINK },
	{ "logo",		T_LOGO },
	{ "media:category",	T_SUBJECT },
	{ "media:content",	T_MEDIA_CONTENT },
	{ "media:description",	T_MEDIA_DESCRIPTION },
	{ "media:keywords",	T_KEYWORDS },
	{ "media:thumbnail",	T_MEDIA_THUMBNAIL },
	{ "media:title",	T_MEDIA_TITLE },
	{ "modified",		T_DATE_UPD },
	{ "name",		T_NAME },
	{ "pubdate",		T_DATE_PUB },
	{ "published",		T_DATE_PUB },
	{ "rdf:rdf",		T_ROOT },
	{ "rss",		T_ROOT },
	{ "source",		T_IGNORE },
	{ "subtitle",		T_SUBTITLE },
	{ "summary",		T_SUMMARY },
	{ "tagline",		T_SUBTITLE },
	{ "textinput",		T_IGNORE },
	{ "title",		T_TITLE },
	{ "ttl",		T_TTL },
	{ "updated",		T_DATE_UPD },
	{ "url",		T_URL },
	{ "xhtml:body",		T_XHTML_BODY },
};

/* What the elements inside a frame belong to. */
enum feed_kind {
	K_NONE,			/* the document, <rss>, <rdf:RDF> */
	K_FEED,			/* the channel or Atom feed */
	K_ENTRY,		/* an item or entry */
	K_PERSON,		/* an entry's author */
	K_IMAGE,		/* the feed's RSS image */
	K_IGNORE		/* textInput, source, ... */
};

/* How a captured element's content is turned into text. */
enum feed_class {
	TC_RSS,			/* untyped RSS: HTML, or text that may be */
	TC_TEXT,		/* plain text */
	TC_HTML,		/* escaped HTML */
	TC_XHTML,		/* inline XHTML (or other XML) */
	TC_SKIP			/* binary, or out of line: ignored */
};

/* How child elements of a captured element are recorded. */
enum feed_mode {
	C_PLAIN,		/* their text only */
	C_MARKUP,		/* serialized, and text after them escaped */
	C_XHTML			/* serialized, text always escaped */
};

/* What a piece of untyped RSS text turns out to be. */
enum feed_html {
	H_PLAIN,		/* text */
	H_REFS,			/* text with character references */
	H_HTML			/* HTML */
};

/* Fields whose element text is captured. */
enum feed_field {
	F_NONE,
	F_CATEGORY,
	F_CONTENT,
	F_DATE,
	F_DESC,
	F_DURATION,
	F_EMAIL,
	F_GUID,
	F_ID,
	F_IMAGE,
	F_ITSUBTITLE,
	F_ITSUMMARY,
	F_KEYWORDS,
	F_LANG,
	F_MDESC,
	F_MTITLE,
	F_LINK,
	F_NAME,
	F_PERSON,
	F_SUMMARY,
	F_TITLE,
	F_TTL
};

struct parser_frame {
	enum feed_kind	 kind;
	const char	*base;		/* xml:base in effect, or the URL */
	char		*ownbase;	/* set here by xml:base */
	const char	*lang;		/* xml:lang in effect, or NULL */
	char		*ownlang;	/* set here by xml:lang */
};

/* An entry being read, with what decides its fields at the end. */
struct parser_entry {
	struct feed_entry	 e;
	char			*alt_html;	/* first alternate HTML link */
	char			*alt_other;	/* first other alternate link */
	char			*rss_link;	/* <link>text</link> */
	char			*guid_link;	/* a permalink guid */
	char			*about;		/* rdf:about */
	char			*name, *email;	/* first author name, email */
	char			*itsummary, *itsubtitle;
	char			*mtitle, *mdesc;	/* Media RSS */
	char			*content_src;	/* Atom content out of line */
	int64_t			 duration;	/* itunes:duration */
	int64_t			 dcdate;	/* the first dc:date */
	int			 haslang;	/* the entry has xml:lang */
	char			*textlang;	/* its language element's, or
						 * its text's xml:lang */
	int			 textlang_rank;	/* -1 language element,
						 * 0 content, 1 summary,
						 * 2 title */
	struct feed_enclosure	*media, *thumbs;
	size_t			 nmedia, nthumbs;
	int			 pub_rank, upd_rank;
};

struct parser {
	struct feed		*f;
	const struct feed_texts	*texts;		/* the runs placeholders name */
	int			 atom;		/* the root is <feed> */
	struct parser_frame	 st[FEED_MAX_DEPTH + 2];
	size_t			 depth;
	size_t			 overflow;	/* events past st[], ignored */
	struct parser_entry	*pe;		/* the entry being read */
	size_t			 entries_cap;

	enum feed_field		 cap;		/* capture in progress */
	size_t			 cap_depth;	/* index of its frame */
	enum feed_kind		 cap_kind;	/* what it belongs to */
	enum feed_class		 cap_class;
	enum feed_mode		 cap_mode;
	int			 cap_base64;
	int			 cap_children;	/* child elements seen */
	int			 cap_text;	/* text other than space seen */
	size_t			 cap_div;	/* a wrapper div, or 0 */
	int			 cap_rank;	/* of a date */
	int			 cap_permalink;	/* of a guid */
	int			 cap_hasterm;	/* a category had term= */
	struct buf		 cb;

	size_t			 person_depth;
	struct buf		 pname, pemail, ptext;

	char			*alt_html, *alt_other, *rss_link;
	char			*itsummary, *itsubtitle;	/* the feed's */
	char			*lang;		/* xml:lang of the root */
	int			 link_base;	/* the document has no URL of
						 * its own on the web */
	char			*docbase;	/* the base adopted instead */
	int			 docbase_rank;	/* 0 the feed's link, 1 self */
	size_t			 early;		/* entries begun before it */
	int			 date_rank;
	int			 image_rank;	/* of f->image (feed_image()) */
	struct buf		 tmp;
	struct buf		 cat;
};

/* Compare a key with a tag table row, for bsearch. */
static int
parser_tag_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct feed_tagname *)row)->name));
}

/* Which element is this? */
static enum feed_tag
parser_tag(const char *name)
{
	const struct feed_tagname	*t;
	char				 key[32];
	size_t				 i;

	for (i = 0; name[i] != '\0'; i++) {
		if (i + 1 >= sizeof key)
			return (T_OTHER);
		key[i] = (name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 :
		    name[i];
	}
	key[i] = '\0';
	t = bsearch(key, feed_tags, nitems(feed_tags), sizeof feed_tags[0],
	    parser_tag_cmp);
	return (t != NULL ? t->tag : T_OTHER);
}

/* An attribute of node, or NULL when it is absent. */
static const char *
parser_attr(mxml_node_t *node, const char *name)
{
	return (mxmlElementGetAttr(node, name));
}

/* An attribute of node as a trimmed string in p->tmp, or NULL if empty. */
static const char *
parser_attr_text(struct parser *p, mxml_node_t *node, const char *name)
{
	const char	*v;

	if ((v = mxmlElementGetAttr(node, name)) == NULL)
		return (NULL);
	buf_reset(&p->tmp);
	feed_add_text(&p->tmp, v, strlen(v), 0);
	feed_trim(&p->tmp);
	return (p->tmp.len == 0 ? NULL : p->tmp.data);
}

/* Does attribute name of node equal word, ignoring case and space? */
static int
parser_attr_is(struct parser *p, mxml_node_t *node, const char *name,
    const char *word)
{
	const char	*v = parser_attr_text(p, node, name);

	return (v != NULL && strcasecmp(v, word) == 0);
}

/*
 * Classify a MIME type or Atom type (trimmed, without parameters) and an
 * Atom 0.3 mode. dflt is used when there is no type.
 */
static enum feed_class
parser_class(struct parser *p, mxml_node_t *node, enum feed_class dflt)
{
	const char	*t;
	char		 type[64];
	size_t		 n;

	p->cap_base64 = parser_attr_is(p, node, "mode", "base64");
	if ((t = parser_attr_text(p, node, "type")) == NULL)
		return (dflt);
	n = strcspn(t, "; \t");
	if (n >= sizeof type)
		return (TC_SKIP);
	memcpy(type, t, n);
	type[n] = '\0';
	if (strcasecmp(type, "text") == 0 ||
	    strcasecmp(type, "text/plain") == 0 ||
	    strcasecmp(type, "plain") == 0)
		return (TC_TEXT);
	if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0)
		return (TC_HTML);
	if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0)
		return (TC_XHTML);
	if ((n > 4 && strcasecmp(type + n - 4, "+xml") == 0) ||
	    (n > 4 && strcasecmp(type + n - 4, "/xml") == 0))
		return (TC_XHTML);
	if (strncasecmp(type, "text/", 5) == 0)
		return (TC_TEXT);
	return (TC_SKIP);
}

/* Start capturing the text of the element just opened. */
static void
parser_capture(struct parser *p, enum feed_field field, mxml_node_t *node,
    enum feed_tag tag)
{
	enum feed_class	 dflt;

	p->cap = field;
	p->cap_depth = p->depth - 1;
	p->cap_kind = p->st[p->depth - 2].kind;
	p->cap_children = p->cap_text = 0;
	p->cap_div = 0;
	p->cap_base64 = 0;
	p->cap_class = TC_TEXT;
	p->cap_mode = C_PLAIN;
	buf_reset(&p->cb);
	switch (field) {
	case F_TITLE:
	case F_DESC:
	case F_SUMMARY:
	case F_CONTENT:
	case F_ITSUMMARY:
	case F_ITSUBTITLE:
	case F_MDESC:
	case F_MTITLE:
		if (tag == T_CONTENT_ENCODED)
			dflt = TC_HTML;
		else if (tag == T_XHTML_BODY)
			dflt = TC_XHTML;
		else if (field == F_ITSUMMARY || field == F_ITSUBTITLE)
			dflt = TC_RSS;	/* said to be text, often HTML */
		else if (field == F_MDESC || field == F_MTITLE)
			dflt = TC_TEXT;
		else if (p->atom && tag != T_DESCRIPTION)
			dflt = TC_TEXT;
		else
			dflt = TC_RSS;
		p->cap_class = parser_class(p, node, dflt);
		if (tag == T_CONTENT && parser_attr(node, "src") != NULL)
			p->cap_class = TC_SKIP;
		if (p->cap_base64 || p->cap_class == TC_SKIP)
			p->cap_mode = C_PLAIN;
		else if (p->cap_class == TC_XHTML)
			p->cap_mode = C_XHTML;
		else
			p->cap_mode = C_MARKUP;
		break;
	default:
		break;
	}
}

/* Decode base64 text in b in place, to UTF-8; what is not base64 is
 * skipped. */
static void
parser_base64(struct buf *b)
{
	static const char	 alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf		 out = BUF_INIT;
	const char		*c;
	uint32_t		 acc = 0;
	size_t			 i;
	int			 bits = 0;

	for (i = 0; i < b->len && b->data[i] != '='; i++) {
		if (b->data[i] == '\0' ||
		    (c = strchr(alphabet, b->data[i])) == NULL)
			continue;
		acc = (acc << 6) | (uint32_t)(c - alphabet);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_addch(&out, (int)((acc >> bits) & 0xff));
		}
	}
	/* Bytes that are no UTF-8 at all are in the legacy encoding of
	 * the web, as a document's would be. */
	buf_reset(b);
	charset_to_utf8(out.data, out.len, charset_sniff_utf8(out.data,
	    out.len) == -1 ? "windows-1252" : "utf-8", b);
	buf_release(&out);
}

/*
 * How much of HTML untyped RSS text (len bytes) holds, judged as feedparser
 * does: it is HTML if it has a close tag or a character reference and all
 * its tags are HTML's. Return H_HTML then, H_REFS if it has references
 * but tags HTML has not ("Tom &amp; Jerry's <Show>"), else H_PLAIN.
 */
static enum feed_html
parser_looks_html(const char *s, size_t len)
{
	size_t		 i, j;
	uint32_t	 cp;
	int		 evidence = 0, refs = 0, foreign = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '<') {
			j = i + 1;
			if (j < len && s[j] == '/')
				j++;
			if (j >= len || !feed_isalpha((unsigned char)s[j]))
				continue;
			i = j;
			while (j < len && feed_isalnum((unsigned char)s[j]))
				j++;
			if (!feed_inlist(s + i, j - i, feed_html_elements,
			    nitems(feed_html_elements)))
				foreign = 1;
			else if (s[i - 1] == '/' && j < len && s[j] == '>')
				evidence = 1;
			i = j - 1;
		} else if (s[i] == '&') {
			j = i + 1;
			if (j < len && s[j] == '#')
				j++;
			while (j < len && feed_isalnum((unsigned char)s[j]))
				j++;
			if (j < len && s[j] == ';' && j > i + 1 &&
			    (s[i + 1] == '#' || html_charref(s + i,
			    j + 1 - i, &cp) != 0))
				refs = 1;
		}
	}
	if (foreign)
		return (refs ? H_REFS : H_PLAIN);
	return (evidence || refs ? H_HTML : H_PLAIN);
}

/*
 * Append the text of HTML s (len bytes) to out: character references
 * decoded and, if tags is set, tags (and comments, scripts and styles)
 * removed.
 */
static void
parser_html_text(struct buf *out, const char *s, size_t len, int tags)
{
	const char	*e;
	size_t		 i = 0, j, start, n;
	uint32_t	 cp;
	char		 name[12];
	int		 close, empty;

	while (i < len) {
		for (start = i; i < len && (s[i] != '<' || !tags) &&
		    s[i] != '&'; i++)
			;
		buf_add(out, s + start, i - start);
		if (i >= len)
			break;
		if (s[i] == '&') {
			if ((n = html_charref(s + i, len - i, &cp)) == 0) {
				buf_addch(out, '&');
				i++;
			} else {
				utf8_encode(out, cp);
				i += n;
			}
			continue;
		}
		if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			e = memmem(s + i + 4, len - i - 4, "-->", 3);
			i = e != NULL ? (size_t)(e - s) + 3 : len;
			continue;
		}
		j = i + 1;
		close = j < len && s[j] == '/';
		if (j < len && (s[j] == '/' || s[j] == '!' || s[j] == '?'))
			j++;
		if (j >= len || !feed_isalpha((unsigned char)s[j]) ||
		    (e = memchr(s + j, '>', len - j)) == NULL) {
			buf_addch(out, '<');
			i++;
			continue;
		}
		for (n = 0; j < len && feed_isalnum((unsigned char)s[j]); j++)
			if (n < sizeof name - 1)
				name[n++] = (char)(s[j] | 0x20);
		name[n] = '\0';
		empty = e[-1] == '/';
		i = (size_t)(e - s) + 1;
		if (strcmp(name, "br") == 0 || strcmp(name, "p") == 0 ||
		    strcmp(name, "div") == 0 || strcmp(name, "li") == 0 ||
		    strcmp(name, "tr") == 0)
			buf_addch(out, ' ');
		if (close || empty || (strcmp(name, "script") != 0 &&
		    strcmp(name, "style") != 0))
			continue;
		/* The content of a script or style is not text. */
		while ((e = memchr(s + i, '<', len - i)) != NULL) {
			i = (size_t)(e - s) + 1;
			if (i < len && s[i] == '/' && len - i > n &&
			    strncasecmp(s + i + 1, name, n) == 0)
				break;
		}
		if (e == NULL)
			i = len;
	}
}

/*
 * Append s (len bytes), text that may be HTML as untyped RSS text may, to
 * out as plain text, with runs of white space folded.
 */
static void
parser_plain(struct buf *out, const char *s, size_t len)
{
	enum feed_html	 html = parser_looks_html(s, len);

	if (html == H_PLAIN)
		buf_add(out, s, len);
	else
		parser_html_text(out, s, len, html == H_HTML);
	feed_collapse(out);
}

/*
 * The first row of feed_url_attrs for an HTML tag (len bytes, in any case),
 * or nitems(feed_url_attrs) when it has none. Every tag of every summary
 * and content is looked up, so only rows with its first letter are compared.
 */
static size_t
parser_url_row(const char *tag, size_t len)
{
	size_t	 k;
	int	 c = tag[0] | 0x20;

	for (k = 0; k < nitems(feed_url_attrs); k++) {
		if (feed_url_attrs[k].tag[0] < c)
			continue;
		if (feed_url_attrs[k].tag[0] > c)
			break;
		if (strncasecmp(feed_url_attrs[k].tag, tag, len) == 0 &&
		    feed_url_attrs[k].tag[len] == '\0')
			return (k);
	}
	return (nitems(feed_url_attrs));
}

/* Append s escaped as buf_add_xml() does, a run at a time rather than bytes. */
static void
parser_add_xml(struct buf *out, const char *s)
{
	size_t	 n;

	for (;;) {
		n = strcspn(s, "&<>\"");
		buf_add(out, s, n);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '&':
			buf_add(out, "&amp;", 5);
			break;
		case '<':
			buf_add(out, "&lt;", 4);
			break;
		case '>':
			buf_add(out, "&gt;", 4);
			break;
		default:
			buf_add(out, "&quot;", 6);
			break;
		}
		s++;
	}
}

/*
 * Copy HTML s (len bytes) to out with the URLs in its attributes (see
 * feed_url_attrs) resolved against base.
 */
void
feed_html_urls(struct buf *out, const char *s, size_t len,
    const char *base)
{
	struct buf	 v = BUF_INIT, url = BUF_INIT;
	const char	*lt, *tag;
	size_t		 i = 0, last = 0, j, taglen, an, alen, vs, ve, k, m;
	char		 q;
	int		 match;

	buf_grow(out, len + len / 8);	/* resolved URLs are longer */
	while (i < len && (lt = memchr(s + i, '<', len - i)) != NULL) {
		j = (size_t)(lt - s) + 1;
		i = j;
		if (j >= len || !feed_isalpha((unsigned char)s[j]))
			continue;
		tag = s + j;
		while (j < len && feed_isalnum((unsigned char)s[j]))
			j++;
		taglen = (size_t)(s + j - tag);
		if ((k = parser_url_row(tag, taglen)) == nitems(feed_url_attrs))
			continue;
		for (;;) {
			while (j < len && (feed_isspace((unsigned char)s[j]) ||
			    s[j] == '/'))
				j++;
			if (j >= len || s[j] == '>' || s[j] == '<')
				break;
			an = j;
			while (j < len && !feed_isspace((unsigned char)s[j]) &&
			    s[j] != '>' && s[j] != '=' && s[j] != '/')
				j++;
			alen = j - an;
			while (j < len && feed_isspace((unsigned char)s[j]))
				j++;
			if (j >= len || s[j] != '=')
				continue;
			j++;
			while (j < len && feed_isspace((unsigned char)s[j]))
				j++;
			q = 0;
			if (j < len && (s[j] == '"' || s[j] == '\''))
				q = s[j++];
			vs = j;
			while (j < len && (q != 0 ? s[j] != q :
			    !feed_isspace((unsigned char)s[j]) && s[j] != '>'))
				j++;
			ve = j;
			if (q != 0 && j < len)
				j++;
			/* The rows of one tag are together, from row k on. */
			match = 0;
			for (m = k; m < nitems(feed_url_attrs) && !match &&
			    strcmp(feed_url_attrs[m].tag,
			    feed_url_attrs[k].tag) == 0; m++)
				match = strncasecmp(feed_url_attrs[m].attr,
				    s + an, alen) == 0 &&
				    feed_url_attrs[m].attr[alen] == '\0';
			if (!match)
				continue;
			/* The value as the browser will read it. */
			buf_reset(&v);
			parser_html_text(&v, s + vs, ve - vs, 1);
			buf_reset(&url);
			if (url_resolve(&url, base, v.data) != 0 ||
			    strcmp(url.data, v.data) == 0)
				continue;
			buf_add(out, s + last, (q != 0 ? vs - 1 : vs) - last);
			buf_addch(out, '"');
			parser_add_xml(out, url.data);
			buf_addch(out, '"');
			last = q != 0 && ve < len ? ve + 1 : ve;
		}
		i = j;
	}
	buf_add(out, s + last, len - last);
	buf_release(&v);
	buf_release(&url);
}

/*
 * The captured content as a new string: plain text (with runs of white
 * space folded) if plain is set, else HTML. NULL when there is none.
 */
static char *
parser_captured(struct parser *p, int plain, const char *base)
{
	struct buf	*b = &p->cb, out = BUF_INIT;
	int		 markup;

	if (p->cap_base64)
		parser_base64(b);
	if (p->cap_class == TC_SKIP)
		return (NULL);
	feed_trim(b);
	markup = p->cap_children && p->cap_mode != C_PLAIN;
	if (plain) {
		if (p->cap_class == TC_RSS && !markup)
			parser_plain(&out, b->data, b->len);
		else {
			if (p->cap_class == TC_TEXT && !markup)
				buf_add(&out, b->data, b->len);
			else
				parser_html_text(&out, b->data, b->len, 1);
			feed_collapse(&out);
		}
	} else {
		if (p->cap_class == TC_TEXT && !markup) {
			buf_reset(&p->tmp);
			feed_add_text(&p->tmp, b->data, b->len, 1);
			b = &p->tmp;
		}
		if (base != NULL && *base != '\0')
			feed_html_urls(&out, b->data, b->len, base);
		else
			buf_add(&out, b->data, b->len);
		feed_trim(&out);
	}
	if (out.len == 0) {
		buf_release(&out);
		return (NULL);
	}
	return (buf_detach(&out, NULL));
}

/* The captured text, trimmed, in p->cb; NULL when empty. */
static const char *
parser_captured_text(struct parser *p)
{
	feed_trim(&p->cb);
	return (p->cb.len == 0 ? NULL : p->cb.data);
}

/*
 * Split an author string into a name and an email address, the way
 * feedparser does: "jo@example.com (Jo Doe)", "Jo Doe <jo@example.com>",
 * "Jo Doe" or "jo@example.com". Either result may be NULL.
 */
static void
parser_person(const char *s, char **name, char **email)
{
	struct buf	 b = BUF_INIT;
	const char	*at, *l, *r;
	size_t		 i;

	*name = *email = NULL;
	parser_plain(&b, s, strlen(s));
	for (at = b.data; (at = strchr(at, '@')) != NULL; at++) {
		l = at;
		while (l > b.data && (feed_isalnum((unsigned char)l[-1]) ||
		    strchr("_-.+", l[-1]) != NULL))
			l--;
		for (r = at + 1; feed_isalnum((unsigned char)*r) ||
		    *r == '-' || *r == '.'; r++)
			;
		while (r > at + 1 && r[-1] == '.')
			r--;
		if (l == at ||
		    memchr(at + 1, '.', (size_t)(r - at - 1)) == NULL)
			continue;
		*email = xstrndup(l, (size_t)(r - l));
		if (l - b.data >= 7 && strncasecmp(l - 7, "mailto:", 7) == 0)
			l -= 7;
		memmove((char *)l, r, strlen(r) + 1);
		b.len = strlen(b.data);
		break;
	}
	/* What is left of "(Jo Doe)" or "Jo Doe <>". */
	for (i = 0; i + 1 < b.len; i++) {
		if ((b.data[i] == '(' && b.data[i + 1] == ')') ||
		    (b.data[i] == '<' && b.data[i + 1] == '>')) {
			memmove(b.data + i, b.data + i + 2, b.len - i - 1);
			b.len -= 2;
			i--;
		}
	}
	feed_trim(&b);
	if (b.len > 0 && b.data[0] == '(')
		memmove(b.data, b.data + 1, b.len--);
	if (b.len > 0 && b.data[b.len - 1] == ')')
		b.data[--b.len] = '\0';
	feed_trim(&b);
	if (b.len >= 2 && b.data[0] == '"' && b.data[b.len - 1] == '"') {
		b.data[--b.len] = '\0';
		memmove(b.data, b.data + 1, b.len--);
	}
	feed_collapse(&b);
	*name = feed_strdup(&b);
	buf_release(&b);
}

/* Is name one of the names in list, joined by ", "? */
static int
parser_has_name(const char *list, const char *name)
{
	size_t		 n = strlen(name);
	const char	*s;

	for (s = list; (s = strstr(s, name)) != NULL; s++)
		if ((s == list || (s >= list + 2 && s[-2] == ',' &&
		    s[-1] == ' ')) && (s[n] == '\0' || s[n] == ','))
			return (1);
	return (0);
}

/*
 * Keep an author's name for the entry, after those it has (an entry with
 * several authors or dc:creators names them all), and its email if it
 * has none yet.
 */
static void
parser_author(struct parser *p, char *name, char *email)
{
	char	*joined;

	if (p->pe->name == NULL)
		p->pe->name = name;
	else if (name != NULL && !parser_has_name(p->pe->name, name) &&
	    strlen(p->pe->name) < FEED_MAX_AUTHORS) {
		xasprintf(&joined, "%s, %s", p->pe->name, name);
		free(p->pe->name);
		free(name);
		p->pe->name = joined;
	} else
		free(name);
	if (p->pe->email == NULL)
		p->pe->email = email;
	else
		free(email);
}

/* Parse a length attribute: bytes, or -1 when it is no number. */
static int64_t
parser_length(const char *s)
{
	int64_t	 v = 0;

	if (s == NULL || *s == '\0')
		return (-1);
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
			return (-1);
		v = v * 10 + (*s - '0');
	}
	return (v);
}

/*
 * Parse a duration, "3723", "62:03" or "1:02:03" (a fraction of a second
 * is dropped): seconds, or -1 when it is none of those.
 */
static int64_t
parser_duration(const char *s)
{
	int64_t	 v = 0, part;
	int	 parts = 0;

	if (s == NULL)
		return (-1);
	for (;;) {
		if (*s < '0' || *s > '9' || ++parts > 3)
			return (-1);
		for (part = 0; *s >= '0' && *s <= '9'; s++)
			if ((part = part * 10 + (*s - '0')) > 100000000)
				return (-1);
		v = v * 60 + part;
		if (*s == '.')
			for (s++; *s >= '0' && *s <= '9'; s++)
				;
		if (*s == '\0')
			return (v);
		if (*s++ != ':')
			return (-1);
	}
}

/* Add an enclosure to a list unless its URL is there already. */
static void
parser_enclosure(struct parser *p, struct feed_enclosure **list, size_t *n,
    mxml_node_t *node, const char *urlattr, const char *lenattr)
{
	struct feed_enclosure	*enc;
	const char		*v;
	char			*url;
	size_t			 i;

	if (*n >= FEED_MAX_ENCLOSURES ||
	    (v = parser_attr_text(p, node, urlattr)) == NULL ||
	    (url = feed_link(p->st[p->depth - 1].base, v)) == NULL)
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp((*list)[i].url, url) == 0) {
			free(url);
			return;
		}
	}
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	enc = &(*list)[(*n)++];
	enc->url = url;
	v = parser_attr_text(p, node, "type");
	enc->type = v != NULL ? xstrdup(v) : NULL;
	enc->length = lenattr != NULL ?
	    parser_length(parser_attr_text(p, node, lenattr)) : -1;
	enc->duration = parser_duration(parser_attr_text(p, node, "duration"));
}

/* Add a category to the entry, once. */
static void
parser_category(struct parser *p, const char *s)
{
	buf_reset(&p->cat);
	parser_plain(&p->cat, s, strlen(s));
	feed_category(&p->pe->e, p->cat.data);
}

void
feed_category(struct feed_entry *e, const char *s)
{
	size_t	 i;

	if (*s == '\0' || e->ncategories >= FEED_MAX_CATEGORIES)
		return;
	for (i = 0; i < e->ncategories; i++)
		if (strcmp(e->categories[i], s) == 0)
			return;
	e->categories = xreallocarray(e->categories, e->ncategories + 1,
	    sizeof *e->categories);
	e->categories[e->ncategories++] = xstrdup(s);
}

void
feed_image(struct feed *f, int *rank, int newrank, char *url)
{
	if (url == NULL)
		return;
	if (f->image != NULL && newrank >= *rank) {
		free(url);
		return;
	}
	free(f->image);
	f->image = url;
	*rank = newrank;
}

/*
 * A document read from a file (or from nowhere) resolves its links against
 * the feed's own link, as readers do, else its self link: take url (of rank
 * 0 or 1) as the base of every frame that has none of its own from here on,
 * and of those whose xml:base is relative.
 */
static void
parser_adopt_base(struct parser *p, const char *url, int rank)
{
	struct parser_frame	*fr;
	struct url_parts	 u;
	char			*old = p->docbase, *prev;
	size_t			 i, j, depth = p->depth;

	if (!p->link_base || url == NULL || (old != NULL &&
	    rank >= p->docbase_rank) || (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0))
		return;
	if (old == NULL)
		p->early = p->f->nentries + (p->pe != NULL);
	p->docbase = xstrdup(url);
	p->docbase_rank = rank;
	if (depth > nitems(p->st))
		depth = nitems(p->st);
	for (i = 0; i < depth; i++) {
		fr = &p->st[i];
		if (fr->base == old) {
			fr->base = p->docbase;
			continue;
		}
		if (i == 0 || fr->ownbase == NULL || fr->base != fr->ownbase)
			continue;
		url_split(fr->ownbase, &u);
		if (u.scheme != NULL)
			continue;
		/* A relative xml:base holds those of the frames above it
		 * already ("a/b/" below "a/"): it is relative to the
		 * document. Frames below share the pointer. */
		prev = fr->ownbase;
		if ((fr->ownbase = feed_url_resolve(p->docbase, prev)) ==
		    NULL) {
			fr->ownbase = prev;
			continue;
		}
		fr->base = fr->ownbase;
		for (j = i + 1; j < depth; j++)
			if (p->st[j].base == prev)
				p->st[j].base = fr->ownbase;
		free(prev);
	}
	free(old);
}

/* Resolve *sp against base if it is a relative URL (see parser_rebase()). */
static void
feed_rebase_url(char **sp, const char *base)
{
	struct url_parts	 u;
	char			*url;

	if (*sp == NULL)
		return;
	url_split(*sp, &u);
	if (u.scheme != NULL)
		return;
	url = feed_link(base, *sp);
	free(*sp);
	*sp = url;
}

/* Resolve the relative URLs of HTML *sp against base. */
static void
feed_rebase_html(char **sp, const char *base)
{
	struct buf	 out = BUF_INIT;

	if (*sp == NULL)
		return;
	feed_html_urls(&out, *sp, strlen(*sp), base);
	free(*sp);
	*sp = buf_detach(&out, NULL);
}

/*
 * Once a document without a URL of its own is read, resolve what was read
 * before its base was known (the channel's link after its items, or its
 * image before its link) against that base.
 */
static void
parser_rebase(struct parser *p)
{
	struct feed_entry	*e;
	size_t			 i, j, n = 0;

	if (p->docbase == NULL)
		return;
	feed_rebase_url(&p->f->image, p->docbase);
	for (i = 0; i < p->early && i < p->f->nentries; i++) {
		e = &p->f->entries[i];
		feed_rebase_url(&e->link, p->docbase);
		feed_rebase_html(&e->summary, p->docbase);
		feed_rebase_html(&e->content, p->docbase);
		for (j = n = 0; j < e->nenclosures; j++) {
			feed_rebase_url(&e->enclosures[j].url, p->docbase);
			if (e->enclosures[j].url == NULL) {
				free(e->enclosures[j].type);
				continue;
			}
			e->enclosures[n++] = e->enclosures[j];
		}
		e->nenclosures = n;
	}
}

/* Record an <atom:link> (a link element with href) of the feed or entry. */
static void
parser_link(struct parser *p, mxml_node_t *node, const char *href,
    enum feed_kind kind)
{
	const char	*rel, *type;
	char		*url, **slot;
	int		 html;

	rel = parser_attr_text(p, node, "rel");
	if (rel != NULL && strcasecmp(rel, "enclosure") == 0) {
		if (kind == K_ENTRY)
			parser_enclosure(p, &p->pe->e.enclosures,
			    &p->pe->e.nenclosures, node, "href", "length");
		return;
	}
	if (rel != NULL && strcasecmp(rel, "self") == 0 && kind == K_FEED) {
		if ((url = feed_link(p->st[p->depth - 1].base, href)) != NULL)
			parser_adopt_base(p, url, 1);
		free(url);
		return;
	}
	if (rel != NULL && strcasecmp(rel, "alternate") != 0 &&
	    strcasecmp(rel, "http://www.iana.org/assignments/relation/"
	    "alternate") != 0)
		return;
	type = parser_attr_text(p, node, "type");
	html = type == NULL || strncasecmp(type, "text/html", 9) == 0 ||
	    strncasecmp(type, "application/xhtml+xml", 21) == 0;
	if (kind == K_ENTRY)
		slot = html ? &p->pe->alt_html : &p->pe->alt_other;
	else
		slot = html ? &p->alt_html : &p->alt_other;
	if (*slot != NULL || (url = feed_link(p->st[p->depth - 1].base,
	    href)) == NULL)
		return;
	*slot = url;
	if (kind == K_FEED)
		parser_adopt_base(p, url, 0);
}

/* Set a date of rank rank if it is better than what *rank says is there. */
static void
parser_date(int64_t *t, int *rank, int newrank, const char *s)
{
	int64_t	 v;

	if (newrank < *rank && s != NULL && date_parse(s, &v) == 0) {
		*t = v;
		*rank = newrank;
	}
}

/*
 * CDF, Microsoft's channel format, gives a channel's or an item's link and
 * date in attributes: <item href="..." lastmod="...">.
 */
static void
parser_cdf(struct parser *p, mxml_node_t *node, enum feed_kind kind)
{
	const char	*v;

	if ((v = parser_attr(node, "href")) != NULL ||
	    (v = parser_attr(node, "HREF")) != NULL)
		parser_link(p, node, v, kind);
	if ((v = parser_attr_text(p, node, "lastmod")) == NULL &&
	    (v = parser_attr_text(p, node, "LASTMOD")) == NULL)
		return;
	if (kind == K_ENTRY)
		parser_date(&p->pe->e.updated, &p->pe->upd_rank, 10, v);
	else
		parser_date(&p->f->updated, &p->date_rank, 0, v);
}

/* Start a new entry. */
static void
parser_entry_start(struct parser *p, mxml_node_t *node)
{
	const char	*about;

	p->pe = xcalloc(1, sizeof *p->pe);
	p->pe->e.published = p->pe->e.updated = FEED_NODATE;
	p->pe->pub_rank = p->pe->upd_rank = 99;
	p->pe->duration = -1;
	p->pe->dcdate = FEED_NODATE;
	if ((about = parser_attr_text(p, node, "rdf:about")) != NULL)
		p->pe->about = xstrdup(about);
	parser_cdf(p, node, K_ENTRY);
}

/* Free a list of enclosures. */
static void
parser_enclosures_free(struct feed_enclosure *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(list[i].url);
		free(list[i].type);
	}
	free(list);
}

/* Pick the first of two strings that is set and free the other. */
static char *
parser_pick(char *a, char *b)
{
	if (a != NULL) {
		free(b);
		return (a);
	}
	return (b);
}

/* Finish the entry being read and add it to the feed. */
static void
parser_entry_end(struct parser *p)
{
	struct parser_entry	*pe = p->pe;
	struct feed_entry	*e = &pe->e;
	struct feed		*f = p->f;

	e->id = parser_pick(e->id, pe->about);
	/* dc:date beside pubDate says when the entry last changed, as for
	 * feedparser. */
	if (pe->pub_rank == 0 && e->updated == FEED_NODATE)
		e->updated = pe->dcdate;
	/* An entry says its language (xml:lang, else dc:language), else its
	 * text does: that of its content, summary or title, before the
	 * feed's. */
	if (!pe->haslang && pe->textlang != NULL) {
		free(e->lang);
		e->lang = pe->textlang;
		pe->textlang = NULL;
	}
	free(pe->textlang);
	/* Atom content out of line is where the entry is, when no link
	 * says so. */
	e->link = parser_pick(pe->alt_html, parser_pick(pe->rss_link,
	    parser_pick(pe->alt_other, parser_pick(pe->content_src,
	    pe->guid_link))));
	e->author = parser_pick(pe->name, pe->email);
	/* A podcast's or a video site's text, when there is no other. */
	e->summary = parser_pick(e->summary, parser_pick(pe->itsummary,
	    parser_pick(pe->itsubtitle, pe->mdesc)));
	e->title = parser_pick(e->title, pe->mtitle);
	if (e->nenclosures == 0 && pe->nmedia > 0) {
		e->enclosures = pe->media;
		e->nenclosures = pe->nmedia;
		pe->media = NULL;
		pe->nmedia = 0;
	}
	if (e->nenclosures > 0 && e->enclosures[0].duration < 0)
		e->enclosures[0].duration = pe->duration;
	if (e->nenclosures == 0 && pe->nthumbs > 0) {
		e->enclosures = pe->thumbs;
		e->nenclosures = pe->nthumbs;
		pe->thumbs = NULL;
		pe->nthumbs = 0;
	}
	parser_enclosures_free(pe->media, pe->nmedia);
	parser_enclosures_free(pe->thumbs, pe->nthumbs);
	if (f->nentries == p->entries_cap) {
		p->entries_cap = p->entries_cap == 0 ? 16 : p->entries_cap * 2;
		f->entries = xreallocarray(f->entries, p->entries_cap,
		    sizeof *f->entries);
	}
	f->entries[f->nentries++] = *e;
	free(pe);
	p->pe = NULL;
}

/* Keep lang as the language of the entry being read if its rank (-1 its
 * language element, 0 content, 1 summary, 2 title) is the best yet. */
static void
parser_entry_lang(struct parser_entry *pe, const char *lang, int rank)
{
	if (lang == NULL || (pe->textlang != NULL && rank >= pe->textlang_rank))
		return;
	free(pe->textlang);
	pe->textlang = xstrdup(lang);
	pe->textlang_rank = rank;
}

/* Store a string in *slot unless it is set already; free it otherwise. */
static void
parser_set(char **slot, char *s)
{
	if (*slot == NULL)
		*slot = s;
	else
		free(s);
}

/* The captured element has closed: store what it said. */
static void
parser_capture_end(struct parser *p)
{
	struct parser_frame	*fr = &p->st[p->cap_depth];
	struct feed		*f = p->f;
	struct parser_entry	*pe = p->pe;
	const char		*t;
	char			*s, *words, *name, *email;
	int64_t			 v;
	int			 entry = p->cap_kind == K_ENTRY && pe != NULL;

	switch (p->cap) {
	case F_TITLE:
		s = parser_captured(p, 1, NULL);
		parser_set(entry ? &pe->e.title : &f->title, s);
		break;
	case F_DESC:
		parser_set(&f->description, parser_captured(p, 0, fr->base));
		break;
	case F_SUMMARY:
		parser_set(&pe->e.summary, parser_captured(p, 0, fr->base));
		break;
	case F_CONTENT:
		parser_set(&pe->e.content, parser_captured(p, 0, fr->base));
		break;
	case F_ITSUMMARY:
		parser_set(entry ? &pe->itsummary : &p->itsummary,
		    parser_captured(p, 0, fr->base));
		break;
	case F_ITSUBTITLE:
		parser_set(entry ? &pe->itsubtitle : &p->itsubtitle,
		    parser_captured(p, 0, fr->base));
		break;
	case F_MDESC:
		parser_set(&pe->mdesc, parser_captured(p, 0, fr->base));
		break;
	case F_MTITLE:
		parser_set(&pe->mtitle, parser_captured(p, 1, NULL));
		break;
	case F_DURATION:
		if (pe->duration < 0)
			pe->duration = parser_duration(parser_captured_text(p));
		break;
	case F_LINK:
		if ((t = parser_captured_text(p)) == NULL)
			break;
		s = feed_link(fr->base, t);
		if (!entry && p->rss_link == NULL)
			parser_adopt_base(p, s, 0);
		parser_set(entry ? &pe->rss_link : &p->rss_link, s);
		break;
	case F_GUID:
	case F_ID:
		if ((t = parser_captured_text(p)) == NULL)
			break;
		parser_set(&pe->e.id, xstrdup(t));
		/* An Atom id that is a web address is where the entry is
		 * when no link says so, as a permalink guid is. */
		if ((p->cap == F_ID || p->cap_permalink) &&
		    (strncasecmp(t, "http://", 7) == 0 ||
		    strncasecmp(t, "https://", 8) == 0))
			parser_set(&pe->guid_link, feed_link(fr->base, t));
		break;
	case F_DATE:
		t = parser_captured_text(p);
		if (!entry)
			parser_date(&f->updated, &p->date_rank, p->cap_rank, t);
		else if (p->cap_rank >= 10)
			parser_date(&pe->e.updated, &pe->upd_rank,
			    p->cap_rank, t);
		else {
			parser_date(&pe->e.published, &pe->pub_rank,
			    p->cap_rank, t);
			if (p->cap_rank == 1 && pe->dcdate == FEED_NODATE &&
			    t != NULL && date_parse(t, &v) == 0)
				pe->dcdate = v;
		}
		break;
	case F_LANG:
		if ((t = parser_captured_text(p)) == NULL)
			break;
		if (entry)
			parser_entry_lang(pe, t, -1);
		else
			parser_set(&f->language, xstrdup(t));
		break;
	case F_IMAGE:
		if ((t = parser_captured_text(p)) != NULL)
			feed_image(f, &p->image_rank, p->cap_rank,
			    feed_link(fr->base, t));
		break;
	case F_TTL:
		if ((t = parser_captured_text(p)) != NULL &&
		    parser_length(t) > 0 && parser_length(t) <= 1000000)
			f->ttl = (int)parser_length(t);
		break;
	case F_CATEGORY:
		if (!p->cap_hasterm && (t = parser_captured_text(p)) != NULL)
			parser_category(p, t);
		break;
	case F_KEYWORDS:
		/* "news, world affairs": each a category, as feedparser
		 * reads them. */
		/* Split a copy: p->cb keeps its one NUL at its end. */
		if ((t = parser_captured_text(p)) == NULL)
			break;
		words = s = xstrdup(t);
		while ((t = strsep(&s, ",")) != NULL)
			parser_category(p, t);
		free(words);
		break;
	case F_PERSON:
		if ((t = parser_captured_text(p)) == NULL)
			break;
		parser_person(t, &name, &email);
		parser_author(p, name, email);
		break;
	case F_NAME:
	case F_EMAIL:
		buf_add((p->cap == F_NAME ? &p->pname : &p->pemail),
		    p->cb.data, p->cb.len);
		break;
	case F_NONE:
		break;
	}
	p->cap = F_NONE;
}

/* The end of an author element: keep its name or email. */
static void
parser_person_end(struct parser *p)
{
	char	*name, *email;

	feed_collapse(&p->pname);
	feed_trim(&p->pemail);
	if (p->pname.len > 0 || p->pemail.len > 0)
		parser_author(p, feed_strdup(&p->pname),
		    feed_strdup(&p->pemail));
	else {
		feed_trim(&p->ptext);
		if (p->ptext.len == 0)
			return;
		parser_person(p->ptext.data, &name, &email);
		parser_author(p, name, email);
	}
}

/* An element opened inside a captured one: record it as markup. */
static void
parser_markup_open(struct parser *p, mxml_node_t *node, const char *name)
{
	const char	*local, *aname, *v;
	size_t		 llen;
	int		 i, n;

	if (p->cap_mode == C_PLAIN)
		return;
	local = feed_local(name, strlen(name), &llen);
	if (p->cap_mode == C_XHTML && !p->cap_children && !p->cap_text &&
	    p->depth - 1 == p->cap_depth + 1 && strcasecmp(local, "div") == 0) {
		/* The <div> an xhtml construct is wrapped in is not content. */
		p->cap_div = p->depth - 1;
		p->cap_children = 1;
		return;
	}
	p->cap_children = 1;
	buf_addch(&p->cb, '<');
	buf_add(&p->cb, local, llen);
	n = mxmlElementGetAttrCount(node);
	for (i = 0; i < n; i++) {
		v = mxmlElementGetAttrByIndex(node, i, &aname);
		if (v == NULL || aname == NULL)
			continue;
		if (strncmp(aname, "_:", 2) == 0)
			aname += 2;
		buf_addch(&p->cb, ' ');
		buf_addstr(&p->cb, aname);
		buf_add(&p->cb, "=\"", 2);
		feed_add_text(&p->cb, v, strlen(v), 1);
		buf_addch(&p->cb, '"');
	}
	if (feed_is_void(local, llen))
		buf_add(&p->cb, " />", 3);
	else
		buf_addch(&p->cb, '>');
}

/* An element closed inside a captured one. */
static void
parser_markup_close(struct parser *p, const char *name)
{
	const char	*local;
	size_t		 llen;

	if (p->cap_mode == C_PLAIN)
		return;
	if (p->cap_div != 0 && p->depth - 1 == p->cap_div) {
		p->cap_div = 0;
		return;
	}
	local = feed_local(name, strlen(name), &llen);
	if (feed_is_void(local, llen))
		return;
	buf_add(&p->cb, "</", 2);
	buf_add(&p->cb, local, llen);
	buf_addch(&p->cb, '>');
}

/* Act on an element of the feed itself. */
static void
parser_feed_field(struct parser *p, enum feed_tag tag, mxml_node_t *node)
{
	const char	*href;

	switch (tag) {
	case T_TITLE:
		parser_capture(p, F_TITLE, node, tag);
		break;
	case T_LINK:
		if ((href = parser_attr(node, "href")) != NULL)
			parser_link(p, node, href, K_FEED);
		else
			parser_capture(p, F_LINK, node, tag);
		break;
	case T_DESCRIPTION:
	case T_SUBTITLE:
		parser_capture(p, F_DESC, node, tag);
		break;
	case T_LANGUAGE:
		parser_capture(p, F_LANG, node, tag);
		break;
	case T_ITUNES_SUMMARY:
		parser_capture(p, F_ITSUMMARY, node, tag);
		break;
	case T_ITUNES_SUBTITLE:
		parser_capture(p, F_ITSUBTITLE, node, tag);
		break;
	case T_TTL:
		parser_capture(p, F_TTL, node, tag);
		break;
	case T_ICON:
	case T_LOGO:
		parser_capture(p, F_IMAGE, node, tag);
		p->cap_rank = tag == T_ICON ? 0 : 2;
		break;
	case T_ITUNES_IMAGE:
		/* Publishers write url= for href= as in <enclosure>. */
		if ((href = parser_attr(node, "href")) != NULL ||
		    (href = parser_attr(node, "url")) != NULL)
			feed_image(p->f, &p->image_rank, 3, feed_link(
			    p->st[p->depth - 1].base, href));
		break;
	case T_DATE_UPD:
	case T_DATE_FEED:
	case T_DATE_DC:
	case T_DATE_PUB:
		parser_capture(p, F_DATE, node, tag);
		p->cap_rank = tag == T_DATE_UPD ? 0 : tag == T_DATE_FEED ? 1 :
		    tag == T_DATE_DC ? 2 : 3;
		break;
	default:
		break;
	}
}

/* Keep the xml:lang of an entry's text element of rank rank. */
static void
parser_text_lang(struct parser *p, int rank)
{
	parser_entry_lang(p->pe, p->st[p->depth - 1].ownlang, rank);
}

/* Act on an element of an entry. */
static void
parser_entry_field(struct parser *p, enum feed_tag tag, mxml_node_t *node)
{
	const char	*href, *term;

	switch (tag) {
	case T_TITLE:
		parser_capture(p, F_TITLE, node, tag);
		parser_text_lang(p, 2);
		break;
	case T_LINK:
		if ((href = parser_attr(node, "href")) != NULL)
			parser_link(p, node, href, K_ENTRY);
		else
			parser_capture(p, F_LINK, node, tag);
		break;
	case T_GUID:
		parser_capture(p, F_GUID, node, tag);
		p->cap_permalink = !parser_attr_is(p, node, "isPermaLink",
		    "false");
		break;
	case T_ID:
		parser_capture(p, F_ID, node, tag);
		break;
	case T_CREATOR:
		parser_capture(p, F_PERSON, node, tag);
		break;
	case T_DATE_PUB:
	case T_DATE_DC:
	case T_DATE_CREATED:
	case T_DATE_UPD:
		parser_capture(p, F_DATE, node, tag);
		p->cap_rank = tag == T_DATE_PUB ? 0 : tag == T_DATE_DC ? 1 :
		    tag == T_DATE_CREATED ? 2 : 10;
		break;
	case T_DESCRIPTION:
	case T_SUMMARY:
		parser_capture(p, F_SUMMARY, node, tag);
		parser_text_lang(p, 1);
		break;
	case T_CONTENT:
		if ((href = parser_attr(node, "src")) != NULL)
			parser_set(&p->pe->content_src, feed_link(
			    p->st[p->depth - 1].base, href));
		parser_capture(p, F_CONTENT, node, tag);
		parser_text_lang(p, 0);
		break;
	case T_CONTENT_ENCODED:
	case T_XHTML_BODY:
		parser_capture(p, F_CONTENT, node, tag);
		parser_text_lang(p, 0);
		break;
	case T_ITUNES_SUMMARY:
		parser_capture(p, F_ITSUMMARY, node, tag);
		break;
	case T_ITUNES_SUBTITLE:
		parser_capture(p, F_ITSUBTITLE, node, tag);
		break;
	case T_LANGUAGE:
		parser_capture(p, F_LANG, node, tag);
		break;
	case T_ITUNES_DURATION:
		parser_capture(p, F_DURATION, node, tag);
		break;
	case T_MEDIA_DESCRIPTION:
		parser_capture(p, F_MDESC, node, tag);
		break;
	case T_MEDIA_TITLE:
		parser_capture(p, F_MTITLE, node, tag);
		break;
	case T_ITUNES_IMAGE:
		parser_enclosure(p, &p->pe->thumbs, &p->pe->nthumbs, node,
		    parser_attr(node, "href") != NULL ? "href" : "url", NULL);
		break;
	case T_ENCLOSURE:
		parser_enclosure(p, &p->pe->e.enclosures, &p->pe->e.nenclosures,
		    node, parser_attr(node, "url") != NULL ? "url" : "href",
		    "length");
		break;
	case T_MEDIA_CONTENT:
		parser_enclosure(p, &p->pe->media, &p->pe->nmedia, node, "url",
		    "fileSize");
		break;
	case T_MEDIA_THUMBNAIL:
		parser_enclosure(p, &p->pe->thumbs, &p->pe->nthumbs, node,
		    "url", NULL);
		break;
	case T_KEYWORDS:
		parser_capture(p, F_KEYWORDS, node, tag);
		break;
	case T_ITUNES_CATEGORY:
		/* Its name is in text=; a subcategory is inside it. */
		if ((term = parser_attr_text(p, node, "text")) != NULL)
			parser_category(p, term);
		break;
	case T_CATEGORY:
	case T_SUBJECT:
		parser_capture(p, F_CATEGORY, node, tag);
		term = tag == T_CATEGORY ? parser_attr_text(p, node, "term") :
		    NULL;
		if (term == NULL && tag == T_CATEGORY)
			term = parser_attr_text(p, node, "label");
		p->cap_hasterm = term != NULL;
		if (term != NULL)
			parser_category(p, term);
		break;
	default:
		break;
	}
}

/* An element opens. */
static void
parser_open(struct parser *p, mxml_node_t *node)
{
	const char		*name = mxmlGetElement(node), *v;
	struct parser_frame	*parent, *fr;
	enum feed_tag		 tag;

	if (p->depth >= nitems(p->st)) {
		p->overflow++;
		return;
	}
	parent = &p->st[p->depth - 1];
	fr = &p->st[p->depth++];
	fr->kind = parent->kind;
	fr->base = parent->base;
	fr->ownbase = NULL;
	fr->lang = parent->lang;
	fr->ownlang = NULL;
	if ((v = parser_attr_text(p, node, "xml:lang")) != NULL) {
		/* xml:lang="" says the language is unknown. */
		fr->ownlang = *v != '\0' ? xstrdup(v) : NULL;
		fr->lang = fr->ownlang;
	}
	if ((v = parser_attr(node, "xml:base")) != NULL) {
		buf_reset(&p->tmp);
		feed_add_text(&p->tmp, v, strlen(v), 0);
		if ((fr->ownbase = feed_url_resolve(parent->base,
		    p->tmp.data)) != NULL)
			fr->base = fr->ownbase;
	}
	if (p->cap != F_NONE) {
		parser_markup_open(p, node, name);
		return;
	}
	tag = parser_tag(name);
	switch (tag) {
	case T_ROOT:
		if (p->depth == 2 && p->lang == NULL &&
		    (v = parser_attr_text(p, node, "xml:lang")) != NULL)
			p->lang = xstrdup(v);
		return;
	case T_FEED:
	case T_CHANNEL:
		if (parent->kind != K_NONE && parent->kind != K_FEED)
			break;
		fr->kind = K_FEED;
		if ((v = parser_attr_text(p, node, "xml:lang")) != NULL) {
			free(p->lang);
			p->lang = xstrdup(v);
		}
		parser_cdf(p, node, K_FEED);
		return;
	case T_ENTRY:
		if (parent->kind != K_NONE && parent->kind != K_FEED) {
			fr->kind = K_IGNORE;
			return;
		}
		if (p->f->nentries >= FEED_MAX_ENTRIES) {
			p->f->dropped++;	/* the caller says so */
			fr->kind = K_IGNORE;
			return;
		}
		fr->kind = K_ENTRY;
		parser_entry_start(p, node);
		if (fr->lang != NULL)
			p->pe->e.lang = xstrdup(fr->lang);
		p->pe->haslang = parser_attr(node, "xml:lang") != NULL;
		return;
	case T_IMAGE:
		/* RSS 1.0's image is beside the channel. */
		fr->kind = parent->kind == K_FEED || parent->kind == K_NONE ?
		    K_IMAGE : K_IGNORE;
		return;
	case T_IGNORE:
		fr->kind = K_IGNORE;
		return;
	case T_AUTHOR:
		if (parent->kind != K_ENTRY) {
			fr->kind = K_IGNORE;
			return;
		}
		fr->kind = K_PERSON;
		p->person_depth = p->depth - 1;
		buf_reset(&p->pname);
		buf_reset(&p->pemail);
		buf_reset(&p->ptext);
		return;
	default:
		break;
	}
	if (parent->kind == K_FEED)
		parser_feed_field(p, tag, node);
	else if (parent->kind == K_ENTRY)
		parser_entry_field(p, tag, node);
	else if (parent->kind == K_PERSON && (tag == T_NAME || tag == T_EMAIL))
		parser_capture(p, tag == T_NAME ? F_NAME : F_EMAIL, node, tag);
	else if (parent->kind == K_IMAGE && tag == T_URL) {
		parser_capture(p, F_IMAGE, node, tag);
		p->cap_rank = 1;
	}
}

/* An element closes. */
static void
parser_close(struct parser *p, mxml_node_t *node)
{
	struct parser_frame	*fr;
	size_t			 i;

	if (p->overflow > 0) {
		p->overflow--;
		return;
	}
	i = p->depth - 1;
	fr = &p->st[i];
	if (p->cap != F_NONE) {
		if (i == p->cap_depth)
			parser_capture_end(p);
		else
			parser_markup_close(p, mxmlGetElement(node));
	} else if (fr->kind == K_PERSON && i == p->person_depth)
		parser_person_end(p);
	else if (fr->kind == K_ENTRY && p->st[i - 1].kind != K_ENTRY &&
	    p->pe != NULL)
		parser_entry_end(p);
	free(fr->ownbase);
	free(fr->ownlang);
	p->depth--;
}

/* Text of len bytes at s, one piece of what mxml read. */
static void
parser_text(struct parser *p, const char *s, size_t len)
{
	size_t	 i;

	if (p->cap != F_NONE) {
		for (i = 0; i < len && !p->cap_text; i++)
			if (!feed_isspace((unsigned char)s[i]))
				p->cap_text = 1;
		feed_add_text(&p->cb, s, len, p->cap_mode == C_XHTML ||
		    (p->cap_mode == C_MARKUP && p->cap_children));
	} else if (p->st[p->depth - 1].kind == K_PERSON &&
	    p->depth - 1 == p->person_depth)
		feed_add_text(&p->ptext, s, len, 0);
}

/*
 * Text as mxml read it, with each placeholder in it replaced by the span
 * of p->texts it names. Most text is one placeholder, or no placeholder;
 * where cleaning dropped a part too deep, the text on either side of it
 * comes as one.
 */
static void
parser_data(struct parser *p, const char *s)
{
	const struct feed_span	*sp;
	const char		*m;
	size_t			 i, len;

	if (s == NULL || p->overflow > 0)
		return;
	while (*s != '\0') {
		if ((m = strstr(s, FEED_MARK)) != s) {
			len = m != NULL ? (size_t)(m - s) : strlen(s);
			parser_text(p, s, len);
			s += len;
			continue;
		}
		for (i = 0, s += FEED_MARK_LEN; *s >= '0' && *s <= '9' &&
		    i < p->texts->n; s++)
			i = i * 10 + (size_t)(*s - '0');
		if (*s != FEED_MARK_END || i >= p->texts->n)
			fatalx("feed: no text for a placeholder");
		s++;
		sp = &p->texts->spans[i];
		parser_text(p, p->texts->data.data + sp->off, sp->len);
	}
}

/* mxml's SAX callback. */
static void
parser_sax(mxml_node_t *node, mxml_sax_event_t event, void *arg)
{
	struct parser	*p = arg;

	switch (event) {
	case MXML_SAX_ELEMENT_OPEN:
		parser_open(p, node);
		break;
	case MXML_SAX_ELEMENT_CLOSE:
		parser_close(p, node);
		break;
	case MXML_SAX_DATA:
		parser_data(p, mxmlGetOpaque(node));
		break;
	default:
		break;
	}
}

/* mxml's error callback: keep the first message of a parse. */
static void
parser_error(const char *msg)
{
	if (feed_mxml_error[0] == '\0')
		snprintf(feed_mxml_error, sizeof feed_mxml_error, "%s", msg);
}

/* Free what an entry holds. */
static void
feed_entry_free(struct feed_entry *e)
{
	size_t	 j;

	free(e->id);
	free(e->title);
	free(e->link);
	free(e->author);
	free(e->summary);
	free(e->content);
	free(e->lang);
	parser_enclosures_free(e->enclosures, e->nenclosures);
	for (j = 0; j < e->ncategories; j++)
		free(e->categories[j]);
	free(e->categories);
}

/* Free what cleaning took out of a document. */
static void
feed_texts_release(struct feed_texts *t)
{
	buf_release(&t->data);
	free(t->spans);
}

/* Free what a parser holds, beyond the feed it fills. */
static void
parser_free(struct parser *p)
{
	struct parser_entry	*pe = p->pe;
	size_t			 i;

	if (pe != NULL) {
		free(pe->alt_html);
		free(pe->alt_other);
		free(pe->rss_link);
		free(pe->guid_link);
		free(pe->about);
		free(pe->name);
		free(pe->email);
		free(pe->itsummary);
		free(pe->itsubtitle);
		free(pe->mtitle);
		free(pe->mdesc);
		free(pe->content_src);
		free(pe->textlang);
		parser_enclosures_free(pe->media, pe->nmedia);
		parser_enclosures_free(pe->thumbs, pe->nthumbs);
		feed_entry_free(&pe->e);
		free(pe);
	}
	for (i = 1; i < p->depth && i < nitems(p->st); i++) {
		free(p->st[i].ownbase);
		free(p->st[i].ownlang);
	}
	free(p->alt_html);
	free(p->alt_other);
	free(p->rss_link);
	free(p->itsummary);
	free(p->itsubtitle);
	free(p->lang);
	free(p->docbase);
	buf_release(&p->cb);
	buf_release(&p->pname);
	buf_release(&p->pemail);
	buf_release(&p->ptext);
	buf_release(&p->tmp);
	buf_release(&p->cat);
	free(p);
}

/* What every format shares once parsed: an entry without a language
 * of its own has the feed's. */
static void
feed_finish(struct feed *f)
{
	size_t	 i;

	if (f->language == NULL)
		return;
	for (i = 0; i < f->nentries; i++)
		if (f->entries[i].lang == NULL)
			f->entries[i].lang = xstrdup(f->language);
}

/* Parse a feed document into *f, or say in *cause why it is none. */
int
feed_parse(const char *data, size_t len, const char *url,
    const char *charset, struct feed *f, char **cause)
{
	struct buf	 u = BUF_INIT, x = BUF_INIT;
	struct feed_texts texts;
	struct parser	*p;
	mxml_node_t	*top, *r;
	int		 truncated = 0;

	memset(f, 0, sizeof *f);
	f->updated = FEED_NODATE;
	if (data == NULL) {
		data = "";
		len = 0;
	}
	if (feed_is_json(data, len)) {
		if (feed_parse_jsonfeed(data, len, url, charset, 0, f,
		    cause) != 0)
			return (-1);
		feed_finish(f);
		return (0);
	}
	if (!charset_xml_to_utf8(data, len, charset, &u)) {
		data = u.data;
		len = u.len;
	}
	memset(&texts, 0, sizeof texts);
	buf_init(&texts.data);
	if (feed_clean(data, len, &x, &texts, &truncated, cause) != 0) {
		buf_release(&u);
		buf_release(&x);
		feed_texts_release(&texts);
		return (-1);
	}
	buf_release(&u);

	p = xcalloc(1, sizeof *p);
	p->f = f;
	p->texts = &texts;
	p->atom = strncmp(x.data, "<feed", 5) == 0 &&
	    (x.data[5] == ' ' || x.data[5] == '>' || x.data[5] == '/');
	p->st[0].kind = K_NONE;
	p->link_base = feed_url_local(url);
	p->st[0].base = p->link_base ? NULL : url;
	p->depth = 1;
	p->date_rank = 99;
	p->image_rank = 99;
	buf_init(&p->cb);
	buf_init(&p->pname);
	buf_init(&p->pemail);
	buf_init(&p->ptext);
	buf_init(&p->tmp);
	buf_init(&p->cat);

	feed_mxml_error[0] = '\0';
	mxmlSetErrorCallback(parser_error);
	top = mxmlNewElement(MXML_NO_PARENT, "tidings");
	r = mxmlSAXLoadString(top, x.data, MXML_OPAQUE_CALLBACK, parser_sax,
	    p);
	mxmlDelete(top);
	buf_release(&x);
	feed_texts_release(&texts);
	if (r == NULL) {
		xasprintf(cause, "XML error: %s", feed_mxml_error[0] != '\0' ?
		    feed_mxml_error : "the document cannot be read");
		parser_free(p);
		feed_release(f);
		return (-1);
	}
	f->link = parser_pick(p->alt_html, parser_pick(p->rss_link,
	    p->alt_other));
	p->alt_html = p->rss_link = p->alt_other = NULL;
	/* A feed's description is its subtitle, as for feedparser. */
	f->description = parser_pick(f->description,
	    parser_pick(p->itsubtitle, p->itsummary));
	p->itsummary = p->itsubtitle = NULL;
	if (f->language == NULL) {
		f->language = p->lang;
		p->lang = NULL;
	}
	parser_rebase(p);
	if (truncated)
		log_debug("feed: %s: the document is cut off; its last "
		    "entry was dropped", url != NULL ? url : "-");
	parser_free(p);
	feed_repair(f);
	feed_finish(f);
	return (0);
}

/* Repair *sp when it was double-encoded (html_undouble()). */
static void
feed_undouble(char **sp)
{
	if (*sp != NULL)
		(*sp)[html_undouble(*sp, strlen(*sp))] = '\0';
}

/* Repair the text of f that was double-encoded (feed_undouble()). */
void
feed_repair(struct feed *f)
{
	struct feed_entry	*e;
	size_t			 i, j;

	feed_undouble(&f->title);
	feed_undouble(&f->description);
	for (i = 0; i < f->nentries; i++) {
		e = &f->entries[i];
		feed_undouble(&e->title);
		feed_undouble(&e->author);
		feed_undouble(&e->summary);
		feed_undouble(&e->content);
		for (j = 0; j < e->ncategories; j++)
			feed_undouble(&e->categories[j]);
	}
}

/* Parse an HTTP response's body as its Content-Type says. */
int
feed_parse_response(const char *data, size_t len, const char *url,
    const char *content_type, struct feed *f, char **cause)
{
	char	*charset;
	size_t	 n;
	int	 rc;

	charset = charset_from_content_type(content_type);
	n = content_type != NULL ? strcspn(content_type, "; \t") : 0;
	/* The JSON Feed type over markup is a mislabelled XML feed; JSON
	 * under any other type is found by feed_parse(). */
	if (n == 21 && strncasecmp(content_type, "application/feed+json",
	    n) == 0 && data != NULL && feed_is_json(data, len)) {
		memset(f, 0, sizeof *f);
		f->updated = FEED_NODATE;
		if ((rc = feed_parse_jsonfeed(data, len, url, charset, 1, f,
		    cause)) == 0)
			feed_finish(f);
	} else
		rc = feed_parse(data, len, url, charset, f, cause);
	free(charset);
	return (rc);
}

/* Free what a parsed feed holds and leave it empty. */
void
feed_release(struct feed *f)
{
	size_t	 i;

	free(f->title);
	free(f->link);
	free(f->description);
	free(f->language);
	free(f->image);
	for (i = 0; i < f->nentries; i++)
		feed_entry_free(&f->entries[i]);
	free(f->entries);
	memset(f, 0, sizeof *f);
	f->updated = FEED_NODATE;
}

/* Append a date as a JSON string in RFC 3339, or null. */
static void
feed_json_date(struct buf *b, int64_t t)
{
	char	 s[32];

	if (t == FEED_NODATE) {
		buf_addstr(b, "null");
		return;
	}
	time_rfc3339(t, s, sizeof s);
	buf_add_jsonstr(b, s);
}

/* Append the feed as the JSON that "tidings parse-feed" prints. */
void
feed_json(const struct feed *f, struct buf *b)
{
	const struct feed_entry		*e;
	const struct feed_enclosure	*enc;
	size_t				 i, j;

	buf_addstr(b, "{\"feed\":{\"title\":");
	buf_add_jsonstr(b, f->title);
	buf_addstr(b, ",\"link\":");
	buf_add_jsonstr(b, f->link);
	buf_addstr(b, ",\"description\":");
	buf_add_jsonstr(b, f->description);
	buf_addstr(b, ",\"language\":");
	buf_add_jsonstr(b, f->language);
	buf_addstr(b, ",\"image\":");
	buf_add_jsonstr(b, f->image);
	buf_addstr(b, ",\"updated\":");
	feed_json_date(b, f->updated);
	buf_addf(b, ",\"dropped_entries\":%zu", f->dropped);
	buf_addstr(b, "},\"entries\":[");
	for (i = 0; i < f->nentries; i++) {
		e = &f->entries[i];
		buf_addstr(b, i == 0 ? "{\"id\":" : ",{\"id\":");
		buf_add_jsonstr(b, e->id);
		buf_addstr(b, ",\"title\":");
		buf_add_jsonstr(b, e->title);
		buf_addstr(b, ",\"link\":");
		buf_add_jsonstr(b, e->link);
		buf_addstr(b, ",\"author\":");
		buf_add_jsonstr(b, e->author);
		buf_addstr(b, ",\"published\":");
		feed_json_date(b, e->published);
		buf_addstr(b, ",\"updated\":");
		feed_json_date(b, e->updated);
		buf_addstr(b, ",\"summary\":");
		buf_add_jsonstr(b, e->summary);
		buf_addstr(b, ",\"content\":");
		buf_add_jsonstr(b, e->content);
		buf_addstr(b, ",\"lang\":");
		buf_add_jsonstr(b, e->lang);
		buf_addstr(b, ",\"enclosures\":[");
		for (j = 0; j < e->nenclosures; j++) {
			enc = &e->enclosures[j];
			buf_addstr(b, j == 0 ? "{\"url\":" : ",{\"url\":");
			buf_add_jsonstr(b, enc->url);
			buf_addstr(b, ",\"type\":");
			buf_add_jsonstr(b, enc->type);
			buf_addstr(b, ",\"length\":");
			if (enc->length < 0)
				buf_addstr(b, "null");
			else
				buf_addf(b, "%lld", (long long)enc->length);
			buf_addstr(b, ",\"duration\":");
			if (enc->duration < 0)
				buf_addstr(b, "null");
			else
				buf_addf(b, "%lld", (long long)enc->duration);
			buf_addch(b, '}');
		}
		buf_addstr(b, "],\"categories\":[");
		for (j = 0; j < e->ncategories; j++) {
			if (j > 0)
				buf_addch(b, ',');
			buf_add_jsonstr(b, e->categories[j]);
		}
		buf_addstr(b, "]}");
	}
	buf_addstr(b, "]}");
}
