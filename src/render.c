/*
 * render.c: blocks -> terminal lines.
 *
 * Text is laid out in cells: one code point each, with its display width,
 * its attributes and its link number. A paragraph becomes one run of
 * cells, link markers ("[3]") included, and is cut into lines greedily:
 * a line ends at the last space (or at the last point between two CJK
 * characters) before the width is reached, and a word longer than a whole
 * line is cut where it must be. Widths come from a table of the C
 * library's wcwidth(), so layout needs no locale and agrees with what
 * curses will draw; combining marks never start a line and stay with
 * their base character.
 *
 * This file is the one gate between a page and the terminal: every code
 * point passes render_safe() on its way into a cell, which turns C0 and C1
 * controls, DEL, escape sequences and bidi controls into U+FFFD. It is
 * text_safe_cp() of util.c, the rule of text_printable(), applied cell by
 * cell (text_printable() folds newlines and tabs away, which paragraphs
 * and preformatted text need to keep; U+2028 and U+2029 are newlines
 * here).
 *
 * Lines carry the left margin (when centred) and every indent, bar and
 * bullet as text, and spans that say what each part is, so a curses front
 * end only has to map attributes to colours and the plain-text output only
 * has to drop them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "extract.h"
#include "render.h"
#include "util.h"

struct render_range {
	uint32_t	 lo;
	uint32_t	 hi;
};

/* Code points of width 0, and of width 2 (glibc 2.36 wcwidth()). */
static const struct render_range render_zero[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05bf }, { 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 },
	{ 0x05c7, 0x05c7 }, { 0x0610, 0x061a }, { 0x061c, 0x061c },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc },
	{ 0x06df, 0x06e4 }, { 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed },
	{ 0x0711, 0x0711 }, { 0x0730, 0x074a }, { 0x07a6, 0x07b0 },
	{ 0x07eb, 0x07f3 }, { 0x07fd, 0x07fd }, { 0x0816, 0x0819 },
	{ 0x081b, 0x0823 }, { 0x0825, 0x0827 }, { 0x0829, 0x082d },
	{ 0x0859, 0x085b }, { 0x0898, 0x089f }, { 0x08ca, 0x08e1 },
	{ 0x08e3, 0x0902 }, { 0x093a, 0x093a }, { 0x093c, 0x093c },
	{ 0x0941, 0x0948 }, { 0x094d, 0x094d }, { 0x0951, 0x0957 },
	{ 0x0962, 0x0963 }, { 0x0981, 0x0981 }, { 0x09bc, 0x09bc },
	{ 0x09c1, 0x09c4 }, { 0x09cd, 0x09cd }, { 0x09e2, 0x09e3 },
	{ 0x09fe, 0x09fe }, { 0x0a01, 0x0a02 }, { 0x0a3c, 0x0a3c },
	{ 0x0a41, 0x0a42 }, { 0x0a47, 0x0a48 }, { 0x0a4b, 0x0a4d },
	{ 0x0a51, 0x0a51 }, { 0x0a70, 0x0a71 }, { 0x0a75, 0x0a75 },
	{ 0x0a81, 0x0a82 }, { 0x0abc, 0x0abc }, { 0x0ac1, 0x0ac5 },
	{ 0x0ac7, 0x0ac8 }, { 0x0acd, 0x0acd }, { 0x0ae2, 0x0ae3 },
	{ 0x0afa, 0x0aff }, { 0x0b01, 0x0b01 }, { 0x0b3c, 0x0b3c },
	{ 0x0b3f, 0x0b3f }, { 0x0b41, 0x0b44 }, { 0x0b4d, 0x0b4d },
	{ 0x0b55, 0x0b56 }, { 0x0b62, 0x0b63 }, { 0x0b82, 0x0b82 },
	{ 0x0bc0, 0x0bc0 }, { 0x0bcd, 0x0bcd }, { 0x0c00, 0x0c00 },
	{ 0x0c04, 0x0c04 }, { 0x0c3c, 0x0c3c }, { 0x0c3e, 0x0c40 },
	{ 0x0c46, 0x0c48 }, { 0x0c4a, 0x0c4d }, { 0x0c55, 0x0c56 },
	{ 0x0c62, 0x0c63 }, { 0x0c81, 0x0c81 }, { 0x0cbc, 0x0cbc },
	{ 0x0cbf, 0x0cbf }, { 0x0cc6, 0x0cc6 }, { 0x0ccc, 0x0ccd },
	{ 0x0ce2, 0x0ce3 }, { 0x0d00, 0x0d01 }, { 0x0d3b, 0x0d3c },
	{ 0x0d41, 0x0d44 }, { 0x0d4d, 0x0d4d }, { 0x0d62, 0x0d63 },
	{ 0x0d81, 0x0d81 }, { 0x0dca, 0x0dca }, { 0x0dd2, 0x0dd4 },
	{ 0x0dd6, 0x0dd6 }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a },
	{ 0x0e47, 0x0e4e }, { 0x0eb1, 0x0eb1 }, { 0x0eb4, 0x0ebc },
	{ 0x0ec8, 0x0ecd }, { 0x0f18, 0x0f19 }, { 0x0f35, 0x0f35 },
	{ 0x0f37, 0x0f37 }, { 0x0f39, 0x0f39 }, { 0x0f71, 0x0f7e },
	{ 0x0f80, 0x0f84 }, { 0x0f86, 0x0f87 }, { 0x0f8d, 0x0f97 },
	{ 0x0f99, 0x0fbc }, { 0x0fc6, 0x0fc6 }, { 0x102d, 0x1030 },
	{ 0x1032, 0x1037 }, { 0x1039, 0x103a }, { 0x103d, 0x103e },
	{ 0x1058, 0x1059 }, { 0x105e, 0x1060 }, { 0x1071, 0x1074 },
	{ 0x1082, 0x1082 }, { 0x1085, 0x1086 }, { 0x108d, 0x108d },
	{ 0x109d, 0x109d }, { 0x1160, 0x11ff }, { 0x135d, 0x135f },
	{ 0x1712, 0x1714 }, { 0x1732, 0x1733 }, { 0x1752, 0x1753 },
	{ 0x1772, 0x1773 }, { 0x17b4, 0x17b5 }, { 0x17b7, 0x17bd },
	{ 0x17c6, 0x17c6 }, { 0x17c9, 0x17d3 }, { 0x17dd, 0x17dd },
	{ 0x180b, 0x180f }, { 0x1885, 0x1886 }, { 0x18a9, 0x18a9 },
	{ 0x1920, 0x1922 }, { 0x1927, 0x1928 }, { 0x1932, 0x1932 },
	{ 0x1939, 0x193b }, { 0x1a17, 0x1a18 }, { 0x1a1b, 0x1a1b },
	{ 0x1a56, 0x1a56 }, { 0x1a58, 0x1a5e }, { 0x1a60, 0x1a60 },
	{ 0x1a62, 0x1a62 }, { 0x1a65, 0x1a6c }, { 0x1a73, 0x1a7c },
	{ 0x1a7f, 0x1a7f }, { 0x1ab0, 0x1ace }, { 0x1b00, 0x1b03 },
	{ 0x1b34, 0x1b34 }, { 0x1b36, 0x1b3a }, { 0x1b3c, 0x1b3c },
	{ 0x1b42, 0x1b42 }, { 0x1b6b, 0x1b73 }, { 0x1b80, 0x1b81 },
	{ 0x1ba2, 0x1ba5 }, { 0x1ba8, 0x1ba9 }, { 0x1bab, 0x1bad },
	{ 0x1be6, 0x1be6 }, { 0x1be8, 0x1be9 }, { 0x1bed, 0x1bed },
	{ 0x1bef, 0x1bf1 }, { 0x1c2c, 0x1c33 }, { 0x1c36, 0x1c37 },
	{ 0x1cd0, 0x1cd2 }, { 0x1cd4, 0x1ce0 }, { 0x1ce2, 0x1ce8 },
	{ 0x1ced, 0x1ced }, { 0x1cf4, 0x1cf4 }, { 0x1cf8, 0x1cf9 },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x2066, 0x206f }, { 0x20d0, 0x20f0 },
	{ 0x2cef, 0x2cf1 }, { 0x2d7f, 0x2d7f }, { 0x2de0, 0x2dff },
	{ 0x302a, 0x302d }, { 0x3099, 0x309a }, { 0xa66f, 0xa672 },
	{ 0xa674, 0xa67d }, { 0xa69e, 0xa69f }, { 0xa6f0, 0xa6f1 },
	{ 0xa802, 0xa802 }, { 0xa806, 0xa806 }, { 0xa80b, 0xa80b },
	{ 0xa825, 0xa826 }, { 0xa82c, 0xa82c }, { 0xa8c4, 0xa8c5 },
	{ 0xa8e0, 0xa8f1 }, { 0xa8ff, 0xa8ff }, { 0xa926, 0xa92d },
	{ 0xa947, 0xa951 }, { 0xa980, 0xa982 }, { 0xa9b3, 0xa9b3 },
	{ 0xa9b6, 0xa9b9 }, { 0xa9bc, 0xa9bd }, { 0xa9e5, 0xa9e5 },
	{ 0xaa29, 0xaa2e }, { 0xaa31, 0xaa32 }, { 0xaa35, 0xaa36 },
	{ 0xaa43, 0xaa43 }, { 0xaa4c, 0xaa4c }, { 0xaa7c, 0xaa7c },
	{ 0xaab0, 0xaab0 }, { 0xaab2, 0xaab4 }, { 0xaab7, 0xaab8 },
	{ 0xaabe, 0xaabf }, { 0xaac1, 0xaac1 }, { 0xaaec, 0xaaed },
	{ 0xaaf6, 0xaaf6 }, { 0xabe5, 0xabe5 }, { 0xabe8, 0xabe8 },
	{ 0xabed, 0xabed }, { 0xd7b0, 0xd7c6 }, { 0xd7cb, 0xd7fb },
	{ 0xfb1e, 0xfb1e }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0x101fd, 0x101fd },
	{ 0x102e0, 0x102e0 }, { 0x10376, 0x1037a }, { 0x10a01, 0x10a03 },
	{ 0x10a05, 0x10a06 }, { 0x10a0c, 0x10a0f }, { 0x10a38, 0x10a3a },
	{ 0x10a3f, 0x10a3f }, { 0x10ae5, 0x10ae6 }, { 0x10d24, 0x10d27 },
	{ 0x10eab, 0x10eac }, { 0x10f46, 0x10f50 }, { 0x10f82, 0x10f85 },
	{ 0x11001, 0x11001 }, { 0x11038, 0x11046 }, { 0x11070, 0x11070 },
	{ 0x11073, 0x11074 }, { 0x1107f, 0x11081 }, { 0x110b3, 0x110b6 },
	{ 0x110b9, 0x110ba }, { 0x110c2, 0x110c2 }, { 0x11100, 0x11102 },
	{ 0x11127, 0x1112b }, { 0x1112d, 0x11134 }, { 0x11173, 0x11173 },
	{ 0x11180, 0x11181 }, { 0x111b6, 0x111be }, { 0x111c9, 0x111cc },
	{ 0x111cf, 0x111cf }, { 0x1122f, 0x11231 }, { 0x11234, 0x11234 },
	{ 0x11236, 0x11237 }, { 0x1123e, 0x1123e }, { 0x112df, 0x112df },
	{ 0x112e3, 0x112ea }, { 0x11300, 0x11301 }, { 0x1133b, 0x1133c },
	{ 0x11340, 0x11340 }, { 0x11366, 0x1136c }, { 0x11370, 0x11374 },
	{ 0x11438, 0x1143f }, { 0x11442, 0x11444 }, { 0x11446, 0x11446 },
	{ 0x1145e, 0x1145e }, { 0x114b3, 0x114b8 }, { 0x114ba, 0x114ba },
	{ 0x114bf, 0x114c0 }, { 0x114c2, 0x114c3 }, { 0x115b2, 0x115b5 },
	{ 0x115bc, 0x115bd }, { 0x115bf, 0x115c0 }, { 0x115dc, 0x115dd },
	{ 0x11633, 0x1163a }, { 0x1163d, 0x1163d }, { 0x1163f, 0x11640 },
	{ 0x116ab, 0x116ab }, { 0x116ad, 0x116ad }, { 0x116b0, 0x116b5 },
	{ 0x116b7, 0x116b7 }, { 0x1171d, 0x1171f }, { 0x11722, 0x11725 },
	{ 0x11727, 0x1172b }, { 0x1182f, 0x11837 }, { 0x11839, 0x1183a },
	{ 0x1193b, 0x1193c }, { 0x1193e, 0x1193e }, { 0x11943, 0x11943 },
	{ 0x119d4, 0x119d7 }, { 0x119da, 0x119db }, { 0x119e0, 0x119e0 },
	{ 0x11a01, 0x11a0a }, { 0x11a33, 0x11a38 }, { 0x11a3b, 0x11a3e },
	{ 0x11a47, 0x11a47 }, { 0x11a51, 0x11a56 }, { 0x11a59, 0x11a5b },
	{ 0x11a8a, 0x11a96 }, { 0x11a98, 0x11a99 }, { 0x11c30, 0x11c36 },
	{ 0x11c38, 0x11c3d }, { 0x11c3f, 0x11c3f }, { 0x11c92, 0x11ca7 },
	{ 0x11caa, 0x11cb0 }, { 0x11cb2, 0x11cb3 }, { 0x11cb5, 0x11cb6 },
	{ 0x11d31, 0x11d36 }, { 0x11d3a, 0x11d3a }, { 0x11d3c, 0x11d3d },
	{ 0x11d3f, 0x11d45 }, { 0x11d47, 0x11d47 }, { 0x11d90, 0x11d91 },
	{ 0x11d95, 0x11d95 }, { 0x11d97, 0x11d97 }, { 0x11ef3, 0x11ef4 },
	{ 0x13430, 0x13438 }, { 0x16af0, 0x16af4 }, { 0x16b30, 0x16b36 },
	{ 0x16f4f, 0x16f4f }, { 0x16f8f, 0x16f92 }, { 0x16fe4, 0x16fe4 },
	{ 0x1bc9d, 0x1bc9e }, { 0x1bca0, 0x1bca3 }, { 0x1cf00, 0x1cf2d },
	{ 0x1cf30, 0x1cf46 }, { 0x1d167, 0x1d169 }, { 0x1d173, 0x1d182 },
	{ 0x1d185, 0x1d18b }, { 0x1d1aa, 0x1d1ad }, { 0x1d242, 0x1d244 },
	{ 0x1da00, 0x1da36 }, { 0x1da3b, 0x1da6c }, { 0x1da75, 0x1da75 },
	{ 0x1da84, 0x1da84 }, { 0x1da9b, 0x1da9f }, { 0x1daa1, 0x1daaf },
	{ 0x1e000, 0x1e006 }, { 0x1e008, 0x1e018 }, { 0x1e01b, 0x1e021 },
	{ 0x1e023, 0x1e024 }, { 0x1e026, 0x1e02a }, { 0x1e130, 0x1e136 },
	{ 0x1e2ae, 0x1e2ae }, { 0x1e2ec, 0x1e2ef }, { 0x1e8d0, 0x1e8d6 },
	{ 0x1e944, 0x1e94a }, { 0xe0001, 0xe0001 }, { 0xe0020, 0xe007f },
	{ 0xe0100, 0xe01ef },
};

