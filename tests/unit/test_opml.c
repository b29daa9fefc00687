/* test_opml.c: OPML import into the dotfile and export out of it. */
#include "testlib.h"

#include <sys/stat.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "opml.h"
#include "util.h"

#define FIX	"tests/fixtures/opml/"

/* A feed as one line "URL|TITLE|TAG,TAG" for comparing in one go. */
static char *
describe(const char *url, const char *title, char *const *tags, size_t n)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	buf_addf(&b, "%s|%s|", url, title != NULL ? title : "(none)");
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i > 0 ? "," : "", tags[i]);
	return (buf_detach(&b, NULL));
}

/* Parse a file and compare its feeds with want[], NULL-terminated. */
static void
check_file(const char *path, const char *const *want)
{
	struct opml_feed	*feeds;
	struct buf		 data = BUF_INIT;
	size_t			 n, i;
	char			*cause, *got;

	slurp(path, &data);
	if (opml_parse(data.data, data.len, &feeds, &n, &cause) != 0)
		fail_msg("%s: %s", path, cause);
	for (i = 0; i < n && want[i] != NULL; i++) {
		got = describe(feeds[i].url, feeds[i].title, feeds[i].tags,
		    feeds[i].ntags);
		if (strcmp(got, want[i]) != 0)
			fail_msg("%s feed %zu:\n got %s\nwant %s", path, i, got,
			    want[i]);
		free(got);
	}
	if (i != n || want[i] != NULL)
		fail_msg("%s: %zu feeds", path, n);
	opml_feeds_free(feeds, n);
	buf_release(&data);
}

/* A careless file: BOM, DOCTYPE with an internal subset, bare "&", HTML
 * and unknown entities, a bad byte, nested folders, categories. */
static void
test_opml_parse_fixture(void **state)
{
	static const char *const want[] = {
		"https://lwn.net/headlines/rss|LWN.net|",
		"https://news.ycombinator.com/rss|Hacker News|Tech & Science",
		"https://feeds.arstechnica.com/arstechnica/index|"
		    "Ars Technica (all)|Tech & Science",
		"https://www.nasa.gov/feeds/iotd-feed/|NASA Image of the Day|"
		    "Tech & Science,Space,astronomy",
		"https://feeds.bbci.co.uk/news/world/rss.xml|"
		    "BBC News \xe2\x80\x94 World|News",
		"https://www.theregister.com/headlines.atom|The Register: "
		    "Biting the hand & feeding &unknown; it|News",
		"https://example.org/bad-bytes.xml|"
		    "Bad \xef\xbf\xbd bytes \xef\xbf\xbd here A|News",
		"https://example.org/untitled.xml|(none)|News",
		"ftp://example.org/feed.xml|Old FTP feed|",
		"https://lwn.net/headlines/rss|LWN again|",
		NULL
	};

	(void)state;
	check_file(FIX "subscriptions.opml", want);
}

/* Other encodings: ISO-8859-1 (read as Windows-1252), UTF-16 and the
 * rest. */
