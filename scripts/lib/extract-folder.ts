/**
 * Extracts every disclosure of a folder: reads files, applies manifest.csv, plans the documents
 * (copies skipped, a narrative and a tables file of one disclosure merged, rivals decided — see
 * folder-corpus.ts), runs the pure extractor on each, and hands on each document's rows as soon as
 * it is extracted (no rows accumulate here, so the writer can keep memory flat). A file that fails
 * does not stop the others.
 *
 * With `jobs`, files are read, profiled and extracted in worker threads while this thread makes the
 * folder's decisions and takes the rows; documents are handed on in file-name order all the same, so
 * the rows and the report do not depend on how many workers ran.
 *
 * `extractFolder` hands on each document whole with its rows as objects (for tests and tools that
 * look into documents): every file is read and profiled first, then each planned document extracted.
 * `extractFolderPacked` (what the CLI uses) reads each file once: a file is read, profiled and
 * extracted as a document by itself in one go, its rows checked and encoded for the writer where it
 * was extracted (packed-document.ts) and handed on at once; its report waits for the plan, on disk
 * (folder-spill.ts). The plan then keeps most of those documents as they are; the halves of a
 * disclosure are read again as one and the rows of their own documents revoked, as are a rival's
 * left out and a copy's. Reading every file twice was 7 % of a worker's CPU (3,040 generated
 * documents). What the folder holds in memory is then a few hundred bytes a file (its plan entry),
 * whatever its size: the reports, facts and corpus checks, about 3 KB a document and 150,000
 * checks at 30,400 documents, are on disk or handed on in batches.
 */
// first: V8's inlining budget must be set before the extractor's code is optimised
import './v8-compile-budget';
import { statSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { inputKind } from './cli-paths';
import {
	diagnosticRow,
	emptyContractRows,
	ExtractError,
	parseManifestBytes,
	toContractRows,
	type ContractRows,
	type ExtractedDocument,
	type FileOptions
} from '../../src/lib/extract/index';
import { chooseRival, type Merit } from '../../src/lib/extract/corpus';
import type { DocumentMetadata } from '../../src/lib/extract/metadata';
import {
	extractItem,
	PlanBuilder,
	stepTask,
	type FileFailure,
	type FileRead,
	type FolderPlan,
	type ItemOutcome,
	type PlanItem,
	type StepTask
} from './folder-corpus';
import { inOrder, WorkerPool, type Settled } from './extract-worker-pool';
import { nodeFileOptions, runTask, type FileTask, type WorkerTask } from './extract-worker-tasks';
import { NarrativeCorpus } from '../../src/lib/extract/narrative-corpus';
import { openFolderSpill, type HeldFactsRef } from './folder-spill';
import { GARBAGE_LIMIT_BYTES, GarbageLimit } from './collect-garbage';
import { packOutcome, type PackedDocument, type PackedFirstRead, type PackedOutcome } from './packed-document';
import type { DocumentReport } from './document-report';
import { recycleRows, transferables, type EncodedRows } from './spool-lines';

export type { FileFailure } from './folder-corpus';

/** What a folder gave, besides the rows handed on. */
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

/** What {@link extractFolderPacked} hands on. */
export interface PackedHandlers {
	/**
	 * Rows for the writer as soon as they are made: a document's as it is extracted — before the
	 * folder's plan is known, so `revoke` may take them back — a failed file's diagnostics row, and
	 * last the corpus checks. Encoded rows are the handler's until it returns (or its promise
	 * settles): their buffer is then reused for other rows.
	 */
	rows(rows: ContractRows | EncodedRows): void | Promise<void>;
	/** Each document kept, in file-name order, once the plan is known (after every file was read). */
	document(report: DocumentReport): void;
	/** Documents whose rows were handed on but that the plan does not keep: their rows are to be left out. */
	revoke(docIds: readonly string[]): void;
	/** A document was extracted (for a progress line; the halves of a disclosure read as one count too). */
	extracted?(): void;
}

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
	/**
	 * Where what waits for the folder's plan is kept meanwhile, in a folder of its own removed at the
	 * end (folder-spill.ts; about 4 KB a document): the system's temporary folder unless given.
	 */
	spillDir?: string;
	/** Folders not to read: the output folder, when it is inside the input (its Parquet files are no disclosures). */
	exclude?: string[];
}

