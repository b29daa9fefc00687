/* test_buf.c: the growable buffer and its JSON/XML escaping. */
#include "testlib.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"

static void
test_buf_grows_and_stays_terminated(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	assert_string_equal(b.data, "");
	for (i = 0; i < 1000; i++)
		buf_addch(&b, 'a' + (int)(i % 26));
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[1000], '\0');
	buf_truncate(&b, 3);
	assert_string_equal(b.data, "abc");
	buf_addf(&b, "-%d-%s", 42, "x");
	assert_string_equal(b.data, "abc-42-x");
	buf_reset(&b);
	assert_string_equal(b.data, "");
	buf_release(&b);
	assert_ptr_equal(b.data, buf_empty);
}

static void
test_buf_addf_long(void **state)
{
	struct buf	 b = BUF_INIT;
	char		 big[5000];

	(void)state;
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_addf(&b, "%s|%s", big, big);
	assert_int_equal(b.len, 2 * (sizeof big - 1) + 1);
	assert_int_equal(b.data[sizeof big - 1], '|');
	buf_release(&b);
}

static void
test_buf_detach_owns(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 len;
	char		*s;

	(void)state;
	s = buf_detach(&b, &len);		/* even an empty buffer */
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);
	buf_addstr(&b, "hello");
	s = buf_detach(&b, &len);
	assert_int_equal(len, 5);
	assert_string_equal(s, "hello");
	assert_ptr_equal(b.data, buf_empty);
	free(s);
}

static const struct {
	const char	*in;
	size_t		 len;
	const char	*out;
} json_cases[] = {
	{ "plain", 5, "\"plain\"" },
	{ "q\"b\\", 4, "\"q\\\"b\\\\\"" },
	{ "a\nb\tc\r", 6, "\"a\\nb\\tc\\r\"" },
	{ "\x1b[31m", 5, "\"\\u001b[31m\"" },
	{ "caf\xc3\xa9", 5, "\"caf\xc3\xa9\"" },
	{ "bad\xff", 4, "\"bad\xef\xbf\xbd\"" },
	{ "nul\0x", 5, "\"nul\\u0000x\"" },
	{ "\xe2\x80\xa8", 3, "\"\\u2028\"" },
	{ "del\x7f", 4, "\"del\\u007f\"" },
	{ "\xc2\x9b" "31m\xc2\x9f\xc2\xa0", 9,
	  "\"\\u009b31m\\u009f\xc2\xa0\"" },
	{ "\xed\xa0\x80", 3, "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
};

static void
test_buf_json_escapes(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof json_cases / sizeof json_cases[0]; i++) {
		buf_reset(&b);
		buf_add_json(&b, json_cases[i].in, json_cases[i].len);
		if (strcmp(b.data, json_cases[i].out) != 0)
			fail_msg("row %zu: got %s, want %s", i, b.data,
			    json_cases[i].out);
	}
	buf_reset(&b);
	buf_add_jsonstr(&b, NULL);
	assert_string_equal(b.data, "null");
	buf_release(&b);
}

static void
test_buf_xml_escapes(void **state)
{
	struct buf	 b = BUF_INIT;

	(void)state;
	buf_add_xml(&b, "a<b & \"c\">");
	assert_string_equal(b.data, "a&lt;b &amp; &quot;c&quot;&gt;");
	buf_release(&b);
}

/* Blocks a buffer outgrew, with their sizes. */
struct blocks {
	const void	*p[64];
	size_t		 n[64];
	size_t		 count;
};

/* Fill b with a login's body around pw, growing it many times; note the
 * blocks it leaves behind in *old. */
static void
login_body(struct buf *b, const char *pw, struct blocks *old)
{
	const void	*p;
	size_t		 i, cap;

	buf_addstr(b, "{\"op\":\"login\",\"user\":\"alice\",\"password\":");
	buf_add_jsonstr(b, pw);
	for (i = 0; i < 300; i++) {
		p = b->data;
		cap = b->cap;
		buf_addf(b, ",\"k%zu\":%zu", i, i * 7919);
		if (b->data != p && cap > 0 && old->count < nitems(old->p)) {
			old->p[old->count] = p;
			old->n[old->count++] = cap;
		}
	}
}

/* Whether any block of old still holds pw. */
static int
lingers(const struct blocks *old, const char *pw)
{
	static char	 seen[1 << 16];
	ssize_t		 r;
	size_t		 i;

	for (i = 0; i < old->count; i++) {
		if (old->n[i] > sizeof seen)
			continue;
		if ((r = peek(old->p[i], old->n[i], seen)) < 0)
			skip();
		if (memmem(seen, (size_t)r, pw, strlen(pw)) != NULL)
			return (1);
	}
	return (0);
}

/* A secret's buffer leaves no copy of it in a block it outgrew or
 * released, nor past what it was cut to. */
static void
test_buf_secret_leaves_no_copy(void **state)
{
	struct buf	 b = BUF_SECRET_INIT;
	struct blocks	 old;
	size_t		 i, len;

	(void)state;
	memset(&old, 0, sizeof old);
	login_body(&b, "hunter2-horse-battery", &old);
	assert_true(old.count >= 4);
	len = b.len;
	buf_truncate(&b, 10);
	for (i = 10; i < len; i++)
		assert_int_equal(b.data[i], 0);
	assert_int_equal(b.secret, 1);
	old.p[old.count] = b.data;
	old.n[old.count++] = b.cap;
	buf_release(&b);
	assert_int_equal(b.secret, 1);		/* a secret's still */
	assert_false(lingers(&old, "hunter2-horse-battery"));

#ifdef __SANITIZE_ADDRESS__
	/* The same with a plain buffer: realloc() leaves copies, which is
	 * what this test would see. */
	{
		struct buf	 plain = BUF_INIT;

		memset(&old, 0, sizeof old);
		login_body(&plain, "hunter2-horse-battery", &old);
		buf_release(&plain);
		assert_true(lingers(&old, "hunter2-horse-battery"));
	}
#endif
}

/* buf_wipe() zeroes what any buffer held before it frees it. */
static void
test_buf_wipe(void **state)
{
	struct buf	 b = BUF_INIT;
	struct blocks	 old;

	(void)state;
	memset(&old, 0, sizeof old);
	buf_addf(&b, "Passwd=%s&Email=%s", "s3cr3t-wipe-me", "alice");
	old.p[0] = b.data;
	old.n[0] = b.cap;
	old.count = 1;
	buf_wipe(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	assert_false(lingers(&old, "s3cr3t-wipe-me"));
}

static void
test_buf_ids(void **state)
{
	const int64_t	 ids[] = { 7, -1, 9007199254740993LL };
	struct buf	 b = BUF_INIT;

	(void)state;
	buf_add_ids(&b, ids, 0);
	assert_int_equal(b.len, 0);
	buf_add_ids(&b, ids, 1);
	assert_string_equal(b.data, "7");
	buf_reset(&b);
	buf_add_ids(&b, ids, 3);
	assert_string_equal(b.data, "7,-1,9007199254740993");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_grows_and_stays_terminated),
		cmocka_unit_test(test_buf_addf_long),
		cmocka_unit_test(test_buf_detach_owns),
		cmocka_unit_test(test_buf_json_escapes),
		cmocka_unit_test(test_buf_ids),
		cmocka_unit_test(test_buf_xml_escapes),
		cmocka_unit_test(test_buf_secret_leaves_no_copy),
		cmocka_unit_test(test_buf_wipe),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
