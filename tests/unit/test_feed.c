/* test_feed.c: feeds of every format and flaw -> struct feed, and JSON. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "feed.h"
#include "util.h"

#define FIXTURES	"tests/fixtures/feeds/"
#define URL		"http://example.com/dir/feed.xml"
#define MISSING		"#missing"

/*
 * One row per field checked: fixture, HTTP charset, entry (-1 for the feed
 * itself), field, expected value (NULL for null). Dates are RFC 3339,
 * enclosures "url type length" joined by " | ", categories by " | ".
 */
static const struct {
	const char	*fixture;
	const char	*charset;
	int		 entry;
	const char	*field;
	const char	*want;
} field_cases[] = {
	/* RSS 0.91: entities of HTML 4, a DOCTYPE, image and textinput */
	{ "rss091.xml", NULL, -1, "title", "Caf\xc3\xa9 News" },
	{ "rss091.xml", NULL, -1, "link", "http://example.com/" },
	{ "rss091.xml", NULL, -1, "language", "fr" },
	{ "rss091.xml", NULL, -1, "updated", "2004-09-06T16:45:00Z" },
	{ "rss091.xml", NULL, -1, "entries", "2" },
	{ "rss091.xml", NULL, 0, "title",
	    "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e" },
	{ "rss091.xml", NULL, 0, "id", NULL },
	{ "rss091.xml", NULL, 0, "summary", "Dessert & more" },
	{ "rss091.xml", NULL, 1, "link", "http://example.com/second" },
	/* RSS 0.92: no title, enclosure, category with domain, source */
	{ "rss092.xml", NULL, -1, "updated", "2003-06-10T04:00:00Z" },
	{ "rss092.xml", NULL, 0, "title", NULL },
	{ "rss092.xml", NULL, 0, "summary",
	    "An item with no title, only a description <i>in HTML</i>." },
	{ "rss092.xml", NULL, 0, "enclosures",
	    "http://radio.example.com/show.mp3 audio/mpeg 24986239" },
	{ "rss092.xml", NULL, 0, "categories", "Music" },
	/* RSS 1.0: items beside the channel, rdf:about, dc, content */
	{ "rss10.rdf", NULL, -1, "title", "RDF Site" },
	{ "rss10.rdf", NULL, -1, "link", "http://example.org/" },
	{ "rss10.rdf", NULL, -1, "language", "en" },
	{ "rss10.rdf", NULL, -1, "updated", "2002-09-01T10:00:00Z" },
	{ "rss10.rdf", NULL, -1, "entries", "2" },
	{ "rss10.rdf", NULL, 0, "id", "http://example.org/one" },
	{ "rss10.rdf", NULL, 0, "author", "Jane Roe" },
	{ "rss10.rdf", NULL, 0, "published", "2002-09-01T10:00:00Z" },
	{ "rss10.rdf", NULL, 0, "updated", NULL },
	{ "rss10.rdf", NULL, 0, "summary", "First <b>item</b>" },
	{ "rss10.rdf", NULL, 0, "content", "<p>The <em>full</em> text.</p>" },
	{ "rss10.rdf", NULL, 0, "categories", "RDF" },
	{ "rss10.rdf", NULL, 1, "published", "2002-09-01T00:00:00Z" },
	/* RSS 2.0 */
	{ "rss20.xml", NULL, -1, "title", "Example Feed" },
	{ "rss20.xml", NULL, -1, "link", "http://example.com/" },
	{ "rss20.xml", NULL, -1, "description", "<p>All the <b>news</b></p>" },
	{ "rss20.xml", NULL, -1, "language", "en-gb" },
	{ "rss20.xml", NULL, -1, "updated", "2003-01-02T11:30:00Z" },
	{ "rss20.xml", NULL, -1, "ttl", "60" },
	{ "rss20.xml", NULL, 0, "id", "urn:example:1" },
	{ "rss20.xml", NULL, 0, "title", "First & foremost" },
	{ "rss20.xml", NULL, 0, "link", "http://example.com/1" },
	{ "rss20.xml", NULL, 0, "author", "Jo Doe" },
	{ "rss20.xml", NULL, 0, "published", "2002-09-07T00:00:01Z" },
	{ "rss20.xml", NULL, 0, "summary", "<p>Summary one</p>" },
	{ "rss20.xml", NULL, 0, "content", NULL },
	{ "rss20.xml", NULL, 0, "categories", "news | world affairs" },
	{ "rss20.xml", NULL, 1, "link", "http://example.com/2" },
	{ "rss20.xml", NULL, 1, "author", "Ann Other" },
	{ "rss20.xml", NULL, 1, "published", "2002-09-08T15:00:00Z" },
	{ "rss20.xml", NULL, 2, "link", NULL },
	{ "rss20.xml", NULL, 2, "author", "Podcaster" },
	{ "rss20.xml", NULL, 2, "published", NULL },
	/* Atom 0.3 */
	{ "atom03.xml", NULL, -1, "title", "Atom 0.3 Feed" },
	{ "atom03.xml", NULL, -1, "link", "http://example.org/" },
	{ "atom03.xml", NULL, -1, "description", "A <b>bold</b> tagline" },
	{ "atom03.xml", NULL, -1, "language", "en-us" },
	{ "atom03.xml", NULL, -1, "updated", "2003-12-13T18:30:02Z" },
	{ "atom03.xml", NULL, 0, "id", "tag:example.org,2003:3.2397" },
	{ "atom03.xml", NULL, 0, "author", "John Doe" },
	{ "atom03.xml", NULL, 0, "published", "2003-12-13T12:29:29Z" },
	{ "atom03.xml", NULL, 0, "updated", "2003-12-13T18:30:02Z" },
	{ "atom03.xml", NULL, 0, "summary", "Some text." },
	{ "atom03.xml", NULL, 0, "content", "<p>Escaped &amp; HTML</p>" },
	{ "atom03.xml", NULL, 1, "content",
	    "<p>Hello <b>world</b> &amp; all</p>" },
	{ "atom03.xml", NULL, 2, "content", "<p>Base 64</p>" },
	/* Atom 1.0 */
	{ "atom10.xml", NULL, -1, "title", "Example Atom" },
	{ "atom10.xml", NULL, -1, "link", "http://example.org/" },
	{ "atom10.xml", NULL, -1, "description", "Less &lt; more" },
	{ "atom10.xml", NULL, -1, "language", "en" },
	{ "atom10.xml", NULL, -1, "updated", "2003-12-13T18:30:02Z" },
	{ "atom10.xml", NULL, 0, "id",
	    "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a" },
	{ "atom10.xml", NULL, 0, "link",
	    "http://example.org/2003/12/13/atom03" },
	{ "atom10.xml", NULL, 0, "author", "John Doe" },
	{ "atom10.xml", NULL, 0, "published", "2003-12-13T12:29:29Z" },
	{ "atom10.xml", NULL, 0, "updated", "2003-12-13T18:30:02Z" },
	{ "atom10.xml", NULL, 0, "summary", "Tom &amp; Jerry say 1 &lt; 2" },
	{ "atom10.xml", NULL, 0, "content", "<p>An <a href=\"http://example.com"
	    "/rel\">xhtml</a> body &amp; <br />more</p>" },
	{ "atom10.xml", NULL, 0, "enclosures",
	    "http://example.org/robots.mp3 audio/mpeg 1337" },
	{ "atom10.xml", NULL, 0, "categories", "robots | Only a label" },
	{ "atom10.xml", NULL, 1, "title", "An xhtml title" },
	{ "atom10.xml", NULL, 1, "link", "http://example.org/only.pdf" },
	{ "atom10.xml", NULL, 1, "author", "nobody@example.org" },
	{ "atom10.xml", NULL, 1, "published", NULL },
	{ "atom10.xml", NULL, 1, "content", "<p>HTML content</p>" },
	{ "atom10.xml", NULL, 2, "content", NULL },
	/* xml:base on ancestors, nested and relative to each other */
	{ "xmlbase.xml", NULL, -1, "link", "http://example.org/blog/" },
	{ "xmlbase.xml", NULL, 0, "link",
	    "http://example.org/blog/2004/entry.html" },
	{ "xmlbase.xml", NULL, 0, "content",
	    "<img src=\"http://example.org/blog/images/pic.png\"> "
	    "<a href=\"http://example.org/top\">top</a> "
	    "<a href=\"http://example.org/blog/images/#frag\">f</a>" },
	{ "xmlbase.xml", NULL, 1, "link", "http://cdn.example.net/x" },
	{ "xmlbase.xml", NULL, 1, "enclosures",
	    "http://example.org/blog/?q=1&r=2 - -" },
	{ "xmlbase.xml", NULL, 2, "link", "http://other.example.com/d/f" },
	/* character sets */
	{ "latin1.xml", NULL, -1, "title",
	    "Caf\xc3\xa9 \xc2\xab Latin-1 \xc2\xbb" },
	{ "latin1.xml", NULL, 0, "title", "\xc3\x80 la carte" },
	{ "cp1252.xml", NULL, -1, "title", "\xe2\x80\x9cSmart\xe2\x80\x9d "
	    "quotes \xe2\x80\x93 and \xe2\x80\xa6" },
	{ "cp1252.xml", NULL, 0, "title", "It\xe2\x80\x99s \xe2\x82\xac 5" },
	{ "utf16.xml", NULL, -1, "title", "UTF-16 \xc3\xbc" "ber "
	    "\xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80" },
	{ "utf16.xml", NULL, 0, "title", "Item \xc3\xa9" },
	{ "utf32le.xml", NULL, -1, "title",
	    "UTF-32 caf\xc3\xa9 \xf0\x9f\x98\x80" },
	{ "ebcdic.xml", NULL, -1, "title", "EBCDIC caf\xc3\xa9" },
	{ "declares-utf32.xml", NULL, -1, "title", "ASCII that says UTF-32" },
	{ "http-charset.xml", "koi8-r", -1, "title",
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82" },
	{ "http-charset.xml", "KOI8-R", 0, "title",
	    "\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xbe\xd1\x81\xd1\x82\xd0\xb8" },
	/* broken markup that mxml alone would reject */
	{ "ampersands.xml", NULL, -1, "title", "AT&T News & Views" },
	{ "ampersands.xml", NULL, -1, "link", "http://example.com/?a=1&b=2" },
	{ "ampersands.xml", NULL, 0, "title", "Fish & Chips & Peas" },
	{ "ampersands.xml", NULL, 0, "link",
	    "http://example.com/item?id=1&lang=en" },
	{ "ampersands.xml", NULL, 0, "summary",
	    "R&D <a href=\"http://example.com/?x=1&amp;y=2\">x</a> &amp; 1 "
	    "&lt; 2 &amp;&amp; 3 &gt; 2" },
	{ "entities.xml", NULL, -1, "title",
	    "Entities\xc2\xa0\xe2\x80\x94\xe2\x80\xa6" },
	{ "entities.xml", NULL, 0, "title", "\xe2\x80\x9cQuoted\xe2\x80\x9d "
	    "\xe2\x80\x98single\xe2\x80\x99 \xe2\x80\x93 \xe2\x82\xac" "5 "
	    "\xc2\xa3" "3 \xc2\xa9 \xc2\xae \xe2\x84\xa2 \xc3\xa9" },
	{ "entities.xml", NULL, 0, "summary", "&undefined; &copy; \xc2\xa9 "
	    "\xc2\xa9 A \xe2\x80\x93 \xe2\x80\x93 \xef\xbf\xbd \xef\xbf\xbd "
	    "\xef\xbf\xbd \xef\xbf\xbd" },
	{ "entities.xml", NULL, 1, "title", "Unknown &bogus; stays" },
	{ "doctype-bomb.xml", NULL, -1, "title", "Bomb &lol9;" },
	{ "doctype-bomb.xml", NULL, 0, "title", "Defused" },
	{ "comment-before-root.xml", NULL, -1, "title", "Comment first" },
	{ "comment-before-root.xml", NULL, -1, "entries", "1" },
	{ "comment-before-root.xml", NULL, 0, "title", "Still here" },
	{ "cdata.xml", NULL, -1, "title", "Tom & Jerry's <Show>" },
	{ "cdata.xml", NULL, -1, "description",
	    "<p>CDATA <b>HTML</b> & friends" },
	{ "cdata.xml", NULL, 0, "title", "Bold & bright" },
	{ "cdata.xml", NULL, 0, "summary", "Before <em>inside</em> after" },
	{ "cdata.xml", NULL, 1, "title", "5 < 6 & 7 > 3" },
	{ "misnested.xml", NULL, -1, "entries", "3" },
	{ "misnested.xml", NULL, 0, "summary", "<p>Para <b>bold <i>both</i>"
	    "</b> no close<br /> line <img src=\"http://example.com/dir/x.png\""
	    " /> </p>" },
	{ "misnested.xml", NULL, 1, "summary", "Fine" },
	/* escape sequences stay data until the terminal gate */
	{ "hostile-title.xml", NULL, 0, "title",
	    "\x1b[2J\x1b]0;pwned\x07 clear \x1b[31mred" },
	{ "hostile-title.xml", NULL, 0, "summary", "bell\x07 \x1b" },
	/* namespace prefixes */
	{ "ns-prefix.xml", NULL, -1, "title", "Prefixed Atom" },
	{ "ns-prefix.xml", NULL, -1, "link", "http://example.org/" },
	{ "ns-prefix.xml", NULL, 0, "title", "Prefixed entry" },
	{ "ns-prefix.xml", NULL, 0, "content", "<p>Encoded with prefix c</p>" },
	{ "ns-prefix.xml", NULL, 0, "author", "Undeclared Prefix" },
	{ "ns-prefix.xml", NULL, 0, "updated", "2005-07-01T00:00:00Z" },
	{ "ns-prefix.xml", NULL, 1, "title", "Default namespace entry" },
	{ "ns-prefix.xml", NULL, 1, "content", "<p>Prefixed xhtml</p>" },
	{ "ns-rss.xml", NULL, -1, "title", "Unknown default namespace" },
	{ "ns-rss.xml", NULL, -1, "link", "http://example.com/site" },
	{ "ns-rss.xml", NULL, 0, "content",
	    "<p>content: on a misspelt URI</p>" },
	{ "ns-rss.xml", NULL, 0, "updated", "2006-01-02T03:04:05Z" },
	{ "ns-rss.xml", NULL, 0, "id", "urn:a10:1" },
	/* items without guid */
	{ "no-guid.xml", NULL, -1, "entries", "4" },
	{ "no-guid.xml", NULL, 0, "id", NULL },
	{ "no-guid.xml", NULL, 0, "link", "http://example.com/a" },
	{ "no-guid.xml", NULL, 1, "title", "Title only" },
	{ "no-guid.xml", NULL, 2, "summary", "Description only" },
	{ "no-guid.xml", NULL, 3, "title", NULL },
	/* relative links against the document's URL */
	{ "relative.xml", NULL, -1, "link", "http://example.com/" },
	{ "relative.xml", NULL, 0, "link",
	    "http://example.com/dir/posts/1.html" },
	{ "relative.xml", NULL, 0, "id", "../guid-stays-as-given" },
	{ "relative.xml", NULL, 0, "summary",
	    "<a href=\"http://example.com/up\">up</a> "
	    "<img src=\"http://example.com/dir/img/a.png\" alt=x> "
	    "<a href=\"mailto:me@example.com\">m</a>" },
	{ "relative.xml", NULL, 0, "enclosures",
	    "http://example.com/dir/media/a.mp3 audio/mpeg -" },
	{ "relative.xml", NULL, 1, "link", NULL },
	/* enclosures and Media RSS */
	{ "media.xml", NULL, 0, "enclosures",
	    "http://example.com/a.mp3 audio/mpeg 100" },
	{ "media.xml", NULL, 1, "enclosures",
	    "http://example.com/v.mp4 video/mp4 2048 | "
	    "http://example.com/v.webm video/webm -" },
	{ "media.xml", NULL, 2, "enclosures", "http://example.com/t2.jpg - -" },
	/* a YouTube channel: media:group holds the text */
	{ "youtube.xml", NULL, 0, "title", "First video" },
	{ "youtube.xml", NULL, 0, "link", "https://www.youtube.com/watch?v=v1" },
	{ "youtube.xml", NULL, 0, "summary",
	    "Line one &amp; &lt;b&gt;not a tag&lt;/b&gt;\nLine two" },
	{ "youtube.xml", NULL, 0, "enclosures",
	    "https://www.youtube.com/v/v1?version=3 "
	    "application/x-shockwave-flash -" },
	{ "youtube.xml", NULL, 1, "title", "Title from the group" },
	{ "youtube.xml", NULL, 1, "summary", "<p>HTML description</p>" },
	{ "youtube.xml", NULL, 1, "enclosures",
	    "https://i1.ytimg.com/vi/v2/hqdefault.jpg - -" },
	/* a podcast: iTunes text when there is no other, durations */
	{ "podcast.xml", NULL, -1, "description", "Channel subtitle" },
	{ "podcast.xml", NULL, 0, "summary", "The long summary" },
	{ "podcast.xml", NULL, 0, "enclosures",
	    "http://pod.example.com/ep1.mp3 audio/mpeg 1234" },
	{ "podcast.xml", NULL, 0, "duration", "3723" },
	{ "podcast.xml", NULL, 1, "summary", "Only a subtitle" },
	{ "podcast.xml", NULL, 1, "duration", "754" },
	{ "podcast.xml", NULL, 2, "summary", "The description wins" },
	{ "podcast.xml", NULL, 2, "enclosures",
	    "http://pod.example.com/ep3.jpg - -" },
	/* several authors; text encoded as UTF-8 twice; cp1252 references */
	{ "wild.xml", NULL, -1, "title", "Caf\xc3\xa9 au lait" },
	{ "wild.xml", NULL, 0, "author", "Ann Author, Bob Writer" },
	{ "wild.xml", NULL, 1, "author", "Ann Author, Bob Writer" },
	{ "wild.xml", NULL, 2, "title", "Cr\xc3\xa8me br\xc3\xbbl\xc3\xa9" "e "
	    "\xe2\x80\x93 it\xe2\x80\x99s" },
	{ "wild.xml", NULL, 2, "summary", "<p>\xc3\xa9t\xc3\xa9</p>" },
	{ "wild.xml", NULL, 3, "title", "\xc3\x83\xc2\xa9 is how mojibake "
	    "looks, and \xc3\xa9 is not" },
	{ "wild.xml", NULL, 3, "summary",
	    "\xc3\x82\xc2\xa3" "5 \xc3\xa2\xe2\x82\xac\xe2\x80\x9d \xc3\x83" },
	{ "wild.xml", NULL, 4, "title", "It\xe2\x80\x99s \xe2\x80\x9cquoted"
	    "\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5" },
	/* CDF: links and dates in attributes, abstracts */
	{ "cdf.xml", NULL, -1, "title", "CDF title" },
	{ "cdf.xml", NULL, -1, "link", "http://example.com/" },
	{ "cdf.xml", NULL, -1, "description", "CDF abstract" },
	{ "cdf.xml", NULL, -1, "updated", "2004-01-01T00:00:00Z" },
	{ "cdf.xml", NULL, 0, "link", "http://example.com/i1" },
	{ "cdf.xml", NULL, 0, "updated", "2004-02-01T00:00:00Z" },
	{ "cdf.xml", NULL, 0, "summary", "Item abstract" },
	/* keywords as categories, <body> and <fullitem> as content */
	{ "old-forms.xml", NULL, 0, "categories",
	    "news | world affairs | tech | video | clips" },
	{ "old-forms.xml", NULL, 0, "content", "<p>An XHTML <b>body</b></p>" },
	{ "old-forms.xml", NULL, 1, "content", "<p>Full <i>item</i></p>" },
	{ "atom03-created.xml", NULL, 0, "published", "2003-12-13T12:29:29Z" },
	/* JSON Feed 1.1 */
	{ "jsonfeed11.json", NULL, -1, "title", "JSON Feed Example" },
	{ "jsonfeed11.json", NULL, -1, "link", "https://json.example.org/" },
	{ "jsonfeed11.json", NULL, -1, "description", "Posts &amp; notes" },
	{ "jsonfeed11.json", NULL, -1, "language", "en-GB" },
	{ "jsonfeed11.json", NULL, -1, "entries", "3" },
	{ "jsonfeed11.json", NULL, 0, "id", "2" },
	{ "jsonfeed11.json", NULL, 0, "title", "Second post" },
	{ "jsonfeed11.json", NULL, 0, "link",
	    "https://json.example.org/posts/2" },
	{ "jsonfeed11.json", NULL, 0, "author", "Ann, Bob" },
	{ "jsonfeed11.json", NULL, 0, "published", "2024-02-03T15:00:00Z" },
	{ "jsonfeed11.json", NULL, 0, "updated", "2024-02-04T00:00:00Z" },
	{ "jsonfeed11.json", NULL, 0, "summary", "A &lt;summary&gt;" },
	{ "jsonfeed11.json", NULL, 0, "content", "<p>Hello, <a href=\""
	    "https://json.example.org/world\">world</a> &amp; all.</p>" },
	{ "jsonfeed11.json", NULL, 0, "enclosures",
	    "https://json.example.org/ep2.mp3 audio/mpeg 12345 | "
	    "http://example.com/ep2.m4a audio/x-m4a -" },
	{ "jsonfeed11.json", NULL, 0, "duration", "1800" },
	{ "jsonfeed11.json", NULL, 0, "categories", "json | feeds" },
	{ "jsonfeed11.json", NULL, 1, "id", "1" },
	{ "jsonfeed11.json", NULL, 1, "title", NULL },
	{ "jsonfeed11.json", NULL, 1, "link",
	    "https://elsewhere.example.com/story" },
	{ "jsonfeed11.json", NULL, 1, "author", "Feed Author" },
	{ "jsonfeed11.json", NULL, 1, "content",
	    "Plain text: 1 &lt; 2 &amp; 3 &gt; 2" },
	{ "jsonfeed11.json", NULL, 1, "enclosures",
	    "https://json.example.org/pic.jpg - -" },
	{ "jsonfeed11.json", NULL, 2, "link", NULL },
	{ "jsonfeed11.json", NULL, 2, "title", "Caf\xc3\xa9 cr\xc3\xa8me" },
	/* JSON Feed 1.0: author, relative links, a trailing comma */
	{ "jsonfeed10.json", NULL, -1, "title", "Old style" },
	{ "jsonfeed10.json", NULL, -1, "link", "http://example.com/home" },
	{ "jsonfeed10.json", NULL, 0, "link",
	    "http://example.com/dir/posts/a.html" },
	{ "jsonfeed10.json", NULL, 0, "author", "Item Author" },
	{ "jsonfeed10.json", NULL, 0, "content", "Text" },
	{ "jsonfeed10.json", NULL, 1, "author", "Solo Author" },
	{ "jsonfeed10.json", NULL, 1, "content",
	    "<img src=\"http://example.com/dir/i.png\">" },
	/* a download cut off: the complete entries survive */
	{ "truncated.xml", NULL, -1, "title", "Cut off" },
	{ "truncated.xml", NULL, -1, "entries", "2" },
	{ "truncated.xml", NULL, 1, "title", "Complete two" },
	{ "truncated-cdata.xml", NULL, -1, "entries", "1" },
	{ "truncated-cdata.xml", NULL, 0, "title", "x" },
};

/* Parse a fixture; fail the test if it is not a feed. */
static void
parse_fixture(const char *name, const char *charset, struct feed *f)
{
	struct buf	 b = BUF_INIT;
	char		*cause = NULL;

	read_fixture(FIXTURES, name, &b);
	if (feed_parse(b.data, b.len, URL, charset, f, &cause) != 0)
		fail_msg("%s: %s", name, cause);
	buf_release(&b);
}

/* One field of the feed (entry -1) or of an entry, as text in out. Return
 * NULL for null, MISSING when the entry does not exist. */
static const char *
field_get(const struct feed *f, int entry, const char *field, struct buf *out)
{
	const struct feed_entry	*e;
	char			 date[32];
	size_t			 i;
	int64_t			 t = FEED_NODATE;

	buf_reset(out);
	if (entry < 0) {
		if (strcmp(field, "title") == 0)
			return (f->title);
		if (strcmp(field, "link") == 0)
			return (f->link);
		if (strcmp(field, "description") == 0)
			return (f->description);
		if (strcmp(field, "language") == 0)
			return (f->language);
		if (strcmp(field, "image") == 0)
			return (f->image);
		if (strcmp(field, "ttl") == 0) {
			buf_addf(out, "%d", f->ttl);
			return (out->data);
		}
		if (strcmp(field, "entries") == 0) {
			buf_addf(out, "%zu", f->nentries);
			return (out->data);
		}
		if (strcmp(field, "updated") == 0) {
			t = f->updated;
			goto date;
		}
		fail_msg("no feed field %s", field);
	}
	if ((size_t)entry >= f->nentries)
		return (MISSING);
	e = &f->entries[entry];
	if (strcmp(field, "id") == 0)
		return (e->id);
	if (strcmp(field, "title") == 0)
		return (e->title);
	if (strcmp(field, "link") == 0)
		return (e->link);
	if (strcmp(field, "author") == 0)
		return (e->author);
	if (strcmp(field, "summary") == 0)
		return (e->summary);
	if (strcmp(field, "content") == 0)
		return (e->content);
	if (strcmp(field, "lang") == 0)
		return (e->lang);
	if (strcmp(field, "enclosures") == 0) {
		for (i = 0; i < e->nenclosures; i++) {
			buf_addf(out, "%s%s %s ", i > 0 ? " | " : "",
			    e->enclosures[i].url, e->enclosures[i].type != NULL ?
			    e->enclosures[i].type : "-");
			if (e->enclosures[i].length < 0)
				buf_addch(out, '-');
			else
				buf_addf(out, "%lld",
				    (long long)e->enclosures[i].length);
		}
		return (out->data);
	}
	if (strcmp(field, "duration") == 0) {
		if (e->nenclosures == 0 || e->enclosures[0].duration < 0)
			return (NULL);
		buf_addf(out, "%lld", (long long)e->enclosures[0].duration);
		return (out->data);
	}
	if (strcmp(field, "categories") == 0) {
		for (i = 0; i < e->ncategories; i++)
			buf_addf(out, "%s%s", i > 0 ? " | " : "",
			    e->categories[i]);
		return (out->data);
	}
	if (strcmp(field, "published") == 0)
		t = e->published;
	else if (strcmp(field, "updated") == 0)
		t = e->updated;
	else
		fail_msg("no entry field %s", field);
date:
	if (t == FEED_NODATE)
		return (NULL);
	time_rfc3339(t, date, sizeof date);
	buf_addstr(out, date);
	return (out->data);
}

/* Fail row i (of the document named what) unless field of entry in f is
 * want. */
static void
field_check(const struct feed *f, size_t i, const char *what, int entry,
    const char *field, const char *want)
{
	struct buf	 tmp = BUF_INIT;
	const char	*got;

	got = field_get(f, entry, field, &tmp);
	if (want == NULL ? got != NULL : got == NULL || strcmp(got, want) != 0)
		fail_msg("row %zu, %s entry %d %s: got \"%s\", expected "
		    "\"%s\"", i, what, entry, field,
		    got != NULL ? got : "(null)", want != NULL ? want : "(null)");
	buf_release(&tmp);
}

static void
test_feed_fields(void **state)
{
	struct feed	 f;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof field_cases / sizeof field_cases[0]; i++) {
		parse_fixture(field_cases[i].fixture, field_cases[i].charset,
		    &f);
		field_check(&f, i, field_cases[i].fixture, field_cases[i].entry,
		    field_cases[i].field, field_cases[i].want);
		feed_release(&f);
	}
}

