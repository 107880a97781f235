/**
 * The runtime row check of the contract: a row must carry exactly its table's columns, each with a
 * value of the column's type or null. (The same shape is enforced at compile time by RowOf.)
 */
import { describe, expect, it } from 'vitest';
import { RowShapeError, checkRow, checkRows, rowsByColumn } from '../../../src/lib/storage/validate';
import type { RowOf } from '../../../src/lib/storage/rows';

const threePublic = (): RowOf<'three_public'> => ({
	doc_id: 'd1', item: 'total', budget: 12.5, actual: null, source_line: 7, source_page: null, source_file: 'a.txt'
});

function errorOf(fn: () => void): RowShapeError {
	try {
		fn();
	} catch (error) {
		if (error instanceof RowShapeError) return error;
		throw error;
	}
	throw new Error('expected a RowShapeError');
}

describe('checkRow', () => {
	it('accepts a row with every column of its table, nulls included', () => {
		expect(() => checkRow('three_public', threePublic(), 0)).not.toThrow();
	});

	it('rejects an unknown key, naming table, row and key', () => {
		const row = { ...threePublic(), budgt: 1 };
		const e = errorOf(() => checkRow('three_public', row, 4));
		expect(e.message).toBe('three_public row 5 (doc d1): unknown column "budgt"');
		expect(e).toMatchObject({ table: 'three_public', index: 4, key: 'budgt' });
	});

	it('rejects a missing key and a key left undefined — neither may become a silent NULL', () => {
		const { actual: _dropped, ...missing } = threePublic();
		expect(errorOf(() => checkRow('three_public', missing, 0)).message).toBe('three_public row 1 (doc d1): missing column "actual"');
		const undef = { ...threePublic(), source_page: undefined };
		expect(errorOf(() => checkRow('three_public', undef, 1)).key).toBe('source_page');
	});

	it('rejects a value of the wrong type', () => {
		const cases: [Record<string, unknown>, string][] = [
			[{ ...threePublic(), budget: '12.5' }, 'column "budget": "12.5" is not DOUBLE'],
			[{ ...threePublic(), budget: Number.NaN }, 'column "budget": NaN is not DOUBLE'],
			[{ ...threePublic(), source_line: 7.5 }, 'column "source_line": 7.5 is not INTEGER'],
			[{ ...threePublic(), source_line: 2 ** 31 }, 'column "source_line": 2147483648 is not INTEGER'],
			[{ ...threePublic(), item: 3 }, 'column "item": 3 is not VARCHAR']
		];
		for (const [row, message] of cases) expect(errorOf(() => checkRow('three_public', row, 0)).message).toContain(message);
		expect(errorOf(() => checkRow('checks', { doc_id: 'd', rule: 'r', expected: 1, actual: 1, ok: 1, detail: null, source_line: null, source_page: null, source_file: null }, 0)).message).toContain(
			'column "ok": 1 is not BOOLEAN'
		);
	});

	it('names no doc when the row has none (a file that could not be read)', () => {
		const row = { doc_id: null, source_file: 'x.pdf', severity: 'error', stage: 'decode', source_line: null, source_page: null, message: 'm', extra: 1 };
		expect(errorOf(() => checkRow('diagnostics', row, 2)).message).toBe('diagnostics row 3: unknown column "extra"');
	});
});

describe('checkRows', () => {
	it('counts row indexes from the given first index', () => {
		const rows = [threePublic(), { ...threePublic(), itme: 'x' }];
		expect(errorOf(() => checkRows('three_public', rows, 10)).index).toBe(11);
	});
});

describe('rowsByColumn', () => {
	it("gives the rows' values column by column, in the contract's order, whatever order a row's keys were made in", () => {
		const { doc_id, ...rest } = threePublic();
		const reordered = { ...rest, item: 'vehicle', doc_id }; // same keys, doc_id last
		expect(rowsByColumn('three_public', [threePublic(), reordered])).toEqual([
			['d1', 'd1'],
			['total', 'vehicle'],
			[12.5, 12.5],
			[null, null],
			[7, 7],
			[null, null],
			['a.txt', 'a.txt']
		]);
	});

	it('rejects what checkRow rejects, with the same error, and a key after all the columns', () => {
		const rows = [threePublic(), { ...threePublic(), extra: 1 }];
		const e = errorOf(() => rowsByColumn('three_public', rows, 10));
		expect(e.message).toBe(errorOf(() => checkRow('three_public', rows[1] as object, 11)).message);
		expect(e).toMatchObject({ index: 11, key: 'extra' });
		expect(errorOf(() => rowsByColumn('three_public', [{ ...threePublic(), budget: '12.5' }])).message).toContain('column "budget": "12.5" is not DOUBLE');
		expect(errorOf(() => rowsByColumn('three_public', [{ ...threePublic(), source_page: undefined }])).key).toBe('source_page');
	});
});
