/*
 * html.c: a tokenizer over the raw bytes of an HTML page, for what must
 * be known before (or instead of) a real parse: enough of the WHATWG
 * rules to find tags, their attributes, the end of raw-text elements and
 * the charset a page declares, and a pass that drops the elements nobody
 * reads. Nothing is built: every result points into the bytes given.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "html.h"
#include "util.h"

/*
 * Named character references: HTML 4's, which feeds use (and misuse) most,
 * and the HTML5 additions seen in the wild. Sorted for bsearch().
 */
static const struct html_entity {
	const char	*name;
	uint32_t	 cp;
} html_entities[] = {
	{ "AElig", 0xc6 }, { "AMP", 0x26 }, { "Aacute", 0xc1 },
	{ "Acirc", 0xc2 }, { "Agrave", 0xc0 }, { "Alpha", 0x391 },
	{ "Aring", 0xc5 }, { "Atilde", 0xc3 }, { "Auml", 0xc4 },
	{ "Beta", 0x392 }, { "COPY", 0xa9 }, { "Ccedil", 0xc7 },
	{ "Chi", 0x3a7 }, { "Dagger", 0x2021 }, { "Delta", 0x394 },
	{ "ETH", 0xd0 }, { "Eacute", 0xc9 }, { "Ecirc", 0xca },
	{ "Egrave", 0xc8 }, { "Epsilon", 0x395 }, { "Eta", 0x397 },
	{ "Euml", 0xcb }, { "GT", 0x3e }, { "Gamma", 0x393 },
	{ "Hat", 0x5e }, { "Iacute", 0xcd }, { "Icirc", 0xce },
	{ "Igrave", 0xcc }, { "Iota", 0x399 }, { "Iuml", 0xcf },
	{ "Kappa", 0x39a }, { "LT", 0x3c }, { "Lambda", 0x39b },
	{ "Mu", 0x39c }, { "NewLine", 0xa }, { "NoBreak", 0x2060 },
	{ "Ntilde", 0xd1 }, { "Nu", 0x39d }, { "OElig", 0x152 },
	{ "Oacute", 0xd3 }, { "Ocirc", 0xd4 }, { "Ograve", 0xd2 },
	{ "Omega", 0x3a9 }, { "Omicron", 0x39f }, { "Oslash", 0xd8 },
	{ "Otilde", 0xd5 }, { "Ouml", 0xd6 }, { "Phi", 0x3a6 },
	{ "Pi", 0x3a0 }, { "Prime", 0x2033 }, { "Psi", 0x3a8 },
	{ "QUOT", 0x22 }, { "REG", 0xae }, { "Rho", 0x3a1 },
	{ "Scaron", 0x160 }, { "Sigma", 0x3a3 }, { "THORN", 0xde },
	{ "TRADE", 0x2122 }, { "Tab", 0x9 }, { "Tau", 0x3a4 },
	{ "Theta", 0x398 }, { "Uacute", 0xda }, { "Ucirc", 0xdb },
	{ "Ugrave", 0xd9 }, { "Upsilon", 0x3a5 }, { "Uuml", 0xdc },
	{ "Vert", 0x2016 }, { "Xi", 0x39e }, { "Yacute", 0xdd },
	{ "Yuml", 0x178 }, { "ZeroWidthSpace", 0x200b }, { "Zeta", 0x396 },
	{ "aacute", 0xe1 }, { "acirc", 0xe2 }, { "acute", 0xb4 },
	{ "aelig", 0xe6 }, { "agrave", 0xe0 }, { "alefsym", 0x2135 },
	{ "alpha", 0x3b1 }, { "amp", 0x26 }, { "and", 0x2227 },
	{ "ang", 0x2220 }, { "angst", 0xc5 }, { "apos", 0x27 },
	{ "approx", 0x2248 }, { "aring", 0xe5 }, { "ast", 0x2a },
	{ "asymp", 0x2248 }, { "atilde", 0xe3 }, { "auml", 0xe4 },
	{ "bdquo", 0x201e }, { "beta", 0x3b2 }, { "blacksquare", 0x25aa },
	{ "brvbar", 0xa6 }, { "bsol", 0x5c }, { "bull", 0x2022 },
	{ "bullet", 0x2022 }, { "cap", 0x2229 }, { "caret", 0x2041 },
	{ "ccedil", 0xe7 }, { "cedil", 0xb8 }, { "cent", 0xa2 },
	{ "centerdot", 0xb7 }, { "check", 0x2713 }, { "chi", 0x3c7 },
	{ "circ", 0x2c6 }, { "clubs", 0x2663 }, { "colon", 0x3a },
	{ "comma", 0x2c }, { "commat", 0x40 }, { "cong", 0x2245 },
	{ "copy", 0xa9 }, { "copysr", 0x2117 }, { "crarr", 0x21b5 },
	{ "cross", 0x2717 }, { "cup", 0x222a }, { "curren", 0xa4 },
	{ "dArr", 0x21d3 }, { "dagger", 0x2020 }, { "darr", 0x2193 },
	{ "dash", 0x2010 }, { "deg", 0xb0 }, { "delta", 0x3b4 },
	{ "diams", 0x2666 }, { "div", 0xf7 }, { "divide", 0xf7 },
	{ "dollar", 0x24 }, { "eacute", 0xe9 }, { "ecirc", 0xea },
	{ "egrave", 0xe8 }, { "empty", 0x2205 }, { "emsp", 0x2003 },
	{ "emsp13", 0x2004 }, { "emsp14", 0x2005 }, { "ensp", 0x2002 },
	{ "epsilon", 0x3b5 }, { "equals", 0x3d }, { "equiv", 0x2261 },
	{ "eta", 0x3b7 }, { "eth", 0xf0 }, { "euml", 0xeb },
	{ "euro", 0x20ac }, { "excl", 0x21 }, { "exist", 0x2203 },
	{ "female", 0x2640 }, { "flat", 0x266d }, { "fnof", 0x192 },
	{ "forall", 0x2200 }, { "frac12", 0xbd }, { "frac13", 0x2153 },
	{ "frac14", 0xbc }, { "frac15", 0x2155 }, { "frac18", 0x215b },
	{ "frac23", 0x2154 }, { "frac34", 0xbe }, { "frac38", 0x215c },
	{ "frac58", 0x215d }, { "frac78", 0x215e }, { "frasl", 0x2044 },
	{ "gamma", 0x3b3 }, { "ge", 0x2265 }, { "geq", 0x2265 },
	{ "grave", 0x60 }, { "gt", 0x3e }, { "hArr", 0x21d4 },
	{ "hairsp", 0x200a }, { "half", 0xbd }, { "harr", 0x2194 },
	{ "hearts", 0x2665 }, { "hellip", 0x2026 }, { "horbar", 0x2015 },
	{ "hyphen", 0x2010 }, { "iacute", 0xed }, { "icirc", 0xee },
	{ "iexcl", 0xa1 }, { "igrave", 0xec }, { "image", 0x2111 },
	{ "incare", 0x2105 }, { "infin", 0x221e }, { "int", 0x222b },
	{ "iota", 0x3b9 }, { "iquest", 0xbf }, { "isin", 0x2208 },
	{ "iuml", 0xef }, { "kappa", 0x3ba }, { "lArr", 0x21d0 },
	{ "lambda", 0x3bb }, { "lang", 0x2329 }, { "laquo", 0xab },
	{ "larr", 0x2190 }, { "larrb", 0x21e4 }, { "lbrace", 0x7b },
	{ "lbrack", 0x5b }, { "lceil", 0x2308 }, { "lcub", 0x7b },
	{ "ldquo", 0x201c }, { "ldquor", 0x201e }, { "le", 0x2264 },
	{ "leq", 0x2264 }, { "lfloor", 0x230a }, { "lowast", 0x2217 },
	{ "lowbar", 0x5f }, { "loz", 0x25ca }, { "lpar", 0x28 },
	{ "lrm", 0x200e }, { "lsaquo", 0x2039 }, { "lsqb", 0x5b },
	{ "lsquo", 0x2018 }, { "lsquor", 0x201a }, { "lt", 0x3c },
	{ "macr", 0xaf }, { "male", 0x2642 }, { "mdash", 0x2014 },
	{ "micro", 0xb5 }, { "middot", 0xb7 }, { "minus", 0x2212 },
	{ "mldr", 0x2026 }, { "mu", 0x3bc }, { "nabla", 0x2207 },
	{ "natural", 0x266e }, { "nbsp", 0xa0 }, { "ndash", 0x2013 },
	{ "ne", 0x2260 }, { "neq", 0x2260 }, { "ni", 0x220b },
	{ "nldr", 0x2025 }, { "not", 0xac }, { "notin", 0x2209 },
	{ "nsub", 0x2284 }, { "ntilde", 0xf1 }, { "nu", 0x3bd },
	{ "num", 0x23 }, { "numero", 0x2116 }, { "numsp", 0x2007 },
	{ "oacute", 0xf3 }, { "ocirc", 0xf4 }, { "oelig", 0x153 },
	{ "ograve", 0xf2 }, { "ohm", 0x3a9 }, { "oline", 0x203e },
	{ "omega", 0x3c9 }, { "omicron", 0x3bf }, { "oplus", 0x2295 },
	{ "or", 0x2228 }, { "ordf", 0xaa }, { "ordm", 0xba },
	{ "oslash", 0xf8 }, { "otilde", 0xf5 }, { "otimes", 0x2297 },
	{ "ouml", 0xf6 }, { "para", 0xb6 }, { "part", 0x2202 },
	{ "percnt", 0x25 }, { "period", 0x2e }, { "permil", 0x2030 },
	{ "perp", 0x22a5 }, { "phi", 0x3c6 }, { "phone", 0x260e },
	{ "pi", 0x3c0 }, { "piv", 0x3d6 }, { "plus", 0x2b },
	{ "plusmn", 0xb1 }, { "pm", 0xb1 }, { "pound", 0xa3 },
	{ "prime", 0x2032 }, { "prod", 0x220f }, { "prop", 0x221d },
	{ "psi", 0x3c8 }, { "puncsp", 0x2008 }, { "quest", 0x3f },
	{ "quot", 0x22 }, { "rArr", 0x21d2 }, { "radic", 0x221a },
	{ "rang", 0x232a }, { "raquo", 0xbb }, { "rarr", 0x2192 },
	{ "rarrb", 0x21e5 }, { "rbrace", 0x7d }, { "rbrack", 0x5d },
	{ "rceil", 0x2309 }, { "rcub", 0x7d }, { "rdquo", 0x201d },
	{ "rdquor", 0x201d }, { "real", 0x211c }, { "reg", 0xae },
	{ "rfloor", 0x230b }, { "rho", 0x3c1 }, { "rlm", 0x200f },
	{ "rpar", 0x29 }, { "rsaquo", 0x203a }, { "rsqb", 0x5d },
	{ "rsquo", 0x2019 }, { "rsquor", 0x2019 }, { "sbquo", 0x201a },
	{ "scaron", 0x161 }, { "sdot", 0x22c5 }, { "sect", 0xa7 },
	{ "semi", 0x3b }, { "setminus", 0x2216 }, { "sharp", 0x266f },
	{ "shy", 0xad }, { "sigma", 0x3c3 }, { "sigmaf", 0x3c2 },
	{ "sim", 0x223c }, { "sol", 0x2f }, { "spades", 0x2660 },
	{ "squ", 0x25a1 }, { "square", 0x25a1 }, { "star", 0x2606 },
	{ "starf", 0x2605 }, { "sub", 0x2282 }, { "sube", 0x2286 },
	{ "sum", 0x2211 }, { "sup", 0x2283 }, { "sup1", 0xb9 },
	{ "sup2", 0xb2 }, { "sup3", 0xb3 }, { "supe", 0x2287 },
	{ "szlig", 0xdf }, { "tau", 0x3c4 }, { "there4", 0x2234 },
	{ "theta", 0x3b8 }, { "thetasym", 0x3d1 }, { "thinsp", 0x2009 },
	{ "thorn", 0xfe }, { "tilde", 0x2dc }, { "times", 0xd7 },
	{ "trade", 0x2122 }, { "uArr", 0x21d1 }, { "uacute", 0xfa },
	{ "uarr", 0x2191 }, { "ucirc", 0xfb }, { "ugrave", 0xf9 },
	{ "uml", 0xa8 }, { "upsih", 0x3d2 }, { "upsilon", 0x3c5 },
	{ "uuml", 0xfc }, { "verbar", 0x7c }, { "vert", 0x7c },
	{ "weierp", 0x2118 }, { "xi", 0x3be }, { "yacute", 0xfd },
	{ "yen", 0xa5 }, { "yuml", 0xff }, { "zeta", 0x3b6 },
	{ "zwj", 0x200d }, { "zwnj", 0x200c },
};

