/*
 * extract-blocks.c: reader mode's fifth stage, the cleaned article turned
 * into the block tree of extract.h, and the JSON-LD articleBody as the
 * last resort of a page whose HTML holds nothing of its article.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "url.h"
#include "util.h"

/* Append an empty block of the given kind and return it. */
static struct extract_block *
bvec_add(struct bvec *bv, enum extract_kind kind)
{
	struct extract_block	*b;

	if (bv->n == bv->cap) {
		bv->cap = bv->cap == 0 ? 8 : bv->cap * 2;
		bv->v = xreallocarray(bv->v, bv->cap, sizeof *bv->v);
	}
	b = &bv->v[bv->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->alt = "";
	return (b);
}

/* Move a vector's blocks into the arena. */
static void
bvec_finish(struct conv *cv, struct bvec *bv, struct extract_block **v,
    size_t *n)
{
	*n = bv->n;
	*v = NULL;
	if (bv->n > 0) {
		*v = arena_alloc(cv->a, bv->n * sizeof **v);
		memcpy(*v, bv->v, bv->n * sizeof **v);
	}
	free(bv->v);
	memset(bv, 0, sizeof *bv);
}

/* The characters a reader never sees in text: controls, bidi overrides,
 * soft hyphens and byte order marks. */
static int
conv_invisible(uint32_t cp)
{
	return (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xad ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c || cp == 0xfeff);
}

/* Push a new, empty span. */
static void
conv_newspan(struct conv *cv, unsigned style, size_t link)
{
	struct tspan	*t;

	if (cv->nspans == cv->cspans) {
		cv->cspans = cv->cspans == 0 ? 16 : cv->cspans * 2;
		cv->spans = xreallocarray(cv->spans, cv->cspans,
		    sizeof *cv->spans);
	}
	t = &cv->spans[cv->nspans++];
	t->off = cv->text.len;
	t->len = 0;
	t->style = style;
	t->link = link;
}

/* Start a new span if style or link changed since the last one (a line
 * break is always a span of its own). */
static void
conv_span(struct conv *cv)
{
	struct tspan	*t;

	if (cv->nspans > 0) {
		t = &cv->spans[cv->nspans - 1];
		if (t->len == 0) {
			t->style = cv->style;
			t->link = cv->link;
			return;
		}
		if (t->style == cv->style && t->link == cv->link &&
		    !(t->len == 1 && cv->text.data[t->off] == '\n'))
			return;
	}
	conv_newspan(cv, cv->style, cv->link);
}

/* Append bytes to the current span. */
static void
conv_put(struct conv *cv, const void *p, size_t n)
{
	buf_add(&cv->text, p, n);
	cv->spans[cv->nspans - 1].len += n;
}

/*
 * Put a pending space between the last span and the text to come: into
 * whichever side is plain text, so that links and emphasis do not run
 * past their last word, or into a plain span of its own.
 */
static void
conv_space(struct conv *cv)
{
	struct tspan	*t;

	t = cv->nspans > 0 ? &cv->spans[cv->nspans - 1] : NULL;
	if (t == NULL || (t->style == cv->style && t->link == cv->link) ||
	    (t->style == 0 && t->link == 0))
		;
	else if (cv->style == 0 && cv->link == 0)
		conv_span(cv);
	else
		conv_newspan(cv, 0, 0);
	if (cv->nspans == 0)
		conv_span(cv);
	conv_put(cv, " ", 1);
}

/* Is s made of nothing but blanks and zero-width characters (a page
 * builder's spacer paragraph holds a lone joiner)? Inside text those
 * join emoji and letters of some scripts, so they stay there. */
static int
conv_blank(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *end;
	size_t			 n;
	uint32_t		 cp;

	end = p + strlen(s);
	while (p < end) {
		if (*p < 0x80) {
			if (!ascii_isspace(*p))
				return (0);
			p++;
			continue;
		}
		if ((n = utf8_decode(p, (size_t)(end - p), &cp)) == 0 ||
		    (cp != 0xa0 && !(cp >= 0x200b && cp <= 0x200d) &&
		    cp != 0x2060 && !conv_invisible(cp)))
			return (0);
		p += n;
	}
	return (1);
}

/* Add text to the paragraph in progress. */
static void
conv_text(struct conv *cv, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s, *run, *end;
	size_t			 n;
	uint32_t		 cp;

	if (conv_blank(s)) {
		if (cv->text.len > 0 && cv->text.data[cv->text.len - 1] != '\n')
			cv->space = 1;
		return;
	}
	end = p + strlen(s);
	while (*p != '\0') {
		if (!cv->pre && (ascii_isspace(*p) || (p[0] == 0xc2 &&
		    p[1] == 0xa0))) {
			if (cv->text.len > 0 && cv->text.data[cv->text.len -
			    1] != '\n')
				cv->space = 1;
			p += (p[0] == 0xc2) + 1;
			continue;
		}
		if (cv->space) {
			conv_space(cv);
			cv->space = 0;
		}
		conv_span(cv);
		cv->breaks = 0;
		run = p;
		while (*p >= 0x20 && *p < 0x7f && (cv->pre || *p != ' '))
			p++;
		if (p > run) {
			conv_put(cv, run, (size_t)(p - run));
			continue;
		}
		if (*p < 0x80) {
			if (cv->pre && (*p == '\n' || *p == '\t'))
				conv_put(cv, p, 1);
			else if (cv->pre && *p == ' ')
				conv_put(cv, p, 1);
			p++;
			continue;
		}
		n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			conv_put(cv, "\xef\xbf\xbd", 3);
			p++;
			continue;
		}
		if (!conv_invisible(cp))
			conv_put(cv, p, n);
		p += n;
	}
}

