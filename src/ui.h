/* ui.h: the terminal reader: feeds, items and article panes, a status
 * line and a prompt, drawn with ncursesw. */
#ifndef TIDINGS_UI_H
#define TIDINGS_UI_H

#include <stddef.h>

struct buf;
struct config;

/*
 * Run the reader on the feeds, settings, key bindings and colours of cfg
 * and the database at db_path, until the user quits. Call it with a
 * terminal on standard input and output, after the config loaded without
 * mistakes and with http_global_init() done. It opens its own store
 * connections (one for the screen, one per background refresh), installs
 * its own handlers for SIGINT, SIGTERM, SIGHUP and SIGWINCH for as long
 * as it runs and restores the old ones before it returns. Changes made at
 * its prompt (set, bind, color) change cfg. Return 0 when the user quit,
 * or -1 and set *cause when the reader could not start (no terminal, the
 * database cannot be opened); errors while it runs are shown on the
 * status line, never returned.
 */
int	 ui_run(struct config *cfg, const char *db_path, char **cause);

/*
 * Append s, as at most cols display columns, to out: the terminal gate of
 * text_printable() (controls, escape sequences, bidi overrides and invalid
 * UTF-8 become U+FFFD; runs of whitespace one space), then measured by
 * display width (CJK and emoji are two columns, combining marks none) and
 * cut with "…" when too wide; a wide character never straddles the
 * limit. Return the columns appended. It would sit in util.c beside
 * text_printable() but for its width table, which lives in render.c.
 */
size_t	 text_fit(struct buf *out, const char *s, size_t cols);

#endif /* TIDINGS_UI_H */
