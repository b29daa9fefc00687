/* test_keys.c: key names, the action table, binding and unbinding, the
 * default bindings and their agreement with tidings-config(5). */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "keys.h"
#include "util.h"

/* Key names: each parses to code, and code prints back as name (or as
 * canon when name is an alias). A code of -1 means the name must fail
 * with the error given. */
static const struct {
	const char	*name;
	int		 code;
	const char	*canon;		/* NULL: name itself */
	const char	*error;
} names[] = {
	{ "j", 'j', NULL, NULL },
	{ "J", 'J', NULL, NULL },
	{ "?", '?', NULL, NULL },
	{ "-", '-', NULL, NULL },
	{ ":", ':', NULL, NULL },
	{ "\xc3\xa9", 0xe9, NULL, NULL },
	{ "\xe6\x97\xa5", 0x65e5, NULL, NULL },
	{ "Enter", KEYS_ENTER, NULL, NULL },
	{ "enter", KEYS_ENTER, "Enter", NULL },
	{ "Return", KEYS_ENTER, "Enter", NULL },
	{ "C-m", KEYS_ENTER, "Enter", NULL },
	{ "Tab", KEYS_TAB, NULL, NULL },
	{ "C-i", KEYS_TAB, "Tab", NULL },
	{ "BTab", KEYS_BTAB, NULL, NULL },
	{ "S-Tab", KEYS_BTAB, "BTab", NULL },
	{ "Space", ' ', NULL, NULL },
	{ "SPACE", ' ', "Space", NULL },
	{ "Escape", KEYS_ESCAPE, NULL, NULL },
	{ "Esc", KEYS_ESCAPE, "Escape", NULL },
	{ "C-[", KEYS_ESCAPE, "Escape", NULL },
	{ "BSpace", KEYS_BSPACE, NULL, NULL },
	{ "Backspace", KEYS_BSPACE, "BSpace", NULL },
	{ "C-?", KEYS_BSPACE, "BSpace", NULL },
	{ "Up", KEYS_UP, NULL, NULL },
	{ "Down", KEYS_DOWN, NULL, NULL },
	{ "Left", KEYS_LEFT, NULL, NULL },
	{ "Right", KEYS_RIGHT, NULL, NULL },
	{ "Home", KEYS_HOME, NULL, NULL },
	{ "End", KEYS_END, NULL, NULL },
	{ "PageDown", KEYS_NPAGE, NULL, NULL },
	{ "PgDn", KEYS_NPAGE, "PageDown", NULL },
	{ "NPage", KEYS_NPAGE, "PageDown", NULL },
	{ "pagedown", KEYS_NPAGE, "PageDown", NULL },
	{ "PageUp", KEYS_PPAGE, NULL, NULL },
	{ "PgUp", KEYS_PPAGE, "PageUp", NULL },
	{ "PPage", KEYS_PPAGE, "PageUp", NULL },
	{ "IC", KEYS_IC, NULL, NULL },
	{ "Insert", KEYS_IC, "IC", NULL },
	{ "DC", KEYS_DC, NULL, NULL },
	{ "Delete", KEYS_DC, "DC", NULL },
	{ "F1", KEYS_F1, NULL, NULL },
	{ "F5", KEYS_F1 + 4, NULL, NULL },
	{ "F12", KEYS_F12, NULL, NULL },
	{ "f12", KEYS_F12, "F12", NULL },
	{ "C-r", 0x12, NULL, NULL },
	{ "C-R", 0x12, "C-r", NULL },
	{ "c-r", 0x12, "C-r", NULL },
	{ "C-Space", 0, NULL, NULL },
	{ "C-@", 0, "C-Space", NULL },
	{ "C-\\", 0x1c, NULL, NULL },
	{ "C-_", 0x1f, NULL, NULL },
	{ "M-x", 'x' | KEYS_META, NULL, NULL },
	{ "m-x", 'x' | KEYS_META, "M-x", NULL },
	{ "M-X", 'X' | KEYS_META, NULL, NULL },
	{ "M-Enter", KEYS_ENTER | KEYS_META, NULL, NULL },
	{ "M-Up", KEYS_UP | KEYS_META, NULL, NULL },
	{ "M-F5", (KEYS_F1 + 4) | KEYS_META, NULL, NULL },
	{ "C-M-a", 0x01 | KEYS_META, "M-C-a", NULL },
	{ "M-C-a", 0x01 | KEYS_META, NULL, NULL },
	{ "M--", '-' | KEYS_META, NULL, NULL },
	{ "C", 'C', NULL, NULL },
	{ "M", 'M', NULL, NULL },

	{ "", -1, NULL, "\"\" is not a key" },
	{ "jj", -1, NULL, "\"jj\" is not a key" },
	{ "C-", -1, NULL, "\"C-\" is not a key" },
	{ "M-", -1, NULL, "\"M-\" is not a key" },
	{ "F13", -1, NULL, "\"F13\" is not a key; did you mean \"F1\"?" },
	{ "F0", -1, NULL, "\"F0\" is not a key; did you mean \"F1\"?" },
	{ "PgDwn", -1, NULL,
	  "\"PgDwn\" is not a key; did you mean \"PgDn\"?" },
	{ "Entr", -1, NULL, "\"Entr\" is not a key; did you mean \"Enter\"?" },
	{ "C-Up", -1, NULL, "\"C-Up\" is not a key a terminal can send" },
	{ "C-Enter", -1, NULL, "\"C-Enter\" is not a key a terminal can send" },
	{ "C-1", -1, NULL, "\"C-1\" is not a key a terminal can send" },
	{ " ", -1, NULL, "\" \" is not a key; did you mean \"Space\"?" },
	/* Other programs' ways of writing Ctrl and Alt. */
	{ "Ctrl-r", -1, NULL, "\"Ctrl-r\" is written C-r here" },
	{ "ctrl+R", -1, NULL, "\"ctrl+R\" is written C-r here" },
	{ "Control-Space", -1, NULL,
	  "\"Control-Space\" is written C-Space here" },
	{ "^R", -1, NULL, "\"^R\" is written C-r here" },
	{ "Alt-x", -1, NULL, "\"Alt-x\" is written M-x here" },
	{ "Meta-Enter", -1, NULL, "\"Meta-Enter\" is written M-Enter here" },
	{ "^", '^', NULL, NULL },
	{ "Ctrl-Up", -1, NULL, "\"Ctrl-Up\" is not a key" },
	{ "\xe2\x80\xae", -1, NULL, "\"\xef\xbf\xbd\" is not a key" },
	{ "\xc2\x9b", -1, NULL, "\"\xef\xbf\xbd\" is not a key" },
	{ "\xff", -1, NULL, "\"\xef\xbf\xbd\" is not a key" },
};

