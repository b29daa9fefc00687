/* store-filter.c: a parsed filter (filter.h) -> an SQL condition.
 *
 * Each comparison becomes a condition on the row "i" of items; the
 * values of the expression go in as named parameters (:f1, :f2, ...),
 * so no text the user wrote is ever part of a statement, and a filter
 * made of SQL is a string that matches nothing.
 *
 * Item attributes read the item's own columns, with NULL as "" (which is
 * what newsboat gives an absent field). Feed attributes (feedtitle,
 * feedurl, tags, unread_count...) become "i.feed_id IN (SELECT the
 * feeds that match)": the subquery runs once per statement over a few
 * hundred feeds, instead of once per item, and the list of items is then
 * walked through its usual (feed_id, date) or (date) index. A statement
 * on the items of one feed (the killfile's marks on what a refresh
 * brought) looks up that feed alone, not every feed once per document
 * of a refresh. The dotfile's
 * titles and tags, which the file does not hold, are in temp.feedconf,
 * which store_set_feeds() fills for the connection.
 *
 * Dates compare as spans (filter.c turns "2024-05-01" into the seconds
 * of that day), and age as a span of dates that ends now: "age < 7" is
 * "date > now - 7 days", which the date index answers, with now bound
 * each time the statement runs. Regular expressions go through
 * filter_regexp(), registered on every connection, which compiles its
 * pattern once per statement (SQLite's auxiliary data) and keeps it
 * while the statement runs over every row. ~ asks the search index,
 * word by word as store_search() does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "filter.h"
#include "store.h"
#include "store-int.h"
#include "util.h"

/* Add a parameter and append its name to sql. */
static void
store_param(struct buf *sql, struct store_params *ps, int kind, int64_t n,
    const char *s)
{
	struct store_param	*p;

	ps->v = xreallocarray(ps->v, ps->n + 1, sizeof *ps->v);
	p = &ps->v[ps->n++];
	p->kind = kind;
	p->n = n;
	p->s = s != NULL ? xstrdup(s) : NULL;
	buf_addf(sql, ":f%zu", ps->n);
}

/* The SQL of an attribute's value, for item attributes (on i) and feed
 * attributes (on f and c of feeds and temp.feedconf). */
static const char *
store_attr_sql(enum filter_attr attr)
{
	switch (attr) {
	case FILTER_TITLE:
		return ("i.title");
	case FILTER_LINK:
		return ("coalesce(i.link, '')");
	case FILTER_AUTHOR:
		return ("coalesce(i.author, '')");
	case FILTER_CONTENT:
		return ("coalesce(i.content, i.summary, '')");
	case FILTER_GUID:
		return ("coalesce(i.guid, '')");
	case FILTER_DATE:
		return ("datetime(i.date, 'unixepoch', 'localtime')");
	case FILTER_ENCLOSURE_URL:
		return ("coalesce(json_extract(i.enclosures, '$[0].url'), '')");
	case FILTER_ENCLOSURE_TYPE:
		return ("coalesce(json_extract(i.enclosures, '$[0].type'),"
		    " '')");
	case FILTER_FEEDTITLE:
		return ("coalesce(c.title, nullif(f.title, ''), f.url)");
	case FILTER_FEEDURL:
		return ("f.url");
	case FILTER_FEEDLINK:
		return ("coalesce(f.link, '')");
	case FILTER_DESCRIPTION:
		return ("coalesce(f.description, '')");
	case FILTER_TAGS:
		return ("coalesce(c.tags, '')");
	case FILTER_UNREAD_COUNT:
		return ("f.nunread");
	case FILTER_TOTAL_COUNT:
		return ("f.nitems");
	case FILTER_AGE:
	case FILTER_UNREAD:
	case FILTER_STARRED:
	case FILTER_FLAGS:
	case FILTER_TEXT:
	case FILTER__ATTRS:
		break;
	}
	return (NULL);
}

/* Whether attr belongs to the feed rather than the item. */
static int
store_feed_attr(enum filter_attr attr)
{
	switch (attr) {
	case FILTER_FEEDTITLE:
	case FILTER_FEEDURL:
	case FILTER_FEEDLINK:
	case FILTER_DESCRIPTION:
	case FILTER_TAGS:
	case FILTER_UNREAD_COUNT:
	case FILTER_TOTAL_COUNT:
		return (1);
	default:
		return (0);
	}
}

