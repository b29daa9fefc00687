#!/usr/bin/env node
/*
 * bench/readability.js INDIR OUTDIR [URLS.json]: run Mozilla's
 * Readability.js (with jsdom) over every INDIR/<id>.html, write the
 * article's text to OUTDIR/<id>.txt and print per-page timings in the
 * same shape as bench/extract-run, so bench/extract can set the two side
 * by side. URLS.json, when given, maps <id> to {"url": ...} (the corpus
 * ground truth has that shape) and is used as the document URL.
 *
 * The time of a page covers what reader mode does with it: building the
 * DOM from the HTML string and running Readability.parse(). Reading the
 * file and writing the result are outside the clock, as in extract-run.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const { Readability } = require("@mozilla/readability");

function usage() {
	process.stderr.write("usage: readability.js INDIR OUTDIR [URLS.json]\n");
	process.exit(2);
}

function percentile(sorted, p) {
	if (sorted.length === 0)
		return 0;
	const i = Math.min(sorted.length - 1,
	    Math.ceil(p * sorted.length) - 1);
	return sorted[Math.max(0, i)];
}

function main(argv) {
	if (argv.length < 2)
		usage();
	const [indir, outdir, urlsPath] = argv;
	const urls = urlsPath ? JSON.parse(fs.readFileSync(urlsPath, "utf8")) :
	    {};
	const quiet = new VirtualConsole();	/* page CSS errors are noise */
	const times = [];
	let failed = 0;

	fs.mkdirSync(outdir, { recursive: true });
	const names = fs.readdirSync(indir).filter((n) => n.endsWith(".html"))
	    .sort();
	for (const name of names) {
		const id = name.slice(0, -".html".length);
		const html = fs.readFileSync(path.join(indir, name), "utf8");
		const url = urls[id] && urls[id].url ? urls[id].url :
		    "http://localhost/" + name;
		let text = "";
		const t0 = process.hrtime.bigint();
		try {
			const dom = new JSDOM(html, { url, virtualConsole: quiet });
			const art = new Readability(dom.window.document).parse();
			if (art && art.textContent)
				text = art.textContent;
			dom.window.close();
		} catch (e) {
			failed++;
		}
		const t1 = process.hrtime.bigint();
		times.push(Number(t1 - t0) / 1e6);
		fs.writeFileSync(path.join(outdir, id + ".txt"), text);
	}
	const sorted = times.slice().sort((a, b) => a - b);
	const total = times.reduce((a, b) => a + b, 0);
	console.log(`pages ${times.length} failed ${failed} ` +
	    `median ${percentile(sorted, 0.5).toFixed(2)} ms ` +
	    `mean ${(times.length ? total / times.length : 0).toFixed(2)} ms ` +
	    `p95 ${percentile(sorted, 0.95).toFixed(2)} ms ` +
	    `total ${(total / 1000).toFixed(2)} s`);
}

main(process.argv.slice(2));
