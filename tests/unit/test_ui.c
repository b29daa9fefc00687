/* test_ui.c: text_fit(), the gate every string passes on its way to the
 * screen (escapes and bad bytes made harmless, width measured by display
 * columns and cut with an ellipsis), the store's paged queries that the
 * panes read their lists through, and the queue of full articles. */
#include "testlib.h"

#include <sys/stat.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feed.h"
#include "render.h"
#include "store.h"
#include "ui.h"
#include "ui-int.h"
#include "util.h"

#define FFFD	"\xef\xbf\xbd"
#define ELL	"\xe2\x80\xa6"

static const struct {
	const char	*in;
	size_t		 cols;
	const char	*out;
	size_t		 used;
} rows[] = {
	{ "hello", 10, "hello", 5 },
	{ "hello", 5, "hello", 5 },
	{ "hello", 4, "hel" ELL, 4 },
	{ "hello", 1, ELL, 1 },
	{ "hello", 0, "", 0 },
	{ "", 5, "", 0 },
	/* Wide characters count two and never straddle the limit. */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6,
	  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6 },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5,
	  "\xe6\x97\xa5\xe6\x9c\xac" ELL, 5 },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, "\xe6\x97\xa5" ELL, 3 },
	{ "\xe6\x97\xa5\xe6\x9c\xac", 2, ELL, 1 },
	{ "\xf0\x9f\x98\x80 ok", 5, "\xf0\x9f\x98\x80 ok", 5 },
	{ "\xf0\x9f\x98\x80 ok", 3, "\xf0\x9f\x98\x80" ELL, 3 },
	/* Combining marks take no column and stay with their letter. */
	{ "e\xcc\x81te", 3, "e\xcc\x81te", 3 },
	{ "e\xcc\x81te", 2, "e\xcc\x81" ELL, 2 },
	{ "\xcc\x81x", 5, " \xcc\x81x", 2 },
	/* The gate: controls, escapes, C1, bidi overrides, bad UTF-8. */
	{ "a\xff" "b", 5, "a" FFFD "b", 3 },
	{ "\xc3(", 5, FFFD "(", 2 },
	{ "\x1b]0;title\x07x", 20, FFFD "]0;title" FFFD "x", 11 },
	{ "\x1b[2J\x1b[31mred", 20, FFFD "[2J" FFFD "[31mred", 12 },
	{ "\xc2\x9b" "31m", 5, FFFD "31m", 4 },
	{ "a\xe2\x80\xae" "b", 5, "a" FFFD "b", 3 },
	{ "a \t\n\r b", 5, "a b", 3 },
	{ "  lead", 9, "lead", 4 },
	{ "\x1b[2J\x1b[2J\x1b[2J", 6, FFFD "[2J" FFFD ELL, 6 },
};

static void
test_ui_text_fit(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, used;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		buf_reset(&b);
		buf_addstr(&b, "<");
		used = text_fit(&b, rows[i].in, rows[i].cols);
		if (strcmp(b.data + 1, rows[i].out) != 0)
			fail_msg("row %zu: got \"%s\", want \"%s\"", i,
			    b.data + 1, rows[i].out);
		if (used != rows[i].used)
			fail_msg("row %zu: %zu columns, want %zu", i, used,
			    rows[i].used);
		if (used != render_cols(b.data + 1, b.len - 1))
			fail_msg("row %zu: says %zu columns, has %zu", i, used,
			    render_cols(b.data + 1, b.len - 1));
		if (used > rows[i].cols)
			fail_msg("row %zu: wider than asked", i);
	}
	buf_release(&b);
}

/* Whatever the bytes, the result is valid UTF-8 without a control
 * character, within the columns asked for. */
