#!/usr/bin/env python3
"""tests/server/greader.py: a Google Reader API server for tests.

    python3 tests/server/greader.py [--port N] [--log FILE]
                                    [--user NAME --password PW]
                                    [--ids-max N] [--contents-max N]

Binds 127.0.0.1 only, on port N (0, the default, picks a free one), prints
the port on stdout as one line and serves until SIGTERM or SIGINT. Python 3
standard library only, like server.py.

It speaks the subset of the Google Reader API that clients of FreshRSS
(api/greader.php) and Miniflux use, as their documentation gives it, with
the API's base at the root (BASE = http://127.0.0.1:PORT):

    POST BASE/accounts/ClientLogin      form Email, Passwd: 200 text
                                        "SID=..\\nLSID=..\\nAuth=TOKEN\\n";
                                        a wrong pair: 401
                                        "Error=BadAuthentication"
    Every other API request needs "Authorization: GoogleLogin auth=TOKEN",
    else 401 "Unauthorized!".
    GET  BASE/reader/api/0/token        the write token, text and "\\n"
    GET  BASE/reader/api/0/subscription/list?output=json
                                        {"subscriptions": [{"id": "feed/N",
                                        "title", "url", "htmlUrl",
                                        "categories": [{"id":
                                        "user/-/label/L", "label": L}]}]}
    GET  BASE/reader/api/0/stream/contents/STREAM?n=&c=&ot=&xt=&it=
                                        {"id", "updated", "items": [...],
                                        "continuation"} newest first,
                                        at most --contents-max a page;
                                        STREAM is
                                        user/-/state/com.google/reading-list,
                                        .../starred, .../read or feed/N
    GET  BASE/reader/api/0/stream/items/ids?s=STREAM&n=&c=&ot=&xt=&it=
                                        {"itemRefs": [{"id": DECIMAL}],
                                        "continuation"}, at most --ids-max
                                        a page
    POST BASE/reader/api/0/stream/items/contents
                                        form i= (many, long or short form):
                                        {"items": [...]}
    POST BASE/reader/api/0/subscription/edit
                                        form T (the token), ac=subscribe
                                        with s=feed/URL (fetched: a page
                                        that is no RSS or Atom feed, or
                                        that cannot be fetched, is 400),
                                        t= its title, a=user/-/label/L
                                        (many: the first is kept); the
                                        feed's items are added, unread.
                                        ac=unsubscribe with s=feed/N: the
                                        feed goes with its items (an
                                        unknown one: 400). "OK"
    POST BASE/reader/api/0/edit-tag     form T (the token), i= (many), a=
                                        and/or r= the states read, starred:
                                        "OK"; a wrong token: 401 with
                                        X-Reader-Google-Bad-Token: true

An item of stream/contents has the long form id
("tag:google.com,2005:reader/item/" and 16 hex digits), crawlTimeMsec,
timestampUsec, published, title, canonical and alternate [{"href"}],
summary {"content"}, author, origin {"streamId", "title", "htmlUrl"} and
categories (reading-list, read, starred, the feed's label). ot (seconds)
keeps the items crawled at or after it, as FreshRSS does; the
continuation is the id of the next item, opaque to clients.

Control, under /_/ (no authentication; JSON bodies):
    POST /_/feeds       [{"id": N, "title", "url", "label"}] added
    POST /_/items       [{"id": N, "feed": N, "title", "link", "content",
                        "published", "read", "starred", "crawl"}] added
                        (crawl, in seconds, defaults to now)
    POST /_/mode        one word: "ok", "down" (every API request 503),
                        "slow" (4 s before each answer), "500" (every
                        API request 500 but ClientLogin), "badtoken" (the
                        next edit-tag's token is refused, once), "loop"
                        (stream/items/ids gives its first page and the
                        continuation "again", whatever c asks),
                        "editthendown" ("down" once a subscription/edit
                        has subscribed)
    GET  /_/state       {"ID": {"read": bool, "starred": bool}} of every
                        item, ID decimal

Log (--log FILE): one line per API request (not the control ones),
before the answer is sent:
    METHOD PATH STATUS ids=N
N the number of i= of an edit-tag or items/contents (else 0). Bodies,
passwords and tokens are never logged.
"""

import argparse
import json
import signal
import sys
import threading
import time
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

PREFIX = "tag:google.com,2005:reader/item/"
STATE = "user/-/state/com.google/"
AUTH = "alice/8d6f0c1e2b3a4d5e6f708192a3b4c5d6e7f80912"
TOKEN = "Z8d6f0c1e2b3a4d5e6f708192a3b4c5d6e7f80912ZZZZZZZZZZZZZZZZZZ"

lock = threading.Lock()
feeds = {}          # id -> dict
items = {}          # id -> dict
mode = ["ok"]
args = None


def item_id(s):
    """An item id in either form, or None."""
    try:
        if s.startswith(PREFIX):
            return int(s[len(PREFIX):], 16)
        return int(s, 10)
    except ValueError:
        return None


