/* driver.c: run a fuzz harness over files, without libFuzzer.
 *
 * "make check" links each harness with this main() in the sanitizer build
 * and gives it the seed corpus and the regression inputs, so an input that
 * once broke something keeps being tried by every build, even where clang
 * is not installed. A crash or broken promise aborts; otherwise the exit
 * status is 0. */
#include <errno.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"

int
main(int argc, char *argv[])
{
	struct buf	 b = BUF_INIT;
	char		 chunk[8192];
	uint8_t		*copy;
	size_t		 n;
	FILE		*fp;
	int		 i;

	for (i = 1; i < argc; i++) {
		if ((fp = fopen(argv[i], "rb")) == NULL) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			buf_release(&b);
			return (1);
		}
		buf_reset(&b);
		while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
			buf_add(&b, chunk, n);
		if (ferror(fp)) {
			fprintf(stderr, "%s: read error\n", argv[i]);
			fclose(fp);
			buf_release(&b);
			return (1);
		}
		fclose(fp);
		/* An allocation of exactly the input's size, as libFuzzer
		 * gives, so that reading past its end is caught. */
		copy = xmalloc(b.len > 0 ? b.len : 1);
		memcpy(copy, b.data, b.len);
		LLVMFuzzerTestOneInput(copy, b.len);
		free(copy);
	}
	buf_release(&b);
	printf("%d inputs\n", argc - 1);
	return (0);
}
