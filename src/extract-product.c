/*
 * extract-product.c: the product profile of reader mode.
 *
 * A shop's page about one product says so: a JSON-LD Product on offer,
 * an og:type of "product", a schema.org/Product item in its markup, a
 * main heading marked as the product's title, or else one or two
 * buttons that put the product in the cart. What readers
 * come for there is the product's name, its description and its details;
 * much of the rest of the page sells: customer reviews and their
 * histograms, and shelves of other products ("you may also like",
 * "customers also bought"). On such a page, precleaning takes those away
 * too: the reviews by their markup or their names, the shelves by their
 * names (in their markup, or in the heading that opens them) or by their
 * shape (like siblings that each carry a price), sign-ups for news of
 * the product by their e-mail field, and the main region is read whole
 * sooner, since a product's details sit in lists and tables beside its
 * description.
 *
 * A page that lists many products (a shop's shelf) is no product page:
 * the profile is for one product, declared once or twice; nor is an
 * article about a product (a review), which declares itself an article
 * in JSON-LD (og:type "article" is what some shops say of every page).
 *
 * On any page that does not declare itself an article (a maker's, a
 * shop's, an insurer's), its fine print (disclaimers) goes too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "util.h"

/* Does the schema.org type t (a URL or a bare name, or several
 * separated by spaces) end in name? */
int
product_type_is(const char *t, const char *name)
{
	const char	*slash;
	size_t		 i, n;

	if (t == NULL)
		return (0);
	n = strlen(name);
	/* itemtype may hold several types, separated by spaces. */
	for (i = 0; t[i] != '\0'; ) {
		while (t[i] == ' ')
			i++;
		slash = t + i;
		while (t[i] != '\0' && t[i] != ' ') {
			if (t[i] == '/')
				slash = t + i + 1;
			i++;
		}
		if ((size_t)(t + i - slash) == n && memcmp(slash, name, n) == 0)
			return (1);
	}
	return (0);
}

/*
 * Is node idx a button that puts the product in the cart (a link or a
 * form's input)? Shelves of products have one on every card, a product's
 * page one or two.
 */
static int
product_cart_button(struct extractor *x, int idx)
{
	static const char *const phrases[] = {
		"add to cart", "add to bag", "add to basket", "add to trolley",
		"buy now", "buy it now", "in den warenkorb", "ajouter au panier",
		"a\xc3\xb1" "adir al carrito", "aggiungi al carrello",
		"in winkelwagen", "adicionar ao carrinho", "do koszyka",
		"l\xc3\xa4gg i varukorgen", "l\xc3\xa6g i kurv",
		"legg i handlekurv", "lis\xc3\xa4\xc3\xa4 ostoskoriin",
	};
	const struct node	*n = &x->n[idx];
	const char		*v = NULL;
	size_t			 i, len, k;

	buf_reset(&x->tmp);
	if (n->tag == GUMBO_TAG_INPUT)
		v = attr(n->g, "value");
	else if (n->tag == GUMBO_TAG_A && n->st.chars > 0 &&
	    n->st.chars < 40) {
		node_text(x, idx, &x->tmp);
		v = x->tmp.data;
	}
	if (v == NULL)
		return (0);
	while (ascii_isspace((unsigned char)*v))
		v++;
	len = strlen(v);
	while (len > 0 && ascii_isspace((unsigned char)v[len - 1]))
		len--;
	for (i = 0; i < nitems(phrases); i++) {
		k = strlen(phrases[i]);
		if (len == k && ascii_find_nocase(v, len, phrases[i]) == v)
			return (1);
	}
	return (0);
}

/*
 * Does a class or id value name a product's title ("product-title",
 * "product__name", "productTitle")? Shops of every make mark the heading
 * of the product they sell so, for their scripts and styles.
 */