/* A comparison of a text or number value x. */
static void
store_cmp_value(struct buf *sql, struct store_params *ps,
    const struct filter_node *n, const char *x)
{
	int	 num = filter_attr_type(n->attr) == FILTER_T_NUMBER;

	switch (n->op) {
	case FILTER_EQ:
	case FILTER_NE:
	case FILTER_LT:
	case FILTER_GT:
	case FILTER_LE:
	case FILTER_GE:
		buf_addf(sql, "%s %s ", x, n->op == FILTER_EQ ? "=" :
		    n->op == FILTER_NE ? "!=" : n->op == FILTER_LT ? "<" :
		    n->op == FILTER_GT ? ">" : n->op == FILTER_LE ? "<=" :
		    ">=");
		if (num)
			store_param(sql, ps, STORE_P_INT, n->n, NULL);
		else
			store_param(sql, ps, STORE_P_TEXT, 0, n->s);
		break;
	case FILTER_BETWEEN:
		buf_addf(sql, "%s BETWEEN ", x);
		store_param(sql, ps, STORE_P_INT, n->n, NULL);
		buf_addstr(sql, " AND ");
		store_param(sql, ps, STORE_P_INT, n->n2, NULL);
		break;
	case FILTER_MATCH:
	case FILTER_NOMATCH:
		buf_addf(sql, "%sfilter_regexp(", n->op == FILTER_NOMATCH ?
		    "NOT " : "");
		store_param(sql, ps, STORE_P_TEXT, 0, n->s);
		buf_addf(sql, ", %s)", x);
		break;
	case FILTER_HAS:
	case FILTER_HASNT:
		/* newsboat's words are split at spaces only; a word with a
		 * space in it, or none, is never one of them. */
		if (n->s[0] == '\0' || strchr(n->s, ' ') != NULL) {
			buf_addstr(sql, n->op == FILTER_HAS ? "0" : "1");
			break;
		}
		buf_addf(sql, "instr(' ' || %s || ' ', ' ' || ", x);
		store_param(sql, ps, STORE_P_TEXT, 0, n->s);
		buf_addf(sql, " || ' ') %s 0", n->op == FILTER_HAS ? ">" :
		    "=");
		break;
	case FILTER_AND:
	case FILTER_OR:
	case FILTER_FTS:
		break;
	}
}

/* A comparison of the item's date with the spans filter.c made. */
static void
store_cmp_date(struct buf *sql, struct store_params *ps,
    const struct filter_node *n)
{
	switch (n->op) {
	case FILTER_EQ:
	case FILTER_NE:
	case FILTER_BETWEEN:
		buf_addstr(sql, n->op == FILTER_NE ? "NOT (i.date >= " :
		    "(i.date >= ");
		store_param(sql, ps, STORE_P_INT, n->lo, NULL);
		buf_addstr(sql, " AND i.date < ");
		store_param(sql, ps, STORE_P_INT, n->op == FILTER_BETWEEN ?
		    n->hi2 : n->hi, NULL);
		buf_addch(sql, ')');
		break;
	case FILTER_LT:
	case FILTER_GE:
		buf_addstr(sql, n->op == FILTER_LT ? "i.date < " :
		    "i.date >= ");
		store_param(sql, ps, STORE_P_INT, n->lo, NULL);
		break;
	case FILTER_GT:
	case FILTER_LE:
		buf_addstr(sql, n->op == FILTER_GT ? "i.date >= " :
		    "i.date < ");
		store_param(sql, ps, STORE_P_INT, n->hi, NULL);
		break;
	default:
		store_cmp_value(sql, ps, n, store_attr_sql(FILTER_DATE));
		break;
	}
}

