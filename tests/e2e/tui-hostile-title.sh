#!/bin/sh
# Titles carrying escape sequences (set the terminal's title, clear the
# screen, colour) are shown with U+FFFD in place of the escapes: the
# terminal's title stays, the screen is not cleared.
. ./lib.sh
serve
{
	printf '<?xml version="1.0" encoding="UTF-8"?>\n'
	printf '<rss version="2.0"><channel>'
	printf '<title>Evil \033]0;pwned\007 feed</title>'
	printf '<link>http://example.org/</link>\n'
	printf '<item><title>Clear \033[2J\033[H\033[31mred</title>'
	printf '<guid>h1</guid><author>\302\233 31m csi</author>'
	printf '<description>body \033[5m blink</description></item>\n'
	printf '</channel></rss>\n'
} >"$WORK/www/evil.xml"
rss calm.xml Calm 2
printf 'feed %s/evil.xml\nfeed %s/calm.xml\n' "$URL" "$URL" >"$CONF"
expect_status 0 td refresh
tui_start 100 20
wait_for "Calm item 2"
title=$($T display-message -p '#{pane_title}')
wait_for "Evil �]0;pwned� feed"
wait_for "Clear �[2J�[H�[31mred"
# Nothing cleared the screen: what was drawn before the title is there.
tui_screen | grep -q "Calm item 2" || fail "the screen was cleared"
tui_screen | grep -q "1/3" || fail "the screen was cleared"
keys j Tab Enter
wait_for "Title: Clear �[2J�[H�[31mred"
wait_for "Author: � 31m csi"
wait_for "body"
tui_screen | grep -q "Feed: Evil �]0;pwned� feed" ||
    fail "the screen was cleared"
expect_eq "pane title" "$($T display-message -p '#{pane_title}')" "$title"
keys Q
wait_exit 0