static int
product_title_mark(const char *v)
{
	const char	*p;
	size_t		 i, len;

	if (v == NULL)
		return (0);
	len = strlen(v);
	while ((p = ascii_find_nocase(v, len, "product")) != NULL) {
		len -= (size_t)(p - v) + 7;
		v = p + 7;
		for (i = 0; i < 2 && i < len && (v[i] == '-' || v[i] == '_' ||
		    v[i] == ' '); i++)
			;
		if ((len - i >= 5 && strncasecmp(v + i, "title", 5) == 0) ||
		    (len - i >= 4 && strncasecmp(v + i, "name", 4) == 0))
			return (1);
	}
	return (0);
}

/* Is node idx the heading of a product's page, marked as its title? */
static int
product_title(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];

	if (n->tag != GUMBO_TAG_H1 && (n->parent < 0 ||
	    x->n[n->parent].tag != GUMBO_TAG_H1))
		return (0);
	return (product_title_mark(attr(n->g, "class")) ||
	    product_title_mark(attr(n->g, "id")));
}

/*
 * Decide whether the page is about one product: JSON-LD and og:type were
 * read with the metadata; the microdata items are counted here.
 */
void
product_detect(struct extractor *x)
{
	int	 i, items = 0, buttons = 0, titles = 0;

	x->product_cart = -1;
	x->product = 0;
	if (x->ld_article & ARTICLE_LD)
		return;		/* a review of a product is an article */
	for (i = x->body; i >= 0 && i < x->n[x->body].end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if (product_type_is(attr(x->n[i].g, "itemtype"), "Product"))
			items++;
		if (product_cart_button(x, i) && buttons++ == 0)
			x->product_cart = i;
		/* A heading counts once, however many of its parts are
		 * marked (the brand, the model). */
		if (product_title(x, i)) {
			titles++;
			i = x->n[i].tag == GUMBO_TAG_H1 ? x->n[i].end - 1 :
			    x->n[x->n[i].parent].end - 1;
		}
	}
	x->product = ((x->ld_product >= 1 &&
	    x->ld_product <= 3) || x->og_product || (items >= 1 &&
	    items <= 2) || (buttons >= 1 && buttons <= 2) ||
	    (titles >= 1 && titles <= 2));
	/* Some shops call every page an article in og:type; the product
	 * and its cart say otherwise. */
	if (x->product)
		x->ld_article = 0;
}

/* Does a class or id value hold one of the words (as part of a word)? */
static int
product_word(const char *v, const char *const *words, size_t nwords)
{
	const char	*p;
	size_t		 i, len;

	if (v == NULL)
		return (0);
	len = strlen(v);
	for (i = 0; i < nwords; i++)
		if ((p = ascii_find_nocase(v, len, words[i])) != NULL &&
		    /* "preview" is no review */
		    !(p > v && ascii_lower((unsigned char)p[-1]) == 'p'))
			return (1);
	return (0);
}

/*
 * The length of the space between an amount and its currency: a space
 * (or a colon, before the amount), a no-break space or a narrow one. It
 * is at the start of s (of len bytes) when after is set, else at its end.
 */
static size_t
product_gap(const char *s, size_t len, int after)
{
	static const char *const gaps[] = { "\xc2\xa0", "\xe2\x80\xaf" };
	size_t	 i, n;

	if (len > 0 && (after ? s[0] == ' ' : (s[len - 1] == ' ' ||
	    s[len - 1] == ':')))
		return (1);
	for (i = 0; i < nitems(gaps); i++) {
		n = strlen(gaps[i]);
		if (len >= n && memcmp(after ? s : s + len - n, gaps[i],
		    n) == 0)
			return (n);
	}
	return (0);
}

/*
 * Does s hold a price: an amount beside a currency sign or code ("$20",
 * "20,00 €", "EUR 163.12", "99 zł", "1 299,00 лв")?
 */
