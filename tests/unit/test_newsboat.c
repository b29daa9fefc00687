/* test_newsboat.c: newsboat's urls and config lines as dotfile lines, and
 * the lines that do not map. */
#include "testlib.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "newsboat.h"
#include "util.h"

/* One config line of newsboat's: the dotfile line it becomes, or the
 * reason it did not map. */
static const struct {
	const char	*line;
	const char	*mapped;	/* NULL: not mapped */
	const char	*why;
} config_rows[] = {
	{ "reload-time 30",		"set refresh-interval 30m", NULL },
	{ "max-items 100",		"set max-items 100", NULL },
	{ "download-timeout 45",	"set download-timeout 45s", NULL },
	{ "reload-threads 4",		"set max-connections 4", NULL },
	{ "keep-articles-days 30",	"set item-retention 30d", NULL },
	{ "user-agent \"my agent\"",	"set user-agent \"my agent\"", NULL },
	{ "datetime-format \"%b %d\"",	"set date-format \"%b %d\"", NULL },
	{ "browser \"lynx %u\"",	"set browser \"lynx %s\"", NULL },
	{ "browser firefox",		"set browser firefox", NULL },
	{ "player \"mpv --no-video\"",	"set player \"mpv --no-video\"", NULL },
	{ "download-path ~/Podcasts/",	"set download-dir ~/Podcasts/", NULL },
	{ "download-path \"~/My Podcasts/%n\"", NULL, "its %n and %h" },
	{ "podcast-auto-enqueue yes",	"set download-enclosures yes", NULL },
	{ "podcast-auto-enqueue no",	NULL, "the default here too" },
	{ "max-downloads 4",		NULL, "one at a time here" },
	{ "show-read-feeds no",		"set unread-only yes", NULL },
	{ "show-read-articles yes",	NULL, "the default here too" },
	{ "notify-program notify-send",	"set notify-command \"notify-send "
	    "\\\"tidings: %n new items, %u unread\\\"\"", NULL },
	{ "bind-key ^R reload-all",	"bind global C-r refresh-all", NULL },
	{ "bind-key SPACE pagedown feedlist",
	    "bind feeds SPACE page-down", NULL },
	{ "bind-key ENTER open articlelist", "bind items ENTER open", NULL },
	{ "bind-key j down article",	"bind article j next", NULL },
	{ "bind-key x toggle-article-read tagselection", NULL,
	    "no such pane in tidings" },
	{ "bind-key X edit-flags",	NULL, "no such action in tidings" },
	{ "bind-key o open article", NULL, "does nothing in" },
	{ "unbind-key A",		"unbind global A", NULL },
	/* podboat's keys: the downloads view's. */
	{ "bind-key c pb-cancel podboat", "bind downloads c cancel-download",
	    NULL },
	{ "bind-key ENTER pb-play podboat",
	    "bind downloads ENTER play-download", NULL },
	{ "bind-key R pb-download podboat",
	    "bind downloads R retry-download", NULL },
	{ "bind-key c pb-cancel articlelist", NULL, "does nothing in" },
	{ "bind-key P pb-purge podboat", NULL, "no such action in tidings" },
	/* Macros: run after macro-prefix, as in newsboat. */
	{ "macro p set browser \"mpv %u\" ; open-in-browser ; set browser "
	  "\"lynx %u\" -- \"Play it\"",
	  "bind macro p macro \"set browser \\\"mpv %s\\\"\" open-browser "
	  "\"set browser \\\"lynx %s\\\"\"", NULL },
	{ "macro ^R reload-all; toggle-article-read",
	  "bind macro C-r macro refresh-all toggle-read", NULL },
	{ "macro u pipe-to urlview",
	  "bind macro u macro \"pipe-to urlview\"", NULL },
	{ "macro u pipe-to \"urlview | less\"", NULL,
	  "pipe-to's command needs a shell" },
	{ "macro e edit-flags ; open", NULL,
	  "an operation of the macro has no equivalent" },
	{ "macro s set no-such-option 3", NULL, "no equivalent in tidings" },
	{ "unbind-key -a",		NULL, "no equivalent in tidings" },
	{ "color listfocus black yellow bold",
	    "color selected black yellow bold", NULL },
	{ "color listnormal_unread color208 default",
	    "color unread color208 default", NULL },
	{ "color end-of-text-marker blue default", NULL,
	    "no such element in tidings" },
	{ "reload-time soon",		NULL, "not a number" },
	{ "reload-time 20000",		NULL,
	    "refresh-interval: \"20000m\" is out of range (0 to 1w)" },
	{ "auto-reload yes",		"set refresh-interval 60m", NULL },
	{ "auto-reload no",		"set refresh-interval 0", NULL },
	{ "text-width 72",		"set text-width 72", NULL },
	{ "text-width wide",		NULL, "not a number" },
	{ "download-full-page yes",	"set full-article yes", NULL },
	{ "download-full-page no",	NULL, "the default here too" },
	{ "bind-key TAB switch-focus",	"bind global TAB focus-next", NULL },
	{ "article-sort-order date-asc", NULL, "the default here too" },
	{ "article-sort-order date",	NULL, "the default here too" },
	{ "article-sort-order date-desc", "set sort date-asc", NULL },
	{ "article-sort-order title",	"set sort title-asc", NULL },
	{ "article-sort-order author-desc", "set sort author-desc", NULL },
	{ "article-sort-order flags-desc", "set sort starred-desc", NULL },
	{ "article-sort-order guid",	"set sort guid-asc", NULL },
	{ "article-sort-order random-desc", "set sort random", NULL },
	{ "article-sort-order feed-asc", NULL, "no such order here" },
	{ "article-sort-order title-up", NULL, "not a direction" },
	{ "feed-sort-order title-asc",	NULL, "set feed-sort-order" },
	{ "proxy localhost:3128",	NULL, "http_proxy" },
	{ "confirm-exit yes",		NULL, "no equivalent in tidings" },
	{ "include ~/.newsboat/more",	NULL, "no equivalent in tidings" },
	{ "browser \"unterminated",	NULL, "unterminated quote" },
	/* The killfile and presets: the expressions as they are. */
	{ "ignore-article \"*\" \"title =~ \\\"Gentoo\\\"\"",
	    "ignore title =~ \"Gentoo\"", NULL },
	{ "ignore-article https://a.org/rss \"author = \\\"X\\\"\"",
	    "ignore feedurl = \"https://a.org/rss\" and (author = \"X\")",
	    NULL },
	{ "ignore-article * \"title < 5\"", NULL,
	    "title takes =, !=, =~, !~, # or !#, not <" },
	{ "ignore-article *",		NULL, "expected a feed URL" },
	{ "define-filter \"Rust news\" \"title =~ \\\"rust\\\"\"",
	    "define-filter \"Rust news\" title =~ \"rust\"", NULL },
	{ "ignore-mode display",	NULL, "the way here" },
	{ "ignore-mode download",	NULL, "display mode" },
	{ "prepopulate-query-feeds yes", NULL, "always current" },
	{ "highlight-article \"unread = \\\"yes\\\"\" red default",
	    "highlight \"unread = \\\"yes\\\"\" red default", NULL },
	{ "highlight-article \"title =~ \\\"rust\\\"\" color208 black bold "
	    "underline", "highlight \"title =~ \\\"rust\\\"\" color208 black "
	    "bold underline", NULL },
	{ "highlight-article \"title =~ \\\"rust\\\"\" red default protect",
	    NULL, "\"protect\" is not an attribute" },
	{ "highlight-article \"titel = \\\"x\\\"\" red default", NULL,
	    "unknown attribute \"titel\"" },
	{ "highlight-article \"unread = \\\"yes\\\"\" red", NULL,
	    "expected an expression and two colours" },
};

