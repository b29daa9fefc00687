/*
 * extract-post.c: the filters over the top-level blocks of an article,
 * and the numbering of its links.
 *
 * Precision. What the candidate search keeps still holds clutter that
 * only shows at the level of blocks: the same caption twice, a teaser
 * headline between two paragraphs, "Read more" buttons, share and
 * newsletter lines and copyright notices at the end.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "date.h"
#include "util.h"

/* Append a block's text (children included) to out, in one line. */
void
block_plain(const struct extract_block *b, struct buf *out)
{
	size_t	 i;

	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].text[0] == '\n')
			buf_addch(out, ' ');
		else
			buf_add(out, b->spans[i].text, b->spans[i].len);
	}
	for (i = 0; i < b->nchildren; i++) {
		if (out->len > 0 && out->data[out->len - 1] != ' ')
			buf_addch(out, ' ');
		block_plain(&b->children[i], out);
	}
}

/* Characters of a block, and of them those inside links. */
void
block_counts(const struct extract_block *b, size_t *chars, size_t *links)
{
	size_t	 i;

	for (i = 0; i < b->nspans; i++) {
		*chars += b->spans[i].len;
		if (b->spans[i].link != 0)
			*links += b->spans[i].len;
	}
	for (i = 0; i < b->nchildren; i++)
		block_counts(&b->children[i], chars, links);
}

/* A key for "the same text": lower-case letters and digits only. */
void
text_key(const char *s, size_t len, struct buf *out)
{
	size_t	 i;

	buf_reset(out);
	for (i = 0; i < len; i++) {
		if (ascii_isalnum((unsigned char)s[i]))
			buf_addch(out, ascii_lower((unsigned char)s[i]));
		else if ((unsigned char)s[i] >= 0x80)
			buf_addch(out, s[i]);
	}
}

/* Interface text that is never part of an article when it stands alone
 * (compared as keys: lower case, letters and digits only). */
static const char *const ui_phrases[] = {
	"advertisement", "advertising", "ad", "sponsored", "sponsoredcontent",
	"readmore", "continuereading", "readthefullstory", "readfullarticle",
	"share", "sharethis", "sharethisarticle", "sharethisstory",
	"shareonfacebook", "shareontwitter", "tweet", "email", "print",
	"comments", "leaveacomment", "postacomment", "showcomments",
	"justwatched", "mustwatch", "replay", "morevideos", "watchnow",
	"related", "relatedarticles", "relatedstories", "relatedcontent",
	"relatedposts", "recommended", "recommendedforyou", "youmayalsolike",
	"youmightalsolike", "moretoexplore", "morestories", "trending",
	"mostpopular", "mostread", "signup", "subscribe", "subscribenow",
	"newsletter", "clickhere", "loading", "followus", "close",
	"skipadvertisement", "backtotop", "image", "photo", "video",
	"enlargethisimage", "togglecaption", "hidecaption", "expand",
	"playvideo", "closemodal", "skiptocontent", "skiptomaincontent",
	"advert", "thisslideshowrequiresjavascript", "telluswhatyouthink",
	"dontmiss", "mustread", "topstories", "latestnews", "tags", "more",
	"seemore", "readalso", "alsoread", "relatedlinks", "relatedtopics",
	"topics", "advertisementcontinuereadingbelow",
	"advertisementscrolltocontinue", "storycontinuesbelow",
	"articlecontinuesbelow", "continuereadingbelow", "pinthisforlater", "pinforlater", "pinit", "topofpage",
	"skipnavigation", "skiptonavigation", "youmightlike", "youmaylike",
	"otherpostsyoumayenjoy", "discussionaboutthispost", "subscribehere",
	"stayconnected", "signupforournewsletter", "joinournewsletter",
	"readnext", "upnext", "home", "posts", "previouspost", "nextpost",
	"previousarticle", "nextarticle", "learnmore", "getstarted",
	"contactus", "requestademo", "bookademo", "requestaquote",
	"followusonfacebook", "followusontwitter", "followusoninstagram",
	"shareonlinkedin", "shareonpinterest", "shareonwhatsapp",
	"shareonothersites", "openinapp",
	"copylink", "linkcopied", "printthisarticle", "emailthisarticle",
	"readtime", "listentothisarticle", "savearticle", "bookmark",
	"readingtime", "tableofcontents", "inthisarticle", "onthispage",
	"inhaltsverzeichnis", "sommaire", "tabledesmati\xc3\xa8res",
	"\xc3\xadndice", "tabladecontenidos", "indice", "inhoudsopgave",
	/* A documentation page's feedback box and edit links. */
	"wasthishelpful", "wasthispagehelpful", "wasthisarticlehelpful",
	"isthispagehelpful", "didthispagehelp", "didthishelp",
	"didyoufindthishelpful", "wasthispageuseful", "yesno",
	"ratethispage", "ratethisarticle", "editthispage", "editongithub",
	"editpage", "suggestedits", "suggestanedit", "improvethispage",
	"wardieseseitehilfreich", "wardieserartikelhilfreich",
	"cettepageatelle\xc3\xa9t\xc3\xa9utile",
	"\xc2\xbf" "estap\xc3\xa1ginatefue\xc3\xbatil",
	"questapagina\xc3\xa8statautile", "washetnuttig",
	/* A shop's and a service's buttons. */
	"addtocart", "addtobag", "addtobasket", "buynow", "notifyme",
	"signin", "login", "logout", "register", "createanaccount",
	"myaccount", "cart", "yourcart", "viewcart", "checkout", "wishlist",
	"addtowishlist", "sortby", "filter", "filters", "filterandsort",
	"filtersort", "selectasize", "selectsize", "sizeguide",
	"leaveareview", "writeareview", "contactsales", "speaktoanexpert",
	"talktosales", "startafreetrial", "startfreetrial", "freetrial",
	"getaquote", "comingsoon", "outofstock", "soldout", "pickupinstore",
	"quickview", "quickadd", "quickshop", "compare", "addtocompare",
	"viewdetails", "seedetails", "shopnow", "newarrival", "freeshipping",
	"instock", "showmore", "showless", "readreviews", "wheretobuy",
	"watchdemo", "readblog", "playgame",
	"loadmore", "viewall", "seeall", "privacy", "privacypolicy",
	"termsofuse", "termsofservice", "cookiesettings", "cookiepolicy",
	"aboutus", "careers", "sitemap", "search", "menu", "skiptomain",
	/* The same furniture in other languages. */
	"teilen", "werbung", "anzeige", "weiterlesen", "mehrzumthema",
	"kommentare", "abonnieren", "newsletterabonnieren", "nachoben",
	"partager", "publicit\xc3\xa9", "lirelasuite", "commentaires",
	"sabonner", "enlireplus", "retourenhaut",
	"compartir", "publicidad", "leerm\xc3\xa1s", "comentarios",
	"suscr\xc3\xad" "bete", "suscribirse", "volverarriba",
	"condividi", "pubblicit\xc3\xa0", "leggianche", "commenti",
	"iscriviti", "tornasu",
	"compartilhar", "publicidade", "leiatamb\xc3\xa9m", "coment\xc3\xa1rios",
	"delen", "advertentie", "leesmeer", "reacties", "abonneren",
	/* A forum's buttons and tools around its posts. */
	"linktopost", "linktocomment", "codeselectall", "originalpost",
	"quote", "reportinappropriatecontent", "threadtools",
	"displaymodes", "postingrules", "previousthreadnextthread",
	/* The markers a site's formula renderer leaves around each post. */
	"begingroup", "endgroup",
	/* An empty list's message: a widget with nothing in it. */
	"noposts", "nopostsfound", "nocomments", "nocommentsyet",
	"bethefirsttocomment", "noresultsfound", "nothingfound",
	"keinebeitr\xc3\xa4ge", "keinekommentare", "aucunarticle",
	"aucuncommentaire", "noentradas", "nohaycomentarios",
	"nessunarticolo", "nessuncommento", "geenberichten", "geenreacties",
};

/* Openings of teaser lines that sit between an article's paragraphs. */
static const char *const teaser_openings[] = {
	"readmore", "read", "related", "seealso", "also", "more", "watch",
	"recommended", "moreon", "click", "listen", "previously",
	"mustread", "dontmiss", "trending", "popular", "explore", "see",
};

/* Is the key a gallery's counter ("Image 2 of 5", "3/12")? */
static int
post_counter(const char *key, size_t len)
{
	static const char *const words[] = {
		"image", "photo", "picture", "slide", "foto", "",
	};
	size_t	 i, n, k;

	for (i = 0; i < nitems(words); i++) {
		n = strlen(words[i]);
		if (len < n || memcmp(key, words[i], n) != 0)
			continue;
		for (k = n; k < len && key[k] >= '0' && key[k] <= '9'; k++)
			;
		if (k == n)
			continue;
		if (k + 2 <= len && memcmp(key + k, "of", 2) == 0)
			k += 2;
		n = k;
		for (; k < len && key[k] >= '0' && key[k] <= '9'; k++)
			;
		if (k == len && k > n)
			return (1);
	}
	return (0);
}

