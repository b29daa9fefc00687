/* download.c: enclosures downloaded into files, resumed where they
 * stopped.
 *
 * The queue is the store's downloads table: a row per enclosure URL and
 * per file, so one enclosure is never queued twice and two never share a
 * file. Which process downloads a file is decided by a lock, not by the
 * row: the file comes as NAME.part, and whoever holds flock() on the
 * .part downloads it; the others pass it by. A process killed with kill
 * -9 loses its lock with its life, so nothing stays claimed by the dead,
 * and the row still says queued.
 *
 * Resuming. Bytes go to the .part as they arrive, at the offset they
 * belong at, so after any stop the .part's size is how many are good
 * (the kernel keeps what a killed process wrote). The next try asks for
 * the rest (Range: bytes=SIZE-) and keeps the answer only when it is the
 * rest: a 206 whose Content-Range starts at SIZE and gives the size the
 * file had when the .part began (the row holds it from the first answer
 * on, before the .part's first byte; another size is another file, and
 * the .part is emptied for the next try to start over). A server that
 * answers 200 sends the whole file, and the .part starts over (an empty body
 * included: the file is empty now); a 206 that starts elsewhere ends the
 * try, and the .part is emptied so the next starts over. A 416 to a
 * range at the end of the file means the .part was complete already (a
 * process stopped between the last byte and the rename); one that gives
 * a size below the .part's (the file changed on the server) empties it
 * as a 206 that starts elsewhere does. Complete, the .part is synced and
 * then renamed to NAME, so NAME is never a partial file (one that is
 * there, say from podboat, is replaced only by a whole one); the lock is
 * held until the row says done, and whoever takes a lock reads the row
 * again first.
 *
 * Cancelling. The row is the user's word: a cancel (or a removal) makes
 * it something else than queued, from any process, and the downloader
 * writes its row only while it still says queued, so its next progress
 * tells it to stop; it deletes the .part itself, under its lock (the
 * canceller deletes one that nobody holds). Only the rename is past
 * recall: a cancel that comes after the last byte leaves the file done.
 *
 * Names. A file is named after its feed and item, which come from the
 * network: download_name() makes one path component of them that no
 * shell, option parser or file manager misreads.
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "download.h"
#include "http.h"
#include "store.h"
#include "url.h"
#include "util.h"

#define DOWNLOAD_SAVE_SECS	1.0	/* progress to the row this often */
#define DOWNLOAD_REPORT_SECS	0.25	/* and to the caller */
#define DOWNLOAD_MAX_SUFFIX	100	/* " (2)" to " (100)" */

/* MIME types and the extensions their files have. */
static const struct {
	const char	*type;
	const char	*ext;
} download_types[] = {
	{ "audio/mpeg", "mp3" },	{ "audio/mp3", "mp3" },
	{ "audio/mp4", "m4a" },		{ "audio/x-m4a", "m4a" },
	{ "audio/aac", "aac" },		{ "audio/ogg", "ogg" },
	{ "audio/opus", "opus" },	{ "audio/flac", "flac" },
	{ "audio/x-flac", "flac" },	{ "audio/wav", "wav" },
	{ "audio/x-wav", "wav" },	{ "audio/webm", "weba" },
	{ "video/mp4", "mp4" },		{ "video/x-m4v", "m4v" },
	{ "video/webm", "webm" },	{ "video/ogg", "ogv" },
	{ "video/quicktime", "mov" },	{ "video/x-matroska", "mkv" },
	{ "application/pdf", "pdf" },	{ "application/epub+zip", "epub" },
	{ "image/jpeg", "jpg" },	{ "image/png", "png" },
};

/* Append s to b as part of a file name: controls (and the bidi controls
 * that would show the name in another order, as text_safe_cp() has
 * them), invalid UTF-8 and the characters file systems or shells take
 * specially become "_", blanks and line separators collapse into one
 * space. */
