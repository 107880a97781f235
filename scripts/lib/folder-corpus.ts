/**
 * A folder's documents, decided so that none is counted twice (see src/lib/extract/corpus.ts):
 * every file is read and profiled; copies are dropped, the narrative and tables halves of one
 * disclosure become one step, rivals another. Each step is then extracted — or, in a folder read in
 * one pass (`readAndExtract`, what the CLI runs: extract-folder.ts), each file was extracted alone as
 * it was read and only the merged halves are read again. PDF sources read in the pass are kept up to
 * a budget, so a PDF is not parsed twice unless the folder is very large; text and web pages are
 * cheap to decode again, and keeping them would make memory grow with the corpus.
 *
 * The passes are split into self-contained tasks (`readAndProfile` or `readAndExtract` for one file,
 * `extractItem` for one step) whose inputs and results are plain data, so that the same functions
 * run in the main thread or in a worker thread (extract-worker.ts) and give the same results. The
 * decisions over the whole folder (`PlanBuilder`) stay with whoever sees every file.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDocument, mergeSources, planCorpus, profileSource, type CorpusStep, type FileProfile } from '../../src/lib/extract/corpus';
import { ExtractError, extractSource, MAX_BYTES, readSourceParts, sizeProblem, type ExtractedDocument, type FileOptions } from '../../src/lib/extract/index';
import type { DocumentMetadata } from '../../src/lib/extract/metadata';
import type { SourceText } from '../../src/lib/extract/source';
import { documentIdSync } from './document-id-node';

export interface FileFailure {
	file: string;
	message: string;
	/** True when the bytes could not be read as text at all (the CLI then exits non-zero). */
	unreadable: boolean;
}

/** A file that could not be read, or a document step of the corpus plan. */
export type PlanItem = { kind: 'failed'; failure: FileFailure } | { kind: 'step'; step: CorpusStep };

/** What extracting one item gave: documents, files that failed, and what the report must say. */
export interface ItemOutcome {
	documents: ExtractedDocument[];
	failures: FileFailure[];
	notices: string[];
}

/** One file of the first pass: its size, and its doc_id and profile — or why it could not be read. */
export type FileRead =
	| { file: string; bytes: number; ok: true; id: string; profile: FileProfile; source: SourceText | null }
	| { file: string; bytes: number; ok: false; failure: FileFailure };

/** One step of the plan with everything needed to extract it away from the plan (plain data). */
export interface StepTask {
	step: CorpusStep;
	/** doc_id of each file of the step (the hash of its bytes). */
	ids: Record<string, string>;
	/** manifest.csv's rows for the step's files. */
	overrides: Record<string, Partial<DocumentMetadata>>;
	/** Sources kept from the first pass (PDFs within the budget); others are read again. */
	sources: Record<string, SourceText>;
}

/** The plan of a folder and what its first pass read: sizes, doc_ids and (within a budget) the sources. */
export interface FolderPlan {
	items: PlanItem[];
	notices: string[];
	bytes: number;
	/** doc_id of each readable file (the hash of its bytes). */
	ids: Map<string, string>;
	cache: Map<string, SourceText>;
}

type Manifest = Map<string, Partial<DocumentMetadata>>;

/** Characters of PDF source text kept between the passes; beyond it, files are read again. */
const CACHE_CHARS = 32 * 1024 * 1024;

/**
 * Reads and profiles one file: one read per disclosure it holds (a 汇编 holds several: each is a
 * file of the plan's, by its part name). The source is handed back only for a PDF (the one format
 * worth keeping between the passes); the plan decides whether to keep it.
 */
export async function readAndProfile(dir: string, file: string, override: Partial<DocumentMetadata> | undefined, options: FileOptions): Promise<FileRead[]> {
	return (await readFile(dir, file, override, options)).map((part) => part.read);
}

/**
 * The name of a file's disclosure `part` (1-based) where the file holds several: the first keeps
 * the file's name, each next one is named after it (`汇编.pdf〔第2份〕`), as its document's source.
 */
export function partName(file: string, part: number): string {
	return part === 1 ? file : `${file}〔第${part}份〕`;
}

const PART_NAME = /^(.*)〔第(\d+)份〕$/;

/** The file and the part a plan's name stands for. */
function partOf(name: string): { file: string; part: number } {
	const m = PART_NAME.exec(name);
	return m ? { file: m[1], part: Number(m[2]) } : { file: name, part: 1 };
}

/** What a part's doc_id hashes besides the file's bytes: the first part's is the file's own. */
const partSalt = (part: number): Uint8Array[] => (part === 1 ? [] : [new TextEncoder().encode(`〔第${part}份〕`)]);