/* Does the key open with one of the n words? Return its length or 0. */
static size_t
key_word(const char *key, size_t len, const char *const *words, size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		k = strlen(words[i]);
		if (k <= len && memcmp(key, words[i], k) == 0)
			return (k);
	}
	return (0);
}

/*
 * Is the key an article's reading time: "5 min read", "Reading time: 8
 * minutes", "4 Min. Lesezeit", "3 min de lecture"?
 */
static int
post_read_time(const char *key, size_t len)
{
	static const char *const labels[] = {
		"readingtime", "readtime", "lesezeit", "tempsdelecture",
		"tiempodelectura", "tempodileitura", "tempodilettura",
		"leestijd",
	};
	static const char *const units[] = {	/* longest first */
		"minutes", "minuten", "minutos", "minute", "minuti", "mins",
		"min",
	};
	static const char *const reads[] = {
		"reading", "read", "lesezeit", "delecture", "delectura",
		"dilettura", "deleitura", "leestijd",
	};
	size_t	 k, d, r;

	k = key_word(key, len, labels, nitems(labels));
	for (d = k; d < len && key[d] >= '0' && key[d] <= '9'; d++)
		;
	if (d == k)
		return (0);
	d += key_word(key + d, len - d, units, nitems(units));
	if (k > 0)
		return (d == len);
	r = key_word(key + d, len - d, reads, nitems(reads));
	return (r > 0 && d + r == len);
}

/*
 * Is the text an advertisement's label with a note after it
 * ("Advertisement - Page continues below", "Anzeige (weiter unten)")?
 * For a paragraph: a heading that starts so ("Advertising - the older
 * source") heads a section about it.
 */
static int
post_ad_label(const char *text, size_t len)
{
	static const char *const labels[] = {
		"advertisement", "advertising", "anzeige", "werbung",
		"publicit\xc3\xa9", "publicidad", "pubblicit\xc3\xa0",
		"advertentie", "sponsored",
	};
	size_t	 i, n;

	if (len > 60)
		return (0);
	for (i = 0; i < nitems(labels); i++) {
		n = strlen(labels[i]);
		if (len <= n || !ascii_eq_nocase(text, labels[i], n))
			continue;
		while (n < len && text[n] == ' ')
			n++;
		if (n < len && (text[n] == '-' || text[n] == '(' ||
		    text[n] == ':' || text[n] == '|' ||
		    (unsigned char)text[n] == 0xe2))	/* a dash */
			return (1);
	}
	return (0);
}

/* Is the block's key one of the interface phrases? */
static int
post_ui_phrase(const char *key, size_t len)
{
	size_t	 i;

	if (post_counter(key, len) || post_read_time(key, len))
		return (1);
	/* A link that skips to a part of the page ("Skip to results"). */
	if (len > 6 && len <= 40 && memcmp(key, "skipto", 6) == 0)
		return (1);
	if (len > 48)
		return (0);
	for (i = 0; i < nitems(ui_phrases); i++)
		if (strlen(ui_phrases[i]) == len &&
		    memcmp(ui_phrases[i], key, len) == 0)
			return (1);
	return (0);
}

/* A block made mostly of links that opens like a teaser ("Read more:",
 * "Related:", "See also"). */
static int
post_teaser_line(const struct extract_block *b, const char *key,
    size_t keylen, size_t chars, size_t links)
{
	size_t	 i, n;

	if (b->kind != EXTRACT_PARAGRAPH || links == 0 || chars > 250)
		return (0);
	for (i = 0; i < nitems(teaser_openings); i++) {
		n = strlen(teaser_openings[i]);
		if (keylen >= n && memcmp(key, teaser_openings[i], n) == 0 &&
		    links * 2 >= chars)
			return (1);
	}
	return (0);
}

/* Is the block a copyright line or a cookie notice? */
static int
post_notice(const char *text, size_t len, const char *key)
{
	const char	*p;

	if (len > 300)
		return (0);
	/* The notice must open the block: a sentence of the article may
	 * come before it in the same paragraph. */
	if (((p = ascii_find_nocase(text, len, "\xc2\xa9")) != NULL ||
	    (p = ascii_find_nocase(text, len,
	    "all rights reserved")) != NULL) &&
	    ((size_t)(p - text) < len / 2 || len < 120))
		return (1);
	if (strncmp(key, "copyright", 9) == 0)
		return (1);
	return (ascii_find_nocase(text, len, "cookies") != NULL &&
	    (ascii_find_nocase(text, len, "we use") != NULL ||
	    ascii_find_nocase(text, len, "uses cookies") != NULL ||
	    ascii_find_nocase(text, len, "accept") != NULL ||
	    ascii_find_nocase(text, len, "consent") != NULL));
}

/* The small print of a sign-up form: consent, required fields, a
 * captcha's notice. The form is gone; its print is no text. */
static const char *const form_print[] = {
	"unsubscribe at any time", "unsubscribe from these communications",
	"you consent to receiv", "i agree to receive", "can email me",
	"required fields are marked", "fields marked with an asterisk",
	"this field is for validation purposes", "please enter a valid email",
	"by submitting this form", "by signing up, you agree",
	"protected by recaptcha", "in submitting this form",
	"by checking this box", "you agree to receive", "you agree to our",
	"you agree to the terms", "you consent to our", "i consent to",
	"by posting to this forum", "you accept that your data",
	"did you find what you were looking for",
	/* A forum's notices under a thread. */
	"not open for further replies", "you may not post new threads",
	"all times are gmt", "all times are utc",
	"create an account or log in to",
	"jederzeit abmelden", "jederzeit widerrufen", "pflichtfelder sind",
	"d\xc3\xa9sinscrire \xc3\xa0 tout moment",
	"d\xc3\xa9sabonner \xc3\xa0 tout moment", "champs obligatoires sont",
	"darte de baja en cualquier momento", "campos obligatorios est",
	"cancellarti in qualsiasi momento", "campi obbligatori sono",
	"cancelar a inscri\xc3\xa7\xc3\xa3o a qualquer momento",
	"campos obrigat\xc3\xb3rios", "op elk moment afmelden",
	"verplichte velden", "wypisa\xc4\x87 si\xc4\x99 w dowolnym momencie",
};

/* The links at a page's foot, run together in one line: a privacy
 * policy beside terms, a site map or a legal notice. */
static const char *const foot_privacy[] = {
	"privacy policy", "datenschutzerkl\xc3\xa4rung",
	"politique de confidentialit\xc3\xa9",
	"pol\xc3\xadtica de privacidad",
};
static const char *const foot_terms[] = {
	"terms of use", "terms of service", "terms and conditions",
	"terms & conditions", "sitemap", "site map", "impressum",
	"mentions l\xc3\xa9gales", "aviso legal",
};

/* Is the text a form's small print, or (with foot set: no heading,
 * which may name them as its section's subject) the row of links at a
 * page's foot? */
static int
post_form_print(const char *text, size_t len, int foot)
{
	size_t	 i;

	if (len > 400)
		return (0);
	for (i = 0; i < nitems(form_print); i++)
		if (ascii_find_nocase(text, len, form_print[i]) != NULL)
			return (1);
	if (!foot || len > 300)
		return (0);
	for (i = 0; i < nitems(foot_privacy); i++)
		if (ascii_find_nocase(text, len, foot_privacy[i]) != NULL)
			break;
	if (i == nitems(foot_privacy))
		return (0);
	for (i = 0; i < nitems(foot_terms); i++)
		if (ascii_find_nocase(text, len, foot_terms[i]) != NULL)
			return (1);
	return (0);
}

/* Words that may stand beside a date in a date line: month and day
 * names (by their first three letters) and a few others, whole. */
static int
date_word(const char *w, size_t n)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec"
	    "montuewedthufrisatsun";
	static const char *const words[] = {
		"am", "pm", "a", "m", "p", "updated", "published", "posted",
		"last", "modified", "on", "at", "gmt", "utc", "et", "est",
		"edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet",
		"cest", "z", "t",
	};
	size_t	 i;

	if (n >= 3)
		for (i = 0; i + 3 <= sizeof names - 1; i += 3)
			if (ascii_eq_nocase(w, names + i, 3))
				return (1);
	for (i = 0; i < nitems(words); i++)
		if (n == strlen(words[i]) && ascii_eq_nocase(w, words[i], n))
			return (1);
	return (0);
}

/*
 * Is a short paragraph only a date and time ("18 Nov 2019, 19:09",
 * "Updated March 30, 2017 9:56 AM ET"), or a "By" line? A year with a
 * clock time is a timestamp in any language; otherwise the words beside
 * the date must be the few that go with dates, so a timeline's entry
 * ("June 5, 2019: the deal is signed") stays.
 */