/* What the numeric references &#128; to &#159; mean: browsers read them
 * as windows-1252, and so does every feed written on Windows. */
static const uint16_t html_cp1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};


/* The windows-1252 byte for cp, or -1. */
int
html_cp1252_byte(uint32_t cp)
{
	size_t	 i;

	if (cp < 0x100)
		return ((int)cp);
	for (i = 0; i < nitems(html_cp1252); i++)
		if (html_cp1252[i] == cp)
			return ((int)(0x80 + i));
	return (-1);
}

/*
 * Can s hold a double-encoded character at all? Its lead byte, 0xc2 to
 * 0xf4, read as one windows-1252 character and encoded again, is U+00C2
 * to U+00F4: the bytes 0xc3 0x82 to 0xc3 0xb4; the continuation byte
 * after it, 0x80 to 0xbf, is U+0080 to U+00BF (0xc2 ...) or one of
 * windows-1252's own characters (0xc5, 0xc6, 0xcb or 0xe2 ...). Text
 * without that pair, accented or not, is passed over at memchr()'s pace.
 */
static int
html_doubled(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s, *end = p + len;

	while ((p = memchr(p, 0xc3, (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && p[1] >= 0x82 && p[1] <= 0xb4 &&
		    (p[2] == 0xc2 || p[2] == 0xc5 || p[2] == 0xc6 ||
		    p[2] == 0xcb || p[2] == 0xe2))
			return (1);
		p++;
	}
	return (0);
}

/*
 * Whether the character cp (n bytes at out[at], of o) that a repair
 * would make is one that no double-encoded text holds: a letter of a
 * script written past U+0800 (Chinese, Japanese, Korean...) alone
 * beside an ASCII letter. Accented Latin text whose every
 * character past ASCII happens to spell one such character ("caf" + "e
 * acute, no-break space, ellipsis") would otherwise turn into "caf" and
 * an ideograph. Punctuation and symbols (U+2000 to U+2BFF) are what
 * double-encoded Latin text holds most, and stay repaired.
 */
static int
html_undouble_odd(const unsigned char *out, size_t o, size_t at, size_t n,
    uint32_t cp)
{
	int	 before, after;

	if (cp < 0x800 || (cp >= 0x2000 && cp < 0x2c00))
		return (0);
	before = at > 0 ? out[at - 1] : ' ';
	after = at + n < o ? out[at + n] : ' ';
	/* A neighbour past ASCII makes it a word of its script. */
	if (before >= 0x80 || after >= 0x80)
		return (0);
	return (ascii_isalpha(before) || ascii_isalpha(after));
}

/* Repair double-encoded UTF-8 in place (see html.h). */
size_t
html_undouble(char *s, size_t len)
{
	const unsigned char	*p, *end;
	unsigned char		*out;
	uint32_t		 cp;
	size_t			 n, o = 0;
	int			 b, multi = 0;

	if (!html_doubled(s, len))
		return (len);
	out = xmalloc(len);
	p = (const unsigned char *)s;
	end = p + len;
	for (; p < end; p += n) {
		if (*p < 0x80) {
			out[o++] = *p;
			n = 1;
			continue;
		}
		if ((n = utf8_decode(p, (size_t)(end - p), &cp)) == 0 ||
		    (b = html_cp1252_byte(cp)) < 0)
			goto keep;
		out[o++] = (unsigned char)b;
	}
	for (p = out, end = out + o; p < end; p += n) {
		if ((n = utf8_decode(p, (size_t)(end - p), &cp)) == 0 ||
		    html_undouble_odd(out, o, (size_t)(p - out), n, cp))
			goto keep;
		if (n > 1)
			multi = 1;
	}
	if (!multi)
		goto keep;
	memcpy(s, out, o);
	free(out);
	return (o);
keep:
	free(out);
	return (len);
}

/* Repair the double-encoded texts of a page in place (see html.h). */
void
html_undouble_text(struct buf *b)
{
	const char	*lt;
	size_t		 r = 0, w = 0, e, n;

	if (b->len == 0 || !html_doubled(b->data, b->len))
		return;
	while (r < b->len) {
		if (b->data[r] == '<') {
			lt = memchr(b->data + r, '>', b->len - r);
			e = lt != NULL ? (size_t)(lt - b->data) + 1 : b->len;
			n = e - r;
		} else {
			lt = memchr(b->data + r, '<', b->len - r);
			e = lt != NULL ? (size_t)(lt - b->data) : b->len;
			n = html_undouble(b->data + r, e - r);
		}
		memmove(b->data + w, b->data + r, n);
		w += n;
		r = e;
	}
	b->len = w;
	b->data[w] = '\0';
}

/* Compare a key with an entity table row, for bsearch. */
static int
html_entity_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct html_entity *)row)->name));
}

