/*
 * extract-score.c: reader mode's third and fourth stages, after
 * Readability's model: preclean, score the paragraphs into their
 * containers, pick the best container, gather its siblings, and clean
 * the article found (see extract.c for the model).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "util.h"

/* Remove node idx from the tree: its statistics leave its ancestors. */
void
node_remove(struct extractor *x, int idx)
{
	struct node	*n = &x->n[idx];
	int		 p;

	if (n->flags & N_REMOVED)
		return;
	n->flags |= N_REMOVED;
	for (p = n->parent; p >= 0; p = x->n[p].parent)
		stats_sub(&x->n[p].st, &n->st);
}

/* The share of a node's text that is inside links. */
static double
link_density(const struct node *n)
{
	return (n->st.chars == 0 ? 0 : (double)n->st.links / n->st.chars);
}

/* Is the element a byline (Readability's check)? Records its text. */
static int
preclean_byline(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	const char		*rel, *ip;

	rel = attr(n->g, "rel");
	ip = attr(n->g, "itemprop");
	if (!(n->cls & PAT_BYLINE) && !(rel != NULL &&
	    strcmp(rel, "author") == 0) && !(ip != NULL &&
	    strstr(ip, "author") != NULL))
		return (0);
	if (n->st.chars == 0 || n->st.chars >= 100)
		return (0);
	if (x->byline == NULL) {
		buf_reset(&x->tmp);
		node_text(x, idx, &x->tmp);
		x->byline = arena_strndup(&x->garena, x->tmp.data, x->tmp.len);
	}
	return (1);
}

/*
 * Is the byline idx one entry's of a list: in an item (<li>, <dd>,
 * <article>, a row) that has two like siblings or more? Each of a
 * listing's entries names its author; none of them is the page's.
 */
static int
entry_byline(struct extractor *x, int idx)
{
	int	 a, c, k, like = 0;

	for (a = x->n[idx].parent, k = 0; a >= 0 && k < 6;
	    a = x->n[a].parent, k++)
		if (x->n[a].tag == GUMBO_TAG_LI || x->n[a].tag == GUMBO_TAG_DD ||
		    x->n[a].tag == GUMBO_TAG_ARTICLE ||
		    x->n[a].tag == GUMBO_TAG_TR)
			break;
	if (a < 0 || k == 6 || x->n[a].parent < 0)
		return (0);
	for (c = x->n[x->n[a].parent].first; c >= 0; c = x->n[c].next)
		if (x->n[c].tag == x->n[a].tag && ++like >= 3)
			return (1);
	return (0);
}

/* ARIA roles of page furniture. */
static int
preclean_role(const char *role)
{
	static const char *const roles[] = {
		"menu", "menubar", "complementary", "navigation", "alert",
		"alertdialog", "dialog", "listbox", "combobox",
	};
	size_t	 i;

	if (role == NULL)
		return (0);
	for (i = 0; i < nitems(roles); i++)
		if (strcmp(role, roles[i]) == 0)
			return (1);
	return (0);
}

/* A page's own header or footer: one that no section or article holds. */
static int
region_furniture(struct extractor *x, int idx)
{
	const char	*role = attr(x->n[idx].g, "role");
	int		 p;

	if (role != NULL && (strcmp(role, "banner") == 0 ||
	    strcmp(role, "contentinfo") == 0 || strcmp(role, "search") == 0))
		return (1);
	if (x->n[idx].tag != GUMBO_TAG_HEADER &&
	    x->n[idx].tag != GUMBO_TAG_FOOTER && x->n[idx].tag != GUMBO_TAG_FORM)
		return (0);
	for (p = x->n[idx].parent; p >= 0; p = x->n[p].parent)
		if (x->n[p].tag == GUMBO_TAG_ARTICLE ||
		    x->n[p].tag == GUMBO_TAG_SECTION ||
		    x->n[p].tag == GUMBO_TAG_MAIN)
			return (x->n[idx].tag == GUMBO_TAG_FORM);
	return (1);
}

/* Is the control at idx one a reader types into or picks from a list? */
static int
entry_control(struct extractor *x, int idx)
{
	static const char *const types[] = {
		"text", "email", "tel", "number", "password", "search", "url",
		"date",
	};
	const char	*t;
	size_t		 k;

	if (x->n[idx].tag == GUMBO_TAG_SELECT ||
	    x->n[idx].tag == GUMBO_TAG_TEXTAREA)
		return (1);
	if (x->n[idx].tag != GUMBO_TAG_INPUT)
		return (0);
	if ((t = attr(x->n[idx].g, "type")) == NULL)
		return (1);
	for (k = 0; k < nitems(types); k++)
		if (strcasecmp(t, types[k]) == 0)
			return (1);
	return (0);
}

/*
 * Is the label at idx a form field's: beside or around a control one
 * types into (not a choice's, whose label is what is chosen)? Its words
 * ("First name", "Your email") are the form's, not the text's.
 */
static int
label_of_control(struct extractor *x, int idx)
{
	int	 i, p = x->n[idx].parent;

	if (p < 0)
		return (0);
	for (i = p + 1; i < x->n[p].end; i++)
		if (entry_control(x, i))
			return (1);
	return (0);
}

/* A poster's signature, repeated under each of their posts. */
static int
post_signature(const struct node *n)
{
	static const char *const names[] = { "class", "id" };
	const char	*v;
	size_t		 i;

	for (i = 0; i < nitems(names); i++)
		if ((v = attr(n->g, names[i])) != NULL &&
		    ascii_find_nocase(v, strlen(v), "signature") != NULL)
			return (1);
	return (0);
}

/*
 * A card's head, which a class may call its "header": a short box with
 * a title (a heading of some length) that links to another page, as the
 * cards of a listing have. An article's own header has a title that
 * links nowhere, or only a short label that does (its section).
 */
static int
card_head(struct extractor *x, int idx)
{
	const char	*href;
	int		 i, a, end = x->n[idx].end;

	if (x->n[idx].st.chars >= 300)
		return (0);
	for (i = idx + 1; i < end; i++) {
		if (!tag_heading(x->n[i].tag) || x->n[i].st.chars < 15)
			continue;
		for (a = x->n[i].parent; a > idx && x->n[a].tag != GUMBO_TAG_A;
		    a = x->n[a].parent)
			;
		if (a == idx)
			for (a = i + 1; a < x->n[i].end && !(x->n[a].tag ==
			    GUMBO_TAG_A && x->n[a].st.chars * 2 >
			    x->n[i].st.chars); a++)
				;
		if (a > idx && a < end && x->n[a].tag == GUMBO_TAG_A &&
		    (href = attr(x->n[a].g, "href")) != NULL &&
		    *href != '\0' && *href != '#')
			return (1);
	}
	return (0);
}

/* Classes that hide an element from the eye, not from screen readers. */
static const char *const unseen_names[] = {
	"visually-hidden", "visuallyhidden", "sr-only",
	"screen-reader-text", "screenreader-only", "a11y-hidden",
};

/* Does element idx have a class that hides it from the eye: one of
 * unseen_names, alone or at the end of a prefixed token ("u-sr-only")? */
static int
unseen_class(struct extractor *x, int idx)
{
	const char	*cls, *s;
	size_t		 i, t, n;

	if ((cls = attr(x->n[idx].g, "class")) == NULL)
		return (0);
	for (s = cls; *s != '\0'; s += t) {
		while (ascii_isspace((unsigned char)*s))
			s++;
		for (t = 0; s[t] != '\0' && !ascii_isspace((unsigned char)s[t]);
		    t++)
			;
		for (i = 0; i < nitems(unseen_names); i++) {
			n = strlen(unseen_names[i]);
			if (t >= n && strncasecmp(s + t - n, unseen_names[i],
			    n) == 0 && (t == n || s[t - n - 1] == '-' ||
			    s[t - n - 1] == '_'))
				return (1);
		}
	}
	return (0);
}

/*
 * Is node idx a label only screen readers read (a price's "Sale price",
 * "Regular price"): a few words in an element whose class hides it from
 * the eye?
 */
static int
preclean_unseen(struct extractor *x, int idx)
{
	size_t		 i;

	if (x->n[idx].st.chars == 0 || x->n[idx].st.chars > 40 ||
	    !unseen_class(x, idx))
		return (0);
	/* What it says in full, where the eye sees an amount (what a price
	 * was, hidden itself from screen readers), stays. */
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	for (i = 0; i < x->tmp.len; i++)
		if (ascii_isdigit((unsigned char)x->tmp.data[i]))
			return (0);
	return (1);
}

/* Append the text of node idx to out without its spaces. */
static void
text_unspaced(struct extractor *x, int idx, struct buf *out)
{
	size_t	 i, k;

	node_text(x, idx, out);
	for (i = k = 0; i < out->len; i++)
		if (!ascii_isspace((unsigned char)out->data[i]))
			out->data[k++] = out->data[i];
	out->len = k;
}