static void
test_newsboat_config(void **state)
{
	struct newsboat	 nb;
	struct buf	 want = BUF_INIT;
	size_t		 i;
	const char	*msg;

	(void)state;
	for (i = 0; i < nitems(config_rows); i++) {
		newsboat_init(&nb);
		newsboat_config(&nb, config_rows[i].line,
		    strlen(config_rows[i].line), "config");
		buf_reset(&want);
		if (config_rows[i].mapped != NULL) {
			buf_addf(&want, "%s\n", config_rows[i].mapped);
			if (nb.unmapped.n != 0)
				fail_msg("%s: %s", config_rows[i].line,
				    nb.unmapped.v[0]);
			assert_string_equal(nb.settings.data, want.data);
			assert_int_equal(nb.nsettings, 1);
		} else {
			assert_int_equal(nb.settings.len, 0);
			assert_int_equal(nb.unmapped.n, 1);
			buf_addf(&want, "config:1: %s: ", config_rows[i].line);
			msg = nb.unmapped.v[0];
			if (strncmp(msg, want.data, want.len) != 0 ||
			    strstr(msg, config_rows[i].why) == NULL)
				fail_msg("%s: got \"%s\"", config_rows[i].line,
				    msg);
		}
		newsboat_release(&nb);
	}
	buf_release(&want);
}

