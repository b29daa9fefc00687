/* script.c: a feed's command, run without a shell.
 *
 * newsboat's exec: and filter: feeds hand a command line to sh; here the
 * dotfile has split it into words already (config_feed_source()), and
 * those words are the argv, so nothing in them (a "$(...)", a ";", a
 * quote) means anything to anybody but the command itself.
 *
 * The command runs in a session (so a process group) of its own, so that
 * a timeout, an interrupt or the end of the command kills whatever it
 * started too, and so that it has no controlling terminal to write on
 * under the reader's screen or to be stopped at when it reads. Its
 * standard output and error come back on pipes, and a filter's input
 * goes in on a third, all served by one poll() loop, so neither side
 * ever blocks on a full pipe. Every pipe is close-on-exec: other threads
 * may start commands at the same moment, and a copy of a write end kept
 * by someone else's child would hold EOF back. A fourth pipe, also
 * close-on-exec, carries the errno of an exec that failed, which is how
 * "no such file" is told from a command that ran and exited with 127.
 *
 * Standard error is kept for one thing, its last line, which becomes
 * part of the error shown on the feed; only its tail is held in memory.
 */
#include <sys/poll.h>		/* <poll.h> would be src/poll.h */
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "script.h"
#include "util.h"

#define SCRIPT_ERR_KEEP		4096	/* bytes of standard error kept */
#define SCRIPT_LINE_MAX		200	/* bytes of its last line shown */
#define SCRIPT_TICK		100	/* ms between looks at the clock */

/* Milliseconds on a clock that never jumps. */
static int64_t
script_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Append s (len bytes) to out without terminal escape sequences (CSI,
 * OSC and their kin, and two-byte ESC sequences); a carriage return
 * starts the line afresh, as on a terminal, and NUL becomes a space. */
static void
script_strip(struct buf *out, const char *s, size_t len)
{
	size_t	 i = 0;

	while (i < len) {
		if (s[i] == '\r') {
			buf_reset(out);
			i++;
		} else if (s[i] == '\0') {
			buf_addch(out, ' ');
			i++;
		} else if (s[i] != '\x1b')
			buf_addch(out, s[i++]);
		else if (++i == len)
			break;
		else if (s[i] == '[') {
			/* Parameters, then one final byte 0x40-0x7e. */
			for (i++; i < len && ((unsigned char)s[i] < 0x40 ||
			    (unsigned char)s[i] > 0x7e); i++)
				;
			if (i < len)
				i++;
		} else if (s[i] != '\0' && strchr("]P_^X", s[i]) != NULL) {
			/* A string ended by BEL or ESC \. */
			for (i++; i < len; i++) {
				if (s[i] == '\a') {
					i++;
					break;
				}
				if (s[i] == '\x1b' && i + 1 < len &&
				    s[i + 1] == '\\') {
					i += 2;
					break;
				}
			}
		} else
			i++;
	}
}

