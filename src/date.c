/* date.c: dates as feeds and pages write them -> UTC seconds.
 *
 * Two grammars cover nearly every feed. Atom and Dublin Core use ISO 8601
 * (RFC 3339 and the W3C-DTF profile, often reduced to a date or a year);
 * RSS uses RFC 822, which publishers write in every way its readers have
 * ever accepted: the weekday missing or wrong, two-digit years, seconds or
 * spaces left out, dashes for spaces, full month names, asctime()'s order,
 * zones as names, single military letters or numbers, and comments such as
 * "(PST)" after them. A string that starts with four digits is read as ISO
 * 8601; anything else goes to a tolerant RFC 822 reader that takes the
 * pieces it recognises in any order and rejects words it does not know.
 *
 * Web pages write the same two, in looser forms: an ISO 8601 date with
 * one-digit months or days or something after it, or a date in a line of
 * English ("Published March 30, 2017 at 9:56 a.m. ET"). date_parse_page()
 * reads those too, with the same zones, names and calendar.
 *
 * Calendar arithmetic is done here, on 64-bit day counts, rather than with
 * timegm() or mktime(): those consult the TZ database or the locale, may
 * normalise impossible dates instead of rejecting them, and vary by libc.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "date.h"

struct date_parts {
	int	 year, month, day;
	int	 hour, min, sec;
	int	 off;		/* zone offset east of UTC, in minutes */
};

/* Named zones seen in feeds, with their offsets in minutes. */
static const struct {
	const char	*name;
	int		 off;
} date_zones[] = {
	{ "acdt", 630 },	{ "acst", 570 },	{ "adt", -180 },
	{ "aedt", 660 },	{ "aest", 600 },	{ "akdt", -480 },
	{ "akst", -540 },	{ "ast", -240 },	{ "at", -240 },
	{ "awst", 480 },	{ "bst", 60 },		{ "cat", 120 },
	{ "cdt", -300 },	{ "cest", 120 },	{ "cet", 60 },
	{ "cst", -360 },	{ "ct", -360 },		{ "eat", 180 },
	{ "edt", -240 },	{ "eest", 180 },	{ "eet", 120 },
	{ "est", -300 },	{ "et", -300 },		{ "gmt", 0 },
	{ "hkt", 480 },		{ "hst", -600 },	{ "idt", 180 },
	{ "ist", 330 },		{ "jst", 540 },		{ "kst", 540 },
	{ "mdt", -360 },	{ "mest", 120 },	{ "met", 60 },
	{ "msk", 180 },		{ "mst", -420 },	{ "mt", -420 },
	{ "ndt", -150 },	{ "nst", -210 },	{ "nzdt", 780 },
	{ "nzst", 720 },	{ "pdt", -420 },	{ "pkt", 300 },
	{ "pst", -480 },	{ "pt", -480 },		{ "sast", 120 },
	{ "sgt", 480 },		{ "ut", 0 },		{ "utc", 0 },
	{ "wast", 120 },	{ "wat", 60 },		{ "west", 60 },
	{ "wet", 0 },		{ "z", 0 },
};

static const char *const date_months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

/*
 * Month names of the languages whose blogs write RFC 822 dates in their own
 * words ("Di, 02 M\xc3\xa4r 2021", "mar., 02 f\xc3\xa9vr. 2021"): German, French,
 * Spanish, Italian, Dutch and Portuguese, lower case, and Greek's short
 * names, in UTF-8. A word matches a name it is a prefix of, three bytes or
 * longer.
 */
