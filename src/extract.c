/*
 * extract.c: reader mode, the article of an HTML page with the clutter
 * taken away.
 *
 * The page goes through five stages.
 *
 * 1. Input. The bytes are converted to UTF-8 (charset from the caller,
 *    else <meta>, else UTF-8 or, for bytes that are not, windows-1252) and
 *    a small tokenizer drops <script>, <style>, <noscript>, <template>,
 *    <svg> and <math> before gumbo sees the page: they are half of a
 *    typical news page, never part of an article, and most of gumbo's
 *    time. JSON-LD scripts are kept aside for the metadata. Start tags
 *    nested absurdly deep are dropped too (gumbo is quadratic in depth).
 *
 * 2. Mirror. gumbo's tree is copied into a flat array of nodes in
 *    document order, each with the statistics of its subtree (characters,
 *    characters inside links, commas, paragraphs, images, list items,
 *    form controls, embeds, heading characters) and the class/id pattern
 *    bits of the element. Removing a node subtracts its statistics from
 *    its ancestors, so every later decision sees the tree as it is then.
 *
 * 3. Candidates, after Readability's model. Hidden nodes, bylines, the
 *    title's repeat, comment sections, navigation and nodes whose class or
 *    id looks like furniture (and not also like content) are removed.
 *    Every paragraph of 25 characters or more (a <p>, a division of text,
 *    a run of text between blocks) scores 2 + commas + one point per 100
 *    characters (at most 3), added to its parent in full, its grandparent
 *    by half and the three ancestors above by a third of their level.
 *    Containers start from a score for their tag and +-25 for words in
 *    class and id. The best container after discounting its link density
 *    wins; it moves up to a common ancestor when several near-best
 *    containers share one, and the winner's siblings join it when they
 *    score well or read like prose.
 *
 * 4. Cleaning. Inside the article: forms, embeds, asides and share
 *    widgets go; tables, lists and divisions go "conditionally" when their
 *    mix of links, images, paragraphs and controls looks like furniture.
 *    Paragraphs that carry the class word most of the article's prose has
 *    survive the cleaning of their wrappers. If less than 500 characters
 *    are left, the search runs again with the strictest rules turned off,
 *    one at a time, and the longest result wins; when nothing scores, all
 *    of the body is the article.
 *
 * 5. Blocks. The article becomes the block tree of extract.h, and a pass
 *    over the top-level blocks takes what only shows at that level:
 *    repeats (a caption shown twice is kept once), interface phrases
 *    ("Read more", "JUST WATCHED", "Image 2 of 5"), teaser headlines and
 *    lines that are mostly a link, lists of links, date and "By" lines,
 *    copyright and cookie notices, blocks whose classes say newsletter or
 *    author box, and headings left without a section. When the page
 *    declares its text as a JSON-LD articleBody that matches what was
 *    found, short blocks it does not contain go too; when what was found
 *    is next to nothing, the declared text is the article.
 *
 * Metadata (title, byline, date, site name, lead image) comes from what
 * pages declare: JSON-LD Article objects, itemprop, OpenGraph and other
 * <meta> tags, rel=author, byline classes and <time>, in that order of
 * trust.
 *
 * Nothing here is specific to a site: the rules are about the shape of
 * pages in general.
 *
 * The stages live in files of their own, which share extract-int.h:
 * this file holds the arenas and the pipeline (extract_page(),
 * extract_fragment()); the input stage is html.c's html_strip();
 * extract-mirror.c the mirror, extract-meta.c the metadata,
 * extract-score.c the candidates and the cleaning, extract-blocks.c the
 * blocks and extract-post.c the pass over them; extract-out.c writes an
 * article out and extract-feeds.c finds the feeds a page announces.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "buf.h"
#include "charset.h"
#include "extract.h"
#include "extract-int.h"
#include "html.h"
#include "url.h"
#include "util.h"

/*
 * Arena: everything an article owns comes from one list of chunks, so
 * extract_free() is a walk over a few chunks instead of thousands of
 * frees. gumbo is given an arena of its own for the same reason.
 */
