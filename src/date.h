/* date.h: dates as feeds and pages write them -> UTC seconds. */
#ifndef TIDINGS_DATE_H
#define TIDINGS_DATE_H

#include <stdint.h>

/*
 * Parse an RFC 822/1123 date in its real-world variants (named and numeric
 * zones, military zones, missing seconds or weekday, wrong weekdays,
 * two-digit years, extra spaces) or an RFC 3339 / ISO 8601 date (with or
 * without zone, fractional seconds, date only, week and ordinal dates).
 * A date without a zone is read as UTC. Return 0 and set *t, or -1 when
 * s is not a date. Thread-safe; no locale or TZ is consulted.
 */
int	 date_parse(const char *s, int64_t *t);

/*
 * Read a date the way web pages write them: ISO 8601 as in meta tags,
 * JSON-LD and <time datetime> ("2017-03-30", "2017-3-30T9:56:35.123
 * +02:00 and more", with '/' or a space allowed, an unknown zone read as
 * UTC), then whatever date_parse() reads, then English prose
 * ("Published March 30, 2017 at 9:56 a.m. ET", "30 March 2017": a month
 * name, a day, a year from 1900, an optional time, am or pm and zone).
 * Return 0 and set *t, or -1. Thread-safe; no locale or TZ is consulted.
 */
int	 date_parse_page(const char *s, int64_t *t);

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1-12);
 * negative before 1970. Any year; no validation of d. */
int64_t	 date_days(int64_t y, int m, int d);

#endif /* TIDINGS_DATE_H */