static void
test_keys_names(void **state)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	char		*cause;
	int		 key, rc;

	(void)state;
	for (i = 0; i < nitems(names); i++) {
		cause = NULL;
		key = -2;
		rc = keys_parse(names[i].name, &key, &cause);
		if (names[i].code == -1) {
			if (rc != -1)
				fail_msg("row %zu \"%s\" parsed as %#x", i,
				    names[i].name, key);
			if (strcmp(cause, names[i].error) != 0)
				fail_msg("row %zu \"%s\":\n got %s\nwant %s", i,
				    names[i].name, cause, names[i].error);
			free(cause);
			continue;
		}
		if (rc != 0)
			fail_msg("row %zu \"%s\": %s", i, names[i].name, cause);
		if (key != names[i].code)
			fail_msg("row %zu \"%s\": got %#x, want %#x", i,
			    names[i].name, key, names[i].code);
		buf_reset(&b);
		keys_name(&b, key);
		if (strcmp(b.data, names[i].canon != NULL ? names[i].canon :
		    names[i].name) != 0)
			fail_msg("row %zu \"%s\" prints as \"%s\"", i,
			    names[i].name, b.data);
	}
	buf_release(&b);
}

/* Every canonical name of every code the UI can produce reads back. */
static void
test_keys_round_trip(void **state)
{
	struct buf	 b = BUF_INIT;
	char		*cause;
	int		 code, key, meta;

	(void)state;
	for (meta = 0; meta < 2; meta++) {
		for (code = 0; code < 0x300; code++) {
			if ((code > ' ' && code < 0x7f) || code >= 0xa0 ||
			    code < 0x20 || code == 0x7f || code == ' ') {
				buf_reset(&b);
				keys_name(&b, code | (meta ? KEYS_META : 0));
				if (keys_parse(b.data, &key, &cause) != 0)
					fail_msg("%#x: %s", code, cause);
				assert_int_equal(key,
				    code | (meta ? KEYS_META : 0));
			}
		}
		for (code = KEYS_UP; code <= KEYS_F12; code++) {
			buf_reset(&b);
			keys_name(&b, code | (meta ? KEYS_META : 0));
			if (keys_parse(b.data, &key, &cause) != 0)
				fail_msg("%#x: %s", code, cause);
			assert_int_equal(key, code | (meta ? KEYS_META : 0));
		}
	}
	buf_release(&b);
}