/* The code point of a named reference (len bytes, no & or ;), or 0. */
static uint32_t
html_entity(const char *name, size_t len)
{
	const struct html_entity	*e;
	char				 key[33];

	/* Escaped HTML is made of these: spare them the search. */
	if (len == 2 && name[1] == 't' && (name[0] == 'l' || name[0] == 'g'))
		return (name[0] == 'l' ? '<' : '>');
	if (len == 3 && memcmp(name, "amp", 3) == 0)
		return ('&');
	if (len == 4 && memcmp(name, "quot", 4) == 0)
		return ('"');
	if (len == 0 || len >= sizeof key)
		return (0);
	memcpy(key, name, len);
	key[len] = '\0';
	e = bsearch(key, html_entities, nitems(html_entities),
	    sizeof html_entities[0], html_entity_cmp);
	return (e != NULL ? e->cp : 0);
}

/* Value of hex or decimal digit c, or -1. */
static int
html_digit(int c, int hex)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (hex && c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (hex && c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* Decode the character reference at s[0] == '&' (see html.h). */
size_t
html_charref(const char *s, size_t len, uint32_t *cp)
{
	size_t		 j = 1, start;
	uint32_t	 v = 0;
	int		 hex = 0, d;

	if (j < len && s[j] == '#') {
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X')) {
			hex = 1;
			j++;
		}
		for (start = j; j < len; j++) {
			if ((d = html_digit((unsigned char)s[j], hex)) < 0)
				break;
			if (v <= 0x10ffff)
				v = v * (hex ? 16 : 10) + (uint32_t)d;
		}
		if (j == start)
			return (0);
		if (j < len && s[j] == ';')
			j++;
		if (v == 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
			v = 0xfffd;
		else if (v >= 0x80 && v <= 0x9f)
			v = html_cp1252[v - 0x80];
		*cp = v;
		return (j);
	}
	for (start = j; j < len && j - start <= 32 &&
	    ascii_isalnum((unsigned char)s[j]); j++)
		;
	if (j >= len || s[j] != ';' || (v = html_entity(s + start,
	    j - start)) == 0)
		return (0);
	*cp = v;
	return (j + 1);
}

/* Parse the tag starting at s[at] == '<'. Return 0 if it is not a tag. */
int
html_tag_scan(const char *s, size_t len, size_t at, struct html_tag *t)
{
	size_t	 i = at + 1;
	char	 q;

	memset(t, 0, sizeof *t);
	if (i < len && s[i] == '/') {
		t->closing = 1;
		i++;
	}
	if (i >= len || !((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= 'A' && s[i] <= 'Z')))
		return (0);
	t->name = s + i;
	while (i < len && !ascii_isspace((unsigned char)s[i]) && s[i] != '/' &&
	    s[i] != '>')
		i++;
	t->namelen = (size_t)(s + i - t->name);
	t->attrs = s + i;
	while (i < len && s[i] != '>') {
		if (s[i] == '=') {
			/* A value: quoted values may hold '>'. */
			i++;
			while (i < len && ascii_isspace((unsigned char)s[i]))
				i++;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				q = s[i++];
				while (i < len && s[i] != q)
					i++;
				if (i < len)
					i++;
			}
			continue;
		}
		i++;
	}
	t->attrslen = (size_t)(s + i - t->attrs);
	if (t->attrslen > 0 && t->attrs[t->attrslen - 1] == '/')
		t->selfclosing = 1;
	t->end = i < len ? i + 1 : len;
	return (1);
}

/* Is the tag named w (lower case)? */
int
html_tag_is(const struct html_tag *t, const char *w)
{
	return (t->namelen == strlen(w) &&
	    ascii_eq_lower(t->name, w, t->namelen));
}

/* Find attribute name (lower case) in a tag's raw attributes. */
int
html_tag_attr(const struct html_tag *t, const char *name, const char **val,
    size_t *vlen)
{
	const char	*s = t->attrs, *n, *v;
	size_t		 len = t->attrslen, i = 0, nl, vl;
	char		 q;

	while (i < len) {
		while (i < len && (ascii_isspace((unsigned char)s[i]) ||
		    s[i] == '/'))
			i++;
		if (i >= len)
			break;
		n = s + i;
		while (i < len && !ascii_isspace((unsigned char)s[i]) &&
		    s[i] != '/' && s[i] != '=')
			i++;
		nl = (size_t)(s + i - n);
		while (i < len && ascii_isspace((unsigned char)s[i]))
			i++;
		v = "";
		vl = 0;
		if (i < len && s[i] == '=') {
			i++;
			while (i < len && ascii_isspace((unsigned char)s[i]))
				i++;
			if (i < len && (s[i] == '"' || s[i] == '\'')) {
				q = s[i++];
				v = s + i;
				while (i < len && s[i] != q)
					i++;
				vl = (size_t)(s + i - v);
				if (i < len)
					i++;
			} else {
				v = s + i;
				while (i < len &&
				    !ascii_isspace((unsigned char)s[i]))
					i++;
				vl = (size_t)(s + i - v);
			}
		}
		if (nl == strlen(name) && ascii_eq_lower(n, name, nl)) {
			*val = v;
			*vlen = vl;
			return (1);
		}
	}
	return (0);
}

/* Offset of the end tag </name> at or after from, or len if there is none.
 * *after is set past its '>'. */
size_t
html_end_tag(const char *s, size_t len, size_t from, const char *name,
    size_t *after)
{
	size_t		 n = strlen(name), i = from;
	const char	*p;
	struct html_tag	 t;

	while (i < len && (p = memchr(s + i, '<', len - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 2 + n <= len && s[i + 1] == '/' &&
		    ascii_eq_lower(s + i + 2, name, n) && (i + 2 + n == len ||
		    ascii_isspace((unsigned char)s[i + 2 + n]) ||
		    s[i + 2 + n] == '>' || s[i + 2 + n] == '/')) {
			html_tag_scan(s, len, i, &t);
			*after = t.end;
			return (i);
		}
		i++;
	}
	*after = len;
	return (len);
}

/* Offset just past the end of the comment starting at s[at] ("<!--"). */
size_t
html_skip_comment(const char *s, size_t len, size_t at)
{
	size_t		 i = at + 4;
	const char	*p;

	if (i < len && s[i] == '>')		/* "<!-->" */
		return (i + 1);
	if (i + 1 < len && s[i] == '-' && s[i + 1] == '>')
		return (i + 2);
	while (i + 2 < len && (p = memchr(s + i, '-', len - i - 2)) != NULL) {
		i = (size_t)(p - s);
		if (s[i + 1] == '-' && s[i + 2] == '>')
			return (i + 3);
		i++;
	}
	return (len);
}

/* The next tag at or after *i, comments skipped: set *i to its '<' and
 * fill t. Return 0 when there is none before len. */
static int
html_next_tag(const char *s, size_t len, size_t *i, struct html_tag *t)
{
	const char	*p;

	while (*i < len && (p = memchr(s + *i, '<', len - *i)) != NULL) {
		*i = (size_t)(p - s);
		if (*i + 4 <= len && memcmp(s + *i, "<!--", 4) == 0) {
			*i = html_skip_comment(s, len, *i);
			continue;
		}
		if (html_tag_scan(s, len, *i, t))
			return (1);
		(*i)++;
	}
	return (0);
}

/*
 * Find the charset a page declares in a <meta> of its head (charset=, or
 * http-equiv content-type). Return a lower-case label or NULL.
 */
char *
html_meta_charset(const char *s, size_t len)
{
	struct html_tag	 t;
	const char	*v, *p;
	size_t		 vl, i = 0, n;
	char		*label;

	if (len > 64 * 1024)
		len = 64 * 1024;
	while (html_next_tag(s, len, &i, &t)) {
		i = t.end;
		if (html_tag_is(&t, "body"))
			break;
		if (t.closing || !html_tag_is(&t, "meta"))
			continue;
		if (!html_tag_attr(&t, "charset", &v, &vl)) {
			if (!html_tag_attr(&t, "content", &v, &vl) ||
			    (p = ascii_find_nocase(v, vl, "charset")) == NULL)
				continue;
			vl -= (size_t)(p - v) + 7;
			v = p + 7;
			while (vl > 0 && (ascii_isspace((unsigned char)*v) ||
			    *v == '=' || *v == '"' || *v == '\'')) {
				v++;
				vl--;
			}
		}
		/* The raw bytes may hold a NUL, which would end the label
		 * early in xstrndup() below and leave it shorter than n. */
		for (n = 0; n < vl && n < 40 &&
		    !ascii_isspace((unsigned char)v[n]) && v[n] != ';' &&
		    v[n] != '"' && v[n] != '\'' && v[n] != '\0'; n++)
			;
		if (n == 0)
			continue;
		label = xstrndup(v, n);
		for (vl = 0; vl < n; vl++)
			label[vl] = (char)ascii_lower((unsigned char)label[vl]);
		/* A page that says UTF-16 in ASCII bytes is not UTF-16. */
		if (strncmp(label, "utf-16", 6) == 0) {
			free(label);
			label = xstrdup("utf-8");
		}
		return (label);
	}
	return (NULL);
}

/* What the input stage does with an element. */
enum strip_kind {
	STRIP_OTHER,
	STRIP_DROP,		/* never read: dropped with its content */
	STRIP_FOREIGN,		/* svg, math: dropped, and they nest */
	STRIP_RAW,		/* text that is not markup: skipped unread */
	STRIP_FLAT,		/* no content, or an end tag that may be left
				   out: not counted in the nesting depth */
	STRIP_FORMAT		/* formatting, counted apart: pages leave them
				   open, and dropping one loses only a style */
};

static const struct strip_tag {
	const char	*name;
	enum strip_kind	 kind;
} strip_tags[] = {		/* sorted by name */
	{ "a", STRIP_FORMAT }, { "area", STRIP_FLAT }, { "b", STRIP_FORMAT },
	{ "base", STRIP_FLAT }, { "big", STRIP_FORMAT },
	{ "body", STRIP_FLAT }, { "br", STRIP_FLAT },
	{ "caption", STRIP_FLAT }, { "code", STRIP_FORMAT },
	{ "col", STRIP_FLAT }, { "colgroup", STRIP_FLAT },
	{ "dd", STRIP_FLAT }, { "dt", STRIP_FLAT }, { "em", STRIP_FORMAT },
	{ "embed", STRIP_FLAT }, { "font", STRIP_FORMAT },
	{ "head", STRIP_FLAT }, { "hr", STRIP_FLAT }, { "html", STRIP_FLAT },
	{ "i", STRIP_FORMAT }, { "iframe", STRIP_RAW }, { "img", STRIP_FLAT },
	{ "input", STRIP_FLAT }, { "li", STRIP_FLAT }, { "link", STRIP_FLAT },
	{ "math", STRIP_FOREIGN }, { "meta", STRIP_FLAT },
	{ "nobr", STRIP_FORMAT }, { "noembed", STRIP_RAW },
	{ "noframes", STRIP_RAW }, { "noscript", STRIP_DROP },
	{ "optgroup", STRIP_FLAT }, { "option", STRIP_FLAT },
	{ "p", STRIP_FLAT }, { "param", STRIP_FLAT }, { "rb", STRIP_FLAT },
	{ "rp", STRIP_FLAT }, { "rt", STRIP_FLAT }, { "s", STRIP_FORMAT },
	{ "script", STRIP_DROP }, { "small", STRIP_FORMAT },
	{ "source", STRIP_FLAT }, { "strike", STRIP_FORMAT },
	{ "strong", STRIP_FORMAT }, { "style", STRIP_DROP },
	{ "svg", STRIP_FOREIGN }, { "tbody", STRIP_FLAT },
	{ "td", STRIP_FLAT }, { "template", STRIP_DROP },
	{ "textarea", STRIP_RAW }, { "tfoot", STRIP_FLAT },
	{ "th", STRIP_FLAT }, { "thead", STRIP_FLAT },
	{ "title", STRIP_RAW }, { "tr", STRIP_FLAT }, { "track", STRIP_FLAT },
	{ "tt", STRIP_FORMAT }, { "u", STRIP_FORMAT }, { "wbr", STRIP_FLAT },
	{ "xmp", STRIP_RAW },
};

/* bsearch() order of strip_tags. */
static int
strip_cmp(const void *key, const void *row)
{
	return (strcmp(key, ((const struct strip_tag *)row)->name));
}

/* Classify a tag; its lower-case name is left in name (size 16). */
static enum strip_kind
strip_kind(const struct html_tag *t, char *name)
{
	const struct strip_tag	*row;
	size_t			 i;

	if (t->namelen >= 16)
		return (STRIP_OTHER);
	for (i = 0; i < t->namelen; i++)
		name[i] = (char)ascii_lower((unsigned char)t->name[i]);
	name[i] = '\0';
	row = bsearch(name, strip_tags, nitems(strip_tags),
	    sizeof strip_tags[0], strip_cmp);
	return (row != NULL ? row->kind : STRIP_OTHER);
}

#define STRIP_DEPTH	512

/* The characters of text, not markup or white space, in s. */
static size_t
strip_text_chars(const char *s, size_t len)
{
	size_t	 i, n = 0;
	int	 in = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '<')
			in = 1;
		else if (s[i] == '>')
			in = 0;
		else if (!in && !ascii_isspace((unsigned char)s[i]))
			n++;
	}
	return (n);
}