static int
post_date_line(const char *text, size_t len)
{
	int64_t	 t;
	size_t	 i, w;
	int	 year = 0, clock = 0, digits, other = 0;

	if (len == 0 || len > 70 || text[len - 1] == '.')
		return (0);
	if (len < 50 && ascii_eq_nocase(text, "by ", 3))
		return (1);
	for (i = 0; i < len; i++) {
		if ((text[i] >= 'a' && text[i] <= 'z') ||
		    (text[i] >= 'A' && text[i] <= 'Z') ||
		    (unsigned char)text[i] >= 0x80) {
			for (w = i; i < len && ((text[i] >= 'a' &&
			    text[i] <= 'z') || (text[i] >= 'A' &&
			    text[i] <= 'Z') || (unsigned char)text[i] >= 0x80);
			    i++)
				;
			other |= !date_word(text + w, i - w);
			i--;
			continue;
		}
		if (!(text[i] >= '0' && text[i] <= '9'))
			continue;
		for (digits = 0; i < len && text[i] >= '0' && text[i] <= '9';
		    i++)
			digits++;
		if (digits == 4 && (text[i - 4] == '1' || text[i - 4] == '2'))
			year = 1;
		if (i < len && text[i] == ':' && i + 2 < len &&
		    text[i + 1] >= '0' && text[i + 1] <= '5')
			clock = 1;
		i--;
	}
	if (!year)
		return (0);
	return (clock || (!other && date_parse_page(text, &t) == 0));
}

/* The length of the opening of text that is one of the n openings (case
 * ignored), or 0. */
static size_t
opening(const char *text, size_t len, const char *const *openings, size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		k = strlen(openings[i]);
		if (len >= k && ascii_eq_nocase(text, openings[i], k))
			return (k);
	}
	return (0);
}

/* Is a short paragraph a photo credit ("Photo: Jane Doe / Agency")? */
static int
post_credit_line(const char *text, size_t len)
{
	static const char *const openings[] = {
		"photo:", "photos:", "photo by", "photograph:", "image:",
		"image copyright", "image caption", "picture:", "credit:",
		"credits:", "(photo", "(image", "getty images",
	};
	return (len <= 100 && opening(text, len, openings,
	    nitems(openings)) > 0);
}

/* Does a short block name the byline, or read like a date line? */
static int
post_meta_line(struct extractor *x, const char *text, size_t len)
{
	static const char *const openings[] = {
		"by ", "updated", "published", "posted", "last updated",
		"written by", "photo:", "photos:", "image:", "credit:",
		"source:", "(cnn)",
	};
	if (len > 120)
		return (0);
	if (opening(text, len, openings, nitems(openings)) > 0)
		return (1);
	return (x->art->byline != NULL && len < 100 &&
	    ascii_find_nocase(text, len, x->art->byline) != NULL);
}

/* Is a short paragraph a page's "last updated" stamp ("This page was last
 * modified on Jul 8, 2025 by its contributors", "Last edited: 2 Jul
 * 2024", "Last updated 1 year ago"), wherever it stands? */
static int
post_updated_line(const char *text, size_t len)
{
	static const char *const openings[] = {
		"last updated", "last modified", "last edited", "last changed",
		"last reviewed", "this page was last", "page last updated",
		"page last modified", "zuletzt aktualisiert",
		"zuletzt bearbeitet", "zuletzt ge\xc3\xa4ndert",
		"derni\xc3\xa8re mise \xc3\xa0 jour", "mis \xc3\xa0 jour le",
		"\xc3\xbaltima actualizaci\xc3\xb3n", "ultimo aggiornamento",
		"laatst bijgewerkt",
	};
	size_t	 n;

	if (len > 120 || (n = opening(text, len, openings,
	    nitems(openings))) == 0)
		return (0);
	for (; n < len; n++)
		if (ascii_isdigit((unsigned char)text[n]))
			return (1);
	return (ascii_find_nocase(text, len, " ago") != NULL);
}

/* A number alone: in a thread, a post's votes or likes. */
static int
post_number(const char *text, size_t len)
{
	size_t	 i = 0;

	if (len > 0 && (text[0] == '-' || text[0] == '+'))
		i++;
	if (i == len || len > 8)
		return (0);
	for (; i < len; i++)
		if (!ascii_isdigit((unsigned char)text[i]))
			return (0);
	return (1);
}

/*
 * Is the key one short phrase said four times or more over ("Book now *
 * Book now * Book now * Book now"), a ticker that scrolls across the
 * page? Its period is the shortest that repeats the whole key, a phrase
 * of 4 to 40 letters with a letter in it.
 */
static int
post_marquee(const char *key, size_t len)
{
	size_t	 p, i, alpha;

	for (p = 4; p <= 40 && p * 4 <= len; p++) {
		for (i = p; i < len && key[i] == key[i - p]; i++)
			;
		if (i < len)
			continue;
		for (i = alpha = 0; i < p; i++)
			alpha += !ascii_isdigit((unsigned char)key[i]);
		return (alpha > 0);
	}
	return (0);
}

/* A count in brackets alone, as a card shows its reviews: "(132)". */
static int
post_count(const char *text, size_t len)
{
	size_t	 i;

	if (len < 3 || text[0] != '(' || text[len - 1] != ')')
		return (0);
	for (i = 1; i + 1 < len; i++)
		if (!ascii_isdigit((unsigned char)text[i]))
			return (0);
	return (1);
}

/* A short line of a card, with the card it is in. */
struct card_line {
	char	*key;
	size_t	 card;
};

static int
card_line_cmp(const void *a, const void *b)
{
	const struct card_line	*p = a, *q = b;
	int			 c = strcmp(p->key, q->key);

	if (c != 0)
		return (c);
	return (p->card < q->card ? -1 : p->card > q->card);
}

/* Is the key one of the lines most cards repeat (sorted in v)? */
static int
card_line_common(const struct card_line *v, size_t n, const char *key)
{
	size_t	 lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(v[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo < n && strcmp(v[lo].key, key) == 0);
}

static void	shingles_put(struct shingles *, uint64_t);
static int	shingles_has(const struct shingles *, uint64_t);
static uint64_t	key_hash(const char *, size_t);

/*
 * Walk card b's blocks, recursively (into the lists it holds too, when
 * lists is set: otherwise their items are cards of their own), and ask
 * keep() about each line (a block with text and no blocks of its own,
 * not an image), its plain text and key made: a line it refuses goes, and
 * so does a block that is left with nothing in it.
 */
static void
card_walk(struct extract_block *b, int lists,
    int (*keep)(const struct extract_block *, const struct buf *,
    const struct buf *, void *), void *arg, struct buf *text,
    struct buf *key)
{
	struct extract_block	*c;
	size_t			 i, k;

	for (i = k = 0; i < b->nchildren; i++) {
		c = &b->children[i];
		if (c->kind == EXTRACT_LIST && !lists) {
			b->children[k++] = *c;
			continue;
		}
		if (c->nchildren > 0) {
			card_walk(c, lists, keep, arg, text, key);
			if (c->nchildren > 0 || c->nspans > 0 ||
			    c->kind == EXTRACT_IMAGE)
				b->children[k++] = *c;
			continue;
		}
		if (c->nspans == 0 || c->kind == EXTRACT_IMAGE) {
			b->children[k++] = *c;
			continue;
		}
		buf_reset(text);
		block_plain(c, text);
		text_key(text->data, text->len, key);
		if (keep(c, text, key, arg))
			b->children[k++] = *c;
	}
	b->nchildren = k;
}

/* Is a line short enough to be a field cards repeat ("Full-time", a
 * brand)? */
#define CARD_LINE	32	/* the longest key of a line cards repeat */
#define CARD_SHORT(c, key) ((key)->len > 0 && (key)->len <= CARD_LINE && \
	(c)->kind != EXTRACT_HEADING)

/* card_walk() notes each short line of card number card in lines. */
struct card_notes {
	size_t		 card;
	struct card_line **lines;
	size_t		*n, *cap;
};

static int
card_note(const struct extract_block *c, const struct buf *text,
    const struct buf *key, void *arg)
{
	struct card_notes	*cn = arg;

	(void)text;
	if (CARD_SHORT(c, key)) {
		if (*cn->n == *cn->cap)
			*cn->lines = xreallocarray(*cn->lines,
			    *cn->cap = *cn->cap * 2 + 16, sizeof **cn->lines);
		(*cn->lines)[*cn->n].key = xstrdup(key->data);
		(*cn->lines)[(*cn->n)++].card = cn->card;
	}
	return (1);
}

/* card_walk() drops a card's buttons and furniture: interface phrases,
 * notices, review counts, and the short links most cards repeat ("View
 * details", common[0..n)). A line of text most cards repeat is more often
 * a field of theirs than furniture, and stays. */
struct card_common {
	const struct card_line	*v;
	size_t			 n;
};

static int
card_furniture(const struct extract_block *c, const struct buf *text,
    const struct buf *key, void *arg)
{
	const struct card_common *cc = arg;
	size_t			 chars = 0, links = 0;

	block_counts(c, &chars, &links);
	return (!(post_ui_phrase(key->data, key->len) ||
	    post_notice(text->data, text->len, key->data) ||
	    post_count(text->data, text->len) ||
	    (CARD_SHORT(c, key) && links == chars &&
	    card_line_common(cc->v, cc->n, key->data))));
}

/* card_walk() drops the second of a line the card has already shown: a
 * card laid out twice (for small screens and large) has each line twice.
 * The keys seen are kept in a set, the first CARD_KEYS of them: a block
 * longer than that is no card but a page's worth, whose lines may well
 * say the same twice. */
