/* store-nb.c: newsboat's cache.db, read for store_import_newsboat().
 *
 * Moving in from newsboat. Its cache.db is an SQLite file of its own
 * (schema as of newsboat 2.x): rss_feed (rssurl, url, title, lastmodified,
 * etag) and rss_item (guid, title, author, url, feedurl, pubDate, content,
 * unread, flags, enclosure_url, enclosure_type, deleted). It is opened
 * read-only and immutable, so nothing is ever written to it, not even a
 * journal or a lock: newsboat must not be running (its lock file says so,
 * and the caller checks that). Each feed's items go through the same merge
 * as a fetch, in one transaction with the feed's validators and then its
 * read and starred marks, so that the first refresh sends newsboat's ETag,
 * an unchanged feed answers 304 and keeps the items, and a changed one is
 * merged by identity. newsboat keeps a guid for every item: the feed's
 * guid or Atom id, else the link; it becomes the entry's id, so entries
 * with an id match it again. newsboat has no star; an item with any flag
 * (its edit-flags) is starred here, since flags are how its users keep
 * items.
 *
 * This file reads newsboat's file and nothing else; store.c merges what it
 * read into tidings's own database.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "feed.h"
#include "store-int.h"
#include "util.h"

struct store_nb {
	sqlite3		*db;
	struct buf	 name;		/* the path, printable, for messages */
};

/* Append path to b as the path of a file: URI, escaped where it must be. */
static void
store_uri_path(struct buf *b, const char *path)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' ||
		    *p >= 0x7f)
			buf_addf(b, "%%%02X", *p);
		else
			buf_addch(b, *p);
	}
}

/* Format t as an HTTP date into s, as Last-Modified carries it. */
static void
store_http_date(int64_t t, char *s, size_t len)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(s, len, "%a, %d %b %Y %H:%M:%S GMT", &tm) == 0)
		s[0] = '\0';
}

/* A text column of newsboat's as a new string, NULL when empty. */
static char *
store_nb_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, i)) == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

/* Free what store_nb_feed() put into f (feed_release() is the parser's). */
static void
store_nb_free(struct feed *f)
{
	struct feed_entry	*e;
	size_t			 i;

	for (i = 0; i < f->nentries; i++) {
		e = &f->entries[i];
		free(e->id);
		free(e->title);
		free(e->author);
		free(e->link);
		free(e->content);
		if (e->nenclosures > 0) {
			free(e->enclosures->url);
			free(e->enclosures->type);
		}
		free(e->enclosures);
	}
	free(f->entries);
	free(f->title);
	free(f->link);
}

/* Read the undeleted items of url from newsboat's cache into f, with
 * their marks in read[] and starred[] (allocated). */
static int
store_nb_items(struct store_nb *nb, const char *url, struct feed *f,
    unsigned char **read, unsigned char **starred, char **cause)
{
	sqlite3_stmt		*stmt;
	struct feed_entry	*e;
	const unsigned char	*flags;
	size_t			 cap = 0;
	int			 rc;

	if (sqlite3_prepare_v2(nb->db, "SELECT guid, title, author, url, "
	    "pubDate, content, unread, flags, enclosure_url, enclosure_type "
	    "FROM rss_item WHERE feedurl = ? AND deleted = 0 ORDER BY id",
	    -1, &stmt, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", nb->name.data,
		    sqlite3_errmsg(nb->db));
		return (-1);
	}
	sqlite3_bind_text(stmt, 1, url, -1, SQLITE_STATIC);
	*read = *starred = NULL;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (f->nentries == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			f->entries = xreallocarray(f->entries, cap,
			    sizeof *f->entries);
			*read = xreallocarray(*read, cap, 1);
			*starred = xreallocarray(*starred, cap, 1);
		}
		e = &f->entries[f->nentries];
		memset(e, 0, sizeof *e);
		e->id = store_nb_text(stmt, 0);
		e->title = store_nb_text(stmt, 1);
		e->author = store_nb_text(stmt, 2);
		e->link = store_nb_text(stmt, 3);
		e->published = sqlite3_column_int64(stmt, 4) > 0 ?
		    sqlite3_column_int64(stmt, 4) : FEED_NODATE;
		e->updated = FEED_NODATE;
		e->content = store_nb_text(stmt, 5);
		if (sqlite3_column_type(stmt, 8) != SQLITE_NULL &&
		    *sqlite3_column_text(stmt, 8) != '\0') {
			e->enclosures = xcalloc(1, sizeof *e->enclosures);
			e->enclosures->url = store_nb_text(stmt, 8);
			e->enclosures->type = store_nb_text(stmt, 9);
			e->enclosures->length = -1;
			e->nenclosures = 1;
		}
		flags = sqlite3_column_text(stmt, 7);
		(*read)[f->nentries] = sqlite3_column_int(stmt, 6) == 0;
		(*starred)[f->nentries] = flags != NULL && *flags != '\0';
		f->nentries++;
	}
	if (rc != SQLITE_DONE)
		xasprintf(cause, "%s: %s", nb->name.data,
		    sqlite3_errmsg(nb->db));
	sqlite3_finalize(stmt);
	return (rc == SQLITE_DONE ? 0 : -1);
}

