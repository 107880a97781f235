/**
 * The documents list, the coverage matrix and the values that exist in the data (for validating
 * URL filters).
 */
import type { Filters, KnownValues } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { sortByPinyin } from '$lib/filters/order';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { whereDocuments } from './where';

/** One disclosure. */
export interface DocumentRow {
	doc_id: string;
	district: string;
	department: string;
	department_kind: string | null;
	year: number;
	kind: DocumentKind;
	title: string;
	source_file: string;
	layout: string | null;
	/** 'text' | 'pdf' | 'html' and a PDF's page count: only the document page's query selects them. */
	source_format?: string | null;
	pages?: number | null;
}

/** The filtered documents, ordered by district, year, kind, department. */
export function documentsListQuery(filters: Filters): SqlQuery {
	return sql`SELECT d.doc_id, d.district, d.department, d.department_kind, d.year, d.kind, d.title,
	d.source_file, d.layout
FROM ${table('documents')} d
WHERE ${whereDocuments(filters)}
ORDER BY d.district, d.year, d.kind, d.department, d.doc_id`;
}

/** A document as a coverage-matrix entry. */
export interface CoverageRow {
	district: string;
	year: number;
	kind: DocumentKind;
	doc_id: string;
	department_kind: string | null;
	department: string;
	layout: string | null;
}

/**
 * One row per filtered document with the coordinates of its coverage cell (district × year × kind);
 * group them with {@link groupCoverage}. Flat rows keep the result JSON-friendly for the snapshot.
 */
export function coverageQuery(filters: Filters): SqlQuery {
	return sql`SELECT d.district, d.year, d.kind, d.doc_id, d.department_kind, d.department, d.layout
FROM ${table('documents')} d
WHERE ${whereDocuments(filters)}
ORDER BY d.district, d.year, d.kind, d.department_kind, d.doc_id`;
}

/** A cell of the coverage matrix and the documents in it. */
export interface CoverageCell {
	district: string;
	year: number;
	kind: DocumentKind;
	documents: Pick<CoverageRow, 'doc_id' | 'department_kind' | 'department' | 'layout'>[];
}

/** Groups coverage rows into cells, keeping the rows' order. Pure. */
export function groupCoverage(rows: readonly CoverageRow[]): CoverageCell[] {
	const cells = new Map<string, CoverageCell>();
	for (const { district, year, kind, ...doc } of rows) {
		const key = JSON.stringify([district, year, kind]);
		let cell = cells.get(key);
		if (!cell) cells.set(key, (cell = { district, year, kind, documents: [] }));
		cell.documents.push(doc);
	}
	return [...cells.values()];
}

/** A (field, value) pair of {@link knownValuesQuery}. */
export interface KnownValueRow {
	field: 'district' | 'department' | 'year' | 'code';
	value: string;
}

/**
 * Every district, department kind, year and function code present in the data, as (field, value)
 * rows; turn them into {@link KnownValues} with {@link toKnownValues}.
 */
export function knownValuesQuery(): SqlQuery {
	const docs = table('documents');
	return sql`SELECT DISTINCT 'district' AS field, district AS value FROM ${docs} WHERE district IS NOT NULL
UNION ALL SELECT DISTINCT 'department', department_kind FROM ${docs} WHERE department_kind IS NOT NULL
UNION ALL SELECT DISTINCT 'year', CAST(year AS VARCHAR) FROM ${docs} WHERE year IS NOT NULL
UNION ALL SELECT DISTINCT 'code', code FROM ${table('function_expenditure')} WHERE code IS NOT NULL
ORDER BY field, value`;
}

/** Folds {@link knownValuesQuery} rows into sorted lists (names by pinyin). Pure. */
export function toKnownValues(rows: readonly KnownValueRow[]): KnownValues {
	const pick = (field: KnownValueRow['field']) => rows.filter((r) => r.field === field).map((r) => r.value);
	return {
		districts: sortByPinyin(pick('district')),
		departments: sortByPinyin(pick('department')),
		years: pick('year').map(Number).sort((a, b) => a - b),
		codes: pick('code').sort()
	};
}
