/* opml.c: OPML subscription lists in and out of the dotfile.
 *
 * OPML files come from every reader ever written and many are careless:
 * a bare "&" in a title, HTML entities XML never defined, a DOCTYPE, a
 * BOM, Latin-1 bytes under a UTF-8 declaration. mxml rejects most of that
 * and, given invalid UTF-8, may read past the end of its input. So the
 * bytes go through two passes before mxml sees them:
 *
 *   opml_decode()  any encoding a feed may be in -> valid UTF-8, as
 *                  feeds are decoded (charset.c), with every bad
 *                  sequence and every control character XML forbids
 *                  replaced by U+FFFD;
 *   opml_repair()  drops the DOCTYPE, and turns each "&" that does not
 *                  start a reference mxml knows into "&amp;" (a numeric
 *                  reference to a character XML forbids becomes U+FFFD).
 *
 * The tree is then walked without recursion (mxmlWalkNext), so a file
 * nested a million outlines deep costs memory, not stack. Each outline
 * with an xmlUrl is a feed; the outlines around it without one are its
 * folders, which become its tags, outermost first.
 *
 * Import appends to the dotfile and never rewrites it: the user's own
 * text, comments and layout stay byte for byte, and a dotfile that is a
 * symlink into a dotfiles repository stays one.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <mxml.h>

#include "buf.h"
#include "charset.h"
#include "config.h"
#include "opml.h"
#include "util.h"

#define OPML_MAX_FOLDERS	64	/* enclosing outlines looked at */
#define OPML_TOP		"tidings\x80"	/* see opml_parse() */

/* The first message mxml reported during this thread's current parse. */
static _Thread_local char opml_mxml_msg[256];

/* Keep mxml's first complaint; the default handler would print it. The
 * copy is cut to the buffer on purpose: it ends up in one line. Our top
 * node is no part of the document, so it is not named. */
static void
opml_mxml_error(const char *msg)
{
	static const char	 top[] = " under parent <" OPML_TOP ">";
	const char		*at;

	if (opml_mxml_msg[0] != '\0')
		return;
	if ((at = strstr(msg, top)) != NULL)
		snprintf(opml_mxml_msg, sizeof opml_mxml_msg, "%.*s%s",
		    (int)(at - msg), msg, at + sizeof top - 1);
	else
		snprintf(opml_mxml_msg, sizeof opml_mxml_msg, "%s", msg);
}

/* Append code point c, replacing what XML 1.0 does not allow in a
 * document (C0 controls other than tab, CR and LF) with U+FFFD. */
static void
opml_put(struct buf *out, uint32_t c)
{
	if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
		c = 0xfffd;
	utf8_encode(out, c);
}

/* Decode the bytes (see the top of the file) into valid UTF-8. */
static void
opml_decode(const char *data, size_t len, struct buf *out)
{
	struct buf		 u = BUF_INIT;
	const unsigned char	*p;
	uint32_t		 c;
	size_t			 i, n;

	if (charset_xml_to_utf8(data, len, NULL, &u) == 0) {
		data = u.data != NULL ? u.data : "";
		len = u.len;
	}
	p = (const unsigned char *)data;
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(p + i, len - i, &c)) == 0) {
			c = 0xfffd;
			n = 1;
		}
		opml_put(out, c);
	}
	buf_release(&u);
}

/* The length of a character or entity reference at s ("&amp;", "&#38;")
 * that mxml will accept, 0 when "&" must be escaped, or -1 when it is a
 * numeric reference to a character XML forbids. */
