/*
 * extract-meta.c: the metadata of a page (title, byline, date, site name,
 * lead image) from what pages declare: JSON-LD Article objects, itemprop,
 * OpenGraph and other <meta> tags, rel=author, byline classes and <time>,
 * in that order of trust; and the title's last resort, the document's
 * <title> without the site's name.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "html.h"
#include "json.h"
#include "date.h"
#include "url.h"
#include "util.h"

/* Is cp a character no metadata shows: a C1 control, a soft hyphen, a
 * direction mark or override, a byte order mark? */
static int
meta_invisible(uint32_t cp)
{
	return ((cp >= 0x80 && cp <= 0x9f) || cp == 0xad ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c || cp == 0xfeff);
}

/* The length of the reference "&" + p[0..len) would make, when it ends
 * with ';' (so "&amp;T" stays "&T"), setting *cp; 0 when none. */
static size_t
meta_charref_after(const unsigned char *p, size_t len, uint32_t *cp)
{
	char	 ref[40];
	size_t	 n;

	if (len == 0 || (*p != '#' && !ascii_isalpha(*p)))
		return (0);
	ref[0] = '&';
	n = len < sizeof ref - 2 ? len : sizeof ref - 2;
	memcpy(ref + 1, p, n);
	ref[n + 1] = '\0';
	n = html_charref(ref, n + 1, cp);
	return (n > 1 && ref[n - 1] == ';' ? n - 1 : 0);
}

/*
 * Append s to out with whitespace folded, controls dropped and the
 * character references pages double-escape (&amp;#39;) decoded.
 */
void
meta_clean(struct buf *out, const char *s, int entities)
{
	const unsigned char	*p = (const unsigned char *)s, *end;
	size_t			 n, m;
	uint32_t		 cp;
	int			 space = 0;

	end = p + strlen(s);
	while (*p != '\0') {
		if (ascii_isspace(*p) || *p < 0x20 || *p == 0x7f ||
		    (p[0] == 0xc2 && p[1] == 0xa0)) {
			space = out->len > 0;
			p += (p[0] == 0xc2) + 1;
			continue;
		}
		if (space)
			buf_addch(out, ' ');
		space = 0;
		if (*p == '&' && entities && (n = html_charref((const char *)p,
		    (size_t)(end - p), &cp)) != 0) {
			p += n;
			/* Escaped twice, as JSON-LD written by an HTML
			 * template often is: "&amp;#8230;" read as the
			 * reference "&#8230;" that it escapes. */
			if (cp == '&' && (m = meta_charref_after(p,
			    (size_t)(end - p), &cp)) != 0)
				p += m;
			if (cp <= 0x20 || cp == 0x7f || cp == 0xa0)
				space = out->len > 0 &&
				    out->data[out->len - 1] != ' ';
			else if (!meta_invisible(cp))
				utf8_encode(out, cp);
			continue;
		}
		if (*p < 0x80) {
			buf_addch(out, *p++);
			continue;
		}
		n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			p++;
			continue;
		}
		if (!meta_invisible(cp))
			buf_add(out, p, n);
		p += n;
	}
}

/* Offer v for a metadata field: it wins if it is more trusted. */
static void
meta_offer(struct extractor *x, int field, const char *v, int rank)
{
	struct meta_slot	*m = &x->meta[field];
	int64_t			 t = 0;

	if (v == NULL)
		return;
	while (ascii_isspace((unsigned char)*v))
		v++;
	if (*v == '\0' || (m->v != NULL && m->rank <= rank))
		return;
	if (field == M_DATE && date_parse_page(v, &t) != 0)
		return;
	if (field == M_BYLINE && (strncmp(v, "http://", 7) == 0 ||
	    strncmp(v, "https://", 8) == 0))
		return;		/* a profile URL, not a name */
	m->v = v;
	m->rank = rank;
	m->t = t;
}

