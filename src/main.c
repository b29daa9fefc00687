/* main.c: the command line. Parse options and the dotfile, open the store,
 * run one command, and map the outcome to an exit status (tidings.1). */
#include <errno.h>
#include <getopt.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "download.h"
#include "extract.h"
#include "feed.h"
#include "filter.h"
#include "http.h"
#include "newsboat.h"
#include "opml.h"
#include "poll.h"
#include "render.h"
#include "store.h"
#include "subscribe.h"
#include "sync.h"
#include "ui.h"
#include "util.h"

#ifndef TIDINGS_VERSION
#define TIDINGS_VERSION "unknown"
#endif

/* Exit statuses, documented in tidings.1. */
#define EXIT_OK		0
#define EXIT_ERROR	1	/* a command failed (I/O, database, input) */
#define EXIT_USAGE	2	/* bad options or a mistake in the dotfile */
#define EXIT_FEEDS	3	/* refresh ran, but some feeds failed */
#define REFRESH_ARTICLES 20	/* full articles fetched per feed and refresh */
#define REFRESH_EPISODES 3	/* enclosures queued per feed and refresh */

struct opts {
	const char	*config_path;	/* -c, or NULL for the default */
	const char	*db_path;	/* -d, or NULL for the default */
};

enum need_config {
	CONFIG_NONE,			/* the command never reads it */
	CONFIG_OPTIONAL,		/* a missing file is an empty one */
	CONFIG_REQUIRED
};

/* What SIGINT and SIGTERM do to a command: set stop, which it watches
 * to end cleanly, or what they do to any program (end it, unless its
 * parent had them ignored), for a command that has nothing to finish (it
 * reads, or writes only in SQLite transactions or one append) and would
 * otherwise go on parsing a huge file after C-c. */
enum on_stop {
	STOP_DIES,
	STOP_FLAG
};

struct command {
	const char	*name;
	enum need_config config;
	int		 (*run)(struct opts *, struct config *, int, char **);
	const char	*usage;
	enum on_stop	 on_stop;
};

/* Set by on_signal() and read by poll's threads: an atomic that is lock
 * free, which a signal handler may store to. */
static atomic_int	 stop;
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "on_signal() stores to stop");

static int	cmd_refresh(struct opts *, struct config *, int, char **);
static int	cmd_items(struct opts *, struct config *, int, char **);
static int	cmd_unread(struct opts *, struct config *, int, char **);
static int	cmd_parse_feed(struct opts *, struct config *, int, char **);
static int	cmd_import_opml(struct opts *, struct config *, int, char **);
static int	cmd_import_newsboat(struct opts *, struct config *, int,
		    char **);
static int	cmd_add(struct opts *, struct config *, int, char **);
static int	cmd_remove(struct opts *, struct config *, int, char **);
static int	cmd_export_opml(struct opts *, struct config *, int, char **);
static int	cmd_gc(struct opts *, struct config *, int, char **);
static int	cmd_extract(struct opts *, struct config *, int, char **);
static int	cmd_mark(struct opts *, struct config *, int, char **);
static int	cmd_download(struct opts *, struct config *, int, char **);

static const struct command commands[] = {
	{ "refresh", CONFIG_REQUIRED, cmd_refresh, "refresh [-q] [-a] [-v]",
	    STOP_FLAG },
	{ "items", CONFIG_REQUIRED, cmd_items,
	    "items [-n COUNT] [-u] [--filter EXPRESSION] [--json]", STOP_DIES },
	{ "unread", CONFIG_OPTIONAL, cmd_unread,
	    "unread [--json | --format FORMAT]", STOP_DIES },
	{ "parse-feed", CONFIG_OPTIONAL, cmd_parse_feed, "parse-feed FILE|-",
	    STOP_DIES },
	{ "import-opml", CONFIG_OPTIONAL, cmd_import_opml, "import-opml FILE",
	    STOP_DIES },
	{ "add", CONFIG_OPTIONAL, cmd_add,
	    "add [-n N] [--account ACCOUNT] URL [TAG...]", STOP_FLAG },
	{ "remove", CONFIG_REQUIRED, cmd_remove,
	    "remove --account ACCOUNT URL", STOP_FLAG },
	{ "import-newsboat", CONFIG_OPTIONAL, cmd_import_newsboat,
	    "import-newsboat [DIR]", STOP_DIES },
	{ "export-opml", CONFIG_REQUIRED, cmd_export_opml, "export-opml",
	    STOP_DIES },
	{ "gc", CONFIG_REQUIRED, cmd_gc, "gc", STOP_DIES },
	{ "mark", CONFIG_NONE, cmd_mark, "mark read|unread|star|unstar ID...",
	    STOP_DIES },
	{ "download", CONFIG_OPTIONAL, cmd_download, "download [-q] [-l] [ID...]",
	    STOP_FLAG },
	{ "extract", CONFIG_OPTIONAL, cmd_extract,
	    "extract [--url URL] [--width N] [--format text|json|html] FILE|URL|-",
	    STOP_DIES },
};

static void __attribute__((noreturn))
usage(int status)
{
	FILE	*f = status == EXIT_OK ? stdout : stderr;
	size_t	 i;

	fprintf(f, "usage: tidings [-V] [-c config] [-d database] [-l logfile] "
	    "[command [args]]\nwithout a command, the reader starts\n"
	    "commands:\n");
	for (i = 0; i < nitems(commands); i++)
		fprintf(f, "  tidings %s\n", commands[i].usage);
	fprintf(f, "See tidings(1) and tidings-config(5).\n");
	exit(status);
}

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

#define NO_HOME	"no home directory: HOME is unset and the password " \
		"database names none"

/* The database path: -d, else $XDG_DATA_HOME/tidings/tidings.db, else
 * ~/.local/share/tidings/tidings.db. Caller frees. NULL (said on
 * stderr) without a home directory: never the current directory. */
static char *
db_path(const struct opts *o)
{
	const char	*dir;
	char		*path, *home;

	if (o->db_path != NULL)
		return (xstrdup(o->db_path));
	if ((dir = getenv("XDG_DATA_HOME")) != NULL && *dir == '/') {
		xasprintf(&path, "%s/tidings/tidings.db", dir);
		return (path);
	}
	if ((home = util_home()) == NULL) {
		fprintf(stderr, "tidings: %s; give the database with -d\n",
		    NO_HOME);
		return (NULL);
	}
	xasprintf(&path, "%s/.local/share/tidings/tidings.db", home);
	free(home);
	return (path);
}

/* Open the database to read it (read) or to change it, or say why not. */
static struct store *
open_store_mode(const struct opts *o, int read)
{
	struct store	*st;
	char		*path, *cause;

	if ((path = db_path(o)) == NULL)
		return (NULL);
	st = read ? store_open_read(path, &cause) : store_open(path, &cause);
	if (st == NULL) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
	}
	free(path);
	return (st);
}

/* Open the database for a command that changes it. */
static struct store *
open_store(const struct opts *o)
{
	return (open_store_mode(o, 0));
}

/* Open the database for a command that only reads it, which works on a
 * database this process may not write. */
static struct store *
open_store_read(const struct opts *o)
{
	return (open_store_mode(o, 1));
}

/* Print s on one line through the terminal gate. */
static void
print_safe(FILE *f, const char *s)
{
	struct buf	 b = BUF_INIT;

	fputs(text_printable(&b, s != NULL ? s : ""), f);
	buf_release(&b);
}

/* The name a feed goes by in messages: its ~title, else its URL. */
static const char *
feed_name(const struct config_feed *cf)
{
	return (cf->title != NULL ? cf->title : cf->url);
}

struct progress {
	int		 tty;		/* draw a progress line on stderr */
	int		 quiet;
	struct buf	 failures;	/* summary lines, printed at the end */
	struct buf	 moved;
	struct buf	 not_due;	/* with -v */
	struct buf	 cut;
};

