/* filter.c: newsboat's filter language -> a tree of comparisons.
 *
 * The grammar, by precedence (or binds loosest, as in newsboat):
 *
 *	expr	= and { "or" and }
 *	and	= prim { "and" prim }
 *	prim	= "(" expr ")" | "~" STRING | ATTR OP value
 *		| ATTR "between" value ":" value
 *	value	= STRING | NUMBER
 *
 * STRING is "..." in which \" stands for a quote and every other
 * backslash is kept as written, so that regular expressions keep theirs.
 * A hand-written recursive descent parser, because the errors are the
 * point: each one names what was expected where, and the caller turns
 * the offset into a column. Its recursion goes one level per parenthesis
 * and stops at FILTER_MAX_DEPTH; and/or chains are built in a loop, and
 * FILTER_MAX_TERMS bounds the tree, so that no input can exhaust the
 * stack here or in the SQL made from the tree.
 *
 * Typing. Each attribute has a type (text, number, date, yes/no, flags)
 * and each type takes some operators; newsboat compares anything with
 * anything (a title "less than" 5 compares its leading digits), which
 * tidings refuses with a message instead, since such a filter can only
 * be a mistake. Dates are written as dates ("2024-05-01", with an
 * optional time) in the local time zone, and turned into spans of UTC
 * seconds here, once.
 */
#include <ctype.h>
#include <locale.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "filter.h"
#include "util.h"

static const struct filter_attr_info {
	const char		*name;	/* first member: see util_nearest() */
	enum filter_attr	 attr;
	enum filter_type	 type;
} filter_attrs[] = {
	{ "title", FILTER_TITLE, FILTER_T_TEXT },
	{ "link", FILTER_LINK, FILTER_T_TEXT },
	{ "author", FILTER_AUTHOR, FILTER_T_TEXT },
	{ "content", FILTER_CONTENT, FILTER_T_TEXT },
	{ "guid", FILTER_GUID, FILTER_T_TEXT },
	{ "date", FILTER_DATE, FILTER_T_DATE },
	{ "age", FILTER_AGE, FILTER_T_NUMBER },
	{ "unread", FILTER_UNREAD, FILTER_T_BOOL },
	{ "starred", FILTER_STARRED, FILTER_T_BOOL },
	{ "flags", FILTER_FLAGS, FILTER_T_FLAGS },
	{ "enclosure_url", FILTER_ENCLOSURE_URL, FILTER_T_TEXT },
	{ "enclosure_type", FILTER_ENCLOSURE_TYPE, FILTER_T_TEXT },
	{ "feedtitle", FILTER_FEEDTITLE, FILTER_T_TEXT },
	{ "feedurl", FILTER_FEEDURL, FILTER_T_TEXT },
	{ "rssurl", FILTER_FEEDURL, FILTER_T_TEXT },
	{ "feedlink", FILTER_FEEDLINK, FILTER_T_TEXT },
	{ "description", FILTER_DESCRIPTION, FILTER_T_TEXT },
	{ "tags", FILTER_TAGS, FILTER_T_TEXT },
	{ "unread_count", FILTER_UNREAD_COUNT, FILTER_T_NUMBER },
	{ "total_count", FILTER_TOTAL_COUNT, FILTER_T_NUMBER },
};

/* newsboat's attributes that tidings has no data for. */
static const char *const filter_unsupported[] = {
	"articleindex", "feedindex", "feeddate",
};

static const struct {
	const char	*text;
	enum filter_op	 op;
} filter_ops[] = {			/* longest first */
	{ "==", FILTER_EQ }, { "!=", FILTER_NE }, { "=~", FILTER_MATCH },
	{ "!~", FILTER_NOMATCH }, { "!#", FILTER_HASNT },
	{ "<=", FILTER_LE }, { ">=", FILTER_GE }, { "=", FILTER_EQ },
	{ "#", FILTER_HAS }, { "<", FILTER_LT }, { ">", FILTER_GT },
	{ "~", FILTER_FTS },
};

enum filter_tok {
	TOK_END,
	TOK_IDENT,
	TOK_STRING,
	TOK_NUMBER,
	TOK_OP,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_COLON,
	TOK_BAD
};

struct filter_parser {
	const char	*text;
	size_t		 len, pos;
	/* The current token. */
	enum filter_tok	 tok;
	size_t		 start, end;	/* its bytes */
	enum filter_op	 op;		/* TOK_OP */
	struct buf	 str;		/* TOK_STRING's value */
	int64_t		 num;		/* TOK_NUMBER's value */
	int		 over;		/* ... too large */
	/* Limits and the first error. */
	unsigned	 depth, terms;
	char		*cause;
	size_t		 off;
};

/* Record the first error at offset off. */
static void __attribute__((format(printf, 3, 4)))
filter_error(struct filter_parser *p, size_t off, const char *fmt, ...)
{
	va_list	 ap;

	if (p->cause != NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&p->cause, fmt, ap);
	va_end(ap);
	p->off = off;
}

/* The current token's text, safe to print (for messages). */
static const char *
filter_tok_text(struct filter_parser *p, struct buf *b)
{
	char	*s;

	if (p->tok == TOK_END)
		return ("the end");
	s = xstrndup(p->text + p->start, p->end - p->start > 40 ? 40 :
	    p->end - p->start);
	buf_addch(b, '"');
	text_printable(b, s);
	buf_addch(b, '"');
	free(s);
	return (b->data);
}

