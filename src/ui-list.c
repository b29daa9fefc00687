/* ui-list.c: the feeds pane and the items pane.
 *
 * The feeds pane lists the dotfile's feeds (those with the chosen tag,
 * those with unread items when only unread ones are shown) under a first
 * row that stands for all of them and, while any item is starred, above
 * a last row for the starred items of every feed, with counts from one
 * store_feeds()
 * query and one count of the starred. Moving its cursor chooses the list
 * of the items pane.
 *
 * That list may be as long as the database, so it is never read whole.
 * The pane keeps a window of rows around what it shows; moving past the
 * window's edge reads the next page after (or before) the row at the edge,
 * by its (date, id), which the store's indexes find at once whatever the
 * depth; only a jump to the bottom reads from the far end. The list's
 * length is counted when it is built, so positions are known without
 * reading rows. Search results are the exception: they are capped and held
 * whole.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "poll.h"
#include "store.h"
#include "ui-int.h"
#include "util.h"

#define LIST_PAGE	32		/* rows read beyond the screen */
#define LIST_SEARCH_MAX	1000		/* search results held */
#define LIST_MARK_STEP	256		/* marks changed per idle turn */

static const int64_t	 list_none[1];	/* no feeds at all */

/* Free a list and zero it. */
void
ui_list_release(struct ui_list *l)
{
	store_items_free(l->win, l->nwin);
	free(l->label);
	free(l->feeds);
	free(l->query);
	filter_free(l->narrow);
	filter_free(l->also);
	memset(l, 0, sizeof *l);
}

/* The feed with store id feed_id, or NULL. */
const struct ui_feed *
ui_list_feed_of(struct ui *ui, int64_t feed_id)
{
	size_t	 i;

	for (i = 0; i < ui->nfeeds; i++)
		if (ui->feeds[i].id == feed_id)
			return (&ui->feeds[i]);
	return (NULL);
}

/* Whether feed f carries tag. */
static int
list_has_tag(const struct ui_feed *f, const char *tag)
{
	size_t	 i;

	for (i = 0; i < f->cf->ntags; i++)
		if (strcmp(f->cf->tags[i], tag) == 0)
			return (1);
	return (0);
}

/* Order store feeds by URL, to find each dotfile feed's row. */
static int
list_cmp_url(const void *a, const void *b)
{
	const struct store_feed	*x = *(const struct store_feed *const *)a;
	const struct store_feed	*y = *(const struct store_feed *const *)b;

	return (strcmp(x->url, y->url));
}

/* The index in ui->tags of tag, adding it when new. */
static size_t
list_tag_add(struct ui *ui, const char *tag)
{
	size_t	 t;

	for (t = 1; t < ui->ntags; t++)
		if (strcmp(ui->tags[t].name, tag) == 0)
			return (t);
	ui->tags = xreallocarray(ui->tags, ui->ntags + 1, sizeof *ui->tags);
	ui->tags[t].name = tag;
	ui->tags[t].unread = 0;
	ui->tags[t].feeds = 0;
	ui->ntags++;
	return (t);
}

/* Whether query k of the dotfile carries tag. */
static int
list_query_has_tag(struct ui *ui, size_t k, const char *tag)
{
	const struct config_filter	*q = &ui->cfg->queries[k];
	size_t				 i;

	for (i = 0; i < q->ntags; i++)
		if (strcmp(q->tags[i], tag) == 0)
			return (1);
	return (0);
}

/* The store ids of the feeds that carry tag; caller frees. */
static int64_t *
list_tag_ids(struct ui *ui, const char *tag, size_t *n)
{
	int64_t	*ids;
	size_t	 i;

	*n = 0;
	ids = xreallocarray(NULL, ui->nfeeds + 1, sizeof *ids);
	for (i = 0; i < ui->nfeeds; i++)
		if (ui->feeds[i].id != 0 && list_has_tag(&ui->feeds[i], tag))
			ids[(*n)++] = ui->feeds[i].id;
	return (ids);
}

/* The queries that carry tag as one filter, or NULL when none does: the
 * tag's All items row lists their items beside its feeds'. */
static struct filter *
list_tag_queries(struct ui *ui, const char *tag)
{
	const struct filter	**v;
	struct filter		*f;
	size_t			 k, n = 0;

	v = xreallocarray(NULL, ui->nq + 1, sizeof *v);
	for (k = 0; k < ui->nq && k < ui->cfg->nqueries; k++)
		if (list_query_has_tag(ui, k, tag))
			v[n++] = ui->cfg->queries[k].filter;
	f = filter_or(v, n);
	free(v);
	return (f);
}

/* Count the unread items of tag t's All items row when queries carry
 * the tag: those of its feeds and its queries', each once. */