struct store_nb *
store_nb_open(const char *path, char **cause)
{
	struct store_nb	*nb;
	struct buf	 uri = BUF_INIT;
	sqlite3_stmt	*stmt;

	nb = xcalloc(1, sizeof *nb);
	buf_init(&nb->name);
	buf_addstr(&uri, "file:");
	store_uri_path(&uri, path);
	buf_addstr(&uri, "?immutable=1");
	text_printable(&nb->name, path);
	if (sqlite3_open_v2(uri.data, &nb->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", nb->name.data, nb->db != NULL ?
		    sqlite3_errmsg(nb->db) : "out of memory");
		goto fail;
	}
	if (sqlite3_prepare_v2(nb->db, "SELECT rssurl, etag FROM rss_feed, "
	    "rss_item WHERE 0", -1, &stmt, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: not a newsboat cache (%s)", nb->name.data,
		    sqlite3_errmsg(nb->db));
		goto fail;
	}
	sqlite3_finalize(stmt);
	buf_release(&uri);
	return (nb);
fail:
	buf_release(&uri);
	store_nb_close(nb);
	return (NULL);
}

void
store_nb_close(struct store_nb *nb)
{
	if (nb == NULL)
		return;
	sqlite3_close(nb->db);
	buf_release(&nb->name);
	free(nb);
}

int
store_nb_feed(struct store_nb *nb, const char *url, struct store_nb_feed *nf,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int64_t		 lastmod = 0;
	int		 rc;

	memset(nf, 0, sizeof *nf);
	if (sqlite3_prepare_v2(nb->db, "SELECT title, url, etag, lastmodified "
	    "FROM rss_feed WHERE rssurl = ?", -1, &stmt, NULL) != SQLITE_OK) {
		xasprintf(cause, "%s: %s", nb->name.data,
		    sqlite3_errmsg(nb->db));
		return (-1);
	}
	sqlite3_bind_text(stmt, 1, url, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		nf->f.title = store_nb_text(stmt, 0);
		nf->f.link = store_nb_text(stmt, 1);
		nf->etag = store_nb_text(stmt, 2);
		lastmod = sqlite3_column_int64(stmt, 3);
	} else if (rc != SQLITE_DONE)
		xasprintf(cause, "%s: %s", nb->name.data,
		    sqlite3_errmsg(nb->db));
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return (rc == SQLITE_DONE ? 0 : -1);
	nf->f.updated = FEED_NODATE;
	if (lastmod > 0)
		store_http_date(lastmod, nf->last_modified,
		    sizeof nf->last_modified);
	if (store_nb_items(nb, url, &nf->f, &nf->read, &nf->starred,
	    cause) != 0) {
		store_nb_release(nf);
		return (-1);
	}
	return (1);
}

void
store_nb_release(struct store_nb_feed *nf)
{
	store_nb_free(&nf->f);
	free(nf->etag);
	free(nf->read);
	free(nf->starred);
	memset(nf, 0, sizeof *nf);
}
