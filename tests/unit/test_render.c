/* test_render.c: wrapping, lists, quotes, tables, links and the gate. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "render.h"
#include "util.h"

#define FIXTURES	"tests/fixtures/html/"

/* Render an HTML fragment at width columns into plain text. */
static char *
plain(const char *html, int width, int max_width, int centre)
{
	struct render_opts	 o = { width, max_width, centre };
	struct render		 r = RENDER_INIT;
	struct buf		 b = BUF_INIT;

	render_html(html, strlen(html), "https://example.org/dir/", &o, &r);
	render_text(&r, &b);
	render_release(&r);
	return (buf_detach(&b, NULL));
}

/* Check every line of a rendering against its width and its spans. */
static void
check_lines(const char *name, const struct render *r, int width)
{
	const struct render_line	*l;
	size_t				 i, k, off;

	for (i = 0; i < r->n; i++) {
		l = &r->lines[i];
		if (l->cols != render_cols(l->text, l->len))
			failf("%s: line %zu: cols %zu, measured %zu", name, i,
			    l->cols, render_cols(l->text, l->len));
		if (!(l->attr & RENDER_CODE) && l->cols > (size_t)width)
			failf("%s: line %zu is %zu columns, more than %d: %s",
			    name, i, l->cols, width, l->text);
		for (k = 0, off = 0; k < l->nspans; k++) {
			if (l->spans[k].off != off)
				failf("%s: line %zu: span %zu starts at %zu, "
				    "not %zu", name, i, k, l->spans[k].off, off);
			off += l->spans[k].len;
		}
		if (off != l->len)
			failf("%s: line %zu: spans cover %zu of %zu bytes",
			    name, i, off, l->len);
	}
}

static void
test_render_width(void **state)
{
	static const struct {
		uint32_t	 cp;
		int		 width;
	} cases[] = {
		{ 'a', 1 }, { ' ', 1 }, { 0xe9, 1 }, { 0x0301, 0 },
		{ 0x200b, 0 }, { 0x200d, 0 }, { 0xfe0f, 0 }, { 0x4e2d, 2 },
		{ 0x3042, 2 }, { 0xac00, 2 }, { 0xff21, 2 }, { 0x1f600, 2 },
		{ 0x1f44d, 2 }, { 0x2764, 1 }, { 0x0e31, 0 }, { 0x1b, -1 },
		{ 0x9b, -1 }, { 0x7f, -1 }, { 0xfffd, 1 }, { 0x20000, 2 },
	};
	static const struct {
		const char	*s;
		size_t		 cols;
	} strings[] = {
		{ "abc", 3 },
		{ "e\xcc\x81t\xc3\xa9", 3 },			/* é two ways */
		{ "\xe4\xb8\xad\xe6\x96\x87", 4 },		/* 中文 */
		{ "\xf0\x9f\x98\x80!", 3 },			/* 😀! */
		{ "\xff", 1 },					/* bad byte */
		{ "", 0 },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++)
		if (render_width(cases[i].cp) != cases[i].width)
			failf("U+%04X: width %d, want %d", (unsigned)cases[i].cp,
			    render_width(cases[i].cp), cases[i].width);
	for (i = 0; i < nitems(strings); i++)
		if (render_cols(strings[i].s, strlen(strings[i].s)) !=
		    strings[i].cols)
			failf("\"%s\": %zu columns, want %zu", strings[i].s,
			    render_cols(strings[i].s, strlen(strings[i].s)),
			    strings[i].cols);
}