static void
test_ui_text_fit_any_bytes(void **state)
{
	struct buf	 b = BUF_INIT;
	char		 in[17];
	size_t		 i, j, k, used, n;
	uint32_t	 cp, seed = 1;

	(void)state;
	for (i = 0; i < 20000; i++) {
		for (j = 0; j < sizeof in - 1; j++) {
			seed = seed * 1103515245 + 12345;
			in[j] = (char)((seed >> 16) & 0xff);
			if (in[j] == '\0')
				in[j] = '\x1b';
		}
		in[sizeof in - 1] = '\0';
		buf_reset(&b);
		used = text_fit(&b, in, i % 12);
		assert_true(used <= i % 12);
		for (k = 0; k < b.len; k += n) {
			n = utf8_decode((const unsigned char *)b.data + k,
			    b.len - k, &cp);
			if (n == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
				fail_msg("input %zu: bad output at %zu", i, k);
		}
	}
	buf_release(&b);
}

/* Store a feed of n items; item i is dated t0 + step * i (so two feeds
 * with the same dates tie, and their ids decide). */
static int64_t
add_feed(struct store *st, const char *url, size_t n, int64_t t0,
    int64_t step)
{
	struct buf		 xml = BUF_INIT;
	struct feed		 f;
	struct store_fetch	 fx;
	char			*cause = NULL, date[32];
	int64_t			 id;
	size_t			 i;
	int			 nnew;

	buf_addstr(&xml, "<rss version=\"2.0\"><channel><title>t</title>");
	for (i = 0; i < n; i++) {
		time_rfc3339(t0 + step * (int64_t)i, date, sizeof date);
		buf_addf(&xml, "<item><title>%s %zu</title><guid>%zu</guid>"
		    "<description>text %zu</description>"
		    "<pubDate>%s</pubDate></item>", url, i, i, i, date);
	}
	buf_addstr(&xml, "</channel></rss>");
	if (feed_parse(xml.data, xml.len, url, NULL, &f, &cause) != 0)
		fail_msg("feed_parse: %s", cause);
	if (store_feed_id(st, url, &id, &cause) != 0)
		fail_msg("store_feed_id: %s", cause);
	memset(&fx, 0, sizeof fx);
	fx.time = t0;
	fx.status = 200;
	fx.next = STORE_NOTIME;
	if (store_update(st, id, &fx, &f, 0, 0, &nnew, &cause) != 0)
		fail_msg("store_update: %s", cause);
	feed_release(&f);
	buf_release(&xml);
	return (id);
}

/* A page, or fail. */
static size_t
page(struct store *st, const struct store_filter *q,
    const struct store_item *from, int backward, size_t skip, size_t limit,
    struct store_item **v)
{
	char	*cause = NULL;
	size_t	 n;

	if (store_page(st, q, from, backward, skip, limit, v, &n,
	    &cause) != 0)
		fail_msg("store_page: %s", cause);
	return (n);
}

/* A count, or fail. */
static int64_t
count(struct store *st, const struct store_filter *q,
    const struct store_item *before)
{
	char	*cause = NULL;
	int64_t	 n;

	if (store_count(st, q, before, &n, &cause) != 0)
		fail_msg("store_count: %s", cause);
	return (n);
}

/* Paging after and before any row, from either end, with skips, gives
 * the rows of the whole list in its order; counts give positions. */
static void
test_ui_store_paging(void **state)
{
	struct store_filter	 all = { .feeds = NULL }, fa = { 0 }, none = { 0 },
				 unread = { 0 };
	struct store_item	*list, *v;
	struct store		*st;
	char			 dir[] = "/tmp/test-ui-XXXXXX", *path, *cause;
	int64_t			 a, b;
	size_t			 n, k, m, i;

	(void)state;
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp");
	xasprintf(&path, "%s/t.db", dir);
	if ((st = store_open(path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	a = add_feed(st, "http://a.example/f", 30, 1700000000, 60);
	b = add_feed(st, "http://b.example/f", 20, 1700000000, 120);

	assert_int_equal(count(st, &all, NULL), 50);
	n = page(st, &all, NULL, 0, 0, 100, &list);
	assert_int_equal(n, 50);
	for (i = 1; i < n; i++)
		if (list[i].date > list[i - 1].date ||
		    (list[i].date == list[i - 1].date &&
		    list[i].id > list[i - 1].id))
			fail_msg("row %zu is out of order", i);
	for (k = 0; k < n; k++) {
		assert_int_equal(count(st, &all, &list[k]), k);
		m = page(st, &all, &list[k], 0, 0, 5, &v);
		assert_int_equal(m, n - k - 1 < 5 ? n - k - 1 : 5);
		for (i = 0; i < m; i++)
			assert_int_equal(v[i].id, list[k + 1 + i].id);
		store_items_free(v, m);
		m = page(st, &all, &list[k], 1, 1, 3, &v);
		assert_int_equal(m, k < 2 ? 0 : (k - 1 < 3 ? k - 1 : 3));
		for (i = 0; i < m; i++)
			assert_int_equal(v[i].id, list[k - 2 - i].id);
		store_items_free(v, m);
	}
	m = page(st, &all, NULL, 1, 3, 4, &v);
	assert_int_equal(m, 4);
	for (i = 0; i < m; i++)
		assert_int_equal(v[i].id, list[n - 4 - i].id);
	store_items_free(v, m);
	m = page(st, &all, NULL, 0, 48, 10, &v);
	assert_int_equal(m, 2);
	store_items_free(v, m);

	/* One feed; no feed at all. */
	fa.feeds = &a;
	fa.nfeeds = 1;
	fa.unread = 0;
	assert_int_equal(count(st, &fa, NULL), 30);
	m = page(st, &fa, NULL, 0, 0, 100, &v);
	assert_int_equal(m, 30);
	for (i = 0; i < m; i++)
		assert_int_equal(v[i].feed_id, a);
	store_items_free(v, m);
	none.feeds = &a;
	none.nfeeds = 0;
	none.unread = 0;
	assert_int_equal(count(st, &none, NULL), 0);
	assert_int_equal(page(st, &none, NULL, 0, 0, 10, &v), 0);
	free(v);

	/* Unread only, after some are read. */
	for (i = 0; i < n; i += 3)
		if (store_set_read(st, list[i].id, 1, &cause) != 0)
			fail_msg("store_set_read: %s", cause);
	unread = all;
	unread.unread = 1;
	assert_int_equal(count(st, &unread, NULL), 33);
	m = page(st, &unread, &list[0], 0, 0, 100, &v);
	assert_int_equal(m, 33);
	for (i = 0; i < m; i++)
		assert_true(v[i].unread);
	store_items_free(v, m);
	assert_int_equal(count(st, &unread, &list[3]), 2);
	(void)b;

	store_items_free(list, n);
	store_close(st);
	rm_tree(dir);
	free(path);
}

/* An item with its text; marking a list read and taking it back, which
 * leaves unread only what the mark changed. */
static void
test_ui_store_marks(void **state)
{
	struct store_filter	 fa = { 0 }, unread;
	struct store_body	 body;
	struct store_item	*v;
	struct store		*st;
	char			 dir[] = "/tmp/test-ui-XXXXXX", *path, *cause;
	int64_t			 a, b, mark, changed;
	size_t			 m;

	(void)state;
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp");
	xasprintf(&path, "%s/t.db", dir);
	if ((st = store_open(path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	a = add_feed(st, "http://a.example/f", 10, 1700000000, 60);
	b = add_feed(st, "http://b.example/f", 5, 1700000000, 60);
	fa.feeds = &a;
	fa.nfeeds = 1;
	fa.unread = 0;
	m = page(st, &fa, NULL, 0, 0, 10, &v);
	assert_int_equal(m, 10);

	assert_int_equal(store_item_get(st, v[0].id, &body, &cause), 1);
	assert_string_equal(body.item.title, "http://a.example/f 9");
	assert_non_null(body.summary);
	assert_non_null(strstr(body.summary, "text 9"));
	assert_true(body.item.unread);
	store_body_release(&body);
	assert_int_equal(store_item_get(st, 999999, &body, &cause), 0);

	if (store_set_read(st, v[0].id, 1, &cause) != 0)
		fail_msg("store_set_read: %s", cause);
	if (store_mark_read(st, &fa, &mark, &changed, &cause) != 0)
		fail_msg("store_mark_read: %s", cause);
	assert_int_equal(changed, 9);
	unread = fa;
	unread.unread = 1;
	assert_int_equal(count(st, &unread, NULL), 0);
	unread.feeds = &b;
	assert_int_equal(count(st, &unread, NULL), 5);
	if (store_unmark_read(st, mark, &changed, &cause) != 0)
		fail_msg("store_unmark_read: %s", cause);
	assert_int_equal(changed, 9);
	unread.feeds = &a;
	assert_int_equal(count(st, &unread, NULL), 9);
	/* Taken back once; the mark is gone. */
	if (store_unmark_read(st, mark, &changed, &cause) != 0)
		fail_msg("store_unmark_read: %s", cause);
	assert_int_equal(changed, 0);
	if (store_mark_read(st, &fa, &mark, &changed, &cause) != 0 ||
	    store_mark_forget(st, mark, &cause) != 0)
		fail_msg("%s", cause);
	if (store_unmark_read(st, mark, &changed, &cause) != 0)
		fail_msg("store_unmark_read: %s", cause);
	assert_int_equal(changed, 0);
	assert_int_equal(count(st, &unread, NULL), 0);

	store_items_free(v, m);
	store_close(st);
	rm_tree(dir);
	free(path);
}

/* The starred list: only starred items, of every feed, newest first,
 * paged and counted like any list; with unread, the unread among them. */
static void
test_ui_store_starred(void **state)
{
	struct store_filter	 q = { .starred = 1 };
	struct store_item	*v, *w;
	struct store		*st;
	char			 dir[] = "/tmp/test-ui-XXXXXX", *path, *cause;
	int64_t			 a, b;
	size_t			 n;

	(void)state;
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp");
	xasprintf(&path, "%s/t.db", dir);
	if ((st = store_open(path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	a = add_feed(st, "http://a.example/f", 10, 1700000000, 60);
	b = add_feed(st, "http://b.example/f", 10, 1700000030, 60);
	assert_int_equal(count(st, &q, NULL), 0);
	(void)a;
	/* Star a's items 7 and 2 and b's item 2; mark b's 2 read. */
	assert_int_equal(count(st, &(struct store_filter){ 0 }, NULL), 20);
	n = page(st, &(struct store_filter){ 0 }, NULL, 0, 0, 20, &v);
	assert_int_equal(n, 20);
	/* Newest first, a and b alternate: b 9, a 9, b 8, a 8, ... */
	assert_int_equal(v[0].feed_id, b);
	if (store_set_starred(st, v[5].id, 1, &cause) != 0 ||	/* a 7 */
	    store_set_starred(st, v[14].id, 1, &cause) != 0 ||	/* b 2 */
	    store_set_starred(st, v[15].id, 1, &cause) != 0 ||	/* a 2 */
	    store_set_read(st, v[14].id, 1, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(count(st, &q, NULL), 3);
	assert_int_equal(page(st, &q, NULL, 0, 0, 10, &w), 3);
	assert_int_equal(w[0].id, v[5].id);
	assert_int_equal(w[1].id, v[14].id);
	assert_int_equal(w[2].id, v[15].id);
	assert_int_equal(count(st, &q, &w[2]), 2);
	store_items_free(w, 3);
	/* After a row, and from the bottom. */
	assert_int_equal(page(st, &q, &v[5], 0, 0, 10, &w), 2);
	assert_int_equal(w[0].id, v[14].id);
	store_items_free(w, 2);
	assert_int_equal(page(st, &q, NULL, 1, 0, 1, &w), 1);
	assert_int_equal(w[0].id, v[15].id);
	store_items_free(w, 1);
	q.unread = 1;
	assert_int_equal(count(st, &q, NULL), 2);

	store_items_free(v, n);
	store_close(st);
	rm_tree(dir);
	free(path);
}

/* Marks in steps, as the reader takes them between keys: a step marks
 * at most its limit, items that come after the start are left alone, and
 * the undo in steps takes back exactly what was marked. */
static void
test_ui_store_mark_steps(void **state)
{
	struct store_filter	 all = { .unread = 1 }, fb = { 0 };
	struct store		*st;
	char			 dir[] = "/tmp/test-ui-XXXXXX", *path, *cause;
	int64_t			 a, b, mark, upto, changed = 0, after = 0;
	int			 rc, steps = 0;

	(void)state;
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp");
	xasprintf(&path, "%s/t.db", dir);
	if ((st = store_open(path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	a = add_feed(st, "http://a.example/f", 10, 1700000000, 60);
	(void)a;
	if (store_mark_begin(st, &mark, &upto, &cause) != 0)
		fail_msg("store_mark_begin: %s", cause);
	/* An item that comes after the start stays unread. */
	b = add_feed(st, "http://b.example/f", 1, 1700000000, 60);
	fb.feeds = &b;
	fb.nfeeds = 1;
	fb.unread = 1;
	while ((rc = store_mark_step_read(st, &all, mark, upto, 4, &changed,
	    &cause)) == 1) {
		steps++;
		assert_int_equal(changed, 4 * steps);
	}
	if (rc != 0)
		fail_msg("store_mark_step_read: %s", cause);
	assert_int_equal(steps, 2);
	assert_int_equal(changed, 10);
	assert_int_equal(count(st, &all, NULL), 1);
	assert_int_equal(count(st, &fb, NULL), 1);
	/* Undo in steps of 3: 4 steps move, the fifth finds none left. */
	changed = 0;
	steps = 0;
	while ((rc = store_unmark_step(st, mark, &after, 3, &changed,
	    &cause)) == 1)
		steps++;
	if (rc != 0)
		fail_msg("store_unmark_step: %s", cause);
	assert_int_equal(steps, 4);
	assert_int_equal(changed, 10);
	assert_int_equal(count(st, &all, NULL), 11);
	if (store_mark_forget(st, mark, &cause) != 0)
		fail_msg("store_mark_forget: %s", cause);

	store_close(st);
	rm_tree(dir);
	free(path);
}

/* The queue of articles to fetch: what the reader waits for goes first,
 * a prefetch last, and an item is in it once. Each row asks for items
 * in turn (a negative id: at the back) and names the queue after. */
static void
test_ui_fetch_queue(void **state)
{
	static const struct {
		int64_t		 ask[6];	/* 0 ends */
		const char	*want;
	} asks[] = {
		{ { -1, -2, -3 }, "1 2 3" },
		{ { 1, 2, 3 }, "3 2 1" },
		{ { -1, -2, -3, 2 }, "2 1 3" },
		{ { -1, -2, -3, 3 }, "3 1 2" },
		{ { -1, -2, -3, 1 }, "1 2 3" },
		{ { -1, -2, -3, -1, -3 }, "1 2 3" },
		{ { 1, -1 }, "1" },
		{ { -1, 2, -3, 3, -2 }, "3 2 1" },
	};
	struct ui_fetch_job	*jobs, j;
	struct buf		 got = BUF_INIT;
	size_t			 i, k, n;

	(void)state;
	for (i = 0; i < nitems(asks); i++) {
		jobs = NULL;
		n = 0;
		for (k = 0; k < nitems(asks[i].ask) && asks[i].ask[k] != 0;
		    k++) {
			memset(&j, 0, sizeof j);
			j.item_id = asks[i].ask[k] < 0 ? -asks[i].ask[k] :
			    asks[i].ask[k];
			ui_fetch_queue(&jobs, &n, &j, asks[i].ask[k] > 0);
		}
		buf_reset(&got);
		for (k = 0; k < n; k++)
			buf_addf(&got, "%s%lld", k > 0 ? " " : "",
			    (long long)jobs[k].item_id);
		if (strcmp(got.data, asks[i].want) != 0)
			fail_msg("row %zu: queue \"%s\", want \"%s\"", i,
			    got.data, asks[i].want);
		free(jobs);
	}
	buf_release(&got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ui_text_fit),
		cmocka_unit_test(test_ui_text_fit_any_bytes),
		cmocka_unit_test(test_ui_store_paging),
		cmocka_unit_test(test_ui_store_marks),
		cmocka_unit_test(test_ui_store_mark_steps),
		cmocka_unit_test(test_ui_store_starred),
		cmocka_unit_test(test_ui_fetch_queue),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
