/*
 * extract-out.c: an extracted article written out as plain text, JSON
 * or clean HTML.
 */
#include "buf.h"
#include "extract.h"
#include "util.h"

/* Append a block's spans as plain text ("\n" spans are line breaks). */
static void
text_spans(const struct extract_block *b, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < b->nspans; i++)
		buf_add(out, b->spans[i].text, b->spans[i].len);
}

/* Append one block as plain text; sep goes before it unless it is the
 * first thing written. */
static void
text_block(const struct extract_block *b, struct buf *out, const char *sep)
{
	size_t	 i, k;

	switch (b->kind) {
	case EXTRACT_PARAGRAPH:
	case EXTRACT_HEADING:
	case EXTRACT_PRE:
		if (b->nspans == 0)
			return;
		if (out->len > 0)
			buf_addstr(out, sep);
		text_spans(b, out);
		break;
	case EXTRACT_LIST:
		for (i = 0; i < b->nchildren; i++)
			for (k = 0; k < b->children[i].nchildren; k++)
				text_block(&b->children[i].children[k], out,
				    k == 0 && i == 0 ? sep : "\n");
		break;
	case EXTRACT_QUOTE:
	case EXTRACT_ITEM:
		for (i = 0; i < b->nchildren; i++)
			text_block(&b->children[i], out, i == 0 ? sep : "\n\n");
		break;
	case EXTRACT_POST:
		/* "alice\nFeb 20, 2024\n\n" and the post. */
		if (b->author != NULL || b->date != NULL) {
			if (out->len > 0)
				buf_addstr(out, sep);
			if (b->author != NULL)
				buf_addstr(out, b->author);
			if (b->author != NULL && b->date != NULL)
				buf_addch(out, '\n');
			if (b->date != NULL)
				buf_addstr(out, b->date);
		}
		for (i = 0; i < b->nchildren; i++)
			text_block(&b->children[i], out, "\n\n");
		break;
	case EXTRACT_TABLE:
		for (i = 0; i < b->nchildren; i++) {
			if (out->len > 0)
				buf_addstr(out, i == 0 ? sep : "\n");
			for (k = 0; k < b->children[i].nchildren; k++) {
				if (k > 0)
					buf_addch(out, '\t');
				text_spans(&b->children[i].children[k], out);
			}
		}
		break;
	default:
		break;		/* figures, images, rules: not prose */
	}
}

/* Append the body as plain text. */
void
extract_text(const struct article *art, struct buf *out)
{
	struct buf	 tmp = BUF_INIT;
	size_t		 i;

	/* Built apart so the first block knows it is first. */
	for (i = 0; i < art->nblocks; i++)
		text_block(&art->blocks[i], &tmp, "\n\n");
	buf_add(out, tmp.data, tmp.len);
	buf_release(&tmp);
}

/* Append the article as the JSON object of `tidings extract --format json`. */
void
extract_json(const struct article *art, struct buf *out)
{
	struct buf	 text = BUF_INIT;
	char		 date[32];
	size_t		 i;

	buf_addstr(out, "{\"title\": ");
	buf_add_jsonstr(out, art->title);
	buf_addstr(out, ", \"byline\": ");
	buf_add_jsonstr(out, art->byline);
	buf_addstr(out, ", \"published\": ");
	if (art->has_published) {
		time_rfc3339(art->published, date, sizeof date);
		buf_add_jsonstr(out, date);
	} else
		buf_addstr(out, "null");
	buf_addstr(out, ", \"site_name\": ");
	buf_add_jsonstr(out, art->site_name);
	buf_addstr(out, ", \"lead_image\": ");
	buf_add_jsonstr(out, art->lead_image);
	extract_text(art, &text);
	buf_addstr(out, ", \"text\": ");
	buf_add_json(out, text.data, text.len);
	buf_release(&text);
	buf_addstr(out, ", \"links\": [");
	for (i = 0; i < art->nlinks; i++) {
		buf_addstr(out, i > 0 ? ", {\"url\": " : "{\"url\": ");
		buf_add_jsonstr(out, art->links[i].url);
		buf_addstr(out, ", \"text\": ");
		buf_add_jsonstr(out, art->links[i].text);
		buf_addch(out, '}');
	}
	buf_addstr(out, "]}\n");
}

/* Append spans as HTML: styles, links and line breaks. */
static void
html_spans(const struct article *art, const struct extract_block *b,
    struct buf *out)
{
	const struct extract_span	*s;
	size_t				 i;

