/* test_download.c: the names enclosures are saved under, made of titles
 * from the network, which enclosure a feed downloads, and the queue that
 * gives each enclosure one file, with cancel, retry and remove, on a real
 * store in a temporary directory. Downloading itself, with
 * ranges and kill -9, is tests/e2e/download-resumes-after-kill.sh. */
#include "testlib.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "download.h"
#include "feed.h"
#include "store.h"
#include "util.h"

static const struct {
	const char	*feed, *title, *url, *type;
	const char	*want;
} names[] = {
	{ "Pod", "Episode 1", "http://e/ep1.mp3", "audio/mpeg",
	  "Pod - Episode 1.mp3" },
	/* No way out of the directory, no option, no hidden file. */
	{ "../..", "../../etc/passwd", "http://e/x.mp3", NULL,
	  "_.. - .._.._etc_passwd.mp3" },
	{ NULL, "-rf /", "http://e/a.ogg", NULL, "rf _.ogg" },
	{ "", ".bashrc", "http://e/a", "audio/mpeg", "bashrc.mp3" },
	{ " -- .x", NULL, "http://e/a", NULL, "x" },
	/* Controls, escapes and characters shells and file systems take
	 * specially. */
	{ "A\x1b[31mred", "t\tab\nnew\x7f", "http://e/a.M4A?x=1#y", NULL,
	  "A_[31mred - t ab new_.m4a" },
	{ "Q", "what? \"yes\" <a|b> *:\\", "http://e/a.mp3", NULL,
	  "Q - what_ _yes_ _a_b_ ___.mp3" },
	{ "Q", "$(touch x) `y` ;z", "http://e/a.mp3", NULL,
	  "Q - $(touch x) `y` ;z.mp3" },
	/* Nor what reorders a name out of sight: "evil<RLO>3pm.exe" shows
	 * as "evilexe.mp3" in a file manager. Line separators are blanks. */
	{ "P", "evil\xe2\x80\xae" "3pm.exe", "http://e/a", NULL,
	  "P - evil_3pm.exe" },
	{ "P", "a\xe2\x80\xa8" "b\xe2\x81\xa6" "c", "http://e/a", NULL,
	  "P - a b_c" },
	/* Invalid UTF-8 becomes _, valid stays. */
	{ "Caf\xc3\xa9", "bad \xff\xfe byte", "http://e/a.mp3", NULL,
	  "Caf\xc3\xa9 - bad __ byte.mp3" },
	/* Nothing left: a name all the same. */
	{ "...", "- -", "http://e/", NULL, "enclosure" },
	{ NULL, NULL, "http://e/a.weird-extension", "video/mp4",
	  "enclosure.mp4" },
	{ "P", "T", "http://e/path.d/file", "application/x-unknown", "P - T" },
	{ "P", "T", "http://e/a.mp3", "audio/ogg; codecs=opus", "P - T.mp3" },
	{ "P", "T", "http://e/a", "Audio/Ogg; codecs=vorbis", "P - T.ogg" },
	{ "P", "ends in dots and blanks . . ", "http://e/a.mp3", NULL,
	  "P - ends in dots and blanks.mp3" },
};

/* Names are one safe path component, whatever the titles hold. */
static void
test_download_names(void **state)
{
	size_t	 i;
	char	*got;

	(void)state;
	for (i = 0; i < nitems(names); i++) {
		got = download_name(names[i].feed, names[i].title,
		    names[i].url, names[i].type);
		if (strcmp(got, names[i].want) != 0)
			failf("row %zu: got \"%s\", want \"%s\"", i, got,
			    names[i].want);
		free(got);
	}
}

/* A long title is cut at DOWNLOAD_NAME_MAX bytes between characters,
 * so that with its extension, " (N)" and ".part" it fits NAME_MAX. */
static void
test_download_name_length(void **state)
{
	struct buf	 t = BUF_INIT;
	const char	*dot;
	char		*got;
	size_t		 i;
	uint32_t	 cp;

	(void)state;
	for (i = 0; i < 300; i++)
		buf_addstr(&t, "\xc3\xa9");	/* two bytes each */
	got = download_name("F", t.data, "http://e/a.mp3", NULL);
	dot = strrchr(got, '.');
	assert_non_null(dot);
	assert_string_equal(dot, ".mp3");
	assert_true((size_t)(dot - got) <= DOWNLOAD_NAME_MAX);
	assert_true((size_t)(dot - got) >= DOWNLOAD_NAME_MAX - 1);
	assert_true(strlen(got) + strlen(" (100).part") <= 255);
	/* Every character whole. */
	for (i = 0; got[i] != '\0'; i += utf8_decode(
	    (const unsigned char *)got + i, strlen(got + i), &cp))
		assert_int_not_equal(cp, 0xfffd);
	free(got);
	buf_release(&t);
}

