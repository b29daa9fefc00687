/* buf.h: a growable byte buffer.
 *
 * After BUF_INIT, data is never NULL and data[len] is always '\0', so data can
 * go to any C string function. The bytes may contain NULs: prefer len to
 * strlen(). Growth is overflow-checked; running out of memory is fatal. */
#ifndef TIDINGS_BUF_H
#define TIDINGS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;		/* private; 0 while data points at buf_empty */
	int	 secret;	/* private; see BUF_SECRET_INIT */
};

extern char	 buf_empty[1];
#define BUF_INIT { buf_empty, 0, 0, 0 }

/*
 * A buffer for a secret (a password, a token, a request or an answer that
 * holds one): its bytes never linger in freed memory. Growing it copies
 * them to a new block and wipes the old one where realloc() would leave
 * a copy behind; what buf_truncate() and buf_reset() cut off, and what
 * buf_release() frees, is wiped first. It stays a secret's buffer after
 * buf_release() and buf_detach(); the caller of buf_detach() wipes what
 * it got. buf_secret() makes an empty buffer one.
 */
#define BUF_SECRET_INIT { buf_empty, 0, 0, 1 }
void	 buf_secret(struct buf *);

/* Wipe every byte b ever held in its memory, then release it, whether it
 * is a secret's buffer or not. */
void	 buf_wipe(struct buf *);

void	 buf_init(struct buf *);
void	 buf_grow(struct buf *, size_t more);	/* room for more bytes + NUL */
void	 buf_add(struct buf *, const void *, size_t);
void	 buf_addstr(struct buf *, const char *);
void	 buf_addch(struct buf *, int);
void	 buf_addf(struct buf *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
void	 buf_vaddf(struct buf *, const char *, va_list)
	     __attribute__((format(printf, 2, 0)));
void	 buf_truncate(struct buf *, size_t len);	/* len <= b->len */
void	 buf_reset(struct buf *);		/* len = 0, keeps the memory */
char	*buf_detach(struct buf *, size_t *);	/* caller owns it; b is BUF_INIT */
void	 buf_release(struct buf *);		/* frees; b is BUF_INIT again */

/* Append s (len bytes of UTF-8) as a JSON string literal, quotes included.
 * Invalid UTF-8 becomes U+FFFD so the output is always valid JSON. A NULL s
 * appends null. */
void	 buf_add_json(struct buf *, const char *s, size_t len);
void	 buf_add_jsonstr(struct buf *, const char *s);	/* NULL-safe */

/* Append ids[0..n) in decimal, separated by commas ("1,2,3"): the body
 * of a JSON array of them, or a server's list of ids in one string. */
void	 buf_add_ids(struct buf *, const int64_t *ids, size_t n);

/* Append s with &, <, >, " escaped for HTML or XML text and attributes. */
void	 buf_add_xml(struct buf *, const char *s);

#endif /* TIDINGS_BUF_H */
