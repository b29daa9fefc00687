/*
 * extract-thread.c: the posts of a thread as blocks of their own.
 *
 * The scoring marks each post of a thread (N_POST); here each becomes an
 * EXTRACT_POST block that says who wrote it and when. The author is found
 * inside the post: schema.org microdata first (itemprop="author", its
 * whole text when that is one short line, else its itemprop="name"), then
 * an element whose class or id names the author, a username or a poster
 * (the innermost, when they nest), then a rel="author" link. The date is
 * a <time> or an itemprop="datePublished"/"dateCreated" element,
 * else a short element whose class or id is a date or time and whose text
 * has a digit, else a <meta itemprop="datePublished">. A date is shown
 * in the page's own words when it has some (the part of a <time> that
 * reads as one, the short line beside a <meta> that says the same day),
 * else as "2024-02-20 14:03", UTC. Both are the first such element in
 * the post that is not inside a reply to it, and neither is repeated in
 * the post's body (nor is another <time> of the same minute); nor is the
 * box around the author's name (avatar, rank, post count, date joined)
 * when it holds little else.
 *
 * While converting, a post is a run of blocks at the top level: an
 * EXTRACT_POST block that opens it, its blocks, and one whose level is
 * POST_CLOSE. The filters of extract-post.c thus see a post's paragraphs
 * as they see an article's (a "Reply" or "Share" line in a post goes as
 * it would anywhere); post_group() folds the runs afterwards, leaving out
 * the lines of a post's interface ("Quote", "2 Likes", "#12", "Edited
 * May 1 by ann", "Posts: 312", a row of buttons) and a reply's quotes
 * of what the thread has already shown. A reply met inside a
 * post opens a post of its own, which ends the one before: posts are
 * flat, in page order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "ascii.h"
#include "buf.h"
#include "extract.h"
#include "extract-int.h"
#include "date.h"
#include "util.h"

/* A name or a date is one short line. */
#define POST_SHORT	60

/* Does an attribute value (a list of words, or NULL) hold the word w,
 * in any case? */
static int
post_has_word(const char *v, const char *w)
{
	return (v != NULL && extract_has_token(v, w));
}

/* Does the class or id of an element name its author? */
static int
post_author_class(const GumboNode *g)
{
	static const char *const words[] = {
		"author", "username", "user-name", "user_name", "poster",
	};

	return (post_class_has(g, words, nitems(words)));
}

/* Does the class or id of an element hold one of n words, in any case? */
int
post_class_has(const GumboNode *g, const char *const *words, size_t n)
{
	const char	*v[2];
	size_t		 i, k;

	v[0] = attr(g, "class");
	v[1] = attr(g, "id");
	for (k = 0; k < 2; k++)
		for (i = 0; v[k] != NULL && i < n; i++)
			if (ascii_find_nocase(v[k], strlen(v[k]), words[i]) !=
			    NULL)
				return (1);
	return (0);
}

/* Does the class or id of an element call it a date or a time? A word of
 * it must be one of the words, whole ("post-date" is, "update" is not). */
static int
post_date_class(const GumboNode *g)
{
	static const char *const words[] = {
		"date", "time", "timestamp", "datetime", "postdate",
		"posttime", "dateline", "published",
	};
	const char	*v[2], *p;
	size_t		 i, k, n;

	v[0] = attr(g, "class");
	v[1] = attr(g, "id");
	for (k = 0; k < 2; k++) {
		for (p = v[k]; p != NULL && *p != '\0'; p += n > 0 ? n : 1) {
			for (n = 0; ascii_isalnum((unsigned char)p[n]); n++)
				;
			for (i = 0; n > 0 && i < nitems(words); i++)
				if (strlen(words[i]) == n &&
				    ascii_eq_nocase(p, words[i], n))
					return (1);
		}
	}
	return (0);
}

/*
 * The text of node idx as a reader sees it, whitespace folded and without
 * controls, into out. Removed nodes count (cleaning takes a post's header
 * for furniture), hidden ones do not. Return 1 when the subtree holds no
 * block element.
 */