const MANIFEST = 'manifest.csv';

/** Below this many files, starting worker threads (each loads the extractor anew) costs more than it saves. */
const AUTO_MIN_FILES = 64;

/** Tasks in flight beyond the oldest unanswered one, per worker: enough to keep workers busy, few enough that memory stays flat. */
const WINDOW_PER_WORKER = 4;

/**
 * Files a first-pass task reads at most (one message each way for all of them). A text file takes
 * a worker 1–3 ms; a message each way per file, and the threads it wakes, cost about 7 % of the CPU
 * of 30,400 generated documents on 2 workers (2026-12-05, before and after alternated: 493–511 →
 * 542–547 documents per CPU-second, and 31 → 29 s). On an AMD host 16 files gave 2–5 % more than 4
 * in each of six alternated pairs, 24 no more than 16, 32 and 48 less (more results wait for
 * their turn in file order).
 */
const FILES_PER_TASK = 16;

/**
 * The folder's files in first-pass tasks, in file-name order: up to {@link FILES_PER_TASK} a task,
 * a PDF in a task of its own — it is read for a tenth of a second or more, beside which a message
 * is nothing, and a task of several would leave the other workers idle at the end of the folder.
 */
export function firstPassTasks(files: readonly string[], manifest: ReadonlyMap<string, Partial<DocumentMetadata>>): FileTask[][] {
	const tasks: FileTask[][] = [];
	let current: FileTask[] = [];
	const close = () => {
		if (current.length > 0) tasks.push(current);
		current = [];
	};
	for (const file of files) {
		const task: FileTask = { file, override: manifest.get(file) };
		if (PDF_NAME.test(file)) {
			close();
			tasks.push([task]);
			continue;
		}
		current.push(task);
		if (current.length === FILES_PER_TASK) close();
	}
	close();
	return tasks;
}

const PDF_NAME = /\.pdf$/i;

/**
 * A saved page's resources (images, styles, scripts), in the folder a browser writes beside it:
 * `page_files` (Chromium, Firefox) or `page.files` (IE). They are not disclosures.
 */
const RESOURCE_FOLDER = /[._]files$/i;

/** What a folder holds for an extraction: its disclosure files, and manifests in subfolders (not used). */
export interface FolderListing {
	/** Paths relative to the folder ('/'-separated), sorted. */
	files: string[];
	nestedManifests: string[];
}

/**
 * Lists the disclosure files of a folder and its subfolders (users keep downloads by district, by
 * year), each by its path, sorted: hidden files and folders, the manifest, a saved page's resource
 * folder, the folders in `skip` (the output) and links to folders (they may loop) excluded; a link to a file counts as that file. The
 * directory's own entry types say which names are files: a stat each (a thread-pool round trip:
 * 1.2–1.4 s over 30,400 files) only for links and for entries whose type the file system does not
 * report.
 */
export async function listFolder(dir: string, skip: readonly string[] = []): Promise<FolderListing> {
	const listing: FolderListing = { files: [], nestedManifests: [] };
	const skipped = new Set(skip.map((p) => resolve(p)));
	const walk = async (sub: string) => {
		for (const e of await readdir(join(dir, sub), { withFileTypes: true })) {
			if (e.name.startsWith('.')) continue;
			const path = sub === '' ? e.name : `${sub}/${e.name}`;
			if (e.isDirectory()) {
				if (!RESOURCE_FOLDER.test(e.name) && !skipped.has(resolve(dir, path))) await walk(path);
				continue;
			}
			if (e.name === MANIFEST) {
				if (sub !== '') listing.nestedManifests.push(path);
				continue;
			}
			const known = e.isFile() || e.isFIFO() || e.isSocket() || e.isBlockDevice() || e.isCharacterDevice();
			// A link to nothing is listed: its read then reports it by name (the rest of the folder goes on).
			if (known ? e.isFile() : ((await stat(join(dir, path)).catch(() => null))?.isFile() ?? true)) listing.files.push(path);
		}
	};
	await walk('');
	listing.files.sort();
	listing.nestedManifests.sort();
	return listing;
}