#define CARD_KEYS	64
static int
card_first(const struct extract_block *c, const struct buf *text,
    const struct buf *key, void *arg)
{
	struct shingles	*seen = arg;
	uint64_t	 h;

	(void)c;
	(void)text;
	if (key->len == 0)
		return (1);
	h = key_hash(key->data, key->len);
	if (shingles_has(seen, h))
		return (0);
	if (seen->n < CARD_KEYS)
		shingles_put(seen, h);
	return (1);
}

/*
 * The items of a list of cards, filtered as top-level blocks are:
 * interface phrases, notices and repeats go (a banner that rotates its
 * offers repeats them). Then the furniture of each card goes.
 */
static void
post_items(struct extract_block *list)
{
	struct buf		 text = BUF_INIT, key = BUF_INIT;
	struct card_line	*lines = NULL, *common;
	struct card_notes	 cn = { 0, &lines, NULL, NULL };
	struct card_common	 cc;
	struct shingles		 twice = { NULL, 0, 0 }, seen = { NULL, 0, 0 };
	uint64_t		 h;
	size_t			 i, j, k, n = 0, cap = 0, run;
	int			 drop;

	for (i = k = 0; i < list->nchildren; i++) {
		buf_reset(&text);
		block_plain(&list->children[i], &text);
		text_key(text.data, text.len, &key);
		drop = post_ui_phrase(key.data, key.len) ||
		    post_notice(text.data, text.len, key.data);
		if (!drop && key.len >= 30) {
			h = key_hash(key.data, key.len);
			if (!(drop = shingles_has(&seen, h)))
				shingles_put(&seen, h);
		}
		if (!drop)
			list->children[k++] = list->children[i];
	}
	list->nchildren = k;
	free(seen.v);
	for (i = 0; i < list->nchildren; i++) {
		twice.n = 0;
		if (twice.v != NULL)
			memset(twice.v, 0, twice.cap * sizeof *twice.v);
		card_walk(&list->children[i], 0, card_first, &twice, &text,
		    &key);
	}
	free(twice.v);
	/* The short lines that at least half of the cards (three or more)
	 * repeat, each counted once a card. */
	cn.n = &n;
	cn.cap = &cap;
	for (i = 0; i < list->nchildren; i++) {
		cn.card = i;
		card_walk(&list->children[i], 1, card_note, &cn, &text, &key);
	}
	if (n > 0)
		qsort(lines, n, sizeof *lines, card_line_cmp);
	common = xcalloc(n + 1, sizeof *common);
	for (i = k = 0; i < n; i = j) {
		for (j = i + 1, run = 1; j < n &&
		    strcmp(lines[j].key, lines[i].key) == 0; j++)
			run += lines[j].card != lines[j - 1].card;
		if (run >= 3 && run * 2 >= list->nchildren)
			common[k++] = lines[i];
	}
	cc.v = common;
	cc.n = k;
	for (i = 0; i < list->nchildren; i++)
		card_walk(&list->children[i], 1, card_furniture, &cc, &text,
		    &key);
	for (i = 0; i < n; i++)
		free(lines[i].key);
	free(lines);
	free(common);
	buf_release(&text);
	buf_release(&key);
}

/*
 * Does prose follow block i? A list of links that the text goes on after
 * is part of it (the chapters of a guide, the commands of a reference);
 * one at the end of an article is a list of other stories.
 */
static int
prose_follows(const struct bvec *root, size_t i)
{
	size_t	 chars, links;

	for (i++; i < root->n; i++) {
		if (root->v[i].kind != EXTRACT_PARAGRAPH)
			continue;
		chars = links = 0;
		block_counts(&root->v[i], &chars, &links);
		if (chars >= 80 && links * 2 < chars)
			return (1);
	}
	return (0);
}

/* Is block i a heading that is all link? */
static int
link_heading(const struct bvec *root, size_t i, int level)
{
	size_t	 chars = 0, links = 0;

	if (i >= root->n || root->v[i].kind != EXTRACT_HEADING ||
	    (level > 0 && root->v[i].level != level))
		return (0);
	block_counts(&root->v[i], &chars, &links);
	return (chars > 0 && links * 10 >= chars * 9);
}

/*
 * An index of a guide's pages: each entry a heading that links to the
 * page and a sentence that says what it holds, two or more in a row.
 * Its headings are the entries' names, not teasers of other stories.
 */
static int
index_entry(const struct bvec *root, size_t i)
{
	size_t	 chars = 0, links = 0;
	int	 level = root->v[i].level;

	if (i + 1 >= root->n || root->v[i + 1].kind != EXTRACT_PARAGRAPH)
		return (0);
	block_counts(&root->v[i + 1], &chars, &links);
	if (chars < 30 || links * 2 >= chars)
		return (0);
	return (link_heading(root, i + 2, level) ||
	    (i >= 2 && link_heading(root, i - 2, level)));
}

/*
 * Is the item's text (len bytes, key its key) a piece of an article's
 * header: a date, with or without its year ("Jan 23", "2 days ago"), a
 * reading time, or the byline? *dated is set for a date or a time.
 */
static int
meta_item(struct extractor *x, const char *text, size_t len,
    const char *key, size_t klen, int *dated)
{
	size_t	 i, w;
	int	 digits = 0, words = 1;

	if (len == 0 || len > 60)
		return (0);
	if (post_read_time(key, klen) || post_date_line(text, len) ||
	    (ascii_find_nocase(text, len, " ago") != NULL && len < 30)) {
		*dated = 1;
		return (1);
	}
	for (i = 0; i < len && words; i++) {
		if (ascii_isdigit((unsigned char)text[i]))
			digits = 1;
		else if (ascii_isalpha((unsigned char)text[i])) {
			for (w = i; i < len && ascii_isalpha((unsigned char)
			    text[i]); i++)
				;
			words = date_word(text + w, i - w);
			i--;
		}
	}
	if (words && digits) {
		*dated = 1;
		return (1);
	}
	return (post_meta_line(x, text, len));
}

/*
 * Is the list the header of the article, its items the author, the date
 * and the reading time ("Ana Ruiz", "Jan 23", "5 min read"), one of them
 * at least a date or a time?
 */
static int
post_meta_list(struct extractor *x, const struct extract_block *b)
{
	struct buf	 text = BUF_INIT, key = BUF_INIT;
	size_t		 i;
	int		 dated = 0, meta = 1;

	if (b->kind != EXTRACT_LIST || b->nchildren < 2 || b->nchildren > 6)
		return (0);
	for (i = 0; i < b->nchildren && meta; i++) {
		buf_reset(&text);
		block_plain(&b->children[i], &text);
		while (text.len > 0 && text.data[text.len - 1] == ' ')
			text.len--;
		text_key(text.data, text.len, &key);
		meta = meta_item(x, text.data, text.len, key.data, key.len,
		    &dated);
	}
	buf_release(&text);
	buf_release(&key);
	return (meta && dated);
}

/*
 * Is the article an index: four lists of links or more ("A" and the
 * names under it, a directory's sections), its lists two thirds of its
 * text? Then the lists are its entries, not other stories.
 */
static int
link_lists_index(const struct bvec *root)
{
	size_t	 i, chars, links, lists = 0, all = 0, n = 0;

	for (i = 0; i < root->n; i++) {
		chars = links = 0;
		block_counts(&root->v[i], &chars, &links);
		all += chars;
		if (root->v[i].kind != EXTRACT_LIST)
			continue;
		lists += chars;
		if (links * 10 >= chars * 8)
			n++;
	}
	return (n >= 4 && lists * 3 >= all * 2);
}

/*
 * Titles of the sections that follow an article rather than belong to
 * it (compared as keys; openings end in '*'): an author's box, and
 * other stories, the newsletter's form, sharing.
 */
static const char *const author_titles[] = {
	"abouttheauthor", "abouttheauthors", "aboutauthor", "authorbio",
	"meettheauthor", "meetthetesters", "meettheexperts",
	"\xc3\xbc" "berdenautor", "\xc3\xbc" "berdieautorin",
	"\xc3\xa0" "proposdelauteur", "sobreelautor", "sullautore",
	"sobreoautor", "overdeauteur",
};
static const char *const other_titles[] = {
	"related", "related*", "alsosee", "alsoin*", "morefrom*",
	"morestories*", "morenews*", "morearticles*", "moreposts*",
	"youmayalso*", "youmightalso*", "youmaybeinterested*",
	"youmightbeinterested*", "youmightlike*", "youmaylike*",
	"recommendedforyou",
	"recommendedreading", "readnext", "whattoreadnext", "keepreading",
	"popularposts", "recentposts", "latestposts", "latestarticles",
	"latestnews", "mostpopular", "mostread", "trending", "trendingnow",
	"subscribetoournewsletter", "signupforournewsletter",
	"joinournewsletter", "sharethisarticle", "sharethispost",
	"sharethisstory", "followus",
	"mehrzumthema", "weitereartikel", "verwandteartikel",
	"\xc3\xa4" "hnlicheartikel", "dask\xc3\xb6nnteihnenauchgefallen",
	"articlessimilaires", "surlem\xc3\xaamesujet", "\xc3\xa0" "lireaussi",
	"art\xc3\xad" "culosrelacionados", "noticiasrelacionadas",
	"articolicorrelati", "artigosrelacionados",
	"not\xc3\xad" "ciasrelacionadas", "gerelateerdeartikelen", "leesook",
	/* The works cited: a list of sources, not the article's text. */
	"references", "sources", "articlesources", "sourcesandreferences",
	"referencesandsources", "citations", "workscited", "bibliography",
	"footnotes", "quellen", "literatur", "einzelnachweise",
	"r\xc3\xa9" "f\xc3\xa9" "rences", "referencias", "fuentes",
	"bibliograf\xc3\xad" "a", "riferimenti", "fonti",
	"refer\xc3\xaa" "ncias", "fontes", "bronnen", "bronvermelding",
};