/* A <br>: a line break, or the end of a paragraph after two of them. */
static void conv_flush(struct conv *, struct bvec *, unsigned);

static void
conv_break(struct conv *cv, struct bvec *out, unsigned cls)
{
	cv->space = 0;
	if (cv->flat) {
		cv->space = cv->text.len > 0;
		return;
	}
	if (cv->pre) {
		conv_span(cv);
		conv_put(cv, "\n", 1);
		return;
	}
	if (++cv->breaks >= 2) {
		conv_flush(cv, out, cls);
		return;
	}
	if (cv->text.len == 0)
		return;
	conv_newspan(cv, 0, 0);
	conv_put(cv, "\n", 1);
}

/* Turn the gathered spans into blocks' spans (each a C string). */
static void
conv_take_spans(struct conv *cv, struct extract_span **spans, size_t *n)
{
	struct extract_span	*v;
	struct tspan		*t;
	size_t			 i, k = 0, len;

	/* Trim the end: spaces and line breaks. */
	while (cv->nspans > 0) {
		t = &cv->spans[cv->nspans - 1];
		while (t->len > 0 && (cv->text.data[t->off + t->len - 1] ==
		    ' ' || cv->text.data[t->off + t->len - 1] == '\n' ||
		    (cv->pre && cv->text.data[t->off + t->len - 1] == '\t')))
			t->len--;
		if (t->len > 0)
			break;
		cv->nspans--;
	}
	*spans = NULL;
	*n = 0;
	if (cv->nspans == 0)
		return;
	v = arena_alloc(cv->a, cv->nspans * sizeof *v);
	for (i = 0; i < cv->nspans; i++) {
		t = &cv->spans[i];
		len = t->len;
		if (len == 0)
			continue;
		v[k].text = arena_strndup(cv->a, cv->text.data + t->off, len);
		v[k].len = len;
		v[k].style = t->style;
		v[k].link = t->link;
		k++;
	}
	*spans = v;
	*n = k;
}

/* Reset the paragraph builder. */
static void
conv_reset(struct conv *cv)
{
	buf_reset(&cv->text);
	cv->nspans = 0;
	cv->space = 0;
	cv->breaks = 0;
}

/* Record the classes of a block added at the top level. */
static void
conv_top(struct conv *cv, struct bvec *out, unsigned cls)
{
	if (cv->depth != 0)
		return;
	if (out->n > cv->ctcls) {
		cv->ctcls = out->cap;
		cv->tcls = xreallocarray(cv->tcls, cv->ctcls, sizeof *cv->tcls);
	}
	cv->tcls[out->n - 1] = cls;
}

/* Append an image block. */
static void
conv_image_block(struct conv *cv, struct bvec *out, unsigned cls,
    const char *src, const char *alt)
{
	struct extract_block	*b;

	b = bvec_add(out, EXTRACT_IMAGE);
	b->src = src;
	b->alt = alt;
	conv_top(cv, out, cls);
}

/* End the paragraph in progress: it becomes a PARAGRAPH block (when it has
 * text), followed by the images met inside it. */
