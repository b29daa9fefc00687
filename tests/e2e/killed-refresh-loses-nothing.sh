#!/bin/sh
# A refresh killed with SIGKILL at any instant leaves a database that passes
# the integrity check, holds each feed's items all in or all out, and is
# completed by the next refresh.
. ./lib.sh
serve
: >"$CONF"
i=1
while [ $i -le 40 ]; do
	rss "f$i.xml" "f$i" 150
	printf 'feed %s/f%d.xml\n' "$URL" "$i" >>"$CONF"
	i=$((i + 1))
done

for delay in 0.05 0.1 0.15 0.2 0.3 0.4 0.6; do
	"$TIDINGS" -c "$CONF" -d "$DB" refresh --all --quiet >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[ -e "$DB" ] || continue
	expect_eq "integrity after kill at ${delay}s" \
	    "$(sql 'pragma integrity_check')" ok
	# Killed before the schema was committed: nothing is stored yet.
	[ "$(sql "select count(*) from sqlite_master where name = 'items'")" \
	    -eq 1 ] || continue
	half=$(sql 'select count(*) from (select feed_id, count(*) n from items group by feed_id) where n <> 150')
	expect_eq "half-stored feeds after kill at ${delay}s" "$half" 0
done
expect_status 0 td refresh --all --quiet
expect_eq items "$(sql 'select count(*) from items')" 6000
expect_eq integrity "$(sql 'pragma integrity_check')" ok