def item_json(it):
    f = feeds.get(it["feed"], {})
    cats = [STATE + "reading-list"]
    if it.get("read"):
        cats.append(STATE + "read")
    if it.get("starred"):
        cats.append(STATE + "starred")
    if f.get("label"):
        cats.append("user/-/label/" + f["label"])
    link = it.get("link", "")
    return {
        "id": "%s%016x" % (PREFIX, it["id"]),
        "crawlTimeMsec": str(it["crawl"] * 1000),
        "timestampUsec": str(it["crawl"] * 1000000),
        "published": it.get("published", it["crawl"]),
        "title": it.get("title", ""),
        "canonical": [{"href": link}],
        "alternate": [{"href": link, "type": "text/html"}],
        "categories": cats,
        "origin": {"streamId": "feed/%d" % it["feed"],
                   "title": f.get("title", ""),
                   "htmlUrl": f.get("url", "")},
        "summary": {"content": it.get("content", "")},
        "author": it.get("author", ""),
    }


def in_stream(it, s):
    if s in (STATE + "reading-list", "user/-/state/com.google/reading-list"):
        return True
    if s == STATE + "starred":
        return bool(it.get("starred"))
    if s == STATE + "read":
        return bool(it.get("read"))
    if s.startswith("feed/"):
        return s == "feed/%d" % it["feed"]
    if s.startswith("user/-/label/"):
        return feeds.get(it["feed"], {}).get("label") == s[13:]
    return False


def select(q, stream, cap):
    """The page of items of stream that query q asks for, and the next
    continuation."""
    try:
        n = int(q.get("n", ["20"])[0])
        ot = int(q.get("ot", ["0"])[0])
    except ValueError:
        return None, None
    n = max(1, min(n, cap))
    xt = q.get("xt", [])
    it_ = q.get("it", [])
    with lock:
        v = [i for i in items.values() if in_stream(i, stream) and
             i["crawl"] >= ot and
             not any(in_stream(i, x) for x in xt) and
             all(in_stream(i, x) for x in it_)]
    v.sort(key=lambda i: -i["id"])
    if "c" in q:
        try:
            c = int(q["c"][0])
        except ValueError:
            return None, None
        v = [i for i in v if i["id"] <= c]
    page, rest = v[:n], v[n:]
    return page, (str(rest[0]["id"]) if rest else None)


