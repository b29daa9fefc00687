/* test_util.c: UTF-8, the terminal gate and the small helpers. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"

static const struct {
	const char	*in;
	const char	*out;
} gate_cases[] = {
	{ "Plain title", "Plain title" },
	{ "  spaced \t out\n\nlines  ", "spaced out lines" },
	{ "\x1b[2J\x1b]0;pwned\x07", "\xef\xbf\xbd[2J\xef\xbf\xbd]0;pwned\xef\xbf\xbd" },
	{ "c1 \xc2\x9b" "31m", "c1 \xef\xbf\xbd" "31m" },
	{ "del\x7f", "del\xef\xbf\xbd" },
	{ "bidi \xe2\x80\xae" "evil", "bidi \xef\xbf\xbd" "evil" },
	{ "isolate \xe2\x81\xa6x", "isolate \xef\xbf\xbdx" },
	{ "bad \xc3(", "bad \xef\xbf\xbd(" },
	{ "overlong \xc0\xaf", "overlong \xef\xbf\xbd\xef\xbf\xbd" },
	{ "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80", "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80" },
	/* Unicode's line breaks fold like '\n'; format characters that
	 * reorder or restyle text out of sight go. */
	{ "line\xe2\x80\xa8sep", "line sep" },
	{ "para\xe2\x80\xa9sep", "para sep" },
	{ "nel\xc2\x85x", "nel x" },
	{ "a \xe2\x80\xa8\n\xe2\x80\xa9 b\xe2\x80\xa8", "a b" },
	{ "lrm\xe2\x80\x8ex rlm\xe2\x80\x8fx alm\xd8\x9cx",
	  "lrm\xef\xbf\xbdx rlm\xef\xbf\xbdx alm\xef\xbf\xbdx" },
	{ "nads\xe2\x81\xafx", "nads\xef\xbf\xbdx" },
	{ "zwj \xe2\x80\x8d ok", "zwj \xe2\x80\x8d ok" },
};

static void
test_text_printable_gate(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof gate_cases / sizeof gate_cases[0]; i++) {
		buf_reset(&b);
		text_printable(&b, gate_cases[i].in);
		if (strcmp(b.data, gate_cases[i].out) != 0)
			fail_msg("row %zu: got \"%s\"", i, b.data);
		assert_null(memchr(b.data, 0x1b, b.len));
	}
	buf_release(&b);
}

static void
test_utf8_roundtrip(void **state)
{
	static const uint32_t	 cps[] = { 0x41, 0xe9, 0x20ac, 0x1f600, 0x10ffff };
	struct buf		 b = BUF_INIT;
	uint32_t		 cp;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		buf_reset(&b);
		utf8_encode(&b, cps[i]);
		n = utf8_decode((const unsigned char *)b.data, b.len, &cp);
		assert_int_equal(n, b.len);
		assert_int_equal(cp, cps[i]);
	}
	buf_reset(&b);
	utf8_encode(&b, 0xd800);		/* a surrogate is not encoded */
	assert_string_equal(b.data, "\xef\xbf\xbd");
	assert_int_equal(utf8_decode((const unsigned char *)"\xe2\x82", 2, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xf5\x80\x80\x80", 4, &cp), 0);
	buf_release(&b);
}

struct named {
	const char	*name;
	int		 other;
};

static void
test_util_nearest_suggests(void **state)
{
	static const struct named	 names[] = {
		{ "refresh-interval", 0 }, { "max-items", 0 }, { "user-agent", 0 },
	};

	(void)state;
	assert_string_equal(util_nearest("refresh-intervall", names, 3,
	    sizeof names[0]), "refresh-interval");
	assert_string_equal(util_nearest("max-item", names, 3, sizeof names[0]),
	    "max-items");
	assert_null(util_nearest("colour", names, 3, sizeof names[0]));
}

static void
test_time_rfc3339(void **state)
{
	char	 s[32];

	(void)state;
	time_rfc3339(1072865695, s, sizeof s);
	assert_string_equal(s, "2003-12-31T10:14:55Z");
	time_rfc3339(0, s, sizeof s);
	assert_string_equal(s, "1970-01-01T00:00:00Z");
}

static void
test_causes_collect(void **state)
{
	struct causes	 c = CAUSES_INIT;

	(void)state;
	causes_add(&c, "%s:%u: %s", "config", 3U, "first");
	causes_add(&c, "second");
	assert_int_equal(c.n, 2);
	assert_string_equal(c.v[0], "config:3: first");
	causes_release(&c);
	assert_int_equal(c.n, 0);
}

static void
test_expand_home(void **state)
{
	char	*s;

	(void)state;
	setenv("HOME", "/home/ana", 1);
	s = util_expand_home("~/x/y");
	assert_string_equal(s, "/home/ana/x/y");
	free(s);
	s = util_expand_home("/abs/~/z");
	assert_string_equal(s, "/abs/~/z");
	free(s);
}

/* %n new, %f feeds with new, %u unread, %U feeds with unread, %t items. */
static const int64_t	 counts_all[COUNT__N] = { 5, 2, 7, 3, 9 };
static const int64_t	 counts_unread[COUNT__N] = {
	COUNT_UNKNOWN, COUNT_UNKNOWN, 7, 3, 9
};

static const struct {
	const char	*fmt;
	const int64_t	*counts;
	const char	*want;
} counts_cases[] = {
	{ "%n new in %f, %u unread in %U, %t", counts_all,
	  "5 new in 2, 7 unread in 3, 9" },
	{ "100%%", counts_all, "100%" },
	{ "%%n is %n", counts_all, "%n is 5" },
	{ "%x%y %Q", counts_all, "%x%y %Q" },		/* not ours */
	{ "50%", counts_all, "50%" },			/* a trailing % */
	{ "%", counts_all, "%" },
	{ "%%%", counts_all, "%%" },
	{ "", counts_all, "" },
	{ "%u of %t, %n new", counts_unread, "7 of 9, %n new" }, /* unknown */
	{ "%f%%%U", counts_unread, "%f%3" },
};

static void
test_counts_expand(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(counts_cases); i++) {
		buf_reset(&b);
		counts_expand(&b, counts_cases[i].fmt, counts_cases[i].counts);
		if (strcmp(b.data, counts_cases[i].want) != 0)
			fail_msg("\"%s\" -> \"%s\", want \"%s\"",
			    counts_cases[i].fmt, b.data, counts_cases[i].want);
	}
	buf_release(&b);
}

