/* test_hook.c: argument templates filled in with hostile values, exec's
 * options, commands run detached and in the foreground, the file names
 * of save, the download directory, the first enclosure and OSC 52. */
#include "testlib.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "hook.h"
#include "util.h"

/* Values no shell could be given safely. */
static const struct hook_vars hostile = {
	.link = "http://example.org/a?q='x'&y=\"$(touch pwned)\"`id`;ls",
	.enclosure = "https://m.example/ep 1.mp3?a=$(id)\n-rf",
	.title = "-rf --no-preserve-root 'quoted' \"double\" $(touch x) "
	    "`id` ; | & > out\nsecond line ~/home $HOME %u",
	.author = "--help",
	.feed_url = "file:///tmp/-feed.xml",
	.feed_title = "",
};

#define MAXW	8

/* Each template word becomes exactly the argument given, or the
 * template fails with the error given. */
static const struct {
	const char	*tmpl[MAXW];
	const char	*want[MAXW];
	const char	*error;
} expands[] = {
	{ { "mpv", "%e" }, { "mpv", "https://m.example/ep 1.mp3?a=$(id)\n-rf" },
	  NULL },
	{ { "cmd", "%u", "%t", "%a", "%f", "%F" },
	  { "cmd", "http://example.org/a?q='x'&y=\"$(touch pwned)\"`id`;ls",
	    "-rf --no-preserve-root 'quoted' \"double\" $(touch x) `id` ; | "
	    "& > out\nsecond line ~/home $HOME %u", "--help",
	    "file:///tmp/-feed.xml", "" }, NULL },
	/* Placeholders inside a word stay one word; %% is one %. */
	{ { "echo", "--title=%t!", "100%%", "%%u", "a%%%a" },
	  { "echo", "--title=-rf --no-preserve-root 'quoted' \"double\" "
	    "$(touch x) `id` ; | & > out\nsecond line ~/home $HOME %u!",
	    "100%", "%u", "a%--help" }, NULL },
	/* ~/ of the template is the home; a value's ~ is left alone. */
	{ { "~/bin/play", "~", "x~/y", "~user" },
	  { "/home/test/bin/play", "/home/test", "x~/y", "~user" }, NULL },
	{ { "%t" }, { "-rf --no-preserve-root 'quoted' \"double\" $(touch x) "
	    "`id` ; | & > out\nsecond line ~/home $HOME %u" }, NULL },
	{ { "cmd", "%x" }, { NULL }, "%x in \"%x\" is not a placeholder" },
	{ { "cmd", "50%" }, { NULL }, "\"50%\" ends in %" },
	{ { "" }, { "" }, NULL },
};

/* Each row of expands[], with HOME set to /home/test. */
static void
test_hook_expand(void **state)
{
	char	**argv, *cause;
	size_t	 i, j, n;

	(void)state;
	setenv("HOME", "/home/test", 1);
	for (i = 0; i < nitems(expands); i++) {
		for (n = 0; n < MAXW && expands[i].tmpl[n] != NULL; n++)
			;
		cause = NULL;
		if (expands[i].error != NULL) {
			if (hook_expand((char *const *)expands[i].tmpl, n,
			    &hostile, &argv, &cause) != -1)
				failf("expands[%zu]: no error", i);
			if (strstr(cause, expands[i].error) == NULL)
				failf("expands[%zu]: %s", i, cause);
			free(cause);
			continue;
		}
		if (hook_expand((char *const *)expands[i].tmpl, n, &hostile,
		    &argv, &cause) != 0)
			failf("expands[%zu]: %s", i, cause);
		for (j = 0; j < n; j++)
			if (argv[j] == NULL ||
			    strcmp(argv[j], expands[i].want[j]) != 0)
				failf("expands[%zu] word %zu: \"%s\"", i, j,
				    argv[j] != NULL ? argv[j] : "(null)");
		if (argv[n] != NULL)
			failf("expands[%zu]: more words", i);
		util_argv_free(argv);
	}
}

/* A URL placeholder with no value, or one that is no absolute URL (a
 * leading "-" would read as an option), is an error, not an empty or
 * dangerous argument; empty text fields are empty arguments. */