	for (i = 0; i < b->nspans; i++) {
		s = &b->spans[i];
		if (s->text[0] == '\n' && b->kind != EXTRACT_PRE) {
			buf_addstr(out, "<br>");
			continue;
		}
		if (s->link > 0 && s->link <= art->nlinks) {
			buf_addstr(out, "<a href=\"");
			buf_add_xml(out, art->links[s->link - 1].url);
			buf_addstr(out, "\">");
		}
		if (s->style & EXTRACT_BOLD)
			buf_addstr(out, "<strong>");
		if (s->style & EXTRACT_ITALIC)
			buf_addstr(out, "<em>");
		if ((s->style & EXTRACT_CODE) && b->kind != EXTRACT_PRE)
			buf_addstr(out, "<code>");
		buf_add_xml(out, s->text);
		if ((s->style & EXTRACT_CODE) && b->kind != EXTRACT_PRE)
			buf_addstr(out, "</code>");
		if (s->style & EXTRACT_ITALIC)
			buf_addstr(out, "</em>");
		if (s->style & EXTRACT_BOLD)
			buf_addstr(out, "</strong>");
		if (s->link > 0 && s->link <= art->nlinks)
			buf_addstr(out, "</a>");
	}
}

/* The tags of the blocks written the same way: a text block around its
 * spans, or a container around its children. */
static const struct {
	const char	*open;
	const char	*close;
} html_tags[] = {
	[EXTRACT_PARAGRAPH] = { "<p>", "</p>\n" },
	[EXTRACT_PRE] = { "<pre>", "</pre>\n" },
	[EXTRACT_CAPTION] = { "<figcaption>", "</figcaption>\n" },
	[EXTRACT_QUOTE] = { "<blockquote>\n", "</blockquote>\n" },
	[EXTRACT_TABLE] = { "<table>\n", "</table>\n" },
	[EXTRACT_ROW] = { "<tr>", "</tr>\n" },
	[EXTRACT_FIGURE] = { "<figure>\n", "</figure>\n" },
};

/* Append one block (and its children) as HTML. */
static void
html_block(const struct article *art, const struct extract_block *b,
    struct buf *out)
{
	char	 date[32];
	size_t	 i;

	switch (b->kind) {
	case EXTRACT_PARAGRAPH:
	case EXTRACT_PRE:
	case EXTRACT_CAPTION:
		buf_addstr(out, html_tags[b->kind].open);
		html_spans(art, b, out);
		buf_addstr(out, html_tags[b->kind].close);
		break;
	case EXTRACT_HEADING:
		buf_addf(out, "<h%d>", b->level);
		html_spans(art, b, out);
		buf_addf(out, "</h%d>\n", b->level);
		break;
	case EXTRACT_CELL:
		buf_addstr(out, b->header ? "<th>" : "<td>");
		html_spans(art, b, out);
		buf_addstr(out, b->header ? "</th>" : "</td>");
		break;
	case EXTRACT_LIST:
		if (b->ordered && b->start != 1)
			buf_addf(out, "<ol start=\"%d\">\n", b->start);
		else
			buf_addstr(out, b->ordered ? "<ol>\n" : "<ul>\n");
		for (i = 0; i < b->nchildren; i++)
			html_block(art, &b->children[i], out);
		buf_addstr(out, b->ordered ? "</ol>\n" : "</ul>\n");
		break;
	case EXTRACT_ITEM:
		buf_addstr(out, "<li>");
		for (i = 0; i < b->nchildren; i++) {
			if (b->nchildren == 1 &&
			    b->children[i].kind == EXTRACT_PARAGRAPH)
				html_spans(art, &b->children[i], out);
			else
				html_block(art, &b->children[i], out);
		}
		buf_addstr(out, "</li>\n");
		break;
	case EXTRACT_QUOTE:
	case EXTRACT_TABLE:
	case EXTRACT_ROW:
	case EXTRACT_FIGURE:
		buf_addstr(out, html_tags[b->kind].open);
		for (i = 0; i < b->nchildren; i++)
			html_block(art, &b->children[i], out);
		buf_addstr(out, html_tags[b->kind].close);
		break;
	case EXTRACT_IMAGE:
		buf_addstr(out, "<img src=\"");
		buf_add_xml(out, b->src);
		buf_addstr(out, "\" alt=\"");
		buf_add_xml(out, b->alt);
		buf_addstr(out, "\">\n");
		break;
	case EXTRACT_RULE:
		buf_addstr(out, "<hr>\n");
		break;
	case EXTRACT_POST:
		buf_addstr(out, "<article>\n");
		if (b->author != NULL || b->date != NULL) {
			buf_addstr(out, "<header>");
			if (b->author != NULL) {
				buf_addstr(out, "<strong class=\"author\">");
				buf_add_xml(out, b->author);
				buf_addstr(out, "</strong>");
			}
			if (b->author != NULL && b->date != NULL)
				buf_addch(out, ' ');
			if (b->date != NULL) {
				buf_addstr(out, "<time");
				if (b->has_published) {
					time_rfc3339(b->published, date,
					    sizeof date);
					buf_addf(out, " datetime=\"%s\"", date);
				}
				buf_addch(out, '>');
				buf_add_xml(out, b->date);
				buf_addstr(out, "</time>");
			}
			buf_addstr(out, "</header>\n");
		}
		for (i = 0; i < b->nchildren; i++)
			html_block(art, &b->children[i], out);
		buf_addstr(out, "</article>\n");
		break;
	}
}

/* Append the body as minimal HTML. */
void
extract_html(const struct article *art, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < art->nblocks; i++)
		html_block(art, &art->blocks[i], out);
}