static void
download_clean(struct buf *b, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, len = strlen(s);
	uint32_t		 cp;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0) {
			n = 1;
			cp = 0xfffd;
		}
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == 0xa0 || text_safe_cp(cp) == ' ') {
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				buf_addch(b, ' ');
		} else if (text_safe_cp(cp) != cp || cp == 0xfffd ||
		    strchr("/\\:*?\"<>|", (int)cp) != NULL)
			buf_addch(b, '_');
		else
			buf_add(b, p, n);
		p += n;
		len -= n;
	}
}

/* The extension of url's last path segment (1 to 5 letters or digits),
 * lower case, or else type's, or "". */
static void
download_ext(char *out, size_t len, const char *url, const char *type)
{
	const char	*end, *seg, *dot;
	size_t		 i, n;

	out[0] = '\0';
	if (url != NULL) {
		seg = url_last_segment(url, &n);
		end = seg + n;
		for (dot = end; dot > seg && dot[-1] != '.'; dot--)
			;
		n = (size_t)(end - dot);
		if (dot > seg + 1 && n >= 1 && n <= 5 && n < len) {
			for (i = 0; i < n; i++) {
				if (!((dot[i] >= 'a' && dot[i] <= 'z') ||
				    (dot[i] >= 'A' && dot[i] <= 'Z') ||
				    (dot[i] >= '0' && dot[i] <= '9')))
					break;
				out[i] = (char)(dot[i] >= 'A' && dot[i] <= 'Z' ?
				    dot[i] - 'A' + 'a' : dot[i]);
			}
			out[i] = '\0';
			if (i == n)
				return;
			out[0] = '\0';
		}
	}
	if (type == NULL)
		return;
	n = strcspn(type, "; \t");
	for (i = 0; i < nitems(download_types); i++) {
		if (strlen(download_types[i].type) == n &&
		    strncasecmp(type, download_types[i].type, n) == 0) {
			snprintf(out, len, "%s", download_types[i].ext);
			return;
		}
	}
}

char *
download_name(const char *feed, const char *title, const char *url,
    const char *type)
{
	struct buf	 b = BUF_INIT, t = BUF_INIT;
	char		 ext[8];
	size_t		 start, end, cut;

	if (feed != NULL)
		download_clean(&b, feed);
	if (title != NULL)
		download_clean(&t, title);
	if (b.len > 0 && t.len > 0)
		buf_addstr(&b, " - ");
	buf_add(&b, t.data, t.len);
	buf_release(&t);

	/* Nothing a shell or ls hides or takes for an option at the start,
	 * no blank or dot at the end. */
	for (start = 0; start < b.len && strchr(" .-", b.data[start]) != NULL;
	    start++)
		;
	end = b.len;
	while (end > start && strchr(" .", b.data[end - 1]) != NULL)
		end--;
	if (end - start > DOWNLOAD_NAME_MAX) {
		/* Cut before a character, never inside one. */
		cut = start + DOWNLOAD_NAME_MAX;
		while (cut > start && ((unsigned char)b.data[cut] & 0xc0) ==
		    0x80)
			cut--;
		end = cut;
		while (end > start && strchr(" .", b.data[end - 1]) != NULL)
			end--;
	}
	memmove(b.data, b.data + start, end - start);
	buf_truncate(&b, end - start);
	if (b.len == 0)
		buf_addstr(&b, "enclosure");
	download_ext(ext, sizeof ext, url, type);
	if (ext[0] != '\0')
		buf_addf(&b, ".%s", ext);
	return (buf_detach(&b, NULL));
}

/* Whether enclosure e is audio or video: by its MIME type, or by its
 * URL's extension when it has no type or a vague one. */
