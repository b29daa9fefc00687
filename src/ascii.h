/*
 * ascii.h: character tests and case-insensitive comparisons in ASCII,
 * whatever the locale (markup, URLs, dates and JSON are ASCII where it
 * matters; bytes >= 0x80 are never letters, digits or space here).
 * Header only: the parsers call these in their inner loops.
 */
#ifndef TIDINGS_ASCII_H
#define TIDINGS_ASCII_H

#include <stddef.h>
#include <string.h>

/* c in lower case when it is an ASCII capital. */
static inline int
ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* Is c HTML whitespace? */
static inline int
ascii_isspace(int c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

/* Is c an ASCII letter? */
static inline int
ascii_isalpha(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* Is c an ASCII digit? */
static inline int
ascii_isdigit(int c)
{
	return (c >= '0' && c <= '9');
}

/* Is c an ASCII letter or digit? */
static inline int
ascii_isalnum(int c)
{
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

/* Compare n bytes of s with the lower-case word w, ignoring ASCII case. */
static inline int
ascii_eq_lower(const char *s, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)s[i]) != (unsigned char)w[i])
			return (0);
	return (1);
}

/* Compare n bytes of a and b, ignoring ASCII case. */
static inline int
ascii_eq_nocase(const char *a, const char *b, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
			return (0);
	return (1);
}

/* Find needle in s (len bytes), ignoring ASCII case. */
static inline const char *
ascii_find_nocase(const char *s, size_t len, const char *needle)
{
	size_t	 n = strlen(needle), i;
	int	 c;

	if (n == 0 || n > len)
		return (NULL);
	c = ascii_lower((unsigned char)needle[0]);
	for (i = 0; i + n <= len; i++)
		if (ascii_lower((unsigned char)s[i]) == c &&
		    ascii_eq_nocase(s + i, needle, n))
			return (s + i);
	return (NULL);
}

#endif /* TIDINGS_ASCII_H */
