/* ui-int.h: what the files of the reader share (ui.c: the loop, layout,
 * drawing and dispatch; ui-list.c: the feeds and items panes; ui-article.c:
 * the article pane and the browser; ui-prompt.c: the prompt; ui-refresh.c:
 * the background refresh; ui-fetch.c: full articles in the background;
 * ui-config.c: the dotfile read again or edited; ui-hook.c: the user's
 * commands, save and macros; ui-menu.c: the menus of select-filter and
 * download-enclosure; ui-encl.c: enclosures and the player; ui-dl.c:
 * downloads and their view).
 * Nothing outside ui*.c includes it.
 *
 * Threads: the loop's thread owns struct ui and ui->cfg, which changes
 * at the prompt (":set", ":add"). The refresh and the article worker
 * never see either: each reads a snapshot of the config (config.h) that
 * it holds a reference to, names feeds by their config id, opens a store
 * connection of its own and hands results back under its lock. */
#ifndef TIDINGS_UI_INT_H
#define TIDINGS_UI_INT_H

#include <curses.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "config.h"
#include "keys.h"
#include "render.h"
#include "store.h"

struct article;				/* extract.h */

/* Attributes of help and header spans, beside render.h's RENDER_*. */
#define UI_A_KEY	0x10000		/* a key on the help screen */
#define UI_A_HEADER	0x20000		/* a header field's name */

/* What an action asks of the loop, which alone redraws, once a turn. */
#define UI_REDRAW	0x01		/* repaint from the data held */
#define UI_RELOAD	0x02		/* read feeds and list again */
#define UI_QUIT		0x04
#define UI_CLEAR	0x08		/* repaint from scratch */

enum ui_pane_id {
	UI_FEEDS,
	UI_ITEMS,
	UI_ARTICLE,
	UI__PANES
};

/*
 * A pane is a window onto rows it does not own: a cursor, a scroll
 * offset and its place on the screen. Who owns the rows draws them.
 */
struct ui_pane {
	int		 shown;
	int		 x, y, w, h;	/* h: rows below the title row */
	size_t		 top, cur, n;
};

/* One feed of the dotfile with what the store says of it. */
struct ui_feed {
	const struct config_feed *cf;	/* into ui->cfg: good until the next
					   ui_list_load_feeds(), which ":add"
					   calls; keep cf->id beyond that */
	int64_t		 id;		/* 0: never stored */
	int64_t		 unread, total;
	char		*title;		/* the name shown; owned */
	char		*link;		/* its site, or NULL; owned */
	char		*error;		/* last error or NULL; owned */
	int64_t		 tried;		/* its last fetch, or STORE_NOTIME */
};

#define UI_ROW_ALL	((size_t)-1)	/* the feeds pane's first row */
#define UI_ROW_STARRED	((size_t)-2)	/* the starred items, when any */
/* The row of the dotfile's query k, and back. */
#define UI_ROW_QUERY(k)	(UI_ROW_STARRED - 1 - (size_t)(k))
#define UI_QUERY_OF(r)	((size_t)(UI_ROW_STARRED - 1 - (r)))
#define UI_ROW_FEED(r)	((r) <= UI_ROW_QUERY(CONFIG_MAX_QUERIES))
#define UI_ROW_IS_QUERY(r) (!UI_ROW_FEED(r) && (r) < UI_ROW_STARRED)

struct ui_tag {
	const char	*name;		/* borrowed from the config */
	int64_t		 unread;
	size_t		 feeds;		/* feeds that carry it */
};

/*
 * The items pane's list: either a query (a feed, all feeds, a tag's
 * feeds; unread only or not), read a page at a time into a window of rows
 * around what is on screen, or the results of a search, held whole (they
 * are capped).
 */
