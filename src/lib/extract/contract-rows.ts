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

/**
 * Appends one document's rows to `into` (a fresh set by default) and returns it. A table's rows are
 * made by a function of their own: V8 re-optimises a function when a row or an array of a shape it
 * has not met arrives (a document without a table, rows from another reader), and recompiling this
 * one loop is a fraction of recompiling all nine (BENCHMARKS.md, notes of 2026-12-05, seventeenth session).
 */
export function toContractRows(doc: ExtractedDocument, into: ContractRows = emptyContractRows()): ContractRows {
	const id = doc.document.doc_id;
	const at = tracer(doc);
	into.documents.push(documentRow(doc));
	functionRows(into.function_expenditure, id, at, doc.functionRows);
	economicRows(into.economic_expenditure, id, at, doc.economicRows);
	threePublicRows(into.three_public, id, at, doc.threePublic);
	summaryRows(into.summary, id, at, doc.summary);
	breakdownRows(into.economic_breakdown, id, at, doc.breakdownRows);
	sourceTableRows(into.source_tables, id, at, doc.sourceTables);
	checkRows(into.checks, id, at, doc.checks);
	narrativeFigureRows(into.narrative_figures, id, at, doc.narrativeFigures ?? []);
	diagnosticRows(into.diagnostics, id, doc.document.source_file, at, doc.diagnostics);
	return into;
}

type Tracer = ReturnType<typeof tracer>;

// Each row's place is written out field by field: spreading the place object took 70–120 ns a row
// against 10–20 (Node 20), for about 200 rows a document.
function functionRows(out: RowOf<'function_expenditure'>[], id: string, at: Tracer, rows: ExtractedDocument['functionRows']): void {
	for (const r of rows) {
		const w = at(r.source_line);
		out.push({
			doc_id: id, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total, basic: r.basic, project: r.project,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
}

function economicRows(out: RowOf<'economic_expenditure'>[], id: string, at: Tracer, rows: ExtractedDocument['economicRows']): void {
	for (const r of rows) {
		const w = at(r.source_line);
		out.push({
			doc_id: id, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total, personnel: r.personnel, public: r.public,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
}

function threePublicRows(out: RowOf<'three_public'>[], id: string, at: Tracer, rows: ExtractedDocument['threePublic']): void {
	for (const r of rows) {
		const w = at(r.source_line);
		out.push({ doc_id: id, item: r.item, budget: r.budget, actual: r.actual, source_line: w.source_line, source_page: w.source_page, source_file: w.source_file });
	}
}

function summaryRows(out: RowOf<'summary'>[], id: string, at: Tracer, rows: ExtractedDocument['summary']): void {
	for (const r of rows) {
		const w = at(r.source_line);
		out.push({ doc_id: id, measure: r.measure, value: r.value, source: r.source, source_line: w.source_line, source_page: w.source_page, source_file: w.source_file });
	}
}

function breakdownRows(out: RowOf<'economic_breakdown'>[], id: string, at: Tracer, rows: ExtractedDocument['breakdownRows']): void {
	for (const r of rows) {
		const w = at(r.source_line);
		out.push({
			doc_id: id, scheme: r.scheme, scope: r.scope, code: r.code, name: r.name, level: r.level, parent_code: r.parent_code, total: r.total,
			source_line: w.source_line, source_page: w.source_page, source_file: w.source_file
		});
	}
}

function sourceTableRows(out: RowOf<'source_tables'>[], id: string, at: Tracer, rows: readonly SourceTableRow[]): void {
	for (const r of rows) out.push(sourceTableRow(id, r, at(r.source_line)));
}

function checkRows(out: RowOf<'checks'>[], id: string, at: Tracer, checks: readonly CheckRecord[]): void {
	for (const c of checks) out.push(checkRow(id, c, at(c.line)));
}

function narrativeFigureRows(out: RowOf<'narrative_figures'>[], id: string, at: Tracer, figures: readonly DerivedFigure[]): void {
	for (const f of figures) out.push(narrativeFigureRow(id, f, at(f.line), at(f.reason_line)));
}

function diagnosticRows(out: RowOf<'diagnostics'>[], id: string, file: string, at: Tracer, diagnostics: readonly Diagnostic[]): void {
	for (const d of diagnostics) out.push(diagnosticRow(id, file, d, at(d.line)));
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
