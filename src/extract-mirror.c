/*
 * extract-mirror.c: reader mode's second stage, gumbo's tree copied into
 * the flat array of nodes the later stages work on, each node with the
 * statistics of its subtree and the class/id pattern bits of its element
 * (see extract.c for the model, extract-int.h for the types).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "extract.h"
#include "extract-int.h"
#include "util.h"

/* The class and id words (see extract-int.h) and the bits each sets. */
static const struct pattern patterns[] = {
	{ "-ad-",		PAT_UNLIKELY | PAT_NEGATIVE | PAT_PROMO },
	{ "ad-break",		PAT_UNLIKELY | PAT_PROMO },
	{ "agegate",		PAT_UNLIKELY },
	{ "ai2html",		PAT_UNLIKELY },
	{ "and",		PAT_MAYBE },
	{ "article",		PAT_MAYBE | PAT_POSITIVE },
	{ "author",		PAT_BYLINE },
	{ "banner",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "blog",		PAT_POSITIVE },
	{ "body",		PAT_MAYBE | PAT_POSITIVE },
	{ "breadcrumbs",	PAT_UNLIKELY },
	{ "byline",		PAT_BYLINE },
	{ "caption",		PAT_CAPTION },
	{ "column",		PAT_MAYBE },
	{ "com-",		PAT_NEGATIVE },
	{ "combx",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "comment",		PAT_UNLIKELY | PAT_NEGATIVE | PAT_COMMENT },
	{ "community",		PAT_UNLIKELY },
	{ "contact",		PAT_NEGATIVE },
	{ "content",		PAT_MAYBE | PAT_POSITIVE },
	{ "cover-wrap",		PAT_UNLIKELY },
	{ "dateline",		PAT_BYLINE },
	{ "dropdown",		PAT_UNLIKELY },
	{ "disclaimer",		PAT_PROMO },
	{ "disqus",		PAT_UNLIKELY | PAT_COMMENT },
	{ "end-slate",		PAT_PLAYER },
	{ "endslate",		PAT_PLAYER },
	{ "entry",		PAT_POSITIVE },
	{ "extra",		PAT_UNLIKELY },
	{ "facet",		PAT_FACET },
	{ "filter",		PAT_FACET },
	{ "footer",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "gdpr",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "h-entry",		PAT_POSITIVE },
	{ "header",		PAT_UNLIKELY },
	{ "hentry",		PAT_POSITIVE },
	{ "^hid$",		PAT_NEGATIVE },
	{ "hidden",		PAT_NEGATIVE | PAT_HIDDEN },
	{ "legends",		PAT_UNLIKELY },
	{ "main",		PAT_MAYBE | PAT_POSITIVE },
	{ "masthead",		PAT_NEGATIVE },
	{ "mathjax",		PAT_MAYBE },
	{ "media",		PAT_NEGATIVE },
	{ "menu",		PAT_UNLIKELY },
	{ "meta",		PAT_NEGATIVE },
	{ "modal",		PAT_DIALOG },
	{ "newsletter",		PAT_PROMO },
	{ "outbrain",		PAT_NEGATIVE | PAT_TEASER },
	{ "p-author",		PAT_BYLINE },
	{ "page",		PAT_POSITIVE },
	{ "pager",		PAT_UNLIKELY },
	{ "pagination",		PAT_UNLIKELY | PAT_POSITIVE },
	{ "playlist",		PAT_PLAYER },
	{ "popup",		PAT_UNLIKELY },
	{ "post",		PAT_POSITIVE },
	{ "promo",		PAT_NEGATIVE | PAT_PROMO },
	{ "refine",		PAT_FACET },
	{ "related",		PAT_UNLIKELY | PAT_NEGATIVE | PAT_TEASER },
	{ "remark",		PAT_UNLIKELY },
	{ "replies",		PAT_UNLIKELY | PAT_COMMENT },
	{ "rss",		PAT_UNLIKELY },
	{ "scroll",		PAT_NEGATIVE },
	{ "shadow",		PAT_MAYBE },
	{ "share",		PAT_NEGATIVE },
	{ "^share$",		PAT_SHARE },
	{ "^sharedaddy$",	PAT_SHARE },
	{ "shopping",		PAT_NEGATIVE },
	{ "shoutbox",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "sidebar",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "sign-up",		PAT_PROMO },
	{ "signup",		PAT_PROMO },
	{ "skyscraper",		PAT_UNLIKELY | PAT_NEGATIVE },
	{ "social",		PAT_UNLIKELY },
	{ "sponsor",		PAT_UNLIKELY | PAT_NEGATIVE | PAT_PROMO },
	{ "story",		PAT_POSITIVE },
	{ "subscribe",		PAT_PROMO },
	{ "supplemental",	PAT_UNLIKELY },
	{ "tags",		PAT_NEGATIVE },
	{ "text",		PAT_POSITIVE },
	{ "video-player",	PAT_PLAYER },
	{ "videoplayer",	PAT_PLAYER },
	{ "widget",		PAT_NEGATIVE },
	{ "writtenby",		PAT_BYLINE },
	{ "yom-remote",		PAT_UNLIKELY },
};
_Static_assert(nitems(patterns) == PATTERN_COUNT, "PATTERN_COUNT");