static const struct render_range render_wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a },
	{ 0x23e9, 0x23ec }, { 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 },
	{ 0x26ce, 0x26ce }, { 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea },
	{ 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 }, { 0x26fa, 0x26fa },
	{ 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf }, { 0x2b1b, 0x2b1c },
	{ 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x2e99 },
	{ 0x2e9b, 0x2ef3 }, { 0x2f00, 0x2fd5 }, { 0x2ff0, 0x2ffb },
	{ 0x3000, 0x3029 }, { 0x302e, 0x303e }, { 0x3041, 0x3096 },
	{ 0x309b, 0x30ff }, { 0x3105, 0x312f }, { 0x3131, 0x318e },
	{ 0x3190, 0x31e3 }, { 0x31f0, 0x321e }, { 0x3220, 0xa48c },
	{ 0xa490, 0xa4c6 }, { 0xa960, 0xa97c }, { 0xac00, 0xd7a3 },
	{ 0xf900, 0xfa6d }, { 0xfa70, 0xfad9 }, { 0xfe10, 0xfe19 },
	{ 0xfe30, 0xfe52 }, { 0xfe54, 0xfe66 }, { 0xfe68, 0xfe6b },
	{ 0xff01, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe3 },
	{ 0x16ff0, 0x16ff1 }, { 0x17000, 0x187f7 }, { 0x18800, 0x18cd5 },
	{ 0x18d00, 0x18d08 }, { 0x1aff0, 0x1aff3 }, { 0x1aff5, 0x1affb },
	{ 0x1affd, 0x1affe }, { 0x1b000, 0x1b122 }, { 0x1b150, 0x1b152 },
	{ 0x1b164, 0x1b167 }, { 0x1b170, 0x1b2fb }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a },
	{ 0x1f200, 0x1f202 }, { 0x1f210, 0x1f23b }, { 0x1f240, 0x1f248 },
	{ 0x1f250, 0x1f251 }, { 0x1f260, 0x1f265 }, { 0x1f300, 0x1f320 },
	{ 0x1f32d, 0x1f335 }, { 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 },
	{ 0x1f3a0, 0x1f3ca }, { 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 },
	{ 0x1f3f4, 0x1f3f4 }, { 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 },
	{ 0x1f442, 0x1f4fc }, { 0x1f4ff, 0x1f53d }, { 0x1f54b, 0x1f54e },
	{ 0x1f550, 0x1f567 }, { 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 },
	{ 0x1f5a4, 0x1f5a4 }, { 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 },
	{ 0x1f6cc, 0x1f6cc }, { 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 },
	{ 0x1f6dd, 0x1f6df }, { 0x1f6eb, 0x1f6ec }, { 0x1f6f4, 0x1f6fc },
	{ 0x1f7e0, 0x1f7eb }, { 0x1f7f0, 0x1f7f0 }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1fa74 },
	{ 0x1fa78, 0x1fa7c }, { 0x1fa80, 0x1fa86 }, { 0x1fa90, 0x1faac },
	{ 0x1fab0, 0x1faba }, { 0x1fac0, 0x1fac5 }, { 0x1fad0, 0x1fad9 },
	{ 0x1fae0, 0x1fae7 }, { 0x1faf0, 0x1faf6 }, { 0x20000, 0x2a6df },
	{ 0x2a700, 0x2b738 }, { 0x2b740, 0x2b81d }, { 0x2b820, 0x2cea1 },
	{ 0x2ceb0, 0x2ebe0 }, { 0x2f800, 0x2fa1d }, { 0x30000, 0x3134a },
};

