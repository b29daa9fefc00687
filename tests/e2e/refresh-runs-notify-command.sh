#!/bin/sh
# notify-command runs, without a shell, after a refresh that stored new
# items, with the counts in its words and its environment; a refresh that
# brings nothing new runs nothing.
. ./lib.sh
serve
rss a.xml a 3
rss b.xml b 2
cat >"$WORK/notify" <<'SH'
#!/bin/sh
echo "$1 $2 $3 env $TIDINGS_NEW $TIDINGS_NEW_FEEDS $TIDINGS_UNREAD" >"$4.tmp"
mv "$4.tmp" "$4"
SH
chmod +x "$WORK/notify"
cat >"$CONF" <<EOF
set notify-command "'$WORK/notify' %n %f '%u;%%' '$WORK/notified'"
feed $URL/a.xml
feed $URL/b.xml
EOF
expect_status 0 td refresh
wait_file "$WORK/notified"
expect_eq "words and environment" "$(cat "$WORK/notified")" \
    "5 2 5;% env 5 2 5"
rm "$WORK/notified"

# Nothing new: nothing runs. The next refresh's file shows that this one
# wrote none (its counts would differ).
expect_status 0 td refresh --all
rss b.xml b 4
expect_status 0 td refresh --all
wait_file "$WORK/notified"
expect_eq "second refresh" "$(cat "$WORK/notified")" "2 1 7;% env 2 1 7"

# A command that cannot be run does not fail the refresh.
cat >"$CONF" <<EOF
set notify-command /nonexistent/notify
feed $URL/a.xml
EOF
rss a.xml a 5
expect_status 0 td refresh --all