struct ui_list {
	int		 search;	/* results of a search */
	char		*label;		/* the pane's title; owned */
	int64_t		*feeds;		/* its feeds; owned */
	size_t		 nfeeds;
	int		 every;		/* every stored feed: no filter */
	int		 unread;
	int		 starred;	/* starred items only */
	const struct filter *expr;	/* a query's: into ui->cfg, made
					   again by ui_list_refeed() */
	struct filter	*narrow;	/* the filter action's; owned */
	struct filter	*also;		/* a tag's queries, whose items its
					   All items lists too; owned */
	int		 ignored;	/* the killfile's items too */
	int		 sort;		/* its order (filter_sort_parse()) */
	int		 mixed;		/* rows of several feeds */
	size_t		 row;		/* its row in the feeds pane */
	size_t		 total;
	struct store_item *win;		/* rows woff .. woff + nwin - 1 */
	size_t		 nwin, woff;
	int		 stale;		/* a page came short */
	char		*query;		/* the search's text; owned */
	size_t		 saved_cur;	/* the cursor, while a search */
	size_t		 saved_top;	/* replaces the list */
};

/* The article pane: one item, its header and its rendered text, which is
 * the feed's own or the full article fetched from the item's link. */
struct ui_article {
	int64_t		 id;		/* 0: none */
	struct store_body body;
	char		*feed;		/* the feed's name; owned */
	unsigned	 cfid;		/* its feed's config id, or 0 */
	struct article	*art;		/* parsed, for its links */
	struct render	 head;		/* header lines */
	struct render	 text;		/* body lines */
	int		 width;		/* rendered for this width */
	int		 text_width;	/* ... with these settings */
	int		 centre;
	int		 margin;	/* columns left of the text */

	int		 want_full;	/* the full article is asked for */
	int		 full;		/* ... and shown */
	int		 fetching;	/* ... and its page is on the way */
	struct store_enclosure *encl;	/* its enclosures; owned */
	size_t		 nencl;
	struct store_article page;	/* the full article kept */
	struct article	*page_art;	/* parsed, with page's metadata */
	size_t		 top[2];	/* each view's scroll */
};

enum ui_undo_kind {
	UNDO_READ,
	UNDO_STAR,
	UNDO_MARK
};

struct ui_undo {
	enum ui_undo_kind kind;
	int64_t		 id;		/* item, or store mark */
	int		 old;		/* the flag before */
};
#define UI_UNDO_MAX	100

/* A background refresh: its own thread and store connection; it tells
 * the loop about progress with a byte on the self-pipe. */
struct ui_refresh {
	int		 running;
	pthread_t	 thread;
	int		 pipe[2];
	struct config	*cfg;		/* the snapshot the thread refreshes
					   (held; dropped after the join) */
	int		 flags;		/* POLL_* */
	int64_t		 since;		/* when it started (UTC seconds) */
	const char	*db_path;	/* ui's, which outlives the thread */
	atomic_int	 stop;
	double		 next_auto;	/* next check for due feeds */
	double		 last_reload;
	double		 reload_due;	/* a reload held back */

	pthread_mutex_t	 lock;		/* guards the rest */
	size_t		 done, total;
	int		 nnew, failed;
	int		 finished;
	char		*error;		/* the last feed error */
	char		*cause;		/* why it could not run */
	char		 notify[256];	/* why notify-command did not start */

	/* Instead of a refresh, a change of a server account's feeds
	 * (ui_refresh_edit()): what, and then how it went (under lock). */
	int		 edit;		/* 0: a refresh; UI_EDIT_* */
	unsigned	 edit_sync;	/* the account's config_sync id */
	char		*edit_url;
	char		**edit_tags;
	size_t		 edit_ntags;
	long		 edit_want;
	int		 edit_rc;	/* sync_subscribe()'s */
	char		*edit_feed;	/* the feed subscribed to */
};
#define UI_EDIT_ADD	1
#define UI_EDIT_REMOVE	2
#define UI_ASK_REMOVE	2		/* ui->asking */

/* A worker thread of the reader (ui-worker.c): the article fetcher and
 * the downloads each run one, with a store connection of its own, woken
 * through cond, its news to the loop through a self-pipe. */
struct ui_worker {
	int		 started;
	pthread_t	 thread;
	int		 pipe[2];	/* [0] polled by the loop */
	const char	*db_path;	/* ui's, which outlives the thread */
	atomic_int	 stop;		/* stop now (a transfer under way) */

	pthread_mutex_t	 lock;		/* guards cfg, quit and the owner's
					   shared fields */
	pthread_cond_t	 cond;
	struct config	*cfg;		/* the newest snapshot (held) */
	int		 quit;
};