static void
conv_flush(struct conv *cv, struct bvec *out, unsigned cls)
{
	struct extract_block	*b;
	struct extract_span	*spans;
	size_t			 n, i;

	conv_take_spans(cv, &spans, &n);
	if (n > 0) {
		/* Text gathered inside a <pre> keeps its line breaks and
		 * tabs, which only a PRE block may hold: a block element
		 * in a <pre> ("<pre>a\nb<p>" or gumbo's empty <p> for a
		 * stray "</p>") cuts it in two PRE blocks, not a
		 * paragraph and a PRE. */
		b = bvec_add(out, cv->pre ? EXTRACT_PRE : EXTRACT_PARAGRAPH);
		b->spans = spans;
		b->nspans = n;
		conv_top(cv, out, cls);
	}
	conv_reset(cv);
	for (i = 0; i < cv->nimgs; i++)
		conv_image_block(cv, out, cls, cv->imgs[i].src,
		    cv->imgs[i].alt);
	cv->nimgs = 0;
}

/*
 * Resolve the URL of a link or an image into cv->x->tmp; return 1 if it
 * may be kept. The scheme is checked after resolution (see url_safe()).
 * A page keeps only safe URLs; a fragment, a feed's HTML, whose links
 * the reader checks again before it opens one, loses javascript: only.
 */
static int
conv_url_ok(struct conv *cv, const char *ref)
{
	buf_reset(&cv->x->tmp);
	if (url_resolve(&cv->x->tmp, cv->x->base, ref) != 0)
		return (0);
	if (cv->x->fragment)
		return (!url_scheme_is(cv->x->tmp.data, "javascript"));
	return (url_safe(cv->x->tmp.data));
}

/* The address of an image: the real one of a lazy image, else src, else
 * the first of its srcset (*set is then 1). */
static const char *
conv_image_src(const GumboNode *g, int *set)
{
	static const char *const lazy[] = {
		"data-src", "data-lazy-src", "data-original", "data-url",
		"data-hi-res-src", "data-lazy",
	};
	const char	*src, *v;
	size_t		 i;

	*set = 0;
	/* A lazy loader keeps the real image aside and shows a stand-in. */
	for (i = 0; i < nitems(lazy); i++)
		if ((v = attr(g, lazy[i])) != NULL && *v != '\0' &&
		    strncmp(v, "data:", 5) != 0)
			return (v);
	src = attr(g, "src");
	if (src != NULL && *src != '\0' && strncmp(src, "data:", 5) != 0)
		return (src);
	if ((v = attr(g, "srcset")) != NULL || (v = attr(g, "data-srcset")) !=
	    NULL)
		if (*v != '\0' && strncmp(v, "data:", 5) != 0) {
			*set = 1;
			return (v);	/* its first URL; cut below */
		}
	return (NULL);
}

/* An <img> worth showing: its absolute address and alt text, or 0. */
static int
conv_image(struct conv *cv, const GumboNode *g, const char **src,
    const char **alt)
{
	const char	*s, *a;
	size_t		 n;
	long		 w, h;
	int		 set;

	if ((s = conv_image_src(g, &set)) == NULL)
		return (0);
	w = attr_num(g, "width", 0, 100000, 0);
	h = attr_num(g, "height", 0, 100000, 0);
	if ((w > 0 && w <= 2) || (h > 0 && h <= 2))
		return (0);		/* a tracking pixel */
	while (ascii_isspace((unsigned char)*s))
		s++;
	/* A srcset ("a.jpg 1x, b.jpg 2x") is cut at white space; in a
	 * single URL, tabs and line breaks are dropped (url_resolve()). */
	for (n = 0; s[n] != '\0' && (!set ||
	    !ascii_isspace((unsigned char)s[n])); n++)
		;
	if (set && n > 0 && s[n - 1] == ',')
		n--;
	buf_reset(&cv->x->tmp);
	buf_add(&cv->x->tmp, s, n);
	s = arena_strndup(cv->a, cv->x->tmp.data, cv->x->tmp.len);
	if (!conv_url_ok(cv, s))
		return (0);
	*src = arena_strndup(cv->a, cv->x->tmp.data, cv->x->tmp.len);
	a = attr(g, "alt");
	buf_reset(&cv->x->tmp);
	if (a != NULL)
		meta_clean(&cv->x->tmp, a, 0);
	*alt = arena_strndup(cv->a, cv->x->tmp.data, cv->x->tmp.len);
	return (1);
}

/* The temporary number of a link's URL (0 when it goes nowhere). */
static size_t
conv_link(struct conv *cv, const char *href)
{
	const char	*url;
	size_t		 i;

	while (ascii_isspace((unsigned char)*href))
		href++;
	if (*href == '\0' || *href == '#')
		return (0);
	if (!conv_url_ok(cv, href))
		return (0);
	for (i = cv->nurls; i > 0 && i + 8 > cv->nurls; i--)
		if (strcmp(cv->urls[i - 1], cv->x->tmp.data) == 0)
			return (i);
	url = arena_strndup(cv->a, cv->x->tmp.data, cv->x->tmp.len);
	if (cv->nurls == cv->curls) {
		cv->curls = cv->curls == 0 ? 16 : cv->curls * 2;
		cv->urls = xreallocarray(cv->urls, cv->curls, sizeof *cv->urls);
	}
	cv->urls[cv->nurls++] = url;
	return (cv->nurls);
}