/* Is cp in the sorted range table t? */
static int
render_in(const struct render_range *t, size_t n, uint32_t cp)
{
	size_t	 lo = 0, hi = n, mid;

	if (cp < t[0].lo || cp > t[n - 1].hi)
		return (0);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp > t[mid].hi)
			lo = mid + 1;
		else if (cp < t[mid].lo)
			hi = mid;
		else
			return (1);
	}
	return (0);
}

/* The display width of cp (see render.h). */
int
render_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return (-1);
	if (cp < 0x300)
		return (1);
	if (render_in(render_zero, nitems(render_zero), cp))
		return (0);
	if (render_in(render_wide, nitems(render_wide), cp))
		return (2);
	return (1);
}

/* The terminal gate: util's, so titles and articles follow one rule. */
static uint32_t
render_safe(uint32_t cp)
{
	return (text_safe_cp(cp));
}

/* How many of the len bytes of UTF-8 at s fill at most cols columns,
 * cut between characters, a combining mark kept with its base. */
size_t
render_fit(const char *s, size_t len, size_t cols)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 used = 0, off = 0, n;
	uint32_t		 cp;
	int			 w;

	while (off < len) {
		n = utf8_decode(p + off, len - off, &cp);
		if (n == 0) {
			cp = 0xfffd;
			n = 1;
		}
		w = render_width(render_safe(cp));
		if (w > 0 && used + (size_t)w > cols)
			break;
		used += w > 0 ? (size_t)w : 0;
		off += n;
	}
	return (off);
}

