/**
 * The overview's spending-by-year chart, aggregated in SQL to what it draws: each kind's largest
 * units named, one row per unit and year; every other unit summed per district, year and kind.
 * At a whole city (30,000 disclosures) that is about a thousand rows instead of one per unit and
 * year — turning those into objects and stacking them was a second of main-thread work per
 * change. The rows still count every filtered disclosure per district, year and kind, so the
 * coverage matrix is derived from them (`coverageFromTrends`) without a query of its own.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { figuresWith } from './figures';
import { sql, type SqlQuery } from './sql';

/**
 * Units of a kind named in the stack; past this many, the smaller ones are one `其他 N 个单位`
 * segment — thousands of series would be unreadable and seconds of work on every redraw.
 */
export const MAX_STACKED_UNITS = 10;

/** One unit's year (`unit` set) or the rest of a district's units in a year (`unit` null). */
export interface YearStackRow {
	district: string;
	/** The unit (department kind, or department where it has none); null for the unnamed rest. */
	unit: string | null;
	year: number;
	kind: DocumentKind;
	/** Disclosures the row counts, with or without a total (the coverage matrix counts them). */
	documents: number;
	/** Units with a total in this row (1 for a named unit's year). */
	units: number;
	/** The units' totals added (rounded to the cent per unit first); null where none gives one. */
	total: number | null;
	/** Units of the kind not named (with a total in some year): the same on every row of a kind. */
	others: number;
}

/**
 * A unit is named when it is among the `named` largest of its kind by its totals added over the
 * filtered years (ties by district, then unit). Rows ordered by kind, district, unit (rest last), year.
 */
export function yearStackQuery(filters: Filters, named: number = MAX_STACKED_UNITS): SqlQuery {
	// windows, no joins: a unit's rank within its kind by its total over the years (dense_rank over
	// the per-unit sums, so every year of a unit has its rank); priced units rank first, so the
	// last priced rank is how many there are
	return sql`${figuresWith(filters)}, per_unit AS (
	SELECT district, unit, year, kind, count(*) AS documents, round(sum(total), 2) AS total,
		sum(round(sum(total), 2)) OVER (PARTITION BY kind, district, unit) AS over_years
	FROM figures
	GROUP BY district, unit, year, kind),
ranked AS (
	SELECT *, dense_rank() OVER (PARTITION BY kind ORDER BY over_years DESC NULLS LAST, district, unit) AS unit_rank
	FROM per_unit),
stacked AS (
	SELECT district, CASE WHEN unit_rank <= ${named} THEN unit END AS named_unit, year, kind, documents, total,
		greatest(max(unit_rank) FILTER (WHERE over_years IS NOT NULL) OVER (PARTITION BY kind) - ${named}, 0) AS others
	FROM ranked)
SELECT district, named_unit AS unit, year, kind,
	sum(documents) AS documents, count(total) AS units, round(sum(total), 2) AS total, others
FROM stacked
GROUP BY district, named_unit, year, kind, others
ORDER BY kind, district, named_unit NULLS LAST, year`;
}