int
product_price(const char *s, size_t len)
{
	static const char *const signs[] = {
		"$", "\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5", "\xe2\x82\xb9",
		"\xe2\x82\xbd", "\xe2\x82\xa9", "\xe2\x82\xba", "\xe2\x82\xb4",
		"z\xc5\x82", "K\xc4\x8d", "USD", "EUR", "GBP", "AUD", "CAD",
		"CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "INR", "NZD", "AED",
		"kr", "Rs", "R$", "\xd0\xbb\xd0\xb2", "\xd1\x80\xd1\x83\xd0\xb1",
		"\xd0\xb3\xd1\x80\xd0\xbd", "lei", "\xe2\x82\xaa", "\xe2\x82\xab",
		"\xe2\x82\xb1", "\xe0\xb8\xbf", "CZK", "HUF", "BGN", "RON",
		"BRL", "MXN", "ZAR", "SGD", "HKD", "CNY", "KRW", "TRY", "RUB",
		"UAH", "ILS",
	};
	size_t	 i, j, k, n, at;

	for (i = 0; i < len; i = j) {
		if (!ascii_isdigit((unsigned char)s[i])) {
			j = i + 1;
			continue;
		}
		/* An amount: digits, with the marks between them. */
		for (j = i; j < len && (ascii_isdigit((unsigned char)s[j]) ||
		    ((s[j] == '.' || s[j] == ',') && j + 1 < len &&
		    ascii_isdigit((unsigned char)s[j + 1]))); j++)
			;
		for (k = 0; k < nitems(signs); k++) {
			n = strlen(signs[k]);
			/* The sign before it ("$ 5", "EUR: 5") ... */
			at = i - product_gap(s, i, 0);
			if (at >= n && memcmp(s + at - n, signs[k], n) == 0 &&
			    (!ascii_isalpha((unsigned char)signs[k][0]) ||
			    at == n || !ascii_isalpha((unsigned char)
			    s[at - n - 1])))
				return (1);
			/* ... or after it ("5 zł", "5EUR"), a word of its
			 * own when it is written in letters. */
			at = j + product_gap(s + j, len - j, 1);
			if (len - at >= n && memcmp(s + at, signs[k], n) == 0 &&
			    (!ascii_isalpha((unsigned char)signs[k][n - 1]) ||
			    at + n == len || !ascii_isalpha((unsigned char)
			    s[at + n])))
				return (1);
		}
	}
	return (0);
}

/*
 * A shelf of other products: three or more children that each are a
 * small card with a price, and next to nothing beside them. A shelf that
 * is a third of the page or more is what the page shows: a shop's
 * shelf that calls itself a product.
 */
static int
product_shelf(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	uint32_t		 cards = 0, alike = 0, inside = 0;
	int			 c, tag = -2;

	/* The page's own cart button on a card: what it sells is there. */
	if (n->st.chars * 3 >= x->n[x->body].st.chars ||
	    (x->product_cart > idx && x->product_cart < n->end))
		return (0);
	/* Small children must be most of it before their text is read. */
	for (c = n->first; c >= 0; c = x->n[c].next)
		if (x->n[c].tag != TAG_TEXT && !(x->n[c].flags & N_REMOVED) &&
		    x->n[c].st.chars > 0 && x->n[c].st.chars <= 1000) {
			alike++;
			inside += x->n[c].st.chars;
		}
	if (alike < 3 || (n->st.chars - inside) * 4 > n->st.chars)
		return (0);
	alike = inside = 0;
	for (c = n->first; c >= 0; c = x->n[c].next) {
		if (x->n[c].tag == TAG_TEXT || (x->n[c].flags & N_REMOVED) ||
		    x->n[c].st.chars == 0 || x->n[c].st.chars > 900)
			continue;
		buf_reset(&x->tmp);
		node_text(x, c, &x->tmp);
		if (!product_price(x->tmp.data, x->tmp.len))
			continue;
		if (tag == -2)
			tag = x->n[c].tag;
		if (x->n[c].tag == tag)
			cards++;
	}
	if (cards < 3)
		return (0);
	/* Cards whose price did not show, or with more to say, are their
	 * siblings of the same tag, when they are few. */
	for (c = n->first; c >= 0; c = x->n[c].next)
		if (x->n[c].tag == tag && !(x->n[c].flags & N_REMOVED) &&
		    x->n[c].st.chars > 0 && x->n[c].st.chars <= 1000) {
			alike++;
			inside += x->n[c].st.chars;
		}
	return (alike <= cards * 2 && (n->st.chars - inside) * 4 <=
	    n->st.chars);
}