static int
post_text(struct extractor *x, int idx, struct buf *out)
{
	struct buf	 raw = BUF_INIT;
	const struct node *n;
	int		 i, end = x->n[idx].end, space = 0, inline_only = 1;

	buf_reset(out);
	for (i = idx; i < end; i++) {
		n = &x->n[i];
		if (n->tag == TAG_TEXT) {
			text_fold(&raw, n->g->v.text.text, &space);
			continue;
		}
		if (mirror_hidden(n->g)) {
			i = n->end - 1;
			continue;
		}
		if (i > idx && (tag_block(n->tag) || n->tag == GUMBO_TAG_BR)) {
			inline_only = 0;
			space = 1;
		}
	}
	if (raw.len > 0)
		meta_clean(out, raw.data, 0);
	buf_release(&raw);
	return (inline_only);
}

/* Is a text one short line? Counted in characters. */
static int
post_short(const struct buf *b)
{
	size_t	 i, chars = 0;

	for (i = 0; i < b->len; i++)
		chars += ((unsigned char)b->data[i] & 0xc0) != 0x80;
	return (chars > 0 && chars < POST_SHORT);
}

/* The itemprop="name" of a microdata author: its content or its text. */
static int
post_author_name(struct extractor *x, int idx, struct buf *out)
{
	const GumboVector	*kids;
	const GumboNode		*k;
	const char		*v;
	unsigned		 j;
	int			 i;

	for (i = idx; i < x->n[idx].end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if (post_has_word(attr(x->n[i].g, "itemprop"), "name")) {
			post_text(x, i, out);
			if (post_short(out))
				return (1);
		}
		/* <meta itemprop="name" content> is not in the mirror. */
		kids = &x->n[i].g->v.element.children;
		for (j = 0; j < kids->length; j++) {
			k = kids->data[j];
			if (k->type != GUMBO_NODE_ELEMENT ||
			    k->v.element.tag != GUMBO_TAG_META ||
			    !post_has_word(attr(k, "itemprop"), "name") ||
			    (v = attr(k, "content")) == NULL)
				continue;
			buf_reset(out);
			meta_clean(out, v, 0);
			if (post_short(out))
				return (1);
		}
	}
	return (0);
}

/*
 * Is href the address of a member's page: a path that opens with a
 * folder of members and goes on ("/u/ann", "/users/12/ann",
 * "/members/ann.134/", "/profile/ann"), or with "~" or "@" and a name
 * ("/~ann", "/@ann")?
 */
static int
post_profile_href(const char *href)
{
	static const char *const dirs[] = {
		"u", "user", "users", "member", "members", "profile",
		"profiles", "people", "benutzer", "mitglieder", "membres",
		"usuario", "usuarios", "utente", "utenti",
	};
	const char	*p, *e;
	size_t		 i, n;

	if (href == NULL)
		return (0);
	if ((p = strstr(href, "://")) != NULL) {
		if ((p = strchr(p + 3, '/')) == NULL)
			return (0);
	} else if (href[0] == '/' && href[1] == '/')
		return (0);
	else
		p = href;
	if (*p != '/')
		return (0);
	p++;
	if ((*p == '~' || *p == '@') && p[1] != '\0' && p[1] != '/' &&
	    p[1] != '?' && p[1] != '#')
		return (1);
	for (e = p; *e != '\0' && *e != '/' && *e != '?' && *e != '#'; e++)
		;
	if (*e != '/' || e[1] == '\0' || e[1] == '?' || e[1] == '#')
		return (0);
	n = (size_t)(e - p);
	for (i = 0; i < nitems(dirs); i++)
		if (strlen(dirs[i]) == n && ascii_eq_nocase(p, dirs[i], n))
			return (1);
	return (0);
}

/* The author's name from the element idx of the given kind (0: microdata,
 * 1: class, 2: rel="author", 3: a link to their page), into out. */
static int
post_author_text(struct extractor *x, int idx, int kind, struct buf *out)
{
	const char	*v;
	int		 inline_only;

	if (kind == 0 && (v = attr(x->n[idx].g, "content")) != NULL) {
		buf_reset(out);
		meta_clean(out, v, 0);
		return (post_short(out));
	}
	inline_only = post_text(x, idx, out);
	if (kind == 0 && !(inline_only && post_short(out)))
		return (post_author_name(x, idx, out));
	return (post_short(out));
}