/* After each feed: redraw the progress line, remember what went wrong. */
static void
refresh_report(void *arg, const struct poll_result *r)
{
	struct progress	*p = arg;
	struct buf	 b = BUF_INIT, server = BUF_INIT;
	char		 when[32];
	const char	*name;

	/* A server's sync goes by its URL and user. */
	if (r->feed == NULL) {
		buf_addf(&server, "%s (%s)", r->sync->url, r->sync->user);
		name = server.data;
	} else
		name = feed_name(r->feed);

	if (r->not_due != 0) {
		time_rfc3339(r->not_due, when, sizeof when);
		buf_addstr(&p->not_due, "  ");
		text_printable(&p->not_due, name);
		buf_addf(&p->not_due, ": not due until %s (%s)\n", when,
		    r->not_due_why);
		return;
	}
	if (r->error != NULL) {
		buf_addstr(&p->failures, "  ");
		text_printable(&p->failures, name);
		buf_addstr(&p->failures, ": ");
		text_printable(&p->failures, r->error);
		buf_addch(&p->failures, '\n');
	}
	if (r->dropped > 0) {
		buf_addstr(&p->cut, "  ");
		text_printable(&p->cut, name);
		buf_addf(&p->cut, ": %zu more not stored\n", r->dropped);
	}
	if (r->redirect != NULL) {
		buf_addstr(&p->moved, "  ");
		text_printable(&p->moved, r->feed->url);
		buf_addstr(&p->moved, " moved permanently to ");
		text_printable(&p->moved, r->redirect);
		buf_addch(&p->moved, '\n');
	}
	if (p->tty && !p->quiet) {
		text_printable(&b, name);
		fprintf(stderr, "\r\033[K[%zu/%zu] %.*s", r->done, r->total,
		    (int)render_fit(b.data, b.len, 60), b.data);
		fflush(stderr);
	}
	buf_release(&b);
	buf_release(&server);
}

/* What a download run shows on standard error, by *arg: 1 on a terminal,
 * the file and how far; 0 (not a terminal) a line for a failed file, a
 * cancelled one or one left to another process; -1 (quiet) a line for a
 * failed file. */
static void
download_report(void *arg, enum download_event ev,
    const struct store_download *d)
{
	const int	*show = arg;
	struct buf	 b = BUF_INIT;
	const char	*name, *cr = *show > 0 ? "\r\033[K" : "";

	name = (name = strrchr(d->path, '/')) != NULL ? name + 1 : d->path;
	text_printable(&b, name);
	if (ev == DOWNLOAD_BUSY) {
		if (*show >= 0)
			fprintf(stderr, "%s%s: downloaded by another process\n",
			    cr, b.data);
	} else if (ev == DOWNLOAD_END && d->state == STORE_DL_FAILED) {
		fprintf(stderr, "%s%s: ", cr, b.data);
		buf_reset(&b);
		fprintf(stderr, "%s\n", text_printable(&b, d->error != NULL ?
		    d->error : "failed"));
	} else if (ev == DOWNLOAD_END && d->state == STORE_DL_CANCELLED) {
		/* By the user, in a reader's downloads view. */
		if (*show >= 0)
			fprintf(stderr, "%s%s: cancelled\n", cr, b.data);
	} else if (*show > 0 && d->size > 0)
		fprintf(stderr, "\r\033[K%.*s %lld%%",
		    (int)render_fit(b.data, b.len, 60), b.data,
		    (long long)(d->got * 100 / d->size));
	else if (*show > 0)
		fprintf(stderr, "\r\033[K%.*s %lld KB",
		    (int)render_fit(b.data, b.len, 60), b.data,
		    (long long)(d->got / 1000));
	buf_release(&b);
}

/* After a refresh from since: queue the new episodes of the feeds that
 * download them and run the queue, when some feed does (tty: progress on
 * stderr, unless quiet). Return 0, or -1 (said on stderr). */
