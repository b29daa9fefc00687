/* util.c: allocation, fatal errors, logging, UTF-8 and the terminal gate. */
#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "util.h"

static void	(*fatal_cleanup)(void);
static FILE	*log_file;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	if ((p = malloc(size)) == NULL)
		fatal("xmalloc(%zu)", size);
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		n = size = 1;
	if ((p = calloc(n, size)) == NULL)
		fatal("xcalloc(%zu, %zu)", n, size);
	return (p);
}

void *
xrealloc(void *p, size_t size)
{
	return (xreallocarray(p, 1, size));
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	void	*q;

	if (n != 0 && size > SIZE_MAX / n)
		fatalx("xreallocarray: %zu * %zu overflows", n, size);
	if (n == 0 || size == 0)
		n = size = 1;
	if ((q = realloc(p, n * size)) == NULL)
		fatal("xreallocarray(%zu, %zu)", n, size);
	return (q);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len;

	len = strnlen(s, n);
	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}

int
xvasprintf(char **ret, const char *fmt, va_list ap)
{
	struct buf	 b = BUF_INIT;

	buf_vaddf(&b, fmt, ap);
	*ret = buf_detach(&b, NULL);
	return ((int)strlen(*ret));
}

int
xasprintf(char **ret, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = xvasprintf(ret, fmt, ap);
	va_end(ap);
	return (n);
}

/* Register what must run before a fatal exit (restore the terminal). */
void
fatal_set_cleanup(void (*fn)(void))
{
	fatal_cleanup = fn;
}

static void __attribute__((noreturn))
fatal_exit(const char *msg, int err)
{
	if (fatal_cleanup != NULL)
		fatal_cleanup();
	if (err != 0)
		fprintf(stderr, "tidings: %s: %s\n", msg, strerror(err));
	else
		fprintf(stderr, "tidings: %s\n", msg);
	log_debug("fatal: %s", msg);
	exit(70);
}

void
fatal(const char *fmt, ...)
{
	char	 msg[1024];
	va_list	 ap;
	int	 err = errno;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fatal_exit(msg, err != 0 ? err : EIO);
}

void
fatalx(const char *fmt, ...)
{
	char	 msg[1024];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	fatal_exit(msg, 0);
}

/* Open the diagnostic log; failure to open it is fatal (the user asked). */
void
log_open(const char *path)
{
	if ((log_file = fopen(path, "a")) == NULL)
		fatal("%s", path);
	setvbuf(log_file, NULL, _IOLBF, 0);
}

void
log_close(void)
{
	if (log_file != NULL)
		fclose(log_file);
	log_file = NULL;
}

/* Each line starts with the wall-clock time, in UTC, as ISO 8601 with
 * milliseconds, so that it can be matched with other programs' logs and
 * the time a user remembers. */
