#!/bin/sh
# Items read or starred stay so across refreshes, even when the feed
# changes its text; new items arrive unread; old items leaving the feed
# are kept.
. ./lib.sh
serve
rss f.xml feed 5
printf 'feed %s/f.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
sql "update items set read = 1 where guid in ('item-1', 'item-2')"
sql "update items set starred = 1 where guid = 'item-3'"

# The feed now has items 3..8 with new titles for all of them.
rss f.xml changed 8
sed -i -e '/<guid>item-[12]</d' "$WORK/www/f.xml"
expect_status 0 td refresh --all
expect_grep "3 new items" "$WORK/out"
expect_eq items "$(sql 'select count(*) from items')" 8
expect_eq read "$(sql "select group_concat(guid) from (select guid from items where read = 1 order by guid)")" "item-1,item-2"
expect_eq starred "$(sql "select guid from items where starred = 1")" item-3
expect_eq "updated title" "$(sql "select title from items where guid = 'item-3'")" "changed item 3"
expect_eq unread "$(td unread)" 6
