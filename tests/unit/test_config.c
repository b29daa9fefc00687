/* test_config.c: the dotfile language, every message it can give, the
 * settings table and its agreement with tidings-config(5). */
#include "testlib.h"

#include <sys/stat.h>

#include <ftw.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "util.h"

#define FIX	"tests/fixtures/config/"

/* All causes, one a line, for comparing in one assertion. */
static char *
joined(const struct causes *c)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < c->n; i++)
		buf_addf(&b, "%s%s", i > 0 ? "\n" : "", c->v[i]);
	return (buf_detach(&b, NULL));
}

/*
 * Every message config.c gives, each with the line that provokes it. A
 * NULL error means the text must load cleanly. len 0 means strlen(text).
 */
static const struct {
	const char	*text;
	size_t		 len;
	const char	*error;
} cases[] = {
	/* Lines that must load. */
	{ "", 0, NULL },
	{ "\n\n   \n\t\n# only a comment\n   # indented comment\n", 0, NULL },
	{ "\xef\xbb\xbfset max-items 5\r\n", 0, NULL },
	{ "set max-items 5", 0, NULL },
	{ "set max-items 5 # comment\n", 0, NULL },
	{ "set user-agent \"\"\n", 0, NULL },
	{ "set user-agent 'a \"b\" \\c'\n", 0, NULL },
	{ "set max-response-size 64KiB\n", 0, NULL },
	{ "set item-retention 3650d\n", 0, NULL },
	{ "\"set\" max-items 5\n", 0, NULL },
	{ "feed HTTPS://EXAMPLE.ORG/x\n", 0, NULL },
	{ "feed file:///home/ana/feed.xml\n", 0, NULL },
	{ "feed https://a.org/x#frag #comment\n", 0, NULL },
	{ "feed https://a.org/x \"!\"\n", 0, NULL },
	{ "feed https://a.org/x < max-items 5;\n", 0, NULL },
	{ "feed https://a.org/x <;; max-items 5 ;;\n", 0, NULL },
	{ "feed https://a.org/x \"~T\" < user-agent \"a;b\"\n", 0, NULL },
	{ "set sort title-asc\n", 0, NULL },
	{ "set sort unread\n", 0, NULL },
	{ "feed https://a.org/x < sort AUTHOR-DESC\n", 0, NULL },

	/* Commands. */
	{ "fed https://a.org/x\n", 0,
	  "t:1: unknown command \"fed\"; did you mean \"feed\"?" },
	{ "xyzzy\n", 0, "t:1: unknown command \"xyzzy\"" },
	{ "https://lwn.net/headlines/rss linux\n", 0,
	  "t:1: unknown command \"https://lwn.net/headlines/rss\"; a feed is "
	  "added with \"feed URL\"" },
	{ "\xc2\x9b" "31mx\n", 0,
	  "t:1: unknown command \"\xef\xbf\xbd" "31mx\"" },
	{ "set\n", 0, "t:1: usage: set NAME VALUE" },
	{ "set max-items 1 2\n", 0, "t:1: usage: set NAME VALUE" },
	{ "feed\n", 0, "t:1: usage: feed URL [TAG ...] [\"~TITLE\"] [!] "
	  "[< NAME VALUE; ...]" },
	{ "include\n", 0, "t:1: usage: include FILE" },
	{ "include a b\n", 0, "t:1: usage: include FILE" },
	{ "include " FIX "does-not-exist.conf\n", 0,
	  "t:1: " FIX "does-not-exist.conf: No such file or directory" },
	{ "include /dev/zero\n", 0, "t:1: /dev/zero: not a regular file" },

	/* Settings. */
	{ "set refresh-intervl 5m\n", 0, "t:1: unknown setting "
	  "\"refresh-intervl\"; did you mean \"refresh-interval\"?" },
	{ "set colour red\n", 0, "t:1: unknown setting \"colour\"" },
	{ "set \"\xe2\x80\xae\" 1\n", 0,
	  "t:1: unknown setting \"\xef\xbf\xbd\"" },
	{ "set notify-command \"notify-send 'x\"\n", 0,
	  "t:1: notify-command: unterminated quote" },
	{ "set notify-command 'a\\'\n", 0,
	  "t:1: notify-command: \\ at the end of the line" },
	{ "set notify-command \"notify-send '%n new'\"\n", 0, NULL },
	{ "set max-items ten\n", 0,
	  "t:1: max-items: \"ten\" is not a whole number" },
	{ "set max-connections -1\n", 0,
	  "t:1: max-connections: \"-1\" is not a whole number" },
	{ "set refresh-interval soon\n", 0, "t:1: refresh-interval: \"soon\" "
	  "is not a duration (like 90s, 30m, 2h, 1d or 1w)" },
	{ "set max-response-size lots\n", 0, "t:1: max-response-size: "
	  "\"lots\" is not a size (like 512K, 16M or 1G)" },
	{ "set max-response-size 2G\n", 0, "t:1: max-response-size: \"2G\" "
	  "is out of range (64K to 1G)" },
	{ "set connect-timeout 0\n", 0,
	  "t:1: connect-timeout: \"0\" is out of range (1s to 5m)" },
	{ "set refresh-interval 8d\n", 0,
	  "t:1: refresh-interval: \"8d\" is out of range (0 to 1w)" },
	{ "set max-items 99999999999999999999\n", 0, "t:1: max-items: "
	  "\"99999999999999999999\" is out of range (0 to 1000000)" },

	{ "set sort flags-asc\n", 0, NULL },
	{ "set sort random\n", 0, NULL },
	{ "set sort title-up\n", 0, "t:1: sort: \"title-up\" is not an "
	  "order (date, title, feed, author, unread, starred, link, guid or "
	  "random, with -asc or -desc)" },
	{ "set sort\n", 0, "t:1: usage: set NAME VALUE" },
	{ "set feed-sort-order unread-asc\n", 0, NULL },
	{ "set feed-sort-order title\n", 0, NULL },
	{ "set feed-sort-order articlecount\n", 0, "t:1: feed-sort-order: "
	  "\"articlecount\" is not an order (none, title or unread, with "
	  "-asc or -desc)" },
	{ "feed https://a.org/x < feed-sort-order title\n", 0,
	  "t:1: feed-sort-order cannot be set per feed" },
	/* Feed lines. */
	{ "feed https://a.org/x < sort shuffle\n", 0, "t:1: sort: "
	  "\"shuffle\" is not an order (date, title, feed, author, unread, "
	  "starred, link, guid or random, with -asc or -desc)" },
	{ "feed https://a.org/x < max-connections 4\n", 0,
	  "t:1: max-connections cannot be set per feed" },
	{ "feed https://a.org/x < max-items\n", 0,
	  "t:1: max-items takes one value after \"<\"" },
	{ "feed https://a.org/x < max-items 1 2; refresh-interval 1h\n", 0,
	  "t:1: max-items takes one value after \"<\"" },
	{ "feed https://a.org/x <\n", 0, "t:1: no setting after \"<\"" },
	{ "feed https://a.org/x < ;\n", 0, "t:1: no setting after \"<\"" },
	{ "feed https://a.org/x < refresh-interval never\n", 0,
	  "t:1: refresh-interval: \"never\" is not a duration (like 90s, "
	  "30m, 2h, 1d or 1w)" },
	{ "feed https://a.org/x < max-itms 5\n", 0, "t:1: unknown setting "
	  "\"max-itms\"; did you mean \"max-items\"?" },
	{ "feed \"query:Unread:unread = yes\"\n", 0, "t:1: \"query:Unread:"
	  "unread = yes\" is newsboat's query feed; write it \"query NAME "
	  "EXPRESSION\" here" },
	/* Filter expressions: the rest of the line, or one quoted word;
	 * a mistake names its column in the line. */
	{ "query Unread unread = \"yes\"\n", 0, NULL },
	{ "query \"Long reads\" age < 7 and (content =~ \"#x\" or tags # "
	  "\"long\")\n", 0, NULL },
	{ "  ignore\ttitle =~ \"^Sponsored\"  \n", 0, NULL },
	{ "ignore \"title =~ \\\"x\\\"\"\n", 0, NULL },
	{ "ignore 'tags # \"ads\"'\n", 0, NULL },
	{ "define-filter rust title =~ \"rust\"\n", 0, NULL },
	{ "query Unread unread = \"yes\"\nquery Unread starred = \"yes\"\n",
	  0, "t:2: query \"Unread\" is already defined at t:1" },
	{ "query Unread unread = \"maybe\"\n", 0,
	  "t:1:23: unread is \"yes\" or \"no\", not \"\"maybe\"\"" },
	{ "query \"A b\" titel = \"x\"\n", 0,
	  "t:1:13: unknown attribute \"titel\"; did you mean \"title\"?" },
	{ "ignore title =~ \"(\"\n", 0, "t:1:17: bad regular expression: "
	  "Unmatched ( or \\(" },
	{ "ignore \"title = \\\"a\\\" or x\"\n", 0,
	  "t:1:26: unknown attribute \"x\"" },
	{ "ignore 'title ='\n", 0, "t:1:16: expected a value (\"text\" or a "
	  "number) after title, not the end" },
	{ "ignore \xc3\xa9t\xc3\xa9 = 1\n", 0,
	  "t:1:8: unknown attribute \"\xc3\xa9t\xc3\xa9\"" },
	{ "ignore\n", 0, "t:1: usage: ignore EXPRESSION" },
	{ "ignore title = \"x\" or age > 30\n", 0, "t:1:23: ignore judges "
	  "what an item is, not its state: age, unread, starred, flags, "
	  "unread_count, total_count and ~ cannot be used here" },
	{ "ignore ~ \"sponsored\"\n", 0, "t:1:8: ignore judges what an item "
	  "is, not its state: age, unread, starred, flags, unread_count, "
	  "total_count and ~ cannot be used here" },
	{ "query Old unread = \"no\" and age > 30\n", 0, NULL },
	/* A query's tags follow its expression when that is quoted. */
	{ "query Unread 'unread = \"yes\"' news \"long reads\"\n", 0, NULL },
	{ "query Unread \"unread = \\\"yes\\\"\" news # tagged\n", 0, NULL },
	{ "query Unread 'unread = \"yes\"' news \"~Title\"\n", 0,
	  "t:1: \"~Title\" after a query's expression: a query takes tags "
	  "only (its name is its title)" },
	{ "query Unread 'unread = \"yes\"' news < sort title\n", 0,
	  "t:1: \"<\" after a query's expression: a query takes tags only "
	  "(its name is its title)" },
	{ "query Unread 'unread = \"yes\"' \"\"\n", 0, "t:1: empty tag" },
	{ "query Unread 'unread = \"x\"' news\n", 0,
	  "t:1:24: unread is \"yes\" or \"no\", not \"\"x\"\"" },
	{ "ignore 'title = \"x\"' news\n", 0, "t:1:22: words after the "
	  "quoted expression: only a query takes tags" },
	{ "query Unread\n", 0, "t:1: usage: query NAME EXPRESSION" },
	{ "define-filter \"x\n", 0, "t:1: unterminated quote" },
	/* highlight: the expression is one word, colours as color's. */
	{ "highlight 'title =~ \"rust\"' red default bold\n", 0, NULL },
	{ "highlight \"unread = \\\"yes\\\" and age < 2\" color208 "
	  "colour0\n", 0, NULL },
	{ "highlight 'title =~ \"rust\"' red\n", 0,
	  "t:1: usage: highlight EXPRESSION FG BG [ATTR ...]" },
	{ "highlight\n", 0,
	  "t:1: usage: highlight EXPRESSION FG BG [ATTR ...]" },
	{ "highlight 'titel = \"x\"' red blue\n", 0,
	  "t:1:12: unknown attribute \"titel\"; did you mean \"title\"?" },
	{ "highlight 'title = \"x\"' rouge blue\n", 0,
	  "t:1: colour \"rouge\" is not a colour name or number" },
	{ "highlight 'title = \"x\"' red blue shiny\n", 0,
	  "t:1: \"shiny\" is not an attribute (bold, dim, underline, "
	  "reverse, italic, blink, standout or none)" },
	{ "highlight 'title = \"x\n", 0, "t:1: unterminated quote" },
	{ "feed exec:~/bin/feed.sh\n", 0, NULL },
	{ "feed \"exec:~/bin/feed.sh 'a b' -x\" t \"~T\"\n", 0, NULL },
	{ "feed filter:~/f.sh:https://a.org/x\n", 0, NULL },
	{ "feed exec:\n", 0, "t:1: no command after \"exec:\"" },
	{ "feed \"exec: # x\"\n", 0, "t:1: no command after \"exec:\"" },
	{ "feed \"exec:a 'b\"\n", 0, "t:1: unterminated quote" },
	{ "feed filter:~/f.sh\n", 0, "t:1: a filter feed is "
	  "\"filter:COMMAND:URL\"; this one has no URL" },
	{ "feed filter::https://a.org/x\n", 0,
	  "t:1: no command after \"filter:\"" },
	{ "feed filter:f:exec:g\n", 0, "t:1: \"exec:\" feeds run a command: "
	  "only the dotfile's own feed lines may name one" },
	{ "feed filter:f:a.org/x\n", 0, "t:1: \"a.org/x\" is not a URL; it "
	  "must start with http://, https:// or file://" },
	{ "feed example.org/feed.xml\n", 0, "t:1: \"example.org/feed.xml\" is "
	  "not a URL; it must start with http://, https:// or file://" },
	{ "feed \"\"\n", 0, "t:1: \"\" is not a URL; it must start with "
	  "http://, https:// or file://" },
	{ "feed ftp://example.org/feed.xml\n", 0,
	  "t:1: \"ftp\" URLs are not supported; use http, https or file" },
	{ "feed https://\n", 0, "t:1: \"https://\" is not a valid URL" },
	{ "feed https:///x\n", 0, "t:1: \"https:///x\" is not a valid URL" },
	{ "feed https:example.org\n", 0,
	  "t:1: \"https:example.org\" is not a valid URL" },
	{ "feed file://\n", 0, "t:1: \"file://\" is not a valid URL" },
	{ "feed \"https://a.org/x y\"\n", 0,
	  "t:1: \"https://a.org/x y\" is not a valid URL" },
	{ "feed https://a.org/x\n# c\nfeed https://a.org/x tech\n", 0,
	  "t:3: feed \"https://a.org/x\" is already listed at t:1" },
	{ "feed https://a.org/x ~\n", 0, "t:1: empty title after \"~\"" },
	{ "feed https://a.org/x \"~One\" \"~Two\"\n", 0,
	  "t:1: two titles: \"~One\" and \"~Two\"" },
	{ "feed https://a.org/x tech \"\"\n", 0, "t:1: empty tag" },

	/* Key bindings. */
	{ "bind items x toggle-read\n", 0, NULL },
	{ "bind global C-r refresh\nbind article M-PgDn page-down\n", 0,
	  NULL },
	{ "bind feeds \"#\" top\n", 0, NULL },
	{ "unbind items j\nunbind items j\n", 0, NULL },
	{ "bind\n", 0, "t:1: usage: bind TABLE KEY ACTION [ARG ...]" },
	{ "bind items x\n", 0, "t:1: usage: bind TABLE KEY ACTION [ARG ...]" },
	{ "bind items x quit now\n", 0, "t:1: quit takes no arguments" },
	/* newsboat's words, with what they are called here. */
	{ "reload-time 30\n", 0, "t:1: unknown command \"reload-time\": "
	  "newsboat's reload-time is the setting refresh-interval here" },
	{ "set reload-time 30\n", 0, "t:1: unknown setting \"reload-time\": "
	  "newsboat's reload-time is the setting refresh-interval here" },
	{ "bind-key r reload\n", 0, "t:1: unknown command \"bind-key\": "
	  "newsboat's bind-key is the command bind here; bind TABLE KEY "
	  "ACTION" },
	{ "show-read-feeds no\n", 0, "t:1: unknown command "
	  "\"show-read-feeds\": newsboat's show-read-feeds is the setting "
	  "unread-only here, the other way round" },
	{ "bind global x reload\n", 0, "t:1: unknown action \"reload\": "
	  "newsboat's reload is the action refresh here" },
	{ "bind global x open-in-browser-and-mark-read\n", 0, "t:1: unknown "
	  "action \"open-in-browser-and-mark-read\": newsboat's "
	  "open-in-browser-and-mark-read is the action "
	  "open-browser-mark-read here" },
	{ "bind global Ctrl-r refresh\n", 0,
	  "t:1: \"Ctrl-r\" is written C-r here" },
	{ "set confirm-quit yes\n", 0, NULL },
	{ "bind item x quit\n", 0, "t:1: unknown key table \"item\"; it is "
	  "global, feeds, items, article, downloads or macro" },
	{ "bind items PgDwn quit\n", 0,
	  "t:1: \"PgDwn\" is not a key; did you mean \"PgDn\"?" },
	{ "bind items jj quit\n", 0, "t:1: \"jj\" is not a key" },
	{ "bind items C-Up quit\n", 0,
	  "t:1: \"C-Up\" is not a key a terminal can send" },
	{ "bind items \xe2\x80\xae quit\n", 0,
	  "t:1: \"\xef\xbf\xbd\" is not a key" },
	{ "# c\n\nbind items x mark-raed\n", 0,
	  "t:3: unknown action \"mark-raed\"" },
	{ "bind items x toggle-reed\n", 0, "t:1: unknown action "
	  "\"toggle-reed\"; did you mean \"toggle-read\"?" },
	{ "bind feeds s toggle-star\n", 0, "t:1: toggle-star does nothing in "
	  "the feeds pane; bind it in the global table or another pane" },
	{ "unbind\n", 0, "t:1: usage: unbind TABLE KEY" },
	{ "unbind items j k\n", 0, "t:1: usage: unbind TABLE KEY" },
	{ "unbind nowhere j\n", 0, "t:1: unknown key table \"nowhere\"; it is "
	  "global, feeds, items, article, downloads or macro" },
	{ "unbind items F13\n", 0,
	  "t:1: \"F13\" is not a key; did you mean \"F1\"?" },

	/* Colours. */
	{ "color selected black yellow bold\n", 0, NULL },
	{ "color star colour200 default\ncolor normal 17 brightblue "
	  "underline reverse\n", 0, NULL },
	{ "color date Default COLOR8 none\n", 0, NULL },
	{ "color\n", 0, "t:1: usage: color ELEMENT FG BG [ATTR ...]" },
	{ "color normal red\n", 0, "t:1: usage: color ELEMENT FG BG "
	  "[ATTR ...]" },
	{ "color nromal red blue\n", 0, "t:1: unknown colour element "
	  "\"nromal\"; did you mean \"normal\"?" },
	{ "color background red blue\n", 0,
	  "t:1: unknown colour element \"background\"" },
	{ "color normal purplish default\n", 0,
	  "t:1: colour \"purplish\" is not a colour name or number" },
	{ "color normal default 256\n", 0,
	  "t:1: colour \"256\" is out of range (0 to 255)" },
	{ "color normal colour-1 default\n", 0,
	  "t:1: colour \"colour-1\" is not a colour name or number" },
	{ "color normal red blue blinky\n", 0, "t:1: \"blinky\" is not an "
	  "attribute (bold, dim, underline, reverse, italic, blink, standout "
	  "or none)" },
	{ "color nromal reds blue blinky\n", 0, "t:1: unknown colour element "
	  "\"nromal\"; did you mean \"normal\"?\n"
	  "t:1: colour \"reds\" is not a colour name or number\n"
	  "t:1: \"blinky\" is not an attribute (bold, dim, underline, "
	  "reverse, italic, blink, standout or none)" },

	/* Words and text. */
	{ "feed \"https://a.org/x\n", 0, "t:1: unterminated quote" },
	{ "feed https://a.org/x 'tag\n", 0, "t:1: unterminated quote" },
	{ "feed https://a.org/x \\\n", 0, "t:1: \\ at the end of the line" },
	{ "set user-agent \x1b[31m\n", 0,
	  "t:1: control character 0x1b in line" },
	{ "set user-agent x\x7f\n", 0, "t:1: control character 0x7f in line" },
	{ "set user-agent a\0b\n", 17, "t:1: control character 0x00 in line" },
	{ "feed https://a.org/x \xff\n", 0, "t:1: invalid UTF-8 in line" },
	{ "# \xc3(\n", 0, "t:1: invalid UTF-8 in line" },

	/* Every mistake is reported, each with its own line; good lines
	 * between them still count. */
	{ "fed x\nset a b\n# fine\n\nset max-items 5 6\nfeed https://a.org/x\n"
	  "feed ftp://b ~\n", 0,
	  "t:1: unknown command \"fed\"; did you mean \"feed\"?\n"
	  "t:2: unknown setting \"a\"\n"
	  "t:5: usage: set NAME VALUE\n"
	  "t:7: \"ftp\" URLs are not supported; use http, https or file\n"
	  "t:7: empty title after \"~\"" },
};

