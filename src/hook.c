/* hook.c: the user's commands run from a key.
 *
 * A command is a template of words, as the dotfile split them ("exec mpv
 * %e" gives "mpv" and "%e"), never a line for a shell: each word is
 * filled in on its own and becomes one argument, so an item's title full
 * of quotes, $(...), backticks or newlines reaches the command as the
 * bytes of one argument and nothing of it is ever run. This is sfeed's
 * forkexec rather than newsboat's and newsraft's system(), which must
 * quote every value and fail the day one is quoted wrong.
 *
 * A detached command runs in a session of its own on /dev/null, so it
 * can neither write over the screen nor take keys from the reader, and
 * it is the child of a child that exits at once, so it is reparented to
 * init and never becomes a zombie of ours. A close-on-exec pipe brings
 * the errno of a failed exec back, which is how "command not found"
 * reaches the status line though nobody waits for the command.
 *
 * A foreground command gets the terminal and the reader waits, ignoring
 * SIGINT and SIGQUIT meanwhile as system(3) does: C-c typed at a pager
 * goes to the whole foreground process group, and must end the pager,
 * not the reader. SIGTSTP keeps its default action for the same time, so
 * C-z stops the reader with the command (it is one job for the shell)
 * instead of curses' handler repainting the reader over the command.
 */
#include <sys/stat.h>
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
#include "hook.h"
#include "script.h"
#include "util.h"

#define HOOK_NAME_MAX	100	/* bytes of a file name made of a title */
#define HOOK_TRIES	1000	/* "-2" ... before giving up */

/* The placeholders, their fields and whether they must be URLs. */
static const struct {
	char		 letter;
	size_t		 off;
	int		 url;
	const char	*missing;	/* what to say when a URL is not */
} hook_fields[] = {
	{ 'u', offsetof(struct hook_vars, link), 1, "the item has no link" },
	{ 'e', offsetof(struct hook_vars, enclosure), 1,
	  "the item has no enclosure" },
	{ 't', offsetof(struct hook_vars, title), 0, NULL },
	{ 'a', offsetof(struct hook_vars, author), 0, NULL },
	{ 'f', offsetof(struct hook_vars, feed_url), 1,
	  "the item's feed is not in the dotfile" },
	{ 'F', offsetof(struct hook_vars, feed_title), 0, NULL },
};

/* The row of placeholder letter c, or -1. */
static int
hook_field(char c)
{
	size_t	 i;

	for (i = 0; i < nitems(hook_fields); i++)
		if (hook_fields[i].letter == c)
			return ((int)i);
	return (-1);
}

/* Check a template's placeholders. */
int
hook_check(char *const *tmpl, size_t n, char **cause)
{
	struct buf	 q = BUF_INIT;
	const char	*p;
	size_t		 i;

	if (n == 0) {
		xasprintf(cause, "no command given");
		return (-1);
	}
	for (i = 0; i < n; i++) {
		for (p = tmpl[i]; (p = strchr(p, '%')) != NULL; p += 2) {
			if (p[1] == '%' || (p[1] != '\0' && hook_field(p[1])
			    != -1))
				continue;
			if (p[1] == '\0')
				xasprintf(cause, "\"%s\" ends in %%; write %%%% "
				    "for a %% sign", text_printable(&q,
				    tmpl[i]));
			else
				xasprintf(cause, "%%%c in \"%s\" is not a "
				    "placeholder: %%u, %%e, %%t, %%a, %%f, %%F "
				    "or %%%%", p[1], text_printable(&q,
				    tmpl[i]));
			buf_release(&q);
			return (-1);
		}
	}
	return (0);
}

/* Read exec's or pipe-to's words (see hook.h). */
int
hook_command(char *const *w, size_t n, int allow_wait, int *wait,
    size_t *start, char **cause)
{
	struct buf	 q = BUF_INIT;
	size_t		 i = 0;
	int		 ended = 0;

	*wait = 0;
	if (allow_wait && i < n && strcmp(w[i], "-w") == 0) {
		*wait = 1;
		i++;
	}
	if (i < n && strcmp(w[i], "--") == 0) {
		ended = 1;
		i++;
	}
	if (i == n) {
		xasprintf(cause, "which command?");
		return (-1);
	}
	if (!ended && w[i][0] == '-') {
		xasprintf(cause, "unknown option \"%s\"; %s-- ends the options",
		    text_printable(&q, w[i]), allow_wait ? "-w runs the command "
		    "in the foreground, " : "");
		buf_release(&q);
		return (-1);
	}
	*start = i;
	return (hook_check(w + i, n - i, cause));
}

