/* charset.c: bytes in any declared character set -> valid UTF-8.
 *
 * Labels are read the way the WHATWG Encoding Standard reads them, because
 * that is what the people who publish feeds test with: their browser. So
 * "iso-8859-1" and "us-ascii" mean windows-1252 (whose 0x80-0x9f range
 * holds the curly quotes and dashes that Latin-1 feeds are full of), a bare
 * "utf-16" means little-endian, and "gb2312" means GBK. A label the table
 * does not know goes to glibc's iconv as it is, which knows hundreds more.
 *
 * UTF-8, by far the most common case, never goes through iconv: one pass
 * copies runs of valid text and replaces each maximal invalid subsequence
 * with one U+FFFD, as the Encoding Standard's decoder does. A feed, though,
 * that is UTF-8 but for a few bytes of windows-1252 (text pasted in from
 * elsewhere) has those bytes read as windows-1252, one at a time.
 * Everything else goes through iconv, and its output is passed through the
 * same pass, so whatever a converter emits the result is valid UTF-8
 * without NUL bytes.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "buf.h"
#include "charset.h"
#include "util.h"

#define CHARSET_FFFD	"\xef\xbf\xbd"

/* WHATWG labels whose meaning differs from iconv's, or that iconv lacks. */
static const struct charset_label {
	const char	*label;
	const char	*iconv;
} charset_labels[] = {
	{ "ansi_x3.4-1968",	"WINDOWS-1252" },
	{ "arabic",		"ISO-8859-6" },
	{ "ascii",		"WINDOWS-1252" },
	{ "big5",		"BIG5-HKSCS" },
	{ "big5-hkscs",		"BIG5-HKSCS" },
	{ "chinese",		"GBK" },
	{ "cn-big5",		"BIG5-HKSCS" },
	{ "cp1250",		"WINDOWS-1250" },
	{ "cp1251",		"WINDOWS-1251" },
	{ "cp1252",		"WINDOWS-1252" },
	{ "cp1253",		"WINDOWS-1253" },
	{ "cp1254",		"WINDOWS-1254" },
	{ "cp1255",		"WINDOWS-1255" },
	{ "cp1256",		"WINDOWS-1256" },
	{ "cp1257",		"WINDOWS-1257" },
	{ "cp1258",		"WINDOWS-1258" },
	{ "cp819",		"WINDOWS-1252" },
	{ "cp866",		"IBM866" },
	{ "csbig5",		"BIG5-HKSCS" },
	{ "cseuckr",		"CP949" },
	{ "csgb2312",		"GBK" },
	{ "csiso58gb231280",	"GBK" },
	{ "csisolatin1",	"WINDOWS-1252" },
	{ "csisolatin5",	"WINDOWS-1254" },
	{ "csisolatin9",	"ISO-8859-15" },
	{ "csksc56011987",	"CP949" },
	{ "csmacintosh",	"MACINTOSH" },
	{ "csshiftjis",		"CP932" },
	{ "csunicode",		"UTF-16LE" },
	{ "dos-874",		"CP874" },
	{ "euc-kr",		"CP949" },
	{ "gb2312",		"GBK" },
	{ "gb_2312",		"GBK" },
	{ "gb_2312-80",		"GBK" },
	{ "gbk",		"GBK" },
	{ "greek",		"ISO-8859-7" },
	{ "hebrew",		"ISO-8859-8" },
	{ "ibm819",		"WINDOWS-1252" },
	{ "ibm866",		"IBM866" },
	{ "iso-10646-ucs-2",	"UTF-16LE" },
	{ "iso-8859-1",		"WINDOWS-1252" },
	{ "iso-8859-11",	"CP874" },
	{ "iso-8859-9",		"WINDOWS-1254" },
	{ "iso-ir-100",		"WINDOWS-1252" },
	{ "iso-ir-148",		"WINDOWS-1254" },
	{ "iso-ir-149",		"CP949" },
	{ "iso-ir-58",		"GBK" },
	{ "iso8859-1",		"WINDOWS-1252" },
	{ "iso8859-11",		"CP874" },
	{ "iso8859-9",		"WINDOWS-1254" },
	{ "iso88591",		"WINDOWS-1252" },
	{ "iso885911",		"CP874" },
	{ "iso88599",		"WINDOWS-1254" },
	{ "iso_8859-1",		"WINDOWS-1252" },
	{ "iso_8859-1:1987",	"WINDOWS-1252" },
	{ "iso_8859-9",		"WINDOWS-1254" },
	{ "iso_8859-9:1989",	"WINDOWS-1254" },
	{ "koi",		"KOI8-R" },
	{ "koi8",		"KOI8-R" },
	{ "koi8-ru",		"KOI8-U" },
	{ "ks_c_5601-1987",	"CP949" },
	{ "ks_c_5601-1989",	"CP949" },
	{ "ksc5601",		"CP949" },
	{ "ksc_5601",		"CP949" },
	{ "l1",			"WINDOWS-1252" },
	{ "l5",			"WINDOWS-1254" },
	{ "l9",			"ISO-8859-15" },
	{ "latin1",		"WINDOWS-1252" },
	{ "latin5",		"WINDOWS-1254" },
	{ "latin9",		"ISO-8859-15" },
	{ "mac",		"MACINTOSH" },
	{ "macintosh",		"MACINTOSH" },
	{ "ms932",		"CP932" },
	{ "ms_kanji",		"CP932" },
	{ "shift-jis",		"CP932" },
	{ "shift_jis",		"CP932" },
	{ "sjis",		"CP932" },
	{ "sun_eu_greek",	"ISO-8859-7" },
	{ "tis-620",		"CP874" },
	{ "ucs-2",		"UTF-16LE" },
	{ "unicode",		"UTF-16LE" },
	{ "unicode-1-1-utf-8",	"UTF-8" },
	{ "unicode11utf8",	"UTF-8" },
	{ "unicode20utf8",	"UTF-8" },
	{ "unicodefeff",	"UTF-16LE" },
	{ "unicodefffe",	"UTF-16BE" },
	{ "us-ascii",		"WINDOWS-1252" },
	{ "utf-16",		"UTF-16LE" },
	{ "utf-16be",		"UTF-16BE" },
	{ "utf-16le",		"UTF-16LE" },
	{ "utf-8",		"UTF-8" },
	{ "utf8",		"UTF-8" },
	{ "windows-1252",	"WINDOWS-1252" },
	{ "windows-31j",	"CP932" },
	{ "windows-874",	"CP874" },
	{ "windows-949",	"CP949" },
	{ "x-cp1250",		"WINDOWS-1250" },
	{ "x-cp1251",		"WINDOWS-1251" },
	{ "x-cp1252",		"WINDOWS-1252" },
	{ "x-cp1253",		"WINDOWS-1253" },
	{ "x-cp1254",		"WINDOWS-1254" },
	{ "x-cp1255",		"WINDOWS-1255" },
	{ "x-cp1256",		"WINDOWS-1256" },
	{ "x-cp1257",		"WINDOWS-1257" },
	{ "x-cp1258",		"WINDOWS-1258" },
	{ "x-euc-jp",		"EUC-JP" },
	{ "x-gbk",		"GBK" },
	{ "x-mac-cyrillic",	"MAC-CYRILLIC" },
	{ "x-mac-roman",	"MACINTOSH" },
	{ "x-mac-ukrainian",	"MAC-CYRILLIC" },
	{ "x-sjis",		"CP932" },
	{ "x-unicode20utf8",	"UTF-8" },
	{ "x-user-defined",	"WINDOWS-1252" },
	{ "x-x-big5",		"BIG5-HKSCS" },
};