/* Is the key one of the n titles? */
static int
post_title_in(const char *key, size_t len, const char *const *titles,
    size_t n)
{
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		k = strlen(titles[i]);
		if (titles[i][k - 1] == '*') {
			if (len > k - 1 && memcmp(key, titles[i], k - 1) == 0)
				return (1);
		} else if (k == len && memcmp(key, titles[i], k) == 0)
			return (1);
	}
	return (0);
}

/* Does the key title a section that follows the article? TAIL_AUTHOR
 * for an author's box, TAIL_OTHER for the rest, 0 for no. */
#define TAIL_AUTHOR	1
#define TAIL_OTHER	2

static int
post_tail_title(const char *key, size_t len)
{
	if (len == 0 || len > 80)
		return (0);
	if (post_title_in(key, len, author_titles, nitems(author_titles)))
		return (TAIL_AUTHOR);
	if (post_title_in(key, len, other_titles, nitems(other_titles)))
		return (TAIL_OTHER);
	return (0);
}

/* Is block b, kept, part of the article's matter: a paragraph, list or
 * table of some length, not made of links? */
static int
post_matter(const struct extract_block *b)
{
	size_t	 chars = 0, links = 0;

	if (b->kind == EXTRACT_HEADING || b->kind == EXTRACT_IMAGE ||
	    b->kind == EXTRACT_RULE)
		return (0);
	block_counts(b, &chars, &links);
	return (chars >= 80 && links * 2 < chars);
}

/* Does the paragraph end cut short, as a teaser's excerpt does ("...")? */
static int
post_excerpt(const struct extract_block *b)
{
	const struct extract_span	*sp;
	size_t				 n;

	if (b->nspans == 0)
		return (0);
	sp = &b->spans[b->nspans - 1];
	for (n = sp->len; n > 0 && (sp->text[n - 1] == ' ' ||
	    sp->text[n - 1] == '\n'); n--)
		;
	return ((n >= 3 && memcmp(sp->text + n - 3, "...", 3) == 0) ||
	    (n >= 3 && memcmp(sp->text + n - 3, "\xe2\x80\xa6", 3) == 0));
}

/*
 * Sections after the article: a heading (or a short line standing as
 * one) titled like an author's box or a block of other stories, with
 * what follows it up to the next heading, goes when no matter of the
 * article comes after it and it is smaller than what comes before.
 * Other stories are links and teasers: a section of them that holds
 * a paragraph of prose (not an excerpt cut short), a table or code is
 * the article's own. The walk runs from the end so that a box before
 * another box at the end goes too.
 */
static void
post_tail_sections(const struct bvec *root, int *drop, int region)
{
	struct buf	 text = BUF_INIT, key = BUF_INIT;
	size_t		*before, i, j, k, after, chars, links, last;
	int		 t, prose;

	/* What each block has before it, and the last piece of matter. */
	before = xcalloc(root->n + 1, sizeof *before);
	for (i = 0, last = SIZE_MAX; i < root->n; i++) {
		chars = links = 0;
		if (!drop[i])
			block_counts(&root->v[i], &chars, &links);
		before[i + 1] = before[i] + chars - links;
		if (!drop[i] && post_matter(&root->v[i]))
			last = i;
	}
	for (i = root->n; i-- > 0; ) {
		const struct extract_block *b = &root->v[i];

		if (b->kind != EXTRACT_HEADING &&
		    b->kind != EXTRACT_PARAGRAPH)
			continue;
		buf_reset(&text);
		block_plain(b, &text);
		while (text.len > 0 && text.data[text.len - 1] == ' ')
			text.len--;
		if (b->kind == EXTRACT_PARAGRAPH && text.len > 40 &&
		    (text.len > 80 || text.data[text.len - 1] != ':'))
			continue;
		text_key(text.data, text.len, &key);
		if ((t = post_tail_title(key.data, key.len)) == 0)
			continue;
		after = 0;
		prose = 0;
		for (j = i + 1; j < root->n &&
		    root->v[j].kind != EXTRACT_HEADING; j++) {
			if (drop[j])
				continue;
			chars = links = 0;
			block_counts(&root->v[j], &chars, &links);
			after += chars;
			/* In a page read whole, a shelf of priced things
			 * may be what the page shows. */
			if (region) {
				buf_reset(&text);
				block_plain(&root->v[j], &text);
				if (product_price(text.data, text.len))
					prose |= 2;
			}
			if ((root->v[j].kind == EXTRACT_PARAGRAPH &&
			    post_matter(&root->v[j]) &&
			    !post_excerpt(&root->v[j])) ||
			    ((root->v[j].kind == EXTRACT_TABLE ||
			    root->v[j].kind == EXTRACT_PRE) &&
			    post_matter(&root->v[j])))
				prose |= 1;
		}
		if (((prose & 1) && t != TAIL_AUTHOR) || (prose & 2) ||
		    (last != SIZE_MAX && last >= j) ||
		    before[i] < 400 || after >= before[i])
			continue;
		for (k = i; k < j; k++)
			drop[k] = 1;
		/* The matter left ends before the section. */
		while (last != SIZE_MAX && last >= i)
			last = last > 0 ? last - 1 : SIZE_MAX;
		while (last != SIZE_MAX && (drop[last] ||
		    !post_matter(&root->v[last])))
			last = last > 0 ? last - 1 : SIZE_MAX;
	}
	free(before);
	buf_release(&text);
	buf_release(&key);
}

/* The hash of a block's key, for the set of keys seen. */
static uint64_t
key_hash(const char *s, size_t len)
{
	uint64_t	 h = 1469598103934665603ULL;
	size_t		 i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return (h);
}

/*
 * Does the text open with the name (n bytes) as the subject of a
 * sentence: the name, maybe a title or two after a comma ("Ana Ruiz,
 * MD,"), then a word in lower case ("Ana Ruiz is", "Ana has written"),
 * not a heading or a name in a list?
 */
static int
bio_opening(const char *t, size_t tlen, const char *name, size_t n)
{
	size_t	 k, titles;

	if (n < 3 || tlen < n + 3 || memcmp(t, name, n) != 0 ||
	    (t[n] != ' ' && t[n] != ','))
		return (0);
	k = n;
	for (titles = 0; k < tlen && t[k] == ','; titles++) {
		for (k++; k < tlen && t[k] == ' '; k++)
			;
		if (titles > 0 && k < tlen && t[k] >= 'a' && t[k] <= 'z')
			return (1);
		if (titles == 2 || k == tlen || t[k] < 'A' || t[k] > 'Z')
			return (0);
		while (k < tlen && t[k] != ' ' && t[k] != ',')
			k++;
	}
	if (k == tlen || t[k] != ' ')
		return (0);
	for (k++; k < tlen && t[k] == ' '; k++)
		;
	return (k < tlen && t[k] >= 'a' && t[k] <= 'z');
}

/*
 * Does the text open with one of the byline's names, or the first name
 * of one? The byline lists them between commas, "and", "&" or "|". The
 * name found is set in *name, *n.
 */
static int
bio_of_byline(const char *t, size_t tlen, const char *byline,
    const char **name, size_t *n)
{
	const char	*p = byline, *e, *w;

	while (tlen > 0 && (*t == '(' || *t == ' ' || *t == '*'))
		t++, tlen--;
	while (*p != '\0') {
		e = p + strcspn(p, ",&|(");
		for (w = p; w + 5 <= e && memcmp(w, " and ", 5) != 0; w++)
			;
		if (w + 5 <= e)
			e = w;
		while (p < e && *p == ' ')
			p++;
		if (e - p > 11 && ascii_eq_nocase(p, "written by ", 11))
			p += 11;
		else if (e - p > 3 && ascii_eq_nocase(p, "by ", 3))
			p += 3;
		*name = p;
		*n = (size_t)(e - p);
		while (*n > 0 && p[*n - 1] == ' ')
			(*n)--;
		if (bio_opening(t, tlen, p, *n))
			return (1);
		/* The first name alone, of a name of two words or more. */
		w = memchr(p, ' ', *n);
		if (w != NULL && bio_opening(t, tlen, p, (size_t)(w - p))) {
			*n = (size_t)(w - p);
			return (1);
		}
		p = *e == '\0' ? e : e + (*e == ' ' ? 5 : 1);
	}
	return (0);
}

