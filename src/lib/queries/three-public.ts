/**
 * 三公经费 in depth: budget and actual per unit (district + department kind) × year × kind × item —
 * one disclosure per row, never two departments added.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind, ThreePublicItem } from '$lib/storage/schema';
import { DEFAULT_PAGE_SIZE, pageWindow } from './data-table';
import { sql, type SqlQuery } from './sql';
import { byNameOrder, joinedNames, type NameOrder } from './name-order';
import { table } from './tables';
import { derivedExecutionSelect, derivedThreePublicPageQuery, type DerivedExecutionRow } from './narrative';
import { filteredDocumentsCte, unitOf } from './where';

export type { NameOrder };

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


/** What a row of {@link threePublicChartQuery} is for. */
export type ThreePublicChartPart = 'final' | 'budget' | 'items' | 'named' | 'sources' | 'count';

/**
 * A row of {@link threePublicChartQuery}; which fields are set depends on `part`:
 * - `final`, `budget`: a {@link ThreePublicRow} of one of the drawn places of that kind;
 *   `places` counts the kind's places in the filters (drawn or not).
 * - `items`: one 三公 part (`item`: `outbound`, `vehicle`, `reception`) summed over every 决算
 *   place (`kind` final): `budget`, `actual`, each null where no place gives one.
 * - `named`: one of the first {@link NAMED_FINALS} 决算 places by year, then name; `places` as above.
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
 * `places` and `ranked` after `g`: each unit·year·kind place with its size (its largest figure:
 * 决算数, else 预算数, of a 决算; 预算数 of a 预算) and the count of its kind's places, ranked by size
 * (then name in `order`, then the later year: `size_rank`) and by year and name (`year_rank`).
 */
function rankedCte(order: NameOrder | null): SqlQuery {
	const names = sql`${byNameOrder('district', joinedNames(order?.districts))}, ${byNameOrder('unit', joinedNames(order?.units))}`;
	return sql`places AS (
	SELECT district, unit, year, kind,
		max(CASE WHEN kind = 'final' THEN coalesce(actual, budget) ELSE budget END) AS size,
		count(*) OVER (PARTITION BY kind) AS places
	FROM g
	GROUP BY district, unit, year, kind),
ranked AS (
	SELECT *,
		row_number() OVER (PARTITION BY kind ORDER BY size DESC NULLS LAST, ${names}, year DESC) AS size_rank,
		row_number() OVER (PARTITION BY kind ORDER BY year, ${names}) AS year_rank
	FROM places)`;
}

/**
 * What /three-public's charts draw, aggregated in SQL (at a whole city the page would otherwise
 * receive every one of 180,000 rows and rank 12,000 places): per kind the rows of the `limit`
 * places with the largest 三公 figure — a place's largest row, 决算数 (else 预算数) of a 决算,
 * 预算数 of a 预算; ties by name in `order`, then the later year — and the count of places; the
 * per-item sums over every 决算 (公务用车 as printed, else 购置 + 运行 of that place: never both);
 * the first {@link NAMED_FINALS} 决算 places by year and name; the district·year·kinds the rows
 * come from; and the 明细 table's row count. One statement, rows told apart by `part`
 * ({@link ThreePublicChartRow}).
 */
