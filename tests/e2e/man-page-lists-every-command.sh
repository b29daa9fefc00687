#!/bin/sh
# tidings(1) has an entry for every command "tidings -h" lists, and for
# every option of each, so the manual cannot fall behind the code.
. ./lib.sh
MAN="$TOP/man/tidings.1"
"$TIDINGS" -h >"$WORK/help"
n=0
for cmd in $(sed -n 's/^  tidings \([a-z-]*\).*/\1/p' "$WORK/help"); do
	grep -q "^\.It Ic $cmd\( \|$\)" "$MAN" ||
	    grep -q "^\.Ic $cmd\$" "$MAN" ||
	    fail "tidings.1 has no entry for the command $cmd"
	for opt in $(sed -n "s/^  tidings $cmd //p" "$WORK/help" |
	    grep -o -- '--\?[a-z][a-z-]*' | grep '^-'); do
		flag=$(printf '%s' "$opt" | sed 's/^-//')
		grep -q "Fl $flag\b" "$MAN" ||
		    fail "tidings.1 does not name $opt of $cmd"
	done
	n=$((n + 1))
done
[ "$n" -ge 10 ] || fail "only $n commands in tidings -h"