#define ARENA_CHUNK	(64 * 1024)
#define ARENA_ALIGN	16

struct arena_chunk {
	struct arena_chunk	*next;
	size_t			 used;
	size_t			 size;
};

/* Offset of a chunk's data: the header rounded up to ARENA_ALIGN. */
#define ARENA_HDR	((sizeof (struct arena_chunk) + ARENA_ALIGN - 1) & \
			    ~(size_t)(ARENA_ALIGN - 1))

/* Return n bytes from the arena, aligned for any object we store. */
void *
arena_alloc(struct extract_arena *a, size_t n)
{
	struct arena_chunk	*c = a->head, *big;
	size_t			 size;

	if (n > SIZE_MAX - 2 * ARENA_ALIGN - ARENA_HDR)
		fatalx("extract: allocation of %zu bytes", n);
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (c != NULL && c->size - c->used >= n) {
		c->used += n;
		return ((char *)c + ARENA_HDR + c->used - n);
	}
	if (n > ARENA_CHUNK / 4) {
		/* A big block gets a chunk of its own behind the current one,
		 * so the space left in the current chunk is not wasted. */
		big = xmalloc(ARENA_HDR + n);
		big->used = big->size = n;
		if (c == NULL) {
			big->next = NULL;
			a->head = big;
		} else {
			big->next = c->next;
			c->next = big;
		}
		return ((char *)big + ARENA_HDR);
	}
	size = ARENA_CHUNK;
	c = xmalloc(ARENA_HDR + size);
	c->size = size;
	c->used = n;
	c->next = a->head;
	a->head = c;
	return ((char *)c + ARENA_HDR);
}