/* Bucket the patterns by their first significant character. */
void
pattern_index_init(struct pattern_index *pi)
{
	size_t		 i, j, n = 0;
	int		 c;

	memset(pi, 0, sizeof *pi);
	for (c = 0; c < 256; c++) {
		for (i = 0; i < nitems(patterns); i++) {
			j = patterns[i].word[0] == '^';
			if ((unsigned char)patterns[i].word[j] != c)
				continue;
			if (pi->count[c] == 0)
				pi->first[c] = (unsigned char)(n + 1);
			pi->count[c]++;
			pi->sorted[n++] = &patterns[i];
		}
	}
}

/*
 * Is the class token at s (n characters, lowered) a utility class of a
 * CSS framework whose name only looks like a pattern: "scroll-mt-20"
 * sets the margin a heading keeps when scrolled to, "overflow-x-scroll"
 * lets a code block scroll; neither says the element is furniture. Nor
 * does a token with an arbitrary value in brackets: its words are CSS
 * ("has-[[data-slot=banner]]:pt-0", "bg-[url(/img/header.png)]"); nor
 * one that says what the element has, not what it is ("has-comments"
 * on a blog post).
 */
static int
utility_class(const char *s, size_t n)
{
	size_t	 k;

	if (memchr(s, '[', n) != NULL || (n > 4 && memcmp(s, "has-", 4) == 0))
		return (1);

	if (n > 8 && memcmp(s, "scroll-", 7) == 0 &&
	    (s[7] == 'm' || s[7] == 'p')) {
		k = 8;
		if (k < n && strchr("trblxyse", s[k]) != NULL)
			k++;
		return (k < n && s[k] == '-');
	}
	return ((n == 15 && memcmp(s, "overflow-scroll", 15) == 0) ||
	    (n == 17 && (memcmp(s, "overflow-x-scroll", 17) == 0 ||
	    memcmp(s, "overflow-y-scroll", 17) == 0)));
}

/*
 * Is the class token "overflow-hidden" (or -x-, -y-)? A box that clips
 * what overflows it (a card, a carousel) is not hidden, though the word
 * keeps the weight Readability gives it.
 */
static int
clip_class(const char *s, size_t n)
{
	return ((n == 15 && memcmp(s, "overflow-hidden", 15) == 0) ||
	    (n == 17 && (memcmp(s, "overflow-x-hidden", 17) == 0 ||
	    memcmp(s, "overflow-y-hidden", 17) == 0)));
}

/*
 * Is the "header" or "footer" at s[i] the head or foot of a component
 * ("card-header", "section__footer", "CustomerCardFooter"), not of the
 * page? The word before it says so. An entry's or a post's header and
 * footer stay furniture: they hold its date, tags and share buttons.
 */
static int
part_of_component(const char *s, size_t i, const char *w)
{
	static const char *const parts[] = {
		"card", "section", "block", "item", "tile", "panel", "box",
		"hero", "feature", "accordion", "column", "col", "list",
		"grid", "side",
	};
	size_t	 k, n;

	/* A dropdown is a menu, unless it is an accordion's panel
	 * ("accordion-item__dropdown") or the button that opens one, whose
	 * text is a title. */
	if (strcmp(w, "dropdown") == 0) {
		for (n = i; n > 0 && !ascii_isspace((unsigned char)s[n - 1]);
		    n--)
			if (n + 9 <= i && memcmp(s + n, "accordion", 9) == 0)
				return (1);
		if (n + 9 <= i && memcmp(s + n, "accordion", 9) == 0)
			return (1);
		for (k = i + 8; s[k] == '-' || s[k] == '_'; k++)
			;
		return (strncmp(s + k, "button", 6) == 0);
	}
	if (strcmp(w, "header") != 0 && strcmp(w, "footer") != 0)
		return (0);
	while (i > 0 && (s[i - 1] == '-' || s[i - 1] == '_'))
		i--;
	for (k = 0; k < nitems(parts); k++) {
		n = strlen(parts[k]);
		if (i >= n && memcmp(s + i - n, parts[k], n) == 0)
			return (1);
	}
	return (0);
}

