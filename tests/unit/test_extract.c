/* test_extract.c: reader mode on pages of every common shape. */
#include "testlib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "extract.h"
#include "html.h"
#include "util.h"

#define FIXTURES	"tests/fixtures/html/"

/* The article's text field, with whitespace folded as seed-check does. */
static char *
folded_text(const struct article *art)
{
	struct buf	 t = BUF_INIT, out = BUF_INIT;
	size_t		 i;
	int		 space = 0;

	extract_text(art, &t);
	for (i = 0; i < t.len; i++) {
		if (t.data[i] == ' ' || t.data[i] == '\n' || t.data[i] == '\t') {
			space = out.len > 0;
			continue;
		}
		if (space)
			buf_addch(&out, ' ');
		space = 0;
		buf_addch(&out, t.data[i]);
	}
	buf_release(&t);
	return (buf_detach(&out, NULL));
}

static size_t
count(const char *hay, const char *needle)
{
	size_t		 n = 0;
	const char	*p = hay;

	while ((p = strstr(p, needle)) != NULL) {
		n++;
		p += strlen(needle);
	}
	return (n);
}

/* What a reader must see of each fixture, and must not. */
static const struct page_case {
	const char	*file;
	const char	*url;
	const char	*title;
	const char	*byline;	/* a substring; NULL: none expected */
	const char	*published;	/* a prefix; NULL: none expected */
	const char	*site;
	const char	*in_order[8];
	const char	*absent[12];
	const char	*once[2];
} pages[] = {
	{ "news.html", "https://courier.example/news/2021/bridge.html",
	  "Council approves the new river bridge after ten-year fight",
	  "Tom Okafor", "2021-06-14T12:30:00Z", "The Valley Courier",
	  { "The city council voted seven to two on Monday night",
	    "Supporters say the crossing will cut the morning commute",
	    "\"We have argued about this bridge for long enough,\"",
	    "Construction is expected to begin in the autumn",
	    "A long road to the vote",
	    "The first plans for a crossing were drawn up in 2011",
	    "The council will hold a further hearing on the financing" },
	  { "JUST WATCHED", "Replay", "More Videos", "MUST WATCH",
	    "Flood barriers tested", "Share on Facebook", "Advertisement",
	    "Ferry service to end", "Read More", "Sign up for our morning",
	    "Bridge costs explained", "All rights reserved" },
	  { "The old ferry landing at dawn" } },
	{ "blog.html", "https://slowtools.example/2020/02/paper-notebook/",
	  "Why I keep a paper notebook", "Mira Lindqvist",
	  "2020-02-03T19:05:00Z", "Slow Tools",
	  { "Every few months somebody asks me why",
	    "When I write by hand I cannot keep up",
	    "The notebook does not remember things for me",
	    "a dotted A5 notebook with numbered pages,",
	    "an index on the first two pages",
	    "awk -F'\\t' '{ print $1 \": \" $2 }' index.tsv |",
	    "None of this is clever" },
	  { "Recent Posts", "Archives", "Share this", "On pencils",
	    "Previous post", "Proudly powered", "Posted in", "Home" },
	  { NULL } },
	{ "docs.html", "https://docs.example/quaylib/2.4/retries.html",
	  "Configuring retries", NULL, NULL, NULL,
	  { "A client created with quay.connect() retries",
	    "The retry policy",
	    "policy = RetryPolicy(attempts=5, backoff=0.5)",
	    "Setting Default Meaning",
	    "retry_on (503, 504) Status codes",
	    "Choosing values",
	    "Measure how long the service usually takes",
	    "Requests that are not idempotent are never retried" },
	  { "Installation", "Quickstart", "View page source", "Search docs",
	    "Previous", "Built with", "Copyright" },
	  { NULL } },
	{ "comments.html", "https://greenfingers.example/diary/first-frost",
	  "The allotment diary: first frost", "Hal Brennan",
	  "2019-10-28", "Green Fingers Weekly",
	  { "The first frost arrived on Saturday night",
	    "Most of the plot was ready for it.",
	    "The dahlias were another matter.",
	    "Next week: planting garlic" },
	  { "Same here!", "Don't wash the dahlia tubers", "Garlic next week",
	    "thoughts on", "Leave a Reply", "Reply", "Forum",
	    "recycled paper" },
	  { NULL } },
	{ "gallery.html", "https://pictures.example/lanterns",
	  "In pictures: the lantern festival returns", NULL,
	  "2023-02-05T21:00:00Z", NULL,
	  { "After three quiet years, thousands of paper lanterns",
	    "The organisers said more than forty thousand people",
	    "The lanterns will stay on display" },
	  { "Image 1 of 3", "More galleries", "Winter swimmers", "Culture" },
	  { NULL } },
	/* A forum topic that declares nothing: a run of posts. */
	{ "board.html", "https://board.example/viewtopic.php?t=77",
	  "Rust on the old lathe bed", NULL, NULL, NULL,
	  { "I picked up a lathe from a farm sale",
	    "Plenty of light oil and a fine nylon pad first.",
	    "For the pitted patches an old razor blade",
	    "Done, thank you both." },
	  { "Board index", "Post Reply", "Return to Old Machines",
	    "Powered by", "Sent from the shed" },
	  { NULL } },
	/* A section front: not an article, read whole, headlines kept. */
	{ "section.html", "https://lamp.example/science",
	  "Science", NULL, NULL, "The Evening Lamp",
	  { "A comet returns after three thousand years",
	    "Astronomers expect it to be visible",
	    "Why city bees are doing better than country bees",
	    "The oldest ice on Earth is being drilled",
	    "How much sleep do teenagers really need?",
	    "Moss that survives in space",
	    "Tides are slowing the Earth, a little",
	    "The day grows by about two milliseconds" },
	  { "Subscribe", "About us", "Privacy", "Copyright" },
	  { NULL } },
	/* A page that streams its text into a hidden element. */
	{ "streamed.html", "https://tidewater.example/harbour",
	  "Notes on a quiet harbour", NULL, NULL, NULL,
	  { "The harbour empties in the afternoon",
	    "The harbour master keeps a ledger",
	    "By six the boats are back" },
	  { "Loading" },
	  { NULL } },
	{ "seedlike.html",
	  "http://www.wire.example/2018/05/17/europe/harbor-chief/index.html",
	  "Harbor chief rejects bribery claims as 'fantasy'",
	  "Oskar Vidal", "2018-05-17", "Wire",
	  { "Lisbon (Wire)The head of Lisbon's harbor authority",
	    "Speaking to reporters on Thursday, Miguel Tavares",
	    "The authority's board is due to meet next week.",
	    "A contract under scrutiny",
	    "\"If anyone has evidence of wrongdoing,",
	    "What happens next",
	    "Wire's Paulo Reis contributed reporting from Porto." },
	  { "JUST WATCHED", "Replay", "More Videos", "MUST WATCH",
	    "(9 Videos)", "Read More", "Prosecutors widen inquiry",
	    "&#39;", "Share on Facebook", "Outbrain", "More from Wire",
	    "Cable" },
	  { "Cranes stand over the container terminal" } },
};

/* A question and its answers: comments on them and vote counts go. */
static void
test_extract_qa(void **state)
{
	static const char page[] =
	    "<html itemscope itemtype=\"https://schema.org/QAPage\"><head>"
	    "<title>How do I keep bread fresh?</title></head><body>"
	    "<div id=main><div itemprop=mainEntity itemscope "
	    "itemtype=\"https://schema.org/Question\"><h1>How do I keep "
	    "bread fresh?</h1><div class=votes>12</div><p>My sourdough goes "
	    "stale in two days, even wrapped in a towel on the counter. "
	    "Is there a better way that does not involve the fridge?</p>"
	    "<div itemprop=comment itemscope itemtype=\"https://schema.org/"
	    "Comment\"><p>Which flour do you use, and how long is the "
	    "bake? It matters more than people think.</p></div></div>"
	    "<div itemprop=suggestedAnswer itemscope itemtype=\"https://"
	    "schema.org/Answer\"><div class=votes>31</div><p>Slice it, "
	    "freeze the slices, and toast them straight from the freezer: "
	    "the crumb comes back as if it were baked that morning.</p>"
	    "<div itemprop=comment itemscope itemtype=\"https://schema.org/"
	    "Comment\"><p>This changed my breakfasts completely, thank "
	    "you very much for the tip.</p></div></div>"
	    "<div itemprop=suggestedAnswer itemscope itemtype=\"https://"
	    "schema.org/Answer\"><div class=votes>4</div><p>A linen bread "
	    "bag keeps the crust crisp for a day longer than plastic does, "
	    "in my kitchen at least.</p></div></div></body></html>";
	static const char *const present[] = {
		"My sourdough goes stale in two days",
		"Slice it, freeze the slices",
		"A linen bread bag keeps the crust crisp",
	};
	static const char *const absent[] = {
		"Which flour do you use", "changed my breakfasts", "31",
	};
	struct article	*art;
	char		*text;
	const char	*p;
	size_t		 i;

	(void)state;
	art = extract_page(page, sizeof page - 1, "https://qa.example/q/1",
	    NULL);
	text = folded_text(art);
	for (i = 0, p = text; i < nitems(present); i++) {
		if ((p = strstr(p, present[i])) == NULL)
			failf("missing or out of order: \"%s\" in: %s",
			    present[i], text);
		p += strlen(present[i]);
	}
	for (i = 0; i < nitems(absent); i++)
		if (strstr(text, absent[i]) != NULL)
			failf("kept: \"%s\" in: %s", absent[i], text);
	free(text);
	extract_free(art);
}

/* A section front's story cards come out as one list, a card an item. */
static void
test_extract_cards(void **state)
{
	struct buf	 in = BUF_INIT;
	struct article	*art;
	size_t		 i, lists = 0, items = 0;

	(void)state;
	read_fixture(FIXTURES, "section.html", &in);
	art = extract_page(in.data, in.len, "https://lamp.example/science",
	    NULL);
	for (i = 0; i < art->nblocks; i++)
		if (art->blocks[i].kind == EXTRACT_LIST) {
			lists++;
			items += art->blocks[i].nchildren;
		}
	if (lists != 1 || items != 6)
		failf("section.html: %zu lists of %zu items, want 1 of 6",
		    lists, items);
	extract_free(art);
	buf_release(&in);
}

/* A shop's shelf: five product cards in <main>, each a figure. */
static const char shelf_page[] =
	    "<!DOCTYPE html><html><head><title>Running shoes | Pinecone Out"
	    "fitters</title></head><body><header><a href=\"/\">Pinecone Outfi"
	    "tters</a><nav><a href=\"/men\">Men</a> <a href=\"/women\">Women</a"
	    "> <a href=\"/kids\">Kids</a> <a href=\"/sale\">Sale</a></nav></hea"
	    "der><main><h1>Running shoes</h1><p>Shoes for road, trail and t"
	    "rack.</p><div class=\"grid\"><div class=\"tile\"><figure><a href=\""
	    "/p/alder-trail-runner\"><img src=\"/img/alder-trail-runner.jpg\" "
	    "alt=\"Alder Trail Runner\"></a><div class=\"info\"><a href=\"/p/ald"
	    "er-trail-runner\">Alder Trail Runner</a><div class=\"ship\">Ships"
	    " free</div><div class=\"price\">$89.00</div><div class=\"stars\"><"
	    "a href=\"/p/alder-trail-runner#reviews\">(14)</a></div><div clas"
	    "s=\"act\"><a href=\"/p/alder-trail-runner?view=quick\">View detail"
	    "s</a></div></div></figure></div><div class=\"tile\"><figure><a h"
	    "ref=\"/p/birch-road-racer\"><img src=\"/img/birch-road-racer.jpg\""
	    " alt=\"Birch Road Racer\"></a><div class=\"info\"><a href=\"/p/birc"
	    "h-road-racer\">Birch Road Racer</a><div class=\"ship\">Ships free"
	    "</div><div class=\"price\">$120.00</div><div class=\"stars\"><a hr"
	    "ef=\"/p/birch-road-racer#reviews\">(31)</a></div><div class=\"act"
	    "\"><a href=\"/p/birch-road-racer?view=quick\">View details</a></d"
	    "iv></div></figure></div><div class=\"tile\"><figure><a href=\"/p/"
	    "cedar-hill-walker\"><img src=\"/img/cedar-hill-walker.jpg\" alt=\""
	    "Cedar Hill Walker\"></a><div class=\"info\"><a href=\"/p/cedar-hil"
	    "l-walker\">Cedar Hill Walker</a><div class=\"ship\">Ships free</d"
	    "iv><div class=\"price\">$75.50</div><div class=\"stars\"><a href=\""
	    "/p/cedar-hill-walker#reviews\">(8)</a></div><div class=\"act\"><a"
	    " href=\"/p/cedar-hill-walker?view=quick\">View details</a></div>"
	    "</div></figure></div><div class=\"tile\"><figure><a href=\"/p/dun"
	    "e-sprint-spike\"><img src=\"/img/dune-sprint-spike.jpg\" alt=\"Dun"
	    "e Sprint Spike\"></a><div class=\"info\"><a href=\"/p/dune-sprint-"
	    "spike\">Dune Sprint Spike</a><div class=\"ship\">Ships free</div>"
	    "<div class=\"price\">$99.99</div><div class=\"stars\"><a href=\"/p/"
	    "dune-sprint-spike#reviews\">(22)</a></div><div class=\"act\"><a h"
	    "ref=\"/p/dune-sprint-spike?view=quick\">View details</a></div></"
	    "div></figure></div><div class=\"tile\"><figure><a href=\"/p/elm-d"
	    "aily-trainer\"><img src=\"/img/elm-daily-trainer.jpg\" alt=\"Elm D"
	    "aily Trainer\"></a><div class=\"info\"><a href=\"/p/elm-daily-trai"
	    "ner\">Elm Daily Trainer</a><div class=\"ship\">Ships free</div><d"
	    "iv class=\"price\">$64.00</div><div class=\"stars\"><a href=\"/p/el"
	    "m-daily-trainer#reviews\">(5)</a></div><div class=\"act\"><a href"
	    "=\"/p/elm-daily-trainer?view=quick\">View details</a></div></div"
	    "></figure></div></div></main><footer><p>Pinecone Outfitters, 1"
	    "2 Fern Lane. Opening hours Monday to Saturday, nine to six. Ca"
	    "ll us any time about orders, returns, sizes and repairs of sho"
	    "es you bought with us.</p><p>Gift cards, store locator, career"
	    "s at our shops, press room and partner program.</p></footer></"
	    "body></html>";

/* The text of a page as reader mode shows it. */
static char *
page_text(const char *page, const char *url)
{
	struct article	*art;
	char		*text;

	art = extract_page(page, strlen(page), url, NULL);
	text = folded_text(art);
	extract_free(art);
	return (text);
}

/* Fail unless text holds each of the n strings of want. */
static void
want_all(const char *text, const char *const *want, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strstr(text, want[i]) == NULL)
			failf("missing: \"%s\" in: %s", want[i], text);
}

/* A card that is a <figure> without a caption keeps its text: the
 * product's name and price, not only its picture. */
static void
test_extract_card_figures(void **state)
{
	static const char *const present[] = {
		"Alder Trail Runner", "$89.00", "Elm Daily Trainer", "$64.00",
	};
	char		*text;

	(void)state;
	text = page_text(shelf_page, "https://shop.example/running");
	want_all(text, present, nitems(present));
	free(text);
}

/* A card's furniture goes (its review count, the link every card
 * repeats), its fields stay, even one that every card repeats. */
static void
test_extract_card_furniture(void **state)
{
	char		*text;

	(void)state;
	text = page_text(shelf_page, "https://shop.example/running");
	if (count(text, "Ships free") != 5)
		failf("want 5 \"Ships free\" in: %s", text);
	if (strstr(text, "View details") != NULL || strstr(text, "(14)") !=
	    NULL || strstr(text, "(31)") != NULL)
		failf("card furniture kept in: %s", text);
	free(text);
}

/* A section front found as an article: a run of story cards, each a
 * linked heading, a summary and a label. The cards come out as one
 * list, their names kept, not taken apart as teasers whose summaries
 * and labels stay without the names. */
static const char card_river_page[] =
	    "<!DOCTYPE html><html><head><title>Science | The Lamp</title></"
	    "head><body><main><h1>Science</h1><div class=\"river\"><div cla"
	    "ss=\"entry\"><a href=\"/science/moss\"><h3>Moss clocks keep ti"
	    "me</h3></a><p>Botanists found that a common moss tracks the ho"
	    "urs without any light at all, and that it keeps doing so for w"
	    "eeks after it is moved into a dark cupboard.</p><span class=\""
	    "tag\">Nature</span></div><div class=\"entry\"><a href=\"/scien"
	    "ce/comet\"><h3>A comet returns</h3></a><p>Amateur astronomers "
	    "spotted it first, low on the western horizon at dusk, two nigh"
	    "ts before the observatories confirmed its orbit and its long w"
	    "ay back.</p><span class=\"tag\">Nature</span></div><div class="
	    "\"entry\"><a href=\"/science/bees\"><h3>Bees count to four</h3"
	    "></a><p>A maze with painted doors shows where their arithmetic"
	    " runs out: past four doors the insects guess, and the guesses "
	    "get no better with practice.</p><span class=\"tag\">Nature</sp"
	    "an></div><div class=\"entry\"><a href=\"/science/salt\"><h3>Sa"
	    "lt flats that sing</h3></a><p>Cooling crusts crack in a rhythm"
	    " that microphones can pick up from a mile away, and the song c"
	    "hanges with the seasons as the lake below dries out.</p><span "
	    "class=\"tag\">Nature</span></div><div class=\"entry\"><a href="
	    "\"/science/eels\"><h3>Eels use the field</h3></a><p>Young eels"
	    " turned the same way in a tank whatever the light, which sugge"
	    "sts they read the magnetic field of the earth on their first l"
	    "ong journey.</p><span class=\"tag\">Nature</span></div><div cl"
	    "ass=\"entry\"><a href=\"/science/ice\"><h3>Old ice melts</h3><"
	    "/a><p>A core drilled last winter holds air from before the fir"
	    "st cities, and the team hurried to sample it before the warm s"
	    "ummer reached the storage hut.</p><span class=\"tag\">Nature</"
	    "span></div></div></main></body></html>";

static void
test_extract_article_cards(void **state)
{
	static const char *const present[] = {
		"Moss clocks keep time", "A comet returns", "Old ice melts",
		"Botanists found that a common moss",
	};
	struct article	*art;
	char		*text;
	size_t		 i, lists = 0, items = 0;

	(void)state;
	art = extract_page(card_river_page, strlen(card_river_page),
	    "https://lamp.example/science", NULL);
	for (i = 0; i < art->nblocks; i++)
		if (art->blocks[i].kind == EXTRACT_LIST) {
			lists++;
			items += art->blocks[i].nchildren;
		}
	text = folded_text(art);
	if (lists != 1 || items != 6)
		failf("%zu lists of %zu items, want 1 of 6: %s", lists, items,
		    text);
	want_all(text, present, nitems(present));
	free(text);
	extract_free(art);
}

/* Cards of related stories below a long text, inside its container:
 * teasers, not a list the article is made of. */
static const char related_cards_page[] =
	    "<!DOCTYPE html><html><head><title>Harbour board keeps the old "
	    "crane</title></head><body><article><h1>Harbour board keeps the"
	    " old crane</h1><p>The harbour board met on Tuesday to decide t"
	    "he fate of the old crane, which has stood over the east quay s"
	    "ince the shipyard closed, and which most people in town have c"
	    "ome to think of as part of the skyline rather than a machine.<"
	    "/p><p>Engineers told the board that the steel is sound but the"
	    " cab and the winding gear would need replacing before anyone c"
	    "ould climb it safely, and that the paint alone would cost more"
	    " than the town spends on its parks in a year.</p><p>Several re"
	    "sidents spoke in favour of keeping it, pointing out that visit"
	    "ors photograph it more than anything else in the harbour, and "
	    "that a lit crane at night would cost little once the wiring wa"
	    "s done properly.</p><p>The board voted to keep the crane for n"
	    "ow and to ask the county for help with the cost of the repairs"
	    ", with a further report due before the end of the summer, when"
	    " the tenders for the work will have come in.</p><div class=\"g"
	    "rid\"><h2>More news</h2><div class=\"tile\"><a href=\"/ferry\""
	    "><h3>Ferry timetable changes</h3></a><p>The winter timetable s"
	    "tarts a week early this year, with fewer crossings on weekdays"
	    " and no late boat on Sundays until the spring, the operator sa"
	    "id in a notice posted at the terminal.</p><a href=\"/ferry\">R"
	    "ead more</a></div><div class=\"tile\"><a href=\"/market\"><h3>"
	    "Market moves to the square</h3></a><p>Stalls will set up by th"
	    "e fountain while the hall roof is repaired, which the council "
	    "expects to take most of the winter and part of the spring as w"
	    "ell.</p><a href=\"/market\">Read more</a></div><div class=\"ti"
	    "le\"><a href=\"/school\"><h3>School gets a new roof</h3></a><p"
	    ">Work on the gym roof will be finished before the autumn term,"
	    " the head teacher wrote to parents, so the sports day can go a"
	    "head in the hall as usual this year.</p><a href=\"/school\">Re"
	    "ad more</a></div></div></article></body></html>";

static void
test_extract_related_cards(void **state)
{
	struct article	*art;
	size_t		 i;

	(void)state;
	art = extract_page(related_cards_page, strlen(related_cards_page),
	    "https://harbour.example/crane", NULL);
	for (i = 0; i < art->nblocks; i++)
		if (art->blocks[i].kind == EXTRACT_LIST)
			failf("related cards made a list, block %zu", i);
	extract_free(art);
}

/* A modal dialog left in the page (a sheet of a loyalty scheme's terms,
 * shown when a button is pressed) is no part of the article, however
 * many commas its fine print has. */
static const char modal_page[] =
	    "<!DOCTYPE html><html><head><title>Canvas sneakers | Hob Shoes<"
	    "/title></head><body><div class=\"page\"><h1>Canvas sneakers</h"
	    "1><div class=\"intro\"><p>Our canvas sneakers are cut from hea"
	    "vy cotton duck and stitched onto natural rubber soles so they "
	    "soften with wear instead of wearing out.</p><p>Every pair is m"
	    "ade in our own workshop and the laces and insoles and eyelets "
	    "can all be replaced when the rest of the shoe still has years "
	    "left in it.</p><p>Choose from six colours and half sizes and r"
	    "eturn any pair within sixty days if the fit is not right for y"
	    "ou.</p><p>The uppers are dyed with plant colours that fade slo"
	    "wly into a softer shade over the first summer of wear.</p><p>E"
	    "ach shoe is checked by hand before it leaves the workshop and "
	    "any pair with a fault is mended or recycled.</p><p>We ship in "
	    "plain card boxes that can go straight into the paper bin once "
	    "the shoes are out.</p><p>Spare laces in every colour are sold "
	    "in pairs and posted free with any order of shoes.</p><p>Our re"
	    "pair service replaces worn soles for a flat fee and sends the "
	    "shoes back within two weeks.</p></div></div><div class=\"sheet"
	    "-modal\"><div class=\"sheet-modal__body\"><h5>Reward points</h"
	    "5><p>When you collect two hundred points, a voucher worth ten "
	    "pounds is added to your account, automatically, and you can us"
	    "e it, in full or in part, on your next order.</p><p>Points app"
	    "ear in your account within three days of delivery, and points "
	    "for items you send back are taken off your balance again, whic"
	    "h may, in some cases, leave it below zero.</p><p>Vouchers cann"
	    "ot be exchanged for cash, cannot be combined with other offers"
	    ", and expire one year after they are issued, whether or not, i"
	    "n the meantime, you have used them.</p><p>Points expire two ye"
	    "ars after they were earned, and we may change these terms, wit"
	    "h notice, at any time; the terms in force on the day of your o"
	    "rder, however, apply to it.</p><p>Points are personal, cannot "
	    "be sold, given away, or moved to another account, and are lost"
	    ", with any vouchers, when an account is closed, by you or by u"
	    "s.</p></div></div></body></html>";

static void
test_extract_modal(void **state)
{
	static const char *const present[] = {
		"Our canvas sneakers are cut from heavy cotton duck",
		"Our repair service replaces worn soles",
	};
	char		*text;

	(void)state;
	text = page_text(modal_page, "https://hob.example/canvas");
	want_all(text, present, nitems(present));
	if (strstr(text, "Points") != NULL || strstr(text, "voucher") != NULL)
		failf("modal kept in: %s", text);
	free(text);
}

/* A page that some framework wraps whole in one <form> is read whole
 * all the same: the form is the page, not a search box in it. */
static void
test_extract_form_page(void **state)
{
	struct buf	 in = BUF_INIT;
	struct article	*art;
	const char	*body = strstr(shelf_page, "<body>") + 6;
	const char	*end = strstr(shelf_page, "</body>");
	char		*text;

	(void)state;
	buf_add(&in, shelf_page, (size_t)(body - shelf_page));
	buf_addstr(&in, "<form method=\"post\" action=\"/running\">");
	buf_add(&in, body, (size_t)(end - body));
	buf_addstr(&in, "</form></body></html>");
	art = extract_page(in.data, in.len, "https://shop.example/running",
	    NULL);
	text = folded_text(art);
	if (strstr(text, "Alder Trail Runner") == NULL ||
	    strstr(text, "Elm Daily Trainer") == NULL)
		failf("shelf lost in a form: %s", text);
	free(text);
	extract_free(art);
	buf_release(&in);
}

/* shelf_page with html put in at the start of its <main>. */
static char *
shelf_with(const char *html)
{
	struct buf	 in = BUF_INIT;
	const char	*at = strstr(shelf_page, "<main>") + 6;

	buf_add(&in, shelf_page, (size_t)(at - shelf_page));
	buf_addstr(&in, html);
	buf_addstr(&in, at);
	return (buf_detach(&in, NULL));
}

/* A shop's filters beside its shelf (brands and sizes to tick, with
 * their counts) are not what the page shows: the shelf is. */
static void
test_extract_shelf_filters(void **state)
{
	static const char *const present[] = {
		"Alder Trail Runner", "$89.00", "Elm Daily Trainer",
		"Shoes for road, trail and track.",
	};
	char		*page, *text;

	(void)state;
	page = shelf_with("<div class=\"facets\"><h3>Brand</h3><ul><li>"
	    "<a href=\"?brand=hollow\">Hollowpeak (12)</a></li><li><a href"
	    "=\"?brand=river\">Riverstone (7)</a></li><li><a href=\"?brand="
	    "quill\">Quillfoot (3)</a></li></ul><h3>Size</h3><ul><li><label>"
	    "<input type=\"checkbox\"> Wide fit</label></li><li><label><inp"
	    "ut type=\"checkbox\"> Narrow fit</label></li></ul></div>");
	text = page_text(page, "https://shop.example/running");
	want_all(text, present, nitems(present));
	if (strstr(text, "Hollowpeak") != NULL || strstr(text, "Wide fit") !=
	    NULL || strstr(text, "Brand") != NULL)
		failf("filters kept in: %s", text);
	free(text);
	free(page);
}

/* A cookie consent box (named so, with its buttons and categories) is
 * not what the page shows; a section of a text about cookies, with no
 * controls, is. */
static void
test_extract_cookie_consent(void **state)
{
	static const char *const present[] = {
		"Alder Trail Runner", "$89.00", "Elm Daily Trainer",
	};
	char		*page, *text;

	(void)state;
	page = shelf_with("<div class=\"modal_cookie-box\"><h3>Functional "
	    "cookies</h3><p>These cookies remember the choices you make so "
	    "that the shop can offer you a smoother visit.</p><h3>Analytic "
	    "cookies</h3><p>These cookies count visits and tell us which "
	    "pages are read most often.</p><button>Accept all</button>"
	    "<button>Save choices</button></div>");
	text = page_text(page, "https://shop.example/running");
	want_all(text, present, nitems(present));
	if (strstr(text, "cookies") != NULL || strstr(text, "Accept") != NULL)
		failf("consent box kept: %s", text);
	free(text);
	free(page);
	page = shelf_with("<section id=\"cookies\"><h2>About cookies</h2>"
	    "<p>Session cookies keep your basket between visits.</p>"
	    "</section>");
	text = page_text(page, "https://shop.example/running");
	if (strstr(text, "Session cookies keep your basket") == NULL)
		failf("section about cookies lost: %s", text);
	free(text);
	free(page);
}

