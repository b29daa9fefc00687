/* test_sync.c: Tiny Tiny RSS's, the Google Reader API's and Miniflux's
 * answers as sync*.c read them, hostile ones above all; the sync lines
 * of the dotfile; and the store's side of a sync (the queue its triggers fill,
 * the marks the server sets, the items it lacks). */
#include "testlib.h"

#include <unistd.h>

#include "config.h"
#include "feed.h"
#include "json.h"
#include "store.h"
#include "sync.h"

/* Parse s as JSON into arena. */
static const struct json *
parse(struct json_arena *a, const char *s)
{
	struct json	*v;

	v = json_arena_alloc(a, sizeof *v);
	json_parse(s, strlen(s), json_arena_alloc, a, v);
	return (v);
}

/* Whether s holds a byte the terminal gate never lets through. */
static int
has_control(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return (1);
	return (0);
}

static void
test_sync_answer(void **state)
{
	static const struct {
		const char	*body;
		int		 ok;
		const char	*error;	/* a part of it */
	} cases[] = {
		{ "{\"seq\":0,\"status\":0,\"content\":{\"a\":1}}", 1, NULL },
		{ "{\"status\":\"0\",\"content\":[]}", 1, NULL },
		{ "{\"status\":1,\"content\":{\"error\":\"LOGIN_ERROR\"}}", 0,
		    "LOGIN_ERROR (wrong user or password)" },
		{ "{\"status\":1,\"content\":{\"error\":\"NOT_LOGGED_IN\"}}", 0,
		    "the server says NOT_LOGGED_IN" },
		{ "{\"status\":1,\"content\":{\"error\":\"\\u001b[2J\"}}", 0,
		    "the server says" },
		{ "{\"status\":1}", 0, "status 1" },
		{ "{\"status\":0}", 0, "without content" },
		{ "{\"status\":\"ok\",\"content\":1}", 0, "not a Tiny" },
		{ "{\"status\":1e999,\"content\":1}", 0, "not a Tiny" },
		{ "[0,1]", 0, "not a Tiny" },
		{ "<html>Fatal error</html>", 0, "not a Tiny" },
		{ "", 0, "not a Tiny" },
	};
	struct json_arena	 a;
	const struct json	*content;
	size_t			 i;
	char			*error;
	int			 rc;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		memset(&a, 0, sizeof a);
		error = NULL;
		content = NULL;
		rc = sync_answer(cases[i].body, strlen(cases[i].body), &a,
		    &content, &error);
		if ((rc == 0) != cases[i].ok)
			failf("%s: rc %d", cases[i].body, rc);
		if (cases[i].ok)
			assert_non_null(content);
		else {
			if (strstr(error, cases[i].error) == NULL)
				failf("%s: error \"%s\"", cases[i].body, error);
			if (has_control(error))
				failf("%s: a control character in the error",
				    cases[i].body);
		}
		free(error);
		json_arena_release(&a);
	}
}

static void
test_sync_numbers(void **state)
{
	static const struct {
		const char	*json;
		int		 ok;
		int64_t		 want;
	} cases[] = {
		{ "12", 1, 12 },
		{ "\"12\"", 1, 12 },
		{ "-4", 1, -4 },
		{ "9223372036854775807", 1, INT64_MAX },
		{ "9223372036854775808", 0, 0 },
		{ "99999999999999999999999999", 0, 0 },
		{ "1.5", 0, 0 },
		{ "1e3", 0, 0 },
		{ "\"12abc\"", 0, 0 },
		{ "\"\"", 0, 0 },
		{ "\" 12\"", 0, 0 },
		{ "true", 0, 0 },
		{ "null", 0, 0 },
		{ "[12]", 0, 0 },
		{ "{\"id\":12}", 0, 0 },
		{ "-", 0, 0 },
	};
	struct json_arena	 a;
	int64_t			 n;
	size_t			 i;

	(void)state;
	memset(&a, 0, sizeof a);
	for (i = 0; i < nitems(cases); i++) {
		n = 0;
		if ((sync_int(parse(&a, cases[i].json), &n) == 0) !=
		    cases[i].ok || (cases[i].ok && n != cases[i].want))
			failf("%s: read %lld", cases[i].json, (long long)n);
	}
	assert_int_equal(sync_bool(parse(&a, "true"), 0), 1);
	assert_int_equal(sync_bool(parse(&a, "false"), 1), 0);
	assert_int_equal(sync_bool(parse(&a, "\"t\""), 0), 1);
	assert_int_equal(sync_bool(parse(&a, "\"f\""), 1), 0);
	assert_int_equal(sync_bool(parse(&a, "1"), 0), 1);
	assert_int_equal(sync_bool(parse(&a, "\"maybe\""), 0), 0);
	assert_int_equal(sync_bool(parse(&a, "[true]"), 0), 0);
	assert_int_equal(sync_bool(NULL, 1), 1);
	json_arena_release(&a);
}