static int
refresh_downloads(const struct config *cfg, struct store *st, int64_t since,
    int *tty, int quiet, struct download_stats *dls)
{
	char	*cause;
	size_t	 i;
	int	 queued = 0, quiet_show = -1;

	for (i = 0; i < cfg->nfeeds; i++)
		if (config_num(cfg, &cfg->feeds[i], SET_DOWNLOAD_ENCLOSURES))
			break;
	if (i == cfg->nfeeds)
		return (0);
	if (download_after_refresh(cfg, st, since, REFRESH_EPISODES, &queued,
	    &cause) != 0 || download_run(cfg, st, download_report,
	    quiet ? &quiet_show : tty, &stop, dls, &cause) != 0) {
		fprintf(stderr, "%stidings: %s\n", *tty && !quiet ?
		    "\r\033[K" : "", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

static int
cmd_refresh(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "all", no_argument, NULL, 'a' },
		{ "verbose", no_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct progress		 p = { 0, 0, BUF_INIT, BUF_INIT, BUF_INIT,
	    BUF_INIT };
	struct poll_stats	 stats;
	struct poll_prefetch_stats pre = { 0, 0 };
	struct download_stats	 dls = { 0, 0, 0 };
	struct store		*st;
	char			*cause;
	int64_t			 since;
	int			 ch, flags = 0, rc;

	while ((ch = getopt_long(argc, argv, "qav", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			p.quiet = 1;
			break;
		case 'a':
			flags |= POLL_ALL;
			break;
		case 'v':
			flags |= POLL_SKIPPED;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind != argc)
		usage(EXIT_USAGE);
	if ((st = open_store(o)) == NULL)
		return (EXIT_ERROR);
	p.tty = isatty(STDERR_FILENO);
	since = time_now();
	rc = poll_refresh(cfg, st, flags, refresh_report, &p, &stats, &stop,
	    &cause);
	/* The new items of full-article feeds get their articles now, so
	 * that they read offline; the reader does the same after its own
	 * refreshes. A page that fails is recorded and not tried again. */
	if (rc == 0 && stats.nnew > 0 && !stop) {
		if (p.tty && !p.quiet)
			fprintf(stderr, "\r\033[Kfetching full articles");
		if (poll_prefetch(cfg, st, since, REFRESH_ARTICLES, &stop,
		    &pre, &cause) != 0) {
			fprintf(stderr, "tidings: %s\n", cause);
			free(cause);
		}
	}
	/* Then the new episodes of feeds that download them, and whatever
	 * an earlier run left half done. */
	if (rc == 0 && !stop && refresh_downloads(cfg, st, since, &p.tty,
	    p.quiet, &dls) != 0)
		dls.failed++;
	if (p.tty && !p.quiet)
		fprintf(stderr, "\r\033[K");
	store_close(st);
	if (rc == 0 && stats.notify_error[0] != '\0')
		fprintf(stderr, "tidings: notify-command: %s\n",
		    stats.notify_error);
	if (rc != 0) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
		buf_release(&p.failures);
		buf_release(&p.moved);
		buf_release(&p.not_due);
		buf_release(&p.cut);
		return (EXIT_ERROR);
	}
	if (!p.quiet || stats.failed > 0 || p.cut.len > 0) {
		printf("%d new item%s from %d feed%s: %d updated, %d unchanged, "
		    "%d failed", stats.nnew, stats.nnew == 1 ? "" : "s",
		    stats.feeds, stats.feeds == 1 ? "" : "s", stats.ok,
		    stats.not_modified, stats.failed);
		if (stats.skipped > 0)
			printf(", %d not due", stats.skipped);
		if (stats.syncs > 0)
			printf("; %d server%s synced in %d request%s, %lld "
			    "change%s sent", stats.syncs, stats.syncs == 1 ?
			    "" : "s", stats.requests, stats.requests == 1 ?
			    "" : "s", (long long)stats.sent, stats.sent == 1 ?
			    "" : "s");
		if (pre.kept + pre.failed > 0)
			printf("; %d full article%s kept, %d failed", pre.kept,
			    pre.kept == 1 ? "" : "s", pre.failed);
		if (dls.done + dls.failed > 0)
			printf("; %d enclosure%s downloaded, %d failed",
			    dls.done, dls.done == 1 ? "" : "s", dls.failed);
		printf("%s\n", stop ? " (interrupted)" : "");
		if (p.failures.len > 0)
			printf("failed:\n%s", p.failures.data);
		if (p.moved.len > 0)
			printf("moved (update the dotfile):\n%s", p.moved.data);
		if (p.not_due.len > 0)
			printf("not due:\n%s", p.not_due.data);
		if (p.cut.len > 0)
			printf("cut (only the first %d entries of a feed are "
			    "read):\n%s", FEED_MAX_ENTRIES, p.cut.data);
	}
	buf_release(&p.failures);
	buf_release(&p.moved);
	buf_release(&p.not_due);
	buf_release(&p.cut);
	if (stop)
		return (EXIT_ERROR);
	return (stats.failed > 0 ? EXIT_FEEDS : EXIT_OK);
}

/* Keep in feeds[0..*n) the rows of the dotfile's feeds only: a feed
 * dropped from the dotfile keeps its items in the store until gc, but
 * no command shows them. */
static void
dotfile_only(const struct config *cfg, struct store_feed *feeds, size_t *n)
{
	size_t	 i, kept = 0;

	for (i = 0; i < *n; i++) {
		if (subscribe_listed(cfg, feeds[i].url))
			feeds[kept++] = feeds[i];
		else
			store_feed_release(&feeds[i]);
	}
	*n = kept;
}

/* The dotfile's feed URLs, borrowed from cfg; the caller frees the
 * array. */
static char **
dotfile_urls(const struct config *cfg)
{
	char	**urls;
	size_t	 i;

	urls = xreallocarray(NULL, cfg->nfeeds + 1, sizeof *urls);
	for (i = 0; i < cfg->nfeeds; i++)
		urls[i] = cfg->feeds[i].url;
	return (urls);
}

/* The dotfile's entry for url, or NULL. */
static const struct config_feed *
dotfile_feed(const struct config *cfg, const char *url)
{
	size_t	 i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].url, url) == 0)
			return (&cfg->feeds[i]);
	return (NULL);
}

/* The row of feed_id among feeds[0..nfeeds), or NULL. */
static const struct store_feed *
feed_row(const struct store_feed *feeds, size_t nfeeds, int64_t feed_id)
{
	size_t	 i;

	for (i = 0; i < nfeeds; i++)
		if (feeds[i].id == feed_id)
			return (&feeds[i]);
	return (NULL);
}

/* The title the dotfile or else the feed gives a feed, for listings. */
static const char *
title_of(const struct config *cfg, const struct store_feed *sf)
{
	const struct config_feed	*cf;

	if (sf == NULL)
		return ("?");
	if ((cf = dotfile_feed(cfg, sf->url)) != NULL && cf->title != NULL)
		return (cf->title);
	return (sf->title != NULL && *sf->title != '\0' ? sf->title :
	    sf->url);
}

/* Append item it of feed sf as a JSON object for items --json. */
static int
item_json(struct store *st, const struct config *cfg,
    const struct store_feed *sf, const struct store_item *it, struct buf *b,
    char **cause)
{
	char	 date[32], *enc;

	if (store_item_enclosures(st, it->id, &enc, cause) < 0)
		return (-1);
	time_rfc3339(it->date, date, sizeof date);
	buf_addf(b, "{\"id\":%lld,\"feed\":", (long long)it->id);
	buf_add_jsonstr(b, title_of(cfg, sf));
	buf_addstr(b, ",\"feed_url\":");
	buf_add_jsonstr(b, sf != NULL ? sf->url : NULL);
	buf_addstr(b, ",\"title\":");
	buf_add_jsonstr(b, it->title);
	buf_addstr(b, ",\"link\":");
	buf_add_jsonstr(b, it->link);
	buf_addstr(b, ",\"author\":");
	buf_add_jsonstr(b, it->author);
	buf_addf(b, ",\"date\":\"%s\",\"unread\":%s,\"starred\":%s,"
	    "\"enclosures\":%s}", date, it->unread ? "true" : "false",
	    it->starred ? "true" : "false", enc != NULL ? enc : "[]");
	free(enc);
	return (0);
}

static int
cmd_items(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "count", required_argument, NULL, 'n' },
		{ "unread", no_argument, NULL, 'u' },
		{ "json", no_argument, NULL, 'j' },
		{ "filter", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct store_feed	*feeds = NULL;
	struct store_item	*items = NULL, last;
	struct store_filter	 q;
	struct filter		*expr = NULL;
	int64_t			*ids = NULL;
	size_t			 off, stored;
	struct buf		 b = BUF_INIT;
	const struct store_feed	*sf;
	size_t			 nfeeds = 0, nitems_ = 0, i, shown = 0;
	char			*cause = NULL, *end, date[32];
	long			 count = 20;
	int			 ch, json = 0, rc = EXIT_OK;

	memset(&q, 0, sizeof q);
	memset(&last, 0, sizeof last);
	while ((ch = getopt_long(argc, argv, "n:ujf:", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'f':
			filter_free(expr);
			if (filter_parse(optarg, strlen(optarg), &expr, &off,
			    &cause) != 0) {
				fprintf(stderr, "tidings: --filter: column "
				    "%zu: %s\n", filter_column(optarg, off),
				    cause);
				free(cause);
				return (EXIT_USAGE);
			}
			q.expr = expr;
			break;
		case 'n':
			errno = 0;
			count = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || count < 1)
				usage(EXIT_USAGE);
			break;
		case 'u':
			q.unread = 1;
			break;
		case 'j':
			json = 1;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind != argc)
		usage(EXIT_USAGE);
	if ((st = open_store_read(o)) == NULL) {
		filter_free(expr);
		return (EXIT_ERROR);
	}
	/* The servers' feeds are listed as the dotfile's are. */
	if (sync_config_feeds(cfg, st, &cause) < 0 ||
	    poll_store_config(st, cfg, 1, &cause) != 0 ||
	    store_feeds(st, &feeds, &nfeeds, &cause) != 0)
		goto fail;
	stored = nfeeds;
	dotfile_only(cfg, feeds, &nfeeds);
	ids = xreallocarray(NULL, nfeeds + 1, sizeof *ids);
	for (i = 0; i < nfeeds; i++)
		ids[i] = feeds[i].id;
	/* Every feed stored is the dotfile's: no list of them, which
	 * keeps the query in date order (as the reader's All items). */
	q.feeds = nfeeds == stored ? NULL : ids;
	q.nfeeds = nfeeds;
	q.sort = (int)config_num(cfg, NULL, SET_SORT);
	if (json)
		buf_addch(&b, '[');
	while (shown < (size_t)count) {
		if (store_page(st, &q, shown > 0 ? &last : NULL, 0, 0,
		    (size_t)count - shown < 200 ? (size_t)count - shown : 200,
		    &items, &nitems_, &cause) != 0)
			goto fail;
		if (nitems_ == 0)
			break;
		for (i = 0; i < nitems_; i++, shown++) {
			sf = feed_row(feeds, nfeeds, items[i].feed_id);
			if (json) {
				if (shown > 0)
					buf_addch(&b, ',');
				if (item_json(st, cfg, sf, &items[i], &b,
				    &cause) != 0)
					goto fail;
				continue;
			}
			time_rfc3339(items[i].date, date, sizeof date);
			date[10] = '\0';
			printf("%s %c ", date, items[i].unread ? 'N' : ' ');
			print_safe(stdout, title_of(cfg, sf));
			fputs(": ", stdout);
			print_safe(stdout, items[i].title);
			if (items[i].link != NULL) {
				fputs("\n             ", stdout);
				print_safe(stdout, items[i].link);
			}
			putchar('\n');
		}
		/* The whole row, in case a refresh deletes it before the
		 * next page. */
		free(last.title);
		free(last.author);
		free(last.link);
		last = items[nitems_ - 1];
		last.title = xstrdup(last.title);
		last.author = last.author != NULL ? xstrdup(last.author) :
		    NULL;
		last.link = last.link != NULL ? xstrdup(last.link) : NULL;
		store_items_free(items, nitems_);
		items = NULL;
		nitems_ = 0;
	}
	if (json) {
		buf_addstr(&b, "]\n");
		fputs(b.data, stdout);
	}
	goto out;
fail:
	fprintf(stderr, "tidings: %s\n", cause);
	free(cause);
	rc = EXIT_ERROR;
out:
	free(last.title);
	free(last.author);
	free(last.link);
	free(ids);
	filter_free(expr);
	buf_release(&b);
	store_items_free(items, nitems_);
	store_feeds_free(feeds, nfeeds);
	store_close(st);
	return (rc);
}

/* Print fmt with its %-letters replaced by the counts of feeds. */
static void
unread_format(const char *fmt, const struct store_feed *feeds, size_t nfeeds)
{
	struct buf	 b = BUF_INIT;
	int64_t		 counts[COUNT__N];
	size_t		 i;

	counts[COUNT_NEW] = counts[COUNT_NEW_FEEDS] = COUNT_UNKNOWN;
	counts[COUNT_UNREAD] = counts[COUNT_UNREAD_FEEDS] = 0;
	counts[COUNT_ITEMS] = 0;
	for (i = 0; i < nfeeds; i++) {
		counts[COUNT_UNREAD] += feeds[i].unread;
		counts[COUNT_ITEMS] += feeds[i].total;
		counts[COUNT_UNREAD_FEEDS] += feeds[i].unread > 0;
	}
	counts_expand(&b, fmt, counts);
	puts(b.data);
	buf_release(&b);
}

static int
cmd_unread(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct store		*st;
	struct store_feed	*feeds = NULL;
	struct buf		 b = BUF_INIT;
	size_t			 nfeeds = 0, i, j, k, t;
	const char		*fmt = NULL;
	char			*cause = NULL, **tags = NULL;
	int64_t			 total = 0, *tagn = NULL;
	size_t			 ntags = 0;
	int			 ch, json = 0;

	while ((ch = getopt_long(argc, argv, "jf:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'f':
			fmt = optarg;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind != argc || (json && fmt != NULL))
		usage(EXIT_USAGE);
	if ((st = open_store_read(o)) == NULL)
		return (EXIT_ERROR);
	if (sync_config_feeds(cfg, st, &cause) < 0 ||
	    poll_store_config(st, cfg, 1, &cause) != 0)
		goto fail;
	if (!json && fmt == NULL) {
		tags = dotfile_urls(cfg);
		total = store_unread_urls(st, tags, cfg->nfeeds, &cause);
		free(tags);
		if (total < 0)
			goto fail;
		printf("%lld\n", (long long)total);
		store_close(st);
		return (EXIT_OK);
	}
	if (store_feeds(st, &feeds, &nfeeds, &cause) != 0)
		goto fail;
	dotfile_only(cfg, feeds, &nfeeds);
	if (fmt != NULL) {
		unread_format(fmt, feeds, nfeeds);
		store_feeds_free(feeds, nfeeds);
		store_close(st);
		return (EXIT_OK);
	}
	buf_addstr(&b, "{\"feeds\":{");
	for (i = 0; i < nfeeds; i++) {
		total += feeds[i].unread;
		if (i > 0)
			buf_addch(&b, ',');
		buf_add_jsonstr(&b, feeds[i].url);
		buf_addf(&b, ":%lld", (long long)feeds[i].unread);
		for (j = 0; j < cfg->nfeeds; j++) {
			if (strcmp(cfg->feeds[j].url, feeds[i].url) != 0)
				continue;
			for (k = 0; k < cfg->feeds[j].ntags; k++) {
				for (t = 0; t < ntags; t++)
					if (strcmp(tags[t], cfg->feeds[j].tags[k]) == 0)
						break;
				if (t == ntags) {
					tags = xreallocarray(tags, ntags + 1,
					    sizeof *tags);
					tagn = xreallocarray(tagn, ntags + 1,
					    sizeof *tagn);
					tags[t] = cfg->feeds[j].tags[k];
					tagn[t] = 0;
					ntags++;
				}
				tagn[t] += feeds[i].unread;
			}
		}
	}
	buf_addstr(&b, "},\"tags\":{");
	for (t = 0; t < ntags; t++) {
		if (t > 0)
			buf_addch(&b, ',');
		buf_add_jsonstr(&b, tags[t]);
		buf_addf(&b, ":%lld", (long long)tagn[t]);
	}
	buf_addf(&b, "},\"total\":%lld}\n", (long long)total);
	fputs(b.data, stdout);
	buf_release(&b);
	free(tags);
	free(tagn);
	store_feeds_free(feeds, nfeeds);
	store_close(st);
	return (EXIT_OK);
fail:
	fprintf(stderr, "tidings: %s\n", cause);
	free(cause);
	store_close(st);
	return (EXIT_ERROR);
}

/* Read all of path ("-": standard input) into b, failing past max bytes:
 * what max-response-size allows a download (input_cap()), so that
 * "extract /dev/zero" stops where a page from the network would. On
 * failure b is released and *cause set. */
static int
read_file(const char *path, size_t max, struct buf *b, char **cause)
{
	struct buf	 m = BUF_INIT;
	FILE		*f;
	char		 chunk[65536];
	size_t		 n;
	int		 rc = 0;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return (-1);
	}
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (n > max - b->len) {
			config_format_value(&m, config_setting_find(
			    "max-response-size"), (int64_t)max);
			xasprintf(cause, "%s: larger than %s "
			    "(max-response-size)", path, m.data);
			buf_release(&m);
			rc = -1;
			break;
		}
		buf_add(b, chunk, n);
	}
	if (rc == 0 && ferror(f)) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (f != stdin)
		fclose(f);
	if (rc != 0)
		buf_release(b);
	return (rc);
}

/* The most bytes a command reads from one file: max-response-size. */
static size_t
input_cap(const struct config *cfg)
{
	return ((size_t)config_num(cfg, NULL, SET_MAX_RESPONSE_SIZE));
}

static int
cmd_parse_feed(struct opts *o, struct config *cfg, int argc, char **argv)
{
	struct buf	 in = BUF_INIT, out = BUF_INIT;
	struct feed	 f;
	char		*cause, *url = NULL, *abs;

	(void)o;
	if (argc != 2)
		usage(EXIT_USAGE);
	if (read_file(argv[1], input_cap(cfg), &in, &cause) != 0) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
		return (EXIT_ERROR);
	}
	/* The document's location, a file: URL: feed.c resolves relative
	 * links against the feed's own link instead. */
	if (strcmp(argv[1], "-") != 0) {
		if (argv[1][0] == '/')
			xasprintf(&url, "file://%s", argv[1]);
		else if ((abs = realpath(argv[1], NULL)) != NULL) {
			xasprintf(&url, "file://%s", abs);
			free(abs);
		}
	}
	if (feed_parse(in.data, in.len, url, NULL, &f, &cause) != 0) {
		fprintf(stderr, "tidings: %s: %s\n", argv[1], cause);
		free(cause);
		free(url);
		buf_release(&in);
		return (EXIT_ERROR);
	}
	feed_json(&f, &out);
	buf_addch(&out, '\n');
	fwrite(out.data, 1, out.len, stdout);
	feed_release(&f);
	free(url);
	buf_release(&in);
	buf_release(&out);
	return (EXIT_OK);
}

static int
cmd_import_opml(struct opts *o, struct config *cfg, int argc, char **argv)
{
	struct buf	 in = BUF_INIT;
	struct causes	 skipped = CAUSES_INIT;
	char		*cause;
	size_t		 i;
	int		 added;

	if (argc != 2)
		usage(EXIT_USAGE);
	if (read_file(argv[1], input_cap(cfg), &in, &cause) != 0 ||
	    opml_import(cfg->path, in.data, in.len, cfg, &added, &skipped,
	    &cause) != 0) {
		fprintf(stderr, "tidings: ");
		print_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		buf_release(&in);
		causes_release(&skipped);
		return (EXIT_ERROR);
	}
	(void)o;
	printf("%d feed%s added to ", added, added == 1 ? "" : "s");
	print_safe(stdout, cfg->path);
	putchar('\n');
	if (skipped.n > 0) {
		printf("skipped (%zu):\n", skipped.n);
		for (i = 0; i < skipped.n; i++) {
			fputs("  ", stdout);
			print_safe(stdout, skipped.v[i]);
			putchar('\n');
		}
	}
	buf_release(&in);
	causes_release(&skipped);
	return (EXIT_OK);
}

/* Where newsboat keeps name: dir/name when dir is given, else
 * ~/.newsboat/name when ~/.newsboat/urls exists, else the XDG place
 * (urls and config under $XDG_CONFIG_HOME, cache.db and podboat's queue
 * under $XDG_DATA_HOME). Caller frees. NULL without a home directory. */
static char *
newsboat_path(const char *dir, const char *name)
{
	const char	*xdg;
	char		*path, *home;

	if (dir != NULL) {
		xasprintf(&path, "%s/%s", dir, name);
		return (path);
	}
	if ((home = util_home()) == NULL)
		return (NULL);
	xasprintf(&path, "%s/.newsboat/urls", home);
	if (access(path, F_OK) == 0) {
		free(path);
		xasprintf(&path, "%s/.newsboat/%s", home, name);
		free(home);
		return (path);
	}
	free(path);
	if (strcmp(name, "cache.db") == 0 || strcmp(name, "queue") == 0) {
		if ((xdg = getenv("XDG_DATA_HOME")) != NULL && *xdg == '/')
			xasprintf(&path, "%s/newsboat/%s", xdg, name);
		else
			xasprintf(&path, "%s/.local/share/newsboat/%s", home,
			    name);
	} else if ((xdg = getenv("XDG_CONFIG_HOME")) != NULL && *xdg == '/')
		xasprintf(&path, "%s/newsboat/%s", xdg, name);
	else
		xasprintf(&path, "%s/.config/newsboat/%s", home, name);
	free(home);
	return (path);
}

/* Whether a newsboat that is running holds the cache at path. */
static int
newsboat_running(const char *path)
{
	struct buf	 lock = BUF_INIT, b = BUF_INIT;
	char		*cause, *end;
	long		 pid;
	int		 running = 0;

	buf_addf(&lock, "%s.lock", path);
	if (read_file(lock.data, 4096, &b, &cause) != 0)
		free(cause);
	else {
		pid = strtol(b.data, &end, 10);
		running = pid > 0 && (kill((pid_t)pid, 0) == 0 ||
		    errno == EPERM);
	}
	buf_release(&lock);
	buf_release(&b);
	return (running);
}

/* Whether text has the line s of len bytes as a whole line. */
static int
has_line(const struct buf *text, const char *s, size_t len)
{
	const char	*p = text->data, *end = text->data + text->len;

	while (p < end) {
		if ((size_t)(end - p) >= len && memcmp(p, s, len) == 0 &&
		    (p + len == end || p[len] == '\n' || p[len] == '\r'))
			return (1);
		if ((p = memchr(p, '\n', (size_t)(end - p))) == NULL)
			break;
		p++;
	}
	return (0);
}

/* Bring podboat's queue (nb->episodes) into the downloads: a whole file
 * as done, the others queued, to be downloaded over what podboat left.
 * Episodes queued before are left alone. Count them in *queued and
 * *done; return 0, or -1 and set *cause. */
static int
import_queue(struct store *st, const struct newsboat *nb, int *queued,
    int *done, char **cause)
{
	const struct newsboat_episode	*ep;
	struct store_download		 d;
	struct stat			 sb;
	const char			*base;
	size_t				 i;
	int				 rc;

	for (i = 0; i < nb->nepisodes; i++) {
		ep = &nb->episodes[i];
		memset(&d, 0, sizeof d);
		d.url = xstrdup(ep->url);
		d.path = xstrdup(ep->path);
		base = strrchr(ep->path, '/') + 1;
		d.title = xstrdup(*base != '\0' ? base : ep->path);
		d.size = -1;
		d.added = time_now();
		if ((rc = store_download_add(st, &d, cause)) < 0) {
			store_download_release(&d);
			return (-1);
		}
		if (rc == 1 && ep->done) {
			d.state = STORE_DL_DONE;
			d.got = d.size = stat(ep->path, &sb) == 0 ?
			    (int64_t)sb.st_size : 0;
			d.finished = time_now();
			if (store_download_set(st, &d, cause) != 0) {
				store_download_release(&d);
				return (-1);
			}
		}
		if (rc == 1)
			*(ep->done ? done : queued) += 1;
		store_download_release(&d);
	}
	return (0);
}

static int
cmd_import_newsboat(struct opts *o, struct config *cfg, int argc,
    char **argv)
{
	struct newsboat		 nb;
	struct store_import	 si;
	struct buf		 in = BUF_INIT, text = BUF_INIT;
	struct buf		 settings = BUF_INIT;
	struct store		*st;
	struct stat		 sb;
	const char		*dir;
	char			*urls, *conf, *cache, *queue, *cause = NULL;
	char			*line, *nl;
	size_t			 i;
	int			 rc = EXIT_ERROR, have_cache, nsettings;
	int			 nq = 0, nd = 0;

	if (argc > 2)
		usage(EXIT_USAGE);
	dir = argc == 2 ? argv[1] : NULL;
	urls = newsboat_path(dir, "urls");
	conf = newsboat_path(dir, "config");
	cache = newsboat_path(dir, "cache.db");
	queue = newsboat_path(dir, "queue");
	if (urls == NULL || conf == NULL || cache == NULL || queue == NULL) {
		fprintf(stderr, "tidings: %s; name newsboat's directory\n",
		    NO_HOME);
		free(urls);
		free(conf);
		free(cache);
		free(queue);
		return (EXIT_ERROR);
	}
	newsboat_init(&nb);
	memset(&si, 0, sizeof si);

	have_cache = stat(cache, &sb) == 0;
	if (have_cache && newsboat_running(cache)) {
		fprintf(stderr, "tidings: newsboat is running on ");
		print_safe(stderr, cache);
		fprintf(stderr, "; quit it first\n");
		goto out;
	}
	if (read_file(urls, input_cap(cfg), &in, &cause) != 0)
		goto fail;
	newsboat_urls(&nb, in.data, in.len, "urls", cfg);
	buf_reset(&in);
	if (access(conf, F_OK) == 0) {
		if (read_file(conf, input_cap(cfg), &in, &cause) != 0)
			goto fail;
		newsboat_config(&nb, in.data, in.len, "config");
	}
	buf_reset(&in);
	if (access(queue, F_OK) == 0) {
		if (read_file(queue, input_cap(cfg), &in, &cause) != 0)
			goto fail;
		newsboat_queue(&nb, in.data, in.len, "queue");
	}

	/* A line the dotfile has already (a second import) is not added. */
	buf_reset(&in);
	if (access(cfg->path, F_OK) == 0 &&
	    read_file(cfg->path, input_cap(cfg), &in, &cause) != 0)
		goto fail;
	nsettings = 0;
	for (line = nb.settings.data; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		if (!has_line(&in, line, (size_t)(nl - line))) {
			buf_add(&settings, line, (size_t)(nl - line) + 1);
			nsettings++;
		}
	}
	if (nsettings + nb.nfeeds > 0) {
		buf_addstr(&text, "\n# Moved in from newsboat (");
		config_word(&text, urls);
		buf_addstr(&text, ").\n");
		buf_add(&text, settings.data, settings.len);
		buf_add(&text, nb.feeds.data, nb.feeds.len);
		if (config_append(cfg->path, &text, &cause) != 0)
			goto fail;
	}
	printf("%d feed%s and %d other line%s added to ", nb.nfeeds,
	    nb.nfeeds == 1 ? "" : "s", nsettings, nsettings == 1 ? "" : "s");
	print_safe(stdout, cfg->path);
	if (nb.listed > 0)
		printf(" (%d feed%s listed already)", nb.listed,
		    nb.listed == 1 ? " was" : "s were");
	putchar('\n');

	if (nb.nepisodes > 0) {
		if ((st = open_store(o)) == NULL)
			goto out;
		if (import_queue(st, &nb, &nq, &nd, &cause) != 0) {
			store_close(st);
			goto fail;
		}
		store_close(st);
		printf("%d episode%s of podboat's queue: %d downloaded, %d to "
		    "download (tidings download)\n", nq + nd, nq + nd == 1 ?
		    "" : "s", nd, nq);
	}
	if (have_cache) {
		if ((st = open_store(o)) == NULL)
			goto out;
		if (store_import_newsboat(st, cache, nb.urls, nb.nurls,
		    (int64_t)sb.st_mtime, &si, &cause) != 0) {
			store_close(st);
			goto fail;
		}
		store_close(st);
		printf("%lld item%s of %d feed%s from cache.db: %lld read, "
		    "%lld starred", (long long)si.items,
		    si.items == 1 ? "" : "s", si.feeds,
		    si.feeds == 1 ? "" : "s", (long long)si.read,
		    (long long)si.starred);
		if (si.fetched > 0)
			printf("; %d feed%s fetched by tidings already left "
			    "alone", si.fetched, si.fetched == 1 ? "" : "s");
		putchar('\n');
	} else {
		fputs("no cache.db at ", stdout);
		print_safe(stdout, cache);
		puts(": no items or read state brought in");
	}
	if (nb.unmapped.n > 0) {
		printf("not mapped (%zu):\n", nb.unmapped.n);
		for (i = 0; i < nb.unmapped.n; i++)
			printf("  %s\n", nb.unmapped.v[i]);
	}
	rc = EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "tidings: ");
	print_safe(stderr, cause);
	fputc('\n', stderr);
	free(cause);
out:
	buf_release(&in);
	buf_release(&text);
	buf_release(&settings);
	newsboat_release(&nb);
	free(urls);
	free(conf);
	free(cache);
	free(queue);
	return (rc);
}

