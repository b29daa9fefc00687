/* charset.h: bytes in any declared character set -> valid UTF-8. */
#ifndef TIDINGS_CHARSET_H
#define TIDINGS_CHARSET_H

#include <stddef.h>

struct buf;

/*
 * Append len bytes of text in character set label to out as UTF-8. label
 * is a WHATWG encoding label ("utf-8", "latin1", "Shift_JIS", ...) or NULL
 * for UTF-8; ISO-8859-1 and US-ASCII labels are read as windows-1252, as
 * browsers do. A byte order mark wins over the label and is dropped.
 * Invalid or unmappable bytes become U+FFFD; NUL bytes become U+FFFD too.
 * An unknown label is treated as UTF-8. Return 0, or -1 if the label was
 * unknown (the text is still converted).
 */
int	 charset_to_utf8(const char *data, size_t len, const char *label,
	     struct buf *out);

/*
 * Tell how len bytes read as UTF-8: 1 when they are valid (and hold no NUL),
 * 0 when they hold valid multi-byte sequences and invalid bytes too (UTF-8
 * with errors), -1 when they hold invalid bytes and no multi-byte sequence
 * at all (text in some legacy 8-bit encoding).
 */
int	 charset_sniff_utf8(const char *data, size_t len);

/*
 * Decode an XML document (a feed, an OPML file) of len bytes to UTF-8.
 * charset, the HTTP one (NULL or "" when there is none), wins over the
 * encoding= of the XML declaration (RFC 7303), and a byte order mark
 * over both. But when what claims to be UTF-8 is not, the declaration is
 * believed instead, and without one, bytes that never form a UTF-8
 * sequence are read as windows-1252, as feedparser and browsers do; in
 * UTF-8 with such bytes here and there, those bytes alone are.
 * Return 1, with nothing appended, when data is valid UTF-8 already and
 * can be read where it is; else append it as UTF-8 to out and return 0.
 */
int	 charset_xml_to_utf8(const char *data, size_t len,
	     const char *charset, struct buf *out);

/* Find the charset parameter of a Content-Type header value. Return a
 * newly allocated lower-case label, or NULL when there is none. */
char	*charset_from_content_type(const char *content_type);

#endif /* TIDINGS_CHARSET_H */