/* The pattern bits of one class or id value. */
static unsigned
pattern_bits(const struct pattern_index *pi, const char *s)
{
	char			 low[256];
	size_t			 len, i, k, wl;
	const struct pattern	*p;
	const char		*w;
	unsigned		 bits = 0;
	int			 start, end, clip = 0;

	for (len = 0; s[len] != '\0' && len < sizeof low - 1; len++)
		low[len] = (char)ascii_lower((unsigned char)s[len]);
	low[len] = '\0';
	for (i = 0; i < len; i = k + 1) {
		for (k = i; k < len && !ascii_isspace((unsigned char)low[k]);
		    k++)
			;
		if (utility_class(low + i, k - i))
			memset(low + i, ' ', k - i);
		else if (clip_class(low + i, k - i)) {
			memset(low + i, ' ', k - i);
			clip = 1;
		}
	}
	for (i = 0; i < len; i++) {
		k = pi->count[(unsigned char)low[i]];
		if (k == 0)
			continue;
		for (k = pi->first[(unsigned char)low[i]] - 1;
		    k < (size_t)pi->first[(unsigned char)low[i]] - 1 +
		    pi->count[(unsigned char)low[i]]; k++) {
			p = pi->sorted[k];
			if ((bits | p->bits) == bits)
				continue;
			w = p->word;
			start = *w == '^';
			w += start;
			wl = strlen(w);
			end = wl > 0 && w[wl - 1] == '$';
			wl -= end;
			if (i + wl > len || memcmp(low + i, w, wl) != 0)
				continue;
			if (start && i > 0 &&
			    ascii_isalnum((unsigned char)low[i - 1]))
				continue;
			if (end && i + wl < len &&
			    ascii_isalnum((unsigned char)low[i + wl]))
				continue;
			if (part_of_component(low, i, w))
				continue;
			bits |= p->bits;
		}
	}
	return (clip ? bits | PAT_NEGATIVE : bits);
}

/* Readability's class weight: +-25 for each of class and id. */
static int
pattern_weight(unsigned bits)
{
	int	 w = 0;

	if (bits & PAT_NEGATIVE)
		w -= 25;
	if (bits & PAT_POSITIVE)
		w += 25;
	return (w);
}

/* The class weight of an element with this class and id (for tests). */
int
extract_class_weight(const char *class_name, const char *id)
{
	struct pattern_index	 pi;

	pattern_index_init(&pi);
	return (pattern_weight(pattern_bits(&pi, class_name != NULL ?
	    class_name : "")) + pattern_weight(pattern_bits(&pi,
	    id != NULL ? id : "")));
}

/* The value of g's attribute name, or NULL. */
const char *
attr(const GumboNode *g, const char *name)
{
	GumboAttribute	*a;

	if (g->type != GUMBO_NODE_ELEMENT)
		return (NULL);
	a = gumbo_get_attribute(&g->v.element.attributes, name);
	return (a != NULL ? a->value : NULL);
}

/* An attribute's value as a number, clamped to lo..hi; def when absent or
 * not a number (pages write "100%", "auto" and worse). */
long
attr_num(const GumboNode *g, const char *name, long lo, long hi, long def)
{
	const char	*v;
	char		*end;
	long		 n;

	if ((v = attr(g, name)) == NULL)
		return (def);
	n = strtol(v, &end, 10);
	if (end == v)
		return (def);
	return (n < lo ? lo : n > hi ? hi : n);
}

/* Tags that end a line of text: they split inline runs into blocks. */
int
tag_block(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_BODY:
	case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_CENTER:
	case GUMBO_TAG_DD:
	case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_DIR:
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_DT:
	case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_FORM:
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_HR:
	case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_MAIN:
	case GUMBO_TAG_MENU:
	case GUMBO_TAG_NAV:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_P:
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TBODY:
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TFOOT:
	case GUMBO_TAG_TH:
	case GUMBO_TAG_THEAD:
	case GUMBO_TAG_TR:
	case GUMBO_TAG_UL:
		return (1);
	default:
		return (0);
	}
}