/* Do the blocks before i, kept, or the title or site name hold the name?
 * Then it is what the article is about, or the site's own. */
static int
bio_named_before(const struct bvec *root, size_t i, const int *drop,
    const struct article *art, const char *name, size_t n)
{
	struct buf	 text = BUF_INIT;
	size_t		 j;
	int		 found = 0;

	if ((art->title != NULL && memmem(art->title, strlen(art->title),
	    name, n) != NULL) || (art->site_name != NULL &&
	    memmem(art->site_name, strlen(art->site_name), name, n) != NULL))
		return (1);
	for (j = 0; j < i && !found; j++) {
		if (drop[j])
			continue;
		buf_reset(&text);
		block_plain(&root->v[j], &text);
		found = text.len > 0 && memmem(text.data, text.len, name, n) !=
		    NULL;
	}
	buf_release(&text);
	return (found);
}

/*
 * An author's note: a paragraph that opens with the byline's name as its
 * subject ("Ana Ruiz is a reporter who covers ..."), a name the article
 * has not spoken of. At the end, with no heading and less than a third
 * of the article after it, it goes with what follows; at the head,
 * before the article's first paragraph of prose, it goes alone.
 */
static void
post_author_bio(const struct bvec *root, const struct article *art,
    int *drop)
{
	struct buf	 text = BUF_INIT;
	const char	*name;
	size_t		 i, j, n, before = 0, prose = 0, after, chars, links;

	if (art->byline == NULL || *art->byline == '\0')
		return;
	for (i = 0; i < root->n; i++) {
		const struct extract_block *b = &root->v[i];

		chars = links = 0;
		if (!drop[i])
			block_counts(b, &chars, &links);
		if (b->kind != EXTRACT_PARAGRAPH || drop[i] ||
		    (before < 400 && (prose > 0 || chars >= 800)))
			goto next;
		buf_reset(&text);
		block_plain(b, &text);
		if (!bio_of_byline(text.data, text.len, art->byline, &name,
		    &n))
			goto next;
		if (before < 400) {
			if (!bio_named_before(root, i, drop, art, name, n))
				drop[i] = 1;
			goto next;
		}
		after = 0;
		for (j = i + 1; j < root->n; j++) {
			if (drop[j])
				continue;
			if (root->v[j].kind == EXTRACT_HEADING)
				break;
			block_counts(&root->v[j], &after, &links);
		}
		if (j < root->n || after * 3 >= before ||
		    bio_named_before(root, i, drop, art, name, n))
			goto next;
		for (j = i; j < root->n; j++)
			drop[j] = 1;
		break;
next:
		if (!drop[i]) {
			before += chars;
			if (b->kind == EXTRACT_PARAGRAPH && chars >= 150)
				prose++;
		}
	}
	buf_release(&text);
}

/*
 * Appeals at the end of an article: the box that asks the reader to
 * subscribe, sign up for the newsletter, donate, become a member,
 * follow the site or get in touch. They are known by their words (the
 * openings of words, in several languages) or by a link to such a
 * page, in a short block; the run of them (with a heading over them and
 * short lines between) at the very end goes when the article before it
 * is longer.
 */
static const char *const appeal_words[] = {
	"subscribe", "subscribe to", "subscribe now", "sign up", "donate",
	"donate now", "donate today", "make a donation", "make a gift",
	"chip in", "pitching in", "support us", "support our*",
	"support independent*", "become a member", "become a patron",
	"become a paid*", "join our*", "join us", "follow us",
	"download the app", "download our app", "already have an account",
	"please consider*", "need your help", "your support",
	"sign up for free", "create a free account",
	"abonnieren", "abonnieren sie*", "jetzt abonnieren", "spenden sie*",
	"jetzt spenden", "unterst\xc3\xbctzen sie*", "unterst\xc3\xbctze uns",
	"mitglied werden", "werden sie mitglied", "folge uns", "folgen sie uns",
	"abonnez vous", "abonnez*", "inscrivez vous", "faire un don",
	"faites un don", "soutenez*", "suivez nous", "devenez membre",
	"t\xc3\xa9l\xc3\xa9" "chargez*",
	"suscr\xc3\xad" "bete", "suscribete", "suscr\xc3\xad" "base",
	"haz una donaci*", "dona ahora", "hazte socio", "ap\xc3\xb3yanos",
	"s\xc3\xadguenos", "reg\xc3\xadstrate",
	"iscriviti", "abbonati", "dona ora", "fai una donazione", "sostienici",
	"seguici", "diventa socio",
	"assine", "inscreva se", "fa\xc3\xa7" "a uma doa*", "doe agora",
	"apoie*", "siga nos", "cadastre se",
	"abonneer", "schrijf je in", "doneer", "steun ons", "volg ons",
	"word lid", "meld je aan",
	"subskrybuj", "zapisz si\xc4\x99", "wesprzyj*", "wp\xc5\x82" "a\xc4\x87",
	"obserwuj nas", "do\xc5\x82\xc4\x85" "cz do*", "zosta\xc5\x84 cz\xc5\x82onkiem",
	"pobierz aplikacj*",
};

/* A business's offer to talk or try: the close of a box, but a blog's
 * own last sentence often says it too. */
static const char *const offer_words[] = {
	"get in touch", "contact us", "book a demo", "request a demo",
	"schedule a demo", "free trial", "give us a call", "call us today",
	"send us an email", "email us", "get started for free",
	"start for free", "try it free", "try for free",
	"start your free trial", "get a demo", "talk to an expert",
	"talk to sales", "contact sales", "schedule a consultation",
	"book a consultation", "request a quote", "get a quote",
	"get a free quote",
	"kontaktieren sie*", "kostenlos testen", "jetzt testen",
	"demo anfordern", "contactez nous", "essai gratuit",
	"essayez gratuitement", "demander une d\xc3\xa9mo",
	"cont\xc3\xa1" "ctanos", "prueba gratis", "solicita una demo",
	"contattaci", "prova gratis", "richiedi una demo", "fale conosco",
	"teste gr\xc3\xa1tis", "neem contact op", "probeer gratis",
	"vraag een demo aan", "skontaktuj si\xc4\x99",
	"wypr\xc3\xb3" "buj za darmo",
};

/* Do the words of text (lower-cased, single spaces) hold one of the n
 * openings of words? */
static int
appeal_text(const char *t, size_t n, const char *const *v, size_t nv)
{
	size_t	 i, j, k;

	for (i = 0; i < n; i++) {
		if (i > 0 && t[i - 1] != ' ')
			continue;
		for (j = 0; j < nv; j++) {
			k = strlen(v[j]);
			if (v[j][k - 1] == '*')
				k--;
			else if (i + k < n && t[i + k] != ' ')
				continue;
			if (k <= n - i && memcmp(t + i, v[j], k) == 0)
				return (1);
		}
	}
	return (0);
}

/* The names of the pages to subscribe, donate or join, as a path's
 * segment. */
static const char *const appeal_paths[] = {
	"subscribe", "subscription", "signup", "sign-up", "donate",
	"donation", "donations", "membership", "join", "newsletter",
	"support-us", "abonnieren", "abonnement", "abonnements", "spenden",
	"don", "faire-un-don", "suscribete", "suscripcion", "donar",
	"iscriviti", "abbonati", "dona", "assine", "assinatura", "doe",
	"doneer", "steun", "word-lid", "lidmaatschap", "wesprzyj",
	"prenumerata", "subskrypcja",
};

/* Does a link of b lead to a page to subscribe, donate or join? */
static int
appeal_link(const struct conv *cv, const struct extract_block *b)
{
	const char	*u, *p, *seg;
	size_t		 i, j, k;

	for (i = 0; i < b->nspans; i++) {
		if (b->spans[i].link == 0 || b->spans[i].link > cv->nurls)
			continue;
		u = cv->urls[b->spans[i].link - 1];
		if ((p = strstr(u, "://")) != NULL)
			u = p + 3;
		if ((u = strchr(u, '/')) == NULL)
			continue;
		for (seg = u; *seg != '\0' && *seg != '?' && *seg != '#';
		    seg++) {
			if (*seg != '/' && *seg != '-' && *seg != '_')
				continue;
			if (*seg != '/')
				continue;
			for (j = 0; j < nitems(appeal_paths); j++) {
				k = strlen(appeal_paths[j]);
				if (strncasecmp(seg + 1, appeal_paths[j], k) == 0 &&
				    strchr("/?#.", seg[1 + k]) != NULL)
					return (1);
			}
		}
	}
	for (i = 0; i < b->nchildren; i++)
		if (appeal_link(cv, &b->children[i]))
			return (1);
	return (0);
}

/* Is block b, short, an appeal by its words or its link? APPEAL for one
 * to the reader, OFFER for a business's offer, 0 for neither. */
#define APPEAL	2
#define OFFER	1

static int
post_appeal_block(const struct conv *cv, const struct extract_block *b,
    struct buf *text, struct buf *words)
{
	size_t	 i;