/* Name a server account on f: "USER at URL". */
static void
print_account(FILE *f, const struct config_sync *cs)
{
	print_safe(f, cs->user);
	fputs(" at ", f);
	print_safe(f, cs->url);
}

/*
 * Subscribe (add) or unsubscribe the server account that account names
 * (subscribe_account()) to or from url: the server first, then the
 * store as the next sync would leave it. Nothing changes when the
 * server cannot be reached or refuses.
 */
static int
server_edit(const struct opts *o, const struct config *cfg,
    const char *account, const char *url, char *const *tags, size_t ntags,
    long want, int add)
{
	const struct config_sync	*cs;
	struct store			*st;
	char				*cause = NULL, *feed = NULL;
	size_t				 i;
	int				 rc;

	if ((cs = subscribe_account(cfg, account, &cause)) == NULL) {
		fputs("tidings: ", stderr);
		print_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		return (EXIT_USAGE);
	}
	if ((st = open_store(o)) == NULL)
		return (EXIT_ERROR);
	rc = add ? sync_subscribe(cfg, cs, st, &stop, url, tags, ntags, want,
	    &feed, &cause) : sync_unsubscribe(cfg, cs, st, &stop, url,
	    &cause);
	store_close(st);
	if (rc < 0 || rc == SYNC_SUB_LISTED) {
		fputs("tidings: ", stderr);
		print_account(stderr, cs);
		if (rc < 0) {
			fputs(": ", stderr);
			print_safe(stderr, cause);
			fputs(add ? " (not subscribed)\n" :
			    " (not unsubscribed)\n", stderr);
		} else {
			fputs(" has ", stderr);
			print_safe(stderr, feed);
			fputs(" already\n", stderr);
		}
		free(cause);
		free(feed);
		return (EXIT_ERROR);
	}
	fputs(add ? "subscribed " : "unsubscribed ", stdout);
	print_account(stdout, cs);
	fputs(add ? " to " : " from ", stdout);
	print_safe(stdout, add ? feed : url);
	for (i = 0; i < ntags; i++) {
		fputs(i == 0 ? " (" : ", ", stdout);
		print_safe(stdout, tags[i]);
	}
	fputs(ntags > 0 ? ")\n" : "\n", stdout);
	free(feed);
	return (EXIT_OK);
}

