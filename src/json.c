/*
 * json.c: a lenient JSON reader. Pages write JSON-LD by hand and
 * templates get it wrong (trailing commas, raw newlines in strings), so
 * anything that can be read is read: a syntax error ends the value where
 * it is, with what came before it kept.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "json.h"
#include "util.h"

struct json_parser {
	const char		*s;
	size_t			 len;
	size_t			 i;
	void			*(*alloc)(void *, size_t);
	void			*ctx;
	struct buf		 tmp;
};

#define JSON_DEPTH	48

/* Copy n bytes of s into the caller's memory as a C string. */
static char *
json_strndup(struct json_parser *jp, const char *s, size_t n)
{
	char	*p;

	p = jp->alloc(jp->ctx, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return (p);
}

/* Skip whitespace. */
static void
json_ws(struct json_parser *jp)
{
	while (jp->i < jp->len && ascii_isspace((unsigned char)jp->s[jp->i]))
		jp->i++;
}

/* Read four hex digits at s[*i]; -1 if they are not there. */
static long
json_hex4(const char *s, size_t len, size_t i)
{
	long	 v = 0;
	size_t	 k;
	int	 c;

	if (i + 4 > len)
		return (-1);
	for (k = 0; k < 4; k++) {
		c = (unsigned char)s[i + k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return (-1);
	}
	return (v);
}

/* Read a string at s[i] == '"' into the caller's memory. */
static const char *
json_string(struct json_parser *jp)
{
	const char	*s = jp->s;
	long		 cp, lo;
	char		 c;

	buf_reset(&jp->tmp);
	jp->i++;
	while (jp->i < jp->len && s[jp->i] != '"') {
		c = s[jp->i++];
		if (c != '\\') {
			buf_addch(&jp->tmp, c);
			continue;
		}
		if (jp->i >= jp->len)
			break;
		c = s[jp->i++];
		switch (c) {
		case 'n':
			buf_addch(&jp->tmp, '\n');
			break;
		case 't':
			buf_addch(&jp->tmp, '\t');
			break;
		case 'r':
		case 'b':
		case 'f':
			buf_addch(&jp->tmp, ' ');
			break;
		case 'u':
			cp = json_hex4(s, jp->len, jp->i);
			if (cp < 0)
				break;
			jp->i += 4;
			if (cp >= 0xd800 && cp <= 0xdbff &&
			    jp->i + 6 <= jp->len && s[jp->i] == '\\' &&
			    s[jp->i + 1] == 'u' &&
			    (lo = json_hex4(s, jp->len, jp->i + 2)) >= 0xdc00 &&
			    lo <= 0xdfff) {
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				    (lo - 0xdc00);
				jp->i += 6;
			}
			utf8_encode(&jp->tmp, (uint32_t)cp);
			break;
		default:
			buf_addch(&jp->tmp, c);
			break;
		}
	}
	if (jp->i < jp->len)
		jp->i++;
	return (json_strndup(jp, jp->tmp.data, jp->tmp.len));
}

/* Read one value into *out. Return 0, or -1 on a syntax error. */
static int
json_value(struct json_parser *jp, struct json *out, int depth)
{
	struct json	*v = NULL, item;
	const char	**k = NULL, *key;
	size_t		 n = 0, cap = 0, start;
	int		 obj, rc = 0;
	char		 c;

	memset(out, 0, sizeof *out);
	json_ws(jp);
	if (jp->i >= jp->len || depth > JSON_DEPTH)
		return (-1);
	c = jp->s[jp->i];
	if (c == '"') {
		out->type = JSON_STRING;
		out->str = json_string(jp);
		return (0);
	}
	if (c == '{' || c == '[') {
		obj = c == '{';
		out->type = obj ? JSON_OBJECT : JSON_ARRAY;
		jp->i++;
		for (;;) {
			json_ws(jp);
			if (jp->i >= jp->len) {
				rc = -1;
				break;
			}
			c = jp->s[jp->i];
			if (c == (obj ? '}' : ']')) {
				jp->i++;
				break;
			}
			if (c == ',') {
				jp->i++;
				continue;
			}
			key = NULL;
			if (obj) {
				if (c != '"') {
					rc = -1;
					break;
				}
				key = json_string(jp);
				json_ws(jp);
				if (jp->i >= jp->len || jp->s[jp->i] != ':') {
					rc = -1;
					break;
				}
				jp->i++;
			}
			if (json_value(jp, &item, depth + 1) != 0) {
				rc = -1;
				break;
			}
			if (n == cap) {
				cap = cap == 0 ? 8 : cap * 2;
				v = xreallocarray(v, cap, sizeof *v);
				if (obj)
					k = xreallocarray(k, cap, sizeof *k);
			}
			if (obj)
				k[n] = key;
			v[n++] = item;
		}
		out->n = n;
		if (n > 0) {
			out->v = jp->alloc(jp->ctx, n * sizeof *v);
			memcpy(out->v, v, n * sizeof *v);
			if (obj) {
				out->k = jp->alloc(jp->ctx, n * sizeof *k);
				memcpy(out->k, k, n * sizeof *k);
			}
		}
		free(v);
		free(k);
		return (rc);
	}
	start = jp->i;
	while (jp->i < jp->len && !ascii_isspace((unsigned char)jp->s[jp->i]) &&
	    jp->s[jp->i] != ',' && jp->s[jp->i] != '}' && jp->s[jp->i] != ']')
		jp->i++;
	if (jp->i == start)
		return (-1);
	out->str = json_strndup(jp, jp->s + start, jp->i - start);
	if (strcmp(out->str, "null") == 0)
		out->type = JSON_NULL;
	else if (strcmp(out->str, "true") == 0 ||
	    strcmp(out->str, "false") == 0)
		out->type = JSON_BOOL;
	else
		out->type = JSON_NUMBER;
	return (0);
}

/* Parse one JSON value (see json.h). */
int
json_parse(const char *s, size_t len, void *(*alloc)(void *, size_t),
    void *ctx, struct json *out)
{
	struct json_parser	 jp;
	int			 rc;

	jp.s = s;
	jp.len = len;
	jp.i = 0;
	jp.alloc = alloc;
	jp.ctx = ctx;
	buf_init(&jp.tmp);
	/* A secret's arena: the strings pass through tmp first. */
	if (alloc == json_arena_alloc && ((struct json_arena *)ctx)->secret)
		buf_secret(&jp.tmp);
	rc = json_value(&jp, out, 0);
	buf_release(&jp.tmp);
	return (rc);
}

/* The member key of an object, or NULL. */
const struct json *
json_get(const struct json *o, const char *key)
{
	size_t	 i;

	if (o == NULL || o->type != JSON_OBJECT)
		return (NULL);
	for (i = 0; i < o->n; i++)
		if (strcmp(o->k[i], key) == 0)
			return (&o->v[i]);
	return (NULL);
}

/* Allocate n bytes from the arena (json_parse()'s allocator). */
void *
json_arena_alloc(void *ctx, size_t n)
{
	struct json_arena	*a = ctx;

	if (a->n == a->cap) {
		a->cap = a->cap == 0 ? 64 : a->cap * 2;
		a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
		a->len = xreallocarray(a->len, a->cap, sizeof *a->len);
	}
	a->len[a->n] = n == 0 ? 1 : n;
	return (a->v[a->n++] = xmalloc(n == 0 ? 1 : n));
}

/* Free every block of the arena, a secret's wiped first, and empty it. */
void
json_arena_release(struct json_arena *a)
{
	size_t	 i;

	for (i = 0; i < a->n; i++) {
		if (a->secret)
			explicit_bzero(a->v[i], a->len[i]);
		free(a->v[i]);
	}
	free(a->v);
	free(a->len);
	a->v = NULL;
	a->len = NULL;
	a->n = a->cap = 0;
	a->secret = 0;
}