static void
list_count_tag(struct ui *ui, size_t t)
{
	struct filter	*also;
	int64_t		*ids;
	size_t		 n;
	char		*cause;

	if ((also = list_tag_queries(ui, ui->tags[t].name)) == NULL)
		return;
	ids = list_tag_ids(ui, ui->tags[t].name, &n);
	if (store_count(ui->st, &(struct store_filter){ .feeds = n > 0 ?
	    ids : list_none, .nfeeds = n, .unread = 1, .also = also }, NULL,
	    &ui->tags[t].unread, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	free(ids);
	filter_free(also);
}

/* Collect the tags of the dotfile's feeds and queries with their unread
 * counts; tags[0] stands for every feed. A tag counts the unread items
 * its first row lists: its feeds' and its queries'. */
static void
list_tags(struct ui *ui)
{
	const struct ui_feed		*f;
	const struct config_filter	*q;
	size_t				 i, j, t;

	free(ui->tags);
	ui->tags = xcalloc(1, sizeof *ui->tags);
	ui->ntags = 1;
	ui->tags[0].unread = ui->unread;
	for (i = 0; i < ui->nfeeds; i++) {
		f = &ui->feeds[i];
		for (j = 0; j < f->cf->ntags; j++) {
			t = list_tag_add(ui, f->cf->tags[j]);
			ui->tags[t].unread += f->unread;
			ui->tags[t].feeds++;
		}
	}
	for (i = 0; i < ui->nq && i < ui->cfg->nqueries; i++) {
		q = &ui->cfg->queries[i];
		for (j = 0; j < q->ntags; j++)
			(void)list_tag_add(ui, q->tags[j]);
	}
	for (t = 1; t < ui->ntags; t++)
		list_count_tag(ui, t);
}

/* The unread count of the All items row of tag. */
static int64_t
list_tag_unread(struct ui *ui, const char *tag)
{
	size_t	 t;

	for (t = 1; t < ui->ntags; t++)
		if (strcmp(ui->tags[t].name, tag) == 0)
			return (ui->tags[t].unread);
	return (0);
}

/* Count each query's unread items: always from the store, so that a
 * query is as current as the feeds. */
static void
list_count_queries(struct ui *ui)
{
	const struct config	*cfg = ui->cfg;
	size_t			 k;
	char			*cause;

	ui->qunread = xreallocarray(ui->qunread, cfg->nqueries + 1,
	    sizeof *ui->qunread);
	ui->nq = cfg->nqueries;
	for (k = 0; k < cfg->nqueries; k++) {
		if (store_count(ui->st, &(struct store_filter){ .unread = 1,
		    .expr = cfg->queries[k].filter }, NULL, &ui->qunread[k],
		    &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			ui->qunread[k] = 0;
		}
	}
}

/* Read every feed's counts, title and last error from the store. */
int
ui_list_load_feeds(struct ui *ui)
{
	struct store_feed	*sf = NULL, **sorted, key, *kp, **found;
	struct ui_feed		*f;
	const struct config	*cfg = ui->cfg;
	size_t			 n = 0, i, matched = 0;
	char			*cause;

	/* The dotfile's titles, tags and killfile, which may have changed
	 * (a reload, :add), before anything is counted. */
	if (poll_store_config(ui->st, cfg, 1, &cause) != 0 ||
	    store_feeds(ui->st, &sf, &n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	sorted = xreallocarray(NULL, n + 1, sizeof *sorted);
	for (i = 0; i < n; i++)
		sorted[i] = &sf[i];
	qsort(sorted, n, sizeof *sorted, list_cmp_url);
	if (ui->feeds == NULL) {
		ui->nfeeds = cfg->nfeeds;
		ui->feeds = xcalloc(ui->nfeeds + 1, sizeof *ui->feeds);
	}
	ui->unread = 0;
	ui->strays = 0;
	for (i = 0; i < ui->nfeeds; i++) {
		f = &ui->feeds[i];
		f->cf = &cfg->feeds[i];
		free(f->title);
		free(f->link);
		free(f->error);
		f->link = f->error = NULL;
		key.url = f->cf->url;
		kp = &key;
		found = bsearch(&kp, sorted, n, sizeof *sorted, list_cmp_url);
		f->id = found != NULL ? (*found)->id : 0;
		f->unread = found != NULL ? (*found)->unread : 0;
		f->total = found != NULL ? (*found)->total : 0;
		f->tried = found != NULL ? (*found)->last_fetch : STORE_NOTIME;
		if (found != NULL && (*found)->link != NULL)
			f->link = xstrdup((*found)->link);
		if (found != NULL && (*found)->error != NULL)
			f->error = xstrdup((*found)->error);
		if (f->cf->title != NULL)
			f->title = xstrdup(f->cf->title);
		else if (found != NULL && (*found)->title != NULL &&
		    *(*found)->title != '\0')
			f->title = xstrdup((*found)->title);
		else
			f->title = xstrdup(f->cf->url);
		ui->unread += f->unread;
		if (found != NULL)
			matched++;
	}
	ui->strays = matched != n;
	free(sorted);
	store_feeds_free(sf, n);
	if (store_count(ui->st, &(struct store_filter){ .starred = 1 }, NULL,
	    &ui->starred, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		ui->starred = 0;
	}
	list_count_queries(ui);
	list_tags(ui);
	ui_list_feeds_rows(ui);
	return (0);
}

/* The feeds and the order that list_feed_cmp() compares them in: qsort()
 * takes no context, and the UI has one thread. */
static const struct ui_feed	*sort_feeds;
static int			 sort_order;

/* Two feeds' rows in the order of feed-sort-order; equal ones in the
 * dotfile's order. */
static int
list_feed_cmp(const void *a, const void *b)
{
	size_t			 i = *(const size_t *)a, j = *(const size_t *)b;
	const struct ui_feed	*f = &sort_feeds[i], *g = &sort_feeds[j];
	int			 c = 0;

	switch (sort_order & ~CONFIG_FEEDS_ASC) {
	case CONFIG_FEEDS_TITLE:
		c = strcasecmp(f->title, g->title);
		break;
	case CONFIG_FEEDS_UNREAD:
		c = (f->unread > g->unread) - (f->unread < g->unread);
		break;
	default:
		c = (i > j) - (i < j);
		break;
	}
	if (!(sort_order & CONFIG_FEEDS_ASC))
		c = -c;
	return (c != 0 ? c : (i > j) - (i < j));
}

/* Sort the feeds' rows rows[a..b) in the order of feed-sort-order. */
static void
list_sort_feeds(struct ui *ui, size_t a, size_t b)
{
	sort_order = (int)config_num(ui->cfg, NULL, SET_FEED_SORT);
	if (sort_order == (CONFIG_FEEDS_NONE | CONFIG_FEEDS_ASC) || b - a < 2)
		return;
	sort_feeds = ui->feeds;
	qsort(&ui->rows[a], b - a, sizeof ui->rows[0], list_feed_cmp);
	sort_feeds = NULL;
}

/* Rebuild the rows of the feeds pane, keeping the cursor on its feed. */
void
ui_list_feeds_rows(struct ui *ui)
{
	struct ui_pane		*p = &ui->panes[UI_FEEDS];
	const struct ui_feed	*f;
	size_t			 i, first, was = UI_ROW_ALL, listed = UI_ROW_ALL;

	if (p->cur < ui->nrows)
		was = ui->rows[p->cur];
	if (ui->list.row < ui->nrows)
		listed = ui->rows[ui->list.row];
	free(ui->rows);
	ui->rows = xreallocarray(NULL, ui->nfeeds + ui->nq + 2,
	    sizeof *ui->rows);
	ui->rows[0] = UI_ROW_ALL;
	ui->nrows = 1;
	p->cur = 0;
	/* The queries under All items, where saved searches are found at
	 * once however many feeds follow; among a tag's feeds, those with
	 * the tag. */
	for (i = 0; i < ui->nq; i++) {
		if (ui->tag != NULL && !list_query_has_tag(ui, i, ui->tag))
			continue;
		if (ui->unread_only && ui->qunread[i] == 0 &&
		    UI_ROW_QUERY(i) != was)
			continue;
		if (UI_ROW_QUERY(i) == was)
			p->cur = ui->nrows;
		if (UI_ROW_QUERY(i) == listed)
			ui->list.row = ui->nrows;
		ui->rows[ui->nrows++] = UI_ROW_QUERY(i);
	}
	first = ui->nrows;
	for (i = 0; i < ui->nfeeds; i++) {
		f = &ui->feeds[i];
		if (f->cf->hidden)
			continue;
		if (ui->tag != NULL && !list_has_tag(f, ui->tag))
			continue;
		/* The feed being read stays until the cursor leaves it. */
		if (ui->unread_only && f->unread == 0 && i != was)
			continue;
		ui->rows[ui->nrows++] = i;
	}
	list_sort_feeds(ui, first, ui->nrows);
	for (i = first; i < ui->nrows; i++) {
		if (ui->rows[i] == was)
			p->cur = i;
		if (ui->rows[i] == listed)
			ui->list.row = i;
	}
	/* Last, so that the feeds' rows stay where they were; it, too,
	 * stays until the cursor leaves it. */
	if (ui->starred > 0 || was == UI_ROW_STARRED ||
	    listed == UI_ROW_STARRED) {
		if (was == UI_ROW_STARRED)
			p->cur = ui->nrows;
		if (listed == UI_ROW_STARRED)
			ui->list.row = ui->nrows;
		ui->rows[ui->nrows++] = UI_ROW_STARRED;
	}
	if (listed == UI_ROW_ALL)
		ui->list.row = 0;
	p->n = ui->picking ? ui->ntags : ui->nrows;
	if (ui->picking)
		p->cur = 0;
	ui_scroll_to(p);
}

/* Choose the list of the items pane for a row of the feeds pane; it is
 * built once per turn, however far the cursor moved. */
void
ui_list_set_row(struct ui *ui, size_t row)
{
	if (ui->picking)
		return;
	ui->pending = 1;
	ui->pending_row = row;
}

/* The store query of a list. */
static struct store_filter
list_filter(const struct ui_list *l)
{
	struct store_filter	 q;

	if (l->every)
		q.feeds = NULL;
	else
		q.feeds = l->nfeeds > 0 ? l->feeds : list_none;
	q.nfeeds = l->nfeeds;
	q.unread = l->unread;
	q.starred = l->starred;
	q.expr = l->expr;
	q.narrow = l->narrow;
	q.also = l->also;
	q.ignored = l->ignored;
	q.sort = l->sort;
	return (q);
}

/* The dotfile's order for the list of a feeds row: the feed's own sort,
 * else the global one. */
static int
list_sort_of(struct ui *ui, size_t row)
{
	const struct config_feed	*cf = NULL;

	if (row < ui->nrows && UI_ROW_FEED(ui->rows[row]))
		cf = ui->feeds[ui->rows[row]].cf;
	return ((int)config_num(ui->cfg, cf, SET_SORT));
}

/* The store ids of the feeds a feeds row stands for; caller frees.
 * *every says the row stands for every feed the store has, which needs
 * no list of ids (and makes the queries simpler and faster). */
static int64_t *
list_ids(struct ui *ui, size_t row, size_t *n, int *every)
{
	int64_t	*ids;
	size_t	 i;

	*n = 0;
	/* The starred items are those of every feed, whatever the tag. */
	*every = (ui->rows[row] == UI_ROW_STARRED ||
	    UI_ROW_IS_QUERY(ui->rows[row]) || (ui->rows[row] ==
	    UI_ROW_ALL && ui->tag == NULL)) && !ui->strays;
	ids = xreallocarray(NULL, ui->nfeeds + 1, sizeof *ids);
	if (!UI_ROW_FEED(ui->rows[row])) {
		for (i = 0; i < ui->nfeeds; i++)
			if (ui->feeds[i].id != 0 && (ui->tag == NULL ||
			    ui->rows[row] == UI_ROW_STARRED ||
			    UI_ROW_IS_QUERY(ui->rows[row]) ||
			    list_has_tag(&ui->feeds[i], ui->tag)))
				ids[(*n)++] = ui->feeds[i].id;
	} else if (ui->feeds[ui->rows[row]].id != 0)
		ids[(*n)++] = ui->feeds[ui->rows[row]].id;
	return (ids);
}

/* The expression of a query's row, or NULL. */
static const struct filter *
list_expr(struct ui *ui, size_t row)
{
	size_t	 k;

	if (row >= ui->nrows || !UI_ROW_IS_QUERY(ui->rows[row]))
		return (NULL);
	k = UI_QUERY_OF(ui->rows[row]);
	return (k < ui->cfg->nqueries ? ui->cfg->queries[k].filter : NULL);
}

/* The queries whose items a row lists beside its feeds': a tag's, for
 * its All items row; NULL for any other. */
static struct filter *
list_also(struct ui *ui, size_t row)
{
	if (row >= ui->nrows || ui->rows[row] != UI_ROW_ALL || ui->tag == NULL)
		return (NULL);
	return (list_tag_queries(ui, ui->tag));
}

/* After the feeds were read again: a feed fetched for the first time has
 * an id now, so the list's feeds may have grown. resort: take the order
 * of the dotfile again (it changed), not the one picked with cycle-sort. */
void
ui_list_refeed(struct ui *ui, int resort)
{
	struct ui_list	*l = &ui->list;

	if (l->search || l->label == NULL || l->row >= ui->nrows)
		return;
	free(l->feeds);
	l->feeds = list_ids(ui, l->row, &l->nfeeds, &l->every);
	l->expr = list_expr(ui, l->row);
	filter_free(l->also);
	l->also = list_also(ui, l->row);
	if (resort)
		l->sort = list_sort_of(ui, l->row);
}

/* Build the list a feeds row stands for, if it is not the one shown. */
void
ui_list_sync(struct ui *ui)
{
	struct ui_list	*l = &ui->list;
	size_t		 row = ui->pending_row, n;
	int64_t		*ids;
	int		 every;

	if (!ui->pending)
		return;
	ui->pending = 0;
	if (row >= ui->nrows)
		row = 0;
	if (!l->search && l->label != NULL && l->row == row &&
	    l->unread == ui->unread_only)
		return;
	ids = list_ids(ui, row, &n, &every);
	ui_list_release(l);
	if (ui->has_before) {
		ui_list_release(&ui->before_search);
		ui->has_before = 0;
	}
	l->feeds = ids;
	l->nfeeds = n;
	l->every = every;
	l->unread = ui->unread_only;
	l->row = row;
	l->mixed = !UI_ROW_FEED(ui->rows[row]);
	l->starred = ui->rows[row] == UI_ROW_STARRED;
	l->expr = list_expr(ui, row);
	l->also = list_also(ui, row);
	l->sort = list_sort_of(ui, row);
	if (!l->mixed)
		l->label = xstrdup(ui->feeds[ui->rows[row]].title);
	else if (l->expr != NULL)
		l->label = xstrdup(ui->cfg->queries[UI_QUERY_OF(
		    ui->rows[row])].name);
	else if (l->starred)
		l->label = xstrdup("Starred items");
	else if (ui->tag != NULL)
		xasprintf(&l->label, "All items tagged %s", ui->tag);
	else
		l->label = xstrdup("All items");
	ui->panes[UI_ITEMS].cur = ui->panes[UI_ITEMS].top = 0;
	ui_list_reload(ui);
}

/* Free the rows of the window. */
static void
list_drop_window(struct ui_list *l)
{
	store_items_free(l->win, l->nwin);
	l->win = NULL;
	l->nwin = l->woff = 0;
}

/* Reverse n rows in place (backward pages come nearest first). */
static void
list_reverse(struct store_item *v, size_t n)
{
	struct store_item	 t;
	size_t			 i;

	for (i = 0; i < n / 2; i++) {
		t = v[i];
		v[i] = v[n - 1 - i];
		v[n - 1 - i] = t;
	}
}

/* Read one page; on error say so and return -1. */
static int
list_page(struct ui *ui, const struct store_item *from, int backward,
    size_t skip, size_t limit, struct store_item **v, size_t *n)
{
	struct store_filter	 q = list_filter(&ui->list);
	char			*cause;

	if (store_page(ui->st, &q, from, backward, skip, limit, v, n,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	return (0);
}

/*
 * Make the window hold rows a..b: keep what it holds, read the rest
 * backward from its first row and forward from its last, or, for a far
 * jump, from the nearer end of the list. A page that comes short means
 * the list changed since it was counted: it is counted again next turn.
 */
static void
list_fill(struct ui *ui, size_t a, size_t b)
{
	struct ui_list		*l = &ui->list;
	struct store_item	*v, *page = NULL, first, last;
	size_t			 want = b - a + 1, end, got = 0, lo, hi;
	size_t			 i, n, need;

	end = l->woff + l->nwin;
	if (l->nwin == 0 || a > end + want || b + want < l->woff) {
		list_drop_window(l);
		if (a <= l->total - 1 - b) {
			if (list_page(ui, NULL, 0, a, want, &page, &n) != 0)
				return;
		} else {
			if (list_page(ui, NULL, 1, l->total - 1 - b, want,
			    &page, &n) != 0)
				return;
			list_reverse(page, n);
			if (n < want) {
				store_items_free(page, n);
				l->stale = 1;
				return;
			}
		}
		l->win = page;
		l->nwin = n;
		l->woff = a;
		if (n < want)
			l->stale = 1;
		return;
	}
	memset(&first, 0, sizeof first);
	first.id = l->win[0].id;
	first.date = l->win[0].date;
	memset(&last, 0, sizeof last);
	last.id = l->win[l->nwin - 1].id;
	last.date = l->win[l->nwin - 1].date;
	v = xcalloc(want, sizeof *v);
	if (a < l->woff) {
		hi = b < l->woff ? b : l->woff - 1;
		need = hi - a + 1;
		if (list_page(ui, &first, 1, l->woff - 1 - hi, need, &page,
		    &n) != 0 || n < need) {
			store_items_free(page, n);
			free(v);
			l->stale = 1;
			return;
		}
		list_reverse(page, n);
		if (n > 0)
			memcpy(v, page, n * sizeof *v);
		free(page);
		page = NULL;
		got = n;
	}
	lo = a > l->woff ? a : l->woff;
	hi = b < end - 1 ? b : end - 1;
	for (i = lo; lo <= hi && i <= hi; i++) {
		v[got++] = l->win[i - l->woff];
		memset(&l->win[i - l->woff], 0, sizeof l->win[0]);
	}
	if (b >= end) {
		lo = a > end ? a : end;
		need = b - lo + 1;
		if (list_page(ui, &last, 0, lo - end, need, &page, &n) == 0) {
			if (n > 0)
				memcpy(v + got, page, n * sizeof *v);
			free(page);
			got += n;
			if (n < need) {
				l->total = a + got;
				l->stale = 1;
			}
		}
	}
	list_drop_window(l);
	l->win = v;
	l->nwin = got;
	l->woff = a;
}

/* Row i of the items list, read from the store when the window does not
 * hold it; NULL past the end. */
const struct store_item *
ui_list_item(struct ui *ui, size_t i)
{
	struct ui_list	*l = &ui->list;
	size_t		 h, a, b;

	if (i >= l->total)
		return (NULL);
	if (i >= l->woff && i < l->woff + l->nwin)
		return (&l->win[i - l->woff]);
	if (l->search)
		return (NULL);
	h = ui->panes[UI_ITEMS].h > 0 ? (size_t)ui->panes[UI_ITEMS].h : 1;
	a = i > h + LIST_PAGE ? i - h - LIST_PAGE : 0;
	b = i + 2 * h + LIST_PAGE;
	if (b >= l->total)
		b = l->total - 1;
	list_fill(ui, a, b);
	if (i >= l->woff && i < l->woff + l->nwin)
		return (&l->win[i - l->woff]);
	return (NULL);
}

/* Run a list's search again (to show marks changed meanwhile). */
static int
list_run_search(struct ui *ui, struct ui_list *l)
{
	char	*cause;

	list_drop_window(l);
	if (store_search(ui->st, l->query, LIST_SEARCH_MAX, &l->win, &l->nwin,
	    &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		l->total = 0;
		return (-1);
	}
	l->total = l->nwin;
	return (0);
}

/* The length of a list by the counts of its feeds. */
static int64_t
list_feeds_count(struct ui *ui, const struct ui_list *l)
{
	int64_t	 n = 0;
	size_t	 i, j;

	for (i = 0; i < ui->nfeeds; i++) {
		if (ui->feeds[i].id == 0)
			continue;
		for (j = 0; !l->every && j < l->nfeeds; j++)
			if (l->feeds[j] == ui->feeds[i].id)
				break;
		if (l->every || j < l->nfeeds)
			n += l->unread ? ui->feeds[i].unread :
			    ui->feeds[i].total;
	}
	return (n);
}

/* Count the list again and read the rows around the cursor's item, so
 * the cursor stays on it while rows come and go above. */
int
ui_list_reload(struct ui *ui)
{
	struct ui_list		*l = &ui->list;
	struct ui_pane		*p = &ui->panes[UI_ITEMS];
	struct store_item	 at, *back = NULL, *fwd = NULL;
	struct store_filter	 q;
	int64_t			 n, idx;
	size_t			 nb = 0, nf = 0, i, h;
	char			*cause;
	int			 have = 0, stale = l->stale, rc = -1;

	l->stale = 0;
	if (l->label == NULL)
		return (0);
	if (l->search) {
		if (p->cur < l->nwin) {
			at.id = l->win[p->cur].id;
			have = 1;
		}
		list_run_search(ui, l);
		for (i = 0; have && i < l->nwin; i++)
			if (l->win[i].id == at.id)
				p->cur = i;
		p->n = l->total;
		ui_scroll_to(p);
		return (0);
	}
	if (p->cur >= l->woff && p->cur < l->woff + l->nwin) {
		/* The whole row, which places the list even when the
		 * refresh that made it stale deleted the row. */
		at = l->win[p->cur - l->woff];
		at.title = xstrdup(at.title);
		at.author = at.author != NULL ? xstrdup(at.author) : NULL;
		at.link = at.link != NULL ? xstrdup(at.link) : NULL;
		at.guid = at.guid != NULL ? xstrdup(at.guid) : NULL;
		have = 1;
	}
	list_drop_window(l);
	l->ignored = ui->show_ignored;
	q = list_filter(l);
	/* The feeds' counts were read with the feeds; only a list that
	 * came short of them is counted on its own. */
	h = p->h > 0 ? (size_t)p->h : 1;
	if (!stale && !l->starred && l->expr == NULL && l->narrow == NULL &&
	    l->also == NULL && !l->ignored)
		n = list_feeds_count(ui, l);
	else if (!have && p->top == 0) {
		/* A list shown from its top: counted with the rows the
		 * screen shows first (ui_list_item()'s window), which a
		 * filter finds in the same pass. */
		if (store_count_page(ui->st, &q, 2 * h + LIST_PAGE + 1, &n,
		    &l->win, &l->nwin, &cause) != 0)
			goto fail;
		l->woff = 0;
		if (l->nwin < (size_t)n && l->nwin < 2 * h + LIST_PAGE + 1)
			l->stale = 1;
	} else if (store_count(ui->st, &q, NULL, &n, &cause) != 0)
		goto fail;
	l->total = (size_t)n;
	p->n = l->total;
	if (!have) {
		ui_scroll_to(p);
		return (0);
	}
	if (store_count(ui->st, &q, &at, &idx, &cause) != 0)
		goto fail;
	/* The rows just before the item, then the item and on. */
	if (list_page(ui, &at, 1, 0, LIST_PAGE, &back, &nb) != 0)
		goto out;
	list_reverse(back, nb);
	if (list_page(ui, nb > 0 ? &back[nb - 1] : NULL, 0, 0,
	    2 * h + LIST_PAGE, &fwd, &nf) != 0) {
		store_items_free(back, nb);
		goto out;
	}
	if (nb > (size_t)idx) {
		/* The list changed between the queries. */
		store_items_free(back, nb);
		store_items_free(fwd, nf);
		l->stale = 1;
		rc = 0;
		goto out;
	}
	back = xreallocarray(back, nb + nf + 1, sizeof *back);
	if (nf > 0)
		memcpy(back + nb, fwd, nf * sizeof *back);
	free(fwd);
	l->win = back;
	l->nwin = nb + nf;
	l->woff = (size_t)idx - nb;
	p->cur = (size_t)idx < l->total ? (size_t)idx :
	    (l->total > 0 ? l->total - 1 : 0);
	ui_scroll_to(p);
	rc = 0;
	goto out;
fail:
	ui_message(ui, 1, "%s", cause);
	free(cause);
out:
	if (have) {
		free(at.title);
		free(at.author);
		free(at.link);
		free(at.guid);
	}
	return (rc);
}

static void	 list_draw_empty(struct ui *, struct ui_pane *, int);

/* The look of a feeds pane row: error mark, unread count, title, tags. */
static void
list_draw_feed_row(struct ui *ui, struct ui_pane *p, size_t row, int y,
    int sel)
{
	const struct ui_feed		*f = NULL;
	const struct config_filter	*q;
	struct buf			 b = BUF_INIT;
	const char			*title;
	char *const			*tags = NULL;
	int64_t				 unread;
	size_t				 i, ntags = 0;
	int				 x = p->x, w = p->w, focus, used;

	focus = ui->focus == UI_FEEDS;
	ui_fill(ui, y, x, w, ui_row_attr(ui, sel, focus, EL_NORMAL));
	if (ui->picking) {
		title = row == 0 ? "(every feed)" : ui->tags[row].name;
		unread = ui->tags[row].unread;
	} else if (ui->rows[row] == UI_ROW_STARRED) {
		title = "Starred";
		unread = 0;
		if (ui->starred > 0) {
			buf_addf(&b, "%lld", (long long)ui->starred);
			ui_put(ui, y, x + (b.len < 7 ? 7 - (int)b.len : 1),
			    w - 1, b.data, ui_row_attr(ui, sel, focus,
			    EL_STAR));
			buf_reset(&b);
		}
	} else if (UI_ROW_IS_QUERY(ui->rows[row])) {
		q = &ui->cfg->queries[UI_QUERY_OF(ui->rows[row])];
		title = q->name;
		tags = q->tags;
		ntags = q->ntags;
		unread = ui->qunread[UI_QUERY_OF(ui->rows[row])];
	} else if (ui->rows[row] == UI_ROW_ALL) {
		title = ui->tag != NULL ? "All items of the tag" : "All items";
		unread = ui->tag != NULL ? list_tag_unread(ui, ui->tag) :
		    ui->unread;
	} else {
		f = &ui->feeds[ui->rows[row]];
		title = f->title;
		tags = f->cf->tags;
		ntags = f->cf->ntags;
		unread = f->unread;
	}
	if (f != NULL && f->error != NULL)
		ui_put(ui, y, x, 1, "!", ui_row_attr(ui, sel, focus, EL_ERROR));
	if (unread > 0) {
		buf_addf(&b, "%lld", (long long)unread);
		ui_put(ui, y, x + (b.len < 7 ? 7 - (int)b.len : 1), w - 1,
		    b.data, ui_row_attr(ui, sel, focus, EL_UNREAD));
	}
	if (w <= 9) {
		buf_release(&b);
		return;
	}
	used = ui_put(ui, y, x + 8, w - 8, title, ui_row_attr(ui, sel, focus,
	    unread > 0 ? EL_UNREAD : EL_NORMAL));
	if (ntags > 0 && w - 8 - used > 4) {
		buf_reset(&b);
		for (i = 0; i < ntags; i++)
			buf_addf(&b, "%s%s", i > 0 ? " " : "", tags[i]);
		ui_put(ui, y, x + 8 + used + 2, w - 10 - used, b.data,
		    ui_row_attr(ui, sel, focus, EL_TAG));
	}
	buf_release(&b);
}

/* Draw the feeds pane. */
void
ui_list_draw_feeds(struct ui *ui, struct ui_pane *p)
{
	struct buf	 right = BUF_INIT;
	size_t		 row;
	int		 i;

	p->n = ui->picking ? ui->ntags : ui->nrows;
	ui_scroll_to(p);
	if (ui->unread_only)
		buf_addstr(&right, "unread");
	if (ui->picking)
		ui_draw_title(ui, p, ui->focus == UI_FEEDS, "Tags", NULL);
	else if (ui->tag != NULL) {
		struct buf	 t = BUF_INIT;

		buf_addf(&t, "Feeds: %s", ui->tag);
		ui_draw_title(ui, p, ui->focus == UI_FEEDS, t.data, right.data);
		buf_release(&t);
	} else
		ui_draw_title(ui, p, ui->focus == UI_FEEDS, "Feeds",
		    right.data);
	buf_release(&right);
	for (i = 0; i < p->h; i++) {
		row = p->top + (size_t)i;
		if (row >= p->n)
			break;
		list_draw_feed_row(ui, p, row, p->y + 1 + i, row == p->cur);
	}
	/* The first start: the items pane, which says how to begin, may
	 * not be on screen. */
	if (ui->nfeeds == 0 && !ui->panes[UI_ITEMS].shown)
		list_draw_empty(ui, p, (int)p->n + 1);
}

/* The look of part el of item it's row: a highlight rule's colours
 * paint the whole row (keeping the selection's, as elements do). */
static attr_t
list_item_attr(struct ui *ui, const struct store_item *it, int sel,
    int focus, enum config_element el)
{
	attr_t	 hl;

	if (it->highlight == 0 || it->highlight > ui->nhl)
		return (ui_row_attr(ui, sel, focus, el));
	hl = ui->hl_attrs[it->highlight - 1];
	if (!sel)
		return (hl);
	return (ui_attr(ui, focus ? EL_SELECTED : EL_SELECTED_IDLE) |
	    (hl & ~A_COLOR));
}

/* Draw one row of the items pane: marks, date, feed, title, author. */
static void
list_draw_item_row(struct ui *ui, struct ui_pane *p,
    const struct store_item *it, int y, int sel)
{
	const struct ui_feed	*f;
	const char		*fmt;
	char			 date[64];
	struct tm		 tm;
	time_t			 t = (time_t)it->date;
	int			 x = p->x, w = p->w, focus, used, fw;
	enum config_element	 el = it->unread ? EL_UNREAD : EL_NORMAL;

	focus = ui->focus == UI_ITEMS;
	ui_fill(ui, y, x, w, list_item_attr(ui, it, sel, focus, EL_NORMAL));
	if (it->unread)
		ui_put(ui, y, x, 1, "N", list_item_attr(ui, it, sel, focus,
		    EL_UNREAD));
	if (it->starred)
		ui_put(ui, y, x + 1, 1, "*", list_item_attr(ui, it, sel,
		    focus, EL_STAR));
	x += 3;
	w -= 3;
	fmt = config_str(ui->cfg, NULL, SET_DATE_FORMAT);
	date[0] = '\0';
	if (fmt != NULL && *fmt != '\0' && localtime_r(&t, &tm) != NULL &&
	    strftime(date, sizeof date, fmt, &tm) == 0)
		date[0] = '\0';
	if (date[0] != '\0' && w >= 40) {
		used = ui_put(ui, y, x, w / 3, date, list_item_attr(ui, it,
		    sel, focus, EL_DATE));
		x += used + 2;
		w -= used + 2;
	}
	if (ui->list.mixed && w > 30 &&
	    (f = ui_list_feed_of(ui, it->feed_id)) != NULL) {
		fw = w / 4 > 20 ? 20 : w / 4;
		ui_put(ui, y, x, fw, f->title, list_item_attr(ui, it, sel,
		    focus, EL_FEED));
		x += fw + 2;
		w -= fw + 2;
	}
	used = ui_put(ui, y, x, w, *it->title != '\0' ? it->title :
	    "(untitled)", list_item_attr(ui, it, sel, focus, el));
	if (it->author != NULL && *it->author != '\0' && w - used > 8)
		ui_put(ui, y, x + used + 2, w - used - 2, it->author,
		    list_item_attr(ui, it, sel, focus, EL_DIM));
}

/* Why the items pane is empty (drawn skip rows down): with no feeds, how
 * to start; for a feed that failed, its error and
 * when it was tried; for one never fetched, how to fetch it. */
static void
list_draw_empty(struct ui *ui, struct ui_pane *p, int skip)
{
	const struct ui_feed	*f = NULL;
	struct render		 r;
	struct buf		 b = BUF_INIT;
	char			 when[32];
	size_t			 i;

	if (!ui->list.search && !ui->picking && ui->list.row < ui->nrows &&
	    UI_ROW_FEED(ui->rows[ui->list.row]))
		f = &ui->feeds[ui->rows[ui->list.row]];
	if (ui->nfeeds == 0 && !ui->list.search) {
		buf_addf(&b, "No feeds yet. Type :add and a feed's or a site's "
		    "address, then Enter, to subscribe; it is written to %s. "
		    "Or add \"feed URL\" lines there, or run tidings "
		    "import-opml or import-newsboat. ? lists the keys.",
		    ui->cfg->path != NULL ? ui->cfg->path : "the dotfile");
	} else
		buf_addstr(&b, ui->list.search ? "Nothing found" :
		    (ui->list.unread ? "No unread items" : "No items"));
	if (f != NULL && f->error != NULL) {
		buf_addstr(&b, ": the last fetch");
		if (f->tried != STORE_NOTIME) {
			time_rfc3339(f->tried, when, sizeof when);
			buf_addf(&b, ", at %s,", when);
		}
		buf_addf(&b, " failed: %s", f->error);
	} else if (f != NULL && f->id == 0)
		buf_addstr(&b, ": this feed was never fetched; r fetches it");
	memset(&r, 0, sizeof r);
	ui_wrap(&r, "", 0, b.data, RENDER_DIM, p->w > 2 ? (size_t)p->w - 2 : 1);
	for (i = 0; i < r.n && (int)i + skip < p->h; i++)
		ui_draw_line(ui, p->y + 1 + skip + (int)i, p->x + 1, p->w - 1,
		    &r.lines[i]);
	render_release(&r);
	buf_release(&b);
}

/* Draw the items pane. */
void
ui_list_draw_items(struct ui *ui, struct ui_pane *p)
{
	const struct store_item	*it;
	struct buf		 right = BUF_INIT, title = BUF_INIT;
	size_t			 row;
	int			 i;

	p->n = ui->list.total;
	ui_scroll_to(p);
	if (ui->list.unread && !ui->list.search)
		buf_addstr(&right, "unread");
	if (ui->list.narrow != NULL) {
		/* The filter in force, after the list's name. */
		buf_addf(&title, "%s | %s", ui->list.label != NULL ?
		    ui->list.label : "Items", ui->list.narrow->text);
		ui_draw_title(ui, p, ui->focus == UI_ITEMS, title.data,
		    right.data);
	} else
		ui_draw_title(ui, p, ui->focus == UI_ITEMS,
		    ui->list.label != NULL ? ui->list.label : "Items",
		    right.data);
	buf_release(&right);
	buf_release(&title);
	if ((ui->nfeeds == 0 || ui->list.total == 0) && p->h > 0) {
		list_draw_empty(ui, p, 0);
		return;
	}
	for (i = 0; i < p->h; i++) {
		row = p->top + (size_t)i;
		if ((it = ui_list_item(ui, row)) == NULL)
			break;
		list_draw_item_row(ui, p, it, p->y + 1 + i, row == p->cur);
	}
}

/* Narrow the items list to what expression text selects, a
 * define-filter preset's name standing for its expression; empty text
 * shows the whole list again. */
int
ui_list_filter(struct ui *ui, const char *text)
{
	struct ui_list	*l = &ui->list;
	struct filter	*f;
	struct buf	 q = BUF_INIT;
	size_t		 i, off;
	char		*cause;

	ui_list_sync(ui);
	text += strspn(text, " \t");
	if (l->search || l->label == NULL) {
		ui_message(ui, 1, "Search results are not filtered; go back "
		    "to a feed's list first");
		return (UI_REDRAW);
	}
	for (i = 0; i < ui->cfg->npresets; i++)
		if (strcmp(text, ui->cfg->presets[i].name) == 0) {
			text = ui->cfg->presets[i].filter->text;
			break;
		}
	if (*text == '\0') {
		if (l->narrow == NULL)
			return (UI_REDRAW);
		filter_free(l->narrow);
		l->narrow = NULL;
		ui_message(ui, 0, "Filter cleared");
	} else if (filter_parse(text, strlen(text), &f, &off, &cause) != 0) {
		ui_message(ui, 1, "Filter: column %zu: %s",
		    filter_column(text, off), text_printable(&q, cause));
		free(cause);
		buf_release(&q);
		return (UI_REDRAW);
	} else {
		filter_free(l->narrow);
		l->narrow = f;
	}
	/* A new list, from its top: without the rows of the old one, which
	 * ui_list_reload() would place the cursor by, it counts the list
	 * and the first page is read as it is drawn. */
	list_drop_window(l);
	ui->panes[UI_ITEMS].cur = ui->panes[UI_ITEMS].top = 0;
	ui_list_reload(ui);
	if (l->narrow != NULL)
		ui_message(ui, 0, "%zu item%s", l->total, l->total == 1 ? "" :
		    "s");
	return (UI_REDRAW);
}

int
ui_list_sort(struct ui *ui, int cycle)
{
	struct ui_list	*l = &ui->list;
	struct buf	 b = BUF_INIT;

	ui_list_sync(ui);
	if (l->search || l->label == NULL) {
		if (cycle)
			ui_message(ui, 1, "Search results come newest first; "
			    "go back to a feed's list to sort it");
		return (UI_REDRAW);
	}
	l->sort = cycle ? filter_sort_next(l->sort) :
	    list_sort_of(ui, l->row);
	ui_list_reload(ui);
	filter_sort_name(&b, l->sort);
	ui_message(ui, 0, "Sorted by %s", b.data);
	buf_release(&b);
	return (UI_REDRAW);
}

/* Replace the items list with the results of a search. */
int
ui_list_search(struct ui *ui, const char *text)
{
	struct ui_list	*l = &ui->list;

	while (*text == ' ')
		text++;
	if (*text == '\0')
		return (UI_REDRAW);
	if (!l->search) {
		if (ui->has_before)
			ui_list_release(&ui->before_search);
		ui->before_search = *l;
		ui->before_search.saved_cur = ui->panes[UI_ITEMS].cur;
		ui->before_search.saved_top = ui->panes[UI_ITEMS].top;
		ui->has_before = 1;
		memset(l, 0, sizeof *l);
	} else
		ui_list_release(l);
	l->search = 1;
	l->mixed = 1;
	l->query = xstrdup(text);
	xasprintf(&l->label, "Search: %s", text);
	ui->panes[UI_ITEMS].cur = ui->panes[UI_ITEMS].top = 0;
	if (list_run_search(ui, l) == 0) {
		if (l->total == LIST_SEARCH_MAX)
			ui_message(ui, 0, "The newest %d matches",
			    LIST_SEARCH_MAX);
		else
			ui_message(ui, 0, "%zu match%s", l->total,
			    l->total == 1 ? "" : "es");
	}
	ui->focus = UI_ITEMS;
	return (UI_REDRAW);
}

/* Leave search results for the list they replaced. */
int
ui_list_back(struct ui *ui)
{
	ui_list_release(&ui->list);
	if (ui->has_before) {
		ui->list = ui->before_search;
		memset(&ui->before_search, 0, sizeof ui->before_search);
		ui->has_before = 0;
		ui->panes[UI_ITEMS].cur = ui->list.saved_cur;
		ui->panes[UI_ITEMS].top = ui->list.saved_top;
		ui_list_reload(ui);
	} else {
		ui->pending = 1;
		ui->pending_row = ui->panes[UI_FEEDS].cur;
		ui_list_sync(ui);
	}
	return (UI_REDRAW);
}

/* The index of item it in the list, or -1. */
static int64_t
list_index_of(struct ui *ui, const struct store_item *it)
{
	struct store_filter	 q = list_filter(&ui->list);
	int64_t			 idx;
	char			*cause;

	if (store_count(ui->st, &q, it, &idx, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	return (idx);
}

/* Find the first unread item after (dir 1) or before (-1) row from of the
 * list (from the end when from is -1); put the cursor on it. */
static int
list_find_unread(struct ui *ui, int64_t from, int dir)
{
	struct ui_list		*l = &ui->list;
	struct store_filter	 q = list_filter(l);
	struct store_item	*v = NULL, at;
	const struct store_item	*it;
	size_t			 n = 0, i;
	int64_t			 idx;
	char			*cause;

	if (l->search) {
		if (dir > 0) {
			for (i = from < 0 ? 0 : (size_t)from + 1; i < l->nwin;
			    i++) {
				if (l->win[i].unread) {
					ui->panes[UI_ITEMS].cur = i;
					return (1);
				}
			}
		} else {
			for (i = from < 0 ? l->nwin : (size_t)from; i > 0; i--) {
				if (l->win[i - 1].unread) {
					ui->panes[UI_ITEMS].cur = i - 1;
					return (1);
				}
			}
		}
		return (0);
	}
	if (from >= 0) {
		if ((it = ui_list_item(ui, (size_t)from)) == NULL)
			return (0);
		at = *it;
	}
	q.unread = 1;
	if (store_page(ui->st, &q, from >= 0 ? &at : NULL, dir < 0, 0, 1, &v,
	    &n, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (-1);
	}
	if (n == 0) {
		free(v);
		return (0);
	}
	idx = list_index_of(ui, &v[0]);
	store_items_free(v, n);
	if (idx < 0)
		return (-1);
	ui->panes[UI_ITEMS].cur = (size_t)idx;
	return (1);
}

/* Go to the next (dir 1) or previous (-1) unread item, in the next or
 * previous feed with unread items when this list has no more; open it
 * when asked to. From the feeds pane, start at the list's top (or
 * bottom) and move the focus to the items. */
int
ui_list_unread_step(struct ui *ui, int dir, int open)
{
	struct ui_pane	*fp = &ui->panes[UI_FEEDS];
	size_t		 row;
	int64_t		 from;
	int		 rc;

	ui_list_sync(ui);
	if (ui->picking)
		return (0);
	if (ui->focus == UI_FEEDS || ui->list.total == 0)
		from = -1;
	else
		from = (int64_t)ui->panes[UI_ITEMS].cur;
	rc = list_find_unread(ui, from, dir);
	/* None left here: on to the next feed that has some. */
	for (row = ui->list.row; rc == 0 && !ui->list.search &&
	    UI_ROW_FEED(ui->rows[ui->list.row]); ) {
		if (dir > 0 ? row + 1 >= ui->nrows : row <= 1)
			break;
		row = dir > 0 ? row + 1 : row - 1;
		if (!UI_ROW_FEED(ui->rows[row]) ||
		    ui->feeds[ui->rows[row]].unread == 0)
			continue;
		fp->cur = row;
		ui_scroll_to(fp);
		ui_list_set_row(ui, row);
		ui_list_sync(ui);
		rc = list_find_unread(ui, -1, dir);
	}
	if (rc < 0)
		return (UI_REDRAW);
	if (rc == 0) {
		ui_message(ui, 0, "No more unread items");
		return (UI_REDRAW);
	}
	ui_scroll_to(&ui->panes[UI_ITEMS]);
	if (open && ui_list_item(ui, ui->panes[UI_ITEMS].cur) != NULL)
		return (ui_article_open(ui, ui_list_item(ui,
		    ui->panes[UI_ITEMS].cur)->id));
	if (ui->focus == UI_FEEDS)
		ui->focus = UI_ITEMS;
	return (UI_REDRAW);
}

/* Show a changed mark of item id (unread or starred; -1 leaves one as
 * it is) in the rows held and the counts. Return 0 when no row held
 * shows the item, so the counts could not follow. */
int
ui_list_item_changed(struct ui *ui, int64_t id, int unread, int starred)
{
	struct store_item	*it;
	struct ui_feed		*f = NULL;
	size_t			 i;
	int			 was = -1, was_starred = 0;

	for (i = 0; i <= ui->list.nwin; i++) {
		if (i < ui->list.nwin)
			it = &ui->list.win[i];
		else if (ui->art.id == id)
			it = &ui->art.body.item;
		else
			break;
		if (it->id != id)
			continue;
		if (was == -1) {
			was = it->unread;
			was_starred = it->starred;
			f = (struct ui_feed *)ui_list_feed_of(ui, it->feed_id);
		}
		if (unread != -1)
			it->unread = unread != 0;
		if (starred != -1)
			it->starred = starred != 0;
	}
	if (was == -1)
		return (0);
	if (starred != -1 && was_starred != (starred != 0)) {
		ui->starred += starred ? 1 : -1;
		/* The starred row comes or goes with the first star. */
		if (ui->starred <= 1)
			ui_list_feeds_rows(ui);
	}
	/* Whether the item is in a query is the store's to say: a few
	 * counts, each through its indexes. */
	if ((unread != -1 && was != (unread != 0)) ||
	    (starred != -1 && was_starred != (starred != 0)))
		list_count_queries(ui);
	if (unread == -1 || was == (unread != 0))
		return (1);
	if (f != NULL)
		f->unread += unread ? 1 : -1;
	ui->unread += unread ? 1 : -1;
	list_tags(ui);
	return (1);
}

/* The item the marks act on: the article's, else the cursor's. */
static const struct store_item *
list_target(struct ui *ui)
{
	if (ui->focus == UI_ARTICLE && ui->art.id != 0)
		return (&ui->art.body.item);
	return (ui_list_item(ui, ui->panes[UI_ITEMS].cur));
}

/* Mark the target item read, or unread again. */
int
ui_list_toggle_read(struct ui *ui)
{
	return (ui_list_mark_item(ui, -1, 1));
}

/* Mark the target item read (1), unread (0) or the other way than it is
 * (-1), for undo; say so on the status line when say is set. */
int
ui_list_mark_item(struct ui *ui, int read, int say)
{
	const struct store_item	*it;
	int64_t			 id;
	char			*cause;
	int			 unread;

	if ((it = list_target(ui)) == NULL)
		return (0);
	id = it->id;
	unread = it->unread;
	if (read != -1 && read == !unread)
		return (0);
	if (store_set_read(ui->st, id, unread, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_RELOAD);
	}
	ui_undo_push(ui, UNDO_READ, id, unread);
	ui_list_item_changed(ui, id, !unread, -1);
	if (say)
		ui_message(ui, 0, "Marked %s", unread ? "read" : "unread");
	return (UI_REDRAW);
}

/* Star the target item or take its star away. */
int
ui_list_toggle_star(struct ui *ui)
{
	const struct store_item	*it;
	int64_t			 id;
	char			*cause;
	int			 starred;

	if ((it = list_target(ui)) == NULL)
		return (0);
	id = it->id;
	starred = it->starred;
	if (store_set_starred(ui->st, id, !starred, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return (UI_RELOAD);
	}
	ui_undo_push(ui, UNDO_STAR, id, starred);
	ui_list_item_changed(ui, id, -1, !starred);
	ui_message(ui, 0, starred ? "Unstarred" : "Starred");
	return (UI_REDRAW);
}

/*
 * Marking many items. Each row rewritten costs the store some 20
 * microseconds (items are wide rows), so 100k of them took two to five
 * seconds in one statement, with the screen frozen. The ids are kept at
 * once (milliseconds, through the unread index) and changed LIST_MARK_STEP
 * at a time, one transaction each, in turns when no key waits, as the
 * search index is built; a key waits for one step at most. Quitting
 * finishes the job first, so what was asked is done.
 */

/* Step the marking job once; return 1 while it goes on, 0 when done. */
static int
list_mark_step(struct ui *ui, size_t limit)
{
	struct ui_marking	*m = &ui->marking;
	struct store_filter	 q;
	char			*cause;
	int			 rc;

	if (m->read) {
		memset(&q, 0, sizeof q);
		q.feeds = m->every ? NULL : (m->nfeeds > 0 ? m->feeds :
		    list_none);
		q.nfeeds = m->nfeeds;
		q.starred = m->starred;
		q.expr = m->expr;
		q.narrow = m->narrow;
		q.also = m->also;
		rc = store_mark_step_read(ui->st, &q, m->mark, m->upto, limit,
		    &m->changed, &cause);
	} else
		rc = store_unmark_step(ui->st, m->mark, &m->after, limit,
		    &m->changed, &cause);
	if (rc < 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
	}
	if (rc > 0)
		return (1);
	log_debug("ui: marking %s done, %lld items in %.0f ms",
	    m->read ? "read" : "unread", (long long)m->changed,
	    (time_mono() - m->started) * 1000);
	if (rc == 0 && m->read)
		ui_message(ui, 0, "Marked %lld item%s read",
		    (long long)m->changed, m->changed == 1 ? "" : "s");
	else if (rc == 0)
		ui_message(ui, 0, "%lld item%s unread again",
		    (long long)m->changed, m->changed == 1 ? "" : "s");
	if (!m->read && store_mark_forget(ui->st, m->mark, &cause) != 0) {
		log_debug("ui: %s", cause);
		free(cause);
	}
	free(m->feeds);
	filter_free(m->expr);
	filter_free(m->narrow);
	filter_free(m->also);
	memset(m, 0, sizeof *m);
	return (0);
}

/* Finish the marking job at once (before another, or quitting). */
void
ui_list_mark_finish(struct ui *ui)
{
	if (ui->marking.mark != 0)
		list_mark_step(ui, 0);
}

/* In a turn with no key waiting, take one step of the marking job. */
int
ui_list_mark_tick(struct ui *ui, int *timeout_ms)
{
	if (ui->marking.mark == 0)
		return (0);
	*timeout_ms = 0;
	if (ui_key_waiting())
		return (0);
	if (list_mark_step(ui, LIST_MARK_STEP))
		return (UI_REDRAW);
	return (UI_RELOAD | UI_REDRAW);
}

/* The progress of the marking job, for the status line. */
int
ui_list_mark_status(struct ui *ui, struct buf *b)
{
	struct ui_marking	*m = &ui->marking;

	if (m->mark == 0)
		return (0);
	if (m->read)
		buf_addf(b, "marking read %lld/%lld", (long long)m->changed,
		    (long long)m->total);
	else
		buf_addf(b, "marking unread %lld", (long long)m->changed);
	return (1);
}

/* Count the unread items a marking of a filtered list will change, for
 * its progress. */
static void
list_count_unread(struct ui *ui, struct ui_marking *m)
{
	struct store_filter	 q;
	char			*cause;

	memset(&q, 0, sizeof q);
	q.feeds = m->every ? NULL : (m->nfeeds > 0 ? m->feeds : list_none);
	q.nfeeds = m->nfeeds;
	q.unread = 1;
	q.starred = m->starred;
	q.expr = m->expr;
	q.narrow = m->narrow;
	q.also = m->also;
	if (store_count(ui->st, &q, NULL, &m->total, &cause) != 0) {
		log_debug("ui: %s", cause);
		free(cause);
	}
}

/* Mark every item of the list (all: of every feed) read, undoably. */
int
ui_list_mark_read(struct ui *ui, int all)
{
	struct ui_marking	*m = &ui->marking;
	size_t			 i;
	char			*cause;

	ui_list_sync(ui);
	ui_list_mark_finish(ui);
	if (!all && ui->list.search) {
		ui_message(ui, 1, "Search results are marked one at a time");
		return (UI_REDRAW);
	}
	if (store_mark_begin(ui->st, &m->mark, &m->upto, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		memset(m, 0, sizeof *m);
		return (UI_RELOAD);
	}
	m->read = 1;
	m->started = time_mono();
	if (all) {
		m->feeds = xreallocarray(NULL, ui->nfeeds + 1,
		    sizeof *m->feeds);
		for (i = 0; i < ui->nfeeds; i++)
			if (ui->feeds[i].id != 0)
				m->feeds[m->nfeeds++] = ui->feeds[i].id;
		m->every = !ui->strays;
		m->total = ui->unread;
	} else {
		m->every = ui->list.every;
		m->starred = ui->list.starred;
		m->nfeeds = ui->list.nfeeds;
		m->feeds = xreallocarray(NULL, m->nfeeds + 1,
		    sizeof *m->feeds);
		if (m->nfeeds > 0)
			memcpy(m->feeds, ui->list.feeds,
			    m->nfeeds * sizeof *m->feeds);
		m->total = m->starred ? ui->starred :
		    list_feeds_count(ui, &(struct ui_list){ .feeds = m->feeds,
		    .nfeeds = m->nfeeds, .every = m->every, .unread = 1 });
		/* A query's own copy: a reload may free the config's. */
		if (ui->list.expr != NULL) {
			m->expr = filter_dup(ui->list.expr);
			m->total = ui->qunread[UI_QUERY_OF(
			    ui->rows[ui->list.row])];
		}
		m->also = filter_dup(ui->list.also);
		if (ui->list.narrow != NULL)
			m->narrow = filter_dup(ui->list.narrow);
		if (ui->list.narrow != NULL || ui->list.also != NULL)
			list_count_unread(ui, m);
	}
	ui_undo_push(ui, UNDO_MARK, m->mark, 0);
	/* A feed's worth is done at once; more goes on in idle turns. */
	if (list_mark_step(ui, LIST_MARK_STEP))
		return (UI_REDRAW);
	return (UI_RELOAD);
}

/* Take back a mark-read: mark its items unread again, in steps. */
int
ui_list_unmark(struct ui *ui, int64_t mark)
{
	if (ui->marking.mark != 0 && ui->marking.mark != mark)
		ui_list_mark_finish(ui);
	free(ui->marking.feeds);
	filter_free(ui->marking.expr);
	filter_free(ui->marking.narrow);
	filter_free(ui->marking.also);
	memset(&ui->marking, 0, sizeof ui->marking);
	ui->marking.mark = mark;
	ui->marking.read = 0;
	ui->marking.started = time_mono();
	if (list_mark_step(ui, LIST_MARK_STEP))
		return (UI_REDRAW);
	return (UI_RELOAD);
}

/* Show the tags in the feeds pane to choose one. */
int
ui_list_pick_tag(struct ui *ui)
{
	size_t	 i;

	if (ui->ntags <= 1) {
		ui_message(ui, 1, "No feed has a tag");
		return (UI_REDRAW);
	}
	ui->picking = 1;
	ui->focus = UI_FEEDS;
	ui->panes[UI_FEEDS].n = ui->ntags;
	ui->panes[UI_FEEDS].cur = 0;
	for (i = 1; ui->tag != NULL && i < ui->ntags; i++)
		if (strcmp(ui->tags[i].name, ui->tag) == 0)
			ui->panes[UI_FEEDS].cur = i;
	ui_scroll_to(&ui->panes[UI_FEEDS]);
	return (UI_REDRAW);
}

/* Show only the feeds with tag (NULL or "": every feed). */
int
ui_list_tag(struct ui *ui, const char *tag)
{
	size_t	 i;

	if (tag != NULL && *tag == '\0')
		tag = NULL;
	for (i = 1; tag != NULL && i < ui->ntags; i++)
		if (strcmp(ui->tags[i].name, tag) == 0)
			break;
	if (tag != NULL && i == ui->ntags) {
		struct buf	 q = BUF_INIT;

		ui_message(ui, 1, "No feed has the tag \"%s\"",
		    text_printable(&q, tag));
		buf_release(&q);
		return (UI_REDRAW);
	}
	free(ui->tag);
	ui->tag = tag != NULL ? xstrdup(tag) : NULL;
	ui->picking = 0;
	ui->panes[UI_FEEDS].cur = 0;
	ui_list_feeds_rows(ui);
	ui->panes[UI_FEEDS].cur = 0;
	ui->panes[UI_FEEDS].top = 0;
	ui_list_release(&ui->list);	/* force a new list */
	ui_list_set_row(ui, 0);
	ui_list_sync(ui);
	if (tag != NULL)
		ui_message(ui, 0, "Feeds tagged %s", tag);
	else
		ui_message(ui, 0, "Every feed");
	return (UI_REDRAW);
}

/* Enter on a row: pick the tag, show the feed's items, open the item. */
int
ui_list_open_row(struct ui *ui)
{
	const struct store_item	*it;
	struct ui_pane		*p;

	ui_list_sync(ui);
	if (ui->focus == UI_FEEDS) {
		p = &ui->panes[UI_FEEDS];
		if (ui->picking)
			return (ui_list_tag(ui, p->cur == 0 ? NULL :
			    ui->tags[p->cur].name));
		return (ui_focus(ui, UI_ITEMS));
	}
	if (ui->focus != UI_ITEMS)
		return (0);
	if ((it = ui_list_item(ui, ui->panes[UI_ITEMS].cur)) == NULL)
		return (0);
	return (ui_article_open(ui, it->id));
}

/* Forget the feeds held, for ui_list_load_feeds() to read them again from
 * a new config. */
void
ui_list_free_feeds(struct ui *ui)
{
	size_t	 i;

	for (i = 0; i < ui->nfeeds; i++) {
		free(ui->feeds[i].title);
		free(ui->feeds[i].link);
		free(ui->feeds[i].error);
	}
	free(ui->feeds);
	ui->feeds = NULL;
	ui->nfeeds = 0;
	free(ui->qunread);
	ui->qunread = NULL;
	ui->nq = 0;
}

/* Free the feeds, the tags and the lists ui holds, at the end. */
void
ui_lists_release(struct ui *ui)
{
	ui_list_free_feeds(ui);
	free(ui->rows);
	free(ui->tags);
	free(ui->tag);
	ui_list_release(&ui->list);
	ui_list_release(&ui->before_search);
}
