/* hook.h: the user's commands run from a key: argument templates filled
 * in with an item's fields, run without a shell, detached or in the
 * foreground; the file names "save" writes and the clipboard sequence of
 * "copy-link".
 *
 * Nothing here knows about curses: the caller suspends the screen around
 * hook_wait(). Between fork and exec only async-signal-safe calls are
 * made, since the caller has threads. */
#ifndef TIDINGS_HOOK_H
#define TIDINGS_HOOK_H

#include <stddef.h>

struct buf;

/* The fields a template may name; NULL stands for "". */
struct hook_vars {
	const char	*link;		/* %u */
	const char	*enclosure;	/* %e: the first enclosure's URL */
	const char	*title;		/* %t */
	const char	*author;	/* %a */
	const char	*feed_url;	/* %f */
	const char	*feed_title;	/* %F */
};

/* Check the n words of a template: every "%" starts a placeholder of
 * hook_vars or "%%". Return 0, or -1 and set *cause. */
int	 hook_check(char *const *tmpl, size_t n, char **cause);

/*
 * Read the words given to exec (allow_wait) or pipe-to: an optional -w
 * (exec only: wait, in the foreground), an optional -- ending the
 * options, then a template (hook_check()). Set *wait and *start (the
 * template's first word) and return 0, or return -1 and set *cause.
 */
int	 hook_command(char *const *w, size_t n, int allow_wait, int *wait,
	     size_t *start, char **cause);

/*
 * Fill the n words of a template in: each word becomes exactly one
 * argument, whatever its placeholders hold (blanks, quotes, $(...),
 * newlines and a leading "-" are bytes of that argument; no shell ever
 * sees them), "%%" becomes "%" and a word that starts with "~/" (or is
 * "~") in the template itself starts with the home directory instead.
 * %u, %e and %f must be absolute URLs (a scheme, so never a leading
 * "-"): a missing or relative one is an error rather than an empty
 * argument; the others may be "". Return 0 and a NULL-terminated vector
 * (free it with util_argv_free()), or -1 and set *cause.
 */
int	 hook_expand(char *const *tmpl, size_t n, const struct hook_vars *,
	     char ***argv, char **cause);

/*
 * Start argv detached: in a session of its own, with standard input,
 * output and error on /dev/null (and no other descriptor of this
 * process, here or in hook_wait()) and envp as its environment (NULL: this
 * process's), reparented to init so that nothing need reap it. Return 0
 * once it runs, or -1 and set *cause when it could not be started (a
 * command not found says so).
 */
int	 hook_detach(char *const *argv, char *const *envp, char **cause);

/*
 * Run argv in the foreground on this process's terminal and wait for it,
 * with in_fd (when not -1) as its standard input. While it runs, SIGINT
 * and SIGQUIT are ignored here (the command takes them, as system(3)
 * does) and SIGTSTP stops this process with it, so C-c ends the command
 * and never the caller, and C-z suspends both to the shell. Return its
 * exit status, 256 + N when signal N killed it (so that it is told
 * from any exit status, as hook_status() reads it), or -1 and set *cause
 * when it could not be run.
 */
int	 hook_wait(char *const *argv, int in_fd, char **cause);

/* A file holding len bytes of data, already unlinked, open for reading
 * from its start: a command's standard input. Return the descriptor
 * (close-on-exec), or -1 and set *cause. */
int	 hook_tmpfile(const void *data, size_t len, char **cause);

/* Append what a status of hook_wait() says: "exited with status 3",
 * "was killed by signal 9 (Killed)". */
void	 hook_status(struct buf *, int status);


/* Append a file name made of title: "/" and control characters become
 * "-" or spaces, a leading dot or dash is dropped, runs of blanks are
 * folded, and it is cut (at a character boundary) to 100 bytes; "untitled"
 * when nothing is left. */
void	 hook_file_name(struct buf *, const char *title);

/*
 * Create a new file in dir named from title (hook_file_name()) and ext
 * (".md"), never replacing one: when the name is taken "-2", "-3" ... go
 * before ext. dir and the directories above it are created (0700) when
 * missing. Return an open descriptor and set *path (caller frees), or -1
 * and set *cause.
 */
int	 hook_create(const char *dir, const char *title, const char *ext,
	     char **path, char **cause);

/* The directory for downloads: $XDG_DOWNLOAD_DIR, else the one that
 * ~/.config/user-dirs.dirs (or $XDG_CONFIG_HOME's) names, else
 * ~/Downloads. NULL when there is no home directory. Caller frees. */
char	*hook_download_dir(void);

/* Append the OSC 52 sequence that puts text on the terminal's clipboard
 * (its base64, terminated by BEL). */
void	 hook_osc52(struct buf *, const char *text, size_t len);

#endif /* TIDINGS_HOOK_H */
