/**
 * An extracted document as the writer and the report need it, made where it was extracted: its
 * report, its rows checked and encoded for the spool, and the few rows the corpus checks read. A
 * worker thread sends this instead of the document — a few strings and one buffer
 * (transferred, not copied) instead of thousands of objects to clone and rebuild.
 */
import { meritOf, type Merit } from '../../src/lib/extract/corpus';
import { toContractRows, type ExtractedDocument } from '../../src/lib/extract/index';
import { documentFacts } from '../../src/lib/extract/narrative-corpus';
import { reportOf, type DocumentReport } from './document-report';
import { factsLine, type FactsLine } from './folder-spill';
import type { FileFailure, FileRead, FirstRead, ItemOutcome } from './folder-corpus';
import { encodeRows, transferables, type EncodedRows } from './spool-lines';

export interface PackedDocument {
	report: DocumentReport;
	rows: EncodedRows;
	/** What the corpus check keeps of the document (narrative-corpus.ts), as JSON (folder-spill.ts). */
	facts: FactsLine;
	/** What choosing between rivals reads of it (corpus.ts). */
	merit: Merit;
}

/** {@link ItemOutcome} with packed documents. */
export interface PackedOutcome {
	packed: true;
	documents: PackedDocument[];
	failures: FileFailure[];
	notices: string[];
}

export function packDocument(doc: ExtractedDocument): PackedDocument {
	const rows = toContractRows(doc);
	return { report: reportOf(doc), rows: encodeRows(rows), facts: factsLine(documentFacts(rows)), merit: meritOf(doc) };
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