static const struct {
	const char	*name;
	int		 month;
} date_months_intl[] = {
	{ "januar", 1 }, { "janvier", 1 }, { "enero", 1 }, { "gennaio", 1 },
	{ "januari", 1 }, { "janeiro", 1 },
	{ "februar", 2 }, { "f\xc3\xa9vrier", 2 }, { "fevrier", 2 },
	{ "febrero", 2 }, { "febbraio", 2 }, { "februari", 2 },
	{ "fevereiro", 2 },
	{ "m\xc3\xa4rz", 3 }, { "maerz", 3 }, { "mrz", 3 }, { "mars", 3 },
	{ "marzo", 3 }, { "maart", 3 }, { "mrt", 3 }, { "mar\xc3\xa7o", 3 },
	{ "avril", 4 }, { "abril", 4 }, { "aprile", 4 },
	{ "mai", 5 }, { "mayo", 5 }, { "maggio", 5 }, { "mei", 5 },
	{ "maio", 5 },
	{ "juni", 6 }, { "juin", 6 }, { "junio", 6 }, { "giugno", 6 },
	{ "junho", 6 },
	{ "juli", 7 }, { "juillet", 7 }, { "julio", 7 }, { "luglio", 7 },
	{ "julho", 7 },
	{ "ao\xc3\xbbt", 8 }, { "aout", 8 }, { "agosto", 8 }, { "augustus", 8 },
	{ "septembre", 9 }, { "septiembre", 9 }, { "setiembre", 9 },
	{ "settembre", 9 }, { "setembro", 9 },
	{ "oktober", 10 }, { "octobre", 10 }, { "octubre", 10 },
	{ "ottobre", 10 }, { "outubro", 10 },
	{ "novembre", 11 }, { "noviembre", 11 }, { "novembro", 11 },
	{ "dezember", 12 }, { "d\xc3\xa9" "cembre", 12 }, { "decembre", 12 },
	{ "diciembre", 12 }, { "dicembre", 12 }, { "dezembro", 12 },
	/* Greek, as written: capital first, with or without accents */
	{ "\xce\x99\xce\xb1\xce\xbd", 1 }, { "\xce\xa6\xce\xb5\xce\xb2", 2 },
	{ "\xce\x9c\xce\xac\xcf\x81", 3 }, { "\xce\x9c\xce\xb1\xcf\x81", 3 },
	{ "\xce\x91\xcf\x80\xcf\x81", 4 }, { "\xce\x9c\xce\xac\xce\xb9", 5 },
	{ "\xce\x9c\xce\xb1\xce\x90", 5 }, { "\xce\x9c\xce\xb1\xce\xb9", 5 },
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbd", 6 },
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbd", 6 },
	{ "\xce\x99\xce\xbf\xcf\x8d\xce\xbb", 7 },
	{ "\xce\x99\xce\xbf\xcf\x85\xce\xbb", 7 },
	{ "\xce\x91\xcf\x8d\xce\xb3", 8 }, { "\xce\x91\xcf\x85\xce\xb3", 8 },
	{ "\xce\xa3\xce\xb5\xcf\x80", 9 },
	{ "\xce\x9f\xce\xba\xcf\x84", 10 },
	{ "\xce\x9d\xce\xbf\xce\xad", 11 },
	{ "\xce\x9d\xce\xbf\xce\xb5", 11 },
	{ "\xce\x94\xce\xb5\xce\xba", 12 },
};

static const char *const date_wdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

/* Is c an ASCII digit? (isdigit() depends on the locale.) */
static int
date_isdigit(int c)
{
	return (c >= '0' && c <= '9');
}

