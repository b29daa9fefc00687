/* fuzz_render.c: an item's HTML -> render_html() and, through
 * extract_fragment(), render_article(); then render_text().
 *
 * The widths are those the reader meets: the narrowest pane (clamped to
 * 16 columns), a capped and centred column, and the usual 80. Every line
 * must be valid UTF-8 without a control character, its spans must lie
 * inside it in order, and apart from preformatted text and code it must
 * fit the width asked for. The fragment's blocks are rendered as the posts
 * of a thread too. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz.h"
#include "render.h"

#define FUZZ_MAX_LEN	(1 << 20)

static const struct render_opts opts[] = {
	{ 1, 0, 0 },
	{ 120, 60, 1 },
	{ 80, 0, 0 },
};

/* Check the lines of a rendering for width o, print and free them. */
static void
check_render(struct render *r, const struct render_opts *o)
{
	struct buf	 out = BUF_INIT;
	size_t		 i, j, end;

	for (i = 0; i < r->n; i++) {
		const struct render_line	*l = &r->lines[i];

		FUZZ_ASSERT(fuzz_text_ok(l->text, l->len, FUZZ_TERMINAL));
		FUZZ_ASSERT(strlen(l->text) == l->len);
		FUZZ_ASSERT(render_cols(l->text, l->len) == l->cols);
		if (!(l->attr & RENDER_CODE))
			FUZZ_ASSERT(l->cols <= (size_t)(o->width < 16 ? 16 :
			    o->width));
		end = 0;
		for (j = 0; j < l->nspans; j++) {
			FUZZ_ASSERT(l->spans[j].off >= end);
			end = l->spans[j].off + l->spans[j].len;
			FUZZ_ASSERT(end <= l->len);
		}
	}
	render_text(r, &out);
	FUZZ_ASSERT(fuzz_text_ok(out.data, out.len, FUZZ_LINE_BREAKS));
	buf_release(&out);
	render_release(r);
}

/*
 * Render the article's blocks as a thread: each block a post whose author
 * and date are the texts of its own spans (any length, any script), and
 * every third post without them. Pages reach posts through extract_page()
 * only, which fuzz_extract covers; here the layout of posts meets every
 * kind of block and header the fragment parser can make.
 */
static void
as_posts(const struct article *art, const struct render_opts *o,
    struct render *r)
{
	struct article		 t = *art;
	struct extract_block	*v;
	const struct extract_block *b;
	size_t			 i;

	if (art->nblocks == 0)
		return;
	v = calloc(art->nblocks, sizeof *v);
	FUZZ_ASSERT(v != NULL);
	for (i = 0; i < art->nblocks; i++) {
		b = &art->blocks[i];
		v[i].kind = EXTRACT_POST;
		v[i].alt = "";
		v[i].children = &art->blocks[i];
		v[i].nchildren = 1;
		if (i % 3 == 2)
			continue;
		if (b->nspans > 0)
			v[i].author = b->spans[0].text;
		if (b->nspans > 1)
			v[i].date = b->spans[b->nspans - 1].text;
	}
	t.blocks = v;
	render_article(&t, o, r);
	free(v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct render	 r = RENDER_INIT;
	struct article	*art;
	size_t		 i;

	if (len > FUZZ_MAX_LEN)
		return (0);
	for (i = 0; i < nitems(opts); i++) {
		render_html((const char *)data, len,
		    "https://example.org/blog/", &opts[i], &r);
		check_render(&r, &opts[i]);
	}
	art = extract_fragment((const char *)data, len, NULL);
	render_article(art, &opts[2], &r);
	check_render(&r, &opts[2]);
	for (i = 0; i < nitems(opts); i++) {
		as_posts(art, &opts[i], &r);
		check_render(&r, &opts[i]);
	}
	extract_free(art);
	return (0);
}