/* Set a post's date from a machine-readable value and the text shown. */
static void
post_set_date(struct conv *cv, struct extract_block *b, const char *machine,
    struct buf *shown)
{
	char	 date[32];
	int64_t	 t;
	int	 reads;

	reads = shown->len > 0 && date_parse_page(shown->data, &t) == 0;
	b->has_published = machine != NULL &&
	    date_parse_page(machine, &b->published) == 0;
	if (!b->has_published && reads) {
		b->has_published = 1;
		b->published = t;
	}
	/* The page's own words, unless they do not read as a date while
	 * the machine's do ("2 hours ago", "Over a year ago"), or are the
	 * machine's value itself ("2021-04-08T04:06:17Z"). */
	if (post_short(shown) && (reads || !b->has_published) &&
	    !(shown->len > 10 && shown->data[4] == '-' &&
	    shown->data[10] == 'T')) {
		b->date = arena_strndup(cv->a, shown->data, shown->len);
		return;
	}
	if (!b->has_published)
		return;
	/* "2024-02-20T14:03:00Z" -> "2024-02-20 14:03" */
	time_rfc3339(b->published, date, sizeof date);
	date[10] = ' ';
	date[16] = '\0';
	if (strcmp(date + 10, " 00:00") == 0)
		date[10] = '\0';
	b->date = arena_strdup(cv->a, date);
}

/* A <meta itemprop="datePublished" content> among a node's children. */
static const char *
post_meta_date(const GumboNode *g)
{
	const GumboVector	*kids = &g->v.element.children;
	const GumboNode		*k;
	const char		*ip;
	unsigned		 j;

	for (j = 0; j < kids->length; j++) {
		k = kids->data[j];
		if (k->type != GUMBO_NODE_ELEMENT ||
		    k->v.element.tag != GUMBO_TAG_META)
			continue;
		ip = attr(k, "itemprop");
		if (post_has_word(ip, "datePublished") ||
		    post_has_word(ip, "dateCreated"))
			return (attr(k, "content"));
	}
	return (NULL);
}

/*
 * A post's byline: the element that holds both its author and its date.
 * When what else it says is short (a post's number, "said:", "Posted"),
 * it goes whole.
 */
static void
post_byline(struct extractor *x, int idx, int skip[2])
{
	uint32_t	 rest;
	int		 a;

	if (skip[0] < 0 || skip[1] < 0)
		return;
	for (a = x->n[skip[0]].parent; a > idx && !(skip[1] >= a &&
	    skip[1] < x->n[a].end); a = x->n[a].parent)
		;
	if (a <= idx)
		return;
	rest = x->n[a].st.chars - x->n[skip[0]].st.chars -
	    x->n[skip[1]].st.chars;
	if (x->n[a].st.chars < x->n[skip[0]].st.chars +
	    x->n[skip[1]].st.chars || rest < 20) {
		skip[0] = a;
		skip[1] = -1;
	}
}

/*
 * The box the author's name sits in: their avatar, rank, number of
 * posts, date joined, location. It goes with the name: the largest
 * element around it that holds neither the date nor a reply nor a
 * paragraph, and little text, less than half the post's.
 */
static void
post_author_box(struct extractor *x, int idx, int skip[2])
{
	int	 a, i, box = -1;

	if (skip[0] < 0)
		return;
	for (a = x->n[skip[0]].parent; a > idx; a = x->n[a].parent) {
		if ((skip[1] >= a && skip[1] < x->n[a].end) ||
		    (x->n[a].flags & N_POSTPATH) ||
		    x->n[a].st.chars > 300 ||
		    x->n[a].st.chars * 2 > x->n[idx].st.chars)
			break;
		for (i = a + 1; i < x->n[a].end; i++)
			if (x->n[i].tag == GUMBO_TAG_P ||
			    x->n[i].tag == GUMBO_TAG_PRE ||
			    x->n[i].tag == GUMBO_TAG_BLOCKQUOTE)
				break;
		if (i < x->n[a].end)
			break;
		box = a;
	}
	if (box >= 0)
		skip[0] = box;
}

/*
 * The element of the post at idx, not in a reply, whose title is the
 * date when (to the minute) and whose text is one short line with a
 * digit: its index, its text in out; or -1.
 */
