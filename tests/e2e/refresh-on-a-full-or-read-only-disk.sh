#!/bin/sh
# A database that cannot grow (the disk is full) or cannot be written at
# all (read-only) stops the refresh with a message that says so, while
# unread, items and the reader still read it, and
# loses nothing: the file passes the integrity check and keeps every item
# and its read state, and a later refresh with room completes.
. ./lib.sh
serve
rss a.xml a 50
rss b.xml b 5
printf 'feed %s/a.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh -q
sql "update items set read = 1 where guid in ('item-1', 'item-2')"
printf 'feed %s/a.xml\nfeed %s/b.xml\nfeed %s/_/many?n=20000 "~many"\n' \
    "$URL" "$URL" "$URL" >"$CONF"

# On a full disk the commands that only read still work: the files a
# reader of a WAL database creates beside it cannot grow (here a file
# size limit of one block), so the file is read as it is.
for cmd in unread "items -n 3"; do
	set +e
	# shellcheck disable=SC2086
	(
		trap '' XFSZ
		ulimit -f 1
		exec "$TIDINGS" -c "$CONF" -d "$DB" $cmd 2>"$WORK/err"
	) >"$WORK/out"
	rc=$?
	set -e
	cat "$WORK/err"
	expect_eq "$cmd on a full disk" "$rc" 0
done
expect_eq "items listed on a full disk" "$(grep -c "^2024-" "$WORK/out")" 3

# A full disk, unprivileged: writes past the file size limit fail with
# EFBIG once SIGXFSZ is ignored. The limit (in blocks of 512 bytes, or
# of 1024 in shells that count so) leaves the file room for tens of
# kilobytes, and the new feed needs megabytes.
size=$(stat -c %s "$DB")
set +e
(
	trap '' XFSZ
	ulimit -f $((size / 512 + 64))
	exec "$TIDINGS" -c "$CONF" -d "$DB" refresh --all
) >"$WORK/out" 2>&1
rc=$?
set -e
cat "$WORK/out"
expect_eq "exit status when full" "$rc" 3
expect_grep "many: $DB: the database file has reached the largest size this process may write (ulimit -f); the change was not saved" "$WORK/out"
expect_eq "integrity when full" "$(sql 'pragma integrity_check')" ok
expect_eq "items when full" "$(sql "select count(*) from items
    where guid like 'item-%' and feed_id = 1")" 50
expect_eq "read when full" "$(sql 'select count(*) from items
    where read = 1')" 2
expect_eq "many stored when full" "$(sql "select count(*) from items
    where guid like 'many-%'")" 0

# With room the same refresh completes.
expect_status 0 td refresh --all -q
expect_eq "items with room" "$(sql 'select count(*) from items')" 20055
expect_eq "read with room" "$(sql 'select count(*) from items
    where read = 1')" 2

# A disk really full (root only: a tmpfs just larger than the database,
# filled up): the commands that read and the reader still show the items.
full="$WORK/full"
mkdir "$full"
kb=$(($(stat -c %s "$DB") / 1024 + 256))
if [ "$(id -u)" = 0 ] &&
    mount -t tmpfs -o "size=${kb}k" tmpfs "$full" 2>/dev/null; then
	# The reader must be gone before the file system can be.
	trap '[ -n "$T" ] && $T kill-server 2>/dev/null
	    umount "$full" 2>/dev/null; cleanup' EXIT
	cp "$DB" "$full/small.db"
	dd if=/dev/zero of="$full/fill" bs=64k 2>/dev/null || true
	expect_status 0 "$TIDINGS" -c "$CONF" -d "$full/small.db" unread
	expect_eq "unread on a full tmpfs" "$(cat "$WORK/out")" 20053
	saved=$DB
	DB="$full/small.db"
	tui_start 100 20
	wait_for "20053 All items"
	wait_for "Many 1"
	wait_for "the disk is full"
	keys q
	wait_exit
	DB=$saved
	umount "$full"
	trap cleanup EXIT
else
	echo "SKIP full tmpfs: not root or no mount"
fi

# Read-only. Root writes any file whatever its mode, so as root the
# reader runs as nobody (setpriv), who may read the directory and the
# file and write neither.
chmod 755 "$WORK"
chmod 644 "$CONF"
chmod 444 "$DB"
as=
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null ||
	    skip "read-only: root without setpriv"
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
rss b.xml b 8
expect_status 1 $as "$TIDINGS" -c "$CONF" -d "$DB" refresh --all
expect_grep "tidings: $DB: the database is read-only; the change was not saved" "$WORK/err"
expect_eq "integrity when read-only" "$(sql 'pragma integrity_check')" ok
expect_eq "items when read-only" "$(sql 'select count(*) from items')" 20055
expect_eq "read when read-only" "$(sql 'select count(*) from items
    where read = 1')" 2
# Commands that only read work on it all the same.
expect_status 0 $as "$TIDINGS" -c "$CONF" -d "$DB" unread
expect_eq "unread count from a read-only database" "$(cat "$WORK/out")" \
    20053
expect_status 0 $as "$TIDINGS" -c "$CONF" -d "$DB" items -n 3
expect_eq "items listed from a read-only database" \
    "$(wc -l <"$WORK/out" | tr -d ' ')" 3
chmod 644 "$DB"
expect_status 0 td refresh --all -q
expect_eq "items writable again" "$(sql 'select count(*) from items')" 20058