/* Documents that are no feed, and the one line that says why. */
static const struct {
	const char	*fixture;	/* or NULL: use text */
	const char	*text;
	const char	*cause;
} error_cases[] = {
	{ "page.html", NULL, "not a feed: the document is HTML" },
	{ NULL, "", "not a feed: the document is empty" },
	{ NULL, " \r\n\t ", "not a feed: the document is empty" },
	{ NULL, "garbage, not even markup",
	    "not a feed: no XML element found" },
	{ NULL, "<?xml version=\"1.0\"?><!-- only a comment -->",
	    "not a feed: no XML element found" },
	{ NULL, "<html><body>x</body></html>",
	    "not a feed: the document is HTML" },
	{ NULL, "<!doctype html><head><title>x</title></head>",
	    "not a feed: the document is HTML" },
	{ NULL, "<?xml version=\"1.0\"?>\n<foo><bar/></foo>",
	    "not a feed: root element <foo>" },
	{ NULL, "<x:rss xmlns:x=\"http://example.com/not-rss\"/>",
	    "not a feed: root element <x:rss>" },
	{ NULL, "<opml version=\"2.0\"><body/></opml>",
	    "not a feed: root element <opml>" },
	{ NULL, "{\"items\":[]}", "not a feed: JSON but no JSON Feed" },
	{ NULL, " [1, 2]", "not a feed: JSON but no JSON Feed" },
	{ NULL, "{\"version\":\"https://example.com/version/1\"}",
	    "not a feed: JSON but no JSON Feed" },
};

