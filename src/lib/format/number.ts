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