/* A prefix that fits a number of columns never cuts a character. */
static void
test_render_fit(void **state)
{
	static const struct {
		const char	*s;
		size_t		 cols;
		size_t		 want;		/* bytes */
	} cases[] = {
		{ "abc", 2, 2 },
		{ "abc", 9, 3 },
		{ "\xc3\xa9t\xc3\xa9", 1, 2 },		/* été */
		{ "\xc3\xa9t\xc3\xa9", 2, 3 },
		{ "\xe4\xb8\xad\xe6\x96\x87", 3, 3 },	/* 中文: not half */
		{ "\xe4\xb8\xad\xe6\x96\x87", 1, 0 },
		{ "e\xcc\x81x", 1, 3 },		/* e + acute stay */
		{ "\xf0\x9f\x98\x80!", 2, 4 },	/* 😀! */
		{ "a\xff", 1, 1 },
		{ "", 5, 0 },
	};
	size_t	 i, got;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = render_fit(cases[i].s, strlen(cases[i].s), cases[i].cols);
		if (got != cases[i].want)
			failf("case %zu: %zu bytes fit %zu columns, want %zu",
			    i, got, cases[i].cols, cases[i].want);
	}
}

/* Wrapping at several widths, in several scripts. */
static void
test_render_wrap(void **state)
{
	static const struct {
		const char	*name;
		const char	*html;
		int		 width;
		const char	*want;
	} cases[] = {
		{ "words at 20",
		  "<p>The quick brown fox jumps over the lazy dog again and "
		  "again.</p>", 20,
		  "The quick brown fox\njumps over the lazy\ndog again and "
		  "again.\n" },
		{ "words at 30",
		  "<p>The quick brown fox jumps over the lazy dog again and "
		  "again.</p>", 30,
		  "The quick brown fox jumps over\nthe lazy dog again and "
		  "again.\n" },
		{ "a word longer than the line is cut",
		  "<p>see https://example.org/a/very/long/path/name now</p>",
		  16,
		  "see\nhttps://example.\norg/a/very/long/\npath/name now\n" },
		{ "CJK breaks between characters, never before a full stop",
		  "<p>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96"
		  "\x87\xe7\xab\xa0\xe3\x81\xaf\xe7\xa9\xba\xe7\x99\xbd\xe3\x81"
		  "\x8c\xe3\x81\xaa\xe3\x81\x84\xe3\x80\x82\xe6\xac\xa1\xe3\x81"
		  "\xae\xe6\x96\x87\xe3\x80\x82</p>", 16,
		  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87"
		  "\xe7\xab\xa0\xe3\x81\xaf\xe7\xa9\xba\n\xe7\x99\xbd\xe3\x81"
		  "\x8c\xe3\x81\xaa\xe3\x81\x84\xe3\x80\x82\xe6\xac\xa1\xe3\x81"
		  "\xae\n\xe6\x96\x87\xe3\x80\x82\n" },
		{ "emoji are two columns",
		  "<p>\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f"
		  "\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0"
		  "\x9f\x98\x80\xf0\x9f\x98\x80 ok</p>", 16,
		  "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98"
		  "\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f"
		  "\x98\x80\n\xf0\x9f\x98\x80 ok\n" },
		{ "combining marks stay with their letter",
		  "<p>aaaaaaaaaaaaaaae\xcc\x81\xcc\x81 b</p>", 16,
		  "aaaaaaaaaaaaaaae\xcc\x81\xcc\x81\nb\n" },
		{ "a line break is kept",
		  "<p>first line<br>second line</p>", 40,
		  "first line\nsecond line\n" },
		{ "paragraphs apart, headings underlined",
		  "<h2>Title here</h2><p>One.</p><p>Two.</p>", 40,
		  "Title here\n----------\n\nOne.\n\nTwo.\n" },
	};
	struct render_opts	 o;
	struct render		 r = RENDER_INIT;
	char			*got;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = plain(cases[i].html, cases[i].width, 0, 0);
		if (strcmp(got, cases[i].want) != 0)
			failf("%s: got\n%s\nwant\n%s", cases[i].name, got,
			    cases[i].want);
		free(got);
		o.width = cases[i].width;
		o.max_width = 0;
		o.centre = 0;
		render_html(cases[i].html, strlen(cases[i].html), NULL, &o,
		    &r);
		check_lines(cases[i].name, &r, cases[i].width);
		render_release(&r);
	}
}

