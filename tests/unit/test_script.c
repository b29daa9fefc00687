/* test_script.c: feed commands run without a shell, their caps and the
 * line of standard error a failure shows. */
#include "testlib.h"

#include <fcntl.h>
#include <signal.h>
#include <time.h>

#include "script.h"

static const struct {
	const char	*in;
	const char	*out;
} last_cases[] = {
	{ "", "" },
	{ "one line\n", "one line" },
	{ "first\nsecond\n\n  \n", "second" },
	{ "a\r\nb\r\n", "b" },
	{ "progress 10%\rprogress 100%\rdone\n", "done" },
	{ "\x1b[31merror:\x1b[0m it broke\n", "error: it broke" },
	{ "x\x1b]0;owned\x07y\n", "xy" },
	{ "x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\\n", "xlink" },
	{ "fine\n\x1b[0m\n", "fine" },
	{ "bell\x07 and nul\0x", "bell\xef\xbf\xbd and nul x" },
	{ "c1 \xc2\x9b" "31m\n", "c1 \xef\xbf\xbd" "31m" },
	{ "\x1b", "" },
	{ "\x1b[", "" },
};

/* The last line: blank lines and escape sequences skipped, the rest
 * made printable. */
static void
test_script_last_line(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, len;

	(void)state;
	for (i = 0; i < nitems(last_cases); i++) {
		len = strlen(last_cases[i].in);
		if (strstr(last_cases[i].in, "nul") != NULL)
			len += 2;	/* the NUL and the x after it */
		buf_reset(&b);
		script_last_line(&b, last_cases[i].in, len, 200);
		if (strcmp(b.data, last_cases[i].out) != 0)
			failf("row %zu: \"%s\", want \"%s\"", i, b.data,
			    last_cases[i].out);
	}
	/* Cut at a character's boundary. */
	buf_reset(&b);
	script_last_line(&b, "ab\xc3\xa9", 4, 3);
	assert_string_equal(b.data, "ab");
	buf_release(&b);
}

/* Whether process pid runs: there and not a zombie, which nobody may
 * reap where PID 1 does not. */
static int
alive(pid_t pid)
{
	struct buf	 stat = BUF_INIT;
	char		*path, *paren;
	int		 yes = 0;
	FILE		*f;

	xasprintf(&path, "/proc/%d/stat", (int)pid);
	if ((f = fopen(path, "r")) != NULL) {
		fclose(f);
		slurp(path, &stat);
		yes = (paren = strrchr(stat.data, ')')) != NULL &&
		    paren[1] == ' ' && paren[2] != 'Z';
	}
	free(path);
	buf_release(&stat);
	return (yes);
}

/* Run sh -c script with the words given; return script_run()'s answer. */
static int
run(const char *script, const char *input, int64_t timeout,
    size_t max, struct buf *out, char **cause)
{
	char	*argv[6];
	struct script_run sr;
	int		 rc, i;

	argv[0] = xstrdup("sh");
	argv[1] = xstrdup("-c");
	argv[2] = xstrdup(script);
	argv[3] = xstrdup("sh");
	argv[4] = xstrdup("$(touch x)");
	argv[5] = NULL;
	memset(&sr, 0, sizeof sr);
	sr.argv = argv;
	sr.input = input;
	sr.inlen = input != NULL ? strlen(input) : 0;
	sr.timeout = timeout;
	sr.max_bytes = max;
	*cause = NULL;
	rc = script_run(&sr, out, cause);
	for (i = 0; i < 5; i++)
		free(argv[i]);
	return (rc);
}

static void
test_script_run(void **state)
{
	static const struct {
		const char	*script;
		const char	*input;
		int64_t		 timeout;
		size_t		 max;
		const char	*out;		/* NULL: it fails */
		const char	*cause;
	} cases[] = {
		{ "printf '%s' \"$1\"", NULL, 5, 0, "$(touch x)", NULL },
		{ "test -t 0 || cat; echo end", NULL, 5, 0, "end\n", NULL },
		{ "tr a-z A-Z", "feed", 5, 0, "FEED", NULL },
		{ "head -c 1; echo", "a long input", 5, 0, "a\n", NULL },
		{ "echo out; echo oops >&2; echo 'last words' >&2; exit 4",
		  NULL, 5, 0, NULL, "sh exited with status 4: last words" },
		{ "exit 1", NULL, 5, 0, NULL, "sh exited with status 1" },
		{ "kill -9 $$", NULL, 5, 0, NULL, "sh was killed by signal 9" },
		{ "echo 'nothing here' >&2", NULL, 5, 0, NULL,
		  "sh printed nothing: nothing here" },
		{ "printf '%0100d' 0", NULL, 5, 64, NULL,
		  "sh printed more than 64 bytes" },
		{ "echo started >&2; sleep 30", NULL, 1, 0, NULL,
		  "sh took longer than 1s and was killed: started" },
	};
	struct buf	 out = BUF_INIT;
	char		*cause;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&out);
		rc = run(cases[i].script, cases[i].input, cases[i].timeout,
		    cases[i].max, &out, &cause);
		if (cases[i].out != NULL) {
			if (rc != 0)
				failf("row %zu: %s", i, cause);
			assert_string_equal(out.data, cases[i].out);
			assert_null(cause);
		} else {
			if (rc != -1)
				failf("row %zu: succeeded", i);
			assert_int_equal(out.len, 0);
			if (strncmp(cause, cases[i].cause,
			    strlen(cases[i].cause)) != 0)
				failf("row %zu: \"%s\", want \"%s\"", i,
				    cause, cases[i].cause);
			free(cause);
		}
	}
	assert_int_equal(access("x", F_OK), -1);
	buf_release(&out);
}

