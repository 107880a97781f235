/**
 * Extracts every disclosure of a folder: reads files, applies manifest.csv, plans the documents
 * (copies skipped, a narrative and a tables file of one disclosure merged, rivals decided — see
 * folder-corpus.ts), runs the pure extractor on each, and hands each document's rows to `onRows`
 * as soon as it is extracted (no rows accumulate here, so the writer can keep memory flat). A file
 * that fails does not stop the others.
 *
 * With `jobs`, files are read, profiled and extracted in worker threads while this thread makes the
 * folder's decisions and takes the rows; results are handed on in file-name order all the same, so
 * the rows and the report do not depend on how many workers ran.
 *
 * `extractFolder` hands on each document whole with its rows as objects (for tests and tools that
 * look into documents); `extractFolderPacked` hands on its report and its rows — from a worker,
 * checked and encoded for the writer where the document was extracted (packed-document.ts), so
 * that workers send the main thread bytes, not objects. That is what the CLI uses.
 */
// first: V8's inlining budget must be set before the extractor's code is optimised
import './v8-compile-budget';
import { statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
	diagnosticRow,
	emptyContractRows,
	parseManifest,
	toContractRows,
	type ContractRows,
	type ExtractedDocument,
	type FileOptions
} from '../../src/lib/extract/index';
import type { DocumentMetadata } from '../../src/lib/extract/metadata';
import { extractItem, PlanBuilder, readAndProfile, stepTask, type FileFailure, type FileRead, type ItemOutcome, type PlanItem, type StepTask } from './folder-corpus';
import { inOrder, WorkerPool, type Settled } from './extract-worker-pool';
import { nodeFileOptions } from './extract-worker-tasks';
import { NarrativeCorpus } from '../../src/lib/extract/narrative-corpus';
import type { PackedOutcome } from './packed-document';
import { reportOf, type DocumentReport } from './document-report';
import type { EncodedRows } from './spool-lines';

export type { FileFailure } from './folder-corpus';

/** What a folder gave, besides the rows handed to `onRows`. */
export interface FolderResult {
	documents: number;
	failures: FileFailure[];
	warnings: string[];
	bytes: number;
	checks: { passed: number; failed: number };
	/** Worker threads used (0: everything ran in the calling thread). */
	jobs: number;
}

/**
 * Receives each file's rows in file-name order: an extracted document's (with `doc`), or the
 * diagnostics row of a file that failed (`doc` null); last, the corpus checks if any (`doc` null).
 */
export type RowsHandler = (rows: ContractRows, doc: ExtractedDocument | null) => void | Promise<void>;

/** {@link RowsHandler} for packed documents: an extracted document's rows come encoded, with its report. */
export type PackedRowsHandler = (rows: ContractRows | EncodedRows, doc: DocumentReport | null) => void | Promise<void>;

export interface FolderOptions extends Pick<FileOptions, 'pdf'> {
	/**
	 * Worker threads that read and extract files while this thread plans the folder and takes the
	 * rows: 0 (the default) extracts here; 'auto' starts one per core, for a folder large enough to
	 * repay starting them — this thread's share (the plan, spooling) is about a tenth of a worker's,
	 * so leaving it a core of its own left most of that core idle (2 cores, 2,865 documents: 170 → 237
	 * documents/s). Workers use their own Node pdf.js engine (`pdf` is not passed on).
	 */
	jobs?: number | 'auto';
	/** The workers' entry module (a test swaps in one that crashes). */
	workerEntry?: URL;
}

const MANIFEST = 'manifest.csv';

/** Below this many files, starting worker threads (each loads the extractor anew) costs more than it saves. */
const AUTO_MIN_FILES = 64;

/** Tasks in flight beyond the oldest unanswered one, per worker: enough to keep workers busy, few enough that memory stays flat. */
const WINDOW_PER_WORKER = 4;

