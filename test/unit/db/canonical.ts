/**
 * Result rows in a form two engines can be compared in: numbers rounded to 1e-6 (a sum's last bits
 * depend on the order rows were added), rows sorted (ties in ORDER BY may come out either way).
 */
export function canonicalRows(rows: readonly Record<string, unknown>[]): string[] {
	const round = (v: unknown): unknown => {
		if (typeof v === 'number') return Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6 + 0; // + 0: -0 → 0
		if (Array.isArray(v)) return v.map(round);
		if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]));
		return v;
	};
	return rows.map((r) => JSON.stringify(round(r))).sort();
}