/* Lines that map only together: auto-reload with reload-time (in either
 * order), and the two show-read options, which make one line. */
static void
test_newsboat_config_together(void **state)
{
	static const struct {
		const char	*text;
		const char	*settings;
		const char	*unmapped;	/* the first, or NULL */
	} rows[] = {
		{ "auto-reload yes\nreload-time 30\n",
		    "set refresh-interval 30m\n", NULL },
		{ "reload-time 15\nauto-reload yes\n",
		    "set refresh-interval 15m\n", NULL },
		{ "reload-time 15\nauto-reload no\n", "set refresh-interval 0\n",
		    "config:1: reload-time 15: unused: auto-reload is no" },
		{ "show-read-feeds no\nshow-read-articles no\n",
		    "set unread-only yes\n", NULL },
		{ "text-width 72\nshow-read-articles no\nauto-reload yes\n",
		    "set text-width 72\nset unread-only yes\n"
		    "set refresh-interval 60m\n", NULL },
	};
	struct newsboat	 nb;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		newsboat_init(&nb);
		newsboat_config(&nb, rows[i].text, strlen(rows[i].text),
		    "config");
		assert_string_equal(nb.settings.data, rows[i].settings);
		if (rows[i].unmapped == NULL) {
			if (nb.unmapped.n != 0)
				fail_msg("row %zu: %s", i, nb.unmapped.v[0]);
		} else {
			assert_int_equal(nb.unmapped.n, 1);
			assert_string_equal(nb.unmapped.v[0], rows[i].unmapped);
		}
		newsboat_release(&nb);
	}
}

/* newsboat's sync (urls-source and the server's options) as one sync
 * line, the options it does not use said, and a password in the file
 * never copied nor shown. */
