/**
 * The data table view: the rows of one extracted table joined with their document's district,
 * year, kind and department; sortable by a whitelisted column, paginated, with a count query and
 * an unpaginated variant for CSV export.
 *
 * Sort columns are looked up in the contract's column list: a name from the URL only selects one
 * of those names and never reaches the SQL itself.
 */
import type { Filters } from '$lib/filters/model';
import type { Row, TableName } from '$lib/storage/schema';
import { and, column, joinSql, sql, type SqlQuery } from './sql';
import { columnsOf, table } from './tables';
import { codeSubtree, whereDocuments } from './where';

/** The tables the data view offers, by their short URL names. */
export const DATA_TABLES = {
	function: 'function_expenditure',
	economic: 'economic_expenditure',
	three_public: 'three_public',
	summary: 'summary',
	// figures implied by the prose (prior year / 年初预算数), with the reason given — never mixed into the others
	narrative: 'narrative_figures'
} as const satisfies Record<string, TableName>;

export type DataTableKey = keyof typeof DATA_TABLES;

/** Columns taken from `documents` and shown first. */
export const DOCUMENT_COLUMNS = ['district', 'year', 'kind', 'department'] as const;

export type SortDirection = 'asc' | 'desc';

export interface DataTableSort {
	column: string;
	direction: SortDirection;
}

/** The default (and tie-breaking) order: district, year, kind, department, then position in the document. */
export const DEFAULT_SORT: DataTableSort = Object.freeze({ column: 'district', direction: 'asc' }) as DataTableSort;

/** Largest page the builder will ask for. */
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** A data-table row: the document columns plus the table's own columns (doc_id last). */
export type DataTableRow = Row;

/** True when `key` names one of {@link DATA_TABLES}. Use it to validate a URL value. */
export function isDataTableKey(key: string): key is DataTableKey {
	return Object.hasOwn(DATA_TABLES, key);
}

/** The columns of a data table in display order: documents' columns, the table's, doc_id. */
export function dataTableColumns(key: DataTableKey): string[] {
	const own = columnsOf(DATA_TABLES[key]).filter((c) => c !== 'doc_id');
	return [...DOCUMENT_COLUMNS, ...own, 'doc_id'];
}

/**
 * A valid sort for `key`: the requested column if it is one of {@link dataTableColumns}, else
 * {@link DEFAULT_SORT}; direction `desc` only when asked for exactly.
 */
export function resolveSort(key: DataTableKey, columnName?: string | null, direction?: string | null): DataTableSort {
	const known = dataTableColumns(key).find((c) => c === columnName);
	if (!known) return DEFAULT_SORT;
	return { column: known, direction: direction === 'desc' ? 'desc' : 'asc' };
}

/** What the data view asks for. */
export interface DataTableRequest {
	table: DataTableKey;
	filters: Filters;
	sort?: DataTableSort;
	/** 1-based page number. */
	page?: number;
	pageSize?: number;
}

/** The column reference for a (validated) display column. */
function ref(name: string): SqlQuery {
	return column((DOCUMENT_COLUMNS as readonly string[]).includes(name) ? 'd' : 'r', name);
}

function fromWhere(key: DataTableKey, filters: Filters): SqlQuery {
	const rowFilter = key === 'function' && filters.code !== null ? [codeSubtree('r', filters.code)] : [];
	return sql`FROM ${table(DATA_TABLES[key])} r JOIN ${table('documents')} d ON d.doc_id = r.doc_id
WHERE ${and([whereDocuments(filters), ...rowFilter])}`;
}

function orderBy(key: DataTableKey, sort: DataTableSort | undefined): SqlQuery {
	const { column: name, direction } = resolveSort(key, sort?.column, sort?.direction);
	const dir = direction === 'desc' ? sql`DESC` : sql`ASC`;
	// Tie-breakers make pages stable: the same request always returns the same rows.
	const tail = ['district', 'year', 'kind', 'department', 'doc_id', 'source_line'].map(ref);
	return sql`ORDER BY ${ref(name)} ${dir} NULLS LAST, ${joinSql(tail)}`;
}

function selectList(key: DataTableKey): SqlQuery {
	return joinSql(dataTableColumns(key).map(ref));
}

/** All filtered rows of the table, sorted, without pagination (for CSV export). */
export function dataTableAllQuery(req: Omit<DataTableRequest, 'page' | 'pageSize'>): SqlQuery {
	return sql`SELECT ${selectList(req.table)}
${fromWhere(req.table, req.filters)}
${orderBy(req.table, req.sort)}`;
}

/** Clamps page and page size to sane integers; returns LIMIT and OFFSET. */
export function pageWindow(page?: number, pageSize?: number): { limit: number; offset: number } {
	const size = Number.isFinite(pageSize) ? Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize!))) : DEFAULT_PAGE_SIZE;
	const p = Number.isFinite(page) ? Math.max(1, Math.floor(page!)) : 1;
	return { limit: size, offset: (p - 1) * size };
}

/** One page of the filtered, sorted rows (LIMIT and OFFSET bound as parameters). */
export function dataTableQuery(req: DataTableRequest): SqlQuery {
	const { limit, offset } = pageWindow(req.page, req.pageSize);
	return sql`${dataTableAllQuery(req)}
LIMIT ${limit} OFFSET ${offset}`;
}

/** `{ row_count: number }`: how many rows {@link dataTableAllQuery} would return. */
export function dataTableCountQuery(req: Pick<DataTableRequest, 'table' | 'filters'>): SqlQuery {
	return sql`SELECT count(*) AS row_count ${fromWhere(req.table, req.filters)}`;
}

/** The row of {@link dataTableCountQuery}. */
export interface CountRow {
	row_count: number;
}