static int
post_titled_date(struct extractor *x, int idx, int64_t when, struct buf *out)
{
	const char	*v;
	int64_t		 t;
	int		 i;

	for (i = idx + 1; i < x->n[idx].end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if (x->n[i].flags & N_POST) {
			i = x->n[i].end - 1;
			continue;
		}
		if ((v = attr(x->n[i].g, "title")) == NULL ||
		    x->n[i].st.chars >= 2 * POST_SHORT ||
		    date_parse_page(v, &t) != 0 || t / 60 != when / 60)
			continue;
		post_text(x, i, out);
		if (post_short(out) && strpbrk(out->data, "0123456789"))
			return (i);
	}
	buf_reset(out);
	return (-1);
}

/*
 * The words a page shows for a date it gives machines (a <meta> or a
 * <time>'s datetime): the first element of the post at idx, not in a
 * reply, whose text is one short line that reads as a date of the same
 * day, give or take a time zone ("Jul 5, 2024 at 7:30 PM" for
 * 2024-07-05T23:30Z). From a <time> that shows several ("June 14,
 * 2024" and "1 yr"), the first that reads. Its index, its text in out;
 * or -1.
 */
static int
post_shown_date(struct extractor *x, int idx, int from, int64_t when,
    struct buf *out)
{
	int64_t	 t;
	int	 i, found = -1, end = x->n[from].end;

	for (i = from + 1; i < end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if ((x->n[i].flags & N_POST) || mirror_hidden(x->n[i].g)) {
			i = x->n[i].end - 1;
			continue;
		}
		if (x->n[i].st.chars >= 2 * POST_SHORT ||
		    !post_text(x, i, out) || !post_short(out) ||
		    !strpbrk(out->data, "0123456789") ||
		    date_parse_page(out->data, &t) != 0)
			continue;
		/* The innermost: "Jul 5, 2024" rather than the header
		 * that also says "Post #2 of 7". */
		if (from != idx || (t - when < 38 * 3600 &&
		    when - t < 38 * 3600)) {
			found = i;
			end = x->n[i].end;
		}
	}
	if (found >= 0)
		post_text(x, found, out);
	else
		buf_reset(out);
	return (found);
}

/* Other <time>s of the post at idx, not in a reply, that say again when
 * it was written (to the minute) in a short line go: the post's header
 * has said it. */
static void
post_drop_times(struct extractor *x, int idx, int keep, int64_t when)
{
	const char	*v;
	int64_t		 t;
	int		 i;

	for (i = idx + 1; i < x->n[idx].end; i++) {
		if (x->n[i].flags & N_POST) {
			i = x->n[i].end - 1;
			continue;
		}
		if (i == keep || x->n[i].tag != GUMBO_TAG_TIME ||
		    x->n[i].st.chars >= 2 * POST_SHORT ||
		    (v = attr(x->n[i].g, "datetime")) == NULL ||
		    date_parse_page(v, &t) != 0 || t / 60 != when / 60)
			continue;
		x->n[i].flags |= N_REMOVED;
		i = x->n[i].end - 1;
	}
}

/*
 * Fill in the author and date of the post at idx, and set skip[0] and
 * skip[1] to the elements they came from (-1: none), which the post's
 * body leaves out.
 */