/*
 * Tags that end foreign content when they open (the HTML parser's list)
 * or close: a page that leaves an <svg> open inside a link or a button
 * still shows what follows it. Sorted.
 */
static const char *const foreign_breakers[] = {
	"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div",
	"dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head",
	"hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
	"pre", "ruby", "s", "small", "span", "strike", "strong", "sub", "sup",
	"table", "tt", "u", "ul", "var",
};
static const char *const foreign_closers[] = {	/* end tags only */
	"a", "article", "button", "footer", "form", "header", "label",
	"main", "nav", "section", "td", "th", "tr",
};

/* bsearch() order of a list of names. */
static int
strip_name_cmp(const void *key, const void *row)
{
	return (strcmp(key, *(const char *const *)row));
}

/* Does a start tag (or end tag, closing) of the name end foreign
 * content? */
static int
foreign_breaks(const char *name, int closing)
{
	return (bsearch(name, foreign_breakers, nitems(foreign_breakers),
	    sizeof foreign_breakers[0], strip_name_cmp) != NULL || (closing &&
	    bsearch(name, foreign_closers, nitems(foreign_closers),
	    sizeof foreign_closers[0], strip_name_cmp) != NULL));
}

/* Elements of svg and math that hold HTML (integration points). */
static int
foreign_html_point(const char *name)
{
	static const char *const points[] = {
		"annotation-xml", "desc", "foreignobject", "mi", "mn", "mo",
		"ms", "mtext", "title",
	};
	size_t	 i;

	for (i = 0; i < nitems(points); i++)
		if (strcmp(name, points[i]) == 0)
			return (1);
	return (0);
}