/* How the Content-Type of a response decides what its body is. */
static const struct {
	const char	*type;
	const char	*body;
	int		 rc;
	const char	*title;
} type_cases[] = {
	/* A JSON Feed is known by its version, whatever it is served as. */
	{ "application/json", "{\"version\":\"https://jsonfeed.org/version/"
	    "1.1\",\"title\":\"J\",\"items\":[]}", 0, "J" },
	{ "text/xml", " \n{\"version\":\"https://jsonfeed.org/version/1\","
	    "\"title\":\"J\"}", 0, "J" },
	{ NULL, "\xef\xbb\xbf{\"version\":\"https://jsonfeed.org/version/1\","
	    "\"title\":\"BOM\"}", 0, "BOM" },
	{ NULL, "{\"version\":\"http://jsonfeed.org/version/1\",\"title\":"
	    "\"http:\",\"items\":[]}", 0, "http:" },
	{ NULL, "{\"version\":\"ftp://jsonfeed.org/version/1\",\"title\":"
	    "\"ftp:\",\"items\":[]}", -1, NULL },
	/* Served as one, a feed without its version is read too ... */
	{ "application/feed+json; charset=utf-8",
	    "{\"title\":\"No version\",\"items\":[{\"id\":\"1\"}]}", 0,
	    "No version" },
	/* ... but other JSON is not a feed. */
	{ "application/json", "{\"title\":\"x\",\"items\":[]}", -1, NULL },
	{ "application/feed+json", "{\"title\":\"x\"}", -1, NULL },
	/* The JSON Feed type over an XML feed: the bytes tell. */
	{ "application/feed+json", "\n<rss><channel><title>Really XML"
	    "</title></channel></rss>", 0, "Really XML" },
	{ "application/json", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
	    "<title>Atom</title></feed>", 0, "Atom" },
	{ "application/rss+xml", "{\"version\":\"https://jsonfeed.org/"
	    "version/1.1\",\"title\":\"Really JSON\",\"items\":[]}", 0,
	    "Really JSON" },
	/* The charset parameter still reaches XML. */
	{ "application/rss+xml; charset=\"ISO-8859-1\"",
	    "<rss><channel><title>Caf\xe9</title></channel></rss>", 0,
	    "Caf\xc3\xa9" },
};

