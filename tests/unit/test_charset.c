/* test_charset.c: any character set in, valid UTF-8 out. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "charset.h"

#define R	"\xef\xbf\xbd"		/* U+FFFD */

static const struct {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*label;
	const char	*out;
	int		 rc;
} conv_cases[] = {
	{ "h\xc3\xa9llo", 0, NULL, "h\xc3\xa9llo", 0 },
	{ "h\xc3\xa9llo", 0, "UTF-8", "h\xc3\xa9llo", 0 },
	{ "a\xff" "b", 0, "utf-8", "a" R "b", 0 },
	{ "a\xe2\x82", 0, NULL, "a" R, 0 },		/* one per subpart */
	{ "\xc0\xaf", 0, NULL, R R, 0 },			/* overlong */
	{ "\xed\xa0\x80", 0, NULL, R R R, 0 },		/* a surrogate */
	{ "\xf4\x90\x80\x80", 0, NULL, R R R R, 0 },	/* past U+10FFFF */
	{ "a\0b", 3, NULL, "a" R "b", 0 },
	{ "\x93hi\x94", 0, "iso-8859-1", "\xe2\x80\x9chi\xe2\x80\x9d", 0 },
	{ "caf\xe9", 0, "US-ASCII", "caf\xc3\xa9", 0 },
	{ "caf\xe9", 0, "latin1", "caf\xc3\xa9", 0 },
	{ "\x80", 0, "windows-1252", "\xe2\x82\xac", 0 },
	{ "\x81", 0, "windows-1252", R, 0 },		/* unassigned */
	{ "caf\xe9\0", 5, "iso-8859-15", "caf\xc3\xa9" R, 0 },
	{ "\xff\xfeh\0i\0", 6, NULL, "hi", 0 },
	{ "\xfe\xff\0h\0i", 6, "iso-8859-1", "hi", 0 },	/* BOM wins */
	{ "\xef\xbb\xbf" "caf\xc3\xa9", 0, "iso-8859-1", "caf\xc3\xa9", 0 },
	{ "h\0i\0", 4, "utf-16", "hi", 0 },
	{ "\0h\0i", 4, "UTF-16BE", "hi", 0 },
	{ "\xff\xfeh\0i", 5, NULL, "h" R, 0 },		/* odd length */
	{ "\xff\xfe\0\xd8" "a\0", 6, NULL, R "a", 0 },	/* lone surrogate */
	{ "\xfe\xff\0\0\0h", 6, NULL, R "h", 0 },	/* U+0000 */
	{ "\xff\xfe\0\0h\0\0\0", 8, NULL, "h", 0 },	/* UTF-32LE */
	{ "\x93\xfa\x96\x7b", 0, "Shift_JIS", "\xe6\x97\xa5\xe6\x9c\xac", 0 },
	{ "\xc4\xe3\xba\xc3", 0, "gb2312", "\xe4\xbd\xa0\xe5\xa5\xbd", 0 },
	{ "\xf0\xd2\xc9\xd7\xc5\xd4", 0, "KOI8-R",
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", 0 },
	{ "\xcf\xf0\xe8", 0, " \"windows-1251\" ", "\xd0\x9f\xd1\x80\xd0\xb8",
	    0 },
	{ "caf\xc3\xa9", 0, "x-no-such-charset", "caf\xc3\xa9", -1 },
	{ "caf\xe9", 0, "../../etc/x", "caf" R, -1 },
	{ "", 0, "utf-16", "", 0 },
};

static void
test_charset_conversions(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, len;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof conv_cases / sizeof conv_cases[0]; i++) {
		buf_reset(&b);
		len = conv_cases[i].len != 0 ? conv_cases[i].len :
		    strlen(conv_cases[i].in);
		rc = charset_to_utf8(conv_cases[i].in, len, conv_cases[i].label,
		    &b);
		if (rc != conv_cases[i].rc)
			fail_msg("row %zu (%s): returned %d", i,
			    conv_cases[i].label ? conv_cases[i].label : "NULL",
			    rc);
		if (b.len != strlen(conv_cases[i].out) ||
		    memcmp(b.data, conv_cases[i].out, b.len) != 0)
			fail_msg("row %zu (%s): got \"%s\" (%zu bytes)", i,
			    conv_cases[i].label ? conv_cases[i].label : "NULL",
			    b.data, b.len);
	}
	buf_release(&b);
}

static void
test_charset_large_input(void **state)
{
	struct buf	 b = BUF_INIT;
	char		*in;
	size_t		 i, n = 1 << 20;

	(void)state;
	/* Every byte of windows-1252 above 0x7f becomes 2 or 3 bytes. */
	in = malloc(n);
	assert_non_null(in);
	for (i = 0; i < n; i++)
		in[i] = (char)(0x80 + (i % 0x80));
	assert_int_equal(charset_to_utf8(in, n, "cp1252", &b), 0);
	assert_true(b.len > 2 * n);
	assert_int_equal(charset_sniff_utf8(b.data, b.len), 1);
	free(in);
	buf_release(&b);
}

static const struct {
	const char	*in;
	size_t		 len;
	int		 want;
} sniff_cases[] = {
	{ "", 0, 1 },
	{ "plain ascii, long enough for the fast path", 0, 1 },
	{ "caf\xc3\xa9", 0, 1 },
	{ "caf\xe9", 0, -1 },
	{ "caf\xc3\xa9 and caf\xe9", 0, 0 },
	{ "nul\0here", 8, -1 },
};