/* Fill a template in. */
int
hook_expand(char *const *tmpl, size_t n, const struct hook_vars *v,
    char ***argv, char **cause)
{
	struct buf	 w = BUF_INIT, q = BUF_INIT;
	const char	*p, *val;
	char		**out, *home = NULL;
	size_t		 i;
	int		 f;

	if (hook_check(tmpl, n, cause) != 0)
		return (-1);
	out = xcalloc(n + 1, sizeof *out);
	for (i = 0; i < n; i++) {
		buf_reset(&w);
		p = tmpl[i];
		if (p[0] == '~' && (p[1] == '/' || p[1] == '\0')) {
			if (home == NULL && (home = util_home()) == NULL) {
				xasprintf(cause, "no home directory for "
				    "\"%s\"", text_printable(&q, p));
				goto fail;
			}
			buf_addstr(&w, home);
			p++;
		}
		for (; *p != '\0'; p++) {
			if (*p != '%') {
				buf_addch(&w, *p);
				continue;
			}
			p++;
			if (*p == '%') {
				buf_addch(&w, '%');
				continue;
			}
			f = hook_field(*p);
			val = *(const char *const *)(const void *)
			    ((const char *)v + hook_fields[f].off);
			if (val == NULL)
				val = "";
			if (hook_fields[f].url && util_scheme_len(val) == 0) {
				if (*val == '\0')
					xasprintf(cause, "%s (%%%c)",
					    hook_fields[f].missing, *p);
				else
					xasprintf(cause, "%%%c is not an "
					    "absolute URL: \"%s\"", *p,
					    text_printable(&q, val));
				goto fail;
			}
			buf_addstr(&w, val);
		}
		out[i] = buf_detach(&w, NULL);
	}
	free(home);
	buf_release(&q);
	*argv = out;
	return (0);
fail:
	free(home);
	buf_release(&w);
	buf_release(&q);
	util_argv_free(out);
	return (-1);
}

/* In a child: exec argv, or send errno back on fd and exit. */
static void __attribute__((noreturn))
hook_exec(char *const *argv, char *const *envp, int fd)
{
	ssize_t	 n;
	int	 err;

	if (envp != NULL)
		execvpe(argv[0], argv, envp);
	else
		execvp(argv[0], argv);
	err = errno;
	n = write(fd, &err, sizeof err);
	(void)n;
	_exit(127);
}

/* Read the errno a failed exec sent on fd, closing it: 0 when the
 * command runs. */
static int
hook_exec_error(int fd)
{
	ssize_t	 n;
	int	 err = 0;

	do
		n = read(fd, &err, sizeof err);
	while (n == -1 && errno == EINTR);
	close(fd);
	return (n == (ssize_t)sizeof err ? err : 0);
}

/* Start argv detached (see hook.h). */
int
hook_detach(char *const *argv, char *const *envp, char **cause)
{
	struct buf	 q = BUF_INIT;
	pid_t		 pid;
	ssize_t		 n;
	int		 fds[2], fd, status, err;

	if (pipe2(fds, O_CLOEXEC) == -1) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		return (-1);
	}
	if ((pid = fork()) == -1) {
		err = errno;
		close(fds[0]);
		close(fds[1]);
		xasprintf(cause, "fork: %s", strerror(err));
		return (-1);
	}
	if (pid == 0) {
		close(fds[0]);
		if ((pid = fork()) == -1) {
			err = errno;
			n = write(fds[1], &err, sizeof err);
			(void)n;
			_exit(127);
		}
		if (pid != 0)
			_exit(0);
		/* A session of its own, our descriptors closed at exec,
		 * and what hook_wait() may have set meanwhile in another
		 * thread (SIGQUIT ignored) back to the defaults. */
		script_child_setup();
		if ((fd = open("/dev/null", O_RDWR)) != -1) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			if (fd > STDERR_FILENO)
				close(fd);
		}
		hook_exec(argv, envp, fds[1]);
	}
	close(fds[1]);
	while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
		;
	if ((err = hook_exec_error(fds[0])) != 0) {
		xasprintf(cause, "cannot run %s: %s", text_printable(&q,
		    argv[0]), strerror(err));
		buf_release(&q);
		return (-1);
	}
	return (0);
}