/* Children that keep a <div> from being read as a paragraph. */
int
tag_div_block(int tag)
{
	switch (tag) {
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_P:
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_TABLE:
	case GUMBO_TAG_UL:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		return (1);
	default:
		return (0);
	}
}

/* Is tag one of h1-h6? */
int
tag_heading(int tag)
{
	return (tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 ||
	    tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
	    tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6);
}

/* Elements never read: dropped with their subtree. */
static int
tag_skipped(int tag)
{
	switch (tag) {
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH:
	case GUMBO_TAG_LINK:
	case GUMBO_TAG_META:
	case GUMBO_TAG_BASE:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_OPTION:
	case GUMBO_TAG_OPTGROUP:
	case GUMBO_TAG_DATALIST:
	case GUMBO_TAG_PARAM:
	case GUMBO_TAG_SOURCE:
	case GUMBO_TAG_TRACK:
	case GUMBO_TAG_AREA:
	case GUMBO_TAG_MAP:
		return (1);
	default:
		return (0);
	}
}

/* Elements kept as leaves: their content is not text a reader reads. */
static int
tag_leaf(int tag)
{
	switch (tag) {
	case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED:
	case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_INPUT:
	case GUMBO_TAG_SELECT:
	case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_BR:
	case GUMBO_TAG_HR:
	case GUMBO_TAG_WBR:
		return (1);
	default:
		return (0);
	}
}

/* Phrasing content tags (Readability's list, for div-as-paragraph). */
static int
tag_phrasing(int tag)
{
	switch (tag) {
	case GUMBO_TAG_ABBR:
	case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_B:
	case GUMBO_TAG_BDO:
	case GUMBO_TAG_BR:
	case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_CITE:
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_DATA:
	case GUMBO_TAG_DFN:
	case GUMBO_TAG_EM:
	case GUMBO_TAG_EMBED:
	case GUMBO_TAG_I:
	case GUMBO_TAG_IMG:
	case GUMBO_TAG_INPUT:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_LABEL:
	case GUMBO_TAG_MARK:
	case GUMBO_TAG_METER:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_OUTPUT:
	case GUMBO_TAG_PROGRESS:
	case GUMBO_TAG_Q:
	case GUMBO_TAG_RUBY:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_SELECT:
	case GUMBO_TAG_SMALL:
	case GUMBO_TAG_SPAN:
	case GUMBO_TAG_STRONG:
	case GUMBO_TAG_SUB:
	case GUMBO_TAG_SUP:
	case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_TIME:
	case GUMBO_TAG_VAR:
	case GUMBO_TAG_WBR:
	case GUMBO_TAG_U:
	case GUMBO_TAG_S:
	case GUMBO_TAG_FONT:
		return (1);
	default:
		return (0);
	}
}

/* Count a text's characters (whitespace runs as one) and commas. */
static void
text_stats(const char *s, struct stats *st, int *blank)
{
	const unsigned char	*p;
	uint32_t		 chars = 0, commas = 0;
	int			 space = 0, seen = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (ascii_isspace(*p) || (p[0] == 0xc2 && p[1] == 0xa0)) {
			space = 1;
			p += *p == 0xc2;
			continue;
		}
		if ((p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0x8b &&
		    p[2] <= 0x8d) || (p[0] == 0xe2 && p[1] == 0x81 &&
		    p[2] == 0xa0) || (p[0] == 0xef && p[1] == 0xbb &&
		    p[2] == 0xbf)) {
			/* Zero width (a builder's spacer paragraph holds
			 * one): nothing to read. */
			p += 2;
			continue;
		}
		if (space) {
			chars++;
			space = 0;
		}
		seen = 1;
		if ((*p & 0xc0) != 0x80)
			chars++;
		if (*p == ',')
			commas++;
		else if ((p[0] == 0xef && p[1] == 0xbc && p[2] == 0x8c) ||
		    (p[0] == 0xd8 && p[1] == 0x8c) ||
		    (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x81))
			commas++;	/* fullwidth, Arabic, ideographic */
	}
	st->chars = chars;
	st->commas = commas;
	*blank = !seen;
}

/* Add the statistics of a subtree to its parent. */
static void
stats_add(struct stats *a, const struct stats *b)
{
	a->chars += b->chars;
	a->links += b->links;
	a->commas += b->commas;
	a->p += b->p;
	a->img += b->img;
	a->li += b->li;
	a->input += b->input;
	a->embed += b->embed;
	a->heads += b->heads;
}