/* Does s, of len bytes and at most max, hold one of the names? */
static int
product_names(const char *s, size_t len, size_t max,
    const char *const *names, size_t n)
{
	size_t	 i;

	if (len > max)
		return (0);
	for (i = 0; i < n; i++)
		if (ascii_find_nocase(s, len, names[i]) != NULL)
			return (1);
	return (0);
}

/*
 * Does a heading's text name a shelf of other products ("you may also
 * like", "customers also bought", "similar items"), in one of several
 * languages?
 */
int
product_shelf_name(const char *s, size_t len)
{
	static const char *const names[] = {
		"you may also like", "you might also like", "you may also be",
		"you might be interested", "also bought", "also viewed",
		"also purchased", "bought together", "who viewed this",
		"who bought this", "related products", "related items",
		"similar items", "similar products", "explore related",
		"recently viewed", "complete the look", "shop the look",
		"get the look", "more from this seller", "other items",
		"sponsored products", "related to this item",
		"recommended for you", "recommended products",
		"more to consider", "pairs well with", "goes well with",
		"consider these", "featured products",
		"auch gefallen", "kauften auch", "zuletzt angesehen",
		"zusammen gekauft", "hnliche artikel", "hnliche produkte",
		"passende artikel", "aimerez aussi", "aimerez peut-",
		"pourriez aussi aimer", "produits similaires",
		"produits associ", "articles similaires", "consult\xc3\xa9s",
		"achet\xc3\xa9s ensemble", "te puede interesar",
		"productos relacionados", "productos similares",
		"art\xc3\xad" "culos similares", "vistos recientemente",
		"comprados juntos", "potrebbe interessarti",
		"prodotti correlati", "prodotti simili", "articoli simili",
		"visti di recente", "ook interessant",
		"vergelijkbare producten", "gerelateerde producten",
		"recent bekeken", "tamb\xc3\xa9m pode gostar",
		"produtos relacionados", "produtos semelhantes",
		"podobne produkty", "produkty powi\xc4\x85zane",
		"liknande produkter", "kanske ocks\xc3\xa5 gillar",
	};

	return (product_names(s, len, 80, names, nitems(names)));
}

/*
 * Does a heading's text name the reviews of the product ("customer
 * reviews", "what our customers say"), in one of several languages?
 */
static int
product_reviews_name(const char *s, size_t len)
{
	static const char *const names[] = {
		"reviews", "testimonials", "what our customers",
		"what customers say", "bewertungen", "avis client",
		"avis des clients", "opiniones", "rese\xc3\xb1" "as",
		"recensioni", "beoordelingen", "recenzje", "opinie klient",
		"omd\xc3\xb6" "men", "anmeldelser", "arvostelut",
		"avalia\xc3\xa7\xc3\xb5" "es",
	};

	return (product_names(s, len, 60, names, nitems(names)));
}

/*
 * Is node idx a section that a shelf's name heads: its first heading
 * (or the short line it opens with) names a shelf (by named: of other
 * products, of the product's reviews), and no heading of
 * that rank or higher in it names anything else? The page's own name
 * and cart button are never in it. Such a shelf may be most of a page
 * that has little to say about its product.
 */