/* The display width of len bytes of UTF-8. */
size_t
render_cols(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 cols = 0, n;
	uint32_t		 cp;
	int			 w;

	while (len > 0) {
		n = utf8_decode(p, len, &cp);
		if (n == 0) {
			cp = 0xfffd;
			n = 1;
		}
		w = render_width(render_safe(cp));
		cols += w > 0 ? (size_t)w : 0;
		p += n;
		len -= n;
	}
	return (cols);
}

struct cell {
	uint32_t	 cp;
	unsigned	 attr;
	size_t		 link;
	int		 w;
};

/* A piece of the text left of a line's content: a quote's bar, a list's
 * indent or bullet. first is shown on the next line, rest after it. */
struct seg {
	char		 first[24];
	char		 rest[24];
	unsigned	 attr;
	int		 cols;
	int		 used;		/* first has been shown */
};

#define RENDER_DEPTH	12

struct ctx {
	struct render		*r;
	const struct article	*art;
	int			 width;		/* of the text column */
	int			 margin;	/* spaces left of it */
	size_t			 images;	/* numbered so far */
	struct seg		 seg[RENDER_DEPTH];
	int			 nseg;
	int			 pcols;		/* columns of the segments */
	struct cell		*c;
	size_t			 nc;
	size_t			 cc;
	struct buf		 text;
	struct render_span	*sp;
	size_t			 nsp;
	size_t			 csp;
	int			 lastblank;	/* the last line is empty */
	int			 flat;	/* levels pushed but not shown */
};

/* Append one cell; its width comes from the table. */
static void
cell_add(struct ctx *x, uint32_t cp, unsigned attr, size_t link)
{
	struct cell	*c;
	int		 w;

	if (x->nc == x->cc) {
		x->cc = x->cc == 0 ? 256 : x->cc * 2;
		x->c = xreallocarray(x->c, x->cc, sizeof *x->c);
	}
	c = &x->c[x->nc++];
	c->cp = cp;
	c->attr = attr;
	c->link = link;
	w = cp == '\n' ? 0 : render_width(cp);
	c->w = w < 0 ? 1 : w;
}

/* Add UTF-8 text as cells, through the gate. Tabs and newlines become
 * spaces unless keep is set. */
static void
cell_text(struct ctx *x, const char *s, size_t len, unsigned attr,
    size_t link, int keep)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n;
	uint32_t		 cp;

	while (len > 0) {
		n = utf8_decode(p, len, &cp);
		if (n == 0) {
			cp = 0xfffd;
			n = 1;
		}
		p += n;
		len -= n;
		if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
			cp = '\n';	/* Unicode's line breaks */
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			if (keep && cp != '\r')
				cell_add(x, cp, attr, link);
			else
				cell_add(x, ' ', attr, link);
			continue;
		}
		cell_add(x, render_safe(cp), attr, link);
	}
}

/* Append a string of our own (never from a page) as cells. */
static void
cell_str(struct ctx *x, const char *s, unsigned attr)
{
	cell_text(x, s, strlen(s), attr, 0, 0);
}

/*
 * Push a prefix segment (a bar, an indent, a bullet). Past RENDER_DEPTH,
 * or when the prefix would take more than half of the column, deeper
 * levels are not indented further: a page's nesting must not squeeze its
 * text into nothing.
 */
static void
seg_push(struct ctx *x, const char *first, const char *rest, unsigned attr)
{
	struct seg	*g;
	int		 cols;

	cols = (int)render_cols(rest, strlen(rest));
	if (x->nseg == RENDER_DEPTH || x->pcols + cols > x->width / 2) {
		x->flat++;
		return;
	}
	g = &x->seg[x->nseg++];
	/* Our own short strings: they always fit. */
	snprintf(g->first, sizeof g->first, "%s", first);
	snprintf(g->rest, sizeof g->rest, "%s", rest);
	g->attr = attr;
	g->used = 0;
	g->cols = cols;
	x->pcols += g->cols;
}

/* Drop the innermost prefix segment. */
static void
seg_pop(struct ctx *x)
{
	if (x->flat > 0) {
		x->flat--;
		return;
	}
	x->nseg--;
	x->pcols -= x->seg[x->nseg].cols;
}

