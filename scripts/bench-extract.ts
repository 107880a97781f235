/**
 * `npm run bench:extract`: how fast disclosures become Parquet, and how much memory that takes.
 *  1. Wall time of the real command on data/raw (`npm run extract` as a user runs it: process
 *     start, loading the cached bundle of the CLI, extraction, Parquet writing), median of 5 runs.
 *  2. Text: folders made from the seeds with other district and department names
 *     (lib/bench-corpus.ts) at several sizes (BENCH_MB, default "5,20" MB), each extracted and
 *     written in a fresh process, in one thread and with worker threads (BENCH_JOBS, default one per
 *     core, as the CLI), BENCH_REPEAT times (default 3; medians): documents/s and MB/s of wall time,
 *     documents per CPU-second (what one core does, whatever else the machine runs), Parquet write
 *     time, peak RSS. The same rates and RSS at every size is what linear time and flat memory
 *     look like.
 *  3. Scale (BENCH_DOCS, default "3000"; e.g. "3000,30000"): that many documents through the
 *     workers and the Parquet writer with Node's default heap, BENCH_REPEAT times (the median run)
 *     — peak RSS and documents/s.
 *  3b. Generated (BENCH_GENERATED_YEARS, default "1,10"; 0 skips): `npm run generate`'s corpus of
 *     Chongqing's 38 districts × 40 departments, 预算 and 决算 of that many years (3,040 documents a
 *     year, so 3,040 and 30,400 by default; text layouts and saved web pages, no PDF — those are
 *     measured below), through the workers as in 3. Its documents are a quarter of the seeds' size
 *     (fewer rows, shorter prose), so the two rows bracket what real disclosures cost. Peak RSS is
 *     given for the extraction (up to the Parquet write) and for the whole run: the first is what
 *     the folder's size could make grow, the second adds DuckDB's write (capped by its memory limit).
 *  4. PDF pages/s: the PDFs of ../shared/real-pdfs/jiangsu and test/fixtures (each file once)
 *     through `extractFile` with the Node pdf.js engine, beside pdf.js's own text extraction of
 *     the same files (open + getTextContent on every page: the floor), alternated per file, 3 runs.
 * Prints the figures and writes them to the "Extraction" section of BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeCorpus } from './lib/bench-corpus';
import { parseGenerateArgs } from './lib/generate/args';
import { closeStream, openTruth, writeDistricts } from './lib/generate/corpus';
import { CHONGQING_DISTRICTS } from './lib/generate/places';
import { listDisclosures } from './lib/extract-folder';
import { measurePdfs, type PdfRun, type TextRun } from './lib/bench-measure';
import { describeLoad, describeMachine, loadAverage, machineInfo, markdownTable, median, today, updateSection } from './lib/benchmarks-md';
import { statSync } from 'node:fs';

const RAW = 'data/raw';
const PDF_DIRS = [process.env.BENCH_PDF_DIR ?? '../shared/real-pdfs/jiangsu', 'test/fixtures/real-pdfs', 'test/fixtures/pdf'];
const list = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number).filter((n) => n > 0);
const SIZES_MB = list('BENCH_MB', '5,20');
const SCALE_DOCS = list('BENCH_DOCS', '3000');
const JOBS = Number(process.env.BENCH_JOBS ?? availableParallelism());
const REPEAT = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
const GENERATED_YEARS = list('BENCH_GENERATED_YEARS', '1,10').filter((years) => years > 0);
/** The generator's flags for the generated row: every district, 40 department kinds, no PDF, a fixed seed. */
const GENERATE_FLAGS = ['--districts', String(CHONGQING_DISTRICTS.length), '--departments', '40', '--pdf-share', '0', '--seed', '2026'];
const CLI_RUNS = 5;

function timeCli(): number[] {
	const out = mkdtempSync(join(tmpdir(), 'bench-cli-'));
	return Array.from({ length: CLI_RUNS }, () => {
		const t = performance.now();
		execFileSync('node', ['scripts/extract.mjs', '--in', RAW, '--out', out, '--quiet'], { stdio: 'ignore' });
		return performance.now() - t;
	});
}