/** The disclosure files of a folder ({@link listFolder}). */
export async function listDisclosures(dir: string): Promise<string[]> {
	return (await listFolder(dir)).files;
}

/** The worker threads to use for `files` files. */
export function workerCount(jobs: FolderOptions['jobs'], files: number): number {
	if (jobs === 'auto') return files >= AUTO_MIN_FILES ? availableParallelism() : 0;
	return Math.max(0, Math.floor(jobs ?? 0));
}

/** A folder being extracted: its files, manifest, where tasks run, and what it gave so far. */
interface FolderRun {
	dir: string;
	files: string[];
	manifest: Map<string, Partial<DocumentMetadata>>;
	runner: Runner;
	/** Tasks in flight at most. */
	window: number;
	result: FolderResult;
}

/** Sets up a folder run (workers started, manifest read), runs `body`, and stops the workers whatever happens. */
async function withFolder(input: string, options: FolderOptions, body: (run: FolderRun) => Promise<void>): Promise<FolderResult> {
	// One file is a folder of one: its folder's manifest applies to it.
	const one = (await inputKind(input)) === 'file';
	const dir = one ? dirname(input) : input;
	const listing = one ? { files: [basename(input)], nestedManifests: [] } : await listFolder(dir, options.exclude);
	const files = listing.files;
	const jobs = workerCount(options.jobs, files.length);
	const result: FolderResult = { documents: 0, failures: [], warnings: [], bytes: 0, checks: { passed: 0, failed: 0 }, jobs };
	// One file given: the manifest's rows for the folder's other files are not this run's concern.
	const manifest = await readManifest(dir, result, one ? null : files);
	for (const path of listing.nestedManifests) {
		result.warnings.push(`extract: ${path}: 只读取顶层目录的 ${MANIFEST}，此文件未用；请把其中的行移到顶层（文件名写成 ${path.replace(/[^/]+$/, '')}…）(manifest in a subfolder not used)`);
	}
	const runner = jobs > 0 ? poolRunner(new WorkerPool(jobs, options.workerEntry)) : localRunner(nodeFileOptions(options.pdf));
	try {
		await body({ dir, files, manifest, runner, window: Math.max(1, jobs * WINDOW_PER_WORKER), result });
	} finally {
		await runner.close();
	}
	return result;
}

/**
 * The plan of the folder: `start` reads the files of a task ({@link firstPassTasks}; up to the
 * window of tasks at once), `take` is given each file's result in file-name order — whatever order
 * they finish in — and returns the file's read.
 */
async function planOf<T>(run: FolderRun, start: (files: FileTask[]) => Promise<T[]>, take: (result: T) => FileRead | Promise<FileRead>): Promise<FolderPlan> {
	const builder = new PlanBuilder();
	for await (const results of inOrder(firstPassTasks(run.files, run.manifest), run.window, start)) for (const r of results) builder.add(await take(r));
	const plan = builder.finish();
	run.result.bytes = plan.bytes;
	run.result.warnings.push(...plan.notices);
	return plan;
}

