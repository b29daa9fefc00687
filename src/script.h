/* script.h: run a feed's command (newsboat's exec: and filter: feeds)
 * and take its standard output, as http.c takes a response body. */
#ifndef TIDINGS_SCRIPT_H
#define TIDINGS_SCRIPT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

struct script_run {
	char *const	*argv;		/* argv[0] looked up in PATH; never a
					   shell */
	const char	*input;		/* bytes for its standard input, or
					   NULL for /dev/null */
	size_t		 inlen;
	int64_t		 timeout;	/* seconds; 0: none */
	size_t		 max_bytes;	/* standard output past this fails;
					   0: no cap */
	const atomic_int *stop;		/* set: end it now; may be NULL */
};

/*
 * Run sr->argv in a session and process group of its own (no
 * controlling terminal), with the environment
 * inherited, input on its standard input and its standard output and
 * error read at once. It fails when it cannot start, exits with a status
 * other than 0, is killed by a signal, outlasts the timeout or *stop
 * (its whole process group is then killed), prints more than max_bytes
 * or prints nothing. Whatever of its group is left when it exits is
 * killed too, since a feed's command is done when it exits.
 *
 * Return 0 and append its standard output to out, or -1 and set *cause:
 * one line saying what failed, followed by the last line the command
 * wrote to standard error, if any, with terminal escape sequences and
 * control characters taken out. Safe to call from several threads at
 * once; the caller must ignore SIGPIPE (main() does).
 */
int	 script_run(const struct script_run *, struct buf *out, char **cause);

/* In a child between fork() and exec(): every descriptor above standard
 * error close-on-exec, and the signals the reader ignores or catches
 * back to their defaults, none blocked. Only async-signal-safe calls. */
void	 script_child_defaults(void);
/* The same in a session of its own (a command that must not have the
 * terminal, and whose whole group can be killed). */
void	 script_child_setup(void);

/* Append to b the last non-blank line of the len bytes at s, at most max
 * bytes of it, with escape sequences dropped and the other control
 * characters and invalid UTF-8 made printable (text_printable()). */
void	 script_last_line(struct buf *b, const char *s, size_t len,
	     size_t max);

#endif /* TIDINGS_SCRIPT_H */