static void
test_hook_expand_missing(void **state)
{
	static const struct {
		struct hook_vars v;
		const char	*word;
		const char	*error;		/* NULL: "" */
	} rows[] = {
		{ { .link = NULL }, "%u", "the item has no link (%u)" },
		{ { .link = "" }, "%u", "the item has no link (%u)" },
		{ { .enclosure = NULL }, "%e", "the item has no enclosure" },
		{ { .link = "-oProxyCommand=x" }, "%u",
		  "%u is not an absolute URL: \"-oProxyCommand=x\"" },
		{ { .enclosure = "/etc/passwd" }, "x%e",
		  "%e is not an absolute URL" },
		{ { .feed_url = "--x" }, "%f", "%f is not an absolute URL" },
		{ { .title = NULL }, "%t", NULL },
		{ { .author = NULL }, "%a", NULL },
		{ { .feed_title = NULL }, "%F", NULL },
	};
	char	**argv, *cause;
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		char	*w[] = { (char *)"cmd", (char *)rows[i].word };

		cause = NULL;
		if (rows[i].error == NULL) {
			if (hook_expand(w, 2, &rows[i].v, &argv, &cause) != 0)
				failf("rows[%zu]: %s", i, cause);
			if (strcmp(argv[1], "") != 0)
				failf("rows[%zu]: \"%s\"", i, argv[1]);
			util_argv_free(argv);
			continue;
		}
		if (hook_expand(w, 2, &rows[i].v, &argv, &cause) != -1)
			failf("rows[%zu]: no error", i);
		if (strstr(cause, rows[i].error) == NULL)
			failf("rows[%zu]: %s", i, cause);
		free(cause);
	}
}

/* exec's -w and --, pipe-to's --, and what is not an option. */
static void
test_hook_command(void **state)
{
	static const struct {
		const char	*w[4];
		int		 allow_wait;
		int		 wait;
		size_t		 start;
		const char	*error;
	} rows[] = {
		{ { "mpv", "%e" }, 1, 0, 0, NULL },
		{ { "-w", "less", "%u" }, 1, 1, 1, NULL },
		{ { "-w", "--", "-cmd" }, 1, 1, 2, NULL },
		{ { "--", "-cmd" }, 0, 0, 1, NULL },
		{ { "-w", "less" }, 0, 0, 0, "unknown option \"-w\"" },
		{ { "-x", "less" }, 1, 0, 0, "unknown option \"-x\"; -w runs" },
		{ { "-w" }, 1, 0, 0, "which command?" },
		{ { "-w", "--" }, 1, 0, 0, "which command?" },
		{ { "less", "%q" }, 1, 0, 0, "%q in \"%q\" is not" },
	};
	char	*cause;
	size_t	 i, n, start;
	int	 wait;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		for (n = 0; n < 4 && rows[i].w[n] != NULL; n++)
			;
		cause = NULL;
		if (rows[i].error != NULL) {
			if (hook_command((char *const *)rows[i].w, n,
			    rows[i].allow_wait, &wait, &start, &cause) != -1)
				failf("rows[%zu]: no error", i);
			if (strstr(cause, rows[i].error) == NULL)
				failf("rows[%zu]: %s", i, cause);
			free(cause);
			continue;
		}
		if (hook_command((char *const *)rows[i].w, n,
		    rows[i].allow_wait, &wait, &start, &cause) != 0)
			failf("rows[%zu]: %s", i, cause);
		if (wait != rows[i].wait || start != rows[i].start)
			failf("rows[%zu]: wait %d start %zu", i, wait, start);
	}
}

/* A temporary directory for one test; rm_tree() it after. */
static char *
test_hook_dir(void)
{
	char	*dir;

	dir = xstrdup("/tmp/tidings-test-hook.XXXXXX");
	if (mkdtemp(dir) == NULL)
		failf("mkdtemp");
	return (dir);
}

/* Wait until path exists (a detached command writes it), up to 5 s. */
static void
test_hook_wait_file(const char *path)
{
	struct stat	 sb;
	int		 i;

	for (i = 0; i < 500; i++) {
		if (stat(path, &sb) == 0 && sb.st_size > 0)
			return;
		usleep(10000);
	}
	failf("%s did not appear", path);
}

/* A detached command gets its arguments as they are and /dev/null for
 * its standard files, and is not our child; one that is not there is
 * said. */
static void
test_hook_detach(void **state)
{
	struct buf	 got = BUF_INIT, path = BUF_INIT, script = BUF_INIT;
	char		*dir, *cause = NULL;
	char		*argv[6];
	const char	 want[] = "a b\0$(id)\0\n-x\0\0";

	(void)state;
	dir = test_hook_dir();
	buf_addf(&path, "%s/out", dir);
	buf_addf(&script, "printf '%%s\\0' \"$@\" >%s.tmp; "
	    "ls -l /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2 | "
	    "grep -c /dev/null >%s.fds; mv %s.tmp %s", path.data, path.data,
	    path.data, path.data);
	argv[0] = (char *)"sh";
	argv[1] = (char *)"-c";
	argv[2] = script.data;
	argv[3] = (char *)"sh";
	argv[4] = NULL;
	{
		char	*full[] = { argv[0], argv[1], argv[2], argv[3],
		    (char *)"a b", (char *)"$(id)", (char *)"\n-x",
		    (char *)"", NULL };

		if (hook_detach(full, NULL, &cause) != 0)
			failf("%s", cause);
	}
	test_hook_wait_file(path.data);
	slurp(path.data, &got);
	assert_int_equal(got.len, sizeof want - 1);
	assert_memory_equal(got.data, want, sizeof want - 1);
	buf_reset(&got);
	buf_addstr(&path, ".fds");
	slurp(path.data, &got);
	assert_string_equal(got.data, "3\n");
	/* Not our child: nothing to reap. */
	assert_int_equal(waitpid(-1, NULL, WNOHANG), -1);

	argv[0] = (char *)"no-such-command-anywhere";
	argv[1] = NULL;
	assert_int_equal(hook_detach(argv, NULL, &cause), -1);
	assert_string_equal(cause, "cannot run no-such-command-anywhere: "
	    "No such file or directory");
	free(cause);
	rm_tree(dir);
	free(dir);
	buf_release(&got);
	buf_release(&path);
	buf_release(&script);
}

