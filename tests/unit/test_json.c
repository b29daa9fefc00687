/* test_json.c: the arena that json_parse() fills, and its wiping of an
 * answer that carries a secret. The reader itself is tested through its
 * users (test_sync.c, test_extract.c). */
#include "testlib.h"

#include "json.h"

/* A login's answer (Tiny Tiny RSS's) parsed into a secret's arena: once
 * released, the session id is in none of its blocks; an arena released
 * is an ordinary one again. */
static void
test_json_secret_arena(void **state)
{
	static const char	 sid[] = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";
	struct json_arena	 a;
	struct json		*doc;
	struct buf		 body = BUF_INIT;
	const struct json	*s;
	const char		*p;
	char			 seen[sizeof sid];
	size_t			 i;

	(void)state;
	buf_addf(&body, "{\"seq\":0,\"status\":0,\"content\":{\"session_id\":"
	    "\"%s\",\"api_level\":18,\"config\":\"", sid);
	for (i = 0; i < 300; i++)
		buf_addstr(&body, "a longer string than the session's ");
	buf_addstr(&body, "\"}}");
	memset(&a, 0, sizeof a);
	a.secret = 1;
	doc = json_arena_alloc(&a, sizeof *doc);
	assert_int_equal(json_parse(body.data, body.len, json_arena_alloc, &a,
	    doc), 0);
	s = json_get(json_get(doc, "content"), "session_id");
	assert_non_null(s);
	assert_string_equal(s->str, sid);
	p = s->str;
	json_arena_release(&a);
	assert_int_equal(a.secret, 0);
	if (peek(p, sizeof sid - 1, seen) != (ssize_t)sizeof sid - 1)
		skip();
	/* The allocator may have written over the block's first bytes. */
	if (memmem(seen, sizeof sid - 1, sid + 16, sizeof sid - 1 - 16) !=
	    NULL)
		fail_msg("the session id lingers in a freed block");
	buf_release(&body);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_secret_arena),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