static void
test_config_messages(void **state)
{
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	size_t		 i, len;
	char		*got;
	int		 rc;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		len = cases[i].len != 0 ? cases[i].len : strlen(cases[i].text);
		config_init(&cfg);
		rc = config_load_buffer(cases[i].text, len, "t", &cfg, &causes);
		got = joined(&causes);
		if (cases[i].error == NULL && (rc != 0 || causes.n != 0))
			fail_msg("row %zu (%s): unexpected \"%s\"", i,
			    cases[i].text, got);
		if (cases[i].error != NULL &&
		    (rc != -1 || strcmp(got, cases[i].error) != 0))
			fail_msg("row %zu (%s):\n got \"%s\"\nwant \"%s\"", i,
			    cases[i].text, got, cases[i].error);
		free(got);
		config_release(&cfg);
		causes_release(&causes);
	}
}

/* newsboat's exec: and filter: feeds: the command split as the dotfile
 * splits words, never by a shell, "~" expanded when asked; a filter's
 * command ends at the first colon. */
static void
test_config_feed_source(void **state)
{
	static const struct {
		const char	*url;
		int		 expand, source;
		const char	*words;		/* joined by "|" */
		const char	*fetch;
	} sources[] = {
		{ "https://a.org/x", 1, CONFIG_SOURCE_URL, NULL, NULL },
		{ "exec:feed.sh", 0, CONFIG_SOURCE_EXEC, "feed.sh", NULL },
		{ "exec:~/bin/f '$(touch x)' \"a b\" ; `id` -rf", 0,
		  CONFIG_SOURCE_EXEC, "~/bin/f|$(touch x)|a b|;|`id`|-rf",
		  NULL },
		{ "exec:~/bin/f ~/x a~", 1, CONFIG_SOURCE_EXEC,
		  "/home/t/bin/f|/home/t/x|a~", NULL },
		{ "exec:  f  # comment", 0, CONFIG_SOURCE_EXEC, "f", NULL },
		{ "filter:sed -e s/a/b/:https://a.org/x?y=1:2", 0,
		  CONFIG_SOURCE_FILTER, "sed|-e|s/a/b/",
		  "https://a.org/x?y=1:2" },
		{ "filter:~/f:file:///tmp/x", 1, CONFIG_SOURCE_FILTER,
		  "/home/t/f", "file:///tmp/x" },
		{ "exec:", 0, -1, NULL, NULL },
		{ "filter:f", 0, -1, NULL, NULL },
		{ "filter:f:ftp://a.org/", 0, -1, NULL, NULL },
	};
	struct buf	 got = BUF_INIT;
	const char	*fetch;
	char		**argv, *cause = NULL;
	size_t		 i, j;
	int		 rc;

	(void)state;
	setenv("HOME", "/home/t", 1);
	for (i = 0; i < nitems(sources); i++) {
		rc = config_feed_source(sources[i].url, sources[i].expand, &argv,
		    &fetch, &cause);
		if (rc != sources[i].source)
			fail_msg("row %zu (%s): %d, want %d", i, sources[i].url,
			    rc, sources[i].source);
		if (rc == -1) {
			assert_non_null(cause);
			assert_null(argv);
			free(cause);
			cause = NULL;
			continue;
		}
		buf_reset(&got);
		for (j = 0; argv != NULL && argv[j] != NULL; j++)
			buf_addf(&got, "%s%s", j > 0 ? "|" : "", argv[j]);
		if (sources[i].words == NULL)
			assert_null(argv);
		else if (strcmp(got.data, sources[i].words) != 0)
			fail_msg("row %zu: words \"%s\", want \"%s\"", i,
			    got.data, sources[i].words);
		if (sources[i].fetch == NULL)
			assert_null(fetch);
		else
			assert_string_equal(fetch, sources[i].fetch);
		config_words_free(argv);
	}
	buf_release(&got);
}

