/**
 * /compare at corpus size: a chart stays readable with a few dozen bar groups, not 1,500. When
 * more units are compared than fit, the charts draw the top `COMPARE_LIMIT` unit-disclosures by
 * 支出合计 (ranked in SQL: compareSplitChartQuery) and the page says how many are left out. Pure.
 */
import type { CompareSplitChartRow } from '$lib/queries/compare';
import type { GroupFields } from './compare';

/** How many comparison groups a chart draws at most. */
export const COMPARE_LIMIT = 24;

/** How many units a fixed-year comparison leaves out are named in its notice (the rest are counted). */
export const COMPARE_NOTICE_LIMIT = 20;

const keyOf = (r: GroupFields): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);

export interface CompareLimit {
	/** Keeps a row when its group is drawn. */
	keep(row: GroupFields): boolean;
	/** Groups (unit-disclosures) left out of the charts (0 when all fit). */
	rest: number;
	/** Units (district + department kind) none of whose groups is drawn. */
	restUnits: number;
}

/** The groups drawn — the chart query's rows — and the counts of the rest it carries. */
export function drawnGroups(rows: readonly CompareSplitChartRow[]): CompareLimit {
	const first = rows[0];
	const rest = first ? first.compared - new Set(rows.map(keyOf)).size : 0;
	if (rest <= 0) return { keep: () => true, rest: 0, restUnits: 0 };
	const kept = new Set(rows.map(keyOf));
	return { keep: (row) => kept.has(keyOf(row)), rest, restUnits: first?.rest_units ?? 0 };
}