/* Run argv in the foreground and wait (see hook.h). */
int
hook_wait(char *const *argv, int in_fd, char **cause)
{
	struct sigaction	 ign, dfl, oint, oquit, otstp;
	struct timespec		 zero = { 0, 0 };
	sigset_t		 pend;
	struct buf		 q = BUF_INIT;
	pid_t			 pid;
	int			 fds[2], status = 0, err, rc;

	if (pipe2(fds, O_CLOEXEC) == -1) {
		xasprintf(cause, "pipe: %s", strerror(errno));
		return (-1);
	}
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	dfl = ign;
	dfl.sa_handler = SIG_DFL;
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	sigaction(SIGTSTP, &dfl, &otstp);
	if ((pid = fork()) == -1) {
		err = errno;
		close(fds[0]);
		close(fds[1]);
		xasprintf(cause, "fork: %s", strerror(err));
		rc = -1;
		goto out;
	}
	if (pid == 0) {
		close(fds[0]);
		script_child_defaults();
		if (in_fd != -1 && in_fd != STDIN_FILENO) {
			dup2(in_fd, STDIN_FILENO);
			close(in_fd);
		}
		hook_exec(argv, NULL, fds[1]);
	}
	close(fds[1]);
	err = hook_exec_error(fds[0]);
	while ((rc = waitpid(pid, &status, 0)) == -1 && errno == EINTR)
		;
	if (err != 0) {
		xasprintf(cause, "cannot run %s: %s", text_printable(&q,
		    argv[0]), strerror(err));
		rc = -1;
	} else if (rc == -1) {
		xasprintf(cause, "waitpid: %s", strerror(errno));
		rc = -1;
	} else if (WIFEXITED(status))
		rc = WEXITSTATUS(status);
	else
		rc = 256 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
out:
	/* A C-c meant for the command may wait here too: Linux keeps an
	 * ignored signal pending while it is blocked, as the reader's loop
	 * keeps its signals, and it would end the reader once the handler
	 * is back. */
	sigemptyset(&pend);
	sigaddset(&pend, SIGINT);
	sigaddset(&pend, SIGQUIT);
	while (sigtimedwait(&pend, NULL, &zero) > 0)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	sigaction(SIGTSTP, &otstp, NULL);
	buf_release(&q);
	return (rc);
}

/* A command's standard input holding data (see hook.h). */
int
hook_tmpfile(const void *data, size_t len, char **cause)
{
	const char	*dir = getenv("TMPDIR");
	char		*path;
	size_t		 off;
	ssize_t		 n;
	int		 fd, err;

	if (dir == NULL || dir[0] != '/')
		dir = "/tmp";
	xasprintf(&path, "%s/tidings.XXXXXX", dir);
	if ((fd = mkostemp(path, O_CLOEXEC)) == -1) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		free(path);
		return (-1);
	}
	unlink(path);
	for (off = 0; off < len; off += (size_t)n) {
		if ((n = write(fd, (const char *)data + off, len - off)) ==
		    -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			err = errno;
			xasprintf(cause, "%s: %s", path, strerror(err));
			free(path);
			close(fd);
			return (-1);
		}
	}
	free(path);
	if (lseek(fd, 0, SEEK_SET) == -1) {
		xasprintf(cause, "lseek: %s", strerror(errno));
		close(fd);
		return (-1);
	}
	return (fd);
}

/* Say what a status of hook_wait() means. */
void
hook_status(struct buf *b, int status)
{
	if (status < 256)
		buf_addf(b, "exited with status %d", status);
	else
		buf_addf(b, "was killed by signal %d (%s)", status - 256,
		    strsignal(status - 256));
}

/* Append a file name made of title (see hook.h). */
void
hook_file_name(struct buf *b, const char *title)
{
	const unsigned char	*p = (const unsigned char *)title;
	size_t			 start = b->len, len = strlen(title), n, last;
	uint32_t		 cp;
	int			 blank = 0;

	while (len > 0) {
		if ((n = utf8_decode(p, len, &cp)) == 0) {
			cp = 0xfffd;
			n = 1;
		}
		p += n;
		len -= n;
		if (cp == '/')
			cp = '-';
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    cp == ' ' || cp == 0xa0 || text_safe_cp(cp) != cp) {
			blank = 1;
			continue;
		}
		/* Nothing may start the name that hides it (".") or reads
		 * as an option ("-"). */
		if (b->len == start && (cp == '.' || cp == '-')) {
			blank = 0;
			continue;
		}
		last = b->len;
		if (blank && b->len > start)
			buf_addch(b, ' ');
		blank = 0;
		utf8_encode(b, cp);
		if (b->len - start > HOOK_NAME_MAX) {
			buf_truncate(b, last);
			break;
		}
	}
	if (b->len == start)
		buf_addstr(b, "untitled");
}

