/**
 * /compare at corpus size: a chart stays readable with a few dozen bar groups, not 1,500. When
 * more units are compared than fit, the charts draw the top `limit` unit-disclosures by 支出合计
 * (ties by name) and the page says how many are left out. Pure.
 */
import { byPinyin } from '$lib/filters/order';
import type { GroupFields } from './compare';

/** How many comparison groups a chart draws at most. */
export const COMPARE_LIMIT = 24;

const keyOf = (r: GroupFields): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);

export interface CompareLimit {
	/** Keeps a row when its group is drawn. */
	keep(row: GroupFields): boolean;
	/** Groups (unit-disclosures) left out of the charts (0 when all fit). */
	rest: number;
	/** Units (district + department kind) none of whose groups is drawn. */
	restUnits: number;
}

/**
 * The groups to draw: all when there are at most `limit`, else the `limit` largest by `total`
 * (groups without a total last).
 */
export function limitGroups(
	groups: readonly (GroupFields & { total: number | null })[],
	limit = COMPARE_LIMIT
): CompareLimit {
	const unique = [...new Map(groups.map((g) => [keyOf(g), g])).values()];
	if (unique.length <= limit) return { keep: () => true, rest: 0, restUnits: 0 };
	const ranked = [...unique].sort(
		(a, b) =>
			(b.total ?? -Infinity) - (a.total ?? -Infinity) || byPinyin(a.district, b.district) || byPinyin(a.unit, b.unit)
	);
	const kept = new Set(ranked.slice(0, limit).map(keyOf));
	const unitOf = (g: GroupFields) => JSON.stringify([g.district, g.unit]);
	const drawnUnits = new Set(ranked.slice(0, limit).map(unitOf));
	const restUnits = new Set(ranked.slice(limit).map(unitOf).filter((u) => !drawnUnits.has(u))).size;
	return { keep: (row) => kept.has(keyOf(row)), rest: unique.length - limit, restUnits };
}
