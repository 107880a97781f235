/**
 * Trends: headline figures per unit (district + department kind) × year × kind — one disclosure
 * per point (definitions in figures.ts). Two departments of a district are two lines: adding them
 * would make a district line out of whichever department published in a given year.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { figuresWith } from './figures';
import { sql, type SqlQuery } from './sql';

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

/** Trend rows for the filters, ordered by district, unit, kind, year. */
export function trendsQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: false })}
SELECT district, unit, year, kind, count(*) AS documents,
	round(sum(total), 2) AS total, round(sum(basic), 2) AS basic, round(sum(project), 2) AS project,
	round(sum(three_public), 2) AS three_public, round(sum(outbound), 2) AS outbound,
	round(sum(vehicle), 2) AS vehicle, round(sum(reception), 2) AS reception
FROM figures
GROUP BY district, unit, year, kind
ORDER BY district, unit, kind, year`;
}