static int
cmd_remove(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "account", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*account = NULL;
	int		 ch;

	while ((ch = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (ch) {
		case 'A':
			account = optarg;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind != argc - 1)
		usage(EXIT_USAGE);
	if (account == NULL) {
		fputs("tidings: remove unsubscribes from a server's feed: "
		    "name the account with --account N (a dotfile feed goes "
		    "by deleting its line)\n", stderr);
		return (EXIT_USAGE);
	}
	return (server_edit(o, cfg, account, argv[optind], NULL, 0, 0, 0));
}

static int
cmd_add(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "number", required_argument, NULL, 'n' },
		{ "account", required_argument, NULL, 'A' },
		{ NULL, 0, NULL, 0 }
	};
	struct subscribe	 sub;
	const struct poll_found	*f;
	FILE			*out;
	const char		*account = NULL;
	char			*cause = NULL, *end;
	size_t			 i;
	long			 want = 0;
	int			 ch, rc;

	while ((ch = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			errno = 0;
			want = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || want < 1)
				usage(EXIT_USAGE);
			break;
		case 'A':
			account = optarg;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind >= argc)
		usage(EXIT_USAGE);
	if (account != NULL)
		return (server_edit(o, cfg, account, argv[optind],
		    argv + optind + 1, (size_t)(argc - optind - 1), want, 1));
	rc = subscribe_add(cfg, argv[optind], argv + optind + 1,
	    (size_t)(argc - optind - 1), want, &stop, &sub, &cause);
	if (rc < 0) {
		fputs("tidings: ", stderr);
		print_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		subscribe_release(&sub);
		return (EXIT_ERROR);
	}
	f = &sub.found[sub.pick];
	out = rc == SUBSCRIBE_LISTED ? stderr : stdout;
	if (rc == SUBSCRIBE_LISTED) {
		fputs("tidings: ", stderr);
		print_safe(stderr, f->url);
		fputs(" is in the dotfile already\n", stderr);
	} else {
		fputs("added ", stdout);
		print_safe(stdout, f->url);
		if (f->title != NULL) {
			fputs(" (", stdout);
			print_safe(stdout, f->title);
			fputs(")", stdout);
		}
		fputs(" to ", stdout);
		print_safe(stdout, cfg->path);
		putchar('\n');
	}
	if (sub.nfound > 1) {
		fprintf(out, "the page names %zu feeds; add another with "
		    "tidings add -n N:\n", sub.nfound);
		for (i = 0; i < sub.nfound; i++) {
			f = &sub.found[i];
			fprintf(out, "  %zu %s ", i + 1,
			    subscribe_listed(cfg, f->url) ? "=" :
			    i == sub.pick ? "*" : " ");
			print_safe(out, f->url);
			if (f->title != NULL) {
				fputs(" (", out);
				print_safe(out, f->title);
				fputs(")", out);
			}
			fputc('\n', out);
		}
		fprintf(out, "  (* added now, = in the dotfile already)\n");
	}
	if (rc == SUBSCRIBE_LISTED) {
		subscribe_release(&sub);
		return (EXIT_ERROR);
	}
	subscribe_release(&sub);
	return (EXIT_OK);
}