/* A <meta>, <title>, <link> or <base> element of the page. */
void
meta_element(struct extractor *x, const GumboNode *g)
{
	static const struct {
		const char	*key;
		int		 field;
		int		 rank;
	} keys[] = {
		{ "og:title",			M_TITLE,	3 },
		{ "twitter:title",		M_TITLE,	4 },
		{ "headline",			M_TITLE,	2 },
		{ "dc.title",			M_TITLE,	5 },
		{ "author",			M_BYLINE,	2 },
		{ "article:author",		M_BYLINE,	2 },
		{ "dc.creator",			M_BYLINE,	3 },
		{ "byl",			M_BYLINE,	3 },
		{ "sailthru.author",		M_BYLINE,	3 },
		{ "parsely-author",		M_BYLINE,	3 },
		{ "article:published_time",	M_DATE,		2 },
		{ "og:published_time",		M_DATE,		2 },
		{ "datepublished",		M_DATE,		3 },
		{ "pubdate",			M_DATE,		4 },
		{ "publishdate",		M_DATE,		4 },
		{ "publish-date",		M_DATE,		4 },
		{ "publish_date",		M_DATE,		4 },
		{ "date",			M_DATE,		5 },
		{ "dc.date",			M_DATE,		5 },
		{ "dc.date.issued",		M_DATE,		4 },
		{ "dcterms.created",		M_DATE,		5 },
		{ "sailthru.date",		M_DATE,		5 },
		{ "parsely-pub-date",		M_DATE,		4 },
		{ "og:site_name",		M_SITE,		1 },
		{ "application-name",		M_SITE,		3 },
		{ "og:image",			M_IMAGE,	1 },
		{ "og:image:url",		M_IMAGE,	1 },
		{ "og:image:secure_url",	M_IMAGE,	1 },
		{ "twitter:image",		M_IMAGE,	2 },
		{ "twitter:image:src",		M_IMAGE,	2 },
		{ "image",			M_IMAGE,	4 },
		{ "thumbnailurl",		M_IMAGE,	5 },
		{ "og:description",		M_DESC,		1 },
		{ "description",		M_DESC,		2 },
		{ "twitter:description",	M_DESC,		3 },
	};
	const char	*key, *v;
	char		 low[48];
	size_t		 i;
	int		 tag = g->v.element.tag;

	if (tag == GUMBO_TAG_TITLE) {
		if (g->v.element.children.length > 0 &&
		    ((GumboNode *)g->v.element.children.data[0])->type ==
		    GUMBO_NODE_TEXT)
			meta_offer(x, M_DOCTITLE, ((GumboNode *)
			    g->v.element.children.data[0])->v.text.text, 1);
		return;
	}
	if (tag == GUMBO_TAG_BASE) {
		meta_offer(x, M_BASE, attr(g, "href"), 1);
		return;
	}
	if (tag == GUMBO_TAG_LINK) {
		if ((v = attr(g, "rel")) != NULL && strcmp(v, "image_src") == 0)
			meta_offer(x, M_IMAGE, attr(g, "href"), 3);
		return;
	}
	if (tag != GUMBO_TAG_META ||
	    ((key = attr(g, "property")) == NULL &&
	    (key = attr(g, "name")) == NULL &&
	    (key = attr(g, "itemprop")) == NULL))
		return;
	v = attr(g, "content");
	if (v == NULL)
		v = attr(g, "datetime");
	for (i = 0; key[i] != '\0' && i < sizeof low - 1; i++)
		low[i] = (char)ascii_lower((unsigned char)key[i]);
	low[i] = '\0';
	for (i = 0; i < nitems(keys); i++)
		if (strcmp(low, keys[i].key) == 0)
			meta_offer(x, keys[i].field, v, keys[i].rank);
	if (strcmp(low, "og:type") == 0 && v != NULL &&
	    strcasecmp(v, "article") == 0)
		x->ld_article |= ARTICLE_OG;
	else if (strcmp(low, "og:type") == 0 && v != NULL &&
	    strcasecmp(v, "website") == 0)
		x->website = 1;
	else if (strcmp(low, "og:type") == 0 && v != NULL &&
	    (strcasecmp(v, "product") == 0 || strcasecmp(v, "og:product") ==
	    0 || strcasecmp(v, "product.item") == 0))
		x->og_product = 1;
}

/* Is a type name an article of some kind? */
static int
name_is_article(const char *s)
{
	size_t	 n = strlen(s);

	return ((n >= 7 && strcmp(s + n - 7, "Article") == 0) ||
	    (n >= 7 && strcmp(s + n - 7, "Posting") == 0) ||
	    strcmp(s, "Report") == 0 || strcmp(s, "APIReference") == 0);
}

/* Is a type name a product? */
static int
name_is_product(const char *s)
{
	return (strcmp(s, "Product") == 0 || strcmp(s, "ProductGroup") == 0);
}