/* Take a removed subtree's statistics from an ancestor (never below 0). */
void
stats_sub(struct stats *a, const struct stats *b)
{
	a->chars -= b->chars < a->chars ? b->chars : a->chars;
	a->links -= b->links < a->links ? b->links : a->links;
	a->commas -= b->commas < a->commas ? b->commas : a->commas;
	a->p -= b->p < a->p ? b->p : a->p;
	a->img -= b->img < a->img ? b->img : a->img;
	a->li -= b->li < a->li ? b->li : a->li;
	a->input -= b->input < a->input ? b->input : a->input;
	a->embed -= b->embed < a->embed ? b->embed : a->embed;
	a->heads -= b->heads < a->heads ? b->heads : a->heads;
}

/* Does a button say it opens a disclosure (not a menu or a popup): by
 * saying whether it is expanded, or by naming the panel (its id) as the
 * one it controls? */
static int
mirror_discloses(const GumboNode *g, const char *panel)
{
	const char	*v;

	if (attr(g, "aria-haspopup") != NULL)
		return (0);
	return (attr(g, "aria-expanded") != NULL || (panel != NULL &&
	    (v = attr(g, "aria-controls")) != NULL && strcmp(v, panel) == 0));
}

/*
 * Add the length of g's text to *len and record where its last
 * non-blank character is; stop once *len passes max.
 */
static void
mirror_tail(const GumboNode *g, size_t *len, const char **last,
    size_t *lastlen, size_t max)
{
	const GumboVector	*kids;
	const char		*t;
	size_t			 i, n;

	if (*len > max)
		return;
	if (g->type == GUMBO_NODE_TEXT) {
		t = g->v.text.text;
		n = strlen(t);
		*len += n;
		while (n > 0 && ascii_isspace((unsigned char)t[n - 1]))
			n--;
		if (n > 0) {
			*last = t;
			*lastlen = n;
		}
		return;
	}
	if (g->type != GUMBO_NODE_ELEMENT)
		return;
	kids = &g->v.element.children;
	for (i = 0; i < kids->length && *len <= max; i++)
		mirror_tail(kids->data[i], len, last, lastlen, max);
}

/* Is g a short question ("What is an online course?"), as the head of
 * a frequently asked question shows above its hidden answer? */
static int
mirror_question(const GumboNode *g)
{
	const char	*last = NULL;
	size_t		 len = 0, n = 0;

	mirror_tail(g, &len, &last, &n, 300);
	if (last == NULL || len > 300)
		return (0);
	return (last[n - 1] == '?' || (n >= 3 &&
	    memcmp(last + n - 3, "\xef\xbc\x9f", 3) == 0) || (n >= 2 &&
	    memcmp(last + n - 2, "\xd8\x9f", 2) == 0));
}

/*
 * Is the element the panel of a disclosure: a block after a button that
 * says whether it is expanded (aria-expanded), or after an element that
 * holds one, or after a question (a frequently asked one, its answer
 * shown on a click)? A tooltip or a menu is none.
 */
static int
mirror_disclosed(const GumboNode *g)
{
	const GumboVector	*kids;
	const GumboNode		*p = NULL, *c;
	const char		*id;
	unsigned		 i;

	if (g->type != GUMBO_NODE_ELEMENT || !tag_block(g->v.element.tag) ||
	    g->parent == NULL || g->parent->type != GUMBO_NODE_ELEMENT)
		return (0);
	kids = &g->parent->v.element.children;
	for (i = g->index_within_parent; i-- > 0; ) {
		c = kids->data[i];
		if (c->type == GUMBO_NODE_ELEMENT) {
			p = c;
			break;
		}
		if (c->type != GUMBO_NODE_WHITESPACE &&
		    c->type != GUMBO_NODE_COMMENT)
			return (0);
	}
	if (p == NULL)
		return (0);
	id = attr(g, "id");
	if (mirror_discloses(p, id) || mirror_question(p))
		return (1);
	kids = &p->v.element.children;
	for (i = 0; i < kids->length; i++) {
		c = kids->data[i];
		if (c->type == GUMBO_NODE_ELEMENT && mirror_discloses(c, id))
			return (1);
	}
	return (0);
}

/* Is the element a tab's panel by the class CSS frameworks give one
 * ("tab-pane"), without the role? */
static int
mirror_tab_pane(const GumboNode *g)
{
	const char	*v = attr(g, "class"), *p;

	if (v == NULL)
		return (0);
	for (p = v; (p = strstr(p, "tab-pane")) != NULL; p += 8)
		if ((p == v || ascii_isspace((unsigned char)p[-1])) &&
		    (p[8] == '\0' || ascii_isspace((unsigned char)p[8])))
			return (1);
	return (0);
}