	buf_reset(text);
	block_plain(b, text);
	if (text->len > 320)
		return (0);
	buf_reset(words);
	for (i = 0; i < text->len; i++) {
		unsigned char c = (unsigned char)text->data[i];

		if (ascii_isalnum(c) || c >= 0x80)
			buf_addch(words, ascii_lower(c));
		else if (words->len > 0 && words->data[words->len - 1] != ' ')
			buf_addch(words, ' ');
	}
	if (appeal_text(words->data, words->len, appeal_words,
	    nitems(appeal_words)) || (text->len <= 160 && appeal_link(cv, b)))
		return (APPEAL);
	return (appeal_text(words->data, words->len, offer_words,
	    nitems(offer_words)) ? OFFER : 0);
}

/* A grid of cards that ends in an appeal's card: the card goes. */
static void
post_appeal_card(const struct conv *cv, struct bvec *root, const int *drop,
    struct buf *text, struct buf *words)
{
	struct extract_block	*b;
	size_t			 i;

	for (i = root->n; i > 0 && drop[i - 1]; i--)
		;
	if (i == 0 || (b = &root->v[i - 1])->kind != EXTRACT_LIST ||
	    b->nchildren < 3)
		return;
	if (post_appeal_block(cv, &b->children[b->nchildren - 1], text,
	    words) == APPEAL && post_appeal_block(cv, &b->children[0], text,
	    words) == 0)
		b->nchildren--;
}

/*
 * On a product's page, a shelf of other products that the cleaning let
 * through: a heading that names it ("Related items", "Recently viewed")
 * over nothing but short lines (the cards' names, prices and dates),
 * up to the next heading of its rank.
 */
static void
post_shelves(const struct conv *cv, struct bvec *root, int *drop)
{
	struct buf	 text = BUF_INIT;
	size_t		 i, j, chars, links;
	int		 level;

	if (!cv->x->product)
		return;
	for (i = 0; i < root->n; i++) {
		const struct extract_block *b = &root->v[i];

		if (drop[i] || b->kind != EXTRACT_HEADING)
			continue;
		buf_reset(&text);
		block_plain(b, &text);
		if (text.len > 80 || !product_shelf_name(text.data, text.len))
			continue;
		level = b->level;
		for (j = i + 1; j < root->n; j++) {
			const struct extract_block *c = &root->v[j];

			if (c->kind == EXTRACT_HEADING && c->level <= level)
				break;
			chars = links = 0;
			block_counts(c, &chars, &links);
			if (!drop[j] && chars >= 200)
				break;
		}
		if (j < root->n && root->v[j].kind != EXTRACT_HEADING)
			continue;	/* prose under it: no shelf */
		for (; i < j; i++)
			drop[i] = 1;
		i--;
	}
	buf_release(&text);
}

/* Walk from the end over the appeals, the heading over them, short
 * lines and the notes under them; drop the run when it is a box. */
static void
post_appeals(const struct conv *cv, struct bvec *root, int *drop)
{
	struct buf	 text = BUF_INIT, words = BUF_INIT;
	size_t		 i, start = SIZE_MAX, before = 0, after = 0;
	size_t		 chars, links, n = 0, strong = 0, most = 0, lines = 0;
	size_t		 notes = 0;
	int		 k;

	if (cv->x->product)
		return;		/* a shop's offers are the page's */
	post_appeal_card(cv, root, drop, &text, &words);

	for (i = root->n; i-- > 0; ) {
		const struct extract_block *b = &root->v[i];

		if (drop[i] || b->kind == EXTRACT_IMAGE ||
		    b->kind == EXTRACT_RULE)
			continue;
		if (b->kind != EXTRACT_PARAGRAPH &&
		    b->kind != EXTRACT_HEADING && b->kind != EXTRACT_LIST)
			break;
		chars = links = 0;
		block_counts(b, &chars, &links);
		if ((k = post_appeal_block(cv, b, &text, &words)) != 0) {
			start = i;
			n++;
			if (k == APPEAL)
				strong++;
			if (chars > most)
				most = chars;
		} else if (b->kind == EXTRACT_HEADING && start != SIZE_MAX &&
		    chars <= 80 && links * 2 < chars &&
		    root->v[start].kind != EXTRACT_HEADING) {
			start = i;
			break;
		} else if (start == SIZE_MAX && b->kind == EXTRACT_PARAGRAPH &&
		    chars > 60 && chars <= 400 && notes < 2) {
			notes++;	/* a note under the box */
		} else if (chars > 60 || b->kind == EXTRACT_HEADING ||
		    ++lines > 3)
			break;
	}
	/* A box: a heading over the appeal; else one to the reader, with
	 * another or short. */
	if (start == SIZE_MAX || (root->v[start].kind != EXTRACT_HEADING &&
	    (strong == 0 || (n < 2 && most > 120))) ||
	    (notes > 0 && strong == 0))
		goto out;
	for (i = 0; i < root->n; i++) {
		chars = links = 0;
		if (!drop[i])
			block_counts(&root->v[i], &chars, &links);
		if (i < start)
			before += chars;
		else
			after += chars;
	}
	if (before < 400 || after * 2 >= before)
		goto out;
	for (i = start; i < root->n; i++)
		drop[i] = 1;
	cv->x->appeals += after;
out:
	buf_release(&text);
	buf_release(&words);
}

/*
 * Drop clutter from the top-level blocks: interface phrases, teaser
 * headlines and lines, repeated text, and metadata lines at the head.
 */
void
postprocess(struct conv *cv, struct bvec *root)
{
	struct extractor	*x = cv->x;
	struct buf		 text = BUF_INIT, key = BUF_INIT;
	struct buf		 lastkey = BUF_INIT, tkey = BUF_INIT;
	struct shingles		 seen = { NULL, 0, 0 };
	uint64_t		 h;
	size_t			 i, j, k, chars, links, kept = 0;
	int			*drop, started = 0, index;
	unsigned		 promo;
	struct extract_block	*b;

	index = link_lists_index(root);
	if (x->title != NULL)
		text_key(x->title, strlen(x->title), &tkey);
	drop = xcalloc(root->n + 1, sizeof *drop);
	for (i = 0; i < root->n; i++) {
		b = &root->v[i];
		if (x->region && b->kind == EXTRACT_LIST)
			post_items(b);
		buf_reset(&text);
		block_plain(b, &text);
		text_key(text.data, text.len, &key);
		chars = links = 0;
		block_counts(b, &chars, &links);
		if (b->kind == EXTRACT_IMAGE || b->kind == EXTRACT_RULE)
			continue;
		if (post_ui_phrase(key.data, key.len) ||
		    /* The title said again at the top, shown above. */
		    (kept < 3 && tkey.len > 0 && key.len == tkey.len &&
		    (b->kind == EXTRACT_HEADING ||
		    b->kind == EXTRACT_PARAGRAPH) &&
		    memcmp(key.data, tkey.data, key.len) == 0) ||
		    (b->kind == EXTRACT_PARAGRAPH &&
		    (post_number(text.data, text.len) ||
		    post_marquee(key.data, key.len))) ||
		    (lastkey.len > 0 && strcmp(key.data, lastkey.data) == 0) ||
		    post_teaser_line(b, key.data, key.len, chars, links) ||
		    post_notice(text.data, text.len, key.data) ||
		    (b->kind == EXTRACT_PARAGRAPH &&
		    post_ad_label(text.data, text.len)) ||
		    post_form_print(text.data, text.len,
		    b->kind != EXTRACT_HEADING) ||
		    (b->kind == EXTRACT_PARAGRAPH &&
		    ((!x->region && post_date_line(text.data, text.len)) ||
		    post_credit_line(text.data, text.len) ||
		    post_updated_line(text.data, text.len)))) {
			drop[i] = 1;
			continue;
		}
		/* Newsletter boxes, author boxes, story teasers and video
		 * playlists the cleaning let through, by their classes. In a
		 * page read whole, a "promo" that is a link is one of the
		 * entries it lists, not an offer. */
		promo = x->region && links * 2 >= chars ? 0 : PAT_PROMO;
		if ((cv->tcls[i] & (promo | PAT_BYLINE | PAT_TEASER |
		    PAT_PLAYER)) && chars < 500) {
			drop[i] = 1;
			continue;
		}
		if (x->region)
			goto repeats;	/* a page of links is what it is */
		/* A list of links is a list of other stories. */
		if (b->kind == EXTRACT_LIST && links * 10 >= chars * 8 &&
		    !prose_follows(root, i) && !index) {
			drop[i] = 1;
			continue;
		}
		/* A headline that is all link is a teaser, not a section;
		 * so is a short paragraph made mostly of a link. */
		if (b->kind == EXTRACT_HEADING && links * 10 >= chars * 9 &&
		    index_entry(root, i))
			x->entries += chars;
		else if ((b->kind == EXTRACT_HEADING &&
		    links * 10 >= chars * 9) ||
		    (b->kind == EXTRACT_PARAGRAPH && chars < 150 &&
		    links * 10 >= chars * 9 && strncmp(text.data, "http", 4) !=
		    0 && strncmp(text.data, "www.", 4) != 0 &&
		    !section_number(text.data))) {
			drop[i] = 1;
			continue;
		}
		if (!started && (((b->kind == EXTRACT_PARAGRAPH ||
		    b->kind == EXTRACT_HEADING) && post_meta_line(x, text.data,
		    text.len)) || post_meta_list(x, b))) {
			drop[i] = 1;
			continue;
		}
		if (b->kind == EXTRACT_PARAGRAPH && chars >= 80)
			started = 1;
repeats:
		/* A product page shows its name, price and code again for
		 * each screen size and in the sticky buy bar: there any
		 * block said before is a copy. */
		if (key.len >= 60 || ((b->kind == EXTRACT_FIGURE ||
		    x->product) && key.len > 0)) {
			h = key_hash(key.data, key.len);
			if (shingles_has(&seen, h)) {
				drop[i] = 1;
				continue;
			}
			shingles_put(&seen, h);
		}
		buf_reset(&lastkey);
		buf_add(&lastkey, key.data, key.len);
		buf_addch(&lastkey, '\0');
		lastkey.len--;
		kept++;
	}
	buf_release(&tkey);
	post_tail_sections(root, drop, x->region);
	if (!x->region)
		post_author_bio(root, x->art, drop);
	post_appeals(cv, root, drop);
	post_shelves(cv, root, drop);
	/* A heading whose section is now empty goes too. */
	for (i = root->n; i > 0; i--) {
		if (drop[i - 1] || root->v[i - 1].kind != EXTRACT_HEADING)
			continue;
		for (j = i; j < root->n && drop[j]; j++)
			;
		if (j == root->n || (root->v[j].kind == EXTRACT_HEADING &&
		    root->v[j].level <= root->v[i - 1].level))
			drop[i - 1] = 1;
	}
	for (i = k = 0; i < root->n; i++)
		if (!drop[i]) {
			root->v[k] = root->v[i];
			cv->tcls[k] = cv->tcls[i];
			k++;
		}
	root->n = k;
	free(seen.v);
	free(drop);
	buf_release(&text);
	buf_release(&key);
	buf_release(&lastkey);
}