/* Lists, quotes, preformatted text, tables, images and links. */
static void
test_render_blocks(void **state)
{
	static const struct {
		const char	*name;
		const char	*html;
		int		 width;
		const char	*want;
	} cases[] = {
		{ "unordered list with hanging indent",
		  "<ul><li>short</li><li>a longer item that has to wrap onto "
		  "a second line</li></ul>", 30,
		  "\xe2\x80\xa2 short\n\xe2\x80\xa2 a longer item that has to\n"
		  "  wrap onto a second line\n" },
		{ "ordered list, numbers aligned, nested list",
		  "<ol start=9><li>nine</li><li>ten<ul><li>inner</li></ul>"
		  "</li></ol>", 30,
		  " 9. nine\n10. ten\n    \xe2\x97\xa6 inner\n" },
		{ "quote with a bar on every line",
		  "<p>Before.</p><blockquote><p>A quoted sentence that wraps "
		  "around.</p><p>Second.</p></blockquote>", 20,
		  "Before.\n\n\xe2\x94\x82 A quoted sentence\n\xe2\x94\x82 that "
		  "wraps around.\n\xe2\x94\x82\n\xe2\x94\x82 Second.\n" },
		{ "preformatted text kept as it is",
		  "<pre>if (x)\n\treturn (a_very_long_identifier_name);\n"
		  "</pre>", 20,
		  "if (x)\n        return (a_very_long_identifier_name);\n" },
		{ "table that fits is aligned",
		  "<table><tr><th>Name</th><th>Qty</th></tr><tr><td>apple</td>"
		  "<td>3</td></tr><tr><td>kiwi</td><td>12</td></tr></table>",
		  40,
		  "Name  \xe2\x94\x82 Qty\n\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
		  "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
		  "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n"
		  "apple \xe2\x94\x82 3\nkiwi  \xe2\x94\x82 12\n" },
		{ "table too wide is listed",
		  "<table><tr><th>Setting</th><th>Meaning</th></tr><tr><td>"
		  "attempts</td><td>How many times a request is tried in all"
		  "</td></tr><tr><td>backoff</td><td>Seconds before a retry"
		  "</td></tr></table>", 30,
		  "Setting: attempts\nMeaning: How many times a\n  request "
		  "is tried in all\n\nSetting: backoff\nMeaning: Seconds "
		  "before a\n  retry\n" },
		{ "links numbered, one number a URL, listed at the end",
		  "<p>Read <a href=\"/a\">the report</a> and <a href=\"b\">"
		  "the reply</a>, then <a href=\"/a\">the report</a> "
		  "again.</p>", 40,
		  "Read the report[1] and the reply[2],\nthen the report[1] "
		  "again.\n\nLinks:\n[1] https://example.org/a\n"
		  "[2] https://example.org/dir/b\n" },
		{ "images with and without alt text",
		  "<p>Text.</p><figure><img src=a.jpg alt=\"A red door\">"
		  "<figcaption>The door.</figcaption></figure><img src=b.png>",
		  40,
		  "Text.\n\n[image 1: A red door]\nThe door.\n\n[image 2]\n" },
		{ "a caption that repeats the alt text is shown once",
		  "<figure><img src=a.jpg alt=\"Harbour at dawn\">"
		  "<figcaption>Harbour at dawn</figcaption></figure>", 40,
		  "[image 1]\nHarbour at dawn\n" },
	};
	struct render_opts	 o;
	struct render		 r = RENDER_INIT;
	char			*got;
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		got = plain(cases[i].html, cases[i].width, 0, 0);
		if (strcmp(got, cases[i].want) != 0)
			failf("%s: got\n%s\nwant\n%s", cases[i].name, got,
			    cases[i].want);
		free(got);
		o.width = cases[i].width;
		o.max_width = 0;
		o.centre = 0;
		render_html(cases[i].html, strlen(cases[i].html), NULL, &o,
		    &r);
		check_lines(cases[i].name, &r, cases[i].width);
		render_release(&r);
	}
}