/*
 * What a feed says of itself and its entries beyond the text: languages
 * (an entry's xml:lang, inherited from the elements around it, else the
 * feed's language), the feed's image, Atom content out of line standing
 * in for a link, JSON Feed tags counted once as categories are. One row
 * per field: document, entry (-1: the feed), field, value (NULL: null).
 */
static const struct {
	const char	*doc;
	int		 entry;
	const char	*field;
	const char	*want;
} more_cases[] = {
	/* xml:lang: the entry's, its feed's, the root's, or the
	 * language element's; "" (unknown) leaves the feed's. */
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
	  "<entry xml:lang=\"de-AT\"><id>1</id></entry>"
	  "<entry><id>2</id></entry>"
	  "<entry xml:lang=\"\"><id>3</id></entry></feed>", 0, "lang",
	  "de-AT" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
	  "<entry xml:lang=\"de-AT\"><id>1</id></entry>"
	  "<entry><id>2</id></entry></feed>", 1, "lang", "en" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
	  "<entry xml:lang=\"\"><id>3</id></entry></feed>", 0, "lang",
	  "en" },
	{ "<rss xml:lang=\"fr\"><channel><item><guid>1</guid></item>"
	  "</channel></rss>", 0, "lang", "fr" },
	{ "<rss><channel><item><guid>1</guid></item><language>pt-BR"
	  "</language></channel></rss>", 0, "lang", "pt-BR" },
	{ "<rss><channel><item><guid>1</guid></item></channel></rss>", 0,
	  "lang", NULL },
	{ "<rss><channel><language>en</language><item xml:lang=\"cy\">"
	  "<guid>1</guid></item></channel></rss>", 0, "lang", "cy" },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"language\":"
	  "\"es\",\"items\":[{\"id\":\"1\",\"language\":\"ca\"},"
	  "{\"id\":\"2\"}]}", 1, "lang", "es" },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"language\":"
	  "\"es\",\"items\":[{\"id\":\"1\",\"language\":\"ca\"}]}", 0,
	  "lang", "ca" },
	/* The feed's image: RSS image url, resolved; its title and link
	 * are not the channel's. */
	{ "<rss><channel><title>C</title><image><url>/logo.png</url>"
	  "<title>Logo</title><link>http://other/</link></image>"
	  "<link>http://e.org/</link></channel></rss>", -1, "image",
	  "http://example.com/logo.png" },
	{ "<rss><channel><image><title>Logo</title></image><title>C</title>"
	  "</channel></rss>", -1, "title", "C" },
	{ "<rss><channel><image><link>http://other/</link></image>"
	  "<link>http://e.org/</link></channel></rss>", -1, "link",
	  "http://e.org/" },
	/* RSS 1.0: beside the channel. */
	{ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
	  " xmlns=\"http://purl.org/rss/1.0/\"><channel><title>R</title>"
	  "</channel><image><url>http://e.org/r.gif</url></image>"
	  "</rdf:RDF>", -1, "image", "http://e.org/r.gif" },
	/* Atom: the icon before the logo, whatever the order. */
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><logo>/big.png</logo>"
	  "<icon>/small.ico</icon></feed>", -1, "image",
	  "http://example.com/small.ico" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><logo>/big.png</logo>"
	  "</feed>", -1, "image", "http://example.com/big.png" },
	/* A podcast's artwork, when there is nothing else; an episode's is
	 * the episode's. */
	{ "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
	  "<channel><itunes:image href=\"http://e.org/art.jpg\"/><item>"
	  "<itunes:image href=\"http://e.org/ep.jpg\"/></item></channel>"
	  "</rss>", -1, "image", "http://e.org/art.jpg" },
	{ "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
	  "<channel><itunes:image href=\"http://e.org/art.jpg\"/><image>"
	  "<url>http://e.org/rss.png</url></image></channel></rss>", -1,
	  "image", "http://e.org/rss.png" },
	{ "<rss><channel><title>x</title></channel></rss>", -1, "image",
	  NULL },
	{ "<rss><channel><image><url>javascript:alert(1)</url></image>"
	  "</channel></rss>", -1, "image", NULL },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"icon\":"
	  "\"https://j.org/i.png\",\"favicon\":\"https://j.org/f.ico\","
	  "\"items\":[]}", -1, "image", "https://j.org/i.png" },
	{ "{\"version\":\"https://jsonfeed.org/version/1\",\"favicon\":"
	  "\"https://j.org/f.ico\",\"items\":[]}", -1, "image",
	  "https://j.org/f.ico" },
	/* Atom content out of line: the entry's link when it has none. */
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
	  "<content type=\"text/html\" src=\"/posts/1.html\"/></entry>"
	  "</feed>", 0, "link", "http://example.com/posts/1.html" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
	  "<content type=\"text/html\" src=\"/posts/1.html\"/></entry>"
	  "</feed>", 0, "content", NULL },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
	  "<content src=\"http://e.org/c\"/><link href=\"http://e.org/a\"/>"
	  "</entry></feed>", 0, "link", "http://e.org/a" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>1</id>"
	  "<content src=\"javascript:x()\"/></entry></feed>", 0, "link",
	  NULL },
	/* JSON Feed tags as categories: folded, each once, none empty. */
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":"
	  "[{\"id\":\"1\",\"tags\":[\"news\",\" news \",\"a  b\",\"\","
	  "\"a b\",7,\"c\"]}]}", 0, "categories", "news | a b | c" },
	{ "<rss><channel><item><category>news</category><category> news"
	  "</category><category>a  b</category><category/></item>"
	  "</channel></rss>", 0, "categories", "news | a b" },
};