/* A page that is an index (letters, each over a list of links to the
 * entries) keeps its lists, even declared an article: they are what it
 * has to read. */
static void
test_extract_index_lists(void **state)
{
	static const char *const letters[] = { "A", "B", "C", "D", "E" };
	static const char *const names[] = {
		"Alder", "Birch", "Cedar", "Dogwood", "Elm", "Fir", "Gorse",
		"Hazel",
	};
	struct buf	 in = BUF_INIT;
	char		*text;
	size_t		 i, k;

	(void)state;
	buf_addstr(&in, "<html><head><title>List of trees</title><script "
	    "type=\"application/ld+json\">{\"@context\": \"https://schema.org"
	    "\", \"@type\": \"Article\", \"headline\": \"List of trees\"}"
	    "</script></head><body><div id=\"content\"><h1>List of trees"
	    "</h1><p>This is an "
	    "index of the trees described in this wiki, by the first letter "
	    "of their common name, in current or historical cultivation.</p>");
	for (i = 0; i < nitems(letters); i++) {
		buf_addf(&in, "<div class=\"heading\"><h2>%s</h2><a href="
		    "\"/edit/%zu\">edit</a></div><div class=\"cols\"><ul>",
		    letters[i], i);
		for (k = 0; k < nitems(names); k++)
			buf_addf(&in, "<li><a href=\"/wiki/%s_%s\">%s %s tree"
			    "</a></li>", letters[i], names[k], letters[i],
			    names[k]);
		buf_addstr(&in, "</ul></div>");
	}
	buf_addstr(&in, "</div></body></html>");
	text = page_text(in.data, "https://wiki.example/List_of_trees");
	if (strstr(text, "A Alder tree") == NULL ||
	    strstr(text, "C Fir tree") == NULL ||
	    strstr(text, "E Hazel tree") == NULL)
		failf("index lists lost: %s", text);
	free(text);
	buf_release(&in);
}

/* The authors named in each entry of a list of papers are part of the
 * entries, not the page's byline to take away. */
static void
test_extract_entry_bylines(void **state)
{
	static const char *const who[] = {
		"Ada Quill", "Bram Fenwick", "Cora Lindqvist", "Dov Amsel",
	};
	struct buf	 in = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&in, "<html><head><title>Recent papers</title></head>"
	    "<body><h1>Recent papers</h1><ul>");
	for (i = 0; i < nitems(who); i++)
		buf_addf(&in, "<li><div class=\"title\"><a href=\"/p/%zu\">"
		    "On the shape of rivers, part %zu</a></div><div class=\"lis"
		    "t-authors\"><a href=\"/a/%zu\">%s</a></div><p>We study "
		    "how rivers bend across plains and what the bends tell of "
		    "the ground beneath them, with maps of %zu basins.</p></li>",
		    i, i + 1, i, who[i], i + 3);
	buf_addstr(&in, "</ul></body></html>");
	text = page_text(in.data, "https://papers.example/recent");
	if (strstr(text, "Ada Quill") == NULL ||
	    strstr(text, "Dov Amsel") == NULL ||
	    strstr(text, "part 4") == NULL)
		failf("entries' authors lost: %s", text);
	free(text);
	buf_release(&in);
}

/* A card's summary that screen readers are told to skip (they read the
 * headline's link) is there for the eye, and stays; words for screen
 * readers only, hidden from them too, go. */
static void
test_extract_aria_hidden_summary(void **state)
{
	static const char *const heads[] = {
		"Rivers bend toward the sea", "Storms gather over the bay",
		"Frost returns to the hills", "Tides rise along the coast",
	};
	struct buf	 in = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&in, "<html><head><title>Weather news</title></head>"
	    "<body><header><a href=\"/\">Daily Weather</a></header><main>"
	    "<h1>Weather news</h1>");
	for (i = 0; i < nitems(heads); i++)
		buf_addf(&in, "<article><h2><a href=\"/s/%zu\">%s</a></h2>"
		    "<p class=\"desc\"><a href=\"/s/%zu\" aria-hidden=\"true\""
		    " tabindex=\"-1\">Forecasters expect the change to last "
		    "through the week, story number %zu of the day, with more "
		    "to follow.</a></p><div aria-hidden=\"true\"><span class="
		    "\"u-sr-only\">Story %zu rated 4 of 5 stars by our readers "
		    "this very week, thank you all</span></div></article>", i,
		    heads[i], i, i + 1, i + 1);
	buf_addstr(&in, "</main><footer><p>Daily Weather, 3 Cloud Lane."
	    "</p></footer></body></html>");
	text = page_text(in.data, "https://weather.example/news");
	if (strstr(text, "story number 1 of the day") == NULL ||
	    strstr(text, "story number 4 of the day") == NULL)
		failf("summaries lost: %s", text);
	if (strstr(text, "rated 4 of 5") != NULL)
		failf("unseen words kept: %s", text);
	free(text);
	buf_release(&in);
}

/* A shelf in a wrapper named for the filters beside it and the pages
 * after it ("filters-and-pagination") is the shelf all the same; the
 * filters in it still go. */
static void
test_extract_shelf_in_filters(void **state)
{
	static const char *const names[] = {
		"Alder", "Birch", "Cedar", "Dune", "Elm", "Fir", "Gorse",
		"Hazel", "Ivy",
	};
	struct buf	 in = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&in, "<html><head><title>Running shoes</title></head>"
	    "<body><header><a href=\"/\">Pinecone Outfitters</a></header>"
	    "<main><h1>Running shoes</h1><p>Shoes for road, trail and "
	    "track, from light racers to cushioned trainers for the long "
	    "miles, each one tried on our own runs before it reaches the "
	    "shelf. Our staff can help you find the pair that fits the way "
	    "you run, and every pair may be returned within sixty days, "
	    "worn or not, if it does not suit you after all.</p>"
	    "<div class=\"filters-and-pagination\"><div class=\"filter-panel\"><h3>Brand</h3><ul><li><a href="
	    "\"?b=hollow\">Hollowpeak (12)</a></li><li><a href=\"?b=river\">"
	    "Riverstone (7)</a></li></ul></div><div class=\"pagination-grid"
	    "\">");
	for (i = 0; i < nitems(names); i++)
		buf_addf(&in, "<div class=\"tile\"><figure><a href=\"/p/%zu"
		    "\"><img src=\"/img/%zu.jpg\" alt=\"%s Trail Runner\"></a>"
		    "<div class=\"info\"><a href=\"/p/%zu\">%s Trail Runner</a>"
		    "<div class=\"ship\">Ships free</div><div class=\"price\">"
		    "$%zu9.00</div></div></figure></div>", i, i, names[i], i,
		    names[i], i + 1);
	buf_addstr(&in, "</div></div></main><footer><p>Pinecone Outfitters, "
	    "12 Fern Lane.</p></footer></body></html>");
	text = page_text(in.data, "https://shop.example/running");
	if (strstr(text, "Alder Trail Runner") == NULL ||
	    strstr(text, "Ivy Trail Runner") == NULL ||
	    strstr(text, "$59.00") == NULL)
		failf("shelf lost: %s", text);
	if (strstr(text, "Hollowpeak") != NULL)
		failf("filters kept: %s", text);
	free(text);
	buf_release(&in);
}

/* Labels only screen readers read ("Sale price") go; one that says an
 * amount the eye sees only struck through stays. */
static void
test_extract_unseen_labels(void **state)
{
	char	*page, *text;

	(void)state;
	page = shelf_with("<p class=\"offer\"><span class=\"visually-hidden\">"
	    "Regular price</span><s>$120.00</s> <span class=\"sr-only\">Sale "
	    "price</span>$96.00 <span class=\"screen-reader-text\">Original "
	    "price was: $120.00.</span></p>");
	text = page_text(page, "https://shop.example/running");
	if (strstr(text, "$96.00") == NULL || strstr(text, "Original price "
	    "was: $120.00.") == NULL || strstr(text, "Alder Trail Runner") ==
	    NULL)
		failf("lost: %s", text);
	if (strstr(text, "Sale price") != NULL || strstr(text,
	    "Regular price") != NULL)
		failf("unseen label kept: %s", text);
	free(text);
	free(page);
}

/* A lamp shop's shelf in <main>: n cards, each a name, a line if line
 * is 1 (its badge and button if 2, its swatches to pick if 3), and a
 * price, after what html holds. */
static char *
lamp_shelf(const char *html, int n, int line)
{
	static const char *const woods[] = {
		"Oak", "Ash", "Elm", "Fir", "Yew", "Box", "Bay", "Teak",
	};
	struct buf	 b = BUF_INIT;
	int		 i;

	buf_addstr(&b, "<!DOCTYPE html><html><head><title>Lamps | Glowworm"
	    "</title></head><body><header><a href=\"/\">Glowworm</a></head"
	    "er><main><h1>Lamps</h1>");
	buf_addstr(&b, html);
	buf_addstr(&b, "<div class=\"grid\">");
	for (i = 0; i < n; i++) {
		buf_addf(&b, "<div class=\"card\"><a href=\"/p/%d\">%s lamp "
		    "no. %d</a>", i, woods[i % 8], i + 1);
		if (line == 1)
			buf_addf(&b, "<div>%s shade, %d in tall</div>",
			    woods[(i + 3) % 8], 12 + i);
		else if (line == 2)
			buf_addstr(&b, "<div class=\"badge\">New arrival</div>"
			    "<div class=\"qs\">Quick shop</div>");
		else if (line == 3)
			buf_addf(&b, "<div class=\"swatches\"><label><input "
			    "type=\"radio\" name=\"c%d\">Option: brass base"
			    "</label><label><input type=\"radio\" name=\"c%d\">"
			    "Option: steel base</label></div>", i, i);
		buf_addf(&b, "<div class=\"price\">$%d.00</div></div>",
		    20 + 5 * i);
	}
	buf_addstr(&b, "</div></main><footer><p>Glowworm lamps, 3 Mill Row, "
	    "Stonebridge. Open Monday to Saturday, nine to five. Repairs, "
	    "spare parts and gift cards at the counter.</p><p>Delivery in "
	    "three days, returns free for a month. Trade accounts for shops "
	    "and hotels, with prices on request. Call or write to us about "
	    "anything else.</p></footer></body></html>");
	return (buf_detach(&b, NULL));
}

/* The text of lamp_shelf(html, n, line) as reader mode shows it. */
static char *
lamp_text(const char *html, int n, int line)
{
	char	*page, *text;

	page = lamp_shelf(html, n, line);
	text = page_text(page, "https://lamps.example/lamps");
	free(page);
	return (text);
}

/* A shelf of priced products beside a short box of prose (the shop's
 * newsletter) is what the page shows, though the box reads better. */
static void
test_extract_shelf_box(void **state)
{
	char	*text;

	(void)state;
	text = lamp_text("<div class=\"box\"><p>Join our letter, and hear "
	    "first of new lamps, of workshop days, and of the sales we hold "
	    "twice a year, in spring and in autumn.</p><p>We write once a "
	    "month, never more, and you can leave with one click, whenever "
	    "you like, no questions asked.</p><p>Members hear of seconds "
	    "and spare parts, and may book a seat at the bench on open "
	    "days.</p></div>", 6, 0);
	if (strstr(text, "Oak lamp no. 1") == NULL || strstr(text,
	    "$45.00") == NULL)
		failf("shelf lost: %s", text);
	free(text);
}

/* A shop's guide to lamps, of n topics, a paragraph each. */
static char *
lamp_guide(size_t n)
{
	static const char *const topics[] = {
		"shades", "bulbs", "stands", "cords", "switches", "dimmers",
		"plugs", "bases", "globes",
	};
	struct buf	 g = BUF_INIT;
	size_t		 i;

	buf_addstr(&g, "<div class=\"guide\"><h2>Choosing a lamp</h2>");
	for (i = 0; i < n && i < nitems(topics); i++)
		buf_addf(&g, "<p>About %s: a lamp is only as good as its %s, "
		    "so look at them first, and then at the rest. Ask how "
		    "they were made, by whom, and how long they last; good "
		    "%s cost more at first, but they save money over the "
		    "years, since they need no care. Our makers test their "
		    "%s for a week before they ship, and we keep spares "
		    "for ten years.</p>", topics[i], topics[i], topics[i],
		    topics[i]);
	buf_addstr(&g, "</div>");
	return (buf_detach(&g, NULL));
}

/* A shelf's buttons and badges go, and the link that skips to it. */
static void
test_extract_shelf_buttons(void **state)
{
	char	*text;

	(void)state;
	text = lamp_text("<p><a href=\"#grid\">Skip to results</a></p><p>"
	    "Lamps for desks, for reading and for the garden, made by hand "
	    "in our workshop.</p>", 6, 2);
	if (strstr(text, "Oak lamp no. 1") == NULL || strstr(text,
	    "$45.00") == NULL)
		failf("shelf lost: %s", text);
	if (strstr(text, "Skip to") != NULL || strstr(text, "New arrival") !=
	    NULL || strstr(text, "Quick shop") != NULL)
		failf("buttons kept: %s", text);
	free(text);
}

/* The labels of a shelf's controls (its sorting, a card's swatches)
 * go with the controls. */
static void
test_extract_shelf_labels(void **state)
{
	char	*text;

	(void)state;
	text = lamp_text("<p>Lamps for desks, for reading and for the "
	    "garden, made by hand in our workshop.</p><div><label for=\"s\">"
	    "Sort by</label><select id=\"s\"><option>Price</option><option>"
	    "Name</option></select></div>", 6, 3);
	if (strstr(text, "Oak lamp no. 1") == NULL || strstr(text,
	    "$45.00") == NULL)
		failf("shelf lost: %s", text);
	if (strstr(text, "Sort by") != NULL || strstr(text, "Option:") !=
	    NULL)
		failf("labels kept: %s", text);
	free(text);
}

/* A shelf of a dozen priced products or more, left out of a short
 * guide beside it, is what the page shows when it is as long. */
static void
test_extract_shelf_long(void **state)
{
	char	*guide, *text;

	(void)state;
	guide = lamp_guide(4);
	text = lamp_text(guide, 24, 0);
	if (strstr(text, "About cords") == NULL || strstr(text,
	    "Oak lamp no. 1") == NULL || strstr(text, "$135.00") == NULL)
		failf("guide or shelf lost: %s", text);
	free(text);
	free(guide);
}

/* A shop's long guide to what it sells is what there is to read on its
 * page, not the shelf of priced products beside it. */
static void
test_extract_shelf_guide(void **state)
{
	char	*guide, *text;

	(void)state;
	guide = lamp_guide(9);
	text = lamp_text(guide, 40, 1);
	if (strstr(text, "About dimmers") == NULL)
		failf("guide lost: %s", text);
	if (strstr(text, "$20.00") != NULL || strstr(text, "Oak lamp no. 1")
	    != NULL)
		failf("shelf kept beside the guide: %s", text);
	free(text);
	free(guide);
}

/* A news section: four stories in <main>, each a title, a teaser and a
 * date, the first two in boxes classed as promotions. */
static const char section_page[] =
	    "<!DOCTYPE html><html><head><title>Science | Harbor Daily</titl"
	    "e></head><body><header><a href=\"/\">Harbor Daily</a><nav><a hre"
	    "f=\"/world\">World</a> <a href=\"/science\">Science</a> <a href=\"/"
	    "sports\">Sports</a></nav></header><main><h1>Science</h1><div cl"
	    "ass=\"story\"><div class=\"promo-title\"><a href=\"/a/glacier-melt-"
	    "doubles-in-a-decade\">Glacier melt doubles in a decade</a></div"
	    "><div class=\"promo-text\"><a href=\"/a/glacier-melt-doubles-in-a"
	    "-decade\">Survey teams measured the ice of forty glaciers every"
	    " summer since 2015.</a></div><div class=\"stamp\">March 3, 2026<"
	    "/div></div><hr><div class=\"story\"><div class=\"promo-title\"><a "
	    "href=\"/a/owls-hunt-by-sound-in-total-darkness\">Owls hunt by so"
	    "und in total darkness</a></div><div class=\"promo-text\"><a href"
	    "=\"/a/owls-hunt-by-sound-in-total-darkness\">A study of barn owl"
	    "s shows how they find prey under snow.</a></div><div class=\"st"
	    "amp\">March 2, 2026</div></div><hr><div class=\"story\"><div clas"
	    "s=\"promo-title\"><a href=\"/a/ancient-canoe-found-in-a-drained-l"
	    "ake\">Ancient canoe found in a drained lake</a></div><div class"
	    "=\"promo-text\"><a href=\"/a/ancient-canoe-found-in-a-drained-lak"
	    "e\">Divers brought up a dugout canoe some three thousand years "
	    "old.</a></div><div class=\"stamp\">February 27, 2026</div></div>"
	    "<hr><div class=\"story\"><div class=\"promo-title\"><a href=\"/a/ne"
	    "w-map-of-the-sea-floor-near-the-pole\">New map of the sea floor"
	    " near the pole</a></div><div class=\"promo-text\"><a href=\"/a/ne"
	    "w-map-of-the-sea-floor-near-the-pole\">A research ship charted "
	    "ridges nobody had seen before.</a></div><div class=\"stamp\">Feb"
	    "ruary 25, 2026</div></div><hr></main><footer><p>Harbor Daily, "
	    "1 Quay Street. Letters to the editor, corrections, tips and su"
	    "bscriptions: write to us any day of the week.</p><p>Advertise "
	    "with us, careers, contact the newsroom, archive of past editio"
	    "ns.</p></footer></body></html>";

/* In a page read whole, a "promo" box that is a link is an entry of the
 * listing: its title and teaser stay. */
static void
test_extract_listing_promos(void **state)
{
	static const char *const present[] = {
		"Glacier melt doubles in a decade",
		"Survey teams measured the ice",
		"New map of the sea floor near the pole",
	};
	char		*text;

	(void)state;
	text = page_text(section_page, "https://news.example/science");
	want_all(text, present, nitems(present));
	free(text);
}

/* The date of each entry of a listing stays: it is part of the entry,
 * not an article's date line. */
static void
test_extract_listing_dates(void **state)
{
	char		*text;

	(void)state;
	text = page_text(section_page, "https://news.example/science");
	if (strstr(text, "March 3, 2026") == NULL ||
	    strstr(text, "February 25, 2026") == NULL)
		failf("dates lost in: %s", text);
	free(text);
}

/* In a page read whole, a section after the entries titled like other
 * stories ("Also see") goes, as it does after an article. */
static const char section_tail_page[] =
	    "<!DOCTYPE html><html><head><title>Science | Harbor Daily</ti"
	    "tle></head><body><header><a href=\"/\">Harbor Daily</a><nav>"
	    "<a href=\"/world\">World</a> <a href=\"/science\">Science</a"
	    "> <a href=\"/sports\">Sports</a></nav></header><main><h1>Sci"
	    "ence</h1><p>The science desk reports on the sea, the ice and"
	    " the sky above the harbour, with stories from the survey shi"
	    "ps, the observatory on the hill and the labs of the universi"
	    "ty, each week of the year, in plain words for every reader o"
	    "f the paper.</p><p>Letters about the stories are welcome and"
	    " answered in the weekend edition, where the desk also explai"
	    "ns how it checks its facts and which experts it asked.</p><d"
	    "iv class=\"story\"><div class=\"promo-title\"><a href=\"/a/g"
	    "lacier-melt-doubles-in-a-decade\">Glacier melt doubles in a "
	    "decade</a></div><div class=\"promo-text\"><a href=\"/a/glaci"
	    "er-melt-doubles-in-a-decade\">Survey teams measured the ice "
	    "of forty glaciers every summer since 2015.</a></div><div cla"
	    "ss=\"stamp\">March 3, 2026</div></div><hr><div class=\"story"
	    "\"><div class=\"promo-title\"><a href=\"/a/owls-hunt-by-soun"
	    "d-in-total-darkness\">Owls hunt by sound in total darkness</"
	    "a></div><div class=\"promo-text\"><a href=\"/a/owls-hunt-by-"
	    "sound-in-total-darkness\">A study of barn owls shows how the"
	    "y find prey under snow.</a></div><div class=\"stamp\">March "
	    "2, 2026</div></div><hr><div class=\"story\"><div class=\"pro"
	    "mo-title\"><a href=\"/a/ancient-canoe-found-in-a-drained-lak"
	    "e\">Ancient canoe found in a drained lake</a></div><div clas"
	    "s=\"promo-text\"><a href=\"/a/ancient-canoe-found-in-a-drain"
	    "ed-lake\">Divers brought up a dugout canoe some three thousa"
	    "nd years old.</a></div><div class=\"stamp\">February 27, 202"
	    "6</div></div><hr><div class=\"story\"><div class=\"promo-tit"
	    "le\"><a href=\"/a/new-map-of-the-sea-floor-near-the-pole\">N"
	    "ew map of the sea floor near the pole</a></div><div class=\""
	    "promo-text\"><a href=\"/a/new-map-of-the-sea-floor-near-the-"
	    "pole\">A research ship charted ridges nobody had seen before"
	    ".</a></div><div class=\"stamp\">February 25, 2026</div></div"
	    "><hr><h2>Also see</h2><ul><li><a href=/t/ice>Ice</a></li><li"
	    "><a href=/t/owls>Owls and other birds</a></li><li><a href=/t"
	    "/maps>Maps of the sea floor</a></li></ul></main><footer><p>H"
	    "arbor Daily, 1 Quay Street. Letters to the editor, correctio"
	    "ns, tips and subscriptions: write to us any day of the week."
	    "</p><p>Advertise with us, careers, contact the newsroom, arc"
	    "hive of past editions.</p></footer></body></html>";

static void
test_extract_listing_tail(void **state)
{
	char		*text;

	(void)state;
	text = page_text(section_tail_page, "https://news.example/science");
	if (strstr(text, "New map of the sea floor") == NULL ||
	    strstr(text, "Owls and other birds") != NULL)
		failf("tail section kept or entries lost in: %s", text);
	free(text);
}

static void
test_extract_pages(void **state)
{
	const struct page_case	*c;
	struct buf		 in = BUF_INIT;
	struct article		*art;
	char			*text, date[32];
	const char		*p;
	size_t			 i, k;

	(void)state;
	for (i = 0; i < nitems(pages); i++) {
		c = &pages[i];
		buf_reset(&in);
		read_fixture(FIXTURES, c->file, &in);
		art = extract_page(in.data, in.len, c->url, NULL);
		if (art->title == NULL || strcmp(art->title, c->title) != 0)
			failf("%s: title \"%s\", want \"%s\"", c->file,
			    art->title ? art->title : "(null)", c->title);
		if (c->byline != NULL && (art->byline == NULL ||
		    strstr(art->byline, c->byline) == NULL))
			failf("%s: byline \"%s\" lacks \"%s\"", c->file,
			    art->byline ? art->byline : "(null)", c->byline);
		if (c->published != NULL) {
			if (!art->has_published)
				failf("%s: no date", c->file);
			time_rfc3339(art->published, date, sizeof date);
			if (strncmp(date, c->published, strlen(c->published)))
				failf("%s: published %s, want %s", c->file,
				    date, c->published);
		}
		if (c->site != NULL && (art->site_name == NULL ||
		    strcmp(art->site_name, c->site) != 0))
			failf("%s: site \"%s\", want \"%s\"", c->file,
			    art->site_name ? art->site_name : "(null)",
			    c->site);
		text = folded_text(art);
		for (k = 0, p = text; k < nitems(c->in_order) &&
		    c->in_order[k] != NULL; k++) {
			if ((p = strstr(p, c->in_order[k])) == NULL)
				failf("%s: missing or out of order: \"%s\"\n"
				    "text: %s", c->file, c->in_order[k], text);
			p += strlen(c->in_order[k]);
		}
		for (k = 0; k < nitems(c->absent) && c->absent[k] != NULL; k++)
			if (strstr(text, c->absent[k]) != NULL)
				failf("%s: clutter kept: \"%s\"", c->file,
				    c->absent[k]);
		for (k = 0; k < nitems(c->once) && c->once[k] != NULL; k++)
			if (count(text, c->once[k]) > 1)
				failf("%s: repeated: \"%s\"", c->file,
				    c->once[k]);
		free(text);
		extract_free(art);
	}
	buf_release(&in);
}

/*
 * The seed-like page, checked as shared/tools/seed-check checks the seed:
 * the JSON output's title, byline names, date, every body block in order,
 * the first paragraph's opening, no clutter and the caption at most once.
 */
static void
test_extract_seedlike_json(void **state)
{
	static const char *const names[] = {
		"Lena Marsh", "Oskar Vidal", "Ines Farrow",
	};
	static const char *const body[] = {
		"The head of Lisbon's harbor authority has dismissed claims "
		"that terminal contracts were sold for cash as \"fantasy from "
		"start to finish.\"",
		"Speaking to reporters on Thursday, Miguel Tavares said he had "
		"\"never taken a single euro from anyone\" and that he would "
		"cooperate fully with investigators.",
		"His comments were his first since the public prosecutor's "
		"office confirmed on Monday that it was examining how three "
		"terminal concessions were awarded between 2014 and 2017.",
		"Two shipping companies that lost the tenders have said the "
		"winning bids were seen by officials before the deadline, "
		"which the authority denies.",
		"The authority's board is due to meet next week.",
		"A contract under scrutiny",
		"The largest of the three concessions, for the eastern "
		"container terminal, is worth an estimated 400 million euros "
		"over twenty years and was awarded to a consortium led by a "
		"Dutch operator.",
		"Tavares said the evaluation had been carried out by an "
		"independent panel and that its scores were published \"to "
		"the decimal point.\"",
		"\"If anyone has evidence of wrongdoing, they should bring it "
		"to the prosecutor, not to the newspapers,\" he said, without "
		"naming the companies involved.",
		"Opposition councillors have called for the concessions to be "
		"suspended until the investigation is complete.",
		"What happens next",
		"Prosecutors have not said whether anyone is formally under "
		"investigation, and no charges have been filed.",
		"The ministry of infrastructure said in a statement that it "
		"had \"full confidence\" in the authority while the inquiry "
		"takes its course.",
		"Wire's Paulo Reis contributed reporting from Porto.",
	};
	static const char *const openings[] = {
		"Lisbon (Wire)The head", "Lisbon (Wire) The head",
		"Lisbon (Wire) -- The head",
	};
	static const char *const clutter[] = {
		"Breaking News", "Chat with us on Messenger", "JUST WATCHED",
		"Replay", "More Videos", "MUST WATCH", "(9 Videos)",
		"Read More", "Prosecutors widen inquiry", "Dockworkers",
		"&#39;", "Share on Facebook", "Ten Beach Houses",
		"More from Wire World", "Terms of Use", "Search Wire",
		"Inside Europe's busiest ports", "Port traffic at a record high",
		"Rail strike called off", "Wire Broadcasting Network",
	};
	struct buf	 in = BUF_INIT, json = BUF_INIT;
	struct article	*art;
	char		*text;
	const char	*p;
	size_t		 i;
	int		 found;

	(void)state;
	read_fixture(FIXTURES, "seedlike.html", &in);
	art = extract_page(in.data, in.len,
	    "http://www.wire.example/2018/05/17/europe/harbor-chief/index.html",
	    NULL);
	extract_json(art, &json);
	if (strstr(json.data, "\"title\": \"Harbor chief rejects bribery "
	    "claims as 'fantasy'\"") == NULL)
		failf("title: %s", json.data);
	for (i = 0; i < nitems(names); i++)
		if (art->byline == NULL || strstr(art->byline, names[i]) == NULL)
			failf("byline lacks %s", names[i]);
	if (strstr(json.data, "\"published\": \"2018-05-17T") == NULL)
		failf("published: %s", json.data);
	text = folded_text(art);
	for (i = 0, p = text; i < nitems(body); i++) {
		if ((p = strstr(p, body[i])) == NULL)
			failf("block %zu missing or out of order: %.60s", i,
			    body[i]);
		p += strlen(body[i]);
	}
	for (i = 0, found = 0; i < nitems(openings); i++)
		found |= strstr(text, openings[i]) != NULL;
	if (!found)
		failf("first paragraph does not open with the dateline");
	for (i = 0; i < nitems(clutter); i++)
		if (strstr(text, clutter[i]) != NULL)
			failf("clutter kept: %s", clutter[i]);
	if (count(text, "Cranes stand over the container terminal") > 1)
		failf("the photo caption is repeated");
	free(text);
	extract_free(art);
	buf_release(&json);
	buf_release(&in);
}