/*
 * Is node idx a copy of the words beside it: for screen readers (a
 * "clipped" or "offscreen" span after the amount, the date or the name
 * the eye reads), for another screen's width, or a sale price that is
 * the regular one? Its parent says its text twice, spaces aside.
 */
static int
preclean_copy(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	struct buf		 p = BUF_INIT;
	uint32_t		 c = n->st.chars, pc;
	size_t			 len;
	int			 copy;

	if (c < 3 || c > 150 || n->parent < 0)
		return (0);
	pc = x->n[n->parent].st.chars;
	if (pc + 3 < c * 2 || pc > c * 2 + 3)
		return (0);
	buf_reset(&x->tmp);
	text_unspaced(x, idx, &x->tmp);
	text_unspaced(x, n->parent, &p);
	len = x->tmp.len;
	copy = len > 0 && p.len == len * 2 && memcmp(p.data, x->tmp.data,
	    len) == 0 && memcmp(p.data + len, x->tmp.data, len) == 0;
	buf_release(&p);
	return (copy);
}

/*
 * Is node idx a cookie consent box: its class or id names cookies or
 * consent, it has controls (to accept, to choose) and its text speaks
 * of cookies (the word most languages borrowed)? A banner, a dialog of
 * cookie categories: never content. A section of a text about cookies
 * (id "cookies") has no buttons.
 */
static int
preclean_consent(struct extractor *x, int idx)
{
	static const char *const names[] = { "class", "id" };
	static const char *const words[] = { "cookie", "consent" };
	const char	*v;
	size_t		 i, k;

	if (x->n[idx].st.chars == 0 || x->n[idx].st.chars > 6000)
		return (0);
	for (i = 0; i < nitems(names); i++) {
		if ((v = attr(x->n[idx].g, names[i])) == NULL)
			continue;
		for (k = 0; k < nitems(words); k++)
			if (ascii_find_nocase(v, strlen(v), words[k]) != NULL)
				break;
		if (k < nitems(words))
			break;
	}
	if (i == nitems(names))
		return (0);
	for (k = (size_t)idx + 1; k < (size_t)x->n[idx].end; k++)
		if (x->n[k].tag == GUMBO_TAG_BUTTON ||
		    x->n[k].tag == GUMBO_TAG_INPUT ||
		    ((v = attr(x->n[k].g, "role")) != NULL &&
		    (strcmp(v, "button") == 0 || strcmp(v, "switch") == 0 ||
		    strcmp(v, "checkbox") == 0)))
			break;
	if (k == (size_t)x->n[idx].end)
		return (0);
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	return (ascii_find_nocase(x->tmp.data, x->tmp.len, "cookie") != NULL);
}

/*
 * How often does the text s (of len bytes, trimmed here) occur in the
 * text of node idx?
 */
static size_t
text_count(struct extractor *x, int idx, const char *s, size_t len)
{
	struct buf	 t = BUF_INIT;
	const char	*p;
	size_t		 n = 0;

	while (len > 0 && ascii_isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && ascii_isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return (0);
	node_text(x, idx, &t);
	for (p = t.data; p != NULL && p + len <= t.data + t.len; p++) {
		if ((p = memmem(p, (size_t)(t.data + t.len - p), s, len)) ==
		    NULL)
			break;
		n++;
	}
	buf_release(&t);
	return (n);
}

/* Is g hidden from the eye by more than aria-hidden: the hidden
 * attribute, or a style that says none or hidden? */
static int
hidden_from_eye(const GumboNode *g)
{
	const char	*v;

	return (attr(g, "hidden") != NULL || ((v = attr(g, "style")) != NULL &&
	    (ascii_find_nocase(v, strlen(v), "none") != NULL ||
	    ascii_find_nocase(v, strlen(v), "hidden") != NULL)));
}

/*
 * Is node idx a price that only screen readers are told to skip: a short
 * amount under aria-hidden, nothing else hiding it? The eye sees it (the
 * words a screen reader gets instead are a label, dropped as unseen), so
 * it stays.
 */
static int
preclean_seen_price(struct extractor *x, int idx)
{
	if (x->n[idx].st.chars == 0 || x->n[idx].st.chars > 40 ||
	    hidden_from_eye(x->n[idx].g))
		return (0);
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	if (product_price(x->tmp.data, x->tmp.len) == 0)
		return (0);
	/* Unless the words beside it say the amount again. */
	return (x->n[idx].parent < 0 || text_count(x, x->n[idx].parent,
	    x->tmp.data, x->tmp.len) < 2);
}

/*
 * Is node idx a sentence only screen readers are told to skip: text of
 * some length under aria-hidden, nothing else hiding it, not said again
 * beside it? A card's summary in a link kept from screen readers (they
 * get the headline's link) is there for the eye, and stays.
 */
static int
preclean_seen_text(struct extractor *x, int idx)
{
	const GumboNode	*g = x->n[idx].g;
	const char	*v;
	uint32_t	 unseen = 0;
	int		 up, i;

	if (x->n[idx].st.chars < 60 || x->n[idx].st.chars > 1000 ||
	    (v = attr(g, "aria-hidden")) == NULL || strcmp(v, "true") != 0 ||
	    hidden_from_eye(g))
		return (0);
	/* Words for screen readers only, hidden from them too: unseen. */
	for (i = idx + 1; i < x->n[idx].end; i++)
		if (x->n[i].tag != TAG_TEXT && unseen_class(x, i)) {
			unseen += x->n[i].st.chars;
			i = x->n[i].end - 1;
		}
	if (x->n[idx].st.chars < unseen + 60)
		return (0);
	if ((up = x->n[idx].parent) >= 0 && x->n[up].parent >= 0)
		up = x->n[up].parent;
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	return (up < 0 || text_count(x, up, x->tmp.data, x->tmp.len) < 2);
}

/*
 * Is node idx, in a post, hidden by its class and long, a copy of words
 * the page shows elsewhere (the post's text kept hidden for its
 * microdata beside the one the eye reads)? Words from its middle, past
 * a name it may open with, are on the page twice.
 */
static int
preclean_hidden_copy(struct extractor *x, int idx)
{
	size_t	 at, len = 120;

	if (!(x->n[idx].cls & PAT_HIDDEN) || x->n[idx].st.chars < 2 * len)
		return (0);
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	if (x->tmp.len < 2 * len)
		return (0);
	for (at = x->tmp.len / 2; at > 0 &&
	    (x->tmp.data[at] & 0xc0) == 0x80; at--)
		;
	while (len > 0 && (x->tmp.data[at + len] & 0xc0) == 0x80)
		len--;
	return (text_count(x, x->body, x->tmp.data + at, len) >= 2);
}

/*
 * Is node idx, named a shop's filters, its shelf: pictures and prices of
 * products, as a wrapper of the filters and the grid both is named?
 */
static int
facet_shelf(struct extractor *x, int idx)
{
	struct parts	 ps = { NULL, 0, 0, 0 };
	uint32_t	 prices;

	if (x->n[idx].st.img < 8)
		return (0);
	parts_add(&ps, idx, idx);
	prices = parts_prices(x, &ps);
	free(ps.v);
	return (prices >= 4);
}

/* Order two strings, for qsort and bsearch. */
static int
controls_cmp(const void *a, const void *b)
{
	return (strcmp(*(const char *const *)a, *(const char *const *)b));
}

/*
 * Is the hidden element at idx the panel of a disclosure: one whose id a
 * button that says whether it is expanded names in aria-controls? It is
 * hidden only until the button is pressed, and a page read as text shows
 * it (an accordion's answers, a guide's folded steps). The ids are
 * gathered once, on the first question.
 */
static int
controlled_panel(struct extractor *x, int idx)
{
	const char	*id = attr(x->n[idx].g, "id"), *v;
	size_t		 n = 0;
	int		 i, end;

	if (id == NULL || x->body < 0)
		return (0);
	if (x->ncontrols == (size_t)-1) {
		end = x->n[x->body].end;
		for (i = x->body; i < end; i++)
			if (x->n[i].tag != TAG_TEXT &&
			    attr(x->n[i].g, "aria-expanded") != NULL &&
			    attr(x->n[i].g, "aria-controls") != NULL)
				n++;
		x->controls = n == 0 ? NULL :
		    arena_alloc(&x->garena, n * sizeof *x->controls);
		x->ncontrols = 0;
		for (i = x->body; i < end && n > 0; i++)
			if (x->n[i].tag != TAG_TEXT &&
			    attr(x->n[i].g, "aria-expanded") != NULL &&
			    (v = attr(x->n[i].g, "aria-controls")) != NULL)
				x->controls[x->ncontrols++] = v;
		if (x->ncontrols > 1)
			qsort(x->controls, x->ncontrols, sizeof *x->controls,
			    controls_cmp);
	}
	return (x->ncontrols > 0 && bsearch(&id, x->controls, x->ncontrols,
	    sizeof *x->controls, controls_cmp) != NULL);
}

/*
 * First pass of a run: remove what is hidden, bylines (in a page read
 * whole, each is part of an entry), repeats of the title and (with
 * RUN_STRIP_UNLIKELY) what class, id, role or tag mark as furniture.
 */
static void
preclean(struct extractor *x)
{
	struct node	*n;
	int		 i = x->body, end, post_end = -1, most;

	if (i < 0)
		return;
	end = x->n[i].end;
	for (i++; i < end; i++) {
		n = &x->n[i];
		if (n->tag == TAG_TEXT)
			continue;
		if (n->flags & N_POST)
			post_end = n->end;
		if (n->flags & N_POSTPATH)
			continue;
		/* An element that holds most of the page is the page, what
		 * ever it is called or marked as: an <aside> left open, a
		 * layout "with sidebars", text hidden until a script moves
		 * it in place. */
		most = n->st.chars * 2 >= x->n[x->body].st.chars;
		if ((mirror_hidden(n->g) && !most &&
		    !preclean_seen_price(x, i) && !preclean_seen_text(x, i) &&
		    !controlled_panel(x, i)) ||
		    (n->cls & PAT_HIDDEN &&
		    n->st.chars < 200) || (i < post_end &&
		    preclean_hidden_copy(x, i)) || preclean_unseen(x, i) ||
		    (!most && preclean_consent(x, i)) || (i >= post_end &&
		    !x->region && !entry_byline(x, i) &&
		    preclean_byline(x, i)) ||
		    (attr(n->g, "aria-modal") != NULL &&
		    !product_description_box(x, i))) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		/* A post's list of its poster's profile fields. */
		if (i < post_end && post_profile_list(x, i)) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		/* A copy of the words beside it is not read twice; its words
		 * still weigh what they weighed in the choice of the
		 * article. */
		if (preclean_copy(x, i)) {
			n->flags |= N_REMOVED;
			i = n->end - 1;
			continue;
		}
		if ((n->tag == GUMBO_TAG_H1 || n->tag == GUMBO_TAG_H2) &&
		    x->title != NULL && n->st.chars > 0) {
			buf_reset(&x->tmp);
			node_text(x, i, &x->tmp);
			if (title_similarity(x->title, x->tmp.data) > 0.75) {
				node_remove(x, i);
				i = n->end - 1;
				continue;
			}
		}
		if ((n->tag == GUMBO_TAG_DIV || n->tag == GUMBO_TAG_SECTION ||
		    n->tag == GUMBO_TAG_HEADER || tag_heading(n->tag)) &&
		    n->st.chars == 0 && n->st.img == 0 && n->st.embed == 0) {
			node_remove(x, i);	/* empty: ad slots, spacers */
			i = n->end - 1;
			continue;
		}
		/* Comment sections, navigation and asides are never the
		 * article, even when the rules are relaxed for a short one:
		 * they would win by sheer length. */
		if (i < post_end && post_signature(n)) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		/* A form that holds most of the page is the page, as some
		 * frameworks wrap all of it in one. */
		if (x->region && !(most && n->tag == GUMBO_TAG_FORM) &&
		    region_furniture(x, i)) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		/* A shop's filters beside its shelf are no part of it. */
		if (x->region && (n->cls & PAT_FACET) && !most &&
		    n->st.chars > 0 && !facet_shelf(x, i)) {
			x->facets += n->st.chars;
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		if (n->tag == GUMBO_TAG_NAV || ((n->cls & PAT_COMMENT) &&
		    !(n->cls & PAT_MAYBE) && n->tag != GUMBO_TAG_A &&
		    i >= post_end) || (!most && (preclean_role(attr(n->g,
		    "role")) || n->tag == GUMBO_TAG_ASIDE) &&
		    !product_description_box(x, i))) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		if ((x->product && product_furniture(x, i)) ||
		    product_fine_print(x, i)) {
			node_remove(x, i);
			i = n->end - 1;
			continue;
		}
		if (!(x->run & RUN_STRIP_UNLIKELY))
			continue;
		/* A modal dialog is furniture too (a cart, the terms of a
		 * loyalty scheme), but on a product's page it may hold
		 * the product's details. */
		if (((n->cls & PAT_UNLIKELY) ||
		    ((n->cls & PAT_DIALOG) && !x->product)) &&
		    !(n->cls & PAT_MAYBE) &&
		    !(n->flags & (N_INTABLE | N_INCODE)) && i >= post_end &&
		    n->tag != GUMBO_TAG_A && !most && !card_head(x, i) &&
		    !facet_shelf(x, i)) {
			node_remove(x, i);
			i = n->end - 1;
		}
	}
}

/* Append a part to the article. */
void
parts_add(struct parts *ps, int first, int last)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap == 0 ? 16 : ps->cap * 2;
		ps->v = xreallocarray(ps->v, ps->cap, sizeof *ps->v);
	}
	ps->v[ps->n].first = first;
	ps->v[ps->n].last = last;
	ps->n++;
}