/* age, whole days since the date: age < k is date > now - k days. */
static void
store_cmp_age(struct buf *sql, struct store_params *ps,
    const struct filter_node *n)
{
	int64_t	 lo, hi;		/* lo <= age <= hi */

	switch (n->op) {
	case FILTER_EQ:
	case FILTER_NE:
		lo = hi = n->n;
		break;
	case FILTER_LT:
		lo = INT32_MIN;
		hi = n->n - 1;
		break;
	case FILTER_LE:
		lo = INT32_MIN;
		hi = n->n;
		break;
	case FILTER_GT:
		lo = n->n + 1;
		hi = INT32_MAX;
		break;
	case FILTER_GE:
		lo = n->n;
		hi = INT32_MAX;
		break;
	case FILTER_BETWEEN:
		lo = n->n;
		hi = n->n2;
		break;
	default:
		buf_addch(sql, '0');
		return;
	}
	/* age <= hi: date > now - (hi + 1) days; age >= lo: date <=
	 * now - lo days. */
	buf_addstr(sql, n->op == FILTER_NE ? "NOT (i.date > " : "(i.date > ");
	store_param(sql, ps, STORE_P_AGO, (hi + 1) * 86400, NULL);
	buf_addstr(sql, " AND i.date <= ");
	store_param(sql, ps, STORE_P_AGO, lo * 86400, NULL);
	buf_addch(sql, ')');
}

/* ~: every word of n->s in the columns the attribute names, through
 * the search index (and the full articles' for content and text). */
static int
store_cmp_fts(struct store *st, struct buf *sql, struct store_params *ps,
    const struct filter_node *n, char **cause)
{
	struct buf	 m = BUF_INIT;
	char		**terms;
	size_t		 nterms, i;
	int		 rc;

	if ((rc = store_fts_terms(st, n->s, 0, &terms, &nterms, cause)) < 0)
		return (-1);
	if (rc == 0) {
		buf_addch(sql, '0');	/* no word: nothing, as a search */
		return (0);
	}
	buf_addch(sql, '(');
	for (i = 0; i < nterms; i++) {
		buf_reset(&m);
		if (n->attr == FILTER_TITLE)
			buf_addf(&m, "{title} : %s", terms[i]);
		else if (n->attr == FILTER_CONTENT)
			buf_addf(&m, "{body} : %s", terms[i]);
		else
			buf_addstr(&m, terms[i]);
		buf_addf(sql, "%s+i.id IN (SELECT rowid FROM items_fts WHERE"
		    " items_fts MATCH ", i > 0 ? " AND " : "");
		store_param(sql, ps, STORE_P_TEXT, 0, m.data);
		if (n->attr != FILTER_TITLE) {
			buf_addstr(sql, " UNION SELECT rowid FROM articles_fts"
			    " WHERE articles_fts MATCH ");
			store_param(sql, ps, STORE_P_TEXT, 0, terms[i]);
		}
		buf_addch(sql, ')');
		free(terms[i]);
	}
	buf_addch(sql, ')');
	free(terms);
	buf_release(&m);
	return (0);
}

/* One comparison. */
static int
store_cmp(struct store *st, struct buf *sql, struct store_params *ps,
    const struct filter_node *n, char **cause)
{
	switch (n->attr) {
	case FILTER_DATE:
		store_cmp_date(sql, ps, n);
		return (0);
	case FILTER_AGE:
		store_cmp_age(sql, ps, n);
		return (0);
	case FILTER_UNREAD:
		buf_addf(sql, "%si.read = %d", ps->ordered ? "+" : "",
		    (n->n != 0) == (n->op == FILTER_NE));
		return (0);
	case FILTER_STARRED:
	case FILTER_FLAGS:
		/* flags: any letter stands for the star (filter.c). */
		buf_addf(sql, "%si.starred = %d", ps->ordered ? "+" : "",
		    (n->n != 0) == (n->op == FILTER_EQ ||
		    n->op == FILTER_HAS));
		return (0);
	case FILTER_TEXT:
		return (store_cmp_fts(st, sql, ps, n, cause));
	default:
		break;
	}
	if (n->op == FILTER_FTS)
		return (store_cmp_fts(st, sql, ps, n, cause));
	if (store_feed_attr(n->attr)) {
		/* In a page, +: walk the date order and test each item's
		 * feed, rather than gather the feeds' items and sort them. */
		buf_addf(sql, "%si.feed_id IN (SELECT f.id FROM feeds f"
		    " LEFT JOIN temp.feedconf c ON c.url = f.url WHERE %s(",
		    ps->ordered ? "+" : "", ps->onefeed ? "f.id = :feed AND " :
		    "");
		store_cmp_value(sql, ps, n, store_attr_sql(n->attr));
		buf_addstr(sql, "))");
		return (0);
	}
	store_cmp_value(sql, ps, n, store_attr_sql(n->attr));
	return (0);
}