static int
opml_reference(const char *s, const char *end)
{
	const char	*p = s + 1;
	char		 name[33];
	uint64_t	 c = 0;
	size_t		 n = 0;
	int		 hex, digit;

	if (p < end && *p == '#') {
		hex = ++p < end && *p == 'x';	/* XML has no "&#X" */
		p += hex;
		for (; p < end && *p != ';'; p++, n++) {
			if (*p >= '0' && *p <= '9')
				digit = *p - '0';
			else if (hex && (*p | 0x20) >= 'a' &&
			    (*p | 0x20) <= 'f')
				digit = (*p | 0x20) - 'a' + 10;
			else
				return (0);
			if (c <= 0x10ffff)
				c = c * (hex ? 16 : 10) + (uint64_t)digit;
		}
		if (p == end || n == 0)
			return (0);
		if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ||
		    (c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
			return (-1);
		return ((int)(p + 1 - s));
	}
	for (; p < end && n < sizeof name - 1 && *p != ';'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9')))
			return (0);
		name[n++] = *p;
	}
	if (p == end || *p != ';' || n == 0)
		return (0);
	name[n] = '\0';
	return (mxmlEntityGetValue(name) >= 0 ? (int)(p + 1 - s) : 0);
}

/* Find the end of the markup that starts at s and ends with close, or end
 * when it is never closed. */
static const char *
opml_skip_to(const char *s, const char *end, const char *close)
{
	const char	*p;

	p = memmem(s, (size_t)(end - s), close, strlen(close));
	return (p == NULL ? end : p + strlen(close));
}

/* Drop the DOCTYPE and escape stray "&" (see the top of the file). */
static void
opml_repair(const char *s, size_t len, struct buf *out)
{
	const char	*end = s + len, *p;
	int		 n, depth;
	char		 q;

	while (s < end) {
		if (*s == '<' && end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
			p = opml_skip_to(s + 4, end, "-->");
			buf_add(out, s, (size_t)(p - s));
			s = p;
		} else if (*s == '<' && end - s >= 9 &&
		    memcmp(s, "<![CDATA[", 9) == 0) {
			p = opml_skip_to(s + 9, end, "]]>");
			buf_add(out, s, (size_t)(p - s));
			s = p;
		} else if (*s == '<' && end - s >= 9 &&
		    strncasecmp(s, "<!DOCTYPE", 9) == 0) {
			/* Skip to its '>', past any internal subset and
			 * quoted text, where '>' may appear. */
			for (depth = 0, s += 9; s < end; s++) {
				if (*s == '"' || *s == '\'') {
					q = *s;
					while (s + 1 < end && *++s != q)
						;
				} else if (*s == '[')
					depth++;
				else if (*s == ']')
					depth--;
				else if (*s == '>' && depth <= 0) {
					s++;
					break;
				}
			}
		} else if (*s == '&') {
			if ((n = opml_reference(s, end)) > 0) {
				buf_add(out, s, (size_t)n);
				s += n;
			} else if (n < 0) {
				utf8_encode(out, 0xfffd);
				s = (const char *)memchr(s, ';',
				    (size_t)(end - s)) + 1;
			} else {
				buf_addstr(out, "&amp;");
				s++;
			}
		} else
			buf_addch(out, *s++);
	}
}

/* s with runs of whitespace (no-break spaces too, which &nbsp; leaves
 * in titles) folded into one space and trimmed, or NULL when nothing is
 * left. Every string of a feed comes through here from mxml, so this is
 * also where bad text stops: a character reference decodes inside mxml,
 * and one that opml_repair() did not see (it took "<!--" inside a tag for
 * a comment, where mxml reads an attribute name) can still give a lone
 * surrogate or a control character; those become U+FFFD. */
static char *
opml_fold(const char *s)
{
	struct buf	 b = BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t		 i, len, n;
	uint32_t	 c;
	int		 space = 0;

	if (s == NULL)
		return (NULL);
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(p + i, len - i, &c)) == 0) {
			c = 0xfffd;
			n = 1;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == 0xa0) {
			space = 1;
			continue;
		}
		if (space && b.len > 0)
			buf_addch(&b, ' ');
		space = 0;
		opml_put(&b, c);
	}
	if (b.len == 0)
		return (NULL);
	return (buf_detach(&b, NULL));
}

/* An attribute by name in any case ("xmlUrl", "xmlurl"), or NULL. */
static const char *
opml_attr(mxml_node_t *node, const char *want)
{
	const char	*name, *value;
	int		 i, n;

	n = mxmlElementGetAttrCount(node);
	for (i = 0; i < n; i++) {
		value = mxmlElementGetAttrByIndex(node, i, &name);
		if (value != NULL && strcasecmp(name, want) == 0)
			return (value);
	}
	return (NULL);
}

/* The name an outline shows: text, else title (OPML 2.0 makes text the
 * one readers display). */
