/**
 * `npm run bench:build [-- --docs N]` (default 30,000): what `npm run build` costs at corpus size.
 * A folder of N text disclosures is made from the seeds with other district and department names
 * (lib/bench-corpus.ts), then the two steps of `npm run build` run on it as a user runs them: the
 * extraction CLI (`node scripts/extract.mjs`, its default worker threads) into a site folder, and
 * `vite build` with $BUDGET_LENS_SITE (svelte.config.js), so build/ and static/data are untouched.
 * Each step's wall time and peak resident memory (the process and its threads; read by GNU time,
 * /usr/bin/time), the Parquet's size and build/'s are printed and written to BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './lib/bench-corpus';
import { listDisclosures } from './lib/extract-folder';
import { describeMachine, loadAverage, machineInfo, markdownTable, today, updateSection } from './lib/benchmarks-md';

const SECTION = 'Build at corpus size (npm run bench:build)';
const RAW = 'data/raw';
const TIME = '/usr/bin/time';

function argValue(name: string, fallback: number): number {
	const at = process.argv.indexOf(name);
	const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
	if (!(value > 0)) throw new Error(`bench:build: ${name} takes a positive number`);
	return value;
}

interface Step {
	ms: number;
	peakRssMiB: number;
}

/** Runs a command under GNU time: its wall time and its peak RSS (`%M`, KiB). */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Step {
	const dir = mkdtempSync(join(tmpdir(), 'bench-build-'));
	const report = join(dir, 'time');
	try {
		const started = performance.now();
		execFileSync(TIME, ['-f', '%M', '-o', report, command, ...args], { stdio: ['ignore', 'ignore', 'inherit'], env });
		const ms = performance.now() - started;
		// the report's last line is %M (a failing command adds a line of its own before it)
		const kib = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
		return { ms, peakRssMiB: kib / 1024 };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Bytes of every file under `dir`. */
function treeBytes(dir: string): number {
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		n += entry.isDirectory() ? treeBytes(path) : statSync(path).size;
	}
	return n;
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

async function main(): Promise<void> {
	if (!existsSync(TIME)) throw new Error(`bench:build needs GNU time (${TIME}): apt-get install time`);
	const docs = argValue('--docs', 30000);
	const seedFiles = await listDisclosures(RAW);
	const seedBytes = seedFiles.reduce((n, f) => n + statSync(join(RAW, f)).size, 0);
	const corpus = mkdtempSync(join(tmpdir(), 'bench-build-corpus-'));
	const site = resolve('test-results', 'bench-build', `docs-${docs}`);
	try {
		console.log(`bench:build: writing ${docs.toLocaleString('en')} documents to ${corpus} …`);
		const made = await makeCorpus(RAW, corpus, (docs / seedFiles.length) * seedBytes - 1);
		const files = (await listDisclosures(corpus)).length;
		rmSync(site, { recursive: true, force: true });
		mkdirSync(join(site, 'static', 'data'), { recursive: true });
		const loadBefore = loadAverage();
		console.log(`bench:build: extracting ${files.toLocaleString('en')} files …`);
		const extract = timed('node', ['scripts/extract.mjs', '--in', corpus, '--out', join(site, 'static', 'data'), '--quiet']);
		console.log(`bench:build: vite build …`);
		const vite = timed('npx', ['vite', 'build', '--logLevel', 'error'], { ...process.env, BUDGET_LENS_SITE: site });
		const parquet = treeBytes(join(site, 'static', 'data'));
		const built = treeBytes(join(site, 'build'));
		const total = extract.ms + vite.ms;
		const rows = [
			[
				`${files.toLocaleString('en')} documents, ${mib(made.bytes)} of text`,
				`${seconds(extract.ms)} (${Math.round(files / (extract.ms / 1000))} documents/s), peak ${extract.peakRssMiB.toFixed(0)} MiB`,
				`${seconds(vite.ms)}, peak ${vite.peakRssMiB.toFixed(0)} MiB`,
				`**${seconds(total)}** ${total <= 5 * 60_000 ? '✅' : '❌'}`,
				mib(parquet),
				`${mib(built)} (${(built / parquet).toFixed(1)}× the Parquet)`
			]
		];
		const body = [
			// Only the load before: during the run the build's own threads keep every core busy.
			`Measured ${today()} on ${describeMachine(machineInfo())}. Command: \`npm run bench:build -- --docs ${docs}\`. 1-minute load average ${loadBefore.toFixed(1)} before it started.`,
			'',
			'The seeds copied with other district and department names (scripts/lib/bench-corpus.ts), then `npm run build`’s two steps on them: `node scripts/extract.mjs` (its default worker threads) and `vite build` of a site folder ($BUDGET_LENS_SITE). Peak memory is each process’s resident set (GNU time), threads included. Target: ≤ 5 min for 30,000 documents, build/ within a few times the Parquet.',
			'',
			markdownTable(['corpus', 'extraction (CLI)', 'vite build', 'build, end to end', 'Parquet + corpus.duckdb', 'build/'], rows)
		].join('\n');
		console.log(body);
		updateSection('BENCHMARKS.md', SECTION, body);
	} finally {
		rmSync(corpus, { recursive: true, force: true });
	}
}

main().catch((e) => {
	console.error(e instanceof Error ? e.message : e);
	process.exit(1);
});
