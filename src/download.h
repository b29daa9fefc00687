/* download.h: enclosures (podcasts' episodes) downloaded into files, one
 * at a time, resumed where they stopped: the glue http -> file, with the
 * queue in the store.
 *
 * Used by the reader (from a thread of its own, ui-dl.c) and by "tidings
 * refresh" and "tidings download"; several processes may run the queue
 * of one store at once, and each file is downloaded by one of them. */
#ifndef TIDINGS_DOWNLOAD_H
#define TIDINGS_DOWNLOAD_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct config;
struct config_feed;
struct store;
struct store_download;
struct store_enclosure;

#define DOWNLOAD_NAME_MAX	200	/* bytes of a file name before its
					   extension and a " (N)" */

/*
 * The file name for an enclosure of the item titled title in the feed
 * titled feed (either may be NULL or empty): "FEED - TITLE.EXT". It is
 * one path component that no shell, option parser or file manager
 * misreads: controls, invalid UTF-8 and / \ : * ? " < > | become "_",
 * runs of blanks one space, no leading "-" or ".", at most
 * DOWNLOAD_NAME_MAX bytes (cut between characters) before an extension
 * taken from the URL's last path segment, else from the MIME type, else
 * none. Never empty ("enclosure"). The caller frees it.
 */
char	*download_name(const char *feed, const char *title, const char *url,
	     const char *type);

/*
 * Which of an item's n enclosures v to download when none is named: the
 * first audio or video one (its MIME type audio/... or video/..., or,
 * without a type or with application/octet-stream, a URL whose extension
 * is an audio or video file's), else the first. n > 0.
 */
#define DOWNLOAD_PICK	(-1)
size_t	 download_pick(const struct store_enclosure *v, size_t n);

/*
 * Queue enclosure which (0 the first; DOWNLOAD_PICK: download_pick()'s)
 * of item item_id for download into the
 * download-dir of cf (NULL: the global one; a relative one is the working
 * directory's, and the file's path absolute), named by download_name()
 * from feed (the feed's name as shown) and the item's title, with
 * " (2)", " (3)"... before the extension when another download or a file
 * there has that name. Return 1 when queued, 0 when it was queued or
 * downloaded before (a failed or cancelled one is queued again: 1), and
 * set *path to its file (the caller frees it; may be NULL); return 0 with
 * *path NULL when the item has no such enclosure (or is gone); -1 and set
 * *cause.
 */
int	 download_enqueue(const struct config *, const struct config_feed *cf,
	     struct store *, int64_t item_id, int which, const char *feed,
	     char **path, char **cause);

/*
 * Cancel the download id when it is queued (under way or waiting): it
 * leaves the queue as cancelled, and its .part goes, now or, when a
 * process is downloading it, by that process as it stops, at its next
 * progress (download_run() of this process stops at once when its stop
 * is set too). Queued again (download_enqueue(), store_download_retry()),
 * it starts over. Return 1 when cancelled, 0 when it was not queued (or
 * is gone), or -1 and set *cause.
 */
int	 download_cancel(struct store *, int64_t id, char **cause);

/*
 * Remove the download id from the list unless it is queued: a complete
 * file stays, the .part of a failed one goes (no row would resume it).
 * Return 1 when removed, 0 when it is queued (or gone), or -1 and set
 * *cause.
 */
int	 download_remove(struct store *, int64_t id, char **cause);

/*
 * After a refresh that began at since: queue the enclosures of the new
 * items (store_enclosures_new(), at most limit a feed, newest first) of
 * cfg's feeds with download-enclosures set. Add to *queued how many were
 * queued; return 0, or -1 and set *cause.
 */
int	 download_after_refresh(const struct config *, struct store *,
	     int64_t since, size_t limit, int *queued, char **cause);

/* What download_run() tells its caller as a download goes. */
enum download_event {
	DOWNLOAD_START,			/* d is being downloaded */
	DOWNLOAD_PROGRESS,		/* d->got (of d->size) moved on */
	DOWNLOAD_END,			/* d->state says how it ended
					   (done, failed or cancelled) */
	DOWNLOAD_BUSY			/* another process downloads d */
};

/* What download_run() did. */
struct download_stats {
	int		 done;		/* files complete */
	int		 failed;
	int		 busy;		/* left to another process */
};

/*
 * Download every queued enclosure of st, oldest first, until none is left
 * or *stop is set. Each goes into its file + ".part", locked (flock) so
 * that no other process (or thread) downloads the same file meanwhile,
 * and is resumed from the .part's size with a Range request; a 206 that
 * starts elsewhere, a 416 that says the file is shorter than the .part,
 * or a server that answers 200, starts the file over.
 * Complete (as long as the server said, or the whole file when it did
 * not), the .part is synced and renamed to the file and the row marked
 * done; a failure marks it failed with the reason, the .part kept for a
 * later try. A row found cancelled or forgotten (download_cancel(), by
 * this process or another) ends its download as STORE_DL_CANCELLED, the
 * .part removed; only once the .part is renamed is a cancel too late.
 * Progress goes to the row every second or so. The fetch settings are
 * cfg's global ones, without a whole-transfer timeout or a size cap: an
 * hour's episode may take a while. report(arg, event, d) is called from
 * this thread as each download starts, moves on (at most some 4 times a
 * second), ends or is found busy; it may be NULL. Add to *stats;
 * return 0 (also when stopped: the .part stays for the next run), or -1
 * and set *cause when the store fails.
 */
int	 download_run(const struct config *, struct store *,
	     void (*report)(void *, enum download_event,
		 const struct store_download *), void *arg,
	     const atomic_int *stop, struct download_stats *, char **cause);

#endif /* TIDINGS_DOWNLOAD_H */
