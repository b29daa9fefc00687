/* fuzz_opml.c: OPML bytes -> opml_parse(), and the feeds through the
 * dotfile and back.
 *
 * What an import would append (one config_feed_line() per new URL that
 * config_check_url() accepts) must load without a single mistake and give
 * the same URLs, titles and tags; the loaded feeds, exported as OPML, must
 * parse back to as many feeds. */
#include <string.h>

#include "buf.h"
#include "config.h"
#include "fuzz.h"
#include "opml.h"

#define FUZZ_MAX_LEN	(1 << 20)
#define FUZZ_MAX_FEEDS	500		/* round-tripped; the rest parsed */

/* Tell whether the first n feeds hold url. */
static int
seen(const struct opml_feed *feeds, size_t n, const char *url)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(feeds[i].url, url) == 0)
			return (1);
	return (0);
}

/* Write the importable feeds as dotfile lines, load them, export them. */
static void
round_trip(const struct opml_feed *feeds, size_t nfeeds)
{
	struct buf		 text = BUF_INIT, out = BUF_INIT;
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	struct opml_feed	*again;
	const struct opml_feed	*in[FUZZ_MAX_FEEDS];
	size_t			 i, j, n = 0, nagain;
	char			*cause;

	for (i = 0; i < nfeeds && i < FUZZ_MAX_FEEDS; i++) {
		if (seen(feeds, i, feeds[i].url))
			continue;
		if (config_check_url(feeds[i].url, &cause) != 0) {
			free(cause);
			continue;
		}
		config_feed_line(&text, feeds[i].url, feeds[i].title,
		    feeds[i].tags, feeds[i].ntags);
		in[n++] = &feeds[i];
	}

	config_init(&cfg);
	if (config_load_buffer(text.data, text.len, "opml", &cfg,
	    &causes) != 0) {
		fprintf(stderr, "%s\n%s\n", text.data, causes.v[0]);
		FUZZ_ASSERT(!"imported feed lines do not load");
	}
	FUZZ_ASSERT(cfg.nfeeds == n);
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(strcmp(cfg.feeds[i].url, in[i]->url) == 0);
		FUZZ_ASSERT(cfg.feeds[i].ntags <= in[i]->ntags);
		for (j = 0; j < cfg.feeds[i].ntags; j++)
			FUZZ_ASSERT(fuzz_text_ok(cfg.feeds[i].tags[j],
			    strlen(cfg.feeds[i].tags[j]), FUZZ_NO_CONTROLS));
	}

	opml_export(&cfg, NULL, &out);
	if (opml_parse(out.data, out.len, &again, &nagain, &cause) != 0) {
		fprintf(stderr, "%s\n%s\n", out.data, cause);
		FUZZ_ASSERT(!"an export does not parse");
	}
	FUZZ_ASSERT(nagain == n);
	opml_feeds_free(again, nagain);

	config_release(&cfg);
	causes_release(&causes);
	buf_release(&text);
	buf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct opml_feed	*feeds;
	size_t			 i, j, n;
	char			*cause;

	if (len > FUZZ_MAX_LEN)
		return (0);
	if (opml_parse((const char *)data, len, &feeds, &n, &cause) != 0) {
		FUZZ_ASSERT(cause != NULL);
		free(cause);
		return (0);
	}
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(feeds[i].url != NULL && feeds[i].url[0] != '\0');
		FUZZ_ASSERT(fuzz_text_ok(feeds[i].url, strlen(feeds[i].url),
		    FUZZ_ANY_CONTROLS));
		if (feeds[i].title != NULL)
			FUZZ_ASSERT(fuzz_text_ok(feeds[i].title,
			    strlen(feeds[i].title), FUZZ_ANY_CONTROLS));
		for (j = 0; j < feeds[i].ntags; j++) {
			FUZZ_ASSERT(feeds[i].tags[j][0] != '~' &&
			    feeds[i].tags[j][0] != '!');
			FUZZ_ASSERT(fuzz_text_ok(feeds[i].tags[j],
			    strlen(feeds[i].tags[j]), FUZZ_ANY_CONTROLS));
		}
	}
	round_trip(feeds, n);
	opml_feeds_free(feeds, n);
	return (0);
}