static int
cmd_export_opml(struct opts *o, struct config *cfg, int argc, char **argv)
{
	struct buf		 out = BUF_INIT;
	struct opml_known	*known;
	struct store_feed	*feeds = NULL;
	struct store		*st;
	char			*cause;
	size_t			 nfeeds = 0, i, j;

	(void)argv;
	if (argc != 1)
		usage(EXIT_USAGE);
	/* The database knows the titles the feeds give themselves, and
	 * their sites; without one (nothing fetched yet) the dotfile is
	 * enough. */
	known = xcalloc(cfg->nfeeds + 1, sizeof *known);
	if ((st = open_store_read(o)) != NULL &&
	    store_feeds(st, &feeds, &nfeeds, &cause) != 0) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
	}
	for (i = 0; i < cfg->nfeeds; i++)
		for (j = 0; j < nfeeds; j++)
			if (strcmp(feeds[j].url, cfg->feeds[i].url) == 0) {
				known[i].title = feeds[j].title;
				known[i].site = feeds[j].link;
				break;
			}
	opml_export(cfg, known, &out);
	fwrite(out.data, 1, out.len, stdout);
	buf_release(&out);
	free(known);
	store_feeds_free(feeds, nfeeds);
	store_close(st);
	return (fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR);
}

static int
cmd_gc(struct opts *o, struct config *cfg, int argc, char **argv)
{
	struct store	*st;
	char		**keep, *cause;
	size_t		 i;
	int		 n;

	(void)argv;
	if (argc != 1)
		usage(EXIT_USAGE);
	if ((st = open_store(o)) == NULL)
		return (EXIT_ERROR);
	keep = xreallocarray(NULL, cfg->nfeeds, sizeof *keep);
	for (i = 0; i < cfg->nfeeds; i++)
		keep[i] = cfg->feeds[i].url;
	n = store_gc(st, keep, cfg->nfeeds, &cause);
	free(keep);
	store_close(st);
	if (n < 0) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
		return (EXIT_ERROR);
	}
	printf("%d feed%s no longer in the dotfile removed\n", n,
	    n == 1 ? "" : "s");
	return (EXIT_OK);
}