static void
test_opml_parse_encodings(void **state)
{
	static const char *const latin1[] = {
		"https://www.lemonde.fr/rss/une.xml|Le Monde \xc3\xa0 la une|"
		    "Caf\xc3\xa9 \xe2\x80\x9cquotes\xe2\x80\x9d",
		NULL
	};
	static const char *const utf16[] = {
		"https://www3.nhk.or.jp/rss/news/cat0.xml|"
		    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x93\xb0|",
		NULL
	};
	struct opml_feed	*feeds;
	struct buf		 le = BUF_INIT, be = BUF_INIT;
	size_t			 n, i;
	char			*cause;

	(void)state;
	check_file(FIX "latin1.opml", latin1);
	check_file(FIX "utf16le.opml", utf16);

	/* The same bytes swapped are UTF-16BE; without the BOM they are
	 * recognised by the "<?" they start with. */
	slurp(FIX "utf16le.opml", &le);
	for (i = 2; i + 1 < le.len; i += 2) {
		buf_addch(&be, le.data[i + 1]);
		buf_addch(&be, le.data[i]);
	}
	assert_int_equal(opml_parse(be.data, be.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(feeds[0].title, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa"
	    "\x9e \xf0\x9f\x93\xb0");
	opml_feeds_free(feeds, n);
	/* Any encoding a feed may be in, not only those two (KOI8-R was
	 * read as UTF-8, each letter a U+FFFD). */
	buf_reset(&be);
	buf_addstr(&be, "<?xml version=\"1.0\" encoding=\"koi8-r\"?>\n"
	    "<opml version=\"2.0\"><body><outline text=\"\xf0\xd2\xc9\xd7"
	    "\xc5\xd4\" xmlUrl=\"https://a.org/x\"/></body></opml>\n");
	assert_int_equal(opml_parse(be.data, be.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(feeds[0].title,
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	opml_feeds_free(feeds, n);
	assert_int_equal(opml_parse(le.data + 2, le.len - 2, &feeds, &n,
	    &cause), 0);
	assert_int_equal(n, 1);
	opml_feeds_free(feeds, n);
	buf_release(&le);
	buf_release(&be);
}

/* What a title attribute becomes: references and bad text. */
static const struct {
	const char	*attr;		/* the text="" attribute as written */
	const char	*title;		/* NULL: no title */
} titles[] = {
	{ "plain", "plain" },
	{ "a & b", "a & b" },
	{ "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;",
	  "a & b <c> \"d\" 'e'" },
	{ "&eacute;t&eacute;&hellip;", "\xc3\xa9t\xc3\xa9\xe2\x80\xa6" },
	{ "x&nbsp;&nbsp;y", "x y" },
	{ "&bogus; x", "&bogus; x" },
	{ "&#65;&#x42;&#X43;", "AB&#X43;" },
	{ "&#65", "&#65" },
	{ "&#;", "&#;" },
	{ "&#xZZ;", "&#xZZ;" },
	{ "&#0;x", "\xef\xbf\xbdx" },
	{ "&#x110000;", "\xef\xbf\xbd" },
	{ "&#xD800;", "\xef\xbf\xbd" },
	{ "&#99999999999999999999;", "\xef\xbf\xbd" },
	{ "&averyveryveryveryveryverylongname;",
	  "&averyveryveryveryveryverylongname;" },
	{ "trailing &", "trailing &" },
	{ "bad \xc3( utf8 \xc3\xa9", "bad \xef\xbf\xbd( utf8 \xc3\xa9" },
	/* bytes that never form UTF-8 are windows-1252, as in feeds */
	{ "caf\xe9 \x93x\x94", "caf\xc3\xa9 \xe2\x80\x9cx\xe2\x80\x9d" },
	{ "ctl \x01 char", "ctl \xef\xbf\xbd char" },
	{ "  spaced\n\t out  ", "spaced out" },
	/* "<!--" inside a tag is an attribute name to mxml, so the
	 * references after it reach mxml unrepaired (found by fuzz_opml). */
	{ "\" t<!--=\"1\" title=\"&#xD800;x",
	  "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx" },
	{ "", NULL },
	{ "https://a.org/x", NULL },
};

static void
test_opml_titles(void **state)
{
	struct opml_feed	*feeds;
	struct buf		 doc = BUF_INIT;
	size_t			 i, n;
	char			*cause;

	(void)state;
	for (i = 0; i < nitems(titles); i++) {
		buf_reset(&doc);
		buf_addf(&doc, "<?xml version=\"1.0\"?>\n<opml version=\"2.0\">"
		    "<body><outline text=\"%s\" xmlUrl=\"https://a.org/x\"/>"
		    "</body></opml>\n", titles[i].attr);
		if (opml_parse(doc.data, doc.len, &feeds, &n, &cause) != 0)
			fail_msg("row %zu (%s): %s", i, titles[i].attr, cause);
		assert_int_equal(n, 1);
		if (titles[i].title == NULL && feeds[0].title != NULL)
			fail_msg("row %zu: title \"%s\"", i, feeds[0].title);
		if (titles[i].title != NULL && (feeds[0].title == NULL ||
		    strcmp(feeds[0].title, titles[i].title) != 0))
			fail_msg("row %zu (%s): title \"%s\"", i,
			    titles[i].attr, feeds[0].title != NULL ?
			    feeds[0].title : "(none)");
		opml_feeds_free(feeds, n);
	}
	buf_release(&doc);
}

/* Outline details: which outlines are feeds, folders and categories. */
static const struct {
	const char	*body;
	const char	*want;		/* feeds as describe() lines */
} outlines[] = {
	{ "<outline title=\"Only title\" xmlurl=\"https://a.org/1\"/>",
	  "https://a.org/1|Only title|" },
	{ "<outline text=\"\" title=\"Empty text\" XMLURL=\" https://a.org/2 "
	  "\"/>", "https://a.org/2|Empty text|" },
	{ "<outline text=\"No URL\"/><outline text=\"E\" xmlUrl=\"\"/>", "" },
	{ "<outline text=\"~Tilde\"><outline text=\"!Bang\">"
	  "<outline text=\"~~\">"
	  "<outline text=\"F\" xmlUrl=\"https://a.org/3\"/>"
	  "</outline></outline></outline>", "https://a.org/3|F|Tilde,Bang" },
	{ "<outline text=\"A\"><outline text=\"A\"><outline text=\"F\" "
	  "xmlUrl=\"https://a.org/4\" category=\"/A,, /B ,//C/D,/\"/>"
	  "</outline></outline>", "https://a.org/4|F|A,B,C/D" },
	{ "<outline text=\"Feed with children\" xmlUrl=\"https://a.org/5\">"
	  "<outline text=\"Child\" xmlUrl=\"https://a.org/6\"/></outline>",
	  "https://a.org/5|Feed with children|\n"
	  "https://a.org/6|Child|" },
	{ "<Outline Text=\"Case\" xmlUrl=\"https://a.org/7\"/>",
	  "https://a.org/7|Case|" },
	{ "<outline text=\"Folder\"><!-- <!DOCTYPE x> & -->"
	  "<![CDATA[ & ]]><outline text=\"F\" xmlUrl=\"https://a.org/8\"/>"
	  "</outline>", "https://a.org/8|F|Folder" },
};

static void
test_opml_outlines(void **state)
{
	struct opml_feed	*feeds;
	struct buf		 doc = BUF_INIT, got = BUF_INIT;
	size_t			 i, j, n;
	char			*cause, *line;

	(void)state;
	for (i = 0; i < nitems(outlines); i++) {
		buf_reset(&doc);
		buf_addf(&doc, "<opml version=\"1.0\"><head/><body>%s</body>"
		    "</opml>", outlines[i].body);
		if (opml_parse(doc.data, doc.len, &feeds, &n, &cause) != 0)
			fail_msg("row %zu: %s", i, cause);
		buf_reset(&got);
		for (j = 0; j < n; j++) {
			line = describe(feeds[j].url, feeds[j].title,
			    feeds[j].tags, feeds[j].ntags);
			buf_addf(&got, "%s%s", j > 0 ? "\n" : "", line);
			free(line);
		}
		if (strcmp(got.data, outlines[i].want) != 0)
			fail_msg("row %zu:\n got %s\nwant %s", i, got.data,
			    outlines[i].want);
		opml_feeds_free(feeds, n);
	}
	buf_release(&doc);
	buf_release(&got);
}

static void
test_opml_errors(void **state)
{
	static const struct {
		const char	*path;		/* or NULL: use text */
		const char	*text;
		const char	*cause;
	} rows[] = {
		{ FIX "not-opml.xml", NULL, "not an OPML file (its root "
		  "element is <rss>, not <opml>)" },
		{ FIX "broken.opml", NULL, "not valid OPML: Mismatched close "
		  "tag </body> under parent <outline> on line 2." },
		{ NULL, "", "not valid OPML: the document is empty" },
		{ NULL, "just text", "not an OPML file (it has no XML "
		  "element)" },
		{ NULL, "<opml x/>", "not valid OPML: Missing value for "
		  "attribute 'x' in element opml on line 1." },
		{ NULL, "<\x1b[2J/>", "not an OPML file (its root element is "
		  "<\xef\xbf\xbd[2J>, not <opml>)" },
	};
	struct opml_feed	*feeds;
	struct buf		 data = BUF_INIT;
	size_t			 i, n;
	char			*cause;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		buf_reset(&data);
		if (rows[i].path != NULL)
			slurp(rows[i].path, &data);
		else
			buf_addstr(&data, rows[i].text);
		cause = NULL;
		if (opml_parse(data.data, data.len, &feeds, &n, &cause) != -1)
			fail_msg("row %zu parsed", i);
		if (strcmp(cause, rows[i].cause) != 0)
			fail_msg("row %zu:\n got %s\nwant %s", i, cause,
			    rows[i].cause);
		assert_null(feeds);
		assert_int_equal(n, 0);
		free(cause);
	}
	buf_release(&data);
}

/* A document cannot close the parser's own top node ("</tidings>"), after
 * which mxml would read on with no parent and leak what it made (the
 * sanitizer build checks at exit): such a close tag is a mistake. */
static void
test_opml_close_top(void **state)
{
	static const char *const rows[] = {
		"<opml><body><outline xmlUrl=\"http://a/b\"/></body></opml>"
		"</tidings>text",
		"x</tidings>\n<o/bdy>",
		"</tidings><opml>x<a>y</a>z</opml>text",
		"<opml/></tidings>text<?pi?>",
		"</tidings><?xml version=\"1.0\"?>t<opml>u</opml>v",
		"</tidings>m<xl? version=</opml>v",
		"</tidings&#x80;>",
	};
	struct opml_feed	*feeds;
	size_t			 i, n;
	char			*cause;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		cause = NULL;
		if (opml_parse(rows[i], strlen(rows[i]), &feeds, &n,
		    &cause) != -1)
			fail_msg("row %zu parsed", i);
		if (strstr(cause, "Mismatched close tag </tidings") == NULL)
			fail_msg("row %zu: %s", i, cause);
		assert_int_equal(n, 0);
		free(cause);
	}
}

/* Deeply nested folders cost no stack; the innermost 64 are tags. */
static void
test_opml_deep(void **state)
{
	struct opml_feed	*feeds;
	struct buf		 doc = BUF_INIT;
	size_t			 i, n, depth = 200000;
	char			*cause, name[16];

	(void)state;
	buf_addstr(&doc, "<opml><body>");
	for (i = 0; i < depth; i++)
		buf_addf(&doc, "<outline text=\"f%zu\">", i);
	buf_addstr(&doc, "<outline text=\"deep\" xmlUrl=\"https://a.org/x\"/>");
	for (i = 0; i < depth; i++)
		buf_addstr(&doc, "</outline>");
	buf_addstr(&doc, "</body></opml>");
	assert_int_equal(opml_parse(doc.data, doc.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(feeds[0].ntags, 64);
	snprintf(name, sizeof name, "f%zu", depth - 64);
	assert_string_equal(feeds[0].tags[0], name);
	snprintf(name, sizeof name, "f%zu", depth - 1);
	assert_string_equal(feeds[0].tags[63], name);
	opml_feeds_free(feeds, n);
	buf_release(&doc);
}

/* The dotfile a user wrote: no final newline, odd spacing, a comment. */
static const char	 dotfile[] =
    "# my feeds\n"
    "set max-items 100\r\n"
    "feed https://lwn.net/headlines/rss   linux   # keep my spacing";

/* The lines the fixture adds to it, in order. */
static const char	 appended[] =
    "\n"
    "feed https://news.ycombinator.com/rss \"Tech & Science\" "
    "\"~Hacker News\"\n"
    "feed https://feeds.arstechnica.com/arstechnica/index "
    "\"Tech & Science\" \"~Ars Technica (all)\"\n"
    "feed https://www.nasa.gov/feeds/iotd-feed/ \"Tech & Science\" Space "
    "astronomy \"~NASA Image of the Day\"\n"
    "feed https://feeds.bbci.co.uk/news/world/rss.xml News "
    "\"~BBC News \xe2\x80\x94 World\"\n"
    "feed https://www.theregister.com/headlines.atom News \"~The Register: "
    "Biting the hand & feeding &unknown; it\"\n"
    "feed https://example.org/bad-bytes.xml News "
    "\"~Bad \xef\xbf\xbd bytes \xef\xbf\xbd here A\"\n"
    "feed https://example.org/untitled.xml News\n";

/* Load the dotfile at path into cfg or fail. */
static void
load(const char *path, struct config *cfg)
{
	struct causes	 causes = CAUSES_INIT;

	config_init(cfg);
	if (config_load(path, cfg, &causes) != 0)
		fail_msg("%s: %s", path, causes.v[0]);
	causes_release(&causes);
}

static void
test_opml_import(void **state)
{
	struct config	 cfg;
	struct causes	 skipped = CAUSES_INIT;
	struct buf	 opml = BUF_INIT, file = BUF_INIT, want = BUF_INIT;
	char		 dir[] = "/tmp/tidings-test-XXXXXX";
	char		*path, *cause;
	int		 added;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/config", dir);
	spew(path, dotfile, strlen(dotfile));
	slurp(FIX "subscriptions.opml", &opml);

	load(path, &cfg);
	if (opml_import(path, opml.data, opml.len, &cfg, &added, &skipped,
	    &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(added, 7);
	/* The one outline that cannot be a feed is named, with why. */
	assert_int_equal(skipped.n, 1);
	assert_string_equal(skipped.v[0], "ftp://example.org/feed.xml: "
	    "\"ftp\" URLs are not supported; use http, https or file");
	causes_release(&skipped);
	config_release(&cfg);

	/* The user's bytes are all there, untouched, then the new lines. */
	slurp(path, &file);
	buf_addstr(&want, dotfile);
	buf_addstr(&want, appended);
	assert_int_equal(file.len, want.len);
	assert_memory_equal(file.data, want.data, want.len);

	/* It loads, and importing again adds nothing and writes nothing. */
	load(path, &cfg);
	assert_int_equal(cfg.nfeeds, 8);
	if (opml_import(path, opml.data, opml.len, &cfg, &added, &skipped,
	    &cause) != 0)
		fail_msg("import again: %s", cause);
	causes_release(&skipped);
	assert_int_equal(added, 0);
	buf_reset(&file);
	slurp(path, &file);
	assert_int_equal(file.len, want.len);
	assert_memory_equal(file.data, want.data, want.len);
	config_release(&cfg);

	/* Bad OPML leaves the file alone. */
	load(path, &cfg);
	assert_int_equal(opml_import(path, "<rss/>", 6, &cfg, &added,
	    &skipped, &cause), -1);
	assert_string_equal(cause, "not an OPML file (its root element is "
	    "<rss>, not <opml>)");
	free(cause);
	config_release(&cfg);
	buf_reset(&file);
	slurp(path, &file);
	assert_int_equal(file.len, want.len);

	free(path);
	rm_tree(dir);
	buf_release(&opml);
	buf_release(&file);
	buf_release(&want);
}

/* An OPML file is someone else's: an outline whose URL is a local file
 * (which the dotfile would then read as the user's own), or whose line the
 * dotfile's parser would refuse, is skipped and named with the reason;
 * the rest is imported and the dotfile still loads. */
static void
test_opml_import_skips(void **state)
{
	static const char	 doc[] = "<opml><body>"
	    "<outline text=\"Passwords\" xmlUrl=\"file:///etc/passwd\"/>"
	    "<outline text=\"Terminal\" xmlUrl=\"FILE:///dev/tty\"/>"
	    "<outline text=\"Space\" xmlUrl=\"http://example.org/a b\"/>"
	    "<outline text=\"Query\" xmlUrl=\"query:Unread:unread = &quot;"
	    "yes&quot;\"/>"
	    "<outline text=\"Exec\" xmlUrl=\"exec:~/bin/feed\"/>"
	    "<outline text=\"Tab\" xmlUrl=\"http://example.org/&#9;x\"/>"
	    "<outline text=\"Good\" xmlUrl=\"https://example.org/good\"/>"
	    "</body></opml>";
	static const char *const want[] = {
		"file:///etc/passwd: a file: URL is read only when the user "
		"writes it into the dotfile; not taken from elsewhere",
		"FILE:///dev/tty: a file: URL is read only when the user "
		"writes it into the dotfile; not taken from elsewhere",
		"http://example.org/a b: \"http://example.org/a b\" is not a "
		"valid URL",
		"query:Unread:unread = \"yes\": \"query:Unread:unread = "
		"\"yes\"\" is newsboat's query feed; write it \"query NAME "
		"EXPRESSION\" here",
		"exec:~/bin/feed: \"exec:\" feeds run a command: only the "
		"dotfile's own feed lines may name one",
		"http://example.org/ x: \"http://example.org/ x\" is not a "
		"valid URL",
	};
	struct config		 cfg;
	struct causes		 skipped = CAUSES_INIT, causes = CAUSES_INIT;
	struct buf		 file = BUF_INIT;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	char			*path, *cause;
	size_t			 i;
	int			 added;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/config", dir);
	config_init(&cfg);
	if (opml_import(path, doc, strlen(doc), &cfg, &added, &skipped,
	    &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(added, 1);
	for (i = 0; i < skipped.n && i < nitems(want); i++)
		if (strcmp(skipped.v[i], want[i]) != 0)
			fail_msg("skipped %zu: \"%s\", want \"%s\"", i,
			    skipped.v[i], want[i]);
	assert_int_equal(skipped.n, nitems(want));
	slurp(path, &file);
	assert_string_equal(file.data,
	    "feed https://example.org/good ~Good\n");
	config_release(&cfg);
	config_init(&cfg);
	assert_int_equal(config_load(path, &cfg, &causes), 0);
	assert_int_equal(cfg.nfeeds, 1);
	config_release(&cfg);
	causes_release(&skipped);
	buf_release(&file);
	free(path);
	rm_tree(dir);
}

/* A missing dotfile and its directories are created; a dotfile that is a
 * directory is an error. */
static void
test_opml_import_creates(void **state)
{
	static const char	 doc[] = "<opml><body><outline text=\"X\" "
	    "xmlUrl=\"https://a.org/x\"/></body></opml>";
	struct config		 cfg;
	struct causes		 skipped = CAUSES_INIT;
	struct buf		 file = BUF_INIT;
	struct stat		 st;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	char			*path, *cause, *want;
	int			 added;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/new/tidings/config", dir);
	config_init(&cfg);
	if (opml_import(path, doc, strlen(doc), &cfg, &added, &skipped,
	    &cause) != 0)
		fail_msg("import: %s", cause);
	assert_int_equal(added, 1);
	slurp(path, &file);
	assert_string_equal(file.data, "feed https://a.org/x ~X\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0077, 0);
	free(path);

	/* An empty OPML adds nothing and creates nothing. */
	xasprintf(&path, "%s/empty/config", dir);
	assert_int_equal(opml_import(path, "<opml/>", 7, &cfg, &added,
	    &skipped, &cause), 0);
	assert_int_equal(added, 0);
	assert_int_equal(stat(path, &st), -1);
	free(path);

	xasprintf(&path, "%s/new", dir);
	assert_int_equal(opml_import(path, doc, strlen(doc), &cfg, &added,
	    &skipped, &cause), -1);
	xasprintf(&want, "%s: Is a directory", path);
	assert_string_equal(cause, want);
	assert_int_equal(added, 0);
	free(want);
	free(cause);
	free(path);

	config_release(&cfg);
	buf_release(&file);
	rm_tree(dir);
}

/* A config with tags, titles, and text XML must escape. */
static const char	 exported_config[] =
    "feed https://lwn.net/headlines/rss linux news\n"
    "feed https://news.ycombinator.com/rss tech \"~Hacker News\"\n"
    "feed https://a.org/x?a=1&b=2 \"~Q&A <\\\"quoted\\\">\"\n"
    "feed https://a.org/y tech \"b, c\" science \"~Y\"\n"
    "feed https://a.org/z news \"~Z\" !\n"
    "feed https://a.org/w \"r&d\" < max-items 5\n";

static const char	 exported[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<opml version=\"2.0\">\n"
    "  <head>\n"
    "    <title>tidings subscriptions</title>\n"
    "  </head>\n"
    "  <body>\n"
    "    <outline type=\"rss\" text=\"Q&amp;A &lt;&quot;quoted&quot;&gt;\" "
    "title=\"Q&amp;A &lt;&quot;quoted&quot;&gt;\" "
    "xmlUrl=\"https://a.org/x?a=1&amp;b=2\"/>\n"
    "    <outline text=\"linux\" title=\"linux\">\n"
    "      <outline type=\"rss\" text=\"https://lwn.net/headlines/rss\" "
    "title=\"https://lwn.net/headlines/rss\" "
    "xmlUrl=\"https://lwn.net/headlines/rss\" category=\"/linux,/news\"/>\n"
    "    </outline>\n"
    "    <outline text=\"tech\" title=\"tech\">\n"
    "      <outline type=\"rss\" text=\"Hacker News\" title=\"Hacker News\" "
    "xmlUrl=\"https://news.ycombinator.com/rss\"/>\n"
    "      <outline type=\"rss\" text=\"Y\" title=\"Y\" "
    "xmlUrl=\"https://a.org/y\" category=\"/tech,/science\"/>\n"
    "    </outline>\n"
    "    <outline text=\"news\" title=\"news\">\n"
    "      <outline type=\"rss\" text=\"Z\" title=\"Z\" "
    "xmlUrl=\"https://a.org/z\"/>\n"
    "    </outline>\n"
    "    <outline text=\"r&amp;d\" title=\"r&amp;d\">\n"
    "      <outline type=\"rss\" text=\"https://a.org/w\" "
    "title=\"https://a.org/w\" xmlUrl=\"https://a.org/w\"/>\n"
    "    </outline>\n"
    "  </body>\n"
    "</opml>\n";

static void
test_opml_export(void **state)
{
	struct config		 cfg, back;
	struct causes		 causes = CAUSES_INIT, skipped = CAUSES_INIT;
	struct opml_feed	*feeds;
	struct buf		 out = BUF_INIT;
	const struct config_feed *cf;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	char			*path, *cause, *a, *b;
	size_t			 i, j, n;
	int			 added;

	(void)state;
	config_init(&cfg);
	if (config_load_buffer(exported_config, strlen(exported_config), "t",
	    &cfg, &causes) != 0)
		fail_msg("%s", causes.v[0]);
	opml_export(&cfg, NULL, &out);
	if (strcmp(out.data, exported) != 0)
		fail_msg("got:\n%s", out.data);

	/* Read back, every feed has its URL and title; its tags come back
	 * too, except one with a comma that a category cannot hold. */
	assert_int_equal(opml_parse(out.data, out.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, cfg.nfeeds);
	for (i = 0; i < n; i++) {
		cf = NULL;
		for (j = 0; j < cfg.nfeeds; j++)
			if (strcmp(cfg.feeds[j].url, feeds[i].url) == 0)
				cf = &cfg.feeds[j];
		assert_non_null(cf);
		a = describe(cf->url, cf->title, cf->tags, cf->ntags);
		b = describe(feeds[i].url, feeds[i].title, feeds[i].tags,
		    feeds[i].ntags);
		if (strcmp(cf->url, "https://a.org/y") == 0)
			assert_string_equal(b,
			    "https://a.org/y|Y|tech,science");
		else
			assert_string_equal(a, b);
		free(a);
		free(b);
	}
	opml_feeds_free(feeds, n);

	/* Importing the export into an empty dotfile gives the same feeds. */
	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/config", dir);
	config_init(&back);
	assert_int_equal(opml_import(path, out.data, out.len, &back, &added,
	    &skipped, &cause), 0);
	assert_int_equal(skipped.n, 0);
	assert_int_equal(added, (int)cfg.nfeeds);
	config_release(&back);
	config_init(&back);
	assert_int_equal(config_load(path, &back, &causes), 0);
	assert_int_equal(back.nfeeds, cfg.nfeeds);
	free(path);
	rm_tree(dir);

	config_release(&back);
	config_release(&cfg);
	buf_release(&out);
}

/* A feed without a ~title is named by the title the database knows for
 * it, not by its URL, and its site goes into htmlUrl; a ~title wins. */
static void
test_opml_export_known(void **state)
{
	static const char	 text[] =
	    "feed https://a.org/named \"~My name\"\n"
	    "feed https://a.org/plain\n"
	    "feed https://a.org/never\n";
	static const struct opml_known known[] = {
		{ "Its own title", "https://a.org/" },
		{ "Plain & simple", "https://a.org/plain.html" },
		{ NULL, NULL },
	};
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	struct buf	 out = BUF_INIT;

	(void)state;
	config_init(&cfg);
	if (config_load_buffer(text, strlen(text), "t", &cfg, &causes) != 0)
		fail_msg("%s", causes.v[0]);
	opml_export(&cfg, known, &out);
	assert_non_null(strstr(out.data, "<outline type=\"rss\" "
	    "text=\"My name\" title=\"My name\" xmlUrl=\"https://a.org/named\" "
	    "htmlUrl=\"https://a.org/\"/>"));
	assert_non_null(strstr(out.data, "<outline type=\"rss\" "
	    "text=\"Plain &amp; simple\" title=\"Plain &amp; simple\" "
	    "xmlUrl=\"https://a.org/plain\" "
	    "htmlUrl=\"https://a.org/plain.html\"/>"));
	assert_non_null(strstr(out.data, "<outline type=\"rss\" "
	    "text=\"https://a.org/never\" title=\"https://a.org/never\" "
	    "xmlUrl=\"https://a.org/never\"/>"));
	config_release(&cfg);
	buf_release(&out);
}

/* Command feeds go out as Liferea writes them and newsboat reads them
 * ("|COMMAND", a filtercmd attribute) and come back in as exec: and
 * filter: URLs, which an import names and skips: an OPML file is someone
 * else's, and only the user's own feed lines run commands. */
static void
test_opml_commands(void **state)
{
	static const char	 text[] =
	    "feed \"exec:~/bin/f 'a b' <&>\" \"~Made\"\n"
	    "feed \"filter:sed -e s/a/b/:https://a.org/x?a=1&b=2\"\n";
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT, skipped = CAUSES_INIT;
	struct opml_feed	*feeds;
	struct buf		 out = BUF_INIT;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	char			*path, *cause;
	size_t			 n;
	int			 added;

	(void)state;
	config_init(&cfg);
	if (config_load_buffer(text, strlen(text), "t", &cfg, &causes) != 0)
		fail_msg("%s", causes.v[0]);
	opml_export(&cfg, NULL, &out);
	assert_non_null(strstr(out.data, "<outline type=\"rss\" text=\"Made\" "
	    "title=\"Made\" xmlUrl=\"|~/bin/f 'a b' &lt;&amp;&gt;\"/>"));
	assert_non_null(strstr(out.data, " filtercmd=\"sed -e s/a/b/\" "
	    "xmlUrl=\"https://a.org/x?a=1&amp;b=2\"/>"));
	assert_int_equal(opml_parse(out.data, out.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, 2);
	assert_string_equal(feeds[0].url, cfg.feeds[0].url);
	assert_string_equal(feeds[1].url, cfg.feeds[1].url);
	opml_feeds_free(feeds, n);

	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/config", dir);
	config_release(&cfg);
	config_init(&cfg);
	assert_int_equal(opml_import(path, out.data, out.len, &cfg, &added,
	    &skipped, &cause), 0);
	assert_int_equal(added, 0);
	assert_int_equal(skipped.n, 2);
	assert_string_equal(skipped.v[0], "exec:~/bin/f 'a b' <&>: \"exec:\" "
	    "feeds run a command: only the dotfile's own feed lines may name "
	    "one");
	assert_non_null(strstr(skipped.v[1], "\"filter:\" feeds run a "
	    "command"));
	causes_release(&skipped);
	free(path);
	rm_tree(dir);
	config_release(&cfg);
	buf_release(&out);
}

/* An empty config exports an empty but valid list. */
static void
test_opml_export_empty(void **state)
{
	struct config		 cfg;
	struct opml_feed	*feeds;
	struct buf		 out = BUF_INIT;
	size_t			 n;
	char			*cause;

	(void)state;
	config_init(&cfg);
	opml_export(&cfg, NULL, &out);
	assert_int_equal(opml_parse(out.data, out.len, &feeds, &n, &cause), 0);
	assert_int_equal(n, 0);
	opml_feeds_free(feeds, n);
	config_release(&cfg);
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opml_parse_fixture),
		cmocka_unit_test(test_opml_parse_encodings),
		cmocka_unit_test(test_opml_titles),
		cmocka_unit_test(test_opml_outlines),
		cmocka_unit_test(test_opml_errors),
		cmocka_unit_test(test_opml_close_top),
		cmocka_unit_test(test_opml_deep),
		cmocka_unit_test(test_opml_import),
		cmocka_unit_test(test_opml_import_skips),
		cmocka_unit_test(test_opml_import_creates),
		cmocka_unit_test(test_opml_export),
		cmocka_unit_test(test_opml_export_empty),
		cmocka_unit_test(test_opml_commands),
		cmocka_unit_test(test_opml_export_known),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