/* The sort setting: newest first unless set, set globally, and per
 * feed over the global value. */
static void
test_config_sort(void **state)
{
	static const char text[] =
	    "feed https://a.org/x < sort title-asc\n"
	    "feed https://b.org/y\n";
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	char		*cause = NULL;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_num(&cfg, NULL, SET_SORT), FILTER_SORT_DATE);
	assert_int_equal(config_load_buffer(text, strlen(text), "t", &cfg,
	    &causes), 0);
	assert_int_equal(config_num(&cfg, &cfg.feeds[0], SET_SORT),
	    FILTER_SORT_TITLE | FILTER_SORT_ASC);
	assert_int_equal(config_num(&cfg, &cfg.feeds[1], SET_SORT),
	    FILTER_SORT_DATE);
	assert_int_equal(config_command(&cfg, "set sort feed-desc", &cause), 0);
	assert_int_equal(config_num(&cfg, &cfg.feeds[1], SET_SORT),
	    FILTER_SORT_FEED);
	assert_int_equal(config_num(&cfg, &cfg.feeds[0], SET_SORT),
	    FILTER_SORT_TITLE | FILTER_SORT_ASC);
	config_release(&cfg);
	causes_release(&causes);
}

/* A query's tags: after its expression, quoted, as a feed line has
 * them; an expression that is not quoted keeps the rest of the line. */
