#!/bin/sh
# A refresh of 500 feeds killed with SIGKILL at 20 random instants: after
# each kill the database passes the integrity check and holds every
# feed's fetch all in or all out, and the next refresh completes.
#
# The instants are drawn by a seeded generator as fractions of the time a
# whole refresh takes here; the seed and the instants are printed, and
# SEED=N sh refresh-killed-at-random-instants.sh draws them again.
. ./lib.sh
serve
SEED=${SEED:-$$}
echo "seed $SEED"
# 250 feeds that never change and 250 whose every fetch brings three new
# items (/_/changing numbers each answer): every refresh stores again.
rss static.xml static 5
: >"$CONF"
i=1
while [ $i -le 250 ]; do
	printf 'feed %s/static.xml?n=%d\nfeed %s/_/changing?n=%d\n' \
	    "$URL" $i "$URL" $i >>"$CONF"
	i=$((i + 1))
done

# Two refreshes unharmed, on a database of their own, time the window:
# the second, like most below, has a database to add to.
"$TIDINGS" -c "$CONF" -d "$WORK/timing.db" refresh --all -q
start=$(date +%s%N)
"$TIDINGS" -c "$CONF" -d "$WORK/timing.db" refresh --all -q
window=$((($(date +%s%N) - start) / 1000000))
echo "a whole refresh took ${window} ms"

# check WHEN: the database is whole after a kill at WHEN.
check() {
	expect_eq "integrity after a kill at $1" \
	    "$(sql 'pragma integrity_check')" ok
	# Killed before the schema was committed: nothing is stored yet.
	[ "$(sql "select count(*) from sqlite_master where name = 'items'")" \
	    -eq 1 ] || return 0
	# A static feed has all five items or none, and has them exactly
	# when its fetch is recorded.
	expect_eq "half-stored static feeds after a kill at $1" "$(sql "
	    select count(*) from feeds f where url like '%static.xml%' and
	    (select count(*) from items where feed_id = f.id) <>
	    case when f.last_fetch is null then 0 else 5 end")" 0
	# Each answer of /_/changing (changing-N-0..2) is stored whole.
	expect_eq "half-stored answers after a kill at $1" "$(sql "
	    select count(*) from (select count(*) n from items
	    where guid like 'changing-%'
	    group by substr(guid, 1, length(guid) - 1)) where n <> 3")" 0
	expect_eq "answers without their fetch after a kill at $1" "$(sql "
	    select count(*) from feeds f where url like '%changing%' and
	    last_fetch is null and exists
	    (select 1 from items where feed_id = f.id)")" 0
}

kills=0
for ms in $(awk -v seed="$SEED" -v w="$window" -v n=20 'BEGIN {
    srand(seed); for (i = 0; i < n; i++) printf "%d\n", rand() * w }'); do
	"$TIDINGS" -c "$CONF" -d "$DB" refresh --all -q >/dev/null 2>&1 &
	pid=$!
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	kill -9 "$pid" 2>/dev/null || true
	rc=0
	wait "$pid" 2>/dev/null || rc=$?
	if [ "$rc" -eq 137 ]; then
		kills=$((kills + 1))
		echo "killed at $ms ms, $(sql 'select count(*) from items')" \
		    "items stored"
	else
		echo "ended before $ms ms"
	fi
	[ -e "$DB" ] || continue
	check "${ms} ms"
done
echo "$kills of 20 refreshes killed before they ended"

expect_status 0 td refresh --all -q
check "the end"
expect_eq "static items" "$(sql "select count(*) from items
    where guid like 'item-%'")" 1250
expect_eq "feeds fetched" "$(sql 'select count(*) from feeds
    where last_fetch is not null and error is null')" 500
