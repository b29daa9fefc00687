/*
 * extract-int.h: what the files of reader mode share, and no one else.
 *
 * extract.c owns the arenas and the pipeline, extract-mirror.c the
 * nodes and their statistics, extract-meta.c the metadata slots,
 * extract-score.c the scores and the parts of the article found,
 * extract-blocks.c, extract-thread.c and extract-post.c the conversion
 * to blocks, and extract-out.c and extract-feeds.c only read what the
 * others made.
 * Not part of the API (that is extract.h): these types and functions
 * change with the model.
 */
#ifndef TIDINGS_EXTRACT_INT_H
#define TIDINGS_EXTRACT_INT_H

#include <stddef.h>
#include <stdint.h>

#include <gumbo.h>

#include "buf.h"
#include "extract.h"

/* An arena: a list of chunks (extract.c). */
struct extract_arena {
	struct arena_chunk	*head;
};

/*
 * Class and id patterns. Each word found in an element's lower-cased class
 * or id sets bits; the words are the ones Readability found telling over
 * years of pages, plus a few groups used by the cleaning stage. A '^' or
 * '$' in the table means the word must start or end at a non-alphanumeric
 * character (or the end of the string).
 */
#define PAT_UNLIKELY	0x0001	/* furniture: nav, footer, comments ... */
#define PAT_MAYBE	0x0002	/* ... unless it also looks like content */
#define PAT_POSITIVE	0x0004	/* +25 */
#define PAT_NEGATIVE	0x0008	/* -25 */
#define PAT_SHARE	0x0010	/* share bars */
#define PAT_BYLINE	0x0020	/* author lines */
#define PAT_CAPTION	0x0040	/* photo captions and credits */
#define PAT_HIDDEN	0x0080	/* hidden by class */
#define PAT_TEASER	0x0100	/* related stories, recommendations */
#define PAT_PROMO	0x0200	/* ads, newsletters, subscriptions */
#define PAT_PLAYER	0x0400	/* video players and playlists */
#define PAT_COMMENT	0x0800	/* comment sections */
#define PAT_FACET	0x1000	/* a shop's filters: facets, refinements */
#define PAT_DIALOG	0x2000	/* modal dialogs: sheets, overlays */

struct pattern {
	const char	*word;
	unsigned	 bits;
};

/* How many patterns extract-mirror.c has. */
#define PATTERN_COUNT	84

/* The patterns by first letter, built once per extraction. */
struct pattern_index {
	unsigned char	 first[256];	/* index of the first pattern + 1 */
	unsigned char	 count[256];
	const struct pattern *sorted[PATTERN_COUNT];
};

/*
 * The mirror: gumbo's tree as an array of nodes in document order, with
 * what scoring and cleaning need kept beside each node.
 */
#define TAG_TEXT	(-1)

#define N_REMOVED	0x0001	/* gone, with its subtree */
#define N_SPACE		0x0002	/* a text node of whitespace only */
#define N_HASBLOCK	0x0004	/* has a child that keeps a div a div */
#define N_SCORED	0x0008	/* has a content score */
#define N_DATATABLE	0x0010	/* a table of data, not of layout */
#define N_LEAF		0x0020	/* an element whose children we skip */
#define N_INCODE	0x0100	/* inside <code> or <pre> */
#define N_INTABLE	0x0200	/* inside a <table> */
#define N_PHRASING	0x0400	/* phrasing content (Readability's sense) */
#define N_KEEP		0x0800	/* a paragraph of the article's own class */
#define N_HASKEEP	0x1000	/* has an N_KEEP node below it */
#define N_POST		0x2000	/* one post of a thread */
#define N_POSTPATH	0x4000	/* a post or an ancestor of one */
#define N_BODYNAME	0x10000	/* named as the post's own body
					   (body_name()) */
#define N_HASBODY	0x20000	/* is or holds an N_BODYNAME node */
#define N_MANYBODY	0x40000	/* is or holds two N_BODYNAME nodes or
					   more */

struct stats {
	uint32_t	 chars;		/* text, whitespace runs counted once */
	uint32_t	 links;		/* chars inside links (x0.3 for "#") */
	uint32_t	 commas;
	uint32_t	 p;		/* paragraphs */
	uint32_t	 img;
	uint32_t	 li;
	uint32_t	 input;		/* form controls */
	uint32_t	 embed;		/* iframes, objects, videos */
	uint32_t	 heads;		/* chars inside headings */
};

struct node {
	const GumboNode	*g;
	int		 parent;
	int		 first;		/* first child, -1: none */
	int		 last;
	int		 next;		/* next sibling, -1: none */
	int		 end;		/* index after the last descendant */
	int		 tag;		/* GumboTag, or TAG_TEXT */
	unsigned	 flags;
	unsigned	 cls;		/* PAT_* of class and id */
	int		 weight;	/* class weight */
	float		 score;
	struct stats	 st;
};