static void
test_config_query_tags(void **state)
{
	static const char text[] =
	    "query Unread 'unread = \"yes\"' news \"long reads\"\n"
	    "query Tech tags # \"tech\" and title =~ \"a b\"\n"
	    "query Old \"age > 30\"\n";
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load_buffer(text, strlen(text), "t", &cfg,
	    &causes), 0);
	assert_int_equal(cfg.nqueries, 3);
	assert_string_equal(cfg.queries[0].filter->text, "unread = \"yes\"");
	assert_int_equal(cfg.queries[0].ntags, 2);
	assert_string_equal(cfg.queries[0].tags[0], "news");
	assert_string_equal(cfg.queries[0].tags[1], "long reads");
	assert_string_equal(cfg.queries[1].filter->text,
	    "tags # \"tech\" and title =~ \"a b\"");
	assert_int_equal(cfg.queries[1].ntags, 0);
	assert_string_equal(cfg.queries[2].filter->text, "age > 30");
	assert_int_equal(cfg.queries[2].ntags, 0);
	config_release(&cfg);
	causes_release(&causes);
}

/* A bad file and its .err file of the expected "path:LINE: message"s. */
static const char *const bad_files[] = {
	FIX "bad-include",
	FIX "bad-loop",
};

static void
test_config_bad_files(void **state)
{
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	struct buf	 want = BUF_INIT;
	size_t		 i;
	char		*path, *got;

	(void)state;
	for (i = 0; i < nitems(bad_files); i++) {
		xasprintf(&path, "%s.err", bad_files[i]);
		slurp(path, &want);
		free(path);
		while (want.len > 0 && want.data[want.len - 1] == '\n')
			buf_truncate(&want, want.len - 1);
		xasprintf(&path, "%s.conf", bad_files[i]);
		config_init(&cfg);
		assert_int_equal(config_load(path, &cfg, &causes), -1);
		got = joined(&causes);
		if (strcmp(got, want.data) != 0)
			fail_msg("%s:\n got \"%s\"\nwant \"%s\"", path, got,
			    want.data);
		assert_string_equal(cfg.path, path);
		free(got);
		free(path);
		buf_reset(&want);
		config_release(&cfg);
		causes_release(&causes);
	}
	buf_release(&want);
}

/* Find a feed by URL or fail. */
static const struct config_feed *
feed_by_url(const struct config *cfg, const char *url)
{
	size_t	 i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].url, url) == 0)
			return (&cfg->feeds[i]);
	fail_msg("no feed %s", url);
	return (NULL);
}

static void
test_config_good_file(void **state)
{
	static const struct {
		const char	*url;
		const char	*title;
		const char	*tags;		/* joined with '|' */
		int		 hidden;
		unsigned	 line;
		const char	*path;
	} want[] = {
		{ "https://lwn.net/headlines/rss", NULL, "linux|news", 0, 10,
		  FIX "good.conf" },
		{ "https://news.ycombinator.com/rss", "Hacker News", "tech", 0,
		  11, FIX "good.conf" },
		{ "https://example.org/quoted.xml",
		  "Title with \"quotes\" and \\", "cool stuff|it's|back slash",
		  0, 12, FIX "good.conf" },
		{ "https://example.org/hidden.xml", NULL, "news", 1, 13,
		  FIX "good.conf" },
		{ "https://example.org/per-feed.xml", NULL, "tech", 0, 14,
		  FIX "good.conf" },
		{ "https://example.org/semicolon;v=1", NULL,
		  "<|tag#not-a-comment", 0, 15, FIX "good.conf" },
		{ "file:///var/lib/local.xml", NULL, "local", 0, 16,
		  FIX "good.conf" },
		{ "https://example.org/crlf.xml", NULL, "crlf", 0, 17,
		  FIX "good.conf" },
		{ "https://example.org/included.xml", NULL, "included", 0, 2,
		  FIX "inc/more.conf" },
	};
	struct config			 cfg;
	struct causes			 causes = CAUSES_INIT;
	struct buf			 tags = BUF_INIT;
	const struct config_feed	*cf;
	size_t				 i, j;

	(void)state;
	config_init(&cfg);
	if (config_load(FIX "good.conf", &cfg, &causes) != 0)
		fail_msg("good.conf: %s", causes.v[0]);
	assert_int_equal(cfg.nfeeds, nitems(want));
	for (i = 0; i < nitems(want); i++) {
		cf = &cfg.feeds[i];
		assert_string_equal(cf->url, want[i].url);
		if (want[i].title == NULL)
			assert_null(cf->title);
		else
			assert_string_equal(cf->title, want[i].title);
		buf_reset(&tags);
		for (j = 0; j < cf->ntags; j++)
			buf_addf(&tags, "%s%s", j > 0 ? "|" : "", cf->tags[j]);
		assert_string_equal(tags.data, want[i].tags);
		assert_int_equal(cf->hidden, want[i].hidden);
		assert_int_equal(cf->line, want[i].line);
		assert_string_equal(cf->path, want[i].path);
	}

	assert_int_equal(config_num(&cfg, NULL, SET_REFRESH_INTERVAL), 1800);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_RESPONSE_SIZE),
	    8 << 20);
	assert_string_equal(config_str(&cfg, NULL, SET_USER_AGENT),
	    "tidings-test/1.0 (+https://example.org/bot; \"quoted\")");
	assert_int_equal(config_num(&cfg, NULL, SET_DOWNLOAD_TIMEOUT), 90);
	assert_int_equal(config_num(&cfg, NULL, SET_CONNECT_TIMEOUT), 90);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_ITEMS), 250);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_REDIRECTS), 3);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_CONNECTIONS), 16);

	/* Per-feed settings override the global ones for that feed only. */
	cf = feed_by_url(&cfg, "https://example.org/per-feed.xml");
	assert_int_equal(config_num(&cfg, cf, SET_REFRESH_INTERVAL), 7200);
	assert_string_equal(config_str(&cfg, cf, SET_USER_AGENT), "A; B");
	assert_int_equal(config_num(&cfg, cf, SET_MAX_ITEMS), 500);
	assert_int_equal(config_num(&cfg, cf, SET_MAX_RESPONSE_SIZE), 8 << 20);
	cf = feed_by_url(&cfg, "https://lwn.net/headlines/rss");
	assert_int_equal(config_num(&cfg, cf, SET_REFRESH_INTERVAL), 1800);
	assert_int_equal(config_num(&cfg, cf, SET_MAX_ITEMS), 250);

	buf_release(&tags);
	config_release(&cfg);
	causes_release(&causes);
}

static void
test_config_defaults(void **state)
{
	struct config	 cfg;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_num(&cfg, NULL, SET_REFRESH_INTERVAL), 3600);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_CONNECTIONS), 16);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_HOST_CONNECTIONS), 6);
	assert_int_equal(config_num(&cfg, NULL, SET_CONNECT_TIMEOUT), 15);
	assert_int_equal(config_num(&cfg, NULL, SET_DOWNLOAD_TIMEOUT), 120);
	assert_int_equal(config_num(&cfg, NULL, SET_STALL_TIMEOUT), 30);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_RESPONSE_SIZE),
	    16 << 20);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_REDIRECTS), 10);
	assert_null(config_str(&cfg, NULL, SET_USER_AGENT));
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_ITEMS), 0);
	assert_int_equal(config_num(&cfg, NULL, SET_ITEM_RETENTION), 0);
	assert_int_equal(cfg.nfeeds, 0);
	config_release(&cfg);
}

static void
test_config_missing_file(void **state)
{
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load(FIX "no-such.conf", &cfg, &causes), -1);
	assert_int_equal(causes.n, 1);
	assert_string_equal(causes.v[0],
	    FIX "no-such.conf: No such file or directory");
	assert_string_equal(cfg.path, FIX "no-such.conf");
	config_release(&cfg);
	causes_release(&causes);
}

