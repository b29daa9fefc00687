#!/bin/sh
# browser and notify-command may name a program as "~/bin/prog", as a
# shell would take it: "~" and "~/" start argv[0], and "~/" starts an
# argument. A command that cannot start says so: on the reader's status
# line, on stderr from tidings refresh.
. ./lib.sh
serve
rss a.xml a 1
mkdir -p "$HOME/bin"
cat >"$HOME/bin/record" <<'STUB'
#!/bin/sh
# Record the arguments, one a line, in the file named by the first.
out=$1
shift
for a in "$@"; do printf '%s\n' "$a"; done >"$out.tmp"
mv "$out.tmp" "$out"
STUB
chmod +x "$HOME/bin/record"
cat >"$CONF" <<EOF2
set notify-command "~/bin/record '$WORK/notified' %n ~/x a~/b"
feed $URL/a.xml
EOF2
expect_status 0 td refresh
wait_file "$WORK/notified"
expect_eq "notify argv" "$(cat "$WORK/notified")" "$(printf '1\n%s\n%s' \
    "$HOME/x" 'a~/b')"

# One that cannot start: refresh still succeeds, and says why on stderr.
cat >"$CONF" <<EOF2
set notify-command "~/bin/missing %n"
feed $URL/a.xml
EOF2
rss c.xml c 1
printf 'feed %s/c.xml\n' "$URL" >>"$CONF"
expect_status 0 td refresh
expect_grep "notify-command: cannot run $HOME/bin/missing: No such file" \
    "$WORK/err"

# The reader: the browser from ~, then one that is not there.
cat >"$CONF" <<EOF2
set browser "~/bin/record $WORK/opened"
set notify-command "~/bin/missing %n"
feed $URL/b.xml
EOF2
rss b.xml b 1
tui_start 100 20
wait_for "b item 1"
wait_for "1 new item from 1 feed; notify-command: cannot run"
keys j Tab o
wait_file "$WORK/opened"
expect_eq "browser argv" "$(cat "$WORK/opened")" "http://example.org/b/1"
keys : "set browser ~/bin/nothere" Enter
wait_for "browser is"
keys o
wait_for "Cannot run $HOME/bin/nothere: No such file"
keys Q
wait_exit 0
exit 0
