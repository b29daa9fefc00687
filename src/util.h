/* util.h: allocation that never fails, fatal errors, logging, error lists,
 * UTF-8 helpers and the one gate through which text reaches a terminal. */
#ifndef TIDINGS_UTIL_H
#define TIDINGS_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

#define nitems(a)	(sizeof (a) / sizeof (a)[0])

/* Allocation: out of memory is fatal, so these never return NULL. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list)
	     __attribute__((format(printf, 2, 0)));

/* Impossible states: print "tidings: msg" (fatal adds strerror(errno)) to
 * stderr, run the registered cleanup (endwin() while curses is active) and
 * exit 70. */
void	 fatal(const char *, ...)
	     __attribute__((format(printf, 1, 2), noreturn));
void	 fatalx(const char *, ...)
	     __attribute__((format(printf, 1, 2), noreturn));
void	 fatal_set_cleanup(void (*)(void));

/* Diagnostics go to the log file opened by log_open() (tidings -l FILE),
 * never to the terminal. Without a log file they are dropped. Thread-safe. */
void	 log_open(const char *path);
void	 log_close(void);
void	 log_debug(const char *, ...)
	     __attribute__((format(printf, 1, 2)));

/* A list of error messages ("path:LINE: message"), collected rather than
 * printed so the caller decides where they go. */
struct causes {
	char	**v;
	size_t	  n;
};
#define CAUSES_INIT { NULL, 0 }
void	 causes_add(struct causes *, const char *, ...)
	     __attribute__((format(printf, 2, 3)));
/* Free the messages; c is CAUSES_INIT again. */
void	 causes_release(struct causes *);

/*
 * The numbers a format names with a %-letter, in "tidings unread --format"
 * and in notify-command. One table in util.c gives each its letter, and
 * tidings-config.5 (FORMATS) documents them: %n new items, %f feeds that
 * brought them, %u unread items, %U feeds with unread items, %t items.
 */
enum count_id {
	COUNT_NEW,			/* %n: items a refresh stored new */
	COUNT_NEW_FEEDS,		/* %f: feeds that brought them */
	COUNT_UNREAD,			/* %u: unread items in all feeds */
	COUNT_UNREAD_FEEDS,		/* %U: feeds with unread items */
	COUNT_ITEMS,			/* %t: items stored */
	COUNT__N
};
#define COUNT_UNKNOWN	(-1)		/* not known here: left as written */

/* Append fmt to out with each %-letter replaced by its number in
 * counts[COUNT__N] and "%%" by "%". An unknown letter, a number that is
 * COUNT_UNKNOWN and a "%" that ends fmt are copied as they are. */
void	 counts_expand(struct buf *out, const char *fmt, const int64_t *counts);

/* Decode one UTF-8 sequence from s (at most len bytes). Return its length
 * and store the code point in *cp, or return 0 for an invalid, overlong,
 * surrogate or truncated sequence. */
size_t	 utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* Append code point cp as UTF-8 (U+FFFD for invalid values). */
void	 utf8_encode(struct buf *, uint32_t cp);

/* The terminal gate, one code point at a time: cp itself, ' ' for a line
 * or paragraph separator (U+0085, U+2028, U+2029), or U+FFFD for a C0 or
 * C1 control, DEL, a bidi embedding, override, isolate or mark (U+061C,
 * U+200E, U+200F), a deprecated format character (U+206A-U+206F) or a
 * value that is not a character. The rule of text_printable() and of the
 * article renderer. */
uint32_t	 text_safe_cp(uint32_t cp);

/* The terminal gate. Append s to out with every code point passed through
 * text_safe_cp(), invalid UTF-8 replaced by U+FFFD and any run of
 * whitespace (newlines, tabs and the Unicode line separators included)
 * folded into one space, so a title or URL from the network can never
 * move the cursor, break a line or send a sequence to the terminal.
 * Return out->data. */
const char	*text_printable(struct buf *out, const char *s);

/* Time helpers. */
int64_t	 time_now(void);		/* wall clock, UTC seconds */
double	 time_mono(void);		/* monotonic seconds */
/* Format t as RFC 3339 UTC ("2003-12-31T10:14:55Z") into buf (>= 21 bytes). */
void	 time_rfc3339(int64_t t, char *buf, size_t len);

/* The name nearest to s by edit distance among n table entries of size
 * stride starting at base, each beginning with a "const char *name" member,
 * or NULL when none is close enough to suggest ("did you mean ...?"). */
const char	*util_nearest(const char *s, const void *base, size_t n,
		     size_t stride);

/* The length of the scheme at the start of url ("https" of
 * "https://..."): letters, then letters, digits, "+", "-" or ".", then
 * ":". 0 when url does not start with one. */
size_t	 util_scheme_len(const char *url);

/* The user's home directory: $HOME when it is an absolute path, else
 * the password database's for the real user id. Never the current
 * directory, where a dotfile someone planted would be read. Return it
 * (caller frees), or NULL when neither names one. */
char	*util_home(void);

/* Expand a leading "~/" with the home directory (util_home()). Caller
 * frees. */
char	*util_expand_home(const char *);

/* Expand "~" and "~/" at the start of argv[0] and "~/" at the start of
 * the other words of a NULL-terminated vector of malloc'd words, in
 * place, as a shell would before running a command. */
void	 util_expand_argv(char **argv);

/* Free a NULL-terminated vector of malloc'd words and the vector (NULL:
 * nothing). */
void	 util_argv_free(char **argv);

/* Describe n bytes for a person into out: "16 MiB", "1.5 KiB", "100
 * bytes". */
void	 util_bytes(char *out, size_t len, size_t n);

/* Create the directories leading to path (not path itself), mode 0700. */
int	 util_mkdirs_for(const char *path, char **cause);

/* Parse "WORD[-asc|-desc]", WORD one of words[0..n) (ignoring case), as
 * the sort settings write an order: set *key to its index and *asc to 1
 * for -asc, 0 for -desc, -1 without a direction. Return 0, or -1. */
int	 util_order_parse(const char *text, const char *const *words,
	     size_t n, int *key, int *asc);

/* Keep this process, and what it starts, from writing a core file: one
 * that holds a password or a token must not leave it on disk when it
 * crashes (see util.c for why a resource limit and not PR_SET_DUMPABLE).
 * Return 0, or -1 and set *cause. */
int	 util_no_core_dumps(char **cause);

#endif /* TIDINGS_UTIL_H */