/* Does a JSON-LD @type (a name or an array of them) have a name that is? */
static int
ld_type_is(const struct json *type, int (*is)(const char *))
{
	size_t	 i;

	if (type == NULL)
		return (0);
	if (type->type == JSON_ARRAY) {
		for (i = 0; i < type->n; i++)
			if (ld_type_is(&type->v[i], is))
				return (1);
		return (0);
	}
	return (type->type == JSON_STRING && is(type->str));
}

/* The names of a JSON-LD author value, joined with ", ". */
static void
ld_names(const struct json *v, struct buf *out)
{
	const struct json	*name;
	size_t			 i;

	if (v == NULL)
		return;
	if (v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++)
			ld_names(&v->v[i], out);
		return;
	}
	if (v->type == JSON_OBJECT && (name = json_get(v, "name")) != NULL)
		v = name;
	if (v->type != JSON_STRING || *v->str == '\0' ||
	    strncmp(v->str, "http", 4) == 0)
		return;
	if (out->len > 0)
		buf_addstr(out, ", ");
	buf_addstr(out, v->str);
}

/* The URL of a JSON-LD image value (a string, an ImageObject, a list). */
static const char *
ld_url(const struct json *v)
{
	const struct json	*u;

	if (v == NULL)
		return (NULL);
	if (v->type == JSON_ARRAY)
		return (v->n > 0 ? ld_url(&v->v[0]) : NULL);
	if (v->type == JSON_OBJECT && (u = json_get(v, "url")) != NULL)
		v = u;
	return (v->type == JSON_STRING ? v->str : NULL);
}

/* Take the metadata of the first article object in a JSON-LD value. */
/* Note the kinds of page the JSON-LD declares, a thread or an article,
 * and the text a thread declares for its first post. */
static void
ld_kinds(struct extractor *x, const struct json *v, int depth)
{
	const struct json	*t, *f;
	size_t			 i;

	if (v == NULL || depth > 8)
		return;
	if (v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++)
			ld_kinds(x, &v->v[i], depth + 1);
		return;
	}
	if (v->type != JSON_OBJECT)
		return;
	t = json_get(v, "@type");
	if (t != NULL && t->type == JSON_STRING) {
		if (strcmp(t->str, "DiscussionForumPosting") == 0 ||
		    strcmp(t->str, "QAPage") == 0)
			x->ld_thread = 1;
		if ((strcmp(t->str, "DiscussionForumPosting") == 0 ||
		    strcmp(t->str, "Question") == 0) &&
		    x->ld_thread_text == NULL &&
		    ((f = json_get(v, "text")) != NULL ||
		    (f = json_get(v, "articleBody")) != NULL) &&
		    f->type == JSON_STRING)
			x->ld_thread_text = f->str;
		else if (ld_type_is(t, name_is_article))
			x->ld_article |= ARTICLE_LD;
	}
	/* A product on sale; one declared only for its rating stars is
	 * often a service's page. A product that comes in several sizes or
	 * colours is a group whose variants carry the offers. */
	if (ld_type_is(t, name_is_product) && (json_get(v, "offers") !=
	    NULL || json_get(v, "hasVariant") != NULL)) {
		x->ld_product++;
		if (x->ld_product_text == NULL &&
		    (f = json_get(v, "description")) != NULL &&
		    f->type == JSON_STRING)
			x->ld_product_text = f->str;
	}
	ld_kinds(x, json_get(v, "@graph"), depth + 1);
	ld_kinds(x, json_get(v, "mainEntity"), depth + 1);
}