/* Add a span to the line being built (merging it with the last one). */
static void
span_add(struct ctx *x, size_t off, size_t len, unsigned attr, size_t link)
{
	struct render_span	*s;

	if (len == 0)
		return;
	if (x->nsp > 0) {
		s = &x->sp[x->nsp - 1];
		if (s->attr == attr && s->link == link &&
		    s->off + s->len == off) {
			s->len += len;
			return;
		}
	}
	if (x->nsp == x->csp) {
		x->csp = x->csp == 0 ? 16 : x->csp * 2;
		x->sp = xreallocarray(x->sp, x->csp, sizeof *x->sp);
	}
	s = &x->sp[x->nsp++];
	s->off = off;
	s->len = len;
	s->attr = attr;
	s->link = link;
}

/* Emit one line: margin, prefix segments, then cells[from, to) with
 * trailing spaces dropped. */
static void
emit(struct ctx *x, size_t from, size_t to, unsigned lineattr)
{
	struct render_line	*l;
	struct render		*r = x->r;
	const char		*t;
	size_t			 i, off, cols = 0;
	int			 k;

	while (to > from && x->c[to - 1].cp == ' ')
		to--;
	buf_reset(&x->text);
	x->nsp = 0;
	for (k = 0; k < x->margin; k++)
		buf_addch(&x->text, ' ');
	span_add(x, 0, x->text.len, 0, 0);
	cols = (size_t)x->margin;
	for (k = 0; k < x->nseg; k++) {
		t = x->seg[k].used ? x->seg[k].rest : x->seg[k].first;
		off = x->text.len;
		buf_addstr(&x->text, t);
		span_add(x, off, x->text.len - off, x->seg[k].attr, 0);
		cols += render_cols(t, strlen(t));
		x->seg[k].used = 1;
	}
	x->lastblank = from == to;
	for (i = from; i < to; i++) {
		off = x->text.len;
		utf8_encode(&x->text, x->c[i].cp);
		span_add(x, off, x->text.len - off, x->c[i].attr, x->c[i].link);
		cols += (size_t)x->c[i].w;
	}
	/* A blank line inside a quote keeps its bar, not the spaces. */
	while (x->text.len > 0 && x->text.data[x->text.len - 1] == ' ') {
		buf_truncate(&x->text, x->text.len - 1);
		cols--;
		while (x->nsp > 0 && x->sp[x->nsp - 1].off >= x->text.len)
			x->nsp--;
		if (x->nsp > 0 && x->sp[x->nsp - 1].off +
		    x->sp[x->nsp - 1].len > x->text.len)
			x->sp[x->nsp - 1].len = x->text.len -
			    x->sp[x->nsp - 1].off;
	}
	if (r->n == r->cap) {
		r->cap = r->cap == 0 ? 64 : r->cap * 2;
		r->lines = xreallocarray(r->lines, r->cap, sizeof *r->lines);
	}
	l = &r->lines[r->n++];
	l->text = xstrndup(x->text.data, x->text.len);
	l->len = x->text.len;
	l->cols = cols;
	l->attr = lineattr;
	l->nspans = x->nsp;
	l->spans = NULL;
	if (x->nsp > 0) {
		l->spans = xreallocarray(NULL, x->nsp, sizeof *l->spans);
		memcpy(l->spans, x->sp, x->nsp * sizeof *l->spans);
	}
}

/* A blank line between blocks, unless there is one already (or nothing
 * yet to separate from). Inside a quote it keeps the quote's bar. */
static void
blank(struct ctx *x)
{
	if (x->r->n == 0 || x->lastblank)
		return;
	emit(x, 0, 0, 0);
}

/* Cells at i may start a line: after a space, or at a CJK character (but
 * not before closing punctuation, a combining mark or a link marker). */
static int
breakable(const struct cell *c, size_t i)
{
	uint32_t	 cp = c[i].cp, prev = c[i - 1].cp;

	if (c[i].w == 0 || (c[i].attr & RENDER_LINKNUM))
		return (0);
	switch (cp) {
	case 0x3001: case 0x3002: case 0xff0c: case 0xff0e: case 0x300d:
	case 0x300f: case 0xff09: case 0xff01: case 0xff1f: case 0x3009:
	case 0x300b: case 0x3011: case 0xff1a: case 0xff1b: case 0x30fc:
		return (0);
	default:
		break;
	}
	switch (prev) {
	case 0x300c: case 0x300e: case 0xff08: case 0x3008: case 0x300a:
	case 0x3010:
		return (0);
	default:
		break;
	}
	return (c[i].w == 2 || c[i - 1].w == 2);
}

/* Wrap the cells into lines no wider than the text column. */
static void
wrap(struct ctx *x, unsigned lineattr)
{
	size_t	 i = 0, start, brk = 0, k;
	int	 avail, col = 0, space = 0;

	avail = x->width - x->pcols;
	if (avail < 8)
		avail = 8;
	while (i < x->nc && x->c[i].cp == ' ')
		i++;
	start = i;
	while (i < x->nc) {
		if (x->c[i].cp == '\n') {
			emit(x, start, i, lineattr);
			for (i++; i < x->nc && x->c[i].cp == ' '; i++)
				;
			start = i;
			col = 0;
			brk = 0;
			continue;
		}
		if (x->c[i].cp == ' ') {
			brk = i;
			space = 1;
		} else if (i > start && breakable(x->c, i)) {
			brk = i;
			space = 0;
		}
		if (x->c[i].cp != ' ' && col > 0 && col + x->c[i].w > avail) {
			if (brk > start) {
				emit(x, start, brk, lineattr);
				start = brk + (size_t)space;
				while (start < i && x->c[start].cp == ' ')
					start++;
				for (col = 0, k = start; k < i; k++)
					col += x->c[k].w;
			} else {
				emit(x, start, i, lineattr);
				start = i;
				col = 0;
			}
			brk = 0;
		}
		col += x->c[i].w;
		i++;
	}
	if (start < x->nc)
		emit(x, start, x->nc, lineattr);
	x->nc = 0;
}