static int
download_is_media(const struct store_enclosure *e)
{
	const char	*t = e->type;
	char		 ext[8];
	size_t		 i;

	if (t != NULL && (strncasecmp(t, "audio/", 6) == 0 ||
	    strncasecmp(t, "video/", 6) == 0))
		return (1);
	if (t != NULL && *t != '\0' &&
	    strncasecmp(t, "application/octet-stream", 24) != 0)
		return (0);
	download_ext(ext, sizeof ext, e->url, NULL);
	for (i = 0; ext[0] != '\0' && i < nitems(download_types); i++)
		if (strcmp(download_types[i].ext, ext) == 0)
			return (strncmp(download_types[i].type, "audio/", 6) ==
			    0 || strncmp(download_types[i].type, "video/", 6) ==
			    0);
	return (0);
}

size_t
download_pick(const struct store_enclosure *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (download_is_media(&v[i]))
			return (i);
	return (0);
}

/* name with " (k)" before its extension (k > 1), in dir. */
static char *
download_path(const char *dir, const char *name, int k)
{
	const char	*dot;
	char		*s;
	size_t		 len;

	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (k <= 1) {
		xasprintf(&s, "%.*s/%s", (int)len, dir, name);
		return (s);
	}
	if ((dot = strrchr(name, '.')) == NULL || dot == name)
		dot = name + strlen(name);
	xasprintf(&s, "%.*s/%.*s (%d)%s", (int)len, dir, (int)(dot - name),
	    name, k, dot);
	return (s);
}

/* Whether path, or its .part, is a file already. */
static int
download_exists(const char *path)
{
	struct stat	 sb;
	char		*part;
	int		 found;

	if (lstat(path, &sb) == 0)
		return (1);
	xasprintf(&part, "%s.part", path);
	found = lstat(part, &sb) == 0;
	free(part);
	return (found);
}

int
download_enqueue(const struct config *cfg, const struct config_feed *cf,
    struct store *st, int64_t item_id, int which, const char *feed,
    char **path, char **cause)
{
	struct store_enclosure	*v = NULL, *e;
	struct store_download	 d;
	struct store_body	 body;
	const char		*dirset;
	char			*dir = NULL, *name = NULL, *cwd, *abs;
	size_t			 n = 0;
	int			 rc, k;

	*path = NULL;
	memset(&d, 0, sizeof d);
	if ((rc = store_item_get(st, item_id, &body, cause)) <= 0)
		return (rc);
	if ((rc = store_item_enclosure_list(st, item_id, &v, &n, cause)) <= 0
	    || n == 0 || (which >= 0 && (size_t)which >= n)) {
		rc = rc < 0 ? -1 : 0;
		goto out;
	}
	e = &v[which >= 0 ? (size_t)which : download_pick(v, n)];
	/* Queued or downloaded before: where it is (one that failed or was
	 * cancelled is queued again, into the same file). */
	if ((rc = store_download_find(st, e->url, &d, cause)) < 0)
		goto out;
	if (rc == 1) {
		rc = d.state == STORE_DL_FAILED ||
		    d.state == STORE_DL_CANCELLED ?
		    store_download_add(st, &d, cause) : 0;
		goto done;
	}
	dirset = config_str(cfg, cf, SET_DOWNLOAD_DIR);
	if (dirset == NULL || *dirset == '\0') {
		xasprintf(cause, "download-dir is empty");
		rc = -1;
		goto out;
	}
	dir = util_expand_home(dirset);
	/* A relative one is the working directory's: the row keeps the
	 * file's absolute path, which a process started elsewhere finds
	 * and which the player takes for no option. */
	if (dir[0] != '/') {
		if ((cwd = getcwd(NULL, 0)) == NULL) {
			xasprintf(cause, "download-dir %s: %s", dir,
			    strerror(errno));
			rc = -1;
			goto out;
		}
		xasprintf(&abs, "%s/%s", cwd, dir);
		free(cwd);
		free(dir);
		dir = abs;
	}
	name = download_name(feed, body.item.title, e->url, e->type);
	d.url = xstrdup(e->url);
	d.item_id = item_id;
	d.size = e->length > 0 ? e->length : -1;
	d.added = time_now();
	xasprintf(&d.title, "%s%s%s", feed != NULL ? feed : "",
	    feed != NULL && *feed != '\0' ? ": " : "", body.item.title);
	rc = 2;
	for (k = 1; k <= DOWNLOAD_MAX_SUFFIX && rc == 2; k++) {
		free(d.path);
		d.path = download_path(dir, name, k);
		/* Someone's file of that name is not ours to write over. */
		if (!download_exists(d.path))
			rc = store_download_add(st, &d, cause);
	}
	if (rc == 2) {
		xasprintf(cause, "%s: no free file name for %s", dir, name);
		rc = -1;
	}
done:
	if (rc >= 0) {
		*path = d.path;
		d.path = NULL;
	}
out:
	store_download_release(&d);
	store_enclosures_free(v, n);
	store_body_release(&body);
	free(dir);
	free(name);
	return (rc < 0 ? -1 : rc);
}