void
post_header(struct conv *cv, int idx, struct extract_block *b, int skip[2])
{
	struct extractor	*x = cv->x;
	struct buf		 t = BUF_INIT, shown = BUF_INIT, swap;
	const GumboNode		*g;
	const char		*ip, *meta = NULL, *v;
	int64_t			 when;
	int			 i, end = x->n[idx].end;
	int			 author[4] = { -1, -1, -1, -1 };
	int			 date[2] = { -1, -1 }, k, outer = -1;

	for (i = idx; i < end; i++) {
		if (x->n[i].tag == TAG_TEXT)
			continue;
		if (i > idx && (x->n[i].flags & N_POST)) {
			i = x->n[i].end - 1;	/* a reply: its own header */
			continue;
		}
		g = x->n[i].g;
		if (meta == NULL)
			meta = post_meta_date(g);
		if (i == idx)
			continue;
		ip = attr(g, "itemprop");
		if (post_has_word(ip, "author") && author[0] < 0)
			author[0] = i;
		else if (post_author_class(g) && x->n[i].st.chars > 0 &&
		    (author[1] < 0 || i < x->n[author[1]].end)) {
			if (author[1] < 0)
				outer = i;
			author[1] = i;	/* the innermost of nested ones */
		} else if (post_has_word(attr(g, "rel"), "author") &&
		    x->n[i].st.chars > 0 && author[2] < 0)
			author[2] = i;
		else if (author[3] < 0 && x->n[i].tag == GUMBO_TAG_A &&
		    x->n[i].st.chars > 0 && x->n[i].st.chars < POST_SHORT &&
		    date[0] < 0 && date[1] < 0 &&
		    post_profile_href(attr(g, "href")))
			author[3] = i;
		if (date[0] < 0 && (post_has_word(ip, "datePublished") ||
		    post_has_word(ip, "dateCreated") ||
		    x->n[i].tag == GUMBO_TAG_TIME))
			date[0] = i;
		else if (date[1] < 0 && post_date_class(g) &&
		    x->n[i].st.chars < 2 * POST_SHORT) {
			post_text(x, i, &t);
			if (post_short(&t) && strpbrk(t.data, "0123456789"))
				date[1] = i;
		}
	}
	skip[0] = skip[1] = -1;
	for (k = 0; k < 4; k++) {
		if (author[k] < 0 || !post_author_text(x, author[k], k, &t))
			continue;
		b->author = arena_strndup(cv->a, t.data, t.len);
		skip[0] = author[k];
		/* A box around the name (an avatar, "Member") goes with it,
		 * when it says little else. */
		if (k == 1 && outer != author[k]) {
			post_text(x, outer, &t);
			if (post_short(&t))
				skip[0] = outer;
		}
		break;
	}
	buf_reset(&t);
	if ((i = date[0] >= 0 ? date[0] : date[1]) >= 0) {
		if (!(x->n[i].cls & PAT_HIDDEN))
			post_text(x, i, &t);
		if ((v = attr(x->n[i].g, "datetime")) == NULL)
			v = attr(x->n[i].g, "content");
		/* A machine's date that shows nothing: the words of an
		 * element whose title is that date ("Oct 16, 2010 at
		 * 21:58" titled "2010-10-16 21:58:06Z"). */
		if (t.len == 0 && v != NULL && date_parse_page(v, &when) == 0 &&
		    (k = post_titled_date(x, idx, when, &t)) >= 0)
			i = k;
		else if (t.len > 0 && date_parse_page(t.data, &when) != 0 &&
		    x->n[i].st.chars < 2 * POST_SHORT &&
		    post_shown_date(x, idx, i, 0, &shown) >= 0) {
			swap = t;
			t = shown;
			shown = swap;
		}
		/* A date inside the author's element goes with it. */
		if (skip[0] < 0 || i < skip[0] || i >= x->n[skip[0]].end)
			skip[1] = i;
		post_set_date(cv, b, v, &t);
		if (b->has_published)
			post_drop_times(x, idx, i, b->published);
	} else if (meta != NULL && date_parse_page(meta, &when) == 0) {
		/* The page's own words for it, when it shows them. */
		if ((k = post_shown_date(x, idx, idx, when, &t)) >= 0 &&
		    (skip[0] < 0 || k < skip[0] || k >= x->n[skip[0]].end))
			skip[1] = k;
		post_set_date(cv, b, meta, &t);
	}
	buf_release(&t);
	buf_release(&shown);
	post_byline(x, idx, skip);
	post_author_box(x, idx, skip);
}

/*
 * Is a key (lower case, letters and digits) a number, or numbers each
 * followed by what they count: "12", "2likes", "188points11children"
 * (a score shown three ways, hidden but one, and the replies), after a
 * symbol or none?
 */