/* Give a container its starting score: by tag, and by class. */
static void
score_init(struct extractor *x, int idx)
{
	struct node	*n = &x->n[idx];

	n->flags |= N_SCORED;
	switch (n->tag) {
	case GUMBO_TAG_DIV:
		n->score = 5;
		break;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_TD:
	case GUMBO_TAG_BLOCKQUOTE:
		n->score = 3;
		break;
	case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_UL:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_DD:
	case GUMBO_TAG_DT:
	case GUMBO_TAG_LI:
	case GUMBO_TAG_FORM:
		n->score = -3;
		break;
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
	case GUMBO_TAG_TH:
		n->score = -5;
		break;
	default:
		n->score = 0;
		break;
	}
	if (x->run & RUN_WEIGHT_CLASSES)
		n->score += (float)n->weight;
}

/* Score one paragraph of chars characters whose parent is parent. */
static void
score_paragraph(struct extractor *x, int parent, uint32_t chars,
    uint32_t commas)
{
	double	 s;
	int	 a, level;

	if (chars < 25)
		return;
	s = 2 + commas + (chars / 100 < 3 ? chars / 100 : 3);
	for (a = parent, level = 0; a >= 0 && level < 5;
	    a = x->n[a].parent, level++) {
		if (x->n[a].parent < 0)
			break;	/* <html> is never a candidate */
		if (!(x->n[a].flags & N_SCORED))
			score_init(x, a);
		x->n[a].score += (float)(s / (level == 0 ? 1 : level == 1 ? 2 :
		    level * 3));
	}
}

/* Does the division (still) have a child that is a block? */
static int
has_block(struct extractor *x, int idx)
{
	int	 c;

	if (!(x->n[idx].flags & N_HASBLOCK))
		return (0);
	for (c = x->n[idx].first; c >= 0; c = x->n[c].next)
		if (!(x->n[c].flags & N_REMOVED) && x->n[c].tag != TAG_TEXT &&
		    tag_div_block(x->n[c].tag))
			return (1);
	return (0);
}

/* Is node idx read as a paragraph (a <p>, or a division of text)? */
static int
is_paragraph(struct extractor *x, int idx)
{
	return (x->n[idx].tag == GUMBO_TAG_P || (x->n[idx].tag ==
	    GUMBO_TAG_DIV && !has_block(x, idx)));
}

/* Score every paragraph of the body. */
static void
score_body(struct extractor *x)
{
	struct node	*n;
	uint32_t	 chars, commas;
	int		 i, end, c;

	if (x->body < 0)
		return;
	end = x->n[x->body].end;
	for (i = x->body + 1; i < end; i++) {
		n = &x->n[i];
		if (n->flags & N_REMOVED) {
			i = n->end - 1;
			continue;
		}
		switch (n->tag) {
		case TAG_TEXT:
			break;
		case GUMBO_TAG_P:
		case GUMBO_TAG_PRE:
		case GUMBO_TAG_TD:
		case GUMBO_TAG_SECTION:
		case GUMBO_TAG_H2:
		case GUMBO_TAG_H3:
		case GUMBO_TAG_H4:
		case GUMBO_TAG_H5:
		case GUMBO_TAG_H6:
			score_paragraph(x, n->parent, n->st.chars,
			    n->st.commas);
			break;
		case GUMBO_TAG_DIV:
			if (!has_block(x, i)) {
				score_paragraph(x, n->parent, n->st.chars,
				    n->st.commas);
				break;
			}
			/* Runs of text between blocks are paragraphs too. */
			chars = commas = 0;
			for (c = n->first; c >= 0; c = x->n[c].next) {
				if (x->n[c].flags & N_REMOVED)
					continue;
				if (x->n[c].flags & N_PHRASING) {
					chars += x->n[c].st.chars;
					commas += x->n[c].st.commas;
					continue;
				}
				score_paragraph(x, i, chars, commas);
				chars = commas = 0;
			}
			score_paragraph(x, i, chars, commas);
			break;
		default:
			break;
		}
	}
}

