/* fuzz_feed.c: feed bytes -> feed_parse() -> feed_json().
 *
 * Every input is parsed twice: as the server sent it without a URL or
 * charset, and as fetched from a URL with a Content-Type charset (chosen
 * by the input's length, so every label is reached), which resolves
 * relative links and converts through charset.c. A parsed feed must hold
 * only valid UTF-8 (feed.h) and must print as JSON. */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "feed.h"
#include "fuzz.h"

#define FUZZ_MAX_LEN	(1 << 20)

static const char *const labels[] = {
	NULL, "utf-8", "iso-8859-1", "windows-1252", "utf-16le", "utf-16be",
	"shift_jis", "koi8-r", "x-no-such-charset",
};

/* Check the promises of feed.h about a string that may be absent. */
static void
check_text(const char *s)
{
	if (s != NULL)
		FUZZ_ASSERT(fuzz_text_ok(s, strlen(s), FUZZ_ANY_CONTROLS));
}

/* A link must be text too, and never one that runs code when followed
 * (feed.c drops those, wherever their base came from). */
static void
check_link(const char *s)
{
	static const char *const bad[] = { "javascript:", "vbscript:",
	    "data:" };
	size_t	 i;

	check_text(s);
	for (i = 0; s != NULL && i < nitems(bad); i++)
		FUZZ_ASSERT(strncasecmp(s, bad[i], strlen(bad[i])) != 0);
}

/* Check a parsed feed, print it, free it. */
static void
check_feed(struct feed *f)
{
	struct buf	 out = BUF_INIT;
	size_t		 i, j;

	check_text(f->title);
	check_link(f->link);
	check_text(f->description);
	check_text(f->language);
	check_link(f->image);
	FUZZ_ASSERT(f->nentries <= FEED_MAX_ENTRIES);
	for (i = 0; i < f->nentries; i++) {
		struct feed_entry	*e = &f->entries[i];

		check_text(e->id);
		check_text(e->title);
		check_link(e->link);
		check_text(e->lang);
		check_text(e->author);
		check_text(e->summary);
		check_text(e->content);
		for (j = 0; j < e->nenclosures; j++) {
			FUZZ_ASSERT(e->enclosures[j].url != NULL);
			check_link(e->enclosures[j].url);
			check_text(e->enclosures[j].type);
		}
		for (j = 0; j < e->ncategories; j++) {
			FUZZ_ASSERT(e->categories[j] != NULL);
			check_text(e->categories[j]);
		}
	}
	feed_json(f, &out);
	FUZZ_ASSERT(out.len > 0 && fuzz_text_ok(out.data, out.len,
	    FUZZ_LINE_BREAKS));
	buf_release(&out);
	feed_release(f);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct feed	 f;
	char		*cause;

	if (len > FUZZ_MAX_LEN)
		return (0);
	memset(&f, 0, sizeof f);
	if (feed_parse((const char *)data, len, NULL, NULL, &f, &cause) == 0)
		check_feed(&f);
	else {
		FUZZ_ASSERT(cause != NULL && f.nentries == 0);
		free(cause);
	}

	memset(&f, 0, sizeof f);
	if (feed_parse((const char *)data, len,
	    "https://example.org/blog/feed.xml", labels[len % nitems(labels)],
	    &f, &cause) == 0)
		check_feed(&f);
	else {
		FUZZ_ASSERT(cause != NULL && f.nentries == 0);
		free(cause);
	}
	return (0);
}
