#!/bin/sh
# Without HOME (cron, a service manager's bare environment), tidings looks
# for its dotfile and database in the password database's home, never in
# the current directory: a dotfile planted there (a shared or downloaded
# directory) must not be read, nor its notify-command run.
. ./lib.sh
mkdir -p "$WORK/cwd/.config/tidings" "$WORK/cwd/.local/share/tidings"
cat >"$WORK/cwd/.config/tidings/config" <<CONF
feed http://planted.invalid/feed.xml
set notify-command "touch $WORK/ran"
CONF
cd "$WORK/cwd"
for home in unset "" "." "relative/dir"; do
	set +e
	if [ "$home" = unset ]; then
		env -u HOME -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
		    "$TIDINGS" export-opml >"$WORK/out" 2>"$WORK/err"
	else
		env HOME="$home" -u XDG_CONFIG_HOME -u XDG_DATA_HOME \
		    "$TIDINGS" export-opml >"$WORK/out" 2>"$WORK/err"
	fi
	set -e
	if grep -q planted "$WORK/out" "$WORK/err"; then
		cat "$WORK/out" "$WORK/err" >&2
		fail "HOME=$home: the dotfile in the current directory was read"
	fi
done
[ ! -e "$WORK/ran" ] || fail "the planted notify-command ran"
[ -z "$(find "$WORK/cwd" -name '*.db')" ] || fail "a database was made in the current directory"