/* Free every chunk of an arena. */
void
arena_release(struct extract_arena *a)
{
	struct arena_chunk	*c, *next;

	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

/* Copy n bytes of s into the arena as a C string. */
char *
arena_strndup(struct extract_arena *a, const char *s, size_t n)
{
	char	*p;

	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

/* Copy the C string s into the arena. */
char *
arena_strdup(struct extract_arena *a, const char *s)
{
	return (arena_strndup(a, s, strlen(s)));
}

/* gumbo's allocator hooks, json_parse()'s too: all of the parse tree lives
 * in one arena. */
void *
extract_gumbo_alloc(void *arena, size_t n)
{
	return (arena_alloc(arena, n));
}

/* gumbo frees nothing one by one: the arena goes as a whole. */
void
extract_gumbo_free(void *arena, void *p)
{
	(void)arena;
	(void)p;
}

/* Set up an extractor whose article lives in a new arena. */
static void
extractor_init(struct extractor *x, const char *url)
{
	memset(x, 0, sizeof *x);
	x->art = xcalloc(1, sizeof *x->art);
	x->art->arena = xcalloc(1, sizeof *x->art->arena);
	x->arena = x->art->arena;
	if (url != NULL)
		x->art->url = arena_strdup(x->arena, url);
	x->base = x->art->url;
	x->body = -1;
	x->thread = x->thread_run = x->thread_head = -1;
	x->ncontrols = (size_t)-1;
	pattern_index_init(&x->pi);
	buf_init(&x->tmp);
}

/* Free the extractor's scratch (the article stays). */
static void
extractor_release(struct extractor *x)
{
	free(x->n);
	buf_release(&x->tmp);
	arena_release(&x->garena);
}

/* Parse UTF-8 HTML with gumbo into the extractor's scratch arena. */
static void
extractor_parse(struct extractor *x, const char *html, size_t len,
    int fragment)
{
	GumboOptions	 opts = kGumboDefaultOptions;

	opts.allocator = extract_gumbo_alloc;
	opts.deallocator = extract_gumbo_free;
	opts.userdata = &x->garena;
	opts.max_errors = 0;		/* errors are not wanted: don't keep */
	if (fragment) {
		opts.fragment_context = GUMBO_TAG_DIV;
		opts.fragment_namespace = GUMBO_NAMESPACE_HTML;
	}
	/* gumbo_destroy_output() is not needed: the arena holds it all. */
	x->out = gumbo_parse_with_options(&opts, html, len);
}

/*
 * Is the main region of the page, read whole, what it shows rather than
 * the article found (of chars characters, art_prices prices)? It is when
 * it has need characters or more, the shop's filters taken from it
 * counted in: the page showed them. A shelf of priced products that the
 * article left out settles it either way: beside a short article (a
 * newsletter's box, an offer) the shelf is the page; a long shelf (a
 * dozen prices or more) is too, as long as the region holds as much text
 * as the article, unless that is a long text of prose (a shop's guide to
 * what it sells), which is what there is to read.
 */
static int
region_wins(struct extractor *x, const struct parts *rp, size_t need,
    size_t chars, uint32_t art_prices)
{
	uint32_t	 prices = parts_prices(x, rp);
	size_t		 i, c, l, prose = 0;

	if (prices >= 3 && art_prices * 4 < prices) {
		if (chars < 1000)
			return (1);
		for (i = 0; i < x->art->nblocks; i++) {
			if (x->art->blocks[i].kind != EXTRACT_PARAGRAPH)
				continue;
			c = l = 0;
			block_counts(&x->art->blocks[i], &c, &l);
			if (c >= 80 && l * 2 < c)
				prose += c;
		}
		if (prices >= 12)
			return (!(prose >= 2500 && prose * 3 >= chars * 2) &&
			    rp->chars + x->facets >= chars);
	}
	return (need < rp->chars + x->facets);
}

/* Extract the article of a page (see extract.h). */
struct article *
extract_page(const char *data, size_t len, const char *url,
    const char *charset)
{
	static const unsigned runs[] = {
		RUN_ALL,
		RUN_WEIGHT_CLASSES | RUN_CLEAN_COND,
		RUN_CLEAN_COND,
		0,
	};
	struct extractor	 x;
	struct buf		 utf8 = BUF_INIT, html = BUF_INIT, ld = BUF_INIT;
	struct parts		 ps = { NULL, 0, 0, 0 };
	char			*label = NULL;
	size_t			 r, best = 0;
	uint32_t		 bestchars = 0;

	extractor_init(&x, url);
	if (charset != NULL && *charset != '\0')
		label = xstrdup(charset);
	else if ((label = html_meta_charset(data, len)) == NULL &&
	    charset_sniff_utf8(data, len) < 0)
		label = xstrdup("windows-1252");	/* as browsers guess */
	charset_to_utf8(data, len, label, &utf8);
	free(label);
	html_undouble_text(&utf8);
	html_strip(utf8.data, utf8.len, &html, &ld);
	buf_release(&utf8);
	extractor_parse(&x, html.data, html.len, 0);
	meta_json_ld(&x, &ld);
	buf_release(&ld);

	for (r = 0; r < nitems(runs); r++) {
		x.run = runs[r];
		grab(&x, &ps);
		if (r == 0) {
			/* The first mirror has seen the metadata elements. */
			if (x.meta[M_BASE].v != NULL) {
				buf_reset(&x.tmp);
				url_resolve(&x.tmp, x.art->url,
				    x.meta[M_BASE].v);
				x.base = arena_strndup(x.arena, x.tmp.data,
				    x.tmp.len);
			}
		}
		if (ps.chars >= 500)
			break;
		if (ps.chars > bestchars) {
			bestchars = ps.chars;
			best = r;
		}
	}
	if (r == nitems(runs)) {
		/* Nothing long enough: the longest attempt wins. */
		x.run = runs[best];
		r = best;
		grab(&x, &ps);
	}
	meta_finish(&x);
	convert(&x, &ps);
	if (x.thread < 0) {
		/* A page that is not an article: its main region whole,
		 * when the article found is a small part of it. */
		struct parts	 rp = { NULL, 0, 0, 0 };
		size_t		 i, chars = 0, links = 0, need, own;
		uint32_t	 prices;

		for (i = 0; i < x.art->nblocks; i++)
			block_counts(&x.art->blocks[i], &chars, &links);
		/* The names of an index's entries the article kept weigh
		 * nothing against the region: they are in it too. */
		chars -= x.entries < chars ? x.entries : chars;
		/* The appeals cut from its end were the article's. */
		chars += x.appeals;
		/* The region is at most the whole body: when the article
		 * outweighs that, there is no second pass to make. */
		need = x.ld_article ? chars * 10 : x.website || x.product ?
		    chars * 5 / 4 : chars * 3 / 2;
		/* A run of cards in the article found, with as much text
		 * as it kept: a listing, whatever the page declares; with
		 * half again that text, cleaning cut it down. */
		if (x.cards >= chars && need > chars * 3 / 2)
			need = chars * 3 / 2;
		if (x.cards * 2 >= chars * 3 && need > chars * 5 / 4)
			need = chars * 5 / 4;
		/* A declared article that is a fifth of the prose around
		 * it (text outside links) was found in part: the steps of
		 * a recipe, the sections of a guide cleaning took apart. */
		own = x.ld_article && need > chars * 5 ? chars * 5 : need;
		if (own < x.body_chars) {
			prices = parts_prices(&x, &ps);
			x.region = 1;
			x.run = RUN_STRIP_UNLIKELY;
			grab(&x, &rp);
			if (x.product)
				need = product_region_need(&x, &rp, need,
				    chars, links);
			if (region_wins(&x, &rp, need, chars, prices) ||
			    (rp.n == 1 && own <
			    rp.chars - x.n[rp.v[0].first].st.links))
				convert(&x, &rp);
			free(rp.v);
		}
	}
	fallback_declared(&x);
	free(ps.v);
	buf_release(&html);
	extractor_release(&x);
	return (x.art);
}

/* Turn a feed item's HTML into blocks, keeping all of its text. */
struct article *
extract_fragment(const char *html, size_t len, const char *url)
{
	struct extractor	 x;
	struct buf		 clean = BUF_INIT, ld = BUF_INIT;
	struct parts		 ps = { NULL, 0, 0, 0 };
	int			 root, i, c;

	extractor_init(&x, url);
	x.fragment = 1;
	html_strip(html, len, &clean, &ld);
	buf_release(&ld);
	extractor_parse(&x, clean.data, clean.len, 1);
	if (x.out->root != NULL &&
	    (root = mirror_add(&x, x.out->root, -1, 0)) >= 0) {
		for (i = 0; i < (int)x.nn; i++) {
			switch (x.n[i].tag) {
			case GUMBO_TAG_FORM:
			case GUMBO_TAG_BUTTON:
			case GUMBO_TAG_INPUT:
			case GUMBO_TAG_SELECT:
			case GUMBO_TAG_TEXTAREA:
			case GUMBO_TAG_IFRAME:
			case GUMBO_TAG_OBJECT:
			case GUMBO_TAG_EMBED:
			case GUMBO_TAG_VIDEO:
			case GUMBO_TAG_AUDIO:
			case GUMBO_TAG_CANVAS:
				node_remove(&x, i);
				break;
			case GUMBO_TAG_TABLE:
				if (data_table(&x, i))
					x.n[i].flags |= N_DATATABLE;
				break;
			default:
				if (x.n[i].tag != TAG_TEXT &&
				    mirror_hidden(x.n[i].g))
					node_remove(&x, i);
				break;
			}
			if (x.n[i].flags & N_REMOVED)
				i = x.n[i].end - 1;
		}
		post_mark_fragment(&x);
		for (c = x.n[root].first; c >= 0; c = x.n[c].next)
			parts_add(&ps, c, c);
	}
	convert(&x, &ps);
	free(ps.v);
	buf_release(&clean);
	extractor_release(&x);
	return (x.art);
}

/* Free an article and everything it owns. */
void
extract_free(struct article *art)
{
	if (art == NULL)
		return;
	arena_release(art->arena);
	free(art->arena);
	free(art);
}