static void	conv_node(struct conv *, int, struct bvec *, unsigned);

/* Convert the children of idx in order. */
static void
conv_children(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	int	 c;

	for (c = cv->x->n[idx].first; c >= 0; c = cv->x->n[c].next)
		conv_node(cv, c, out, cls);
}

/* Convert the subtree of idx into flattened spans (a heading, a table
 * cell, a caption): blocks inside become spaces. */
static void
conv_flat(struct conv *cv, int idx, struct extract_span **spans, size_t *n,
    unsigned cls)
{
	struct bvec	 none = { NULL, 0, 0 };
	int		 flat = cv->flat, pre = cv->pre;

	/* One line of folded text, even for a heading or a table inside
	 * a <pre>: these blocks cannot hold line breaks. */
	cv->flat = 1;
	cv->pre = 0;
	cv->depth++;
	conv_children(cv, idx, &none, cls);
	cv->depth--;
	cv->flat = flat;
	conv_take_spans(cv, spans, n);
	cv->pre = pre;
	conv_reset(cv);
	cv->nimgs = 0;
	free(none.v);
}

/* A list: its items, each holding blocks. */
static void
conv_list(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	struct extract_block	*b;
	struct bvec		 items = { NULL, 0, 0 }, kids;
	int			 c;

	cv->depth++;
	for (c = cv->x->n[idx].first; c >= 0; c = cv->x->n[c].next) {
		if (cv->x->n[c].flags & N_REMOVED)
			continue;
		if (cv->x->n[c].tag == TAG_TEXT &&
		    (cv->x->n[c].flags & N_SPACE))
			continue;
		memset(&kids, 0, sizeof kids);
		if (cv->x->n[c].tag == GUMBO_TAG_LI)
			conv_children(cv, c, &kids, cls);
		else
			conv_node(cv, c, &kids, cls);
		conv_flush(cv, &kids, cls);
		if (kids.n == 0) {
			free(kids.v);
			continue;
		}
		b = bvec_add(&items, EXTRACT_ITEM);
		bvec_finish(cv, &kids, &b->children, &b->nchildren);
	}
	cv->depth--;
	if (items.n == 0) {
		free(items.v);
		return;
	}
	b = bvec_add(out, EXTRACT_LIST);
	b->ordered = cv->x->n[idx].tag == GUMBO_TAG_OL;
	b->start = 1;
	if (b->ordered)
		b->start = (int)attr_num(cv->x->n[idx].g, "start", -999999,
		    999999, 1);
	bvec_finish(cv, &items, &b->children, &b->nchildren);
	conv_top(cv, out, cls);
}

/* Collect the rows of a table, looking through thead, tbody and tfoot. */
static void
conv_rows(struct conv *cv, int idx, struct bvec *rows, unsigned cls)
{
	struct extract_block	*b, *cell;
	struct bvec		 cells;
	int			 c, d;

	for (c = cv->x->n[idx].first; c >= 0; c = cv->x->n[c].next) {
		if (cv->x->n[c].flags & N_REMOVED)
			continue;
		switch (cv->x->n[c].tag) {
		case GUMBO_TAG_THEAD:
		case GUMBO_TAG_TBODY:
		case GUMBO_TAG_TFOOT:
			conv_rows(cv, c, rows, cls);
			break;
		case GUMBO_TAG_TR:
			memset(&cells, 0, sizeof cells);
			for (d = cv->x->n[c].first; d >= 0;
			    d = cv->x->n[d].next) {
				if ((cv->x->n[d].flags & N_REMOVED) ||
				    (cv->x->n[d].tag != GUMBO_TAG_TD &&
				    cv->x->n[d].tag != GUMBO_TAG_TH))
					continue;
				cell = bvec_add(&cells, EXTRACT_CELL);
				cell->header = cv->x->n[d].tag == GUMBO_TAG_TH;
				conv_flat(cv, d, &cell->spans, &cell->nspans,
				    cls);
			}
			if (cells.n == 0) {
				free(cells.v);
				break;
			}
			b = bvec_add(rows, EXTRACT_ROW);
			bvec_finish(cv, &cells, &b->children, &b->nchildren);
			break;
		default:
			break;
		}
	}
}