static int
post_counts(const char *k)
{
	static const char *const counts[] = {
		"like", "likes", "reply", "replies", "answer", "answers",
		"vote", "votes", "point", "points", "reaction", "reactions",
		"link", "comment", "comments", "child", "children",
	};
	size_t	 d, n, i;

	while ((unsigned char)*k >= 0x80)	/* a toggle's "–", an arrow */
		k++;
	for (d = 0; k[d] >= '0' && k[d] <= '9'; d++)
		;
	if (d == 0)
		return (0);
	if (k[d] == '\0')
		return (1);
	while (d > 0) {
		for (n = 0; k[n + d] != '\0' && !(k[n + d] >= '0' &&
		    k[n + d] <= '9'); n++)
			;
		for (i = 0; i < nitems(counts); i++)
			if (strlen(counts[i]) == n &&
			    strncmp(k + d, counts[i], n) == 0)
				break;
		if (i == nitems(counts))
			return (0);
		k += d + n;
		if (*k == '\0')
			return (1);
		for (d = 0; k[d] >= '0' && k[d] <= '9'; d++)
			;
	}
	return (0);
}

/* The fields of a poster's profile beside their posts. */
static const char *const post_fields[] = {
	"Posts", "Joined", "Join Date", "Registered", "Location",
	"Messages", "Reputation", "Member since", "Reaction score",
	"Points", "Likes Received", "Trophy Points", "Beiträge",
	"Registriert", "Wohnort", "Inscrit", "Mensajes", "Registrado",
	"Messaggi", "Iscritto", "Сообщений", "Регистрация",
};

/*
 * Does s open with a field of a poster's profile and its colon ("Posts:
 * 4032", "Joined: May 2019"), or, when alone may, is it one ("Joined",
 * the term of a <dt> whose <dd> says when)?
 */
static int
post_profile_field(const char *s, size_t len, int colon)
{
	size_t	 d, n;

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\n'))
		len--;
	for (d = 0; d < nitems(post_fields); d++) {
		n = strlen(post_fields[d]);
		if (len < n || !ascii_eq_nocase(s, post_fields[d], n))
			continue;
		if (len > n && s[n] == ':')
			return (1);
		if (!colon && (len == n || (len == n + 1 && s[n] == ':')))
			return (1);
	}
	return (0);
}

/*
 * Is node idx, in a post, a list of its poster's profile: a <dl> of
 * short terms and values, before the post's paragraphs and without any,
 * one of which is a field of it ("Joined" and its date, "Posts: 4032"
 * beside a rank and a place)? It goes whole.
 */
int
post_profile_list(struct extractor *x, int idx)
{
	const struct node	*n = &x->n[idx];
	int			 c, found = 0;

	if (n->tag != GUMBO_TAG_DL || n->st.chars == 0 || n->st.chars > 400)
		return (0);
	/* Beside the name, before the post's words. */
	for (c = n->parent; c >= 0 && !(x->n[c].flags & N_POST);
	    c = x->n[c].parent)
		;
	if (c < 0)
		return (0);
	for (c++; c < idx; c++)
		if (x->n[c].tag == GUMBO_TAG_P || x->n[c].tag == GUMBO_TAG_PRE ||
		    x->n[c].tag == GUMBO_TAG_BLOCKQUOTE)
			return (0);
	for (c = idx + 1; c < n->end; c++) {
		switch (x->n[c].tag) {
		case GUMBO_TAG_P:
		case GUMBO_TAG_PRE:
		case GUMBO_TAG_BLOCKQUOTE:
		case GUMBO_TAG_DL:
			return (0);
		case GUMBO_TAG_DT:
		case GUMBO_TAG_DD:
			if (x->n[c].st.chars > 80)
				return (0);	/* a definition: words of the post */
			if (found || x->n[c].st.chars > 40)
				break;
			buf_reset(&x->tmp);
			node_text(x, c, &x->tmp);
			found = post_profile_field(x->tmp.data, x->tmp.len,
			    x->n[c].tag == GUMBO_TAG_DD);
			break;
		default:
			break;
		}
	}
	return (found);
}

/*
 * A line of a post's interface rather than of its text: a button's
 * word ("Quote", "Reply", "Report", "Share"), a count of likes, answers
 * or votes ("2 Likes", "4 Answers", "Upvote 0 Downvote", "[–] 5 points
 * (2 children)"), a post's
 * number ("#12", "#3 | Link"), the views of a question, a note that it
 * was edited. Compared as keys (lower case, letters and digits).
 */