/* Whether every one of argv[0..argc) is an item id; say the first that
 * is not. */
static int
item_ids_ok(int argc, char **argv)
{
	char		*end;
	long long	 id;
	int		 i;

	for (i = 0; i < argc; i++) {
		errno = 0;
		id = strtoll(argv[i], &end, 10);
		if (errno != 0 || *end != '\0' || end == argv[i] || id < 1) {
			fputs("tidings: not an item id: ", stderr);
			print_safe(stderr, argv[i]);
			fputc('\n', stderr);
			return (0);
		}
	}
	return (1);
}

static int
cmd_mark(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		 star;	/* the flag: starred, else read */
		int		 on;
	} marks[] = {
		{ "read", 0, 1 }, { "unread", 0, 0 },
		{ "star", 1, 1 }, { "unstar", 1, 0 },
	};
	struct store	*st;
	char		*cause;
	long long	 id;
	size_t		 m;
	int		 i, rc = EXIT_OK;

	(void)cfg;
	if (argc < 3)
		usage(EXIT_USAGE);
	for (m = 0; m < nitems(marks); m++)
		if (strcmp(argv[1], marks[m].name) == 0)
			break;
	if (m == nitems(marks))
		usage(EXIT_USAGE);
	if (!item_ids_ok(argc - 2, argv + 2))
		return (EXIT_USAGE);
	if ((st = open_store(o)) == NULL)
		return (EXIT_ERROR);
	/* Every id is tried: one that is gone does not stop the others. */
	for (i = 2; i < argc; i++) {
		id = strtoll(argv[i], NULL, 10);
		if ((marks[m].star ? store_set_starred(st, id, marks[m].on,
		    &cause) : store_set_read(st, id, marks[m].on,
		    &cause)) != 0) {
			fprintf(stderr, "tidings: %s\n", cause);
			free(cause);
			rc = EXIT_ERROR;
		}
	}
	store_close(st);
	return (rc);
}

/* tidings download: queue the enclosures of the items given, then run the
 * queue; or list it. */
