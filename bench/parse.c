/* bench/parse.c: parser throughput. Parse each file given RUNS times
 * in-process and print the median MB/s, so process start-up and JSON
 * output are not part of the figure.
 *
 * usage: bench/parse [-r RUNS] FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "util.h"

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

int
main(int argc, char **argv)
{
	struct buf	 in = BUF_INIT;
	struct feed	 f;
	FILE		*fp;
	char		 chunk[65536], *cause;
	double		*t, t0;
	size_t		 n, entries = 0;
	int		 ch, runs = 5, i;

	while ((ch = getopt(argc, argv, "r:")) != -1) {
		if (ch != 'r' || (runs = atoi(optarg)) < 1) {
			fprintf(stderr, "usage: parse [-r RUNS] FILE...\n");
			return (2);
		}
	}
	t = xcalloc((size_t)runs, sizeof *t);
	for (; optind < argc; optind++) {
		buf_reset(&in);
		if ((fp = fopen(argv[optind], "rb")) == NULL)
			fatal("%s", argv[optind]);
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_add(&in, chunk, n);
		fclose(fp);
		for (i = 0; i < runs; i++) {
			t0 = time_mono();
			if (feed_parse(in.data, in.len, "http://example.org/",
			    NULL, &f, &cause) != 0)
				fatalx("%s: %s", argv[optind], cause);
			t[i] = time_mono() - t0;
			entries = f.nentries;
			feed_release(&f);
		}
		qsort(t, (size_t)runs, sizeof *t, cmp_double);
		printf("%s: %.1f MB, %zu entries, median %.1f ms, %.1f MB/s\n",
		    argv[optind], in.len / 1e6, entries, t[runs / 2] * 1e3,
		    in.len / 1e6 / t[runs / 2]);
	}
	free(t);
	buf_release(&in);
	return (0);
}