/* The render attributes of an extracted span's style and link. */
static unsigned
span_attr(const struct extract_span *s)
{
	unsigned	 a = 0;

	if (s->style & EXTRACT_BOLD)
		a |= RENDER_BOLD;
	if (s->style & EXTRACT_ITALIC)
		a |= RENDER_ITALIC;
	if (s->style & EXTRACT_CODE)
		a |= RENDER_CODE;
	if (s->link != 0)
		a |= RENDER_LINK;
	return (a);
}

/* Add a block's spans as cells, each link followed by its "[n]". */
static void
cell_spans(struct ctx *x, const struct extract_block *b, unsigned attr)
{
	const struct extract_span	*s;
	char				 num[32];
	size_t				 i;

	for (i = 0; i < b->nspans; i++) {
		s = &b->spans[i];
		if (s->len == 1 && s->text[0] == '\n') {
			cell_add(x, '\n', attr, 0);
			continue;
		}
		cell_text(x, s->text, s->len, attr | span_attr(s), s->link, 0);
		if (s->link != 0 && (i + 1 == b->nspans ||
		    b->spans[i + 1].link != s->link)) {
			snprintf(num, sizeof num, "[%zu]", s->link);
			cell_text(x, num, strlen(num), attr | RENDER_LINKNUM,
			    s->link, 0);
		}
	}
}

/* Whether a figure's caption says what the image's alt text says, so
 * that the figure shows it once. */
static int
caption_repeats(const struct extract_block *fig, const char *alt)
{
	const struct extract_block	*c;
	size_t				 i, j, off;

	if (alt == NULL || *alt == '\0')
		return (0);
	for (i = 0; i < fig->nchildren; i++) {
		c = &fig->children[i];
		if (c->kind != EXTRACT_CAPTION)
			continue;
		off = 0;
		for (j = 0; j < c->nspans; j++) {
			if (strncmp(alt + off, c->spans[j].text,
			    c->spans[j].len) != 0)
				break;
			off += c->spans[j].len;
		}
		if (j == c->nspans && alt[off] == '\0')
			return (1);
	}
	return (0);
}

/* An image: "[image 2: alt]", or "[image 2]" when the alt text is
 * missing or a caption shows it anyway. */
static void
image_line(struct ctx *x, const struct extract_block *b, int show_alt)
{
	char	 num[48];

	x->images++;
	if (show_alt && b->alt != NULL && *b->alt != '\0') {
		snprintf(num, sizeof num, "[image %zu: ", x->images);
		cell_str(x, num, RENDER_DIM);
		cell_text(x, b->alt, strlen(b->alt), RENDER_DIM, 0, 0);
		cell_str(x, "]", RENDER_DIM);
	} else {
		snprintf(num, sizeof num, "[image %zu]", x->images);
		cell_str(x, num, RENDER_DIM);
	}
	wrap(x, RENDER_DIM);
}

/* Preformatted text: its own lines, tabs expanded, nothing wrapped. */
static void
pre_block(struct ctx *x, const struct extract_block *b)
{
	struct cell	*c;
	size_t		 i, n, start;
	int		 col = 0;

	for (i = 0; i < b->nspans; i++)
		cell_text(x, b->spans[i].text, b->spans[i].len, RENDER_CODE |
		    span_attr(&b->spans[i]), b->spans[i].link, 1);
	/* Take the cells and add them back with tabs as spaces. */
	c = x->c;
	n = x->nc;
	x->c = NULL;
	x->nc = x->cc = 0;
	for (i = 0; i < n; i++) {
		if (c[i].cp == '\n') {
			cell_add(x, '\n', c[i].attr, 0);
			col = 0;
		} else if (c[i].cp == '\t') {
			do
				cell_add(x, ' ', c[i].attr, c[i].link);
			while (++col % 8 != 0);
		} else {
			cell_add(x, c[i].cp, c[i].attr, c[i].link);
			col += c[i].w;
		}
	}
	free(c);
	for (i = start = 0; i <= x->nc; i++) {
		if (i == x->nc || x->c[i].cp == '\n') {
			emit(x, start, i, RENDER_CODE);
			start = i + 1;
		}
	}
	x->nc = 0;
}

/* Append n cells as they are. */
static void
cell_copy(struct ctx *x, const struct cell *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		cell_add(x, c[i].cp, c[i].attr, c[i].link);
		x->c[x->nc - 1].w = c[i].w;
	}
}

static void	 blocks(struct ctx *, const struct extract_block *, size_t);

/* The cells of one table cell, and their width. */
struct tcell {
	struct cell	*c;
	size_t		 n;
	int		 cols;
	int		 header;
};

