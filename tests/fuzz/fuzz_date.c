/* fuzz_date.c: text -> date_parse() and date_parse_page().
 *
 * The input is one date string as a feed or a page would carry it (cut at
 * the first NUL, as a C string is). */
#include <string.h>

#include "date.h"
#include "fuzz.h"

#define FUZZ_MAX_LEN	4096

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char	*s;
	int64_t	 t;

	if (len > FUZZ_MAX_LEN)
		return (0);
	s = xstrndup((const char *)data, len);
	(void)date_parse(s, &t);
	(void)date_parse_page(s, &t);
	free(s);
	return (0);
}
