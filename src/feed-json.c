/* feed-json.c: JSON Feed 1.0 and 1.1 bytes -> struct feed.
 *
 * JSON Feed (https://jsonfeed.org/version/1.1) is one JSON object: the
 * feed's title, home_page_url and description, and an array of items,
 * each with an id, url, title, content_html or content_text, summary,
 * dates in RFC 3339, authors (1.1; a single author in 1.0), tags and
 * attachments. It comes out in the same struct feed as RSS and Atom: an
 * item's HTML is its content and its summary, plain text is escaped into
 * HTML, attachments are enclosures, and an item without authors has the
 * feed's. Links are resolved against the document's URL, and the HTML of
 * content against the item's own URL, as feed.c does for xml:base.
 *
 * json.c reads the document into values allocated from a private arena
 * that goes away with the parse, the strings that are kept being copied.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "feed.h"
#include "feed-int.h"
#include "json.h"
#include "util.h"

#define FEED_JSON_VERSION	"://jsonfeed.org/version/"	/* after https
							 * (or http) */

/* The text of member key of o when it is a string (or, with number, a
 * number), trimmed; NULL when absent, of another type or empty. */
static const char *
feed_json_str(const struct json *o, const char *key, int number,
    struct buf *tmp)
{
	const struct json	*v = json_get(o, key);

	if (v == NULL || (v->type != JSON_STRING &&
	    (!number || v->type != JSON_NUMBER)))
		return (NULL);
	buf_reset(tmp);
	buf_addstr(tmp, v->str);
	feed_trim(tmp);
	return (tmp->data);
}

/* A copy of member key of o as plain text, runs of white space folded;
 * NULL when there is none. */
static char *
feed_json_text(const struct json *o, const char *key, struct buf *tmp)
{
	if (feed_json_str(o, key, 0, tmp) == NULL)
		return (NULL);
	feed_collapse(tmp);
	return (tmp->len == 0 ? NULL : xstrdup(tmp->data));
}

/* Member key of o as HTML: html is taken as it is (its links resolved
 * against base), plain text is escaped. NULL when there is none. */
static char *
feed_json_html(const struct json *o, const char *key, int html,
    const char *base, struct buf *tmp)
{
	struct buf	 out = BUF_INIT;
	const char	*s;

	if ((s = feed_json_str(o, key, 0, tmp)) == NULL || *s == '\0')
		return (NULL);
	if (!html)
		buf_add_xml(&out, s);
	else if (base != NULL && *base != '\0')
		feed_html_urls(&out, s, strlen(s), base);
	else
		buf_addstr(&out, s);
	return (buf_detach(&out, NULL));
}

/* Member key of o as a link resolved against base; NULL when there is
 * none or it would run code. */
static char *
feed_json_link(const struct json *o, const char *key, const char *base,
    struct buf *tmp)
{
	const char	*s;

	if ((s = feed_json_str(o, key, 0, tmp)) == NULL || *s == '\0')
		return (NULL);
	return (feed_link(base, s));
}

/* A date member of o: UTC seconds, or FEED_NODATE. */
static int64_t
feed_json_date(const struct json *o, const char *key, struct buf *tmp)
{
	int64_t	 t;

	if (date_parse(feed_json_str(o, key, 0, tmp), &t) != 0)
		return (FEED_NODATE);
	return (t);
}

/* A size or duration member of o: a whole number, or -1. */
static int64_t
feed_json_count(const struct json *o, const char *key)
{
	const struct json	*v = json_get(o, key);
	char			*end;
	double			 d;

	if (v == NULL || (v->type != JSON_NUMBER && v->type != JSON_STRING))
		return (-1);
	d = strtod(v->str, &end);
	if (end == v->str || *end != '\0' || !(d >= 0 && d < 9e15))
		return (-1);
	return ((int64_t)d);
}

/* The names of the authors of o (1.1's "authors", 1.0's "author"), joined
 * by ", "; NULL when it names none. */