/* Is a an ancestor of b? (Document order makes it a range check.) */
static int
is_ancestor(const struct extractor *x, int a, int b)
{
	return (a < b && b < x->n[a].end);
}

/* The number of element children left. */
static int
element_children(struct extractor *x, int idx)
{
	int	 c, k = 0;

	for (c = x->n[idx].first; c >= 0; c = x->n[c].next)
		if (!(x->n[c].flags & N_REMOVED) && x->n[c].tag != TAG_TEXT)
			k++;
	return (k);
}

/* Pick the container of the article; -1 means the whole body. */
static int
top_candidate(struct extractor *x)
{
	struct node	*n;
	int		 top[5], ntop = 0, alt[4], nalt = 0, i, k, end, p, cnt;
	float		 last, threshold;

	if (x->body < 0)
		return (-1);
	end = x->n[x->body].end;
	for (i = x->body; i < end; i++) {
		n = &x->n[i];
		if (n->flags & N_REMOVED) {
			i = n->end - 1;
			continue;
		}
		if (!(n->flags & N_SCORED))
			continue;
		n->score *= (float)(1 - link_density(n));
		for (k = 0; k < ntop; k++)
			if (n->score > x->n[top[k]].score)
				break;
		if (k >= 5)
			continue;
		if (ntop < 5)
			ntop++;
		memmove(top + k + 1, top + k, (size_t)(ntop - 1 - k) *
		    sizeof *top);
		top[k] = i;
	}
	if (ntop == 0 || top[0] == x->body)
		return (-1);

	/* Several near-best containers under one ancestor: take it. */
	for (k = 1; k < ntop; k++)
		if (x->n[top[0]].score > 0 && x->n[top[k]].score /
		    x->n[top[0]].score >= 0.75f)
			alt[nalt++] = top[k];
	if (nalt >= 3) {
		for (p = x->n[top[0]].parent; p >= 0 && p != x->body;
		    p = x->n[p].parent) {
			for (k = cnt = 0; k < nalt; k++)
				cnt += is_ancestor(x, p, alt[k]);
			if (cnt >= 3) {
				top[0] = p;
				break;
			}
		}
	}
	if (!(x->n[top[0]].flags & N_SCORED))
		score_init(x, top[0]);

	/* Climb while the parent scores at least as well. */
	last = x->n[top[0]].score;
	threshold = last / 3;
	for (p = x->n[top[0]].parent; p >= 0 && p != x->body;
	    p = x->n[p].parent) {
		if (!(x->n[p].flags & N_SCORED))
			continue;
		if (x->n[p].score < threshold)
			break;
		if (x->n[p].score > last) {
			top[0] = p;
			break;
		}
		last = x->n[p].score;
	}
	/* An only child says nothing its parent does not. */
	for (p = x->n[top[0]].parent; p >= 0 && p != x->body &&
	    element_children(x, p) == 1; p = x->n[p].parent)
		top[0] = p;
	if (!(x->n[top[0]].flags & N_SCORED))
		score_init(x, top[0]);
	return (top[0]);
}

/* Does the text contain a sentence end (". " or a final ".")? */
static int
has_sentence_end(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i < len; i++)
		if (s[i] == '.' && (i + 1 == len || s[i + 1] == ' '))
			return (1);
	return (0);
}

/* Should a paragraph-like sibling of the winner join the article? */
static int
sibling_prose(struct extractor *x, uint32_t chars, uint32_t links,
    int first, int last)
{
	double	 ld = chars == 0 ? 0 : (double)links / chars;
	int	 i, space = 0;

	if (chars > 80 && ld < 0.25)
		return (1);
	if (chars == 0 || chars >= 80 || links > 0)
		return (0);
	buf_reset(&x->tmp);
	for (i = first; i >= 0; i = x->n[i].next) {
		if (!(x->n[i].flags & N_REMOVED)) {
			if (x->n[i].tag == TAG_TEXT)
				text_fold(&x->tmp, x->n[i].g->v.text.text,
				    &space);
			else
				node_text(x, i, &x->tmp);
		}
		if (i == last)
			break;
	}
	return (has_sentence_end(x->tmp.data, x->tmp.len));
}

/* Add the run of phrasing siblings first..last if it reads as prose. */
static void
gather_run(struct extractor *x, struct parts *ps, int first, int last,
    int all)
{
	uint32_t	 chars = 0, links = 0;
	int		 i;

	if (first < 0)
		return;
	for (i = first; i >= 0; i = x->n[i].next) {
		if (!(x->n[i].flags & N_REMOVED)) {
			chars += x->n[i].st.chars;
			links += x->n[i].st.links;
		}
		if (i == last)
			break;
	}
	if (chars > 0 && (all || sibling_prose(x, chars, links, first, last)))
		parts_add(ps, first, last);
}

/* Collect the winner and the siblings that belong with it. */
static void
gather(struct extractor *x, int top, struct parts *ps)
{
	const struct node	*t, *n;
	const char		*tc, *nc;
	float			 threshold, bonus;
	int			 parent, c, run = -1, runlast = -1, all, text;

	all = top < 0;
	parent = all ? x->body : x->n[top].parent;
	if (parent < 0)
		return;
	t = all ? NULL : &x->n[top];
	threshold = all ? 0 : t->score * 0.2f;
	if (threshold < 10)
		threshold = 10;
	tc = all ? NULL : attr(t->g, "class");
	text = all || x->n[parent].tag == GUMBO_TAG_DIV;
	for (c = x->n[parent].first; c >= 0; c = x->n[c].next) {
		n = &x->n[c];
		if (n->flags & N_REMOVED)
			continue;
		if (n->flags & N_PHRASING) {
			if (!text)
				continue;
			if (run < 0)
				run = c;
			runlast = c;
			continue;
		}
		gather_run(x, ps, run, runlast, all);
		run = -1;
		if (all || c == top) {
			parts_add(ps, c, c);
			continue;
		}
		bonus = 0;
		nc = attr(n->g, "class");
		if (tc != NULL && *tc != '\0' && nc != NULL &&
		    strcmp(tc, nc) == 0)
			bonus = t->score * 0.2f;
		if ((n->flags & N_SCORED) && n->score + bonus >= threshold)
			parts_add(ps, c, c);
		else if (is_paragraph(x, c) && sibling_prose(x, n->st.chars,
		    n->st.links, c, c))
			parts_add(ps, c, c);
	}
	gather_run(x, ps, run, runlast, all);
}

/* Readability's test for tables of data (kept) against tables of layout. */
int
data_table(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	const char		*v;
	int			 i, rows = 0, cols = 0, rc, c;

	if ((v = attr(n->g, "role")) != NULL && strcmp(v, "presentation") == 0)
		return (0);
	if ((v = attr(n->g, "datatable")) != NULL && strcmp(v, "0") == 0)
		return (0);
	if (attr(n->g, "summary") != NULL)
		return (1);
	for (i = idx + 1; i < n->end; i++) {
		switch (x->n[i].tag) {
		case GUMBO_TAG_CAPTION:
			if (x->n[i].first >= 0)
				return (1);
			break;
		case GUMBO_TAG_COL:
		case GUMBO_TAG_COLGROUP:
		case GUMBO_TAG_TFOOT:
		case GUMBO_TAG_THEAD:
		case GUMBO_TAG_TH:
			return (1);
		case GUMBO_TAG_TABLE:
			return (0);	/* nested tables mean layout */
		case GUMBO_TAG_TR:
			rows++;
			rc = 0;
			for (c = x->n[i].first; c >= 0; c = x->n[c].next)
				if (x->n[c].tag == GUMBO_TAG_TD ||
				    x->n[c].tag == GUMBO_TAG_TH)
					rc += (int)attr_num(x->n[c].g,
					    "colspan", 1, 1000, 1);
			if (rc > cols)
				cols = rc;
			break;
		default:
			break;
		}
	}
	if (rows == 1 || cols == 1)
		return (0);
	if (rows >= 10 || cols > 4)
		return (1);
	return (rows * cols > 10);
}

/* Words that are the whole text of an ad slot or a loading spinner. */
static int
clean_ad_words(struct extractor *x, int idx)
{
	static const char *const words[] = {
		"ad", "ads", "advertising", "advertisement", "publicité",
		"werbung", "anuncio", "anzeige", "publicidad", "loading",
		"loading...", "loading…", "sponsored", "chargement",
		"cargando",
	};
	size_t	 i;

	if (x->n[idx].st.chars == 0 || x->n[idx].st.chars > 20)
		return (0);
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	for (i = 0; i < nitems(words); i++)
		if (x->tmp.len == strlen(words[i]) &&
		    ascii_eq_nocase(x->tmp.data, words[i], x->tmp.len))
			return (1);
	return (0);
}

/* Readability's conditional cleaning: is this table, list, division or
 * form furniture rather than text? */