/* Binding, rebinding, unbinding and the fall back to the global table. */
static void
test_keys_bind_unbind(void **state)
{
	struct keys	*k;
	char		*cause = NULL;
	size_t		 n;

	(void)state;
	k = keys_new();
	assert_int_equal(keys_lookup(k, KEYS_ITEMS, 'x'), ACT_NONE);
	assert_int_equal(keys_bind(k, "global", "x", "quit", &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ITEMS, 'x'), ACT_QUIT);
	assert_int_equal(keys_lookup(k, KEYS_GLOBAL, 'x'), ACT_QUIT);
	assert_int_equal(keys_bind(k, "items", "x", "toggle-read", &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ITEMS, 'x'), ACT_TOGGLE_READ);
	assert_int_equal(keys_lookup(k, KEYS_FEEDS, 'x'), ACT_QUIT);
	/* A second bind replaces the first. */
	assert_int_equal(keys_bind(k, "items", "x", "toggle-star", &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ITEMS, 'x'), ACT_TOGGLE_STAR);
	keys_bindings(k, KEYS_ITEMS, &n);
	assert_int_equal(n, 1);
	/* Unbinding uncovers the global binding; unbinding twice is fine. */
	assert_int_equal(keys_unbind(k, "items", "x", &cause), 0);
	assert_int_equal(keys_unbind(k, "items", "x", &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ITEMS, 'x'), ACT_QUIT);
	assert_int_equal(keys_bind(k, "global", "C-r", "refresh", &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ARTICLE, 0x12), ACT_REFRESH);
	assert_int_equal(keys_bind(k, "article", "M-PgDn", "page-down",
	    &cause), 0);
	assert_int_equal(keys_lookup(k, KEYS_ARTICLE, KEYS_NPAGE | KEYS_META),
	    ACT_PAGE_DOWN);

	assert_int_equal(keys_bind(k, "feeds", "x", "toggle-star", &cause),
	    -1);
	assert_string_equal(cause, "toggle-star does nothing in the feeds "
	    "pane; bind it in the global table or another pane");
	free(cause);
	assert_int_equal(keys_bind(k, "item", "x", "quit", &cause), -1);
	assert_string_equal(cause, "unknown key table \"item\"; it is "
	    "global, feeds, items, article, downloads or macro");
	free(cause);
	assert_int_equal(keys_bind(k, "items", "x", "qit", &cause), -1);
	assert_string_equal(cause, "unknown action \"qit\"; did you mean "
	    "\"quit\"?");
	free(cause);
	assert_int_equal(keys_unbind(k, "items", "F99", &cause), -1);
	assert_string_equal(cause, "\"F99\" is not a key; did you mean "
	    "\"F9\"?");
	free(cause);
	keys_free(k);
}

/* The action table is complete, and each action finds itself. */
static void
test_keys_actions(void **state)
{
	const struct keys_action_info	*a;
	size_t				 i, n;

	(void)state;
	a = keys_actions(&n);
	assert_int_equal(n, ACT__COUNT - 1);
	for (i = 0; i < n; i++) {
		if (a[i].name == NULL || a[i].text == NULL ||
		    (a[i].tables & (KEYS_PANES |
		    KEYS_IN(KEYS_DOWNLOADS))) == 0 ||
		    a[i].id != (enum keys_action)(i + 1))
			fail_msg("actions[%zu] is incomplete", i);
		assert_ptr_equal(keys_action_find(a[i].name), &a[i]);
		assert_ptr_equal(keys_action_info(a[i].id), &a[i]);
	}
	assert_null(keys_action_find("no-such-action"));
	assert_null(keys_action_info(ACT_NONE));
	assert_int_equal(keys_table_find("global"), KEYS_GLOBAL);
	assert_int_equal(keys_table_find("article"), KEYS_ARTICLE);
	assert_int_equal(keys_table_find("Article"), -1);
}

/* The defaults parse (config_init() would die otherwise), each one on
 * its own as a dotfile line too, and they give the keys the man page
 * promises. */