/* Is c an ASCII letter? */
static int
date_isalpha(int c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/* Is c blank? */
static int
date_isspace(int c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

/* Read exactly n digits at *pp into *v; return 0, or -1 without moving. */
static int
date_digits(const char **pp, int n, int *v)
{
	const char	*p = *pp;
	int		 i, x = 0;

	for (i = 0; i < n; i++) {
		if (!date_isdigit(p[i]))
			return (-1);
		x = x * 10 + (p[i] - '0');
	}
	*pp = p + n;
	*v = x;
	return (0);
}

/* How many digits start at p. */
static int
date_ndigits(const char *p)
{
	int	 n = 0;

	while (date_isdigit(p[n]))
		n++;
	return (n);
}

/* Is year y a leap year in the proleptic Gregorian calendar? */
static int
date_leap(int y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

/* Days in month m (1-12) of year y. */
static int
date_mdays(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && date_leap(y))
		return (29);
	return (days[m - 1]);
}

/* Days from 1970-01-01 to y-m-d (Howard Hinnant's days_from_civil). */
int64_t
date_days(int64_t y, int m, int d)
{
	int64_t	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

/* Check the parts and turn them into UTC seconds; -1 if impossible. */
static int
date_make(const struct date_parts *dp, int64_t *t)
{
	int64_t	 days;

	if (dp->year < 1 || dp->year > 9999 || dp->month < 1 ||
	    dp->month > 12 || dp->day < 1 ||
	    dp->day > date_mdays(dp->year, dp->month))
		return (-1);
	if (dp->hour < 0 || dp->min < 0 || dp->min > 59 || dp->sec < 0 ||
	    dp->sec > 60)
		return (-1);
	if (dp->hour > 24 || (dp->hour == 24 && (dp->min != 0 || dp->sec != 0)))
		return (-1);
	days = date_days(dp->year, dp->month, dp->day);
	*t = days * 86400 + dp->hour * 3600 + dp->min * 60 + dp->sec -
	    (int64_t)dp->off * 60;
	return (0);
}

/* Find a zone name (lower case, len bytes) in the table. */
static int
date_zone_name(const char *name, size_t len, int *off)
{
	size_t	 i;

	for (i = 0; i < sizeof date_zones / sizeof date_zones[0]; i++) {
		if (strlen(date_zones[i].name) == len &&
		    memcmp(date_zones[i].name, name, len) == 0) {
			*off = date_zones[i].off;
			return (0);
		}
	}
	/*
	 * RFC 822's military zones, with the signs RFC 822 gives them
	 * (A is -1, N is +1). RFC 1123 notes that the signs were the wrong
	 * way round, but this is what the letters have meant to feed readers.
	 */
	if (len == 1 && name[0] >= 'a' && name[0] <= 'y' && name[0] != 'j') {
		if (name[0] <= 'i')
			*off = -(name[0] - 'a' + 1) * 60;
		else if (name[0] <= 'm')
			*off = -(name[0] - 'k' + 10) * 60;
		else
			*off = (name[0] - 'n' + 1) * 60;
		return (0);
	}
	return (-1);
}

/*
 * Read a numeric offset at *pp ("+05:30", "-0800", "+05", "+5", and the
 * digit short of "+0530": "+530", "+000") into *off in minutes. Return 0,
 * or -1 if there is none.
 */
static int
date_zone_num(const char **pp, int *off)
{
	const char	*p = *pp;
	int		 sign, n, h = 0, m = 0;

	if (*p != '+' && *p != '-')
		return (-1);
	sign = *p++ == '-' ? -1 : 1;
	n = date_ndigits(p);
	if (n == 4 || n == 3) {
		date_digits(&p, n - 2, &h);
		date_digits(&p, 2, &m);
	} else if (n == 1 || n == 2) {
		date_digits(&p, n, &h);
		if (*p == ':') {
			p++;
			if (date_digits(&p, 2, &m) != 0)
				return (-1);
		}
	} else
		return (-1);
	if (h > 23 || m > 59)
		return (-1);
	*off = sign * (h * 60 + m);
	*pp = p;
	return (0);
}

/*
 * Read a zone at *pp: "Z", a numeric offset, or a name, which may carry an
 * offset of its own ("GMT+1", "UTC-05:00"). Return 0, or -1 if none.
 */
static int
date_zone(const char **pp, int *off)
{
	const char	*p = *pp;
	char		 name[8];
	size_t		 n = 0;
	int		 extra;

	if (date_zone_num(pp, off) == 0)
		return (0);
	while (date_isalpha(p[n])) {
		if (n >= sizeof name)
			return (-1);
		name[n] = p[n] | 0x20;
		n++;
	}
	if (n == 0 || date_zone_name(name, n, off) != 0)
		return (-1);
	p += n;
	if (*off == 0 && date_zone_num(&p, &extra) == 0)
		*off = extra;
	*pp = p;
	return (0);
}

/* Skip blanks; return the new position. */
static const char *
date_skip(const char *p)
{
	while (date_isspace(*p))
		p++;
	return (p);
}

/*
 * Read an ISO 8601 time at *pp (hh, hh:mm, hh:mm:ss, hhmm, hhmmss, each
 * with an optional fraction of a second, which is dropped) and the zone
 * after it, if any.
 */
static int
date_iso_time(const char **pp, struct date_parts *dp, int loose)
{
	const char	*p = *pp;
	int		 n = date_ndigits(p);

	if (loose) {
		/* Pages write h:mm or hh:mm, never the basic forms. */
		if ((n != 1 && n != 2) || p[n] != ':')
			return (-1);
		date_digits(&p, n, &dp->hour);
	} else if (n == 2 || n == 4 || n == 6) {
		date_digits(&p, 2, &dp->hour);
		if (n >= 4)
			date_digits(&p, 2, &dp->min);
		if (n == 6)
			date_digits(&p, 2, &dp->sec);
	} else
		return (-1);
	if (n <= 2 && *p == ':') {
		p++;
		if (date_digits(&p, 2, &dp->min) != 0)
			return (-1);
		if (*p == ':') {
			p++;
			if (date_digits(&p, 2, &dp->sec) != 0)
				return (-1);
		}
	}
	/* A fraction, or the point of one with its digits left out. */
	if ((*p == '.' && !loose) || ((*p == '.' || *p == ',') &&
	    date_isdigit(p[1]))) {
		p++;
		while (date_isdigit(*p))
			p++;
	}
	p = date_skip(p);
	if (*p != '\0' && date_zone(&p, &dp->off) != 0) {
		if (!loose)
			return (-1);
		dp->off = 0;		/* an unknown zone reads as UTC */
	}
	/* "+00:00Z": a Z after an offset says it again. */
	if ((*p == 'Z' || *p == 'z') && date_isdigit(p[-1]))
		p++;
	*pp = p;
	return (0);
}

/* Set dp's date to day d (1-based) of week w of ISO week-numbering year y. */
static int
date_week(struct date_parts *dp, int y, int w, int d)
{
	int64_t	 jan4, monday, day, era, doe, yoe, doy, mp;
	int	 wd;

	if (w < 1 || w > 53 || d < 1 || d > 7)
		return (-1);
	jan4 = date_days(y, 1, 4);
	/* 0 is Monday; day 0, 1970-01-01, was a Thursday. */
	wd = (int)(((jan4 % 7) + 7 + 3) % 7);
	monday = jan4 - wd;
	day = monday + (int64_t)(w - 1) * 7 + (d - 1);
	/* Back from days to a civil date (Hinnant's civil_from_days). */
	day += 719468;
	era = (day >= 0 ? day : day - 146096) / 146097;
	doe = day - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dp->day = (int)(doy - (153 * mp + 2) / 5 + 1);
	dp->month = (int)(mp < 10 ? mp + 3 : mp - 9);
	dp->year = (int)(yoe + era * 400 + (dp->month <= 2));
	return (0);
}

/* Set dp's date to day n (1-366) of year y. */
static int
date_ordinal(struct date_parts *dp, int y, int n)
{
	int	 m;

	if (n < 1 || n > (date_leap(y) ? 366 : 365))
		return (-1);
	dp->year = y;
	for (m = 1; n > date_mdays(y, m); m++)
		n -= date_mdays(y, m);
	dp->month = m;
	dp->day = n;
	return (0);
}

/*
 * Parse ISO 8601 / RFC 3339 / W3C-DTF. loose reads a page's form of it:
 * a year, month and day (of one or two digits) with '-' or '/' between
 * them, an hour of one digit, an unknown zone as UTC, and whatever
 * follows left unread.
 */
static int
date_iso(const char *p, int64_t *t, int loose)
{
	struct date_parts	 dp;
	int			 y, w, d = 1, n, ext;

	memset(&dp, 0, sizeof dp);
	dp.month = dp.day = 1;
	if (date_digits(&p, 4, &y) != 0)
		return (-1);
	dp.year = y;
	ext = (*p == '-' || *p == '/');
	if (ext)
		p++;
	if (loose) {
		if (!ext || (n = date_ndigits(p)) < 1 || n > 2)
			return (-1);
		date_digits(&p, n, &dp.month);
		if ((*p != '-' && *p != '/') || (n = date_ndigits(++p)) < 1 ||
		    n > 2)
			return (-1);
		date_digits(&p, n, &dp.day);
	} else if (*p == 'W' || *p == 'w') {
		p++;
		if (date_digits(&p, 2, &w) != 0)
			return (-1);
		if (ext && *p == '-')
			p++;
		if (date_isdigit(*p))
			date_digits(&p, 1, &d);
		if (date_week(&dp, y, w, d) != 0)
			return (-1);
	} else if ((n = date_ndigits(p)) == 3 && (!ext || p[3] != '-')) {
		date_digits(&p, 3, &d);
		if (date_ordinal(&dp, y, d) != 0)
			return (-1);
	} else if (ext && n == 2) {
		date_digits(&p, 2, &dp.month);
		if (*p == '-' || *p == '/') {
			p++;
			if (date_digits(&p, 2, &dp.day) != 0)
				return (-1);
		}
	} else if (!ext && n == 4) {
		date_digits(&p, 2, &dp.month);
		date_digits(&p, 2, &dp.day);
	} else if (ext || n != 0)
		return (-1);

	if (*p == 'T' || *p == 't' || date_isspace(*p)) {
		if (*p == 'T' || *p == 't')
			p++;
		p = date_skip(p);
		if (date_isdigit(*p) && date_iso_time(&p, &dp, loose) != 0)
			return (-1);
	}
	if (!loose && *date_skip(p) != '\0')
		return (-1);
	return (date_make(&dp, t));
}

/* Match a lower-case word against full names, accepting any prefix of three
 * letters or more ("sep", "sept", "thurs"). Return the index, or -1. */
static int
date_name(const char *w, size_t len, const char *const *names, int n)
{
	int	 i;

	if (len < 3)
		return (-1);
	for (i = 0; i < n; i++)
		if (len <= strlen(names[i]) && strncmp(names[i], w, len) == 0)
			return (i);
	return (-1);
}

/* The month a word (lower case, len bytes) names in another language, or
 * -1 when it names none or months that differ ("jui": juin or juillet). */
static int
date_month_intl(const char *w, size_t len)
{
	size_t	 i;
	int	 m = -1;

	if (len < 3)
		return (-1);
	for (i = 0; i < sizeof date_months_intl / sizeof date_months_intl[0];
	    i++) {
		if (len > strlen(date_months_intl[i].name) ||
		    strncmp(date_months_intl[i].name, w, len) != 0)
			continue;
		if (m != -1 && m != date_months_intl[i].month)
			return (-1);
		m = date_months_intl[i].month;
	}
	return (m);
}

/*
 * Parse the RFC 822 family, taking its pieces in whatever order they come:
 * "Sun, 19 May 2002 15:21:36 GMT", "19 May 02 15:21 +0100",
 * "Sunday, 19-May-2002 15:21:36 GMT", "Sun May 19 15:21:36 2002",
 * "May 19, 2002 3:21 PM EST" and so on.
 */
static int
date_rfc822(const char *p, int64_t *t)
{
	struct date_parts	 dp;
	char			 word[16];
	size_t			 len;
	int			 have_time = 0, have_zone = 0, n, v, i;

	memset(&dp, 0, sizeof dp);
	dp.year = dp.month = dp.day = -1;
	for (;;) {
		while (date_isspace(*p) || *p == ',' || *p == '.' ||
		    (*p == '-' && !(have_time && date_isdigit(p[1]))) ||
		    *p == '/')
			p++;
		if (*p == '\0')
			break;
		if (*p == '(') {		/* a comment: "-0800 (PST)" */
			while (*p != '\0' && *p != ')')
				p++;
			if (*p == ')')
				p++;
			continue;
		}
		if (date_isdigit(*p)) {
			n = date_ndigits(p);
			if (p[n] == ':') {
				if (have_time || n > 2)
					return (-1);
				date_digits(&p, n, &dp.hour);
				p++;
				if (date_digits(&p, 2, &dp.min) != 0)
					return (-1);
				if (*p == ':') {
					p++;
					if (date_digits(&p, 2, &dp.sec) != 0)
						return (-1);
				}
				if (*p == '.' && date_isdigit(p[1]))
					for (p++; date_isdigit(*p); p++)
						;
				have_time = 1;
				continue;
			}
			if (n > 4)
				return (-1);
			date_digits(&p, n, &v);
			if (n <= 2 && dp.day == -1)
				dp.day = v;
			else if (dp.year == -1) {
				if (n == 4)
					dp.year = v;
				else if (n == 3)
					dp.year = v + 1900;
				else
					dp.year = v < 50 ? v + 2000 : v + 1900;
			} else
				return (-1);
			continue;
		}
		if ((*p == '+' || *p == '-') && have_time) {
			/* A second offset ("+0000 +0000") repeats the first. */
			if (date_zone_num(&p, have_zone ? &v : &dp.off) != 0)
				return (-1);
			have_zone = 1;
			continue;
		}
		/* Words are ASCII letters, and UTF-8 for other languages. */
		if (!date_isalpha(*p) && (unsigned char)*p < 0x80)
			return (-1);
		for (len = 0; date_isalpha(p[len]) ||
		    (unsigned char)p[len] >= 0x80; len++)
			if (len < sizeof word - 1)
				word[len] = date_isalpha(p[len]) ? p[len] | 0x20 :
				    p[len];
		if (len >= sizeof word)
			return (-1);
		word[len] = '\0';
		if (dp.day == -1 && dp.month == -1 && dp.year == -1 &&
		    !have_time && (p[len] == ',' ||
		    (p[len] == '.' && p[len + 1] == ','))) {
			/* A weekday in any language, "Di," or "mar.," (which
			 * is no March). */
			p += len;
		} else if ((i = date_name(word, len, date_months, 12)) != -1 &&
		    dp.month == -1) {
			dp.month = i + 1;
			p += len;
		} else if (date_name(word, len, date_wdays, 7) != -1 &&
		    !have_time) {
			p += len;
		} else if (dp.month == -1 && !have_time &&
		    (i = date_month_intl(word, len)) != -1) {
			dp.month = i;
			p += len;

		} else if (have_time && (strcmp(word, "am") == 0 ||
		    strcmp(word, "pm") == 0)) {
			if (dp.hour < 1 || dp.hour > 12)
				return (-1);
			if (dp.hour == 12)
				dp.hour = 0;
			if (word[0] == 'p')
				dp.hour += 12;
			p += len;
		} else if (have_time && !have_zone) {
			/* An unknown zone name is read as UTC, as RFC 822
			 * asks for zones it does not define. */
			if (date_zone(&p, &dp.off) != 0) {
				if (len > 5)
					return (-1);
				p += len;
				dp.off = 0;
			}
			have_zone = 1;
		} else if (have_zone && date_zone_name(word, len, &v) == 0)
			p += len;		/* "+0000 GMT": a second zone */
		else
			return (-1);
	}
	if (dp.day == -1 || dp.month == -1 || dp.year == -1)
		return (-1);
	return (date_make(&dp, t));
}

/* Parse a date in either grammar into UTC seconds. */
int
date_parse(const char *s, int64_t *t)
{
	char	 full[64];
	int	 yy;

	if (s == NULL)
		return (-1);
	s = date_skip(s);
	if (date_ndigits(s) >= 4 && date_iso(s, t, 0) == 0)
		return (0);
	/* ISO 8601:1988's two-digit year, "03-12-31", with RFC 2822's
	 * century. */
	if (date_ndigits(s) == 2 && s[2] == '-' && date_ndigits(s + 3) == 2 &&
	    s[5] == '-' && date_ndigits(s + 6) == 2 && strlen(s) < 50) {
		yy = (s[0] - '0') * 10 + (s[1] - '0');
		snprintf(full, sizeof full, "%d%s", yy < 50 ? 2000 + yy :
		    1900 + yy, s + 2);
		if (date_iso(full, t, 0) == 0)
			return (0);
	}
	return (date_rfc822(s, t));
}

/*
 * A zone after a time in prose: a numeric offset, or a zone name written
 * in capitals ("ET", "GMT"; "at" or "met" are words), not a lone military
 * letter other than Z. Return 0 and set *off in minutes, or -1.
 */
static int
date_prose_zone(const char *p, int *off)
{
	size_t	 n;

	if (*p == '+' || *p == '-')
		return (date_zone_num(&p, off));
	for (n = 0; p[n] >= 'A' && p[n] <= 'Z'; n++)
		;
	if (n == 0 || date_isalpha(p[n]) || (n == 1 && *p != 'Z'))
		return (-1);
	return (date_zone(&p, off));
}

/* The length of "am", "pm", "a.m." or "p.m." (any case) at p, or 0. */
static size_t
date_ampm(const char *p)
{
	if ((*p | 0x20) != 'a' && (*p | 0x20) != 'p')
		return (0);
	if ((p[1] | 0x20) == 'm' && !date_isalpha(p[2]))
		return (2);
	if (p[1] == '.' && (p[2] | 0x20) == 'm' && p[3] == '.')
		return (4);
	return (0);
}

/*
 * English prose: "Thu, 30 Mar 2017 13:56:35 GMT", "March 30, 2017 9:56
 * AM ET", "Published 30 March 2017 at 9:56 a.m.": a month name, the first
 * number from 1 to 31 as the day, the last four-digit number as the year
 * (from 1900), the first time, with "am" or "pm" and a zone after it.
 * Other words and numbers are passed over.
 */
static int
date_prose(const char *p, int64_t *t)
{
	struct date_parts	 dp;
	char			 word[16];
	size_t			 len;
	int			 have_time = 0, n, v = 0, i;

	memset(&dp, 0, sizeof dp);
	dp.year = dp.month = dp.day = -1;
	while (*p != '\0') {
		if (date_isdigit(*p)) {
			n = date_ndigits(p);
			if (n <= 2 && p[n] == ':' && !have_time) {
				date_digits(&p, n, &dp.hour);
				p++;
				if (date_digits(&p, 2, &dp.min) != 0 ||
				    (*p == ':' && (p++,
				    date_digits(&p, 2, &dp.sec) != 0)) ||
				    dp.hour > 23)
					return (-1);
				have_time = 1;
				p = date_skip(p);
				len = date_ampm(p);
				if (len > 0) {
					if ((*p | 0x20) == 'p' && dp.hour < 12)
						dp.hour += 12;
					else if ((*p | 0x20) == 'a' &&
					    dp.hour == 12)
						dp.hour = 0;
					p = date_skip(p + len);
				}
				if (date_prose_zone(p, &dp.off) != 0)
					dp.off = 0;
				continue;
			}
			date_digits(&p, n < 9 ? n : 9, &v);
			p += n - (n < 9 ? n : 9);
			if (n == 4)
				dp.year = v;
			else if (n <= 2 && dp.day < 0 && v >= 1 && v <= 31)
				dp.day = v;
			continue;
		}
		if (date_isalpha(*p)) {
			for (len = 0; date_isalpha(p[len]); len++)
				if (len < sizeof word)
					word[len] = p[len] | 0x20;
			if (dp.month < 0 && len <= sizeof word &&
			    (i = date_name(word, len, date_months, 12)) != -1)
				dp.month = i + 1;
			p += len;
			continue;
		}
		p++;
	}
	if (dp.year < 1900 || dp.month < 0 || dp.day < 0)
		return (-1);
	return (date_make(&dp, t));
}

/* Read a date the way pages write it (see date.h). */
int
date_parse_page(const char *s, int64_t *t)
{
	if (s == NULL)
		return (-1);
	s = date_skip(s);
	if (date_iso(s, t, 1) == 0 || date_parse(s, t) == 0)
		return (0);
	return (date_prose(s, t));
}