/* A command in the foreground: its status, a signal that killed it, its
 * standard input from a file, and a command that cannot run. */
static void
test_hook_wait(void **state)
{
	struct buf	 s = BUF_INIT, out = BUF_INIT, script = BUF_INIT;
	char		*cause = NULL, *dir;
	int		 fd;

	(void)state;
	{
		char	*argv[] = { (char *)"sh", (char *)"-c",
		    (char *)"exit 3", NULL };

		assert_int_equal(hook_wait(argv, -1, &cause), 3);
		hook_status(&s, 3);
		assert_string_equal(s.data, "exited with status 3");
	}
	{
		char	*argv[] = { (char *)"sh", (char *)"-c",
		    (char *)"kill -9 $$", NULL };

		assert_int_equal(hook_wait(argv, -1, &cause), 256 + 9);
		buf_reset(&s);
		hook_status(&s, 256 + 9);
		assert_string_equal(s.data, "was killed by signal 9 (Killed)");
	}
	dir = test_hook_dir();
	buf_addf(&script, "cat >%s/in", dir);
	{
		char	*argv[] = { (char *)"sh", (char *)"-c", script.data,
		    NULL };

		if ((fd = hook_tmpfile("line one\nline two\n", 18, &cause)) ==
		    -1)
			failf("%s", cause);
		assert_int_equal(hook_wait(argv, fd, &cause), 0);
		close(fd);
	}
	buf_reset(&script);
	buf_addf(&script, "%s/in", dir);
	slurp(script.data, &out);
	assert_string_equal(out.data, "line one\nline two\n");
	{
		char	*argv[] = { (char *)"./no/such/command", NULL };

		assert_int_equal(hook_wait(argv, -1, &cause), -1);
		assert_string_equal(cause, "cannot run ./no/such/command: No "
		    "such file or directory");
		free(cause);
	}
	rm_tree(dir);
	free(dir);
	buf_release(&s);
	buf_release(&out);
	buf_release(&script);
}

/* A command gets standard input, output and error and nothing more: a
 * descriptor of ours that is not close-on-exec (libcurl's sockets, for
 * one) stays ours, whether the command waits or is detached. */
static void
test_hook_no_fds(void **state)
{
	struct buf	 script = BUF_INIT, path = BUF_INIT, got = BUF_INIT;
	char		*dir, *cause = NULL;
	int		 fds[2];

	(void)state;
	if (pipe(fds) == -1)
		failf("pipe: %s", strerror(errno));
	buf_addf(&script, "test -e /proc/self/fd/%d || test -e "
	    "/proc/self/fd/%d", fds[0], fds[1]);
	{
		char	*argv[] = { (char *)"sh", (char *)"-c", script.data,
		    NULL };

		assert_int_equal(hook_wait(argv, -1, &cause), 1);
	}
	dir = test_hook_dir();
	buf_addf(&path, "%s/fds", dir);
	buf_addf(&script, "; echo $? >%s.tmp; mv %s.tmp %s", path.data,
	    path.data, path.data);
	{
		char	*argv[] = { (char *)"sh", (char *)"-c", script.data,
		    NULL };

		if (hook_detach(argv, NULL, &cause) != 0)
			failf("%s", cause);
	}
	test_hook_wait_file(path.data);
	slurp(path.data, &got);
	assert_string_equal(got.data, "1\n");
	close(fds[0]);
	close(fds[1]);
	rm_tree(dir);
	free(dir);
	buf_release(&script);
	buf_release(&path);
	buf_release(&got);
}

