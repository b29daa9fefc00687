/* html.h: a tokenizer over raw HTML bytes, ahead of a real parser. */
#ifndef TIDINGS_HTML_H
#define TIDINGS_HTML_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * A tag as written. name and attrs point into the scanned bytes (not
 * NUL-terminated), which must outlive the tag.
 */
struct html_tag {
	const char	*name;
	size_t		 namelen;
	const char	*attrs;		/* from after the name to before '>' */
	size_t		 attrslen;
	size_t		 end;		/* offset just past '>' */
	int		 closing;	/* </name> */
	int		 selfclosing;	/* <name ... /> */
};

/*
 * Decode the character reference that starts s (s[0] == '&'), len bytes
 * in all: a named one of HTML 4 or one of the HTML5 names seen in the
 * wild, with its ';', or a numeric one, with or without. Return its
 * length and set *cp, or return 0 when it is no reference (a bare
 * ampersand, or a name HTML does not define). NUL, surrogates and values
 * past U+10FFFF become U+FFFD; &#128; to &#159; are windows-1252, as
 * browsers read them.
 */
size_t		 html_charref(const char *s, size_t len, uint32_t *cp);

/* The windows-1252 byte that stands for code point cp (U+0000 to U+00FF
 * stand for their own value), or -1 when none does. */
int		 html_cp1252_byte(uint32_t cp);

/*
 * Repair in place the len bytes of UTF-8 at s when they are UTF-8 that
 * was read once more as windows-1252 (or ISO-8859-1) and encoded again,
 * "caf\xc3\x83\xc2\xa9" for "caf\xc3\xa9": when every character past
 * ASCII maps back to a windows-1252 byte and those bytes make valid
 * UTF-8, the whole text was double-encoded. A single character that does
 * not fit means it was not, and the text is left as it is; so does one
 * whose repair would give a lone ideograph beside an ASCII letter
 * (accented Latin text that happens to spell one). Return the
 * new length (len when nothing changed; never more); s is not ended.
 */
size_t		 html_undouble(char *s, size_t len);

/*
 * Repair in place each text between the tags of the UTF-8 page in b
 * that was double-encoded (html_undouble(), a text at a time: a page
 * that went through one wrong conversion shows "donâ€™t" in every
 * paragraph). Before the HTML parser: it turns the C1 controls such text
 * holds into U+FFFD, and the repair can no longer be made after.
 */
void		 html_undouble_text(struct buf *b);

/*
 * Scan the tag that starts at s[at] == '<' (len bytes in all) into *t.
 * Return 1, or 0 when the '<' does not open a tag (no letter after "<" or
 * "</"). A tag cut off by the end of s ends there (t->end == len).
 */
int		 html_tag_scan(const char *s, size_t len, size_t at,
		     struct html_tag *t);

/* Is the tag's name w (lower case), ignoring ASCII case? */
int		 html_tag_is(const struct html_tag *t, const char *w);

/*
 * Find the attribute name (lower case) of a tag. Return 1 and set *val
 * and *vlen to its raw value (quotes taken off, character references
 * left as written; "" for an attribute without a value), or 0.
 */
int		 html_tag_attr(const struct html_tag *t, const char *name,
		     const char **val, size_t *vlen);

/*
 * The offset of the end tag </name> (name in lower case) at or after
 * from, or len when there is none. *after is set just past its '>' (len
 * when there is none).
 */
size_t		 html_end_tag(const char *s, size_t len, size_t from,
		     const char *name, size_t *after);

/* The offset just past the comment starting at s[at] ("<!--"); len when
 * it is not closed. */
size_t		 html_skip_comment(const char *s, size_t len, size_t at);

/*
 * The charset a page declares in a <meta> of its head (charset=, or an
 * http-equiv content-type), looked for in the first 64 KiB. Return a
 * newly allocated lower-case label (the caller frees it; a page in
 * ASCII bytes that says UTF-16 gets "utf-8"), or NULL.
 */
char		*html_meta_charset(const char *s, size_t len);

/*
 * Append the UTF-8 page s to out without the elements that are never
 * read (script, style, noscript, template, svg, math), and append the
 * text of every JSON-LD script to ld, each as a NUL-terminated string.
 * The contents of other raw-text elements (textarea, title, iframe...)
 * are kept as they are. Start tags nested deeper than 512 are dropped
 * too, their text kept: a parser's time can grow with the square of the
 * nesting depth.
 */
void		 html_strip(const char *s, size_t len, struct buf *out,
		     struct buf *ld);

#endif /* TIDINGS_HTML_H */
