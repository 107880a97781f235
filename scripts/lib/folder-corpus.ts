/**
 * A folder's documents, decided before any is extracted, so that none is counted twice (see
 * src/lib/extract/corpus.ts): every file is read once and profiled; copies are dropped, the
 * narrative and tables halves of one disclosure become one step, rivals another. Then each step
 * is extracted. PDF sources read in the first pass are kept for the second up to a budget, so a PDF
 * is not parsed twice unless the folder is very large; text and web pages are cheap to decode
 * again, and keeping them would make memory grow with the corpus.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chooseDocument, mergeSources, planCorpus, profileSource, type CorpusStep, type FileProfile } from '../../src/lib/extract/corpus';
import { documentId, extractSource, readSource, type ExtractedDocument, type FileOptions } from '../../src/lib/extract/index';
import type { DocumentMetadata } from '../../src/lib/extract/metadata';
import type { SourceText } from '../../src/lib/extract/source';

/** A file that could not be read, or a document step of the corpus plan. */
export type PlanItem = { kind: 'failed'; file: string; error: unknown } | { kind: 'step'; step: CorpusStep };

/** What extracting one item gave: documents, files that failed, and what the report must say. */
export interface ItemOutcome {
	documents: ExtractedDocument[];
	failures: { file: string; error: unknown }[];
	notices: string[];
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

/** Reads and profiles every file, then plans the documents; items come in file-name order. */
export async function planFolder(dir: string, files: readonly string[], manifest: Manifest, options: FileOptions): Promise<FolderPlan> {
	const plan: FolderPlan = { items: [], notices: [], bytes: 0, ids: new Map(), cache: new Map() };
	const profiles: FileProfile[] = [];
	let cached = 0;
	for (const file of files) {
		const bytes = new Uint8Array(await readFile(join(dir, file)));
		plan.bytes += bytes.length;
		try {
			const source = await readSource(file, bytes, options);
			plan.ids.set(file, await documentId(bytes));
			profiles.push(profileSource(file, source, manifest.get(file)));
			const size = source.format === 'pdf' ? source.lines.reduce((n, l) => n + l.text.length, 0) : 0;
			if (source.format === 'pdf' && cached + size <= CACHE_CHARS) (cached += size), plan.cache.set(file, source);
		} catch (error) {
			plan.items.push({ kind: 'failed', file, error });
		}
	}
	const corpus = planCorpus(profiles);
	plan.notices.push(...corpus.notices);
	plan.items.push(...corpus.steps.map((step): PlanItem => ({ kind: 'step', step })));
	const first = (item: PlanItem) => (item.kind === 'failed' ? item.file : [...item.step.files].sort()[0]);
	plan.items.sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
	return plan;
}

/** Extracts one item of the plan. */
export async function extractItem(dir: string, item: PlanItem, plan: FolderPlan, manifest: Manifest, options: FileOptions): Promise<ItemOutcome> {
	const outcome: ItemOutcome = { documents: [], failures: [], notices: [] };
	if (item.kind === 'failed') outcome.failures.push({ file: item.file, error: item.error });
	else if (item.step.kind === 'merge') await extractMerged(dir, item.step.files, plan, manifest, options, outcome);
	else {
		for (const file of item.step.files) await extractSingle(dir, file, plan, manifest, options, outcome);
		if (outcome.documents.length > 1) {
			const { kept, notices } = chooseDocument(outcome.documents);
			outcome.documents = [kept];
			outcome.notices.push(...notices);
		}
	}
	return outcome;
}

async function extractSingle(dir: string, file: string, plan: FolderPlan, manifest: Manifest, options: FileOptions, outcome: ItemOutcome): Promise<void> {
	try {
		const source = await sourceOf(dir, file, plan, options);
		outcome.documents.push(extractSource(file, source, plan.ids.get(file) ?? '', { ...options, override: manifest.get(file) }));
	} catch (error) {
		outcome.failures.push({ file, error });
	}
}

/** Narrative first, then tables; the doc_id hashes both files' bytes in that order. */
async function extractMerged(dir: string, files: string[], plan: FolderPlan, manifest: Manifest, options: FileOptions, outcome: ItemOutcome): Promise<void> {
	const name = files.join(' + ');
	try {
		const parts = await Promise.all(files.map(async (file) => ({ file, source: await sourceOf(dir, file, plan, options) })));
		const id = await documentId(...(await Promise.all(files.map(async (f) => new Uint8Array(await readFile(join(dir, f)))))));
		outcome.documents.push(extractSource(name, mergeSources(parts), id, { ...options, override: mergedOverride(files, manifest) }));
	} catch (error) {
		outcome.failures.push({ file: name, error });
	}
}

/** The manifest may name either half; where both give a value, the narrative's (first) wins. */
function mergedOverride(files: readonly string[], manifest: Manifest): Partial<DocumentMetadata> {
	const override: Record<string, unknown> = {};
	for (const f of files) {
		for (const [k, v] of Object.entries(manifest.get(f) ?? {})) if (v !== undefined && !(k in override)) override[k] = v;
	}
	return override as Partial<DocumentMetadata>;
}

async function sourceOf(dir: string, file: string, plan: FolderPlan, options: FileOptions): Promise<SourceText> {
	const cached = plan.cache.get(file);
	if (cached) {
		plan.cache.delete(file); // each file is extracted once; free it as it goes
		return cached;
	}
	return readSource(file, new Uint8Array(await readFile(join(dir, file))), options);
}