/* File names made of titles. */
static void
test_hook_file_name(void **state)
{
	static const struct {
		const char	*title;
		const char	*want;
	} rows[] = {
		{ "A plain title", "A plain title" },
		{ "../../etc/passwd", "etc-passwd" },
		{ ".hidden", "hidden" },
		{ "-rf --all", "rf --all" },
		{ "..--. x", "x" },
		{ "tab\there\nnewline\x1b[31mred", "tab here newline [31mred" },
		{ "  spaced   out  ", "spaced out" },
		{ "", "untitled" },
		{ "./", "untitled" },
		{ "caf\xc3\xa9 \xff bad", "caf\xc3\xa9 \xef\xbf\xbd bad" },
	};
	struct buf	 b = BUF_INIT, long_title = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		buf_reset(&b);
		hook_file_name(&b, rows[i].title);
		if (strcmp(b.data, rows[i].want) != 0)
			failf("rows[%zu]: \"%s\"", i, b.data);
	}
	/* Cut at 100 bytes, never inside a character. */
	for (i = 0; i < 60; i++)
		buf_addstr(&long_title, "\xc3\xa9");
	buf_reset(&b);
	hook_file_name(&b, long_title.data);
	assert_int_equal(b.len, 100);
	buf_reset(&long_title);
	buf_addch(&long_title, 'x');
	for (i = 0; i < 60; i++)
		buf_addstr(&long_title, "\xc3\xa9");
	buf_reset(&b);
	hook_file_name(&b, long_title.data);
	assert_int_equal(b.len, 99);
	buf_release(&b);
	buf_release(&long_title);
}

/* hook_create() makes the directory and never replaces a file. */
static void
test_hook_create(void **state)
{
	struct buf	 sub = BUF_INIT;
	char		*dir, *path, *cause;
	int		 fd, i;
	const char	*want[] = { "/a/b/My note.md", "/a/b/My note-2.md",
	    "/a/b/My note-3.md" };

	(void)state;
	dir = test_hook_dir();
	buf_addf(&sub, "%s/a/b", dir);
	for (i = 0; i < 3; i++) {
		if ((fd = hook_create(sub.data, "My note", ".md", &path,
		    &cause)) == -1)
			failf("%s", cause);
		close(fd);
		if (strncmp(path, dir, strlen(dir)) != 0 ||
		    strcmp(path + strlen(dir), want[i]) != 0)
			failf("%d: %s", i, path);
		free(path);
	}
	rm_tree(dir);
	free(dir);
	buf_release(&sub);
}

/* The download directory: the variable, user-dirs.dirs, ~/Downloads. */
static void
test_hook_download_dir(void **state)
{
	struct buf	 p = BUF_INIT;
	char		*dir, *got;
	static const char dirs[] = "# written by xdg-user-dirs-update\n"
	    "XDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
	    "XDG_DOWNLOAD_DIR=\"$HOME/Telechargements\"\n";

	(void)state;
	dir = test_hook_dir();
	setenv("HOME", dir, 1);
	unsetenv("XDG_CONFIG_HOME");
	setenv("XDG_DOWNLOAD_DIR", "/srv/dl", 1);
	got = hook_download_dir();
	assert_string_equal(got, "/srv/dl");
	free(got);
	unsetenv("XDG_DOWNLOAD_DIR");
	got = hook_download_dir();
	buf_addf(&p, "%s/Downloads", dir);
	assert_string_equal(got, p.data);
	free(got);
	buf_reset(&p);
	buf_addf(&p, "%s/.config/x", dir);
	util_mkdirs_for(p.data, &got);
	buf_reset(&p);
	buf_addf(&p, "%s/.config/user-dirs.dirs", dir);
	spew(p.data, dirs, sizeof dirs - 1);
	got = hook_download_dir();
	buf_reset(&p);
	buf_addf(&p, "%s/Telechargements", dir);
	assert_string_equal(got, p.data);
	free(got);
	rm_tree(dir);
	free(dir);
	buf_release(&p);
}

/* OSC 52: base64 of the text between ESC ] 52 ; c ; and BEL. */
static void
test_hook_osc52(void **state)
{
	static const struct {
		const char	*in;
		const char	*b64;
	} rows[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "http://example.org/\x1b]0;x\a", "aHR0cDovL2V4YW1wbGUub3JnLxtdMDt4Bw==" },
	};
	struct buf	 b = BUF_INIT, want = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		buf_reset(&b);
		buf_reset(&want);
		hook_osc52(&b, rows[i].in, strlen(rows[i].in));
		buf_addf(&want, "\033]52;c;%s\a", rows[i].b64);
		if (strcmp(b.data, want.data) != 0)
			failf("rows[%zu]: %s", i, b.data + 7);
	}
	buf_release(&b);
	buf_release(&want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hook_expand),
		cmocka_unit_test(test_hook_expand_missing),
		cmocka_unit_test(test_hook_command),
		cmocka_unit_test(test_hook_detach),
		cmocka_unit_test(test_hook_wait),
		cmocka_unit_test(test_hook_no_fds),
		cmocka_unit_test(test_hook_file_name),
		cmocka_unit_test(test_hook_create),
		cmocka_unit_test(test_hook_download_dir),
		cmocka_unit_test(test_hook_osc52),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
