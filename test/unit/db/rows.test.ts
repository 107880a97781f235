/**
 * Arrow results → plain rows (src/lib/db/rows.ts) over a table of several record batches, as DuckDB
 * returns a large result: every row once, in order, each value converted.
 */
import { describe, expect, it } from 'vitest';
import { Float64, Int64, Table, Utf8, tableFromJSON, vectorFromArray } from 'apache-arrow';
import { arrowToRows } from '../../../src/lib/db/rows';

describe('arrowToRows', () => {
	it('reads every batch in order, converting BigInt, lists and structs', () => {
		const batch = (name: string[], n: bigint[], x: number[]) =>
			new Table({ n: vectorFromArray(n, new Int64()), x: vectorFromArray(x, new Float64()), name: vectorFromArray(name, new Utf8()) }).batches;
		const table = new Table([...batch(['甲', '乙'], [1n, 2n], [1.5, 2.5]), ...batch(['丙'], [3n], [3.5])]);
		expect(table.batches).toHaveLength(2);
		expect(arrowToRows(table)).toEqual([
			{ n: 1, x: 1.5, name: '甲' },
			{ n: 2, x: 2.5, name: '乙' },
			{ n: 3, x: 3.5, name: '丙' }
		]);
	});

	it('keeps nulls and turns nested values into arrays and objects', () => {
		const table = tableFromJSON([
			{ unit: '政务办', years: [2021, 2022], at: { year: 2021, total: 1.25 } },
			{ unit: null, years: [], at: { year: 2022, total: null } }
		]);
		expect(arrowToRows(table)).toEqual([
			{ unit: '政务办', years: [2021, 2022], at: { year: 2021, total: 1.25 } },
			{ unit: null, years: [], at: { year: 2022, total: null } }
		]);
	});
});