export function threePublicChartQuery(filters: Filters, order: NameOrder | null = null, limit: number = THREE_PUBLIC_PLACE_LIMIT): SqlQuery {
	const parts = sql`('outbound', 'vehicle', 'reception')`;
	return sql`WITH ${groupedCte(filters)},
${rankedCte(order)},
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
	GROUP BY part_item)
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

/**
 * What a row of {@link threePublicDerivedQuery} is for; the fields of a derived row are
 * DerivedExecutionRow's (narrative.ts):
 * - `drawn`: a derived 三公 row of a 决算 place the per-place chart draws (every one while the
 *   places fit the limit);
 * - `listed`: a derived row of one of the first `listed` places (by district, unit, year) adding a
 *   年初预算数 to the per-item chart's `item`: 公务用车 as the prose states it, else 购置 + 运行;
 *   only where that 决算's 三公 table prints no 预算数 of the item;
 * - `sum`: per `item`, those 年初预算数 of every place added (`budget`), and how many places (`entries`);
 * - `count`: `entries` is the number of derived 三公 rows (the table under the charts).
 */
export interface ThreePublicDerivedRow extends DerivedExecutionRow {
	part: 'drawn' | 'listed' | 'sum' | 'count';
	item: string | null;
	entries: number | null;
}

/**
 * The 年初预算数 a 决算's prose gives for its 三公 items where its 预算 disclosure is missing
 * (derivedExecutionQuery's 三公 rows), reduced in SQL to what /three-public draws — at a whole city
 * they are over a hundred thousand rows: the rows of the places the per-place chart draws (the
 * `limit` largest 决算 places, as {@link threePublicChartQuery} ranks them), the per-item sums of
 * the 年初预算数 the 决算's 三公 table does not print, with the rows of the first `listed` places
 * for the tooltip, and the row count. Rows told apart by `part` ({@link ThreePublicDerivedRow}).
 */
export function threePublicDerivedQuery(
	filters: Filters,
	order: NameOrder | null = null,
	limit: number = THREE_PUBLIC_PLACE_LIMIT,
	listed: number = NAMED_FINALS
): SqlQuery {
	return sql`WITH ${groupedCte(filters)},
${rankedCte(order)},
dv AS (
	SELECT *, substr(measure, 14) AS item FROM (${derivedExecutionSelect(filters, true)})),
printed AS (
	SELECT district, unit, year,
		bool_or(item = 'outbound' AND budget IS NOT NULL) AS outbound,
		bool_or(item IN ('vehicle', 'vehicle_purchase', 'vehicle_operation') AND budget IS NOT NULL) AS vehicle,
		bool_or(item = 'reception' AND budget IS NOT NULL) AS reception
	FROM g WHERE kind = 'final'
	GROUP BY district, unit, year),
added AS (
	SELECT x.*, CASE WHEN x.item IN ('vehicle_purchase', 'vehicle_operation') THEN 'vehicle' ELSE x.item END AS part_item
	FROM (SELECT *, bool_or(item = 'vehicle') OVER (PARTITION BY district, unit, year) AS stated_car FROM dv) x
	LEFT JOIN printed p ON p.district = x.district AND p.unit = x.unit AND p.year = x.year
	WHERE (x.item IN ('outbound', 'vehicle', 'reception') OR (x.item IN ('vehicle_purchase', 'vehicle_operation') AND NOT x.stated_car))
		AND NOT coalesce(CASE x.item WHEN 'outbound' THEN p.outbound WHEN 'reception' THEN p.reception ELSE p.vehicle END, false)),
entries AS (
	SELECT *, dense_rank() OVER (PARTITION BY part_item ORDER BY district, unit, year) AS entry_no FROM added)
SELECT * FROM (
SELECT 'drawn' AS part, district, unit, year, measure, budget, final, reason, source_doc, source_line, source_page,
	NULL AS item, NULL AS entries
FROM dv
WHERE (SELECT coalesce(max(places), 0) FROM ranked WHERE kind = 'final') <= ${limit} OR EXISTS (
	SELECT 1 FROM ranked r
	WHERE r.kind = 'final' AND r.size_rank <= ${limit} AND r.district = dv.district AND r.unit = dv.unit AND r.year = dv.year)
UNION ALL
SELECT 'listed', district, unit, year, measure, budget, final, reason, source_doc, source_line, source_page, part_item, NULL
FROM entries WHERE entry_no <= ${listed}
UNION ALL
SELECT 'sum', NULL, NULL, NULL, NULL, round(sum(budget), 2), NULL, NULL, NULL, NULL, NULL, part_item, max(entry_no)
FROM entries GROUP BY part_item
UNION ALL
SELECT 'count', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, count(*) FROM dv
) u
ORDER BY part, district, unit, year, source_line, measure, item`;
}

/** One page of the derived 三公 rows (derivedExecutionQuery's, in its order). */
export function threePublicDerivedPageQuery(filters: Filters, page: number, pageSize = DEFAULT_PAGE_SIZE): SqlQuery {
	const { limit, offset } = pageWindow(page, pageSize);
	return derivedThreePublicPageQuery(filters, limit, offset);
}
