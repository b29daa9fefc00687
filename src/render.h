/* render.h: content -> wrapped, width-correct terminal lines with attributes
 * and numbered links. */
#ifndef TIDINGS_RENDER_H
#define TIDINGS_RENDER_H

#include <stddef.h>
#include <stdint.h>

struct article;				/* extract.h */
struct buf;

/* Attributes of a span (and, where they hold for all of it, a line). */
#define RENDER_BOLD	0x001
#define RENDER_ITALIC	0x002
#define RENDER_CODE	0x004		/* inline code and preformatted text */
#define RENDER_LINK	0x008		/* the text of link number span.link */
#define RENDER_LINKNUM	0x010		/* a link's "[3]" marker */
#define RENDER_HEADING	0x020
#define RENDER_TITLE	0x040		/* the article's title */
#define RENDER_QUOTE	0x080		/* a quotation, its bar included */
#define RENDER_DIM	0x100	/* bylines, captions, images, links list */
#define RENDER_MARKER	0x200		/* list bullets and numbers */

struct render_span {
	size_t		 off;		/* bytes into the line's text */
	size_t		 len;
	unsigned	 attr;		/* RENDER_* */
	size_t		 link;		/* RENDER_LINK, RENDER_LINKNUM: 1.. */
};

/*
 * One terminal line. text is valid UTF-8 without control characters or
 * escape sequences (every string from a page went through the gate), with
 * the left margin and indentation as spaces; cols is its display width,
 * never more than the width asked for except for preformatted text, which
 * is kept as it is.
 */
struct render_line {
	char			*text;
	size_t			 len;
	size_t			 cols;
	unsigned		 attr;		/* what the whole line is */
	struct render_span	*spans;		/* cover text, in order */
	size_t			 nspans;
};

struct render {
	struct render_line	*lines;
	size_t			 n;
	size_t			 cap;
};
#define RENDER_INIT { NULL, 0, 0 }

struct render_opts {
	int	 width;		/* columns available */
	int	 max_width;	/* at most this many for text; 0: no limit */
	int	 centre;	/* centre the text in wider terminals */
};

/*
 * Append the lines of an article to r: its title, a line of byline, site
 * and date, the body, and the numbered list of its links. Paragraphs wrap
 * at word boundaries (and between CJK characters) by display width;
 * headings are set apart; lists have hanging indents; quotes are
 * indented behind a bar; preformatted text is kept as is; tables are
 * aligned when they fit and listed cell by cell when they do not; links
 * are numbered "[3]" after their text and images shown as
 * "[image 2: alt]". The caller frees r with render_release().
 */
void	 render_article(const struct article *, const struct render_opts *,
	     struct render *r);

/* The same for an HTML fragment (a feed item's content) without a title:
 * body and links. base resolves relative links (may be NULL). */
void	 render_html(const char *html, size_t len, const char *base,
	     const struct render_opts *, struct render *r);

/* Append the lines as plain text, each ending in '\n'. */
void	 render_text(const struct render *, struct buf *);

void	 render_release(struct render *);

/*
 * Display width of a code point: 0 for combining and other zero-width
 * marks, 2 for wide (CJK, emoji), 1 otherwise. Controls are not printable
 * and measure -1. The table is the C library's (glibc 2.36, Unicode 15),
 * so no locale is needed and the result agrees with curses.
 */
int	 render_width(uint32_t cp);

/* Display width of len bytes of UTF-8 (invalid bytes count as U+FFFD). */
size_t	 render_cols(const char *s, size_t len);

/* How many of the len bytes of UTF-8 at s fill at most cols columns:
 * never half a character, and a combining mark stays with its base. */
size_t	 render_fit(const char *s, size_t len, size_t cols);

#endif /* TIDINGS_RENDER_H */
