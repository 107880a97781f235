import { describe, expect, it } from 'vitest';
import { formatChange, formatPercent, formatShares, formatWan, formatWanWithUnit, MISSING } from '../../../src/lib/format';

describe('formatWan', () => {
	it.each([
		[1172.15, '1,172.15'],
		[495, '495.00'],
		[2465.555, '2,465.56'],
		[0, '0.00'],
		[0.1, '0.10'],
		[1234567.891, '1,234,567.89'],
		[-1865.43, '-1,865.43'],
		[-0.001, '0.00']
	])('%d → %s', (n, text) => expect(formatWan(n)).toBe(text));

	it('shows a missing figure as — and never as 0', () => {
		expect(formatWan(null)).toBe('—');
		expect(formatWan(undefined)).toBe('—');
		expect(formatWan(Number.NaN)).toBe(MISSING);
	});

	it('adds the unit', () => {
		expect(formatWanWithUnit(6.5)).toBe('6.50 万元');
		expect(formatWanWithUnit(null)).toBe('—');
	});
});

describe('formatPercent and formatChange', () => {
	it('formats ratios', () => {
		expect(formatPercent(677.15 / 1172.15)).toBe('57.8%');
		expect(formatPercent(1)).toBe('100.0%');
		expect(formatPercent(0.12345, 2)).toBe('12.35%');
		expect(formatPercent(-0.0001)).toBe('0.0%');
		expect(formatPercent(null)).toBe('—');
	});

	it('signs changes that survive rounding', () => {
		expect(formatChange(0.125)).toBe('+12.5%');
		expect(formatChange(-0.03)).toBe('-3.0%');
		expect(formatChange(0.0001)).toBe('0.0%');
		expect(formatChange(null)).toBe('—');
	});
});

describe('formatShares', () => {
	const total = (texts: string[]) => texts.reduce((s, t) => s + Number.parseFloat(t), 0);

	it('prints the parts of a whole so that they add up to 100.0%', () => {
		// rounded one by one these would print 0.1% + 100.0% and 33.3% × 3 = 99.9%
		expect(formatShares([0.0005, 0.9995])).toEqual(['0.1%', '99.9%']);
		expect(formatShares([1 / 3, 1 / 3, 1 / 3])).toEqual(['33.4%', '33.3%', '33.3%']);
		expect(formatShares([0.7315, 0.2685])).toEqual(['73.2%', '26.8%']);
		for (const basic of [0.6632, 0.24340600, 0.73151788, 0.00049, 0.99951]) {
			expect(total(formatShares([basic, 1 - basic]))).toBeCloseTo(100, 9);
		}
	});

	it('leaves a part that is not given as —', () => {
		expect(formatShares([null, 1])).toEqual(['—', '100.0%']);
		expect(formatShares([null, null])).toEqual(['—', '—']);
	});
});