static void
test_charset_sniff(void **state)
{
	size_t	 i, len;

	(void)state;
	for (i = 0; i < sizeof sniff_cases / sizeof sniff_cases[0]; i++) {
		len = sniff_cases[i].len != 0 ? sniff_cases[i].len :
		    strlen(sniff_cases[i].in);
		if (charset_sniff_utf8(sniff_cases[i].in, len) !=
		    sniff_cases[i].want)
			fail_msg("row %zu: \"%s\"", i, sniff_cases[i].in);
	}
}

/* Whole documents: UTF-8 with a few windows-1252 bytes has those read as
 * windows-1252, one by one; NULL: valid UTF-8 already, read in place. */
static const struct {
	const char	*in;
	size_t		 len;		/* 0: strlen(in) */
	const char	*out;
} xml_cases[] = {
	{ "<?xml version=\"1.0\" encoding=\"utf-8\"?><a>caf\xc3\xa9 "
	  "na\xefve \x93q\x94</a>", 0, "<?xml version=\"1.0\" encoding=\""
	  "utf-8\"?><a>caf\xc3\xa9 na\xc3\xafve \xe2\x80\x9cq\xe2\x80\x9d"
	  "</a>" },
	{ "<a>\xc3\xa9\xe9</a>", 0, "<a>\xc3\xa9\xc3\xa9</a>" },
	{ "<a>\xc3\xa9\0\xe9</a>", 11, "<a>\xc3\xa9" R "\xc3\xa9</a>" },
	{ "<a>\xc3\xa9\x81\xe2\x80</a>", 0,
	  "<a>\xc3\xa9" R "\xc3\xa2\xe2\x82\xac</a>" },
	{ "<a>\xe9</a>", 0, "<a>\xc3\xa9</a>" },
	{ "<a>\xc3\xa9 \xc3( \xe2\x80\xa6 \xdf" "e</a>", 0,	/* "\xc3" cut */
	  "<a>\xc3\xa9 " R "( \xe2\x80\xa6 \xc3\x9f" "e</a>" },
	/* windows-1252 in which two bytes make UTF-8 by chance */
	{ "<a>\xc9T\xc9\x85 \xe0</a>", 0,
	  "<a>\xc3\x89T\xc3\x89\xe2\x80\xa6 \xc3\xa0</a>" },
	{ "<?xml version=\"1.0\" encoding=\"koi8-r\"?><a>\xc3\xa9\xe9</a>", 0,
	  "<?xml version=\"1.0\" encoding=\"koi8-r\"?><a>\xd1\x86"
	  "\xe2\x95\x98\xd0\x98</a>" },
	{ "<a>\xc3\xa9</a>", 0, NULL },
	/* Arabic and Hebrew, two bytes a letter, with a stray: a word of
	 * such letters tells UTF-8 as well as any three-byte sequence */
	{ "<a>\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \x92</a>", 0,
	  "<a>\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xe2\x80\x99</a>" },
	{ "<a>\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \x93</a>", 0,
	  "<a>\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d \xe2\x80\x9c</a>" },
	/* French in windows-1252: "e" acute, a no-break space and a
	 * guillemet make a lone ideograph after a word, and are no UTF-8,
	 * whether the rest is windows-1252 or UTF-8; Chinese words are */
	{ "<a>\xab\xa0soci\xe9t\xe9\xa0\xbb</a>", 0, "<a>\xc2\xab\xc2\xa0soci"
	  "\xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb</a>" },
	{ "<a>l\xe2\x80\x99\xe9t\xe9\xa0\xbb</a>", 0,
	  "<a>l\xe2\x80\x99\xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb</a>" },
	{ "<a>A\xe8\x82\xa1\xe5\xb8\x82 \x93</a>", 0,
	  "<a>A\xe8\x82\xa1\xe5\xb8\x82 \xe2\x80\x9c</a>" },
};

static void
test_charset_xml(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, len;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof xml_cases / sizeof xml_cases[0]; i++) {
		len = xml_cases[i].len != 0 ? xml_cases[i].len :
		    strlen(xml_cases[i].in);
		buf_reset(&b);
		rc = charset_xml_to_utf8(xml_cases[i].in, len, NULL, &b);
		if (xml_cases[i].out == NULL ? rc != 1 : rc != 0 ||
		    b.len != strlen(xml_cases[i].out) ||
		    memcmp(b.data, xml_cases[i].out, b.len) != 0)
			fail_msg("row %zu: got %d \"%.*s\"", i, rc, (int)b.len,
			    b.data != NULL ? b.data : "");
	}
	buf_release(&b);
}

static const struct {
	const char	*in;
	const char	*out;
} ct_cases[] = {
	{ "text/xml; charset=ISO-8859-1", "iso-8859-1" },
	{ "application/rss+xml;charset=\"UTF-8\"", "utf-8" },
	{ "text/html; foo=bar; Charset = windows-1251 ; x=y", "windows-1251" },
	{ "text/xml; charset='koi8-r'", "koi8-r" },
	{ "text/xml", NULL },
	{ "text/xml; charset=", NULL },
	{ "text/xml; charsets=utf-8", NULL },
	{ NULL, NULL },
};

static void
test_charset_from_content_type(void **state)
{
	char	*got;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof ct_cases / sizeof ct_cases[0]; i++) {
		got = charset_from_content_type(ct_cases[i].in);
		if (ct_cases[i].out == NULL ? got != NULL :
		    got == NULL || strcmp(got, ct_cases[i].out) != 0)
			fail_msg("row %zu \"%s\": got %s", i,
			    ct_cases[i].in ? ct_cases[i].in : "NULL",
			    got ? got : "NULL");
		free(got);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_charset_conversions),
		cmocka_unit_test(test_charset_large_input),
		cmocka_unit_test(test_charset_sniff),
		cmocka_unit_test(test_charset_xml),
		cmocka_unit_test(test_charset_from_content_type),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