static int
ld_walk(struct extractor *x, const struct json *v, int depth)
{
	const struct json	*f;
	struct buf		 names = BUF_INIT;
	size_t			 i;

	if (v == NULL || depth > 8)
		return (0);
	if (v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++)
			if (ld_walk(x, &v->v[i], depth + 1))
				return (1);
		return (0);
	}
	if (v->type != JSON_OBJECT)
		return (0);
	if (!ld_type_is(json_get(v, "@type"), name_is_article)) {
		if (ld_walk(x, json_get(v, "@graph"), depth + 1))
			return (1);
		return (ld_walk(x, json_get(v, "mainEntity"), depth + 1));
	}
	if ((f = json_get(v, "headline")) != NULL && f->type == JSON_STRING)
		meta_offer(x, M_TITLE, f->str, 1);
	else if ((f = json_get(v, "name")) != NULL && f->type == JSON_STRING)
		meta_offer(x, M_TITLE, f->str, 2);
	ld_names(json_get(v, "author"), &names);
	if (names.len > 0)
		meta_offer(x, M_BYLINE, arena_strndup(&x->garena, names.data,
		    names.len), 1);
	buf_release(&names);
	if ((f = json_get(v, "datePublished")) != NULL &&
	    f->type == JSON_STRING)
		meta_offer(x, M_DATE, f->str, 1);
	else if ((f = json_get(v, "dateCreated")) != NULL &&
	    f->type == JSON_STRING)
		meta_offer(x, M_DATE, f->str, 3);
	if ((f = json_get(json_get(v, "publisher"), "name")) != NULL &&
	    f->type == JSON_STRING)
		meta_offer(x, M_SITE, f->str, 2);
	meta_offer(x, M_IMAGE, ld_url(json_get(v, "image")), 3);
	if ((f = json_get(v, "articleBody")) != NULL && f->type == JSON_STRING &&
	    x->ld_body == NULL)
		x->ld_body = f->str;
	return (1);
}

/* Read every JSON-LD script (NUL-separated in ld) for metadata. */
void
meta_json_ld(struct extractor *x, const struct buf *ld)
{
	struct json	 v;
	size_t		 i = 0, n;

	while (i < ld->len) {
		n = strlen(ld->data + i);
		/* A partial value still helps. */
		json_parse(ld->data + i, n, extract_gumbo_alloc, &x->garena,
		    &v);
		ld_walk(x, &v, 0);
		ld_kinds(x, &v, 0);
		i += n + 1;
	}
}

/* Append s with whitespace runs folded into single spaces; *space carries
 * a pending space between calls. */
void
text_fold(struct buf *out, const char *s, int *space)
{
	const unsigned char	*p = (const unsigned char *)s;
	const unsigned char	*run;

	while (*p != '\0') {
		if (ascii_isspace(*p) || (p[0] == 0xc2 && p[1] == 0xa0)) {
			*space = 1;
			p += (p[0] == 0xc2) + 1;
			continue;
		}
		if (*space && out->len > 0)
			buf_addch(out, ' ');
		*space = 0;
		run = p;
		while (*p != '\0' && !ascii_isspace(*p) && !(p[0] == 0xc2 &&
		    p[1] == 0xa0))
			p++;
		buf_add(out, run, (size_t)(p - run));
	}
}

/* Append the text of node idx (what is left of it) to out. */
void
node_text(struct extractor *x, int idx, struct buf *out)
{
	const struct node	*n;
	int			 i = idx, end = x->n[idx].end, space = 0;

	while (i < end) {
		n = &x->n[i];
		if (n->flags & N_REMOVED) {
			i = n->end;
			continue;
		}
		if (n->tag == TAG_TEXT)
			text_fold(out, n->g->v.text.text, &space);
		else if (tag_block(n->tag) || n->tag == GUMBO_TAG_BR)
			space = 1;
		i++;
	}
}

/*
 * Is the item g's itemprop belongs to (the nearest element above it with
 * itemscope) the site's own furniture: its header (where themes mark the
 * site's name as a "headline"), footer, sidebar, navigation, or the site
 * or organisation itself?
 */
static int
meta_site_item(const GumboNode *g)
{
	static const char *const types[] = { "WPHeader", "WPFooter",
	    "WPSideBar", "SiteNavigationElement", "WebSite", "Organization",
	    "Brand" };
	const char	*type;
	size_t		 i;

	for (g = g->parent; g != NULL && g->type == GUMBO_NODE_ELEMENT;
	    g = g->parent) {
		if (attr(g, "itemscope") == NULL)
			continue;
		if ((type = attr(g, "itemtype")) == NULL)
			return (0);
		for (i = 0; i < nitems(types); i++)
			if (product_type_is(type, types[i]))
				return (1);
		return (0);
	}
	return (0);
}