/* Compare a table row's label with a key, for bsearch. */
static int
charset_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct charset_label *)row)->label));
}

/*
 * Turn a label into the name iconv knows it by, in name (size len). Return
 * 0, or -1 if the label has characters no encoding name has: it came from
 * the network and goes to iconv_open(), which must never see a path.
 */
static int
charset_name(const char *label, char *name, size_t len)
{
	char	 key[48];
	size_t	 n = 0;
	int	 found;
	const struct charset_label *row;

	while (*label == ' ' || *label == '\t' || *label == '"' ||
	    *label == '\'')
		label++;
	for (; *label != '\0'; label++) {
		if (*label == ' ' || *label == '\t' || *label == '"' ||
		    *label == '\'')
			break;
		if (n + 1 >= sizeof key)
			return (-1);
		if (*label >= 'A' && *label <= 'Z')
			key[n++] = *label - 'A' + 'a';
		else if ((*label >= 'a' && *label <= 'z') ||
		    (*label >= '0' && *label <= '9') || *label == '-' ||
		    *label == '_' || *label == '.' || *label == ':')
			key[n++] = *label;
		else
			return (-1);
	}
	key[n] = '\0';
	if (n == 0)
		return (-1);
	row = bsearch(key, charset_labels, nitems(charset_labels),
	    sizeof charset_labels[0], charset_cmp);
	if (row != NULL)
		found = snprintf(name, len, "%s", row->iconv);
	else
		found = snprintf(name, len, "%s", key);
	return (found < 0 || (size_t)found >= len ? -1 : 0);
}

