#!/usr/bin/env python3
"""tests/server/miniflux.py: a Miniflux API (v1) server for tests.

    python3 tests/server/miniflux.py [--port N] [--log FILE]
                                     [--token TOKEN] [--page-max N]

Binds 127.0.0.1 only, on port N (0, the default, picks a free one), prints
the port on stdout as one line and serves until SIGTERM or SIGINT. Python 3
standard library only, like server.py.

It speaks the subset of Miniflux's REST API that tidings uses, as
Miniflux's API documentation gives it, with the server's root at the root
(BASE = http://127.0.0.1:PORT). Every request needs the header
"X-Auth-Token: TOKEN"; without it, or with another token: 401
{"error_message": "Access Unauthorized"}. Errors are JSON
{"error_message": "..."}.

    GET  /v1/feeds              [{"id", "user_id", "title", "site_url",
                                "feed_url", "category": {"id", "user_id",
                                "title"}, "icon": null, ...}]
    GET  /v1/feeds/counters     {"reads": {"FEED": N}, "unreads": {...}},
                                feeds without entries left out
    GET  /v1/entries            {"total": N, "entries": [ENTRY...]};
                                filters status (repeatable: read, unread,
                                removed), starred, after_entry_id,
                                before_entry_id, changed_after,
                                changed_before, after, before (published,
                                unix seconds); order id | published_at
                                | status, direction asc | desc, offset,
                                limit (default 100, at most --page-max)
    GET  /v1/entries/N          ENTRY, or 404
    PUT  /v1/entries            JSON {"entry_ids": [N...], "status":
                                "read" | "unread" | "removed"}: 204; an
                                empty or missing list or a bad status: 400
    PUT  /v1/entries/N/bookmark toggles starred: 204 (404 when unknown)
    GET  /v1/categories         [{"id", "user_id", "title",
                                "hide_globally"}]: "All" and those of the
                                feeds and made since
    POST /v1/categories         JSON {"title"}: 201 the category; no
                                title: 400 "The title is mandatory.", one
                                of that title: 400 "This category already
                                exists."
    POST /v1/discover           JSON {"url"}: the server fetches url: a
                                feed (RSS or Atom) is [{"url", "title",
                                "type"}] of itself, a page the feeds its
                                <link rel="alternate"> name (relative
                                addresses resolved), in order; a page
                                naming none: 404; url out of reach or
                                answering an error: 500 {"error_message":
                                "Unable to fetch ..."}
    POST /v1/feeds              JSON {"feed_url", "category_id"}: the
                                server fetches the feed and adds it, its
                                items unread: 201 {"feed_id"}; no
                                category_id is the first category ("All");
                                validated first, as Miniflux does: no
                                feed_url: 400 "The URL and the category
                                are mandatory.", not http(s): 400
                                "Invalid feed URL.", the account's already:
                                400 "This feed already exists.", an unknown
                                category: 400 "This category does not
                                exist or does not belong to this user.";
                                then a feed that cannot be fetched or read:
                                500 {"error_message": "..."}
    DELETE /v1/feeds/N          the feed goes with its entries: 204; an
                                unknown one: 404

ENTRY is {"id", "user_id", "feed_id", "status", "hash", "title", "url",
"comments_url", "published_at", "created_at", "changed_at" (RFC 3339),
"content", "author", "share_code", "starred", "reading_time",
"enclosures", "feed": {...}}. A status change or a bookmark toggle sets
changed_at to now, as Miniflux does.

Control, under /_/ (no authentication; JSON bodies):
    POST /_/feeds       [{"id": N, "title", "url", "category"}] added
    POST /_/items       [{"id": N, "feed": N, "title", "link", "content",
                        "published", "read", "starred", "removed",
                        "changed"}] added (changed, in seconds, defaults
                        to now)
    POST /_/mode        one word: "ok", "down" (every API request 503),
                        "slow" (4 s before each answer), "500" (every
                        API request 500), "portal" (every API request a
                        200 sign-in page in HTML, as a proxy in front
                        of the server answers), "createthendown"
                        ("down" once a POST /v1/feeds has added a feed)
    GET  /_/state       {"ID": {"read": bool, "starred": bool}} of every
                        item

Log (--log FILE): one line per API request (not the control ones),
before the answer is sent:
    METHOD PATH STATUS ids=N
N the number of entry_ids of a PUT /v1/entries, or of entries a
GET /v1/entries answered (else 0). Bodies and tokens are never logged.
"""