def subscribe(url, title, labels):
    """Fetch url; when it is an RSS or Atom feed, add it and its items.
    Whether it was one."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            root = ET.fromstring(r.read())
    except Exception:
        return False
    atom = "{http://www.w3.org/2005/Atom}"
    if root.tag == "rss":
        chan = root.find("channel")
        entries = chan.findall("item") if chan is not None else []
        name = chan.findtext("title", "") if chan is not None else ""
        tt, lk = "title", "link"
    elif root.tag == atom + "feed":
        entries = root.findall(atom + "entry")
        name = root.findtext(atom + "title", "")
        tt, lk = atom + "title", None
    else:
        return False
    now = int(time.time())
    with lock:
        fid = max(list(feeds) + [0]) + 1
        feeds[fid] = {"id": fid, "title": title or name, "url": url,
                      "label": labels[0] if labels else None}
        nid = max(list(items) + [1700000000000000]) + 1
        for e in entries:
            link = e.findtext(lk, "") if lk else ""
            items[nid] = {"id": nid, "feed": fid, "crawl": now,
                          "title": e.findtext(tt, ""), "link": link}
            nid += 1
    return True


class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go in two writes: without this, Nagle's algorithm
    # and the client's delayed ACK add 40 ms to every answer.
    disable_nagle_algorithm = True

    def log_message(self, *a):
        pass

    def answer(self, code, body, ctype="text/plain; charset=utf-8",
               headers=(), nids=0):
        if args.log and not self.path.startswith("/_/"):
            with open(args.log, "a") as f:
                f.write("%s %s %d ids=%d\n" % (
                    self.command, urlsplit(self.path).path, code, nids))
        data = body.encode() if isinstance(body, str) else body
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def json(self, obj, nids=0):
        self.answer(200, json.dumps(obj), "application/json", nids=nids)

    def form(self):
        n = int(self.headers.get("Content-Length") or 0)
        return parse_qsl(self.rfile.read(n).decode(), keep_blank_values=True)

    def do_GET(self):
        self.route("GET")

    def do_POST(self):
        self.route("POST")

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
            return self.answer(503, "Service Unavailable")
        if path == "/accounts/ClientLogin" and method == "POST":
            f = dict(self.form())
            if f.get("Email") != args.user or \
               f.get("Passwd") != args.password:
                return self.answer(401, "Error=BadAuthentication\n")
            return self.answer(200, "SID=%s\nLSID=null\nAuth=%s\n" %
                               (AUTH, AUTH))
        if self.headers.get("Authorization") != "GoogleLogin auth=" + AUTH:
            return self.answer(401, "Unauthorized!")
        if m == "500":
            return self.answer(500, "Internal Server Error")
        api = "/reader/api/0/"
        if not path.startswith(api):
            return self.answer(404, "Not Found")
        op = path[len(api):]
        if op == "token" and method == "GET":
            return self.answer(200, TOKEN + "\n")
        if op == "subscription/list" and method == "GET":
            with lock:
                subs = [{"id": "feed/%d" % f["id"],
                         "title": f.get("title", ""),
                         "url": f.get("url", ""),
                         "htmlUrl": f.get("url", ""),
                         "iconUrl": "",
                         "categories": ([{"id": "user/-/label/" + f["label"],
                                          "label": f["label"]}]
                                        if f.get("label") else [])}
                        for f in sorted(feeds.values(),
                                        key=lambda f: f["id"])]
            return self.json({"subscriptions": subs})
        if op.startswith("stream/contents/") and method == "GET":
            stream = unquote(op[len("stream/contents/"):])
            page, cont = select(q, stream, args.contents_max)
            if page is None:
                return self.answer(400, "Bad Request")
            with lock:
                out = {"id": stream, "updated": int(time.time()),
                       "items": [item_json(i) for i in page]}
            if cont:
                out["continuation"] = cont
            return self.json(out)
        if op == "stream/items/ids" and method == "GET":
            if m == "loop":
                q.pop("c", None)
            page, cont = select(q, q.get("s", [""])[0], args.ids_max)
            if page is None:
                return self.answer(400, "Bad Request")
            if m == "loop":
                cont = "again"
            out = {"itemRefs": [{"id": str(i["id"]), "directStreamIds": [],
                                 "timestampUsec": str(i["crawl"] * 1000000)}
                                for i in page]}
            if cont:
                out["continuation"] = cont
            return self.json(out)
        if op == "stream/items/contents" and method == "POST":
            ids = [item_id(v) for k, v in self.form() if k == "i"]
            with lock:
                v = [item_json(items[i]) for i in ids if i in items]
            return self.json({"id": "user/-/state/com.google/reading-list",
                              "items": v}, nids=len(ids))
        if op == "subscription/edit" and method == "POST":
            d = {}
            for k, v in self.form():
                d.setdefault(k, []).append(v)
            if d.get("T", [""])[0] != TOKEN:
                return self.answer(401, "Unauthorized!", headers=[
                    ("X-Reader-Google-Bad-Token", "true")])
            ac = d.get("ac", [""])[0]
            streams = d.get("s", [])
            if not streams:
                return self.answer(400, "Bad Request")
            if ac == "subscribe":
                for st in streams:
                    if not st.startswith("feed/") or not subscribe(
                            st[5:], d.get("t", [""])[0],
                            [a[13:] for a in d.get("a", [])
                             if a.startswith("user/-/label/")]):
                        return self.answer(400, "Bad Request")
                if m == "editthendown":
                    mode[0] = "down"
                return self.answer(200, "OK")
            if ac == "unsubscribe":
                with lock:
                    gone = [f["id"] for f in feeds.values()
                            if "feed/%d" % f["id"] in streams]
                    if not gone:
                        return self.answer(400, "Bad Request")
                    for fid in gone:
                        del feeds[fid]
                        for i in [i for i, it in items.items()
                                  if it["feed"] == fid]:
                            del items[i]
                return self.answer(200, "OK")
            return self.answer(400, "Bad Request")
        if op == "edit-tag" and method == "POST":
            f = self.form()
            d = {}
            for k, v in f:
                d.setdefault(k, []).append(v)
            ids = [item_id(v) for v in d.get("i", [])]
            if m == "badtoken" or d.get("T", [""])[0] != TOKEN:
                if m == "badtoken":
                    mode[0] = "ok"
                return self.answer(401, "Unauthorized!", headers=[
                    ("X-Reader-Google-Bad-Token", "true")], nids=len(ids))
            if None in ids or not ids:
                return self.answer(400, "Bad Request", nids=len(ids))
            with lock:
                for i in ids:
                    it = items.get(i)
                    if it is None:
                        continue
                    for tag in d.get("a", []):
                        if tag.endswith("/state/com.google/read"):
                            it["read"] = True
                        elif tag.endswith("/state/com.google/starred"):
                            it["starred"] = True
                    for tag in d.get("r", []):
                        if tag.endswith("/state/com.google/read"):
                            it["read"] = False
                        elif tag.endswith("/state/com.google/starred"):
                            it["starred"] = False
            return self.answer(200, "OK", nids=len(ids))
        return self.answer(404, "Not Found")

    def control(self, method, path):
        if path == "/_/state":
            with lock:
                return self.json({str(i["id"]): {"read": bool(i.get("read")),
                                  "starred": bool(i.get("starred"))}
                                  for i in items.values()})
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n).decode()
        if path == "/_/mode":
            mode[0] = body.strip()
            return self.answer(200, "OK")
        data = json.loads(body or "[]")
        with lock:
            if path == "/_/feeds":
                for f in data:
                    feeds[f["id"]] = f
            elif path == "/_/items":
                now = int(time.time())
                for it in data:
                    it.setdefault("crawl", now)
                    items[it["id"]] = it
            else:
                return self.answer(404, "Not Found")
        return self.answer(200, "OK")


def main():
    global args
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log")
    p.add_argument("--user", default="alice")
    p.add_argument("--password", default="secret")
    p.add_argument("--ids-max", type=int, default=1000)
    p.add_argument("--contents-max", type=int, default=1000)
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