/*
 * Where the foreign element (svg, math) name whose start tag ends at
 * from ends: after its end tag, counting its own nesting, or at an HTML
 * tag that closes it (a start tag of the HTML parser's list; an end tag
 * of an HTML element not opened inside it, which closes the element the
 * foreign one is in). HTML inside its own elements that hold HTML
 * (<foreignObject>, <desc>) is part of it.
 */
static size_t
strip_foreign_end(const char *s, size_t len, size_t from, const char *name)
{
	struct html_tag	 u;
	char		 inner[16];
	size_t		 j = from;
	int		 depth = 1, links = 0, points = 0;

	while (html_next_tag(s, len, &j, &u)) {
		if (strip_kind(&u, inner) == STRIP_FOREIGN &&
		    strcmp(inner, name) == 0) {
			if (u.closing && --depth == 0)
				return (u.end);
			if (!u.closing && !u.selfclosing)
				depth++;
		} else if (u.namelen < 16 && foreign_html_point(inner)) {
			if (u.closing)
				points -= points > 0;
			else if (!u.selfclosing)
				points++;
		} else if (points > 0 || u.namelen >= 16)
			;	/* HTML inside: part of the foreign element */
		else if (strcmp(inner, "a") == 0 && !u.closing) {
			links += !u.selfclosing;  /* svg has links of its own */
		} else if (strcmp(inner, "a") == 0 && links > 0)
			links--;
		else if (foreign_breaks(inner, u.closing))
			return (j);
		j = u.end;
	}
	return (len);
}