static int
cmd_download(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const char *const states[] = {
		[STORE_DL_QUEUED] = "queued", [STORE_DL_DONE] = "done",
		[STORE_DL_FAILED] = "failed",
		[STORE_DL_CANCELLED] = "cancelled",
	};
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "list", no_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 }
	};
	struct download_stats	 dls = { 0, 0, 0 };
	struct store_download	*v;
	struct store_feed	*feeds = NULL;
	const struct store_feed	*sf;
	struct store_body	 body;
	struct buf		 b = BUF_INIT;
	struct store		*st;
	char			*cause, *path;
	long long		 id;
	size_t			 nfeeds = 0, n, i;
	int			 ch, quiet = 0, list = 0, tty, rc = EXIT_OK;

	while ((ch = getopt_long(argc, argv, "ql", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			quiet = 1;
			break;
		case 'l':
			list = 1;
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (!item_ids_ok(argc - optind, argv + optind))
		return (EXIT_USAGE);
	if ((st = open_store(o)) == NULL)
		return (EXIT_ERROR);
	if (optind < argc && store_feeds(st, &feeds, &nfeeds, &cause) != 0)
		goto fail;
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		id = strtoll(argv[i], NULL, 10);
		switch (store_item_get(st, id, &body, &cause)) {
		case -1:
			goto fail;
		case 0:
			/* One that is gone does not stop the others. */
			fprintf(stderr, "tidings: no item %lld\n", id);
			rc = EXIT_ERROR;
			continue;
		}
		sf = feed_row(feeds, nfeeds, body.item.feed_id);
		switch (download_enqueue(cfg, sf != NULL ? dotfile_feed(cfg,
		    sf->url) : NULL, st, id, DOWNLOAD_PICK, title_of(cfg, sf),
		    &path, &cause)) {
		case -1:
			store_body_release(&body);
			goto fail;
		case 0:
			if (path == NULL) {
				fprintf(stderr, "tidings: item %lld has no "
				    "enclosure\n", id);
				rc = EXIT_ERROR;
			}
			break;
		}
		free(path);
		store_body_release(&body);
	}
	store_feeds_free(feeds, nfeeds);
	feeds = NULL;
	if (list) {
		if (store_downloads(st, 0, 0, &v, &n, &cause) != 0)
			goto fail;
		for (i = 0; i < n; i++) {
			buf_reset(&b);
			buf_addf(&b, "%lld\t%s\t%lld\t%lld\t", (long long)v[i].id,
			    states[v[i].state < 0 || v[i].state >=
			    (int)nitems(states) ? STORE_DL_FAILED :
			    v[i].state], (long long)v[i].got,
			    (long long)v[i].size);
			text_printable(&b, v[i].path);
			buf_addch(&b, '\t');
			text_printable(&b, v[i].error != NULL ? v[i].error : "");
			printf("%s\n", b.data);
		}
		store_downloads_free(v, n);
		buf_release(&b);
		store_close(st);
		return (rc);
	}
	tty = quiet ? -1 : isatty(STDERR_FILENO);
	if (download_run(cfg, st, download_report, &tty, &stop, &dls,
	    &cause) != 0)
		goto fail;
	if (tty > 0)
		fprintf(stderr, "\r\033[K");
	store_close(st);
	if (!quiet || dls.failed > 0)
		printf("%d downloaded, %d failed, %d left to another process%s"
		    "\n", dls.done, dls.failed, dls.busy, stop ?
		    " (interrupted)" : "");
	if (stop || dls.failed > 0)
		return (EXIT_ERROR);
	return (rc);
fail:
	fprintf(stderr, "tidings: %s\n", cause);
	free(cause);
	store_feeds_free(feeds, nfeeds);
	store_close(st);
	return (EXIT_ERROR);
}

/* An argument that names a page on the web rather than a file. */
static int
is_web_url(const char *s)
{
	return (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

static int
cmd_extract(struct opts *o, struct config *cfg, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "url", required_argument, NULL, 'u' },
		{ "width", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum { TEXT, JSON, HTML } format = TEXT;
	struct buf		 in = BUF_INIT, out = BUF_INIT;
	struct render		 r = RENDER_INIT;
	struct render_opts	 ro;
	struct article		*art;
	struct winsize		 ws;
	const char		*url = NULL, *src;
	char			*cause, *end;
	long			 width = 0;
	int			 ch;

	(void)o;
	while ((ch = getopt_long(argc, argv, "u:w:f:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			url = optarg;
			break;
		case 'w':
			errno = 0;
			width = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || width < 10 ||
			    width > 1000)
				usage(EXIT_USAGE);
			break;
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = TEXT;
			else if (strcmp(optarg, "json") == 0)
				format = JSON;
			else if (strcmp(optarg, "html") == 0)
				format = HTML;
			else
				usage(EXIT_USAGE);
			break;
		default:
			usage(EXIT_USAGE);
		}
	}
	if (optind != argc - 1)
		usage(EXIT_USAGE);
	src = argv[optind];

	if (is_web_url(src)) {
		signal(SIGPIPE, SIG_IGN);
		http_global_init();
		art = poll_article(cfg, NULL, src, &stop, &cause);
		http_global_cleanup();
	} else if (read_file(src, input_cap(cfg), &in, &cause) == 0) {
		art = extract_page(in.data != NULL ? in.data : "", in.len,
		    url, NULL);
		buf_release(&in);
	} else
		art = NULL;
	if (art == NULL) {
		/* read_file()'s cause names the file already. */
		fprintf(stderr, "tidings: ");
		if (is_web_url(src))
			fprintf(stderr, "%s: ", src);
		print_safe(stderr, cause);
		fputc('\n', stderr);
		free(cause);
		return (EXIT_ERROR);
	}

	switch (format) {
	case TEXT:
		if (width == 0) {
			width = 80;
			if (isatty(STDOUT_FILENO) &&
			    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
			    ws.ws_col >= 10)
				width = ws.ws_col;
		}
		memset(&ro, 0, sizeof ro);
		ro.width = (int)width;
		render_article(art, &ro, &r);
		render_text(&r, &out);
		render_release(&r);
		break;
	case JSON:
		extract_json(art, &out);
		buf_addch(&out, '\n');
		break;
	case HTML:
		extract_html(art, &out);
		break;
	}
	fwrite(out.data, 1, out.len, stdout);
	buf_release(&out);
	extract_free(art);
	return (fflush(stdout) == 0 ? EXIT_OK : EXIT_ERROR);
}

/* tidings without a command: the reader. */
static int
run_reader(struct opts *o, struct config *cfg)
{
	char	*path, *cause;
	int	 rc;

	if ((path = db_path(o)) == NULL)
		return (EXIT_ERROR);
	rc = ui_run(cfg, path, &cause);
	free(path);
	if (rc != 0) {
		fprintf(stderr, "tidings: %s\n", cause);
		free(cause);
		return (EXIT_ERROR);
	}
	return (EXIT_OK);
}

#ifndef TIDINGS_DOCDIR
#define TIDINGS_DOCDIR "/usr/local/share/doc/tidings"
#endif

/* Say that there is no dotfile at path yet, and how to start one. */
static void
no_dotfile(const char *path)
{
	struct buf	 b = BUF_INIT;

	text_printable(&b, path);
	fprintf(stderr, "tidings: no dotfile at %s yet; to start one:\n"
	    "  tidings add URL             subscribe to a site or a feed\n"
	    "  tidings import-opml FILE    or bring the feeds of another "
	    "reader\n"
	    "  tidings import-newsboat     or move in from newsboat\n"
	    "  cp %s/config.example %s\n"
	    "                              or copy the example and edit it\n",
	    b.data, TIDINGS_DOCDIR, b.data);
	buf_release(&b);
}

/* A dotfile with a sync line makes a process that will hold a password
 * or a token: it writes no core file, should it crash. */
static void
no_core_dumps(const struct config *cfg)
{
	char	*cause;

	if (cfg->nsyncs > 0 && util_no_core_dumps(&cause) != 0) {
		log_debug("%s", cause);
		free(cause);
	}
}

/* Read the dotfile as the command needs it; print every mistake. */
static int
load_config(const struct opts *o, enum need_config need, int hint,
    struct config *cfg)
{
	struct causes	 causes = CAUSES_INIT;
	char		*path;
	size_t		 i;
	int		 rc = 0;

	path = o->config_path != NULL ? xstrdup(o->config_path) :
	    config_default_path();
	if (path == NULL) {
		fprintf(stderr, "tidings: %s; give the dotfile with -c\n",
		    NO_HOME);
		return (-1);
	}
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		/* The first start: say where the dotfile was looked for and
		 * how to make one, the same way for every command. */
		if (need == CONFIG_REQUIRED || (hint && isatty(STDERR_FILENO)))
			no_dotfile(path);
		if (need == CONFIG_REQUIRED) {
			free(path);
			return (-1);
		}
		free(cfg->path);
		cfg->path = path;
		return (0);
	}
	if (config_load(path, cfg, &causes) != 0) {
		for (i = 0; i < causes.n; i++)
			fprintf(stderr, "%s\n", causes.v[i]);
		rc = -1;
	}
	causes_release(&causes);
	free(path);
	return (rc);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "log", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct opts		 o = { NULL, NULL };
	struct config		 cfg;
	const struct command	*cmd = NULL;
	struct sigaction	 sa;
	size_t			 i;
	int			 ch, rc;

	while ((ch = getopt_long(argc, argv, "+c:d:l:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'c':
			o.config_path = optarg;
			break;
		case 'd':
			o.db_path = optarg;
			break;
		case 'l':
			log_open(optarg);
			break;
		case 'h':
			usage(EXIT_OK);
		case 'V':
			printf("tidings %s\n", TIDINGS_VERSION);
			return (EXIT_OK);
		default:
			usage(EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		config_init(&cfg);
		if (load_config(&o, CONFIG_OPTIONAL, 0, &cfg) != 0) {
			config_release(&cfg);
			return (EXIT_USAGE);
		}
		no_core_dumps(&cfg);
		signal(SIGPIPE, SIG_IGN);
		http_global_init();
		rc = run_reader(&o, &cfg);
		http_global_cleanup();
		config_release(&cfg);
		log_close();
		return (rc);
	}
	for (i = 0; i < nitems(commands); i++)
		if (strcmp(argv[0], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "tidings: unknown command \"");
		print_safe(stderr, argv[0]);
		fprintf(stderr, "\"\n");
		usage(EXIT_USAGE);
	}

	config_init(&cfg);
	if (cmd->config != CONFIG_NONE &&
	    load_config(&o, cmd->config, 1, &cfg) != 0) {
		config_release(&cfg);
		return (EXIT_USAGE);
	}
	no_core_dumps(&cfg);

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	if (cmd->on_stop == STOP_FLAG) {
		sa.sa_handler = on_signal;
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);

	http_global_init();
	optind = 0;			/* glibc: start the command's options afresh */
	rc = cmd->run(&o, &cfg, argc, argv);
	http_global_cleanup();
	config_release(&cfg);
	log_close();
	return (rc);
}