/* A table: aligned when it fits the column, listed row by row when not. */
static void
table_block(struct ctx *x, const struct extract_block *b)
{
	struct tcell	*tc;
	const struct extract_block *row, *hdr = NULL;
	size_t		 r, k, ncols = 0, i;
	int		*w, total, avail, pad;

	for (r = 0; r < b->nchildren; r++)
		if (b->children[r].nchildren > ncols)
			ncols = b->children[r].nchildren;
	if (ncols == 0)
		return;
	if (ncols > 32 || b->nchildren * ncols > 20000) {
		/* Too big to lay out: a row a paragraph. */
		for (r = 0; r < b->nchildren; r++) {
			row = &b->children[r];
			for (k = 0; k < row->nchildren; k++) {
				if (k > 0)
					cell_str(x, " \xe2\x94\x82 ",
					    RENDER_DIM);
				cell_spans(x, &row->children[k],
				    row->children[k].header ? RENDER_BOLD : 0);
			}
			wrap(x, 0);
		}
		return;
	}
	tc = xcalloc(b->nchildren * ncols, sizeof *tc);
	w = xcalloc(ncols, sizeof *w);
	for (r = 0; r < b->nchildren; r++) {
		row = &b->children[r];
		for (k = 0; k < row->nchildren; k++) {
			x->nc = 0;
			cell_spans(x, &row->children[k],
			    row->children[k].header ? RENDER_BOLD : 0);
			for (i = 0; i < x->nc; i++)
				if (x->c[i].cp == '\n')
					x->c[i].cp = ' ';
			tc[r * ncols + k].c = x->c;
			tc[r * ncols + k].n = x->nc;
			tc[r * ncols + k].header = row->children[k].header;
			x->c = NULL;
			x->nc = x->cc = 0;
			for (i = 0; i < tc[r * ncols + k].n; i++)
				tc[r * ncols + k].cols +=
				    tc[r * ncols + k].c[i].w;
			if (tc[r * ncols + k].cols > w[k])
				w[k] = tc[r * ncols + k].cols;
		}
	}
	for (total = 0, k = 0; k < ncols; k++)
		total += w[k] + (k > 0 ? 3 : 0);
	avail = x->width - x->pcols;
	hdr = b->nchildren > 1 && b->children[0].nchildren > 0 &&
	    b->children[0].children[0].header ? &b->children[0] : NULL;
	if (total <= avail) {
		/* It fits: columns aligned, " │ " between them. */
		for (r = 0; r < b->nchildren; r++) {
			for (k = 0; k < ncols; k++) {
				if (k > 0)
					cell_str(x, " \xe2\x94\x82 ",
					    RENDER_DIM);
				cell_copy(x, tc[r * ncols + k].c,
				    tc[r * ncols + k].n);
				for (pad = tc[r * ncols + k].cols; pad < w[k] &&
				    k + 1 < ncols; pad++)
					cell_add(x, ' ', 0, 0);
			}
			emit(x, 0, x->nc, 0);
			x->nc = 0;
			if (r == 0 && hdr != NULL) {
				for (pad = 0; pad < total; pad++)
					cell_str(x, "\xe2\x94\x80", RENDER_DIM);
				emit(x, 0, x->nc, RENDER_DIM);
				x->nc = 0;
			}
		}
	} else {
		/* Too wide: each row as a list of its cells, with the
		 * header's names when there are some. */
		for (r = hdr != NULL ? 1 : 0; r < b->nchildren; r++) {
			if (r > (hdr != NULL ? 1u : 0u))
				blank(x);
			for (k = 0; k < b->children[r].nchildren; k++) {
				if (hdr != NULL && k < hdr->nchildren &&
				    tc[k].n > 0) {
					cell_copy(x, tc[k].c, tc[k].n);
					cell_str(x, ": ", RENDER_BOLD);
				}
				cell_copy(x, tc[r * ncols + k].c,
				    tc[r * ncols + k].n);
				seg_push(x, "", "  ", 0);
				wrap(x, 0);
				seg_pop(x);
			}
		}
	}
	for (i = 0; i < b->nchildren * ncols; i++)
		free(tc[i].c);
	free(tc);
	free(w);
}

/* A list: a bullet or number, then the item's blocks behind a hanging
 * indent as wide as the marker. */
static void
list_block(struct ctx *x, const struct extract_block *b, int depth)
{
	char	 first[24], rest[24];
	size_t	 i;
	int	 numw, last;

	last = b->start + (int)b->nchildren - 1;
	numw = snprintf(NULL, 0, "%d", last > b->start ? last : b->start);
	for (i = 0; i < b->nchildren; i++) {
		if (b->ordered)
			snprintf(first, sizeof first, "%*d. ", numw,
			    b->start + (int)i);
		else
			snprintf(first, sizeof first, "%s ", depth % 2 == 0 ?
			    "\xe2\x80\xa2" : "\xe2\x97\xa6");
		snprintf(rest, sizeof rest, "%*s", (int)render_cols(first,
		    strlen(first)), "");
		seg_push(x, first, rest, RENDER_MARKER);
		blocks(x, b->children[i].children, b->children[i].nchildren);
		seg_pop(x);
	}
}

/* A run of rule characters, cols wide. */
static void
rule_cells(struct ctx *x, int cols)
{
	while (cols-- > 0)
		cell_str(x, "\xe2\x94\x80", RENDER_DIM);
}

/*
 * A post: a header line across the column, "── alice · 2024-02-20 14:03
 * ────", the author in bold, then the post's blocks. A header too long
 * for the column wraps and goes without the rule after it.
 */
static void
post_block(struct ctx *x, const struct extract_block *b)
{
	size_t	 i;
	int	 avail, used = 0;

	rule_cells(x, 2);
	if (b->author != NULL) {
		cell_str(x, " ", RENDER_DIM);
		cell_text(x, b->author, strlen(b->author), RENDER_BOLD, 0, 0);
	}
	if (b->date != NULL) {
		cell_str(x, b->author != NULL ? " \xc2\xb7 " : " ",
		    RENDER_DIM);
		cell_text(x, b->date, strlen(b->date), RENDER_DIM, 0, 0);
	}
	avail = x->width - x->pcols;
	for (i = 0; i < x->nc; i++)
		used += x->c[i].w;
	if (b->author == NULL && b->date == NULL)
		rule_cells(x, avail - used);
	else if (used + 3 <= avail) {
		cell_str(x, " ", RENDER_DIM);
		rule_cells(x, avail - used - 1);
	}
	wrap(x, RENDER_DIM);
	blocks(x, b->children, b->nchildren);
}