/** Lists the disclosure files of a folder (hidden files and the manifest excluded), sorted. */
export async function listDisclosures(dir: string): Promise<string[]> {
	const names = (await readdir(dir)).filter((n) => !n.startsWith('.') && n !== MANIFEST).sort();
	const files: string[] = [];
	for (const n of names) if ((await stat(join(dir, n))).isFile()) files.push(n);
	return files;
}

/** The worker threads to use for `files` files. */
export function workerCount(jobs: FolderOptions['jobs'], files: number): number {
	if (jobs === 'auto') return files >= AUTO_MIN_FILES ? availableParallelism() : 0;
	return Math.max(0, Math.floor(jobs ?? 0));
}

export function extractFolder(dir: string, onRows: RowsHandler, options: FolderOptions = {}): Promise<FolderResult> {
	const takeDocuments: TakeDocuments = async (outcome, narrative, result) => {
		for (const doc of (outcome as ItemOutcome).documents) await onRows(takeWhole(doc, narrative, result), doc);
	};
	return runFolder(dir, options, false, (rows) => onRows(rows, null), takeDocuments);
}

export function extractFolderPacked(dir: string, onRows: PackedRowsHandler, options: FolderOptions = {}): Promise<FolderResult> {
	const takeDocuments: TakeDocuments = async (outcome, narrative, result) => {
		if (!('packed' in outcome)) {
			// Extracted in this thread: nothing to pack, the writer takes the rows as they are.
			for (const doc of outcome.documents) await onRows(takeWhole(doc, narrative, result), reportOf(doc));
			return;
		}
		for (const doc of outcome.documents) {
			result.checks.passed += doc.report.checks.passed;
			result.checks.failed += doc.report.checks.failed;
			narrative.addFacts(doc.facts);
			await onRows(doc.rows, doc.report);
		}
	};
	return runFolder(dir, options, true, (rows) => onRows(rows, null), takeDocuments);
}

/** A document extracted whole: its checks counted in `result`, its rows (through `narrative`) to hand on. */
function takeWhole(doc: ExtractedDocument, narrative: NarrativeCorpus, result: FolderResult): ContractRows {
	for (const c of doc.checks) result.checks[c.ok ? 'passed' : 'failed']++;
	return narrative.add(toContractRows(doc));
}

/** Hands on one extracted item's documents (their rows go through `narrative`); counts their checks in `result`. */
type TakeDocuments = (outcome: ItemOutcome | PackedOutcome, narrative: NarrativeCorpus, result: FolderResult) => Promise<void>;

/** The folder run of both entry points: `onRows` takes a failed file's rows and the corpus checks, `takeDocuments` the documents. */
async function runFolder(
	dir: string,
	options: FolderOptions,
	pack: boolean,
	onRows: (rows: ContractRows) => void | Promise<void>,
	takeDocuments: TakeDocuments
): Promise<FolderResult> {
	const files = await listDisclosures(dir);
	const jobs = workerCount(options.jobs, files.length);
	const result: FolderResult = { documents: 0, failures: [], warnings: [], bytes: 0, checks: { passed: 0, failed: 0 }, jobs };
	const manifest = await readManifest(dir, result);
	const runner = jobs > 0 ? poolRunner(new WorkerPool(jobs, options.workerEntry)) : localRunner(nodeFileOptions(options.pdf));
	const window = Math.max(1, jobs * WINDOW_PER_WORKER);
	try {
		// Every file is read and profiled first, so that copies, halves and rivals are known before
		// any document is handed on (nothing is counted twice); then each planned document is extracted.
		const builder = new PlanBuilder();
		for await (const read of inOrder(files, window, (file) => runner.profile(dir, file, manifest.get(file)))) builder.add(read);
		const plan = builder.finish();
		result.bytes = plan.bytes;
		result.warnings.push(...plan.notices);
		// Derived figures of the prose against the other years' disclosures, once all are known (in this thread: it sees every document).
		const narrative = new NarrativeCorpus();
		const extract = (item: PlanItem): Promise<ItemOutcome | PackedOutcome> =>
			item.kind === 'failed' ? Promise.resolve({ documents: [], failures: [item.failure], notices: [] }) : runner.extract(dir, stepTask(item.step, plan, manifest), pack);
		for await (const outcome of inOrder(plan.items, window, extract)) {
			result.warnings.push(...outcome.notices);
			for (const failure of outcome.failures) await onRows(failureRows(failure, result));
			result.documents += outcome.documents.length;
			await takeDocuments(outcome, narrative, result);
		}
		const corpus = corpusChecks(narrative.checks(), result);
		if (corpus.checks.length > 0) await onRows(corpus);
	} finally {
		await runner.close();
	}
	return result;
}