/**
 * Measures `dir` in a child process, so each run starts with a fresh heap (Node's default size),
 * running the bundled JavaScript as the CLI does (not the TypeScript through tsx).
 */
function childRun(dir: string, jobs: number): TextRun {
	const out = execFileSync('node', ['scripts/lib/run-bundled.mjs', 'scripts/lib/bench-text-child.ts', dir, String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
	return JSON.parse(out.trim().split('\n').pop() as string) as TextRun;
}

/** A run, with the documents per CPU-second of every run it was the median of. */
type MedianRun = TextRun & { perCpuSecond: number[] };

/**
 * The run with the median extraction time of `REPEAT` runs, with every run's documents per
 * CPU-second: on a shared host the same code swings by ±10 % from one run to the next, and the
 * table shows how far.
 */
function medianRun(dir: string, jobs: number, repeat = REPEAT): MedianRun {
	const runs = Array.from({ length: repeat }, () => childRun(dir, jobs)).sort((a, b) => a.extractMs - b.extractMs);
	return { ...(runs[Math.floor((runs.length - 1) / 2)] as TextRun), perCpuSecond: runs.map((r) => r.documents / (r.extractCpuMs / 1000)) };
}

async function withCorpus<T>(targetBytes: number, use: (dir: string) => T): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
	try {
		await makeCorpus(RAW, dir, targetBytes);
		return use(dir);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** `npm run generate` into a temporary folder (removed after); `use` gets the folder of the disclosures. */
async function withGenerated<T>(years: number, use: (dir: string) => T): Promise<T> {
	const dir = mkdtempSync(join(tmpdir(), 'bench-generated-'));
	try {
		const args = parseGenerateArgs([...GENERATE_FLAGS, '--years', String(years), '--out', dir]);
		const truth = openTruth(join(dir, 'truth.jsonl'));
		await writeDistricts(args, Array.from({ length: args.districts }, (_, i) => i), join(dir, 'raw'), truth);
		await closeStream(truth);
		return use(join(dir, 'raw'));
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const mbOf = (bytes: number) => bytes / 2 ** 20;
const PEAK_RSS = 'peak RSS: extraction / with the write';
const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`;
const perS = (n: number, msTaken: number) => Math.round(n / (msTaken / 1000)).toLocaleString('en');

/** The median run's documents per CPU-second, and the range of its runs' when there were several. */
function perCpuSecondCell(r: MedianRun): string {
	const median = perS(r.documents, r.extractCpuMs);
	if (r.perCpuSecond.length < 2) return median;
	const round = (x: number) => Math.round(x).toLocaleString('en');
	return `${median} (runs ${round(Math.min(...r.perCpuSecond))}–${round(Math.max(...r.perCpuSecond))})`;
}

function textRows(runs: readonly MedianRun[], corpus = ''): string[][] {
	return runs.map((r) => [
		`${corpus}${mbOf(r.bytes).toFixed(1)} MB, ${r.documents.toLocaleString('en')} documents`,
		r.jobs === 0 ? 'none (one thread)' : `${r.jobs}`,
		`${perS(r.documents, r.extractMs)} documents/s, ${(mbOf(r.bytes) / (r.extractMs / 1000)).toFixed(2)} MB/s`,
		perCpuSecondCell(r),
		ms(r.writeMs),
		`${(mbOf(r.bytes) / (r.totalMs / 1000)).toFixed(2)} MB/s (${ms(r.totalMs)})`,
		`${Math.round(r.extractPeakRssMiB)} / ${Math.round(r.peakRssMiB)} MiB`
	]);
}

function pdfLines(pdf: PdfRun | string): string[] {
	if (typeof pdf === 'string') return [`PDF: ${pdf}`];
	const failed = pdf.failed.length ? `; ${pdf.failed.length} not extracted (${pdf.failed.join(', ')})` : '';
	const ratio = pdf.ms / pdf.floorMs;
	return [
		`PDF, one thread: ${pdf.files} distinct files of ${PDF_DIRS.join(', ')}, ${pdf.pages} pages; each file's median of ${pdf.runs} runs, the two measurements alternated per file${failed}.`,
		'',
		markdownTable(
			['what', 'time', 'pages/s'],
			[
				['pdf.js text extraction alone (open + getTextContent on every page: the floor)', ms(pdf.floorMs), (pdf.pages / (pdf.floorMs / 1000)).toFixed(1)],
				['`extractFile` (pdf.js + lines, grid, tables, checks)', ms(pdf.ms), `**${(pdf.pages / (pdf.ms / 1000)).toFixed(1)}**`]
			]
		),
		'',
		`Ratio to the floor: **${ratio.toFixed(2)}×** (target ≤ 1.25×).`
	];
}

async function main(): Promise<void> {
	const loadBefore = loadAverage();
	const cli = timeCli();
	const seedBytes = (await listDisclosures(RAW)).reduce((n, f) => n + statSync(join(RAW, f)).size, 0);
	const seeds = (await listDisclosures(RAW)).length;
	const text: MedianRun[] = [];
	for (const mb of SIZES_MB) {
		await withCorpus(mb * 2 ** 20, (dir) => {
			text.push(medianRun(dir, 0));
			text.push(medianRun(dir, JOBS));
		});
	}
	const scale: MedianRun[] = [];
	for (const docs of SCALE_DOCS) await withCorpus((docs / seeds) * seedBytes - 1, (dir) => scale.push(medianRun(dir, JOBS)));
	const generated: MedianRun[] = [];
	for (const years of GENERATED_YEARS) await withGenerated(years, (dir) => generated.push(medianRun(dir, JOBS)));
	const pdf = await measurePdfs(PDF_DIRS);
	const m = machineInfo();
	const body = [
		`Measured ${today()} on ${describeMachine(m)}. Command: \`npm run bench:extract\` (sizes: \`BENCH_MB=${SIZES_MB.join(',')}\`, \`BENCH_DOCS=${SCALE_DOCS.join(',')}\`, \`BENCH_GENERATED_YEARS=${GENERATED_YEARS.join(',') || 0}\`, \`BENCH_JOBS=${JOBS}\`, \`BENCH_REPEAT=${REPEAT}\`).`,
		describeLoad(loadBefore, loadAverage(), m.cores, JOBS + 1), // the workers and the main thread
		'',
		`\`node scripts/extract.mjs\` (what \`npm run extract\` runs: the CLI from its cached bundle) on the 5 seeds, wall time incl. process start: **${ms(median(cli))}** median of ${CLI_RUNS} (target < 1,000 ms); runs ${cli.map((x) => Math.round(x)).join(', ')} ms.`,
		'',
		`Text: the seeds copied with other district and department names, each run in a fresh process (extraction and the incremental Parquet writer), in one thread and with ${JOBS} worker thread(s) beside the main thread (which plans the folder and writes); the run with the median time of ${REPEAT}. ` +
			'“per CPU-second” divides by the CPU time of the whole process (all threads; with workers the writer’s spooling is included): it is what one core does, and holds when the machine is shared; after it, the lowest and highest of the runs. With workers, extraction and writing overlap, so “extraction” is the whole pass before the Parquet files are written.',
		'',
		markdownTable(['corpus', 'workers', 'extraction (wall)', 'documents per CPU-second', 'Parquet write', 'end to end', PEAK_RSS], textRows(text)),
		'',
		`Scale, ${JOBS} worker thread(s), Node's default heap; the run with the median extraction time of ${REPEAT}. The seeds average ${Math.round(seedBytes / seeds / 1024)} KB a document; the generated corpus (text layouts and saved web pages, no PDF) about a quarter of that — the two bracket real disclosures, whose cost per document grows with their rows and prose:`,
		'',
		markdownTable(['corpus', 'workers', 'extraction (wall)', 'documents per CPU-second', 'Parquet write', 'end to end', PEAK_RSS], [
			...textRows(scale, 'seeds copied: '),
			...generated.flatMap((run, i) => textRows([run], `generated (\`npm run generate -- ${GENERATE_FLAGS.join(' ')} --years ${GENERATED_YEARS[i]}\`): `))
		]),
		'',
		...pdfLines(pdf)
	].join('\n');
	console.log(body);
	updateSection('BENCHMARKS.md', 'Extraction', body);
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