static const char *
opml_label(mxml_node_t *node)
{
	const char	*s;

	if ((s = opml_attr(node, "text")) != NULL && *s != '\0')
		return (s);
	return (opml_attr(node, "title"));
}

/* Add a tag unless it is empty or already there; "~" and "!" in front
 * would make it a title or a hide mark, so they are dropped. */
static void
opml_add_tag(struct opml_feed *f, const char *raw)
{
	char	*tag, *s;
	size_t	 i;

	if ((tag = opml_fold(raw)) == NULL)
		return;
	for (s = tag; *s == '~' || *s == '!' || *s == ' '; s++)
		;
	for (i = 0; i < f->ntags && *s != '\0'; i++)
		if (strcmp(f->tags[i], s) == 0)
			break;
	if (*s != '\0' && i == f->ntags) {
		f->tags = xreallocarray(f->tags, f->ntags + 1, sizeof *f->tags);
		f->tags[f->ntags++] = xstrdup(s);
	}
	free(tag);
}

/* Fill f from a feed outline: its URL, title, folders and categories. */
static void
opml_outline(mxml_node_t *node, char *url, struct opml_feed *f)
{
	mxml_node_t	*up;
	const char	*folders[OPML_MAX_FOLDERS], *cat, *comma;
	char		*one;
	size_t		 n = 0, steps;

	memset(f, 0, sizeof *f);
	f->url = url;
	f->title = opml_fold(opml_label(node));
	if (f->title != NULL && strcmp(f->title, url) == 0) {
		free(f->title);		/* a title that is only the URL */
		f->title = NULL;
	}
	up = mxmlGetParent(node);
	for (steps = 0; up != NULL && steps < OPML_MAX_FOLDERS; steps++) {
		if (mxmlGetType(up) == MXML_ELEMENT &&
		    strcasecmp(mxmlGetElement(up), "outline") == 0 &&
		    opml_attr(up, "xmlUrl") == NULL &&
		    opml_label(up) != NULL)
			folders[n++] = opml_label(up);
		up = mxmlGetParent(up);
	}
	while (n > 0)
		opml_add_tag(f, folders[--n]);
	if ((cat = opml_attr(node, "category")) == NULL)
		return;
	for (; *cat != '\0'; cat = *comma == ',' ? comma + 1 : comma) {
		comma = strchr(cat, ',');
		if (comma == NULL)
			comma = cat + strlen(cat);
		one = xstrndup(cat, (size_t)(comma - cat));
		opml_add_tag(f, one + strspn(one, "/ \t\n\r"));
		free(one);
	}
}

/* Liferea's command feeds, which newsboat reads and writes too, in the
 * dotfile's words: an xmlUrl "|COMMAND" is "exec:COMMAND", and a
 * filtercmd attribute pipes the feed through a command, which is
 * "filter:COMMAND:URL". Return url, or a new string in its place. */
static char *
opml_command(mxml_node_t *node, char *url)
{
	char	*cmd, *s;

	if (url[0] == '|') {
		xasprintf(&s, "exec:%s", url + 1);
		free(url);
		url = s;
	}
	if ((cmd = opml_fold(opml_attr(node, "filtercmd"))) != NULL) {
		xasprintf(&s, "filter:%s:%s", cmd, url);
		free(cmd);
		free(url);
		url = s;
	}
	return (url);
}

