/* subscribe.c: one way to subscribe, for the command line and the reader.
 *
 * "tidings add" and ":add" used to each find the feed and write the line
 * themselves, and so could drift apart; both now come here. What gets
 * written is checked by the dotfile's own parser before it is appended:
 * a feed link from a page may hold anything, and a line the parser then
 * rejects would stop every later start until the file is edited by hand. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "poll.h"
#include "subscribe.h"
#include "util.h"

/* Whether cfg lists url. */
int
subscribe_listed(const struct config *cfg, const char *url)
{
	size_t	 i;

	for (i = 0; i < cfg->nfeeds; i++)
		if (strcmp(cfg->feeds[i].url, url) == 0)
			return (1);
	return (0);
}

/* Find the feed at url and append its line to the dotfile. */
int
subscribe_add(const struct config *cfg, const char *url, char *const *tags,
    size_t ntags, long want, const atomic_int *stop,
    struct subscribe *sub, char **cause)
{
	struct buf	 line = BUF_INIT;

	memset(sub, 0, sizeof *sub);
	if (config_check_url(url, cause) != 0)
		return (-1);
	if (poll_discover(cfg, url, stop, &sub->found, &sub->nfound,
	    cause) != 0)
		return (-1);
	if (want > 0) {
		if ((size_t)want > sub->nfound) {
			xasprintf(cause, "the page names %zu feed%s, not %ld",
			    sub->nfound, sub->nfound == 1 ? "" : "s", want);
			return (-1);
		}
		sub->pick = (size_t)want - 1;
	} else
		/* The page's first feed, even when it is listed: adding the
		 * next one (often the comments) unasked surprised users who
		 * added a page twice. They name another with want. */
		sub->pick = 0;
	if (subscribe_listed(cfg, sub->found[sub->pick].url))
		return (SUBSCRIBE_LISTED);

	/* config_append() writes nothing that would not load back. */
	config_feed_line(&line, sub->found[sub->pick].url, NULL, tags, ntags);
	if (config_append(cfg->path, &line, cause) != 0) {
		buf_release(&line);
		return (-1);
	}
	buf_truncate(&line, line.len - 1);	/* the newline */
	sub->line = buf_detach(&line, NULL);
	return (SUBSCRIBE_ADDED);
}

/* Free what subscribe_add() filled in. */
void
subscribe_release(struct subscribe *sub)
{
	poll_found_free(sub->found, sub->nfound);
	free(sub->line);
	memset(sub, 0, sizeof *sub);
}

const struct config_sync *
subscribe_account(const struct config *cfg, const char *word, char **cause)
{
	const struct config_sync	*cs = NULL;
	struct buf			 q = BUF_INIT;
	char				*end;
	size_t				 i, n = 0;
	unsigned long			 num;

	if (cfg->nsyncs == 0) {
		*cause = xstrdup("--account: the dotfile has no sync line");
		return (NULL);
	}
	errno = 0;
	num = strtoul(word, &end, 10);
	if (*word >= '1' && *word <= '9' && *end == '\0' && errno == 0) {
		if (num <= cfg->nsyncs)
			return (&cfg->syncs[num - 1]);
		xasprintf(cause, "--account %lu: the dotfile has %zu sync "
		    "line%s", num, cfg->nsyncs, cfg->nsyncs == 1 ? "" : "s");
		return (NULL);
	}
	for (i = 0; i < cfg->nsyncs; i++)
		if (strcmp(cfg->syncs[i].type, word) == 0 ||
		    strcmp(cfg->syncs[i].url, word) == 0) {
			cs = &cfg->syncs[i];
			n++;
		}
	if (n == 1)
		return (cs);
	text_printable(&q, word);
	if (n == 0)
		xasprintf(cause, "--account %s: no sync line has that type "
		    "or URL; name it by its number, 1 to %zu", q.data,
		    cfg->nsyncs);
	else
		xasprintf(cause, "--account %s: %zu sync lines have it; name "
		    "one by its number", q.data, n);
	buf_release(&q);
	return (NULL);
}