/*
 * Length of the valid UTF-8 sequence at s (at most len bytes), or 0 with
 * *bad set to the length of its maximal invalid subpart (at least 1).
 * NUL counts as invalid: no text this program handles may contain it.
 */
static size_t
charset_seq(const unsigned char *s, size_t len, size_t *bad)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (s[0] < 0x80) {
		if (s[0] != 0)
			return (1);
		*bad = 1;
		return (0);
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;
	} else {
		*bad = 1;
		return (0);
	}
	for (i = 1; i < n; i++) {
		if (i >= len || s[i] < lo || s[i] > hi) {
			*bad = i;
			return (0);
		}
		lo = 0x80;
		hi = 0xbf;
	}
	return (n);
}

/* Append len bytes of UTF-8 to out, repairing it as the module essay says. */
static void
charset_add_utf8(struct buf *out, const unsigned char *s, size_t len)
{
	size_t	 i = 0, start, n, bad = 1;

	buf_grow(out, len);
	while (i < len) {
		start = i;
		while (i < len) {
			if (s[i] != 0 && s[i] < 0x80)
				i++;
			else if ((n = charset_seq(s + i, len - i, &bad)) != 0)
				i += n;
			else
				break;
		}
		buf_add(out, s + start, i - start);
		if (i < len) {
			buf_add(out, CHARSET_FFFD, 3);
			i += bad;
		}
	}
}