/*
 * Feeds as found in the wild, read as feedparser, the most complete parser,
 * reads them where that is right for a reader (bench/conformance compares
 * the two at large). One row per field: document, its URL (NULL: standard
 * input), entry (-1: the feed), field, value (NULL: null).
 */
#define RSS_CHAN	"<rss><channel><title>C</title>" \
			"<link>http://site.org/blog/</link>"
#define ATOM_FEED	"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
static const struct {
	const char	*doc;
	const char	*url;
	int		 entry;
	const char	*field;
	const char	*want;
} conform_cases[] = {
	/* Read from a file or standard input, links resolve against the
	 * feed's link, else its self link; before either, not at all. */
	{ RSS_CHAN "<item><link>/a</link></item></channel></rss>",
	  "file:///tmp/f.xml", 0, "link", "http://site.org/a" },
	{ RSS_CHAN "<item><link>p/1</link></item></channel></rss>", NULL, 0,
	  "link", "http://site.org/blog/p/1" },
	{ RSS_CHAN "<item><description>&lt;img src=\"i.png\"&gt;"
	  "</description></item></channel></rss>", "file:///f.xml", 0,
	  "summary", "<img src=\"http://site.org/blog/i.png\">" },
	{ RSS_CHAN "<item><enclosure url=\"/e.mp3\"/></item></channel></rss>",
	  NULL, 0, "enclosures", "http://site.org/e.mp3 - -" },
	{ RSS_CHAN "<image><url>/logo.png</url></image></channel></rss>",
	  "file:///f.xml", -1, "image", "http://site.org/logo.png" },
	{ "<rss><channel><link>/rel/</link><item><link>/a</link></item>"
	  "</channel></rss>", "file:///f.xml", 0, "link", "/a" },
	{ "<rss><channel><link>/rel/</link></channel></rss>", "file:///f.xml",
	  -1, "link", "/rel/" },
	{ ATOM_FEED "<link rel=\"self\" "
	  "href=\"http://a.org/x/feed\"/><entry><link href=\"e\"/></entry>"
	  "</feed>", "file:///f.xml", 0, "link", "http://a.org/x/e" },
	{ ATOM_FEED "<link rel=\"self\" "
	  "href=\"http://a.org/x/feed\"/><link href=\"http://a.org/\"/>"
	  "<entry><link href=\"e\"/></entry></feed>", NULL, 0, "link",
	  "http://a.org/e" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\""
	  "http://b.org/d/\"><link href=\"http://a.org/\"/><entry><link "
	  "href=\"e\"/></entry></feed>", NULL, 0, "link", "http://b.org/d/e" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"/sub/\">"
	  "<link href=\"http://a.org/x/\"/><entry><link href=\"p\"/>"
	  "</entry></feed>", NULL, 0, "link", "http://a.org/sub/p" },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"s/\">"
	  "<link href=\"http://a.org/x/\"/><entry xml:base=\"e/\"><link "
	  "href=\"p\"/></entry></feed>", NULL, 0, "link",
	  "http://a.org/x/s/e/p" },
	{ "<rss xml:base=\"a/\"><channel xml:base=\"b/\"><link>"
	  "http://x.org/</link><item><link>p</link></item></channel></rss>",
	  NULL, 0, "link", "http://x.org/a/b/p" },
	/* ... even when the link comes after what it resolves. */
#define LATE_LINK	"<rss><channel><image><url>/logo.png</url></image>" \
			"<item><link>/a</link><enclosure url=\"e.mp3\"/>" \
			"<description>&lt;img src=\"i.png\"&gt;" \
			"</description></item><link>http://s.org/d/</link>" \
			"</channel></rss>"
	{ LATE_LINK, "file:///f.xml", 0, "link", "http://s.org/a" },
	{ LATE_LINK, "file:///f.xml", 0, "enclosures",
	  "http://s.org/d/e.mp3 - -" },
	{ LATE_LINK, "file:///f.xml", 0, "summary",
	  "<img src=\"http://s.org/d/i.png\">" },
	{ LATE_LINK, NULL, -1, "image", "http://s.org/logo.png" },
	{ RSS_CHAN "<item><link>/a</link></item></channel></rss>",
	  "http://feed.org/rss", 0, "link", "http://feed.org/a" },
	/* An Atom id that is a web address stands in for a missing link. */
	{ ATOM_FEED "<entry><id>"
	  "https://a.org/p/1</id></entry></feed>", NULL, 0, "link",
	  "https://a.org/p/1" },
	{ ATOM_FEED "<entry><id>"
	  "https://a.org/p/1</id><link href=\"https://a.org/a\"/></entry>"
	  "</feed>", NULL, 0, "link", "https://a.org/a" },
	{ ATOM_FEED "<entry><id>"
	  "tag:a.org,2024:1</id></entry></feed>", NULL, 0, "link", NULL },
	/* An entry without a language of its own (xml:lang, else a language
	 * element) has its text's: content, summary, title; then the feed's. */
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"
	  "<entry><title xml:lang=\"es\">Hola</title></entry></feed>", NULL,
	  0, "lang", "es" },
	{ ATOM_FEED "<entry><title "
	  "xml:lang=\"es\">Hola</title><content xml:lang=\"ca\">Bon dia"
	  "</content></entry></feed>", NULL, 0, "lang", "ca" },
	{ ATOM_FEED "<entry xml:lang="
	  "\"de\"><title xml:lang=\"es\">Hola</title></entry></feed>", NULL,
	  0, "lang", "de" },
	{ "<rss><channel><language>en</language><item><description "
	  "xml:lang=\"fr\">Bonjour</description></item></channel></rss>",
	  NULL, 0, "lang", "fr" },
	{ "<rss><channel><language>en</language><item><dc:language>de"
	  "</dc:language><description xml:lang=\"fr\">x</description></item>"
	  "</channel></rss>", NULL, 0, "lang", "de" },
	{ "<rss><channel><language>en</language><item xml:lang=\"cy\">"
	  "<language>de</language></item></channel></rss>", NULL, 0, "lang",
	  "cy" },
	{ "<rss><channel><item><language>de</language></item><language>en"
	  "</language></channel></rss>", NULL, -1, "language", "en" },
	/* itunes:image written with url= as an enclosure is */
	{ "<rss><channel><itunes:image url=\"http://e.org/art.jpg\"/>"
	  "<item><itunes:image url=\"http://e.org/ep.jpg\"/></item>"
	  "</channel></rss>", NULL, -1, "image", "http://e.org/art.jpg" },
	{ "<rss><channel><item><itunes:image url=\"http://e.org/ep.jpg\"/>"
	  "</item></channel></rss>", NULL, 0, "enclosures",
	  "http://e.org/ep.jpg - -" },
	/* itunes:summary and itunes:subtitle are said to be text, and are
	 * HTML as often: read as RSS descriptions are. */
	{ "<rss><channel><item><itunes:summary>&lt;p&gt;P&lt;/p&gt;"
	  "</itunes:summary></item></channel></rss>", NULL, 0, "summary",
	  "<p>P</p>" },
	{ "<rss><channel><itunes:summary><![CDATA[<p>Show</p>]]>"
	  "</itunes:summary></channel></rss>", NULL, -1, "description",
	  "<p>Show</p>" },
	{ "<rss><channel><item><itunes:subtitle>Tom &amp; Jerry"
	  "</itunes:subtitle></item></channel></rss>", NULL, 0, "summary",
	  "Tom & Jerry" },
	/* Atom 0.3 base64 content: UTF-8, else windows-1252 */
	{ ATOM_FEED "<entry><content "
	  "type=\"text/html\" mode=\"base64\">PHA+Q2Fm6TwvcD4=</content>"
	  "</entry></feed>", NULL, 0, "content", "<p>Caf\xc3\xa9</p>" },
	{ ATOM_FEED "<entry><content "
	  "type=\"text/html\" mode=\"base64\">PHA+Q2Fmw6k8L3A+</content>"
	  "</entry></feed>", NULL, 0, "content", "<p>Caf\xc3\xa9</p>" },
	/* An episode's itunes:category, and the subcategory inside it. */
	{ "<rss><channel><item><itunes:category text=\"Tech &amp; Co\">"
	  "<itunes:category text=\"Gadgets\"/></itunes:category>"
	  "<category>Tech &amp; Co</category></item></channel></rss>", NULL,
	  0, "categories", "Tech & Co | Gadgets" },
	/* Namespaces as feeds misname them: https:, Apple's example URI. */
	{ "<rss xmlns:i=\"https://www.itunes.com/dtds/podcast-1.0.dtd\">"
	  "<channel><item><i:author>A</i:author></item></channel></rss>",
	  NULL, 0, "author", "A" },
	{ "<rss xmlns:i=\"http://example.com/DTDs/PodCast-1.0.dtd\">"
	  "<channel><item><i:author>A</i:author></item></channel></rss>",
	  NULL, 0, "author", "A" },
	{ "<rss xmlns:c=\"HTTPS://purl.org/rss/1.0/modules/content/\">"
	  "<channel><item><c:encoded>C</c:encoded></item></channel></rss>",
	  NULL, 0, "content", "C" },
	{ "<rss xmlns:c=\"ftp://purl.org/rss/1.0/modules/content/\">"
	  "<channel><item><c:encoded>C</c:encoded></item></channel></rss>",
	  NULL, 0, "content", NULL },
	/* dc:date beside pubDate, in either order, is the updated date;
	 * alone, it is the published one. */
	{ "<rss><channel><item><pubDate>Tue, 10 Jun 2003 04:00:00 GMT"
	  "</pubDate><dc:date>2004-01-01T00:00:00Z</dc:date></item></channel>"
	  "</rss>", NULL, 0, "updated", "2004-01-01T00:00:00Z" },
	{ "<rss><channel><item><dc:date>2004-01-01T00:00:00Z</dc:date>"
	  "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item></channel>"
	  "</rss>", NULL, 0, "published", "2003-06-10T04:00:00Z" },
	{ "<rss><channel><item><dc:date>2004-01-01T00:00:00Z</dc:date>"
	  "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item></channel>"
	  "</rss>", NULL, 0, "updated", "2004-01-01T00:00:00Z" },
	{ "<rss><channel><item><dc:date>2004-01-01T00:00:00Z</dc:date>"
	  "</item></channel></rss>", NULL, 0, "updated", NULL },
	{ "<rss><channel><item><pubDate>Tue, 10 Jun 2003 04:00:00 GMT"
	  "</pubDate><dc:date>2004-01-01T00:00:00Z</dc:date><atom:updated>"
	  "2005-01-01T00:00:00Z</atom:updated></item></channel></rss>", NULL,
	  0, "updated", "2005-01-01T00:00:00Z" },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"home_page_url"
	  "\":\"https://j.org/\",\"feed_url\":\"https://f.org/f.json\","
	  "\"items\":[{\"id\":\"1\",\"url\":\"/p\"}]}", "file:///f.json", 0,
	  "link", "https://j.org/p" },
};