/* A figure: its images, then its caption. */
static void
conv_figure(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	struct extract_block	*b;
	struct bvec		 kids = { NULL, 0, 0 };
	const char		*src, *alt;
	int			 i, end = cv->x->n[idx].end, cap = -1;

	for (i = idx + 1; i < end; i++) {
		if (cv->x->n[i].flags & N_REMOVED) {
			i = cv->x->n[i].end - 1;
			continue;
		}
		if (cv->x->n[i].tag == GUMBO_TAG_IMG &&
		    conv_image(cv, cv->x->n[i].g, &src, &alt)) {
			b = bvec_add(&kids, EXTRACT_IMAGE);
			b->src = src;
			b->alt = alt;
		} else if (cv->x->n[i].tag == GUMBO_TAG_FIGCAPTION && cap < 0)
			cap = i;
	}
	if (cap < 0 && cv->x->n[idx].tag != GUMBO_TAG_FIGURE)
		cap = idx;		/* a captioned division: all of it */
	if (cap >= 0) {
		b = bvec_add(&kids, EXTRACT_CAPTION);
		conv_flat(cv, cap, &b->spans, &b->nspans, cls);
		if (b->nspans == 0)
			kids.n--;
	}
	if (kids.n == 0) {
		free(kids.v);
		return;
	}
	b = bvec_add(out, EXTRACT_FIGURE);
	bvec_finish(cv, &kids, &b->children, &b->nchildren);
	conv_top(cv, out, cls);
}

/*
 * A figure that is a card of a listing: no caption, but a link and text
 * beside its picture (a product's name and price). Its text is the card,
 * not a caption to leave out.
 */
static int
conv_card_figure(struct conv *cv, int idx)
{
	const struct node	*n = &cv->x->n[idx];
	int			 i;

	if (!cv->x->region || n->st.links == 0 || n->st.chars < 20)
		return (0);
	for (i = idx + 1; i < n->end; i++)
		if (cv->x->n[i].tag == GUMBO_TAG_FIGCAPTION &&
		    !(cv->x->n[i].flags & N_REMOVED))
			return (0);
	return (1);
}

/* Is this element a caption box (a photo's text, by class)? */
static int
conv_is_caption(struct conv *cv, int idx)
{
	const struct node	*n = &cv->x->n[idx];

	return ((n->cls & PAT_CAPTION) && n->st.chars < 600 &&
	    n->st.p <= 2 && (n->tag == GUMBO_TAG_DIV ||
	    n->tag == GUMBO_TAG_P || n->tag == GUMBO_TAG_SPAN ||
	    n->tag == GUMBO_TAG_FIGCAPTION));
}

/*
 * A post of a thread, or an element that holds posts. The post becomes
 * its run of blocks at the top level (see extract-thread.c); what holds
 * posts (a list of comments, a table of messages, a quote) is only their
 * container, so that no post ends up inside another block.
 */
static void
conv_posts(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	struct extract_block	*b;
	unsigned		 style = cv->style;
	size_t			 link = cv->link;
	int			 skip[2];

	conv_flush(cv, out, cls);
	cv->style = 0;
	cv->link = 0;
	if (!(cv->x->n[idx].flags & N_POST)) {
		conv_children(cv, idx, out, cls);
		conv_flush(cv, out, cls);
		cv->style = style;
		cv->link = link;
		return;
	}
	skip[0] = cv->skip[0];
	skip[1] = cv->skip[1];
	b = bvec_add(out, EXTRACT_POST);
	post_header(cv, idx, b, cv->skip);
	conv_top(cv, out, 0);
	conv_children(cv, idx, out, cls);
	conv_flush(cv, out, cls);
	b = bvec_add(out, EXTRACT_POST);
	b->level = POST_CLOSE;
	conv_top(cv, out, 0);
	cv->skip[0] = skip[0];
	cv->skip[1] = skip[1];
	cv->style = style;
	cv->link = link;
}

/*
 * A page read whole shows its listings (stories, products, results) as
 * runs of like cards: three or more like siblings, each with a link,
 * that hold most of their container. Such a run becomes a list, a card
 * an item, so that the terminal shows them as what they are. So does a
 * run of short cards that is most of an article found (an index page's
 * entries), which the pass over the blocks would otherwise take apart
 * as teasers, keeping their dates and prices without their names.
 */
/* The parts of a card with text: a title, a line, a price... A card
 * also has a heading or a picture; a run of notices has neither. */