export function extractFolder(dir: string, onRows: RowsHandler, options: FolderOptions = {}): Promise<FolderResult> {
	return withFolder(dir, options, async (run) => {
		const { result, runner } = run;
		// Every file is read and profiled first, so that copies, halves and rivals are known before
		// any document is handed on (nothing is counted twice); then each planned document is extracted.
		const plan = await planOf(
			run,
			(files) => runner.profile(run.dir, files),
			(read) => read
		);
		// Derived figures of the prose against the other years' disclosures, once all are known (in this thread: it sees every document).
		const narrative = new NarrativeCorpus();
		const extract = (item: PlanItem): Promise<ItemOutcome> =>
			item.kind === 'failed' ? Promise.resolve({ documents: [], failures: [item.failure], notices: [] }) : (runner.extract(run.dir, stepTask(item.step, plan, run.manifest), false) as Promise<ItemOutcome>);
		for await (const outcome of inOrder(plan.items, run.window, extract)) {
			result.warnings.push(...outcome.notices);
			for (const failure of outcome.failures) await onRows(failureRows(failure, result), null);
			result.documents += outcome.documents.length;
			for (const doc of outcome.documents) {
				for (const c of doc.checks) result.checks[c.ok ? 'passed' : 'failed']++;
				await onRows(narrative.add(toContractRows(doc)), doc);
			}
		}
		for (const batch of narrative.checkBatches()) await onRows(corpusChecks(batch, result), null);
	});
}

/** A document of the first pass whose rows were handed on, kept until the plan says whether it stands. */
interface HeldDocument {
	report: DocumentReport;
	/** Where its facts for the corpus check are held (folder-spill.ts), added once the plan keeps the document. */
	facts: HeldFactsRef;
	merit: Merit;
	/** False for an exact copy of a file before it (same bytes, so the same doc_id): its rows were not handed on. */
	spooled: boolean;
}

const idOf = (doc: HeldDocument) => doc.report.document.doc_id as string;

/** What extracting a file alone gave, held until the plan is known. */
interface HeldOutcome {
	documents: HeldDocument[];
	failures: FileFailure[];
}

/** A plan item settled: the documents it keeps (with rows still to hand on for those extracted now), what it revokes. */
interface SettledItem {
	documents: { held: HeldDocument; rows: EncodedRows | null }[];
	failures: FileFailure[];
	notices: string[];
	revoked: string[];
}