/* Full articles fetched in the background (ui-fetch.c): one worker
 * thread with its own store connection, a queue, and a self-pipe. */
struct ui_fetch_job {
	int64_t		 item_id;
	unsigned	 feed;		/* config id of the feed whose fetch
					   settings apply; 0: the global ones */
};

struct ui_fetch_done {
	int64_t		 item_id;
	char		*error;		/* NULL: the article is kept */
};

struct ui_fetch {
	struct ui_worker w;		/* w.cond: a job, or quit; each job
					   holds w.cfg while it runs */
	/* Under w.lock: */
	struct ui_fetch_job *jobs;
	size_t		 njobs;
	int64_t		 busy;		/* the item fetched now, or 0 */
	struct ui_fetch_done *done;	/* for the loop to take */
	size_t		 ndone;
};

/* Enclosures downloaded in the background (ui-dl.c): one worker thread
 * with its own store connection that runs the store's queue when kicked,
 * and a self-pipe. */
#define UI_DL_EPISODES	3	/* new episodes queued per feed and refresh */
#define UI_DL_NAME_CHARS 24	/* of a file's name on the status line */

struct ui_dl {
	struct ui_worker w;		/* w.cond: kicked, or quit */
	/* Under w.lock: */
	int		 kicked;	/* run the queue (again) */
	int64_t		 id;		/* the download under way, or 0 */
	int64_t		 got, size;	/* its progress (size -1: unknown) */
	char		 name[256];	/* its file's name */
	char		*msg;		/* news for the status line, or NULL */
	int		 msg_error;
	/* The loop's alone: the view's rows, read from the store. */
	struct store_download *rows;
	size_t		 nrows;
};
#define UI_DL_ALL	(-2)		/* ui_dl_queue(): all enclosures */

/* Marks changed over many items a step per idle turn (ui-list.c): a
 * mark-all-read of 100k items, or its undo. */
struct ui_marking {
	int64_t		 mark;		/* the store's mark; 0: none */
	int		 read;		/* 1: marking read; 0: undoing */
	int64_t		*feeds;		/* marking read: the list's feeds */
	size_t		 nfeeds;	/* (store_filter); owned */
	int		 every;
	int		 starred;
	struct filter	*expr;		/* a query's, copied; owned */
	struct filter	*narrow;	/* the list's filter, copied; owned */
	struct filter	*also;		/* the list's, copied; owned */
	int64_t		 upto;		/* store_mark_begin()'s */
	int64_t		 after;		/* store_unmark_step()'s place */
	int64_t		 total, changed;
	double		 started;	/* for the log */
};

struct ui_prompt {
	int		 active;
	int		 kind;		/* ':', '/' or 'F' (a filter) */
	size_t		 preset;	/* the preset Tab shows next */
	struct buf	 text;
	size_t		 pos;		/* cursor, bytes into text */
};

/* A menu over the panes (ui-menu.c): select-filter's, whose row 0 opens
 * filter's prompt and row k picks the preset k - 1; or download-
 * enclosure's, whose row 0 downloads every enclosure of the item and row
 * k its enclosure k - 1. */
#define UI_MENU_FILTER	1
#define UI_MENU_ENCL	2

struct ui_menu {
	int		 active;	/* UI_MENU_*, or 0 */
	struct ui_pane	 pane;		/* placed each time it is drawn */
	int64_t		 item_id;	/* UI_MENU_ENCL: the item, */
	unsigned	 cfid;		/* its feed's config id (or 0), */
	char		*feed;		/* its feed's name, or NULL */
	struct store_enclosure *encl;	/* and its enclosures (owned) */
	size_t		 nencl;
};

struct ui {
	struct config	*cfg;		/* main()'s; this thread's alone */
	struct config	*snap;		/* a snapshot of cfg for the threads,
					   made again when cfg changes */
	const char	*db_path;
	struct store	*st;

	struct ui_pane	 panes[UI__PANES];
	enum ui_pane_id	 focus;
	int		 layout;	/* panes side by side; 0: by width */
	int		 npanes;	/* shown now */

