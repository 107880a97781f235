/**
 * The test oracle of /compare's drawn groups: how the page chose them in JS over every group's
 * row before SQL ranked them (compareSplitChartQuery). Kept only to check the SQL against it.
 */
import { byPinyin } from '$lib/filters/order';
import type { GroupFields } from '$lib/charts/compare';
import type { CompareLimit } from '$lib/charts/compare-limit';

const keyOf = (r: GroupFields): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);

/**
 * The groups to draw: all when there are at most `limit`, else the `limit` largest by `total`
 * (groups without a total last), ties by pinyin (district, then unit), then in the rows' order.
 */
export function limitGroups(groups: readonly (GroupFields & { total: number | null })[], limit: number): CompareLimit {
	const unique = [...new Map(groups.map((g) => [keyOf(g), g])).values()];
	if (unique.length <= limit) return { keep: () => true, rest: 0, restUnits: 0 };
	const ranked = [...unique].sort(
		(a, b) => (b.total ?? -Infinity) - (a.total ?? -Infinity) || byPinyin(a.district, b.district) || byPinyin(a.unit, b.unit)
	);
	const kept = new Set(ranked.slice(0, limit).map(keyOf));
	const unitOf = (g: GroupFields) => JSON.stringify([g.district, g.unit]);
	const drawnUnits = new Set(ranked.slice(0, limit).map(unitOf));
	const restUnits = new Set(ranked.slice(limit).map(unitOf).filter((u) => !drawnUnits.has(u))).size;
	return { keep: (row) => kept.has(keyOf(row)), rest: unique.length - limit, restUnits };
}
