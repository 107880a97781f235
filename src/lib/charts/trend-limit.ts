/**
 * /trends at corpus size: one line per unit and kind stays readable for a few dozen units, not for
 * a whole city's thousands. When more are in the filters, the charts draw the `limit` units with the
 * largest latest 支出合计 (ties by name) and the page says how many are left out. Pure.
 */
import { byPinyin } from '$lib/filters/order';
import { TREND_LIMIT } from '$lib/queries/trends';

export { TREND_LIMIT };

/** What identifies a line: the unit (district + department kind) and the document kind. */
export interface TrendLineFields {
	district: string;
	unit: string;
	kind: 'budget' | 'final';
	year: number;
}

const lineOf = (r: Pick<TrendLineFields, 'district' | 'unit' | 'kind'>): string => JSON.stringify([r.district, r.unit, r.kind]);

export interface TrendLimit {
	/** Keeps a row (printed or derived) when its line is drawn. */
	keep(row: Pick<TrendLineFields, 'district' | 'unit' | 'kind'>): boolean;
	/** Lines in the filters, and those left out of the charts (0 when all fit). */
	lines: number;
	rest: number;
}

/**
 * The lines to draw: all when there are at most `limit`, else the largest by their latest total.
 * `lines` is how many there are in the filters when `rows` hold only the candidates (trendsQuery
 * gives those and the count); by default, the lines of `rows`.
 */
export function limitTrendLines(rows: readonly (TrendLineFields & { total: number | null })[], limit = TREND_LIMIT, lines?: number): TrendLimit {
	const latest = new Map<string, TrendLineFields & { total: number | null }>();
	for (const r of rows) {
		const k = lineOf(r);
		const seen = latest.get(k);
		if (!seen || r.year > seen.year) latest.set(k, r);
	}
	const all = lines ?? latest.size;
	if (latest.size <= limit) return { keep: () => true, lines: all, rest: all - latest.size };
	const ranked = [...latest.values()].sort(
		(a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || byPinyin(a.district, b.district) || byPinyin(a.unit, b.unit) || a.kind.localeCompare(b.kind)
	);
	const kept = new Set(ranked.slice(0, limit).map(lineOf));
	return { keep: (r) => kept.has(lineOf(r)), lines: all, rest: all - limit };
}
