/**
 * The measurements behind `npm run bench:extract`: a text folder through extraction and the
 * incremental Parquet writer (time split between the two, peak memory), and PDFs through
 * `extractFile` with the Node pdf.js engine.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { documentId, extractFile, readSource } from '../../src/lib/extract/index';
import type { PdfEngine } from '../../src/lib/extract/pdf/engine';
import { extractFolder } from './extract-folder';
import { openParquetSink } from './parquet-write';

export interface TextRun {
	documents: number;
	bytes: number;
	/** Time outside the writer: reading, extracting, building rows. */
	extractMs: number;
	/** Time in the writer: checking and spooling rows, then the Parquet files. */
	writeMs: number;
	totalMs: number;
	/** The process's peak resident set size (the whole process: Node, DuckDB, everything). */
	peakRssMiB: number;
}

/** Extracts `dir` and writes its Parquet files (to a temporary folder, removed after). */
export async function measureText(dir: string): Promise<TextRun> {
	const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
	try {
		const sink = await openParquetSink(out);
		let writeMs = 0;
		const t0 = performance.now();
		const result = await extractFolder(dir, (rows) => {
			const t = performance.now();
			sink.append(rows);
			writeMs += performance.now() - t;
		});
		const t1 = performance.now();
		await sink.close();
		const totalMs = performance.now() - t0;
		writeMs += performance.now() - t1;
		const peakRssMiB = process.resourceUsage().maxRSS / 1024;
		return { documents: result.documents, bytes: result.bytes, extractMs: totalMs - writeMs, writeMs, totalMs, peakRssMiB };
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}

export interface PdfRun {
	files: number;
	pages: number;
	ms: number;
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

/**
 * Times `extractFile` on every PDF of `dir`; pages are counted from the document (or, for a file
 * it refused, by reading it again untimed). Returns why it was skipped instead, as a sentence.
 */
export async function measurePdfs(dir: string): Promise<PdfRun | string> {
	if (!existsSync(dir)) return `skipped: ${dir} not found`;
	const pdf = await nodePdfEngine();
	if (!pdf) return 'skipped: no Node PDF engine (scripts/lib/pdf-node.ts `createNodePdfEngine`)';
	const run: PdfRun = { files: 0, pages: 0, ms: 0, failed: [] };
	for (const file of readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort()) {
		const bytes = new Uint8Array(readFileSync(join(dir, file)));
		const id = await documentId(bytes);
		const t = performance.now();
		const pages = await extractFile(file, bytes, id, { pdf }).then(
			(doc) => doc.document.pages,
			() => null
		);
		run.ms += performance.now() - t;
		run.files++;
		if (pages === null) run.failed.push(file);
		run.pages += pages ?? (await readSource(file, bytes, { pdf }).then((s) => s.pages ?? 0, () => 0));
	}
	return run.files ? run : `skipped: no PDF in ${dir}`;
}
