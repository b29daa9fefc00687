#!/bin/sh
# Links that try to reach a shell or an option parser: $(...), backticks,
# quotes, newlines, a leading "-", a scheme the desktop hands to some
# other program, a local file (which xdg-open might run). The browser
# gets each link it is given as exactly one argument that starts with an
# allowed scheme; the rest are refused with a message, and nothing of any
# of them runs.
. ./lib.sh
serve
cat >"$WORK/stub" <<'STUB'
#!/bin/sh
# A browser that records its arguments, one a line, and how many.
printf '%s\n' "$#" >"$WORK_DIR/argc"
for a in "$@"; do printf '%s\n' "$a"; done >"$WORK_DIR/argv"
STUB
chmod +x "$WORK/stub"
NL='
'
cat >"$WORK/www/evil.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Links</title><link>http://example.org/</link>
<item><title>Newline link</title><guid>e1</guid>
<link>http://a.example/x${NL}-y\$(touch pwned1)</link>
<description>&lt;p&gt;
&lt;a href="http://b.example/${NL}--z\`touch pwned2\`"&gt;one&lt;/a&gt;
&lt;a href="-x'\$(touch pwned3)"&gt;two&lt;/a&gt;
&lt;a href="x-evil:-foo"&gt;three&lt;/a&gt;
&lt;a href="file:///etc/hostname"&gt;four&lt;/a&gt;
&lt;a href="mailto:a@example.org"&gt;five&lt;/a&gt;
&lt;a href="data:text/html,&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;"&gt;six&lt;/a&gt;
&lt;a href="ssh://-oProxyCommand=touch%20pwned4/"&gt;seven&lt;/a&gt;
&lt;/p&gt;</description></item>
</channel></rss>
XML
printf 'feed %s/evil.xml\n' "$URL" >"$CONF"
expect_status 0 td refresh
# The feed's link lost its newline (WHATWG URL parsing drops them).
expect_eq link "$(sql 'select link from items')" \
    "http://a.example/x-y\$(touch pwned1)"
tui_start 100 30 "BROWSER=$WORK/stub" "WORK_DIR=$WORK"
wait_for "Newline link"
keys j Tab o
wait_file "$WORK/argv"
expect_eq argc "$(cat "$WORK/argc")" 1
expect_eq argv "$(cat "$WORK/argv")" "http://a.example/x-y\$(touch pwned1)"
rm -f "$WORK/argv"
# Keys typed while the browser has the terminal may be lost.
wait_for "Opened http://a.example/x-y"

keys Enter
wait_for "Links:"
# opened N WANT: "open N" hands the browser exactly WANT, one argument.
opened() {
	keys : "open $1" Enter
	wait_file "$WORK/argv"
	expect_eq "argc of link $1" "$(cat "$WORK/argc")" 1
	expect_eq "argv of link $1" "$(cat "$WORK/argv")" "$2"
	rm -f "$WORK/argv"
	wait_for "Opened $(printf '%.40s' "$2")"
}
# refused N LINK: "open N" says why and runs nothing.
refused() {
	keys : "open $1" Enter
	wait_for "Not opening \"$2"
	[ ! -e "$WORK/argv" ] || fail "link $1 was opened"
}
opened 1 'http://b.example/--z`touch pwned2`'
opened 2 "$URL/-x'\$(touch pwned3)"
refused 3 x-evil:-foo
wait_for '"x-evil:-foo": only http, https, ftp and mailto links are'
refused 4 file:///etc/hostname
opened 5 mailto:a@example.org
refused 6 data:text/html
refused 7 ssh://-oProxyCommand
keys Q
wait_exit 0
for f in "$WORK"/pwned* ./pwned* "$HOME"/pwned* /tmp/pwned*; do
	[ -e "$f" ] && fail "$f was created"
done
exit 0