static void
test_sync_headlines_hostile(void **state)
{
	static const char doc[] = "["
	    /* A good one: the title's escape sequences never pass. */
	    "{\"id\":7,\"feed_id\":\"3\",\"title\":\"\\u001b]0;owned\\u0007"
	    "Title\\u001b[31m red\\r\\nnext\",\"link\":\"http://x/\\u0000y\","
	    "\"author\":\"\\u009bA\",\"updated\":1700000000,"
	    "\"unread\":true,\"marked\":\"t\",\"content\":\"<p>x</p>\"},"
	    /* Wrong types: kept where the id and feed are sound. */
	    "{\"id\":\"8\",\"feed_id\":3,\"title\":42,\"link\":[1],"
	    "\"author\":{},\"updated\":\"soon\",\"unread\":\"yes\","
	    "\"content\":7},"
	    /* No valid id or feed: left out. */
	    "{\"id\":\"x\",\"feed_id\":3},"
	    "{\"id\":99999999999999999999,\"feed_id\":3},"
	    "{\"id\":-1,\"feed_id\":3},"
	    "{\"id\":0,\"feed_id\":3},"
	    "{\"id\":9,\"feed_id\":null},"
	    "{\"id\":10},"
	    "{\"id\":1.5,\"feed_id\":3},"
	    "\"an article\", 12, null, [],"
	    "{\"id\":11,\"feed_id\":0}"
	    "]";
	struct json_arena	 a;
	struct sync_headline	*h;
	size_t			 n, total;

	(void)state;
	memset(&a, 0, sizeof a);
	sync_headlines(parse(&a, doc), &h, &n, &total);
	assert_int_equal(total, 14);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, 7);
	assert_int_equal(h[0].feed_id, 3);
	assert_int_equal(h[0].updated, 1700000000);
	assert_int_equal(h[0].unread, 1);
	assert_int_equal(h[0].marked, 1);
	assert_non_null(strstr(h[0].title, "Title"));
	assert_non_null(strstr(h[0].title, "next"));
	assert_false(has_control(h[0].title));
	assert_false(has_control(h[0].link));
	assert_false(has_control(h[0].author));
	assert_null(strstr(h[0].author, "\xc2\x9b"));
	assert_string_equal(h[0].content, "<p>x</p>");
	assert_int_equal(h[1].id, 8);
	assert_null(h[1].title);
	assert_null(h[1].link);
	assert_null(h[1].author);
	assert_null(h[1].content);
	assert_int_equal(h[1].updated, INT64_MIN);
	assert_int_equal(h[1].unread, 0);
	sync_headlines_free(h, n);

	/* Not an array at all. */
	sync_headlines(parse(&a, "{\"error\":\"x\"}"), &h, &n, &total);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
	sync_headlines_free(h, n);
	sync_headlines(NULL, &h, &n, &total);
	assert_int_equal(n, 0);
	json_arena_release(&a);
}

/* A URL written in the configuration and what f makes of it. */
struct url_case {
	const char	*url, *want;
};

/* f() of each case's URL is its want. */
static void
url_cases(char *(*f)(const char *), const struct url_case *c, size_t n)
{
	size_t	 i;
	char	*s;

	for (i = 0; i < n; i++) {
		s = f(c[i].url);
		assert_string_equal(s, c[i].want);
		free(s);
	}
}

/* sync_key() of alice's account of type at url is want. */
static void
key_check(const char *type, const char *url, const char *want)
{
	struct config_sync	 cs;
	char			*s;

	memset(&cs, 0, sizeof cs);
	cs.type = xstrdup(type);
	cs.url = xstrdup(url);
	cs.user = xstrdup("alice");
	s = sync_key(&cs);
	assert_string_equal(s, want);
	free(s);
	free(cs.type);
	free(cs.url);
	free(cs.user);
}

static void
test_sync_urls(void **state)
{
	static const struct url_case cases[] = {
		{ "https://example.org/tt-rss/", "https://example.org/tt-rss/api/" },
		{ "https://example.org/tt-rss", "https://example.org/tt-rss/api/" },
		{ "https://example.org/tt-rss/api/", "https://example.org/tt-rss/api/" },
		{ "https://example.org/tt-rss/api", "https://example.org/tt-rss/api/" },
		{ "http://127.0.0.1:8080", "http://127.0.0.1:8080/api/" },
	};

	(void)state;
	url_cases(sync_api_url, cases, nitems(cases));
	key_check("ttrss", "https://example.org/tt-rss",
	    "ttrss:alice@https://example.org/tt-rss/api/");
	/* The Google Reader API's base is the URL, without its "/". */
	key_check("greader", "https://example.org/api/greader.php//",
	    "greader:alice@https://example.org/api/greader.php");
}

static void
test_sync_miniflux_base(void **state)
{
	static const struct url_case cases[] = {
		{ "https://example.org/", "https://example.org" },
		{ "https://example.org", "https://example.org" },
		{ "https://example.org/miniflux//", "https://example.org/miniflux" },
		{ "https://example.org/v1/", "https://example.org" },
		{ "https://example.org/rss/v1", "https://example.org/rss" },
		{ "https://example.org/v10/", "https://example.org/v10" },
	};

	(void)state;
	url_cases(sync_miniflux_base, cases, nitems(cases));
	key_check("miniflux", "https://example.org/v1/",
	    "miniflux:alice@https://example.org");
}

