/* testlib.h: what every unit test includes first: cmocka, and the helpers
 * the tests share. A helper that cannot do its job fails the test that
 * called it (cmocka's fail_msg()), so the tests need not check. */
#ifndef TIDINGS_TESTLIB_H
#define TIDINGS_TESTLIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"

/* Fail the test with a message naming what went wrong (and the row). */
static inline void __attribute__((format(printf, 1, 2)))
failf(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	print_error("%s\n", msg);
	free(msg);
	fail();
}

/* Read n bytes at p, a block that may have been freed, as they are now:
 * through /proc/self/mem, past the allocator and AddressSanitizer (which
 * keeps a freed block aside, unchanged, for a while). Return how many
 * were read, or -1. */
static inline ssize_t
peek(const void *p, size_t n, char *out)
{
	ssize_t	 r;
	int	 fd;

	if ((fd = open("/proc/self/mem", O_RDONLY | O_CLOEXEC)) == -1)
		return (-1);
	r = pread(fd, out, n, (off_t)(uintptr_t)p);
	close(fd);
	return (r);
}

/* Append the whole file at path to b. */
static inline void
slurp(const char *path, struct buf *b)
{
	FILE	*f;
	char	 chunk[4096];
	size_t	 n;

	if ((f = fopen(path, "rb")) == NULL)
		failf("cannot open %s (tests run from the top of the tree)",
		    path);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
}

/* Append the file dir/name (dir ends in "/") to b. */
static inline void
read_fixture(const char *dir, const char *name, struct buf *b)
{
	struct buf	 path = BUF_INIT;

	buf_addf(&path, "%s%s", dir, name);
	slurp(path.data, b);
	buf_release(&path);
}

/* Write len bytes to path, replacing what it held. */
static inline void
spew(const char *path, const void *data, size_t len)
{
	FILE	*f;

	if ((f = fopen(path, "wb")) == NULL)
		failf("cannot create %s", path);
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
		failf("cannot write %s", path);
}

/* Remove one file or directory, for nftw(). */
static inline int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return (remove(path));
}

/* Remove a temporary directory and everything below it. */
static inline void
rm_tree(const char *dir)
{
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A copy of s, or NULL. */
static inline char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

#endif /* TIDINGS_TESTLIB_H */