/* A node and what is below it; and/or chains are walked down their left
 * side in a loop (filter.c builds them left-deep), so the recursion is
 * as deep as the parentheses. */
static int
store_node_sql(struct store *st, struct buf *sql, struct store_params *ps,
    const struct filter_node *n, char **cause)
{
	const struct filter_node	*chain[FILTER_MAX_TERMS + 1];
	size_t				 len = 0, i;
	enum filter_op			 op;

	if (n->op != FILTER_AND && n->op != FILTER_OR) {
		buf_addch(sql, '(');
		if (store_cmp(st, sql, ps, n, cause) != 0)
			return (-1);
		buf_addch(sql, ')');
		return (0);
	}
	op = n->op;
	while (n->op == op && len < FILTER_MAX_TERMS) {
		chain[len++] = n->r;
		n = n->l;
	}
	chain[len++] = n;
	buf_addch(sql, '(');
	for (i = len; i-- > 0;) {
		if (store_node_sql(st, sql, ps, chain[i], cause) != 0)
			return (-1);
		if (i > 0)
			buf_addstr(sql, op == FILTER_AND ? " AND " : " OR ");
	}
	buf_addch(sql, ')');
	return (0);
}

int
store_filter_sql(struct store *st, struct buf *sql, const struct filter *f,
    struct store_params *ps, char **cause)
{
	return (store_node_sql(st, sql, ps, f->root, cause));
}

int
store_filter_scans(const struct filter *f)
{
	static const enum filter_attr	 text[] = { FILTER_TITLE, FILTER_LINK,
	    FILTER_AUTHOR, FILTER_GUID, FILTER_CONTENT, FILTER_ENCLOSURE_URL,
	    FILTER_ENCLOSURE_TYPE };
	size_t				 i;

	for (i = 0; i < nitems(text); i++)
		if (filter_uses(f, text[i]))
			return (1);
	return (0);
}

int
store_filter_reads_rows(const struct filter *f)
{
	static const enum filter_attr	 wide[] = { FILTER_GUID,
	    FILTER_CONTENT, FILTER_ENCLOSURE_URL, FILTER_ENCLOSURE_TYPE };
	size_t				 i;

	for (i = 0; i < nitems(wide); i++)
		if (filter_uses(f, wide[i]))
			return (1);
	return (0);
}

int
store_params_bind(sqlite3_stmt *stmt, const struct store_params *ps)
{
	const struct store_param	*p;
	char				 name[32];
	size_t				 i;
	int				 idx, rc = SQLITE_OK;

	for (i = 0; i < ps->n && rc == SQLITE_OK; i++) {
		p = &ps->v[i];
		snprintf(name, sizeof name, ":f%zu", i + 1);
		if ((idx = sqlite3_bind_parameter_index(stmt, name)) == 0)
			return (SQLITE_RANGE);
		if (p->kind == STORE_P_TEXT)
			rc = sqlite3_bind_text(stmt, idx, p->s, -1,
			    SQLITE_TRANSIENT);
		else if (p->kind == STORE_P_AGO)
			rc = sqlite3_bind_int64(stmt, idx, time_now() - p->n);
		else
			rc = sqlite3_bind_int64(stmt, idx, p->n);
	}
	return (rc);
}

void
store_params_release(struct store_params *ps)
{
	size_t	 i;

	for (i = 0; i < ps->n; i++)
		free(ps->v[i].s);
	free(ps->v);
	ps->v = NULL;
	ps->n = 0;
}

/* Free a compiled pattern kept as auxiliary data. */
static void
store_regexp_free(void *p)
{
	filter_regfree(p);
}

void
store_regexp_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct filter_re	*re;
	const char		*pattern, *text;
	char			*cause;

	(void)argc;
	if ((text = (const char *)sqlite3_value_text(argv[1])) == NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	if ((re = sqlite3_get_auxdata(ctx, 0)) != NULL) {
		sqlite3_result_int(ctx, filter_regexec(re, text));
		return;
	}
	if ((pattern = (const char *)sqlite3_value_text(argv[0])) == NULL)
		pattern = "";
	if (filter_regcomp(&re, pattern, &cause) != 0) {
		sqlite3_result_error(ctx, cause, -1);
		free(cause);
		return;
	}
	sqlite3_result_int(ctx, filter_regexec(re, text));
	/* Kept for the next rows, unless SQLite frees it at once. */
	sqlite3_set_auxdata(ctx, 0, re, store_regexp_free);
}

