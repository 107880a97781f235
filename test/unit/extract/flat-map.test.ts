import { describe, expect, it } from 'vitest';
import { flatMap } from '../../../src/lib/extract/flat-map';

describe('flatMap (the builtin as a loop)', () => {
	it('gives what Array.prototype.flatMap gives for callbacks that return arrays', () => {
		const rows = [{ cells: ['a', 'b'] }, { cells: [] }, { cells: ['c'] }];
		expect(flatMap(rows, (r) => r.cells)).toEqual(rows.flatMap((r) => r.cells));
		expect(flatMap(rows, (r) => r.cells)).toEqual(['a', 'b', 'c']);
	});

	it('passes each item its index, in order', () => {
		const roles = ['part', 'name', 'part', 'part'];
		expect(flatMap(roles, (r, i) => (r === 'part' ? [i] : []))).toEqual([0, 2, 3]);
	});

	it('flattens one level only and gives a new array', () => {
		const nested = [[[1]], [[2, 3]]];
		const out = flatMap(nested, (x) => x);
		expect(out).toEqual([[1], [2, 3]]);
		expect(out[0]).toBe(nested[0][0]);
		const cells = ['x'];
		expect(flatMap([cells], (c) => c)).not.toBe(cells);
	});

	it('gives an empty array for no items', () => {
		expect(flatMap([] as number[][], (x) => x)).toEqual([]);
	});
});