/* Render one block (with a blank line before it where blocks meet). */
static void
block(struct ctx *x, const struct extract_block *b, int depth)
{
	size_t		 i, k;
	int		 cols;

	switch (b->kind) {
	case EXTRACT_PARAGRAPH:
		cell_spans(x, b, 0);
		wrap(x, 0);
		break;
	case EXTRACT_HEADING:
		cell_spans(x, b, RENDER_HEADING | RENDER_BOLD);
		k = x->r->n;
		wrap(x, RENDER_HEADING);
		if (b->level <= 2 && depth == 0 && x->r->n > k) {
			/* Underlined, so plain text shows it is a heading. */
			for (cols = 0, i = k; i < x->r->n; i++)
				if ((int)x->r->lines[i].cols > cols)
					cols = (int)x->r->lines[i].cols;
			cols -= x->margin + x->pcols;
			while (cols-- > 0)
				cell_str(x, b->level == 1 ? "=" : "-",
				    RENDER_HEADING);
			wrap(x, RENDER_HEADING);
		}
		break;
	case EXTRACT_PRE:
		pre_block(x, b);
		break;
	case EXTRACT_LIST:
		list_block(x, b, depth);
		break;
	case EXTRACT_ITEM:
		blocks(x, b->children, b->nchildren);
		break;
	case EXTRACT_QUOTE:
		seg_push(x, "\xe2\x94\x82 ", "\xe2\x94\x82 ", RENDER_QUOTE);
		blocks(x, b->children, b->nchildren);
		seg_pop(x);
		break;
	case EXTRACT_TABLE:
		table_block(x, b);
		break;
	case EXTRACT_FIGURE:
		for (i = 0; i < b->nchildren; i++) {
			if (b->children[i].kind == EXTRACT_IMAGE)
				image_line(x, &b->children[i],
				    !caption_repeats(b, b->children[i].alt));
			else {
				cell_spans(x, &b->children[i],
				    RENDER_DIM | RENDER_ITALIC);
				wrap(x, RENDER_DIM);
			}
		}
		break;
	case EXTRACT_IMAGE:
		image_line(x, b, 1);
		break;
	case EXTRACT_RULE:
		rule_cells(x, x->width - x->pcols);
		wrap(x, RENDER_DIM);
		break;
	case EXTRACT_POST:
		post_block(x, b);
		break;
	case EXTRACT_CAPTION:
	case EXTRACT_CELL:
	case EXTRACT_ROW:
		cell_spans(x, b, 0);
		wrap(x, 0);
		break;
	}
}

/* Render blocks one after another: paragraphs apart, list items close. */
static void
blocks(struct ctx *x, const struct extract_block *v, size_t n)
{
	size_t	 i;
	int	 depth = 0, k;

	for (k = 0; k < x->nseg; k++)
		depth += x->seg[k].attr == RENDER_MARKER;
	/* List items are compact: no blank lines inside them. */
	for (i = 0; i < n; i++) {
		if (x->nseg == 0 || x->seg[x->nseg - 1].attr != RENDER_MARKER)
			blank(x);
		/* What follows the last post of a run is not part of it. */
		if (i > 0 && v[i - 1].kind == EXTRACT_POST &&
		    v[i].kind != EXTRACT_POST) {
			rule_cells(x, x->width - x->pcols);
			wrap(x, RENDER_DIM);
			blank(x);
		}
		block(x, &v[i], depth);
	}
}

/* The numbered list of links after the text. */
static void
links(struct ctx *x, const struct article *art)
{
	char	 num[32], pad[32];
	size_t	 i;
	int	 w;

	if (art->nlinks == 0)
		return;
	blank(x);
	cell_str(x, "Links:", RENDER_DIM | RENDER_BOLD);
	wrap(x, RENDER_DIM);
	w = snprintf(NULL, 0, "[%zu] ", art->nlinks);
	for (i = 0; i < art->nlinks; i++) {
		snprintf(pad, sizeof pad, "[%zu]", i + 1);
		snprintf(num, sizeof num, "%-*s", w, pad);
		snprintf(pad, sizeof pad, "%*s", w, "");
		seg_push(x, num, pad, RENDER_LINKNUM | RENDER_DIM);
		cell_text(x, art->links[i].url, strlen(art->links[i].url),
		    RENDER_DIM | RENDER_LINK, i + 1, 0);
		wrap(x, RENDER_DIM);
		seg_pop(x);
	}
}

/* Set up a rendering of the given width, cap and centring. */
static void
ctx_init(struct ctx *x, const struct render_opts *o, struct render *r)
{
	memset(x, 0, sizeof *x);
	x->r = r;
	x->width = o->width > 0 ? o->width : 80;
	if (o->max_width > 0 && o->max_width < x->width)
		x->width = o->max_width;
	if (x->width < 16)
		x->width = 16;
	if (o->centre && o->width > x->width)
		x->margin = (o->width - x->width) / 2;
	buf_init(&x->text);
}

/* Free the scratch of a rendering. */
static void
ctx_release(struct ctx *x)
{
	free(x->c);
	free(x->sp);
	buf_release(&x->text);
}

/* "Tim Lister · CNN · 2017-03-30" */
static void
header(struct ctx *x, const struct article *art)
{
	char	 date[32];
	int	 any = 0;

	if (art->title != NULL) {
		cell_text(x, art->title, strlen(art->title),
		    RENDER_TITLE | RENDER_BOLD, 0, 0);
		wrap(x, RENDER_TITLE);
	}
	if (art->byline != NULL) {
		cell_text(x, art->byline, strlen(art->byline), RENDER_DIM, 0,
		    0);
		any = 1;
	}
	if (art->site_name != NULL) {
		if (any)
			cell_str(x, " \xc2\xb7 ", RENDER_DIM);
		cell_text(x, art->site_name, strlen(art->site_name),
		    RENDER_DIM, 0, 0);
		any = 1;
	}
	if (art->has_published) {
		time_rfc3339(art->published, date, sizeof date);
		date[10] = '\0';
		if (any)
			cell_str(x, " \xc2\xb7 ", RENDER_DIM);
		cell_str(x, date, RENDER_DIM);
		any = 1;
	}
	if (any)
		wrap(x, RENDER_DIM);
}

/* Render an article: title, byline line, body and links. */
void
render_article(const struct article *art, const struct render_opts *o,
    struct render *r)
{
	struct ctx	 x;

	ctx_init(&x, o, r);
	x.art = art;
	header(&x, art);
	blocks(&x, art->blocks, art->nblocks);
	links(&x, art);
	ctx_release(&x);
}

/* Render a feed item's HTML: body and links. */
void
render_html(const char *html, size_t len, const char *base,
    const struct render_opts *o, struct render *r)
{
	struct article	*art;
	struct ctx	 x;

	art = extract_fragment(html, len, base);
	ctx_init(&x, o, r);
	x.art = art;
	blocks(&x, art->blocks, art->nblocks);
	links(&x, art);
	ctx_release(&x);
	extract_free(art);
}

/* Append the lines as plain text. */
void
render_text(const struct render *r, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		buf_add(out, r->lines[i].text, r->lines[i].len);
		buf_addch(out, '\n');
	}
}

/* Free the lines of a rendering. */
void
render_release(struct render *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		free(r->lines[i].text);
		free(r->lines[i].spans);
	}
	free(r->lines);
	r->lines = NULL;
	r->n = r->cap = 0;
}