static void
test_keys_defaults(void **state)
{
	static const struct {
		enum keys_table	 t;
		int		 key;
		enum keys_action a;
	} want[] = {
		{ KEYS_FEEDS, 'q', ACT_QUIT },
		{ KEYS_ITEMS, 'q', ACT_BACK },
		{ KEYS_ARTICLE, 'q', ACT_BACK },
		{ KEYS_FEEDS, 'j', ACT_NEXT },
		{ KEYS_ARTICLE, KEYS_DOWN, ACT_NEXT },
		{ KEYS_ITEMS, KEYS_ENTER, ACT_OPEN },
		{ KEYS_ITEMS, KEYS_NPAGE, ACT_PAGE_DOWN },
		{ KEYS_ITEMS, '/', ACT_SEARCH },
		{ KEYS_ITEMS, 'N', ACT_TOGGLE_READ },
		{ KEYS_ITEMS, 's', ACT_TOGGLE_STAR },
		{ KEYS_ITEMS, 'u', ACT_UNDO },
		{ KEYS_FEEDS, '?', ACT_HELP },
		{ KEYS_FEEDS, 0x0c, ACT_REDRAW },
		{ KEYS_FEEDS, KEYS_F1 + 4, ACT_REFRESH_ALL },
		{ KEYS_FEEDS, 'x', ACT_NONE },
		/* The downloads view: podboat's keys, the motions of every
		 * pane, q closes it. */
		{ KEYS_DOWNLOADS, 'c', ACT_CANCEL_DOWNLOAD },
		{ KEYS_DOWNLOADS, 'r', ACT_RETRY_DOWNLOAD },
		{ KEYS_DOWNLOADS, 'x', ACT_REMOVE_DOWNLOAD },
		{ KEYS_DOWNLOADS, KEYS_DC, ACT_REMOVE_DOWNLOAD },
		{ KEYS_DOWNLOADS, KEYS_ENTER, ACT_PLAY_DOWNLOAD },
		{ KEYS_DOWNLOADS, 'j', ACT_NEXT },
		{ KEYS_DOWNLOADS, 'q', ACT_BACK },
		{ KEYS_DOWNLOADS, 'D', ACT_DOWNLOADS },
		{ KEYS_ITEMS, 'c', ACT_NONE },
	};
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	const char *const	*lines;
	size_t			 i, n;

	(void)state;
	lines = keys_defaults(&n);
	assert_true(n > 20);
	for (i = 0; i < n; i++) {
		config_init(&cfg);
		if (config_load_buffer(lines[i], strlen(lines[i]), "t", &cfg,
		    &causes) != 0)
			fail_msg("%s: %s", lines[i], causes.v[0]);
		config_release(&cfg);
	}
	config_init(&cfg);
	for (i = 0; i < nitems(want); i++)
		if (keys_lookup(cfg.keys, want[i].t, want[i].key) != want[i].a)
			fail_msg("want[%zu]: key %#x", i, want[i].key);
	config_release(&cfg);
}

/* A user's bind and unbind lines change the defaults. */
static void
test_keys_config(void **state)
{
	static const char	 text[] = "bind items x toggle-read\n"
	    "unbind items N\nbind global C-r refresh\n";
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;

	(void)state;
	config_init(&cfg);
	assert_int_equal(config_load_buffer(text, strlen(text), "t", &cfg,
	    &causes), 0);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_ITEMS, 'x'),
	    ACT_TOGGLE_READ);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_ITEMS, 'N'), ACT_NONE);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_ARTICLE, 'N'),
	    ACT_TOGGLE_READ);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_FEEDS, 0x12), ACT_REFRESH);
	config_release(&cfg);

	/* The downloads view's actions bind there (or globally), not in a
	 * pane; its table takes the motions too. */
	config_init(&cfg);
	assert_int_equal(config_load_buffer("bind downloads k cancel-download\n"
	    "bind downloads C-d remove-download\nunbind downloads c\n"
	    "bind downloads J next\nbind global F9 retry-download\n",
	    strlen("bind downloads k cancel-download\n"
	    "bind downloads C-d remove-download\nunbind downloads c\n"
	    "bind downloads J next\nbind global F9 retry-download\n"), "t",
	    &cfg, &causes), 0);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_DOWNLOADS, 'k'),
	    ACT_CANCEL_DOWNLOAD);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_DOWNLOADS, 0x04),
	    ACT_REMOVE_DOWNLOAD);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_DOWNLOADS, 'c'), ACT_NONE);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_DOWNLOADS, 'J'), ACT_NEXT);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_DOWNLOADS, KEYS_F1 + 8),
	    ACT_RETRY_DOWNLOAD);
	assert_int_equal(keys_lookup(cfg.keys, KEYS_ITEMS, 'k'), ACT_PREV);
	config_release(&cfg);
	config_init(&cfg);
	assert_int_equal(config_load_buffer("bind items c cancel-download\n"
	    "bind downloads z toggle-read\n", strlen("bind items c "
	    "cancel-download\nbind downloads z toggle-read\n"), "t", &cfg,
	    &causes), -1);
	assert_int_equal(causes.n, 2);
	assert_string_equal(causes.v[0], "t:1: cancel-download does nothing "
	    "in the items pane; bind it in the global table or the downloads "
	    "table");
	assert_string_equal(causes.v[1], "t:2: toggle-read does nothing in "
	    "the downloads view; bind it in the global table or another "
	    "pane");
	config_release(&cfg);
	causes_release(&causes);
}

