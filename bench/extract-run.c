/*
 * bench/extract-run.c: reader mode over a directory of pages, in-process.
 *
 *	extract-run [-u URLS] [-n ROUNDS] INDIR OUTDIR
 *	extract-run [--format json|text|html] [--url URL] [--width N] FILE
 *
 * The first form extracts every INDIR/<id>.html, writes the article's
 * text (the "text" field of the JSON output) to OUTDIR/<id>.txt and
 * prints the time per page: median, mean, 95th percentile and total.
 * Only extract_page() and extract_text() are timed, not reading and
 * writing files. URLS is a file of "<id> <url>" lines giving each page's
 * address; -n repeats the whole run and keeps each page's best time.
 *
 * The second form prints one page's extraction, as `tidings extract`
 * will, so shared/tools/seed-check can run it.
 *
 * Build: cc -O2 -Isrc bench/extract-run.c build/release/libtidings.a
 * $(pkg-config --libs gumbo) (bench/extract does it).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "render.h"
#include "util.h"

struct page {
	char	*id;
	double	 ms;
};

/* Read a whole file into b. Return 0, or -1 with errno set. */
static int
read_file(const char *path, struct buf *b)
{
	FILE	*f;
	char	 chunk[65536];
	size_t	 n;
	int	 err;

	if ((f = fopen(path, "rb")) == NULL)
		return (-1);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	err = ferror(f);
	fclose(f);
	if (err) {
		errno = EIO;
		return (-1);
	}
	return (0);
}

/* Write len bytes to path. */
static int
write_file(const char *path, const char *data, size_t len)
{
	FILE	*f;
	int	 rc = 0;

	if ((f = fopen(path, "wb")) == NULL)
		return (-1);
	if (fwrite(data, 1, len, f) != len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	return (rc);
}

/* The URL of page id in a "<id> <url>" file, or NULL. */
static char *
lookup_url(const struct buf *urls, const char *id)
{
	const char	*p = urls->data, *e, *sp;
	size_t		 n = strlen(id);

	while (*p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		sp = memchr(p, ' ', (size_t)(e - p));
		if (sp != NULL && (size_t)(sp - p) == n &&
		    memcmp(p, id, n) == 0)
			return (xstrndup(sp + 1, (size_t)(e - sp - 1)));
		p = *e == '\n' ? e + 1 : e;
	}
	return (NULL);
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static int
cmp_name(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Print one page's extraction in the given format. */
static int
one(const char *path, const char *url, const char *format, int width)
{
	struct buf		 in = BUF_INIT, out = BUF_INIT;
	struct render		 r = RENDER_INIT;
	struct render_opts	 ro = { width, 0, 0 };
	struct article		*art;

	if (read_file(path, &in) != 0) {
		fprintf(stderr, "extract-run: %s: %s\n", path, strerror(errno));
		return (1);
	}
	art = extract_page(in.data, in.len, url, NULL);
	if (strcmp(format, "json") == 0)
		extract_json(art, &out);
	else if (strcmp(format, "html") == 0)
		extract_html(art, &out);
	else {
		render_article(art, &ro, &r);
		render_text(&r, &out);
		render_release(&r);
	}
	fwrite(out.data, 1, out.len, stdout);
	extract_free(art);
	buf_release(&in);
	buf_release(&out);
	return (0);
}

/* Extract every page of indir into outdir and print the timings. */
static int
all(const char *indir, const char *outdir, const char *urlfile, int rounds)
{
	struct buf	 urls = BUF_INIT, in = BUF_INIT, text = BUF_INIT;
	struct article	*art;
	struct dirent	*de;
	DIR		*d;
	char		**names = NULL, *path, *url;
	double		*ms, t0, t, total = 0;
	size_t		 n = 0, cap = 0, i, len;
	int		 r;

	if (urlfile != NULL && read_file(urlfile, &urls) != 0) {
		fprintf(stderr, "extract-run: %s: %s\n", urlfile,
		    strerror(errno));
		return (1);
	}
	if ((d = opendir(indir)) == NULL) {
		fprintf(stderr, "extract-run: %s: %s\n", indir, strerror(errno));
		return (1);
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".html") != 0)
			continue;
		if (n == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			names = xreallocarray(names, cap, sizeof *names);
		}
		names[n++] = xstrndup(de->d_name, len - 5);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_name);
	ms = xcalloc(n + 1, sizeof *ms);
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < n; i++) {
			xasprintf(&path, "%s/%s.html", indir, names[i]);
			buf_reset(&in);
			if (read_file(path, &in) != 0) {
				fprintf(stderr, "extract-run: %s: %s\n", path,
				    strerror(errno));
				free(path);
				continue;
			}
			free(path);
			url = lookup_url(&urls, names[i]);
			buf_reset(&text);
			t0 = time_mono();
			art = extract_page(in.data, in.len, url, NULL);
			extract_text(art, &text);
			t = (time_mono() - t0) * 1000;
			extract_free(art);
			free(url);
			if (r == 0 || t < ms[i])
				ms[i] = t;
			if (r > 0)
				continue;
			xasprintf(&path, "%s/%s.txt", outdir, names[i]);
			if (write_file(path, text.data, text.len) != 0)
				fprintf(stderr, "extract-run: %s: %s\n", path,
				    strerror(errno));
			free(path);
		}
	}
	for (i = 0; i < n; i++)
		total += ms[i];
	qsort(ms, n, sizeof *ms, cmp_double);
	if (n > 0)
		printf("pages %zu median %.2f ms mean %.2f ms p95 %.2f ms "
		    "total %.2f s\n", n, ms[n / 2], total / n,
		    ms[(n * 95 + 99) / 100 - 1], total / 1000);
	else
		printf("pages 0\n");
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(ms);
	buf_release(&urls);
	buf_release(&in);
	buf_release(&text);
	return (0);
}

static void
usage(void)
{
	fprintf(stderr, "usage: extract-run [-u URLS] [-n ROUNDS] INDIR OUTDIR\n"
	    "       extract-run [--format json|text|html] [--url URL] "
	    "[--width N] FILE\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char	*url = NULL, *format = "text", *urlfile = NULL;
	int		 i, rounds = 1, width = 80;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--url") == 0)
			url = argv[++i];
		else if (strcmp(argv[i], "--format") == 0)
			format = argv[++i];
		else if (strcmp(argv[i], "--width") == 0)
			width = atoi(argv[++i]);
		else if (strcmp(argv[i], "-u") == 0)
			urlfile = argv[++i];
		else if (strcmp(argv[i], "-n") == 0 &&
		    (rounds = atoi(argv[++i])) >= 1)
			continue;
		else
			usage();
	}
	if (argc - i == 1)
		return (one(argv[i], url, format, width));
	if (argc - i == 2)
		return (all(argv[i], argv[i + 1], urlfile, rounds));
	usage();
	return (2);
}
