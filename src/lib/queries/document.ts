/**
 * Everything about one document: its row, each extracted table's rows (with the source line they
 * were read from), every check the extractor ran (passed and failed) and its diagnostics.
 */
import type { TableName } from '$lib/storage/schema';
import { column, joinSql, sql, type SqlQuery } from './sql';
import { columnsOf, table } from './tables';

/** A function_expenditure row of one document. */
export interface FunctionRow {
	code: string;
	name: string;
	level: number;
	parent_code: string | null;
	total: number | null;
	basic: number | null;
	project: number | null;
	source_line: number | null;
}

/** An economic_expenditure row of one document. */
export interface EconomicRow {
	code: string;
	name: string;
	level: number;
	parent_code: string | null;
	total: number | null;
	personnel: number | null;
	public: number | null;
	source_line: number | null;
}

/** An economic_breakdown row (政府经济分类 / project spending by economic class). */
export interface EconomicBreakdownRow {
	scheme: string;
	scope: string;
	code: string;
	name: string;
	level: number;
	parent_code: string | null;
	total: number | null;
	source_line: number | null;
}

export interface ThreePublicItemRow {
	item: string;
	budget: number | null;
	actual: number | null;
	source_line: number | null;
}

export interface SummaryRow {
	measure: string;
	value: number | null;
	source: string;
	source_line: number | null;
}

export interface CheckRow {
	rule: string;
	expected: number | null;
	actual: number | null;
	ok: boolean;
	detail: string | null;
	source_line: number | null;
}

export interface DiagnosticRow {
	source_file: string | null;
	severity: 'error' | 'warning' | 'info';
	stage: string;
	source_line: number | null;
	message: string;
}

/** The queries for one document, each returning the row type named in its key's comment. */
export interface DocumentQueries {
	/** `DocumentRow` (./documents): zero rows for an unknown doc_id. */
	document: SqlQuery;
	/** {@link FunctionRow}, ordered by code. */
	function: SqlQuery;
	/** {@link EconomicRow}, ordered by code. */
	economic: SqlQuery;
	/** {@link EconomicBreakdownRow}, ordered by scheme, scope, code. */
	economicBreakdown: SqlQuery;
	/** {@link ThreePublicItemRow}, in source order. */
	threePublic: SqlQuery;
	/** {@link SummaryRow}, in source order. */
	summary: SqlQuery;
	/** {@link CheckRow}: failed checks first, then by source line and rule. */
	checks: SqlQuery;
	/** {@link DiagnosticRow}: errors first, then by source line. */
	diagnostics: SqlQuery;
}

/**
 * `SELECT <the table's columns except doc_id>, source_part FROM <table> WHERE doc_id = ? ORDER BY …`.
 * `source_part` is the row's file where the document was read from two files (narrative + tables),
 * so the page can say which file a line is in; NULL otherwise.
 */
function rowsOf(name: TableName, docId: string, order: SqlQuery): SqlQuery {
	const cols = columnsOf(name)
		.filter((c) => c !== 'doc_id')
		.map((c) => column('t', c));
	const part = sql`CASE WHEN t.source_file IS DISTINCT FROM d.source_file THEN t.source_file END AS source_part`;
	return sql`SELECT ${joinSql(cols)}, ${part} FROM ${table(name)} t
	JOIN ${table('documents')} d ON d.doc_id = t.doc_id
	WHERE t.doc_id = ${docId} ORDER BY ${order}`;
}

/** The queries for the document `docId` (bound as a parameter; any string is safe). */
export function documentQueries(docId: string): DocumentQueries {
	return {
		document: sql`SELECT d.doc_id, d.district, d.department, d.department_kind, d.year, d.kind, d.title,
	d.source_file, d.layout, d.source_format, d.pages FROM ${table('documents')} d WHERE d.doc_id = ${docId}`,
		function: rowsOf('function_expenditure', docId, sql`t.code`),
		economic: rowsOf('economic_expenditure', docId, sql`t.code`),
		economicBreakdown: rowsOf('economic_breakdown', docId, sql`t.scheme, t.scope, t.code`),
		threePublic: rowsOf('three_public', docId, sql`t.source_line NULLS LAST, t.item`),
		summary: rowsOf('summary', docId, sql`t.source_line NULLS LAST, t.measure`),
		checks: rowsOf('checks', docId, sql`t.ok, t.source_line NULLS LAST, t.rule`),
		diagnostics: rowsOf(
			'diagnostics',
			docId,
			sql`CASE t.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, t.source_line NULLS LAST, t.message`
		)
	};
}