static int
card_parts(struct extractor *x, int idx)
{
	int	 c, one, n = 0, d;

	/* Through wrappers of one child down to where the parts are. */
	for (d = 0; d < 8; d++) {
		for (c = x->n[idx].first, n = 0, one = -1; c >= 0;
		    c = x->n[c].next)
			if (!(x->n[c].flags & N_REMOVED) &&
			    x->n[c].st.chars > 0) {
				n++;
				one = c;
			}
		if (n != 1 || x->n[one].tag == TAG_TEXT)
			break;
		idx = one;
	}
	return (n);
}

static int
conv_cards(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	struct extractor	*x = cv->x;
	struct extract_block	*b;
	struct bvec		 items = { NULL, 0, 0 }, kids;
	uint32_t		 chars = 0, links = 0;
	int			 c, first = -1, count = 0;

	if (x->fragment)	/* a feed item's content stays as written */
		return (0);
	for (c = x->n[idx].first; c >= 0; c = x->n[c].next)
		if (x->n[c].tag != TAG_TEXT && !(x->n[c].flags & N_REMOVED) &&
		    x->n[c].st.chars > 0 && x->n[c].st.links > 0) {
			first = c;
			break;
		}
	if (first < 0)
		return (0);
	for (c = first; c >= 0; c = x->n[c].next)
		if (!(x->n[c].flags & N_REMOVED) && x->n[c].st.chars > 0 &&
		    siblings_alike(x, first, c) && card_parts(x, c) >= 2 &&
		    (x->n[c].st.heads > 0 || x->n[c].st.img > 0)) {
			count++;
			chars += x->n[c].st.chars;
			links += x->n[c].st.links;
		}
	if (count < 3 || chars * 10 < x->n[idx].st.chars * 6)
		return (0);
	if (!x->region) {
		/* In an article found, only short cards that are the
		 * article, or half of it, or runs of a listing that is
		 * (related stories below a text stay teasers). Their
		 * links are the entries' names, which the region decision
		 * weighs as nothing: the region holds them too. */
		if (chars / count > 250 || (chars * 2 < cv->total &&
		    x->cards * 2 < cv->total))
			return (0);
		x->entries += links;
	}
	conv_flush(cv, out, cls);
	for (c = x->n[idx].first; c >= 0; c = x->n[c].next) {
		if (x->n[c].flags & N_REMOVED)
			continue;
		if (x->n[c].st.chars == 0 || !siblings_alike(x, first, c)) {
			if (x->n[c].tag == TAG_TEXT && (x->n[c].flags & N_SPACE))
				continue;
			if (items.n > 0) {
				b = bvec_add(out, EXTRACT_LIST);
				bvec_finish(cv, &items, &b->children,
				    &b->nchildren);
				memset(&items, 0, sizeof items);
				conv_top(cv, out, cls);
			}
			conv_node(cv, c, out, cls);
			conv_flush(cv, out, cls);
			continue;
		}
		memset(&kids, 0, sizeof kids);
		cv->depth++;
		conv_node(cv, c, &kids, cls);
		conv_flush(cv, &kids, cls);
		cv->depth--;
		if (kids.n == 0) {
			free(kids.v);
			continue;
		}
		b = bvec_add(&items, EXTRACT_ITEM);
		bvec_finish(cv, &kids, &b->children, &b->nchildren);
	}
	if (items.n > 0) {
		b = bvec_add(out, EXTRACT_LIST);
		bvec_finish(cv, &items, &b->children, &b->nchildren);
		conv_top(cv, out, cls);
	} else
		free(items.v);
	return (1);
}