void
log_debug(const char *fmt, ...)
{
	struct timespec	 ts;
	struct tm	 tm;
	va_list		 ap;
	char		 when[32];

	if (log_file == NULL)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (gmtime_r(&ts.tv_sec, &tm) == NULL ||
	    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		snprintf(when, sizeof when, "1970-01-01T00:00:00");
	pthread_mutex_lock(&log_lock);
	fprintf(log_file, "%s.%03ldZ ", when, ts.tv_nsec / 1000000);
	va_start(ap, fmt);
	vfprintf(log_file, fmt, ap);
	va_end(ap);
	fputc('\n', log_file);
	pthread_mutex_unlock(&log_lock);
}

void
causes_add(struct causes *c, const char *fmt, ...)
{
	va_list	 ap;

	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	va_start(ap, fmt);
	xvasprintf(&c->v[c->n], fmt, ap);
	va_end(ap);
	c->n++;
}

void
causes_release(struct causes *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
	c->v = NULL;
	c->n = 0;
}

/* The letter of each count: the one table behind every %-format. */
static const struct {
	char		 letter;
	enum count_id	 id;
} count_letters[] = {
	{ 'n', COUNT_NEW },
	{ 'f', COUNT_NEW_FEEDS },
	{ 'u', COUNT_UNREAD },
	{ 'U', COUNT_UNREAD_FEEDS },
	{ 't', COUNT_ITEMS },
};
_Static_assert(nitems(count_letters) == COUNT__N,
    "count_letters[] must have one row per enum count_id");

/* Copy fmt to out with its %-letters replaced by the counts they name. */
void
counts_expand(struct buf *out, const char *fmt, const int64_t *counts)
{
	const char	*p;
	size_t		 i;

	for (p = fmt; *p != '\0'; p++) {
		if (*p != '%' || p[1] == '\0') {
			buf_addch(out, *p);
			continue;
		}
		if (*++p == '%') {
			buf_addch(out, '%');
			continue;
		}
		for (i = 0; i < nitems(count_letters); i++)
			if (count_letters[i].letter == *p)
				break;
		if (i < nitems(count_letters) &&
		    counts[count_letters[i].id] != COUNT_UNKNOWN)
			buf_addf(out, "%lld",
			    (long long)counts[count_letters[i].id]);
		else {			/* not ours, or not known here */
			buf_addch(out, '%');
			buf_addch(out, *p);
		}
	}
}

size_t
utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	 c;
	size_t		 n, i;

	if (len == 0)
		return (0);
	if (s[0] < 0x80) {
		*cp = s[0];
		return (1);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return (0);
	if (len < n)
		return (0);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return (0);
	*cp = c;
	return (n);
}

void
utf8_encode(struct buf *b, uint32_t cp)
{
	char	 s[4];

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		buf_addch(b, (int)cp);
	} else if (cp < 0x800) {
		s[0] = (char)(0xc0 | (cp >> 6));
		s[1] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 2);
	} else if (cp < 0x10000) {
		s[0] = (char)(0xe0 | (cp >> 12));
		s[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[2] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 3);
	} else {
		s[0] = (char)(0xf0 | (cp >> 18));
		s[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		s[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		s[3] = (char)(0x80 | (cp & 0x3f));
		buf_add(b, s, 4);
	}
}

/* What may reach a terminal of a code point (see util.h). The line and
 * paragraph separators are line breaks to Unicode and to some terminals,
 * so they become spaces as '\n' does; the others in this list change what
 * the terminal does (C0, DEL, C1) or reorder or restyle the text around
 * them out of sight (bidi embeddings, overrides, isolates and marks, and
 * the deprecated format characters U+206A-U+206F that switch mirroring and
 * shaping). */
uint32_t
text_safe_cp(uint32_t cp)
{
	if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
		return (' ');
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x206f) ||
	    cp == 0x200e || cp == 0x200f || cp == 0x061c ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return (0xfffd);
	return (cp);
}

const char *
text_printable(struct buf *out, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, n;
	uint32_t		 cp;
	int			 space = 0;

	len = strlen(s);
	while (len > 0) {
		if (*p < 0x80) {
			cp = *p;
			n = 1;
		} else if ((n = utf8_decode(p, len, &cp)) == 0) {
			cp = 0xfffd;
			n = 1;
		}
		p += n;
		len -= n;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
		    cp == '\f' || cp == '\v' || (cp = text_safe_cp(cp)) == ' ') {
			space = 1;
			continue;
		}
		if (space && out->len > 0)
			buf_addch(out, ' ');
		space = 0;
		if (cp < 0x80)
			buf_addch(out, (char)cp);
		else
			utf8_encode(out, cp);
	}
	return (out->data);
}

int64_t
time_now(void)
{
	return ((int64_t)time(NULL));
}

double
time_mono(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

void
time_rfc3339(int64_t t, char *buf, size_t len)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, len, "1970-01-01T00:00:00Z");
}

/* Levenshtein distance, capped at 255 for long strings. */
static size_t
util_distance(const char *a, const char *b)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, d[64], prev, tmp;

	if (la >= nitems(d) || lb >= nitems(d))
		return (255);
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = d[j];
			d[j] = prev + (a[i - 1] != b[j - 1]);
			if (d[j - 1] + 1 < d[j])
				d[j] = d[j - 1] + 1;
			if (tmp + 1 < d[j])
				d[j] = tmp + 1;
			prev = tmp;
		}
	}
	return (d[lb]);
}

const char *
util_nearest(const char *s, const void *base, size_t n, size_t stride)
{
	const char	*best = NULL, *name;
	size_t		 i, d, bestd = SIZE_MAX, limit;

	limit = strlen(s) <= 4 ? 1 : (strlen(s) <= 8 ? 2 : 3);
	for (i = 0; i < n; i++) {
		memcpy(&name, (const char *)base + i * stride, sizeof name);
		if (name == NULL)
			continue;
		d = util_distance(s, name);
		if (d < bestd) {
			bestd = d;
			best = name;
		}
	}
	return (bestd <= limit ? best : NULL);
}