export function extractFolderPacked(dir: string, handlers: PackedHandlers, options: FolderOptions = {}): Promise<FolderResult> {
	return withFolder(dir, options, async (run) => {
		const { result, runner, manifest } = run;
		// What must wait for the plan, and the facts of the corpus check, wait on disk (folder-spill.ts).
		// The corpus check: derived figures of the prose against the other years' disclosures, once all
		// are known (in this thread: it sees every document).
		const spill = openFolderSpill<HeldOutcome>(run.files.length, options.spillDir);
		const { held, facts: heldFacts, corpus: narrative } = spill;
		try {
			const handedOn = new Set<string>();
			const heldOf = (doc: PackedDocument, spooled: boolean): HeldDocument => ({ report: doc.report, facts: heldFacts.put(doc.facts), merit: doc.merit, spooled });
			const hold = async (outcome: PackedOutcome): Promise<HeldOutcome> => {
				const documents: HeldDocument[] = [];
				for (const doc of outcome.documents) {
					const document = heldOf(doc, !handedOn.has(doc.report.document.doc_id as string));
					if (document.spooled) {
						handedOn.add(idOf(document));
						await handlers.rows(doc.rows);
					}
					runner.recycle(doc.rows);
					handlers.extracted?.();
					documents.push(document);
				}
				return { documents, failures: outcome.failures };
			};
			// One pass over the files: each read, profiled and extracted alone; its rows handed on now — in
			// file-name order, so that of two files with the same bytes (one doc_id) the first is handed on,
			// as the plan keeps the first of copies.
			const plan = await planOf(
				run,
				(files) => runner.first(run.dir, files),
				async (first) => {
					if (first.outcome) held.put(first.read.file, await hold(first.outcome));
					return first.read;
				}
			);
			// PDF sources are kept from the pass for the halves to be read again as one; the others' are done with,
			// and so are the other files' doc_ids (only a merge's task takes them) and the ids handed on (the
			// pass is over): a few hundred bytes a file, for as long as the plan's items settle.
			const halves = new Set(plan.items.flatMap((item) => (item.kind === 'step' && item.step.kind === 'merge' ? item.step.files : [])));
			keepOnly(plan.cache, halves);
			keepOnly(plan.ids, halves);
			handedOn.clear();
			const settle = async (item: PlanItem): Promise<SettledItem> => {
				if (item.kind === 'failed') return { documents: [], failures: [item.failure], notices: [], revoked: [] };
				const step = item.step;
				const firsts = step.files.map((file) => held.take(file) ?? { documents: [], failures: [] });
				const ownIds = firsts.flatMap((h) => h.documents.filter((d) => d.spooled).map(idOf));
				if (step.kind === 'merge') {
					// The halves are one document: read again together; their own documents are revoked.
					const outcome = (await runner.extract(run.dir, stepTask(step, plan, manifest), true)) as PackedOutcome;
					const documents = outcome.documents.map((doc) => ({ held: heldOf(doc, true), rows: doc.rows }));
					return { documents, failures: outcome.failures, notices: outcome.notices, revoked: ownIds };
				}
				// A single file's document stands; of rivals, the best (corpus.ts), the others revoked.
				const failures = firsts.flatMap((h) => h.failures);
				const documents = firsts.flatMap((h) => h.documents);
				if (documents.length <= 1) return { documents: documents.map((d) => ({ held: d, rows: null })), failures, notices: [], revoked: [] };
				const { kept, notices } = chooseRival(documents.map((d) => ({ held: d, document: d.report.document, merit: d.merit })));
				return { documents: [{ held: kept.held, rows: null }], failures, notices, revoked: ownIds.filter((id) => id !== idOf(kept.held)) };
			};
			const garbage = new GarbageLimit(GARBAGE_LIMIT_BYTES);
			for await (const item of inOrder(plan.items, run.window, settle)) {
				garbage.check();
				result.warnings.push(...item.notices);
				if (item.revoked.length > 0) handlers.revoke(item.revoked);
				for (const failure of item.failures) await handlers.rows(failureRows(failure, result));
				for (const { held: doc, rows } of item.documents) {
					if (rows) {
						await handlers.rows(rows);
						runner.recycle(rows);
						handlers.extracted?.();
					}
					result.documents++;
					result.checks.passed += doc.report.checks.passed;
					result.checks.failed += doc.report.checks.failed;
					narrative.addHeld(doc.facts, heldFacts);
					handlers.document(doc.report);
				}
			}
			// What is still held is the copies' (in no step of the plan).
			const copies = [...held.takeAll()].flatMap((h) => h.documents.filter((d) => d.spooled).map(idOf));
			if (copies.length > 0) handlers.revoke(copies);
			for (const batch of narrative.checkBatches()) await handlers.rows(corpusChecks(batch, result));
		} finally {
			spill.close();
		}
	});
}

/** Leaves in `map` only the entries whose key is in `keys`. */
function keepOnly<V>(map: Map<string, V>, keys: ReadonlySet<string>): void {
	for (const key of [...map.keys()]) if (!keys.has(key)) map.delete(key);
}

/** Where the passes' tasks run: in this thread, or in worker threads. */
interface Runner {
	/** Each file read and profiled, in the order given. */
	profile(dir: string, files: FileTask[]): Promise<FileRead[]>;
	/** Each file read, profiled and extracted alone, its document packed (folder-corpus.ts, readAndExtract), in the order given. */
	first(dir: string, files: FileTask[]): Promise<PackedFirstRead[]>;
	/** With `pack`, the documents come packed (packed-document.ts), else whole. */
	extract(dir: string, task: StepTask, pack: boolean): Promise<ItemOutcome | PackedOutcome>;
	/** Gives back the buffer of rows it encoded, once they are written (spool-lines.ts, recycleRows). */
	recycle(rows: EncodedRows): void;
	close(): Promise<void>;
}