static void
test_sync_miniflux_entries_hostile(void **state)
{
	static const char doc[] = "{\"total\":12,\"entries\":["
	    /* A good one: its zone read, escapes removed. */
	    "{\"id\":888,\"user_id\":1,\"feed_id\":42,\"status\":\"read\","
	    "\"title\":\"\\u001b]0;owned\\u0007Title\\u001b[31m red\","
	    "\"url\":\"http://x/1\",\"author\":\"\\u009bA\","
	    "\"content\":\"<p>x</p>\",\"starred\":true,"
	    "\"published_at\":\"2023-11-14T17:13:20.123456-05:00\","
	    "\"feed\":{\"id\":7}},"
	    /* Wrong types: kept where the id and feed are sound. */
	    "{\"id\":\"889\",\"feed\":{\"id\":42},\"status\":\"unread\","
	    "\"title\":42,\"url\":[\"http://x\"],\"starred\":\"maybe\","
	    "\"published_at\":\"soon\",\"content\":{}},"
	    /* Removed, or of no known status: left out, yet the cursor
	     * goes past them. */
	    "{\"id\":900,\"feed_id\":42,\"status\":\"removed\"},"
	    "{\"id\":901,\"feed_id\":42,\"status\":1},"
	    "{\"id\":902,\"feed_id\":42},"
	    /* No valid id or feed: left out. */
	    "{\"id\":-3,\"feed_id\":42,\"status\":\"read\"},"
	    "{\"id\":1.5,\"feed_id\":42,\"status\":\"read\"},"
	    "{\"id\":12,\"feed_id\":0,\"status\":\"read\"},"
	    "{\"id\":13,\"feed_id\":\"x\",\"status\":\"read\"},"
	    "{\"id\":99999999999999999999,\"feed_id\":4,\"status\":\"read\"},"
	    "\"an entry\", null"
	    "]}";
	struct json_arena	 a;
	struct sync_headline	*h;
	size_t			 n, total;
	int64_t			 last = 5;

	(void)state;
	memset(&a, 0, sizeof a);
	assert_int_equal(sync_miniflux_entries(parse(&a, doc), &h, &n, &total,
	    &last), 0);
	assert_int_equal(total, 12);
	assert_int_equal(last, 902);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, 888);
	assert_int_equal(h[0].feed_id, 42);
	assert_int_equal(h[0].updated, 1700000000);
	assert_int_equal(h[0].unread, 0);
	assert_int_equal(h[0].marked, 1);
	assert_non_null(strstr(h[0].title, "Title"));
	assert_false(has_control(h[0].title));
	assert_false(has_control(h[0].author));
	assert_string_equal(h[0].link, "http://x/1");
	assert_string_equal(h[0].content, "<p>x</p>");
	assert_int_equal(h[1].id, 889);
	assert_int_equal(h[1].feed_id, 42);
	assert_null(h[1].title);
	assert_null(h[1].link);
	assert_null(h[1].content);
	assert_int_equal(h[1].updated, INT64_MIN);
	assert_int_equal(h[1].unread, 1);
	assert_int_equal(h[1].marked, 0);
	sync_headlines_free(h, n);

	/* Not an answer of entries. */
	assert_int_equal(sync_miniflux_entries(parse(&a, "[1,2]"), &h, &n,
	    &total, &last), -1);
	assert_int_equal(n, 0);
	assert_int_equal(sync_miniflux_entries(parse(&a,
	    "{\"error_message\":\"Access Unauthorized\"}"), &h, &n, &total,
	    &last), -1);
	assert_int_equal(sync_miniflux_entries(NULL, &h, &n, &total, &last),
	    -1);
	/* None: Miniflux writes an empty list as null. */
	assert_int_equal(sync_miniflux_entries(parse(&a,
	    "{\"total\":0,\"entries\":null}"), &h, &n, &total, &last), 0);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
	sync_headlines_free(h, n);
	json_arena_release(&a);
}

static void
test_sync_miniflux_counters(void **state)
{
	struct json_arena	 a;
	int64_t			*ids, *unread;
	size_t			 n;

	(void)state;
	memset(&a, 0, sizeof a);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"reads\":"
	    "{\"1\":12,\"3\":1,\"4\":2},\"unreads\":{\"4\":14}}"), &ids,
	    &unread, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 4);
	assert_int_equal(unread[0], 14);
	assert_int_equal(ids[1], 1);
	assert_int_equal(unread[1], 0);
	assert_int_equal(ids[2], 3);
	assert_int_equal(unread[2], 0);
	free(ids);
	free(unread);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"reads\":null,"
	    "\"unreads\":{}}"), &ids, &unread, &n), 0);
	assert_int_equal(n, 0);
	free(ids);
	free(unread);
	/* Names that are no feed ids, counts that are no counts, a feed
	 * named twice, the wrong shape: not understood. */
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"reads\":"
	    "{\"x\":1}}"), &ids, &unread, &n), -1);
	assert_null(ids);
	assert_null(unread);
	assert_int_equal(n, 0);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"reads\":"
	    "{\"0\":1}}"), &ids, &unread, &n), -1);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"unreads\":"
	    "{\"2\":-1}}"), &ids, &unread, &n), -1);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"unreads\":"
	    "{\"2\":\"many\"}}"), &ids, &unread, &n), -1);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"unreads\":"
	    "{\"2\":1,\"2\":3}}"), &ids, &unread, &n), -1);
	assert_int_equal(sync_miniflux_counters(parse(&a, "{\"reads\":[1]}"),
	    &ids, &unread, &n), -1);
	assert_int_equal(sync_miniflux_counters(parse(&a, "[]"), &ids, &unread,
	    &n), -1);
	assert_int_equal(sync_miniflux_counters(NULL, &ids, &unread, &n), -1);
	json_arena_release(&a);
}

/* A server that names a great many feeds: each once, in order (found
 * by a sort; a search of every earlier one took minutes, which
 * bench/sync-miniflux would show, not a timer here). */
static void
test_sync_miniflux_counters_many(void **state)
{
	struct json_arena	 a;
	struct buf		 b = BUF_INIT;
	int64_t			*ids, *unread;
	size_t			 n, i, many = 300000;

	(void)state;
	memset(&a, 0, sizeof a);
	buf_addstr(&b, "{\"unreads\":{");
	for (i = 1; i <= many; i++)
		buf_addf(&b, "%s\"%zu\":1", i > 1 ? "," : "", i);
	buf_addstr(&b, "},\"reads\":{");
	for (i = 1; i <= many; i++)
		buf_addf(&b, "%s\"%zu\":2", i > 1 ? "," : "", many + 1 - i);
	buf_addstr(&b, ",\"0123\":5}}");
	assert_int_equal(sync_miniflux_counters(parse(&a, b.data), &ids,
	    &unread, &n), 0);
	assert_int_equal(n, many);
	assert_int_equal(ids[0], 1);
	assert_int_equal(unread[0], 1);
	assert_int_equal(ids[many - 1], (int64_t)many);
	free(ids);
	free(unread);
	buf_release(&b);
	json_arena_release(&a);
}

