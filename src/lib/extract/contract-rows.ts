/** Extracted documents → rows of each contract table, keyed as in storage/schema.ts. */
import type { Row, TableName } from '../storage/schema';
import type { ExtractedDocument } from './types';
import type { Diagnostic } from './errors';

export type ContractRows = Record<TableName, Row[]>;

export function emptyContractRows(): ContractRows {
	return {
		documents: [], function_expenditure: [], economic_expenditure: [], three_public: [],
		summary: [], checks: [], economic_breakdown: [], diagnostics: []
	};
}

/** Appends one document's rows to `into` (returns it for chaining). */
export function toContractRows(doc: ExtractedDocument, into: ContractRows = emptyContractRows()): ContractRows {
	const id = doc.document.doc_id;
	into.documents.push({ ...doc.document });
	for (const r of doc.functionRows) into.function_expenditure.push({ doc_id: id, ...r });
	for (const r of doc.economicRows) into.economic_expenditure.push({ doc_id: id, ...r });
	for (const r of doc.threePublic) into.three_public.push({ doc_id: id, ...r });
	for (const r of doc.summary) into.summary.push({ doc_id: id, ...r });
	for (const r of doc.breakdownRows) into.economic_breakdown.push({ doc_id: id, ...r });
	for (const c of doc.checks) {
		into.checks.push({ doc_id: id, rule: c.rule, expected: c.expected, actual: c.actual, ok: c.ok, detail: c.detail, source_line: c.line });
	}
	for (const d of doc.diagnostics) into.diagnostics.push(diagnosticRow(id, doc.document.source_file, d));
	return into;
}

export function diagnosticRow(docId: string | null, file: string, d: Diagnostic): Row {
	return { doc_id: docId, source_file: file, severity: d.severity, stage: d.stage, source_line: d.line, message: d.message };
}