/* A program that is not there is told from one that ran and failed. */
static void
test_script_missing(void **state)
{
	char		 prog[] = "/nonexistent/feed-script";
	char		*argv[] = { prog, NULL };
	struct script_run sr;
	struct buf	 out = BUF_INIT;
	char		*cause = NULL;

	(void)state;
	memset(&sr, 0, sizeof sr);
	sr.argv = argv;
	assert_int_equal(script_run(&sr, &out, &cause), -1);
	assert_string_equal(cause, "cannot run feed-script: No such file or "
	    "directory");
	free(cause);
	buf_release(&out);
}

/* At the timeout the whole process group goes, and what a command
 * leaves behind when it exits goes too, whether it holds the pipes or
 * let go of them (run 2). */
static void
test_script_group_killed(void **state)
{
	char		 path[] = "/tmp/tidings-test-XXXXXX";
	char		 sh[] = "sh", c[] = "-c";
	char		*script, *argv[] = { sh, c, NULL, NULL };
	struct script_run sr;
	struct buf	 out = BUF_INIT, pid = BUF_INIT;
	char		*cause = NULL;
	time_t		 t0;
	int		 fd, i;

	(void)state;
	assert_true((fd = mkstemp(path)) != -1);
	close(fd);
	for (i = 0; i < 3; i++) {
		xasprintf(&script, "sleep 60 %s& echo $! >%s; %s",
		    i == 2 ? ">/dev/null 2>&1 " : "", path,
		    i == 0 ? "sleep 60" : i == 1 ? "echo '<rss/>'" :
		    "echo '<rss/>'; exec >&- 2>&-; sleep 0.2");
		argv[2] = script;
		memset(&sr, 0, sizeof sr);
		sr.argv = argv;
		sr.timeout = 1;
		t0 = time(NULL);
		buf_reset(&out);
		assert_int_equal(script_run(&sr, &out, &cause), i == 0 ? -1 : 0);
		assert_true(time(NULL) - t0 <= 3);
		free(cause);
		cause = NULL;
		buf_reset(&pid);
		slurp(path, &pid);
		usleep(100000);
		if (alive(atoi(pid.data)))
			failf("run %d: %s lives on", i, pid.data);
		free(script);
	}
	unlink(path);
	buf_release(&out);
	buf_release(&pid);
}

/* A descriptor the reader has open without close-on-exec (libcurl's
 * sockets are such) does not reach the command. */
static void
test_script_fds_closed(void **state)
{
	char		 sh[] = "sh", c[] = "-c";
	char		*script, *argv[] = { sh, c, NULL, NULL };
	struct script_run sr;
	struct buf	 out = BUF_INIT;
	char		*cause = NULL;
	int		 fd;

	(void)state;
	assert_true((fd = open("/dev/null", O_RDONLY)) > STDERR_FILENO);
	xasprintf(&script, "if [ -e /proc/$$/fd/%d ]; then echo leaked; "
	    "else echo closed; fi", fd);
	argv[2] = script;
	memset(&sr, 0, sizeof sr);
	sr.argv = argv;
	sr.timeout = 5;
	assert_int_equal(script_run(&sr, &out, &cause), 0);
	assert_string_equal(out.data, "closed\n");
	close(fd);
	free(script);
	buf_release(&out);
}

/* A feed command gets SIGQUIT at its default even while the reader
 * ignores it (as it does while a command of exec -w has the terminal):
 * an ignored signal stays ignored across exec. */
static void
test_script_signals_default(void **state)
{
	char		 sh[] = "sh", c[] = "-c";
	char		 script[] = "sed -n 's/^SigIgn:[[:space:]]*//p' "
			    "/proc/$$/status";
	char		*argv[] = { sh, c, script, NULL };
	struct script_run sr;
	struct sigaction ign, old;
	struct buf	 out = BUF_INIT;
	char		*cause = NULL;
	unsigned long long mask;

	(void)state;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGQUIT, &ign, &old);
	memset(&sr, 0, sizeof sr);
	sr.argv = argv;
	sr.timeout = 5;
	assert_int_equal(script_run(&sr, &out, &cause), 0);
	sigaction(SIGQUIT, &old, NULL);
	assert_non_null(out.data);
	mask = strtoull(out.data, NULL, 16);
	assert_int_equal(mask & (1ULL << (SIGQUIT - 1)), 0);
	buf_release(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_last_line),
		cmocka_unit_test(test_script_run),
		cmocka_unit_test(test_script_missing),
		cmocka_unit_test(test_script_group_killed),
		cmocka_unit_test(test_script_fds_closed),
		cmocka_unit_test(test_script_signals_default),
	};

	signal(SIGPIPE, SIG_IGN);
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
