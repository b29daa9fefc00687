#!/bin/sh
# tidings extract and tidings parse-feed, which write nothing, end at once
# on C-c (SIGINT) or SIGTERM, whatever they are reading or parsing; and
# they read no more of a file than a download may bring (max-response-size).
. ./lib.sh

# An endless file stops at the cap, with one line on stderr.
for cmd in extract parse-feed; do
	expect_status 1 timeout 60 "$TIDINGS" -c "$CONF" $cmd /dev/zero
	expect_grep "/dev/zero: larger than 16M (max-response-size)" "$WORK/err"
	[ "$(wc -l <"$WORK/err")" -eq 1 ] || fail "$cmd: expected one line"
done
printf 'set max-response-size 64K\n' >"$CONF"
head -c 70000 /dev/zero | tr '\0' a >"$WORK/big.html"
expect_status 1 "$TIDINGS" -c "$CONF" extract "$WORK/big.html"
expect_grep "larger than 64K" "$WORK/err"

# A signal ends them while they wait for input or parse a 20 MB attribute
# (minutes under the sanitizers); the exit status says the signal did it.
printf 'set max-response-size 1G\n' >"$CONF"
python3 - "$TIDINGS" "$CONF" "$WORK" <<'PY'
import os, signal, subprocess, sys, time
tidings, conf, work = sys.argv[1:4]
# A shell without job control starts a background job with SIGINT
# ignored, and a command keeps a signal ignored that it was given so (as
# C-c must not reach a background job): the story is about a command in
# the foreground, so its commands start with SIGINT as a terminal gives it.
signal.signal(signal.SIGINT, signal.default_int_handler)
a = "a" * (20 << 20)
with open(work + "/attr.xml", "w") as f:
    f.write('<rss><channel><item><title x="%s">t</title></item>'
            '</channel></rss>' % a)
with open(work + "/attr.html", "w") as f:
    f.write('<html><body><p title="%s">x</p></body></html>' % a)

def run(args, sig, stdin=subprocess.DEVNULL):
    p = subprocess.Popen([tidings, "-c", conf] + args, stdin=stdin,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1)
    if p.poll() is not None:
        # A fast build may finish before the signal: fine if it worked.
        assert p.returncode == 0, (args, p.returncode, p.stderr.read())
        return
    start = time.monotonic()
    p.send_signal(sig)
    try:
        rc = p.wait(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        sys.exit("%s still ran 10 s after signal %d" % (args, sig))
    assert rc == -sig, (args, sig, rc, p.stderr.read())
    print("%s: ended by signal %d in %.2f s" % (" ".join(args), sig,
          time.monotonic() - start))

for sig in (signal.SIGTERM, signal.SIGINT):
    # Waiting for standard input that never ends.
    r, w = os.pipe()
    run(["extract", "-"], sig, stdin=r)
    run(["parse-feed", "-"], sig, stdin=r)
    os.close(r)
    os.close(w)
    # Parsing.
    run(["parse-feed", work + "/attr.xml"], sig)
    run(["extract", work + "/attr.html"], sig)
PY