/* Every letter the expander knows has an entry in the FORMATS section of
 * tidings-config.5, and every entry there is a letter it knows. */
static void
test_counts_documented(void **state)
{
	struct buf	 b = BUF_INIT;
	FILE		*f;
	char		*man, *sec, *end, *p, fmt[3], item[16];
	long		 len;
	int		 c, known;

	(void)state;
	if ((f = fopen("man/tidings-config.5", "rb")) == NULL)
		fail_msg("cannot open man/tidings-config.5");
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	man = xmalloc((size_t)len + 1);
	assert_int_equal(fread(man, 1, (size_t)len, f), (size_t)len);
	man[len] = '\0';
	fclose(f);
	if ((sec = strstr(man, "\n.Sh FORMATS\n")) == NULL)
		fail_msg("man/tidings-config.5 has no FORMATS section");
	if ((end = strstr(sec + 1, "\n.Sh ")) != NULL)
		*end = '\0';
	for (c = '!'; c <= '~'; c++) {
		if (c == '%')
			continue;
		snprintf(fmt, sizeof fmt, "%%%c", c);
		buf_reset(&b);
		counts_expand(&b, fmt, counts_all);
		known = strcmp(b.data, fmt) != 0;
		snprintf(item, sizeof item, "\n.It Cm \\&%%%c\n", c);
		p = strstr(sec, item);
		if (known && p == NULL)
			fail_msg("FORMATS lacks %s", fmt);
		if (!known && p != NULL)
			fail_msg("FORMATS documents %s, which is not expanded",
			    fmt);
	}
	buf_release(&b);
	free(man);
}

/* The -l log stamps each line with the wall-clock time in UTC, ISO 8601
 * with milliseconds, not seconds since boot. */
static void
test_log_stamps_wall_clock(void **state)
{
	char	 path[] = "/tmp/test_util_logXXXXXX", line[256], want[32];
	FILE	*f;
	int	 fd;

	(void)state;
	assert_true((fd = mkstemp(path)) >= 0);
	close(fd);
	log_open(path);
	log_debug("hello %d", 42);
	log_close();
	assert_non_null(f = fopen(path, "r"));
	assert_non_null(fgets(line, sizeof line, f));
	fclose(f);
	unlink(path);
	/* 2026-12-06T11:02:01.123Z hello 42 */
	assert_int_equal(strlen(line), 24 + 1 + 8 + 1);
	time_rfc3339(time_now(), want, sizeof want);
	assert_memory_equal(line, want, 4);	/* this year, not uptime */
	assert_true(line[4] == '-' && line[7] == '-' && line[10] == 'T' &&
	    line[13] == ':' && line[16] == ':' && line[19] == '.' &&
	    line[23] == 'Z' && line[24] == ' ');
	assert_string_equal(line + 25, "hello 42\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_printable_gate),
		cmocka_unit_test(test_utf8_roundtrip),
		cmocka_unit_test(test_util_nearest_suggests),
		cmocka_unit_test(test_time_rfc3339),
		cmocka_unit_test(test_causes_collect),
		cmocka_unit_test(test_expand_home),
		cmocka_unit_test(test_counts_expand),
		cmocka_unit_test(test_counts_documented),
		cmocka_unit_test(test_log_stamps_wall_clock),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
