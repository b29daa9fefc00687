/* feed.h: RSS 0.9x/1.0/2.0, Atom 0.3/1.0 and JSON Feed bytes -> struct feed.
 *
 * A pure function of its input: no I/O, no database, no terminal. All text
 * in a struct feed is valid UTF-8 with no NUL bytes. */
#ifndef TIDINGS_FEED_H
#define TIDINGS_FEED_H

#include <stddef.h>
#include <stdint.h>

struct buf;

#define FEED_NODATE		INT64_MIN	/* a date that is absent or unparseable */
#define FEED_MAX_ENTRIES	100000		/* entries past this are dropped,
						 * and counted */
#define FEED_MAX_DEPTH		256		/* an item's part nested deeper
						 * is dropped */

struct feed_enclosure {
	char		*url;		/* resolved; never NULL */
	char		*type;		/* may be NULL */
	int64_t		 length;	/* bytes, or -1 when unknown */
	int64_t		 duration;	/* seconds (itunes:duration, Media
					 * RSS duration=), or -1 */
};

struct feed_entry {
	char		*id;		/* guid / atom:id as given, or NULL */
	char		*title;		/* plain text, or NULL */
	char		*link;		/* resolved absolute URL, or NULL */
	char		*author;	/* plain text names joined by ", ",
					 * or NULL */
	int64_t		 published;	/* UTC seconds or FEED_NODATE */
	int64_t		 updated;	/* UTC seconds or FEED_NODATE */
	char		*summary;	/* HTML, or NULL */
	char		*content;	/* HTML, or NULL */
	struct feed_enclosure *enclosures;
	size_t		 nenclosures;
	char		**categories;	/* plain text, each once */
	size_t		 ncategories;
	char		*lang;		/* its xml:lang (JSON Feed: language),
					 * else the feed's language, or NULL */
};

struct feed {
	char		*title;		/* plain text, or NULL */
	char		*link;		/* the site's URL, resolved, or NULL */
	char		*description;	/* HTML, or NULL */
	char		*language;	/* or NULL */
	char		*image;		/* its icon or logo, resolved: Atom
					 * icon, RSS image, Atom logo,
					 * itunes:image (JSON Feed: icon,
					 * favicon), the first there is; or
					 * NULL */
	int64_t		 updated;	/* the feed's own date, or FEED_NODATE */
	int		 ttl;		/* RSS <ttl> in minutes, or 0 */
	struct feed_entry *entries;
	size_t		 nentries;
	size_t		 dropped;	/* entries past FEED_MAX_ENTRIES */
};

/*
 * Parse len bytes of a feed document fetched from url (used to resolve
 * relative links; may be NULL). charset is the HTTP Content-Type charset
 * parameter, or NULL; it wins over the XML declaration, as in RFC 7303.
 * On success fill *f (the caller releases it with feed_release()) and return 0.
 * Input that is not a feed returns -1 with a one-line reason in *cause
 * (the caller frees it) and leaves *f empty.
 */
int	 feed_parse(const char *data, size_t len, const char *url,
	     const char *charset, struct feed *f, char **cause);

/*
 * The same for an HTTP response: content_type is its Content-Type header
 * value (or NULL), which gives the charset and tells a JSON Feed served as
 * application/feed+json, unless the body is no JSON at all (it starts
 * with '<'): servers mislabel feeds, and the bytes tell. A document that starts
 * with '{' is read as a JSON Feed (1.0 or 1.1) by feed_parse() too,
 * whatever the Content-Type, if its version says it is one.
 */
int	 feed_parse_response(const char *data, size_t len, const char *url,
	     const char *content_type, struct feed *f, char **cause);
void	 feed_release(struct feed *);

/* Append f as the JSON document printed by "tidings parse-feed". */
void	 feed_json(const struct feed *, struct buf *);

#endif /* TIDINGS_FEED_H */