/**
 * The first pass of a folder whose documents are extracted as it is read: a file read, profiled
 * and — when readable — extracted as a document by itself, from the one read. That document stands
 * unless the plan makes the file half of a disclosure, a rival or a copy (extract-folder.ts).
 */
export interface FirstRead {
	read: FileRead;
	/** The file extracted alone; null when it could not be read. */
	outcome: ItemOutcome | null;
}

/** {@link readAndProfile}, and each part extracted alone from the same read ({@link FirstRead}). */
export async function readAndExtract(dir: string, file: string, override: Partial<DocumentMetadata> | undefined, options: FileOptions): Promise<FirstRead[]> {
	return (await readFile(dir, file, override, options)).map(({ read, source, override: own }) => {
		if (!read.ok || source === null) return { read, outcome: null };
		const outcome: ItemOutcome = { documents: [], failures: [], notices: [] };
		try {
			outcome.documents.push(extractSource(read.file, source, read.id, { ...options, override: own }));
		} catch (error) {
			outcome.failures.push(toFailure(read.file, error));
		}
		return { read, outcome };
	});
}

/** Bytes read at the start of a large file to tell its format (a PDF may be larger than a text). */
const HEAD_BYTES = 1024;

/**
 * A file's bytes, or an ExtractError (stage decode) naming it: too large to be a disclosure (not
 * read: sizeProblem), or not readable at all (gone since the listing, a link to nothing, no
 * permission). Sync: an async read costs a thread-pool round trip per file, idle time here.
 */
function readBytes(dir: string, file: string): Uint8Array {
	let fd: number;
	try {
		fd = openSync(join(dir, file), 'r');
	} catch (error) {
		throw new ExtractError(file, 'decode', null, `无法读取文件：${(error as Error).message} (cannot read file)`);
	}
	try {
		const { size } = fstatSync(fd);
		if (size > MAX_BYTES.text) {
			const head = new Uint8Array(HEAD_BYTES);
			readSync(fd, head, 0, HEAD_BYTES, 0); // positioned: the whole read below still starts at 0
			const problem = sizeProblem(file, size, head);
			if (problem) throw problem;
		}
		return new Uint8Array(readFileSync(fd));
	} catch (error) {
		if (error instanceof ExtractError) throw error;
		throw new ExtractError(file, 'decode', null, `无法读取文件：${(error as Error).message} (cannot read file)`);
	} finally {
		closeSync(fd);
	}
}

interface PartRead {
	read: FileRead;
	source: SourceText | null;
	/** manifest.csv's row, which names the file: it is the first part's. */
	override: Partial<DocumentMetadata> | undefined;
}

async function readFile(dir: string, file: string, override: Partial<DocumentMetadata> | undefined, options: FileOptions): Promise<PartRead[]> {
	let bytes: Uint8Array;
	try {
		bytes = readBytes(dir, file);
	} catch (error) {
		return [{ read: { file, bytes: 0, ok: false, failure: toFailure(file, error) }, source: null, override }];
	}
	try {
		const parts = await readSourceParts(file, bytes, options);
		return parts.map((source, k) => {
			const name = partName(file, k + 1);
			const own = k === 0 ? override : undefined;
			const profile = profileSource(name, source, own);
			// The file's bytes are counted once, with its first part.
			const read: FileRead = { file: name, bytes: k === 0 ? bytes.length : 0, ok: true, id: documentIdSync(bytes, ...partSalt(k + 1)), profile, source: source.format === 'pdf' ? source : null };
			return { read, source, override: own };
		});
	} catch (error) {
		return [{ read: { file, bytes: bytes.length, ok: false, failure: toFailure(file, error) }, source: null, override }];
	}
}

/** Collects the first pass's reads in file-name order, then plans the documents. */
export class PlanBuilder {
	private readonly plan: FolderPlan = { items: [], notices: [], bytes: 0, ids: new Map(), cache: new Map() };
	private readonly profiles: FileProfile[] = [];
	private cached = 0;

	add(read: FileRead): void {
		const plan = this.plan;
		plan.bytes += read.bytes;
		if (!read.ok) {
			plan.items.push({ kind: 'failed', failure: read.failure });
			return;
		}
		plan.ids.set(read.file, read.id);
		this.profiles.push(read.profile);
		const source = read.source;
		const size = source ? source.lines.reduce((n, l) => n + l.text.length, 0) : 0;
		if (source && this.cached + size <= CACHE_CHARS) (this.cached += size), plan.cache.set(read.file, source);
	}

