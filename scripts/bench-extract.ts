/**
 * `npm run bench:extract`: how fast disclosures become Parquet.
 *  1. Wall time of the real command on data/raw (`npm run extract` as a user runs it: process
 *     start, TypeScript loading, extraction, Parquet writing), median of 5 runs.
 *  2. Throughput of the extraction library on the seeds repeated (each copy made distinct so it
 *     is not skipped as a duplicate): documents per second and MB/s, then the Parquet write.
 * Prints the figures and writes them to the "Extraction" section of BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractFolder, listDisclosures } from './lib/extract-folder';
import { writeParquetTables } from './lib/parquet-write';
import { describeMachine, machineInfo, markdownTable, median, today, updateSection } from './lib/benchmarks-md';

const RAW = 'data/raw';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 40);
const CLI_RUNS = 5;

function timeCli(): number[] {
	const out = mkdtempSync(join(tmpdir(), 'bench-cli-'));
	return Array.from({ length: CLI_RUNS }, () => {
		const t = performance.now();
		execFileSync('node', ['--import', 'tsx', 'scripts/extract.ts', '--in', RAW, '--out', out, '--quiet'], { stdio: 'ignore' });
		return performance.now() - t;
	});
}

async function repeatedCorpus(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
	for (const file of await listDisclosures(RAW)) {
		const bytes = readFileSync(join(RAW, file));
		// A trailing blank line per copy changes the bytes (and doc_id) but not the content.
		for (let i = 0; i < REPEAT; i++) writeFileSync(join(dir, `${i}_${file}`), Buffer.concat([bytes, Buffer.from('\n'.repeat(i))]));
	}
	return dir;
}

async function main(): Promise<void> {
	const cli = timeCli();
	const corpus = await repeatedCorpus();
	const t0 = performance.now();
	const result = await extractFolder(corpus);
	const extractMs = performance.now() - t0;
	const t1 = performance.now();
	await writeParquetTables(mkdtempSync(join(tmpdir(), 'bench-out-')), result.rows);
	const writeMs = performance.now() - t1;
	const docs = result.documents.length;
	const mb = result.bytes / 2 ** 20;
	const rows = [
		['`node --import tsx scripts/extract.ts` (what `npm run extract` runs) on the 5 seeds, wall time incl. process start (median of 5)', `${Math.round(median(cli))} ms`, '< 1,000 ms'],
		[`extraction library, seeds ×${REPEAT} (${docs} documents, ${mb.toFixed(1)} MB)`, `${Math.round(docs / (extractMs / 1000))} documents/s, ${(mb / (extractMs / 1000)).toFixed(1)} MB/s`, ''],
		[`Parquet write of those ${docs} documents (8 tables)`, `${Math.round(writeMs)} ms`, '']
	];
	const body = [
		`Measured ${today()} on ${describeMachine(machineInfo())}. Command: \`npm run bench:extract\`.`,
		'',
		markdownTable(['what', 'result', 'target'], rows),
		'',
		`CLI runs (ms): ${cli.map((x) => Math.round(x)).join(', ')}.`
	].join('\n');
	console.log(body);
	updateSection('BENCHMARKS.md', 'Extraction', body);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