/* bind with arguments: exec's and pipe-to's commands are kept word for
 * word, a macro's steps one each, and every mistake in them is the
 * line's ("config:LINE: ..."). */
static void
test_keys_args(void **state)
{
	static const struct {
		const char	*line;
		const char	*error;		/* NULL: it binds */
		enum keys_action act;
		const char	*args;		/* the words, '|' between */
	} rows[] = {
		{ "bind items m exec mpv %e", NULL, ACT_EXEC, "mpv|%e" },
		{ "bind items m exec -w less \"%t here\" 100%%", NULL, ACT_EXEC,
		  "-w|less|%t here|100%%" },
		{ "bind items m exec", NULL, ACT_EXEC, "" },
		{ "bind article m pipe-to urlview", NULL, ACT_PIPE_TO,
		  "urlview" },
		{ "bind items , \"set panes 1; next-unread\"", NULL, ACT_MACRO,
		  "set panes 1|next-unread" },
		{ "bind items , macro \"set browser 'mpv %u'; open-browser\" "
		  "toggle-read", NULL, ACT_MACRO,
		  "set browser 'mpv %u'|open-browser|toggle-read" },
		{ "bind items , \"set panes 1;; ; exec -w less %u ;\"", NULL,
		  ACT_MACRO, "set panes 1|exec -w less %u" },
		{ "bind items m exec mpv %x", "t:1: exec: %x in \"%x\" is not "
		  "a placeholder", ACT_NONE, NULL },
		{ "bind items m exec -x mpv", "t:1: exec: unknown option \"-x\"",
		  ACT_NONE, NULL },
		{ "bind items m pipe-to -w less", "t:1: pipe-to: unknown option "
		  "\"-w\"", ACT_NONE, NULL },
		{ "bind items m exec -w", "t:1: exec: which command?", ACT_NONE,
		  NULL },
		{ "bind items m next extra", "t:1: next takes no arguments",
		  ACT_NONE, NULL },
		{ "bind items , \"set panes 9; next\"", "t:1: panes: \"9\" is "
		  "out of range", ACT_NONE, NULL },
		{ "bind items , \"set no-such 1\"", "t:1: unknown setting "
		  "\"no-such\"", ACT_NONE, NULL },
		{ "bind items , \"set panes\"", "t:1: macro step \"set panes\": "
		  "usage: set NAME VALUE", ACT_NONE, NULL },
		{ "bind items , \"next; frobnicate\"", "t:1: macro step "
		  "\"frobnicate\": unknown action \"frobnicate\"", ACT_NONE,
		  NULL },
		{ "bind items , \"next; reload-all\"", "t:1: unknown action "
		  "\"reload-all\": newsboat's reload-all is the action "
		  "refresh-all here", ACT_NONE, NULL },
		{ "bind items , \"next 3; prev\"", "t:1: macro step \"next 3\": "
		  "next takes no arguments", ACT_NONE, NULL },
		{ "bind items , macro \"macro next\"", "t:1: a macro cannot run "
		  "a macro", ACT_NONE, NULL },
		{ "bind items , \"exec mpv %z\"", "t:1: exec: %z in", ACT_NONE,
		  NULL },
		{ "bind items , macro", "t:1: macro: which steps?", ACT_NONE,
		  NULL },
		{ "bind feeds w save", "t:1: save does nothing in the feeds "
		  "pane", ACT_NONE, NULL },
	};
	const struct keys_binding	*b;
	struct config			 cfg;
	struct causes			 causes = CAUSES_INIT;
	struct buf			 got = BUF_INIT;
	size_t				 i, j;
	int				 key, rc;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		config_init(&cfg);
		rc = config_load_buffer(rows[i].line, strlen(rows[i].line),
		    "t", &cfg, &causes);
		if (rows[i].error != NULL) {
			if (rc == 0)
				failf("rows[%zu]: no error", i);
			if (strncmp(causes.v[0], rows[i].error,
			    strlen(rows[i].error)) != 0)
				failf("rows[%zu]: %s", i, causes.v[0]);
			causes_release(&causes);
			config_release(&cfg);
			continue;
		}
		if (rc != 0)
			failf("rows[%zu]: %s", i, causes.v[0]);
		key = strchr(rows[i].line + 11, ',') != NULL ? ',' : 'm';
		b = keys_find(cfg.keys, strncmp(rows[i].line, "bind items",
		    10) == 0 ? KEYS_ITEMS : KEYS_ARTICLE, key);
		if (b == NULL || b->action != rows[i].act)
			failf("rows[%zu]: action", i);
		buf_reset(&got);
		for (j = 0; j < b->nargs; j++)
			buf_addf(&got, "%s%s", j > 0 ? "|" : "", b->args[j]);
		if (strcmp(got.data, rows[i].args) != 0)
			failf("rows[%zu]: \"%s\"", i, got.data);
		config_release(&cfg);
	}
	buf_release(&got);
}

