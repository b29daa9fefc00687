#!/bin/sh
# newsboat's sync settings (urls-source ttrss or freshrss with the
# server's url, login and passwordfile or passwordeval) move in as one
# sync line; a password written in newsboat's config is never copied to
# the dotfile nor shown, and the options a sync line has no use for are
# named.
. ./lib.sh
NB="$WORK/newsboat"
mkdir -p "$NB"
: >"$NB/urls"
cat >"$NB/config" <<'EOF2'
urls-source "ttrss"
ttrss-url "https://rss.example/tt-rss/"
ttrss-login "alice"
ttrss-password "hunter2-secret"
ttrss-passwordeval "pass show tt-rss"
ttrss-mode "multi"
freshrss-url "https://rss.example/api/greader.php"
EOF2
: >"$CONF"
expect_status 0 td import-newsboat "$NB"
for f in "$WORK/out" "$WORK/err" "$CONF"; do
	grep -q "hunter2" "$f" && fail "the password is in $f"
done
expect_grep 'sync ttrss https://rss.example/tt-rss/ < user alice; password-command "pass show tt-rss"' "$CONF"
expect_grep "config:4: ttrss-password ...: not copied" "$WORK/out"
expect_grep 'config:6: ttrss-mode "multi": no equivalent' "$WORK/out"
expect_grep 'config:7: freshrss-url "https://rss.example/api/greader.php": unused' "$WORK/out"
# The dotfile loads with it, and nothing asks the server for anything.
expect_status 0 td items

# FreshRSS, with the password in a file: the Google Reader API.
cat >"$NB/config" <<'EOF2'
urls-source "freshrss"
freshrss-url "https://rss.example/api/greader.php"
freshrss-login "bob"
freshrss-passwordfile "~/.freshrss-pass"
EOF2
expect_status 0 td import-newsboat "$NB"
expect_grep 'sync greader https://rss.example/api/greader.php < user bob; password-file ~/.freshrss-pass' "$CONF"
expect_status 0 td items
exit 0