/* Read the next token. */
static void
filter_next(struct filter_parser *p)
{
	const char	*t = p->text;
	size_t		 i;
	int64_t		 d;

	while (p->pos < p->len && (t[p->pos] == ' ' || t[p->pos] == '\t'))
		p->pos++;
	p->start = p->pos;
	p->over = 0;
	if (p->pos >= p->len) {
		p->tok = TOK_END;
		p->end = p->pos;
		return;
	}
	if (t[p->pos] == '(' || t[p->pos] == ')' || t[p->pos] == ':') {
		p->tok = t[p->pos] == '(' ? TOK_LPAREN : t[p->pos] == ')' ?
		    TOK_RPAREN : TOK_COLON;
		p->end = ++p->pos;
		return;
	}
	if (t[p->pos] == '"') {
		buf_reset(&p->str);
		for (p->pos++; p->pos < p->len && t[p->pos] != '"'; p->pos++) {
			if (t[p->pos] == '\\' && p->pos + 1 < p->len) {
				if (t[p->pos + 1] != '"')
					buf_addch(&p->str, '\\');
				p->pos++;
			}
			buf_addch(&p->str, t[p->pos]);
		}
		if (p->pos >= p->len) {
			p->tok = TOK_BAD;
			p->end = p->pos;
			filter_error(p, p->start, "unterminated string: "
			    "expected a closing \"");
			return;
		}
		p->tok = TOK_STRING;
		p->end = ++p->pos;
		return;
	}
	if (isdigit((unsigned char)t[p->pos]) || (t[p->pos] == '-' &&
	    p->pos + 1 < p->len && isdigit((unsigned char)t[p->pos + 1]))) {
		i = p->pos + (t[p->pos] == '-');
		p->num = 0;
		for (; i < p->len && isdigit((unsigned char)t[i]); i++) {
			d = t[i] - '0';
			if (p->num > (INT64_MAX / 4 - d) / 10)
				p->over = 1;
			else
				p->num = p->num * 10 + d;
		}
		if (t[p->pos] == '-')
			p->num = -p->num;
		p->tok = TOK_NUMBER;
		p->end = p->pos = i;
		return;
	}
	/* Letters beyond ASCII make a word too, so that a misspelt
	 * attribute is named whole. */
	if (isalpha((unsigned char)t[p->pos]) || t[p->pos] == '_' ||
	    (unsigned char)t[p->pos] >= 0x80) {
		for (i = p->pos; i < p->len && (isalnum((unsigned char)t[i]) ||
		    t[i] == '_' || (unsigned char)t[i] >= 0x80); i++)
			;
		p->tok = TOK_IDENT;
		p->end = p->pos = i;
		return;
	}
	for (i = 0; i < nitems(filter_ops); i++) {
		if (p->len - p->pos >= strlen(filter_ops[i].text) &&
		    memcmp(t + p->pos, filter_ops[i].text,
		    strlen(filter_ops[i].text)) == 0) {
			p->tok = TOK_OP;
			p->op = filter_ops[i].op;
			p->end = p->pos += strlen(filter_ops[i].text);
			return;
		}
	}
	p->tok = TOK_BAD;
	p->end = p->pos + 1;
	filter_error(p, p->start, "unexpected character \"%c\"",
	    (unsigned char)t[p->pos] >= 0x20 && (unsigned char)t[p->pos] <
	    0x7f ? t[p->pos] : '?');
}

/* Whether the current token is the word kw (any case). */
static int
filter_is_word(struct filter_parser *p, const char *kw)
{
	return (p->tok == TOK_IDENT && p->end - p->start == strlen(kw) &&
	    strncasecmp(p->text + p->start, kw, p->end - p->start) == 0);
}

/* Free a tree. */
static void
filter_node_free(struct filter_node *n)
{
	struct filter_node	*r;

	while (n != NULL) {
		filter_node_free(n->l);
		free(n->s);
		r = n->r;
		free(n);
		n = r;
	}
}

/* Parse "YYYY-MM-DD[( |T)HH:MM[:SS]]" in local time into the span
 * [*lo, *hi) it covers. Return 0, or -1. */
