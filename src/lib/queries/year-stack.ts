/**
 * The overview's spending-by-year chart, aggregated in SQL to what it draws: each kind's largest
 * units named, one row per unit and year; every other unit summed per district, year and kind.
 * At a whole city (30,000 disclosures) that is about a thousand rows instead of one per unit and
 * year — turning those into objects and stacking them was a second of main-thread work per
 * change. The rows still count every filtered disclosure per district, year and kind, so the
 * coverage matrix is derived from them (`coverageFromYearRows`) without a query of its own.
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
 * filtered years (ties by district, then unit); a unit with no total in any year is never named
 * (it has nothing to draw) and is counted in its district's rest row. Rows ordered by kind,
 * district, unit (rest last), year.
 */
export function yearStackQuery(filters: Filters, named: number = MAX_STACKED_UNITS): SqlQuery {
	// The ranking sorts units, not unit-years (a tenth of the rows at a whole city), inside one
	// list aggregate per kind; the rows are then grouped once, by district, named unit, year, kind.
	return sql`${figuresWith(filters, { latestOrder: false })}, units AS (
	SELECT kind, district, unit, sum(total) AS over_years
	FROM figures
	GROUP BY kind, district, unit),
top AS (
	SELECT kind, list(district || chr(31) || unit ORDER BY over_years DESC, district, unit)[1:${named}] AS names,
		greatest(count(*) - ${named}, 0) AS others
	FROM units
	WHERE over_years IS NOT NULL
	GROUP BY kind)
SELECT f.district, CASE WHEN list_contains(t.names, f.district || chr(31) || f.unit) THEN f.unit END AS unit, f.year, f.kind,
	count(*) AS documents, count(DISTINCT f.unit) FILTER (WHERE f.total IS NOT NULL) AS units, round(sum(f.total), 2) AS total,
	coalesce(t.others, 0) AS others
FROM figures f
LEFT JOIN top t ON t.kind = f.kind
GROUP BY ALL
ORDER BY f.kind, f.district, unit NULLS LAST, f.year`;
}