static void
test_sync_greader_ids(void **state)
{
	static const struct {
		const char	*s;
		int64_t		 id;	/* 0: refused */
	} cases[] = {
		{ "tag:google.com,2005:reader/item/0000000000000001", 1 },
		{ "tag:google.com,2005:reader/item/00060a24181e4007",
		    1700000000000007 },
		{ "tag:google.com,2005:reader/item/00060A24181E4007",
		    1700000000000007 },
		{ "tag:google.com,2005:reader/item/ff", 255 },
		{ "1700000000000007", 1700000000000007 },
		{ "9223372036854775807", INT64_MAX },
		{ "tag:google.com,2005:reader/item/7fffffffffffffff",
		    INT64_MAX },
		/* Google's negative ones, and what is not an id. */
		{ "tag:google.com,2005:reader/item/8000000000000000", 0 },
		{ "9223372036854775808", 0 },
		{ "18446744073709551616", 0 },
		{ "-5", 0 },
		{ "0", 0 },
		{ "tag:google.com,2005:reader/item/0000000000000000", 0 },
		{ "tag:google.com,2005:reader/item/", 0 },
		{ "tag:google.com,2005:reader/item/00000000000000001", 0 },
		{ "tag:google.com,2005:reader/item/12g4", 0 },
		{ "tag:google.com,2005:reader/item/-1", 0 },
		{ "12 ", 0 },
		{ "1e5", 0 },
		{ "", 0 },
		{ "5ad1cc0c175ad6fb2f001ed3", 0 },
	};
	int64_t		 id;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		id = 0;
		if ((sync_greader_item_id(cases[i].s, &id) == 0 ?
		    id : 0) != cases[i].id)
			failf("\"%s\": got %lld", cases[i].s, (long long)id);
	}
	assert_int_equal(sync_greader_item_id(NULL, &id), -1);
}

static void
test_sync_greader_feeds(void **state)
{
	int64_t		 a, b;

	(void)state;
	assert_int_equal(sync_greader_feed_id("feed/12", &a), 0);
	assert_int_equal(a, 12);
	assert_int_equal(sync_greader_feed_id("feed/999999999999999999", &a),
	    0);
	assert_int_equal(a, 999999999999999999);
	/* Any other stream id: a number of its own, the same each time,
	 * apart from those of "feed/N". */
	assert_int_equal(sync_greader_feed_id("feed/http://x/rss", &a), 0);
	assert_int_equal(sync_greader_feed_id("feed/http://x/rss", &b), 0);
	assert_int_equal(a, b);
	assert_true(a > 999999999999999999);
	assert_int_equal(sync_greader_feed_id("feed/http://y/rss", &b), 0);
	assert_true(a != b);
	assert_int_equal(sync_greader_feed_id("feed/012", &a), 0);
	assert_true(a > 999999999999999999);
	assert_int_equal(sync_greader_feed_id("feed/0", &a), 0);
	assert_true(a > 0);
	assert_int_equal(sync_greader_feed_id("feed/", &a), -1);
	assert_int_equal(sync_greader_feed_id("user/-/label/x", &a), -1);
	assert_int_equal(sync_greader_feed_id(NULL, &a), -1);
}

static void
test_sync_greader_auth(void **state)
{
	static const struct {
		const char	*body;
		const char	*auth;	/* NULL: none */
	} cases[] = {
		{ "SID=a/1\nLSID=null\nAuth=alice/8d6f\n", "alice/8d6f" },
		{ "SID=x\r\nLSID=y\r\nAuth=tok\r\n", "tok" },
		{ "Auth=last", "last" },
		{ "Error=BadAuthentication\n", NULL },
		{ "Auth=\n", NULL },
		{ "Auth=a b\n", NULL },
		{ "Auth=a\033[2J\n", NULL },
		{ "auth=lower\n", NULL },
		{ "<html>Auth</html>", NULL },
		{ "", NULL },
	};
	size_t		 i;
	char		*s;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		s = sync_greader_auth(cases[i].body, strlen(cases[i].body));
		if (cases[i].auth == NULL)
			assert_null(s);
		else
			assert_string_equal(s, cases[i].auth);
		free(s);
	}
}

static void
test_sync_greader_items_hostile(void **state)
{
	static const char doc[] = "{\"items\":["
	    /* A good one: marks from its categories, escapes removed. */
	    "{\"id\":\"tag:google.com,2005:reader/item/000000000000000a\","
	    "\"title\":\"\\u001b]0;owned\\u0007Title\\u001b[31m red\","
	    "\"published\":1700000000,\"author\":\"\\u009bA\","
	    "\"canonical\":[{\"href\":\"http://x/1\"}],"
	    "\"alternate\":[{\"href\":\"http://x/alt\"}],"
	    "\"summary\":{\"content\":\"<p>x</p>\"},"
	    "\"categories\":[\"user/-/state/com.google/reading-list\","
	    "\"user/1005/state/com.google/read\","
	    "\"user/-/state/com.google/starred\",\"user/-/label/News\"],"
	    "\"origin\":{\"streamId\":\"feed/3\",\"title\":\"F\"}},"
	    /* Wrong types: kept where the id and feed are sound; unread. */
	    "{\"id\":\"tag:google.com,2005:reader/item/b\",\"title\":42,"
	    "\"canonical\":\"http://x\",\"alternate\":[{\"href\":\"http://x/2\"}],"
	    "\"published\":\"soon\",\"categories\":\"read\","
	    "\"content\":{\"content\":\"<b>c</b>\"},"
	    "\"summary\":{\"content\":\"s\"},"
	    "\"origin\":{\"streamId\":\"feed/3\"}},"
	    /* No valid id or feed: left out. */
	    "{\"id\":12,\"origin\":{\"streamId\":\"feed/3\"}},"
	    "{\"id\":\"x\",\"origin\":{\"streamId\":\"feed/3\"}},"
	    "{\"id\":\"tag:google.com,2005:reader/item/ffffffffffffffff\","
	    "\"origin\":{\"streamId\":\"feed/3\"}},"
	    "{\"id\":\"13\",\"origin\":{\"streamId\":\"user/-/label/x\"}},"
	    "{\"id\":\"14\",\"origin\":\"feed/3\"},"
	    "{\"id\":\"15\"},"
	    "\"an item\", 12, null, []"
	    "]}";
	struct json_arena	 a;
	struct sync_headline	*h;
	size_t			 n, total;

	(void)state;
	memset(&a, 0, sizeof a);
	sync_greader_items(parse(&a, doc), &h, &n, &total);
	assert_int_equal(total, 12);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].id, 10);
	assert_int_equal(h[0].feed_id, 3);
	assert_int_equal(h[0].updated, 1700000000);
	assert_int_equal(h[0].unread, 0);
	assert_int_equal(h[0].marked, 1);
	assert_non_null(strstr(h[0].title, "Title"));
	assert_false(has_control(h[0].title));
	assert_false(has_control(h[0].author));
	assert_string_equal(h[0].link, "http://x/1");
	assert_string_equal(h[0].content, "<p>x</p>");
	assert_int_equal(h[1].id, 11);
	assert_null(h[1].title);
	assert_string_equal(h[1].link, "http://x/2");
	assert_string_equal(h[1].content, "<b>c</b>");
	assert_int_equal(h[1].updated, INT64_MIN);
	assert_int_equal(h[1].unread, 1);
	assert_int_equal(h[1].marked, 0);
	sync_headlines_free(h, n);

	sync_greader_items(parse(&a, "[1,2]"), &h, &n, &total);
	assert_int_equal(n, 0);
	assert_int_equal(total, 0);
	sync_headlines_free(h, n);
	sync_greader_items(NULL, &h, &n, &total);
	assert_int_equal(n, 0);
	json_arena_release(&a);
}