static int
post_interface_line(const struct extract_span *sp, size_t nspans,
    struct buf *key)
{
	static const char *const words[] = {
		"top", "quote", "reply", "report", "share", "like", "link",
		"permalink", "embed", "save", "edit", "flag", "follow",
		"multiquote", "replywithquote", "quotereply", "quotepost",
		"reportpost", "reportinappropriatecontent", "reportabuse",
		"shareonothersites", "sharepost", "clicktoexpand",
		"clicktoshrink", "asked", "answered", "modified",
		"originalposter", "opposts", "threadstarter", "author",
		"backtotop", "expand", "collapse", "upvote", "downvote",
		"parent", "context", "source", "hide", "delete",
		"zitieren", "antworten", "melden", "teilen", "gefälltmir",
		"citer", "répondre", "signaler", "partager", "jaime",
		"citar", "responder", "reportar", "compartir", "megusta",
		"rispondi", "cita", "segnala", "condividi", "mipiace",
		/* The poster's state and rank beside the name. */
		"online", "offline", "member", "newmember", "juniormember",
		"seniormember", "fullmember", "activemember", "guest",
		"mitglied", "neuesmitglied", "membre", "nouveaumembre",
		"miembro", "nuevomiembro", "membro", "nuovoutente", "gast",
		"invité", "invitado", "ospite",
	};
	static const char *const edited[] = {
		"edited", "lastedited", "zuletztbearbeitet", "bearbeitet",
		"modifiépar", "dernièremodification", "editadopor",
		"últimaedición", "modificatoda", "ultimamodifica",
	};
	struct buf	 raw = BUF_INIT;
	size_t		 i, d, n;

	for (i = n = 0; i < nspans; i++)
		n += sp[i].len;
	if (n > 120)
		return (0);
	for (i = 0; i < nspans; i++)
		buf_add(&raw, sp[i].text, sp[i].len);
	/* A template's placeholder no script filled in: "{{ x.message }}". */
	if (raw.len > 4 && strncmp(raw.data, "{{", 2) == 0 &&
	    strncmp(raw.data + raw.len - 2, "}}", 2) == 0) {
		buf_release(&raw);
		return (1);
	}
	text_key(raw.data, raw.len, key);
	i = raw.len;
	buf_release(&raw);
	buf_addch(key, '\0');
	key->len--;
	/* "Edited April 18 by ann", "Last edited: Sep 13, 2024". */
	for (d = 0; d < nitems(edited); d++)
		if (strncmp(key->data, edited[d], strlen(edited[d])) == 0)
			return (1);
	/* Counts alone: "12", "2 Likes", "5 points (2 children)". */
	if (i <= 80 && post_counts(key->data))
		return (1);
	if (i > 40)
		return (0);
	/* A field of the poster's profile: "Posts: 4032", "Joined: May
	 * 2019", "Location: Leeds". */
	if (nspans > 0 && post_profile_field(sp[0].text, sp[0].len, 1))
		return (1);
	for (i = 0; i < nitems(words); i++)
		if (strcmp(key->data, words[i]) == 0)
			return (1);
	return ((strncmp(key->data, "upvote", 6) == 0 && key->len > 8 &&
	    strcmp(key->data + key->len - 8, "downvote") == 0) ||
	    (strncmp(key->data, "viewed", 6) == 0 && key->len > 11 &&
	    strcmp(key->data + key->len - 5, "times") == 0));
}

/* A paragraph that is such a line, alone or quoted (a <dd>), or a list
 * of them (a row of buttons). */
static int
post_interface(const struct extract_block *b, struct buf *key)
{
	const struct extract_block	*it;
	size_t				 i;

	if (b->kind == EXTRACT_QUOTE && b->nchildren == 1)
		b = &b->children[0];	/* a <dd> of the poster's profile */
	if (b->kind == EXTRACT_PARAGRAPH && b->nchildren == 0)
		return (post_interface_line(b->spans, b->nspans, key));
	if (b->kind != EXTRACT_LIST || b->nchildren == 0)
		return (0);
	for (i = 0; i < b->nchildren; i++) {
		it = &b->children[i];
		if (it->nchildren == 1)
			it = &it->children[0];
		if (it->nchildren > 0 ||
		    !post_interface_line(it->spans, it->nspans, key))
			return (0);
	}
	return (1);
}

/* Is a block a quote of what the thread has already shown (sh, the
 * words of its text): 30 words or more, nine in ten of them there? */