int
download_after_refresh(const struct config *cfg, struct store *st,
    int64_t since, size_t limit, int *queued, char **cause)
{
	const struct config_feed *cf;
	struct store_feed	 sf;
	const char		*name;
	int64_t			*ids;
	char			*path;
	size_t			 i, j, n;
	int			 rc;

	for (i = 0; i < cfg->nfeeds; i++) {
		cf = &cfg->feeds[i];
		if (config_num(cfg, cf, SET_DOWNLOAD_ENCLOSURES) == 0)
			continue;
		if ((rc = store_feed_get(st, cf->url, &sf, cause)) < 0)
			return (-1);
		if (rc == 0)
			continue;
		if (store_enclosures_new(st, sf.id, since, limit, &ids, &n,
		    cause) != 0) {
			store_feed_release(&sf);
			return (-1);
		}
		name = cf->title != NULL ? cf->title : sf.title != NULL &&
		    *sf.title != '\0' ? sf.title : cf->url;
		for (j = 0; j < n; j++) {
			if ((rc = download_enqueue(cfg, cf, st, ids[j],
			    DOWNLOAD_PICK, name, &path, cause)) < 0)
				break;
			*queued += rc;
			free(path);
		}
		free(ids);
		store_feed_release(&sf);
		if (rc < 0)
			return (-1);
	}
	return (0);
}

/* Remove path's .part unless someone downloads it (holds its lock). */
static void
download_drop_part(const char *path)
{
	char	*part;
	int	 fd;

	xasprintf(&part, "%s.part", path);
	fd = open(part, O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY);
	if (fd != -1) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			unlink(part);
		close(fd);
	}
	free(part);
}

int
download_cancel(struct store *st, int64_t id, char **cause)
{
	char	*path;
	int	 rc;

	if ((rc = store_download_cancel(st, id, time_now(), &path,
	    cause)) == 1) {
		/* Whoever downloads it now removes it when it stops. */
		download_drop_part(path);
		free(path);
	}
	return (rc);
}

int
download_remove(struct store *st, int64_t id, char **cause)
{
	char	*path;
	int	 rc;

	if ((rc = store_download_forget(st, id, &path, cause)) == 1) {
		download_drop_part(path);
		free(path);
	}
	return (rc);
}

/* One download under way. */
struct download_job {
	struct store		*st;
	struct store_download	*d;
	int			 fd;
	int64_t			 off;		/* the .part's good bytes */
	int			 started;	/* the first chunk came */
	double			 saved;		/* progress last written */
	double			 reported;
	void			(*report)(void *, enum download_event,
				    const struct store_download *);
	void			*arg;
};

/* Empty the .part, so that the next try starts the file over. */
static void
download_restart(struct download_job *j)
{
	if (ftruncate(j->fd, 0) == 0)
		j->off = j->d->got = 0;
}

/* Write how far the download came to its row, while the row says
 * queued; -1 when it no longer does (cancelled, or removed from the
 * list, perhaps by another process): the download is to stop. */
static int
download_save(struct download_job *j)
{
	char	*cause;

	switch (store_download_update(j->st, j->d, &cause)) {
	case -1:
		log_debug("download: %s", cause);
		free(cause);
		break;
	case 0:
		return (-1);
	}
	return (0);
}

