/* filter.h: newsboat's filter language -> a tree of comparisons.
 *
 * "unread = \"yes\" and (title =~ \"rust\" or tags # \"tech\")" becomes
 * a tree the store turns into SQL (store_expr_*()). This module knows
 * the language only: no SQL, no store. It checks everything it can
 * without the data (attribute names, which operator suits which
 * attribute, literals, regular expressions), so that a mistake is found
 * where the expression is written, with its place, and an expression
 * that parsed can always be run. A filter is immutable once parsed and
 * may be read from any thread. */
#ifndef TIDINGS_FILTER_H
#define TIDINGS_FILTER_H

#include <stddef.h>
#include <stdint.h>

/* Limits that make any input cheap to reject: longer, deeper or larger
 * expressions are errors, never a deep recursion or a huge statement. */
#define FILTER_MAX_LEN		16384	/* bytes of an expression */
#define FILTER_MAX_DEPTH	32	/* parentheses inside each other */
#define FILTER_MAX_TERMS	256	/* comparisons in one expression */

enum filter_attr {
	FILTER_TITLE,
	FILTER_LINK,
	FILTER_AUTHOR,
	FILTER_CONTENT,			/* the item's text (summary, content) */
	FILTER_GUID,
	FILTER_DATE,
	FILTER_AGE,			/* whole days since date */
	FILTER_UNREAD,			/* "yes" or "no" */
	FILTER_STARRED,			/* "yes" or "no" */
	FILTER_FLAGS,			/* newsboat's flags: starred */
	FILTER_ENCLOSURE_URL,
	FILTER_ENCLOSURE_TYPE,
	FILTER_FEEDTITLE,		/* the dotfile's ~title, else the feed's */
	FILTER_FEEDURL,			/* rssurl */
	FILTER_FEEDLINK,
	FILTER_DESCRIPTION,		/* the feed's description */
	FILTER_TAGS,			/* the feed's tags, space-separated */
	FILTER_UNREAD_COUNT,		/* of the item's feed */
	FILTER_TOTAL_COUNT,
	FILTER_TEXT,			/* "~" alone: title, text or article */
	FILTER__ATTRS
};

/* What an attribute holds, which decides the operators it takes. */
enum filter_type {
	FILTER_T_TEXT,
	FILTER_T_NUMBER,
	FILTER_T_DATE,
	FILTER_T_BOOL,
	FILTER_T_FLAGS
};

enum filter_op {
	FILTER_AND,			/* l and r */
	FILTER_OR,			/* l or r */
	FILTER_EQ,			/* = and == */
	FILTER_NE,
	FILTER_MATCH,			/* =~: POSIX extended, ignoring case */
	FILTER_NOMATCH,			/* !~ */
	FILTER_HAS,			/* #: one of the space-separated words */
	FILTER_HASNT,			/* !# */
	FILTER_LT,
	FILTER_GT,
	FILTER_LE,
	FILTER_GE,
	FILTER_BETWEEN,			/* lo <= x <= hi */
	FILTER_FTS			/* ~: every word, through the index */
};

/*
 * One node. FILTER_AND and FILTER_OR have l and r; the others compare
 * attr with the literal: s (text, a regular expression, FTS words), n
 * (a number, a bool as 0 or 1) or, for dates, the span [lo, hi) of UTC
 * seconds the date written covers (a day, a minute, a second); for
 * FILTER_BETWEEN n..n2 or, for dates, lo..hi2 (the end of the second
 * date's span).
 */
struct filter_node {
	enum filter_op		 op;
	struct filter_node	*l, *r;
	enum filter_attr	 attr;
	char			*s;	/* owned; NULL when not text */
	int64_t			 n, n2;
	int64_t			 lo, hi, hi2;
	size_t			 off;	/* where the comparison starts */
};

struct filter {
	struct filter_node	*root;
	char			*text;	/* as written; owned */
};

/*
 * Parse text (len bytes, UTF-8) into *out. On error return -1, set
 * *cause to what was expected ("expected an operator after \"title\"")
 * and *off to the byte offset in text where it was expected; nothing is
 * allocated then. Never recurses deeper than FILTER_MAX_DEPTH.
 */
int	 filter_parse(const char *text, size_t len, struct filter **out,
	     size_t *off, char **cause);
void	 filter_free(struct filter *);
/* A copy of f (NULL: NULL), as it parsed, for another owner or thread;
 * free it with filter_free(). */
struct filter	*filter_dup(const struct filter *);
/* A filter that selects what any of v[0..n) selects, made of copies of
 * them (NULL when n is 0); free it with filter_free(). */
struct filter	*filter_or(const struct filter *const *v, size_t n);

/* The column (1, 2, ...) of byte offset off in text, counted in
 * characters, for messages. */
size_t	 filter_column(const char *text, size_t off);

/* The name of an attribute, for messages and documentation. */
const char	*filter_attr_name(enum filter_attr);
enum filter_type filter_attr_type(enum filter_attr);

/* Whether any comparison of f uses attr. */
int	 filter_uses(const struct filter *, enum filter_attr);

/* Whether f asks about an item's state rather than what it is: age,
 * unread, starred, flags, unread_count or total_count, which change
 * while the item does not, or the search index (~). Return 1 and set
 * *off to where the first such comparison starts, else 0. */
int	 filter_stateful(const struct filter *, size_t *off);

/*
 * Regular expressions as the filter language reads them: POSIX extended,
 * ignoring case, in a UTF-8 locale whatever the process's (so that "."
 * is one character and case folds beyond ASCII). filter_regcomp()
 * returns 0, or -1 and sets *cause; free with filter_regfree().
 * filter_regexec() returns 1 when re matches somewhere in s.
 */
struct filter_re;
int	 filter_regcomp(struct filter_re **, const char *pattern,
	     char **cause);
int	 filter_regexec(const struct filter_re *, const char *s);
void	 filter_regfree(struct filter_re *);

/*
 * The order of an item list, as one number: a key (FILTER_SORT_DATE ...)
 * with FILTER_SORT_ASC set for ascending. 0, date descending, is newest
 * first, what lists do unless told otherwise. Items with the same key
 * follow newest first, then by id, so that every order is total.
 */
struct buf;

enum filter_sort_key {
	FILTER_SORT_DATE,
	FILTER_SORT_TITLE,
	FILTER_SORT_FEED,
	FILTER_SORT_AUTHOR,
	FILTER_SORT_UNREAD,	/* descending: unread first */
	FILTER_SORT_STARRED,	/* descending: starred first */
	FILTER_SORT_LINK,
	FILTER_SORT_GUID,
	FILTER_SORT_RANDOM,	/* a shuffle, the same for the store's
				   connection while it is open */
	FILTER_SORT__COUNT
};
#define FILTER_SORT_ASC		0x10
#define FILTER_SORT_KEY(s)	((s) & 0x0f)

/* Parse "KEY[-asc|-desc]" (date-desc, title-asc, unread...); a bare key
 * takes its usual direction (date, unread and starred descending, the
 * others ascending); newsboat's "flags" stands for starred. Return 0 and
 * set *out, or -1. */
int	 filter_sort_parse(const char *text, int *out);
/* The words of sort ("title-asc"), for messages and the status line. */
void	 filter_sort_name(struct buf *, int sort);
/* The order after sort that the cycle-sort action shows. */
int	 filter_sort_next(int sort);

#endif /* TIDINGS_FILTER_H */