static void
test_newsboat_sync(void **state)
{
	static const struct {
		const char	*text;
		const char	*settings;
		const char	*unmapped[3];
	} rows[] = {
		{ "urls-source \"ttrss\"\nttrss-url \"https://rss.example/tt/\"\n"
		  "ttrss-login \"al ice\"\nttrss-passwordeval \"pass show tt\"\n"
		  "ttrss-mode multi\n",
		  "sync ttrss https://rss.example/tt/ < user \"al ice\"; "
		  "password-command \"pass show tt\"\n",
		  { "config:5: ttrss-mode multi: no equivalent" } },
		{ "ttrss-passwordeval \"gpg -d ~/p.gpg | head -1\"\n"
		  "urls-source ttrss\nttrss-url https://rss.example/tt/\n"
		  "ttrss-login al\n",
		  "sync ttrss https://rss.example/tt/ < user al; "
		  "password-command \"sh -c \\\"gpg -d ~/p.gpg | head -1\\\"\"\n",
		  { NULL } },
		{ "urls-source freshrss\n"
		  "freshrss-url https://rss.example/api/greader.php\n"
		  "freshrss-login al\nfreshrss-passwordfile ~/.fresh\n",
		  "sync greader https://rss.example/api/greader.php < user al; "
		  "password-file ~/.fresh\n", { NULL } },
		{ "urls-source ttrss\nttrss-url https://rss.example/tt/\n"
		  "ttrss-login al\nttrss-password s3cret\n", "",
		  { "config:4: ttrss-password ...: not copied",
		    "config:1: urls-source ttrss: no sync line: its password" } },
		{ "urls-source local\nttrss-url https://rss.example/tt/\n", "",
		  { "config:2: ttrss-url https://rss.example/tt/: unused" } },
		{ "urls-source \"miniflux\"\nminiflux-url https://rss.example/\n"
		  "miniflux-login al\nminiflux-tokenfile ~/.mf-token\n"
		  "miniflux-min-items 20\n",
		  "sync miniflux https://rss.example/ < user al; "
		  "password-file ~/.mf-token\n",
		  { "config:5: miniflux-min-items 20: no equivalent" } },
		{ "urls-source miniflux\nminiflux-url https://rss.example/\n"
		  "miniflux-login al\nminiflux-tokeneval \"pass show mf\"\n",
		  "sync miniflux https://rss.example/ < user al; "
		  "password-command \"pass show mf\"\n", { NULL } },
		/* The account's password is not what tidings signs in with;
		 * a token or a password written in the file is never shown. */
		{ "urls-source miniflux\nminiflux-url https://rss.example/\n"
		  "miniflux-login al\nminiflux-passwordeval \"pass show mf\"\n"
		  "miniflux-token \"s3cret\"\n", "",
		  { "config:4: miniflux-passwordeval \"pass show mf\": not used: "
		    "tidings signs in to Miniflux with an API token",
		    "config:5: miniflux-token ...: not copied",
		    "config:1: urls-source miniflux: no sync line: its token" } },
		{ "urls-source miniflux\nminiflux-url https://rss.example/\n"
		  "miniflux-login al\nminiflux-password s3cret\n", "",
		  { "config:4: miniflux-password ...: not copied",
		    "config:1: urls-source miniflux: no sync line: needs a "
		    "miniflux-tokenfile or miniflux-tokeneval" } },
		{ "urls-source miniflux\nminiflux-url https://rss.example/\n"
		  "miniflux-tokenfile ~/t\n", "",
		  { "config:1: urls-source miniflux: needs miniflux-url and "
		    "miniflux-login" } },
		{ "urls-source feedbin\nfeedbin-login al\n", "",
		  { "config:2: feedbin-login al: tidings does not sync with "
		    "this server",
		    "config:1: urls-source feedbin: tidings syncs with" } },
		{ "ttrss-password \"s3cret\n", "",
		  { "config:1: ttrss-password ...: " } },
		{ "urls-source ttrss\nttrss-login al\n", "",
		  { "config:1: urls-source ttrss: needs ttrss-url and "
		    "ttrss-login" } },
	};
	struct newsboat	 nb;
	size_t		 i, j, n;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		newsboat_init(&nb);
		newsboat_config(&nb, rows[i].text, strlen(rows[i].text),
		    "config");
		if (strcmp(nb.settings.len > 0 ? nb.settings.data : "",
		    rows[i].settings) != 0)
			fail_msg("row %zu: \"%s\" (%s)", i, nb.settings.len > 0 ?
			    nb.settings.data : "", nb.unmapped.n > 0 ?
			    nb.unmapped.v[0] : "");
		for (n = 0; n < nitems(rows[i].unmapped) &&
		    rows[i].unmapped[n] != NULL; n++)
			;
		if (nb.unmapped.n != n)
			fail_msg("row %zu: %zu unmapped, want %zu (%s)", i,
			    nb.unmapped.n, n, nb.unmapped.n > 0 ?
			    nb.unmapped.v[0] : "");
		for (j = 0; j < n; j++) {
			if (strncmp(nb.unmapped.v[j], rows[i].unmapped[j],
			    strlen(rows[i].unmapped[j])) != 0)
				fail_msg("row %zu: \"%s\", want \"%s...\"", i,
				    nb.unmapped.v[j], rows[i].unmapped[j]);
			if (strstr(nb.unmapped.v[j], "s3cret") != NULL)
				fail_msg("row %zu: the password is shown", i);
		}
		newsboat_release(&nb);
	}
}