static int
product_named_shelf(struct extractor *x, int idx, int (*named)(const char *,
    size_t))
{
	const struct node	*n = &x->n[idx];
	uint32_t		 before = 0;
	int			 a, c, h = -1, d, p, rank;

	if (n->tag == TAG_TEXT || tag_heading(n->tag) ||
	    (x->product_cart > idx && x->product_cart < n->end))
		return (0);
	/* The first heading, at the start of the section: what comes
	 * before it is short (a picture, a count). Or else the element
	 * of its first text, when that is short, is one. */
	for (c = idx + 1; c < n->end && before <= 100; c++) {
		if (x->n[c].flags & N_REMOVED) {
			c = x->n[c].end - 1;
			continue;
		}
		if (x->n[c].tag == TAG_TEXT) {
			if (before == 0 && x->n[c].st.chars > 0 &&
			    (p = x->n[c].parent) != idx &&
			    x->n[p].st.chars <= 80) {
				buf_reset(&x->tmp);
				node_text(x, p, &x->tmp);
				if (named(x->tmp.data, x->tmp.len)) {
					h = p;
					break;
				}
			}
			before += x->n[c].st.chars;
		} else if (tag_heading(x->n[c].tag)) {
			h = c;
			break;
		}
	}
	if (h < 0 || x->n[h].tag == GUMBO_TAG_H1)
		return (0);
	rank = tag_heading(x->n[h].tag) ? x->n[h].tag : GUMBO_TAG_H2;
	/* The shelf: the heading's first ancestor with cards (two items
	 * of a list or two pictures); the section is that, or holds little
	 * more, so what follows the shelf stays. */
	for (a = x->n[h].parent; a != idx && x->n[a].st.li < 2 &&
	    x->n[a].st.img < 2; a = x->n[a].parent)
		;
	if ((x->n[a].st.li < 2 && x->n[a].st.img < 2) ||
	    n->st.chars > x->n[a].st.chars + 50)
		return (0);
	buf_reset(&x->tmp);
	node_text(x, h, &x->tmp);
	if (!named(x->tmp.data, x->tmp.len))
		return (0);
	for (c = x->n[h].end; c < n->end; c++) {
		d = x->n[c].tag;
		if (d == TAG_TEXT)
			continue;
		/* What precleaning will take away (hidden dialogs) says
		 * nothing. */
		if ((x->n[c].flags & N_REMOVED) || mirror_hidden(x->n[c].g) ||
		    (x->n[c].cls & PAT_HIDDEN) ||
		    attr(x->n[c].g, "aria-modal") != NULL) {
			c = x->n[c].end - 1;
			continue;
		}
		if (!tag_heading(d))
			continue;
		if (d == GUMBO_TAG_H1)
			return (0);
		if (d > rank)
			continue;
		buf_reset(&x->tmp);
		node_text(x, c, &x->tmp);
		if (!named(x->tmp.data, x->tmp.len))
			return (0);
	}
	return (1);
}

/* Does node idx hold a field for an e-mail address (a sign-up)? */
static int
product_signup(struct extractor *x, int idx)
{
	const char	*t;
	int		 c;

	for (c = idx; c < x->n[idx].end; c++)
		if (x->n[c].tag == GUMBO_TAG_INPUT &&
		    (t = attr(x->n[c].g, "type")) != NULL &&
		    strcasecmp(t, "email") == 0)
			return (1);
	return (0);
}

/*
 * Is s (of len bytes) a name for programs: its first word joins words
 * with an underscore ("short_description:", "cat_thumb_Navy")? A shop's
 * template that lists its product's fields by such names shows what it
 * keeps for its scripts (the links of thumbnails, prices by tier), not
 * what a reader is told.
 */