	/* The feeds pane: every feed of the dotfile, and the rows shown. */
	struct ui_feed	*feeds;
	size_t		 nfeeds;
	size_t		*rows;		/* into feeds, or UI_ROW_ALL */
	size_t		 nrows;
	int64_t		 unread;	/* over every feed */
	int64_t		 starred;	/* starred items, over every feed */
	int64_t		*qunread;	/* each query's unread items */
	size_t		 nq;
	int		 strays;	/* the store has feeds the dotfile
					   no longer lists */
	char		*tag;		/* only feeds with this tag */
	int		 picking;	/* the feeds pane lists tags */
	struct ui_tag	*tags;		/* tags[0] is "every feed" */
	size_t		 ntags;
	int		 unread_only;
	int		 show_ignored;	/* lists show the killfile's items */

	struct ui_list	 list;
	int		 pending;	/* the feeds cursor moved: build the
					   list for pending_row */
	size_t		 pending_row;
	struct ui_list	 before_search;	/* what a search replaced */
	int		 has_before;
	struct ui_article art;

	int		 help;		/* over the panes: 1 the help screen,
					   2 the downloads (ui-dl.c) */
	int		 asking;	/* waits for y: 1 to quit (confirm-quit),
					   UI_ASK_REMOVE to unsubscribe */
	char		*asking_url;	/* UI_ASK_REMOVE: the feed's address */
	unsigned	 asking_sync;	/* and its account's id */
	struct ui_pane	 helppane;
	struct render	 helptext;

	struct ui_undo	 undo[UI_UNDO_MAX];
	size_t		 nundo;
	struct ui_marking marking;

	struct ui_refresh refresh;
	struct ui_fetch	 fetch;
	struct ui_dl	 dl;
	struct ui_prompt prompt;
	struct ui_menu	 menu;
	size_t		 index_left;	/* items not yet indexed */

	char		*msg;		/* the status line's message */
	int		 msg_error;
	double		 msg_until;

	attr_t		 attrs[EL__COUNT];	/* each element's look */
	attr_t		 hl_attrs[CONFIG_MAX_HIGHLIGHTS]; /* each highlight
						   rule's look */
	size_t		 nhl;
	int		 utf8;		/* the terminal takes UTF-8 */
	int		 mouse;		/* mouse events asked for */
	int		 macro_key;	/* macro-prefix was pressed: the next
					   key is the macro table's */
	char *const	*act_args;	/* ui_act_args()'s, for ui_hook_act() */
	size_t		 act_nargs;
	struct buf	 scratch;	/* for drawing */
	double		 started;	/* start, for the log */
};