/* Is the element hidden by its attributes? */
int
mirror_hidden(const GumboNode *g)
{
	const char	*v;
	int		 hidden = 0;

	if (attr(g, "hidden") != NULL)
		hidden = 1;
	else if ((v = attr(g, "aria-hidden")) != NULL &&
	    strcmp(v, "true") == 0) {
		/* Readability's exception: images that only JS replaces. */
		v = attr(g, "class");
		hidden = v == NULL || strstr(v, "fallback-image") == NULL;
	} else if ((v = attr(g, "style")) != NULL)
		hidden = ascii_find_nocase(v, strlen(v), "display:none") !=
		    NULL || ascii_find_nocase(v, strlen(v), "display: none") !=
		    NULL || ascii_find_nocase(v, strlen(v),
		    "visibility:hidden") != NULL || ascii_find_nocase(v,
		    strlen(v), "visibility: hidden") != NULL;
	/* A tab's panel is hidden only until its tab is clicked, and a
	 * page read as text has no tabs to click: it shows every panel.
	 * So does a disclosure's panel, under the button that opens it
	 * (asked last: it looks at the siblings). */
	return (hidden && !((v = attr(g, "role")) != NULL &&
	    strcmp(v, "tabpanel") == 0) && !mirror_tab_pane(g) &&
	    !mirror_disclosed(g));
}

/* Append a node to the mirror under parent and return its index. */
static int
mirror_new(struct extractor *x, const GumboNode *g, int parent, int tag)
{
	struct node	*n;
	int		 i;

	if (x->nn == x->cap) {
		x->cap = x->cap == 0 ? 1024 : x->cap * 2;
		x->n = xreallocarray(x->n, x->cap, sizeof *x->n);
	}
	i = (int)x->nn++;
	n = &x->n[i];
	memset(n, 0, sizeof *n);
	n->g = g;
	n->parent = parent;
	n->first = n->last = n->next = -1;
	n->tag = tag;
	if (parent >= 0) {
		if (x->n[parent].last >= 0)
			x->n[x->n[parent].last].next = i;
		else
			x->n[parent].first = i;
		x->n[parent].last = i;
		n->flags = x->n[parent].flags & (N_INCODE | N_INTABLE);
	}
	return (i);
}

/* The number of runs of phrasing content with text among the children of
 * a division: each is a paragraph, as Readability wraps them in <p>. */
static uint32_t
mirror_runs(struct extractor *x, int idx)
{
	uint32_t	 runs = 0, chars = 0;
	int		 c;

	for (c = x->n[idx].first; c >= 0; c = x->n[c].next) {
		if (x->n[c].flags & N_PHRASING) {
			chars += x->n[c].st.chars;
			continue;
		}
		runs += chars > 0;
		chars = 0;
	}
	return (runs + (chars > 0));
}

/* Beyond MIRROR_DEPTH only the text of a subtree is kept, as children of
 * the deepest node: found without recursion, however deep it goes. */
static void
mirror_flatten(struct extractor *x, const GumboNode *g, int idx)
{
	struct frame {
		const GumboNode	*g;
		unsigned	 next;
	}			*st = NULL;
	const GumboNode		*c;
	struct node		*n;
	size_t			 nst = 0, cst = 0;
	int			 t, blank;

	st = xreallocarray(NULL, cst = 64, sizeof *st);
	st[nst].g = g;
	st[nst++].next = 0;
	while (nst > 0) {
		g = st[nst - 1].g;
		if (st[nst - 1].next >= g->v.element.children.length) {
			nst--;
			continue;
		}
		c = g->v.element.children.data[st[nst - 1].next++];
		if (c->type == GUMBO_NODE_TEXT ||
		    c->type == GUMBO_NODE_WHITESPACE ||
		    c->type == GUMBO_NODE_CDATA) {
			t = mirror_new(x, c, idx, TAG_TEXT);
			n = &x->n[t];
			text_stats(c->v.text.text, &n->st, &blank);
			n->flags |= N_PHRASING | (blank ? N_SPACE : 0);
			n->end = t + 1;
			continue;
		}
		if ((c->type != GUMBO_NODE_ELEMENT &&
		    c->type != GUMBO_NODE_TEMPLATE) ||
		    tag_skipped(c->v.element.tag))
			continue;
		if (nst == cst)
			st = xreallocarray(st, cst *= 2, sizeof *st);
		st[nst].g = c;
		st[nst++].next = 0;
	}
	free(st);
}