/* Metadata an element of the body declares (itemprop, rel, <time>). */
void
meta_body_element(struct extractor *x, int idx)
{
	const GumboNode	*g = x->n[idx].g;
	const char	*ip, *rel, *v;
	int		 field = -1, rank = 0;

	ip = attr(g, "itemprop");
	rel = attr(g, "rel");
	if (ip != NULL) {
		if (strcmp(ip, "headline") == 0) {
			if (meta_site_item(g))
				return;
			field = M_TITLE;
			rank = 2;
		} else if (strcmp(ip, "datePublished") == 0) {
			field = M_DATE;
			rank = 3;
		} else if (strstr(ip, "author") != NULL) {
			field = M_BYLINE;
			rank = 3;
		}
	} else if (rel != NULL && strcmp(rel, "author") == 0) {
		field = M_BYLINE;
		rank = 4;
	} else if (x->n[idx].tag == GUMBO_TAG_TIME) {
		field = M_DATE;
		rank = 6;
	} else if (x->n[idx].cls & PAT_BYLINE) {
		field = M_BYLINE;
		rank = 5;
	}
	if (field < 0 || (x->meta[field].v != NULL &&
	    x->meta[field].rank <= rank))
		return;
	if (field == M_DATE && ((v = attr(g, "datetime")) != NULL ||
	    (v = attr(g, "content")) != NULL)) {
		meta_offer(x, field, v, rank);
		return;
	}
	if ((v = attr(g, "content")) != NULL) {
		meta_offer(x, field, v, rank);
		return;
	}
	if (x->n[idx].st.chars == 0 || x->n[idx].st.chars >
	    (field == M_BYLINE ? 100u : 200u))
		return;
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	meta_offer(x, field, arena_strndup(&x->garena, x->tmp.data,
	    x->tmp.len), rank);
}

/* Walk the head (or anything skipped) for metadata elements. */
void
meta_walk(struct extractor *x, const GumboNode *g, int depth)
{
	const GumboVector	*kids;
	unsigned		 i;

	if (g->type != GUMBO_NODE_ELEMENT || depth > 16)
		return;
	meta_element(x, g);
	kids = &g->v.element.children;
	for (i = 0; i < kids->length; i++)
		meta_walk(x, kids->data[i], depth + 1);
}

/* Split s into lower-case word tokens (ASCII letters and digits, and every
 * multi-byte character as part of a word). Return how many, at most max. */
static size_t
title_tokens(const char *s, const char **tok, size_t *len, size_t max)
{
	const unsigned char	*p = (const unsigned char *)s, *w;
	size_t			 n = 0;

	while (*p != '\0' && n < max) {
		if (!ascii_isalnum(*p) && *p < 0x80) {
			p++;
			continue;
		}
		w = p;
		while (*p != '\0' && (ascii_isalnum(*p) || *p >= 0x80))
			p++;
		tok[n] = (const char *)w;
		len[n++] = (size_t)(p - w);
	}
	return (n);
}

/* Readability's text similarity: the share of b's text that is made of
 * tokens a also has (0..1). */
double
title_similarity(const char *a, const char *b)
{
	const char	*ta[64], *tb[64];
	size_t		 la[64], lb[64], na, nb, i, j, total = 0, uniq = 0;

	na = title_tokens(a, ta, la, 64);
	nb = title_tokens(b, tb, lb, 64);
	if (na == 0 || nb == 0)
		return (0);
	for (i = 0; i < nb; i++) {
		total += lb[i] + (i > 0);
		for (j = 0; j < na; j++)
			if (la[j] == lb[i] &&
			    ascii_eq_nocase(ta[j], tb[i], la[j]))
				break;
		if (j == na)
			uniq += lb[i] + (uniq > 0);
	}
	return (1.0 - (double)uniq / (double)total);
}

/*
 * Does the title contain a site name part? Compare keys. With mostly
 * set, the site's name or host must also be half the part or more: a
 * part before the headline may say the site's name and more ("Site
 * Arrival T-Shirt - Black" is a product named after its maker, not the
 * site before a headline "Black").
 */
static int
title_names_site(const char *part, size_t len, const char *site,
    const char *host, int mostly)
{
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	int		 r = 0;

	text_key(part, len, &a);
	if (a.len == 0)
		r = 1;
	if (!r && site != NULL) {
		text_key(site, strlen(site), &b);
		r = b.len > 0 && ((strstr(a.data, b.data) != NULL &&
		    (!mostly || b.len * 2 >= a.len)) ||
		    strstr(b.data, a.data) != NULL);
	}
	if (!r && host != NULL) {
		text_key(host, strlen(host), &b);
		r = b.len > 2 && strstr(a.data, b.data) != NULL &&
		    (!mostly || b.len * 2 >= a.len);
	}
	buf_release(&a);
	buf_release(&b);
	return (r);
}

