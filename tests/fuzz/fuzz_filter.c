/* fuzz_filter.c: filter expression text -> filter_parse(), and what
 * parses -> SQL run against a store (store_count(), store_page()).
 *
 * Any input is an expression or an error; an error names an offset
 * within the input and a printable message, and what parses runs as a
 * query on an empty store without an SQL error: the language never
 * makes a statement SQLite refuses, whatever the values. */
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "fuzz.h"
#include "store.h"

#define FUZZ_MAX_LEN	(64 << 10)

static char		 dir[64];
static char		 path[96];
static struct store	*st;

/* Take the private store away again. */
static void
fuzz_cleanup(void)
{
	char	 p[128];

	store_close(st);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	rmdir(dir);
}

/* An empty store in a private directory, with one feed. */
static void
fuzz_setup(void)
{
	const char	*tmp = getenv("TMPDIR");
	char		*cause;
	int64_t		 id;

	snprintf(dir, sizeof dir, "%s/tidings-fuzz.XXXXXX",
	    tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	snprintf(path, sizeof path, "%s/store.db", dir);
	if ((st = store_open(path, &cause)) == NULL ||
	    store_feed_id(st, "https://example.org/feed", &id, &cause) != 0)
		fatalx("%s", cause);
	atexit(fuzz_cleanup);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct store_filter	 q;
	struct store_item	*items;
	struct filter		*f;
	size_t			 off, n;
	int64_t			 count;
	char			*cause;

	if (len > FUZZ_MAX_LEN)
		return (0);
	if (st == NULL)
		fuzz_setup();
	if (filter_parse((const char *)data, len, &f, &off, &cause) != 0) {
		FUZZ_ASSERT(f == NULL);
		FUZZ_ASSERT(off <= len);
		FUZZ_ASSERT(fuzz_text_ok(cause, strlen(cause),
		    FUZZ_TERMINAL));
		free(cause);
		return (0);
	}
	FUZZ_ASSERT(strlen(f->text) == len);
	memset(&q, 0, sizeof q);
	q.expr = f;
	if (store_count(st, &q, NULL, &count, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		FUZZ_ASSERT(!"a parsed filter made a bad statement");
	}
	FUZZ_ASSERT(count == 0);
	q.narrow = f;
	q.unread = 1;
	if (store_page(st, &q, NULL, 0, 0, 10, &items, &n, &cause) != 0) {
		fprintf(stderr, "%s\n", cause);
		FUZZ_ASSERT(!"a parsed filter made a bad statement");
	}
	store_items_free(items, n);
	filter_free(f);
	return (0);
}