/* Parse doc, fetched from url, and check a field as field_check() does. */
static void
doc_check(const char *doc, const char *url, size_t i, const char *what,
    int entry, const char *field, const char *want)
{
	struct feed	 f;
	char		*cause;

	if (feed_parse(doc, strlen(doc), url, NULL, &f, &cause) != 0)
		fail_msg("row %zu of %s: %s", i, what, cause);
	field_check(&f, i, what, entry, field, want);
	feed_release(&f);
}

static void
test_feed_conformance(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(conform_cases); i++)
		doc_check(conform_cases[i].doc, conform_cases[i].url, i,
		    "conform_cases", conform_cases[i].entry,
		    conform_cases[i].field, conform_cases[i].want);
}

static void
test_feed_more_fields(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(more_cases); i++)
		doc_check(more_cases[i].doc, URL, i, "more_cases",
		    more_cases[i].entry, more_cases[i].field,
		    more_cases[i].want);
}

static void
test_feed_content_types(void **state)
{
	struct feed	 f;
	char		*cause = NULL;
	size_t		 i;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof type_cases / sizeof type_cases[0]; i++) {
		rc = feed_parse_response(type_cases[i].body,
		    strlen(type_cases[i].body), URL, type_cases[i].type, &f,
		    &cause);
		if (rc != type_cases[i].rc)
			fail_msg("row %zu: returned %d (%s)", i, rc,
			    rc != 0 ? cause : "");
		if (rc != 0) {
			assert_int_equal(f.nentries, 0);
			free(cause);
			continue;
		}
		if (f.title == NULL || strcmp(f.title, type_cases[i].title) != 0)
			fail_msg("row %zu: title \"%s\"", i,
			    f.title != NULL ? f.title : "(null)");
		feed_release(&f);
	}
}

static void
test_feed_not_a_feed(void **state)
{
	struct buf	 b = BUF_INIT;
	struct feed	 f;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof error_cases / sizeof error_cases[0]; i++) {
		buf_reset(&b);
		if (error_cases[i].fixture != NULL)
			read_fixture(FIXTURES, error_cases[i].fixture, &b);
		else
			buf_addstr(&b, error_cases[i].text);
		cause = NULL;
		if (feed_parse(b.data, b.len, URL, NULL, &f, &cause) != -1)
			fail_msg("row %zu: parsed", i);
		if (cause == NULL || strcmp(cause, error_cases[i].cause) != 0)
			fail_msg("row %zu: cause \"%s\"", i, cause);
		assert_int_equal(f.nentries, 0);
		assert_null(f.title);
		free(cause);
	}
	buf_release(&b);
}

/* An item nested deeper than FEED_MAX_DEPTH loses the part of it that
 * holds the depth (its body), not the rest of the item or of the feed. */
static void
test_feed_depth_limit(void **state)
{
	struct buf	 b = BUF_INIT;
	struct feed	 f;
	char		*cause = NULL;
	int		 i;

	(void)state;
	buf_addstr(&b, "<rss><channel><title>deep</title>\n<item>"
	    "<title>one</title><description>");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "<x>text");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "</x>");
	buf_addstr(&b, "</description><link>http://e.org/1</link></item>"
	    "<item><title>two</title><description>fine</description></item>"
	    "</channel></rss>");
	if (feed_parse(b.data, b.len, NULL, NULL, &f, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(f.title, "deep");
	assert_int_equal(f.nentries, 2);
	assert_string_equal(f.entries[0].title, "one");
	assert_null(f.entries[0].summary);
	assert_string_equal(f.entries[0].link, "http://e.org/1");
	assert_string_equal(f.entries[1].title, "two");
	assert_string_equal(f.entries[1].summary, "fine");
	feed_release(&f);

	/* Never closed, with void elements and CDATA in the deep part: the
	 * item that follows still counts. */
	buf_reset(&b);
	buf_addstr(&b, "<rss><channel><item><title>one</title><content:encoded "
	    "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "<div><br><![CDATA[x]]>&amp;");
	buf_addstr(&b, "</content:encoded></item><item><title>two</title>"
	    "</item></channel></rss>");
	if (feed_parse(b.data, b.len, NULL, NULL, &f, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(f.nentries, 2);
	assert_null(f.entries[0].content);
	assert_string_equal(f.entries[1].title, "two");
	feed_release(&f);

	/* Outside an item only the element too deep goes. */
	buf_reset(&b);
	buf_addstr(&b, "<rss><channel><title>t</title>");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "<x>");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "</x>");
	buf_addstr(&b, "<item><title>kept</title></item></channel></rss>");
	if (feed_parse(b.data, b.len, NULL, NULL, &f, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(f.nentries, 1);
	assert_string_equal(f.entries[0].title, "kept");
	feed_release(&f);

	/* Just inside the limit is fine, and so is closing it all at once. */
	buf_reset(&b);
	buf_addstr(&b, "<rss><channel><item><title>ok</title>");
	for (i = 0; i < FEED_MAX_DEPTH - 4; i++)
		buf_addstr(&b, "<x>");
	buf_addstr(&b, "</item></channel></rss>");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &f, &cause), 0);
	assert_int_equal(f.nentries, 1);
	assert_string_equal(f.entries[0].title, "ok");
	feed_release(&f);

	/* Text on either side of the part that goes, long or short, is
	 * text side by side: in an item ... */
	buf_reset(&b);
	buf_addstr(&b, "<rss><channel><item><title>t</title>"
	    "text long enough to be kept aside<description>");
	for (i = 0; i < FEED_MAX_DEPTH + 10; i++)
		buf_addstr(&b, "<x>");
	buf_addstr(&b, "</description>and as long after it<link>"
	    "http://e.org/1</link></item></channel></rss>");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &f, &cause), 0);
	assert_int_equal(f.nentries, 1);
	assert_string_equal(f.entries[0].link, "http://e.org/1");
	feed_release(&f);

	/* ... and outside one. */
	buf_reset(&b);
	buf_addstr(&b, "<rss><channel><title>");
	for (i = 0; i < FEED_MAX_DEPTH - 3; i++)
		buf_addstr(&b, "<x>");
	buf_addstr(&b, "text long enough to be kept aside<y>deep</y>7");
	for (i = 0; i < FEED_MAX_DEPTH - 3; i++)
		buf_addstr(&b, "</x>");
	buf_addstr(&b, "</title><item><title>kept</title></item>"
	    "</channel></rss>");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &f, &cause), 0);
	assert_string_equal(f.title, "text long enough to be kept aside7");
	assert_int_equal(f.nentries, 1);
	assert_string_equal(f.entries[0].title, "kept");
	feed_release(&f);
	buf_release(&b);
}

static void
test_feed_entry_limit(void **state)
{
	struct buf	 b = BUF_INIT;
	struct feed	 f;
	char		*cause;
	int		 i;

	(void)state;
	buf_addstr(&b, "<rss><channel>");
	for (i = 0; i < FEED_MAX_ENTRIES + 10; i++)
		buf_addstr(&b, "<item/>");
	buf_addstr(&b, "<title>after them all</title></channel></rss>");
	assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &f, &cause), 0);
	assert_int_equal(f.nentries, FEED_MAX_ENTRIES);
	assert_int_equal(f.dropped, 10);
	assert_string_equal(f.title, "after them all");
	feed_release(&f);
	buf_release(&b);
}

