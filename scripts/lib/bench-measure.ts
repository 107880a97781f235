/**
 * The measurements behind `npm run bench:extract`: a text folder through extraction and the
 * incremental Parquet writer (time and CPU time split between the two, peak memory), in this thread
 * or with worker threads; and PDFs through `extractFile` with the Node pdf.js engine beside pdf.js's
 * own text extraction of the same files (the floor: every page's getTextContent).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentId, extractFile, readSource } from '../../src/lib/extract/index';
import type { PdfEngine } from '../../src/lib/extract/pdf/engine';
import { extractFolderPacked } from './extract-folder';
import { openParquetSink } from './parquet-write';

export interface TextRun {
	documents: number;
	bytes: number;
	/** Worker threads used (0: all in the measuring thread). */
	jobs: number;
	/** Time outside the writer: reading, extracting, building rows. With workers, writing overlaps extraction and is not subtracted. */
	extractMs: number;
	/** CPU time of the whole process (every thread) outside the writer; with workers, the writer's spooling included. */
	extractCpuMs: number;
	/** Time in the writer: checking and spooling rows, then the Parquet files. */
	writeMs: number;
	totalMs: number;
	/** The process's peak resident set size (the whole process: Node, workers, DuckDB, everything). */
	peakRssMiB: number;
	/** The same before the Parquet files are written: the extraction's peak (with workers, the spooling's too). */
	extractPeakRssMiB: number;
}

const cpuMs = (since?: NodeJS.CpuUsage) => {
	const u = process.cpuUsage(since);
	return (u.user + u.system) / 1000;
};

/** Extracts `dir` with `jobs` worker threads and writes its Parquet files (to a temporary folder, removed after). */
export async function measureText(dir: string, jobs = 0): Promise<TextRun> {
	const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
	try {
		const sink = await openParquetSink(out);
		let writeMs = 0;
		let writeCpuMs = 0;
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const result = await extractFolderPacked(
			dir,
			{
				rows: (rows) => {
					const t = performance.now();
					// The writer's CPU is taken apart only without workers (with them it cannot be, see
					// below); then reading the clock twice per document would only add to the figure.
					const c = jobs > 0 ? null : process.cpuUsage();
					sink.append(rows);
					writeMs += performance.now() - t;
					if (c) writeCpuMs += cpuMs(c);
				},
				revoke: (docIds) => sink.revoke(docIds),
				document: () => {}
			},
			{ jobs, spillDir: out }
		);
		const t1 = performance.now();
		const c1 = process.cpuUsage();
		// process.cpuUsage counts every thread: with workers, the writer's share cannot be told apart
		// (they run meanwhile), so it stays in — CPU per document is then pessimistic.
		const extractCpuMs = jobs > 0 ? cpuMs(c0) : cpuMs(c0) - writeCpuMs;
		const extractPeakRssMiB = process.resourceUsage().maxRSS / 1024;
		await sink.close();
		const totalMs = performance.now() - t0;
		writeMs += performance.now() - t1;
		writeCpuMs += cpuMs(c1);
		const peakRssMiB = process.resourceUsage().maxRSS / 1024;
		// With workers the main thread writes while they extract: the run's time is the extraction's.
		const extractMs = jobs > 0 ? t1 - t0 : totalMs - writeMs;
		return { documents: result.documents, bytes: result.bytes, jobs: result.jobs, extractMs, extractCpuMs, writeMs, totalMs, peakRssMiB, extractPeakRssMiB };
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}

export interface PdfRun {
	files: number;
	pages: number;
	/** `extractFile` (pdf.js reading included), summed over the files; each file's median of the runs. */
	ms: number;
	/** pdf.js alone: open the document and getTextContent on every page — the floor. */
	floorMs: number;
	runs: number;
	/** Files `extractFile` refused (their pages are still counted, and their time). */
	failed: string[];
}

/** The Node pdf.js engine, or null where scripts/lib/pdf-node.ts is not there (yet). */
async function nodePdfEngine(): Promise<PdfEngine | null> {
	try {
		const mod = (await import('./pdf-node')) as { createNodePdfEngine?: () => PdfEngine };
		return mod.createNodePdfEngine ? mod.createNodePdfEngine() : null;
	} catch {
		return null;
	}
}

/** pdf.js's own text extraction of a whole file: what any PDF reader must pay. */
async function textContentMs(pdf: PdfEngine, bytes: Uint8Array): Promise<number> {
	const t = performance.now();
	const doc = await pdf.open(bytes.slice());
	try {
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			await page.getTextContent();
			page.cleanup();
		}
	} finally {
		await doc.destroy();
	}
	return performance.now() - t;
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

/**
 * Times `extractFile` and pdf.js's text extraction on every PDF of `dirs` (a file present in
 * several folders is measured once), alternating the two per file, `runs` times; each file's
 * median counts. Pages are counted from the document (or, for a file it refused, by reading it
 * again untimed). Returns why it was skipped instead, as a sentence.
 */
export async function measurePdfs(dirs: readonly string[], runs = 3): Promise<PdfRun | string> {
	const present = dirs.filter((d) => existsSync(d));
	if (present.length === 0) return `skipped: ${dirs.join(', ')} not found`;
	const pdf = await nodePdfEngine();
	if (!pdf) return 'skipped: no Node PDF engine (scripts/lib/pdf-node.ts `createNodePdfEngine`)';
	const files = new Map<string, { file: string; bytes: Uint8Array }>();
	for (const dir of present) {
		for (const file of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort()) {
			const bytes = new Uint8Array(readFileSync(join(dir, file)));
			const id = await documentId(bytes);
			if (!files.has(id)) files.set(id, { file, bytes });
		}
	}
	const run: PdfRun = { files: 0, pages: 0, ms: 0, floorMs: 0, runs, failed: [] };
	// pdf.js's modules, cMaps and fonts load at the first document: warm up untimed.
	const [first] = files.values();
	if (first) await textContentMs(pdf, first.bytes).catch(() => 0);
	for (const [id, { file, bytes }] of files) {
		const extract: number[] = [];
		const floor: number[] = [];
		let pages: number | null = null;
		const timeExtract = async () => {
			const t = performance.now();
			pages = await extractFile(file, bytes, id, { pdf }).then(
				(doc) => doc.document.pages,
				() => null
			);
			extract.push(performance.now() - t);
		};
		// Which goes first alternates, so that neither always finds the file (and pdf.js) warm.
		for (let r = 0; r < runs; r++) {
			if (r % 2 === 0) floor.push(await textContentMs(pdf, bytes)), await timeExtract();
			else await timeExtract(), floor.push(await textContentMs(pdf, bytes));
		}
		run.ms += medianOf(extract);
		run.floorMs += medianOf(floor);
		run.files++;
		if (pages === null) run.failed.push(file);
		run.pages += pages ?? (await readSource(file, bytes, { pdf }).then((s) => s.pages ?? 0, () => 0));
	}
	return run.files ? run : `skipped: no PDF in ${present.join(', ')}`;
}