static void
test_sync_greader_refs(void **state)
{
	struct json_arena	 a;
	int64_t			*ids = NULL;
	size_t			 n = 0, total;
	char			*c;

	(void)state;
	memset(&a, 0, sizeof a);
	sync_greader_ids(parse(&a, "{\"itemRefs\":[{\"id\":\"5\"},"
	    "{\"id\":6},{\"id\":\"tag:google.com,2005:reader/item/7\"},"
	    "{\"id\":\"-8\"},{\"id\":[9]},{},\"10\",null],"
	    "\"continuation\":\"abc+/=\"}"), &ids, &n, &total);
	assert_int_equal(total, 8);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], 5);
	assert_int_equal(ids[1], 6);
	assert_int_equal(ids[2], 7);
	/* A second page adds to the first. */
	sync_greader_ids(parse(&a, "{\"itemRefs\":[{\"id\":\"11\"}]}"),
	    &ids, &n, &total);
	assert_int_equal(n, 4);
	assert_int_equal(ids[3], 11);
	sync_greader_ids(parse(&a, "{\"itemRefs\":{}}"), &ids, &n, &total);
	assert_int_equal(total, 0);
	assert_int_equal(n, 4);
	free(ids);

	c = sync_greader_continuation(parse(&a, "{\"continuation\":\"a+b\"}"));
	assert_string_equal(c, "a+b");
	free(c);
	c = sync_greader_continuation(parse(&a, "{\"continuation\":123}"));
	assert_string_equal(c, "123");
	free(c);
	assert_null(sync_greader_continuation(parse(&a,
	    "{\"continuation\":\"\"}")));
	assert_null(sync_greader_continuation(parse(&a,
	    "{\"continuation\":\"a\\u001bb\"}")));
	assert_null(sync_greader_continuation(parse(&a,
	    "{\"continuation\":[1]}")));
	assert_null(sync_greader_continuation(parse(&a, "{}")));
	json_arena_release(&a);
}

/* Load text as a dotfile; return how many mistakes, the first in *first
 * (caller frees). */
static size_t
load(const char *text, struct config *cfg, char **first)
{
	struct causes	 causes = CAUSES_INIT;
	size_t		 n;

	config_init(cfg);
	config_load_buffer(text, strlen(text), "config", cfg, &causes);
	n = causes.n;
	*first = n > 0 ? xstrdup(causes.v[0]) : NULL;
	causes_release(&causes);
	return (n);
}

