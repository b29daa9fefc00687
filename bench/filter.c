/* bench/filter.c: time filters on a database as the reader runs them.
 * bench-filter [-r RUNS] [-k RULES] DB CONFIG EXPRESSION... loads CONFIG
 * (its feeds' titles and tags) and, for each EXPRESSION, times what a
 * query feed costs the reader: its unread count (store_count) and its
 * first screen (store_page, 50 rows), RUNS times (default 9), printing
 * the median and the maximum in milliseconds; and what the filter action
 * costs on every item: the count and first screen read together
 * (store_count_page). Then the killfile: the
 * feeds pane's counts (store_feeds) with no rule and with RULES rules
 * (default 20) of the kinds people write (regular expressions on titles
 * and authors, a feed's tag), and how long marking every item with them
 * takes, which a change of the rules costs once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "filter.h"
#include "poll.h"
#include "store.h"
#include "util.h"

#define BENCH_SCREEN	50

static int
bench_cmp(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Print the median and maximum of v[0..n), sorted here. */
static void
bench_print(const char *what, double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, bench_cmp);
	printf("  %-28s median %7.2f ms, max %7.2f ms\n", what,
	    v[n / 2] * 1000, v[n - 1] * 1000);
}

static void __attribute__((noreturn))
bench_die(const char *cause)
{
	fprintf(stderr, "bench-filter: %s\n", cause);
	exit(1);
}

int
main(int argc, char **argv)
{
	struct config		 cfg;
	struct causes		 causes = CAUSES_INIT;
	struct store		*st;
	struct store_filter	 q;
	struct store_item	*items;
	struct store_feed	*feeds;
	struct filter		*f, **rules;
	struct buf		 b = BUF_INIT;
	double			*count, *page, *both, *tf, t;
	int64_t			 n = 0;
	size_t			 nitems_, nfeeds, off;
	char			*cause;
	int			 runs = 9, nrules = 20, i, r, ch;

	while ((ch = getopt(argc, argv, "r:k:")) != -1) {
		switch (ch) {
		case 'r':
			runs = atoi(optarg);
			break;
		case 'k':
			nrules = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 2 || runs < 1 || nrules < 0)
		goto usage;
	config_init(&cfg);
	if (config_load(argv[1], &cfg, &causes) != 0)
		bench_die(causes.n > 0 ? causes.v[0] : argv[1]);
	if ((st = store_open_read(argv[0], &cause)) == NULL ||
	    poll_store_config(st, &cfg, 1, &cause) != 0)
		bench_die(cause);
	count = xcalloc((size_t)runs, sizeof *count);
	page = xcalloc((size_t)runs, sizeof *page);
	both = xcalloc((size_t)runs, sizeof *both);
	tf = xcalloc((size_t)runs, sizeof *tf);
	for (i = 2; i < argc; i++) {
		if (filter_parse(argv[i], strlen(argv[i]), &f, &off,
		    &cause) != 0)
			bench_die(cause);
		for (r = 0; r < runs; r++) {
			memset(&q, 0, sizeof q);
			q.expr = f;
			q.unread = 1;
			t = time_mono();
			if (store_count(st, &q, NULL, &n, &cause) != 0)
				bench_die(cause);
			count[r] = time_mono() - t;
			q.unread = 0;
			t = time_mono();
			if (store_page(st, &q, NULL, 0, 0, BENCH_SCREEN,
			    &items, &nitems_, &cause) != 0)
				bench_die(cause);
			page[r] = time_mono() - t;
			store_items_free(items, nitems_);
			memset(&q, 0, sizeof q);
			q.narrow = f;
			t = time_mono();
			if (store_count_page(st, &q, BENCH_SCREEN, &n, &items,
			    &nitems_, &cause) != 0)
				bench_die(cause);
			both[r] = time_mono() - t;
			store_items_free(items, nitems_);
		}
		printf("%s  (%lld of all items)\n", argv[i], (long long)n);
		bench_print("unread count", count, runs);
		bench_print("first screen (50 rows)", page, runs);
		bench_print("all: count + first screen", both, runs);
		filter_free(f);
	}

	/* The killfile: every count of the feeds pane. */
	rules = xcalloc((size_t)nrules + 1, sizeof *rules);
	for (i = 0; i < nrules; i++) {
		buf_reset(&b);
		switch (i % 4) {
		case 0:
			buf_addf(&b, "title =~ \"^sponsored %d\"", i);
			break;
		case 1:
			buf_addf(&b, "author = \"Spammer %d\"", i);
			break;
		case 2:
			buf_addf(&b, "tags # \"ads%d\" and title =~ \"x%d\"",
			    i, i);
			break;
		default:
			buf_addf(&b, "link =~ \"example\\.com/promo/%d\"", i);
			break;
		}
		if (filter_parse(b.data, b.len, &rules[i], &off, &cause) != 0)
			bench_die(cause);
	}
	for (i = 0; i <= 1; i++) {
		t = time_mono();
		if (store_set_ignore(st, (const struct filter *const *)rules,
		    i == 0 ? 0 : (size_t)nrules, 1, &cause) != 0)
			bench_die(cause);
		/* Once per change of the rules: every item's mark. */
		if (i == 1)
			printf("  %-28s %7.0f ms (once per change of the "
			    "rules)\n", "marking every item", (time_mono() - t) *
			    1000);
		for (r = 0; r < runs; r++) {
			t = time_mono();
			if (store_feeds(st, &feeds, &nfeeds, &cause) != 0)
				bench_die(cause);
			tf[r] = time_mono() - t;
			store_feeds_free(feeds, nfeeds);
		}
		buf_reset(&b);
		buf_addf(&b, "feeds' counts, %d rules", i == 0 ? 0 : nrules);
		bench_print(b.data, tf, runs);
		if (i == 0)
			continue;
		for (r = 0; r < runs; r++) {
			memset(&q, 0, sizeof q);
			t = time_mono();
			if (store_page(st, &q, NULL, 0, 0, BENCH_SCREEN,
			    &items, &nitems_, &cause) != 0)
				bench_die(cause);
			tf[r] = time_mono() - t;
			store_items_free(items, nitems_);
		}
		bench_print("all items, first screen", tf, runs);
	}
	for (i = 0; i < nrules; i++)
		filter_free(rules[i]);
	free(rules);
	free(count);
	free(page);
	free(both);
	free(tf);
	buf_release(&b);
	store_close(st);
	config_release(&cfg);
	causes_release(&causes);
	return (0);
usage:
	fprintf(stderr, "usage: bench-filter [-r RUNS] [-k RULES] DB CONFIG "
	    "EXPRESSION...\n");
	return (2);
}
