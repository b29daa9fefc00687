#!/usr/bin/env python3
"""tests/server/server.py: the project's HTTP server for tests.

    python3 tests/server/server.py --root DIR [--port N] [--log FILE]
                                   [--tls PEM]

Binds 127.0.0.1 only, on port N (0, the default, picks a free one), prints
the port on stdout as one line and serves until SIGTERM or SIGINT. One
thread per connection, HTTP/1.1 with keep-alive. Python 3 standard library
only. With --tls it speaks HTTPS with the certificate and key in PEM (made
by the test, e.g. a self-signed one with openssl req -x509).

Everything it answers is a function of the request, the files under --root
and per-server counters, never of the clock (the only exception being the
Date header the standard library adds), so tests are deterministic. Every
loop is bounded: slow, stalled and endless answers end after a cap even if
the client never hangs up.

Files
    /PATH       the file DIR/PATH (never outside DIR; a directory serves its
                index.html). Sent with Content-Length,
                ETag "<first 16 hex digits of its SHA-256>" (gzip adds -gz)
                and Last-Modified (its mtime). If-None-Match (matched
                weakly, "*" matches) or else If-Modified-Since answer 304.
                gzip when Accept-Encoding allows it. Query switches:
                  gzip=0          never gzip;  gzip=1  always gzip
                  type=T          Content-Type T instead of one guessed
                                  from the name (.xml application/xml,
                                  .rss application/rss+xml, .atom
                                  application/atom+xml, .rdf
                                  application/rdf+xml, .html text/html)
                  etag=0, lm=0    leave out ETag / Last-Modified
                  validators=0    a 304 carries neither ETag nor
                                  Last-Modified (as many servers do)
                  range=0         ignore Range (answer 200 with it all)
                  total=N         a lie: Content-Range gives N as the
                                  file's size, whatever it is
                  pace=S          send the body in 20 pieces spread over
                                  S seconds (at most 60)
                  length=0        no Content-Length: the body ends when
                                  the connection closes
                Range: bytes=N- or bytes=N-M (one range, without gzip)
                answers 206 with Content-Range: bytes N-M/SIZE, or 416
                with Content-Range: bytes */SIZE when N is past the end;
                every answer says Accept-Ranges: bytes.

Behaviours, under /_/
    /_/status/CODE[?reason=R]   answers CODE (200-599) with a short text
                                body; R replaces the reason phrase
    /_/redirect/C1,C2,...?to=U  redirects with C1 (each 300-308) to
                                /_/redirect/C2,...?to=U, and so on; the last
                                code redirects to U (default /). U may be
                                absolute, any scheme.
    /_/redirect-loop[?code=C]   redirects (C, default 301) to itself forever
    /_/slow?file=F[&seconds=S]  sends F in 10 pieces spread over S seconds
                                (default 2, at most 60)
    /_/stall[?seconds=S&bytes=N&headers=0]
                                sends headers (Content-Length 1 MiB) and N
                                bytes of body (default 0), then nothing for
                                S seconds (default 30, at most 300) and
                                closes; headers=0 stalls before the status
                                line
    /_/truncated?file=F[&missing=N]
                                announces N (default 1000) bytes more than F
                                has, sends F and closes the connection
    /_/huge[?mb=N]              streams N MiB (default 32, at most 1024) of
                                a valid-looking RSS feed without
                                Content-Length, until done or the client
                                hangs up
    /_/bomb[?mb=N]              a gzip body of about N/1000 MiB that
                                inflates to N MiB (default 64, at most 1024)
                                of an RSS prologue and spaces
    /_/badgzip                  Content-Encoding: gzip over bytes that are
                                not gzip
    /_/big-headers[?kb=N]       a 200 whose headers (X-Filler-1, ...) add
                                up to about N KiB (default 300, at most
                                4096)
    /_/retry-after[?code=C&after=A]
                                answers C (default 429) with Retry-After: A
                                (default 120), A sent verbatim so it may be
                                an HTTP-date
    /_/html                     an article page with navigation, sidebar and
                                footer clutter (for reader mode)
    /_/echo-headers             text/plain: the request line, then each
                                request header as "Name: value"
    /_/count?file=F             serves F as /F is served, counting the hits
    /_/hits[?file=F]            text/plain: hits of /_/count?file=F, or
                                "F N" lines for every counted file
    /_/changing                 an RSS feed without validators whose item
                                guids change on every request (a per-server
                                counter numbers them)
    /_/many[?n=N]               an RSS feed of N small items (default
                                100000, at most 1000000), guids many-1 to
                                many-N

A file F in a query is a path relative to DIR. A missing file is a 404.

Log (--log FILE): one line per response, written before the response is
sent, so that a client that has its answer finds the line already there.
Fields are separated by tabs; a missing header is "-":

    METHOD  PATH?QUERY  STATUS  active=N  inm=If-None-Match
        ims=If-Modified-Since  ae=Accept-Encoding  range=Range

active is the number of requests being handled at that moment, this one
included, so the largest value in the log bounds the client's concurrency
from below.
"""