static void
test_sync_config(void **state)
{
	static const struct {
		const char	*line;
		const char	*error;
	} bad[] = {
		{ "sync ttrss\n", "config:1: usage: sync" },
		{ "sync feedbin https://x/ < user a; password-file ~/pw\n",
		    "config:1: unknown server type \"feedbin\"" },
		{ "sync ttrss ftp://x/ < user a; password-file ~/pw\n",
		    "config:1: a server's URL starts with http://" },
		{ "sync ttrss file:///etc/ < user a; password-file ~/pw\n",
		    "config:1: a server's URL starts with http://" },
		{ "sync ttrss https://x/ < password-file ~/pw\n",
		    "config:1: sync needs \"< user NAME\"" },
		{ "sync ttrss https://x/ < user a\n",
		    "config:1: sync needs password-command" },
		{ "sync ttrss https://x/ < user a; password-command \"\"\n",
		    "config:1: password-command is empty" },
		{ "sync ttrss https://x/ < user a; password-file ~/pw; "
		    "password-command pass\n", "not both" },
		{ "sync ttrss https://x/ < user a; token t\n",
		    "config:1: unknown server setting \"token\"" },
		{ "sync ttrss https://x/ < user a; password-file pw\n",
		    "config:1: password-file takes a path from / or ~/" },
		{ "sync ttrss https://x/ < user a; password p\n",
		    "config:1: unknown server setting \"password\"" },
		{ "sync ttrss https://x/ < user\n",
		    "config:1: user takes one value" },
		{ "sync ttrss https://x/ extra\n", "config:1: usage: sync" },
		{ "sync ttrss https://x/ < user a; password-file ~/pw\n"
		    "sync ttrss https://x/ < user a; password-file ~/pw2\n",
		    "config:2: this account is already listed at config:1" },
	};
	struct config	 cfg;
	struct config	*snap;
	size_t		 i;
	char		*first;

	(void)state;
	for (i = 0; i < nitems(bad); i++) {
		if (load(bad[i].line, &cfg, &first) == 0 ||
		    strstr(first, bad[i].error) == NULL)
			failf("%s: got \"%s\"", bad[i].line,
			    first != NULL ? first : "no mistake");
		free(first);
		config_release(&cfg);
	}
	assert_int_equal(load("feed http://a/\n"
	    "sync ttrss https://x/tt-rss/ < user alice; "
	    "password-command \"pass show 'tt rss'\"\n"
	    "sync ttrss https://x/tt-rss/ < user bob; password-file ~/.pw\n"
	    "sync greader https://x/api/greader.php < user alice; "
	    "password-file ~/.pw\n"
	    "sync miniflux https://x/miniflux/ < user alice; "
	    "password-command \"pass show miniflux-token\"\n",
	    &cfg, &first), 0);
	assert_int_equal(cfg.nsyncs, 4);
	assert_string_equal(cfg.syncs[2].type, "greader");
	assert_string_equal(cfg.syncs[3].type, "miniflux");
	assert_string_equal(cfg.syncs[0].user, "alice");
	assert_string_equal(cfg.syncs[0].password_cmd[0], "pass");
	assert_string_equal(cfg.syncs[0].password_cmd[2], "tt rss");
	assert_null(cfg.syncs[0].password_cmd[3]);
	assert_null(cfg.syncs[0].password_file);
	assert_non_null(cfg.syncs[1].password_file);
	assert_true(cfg.syncs[1].password_file[0] == '/');
	assert_non_null(strstr(cfg.syncs[1].password_file, "/.pw"));
	assert_int_equal(cfg.syncs[1].line, 3);
	/* A server's feed joins the config, its category its tag. */
	assert_int_equal(config_sync_feed(&cfg, 1, "ttrss:alice@x#3", "News"),
	    1);
	assert_int_equal(config_sync_feed(&cfg, 1, "ttrss:alice@x#3", "Tech"),
	    0);
	assert_int_equal(cfg.nfeeds, 2);
	assert_int_equal(cfg.feeds[1].sync, 1);
	assert_string_equal(cfg.feeds[1].tags[0], "Tech");
	assert_int_equal(config_sync_feed(&cfg, 1, "ttrss:alice@x#3", NULL),
	    0);
	assert_int_equal(cfg.feeds[1].ntags, 0);
	snap = config_snapshot(&cfg, 0);
	assert_int_equal(snap->nsyncs, 4);
	assert_string_equal(snap->syncs[0].password_cmd[2], "tt rss");
	assert_int_equal(snap->feeds[1].sync, 1);
	config_drop(snap);
	/* A refresh of a server's one feed syncs its server alone. */
	snap = config_snapshot(&cfg, cfg.feeds[1].id);
	assert_int_equal(snap->nfeeds, 1);
	assert_int_equal(snap->nsyncs, 1);
	assert_string_equal(snap->syncs[0].user, "alice");
	config_drop(snap);
	snap = config_snapshot(&cfg, cfg.feeds[0].id);
	assert_int_equal(snap->nsyncs, 0);
	config_drop(snap);
	config_release(&cfg);
}

/* A store in a fresh directory, with one server's feed and items. */
struct fixture {
	char		 dir[64];
	char		 path[96];
	struct store	*st;
	int64_t		 feed;
};

#define SERVER	"ttrss:alice@http://x/api/"

