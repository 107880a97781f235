/**
 * Charts with a bar per unit·year (/three-public, /execution) at corpus size: a bar per unit and year
 * is readable for a few dozen, not for a whole city's thousands — and building thousands of
 * categories froze the page (ECharts' layout of them, the builders' lookups per category). When
 * more are in the filters, the charts draw the `limit` places with the largest figure (ties by
 * name, then the later year) and the page says how many are left out; the tables list them all.
 * Pure. The same count as /compare's groups and /trends' lines.
 */
import { byPinyin } from '$lib/filters/order';
import { TREND_LIMIT } from './trend-limit';

/** How many unit·year places a chart draws at most. */
export const PLACE_LIMIT = TREND_LIMIT;

/** What identifies a place: the unit (district + department kind) and the year. */
export interface PlaceFields {
	district: string;
	unit: string;
	year: number;
}

export interface PlaceLimit {
	/** Keeps a row when its place is drawn. */
	keep(row: PlaceFields): boolean;
	/** Places in the filters, those drawn, and those left out of the chart (0 when all fit). */
	places: number;
	drawn: number;
	rest: number;
}

const placeOf = (r: PlaceFields): string => JSON.stringify([r.district, r.unit, r.year]);

/**
 * The places of `rows` to draw: all when there are at most `limit`, else the `limit` whose largest
 * `size` over their rows is largest (a place with no figure last).
 */
export function limitPlaces<R extends PlaceFields>(rows: readonly R[], size: (row: R) => number | null, limit = PLACE_LIMIT): PlaceLimit {
	const largest = new Map<string, { place: PlaceFields; size: number }>();
	for (const r of rows) {
		const k = placeOf(r);
		const v = size(r) ?? -Infinity;
		const seen = largest.get(k);
		if (!seen) largest.set(k, { place: r, size: v });
		else if (v > seen.size) seen.size = v;
	}
	if (largest.size <= limit) return { keep: () => true, places: largest.size, drawn: largest.size, rest: 0 };
	const ranked = [...largest.values()].sort(
		(a, b) => b.size - a.size || byPinyin(a.place.district, b.place.district) || byPinyin(a.place.unit, b.place.unit) || b.place.year - a.place.year
	);
	const kept = new Set(ranked.slice(0, limit).map((p) => placeOf(p.place)));
	return { keep: (r) => kept.has(placeOf(r)), places: largest.size, drawn: limit, rest: largest.size - limit };
}

/** The notice under a limited chart: how many places there are and which are drawn. */
export function placeLimitNotice(limit: Pick<PlaceLimit, 'places' | 'drawn' | 'rest'>, what: string): string {
	return `单位·年度较多：筛选范围内共 ${limit.places} 个，${what}图画出其中最大的 ${limit.drawn} 个，其余 ${limit.rest} 个未画出（下方明细列出全部）；可按区县、部门类别或年度筛选以缩小范围。`;
}
