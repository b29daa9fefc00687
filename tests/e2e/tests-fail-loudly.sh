#!/bin/sh
# The tests themselves fail loudly: a reader story whose reader does not
# start fails (it neither passes nor skips, whatever the binary prints),
# and a story that skips says so with its own status.
. ./lib.sh

# A reader story, which passes with tidings, fails with a binary that
# cannot start the reader, whatever that says about it.
cat >"$WORK/reader.sh" <<'SH'
. ./lib.sh
printf 'feed http://127.0.0.1:9/a.xml "~Nowhere"\n' >"$CONF"
tui_start 80 10
wait_for "Nowhere"
keys q
wait_exit 0
SH
expect_status 0 sh "$WORK/reader.sh"
cat >"$WORK/noreader" <<'SH'
#!/bin/sh
echo "tidings: the reader is not available here" >&2
exit 1
SH
chmod +x "$WORK/noreader"
set +e
TIDINGS="$WORK/noreader" sh "$WORK/reader.sh" >"$WORK/story.out" 2>&1
rc=$?
set -e
[ $rc -ne 0 ] && [ $rc -ne 77 ] || {
	cat "$WORK/story.out" >&2
	fail "a reader story without a reader exited $rc"
}
expect_grep "the reader did not start" "$WORK/story.out"

# A story that skips exits 77 and says why.
cat >"$WORK/skipper.sh" <<'SH'
. ./lib.sh
skip "nothing to run here"
SH
set +e
sh "$WORK/skipper.sh" >"$WORK/skip.out" 2>&1
rc=$?
set -e
expect_eq "a skipping story's status" $rc 77
expect_grep "SKIP: nothing to run here" "$WORK/skip.out"