void
script_last_line(struct buf *b, const char *s, size_t len, size_t max)
{
	struct buf	 line = BUF_INIT;
	const char	*end = s + len, *start;
	size_t		 n;

	for (;;) {
		while (end > s && (end[-1] == '\n' || end[-1] == '\r' ||
		    end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end == s)
			break;
		for (start = end; start > s && start[-1] != '\n'; start--)
			;
		buf_reset(&line);
		script_strip(&line, start, (size_t)(end - start));
		for (n = 0; n < line.len; n++)
			if (line.data[n] != ' ' && line.data[n] != '\t')
				break;
		if (n < line.len)
			break;
		end = start;
	}
	if (line.len > max) {
		n = max;
		while (n > 0 && (line.data[n] & 0xc0) == 0x80)
			n--;
		buf_truncate(&line, n);
	}
	text_printable(b, line.data);
	buf_release(&line);
}

void
script_child_defaults(void)
{
	static const int	 sigs[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN,
	    SIGTTOU, SIGPIPE, SIGTERM, SIGHUP, SIGCHLD };
	struct sigaction	 dfl;
	struct rlimit		 rl;
	sigset_t		 none;
	unsigned		 fd, max = 1024;
	size_t			 i;

	/* Only its standard input, output and error reach the command:
	 * not what the reader holds without close-on-exec (libcurl's
	 * sockets, for one). Close-on-exec rather than closed, so that the
	 * caller's report pipe stays until the exec. One by one before
	 * Linux 5.11. */
	if (close_range(STDERR_FILENO + 1, ~0U, CLOSE_RANGE_CLOEXEC) == -1) {
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 &&
		    rl.rlim_cur != RLIM_INFINITY)
			max = rl.rlim_cur < 65536 ? (unsigned)rl.rlim_cur :
			    65536;
		for (fd = STDERR_FILENO + 1; fd < max; fd++)
			fcntl((int)fd, F_SETFD, FD_CLOEXEC);
	}
	/* Ignored signals stay ignored across exec (the reader ignores
	 * SIGQUIT while a command has the terminal): defaults, and an
	 * empty mask, as a command expects them. */
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

void
script_child_setup(void)
{
	setsid();
	script_child_defaults();
}

/* The child: take the pipes as standard input, output and error and run
 * argv. Only async-signal-safe calls, since the parent has threads. */
static void __attribute__((noreturn))
script_child(char *const *argv, int in, int out, int err, int report)
{
	ssize_t	 n;
	int	 e;

	/* A session of its own: a group to kill, and no terminal to draw
	 * on or to stop at under the reader's screen. */
	script_child_setup();
	if (dup2(in, STDIN_FILENO) == -1 || dup2(out, STDOUT_FILENO) == -1 ||
	    dup2(err, STDERR_FILENO) == -1)
		e = errno;
	else {
		execvp(argv[0], argv);
		e = errno;
	}
	n = write(report, &e, sizeof e);
	(void)n;
	_exit(127);
}

/* Close *fd if it is open. */
static void
script_close(int *fd)
{
	if (*fd != -1) {
		close(*fd);
		*fd = -1;
	}
}

/* Read what fd has into b; return 0 at end of file, 1 for more to come,
 * -1 on an error. */
static int
script_read(int fd, struct buf *b)
{
	ssize_t	 n;

	buf_grow(b, 65536);
	n = read(fd, b->data + b->len, 65536);
	if (n > 0) {
		b->len += (size_t)n;
		b->data[b->len] = '\0';
		return (1);
	}
	if (n == 0)
		return (0);
	return (errno == EAGAIN || errno == EINTR ? 1 : -1);
}

/* The name a message gives the command: its program's last part. */
static const char *
script_name(struct buf *b, const char *argv0)
{
	const char	*slash;

	if ((slash = strrchr(argv0, '/')) != NULL && slash[1] != '\0')
		argv0 = slash + 1;
	return (text_printable(b, argv0));
}

/* Whether pid has exited, without reaping it. */
static int
script_exited(pid_t pid)
{
	siginfo_t	 si;

	memset(&si, 0, sizeof si);
	return (waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) ==
	    0 && si.si_pid == pid);
}