import argparse
import json
import re
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urljoin, urlsplit

lock = threading.Lock()
feeds = {}          # id -> dict
items = {}          # id -> dict
cats = {}           # title -> id, besides those of the feeds
ATOM = "{http://www.w3.org/2005/Atom}"
mode = ["ok"]
args = None
# Dates as a server west of Greenwich writes them, fractions and all.
ZONE = timezone(timedelta(hours=-5))


def stamp(t):
    return datetime.fromtimestamp(t, ZONE).isoformat(timespec="microseconds")


def status_of(it):
    if it.get("removed"):
        return "removed"
    return "read" if it.get("read") else "unread"


def cat_id(title):
    """The id of the category title: the one it was made with, else one
    of its own."""
    return cats.get(title, 100 + sum(map(ord, title)))


def categories():
    """Every category: "All", those of the feeds, those made since."""
    names = {"All"} | set(cats) | {f.get("category") or "All"
                                   for f in feeds.values()}
    return sorted(({"id": cat_id(t), "user_id": 1, "title": t,
                    "hide_globally": False} for t in names),
                  key=lambda c: c["id"])


def fetch(url):
    """The body of url, or an error message as Miniflux words it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.read(), None
    except urllib.error.HTTPError as e:
        return None, "Unable to fetch this resource (Status Code = %d)" % \
            e.code
    except Exception:
        return None, "Unable to fetch this resource: it is unreachable"


def parse_feed(body):
    """(title, kind, [(title, link)]) of an RSS or Atom feed, or None."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    if root.tag == "rss":
        chan = root.find("channel")
        if chan is None:
            return None
        return (chan.findtext("title", ""), "rss",
                [(e.findtext("title", ""), e.findtext("link", ""))
                 for e in chan.findall("item")])
    if root.tag == ATOM + "feed":
        return (root.findtext(ATOM + "title", ""), "atom",
                [(e.findtext(ATOM + "title", ""), "")
                 for e in root.findall(ATOM + "entry")])
    return None


def discover(url):
    """The feeds url is or names, or an error (code, message)."""
    body, err = fetch(url)
    if err:
        return None, (500, err)
    f = parse_feed(body)
    if f is not None:
        return [{"url": url, "title": f[0], "type": f[1]}], None
    out = []
    for tag in re.findall(r"<link\b[^>]*>", body.decode("utf-8", "replace"),
                          re.I):
        a = dict((k.lower(), v) for k, v in
                 re.findall(r'(\w+)="([^"]*)"', tag))
        kind = {"application/rss+xml": "rss",
                "application/atom+xml": "atom"}.get(a.get("type", ""))
        if a.get("rel", "").lower() == "alternate" and kind and \
           a.get("href"):
            out.append({"url": urljoin(url, a["href"]),
                        "title": a.get("title", ""), "type": kind})
    if not out:
        return None, (404, "Resource not found")
    return out, None