/*
 * Segments a page streams after its shell (React's server rendering): a
 * part of the page that was not ready when the page began comes at its
 * end, in <div hidden id="S:n">, and a script moves it in place of the
 * <template id="B:n"> that holds its place, over the fallback shown
 * meanwhile (up to the comment "/$" that closes the boundary). A page
 * read without its scripts gets the same by moving the bytes.
 */
struct strip_seg {
	size_t		 at;		/* offset of its start tag */
	size_t		 start;		/* of its content */
	size_t		 end;		/* of its end tag */
	size_t		 after;		/* past its end tag */
	unsigned long	 id;
	int		 used;
};

struct strip {
	struct buf		*out;
	struct buf		*ld;
	int			 open[2];
	struct strip_seg	*seg;
	size_t			 nseg;
	size_t			 cseg;
};

#define SEG_TAG		"<div hidden id=\"S:"
#define SEG_DEPTH	8
/* Pages stream a few dozen segments behind fallbacks of a few KB; more,
 * or a fallback without its end near, is a hostile page that would
 * otherwise cost a scan of the page per template. */
#define SEG_MAX		256
#define SEG_FALLBACK	(64 * 1024)

/* Where the <div> whose content starts at from ends: the offset of its
 * end tag (len if none), *after past it. */
static size_t
strip_div_end(const char *s, size_t len, size_t from, size_t *after)
{
	struct html_tag	 t;
	char		 name[16];
	size_t		 i = from;
	int		 depth = 1;

	while (html_next_tag(s, len, &i, &t)) {
		switch (strip_kind(&t, name)) {
		case STRIP_DROP:
		case STRIP_RAW:
			if (!t.closing && !t.selfclosing) {
				html_end_tag(s, len, t.end, name, &i);
				continue;
			}
			break;
		default:
			if (!html_tag_is(&t, "div") || t.selfclosing)
				break;
			if (!t.closing)
				depth++;
			else if (--depth == 0) {
				*after = t.end;
				return (i);
			}
			break;
		}
		i = t.end;
	}
	*after = len;
	return (len);
}