/* The sink: put a chunk where it belongs in the .part. */
static char *
download_sink(void *arg, const struct http_chunk *c)
{
	struct download_job	*j = arg;
	const char		*p = c->data;
	size_t			 left = c->len;
	ssize_t			 n;
	double			 now;
	char			*why;

	if (!j->started) {
		j->started = 1;
		if (c->status != 206) {
			/* The whole file: start over. */
			if (ftruncate(j->fd, 0) == -1)
				goto fail;
			j->off = 0;
		} else if (c->from != j->off) {
			/* The next try starts over. */
			xasprintf(&why, "the server sent bytes from %lld on, "
			    "not from %lld", (long long)c->from,
			    (long long)j->off);
			download_restart(j);
			return (why);
		} else if (j->d->size > 0 && c->total >= 0 &&
		    c->total != j->d->size) {
			/* The rest of another file: the one the .part began
			 * was this size. The next try starts over. */
			xasprintf(&why, "the file changed on the server "
			    "(%lld bytes, was %lld)", (long long)c->total,
			    (long long)j->d->size);
			download_restart(j);
			return (why);
		}
		/* The server's word, not the feed's: a feed's length is
		 * often a guess, or 0. In the row before a byte is in the
		 * .part, since it is what the next try checks the rest
		 * against, however this one ends. */
		if (j->d->size != c->total) {
			j->d->size = c->total;
			j->d->got = j->off;
			if (download_save(j) != 0)
				return (xstrdup("cancelled"));
		}
	}
	if (j->d->size >= 0 && (int64_t)left > j->d->size - j->off) {
		/* A Content-Range that lies: whatever else it says is not to
		 * be trusted either, and a .part longer than the file would
		 * be asked for the bytes past its end. */
		xasprintf(&why, "the server sent more than the %lld bytes it "
		    "said the file has", (long long)j->d->size);
		download_restart(j);
		return (why);
	}
	while (left > 0) {
		if ((n = pwrite(j->fd, p, left, (off_t)j->off)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += n;
		left -= (size_t)n;
		j->off += n;
	}
	j->d->got = j->off;
	now = time_mono();
	if (now - j->saved >= DOWNLOAD_SAVE_SECS) {
		j->saved = now;
		if (download_save(j) != 0)
			return (xstrdup("cancelled"));
	}
	if (j->report != NULL && now - j->reported >= DOWNLOAD_REPORT_SECS) {
		j->reported = now;
		j->report(j->arg, DOWNLOAD_PROGRESS, j->d);
	}
	return (NULL);
fail:
	xasprintf(&why, "%s.part: %s", j->d->path, strerror(errno));
	return (why);
}

/* The response: note an error. */
static void
download_done(void *arg, void *req_arg, struct http_response *res)
{
	struct http_response	*out = req_arg;

	(void)arg;
	out->status = res->status;
	out->total = res->total;
	out->error = res->error != NULL ? xstrdup(res->error) : NULL;
}

/* Fetch d into fd (its .part, locked), from its size on. Return 0 when
 * the .part is complete, 1 when stopped, or -1 with *why. */
static int
download_fetch(const struct config *cfg, struct download_job *j,
    const atomic_int *stop, char **why)
{
	struct http_options	 ho = { 1, 1 };
	struct http_request	 req;
	struct http_response	 res;
	struct http		*http;
	struct stat		 sb;
	int			 rc;

	if (fstat(j->fd, &sb) == -1) {
		xasprintf(why, "%s.part: %s", j->d->path, strerror(errno));
		return (-1);
	}
	j->off = sb.st_size;
	j->d->got = j->off;
	memset(&req, 0, sizeof req);
	req.url = j->d->url;
	req.user_agent = config_str(cfg, NULL, SET_USER_AGENT);
	req.connect_timeout = config_num(cfg, NULL, SET_CONNECT_TIMEOUT);
	req.stall_timeout = config_num(cfg, NULL, SET_STALL_TIMEOUT);
	req.max_redirects = config_num(cfg, NULL, SET_MAX_REDIRECTS);
	req.sink = download_sink;
	req.sink_arg = j;
	req.range_from = j->off;
	memset(&res, 0, sizeof res);
	req.arg = &res;
	http = http_new(&ho);
	http_add(http, &req);
	rc = http_run(http, download_done, NULL, stop);
	http_free(http);
	if (rc != 0) {
		free(res.error);
		return (1);
	}
	if (res.error != NULL && res.status == 416 && res.total >= 0 &&
	    res.total == j->off) {
		/* It was all there. */
		free(res.error);
		j->d->size = res.total;
		j->d->got = j->off;
		return (0);
	}
	if (res.error != NULL && res.status == 416 && res.total >= 0 &&
	    res.total < j->off) {
		/* The .part is longer than the file: the file changed on the
		 * server (or a server sent more than it said). Asking for the
		 * rest would fail the same way for ever. */
		free(res.error);
		xasprintf(why, "the file is %lld bytes, shorter than the %lld "
		    "downloaded; the next try starts over",
		    (long long)res.total, (long long)j->off);
		download_restart(j);
		return (-1);
	}
	if (res.error != NULL) {
		*why = res.error;
		return (-1);
	}
	if (!j->started) {
		/* No body at all: the whole file is empty (a 206 has a byte
		 * at least), whatever the .part held and the feed said. */
		if (ftruncate(j->fd, 0) == -1) {
			xasprintf(why, "%s.part: %s", j->d->path,
			    strerror(errno));
			return (-1);
		}
		j->off = 0;
		j->d->size = res.total;
	}
	if (j->d->size >= 0 && j->off != j->d->size) {
		xasprintf(why, "the server sent %lld of %lld bytes",
		    (long long)j->off, (long long)j->d->size);
		return (-1);
	}
	j->d->size = j->d->got = j->off;
	return (0);
}

/* The download of d ends as cancelled: its .part goes (when part is not
 * NULL: the caller holds its lock; nothing will resume it) and its row
 * is left as the one who cancelled it wrote it. */
static void
download_cancelled(struct store_download *d, const char *part,
    void (*report)(void *, enum download_event,
	const struct store_download *), void *arg)
{
	if (part != NULL)
		unlink(part);
	d->state = STORE_DL_CANCELLED;
	d->got = 0;
	if (report != NULL)
		report(arg, DOWNLOAD_END, d);
}

/* Download d. Return 0 (d->state says how it went; still queued when
 * stopped), 1 when another process has its file, or -1 with *cause when
 * the store fails. */
static int
download_one(const struct config *cfg, struct store *st,
    struct store_download *d,
    void (*report)(void *, enum download_event,
	const struct store_download *), void *arg,
    const atomic_int *stop, char **cause)
{
	struct download_job	 j;
	struct store_download	 now;
	struct stat		 sb;
	char			*part = NULL, *why = NULL;
	int			 rc;

	memset(&j, 0, sizeof j);
	j.st = st;
	j.d = d;
	j.report = report;
	j.arg = arg;
	j.fd = -1;
	if (util_mkdirs_for(d->path, &why) != 0)
		goto failed;
	xasprintf(&part, "%s.part", d->path);
	j.fd = open(part, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW |
	    O_NOCTTY, 0644);
	if (j.fd == -1) {
		xasprintf(&why, "%s: %s", part, strerror(errno));
		goto failed;
	}
	if (flock(j.fd, LOCK_EX | LOCK_NB) == -1) {
		close(j.fd);
		free(part);
		if (errno == EWOULDBLOCK) {
			if (report != NULL)
				report(arg, DOWNLOAD_BUSY, d);
			return (1);
		}
		xasprintf(&why, "%s.part: %s", d->path, strerror(errno));
		j.fd = -1;
		part = NULL;
		goto failed;
	}
	if (fstat(j.fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		xasprintf(&why, "%s: not a regular file", part);
		goto failed;
	}
	/* Finished, failed, cancelled or forgotten since the queue was
	 * read: whoever did it let go of the lock only after saying so in
	 * the row. A .part that no row can resume any more goes. */
	memset(&now, 0, sizeof now);
	if ((rc = store_download_find(st, d->url, &now, cause)) != 1 ||
	    now.state != STORE_DL_QUEUED || strcmp(now.path, d->path) != 0) {
		if ((fstat(j.fd, &sb) == 0 && sb.st_size == 0) || rc == 0 ||
		    (rc == 1 && now.state == STORE_DL_CANCELLED &&
		    strcmp(now.path, d->path) == 0))
			unlink(part);
		store_download_release(&now);
		close(j.fd);
		free(part);
		if (rc >= 0 && report != NULL)
			report(arg, DOWNLOAD_BUSY, d);
		return (rc < 0 ? -1 : 1);
	}
	store_download_release(&now);
	if (report != NULL)
		report(arg, DOWNLOAD_START, d);
	j.saved = j.reported = time_mono();
	switch (download_fetch(cfg, &j, stop, &why)) {
	case 1:
		/* Stopped: the row stays queued, with how far it came;
		 * cancelled, the .part goes. */
		if ((rc = store_download_update(st, d, cause)) == 0)
			download_cancelled(d, part, report, arg);
		close(j.fd);
		free(part);
		return (rc < 0 ? -1 : 0);
	case -1:
		goto failed;
	}
	/* Cancelled as the last bytes came: the .part goes. Past this
	 * point a cancel is too late, and the file is done. */
	if (fsync(j.fd) == -1) {
		xasprintf(&why, "%s: %s", d->path, strerror(errno));
		goto failed;
	}
	if ((rc = store_download_update(st, d, cause)) <= 0) {
		if (rc == 0)
			download_cancelled(d, part, report, arg);
		close(j.fd);
		free(part);
		return (rc < 0 ? -1 : 0);
	}
	if (rename(part, d->path) == -1) {
		xasprintf(&why, "%s: %s", d->path, strerror(errno));
		goto failed;
	}
	d->state = STORE_DL_DONE;
	d->finished = time_now();
	rc = store_download_set(st, d, cause);
	goto out;
failed:
	d->state = STORE_DL_FAILED;
	free(d->error);
	d->error = why;
	why = NULL;
	d->finished = time_now();
	/* A failure of a download cancelled meanwhile (the cancel stops it)
	 * is the cancel's. */
	if ((rc = store_download_update(st, d, cause)) == 0) {
		download_cancelled(d, j.fd != -1 ? part : NULL, report, arg);
		if (j.fd != -1)
			close(j.fd);
		free(part);
		free(why);
		return (0);
	}
	rc = rc < 0 ? -1 : 0;
out:
	/* The lock goes only now that the row says so. */
	if (j.fd != -1)
		close(j.fd);
	free(part);
	free(why);
	if (report != NULL)
		report(arg, DOWNLOAD_END, d);
	return (rc);
}

int
download_run(const struct config *cfg, struct store *st,
    void (*report)(void *, enum download_event,
	const struct store_download *), void *arg,
    const atomic_int *stop, struct download_stats *stats, char **cause)
{
	struct store_download	*v;
	size_t			 n;
	int64_t			 after = 0;
	int			 rc;

	while (stop == NULL || !atomic_load(stop)) {
		if (store_downloads(st, after, 1, &v, &n, cause) != 0)
			return (-1);
		if (n == 0)
			break;
		after = v[0].id;
		rc = download_one(cfg, st, &v[0], report, arg, stop, cause);
		if (rc == 1)
			stats->busy++;
		else if (rc == 0 && v[0].state == STORE_DL_DONE)
			stats->done++;
		else if (rc == 0 && v[0].state == STORE_DL_FAILED)
			stats->failed++;
		store_downloads_free(v, n);
		if (rc < 0)
			return (-1);
	}
	return (0);
}
