/* test_url.c: resolving references as feeds and pages write them. */
#include "testlib.h"

#include "url.h"

#define RFC_BASE	"http://a/b/c/d;p?q"

/* RFC 3986, 5.4.1 and 5.4.2, against RFC_BASE. */
static const struct {
	const char	*ref;
	const char	*want;
} rfc_cases[] = {
	/* normal examples */
	{ "g:h",	"g:h" },
	{ "g",		"http://a/b/c/g" },
	{ "./g",	"http://a/b/c/g" },
	{ "g/",		"http://a/b/c/g/" },
	{ "/g",		"http://a/g" },
	{ "//g",	"http://g" },
	{ "?y",		"http://a/b/c/d;p?y" },
	{ "g?y",	"http://a/b/c/g?y" },
	{ "#s",		"http://a/b/c/d;p?q#s" },
	{ "g#s",	"http://a/b/c/g#s" },
	{ "g?y#s",	"http://a/b/c/g?y#s" },
	{ ";x",		"http://a/b/c/;x" },
	{ "g;x",	"http://a/b/c/g;x" },
	{ "g;x?y#s",	"http://a/b/c/g;x?y#s" },
	{ "",		"http://a/b/c/d;p?q" },
	{ ".",		"http://a/b/c/" },
	{ "./",		"http://a/b/c/" },
	{ "..",		"http://a/b/" },
	{ "../",	"http://a/b/" },
	{ "../g",	"http://a/b/g" },
	{ "../..",	"http://a/" },
	{ "../../",	"http://a/" },
	{ "../../g",	"http://a/g" },
	/* abnormal examples */
	{ "../../../g",	"http://a/g" },
	{ "../../../../g", "http://a/g" },
	{ "/./g",	"http://a/g" },
	{ "/../g",	"http://a/g" },
	{ "g.",		"http://a/b/c/g." },
	{ ".g",		"http://a/b/c/.g" },
	{ "g..",	"http://a/b/c/g.." },
	{ "..g",	"http://a/b/c/..g" },
	{ "./../g",	"http://a/b/g" },
	{ "./g/.",	"http://a/b/c/g/" },
	{ "g/./h",	"http://a/b/c/g/h" },
	{ "g/../h",	"http://a/b/c/h" },
	{ "g;x=1/./y",	"http://a/b/c/g;x=1/y" },
	{ "g;x=1/../y",	"http://a/b/c/y" },
	{ "g?y/./x",	"http://a/b/c/g?y/./x" },
	{ "g?y/../x",	"http://a/b/c/g?y/../x" },
	{ "g#s/./x",	"http://a/b/c/g#s/./x" },
	{ "g#s/../x",	"http://a/b/c/g#s/../x" },
	{ "http:g",	"http:g" },	/* the strict parser's answer */
};

static void
test_url_rfc3986(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(rfc_cases); i++) {
		buf_reset(&b);
		assert_int_equal(url_resolve(&b, RFC_BASE, rfc_cases[i].ref),
		    0);
		if (strcmp(b.data, rfc_cases[i].want) != 0)
			fail_msg("\"%s\": got \"%s\", want \"%s\"",
			    rfc_cases[i].ref, b.data, rfc_cases[i].want);
	}
	buf_release(&b);
}

/* Other bases and references: the ones feeds and pages really hold. */
static const struct {
	const char	*base;
	const char	*ref;
	const char	*want;
} other_cases[] = {
	/* protocol-relative, its path cleaned too */
	{ "https://example.org/a/b", "//cdn.example/./x/../i.png?s=1#f",
	  "https://cdn.example/i.png?s=1#f" },
	/* a base with a host and no path */
	{ "https://example.org", "a.html", "https://example.org/a.html" },
	{ "https://example.org", "?q", "https://example.org?q" },
	/* a fragment or a query alone keep the rest of the base */
	{ "https://example.org/p?x=1#old", "#new",
	  "https://example.org/p?x=1#new" },
	{ "https://example.org/p?x=1#old", "?y=2",
	  "https://example.org/p?y=2" },
	{ "https://example.org/p?x=1#old", "",
	  "https://example.org/p?x=1" },
	/* empty segments are segments */
	{ "https://example.org/a//b/c", "../d", "https://example.org/a//d" },
	{ "https://example.org/", "/x//y", "https://example.org/x//y" },
	/* an absolute reference is left as it is */
	{ "https://example.org/", "https://x.org/./a", "https://x.org/./a" },
	{ "https://example.org/", "mailto:ed@example.org",
	  "mailto:ed@example.org" },
	/* white space around, tabs and line breaks inside, go */
	{ "https://example.org/d/", "  g\n", "https://example.org/d/g" },
	{ "https://example.org/d/", "/a\n  b.html\t",
	  "https://example.org/a  b.html" },
	{ "https://example.org/d/", "java\tscript:x", "javascript:x" },
	{ "https://example.org/d/", "ht\ntps://x.example/a\tb",
	  "https://x.example/ab" },
	/* other controls are percent-encoded, in the base too */
	{ "https://example.org/d/", "a\x01" "b", "https://example.org/d/a%01b" },
	{ "https://example.org/\x7f\xc2\x9b\xc3\xa9/p", "x",
	  "https://example.org/%7F%C2%9B\xc3\xa9/x" },
	/* no base, or a relative one (an xml:base without a document URL) */
	{ NULL, "a/../b", "a/../b" },
	{ "", "/x", "/x" },
	{ "/blog/", "img/a.png", "/blog/img/a.png" },
	{ "/blog/", "../top", "/top" },
	/* a base whose scheme would run code stays that scheme */
	{ "javascript:alert(1)//", "x", "javascript:alert(1)//x" },
};

