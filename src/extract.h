/* extract.h: reader mode: an HTML page -> its article, clutter removed. */
#ifndef TIDINGS_EXTRACT_H
#define TIDINGS_EXTRACT_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * The article body is a small tree of blocks. Text-bearing blocks hold a
 * run of spans; container blocks hold child blocks:
 *
 *	PARAGRAPH, HEADING, PRE, CAPTION, CELL	spans
 *	LIST		children are ITEMs
 *	ITEM, QUOTE	children are any blocks (an item's text is a
 *			PARAGRAPH)
 *	TABLE		children are ROWs, whose children are CELLs
 *	FIGURE		children are IMAGEs and at most one CAPTION
 *	IMAGE		src and alt, no spans
 *	RULE		nothing
 *	POST		one post of a thread (a forum topic, a question
 *			and its answers, comments): children are any
 *			blocks; author and date say who wrote it and
 *			when, as the page shows them (NULL when it does
 *			not), and published is the date read as UTC
 *			seconds (when has_published is set). A reply
 *			inside a post is not nested: it follows the
 *			post as a POST of its own, in page order, and
 *			what the post says after its replies follows
 *			them outside any post. Posts hold no posts.
 *
 * All text is valid UTF-8 without control characters other than the '\n'
 * of a line break (a span of its own in a paragraph; kept as is in PRE,
 * with tabs). Whitespace elsewhere is folded to single spaces, and a
 * block's text neither starts nor ends with a space.
 */
enum extract_kind {
	EXTRACT_PARAGRAPH,
	EXTRACT_HEADING,
	EXTRACT_LIST,
	EXTRACT_ITEM,
	EXTRACT_QUOTE,
	EXTRACT_PRE,
	EXTRACT_TABLE,
	EXTRACT_ROW,
	EXTRACT_CELL,
	EXTRACT_FIGURE,
	EXTRACT_CAPTION,
	EXTRACT_IMAGE,
	EXTRACT_RULE,
	EXTRACT_POST
};

#define EXTRACT_BOLD	0x1
#define EXTRACT_ITALIC	0x2
#define EXTRACT_CODE	0x4

/* A run of text in one style. text is NUL-terminated (len is its
 * strlen); a span of "\n" alone is a line break. */
struct extract_span {
	const char	*text;
	size_t		 len;
	unsigned	 style;		/* EXTRACT_BOLD | ... */
	size_t		 link;		/* 1.. into the links, 0: none */
};

struct extract_block {
	enum extract_kind	 kind;
	int			 level;		/* HEADING: 1-6 */
	int			 ordered;	/* LIST: numbered */
	int			 start;		/* LIST: first number */
	int			 header;	/* CELL: a header cell */
	struct extract_span	*spans;
	size_t			 nspans;
	struct extract_block	*children;
	size_t			 nchildren;
	const char		*src;		/* IMAGE: its URL */
	const char		*alt;		/* IMAGE: never NULL */
	const char		*author;	/* POST: or NULL */
	const char		*date;		/* POST: as shown, or NULL */
	int64_t			 published;	/* POST: UTC seconds */
	int			 has_published;	/* POST: published is set */
};

/* URLs are absolute when the page's URL was given. */
struct extract_link {
	const char	*url;
	const char	*text;		/* the link's text, may be "" */
};

struct extract_arena;			/* private: owns every string */

/*
 * An extracted article. Every string is UTF-8 and owned by the article;
 * the metadata strings are NULL when the page does not say. published
 * (UTC seconds) is only set when has_published is.
 */
struct article {
	const char		*url;		/* as given, or NULL */
	const char		*title;
	const char		*byline;
	const char		*site_name;
	const char		*lead_image;	/* a URL */
	int64_t			 published;
	int			 has_published;
	struct extract_block	*blocks;	/* the body, in order */
	size_t			 nblocks;
	struct extract_link	*links;		/* numbered 1..nlinks */
	size_t			 nlinks;
	struct extract_arena	*arena;
};

/*
 * Extract the article from len bytes of an HTML page. url is the page's
 * address, used to resolve relative links and images (NULL: leave them
 * as written). charset is the label from the HTTP Content-Type header or
 * NULL; without it the page's <meta> declaration is used, then UTF-8 (or
 * windows-1252 when the bytes are not valid UTF-8). Never fails: a page
 * without an article gives an article without blocks. The caller frees
 * the result with extract_free(). Thread-safe (no shared state).
 */
struct article	*extract_page(const char *data, size_t len,
		     const char *url, const char *charset);

/*
 * Turn an HTML fragment (a feed item's content, already UTF-8) into blocks
 * the same way, but keep all of it: only scripts, styles, forms and other
 * things that cannot be read are dropped. No metadata is set apart from
 * url. The caller frees the result with extract_free().
 */
struct article	*extract_fragment(const char *html, size_t len,
		     const char *url);

void		 extract_free(struct article *);

/* A feed a page announces. */
struct extract_feed_link {
	char		*url;		/* absolute when the page's URL was
					   given; owned */
	char		*title;		/* its title attribute, or NULL */
};

/*
 * Find the feeds an HTML page announces with <link rel="alternate"
 * type="application/rss+xml"> (or atom+xml, rdf+xml and the plain XML
 * types), in document order and without repeats, their href resolved
 * against <base href> and url. data and charset are as for
 * extract_page(). Return how many and set *links (free them with
 * extract_feed_links_free(); NULL when none). JSON Feed links are left
 * out: tidings reads RSS and Atom only.
 */
size_t		 extract_feed_links(const char *data, size_t len,
		     const char *url, const char *charset,
		     struct extract_feed_link **links);
void		 extract_feed_links_free(struct extract_feed_link *, size_t);

/*
 * Append the article as one JSON object: title, byline, published (RFC
 * 3339, UTC), site_name, lead_image (each null when unknown), text (as
 * extract_text()) and links (an array of {"url", "text"}, in the order of
 * their numbers).
 */
void		 extract_json(const struct article *, struct buf *);

/*
 * Append the body as clean, minimal HTML (p, h1-h6, ul/ol/li, blockquote,
 * pre, table, figure, img, a, strong, em, code, br, hr), without the title.
 * A post is an <article> opening with a <header> of its author (in
 * <strong class="author">) and its date (a <time>, with datetime when it
 * was read); extract_fragment() reads two or more of them back as posts.
 */
void		 extract_html(const struct article *, struct buf *);

/*
 * Append the body as plain text: one block a paragraph, paragraphs
 * separated by a blank line, list items and table rows one a line, no
 * title, byline, image alt texts or figure captions (the prose only). A
 * post is its author and its date, a line each (those it has), then a
 * blank line and its blocks, as people copy threads.
 */
void		 extract_text(const struct article *, struct buf *);

/*
 * Append the body as Markdown (CommonMark, tables as GitHub writes them),
 * without the title: links kept as [text](url) where they are, images as
 * ![alt](src), emphasis, code, lists, quotes and posts as Markdown writes
 * them, and text escaped so that none of it reads as Markdown. Ends in
 * one newline (nothing for an empty body).
 */
void		 extract_markdown(const struct article *, struct buf *);
/* Append text escaped for Markdown, newlines and tabs as spaces. */
void		 extract_md_text(struct buf *, const char *);
/* Append url for a Markdown link: blanks, controls, <, >, ( and )
 * percent-encoded. */
void		 extract_md_url(struct buf *, const char *);

/*
 * Parts of the scoring model, exposed for tests. extract_class_weight()
 * is the weight an element's class and id add to its score (-50..50).
 */
int		 extract_class_weight(const char *class_name,
		     const char *id);

#endif /* TIDINGS_EXTRACT_H */