/* Parse OPML bytes into the feeds they list. */
int
opml_parse(const char *data, size_t len, struct opml_feed **feeds,
    size_t *nfeeds, char **cause)
{
	struct buf	 dec = BUF_INIT, xml = BUF_INIT, q = BUF_INIT;
	mxml_node_t	*top, *node;
	const char	*name, *root = NULL;
	char		*url;

	*feeds = NULL;
	*nfeeds = 0;
	opml_decode(data, len, &dec);
	opml_repair(dec.data, dec.len, &xml);
	buf_release(&dec);
	/* Under a top node of our own, every node mxml makes has a parent,
	 * so deleting the top frees it all: mxml 3 leaks a root element
	 * whose attributes fail to parse when it has none, and any text
	 * node it makes without a parent. A document could close the top
	 * node and leave mxml reading on with none, so its name ends in a
	 * byte no close tag can hold: mxml builds names from the UTF-8 the
	 * decoding above made, where 0x80 never follows an ASCII letter. */
	opml_mxml_msg[0] = '\0';
	mxmlSetErrorCallback(opml_mxml_error);
	top = mxmlNewElement(MXML_NO_PARENT, OPML_TOP);
	if (mxmlLoadString(top, xml.data, MXML_OPAQUE_CALLBACK) == NULL) {
		text_printable(&q, opml_mxml_msg[0] != '\0' ? opml_mxml_msg :
		    "the document is empty");
		xasprintf(cause, "not valid OPML: %s", q.data);
		goto fail;
	}
	for (node = mxmlWalkNext(top, top, MXML_DESCEND); node != NULL;
	    node = mxmlWalkNext(node, top, MXML_DESCEND)) {
		if (mxmlGetType(node) != MXML_ELEMENT)
			continue;
		name = mxmlGetElement(node);
		if (root == NULL && name[0] != '?' && name[0] != '!') {
			root = name;
			if (strcasecmp(root, "opml") != 0)
				break;
		}
		if (strcasecmp(name, "outline") != 0 ||
		    (url = opml_fold(opml_attr(node, "xmlUrl"))) == NULL)
			continue;
		url = opml_command(node, url);
		*feeds = xreallocarray(*feeds, *nfeeds + 1, sizeof **feeds);
		opml_outline(node, url, &(*feeds)[(*nfeeds)++]);
	}
	if (root == NULL) {
		xasprintf(cause, "not an OPML file (it has no XML element)");
		goto fail;
	}
	if (strcasecmp(root, "opml") != 0) {
		text_printable(&q, root);
		xasprintf(cause, "not an OPML file (its root element is "
		    "<%s>, not <opml>)", q.data);
		goto fail;
	}
	buf_release(&xml);
	mxmlDelete(top);
	return (0);
fail:
	buf_release(&xml);
	buf_release(&q);
	mxmlDelete(top);
	opml_feeds_free(*feeds, *nfeeds);
	*feeds = NULL;
	*nfeeds = 0;
	return (-1);
}

/* Free what opml_parse() returned. */
void
opml_feeds_free(struct opml_feed *feeds, size_t n)
{
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		free(feeds[i].url);
		free(feeds[i].title);
		for (j = 0; j < feeds[i].ntags; j++)
			free(feeds[i].tags[j]);
		free(feeds[i].tags);
	}
	free(feeds);
}

/* Whether url is listed in cfg or among the first n feeds of new[] that
 * were kept (keep[i] set). */
static int
opml_known(const struct config *cfg, const struct opml_feed *new,
    const char *keep, size_t n, const char *url)
{
	size_t	 i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].url, url) == 0)
			return (1);
	for (i = 0; i < n; i++)
		if (keep[i] && strcmp(new[i].url, url) == 0)
			return (1);
	return (0);
}

/* Append the OPML feeds the dotfile lacks to it. */
int
opml_import(const char *path, const char *data, size_t len,
    const struct config *cfg, int *added, struct causes *skipped,
    char **cause)
{
	struct opml_feed	*feeds;
	struct buf		 text = BUF_INIT, line = BUF_INIT, q = BUF_INIT;
	size_t			 i, n;
	char			*keep, *why;
	int			 count = 0, rc = 0;

	*added = 0;
	if (opml_parse(data, len, &feeds, &n, cause) != 0)
		return (-1);
	keep = xcalloc(n, 1);
	for (i = 0; i < n; i++) {
		buf_reset(&line);
		config_feed_line(&line, feeds[i].url, feeds[i].title,
		    feeds[i].tags, feeds[i].ntags);
		/* The OPML file is someone else's: no file:// feeds, and no
		 * line the dotfile's parser would then refuse. */
		if (config_check_import_url(feeds[i].url, &why) != 0 ||
		    config_check_lines(line.data, line.len, &why) != 0) {
			buf_reset(&q);
			causes_add(skipped, "%s: %s", text_printable(&q,
			    feeds[i].url), why);
			free(why);
			continue;
		}
		if (opml_known(cfg, feeds, keep, i, feeds[i].url))
			continue;
		keep[i] = 1;
		buf_add(&text, line.data, line.len);
		count++;
	}
	if (count > 0 && (rc = config_append(path, &text, cause)) == 0)
		*added = count;
	free(keep);
	buf_release(&text);
	buf_release(&line);
	buf_release(&q);
	opml_feeds_free(feeds, n);
	return (rc);
}