/* Read the id of a segment, a boundary or a placeholder ("1a" of
 * "S:1a"): a number in lower-case hexadecimal, as the renderer writes
 * it. Return how many of the n bytes at v it took (0: none). */
static size_t
strip_seg_id(const char *v, size_t n, unsigned long *id)
{
	size_t	 k;
	int	 d;

	*id = 0;
	for (k = 0; k < n && *id < 0x1000000; k++) {
		if (v[k] >= '0' && v[k] <= '9')
			d = v[k] - '0';
		else if (v[k] >= 'a' && v[k] <= 'f')
			d = v[k] - 'a' + 10;
		else
			break;
		*id = *id * 16 + (unsigned long)d;
	}
	return (k);
}

/* Find the page's streamed segments. */
static void
strip_segments(struct strip *st, const char *s, size_t len)
{
	struct strip_seg	*g;
	const char		*p;
	size_t			 i = 0, k, n = strlen(SEG_TAG);
	unsigned long		 id;

	while (i < len && (p = memmem(s + i, len - i, SEG_TAG, n)) != NULL) {
		i = (size_t)(p - s) + n;
		k = i + strip_seg_id(s + i, len - i, &id);
		if (k == i || k + 2 > len || s[k] != '"' || s[k + 1] != '>')
			continue;
		if (st->nseg == SEG_MAX)
			break;
		if (st->nseg == st->cseg) {
			st->cseg = st->cseg == 0 ? 16 : st->cseg * 2;
			st->seg = xreallocarray(st->seg, st->cseg,
			    sizeof *st->seg);
		}
		g = &st->seg[st->nseg++];
		g->at = (size_t)(p - s);
		g->start = k + 2;
		g->id = id;
		g->used = 0;
		g->end = strip_div_end(s, len, g->start, &g->after);
		i = g->after;
	}
}

