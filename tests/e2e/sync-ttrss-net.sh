#!/bin/sh
# Story: Tiny Tiny RSS lists articles of one date in no fixed order from
# one page's query to the next, so a sync paging by skip can be given one
# article twice and another never. The unread and starred articles such
# a reading missed are fetched by id (getArticle) once the counters
# disagree with the store: after the first sync every unread and starred
# article is stored, once; so after a later sync whose pages miss one.
# The requests it took are counted in the sync's; one of a feed not
# known (archived) is left out, and the sync goes on.
#
# The server is a small fake of Tiny Tiny RSS's API, written below: its
# pages of articles (getHeadlines by skip) list, where a missed article
# is due, the article before it again, as PostgreSQL may when both have
# the same date; its getArticle answers as tt-rss's
# does (article_id "ID,ID,...", anything else a server error).
. ./lib.sh

cat >"$WORK/fake.py" <<'EOF'
from ttrss_fake import Handler, log_file, read_mode, serve
PAGE = 200

def articles(mode):
    # id: (unread, starred); 1..1000 first, 1001..1400 later.
    last = 1400 if mode == "more" else 1000
    a = {i: (i % 3 != 0, i % 7 == 0) for i in range(1, last + 1)}
    a[201] = (True, False)		# missed: unread
    a[401] = (False, True)		# missed: read, starred
    a[601] = (False, False)		# missed: read, not starred
    if last > 1000:
        a[1201] = (True, False)		# missed later: unread
    return a

ARCHIVED = 5000				# starred, of no feed

class H(Handler):
    def article(self, i, a):
        return {"id": i, "feed_id": 5, "title": "Article %d" % i,
                "unread": a[i][0], "marked": a[i][1],
                "content": "<p>Text %d</p>" % i,
                "updated": 1700000000}

    def do_POST(self):
        req = self.api_call()
        mode = read_mode()
        a = articles(mode)
        op = req.get("op")
        skip = req.get("skip", 0)
        view = req.get("view_mode", "-")
        with open(log_file, "a") as f:
            f.write("%s %s %s %s\n" % (op, view, skip,
                                       req.get("article_id", "-")))
        if op == "login":
            return self.ok({"session_id": "s1", "api_level": 15})
        if op == "getCategories":
            return self.ok([])
        if op == "getFeeds":
            return self.ok([{"id": 5, "title": "Five", "cat_id": 0}])
        if op == "getCounters":
            return self.ok([
                {"id": "subscribed-feeds", "counter": 1},
                {"id": 5, "counter": sum(u for u, s in a.values()),
                 "markedcounter": sum(s for u, s in a.values())}])
        if op == "getArticle":
            ids = req.get("article_id")
            if not isinstance(ids, str):
                self.send_error(500)
                return
            out = []
            for i in (int(x) for x in ids.split(",")):
                if i in a:
                    out.append(self.article(i, a))
                elif i == ARCHIVED:
                    out.append({"id": i, "feed_id": None,
                                "title": "Archived", "unread": False,
                                "marked": True, "content": "x",
                                "updated": 1700000000})
            return self.ok(out)
        if op != "getHeadlines":
            return self.ok({"status": "OK"})
        if view == "unread":
            ids = [i for i in sorted(a) if a[i][0]]
        elif view == "marked":
            ids = [i for i in sorted(a) if a[i][1]] + [ARCHIVED]
        else:
            since = req.get("since_id", 0)
            ids = [i for i in sorted(a) if i > since]
        page = ids[skip:skip + PAGE]
        # The tie: where a missed article is due, the article before it
        # is listed again, on whichever page asks for that place, so no
        # page lists it (however far pages overlap).
        if view == "all_articles":
            page = [ids[skip + k - 1]
                    if i in (201, 401, 601, 1201) and skip + k > 0 else i
                    for k, i in enumerate(page)]
        if view in ("unread", "marked"):
            return self.ok([{"id": i, "feed_id": 5} for i in page])
        return self.ok([self.article(i, a) for i in page])

serve(H)
EOF
fake_start
printf 'secret\n' >"$WORK/pw"
chmod 600 "$WORK/pw"
cat >"$CONF" <<EOF
sync ttrss $FAKE < user alice; password-file $WORK/pw
EOF

# every_one: the store's items, and whether the server's unread and
# starred ones are there each once, as "ITEMS|DISTINCT|UNREAD|STARRED".
stored() {
	sql "SELECT count(*), count(DISTINCT remote_id),
	    sum(read = 0), sum(starred) FROM items"
}

# --- The first sync: the pages miss three articles; the unread and the
# starred one are fetched by id, the read one is lost and the log says
# the pages listed three twice.
expect_status 0 "$TIDINGS" -c "$CONF" -d "$DB" -l "$WORK/log" refresh
# 1000 articles but 601; 666 unread with 201, 143 starred with 401.
expect_eq "stored" "$(stored)" "999|999|666|143"
expect_eq "the missed unread and starred" "$(sql "SELECT group_concat(
    remote_id || ':' || read || starred, ' ') FROM (SELECT remote_id, read,
    starred FROM items WHERE remote_id IN (201, 401, 601)
    ORDER BY remote_id)")" "201:00 401:11"
expect_eq "getArticle asked for" "$(grep '^getArticle' "$WORK/fake.log" |
    cut -d' ' -f4)" "201,401,5000"
expect_grep "sync: ${FAKE}api/: 3 unread or starred articles missing, fetched by id: 3 answered, 2 stored" \
    "$WORK/log"
expect_grep "the first sync's pages listed 3 articles twice" "$WORK/log"
# Every request counted: the fake's log has as many.
expect_grep "in $(wc -l <"$WORK/fake.log" | tr -d ' ') requests" \
    "$WORK/out"

# --- Nothing new: the counters agree, no id read, nothing fetched.
: >"$WORK/fake.log"
expect_status 0 td refresh -a
expect_grep "0 new items" "$WORK/out"
expect_grep "in 3 requests" "$WORK/out"

# --- A later sync whose pages miss an unread article: the counters
# disagree, and it is fetched by id.
echo more >"$WORK/mode"
: >"$WORK/fake.log"
expect_status 0 td refresh -a
expect_eq "stored" "$(stored)" "1399|1399|933|201"
expect_eq "the one missed" "$(sql "SELECT read FROM items
    WHERE remote_id = 1201")" 0
expect_eq "getArticle asked for" "$(grep '^getArticle' "$WORK/fake.log" |
    cut -d' ' -f4)" "1201,5000"
expect_grep "in $(wc -l <"$WORK/fake.log" | tr -d ' ') requests" \
    "$WORK/out"
