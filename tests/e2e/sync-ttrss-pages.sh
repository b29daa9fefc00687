#!/bin/sh
# Story: a Tiny Tiny RSS sync reads its lists of articles several pages at
# a time. Pages that come back in another order than asked are stored
# all the same, each article once, and no page is asked for twice; a list
# longer than tidings reads (SYNC_MAX_PAGES pages) is an error line of the
# refresh, never a list silently cut short.
#
# The server is a small fake of Tiny Tiny RSS's API, written below: its
# first pages answer last, and in the mode "endless" its list of unread
# ids never ends; in the mode "huge" its counters add up past what a
# 64-bit number holds, which is no hint of a list's length; in the mode
# "grow" an article of an older date than all the others joins the list
# once a later page was answered, before page 0 is: every article after
# it moves one place down the list between two pages in flight.
. ./lib.sh

cat >"$WORK/fake.py" <<'EOF'
import time
from ttrss_fake import Handler, log_file, read_mode, serve
ARTICLES = 1000
grown = False

class H(Handler):
    def do_POST(self):
        req = self.api_call()
        mode = read_mode()
        op = req.get("op")
        skip = req.get("skip", 0)
        view = req.get("view_mode", "-")
        with open(log_file, "a") as f:
            f.write("%s %s %s\n" % (op, view, skip))
        if op == "login":
            return self.ok({"session_id": "s1", "api_level": 15})
        if op == "getCategories":
            return self.ok([])
        if op == "getFeeds":
            return self.ok([{"id": 5, "title": "Five", "cat_id": 0}])
        if op == "getCounters" and mode == "huge":
            return self.ok([{"id": i, "counter": 2**63 - 1,
                             "markedcounter": 2**63 - 1} for i in (5, 6)])
        if op == "getCounters":
            return self.ok([{"id": "global-unread", "counter": 0}])
        if op != "getHeadlines":
            return self.ok({"status": "OK"})
        if view == "unread":
            last = skip + 200 if mode == "endless" else ARTICLES
            return self.ok([{"id": i} for i in
                            range(skip + 1, min(skip + 200, last) + 1)])
        if view != "all_articles" or req.get("since_id", 0) > 0:
            return self.ok([])
        # The first pages answer last: page 0 after page 4.
        if skip < ARTICLES:
            time.sleep(0.2 * (ARTICLES - skip) / 200)
        ids = range(skip + 1, min(skip + 200, ARTICLES) + 1)
        if mode == "grow":
            global grown
            ids = ([ARTICLES + 1] if grown else []) + list(
                range(1, ARTICLES + 1))
            ids = ids[skip:skip + 200]
            grown = grown or skip > 0
        return self.ok([{"id": i, "feed_id": 5, "title": "Article %d" % i,
                         "unread": True, "marked": False,
                         "updated": 1700000000 + i} for i in ids])

serve(H)
EOF
fake_start
printf 'secret\n' >"$WORK/pw"
chmod 600 "$WORK/pw"
cat >"$CONF" <<EOF
sync ttrss $FAKE < user alice; password-file $WORK/pw
EOF

# --- Pages out of order: every article, once; every page asked once.
expect_status 0 td refresh
expect_grep "1000 new items" "$WORK/out"
expect_eq "articles" "$(sql "SELECT count(*), count(DISTINCT remote_id),
    min(remote_id), max(remote_id) FROM items")" "1000|1000|1|1000"
grep "^getHeadlines all_articles" "$WORK/fake.log" | sort >"$WORK/asked"
expect_eq "pages asked twice" "$(uniq -d "$WORK/asked")" ""
for skip in 0 180 360 540 720 900; do
	expect_grep "getHeadlines all_articles $skip" "$WORK/asked"
done
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"

# --- A list of unread ids without end: an error line, no marks taken.
echo endless >"$WORK/mode"
: >"$WORK/fake.log"
expect_status 3 td refresh -a
expect_grep "the server lists more than 1000100 articles (ids)" \
    "$WORK/out"
expect_eq "still unread" "$(sql "SELECT count(*) FROM items
    WHERE read = 0")" 1000

# --- Counters that add up past 2^63: no hint, no overflow; the lists are
# read to their ends all the same.
echo huge >"$WORK/mode"
: >"$WORK/fake.log"
expect_status 0 td refresh -a
expect_eq "unread" "$(sql "SELECT count(*) FROM items WHERE read = 0")" 1000

# --- An article joins the list in the middle of a first sync, between
# the answers to two pages in flight: no article slips between them.
echo grow >"$WORK/mode"
DB="$WORK/grow.db"
expect_status 0 td refresh
expect_eq "articles" "$(sql "SELECT count(*), count(DISTINCT remote_id)
    FROM items")" "1001|1001"