/* include from a buffer is relative to the current directory; ~/ is the
 * home directory; a chain deeper than 16 files is cut off. */
static void
test_config_include_paths(void **state)
{
	static const char	 inc[] = "include " FIX "inc/deeper.conf\n";
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	static const char	 top[] = "include ~/f0\n";
	char			*path, *text, *want;
	const char		*home;
	int			 i;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load_buffer(inc, strlen(inc), "t", &cfg,
	    &causes), 0);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_REDIRECTS), 3);
	config_release(&cfg);

	assert_non_null(mkdtemp(dir));
	home = getenv("HOME");
	home = home != NULL ? xstrdup(home) : NULL;
	setenv("HOME", dir, 1);
	for (i = 0; i < 18; i++) {
		xasprintf(&path, "%s/f%d", dir, i);
		xasprintf(&text, "include f%d\n", i + 1);
		spew(path, text, strlen(text));
		free(path);
		free(text);
	}
	xasprintf(&path, "%s/f18", dir);
	spew(path, "set max-items 1\n", strlen("set max-items 1\n"));
	free(path);

	config_init(&cfg);
	assert_int_equal(config_load_buffer(top, strlen(top), "t", &cfg,
	    &causes), -1);
	xasprintf(&want, "%s/f15:1: include: more than 16 files deep", dir);
	assert_int_equal(causes.n, 1);
	assert_string_equal(causes.v[0], want);
	free(want);
	config_release(&cfg);
	causes_release(&causes);

	/* Sixteen deep is allowed: f3 -> ... -> f18 is 16 files. */
	xasprintf(&path, "%s/f3", dir);
	config_init(&cfg);
	assert_int_equal(config_load(path, &cfg, &causes), 0);
	assert_int_equal(config_num(&cfg, NULL, SET_MAX_ITEMS), 1);
	config_release(&cfg);
	free(path);

	if (home != NULL) {
		setenv("HOME", home, 1);
		free((char *)home);
	} else
		unsetenv("HOME");
	rm_tree(dir);
}

/* Write n files DIR/gI, each including the next 4 times, the last
 * setting max-items. */
static void
fan_out(const char *dir, int n)
{
	char	*path, *text;
	int	 i;

	for (i = 0; i < n; i++) {
		xasprintf(&path, "%s/g%d", dir, i);
		if (i == n - 1)
			text = xstrdup("set max-items 1\n");
		else
			xasprintf(&text, "include g%d\ninclude g%d\n"
			    "include g%d\ninclude g%d\n", i + 1, i + 1,
			    i + 1, i + 1);
		spew(path, text, strlen(text));
		free(path);
		free(text);
	}
}

/* An include fan-out (each of 16 or 17 files including the next 4 times:
 * 4^15 reads) stops after 256 files or at 16 deep, with one message; an
 * include of a FIFO or a device fails at once, on its line, instead of
 * waiting for a writer or reading forever. */