/*
 * Evidence from JSON-LD. A page that declares its articleBody says what
 * its article's text is; when what we found holds most of that text, a
 * block that shares no four-word sequence with it is not part of the
 * article. Texts are compared as sets of hashed four-token shingles.
 */

/* Add a shingle hash to the set, growing it at half full. */
static void
shingles_put(struct shingles *sh, uint64_t h)
{
	uint64_t	*old;
	size_t		 i, ocap;

	h |= 1;				/* never 0 */
	if ((sh->n + 1) * 2 > sh->cap) {
		old = sh->v;
		ocap = sh->cap;
		sh->cap = ocap == 0 ? 256 : ocap * 2;
		sh->v = xcalloc(sh->cap, sizeof *sh->v);
		sh->n = 0;
		for (i = 0; i < ocap; i++)
			if (old[i] != 0)
				shingles_put(sh, old[i]);
		free(old);
	}
	for (i = (size_t)h & (sh->cap - 1); sh->v[i] != 0;
	    i = (i + 1) & (sh->cap - 1))
		if (sh->v[i] == h)
			return;
	sh->v[i] = h;
	sh->n++;
}

/* Is the shingle hash in the set? */
static int
shingles_has(const struct shingles *sh, uint64_t h)
{
	size_t	 i;

	h |= 1;
	if (sh->cap == 0)
		return (0);
	for (i = (size_t)h & (sh->cap - 1); sh->v[i] != 0;
	    i = (i + 1) & (sh->cap - 1))
		if (sh->v[i] == h)
			return (1);
	return (0);
}

/*
 * Hash the shingles of a text, runs of k tokens (four, or one: its
 * words; tokens are runs of letters and digits, case folded; markup and
 * character references are skipped) and either add them to sh (put) or
 * count how many sh has. Return the number of shingles.
 */
size_t
shingles_of(struct shingles *sh, const char *s, size_t len, int k,
    int put, size_t *found)
{
	uint64_t	 tok[4] = { 0, 0, 0, 0 }, h;
	size_t		 i = 0, ntok = 0, n = 0;
	unsigned char	 c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c == '<' && put) {		/* markup in articleBody */
			while (i < len && s[i] != '>')
				i++;
			i++;
			continue;
		}
		if (c == '&' && put) {
			while (i < len && s[i] != ';' && !ascii_isspace(s[i]))
				i++;
			i++;
			continue;
		}
		if (!ascii_isalnum(c) && c < 0x80) {
			i++;
			continue;
		}
		h = 1469598103934665603ULL;
		while (i < len && (ascii_isalnum((unsigned char)s[i]) ||
		    (unsigned char)s[i] >= 0x80)) {
			h = (h ^ (uint64_t)ascii_lower((unsigned char)s[i])) *
			    1099511628211ULL;
			i++;
		}
		tok[0] = tok[1];
		tok[1] = tok[2];
		tok[2] = tok[3];
		tok[3] = h;
		if (++ntok < (size_t)k)
			continue;
		if (k > 1)
			h = tok[0] * 31 * 31 * 31 + tok[1] * 31 * 31 +
			    tok[2] * 31 + tok[3];
		n++;
		if (put)
			shingles_put(sh, h);
		else if (shingles_has(sh, h))
			(*found)++;
	}
	return (n);
}

/*
 * Drop the top-level blocks the declared articleBody does not contain,
 * when the article holds most of the articleBody (so that the body is
 * neither a teaser nor a different text) and the block is long enough to
 * judge.
 */
void
evidence_filter(struct conv *cv, struct bvec *root)
{
	struct shingles	 sh = { NULL, 0, 0 };
	struct buf	 text = BUF_INIT;
	size_t		*total, *found, i, k, all = 0, hit = 0, n;

	n = shingles_of(&sh, cv->x->ld_body, strlen(cv->x->ld_body), 4, 1,
	    NULL);
	if (n < 50) {
		free(sh.v);
		return;
	}
	total = xcalloc(root->n + 1, sizeof *total);
	found = xcalloc(root->n + 1, sizeof *found);
	for (i = 0; i < root->n; i++) {
		buf_reset(&text);
		block_plain(&root->v[i], &text);
		total[i] = shingles_of(&sh, text.data, text.len, 4, 0,
		    &found[i]);
		all += total[i];
		hit += found[i];
	}
	/* The declared text must be (nearly) all of what was found, and
	 * what was found must hold most of it: a teaser of the first lines
	 * or a body that differs says nothing about single blocks. Even
	 * then only short blocks go: captions, credits, promotions and
	 * teasers, not paragraphs a template left out of its JSON. */
	if (hit * 10 >= n * 8 && n * 10 >= all * 7) {
		for (i = k = 0; i < root->n; i++) {
			if (root->v[i].kind != EXTRACT_FIGURE &&
			    root->v[i].kind != EXTRACT_IMAGE &&
			    total[i] >= 3 && total[i] <= 25 && found[i] == 0)
				continue;
			root->v[k] = root->v[i];
			cv->tcls[k] = cv->tcls[i];
			k++;
		}
		root->n = k;
	}
	free(total);
	free(found);
	free(sh.v);
	buf_release(&text);
}

/* Add a span to the text of the link it is part of. The list of links
 * shows that text on one line, so line breaks, and the tabs and runs of
 * spaces a link inside a <pre> keeps, become single spaces. */
static void
link_text_add(struct buf *t, const struct extract_span *sp)
{
	size_t	 i;
	int	 space = t->len > 0 && t->data[t->len - 1] == ' ';

	for (i = 0; i < sp->len; i++) {
		if (sp->text[i] == '\n' || sp->text[i] == '\t' ||
		    sp->text[i] == ' ') {
			if (!space && t->len > 0)
				buf_addch(t, ' ');
			space = 1;
			continue;
		}
		buf_addch(t, sp->text[i]);
		space = 0;
	}
}

/* Number the links of the final blocks in reading order: first use of a
 * URL gets the next number, and its text names it in the list. */
void
finish_links(struct conv *cv, struct extract_block *v, size_t n,
    size_t *map, struct extract_link **links, size_t *nlinks, size_t *cap)
{
	struct extract_block	*b;
	struct buf		*t = &cv->x->tmp;
	size_t			 i, k, j, tmp;

	for (i = 0; i < n; i++) {
		b = &v[i];
		for (k = 0; k < b->nspans; k++) {
			tmp = b->spans[k].link;
			if (tmp == 0)
				continue;
			if (map[tmp] == 0) {
				buf_reset(t);
				for (j = k; j < b->nspans &&
				    b->spans[j].link == tmp; j++)
					link_text_add(t, &b->spans[j]);
				if (t->len > 0 && t->data[t->len - 1] == ' ')
					buf_truncate(t, t->len - 1);
				if (*nlinks == *cap) {
					*cap = *cap == 0 ? 16 : *cap * 2;
					*links = xreallocarray(*links, *cap,
					    sizeof **links);
				}
				(*links)[*nlinks].url = cv->urls[tmp - 1];
				(*links)[*nlinks].text = arena_strndup(cv->a,
				    t->data, t->len);
				map[tmp] = ++*nlinks;
			}
			b->spans[k].link = map[tmp];
		}
		finish_links(cv, b->children, b->nchildren, map, links, nlinks,
		    cap);
	}
}
