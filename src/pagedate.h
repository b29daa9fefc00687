/* pagedate.h: dates as web pages write them -> UTC seconds. */
#ifndef TIDINGS_PAGEDATE_H
#define TIDINGS_PAGEDATE_H

#include <stdint.h>

/*
 * Read a date the way pages write them: ISO 8601 as in meta tags,
 * JSON-LD and <time datetime> ("2017-03-30", "2017-03-30T13:56:35.123
 * +02:00", with '/' or a space allowed), then whatever date_parse()
 * reads, then English prose ("Thu, 30 Mar 2017 13:56:35 GMT", "March 30,
 * 2017 9:56 AM ET", "30 March 2017": a month name, a day, a year from
 * 1900, an optional time and US or UTC zone name). Leading whitespace is
 * skipped; an unknown zone reads as UTC. Return 0 and set *t, or -1.
 * Thread-safe; no locale or TZ is consulted.
 */
int	 pagedate_parse(const char *s, int64_t *t);

#endif /* TIDINGS_PAGEDATE_H */