/* Create a new file named from title in dir (see hook.h). */
int
hook_create(const char *dir, const char *title, const char *ext,
    char **path, char **cause)
{
	struct buf	 base = BUF_INIT, p = BUF_INIT;
	int		 fd = -1, k;

	buf_addf(&p, "%s/x", dir);
	if (util_mkdirs_for(p.data, cause) != 0) {
		buf_release(&p);
		return (-1);
	}
	hook_file_name(&base, title);
	for (k = 1; k <= HOOK_TRIES; k++) {
		buf_reset(&p);
		buf_addf(&p, "%s%s%s", dir, dir[0] != '\0' &&
		    dir[strlen(dir) - 1] == '/' ? "" : "/", base.data);
		if (k > 1)
			buf_addf(&p, "-%d", k);
		buf_addstr(&p, ext);
		if ((fd = open(p.data, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0666)) != -1)
			break;
		if (errno != EEXIST) {
			xasprintf(cause, "%s: %s", p.data, strerror(errno));
			buf_release(&p);
			buf_release(&base);
			return (-1);
		}
	}
	buf_release(&base);
	if (fd == -1) {
		xasprintf(cause, "%s: %d files of that name already", dir,
		    HOOK_TRIES);
		buf_release(&p);
		return (-1);
	}
	*path = buf_detach(&p, NULL);
	return (fd);
}

/* The download directory user-dirs.dirs names, with home for $HOME, or
 * NULL. Its lines read XDG_DOWNLOAD_DIR="$HOME/Downloads" (or an
 * absolute path); this is what xdg-user-dir(1) reads. */
static char *
hook_user_dirs(const char *home)
{
	const char	*xch;
	char		*path, line[4096], *p, *end, *dir = NULL;
	FILE		*f;

	if ((xch = getenv("XDG_CONFIG_HOME")) != NULL && xch[0] == '/')
		xasprintf(&path, "%s/user-dirs.dirs", xch);
	else
		xasprintf(&path, "%s/.config/user-dirs.dirs", home);
	f = fopen(path, "r");
	free(path);
	if (f == NULL)
		return (NULL);
	while (dir == NULL && fgets(line, sizeof line, f) != NULL) {
		p = line + strspn(line, " \t");
		if (strncmp(p, "XDG_DOWNLOAD_DIR=\"", 18) != 0)
			continue;
		p += 18;
		if ((end = strchr(p, '"')) == NULL)
			continue;
		*end = '\0';
		if (strncmp(p, "$HOME", 5) == 0 && (p[5] == '/' ||
		    p[5] == '\0'))
			xasprintf(&dir, "%s%s", home, p + 5);
		else if (p[0] == '/')
			dir = xstrdup(p);
	}
	fclose(f);
	return (dir);
}

/* The directory for downloads (see hook.h). */
char *
hook_download_dir(void)
{
	const char	*env;
	char		*home, *dir;

	if ((env = getenv("XDG_DOWNLOAD_DIR")) != NULL && env[0] == '/')
		return (xstrdup(env));
	if ((home = util_home()) == NULL)
		return (NULL);
	if ((dir = hook_user_dirs(home)) == NULL)
		xasprintf(&dir, "%s/Downloads", home);
	free(home);
	return (dir);
}

/* Append the OSC 52 sequence for text (see hook.h). */
void
hook_osc52(struct buf *b, const char *text, size_t len)
{
	static const char	 b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*p = (const unsigned char *)text;
	size_t			 i;
	unsigned		 v;

	buf_addstr(b, "\033]52;c;");
	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];
		buf_addch(b, b64[v >> 18 & 63]);
		buf_addch(b, b64[v >> 12 & 63]);
		buf_addch(b, b64[v >> 6 & 63]);
		buf_addch(b, b64[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned)p[i] << 16;
		buf_addch(b, b64[v >> 18 & 63]);
		buf_addch(b, b64[v >> 12 & 63]);
		buf_addstr(b, "==");
	} else if (len - i == 2) {
		v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8;
		buf_addch(b, b64[v >> 18 & 63]);
		buf_addch(b, b64[v >> 12 & 63]);
		buf_addch(b, b64[v >> 6 & 63]);
		buf_addch(b, '=');
	}
	buf_addch(b, '\a');
}
