/* test_filter.c: the filter language, parsed (filter.c) and run as SQL
 * (store-filter.c) against a real store file built here: a table of
 * expressions with the items each must select, every attribute and
 * operator among them; a table of mistakes with the column each names;
 * hostile expressions; the killfile. Items are known by the last part of
 * their link ("A1"), and a result is their names, sorted. */
#include "testlib.h"

#include <locale.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "filter.h"
#include "store.h"
#include "util.h"

#define DAY	86400

/* One item of the test store. */
struct titem {
	const char	*name;		/* its link is FEED_URL_BASE/name */
	const char	*title;
	const char	*author;
	const char	*content;
	int64_t		 age;		/* seconds before now; < 0: a date */
	int64_t		 date;		/* when age < 0 */
	int		 read;
	int		 starred;
	const char	*enc_url;
	const char	*enc_type;
};

struct tfeed {
	const char	*url;
	const char	*title;		/* the feed's own */
	const char	*link;
	const char	*description;
	const char	*conf_title;	/* the dotfile's ~title, or NULL */
	const char	*tags;		/* the dotfile's tags, or NULL */
	const struct titem *items;
	size_t		 nitems;
};

/* 2020-02-29 12:00:00 UTC; the test runs in TZ=UTC. */
#define LEAP_NOON	1582977600

static const struct titem items_a[] = {
	{ "A1", "Rust 1.80 released", "Ferris",
	  "<p>The Rust team ships borrow checker news</p>", DAY + 3600, 0,
	  0, 0, NULL, NULL },
	{ "A2", "\xc3\x9cn\xc3\xaf" "code Stra\xc3\x9f" "e caf\xc3\xa9",
	  "Zo\xc3\xab", "<p>Gr\xc3\xbc\xc3\x9f" "e aus M\xc3\xbcnchen</p>",
	  3 * DAY + 3600, 0, 1, 1, NULL, NULL },
	{ "A3", "Sponsored: buy now", NULL, "ad", 10 * DAY + 3600, 0, 0, 0,
	  NULL, NULL },
};

static const struct titem items_b[] = {
	{ "B1", "Linux kernel 6.10", "Linus",
	  "<p>FreeBSD and Linux compared</p>", 7200, 0, 0, 1, NULL, NULL },
	{ "B2", "Quote \"this\" and 'that'; DROP TABLE items; --",
	  "Bobby Tables", "x", -1, LEAP_NOON, 1, 0, NULL, NULL },
};

static const struct titem items_c[] = {
	{ "C1", "Episode 12", "Host", "<p>audio</p>", 5 * DAY + 3600, 0, 0,
	  0, "https://c.example/ep12.mp3", "audio/mpeg" },
	{ "C2", "Episode 13 rust talk", "Host", "<p>audio</p>",
	  2 * DAY + 3600, 0, 1, 0, "https://c.example/ep13.ogg",
	  "audio/ogg" },
};

static const struct tfeed feeds[] = {
	{ "http://a.example/feed", "Alpha News", "http://a.example/",
	  "All about alpha", "Alpha", "news tech", items_a,
	  nitems(items_a) },
	{ "https://b.example/rss", "Beta Blog", "https://b.example/", NULL,
	  NULL, "blog", items_b, nitems(items_b) },
	{ "http://c.example/podcast", "Cast", NULL, NULL, NULL, NULL,
	  items_c, nitems(items_c) },
};

/* Every expression with what it must select. */
static const struct {
	const char	*expr;
	const char	*want;
} cases[] = {
	/* unread, starred, flags */
	{ "unread = \"yes\"", "A1 A3 B1 C1" },
	{ "unread = \"no\"", "A2 B2 C2" },
	{ "unread != \"yes\"", "A2 B2 C2" },
	{ "starred = \"yes\"", "A2 B1" },
	{ "starred != \"yes\"", "A1 A3 B2 C1 C2" },
	{ "flags # \"A\"", "A2 B1" },
	{ "flags !# \"x\"", "A1 A3 B2 C1 C2" },
	{ "flags = \"\"", "A1 A3 B2 C1 C2" },
	{ "flags != \"\"", "A2 B1" },
	/* text: = == != =~ !~ # !# */
	{ "title =~ \"rust\"", "A1 C2" },
	{ "title !~ \"rust\"", "A2 A3 B1 B2 C1" },
	{ "title = \"Linux kernel 6.10\"", "B1" },
	{ "title == \"Linux kernel 6.10\"", "B1" },
	{ "title = \"linux kernel 6.10\"", "" },
	{ "title != \"Linux kernel 6.10\"", "A1 A2 A3 B2 C1 C2" },
	{ "title # \"kernel\"", "B1" },
	{ "title !# \"Episode\"", "A1 A2 A3 B1 B2" },
	{ "title # \"Linux kernel\"", "" },
	{ "title # \"\"", "" },
	/* Unicode regular expressions: case folds, "." is a character */
	{ "title =~ \"^\xc3\xbcN\xc3\x8f" "CODE\"", "A2" },
	{ "title =~ \"stra.e caf.$\"", "A2" },
	{ "content =~ \"M\xc3\x9c" "NCHEN\"", "A2" },
	{ "author = \"Zo\xc3\xab\"", "A2" },
	{ "author = \"\"", "A3" },
	{ "author =~ \"^l\"", "B1" },
	{ "content =~ \"borrow\"", "A1" },
	{ "guid = \"g-B1\"", "B1" },
	{ "link =~ \"/C[0-9]$\"", "C1 C2" },
	{ "enclosure_url =~ \"\\.mp3$\"", "C1" },
	{ "enclosure_type = \"audio/ogg\"", "C2" },
	{ "enclosure_url = \"\"", "A1 A2 A3 B1 B2" },
	/* the feed's attributes */
	{ "feedtitle = \"Alpha\"", "A1 A2 A3" },
	{ "feedtitle = \"Alpha News\"", "" },
	{ "feedtitle = \"Beta Blog\"", "B1 B2" },
	{ "feedurl =~ \"^https:\"", "B1 B2" },
	{ "rssurl = \"http://c.example/podcast\"", "C1 C2" },
	{ "feedlink = \"http://a.example/\"", "A1 A2 A3" },
	{ "feedlink = \"\"", "C1 C2" },
	{ "description =~ \"ALPHA\"", "A1 A2 A3" },
	{ "tags # \"tech\"", "A1 A2 A3" },
	{ "tags !# \"news\"", "B1 B2 C1 C2" },
	{ "tags # \"news tech\"", "" },
	{ "tags = \"\"", "C1 C2" },
	{ "unread_count > 1", "A1 A2 A3" },
	{ "unread_count between 1:1", "B1 B2 C1 C2" },
	{ "total_count = 2", "B1 B2 C1 C2" },
	{ "total_count >= 3", "A1 A2 A3" },
	{ "total_count <= \"2\"", "B1 B2 C1 C2" },
	/* age: whole days */
	{ "age < 1", "B1" },
	{ "age = 1", "A1" },
	{ "age != 1", "A2 A3 B1 B2 C1 C2" },
	{ "age >= 5", "A3 B2 C1" },
	{ "age > 100", "B2" },
	{ "age <= 2", "A1 B1 C2" },
	{ "age between 2:3", "A2 C2" },
	{ "age between 3:2", "A2 C2" },
	/* dates */
	{ "date = \"2020-02-29\"", "B2" },
	{ "date != \"2020-02-29\"", "A1 A2 A3 B1 C1 C2" },
	{ "date < \"2020-03-01\"", "B2" },
	{ "date > \"2020-02-29\"", "A1 A2 A3 B1 C1 C2" },
	{ "date <= \"2020-02-29\"", "B2" },
	{ "date >= \"2020-02-29 12:00\"", "A1 A2 A3 B1 B2 C1 C2" },
	{ "date > \"2020-02-29 12:00\"", "A1 A2 A3 B1 C1 C2" },
	{ "date = \"2020-02-29 12:00:00\"", "B2" },
	{ "date between \"2020-02-01\":\"2020-02-29\"", "B2" },
	{ "date =~ \"^2020-02-29 12:00\"", "B2" },
	{ "date !~ \"^2020\"", "A1 A2 A3 B1 C1 C2" },
	/* and, or, parentheses */
	{ "unread = \"yes\" and (title =~ \"rust\" or tags # \"blog\")",
	  "A1 B1" },
	{ "unread = \"yes\" and title =~ \"rust\" or tags # \"blog\"",
	  "A1 B1 B2" },
	{ "tags # \"blog\" or unread = \"yes\" and title =~ \"rust\"",
	  "A1 B1 B2" },
	{ "((((starred = \"yes\"))))", "A2 B1" },
	{ "(unread = \"no\") AND (feedtitle = \"Cast\")", "C2" },
	{ "title=~\"rust\"and unread=\"yes\"", "A1" },
	/* full-text search */
	{ "~ \"borrow\"", "A1" },
	{ "title ~ \"linux\"", "B1" },
	{ "content ~ \"freebsd\"", "B1" },
	{ "title ~ \"freebsd\"", "" },
	{ "~ \"episode rust\"", "C2" },
	{ "~ \"munchen\"", "A2" },
	{ "~ \"\\\"; DROP\"", "B2" },
	{ "~ \"...\"", "" },
	/* what looks like SQL is text */
	{ "title = \"x'; DROP TABLE items; --\"", "" },
	{ "title =~ \"DROP TABLE\"", "B2" },
	{ "author = \"Bobby Tables\" or author = \"') OR 1=1 --\"", "B2" },
	{ "title = \"Quote \\\"this\\\" and 'that'; DROP TABLE items; --\"",
	  "B2" },
};