static char *
feed_json_authors(const struct json *o, struct buf *tmp)
{
	const struct json	*a, *one;
	struct buf		 out = BUF_INIT;
	char			*name;
	size_t			 i, n;

	if ((a = json_get(o, "authors")) != NULL && a->type == JSON_ARRAY)
		n = a->n;
	else if ((a = json_get(o, "author")) != NULL &&
	    a->type == JSON_OBJECT)
		n = 1;
	else
		return (NULL);
	for (i = 0; i < n && out.len < FEED_MAX_AUTHORS; i++) {
		one = a->type == JSON_ARRAY ? &a->v[i] : a;
		if ((name = feed_json_text(one, "name", tmp)) == NULL)
			continue;
		if (out.len > 0)
			buf_addstr(&out, ", ");
		buf_addstr(&out, name);
		free(name);
	}
	if (out.len == 0) {
		buf_release(&out);
		return (NULL);
	}
	return (buf_detach(&out, NULL));
}

/* Add an attachment (or, with url set, a picture) to e's enclosures. */
static void
feed_json_enclosure(struct feed_entry *e, const struct json *att,
    const char *url, const char *base, struct buf *tmp)
{
	struct feed_enclosure	*enc;
	const char		*type;
	char			*link;
	size_t			 i;

	link = url != NULL ? feed_link(base, url) :
	    feed_json_link(att, "url", base, tmp);
	if (link == NULL)
		return;
	for (i = 0; i < e->nenclosures; i++) {
		if (strcmp(e->enclosures[i].url, link) == 0) {
			free(link);
			return;
		}
	}
	e->enclosures = xreallocarray(e->enclosures, e->nenclosures + 1,
	    sizeof *e->enclosures);
	enc = &e->enclosures[e->nenclosures++];
	enc->url = link;
	type = url == NULL ? feed_json_str(att, "mime_type", 0, tmp) : NULL;
	enc->type = type != NULL && *type != '\0' ? xstrdup(type) : NULL;
	enc->length = url == NULL ? feed_json_count(att, "size_in_bytes") : -1;
	enc->duration = url == NULL ?
	    feed_json_count(att, "duration_in_seconds") : -1;
}

/* Read one item into e. */
static void
feed_json_item(const struct json *it, const char *base, const char *authors,
    struct feed_entry *e, struct buf *tmp)
{
	const struct json	*v;
	const char		*s, *ibase;
	size_t			 i;

	memset(e, 0, sizeof *e);
	if ((s = feed_json_str(it, "id", 1, tmp)) != NULL && *s != '\0')
		e->id = xstrdup(s);
	e->link = feed_json_link(it, "url", base, tmp);
	if (e->link == NULL)
		e->link = feed_json_link(it, "external_url", base, tmp);
	ibase = e->link != NULL ? e->link : base;
	e->title = feed_json_text(it, "title", tmp);
	e->author = feed_json_authors(it, tmp);
	if (e->author == NULL && authors != NULL)
		e->author = xstrdup(authors);
	e->published = feed_json_date(it, "date_published", tmp);
	e->updated = feed_json_date(it, "date_modified", tmp);
	e->summary = feed_json_html(it, "summary", 0, ibase, tmp);
	e->content = feed_json_html(it, "content_html", 1, ibase, tmp);
	if (e->content == NULL)
		e->content = feed_json_html(it, "content_text", 0, ibase, tmp);
	if ((v = json_get(it, "tags")) != NULL && v->type == JSON_ARRAY) {
		for (i = 0; i < v->n; i++) {
			if (v->v[i].type != JSON_STRING)
				continue;
			buf_reset(tmp);
			buf_addstr(tmp, v->v[i].str);
			feed_collapse(tmp);
			feed_category(e, tmp->data);
		}
	}
	if ((s = feed_json_str(it, "language", 0, tmp)) != NULL && *s != '\0')
		e->lang = xstrdup(s);
	if ((v = json_get(it, "attachments")) != NULL && v->type == JSON_ARRAY)
		for (i = 0; i < v->n &&
		    e->nenclosures < FEED_MAX_ENCLOSURES; i++)
			feed_json_enclosure(e, &v->v[i], NULL, base, tmp);
	/* A picture, as for a Media RSS thumbnail, when nothing else is. */
	if (e->nenclosures == 0 && ((s = feed_json_str(it, "image", 0,
	    tmp)) != NULL || (s = feed_json_str(it, "banner_image", 0,
	    tmp)) != NULL) && *s != '\0')
		feed_json_enclosure(e, NULL, s, base, tmp);
}