static int
filter_date(const char *s, int64_t *lo, int64_t *hi)
{
	struct tm	 tm, want;
	int		 n = 0, len = (int)strlen(s), span;
	time_t		 t;

	memset(&tm, 0, sizeof tm);
	if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
	    &n) != 3 || n != 10)
		return (-1);
	span = 86400;
	if (len > 10) {
		if ((s[10] != ' ' && s[10] != 'T') || sscanf(s + 11,
		    "%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &n) != 2 || n != 5)
			return (-1);
		span = 60;
		if (len > 16) {
			if (s[16] != ':' || sscanf(s + 17, "%2d%n",
			    &tm.tm_sec, &n) != 1 || n != 2 || len != 19)
				return (-1);
			span = 1;
		} else if (len != 16)
			return (-1);
	}
	if (tm.tm_year < 1970 || tm.tm_year > 9999)
		return (-1);
	tm.tm_year -= 1900;
	tm.tm_mon--;
	tm.tm_isdst = -1;
	want = tm;
	if ((t = mktime(&tm)) == (time_t)-1 || tm.tm_year != want.tm_year ||
	    tm.tm_mon != want.tm_mon || tm.tm_mday != want.tm_mday ||
	    tm.tm_hour != want.tm_hour || tm.tm_min != want.tm_min ||
	    tm.tm_sec != want.tm_sec)
		return (-1);
	*lo = (int64_t)t;
	if (span == 86400) {
		/* The next midnight: a day of a change of clocks is not
		 * 86400 seconds long. */
		want.tm_mday++;
		want.tm_isdst = -1;
		if ((t = mktime(&want)) == (time_t)-1)
			return (-1);
		*hi = (int64_t)t;
	} else
		*hi = *lo + span;
	return (0);
}

/* The value token of a comparison of n, as its attribute's type wants
 * it; offset off is where the value starts. Return 0, or -1. */
static int
filter_value(struct filter_parser *p, struct filter_node *n, int second)
{
	const struct filter_attr_info	*a = NULL;
	struct buf			 b = BUF_INIT;
	const char			*name;
	char				*end;
	int64_t				 v, lo, hi;
	size_t				 i;
	int				 rc = -1;

	for (i = 0; i < nitems(filter_attrs); i++)
		if (filter_attrs[i].attr == n->attr)
			a = &filter_attrs[i];
	name = n->attr == FILTER_TEXT ? "~" : a->name;
	if (p->tok != TOK_STRING && p->tok != TOK_NUMBER) {
		if (p->tok != TOK_BAD)
			filter_error(p, p->start, "expected a value (\"text\" "
			    "or a number) after %s, not %s", name,
			    filter_tok_text(p, &b));
		goto out;
	}
	if (p->tok == TOK_NUMBER && p->over) {
		filter_error(p, p->start, "number too large");
		goto out;
	}
	if (p->tok == TOK_NUMBER) {
		buf_reset(&p->str);
		buf_addf(&p->str, "%lld", (long long)p->num);
	}
	switch (a != NULL ? a->type : FILTER_T_TEXT) {
	case FILTER_T_TEXT:
		n->s = xstrdup(p->str.data);
		break;
	case FILTER_T_NUMBER:
		v = p->num;
		if (p->tok == TOK_STRING) {
			v = strtoll(p->str.data, &end, 10);
			if (p->str.len == 0 || *end != '\0' ||
			    p->str.len > 15) {
				filter_error(p, p->start, "%s takes a whole "
				    "number, not %s", name,
				    filter_tok_text(p, &b));
				goto out;
			}
		}
		if (second)
			n->n2 = v;
		else
			n->n = v;
		break;
	case FILTER_T_DATE:
		if (n->op == FILTER_MATCH || n->op == FILTER_NOMATCH) {
			n->s = xstrdup(p->str.data);
			break;
		}
		if (p->tok != TOK_STRING || filter_date(p->str.data, &lo,
		    &hi) != 0) {
			filter_error(p, p->start, "%s takes a date such as "
			    "\"2024-05-01\" or \"2024-05-01 13:30\", not %s",
			    name, filter_tok_text(p, &b));
			goto out;
		}
		if (second)
			n->hi2 = hi;
		else {
			n->lo = lo;
			n->hi = hi;
		}
		break;
	case FILTER_T_BOOL:
		if (strcmp(p->str.data, "yes") == 0)
			n->n = 1;
		else if (strcmp(p->str.data, "no") == 0)
			n->n = 0;
		else {
			filter_error(p, p->start, "%s is \"yes\" or \"no\", "
			    "not %s", name, filter_tok_text(p, &b));
			goto out;
		}
		break;
	case FILTER_T_FLAGS:
		for (i = 0; i < p->str.len; i++)
			if (!isalpha((unsigned char)p->str.data[i]))
				break;
		if (i < p->str.len || (p->str.len == 0 &&
		    (n->op == FILTER_HAS || n->op == FILTER_HASNT))) {
			filter_error(p, p->start, "flags are letters, A to Z "
			    "and a to z, not %s", filter_tok_text(p, &b));
			goto out;
		}
		/* One flag is kept, the star: any letter stands for it. */
		n->n = p->str.len > 0;
		break;
	}
	rc = 0;
out:
	buf_release(&b);
	return (rc);
}

/* Whether attribute type t takes operator op. */
static int
filter_op_fits(enum filter_type t, enum filter_attr attr, enum filter_op op)
{
	switch (op) {
	case FILTER_EQ:
	case FILTER_NE:
		return (1);
	case FILTER_MATCH:
	case FILTER_NOMATCH:
		return (t == FILTER_T_TEXT || t == FILTER_T_DATE);
	case FILTER_HAS:
	case FILTER_HASNT:
		return (t == FILTER_T_TEXT || t == FILTER_T_FLAGS);
	case FILTER_LT:
	case FILTER_GT:
	case FILTER_LE:
	case FILTER_GE:
	case FILTER_BETWEEN:
		return (t == FILTER_T_NUMBER || t == FILTER_T_DATE);
	case FILTER_FTS:
		return (attr == FILTER_TITLE || attr == FILTER_CONTENT);
	case FILTER_AND:
	case FILTER_OR:
		break;
	}
	return (0);
}

/* What an attribute of type t takes, for messages. */
static const char *
filter_type_ops(enum filter_type t)
{
	switch (t) {
	case FILTER_T_TEXT:
		return ("=, !=, =~, !~, # or !#");
	case FILTER_T_NUMBER:
		return ("=, !=, <, >, <=, >= or between");
	case FILTER_T_DATE:
		return ("=, !=, <, >, <=, >=, between, =~ or !~");
	case FILTER_T_BOOL:
		return ("= or !=");
	case FILTER_T_FLAGS:
		return ("=, !=, # or !#");
	}
	return ("");
}

/* The text of an operator, for messages. */
static const char *
filter_op_text(enum filter_op op)
{
	size_t	 i;

	if (op == FILTER_BETWEEN)
		return ("between");
	for (i = 0; i < nitems(filter_ops); i++)
		if (filter_ops[i].op == op)
			return (filter_ops[i].text);
	return ("?");
}

static struct filter_node *filter_expr(struct filter_parser *);

/* One comparison, at an identifier or "~". */
static struct filter_node *
filter_cmp(struct filter_parser *p)
{
	const struct filter_attr_info	*a = NULL;
	struct filter_node		*n;
	struct filter_re		*re;
	struct buf			 b = BUF_INIT;
	const char			*near;
	char				*name, *cause;
	size_t				 i, at = p->start, opat;

	if (++p->terms > FILTER_MAX_TERMS) {
		filter_error(p, p->start, "more than %d comparisons",
		    FILTER_MAX_TERMS);
		return (NULL);
	}
	n = xcalloc(1, sizeof *n);
	n->off = at;
	if (p->tok == TOK_OP && p->op == FILTER_FTS) {
		n->attr = FILTER_TEXT;
		n->op = FILTER_FTS;
		opat = p->start;
		filter_next(p);
		goto value;
	}
	name = xstrndup(p->text + p->start, p->end - p->start);
	for (i = 0; i < nitems(filter_attrs); i++)
		if (strcmp(name, filter_attrs[i].name) == 0)
			a = &filter_attrs[i];
	if (a == NULL) {
		for (i = 0; i < nitems(filter_unsupported); i++)
			if (strcmp(name, filter_unsupported[i]) == 0)
				break;
		near = util_nearest(name, filter_attrs, nitems(filter_attrs),
		    sizeof filter_attrs[0]);
		text_printable(&b, name);
		if (i < nitems(filter_unsupported))
			filter_error(p, at, "newsboat's attribute \"%s\" is "
			    "not supported", b.data);
		else if (near != NULL)
			filter_error(p, at, "unknown attribute \"%s\"; did "
			    "you mean \"%s\"?", b.data, near);
		else
			filter_error(p, at, "unknown attribute \"%s\"",
			    b.data);
		free(name);
		goto fail;
	}
	free(name);
	n->attr = a->attr;
	filter_next(p);
	opat = p->start;
	if (filter_is_word(p, "between"))
		n->op = FILTER_BETWEEN;
	else if (p->tok == TOK_OP)
		n->op = p->op;
	else {
		if (p->tok != TOK_BAD)
			filter_error(p, p->start, "expected an operator (=, "
			    "!=, =~, !~, #, !#, <, >, <=, >=, between or ~) "
			    "after %s, not %s", a->name,
			    filter_tok_text(p, &b));
		goto fail;
	}
	if (!filter_op_fits(a->type, a->attr, n->op)) {
		if (n->op == FILTER_FTS)
			filter_error(p, opat, "~ searches title or content "
			    "only, or, alone, both");
		else
			filter_error(p, opat, "%s takes %s, not %s", a->name,
			    filter_type_ops(a->type), filter_op_text(n->op));
		goto fail;
	}
	filter_next(p);
value:
	at = p->start;
	if (filter_value(p, n, 0) != 0)
		goto fail;
	if (n->op == FILTER_BETWEEN) {
		filter_next(p);
		if (p->tok != TOK_COLON) {
			if (p->tok != TOK_BAD)
				filter_error(p, p->start, "expected \":\" "
				    "between the two ends of between, not %s",
				    filter_tok_text(p, &b));
			goto fail;
		}
		filter_next(p);
		if (filter_value(p, n, 1) != 0)
			goto fail;
		if (n->attr != FILTER_DATE && n->n > n->n2) {
			n->n2 ^= n->n;	/* newsboat takes either order */
			n->n ^= n->n2;
			n->n2 ^= n->n;
		} else if (n->attr == FILTER_DATE && n->lo >= n->hi2) {
			filter_error(p, at, "the first date of between must "
			    "come before the second");
			goto fail;
		}
	}
	if (n->op == FILTER_MATCH || n->op == FILTER_NOMATCH) {
		if (filter_regcomp(&re, n->s != NULL ? n->s : p->str.data,
		    &cause) != 0) {
			filter_error(p, at, "%s", cause);
			free(cause);
			goto fail;
		}
		filter_regfree(re);
		if (n->s == NULL)
			n->s = xstrdup(p->str.data);
	}
	if (n->op == FILTER_FTS && n->s == NULL)
		n->s = xstrdup(p->str.data);
	filter_next(p);
	buf_release(&b);
	return (n);
fail:
	buf_release(&b);
	filter_node_free(n);
	return (NULL);
}

/* A comparison or a parenthesised expression. */
static struct filter_node *
filter_prim(struct filter_parser *p)
{
	struct filter_node	*n;
	struct buf		 b = BUF_INIT;
	size_t			 open = p->start;

	if (p->tok == TOK_LPAREN) {
		if (++p->depth > FILTER_MAX_DEPTH) {
			filter_error(p, p->start, "more than %d parentheses "
			    "inside each other", FILTER_MAX_DEPTH);
			return (NULL);
		}
		filter_next(p);
		if ((n = filter_expr(p)) == NULL)
			return (NULL);
		if (p->tok != TOK_RPAREN) {
			if (p->tok != TOK_BAD)
				filter_error(p, p->start, "expected \")\" to "
				    "close the \"(\" at column %zu, not %s",
				    filter_column(p->text, open),
				    filter_tok_text(p, &b));
			buf_release(&b);
			filter_node_free(n);
			return (NULL);
		}
		p->depth--;
		filter_next(p);
		return (n);
	}
	if (p->tok == TOK_IDENT || (p->tok == TOK_OP && p->op == FILTER_FTS))
		return (filter_cmp(p));
	if (p->tok != TOK_BAD)
		filter_error(p, p->start, "expected an attribute (such as "
		    "title or unread), \"(\" or ~, not %s",
		    filter_tok_text(p, &b));
	buf_release(&b);
	return (NULL);
}

/* A chain of prim joined by kw ("and", then "or" over it), built in a
 * loop: left-associative, and no recursion per term. */
static struct filter_node *
filter_chain(struct filter_parser *p, const char *kw, enum filter_op op)
{
	struct filter_node	*l, *r, *n;

	l = op == FILTER_AND ? filter_prim(p) : filter_chain(p, "and",
	    FILTER_AND);
	while (l != NULL && filter_is_word(p, kw)) {
		filter_next(p);
		r = op == FILTER_AND ? filter_prim(p) : filter_chain(p, "and",
		    FILTER_AND);
		if (r == NULL) {
			filter_node_free(l);
			return (NULL);
		}
		n = xcalloc(1, sizeof *n);
		n->op = op;
		n->l = l;
		n->r = r;
		l = n;
	}
	return (l);
}

/* An expression: and-chains joined by "or". */
static struct filter_node *
filter_expr(struct filter_parser *p)
{
	return (filter_chain(p, "or", FILTER_OR));
}

int
filter_parse(const char *text, size_t len, struct filter **out, size_t *off,
    char **cause)
{
	struct filter_parser	 p;
	struct filter_node	*root;
	struct buf		 b = BUF_INIT;
	struct filter		*f;
	size_t			 i;
	uint32_t		 cp;

	*out = NULL;
	memset(&p, 0, sizeof p);
	p.text = text;
	p.len = len;
	p.str = (struct buf)BUF_INIT;
	if (len > FILTER_MAX_LEN) {
		xasprintf(cause, "expression longer than %d bytes",
		    FILTER_MAX_LEN);
		*off = 0;
		return (-1);
	}
	for (i = 0; i < len; i += cp < 0x80 ? 1 : utf8_decode(
	    (const unsigned char *)text + i, len - i, &cp)) {
		if ((unsigned char)text[i] < 0x80) {
			cp = (unsigned char)text[i];
			if ((cp < 0x20 && cp != '\t') || cp == 0x7f) {
				xasprintf(cause, "control character 0x%02x",
				    cp);
				*off = i;
				return (-1);
			}
		} else if (utf8_decode((const unsigned char *)text + i,
		    len - i, &cp) == 0) {
			*cause = xstrdup("invalid UTF-8");
			*off = i;
			return (-1);
		}
	}
	filter_next(&p);
	if (p.tok == TOK_END)
		filter_error(&p, 0, "expected an expression, such as "
		    "unread = \"yes\"");
	else if ((root = filter_expr(&p)) != NULL && p.tok != TOK_END) {
		if (p.tok != TOK_BAD)
			filter_error(&p, p.start, "expected and, or or the "
			    "end of the expression, not %s",
			    filter_tok_text(&p, &b));
		filter_node_free(root);
	} else if (root != NULL) {
		f = xcalloc(1, sizeof *f);
		f->root = root;
		f->text = xstrndup(text, len);
		*out = f;
	}
	buf_release(&b);
	buf_release(&p.str);
	if (*out != NULL)
		return (0);
	*cause = p.cause;
	*off = p.off;
	return (-1);
}

void
filter_free(struct filter *f)
{
	if (f == NULL)
		return;
	filter_node_free(f->root);
	free(f->text);
	free(f);
}

/* A copy of the tree n: recursion down l, whose depth the parser
 * bounds, and a loop down r, as filter_node_free() goes. */
static struct filter_node *
filter_node_dup(const struct filter_node *n)
{
	struct filter_node	*top = NULL, **at = &top, *c;

	for (; n != NULL; n = n->r) {
		c = xmalloc(sizeof *c);
		*c = *n;
		c->l = filter_node_dup(n->l);
		c->s = n->s != NULL ? xstrdup(n->s) : NULL;
		c->r = NULL;
		*at = c;
		at = &c->r;
	}
	return (top);
}

struct filter *
filter_dup(const struct filter *f)
{
	struct filter	*c;

	if (f == NULL)
		return (NULL);
	c = xmalloc(sizeof *c);
	c->root = filter_node_dup(f->root);
	c->text = xstrdup(f->text);
	return (c);
}

struct filter *
filter_or(const struct filter *const *v, size_t n)
{
	struct filter		*c;
	struct filter_node	*or;
	struct buf		 text = BUF_INIT;
	size_t			 i;

	if (n == 0)
		return (NULL);
	c = xmalloc(sizeof *c);
	c->root = filter_node_dup(v[0]->root);
	buf_addf(&text, "(%s)", v[0]->text);
	/* Left-deep, as the parser builds a chain of or. */
	for (i = 1; i < n; i++) {
		or = xcalloc(1, sizeof *or);
		or->op = FILTER_OR;
		or->l = c->root;
		or->r = filter_node_dup(v[i]->root);
		c->root = or;
		buf_addf(&text, " or (%s)", v[i]->text);
	}
	c->text = buf_detach(&text, NULL);
	return (c);
}

size_t
filter_column(const char *text, size_t off)
{
	size_t	 i, col = 1;

	for (i = 0; i < off && text[i] != '\0'; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			col++;
	return (col);
}

const char *
filter_attr_name(enum filter_attr attr)
{
	size_t	 i;

	for (i = 0; i < nitems(filter_attrs); i++)
		if (filter_attrs[i].attr == attr)
			return (filter_attrs[i].name);
	return ("~");
}

enum filter_type
filter_attr_type(enum filter_attr attr)
{
	size_t	 i;

	for (i = 0; i < nitems(filter_attrs); i++)
		if (filter_attrs[i].attr == attr)
			return (filter_attrs[i].type);
	return (FILTER_T_TEXT);
}

/* Whether n or a node below it compares attr. */
static int
filter_node_uses(const struct filter_node *n, enum filter_attr attr)
{
	for (; n != NULL; n = n->r) {
		if (n->op != FILTER_AND && n->op != FILTER_OR)
			return (n->attr == attr);
		if (filter_node_uses(n->l, attr))
			return (1);
	}
	return (0);
}

int
filter_uses(const struct filter *f, enum filter_attr attr)
{
	return (filter_node_uses(f->root, attr));
}

/* The first comparison under n that asks about state, or NULL. */
static const struct filter_node *
filter_node_stateful(const struct filter_node *n)
{
	const struct filter_node	*found;

	for (; n != NULL; n = n->r) {
		if (n->op != FILTER_AND && n->op != FILTER_OR) {
			switch (n->attr) {
			case FILTER_AGE:
			case FILTER_UNREAD:
			case FILTER_STARRED:
			case FILTER_FLAGS:
			case FILTER_UNREAD_COUNT:
			case FILTER_TOTAL_COUNT:
			case FILTER_TEXT:
				return (n);
			default:
				return (n->op == FILTER_FTS ? n : NULL);
			}
		}
		if ((found = filter_node_stateful(n->l)) != NULL)
			return (found);
	}
	return (NULL);
}

int
filter_stateful(const struct filter *f, size_t *off)
{
	const struct filter_node	*n;

	if ((n = filter_node_stateful(f->root)) == NULL)
		return (0);
	*off = n->off;
	return (1);
}

/*
 * Regular expressions. POSIX's, as newsboat's are, so that its filters
 * mean the same here: extended syntax, ignoring case. They run in a
 * UTF-8 locale of their own (C.UTF-8) when the process's is not UTF-8
 * (the commands never call setlocale()), so that a character is a
 * character and "é" =~ "É" matches whatever the caller's locale.
 *
 * glibc's matcher costs about a microsecond per title in a UTF-8 locale,
 * which a query over 100,000 items pays 100,000 times, mostly to say no.
 * So each pattern gets the longest run of ASCII characters that every
 * match must contain (its "literal": "sponsored" of "^sponsored:? ",
 * nothing for "a|b"), and a text in ASCII that lacks it, in any case, is
 * refused without running the matcher; any other text runs it. In ASCII
 * text, ignoring case is ASCII's folding, so the answer is the same.
 *
 * A pattern that is nothing but its literal, perhaps between ^ and $
 * ("^the ", "theatre", "\.mp3$"), is answered without the matcher for
 * text that is ASCII where it decides: the first bytes for ^, the last
 * for $, all of it otherwise. That its folding is ASCII's is checked
 * once, when it is compiled, against the literal in upper and in lower
 * case (a locale might fold "I" to a dotless "i").
 */
#define FILTER_LITERAL	64

struct filter_re {
	regex_t		 re;
	char		 lit[FILTER_LITERAL];	/* lower case; "" for none */
	size_t		 litlen;
	int		 exact;		/* the pattern is the literal, with: */
#define FILTER_RE_HEAD	0x1		/* ^ before it */
#define FILTER_RE_TAIL	0x2		/* $ after it */
#define FILTER_RE_EXACT	0x4		/* (set: the literal decides) */
};

/* ASCII's lower case of c, whatever the locale. */
static int
filter_lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

/* Skip the bracket expression at p ("[...]", "]" first is literal);
 * return the byte after it, or NULL when it does not end. */
static const char *
filter_skip_bracket(const char *p)
{
	p++;
	if (*p == '^')
		p++;
	if (*p == ']')
		p++;
	for (; *p != '\0' && *p != ']'; p++) {
		if (*p == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			if ((p = strchr(p + 2, ']')) == NULL)
				return (NULL);
		}
	}
	return (*p == ']' ? p + 1 : NULL);
}

/* Find the literal of pattern into r (see above); leave it empty when
 * in doubt. */
static void
filter_literal(struct filter_re *r, const char *p)
{
	char	 cur[FILTER_LITERAL];
	size_t	 n = 0, depth = 0;
	const char *q;
	int	 c;

	r->litlen = 0;
	/* An alternative outside any group: no literal is required. */
	for (q = p; *q != '\0'; q++) {
		if (*q == '\\' && q[1] != '\0')
			q++;
		else if (*q == '[') {
			if ((q = filter_skip_bracket(q)) == NULL)
				return;
			q--;
		} else if (*q == '(')
			depth++;
		else if (*q == ')' && depth > 0)
			depth--;
		else if (*q == '|' && depth == 0)
			return;
	}
	while (*p != '\0') {
		c = -1;
		if (*p == '\\' && p[1] != '\0' &&
		    (unsigned char)p[1] < 0x80 && ispunct((unsigned char)p[1])) {
			c = p[1];
			p += 2;
		} else if (*p == '\\')
			p += p[1] != '\0' ? 2 : 1;
		else if (*p == '[') {
			if ((p = filter_skip_bracket(p)) == NULL)
				return;
		} else if (*p == '(') {
			for (depth = 0; *p != '\0'; p++) {
				if (*p == '\\' && p[1] != '\0')
					p++;
				else if (*p == '[') {
					if ((p = filter_skip_bracket(p)) ==
					    NULL)
						return;
					p--;
				} else if (*p == '(')
					depth++;
				else if (*p == ')' && --depth == 0)
					break;
			}
			if (*p == '\0')
				return;
			p++;
		} else if (strchr(".^$*+?{})", *p) != NULL ||
		    (unsigned char)*p >= 0x80)
			p++;
		else
			c = (unsigned char)*p++;
		/* A quantifier after an atom makes it optional, or (for +)
		 * ends the run after it. */
		if (*p == '*' || *p == '?' || *p == '{')
			c = c == -1 ? -1 : -2;
		if (c >= 0 && n + 1 < sizeof cur)
			cur[n++] = (char)filter_lower(c);
		if (c < 0 || *p == '+' || n + 1 >= sizeof cur) {
			if (n > r->litlen) {
				memcpy(r->lit, cur, n);
				r->litlen = n;
				r->lit[n] = '\0';
			}
			n = 0;
		}
		if (*p == '{' && (p = strchr(p, '}')) == NULL) {
			r->litlen = 0;
			return;
		}
		if (*p == '*' || *p == '?' || *p == '+' || *p == '}')
			p++;
	}
	if (n > r->litlen) {
		memcpy(r->lit, cur, n);
		r->litlen = n;
		r->lit[n] = '\0';
	}
}

/* Whether s, all ASCII, holds r's literal in any case; -1 when s is not
 * all ASCII and only the matcher can say. */
static int
filter_has_literal(const struct filter_re *r, const char *s)
{
	const unsigned char	*p;
	size_t			 i;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p >= 0x80)
			return (-1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (filter_lower(*p) != (unsigned char)r->lit[0])
			continue;
		for (i = 1; i < r->litlen && p[i] != '\0' &&
		    filter_lower(p[i]) == (unsigned char)r->lit[i]; i++)
			;
		if (i == r->litlen)
			return (1);
	}
	return (0);
}

/* Whether the bytes of s at p fold to r's literal, all ASCII; -1 when
 * one of them is not ASCII, or the byte before p is not (p might not
 * start a character then). */
static int
filter_at_literal(const struct filter_re *r, const char *s, const char *p)
{
	const unsigned char	*q = (const unsigned char *)p;
	size_t			 i;
	int			 rc = 1;

	if (p > s && (unsigned char)p[-1] >= 0x80)
		return (-1);
	for (i = 0; i < r->litlen; i++) {
		if (q[i] == '\0')
			return (0);
		if (q[i] >= 0x80)
			return (-1);
		if (filter_lower(q[i]) != (unsigned char)r->lit[i])
			rc = 0;
	}
	return (rc);
}

/* The answer for a pattern that is its literal (FILTER_RE_EXACT), or -1
 * when only the matcher can say. */
static int
filter_exact(const struct filter_re *r, const char *s)
{
	size_t	 len;
	int	 rc;

	switch (r->exact & (FILTER_RE_HEAD | FILTER_RE_TAIL)) {
	case FILTER_RE_HEAD:
		return (filter_at_literal(r, s, s));
	case FILTER_RE_TAIL:
		if ((len = strlen(s)) < r->litlen)
			return (0);	/* fewer characters than it has */
		return (filter_at_literal(r, s, s + len - r->litlen));
	case FILTER_RE_HEAD | FILTER_RE_TAIL:
		if ((rc = filter_at_literal(r, s, s)) != 1)
			return (rc);
		return (s[r->litlen] == '\0');
	default:
		return (filter_has_literal(r, s));
	}
}

/* Set r->exact when pattern is r's literal alone, perhaps after ^ and
 * before $, and the matcher folds it as ASCII does. */
static void
filter_exact_setup(struct filter_re *r, const char *pattern)
{
	char		 up[FILTER_LITERAL], low[FILTER_LITERAL];
	const char	*p = pattern;
	size_t		 n = 0;
	int		 flags = 0;

	r->exact = 0;
	if (*p == '^') {
		flags |= FILTER_RE_HEAD;
		p++;
	}
	while (*p != '\0' && n + 1 < sizeof low) {
		if (*p == '\\' && p[1] != '\0' && (unsigned char)p[1] < 0x80 &&
		    ispunct((unsigned char)p[1]))
			p++;
		else if ((unsigned char)*p >= 0x80 || *p == '\\' ||
		    strchr(".[]()*+?{}|^$", *p) != NULL)
			break;
		low[n++] = (char)filter_lower((unsigned char)*p++);
	}
	if (*p == '$' && p[1] == '\0') {
		flags |= FILTER_RE_TAIL;
		p++;
	}
	low[n] = '\0';
	if (*p != '\0' || n == 0 || n != r->litlen ||
	    memcmp(low, r->lit, n) != 0)
		return;
	for (n = 0; low[n] != '\0'; n++)
		up[n] = (char)(low[n] >= 'a' && low[n] <= 'z' ?
		    low[n] - 'a' + 'A' : low[n]);
	up[n] = '\0';
	if (regexec(&r->re, low, 0, NULL, 0) == 0 &&
	    regexec(&r->re, up, 0, NULL, 0) == 0)
		r->exact = flags | FILTER_RE_EXACT;
}

/*
 * glibc's regcomp() copies an atom once for each repetition it can make,
 * and a repetition of a repetition multiplies: "a++++...+" or
 * "((a{99}){99}){99}" ask it for gigabytes. So a pattern is measured
 * first, each atom counted once times the repetitions around it ({m,n}
 * as n + 1, + as 2), and refused above FILTER_RE_SIZE, as are a
 * repetition of a repetition (undefined in POSIX) and patterns longer
 * than FILTER_RE_LEN.
 */
#define FILTER_RE_LEN	1024
#define FILTER_RE_SIZE	10000
#define FILTER_RE_DEPTH	32

/* The size of the sequence at *pp up to ")" or the end, advancing *pp;
 * -1 when it is too large or repeats a repetition. */
static long
filter_re_size(const char **pp, int depth)
{
	const char	*p = *pp, *q;
	long		 total = 0, atom, rep, m;
	char		*end;
	int		 repeated;

	if (depth > FILTER_RE_DEPTH)
		return (-1);
	while (*p != '\0' && *p != ')') {
		if (*p == '(') {
			p++;
			if ((atom = filter_re_size(&p, depth + 1)) < 0)
				return (-1);
			if (*p == ')')
				p++;
		} else if (*p == '[') {
			if ((q = filter_skip_bracket(p)) == NULL)
				return (-1);
			p = q;
			atom = 1;
		} else if (*p == '\\' && p[1] != '\0') {
			p += 2;
			atom = 1;
		} else {
			p++;
			atom = 1;
		}
		for (repeated = 0; *p == '*' || *p == '+' || *p == '?' ||
		    *p == '{'; repeated = 1) {
			if (repeated)
				return (-1);
			rep = *p == '+' ? 2 : 1;
			if (*p == '{') {
				m = strtol(p + 1, &end, 10);
				if (*end == ',')
					m = end[1] == '}' ? m : strtol(end + 1,
					    &end, 10);
				if ((q = strchr(p, '}')) == NULL || m < 0 ||
				    m > FILTER_RE_SIZE)
					return (-1);
				rep = m + 1;
				p = q;
			}
			p++;
			if (atom > FILTER_RE_SIZE / rep)
				return (-1);
			atom *= rep;
		}
		if ((total += atom) > FILTER_RE_SIZE)
			return (-1);
	}
	*pp = p;
	return (total);
}

/* The locale to run regular expressions in, or 0 for the current one. */
static locale_t
filter_locale(void)
{
	static locale_t	 utf8;
	static int	 tried;
	const char	*cs;

	/* A race here only makes two threads look the same locale up. */
	if (!tried) {
		cs = setlocale(LC_CTYPE, NULL);
		if (cs == NULL || (strstr(cs, "UTF-8") == NULL &&
		    strstr(cs, "utf8") == NULL))
			utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
		tried = 1;
	}
	return (utf8);
}

int
filter_regcomp(struct filter_re **out, const char *pattern, char **cause)
{
	struct filter_re	*r;
	locale_t		 loc = filter_locale(), old = (locale_t)0;
	const char		*q;
	char			 msg[256];
	long			 size = 0, part;
	int			 rc;

	/* An unmatched ")" is regcomp()'s to judge; what follows it is
	 * measured all the same. */
	for (q = pattern; size >= 0 && *q != '\0'; q += *q == ')') {
		if ((part = filter_re_size(&q, 0)) < 0 ||
		    (size += part) > FILTER_RE_SIZE)
			size = -1;
	}
	if (strlen(pattern) > FILTER_RE_LEN || size < 0) {
		xasprintf(cause, "regular expression too large or repeating "
		    "a repetition; at most %d bytes and %d characters once "
		    "repeated", FILTER_RE_LEN, FILTER_RE_SIZE);
		return (-1);
	}
	r = xcalloc(1, sizeof *r);
	if (loc != (locale_t)0)
		old = uselocale(loc);
	rc = regcomp(&r->re, pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB);
	if (rc != 0)
		regerror(rc, &r->re, msg, sizeof msg);
	else {
		filter_literal(r, pattern);
		filter_exact_setup(r, pattern);
	}
	if (loc != (locale_t)0)
		uselocale(old);
	if (rc != 0) {
		xasprintf(cause, "bad regular expression: %s", msg);
		free(r);
		return (-1);
	}
	*out = r;
	return (0);
}

int
filter_regexec(const struct filter_re *r, const char *s)
{
	locale_t	 loc, old = (locale_t)0;
	int		 rc;

	if (r->exact != 0) {
		if ((rc = filter_exact(r, s)) >= 0)
			return (rc);
	} else if (r->litlen > 0 && filter_has_literal(r, s) == 0)
		return (0);
	if ((loc = filter_locale()) != (locale_t)0)
		old = uselocale(loc);
	rc = regexec(&r->re, s, 0, NULL, 0);
	if (loc != (locale_t)0)
		uselocale(old);
	return (rc == 0);
}

void
filter_regfree(struct filter_re *r)
{
	if (r == NULL)
		return;
	regfree(&r->re);
	free(r);
}

static const char *const filter_sort_words[FILTER_SORT__COUNT] = {
	[FILTER_SORT_DATE] = "date",
	[FILTER_SORT_TITLE] = "title",
	[FILTER_SORT_FEED] = "feed",
	[FILTER_SORT_AUTHOR] = "author",
	[FILTER_SORT_UNREAD] = "unread",
	[FILTER_SORT_STARRED] = "starred",
	[FILTER_SORT_LINK] = "link",
	[FILTER_SORT_GUID] = "guid",
	[FILTER_SORT_RANDOM] = "random",
};

int
filter_sort_parse(const char *text, int *out)
{
	char	 alias[32];
	int	 key, asc;

	if (strncasecmp(text, "flags", 5) == 0 && (text[5] == '\0' ||
	    text[5] == '-') && strlen(text + 5) < sizeof alias - 8) {
		snprintf(alias, sizeof alias, "starred%s", text + 5);
		text = alias;
	}
	if (util_order_parse(text, filter_sort_words, FILTER_SORT__COUNT,
	    &key, &asc) != 0)
		return (-1);
	if (asc == -1)
		asc = key != FILTER_SORT_DATE && key != FILTER_SORT_UNREAD &&
		    key != FILTER_SORT_STARRED;
	*out = key | (asc ? FILTER_SORT_ASC : 0);
	return (0);
}

void
filter_sort_name(struct buf *b, int sort)
{
	int	 key = FILTER_SORT_KEY(sort);

	if (key >= FILTER_SORT__COUNT)
		key = FILTER_SORT_DATE;
	buf_addf(b, "%s-%s", filter_sort_words[key],
	    sort & FILTER_SORT_ASC ? "asc" : "desc");
}

/* The orders cycle-sort goes through, each key in its usual direction
 * first; an order set in the dotfile that is not among them goes on at
 * the next key. */
static const int filter_sort_cycle[] = {
	FILTER_SORT_DATE,
	FILTER_SORT_DATE | FILTER_SORT_ASC,
	FILTER_SORT_TITLE | FILTER_SORT_ASC,
	FILTER_SORT_TITLE,
	FILTER_SORT_FEED | FILTER_SORT_ASC,
	FILTER_SORT_AUTHOR | FILTER_SORT_ASC,
	FILTER_SORT_UNREAD,
};

int
filter_sort_next(int sort)
{
	size_t	 i, n = nitems(filter_sort_cycle);

	for (i = 0; i < n; i++)
		if (filter_sort_cycle[i] == sort)
			return (filter_sort_cycle[(i + 1) % n]);
	for (i = 0; i < n; i++)
		if (FILTER_SORT_KEY(filter_sort_cycle[i]) >
		    FILTER_SORT_KEY(sort))
			return (filter_sort_cycle[i]);
	return (filter_sort_cycle[0]);
}
