import { describe, expect, it } from 'vitest';
import { isAmountCell, isNumberCell, parseAmount } from '../../../src/lib/extract/amount';

/** The form amounts had before the scan, with the regex and Number() it was read by: the reference. */
const REFERENCE_FORM = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const MARKERS = new Set(['-', '—', '–', '－', '——', '/', '／']);
const ascii = (t: string) => t.replace(/[０-９．，－]/g, (c) => ({ '．': '.', '，': ',', '－': '-' })[c] ?? String.fromCharCode(c.charCodeAt(0) - 0xfee0));
function reference(cell: string): { number: number | null; amount: boolean } {
	const t = ascii(cell.trim());
	const number = REFERENCE_FORM.test(t) ? Number(t.replace(/,/g, '')) : null;
	return { number, amount: number !== null || MARKERS.has(t) };
}

/** A seeded generator (mulberry32): the same cells on every run. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('amount cells', () => {
	it('reads printed amounts, full-width ones too, and rejects what is not one', () => {
		expect(parseAmount('1,234.56')).toBe(1234.56);
		expect(parseAmount(' 38.40 ')).toBe(38.4);
		expect(parseAmount('１２．５')).toBe(12.5);
		expect(parseAmount('１，２３４．０５')).toBe(1234.05);
		expect(parseAmount('－３')).toBe(-3);
		expect(Object.is(parseAmount('-0.00'), -0)).toBe(true);
		for (const bad of ['1,2345', '1234,567', '12.', '.5', '1e5', '1-2', '12,34', '3 4', '']) expect(parseAmount(bad)).toBeNull();
		expect(parseAmount('—')).toBeNull();
		expect(isAmountCell('—')).toBe(true);
		expect(isNumberCell('—')).toBe(false);
		expect(isAmountCell('合计')).toBe(false);
	});

	it('agrees with the regex and Number() on random cells of digits and separators, long numbers included', () => {
		const next = random(2026);
		const alphabet = [...'0123456789,.-', ...'０１２３４５６７８９，．－', '—', '/', ' '];
		const digitsOnly = '0123456789';
		const cells: string[] = [];
		for (let i = 0; i < 10_000; i++) {
			const length = 1 + Math.floor(next() * 12);
			cells.push(Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
		}
		// Well-formed amounts of every size, up to more digits than a double holds exactly.
		for (let i = 0; i < 10_000; i++) {
			const whole = Array.from({ length: 1 + Math.floor(next() * 20) }, () => digitsOnly[Math.floor(next() * 10)]).join('');
			const fraction = next() < 0.7 ? '.' + Array.from({ length: 1 + Math.floor(next() * 6) }, () => digitsOnly[Math.floor(next() * 10)]).join('') : '';
			const grouped = next() < 0.5 ? Number(whole).toLocaleString('en-US', { useGrouping: true, maximumFractionDigits: 0 }) : whole;
			cells.push((next() < 0.2 ? '-' : '') + grouped + fraction);
		}
		let numbers = 0;
		const disagreements: string[] = [];
		for (const cell of cells) {
			const want = reference(cell);
			if (want.number !== null) numbers++;
			const got = { number: parseAmount(cell), amount: isAmountCell(cell), isNumber: isNumberCell(cell) };
			if (!Object.is(got.number, want.number) || got.amount !== want.amount || got.isNumber !== (want.number !== null)) disagreements.push(`${JSON.stringify(cell)}: ${JSON.stringify(got)}`);
		}
		expect(disagreements.slice(0, 5)).toEqual([]);
		// The random cells are not all rejected: the comparison covers numbers.
		expect(numbers).toBeGreaterThan(10_000);
	});
});