static int
clean_conditionally(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	uint32_t		 p, img, li, input, embed, chars, list = 0;
	double			 ld, hd;
	int			 weight, is_list, figure = 0, i, c, kids, prose;

	if (n->flags & (N_INCODE | N_DATATABLE))
		return (0);
	for (i = n->parent; i >= 0; i = x->n[i].parent) {
		if ((x->n[i].flags & N_DATATABLE))
			return (0);
		if (x->n[i].tag == GUMBO_TAG_FIGURE)
			figure = 1;
	}
	weight = x->run & RUN_WEIGHT_CLASSES ? n->weight : 0;
	if (weight < 0)
		return (1);
	if (n->st.commas >= 10)
		return (0);
	for (i = idx + 1; i < n->end; i++) {
		if (x->n[i].flags & N_REMOVED) {
			i = x->n[i].end - 1;
			continue;
		}
		if (x->n[i].tag == GUMBO_TAG_TABLE &&
		    (x->n[i].flags & N_DATATABLE))
			return (0);
		if (x->n[i].tag == GUMBO_TAG_UL || x->n[i].tag == GUMBO_TAG_OL) {
			list += x->n[i].st.chars;
			i = x->n[i].end - 1;
		}
	}
	is_list = n->tag == GUMBO_TAG_UL || n->tag == GUMBO_TAG_OL ||
	    (n->st.chars > 0 && (double)list / n->st.chars > 0.9);
	if (clean_ad_words(x, idx))
		return (1);
	p = n->st.p;
	img = n->st.img;
	li = n->st.li;
	input = n->st.input;
	embed = n->st.embed;
	chars = n->st.chars;
	ld = link_density(n);
	hd = chars == 0 ? 0 : (double)n->st.heads / chars;
	/* A wrapper of one paragraph of prose is judged as the paragraph
	 * would be: a sentence may link a quarter of its words. */
	prose = p <= 1 && img == 0 && embed == 0 && chars >= 80 &&
	    n->st.heads == 0;
	if ((!figure && img > 1 && (double)p / img < 0.5) ||
	    (!is_list && li > p + 100) ||
	    input > p / 3 ||
	    (!is_list && !figure && hd < 0.9 && chars < 25 &&
	    (img == 0 || img > 2) && ld > 0) ||
	    (!is_list && weight < 25 && ld > (prose ? 0.35 : 0.2)) ||
	    (weight >= 25 && ld > 0.5) ||
	    (embed == 1 && chars < 75) || embed > 1) {
		if (!is_list)
			return (1);
		/* Lists of images, one to an item, may stay. */
		for (c = n->first; c >= 0; c = x->n[c].next) {
			if (x->n[c].flags & N_REMOVED || x->n[c].tag == TAG_TEXT)
				continue;
			kids = element_children(x, c);
			if (kids > 1)
				return (1);
		}
		return (img != li);
	}
	return (0);
}

/*
 * An article's paragraphs usually share a class ("story-text",
 * "paragraph"), and a wrapper of one of them may carry a word that reads
 * as furniture ("media" in "leafmedia--sourced-paragraph"). Find the class
 * word most paragraphs of the article have, and mark those paragraphs
 * (and their ancestors) so cleaning takes the wrapper's clutter but keeps
 * them.
 */
struct word_count {
	const char	*w;
	size_t		 len;
	int		 n;		/* paragraphs with the word */
	uint32_t	 chars;		/* and their characters */
};