/* Append the letters and digits of g's text, lowered, to s (of size
 * cap, used len): a heading's text as an anchor's slug spells it. */
static size_t
slug_text(const GumboNode *g, char *s, size_t len, size_t cap, int depth)
{
	const unsigned char	*t;
	unsigned		 i;

	if (g->type == GUMBO_NODE_TEXT) {
		for (t = (const unsigned char *)g->v.text.text;
		    *t != '\0' && len < cap - 1; t++)
			if (ascii_isalnum(*t))
				s[len++] = (char)ascii_lower(*t);
	} else if (g->type == GUMBO_NODE_ELEMENT && depth < 8)
		for (i = 0; i < g->v.element.children.length && len < cap - 1;
		    i++)
			len = slug_text(g->v.element.children.data[i], s, len,
			    cap, depth + 1);
	s[len] = '\0';
	return (len);
}

/*
 * Is id the slug of g's own heading (g itself or its first heading
 * child), as documentation generators name each section after its
 * title? Such an id says what the section is about, not what part of
 * the page it is: "respond-to-review-comments" is no comment section.
 * Only ids of several words count, so a lone "comments" still tells.
 */
static int
id_heading_slug(const GumboNode *g, const char *id)
{
	const GumboVector	*kids = &g->v.element.children;
	const GumboNode		*h = NULL, *c;
	char			 want[128], have[256];
	size_t			 nw = 0, i, seen = 0;
	int			 words = 0;

	for (i = 0; id[i] != '\0' && nw < sizeof want - 1; i++) {
		if (ascii_isalnum((unsigned char)id[i]))
			want[nw++] = (char)ascii_lower((unsigned char)id[i]);
		else if (nw > 0 && (id[i] == '-' || id[i] == '_'))
			words = 1;
	}
	want[nw] = '\0';
	if (!words || nw < 8)
		return (0);
	if (tag_heading(g->v.element.tag))
		h = g;
	for (i = 0; h == NULL && i < kids->length && seen < 3; i++) {
		c = kids->data[i];
		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		seen++;
		if (tag_heading(c->v.element.tag))
			h = c;
	}
	if (h == NULL)
		return (0);
	slug_text(h, have, 0, sizeof have, 0);
	return (strstr(have, want) != NULL);
}

/*
 * Does an id or class (v) name the body of the page's own post or
 * article: "postContent", "post-body", "article_body", "entry-content",
 * "story-body", with no word of comments in it ("comment-body" is a
 * reply's)? Separators and case aside, a token is checked whole.
 */
static int
body_name(const char *v)
{
	static const char *const heads[] = { "post", "article", "entry",
	    "story" };
	static const char *const tails[] = { "content", "body", "text" };
	char		 w[32];
	size_t		 i, n;
	const char	*p = v;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		for (n = 0; *p != '\0' && *p != ' '; p++)
			if (*p != '-' && *p != '_' && n < sizeof w - 1)
				w[n++] = (char)ascii_lower((unsigned char)*p);
		w[n] = '\0';
		for (i = 0; i < nitems(heads); i++) {
			n = strlen(heads[i]);
			if (strncmp(w, heads[i], n) == 0 &&
			    (strcmp(w + n, tails[0]) == 0 ||
			    strcmp(w + n, tails[1]) == 0 ||
			    strcmp(w + n, tails[2]) == 0))
				return (1);
		}
	}
	return (0);
}