/* Attributes: what a front end colours. */
static void
test_render_attributes(void **state)
{
	static const char	 html[] = "<h3>Head</h3><p>Plain <b>bold</b> "
	    "<a href=/x>link</a></p><blockquote>quoted</blockquote>";
	struct render_opts	 o = { 40, 0, 0 };
	struct render		 r = RENDER_INIT;
	const struct render_line *l;
	size_t			 i, k;
	unsigned		 seen = 0;

	(void)state;
	render_html(html, sizeof html - 1, "https://example.org/", &o, &r);
	check_lines("attributes", &r, 40);
	assert_true(r.n >= 5);
	assert_true(r.lines[0].attr & RENDER_HEADING);
	for (i = 0; i < r.n; i++) {
		l = &r.lines[i];
		for (k = 0; k < l->nspans; k++) {
			seen |= l->spans[k].attr;
			if ((l->spans[k].attr & RENDER_LINK) &&
			    l->spans[k].link == 1 && strncmp(l->text +
			    l->spans[k].off, "link", 4) == 0)
				seen |= 0x10000;
			if (l->spans[k].attr & RENDER_QUOTE)
				assert_memory_equal(l->text + l->spans[k].off,
				    "\xe2\x94\x82", 3);
		}
	}
	assert_true(seen & RENDER_HEADING);
	assert_true(seen & RENDER_BOLD);
	assert_true(seen & RENDER_LINKNUM);
	assert_true(seen & RENDER_QUOTE);
	assert_true(seen & 0x10000);
	render_release(&r);
}

/* No control character or escape sequence from a page reaches the
 * terminal, whether raw, as a character reference or inside a URL. */
static void
test_render_gate(void **state)
{
	static const char *const hostile[] = {
		"<p>red \x1b[31mALERT\x1b[0m done</p>",
		"<p>ref &#27;[2J and &#x9b;1;1H and &#155;0m</p>",
		"<p>bell \x07 backspace \x08 cr \r nul &#0; del \x7f</p>",
		"<p>bidi \xe2\x80\xae" "desrever\xe2\x80\xac and "
		"\xe2\x81\xa6isolate\xe2\x81\xa9</p>",
		"<pre>tab\there\x1b]0;title\x07\x1b\\ ok</pre>",
		"<p><a href=\"https://x.example/\x1b[31m\">link</a></p>",
		"<table><tr><th>a\x1b[1m</th></tr><tr><td>\xc2\x9b" "b</td>"
		"</tr></table>",
		"<p>bad utf-8 \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80</p>",
		"<p>line\xe2\x80\xa8sep para\xe2\x80\xa9sep nel\xc2\x85x "
		"&#x2028;&#8233;&#x85; lrm\xe2\x80\x8e rlm&#x200f; "
		"alm\xd8\x9c nads\xe2\x81\xaf</p>",
		"<pre>line\xe2\x80\xa8sep&#x2029;x</pre>",
	};
	struct render_opts	 o = { 60, 0, 0 };
	struct render		 r = RENDER_INIT;
	const unsigned char	*p;
	size_t			 i, k, j;
	uint32_t		 cp;
	size_t			 n;

	(void)state;
	for (i = 0; i < nitems(hostile); i++) {
		render_html(hostile[i], strlen(hostile[i]), NULL, &o, &r);
		for (k = 0; k < r.n; k++) {
			p = (const unsigned char *)r.lines[k].text;
			for (j = 0; j < r.lines[k].len; j += n) {
				n = utf8_decode(p + j, r.lines[k].len - j, &cp);
				if (n == 0)
					failf("case %zu line %zu: invalid UTF-8 "
					    "at %zu", i, k, j);
				if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
				    (cp >= 0x202a && cp <= 0x202e) ||
				    (cp >= 0x2066 && cp <= 0x206f) ||
				    cp == 0x2028 || cp == 0x2029 ||
				    cp == 0x200e || cp == 0x200f ||
				    cp == 0x061c)
					failf("case %zu line %zu: U+%04X in "
					    "\"%s\"", i, k, (unsigned)cp,
					    r.lines[k].text);
			}
		}
		render_release(&r);
	}
}