function localRunner(options: FileOptions): Runner {
	return {
		// A worker's task, run here.
		profile: (dir, files) => runTask({ kind: 'profile', dir, files }, options) as Promise<FileRead[]>,
		first: (dir, files) => runTask({ kind: 'first', dir, files }, options) as Promise<PackedFirstRead[]>,
		extract: async (dir, task, pack) => {
			const outcome = await extractItem(dir, task, options);
			return pack ? packOutcome(outcome) : outcome;
		},
		recycle: recycleRows,
		close: async () => {}
	};
}

/**
 * Tasks sent to worker threads. A worker that dies on a task fails that task's files only (a
 * first-pass task of several files is run again a file a task, so that only the file it dies on
 * fails); an error a worker reports (one that would have stopped the run in this thread) stops it
 * here too.
 */
function poolRunner(pool: WorkerPool): Runner {
	const settled = <R>(s: Settled<R>, crashed: (reason: string) => R): R => {
		if (s.ok) return s.result;
		if ('fatal' in s) throw new Error(`extract worker: ${s.fatal}`);
		return crashed(s.crash);
	};
	const crashedRead = (dir: string, file: string, reason: string): FileRead => ({ file, bytes: sizeOf(join(dir, file)), ok: false, failure: crashFailure(file, reason) });
	/** A first-pass task; when its worker dies, each of its files in a task of its own, the one it died on failing. */
	const firstPass = async <R>(task: WorkerTask & { kind: 'profile' | 'first' }, crashed: (file: string, reason: string) => R): Promise<R[]> => {
		const s = await pool.run<R[]>(task);
		if (s.ok || 'fatal' in s || task.files.length === 1) return settled(s, (reason) => task.files.map(({ file }) => crashed(file, reason)));
		const alone = await Promise.all(task.files.map((file) => firstPass({ ...task, files: [file] }, crashed)));
		return alone.flat();
	};
	return {
		profile: (dir, files) => firstPass({ kind: 'profile', dir, files }, (file, reason) => crashedRead(dir, file, reason)),
		first: (dir, files) => firstPass({ kind: 'first', dir, files }, (file, reason): PackedFirstRead => ({ read: crashedRead(dir, file, reason), outcome: null })),
		async extract(dir, task, pack) {
			const s = await pool.run<ItemOutcome | PackedOutcome>({ kind: 'extract', dir, task, pack });
			const names = task.step.kind === 'choose' ? task.step.files : [task.step.files.join(' + ')];
			return settled(s, (reason) => ({ ...(pack ? { packed: true as const } : {}), documents: [], failures: names.map((n) => crashFailure(n, reason)), notices: [] }));
		},
		recycle: (rows) => pool.recycle(transferables(rows)),
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

/**
 * The folder's manifest.csv, if any (parseManifestBytes: any encoding). What cannot be used is a
 * warning, by line — with `files` (the whole folder), a row for a file that is not there too.
 */
async function readManifest(dir: string, result: FolderResult, files: readonly string[] | null) {
	const bytes = await readFile(join(dir, MANIFEST)).catch(() => null);
	if (bytes === null) return new Map<string, Partial<DocumentMetadata>>();
	let manifest: ReturnType<typeof parseManifestBytes>;
	try {
		manifest = parseManifestBytes(new Uint8Array(bytes));
	} catch (error) {
		// An ExtractError names the file already (`extract: manifest.csv: …`).
		const why = error instanceof ExtractError ? error.message : `extract: ${MANIFEST}: ${String(error)}`;
		result.warnings.push(`${why}；${MANIFEST} 未用 (manifest not used)`);
		return new Map<string, Partial<DocumentMetadata>>();
	}
	const { entries, lines, problems } = manifest;
	if (files) {
		const present = new Set(files);
		for (const [file, line] of lines) {
			if (present.has(file)) continue;
			entries.delete(file);
			problems.push({ line, message: `manifest.csv 第 ${line} 行：目录中没有文件 ${file}，此行未用 (no such file)` });
		}
	}
	problems.sort((a, b) => a.line - b.line);
	for (const p of problems) result.warnings.push(`extract: ${MANIFEST}:${p.line}: ${p.message}`);
	return entries;
}