/* tidings-config(5) has an ".It Ic NAME" entry for each action, in its
 * ACTIONS section, and names every key table. */
static void
test_keys_man_page(void **state)
{
	const struct keys_action_info	*a;
	struct buf			 man = BUF_INIT;
	size_t				 i, n;
	const char			*sec, *end;
	char				*item, *part, *part2;

	(void)state;
	slurp("man/tidings-config.5", &man);
	if ((sec = strstr(man.data, "\n.Sh ACTIONS\n")) == NULL)
		fail_msg("man/tidings-config.5 has no ACTIONS section");
	if ((end = strstr(sec + 1, "\n.Sh ")) == NULL)
		end = man.data + man.len;
	part = xstrndup(sec, (size_t)(end - sec));
	a = keys_actions(&n);
	for (i = 0; i < n; i++) {
		xasprintf(&item, "\n.It Ic %s\n", a[i].name);
		if (strstr(part, item) == NULL)
			fail_msg("man/tidings-config.5 lacks \"%s\" under "
			    "ACTIONS", item + 1);
		free(item);
	}
	for (i = 0; i < KEYS__TABLES; i++) {
		xasprintf(&item, "Cm %s", keys_table_name(i));
		xasprintf(&part2, ", %s\n", keys_table_name(i));
		if (strstr(man.data, item) == NULL &&
		    strstr(man.data, part2) == NULL)
			fail_msg("man/tidings-config.5 lacks the table \"%s\"",
			    keys_table_name(i));
		free(item);
		free(part2);
	}
	free(part);
	buf_release(&man);
}

/* Each default binding shows in its action's entry of tidings-config(5),
 * under its table: "Keys:" for the global table, "In the items pane:",
 * "In the downloads view:" and so on, on the .Cm line that follows. */
