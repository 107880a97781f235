/**
 * 三公经费 in depth: budget and actual per unit (district + department kind) × year × kind × item —
 * one disclosure per row, never two departments added.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind, ThreePublicItem } from '$lib/storage/schema';
import { DEFAULT_PAGE_SIZE, pageWindow } from './data-table';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { filteredDocumentsCte, unitOf } from './where';

/** One 三公 item of a unit's disclosure of one year and kind. */
export interface ThreePublicRow {
	district: string;
	/** The department kind (or the department where it has none). */
	unit: string;
	year: number;
	kind: DocumentKind;
	item: ThreePublicItem;
	/** 预算数 (in a final account: the year's initial budget, where printed). */
	budget: number | null;
	/** 决算数; NULL in budget disclosures. */
	actual: number | null;
	documents: number;
}

/** Orders 三公 items as printed: total, outbound, vehicle (purchase, operation), reception. */
export function threePublicItemOrder(expr: 't.item' | 'item'): SqlQuery {
	const e = expr === 'item' ? sql`item` : sql`t.item`;
	return sql`CASE ${e} WHEN 'total' THEN 0 WHEN 'outbound' THEN 1 WHEN 'vehicle' THEN 2
	WHEN 'vehicle_purchase' THEN 3 WHEN 'vehicle_operation' THEN 4 WHEN 'reception' THEN 5 ELSE 6 END, ${e}`;
}

/** 三公 budget and actual per unit × year × kind × item for the filters. */
export function threePublicQuery(filters: Filters): SqlQuery {
	return sql`WITH ${filteredDocumentsCte(filters)}
SELECT fd.district, ${unitOf('fd')} AS unit, fd.year, fd.kind, t.item,
	round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
	count(DISTINCT t.doc_id) AS documents
FROM ${table('three_public')} t JOIN fd ON fd.doc_id = t.doc_id
GROUP BY fd.district, ${unitOf('fd')}, fd.year, fd.kind, t.item
ORDER BY fd.district, unit, fd.year, fd.kind, ${threePublicItemOrder('t.item')}`;
}

/** At most this many 决算 disclosures are named where the per-item chart says what it adds up. */
export const NAMED_FINALS = 10;

/** How many unit·year places of a kind the per-place charts draw at most (as /compare's groups). */
export const THREE_PUBLIC_PLACE_LIMIT = 24;

/**
 * The reading order of names (districts, units) for the charts' ties: both lists as the filter bar
 * lists them (by pinyin: `toKnownValues`). SQL has no pinyin collation in the browser, so the order
 * is bound as parameters; a name not listed (a unit without a department kind) comes after the
 * listed ones, by code point. Null: by code point only.
 */
export interface NameOrder {
	districts: readonly string[];
	units: readonly string[];
}

/** What a row of {@link threePublicChartQuery} is for. */
export type ThreePublicChartPart = 'final' | 'budget' | 'items' | 'named' | 'printed' | 'sources' | 'count';

/**
 * A row of {@link threePublicChartQuery}; which fields are set depends on `part`:
 * - `final`, `budget`: a {@link ThreePublicRow} of one of the drawn places of that kind;
 *   `places` counts the kind's places in the filters (drawn or not).
 * - `items`: one 三公 part (`item`: `outbound`, `vehicle`, `reception`) summed over every 决算
 *   place (`kind` final): `budget`, `actual`, each null where no place gives one.
 * - `named`: one of the first {@link NAMED_FINALS} 决算 places by year, then name; `places` as above.
 * - `printed`: a {@link ThreePublicRow} of a 决算 place whose prose gives a 三公 年初预算数.
 * - `sources`: a district, year and kind with 三公 rows (`unit` null: its units of that kind).
 * - `count`: `places` is the number of rows of the 明细 table ({@link threePublicQuery}).
 */
export interface ThreePublicChartRow {
	part: ThreePublicChartPart;
	district: string | null;
	unit: string | null;
	year: number | null;
	kind: DocumentKind | null;
	item: ThreePublicItem | null;
	budget: number | null;
	actual: number | null;
	documents: number | null;
	places: number | null;
}

const NAME_SEPARATOR = '\u001f';

function joinedNames(names: readonly string[] | undefined): string | null {
	if (!names || names.length === 0) return null;
	for (const n of names) if (n.includes(NAME_SEPARATOR)) throw new Error(`sql: a name cannot hold U+001F: ${JSON.stringify(n)}`);
	return names.join(NAME_SEPARATOR);
}

/** A name's position in the bound reading order (NULL when not listed), then the name itself. */
function byNameOrder(col: 'district' | 'unit', names: string | null): SqlQuery {
	const c = col === 'district' ? sql`district` : sql`unit`;
	return sql`nullif(list_position(string_split(coalesce(CAST(${names} AS VARCHAR), ''), chr(31)), ${c}), 0) NULLS LAST, ${c}`;
}

/**
 * The 三公 figures per unit × year × kind × item — the rows of {@link threePublicQuery} — as a CTE
 * `g` after `fd`.
 */