/* U+2028 and U+2029 break lines as a newline does: between words in a
 * paragraph, into lines in preformatted text. */
static void
test_render_line_separators(void **state)
{
	char	*t;

	(void)state;
	t = plain("<p>one\xe2\x80\xa8two\xe2\x80\xa9three</p>", 40, 0, 0);
	assert_string_equal(t, "one two three\n");
	free(t);
	t = plain("<pre>one\xe2\x80\xa8two&#x2029;three</pre>", 40, 0, 0);
	assert_string_equal(t, "one\ntwo\nthree\n");
	free(t);
}

/* Text width caps and centring in wide terminals. */
static void
test_render_centre(void **state)
{
	static const char	 html[] = "<p>one two three four five six seven "
	    "eight nine ten</p>";
	struct render_opts	 o = { 100, 20, 1 };
	struct render		 r = RENDER_INIT;
	size_t			 i;

	(void)state;
	render_html(html, sizeof html - 1, NULL, &o, &r);
	assert_true(r.n >= 3);
	for (i = 0; i < r.n; i++) {
		assert_int_equal(strspn(r.lines[i].text, " "), 40);
		assert_true(r.lines[i].text[40] != ' ');
		assert_true(r.lines[i].cols <= 60);
	}
	render_release(&r);

	/* Not centred: flush left, still at most 20 columns. */
	o.centre = 0;
	render_html(html, sizeof html - 1, NULL, &o, &r);
	for (i = 0; i < r.n; i++) {
		assert_true(r.lines[i].text[0] != ' ');
		assert_true(r.lines[i].cols <= 20);
	}
	render_release(&r);
}

/* Every fixture page rendered at 80 columns, against its .txt file. */
static void
test_render_fixtures(void **state)
{
	static const struct {
		const char	*name;
		const char	*url;
	} pages[] = {
		{ "news", "https://courier.example/news/2021/bridge.html" },
		{ "blog", "https://slowtools.example/2020/02/paper-notebook/" },
		{ "docs", "https://docs.example/quaylib/2.4/retries.html" },
		{ "comments", "https://greenfingers.example/diary/first-frost" },
		{ "thread", "https://crumb.example/t/starter-smell/4412" },
		{ "gallery", "https://pictures.example/lanterns" },
		{ "seedlike", "http://www.wire.example/2018/05/17/europe/"
		  "harbor-chief/index.html" },
	};
	struct render_opts	 o = { 80, 0, 0 };
	struct render		 r = RENDER_INIT;
	struct buf		 in = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	struct article		*art;
	char			 path[256], chunk[4096];
	FILE			*f;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < nitems(pages); i++) {
		buf_reset(&in);
		buf_reset(&want);
		buf_reset(&got);
		snprintf(path, sizeof path, FIXTURES "%s.html", pages[i].name);
		if ((f = fopen(path, "rb")) == NULL)
			failf("cannot open %s", path);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&in, chunk, n);
		fclose(f);
		snprintf(path, sizeof path, FIXTURES "%s.txt", pages[i].name);
		if ((f = fopen(path, "rb")) == NULL)
			failf("cannot open %s", path);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&want, chunk, n);
		fclose(f);
		art = extract_page(in.data, in.len, pages[i].url, NULL);
		render_article(art, &o, &r);
		check_lines(pages[i].name, &r, 80);
		render_text(&r, &got);
		if (strcmp(got.data, want.data) != 0)
			failf("%s: rendering differs from %s.txt:\n%s",
			    pages[i].name, pages[i].name, got.data);
		render_release(&r);
		extract_free(art);
	}
	buf_release(&in);
	buf_release(&want);
	buf_release(&got);
}

