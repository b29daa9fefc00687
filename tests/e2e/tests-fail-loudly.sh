#!/bin/sh
# The tests themselves fail loudly: a reader story whose reader does not
# start fails (it neither passes nor skips, whatever the binary prints), a
# story that skips says so with its own status, and the layering check
# finds a breach in any file, a file it has no row for and a library no
# module owns.
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

# breach WHAT FILE TEXT MESSAGE: add TEXT to FILE of a copy of src (after
# its first #include, or at the end of a new file), and expect the
# layering check to fail with MESSAGE.
breach() {
	rm -rf "$WORK/src"
	cp -R "$TOP/src" "$WORK/src"
	if [ -f "$WORK/src/$2" ]; then
		awk -v t="$3" '{ print } /^#include/ && !done { print t; done = 1 }' \
		    "$WORK/src/$2" >"$WORK/src/$2.new"
		mv "$WORK/src/$2.new" "$WORK/src/$2"
	else
		printf '%s\n' "$3" >"$WORK/src/$2"
	fi
	set +e
	sh "$TOP/tests/layering" "$WORK/src" >"$WORK/layering.out" 2>&1
	rc=$?
	set -e
	[ $rc -eq 1 ] || fail "layering passed $1"
	expect_grep "$4" "$WORK/layering.out"
}
expect_status 0 sh "$TOP/tests/layering" "$TOP/src"
breach "SQLite in ui-int.h" ui-int.h '#include <sqlite3.h>' \
    'ui-int.h: includes <sqlite3.h>, which belongs to another module'
breach "curl in main.c" main.c '#include <curl/curl.h>' \
    'main.c: includes <curl/curl.h>, which belongs to another module'
breach "a curses type in ui.h" ui.h 'void ui_win(WINDOW *);' \
    'ui.h: names a type of curses in a header'
breach "SQLite's types in store.h" store.h 'struct s { sqlite3_stmt *q; };' \
    'store.h: names a type of sqlite3 in a header'
breach "util.c on the store" util.c '#include "store.h"' \
    'util.c: includes "store.h"'
breach "keys.c on the UI" keys.c '#include "ui-int.h"' \
    'keys.c: includes "ui-int.h"'
breach "a module with no row" newmod.c '#include "buf.h"' \
    'newmod.c: no row in the table'
breach "a library no module owns" buf.c '#include <zlib.h>' \
    'buf.c: includes <zlib.h>, a library no module owns'