/* The length of the scheme at the start of url. */
size_t
util_scheme_len(const char *url)
{
	size_t	 i;

	for (i = 0; url[i] != '\0'; i++) {
		if ((url[i] >= 'a' && url[i] <= 'z') ||
		    (url[i] >= 'A' && url[i] <= 'Z'))
			continue;
		if (i > 0 && ((url[i] >= '0' && url[i] <= '9') ||
		    url[i] == '+' || url[i] == '-' || url[i] == '.'))
			continue;
		break;
	}
	return (url[i] == ':' ? i : 0);
}

/* The home directory, from $HOME or the password database. */
char *
util_home(void)
{
	struct passwd	*pw;
	const char	*home;

	if ((home = getenv("HOME")) != NULL && home[0] == '/')
		return (xstrdup(home));
	/* Called before any thread starts (the dotfile and database paths),
	 * so getpwuid()'s static result is not shared. */
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL &&
	    pw->pw_dir[0] == '/')
		return (xstrdup(pw->pw_dir));
	return (NULL);
}

char *
util_expand_home(const char *path)
{
	char	*home, *s;

	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') &&
	    (home = util_home()) != NULL) {
		xasprintf(&s, "%s%s", home, path + 1);
		free(home);
		return (s);
	}
	return (xstrdup(path));
}

void
util_expand_argv(char **argv)
{
	char	*s;
	size_t	 i;

	for (i = 0; argv[i] != NULL; i++) {
		if (argv[i][0] != '~' || (argv[i][1] != '/' &&
		    (i > 0 || argv[i][1] != '\0')))
			continue;
		s = util_expand_home(argv[i]);
		free(argv[i]);
		argv[i] = s;
	}
}

void
util_argv_free(char **argv)
{
	size_t	 i;

	if (argv == NULL)
		return;
	for (i = 0; argv[i] != NULL; i++)
		free(argv[i]);
	free(argv);
}

int
util_mkdirs_for(const char *path, char **cause)
{
	char	*p, *slash;

	p = xstrdup(path);
	for (slash = p + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST) {
			xasprintf(cause, "%s: %s", p, strerror(errno));
			free(p);
			return (-1);
		}
		*slash = '/';
	}
	free(p);
	return (0);
}

int
util_order_parse(const char *text, const char *const *words, size_t n,
    int *key, int *asc)
{
	const char	*dash;
	size_t		 len, i;

	len = (dash = strchr(text, '-')) != NULL ? (size_t)(dash - text) :
	    strlen(text);
	for (i = 0; i < n; i++)
		if (strlen(words[i]) == len &&
		    strncasecmp(text, words[i], len) == 0)
			break;
	if (i == n)
		return (-1);
	if (dash == NULL)
		*asc = -1;
	else if (strcasecmp(dash, "-asc") == 0)
		*asc = 1;
	else if (strcasecmp(dash, "-desc") == 0)
		*asc = 0;
	else
		return (-1);
	*key = (int)i;
	return (0);
}

void
util_bytes(char *out, size_t len, size_t n)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB" };
	size_t		 i, unit = 1024;

	if (n < 1024) {
		snprintf(out, len, "%zu bytes", n);
		return;
	}
	for (i = 0; i + 1 < nitems(units) && n / unit >= 1024; i++)
		unit *= 1024;
	if (n % unit == 0)
		snprintf(out, len, "%zu %s", n / unit, units[i]);
	else
		snprintf(out, len, "%.1f %s", (double)n / (double)unit,
		    units[i]);
}

/*
 * No core file, soft limit and hard alike, so that nothing in the
 * process can raise it again and a password-command it starts inherits
 * it. A limit rather than prctl(PR_SET_DUMPABLE, 0): that would also
 * keep the user's own debugger and strace from attaching and make the
 * process's /proc files root's, to guard against a process of the same
 * user, which can read the password-file or run the password-command
 * anyway. A core_pattern that pipes to a handler is the handler's to
 * honour: systemd-coredump stores nothing when the limit is 0.
 */
int
util_no_core_dumps(char **cause)
{
	struct rlimit	 rl;

	rl.rlim_cur = rl.rlim_max = 0;
	if (setrlimit(RLIMIT_CORE, &rl) != 0) {
		xasprintf(cause, "setrlimit: %s", strerror(errno));
		return (-1);
	}
	return (0);
}