/* Class and id weights, Readability's +-25 a word group. */
static void
test_extract_class_weight(void **state)
{
	static const struct {
		const char	*cls;
		const char	*id;
		int		 weight;
	} cases[] = {
		{ "article-body", NULL, 25 },
		{ "entry-content", "post-12", 50 },
		{ "sidebar", NULL, -25 },
		{ "comment-list", "comments", -50 },
		{ "media__caption", NULL, -25 },
		{ "story", "related-links", 0 },
		{ "share-buttons", NULL, -25 },
		{ "hid", NULL, -25 },
		{ "hidden-xs", NULL, -25 },
		{ "grid col-8", "x", 0 },
		{ "", "", 0 },
		{ NULL, NULL, 0 },
		{ "SIDEBAR", NULL, -25 },
		{ "scroll-mt-20 flex items-center", NULL, 0 },
		{ "code overflow-x-scroll", NULL, 0 },
		{ "scroll-box", NULL, -25 },
	};
	size_t	 i;
	int	 w;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		w = extract_class_weight(cases[i].cls, cases[i].id);
		if (w != cases[i].weight)
			failf("class \"%s\" id \"%s\": weight %d, want %d",
			    cases[i].cls ? cases[i].cls : "(null)",
			    cases[i].id ? cases[i].id : "(null)", w,
			    cases[i].weight);
	}
}

/* Wrap body HTML in a page around enough prose to be found. */
static struct article *
page_around(const char *body)
{
	struct buf	 b = BUF_INIT;
	struct article	*art;
	int		 i;

	buf_addstr(&b, "<html><head><title>T</title></head><body>"
	    "<nav><a href=/a>Home</a> <a href=/b>About</a></nav>"
	    "<div class=content>");
	for (i = 0; i < 4; i++)
		buf_addf(&b, "<p>Paragraph %d of the story goes on for a "
		    "while, with commas, clauses, and enough words to read "
		    "as prose rather than as a line of navigation.</p>", i);
	buf_addstr(&b, body);
	buf_addstr(&b, "</div></body></html>");
	art = extract_page(b.data, b.len, "https://example.org/a/b.html",
	    NULL);
	buf_release(&b);
	return (art);
}

/* Link density, teasers and repeats, each decided on a small page. */
static void
test_extract_scoring_parts(void **state)
{
	static const struct {
		const char	*name;
		const char	*body;
		const char	*present;	/* NULL: nothing to check */
		const char	*absent;
		int		 times;		/* of present, 0: any */
	} cases[] = {
		{ "link-dense list is a teaser list",
		  "<ul><li><a href=/1>First other story</a></li>"
		  "<li><a href=/2>Second other story</a></li>"
		  "<li><a href=/3>Third other story</a></li></ul>",
		  "Paragraph 3", "other story", 0 },
		{ "list of prose stays",
		  "<ul><li>Bring water, more than you think you need.</li>"
		  "<li>Tell someone where you are going.</li></ul>",
		  "Tell someone where you are going.", NULL, 1 },
		{ "link inside prose stays",
		  "<p>The report, <a href=/r>published on Monday</a>, runs to "
		  "two hundred pages and names every council involved.</p>",
		  "published on Monday", NULL, 1 },
		{ "teaser headline between paragraphs",
		  "<div><h3><a href=/x>Another story entirely</a></h3></div>"
		  "<p>The last paragraph of the story, long enough to count "
		  "as one, ends here.</p>",
		  "The last paragraph", "Another story entirely", 1 },
		{ "an index's linked headings stay with their summaries",
		  "<div><h2><a href=/g/install>Installing the tool</a></h2>"
		  "<p>Get the package for your system, check that it runs, "
		  "and learn which of its commands you will use first.</p>"
		  "</div>"
		  "<div><h2><a href=/g/config>Writing a configuration</a>"
		  "</h2><p>Name the sources to read, how often to read them, "
		  "and where the results should go when they are done.</p>"
		  "</div>",
		  "Writing a configuration", NULL, 1 },
		{ "a dropdown menu goes",
		  "<div class=\"versions-dropdown\"><p>Choose the release "
		  "whose manual you want to read, the newest at the top and "
		  "the oldest at the bottom.</p></div>",
		  "Paragraph 3", "Choose the release", 1 },
		{ "an accordion's dropdown panel stays",
		  "<div class=\"accordion-item__dropdown\"><p>The course "
		  "runs for three months, with a few hours of reading and a "
		  "project to hand in every week.</p></div>",
		  "The course runs", NULL, 1 },
		{ "a dropdown's button is a title and stays",
		  "<div class=\"links__dropdown-button\"><h3>Numbers for "
		  "text messages</h3></div><p>Each kind of number has its "
		  "own limits, its own price and its own checks before it "
		  "can send.</p>",
		  "Numbers for text messages", NULL, 1 },
		{ "a chapter's numbered contents stay on its short page",
		  "<div class=contents><dl><dt><a href=/c/3-1>3.1. Reading "
		  "the logs</a></dt><dt><a href=/c/3-2>3.2. Rotating them</a>"
		  "</dt><dd><dl><dt><a href=/c/3-2#a>3.2.1. By size</a></dt>"
		  "<dt><a href=/c/3-2#b>3.2.2. By age</a></dt></dl></dd>"
		  "</dl></div>",
		  "3.1. Reading the logs", NULL, 1 },
		{ "a long chapter's numbered contents go",
		  "<div class=contents><ul><li><a href=/c/3-1>3.1. Reading "
		  "the logs</a></li><li><a href=/c/3-2>3.2. Rotating them</a>"
		  "</li><li><a href=/c/3-3>3.3. Sending them away</a></li>"
		  "</ul></div>"
		  "<p>The first part of the chapter goes on at length, with commas, "
		  "clauses and enough words to be read as prose, about logs "
		  "and where they are kept, and for how long, and by whom.</p>"
		  "<p>The second part of the chapter goes on at length, with commas, "
		  "clauses and enough words to be read as prose, about logs "
		  "and where they are kept, and for how long, and by whom.</p>"
		  "<p>The third part of the chapter goes on at length, with commas, "
		  "clauses and enough words to be read as prose, about logs "
		  "and where they are kept, and for how long, and by whom.</p>"
		  "<p>The fourth part of the chapter goes on at length, with commas, "
		  "clauses and enough words to be read as prose, about logs "
		  "and where they are kept, and for how long, and by whom.</p>"
		  "<p>The fifth part of the chapter goes on at length, with commas, "
		  "clauses and enough words to be read as prose, about logs "
		  "and where they are kept, and for how long, and by whom.</p>"
		  , "Paragraph 3", "Rotating them", 1 },
		{ "repeated caption kept once",
		  "<div class=caption>A crowd gathers outside the town hall "
		  "before the vote on Tuesday evening.</div>"
		  "<p>Something else entirely happened, and it is told at "
		  "length in this paragraph.</p>"
		  "<div class=caption>A crowd gathers outside the town hall "
		  "before the vote on Tuesday evening.</div>",
		  NULL, NULL, 0 },
		{ "repeated paragraph kept once",
		  "<p>This sentence appears twice on the page, by a mistake "
		  "of the template that renders it for phones.</p><p>This "
		  "sentence appears twice on the page, by a mistake of the "
		  "template that renders it for phones.</p>",
		  "appears twice", NULL, 1 },
		{ "short lines that repeat in a recipe stay",
		  "<h3>Monday</h3><p>Portion: 1 green, 1 red.</p>"
		  "<h3>Tuesday</h3><p>Portion: 1 green, 1 red.</p>",
		  "Portion: 1 green, 1 red.", NULL, 2 },
		{ "photo credits go",
		  "<p>Photo: Jane Doe / Agency</p><p>Image copyright Agency"
		  "</p>", "Paragraph 1", "Agency", 1 },
		{ "interface words go",
		  "<p>Advertisement</p><div>Read more</div>"
		  "<p>Image 2 of 7</p>",
		  "Paragraph 0", "Advertisement", 1 },
		{ "a platform's buttons go",
		  "<p>Open in app</p><div>Share on other sites</div>",
		  "Paragraph 0", "other sites", 1 },
		{ "interface words in other languages go",
		  "<p>Teilen</p><div>Weiterlesen</div>"
		  "<p>Suscr\xc3\xad" "bete</p><p>Lire la suite</p>",
		  "Paragraph 0", "Weiterlesen", 1 },
		{ "an author's box at the end goes",
		  "<h2>About the author</h2><p>Jane Roe is a writer who "
		  "covers ferries and harbours, and lives by the sea with "
		  "two cats.</p>",
		  "Paragraph 3", "Jane Roe", 1 },
		{ "other stories' excerpts at the end go",
		  "<h3>Also in the news</h3><p>Front page</p><p>The council "
		  "met on Tuesday to discuss the new timetable for the "
		  "ferries, and decided...</p><p>Front page</p><p>A "
		  "fisherman found an old bottle with a letter inside it "
		  "while mending his nets on...</p>",
		  "Paragraph 3", "old bottle", 1 },
		{ "a longer line that opens other stories goes with them",
		  "<p>You may also be interested in the following stories:"
		  "</p><ul><li>The harbour's new crane, and what it lifts"
		  "</li><li>Ferry fares rise for the third time in a year"
		  "</li></ul>",
		  "Paragraph 3", "new crane", 1 },
		{ "a section titled like other stories that holds prose stays",
		  "<h3>Related research</h3><p>Smith and Jones measured the "
		  "same tides in 1998, with instruments that were less exact "
		  "than ours.</p>",
		  "Smith and Jones measured", NULL, 1 },
		{ "a box titled like an author's in the middle stays",
		  "<h2>About the author</h2><p>Jane Roe is a writer who "
		  "covers ferries and harbours, and lives by the sea.</p>"
		  "<h2>The crossing</h2><p>The second half of the story, long "
		  "enough to count as the article's matter, begins here.</p>",
		  "Jane Roe", NULL, 1 },
		{ "an empty list's message goes",
		  "<div class=archive><p>No posts</p></div>"
		  "<p>Keine Kommentare</p>",
		  "Paragraph 3", "No posts", 1 },
		{ "a ticker that says one phrase over and over goes",
		  "<p>Book a table * Book a table * Book a table * Book a "
		  "table * Book a table *</p><p>The harbour's story goes on "
		  "for a while, with commas, clauses, and enough words to "
		  "read as prose rather than as a line of navigation.</p>",
		  "The harbour's story", "Book a table", 1 },
		{ "a form's consent goes",
		  "<p>By checking this box, I consent to receive text "
		  "messages about my booking.</p><p>The harbour's story goes "
		  "on for a while, with commas, clauses, and enough words to "
		  "read as prose rather than as a line of navigation.</p>",
		  "The harbour's story", "consent", 1 },
		{ "a row of legal links goes",
		  "<p>Site map \xc2\xb7 Terms of use \xc2\xb7 Privacy Policy"
		  "</p><p>The harbour's story goes on for a while, with "
		  "commas, clauses, and enough words to read as prose rather "
		  "than as a line of navigation.</p>",
		  "The harbour's story", "Privacy", 1 },
		{ "an advertisement's label with a note goes",
		  "<p>Advertisement - Page continues below</p><p>The "
		  "harbour's story goes on for a while, with "
		  "commas, clauses, and enough words to read as prose rather "
		  "than as a line of navigation.</p>",
		  "The harbour's story", "Advertisement", 1 },
		/* Prose may say what a form's print says, in part. */
		{ "a paragraph about consent stays",
		  "<p>A shop may send you its letters only if you consent "
		  "to it, and it must be as easy to take that back as it "
		  "was to give.</p>",
		  "only if you consent to it", NULL, 1 },
		{ "a heading about the legal pages stays",
		  "<h2>What changed in the privacy policy and terms of use"
		  "</h2><p>Merchants bought space from the first weeklies "
		  "on, announcing ships, sales and lost horses, with commas "
		  "and clauses.</p>",
		  "What changed in the privacy policy", NULL, 1 },
		/* A heading that opens with the word heads a section. */
		{ "a heading about advertising stays",
		  "<h2>Advertising - the older source</h2><p>Merchants "
		  "bought space from the first weeklies on, announcing ships, "
		  "sales and lost horses, with commas and clauses.</p>",
		  "Advertising - the older source", NULL, 1 },
		{ "a formula renderer's markers go",
		  "<p>$\\begingroup$</p><p>The harbour's story goes on for a "
		  "while, with commas, clauses, and enough words to read as "
		  "prose rather than as a line of navigation.</p>"
		  "<p>$\\endgroup$</p>",
		  "The harbour's story", "group", 1 },
		{ "a forum's notices under a thread go",
		  "<p>The harbour's story goes on for a while, with commas, "
		  "clauses, and enough words to read as prose rather than as "
		  "a line of navigation.</p><p>You may not post new threads. "
		  "You may not post replies. You may not edit your posts.</p>"
		  "<p>All times are GMT +1. The time now is 14:01.</p>",
		  "The harbour's story", "time now", 1 },
		{ "a number alone goes",
		  "<p>7</p>", "Paragraph 3", "7", 1 },
		{ "a block repeated at once is kept once",
		  "<h2>Go above and beyond</h2><h2>Go above and beyond</h2>"
		  "<p>What the section says, at the length of a paragraph "
		  "of prose, with a comma or two.</p>",
		  "Go above and beyond", NULL, 1 },
		{ "a longer interface phrase goes",
		  "<p>Advertisement - Continue Reading Below</p>",
		  "Paragraph 3", "Continue Reading", 1 },
		{ "a shop's buttons go",
		  "<div>Add to cart</div><p>Notify me</p><div>Sort by</div>",
		  "Paragraph 3", "Notify me", 1 },
		{ "a call to action goes",
		  "<p>Pin this for later!</p><div>Learn more</div>",
		  "Paragraph 0", "Pin this", 1 },
		{ "a forum's tools around a post go",
		  "<div>Code: Select all</div><pre>make install</pre>"
		  "<p><a href=/p/2>Link to post</a></p><div>Quote</div>",
		  "make install", "Select all", 1 },
		{ "a shop's and a maker's buttons go",
		  "<p>Where to buy</p><p>Read reviews</p><p>Watch demo</p>"
		  "<p>The maker's story goes on for a while, with commas, "
		  "clauses, and enough words to read as prose rather than "
		  "as a line of navigation.</p>",
		  "The maker's story", "Where to buy", 1 },
		{ "an appeal to donate at the end goes",
		  "<h3>Keep the harbour news coming</h3><p>Our reporting is "
		  "free to read. If it helped you, please consider a gift."
		  "</p><p><a href=/give>Donate now</a></p>",
		  "Paragraph 3", "free to read", 1 },
		{ "an appeal in another language goes",
		  "<p>Hat Ihnen der Artikel gefallen?</p><p>Abonnieren Sie "
		  "unseren Brief aus dem Hafen.</p>",
		  "Paragraph 3", "Brief aus dem Hafen", 1 },
		{ "a line that links to the membership page goes",
		  "<p>Enjoyed the crossing? <a href=/membership/>Come aboard"
		  "</a></p>",
		  "Paragraph 3", "Enjoyed the crossing", 1 },
		{ "a business's offer under its own heading goes",
		  "<h3>Need a hand?</h3><p>Our crews answer questions about "
		  "cranes all week. Give us a call today.</p>",
		  "Paragraph 3", "crews answer", 1 },
		{ "a short closing line that offers a demo stays",
		  "<p>Want to see the crane at work? Request a demo today.</p>",
		  "Request a demo", NULL, 1 },
		{ "a grid's last card that asks to sign up goes",
		  "<ul><li><h3>Cranes</h3><p>How the harbour lifts its "
		  "boxes, one by one, from dawn.</p></li><li><h3>Ferries</h3>"
		  "<p>Timetables for the winter crossings, with the fares."
		  "</p></li><li><h3>Tides</h3><p>When the water is high "
		  "enough for the largest ships.</p></li><li><h3>Sign up "
		  "today</h3><p>The harbour letter, every week.</p></li></ul>",
		  "Timetables", "harbour letter", 1 },
		{ "an appeal goes with the note under it",
		  "<p>Enjoyed the crossing? Please consider a gift to keep "
		  "the harbour letter free.</p><p>The letter is a small "
		  "project kept alive by its readers, with no adverts and no "
		  "paywall, written on the pier each week.</p>",
		  "Paragraph 3", "kept alive", 1 },
		{ "a sign-up form's small print goes, wherever it stands",
		  "<p>Required fields are marked with an asterisk.</p><p>I "
		  "would like the harbour letter. You can unsubscribe at any "
		  "time.</p><h2>The crossing</h2><p>The second half of the "
		  "story, long enough to count as the article's matter, "
		  "begins here.</p>",
		  "second half", "unsubscribe", 1 },
		{ "a closing paragraph that names a contact stays",
		  "<p>Our crews have kept the harbour's cranes running for "
		  "twenty years, through storms and strikes. If you have "
		  "questions about your own cranes, contact us to book a "
		  "visit.</p>",
		  "book a visit", NULL, 1 },
		{ "copyright line goes",
		  "<p>\xc2\xa9 2024 Example Media. All rights reserved.</p>",
		  "Paragraph 2", "Example Media", 1 },
		{ "date line goes",
		  "<p>Updated 18 Nov 2019, 19:11 GMT</p><p>By Staff Writer</p>",
		  "Paragraph 1", "Nov 2019", 1 },
		{ "timeline entry stays",
		  "<p>June 5, 2019: the deal is signed</p>",
		  "June 5, 2019: the deal is signed", NULL, 1 },
		{ "noscript that holds text is read",
		  "<noscript><p>What a page without scripts shows sits in "
		  "noscript here: the first of four replies, long enough to "
		  "be read as part of the story.</p><p>The second reply "
		  "agrees with the first and adds a detail about the ferry "
		  "timetable that nobody else knew.</p><p>The third reply "
		  "disagrees, politely, and links to the council's minutes "
		  "from the meeting in March.</p><p>The fourth reply thanks "
		  "everyone and says the thread can be closed now that the "
		  "question is answered.</p><p>A fifth reply, late as "
		  "always, asks whether the ferry will run on the holiday "
		  "weekend as well, since the timetable on the pier says "
		  "nothing either way and the office is closed.</p>"
		  "</noscript>",
		  "The third reply disagrees", NULL, 1 },
		{ "noscript notice goes",
		  "<noscript><p>Please enable JavaScript to see the comments."
		  "</p></noscript>",
		  "Paragraph 3", "enable JavaScript", 1 },
		{ "every tab's panel shows",
		  "<div role=tabpanel><pre>pip install quay</pre></div>"
		  "<div role=tabpanel hidden style=\"display:none\">"
		  "<pre>npm install quay</pre></div>"
		  "<p>Then run the client once to write its configuration "
		  "file, and edit the file to taste.</p>",
		  "npm install quay", NULL, 1 },
		{ "a disclosure's panel shows, as a tab's does",
		  "<h3><button aria-expanded=\"false\">Care</button></h3>"
		  "<div style=\"display:none\"><p>Oil the oak once a year "
		  "with a soft cloth and a little hard wax oil.</p></div>"
		  "<p>Then run the client once to write its configuration "
		  "file, and edit the file to taste.</p>",
		  "Oil the oak once a year", NULL, 1 },
		{ "a question's hidden answer shows",
		  "<div class=q>Does the oak need oil every year?</div>"
		  "<div style=\"display:none\"><p>Once a year is enough, "
		  "with a soft cloth and a little hard wax oil.</p></div>"
		  "<div class=q>Can it stand in the sun?</div>"
		  "<div style=\"display:none\"><p>Out of the midday sun the "
		  "colour keeps for many years.</p></div>",
		  "Once a year is enough", NULL, 1 },
		{ "hidden text after a statement stays hidden",
		  "<div class=q>The oak needs oil every year.</div>"
		  "<div style=\"display:none\"><p>A note meant only for a "
		  "script that never runs, long enough to count.</p></div>",
		  "Paragraph 3", "never runs", 1 },
		{ "a menu behind its button stays hidden",
		  "<button aria-haspopup=\"true\" aria-expanded=\"false\">"
		  "Language</button><div hidden><p>Deutsch, English, "
		  "Nederlands, Svenska, Italiano, each chosen once and kept "
		  "for the next visit.</p></div>",
		  "Paragraph 3", "Nederlands", 1 },
		{ "hidden text goes",
		  "<div hidden><p>A note meant only for a script that never "
		  "runs, long enough to count as a paragraph.</p></div>",
		  "Paragraph 3", "never runs", 1 },
		{ "list of links the text goes on after stays",
		  "<ul><li><a href=/a>Strings</a></li><li><a href=/b>Lists"
		  "</a></li><li><a href=/c>Sets</a></li></ul><p>Each of "
		  "these types has commands of its own, described on its "
		  "page, with examples.</p>",
		  "Sets", NULL, 1 },
		{ "a section named after its heading is no comment section",
		  "<section id=answer-the-review-comments><h2>Answer the "
		  "review comments</h2><p>Reply to each point the reviewers "
		  "raise, and say in the next version what you changed.</p>"
		  "</section>",
		  "Reply to each point", NULL, 1 },
		{ "a comment section still goes",
		  "<section id=comments><h2>Comments</h2><p>Great story, "
		  "thanks for writing it up, I shared it with my friends.</p>"
		  "</section>",
		  "Paragraph 3", "Great story", 1 },
		{ "a heading and a code block placed by utility classes stay",
		  "<h2 class=\"scroll-mt-20 flex\">Configure the network</h2>"
		  "<div class=\"group scroll-mt-2 rounded\"><pre><code>"
		  "networks:\n  backend: {}</code></pre></div>"
		  "<p>Each service lists the networks it joins, by the names "
		  "given under the top-level key.</p>",
		  "backend: {}", NULL, 1 },
		{ "a page's feedback box goes",
		  "<p>Was this page helpful?</p><div><button>Yes</button> "
		  "<button>No</button></div><p><a href=/e>Edit this page</a>"
		  "</p>",
		  "Paragraph 3", "helpful", 1 },
		{ "a last-modified stamp goes, wherever it stands",
		  "<p>This page was last modified on Jul 8, 2025 by its "
		  "contributors.</p><p>Zuletzt aktualisiert: 3. M\xc3\xa4rz "
		  "2024</p>",
		  "Paragraph 3", "modified", 1 },
		{ "a sentence about updates stays",
		  "<p>Last updated in spring, the map still shows the old "
		  "ferry route across the bay.</p>",
		  "the map still shows", NULL, 1 },
		{ "the works cited at the end go",
		  "<h2>References</h2><ol><li>Roe J. Tides of the northern "
		  "bays. Journal of the Sea. 1998;4:12-19.</li><li>Doe A, Poe "
		  "B. Ferries and weather. Harbour Studies. 2004;9:1-8.</li>"
		  "</ol>",
		  "Paragraph 3", "Tides of the northern", 1 },
		{ "works cited in the middle stay",
		  "<h2>References</h2><ol><li>Roe J. Tides of the northern "
		  "bays. Journal of the Sea. 1998;4:12-19.</li></ol>"
		  "<h2>Afterword</h2><p>A last part of the story, long enough "
		  "to be read as the article's own matter, comes here.</p>",
		  "Tides of the northern", NULL, 1 },
		{ "heading of a section left empty goes",
		  "<h2>Related stories</h2><ul><li><a href=/1>One more story"
		  "</a></li><li><a href=/2>Another</a></li></ul>",
		  "Paragraph 3", "Related stories", 1 },
	};
	struct article	*art;
	struct buf	 html = BUF_INIT;
	char		*text;
	size_t		 i, n;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		art = page_around(cases[i].body);
		text = folded_text(art);
		if (cases[i].present != NULL) {
			n = count(text, cases[i].present);
			if (n == 0 || (cases[i].times != 0 &&
			    n != (size_t)cases[i].times))
				failf("%s: \"%s\" appears %zu times in: %s",
				    cases[i].name, cases[i].present, n, text);
		}
		if (cases[i].absent != NULL && strstr(text,
		    cases[i].absent) != NULL)
			failf("%s: \"%s\" kept in: %s", cases[i].name,
			    cases[i].absent, text);
		if (strcmp(cases[i].name, "repeated caption kept once") == 0) {
			/* The caption is a figure's: once in the HTML. */
			buf_reset(&html);
			extract_html(art, &html);
			if (count(html.data, "A crowd gathers") != 1)
				failf("%s: caption %zu times in %s",
				    cases[i].name, count(html.data,
				    "A crowd gathers"), html.data);
		}
		free(text);
		extract_free(art);
	}
	buf_release(&html);
}

/* Character sets: from the caller, from <meta>, or guessed. */
static const char nul_meta[] = "<meta charset=utf]8\3\0al><title>T</title>";

static void
test_extract_charsets(void **state)
{
	static const struct {
		const char	*name;
		const char	*page;
		const char	*charset;	/* as from HTTP */
		const char	*want;		/* in the title */
	} cases[] = {
		{ "meta charset windows-1252",
		  "<meta charset=windows-1252><title>Caf\xe9 \x96 na\xefve"
		  "</title>", NULL, "Caf\xc3\xa9 \xe2\x80\x93 na\xc3\xafve" },
		{ "http-equiv latin1",
		  "<meta http-equiv=\"Content-Type\" content=\"text/html; "
		  "charset=iso-8859-1\"><title>Gr\xfc\xdf" "e</title>", NULL,
		  "Gr\xc3\xbc\xc3\x9f" "e" },
		{ "HTTP header wins over meta",
		  "<meta charset=utf-8><title>Caf\xe9</title>", "latin1",
		  "Caf\xc3\xa9" },
		{ "no label, not UTF-8: windows-1252",
		  "<title>Caf\xe9 cr\xe8me</title>", NULL,
		  "Caf\xc3\xa9 cr\xc3\xa8me" },
		{ "no label, UTF-8",
		  "<title>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e</title>", NULL,
		  "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
		{ "byte order mark",
		  "\xef\xbb\xbf<title>Caf\xc3\xa9</title>", "windows-1252",
		  "Caf\xc3\xa9" },
		{ "Shift_JIS by meta",
		  "<meta charset=\"Shift_JIS\"><title>\x93\xfa\x96\x7b</title>",
		  NULL, "\xe6\x97\xa5\xe6\x9c\xac" },
	};
	struct article	*art;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		art = extract_page(cases[i].page, strlen(cases[i].page), NULL,
		    cases[i].charset);
		if (art->title == NULL || strcmp(art->title, cases[i].want))
			failf("%s: title \"%s\", want \"%s\"", cases[i].name,
			    art->title ? art->title : "(null)", cases[i].want);
		extract_free(art);
	}

	/* A NUL inside the declared label (found by fuzz_extract: the
	 * label was cut short at the NUL and then written past). */
	art = extract_page(nul_meta, sizeof nul_meta - 1, NULL, NULL);
	assert_non_null(art->title);
	assert_string_equal(art->title, "T");
	extract_free(art);
}

/* Links are resolved against the page (or its <base>) and numbered in
 * reading order, one number a URL. */