/* Convert node idx (and its subtree) into blocks appended to out. */
static void
conv_node(struct conv *cv, int idx, struct bvec *out, unsigned cls)
{
	const struct node	*n = &cv->x->n[idx];
	struct extract_block	*b;
	struct bvec		 kids;
	const char		*src, *alt, *v;
	unsigned		 style = cv->style;
	size_t			 link = cv->link;
	int			 pre;

	if (n->flags & N_REMOVED)
		return;
	if (n->tag == TAG_TEXT) {
		conv_text(cv, n->g->v.text.text);
		return;
	}
	if (cv->depth > MIRROR_DEPTH || idx == cv->skip[0] ||
	    idx == cv->skip[1])
		return;
	if (idx != cv->root && n->st.chars * 2 < cv->x->n[cv->root].st.chars)
		cls |= n->cls;	/* what the part itself is called says
				   nothing about one block of it */
	if ((n->flags & N_POSTPATH) && !cv->flat) {
		conv_posts(cv, idx, out, cls);
		return;
	}
	switch (n->tag) {
	case GUMBO_TAG_BR:
		conv_break(cv, out, cls);
		return;
	case GUMBO_TAG_IMG:
		if (cv->flat || !conv_image(cv, n->g, &src, &alt))
			return;
		if (cv->text.len == 0) {
			conv_flush(cv, out, cls);
			conv_image_block(cv, out, cls, src, alt);
			return;
		}
		if (cv->nimgs == cv->cimgs) {
			cv->cimgs = cv->cimgs == 0 ? 4 : cv->cimgs * 2;
			cv->imgs = xreallocarray(cv->imgs, cv->cimgs,
			    sizeof *cv->imgs);
		}
		cv->imgs[cv->nimgs].src = src;
		cv->imgs[cv->nimgs++].alt = alt;
		return;
	case GUMBO_TAG_A:
		if ((v = attr(n->g, "href")) != NULL && cv->link == 0)
			cv->link = conv_link(cv, v);
		conv_children(cv, idx, out, cls);
		cv->link = link;
		return;
	case GUMBO_TAG_B:
	case GUMBO_TAG_STRONG:
		cv->style |= EXTRACT_BOLD;
		conv_children(cv, idx, out, cls);
		cv->style = style;
		return;
	case GUMBO_TAG_I:
	case GUMBO_TAG_EM:
		cv->style |= EXTRACT_ITALIC;
		conv_children(cv, idx, out, cls);
		cv->style = style;
		return;
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		cv->style |= EXTRACT_CODE;
		conv_children(cv, idx, out, cls);
		cv->style = style;
		return;
	default:
		break;
	}
	if (!cv->flat && conv_is_caption(cv, idx) && n->st.img == 0) {
		conv_flush(cv, out, cls);
		conv_figure(cv, idx, out, cls);
		return;
	}
	if (!tag_block(n->tag)) {
		conv_children(cv, idx, out, cls);
		return;
	}
	if (cv->flat) {
		cv->space = cv->text.len > 0;
		conv_children(cv, idx, out, cls);
		cv->space = cv->text.len > 0;
		return;
	}
	conv_flush(cv, out, cls);
	cv->style = 0;
	switch (n->tag) {
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		b = bvec_add(out, EXTRACT_HEADING);
		b->level = n->tag - GUMBO_TAG_H1 + 1;
		conv_flat(cv, idx, &b->spans, &b->nspans, cls);
		if (b->nspans == 0)
			out->n--;
		else
			conv_top(cv, out, cls);
		break;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
		conv_list(cv, idx, out, cls);
		break;
	case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_DD:
		memset(&kids, 0, sizeof kids);
		cv->depth++;
		conv_children(cv, idx, &kids, cls);
		conv_flush(cv, &kids, cls);
		cv->depth--;
		if (kids.n == 0) {
			free(kids.v);
			break;
		}
		b = bvec_add(out, EXTRACT_QUOTE);
		bvec_finish(cv, &kids, &b->children, &b->nchildren);
		conv_top(cv, out, cls);
		break;
	case GUMBO_TAG_DT:
		cv->style = EXTRACT_BOLD;
		conv_children(cv, idx, out, cls);
		conv_flush(cv, out, cls);
		break;
	case GUMBO_TAG_PRE:
		pre = cv->pre;
		cv->pre = 1;
		conv_children(cv, idx, out, cls);
		b = bvec_add(out, EXTRACT_PRE);
		conv_take_spans(cv, &b->spans, &b->nspans);
		conv_reset(cv);
		cv->pre = pre;
		if (b->nspans == 0)
			out->n--;
		else
			conv_top(cv, out, cls);
		break;
	case GUMBO_TAG_TABLE:
		if (!(n->flags & N_DATATABLE)) {
			conv_children(cv, idx, out, cls);
			break;
		}
		memset(&kids, 0, sizeof kids);
		conv_rows(cv, idx, &kids, cls);
		if (kids.n == 0) {
			free(kids.v);
			break;
		}
		b = bvec_add(out, EXTRACT_TABLE);
		bvec_finish(cv, &kids, &b->children, &b->nchildren);
		conv_top(cv, out, cls);
		break;
	case GUMBO_TAG_FIGURE:
		if (n->st.img > 0 && !conv_card_figure(cv, idx))
			conv_figure(cv, idx, out, cls);
		else
			conv_children(cv, idx, out, cls);
		break;
	case GUMBO_TAG_FIGCAPTION:
		conv_figure(cv, idx, out, cls);
		break;
	case GUMBO_TAG_HR:
		bvec_add(out, EXTRACT_RULE);
		conv_top(cv, out, cls);
		break;
	default:
		if (conv_cards(cv, idx, out, cls))
			break;
		conv_children(cv, idx, out, cls);
		break;
	}
	conv_flush(cv, out, cls);
	cv->style = style;
}

