/**
 * `npm run bench:extract`: how fast disclosures become Parquet, and how much memory that takes.
 *  1. Wall time of the real command on data/raw (`npm run extract` as a user runs it: process
 *     start, TypeScript loading, extraction, Parquet writing), median of 5 runs.
 *  2. Text on one core: folders made from the seeds with other district and department names
 *     (lib/bench-corpus.ts) at several sizes (BENCH_MB, default "5,20" MB), each extracted and
 *     written in a fresh process: documents/s and MB/s, Parquet write time, peak RSS. The same MB/s
 *     and RSS at every size is what linear time and flat memory look like.
 *  3. PDF pages/s: the Jiangsu PDFs of ../shared/real-pdfs through `extractFile` with the Node
 *     pdf.js engine (skipped, with a message, where the engine or the folder is missing).
 * Prints the figures and writes them to the "Extraction" section of BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './lib/bench-corpus';
import { measurePdfs, measureText, type PdfRun, type TextRun } from './lib/bench-measure';
import { describeLoad, describeMachine, loadAverage, machineInfo, markdownTable, median, today, updateSection } from './lib/benchmarks-md';

const RAW = 'data/raw';
const PDF_DIR = process.env.BENCH_PDF_DIR ?? '../shared/real-pdfs/jiangsu';
const SIZES_MB = (process.env.BENCH_MB ?? '5,20').split(',').map(Number).filter((n) => n > 0);
const CLI_RUNS = 5;
const TSX = ['--import', 'tsx'];

function timeCli(): number[] {
	const out = mkdtempSync(join(tmpdir(), 'bench-cli-'));
	return Array.from({ length: CLI_RUNS }, () => {
		const t = performance.now();
		execFileSync('node', [...TSX, 'scripts/extract.ts', '--in', RAW, '--out', out, '--quiet'], { stdio: 'ignore' });
		return performance.now() - t;
	});
}

/** Makes a corpus of `mb` MB and measures it in a child process, so each size starts with a fresh heap. */
async function textRun(mb: number): Promise<TextRun> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
	try {
		await makeCorpus(RAW, dir, mb * 2 ** 20);
		const out = execFileSync('node', [...TSX, 'scripts/bench-extract.ts', '--text-child', dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
		return JSON.parse(out.trim().split('\n').pop() as string) as TextRun;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const mbOf = (bytes: number) => bytes / 2 ** 20;
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;

function textRows(runs: readonly TextRun[]): string[][] {
	return runs.map((r) => [
		`${mbOf(r.bytes).toFixed(1)} MB, ${r.documents} documents`,
		`${Math.round(r.documents / (r.extractMs / 1000))} documents/s, ${(mbOf(r.bytes) / (r.extractMs / 1000)).toFixed(2)} MB/s`,
		ms(r.writeMs),
		`${(mbOf(r.bytes) / (r.totalMs / 1000)).toFixed(2)} MB/s (${ms(r.totalMs)})`,
		`${Math.round(r.peakRssMiB)} MiB`
	]);
}

function pdfLine(pdf: PdfRun | string): string {
	if (typeof pdf === 'string') return `PDF: ${pdf}`;
	const failed = pdf.failed.length ? `; ${pdf.failed.length} not extracted (${pdf.failed.join(', ')})` : '';
	return (
		`PDF (\`extractFile\` with the Node pdf.js engine, one core): ${pdf.files} files of ${PDF_DIR}, ${pdf.pages} pages in ${ms(pdf.ms)} — ` +
		`**${(pdf.pages / (pdf.ms / 1000)).toFixed(1)} pages/s**${failed}.`
	);
}

async function main(): Promise<void> {
	const loadBefore = loadAverage();
	const cli = timeCli();
	const text: TextRun[] = [];
	for (const mb of SIZES_MB) text.push(await textRun(mb));
	const pdf = await measurePdfs(PDF_DIR);
	const m = machineInfo();
	const body = [
		`Measured ${today()} on ${describeMachine(m)}. Command: \`npm run bench:extract\` (sizes: \`BENCH_MB=${SIZES_MB.join(',')}\`).`,
		describeLoad(loadBefore, loadAverage(), m.cores),
		'',
		`\`node --import tsx scripts/extract.ts\` (what \`npm run extract\` runs) on the 5 seeds, wall time incl. process start: **${ms(median(cli))}** median of ${CLI_RUNS} (target < 1,000 ms); runs ${cli.map((x) => Math.round(x)).join(', ')} ms.`,
		'',
		'Text, one core: the seeds copied with other district and department names, each size in a fresh process (extraction and the incremental Parquet writer).',
		'',
		markdownTable(['corpus', 'extraction', 'Parquet write', 'end to end', 'peak RSS'], textRows(text)),
		'',
		pdfLine(pdf)
	].join('\n');
	console.log(body);
	updateSection('BENCHMARKS.md', 'Extraction', body);
}

async function child(dir: string): Promise<void> {
	console.log(JSON.stringify(await measureText(dir)));
}

const childDir = process.argv[process.argv.indexOf('--text-child') + 1];
(process.argv.includes('--text-child') && childDir ? child(childDir) : main()).catch((e) => {
	console.error(e);
	process.exit(1);
});