static void
test_extract_links(void **state)
{
	static const struct {
		const char	*href;
		const char	*want;
	} cases[] = {
		{ "https://other.example/x", "https://other.example/x" },
		{ "/top", "https://example.org/top" },
		{ "sib.html", "https://example.org/dir/sib.html" },
		{ "../up.html", "https://example.org/up.html" },
		{ "./a/./b/../c.html?q=1#f",
		  "https://example.org/dir/a/c.html?q=1#f" },
		{ "//cdn.example/i.png", "https://cdn.example/i.png" },
		{ "?page=2", "https://example.org/dir/page.html?page=2" },
		{ "mailto:ed@example.org", "mailto:ed@example.org" },
		{ "  /spaced  ", "https://example.org/spaced" },
		/* Line breaks and tabs go, other controls are encoded
		 * (found by fuzz_extract: a newline stayed in a link). */
		{ "/a\n  b.html\t", "https://example.org/a  b.html" },
		{ "ht\ntps://x.example/a\tb", "https://x.example/ab" },
	};
	struct buf	 html = BUF_INIT;
	struct article	*art;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&html);
		buf_addf(&html, "<p>See <a href=\"%s\">this</a> and "
		    "<a href=\"#local\">that</a>.</p>", cases[i].href);
		art = extract_fragment(html.data, html.len,
		    "https://example.org/dir/page.html");
		if (art->nlinks != 1 || strcmp(art->links[0].url,
		    cases[i].want) != 0)
			failf("href \"%s\": %zu links, first \"%s\", want "
			    "\"%s\"", cases[i].href, art->nlinks,
			    art->nlinks > 0 ? art->links[0].url : "",
			    cases[i].want);
		if (strcmp(art->links[0].text, "this") != 0)
			failf("href \"%s\": link text \"%s\"", cases[i].href,
			    art->links[0].text);
		extract_free(art);
	}

	/* Controls in the page's own URL (gumbo has already replaced
	 * those of the markup) are percent-encoded in what it resolves. */
	art = extract_fragment("<a href=x>x</a>", 15,
	    "https://example.org/\x01\x7f\xc2\x9b\xc3\xa9/p");
	assert_int_equal(art->nlinks, 1);
	assert_string_equal(art->links[0].url,
	    "https://example.org/%01%7F%C2%9B\xc3\xa9/x");
	extract_free(art);

	/* Numbers follow reading order; a URL seen again keeps its number. */
	buf_reset(&html);
	buf_addstr(&html, "<p><a href=/b>B</a> <a href=/a>A</a> "
	    "<a href=/b>B again</a></p><base href=\"https://base.example/\">");
	art = extract_fragment(html.data, html.len, "https://example.org/");
	assert_int_equal(art->nlinks, 2);
	assert_string_equal(art->links[0].url, "https://example.org/b");
	assert_string_equal(art->links[1].url, "https://example.org/a");
	assert_int_equal(art->blocks[0].spans[0].link, 1);
	assert_int_equal(art->blocks[0].spans[2].link, 2);
	assert_int_equal(art->blocks[0].spans[4].link, 1);
	extract_free(art);

	/* A page's <base href> changes what links resolve against. */
	buf_reset(&html);
	buf_addstr(&html, "<html><head><base href=\"https://base.example/"
	    "docs/\"></head><body><article><p>Long enough paragraph with a "
	    "<a href=\"guide.html\">guide</a> in it, and more words after "
	    "that, so that it is read as the article of the page.</p>"
	    "</article></body></html>");
	art = extract_page(html.data, html.len, "https://example.org/x/y",
	    NULL);
	assert_int_equal(art->nlinks, 1);
	assert_string_equal(art->links[0].url,
	    "https://base.example/docs/guide.html");
	extract_free(art);
	buf_release(&html);
}

/* The IMAGE blocks under blocks (n of them), counted. */
static size_t
count_images(const struct extract_block *blocks, size_t n,
    const char **first)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++) {
		if (blocks[i].kind == EXTRACT_IMAGE) {
			if (c == 0 && first != NULL)
				*first = blocks[i].src;
			c++;
		}
		c += count_images(blocks[i].children, blocks[i].nchildren,
		    c == 0 ? first : NULL);
	}
	return (c);
}

/* A page's links and images are resolved first and their scheme checked
 * after: only http, https, ftp and mailto (or a relative URL, when the
 * page's URL is not known) come through. A tab in the scheme, which URL parsers
 * drop, and a <base> with a scheme of its own used to let script URLs
 * into the article. */
static void
test_extract_unsafe_urls(void **state)
{
	static const struct {
		const char	*base;		/* the page's URL */
		const char	*html;
		const char	*want;		/* the link and the image, or
						 * NULL: neither */
	} cases[] = {
		{ "https://example.org/d/", "<a href=\"java&#x09;script:"
		  "alert(1)\">x</a><img src=\"java&#x09;script:alert(1)\">",
		  NULL },
		{ "https://example.org/d/", "<a href=\"java&#x0A;script:"
		  "alert(1)\">x</a><img src=\"JAVA&#x0D;SCRIPT:alert(1)\">",
		  NULL },
		{ "https://example.org/d/", "<a href=\" JavaScript:alert(1)\">"
		  "x</a><img src=\"vbscript:x\">", NULL },
		{ "https://example.org/d/", "<a href=\"data:text/html,<b>\">"
		  "x</a><img src=\"file:///etc/passwd\">", NULL },
		{ NULL, "<a href=\"javascript:alert(1)\">x</a>"
		  "<img src=\"java\tscript:alert(1)\">", NULL },
		/* What may come through. */
		{ "https://example.org/d/", "<a href=\"x\">x</a>"
		  "<img src=\"x\">", "https://example.org/d/x" },
		{ "https://example.org/d/", "<a href=\"HTTP://a.example/x\">x"
		  "</a><img src=\"HTTP://a.example/x\">",
		  "HTTP://a.example/x" },
		{ "https://example.org/d/", "<a href=\"ftp://a.example/x\">x"
		  "</a><img src=\"ftp://a.example/x\">", "ftp://a.example/x" },
		{ NULL, "<a href=\"rel/x\">x</a><img src=\"rel/x\">",
		  "rel/x" },
	};
	struct buf	 html = BUF_INIT;
	struct article	*art;
	const char	*src;
	size_t		 i, n;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&html);
		buf_addf(&html, "<html><body><article><p>Long enough "
		    "paragraph with %s in it, and more words after that, so "
		    "that it is read as the article of the page.</p></article>"
		    "</body></html>", cases[i].html);
		art = extract_page(html.data, html.len, cases[i].base, NULL);
		src = NULL;
		n = count_images(art->blocks, art->nblocks, &src);
		if (cases[i].want == NULL ? art->nlinks != 0 || n != 0 :
		    art->nlinks != 1 || n != 1 ||
		    strcmp(art->links[0].url, cases[i].want) != 0 ||
		    strcmp(src, cases[i].want) != 0)
			failf("row %zu: %zu links (\"%s\"), %zu images "
			    "(\"%s\")", i, art->nlinks, art->nlinks > 0 ?
			    art->links[0].url : "", n, n > 0 ? src : "");
		extract_free(art);
	}

	/* A page's <base> gives its scheme to every relative URL. */
	for (i = 0; i < 2; i++) {
		buf_reset(&html);
		buf_addf(&html, "<html><head><base href=\"%s\"></head><body>"
		    "<article><p>Long enough paragraph with a <a href=\"x\">"
		    "link</a> in it, and more words after that, so that it is "
		    "read as the article of the page.</p><p><img src=\"x\" "
		    "alt=\"an image\"></p></article></body></html>",
		    i == 0 ? "javascript:alert(1)//" : "java&#9;script:alert(1)//");
		art = extract_page(html.data, html.len, i == 0 ?
		    "https://example.org/" : NULL, NULL);
		n = count_images(art->blocks, art->nblocks, &src);
		if (art->nlinks != 0 || n != 0)
			failf("base %zu: %zu links (\"%s\"), %zu images", i,
			    art->nlinks, art->nlinks > 0 ? art->links[0].url :
			    "", n);
		extract_free(art);
	}

	/* A feed's HTML (a fragment) keeps other schemes, which the reader
	 * refuses to open, and loses javascript: however it is written. */
	buf_reset(&html);
	buf_addstr(&html, "<p><a href=\"java&#x09;script:alert(1)\">a</a> "
	    "<a href=\"x-other:y\">b</a> <a href=\"mailto:ed@example.org\">"
	    "c</a></p>");
	art = extract_fragment(html.data, html.len, "https://example.org/");
	assert_int_equal(art->nlinks, 2);
	assert_string_equal(art->links[0].url, "x-other:y");
	assert_string_equal(art->links[1].url, "mailto:ed@example.org");
	extract_free(art);

	/* A page's lead image is checked the same way. */
	buf_reset(&html);
	buf_addstr(&html, "<html><head><meta property=og:image content="
	    "\" JavaScript:alert(1)\"></head><body><p>x</p></body>"
	    "</html>");
	art = extract_page(html.data, html.len, "https://example.org/", NULL);
	assert_null(art->lead_image);
	extract_free(art);
	buf_release(&html);
}

/* Metadata from JSON-LD, meta tags and the page, in order of trust. */
static void
test_extract_metadata(void **state)
{
	static const struct {
		const char	*name;
		const char	*head;
		const char	*title;
		const char	*byline;
		const char	*published;
		const char	*site;
		const char	*image;
	} cases[] = {
		{ "JSON-LD graph",
		  "<script type=\"application/ld+json\">{\"@graph\": ["
		  "{\"@type\": \"WebSite\", \"name\": \"Site\"},"
		  "{\"@type\": [\"BlogPosting\"], \"headline\": \"From "
		  "&quot;LD&quot;\", \"author\": {\"name\": \"A. Writer\"},"
		  " \"datePublished\": \"2022-03-04T05:06:07+01:00\","
		  " \"image\": {\"url\": \"/i.jpg\"}, \"publisher\": "
		  "{\"name\": \"Pub\"},}]}</script><title>Other</title>",
		  "From \"LD\"", "A. Writer", "2022-03-04T04:06:07Z", "Pub",
		  "https://www.examplenews.com/i.jpg" },
		{ "OpenGraph and meta",
		  "<meta property=og:title content=\"OG title\">"
		  "<meta name=author content=\"M. Author\">"
		  "<meta property=article:published_time "
		  "content=\"2019-11-20T10:00:00.000Z\">"
		  "<meta property=og:site_name content=\"OG Site\">"
		  "<meta name=twitter:image content=\"http://img.example/t.png\">"
		  "<title>Doc title</title>",
		  "OG title", "M. Author", "2019-11-20T10:00:00Z", "OG Site",
		  "http://img.example/t.png" },
		{ "title with site suffix, RFC 822 date",
		  "<title>What the river knows | Riverside Times</title>"
		  "<meta property=og:site_name content=\"Riverside Times\">"
		  "<meta name=date content=\"Tue, 05 Mar 2019 14:30:00 GMT\">",
		  "What the river knows", NULL, "2019-03-05T14:30:00Z",
		  "Riverside Times", NULL },
		{ "title named after the host, prose date",
		  "<title>ExampleNews - Lights out in the old town</title>"
		  "<meta name=pubdate content=\"March 30, 2017 9:56 AM ET\">",
		  "Lights out in the old town", NULL, "2017-03-30T14:56:00Z",
		  NULL, NULL },
		/* References pages escape twice are decoded as HTML reads
		 * them, every name and &#128;-&#159; as windows-1252. */
		{ "double-escaped references",
		  "<meta property=og:title content=\"Plain title\">"
		  "<meta property=og:site_name content=\"Caf&amp;eacute; "
		  "&amp;#147;Nord&amp;#148;&amp;#8206;&amp;nbsp;&amp;#10;"
		  "Times\">",
		  "Plain title", NULL, NULL,
		  "Caf\xc3\xa9 \xe2\x80\x9cNord\xe2\x80\x9d Times", NULL },
		/* JSON-LD is no attribute: HTML never unescapes it, and
		 * a template that escapes its text twice leaves
		 * "&amp;#8230;" in it. A lone "&amp;" stays "&". */
		{ "JSON-LD escaped twice",
		  "<script type=\"application/ld+json\">{\"@type\": "
		  "\"NewsArticle\", \"headline\": \"And then&amp;#8230; "
		  "rain &amp;amp; wind, AT&amp;T\"}</script>",
		  "And then\xe2\x80\xa6 rain & wind, AT&T", NULL, NULL, NULL,
		  NULL },
		/* The heading the page shows, when its <title> says it
		 * too, over a teaser in og:title. */
		{ "heading over a teaser",
		  "<meta property=og:title content=\"Not sure which kettle "
		  "to buy? Read this first\"><title>The best kettles of the "
		  "year | Kettle Review</title><h1>The best kettles of the "
		  "year</h1>",
		  "The best kettles of the year", NULL, NULL, NULL, NULL },
		/* ... and over the same heading with the site's section
		 * and name after it, less its link to itself. */
		{ "heading before the docs' name",
		  "<title>Quickstart \xe2\x80\x94 Fernway Docs (3.1)</title>"
		  "<h1>Quickstart<a class=headerlink href=#q>\xc2\xb6</a></h1>",
		  "Quickstart", NULL, NULL, NULL, NULL },
		/* A "#" that is a word's own stays; a "#" of its own
		 * after it is the link to the heading. */
		{ "heading that ends in a sharp",
		  "<meta property=og:title content=\"Everything you need "
		  "to start writing code today\"><title>Learn C# - Fernway "
		  "Guides</title><h1>Learn C#</h1>",
		  "Learn C#", NULL, NULL, NULL, NULL },
		{ "heading that ends in a sharp, and its link",
		  "<meta property=og:title content=\"Everything you need "
		  "to start writing code today\"><title>Learn C# - Fernway "
		  "Guides</title><h1>Learn C#<a href=#l>#</a></h1>",
		  "Learn C#", NULL, NULL, NULL, NULL },
		{ "heading with its link after a space",
		  "<title>Quickstart \xe2\x80\x94 Fernway Docs (3.1)</title>"
		  "<h1>Quickstart #</h1>",
		  "Quickstart", NULL, NULL, NULL, NULL },
		/* A heading that is the site's name is no title. */
		{ "logo heading",
		  "<title>Fernway | Walking in the hills</title>"
		  "<meta property=og:site_name content=\"Fernway\">"
		  "<h1>Fernway</h1>",
		  "Walking in the hills", NULL, NULL, "Fernway", NULL },
		{ "heading the <title> goes on from",
		  "<title>Headlamps for camping and running</title>"
		  "<h1>Headlamps</h1>",
		  "Headlamps", NULL, NULL, NULL, NULL },
		/* A theme marks the site's name in its header as a
		 * "headline": that item is the header's, not the page's. */
		{ "headline of the site's header",
		  "<title>Tides of the bay | Fernway</title>"
		  "<meta property=og:site_name content=\"Fernway\">"
		  "<header itemscope itemtype=\"https://schema.org/WPHeader\">"
		  "<p itemprop=headline><a href=/>Fernway Walks</a></p>"
		  "</header>",
		  "Tides of the bay", NULL, NULL, "Fernway", NULL },
		{ "site after a spaced colon",
		  "<title>Walking in the hills : Fernway</title>"
		  "<meta property=og:site_name content=\"Fernway\">",
		  "Walking in the hills", NULL, NULL, "Fernway", NULL },
		/* A title that is the site's name alone names no page but
		 * the home page. */
		{ "site's name alone",
		  "<title>Fernway</title><meta property=og:site_name "
		  "content=\"Fernway\"><h1>Trail shoe</h1>",
		  "Trail shoe", NULL, NULL, "Fernway", NULL },
		/* A product named after its maker is no site's name
		 * before a headline "Blue". */
		{ "maker's name starts a product's title",
		  "<meta property=og:title content=\"Fernway Trail Shoe - "
		  "Blue\"><meta property=og:site_name content=\"Fernway\">",
		  "Fernway Trail Shoe - Blue", NULL, NULL, "Fernway", NULL },
		{ "title with a bullet before the site",
		  "<title>A note on rivers \xe2\x80\xa2 Jo Bloggs</title>"
		  "<meta property=og:site_name content=\"Jo Bloggs\">",
		  "A note on rivers", NULL, NULL, "Jo Bloggs", NULL },
		{ "domain before a colon",
		  "<title>ExampleNews.com: Lights out in the old town</title>",
		  "Lights out in the old town", NULL, NULL, NULL, NULL },
		/* A colon after a name that is not the site's own is a
		 * headline's, and stays. */
		{ "brand before a colon",
		  "<title>ExampleNews Review: Lights out in the old town"
		  "</title>",
		  "ExampleNews Review: Lights out in the old town", NULL, NULL,
		  NULL, NULL },
		{ "nothing declared",
		  "", NULL, NULL, NULL, NULL, NULL },
	};
	struct buf	 b = BUF_INIT;
	struct article	*art;
	char		 date[32];
	size_t		 i;

#define META_CHECK(field, want) do {					\
	if ((want) == NULL ? art->field != NULL : (art->field == NULL ||	\
	    strcmp(art->field, (want)) != 0))				\
		failf("%s: " #field " \"%s\", want \"%s\"", cases[i].name,	\
		    art->field ? art->field : "(null)",			\
		    (want) ? (want) : "(null)");				\
} while (0)

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, "<html><head>%s</head><body><p>Body text that "
		    "is long enough to be read as an article by the "
		    "extractor, with a comma, and a full stop.</p></body>"
		    "</html>", cases[i].head);
		art = extract_page(b.data, b.len,
		    "https://www.examplenews.com/a/story.html", NULL);
		META_CHECK(title, cases[i].title);
		META_CHECK(byline, cases[i].byline);
		META_CHECK(site_name, cases[i].site);
		META_CHECK(lead_image, cases[i].image);
		if (cases[i].published == NULL && art->has_published)
			failf("%s: a date where there is none", cases[i].name);
		if (cases[i].published != NULL) {
			time_rfc3339(art->published, date, sizeof date);
			if (!art->has_published ||
			    strcmp(date, cases[i].published) != 0)
				failf("%s: published %s, want %s",
				    cases[i].name, art->has_published ? date :
				    "none", cases[i].published);
		}
		extract_free(art);
	}
#undef META_CHECK
	buf_release(&b);
}

/* The three output formats of the CLI. */
static void
test_extract_outputs(void **state)
{
	static const char page[] =
	    "<html><head><title>Q &amp; A</title></head><body><article>"
	    "<h1>Q &amp; A</h1>"
	    "<p>First paragraph with <b>bold</b>, <em>emphasis</em> and a "
	    "<a href=\"/x?a=1&amp;b=2\">link</a>, long enough to count as "
	    "the article of the page.</p>"
	    "<p>Second \"quoted\" paragraph, 1 &lt; 2, also long enough to "
	    "count as prose.</p><ul><li>one</li><li>two</li></ul>"
	    "</article></body></html>";
	struct article	*art;
	struct buf	 b = BUF_INIT;

	(void)state;
	art = extract_page(page, sizeof page - 1, "http://h.example/p", NULL);

	extract_text(art, &b);
	assert_string_equal(b.data, "First paragraph with bold, emphasis "
	    "and a link, long enough to count as the article of the page."
	    "\n\nSecond \"quoted\" paragraph, 1 < 2, also long enough to "
	    "count as prose.\n\none\ntwo");

	buf_reset(&b);
	extract_json(art, &b);
	assert_string_equal(b.data, "{\"title\": \"Q & A\", \"byline\": null, "
	    "\"published\": null, \"site_name\": null, \"lead_image\": null, "
	    "\"text\": \"First paragraph with bold, emphasis and a link, long "
	    "enough to count as the article of the page.\\n\\nSecond "
	    "\\\"quoted\\\" paragraph, 1 < 2, also long enough to count as "
	    "prose.\\n\\none\\ntwo\", \"links\": [{\"url\": "
	    "\"http://h.example/x?a=1&b=2\", \"text\": \"link\"}]}\n");

	buf_reset(&b);
	extract_html(art, &b);
	assert_string_equal(b.data, "<p>First paragraph with <strong>bold"
	    "</strong>, <em>emphasis</em> and a <a href=\"http://h.example/"
	    "x?a=1&amp;b=2\">link</a>, long enough to count as the article "
	    "of the page.</p>\n<p>Second &quot;quoted&quot; paragraph, 1 "
	    "&lt; 2, also long enough to count as prose.</p>\n<ul>\n<li>one"
	    "</li>\n<li>two</li>\n</ul>\n");
	extract_free(art);
	buf_release(&b);
}

/* Pages without an article still give one; hostile input never breaks
 * anything; feed fragments keep all of their text. */
static void
test_extract_robust(void **state)
{
	struct buf	 b = BUF_INIT, t = BUF_INIT;
	struct article	*art;
	int		 i;

	(void)state;
	/* Nothing scores: short lines only. The text is still there. */
	art = extract_page("<p>Hi.</p><div>Short note</div>", 31, NULL, NULL);
	extract_text(art, &t);
	assert_non_null(strstr(t.data, "Hi."));
	assert_non_null(strstr(t.data, "Short note"));
	extract_free(art);

	/* A page built by scripts: its declared text is the article. */
	buf_reset(&b);
	buf_addstr(&b, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\": \"NewsArticle\", \"headline\": \"H\", "
	    "\"articleBody\": \"First declared paragraph, long enough to be "
	    "read.<p>Second one, with &amp; and <b>markup</b> in it, and "
	    "then some more words so that it is clearly the article of the "
	    "page rather than a line, which the page never shows without "
	    "running its scripts.\"}</script></head><body><div id=app>"
	    "Loading</div></body></html>");
	art = extract_page(b.data, b.len, NULL, NULL);
	buf_reset(&t);
	extract_text(art, &t);
	assert_string_equal(t.data, "First declared paragraph, long enough "
	    "to be read.\n\nSecond one, with & and markup in it, and then "
	    "some more words so that it is clearly the article of the page "
	    "rather than a line, which the page never shows without running "
	    "its scripts.");
	extract_free(art);

	/* Empty input, and bytes that are not HTML at all. */
	art = extract_page("", 0, NULL, NULL);
	assert_int_equal(art->nblocks, 0);
	extract_free(art);
	for (i = 0; i < 4096; i++)
		buf_addch(&b, (char)((i * 131 + 7) % 256));
	art = extract_page(b.data, b.len, "not a url", NULL);
	extract_free(art);

	/* Deep nesting and unclosed everything. */
	buf_reset(&b);
	for (i = 0; i < 20000; i++)
		buf_addstr(&b, "<div><span><b>");
	buf_addstr(&b, "deep text, deep enough");
	art = extract_page(b.data, b.len, NULL, NULL);
	extract_free(art);

	/* A fragment: scripts, styles, forms and controls go; text stays,
	 * even a short line and a link list. */
	buf_reset(&b);
	buf_addstr(&b, "<p>Short.</p><script>alert(1)</script><style>p{}"
	    "</style><form><input value=x><button>Go</button></form>"
	    "<ul><li><a href=/1>One</a></li></ul>"
	    "<p>Control \x1b[31mred\x1b[0m and \xc2\x9b bytes.</p>");
	art = extract_fragment(b.data, b.len, NULL);
	buf_reset(&t);
	extract_text(art, &t);
	/* gumbo already turns controls into U+FFFD; none is left. */
	assert_string_equal(t.data, "Short.\n\nOne\n\nControl \xef\xbf\xbd"
	    "[31mred\xef\xbf\xbd[0m and \xef\xbf\xbd bytes.");
	extract_free(art);

	buf_release(&b);
	buf_release(&t);
}

/* Extract a page whose second paragraph is n times the UTF-8 character
 * c; return the text reader mode shows. */
static char *
long_paragraph(const char *c, int n)
{
	struct buf	 b = BUF_INIT;
	char		*text;
	int		 i;

	buf_addstr(&b, "<html><body><article><h1>Quiet harbour</h1><p>");
	for (i = 0; i < 20; i++)
		buf_addstr(&b, "The harbour was quiet that morning and the "
		    "boats stayed in. ");
	buf_addstr(&b, "</p><p>");
	for (i = 0; i < n; i++)
		buf_addstr(&b, c);
	buf_addstr(&b, "</p></article></body></html>");
	text = page_text(b.data, NULL);
	buf_release(&b);
	return (text);
}

/*
 * A hostile paragraph of 1,000,000 no-break spaces, or of as many
 * letters past ASCII, leaves the article around it as it is: the
 * spaces are a blank, the "word" no paragraph. (Each character is read
 * once: strlen() of the rest per character made such a page take
 * seconds; bench/extract times pages, tests do not.)
 */
static void
test_extract_long_text_linear(void **state)
{
	char	*t;

	(void)state;
	t = long_paragraph("\xc2\xa0", 1000000);
	assert_non_null(strstr(t, "boats stayed in."));
	assert_null(strstr(t, "\xc2\xa0\xc2\xa0"));
	free(t);
	t = long_paragraph("\xc3\xa9", 1000000);
	assert_non_null(strstr(t, "boats stayed in."));
	free(t);
}

/* Extract a page of boxes nested as deep as the mirror goes, each named
 * name and holding many short lines, the post's body at the bottom;
 * return the text reader mode shows. */
static char *
nested_boxes(const char *name)
{
	struct buf	 b = BUF_INIT;
	char		*text;
	int		 i, j;

	buf_addstr(&b, "<html><body><article><h1>Nested</h1>");
	for (i = 0; i < 380; i++) {
		buf_addf(&b, "<div class=\"%s\">", name);
		for (j = 0; j < 300; j++)
			buf_addstr(&b, "<b>x</b>");
	}
	buf_addstr(&b, "<div class=\"post-body\"><p>");
	for (i = 0; i < 10; i++)
		buf_addf(&b, "Sentence %d of the post says more. ", i);
	buf_addstr(&b, "</p></div>");
	for (i = 0; i < 380; i++)
		buf_addstr(&b, "</div>");
	buf_addstr(&b, "</article></body></html>");
	text = page_text(b.data, NULL);
	buf_release(&b);
	return (text);
}

/* Boxes named for comments, 380 deep around the post's one body, are
 * read like boxes of another name: the post is there in both, which a
 * rule dropping comment boxes by name would break. (Its speed is not
 * what this checks: bench/extract times pages, tests do not.) */
static void
test_extract_comment_boxes_nested(void **state)
{
	char	*t;

	(void)state;
	t = nested_boxes("box");
	assert_non_null(strstr(t, "Sentence 9 of the post"));
	free(t);
	t = nested_boxes("comment");
	assert_non_null(strstr(t, "Sentence 9 of the post"));
	free(t);
}

/* The feeds a page announces: RSS, Atom and JSON Feed alternates only,
 * in page order, once each, resolved against <base> and the page. */
static void
test_extract_feed_links(void **state)
{
	static const struct {
		const char	*html;
		const char	*url;
		const char	*want;	/* "url|title" lines */
	} rows[] = {
		{ "<link rel=alternate type=application/rss+xml href=/f.xml>",
		  "https://a.org/x/y.html", "https://a.org/f.xml|\n" },
		{ "<head><base href='https://cdn.org/d/'><link rel='ALTERNATE' "
		  "type='Application/Atom+XML' href='atom' title='T'></head>",
		  "https://a.org/", "https://cdn.org/d/atom|T\n" },
		{ "<link rel=alternate type=application/feed+json href=j>"
		  "<link rel=stylesheet type=text/css href=c.css>"
		  "<link rel=alternate type=text/html href=h.html>"
		  "<link rel=alternate type=application/rss+xml href=''>",
		  "https://a.org/", "https://a.org/j|\n" },
		{ "<body><link rel='alternate home' type=application/rss+xml "
		  "href=a><link rel=alternate type='application/rss+xml' "
		  "href=b><link rel=alternate type=application/rss+xml "
		  "href=a></body>", "https://a.org/",
		  "https://a.org/a|\nhttps://a.org/b|\n" },
		{ "<link rel=alternate type=application/rss+xml href=rel>",
		  NULL, "rel|\n" },
		{ "no html at all", "https://a.org/", "" },
	};
	struct extract_feed_link	*links;
	struct buf			 got = BUF_INIT;
	size_t				 i, j, n;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		n = extract_feed_links(rows[i].html, strlen(rows[i].html),
		    rows[i].url, NULL, &links);
		buf_reset(&got);
		for (j = 0; j < n; j++)
			buf_addf(&got, "%s|%s\n", links[j].url,
			    links[j].title != NULL ? links[j].title : "");
		if (strcmp(got.data, rows[i].want) != 0)
			fail_msg("row %zu: got\n%s", i, got.data);
		extract_feed_links_free(links, n);
	}
	buf_release(&got);
}