/* Does the class attribute cl hold the word w (len bytes)? */
static int
class_has(const char *cl, const char *w, size_t len)
{
	const char	*p = cl;
	size_t		 n;

	for (;;) {
		while (ascii_isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			return (0);
		for (n = 0; p[n] != '\0' &&
		    !ascii_isspace((unsigned char)p[n]); n++)
			;
		if (n == len && memcmp(p, w, len) == 0)
			return (1);
		p += n;
	}
}

/* Is node i a paragraph of prose for the class count? */
static int
own_candidate(struct extractor *x, int i)
{
	return (x->n[i].tag != TAG_TEXT && x->n[i].st.chars >= 25 &&
	    link_density(&x->n[i]) < 0.25 && is_paragraph(x, i));
}

/* Mark the paragraphs that carry the class word most of the prose has. */
static void
mark_own_paragraphs(struct extractor *x, const struct parts *ps)
{
	struct word_count	*wc = NULL, *best = NULL;
	size_t			 nwc = 0, cwc = 0, k, j, len;
	const char		*cl, *p;
	uint32_t		 total = 0;
	int			 i, end, a;

	for (k = 0; k < ps->n; k++) {
		if (ps->v[k].first != ps->v[k].last)
			continue;
		end = x->n[ps->v[k].first].end;
		for (i = ps->v[k].first; i < end; i++) {
			if (x->n[i].flags & N_REMOVED) {
				i = x->n[i].end - 1;
				continue;
			}
			if (!own_candidate(x, i))
				continue;
			total += x->n[i].st.chars;
			if ((cl = attr(x->n[i].g, "class")) == NULL)
				continue;
			for (p = cl; *p != '\0'; p += len) {
				while (ascii_isspace((unsigned char)*p))
					p++;
				for (len = 0; p[len] != '\0' &&
				    !ascii_isspace((unsigned char)p[len]);
				    len++)
					;
				if (len == 0)
					break;
				for (j = 0; j < nwc; j++)
					if (wc[j].len == len &&
					    memcmp(wc[j].w, p, len) == 0)
						break;
				if (j == nwc) {
					if (nwc == cwc) {
						cwc = cwc == 0 ? 16 : cwc * 2;
						wc = xreallocarray(wc, cwc,
						    sizeof *wc);
					}
					wc[nwc].w = p;
					wc[nwc].len = len;
					wc[nwc].n = 0;
					wc[nwc++].chars = 0;
				}
				wc[j].n++;
				wc[j].chars += x->n[i].st.chars;
			}
		}
	}
	/* The word must be on most of the prose, not just on many blocks. */
	for (j = 0; j < nwc; j++)
		if (wc[j].n >= 3 && wc[j].chars * 2 >= total &&
		    (best == NULL || wc[j].chars > best->chars))
			best = &wc[j];
	for (k = 0; best != NULL && k < ps->n; k++) {
		if (ps->v[k].first != ps->v[k].last)
			continue;
		end = x->n[ps->v[k].first].end;
		for (i = ps->v[k].first; i < end; i++) {
			if (!own_candidate(x, i) ||
			    (cl = attr(x->n[i].g, "class")) == NULL ||
			    !class_has(cl, best->w, best->len))
				continue;
			x->n[i].flags |= N_KEEP;
			for (a = x->n[i].parent; a >= 0 &&
			    !(x->n[a].flags & N_HASKEEP); a = x->n[a].parent)
				x->n[a].flags |= N_HASKEEP;
		}
	}
	free(wc);
}

/* Remove node idx, or when it holds paragraphs of the article's own class,
 * everything in it but them. */
static void
clean_remove(struct extractor *x, int idx)
{
	int	 c;

	if (x->n[idx].flags & (N_KEEP | N_POSTPATH))
		return;
	if (!(x->n[idx].flags & N_HASKEEP)) {
		node_remove(x, idx);
		return;
	}
	for (c = x->n[idx].first; c >= 0; c = x->n[c].next)
		if (!(x->n[c].flags & (N_KEEP | N_HASKEEP)))
			node_remove(x, c);
}

/* The characters of a node's text outside links. */
static int
text_chars(const struct node *n)
{
	return (n->st.links < n->st.chars ? (int)(n->st.chars - n->st.links) :
	    0);
}

/* Does the text s open with a section's number ("11.2", "3.1.4.")? */
int
section_number(const char *s)
{
	int	 parts = 0;

	while (ascii_isspace((unsigned char)*s))
		s++;
	for (;;) {
		if (!ascii_isdigit((unsigned char)*s))
			return (0);
		while (ascii_isdigit((unsigned char)*s))
			s++;
		parts++;
		if (*s != '.' || !ascii_isdigit((unsigned char)s[1]))
			return (parts >= 2);
		s++;
	}
}

/*
 * A chapter's table of contents: a box of links most of which open with
 * a section's number. On a page that is little more than the chapter's
 * title, its contents and a word of introduction, the contents are what
 * there is to read, not a menu beside it.
 */
static int
chapter_contents(struct extractor *x, int root, int idx)
{
	const struct node	*n = &x->n[idx];
	uint32_t		 links = 0, numbered = 0;
	int			 i, t;

	if (x->n[root].st.chars > n->st.chars + 1000)
		return (0);
	for (i = idx + 1; i < n->end; i++) {
		if (x->n[i].tag != GUMBO_TAG_A)
			continue;
		links++;
		for (t = i + 1; t < x->n[i].end && x->n[t].tag != TAG_TEXT;
		    t++)
			;
		if (t < x->n[i].end && section_number(x->n[t].g->v.text.text))
			numbered++;
		i = x->n[i].end - 1;
	}
	return (numbered >= 3 && numbered * 10 >= links * 8);
}

/* Remove what does not belong in the article from one part. */
static void
clean_part(struct extractor *x, int root)
{
	struct node	*n;
	int		 i, end = x->n[root].end, *post, *own;

	/* Removal so far marks only the top of a subtree; spread it, and
	 * find the tables of data and the post each node is in. */
	post = xreallocarray(NULL, 2 * (size_t)(end - root), sizeof *post);
	own = post + (end - root);
	post[0] = -1;
	own[0] = text_chars(&x->n[root]);
	for (i = root + 1; i < end; i++) {
		n = &x->n[i];
		post[i - root] = (x->n[n->parent].flags & N_POST) ? n->parent :
		    post[n->parent - root];
		/* A post's own text: without the replies nested in it. */
		own[i - root] = text_chars(n);
		if ((n->flags & N_POST) && post[i - root] >= 0)
			own[post[i - root] - root] -= own[i - root];
		if (x->n[n->parent].flags & N_REMOVED)
			n->flags |= N_REMOVED;
		else if (n->tag == GUMBO_TAG_TABLE && data_table(x, i))
			n->flags |= N_DATATABLE;
	}
	for (i = end - 1; i >= root; i--) {
		n = &x->n[i];
		if (n->tag == TAG_TEXT || (n->flags & (N_REMOVED | N_POSTPATH)))
			continue;
		switch (n->tag) {
		case GUMBO_TAG_OBJECT:
		case GUMBO_TAG_EMBED:
		case GUMBO_TAG_IFRAME:
		case GUMBO_TAG_INPUT:
		case GUMBO_TAG_TEXTAREA:
		case GUMBO_TAG_SELECT:
		case GUMBO_TAG_BUTTON:
		case GUMBO_TAG_FOOTER:
		case GUMBO_TAG_ASIDE:
		case GUMBO_TAG_VIDEO:
		case GUMBO_TAG_AUDIO:
		case GUMBO_TAG_CANVAS:
			node_remove(x, i);
			continue;
		case GUMBO_TAG_LABEL:
			/* A control's label, the control gone. */
			if ((x->region || label_of_control(x, i)) &&
			    n->st.chars < 100) {
				node_remove(x, i);
				continue;
			}
			break;
		default:
			break;
		}
		if ((n->cls & PAT_SHARE) && n->st.chars < 500 && i != root) {
			clean_remove(x, i);
			continue;
		}
		if ((n->tag == GUMBO_TAG_H1 || n->tag == GUMBO_TAG_H2) &&
		    (x->run & RUN_WEIGHT_CLASSES) && n->weight < 0) {
			node_remove(x, i);
			continue;
		}
		/* What holds most of a post's text is its body, however
		 * short and among however many links. */
		if ((x->run & RUN_CLEAN_COND) && (n->tag == GUMBO_TAG_FORM ||
		    n->tag == GUMBO_TAG_FIELDSET || n->tag == GUMBO_TAG_TABLE ||
		    n->tag == GUMBO_TAG_UL || n->tag == GUMBO_TAG_DIV) &&
		    !(post[i - root] >= 0 &&
		    text_chars(n) * 2 >= own[post[i - root] - root]) &&
		    clean_conditionally(x, i) &&
		    !chapter_contents(x, root, i)) {
			clean_remove(x, i);
			continue;
		}
	}
	free(post);
}

/*
 * Threads: forum topics, questions with their answers, comment pages.
 * Their text is a run of posts by several people, which the article
 * model would cut down to the longest post, or drop as comments. A page
 * is read as a thread when it says so (schema.org DiscussionForumPosting,
 * Question, Answer or QAPage, in JSON-LD or microdata), or when it holds
 * a run of like siblings named as posts (by a class or id word, or typed
 * as a Comment or Answer in microdata) that is the page's text. The
 * thread is then the nearest container of all its posts; replies like
 * them nested in a post or set beside it are posts too, and a question
 * the page declares the text of, kept apart from the run, leads it.
 */
static int
thread_itemtype(const char *t, int *declares)
{
	static const struct { const char *name; int item, declares; } types[] = {
		{ "DiscussionForumPosting", 1, 1 }, { "QAPage", 0, 1 },
		{ "Question", 2, 0 }, { "Answer", 2, 0 }, { "Comment", 3, 0 },
		{ "SocialMediaPosting", 1, 0 },
	};
	const char	*slash;
	size_t		 i;

	if (t == NULL || (slash = strrchr(t, '/')) == NULL)
		return (0);
	for (i = 0; i < nitems(types); i++)
		if (strcmp(slash + 1, types[i].name) == 0) {
			*declares |= types[i].declares;
			return (types[i].item);
		}
	return (0);
}

/* Does a class or id value name a post of a thread? A word of it must
 * be one of the words, whole ("post-body" is, "post_type" is not). */
static int
thread_word(const char *v)
{
	static const char *const words[] = {	/* the first six also end one */
		"post", "posts", "message", "messages", "comment", "comments",
		"reply", "replies", "answer", "answers", "postbit",
		"postcontainer", "entry",
	};
	size_t		 i, j, k, m, n;

	if (v == NULL)
		return (0);
	for (j = 0; v[j] != '\0'; j += n > 0 ? n : 1) {
		/* A word: letters up to a capital ("elComment", "cPost"). */
		for (n = 0; ascii_isalnum((unsigned char)v[j + n]) && (n == 0 ||
		    !(v[j + n] >= 'A' && v[j + n] <= 'Z') ||
		    (v[j + n - 1] >= 'A' && v[j + n - 1] <= 'Z')); n++)
			;
		if (n == 0)
			continue;
		for (i = 0; i < nitems(words); i++) {
			m = strlen(words[i]);
			if (m > n)
				continue;
			/* "post", "post2017066"; and "blockpost". */
			if (ascii_eq_lower(v + j, words[i], m)) {
				for (k = m; k < n && v[j + k] >= '0' &&
				    v[j + k] <= '9'; k++)
					;
				if (k == n)
					return (1);
			}
			if (n > m && i < 6 &&
			    ascii_eq_lower(v + j + n - m, words[i], m))
				return (1);
		}
	}
	return (0);
}

/* The first class name of an element, for grouping like siblings. */
static size_t
thread_sig(const struct node *n, const char **s)
{
	const char	*c = attr(n->g, "class");
	size_t		 len;

	if (c == NULL)
		c = "";
	while (ascii_isspace((unsigned char)*c))
		c++;
	for (len = 0; c[len] != '\0' && !ascii_isspace((unsigned char)c[len]);
	    len++)
		;
	*s = c;
	return (len);
}

/* Mark a post and its ancestors. */
static void
thread_mark(struct extractor *x, int idx)
{
	int	 a;

	x->n[idx].flags |= N_POST;
	for (a = idx; a >= 0 && !(x->n[a].flags & N_POSTPATH);
	    a = x->n[a].parent)
		x->n[a].flags |= N_POSTPATH;
}

/* Is d a sibling like first (same tag, same first class name)? */
int
siblings_alike(struct extractor *x, int first, int d)
{
	const char	*sa, *sb;
	size_t		 la, lb;

	if (x->n[d].tag != x->n[first].tag)
		return (0);
	la = thread_sig(&x->n[first], &sa);
	lb = thread_sig(&x->n[d], &sb);
	return (la == lb && strncmp(sa, sb, la) == 0);
}

/* Is an element named as a post by its class or id, or typed as one in
 * microdata? */
static int
thread_named_self(const GumboNode *g)
{
	int	 declares = 0;

	return (thread_word(attr(g, "class")) || thread_word(attr(g, "id")) ||
	    thread_itemtype(attr(g, "itemtype"), &declares) != 0);
}

/* Is an element, or the first element with text in it, typed as a post
 * in microdata? */
static int
thread_typed(struct extractor *x, int c)
{
	int	 k, declares = 0;

	for (k = c; k >= 0 && k < x->n[c].end; k = x->n[k].first) {
		while (k >= 0 && (x->n[k].tag == TAG_TEXT ||
		    x->n[k].st.chars == 0))
			k = x->n[k].next;
		if (k < 0)
			break;
		if (thread_itemtype(attr(x->n[k].g, "itemtype"),
		    &declares) != 0)
			return (1);
		if (k != c)
			break;
	}
	return (0);
}

/* Is an element named as a post, or a wrapper whose first element with
 * text is (a box around each post)? */
static int
thread_named(struct extractor *x, int c)
{
	int	 k;

	if (thread_named_self(x->n[c].g))
		return (1);
	for (k = x->n[c].first; k >= 0 && (x->n[k].tag == TAG_TEXT ||
	    x->n[k].st.chars == 0); k = x->n[k].next)
		;
	return (k >= 0 && thread_named_self(x->n[k].g));
}

/*
 * The longest run of like siblings named as posts whose text is mostly
 * not links, two or more (a question and its one answer): its first
 * member, or -1. Whether it is the page's text is for thread_holds().
 */
static int
thread_siblings(struct extractor *x)
{
	uint32_t	 chars, links, best = 0;
	int		 i, c, d, count, named, first = -1, tries, tried;

	for (i = x->body; i < x->n[x->body].end; i++) {
		if (x->n[i].tag == TAG_TEXT || x->n[i].st.chars < 200)
			continue;
		for (c = x->n[i].first, tries = 0, tried = -1; c >= 0 &&
		    tries < 4; c = x->n[c].next) {
			if (x->n[c].tag == TAG_TEXT || x->n[c].st.chars == 0)
				continue;
			if (!thread_named(x, c) ||
			    (tried >= 0 && siblings_alike(x, tried, c)))
				continue;
			tried = c;
			tries++;
			count = named = 0;
			chars = links = 0;
			for (d = c; d >= 0; d = x->n[d].next) {
				if (!siblings_alike(x, c, d))
					continue;
				count++;
				named += thread_named(x, d);
				chars += x->n[d].st.chars;
				links += x->n[d].st.links;
			}
			if (count >= 2 && named * 2 > count &&
			    links * 2 < chars &&
			    chars - links > best) {
				best = chars - links;
				first = c;
			}
			/* The first named child speaks for the rest, or
			 * the second when the first is one of a kind (the
			 * opening post in a box of its own). */
			if (count > 1)
				break;
		}
	}
	return (first);
}

/* Mark the posts of a run of like siblings, and the replies like them
 * nested in them or set beside them (an indented box of replies after
 * each post); the thread is their parent. */
static int
thread_mark_run(struct extractor *x, int first)
{
	int	 p = x->n[first].parent, e;

	for (e = first; e < x->n[p].end; e++)
		if (x->n[e].tag != TAG_TEXT && siblings_alike(x, first, e))
			thread_mark(x, e);
	return (p);
}

/*
 * Pages that are not articles (a shop's shelf, a list of stories, a
 * service's page, a manual) have no one block of prose to find: what
 * they show readers is their main region, whole. That is <main> (or
 * role="main") when the page marks it and it holds most of the text,
 * else the body, without what precleaning takes as furniture.
 */
static int
region_root(struct extractor *x)
{
	const char	*role;
	int		 i, best = -1;

	for (i = x->body; i < x->n[x->body].end; i++) {
		if (x->n[i].flags & N_REMOVED) {
			i = x->n[i].end - 1;
			continue;
		}
		if (x->n[i].tag == TAG_TEXT)
			continue;
		role = attr(x->n[i].g, "role");
		if ((x->n[i].tag == GUMBO_TAG_MAIN || (role != NULL &&
		    strcmp(role, "main") == 0)) && x->n[i].st.chars > 0 &&
		    (best < 0 || x->n[i].st.chars > x->n[best].st.chars))
			best = i;
	}
	if (best >= 0 && x->n[best].st.chars * 2 >= x->n[x->body].st.chars)
		return (best);
	return (x->body);
}

/*
 * The prices shown in the parts: the small elements (a price and a word
 * or two) whose text holds one, each counted once. A shop's shelf shows
 * one on every card.
 */
uint32_t
parts_prices(struct extractor *x, const struct parts *ps)
{
	uint32_t	 n = 0;
	size_t		 k;
	int		 i, c, end;

	for (k = 0; k < ps->n; k++)
		for (c = ps->v[k].first; c >= 0; c = x->n[c].next) {
			end = x->n[c].end;
			for (i = c; i < end; i++) {
				if (x->n[i].flags & N_REMOVED) {
					i = x->n[i].end - 1;
					continue;
				}
				if (x->n[i].st.chars == 0 ||
				    x->n[i].st.chars > 40)
					continue;
				buf_reset(&x->tmp);
				node_text(x, i, &x->tmp);
				n += product_price(x->tmp.data, x->tmp.len);
				i = x->n[i].end - 1;
			}
			if (c == ps->v[k].last)
				break;
		}
	return (n);
}

/*
 * Find the thread of the page, if it is one: set x->thread to its
 * container, or to -1 and x->thread_run to the first post of a run of
 * like siblings, which is the thread only if the article is in it.
 */
static void
thread_find(struct extractor *x)
{
	int	 i, declares = x->ld_thread, items = 0, lca = -1, first;
	int	 kind, qa_end;

	x->thread = -1;
	x->thread_run = -1;
	for (i = x->n[x->body].parent; i >= 0; i = x->n[i].parent)
		thread_itemtype(attr(x->n[i].g, "itemtype"), &declares);
	for (i = x->body; i < x->n[x->body].end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if (!thread_itemtype(attr(x->n[i].g, "itemtype"), &declares))
			continue;
		thread_mark(x, i);
		items++;
		if (lca < 0)
			lca = i;
		else
			while (lca >= 0 && !is_ancestor(x, lca, i))
				lca = x->n[lca].parent;
	}
	if (declares && items >= 2) {
		x->thread = lca;
		/* Comments on a question or an answer are asides to it,
		 * not posts of the thread. */
		for (i = x->body, qa_end = -1; i < x->n[x->body].end; i++) {
			kind = thread_itemtype(attr(x->n[i].g, "itemtype"),
			    &declares);
			if (kind == 2 && x->n[i].end > qa_end)
				qa_end = x->n[i].end;
			else if (kind == 3 && i < qa_end) {
				x->n[i].flags &= ~(unsigned)N_POST;
				node_remove(x, i);
				i = x->n[i].end - 1;
			}
		}
		return;
	}
	for (i = x->body; i < x->n[x->body].end; i++)
		x->n[i].flags &= ~(unsigned)(N_POST | N_POSTPATH);
	if ((first = thread_siblings(x)) < 0)
		return;
	if (declares || x->thread_forced) {
		x->thread = thread_mark_run(x, first);
		while (x->thread_head >= 0 && x->thread >= 0 &&
		    x->thread != x->thread_head &&
		    !is_ancestor(x, x->thread, x->thread_head))
			x->thread = x->n[x->thread].parent;
	}
	else
		x->thread_run = first;
}

/* Does an element say it is, or holds, a post's author: a class or id
 * of "author", "user" or "member", rel="author" or an itemprop? */
static int
thread_author_mark(const GumboNode *g)
{
	static const char *const words[] = { "author", "user", "member" };
	const char	*rel = attr(g, "rel");

	return (attr(g, "itemprop") != NULL || (rel != NULL &&
	    ascii_find_nocase(rel, strlen(rel), "author") != NULL) ||
	    post_class_has(g, words, nitems(words)));
}

/*
 * Is a post of a run a card, a teaser of another page? Its heading is a
 * link to another page, or inside one. A post's heading may link too,
 * but to the post itself ("Re: title", "#p123") or to its author's
 * profile.
 */
static int
thread_card(struct extractor *x, int d)
{
	const char	*href;
	int		 i, j, a, link;

	for (i = d + 1; i < x->n[d].end; i++) {
		if (x->n[i].flags & N_REMOVED) {
			i = x->n[i].end - 1;
			continue;
		}
		if (!tag_heading(x->n[i].tag) || x->n[i].st.chars == 0)
			continue;
		for (link = -1, a = x->n[i].parent; a > d && link < 0;
		    a = x->n[a].parent)
			if (x->n[a].tag == GUMBO_TAG_A)
				link = a;
		for (j = i; j < x->n[i].end && link < 0; j++)
			if (x->n[j].tag == GUMBO_TAG_A &&
			    x->n[j].st.chars * 2 > x->n[i].st.chars)
				link = j;
		if (link < 0 || (href = attr(x->n[link].g, "href")) == NULL ||
		    strchr(href, '#') != NULL ||
		    thread_author_mark(x->n[link].g))
			continue;
		for (j = i; j < x->n[i].end; j++)
			if (x->n[j].tag != TAG_TEXT &&
			    thread_author_mark(x->n[j].g))
				break;
		if (j == x->n[i].end)
			return (1);
	}
	return (0);
}

/*
 * Is a run of posts the page's text, found beside the article top? It is
 * when the article is one of the posts, or only the short head of a
 * discussion many times its length (a link and its comments), or when
 * the posts are most of the article top. Cards, each a teaser of another
 * page under a heading that links to it, are no posts; the text of those
 * in the article top is kept in x->cards for the region decision.
 */
static int
thread_holds(struct extractor *x, int top)
{
	int		 p = x->n[x->thread_run].parent, d, a, posts = 0;
	int		 cards = 0, typed = 0;
	uint32_t	 run = 0, own, mine = 0, all = 0;

	for (d = x->thread_run; d >= 0; d = x->n[d].next) {
		if (!siblings_alike(x, x->thread_run, d) ||
		    (x->n[d].flags & N_REMOVED))
			continue;
		if (x->n[d].st.links >= x->n[d].st.chars)
			continue;
		posts++;
		cards += thread_card(x, d);
		typed += thread_typed(x, d);
		all += x->n[d].st.chars;
		if (d == top || is_ancestor(x, d, top))
			mine = x->n[d].st.chars - x->n[d].st.links;
		else
			run += x->n[d].st.chars - x->n[d].st.links;
	}
	if (cards * 2 > posts) {
		/* A listing: keep the text of its cards in the article
		 * top, which the region decision weighs. */
		if ((p == top || is_ancestor(x, top, p)) && all > x->cards)
			x->cards = all;
		return (0);
	}
	/* One post of a run: the others must say something too (an
	 * article followed by teasers of other articles is no thread). */
	if (is_ancestor(x, p, top)) {
		/* Or the opening post, in a box of its own beside them. */
		for (a = top; mine == 0 && x->n[a].parent != p;
		    a = x->n[a].parent)
			;
		if (mine == 0 && thread_named(x, a))
			mine = text_chars(&x->n[a]);
		return (mine > 0 && run * 2 >= mine);
	}
	own = x->n[top].st.chars - (x->n[top].st.links < x->n[top].st.chars ?
	    x->n[top].st.links : x->n[top].st.chars);
	/* The posts' own container or one around it, when they are most
	 * of it (precleaning did not take them for a comment section)
	 * and it is not itself an article or a post holding them as
	 * teasers. */
	for (a = p; a != top && a >= 0 && !(x->n[a].flags & N_REMOVED);
	    a = x->n[a].parent)
		;
	if (a == top)
		return (run * 3 >= own * 2 && x->n[top].tag !=
		    GUMBO_TAG_ARTICLE && !thread_word(attr(x->n[top].g,
		    "class")) && !thread_word(attr(x->n[top].g, "id")));
	/* A short head and many posts: a link and its comments, unless the
	 * head is an <article> the posts are only comments on. */
	for (a = top; a >= 0; a = x->n[a].parent)
		if (x->n[a].tag == GUMBO_TAG_ARTICLE)
			return (0);
	for (a = top; a < x->n[top].end; a++)
		if (x->n[a].tag == GUMBO_TAG_ARTICLE &&
		    !(x->n[a].flags & N_REMOVED) &&
		    x->n[a].st.chars * 2 >= x->n[top].st.chars)
			return (0);
	/* Posts typed as comments or answers in microdata say what they
	 * are: the head may be longer. */
	if (typed * 2 > posts)
		return (run >= 2 * own);
	return (own < 1000 && run >= 8 * own);
}

/*
 * Listings: a run of four or more like siblings in the article top, each
 * a card (a teaser of another page under a heading that links to it), is
 * a list of stories, results or posts whether or not they are named as
 * posts. The text of the longest run goes to x->cards for the region
 * decision. A few signatures are tried in each container, as a section's
 * heading may come before its cards.
 */
static void
listing_cards(struct extractor *x, int top)
{
	uint32_t	 chars;
	int		 i, c, d, count, tries, tried;

	for (i = top; i < x->n[top].end; i++) {
		if (x->n[i].flags & N_REMOVED) {
			i = x->n[i].end - 1;
			continue;
		}
		if (x->n[i].tag == TAG_TEXT || x->n[i].st.chars < 200)
			continue;
		for (c = x->n[i].first, tries = 0, tried = -1; c >= 0 &&
		    tries < 3; c = x->n[c].next) {
			if (x->n[c].tag == TAG_TEXT || x->n[c].st.chars == 0 ||
			    (x->n[c].flags & N_REMOVED) ||
			    (tried >= 0 && siblings_alike(x, tried, c)))
				continue;
			tried = c;
			tries++;
			for (d = c, count = 0; d >= 0 && count < 4;
			    d = x->n[d].next)
				count += siblings_alike(x, c, d);
			if (count < 4)
				continue;
			for (d = c, count = 0, chars = 0; d >= 0;
			    d = x->n[d].next)
				if (!(x->n[d].flags & N_REMOVED) &&
				    siblings_alike(x, c, d) &&
				    thread_card(x, d)) {
					count++;
					chars += x->n[d].st.chars;
				}
			if (count >= 4 && chars > x->cards)
				x->cards = chars;
		}
	}
}

/* The letters and digits of a text, lower-cased, markup left out, at
 * most max of them. */
void
thread_key(const char *s, struct buf *out, size_t max)
{
	int	 tag = 0;

	buf_reset(out);
	for (; *s != '\0' && out->len < max; s++) {
		if (*s == '<')
			tag = 1;
		else if (*s == '>')
			tag = 0;
		else if (!tag && ascii_isalnum((unsigned char)*s))
			buf_addch(out, (char)ascii_lower((unsigned char)*s));
	}
	buf_addch(out, '\0');
	out->len--;
}

/*
 * The lead of a thread found as a run of posts: a question above its
 * answers, a first post above the replies, kept apart from them. The
 * page declares its text (JSON-LD "text" of the DiscussionForumPosting
 * or Question); the lead is the best scoring container before the
 * thread that says it. Return it, or -1.
 */
static int
thread_lead(struct extractor *x)
{
	struct buf		 want = BUF_INIT, have = BUF_INIT;
	const struct node	*n;
	float			 s, best = 0;
	int			 i, c = -1;

	if (x->ld_thread_text == NULL)
		return (-1);
	thread_key(x->ld_thread_text, &want, 40);
	for (i = x->body; want.len >= 20 && i < x->thread; i++) {
		n = &x->n[i];
		if (n->flags & N_REMOVED) {
			i = n->end - 1;
			continue;
		}
		if (!(n->flags & N_SCORED) || n->end > x->thread ||
		    (s = n->score * (float)(1 - link_density(n))) <= best)
			continue;
		buf_reset(&x->tmp);
		node_text(x, i, &x->tmp);
		buf_addch(&x->tmp, '\0');
		thread_key(x->tmp.data, &have, SIZE_MAX);
		if (strstr(have.data, want.data) != NULL) {
			best = s;
			c = i;
		}
	}
	buf_release(&want);
	buf_release(&have);
	return (c);
}

/* Take the elements of a run and the article of a part (see extract.h). *//*
 * One run of the candidate search with the rules in x->run: build the
 * mirror, clean, score, pick and clean the article. Return its parts.
 */
void
grab(struct extractor *x, struct parts *ps)
{
	size_t	 k;
	int	 top, i, last, lead, a;

	x->nn = 0;
	x->body = -1;
	x->cards = 0;		/* of the article this run finds */
	x->entries = 0;
	ps->n = 0;
	ps->chars = 0;
	if (x->out->root != NULL)
		mirror_add(x, x->out->root, -1, 0);
	for (i = 0; i < (int)x->nn; i++)
		if (x->n[i].tag == GUMBO_TAG_BODY) {
			x->body = i;
			break;
		}
	if (x->body < 0)
		return;
	x->body_chars = x->n[x->body].st.chars;
	x->facets = 0;
	product_detect(x);
	if (x->title == NULL)
		meta_title(x);
	if (x->region) {
		preclean(x);
		top = region_root(x);
		parts_add(ps, top, top);
		clean_part(x, top);
		ps->chars = x->n[top].st.chars;
		return;
	}
	thread_find(x);
	preclean(x);
	score_body(x);
	top = x->thread >= 0 ? x->thread : top_candidate(x);
	if (x->thread < 0 && x->thread_run >= 0 && top >= 0 &&
	    !x->thread_forced && thread_holds(x, top)) {
		/* The article is one post of a run: read the thread. */
		x->thread_forced = 1;
		x->thread_head = x->n[x->thread_run].parent == top ||
		    is_ancestor(x, x->n[x->thread_run].parent, top) ? -1 : top;
		grab(x, ps);
		x->thread_forced = 0;
		x->thread_head = -1;
		return;
	}
	if (x->thread < 0 && top >= 0)
		listing_cards(x, top);
	if (x->thread >= 0) {
		/* What follows the last post is the forum's, not the
		 * thread's: reply buttons, pagers, the board's footer, at
		 * every level down to the post (the thread may be a post
		 * that holds the others, a question its answers). */
		for (a = top; a >= 0 && (a == top ||
		    !(x->n[a].flags & N_POST)); a = last) {
			for (i = x->n[a].first, last = -1; i >= 0;
			    i = x->n[i].next)
				if (x->n[i].flags & N_POSTPATH)
					last = i;
			for (i = last >= 0 ? x->n[last].next : -1; i >= 0;
			    i = x->n[i].next)
				node_remove(x, i);
		}
		if ((lead = thread_lead(x)) >= 0)
			parts_add(ps, lead, lead);
		parts_add(ps, top, top);
	} else
		gather(x, top, ps);
	mark_own_paragraphs(x, ps);
	for (k = 0; k < ps->n; k++) {
		if (ps->v[k].first == ps->v[k].last &&
		    x->n[ps->v[k].first].tag != TAG_TEXT)
			clean_part(x, ps->v[k].first);
		for (i = ps->v[k].first; i >= 0; i = x->n[i].next) {
			if (!(x->n[i].flags & N_REMOVED))
				ps->chars += x->n[i].st.chars;
			if (i == ps->v[k].last)
				break;
		}
	}
}