/* A urls file: feed lines with their tags, titles and hiding, the ones
 * listed already left out but still named for the cache, the rest
 * reported by line. */
static void
test_newsboat_urls(void **state)
{
	static const char urls[] =
	    "https://a.org/rss news \"~A feed\"\n"
	    "# comment\n"
	    "\n"
	    "https://b.org/atom \"two words\" ! <\r\n"
	    "https://old.org/rss\n"
	    "\"query:Unread:unread = \\\"yes\\\"\" news \"~T\" tv\n"
	    "exec:~/bin/x\n"
	    "filter:~/f:https://c.org/rss\n"
	    "https://a.org/rss again\n"
	    "gopher://d.org/\n"
	    "file:///etc/passwd\n"
	    "https://e.org/rss \"~One\" \"~Two\"\n"
	    "https://f.org/rss \"~\"\n"
	    "\"exec:~/bin/y 'a b' -n\" news \"~Y\"\n"
	    "\"exec:~/bin/x | grep a\"\n"
	    "\"exec:LANG=C ~/bin/x\"\n"
	    "filter:f:file:///etc/passwd\n"
	    "filter:f\n"
	    "\"query:It's:title =~ \\\"it's\\\"\" \"a b\"\n"
	    "\"query:Old:age > 30\"\n";
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	struct newsboat		 nb;
	static const char	*dot = "feed https://old.org/rss\n";

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load_buffer(dot, strlen(dot), "t", &cfg,
	    &causes), 0);
	newsboat_init(&nb);
	newsboat_urls(&nb, urls, sizeof urls - 1, "urls", &cfg);
	/* Commands come in as they ran in newsboat, one that needs sh's
	 * help excepted. */
	assert_string_equal(nb.feeds.data,
	    "feed https://a.org/rss news \"~A feed\"\n"
	    "feed https://b.org/atom \"two words\" ! \"<\"\n"
	    "feed exec:~/bin/x\n"
	    "feed filter:~/f:https://c.org/rss\n"
	    "feed \"exec:~/bin/y 'a b' -n\" news ~Y\n");
	assert_int_equal(nb.nfeeds, 5);
	assert_int_equal(nb.listed, 1);
	assert_int_equal(nb.nurls, 6);
	assert_string_equal(nb.urls[2], "https://old.org/rss");
	/* The query feeds are kept with their tags, the expression quoted
	 * before them; a title is said to be dropped. */
	assert_string_equal(nb.settings.data,
	    "query Unread 'unread = \"yes\"' news tv\n"
	    "query \"It's\" \"title =~ \\\"it's\\\"\" \"a b\"\n"
	    "query Old age > 30\n");
	assert_int_equal(nb.unmapped.n, 10);
	assert_true(strncmp(nb.unmapped.v[0], "urls:6: \"query:Unread:", 22)
	    == 0);
	assert_non_null(strstr(nb.unmapped.v[0], "with its tags, not its "
	    "\"~title\""));
	assert_string_equal(nb.unmapped.v[1],
	    "urls:9: https://a.org/rss again: listed twice");
	assert_true(strncmp(nb.unmapped.v[2], "urls:10: gopher:", 16) == 0);
	/* Not a local file, nor a line the dotfile would refuse. */
	assert_string_equal(nb.unmapped.v[3], "urls:11: file:///etc/passwd: "
	    "a file: URL is read only when the user writes it into the "
	    "dotfile; not taken from elsewhere");
	assert_string_equal(nb.unmapped.v[4], "urls:12: https://e.org/rss "
	    "\"~One\" \"~Two\": two titles: \"~One\" and \"~Two\"");
	assert_string_equal(nb.unmapped.v[5], "urls:13: https://f.org/rss "
	    "\"~\": empty title after \"~\"");
	assert_string_equal(nb.unmapped.v[6], "urls:15: \"exec:~/bin/x | "
	    "grep a\": newsboat runs this command with sh, and it needs one "
	    "(\"|\"); tidings runs commands without a shell: put it in a "
	    "script");
	assert_non_null(strstr(nb.unmapped.v[7], "(\"=\")"));
	assert_string_equal(nb.unmapped.v[8], "urls:17: "
	    "filter:f:file:///etc/passwd: a file: URL is read only when the "
	    "user writes it into the dotfile; not taken from elsewhere");
	assert_string_equal(nb.unmapped.v[9], "urls:18: filter:f: a filter "
	    "feed is \"filter:COMMAND:URL\"; this one has no URL");

	/* What was made loads as a dotfile and means the same. */
	config_release(&cfg);
	config_init(&cfg);
	assert_int_equal(config_load_buffer(nb.feeds.data, nb.feeds.len, "t",
	    &cfg, &causes), 0);
	assert_int_equal(cfg.nfeeds, 5);
	assert_string_equal(cfg.feeds[4].url, "exec:~/bin/y 'a b' -n");
	assert_string_equal(cfg.feeds[4].title, "Y");
	assert_string_equal(cfg.feeds[0].title, "A feed");
	assert_int_equal(cfg.feeds[1].ntags, 2);
	assert_string_equal(cfg.feeds[1].tags[0], "two words");
	assert_string_equal(cfg.feeds[1].tags[1], "<");
	assert_true(cfg.feeds[1].hidden);
	newsboat_release(&nb);
	config_release(&cfg);
}

