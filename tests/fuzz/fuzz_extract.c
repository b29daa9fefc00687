/* fuzz_extract.c: page bytes -> extract_page() -> JSON, HTML and text.
 *
 * The page is read as fetched from a URL, with a Content-Type charset
 * chosen by the input's length (none for most lengths, so the <meta>
 * declaration and the UTF-8 sniffing are reached too). The article must
 * keep the promises of extract.h: valid UTF-8 without controls but the
 * '\n' of a line break (and tabs in PRE), span lengths that are their
 * strlen, link numbers in range, an alt text on every image, posts that
 * hold blocks but no posts, their authors and dates text as well. */
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "fuzz.h"

#define FUZZ_MAX_LEN	(1 << 20)

static const char *const labels[] = {
	NULL, NULL, NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le",
	"x-no-such-charset",
};

/* Check a string that may be absent. */
static void
check_text(const char *s, int controls)
{
	if (s != NULL)
		FUZZ_ASSERT(fuzz_text_ok(s, strlen(s), controls));
}

/* Check a block and, depth first, its children. */
static void
check_block(const struct article *art, const struct extract_block *b)
{
	size_t	 i;
	int	 controls;

	controls = b->kind == EXTRACT_PRE ? FUZZ_LINE_BREAKS :
	    FUZZ_NO_CONTROLS;
	if (b->kind == EXTRACT_HEADING)
		FUZZ_ASSERT(b->level >= 1 && b->level <= 6);
	if (b->kind == EXTRACT_IMAGE) {
		FUZZ_ASSERT(b->alt != NULL);
		check_text(b->alt, FUZZ_NO_CONTROLS);
		check_text(b->src, FUZZ_NO_CONTROLS);
	}
	if (b->kind == EXTRACT_POST) {
		/* A post holds blocks, and no post. */
		FUZZ_ASSERT(b->nchildren > 0);
		check_text(b->author, FUZZ_NO_CONTROLS);
		check_text(b->date, FUZZ_NO_CONTROLS);
		for (i = 0; i < b->nchildren; i++)
			FUZZ_ASSERT(b->children[i].kind != EXTRACT_POST);
	}
	for (i = 0; i < b->nspans; i++) {
		const struct extract_span	*sp = &b->spans[i];

		FUZZ_ASSERT(sp->text != NULL && strlen(sp->text) == sp->len);
		FUZZ_ASSERT(sp->link <= art->nlinks);
		if (strcmp(sp->text, "\n") != 0)
			FUZZ_ASSERT(fuzz_text_ok(sp->text, sp->len,
			    controls));
	}
	for (i = 0; i < b->nchildren; i++)
		check_block(art, &b->children[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct article	*art;
	struct buf	 out = BUF_INIT;
	size_t		 i;

	if (len > FUZZ_MAX_LEN)
		return (0);
	art = extract_page((const char *)data, len,
	    "https://example.org/news/2026/story.html",
	    labels[len % nitems(labels)]);
	FUZZ_ASSERT(art != NULL);
	check_text(art->title, FUZZ_NO_CONTROLS);
	check_text(art->byline, FUZZ_NO_CONTROLS);
	check_text(art->site_name, FUZZ_NO_CONTROLS);
	check_text(art->lead_image, FUZZ_NO_CONTROLS);
	for (i = 0; i < art->nblocks; i++)
		check_block(art, &art->blocks[i]);
	for (i = 0; i < art->nlinks; i++) {
		FUZZ_ASSERT(art->links[i].url != NULL &&
		    art->links[i].text != NULL);
		check_text(art->links[i].url, FUZZ_NO_CONTROLS);
		check_text(art->links[i].text, FUZZ_NO_CONTROLS);
	}

	extract_json(art, &out);
	FUZZ_ASSERT(fuzz_text_ok(out.data, out.len, FUZZ_LINE_BREAKS));
	buf_reset(&out);
	extract_html(art, &out);
	FUZZ_ASSERT(fuzz_text_ok(out.data, out.len, FUZZ_LINE_BREAKS));
	buf_reset(&out);
	extract_text(art, &out);
	FUZZ_ASSERT(fuzz_text_ok(out.data, out.len, FUZZ_LINE_BREAKS));
	buf_release(&out);
	extract_free(art);
	return (0);
}