static void
test_feed_json_shape(void **state)
{
	static const char doc[] =
	    "<rss><channel><title>T \"q\"</title><link>http://e.org/</link>"
	    "<item><title>A\\B</title><guid isPermaLink=\"true\">"
	    "http://e.org/1</guid><pubDate>Wed, 31 Dec 2003 10:14:55 GMT"
	    "</pubDate><enclosure url=\"http://e.org/a.mp3\"/>"
	    "<category>c1</category><category>c2</category></item>"
	    "<item/></channel></rss>";
	static const char want[] =
	    "{\"feed\":{\"title\":\"T \\\"q\\\"\",\"link\":\"http://e.org/\","
	    "\"description\":null,\"language\":null,\"image\":null,"
	    "\"updated\":null,\"dropped_entries\":0},"
	    "\"entries\":[{\"id\":\"http://e.org/1\",\"title\":\"A\\\\B\","
	    "\"link\":\"http://e.org/1\",\"author\":null,"
	    "\"published\":\"2003-12-31T10:14:55Z\",\"updated\":null,"
	    "\"summary\":null,\"content\":null,\"lang\":null,"
	    "\"enclosures\":[{\"url\":"
	    "\"http://e.org/a.mp3\",\"type\":null,\"length\":null,"
	    "\"duration\":null}],"
	    "\"categories\":[\"c1\",\"c2\"]},{\"id\":null,\"title\":null,"
	    "\"link\":null,\"author\":null,\"published\":null,\"updated\":null,"
	    "\"summary\":null,\"content\":null,\"lang\":null,"
	    "\"enclosures\":[],\"categories\":[]}]}";
	struct buf	 out = BUF_INIT;
	struct feed	 f;
	char		*cause;

	(void)state;
	assert_int_equal(feed_parse(doc, sizeof doc - 1, NULL, NULL, &f,
	    &cause), 0);
	feed_json(&f, &out);
	assert_string_equal(out.data, want);
	feed_release(&f);

	/* Control characters leave as JSON escapes, not raw bytes. */
	parse_fixture("hostile-title.xml", NULL, &f);
	buf_reset(&out);
	feed_json(&f, &out);
	assert_null(memchr(out.data, 0x1b, out.len));
	assert_non_null(strstr(out.data, "\\u001b[2J"));
	feed_release(&f);
	buf_release(&out);
}

/* Author strings in the forms feeds use. */
static const struct {
	const char	*author;
	const char	*want;
} author_cases[] = {
	{ "jo@example.com (Jo Doe)", "Jo Doe" },
	{ "Jo Doe <jo@example.com>", "Jo Doe" },
	{ "\"Jo Doe\" <mailto:jo@example.com>", "Jo Doe" },
	{ "jo@example.com", "jo@example.com" },
	{ "  Jo   Doe  ", "Jo Doe" },
	{ "(Jo Doe)", "Jo Doe" },
	{ "Jo Doe (jo@example.com)", "Jo Doe" },
	{ "@handle", "@handle" },
};

static void
test_feed_authors(void **state)
{
	struct buf	 b = BUF_INIT;
	struct feed	 f;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof author_cases / sizeof author_cases[0]; i++) {
		buf_reset(&b);
		buf_addstr(&b, "<rss><channel><item><author>");
		buf_add_xml(&b, author_cases[i].author);
		buf_addstr(&b, "</author></item></channel></rss>");
		assert_int_equal(feed_parse(b.data, b.len, NULL, NULL, &f,
		    &cause), 0);
		if (f.entries[0].author == NULL ||
		    strcmp(f.entries[0].author, author_cases[i].want) != 0)
			fail_msg("row %zu \"%s\": got \"%s\"", i,
			    author_cases[i].author, f.entries[0].author);
		feed_release(&f);
	}
	buf_release(&b);
}

/* References through an Atom link, resolved against the document's URL
 * (url_resolve(); RFC 3986 itself is test_url.c's), and a link that would
 * run code dropped. */
static const struct {
	const char	*ref;
	const char	*want;
} url_cases[] = {
	{ "g:h", "g:h" },
	{ "../g", "http://a/b/g" },
	{ "//g", "http://g" },
	{ "#s", "http://a/b/c/d;p?q#s" },
	{ "", "http://a/b/c/d;p?q" },
	{ "  g\n", "http://a/b/c/g" },
	{ "https://x.org/./a", "https://x.org/./a" },
	{ "javascript:alert(1)", NULL },
	{ "java\tscript:alert(1)", NULL },
};

static void
test_feed_url_resolution(void **state)
{
	struct buf	 b = BUF_INIT;
	struct feed	 f;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof url_cases / sizeof url_cases[0]; i++) {
		buf_reset(&b);
		buf_addstr(&b, "<feed xmlns='http://www.w3.org/2005/Atom'>"
		    "<entry><link href=\"");
		buf_add_xml(&b, url_cases[i].ref);
		buf_addstr(&b, "\"/></entry></feed>");
		assert_int_equal(feed_parse(b.data, b.len, "http://a/b/c/d;p?q",
		    NULL, &f, &cause), 0);
		if (url_cases[i].want == NULL ? f.entries[0].link != NULL :
		    f.entries[0].link == NULL ||
		    strcmp(f.entries[0].link, url_cases[i].want) != 0)
			fail_msg("row %zu \"%s\": got \"%s\"", i,
			    url_cases[i].ref, f.entries[0].link);
		feed_release(&f);
	}
	buf_release(&b);
}

/* Inputs that once made mxml read past its buffer or lose the document. */
static const struct {
	const char	*text;
	size_t		 len;
	const char	*title;		/* NULL: must not parse */
} mxml_cases[] = {
	{ "\xff\xfe<\0r\0s\0s\0>\0<\0", 11, NULL },	/* odd UTF-16 */
	{ "<rss><channel><title>\xc3\xa9\xff\xfe" "b</title></channel></rss>",
	    0, "\xc3\xa9\xc3\xbf\xc3\xbe" "b" },	/* UTF-8 and cp1252 */
	{ "<rss><channel><title>a\xff\xfe" "b</title></channel></rss>", 0,
	    "a\xc3\xbf\xc3\xbe" "b" },		/* no UTF-8 at all: cp1252 */
	{ "<rss><channel><title>a\0b</title></channel></rss>", 42,
	    "a\xef\xbf\xbd" "b" },
	{ "<rss><channel><title>&#xDFFF;&#55296;</title></channel></rss>", 0,
	    "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "<rss><channel><title>a<b</title></channel></rss>", 0, "a<b" },
	{ "<rss><channel><title>1 < 2 <3</title></channel></rss>", 0,
	    "1 < 2 <3" },
	{ "<rss><channel><title x='1' x='2'>dup</title></channel></rss>", 0,
	    "dup" },
	{ "<rss><channel><title a=1 b c='<'>unquoted</title></channel></rss>",
	    0, "unquoted" },
	{ "<rss><channel><TITLE>upper</TITLE></channel></rss>", 0, "upper" },
	{ "<rss><channel><title>\xef\xbb\xbfzw</title></channel></rss>", 0,
	    "zw" },
	{ "\xef\xbb\xbf<rss><channel><title>bom</title></channel></rss>", 0,
	    "bom" },
	{ "<rss><channel><title>cr\r\nlf\rcr</title></channel></rss>", 0,
	    "cr lf cr" },
	/* a stray NUL first is no UTF-16; UTF-16 without a BOM is */
	{ "\0<rss><channel><title>nul</title></channel></rss>", 49, "nul" },
	{ "<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0t\0i\0t\0l"
	    "\0e\0>\0w\0i\0d\0e\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0c\0h\0"
	    "a\0n\0n\0e\0l\0>\0<\0/\0r\0s\0s\0>\0", 98, "wide" },
	{ "\0<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0t\0i\0t\0"
	    "l\0e\0>\0w\0i\0d\0e\0<\0/\0t\0i\0t\0l\0e\0>\0<\0/\0c\0h"
	    "\0a\0n\0n\0e\0l\0>\0<\0/\0r\0s\0s\0>", 98, "wide" },
};

/*
 * Text that cleaning may keep out of mxml's way (long runs) or hand to it
 * (short ones) comes out the same either way. One row per case: the format,
 * the inside of the first item or entry, its field, the value expected.
 */
#define MARK		"\xf4\x8f\xbf\xbd"	/* U+10FFFD, as a placeholder */
static const struct {
	int		 atom;
	const char	*item;
	const char	*field;
	const char	*want;
} text_cases[] = {
	/* the placeholder's code point in real text, short and long */
	{ 0, "<title>" MARK "0</title>", "title", MARK "0" },
	{ 0, "<description>a run long enough to be the first one kept out"
	    "</description><title>" MARK "0</title>", "title", MARK "0" },
	{ 0, "<title>&#x10FFFD;1</title>", "title", MARK "1" },
	{ 0, "<description>" MARK "0 is no placeholder, however long the "
	    "text</description>", "summary", MARK "0 is no placeholder, "
	    "however long the text" },
	{ 0, "<description>a &#x10fffd;2 " MARK "</description>", "summary",
	    "a " MARK "2 " MARK },
	/* runs made of several pieces, CDATA split across sections */
	{ 0, "<title><![CDATA[abc]]><![CDATA[def]]></title>", "title",
	    "abcdef" },
	{ 0, "<description>a<![CDATA[ & ]]>b<!-- a comment -->d and then a "
	    "longer run</description>", "summary",
	    "a & bd and then a longer run" },
	{ 0, "<description><![CDATA[x]]]]><![CDATA[>y, long enough to "
	    "leave mxml]]></description>", "summary",
	    "x]]>y, long enough to leave mxml" },
	/* references decoded in a long run as mxml would */
	{ 0, "<description>&lt;b&gt;bold&lt;/b&gt; &amp;amp; &#60;i&#62;x"
	    "&lt;/i&gt; &#x26; caf&eacute; &#27;[31m&#xFEFF;end</description>",
	    "summary", "<b>bold</b> &amp; <i>x</i> & caf\xc3\xa9 \x1b[31mend" },
	{ 0, "<description><![CDATA[\xef\xbb\xbf" "a CDATA section with a "
	    "byte order mark, \xef\xbb\xbftwice]]></description>", "summary",
	    "a CDATA section with a byte order mark, twice" },
	{ 0, "<description><![CDATA[line one\r\nline two\rline three, long "
	    "enough]]></description>", "summary",
	    "line one\nline two\nline three, long enough" },
	{ 0, "<description>\x01\x1b[2J control characters in a long run&#13;"
	    "</description>", "summary",
	    "\x01\x1b[2J control characters in a long run" },
	{ 0, "<title>\xef\xbb\xbf&#xfeff;\xef\xbb\xbf&#xFEFF;\xef\xbb\xbf"
	    "&#xfeff;\xef\xbb\xbf</title>", "title", NULL },
	/* long text still has its links resolved and its type obeyed */
	{ 0, "<content:encoded><![CDATA[<p>Long <a href=\"/rel\">relative</a> "
	    "link &amp; <img src=\"img/x.png\"></p>]]></content:encoded>",
	    "content", "<p>Long <a href=\"http://example.com/rel\">"
	    "relative</a> link &amp; <img src=\"http://example.com/dir/img/"
	    "x.png\"></p>" },
	{ 1, "<content type=\"html\">&lt;p&gt;Escaped &amp;amp; HTML with a "
	    "&lt;a href=\"/r\"&gt;link&lt;/a&gt;&lt;/p&gt;</content>",
	    "content",
	    "<p>Escaped &amp; HTML with a <a href=\"http://example.com/r\">"
	    "link</a></p>" },
	{ 1, "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/"
	    "xhtml\"><p>Inline &amp; &lt;escaped&gt; text, long enough</p>\n"
	    "<p>and a second paragraph</p></div></content>", "content",
	    "<p>Inline &amp; &lt;escaped&gt; text, long enough</p>\n"
	    "<p>and a second paragraph</p>" },
	{ 1, "<summary type=\"text\">Plain text &lt;not a tag&gt; &amp; long "
	    "enough to be diverted</summary>", "summary",
	    "Plain text &lt;not a tag&gt; &amp; long enough to be diverted" },
	{ 1, "<author><name>A very long author name, longer than the limit"
	    "</name></author>", "author",
	    "A very long author name, longer than the limit" },
};

static void
test_feed_text_runs(void **state)
{
	struct buf	 b = BUF_INIT, tmp = BUF_INIT;
	struct feed	 f;
	const char	*got, *want;
	char		*cause;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof text_cases / sizeof text_cases[0]; i++) {
		buf_reset(&b);
		if (text_cases[i].atom)
			buf_addf(&b, "<feed xmlns=\"http://www.w3.org/2005/"
			    "Atom\"><entry>%s</entry></feed>",
			    text_cases[i].item);
		else
			buf_addf(&b, "<rss><channel><title>T</title><item>%s"
			    "</item></channel></rss>", text_cases[i].item);
		cause = NULL;
		if (feed_parse(b.data, b.len, URL, NULL, &f, &cause) != 0)
			fail_msg("row %zu: %s", i, cause);
		got = field_get(&f, 0, text_cases[i].field, &tmp);
		want = text_cases[i].want;
		if (want == NULL ? got != NULL :
		    got == NULL || strcmp(got, want) != 0)
			fail_msg("row %zu, %s: got \"%s\", expected \"%s\"", i,
			    text_cases[i].field, got != NULL ? got : "(null)",
			    want != NULL ? want : "(null)");
		feed_release(&f);
	}
	buf_release(&b);
	buf_release(&tmp);
}