/* Tell valid UTF-8 from UTF-8 with errors and from legacy 8-bit text. */
int
charset_sniff_utf8(const char *data, size_t len)
{
	const unsigned char	*s = (const unsigned char *)data;
	size_t			 i = 0, n, bad;
	int			 multi = 0, invalid = 0;

	while (i < len) {
		if (len - i >= 8) {
			uint64_t	 w;

			/* Eight ASCII bytes, none of them NUL, at a time. */
			memcpy(&w, s + i, 8);
			if ((w & 0x8080808080808080ULL) == 0 &&
			    ((w - 0x0101010101010101ULL) & ~w &
			    0x8080808080808080ULL) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80 && s[i] != 0) {
			i++;
			continue;
		}
		if ((n = charset_seq(s + i, len - i, &bad)) == 0) {
			invalid = 1;
			i += bad;
			continue;
		}
		multi = 1;
		i += n;
		if (invalid)
			break;
	}
	if (!invalid)
		return (1);
	return (multi ? 0 : -1);
}

/* Bytes one unit of the encoding takes, to skip past an invalid one. */
static size_t
charset_unit(const char *name)
{
	if (strncasecmp(name, "UTF-16", 6) == 0 ||
	    strncasecmp(name, "UCS-2", 5) == 0)
		return (2);
	if (strncasecmp(name, "UTF-32", 6) == 0 ||
	    strncasecmp(name, "UCS-4", 5) == 0)
		return (4);
	return (1);
}

/* Convert with iconv descriptor cd into tmp; invalid input becomes U+FFFD. */
static void
charset_iconv(iconv_t cd, const char *data, size_t len, size_t unit,
    struct buf *tmp)
{
	char	*in = (char *)data, *op;
	size_t	 inleft = len, outleft, room;

	while (inleft > 0) {
		room = inleft * 2 + 64;
		buf_grow(tmp, room);
		op = tmp->data + tmp->len;
		outleft = room;
		if (iconv(cd, &in, &inleft, &op, &outleft) != (size_t)-1) {
			tmp->len = (size_t)(op - tmp->data);
			break;
		}
		tmp->len = (size_t)(op - tmp->data);
		if (errno == E2BIG)
			continue;
		buf_add(tmp, CHARSET_FFFD, 3);
		if (errno == EINVAL || inleft <= unit)
			break;
		in += unit;
		inleft -= unit;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	buf_grow(tmp, 64);
	op = tmp->data + tmp->len;
	outleft = 64;
	if (iconv(cd, NULL, NULL, &op, &outleft) != (size_t)-1)
		tmp->len = (size_t)(op - tmp->data);
	tmp->data[tmp->len] = '\0';
}

/*
 * Is the three-byte sequence at s[i] (of len bytes) one that windows-1252
 * text makes by chance? There it is a lower-case accented letter and two
 * symbols ("\xe9\xa0\xbb": "e" acute, a no-break space, a guillemet, as
 * French ends a quotation), which read as UTF-8 is an ideograph alone
 * beside an ASCII letter; a word of Chinese or Japanese has more than one
 * character. Punctuation (U+2000 to U+2BFF) is what UTF-8 strays sit
 * among, and is UTF-8.
 */
static int
charset_chance3(const unsigned char *s, size_t len, size_t i)
{
	uint32_t	 cp;
	int		 before, after;

	cp = (uint32_t)(s[i] & 0x0f) << 12 | (uint32_t)(s[i + 1] & 0x3f) << 6 |
	    (s[i + 2] & 0x3f);
	if (cp >= 0x2000 && cp < 0x2c00)
		return (0);
	before = i > 0 ? s[i - 1] : ' ';
	after = i + 3 < len ? s[i + 3] : ' ';
	if (before >= 0x80 || after >= 0x80)
		return (0);
	return (ascii_isalpha(before) || ascii_isalpha(after));
}

/*
 * Is UTF-8 with errors (len bytes) UTF-8 with strays, not legacy text in
 * which some bytes happen to make UTF-8? In windows-1252, the two bytes of
 * a sequence are an upper-case letter and a symbol ("\xc9\x85", "E" with
 * an acute accent and an ellipsis): only the letters that lead the
 * sequences of real text (Latin-1's, Greek, Cyrillic), three-byte
 * sequences and two sequences in a row (a word of Arabic or Hebrew, whose
 * letters lead with the bytes of other upper-case letters) tell UTF-8.
 */
static int
charset_has_utf8(const unsigned char *s, size_t len)
{
	size_t	 i = 0, n, bad;

	while (i < len) {
		if (s[i] < 0x80 && s[i] != 0)
			i++;
		else if ((n = charset_seq(s + i, len - i, &bad)) == 0)
			i += bad;
		else if ((n == 3 && !charset_chance3(s, len, i)) || n == 4 ||
		    s[i] == 0xc2 || s[i] == 0xc3 ||
		    s[i] == 0xc5 || (s[i] >= 0xce && s[i] <= 0xd1) ||
		    (i + n < len && s[i + n] >= 0x80 &&
		    charset_seq(s + i + n, len - i - n, &bad) != 0))
			return (1);
		else
			i += n;
	}
	return (0);
}

/*
 * Append len bytes of UTF-8 with errors to out: each byte of an invalid
 * sequence read as windows-1252, the encoding of what was pasted into
 * UTF-8 text (a Latin-1 "\xe9" in a UTF-8 page). NUL is U+FFFD, and so is
 * a sequence cut short that starts as Latin-1's letters do in UTF-8
 * ("\xc3" without its second byte), which windows-1252 text seldom has.
 */
static void
charset_add_mixed(struct buf *out, const unsigned char *s, size_t len)
{
	struct buf	 tmp = BUF_INIT;
	iconv_t		 cd = (iconv_t)-1;
	size_t		 i = 0, start, n, bad = 1;

	buf_grow(out, len + len / 4);
	while (i < len) {
		start = i;
		while (i < len && (n = charset_seq(s + i, len - i, &bad)) != 0) {
			if (n == 3 && charset_chance3(s, len, i)) {
				bad = 3;
				break;
			}
			i += n;
		}
		buf_add(out, s + start, i - start);
		for (; bad > 0 && i < len; bad--, i++) {
			if (s[i] != 0 && cd == (iconv_t)-1)
				cd = iconv_open("UTF-8", "WINDOWS-1252");
			if (s[i] == 0 || s[i] == 0xc2 || s[i] == 0xc3 ||
			    cd == (iconv_t)-1) {
				buf_add(out, CHARSET_FFFD, 3);
				i += bad;
				break;
			}
			buf_reset(&tmp);
			charset_iconv(cd, (const char *)s + i, 1, 1, &tmp);
			charset_add_utf8(out, (const unsigned char *)tmp.data,
			    tmp.len);
		}
	}
	if (cd != (iconv_t)-1)
		iconv_close(cd);
	buf_release(&tmp);
}

/* Append text in any character set to out as valid UTF-8. */
int
charset_to_utf8(const char *data, size_t len, const char *label,
    struct buf *out)
{
	const unsigned char	*s = (const unsigned char *)data;
	struct buf		 tmp = BUF_INIT;
	char			 name[48];
	iconv_t			 cd;
	int			 rc = 0;

	/* A byte order mark is the strongest evidence there is. */
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
		charset_add_utf8(out, s + 3, len - 3);
		return (0);
	}
	if (len >= 4 && s[0] == 0xff && s[1] == 0xfe && s[2] == 0 &&
	    s[3] == 0) {
		snprintf(name, sizeof name, "UTF-32LE");
		data += 4;
		len -= 4;
	} else if (len >= 4 && s[0] == 0 && s[1] == 0 && s[2] == 0xfe &&
	    s[3] == 0xff) {
		snprintf(name, sizeof name, "UTF-32BE");
		data += 4;
		len -= 4;
	} else if (len >= 2 && s[0] == 0xff && s[1] == 0xfe) {
		snprintf(name, sizeof name, "UTF-16LE");
		data += 2;
		len -= 2;
	} else if (len >= 2 && s[0] == 0xfe && s[1] == 0xff) {
		snprintf(name, sizeof name, "UTF-16BE");
		data += 2;
		len -= 2;
	} else if (label == NULL)
		snprintf(name, sizeof name, "UTF-8");
	else if (charset_name(label, name, sizeof name) != 0) {
		snprintf(name, sizeof name, "UTF-8");
		rc = -1;
	}

	if (strcmp(name, "UTF-8") == 0) {
		charset_add_utf8(out, (const unsigned char *)data, len);
		return (rc);
	}
	if ((cd = iconv_open("UTF-8", name)) == (iconv_t)-1) {
		charset_add_utf8(out, (const unsigned char *)data, len);
		return (-1);
	}
	charset_iconv(cd, data, len, charset_unit(name), &tmp);
	iconv_close(cd);
	charset_add_utf8(out, (const unsigned char *)tmp.data, tmp.len);
	buf_release(&tmp);
	return (rc);
}

/* Is label a name of UTF-8? */
static int
charset_is_utf8(const char *label)
{
	return (strcasecmp(label, "utf-8") == 0 ||
	    strcasecmp(label, "utf8") == 0 ||
	    strcasecmp(label, "unicode-1-1-utf-8") == 0);
}

/* Is label a name of UTF-16 or UTF-32? A document that declares it in
 * ASCII lies. */
static int
charset_is_wide(const char *label)
{
	return (strncasecmp(label, "utf-16", 6) == 0 ||
	    strncasecmp(label, "utf-32", 6) == 0 ||
	    strncasecmp(label, "ucs-4", 5) == 0 ||
	    strcasecmp(label, "ucs-2") == 0 ||
	    strcasecmp(label, "unicode") == 0 ||
	    strcasecmp(label, "iso-10646-ucs-2") == 0 ||
	    strcasecmp(label, "csunicode") == 0);
}

/*
 * Copy the encoding= of the XML declaration that starts data (in an
 * ASCII-compatible encoding) into label. Return 0, or -1 if there is none.
 */
static int
charset_xml_declared(const char *data, size_t len, char *label, size_t size)
{
	const char	*p, *end, *e;
	size_t		 i = 0, n;
	char		 q;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && ascii_isspace((unsigned char)data[i]))
		i++;
	if (len - i < 6 || memcmp(data + i, "<?xml", 5) != 0 ||
	    !ascii_isspace((unsigned char)data[i + 5]))
		return (-1);
	n = len - i < 512 ? len - i : 512;
	if ((end = memmem(data + i, n, "?>", 2)) == NULL)
		return (-1);
	p = data + i + 5;
	if ((e = memmem(p, (size_t)(end - p), "encoding", 8)) == NULL)
		return (-1);
	for (p = e + 8; p < end && ascii_isspace((unsigned char)*p); p++)
		;
	if (p >= end || *p++ != '=')
		return (-1);
	while (p < end && ascii_isspace((unsigned char)*p))
		p++;
	if (p >= end || (*p != '"' && *p != '\''))
		return (-1);
	q = *p++;
	for (n = 0; p + n < end && p[n] != q; n++)
		;
	if (p + n >= end || n == 0 || n >= size)
		return (-1);
	memcpy(label, p, n);
	label[n] = '\0';
	return (0);
}