	/** The plan; items come in file-name order (a step at its first file). */
	finish(): FolderPlan {
		const plan = this.plan;
		const corpus = planCorpus(this.profiles);
		plan.notices.push(...corpus.notices);
		plan.items.push(...corpus.steps.map((step): PlanItem => ({ kind: 'step', step })));
		const first = (item: PlanItem) => (item.kind === 'failed' ? item.failure.file : [...item.step.files].sort()[0]);
		plan.items.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
		return plan;
	}
}

/** Reads and profiles every file in this thread, then plans the documents; items come in file-name order. */
export async function planFolder(dir: string, files: readonly string[], manifest: Manifest, options: FileOptions): Promise<FolderPlan> {
	const builder = new PlanBuilder();
	for (const file of files) for (const read of await readAndProfile(dir, file, manifest.get(file), options)) builder.add(read);
	return builder.finish();
}

/** A step as a self-contained task; the cached sources it takes are freed from the plan. */
export function stepTask(step: CorpusStep, plan: FolderPlan, manifest: Manifest): StepTask {
	const task: StepTask = { step, ids: {}, overrides: {}, sources: {} };
	for (const file of step.files) {
		const id = plan.ids.get(file);
		const override = manifest.get(file);
		const source = plan.cache.get(file);
		if (id !== undefined) task.ids[file] = id;
		if (override) task.overrides[file] = override;
		if (source) {
			task.sources[file] = source;
			plan.cache.delete(file); // each file is extracted once; free it as it goes
		}
	}
	return task;
}

/** Extracts one step of the plan. */
export async function extractItem(dir: string, task: StepTask, options: FileOptions): Promise<ItemOutcome> {
	const outcome: ItemOutcome = { documents: [], failures: [], notices: [] };
	if (task.step.kind === 'merge') await extractMerged(dir, task, options, outcome);
	else {
		for (const file of task.step.files) await extractSingle(dir, file, task, options, outcome);
		if (outcome.documents.length > 1) {
			const { kept, notices } = chooseDocument(outcome.documents);
			outcome.documents = [kept];
			outcome.notices.push(...notices);
		}
	}
	return outcome;
}

async function extractSingle(dir: string, file: string, task: StepTask, options: FileOptions, outcome: ItemOutcome): Promise<void> {
	try {
		const source = await sourceOf(dir, file, task, options);
		outcome.documents.push(extractSource(file, source, task.ids[file] ?? '', { ...options, override: task.overrides[file] }));
	} catch (error) {
		outcome.failures.push(toFailure(file, error));
	}
}

/** Narrative first, then tables; the doc_id hashes both files' bytes in that order. */
async function extractMerged(dir: string, task: StepTask, options: FileOptions, outcome: ItemOutcome): Promise<void> {
	const files = task.step.files;
	const name = files.join(' + ');
	try {
		const parts = await Promise.all(files.map(async (file) => ({ file, source: await sourceOf(dir, file, task, options) })));
		const id = documentIdSync(...files.flatMap((f) => [new Uint8Array(readFileSync(join(dir, partOf(f).file))), ...partSalt(partOf(f).part)]));
		outcome.documents.push(extractSource(name, mergeSources(parts), id, { ...options, override: mergedOverride(files, task.overrides) }));
	} catch (error) {
		outcome.failures.push(toFailure(name, error));
	}
}

/** The manifest may name either half; where both give a value, the narrative's (first) wins. */
function mergedOverride(files: readonly string[], overrides: StepTask['overrides']): Partial<DocumentMetadata> {
	const override: Record<string, unknown> = {};
	for (const f of files) {
		for (const [k, v] of Object.entries(overrides[f] ?? {})) if (v !== undefined && !(k in override)) override[k] = v;
	}
	return override as Partial<DocumentMetadata>;
}

/** A plan's file read again (unless kept from the first pass): a file, or one disclosure of a file holding several. */
async function sourceOf(dir: string, name: string, task: StepTask, options: FileOptions): Promise<SourceText> {
	const kept = task.sources[name];
	if (kept) return kept;
	const { file, part } = partOf(name);
	const parts = await readSourceParts(file, new Uint8Array(readFileSync(join(dir, file))), options);
	const source = parts[part - 1];
	if (!source) throw new ExtractError(name, 'metadata', null, `再次读取时文件只含 ${parts.length} 份公开文件 (the file changed during the run)`);
	return source;
}

/** Why a file gave no document, as the report says it. */
export function toFailure(file: string, error: unknown): FileFailure {
	if (error instanceof ExtractError) return { file, message: error.message, unreadable: error.stage === 'decode' };
	const detail = error instanceof Error ? error.message : String(error);
	return { file, message: `extract: ${file}: 内部错误 (internal error): ${detail}`, unreadable: false };
}
