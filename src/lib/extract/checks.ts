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

/** Records `expected` vs `actual`; ok when both are present and agree within the tolerance. */
export function compare(rule: string, expected: number | null, actual: number | null, detail: string, line: number | null): CheckRecord {
	const ok = expected !== null && actual !== null && Math.abs(expected - actual) <= CHECK_TOLERANCE + 1e-9;
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