static void
test_config_include_limits(void **state)
{
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	char			 dir[] = "/tmp/tidings-test-XXXXXX";
	char			*path, *text, *want;
	int			 n;

	(void)state;
	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/g0", dir);
	for (n = 17; n >= 16; n--) {
		fan_out(dir, n);
		config_init(&cfg);
		assert_int_equal(config_load(path, &cfg, &causes), -1);
		assert_int_equal(causes.n, 1);
		assert_non_null(strstr(causes.v[0], n == 17 ?
		    "/g15:1: include: more than 16 files deep" :
		    ": include: more than 256 files in all"));
		config_release(&cfg);
		causes_release(&causes);
	}
	free(path);

	xasprintf(&path, "%s/fifo", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	free(path);
	xasprintf(&path, "%s/top", dir);
	text = xstrdup("set max-items 2\ninclude fifo\ninclude /dev/null\n");
	spew(path, text, strlen(text));
	free(text);
	config_init(&cfg);
	assert_int_equal(config_load(path, &cfg, &causes), -1);
	text = joined(&causes);
	xasprintf(&want, "%s:2: %s/fifo: not a regular file\n"
	    "%s:3: /dev/null: not a regular file", path, dir, path);
	assert_string_equal(text, want);
	free(want);
	free(text);
	free(path);
	config_release(&cfg);
	causes_release(&causes);

	/* The file named on the command line may be a device: only its
	 * size is capped. */
	config_init(&cfg);
	assert_int_equal(config_load("/dev/zero", &cfg, &causes), -1);
	assert_string_equal(causes.v[0], "/dev/zero: File too large");
	config_release(&cfg);
	causes_release(&causes);
	rm_tree(dir);
}

/* A setting of each type with a wide range, for the value tables. */
static const struct setting wide[] = {
	{ .name = "n", .type = SET_NUMBER, .min = 0, .max = INT64_MAX },
	{ .name = "d", .type = SET_SECONDS, .min = 0, .max = INT64_MAX },
	{ .name = "b", .type = SET_BYTES, .min = 0, .max = INT64_MAX },
	{ .name = "y", .type = SET_BOOL },
	{ .name = "s", .type = SET_STRING },
};

static const struct {
	enum setting_type type;
	const char	*text;
	int64_t		 n;		/* when error is NULL */
	const char	*error;
} values[] = {
	{ SET_NUMBER, "0", 0, NULL },
	{ SET_NUMBER, "42", 42, NULL },
	{ SET_NUMBER, "007", 7, NULL },
	{ SET_NUMBER, "9223372036854775807", INT64_MAX, NULL },
	{ SET_NUMBER, "9223372036854775808", 0,
	  "\"9223372036854775808\" is out of range (0 to "
	  "9223372036854775807)" },
	{ SET_NUMBER, "", 0, "\"\" is not a whole number" },
	{ SET_NUMBER, "1k", 0, "\"1k\" is not a whole number" },
	{ SET_NUMBER, "+1", 0, "\"+1\" is not a whole number" },
	{ SET_NUMBER, "1.0", 0, "\"1.0\" is not a whole number" },

	{ SET_SECONDS, "0", 0, NULL },
	{ SET_SECONDS, "90", 90, NULL },
	{ SET_SECONDS, "90s", 90, NULL },
	{ SET_SECONDS, "30m", 1800, NULL },
	{ SET_SECONDS, "2h", 7200, NULL },
	{ SET_SECONDS, "1d", 86400, NULL },
	{ SET_SECONDS, "1w", 604800, NULL },
	{ SET_SECONDS, "1h30m", 5400, NULL },
	{ SET_SECONDS, "1w2d3h4m5s", 788645, NULL },
	{ SET_SECONDS, "2H", 7200, NULL },
	{ SET_SECONDS, "30m1h", 5400, NULL },
	{ SET_SECONDS, "", 0, "\"\" is not a duration (like 90s, 30m, 2h, "
	  "1d or 1w)" },
	{ SET_SECONDS, "h", 0, "\"h\" is not a duration (like 90s, 30m, 2h, "
	  "1d or 1w)" },
	{ SET_SECONDS, "1x", 0, "\"1x\" is not a duration (like 90s, 30m, "
	  "2h, 1d or 1w)" },
	{ SET_SECONDS, "1h30", 0, "\"1h30\" is not a duration (like 90s, "
	  "30m, 2h, 1d or 1w)" },
	{ SET_SECONDS, "1.5h", 0, "\"1.5h\" is not a duration (like 90s, "
	  "30m, 2h, 1d or 1w)" },
	{ SET_SECONDS, "-1", 0, "\"-1\" is not a duration (like 90s, 30m, "
	  "2h, 1d or 1w)" },
	{ SET_SECONDS, "1h ", 0, "\"1h\" is not a duration (like 90s, 30m, "
	  "2h, 1d or 1w)" },
	{ SET_SECONDS, "99999999999999999w", 0, "\"99999999999999999w\" is "
	  "out of range (0 to 9223372036854775807s)" },
	{ SET_SECONDS, "99999999999999999999", 0, "\"99999999999999999999\" "
	  "is out of range (0 to 9223372036854775807s)" },

	{ SET_BYTES, "0", 0, NULL },
	{ SET_BYTES, "512", 512, NULL },
	{ SET_BYTES, "512B", 512, NULL },
	{ SET_BYTES, "64K", 65536, NULL },
	{ SET_BYTES, "64k", 65536, NULL },
	{ SET_BYTES, "64KB", 65536, NULL },
	{ SET_BYTES, "64KiB", 65536, NULL },
	{ SET_BYTES, "16M", 16 << 20, NULL },
	{ SET_BYTES, "16MiB", 16 << 20, NULL },
	{ SET_BYTES, "1G", 1 << 30, NULL },
	{ SET_BYTES, "1gib", 1 << 30, NULL },
	{ SET_BYTES, "2T", 2LL << 40, NULL },
	{ SET_BYTES, "", 0, "\"\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "K", 0, "\"K\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "1.5M", 0,
	  "\"1.5M\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "64Q", 0, "\"64Q\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "64Ki", 0,
	  "\"64Ki\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "64KiBx", 0,
	  "\"64KiBx\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "1M1K", 0,
	  "\"1M1K\" is not a size (like 512K, 16M or 1G)" },
	{ SET_BYTES, "99999999T", 0, "\"99999999T\" is out of range (0 to "
	  "9223372036854775807)" },

	{ SET_BOOL, "yes", 1, NULL },
	{ SET_BOOL, "no", 0, NULL },
	{ SET_BOOL, "true", 1, NULL },
	{ SET_BOOL, "false", 0, NULL },
	{ SET_BOOL, "on", 1, NULL },
	{ SET_BOOL, "off", 0, NULL },
	{ SET_BOOL, "1", 1, NULL },
	{ SET_BOOL, "0", 0, NULL },
	{ SET_BOOL, "YES", 1, NULL },
	{ SET_BOOL, "Off", 0, NULL },
	{ SET_BOOL, "maybe", 0, "\"maybe\" is not yes or no" },
	{ SET_BOOL, "2", 0, "\"2\" is not yes or no" },
	{ SET_BOOL, "", 0, "\"\" is not yes or no" },

	{ SET_STRING, "anything at all", 0, NULL },
};

static void
test_config_parse_value(void **state)
{
	const struct setting	*s;
	size_t			 i, j;
	int64_t			 n;
	char			*cause;
	int			 rc;

	(void)state;
	for (i = 0; i < nitems(values); i++) {
		for (s = NULL, j = 0; j < nitems(wide); j++)
			if (wide[j].type == values[i].type)
				s = &wide[j];
		n = -12345;
		cause = NULL;
		rc = config_parse_value(s, values[i].text, &n, &cause);
		if (values[i].error == NULL && (rc != 0 || n != values[i].n))
			fail_msg("row %zu (%s): rc %d, n %lld, cause %s", i,
			    values[i].text, rc, (long long)n,
			    cause != NULL ? cause : "none");
		if (values[i].error != NULL && (rc != -1 ||
		    strcmp(cause, values[i].error) != 0))
			fail_msg("row %zu (%s):\n got %s\nwant %s", i,
			    values[i].text, cause != NULL ? cause : "none",
			    values[i].error);
		free(cause);
	}
}

static const struct {
	enum setting_type type;
	int64_t		 n;
	const char	*text;
} formats[] = {
	{ SET_NUMBER, 0, "0" },
	{ SET_NUMBER, 1000000, "1000000" },
	{ SET_SECONDS, 0, "0" },
	{ SET_SECONDS, 1, "1s" },
	{ SET_SECONDS, 90, "90s" },
	{ SET_SECONDS, 1800, "30m" },
	{ SET_SECONDS, 5400, "90m" },
	{ SET_SECONDS, 3600, "1h" },
	{ SET_SECONDS, 86400, "1d" },
	{ SET_SECONDS, 7 * 86400, "1w" },
	{ SET_SECONDS, 3650 * 86400LL, "3650d" },
	{ SET_BYTES, 0, "0" },
	{ SET_BYTES, 512, "512" },
	{ SET_BYTES, 1536, "1536" },
	{ SET_BYTES, 65536, "64K" },
	{ SET_BYTES, 16 << 20, "16M" },
	{ SET_BYTES, 1 << 30, "1G" },
	{ SET_BYTES, 1LL << 40, "1T" },
	{ SET_BOOL, 1, "yes" },
	{ SET_BOOL, 0, "no" },
	{ SET_STRING, 0, "" },
};

static void
test_config_format_value(void **state)
{
	struct buf	 b = BUF_INIT;
	const struct setting *s;
	size_t		 i, j;
	int64_t		 n;
	char		*cause;

	(void)state;
	for (i = 0; i < nitems(formats); i++) {
		for (s = NULL, j = 0; j < nitems(wide); j++)
			if (wide[j].type == formats[i].type)
				s = &wide[j];
		buf_reset(&b);
		config_format_value(&b, s, formats[i].n);
		if (strcmp(b.data, formats[i].text) != 0)
			fail_msg("row %zu: got \"%s\", want \"%s\"", i, b.data,
			    formats[i].text);
		/* What is written reads back as the same value. */
		if (s->type != SET_STRING) {
			assert_int_equal(config_parse_value(s, b.data, &n,
			    &cause), 0);
			assert_int_equal(n, formats[i].n);
		}
	}
	buf_release(&b);
}

/* The table is indexed by id, complete, and its defaults are in range. */
static void
test_config_settings_table(void **state)
{
	const struct setting	*t;
	struct buf		 b = BUF_INIT;
	size_t			 i, n;
	int64_t			 v;
	char			*cause;

	(void)state;
	t = config_settings(&n);
	assert_int_equal(n, SET__COUNT);
	for (i = 0; i < n; i++) {
		if (t[i].name == NULL || t[i].text == NULL ||
		    (size_t)t[i].id != i || t[i].scope == 0)
			fail_msg("settings[%zu] is incomplete", i);
		assert_ptr_equal(config_setting_find(t[i].name), &t[i]);
		if (t[i].type == SET_STRING)
			continue;
		if (t[i].def < t[i].min || t[i].def > t[i].max)
			fail_msg("%s: default out of range", t[i].name);
		buf_reset(&b);
		config_format_value(&b, &t[i], t[i].def);
		assert_int_equal(config_parse_value(&t[i], b.data, &v,
		    &cause), 0);
		assert_int_equal(v, t[i].def);
	}
	assert_null(config_setting_find("no-such-setting"));
	buf_release(&b);
}

static const struct {
	const char	*url;
	const char	*title;
	const char	*tags[4];
	const char	*line;		/* what config_feed_line() writes */
} lines[] = {
	{ "https://lwn.net/headlines/rss", NULL, { NULL },
	  "feed https://lwn.net/headlines/rss\n" },
	{ "https://news.ycombinator.com/rss", "Hacker News", { "tech" },
	  "feed https://news.ycombinator.com/rss tech \"~Hacker News\"\n" },
	{ "https://a.org/x", "Say \"hi\" \\ bye", { "cool stuff", "it's" },
	  "feed https://a.org/x \"cool stuff\" \"it's\" "
	  "\"~Say \\\"hi\\\" \\\\ bye\"\n" },
	{ "https://a.org/x;y=1", "~tilde", { "<", "#hash", "a;b" },
	  "feed \"https://a.org/x;y=1\" \"<\" \"#hash\" \"a;b\" ~~tilde\n" },
	{ "https://a.org/x", "\xe6\x97\xa5\xe6\x9c\xac", { "caf\xc3\xa9",
	  "a#b" }, "feed https://a.org/x caf\xc3\xa9 a#b "
	  "~\xe6\x97\xa5\xe6\x9c\xac\n" },
	{ "https://a.org/x", "", { "x\ty" },
	  "feed https://a.org/x \"x y\"\n" },
};

/* Each line reads back to the same URL, title and tags. */
static void
test_config_feed_line_round_trip(void **state)
{
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	struct buf	 b = BUF_INIT;
	size_t		 i, n, j;
	const char	*tag;

	(void)state;
	for (i = 0; i < nitems(lines); i++) {
		for (n = 0; n < nitems(lines[i].tags) && lines[i].tags[n]; n++)
			;
		buf_reset(&b);
		config_feed_line(&b, lines[i].url, lines[i].title,
		    (char *const *)lines[i].tags, n);
		if (strcmp(b.data, lines[i].line) != 0)
			fail_msg("row %zu:\n got %s\nwant %s", i, b.data,
			    lines[i].line);
		config_init(&cfg);
		if (config_load_buffer(b.data, b.len, "t", &cfg, &causes) != 0)
			fail_msg("row %zu: %s", i, causes.v[0]);
		assert_int_equal(cfg.nfeeds, 1);
		assert_string_equal(cfg.feeds[0].url, lines[i].url);
		if (lines[i].title == NULL || *lines[i].title == '\0')
			assert_null(cfg.feeds[0].title);
		else
			assert_string_equal(cfg.feeds[0].title, lines[i].title);
		assert_int_equal(cfg.feeds[0].ntags, n);
		for (j = 0; j < n; j++) {
			tag = strcmp(lines[i].tags[j], "x\ty") == 0 ? "x y" :
			    lines[i].tags[j];
			assert_string_equal(cfg.feeds[0].tags[j], tag);
		}
		config_release(&cfg);
	}
	buf_release(&b);
}

/* Tags that cannot read back as tags are left out, and text no line may
 * hold is made safe, so the line always loads. */
static void
test_config_feed_line_sanitises(void **state)
{
	static const char *const tags[] = { "", "~t", "!h", "ok", "a\nb" };
	struct buf	 b = BUF_INIT;

	(void)state;
	config_feed_line(&b, "https://a.org/x", "bad \xff\x1b", (char *const *)
	    tags, nitems(tags));
	assert_string_equal(b.data, "feed https://a.org/x ok \"a b\" "
	    "\"~bad \xef\xbf\xbd \"\n");
	buf_release(&b);
}

/* tidings-config(5) has an ".It Ic NAME Ar TYPE" entry for each setting,
 * stating its default and range as config_format_value() writes them. */
static void
test_config_man_page(void **state)
{
	static const char *const types[] = {
		[SET_NUMBER] = "number", [SET_SECONDS] = "duration",
		[SET_BYTES] = "size", [SET_BOOL] = "boolean",
		[SET_STRING] = "string", [SET_SORT_ORDER] = "order",
		[SET_FEED_ORDER] = "feed-order",
	};
	const struct setting	*t;
	struct buf		 man = BUF_INIT, want = BUF_INIT;
	size_t			 i, n;
	const char		*entry, *end;
	char			*item;

	(void)state;
	slurp("man/tidings-config.5", &man);
	t = config_settings(&n);
	for (i = 0; i < n; i++) {
		xasprintf(&item, "\n.It Ic %s Ar %s\n", t[i].name,
		    types[t[i].type]);
		if ((entry = strstr(man.data, item)) == NULL)
			fail_msg("man/tidings-config.5 lacks \"%s\"", item + 1);
		free(item);
		entry++;
		if ((end = strstr(entry + 1, "\n.It ")) == NULL)
			end = strstr(entry, "\n.El");
		assert_non_null(end);
		item = xstrndup(entry, (size_t)(end - entry));
		if (((t[i].scope & SET_SCOPE_FEED) != 0) !=
		    (strstr(item, "Also per feed.") != NULL))
			fail_msg("%s: \"Also per feed.\" is wrong", t[i].name);
		if (t[i].type == SET_STRING) {
			free(item);
			continue;
		}
		buf_reset(&want);
		buf_addstr(&want, "Default:\n.Ql ");
		config_format_value(&want, &t[i], t[i].def);
		/* A boolean's range goes without saying, and an order's
		 * words are listed in its entry. */
		if (t[i].type == SET_BOOL || t[i].type == SET_SORT_ORDER ||
		    t[i].type == SET_FEED_ORDER) {
			buf_addstr(&want, " .");
			if (strstr(item, want.data) == NULL)
				fail_msg("%s: the man page should say\n%s",
				    t[i].name, want.data);
			free(item);
			continue;
		}
		buf_addstr(&want, " .\nRange:\n.Ql ");
		config_format_value(&want, &t[i], t[i].min);
		buf_addstr(&want, "\nto\n.Ql ");
		config_format_value(&want, &t[i], t[i].max);
		buf_addstr(&want, " .");
		if (strstr(item, want.data) == NULL)
			fail_msg("%s: the man page should say\n%s", t[i].name,
			    want.data);
		free(item);
	}
	buf_release(&man);
	buf_release(&want);
}

/* The colour elements: complete, each in tidings-config(5) as an
 * ".It Cm NAME" entry of its COLOURS section. */
static void
test_config_elements(void **state)
{
	const struct config_element_info	*e;
	struct config				 cfg;
	struct buf				 man = BUF_INIT;
	const char				*sec, *end;
	char					*item, *part;
	size_t					 i, n;

	(void)state;
	e = config_elements(&n);
	assert_int_equal(n, EL__COUNT);
	config_init(&cfg);
	slurp("man/tidings-config.5", &man);
	if ((sec = strstr(man.data, "\n.Sh COLOURS\n")) == NULL)
		fail_msg("man/tidings-config.5 has no COLOURS section");
	if ((end = strstr(sec + 1, "\n.Sh ")) == NULL)
		end = man.data + man.len;
	part = xstrndup(sec, (size_t)(end - sec));
	for (i = 0; i < n; i++) {
		if (e[i].name == NULL || e[i].text == NULL ||
		    (size_t)e[i].id != i)
			fail_msg("elements[%zu] is incomplete", i);
		assert_memory_equal(&cfg.colors[i], &e[i].def,
		    sizeof cfg.colors[i]);
		xasprintf(&item, "\n.It Cm %s\n", e[i].name);
		if (strstr(part, item) == NULL)
			fail_msg("man/tidings-config.5 lacks \"%s\" under "
			    "COLOURS", item + 1);
		free(item);
	}
	free(part);
	buf_release(&man);
	config_release(&cfg);
}

/* A line typed at the prompt: set, bind, unbind and color only, and the
 * message without a path or line. */
static void
test_config_command(void **state)
{
	static const struct {
		const char	*line;
		const char	*error;
	} rows[] = {
		{ "set panes 2", NULL },
		{ "set mouse yes", NULL },
		{ "bind items x quit", NULL },
		{ "unbind items x", NULL },
		{ "color selected red default bold", NULL },
		{ "highlight 'title =~ \"rust\"' red default bold", NULL },
		{ "highlight 'titel = \"x\"' red blue",
		  "column 12: unknown attribute \"titel\"; did you mean "
		  "\"title\"?" },
		{ "set panes 4", "panes: \"4\" is out of range (0 to 3)" },
		{ "bind items x nothing", "unknown action \"nothing\"" },
		{ "feed https://a.org/x", "\"feed\" is not a command here; use "
		  "set, bind, unbind, color or highlight" },
		{ "include other", "\"include\" is not a command here; use "
		  "set, bind, unbind, color or highlight" },
		{ "set \"x", "unterminated quote" },
		{ "", NULL },
	};
	struct config	 cfg;
	char		*cause;
	size_t		 i;
	int		 rc;

	(void)state;
	config_init(&cfg);
	cfg.path = xstrdup("kept");
	for (i = 0; i < nitems(rows); i++) {
		cause = NULL;
		rc = config_command(&cfg, rows[i].line, &cause);
		if (rows[i].error == NULL && rc != 0)
			fail_msg("row %zu: %s", i, cause);
		if (rows[i].error != NULL) {
			if (rc == 0)
				fail_msg("row %zu: no error", i);
			if (strcmp(cause, rows[i].error) != 0)
				fail_msg("row %zu:\n got %s\nwant %s", i, cause,
				    rows[i].error);
			free(cause);
		}
	}
	assert_int_equal(config_num(&cfg, NULL, SET_PANES), 2);
	assert_int_equal(config_num(&cfg, NULL, SET_MOUSE), 1);
	assert_int_equal(cfg.colors[EL_SELECTED].fg, 1);
	assert_int_equal(cfg.nhighlights, 1);
	assert_string_equal(cfg.highlights[0].filter->text, "title =~ \"rust\"");
	assert_string_equal(cfg.path, "kept");
	config_release(&cfg);
}

/* config/example loads, and each "#set NAME VALUE" line in it shows the
 * default, so uncommenting it changes nothing. */
static void
test_config_example(void **state)
{
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	struct buf		 text = BUF_INIT;
	const struct setting	*s;
	char			*line, *save, *name, *value;
	int64_t			 n;
	char			*cause;
	int			 seen = 0;

	(void)state;
	config_init(&cfg);
	if (config_load("config/example", &cfg, &causes) != 0)
		fail_msg("config/example: %s", causes.v[0]);
	assert_true(cfg.nfeeds >= 5);
	config_release(&cfg);

	slurp("config/example", &text);
	for (line = strtok_r(text.data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "#set ", 5) != 0)
			continue;
		name = strtok(line + 5, " \t");
		value = strtok(NULL, " \t");
		if ((s = config_setting_find(name)) == NULL)
			fail_msg("config/example: no setting %s", name);
		seen++;
		if (s->type == SET_STRING)
			continue;
		if (config_parse_value(s, value, &n, &cause) != 0)
			fail_msg("config/example: %s: %s", name, cause);
		if (n != s->def)
			fail_msg("config/example: %s %s is not the default",
			    name, value);
	}
	assert_int_equal(seen, SET__COUNT);
	buf_release(&text);
}