function groupedCte(filters: Filters): SqlQuery {
	return sql`${filteredDocumentsCte(filters)},
g AS (
	SELECT fd.district, ${unitOf('fd')} AS unit, fd.year, fd.kind, t.item,
		round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
		count(DISTINCT t.doc_id) AS documents
	FROM ${table('three_public')} t JOIN fd ON fd.doc_id = t.doc_id
	GROUP BY fd.district, ${unitOf('fd')}, fd.year, fd.kind, t.item)`;
}

/**
 * What /three-public's charts draw, aggregated in SQL (at a whole city the page would otherwise
 * receive every one of 180,000 rows and rank 12,000 places): per kind the rows of the `limit`
 * places with the largest 三公 figure — a place's largest row, 决算数 (else 预算数) of a 决算,
 * 预算数 of a 预算; ties by name in `order`, then the later year — and the count of places; the
 * per-item sums over every 决算 (公务用车 as printed, else 购置 + 运行 of that place: never both);
 * the first {@link NAMED_FINALS} 决算 places by year and name; the rows of 决算 places whose prose
 * gives a 三公 年初预算数 (a derived figure is drawn only where the table prints none); the
 * district·year·kinds the rows come from; and the 明细 table's row count. One statement, rows told
 * apart by `part` ({@link ThreePublicChartRow}).
 */
export function threePublicChartQuery(filters: Filters, order: NameOrder | null = null, limit: number = THREE_PUBLIC_PLACE_LIMIT): SqlQuery {
	const districts = joinedNames(order?.districts);
	const units = joinedNames(order?.units);
	const names = sql`${byNameOrder('district', districts)}, ${byNameOrder('unit', units)}`;
	const parts = sql`('outbound', 'vehicle', 'reception')`;
	return sql`WITH ${groupedCte(filters)},
places AS (
	SELECT district, unit, year, kind,
		max(CASE WHEN kind = 'final' THEN coalesce(actual, budget) ELSE budget END) AS size,
		count(*) OVER (PARTITION BY kind) AS places
	FROM g
	GROUP BY district, unit, year, kind),
ranked AS (
	SELECT *,
		row_number() OVER (PARTITION BY kind ORDER BY size DESC NULLS LAST, ${names}, year DESC) AS size_rank,
		row_number() OVER (PARTITION BY kind ORDER BY year, ${names}) AS year_rank
	FROM places),
car AS (
	SELECT *,
		bool_or(item = 'vehicle' AND budget IS NOT NULL) OVER (PARTITION BY district, unit, year) AS car_budget,
		bool_or(item = 'vehicle' AND actual IS NOT NULL) OVER (PARTITION BY district, unit, year) AS car_actual
	FROM g
	WHERE kind = 'final' AND item IN ('outbound', 'vehicle', 'reception', 'vehicle_purchase', 'vehicle_operation')),
items AS (
	SELECT CASE WHEN item IN ${parts} THEN item ELSE 'vehicle' END AS part_item,
		round(sum(budget) FILTER (WHERE item IN ${parts} OR NOT car_budget), 2) AS part_budget,
		round(sum(actual) FILTER (WHERE item IN ${parts} OR NOT car_actual), 2) AS part_actual
	FROM car
	GROUP BY part_item),
told AS (
	SELECT DISTINCT d.district, ${unitOf('d')} AS unit, d.year
	FROM ${table('narrative_figures')} n JOIN fd d ON d.doc_id = n.doc_id
	WHERE d.kind = 'final' AND n.relation = 'initial_budget' AND starts_with(n.measure, 'three_public.'))
SELECT * FROM (
SELECT g.kind AS part, g.district, g.unit, g.year, g.kind, g.item, g.budget, g.actual, g.documents, r.places
FROM g JOIN ranked r ON r.district = g.district AND r.unit = g.unit AND r.year = g.year AND r.kind = g.kind
WHERE r.size_rank <= ${limit}
UNION ALL
SELECT 'named', district, unit, year, kind, NULL, NULL, NULL, NULL, places
FROM ranked WHERE kind = 'final' AND year_rank <= ${NAMED_FINALS}
UNION ALL
SELECT 'items', NULL, NULL, NULL, 'final', part_item, part_budget, part_actual, NULL, NULL FROM items
UNION ALL
SELECT 'printed', g.district, g.unit, g.year, g.kind, g.item, g.budget, g.actual, g.documents, NULL
FROM g JOIN told ON told.district = g.district AND told.unit = g.unit AND told.year = g.year
WHERE g.kind = 'final'
UNION ALL
SELECT DISTINCT 'sources', district, NULL, year, kind, NULL, NULL, NULL, NULL, NULL FROM g
UNION ALL
SELECT 'count', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM g
) u
ORDER BY part, district, unit, year, kind, ${threePublicItemOrder('item')}`;
}

/** One page of {@link threePublicQuery}'s rows — the 明细 table — in its order (LIMIT and OFFSET bound). */
export function threePublicPageQuery(filters: Filters, page: number, pageSize = DEFAULT_PAGE_SIZE): SqlQuery {
	const { limit, offset } = pageWindow(page, pageSize);
	return sql`${threePublicQuery(filters)}
LIMIT ${limit} OFFSET ${offset}`;
}