def create_feed(req):
    """Subscribe to the feed of the request: (code, answer)."""
    url = req.get("feed_url") or ""
    cid = req.get("category_id") or 0
    if not isinstance(cid, int):
        return 400, {"error_message": "invalid JSON payload"}
    with lock:
        names = {c["id"]: c["title"] for c in categories()}
        if cid == 0:
            cid = min(names)
    if not url or cid <= 0:
        return 400, {"error_message": "The URL and the category are "
                     "mandatory."}
    if urlsplit(url).scheme not in ("http", "https"):
        return 400, {"error_message": "Invalid feed URL."}
    with lock:
        if any(f.get("feed_url") == url for f in feeds.values()):
            return 400, {"error_message": "This feed already exists."}
    if cid not in names:
        return 400, {"error_message": "This category does not exist or "
                     "does not belong to this user."}
    body, err = fetch(url)
    if err:
        return 500, {"error_message": err}
    f = parse_feed(body)
    if f is None:
        return 500, {"error_message": "Unable to detect feed format"}
    now = time.time()
    with lock:
        fid = max(list(feeds) + [0]) + 1
        feeds[fid] = {"id": fid, "title": f[0], "url": url,
                      "feed_url": url, "category": names[cid]}
        nid = max(list(items) + [0]) + 1
        for title, link in f[2]:
            items[nid] = {"id": nid, "feed": fid, "title": title,
                          "link": link, "changed": now, "created": now}
            nid += 1
    return 201, {"feed_id": fid}


def feed_json(f):
    cat = f.get("category") or "All"
    return {
        "id": f["id"], "user_id": 1, "title": f.get("title", ""),
        "site_url": f.get("url", ""),
        "feed_url": f.get("feed_url", f.get("url", "") + "feed"),
        "checked_at": stamp(time.time()), "etag_header": "",
        "last_modified_header": "", "parsing_error_message": "",
        "parsing_error_count": 0, "scraper_rules": "", "rewrite_rules": "",
        "crawler": False, "blocklist_rules": "", "keeplist_rules": "",
        "user_agent": "", "username": "", "password": "",
        "disabled": False, "ignore_http_cache": False,
        "fetch_via_proxy": False,
        "category": {"id": cat_id(cat), "user_id": 1, "title": cat},
        "icon": None,
    }


def entry_json(it):
    f = feeds.get(it["feed"], {"id": it["feed"]})
    pub = it.get("published", it["created"])
    return {
        "id": it["id"], "user_id": 1, "feed_id": it["feed"],
        "status": status_of(it), "hash": "%064x" % it["id"],
        "title": it.get("title", ""), "url": it.get("link", ""),
        "comments_url": "", "published_at": stamp(pub),
        "created_at": stamp(it["created"]),
        "changed_at": stamp(it["changed"]),
        "content": it.get("content", ""), "author": it.get("author", ""),
        "share_code": "", "starred": bool(it.get("starred")),
        "reading_time": 1, "enclosures": None, "feed": feed_json(f),
    }