static void
test_keys_man_defaults(void **state)
{
	static const struct {
		const char	*table, *lead;
	} leads[] = {
		{ "global", "\nKeys:\n" },
		{ "global", "\nKey:\n" },
		{ "feeds", "\nIn the feeds pane:\n" },
		{ "items", "\nIn the items pane:\n" },
		{ "article", "\nIn the article:\n" },
		{ "downloads", "\nIn the downloads view:\n" },
	};
	struct buf		 man = BUF_INIT;
	const char *const	*lines;
	const char		*entry, *end, *lead, *cm, *eol, *l;
	char			 table[16], key[32], act[64], *item, *line;
	char			*amp;
	size_t			 i, j, n, bad = 0;

	(void)state;
	slurp("man/tidings-config.5", &man);
	lines = keys_defaults(&n);
	for (i = 0; i < n; i++) {
		if (sscanf(lines[i], "bind %15s %31s %63s", table, key,
		    act) != 3)
			fail_msg("%s: not a bind line", lines[i]);
		if (strcmp(table, "macro") == 0 || strcmp(key, ",") == 0)
			continue;
		xasprintf(&item, "\n.It Ic %s\n", act);
		if ((entry = strstr(man.data, item)) == NULL)
			fail_msg("no entry %s", item + 1);
		free(item);
		entry++;
		if ((end = strstr(entry, "\n.It ")) == NULL)
			end = man.data + man.len;
		/* A pane's key may be named under "Key:" with its pane
		 * in words, as filter's is. */
		line = NULL;
		for (j = 0; j < 2 * nitems(leads) && line == NULL; j++) {
			if (j < nitems(leads) ?
			    strcmp(leads[j].table, table) != 0 :
			    strcmp(leads[j - nitems(leads)].table,
			    "global") != 0)
				continue;
			l = leads[j % nitems(leads)].lead;
			if ((lead = strstr(entry, l)) == NULL || lead > end)
				continue;
			cm = lead + strlen(l);
			eol = strchr(cm, '\n');
			xasprintf(&line, " %.*s ", (int)(eol - cm), cm);
			/* mdoc's "\\&" before a key that is punctuation. */
			while ((amp = strstr(line, "\\&")) != NULL)
				memmove(amp, amp + 2, strlen(amp + 2) + 1);
		}
		xasprintf(&item, " %s ", key);
		if (line == NULL || strstr(line, item) == NULL) {
			print_message("%s: not in its entry of "
			    "tidings-config(5) (%s)\n", lines[i],
			    line != NULL ? line : "no such lead");
			bad++;
		}
		free(item);
		free(line);
	}
	buf_release(&man);
	assert_int_equal(bad, 0);
}

/* Whether s holds w followed by a blank or the end of a line. */
static int
test_keys_has_word(const char *s, const char *w)
{
	size_t	 n = strlen(w);

	while ((s = strstr(s, w)) != NULL) {
		if (s[n] == ' ' || s[n] == '\n')
			return (1);
		s++;
	}
	return (0);
}

/* tidings-config(5) names every special key in its KEYS section by the
 * name keys_name() gives it. */
static void
test_keys_man_key_names(void **state)
{
	static const int extra[] = { KEYS_ENTER, KEYS_TAB, KEYS_ESCAPE,
	    KEYS_BSPACE, KEYS_SPACE };
	struct buf	 man = BUF_INIT, name = BUF_INIT;
	const char	*sec, *end;
	char		*part, *a, *b;
	size_t		 i;
	int		 key;

	(void)state;
	slurp("man/tidings-config.5", &man);
	if ((sec = strstr(man.data, "\n.Sh KEYS\n")) == NULL)
		fail_msg("man/tidings-config.5 has no KEYS section");
	if ((end = strstr(sec + 1, "\n.Sh ")) == NULL)
		end = man.data + man.len;
	part = xstrndup(sec, (size_t)(end - sec));
	for (i = 0; i < nitems(extra) + (KEYS_F1 - KEYS_UP) + 2; i++) {
		if (i < nitems(extra))
			key = extra[i];
		else if (i - nitems(extra) <= (size_t)(KEYS_F1 - KEYS_UP))
			key = KEYS_UP + (int)(i - nitems(extra));
		else
			key = KEYS_F12;
		buf_reset(&name);
		keys_name(&name, key);
		/* ".It Cm Up , Down" or "Cm Tab" ending the line. */
		xasprintf(&a, "Cm %s", name.data);
		xasprintf(&b, ", %s", name.data);
		if (!test_keys_has_word(part, a) &&
		    !test_keys_has_word(part, b) && name.data[0] != 'F')
			fail_msg("the KEYS section lacks the key \"%s\"",
			    name.data);
		if (name.data[0] == 'F' && strstr(part, "Cm F1 No to Cm F12") ==
		    NULL)
			fail_msg("the KEYS section lacks F1 to F12");
		free(a);
		free(b);
	}
	free(part);
	buf_release(&name);
	buf_release(&man);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_names),
		cmocka_unit_test(test_keys_round_trip),
		cmocka_unit_test(test_keys_bind_unbind),
		cmocka_unit_test(test_keys_actions),
		cmocka_unit_test(test_keys_defaults),
		cmocka_unit_test(test_keys_config),
		cmocka_unit_test(test_keys_args),
		cmocka_unit_test(test_keys_man_page),
		cmocka_unit_test(test_keys_man_key_names),
		cmocka_unit_test(test_keys_man_defaults),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
