/*
 * extract-feeds.c: the feeds an HTML page announces with <link
 * rel="alternate">.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "charset.h"
#include "extract.h"
#include "extract-int.h"
#include "html.h"
#include "url.h"
#include "util.h"

/* Whether the space-separated token list s holds word, ignoring case. */
int
extract_has_token(const char *s, const char *word)
{
	size_t	 n = strlen(word), i;

	while (*s != '\0') {
		while (ascii_isspace((unsigned char)*s))
			s++;
		for (i = 0; s[i] != '\0' &&
		    !ascii_isspace((unsigned char)s[i]); i++)
			;
		if (i == n && strncasecmp(s, word, n) == 0)
			return (1);
		s += i;
	}
	return (0);
}

/* Whether a link's type is that of a feed tidings reads. */
static int
extract_feed_type(const char *type)
{
	static const char *const types[] = {
		"application/rss+xml", "application/atom+xml",
		"application/rdf+xml", "application/rss", "application/atom",
		"text/xml", "application/xml", "application/feed+json",
	};
	size_t	 i, n;

	while (ascii_isspace((unsigned char)*type))
		type++;
	for (n = 0; type[n] != '\0' && type[n] != ';' &&
	    !ascii_isspace((unsigned char)type[n]); n++)
		;
	for (i = 0; i < nitems(types); i++)
		if (strlen(types[i]) == n && strncasecmp(type, types[i], n) == 0)
			return (1);
	return (0);
}

/* Find the feeds a page announces (see extract.h). */
size_t
extract_feed_links(const char *data, size_t len, const char *url,
    const char *charset, struct extract_feed_link **links)
{
	GumboOptions		 opts = kGumboDefaultOptions;
	GumboOutput		*out;
	GumboNode		**stack = NULL, *node;
	GumboAttribute		*rel, *type, *href, *title;
	struct extract_arena	 arena = { NULL };
	struct buf		 utf8 = BUF_INIT, abs = BUF_INIT;
	const GumboVector	*kids;
	char			*label = NULL, *base = NULL;
	size_t			 nstack = 0, cap = 0, n = 0, i, j;

	*links = NULL;
	if (charset != NULL && *charset != '\0')
		label = xstrdup(charset);
	else if ((label = html_meta_charset(data, len)) == NULL &&
	    charset_sniff_utf8(data, len) < 0)
		label = xstrdup("windows-1252");
	charset_to_utf8(data, len, label, &utf8);
	free(label);
	opts.allocator = extract_gumbo_alloc;
	opts.deallocator = extract_gumbo_free;
	opts.userdata = &arena;
	opts.max_errors = 0;
	out = gumbo_parse_with_options(&opts, utf8.data, utf8.len);
	base = url != NULL ? xstrdup(url) : NULL;

	/* Depth first, in document order, without recursion. */
	stack = xreallocarray(NULL, cap = 64, sizeof *stack);
	stack[nstack++] = out->root;
	while (nstack > 0) {
		node = stack[--nstack];
		if (node->type != GUMBO_NODE_ELEMENT)
			continue;
		if (node->v.element.tag == GUMBO_TAG_BASE && (href =
		    gumbo_get_attribute(&node->v.element.attributes,
		    "href")) != NULL && base != NULL) {
			buf_reset(&abs);
			url_resolve(&abs, url, href->value);
			free(base);
			base = xstrdup(abs.data);
		}
		if (node->v.element.tag == GUMBO_TAG_LINK &&
		    (rel = gumbo_get_attribute(&node->v.element.attributes,
		    "rel")) != NULL && extract_has_token(rel->value,
		    "alternate") && (type = gumbo_get_attribute(
		    &node->v.element.attributes, "type")) != NULL &&
		    extract_feed_type(type->value) && (href =
		    gumbo_get_attribute(&node->v.element.attributes,
		    "href")) != NULL && *href->value != '\0') {
			buf_reset(&abs);
			if (base != NULL)
				url_resolve(&abs, base, href->value);
			else
				buf_addstr(&abs, href->value);
			for (j = 0; j < n; j++)
				if (strcmp((*links)[j].url, abs.data) == 0)
					break;
			if (j == n) {
				title = gumbo_get_attribute(
				    &node->v.element.attributes, "title");
				*links = xreallocarray(*links, n + 1,
				    sizeof **links);
				(*links)[n].url = xstrdup(abs.data);
				(*links)[n].title = title != NULL &&
				    *title->value != '\0' ?
				    xstrdup(title->value) : NULL;
				n++;
			}
		}
		kids = &node->v.element.children;
		if (nstack + kids->length > cap) {
			cap = nstack + kids->length + 64;
			stack = xreallocarray(stack, cap, sizeof *stack);
		}
		for (i = kids->length; i > 0; i--)
			stack[nstack++] = kids->data[i - 1];
	}
	free(stack);
	free(base);
	arena_release(&arena);
	buf_release(&utf8);
	buf_release(&abs);
	return (n);
}

/* Free what extract_feed_links() found. */
void
extract_feed_links_free(struct extract_feed_link *links, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(links[i].url);
		free(links[i].title);
	}
	free(links);
}
