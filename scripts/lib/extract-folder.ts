/**
 * Extracts every disclosure of a folder: reads files, applies manifest.csv, runs the pure
 * extractor on each, and collects rows and a per-document report. A file that fails does not stop
 * the others.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
	diagnosticRow,
	documentId,
	emptyContractRows,
	extractFile,
	ExtractError,
	parseManifest,
	toContractRows,
	type ContractRows,
	type ExtractedDocument
} from '../../src/lib/extract/index';
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
	const seen = new Map<string, string>();
	for (const file of await listDisclosures(dir)) {
		const bytes = new Uint8Array(await readFile(join(dir, file)));
		result.bytes += bytes.length;
		const id = await documentId(bytes);
		if (seen.has(id)) {
			result.warnings.push(`extract: ${file}: 与 ${seen.get(id)} 内容相同，已跳过 (duplicate file)`);
			continue;
		}
		seen.set(id, file);
		try {
			const doc = await extractFile(file, bytes, id, { override: manifest.get(file), pdf });
			result.documents.push(doc);
			toContractRows(doc, result.rows);
		} catch (error) {
			const failure = toFailure(file, error);
			result.failures.push(failure);
			result.rows.diagnostics.push(diagnosticRow(null, file, { severity: 'error', stage: failure.unreadable ? 'decode' : 'metadata', line: null, message: failure.message }));
		}
	}
	return result;
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
