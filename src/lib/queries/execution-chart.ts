/**
 * What /execution draws, reduced in SQL: at a whole city the page would otherwise receive every
 * execution row (tens of thousands) and every derived pair (over a hundred thousand) to draw the
 * PLACE_LIMIT largest unit·years. The tables page their rows in SQL (executionPageQuery,
 * changePageQuery, derivedExecutionPageQuery).
 */
import type { Filters } from '$lib/filters/model';
import { DEFAULT_PAGE_SIZE, pageWindow } from './data-table';
import { executionWith, measureRank, type ExecutionRow } from './execution';
import { byNameOrder, joinedNames, type NameOrder } from './name-order';
import { derivedExecutionPageQuery, derivedExecutionSelect, type DerivedExecutionRow } from './narrative';
import { sql, type SqlQuery } from './sql';
import { TREND_LIMIT } from './trends';

/** How many unit·year places the execution chart draws at most: PLACE_LIMIT of charts/place-limit.ts. */
export const EXECUTION_PLACE_LIMIT = TREND_LIMIT;

/**
 * A row of {@link executionChartQuery}; which fields are set depends on `part`:
 * - `printed`: an {@link ExecutionRow} of a drawn place (every measure of it);
 * - `derived`: a DerivedExecutionRow (narrative.ts) of a drawn place;
 * - `count`: `places` (unit·years in the filters, drawn or not), `execution_rows` and
 *   `derived_rows` (the rows of the two tables).
 */
export interface ExecutionChartRow {
	part: 'printed' | 'derived' | 'count';
	district: string | null;
	unit: string | null;
	year: number | null;
	measure: string | null;
	/** A printed row's 类 name (ExecutionRow's). */
	name: string | null;
	budget: number | null;
	final: number | null;
	/** A printed row's rate (ExecutionRow's). */
	rate: number | null;
	/** A derived row's reason and source (DerivedExecutionRow's). */
	reason: string | null;
	source_doc: string | null;
	source_line: number | null;
	source_page: number | null;
	places: number | null;
	execution_rows: number | null;
	derived_rows: number | null;
}

/**
 * The unit·year places of the printed pairs and the derived ones, ranked as limitPlaces
 * (charts/place-limit.ts) ranks them: by the largest 决算数 of any of their rows (none: last), then
 * district and unit in the reading `order`, then the later year.
 */
function rankedPlacesCte(order: NameOrder | null): SqlQuery {
	const names = sql`${byNameOrder('district', joinedNames(order?.districts))}, ${byNameOrder('unit', joinedNames(order?.units))}`;
	return sql`places AS (
	SELECT district, unit, year, max(final) AS size
	FROM (SELECT district, unit, year, final FROM execution UNION ALL SELECT district, unit, year, final FROM dv)
	GROUP BY district, unit, year),
ranked AS (
	SELECT district, unit, year, row_number() OVER (ORDER BY size DESC NULLS LAST, ${names}, year DESC) AS size_rank
	FROM places)`;
}

/**
 * The execution chart's rows: every measure of the `limit` largest places (printed pairs, and the
 * 决算's own 年初预算数 where the unit-year's 预算 is not in the data), each part in its table's
 * order, and the counts for the place notice and the tables' pagers. One statement, rows told apart
 * by `part` ({@link ExecutionChartRow}).
 */
export function executionChartQuery(filters: Filters, order: NameOrder | null = null, limit: number = EXECUTION_PLACE_LIMIT): SqlQuery {
	const drawn = (alias: 'e' | 'dv') => {
		const a = alias === 'e' ? sql`e` : sql`dv`;
		return sql`EXISTS (SELECT 1 FROM ranked r WHERE r.size_rank <= ${limit} AND r.district = ${a}.district AND r.unit = ${a}.unit AND r.year = ${a}.year)`;
	};
	return sql`${executionWith(filters)}, dv AS (${derivedExecutionSelect(filters, false)}),
${rankedPlacesCte(order)}
SELECT * FROM (
SELECT 'printed' AS part, e.district, e.unit, e.year, e.measure, e.name, e.budget, e.final, e.rate,
	NULL::VARCHAR AS reason, NULL::VARCHAR AS source_doc, NULL::INTEGER AS source_line, NULL::INTEGER AS source_page,
	NULL::BIGINT AS places, NULL::BIGINT AS execution_rows, NULL::BIGINT AS derived_rows
FROM execution e WHERE ${drawn('e')}
UNION ALL
SELECT 'derived', dv.district, dv.unit, dv.year, dv.measure, NULL, dv.budget, dv.final, NULL,
	dv.reason, dv.source_doc, dv.source_line, dv.source_page, NULL, NULL, NULL
FROM dv WHERE ${drawn('dv')}
UNION ALL
SELECT 'count', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
	(SELECT count(*) FROM places), (SELECT count(*) FROM execution), (SELECT count(*) FROM dv)
) u
-- printed rows in executionQuery's order, derived ones in derivedExecutionQuery's
ORDER BY part, district, unit, year, CASE WHEN part = 'printed' THEN ${measureRank()} END NULLS FIRST, source_line, measure, source_doc, name, budget, final`;
}

/** executionChartQuery's rows split by part, with the place counts for placeLimitNotice. */
export interface ExecutionChart {
	printed: ExecutionRow[];
	derived: DerivedExecutionRow[];
	places: { places: number; drawn: number; rest: number };
	executionRows: number;
	derivedRows: number;
}

/** Splits {@link executionChartQuery}'s rows; `limit` is the limit the query was given. */
export function splitExecutionChart(rows: readonly ExecutionChartRow[], limit: number): ExecutionChart {
	const count = rows.find((r) => r.part === 'count');
	const places = Number(count?.places ?? 0);
	const drawn = Math.min(places, limit);
	return {
		printed: rows.filter((r) => r.part === 'printed').map((r) => ({
			district: r.district!,
			unit: r.unit!,
			year: r.year!,
			measure: r.measure!,
			name: r.name,
			budget: r.budget!,
			final: r.final!,
			rate: r.rate
		})),
		derived: rows.filter((r) => r.part === 'derived').map((r) => ({
			district: r.district!,
			unit: r.unit!,
			year: r.year!,
			measure: r.measure!,
			budget: r.budget!,
			final: r.final!,
			reason: r.reason,
			source_doc: r.source_doc!,
			source_line: r.source_line,
			source_page: r.source_page
		})),
		places: { places, drawn, rest: places - drawn },
		executionRows: Number(count?.execution_rows ?? 0),
		derivedRows: Number(count?.derived_rows ?? 0)
	};
}

/** One page of derivedExecutionQuery's rows (narrative.ts), the table of derived pairs. */
export function derivedExecutionTablePageQuery(filters: Filters, page: number, pageSize = DEFAULT_PAGE_SIZE): SqlQuery {
	const { limit, offset } = pageWindow(page, pageSize);
	return derivedExecutionPageQuery(filters, limit, offset);
}