/* The segment whose start tag is at offset at, or NULL. */
static struct strip_seg *
strip_seg_at(struct strip *st, size_t at)
{
	size_t	 lo = 0, hi = st->nseg, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (st->seg[mid].at == at)
			return (&st->seg[mid]);
		if (st->seg[mid].at < at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (NULL);
}

/*
 * The segment a <template id="B:n"> holds the place of (a boundary, whose
 * fallback the segment replaces), or a <template id="P:n"> (a
 * placeholder inside a segment that came before its own parts: nothing
 * to replace), or NULL. *fallback tells which.
 */
static struct strip_seg *
strip_seg_for(struct strip *st, const struct html_tag *t, size_t at,
    int *fallback)
{
	const char	*v;
	size_t		 vl, k;
	unsigned long	 id = 0;

	if (st->nseg == 0 || !html_tag_attr(t, "id", &v, &vl) || vl < 3 ||
	    (v[0] != 'B' && v[0] != 'P') || v[1] != ':')
		return (NULL);
	*fallback = v[0] == 'B';
	if ((k = 2 + strip_seg_id(v + 2, vl - 2, &id)) != vl || k == 2)
		return (NULL);
	for (k = 0; k < st->nseg; k++)
		if (st->seg[k].id == id)
			return (st->seg[k].used || st->seg[k].at < at ? NULL :
			    &st->seg[k]);
	return (NULL);
}

/* Past the fallback that follows a segment's template at from: its
 * boundary's closing comment "<!--/$-->", nested boundaries counted; from
 * itself when there is none before limit. */
static size_t
strip_fallback_end(const char *s, size_t limit, size_t from)
{
	const char	*p;
	size_t		 i = from, e;
	int		 depth = 1;

	while (i < limit && (p = memmem(s + i, limit - i, "<!--", 4)) != NULL) {
		i = (size_t)(p - s);
		e = html_skip_comment(s, limit, i);
		if (i + 5 < limit && s[i + 4] == '$')
			depth++;
		else if (i + 6 < limit && s[i + 4] == '/' && s[i + 5] == '$' &&
		    --depth == 0)
			return (e);
		i = e;
	}
	return (from);
}

/* html_strip() of the bytes lo..hi of s. */
static void
strip_range(struct strip *st, const char *s, size_t lo, size_t hi,
    int level)
{
	struct html_tag		 t;
	struct strip_seg	*g;
	enum strip_kind		 kind;
	const char		*v;
	char			 name[16];
	size_t			 i = lo, from = lo, end, after, vl;
	int			*o, fallback;

	while (html_next_tag(s, hi, &i, &t)) {
		kind = strip_kind(&t, name);
		o = &st->open[kind == STRIP_FORMAT];
		if (t.closing) {
			if (kind != STRIP_FLAT && *o > 0)
				(*o)--;
			i = t.end;
			continue;
		}
		if (st->nseg > 0 && (g = strip_seg_at(st, i)) != NULL &&
		    g->used) {
			/* Moved in place already. */
			buf_add(st->out, s + from, i - from);
			i = from = g->after;
			continue;
		}
		switch (kind) {
		case STRIP_DROP:
			end = html_end_tag(s, hi, t.end, name, &after);
			if (strcmp(name, "noscript") == 0 &&
			    strip_text_chars(s + t.end, end - t.end) >= 500) {
				/* What a page shows readers without scripts
				 * (a thread's posts, say): read it. */
				buf_add(st->out, s + from, i - from);
				i = from = t.end;
				continue;
			}
			if (strcmp(name, "script") == 0 &&
			    html_tag_attr(&t, "type", &v, &vl) &&
			    ascii_find_nocase(v, vl, "ld+json") != NULL) {
				buf_add(st->ld, s + t.end, end - t.end);
				buf_addch(st->ld, '\0');
			}
			buf_add(st->out, s + from, i - from);
			i = from = after;
			if (strcmp(name, "template") == 0 && level < SEG_DEPTH &&
			    (g = strip_seg_for(st, &t, i, &fallback)) != NULL) {
				g->used = 1;
				strip_range(st, s, g->start, g->end, level + 1);
				if (fallback)
					i = from = strip_fallback_end(s,
					    g->at - after > SEG_FALLBACK ?
					    after + SEG_FALLBACK : g->at, after);
			}
			continue;
		case STRIP_FOREIGN:
			if (t.selfclosing)
				break;
			buf_add(st->out, s + from, i - from);
			i = from = strip_foreign_end(s, hi, t.end, name);
			continue;
		case STRIP_RAW:
			/* Their text is not markup: skip it unread. */
			html_end_tag(s, hi, t.end, name, &after);
			i = after;
			continue;
		default:
			break;
		}
		if (kind != STRIP_FLAT && !t.selfclosing &&
		    ++*o > STRIP_DEPTH) {
			(*o)--;
			buf_add(st->out, s + from, i - from);
			from = t.end;
		}
		i = t.end;
	}
	buf_add(st->out, s + from, hi - from);
}

/*
 * Copy the UTF-8 page to out without the elements that are never read
 * (script, style, noscript, svg, math, template), and append the text of
 * every JSON-LD script to ld as a NUL-terminated string. Segments a page
 * streams after its shell are read where they belong.
 *
 * Start tags nested deeper than STRIP_DEPTH are dropped too: gumbo's
 * time grows with the square of the nesting depth, and a page of nothing
 * but "<div>" would keep it busy for minutes. Their text stays.
 */
void
html_strip(const char *s, size_t len, struct buf *out, struct buf *ld)
{
	struct strip	 st;

	memset(&st, 0, sizeof st);
	st.out = out;
	st.ld = ld;
	strip_segments(&st, s, len);
	strip_range(&st, s, 0, len, 0);
	free(st.seg);
}