/* A block element inside a <pre> splits it; the text on either side
 * stays preformatted, and only PRE blocks hold line breaks inside a
 * span (found by fuzz_extract: gumbo's empty <p> for a stray "</p>"
 * turned the text before it into a paragraph with a raw newline). */
static const struct {
	const char	*html;
	const char	*want;		/* "KIND:text|...", top-level blocks */
} pre_cases[] = {
	{ "<pre>a\n b</p>c\td</pre>", "P:a\n b|P:c\td|" },
	{ "<pre>x\n  y<h1>T\nU</h1>z\nw</pre>", "P:x\n  y|H:T U|P:z\nw|" },
	{ "<pre>a\n<p>b\nc</p></pre>", "P:a|P:b\nc|" },
	{ "<p>a\nb</p><pre>c\nd</pre>", "p:a b|P:c\nd|" },
};

/* What the list of links shows for a link: one line, even for a link
 * around preformatted text or line breaks (found by fuzz_extract). */
static const struct {
	const char	*html;
	const char	*text;
} link_texts[] = {
	{ "<p><a href=/a>one  two</a></p>", "one two" },
	{ "<p>x <a href=/a> one </a>two</p>", "one" },
	{ "<pre><a href=/a>x |\n\tsort\n</a></pre>", "x | sort" },
};

static void
test_extract_pre_blocks(void **state)
{
	struct article	*art;
	struct buf	 got = BUF_INIT;
	size_t		 i, j;

	(void)state;
	for (i = 0; i < nitems(pre_cases); i++) {
		art = extract_fragment(pre_cases[i].html,
		    strlen(pre_cases[i].html), NULL);
		buf_reset(&got);
		for (j = 0; j < art->nblocks; j++) {
			buf_addf(&got, "%s:%s|", art->blocks[j].kind ==
			    EXTRACT_PRE ? "P" : art->blocks[j].kind ==
			    EXTRACT_HEADING ? "H" : art->blocks[j].kind ==
			    EXTRACT_PARAGRAPH ? "p" : "?",
			    art->blocks[j].nspans > 0 ?
			    art->blocks[j].spans[0].text : "");
		}
		if (strcmp(got.data, pre_cases[i].want) != 0)
			fail_msg("row %zu: got \"%s\", want \"%s\"", i,
			    got.data, pre_cases[i].want);
		extract_free(art);
	}
	for (i = 0; i < nitems(link_texts); i++) {
		art = extract_fragment(link_texts[i].html,
		    strlen(link_texts[i].html), NULL);
		assert_int_equal(art->nlinks, 1);
		if (strcmp(art->links[0].text, link_texts[i].text) != 0)
			fail_msg("link row %zu: got \"%s\"", i,
			    art->links[0].text);
		extract_free(art);
	}
	buf_release(&got);
}

/* The posts of a thread: in order, each with its author and date, and
 * neither repeated in its body. */
static void
test_extract_thread(void **state)
{
	static const struct {
		const char	*author;
		const char	*date;
		const char	*published;
		enum extract_kind first;
		const char	*opening;
	} want[] = {
		{ "mira_bakes", "Feb 20, 2024 2:03 pm", "2024-02-20T14:03:00Z",
		  EXTRACT_PARAGRAPH, "I started a rye starter" },
		{ "tom_okafor", "Feb 20, 2024 3:41 pm", "2024-02-20T15:41:00Z",
		  EXTRACT_QUOTE, NULL },
		{ "jun_ito", "Feb 21, 2024 8:15 am", "2024-02-21T08:15:00Z",
		  EXTRACT_PARAGRAPH, "I keep a log of every feed" },
		{ "mira_bakes", "Feb 22, 2024", "2024-02-22T00:00:00Z",
		  EXTRACT_PARAGRAPH, "Two feeds a day did it" },
	};
	static const char *const absent[] = {
		"#1", "#2", "Reply", "Share", "Like", "Related topics",
		"Powered by", "Latest", "Rye or wheat",
	};
	struct buf		 in = BUF_INIT, out = BUF_INIT;
	struct article		*art, *kept;
	const struct extract_block *b;
	char			 date[32];
	size_t			 i, j, pre = 0;

	(void)state;
	read_fixture(FIXTURES, "thread.html", &in);
	art = extract_page(in.data, in.len,
	    "https://crumb.example/t/starter-smell/4412", NULL);
	assert_int_equal(art->nblocks, nitems(want));
	for (i = 0; i < art->nblocks; i++) {
		b = &art->blocks[i];
		if (b->kind != EXTRACT_POST)
			failf("block %zu is not a post", i);
		if (b->author == NULL || strcmp(b->author, want[i].author))
			failf("post %zu: author \"%s\", want \"%s\"", i,
			    b->author ? b->author : "(null)", want[i].author);
		if (b->date == NULL || strcmp(b->date, want[i].date))
			failf("post %zu: date \"%s\", want \"%s\"", i,
			    b->date ? b->date : "(null)", want[i].date);
		assert_true(b->has_published);
		time_rfc3339(b->published, date, sizeof date);
		assert_string_equal(date, want[i].published);
		assert_true(b->nchildren > 0);
		if (b->children[0].kind != want[i].first)
			failf("post %zu opens with block kind %d", i,
			    (int)b->children[0].kind);
		if (want[i].opening != NULL && strncmp(
		    b->children[0].spans[0].text, want[i].opening,
		    strlen(want[i].opening)) != 0)
			failf("post %zu opens with \"%s\"", i,
			    b->children[0].spans[0].text);
		for (j = 0; j < b->nchildren; j++) {
			assert_int_not_equal(b->children[j].kind, EXTRACT_POST);
			pre += b->children[j].kind == EXTRACT_PRE;
		}
	}
	assert_int_equal(pre, 1);

	/* The text: each post's author and date, a line each, then its
	 * blocks; nothing of the bylines, buttons or furniture. */
	extract_text(art, &out);
	if (strncmp(out.data, "mira_bakes\nFeb 20, 2024 2:03 pm\n\nI started",
	    41) != 0)
		failf("text opens \"%.60s\"", out.data);
	if (strstr(out.data, "hungry?\n\ntom_okafor\nFeb 20, 2024 3:41 pm\n\n"
	    "a grey liquid") == NULL)
		failf("no header for the second post:\n%s", out.data);
	assert_int_equal(count(out.data, "mira_bakes"), 2);
	assert_int_equal(count(out.data, "tom_okafor"), 1);
	assert_int_equal(count(out.data, "Feb 21, 2024"), 1);
	for (i = 0; i < nitems(absent); i++)
		if (strstr(out.data, absent[i]) != NULL)
			failf("kept \"%s\":\n%s", absent[i], out.data);

	/* HTML: an <article> a post, which the reader reads back as the
	 * same posts. */
	buf_reset(&out);
	extract_html(art, &out);
	assert_int_equal(count(out.data, "<article>\n<header><strong "
	    "class=\"author\">"), nitems(want));
	assert_non_null(strstr(out.data, "<time datetime=\""
	    "2024-02-21T08:15:00Z\">Feb 21, 2024 8:15 am</time></header>"));
	kept = extract_fragment(out.data, out.len, NULL);
	assert_int_equal(kept->nblocks, art->nblocks);
	for (i = 0; i < kept->nblocks; i++) {
		b = &kept->blocks[i];
		assert_int_equal(b->kind, EXTRACT_POST);
		assert_string_equal(b->author, art->blocks[i].author);
		assert_string_equal(b->date, art->blocks[i].date);
		assert_true(b->has_published);
		assert_true(b->published == art->blocks[i].published);
		assert_int_equal(b->nchildren, art->blocks[i].nchildren);
	}
	extract_free(kept);
	extract_free(art);
	buf_release(&in);
	buf_release(&out);
}

/* A post's text kept hidden by a class for its microdata, beside the
 * one the eye reads, is not read: the post says its words and shows its
 * pictures once. */
static void
test_extract_post_hidden_copy(void **state)
{
	static const char words[] = "The lights came on with the gate the "
	    "first evening, and the harness fit the plug behind the panel "
	    "without cutting a single wire or drilling any hole in the "
	    "trim, which took about an hour with a friend holding the "
	    "torch. I used a quick splice on the red wire, tested the "
	    "lights, tidied the wiring and put the panel back.";
	struct buf		 page = BUF_INIT, text = BUF_INIT;
	struct buf		 body = BUF_INIT;
	struct article		*art;
	size_t			 k;

	(void)state;
	buf_addstr(&body, words);
	for (k = 0; k < 4; k++)
		buf_addf(&body, "<br><div class=\"box\"><img src=\"/att/%zu"
		    ".jpg\" alt=\"Tail light %zu\"></div>", k, k);
	buf_addf(&page, "<html><body><div class=\"thread\" itemscope "
	    "itemtype=\"https://schema.org/DiscussionForumPosting\">"
	    "<div class=\"hidden\"><span itemprop=\"author\">ann</span>"
	    "<div itemprop=\"text\">Copy: %s</div></div>"
	    "<div class=\"card\"><span class=\"username\">ann</span>"
	    "<time datetime=\"2024-03-01\">Mar 1, 2024</time>"
	    "<div class=\"body\">%s</div></div>", body.data, body.data);
	for (k = 0; k < 2; k++)
		buf_addf(&page, "<div class=\"card\" itemscope itemtype=\""
		    "https://schema.org/Comment\"><span class=\"username\">"
		    "bob%zu</span><time datetime=\"2024-03-0%zu\">Mar %zu, "
		    "2024</time><div class=\"body\">Reply %zu: mine took "
		    "longer, the clips on the left side of the panel broke "
		    "and I had to order new ones from the dealer.</div>"
		    "</div>", k, k + 2, k + 2, k);
	buf_addstr(&page, "</div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	extract_html(art, &text);
	if (strstr(text.data, "Copy:") != NULL ||
	    count(text.data, "without cutting a single wire") != 1 ||
	    count(text.data, "Tail light 0") != 1)
		failf("the post's words:\n%s", text.data);
	assert_int_equal(count(text.data, "the clips on the left"), 2);
	extract_free(art);
	buf_release(&body);
	buf_release(&page);
	buf_release(&text);
}

/* A post's list of its poster's profile goes: terms of a field with
 * their values ("Joined" and its date), or a list beside the name whose
 * values say "Posts: 12"; a list among the post's own words stays. The
 * poster's state ("Offline") goes too. */
static void
test_extract_post_profile(void **state)
{
	struct buf		 page = BUF_INIT, text = BUF_INIT;
	struct article		*art;
	size_t			 k;

	(void)state;
	buf_addstr(&page, "<html><body itemscope itemtype=\"https://"
	    "schema.org/QAPage\"><div class=\"answers\">");
	for (k = 0; k < 2; k++)
		buf_addf(&page, "<div class=\"answer\" itemscope itemtype=\""
		    "https://schema.org/Answer\"><div class=\"side\">"
		    "<span class=\"username\">ann</span>"
		    "<dl><dt>Joined</dt><dd>Nov 4, 2011</dd></dl>"
		    "<dl><dt>Messages</dt><dd>65,334</dd></dl></div>"
		    "<dl class=\"box\"><dt>Grand Vizier</dt><dd>Posts: 4032</dd>"
		    "<dd>Founded: Dec 11, 2021</dd><dd>Quiet Seaside Town</dd>"
		    "<dd>Systems: Windows, Linux, BSD and Solaris</dd>"
		    "</dl><time datetime=\"2023-03-0%zuT10:00:00Z\">March %zu, "
		    "2023</time><p>Answer %zu: let the dough rest for a full "
		    "hour before shaping, longer in a cold kitchen, and keep "
		    "it covered so the surface does not dry out.</p><dl><dt>"
		    "Flour</dt><dd>Strong white, 500 g</dd><dt>Location</dt>"
		    "<dd>The warmest shelf of the kitchen, away from drafts"
		    "</dd></dl><div class=\"foot\">Offline</div></div>",
		    k + 1, k + 1, k);
	buf_addstr(&page, "</div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	extract_text(art, &text);
	if (strstr(text.data, "Joined") != NULL ||
	    strstr(text.data, "Nov 4") != NULL ||
	    strstr(text.data, "Vizier") != NULL ||
	    strstr(text.data, "Seaside") != NULL ||
	    strstr(text.data, "Solaris") != NULL ||
	    strstr(text.data, "Offline") != NULL ||
	    strstr(text.data, "Founded") != NULL)
		failf("kept the poster's profile:\n%s", text.data);
	assert_int_equal(count(text.data, "Strong white"), 2);
	assert_int_equal(count(text.data, "warmest shelf"), 2);
	assert_int_equal(count(text.data, "let the dough rest"), 2);
	extract_free(art);
	buf_release(&page);
	buf_release(&text);
}

/* Where a post's author and date are found, and when a thread is none. */
static void
test_extract_post_headers(void **state)
{
	static const struct {
		const char	*header;
		const char	*author;	/* NULL: none */
		const char	*date;
	} cases[] = {
		{ "<a rel=\"author\" href=\"/u/ann\">ann</a> "
		  "<span class=\"timestamp\">3 March 2023</span>",
		  "ann", "3 March 2023" },
		/* The innermost author element with text; a relative date
		 * gives way to the machine's. */
		{ "<div class=\"author-box\"><img class=\"author-avatar\" "
		  "src=\"/a.png\" alt=\"\"><span class=\"author-name\">ann"
		  "</span></div><time datetime=\"2023-03-03T10:00:00Z\">2 "
		  "hours ago</time>",
		  "ann", "2023-03-03 10:00" },
		/* A microdata author of several lines gives its name; a
		 * <meta> date is shown as a date. */
		{ "<div itemprop=\"author\" itemscope itemtype=\"https://"
		  "schema.org/Person\"><meta itemprop=\"name\" content=\"ann\">"
		  "<div>ann</div><div>Joined 2019, 312 posts</div></div>"
		  "<meta itemprop=\"datePublished\" content=\"2023-03-03\">",
		  "ann", "2023-03-03" },
		/* A profile box around the name goes with it. */
		{ "<div class=\"profile\"><span class=\"username\">ann</span>"
		  "<div>Member</div><div>Posts: 312</div><div>Joined: May "
		  "2019</div></div><time datetime=\"2023-03-03\">3 March "
		  "2023</time>",
		  "ann", "3 March 2023" },
		/* A machine's date that shows nothing: the date shown
		 * beside it, titled with the same time. */
		{ "<span class=\"username\">ann</span><time itemprop=\""
		  "dateCreated\" datetime=\"2023-03-03T10:00:00Z\"></time>"
		  "<span title=\"2023-03-01 09:00:00Z\">edited Mar 1, 2023 at "
		  "9:00</span><span title=\"2023-03-03 10:00:12Z\">Mar 3, 2023 "
		  "at 10:00</span>",
		  "ann", "Mar 3, 2023 at 10:00" },
		/* A <meta> date: the words the page shows for it. */
		{ "<span class=\"username\">ann</span><a href=\"#p1\"><span>"
		  "Mar 3, 2023 at 10:00 AM</span><meta itemprop=\""
		  "datePublished\" content=\"2023-03-03T10:00:00-05:00\">"
		  "</a>",
		  "ann", "Mar 3, 2023 at 10:00 AM" },
		/* A <time> that shows the date two ways: the one that reads;
		 * the same <time> again further down goes. */
		{ "<span class=\"username\">ann</span><time datetime=\""
		  "2023-03-03T10:00:00Z\"><span>March 3, 2023</span><span>"
		  "2 yr</span></time><div class=\"meta\"><time datetime=\""
		  "2023-03-03T10:00:00Z\"><span>March 3, 2023</span><span>"
		  "2 yr</span></time></div>",
		  "ann", "March 3, 2023" },
		/* No class or microdata: the link to the member's page
		 * before the date. */
		{ "<span><a href=\"/~ann\">ann</a> <a href=\"/c/x1\"><time "
		  "datetime=\"2023-03-03T10:00:00Z\">2 years ago</time></a>"
		  "</span>",
		  "ann", "2023-03-03 10:00" },
		{ "<div><a href=\"https://example.org/members/ann.12/\">ann</a>"
		  "</div><time datetime=\"2023-03-03T10:00:00Z\">3 March "
		  "2023</time>",
		  "ann", "3 March 2023" },
		/* A class that names a date but holds none. */
		{ "<span class=\"date\">sometime</span>", NULL, NULL },
	};
	static const char body[] = "<p>Answer %zu: let the dough rest "
	    "for a full hour before shaping, longer in a cold kitchen, "
	    "and keep it covered so the surface does not dry out.</p>";
	struct buf		 page = BUF_INIT, text = BUF_INIT;
	struct article		*art;
	const struct extract_block *b;
	size_t			 i, k;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&page);
		buf_addstr(&page, "<html><body itemscope itemtype=\"https://"
		    "schema.org/QAPage\"><div class=\"answers\">");
		for (k = 0; k < 2; k++) {
			buf_addf(&page, "<div class=\"answer\" itemscope "
			    "itemtype=\"https://schema.org/Answer\">%s",
			    cases[i].header);
			buf_addf(&page, body, k);
			buf_addstr(&page, "</div>");
		}
		buf_addstr(&page, "</div></body></html>");
		art = extract_page(page.data, page.len, NULL, NULL);
		if (art->nblocks != 2)
			failf("case %zu: %zu blocks", i, art->nblocks);
		for (k = 0; k < 2; k++) {
			b = &art->blocks[k];
			assert_int_equal(b->kind, EXTRACT_POST);
			/* Only the body is left, or a date that is none. */
			assert_int_equal(b->nchildren, cases[i].date != NULL ||
			    cases[i].author != NULL ? 1 : 2);
			if ((b->author == NULL) != (cases[i].author == NULL) ||
			    (b->author != NULL &&
			    strcmp(b->author, cases[i].author) != 0))
				failf("case %zu: author \"%s\"", i,
				    b->author ? b->author : "(null)");
			if ((b->date == NULL) != (cases[i].date == NULL) ||
			    (b->date != NULL &&
			    strcmp(b->date, cases[i].date) != 0))
				failf("case %zu: date \"%s\"", i,
				    b->date ? b->date : "(null)");
		}
		buf_reset(&text);
		extract_text(art, &text);
		if (cases[i].author != NULL &&
		    count(text.data, cases[i].author) != 2)
			failf("case %zu: the author repeated:\n%s", i,
			    text.data);
		if (strstr(text.data, "Joined") != NULL)
			failf("case %zu: kept the author's box", i);
		extract_free(art);
	}

	/* A thread left with one post is an article: no post block. */
	buf_reset(&page);
	buf_addf(&page, "<html><body itemscope itemtype=\"https://schema.org/"
	    "QAPage\"><div class=\"answer\" itemscope itemtype=\"https://"
	    "schema.org/Answer\">%s", cases[0].header);
	buf_addf(&page, body, (size_t)1);
	buf_addf(&page, "</div><div class=\"answer\" itemscope itemtype=\""
	    "https://schema.org/Answer\">%s</div></body></html>",
	    cases[0].header);
	art = extract_page(page.data, page.len, NULL, NULL);
	assert_int_equal(art->nblocks, 1);
	assert_int_equal(art->blocks[0].kind, EXTRACT_PARAGRAPH);
	extract_free(art);

	/* One <article> with a <header> in a feed's item is no thread. */
	art = extract_fragment("<article><header><strong>ann</strong> <time>"
	    "today</time></header><p>Hello.</p></article>", 88, NULL);
	assert_int_equal(art->nblocks, 2);
	assert_int_equal(art->blocks[0].kind, EXTRACT_PARAGRAPH);
	extract_free(art);
	buf_release(&page);
	buf_release(&text);
}

/*
 * A shop's page about one product: the description and the details are
 * read, the reviews and the shelf of other products are not. head holds
 * main's attributes and the buying box buy what declare the page a
 * product (or do not); card is more of the shelf's first card.
 */
static char *
product_text(const char *head, const char *main, const char *buy,
    const char *card)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title>%s</head><body>"
	    "<header><a href=\"/\">Woodshop</a></header><main%s>"
	    "<h1>Oak stool</h1>%s"
	    "<div class=\"summary\"><p>A low stool of solid oak, joined "
	    "by hand with wedged tenons and finished with hard wax oil, "
	    "that sits as well at the hearth as at the workbench. Each "
	    "one is cut from the same board, so the grain runs on from "
	    "the seat into the legs, and no two are ever quite alike.</p>"
	    "<p>The seat is dished a little, the edges are eased, and the "
	    "legs are splayed for a steady stance on uneven floors, "
	    "which makes it a stool for a garden room as much as for a "
	    "kitchen, and one that will be handed down.</p></div>"
	    "<h2>Details</h2><ul><li>Height: 45 cm</li>"
	    "<li>Seat: 30 cm across</li><li>Wood: European oak</li>"
	    "<li>Finish: hard wax oil, matt</li><li>Weight: 3.2 kg</li>"
	    "<li>Joints: wedged through tenons</li>"
	    "<li>Made in our workshop by two joiners</li>"
	    "<li>Care: wipe with a damp cloth</li></ul>"
	    "<div class=\"product-reviews\"><h2>What buyers say</h2>"
	    "<p>Sturdy and handsome, the finish is lovely to touch and it "
	    "arrived well packed after only two days. Recommended.</p>"
	    "<p>Exactly as pictured, my daughter uses it at her desk "
	    "every day and it has not moved an inch in a year.</p></div>"
	    "<h2>More from the workshop</h2><div class=\"grid\">"
	    "<div class=\"tile\"><a href=\"/bench\">Ash bench</a> "
	    "<span>$240.00</span>%s</div>"
	    "<div class=\"tile\"><a href=\"/shelf\">Pine shelf</a> "
	    "<span>$80.00</span></div>"
	    "<div class=\"tile\"><a href=\"/tray\">Walnut tray</a> "
	    "<span>$45.00</span></div>"
	    "<div class=\"tile\"><a href=\"/box\">Cherry box</a> "
	    "<span>$60.00</span></div></div>"
	    "</main><footer>Woodshop, 3 Mill Lane</footer></body></html>";
	struct buf	 b = BUF_INIT;
	struct article	*art;
	char		*text;

	buf_addf(&b, page, head, main, buy, card);
	art = extract_page(b.data, b.len, "https://woodshop.example/oak",
	    NULL);
	text = folded_text(art);
	extract_free(art);
	buf_release(&b);
	return (text);
}

static void
test_extract_product(void **state)
{
	static const struct {
		const char	*head;
		const char	*main;
		const char	*buy;
		const char	*card;
		int		 product;
		int		 shelf;		/* the shelf is kept */
	} cases[] = {
		{ "<script type=\"application/ld+json\">{\"@context\":"
		  "\"https://schema.org\",\"@type\":\"Product\",\"name\":"
		  "\"Oak stool\",\"offers\":{\"@type\":\"Offer\",\"price\":"
		  "\"120.00\",\"priceCurrency\":\"USD\"}}</script>", "", "",
		  "", 1, 0 },
		/* A product in several colours: a group whose variants
		 * carry the offers. */
		{ "<script type=\"application/ld+json\">{\"@context\":"
		  "\"https://schema.org\",\"@type\":\"ProductGroup\",\"name\":"
		  "\"Oak stool\",\"hasVariant\":[{\"@type\":\"Product\","
		  "\"color\":\"Oak\"}]}</script>", "", "", "", 1, 0 },
		{ "<meta property=\"og:type\" content=\"product\">", "", "", "",
		  1, 0 },
		{ "", " itemscope itemtype=\"https://schema.org/Product\"", "",
		  "", 1, 0 },
		{ "", "", "<p>$120.00</p><a href=\"/cart?add=1\" class=\"btn\"> "
		  "Add to cart </a>", "",
		  1, 0 },
		/* A heading marked as the product's title, by itself or
		 * by what it holds. */
		{ "", "", "<h1 class=\"product__title\">Oak stool, waxed</h1>",
		  "", 1, 0 },
		{ "", "", "<h1><span id=\"productTitle\">Oak stool, waxed"
		  "</span></h1>", "", 1, 0 },
		/* Marked in its parts too (the brand, the model): one
		 * heading all the same. */
		{ "", "", "<h1 class=\"product-name\"><span class=\""
		  "product-name__brand\">Woodshop</span> <span class=\""
		  "product-name__model\">Oak stool, waxed</span></h1>", "", 1,
		  0 },
		{ "", "", "<h1 class=\"page-title\">Oak stool, waxed</h1>",
		  "", 0, 1 },
		/* A shop that calls every page an article in og:type. */
		{ "<meta property=\"og:type\" content=\"article\">", "",
		  "<p>$120.00</p><a href=\"/cart?add=1\">Add to cart</a>", "",
		  1, 0 },
		/* A shelf whose card holds the page's one cart button is
		 * what the page sells. */
		{ "", "", "", "<input type=\"submit\" value=\"Add to cart\">",
		  1, 1 },
		/* An article about a product (a review) is an article. */
		{ "<script type=\"application/ld+json\">[{\"@context\":"
		  "\"https://schema.org\",\"@type\":\"Article\",\"headline\":"
		  "\"Oak stool\"},{\"@type\":\"Product\",\"name\":\"Oak "
		  "stool\",\"offers\":{\"price\":\"120.00\"}}]</script>", "",
		  "", "", 0, 1 },
		/* A product declared only for its stars, and no product. */
		{ "<script type=\"application/ld+json\">{\"@context\":"
		  "\"https://schema.org\",\"@type\":\"Product\",\"name\":"
		  "\"Oak stool\",\"aggregateRating\":{\"ratingValue\":"
		  "\"4.9\"}}</script>", "", "", "", 0, 1 },
		{ "<meta property=\"og:type\" content=\"product.group\">", "",
		  "", "", 0, 1 },
		{ "", "", "", "", 0, 1 },
	};
	char	*text;
	size_t	 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		text = product_text(cases[i].head, cases[i].main,
		    cases[i].buy, cases[i].card);
		/* The details beside the description are the main region's:
		 * a product's page is read whole. */
		if (strstr(text, "A low stool of solid oak") == NULL ||
		    (cases[i].product && strstr(text, "Height: 45 cm") ==
		    NULL))
			failf("case %zu: description or details lost: %s", i,
			    text);
		if (cases[i].product && strstr(text, "Sturdy and handsome"))
			failf("case %zu: reviews kept: %s", i, text);
		if (cases[i].product &&
		    cases[i].shelf != (strstr(text, "Walnut tray") != NULL))
			failf("case %zu: shelf %s: %s", i, cases[i].shelf ?
			    "gone" : "kept", text);
		if (!cases[i].product && strstr(text, "Sturdy and handsome") ==
		    NULL)
			failf("case %zu: not a product, yet reviews gone: %s",
			    i, text);
		free(text);
	}
}

/* The description of the product that the shop's pages sell. */
#define OAK_STOOL_PROSE							\
	"<p>A low stool of solid oak, joined by hand with wedged "	\
	"tenons and finished with hard wax oil, that sits as well at "	\
	"the hearth as at the workbench. Each one is cut from the "	\
	"same board, so the grain runs on from the seat into the "	\
	"legs, and no two are ever quite alike.</p>"			\
	"<p>The seat is dished a little, the edges are eased, and the "	\
	"legs are splayed for a steady stance on uneven floors"

/*
 * A product's page takes away a shelf of other products by their prices,
 * written in the currencies of many countries, before the amount or after
 * it, with a no-break space between them or among the digits.
 */
