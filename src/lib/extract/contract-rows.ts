/**
 * Extracted documents → rows of each contract table. Every row is spelled out field by field as a
 * `RowOf<'table'>` (storage/rows.ts), so a column renamed in the schema or misnamed here is a
 * compile error rather than a silent NULL in the Parquet file.
 */
import { emptyTableRows, type RowOf, type TableRows } from '../storage/rows';
import type { ExtractedDocument, SourceTableRow } from './types';
import type { CheckRecord } from './checks';
import type { DerivedFigure } from './narrative-derived';
import type { Diagnostic } from './errors';
import { sourceRef } from './source';

/** Rows for every contract table. */
export type ContractRows = TableRows;

/** Where a row's figure stands in the original file: line, PDF page and file. */
export type Trace = Pick<RowOf<'function_expenditure'>, 'source_line' | 'source_page' | 'source_file'>;

/** Empty rows for every contract table. */
export function emptyContractRows(): ContractRows {
	return emptyTableRows();
}

/** Maps a line of the text read (from all PDF pages, from HTML, from two files) to its place in the file. */
function tracer(doc: ExtractedDocument): (line: number | null) => Trace {
	const file = doc.document.source_file;
	const lines = doc.pagedLines;
	return (line) => {
		if (line === null || !lines) return { source_line: line, source_page: null, source_file: file };
		const ref = sourceRef(lines, line);
		return { source_line: ref.line, source_page: ref.page, source_file: ref.file ?? file };
	};
}

/** Appends one document's rows to `into` (a fresh set by default) and returns it. */
export function toContractRows(doc: ExtractedDocument, into: ContractRows = emptyContractRows()): ContractRows {
	const id = doc.document.doc_id;
	const at = tracer(doc);
	into.documents.push(documentRow(doc));
	// Each row's place is written out field by field: spreading the place object took 70–120 ns a row
	// against 10–20 (Node 20), for about 200 rows a document.
	for (const r of doc.functionRows) {
		const w = at(r.source_line);
		into.function_expenditure.push({
			doc_id: id, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total, basic: r.basic, project: r.project,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
	for (const r of doc.economicRows) {
		const w = at(r.source_line);
		into.economic_expenditure.push({
			doc_id: id, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total, personnel: r.personnel, public: r.public,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
	for (const r of doc.threePublic) {
		const w = at(r.source_line);
		into.three_public.push({ doc_id: id, item: r.item, budget: r.budget, actual: r.actual, source_line: w.source_line, source_page: w.source_page, source_file: w.source_file });
	}
	for (const r of doc.summary) {
		const w = at(r.source_line);
		into.summary.push({ doc_id: id, measure: r.measure, value: r.value, source: r.source, source_line: w.source_line, source_page: w.source_page, source_file: w.source_file });
	}
	for (const r of doc.breakdownRows) {
		const w = at(r.source_line);
		into.economic_breakdown.push({
			doc_id: id, scheme: r.scheme, scope: r.scope, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
	for (const r of doc.sourceTables) into.source_tables.push(sourceTableRow(id, r, at(r.source_line)));
	for (const c of doc.checks) into.checks.push(checkRow(id, c, at(c.line)));
	for (const f of doc.narrativeFigures ?? []) into.narrative_figures.push(narrativeFigureRow(id, f, at(f.line), at(f.reason_line)));
	for (const d of doc.diagnostics) into.diagnostics.push(diagnosticRow(id, doc.document.source_file, d, at(d.line)));
	return into;
}

function documentRow({ document: d }: ExtractedDocument): RowOf<'documents'> {
	return {
		doc_id: d.doc_id, source_file: d.source_file, district: d.district, department: d.department, year: d.year, kind: d.kind,
		title: d.title, department_kind: d.department_kind, layout: d.layout, level: d.level, source_format: d.source_format, pages: d.pages
	};
}

function sourceTableRow(id: string, r: SourceTableRow, where: Trace): RowOf<'source_tables'> {
	return { doc_id: id, table_kind: r.table_kind, title: r.title, unit: r.unit, scale: r.scale, unit_note: r.unit_note, source_line: where.source_line, source_page: where.source_page, source_file: where.source_file };
}

function narrativeFigureRow(id: string, f: DerivedFigure, where: Trace, reason: Trace): RowOf<'narrative_figures'> {
	return {
		doc_id: id, measure: f.measure, figure_year: f.year, figure_kind: f.kind, relation: f.relation, value: f.value, current_value: f.current_value,
		stated_change: f.stated_change, stated_percent: f.stated_percent, stated_points: f.stated_points,
		reason: f.reason, reason_line: reason.source_line, reason_page: reason.source_page,
		source_line: where.source_line, source_page: where.source_page, source_file: where.source_file
	};
}

function checkRow(id: string, c: CheckRecord, where: Trace): RowOf<'checks'> {
	return { doc_id: id, rule: c.rule, expected: c.expected, actual: c.actual, ok: c.ok, detail: c.detail, source_line: where.source_line, source_page: where.source_page, source_file: where.source_file };
}

/** The diagnostics row of `d`; `where` defaults to the line of `d` in `file` itself. */
export function diagnosticRow(
	docId: string | null,
	file: string,
	d: Diagnostic,
	where: Pick<Trace, 'source_line' | 'source_page'> & { source_file?: string | null } = { source_line: d.line, source_page: null }
): RowOf<'diagnostics'> {
	return { doc_id: docId, source_file: where.source_file ?? file, severity: d.severity, stage: d.stage, source_line: where.source_line, source_page: where.source_page, message: d.message };
}