/* Is the part the site's whole name, or its host written as a domain
 * (a word with a dot and no blank that starts with the host's name)?
 * Stricter than title_names_site(), for the colon that
 * also ends a brand or a headline's first half. */
static int
title_is_site(const char *part, size_t len, const char *site,
    const char *host)
{
	struct buf	 a = BUF_INIT, b = BUF_INIT;
	int		 r = 0;

	text_key(part, len, &a);
	if (a.len > 0 && site != NULL) {
		text_key(site, strlen(site), &b);
		r = strcmp(a.data, b.data) == 0;
	}
	if (!r && a.len > 0 && host != NULL && memchr(part, '.', len) != NULL &&
	    memchr(part, ' ', len) == NULL) {
		buf_reset(&b);
		text_key(host, strlen(host), &b);
		r = b.len > 2 && strncmp(a.data, b.data, b.len) == 0;
	}
	buf_release(&a);
	buf_release(&b);
	return (r);
}

/* The main label of the page's host: "cnn" for www.cnn.com. */
static char *
title_host(const char *url)
{
	struct url_parts	 u;
	const char		*h, *e, *dot, *prev;

	if (url == NULL)
		return (NULL);
	url_split(url, &u);
	if (u.auth == NULL || u.authlen < 3)
		return (NULL);
	h = u.auth + 2;
	e = u.auth + u.authlen;
	dot = prev = NULL;
	for (; e > h; e--)
		if (e[-1] == '.') {
			if (dot == NULL)
				dot = e - 1;
			else {
				prev = e;
				break;
			}
		}
	if (dot == NULL)
		return (NULL);
	if (prev == NULL)
		prev = h;
	return (xstrndup(prev, (size_t)(dot - prev)));
}

/* What parts of a title are set apart with. */
static const char *const title_seps[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ",
	" \xc2\xab ", " \xc2\xbb ", " / ", " \xc2\xb7 ",
	" \xe2\x80\xa2 ", " : ", ": ",
};

/* How many bytes the mark at the end of heading idx takes when its last
 * text is a text of its own made of "#" and "\xc2\xb6" alone (a link to
 * the heading), put at *mp; or 0. */
static size_t
title_h1_mark(const struct extractor *x, int idx, const char **mp)
{
	const char	*s, *e;
	int		 i = idx + 1, last = -1, texts = 0;

	while (i < x->n[idx].end) {
		if (x->n[i].flags & N_REMOVED) {
			i = x->n[i].end;
			continue;
		}
		if (x->n[i].tag == TAG_TEXT && !(x->n[i].flags & N_SPACE)) {
			last = i;
			texts++;
		}
		i++;
	}
	if (texts < 2)
		return (0);
	s = x->n[last].g->v.text.text;
	while (ascii_isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && ascii_isspace((unsigned char)e[-1]))
		e--;
	for (i = 0; s + i < e; )
		if (s[i] == '#')
			i++;
		else if (e - (s + i) >= 2 && memcmp(s + i, "\xc2\xb6", 2) == 0)
			i += 2;
		else
			return (0);
	*mp = s;
	return ((size_t)i);
}

/* Take the blanks off the end of h, zero-width ones too (a heading's
 * link to itself may hold one). */
static void
title_trim(struct buf *h)
{
	const unsigned char	*e;

	while (h->len > 0) {
		e = (const unsigned char *)h->data + h->len;
		if (e[-1] == ' ')
			h->len--;
		else if (h->len >= 3 && ((e[-3] == 0xe2 && e[-2] == 0x80 &&
		    e[-1] >= 0x8b && e[-1] <= 0x8d) || (e[-3] == 0xe2 &&
		    e[-2] == 0x81 && e[-1] == 0xa0) || (e[-3] == 0xef &&
		    e[-2] == 0xbb && e[-1] == 0xbf)))
			h->len -= 3;
		else
			break;
	}
}

/* Put the text of the page's only <h1> in h (0 when it has none, or more
 * than one, or one shorter than min bytes). A mark that only links to the
 * heading itself ("\xc2\xb6", "#", as documentation generators add) is
 * no part of it: a text of its own, a pilcrow, or "#" after a blank; a
 * "#" that ends a word ("C#") is the word's. */