/* The reader keeps a full article as extract_html() writes it and parses
 * it again with extract_fragment() to show it: that must render, at any
 * width, exactly as the page's own extraction did, links and their
 * numbers included (the title and byline line aside, which the reader
 * puts back from the kept metadata). */
static void
test_render_kept_article(void **state)
{
	static const char *const names[] = {
		"news", "blog", "docs", "comments", "gallery", "seedlike",
		"thread",
	};
	static const int widths[] = { 40, 72, 100 };
	const char		*url = "https://site.example/dir/page.html";
	struct render_opts	 o = { 80, 0, 0 };
	struct render		 r1 = RENDER_INIT, r2 = RENDER_INIT;
	struct buf		 in = BUF_INIT, html = BUF_INIT;
	struct buf		 t1 = BUF_INIT, t2 = BUF_INIT;
	struct article		*art, *kept;
	char			 path[256], chunk[4096];
	FILE			*f;
	size_t			 i, k, n;

	(void)state;
	for (i = 0; i < nitems(names); i++) {
		buf_reset(&in);
		buf_reset(&html);
		snprintf(path, sizeof path, FIXTURES "%s.html", names[i]);
		if ((f = fopen(path, "rb")) == NULL)
			failf("cannot open %s", path);
		while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
			buf_add(&in, chunk, n);
		fclose(f);
		art = extract_page(in.data, in.len, url, NULL);
		art->title = art->byline = art->site_name = NULL;
		art->has_published = 0;
		extract_html(art, &html);
		kept = extract_fragment(html.data, html.len, url);
		if (kept->nlinks != art->nlinks)
			failf("%s: %zu links kept of %zu", names[i],
			    kept->nlinks, art->nlinks);
		for (k = 0; k < nitems(widths); k++) {
			o.width = widths[k];
			buf_reset(&t1);
			buf_reset(&t2);
			render_article(art, &o, &r1);
			render_article(kept, &o, &r2);
			render_text(&r1, &t1);
			render_text(&r2, &t2);
			if (strcmp(t1.data, t2.data) != 0)
				failf("%s at %d columns: the kept article "
				    "renders\n%s\ninstead of\n%s", names[i],
				    widths[k], t2.data, t1.data);
			render_release(&r1);
			render_release(&r2);
		}
		extract_free(kept);
		extract_free(art);
	}
	buf_release(&in);
	buf_release(&html);
	buf_release(&t1);
	buf_release(&t2);
}

/* A span of one text block, for articles built by hand. */
static struct extract_span *
one_span(const char *text)
{
	static struct extract_span	 sp[8];
	static size_t			 n;
	struct extract_span		*s = &sp[n++ % nitems(sp)];

	s->text = text;
	s->len = strlen(text);
	s->style = 0;
	s->link = 0;
	return (s);
}

/* Posts: a header line across the column with the author in bold, the
 * posts apart, at every width. */
