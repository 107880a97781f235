/**
 * Extracts every disclosure of a folder: reads files, applies manifest.csv, plans the documents
 * (copies skipped, a narrative and a tables file of one disclosure merged, rivals decided — see
 * folder-corpus.ts), runs the pure extractor on each, and hands each document's rows to `onRows`
 * as soon as it is extracted (no rows accumulate here, so the writer can keep memory flat). A file
 * that fails does not stop the others.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
	diagnosticRow,
	emptyContractRows,
	ExtractError,
	parseManifest,
	toContractRows,
	type ContractRows,
	type ExtractedDocument,
	type FileOptions
} from '../../src/lib/extract/index';
import type { PdfEngine } from '../../src/lib/extract/pdf/engine';
import { extractItem, planFolder } from './folder-corpus';
import { NarrativeCorpus } from '../../src/lib/extract/narrative-corpus';

export interface FileFailure {
	file: string;
	message: string;
	/** True when the bytes could not be read as text at all (the CLI then exits non-zero). */
	unreadable: boolean;
}

/** What a folder gave, besides the rows handed to `onRows`. */
export interface FolderResult {
	documents: number;
	failures: FileFailure[];
	warnings: string[];
	bytes: number;
	checks: { passed: number; failed: number };
}

/**
 * Receives each file's rows in file-name order: an extracted document's (with `doc`), or the
 * diagnostics row of a file that failed (`doc` null); last, the corpus checks if any (`doc` null).
 */
export type RowsHandler = (rows: ContractRows, doc: ExtractedDocument | null) => void | Promise<void>;

const MANIFEST = 'manifest.csv';

/** Lists the disclosure files of a folder (hidden files and the manifest excluded), sorted. */
export async function listDisclosures(dir: string): Promise<string[]> {
	const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== MANIFEST).sort();
	const files: string[] = [];
	for (const n of names) if ((await stat(join(dir, n))).isFile()) files.push(n);
	return files;
}

export async function extractFolder(dir: string, onRows: RowsHandler, options: Pick<FileOptions, 'pdf'> = {}): Promise<FolderResult> {
	const result: FolderResult = { documents: 0, failures: [], warnings: [], bytes: 0, checks: { passed: 0, failed: 0 } };
	const manifest = await readManifest(dir, result);
	// One pdf.js engine for the whole run: it holds no document between files.
	const pdf = options.pdf ?? lazyNodePdfEngine();
	// Every file is read and profiled first, so that copies, halves and rivals are known before
	// any document is handed on (nothing is counted twice); then each planned document is extracted.
	const plan = await planFolder(dir, await listDisclosures(dir), manifest, { ...options, pdf });
	result.bytes = plan.bytes;
	result.warnings.push(...plan.notices);
	// Derived figures of the prose against the other years' disclosures, once all are known.
	const narrative = new NarrativeCorpus();
	for (const item of plan.items) {
		const outcome = await extractItem(dir, item, plan, manifest, { ...options, pdf });
		result.warnings.push(...outcome.notices);
		for (const { file, error } of outcome.failures) await onRows(failureRows(file, error, result), null);
		for (const doc of outcome.documents) await onRows(narrative.add(documentRows(doc, result)), doc);
	}
	const corpus = corpusChecks(narrative.checks(), result);
	if (corpus.checks.length > 0) await onRows(corpus, null);
	return result;
}

function documentRows(doc: ExtractedDocument, result: FolderResult): ContractRows {
	result.documents++;
	for (const c of doc.checks) result.checks[c.ok ? 'passed' : 'failed']++;
	return toContractRows(doc);
}

/** The corpus checks (narrative-corpus.ts), counted like every document's. */
function corpusChecks(rows: ContractRows, result: FolderResult): ContractRows {
	for (const c of rows.checks) result.checks[c.ok ? 'passed' : 'failed']++;
	return rows;
}

function failureRows(file: string, error: unknown, result: FolderResult): ContractRows {
	const failure = toFailure(file, error);
	result.failures.push(failure);
	const rows = emptyContractRows();
	rows.diagnostics.push(diagnosticRow(null, file, { severity: 'error', stage: failure.unreadable ? 'decode' : 'metadata', line: null, message: failure.message }));
	return rows;
}

/** The Node pdf.js engine, loaded at the first PDF: loading pdf.js costs more than extracting a few text files. */
function lazyNodePdfEngine(): PdfEngine {
	let engine: Promise<PdfEngine> | null = null;
	return {
		async open(data) {
			engine ??= import('./pdf-node').then((m) => m.createNodePdfEngine());
			return (await engine).open(data);
		}
	};
}

async function readManifest(dir: string, result: FolderResult) {
	const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => null);
	if (text === null) return new Map();
	const { entries, problems } = parseManifest(text);
	for (const p of problems) result.warnings.push(`extract: ${MANIFEST}:${p.line}: ${p.message}`);
	return entries;
}

function toFailure(file: string, error: unknown): FileFailure {
	if (error instanceof ExtractError) return { file, message: error.message, unreadable: error.stage === 'decode' };
	const detail = error instanceof Error ? error.message : String(error);
	return { file, message: `extract: ${file}: 内部错误 (internal error): ${detail}`, unreadable: false };
}
