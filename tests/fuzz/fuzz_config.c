/* fuzz_config.c: dotfile text -> config_load() and config_command().
 *
 * The input is written to a file in a private directory and loaded from
 * there, so that "include" lines resolve beside it as they do for a real
 * dotfile: the directory holds "inc" (a short valid file) and "loop"
 * (which includes "config" back), both named in config.dict. Each of the
 * first lines is then run again as a command typed at the UI's prompt.
 * Every value the loaded config holds must format and parse back to
 * itself, as "tidings --list-settings" and the prompt rely on. */
#include <sys/stat.h>

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "config.h"
#include "fuzz.h"

#define FUZZ_MAX_LEN	(64 << 10)
#define FUZZ_COMMANDS	16		/* lines also run as commands */

static char	 dir[64];
static char	 path[96];

/* Take the private directory away again. */
static void
fuzz_cleanup(void)
{
	char	 p[128];

	snprintf(p, sizeof p, "%s/inc", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/loop", dir);
	unlink(p);
	unlink(path);
	rmdir(dir);
}

/* Write len bytes to file p, replacing it. */
static void
fuzz_write(const char *p, const void *data, size_t len)
{
	int	 fd;

	if ((fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		fatal("%s", p);
	if (len > 0 && write(fd, data, len) != (ssize_t)len)
		fatal("%s", p);
	close(fd);
}

/* Make the private directory with the files the input may include. */
static void
fuzz_setup(void)
{
	static const char	 inc[] = "set refresh-interval 10m\n"
	    "bind items x quit\ncolor unread red default bold\n";
	static const char	 loop[] = "include config\n";
	const char		*tmp = getenv("TMPDIR");
	char			 p[128];

	snprintf(dir, sizeof dir, "%s/tidings-fuzz.XXXXXX",
	    tmp != NULL && strlen(tmp) < 32 ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		fatal("mkdtemp");
	snprintf(path, sizeof path, "%s/config", dir);
	snprintf(p, sizeof p, "%s/inc", dir);
	fuzz_write(p, inc, sizeof inc - 1);
	snprintf(p, sizeof p, "%s/loop", dir);
	fuzz_write(p, loop, sizeof loop - 1);
	atexit(fuzz_cleanup);
}

/* Check that every numeric setting of values reads back from its text. */
static void
check_values(const struct setting_value *values)
{
	const struct setting	*s;
	struct buf		 b = BUF_INIT;
	size_t			 i, n;
	int64_t			 v;
	char			*cause;

	s = config_settings(&n);
	for (i = 0; i < n; i++) {
		if (s[i].type == SET_STRING)
			continue;
		buf_reset(&b);
		config_format_value(&b, &s[i], values[s[i].id].n);
		if (config_parse_value(&s[i], b.data, &v, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", s[i].name, cause);
			FUZZ_ASSERT(!"a value does not read back");
		}
		FUZZ_ASSERT(v == values[s[i].id].n);
	}
	buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	struct config	 cfg;
	struct causes	 causes = CAUSES_INIT;
	const char	*p, *end, *nl;
	char		*line, *cause;
	size_t		 i;
	int		 rc;

	if (len > FUZZ_MAX_LEN)
		return (0);
	if (dir[0] == '\0')
		fuzz_setup();
	fuzz_write(path, data, len);

	config_init(&cfg);
	rc = config_load(path, &cfg, &causes);
	FUZZ_ASSERT((rc == 0) == (causes.n == 0));
	for (i = 0; i < causes.n; i++)
		FUZZ_ASSERT(fuzz_text_ok(causes.v[i], strlen(causes.v[i]),
		    FUZZ_TERMINAL));
	if (rc == 0) {
		check_values(cfg.values);
		for (i = 0; i < cfg.nfeeds; i++)
			FUZZ_ASSERT(config_check_url(cfg.feeds[i].url,
			    &cause) == 0);
	}

	p = (const char *)data;
	end = p + len;
	for (i = 0; i < FUZZ_COMMANDS && p < end; i++) {
		if ((nl = memchr(p, '\n', end - p)) == NULL)
			nl = end;
		line = xstrndup(p, nl - p);
		if (config_command(&cfg, line, &cause) != 0) {
			FUZZ_ASSERT(cause != NULL);
			free(cause);
		}
		free(line);
		p = nl + 1;
	}
	check_values(cfg.values);

	config_release(&cfg);
	causes_release(&causes);
	return (0);
}