static void
test_render_posts(void **state)
{
	static const int widths[] = { 40, 72, 100 };
	static const char *const heads[] = {
		"\xe2\x94\x80\xe2\x94\x80 mira_bakes \xc2\xb7 Feb 20, 2024 "
		"2:03 pm \xe2\x94\x80",
		"\xe2\x94\x80\xe2\x94\x80 tom_okafor \xc2\xb7 Feb 20, 2024 "
		"3:41 pm \xe2\x94\x80",
		"\xe2\x94\x80\xe2\x94\x80 jun_ito \xc2\xb7 Feb 21, 2024 "
		"8:15 am \xe2\x94\x80",
		"\xe2\x94\x80\xe2\x94\x80 mira_bakes \xc2\xb7 Feb 22, 2024 "
		"\xe2\x94\x80",
	};
	struct render_opts	 o = { 80, 0, 0 };
	struct render		 r = RENDER_INIT;
	struct buf		 in = BUF_INIT, t = BUF_INIT;
	struct article		*art, hand;
	struct extract_block	 blocks[4], kids[2];
	const struct render_line *l;
	char			 name[32];
	size_t			 i, k, h;

	(void)state;
	read_fixture(FIXTURES, "thread.html", &in);
	art = extract_page(in.data, in.len, NULL, NULL);
	for (k = 0; k < nitems(widths); k++) {
		o.width = widths[k];
		render_article(art, &o, &r);
		snprintf(name, sizeof name, "thread at %d", widths[k]);
		check_lines(name, &r, widths[k]);
		for (i = h = 0; i < r.n; i++) {
			l = &r.lines[i];
			if (strncmp(l->text, "\xe2\x94\x80\xe2\x94\x80 ", 7))
				continue;
			if (h == nitems(heads) ||
			    strncmp(l->text, heads[h], strlen(heads[h])))
				failf("%s: header %zu is \"%s\"", name, h,
				    l->text);
			/* Across the column, apart from what is above. */
			assert_int_equal(l->cols, widths[k]);
			assert_int_equal(r.lines[i - 1].len, 0);
			assert_int_equal(l->spans[0].attr, RENDER_DIM);
			assert_int_equal(l->spans[1].attr, RENDER_BOLD);
			assert_int_equal(l->spans[1].len, h == 2 ? 7 : 10);
			h++;
		}
		assert_int_equal(h, nitems(heads));
		render_release(&r);
	}
	extract_free(art);

	/* Built by hand: a header too long for the column wraps; a post
	 * without author or date is a rule; what follows the posts is set
	 * apart by a rule. */
	memset(&hand, 0, sizeof hand);
	memset(blocks, 0, sizeof blocks);
	memset(kids, 0, sizeof kids);
	kids[0].kind = kids[1].kind = EXTRACT_PARAGRAPH;
	kids[0].spans = one_span("First post.");
	kids[1].spans = one_span("Second post.");
	kids[0].nspans = kids[1].nspans = 1;
	blocks[0].kind = blocks[1].kind = EXTRACT_POST;
	blocks[0].author = "a-rather-long-user-name-of-someone";
	blocks[0].date = "Wednesday, 21 February 2024 at 08:15";
	blocks[0].children = &kids[0];
	blocks[1].children = &kids[1];
	blocks[0].nchildren = blocks[1].nchildren = 1;
	blocks[2].kind = EXTRACT_PARAGRAPH;
	blocks[2].spans = one_span("After the thread.");
	blocks[2].nspans = 1;
	hand.blocks = blocks;
	hand.nblocks = 3;
	o.width = 20;
	render_article(&hand, &o, &r);
	check_lines("by hand", &r, 20);
	render_text(&r, &t);
	assert_string_equal(t.data,
	    "\xe2\x94\x80\xe2\x94\x80\n"
	    "a-rather-long-user-n\name-of-someone \xc2\xb7\n"
	    "Wednesday, 21\nFebruary 2024 at\n08:15\n\n"
	    "First post.\n\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\n"
	    "Second post.\n\n"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n\n"
	    "After the thread.\n");
	render_release(&r);
	buf_release(&in);
	buf_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_width),
		cmocka_unit_test(test_render_fit),
		cmocka_unit_test(test_render_wrap),
		cmocka_unit_test(test_render_blocks),
		cmocka_unit_test(test_render_attributes),
		cmocka_unit_test(test_render_gate),
		cmocka_unit_test(test_render_line_separators),
		cmocka_unit_test(test_render_centre),
		cmocka_unit_test(test_render_fixtures),
		cmocka_unit_test(test_render_kept_article),
		cmocka_unit_test(test_render_posts),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