static void
test_url_other(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(other_cases); i++) {
		buf_reset(&b);
		buf_addstr(&b, "");
		assert_int_equal(url_resolve(&b, other_cases[i].base,
		    other_cases[i].ref), 0);
		if (strcmp(b.data, other_cases[i].want) != 0)
			fail_msg("\"%s\" against \"%s\": got \"%s\", want "
			    "\"%s\"", other_cases[i].ref,
			    other_cases[i].base != NULL ? other_cases[i].base :
			    "(null)", b.data, other_cases[i].want);
	}
	/* Nothing to resolve: nothing appended. */
	buf_reset(&b);
	assert_int_equal(url_resolve(&b, NULL, " \t"), -1);
	assert_int_equal(url_resolve(&b, "", NULL), -1);
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

/* xml:base chains: each base is resolved against the one around it. */
static void
test_url_base_chain(void **state)
{
	static const char *const chain[] = {
		"http://example.org/feed.xml", "/blog/", "2004/", "../2005/",
		"//mirror.example/m/", "?all",
	};
	static const char *const want[] = {
		"http://example.org/feed.xml", "http://example.org/blog/",
		"http://example.org/blog/2004/", "http://example.org/blog/2005/",
		"http://mirror.example/m/", "http://mirror.example/m/?all",
	};
	struct buf	 b = BUF_INIT;
	char		*base = NULL;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(chain); i++) {
		buf_reset(&b);
		buf_addstr(&b, "");
		url_resolve(&b, base, chain[i]);
		assert_string_equal(b.data, want[i]);
		free(base);
		base = xstrdup(b.data);
	}
	free(base);
	buf_release(&b);
}

/* The parts of a URL, pointing into it. */
static void
test_url_split(void **state)
{
	struct url_parts	 u;

	(void)state;
	url_split("https://h.example:8/p/q?x=1#f", &u);
	assert_int_equal(u.schemelen, 5);
	assert_memory_equal(u.auth, "//h.example:8", u.authlen);
	assert_memory_equal(u.path, "/p/q", u.pathlen);
	assert_memory_equal(u.query, "?x=1", u.querylen);
	assert_string_equal(u.frag, "#f");
	url_split("1ab:c", &u);		/* a scheme starts with a letter */
	assert_null(u.scheme);
	assert_int_equal(u.pathlen, 5);
	assert_null(u.frag);
}

/* The last segment of a path, before a query or fragment. */
static void
test_url_last_segment(void **state)
{
	const char	*seg;
	size_t		 n;

	(void)state;
	seg = url_last_segment("https://h.example/a/ep.mp3?x=/y#z", &n);
	assert_int_equal(n, 6);
	assert_memory_equal(seg, "ep.mp3", n);
	seg = url_last_segment("https://h.example/a/", &n);
	assert_int_equal(n, 0);
	seg = url_last_segment("ep.mp3#t", &n);
	assert_int_equal(n, 6);
	assert_memory_equal(seg, "ep.mp3", n);
}

/* The schemes reader mode lets through, looked at in resolved URLs. */
static void
test_url_safe(void **state)
{
	static const char *const yes[] = {
		"http://a/", "HTTPS://a/", "ftp://a/f", "mailto:ed@a.org",
		"rel/x", "/abs", "?q", "#f", "", "%01javascript:x",
	};
	static const char *const no[] = {
		"javascript:alert(1)", "JavaScript:x", "vbscript:x",
		"data:text/html,x", "file:///etc/passwd", "httpx://a/",
		"ftps://a/", "about:blank",
	};
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(yes); i++)
		if (!url_safe(yes[i]))
			fail_msg("\"%s\" refused", yes[i]);
	for (i = 0; i < nitems(no); i++)
		if (url_safe(no[i]))
			fail_msg("\"%s\" let through", no[i]);
	/* What the markup writes is resolved first. */
	url_resolve(&b, "https://a.example/", "java\tscript:alert(1)");
	assert_false(url_safe(b.data));
	buf_reset(&b);
	url_resolve(&b, "javascript:alert(1)//", "x");
	assert_false(url_safe(b.data));
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_url_rfc3986),
		cmocka_unit_test(test_url_other),
		cmocka_unit_test(test_url_base_chain),
		cmocka_unit_test(test_url_split),
		cmocka_unit_test(test_url_last_segment),
		cmocka_unit_test(test_url_safe),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