int
script_run(const struct script_run *sr, struct buf *out, char **cause)
{
	struct buf	 err = BUF_INIT, why = BUF_INIT, name = BUF_INIT;
	struct pollfd	 pfd[3];
	char		 size[32];
	int		 in[2] = { -1, -1 }, po[2] = { -1, -1 };
	int		 pe[2] = { -1, -1 }, px[2] = { -1, -1 };
	int		 status = 0, reaped = 0, e = 0, r, i, nfd, wait;
	size_t		 start = out->len, done = 0;
	int64_t		 now, deadline = 0;
	ssize_t		 n;
	pid_t		 pid;

	script_name(&name, sr->argv[0]);
	if (pipe2(po, O_CLOEXEC) == -1 || pipe2(pe, O_CLOEXEC) == -1 ||
	    pipe2(px, O_CLOEXEC) == -1 || (sr->input != NULL ?
	    pipe2(in, O_CLOEXEC) : (in[0] = open("/dev/null",
	    O_RDONLY | O_CLOEXEC))) == -1) {
		buf_addf(&why, "cannot run %s: %s", name.data,
		    strerror(errno));
		goto fail;
	}
	if ((pid = fork()) == -1) {
		buf_addf(&why, "cannot run %s: fork: %s", name.data,
		    strerror(errno));
		goto fail;
	}
	if (pid == 0)
		script_child(sr->argv, in[0], po[1], pe[1], px[1]);
	script_close(&in[0]);
	script_close(&po[1]);
	script_close(&pe[1]);
	script_close(&px[1]);
	/* Until exec or its failure, so its session exists from here on. */
	do
		n = read(px[0], &e, sizeof e);
	while (n == -1 && errno == EINTR);
	script_close(&px[0]);
	if (n == (ssize_t)sizeof e) {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		buf_addf(&why, "cannot run %s: %s", name.data, strerror(e));
		goto fail;
	}

	fcntl(po[0], F_SETFL, O_NONBLOCK);
	fcntl(pe[0], F_SETFL, O_NONBLOCK);
	if (in[1] != -1) {
		fcntl(in[1], F_SETFL, O_NONBLOCK);
		if (sr->inlen == 0)
			script_close(&in[1]);
	}
	if (sr->timeout > 0)
		deadline = script_ms() + sr->timeout * 1000;
	for (;;) {
		if (!reaped && script_exited(pid)) {
			/* Done: what it left running goes too, holding the
			 * pipes or not, while the unreaped child still keeps
			 * its group's number from being used again. */
			kill(-pid, SIGKILL);
			while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
				;
			reaped = 1;
			script_close(&in[1]);
		}
		if (reaped && po[0] == -1 && pe[0] == -1)
			break;
		if (sr->stop != NULL && *sr->stop) {
			buf_addf(&why, "%s interrupted", name.data);
			break;
		}
		now = script_ms();
		if (deadline != 0 && now >= deadline) {
			buf_addf(&why, "%s took longer than %llds and was "
			    "killed", name.data, (long long)sr->timeout);
			break;
		}
		wait = po[0] == -1 && pe[0] == -1 ? 10 : SCRIPT_TICK;
		if (deadline != 0 && deadline - now < wait)
			wait = (int)(deadline - now);
		nfd = 0;
		if (po[0] != -1)
			pfd[nfd++] = (struct pollfd){ po[0], POLLIN, 0 };
		if (pe[0] != -1)
			pfd[nfd++] = (struct pollfd){ pe[0], POLLIN, 0 };
		if (in[1] != -1)
			pfd[nfd++] = (struct pollfd){ in[1], POLLOUT, 0 };
		if (poll(pfd, (nfds_t)nfd, wait) == -1 && errno != EINTR) {
			buf_addf(&why, "%s: poll: %s", name.data,
			    strerror(errno));
			break;
		}
		for (i = 0; i < nfd; i++) {
			if (pfd[i].revents == 0)
				continue;
			if (pfd[i].fd == po[0]) {
				if ((r = script_read(po[0], out)) <= 0)
					script_close(&po[0]);
			} else if (pfd[i].fd == pe[0]) {
				if ((r = script_read(pe[0], &err)) <= 0)
					script_close(&pe[0]);
				if (err.len > 2 * SCRIPT_ERR_KEEP) {
					memmove(err.data, err.data + err.len -
					    SCRIPT_ERR_KEEP, SCRIPT_ERR_KEEP);
					buf_truncate(&err, SCRIPT_ERR_KEEP);
				}
			} else {
				n = write(in[1], sr->input + done,
				    sr->inlen - done);
				if (n > 0)
					done += (size_t)n;
				/* EPIPE: it read what it wanted. */
				if (done == sr->inlen || (n == -1 &&
				    errno != EAGAIN && errno != EINTR))
					script_close(&in[1]);
			}
		}
		if (sr->max_bytes != 0 && out->len - start > sr->max_bytes) {
			util_bytes(size, sizeof size, sr->max_bytes);
			buf_addf(&why, "%s printed more than %s", name.data,
			    size);
			break;
		}
	}
	if (!reaped) {
		kill(-pid, SIGKILL);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	}
	if (why.len == 0) {
		if (WIFSIGNALED(status))
			buf_addf(&why, "%s was killed by signal %d (%s)",
			    name.data, WTERMSIG(status),
			    strsignal(WTERMSIG(status)));
		else if (WEXITSTATUS(status) != 0)
			buf_addf(&why, "%s exited with status %d", name.data,
			    WEXITSTATUS(status));
		else if (out->len == start)
			buf_addf(&why, "%s printed nothing", name.data);
	}
fail:
	script_close(&in[0]);
	script_close(&in[1]);
	script_close(&po[0]);
	script_close(&po[1]);
	script_close(&pe[0]);
	script_close(&pe[1]);
	script_close(&px[0]);
	script_close(&px[1]);
	r = 0;
	if (why.len > 0) {
		buf_truncate(out, start);
		n = (ssize_t)why.len;
		buf_addstr(&why, ": ");
		script_last_line(&why, err.data, err.len, SCRIPT_LINE_MAX);
		if (why.len == (size_t)n + 2)
			buf_truncate(&why, (size_t)n);
		*cause = buf_detach(&why, NULL);
		r = -1;
	} else if (err.len > 0) {
		buf_reset(&why);
		script_last_line(&why, err.data, err.len, SCRIPT_LINE_MAX);
		log_debug("%s: %s", name.data, why.data);
	}
	buf_release(&err);
	buf_release(&why);
	buf_release(&name);
	return (r);
}