static void
test_extract_product_prices(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title><meta property=\"og:type\" "
	    "content=\"product\"></head><body><main><h1>Oak stool</h1>"
	    OAK_STOOL_PROSE ".</p>"
	    "<h2>From the workshop</h2><div class=\"grid\">"
	    "<div class=\"tile\"><a href=\"/bench\">Ash bench</a> "
	    "<span>%s</span></div>"
	    "<div class=\"tile\"><a href=\"/shelf\">Pine shelf</a> "
	    "<span>%s</span></div>"
	    "<div class=\"tile\"><a href=\"/tray\">Walnut tray</a> "
	    "<span>%s</span></div>"
	    "<div class=\"tile\"><a href=\"/box\">Cherry box</a> "
	    "<span>%s</span></div></div></main></body></html>";
	static const char *const prices[] = {
		"1\xc2\xa0" "299,00\xc2\xa0\xd0\xbb\xd0\xb2",	/* lev */
		"\xe2\x82\xac\xc2\xa0" "45",
		"349 lei",
		"2\xe2\x80\xaf" "490\xe2\x80\xaf" "K\xc4\x8d",
		"\xe2\x82\xaa 120",
		"CZK 2 490",
	};
	struct buf	 b = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(prices); i++) {
		buf_reset(&b);
		buf_addf(&b, page, prices[i], prices[i], prices[i],
		    prices[i]);
		art = extract_page(b.data, b.len,
		    "https://woodshop.example/oak", NULL);
		text = folded_text(art);
		if (strstr(text, "A low stool of solid oak") == NULL ||
		    strstr(text, "Walnut tray") != NULL)
			failf("case %zu: %s", i, text);
		free(text);
		extract_free(art);
	}
	buf_release(&b);
}

/*
 * On a product's page, the links the main region adds to the description
 * found (a box of ways to browse the shop) do not make it read whole;
 * the same lines as plain text (details) do.
 */
static void
test_extract_product_region_links(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title><meta property=\"og:type\" "
	    "content=\"product\"></head><body><header><a href=\"/\">"
	    "Woodshop</a></header><main><h1>Oak stool</h1>"
	    "<div class=\"summary\">" OAK_STOOL_PROSE ", which makes it a "
	    "stool for a garden room as much as for a kitchen.</p><p>We oil "
	    "every stool twice before it leaves the bench, and a tin of the "
	    "same wax comes with it, enough for years of care in a busy "
	    "house.</p></div><div class=\"browse\"><h2>Browse the workshop"
	    "</h2><ul><li>%sAll stools and benches%s</li>"
	    "<li>%sStools under 100 pounds%s</li>"
	    "<li>%sStools in oak and ash%s</li>"
	    "<li>%sBenches for the hall%s</li>"
	    "<li>%sKitchen stools and chairs%s</li>"
	    "<li>%sGarden furniture in oak%s</li>"
	    "<li>%sGifts for woodworkers%s</li>"
	    "<li>%sGift cards for the workshop%s</li></ul></div></main>"
	    "<footer>Woodshop, 3 Mill Lane</footer></body></html>";
	static const struct {
		const char	*open, *close;
		int		 kept;
	} cases[] = {
		{ "<a href=\"/c\">", "</a>", 0 },
		{ "<span>", "</span>", 1 },
	};
	struct buf	 b = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].open, cases[i].close,
		    cases[i].open, cases[i].close, cases[i].open,
		    cases[i].close, cases[i].open, cases[i].close,
		    cases[i].open, cases[i].close, cases[i].open,
		    cases[i].close, cases[i].open, cases[i].close,
		    cases[i].open, cases[i].close);
		text = page_text(b.data, "https://woodshop.example/oak");
		if (strstr(text, "A low stool of solid oak") == NULL ||
		    cases[i].kept != (strstr(text, "Gifts for woodworkers") !=
		    NULL))
			failf("case %zu: %s", i, text);
		free(text);
	}
	buf_release(&b);
}

/*
 * A product's page that keeps its description in a drawer (a dialog, an
 * aside) that a button opens: the drawer that holds the description the
 * page declares is read; a dialog of another kind is not.
 */
static void
test_extract_product_description_box(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title><script type=\"application/"
	    "ld+json\">{\"@context\":\"https://schema.org\",\"@type\":"
	    "\"Product\",\"name\":\"Oak stool\",\"description\":\"%s\","
	    "\"offers\":{\"@type\":\"Offer\",\"price\":\"120.00\"}}"
	    "</script></head><body><header><a href=\"/\">Woodshop</a>"
	    "</header><main><h1>Oak stool</h1><p>$120.00</p>"
	    "<p>Free delivery on orders over $50, returns within 30 days "
	    "of purchase.</p><button>Description</button>"
	    "<div class=\"drawer\" role=\"dialog\" aria-modal=\"false\">"
	    "<aside><h5>Description</h5><div class=\"content\">"
	    OAK_STOOL_PROSE ".</p></div></aside>"
	    "</div></main><footer>Woodshop, 3 Mill Lane</footer></body>"
	    "</html>";
	static const struct {
		const char	*desc;
		int		 kept;
	} cases[] = {
		{ "A low stool of solid oak, joined by hand with wedged "
		  "tenons.", 1 },
		{ "Our stools ship flat and assemble in minutes.", 0 },
	};
	struct buf	 b = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].desc);
		text = page_text(b.data, "https://woodshop.example/oak");
		if (cases[i].kept != (strstr(text, "the grain runs on") !=
		    NULL))
			failf("case %zu: %s", i, text);
		free(text);
	}
	buf_release(&b);
}

/* A reply's quote of a post the thread has already shown goes; a short
 * quote, and one of words from elsewhere, stay. */
static void
test_extract_thread_quotes(void **state)
{
	static const char first[] = "I bought an old lathe at a farm sale "
	    "and the bed is covered in surface rust after years in a damp "
	    "barn. The ways look straight and the gears turn, but I would "
	    "rather not scratch anything. What is the gentlest way to clean "
	    "it up before I try to cut metal with it?";
	static const char manual[] = "Wipe the ways with a clean rag and "
	    "a few drops of spindle oil before each use, check the gib "
	    "screws monthly, and never leave swarf on the bed overnight, "
	    "because chips hold moisture against the iron and start rust "
	    "within a day in a cold shop.";
	const char *const quotes[] = { first, "What is the gentlest way?",
	    manual };
	const char *const replies[] = { "Plenty of light oil first.",
	    "Oil and a nylon pad.", "The manual says as much." };
	struct buf		 page = BUF_INIT, text = BUF_INIT;
	struct article		*art;
	size_t			 i;

	(void)state;
	buf_addstr(&page, "<html><body><div class=topic>");
	/* The first post in two paragraphs, quoted as one. */
	buf_addf(&page, "<div class=post><span class=username>ann</span>"
	    "<div class=content><p>%s</p><p>Thanks.</p></div></div>", first);
	for (i = 0; i < nitems(quotes); i++)
		buf_addf(&page, "<div class=post><span class=username>user%zu"
		    "</span><div class=content><blockquote>%s%s</blockquote>"
		    "<p>%s It should come up fine with patience.</p></div>"
		    "</div>", i, quotes[i], i == 0 ? "<br>Thanks." : "",
		    replies[i]);
	buf_addstr(&page, "</div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	extract_text(art, &text);
	if (count(text.data, "bought an old lathe") != 1)
		failf("the first post quoted again:\n%s", text.data);
	if (count(text.data, "What is the gentlest way?") != 1)
		failf("a short quote gone:\n%s", text.data);
	if (count(text.data, "spindle oil") != 1)
		failf("a quote from elsewhere gone:\n%s", text.data);
	for (i = 0; i < nitems(replies); i++)
		if (count(text.data, replies[i]) != 1)
			failf("reply %zu gone:\n%s", i, text.data);
	extract_free(art);
	buf_release(&text);
	buf_release(&page);
}

/*
 * A product's page that shows its code and delivery line again (for
 * another screen size, or in a bar that follows the reader) says them
 * once; an article that repeats a short line keeps both.
 */
static void
test_extract_product_repeats(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title><meta property=\"og:type\" "
	    "content=\"%s\"></head><body><main><h1>Oak stool</h1>"
	    "<p>Code: OS-120</p><p>Ships within three days</p>"
	    OAK_STOOL_PROSE ", which "
	    "makes it a stool for a garden room as much as a kitchen.</p>"
	    "<div class=\"bar\"><p>Code: OS-120</p>"
	    "<p>Ships within three days</p></div></main></body></html>";
	static const char *const types[] = { "product", "article" };
	struct buf	 b = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i, want;

	(void)state;
	for (i = 0; i < nitems(types); i++) {
		buf_reset(&b);
		buf_addf(&b, page, types[i]);
		art = extract_page(b.data, b.len,
		    "https://woodshop.example/oak", NULL);
		text = folded_text(art);
		want = i == 0 ? 1 : 2;
		if (strstr(text, "A low stool of solid oak") == NULL ||
		    count(text, "OS-120") != want ||
		    count(text, "Ships within three days") != want)
			failf("%s: want each line %zu times: %s", types[i],
			    want, text);
		free(text);
		extract_free(art);
	}
	buf_release(&b);
}

/*
 * A shop's shelf whose later cards are still loading: their prices are
 * hidden from screen readers only (aria-hidden), and the eye sees them.
 * The cards are read whole, prices and all; a price whose words beside
 * it say the amount again for screen readers is said once.
 */
static void
test_extract_shelf_aria_prices(void **state)
{
	static const char *const names[] = {
		"Amber", "Birch", "Cedar", "Dune", "Ember", "Fern", "Gale",
		"Heath", "Iris", "Jade", "Kelp", "Lark",
	};
	struct buf	 b = BUF_INIT, want = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addf(&b, "<html><head><title>Candles</title></head><body>"
	    "<header><a href=\"/\">Chandler</a></header><main>"
	    "<h1>Candles</h1><div class=\"grid\">");
	for (i = 0; i < nitems(names); i++)
		buf_addf(&b, "<div class=\"tile\"><a href=\"/c/%zu\">"
		    "<h2>%s candle</h2></a><p aria-hidden=\"%s\">"
		    "$%zu.50</p>%s</div>", i, names[i], i < 4 ? "false" :
		    "true", 20 + i, i == 11 ? "<span class=\"sr-only\">Was "
		    "$31.50</span>" : "");
	buf_addf(&b, "</div></main><footer>Chandler Ltd</footer>"
	    "</body></html>");
	art = extract_page(b.data, b.len, "https://chandler.example/c",
	    NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(names); i++) {
		buf_reset(&want);
		buf_addf(&want, "$%zu.50", 20 + i);
		if (strstr(text, names[i]) == NULL ||
		    count(text, want.data) != 1)
			failf("card %zu: want its name and %s once: %s", i,
			    want.data, text);
	}
	free(text);
	extract_free(art);
	buf_release(&want);
	buf_release(&b);
}

/*
 * A shelf of other products that says what it is ("customers also
 * bought"), in a heading or the short line that opens it, goes from a
 * product's page whatever its size; a section beside it that the shelf's
 * name does not head stays.
 */
static void
test_extract_product_named_shelf(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title>"
	    "<meta property=\"og:type\" content=\"product\"></head><body>"
	    "<main><h1>Oak stool</h1><p>A low stool of solid oak, joined by "
	    "hand with wedged tenons and finished with hard wax oil, that "
	    "sits as well at the hearth as at the workbench.</p>"
	    "<div class=\"band\"><div class=\"box\"><div><%s>%s</%s></div>"
	    "<ul>"
	    "<li><img src=\"/a.jpg\"><h3>Linen apron</h3><p>A long apron of "
	    "washed linen with two deep pockets and ties that cross at the "
	    "back, sewn by a maker two villages away.</p></li>"
	    "<li><img src=\"/b.jpg\"><h3>Ash bench</h3><p>A bench of white "
	    "ash for two, with a seat that is shaped by hand and legs that "
	    "are splayed for a steady stance on any floor.</p></li>"
	    "<li><img src=\"/c.jpg\"><h3>Walnut tray</h3><p>A serving tray "
	    "of walnut with raised edges and cut handles, oiled to bring "
	    "out the figure of the wood, for tea in the garden.</p></li>"
	    "</ul></div>%s</div></main>"
	    "<footer>Woodshop, 3 Mill Lane</footer></body></html>";
	static const struct {
		const char	*tag;
		const char	*name;
		const char	*after;		/* more in the band */
		int		 kept;
	} cases[] = {
		{ "h2", "Customers also bought", "", 0 },
		{ "h2", "Das k\xc3\xb6nnte dir auch gefallen", "", 0 },
		{ "p", "You may also like", "", 0 },
		/* A name that is no shelf's. */
		{ "h2", "From the same workshop", "", 1 },
		/* The shelf's name does not head what follows it. */
		{ "h2", "Similar items", "<h2>Care</h2><p>Wipe the oak with a "
		  "damp cloth and oil it once a year.</p>", 0 },
	};
	struct buf	 b = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].tag, cases[i].name, cases[i].tag,
		    cases[i].after);
		text = page_text(b.data, "https://woodshop.example/oak");
		if (strstr(text, "A low stool of solid oak") == NULL)
			failf("case %zu: description lost: %s", i, text);
		if (cases[i].kept != (strstr(text, "Walnut tray") != NULL))
			failf("case %zu: shelf %s: %s", i, cases[i].kept ?
			    "gone" : "kept", text);
		if (cases[i].after[0] != '\0' &&
		    strstr(text, "Wipe the oak") == NULL)
			failf("case %zu: section after the shelf lost: %s", i,
			    text);
		free(text);
	}
	buf_release(&b);
}

/*
 * A shelf the cleaning let through (no list, no pictures) still goes by
 * its heading, when nothing but short lines stand under it; a section
 * of prose under such a name stays.
 */
static void
test_extract_product_shelf_lines(void **state)
{
	static const char page[] =
	    "<html><head><title>Oak stool</title>"
	    "<meta property=\"og:type\" content=\"product\"></head><body>"
	    "<main><h1>Oak stool</h1><p>A low stool of solid oak, joined by "
	    "hand with wedged tenons and finished with hard wax oil, that "
	    "sits as well at the hearth as at the workbench.</p>"
	    "<h2>Recently viewed</h2>%s"
	    "<h2>Care</h2><p>Wipe the oak with a damp cloth, and oil it "
	    "once a year with the wax that comes with it.</p></main>"
	    "<footer>Woodshop, 3 Mill Lane</footer></body></html>";
	static const struct {
		const char	*under;
		const char	*probe;
		int		 kept;
	} cases[] = {
		{ "<div><div><a href=\"/tray\">Walnut tray</a></div>"
		  "<div>38.00 EUR</div></div><p>Start comparison</p>",
		  "38.00 EUR", 0 },
		{ "<p>Our workshop keeps the stools you looked at for a week, "
		  "so that you can come back to them when you have measured "
		  "the hearth, and it sends no reminders, offers or letters "
		  "about them to you or to anyone else.</p>",
		  "keeps the stools", 1 },
	};
	struct buf	 b = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].under);
		text = page_text(b.data, "https://woodshop.example/oak");
		if (strstr(text, "A low stool of solid oak") == NULL ||
		    strstr(text, "Wipe the oak") == NULL)
			failf("case %zu: text lost: %s", i, text);
		if (cases[i].kept != (strstr(text, cases[i].probe) != NULL))
			failf("case %zu: section %s: %s", i, cases[i].kept ?
			    "gone" : "kept", text);
		free(text);
	}
	buf_release(&b);
}

/*
 * The fine print of a page that sells (a disclaimer, by its class) goes;
 * an article's disclaimer is the article's and stays.
 */
static void
test_extract_fine_print(void **state)
{
	static const char page[] =
	    "<html><head><title>Tern 7 phone</title>%s</head><body><main>"
	    "<h1>Tern 7 phone</h1><p>A phone of recycled aluminium with a "
	    "screen that stays readable in bright sun, a battery that lasts "
	    "two days of ordinary use, and a camera that keeps its colours "
	    "true at dusk.</p><p>It comes in three colours and two sizes, "
	    "and every part of it can be replaced with a screwdriver.</p>"
	    "<div class=\"page-disclaimer\"><p>* Battery life is measured "
	    "in a laboratory and varies with settings and signal.</p></div>"
	    "</main><footer>Tern, 1 Quay Street</footer></body></html>";
	static const struct {
		const char	*head;
		int		 kept;
	} cases[] = {
		{ "", 0 },
		{ "<meta property=\"og:type\" content=\"product\">", 0 },
		{ "<meta property=\"og:type\" content=\"article\">", 1 },
	};
	struct buf	 b = BUF_INIT;
	char		*text;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].head);
		text = page_text(b.data, "https://tern.example/7");
		if (strstr(text, "A phone of recycled aluminium") == NULL)
			failf("case %zu: description lost: %s", i, text);
		if (cases[i].kept != (strstr(text, "Battery life is measured")
		    != NULL))
			failf("case %zu: disclaimer %s: %s", i, cases[i].kept ?
			    "gone" : "kept", text);
		free(text);
	}
	buf_release(&b);
}

/*
 * A product page's reviews that their heading names go, in a list of
 * their own, whatever their classes say.
 */
static void
test_extract_product_named_reviews(void **state)
{
	char	*text;

	(void)state;
	text = product_text("<meta property=\"og:type\" content=\"product\">",
	    "", "<section class=\"rpx-widget\"><h2>What our customers say"
	    "</h2><ul><li><b>Ann</b> Solid and warm to the touch, it "
	    "has stood by our stove for a winter.</li><li><b>Joe</b> "
	    "Came in two days and the grain is lovely.</li><li><b>Bea"
	    "</b> A second one is on its way.</li></ul></section>", "");
	if (strstr(text, "A low stool of solid oak") == NULL ||
	    strstr(text, "Height: 45 cm") == NULL)
		failf("description or details lost: %s", text);
	if (strstr(text, "warm to the touch") != NULL ||
	    strstr(text, "What our customers") != NULL)
		failf("reviews kept: %s", text);
	free(text);
}

/*
 * Words said twice in one element, the second time for screen readers
 * or for another screen, are read once; words said twice apart stay.
 */
static void
test_extract_screen_reader_copy(void **state)
{
	char	*text;

	(void)state;
	text = product_text("<meta property=\"og:type\" content=\"product\">",
	    "", "<p class=\"price\"><span>$120.00<span class=\"clipped\">"
	    "$120.00</span></span></p><p>Listed <span><span aria-hidden="
	    "\"true\">Mon, Apr 22</span><span class=\"offscreen\">Mon, "
	    "Apr 22</span></span></p><p>Sold by <b>Mill Lane</b> Mill "
	    "Lane Joinery</p>", "");
	if (strstr(text, "A low stool of solid oak") == NULL ||
	    count(text, "$120.00") != 1 || count(text, "Apr 22") != 1)
		failf("a copy read again, or the words lost: %s", text);
	if (strstr(text, "Mill Lane Mill Lane Joinery") == NULL)
		failf("words said twice apart lost: %s", text);
	free(text);
}

/* A product page's sign-up for news of it (an e-mail field) goes. */
static void
test_extract_product_signup(void **state)
{
	char	*text;

	(void)state;
	text = product_text("<meta property=\"og:type\" content=\"product\">",
	    "", "<div class=\"notify\"><p>Tell me when it is back in "
	    "the workshop</p><input type=\"email\" name=\"email\">"
	    "<button>Notify me</button></div>", "");
	if (strstr(text, "A low stool of solid oak") == NULL ||
	    strstr(text, "Height: 45 cm") == NULL)
		failf("description or details lost: %s", text);
	if (strstr(text, "back in the workshop") != NULL)
		failf("sign-up kept: %s", text);
	free(text);
}

/*
 * A product page's fields named for programs (as a shop's template lists
 * them, by their keys) go, name and value; fields named for readers
 * stay, in a list of names and values or in a table.
 */
static void
test_extract_product_field_keys(void **state)
{
	char	*text;

	(void)state;
	text = product_text("<meta property=\"og:type\" content=\"product\">",
	    "", "<dl class=\"info\"><dt>Maker:</dt><dd>Two joiners</dd>"
	    "<dt>price_tier_2:</dt><dd>$60.00_10+ items</dd>"
	    "<dt>thumb_Natural oak:</dt>"
	    "<dd>https://img.example/thumbs/oak_natural_160.jpg</dd>"
	    "</dl><table><tr><th>Joints</th><td>Wedged</td></tr>"
	    "<tr><th>swatch_url</th><td>https://img.example/sw.png</td>"
	    "</tr></table>", "");
	if (strstr(text, "A low stool of solid oak") == NULL ||
	    strstr(text, "Two joiners") == NULL ||
	    strstr(text, "Wedged") == NULL)
		failf("description or fields lost: %s", text);
	if (strstr(text, "price_tier") != NULL ||
	    strstr(text, "10+ items") != NULL ||
	    strstr(text, "oak_natural") != NULL ||
	    strstr(text, "sw.png") != NULL)
		failf("fields for programs kept: %s", text);
	free(text);
}

/* Count the post blocks of a page. */
static size_t
count_posts(const char *page)
{
	struct article	*art;
	size_t		 i, n = 0;

	art = extract_page(page, strlen(page), NULL, NULL);
	for (i = 0; i < art->nblocks; i++)
		n += art->blocks[i].kind == EXTRACT_POST;
	extract_free(art);
	return (n);
}

/* A run of posts deep inside the region the scoring picks is the thread;
 * a run of cards whose headings link elsewhere is none. */
static void
test_extract_thread_found(void **state)
{
	static const char *const posts[] = {
		"I bought an old lathe at a farm sale and the bed is covered "
		"in surface rust. What is the gentlest way to clean it?",
		"Plenty of light oil and a fine nylon pad first, then wipe it "
		"all off and look again before reaching for anything harsher.",
		"For the pitted patches an old razor blade held nearly flat "
		"works well, but go slowly and keep the surface wet with oil.",
		"Done, thank you both. The bed came up better than I hoped "
		"and the carriage runs smoothly along it now.",
	};
	struct buf	 page = BUF_INIT;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><body><div class=page><div class=wrap><h1>"
	    "Rust on the lathe bed</h1><div class=pagination>Page 1 of 1"
	    "</div><div class=topic>");
	for (i = 0; i < nitems(posts); i++)
		buf_addf(&page, "<div class=post><div class=postprofile><span "
		    "class=username>user%zu</span></div><div class=postbody>"
		    "<time datetime=2024-03-0%zu>March %zu</time><div class="
		    "content>%s</div></div></div>", i, i + 1, i + 1, posts[i]);
	buf_addstr(&page, "</div></div></div></body></html>");
	assert_int_equal(count_posts(page.data), nitems(posts));

	/* A question and its one answer are a thread too. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=page><div class=wrap><h1>"
	    "Rust on the lathe bed</h1><div class=topic>");
	for (i = 0; i < 2; i++)
		buf_addf(&page, "<div class=post><div class=postprofile><span "
		    "class=username>user%zu</span></div><div class=postbody>"
		    "<time datetime=2024-03-0%zu>March %zu</time><div class="
		    "content>%s</div></div></div>", i, i + 1, i + 1, posts[i]);
	buf_addstr(&page, "</div></div></div></body></html>");
	assert_int_equal(count_posts(page.data), 2);

	/* An article and two short boxes named as posts (the previous
	 * and the next one) beside it: no thread. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=page><div class=story><h1>"
	    "Harbour</h1>");
	for (i = 0; i < 6; i++)
		buf_addf(&page, "<p>The harbour empties in the afternoon, when "
		    "the tide turns and the last of the boats slip out past the "
		    "breakwater, and the gulls follow them (%zu).</p>", i);
	buf_addstr(&page, "</div><div class=nav>");
	for (i = 0; i < 2; i++)
		buf_addf(&page, "<div class=post><span class=author>ann</span>"
		    "<p>%s</p></div>", posts[i]);
	buf_addstr(&page, "</div></div></body></html>");
	assert_int_equal(count_posts(page.data), 0);

	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=page><div class=wrap><h1>"
	    "News</h1><div class=posts>");
	for (i = 0; i < nitems(posts); i++)
		buf_addf(&page, "<div class=post-card><h2><a href=/news/%zu>"
		    "Story number %zu of the week</a></h2><span class=author>"
		    "ann</span><time datetime=2024-03-0%zu>March %zu</time>"
		    "<p>%s</p></div>", i, i, i + 1, i + 1, posts[i]);
	buf_addstr(&page, "</div></div></div></body></html>");
	assert_int_equal(count_posts(page.data), 0);
	buf_release(&page);
}

/*
 * A page that declares itself an article but is a list of cards, each a
 * heading that links to a story, a teaser on some, and who wrote it:
 * cleaning keeps only the teasers, and the cards left out tell that the
 * list is the page's text, each headline with it.
 */
