/* date.h: dates as feeds write them -> UTC seconds. */
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

/* Days from 1970-01-01 to the proleptic Gregorian date y-m-d (m 1-12);
 * negative before 1970. Any year; no validation of d. */
int64_t	 date_days(int64_t y, int m, int d);

#endif /* TIDINGS_DATE_H */