import argparse
import email.utils
import gzip
import hashlib
import mimetypes
import os
import select
import signal
import socket
import ssl
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, unquote, urlsplit

MIB = 1 << 20

TYPES = {
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".rdf": "application/rdf+xml",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}

RSS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0"><channel><title>{title}</title>'
    "<link>http://127.0.0.1/</link><description>test</description>\n"
)
RSS_TAIL = "</channel></rss>\n"

HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>A Quiet Harbour - Example News</title>
<style>body { font-family: serif; }</style>
<script>var tracking = "none";</script></head>
<body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> |
<a href="/sport">Sport</a> | <a href="/login">Log in</a></nav></header>
<div class="sidebar"><h3>Most read</h3><ul>
<li><a href="/a">Ten things about ports</a></li>
<li><a href="/b">Why gulls shout</a></li></ul></div>
<main><article>
<h1>A Quiet Harbour</h1>
<p class="byline">By Ada Example</p>
<p>The harbour was quiet on Tuesday morning. Fishing boats that would
normally have left before dawn stayed tied to the <a href="/quay">old
quay</a>, their crews waiting for the wind to drop.</p>
<p>&ldquo;We have seen worse,&rdquo; said the harbour master, who has
worked here for <em>thirty years</em>. &ldquo;But not often in
June.&rdquo;</p>
<h2>What comes next</h2>
<p>Forecasters expect calmer weather by the weekend, and the
<strong>annual regatta</strong> is still planned for Sunday.</p>
<ul><li>Saturday: boats return to sea</li>
<li>Sunday: regatta at noon</li></ul>
</article></main>
<aside class="related"><h3>Related</h3>
<a href="/c">More harbour news</a></aside>
<footer><p>&copy; Example News. <a href="/privacy">Privacy</a>
<a href="/cookies">Cookies</a></p></footer>
</body>
</html>
"""


def first(q, name, default=None):
    """The first value of a query parameter, or default."""
    v = q.get(name)
    return v[0] if v else default


def number(q, name, default, lo, hi, kind=int):
    """A numeric query parameter clamped to [lo, hi]; default if absent or
    malformed."""
    try:
        v = kind(first(q, name, default))
    except ValueError:
        v = default
    return max(lo, min(hi, v))


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, addr, root, log):
        super().__init__(addr, Handler)
        self.root = os.path.realpath(root)
        self.logfile = log
        self.lock = threading.Lock()
        self.active = 0
        self.hits = {}
        self.changing = 0
        self.bombs = {}

    def handle_error(self, request, client_address):
        # A client hanging up is normal here (size caps, timeouts, stop).
        if isinstance(sys.exc_info()[1], (ConnectionError, socket.timeout)):
            return
        super().handle_error(request, client_address)

    def log(self, line):
        if self.logfile is None:
            return
        with self.lock:
            self.logfile.write(line)
            self.logfile.flush()

    def bomb(self, mb):
        """The gzip bytes that inflate to mb MiB, made once per size."""
        with self.lock:
            if mb not in self.bombs:
                c = zlib.compressobj(9, zlib.DEFLATED, 31)
                head = RSS_HEAD.format(title="bomb").encode()
                out = [c.compress(head)]
                left = mb * MIB - len(head)
                spaces = b" " * MIB
                while left > 0:
                    n = min(left, MIB)
                    out.append(c.compress(spaces[:n]))
                    left -= n
                out.append(c.flush())
                self.bombs[mb] = b"".join(out)
            return self.bombs[mb]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tidings-test-server/1"
    timeout = 60            # an idle keep-alive connection ends its thread
    disable_nagle_algorithm = True  # headers and body go out at once

    def version_string(self):
        return self.server_version

    def log_message(self, format, *args):
        pass                # --log has our own format; stderr stays quiet

    def send_response(self, code, message=None):
        h = self.headers

        def hdr(name):
            v = h.get(name) if h is not None else None
            return "-" if v is None else v.replace("\t", " ")

        self.server.log(
            "%s\t%s\t%d\tactive=%d\tinm=%s\tims=%s\tae=%s\trange=%s\n" % (
                self.command or "-", (self.path or "-").replace("\t", " "),
                code, self.server.active, hdr("If-None-Match"),
                hdr("If-Modified-Since"), hdr("Accept-Encoding"),
                hdr("Range")))
        super().send_response(code, message)

    def do_GET(self):
        self.run(False)

    def do_HEAD(self):
        self.run(True)

    def run(self, head):
        self.head = head
        with self.server.lock:
            self.server.active += 1
        try:
            self.route()
        except ConnectionError:
            self.close_connection = True
        finally:
            with self.server.lock:
                self.server.active -= 1

    def route(self):
        u = urlsplit(self.path)
        path = unquote(u.path)
        q = parse_qs(u.query)
        if not path.startswith("/_/"):
            self.serve_file(path, q)
            return
        name, _, arg = path[3:].partition("/")
        fn = getattr(self, "b_" + name.replace("-", "_"), None)
        if fn is None:
            self.reply(404, b"no such behaviour\n")
            return
        fn(arg, q)

    # Helpers.

    def reply(self, code, body, ctype="text/plain; charset=utf-8",
              headers=(), reason=None):
        """A complete answer with Content-Length."""
        self.send_response(code, reason)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        nobody = code in (204, 304)
        if not nobody:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not self.head and not nobody:
            self.wfile.write(body)

    def resolve(self, rel):
        """The path of file rel under the root, or None."""
        if rel is None:
            return None
        root = self.server.root
        p = os.path.realpath(os.path.join(root, rel.lstrip("/")))
        if p != root and not p.startswith(root + os.sep):
            return None
        if os.path.isdir(p):
            p = os.path.join(p, "index.html")
        return p if os.path.isfile(p) else None

    def read_file(self, rel):
        """(path, bytes) of file rel, or None after answering 404."""
        p = self.resolve(rel)
        if p is None:
            self.reply(404, b"not found\n")
            return None
        with open(p, "rb") as f:
            return p, f.read()

    def accepts_gzip(self, q):
        g = first(q, "gzip")
        if g is not None:
            return g == "1"
        for part in (self.headers.get("Accept-Encoding") or "").split(","):
            token, _, params = part.strip().partition(";")
            if token.strip().lower() in ("gzip", "x-gzip", "*"):
                params = params.replace(" ", "")
                return params not in ("q=0", "q=0.0", "q=0.00", "q=0.000")
        return False

    def wait_hangup(self, seconds):
        """Sleep up to seconds; return early (True) if the client closes."""
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return False
            r, _, _ = select.select([self.connection], [], [], min(left, 0.1))
            if r:
                try:
                    if self.connection.recv(1, socket.MSG_PEEK) == b"":
                        return True
                except OSError:
                    return True
                time.sleep(min(left, 0.1))  # pipelined bytes: keep waiting

    def serve_file(self, rel, q):
        got = self.read_file(rel)
        if got is None:
            return
        p, data = got
        mtime = int(os.stat(p).st_mtime)
        tag = hashlib.sha256(data).hexdigest()[:16]
        gz = self.accepts_gzip(q)
        etag = '"%s%s"' % (tag, "-gz" if gz else "")
        lm = email.utils.formatdate(mtime, usegmt=True)
        ext = os.path.splitext(p)[1].lower()
        ctype = first(q, "type") or TYPES.get(ext) or \
            mimetypes.guess_type(p)[0] or "application/octet-stream"
        validators = []
        if first(q, "etag") != "0":
            validators.append(("ETag", etag))
        if first(q, "lm") != "0":
            validators.append(("Last-Modified", lm))
        vary = [("Vary", "Accept-Encoding")]

        if self.not_modified(tag, mtime):
            if first(q, "validators") == "0":
                validators = []
            self.reply(304, b"", ctype, validators + vary)
            return
        headers = validators + vary + [("Accept-Ranges", "bytes")]
        if gz:
            data = gzip.compress(data, mtime=0)
            headers.append(("Content-Encoding", "gzip"))
        code = 200
        want = self.headers.get("Range")
        if want is not None and not gz and first(q, "range") != "0":
            span = self.byte_range(want, len(data))
            if span == "unsatisfiable":
                self.reply(416, b"", ctype, headers + [
                    ("Content-Range", "bytes */%d" % len(data))])
                return
            if span is not None:
                lo, hi = span
                total = first(q, "total", "")
                headers.append(("Content-Range", "bytes %d-%d/%s" % (
                    lo, hi, total if total.isdigit() else len(data))))
                data = data[lo:hi + 1]
                code = 206
        pace = number(q, "pace", 0.0, 0.0, 60.0, float)
        unsized = first(q, "length") == "0"
        if pace <= 0 and not unsized:
            self.reply(code, data, ctype, headers)
            return
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        if unsized:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.head:
            return
        pieces = 20
        step = (len(data) + pieces - 1) // pieces or 1
        for i in range(pieces):
            self.wfile.write(data[i * step:(i + 1) * step])
            self.wfile.flush()
            if pace > 0 and self.wait_hangup(pace / pieces):
                self.close_connection = True
                return

    @staticmethod
    def byte_range(value, size):
        """(first, last) of a one-range "bytes=N-[M]" header within size,
        "unsatisfiable" when N is past the end, None to ignore it."""
        unit, _, spec = value.strip().partition("=")
        if unit.strip().lower() != "bytes" or "," in spec:
            return None
        lo, dash, hi = spec.strip().partition("-")
        if not dash or not lo.isdigit() or (hi and not hi.isdigit()):
            return None
        lo = int(lo)
        hi = min(int(hi), size - 1) if hi else size - 1
        if lo >= size:
            return "unsatisfiable"
        if hi < lo:
            return None
        return lo, hi

    def not_modified(self, tag, mtime):
        """Whether the request's validators match (RFC 9110 13.2.2)."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            for t in inm.split(","):
                t = t.strip()
                if t == "*":
                    return True
                if t.startswith("W/"):
                    t = t[2:]
                if t in ('"%s"' % tag, '"%s-gz"' % tag):
                    return True
            return False
        ims = self.headers.get("If-Modified-Since")
        if ims is not None:
            try:
                when = email.utils.parsedate_to_datetime(ims)
            except (TypeError, ValueError, IndexError):
                return False
            return mtime <= when.timestamp()
        return False

    # Behaviours: b_NAME answers /_/NAME/ARG.

    def b_status(self, arg, q):
        try:
            code = int(arg)
        except ValueError:
            code = 0
        if not 200 <= code <= 599:
            self.reply(400, b"status must be 200-599\n")
            return
        reason = first(q, "reason")
        self.reply(code, ("%d\n" % code).encode(), reason=reason)

    def b_redirect(self, arg, q):
        try:
            codes = [int(c) for c in arg.split(",")]
        except ValueError:
            codes = []
        if not codes or any(not 300 <= c <= 308 for c in codes):
            self.reply(400, b"redirect codes must be 300-308\n")
            return
        to = first(q, "to", "/")
        if len(codes) > 1:
            to = "/_/redirect/%s?to=%s" % (
                ",".join(str(c) for c in codes[1:]), quote(to, safe=""))
        self.reply(codes[0], b"moved\n", headers=[("Location", to)])

    def b_redirect_loop(self, arg, q):
        code = number(q, "code", 301, 300, 308)
        self.reply(code, b"moved\n", headers=[("Location", self.path)])

    def b_slow(self, arg, q):
        seconds = number(q, "seconds", 2.0, 0.0, 60.0, float)
        got = self.read_file(first(q, "file"))
        if got is None:
            return
        data = got[1]
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.head:
            return
        pieces = 10
        step = (len(data) + pieces - 1) // pieces or 1
        for i in range(pieces):
            self.wfile.write(data[i * step:(i + 1) * step])
            self.wfile.flush()
            if self.wait_hangup(seconds / pieces):
                self.close_connection = True
                return

    def b_stall(self, arg, q):
        seconds = number(q, "seconds", 30.0, 0.0, 300.0, float)
        nbytes = number(q, "bytes", 0, 0, MIB)
        self.close_connection = True
        if first(q, "headers") != "0":
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(MIB))
            self.end_headers()
            self.wfile.write(b" " * nbytes)
            self.wfile.flush()
        self.wait_hangup(seconds)

    def b_truncated(self, arg, q):
        missing = number(q, "missing", 1000, 1, MIB)
        got = self.read_file(first(q, "file"))
        if got is None:
            return
        data = got[1]
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(data) + missing))
        self.end_headers()
        self.wfile.write(data)

    def b_huge(self, arg, q):
        mb = number(q, "mb", 32, 1, 1024)
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.head:
            return
        item = "".join(
            "<item><title>Item %d</title><guid>huge-%d</guid>"
            "<description>%s</description></item>\n" % (i, i, "x" * 400)
            for i in range(128)).encode()
        sent = 0
        self.wfile.write(RSS_HEAD.format(title="huge").encode())
        while sent < mb * MIB:
            self.wfile.write(item)
            sent += len(item)
        self.wfile.write(RSS_TAIL.encode())

    def b_bomb(self, arg, q):
        mb = number(q, "mb", 64, 1, 1024)
        self.reply(200, self.server.bomb(mb), "application/rss+xml",
                   [("Content-Encoding", "gzip")])

    def b_badgzip(self, arg, q):
        self.reply(200, b"\x1f\x8b\x08\x00" + b"this is not gzip at all " * 8,
                   "application/rss+xml", [("Content-Encoding", "gzip")])

    def b_big_headers(self, arg, q):
        kb = number(q, "kb", 300, 1, 4096)
        filler = "x" * 1000
        self.send_response(200)
        for i in range(kb):
            self.send_header("X-Filler-%d" % i, filler)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "3")
        self.end_headers()
        if not self.head:
            self.wfile.write(b"ok\n")

    def b_retry_after(self, arg, q):
        code = number(q, "code", 429, 200, 599)
        after = first(q, "after", "120")
        self.reply(code, b"slow down\n", headers=[("Retry-After", after)])

    def b_html(self, arg, q):
        self.reply(200, HTML_PAGE.encode(), "text/html; charset=utf-8")

    def b_echo_headers(self, arg, q):
        lines = [self.requestline]
        lines += ["%s: %s" % (k, v) for k, v in self.headers.items()]
        self.reply(200, ("\n".join(lines) + "\n").encode())

    def b_count(self, arg, q):
        f = first(q, "file")
        with self.server.lock:
            self.server.hits[f] = self.server.hits.get(f, 0) + 1
        self.serve_file(f or "", q)

    def b_hits(self, arg, q):
        f = first(q, "file")
        with self.server.lock:
            if f is not None:
                text = "%d\n" % self.server.hits.get(f, 0)
            else:
                text = "".join("%s %d\n" % kv
                               for kv in sorted(self.server.hits.items()))
        self.reply(200, text.encode())

    def b_changing(self, arg, q):
        with self.server.lock:
            self.server.changing += 1
            n = self.server.changing
        items = "".join(
            "<item><title>Change %d.%d</title><guid>changing-%d-%d</guid>"
            "<link>http://127.0.0.1/changing/%d/%d</link></item>\n"
            % (n, i, n, i, n, i) for i in range(3))
        body = RSS_HEAD.format(title="changing") + items + RSS_TAIL
        self.reply(200, body.encode(), "application/rss+xml")

    def b_many(self, arg, q):
        n = number(q, "n", 100000, 1, 1000000)
        items = "".join(
            "<item><title>Many %d</title><guid>many-%d</guid></item>\n"
            % (i, i) for i in range(1, n + 1))
        body = RSS_HEAD.format(title="many") + items + RSS_TAIL
        self.reply(200, body.encode(), "application/rss+xml")


def main():
    ap = argparse.ArgumentParser(description="tidings test HTTP server")
    ap.add_argument("--root", required=True, help="directory to serve")
    ap.add_argument("--port", type=int, default=0, help="0: any free port")
    ap.add_argument("--log", help="append one line per request here")
    ap.add_argument("--tls", help="certificate and key (PEM): serve HTTPS")
    args = ap.parse_args()
    if not os.path.isdir(args.root):
        ap.error("--root %s: not a directory" % args.root)

    log = open(args.log, "a", encoding="utf-8") if args.log else None
    srv = Server(("127.0.0.1", args.port), args.root, log)
    if args.tls:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)

    def stop(signum, frame):
        threading.Thread(target=srv.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(srv.server_address[1], flush=True)
    srv.serve_forever(poll_interval=0.1)
    srv.server_close()
    if log is not None:
        log.close()


if __name__ == "__main__":
    main()
