#!/bin/sh
# tests/doc/screenshot.sh [OUT.png]: make the README's picture of the
# reader from a real session: tidings on a few sample feeds (file://, no
# network) in a 160x40 tmux pane with an article open, captured with its
# colours and drawn by ansi2png.py. Run from the top of the tree after
# "make"; needs tmux, sqlite3 and Debian's python3-pil and fonts-dejavu-core.
set -eu
top=$(pwd)
out=${1:-$top/tests/doc/screenshot.png}
work=$(mktemp -d)
T="tmux -L tidings-shot-$$ -f /dev/null"
trap '$T kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME="$work" TZ=UTC LANG=C.UTF-8

# feed FILE TITLE: an RSS feed of the items that follow on standard
# input, one "DATE|TITLE|HTML" line each.
feed() {
	{
		printf '<?xml version="1.0" encoding="UTF-8"?>\n'
		printf '<rss version="2.0"><channel><title>%s</title>' "$2"
		printf '<link>https://example.org/</link>\n'
		n=0
		while IFS='|' read -r date title html; do
			n=$((n + 1))
			printf '<item><title>%s</title>' "$title"
			printf '<link>https://example.org/%s/%d</link>' "$1" "$n"
			printf '<guid>%s-%d</guid><pubDate>%s</pubDate>' "$1" "$n" "$date"
			printf '<description><![CDATA[%s]]></description></item>\n' "$html"
		done
		printf '</channel></rss>\n'
	} >"$work/$1.xml"
}

feed kernel "Kernel Notes" <<'EOF'
Thu, 26 Nov 2026 09:12:00 GMT|Scheduler rework lands for the next merge window|<p>The long-running series that splits the scheduler's run queue by cache domain has been queued for the next merge window, after eleven revisions and a year of benchmarks on machines from two cores to four hundred.</p><h2>What changes</h2><p>Tasks that share data now stay on cores that share a cache, and wakeups no longer migrate a task across the machine to find an idle core. On the <a href="https://example.org/bench">published benchmarks</a> the change cut tail latency of a web workload by a fifth and left throughput as it was.</p><h2>What does not</h2><p>Nothing changes for a machine with a single cache domain, which covers most laptops. The old behaviour stays available behind a boot option for one release, so that regressions can be reported and compared.</p><blockquote><p>We would rather hear about a regression now than after the release.</p></blockquote><p>Testers are asked to report numbers from their own workloads to the list, with the hardware described.</p>
Wed, 25 Nov 2026 17:40:00 GMT|Filesystem freezes get a timeout|<p>A frozen filesystem can now thaw itself.</p>
Tue, 24 Nov 2026 08:05:00 GMT|Rust drivers: the first network PHY|<p>A small driver, a large step.</p>
Mon, 23 Nov 2026 12:00:00 GMT|Stable kernels 6.20.3 and 6.18.9|<p>Fixes only.</p>
EOF
feed post "The Morning Post" <<'EOF'
Thu, 26 Nov 2026 07:00:00 GMT|City opens its night library on Fridays|<p>From next month.</p>
Thu, 26 Nov 2026 06:30:00 GMT|Rail line reopens after the storm repairs|<p>Trains run again.</p>
Wed, 25 Nov 2026 19:15:00 GMT|Local bakers win the regional bread prize|<p>Sourdough, again.</p>
Wed, 25 Nov 2026 10:20:00 GMT|Council votes for more bicycle parking|<p>Four hundred places.</p>
Tue, 24 Nov 2026 16:45:00 GMT|Museum lends its maps to a travelling show|<p>Until spring.</p>
EOF
feed tools "Small Tools" <<'EOF'
Wed, 25 Nov 2026 21:00:00 GMT|Why my notes live in plain text files|<p>Twenty years on.</p>
Sun, 22 Nov 2026 11:30:00 GMT|A makefile is documentation you can run|<p>Targets as verbs.</p>
Thu, 19 Nov 2026 09:00:00 GMT|Reading man pages in a pager, well|<p>Search, marks, tags.</p>
EOF
feed sky "Night Sky Log" <<'EOF'
Thu, 26 Nov 2026 05:50:00 GMT|Jupiter at opposition this week|<p>Bright all night.</p>
Mon, 23 Nov 2026 20:10:00 GMT|Photographing the Moon with a phone|<p>Steady hands.</p>
EOF

cat >"$work/config" <<EOF
set panes 3
feed file://$work/kernel.xml linux news
feed file://$work/post.xml news "~The Morning Post"
feed file://$work/tools.xml tech
feed file://$work/sky.xml space
EOF
"$top/tidings" -c "$work/config" -d "$work/db" refresh -q
# A morning's reading: a few items read already, one starred.
sqlite3 "$work/db" "UPDATE items SET read = 1 WHERE guid IN ('post-3',
    'post-4', 'post-5', 'kernel-4', 'tools-2', 'tools-3', 'sky-2');
    UPDATE items SET starred = 1 WHERE guid IN ('tools-1', 'kernel-2')"

$T new-session -d -x 160 -y 40 -e TERM=xterm-256color -e LANG=C.UTF-8 \
    -e TZ=UTC "'$top/tidings' -c '$work/config' -d '$work/db'"
wait_for() {
	n=0
	until $T capture-pane -p | grep -qF -- "$1"; do
		n=$((n + 1))
		[ $n -le 100 ] || { echo "timed out: $1" >&2; exit 1; }
		sleep 0.1
	done
}
wait_for "Kernel Notes"
$T send-keys j Enter
wait_for "Scheduler rework"
$T send-keys Enter
wait_for "What changes"
$T capture-pane -e -p >"$work/screen.ansi"
/usr/bin/python3 "$top/tests/doc/ansi2png.py" "$work/screen.ansi" "$out"
echo "$out: $(wc -c <"$out") bytes"