/* ui.c */
void	 ui_message(struct ui *, int error, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
attr_t	 ui_attr(struct ui *, enum config_element);
void	 ui_wrap(struct render *, const char *lead, unsigned lead_attr,
	     const char *text, unsigned attr, size_t width);
int	 ui_put(struct ui *, int y, int x, int w, const char *s,
	     attr_t);
void	 ui_fill(struct ui *, int y, int x, int w, attr_t);
void	 ui_draw_line(struct ui *, int y, int x, int w,
	     const struct render_line *);
attr_t	 ui_row_attr(struct ui *, int selected, int focused,
	     enum config_element);
void	 ui_scroll_to(struct ui_pane *);
int	 ui_pane_move(struct ui_pane *, enum keys_action, size_t);
void	 ui_draw_title(struct ui *, struct ui_pane *, int focused,
	     const char *left, const char *right);
int	 ui_focus(struct ui *, enum ui_pane_id);
void	 ui_undo_push(struct ui *, enum ui_undo_kind, int64_t id, int old);
int	 ui_undo(struct ui *);
int	 ui_act(struct ui *, enum keys_action);
void	 ui_apply_colors(struct ui *);
void	 ui_apply_mouse(struct ui *);
int	 ui_key_waiting(void);
void	 ui_config_changed(struct ui *);
void	 ui_draw(struct ui *, int clear);

/* ui-list.c */
int	 ui_list_load_feeds(struct ui *);
void	 ui_list_feeds_rows(struct ui *);
void	 ui_list_draw_feeds(struct ui *, struct ui_pane *);
void	 ui_list_set_row(struct ui *, size_t row);
void	 ui_list_sync(struct ui *);
int	 ui_list_reload(struct ui *);
void	 ui_list_refeed(struct ui *, int resort);
void	 ui_list_release(struct ui_list *);
const struct store_item *ui_list_item(struct ui *, size_t i);
void	 ui_list_draw_items(struct ui *, struct ui_pane *);
const struct ui_feed *ui_list_feed_of(struct ui *, int64_t feed_id);
int	 ui_list_search(struct ui *, const char *);
int	 ui_list_filter(struct ui *, const char *);
/* Sort the list in view in the next order of cycle-sort (cycle), or in
 * the dotfile's order for it again. */
int	 ui_list_sort(struct ui *, int cycle);
int	 ui_list_back(struct ui *);
int	 ui_list_unread_step(struct ui *, int dir, int open);
int	 ui_list_toggle_read(struct ui *);
int	 ui_list_mark_item(struct ui *, int read, int say);
int	 ui_list_toggle_star(struct ui *);
int	 ui_list_mark_read(struct ui *, int all);
int	 ui_list_unmark(struct ui *, int64_t mark);
int	 ui_list_mark_tick(struct ui *, int *timeout_ms);
void	 ui_list_mark_finish(struct ui *);
int	 ui_list_mark_status(struct ui *, struct buf *);
int	 ui_list_item_changed(struct ui *, int64_t id, int unread, int starred);
int	 ui_list_pick_tag(struct ui *);
int	 ui_list_tag(struct ui *, const char *);
int	 ui_list_open_row(struct ui *);
void	 ui_list_free_feeds(struct ui *);
void	 ui_lists_release(struct ui *);

/* ui-article.c */
int	 ui_article_open(struct ui *, int64_t id);
void	 ui_article_close(struct ui *);
void	 ui_article_layout(struct ui *);
void	 ui_article_draw(struct ui *, struct ui_pane *);
int	 ui_article_open_link(struct ui *, const char *number, int play);
int	 ui_browser(struct ui *, const char *url);
char	**ui_browser_argv(const char *cmd, const char *url);
void	 ui_article_release(struct ui *);
int	 ui_article_toggle_full(struct ui *);
int	 ui_article_fetched(struct ui *, int64_t id, const char *error);

/* The article as the pane shows it, laid out for the pane (for the
 * terminal's width when it is not on screen), as plain text. */
void	 ui_article_text(struct ui *, struct buf *);
/* The article's best text: the full article when one is kept, else the
 * feed's; NULL when it has none. */
const struct article *ui_article_best(struct ui *);

/* ui-hook.c */
/* Give the terminal to a command in the foreground (hook_wait()), and
 * take it back after, however the command ended (UI_REDRAW | UI_CLEAR). */
void	 ui_hook_suspend(void);
int	 ui_hook_resume(void);
/* Say how a command of hook_wait() ended, when not well: its rc and
 * cause (freed), name through the terminal gate. */
void	 ui_hook_report(struct ui *, const char *name, int rc, char *cause);
/* Run act as ui_act() does, with arguments (exec's command, a macro's
 * steps) that the action reads; args are borrowed for the call. */
int	 ui_act_args(struct ui *, enum keys_action, char *const *args,
	     size_t nargs);
/* exec, pipe-to, save, copy-link, macro and macro-prefix, for
 * ui_act(). */
int	 ui_hook_act(struct ui *, enum keys_action);
/* The key after macro-prefix: run its macro. */
int	 ui_hook_macro_key(struct ui *, int key);
/* ui-worker.c */
/* Make w's pipe and lock and hold ui's snapshot; -1 when no pipe. */
int	 ui_worker_init(struct ui_worker *, const struct ui *);
/* Start fn(arg) as w's thread, with every signal blocked in it (they are
 * for the loop's poll()), unless it runs; 0, or pthread_create()'s
 * error number. */
int	 ui_worker_start(struct ui_worker *, void *(*fn)(void *), void *arg);
/* Give w the newest snapshot of the config. */
void	 ui_worker_config(struct ui_worker *, const struct ui *);
/* From the thread: wake the loop. From the loop: empty the pipe. */
void	 ui_worker_poke(struct ui_worker *);
void	 ui_worker_drain(struct ui_worker *);
/* Have the thread quit (quit and stop set, cond signalled), join it,
 * and release what ui_worker_init() made. */
void	 ui_worker_stop(struct ui_worker *);

/* ui-encl.c */
void	 ui_encl_load(struct ui *);
void	 ui_encl_header(struct ui *, struct render *, size_t nlinks,
	     size_t width);
void	 ui_encl_links(struct ui *, struct render *, size_t nlinks,
	     size_t width);
int	 ui_encl_play(struct ui *, const char *url, unsigned feed);
/* Play a downloaded file (an absolute path) with the player of the feed
 * whose config id is feed (0: the global setting). */
int	 ui_encl_play_file(struct ui *, const char *path, unsigned feed);
/* Append "[N] type · size · h:mm:ss" for enclosure e, numbered n. */
void	 ui_encl_describe(struct buf *, const struct store_enclosure *e,
	     size_t n);
int	 ui_encl_open_item(struct ui *, int quiet);

/* ui-dl.c */
int	 ui_dl_init(struct ui *);
void	 ui_dl_config(struct ui *);
void	 ui_dl_kick(struct ui *);
int	 ui_dl_enqueue(struct ui *);
int	 ui_dl_queue(struct ui *, int64_t item_id, unsigned cfid,
	     const char *feed, int which);
int	 ui_dl_act(struct ui *, enum keys_action);
void	 ui_dl_draw(struct ui *);
void	 ui_dl_after_refresh(struct ui *, const struct config *,
	     int64_t since);
int	 ui_dl_event(struct ui *);
int	 ui_dl_status(struct ui *, struct buf *);
void	 ui_dl_build(struct ui *);
char	*ui_dl_file(struct ui *, const char *url);
void	 ui_dl_stop(struct ui *);

/* ui-config.c */
int	 ui_config_reload(struct ui *);
int	 ui_config_edit(struct ui *);

/* ui-prompt.c */
void	 ui_prompt_start(struct ui *, int kind, const char *text);
int	 ui_prompt_key(struct ui *, int key);
void	 ui_prompt_draw(struct ui *, int y);
void	 ui_prompt_release(struct ui *);
/* Run a line as if typed after ':'. */
int	 ui_prompt_run(struct ui *, const char *line);
int	 ui_prompt_remove_answer(struct ui *, int yes);

/* ui-menu.c */
int	 ui_menu_filter(struct ui *);
/* Ask which of item_id's n enclosures v to download (the menu keeps
 * v, and a copy of feed). */
int	 ui_menu_enclosures(struct ui *, int64_t item_id, unsigned cfid,
	     const char *feed, struct store_enclosure *v, size_t n);
void	 ui_menu_close(struct ui *);
int	 ui_menu_key(struct ui *, int key);
void	 ui_menu_draw(struct ui *);

/* ui-refresh.c */
int	 ui_refresh_init(struct ui *);
int	 ui_refresh_start(struct ui *, unsigned feed, int all);
int	 ui_refresh_event(struct ui *);
void	 ui_refresh_sync_feeds(struct ui *);
int	 ui_refresh_edit(struct ui *, int edit, unsigned sync_id,
	     const char *url, char *const *tags, size_t ntags, long want);
int	 ui_refresh_tick(struct ui *, double now, int *timeout_ms);
int	 ui_refresh_status(struct ui *, struct buf *);
void	 ui_refresh_stop(struct ui *);

/* ui-fetch.c */
int	 ui_fetch_init(struct ui *);
int	 ui_fetch_request(struct ui *, int64_t item_id, unsigned feed,
	     int front);
void	 ui_fetch_queue(struct ui_fetch_job **, size_t *n,
	     const struct ui_fetch_job *, int front);
int	 ui_fetch_event(struct ui *);
void	 ui_fetch_after_refresh(struct ui *, const struct config *,
	     int64_t since);
int	 ui_fetch_status(struct ui *, struct buf *);
void	 ui_fetch_config(struct ui *);
void	 ui_fetch_stop(struct ui *);

#endif /* TIDINGS_UI_INT_H */