static int
setup(void **state)
{
	struct fixture		*fx;
	struct store_sync_feed	 sf = { 3, "Feed three", "News" };
	struct feed		 f;
	struct feed_entry	 e[3];
	struct store_fetch	 fx_ = { 0 };
	char			*cause, id[3][32], title[] = "Feed three";
	char			 t[] = "t";
	int			 i, nnew;

	fx = xcalloc(1, sizeof *fx);
	snprintf(fx->dir, sizeof fx->dir, "/tmp/test-sync-XXXXXX");
	if (mkdtemp(fx->dir) == NULL)
		fail_msg("mkdtemp failed");
	snprintf(fx->path, sizeof fx->path, "%s/t.db", fx->dir);
	if ((fx->st = store_open(fx->path, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	if (store_sync_feeds(fx->st, SERVER, &sf, 1, &fx->feed, &cause) != 0)
		fail_msg("store_sync_feeds: %s", cause);
	memset(&f, 0, sizeof f);
	memset(e, 0, sizeof e);
	f.title = title;
	f.updated = FEED_NODATE;
	f.entries = e;
	f.nentries = 3;
	for (i = 0; i < 3; i++) {
		snprintf(id[i], sizeof id[i], "tidings-sync:%d", 101 + i);
		e[i].id = id[i];
		e[i].title = t;
		e[i].published = 1700000000 + i;
		e[i].updated = FEED_NODATE;
	}
	fx_.time = 1700000100;
	fx_.next = STORE_NOTIME;
	if (store_update(fx->st, fx->feed, &fx_, &f, 0, 0, &nnew,
	    &cause) != 0 || nnew != 3)
		fail_msg("store_update: %s", cause);
	*state = fx;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*fx = *state;
	char		 p[128];

	store_close(fx->st);
	unlink(fx->path);
	snprintf(p, sizeof p, "%s-wal", fx->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", fx->path);
	unlink(p);
	rmdir(fx->dir);
	free(fx);
	return (0);
}

/* The item whose article id is remote. */
static int64_t
item_of(struct fixture *fx, int64_t remote)
{
	struct store_item	*it;
	struct store_body	 b;
	size_t			 n, i;
	int64_t			 id = 0;
	char			*cause;

	if (store_items(fx->st, fx->feed, 0, 10, &it, &n, &cause) != 0)
		fail_msg("store_items: %s", cause);
	for (i = 0; i < n; i++) {
		if (store_item_get(fx->st, it[i].id, &b, &cause) != 1)
			fail_msg("store_item_get");
		/* Dates were given in article order. */
		if (b.item.date == 1700000000 + remote - 101)
			id = it[i].id;
		store_body_release(&b);
	}
	store_items_free(it, n);
	return (id);
}

static void
test_sync_queue(void **state)
{
	struct fixture		*fx = *state;
	struct store_sync_change *v;
	int64_t			 seq[8], since, mark, changed, queued;
	size_t			 n, i;
	char			*cause;

	assert_int_equal(store_sync_since(fx->st, SERVER, &since, &cause), 0);
	assert_int_equal(since, 103);
	/* Every way of marking queues its change, the latest winning. */
	assert_int_equal(store_set_read(fx->st, item_of(fx, 101), 1, &cause),
	    0);
	assert_int_equal(store_set_starred(fx->st, item_of(fx, 102), 1,
	    &cause), 0);
	assert_int_equal(store_set_read(fx->st, item_of(fx, 101), 0, &cause),
	    0);
	assert_int_equal(store_sync_pending(fx->st, SERVER, &v, &n, &cause),
	    0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].remote_id, 102);
	assert_int_equal(v[0].field, 0);
	assert_int_equal(v[0].value, 1);
	assert_int_equal(v[1].remote_id, 101);
	assert_int_equal(v[1].field, 2);
	assert_int_equal(v[1].value, 1);	/* unread again */
	seq[0] = v[0].seq;
	free(v);
	/* Mark-all-read and its undo. */
	assert_int_equal(store_mark_read(fx->st, &(struct store_filter){
	    .feeds = &fx->feed, .nfeeds = 1 }, &mark, &changed, &cause), 0);
	assert_int_equal(changed, 3);
	assert_int_equal(store_sync_pending(fx->st, SERVER, &v, &n, &cause),
	    0);
	assert_int_equal(n, 4);
	for (i = 1; i < n; i++)
		assert_true(v[i].field == 2 && v[i].value == 0);
	free(v);
	assert_int_equal(store_unmark_read(fx->st, mark, &changed, &cause),
	    0);
	assert_int_equal(store_sync_pending(fx->st, SERVER, &v, &n, &cause),
	    0);
	assert_int_equal(n, 4);
	for (i = 1; i < n; i++)
		assert_true(v[i].field == 2 && v[i].value == 1);
	free(v);
	/* What the server took leaves; a change made since stays. */
	assert_int_equal(store_sync_sent(fx->st, seq, 1, &cause), 0);
	assert_int_equal(store_sync_queued(fx->st, SERVER, &queued, &cause),
	    0);
	assert_int_equal(queued, 3);
	assert_int_equal(store_sync_queued(fx->st, "other", &queued, &cause),
	    0);
	assert_int_equal(queued, 0);
}

static void
test_sync_marks(void **state)
{
	struct fixture		*fx = *state;
	const int64_t		 unread[] = { 101, 555 }, starred[] = { 103 };
	static const char	 conf[] = "sync ttrss http://x/ < user alice;"
	    " password-file ~/pw\n";
	struct causes		 causes = CAUSES_INIT;
	struct config		 cfg;
	int64_t			*feeds, *nunread, *nstarred;
	size_t			 n;
	struct store_body	 b;
	int64_t			 changed = 0, queued;
	char			*cause;

	/* A change still queued wins over the server's state. */
	assert_int_equal(store_set_starred(fx->st, item_of(fx, 102), 1,
	    &cause), 0);
	assert_int_equal(store_sync_marks(fx->st, SERVER, unread, 2, starred,
	    1, &changed, &cause), 0);
	assert_int_equal(changed, 3);		/* 102, 103 read; 103 starred */
	assert_int_equal(store_item_get(fx->st, item_of(fx, 101), &b, &cause),
	    1);
	assert_true(b.item.unread && !b.item.starred);
	store_body_release(&b);
	assert_int_equal(store_item_get(fx->st, item_of(fx, 102), &b, &cause),
	    1);
	assert_true(!b.item.unread && b.item.starred);
	store_body_release(&b);
	assert_int_equal(store_item_get(fx->st, item_of(fx, 103), &b, &cause),
	    1);
	assert_true(!b.item.unread && b.item.starred);
	store_body_release(&b);
	/* The server's marks are not queued back to it. */
	assert_int_equal(store_sync_queued(fx->st, SERVER, &queued, &cause),
	    0);
	assert_int_equal(queued, 1);
	/* New articles bring their own marks; a queued change still wins.
	 * The counts follow. */
	changed = 0;
	assert_int_equal(store_sync_item_marks(fx->st, SERVER,
	    (const int64_t[]){ 101, 102 }, (const unsigned char[]){ 0, 1 },
	    (const unsigned char[]){ 1, 0 }, 2, &changed, &cause), 0);
	assert_int_equal(store_item_get(fx->st, item_of(fx, 101), &b, &cause),
	    1);
	assert_true(!b.item.unread && b.item.starred);
	store_body_release(&b);
	assert_int_equal(store_item_get(fx->st, item_of(fx, 102), &b, &cause),
	    1);
	assert_true(b.item.unread && b.item.starred);
	store_body_release(&b);
	assert_int_equal(store_sync_counts(fx->st, SERVER, &feeds, &nunread,
	    &nstarred, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_int_equal(feeds[0], fx->feed);
	assert_int_equal(nunread[0], 1);
	assert_int_equal(nstarred[0], 3);
	free(feeds);
	free(nunread);
	free(nstarred);
	assert_int_equal(store_sync_queued(fx->st, SERVER, &queued, &cause),
	    0);
	assert_int_equal(queued, 1);
	/* The feeds pane lists the account's feeds from the store, with
	 * the category as the tag, before any sync. */
	config_init(&cfg);
	assert_int_equal(config_load_buffer(conf, strlen(conf), "config",
	    &cfg, &causes), 0);
	assert_int_equal(sync_config_feeds(&cfg, fx->st, &cause), 1);
	assert_int_equal(cfg.nfeeds, 1);
	assert_int_equal(cfg.feeds[0].sync, 1);
	assert_string_equal(cfg.feeds[0].tags[0], "News");
	assert_false(cfg.feeds[0].hidden);
	assert_int_equal(sync_config_feeds(&cfg, fx->st, &cause), 0);
	/* A feed the account dropped goes, with its items, and leaves the
	 * pane. */
	assert_int_equal(store_sync_feeds(fx->st, SERVER, NULL, 0, NULL,
	    &cause), 0);
	assert_int_equal(item_of(fx, 101), 0);
	assert_int_equal(sync_config_feeds(&cfg, fx->st, &cause), 0);
	assert_true(cfg.feeds[0].hidden);
	config_release(&cfg);
}

static void
test_sync_missing(void **state)
{
	static const int64_t	 ids[] = { 101, 104, 104, 105, 103 };
	struct fixture		*fx = *state;
	int64_t			*miss;
	size_t			 n;
	char			*cause;

	if (store_sync_missing(fx->st, SERVER, ids, nitems(ids), &miss, &n,
	    &cause) != 0)
		fail_msg("store_sync_missing: %s", cause);
	assert_int_equal(n, 2);
	assert_int_equal(miss[0], 104);
	assert_int_equal(miss[1], 105);
	free(miss);
	/* Another account's items are not this one's. */
	if (store_sync_missing(fx->st, "greader:bob@http://y", ids,
	    nitems(ids), &miss, &n, &cause) != 0)
		fail_msg("store_sync_missing: %s", cause);
	assert_int_equal(n, 4);
	free(miss);
	assert_int_equal(store_sync_missing(fx->st, SERVER, ids, 0, &miss, &n,
	    &cause), 0);
	assert_int_equal(n, 0);
	free(miss);
}

/* subscribeToFeed's status: each code its line, a page's feeds listed,
 * hostile text kept off the terminal. */
static void
test_sync_ttrss_sub_status(void **state)
{
	static const struct {
		const char	*content;
		int		 code;
		int64_t		 feed_id;
		size_t		 nfeeds;
		const char	*error;	/* a part of it, or NULL */
	} cases[] = {
		{ "{\"status\":{\"code\":1,\"feed_id\":12}}", 1, 12, 0, NULL },
		{ "{\"status\":{\"code\":\"0\",\"feed_id\":\"3\"}}", 0, 3, 0,
		    NULL },
		{ "{\"status\":{\"code\":1}}", 1, 0, 0, "named no feed id" },
		{ "{\"status\":{\"code\":2}}", 2, 0, 0,
		    "u: not an address the server takes" },
		{ "{\"status\":{\"code\":3}}", 3, 0, 0,
		    "u: a page that names no feed" },
		{ "{\"status\":{\"code\":4,\"feeds\":{\"http://x/a\":\"A\","
		    "\"http://x/b\":\"B\"}}}", 4, 0, 2,
		    "the page names 2 feeds: 1 http://x/a 2 http://x/b "
		    "(pick one with -n N)" },
		{ "{\"status\":{\"code\":4,\"feeds\":[\"http://x/a\",7]}}", 4,
		    0, 1, "1 http://x/a" },
		{ "{\"status\":{\"code\":4}}", 4, 0, 0, "names 0 feeds" },
		{ "{\"status\":{\"code\":5,\"message\":\"timed out\"}}", 5, 0,
		    0, "cannot fetch it (timed out)" },
		{ "{\"status\":{\"code\":5,\"message\":\"\\u001b[2J\"}}", 5, 0,
		    0, "cannot fetch it" },
		{ "{\"status\":{\"code\":6}}", 6, 0, 0, "not a feed" },
		{ "{\"status\":{\"code\":99}}", 99, 0, 0, "code 99" },
		{ "{\"status\":\"OK\"}", -1, 0, 0, "not a subscription's" },
		{ "{\"status\":{\"code\":1.5}}", -1, 0, 0, "not a subscr" },
		{ "[]", -1, 0, 0, "not a subscription's" },
	};
	struct json_arena	 a;
	char			**feeds, *error;
	size_t			 i, j, nfeeds;
	int64_t			 id;
	int			 code;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		memset(&a, 0, sizeof a);
		error = NULL;
		code = sync_ttrss_sub_status(parse(&a, cases[i].content), "u",
		    &id, &feeds, &nfeeds, &error);
		assert_int_equal(code, cases[i].code);
		assert_int_equal(id, cases[i].feed_id);
		assert_int_equal(nfeeds, cases[i].nfeeds);
		if (cases[i].error == NULL)
			assert_null(error);
		else {
			assert_non_null(error);
			assert_non_null(strstr(error, cases[i].error));
			assert_false(has_control(error));
		}
		for (j = 0; j < nfeeds; j++)
			free(feeds[j]);
		free(feeds);
		free(error);
		json_arena_release(&a);
	}
}

/* A server that names a great many unread ids the store lacks, each
 * twice: each comes back once, in order. */
static void
test_sync_missing_many(void **state)
{
	struct fixture		*fx = *state;
	int64_t			*ids, *miss;
	size_t			 n, i, many = 300000;
	char			*cause;

	ids = xreallocarray(NULL, 2 * many, sizeof *ids);
	for (i = 0; i < many; i++)
		ids[i] = ids[2 * many - 1 - i] = 1000000 + (int64_t)i;
	if (store_sync_missing(fx->st, SERVER, ids, 2 * many, &miss, &n,
	    &cause) != 0)
		fail_msg("store_sync_missing: %s", cause);
	assert_int_equal(n, many);
	assert_int_equal(miss[0], 1000000);
	assert_int_equal(miss[many - 1], 1000000 + (int64_t)many - 1);
	free(miss);
	free(ids);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sync_answer),
		cmocka_unit_test(test_sync_ttrss_sub_status),
		cmocka_unit_test(test_sync_numbers),
		cmocka_unit_test(test_sync_headlines_hostile),
		cmocka_unit_test(test_sync_urls),
		cmocka_unit_test(test_sync_greader_ids),
		cmocka_unit_test(test_sync_greader_feeds),
		cmocka_unit_test(test_sync_greader_auth),
		cmocka_unit_test(test_sync_greader_items_hostile),
		cmocka_unit_test(test_sync_greader_refs),
		cmocka_unit_test(test_sync_miniflux_base),
		cmocka_unit_test(test_sync_miniflux_entries_hostile),
		cmocka_unit_test(test_sync_miniflux_counters),
		cmocka_unit_test(test_sync_miniflux_counters_many),
		cmocka_unit_test(test_sync_config),
		cmocka_unit_test_setup_teardown(test_sync_queue, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sync_marks, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sync_missing, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_sync_missing_many, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
