#!/bin/sh
# Story: a tidings that syncs an account holds its password or token in
# memory, so it never writes a core file: the reader, "tidings refresh"
# and "tidings add --account" each run with a core size limit of 0, soft
# and hard, which the password-command they start inherits; so does a
# reader whose dotfile gains a sync line that reload-config reads. A
# dotfile without a sync line leaves the limit as it was.
#
# The password-command is a script that writes down the limits of its
# parent, tidings itself (/proc/PPID/limits); the server's port is
# closed, since the password is read before any request.
. ./lib.sh

[ -r /proc/self/limits ] || skip "no /proc/self/limits"
cat >"$WORK/pw.sh" <<EOF2
#!/bin/sh
grep '^Max core file size' /proc/\$PPID/limits |
    awk '{ print \$5, \$6 }' >>"$WORK/core"
printf '%s\n' secret
EOF2
cat >"$CONF" <<EOF2
set refresh-interval 1
sync ttrss http://127.0.0.1:9/ < user alice; password-command "sh $WORK/pw.sh"
EOF2

# limits: the limits tidings ran with, once per run.
limits() {
	cat "$WORK/core"
	rm -f "$WORK/core"
}

# The shell's own limit raised, so that a limit of 0 is tidings' doing.
ulimit -c unlimited 2>/dev/null || ulimit -S -c 1024 2>/dev/null || true
ulimit -S -c | grep -qx 0 && skip "the core size limit cannot be raised here"

expect_status 3 td refresh -a
expect_eq "refresh" "$(limits)" "0 0"
expect_status 1 td add --account 1 http://127.0.0.1:9/feed.xml
expect_eq "add --account" "$(limits)" "0 0"

tui_start 100 30
n=0
until [ -s "$WORK/core" ]; do
	n=$((n + 1))
	[ $n -le 200 ] || fail "the reader did not sync"
	sleep 0.05
done
keys q q
wait_exit
tui_stop
expect_eq "the reader" "$(limits | head -n 1)" "0 0"

# Without a sync line, the limit is the shell's: a command feed writes
# down the limits of tidings as the password-command did.
cat >"$WORK/feed.sh" <<EOF2
#!/bin/sh
grep '^Max core file size' /proc/\$PPID/limits |
    awk '{ print \$5, \$6 }' >>"$WORK/core"
printf '<rss version="2.0"><channel><title>Own</title></channel></rss>\n'
EOF2
cat >"$CONF" <<EOF2
feed "exec:sh $WORK/feed.sh" own
EOF2
# (Its hard limit: a build with AddressSanitizer sets the soft one to 0.)
hard=$(ulimit -H -c)
expect_status 0 td refresh -a
core=$(limits)
expect_eq "no sync line" "${core#* }" "$hard"

# A reader started without a sync line: the line added and read again
# with reload-config (C-r), its first sync runs with the limit at 0.
cat >"$CONF" <<EOF2
set refresh-interval 1
EOF2
tui_start 100 30
cat >>"$CONF" <<EOF2
sync ttrss http://127.0.0.1:9/ < user alice; password-command "sh $WORK/pw.sh"
EOF2
keys C-r
# (Not waiting for "Reloaded": the sync's error line, a second later,
# may already have replaced it.)
n=0
until [ -s "$WORK/core" ]; do
	n=$((n + 1))
	[ $n -le 200 ] || fail "the reader did not sync after reload-config"
	sleep 0.05
done
keys q q
wait_exit
tui_stop
expect_eq "the reader after reload-config" "$(limits | head -n 1)" "0 0"
