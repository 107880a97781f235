/**
 * What a folder's extraction must keep of every document until the end, kept on disk instead of in
 * memory, so that the memory of `npm run extract` does not grow with the folder:
 *  - {@link HeldSpill}: each file's outcome of the first pass (its documents' reports and merits),
 *    held until the folder's plan says which documents stand (extract-folder.ts) — every file is
 *    read before the plan is known; {@link HeldFacts}: their facts meanwhile. About 3 KB a document,
 *    93 MB at 30,400 documents, when it was held in memory.
 *  - {@link SpilledNarrativeCorpus}: the facts of the documents kept, for the corpus check of derived
 *    figures (narrative-corpus.ts). A check compares documents of one disclosing unit only, so the
 *    facts are written to bucket files by unit, and checked one bucket at a time: in memory, a
 *    bucket's facts (a few hundred documents') rather than the folder's.
 * Both write into a temporary folder ({@link openFolderSpill}; its `close` removes it).
 * What stays in memory is an offset and a length per held file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContractRows } from '../../src/lib/extract/index';
import { NarrativeCorpus, unitOfFacts, type DocumentFacts } from '../../src/lib/extract/narrative-corpus';
import { AppendFile } from './append-file';
import { GARBAGE_LIMIT_BYTES, GarbageLimit } from './collect-garbage';
import { removeOnInterrupt } from './interrupt-cleanup';

/** A folder run's spills: what waits for the plan (documents and their facts), the corpus check's facts, and `close` for all. */
export interface FolderSpill<T> {
	held: HeldSpill<T>;
	facts: HeldFacts;
	corpus: SpilledNarrativeCorpus;
	/** Closes them all and removes their folder. */
	close(): void;
}

/**
 * Opens a folder run's spills in a temporary folder made in `parent` (the system's temporary folder
 * unless told: the CLI gives its output folder, since /tmp may be memory) for up to `documents`.
 */
export function openFolderSpill<T>(documents: number, parent: string = tmpdir()): FolderSpill<T> {
	// The pid in the name: a later run tells a dead run's spill from a live one's (interrupt-cleanup.ts).
	const dir = mkdtempSync(join(parent, `.budget-lens-spill-${process.pid}-`));
	const forget = removeOnInterrupt(dir);
	const opened: { close(): void }[] = [];
	const close = () => {
		for (const spill of opened) spill.close();
		rmSync(dir, { recursive: true, force: true });
		forget();
	};
	try {
		const held = new HeldSpill<T>(dir);
		opened.push(held);
		const facts = new HeldFacts(dir);
		opened.push(facts);
		const corpus = new SpilledNarrativeCorpus(dir, documents);
		opened.push(corpus);
		return { held, facts, corpus, close };
	} catch (error) {
		close();
		throw error;
	}
}

/** Bytes a spill file gathers before a write (up to 128 bucket files at once: little memory). */
const FLUSH_BYTES = 64 << 10;

/**
 * Values held by a key (a file name), each written to disk as JSON when put and read back when
 * taken: only where each lies stays in memory.
 */
export class HeldSpill<T> {
	private readonly file: AppendFile;
	private readonly at = new Map<string, { offset: number; length: number }>();

	constructor(dir: string) {
		this.file = new AppendFile(join(dir, 'held.jsonl'), FLUSH_BYTES);
	}

	put(key: string, value: T): void {
		const bytes = Buffer.from(JSON.stringify(value), 'utf8');
		this.at.set(key, { offset: this.file.length, length: bytes.length });
		this.file.append(bytes);
	}

	/** The value held for `key`, which is no longer held (undefined if none is). */
	take(key: string): T | undefined {
		const where = this.at.get(key);
		if (where === undefined) return undefined;
		this.at.delete(key);
		this.file.flush();
		return JSON.parse(UTF8.decode(this.file.view(where.offset, where.length))) as T;
	}

	/** Takes every value still held, in the order they were put. */
	*takeAll(): Generator<T> {
		for (const key of [...this.at.keys()]) yield this.take(key) as T;
	}

	close(): void {
		this.file.close();
	}
}

/** Where a held document's facts are ({@link HeldFacts}), and the unit whose bucket they go to. */
export interface HeldFactsRef {
	unit: string;
	offset: number;
	length: number;
}