/* Convert the parts of the article into blocks, clean them and number
 * their links. */
void
convert(struct extractor *x, const struct parts *ps)
{
	struct conv		 cv;
	struct bvec		 root = { NULL, 0, 0 };
	struct extract_link	*links = NULL;
	size_t			 k, nlinks = 0, cap = 0, *map;
	int			 i;

	memset(&cv, 0, sizeof cv);
	cv.x = x;
	cv.a = x->arena;
	cv.skip[0] = cv.skip[1] = -1;
	cv.total = ps->chars;
	buf_init(&cv.text);
	for (k = 0; k < ps->n; k++) {
		cv.root = ps->v[k].first;
		for (i = ps->v[k].first; i >= 0; i = x->n[i].next) {
			conv_node(&cv, i, &root, 0);
			if (i == ps->v[k].last)
				break;
		}
		conv_flush(&cv, &root, 0);
	}
	if (!x->fragment) {
		postprocess(&cv, &root);
		if (x->ld_body != NULL)
			evidence_filter(&cv, &root);
	}
	root.n = post_group(&cv, root.v, root.n);
	map = xcalloc(cv.nurls + 1, sizeof *map);
	finish_links(&cv, root.v, root.n, map, &links, &nlinks, &cap);
	free(map);
	bvec_finish(&cv, &root, &x->art->blocks, &x->art->nblocks);
	x->art->nlinks = nlinks;
	if (nlinks > 0) {
		x->art->links = arena_alloc(x->arena, nlinks * sizeof *links);
		memcpy(x->art->links, links, nlinks * sizeof *links);
	}
	free(links);
	free(cv.spans);
	free(cv.imgs);
	free(cv.urls);
	free(cv.tcls);
	buf_release(&cv.text);
}

/*
 * The last resort of a page whose HTML holds (almost) nothing of its
 * article but which declares the article's text in JSON-LD (pages built
 * by scripts do): the declared text, a paragraph a line. Without it,
 * when the HTML holds next to nothing at all (a forum whose posts a
 * script fetches), what the page says of itself in its description.
 */
void
fallback_declared(struct extractor *x)
{
	struct article		*art = x->art;
	struct extract_block	*b;
	struct extract_span	*sp;
	struct buf		 t = BUF_INIT, line = BUF_INIT;
	const char		*s = x->ld_body, *d = x->meta[M_DESC].v;
	size_t			 i, chars = 0, links = 0, n = 0, start;
	int			 tag;

	for (i = 0; i < art->nblocks; i++)
		block_counts(&art->blocks[i], &chars, &links);
	if (chars >= 200)
		return;
	if (s == NULL || strlen(s) < 3 * chars + 200)
		s = chars < 50 && d != NULL && strlen(d) >= 3 * chars + 80 ?
		    d : NULL;
	if (s == NULL)
		return;
	/* Block markup is read as a line break, other markup not at all. */
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] != '<') {
			buf_addch(&t, s[i]);
			continue;
		}
		start = i + 1 + (s[i + 1] == '/');
		for (i = start; ascii_isalnum((unsigned char)s[i]); i++)
			;
		tag = gumbo_tagn_enum(s + start, (unsigned)(i - start));
		if (tag_block(tag) || tag == GUMBO_TAG_BR)
			buf_addch(&t, '\n');
		while (s[i] != '\0' && s[i] != '>')
			i++;
		if (s[i] == '\0')
			break;
	}
	for (i = 0; i <= t.len; i++)
		n += i == t.len || t.data[i] == '\n';
	b = arena_alloc(x->arena, n * sizeof *b);
	art->nblocks = 0;
	for (i = start = 0; i <= t.len; i++) {
		if (i < t.len && t.data[i] != '\n')
			continue;
		t.data[i] = '\0';
		buf_reset(&line);
		meta_clean(&line, t.data + start, 1);
		start = i + 1;
		if (line.len == 0)
			continue;
		memset(&b[art->nblocks], 0, sizeof *b);
		sp = arena_alloc(x->arena, sizeof *sp);
		sp->text = arena_strndup(x->arena, line.data, line.len);
		sp->len = line.len;
		sp->style = 0;
		sp->link = 0;
		b[art->nblocks].kind = EXTRACT_PARAGRAPH;
		b[art->nblocks].alt = "";
		b[art->nblocks].spans = sp;
		b[art->nblocks++].nspans = 1;
	}
	art->blocks = b;
	art->nlinks = 0;
	buf_release(&t);
	buf_release(&line);
}