static int
product_field_key(const char *s, size_t len)
{
	size_t	 i;

	while (len > 0 && ascii_isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	if (len == 0 || len > 60)
		return (0);
	for (i = 1; i + 1 < len && !ascii_isspace((unsigned char)s[i]); i++)
		if (s[i] == '_' && ascii_isalnum((unsigned char)s[i - 1]) &&
		    ascii_isalnum((unsigned char)s[i + 1]))
			return (1);
	return (0);
}

/*
 * Is node idx the name of a field named for programs, in a list of
 * names and values (a <dt>) or the head of a table's row? The row goes
 * whole; the name's values (the <dd> up to the next name) go with it.
 */
static int
product_field(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	int			 c, h;

	if (n->tag == GUMBO_TAG_TR) {
		for (h = n->first; h >= 0 && x->n[h].tag == TAG_TEXT;
		    h = x->n[h].next)
			;
		if (h < 0 || x->n[h].st.chars > 60)
			return (0);
		buf_reset(&x->tmp);
		node_text(x, h, &x->tmp);
		return (product_field_key(x->tmp.data, x->tmp.len));
	}
	if (n->tag != GUMBO_TAG_DT || n->st.chars > 60)
		return (0);
	buf_reset(&x->tmp);
	node_text(x, idx, &x->tmp);
	if (!product_field_key(x->tmp.data, x->tmp.len))
		return (0);
	for (c = n->next; c >= 0 && x->n[c].tag != GUMBO_TAG_DT;
	    c = x->n[c].next)
		if (x->n[c].tag == GUMBO_TAG_DD)
			node_remove(x, c);
	return (1);
}

/*
 * Is node idx of a product page the selling part of it: reviews, ratings
 * or a shelf of other products?
 */
int
product_furniture(struct extractor *x, int idx)
{
	static const char *const words[] = {
		"review", "recommend", "upsell", "up-sell",
		"cross-sell", "crosssell", "similar", "recently",
	};
	static const char *const names[] = { "class", "id" };
	const struct node	*n = &x->n[idx];
	const char		*v;
	size_t			 i;

	/* A shelf that says what it is goes, whatever its size. */
	if (product_named_shelf(x, idx, product_shelf_name) ||
	    product_named_shelf(x, idx, product_reviews_name))
		return (1);
	if (n->st.chars * 2 >= x->n[x->body].st.chars)
		return (0);
	if ((v = attr(n->g, "itemprop")) != NULL &&
	    (extract_has_token(v, "review") || extract_has_token(v,
	    "reviews") || extract_has_token(v, "aggregateRating")))
		return (1);
	v = attr(n->g, "itemtype");
	if (product_type_is(v, "Review") ||
	    product_type_is(v, "AggregateRating"))
		return (1);
	for (i = 0; i < nitems(names); i++)
		if (product_word(attr(n->g, names[i]), words, nitems(words)))
			return (1);
	if (n->st.input > 0 && n->st.chars < 600 && product_signup(x, idx))
		return (1);
	if (product_field(x, idx))
		return (1);
	return (product_shelf(x, idx));
}

/*
 * Is node idx the fine print of a page that sells (a maker's page about
 * its product, a shop's): a disclaimer, by its class or id? An article's
 * disclaimer (of its opinions, of its affiliate links) is its own.
 */
int
product_fine_print(struct extractor *x, int idx)
{
	static const char *const words[] = { "disclaimer" };
	static const char *const names[] = { "class", "id" };
	const struct node	*n = &x->n[idx];
	size_t			 i;

	if (x->ld_article || n->st.chars * 2 >= x->n[x->body].st.chars)
		return (0);
	for (i = 0; i < nitems(names); i++)
		if (product_word(attr(n->g, names[i]), words, nitems(words)))
			return (1);
	return (0);
}

/*
 * How much text must the main region of a product's page hold (read
 * whole) to be chosen over the article found, of chars characters and
 * links characters in links? What the region adds in links (the shop's
 * menus, its shelves of other products, the ways to compare and to
 * browse) is no reason to read it whole: those characters count
 * against it. A short article found (under 500 characters) says little
 * either way, and is left to the usual weighing.
 */
size_t
product_region_need(struct extractor *x, const struct parts *rp,
    size_t need, size_t chars, size_t links)
{
	uint32_t	 rl;

	if (chars < 500 || rp->n != 1)
		return (need);
	rl = x->n[rp->v[0].first].st.links;
	return (rl > links ? need + (rl - links) : need);
}

/*
 * Is node idx, on a product's page, the box that holds the description
 * the page declares for its product (JSON-LD)? Shops put it in a drawer
 * or a dialog that a button opens, marked up as such (an <aside>, a
 * dialog's role); it is what the page is about all the same.
 */
int
product_description_box(struct extractor *x, int idx)
{
	struct buf	 want = BUF_INIT, have = BUF_INIT;
	int		 found = 0;

	if (!x->product || x->ld_product_text == NULL ||
	    x->n[idx].st.chars < 40)
		return (0);
	thread_key(x->ld_product_text, &want, 40);
	if (want.len >= 20) {
		buf_reset(&x->tmp);
		node_text(x, idx, &x->tmp);
		buf_addch(&x->tmp, '\0');
		thread_key(x->tmp.data, &have, SIZE_MAX);
		found = strstr(have.data, want.data) != NULL;
	}
	buf_release(&want);
	buf_release(&have);
	return (found);
}