/* Mistakes, with the column each must name and a part of its message. */
static const struct {
	const char	*expr;
	size_t		 col;
	const char	*msg;
} errors[] = {
	{ "", 1, "expected an expression" },
	{ "   ", 1, "expected an expression" },
	{ "titel = \"x\"", 1, "did you mean \"title\"?" },
	{ "title", 6, "expected an operator" },
	{ "title =", 8, "expected a value" },
	{ "title = x", 9, "expected a value" },
	{ "title = \"abc", 9, "unterminated string" },
	{ "title < 5", 7, "title takes =, !=, =~, !~, # or !#, not <" },
	{ "title between 1:2", 7, "not between" },
	{ "unread = \"maybe\"", 10, "is \"yes\" or \"no\"" },
	{ "unread =~ \"y\"", 8, "takes = or !=" },
	{ "age < \"soon\"", 7, "whole number" },
	{ "age =~ \"1\"", 5, "not =~" },
	{ "date > \"yesterday\"", 8, "takes a date" },
	{ "date = \"2023-02-30\"", 8, "takes a date" },
	{ "date = 20230101", 8, "takes a date" },
	{ "date between \"2024-02-01\":\"2024-01-01\"", 14, "must come" },
	{ "(unread = \"yes\"", 16, "expected \")\" to close the \"(\" at "
	  "column 1" },
	{ "unread = \"yes\")", 15, "expected and, or or the end" },
	{ "unread = \"yes\" and", 19, "expected an attribute" },
	{ "unread = \"yes\" xor x", 16, "expected and, or or the end" },
	{ "title =~ \"(\"", 10, "bad regular expression" },
	/* What would make regcomp() take gigabytes. */
	{ "title =~ \"a++++\"", 10, "repeating a repetition" },
	{ "title =~ \"((a{99}){99}){99}\"", 10, "too large" },
	{ "title =~ \"a{99999}\"", 10, "too large" },
	{ "title =~ \")((a{99}){99}){99}\"", 10, "too large" },
	{ "author ~ \"x\"", 8, "~ searches title or content" },
	{ "~ title", 3, "expected a value" },
	{ "articleindex = 1", 1, "not supported" },
	{ "title = \"a\" ; DROP TABLE items", 13, "unexpected character" },
	{ "flags # \"1\"", 9, "flags are letters" },
	{ "age between 1", 14, "expected \":\"" },
	{ "age < 99999999999999999999", 7, "too large" },
	{ "title = \"a\x01\"", 11, "control character" },
	{ "title = \"\xff\"", 10, "invalid UTF-8" },
	{ "t\xc3\xaftle = 1", 1, "unknown attribute \"t\xc3\xaftle\"" },
	{ "caf\xc3\xa9 = 1 and", 1, "unknown attribute" },
	{ "title = \"\xc3\xa9\" or ~ 1 or x", 23, "unknown attribute" },
};

struct fixture {
	char		 dir[64];
	char		*path;
	struct store	*st;
};

/* Add feed tf's items to the store as one fetch keeping max_items (0:
 * all), then mark them. */
