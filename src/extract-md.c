/* extract-md.c: an article's blocks as Markdown (CommonMark, with
 * GitHub's tables), for "save".
 *
 * Each block becomes what Markdown writes for it: paragraphs and
 * headings, "-" and "1." lists whose items' blocks are indented under
 * their marker, "> " quotes, fenced code (the fence longer than any run
 * of backticks inside), tables with their first row as the header,
 * images as ![alt](src) and posts as their author and date in bold
 * before their blocks. Links stay where they are, as [text](url) around
 * the spans they cover. Text is escaped so that nothing in it reads as
 * Markdown: the characters that mark emphasis, code, links and tables
 * everywhere, and those that start a heading, a list or a quote at the
 * start of a block.
 */
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "util.h"

static void	md_blocks(struct buf *, const struct article *,
		    const struct extract_block *, size_t, const char *);

/* The length of the character at s (at least 1, within the string), and
 * in *cp what may be written of it. A saved file is read with cat as
 * often as in an editor, so what the screen never shows of a feed's text
 * (see text_safe_cp(): controls, bidi controls, invalid UTF-8) is U+FFFD
 * here too, as the article's text already has it; newlines and tabs are
 * the callers'. An item's title, author and link come as the feed gave
 * them. */
static size_t
md_char(const char *s, uint32_t *cp)
{
	size_t	 n;

	if ((unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		n = 1;
	} else if ((n = utf8_decode((const unsigned char *)s,
	    strnlen(s, 4), cp)) == 0) {
		*cp = 0xfffd;
		return (1);
	}
	if (*cp != '\n' && *cp != '\t')
		*cp = text_safe_cp(*cp);
	return (n);
}

/* Append code point cp. */
static void
md_put(struct buf *b, uint32_t cp)
{
	if (cp < 0x80)
		buf_addch(b, (char)cp);
	else
		utf8_encode(b, cp);
}

/* Append text with Markdown's special characters escaped. */
void
extract_md_text(struct buf *b, const char *s)
{
	uint32_t	 cp;

	while (*s != '\0') {
		s += md_char(s, &cp);
		if (cp < 0x80 && strchr("\\`*_[]<>|", (int)cp) != NULL)
			buf_addch(b, '\\');
		md_put(b, cp == '\n' || cp == '\t' ? ' ' : cp);
	}
}

/* Append a URL for a link's destination: blanks, controls, <, >, ( and
 * ) percent-encoded, so that it never ends the link early, and so are
 * the bytes of what md_char() would replace. */
void
extract_md_url(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp, raw;
	size_t			 n, i;

	while (*p != '\0') {
		n = md_char((const char *)p, &cp);
		if (*p >= 0x80 && utf8_decode(p, n, &raw) == n && raw == cp) {
			buf_add(b, p, n);
			p += n;
			continue;
		}
		for (i = 0; i < n; i++, p++) {
			if (*p <= ' ' || *p >= 0x7f || strchr("<>()", *p) !=
			    NULL)
				buf_addf(b, "%%%02X", *p);
			else
				buf_addch(b, (char)*p);
		}
	}
}

/* The longest run of c in s. */
static size_t
md_run(const char *s, char c)
{
	size_t	 run = 0, best = 0;

	for (; *s != '\0'; s++) {
		run = *s == c ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return (best);
}

/* Append one span's text in its style. */
static void
md_span(struct buf *b, const struct extract_span *sp)
{
	size_t	 i, ticks;

	if (strcmp(sp->text, "\n") == 0) {
		buf_addstr(b, "\\\n");
		return;
	}
	if (sp->style & EXTRACT_CODE) {
		ticks = md_run(sp->text, '`') + 1;
		for (i = 0; i < ticks; i++)
			buf_addch(b, '`');
		buf_addch(b, ' ');
		for (i = 0; i < sp->len; i++)
			buf_addch(b, sp->text[i] == '\n' ? ' ' : sp->text[i]);
		buf_addch(b, ' ');
		for (i = 0; i < ticks; i++)
			buf_addch(b, '`');
		return;
	}
	if (sp->style & EXTRACT_BOLD)
		buf_addstr(b, "**");
	if (sp->style & EXTRACT_ITALIC)
		buf_addch(b, '*');
	extract_md_text(b, sp->text);
	if (sp->style & EXTRACT_ITALIC)
		buf_addch(b, '*');
	if (sp->style & EXTRACT_BOLD)
		buf_addstr(b, "**");
}

/* Append a run of spans, those of one link inside one [text](url). */
static void
md_spans(struct buf *b, const struct article *a,
    const struct extract_span *sp, size_t n)
{
	size_t	 i = 0, link;

	while (i < n) {
		link = sp[i].link;
		if (link == 0 || link > a->nlinks ||
		    strcmp(sp[i].text, "\n") == 0) {
			md_span(b, &sp[i++]);
			continue;
		}
		buf_addch(b, '[');
		for (; i < n && strcmp(sp[i].text, "\n") != 0; i++) {
			/* A blank between two parts of the link is its own. */
			if (sp[i].link != link && !(sp[i].link == 0 &&
			    strspn(sp[i].text, " ") == sp[i].len &&
			    i + 1 < n && sp[i + 1].link == link))
				break;
			md_span(b, &sp[i]);
		}
		buf_addstr(b, "](");
		extract_md_url(b, a->links[link - 1].url);
		buf_addch(b, ')');
	}
}

/* Append the spans of a block that starts a line, escaping what would
 * make it, or a line after one of its line breaks, a heading, a list
 * item, a quote, a rule or a fence. */
static void
md_line(struct buf *b, const struct article *a,
    const struct extract_block *bl)
{
	struct buf	 t = BUF_INIT;
	const char	*p, *nl;
	size_t		 d;

	md_spans(&t, a, bl->spans, bl->nspans);
	for (p = t.data; p != NULL; p = nl != NULL ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		d = strspn(p, "0123456789");
		if (*p != '\0' && strchr("#-+=>~", *p) != NULL)
			buf_addch(b, '\\');
		else if (d > 0 && (p[d] == '.' || p[d] == ')')) {
			buf_add(b, p, d);
			buf_addch(b, '\\');
			p += d;
		}
		buf_add(b, p, nl != NULL ? (size_t)(nl + 1 - p) : strlen(p));
	}
	buf_release(&t);
}

/* Append s with indent after every newline but a last one. */
static void
md_indent(struct buf *b, const char *s, size_t len, const char *indent)
{
	size_t	 i;

	for (i = 0; i < len; i++) {
		buf_addch(b, s[i]);
		if (s[i] == '\n' && i + 1 < len)
			buf_addstr(b, s[i + 1] == '\n' ? "" : indent);
	}
}

/* Append a table: its first row as the header, "|" in cells escaped. */
static void
md_table(struct buf *b, const struct article *a,
    const struct extract_block *t)
{
	const struct extract_block	*row;
	size_t				 r, c, ncols = 0;

	for (r = 0; r < t->nchildren; r++)
		if (t->children[r].nchildren > ncols)
			ncols = t->children[r].nchildren;
	if (ncols == 0)
		return;
	for (r = 0; r < t->nchildren; r++) {
		row = &t->children[r];
		buf_addch(b, '|');
		for (c = 0; c < ncols; c++) {
			buf_addch(b, ' ');
			if (c < row->nchildren)
				md_spans(b, a, row->children[c].spans,
				    row->children[c].nspans);
			buf_addstr(b, " |");
		}
		buf_addch(b, '\n');
		if (r == 0) {
			buf_addch(b, '|');
			for (c = 0; c < ncols; c++)
				buf_addstr(b, " --- |");
			buf_addch(b, '\n');
		}
	}
}

/* Append an image as ![alt](src). */
static void
md_image(struct buf *b, const struct extract_block *im)
{
	if (im->src == NULL)
		return;
	buf_addstr(b, "![");
	extract_md_text(b, im->alt);
	buf_addstr(b, "](");
	extract_md_url(b, im->src);
	buf_addstr(b, ")\n");
}

/* Append one block and the blank line after it; indent goes before
 * each line after the first (the caller wrote the first's). */
static void
md_block(struct buf *b, const struct article *a,
    const struct extract_block *bl, const char *indent)
{
	struct buf	 in = BUF_INIT, ind = BUF_INIT;
	size_t		 i, fence, start;
	int		 n;

	switch (bl->kind) {
	case EXTRACT_PARAGRAPH:
	case EXTRACT_CELL:
		md_line(&in, a, bl);
		md_indent(b, in.data, in.len, indent);
		buf_addch(b, '\n');
		break;
	case EXTRACT_CAPTION:
		buf_addch(b, '*');
		md_spans(b, a, bl->spans, bl->nspans);
		buf_addstr(b, "*\n");
		break;
	case EXTRACT_HEADING:
		for (n = 0; n < (bl->level >= 1 && bl->level <= 6 ?
		    bl->level : 2); n++)
			buf_addch(b, '#');
		buf_addch(b, ' ');
		md_spans(b, a, bl->spans, bl->nspans);
		buf_addch(b, '\n');
		break;
	case EXTRACT_PRE:
		for (i = 0; i < bl->nspans; i++)
			buf_addstr(&in, bl->spans[i].text);
		fence = md_run(in.data, '`') + 1;
		if (fence < 3)
			fence = 3;
		for (i = 0; i < fence; i++)
			buf_addch(&ind, '`');
		buf_addf(b, "%s\n%s", ind.data, indent);
		md_indent(b, in.data, in.len, indent);
		if (in.len > 0 && in.data[in.len - 1] != '\n')
			buf_addch(b, '\n');
		buf_addf(b, "%s%s\n", indent, ind.data);
		break;
	case EXTRACT_LIST:
		for (i = 0; i < bl->nchildren; i++) {
			buf_reset(&ind);
			if (i > 0)
				buf_addstr(b, indent);
			start = b->len;
			if (bl->ordered)
				buf_addf(b, "%d. ", bl->start + (int)i);
			else
				buf_addstr(b, "- ");
			buf_addf(&ind, "%s%*s", indent, (int)(b->len - start),
			    "");
			md_blocks(b, a, bl->children[i].children,
			    bl->children[i].nchildren, ind.data);
		}
		buf_release(&in);
		buf_release(&ind);
		return;			/* its items end in a blank line */
	case EXTRACT_ITEM:
	case EXTRACT_FIGURE:
	case EXTRACT_ROW:
		md_blocks(b, a, bl->children, bl->nchildren, indent);
		buf_release(&in);
		buf_release(&ind);
		return;
	case EXTRACT_QUOTE:
		buf_addf(&ind, "%s> ", indent);
		buf_addstr(b, "> ");
		md_blocks(&in, a, bl->children, bl->nchildren, "");
		while (in.len > 0 && in.data[in.len - 1] == '\n')
			in.len--;
		for (i = 0; i < in.len; i++) {
			buf_addch(b, in.data[i]);
			if (in.data[i] == '\n')
				buf_addstr(b, ind.data);
		}
		buf_addch(b, '\n');
		break;
	case EXTRACT_TABLE:
		md_table(&in, a, bl);
		md_indent(b, in.data, in.len, indent);
		break;
	case EXTRACT_IMAGE:
		md_image(b, bl);
		break;
	case EXTRACT_RULE:
		buf_addstr(b, "---\n");
		break;
	case EXTRACT_POST:
		if (bl->author != NULL || bl->date != NULL) {
			buf_addstr(b, "**");
			if (bl->author != NULL)
				extract_md_text(b, bl->author);
			if (bl->author != NULL && bl->date != NULL)
				buf_addstr(b, ", ");
			if (bl->date != NULL)
				extract_md_text(b, bl->date);
			buf_addstr(b, "**\n\n");
			buf_addstr(b, indent);
		}
		md_blocks(b, a, bl->children, bl->nchildren, indent);
		buf_release(&in);
		buf_release(&ind);
		return;
	}
	buf_addch(b, '\n');
	buf_release(&in);
	buf_release(&ind);
}

/* Append blocks in turn, each after indent but the first. */
static void
md_blocks(struct buf *b, const struct article *a,
    const struct extract_block *bl, size_t n, const char *indent)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addstr(b, indent);
		md_block(b, a, &bl[i], indent);
	}
}

/* Append the article's body as Markdown (see extract.h). */
void
extract_markdown(const struct article *a, struct buf *b)
{
	md_blocks(b, a, a->blocks, a->nblocks, "");
	while (b->len >= 2 && b->data[b->len - 1] == '\n' &&
	    b->data[b->len - 2] == '\n')
		buf_truncate(b, b->len - 1);
}