/*
 * The SQL aggregate filter_top(limit, date, id, asc): the ids of the
 * first limit rows in date order (newest first, or oldest with asc set;
 * equal dates by id the same way), as a JSON array in that order; "[]"
 * for none. It keeps the limit rows in a heap whose root is the last of
 * them, so a scan that counts a list can find its first page on the way
 * (store_count_page()) for a few comparisons a row.
 */
struct store_top {
	struct store_top_row {
		int64_t	 date, id;
	}		*v;
	size_t		 n, limit;
	int		 asc, ready;
};

/* Whether a comes before b in t's order. */
static int
store_top_before(const struct store_top *t, const struct store_top_row *a,
    const struct store_top_row *b)
{
	int	 c;

	c = a->date != b->date ? (a->date > b->date ? 1 : -1) :
	    (a->id > b->id) - (a->id < b->id);
	return (t->asc ? c < 0 : c > 0);
}

/* Move the row at i down to its place in the heap, where each row comes
 * after its children. */
static void
store_top_sift(struct store_top *t, size_t i)
{
	struct store_top_row	 r;
	size_t			 c;

	for (;;) {
		c = 2 * i + 1;
		if (c >= t->n)
			break;
		if (c + 1 < t->n && store_top_before(t, &t->v[c], &t->v[c + 1]))
			c++;
		if (!store_top_before(t, &t->v[i], &t->v[c]))
			break;
		r = t->v[i];
		t->v[i] = t->v[c];
		t->v[c] = r;
		i = c;
	}
}

void
store_top_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store_top	*t;
	struct store_top_row	 r;
	size_t			 i, p;
	sqlite3_int64		 limit;

	(void)argc;
	if ((t = sqlite3_aggregate_context(ctx, sizeof *t)) == NULL) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (!t->ready) {
		limit = sqlite3_value_int64(argv[0]);
		t->limit = limit > 0 ? (size_t)(limit < STORE_TOP_MAX ? limit :
		    STORE_TOP_MAX) : 0;
		t->asc = sqlite3_value_int(argv[3]) != 0;
		t->v = t->limit > 0 ? xcalloc(t->limit, sizeof *t->v) : NULL;
		t->ready = 1;
	}
	if (t->limit == 0)
		return;
	r.date = sqlite3_value_int64(argv[1]);
	r.id = sqlite3_value_int64(argv[2]);
	if (t->n == t->limit) {
		/* Full: the row replaces the last one if it comes first. */
		if (!store_top_before(t, &r, &t->v[0]))
			return;
		t->v[0] = r;
		store_top_sift(t, 0);
		return;
	}
	/* Up from the bottom while it comes after its parent. */
	for (i = t->n++; i > 0; i = p) {
		p = (i - 1) / 2;
		if (!store_top_before(t, &t->v[p], &r))
			break;
		t->v[i] = t->v[p];
	}
	t->v[i] = r;
}

void
store_top_final(sqlite3_context *ctx)
{
	struct store_top	*t;
	struct store_top_row	 r;
	struct buf		 b = BUF_INIT;
	size_t			 n = 0, i;

	buf_addch(&b, '[');
	if ((t = sqlite3_aggregate_context(ctx, 0)) != NULL) {
		/* Heapsort: the last row to the back, each time. */
		for (n = t->n; t->n > 1;) {
			r = t->v[0];
			t->v[0] = t->v[--t->n];
			t->v[t->n] = r;
			store_top_sift(t, 0);
		}
		for (i = 0; i < n; i++)
			buf_addf(&b, "%s%lld", i > 0 ? "," : "",
			    (long long)t->v[i].id);
		free(t->v);
		t->v = NULL;
	}
	buf_addch(&b, ']');
	sqlite3_result_text(ctx, b.data, (int)b.len, SQLITE_TRANSIENT);
	buf_release(&b);
}