/* Copy g and its subtree into the mirror; return its index or -1. */
int
mirror_add(struct extractor *x, const GumboNode *g, int parent, int depth)
{
	const GumboVector	*kids, *attrs;
	const GumboAttribute	*a;
	const char		*v;
	struct node		*n;
	unsigned		 i, bits;
	int			 idx, c, tag, blank, meta = 0;
	int			 below = 0, many = 0;

	if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
	    g->type == GUMBO_NODE_CDATA) {
		idx = mirror_new(x, g, parent, TAG_TEXT);
		n = &x->n[idx];
		text_stats(g->v.text.text, &n->st, &blank);
		if (blank)
			n->flags |= N_SPACE;
		n->flags |= N_PHRASING;
		n->end = idx + 1;
		return (idx);
	}
	if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE)
		return (-1);
	tag = g->v.element.tag;
	if (tag == GUMBO_TAG_HEAD) {
		meta_walk(x, g, 0);
		return (-1);
	}
	if (tag == GUMBO_TAG_META || tag == GUMBO_TAG_TITLE ||
	    tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_BASE)
		meta_element(x, g);
	if (tag_skipped(tag) ||
	    g->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return (-1);
	idx = mirror_new(x, g, parent, tag);
	n = &x->n[idx];
	attrs = &g->v.element.attributes;
	for (i = 0; i < attrs->length; i++) {
		a = attrs->data[i];
		if (strcmp(a->name, "class") == 0 ||
		    strcmp(a->name, "id") == 0) {
			if (a->value[0] == '\0')
				continue;
			if (body_name(a->value))
				n->flags |= N_BODYNAME | N_HASBODY;
			bits = pattern_bits(&x->pi, a->value);
			if ((bits & (PAT_UNLIKELY | PAT_NEGATIVE)) &&
			    a->name[0] == 'i' && id_heading_slug(g, a->value))
				continue;
			n->cls |= bits;
			n->weight += pattern_weight(bits);
		} else if (strcmp(a->name, "itemprop") == 0 ||
		    strcmp(a->name, "rel") == 0)
			meta = 1;
	}
	if (tag == GUMBO_TAG_CODE || tag == GUMBO_TAG_PRE)
		n->flags |= N_INCODE;
	if (tag == GUMBO_TAG_TABLE)
		n->flags |= N_INTABLE;
	if (tag_phrasing(tag))
		n->flags |= N_PHRASING;
	if (tag_leaf(tag))
		n->flags |= N_LEAF;
	else if (depth >= MIRROR_DEPTH)
		mirror_flatten(x, g, idx);
	else {
		kids = &g->v.element.children;
		for (i = 0; i < kids->length; i++)
			mirror_add(x, kids->data[i], idx, depth + 1);
	}
	n = &x->n[idx];		/* the array may have moved */
	for (c = n->first; c >= 0; c = x->n[c].next) {
		stats_add(&n->st, &x->n[c].st);
		if (x->n[c].tag != TAG_TEXT && tag_div_block(x->n[c].tag))
			n->flags |= N_HASBLOCK;
		/* The bodies below, counted up to two as the tree is
		 * built. */
		if ((x->n[c].flags & N_MANYBODY) ||
		    ((x->n[c].flags & N_HASBODY) && below))
			many = 1;
		below |= (x->n[c].flags & N_HASBODY) != 0;
	}
	if (below)
		n->flags |= N_HASBODY;
	if (many || (below && (n->flags & N_BODYNAME)))
		n->flags |= N_MANYBODY;
	/* A box named for comments that holds the post's own body, one
	 * element named so (replies that each have one are comments), is
	 * a feature of the page (commenting on a selection, a count of
	 * comments in the wrapper's name), not its comments. */
	if ((n->cls & PAT_COMMENT) && below && !many) {
		if (n->cls & PAT_NEGATIVE)
			n->weight += 25;
		n->cls &= ~(unsigned)(PAT_UNLIKELY | PAT_NEGATIVE |
		    PAT_COMMENT);
	}
	if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_DEL ||
	    tag == GUMBO_TAG_INS) {
		n->flags |= N_PHRASING;
		for (c = n->first; c >= 0; c = x->n[c].next)
			if (!(x->n[c].flags & N_PHRASING))
				n->flags &= ~(unsigned)N_PHRASING;
	}
	if (tag == GUMBO_TAG_DIV && (n->flags & N_HASBLOCK))
		n->st.p += mirror_runs(x, idx);
	n->end = (int)x->nn;
	if (meta || tag == GUMBO_TAG_TIME || (n->cls & PAT_BYLINE))
		meta_body_element(x, idx);
	switch (tag) {
	case GUMBO_TAG_A:
		v = attr(g, "href");
		n->st.links = v != NULL && v[0] == '#' ?
		    n->st.chars * 3 / 10 : n->st.chars;
		break;
	case GUMBO_TAG_P:
		n->st.p++;
		break;
	case GUMBO_TAG_IMG:
		n->st.img++;
		break;
	case GUMBO_TAG_LI:
		n->st.li++;
		break;
	case GUMBO_TAG_INPUT:
		n->st.input++;
		break;
	case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED:
		n->st.embed++;
		break;
	default:
		if (tag_heading(tag))
			n->st.heads = n->st.chars;
		else if (tag == GUMBO_TAG_DIV && !(n->flags & N_HASBLOCK) &&
		    n->st.chars > 0)
			n->st.p++;		/* read as a paragraph */
		break;
	}
	return (idx);
}