/* Which enclosure a feed downloads: the first audio or video one, by
 * type, or by extension without a type; else the first. */
static void
test_download_pick(void **state)
{
	static const struct {
		const char	*encl[3][2];	/* url, type (NULL: none) */
		size_t		 want;
	} cases[] = {
		/* A transcript first, the episode after. */
		{ { { "http://e/t.vtt", "text/vtt" },
		    { "http://e/e.mp3", "audio/mpeg" } }, 1 },
		{ { { "http://e/e.mp3", "audio/mpeg" },
		    { "http://e/e.mp4", "video/mp4" } }, 0 },
		{ { { "http://e/cover.jpg", "image/jpeg" },
		    { "http://e/show.pdf", "application/pdf" },
		    { "http://e/e.MP4", "Video/MP4" } }, 2 },
		/* No type, or a vague one: the extension tells. */
		{ { { "http://e/notes.pdf", NULL },
		    { "http://e/e.m4a?token=1", NULL } }, 1 },
		{ { { "http://e/a.txt", "application/octet-stream" },
		    { "http://e/e.ogg", "application/octet-stream" } }, 1 },
		{ { { "http://e/t.srt", "" },
		    { "http://e/e.webm#t=1", "" } }, 1 },
		/* A type that says otherwise wins over the extension. */
		{ { { "http://e/notes.pdf", "application/pdf" },
		    { "http://e/lie.mp3", "text/plain" },
		    { "http://e/e.opus", "audio/opus" } }, 2 },
		/* Nothing audio or video: the first. */
		{ { { "http://e/a.pdf", "application/pdf" },
		    { "http://e/b.png", "image/png" } }, 0 },
		{ { { "http://e/a", NULL } }, 0 },
	};
	struct store_enclosure	 v[3];
	size_t			 i, n, got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		memset(v, 0, sizeof v);
		for (n = 0; n < 3 && cases[i].encl[n][0] != NULL; n++) {
			v[n].url = (char *)cases[i].encl[n][0];
			v[n].type = (char *)cases[i].encl[n][1];
			v[n].length = v[n].duration = -1;
		}
		if ((got = download_pick(v, n)) != cases[i].want)
			failf("case %zu: picked %zu, want %zu", i, got,
			    cases[i].want);
	}
}

/* The feed of the queue test: titles that clean up to one name, an
 * enclosure twice, an item without one. */
static const char queue_feed[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>"
    "<item><guid>1</guid><title>A/B</title>"
    "<enclosure url=\"http://e/1.mp3\" type=\"audio/mpeg\" length=\"10\"/>"
    "</item>"
    "<item><guid>2</guid><title>A:B</title>"
    "<enclosure url=\"http://e/2.mp3\" type=\"audio/mpeg\"/></item>"
    "<item><guid>3</guid><title>C</title>"
    "<enclosure url=\"http://e/3.mp3\" type=\"audio/mpeg\"/></item>"
    "<item><guid>4</guid><title>No enclosure</title></item>"
    "<item><guid>5</guid><title>Two</title>"
    "<enclosure url=\"http://e/5.vtt\" type=\"text/vtt\"/>"
    "<enclosure url=\"http://e/5.mp3\" type=\"audio/mpeg\"/></item>"
    "</channel></rss>";

/* The item titled title. */
static int64_t
item_of(struct store *st, int64_t feed, const char *title)
{
	struct store_item	*v;
	size_t			 n, i;
	char			*cause = NULL;
	int64_t			 id = 0;

	if (store_items(st, feed, 0, 100, &v, &n, &cause) != 0)
		fail_msg("store_items: %s", cause);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].title, title) == 0)
			id = v[i].id;
	store_items_free(v, n);
	assert_true(id > 0);
	return (id);
}

