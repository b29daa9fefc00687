/* bench/search.c: time store_search() on a database, as the reader's "/"
 * runs it: bench-search DB WORD... prints, for each word in turn, how long
 * the search took, how many items it found and how many items still wait
 * outside the search index afterwards. The first word meets whatever
 * backlog the database has. */
#include <stdio.h>
#include <stdlib.h>

#include "store.h"
#include "util.h"

int
main(int argc, char **argv)
{
	struct store		*st;
	struct store_item	*items;
	char			*cause;
	size_t			 n, left;
	double			 t;
	int			 i;

	if (argc < 3) {
		fprintf(stderr, "usage: bench-search DB WORD...\n");
		return (2);
	}
	if ((st = store_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "bench-search: %s\n", cause);
		return (1);
	}
	for (i = 2; i < argc; i++) {
		t = time_mono();
		if (store_search(st, argv[i], 1000, &items, &n, &cause) != 0) {
			fprintf(stderr, "bench-search: %s\n", cause);
			return (1);
		}
		t = time_mono() - t;
		store_items_free(items, n);
		/* Asking how much waits indexes one item at most. */
		if (store_index(st, 1, &left, &cause) != 0) {
			fprintf(stderr, "bench-search: %s\n", cause);
			return (1);
		}
		printf("search \"%s\": %.1f ms, %zu found, %zu%s waiting\n",
		    argv[i], t * 1000, n, left, left > 0 ? "+1" : "");
	}
	store_close(st);
	return (0);
}
