/* json.h: a lenient JSON reader, for what pages and feeds embed. */
#ifndef TIDINGS_JSON_H
#define TIDINGS_JSON_H

#include <stddef.h>

enum json_type {
	JSON_NULL,
	JSON_BOOL,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

/*
 * A value. Strings are NUL-terminated, their escapes decoded to UTF-8
 * (\r, \b and \f read as a space, a lone surrogate as U+FFFD) and their
 * other bytes copied as they are; numbers, true, false and null keep
 * their text in str as written.
 */
struct json {
	enum json_type	 type;
	const char	*str;		/* STRING, NUMBER, BOOL, NULL: text */
	size_t		 n;		/* ARRAY, OBJECT: members */
	struct json	*v;		/* ARRAY, OBJECT: values */
	const char	**k;		/* OBJECT: keys */
};

/*
 * Parse the first JSON value of s (len bytes, no NUL needed), nested at
 * most 48 deep. Errors are forgiven where the intent is clear (trailing
 * or repeated commas, raw control characters in strings). Every string
 * and array of *out comes from alloc(ctx, n), which must return n bytes
 * aligned for any object and never NULL; nothing is freed one by one, so
 * alloc is meant to be an arena's. Return 0, or -1 on a syntax error:
 * *out then holds what was read before it (a partial value still helps).
 */
int		 json_parse(const char *s, size_t len,
		     void *(*alloc)(void *ctx, size_t n), void *ctx,
		     struct json *out);

/* The value of member key of object o, or NULL when o is NULL, not an
 * object or without key (the first one wins when repeated). */
const struct json *json_get(const struct json *o, const char *key);

/*
 * An arena for json_parse(): every block it hands out is freed at once
 * by json_arena_release(). Start from a zeroed struct. Set secret, while
 * it is empty, for an answer that carries a secret (a session): the parse
 * then keeps its scratch in a secret's buffer (buf.h), and the release
 * wipes every block before it frees it, and clears secret.
 */
struct json_arena {
	void		**v;
	size_t		 *len;		/* each block's size */
	size_t		  n, cap;
	int		  secret;
};
void	*json_arena_alloc(void *arena, size_t n);
void	 json_arena_release(struct json_arena *);

#endif /* TIDINGS_JSON_H */