/* Queue item's enclosure, expecting rc and the file dir/dl/name. */
static void
enqueue(const struct config *cfg, struct store *st, int64_t item, int rc,
    const char *dir, const char *name)
{
	char	*path, *want, *cause = NULL;
	int	 got;

	if ((got = download_enqueue(cfg, NULL, st, item, DOWNLOAD_PICK, "F",
	    &path, &cause)) != rc)
		fail_msg("download_enqueue: %d: %s", got,
		    cause != NULL ? cause : "");
	xasprintf(&want, "%s/dl/%s", dir, name);
	assert_string_equal(path, want);
	free(want);
	free(path);
}

/* A temporary directory dir (64 bytes), a config with download-dir
 * dir/dl, and a store there with queue_feed's items in feed *feed. */
static struct store *
queue_open(char *dir, struct config *cfg, int64_t *feed)
{
	struct store_fetch	 ok;
	struct causes		 causes = CAUSES_INIT;
	struct store		*st;
	struct feed		 f;
	char			*db, *text, *cause = NULL;
	int			 nnew;

	snprintf(dir, 64, "/tmp/test-download-XXXXXX");
	if (mkdtemp(dir) == NULL)
		fail_msg("mkdtemp failed");
	xasprintf(&db, "%s/tidings.db", dir);
	xasprintf(&text, "set download-dir %s/dl\n", dir);
	config_init(cfg);
	if (config_load_buffer(text, strlen(text), "t", cfg, &causes) != 0)
		fail_msg("config: %s", causes.v[0]);
	free(text);
	causes_release(&causes);
	if ((st = store_open(db, &cause)) == NULL)
		fail_msg("store_open: %s", cause);
	free(db);
	assert_int_equal(store_feed_id(st, "http://e/feed", feed, &cause), 0);
	if (feed_parse(queue_feed, strlen(queue_feed), "http://e/feed", NULL,
	    &f, &cause) != 0)
		fail_msg("feed_parse: %s", cause);
	memset(&ok, 0, sizeof ok);
	ok.time = 1700000000;
	ok.status = 200;
	ok.next = STORE_NOTIME;
	assert_int_equal(store_update(st, *feed, &ok, &f, 0, 0, &nnew, &cause),
	    0);
	feed_release(&f);
	return (st);
}

/* One enclosure, one file: a name another download or someone's file
 * has gets " (2)"; queueing again says where it is; a failed one is
 * queued again into its file; an item's deletion leaves its download. */
static void
test_download_queue(void **state)
{
	struct store_download	*v, d;
	struct config		 cfg;
	struct store		*st;
	char			 dir[64], *path, *cause = NULL;
	int64_t			 feed;
	size_t			 n;
	int			 fd;

	(void)state;
	st = queue_open(dir, &cfg, &feed);

	/* Someone's own file, which is not to be written over. */
	xasprintf(&path, "%s/dl/F - C.mp3", dir);
	assert_int_equal(util_mkdirs_for(path, &cause), 0);
	fd = open(path, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	close(fd);
	free(path);

	enqueue(&cfg, st, item_of(st, feed, "A/B"), 1, dir, "F - A_B.mp3");
	enqueue(&cfg, st, item_of(st, feed, "A:B"), 1, dir, "F - A_B (2).mp3");
	enqueue(&cfg, st, item_of(st, feed, "C"), 1, dir, "F - C (2).mp3");
	/* Again: where it is, nothing queued. */
	enqueue(&cfg, st, item_of(st, feed, "A/B"), 0, dir, "F - A_B.mp3");
	/* No enclosure, or no item: nothing, and no file. */
	assert_int_equal(download_enqueue(&cfg, NULL, st, item_of(st, feed,
	    "No enclosure"), DOWNLOAD_PICK, "F", &path, &cause), 0);
	assert_null(path);
	assert_int_equal(download_enqueue(&cfg, NULL, st, 999999,
	    DOWNLOAD_PICK, "F", &path, &cause), 0);
	assert_null(path);

	assert_int_equal(store_downloads(st, 0, 0, &v, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].url, "http://e/1.mp3");
	assert_string_equal(v[0].title, "F: A/B");
	assert_int_equal(v[0].state, STORE_DL_QUEUED);
	assert_int_equal(v[0].size, 10);
	assert_int_equal(v[1].size, -1);
	assert_int_equal(v[0].got, 0);
	assert_int_equal(v[0].finished, STORE_NOTIME);

	/* A failure, then queued again: the same file. */
	v[0].state = STORE_DL_FAILED;
	v[0].error = xstrdup("HTTP 404");
	v[0].got = 5;
	v[0].finished = 1700000100;
	assert_int_equal(store_download_set(st, &v[0], &cause), 0);
	memset(&d, 0, sizeof d);
	assert_int_equal(store_download_find(st, "http://e/1.mp3", &d, &cause),
	    1);
	assert_int_equal(d.state, STORE_DL_FAILED);
	assert_string_equal(d.error, "HTTP 404");
	assert_int_equal(d.got, 5);
	assert_int_equal(d.finished, 1700000100);
	store_download_release(&d);
	assert_int_equal(download_enqueue(&cfg, NULL, st, item_of(st, feed,
	    "A/B"), DOWNLOAD_PICK, "F", &path, &cause), 1);
	assert_string_equal(path, v[0].path);
	free(path);
	assert_int_equal(store_download_find(st, "http://e/1.mp3", &d, &cause),
	    1);
	assert_int_equal(d.state, STORE_DL_QUEUED);
	assert_null(d.error);
	store_download_release(&d);
	store_downloads_free(v, n);

	/* The first queued after an id; none after the last. */
	assert_int_equal(store_downloads(st, 1, 1, &v, &n, &cause), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].url, "http://e/2.mp3");
	store_downloads_free(v, n);
	assert_int_equal(store_downloads(st, 3, 1, &v, &n, &cause), 0);
	assert_int_equal(n, 0);

	/* The feed goes, its items with it; the downloads stay, without
	 * an item. */
	assert_int_equal(store_gc(st, NULL, 0, &cause), 1);
	assert_int_equal(store_downloads(st, 0, 0, &v, &n, &cause), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].item_id, 0);
	/* A queued one is not forgotten; a cancelled one is. */
	assert_int_equal(store_download_forget(st, v[0].id, NULL, &cause), 0);
	assert_int_equal(download_cancel(st, v[0].id, &cause), 1);
	assert_int_equal(store_download_forget(st, v[0].id, NULL, &cause), 1);
	store_downloads_free(v, n);
	assert_int_equal(store_downloads(st, 0, 0, &v, &n, &cause), 0);
	assert_int_equal(n, 2);
	store_downloads_free(v, n);

	store_close(st);
	config_release(&cfg);
	rm_tree(dir);
}