/* Who declares the page an article. */
#define ARTICLE_OG		0x1	/* og:type, as some sites say of all */
#define ARTICLE_LD		0x2	/* JSON-LD */

/* The flags of one run of the candidate search (Readability's). */
#define RUN_STRIP_UNLIKELY	0x1
#define RUN_WEIGHT_CLASSES	0x2
#define RUN_CLEAN_COND		0x4
#define RUN_ALL			0x7

#define MIRROR_DEPTH	384

/* Metadata fields, each filled from the most trusted source found. */
enum {
	M_TITLE,
	M_BYLINE,
	M_DATE,
	M_SITE,
	M_IMAGE,
	M_BASE,
	M_DOCTITLE,		/* <title>, for the title's last resort */
	M_DESC,			/* the page's description of itself */
	M_COUNT
};

struct meta_slot {
	const char	*v;
	int		 rank;		/* lower is more trusted */
	int64_t		 t;		/* M_DATE: the parsed value */
};

struct extractor {
	struct extract_arena	 garena;	/* gumbo's tree, scratch */
	struct meta_slot	 meta[M_COUNT];
	struct extract_arena	*arena;		/* the article's */
	struct article		*art;
	GumboOutput		*out;
	struct pattern_index	 pi;
	struct node		*n;
	size_t			 nn;
	size_t			 cap;
	int			 body;		/* node of <body>, -1: none */
	unsigned		 run;		/* RUN_* */
	const char		*base;		/* URL links resolve against */
	const char		*title;		/* for dropping its repeats */
	const char		*byline;	/* found in the page's text */
	const char		*ld_body;	/* JSON-LD articleBody */
	int			 ld_thread;	/* JSON-LD declares a thread */
	const char		*ld_thread_text; /* and its first post's text */
	int			 ld_article;	/* an article: ARTICLE_* bits */
	int			 thread;	/* the thread's container, -1 */
	int			 thread_run;	/* a run of posts, maybe */
	int			 thread_forced;	/* the run is the thread */
	int			 thread_head;	/* and this is its head, or -1 */
	int			 region;	/* read the main region whole */
	int			 website;	/* the page says it is not an article */
	uint32_t		 cards;		/* text of a run of cards in the top */
	uint32_t		 facets;	/* text of the filters taken away */
	uint32_t		 entries;	/* text of an index's linked headings */
	uint32_t		 appeals;	/* text of the appeals cut at the end */
	int			 ld_product;	/* JSON-LD Product objects */
	const char		*ld_product_text; /* the first one's description */
	int			 og_product;	/* og:type says product */
	int			 product;	/* a page about one product */
	int			 product_cart;	/* its add-to-cart button, -1 */
	uint32_t		 body_chars;	/* the body's text before precleaning */
	const char		**controls;	/* ids disclosure buttons open, */
	size_t			 ncontrols;	/* sorted; -1 before the first */
	struct buf		 tmp;
	int			 fragment;	/* extract_fragment() */
};

/*
 * The article found by a run: the winning container and the siblings that
 * joined it, in document order. A part is one node (first == last) or a
 * run of phrasing siblings read as one paragraph.
 */
struct part {
	int	 first;
	int	 last;
};

struct parts {
	struct part	*v;
	size_t		 n;
	size_t		 cap;
	uint32_t	 chars;		/* text left after cleaning */
};

/*
 * Blocks: the cleaned article becomes the tree of extract.h. Inline
 * content is gathered into one paragraph at a time (text, styles, links,
 * breaks); every block element ends the paragraph in progress.
 */
struct bvec {
	struct extract_block	*v;
	size_t			 n;
	size_t			 cap;
};

struct tspan {
	size_t		 off;
	size_t		 len;
	unsigned	 style;
	size_t		 link;
};

struct pending_image {
	const char	*src;
	const char	*alt;
};

struct conv {
	struct extractor	*x;
	struct extract_arena	*a;
	struct buf		 text;		/* the paragraph being built */
	struct tspan		*spans;
	size_t			 nspans;
	size_t			 cspans;
	int			 space;		/* a space is pending */
	int			 breaks;	/* <br>s since the last text */
	unsigned		 style;
	size_t			 link;		/* temporary link number */
	int			 pre;		/* whitespace is kept */
	int			 flat;		/* blocks are spaces: headings,
						   cells, captions */
	struct pending_image	*imgs;		/* images met inside text */
	size_t			 nimgs;
	size_t			 cimgs;
	const char		**urls;		/* temporary link numbers */
	size_t			 nurls;
	size_t			 curls;
	unsigned		*tcls;		/* top-level blocks' classes */
	size_t			 ctcls;
	int			 depth;
	int			 root;		/* the part being converted */
	uint32_t		 total;		/* text of all the parts */
	int			 skip[2];	/* the post's author and date
						   elements, -1: none */
};

