/**
 * Amounts are generated in 分 (integer cents of 元) so that every sum is exact, and each printed
 * figure is rounded on its own — so a printed parent can differ from the sum of its printed
 * children by a cent, as in real tables.
 */

/** 分 → 万元 rounded to 0.01 (one printed figure). */
export function fenToWan(fen: number): number {
	return Math.round(fen / 10_000) / 100;
}

/** 分 → 元 with two decimals. */
export function fenToYuan(fen: number): number {
	return fen / 100;
}

/** 万元 (a float of 0.01 precision) → 分. */
export function wanToFen(wan: number): number {
	return Math.round(wan * 1_000_000);
}

/** `1,234.50` as tables print. */
export function formatAmount(value: number, grouping = true): string {
	const fixed = Math.abs(value).toFixed(2);
	const [int, dec] = fixed.split('.');
	const grouped = grouping ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
	return `${value < 0 ? '-' : ''}${grouped}.${dec}`;
}

/** Splits `total` 分 into parts proportional to `weights`, the parts summing exactly to total. */
export function splitFen(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (weights.length === 0) return [];
	if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
	const parts = weights.map((w) => Math.floor((total * w) / sum));
	let rest = total - parts.reduce((a, b) => a + b, 0);
	for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i]++;
	return parts;
}

/** Percentage with one decimal, as narratives print (`10.1`). */
export function percent(part: number, whole: number): string {
	if (whole === 0) return '0';
	return (Math.round((part / whole) * 1000) / 10).toFixed(1);
}
