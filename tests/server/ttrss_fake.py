"""What every story's fake Tiny Tiny RSS has in common.

A story writes $WORK/fake.py, which fake_start (tests/e2e/lib.sh) runs
as "fake.py MODE-FILE LOG-FILE PORT-FILE" with this folder on its path:
it subclasses Handler with its own do_POST (api_call() reads the API
call, read_mode() the mode the story set, ok() answers in the API's
envelope) and calls serve(H), which writes the port it listens on.
"""
import http.server
import json
import signal
import sys

signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))

mode_file, log_file, port_file = sys.argv[1:4]


def read_mode():
    return open(mode_file).read().strip()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def answer(self, code, body, ctype="application/json"):
        data = body.encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def ok(self, content):
        self.answer(200, json.dumps({"seq": 0, "status": 0,
                                     "content": content}))

    def api_call(self):
        n = int(self.headers.get("Content-Length") or 0)
        return json.loads(self.rfile.read(n) or b"{}")


def serve(handler):
    s = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    open(port_file, "w").write(str(s.server_address[1]))
    s.serve_forever()