/* What goes into the dotfile from elsewhere (add, import-opml,
 * import-newsboat) must load back, or every later start would stop on
 * it; and a URL from elsewhere is never a local file. */
static const struct {
	const char	*url;
	const char	*error;		/* NULL: may come in */
} import_urls[] = {
	{ "https://example.org/feed", NULL },
	{ "HTTP://example.org/feed", NULL },
	{ "file:///etc/passwd", "a file: URL is read only when the user "
	  "writes it into the dotfile; not taken from elsewhere" },
	{ "File://localhost/dev/tty", "a file: URL is read only when the "
	  "user writes it into the dotfile; not taken from elsewhere" },
	{ "http://example.org/a b", "\"http://example.org/a b\" is not a "
	  "valid URL" },
	{ "ftp://example.org/", "\"ftp\" URLs are not supported; use http, "
	  "https or file" },
};

static void
test_config_append_only_what_loads(void **state)
{
	static const char good[] = "feed https://a.org/x t \"~T\"\n"
	    "set max-items 5\n";
	static const char bad[] = "feed \"https://a.org/a b\"\n";
	struct buf	 text = BUF_INIT;
	struct stat	 st;
	char		 dir[] = "/tmp/tidings-test-XXXXXX";
	char		*path, *cause, *want;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < nitems(import_urls); i++) {
		cause = NULL;
		rc = config_check_import_url(import_urls[i].url, &cause);
		if (import_urls[i].error == NULL ? rc != 0 :
		    rc != -1 || strcmp(cause, import_urls[i].error) != 0)
			fail_msg("%s: %d \"%s\"", import_urls[i].url, rc,
			    cause);
		free(cause);
	}

	assert_int_equal(config_check_lines(good, strlen(good), &cause), 0);
	assert_int_equal(config_check_lines(bad, strlen(bad), &cause), -1);
	assert_string_equal(cause, "\"https://a.org/a b\" is not a valid "
	    "URL");
	free(cause);

	assert_non_null(mkdtemp(dir));
	xasprintf(&path, "%s/config", dir);
	buf_addstr(&text, "feed https://a.org/x\nfeed \"https://a.org/a b\"\n");
	assert_int_equal(config_append(path, &text, &cause), -1);
	xasprintf(&want, "%s: not written, the lines would not load: "
	    "\"https://a.org/a b\" is not a valid URL", path);
	assert_string_equal(cause, want);
	assert_int_equal(stat(path, &st), -1);
	free(cause);
	free(want);
	buf_reset(&text);
	buf_addstr(&text, "feed https://a.org/x\n");
	assert_int_equal(config_append(path, &text, &cause), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, 21);
	unlink(path);
	rmdir(dir);
	free(path);
	buf_release(&text);
}