static int
post_quotes_shown(const struct extract_block *b, struct shingles *sh,
    struct buf *text)
{
	size_t	 n, found = 0;

	if (b->kind != EXTRACT_QUOTE)
		return (0);
	buf_reset(text);
	block_plain(b, text);
	n = shingles_of(sh, text->data, text->len, 1, 0, &found);
	return (n >= 30 && found * 10 >= n * 9);
}

/* Add a block's text to what the thread has shown. */
static void
post_shown(const struct extract_block *b, struct shingles *sh,
    struct buf *text)
{
	buf_reset(text);
	block_plain(b, text);
	shingles_of(sh, text->data, text->len, 1, 1, NULL);
}

/*
 * Fold the runs of posts among the top-level blocks (see the top of this
 * file): each opening block takes the blocks up to the next post's
 * opening or closing one as its children. A post left without blocks
 * goes. A lone post is no thread but an article (a story with its
 * comments gone): its blocks stay as they are, and its author and date
 * are the article's. A post's quote of what the thread has already
 * shown (a reply that quotes a whole post above it) goes too: the
 * reader has just read it. Return the new number of blocks.
 */
size_t
post_group(struct conv *cv, struct extract_block *v, size_t n)
{
	struct extract_block	 post;
	struct shingles		 shown = { NULL, 0, 0 };
	struct buf		 key = BUF_INIT, text = BUF_INIT;
	size_t			 i, j, c, k = 0, posts = 0;

	for (i = 0; i + 1 < n; i++)
		posts += v[i].kind == EXTRACT_POST &&
		    v[i].level != POST_CLOSE && v[i + 1].kind != EXTRACT_POST;
	for (i = 0; i < n; i++) {
		if (v[i].kind != EXTRACT_POST) {
			if (posts >= 2)
				post_shown(&v[i], &shown, &text);
			v[k++] = v[i];
			continue;
		}
		if (v[i].level == POST_CLOSE || posts < 2)
			continue;
		for (j = i + 1; j < n && v[j].kind != EXTRACT_POST; j++)
			;
		post = v[i];
		post.children = arena_alloc(cv->a, (j - i) *
		    sizeof *post.children);
		post.nchildren = 0;
		for (c = i + 1; c < j; c++)
			if (!post_interface(&v[c], &key) &&
			    !post_quotes_shown(&v[c], &shown, &text))
				post.children[post.nchildren++] = v[c];
		for (c = 0; c < post.nchildren; c++)
			if (post.children[c].kind != EXTRACT_QUOTE)
				post_shown(&post.children[c], &shown, &text);
		if (post.nchildren > 0)
			v[k++] = post;
		i = j - 1;
	}
	free(shown.v);
	buf_release(&key);
	buf_release(&text);
	return (k);
}

/*
 * The posts of a fragment: a thread as extract_html() writes it, which
 * the reader keeps and reads again, is <article>s that open with a
 * <header> of a <strong class="author"> and a <time>. Mark them as the
 * scoring marks a page's posts, when there are two or more.
 */
void
post_mark_fragment(struct extractor *x)
{
	const struct node	*h;
	int			 i, c, a, posts = 0, pass;

	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < (int)x->nn; i++) {
			if (x->n[i].tag != GUMBO_TAG_ARTICLE)
				continue;
			for (c = x->n[i].first; c >= 0 &&
			    x->n[c].tag == TAG_TEXT; c = x->n[c].next)
				;
			if (c < 0 || x->n[c].tag != GUMBO_TAG_HEADER)
				continue;
			h = &x->n[c];
			for (c = h->first; c >= 0; c = x->n[c].next)
				if (x->n[c].tag != TAG_TEXT &&
				    x->n[c].tag != GUMBO_TAG_STRONG &&
				    x->n[c].tag != GUMBO_TAG_TIME)
					break;
			if (c >= 0)
				continue;
			if (pass == 0) {
				posts++;
				continue;
			}
			if (posts < 2)
				return;
			x->n[i].flags |= N_POST;
			for (a = i; a >= 0 && !(x->n[a].flags & N_POSTPATH);
			    a = x->n[a].parent)
				x->n[a].flags |= N_POSTPATH;
		}
	}
}
