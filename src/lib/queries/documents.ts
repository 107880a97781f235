/**
 * The documents list, the coverage matrix (counts, and one cell's documents) and the values that exist in the data (for validating
 * URL filters).
 */
import type { Filters, KnownValues } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { sortByPinyin } from '$lib/filters/order';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { unitOf, whereDocuments } from './where';
import { byNameOrder, joinedNames, type NameOrder } from './name-order';

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

/** Separators of the keys bound as one string each (ASCII record and unit separators, never in a name). */
const RECORD = '\u001e';
const UNIT = '\u001f';

/** The keys rows point at (export/sources.ts `rowSources`): doc_ids, and [district, unit, year, kind] with null for any. */
export interface SourceKeys {
	ids: readonly string[];
	units: readonly (readonly [string, string | null, number, string | null])[];
}

/**
 * The keys bound as two strings and split in SQL: `u`, a CTE of the unit keys, and the predicate
 * on `d` (the documents) they and the ids make. Null when a value holds a separator.
 */
function boundKeys({ ids, units }: SourceKeys): { cte: SqlQuery; matches: SqlQuery } | null {
	const values = [...ids, ...units.flatMap(([district, unit, , kind]) => [district, unit ?? '', kind ?? ''])];
	if (values.some((v) => v.includes(RECORD) || v.includes(UNIT))) return null;
	const idList = ids.join(UNIT);
	const unitList = units.map(([district, unit, year, kind]) => [district, unit ?? '', String(year), kind ?? ''].join(UNIT)).join(RECORD);
	return {
		cte: sql`k AS (
	SELECT string_split(s, ${UNIT}) AS p FROM (SELECT unnest(string_split(${unitList}, ${RECORD})) AS s)),
u AS (SELECT p[1] AS district, nullif(p[2], '') AS unit, TRY_CAST(p[3] AS INTEGER) AS year, nullif(p[4], '') AS kind FROM k WHERE len(p) = 4)`,
		matches: sql`(
	list_contains(string_split(${idList}, ${UNIT}), d.doc_id)
	OR EXISTS (SELECT 1 FROM u WHERE u.district = d.district AND u.year = d.year
		AND (u.unit IS NULL OR u.unit = ${unitOf('d')}) AND (u.kind IS NULL OR u.kind = d.kind)))`
	};
}

/**
 * {@link documentsListQuery} narrowed to the documents rows point at — by doc_id, or by district,
 * unit, year and kind (a null unit or kind matching any) — so that naming a view's sources does not
 * take the whole list into the page (30,000 rows at corpus size). Null when a value holds a separator
 * (then the whole list must do).
 */
export function sourceDocumentsQuery(filters: Filters, ids: readonly string[], units: SourceKeys['units']): SqlQuery | null {
	const keys = boundKeys({ ids, units });
	if (keys === null) return null;
	return sql`WITH ${keys.cte}
SELECT d.doc_id, d.district, d.department, d.department_kind, d.year, d.kind, d.title,
	d.source_file, d.layout
FROM ${table('documents')} d
WHERE ${whereDocuments(filters)} AND ${keys.matches}
ORDER BY d.district, d.year, d.kind, d.department, d.doc_id`;
}

/** A document of {@link sourceHeadQuery}, with the count of all the sources. */
export interface SourceHeadRow extends DocumentRow {
	total: number;
}

/**
 * What a caption names of a view's sources (the documents `keys` point at; with no keys, each
 * unit's latest disclosure of each kind, as export/sources.ts `latestPerUnit`), without taking them
 * all into the page: their count (`total`, on every row), the first `limit` by place — district and
 * unit in the reading `order` (pinyin), then year, kind and doc_id — and every source whose
 * district or unit that order does not list (a unit without a department kind), which the page
 * orders itself. Sorting those with the rest by pinyin and taking the first `limit` gives the
 * caption's sources exactly. Null when a key holds a separator.
 */
export function sourceHeadQuery(filters: Filters, keys: SourceKeys | null, order: NameOrder | null, limit: number): SqlQuery | null {
	const bound = keys === null ? null : boundKeys(keys);
	if (keys !== null && bound === null) return null;
	const columns = sql`d.doc_id, d.district, d.department, d.department_kind, d.year, d.kind, d.title, d.source_file, d.layout, ${unitOf('d')} AS unit`;
	const matched =
		bound === null
			? sql`m AS (SELECT ${columns} FROM ${table('documents')} d WHERE ${whereDocuments(filters)}
	QUALIFY row_number() OVER (PARTITION BY d.district, ${unitOf('d')}, d.kind ORDER BY d.year DESC, d.department, d.doc_id) = 1)`
			: sql`${bound.cte},
m AS (SELECT ${columns} FROM ${table('documents')} d WHERE ${whereDocuments(filters)} AND ${bound.matches})`;
	const districts = joinedNames(order?.districts);
	const units = joinedNames(order?.units);
	const listed = (names: string | null, col: SqlQuery) => sql`coalesce(list_position(string_split(coalesce(CAST(${names} AS VARCHAR), ''), chr(31)), ${col}), 0) > 0`;
	return sql`WITH ${matched},
o AS (SELECT *, count(*) OVER () AS total,
	row_number() OVER (ORDER BY ${byNameOrder('district', districts)}, ${byNameOrder('unit', units)}, year, kind, doc_id) AS place
	FROM m)
SELECT doc_id, district, department, department_kind, year, kind, title, source_file, layout, CAST(total AS INTEGER) AS total
FROM o
WHERE place <= ${limit} OR NOT (${listed(districts, sql`district`)} AND ${listed(units, sql`unit`)})
ORDER BY place`;
}

/** A cell of the coverage matrix: how many 预算 and 决算 disclosures a district has for a year. */
export interface CoverageRow {
	district: string;
	year: number;
	budget: number;
	final: number;
}

/**
 * The coverage matrix as counts, one row per district × year with a disclosure under the filters:
 * the corpus is summarised in SQL (tens of thousands of documents become a few hundred rows), and a
 * cell's documents are listed only when it is opened ({@link coverageCellQuery}).
 */
export function coverageQuery(filters: Filters): SqlQuery {
	return sql`SELECT d.district, d.year,
	CAST(count(*) FILTER (WHERE d.kind = 'budget') AS INTEGER) AS budget,
	CAST(count(*) FILTER (WHERE d.kind = 'final') AS INTEGER) AS final
FROM ${table('documents')} d
WHERE ${whereDocuments(filters)}
GROUP BY d.district, d.year
ORDER BY d.district, d.year`;
}

/** A document of an opened coverage cell. */
export interface CoverageDocumentRow {
	doc_id: string;
	kind: DocumentKind;
	department: string;
	department_kind: string | null;
	title: string;
}

/**
 * The documents of one coverage cell (a district's year) under the same filters: 预算 before 决算,
 * then by unit. District and year are parameters like every filter value.
 */
export function coverageCellQuery(filters: Filters, district: string, year: number): SqlQuery {
	return sql`SELECT d.doc_id, d.kind, d.department, d.department_kind, d.title
FROM ${table('documents')} d
WHERE ${whereDocuments(filters)} AND d.district = ${district} AND d.year = ${year}
ORDER BY CASE d.kind WHEN 'budget' THEN 0 ELSE 1 END, coalesce(d.department_kind, d.department), d.doc_id`;
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