/**
 * Documents' facts (their JSON line as the worker made it), held until the plan says which documents
 * stand and then copied as bytes to the corpus check's buckets ({@link SpilledNarrativeCorpus.addHeld}).
 * Held inside a document's JSON they took two thirds of its bytes, escaped as a string when spilled
 * and unescaped when read back; here they are written and read as they are.
 */
export class HeldFacts {
	private readonly file: AppendFile;

	constructor(dir: string) {
		this.file = new AppendFile(join(dir, 'held-facts.jsonl'), FLUSH_BYTES);
	}

	put(facts: FactsLine): HeldFactsRef {
		const bytes = factsBytes(facts);
		const ref = { unit: facts.unit, offset: this.file.length, length: bytes.length };
		this.file.append(bytes);
		return ref;
	}

	/** The line of `ref` (its bytes, newline included), valid until the next call. */
	line(ref: HeldFactsRef): Uint8Array {
		this.file.flush();
		return this.file.view(ref.offset, ref.length);
	}

	close(): void {
		this.file.close();
	}
}

const UTF8 = new TextDecoder();

/**
 * Documents' facts per bucket, about: a bucket is checked in memory, and what it leaves behind is
 * garbage the main thread's V8 collects late — with 2,048 a bucket its heap reached 112 MB during
 * the check of 30,400 documents, with 256 44 MB.
 */
const DOCUMENTS_PER_BUCKET = 256;
/** Buckets at most (each an open file and up to 64 KB not yet written): past 32,768 documents, buckets grow instead. */
const MAX_BUCKETS = 128;

/**
 * The corpus check of derived figures (narrative-corpus.ts) over facts kept in bucket files by
 * disclosing unit. Facts are added in the order the folder's plan keeps documents, and each bucket
 * keeps that order, so "of two documents of one unit, year and kind the first counts" holds as in
 * memory; the checks come bucket by bucket, each document's in the order of its facts.
 */
export class SpilledNarrativeCorpus {
	private readonly buckets: AppendFile[];

	/** `documents`: how many the folder may hold (its files), which sets the number of buckets. */
	constructor(dir: string, documents: number) {
		const count = Math.min(MAX_BUCKETS, Math.max(1, Math.ceil(documents / DOCUMENTS_PER_BUCKET)));
		this.buckets = [];
		try {
			for (let i = 0; i < count; i++) this.buckets.push(new AppendFile(join(dir, `facts-${i}.jsonl`), FLUSH_BYTES));
		} catch (error) {
			this.close();
			throw error;
		}
	}

	add(facts: FactsLine): void {
		this.bucket(facts.unit).append(factsBytes(facts));
	}

	/** Adds facts held meanwhile, copied as they were written. */
	addHeld(ref: HeldFactsRef, held: HeldFacts): void {
		this.bucket(ref.unit).append(held.line(ref));
	}

	private bucket(unit: string): AppendFile {
		return this.buckets[bucketOf(unit, this.buckets.length)] as AppendFile;
	}

	/** The checks, in batches (NarrativeCorpus.checkBatches), one bucket in memory at a time. */
	*checkBatches(): Generator<ContractRows> {
		const garbage = new GarbageLimit(GARBAGE_LIMIT_BYTES);
		for (const bucket of this.buckets) {
			garbage.check();
			bucket.flush();
			if (bucket.length === 0) continue;
			const corpus = new NarrativeCorpus();
			for (const line of bucket.read(0, bucket.length).toString('utf8').split('\n')) if (line !== '') corpus.addFacts(JSON.parse(line) as DocumentFacts);
			yield* corpus.checkBatches();
		}
	}

	close(): void {
		for (const bucket of this.buckets) bucket.close();
	}
}

/**
 * A document's facts as JSON, with the unit whose bucket they go to. Made where the document is
 * extracted (packed-document.ts) and written as they are: the main thread, which spills every
 * document's, does not rebuild them as objects to serialise them again (nor, when a worker sends
 * them, take apart a clone of their objects).
 */
export interface FactsLine {
	unit: string;
	json: string;
}

/** A facts line as written to a spill file: its JSON and a line end, in UTF-8. */
function factsBytes(facts: FactsLine): Buffer {
	return Buffer.from(`${facts.json}\n`, 'utf8');
}

export function factsLine(facts: DocumentFacts): FactsLine {
	return { unit: unitOfFacts(facts), json: JSON.stringify(facts) };
}

/** A bucket for `key` (FNV-1a over its UTF-16 units): the same key, the same bucket. */
function bucketOf(key: string, buckets: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % buckets;
}
