/**
 * Trends: headline figures per unit (district + department kind) × year × kind — one disclosure
 * per point (definitions in figures.ts). Two departments of a district are two lines: adding them
 * would make a district line out of whichever department published in a given year.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { figuresWith } from './figures';
import { byNameOrder, joinedNames, type NameOrder } from './name-order';
import { sql, type SqlQuery } from './sql';

/** How many unit-kind lines the trend views draw at most (as many as /compare's groups). */
export const TREND_LIMIT = 24;

/** One point of a unit's trend line for one kind. */
export interface TrendRow {
	district: string;
	/** The department kind (or the department where it has none). */
	unit: string;
	year: number;
	kind: DocumentKind;
	documents: number;
	total: number | null;
	basic: number | null;
	project: number | null;
	/** 三公 total and items, kind-appropriate: budget for 预算, actual for 决算. */
	three_public: number | null;
	outbound: number | null;
	vehicle: number | null;
	reception: number | null;
}

/** A {@link TrendRow} as trendsQuery gives it: with how many lines (unit × kind) the filters hold, whether or not their rows came. */
export interface TrendQueryRow extends TrendRow {
	lines: number;
}

/**
 * Trend rows for the filters, ordered by district, unit, kind, year — of the `limit` lines drawn:
 * those with the largest latest total, ties by name in `order` (the filter bar's pinyin; a name not
 * in it after those that are, by code point), then 预算 before 决算, as charts/trend-limit.ts ranks
 * them. At 30,000 documents the page took every unit's rows (30,000) to draw 24 lines.
 */
export function trendsQuery(filters: Filters, limit = TREND_LIMIT, order: NameOrder | null = null): SqlQuery {
	return sql`${trendPointsWith(filters, limit, order)}
SELECT p.*, l.lines FROM points p JOIN candidates l USING (district, unit, kind)
ORDER BY district, unit, kind, year`;
}

/** The lines drawn, one row each (district, unit, kind, lines): for the derived points of those lines only. */
export function trendCandidatesQuery(filters: Filters, limit = TREND_LIMIT, order: NameOrder | null = null): SqlQuery {
	return sql`${trendPointsWith(filters, limit, order)}
SELECT district, unit, kind, lines FROM candidates`;
}

/** WITH … points (every point), candidates (the `limit` lines ranked first by their latest total). */
function trendPointsWith(filters: Filters, limit: number, order: NameOrder | null): SqlQuery {
	// the latest year's total even when it is NULL (first() keeps NULLs), which ranks last
	const names = sql`${byNameOrder('district', joinedNames(order?.districts))}, ${byNameOrder('unit', joinedNames(order?.units))}`;
	return sql`${figuresWith(filters, { latestOrder: false })},
points AS (
	SELECT district, unit, year, kind, count(*) AS documents,
		round(sum(total), 2) AS total, round(sum(basic), 2) AS basic, round(sum(project), 2) AS project,
		round(sum(three_public), 2) AS three_public, round(sum(outbound), 2) AS outbound,
		round(sum(vehicle), 2) AS vehicle, round(sum(reception), 2) AS reception
	FROM figures
	GROUP BY district, unit, year, kind),
latest AS (
	SELECT district, unit, kind, first(total ORDER BY year DESC) AS total FROM points GROUP BY district, unit, kind),
candidates AS (
	SELECT district, unit, kind, lines FROM (
		SELECT district, unit, kind, row_number() OVER (ORDER BY total DESC NULLS LAST, ${names}, kind) AS place, count(*) OVER () AS lines FROM latest)
	WHERE place <= ${limit})`;
}
