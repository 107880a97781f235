/**
 * Number formatting for amounts (万元) and shares. Chinese locale conventions: comma thousands
 * separators, two decimals for money.
 */

/** The placeholder for a figure the document does not give (NULL), never shown as 0. */
export const MISSING = '—';

const wan = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1234.5` → `1,234.50`; null, undefined and NaN → `—`. Amounts are already in 万元. */
export function formatWan(n: number | null | undefined): string {
	if (n === null || n === undefined || !Number.isFinite(n)) return MISSING;
	const text = wan.format(n);
	// -0.001 rounds to "-0.00": a sign on zero reads as a figure that is not there.
	return /^-0\.00$/.test(text) ? '0.00' : text;
}

/** `1234.5` → `1,234.50 万元`. */
export function formatWanWithUnit(n: number | null | undefined): string {
	const text = formatWan(n);
	return text === MISSING ? text : `${text} 万元`;
}

/** A ratio (0–1) as a CSV percentage number, two decimals: `0.57774` → `57.77`; null stays null. */
export function percentNumber(ratio: number | null): number | null {
	return ratio === null ? null : Math.round(ratio * 10000) / 100;
}

/** A ratio (0–1) as a percentage: `0.5777` → `57.8%`; null → `—`. */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
	if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return MISSING;
	const text = (ratio * 100).toFixed(digits);
	return `${/^-0(\.0+)?$/.test(text) ? text.slice(1) : text}%`;
}

/** A signed change as a percentage (`+12.5%`, `-3.0%`); null → `—`. */
export function formatChange(ratio: number | null | undefined, digits = 1): string {
	const text = formatPercent(ratio, digits);
	// Only a change that survives rounding gets a sign: +0.0% would claim a rise that is not shown.
	return text !== MISSING && Number.parseFloat(text) > 0 ? `+${text}` : text;
}

/**
 * Parts of one whole as percentages whose printed figures add up to what the whole prints
 * (100.0% for ratios summing to 1): rounded on their own, 0.5785 and 0.4215 would print as
 * 57.9% + 42.2%. Largest remainder: each part is cut down to `digits`, and the units short of the
 * rounded total go to the parts that lost most. A null ratio prints `—` and takes no part.
 */
export function formatShares(ratios: readonly (number | null)[], digits = 1): string[] {
	const scale = 100 * 10 ** digits;
	const scaled = ratios.map((r) => (r === null || !Number.isFinite(r) ? null : r * scale));
	const given = scaled.filter((v): v is number => v !== null);
	const floors = scaled.map((v) => (v === null ? null : Math.floor(v + 1e-9)));
	let short = Math.round(given.reduce((s, v) => s + v, 0)) - floors.reduce<number>((s, v) => s + (v ?? 0), 0);
	const byLoss = scaled
		.map((v, i) => ({ i, loss: v === null ? -1 : v - floors[i]! }))
		.filter((x) => x.loss >= 0)
		.sort((a, b) => b.loss - a.loss);
	for (const { i } of byLoss) {
		if (short <= 0) break;
		floors[i]! += 1;
		short -= 1;
	}
	return floors.map((v) => (v === null ? MISSING : formatPercent(v / scale, digits)));
}