def select(q):
    """The entries query q asks for and their total, or an error."""
    try:
        def num(k, d=0):
            return int(q.get(k, [str(d)])[0])
        limit = num("limit", 100)
        offset = num("offset")
        after_id, before_id = num("after_entry_id"), num("before_entry_id")
        changed_after, changed_before = num("changed_after"), \
            num("changed_before")
        after, before = num("after"), num("before")
    except ValueError:
        return None, None, "invalid number"
    statuses = q.get("status", [])
    for s in statuses:
        if s not in ("read", "unread", "removed"):
            return None, None, "Invalid entry status"
    order = q.get("order", ["published_at"])[0]
    if order not in ("id", "status", "published_at", "category_title",
                     "category_id"):
        return None, None, "Invalid entry order"
    direction = q.get("direction", ["asc"])[0]
    if direction not in ("asc", "desc"):
        return None, None, "Invalid direction"
    if limit < 0 or offset < 0:
        return None, None, "Offset and limit must be greater than 0"
    limit = min(limit or 100, args.page_max)
    with lock:
        v = [i for i in items.values()
             if (not statuses or status_of(i) in statuses) and
             (after_id <= 0 or i["id"] > after_id) and
             (before_id <= 0 or i["id"] < before_id) and
             (changed_after <= 0 or i["changed"] > changed_after) and
             (changed_before <= 0 or i["changed"] < changed_before) and
             (after <= 0 or i.get("published", i["created"]) > after) and
             (before <= 0 or i.get("published", i["created"]) < before)]
        if "starred" in q:
            want = q["starred"][0].lower() in ("1", "t", "true")
            v = [i for i in v if bool(i.get("starred")) == want]
        key = {"id": lambda i: i["id"],
               "status": lambda i: (status_of(i), i["id"]),
               }.get(order, lambda i: (i.get("published", i["created"]),
                                        i["id"]))
        v.sort(key=key, reverse=(direction == "desc"))
        total = len(v)
        page = [entry_json(i) for i in v[offset:offset + limit]]
    return page, total, None


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go in two writes: without this, Nagle's algorithm
    # and the client's delayed ACK add 40 ms to every answer.
    disable_nagle_algorithm = True

    def log_message(self, *a):
        pass

    def answer(self, code, obj=None, nids=0):
        if args.log and not self.path.startswith("/_/"):
            with open(args.log, "a") as f:
                f.write("%s %s %d ids=%d\n" % (
                    self.command, urlsplit(self.path).path, code, nids))
        data = b"" if obj is None else json.dumps(obj).encode()
        self.send_response(code)
        if obj is not None:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def portal(self):
        """A sign-in page of a proxy in front of the server."""
        self.body()
        if args.log:
            with open(args.log, "a") as f:
                f.write("%s %s 200 ids=0\n" % (
                    self.command, urlsplit(self.path).path))
        data = b"<!DOCTYPE html><title>Sign in</title><form></form>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def error(self, code, msg):
        self.answer(code, {"error_message": msg})

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode()

    def do_GET(self):
        self.route("GET")

    def do_PUT(self):
        self.route("PUT")

    def do_POST(self):
        self.route("POST")

    def do_DELETE(self):
        self.route("DELETE")

    def route(self, method):
        u = urlsplit(self.path)
        path = u.path
        q = {}
        for k, v in parse_qsl(u.query, keep_blank_values=True):
            q.setdefault(k, []).append(v)
        if path.startswith("/_/"):
            return self.control(method, path)
        m = mode[0]
        if m == "slow":
            time.sleep(4)
        if m == "down":
            return self.error(503, "Service Unavailable")
        if m == "portal":
            return self.portal()
        if self.headers.get("X-Auth-Token") != args.token:
            return self.error(401, "Access Unauthorized")
        if m == "500":
            return self.error(500, "pq: could not connect to the database")
        parts = path.strip("/").split("/")
        if parts[:1] != ["v1"]:
            return self.error(404, "Not Found")
        parts = parts[1:]
        if parts == ["feeds"] and method == "GET":
            with lock:
                out = [feed_json(f) for f in
                       sorted(feeds.values(), key=lambda f: f["id"])]
            return self.answer(200, out)
        if parts == ["feeds"] and method == "POST":
            try:
                req = json.loads(self.body())
                assert isinstance(req, dict)
            except (ValueError, AssertionError):
                return self.error(400, "invalid JSON payload")
            code, out = create_feed(req)
            if code == 201 and m == "createthendown":
                mode[0] = "down"
            return self.answer(code, out)
        if len(parts) == 2 and parts[0] == "feeds" and method == "DELETE":
            with lock:
                fid = int(parts[1]) if parts[1].isdigit() else 0
                if fid not in feeds:
                    gone = False
                else:
                    gone = True
                    del feeds[fid]
                    for i in [i for i, it in items.items()
                              if it["feed"] == fid]:
                        del items[i]
            if not gone:
                return self.error(404, "Resource not found")
            return self.answer(204)
        if parts == ["categories"] and method == "GET":
            with lock:
                return self.answer(200, categories())
        if parts == ["categories"] and method == "POST":
            try:
                title = json.loads(self.body()).get("title") or ""
            except (ValueError, AttributeError):
                return self.error(400, "invalid JSON payload")
            with lock:
                if not title:
                    return self.error(400, "The title is mandatory.")
                if any(c["title"] == title for c in categories()):
                    return self.error(400, "This category already "
                                      "exists.")
                cats[title] = max([c["id"] for c in categories()]) + 1
                out = {"id": cats[title], "user_id": 1, "title": title,
                       "hide_globally": False}
            return self.answer(201, out)
        if parts == ["discover"] and method == "POST":
            try:
                url = json.loads(self.body()).get("url") or ""
            except (ValueError, AttributeError):
                return self.error(400, "invalid JSON payload")
            if urlsplit(url).scheme not in ("http", "https"):
                return self.error(400, "Invalid site URL.")
            out, err = discover(url)
            if err:
                return self.error(*err)
            return self.answer(200, out)
        if parts == ["feeds", "counters"] and method == "GET":
            reads, unreads = {}, {}
            with lock:
                for i in items.values():
                    s = status_of(i)
                    if s == "removed":
                        continue
                    d = reads if s == "read" else unreads
                    d[str(i["feed"])] = d.get(str(i["feed"]), 0) + 1
            return self.answer(200, {"reads": reads, "unreads": unreads})
        if parts == ["entries"] and method == "GET":
            page, total, err = select(q)
            if err:
                return self.error(400, err)
            return self.answer(200, {"total": total, "entries": page},
                               nids=len(page))
        if parts == ["entries"] and method == "PUT":
            try:
                req = json.loads(self.body())
                ids = req["entry_ids"]
                status = req["status"]
            except (ValueError, KeyError, TypeError):
                return self.error(400, "invalid JSON payload")
            if not isinstance(ids, list) or not ids or \
               not all(isinstance(i, int) for i in ids):
                return self.error(400, "The list of entries cannot be "
                                  "empty")
            if status not in ("read", "unread", "removed"):
                return self.error(400, "Invalid entry status")
            now = time.time()
            with lock:
                for i in ids:
                    it = items.get(i)
                    if it is None:
                        continue
                    it["read"] = status == "read"
                    it["removed"] = status == "removed"
                    it["changed"] = now
            return self.answer(204, nids=len(ids))
        one = len(parts) == 2 and parts[0] == "entries" and method == "GET"
        star = len(parts) == 3 and parts[0] == "entries" and \
            parts[2] == "bookmark" and method == "PUT"
        if one or star:
            with lock:
                it = items.get(int(parts[1])) if parts[1].isdigit() \
                    else None
                if it is not None and star:
                    it["starred"] = not it.get("starred")
                    it["changed"] = time.time()
                out = entry_json(it) if it is not None else None
            if out is None:
                return self.error(404, "Not Found")
            return self.answer(200, out) if one else self.answer(204)
        return self.error(404, "Not Found")

    def control(self, method, path):
        if path == "/_/state":
            with lock:
                return self.answer(200, {
                    str(i["id"]): {"read": bool(i.get("read")),
                                   "starred": bool(i.get("starred"))}
                    for i in items.values()})
        body = self.body()
        if path == "/_/mode":
            mode[0] = body.strip()
            return self.answer(200, "OK")
        data = json.loads(body or "[]")
        with lock:
            if path == "/_/feeds":
                for f in data:
                    feeds[f["id"]] = f
            elif path == "/_/items":
                now = time.time()
                for it in data:
                    it.setdefault("changed", now)
                    it.setdefault("created", it["changed"])
                    items[it["id"]] = it
            else:
                return self.answer(404, "Not Found")
        return self.answer(200, "OK")


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--token", default="secret-token")
    p.add_argument("--page-max", type=int, default=1000)
    args = p.parse_args()
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    srv = ThreadingHTTPServer(("127.0.0.1", args.port), H)
    srv.daemon_threads = True
    print(srv.server_address[1], flush=True)
    try:
        srv.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass


if __name__ == "__main__":
    main()