/* Does s (len bytes) start, after white space, as JSON does? */
int
feed_is_json(const char *s, size_t len)
{
	size_t	 i = 0;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && feed_isspace((unsigned char)s[i]))
		i++;
	return (i < len && (s[i] == '{' || s[i] == '['));
}

/* Is s an absolute http or https URL? */
static int
feed_json_absolute(const char *s)
{
	while (feed_isspace((unsigned char)*s))
		s++;
	return (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

/* Parse a JSON Feed into *f, or say in *cause why it is none. */
int
feed_parse_jsonfeed(const char *data, size_t len, const char *url,
    const char *charset, int sure, struct feed *f, char **cause)
{
	struct json_arena	 a;
	struct json		 doc;
	const struct json	*items, *v;
	struct buf		 u = BUF_INIT, tmp = BUF_INIT;
	const char		*s, *base, *ver;
	char			*authors;
	size_t			 i, cap = 0;

	memset(&a, 0, sizeof a);
	if (charset_sniff_utf8(data, len) != 1) {
		charset_to_utf8(data, len, charset, &u);
		data = u.data;
		len = u.len;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	json_parse(data, len, json_arena_alloc, &a, &doc);
	s = feed_json_str(&doc, "version", 0, &tmp);
	items = json_get(&doc, "items");
	/* Feeds write http: for the https: of the version's URL. */
	ver = s != NULL && strncmp(s, "https", 5) == 0 ? s + 5 :
	    s != NULL && strncmp(s, "http", 4) == 0 ? s + 4 : NULL;
	if (doc.type != JSON_OBJECT || (!sure && (ver == NULL ||
	    strncmp(ver, FEED_JSON_VERSION, strlen(FEED_JSON_VERSION)) !=
	    0)) ||
	    (sure && s == NULL && (items == NULL || items->type !=
	    JSON_ARRAY))) {
		*cause = xstrdup("not a feed: JSON but no JSON Feed");
		buf_release(&u);
		buf_release(&tmp);
		json_arena_release(&a);
		return (-1);
	}
	/* Links resolve against the document; one read from a file, against
	 * the site's URL, else the feed's own, as in XML feeds (feed.c). */
	base = url;
	if (feed_url_local(url)) {
		base = NULL;
		if ((v = json_get(&doc, "home_page_url")) != NULL &&
		    v->type == JSON_STRING && feed_json_absolute(v->str))
			base = v->str;
		else if ((v = json_get(&doc, "feed_url")) != NULL &&
		    v->type == JSON_STRING && feed_json_absolute(v->str))
			base = v->str;
	}
	f->title = feed_json_text(&doc, "title", &tmp);
	f->link = feed_json_link(&doc, "home_page_url", base, &tmp);
	f->description = feed_json_html(&doc, "description", 0, NULL, &tmp);
	if ((s = feed_json_str(&doc, "language", 0, &tmp)) != NULL &&
	    *s != '\0')
		f->language = xstrdup(s);
	f->image = feed_json_link(&doc, "icon", base, &tmp);
	if (f->image == NULL)
		f->image = feed_json_link(&doc, "favicon", base, &tmp);
	authors = feed_json_authors(&doc, &tmp);
	if (items != NULL && items->type == JSON_ARRAY) {
		for (i = 0; i < items->n; i++) {
			if (items->v[i].type != JSON_OBJECT)
				continue;
			if (f->nentries >= FEED_MAX_ENTRIES) {
				f->dropped++;
				continue;
			}
			if (f->nentries == cap) {
				cap = cap == 0 ? 16 : cap * 2;
				f->entries = xreallocarray(f->entries, cap,
				    sizeof *f->entries);
			}
			feed_json_item(&items->v[i], base, authors,
			    &f->entries[f->nentries++], &tmp);
		}
	}
	free(authors);
	buf_release(&u);
	buf_release(&tmp);
	json_arena_release(&a);
	feed_repair(f);
	return (0);
}