/* Words split as the dotfile splits them, for commands run without a
 * shell. */
/* podboat's queue: an episode a line, whole when its status says so;
 * what is not a URL and an absolute path is said. */
static void
test_newsboat_queue(void **state)
{
	static const char text[] =
	    "http://e/1.mp3 \"/home/u/Podcasts/one.mp3\"\n"
	    "http://e/2.mp3 \"/home/u/Podcasts/two \\\"2\\\".mp3\" downloaded\r\n"
	    "\n"
	    "http://e/3.mp3 \"/home/u/3.mp3\" played\n"
	    "http://e/4.mp3 \"relative.mp3\"\n"
	    "http://e/5.mp3 \"/x/5.mp3\" failed\n"
	    "just-a-word\n";
	struct newsboat	 nb;

	(void)state;
	newsboat_init(&nb);
	newsboat_queue(&nb, text, strlen(text), "queue");
	assert_int_equal(nb.nepisodes, 4);
	assert_string_equal(nb.episodes[0].url, "http://e/1.mp3");
	assert_string_equal(nb.episodes[0].path, "/home/u/Podcasts/one.mp3");
	assert_int_equal(nb.episodes[0].done, 0);
	assert_string_equal(nb.episodes[1].path,
	    "/home/u/Podcasts/two \"2\".mp3");
	assert_int_equal(nb.episodes[1].done, 1);
	assert_int_equal(nb.episodes[2].done, 1);
	assert_string_equal(nb.episodes[3].url, "http://e/5.mp3");
	assert_int_equal(nb.episodes[3].done, 0);
	assert_int_equal(nb.unmapped.n, 2);
	assert_non_null(strstr(nb.unmapped.v[0], "queue:5: "));
	assert_non_null(strstr(nb.unmapped.v[1], "queue:7: just-a-word"));
	newsboat_release(&nb);
}

static void
test_newsboat_words(void **state)
{
	char	**w, *cause;
	size_t	 n;

	(void)state;
	assert_int_equal(config_words("notify 'a b' \"c \\\"d\\\"\" e\\ f "
	    "# comment", &w, &n, &cause), 0);
	assert_int_equal(n, 4);
	assert_string_equal(w[0], "notify");
	assert_string_equal(w[1], "a b");
	assert_string_equal(w[2], "c \"d\"");
	assert_string_equal(w[3], "e f");
	assert_null(w[4]);
	config_words_free(w);
	assert_int_equal(config_words("x 'open", &w, &n, &cause), -1);
	assert_string_equal(cause, "unterminated quote");
	free(cause);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newsboat_config),
		cmocka_unit_test(test_newsboat_config_together),
		cmocka_unit_test(test_newsboat_sync),
		cmocka_unit_test(test_newsboat_urls),
		cmocka_unit_test(test_newsboat_queue),
		cmocka_unit_test(test_newsboat_words),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
