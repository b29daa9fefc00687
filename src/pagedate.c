/*
 * pagedate.c: dates as web pages write them. Pages write publication
 * dates as ISO 8601 (meta tags, JSON-LD, <time datetime>) and sometimes
 * as RFC 822 or English prose ("March 30, 2017 9:56 AM ET"); both are
 * read into UTC seconds without consulting the locale or TZ.
 */
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "date.h"
#include "pagedate.h"
#include "util.h"

/* Read up to max digits at *s; -1 if there are fewer than min. */
static int
date_num(const char **s, int min, int max)
{
	int	 v = 0, n = 0;

	while (n < max && **s >= '0' && **s <= '9') {
		v = v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return (n >= min ? v : -1);
}

/* Read a zone (Z, +hh:mm, +hhmm, +hh, or a US/UTC name) into seconds. */
static int
date_zone(const char *s, int *off)
{
	static const struct {
		const char	*name;
		int		 hours;
	} zones[] = {
		{ "z", 0 }, { "utc", 0 }, { "gmt", 0 }, { "ut", 0 },
		{ "est", -5 }, { "edt", -4 }, { "et", -5 },
		{ "cst", -6 }, { "cdt", -5 }, { "ct", -6 },
		{ "mst", -7 }, { "mdt", -6 }, { "pst", -8 }, { "pdt", -7 },
		{ "pt", -8 }, { "bst", 1 }, { "cet", 1 }, { "cest", 2 },
	};
	size_t	 i, n;
	int	 h, m = 0, sign;

	while (*s == ' ')
		s++;
	if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if ((h = date_num(&s, 2, 2)) < 0)
			return (-1);
		if (*s == ':')
			s++;
		if (*s >= '0' && *s <= '9' && (m = date_num(&s, 2, 2)) < 0)
			return (-1);
		*off = sign * (h * 3600 + m * 60);
		return (0);
	}
	for (i = 0; i < nitems(zones); i++) {
		n = strlen(zones[i].name);
		if (ascii_eq_lower(s, zones[i].name, n) &&
		    !ascii_isalnum((unsigned char)s[n])) {
			*off = zones[i].hours * 3600;
			return (0);
		}
	}
	return (-1);
}

/* ISO 8601: 2017-03-30, 2017-03-30T13:56:35.123+02:00 and the like. */
static int
date_iso(const char *s, int64_t *t)
{
	int	 y, mo, d, h = 0, mi = 0, se = 0, off = 0;

	if ((y = date_num(&s, 4, 4)) < 0 || (*s != '-' && *s != '/'))
		return (-1);
	s++;
	if ((mo = date_num(&s, 1, 2)) < 1 || mo > 12 || (*s != '-' &&
	    *s != '/'))
		return (-1);
	s++;
	if ((d = date_num(&s, 1, 2)) < 1 || d > 31)
		return (-1);
	if (*s == 'T' || *s == 't' || (*s == ' ' && s[1] >= '0' &&
	    s[1] <= '9')) {
		s++;
		if ((h = date_num(&s, 1, 2)) < 0 || h > 24 || *s++ != ':' ||
		    (mi = date_num(&s, 2, 2)) < 0 || mi > 59)
			return (-1);
		if (*s == ':') {
			s++;
			if ((se = date_num(&s, 2, 2)) < 0 || se > 60)
				return (-1);
		}
		if (*s == '.' || *s == ',') {
			s++;
			while (*s >= '0' && *s <= '9')
				s++;
		}
		if (*s != '\0' && date_zone(s, &off) != 0)
			off = 0;
	}
	*t = date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se -
	    off;
	return (0);
}

/* English dates: "Thu, 30 Mar 2017 13:56:35 GMT", "March 30, 2017 9:56
 * AM ET", "30 March 2017". */
static int
date_text(const char *s, int64_t *t)
{
	static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	const char	*w;
	int		 y = -1, mo = -1, d = -1, h = 0, mi = 0, se = 0, off = 0;
	int		 v, k, have_time = 0;

	while (*s != '\0') {
		if (*s >= '0' && *s <= '9') {
			w = s;
			v = date_num(&s, 1, 4);
			if (*s == ':' && !have_time) {
				h = v;
				s++;
				mi = date_num(&s, 2, 2);
				if (*s == ':') {
					s++;
					se = date_num(&s, 2, 2);
				}
				if (mi < 0 || se < 0 || h > 23)
					return (-1);
				have_time = 1;
				while (*s == ' ')
					s++;
				if ((ascii_lower((unsigned char)s[0]) == 'a' ||
				    ascii_lower((unsigned char)s[0]) == 'p') &&
				    ascii_lower((unsigned char)s[1]) == 'm') {
					if (ascii_lower((unsigned char)s[0]) ==
					    'p' && h < 12)
						h += 12;
					else if (ascii_lower(
					    (unsigned char)s[0]) == 'a' &&
					    h == 12)
						h = 0;
					s += 2;
				} else if (s[0] == 'a' && s[1] == '.' &&
				    s[2] == 'm' && s[3] == '.')
					s += 4;
				else if (s[0] == 'p' && s[1] == '.' &&
				    s[2] == 'm' && s[3] == '.') {
					h += h < 12 ? 12 : 0;
					s += 4;
				}
				if (date_zone(s, &off) != 0)
					off = 0;
				continue;
			}
			if (s - w == 4)
				y = v;
			else if (d < 0 && v >= 1 && v <= 31)
				d = v;
			continue;
		}
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')) {
			w = s;
			while ((*s >= 'a' && *s <= 'z') ||
			    (*s >= 'A' && *s <= 'Z'))
				s++;
			if (mo < 0 && s - w >= 3)
				for (k = 0; k < 12; k++)
					if (ascii_eq_lower(w, months + 3 * k,
					    3))
						mo = k + 1;
			continue;
		}
		s++;
	}
	if (y < 1900 || mo < 0 || d < 0)
		return (-1);
	*t = date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se -
	    off;
	return (0);
}

/* Read a date the way pages write them (see pagedate.h). */
int
pagedate_parse(const char *s, int64_t *t)
{
	while (ascii_isspace((unsigned char)*s))
		s++;
	if (date_iso(s, t) == 0 || date_parse(s, t) == 0)
		return (0);
	return (date_text(s, t));
}