static void
test_config_default_path(void **state)
{
	char	*p, *home, *xdg, *want;

	(void)state;
	home = getenv("HOME") != NULL ? xstrdup(getenv("HOME")) : NULL;
	xdg = getenv("XDG_CONFIG_HOME") != NULL ?
	    xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;

	setenv("HOME", "/home/ana", 1);
	setenv("XDG_CONFIG_HOME", "/xdg", 1);
	p = config_default_path();
	assert_string_equal(p, "/xdg/tidings/config");
	free(p);
	setenv("XDG_CONFIG_HOME", "relative/is/ignored", 1);
	p = config_default_path();
	assert_string_equal(p, "/home/ana/.config/tidings/config");
	free(p);
	unsetenv("XDG_CONFIG_HOME");
	p = config_default_path();
	assert_string_equal(p, "/home/ana/.config/tidings/config");
	free(p);

	/* Without HOME, or with a relative one, never the current directory,
	 * where someone may have planted a dotfile: the password
	 * database's home. */
	xasprintf(&want, "%s/.config/tidings/config",
	    getpwuid(getuid())->pw_dir);
	unsetenv("HOME");
	p = config_default_path();
	assert_string_equal(p, want);
	free(p);
	setenv("HOME", "", 1);
	p = config_default_path();
	assert_string_equal(p, want);
	free(p);
	setenv("HOME", ".", 1);
	p = config_default_path();
	assert_string_equal(p, want);
	free(p);
	free(want);

	if (home != NULL)
		setenv("HOME", home, 1);
	if (xdg != NULL)
		setenv("XDG_CONFIG_HOME", xdg, 1);
	free(home);
	free(xdg);
}

/* A snapshot is a copy that nothing changes: ":set" and ":add" on the
 * config leave it as it was (no string of it is freed under a thread that
 * reads it), feeds keep their ids in both, a snapshot of one feed holds
 * that feed alone, and the last reference frees it. */
static void
test_config_snapshot(void **state)
{
	static const char text[] =
	    "set notify-command \"notify first\"\n"
	    "feed http://a.example/feed \"~A\" news < user-agent A/1\n"
	    "feed http://b.example/feed\n";
	struct config			 cfg;
	struct causes			 causes = CAUSES_INIT;
	struct config			*all, *one;
	const struct config_feed	*cf;
	char				*cause = NULL;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load_buffer(text, sizeof text - 1, "t",
	    &cfg, &causes), 0);
	assert_int_equal(cfg.feeds[0].id, 1);
	assert_int_equal(cfg.feeds[1].id, 2);
	all = config_snapshot(&cfg, 0);
	one = config_snapshot(&cfg, 2);
	assert_null(config_snapshot(&cfg, 3));
	assert_null(all->keys);

	assert_int_equal(config_command(&cfg, "set notify-command second",
	    &cause), 0);
	assert_int_equal(config_add_feed(&cfg, "feed http://c.example/feed",
	    &cause), 0);
	assert_int_equal(cfg.feeds[2].id, 3);
	assert_null(config_feed_find(all, 3));
	assert_string_equal(config_str(&cfg, NULL, SET_NOTIFY_COMMAND),
	    "second");
	config_release(&cfg);

	/* The config is gone; the snapshots hold what it was. */
	assert_string_equal(config_str(all, NULL, SET_NOTIFY_COMMAND),
	    "notify first");
	assert_int_equal(all->nfeeds, 2);
	cf = config_feed_find(all, 1);
	assert_non_null(cf);
	assert_string_equal(cf->url, "http://a.example/feed");
	assert_string_equal(cf->title, "A");
	assert_int_equal(cf->ntags, 1);
	assert_string_equal(cf->tags[0], "news");
	assert_string_equal(config_str(all, cf, SET_USER_AGENT), "A/1");
	assert_int_equal(one->nfeeds, 1);
	assert_null(config_feed_find(one, 1));
	cf = config_feed_find(one, 2);
	assert_non_null(cf);
	assert_string_equal(cf->url, "http://b.example/feed");
	assert_string_equal(config_str(one, cf, SET_NOTIFY_COMMAND),
	    "notify first");

	/* Held twice, freed at the second drop (ASan sees a leak or a
	 * double free otherwise). */
	assert_ptr_equal(config_hold(all), all);
	config_drop(all);
	assert_int_equal(config_feed_find(all, 2)->id, 2);
	config_drop(all);
	config_drop(one);
	config_drop(NULL);
	causes_release(&causes);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_config_messages),
		cmocka_unit_test(test_config_feed_source),
		cmocka_unit_test(test_config_sort),
		cmocka_unit_test(test_config_query_tags),
		cmocka_unit_test(test_config_bad_files),
		cmocka_unit_test(test_config_good_file),
		cmocka_unit_test(test_config_defaults),
		cmocka_unit_test(test_config_missing_file),
		cmocka_unit_test(test_config_include_paths),
		cmocka_unit_test(test_config_include_limits),
		cmocka_unit_test(test_config_parse_value),
		cmocka_unit_test(test_config_format_value),
		cmocka_unit_test(test_config_settings_table),
		cmocka_unit_test(test_config_feed_line_round_trip),
		cmocka_unit_test(test_config_feed_line_sanitises),
		cmocka_unit_test(test_config_man_page),
		cmocka_unit_test(test_config_elements),
		cmocka_unit_test(test_config_command),
		cmocka_unit_test(test_config_example),
		cmocka_unit_test(test_config_append_only_what_loads),
		cmocka_unit_test(test_config_default_path),
		cmocka_unit_test(test_config_snapshot),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