static void
add_feed(struct store *st, const struct tfeed *tf, int64_t now,
    int64_t max_items)
{
	struct store_fetch	 fx;
	struct feed		 f;
	struct feed_entry	*e;
	struct store_item	*v;
	struct store_filter	 q;
	struct buf		 link = BUF_INIT;
	int64_t			 id;
	size_t			 i, j, n;
	char			*cause = NULL;
	int			 nnew;

	memset(&f, 0, sizeof f);
	f.title = xstrdup(tf->title);
	f.link = tf->link != NULL ? xstrdup(tf->link) : NULL;
	f.description = tf->description != NULL ?
	    xstrdup(tf->description) : NULL;
	f.updated = FEED_NODATE;
	f.entries = xcalloc(tf->nitems, sizeof *f.entries);
	f.nentries = tf->nitems;
	for (i = 0; i < tf->nitems; i++) {
		e = &f.entries[i];
		xasprintf(&e->id, "g-%s", tf->items[i].name);
		xasprintf(&e->link, "https://items.example/%s",
		    tf->items[i].name);
		e->title = xstrdup(tf->items[i].title);
		e->author = tf->items[i].author != NULL ?
		    xstrdup(tf->items[i].author) : NULL;
		e->content = xstrdup(tf->items[i].content);
		e->published = tf->items[i].age < 0 ? tf->items[i].date :
		    now - tf->items[i].age;
		e->updated = FEED_NODATE;
		if (tf->items[i].enc_url != NULL) {
			e->enclosures = xcalloc(1, sizeof *e->enclosures);
			e->enclosures[0].url = xstrdup(tf->items[i].enc_url);
			e->enclosures[0].type = xstrdup(tf->items[i].enc_type);
			e->enclosures[0].length = -1;
			e->nenclosures = 1;
		}
	}
	memset(&fx, 0, sizeof fx);
	fx.time = now;
	fx.status = 200;
	fx.next = STORE_NOTIME;
	if (store_feed_id(st, tf->url, &id, &cause) != 0 ||
	    store_update(st, id, &fx, &f, max_items, 0, &nnew, &cause) != 0)
		failf("store: %s", cause);
	memset(&q, 0, sizeof q);
	q.feeds = &id;
	q.nfeeds = 1;
	if (store_page(st, &q, NULL, 0, 0, 100, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	for (i = 0; i < n; i++) {
		for (j = 0; j < tf->nitems; j++) {
			buf_reset(&link);
			buf_addf(&link, "https://items.example/%s",
			    tf->items[j].name);
			if (strcmp(v[i].link, link.data) != 0)
				continue;
			if ((tf->items[j].read && store_set_read(st, v[i].id,
			    1, &cause) != 0) || (tf->items[j].starred &&
			    store_set_starred(st, v[i].id, 1, &cause) != 0))
				failf("store: %s", cause);
		}
	}
	store_items_free(v, n);
	buf_release(&link);
	for (i = 0; i < f.nentries; i++) {
		e = &f.entries[i];
		free(e->id);
		free(e->link);
		free(e->title);
		free(e->author);
		free(e->content);
		if (e->nenclosures > 0) {
			free(e->enclosures[0].url);
			free(e->enclosures[0].type);
		}
		free(e->enclosures);
	}
	free(f.entries);
	free(f.title);
	free(f.link);
	free(f.description);
}

/* Build the test store in a new directory, with the dotfile's titles and
 * tags given to the connection. */
static int
setup(void **state)
{
	struct fixture	*fx;
	char		*cause = NULL, *urls[nitems(feeds)];
	char		*titles[nitems(feeds)], *tags[nitems(feeds)];
	size_t		 i;
	int64_t		 now = time_now();

	setenv("TZ", "UTC", 1);
	tzset();
	fx = xcalloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test-filter-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		failf("mkdtemp failed");
	xasprintf(&fx->path, "%s/tidings.db", fx->dir);
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		failf("store_open: %s", cause);
	for (i = 0; i < nitems(feeds); i++) {
		add_feed(fx->st, &feeds[i], now, 0);
		urls[i] = (char *)feeds[i].url;
		titles[i] = (char *)feeds[i].conf_title;
		tags[i] = (char *)feeds[i].tags;
	}
	if (store_set_feeds(fx->st, urls, titles, tags, nitems(feeds),
	    &cause) != 0)
		failf("store_set_feeds: %s", cause);
	*state = fx;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;

	store_close(fx->st);
	rm_tree(fx->dir);
	free(fx->path);
	free(fx);
	return (0);
}

/* How many items of the file carry the killfile's mark. */
static int64_t
q_marks(const char *path)
{
	sqlite3		*db;
	sqlite3_stmt	*stmt;
	int64_t		 n = -1;

	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_prepare_v2(db,
	    "SELECT count(*) FROM items WHERE ignored = 1", -1, &stmt,
	    NULL) != SQLITE_OK)
		failf("sqlite3: %s", sqlite3_errmsg(db));
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return (n);
}

/* The names of the items q selects, sorted, space-separated. */
static void
selected(struct store *st, const struct store_filter *q, struct buf *out)
{
	struct store_item	*v;
	const char		*names[64], *t;
	size_t			 n, i, j;
	char			*cause = NULL;

	if (store_page(st, q, NULL, 0, 0, 64, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	for (i = 0; i < n; i++) {
		names[i] = strrchr(v[i].link, '/') + 1;
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	}
	buf_reset(out);
	for (i = 0; i < n; i++)
		buf_addf(out, "%s%s", i > 0 ? " " : "", names[i]);
	store_items_free(v, n);
}

/* Parse text or fail the test naming it. */
static struct filter *
parse(const char *text)
{
	struct filter	*f;
	size_t		 off;
	char		*cause;

	if (filter_parse(text, strlen(text), &f, &off, &cause) != 0)
		failf("%s: column %zu: %s", text, filter_column(text, off),
		    cause);
	return (f);
}

/* Every row of cases selects exactly its items, in the list and in the
 * count. */
static void
test_filter_selects(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct filter		*copy;
	struct buf		 got = BUF_INIT;
	int64_t			 n;
	size_t			 i, words;
	char			*cause = NULL;

	for (i = 0; i < nitems(cases); i++) {
		memset(&q, 0, sizeof q);
		q.expr = parse(cases[i].expr);
		selected(fx->st, &q, &got);
		if (strcmp(got.data, cases[i].want) != 0)
			failf("%s: selected \"%s\", not \"%s\"",
			    cases[i].expr, got.data, cases[i].want);
		if (store_count(fx->st, &q, NULL, &n, &cause) != 0)
			failf("%s: %s", cases[i].expr, cause);
		words = got.len == 0 ? 0 : 1;
		for (const char *p = got.data; *p != '\0'; p++)
			words += *p == ' ';
		if ((size_t)n != words)
			failf("%s: counted %lld", cases[i].expr, (long long)n);
		/* A copy selects the same, once the original is gone. */
		copy = filter_dup(q.expr);
		filter_free((struct filter *)q.expr);
		q.expr = copy;
		assert_string_equal(copy->text, cases[i].expr);
		selected(fx->st, &q, &got);
		if (strcmp(got.data, cases[i].want) != 0)
			failf("%s: its copy selected \"%s\", not \"%s\"",
			    cases[i].expr, got.data, cases[i].want);
		filter_free(copy);
	}
	assert_null(filter_dup(NULL));
	buf_release(&got);
}

/* Every mistake is an error at its column, with nothing allocated. */
static void
test_filter_errors(void **state)
{
	struct filter	*f;
	size_t		 i, off;
	char		*cause;

	(void)state;
	for (i = 0; i < nitems(errors); i++) {
		f = (struct filter *)1;
		if (filter_parse(errors[i].expr, strlen(errors[i].expr), &f,
		    &off, &cause) == 0)
			failf("%s: parsed", errors[i].expr);
		assert_null(f);
		if (strstr(cause, errors[i].msg) == NULL ||
		    filter_column(errors[i].expr, off) != errors[i].col)
			failf("%s: column %zu: %s; wanted column %zu: %s",
			    errors[i].expr, filter_column(errors[i].expr, off),
			    cause, errors[i].col, errors[i].msg);
		free(cause);
	}
}

/* Hostile sizes: a 100 KB expression, 10,000 parentheses, too many
 * comparisons are errors; the largest allowed ones parse and run. */
static void
test_filter_limits(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct buf		 b = BUF_INIT, got = BUF_INIT;
	struct filter		*f;
	size_t			 i, off;
	char			*cause;

	for (i = 0; i < 100 * 1024 / 16; i++)
		buf_addstr(&b, "title = \"aaaa\" or ");
	buf_addstr(&b, "unread = \"yes\"");
	assert_int_equal(filter_parse(b.data, b.len, &f, &off, &cause), -1);
	assert_non_null(strstr(cause, "longer than"));
	free(cause);

	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_addch(&b, '(');
	assert_int_equal(filter_parse(b.data, b.len, &f, &off, &cause), -1);
	assert_non_null(strstr(cause, "more than 32 parentheses"));
	assert_int_equal(filter_column(b.data, off), 33);
	free(cause);

	buf_reset(&b);
	for (i = 0; i < FILTER_MAX_TERMS + 1; i++)
		buf_addf(&b, "%stitle = \"%zu\"", i > 0 ? " or " : "", i);
	assert_int_equal(filter_parse(b.data, b.len, &f, &off, &cause), -1);
	assert_non_null(strstr(cause, "more than 256 comparisons"));
	free(cause);

	/* The most there may be: as deep and as long as allowed. */
	buf_reset(&b);
	for (i = 0; i < FILTER_MAX_DEPTH; i++)
		buf_addch(&b, '(');
	for (i = 0; i < FILTER_MAX_TERMS - 1; i++)
		buf_addf(&b, "title =~ \"^%zu$\" %s ", i, i % 2 ? "and" : "or");
	buf_addstr(&b, "guid = \"g-A1\"");
	for (i = 0; i < FILTER_MAX_DEPTH; i++)
		buf_addch(&b, ')');
	memset(&q, 0, sizeof q);
	q.expr = parse(b.data);
	selected(fx->st, &q, &got);
	/* No title is a number; the last comparison, after "or", holds. */
	assert_string_equal(got.data, "A1");
	filter_free((struct filter *)q.expr);
	buf_release(&b);
	buf_release(&got);
}

/* The killfile: ignored items stay stored, and no list, count or search
 * shows them; a filter can still see them when asked. With mark, through
 * the marks in the file, else through the rules in every query. */
static void
filter_ignore(void **state, int mark)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct store_feed	*sf;
	struct store_item	*v;
	struct buf		 got = BUF_INIT;
	const struct filter	*rules[2];
	char			*cause = NULL, *urls[nitems(feeds)];
	int64_t			 n, unread = 0;
	size_t			 nf, i;

	rules[0] = parse("title =~ \"^sponsored\"");
	rules[1] = parse("feedtitle = \"Cast\" and enclosure_type = "
	    "\"audio/mpeg\"");
	assert_int_equal(store_set_ignore(fx->st, rules, 2, mark, &cause), 0);
	assert_int_equal(q_marks(fx->path), mark ? 2 : 0);
	filter_free((struct filter *)rules[0]);
	filter_free((struct filter *)rules[1]);

	memset(&q, 0, sizeof q);
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A2 B1 B2 C2");
	q.unread = 1;
	assert_int_equal(store_count(fx->st, &q, NULL, &n, &cause), 0);
	assert_int_equal(n, 2);			/* A1 B1 */
	q.unread = 0;
	q.expr = parse("unread = \"yes\"");
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 B1");
	q.ignored = 1;
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A3 B1 C1");
	filter_free((struct filter *)q.expr);

	assert_int_equal(store_feeds(fx->st, &sf, &nf, &cause), 0);
	for (i = 0; i < nf; i++) {
		if (strcmp(sf[i].url, feeds[0].url) == 0) {
			assert_int_equal(sf[i].unread, 1);
			assert_int_equal(sf[i].total, 2);
		}
		if (strcmp(sf[i].url, feeds[2].url) == 0) {
			assert_int_equal(sf[i].unread, 0);
			assert_int_equal(sf[i].total, 1);
		}
		unread += sf[i].unread;
	}
	store_feeds_free(sf, nf);
	assert_int_equal(unread, 2);
	for (i = 0; i < nitems(feeds); i++)
		urls[i] = (char *)feeds[i].url;
	assert_int_equal(store_unread_urls(fx->st, urls, nitems(feeds),
	    &cause), 2);
	assert_int_equal(store_search(fx->st, "sponsored", 10, &v, &nf,
	    &cause), 0);
	assert_int_equal(nf, 0);
	store_items_free(v, nf);

	/* No rule: everything again, and no mark left. */
	assert_int_equal(store_set_ignore(fx->st, NULL, 0, 1, &cause), 0);
	memset(&q, 0, sizeof q);
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A2 A3 B1 B2 C1 C2");
	assert_int_equal(q_marks(fx->path), 0);
	buf_release(&got);
}

static void
test_filter_ignore_marked(void **state)
{
	filter_ignore(state, 1);
}

static void
test_filter_ignore_unmarked(void **state)
{
	filter_ignore(state, 0);
}

/* A refresh marks what it stores with the rules it was given, and a
 * reader whose rules are the marks' own scans nothing. */
static void
test_filter_ignore_refresh(void **state)
{
	struct fixture		*fx = *state;
	const struct filter	*rules[1];
	struct store		*other;
	char			*cause = NULL;
	static const struct titem more[] = {
		{ "A9", "Sponsored: more", NULL, "ad", 3600, 0, 0, 0, NULL,
		  NULL },
	};
	struct tfeed		 tf = feeds[0];

	rules[0] = parse("title =~ \"^sponsored\"");
	assert_int_equal(store_set_ignore(fx->st, rules, 1, 1, &cause), 0);
	assert_int_equal(q_marks(fx->path), 1);
	/* Another connection, as a refresh has. */
	if ((other = store_open(fx->path, &cause)) == NULL)
		failf("store_open: %s", cause);
	assert_int_equal(store_set_ignore(other, rules, 1, 0, &cause), 0);
	tf.items = more;
	tf.nitems = 1;
	add_feed(other, &tf, time_now(), 0);
	store_close(other);
	assert_int_equal(q_marks(fx->path), 2);
	filter_free((struct filter *)rules[0]);
}

/* A refresh of several feeds through one connection marks each feed's
 * items by that feed's own attributes (the rules on them look up the
 * feed being stored), and new rules are those of the next refresh. */
static void
test_filter_ignore_refresh_feeds(void **state)
{
	struct fixture		*fx = *state;
	const struct filter	*rules[3];
	struct store_filter	 q;
	struct buf		 got = BUF_INIT;
	struct tfeed		 tf;
	char			*cause = NULL;
	size_t			 i;
	static const struct titem more[][2] = {
		{ { "A8", "A8 again", "Host", "x", 3600, 0, 0, 0, NULL, NULL },
		  { "A9", "A9 plain", "Host", "x", 3600, 0, 0, 0, NULL,
		    NULL } },
		{ { "B8", "B8 again", "Host", "x", 3600, 0, 0, 0, NULL, NULL },
		  { "B9", "B9 plain", "Host", "x", 3600, 0, 0, 0, NULL,
		    NULL } },
		{ { "C8", "C8 again", "Host", "x", 3600, 0, 0, 0, NULL, NULL },
		  { "C9", "C9 plain", "Host", "x", 3600, 0, 0, 0, NULL,
		    NULL } },
	};
	static const struct titem again[] = {
		{ "A7", "A7 again", "Host", "x", 3600, 0, 0, 0, NULL, NULL },
	};

	rules[0] = parse("tags # \"tech\" and title =~ \"again\"");
	rules[1] = parse("feedurl =~ \"^https:\" and title =~ \"again\"");
	rules[2] = parse("feedtitle = \"Cast\" and author = \"Host\"");
	assert_int_equal(store_set_ignore(fx->st, rules, 3, 1, &cause), 0);
	for (i = 0; i < 3; i++)
		filter_free((struct filter *)rules[i]);
	assert_int_equal(q_marks(fx->path), 2);		/* C1 C2 */
	for (i = 0; i < nitems(feeds); i++) {
		tf = feeds[i];
		tf.items = more[i];
		tf.nitems = 2;
		add_feed(fx->st, &tf, time_now(), 0);
	}
	assert_int_equal(q_marks(fx->path), 6);
	memset(&q, 0, sizeof q);
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A2 A3 A9 B1 B2 B9");

	rules[0] = parse("feedurl =~ \"^https:\"");
	assert_int_equal(store_set_ignore(fx->st, rules, 1, 1, &cause), 0);
	filter_free((struct filter *)rules[0]);
	tf = feeds[0];
	tf.items = again;
	tf.nitems = 1;
	add_feed(fx->st, &tf, time_now(), 0);
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A2 A3 A7 A8 A9 C1 C2 C8 C9");
	assert_int_equal(q_marks(fx->path), 4);
	buf_release(&got);
}

/* A query's age is now when it runs, not when it was parsed. */
static void
test_filter_age_is_current(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct buf		 got = BUF_INIT;

	memset(&q, 0, sizeof q);
	q.expr = parse("age >= 0 and age < 1");
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "B1");
	filter_free((struct filter *)q.expr);
	buf_release(&got);
}

/* A filter on the title reads items_feed_list, in the feeds' order, and
 * sorts what it finds: its pages come newest first and follow each
 * other as the unfiltered list's do, a tag's feeds looked up by key. */
static void
test_filter_page_order(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 all, q;
	struct store_item	*want, *v, *w;
	size_t			 nwant, n, nw, i;
	char			*cause = NULL;

	memset(&all, 0, sizeof all);
	if (store_page(fx->st, &all, NULL, 0, 0, 64, &want, &nwant,
	    &cause) != 0)
		failf("store_page: %s", cause);
	assert_true(nwant > 4);
	memset(&q, 0, sizeof q);
	q.expr = parse("title =~ \".\" or title = \"\"");
	if (store_page(fx->st, &q, NULL, 0, 0, 64, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	assert_int_equal(n, nwant);
	for (i = 0; i < n; i++)
		assert_int_equal(v[i].id, want[i].id);
	store_items_free(v, n);

	/* Two rows, then the two after them, then the two before the
	 * last of those, backward. */
	if (store_page(fx->st, &q, NULL, 0, 0, 2, &v, &n, &cause) != 0 ||
	    store_page(fx->st, &q, &v[1], 0, 0, 2, &w, &nw, &cause) != 0)
		failf("store_page: %s", cause);
	assert_int_equal(n, 2);
	assert_int_equal(nw, 2);
	assert_int_equal(w[0].id, want[2].id);
	assert_int_equal(w[1].id, want[3].id);
	store_items_free(v, n);
	if (store_page(fx->st, &q, &w[1], 1, 0, 2, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].id, want[2].id);
	assert_int_equal(v[1].id, want[1].id);
	store_items_free(v, n);
	store_items_free(w, nw);
	filter_free((struct filter *)q.expr);
	store_items_free(want, nwant);
}

/* Every order of the sort setting, with the items in it: equal keys
 * newest first. */
static const struct {
	const char	*sort;
	const char	*want;
} sorts[] = {
	{ "date-desc", "B1 A1 C2 A2 C1 A3 B2" },
	{ "date-asc", "B2 A3 C1 A2 C2 A1 B1" },
	{ "title-asc", "C1 C2 B1 B2 A1 A3 A2" },
	{ "title-desc", "A2 A3 A1 B2 B1 C2 C1" },
	{ "author-asc", "A3 B2 A1 C2 C1 B1 A2" },
	{ "author-desc", "A2 B1 C2 C1 A1 B2 A3" },
	{ "feed-asc", "A1 A2 A3 B1 B2 C2 C1" },
	{ "feed-desc", "C2 C1 B1 B2 A1 A2 A3" },
	{ "unread-desc", "B1 A1 C1 A3 C2 A2 B2" },
	{ "unread-asc", "C2 A2 B2 B1 A1 C1 A3" },
	{ "starred-desc", "B1 A2 A1 C2 C1 A3 B2" },
	{ "flags-asc", "A1 C2 C1 A3 B2 B1 A2" },
	{ "link-asc", "A1 A2 A3 B1 B2 C1 C2" },
	{ "guid-desc", "C2 C1 B2 B1 A3 A2 A1" },
	/* A shuffle: NULL wants every item, in the order of one page. */
	{ "random", NULL },
};

/* Append the name of each of v[0..n) to out. */
static void
names_of(const struct store_item *v, size_t n, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		buf_addf(out, "%s%s", out->len > 0 ? " " : "",
		    strrchr(v[i].link, '/') + 1);
}

/* Set out to the names of q's items read two rows a page, forward from
 * the top or backward from the bottom, each page after the last row of
 * the one before. */
static void
walk(struct store *st, const struct store_filter *q, int backward,
    struct buf *out)
{
	struct store_item	*v = NULL, *w, last;
	size_t			 n = 0, nw;
	char			*cause = NULL;

	buf_reset(out);
	do {
		if (n > 0)
			last = v[n - 1];
		if (store_page(st, q, n > 0 ? &last : NULL, backward, 0, 2,
		    &w, &nw, &cause) != 0)
			failf("store_page: %s", cause);
		store_items_free(v, n);
		names_of(w, nw, out);
		v = w;
		n = nw;
	} while (n > 0);
	free(v);
}

/* Each order lists the items in it whether read in one page, two rows
 * at a time forward, or two at a time backward from the bottom, and a
 * row's count of those before it is its index, with and without a
 * filter on the title (which scans items_feed_list). */
static void
test_filter_sort(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct store_item	*v;
	struct buf		 got = BUF_INIT, back = BUF_INIT;
	size_t			 n, i, k, pos;
	int64_t			 idx;
	char			*cause = NULL, *names[16], *tok;
	char			*shuffled = NULL;
	const char		*want;

	for (k = 0; k < 2; k++) {
	for (i = 0; i < nitems(sorts); i++) {
		memset(&q, 0, sizeof q);
		if (k == 1)
			q.expr = parse("title =~ \".\"");
		if (filter_sort_parse(sorts[i].sort, &q.sort) != 0)
			failf("filter_sort_parse(%s)", sorts[i].sort);
		buf_reset(&got);
		if (store_page(fx->st, &q, NULL, 0, 0, 64, &v, &n,
		    &cause) != 0)
			failf("store_page: %s", cause);
		names_of(v, n, &got);
		if ((want = sorts[i].want) == NULL) {
			want = shuffled = xstrdup(got.data);
			if (strlen(want) != 20 || strcmp(want,
			    "B1 A1 C2 A2 C1 A3 B2") == 0)
				failf("%s: %s", sorts[i].sort, want);
			for (tok = strtok(got.data, " "); tok != NULL;
			    tok = strtok(NULL, " "))
				if (strstr("A1 A2 A3 B1 B2 C1 C2", tok) ==
				    NULL)
					failf("%s: %s", sorts[i].sort, tok);
		} else if (strcmp(got.data, want) != 0)
			failf("%s: %s, want %s", sorts[i].sort, got.data,
			    want);
		for (pos = 0; pos < n; pos++) {
			if (store_count(fx->st, &q, &v[pos], &idx,
			    &cause) != 0)
				failf("store_count: %s", cause);
			if (idx != (int64_t)pos)
				failf("%s: row %zu counts %lld before it",
				    sorts[i].sort, pos, (long long)idx);
		}
		store_items_free(v, n);

		/* Forward, two at a time. */
		walk(fx->st, &q, 0, &got);
		if (strcmp(got.data, want) != 0)
			failf("%s forward: %s", sorts[i].sort, got.data);

		/* Backward from the bottom, two at a time. */
		walk(fx->st, &q, 1, &back);
		/* back is the list reversed. */
		n = 0;
		for (tok = strtok(back.data, " "); tok != NULL && n < 16;
		    tok = strtok(NULL, " "))
			names[n++] = tok;
		buf_reset(&got);
		while (n > 0)
			buf_addf(&got, "%s%s", got.len > 0 ? " " : "",
			    names[--n]);
		if (strcmp(got.data, want) != 0)
			failf("%s backward: %s", sorts[i].sort, got.data);
		filter_free((struct filter *)q.expr);
		free(shuffled);
		shuffled = NULL;
	}
	}
	buf_release(&got);
	buf_release(&back);
}

/* A page in an order by another key than the date starts after a row
 * the store deleted meanwhile (a refresh while it was on the screen)
 * from the row's copy: the rows after it, counted as before. */
static void
test_filter_sort_row_gone(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct store_item	*v, *w, gone;
	struct buf		 got = BUF_INIT;
	size_t			 n, nw, i;
	int64_t			 idx;
	char			*cause = NULL;
	static const struct {
		const char	*sort;
		size_t		 row;
		const char	*after;
		const char	*before;
	} gone_cases[] = {
		/* From sorts[]: C1 is gone from each of these. */
		{ "title-asc", 0, "C2 B1 B2 A1 A3 A2", "" },
		{ "title-desc", 6, "", "C2 B1 B2 A1 A3 A2" },
		{ "author-asc", 4, "B1 A2", "C2 A1 B2 A3" },
		{ "feed-desc", 1, "B1 B2 A1 A2 A3", "C2" },
		{ "unread-desc", 2, "A3 C2 A2 B2", "A1 B1" },
		{ "starred-desc", 4, "A3 B2", "C2 A1 A2 B1" },
		{ "link-desc", 1, "B2 B1 A3 A2 A1", "C2" },
		{ "guid-desc", 1, "B2 B1 A3 A2 A1", "C2" },
		{ "guid-asc", 5, "C2", "B2 B1 A3 A2 A1" },
	};
	/* The podcast fetched again with its newest episode only, keeping
	 * one: its refresh deletes C1. */
	struct tfeed		 newest = feeds[2];

	newest.items = items_c + 1;
	newest.nitems = 1;
	for (i = 0; i < nitems(gone_cases); i++) {
		if (i > 0) {
			teardown(state);
			setup(state);
			fx = *state;
		}
		memset(&q, 0, sizeof q);
		if (filter_sort_parse(gone_cases[i].sort, &q.sort) != 0)
			failf("filter_sort_parse(%s)", gone_cases[i].sort);
		if (store_page(fx->st, &q, NULL, 0, 0, 64, &v, &n,
		    &cause) != 0)
			failf("store_page: %s", cause);
		assert_true(gone_cases[i].row < n);
		assert_string_equal(strrchr(v[gone_cases[i].row].link, '/') +
		    1, "C1");
		gone = v[gone_cases[i].row];
		add_feed(fx->st, &newest, time_now(), 1);

		if (store_count(fx->st, &q, &gone, &idx, &cause) != 0)
			failf("store_count: %s", cause);
		assert_int_equal(idx, (int64_t)gone_cases[i].row);
		if (store_page(fx->st, &q, &gone, 0, 0, 64, &w, &nw,
		    &cause) != 0)
			failf("store_page: %s", cause);
		assert_int_equal(nw + gone_cases[i].row, n - 1);
		buf_reset(&got);
		names_of(w, nw, &got);
		if (strcmp(got.data != NULL ? got.data : "",
		    gone_cases[i].after) != 0)
			failf("%s after: \"%s\"", gone_cases[i].sort,
			    got.data);
		store_items_free(w, nw);
		if (store_page(fx->st, &q, &gone, 1, 0, 64, &w, &nw,
		    &cause) != 0)
			failf("store_page: %s", cause);
		buf_reset(&got);
		names_of(w, nw, &got);
		if (strcmp(got.data != NULL ? got.data : "",
		    gone_cases[i].before) != 0)
			failf("%s before: \"%s\"", gone_cases[i].sort,
			    got.data);
		store_items_free(w, nw);
		store_items_free(v, n);
	}
	buf_release(&got);
}

/* The sort setting's words: a bare key takes its usual direction, and
 * cycle-sort comes back to the start. */
static void
test_filter_sort_words(void **state)
{
	struct buf	 b = BUF_INIT;
	int		 s, t, i;

	(void)state;
	assert_int_equal(filter_sort_parse("date", &s), 0);
	assert_int_equal(s, 0);
	assert_int_equal(filter_sort_parse("Title", &s), 0);
	filter_sort_name(&b, s);
	assert_string_equal(b.data, "title-asc");
	assert_int_equal(filter_sort_parse("unread", &s), 0);
	buf_reset(&b);
	filter_sort_name(&b, s);
	assert_string_equal(b.data, "unread-desc");
	assert_int_equal(filter_sort_parse("title-up", &s), -1);
	assert_int_equal(filter_sort_parse("flags-asc", &s), 0);
	buf_reset(&b);
	filter_sort_name(&b, s);
	assert_string_equal(b.data, "starred-asc");
	assert_int_equal(filter_sort_parse("flags", &s), 0);
	assert_int_equal(s, FILTER_SORT_STARRED);
	assert_int_equal(filter_sort_parse("random", &s), 0);
	assert_int_equal(s, FILTER_SORT_RANDOM | FILTER_SORT_ASC);
	assert_int_equal(filter_sort_parse("flagsy", &s), -1);
	assert_int_equal(filter_sort_parse("", &s), -1);
	assert_int_equal(filter_sort_parse("-asc", &s), -1);
	assert_int_equal(filter_sort_parse("date-asc-desc", &s), -1);
	for (s = 0, i = 0; i < 7; i++)
		s = filter_sort_next(s);
	assert_int_equal(s, 0);
	assert_int_equal(filter_sort_parse("author-desc", &t), 0);
	assert_int_not_equal(filter_sort_next(t), t);
	buf_release(&b);
}

/* A page tells which highlight rule each item meets first; an item that
 * meets none, and every item once the rules are gone, says 0. */
static void
test_filter_highlight(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	const struct filter	*rules[2];
	struct store_item	*v;
	struct buf		 got = BUF_INIT;
	size_t			 n, i;
	char			*cause = NULL;

	rules[0] = parse("title =~ \"rust\"");
	rules[1] = parse("tags # \"news\" or content =~ \"audio\"");
	assert_int_equal(store_set_highlights(fx->st, rules, 2, &cause), 0);
	filter_free((struct filter *)rules[0]);
	filter_free((struct filter *)rules[1]);
	memset(&q, 0, sizeof q);
	q.expr = parse("title !~ \"^Q\"");
	if (store_page(fx->st, &q, NULL, 0, 0, 64, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	for (i = 0; i < n; i++)
		buf_addf(&got, "%s%s=%zu", i > 0 ? " " : "",
		    strrchr(v[i].link, '/') + 1, v[i].highlight);
	store_items_free(v, n);
	/* Newest first, as the list shows them. */
	assert_string_equal(got.data, "B1=0 A1=1 C2=1 A2=2 C1=2 A3=2");

	assert_int_equal(store_set_highlights(fx->st, NULL, 0, &cause), 0);
	if (store_page(fx->st, &q, NULL, 0, 0, 64, &v, &n, &cause) != 0)
		failf("store_page: %s", cause);
	for (i = 0; i < n; i++)
		assert_int_equal(v[i].highlight, 0);
	store_items_free(v, n);
	filter_free((struct filter *)q.expr);
	buf_release(&got);
}

/* A count and first page read together (store_count_page()) are those
 * that store_count() and store_page() give, in one pass or not: every
 * filter, in date order both ways and another, a narrowed list of some
 * feeds, a page shorter than the list and one longer, with highlights
 * and with the killfile. */
static void
test_filter_count_page(void **state)
{
	static const char *const exprs[] = {
		NULL, "title =~ \"^e\"", "title =~ \".\"",
		"author = \"Host\"", "content =~ \"audio\"",
		"unread = \"yes\"", "title =~ \"rust\" or tags # \"blog\"",
		"title =~ \"nothing at all\"", "title !~ \"\xc3\xbc\"",
	};
	static const char *const orders[] = { "date-desc", "date-asc",
	    "title-asc" };
	static const size_t limits[] = { 1, 3, 64 };
	struct fixture		*fx = *state;
	struct store_filter	 q;
	const struct filter	*rules[1];
	struct store_item	*v, *w;
	struct store_feed	*sf;
	struct filter		*f;
	size_t			 nsf, n, nw, e, o, k, i, pass;
	int64_t			 ids[2], total, want;
	char			*cause = NULL;

	if (store_feeds(fx->st, &sf, &nsf, &cause) != 0)
		failf("store_feeds: %s", cause);
	assert_true(nsf >= 2);
	ids[0] = sf[0].id;
	ids[1] = sf[nsf - 1].id;
	store_feeds_free(sf, nsf);
	rules[0] = parse("title =~ \"rust\"");
	for (pass = 0; pass < 4; pass++) {
		if (pass == 2 && store_set_highlights(fx->st, rules, 1,
		    &cause) != 0)
			failf("store_set_highlights: %s", cause);
		if (pass == 3 && store_set_ignore(fx->st, rules, 1, 1,
		    &cause) != 0)
			failf("store_set_ignore: %s", cause);
		for (e = 0; e < nitems(exprs); e++)
		for (o = 0; o < nitems(orders); o++)
		for (k = 0; k < nitems(limits); k++) {
			f = exprs[e] != NULL ? parse(exprs[e]) : NULL;
			memset(&q, 0, sizeof q);
			q.narrow = f;
			if (pass == 1) {
				q.feeds = ids;
				q.nfeeds = 2;
			}
			if (filter_sort_parse(orders[o], &q.sort) != 0)
				failf("filter_sort_parse(%s)", orders[o]);
			if (store_count(fx->st, &q, NULL, &want, &cause) != 0 ||
			    store_page(fx->st, &q, NULL, 0, 0, limits[k], &v,
			    &n, &cause) != 0)
				failf("%s: %s", exprs[e], cause);
			if (store_count_page(fx->st, &q, limits[k], &total,
			    &w, &nw, &cause) != 0)
				failf("store_count_page: %s: %s", exprs[e],
				    cause);
			if (total != want || nw != n)
				failf("%s, %s, %zu: %lld in %zu rows, want %lld"
				    " in %zu", exprs[e], orders[o], limits[k],
				    (long long)total, nw, (long long)want, n);
			for (i = 0; i < n; i++)
				if (w[i].id != v[i].id || strcmp(w[i].title,
				    v[i].title) != 0 ||
				    w[i].highlight != v[i].highlight)
					failf("%s, %s, %zu: row %zu differs",
					    exprs[e], orders[o], limits[k], i);
			store_items_free(v, n);
			store_items_free(w, nw);
			filter_free(f);
		}
	}
	filter_free((struct filter *)rules[0]);
}

/* A tag's All items: the items of its feeds and those its queries
 * select in any feed (store_filter's also, made by filter_or()), each
 * once, counted as listed, with or without a filter's one pass. */
static void
test_filter_also(void **state)
{
	struct fixture		*fx = *state;
	struct store_filter	 q;
	struct filter		*qs[2], *also;
	struct store_feed	*sf;
	struct store_item	*v;
	struct buf		 got = BUF_INIT;
	size_t			 nsf, n, i;
	int64_t			 id = 0, total;
	char			*cause = NULL;

	if (store_feeds(fx->st, &sf, &nsf, &cause) != 0)
		failf("store_feeds: %s", cause);
	for (i = 0; i < nsf; i++)
		if (strcmp(sf[i].url, "https://b.example/rss") == 0)
			id = sf[i].id;
	store_feeds_free(sf, nsf);
	assert_true(id != 0);
	qs[0] = parse("title =~ \"rust\"");
	qs[1] = parse("author = \"Host\" or title =~ \"^linux\"");
	assert_null(filter_or((const struct filter *const *)qs, 0));
	also = filter_or((const struct filter *const *)qs, 2);
	assert_string_equal(also->text, "(title =~ \"rust\") or "
	    "(author = \"Host\" or title =~ \"^linux\")");
	memset(&q, 0, sizeof q);
	q.feeds = &id;
	q.nfeeds = 1;
	q.also = also;
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 B1 B2 C1 C2");
	assert_int_equal(store_count(fx->st, &q, NULL, &total, &cause), 0);
	assert_int_equal(total, 5);
	q.unread = 1;
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 B1 C1");
	assert_int_equal(store_count_page(fx->st, &q, 2, &total, &v, &n,
	    &cause), 0);
	assert_int_equal(total, 3);
	assert_int_equal(n, 2);
	store_items_free(v, n);
	/* Without feeds the list has every item, and also adds none. */
	q.feeds = NULL;
	q.nfeeds = 0;
	q.unread = 0;
	selected(fx->st, &q, &got);
	assert_string_equal(got.data, "A1 A2 A3 B1 B2 C1 C2");
	filter_free(also);
	filter_free(qs[0]);
	filter_free(qs[1]);
	buf_release(&got);
}

/* The literal that lets filter_regexec() skip the matcher never changes
 * an answer: every pattern against every text, as glibc's matcher alone
 * says. */
static void
test_filter_regex_literal(void **state)
{
	static const char *const patterns[] = {
		"rust", "^sponsored:? ", "a|b", "ab*c", "ab+c", "a(bc)?d",
		"x[abc]y", "colou?r", "\\.mp3$", "fo{2}", "a{1,3}b",
		"[]a]bc", "(a|b)cd", "ab\\+", "abc.def", "AbC", "ab?", "k",
		"[[:digit:]]+ items", "^$", "(x)+yz", "x(y|z)w", "caf\xc3\xa9",
		"\\(paren\\)", "a.c", "^.*rust.*$", "is", "[^a]bc",
		/* The literal alone, which decides for ASCII text. */
		"^the ", "the$", "^the$", "^k", "k$", "^is", "is$", "^a\\.c",
		"c\\+\\+$", "^caf", "^\\(paren", "ss", "^ss$", "^a-b,c",
	};
	static const char *const texts[] = {
		"Rust 1.80", "rUsT", "Sponsored: x", "sponsored ", "colour",
		"color", "abbbc", "ac", "ad", "abcd", "aad", "foooo", "song.mp3",
		"songxmp3", "]bc", "acd", "ab+", "abcxdef", "ABC", "a", "",
		"12 items", "xyz", "xxyz", "xzw", "CAF\xc3\x89", "caf\xc3\xa9",
		"(paren)", "paren", "Kelvin \xe2\x84\xaa", "k", "\xc3\x9f" "bc",
		"This", "I\xcc\x87s", "xbc", "bbc",
		"The end", "the", "THE", "tHe\n", "theme", "Breathe", "bathe",
		"\xc3\xa9the ", "\xe2\x84\xaa", "\xe2\x84\xaa" "elvin",
		"s\xe2\x84\xaa", "a.c", "A.C d", "abc", "C++", "c\xc3\xa9++",
		"Caf\xc3\xa9", "CAF", "(paren", "\xc3\x9f", "SS", "sS", "\xc5\xbfs",
		"\xc5\xbf\xc5\xbf", "A-B,C!", "the\xc3\xa9", "\xc4\xb0s", "\xc4\xb1s",
		"\xc3\xa9 the",
	};
	struct filter_re	*re;
	regex_t			 raw;
	locale_t		 loc, old;
	size_t			 i, j;
	char			*cause;
	int			 want;

	(void)state;
	loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
	assert_true(loc != (locale_t)0);
	for (i = 0; i < nitems(patterns); i++) {
		if (filter_regcomp(&re, patterns[i], &cause) != 0)
			failf("%s: %s", patterns[i], cause);
		old = uselocale(loc);
		assert_int_equal(regcomp(&raw, patterns[i], REG_EXTENDED |
		    REG_ICASE | REG_NOSUB), 0);
		uselocale(old);
		for (j = 0; j < nitems(texts); j++) {
			old = uselocale(loc);
			want = regexec(&raw, texts[j], 0, NULL, 0) == 0;
			uselocale(old);
			if (filter_regexec(re, texts[j]) != want)
				failf("\"%s\" =~ \"%s\": not %d", texts[j],
				    patterns[i], want);
		}
		regfree(&raw);
		filter_regfree(re);
	}
	freelocale(loc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filter_selects, setup,
		    teardown),
		cmocka_unit_test(test_filter_errors),
		cmocka_unit_test(test_filter_regex_literal),
		cmocka_unit_test_setup_teardown(test_filter_limits, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_filter_ignore_marked,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_ignore_unmarked,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_ignore_refresh,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_ignore_refresh_feeds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_age_is_current,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_sort_row_gone,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_sort,
		    setup, teardown),
		cmocka_unit_test(test_filter_sort_words),
		cmocka_unit_test_setup_teardown(test_filter_page_order,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_highlight,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_count_page,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_filter_also,
		    setup, teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
