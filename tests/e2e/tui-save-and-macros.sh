#!/bin/sh
# save writes the article as Markdown into save-dir (by default the
# download directory), in a file named after its title that never
# replaces another, and uses the full article when one is kept; a key
# bound to a macro runs its steps in turn, and stops at one that fails,
# and so does a key of the macro table pressed after macro-prefix.
. ./lib.sh
serve
cp "$TOP/tests/fixtures/html/news.html" "$WORK/www/story.html"
cat >"$WORK/www/a.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Notes</title><link>$URL/</link>
<item><title>../.Plans/for *today*</title><link>http://example.org/p</link>
<author>Ann</author><guid>n1</guid><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Read &lt;a href="http://b.example/x(1)"&gt;the &lt;b&gt;notes&lt;/b&gt;&lt;/a&gt; first.&lt;/p&gt;
&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;
&lt;pre&gt;code \`x\`&lt;/pre&gt;</description></item>
<item><title>Bridge vote</title><link>$URL/story.html</link>
<guid>bridge</guid><pubDate>Mon, 01 Jan 2024 10:00:00 GMT</pubDate>
<description>Teaser.</description></item>
</channel></rss>
XML
cat >"$CONF" <<CONF
feed $URL/a.xml
bind items , "set panes 1; next-unread"
bind items M macro "set sort title-asc" toggle-read
bind items Z "set text-width 40; exec $WORK/nothing-here %u; set text-width 50"
bind macro z "set text-width 33; set date-format %d.%m."
bind items X "reload-config; set panes 2"
CONF
expect_status 0 td refresh
tui_start 100 20
wait_for "Notes"
# newsboat's macros: a key of the macro table after macro-prefix (,).
keys , q
wait_for "No macro on q"
keys , z
wait_for "date-format is"
keys : "set text-width" Enter
wait_for "text-width is 33"
keys : "set date-format %Y-%m-%d" Enter : "set text-width 100" Enter
wait_for "text-width is 100"
keys Enter
wait_for "Bridge vote"
keys w
wait_for "Saved $HOME/Downloads/Plans-for *today*.md"
cat >"$WORK/want" <<MD
# ../.Plans/for \\*today\\*

- Feed: Notes
- Author: Ann
- Date: 2024-01-02 10:00
- Link: <http://example.org/p>

Read [the **notes**](http://b.example/x%281%29) first.

- one

- two

\`\`\`
code \`x\`
\`\`\`
MD
diff "$WORK/want" "$HOME/Downloads/Plans-for *today*.md" ||
    fail "the Markdown differs"
expect_eq "still unread" "$(sql "select count(*) from items where guid = 'n1' and read = 0")" 1
# Again: a name of its own.
keys w
wait_for "Saved $HOME/Downloads/Plans-for *today*-2.md"
cmp "$WORK/want" "$HOME/Downloads/Plans-for *today*-2.md"

# The full article kept for the other item, into save-dir.
keys : "set save-dir ~/notes" Enter
wait_for "save-dir is"
keys j v
wait_for "full article"
wait_for "Alder River"
keys q w
wait_for "Saved $HOME/notes/Bridge vote.md"
expect_grep "# Bridge vote" "$HOME/notes/Bridge vote.md"
expect_grep "Alder River" "$HOME/notes/Bridge vote.md"
grep -q "Teaser" "$HOME/notes/Bridge vote.md" && fail "saved the teaser"

# A macro: both steps run: one pane, and the cursor on the unread item.
keys g N
wait_for "0 unread"
keys G N
wait_for "1 unread"
keys g
wait_for "1/2"
keys ,
wait_gone "Feeds"
wait_for "2/2"
keys : "set panes" Enter
wait_for "panes is 1"
# A step that reads the dotfile again, which replaces the bindings the
# macro came from, and the step after it.
keys X
wait_for "panes is 2"
# A step that fails stops the macro there.
keys Z
wait_for "cannot run $WORK/nothing-here"
keys : "set text-width" Enter
wait_for "text-width is 40"
keys Q
wait_exit 0
exit 0
