/**
 * Reconciliations. Every comparison the extractor makes is recorded, passed or failed, so the
 * document view can show what was verified and what was not.
 */
import { round2 } from './amount';

export interface CheckRecord {
	rule: string;
	expected: number | null;
	actual: number | null;
	ok: boolean;
	detail: string;
	line: number | null;
}

/** Printed figures are rounded to 0.01 万元: two figures that agree within 0.02 agree. */
export const CHECK_TOLERANCE = 0.02;

/**
 * The tolerance for a sum of `n` figures that the extractor converted to 万元 itself (from 元, 千元
 * …): each was rounded to the cent on its own, so the sum and the separately rounded total may
 * differ by half a cent per figure, total included. Printed 万元 figures are published to add up
 * and keep CHECK_TOLERANCE.
 */
export function convertedTolerance(n: number): number {
	return Math.max(CHECK_TOLERANCE, 0.005 * (n + 1));
}

/** Records `expected` vs `actual`; ok when both are present and agree within the tolerance. */
export function compare(rule: string, expected: number | null, actual: number | null, detail: string, line: number | null, tolerance = CHECK_TOLERANCE): CheckRecord {
	const ok = expected !== null && actual !== null && Math.abs(expected - actual) <= tolerance + 1e-9;
	return {
		rule,
		expected: expected === null ? null : round2(expected),
		actual: actual === null ? null : round2(actual),
		ok,
		detail,
		line
	};
}

/** Sums values, or null when any is unknown (an unknown figure makes the sum unknown). */
export function sumOrNull(values: readonly (number | null)[]): number | null {
	let s = 0;
	for (const v of values) {
		if (v === null) return null;
		s += v;
	}
	return round2(s);
}
