/**
 * An extracted document as the writer and the report need it, made where it was extracted: its rows
 * checked and encoded for the spool, and what waits for the folder's plan — its report, its merit
 * and the few figures the corpus checks read — serialized. A worker thread sends this instead of the
 * document: a few strings and byte arrays instead of thousands of objects to clone and rebuild.
 *
 * What waits for the plan is serialized here (node:v8, structured-clone bytes) rather than sent as
 * objects: the main thread holds it on disk until the plan is known (folder-spill.ts) and reads it
 * back once, where as objects it was cloned into the main thread, written out as JSON and parsed
 * again — about 50 µs a document more, ≈ 2 % of a 30,400-document run's CPU.
 */
import { deserialize, serialize } from 'node:v8';
import { meritOf, type Merit } from '../../src/lib/extract/corpus';
import { toContractRows, type ExtractedDocument } from '../../src/lib/extract/index';
import { documentFacts, unitOfFacts, type DocumentFacts } from '../../src/lib/extract/narrative-corpus';
import { reportOf, type DocumentReport } from './document-report';
import type { FileFailure, FileRead, FirstRead, ItemOutcome } from './folder-corpus';
import { encodeRows, transferables, type EncodedRows } from './spool-lines';

export interface PackedDocument {
	docId: string;
	rows: EncodedRows;
	/** Its {@link HeldReport}, serialized: read once the folder's plan is known ({@link unpackReport}). */
	report: Uint8Array;
	/** What the corpus check keeps of it (narrative-corpus.ts), serialized. */
	facts: PackedFacts;
}

/** What the report and the choice between rivals (corpus.ts) read of a document. */
export interface HeldReport {
	report: DocumentReport;
	merit: Merit;
}

/** A document's facts for the corpus check, serialized, and the unit they are checked within. */
export interface PackedFacts {
	unit: string;
	bytes: Uint8Array;
}

export function packDocument(doc: ExtractedDocument): PackedDocument {
	const rows = toContractRows(doc);
	const held: HeldReport = { report: reportOf(doc), merit: meritOf(doc) };
	return { docId: doc.document.doc_id as string, rows: encodeRows(rows), report: serialize(held), facts: packFacts(documentFacts(rows)) };
}

export function unpackReport(bytes: Uint8Array): HeldReport {
	return deserialize(bytes) as HeldReport;
}

export function packFacts(facts: DocumentFacts): PackedFacts {
	return { unit: unitOfFacts(facts), bytes: serialize(facts) };
}

export function unpackFacts(bytes: Uint8Array): DocumentFacts {
	return deserialize(bytes) as DocumentFacts;
}

/** {@link ItemOutcome} with packed documents. */
export interface PackedOutcome {
	packed: true;
	documents: PackedDocument[];
	failures: FileFailure[];
	notices: string[];
}

export function packOutcome(outcome: ItemOutcome): PackedOutcome {
	return { packed: true, documents: outcome.documents.map(packDocument), failures: outcome.failures, notices: outcome.notices };
}

/** {@link FirstRead} with the file's document packed. */
export interface PackedFirstRead {
	read: FileRead;
	outcome: PackedOutcome | null;
}

export function packFirstRead(first: FirstRead): PackedFirstRead {
	return { read: first.read, outcome: first.outcome && packOutcome(first.outcome) };
}

/** The buffers of an outcome, for postMessage's transfer list. */
export function outcomeTransferables(outcome: PackedOutcome): ArrayBuffer[] {
	return outcome.documents.flatMap((d) => transferables(d.rows));
}