/*
 * Text of every length from 1 to 200 bytes, around any limit on what goes
 * through mxml, with references in it: a plain text title keeps it as it
 * is, a text summary escapes it.
 */
static void
test_feed_text_lengths(void **state)
{
	static const char	*const piece[] = { "a", "&amp;", "&lt;", "b" };
	static const char	 plain[] = "a&<b", html[][6] = { "a", "&amp;",
	    "&lt;", "b" };
	struct buf		 b = BUF_INIT, text = BUF_INIT;
	struct buf		 title = BUF_INIT, summary = BUF_INIT;
	struct feed		 f;
	char			*cause;
	size_t			 n, i;

	(void)state;
	for (n = 1; n <= 200; n++) {
		buf_reset(&text);
		buf_reset(&title);
		buf_reset(&summary);
		for (i = 0; i < n; i++) {
			buf_addstr(&text, piece[i % 4]);
			buf_addch(&title, plain[i % 4]);
			buf_addstr(&summary, html[i % 4]);
		}
		buf_reset(&b);
		buf_addf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
		    "<entry><title>%s</title><summary>%s</summary></entry>"
		    "</feed>", text.data, text.data);
		cause = NULL;
		if (feed_parse(b.data, b.len, NULL, NULL, &f, &cause) != 0)
			fail_msg("length %zu: %s", n, cause);
		if (f.entries[0].title == NULL ||
		    strcmp(f.entries[0].title, title.data) != 0)
			fail_msg("length %zu: title \"%s\"", n,
			    f.entries[0].title);
		if (f.entries[0].summary == NULL ||
		    strcmp(f.entries[0].summary, summary.data) != 0)
			fail_msg("length %zu: summary \"%s\"", n,
			    f.entries[0].summary);
		feed_release(&f);
	}
	buf_release(&b);
	buf_release(&title);
	buf_release(&summary);
	buf_release(&text);
}

static void
test_feed_mxml_traps(void **state)
{
	struct feed	 f;
	char		*cause;
	size_t		 i, len;
	int		 rc;

	(void)state;
	for (i = 0; i < sizeof mxml_cases / sizeof mxml_cases[0]; i++) {
		len = mxml_cases[i].len != 0 ? mxml_cases[i].len :
		    strlen(mxml_cases[i].text);
		cause = NULL;
		rc = feed_parse(mxml_cases[i].text, len, NULL, NULL, &f, &cause);
		if (mxml_cases[i].title == NULL) {
			if (rc != -1)
				fail_msg("row %zu: parsed", i);
			free(cause);
			continue;
		}
		if (rc != 0)
			fail_msg("row %zu: %s", i, cause);
		if (f.title == NULL || strcmp(f.title, mxml_cases[i].title) != 0)
			fail_msg("row %zu: title \"%s\"", i, f.title);
		feed_release(&f);
	}
}

/* Every prefix of a good feed, and feeds with bytes flipped, parse or fail
 * cleanly (the sanitizers watch), and all text they give is valid UTF-8.
 * Each prefix is a copy of its own size, so that a read past the end of
 * the input, which need not end in a NUL, does not go unseen. */
static void
test_feed_survives_damage(void **state)
{
	struct buf	 b = BUF_INIT, copy = BUF_INIT;
	struct feed	 f;
	char		*cause, *exact;
	size_t		 len, i, j;
	uint32_t	 seed = 12345, cp;

	(void)state;
	read_fixture(FIXTURES, "atom10.xml", &b);
	for (len = 0; len <= b.len; len++) {
		exact = xmalloc(len > 0 ? len : 1);
		memcpy(exact, b.data, len);
		cause = NULL;
		if (feed_parse(exact, len, URL, NULL, &f, &cause) == 0)
			feed_release(&f);
		free(cause);
		free(exact);
	}
	for (i = 0; i < 300; i++) {
		buf_reset(&copy);
		buf_add(&copy, b.data, b.len);
		for (j = 0; j < 8; j++) {
			seed = seed * 1103515245 + 12345;
			copy.data[(seed >> 8) % copy.len] = (char)(seed >> 24);
		}
		cause = NULL;
		if (feed_parse(copy.data, copy.len, URL, NULL, &f, &cause) != 0) {
			free(cause);
			continue;
		}
		if (f.title != NULL)
			for (j = 0; f.title[j] != '\0'; j += len)
				if ((len = utf8_decode((const unsigned char *)
				    f.title + j, strlen(f.title + j), &cp)) == 0)
					fail_msg("mutation %zu: bad UTF-8", i);
		feed_release(&f);
	}
	buf_release(&b);
	buf_release(&copy);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_fields),
		cmocka_unit_test(test_feed_not_a_feed),
		cmocka_unit_test(test_feed_content_types),
		cmocka_unit_test(test_feed_more_fields),
		cmocka_unit_test(test_feed_conformance),
		cmocka_unit_test(test_feed_depth_limit),
		cmocka_unit_test(test_feed_entry_limit),
		cmocka_unit_test(test_feed_json_shape),
		cmocka_unit_test(test_feed_authors),
		cmocka_unit_test(test_feed_url_resolution),
		cmocka_unit_test(test_feed_text_runs),
		cmocka_unit_test(test_feed_text_lengths),
		cmocka_unit_test(test_feed_mxml_traps),
		cmocka_unit_test(test_feed_survives_damage),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