/* Whether path exists. */
static int
exists(const char *path)
{
	struct stat	 sb;

	return (lstat(path, &sb) == 0);
}

/* Write a .part of n bytes beside path. */
static void
make_part(const char *path, size_t n)
{
	char	*part;
	int	 fd;

	xasprintf(&part, "%s.part", path);
	assert_int_equal(util_mkdirs_for(part, NULL), 0);
	fd = open(part, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	while (n-- > 0)
		assert_int_equal(write(fd, "x", 1), 1);
	close(fd);
	free(part);
}

/* The state of the download of url. */
static int
state_of(struct store *st, const char *url)
{
	struct store_download	 d;
	char			*cause = NULL;
	int			 state;

	memset(&d, 0, sizeof d);
	assert_int_equal(store_download_find(st, url, &d, &cause), 1);
	state = d.state;
	store_download_release(&d);
	return (state);
}

/*
 * An item's enclosures one by one: by number, or the one a feed picks.
 * Cancel: a queued download leaves the queue, its .part goes, unless a
 * process holds it (which removes it as it stops: its next progress is
 * not written, store_download_update() says 0); retried, it is queued
 * again. Remove: never a queued one; a done one's file stays, a failed
 * one's .part goes.
 */
static void
test_download_cancel_remove(void **state)
{
	struct store_download	 d;
	struct config		 cfg;
	struct store		*st;
	char			 dir[64], *text, *path, *part;
	char			*cause = NULL;
	int64_t			 feed, two;
	int			 fd;

	(void)state;
	st = queue_open(dir, &cfg, &feed);
	two = item_of(st, feed, "Two");

	/* The episode, not the transcript listed first; then the
	 * transcript by its number; no third one. */
	enqueue(&cfg, st, two, 1, dir, "F - Two.mp3");
	assert_int_equal(download_enqueue(&cfg, NULL, st, two, 0, "F", &path,
	    &cause), 1);
	xasprintf(&text, "%s/dl/F - Two.vtt", dir);
	assert_string_equal(path, text);
	free(text);
	free(path);
	assert_int_equal(download_enqueue(&cfg, NULL, st, two, 2, "F", &path,
	    &cause), 0);
	assert_null(path);

	/* Cancelled while queued, with a .part from before: it goes. */
	memset(&d, 0, sizeof d);
	assert_int_equal(store_download_find(st, "http://e/5.mp3", &d, &cause),
	    1);
	make_part(d.path, 5);
	assert_int_equal(download_cancel(st, d.id, &cause), 1);
	assert_int_equal(state_of(st, "http://e/5.mp3"), STORE_DL_CANCELLED);
	xasprintf(&part, "%s.part", d.path);
	assert_false(exists(part));
	/* Once is enough; a downloader's progress is no longer written. */
	assert_int_equal(download_cancel(st, d.id, &cause), 0);
	d.got = 3;
	assert_int_equal(store_download_update(st, &d, &cause), 0);
	/* Retried, queued again (and its progress written again); or
	 * queued again from the item. */
	assert_int_equal(store_download_retry(st, d.id, &cause), 1);
	assert_int_equal(store_download_retry(st, d.id, &cause), 0);
	assert_int_equal(state_of(st, "http://e/5.mp3"), STORE_DL_QUEUED);
	assert_int_equal(store_download_update(st, &d, &cause), 1);
	assert_int_equal(download_cancel(st, d.id, &cause), 1);
	enqueue(&cfg, st, two, 1, dir, "F - Two.mp3");
	assert_int_equal(state_of(st, "http://e/5.mp3"), STORE_DL_QUEUED);

	/* A .part that a process holds stays, for it to remove. */
	make_part(d.path, 5);
	fd = open(part, O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX | LOCK_NB), 0);
	assert_int_equal(download_cancel(st, d.id, &cause), 1);
	assert_true(exists(part));
	close(fd);

	/* Not removed while queued. */
	assert_int_equal(store_download_retry(st, d.id, &cause), 1);
	assert_int_equal(download_remove(st, d.id, &cause), 0);
	/* Failed: removed with its .part. */
	d.state = STORE_DL_FAILED;
	assert_int_equal(store_download_set(st, &d, &cause), 0);
	assert_int_equal(download_remove(st, d.id, &cause), 1);
	assert_false(exists(part));
	assert_int_equal(store_download_find(st, "http://e/5.mp3", &d, &cause),
	    0);
	free(part);
	store_download_release(&d);

	/* Done: removed from the list, the file stays. */
	memset(&d, 0, sizeof d);
	assert_int_equal(store_download_find(st, "http://e/5.vtt", &d, &cause),
	    1);
	fd = open(d.path, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	close(fd);
	d.state = STORE_DL_DONE;
	assert_int_equal(download_cancel(st, d.id, &cause), 1);
	assert_int_equal(store_download_set(st, &d, &cause), 0);
	assert_int_equal(download_cancel(st, d.id, &cause), 0);
	assert_int_equal(download_remove(st, d.id, &cause), 1);
	assert_true(exists(d.path));
	store_download_release(&d);
	assert_int_equal(store_download_find(st, "http://e/5.vtt", &d, &cause),
	    0);

	store_close(st);
	config_release(&cfg);
	rm_tree(dir);
}

/* A relative download-dir is the working directory's, and the file's
 * path is kept absolute: another process, elsewhere, finds it, and the
 * player takes it (play-download plays absolute paths alone). */
static void
test_download_relative_dir(void **state)
{
	static const char	 text[] = "set download-dir rel/dl\n";
	struct causes		 causes = CAUSES_INIT;
	struct config		 cfg, rel;
	struct store		*st;
	char			 dir[64], cwd[4096], *sub;
	int64_t			 feed;

	(void)state;
	st = queue_open(dir, &cfg, &feed);
	config_init(&rel);
	if (config_load_buffer(text, strlen(text), "t", &rel, &causes) != 0)
		fail_msg("config: %s", causes.v[0]);
	causes_release(&causes);
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(dir), 0);
	xasprintf(&sub, "%s/rel", dir);
	enqueue(&rel, st, item_of(st, feed, "C"), 1, sub, "F - C.mp3");
	free(sub);
	assert_int_equal(chdir(cwd), 0);
	store_close(st);
	config_release(&rel);
	config_release(&cfg);
	rm_tree(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_download_names),
		cmocka_unit_test(test_download_name_length),
		cmocka_unit_test(test_download_queue),
		cmocka_unit_test(test_download_pick),
		cmocka_unit_test(test_download_cancel_remove),
		cmocka_unit_test(test_download_relative_dir),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
