/* buf.c: a growable byte buffer (see buf.h). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "util.h"

char	 buf_empty[1];

/* Set b to the empty buffer. */
void
buf_init(struct buf *b)
{
	b->data = buf_empty;
	b->len = 0;
	b->cap = 0;
	b->secret = 0;
}

/* Make the empty buffer b a secret's. */
void
buf_secret(struct buf *b)
{
	if (b->cap != 0)
		fatalx("buf_secret: the buffer holds bytes already");
	b->secret = 1;
}

/* Move a secret's bytes to a block of cap bytes, wiping the old one. */
static void
buf_move(struct buf *b, size_t cap)
{
	char	*p;

	p = xmalloc(cap);
	memcpy(p, b->data, b->len + 1);
	explicit_bzero(b->data, b->cap);
	free(b->data);
	b->data = p;
}

/* Make room for more bytes and the NUL; die rather than overflow. */
void
buf_grow(struct buf *b, size_t more)
{
	size_t	 need, cap;

	if (more >= SIZE_MAX - b->len)
		fatalx("buf: %zu + %zu bytes overflows", b->len, more);
	need = b->len + more + 1;
	if (need <= b->cap)
		return;
	cap = b->cap != 0 ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	if (b->cap == 0) {
		b->data = xmalloc(cap);
		b->data[0] = '\0';
	} else if (b->secret)
		buf_move(b, cap);
	else
		b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

/* Append len bytes. */
void
buf_add(struct buf *b, const void *p, size_t len)
{
	if (len == 0)
		return;
	buf_grow(b, len);
	memcpy(b->data + b->len, p, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* Append a C string. */
void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append one byte. */
void
buf_addch(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

/* Append printf-formatted text. */
void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(b->data + b->len, b->cap > b->len ? b->cap - b->len : 0,
	    fmt, ap2);
	va_end(ap2);
	if (n < 0)
		fatal("vsnprintf");
	if (b->cap == 0 || (size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
		if (n < 0)
			fatal("vsnprintf");
	}
	b->len += (size_t)n;
}

/* Append printf-formatted text. */
void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

/* Cut the buffer to len bytes. */
void
buf_truncate(struct buf *b, size_t len)
{
	if (len > b->len)
		fatalx("buf_truncate: %zu > %zu", len, b->len);
	if (b->cap == 0)
		return;
	if (b->secret)
		explicit_bzero(b->data + len, b->cap - len);
	b->len = len;
	b->data[len] = '\0';
}

/* Empty the buffer but keep its memory. */
void
buf_reset(struct buf *b)
{
	buf_truncate(b, 0);
}

/* Hand the bytes to the caller (always a heap string) and reset b. */
char *
buf_detach(struct buf *b, size_t *len)
{
	char	*p;
	int	 secret = b->secret;

	if (b->cap == 0)
		buf_grow(b, 0);
	p = b->data;
	if (len != NULL)
		*len = b->len;
	buf_init(b);
	b->secret = secret;
	return (p);
}

/* Free the memory and reset b; a secret's bytes are wiped first. */
void
buf_release(struct buf *b)
{
	int	 secret = b->secret;

	if (secret)
		buf_wipe(b);
	else if (b->cap != 0)
		free(b->data);
	buf_init(b);
	b->secret = secret;
}

/* Wipe the memory, every byte of it, free it and reset b. */
void
buf_wipe(struct buf *b)
{
	int	 secret = b->secret;

	if (b->cap != 0) {
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	buf_init(b);
	b->secret = secret;
}

/* Append s as a JSON string; invalid UTF-8 becomes U+FFFD. */
void
buf_add_json(struct buf *b, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *end;
	size_t			 n;
	uint32_t		 cp;

	if (s == NULL) {
		buf_addstr(b, "null");
		return;
	}
	/* Only now: NULL + 0 is undefined in C, and clang's UBSan says so. */
	end = p + len;
	buf_addch(b, '"');
	while (p < end) {
		if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\') {
			const unsigned char *q = p;

			while (q < end && *q >= 0x20 && *q < 0x7f && *q != '"' &&
			    *q != '\\')
				q++;
			buf_add(b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		switch (*p) {
		case '"':
			buf_addstr(b, "\\\"");
			p++;
			continue;
		case '\\':
			buf_addstr(b, "\\\\");
			p++;
			continue;
		case '\n':
			buf_addstr(b, "\\n");
			p++;
			continue;
		case '\r':
			buf_addstr(b, "\\r");
			p++;
			continue;
		case '\t':
			buf_addstr(b, "\\t");
			p++;
			continue;
		}
		if (*p < 0x20 || *p == 0x7f) {
			buf_addf(b, "\\u%04x", *p);
			p++;
			continue;
		}
		n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			buf_addstr(b, "\xef\xbf\xbd");
			p++;
			continue;
		}
		/* JSON allows DEL and the C1 controls raw, but the output of
		 * "tidings parse-feed" often lands on a terminal, where
		 * U+009B is a CSI as ESC [ is. Escaped, it reads the same. */
		if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029)
			buf_addf(b, "\\u%04x", (unsigned)cp);
		else
			buf_add(b, p, n);
		p += n;
	}
	buf_addch(b, '"');
}

/* Append a NUL-terminated string (or null) as JSON. */
void
buf_add_jsonstr(struct buf *b, const char *s)
{
	buf_add_json(b, s, s == NULL ? 0 : strlen(s));
}

void
buf_add_ids(struct buf *b, const int64_t *ids, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_addf(b, "%s%lld", i > 0 ? "," : "", (long long)ids[i]);
}

/* Append s escaped for XML text and attribute values. */
void
buf_add_xml(struct buf *b, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_addstr(b, "&amp;");
			break;
		case '<':
			buf_addstr(b, "&lt;");
			break;
		case '>':
			buf_addstr(b, "&gt;");
			break;
		case '"':
			buf_addstr(b, "&quot;");
			break;
		default:
			buf_addch(b, *s);
		}
	}
}