/** Where the two passes' tasks run: in this thread, or in worker threads. */
interface Runner {
	profile(dir: string, file: string, override: Partial<DocumentMetadata> | undefined): Promise<FileRead>;
	/** With `pack`, documents extracted in a worker come packed (packed-document.ts); in this thread they stay whole. */
	extract(dir: string, task: StepTask, pack: boolean): Promise<ItemOutcome | PackedOutcome>;
	close(): Promise<void>;
}

function localRunner(options: FileOptions): Runner {
	return {
		profile: (dir, file, override) => readAndProfile(dir, file, override, options),
		extract: (dir, task) => extractItem(dir, task, options),
		close: async () => {}
	};
}

/**
 * Tasks sent to worker threads. A worker that dies on a task fails that task's files only; an
 * error a worker reports (one that would have stopped the run in this thread) stops it here too.
 */
function poolRunner(pool: WorkerPool): Runner {
	const settled = <R>(s: Settled<R>, crashed: (reason: string) => R): R => {
		if (s.ok) return s.result;
		if ('fatal' in s) throw new Error(`extract worker: ${s.fatal}`);
		return crashed(s.crash);
	};
	return {
		async profile(dir, file, override) {
			const s = await pool.run<FileRead>({ kind: 'profile', dir, file, override });
			return settled(s, (reason) => ({ file, bytes: sizeOf(join(dir, file)), ok: false, failure: crashFailure(file, reason) }));
		},
		async extract(dir, task, pack) {
			const s = await pool.run<ItemOutcome | PackedOutcome>({ kind: 'extract', dir, task, pack });
			const names = task.step.kind === 'choose' ? task.step.files : [task.step.files.join(' + ')];
			return settled(s, (reason) => ({ documents: [], failures: names.map((n) => crashFailure(n, reason)), notices: [] }));
		},
		close: () => pool.close()
	};
}

function crashFailure(file: string, reason: string): FileFailure {
	return { file, message: `extract: ${file}: 内部错误 (internal error): 提取线程在读取此文件时退出 (worker crashed: ${reason})`, unreadable: false };
}

function sizeOf(path: string): number {
	try {
		return statSync(path).size;
	} catch {
		return 0;
	}
}

/** The corpus checks (narrative-corpus.ts), counted like every document's. */
function corpusChecks(rows: ContractRows, result: FolderResult): ContractRows {
	for (const c of rows.checks) result.checks[c.ok ? 'passed' : 'failed']++;
	return rows;
}

function failureRows(failure: FileFailure, result: FolderResult): ContractRows {
	result.failures.push(failure);
	const rows = emptyContractRows();
	rows.diagnostics.push(diagnosticRow(null, failure.file, { severity: 'error', stage: failure.unreadable ? 'decode' : 'metadata', line: null, message: failure.message }));
	return rows;
}

async function readManifest(dir: string, result: FolderResult) {
	const text = await readFile(join(dir, MANIFEST), 'utf8').catch(() => null);
	if (text === null) return new Map();
	const { entries, problems } = parseManifest(text);
	for (const p of problems) result.warnings.push(`extract: ${MANIFEST}:${p.line}: ${p.message}`);
	return entries;
}
