/* fuzz.h: what every harness in tests/fuzz shares.
 *
 * Each harness is one LLVMFuzzerTestOneInput() over one parser. Built with
 * clang -fsanitize=fuzzer it is a libFuzzer target ("make fuzz"); linked
 * with driver.c it replays files, which is how "make check" runs the seed
 * corpora and every input that once broke something (tests/fuzz/regress).
 * Besides what the sanitizers catch, a harness checks the promises the
 * module's header makes about its output and aborts when one is broken. */
#ifndef TIDINGS_FUZZ_H
#define TIDINGS_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

int	 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Stop with a message naming the broken promise; libFuzzer keeps the
 * input as a crash. */
#define FUZZ_ASSERT(c) do {						\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: promise broken: %s\n",		\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

#define FUZZ_NO_CONTROLS	0	/* no C0/C1 control or DEL */
#define FUZZ_LINE_BREAKS	1	/* '\n' and '\t' only */
#define FUZZ_ANY_CONTROLS	2	/* any but NUL */
#define FUZZ_TERMINAL		3	/* FUZZ_NO_CONTROLS, and no line
					 * separator or bidi control */

/* Tell whether len bytes of s are valid UTF-8 without NUL, allowing the
 * controls said. */
static inline int
fuzz_text_ok(const char *s, size_t len, int controls)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, n;
	uint32_t		 c;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(p + i, len - i, &c)) == 0 || c == 0)
			return (0);
		if (controls == FUZZ_ANY_CONTROLS)
			continue;
		if (controls == FUZZ_TERMINAL && (c == 0x2028 ||
		    c == 0x2029 || (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x206f) || c == 0x200e ||
		    c == 0x200f || c == 0x061c))
			return (0);
		if ((c < 0x20 || (c >= 0x7f && c < 0xa0)) &&
		    (controls != FUZZ_LINE_BREAKS ||
		    (c != '\n' && c != '\t')))
			return (0);
	}
	return (1);
}

#endif /* TIDINGS_FUZZ_H */
