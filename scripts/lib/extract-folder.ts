/**
 * Extracts every disclosure of a folder: reads files, applies manifest.csv, plans the documents
 * (copies skipped, a narrative and a tables file of one disclosure merged, rivals decided — see
 * folder-corpus.ts), runs the pure extractor on each, and collects rows and a per-document report. A file that fails does not stop
 * the others.
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
	type ExtractedDocument
} from '../../src/lib/extract/index';
import { extractItem, planFolder } from './folder-corpus';
import { createNodePdfEngine } from './pdf-node';

export interface FileFailure {
	file: string;
	message: string;
	/** True when the bytes could not be read as text at all (the CLI then exits non-zero). */
	unreadable: boolean;
}

export interface FolderResult {
	rows: ContractRows;
	documents: ExtractedDocument[];
	failures: FileFailure[];
	warnings: string[];
	bytes: number;
}

const MANIFEST = 'manifest.csv';

/** Lists the disclosure files of a folder (hidden files and the manifest excluded), sorted. */
export async function listDisclosures(dir: string): Promise<string[]> {
	const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== MANIFEST).sort();
	const files: string[] = [];
	for (const n of names) if ((await stat(join(dir, n))).isFile()) files.push(n);
	return files;
}

export async function extractFolder(dir: string): Promise<FolderResult> {
	const result: FolderResult = { rows: emptyContractRows(), documents: [], failures: [], warnings: [], bytes: 0 };
	const manifest = await readManifest(dir, result);
	// One pdf.js engine for the whole run: it holds no document between files.
	const pdf = createNodePdfEngine();
	// Every file is read and profiled first, so that copies, halves and rivals are known before
	// any document is counted (nothing is counted twice); then each planned document is extracted.
	const plan = await planFolder(dir, await listDisclosures(dir), manifest, { pdf });
	result.bytes = plan.bytes;
	result.warnings.push(...plan.notices);
	for (const item of plan.items) {
		const outcome = await extractItem(dir, item, plan, manifest, { pdf });
		result.warnings.push(...outcome.notices);
		for (const { file, error } of outcome.failures) recordFailure(file, error, result);
		for (const doc of outcome.documents) {
			result.documents.push(doc);
			toContractRows(doc, result.rows);
		}
	}
	return result;
}

function recordFailure(file: string, error: unknown, result: FolderResult): void {
	const failure = toFailure(file, error);
	result.failures.push(failure);
	result.rows.diagnostics.push(diagnosticRow(null, file, { severity: 'error', stage: failure.unreadable ? 'decode' : 'metadata', line: null, message: failure.message }));
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
