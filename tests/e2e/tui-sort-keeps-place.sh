#!/bin/sh
# A list sorted by link, or by guid, keeps the cursor's place when a
# refresh deletes the item under it: the cursor goes to the item after
# it, not to the top of the list. The guids sort in reverse of the links
# and the dates, so that only the guid places it in guid order.
. ./lib.sh
serve
# Items 1 to $1 but $2, item 4 the oldest.
feed() {
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>src</title>\n'
		i=1
		while [ $i -le "$1" ]; do
			[ $i -eq "${2:-0}" ] && { i=$((i + 1)); continue; }
			d=$((i + 10))
			[ $i -eq 4 ] && d=01
			printf '<item><title>src item %d</title>' $i
			printf '<link>http://example.org/src/%d</link>' $i
			printf '<guid>g%d</guid>' $((10 - i))
			printf '<description>Body %d</description>' $i
			printf '<pubDate>Mon, %s Jan 2024 10:00:00 GMT</pubDate>' $d
			printf '</item>\n'
			i=$((i + 1))
		done
		printf '</channel></rss>\n'
	} >"$WORK/www/src.xml"
}
for sort in link-asc guid-desc; do
	rm -f "$DB" "$DB-wal" "$DB-shm"
	feed 5
	cat >"$CONF" <<CONF
feed $URL/src.xml "~Source"
set sort $sort
set max-items 5
CONF
	expect_status 0 td refresh

	tui_start 100 20
	wait_for "5 unread"
	keys j Tab
	wait_for "src item 5"
	keys j j j
	wait_for "$sort · 4/5"
	# A sixth item pushes the oldest, item 4, out while it is under
	# the cursor, the feed no longer having it.
	feed 6 4
	keys R
	wait_gone "src item 4"
	wait_for "$sort · 4/5"
	keys Enter
	wait_for "Body 5"
	tui_stop
done