static int
title_lone_h1(struct extractor *x, struct buf *h, size_t min)
{
	const char	*m = NULL;
	size_t		 mark, n;
	int		 j, one = -1;

	for (j = 0; j < (int)x->nn; j++) {
		if (x->n[j].tag != GUMBO_TAG_H1)
			continue;
		if (one >= 0)
			return (0);
		one = j;
		j = x->n[j].end - 1;
	}
	if (one < 0 || x->n[one].st.chars < min)
		return (0);
	mark = title_h1_mark(x, one, &m);
	buf_reset(h);
	node_text(x, one, h);
	title_trim(h);
	if (mark > 0 && h->len > mark &&
	    memcmp(h->data + h->len - mark, m, mark) == 0)
		h->len -= mark;
	title_trim(h);
	if (h->len >= 2 && memcmp(h->data + h->len - 2, "\xc2\xb6", 2) == 0)
		h->len -= 2;
	title_trim(h);
	for (n = h->len; n > 0 && h->data[n - 1] == '#'; n--)
		;
	if (n < h->len && (n == 0 || h->data[n - 1] == ' '))
		h->len = n;
	title_trim(h);
	if (h->len == 0)
		return (0);
	h->data[h->len] = '\0';
	return (h->len >= min);
}

/* Does title t start with the heading h, whole words: alone, before a
 * separator ("Quickstart \xe2\x80\x94 Project docs") or before more words
 * (a shop's "Headlamps for camping and running" over its heading
 * "Headlamps")? */
static int
title_leads(const char *t, const struct buf *h)
{
	if (strlen(t) < h->len || !ascii_eq_nocase(t, h->data, h->len))
		return (0);
	t += h->len;
	return (*t == '\0' || *t == ' ' || *t == ':');
}

/* Do titles a and b say the same, words mostly shared both ways? */
static int
title_same(const char *a, const char *b)
{
	return (title_similarity(a, b) >= 0.8 && title_similarity(b, a) >= 0.8);
}

/* Is url a site's home page (no path past "/")? A page without an
 * address may be one. */
static int
title_home(const char *url)
{
	struct url_parts	 u;

	if (url == NULL)
		return (1);
	url_split(url, &u);
	return (u.pathlen == 0 || (u.pathlen == 1 && u.path[0] == '/'));
}

/*
 * The heading the page shows is its title when the page's <title> says
 * it too (starts with it, or is made of its words), and the title found
 * says something else: an og:title or a headline written as a teaser or
 * a description ("Not sure which to buy? Here's..."), or the heading
 * with the site's section and name after it. So it is when the title
 * found is the site's name alone, but on the home page, which that names.
 * A heading that is the site's name (a logo) is no title.
 */
static void
title_shown(struct extractor *x, struct buf *t, const struct buf *h,
    const char *host)
{
	struct buf	 d = BUF_INIT;
	const char	*site = x->meta[M_SITE].v;

	if (x->meta[M_DOCTITLE].v == NULL || t->len == 0 || h->len == 0)
		return;
	meta_clean(&d, x->meta[M_DOCTITLE].v, 1);
	if (title_names_site(h->data, h->len, site, host, 1) ||
	    (t->len == h->len && ascii_eq_nocase(t->data, h->data, h->len)))
		;	/* a logo, or the title already */
	else if ((!title_home(x->art->url) && title_is_site(t->data, t->len,
	    site, host)) || ((title_leads(d.data, h) ||
	    title_same(d.data, h->data)) && (title_leads(t->data, h) ||
	    !title_same(t->data, h->data)))) {
		buf_reset(t);
		buf_add(t, h->data, h->len);
	}
	buf_release(&d);
}

/* Decide the title: a declared headline as is; otherwise the page's
 * title with the site's name taken off, or the <h1> it starts with. */