/* Append one feed outline at the given indent. */
static void
opml_export_feed(struct buf *out, const struct config_feed *cf,
    const struct opml_known *k, const char *indent)
{
	const char	*label = cf->url, *url = cf->url, *fetch;
	char		**argv, *why, *cmd;
	size_t		 i;
	int		 first = 1, source;

	if (cf->title != NULL)
		label = cf->title;
	else if (k != NULL && k->title != NULL && *k->title != '\0')
		label = k->title;
	buf_addf(out, "%s<outline type=\"rss\" text=\"", indent);
	buf_add_xml(out, label);
	buf_addstr(out, "\" title=\"");
	buf_add_xml(out, label);
	/* Command feeds as Liferea writes them (opml_command()). */
	source = config_feed_source(cf->url, 0, &argv, &fetch, &why);
	if (source == -1)
		free(why);
	config_words_free(argv);
	if (source == CONFIG_SOURCE_EXEC) {
		buf_addstr(out, "\" xmlUrl=\"|");
		url += 5;
	} else if (source == CONFIG_SOURCE_FILTER) {
		buf_addstr(out, "\" filtercmd=\"");
		cmd = xstrndup(cf->url + 7, (size_t)(fetch - 1 -
		    (cf->url + 7)));
		buf_add_xml(out, cmd);
		free(cmd);
		buf_addstr(out, "\" xmlUrl=\"");
		url = fetch;
	} else
		buf_addstr(out, "\" xmlUrl=\"");
	buf_add_xml(out, url);
	buf_addch(out, '"');
	if (k != NULL && k->site != NULL && *k->site != '\0') {
		buf_addstr(out, " htmlUrl=\"");
		buf_add_xml(out, k->site);
		buf_addch(out, '"');
	}
	if (cf->ntags > 1) {
		for (i = 0; i < cf->ntags; i++) {
			if (strchr(cf->tags[i], ',') != NULL)
				continue;	/* would split in two */
			buf_addstr(out, first ? " category=\"/" : ",/");
			buf_add_xml(out, cf->tags[i]);
			first = 0;
		}
		if (!first)
			buf_addch(out, '"');
	}
	buf_addstr(out, "/>\n");
}

/* Write the config's feeds as OPML 2.0, one folder per first tag. */
void
opml_export(const struct config *cfg, const struct opml_known *known,
    struct buf *out)
{
	const struct config_feed	*cf;
	const char			*tag;
	size_t				 i, j, k;

	buf_addstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n"
	    "  <head>\n"
	    "    <title>tidings subscriptions</title>\n"
	    "  </head>\n"
	    "  <body>\n");
	for (i = 0; i < cfg->nfeeds; i++)
		if (cfg->feeds[i].ntags == 0)
			opml_export_feed(out, &cfg->feeds[i],
			    known != NULL ? &known[i] : NULL, "    ");
	/* One folder per first tag, in the order the tags first appear. */
	for (i = 0; i < cfg->nfeeds; i++) {
		if (cfg->feeds[i].ntags == 0)
			continue;
		tag = cfg->feeds[i].tags[0];
		for (k = 0; k < i; k++)
			if (cfg->feeds[k].ntags > 0 &&
			    strcmp(cfg->feeds[k].tags[0], tag) == 0)
				break;
		if (k < i)
			continue;	/* this folder is written already */
		buf_addstr(out, "    <outline text=\"");
		buf_add_xml(out, tag);
		buf_addstr(out, "\" title=\"");
		buf_add_xml(out, tag);
		buf_addstr(out, "\">\n");
		for (j = i; j < cfg->nfeeds; j++) {
			cf = &cfg->feeds[j];
			if (cf->ntags > 0 && strcmp(cf->tags[0], tag) == 0)
				opml_export_feed(out, cf,
				    known != NULL ? &known[j] : NULL, "      ");
		}
		buf_addstr(out, "    </outline>\n");
	}
	buf_addstr(out, "  </body>\n</opml>\n");
}