/* Decode an XML document to UTF-8 (see charset.h). */
int
charset_xml_to_utf8(const char *data, size_t len, const char *charset,
    struct buf *u)
{
	const unsigned char	*b = (const unsigned char *)data;
	const char		*label = NULL;
	char			 decl[48];
	int			 bom, hasdecl, sniff;

	bom = (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) ||
	    (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff)));
	hasdecl = charset_xml_declared(data, len, decl, sizeof decl) == 0;
	/* Without a byte order mark, the first character tells the
	 * encoding family (XML 1.0, appendix F). */
	if (charset != NULL && *charset != '\0')
		label = charset;
	else if (len >= 4 && memcmp(b, "<\0\0\0", 4) == 0)
		label = "utf-32le";
	else if (len >= 4 && memcmp(b, "\0\0\0<", 4) == 0)
		label = "utf-32be";
	else if (len >= 4 && memcmp(b, "\x4c\x6f\xa7\x94", 4) == 0)
		label = "ibm037";		/* "<?xm" in EBCDIC */
	else if (len >= 4 && b[0] == '<' && b[1] == 0 && b[2] != 0 &&
	    b[3] == 0)
		label = "utf-16le";
	else if (len >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 &&
	    b[3] != 0)
		label = "utf-16be";	/* not a stray NUL before "<?xml" */
	else if (hasdecl && !charset_is_wide(decl))
		label = decl;
	if (!bom && (label == NULL || charset_is_utf8(label))) {
		if ((sniff = charset_sniff_utf8(data, len)) == 1)
			return (1);
		if (hasdecl && !charset_is_utf8(decl) && !charset_is_wide(decl))
			label = decl;
		else if (sniff == -1 || !charset_has_utf8(
		    (const unsigned char *)data, len))
			label = "windows-1252";
		else {
			charset_add_mixed(u, (const unsigned char *)data, len);
			return (0);
		}
	}
	charset_to_utf8(data, len, label, u);
	return (0);
}

/* Find the charset parameter of a Content-Type value. */
char *
charset_from_content_type(const char *ct)
{
	const char	*p, *v;
	size_t		 n;
	char		*label;

	if (ct == NULL || (p = strchr(ct, ';')) == NULL)
		return (NULL);
	while (p != NULL && *p != '\0') {
		p++;
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (strncasecmp(p, "charset", 7) != 0) {
			p = strchr(p, ';');
			continue;
		}
		v = p + 7;
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v != '=') {
			p = strchr(p, ';');
			continue;
		}
		v++;
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v == '"' || *v == '\'') {
			n = strcspn(v + 1, v[0] == '"' ? "\"" : "'");
			v++;
		} else
			n = strcspn(v, " \t;,");
		if (n == 0)
			return (NULL);
		label = xstrndup(v, n);
		for (n = 0; label[n] != '\0'; n++)
			if (label[n] >= 'A' && label[n] <= 'Z')
				label[n] += 'a' - 'A';
		return (label);
	}
	return (NULL);
}
