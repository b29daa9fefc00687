/* test_date.c: the date forms feeds and pages really use, and ones that are
 * no date. */
#include "testlib.h"

#include <string.h>

#include "date.h"
#include "util.h"

static const struct {
	const char	*in;
	const char	*out;		/* RFC 3339 UTC, or NULL: not a date */
} date_cases[] = {
	/* RFC 822 in the words of the blog's language */
	{ "Di, 02 M\xc3\xa4r 2021 10:00:00 +0100", "2021-03-02T09:00:00Z" },
	{ "mar., 02 f\xc3\xa9vr. 2021 10:00:00 +0000", "2021-02-02T10:00:00Z" },
	{ "Mi, 15 Okt 2014 08:00:00 GMT",	"2014-10-15T08:00:00Z" },
	{ "mer, 15 ao\xc3\xbbt 2018 12:00:00 +0200", "2018-08-15T10:00:00Z" },
	{ "jue, 12 dic 2019 18:30:00 +0100",	"2019-12-12T17:30:00Z" },
	{ "ven, 03 mag 2019 09:00:00 +0200",	"2019-05-03T07:00:00Z" },
	{ "za, 01 mei 2021 00:00:00 +0000",	"2021-05-01T00:00:00Z" },
	{ "seg, 04 out 2021 12:00:00 -0300",	"2021-10-04T15:00:00Z" },
	{ "2 janvier 2020",			"2020-01-02T00:00:00Z" },
	{ "\xce\x9a\xcf\x85\xcf\x81, 11 \xce\x99\xce\xbf\xcf\x8d\xce\xbb "
	    "2004 12:00:00 EST",		"2004-07-11T17:00:00Z" },
	/* RFC 822 and its real-world variants */
	{ "Sun, 19 May 2002 15:21:36 GMT",	"2002-05-19T15:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 +0000",	"2002-05-19T15:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 UT",	"2002-05-19T15:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 UTC",	"2002-05-19T15:21:36Z" },
	{ "Wed, 02 Oct 2002 08:00:00 EST",	"2002-10-02T13:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 EDT",	"2002-10-02T12:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 CST",	"2002-10-02T14:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 CDT",	"2002-10-02T13:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 MST",	"2002-10-02T15:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 MDT",	"2002-10-02T14:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 PST",	"2002-10-02T16:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 PDT",	"2002-10-02T15:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 CEST",	"2002-10-02T06:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 Z",	"2002-10-02T08:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 A",	"2002-10-02T09:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 N",	"2002-10-02T07:00:00Z" },
	{ "Wed, 02 Oct 2002 08:00:00 Y",	"2002-10-01T20:00:00Z" },
	{ "Thu, 01 Jan 2004 19:48:21 +0530",	"2004-01-01T14:18:21Z" },
	{ "Thu, 01 Jan 2004 19:48:21 -08:00",	"2004-01-02T03:48:21Z" },
	{ "Thu, 01 Jan 2004 19:48 GMT",		"2004-01-01T19:48:00Z" },
	{ "01 Jan 2004 19:48:21 GMT",		"2004-01-01T19:48:21Z" },
	{ "Fri, 01 Jan 2004 19:48:21 GMT",	"2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 04 19:48:21 GMT",	"2004-01-01T19:48:21Z" },
	{ "Thu, 01 Jan 99 19:48:21 GMT",	"1999-01-01T19:48:21Z" },
	{ "Thursday, 01 January 2004 19:48:21 GMT", "2004-01-01T19:48:21Z" },
	{ "Thu, 1 Jan 2004 9:05:00 GMT",	"2004-01-01T09:05:00Z" },
	{ "  Thu,01  Jan   2004 19:48:21   GMT ", "2004-01-01T19:48:21Z" },
	{ "Thu 01 Jan 2004 19:48:21 GMT",	"2004-01-01T19:48:21Z" },
	{ "Thursday, 01-Jan-04 19:48:21 GMT",	"2004-01-01T19:48:21Z" },
	{ "Thu Jan  1 19:48:21 2004",		"2004-01-01T19:48:21Z" },
	{ "January 1, 2004 7:48 PM EST",	"2004-01-02T00:48:00Z" },
	{ "Tue, 10 Jun 2003 09:41:01.000 GMT",	"2003-06-10T09:41:01Z" },
	{ "Sun, 19 May 2002 15:21:36 -0800 (PST)", "2002-05-19T23:21:36Z" },
	{ "Sun, 19 Sept 2002 15:21:36 GMT+1",	"2002-09-19T14:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36",		"2002-05-19T15:21:36Z" },
	{ "19 May 2002",			"2002-05-19T00:00:00Z" },
	{ "Sun, 19 May 2002 15:21:36 XYZ",	"2002-05-19T15:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 +000",	"2002-05-19T15:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 +0100 +0100", "2002-05-19T14:21:36Z" },
	{ "Sun, 19 May 2002 15:21:36 +530",	"2002-05-19T09:51:36Z" },
	/* ISO 8601, RFC 3339, W3C-DTF */
	{ "2003-12-31T10:14:55Z",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31t10:14:55z",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55-08:00",		"2003-12-31T18:14:55Z" },
	{ "2003-12-31T10:14:55+0530",		"2003-12-31T04:44:55Z" },
	{ "2003-12-31T10:14:55+05",		"2003-12-31T05:14:55Z" },
	{ "2003-12-31T10:14:55.123456Z",	"2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55.Z",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55+01:00Z",		"2003-12-31T09:14:55Z" },
	{ "2003-12-31T10:14:55.",		"2003-12-31T10:14:55Z" },
	{ "03-12-31",				"2003-12-31T00:00:00Z" },
	{ "99-12-31T10:14:55Z",			"1999-12-31T10:14:55Z" },
	{ "2003-12-31T10:14:55",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31T10:14Z",			"2003-12-31T10:14:00Z" },
	{ "2003-12-31 10:14:55",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31 10:14:55 GMT",		"2003-12-31T10:14:55Z" },
	{ "2003-12-31",				"2003-12-31T00:00:00Z" },
	{ "2003-12",				"2003-12-01T00:00:00Z" },
	{ "2003",				"2003-01-01T00:00:00Z" },
	{ "20031231T101455Z",			"2003-12-31T10:14:55Z" },
	{ "2004-W01-1",				"2003-12-29T00:00:00Z" },
	{ "2009-W53-7",				"2010-01-03T00:00:00Z" },
	{ "2004-060",				"2004-02-29T00:00:00Z" },
	{ "2004-02-29T23:59:60Z",		"2004-03-01T00:00:00Z" },
	{ "1969-07-20T20:17:40Z",		"1969-07-20T20:17:40Z" },
	/* a first word and a comma: a weekday in any language */
	{ "Foo, 19 May 2002 10:00:00 GMT",	"2002-05-19T10:00:00Z" },
	/* not dates */
	{ "",					NULL },
	{ "   ",				NULL },
	{ "Sa, 01 jui 2021 00:00:00 +0000",	NULL },
	{ "Sun, 19 Bla 2002 15:21:36 GMT",	NULL },
	{ "Foo, bar 19 May 2002",		NULL },
	{ "yesterday",				NULL },
	{ "2003-13-01",				NULL },
	{ "2003-02-29",				NULL },
	{ "2003-12-32T10:00:00Z",		NULL },
	{ "2003-12-31T25:00:00Z",		NULL },
	{ "2003-12-31T10:61:00Z",		NULL },
	{ "2003-12-31T10:00:00+25:00",		NULL },
	{ "2003-12-31T10:00:00 garbage",	NULL },
	{ "Sun, 32 May 2002 15:21:36 GMT",	NULL },
	{ "Sun, 19 Foo 2002 15:21:36 GMT",	NULL },
	{ "Sun, 19 May 2002 25:21:36 GMT",	NULL },
	{ "Sun, 19 May 2002 15:21:36 GMT and then some", NULL },
	{ "15:21:36",				NULL },
	{ "03-12-31 garbage",			NULL },
	{ "10-06-2003",				NULL },
	{ "2003-12-31T10:14:55ZZ",		NULL },
	{ "2003-12-31T10:14:55+01:00ZZ",	NULL },
	{ "2004-W54-1",				NULL },
	{ "2003-366",				NULL },
};

static void
test_date_table(void **state)
{
	char	 got[32];
	int64_t	 t;
	size_t	 i;
	int	 rc;

	(void)state;
	for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
		t = 0;
		rc = date_parse(date_cases[i].in, &t);
		if (date_cases[i].out == NULL) {
			if (rc != -1)
				fail_msg("row %zu \"%s\": parsed, expected no "
				    "date", i, date_cases[i].in);
			continue;
		}
		if (rc != 0)
			fail_msg("row %zu \"%s\": not parsed", i,
			    date_cases[i].in);
		time_rfc3339(t, got, sizeof got);
		if (strcmp(got, date_cases[i].out) != 0)
			fail_msg("row %zu \"%s\": got %s, expected %s", i,
			    date_cases[i].in, got, date_cases[i].out);
	}
}

static void
test_date_epoch_and_null(void **state)
{
	int64_t	 t = 1;

	(void)state;
	assert_int_equal(date_parse("1970-01-01T00:00:00Z", &t), 0);
	assert_int_equal(t, 0);
	assert_int_equal(date_parse("Thu, 01 Jan 1970 00:00:01 GMT", &t), 0);
	assert_int_equal(t, 1);
	assert_int_equal(date_parse(NULL, &t), -1);
}

/* Dates as pages write them: date_parse_page(). */
static const struct {
	const char	*in;
	const char	*out;		/* RFC 3339 UTC, or NULL: not a date */
} page_cases[] = {
	/* ISO 8601 as meta tags, JSON-LD and <time datetime> write it */
	{ "2017-03-30",				"2017-03-30T00:00:00Z" },
	{ "  2017-03-30T13:56:35.123+02:00",	"2017-03-30T11:56:35Z" },
	{ "2017/3/5 9:56",			"2017-03-05T09:56:00Z" },
	{ "2017-03-30T13:56:35 PDT",		"2017-03-30T20:56:35Z" },
	{ "2017-03-30T13:56:35 Moonbase",	"2017-03-30T13:56:35Z" },
	{ "2017-03-30, updated 2018",		"2017-03-30T00:00:00Z" },
	/* zones are read as date_parse() reads them (pages once had "+5"
	 * and "JST" read as UTC) */
	{ "2017-03-30T13:56:35+5",		"2017-03-30T08:56:35Z" },
	{ "2017-03-30T13:56:35 JST",		"2017-03-30T04:56:35Z" },
	/* what date_parse() reads */
	{ "Thu, 30 Mar 2017 13:56:35 GMT",	"2017-03-30T13:56:35Z" },
	{ "2017-W13-4",				"2017-03-30T00:00:00Z" },
	{ "March 30, 2017 9:56 AM ET",		"2017-03-30T14:56:00Z" },
	/* prose */
	{ "Published March 30, 2017 at 9:56 a.m. ET",
	  "2017-03-30T14:56:00Z" },
	{ "Updated: 30 March 2017, 9:56 pm",	"2017-03-30T21:56:00Z" },
	{ "Posted on Sept. 5th, 2016",		"2016-09-05T00:00:00Z" },
	{ "12:30 PM, March 1 2020 GMT",		"2020-03-01T12:30:00Z" },
	{ "March 1 2020 12:05 am CET",		"2020-02-29T23:05:00Z" },
	/* a word is a zone only in capitals ("at" is Atlantic time) */
	{ "March 1 2020 10:00 at the hall",	"2020-03-01T10:00:00Z" },
	/* not dates, or impossible ones (pages once gave "2017-02-31" as
	 * March 3rd and "Mayor" as May) */
	{ "2017-02-31",				NULL },
	{ "February 30, 2017",			NULL },
	{ "The Mayor said 30 things in 2017",	NULL },
	{ "2017 was a year",			NULL },
	{ "2017-03-30 12 comments",		NULL },
	{ "March 30 at 9:56",			NULL },
	{ "",					NULL },
};

static void
test_date_page(void **state)
{
	char	 got[32];
	int64_t	 t;
	size_t	 i;
	int	 rc;

	(void)state;
	for (i = 0; i < nitems(page_cases); i++) {
		t = 0;
		rc = date_parse_page(page_cases[i].in, &t);
		if (page_cases[i].out == NULL) {
			if (rc == 0) {
				time_rfc3339(t, got, sizeof got);
				fail_msg("\"%s\": got %s, expected no date",
				    page_cases[i].in, got);
			}
			continue;
		}
		if (rc != 0)
			fail_msg("\"%s\": no date, expected %s",
			    page_cases[i].in, page_cases[i].out);
		time_rfc3339(t, got, sizeof got);
		if (strcmp(got, page_cases[i].out) != 0)
			fail_msg("\"%s\": got %s, expected %s",
			    page_cases[i].in, got, page_cases[i].out);
	}
	assert_int_equal(date_parse_page(NULL, &t), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_table),
		cmocka_unit_test(test_date_epoch_and_null),
		cmocka_unit_test(test_date_page),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