static void
test_extract_cards_declared(void **state)
{
	static const char *const heads[] = {
		"Port reopens after a week of strikes over pay as the first "
		"grain ships unload",
		"Bread prices rise for a third month in a row as flour mills "
		"pass on their costs",
		"Central bank holds its rate at four percent and waits for "
		"more figures",
		"Late frost in the north cuts the apple harvest by a third, "
		"farmers say",
		"New rail line between the two largest cities to open in "
		"autumn, two years late",
		"Card payments now make up nine in ten sales at small shops, "
		"a survey finds",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Economy</title><script type="
	    "\"application/ld+json\">"
	    "{\"@type\": \"NewsArticle\", \"headline\": \"Economy\"}"
	    "</script></head><body><header><nav><a href=/>Home</a> <a href="
	    "/news>News</a> <a href=/sport>Sport</a></nav></header><main><h1>Economy</h1><section><h2>Latest</h2>");
	for (i = 0; i < nitems(heads); i++)
		buf_addf(&page, "<article class=post-card><div class=post-card__"
		    "wrap><a class=post-card__link href=/economy/%zu><h2 class="
		    "post-card__title><span>%s</span></h2></a>%s</div><footer "
		    "class=post-card__footer><span class=author>By Ann Lee and Tom Berg</span>"
		    " <span class=date>published on %zu March 2024, four "
		    "minutes to read</span></footer></article>", i, heads[i],
		    i % 2 == 0 ? "<p>The first ships are unloading grain this "
		    "morning, and more wait outside the harbour wall for a "
		    "berth, their crews glad the long wait is over.</p>" : "",
		    i + 1);
	buf_addstr(&page, "</section></main><footer>");
	for (i = 0; i < 5; i++)
		buf_addstr(&page, "<p>Our newsroom follows the code of the "
		    "press council, and every correction is noted at the foot "
		    "of the story it concerns.</p>");
	buf_addstr(&page, "</footer></body></html>");
	art = extract_page(page.data, page.len, "https://news.example/economy",
	    NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(heads); i++)
		if (strstr(text, heads[i]) == NULL)
			failf("card %zu's headline lost: %s", i, text);
	if (strstr(text, "press council") != NULL)
		failf("footer kept: %s", text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/*
 * What a thread keeps: a short post among its links, the replies nested
 * in a post as posts of their own, the question a page declares above
 * its answers; and what is no thread: a run of like boxes beside the
 * article rather than around it, or comments on a short article.
 */
static void
test_extract_thread_parts(void **state)
{
	static const char long_post[] = "It depends on the %s, and on what "
	    "the yard pays that week for clean scrap, which can change a lot "
	    "from one month to the next.";
	static const char *const words[] = { "metal", "tin", "grade",
	    "state" };
	static const char question[] = "My sourdough goes stale in two days, "
	    "even wrapped in a towel on the counter. Is there a better way "
	    "that does not involve the fridge?";
	struct buf	 page = BUF_INIT, text = BUF_INIT;
	struct article	*art;
	size_t		 i;

	(void)state;
	/* Each post: a line of links, then its body. */
	buf_addstr(&page, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"DiscussionForumPosting\"}</script></head><body>"
	    "<div class=page><h1>Is tin worth recycling?</h1><div class="
	    "replies>");
#define META(a) "<div class=reply><div class=meta><a class=author " \
	    "href=/u/" a ">" a "</a> <a href=/c/1>link</a> <a href=/flag>" \
	    "flag</a> <a href=/r>reply</a></div><div class=comment-body>"
	buf_addstr(&page, META("ann"));
	buf_addf(&page, long_post, "can");
	buf_addstr(&page, "</div><div class=children>" META("bob")
	    "Ours does.</div></div></div></div>");
	buf_addstr(&page, META("dan") "No, <a href=/faq>read this</a>."
	    "</div></div><div class=indented>" META("eve") "Mine too.</div>"
	    "</div></div>");
	for (i = 0; i < nitems(words); i++) {
		buf_addf(&page, META("user%zu"), i, i);
		buf_addf(&page, long_post, words[i]);
		buf_addstr(&page, "</div></div>");
	}
#undef META
	buf_addstr(&page, "</div></div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	assert_int_equal(art->nblocks, 4 + nitems(words));
	for (i = 0; i < art->nblocks; i++)
		assert_int_equal(art->blocks[i].kind, EXTRACT_POST);
	assert_string_equal(art->blocks[1].author, "bob");
	extract_text(art, &text);
	if (strstr(text.data, "Ours does.") == NULL ||
	    strstr(text.data, "No, read this.") == NULL)
		failf("a short post lost:\n%s", text.data);
	extract_free(art);

	/* The question above a run of answers. */
	buf_reset(&page);
	buf_addf(&page, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\":\"QAPage\",\"mainEntity\":{\"@type\":\"Question\","
	    "\"text\":\"%s\"}}</script></head><body><div class=page><h1>"
	    "Keeping bread</h1><div class=question><span class=username>ann"
	    "</span><div class=question-body><p>%s</p></div></div><div "
	    "class=answers>", question, question);
	for (i = 0; i < nitems(words); i++) {
		buf_addf(&page, "<div class=answer><span class=username>user%zu"
		    "</span><div class=answer-body><p>", i);
		buf_addf(&page, long_post, words[i]);
		buf_addstr(&page, "</p></div></div>");
	}
	buf_addstr(&page, "</div></div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	assert_true(art->nblocks > nitems(words));
	assert_int_equal(art->blocks[0].kind, EXTRACT_PARAGRAPH);
	assert_non_null(strstr(art->blocks[0].spans[0].text,
	    "My sourdough goes stale"));
	assert_int_equal(art->blocks[art->nblocks - 1].kind, EXTRACT_POST);
	extract_free(art);

	/* A question that holds its answers: what follows the last answer,
	 * at any level, is the site's. */
	buf_reset(&page);
	buf_addf(&page, "<html><body itemscope itemtype=\"https://schema."
	    "org/QAPage\"><div itemscope itemtype=\"https://schema.org/"
	    "Question\"><h1>Keeping bread</h1><p>%s</p><div class=answers>",
	    question);
	for (i = 0; i < 2; i++) {
		buf_addf(&page, "<div itemscope itemtype=\"https://schema.org/"
		    "Answer\"><span class=username>user%zu</span><p>", i);
		buf_addf(&page, long_post, words[i]);
		buf_addstr(&page, "</p></div>");
	}
	buf_addstr(&page, "<h2>Your answer</h2><p>Sign up using email and "
	    "password</p><p>Post as a guest</p></div><p>Explore related "
	    "questions</p></div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	buf_reset(&text);
	extract_text(art, &text);
	if (strstr(text.data, "Sign up") != NULL ||
	    strstr(text.data, "Post as a guest") != NULL ||
	    strstr(text.data, "Explore related") != NULL)
		failf("kept what follows the answers:\n%s", text.data);
	assert_non_null(strstr(text.data, "the yard pays"));
	extract_free(art);

	/* The opening post in a box of its own, the replies after it and a
	 * heading named for them. */
	buf_reset(&page);
	buf_addf(&page, "<html><body><div class=topic><div class=firstPostBox>"
	    "<div class=\"post first\"><span class=username>ann</span><div "
	    "class=postBody><p>%s</p></div></div></div><div class=replies>"
	    "3 replies</div>", question);
	for (i = 0; i < 3; i++) {
		buf_addf(&page, "<div class=post><span class=username>user%zu"
		    "</span><div class=postBody><p>", i);
		buf_addf(&page, long_post, words[i]);
		buf_addstr(&page, "</p></div></div>");
	}
	buf_addstr(&page, "</div></body></html>");
	assert_int_equal(count_posts(page.data), 3);

	/* Replies typed as comments in microdata, in a section precleaning
	 * takes for comments, under a long first post. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=container><div class=thread>"
	    "<h1>Scrap prices</h1><div class=opening>");
	for (i = 0; i < 4; i++)
		buf_addf(&page, "<p>Our council collects tin, steel and "
		    "aluminium in one bin, and I wonder whether sorting it "
		    "myself and driving it to the yard would be worth the "
		    "petrol and the afternoon it takes (%zu).</p>", i);
	buf_addstr(&page, "</div><section id=comments><ul class=board>");
	for (i = 0; i < 12; i++) {
		buf_addf(&page, "<li class=item><span id=a%zu></span><div "
		    "class=content itemscope itemtype=\"http://schema.org/"
		    "Comment\"><span class=username>user%zu</span><p>", i, i);
		buf_addf(&page, long_post, words[i % nitems(words)]);
		buf_addf(&page, " (%zu)</p></div></li>", i);
	}
	buf_addstr(&page, "</ul></section></div></div></body></html>");
	assert_int_equal(count_posts(page.data), 12);

	/* Posts named in one word ("blockpost"), their buttons and counts
	 * (a score shown two ways and the replies) on lines of their own. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=board>");
	for (i = 0; i < 3; i++) {
		buf_addf(&page, "<div id=p%zu class=blockpost><span class="
		    "username>user%zu</span><div class=postmsg><p>#%zu</p><p>",
		    i, i, i + 1);
		buf_addf(&page, long_post, words[i]);
		buf_addstr(&page, "</p><p>2 Likes</p><p>[\xe2\x80\x93] 5 points"
		    "<span>6 points</span> (2 children)</p><p>Edited May 1 by ann"
		    "</p><p>Posts: 312</p><dl><dd>Joined: May 2019</dd></dl>"
		    "<p>{{ post.error }}</p><p><a href=/q>Quote</a>"
		    "</p><ul><li><a href=/l>permalink</a></li><li>reply</li>"
		    "</ul></div></div>");
	}
	buf_addstr(&page, "</div></body></html>");
	art = extract_page(page.data, page.len, NULL, NULL);
	assert_int_equal(art->nblocks, 3);
	for (i = 0; i < art->nblocks; i++)
		assert_int_equal(art->blocks[i].nchildren, 1);
	extract_free(art);

	/* Boxes named as posts beside the article, not around it. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body>");
	for (i = 0; i < 3; i++)
		buf_addf(&page, "<div class=post-modal><p>Sign in to post a "
		    "comment on this story. Members can reply, follow threads "
		    "and get notified of answers, all for free (%zu).</p></div>",
		    i);
	buf_addstr(&page, "<div class=main><div class=story><h1>Harbour</h1>");
	for (i = 0; i < 6; i++)
		buf_addf(&page, "<p>The harbour empties in the afternoon, when "
		    "the tide turns and the last of the boats slip out past the "
		    "breakwater, and the gulls follow them (%zu).</p>", i);
	buf_addstr(&page, "</div></div></body></html>");
	assert_int_equal(count_posts(page.data), 0);

	/* Blocks of an article alike in tag and first class, one of them
	 * called a post's: no thread. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=page><div class=section>"
	    "<div class=\"widget widget-post-info\">ann, 3 March 2023</div>");
	for (i = 0; i < 4; i++)
		buf_addf(&page, "<div class=\"widget widget-text\"><p>The "
		    "harbour empties in the afternoon, when the tide turns and "
		    "the last of the boats slip out past the breakwater, and "
		    "the gulls follow them (%zu).</p></div>", i);
	buf_addstr(&page, "</div></div></body></html>");
	assert_int_equal(count_posts(page.data), 0);

	/* A short <article> and many comments on it: no thread. */
	buf_reset(&page);
	buf_addstr(&page, "<html><body><div class=wrap><div class=main>"
	    "<article class=post><h1>Open thread</h1><div class=entry><p>"
	    "Our goal with these open threads is to give readers a place to "
	    "raise questions about our work in public.</p><p>You are welcome "
	    "to write to us instead if you would rather discuss something "
	    "privately.</p></div></article><section id=comments><ol class="
	    "commentlist>");
	for (i = 0; i < 16; i++)
		buf_addf(&page, "<li class=comment><div class=comment-author>"
		    "reader%zu</div><p>I have wondered how you weigh the "
		    "evidence from small trials against the larger studies, "
		    "where the two disagree, and whether that has changed as "
		    "more data came in from the field (%zu).</p></li>", i, i);
	buf_addstr(&page, "</ol></section></div><div class=side><p>About us"
	    "</p></div></div></body></html>");
	assert_int_equal(count_posts(page.data), 0);
	buf_release(&page);
	buf_release(&text);
}

/* A page whose HTML holds nothing of its text (a script fetches it) is
 * read as what it says of itself. */
static void
test_extract_description(void **state)
{
	static const char page[] = "<html><head><title>Rust on the lathe "
	    "bed</title><meta property=\"og:description\" content=\"I picked "
	    "up a lathe from a farm sale and the bed is covered in surface "
	    "rust. What is the gentlest way to clean it?\"></head><body><div "
	    "id=app><div class=spinner></div></div></body></html>";
	struct article	*art;

	(void)state;
	art = extract_page(page, sizeof page - 1, NULL, NULL);
	assert_int_equal(art->nblocks, 1);
	assert_int_equal(art->blocks[0].kind, EXTRACT_PARAGRAPH);
	assert_string_equal(art->blocks[0].spans[0].text, "I picked up a "
	    "lathe from a farm sale and the bed is covered in surface rust. "
	    "What is the gentlest way to clean it?");
	extract_free(art);
}

/*
 * A section front that says it is an article (og:type) and whose cards
 * are named like nothing in particular: a heading that links to a story
 * and a teaser each. Cleaning keeps the teasers without their headlines;
 * the run of cards, with as much text as that, tells a listing.
 */
static void
test_extract_listing_cards(void **state)
{
	static const char *const heads[] = {
		"Glaciers in the south lose a tenth of their ice in one summer",
		"A small beetle turns out to pollinate half the orchids of the "
		"valley",
		"The oldest known loaf of bread was baked from barley and peas",
		"Night skies over the towns grow brighter by a tenth every year",
		"Deep sea vents host more kinds of worm than anyone counted",
		"Migrating geese follow the rivers more than the coast, tags show",
	};
	static const char *const teasers[] = {
		"Survey teams measured the ice at forty sites, and the losses "
		"were largest where the rock is dark.",
		"The beetle visits at night, when the flowers open, and carries "
		"pollen further than the bees do.",
		"Found in a pit under a hearth, the loaf is older than the first "
		"towns, the team says.",
		"Street lights are the main cause, but lit signs and windows add "
		"more than was thought.",
		"A survey of three vents found forty kinds of worm, most of them "
		"never described before.",
		"Trackers on forty birds show they rest on river banks, far from "
		"the shore, on the way north.",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Science</title><meta property="
	    "og:type content=article></head><body><div class=top><a href=/>"
	    "Home</a> <a href=/world>World</a> <a href=/science>Science</a> "
	    "<a href=/sport>Sport</a></div><div class=layout><h1>Science</h1>"
	    "<div class=stream>");
	for (i = 0; i < nitems(heads); i++)
		buf_addf(&page, "<div class=item><div class=item-info><h2 class="
		    "title><a href=/science/%zu>%s</a></h2><p class=teaser><time>"
		    "March %zu, 2024</time> %s The findings, published this "
		    "week, will be tested again next year, with more sites.</p>"
		    "</div></div>", i, heads[i], i + 1, teasers[i]);
	buf_addstr(&page, "</div></div><div class=more><h3>Elsewhere</h3><ul>");
	for (i = 0; i < 8; i++)
		buf_addf(&page, "<li><a href=/world/%zu>World story number %zu "
		    "of this week, told in brief</a></li>", i, i);
	buf_addstr(&page, "</ul></div><div class=bottom><p>The newsroom "
	    "follows the code of the press council, and every correction is "
	    "noted at the foot of the story it concerns.</p><p>Contact the "
	    "desk by letter or by telephone during office hours.</p></div>"
	    "</body></html>");
	art = extract_page(page.data, page.len,
	    "https://news.example/science", NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(heads); i++)
		if (strstr(text, heads[i]) == NULL)
			failf("card %zu's headline lost: %s", i, text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/* A card that clips what overflows it ("overflow-hidden", as CSS
 * frameworks name it) is shown, not hidden. */
static void
test_extract_clipped_cards(void **state)
{
	static const char *const heads[] = {
		"Ferry timetable changes for the winter months",
		"Library opens on Sundays from next week",
		"Roadworks close the bridge for two nights",
		"Market square gets new trees and benches",
		"School choir wins the regional competition",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Town news</title></head><body>"
	    "<main><h1>Town news</h1><div class=\"grid gap-4\">");
	for (i = 0; i < nitems(heads); i++)
		buf_addf(&page, "<div class=\"rounded-sm overflow-hidden "
		    "bg-gray-100\"><h3><a href=/news/%zu>%s</a></h3><p>What "
		    "changes, and from when, in brief.</p></div>", i, heads[i]);
	buf_addstr(&page, "</div></main></body></html>");
	art = extract_page(page.data, page.len, "https://town.example/news",
	    NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(heads); i++)
		if (strstr(text, heads[i]) == NULL)
			failf("card %zu lost: %s", i, text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/* A card laid out twice, for small screens and large, shows its lines
 * once; the lists it holds keep theirs, each item a card of its own. */
static void
test_extract_card_twice(void **state)
{
	static const char *const names[] = {
		"Evening class in pottery for beginners",
		"Guided walk along the old canal",
		"Talk on the history of the town mill",
		"Family day at the city farm",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Events this week</title></head>"
	    "<body><main><h1>Events this week</h1><ul class=results>");
	for (i = 0; i < nitems(names); i++)
		buf_addf(&page, "<li class=result><div class=small><h3><a href="
		    "/e/%zu>%s</a></h3><p>Saturday at %zu:00 PM</p><p>Free</p>"
		    "</div><div class=large><h3><a href=/e/%zu>%s</a></h3><p>"
		    "Saturday at %zu:00 PM</p><p>Free</p><p>Town hall</p></div>"
		    "<ul><li>Open to all</li><li>Booking needed</li></ul><ul><li>"
		    "Open to all</li><li>Booking needed</li></ul></li>", i,
		    names[i], i + 2, i, names[i], i + 2);
	buf_addstr(&page, "</ul><div class=more><h3>Elsewhere</h3><ul>");
	for (i = 0; i < 8; i++)
		buf_addf(&page, "<li><a href=/news/%zu>Town story number %zu of "
		    "this week, told in brief</a></li>", i, i);
	buf_addstr(&page, "</ul></div></main></body></html>");
	art = extract_page(page.data, page.len, "https://town.example/events",
	    NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(names); i++)
		if (count(text, names[i]) != 1)
			failf("card %zu not once: %s", i, text);
	if (count(text, "Free") != nitems(names) ||
	    count(text, "Town hall") != nitems(names) ||
	    count(text, "Booking needed") != 2 * nitems(names))
		failf("card lines lost or kept twice: %s", text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/* A card's head, which its class calls a "header", keeps the card's
 * title; a page's header goes. */
static void
test_extract_card_header(void **state)
{
	static const char *const titles[] = {
		"How we moved the archive to new shelves",
		"Notes from the spring meeting of the members",
		"A guide to the reading room for first visitors",
		"What the volunteers found in the attic boxes",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Blog</title><meta property="
	    "og:type content=website></head><body><div class=site-header>"
	    "<a href=/>The Archive Society</a> <a href=/about>About</a></div>"
	    "<main><h1>Blog</h1>");
	for (i = 0; i < nitems(titles); i++)
		buf_addf(&page, "<div class=card><div class=card__header><h2>"
		    "<a href=/blog/%zu>%s</a></h2><span>May %zu, 2024</span>"
		    "</div><p>A short account of the work, with pictures, for "
		    "members who could not be there.</p></div>", i, titles[i],
		    i + 1);
	buf_addstr(&page, "</main></body></html>");
	art = extract_page(page.data, page.len, "https://archive.example/blog",
	    NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(titles); i++)
		if (strstr(text, titles[i]) == NULL)
			failf("card %zu's title lost: %s", i, text);
	if (strstr(text, "Archive Society") != NULL)
		failf("page header kept: %s", text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/* In a page read whole, each entry's byline is part of the entry. */
static void
test_extract_listing_bylines(void **state)
{
	static const char *const authors[] = {
		"Mara Lindqvist", "Tomas Okafor", "Ines Barreto", "Ravi Menon",
	};
	struct buf	 page = BUF_INIT;
	struct article	*art;
	char		*text;
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><head><title>Engineering blog</title><meta "
	    "property=og:type content=website></head><body><main><h1>"
	    "Engineering blog</h1>");
	for (i = 0; i < nitems(authors); i++)
		buf_addf(&page, "<div class=card><h2><a href=/blog/%zu>Part %zu "
		    "of our series on the build system</a></h2><p>What we "
		    "changed in the build this month, and why it is faster "
		    "now.</p><span class=byline>%s, March %zu, 2024</span></div>",
		    i, i + 1, authors[i], i + 1);
	buf_addstr(&page, "</main></body></html>");
	art = extract_page(page.data, page.len,
	    "https://eng.example/blog", NULL);
	text = folded_text(art);
	for (i = 0; i < nitems(authors); i++)
		if (strstr(text, authors[i]) == NULL)
			failf("entry %zu's byline lost: %s", i, text);
	free(text);
	extract_free(art);
	buf_release(&page);
}

/* An <svg> left open in a link ends where the browser ends it: the page
 * after it is read; HTML inside the drawing's own <desc> is not. */
static void
test_extract_open_svg(void **state)
{
	static const char page[] = "<html><body><header><a href=/lang>"
	    "<svg width=18 height=18 class=icon></a><svg><path d=M0/></svg>"
	    "</header><main><h1>Garden care service</h1><p>We look after "
	    "small gardens all year round, from the first mowing in spring "
	    "to the last leaves of autumn, for a fixed price a month.</p>"
	    "<svg viewBox=\"0 0 9 9\"><a href=/plan><desc><p>Hover text of "
	    "the drawing, shown by a script only.</p></desc></a></svg>"
	    "<p>Our gardeners bring their own tools, take the cuttings away "
	    "and leave a note of what they did after every visit.</p></main>"
	    "</body></html>";
	char		*t;

	(void)state;
	t = page_text(page, NULL);
	assert_non_null(strstr(t, "We look after small gardens"));
	assert_non_null(strstr(t, "leave a note of what they did"));
	assert_null(strstr(t, "Hover text"));
	free(t);
}

/* A declared article found only in part (a recipe's introduction, its
 * steps in lists the scoring does not read as prose) is read as the
 * main region whole, when that has five times its text outside links. */
static void
test_extract_declared_part(void **state)
{
	static const char *const steps[] = {
		"Mix the flour, the water and the starter in a large bowl "
		"and leave the dough covered for half an hour to rest.",
		"Add the salt with a splash of water, squeeze it through "
		"the dough with wet hands until none of it is left dry.",
		"Fold the dough over itself four times at half-hourly "
		"intervals, turning the bowl a quarter between folds.",
		"Shape it into a tight round loaf, dust it with flour and "
		"let it rise in a basket in the fridge over the night.",
		"Bake it in a covered pot in a very hot oven for twenty "
		"minutes, then uncovered until the crust is dark brown.",
		"Let the bread cool on a rack for at least an hour before "
		"cutting it, or the crumb will be gummy and close.",
	};
	struct buf	 b = BUF_INIT;
	struct article	*art;
	char		*t;
	size_t		 i, k;

	(void)state;
	buf_addstr(&b, "<html><head><script type=\"application/ld+json\">"
	    "{\"@type\": \"Article\", \"headline\": \"Everyday bread\"}"
	    "</script></head><body><main><h1>Everyday bread</h1>"
	    "<div class=intro><p>This is the loaf we bake every week: a "
	    "plain sourdough that needs no kneading, only a few folds "
	    "and a night in the fridge, and fits around a working day.</p>"
	    "</div>");
	for (k = 0; k < 2; k++) {
		buf_addstr(&b, k == 0 ? "<div class=steps><h2>Day one</h2>"
		    "<ol>" : "<div class=steps><h2>Day two</h2><ol>");
		for (i = k * 3; i < nitems(steps); i++) {
			buf_addstr(&b, "<li>");
			buf_addstr(&b, steps[i]);
			buf_addstr(&b, "</li>");
		}
		buf_addstr(&b, "</ol></div>");
	}
	buf_addstr(&b, "</main></body></html>");
	art = extract_page(b.data, b.len, NULL, NULL);
	t = folded_text(art);
	assert_non_null(strstr(t, "This is the loaf we bake"));
	assert_non_null(strstr(t, "Fold the dough over itself"));
	free(t);
	extract_free(art);
	buf_release(&b);
}

/* A part of the page streamed after its shell (hidden at the end, moved
 * in place by a script) is read where it belongs, over its fallback. */
static void
test_extract_streamed(void **state)
{
	static const char page[] = "<html><body><main><h1>Window cleaning"
	    "</h1><p>We clean the windows of houses and small offices in "
	    "town every fortnight, inside and out, frames and sills too.</p>"
	    "<!--$?--><template id=\"B:0\"></template><p>Loading reviews"
	    "</p><!--/$--><p>Book a first visit by phone and we will come "
	    "round to give you a price for the year at no charge.</p></main>"
	    "<footer>Footer</footer><div hidden id=\"S:0\"><p>Our customers "
	    "say the ladders never touch the walls and the gutters are "
	    "checked on every visit, which saves them a call later.</p></div>"
	    "<script>$RC(\"B:0\",\"S:0\")</script></body></html>";
	char		*t, *a, *b, *c;

	(void)state;
	t = page_text(page, NULL);
	a = strstr(t, "We clean the windows");
	b = strstr(t, "Our customers say");
	c = strstr(t, "Book a first visit");
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	assert_true(a < b && b < c);
	assert_null(strstr(t, "Loading reviews"));
	free(t);
}

/*
 * Segments are numbered in hexadecimal ("B:a", "S:1f"), and a segment
 * may hold the place of another in a template "P:n" of its own (a part
 * that came later than the part around it): each is read in its place,
 * the parts of a post in order.
 */
static void
test_extract_streamed_nested(void **state)
{
	static const char page[] = "<html><body><main><h1>Window cleaning"
	    "</h1><p>We clean the windows of houses and small offices in "
	    "town every fortnight, inside and out, frames and sills too.</p>"
	    "<!--$?--><template id=\"B:a\"></template><p>Loading</p><!--/$-->"
	    "<p>Book a first visit by phone and we will come round to give "
	    "you a price for the year at no charge.</p></main>"
	    "<footer>Footer</footer>"
	    "<div hidden id=\"S:a\"><p>Our customers say the ladders never "
	    "touch the walls and the gutters are checked on every visit.</p>"
	    "<template id=\"P:1f\"></template><p>Prices are per window and "
	    "per visit, with no contract to sign and nothing to pay ahead.</p>"
	    "</div><script>$RC(\"B:a\",\"S:a\")</script>"
	    "<div hidden id=\"S:1f\"><p>Skylights and conservatory roofs "
	    "are cleaned from the inside with a pole, never from the roof.</p>"
	    "</div><script>$RS(\"S:1f\",\"P:1f\")</script></body></html>";
	const char	*want[] = { "We clean the windows", "Our customers say",
	    "Skylights and conservatory", "Prices are per window",
	    "Book a first visit" };
	char		*t, *at, *last = NULL;
	size_t		 i;

	(void)state;
	t = page_text(page, NULL);
	for (i = 0; i < nitems(want); i++) {
		if ((at = strstr(t, want[i])) == NULL || at < last)
			failf("\"%s\" missing or out of order: %s", want[i], t);
		last = at;
	}
	assert_null(strstr(t, "Loading"));
	free(t);
}

/*
 * A page that streams more segments than pages do, or whose fallback has
 * no end near its template, is hostile: the first 256 segments move in
 * place, the rest stay where they are (hidden), and a fallback whose end
 * is not within 64 KB stays too, so that each template costs little.
 */
static void
test_extract_streamed_bounds(void **state)
{
	struct buf	 page = BUF_INIT, out = BUF_INIT, ld = BUF_INIT;
	const char	*end;
	char		 word[32];
	size_t		 i;

	(void)state;
	buf_addstr(&page, "<html><body>");
	for (i = 0; i < 300; i++)
		buf_addf(&page, "<template id=\"B:%zu\"></template>", i);
	buf_addstr(&page, "<p>END</p>");
	for (i = 0; i < 300; i++)
		buf_addf(&page, "<div hidden id=\"S:%zu\"><p>seg%zu.</p></div>",
		    i, i);
	buf_addstr(&page, "<template id=\"B:9999\"></template>");
	for (i = 0; i < 70 * 1024 / 16; i++)
		buf_addstr(&page, "<p>fallback..</p>");
	buf_addstr(&page, "<!--/$--><div hidden id=\"S:9999\"><p>late.</p>"
	    "</div></body></html>");
	html_strip(page.data, page.len, &out, &ld);
	buf_addch(&out, '\0');
	end = strstr(out.data, "<p>END</p>");
	assert_non_null(end);
	for (i = 0; i < 300; i++) {
		snprintf(word, sizeof word, "seg%zu.", i);
		if (strstr(out.data, word) == NULL)
			failf("%s lost", word);
		if ((strstr(out.data, word) < end) != (i < 256))
			failf("%s %s", word, i < 256 ? "not moved" :
			    "moved past the bound");
	}
	assert_non_null(strstr(out.data, "fallback.."));
	buf_release(&page);
	buf_release(&out);
	buf_release(&ld);
}


/* html_undouble() of in gives want. */
static void
undouble_check(const char *in, const char *want)
{
	char	*s = xstrdup(in);

	s[html_undouble(s, strlen(s))] = '\0';
	if (strcmp(s, want) != 0)
		failf("undouble(\"%s\") = \"%s\", not \"%s\"", in, s, want);
	free(s);
}
/*
 * A page that went through one wrong conversion ("don\xc3\xa2\xc2\x80\xc2\x99t"
 * for "don't", with C1 controls the HTML parser would turn into U+FFFD)
 * is read repaired, a text between tags at a time: a text whose
 * characters do not all fit the pattern (German "Stra\xc3\x9fe\xe2\x80\x9c",
 * a real "caf\xc3\xa9") is left as it is, on the same page.
 */
static void
test_extract_double_encoded(void **state)
{
	static const char page[] =
	    "<html><head><title>Caf\xc3\x83\xc2\xa9 notes</title></head><body>"
	    "<article><h1>Caf\xc3\x83\xc2\xa9 notes</h1>"
	    "<p>We don\xc3\xa2\xc2\x80\xc2\x99t roast on Sundays\xc3\xa2\xc2\x80\xc2\x94"
	    "the <a href=\"/x\">ovens</a>\xc3\xa2\xc2\x80\xc2\x94rest, and the "
	    "beans keep their taste for a week or two in a closed jar.</p>"
	    "<p>\xe2\x80\x9eGro\xc3\x9f\xe2\x80\x9c, said the baker in the "
	    "Stra\xc3\x9f" "e by the caf\xc3\xa9, was the word for it all year.</p>"
	    "</article></body></html>";
	struct article	*art;
	struct buf	 b = BUF_INIT;
	char		*text;

	(void)state;
	art = extract_page(page, strlen(page), "https://cafe.example/notes",
	    NULL);
	assert_string_equal(art->title, "Caf\xc3\xa9 notes");
	text = folded_text(art);
	extract_free(art);
	if (strstr(text, "We don\xe2\x80\x99t roast on Sundays\xe2\x80\x94the "
	    "ovens") == NULL || strstr(text, "\xe2\x80\x94rest,") == NULL)
		failf("not repaired: %s", text);
	if (strstr(text, "\xe2\x80\x9eGro\xc3\x9f\xe2\x80\x9c, said") == NULL ||
	    strstr(text, "by the caf\xc3\xa9,") == NULL)
		failf("a right text changed: %s", text);
	free(text);

	/* Tags and attributes stay as they were; only texts shrink. */
	buf_addstr(&b, "<p title=\"\xc3\x83\xc2\xa9\">a\xc3\x83\xc2\xa9<br>"
	    "\xc3\x83\xc2\xa9 \xc3\xa9</p>");
	html_undouble_text(&b);
	assert_string_equal(b.data, "<p title=\"\xc3\x83\xc2\xa9\">a\xc3\xa9<br>"
	    "\xc3\x83\xc2\xa9 \xc3\xa9</p>");
	buf_release(&b);
	/* Accented text whose characters past ASCII happen to spell one
	 * ideograph stays; a double-encoded word of ideographs is repaired. */
	undouble_check("caf\xc3\xa9\xc2\xa0\xe2\x80\xa6",
	    "caf\xc3\xa9\xc2\xa0\xe2\x80\xa6");
	undouble_check("en \xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb fin",
	    "en \xc3\xa9t\xc3\xa9\xc2\xa0\xc2\xbb fin");
	/* U+7528 U+306E, each byte read as windows-1252 and encoded again */
	undouble_check("iPhone\xc3\xa7\xe2\x80\x9d\xc2\xa8\xc3\xa3\xc2\x81"
	    "\xc2\xae", "iPhone\xe7\x94\xa8\xe3\x81\xae");
	undouble_check("don\xc3\xa2\xe2\x82\xac\xe2\x84\xa2t",
	    "don\xe2\x80\x99t");
}

/*
 * A box whose class speaks of comments but that holds the post's own
 * body (a page's "comment on a selection" feature) is read; a comments
 * section whose replies each have a "post-body" stays out.
 */
static void
test_extract_comment_wrapper(void **state)
{
	static const char page[] = "<html><body><header><a href=\"/\">Home"
	    "</a></header><main><h1>Reading old maps</h1>"
	    "<div class=\"commentOnSelection\"><div id=\"postContent\">"
	    "<p>Old maps were drawn for sailors, soldiers and tax collectors, "
	    "and each of them left out what the others needed most.</p>"
	    "<p>A coastline on a chart for sailors is precise to the rock, "
	    "while the land behind it is often a blank with a few names.</p>"
	    "<p>Maps for tax collectors, on the other hand, show every field "
	    "and its owner but hardly bother with the roads between them.</p>"
	    "</div></div>"
	    "<div class=\"comments\"><h2>Comments</h2>"
	    "<div class=\"comment\"><div class=\"post-body\"><p>Great read, "
	    "thanks for writing this up so clearly for the rest of us.</p>"
	    "</div></div><div class=\"comment\"><div class=\"post-body\"><p>"
	    "I have a map like that from my grandfather, it is lovely.</p>"
	    "</div></div></div></main></body></html>";
	char		*t;

	(void)state;
	t = page_text(page, "https://maps.example/old");
	if (strstr(t, "Old maps were drawn") == NULL ||
	    strstr(t, "Maps for tax collectors") == NULL)
		failf("the post is lost: %s", t);
	if (strstr(t, "Great read") != NULL || strstr(t, "grandfather") != NULL)
		failf("comments kept: %s", t);
	free(t);
}

/* A spacer paragraph of a zero-width joiner or space is no paragraph;
 * a joiner inside text (an emoji sequence) stays. */
static void
test_extract_zero_width(void **state)
{
	static const char page[] = "<html><body><article><h1>Tide tables"
	    "</h1><p>The tide comes in twice a day, a little under an hour "
	    "later each day than the day before.</p><p>\xe2\x80\x8d</p>"
	    "<p> \xe2\x80\x8b&nbsp;</p><p>Spring tides follow the full and the "
	    "new moon \xf0\x9f\x8c\x8a\xe2\x80\x8d\xf0\x9f\x8c\x95 and rise "
	    "highest.</p></article></body></html>";
	char		*t;

	(void)state;
	t = page_text(page, "https://sea.example/tides");
	if (strstr(t, "before. Spring tides") == NULL)
		failf("a spacer paragraph is read: %s", t);
	if (strstr(t, "\xf0\x9f\x8c\x8a\xe2\x80\x8d\xf0\x9f\x8c\x95") == NULL)
		failf("the joiner in text is gone: %s", t);
	free(t);
}

/* On the home page, the site's name is the title. */
static void
test_extract_title_home(void **state)
{
	static const char page[] = "<html><head><title>Fernway</title>"
	    "<meta property=og:site_name content=\"Fernway\"></head><body>"
	    "<h1>Walks for every week of the year</h1><p>Body text that is "
	    "long enough to be read as an article by the extractor, with a "
	    "comma, and a full stop.</p></body></html>";
	struct article	*art;

	(void)state;
	art = extract_page(page, strlen(page), "https://fernway.example/",
	    NULL);
	assert_non_null(art->title);
	assert_string_equal(art->title, "Fernway");
	extract_free(art);
}

/* A class token with an arbitrary value in brackets is CSS, whatever
 * words are in it: "banner" there does not make the section furniture. */
static void
test_extract_bracket_class(void **state)
{
	static const char page[] = "<html><body><div><section class=\""
	    "grid has-[[data-slot=banner]]:pt-0\"><p>The first part of the "
	    "story: the ferry left the harbour an hour late, with the fog "
	    "still lying over the water and the horn sounding.</p><p>Halfway "
	    "across, the engines stopped, and for a long while the only "
	    "sound was the water slapping against the hull.</p></section>"
	    "<section class=grid><p>The second part: a tug came out from the "
	    "far side, and by noon the ferry was tied up at the quay, its "
	    "passengers cold, hungry and glad to be ashore.</p><p>The company "
	    "said the fault was in the fuel pump, and that the ship would be "
	    "back in service after an inspection next week.</p><p>Most of the "
	    "passengers, asked whether they would sail again, said that they "
	    "had no other way to get home and laughed about it.</p><p>The "
	    "harbour master said a second ferry would run on the route from "
	    "the spring, so that one breakdown no longer strands a town.</p>"
	    "</section>"
	    "</div></body></html>";
	char		*t;

	(void)state;
	t = page_text(page, NULL);
	assert_non_null(strstr(t, "the ferry left the harbour"));
	assert_non_null(strstr(t, "a tug came out"));
	free(t);
}

/* The fine print of an offer, in a box its class calls a disclaimer, is
 * not part of the text. */
static void
test_extract_disclaimer(void **state)
{
	static const char page[] = "<html><body><article><h1>Lawn care "
	    "plans</h1><p>Our lawn care plan covers mowing, edging and "
	    "feeding from March to October, with a visit every other week "
	    "and a report of what was done.</p><p>The plan suits gardens of "
	    "up to three hundred square metres; larger ones get a price of "
	    "their own after a first visit to measure them.</p><p>Leaves are "
	    "cleared in the autumn at no extra cost, and the cuttings are "
	    "taken away to be composted.</p><div class=\"offer-disclaimer\">"
	    "<p>*Discount for new customers only, on a twelve-month plan paid "
	    "monthly; it cannot be combined with other offers.</p></div>"
	    "</article></body></html>";
	char		*t;

	(void)state;
	t = page_text(page, NULL);
	assert_non_null(strstr(t, "Leaves are cleared in the autumn"));
	assert_null(strstr(t, "Discount for new customers"));
	free(t);
}

/* An article's reading time and the title of its table of contents are
 * interface, in several languages; a duration in the text is not. */
static void
test_extract_read_time(void **state)
{
	static const char page[] = "<html><body><article><h1>Cleaning a "
	    "cast iron pan</h1><p>6 min read</p><p>Reading time: 8 minutes"
	    "</p><p>4 Min. Lesezeit</p><h2>Table of contents</h2><p>A cast "
	    "iron pan needs little care, but what it needs it needs every "
	    "time: hot water, a stiff brush and no soap left standing in "
	    "it.</p><p>Dry it on the hob for 5 minutes until the last drop "
	    "of water has gone, then rub in a thin film of oil.</p><p>Once "
	    "a year, strip it and season it again in the oven, upside down, "
	    "for an hour at the highest heat it will take.</p></article>"
	    "</body></html>";
	char		*t;

	(void)state;
	t = page_text(page, NULL);
	assert_null(strstr(t, "min read"));
	assert_null(strstr(t, "Reading time"));
	assert_null(strstr(t, "Lesezeit"));
	assert_null(strstr(t, "Table of contents"));
	assert_non_null(strstr(t, "Dry it on the hob for 5 minutes"));
	free(t);
}

/* A class that says what a post has ("has-comments") does not make it
 * a comment section. */
static void
test_extract_has_class(void **state)
{
	static const char page[] = "<html><body><div class=site><p>Notes "
	    "from the allotment, a blog about growing vegetables on a small "
	    "plot in town.</p></div><article class=\"blog-item has-comments "
	    "has-tags\"><h1>Late potatoes</h1><p>The second early potatoes "
	    "went in a month late this year, after the wettest April anyone "
	    "at the allotments can remember, and they have caught up.</p><p>"
	    "By the end of July the haulms were waist high, and the first "
	    "root we lifted gave a dozen potatoes the size of a fist.</p>"
	    "</article></body></html>";
	char	*t;

	(void)state;
	t = page_text(page, NULL);
	assert_non_null(strstr(t, "The second early potatoes went in"));
	assert_non_null(strstr(t, "the first root we lifted"));
	free(t);
}

/* The head of a card or a section ("card-header", "SectionFooter") is
 * part of it, not the page's header or footer. */
static void
test_extract_component_header(void **state)
{
	static const char page[] = "<html><body><div class=page><div "
	    "class=\"site-header\"><a href=/>Home</a> <a href=/plans>Plans"
	    "</a></div><div class=plans><p>We keep the books of small firms "
	    "and sole traders, from the first receipt of the year to the tax "
	    "return, and answer the phone when the tax office writes.</p><p>"
	    "Every plan comes with an accountant of your own, who knows your "
	    "firm and will not pass you on to a call centre, ever.</p><p>You "
	    "can change plans at the end of any month, and leave without a "
	    "fee if we are not what you need after all.</p><p>Our office is "
	    "open from eight to six on weekdays, and in the weeks before the "
	    "tax deadline on Saturday mornings as well, for those who come "
	    "in with a box of papers.</p><div class=card>"
	    "<div class=\"card-header\"><p>The starter plan covers a firm "
	    "with one owner, bank feeds from two accounts and a yearly "
	    "return.</p></div></div><div class=card><div class=\"card__"
	    "footer\"><p>The growth plan adds payroll for up to ten people, "
	    "quarterly reports and a review meeting twice a year.</p></div>"
	    "</div></div><div class=\"site-footer\"><p>Copyright 2024, "
	    "Ledger and Sons.</p></div></div></body></html>";
	char		*t;

	(void)state;
	t = page_text(page, NULL);
	assert_non_null(strstr(t, "We keep the books"));
	assert_non_null(strstr(t, "The starter plan covers"));
	assert_non_null(strstr(t, "The growth plan adds payroll"));
	assert_null(strstr(t, "Ledger and Sons"));
	free(t);
}

/* The paragraphs of a short invented article, for the tests below. */
#define FERRY_LEAD							\
	"<p>The night ferry leaves the harbour at eleven, when the "	\
	"last train has come in, and reaches the island before dawn "	\
	"with a few dozen cars and a handful of sleepy travellers.</p>"
#define FERRY_CREW							\
	"<p>The crew of six knows most of the passengers by name, and "	\
	"the cafe on the upper deck stays open until the lights of "	\
	"the island show, selling soup, tea and the morning paper.</p>"
#define FERRY_END							\
	"<p>The company wants to end the crossing next year, as too "	\
	"few people take it, and the island's council has written to "	\
	"the ministry to ask for help in keeping it running.</p>"

/* The title said again at the top of the text (a paragraph rather than
 * the <h1> the cleaning takes off, a product's name in its buy box) goes,
 * since the title is shown above it; the same words further down are the
 * page's own. */
static void
test_extract_title_again(void **state)
{
	static const char page[] =
	    "<html><head><title>The quiet harbour at dawn</title></head>"
	    "<body><main><article>"
	    "<p class=\"name\">The Quiet Harbour at Dawn</p>"
	    "<p>Boats leave the harbour before the light comes up, and the "
	    "nets are mended on the quay by the same hands, every morning, "
	    "for as long as anyone in the village remembers.</p>"
	    "<p>The fish market opens at six. Buyers walk the rows slowly, "
	    "and prices are settled with a nod rather than a word.</p>"
	    "<p>By eight the quay is empty again, and the gulls have it to "
	    "themselves until the boats come back in the evening.</p>"
	    "<p>The quiet harbour at dawn</p>"
	    "</article></main></body></html>";
	char	*text;

	(void)state;
	text = page_text(page, "https://harbour.example/dawn");
	if (count(text, "uiet harbour at dawn") != 1 ||
	    strstr(text, "Quiet Harbour at Dawn") != NULL)
		failf("the title's copy at the top: %s", text);
	free(text);
}

/* A title that gives the site's name and its motto ("Site - motto") names
 * no page: the page's one <h1> does, when it shares no word with the
 * motto; a heading that repeats the motto, or names the site, leaves the
 * title as it is. */
static void
test_extract_title_motto(void **state)
{
	static const char page[] =
	    "<html><head><title>Trailtalk - Where walkers meet</title></head>"
	    "<body><main><h1>%s</h1>"
	    "<p>My old boots split along the sole last week, after six "
	    "winters, and I need a pair that keeps the wet out on long "
	    "spring walks across the moor.</p>"
	    "<p>Leather or fabric, and how much should I expect to pay for "
	    "something that lasts as long as the last pair did?</p>"
	    "</main></body></html>";
	static const struct {
		const char	*h1, *want;
	} cases[] = {
		{ "Which boots for a wet spring?", "Which boots for a wet spring?" },
		{ "Where walkers meet to talk", "Where walkers meet" },
		/* A heading that names the site is its banner. */
		{ "Trailtalk Forums", "Where walkers meet" },
		/* Its link to itself, a zero-width space after it, is
		 * none of it. */
		{ "Which boots for a wet spring?<a href=#b>#</a>"
		  "<span>\xe2\x80\x8b</span>",
		  "Which boots for a wet spring?" },
	};
	struct article	*art;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].h1);
		art = extract_page(b.data, b.len,
		    "https://forum.trailtalk.example/t/boots/12", NULL);
		if (art->title == NULL || strcmp(art->title, cases[i].want) != 0)
			failf("title \"%s\", want \"%s\"", art->title ?
			    art->title : "(null)", cases[i].want);
		extract_free(art);
	}
	buf_release(&b);
}

/*
 * An author's note at the end of an article, a paragraph that opens with
 * the byline's name, goes; a paragraph that opens with a name the
 * article speaks of, or that more of the article follows, stays. A
 * list at the head made of the author, the date and the reading time
 * goes too.
 */
static void
test_extract_author_note(void **state)
{
	static const char page[] =
	    "<html><head><title>Night ferries</title>"
	    "<meta name=\"author\" content=\"Ana Ruiz\"></head><body>"
	    "<article><h1>Night ferries</h1>%s"
	    FERRY_LEAD "%s"
	    FERRY_CREW
	    FERRY_END "%s"
	    "</article></body></html>";
	static const struct {
		const char	*lead, *head, *tail, *gone, *kept;
	} cases[] = {
		{ "", "", "<p>Ana Ruiz is a reporter who covers the islands and "
		  "their boats, and lives by the harbour.</p>",
		  "is a reporter", NULL },
		{ "", "", "<p>Ana has written about the islands since 2015, "
		  "and takes the ferry every month.</p>",
		  "has written about", NULL },
		{ "", "", "<p>Ana Ruiz, PhD, is a historian of the islands and "
		  "their boats.</p>", "is a historian", NULL },
		{ "<p>Ana is a reporter who has crossed to the island on "
		  "every boat that runs there, by day and by night.</p>", "",
		  "", "is a reporter", NULL },
		{ "<ul><li><a href=\"/u/ana\">Ana Ruiz</a></li><li>Jan 23"
		  "</li><li>5 min read</li></ul>", "", "", "5 min read", NULL },
		{ "<ul><li>Cars</li><li>Bicycles</li><li>Dogs, 2 a crossing"
		  "</li></ul>", "", "", NULL, "Bicycles" },
		{ "", "<p>The captain told Ana Ruiz that the crossing has run "
		  "every night since 1962, storms aside.</p>",
		  "<p>Ana Ruiz is a reporter who covers the islands.</p>",
		  NULL, "is a reporter" },
		{ "", "", "<p>Ana Ruiz is a reporter who covers the islands.</p>"
		  "<h2>The return</h2><p>The ferry back leaves at six in "
		  "the morning, and it is the busier of the two crossings, "
		  "full of people who work on the mainland.</p>",
		  NULL, "is a reporter" },
	};
	struct buf	 b = BUF_INIT;
	char		*t;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		buf_reset(&b);
		buf_addf(&b, page, cases[i].lead, cases[i].head,
		    cases[i].tail);
		buf_addch(&b, '\0');
		t = page_text(b.data, "https://news.example/ferries");
		buf_release(&b);
		assert_non_null(strstr(t, "The night ferry leaves"));
		if (cases[i].gone != NULL && strstr(t, cases[i].gone) != NULL)
			failf("case %zu: kept \"%s\"", i, cases[i].gone);
		if (cases[i].kept != NULL && strstr(t, cases[i].kept) == NULL)
			failf("case %zu: lost \"%s\"", i, cases[i].kept);
		free(t);
	}
}

/*
 * A form inside the article: the labels of the fields one types into
 * and a list box of choices go; the label of a choice is its name and
 * stays.
 */
static void
test_extract_form_fields(void **state)
{
	static const char page[] =
	    "<html><head><title>Night ferries</title></head><body>"
	    "<article><h1>Night ferries</h1>"
	    FERRY_LEAD
	    FERRY_CREW
	    "<div class=\"field\"><label for=\"em\">Your email address"
	    "</label><input type=\"email\" id=\"em\"></div>"
	    "<div class=\"field\"><span>Your country</span>"
	    "<div role=\"listbox\"><div role=\"option\">Albania</div>"
	    "<div role=\"option\">Andorra</div><div role=\"option\">"
	    "Armenia</div></div></div>"
	    "<div class=\"field\"><label><input type=\"radio\" "
	    "name=\"c\">Cabin with a porthole</label></div>"
	    FERRY_END
	    "</article></body></html>";
	char	*t;

	(void)state;
	t = page_text(page, "https://news.example/ferries");
	assert_non_null(strstr(t, "The company wants"));
	assert_null(strstr(t, "Your email address"));
	assert_null(strstr(t, "Andorra"));
	assert_non_null(strstr(t, "Cabin with a porthole"));
	free(t);
}

/*
 * Folded panels a button opens are read: the button names the panel
 * in aria-controls, beside it or elsewhere in the page; so are a tab's
 * panels, named by their class; a hidden block no button opens is not.
 */
static void
test_extract_folded_panels(void **state)
{
	static const char page[] =
	    "<html><head><title>Night ferries</title></head><body>"
	    "<article><h1>Night ferries</h1>"
	    FERRY_LEAD
	    "<div class=\"fold\"><a role=\"button\" aria-controls=\"p1\">"
	    "Booking a cabin</a></div><div id=\"p1\" style=\"display:none\" "
	    "role=\"region\"><p>Cabins are booked at the harbour office or "
	    "on board, and cost the same as a seat on the day boat.</p>"
	    "</div>"
	    "<h3><button aria-expanded=\"false\" aria-controls=\"p2\">"
	    "Bringing a bicycle</button></h3><div class=\"wrap\"><div "
	    "id=\"p2\" aria-hidden=\"true\"><p>Bicycles travel free on the "
	    "car deck, tied to the rail by the crew before the ferry "
	    "sails.</p></div></div>"
	    "<div class=\"tab-pane fade\" style=\"display:none\"><p>Dogs "
	    "ride on the open deck only, on a lead, with their owner."
	    "</p></div>"
	    "<div id=\"p3\" style=\"display:none\"><p>Your session has "
	    "expired, please sign in again to go on.</p></div>"
	    FERRY_END
	    "</article></body></html>";
	char	*t;

	(void)state;
	t = page_text(page, "https://news.example/ferries");
	assert_non_null(strstr(t, "Cabins are booked"));
	assert_non_null(strstr(t, "Bicycles travel free"));
	assert_non_null(strstr(t, "Dogs ride on the open deck"));
	assert_null(strstr(t, "session has expired"));
	free(t);
}

/* extract_markdown(): each construct as Markdown writes it, and text
 * that would read as Markdown escaped. */
static void
test_extract_markdown(void **state)
{
	static const struct {
		const char	*html;
		const char	*md;
	} rows[] = {
		{ "<p>Read <a href=\"http://b.example/x(1) y\">the <b>notes</b>"
		  "</a> <i>first</i>.</p>",
		  "Read [the **notes**](http://b.example/x%281%29%20y) "
		  "*first*.\n" },
		{ "<h2>Title</h2><p>a<br>b</p>", "## Title\n\na\\\nb\n" },
		{ "<p>*not* _emph_ [x](y) `c` a|b &lt;tag&gt;</p>",
		  "\\*not\\* \\_emph\\_ \\[x\\](y) \\`c\\` a\\|b \\<tag\\>\n" },
		{ "<p># not a heading</p><p>1. not a list</p><p>- nor this</p>",
		  "\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n" },
		{ "<ol start=\"3\"><li>three</li><li>four<ul><li>in</li></ul>"
		  "</li></ol>",
		  "3. three\n\n4. four\n\n   - in\n" },
		{ "<blockquote><p>one</p><p>two</p></blockquote>",
		  "> one\n> \n> two\n" },
		{ "<pre>a ``` b\nline</pre>", "````\na ``` b\nline\n````\n" },
		{ "<p>use <code>x`y</code></p>", "use `` x`y ``\n" },
		{ "<table><tr><th>h1</th><th>h2</th></tr><tr><td>a|b</td>"
		  "<td>c</td></tr></table>",
		  "| h1 | h2 |\n| --- | --- |\n| a\\|b | c |\n" },
		{ "<p><img src=\"http://i.example/p.png\" alt=\"a [pic]\"></p>",
		  "![a \\[pic\\]](http://i.example/p.png)\n" },
		{ "<p>x</p><hr><p>y</p>", "x\n\n---\n\ny\n" },
		/* After a line break as at the start: a line of its own
		 * would start a heading, a list or a fence. */
		{ "<p>Menu:<br># one<br>2. two<br>- three<br>~~~</p>",
		  "Menu:\\\n\\# one\\\n2\\. two\\\n\\- three\\\n\\~~~\n" },
		{ "", "" },
	};
	struct article	*a;
	struct buf	 b = BUF_INIT;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(rows); i++) {
		a = extract_fragment(rows[i].html, strlen(rows[i].html),
		    "http://example.org/");
		buf_reset(&b);
		extract_markdown(a, &b);
		if (strcmp(b.data, rows[i].md) != 0)
			failf("rows[%zu]:\n%s", i, b.data);
		extract_free(a);
	}
	/* A title and a link as the feed gives them (the article's
	 * header): what would act on a terminal is U+FFFD in the text and
	 * percent-encoded in the link, the rest kept. */
	buf_reset(&b);
	extract_md_text(&b, "t\x1b\xe2\x80\xae*\xc3\xa9");
	assert_string_equal(b.data, "t\xef\xbf\xbd\xef\xbf\xbd\\*\xc3\xa9");
	buf_reset(&b);
	extract_md_url(&b, "http://l.example/\xc2\x9b\xc3\xa9\xe2\x80\xae"
	    "\xff \x1b");
	assert_string_equal(b.data, "http://l.example/%C2%9B\xc3\xa9%E2%80%AE"
	    "%FF%20%1B");
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_pages),
		cmocka_unit_test(test_extract_title_again),
		cmocka_unit_test(test_extract_title_motto),
		cmocka_unit_test(test_extract_author_note),
		cmocka_unit_test(test_extract_form_fields),
		cmocka_unit_test(test_extract_folded_panels),
		cmocka_unit_test(test_extract_cards),
		cmocka_unit_test(test_extract_shelf_filters),
		cmocka_unit_test(test_extract_cookie_consent),
		cmocka_unit_test(test_extract_index_lists),
		cmocka_unit_test(test_extract_entry_bylines),
		cmocka_unit_test(test_extract_aria_hidden_summary),
		cmocka_unit_test(test_extract_shelf_in_filters),
		cmocka_unit_test(test_extract_unseen_labels),
		cmocka_unit_test(test_extract_shelf_box),
		cmocka_unit_test(test_extract_shelf_guide),
		cmocka_unit_test(test_extract_shelf_long),
		cmocka_unit_test(test_extract_shelf_buttons),
		cmocka_unit_test(test_extract_shelf_labels),
		cmocka_unit_test(test_extract_card_figures),
		cmocka_unit_test(test_extract_card_furniture),
		cmocka_unit_test(test_extract_article_cards),
		cmocka_unit_test(test_extract_related_cards),
		cmocka_unit_test(test_extract_modal),
		cmocka_unit_test(test_extract_form_page),
		cmocka_unit_test(test_extract_listing_promos),
		cmocka_unit_test(test_extract_listing_dates),
		cmocka_unit_test(test_extract_listing_tail),
		cmocka_unit_test(test_extract_qa),
		cmocka_unit_test(test_extract_seedlike_json),
		cmocka_unit_test(test_extract_class_weight),
		cmocka_unit_test(test_extract_scoring_parts),
		cmocka_unit_test(test_extract_charsets),
		cmocka_unit_test(test_extract_links),
		cmocka_unit_test(test_extract_unsafe_urls),
		cmocka_unit_test(test_extract_metadata),
		cmocka_unit_test(test_extract_outputs),
		cmocka_unit_test(test_extract_robust),
		cmocka_unit_test(test_extract_long_text_linear),
		cmocka_unit_test(test_extract_comment_boxes_nested),
		cmocka_unit_test(test_extract_feed_links),
		cmocka_unit_test(test_extract_pre_blocks),
		cmocka_unit_test(test_extract_thread),
		cmocka_unit_test(test_extract_post_headers),
		cmocka_unit_test(test_extract_post_profile),
		cmocka_unit_test(test_extract_post_hidden_copy),
		cmocka_unit_test(test_extract_product),
		cmocka_unit_test(test_extract_product_shelf_lines),
		cmocka_unit_test(test_extract_product_field_keys),
		cmocka_unit_test(test_extract_product_named_reviews),
		cmocka_unit_test(test_extract_screen_reader_copy),
		cmocka_unit_test(test_extract_product_prices),
		cmocka_unit_test(test_extract_product_region_links),
		cmocka_unit_test(test_extract_product_description_box),
		cmocka_unit_test(test_extract_product_named_shelf),
		cmocka_unit_test(test_extract_product_repeats),
		cmocka_unit_test(test_extract_shelf_aria_prices),
		cmocka_unit_test(test_extract_fine_print),
		cmocka_unit_test(test_extract_product_signup),
		cmocka_unit_test(test_extract_thread_found),
		cmocka_unit_test(test_extract_cards_declared),
		cmocka_unit_test(test_extract_thread_parts),
		cmocka_unit_test(test_extract_thread_quotes),
		cmocka_unit_test(test_extract_description),
		cmocka_unit_test(test_extract_listing_cards),
		cmocka_unit_test(test_extract_clipped_cards),
		cmocka_unit_test(test_extract_card_twice),
		cmocka_unit_test(test_extract_card_header),
		cmocka_unit_test(test_extract_listing_bylines),
		cmocka_unit_test(test_extract_open_svg),
		cmocka_unit_test(test_extract_declared_part),
		cmocka_unit_test(test_extract_streamed),
		cmocka_unit_test(test_extract_streamed_nested),
		cmocka_unit_test(test_extract_streamed_bounds),
		cmocka_unit_test(test_extract_double_encoded),
		cmocka_unit_test(test_extract_comment_wrapper),
		cmocka_unit_test(test_extract_zero_width),
		cmocka_unit_test(test_extract_title_home),
		cmocka_unit_test(test_extract_bracket_class),
		cmocka_unit_test(test_extract_disclaimer),
		cmocka_unit_test(test_extract_read_time),
		cmocka_unit_test(test_extract_component_header),
		cmocka_unit_test(test_extract_has_class),
		cmocka_unit_test(test_extract_markdown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
