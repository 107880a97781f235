/** Extracted documents → rows of each contract table, keyed as in storage/schema.ts. */
import type { Row, TableName } from '../storage/schema';
import type { ExtractedDocument } from './types';
import type { Diagnostic } from './errors';
import { sourceRef } from './source';

export type ContractRows = Record<TableName, Row[]>;

export function emptyContractRows(): ContractRows {
	return {
		documents: [], function_expenditure: [], economic_expenditure: [], three_public: [],
		summary: [], checks: [], economic_breakdown: [], source_tables: [], diagnostics: []
	};
}

/** Appends one document's rows to `into` (returns it for chaining). */
export function toContractRows(doc: ExtractedDocument, into: ContractRows = emptyContractRows()): ContractRows {
	const id = doc.document.doc_id;
	// A line of the text read (from all PDF pages, from HTML, from two files) → its place in the file.
	const file = doc.document.source_file;
	const at = (line: number | null) => {
		if (line === null || !doc.pagedLines) return { source_line: line, source_page: null, source_file: file };
		const ref = sourceRef(doc.pagedLines, line);
		return { source_line: ref.line, source_page: ref.page, source_file: ref.file ?? file };
	};
	into.documents.push({ ...doc.document });
	for (const r of doc.functionRows) into.function_expenditure.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const r of doc.economicRows) into.economic_expenditure.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const r of doc.threePublic) into.three_public.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const r of doc.summary) into.summary.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const r of doc.breakdownRows) into.economic_breakdown.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const r of doc.sourceTables) into.source_tables.push({ doc_id: id, ...r, ...at(r.source_line) });
	for (const c of doc.checks) {
		into.checks.push({ doc_id: id, rule: c.rule, expected: c.expected, actual: c.actual, ok: c.ok, detail: c.detail, ...at(c.line) });
	}
	for (const d of doc.diagnostics) into.diagnostics.push(diagnosticRow(id, doc.document.source_file, d, at(d.line)));
	return into;
}

export function diagnosticRow(
	docId: string | null,
	file: string,
	d: Diagnostic,
	where: { source_line: number | null; source_page: number | null; source_file?: string } = { source_line: d.line, source_page: null }
): Row {
	return { doc_id: docId, source_file: where.source_file ?? file, severity: d.severity, stage: d.stage, source_line: where.source_line, source_page: where.source_page, message: d.message };
}