/* The level of the EXTRACT_POST block that closes a post's run of blocks
 * while converting (extract-thread.c). */
#define POST_CLOSE	1

/* extract.c */
void	*arena_alloc(struct extract_arena *a, size_t n);
void	 arena_release(struct extract_arena *a);
char	*arena_strndup(struct extract_arena *a, const char *s, size_t n);
char	*arena_strdup(struct extract_arena *a, const char *s);
void	*extract_gumbo_alloc(void *arena, size_t n);
void	 extract_gumbo_free(void *arena, void *p);

/* extract-mirror.c */
void	 pattern_index_init(struct pattern_index *pi);
const char	*attr(const GumboNode *g, const char *name);
long	 attr_num(const GumboNode *g, const char *name, long lo, long hi,
	    long def);
int	 tag_block(int tag);
int	 tag_div_block(int tag);
int	 tag_heading(int tag);
void	 stats_sub(struct stats *a, const struct stats *b);
int	 mirror_hidden(const GumboNode *g);
int	 mirror_add(struct extractor *x, const GumboNode *g, int parent,
	    int depth);

/* extract-meta.c */
void	 meta_clean(struct buf *out, const char *s, int entities);
void	 meta_element(struct extractor *x, const GumboNode *g);
void	 meta_json_ld(struct extractor *x, const struct buf *ld);
void	 text_fold(struct buf *out, const char *s, int *space);
void	 node_text(struct extractor *x, int idx, struct buf *out);
void	 meta_body_element(struct extractor *x, int idx);
void	 meta_walk(struct extractor *x, const GumboNode *g, int depth);
double	 title_similarity(const char *a, const char *b);
void	 meta_title(struct extractor *x);
void	 meta_finish(struct extractor *x);

/* extract-score.c */
void	 node_remove(struct extractor *x, int idx);
void	 parts_add(struct parts *ps, int first, int last);
int	 data_table(struct extractor *x, int idx);
void	 grab(struct extractor *x, struct parts *ps);
uint32_t parts_prices(struct extractor *x, const struct parts *ps);
int	 section_number(const char *s);
void	 thread_key(const char *s, struct buf *out, size_t max);

/* extract-blocks.c */
void	 convert(struct extractor *x, const struct parts *ps);
void	 fallback_declared(struct extractor *x);

/* extract-product.c */
void	 product_detect(struct extractor *x);
int	 product_furniture(struct extractor *x, int idx);
int	 product_price(const char *s, size_t len);
int	 product_shelf_name(const char *s, size_t len);
int	 product_type_is(const char *t, const char *name);
int	 product_fine_print(struct extractor *x, int idx);
int	 product_description_box(struct extractor *x, int idx);
size_t	 product_region_need(struct extractor *x, const struct parts *rp,
	    size_t need, size_t chars, size_t links);

/* extract-feeds.c */
int	 extract_has_token(const char *s, const char *word);

/* extract-thread.c */
int	 post_class_has(const GumboNode *g, const char *const *words,
	    size_t n);
void	 post_header(struct conv *cv, int idx, struct extract_block *b,
	    int skip[2]);
size_t	 post_group(struct conv *cv, struct extract_block *v, size_t n);
void	 post_mark_fragment(struct extractor *x);
int	 post_profile_list(struct extractor *x, int idx);

/* extract-post.c */
/* Same tag and same first class name: cards of a list, posts of a run. */
int	 siblings_alike(struct extractor *, int, int);
void	 block_counts(const struct extract_block *b, size_t *chars,
	    size_t *links);
void	 block_plain(const struct extract_block *b, struct buf *out);
/* A set of hashed shingles (runs of words) of texts. */
struct shingles {
	uint64_t	*v;		/* open addressing, 0 is empty */
	size_t		 cap;		/* a power of two */
	size_t		 n;
};
size_t	 shingles_of(struct shingles *sh, const char *s, size_t len,
	    int k, int put, size_t *found);
void	 text_key(const char *s, size_t len, struct buf *out);
void	 postprocess(struct conv *cv, struct bvec *root);
void	 evidence_filter(struct conv *cv, struct bvec *root);
void	 finish_links(struct conv *cv, struct extract_block *v, size_t n,
	    size_t *map, struct extract_link **links, size_t *nlinks,
	    size_t *cap);

#endif /* TIDINGS_EXTRACT_INT_H */