void
meta_title(struct extractor *x)
{
	const char *const	*seps = title_seps;
	const struct meta_slot	*m = &x->meta[M_TITLE];
	struct buf		 t = BUF_INIT, h = BUF_INIT, lone = BUF_INIT;
	const char		*s, *p, *best = NULL;
	char			*host;
	size_t			 i, k, len, blen = 0;
	int			 j, lead;

	s = m->v != NULL ? m->v : x->meta[M_DOCTITLE].v;
	if (s == NULL)
		return;
	meta_clean(&t, s, 1);
	/* The page's one heading, which the rules below compare with. */
	if (!title_lone_h1(x, &lone, 3))
		buf_reset(&lone);
	host = title_host(x->art->url);
	if (m->v != NULL && m->rank <= 2)
		goto done;
	/* The headline shown on the page, when the title starts with it. */
	for (j = 0; j < (int)x->nn; j++) {
		if (x->n[j].tag != GUMBO_TAG_H1 || x->n[j].st.chars < 10)
			continue;
		buf_reset(&h);
		node_text(x, j, &h);
		if (h.len >= 10 && h.len < t.len &&
		    ascii_eq_nocase(t.data, h.data, h.len)) {
			buf_reset(&t);
			buf_add(&t, h.data, h.len);
			goto done;
		}
	}
	/* Otherwise drop the parts that name the site. */
	for (i = 0; i < nitems(title_seps); i++) {
		p = strstr(t.data, seps[i]);
		if (p == NULL)
			continue;
		len = strlen(seps[i]);
		/* "Headline - Site" or "Site | Headline"; a colon only
		 * after the site's name or domain ("Site: Headline"), since
		 * after a headline it starts its second half. */
		for (k = t.len; k >= len; k--)
			if (memcmp(t.data + k - len, seps[i], len) == 0)
				break;
		if (*seps[i] == ':')
			k = 0;
		if (k >= len && title_names_site(t.data + k, t.len - k,
		    x->meta[M_SITE].v, host, 0)) {
			best = t.data;
			blen = k - len;
		} else if (*seps[i] == ':' ? title_is_site(t.data,
		    (size_t)(p - t.data), x->meta[M_SITE].v, host) :
		    title_names_site(t.data, (size_t)(p - t.data),
		    x->meta[M_SITE].v, host, 1)) {
			best = p + len;
			blen = t.len - (size_t)(best - t.data);
		}
		if (best != NULL)
			break;
	}
	if (best != NULL && blen > 0) {
		lead = best != t.data;	/* the site's name came first */
		buf_reset(&h);
		buf_add(&h, best, blen);
		buf_reset(&t);
		buf_add(&t, h.data, h.len);
		/* "Site - motto" names no page: the page's one heading
		 * does, when the motto holds next to none of its words
		 * (and it is no banner with the site's name). */
		if (lead && m->v == NULL && lone.len >= 10 &&
		    !title_names_site(lone.data, lone.len, x->meta[M_SITE].v,
		    host, 0) && title_similarity(t.data, lone.data) < 0.2) {
			buf_reset(&t);
			buf_add(&t, lone.data, lone.len);
		}
	}
done:
	title_shown(x, &t, &lone, host);
	free(host);
	if (t.len > 0)
		x->title = arena_strndup(x->arena, t.data, t.len);
	buf_release(&t);
	buf_release(&h);
	buf_release(&lone);
}

/* Settle the metadata into the article. */
void
meta_finish(struct extractor *x)
{
	struct article	*art = x->art;
	struct buf	 b = BUF_INIT;
	const char	*s;

	art->title = x->title;
	s = x->meta[M_BYLINE].v != NULL ? x->meta[M_BYLINE].v : x->byline;
	if (s != NULL) {
		meta_clean(&b, s, 1);
		s = b.data;
		if (ascii_eq_nocase(s, "by ", 3))
			s += 3;
		if (*s != '\0' && strlen(s) < 300)
			art->byline = arena_strdup(x->arena, s);
		buf_reset(&b);
	}
	if (x->meta[M_DATE].v != NULL) {
		art->published = x->meta[M_DATE].t;
		art->has_published = 1;
	}
	if (x->meta[M_SITE].v != NULL) {
		meta_clean(&b, x->meta[M_SITE].v, 1);
		if (b.len > 0)
			art->site_name = arena_strndup(x->arena, b.data, b.len);
		buf_reset(&b);
	}
	if (x->meta[M_IMAGE].v != NULL) {
		/* JSON-LD strings may hold any character, escaped. */
		meta_clean(&b, x->meta[M_IMAGE].v, 0);
		s = arena_strndup(&x->garena, b.data, b.len);
		buf_reset(&b);
		url_resolve(&b, x->base, s);
		if (b.len > 0 && url_safe(b.data))
			art->lead_image = arena_strndup(x->arena, b.data,
			    b.len);
	}
	buf_release(&b);
}
