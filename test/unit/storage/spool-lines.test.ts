/**
 * The writer's spool lines, as a worker thread encodes them (spool-lines.ts) and the writer numbers
 * them: a batch of one table's rows by column a line, with `_seq`, amounts in whole cents.
 */
import { describe, expect, it } from 'vitest';
import { encodeRows, isEncodedRows, numberLines, recycleLines, ROWS_PER_LINE, transferables } from '../../../scripts/lib/spool-lines';
import type { RowOf } from '../../../src/lib/storage/rows';
import { TABLES } from '../../../src/lib/storage/schema';
import { spoolRows } from './spool-rows';

const readBack = (text: string) => spoolRows(text, TABLES.three_public.columns);

const tp = (item: string, budget: number | null, over: Partial<RowOf<'three_public'>> = {}): RowOf<'three_public'> => ({
	doc_id: 'd1', item, budget, actual: null, source_line: 3, source_page: null, source_file: 'a.txt', ...over
});

function textOf(rows: RowOf<'three_public'>[], first: number): string {
	const encoded = encodeRows({ three_public: rows });
	const table = encoded.tables.three_public;
	if (!table) throw new Error('no lines');
	numberLines(table.lines, table.count, first);
	return new TextDecoder().decode(table.lines);
}

describe('encodeRows + numberLines', () => {
	it('gives a numbered line of the rows by column, amounts rounded to the cent, -0 kept, text exact', () => {
		const text = 'a"b\\c\n\t\'é𠀀\u2028\ud800';
		const lines = textOf([tp('total', 12.345678, { actual: -0.001, source_file: text }), tp('vehicle', 0.1 + 0.2), tp('outbound', 7.5)], 9_999_999);
		expect(lines.endsWith('\n')).toBe(true);
		expect(lines.split('\n')).toHaveLength(2); // one line, and the empty string after its line end
		expect(readBack(lines)).toEqual([
			{ _seq: 9_999_999, ...tp('total', 12.35, { actual: -0, source_file: text }) },
			{ _seq: 9_999_999, ...tp('vehicle', 0.3) },
			{ _seq: 9_999_999, ...tp('outbound', 7.5) }
		]);
		expect(lines).toContain('"budget":[1235,30,750]'); // whole cents: the writer divides by 100
		expect(lines).toContain('"actual":[-0.0,null,null]'); // JSON.parse reads 0 for -0.0, DuckDB keeps the sign
		// doc_id and source_line are the same in all three rows, source_page null in all: written once, and left out
		expect(Object.keys(JSON.parse(lines))).toEqual(['_seq', '_n', 'all:doc_id', 'item', 'budget', 'actual', 'all:source_line', 'source_file']);
	});

	it('keeps rows apart whatever their text holds (brackets, quotes, a trailing backslash, line ends)', () => {
		const texts = ['x"],["item":"y', 'ends with \\', '"]}\n{"', '}\n{'];
		const rows = texts.map((t, i) => tp(`i${i}`, i, { source_file: t }));
		expect(readBack(textOf(rows, 0))).toEqual(rows.map((r) => ({ _seq: 0, ...r })));
	});

	it(`cuts a batch of more than ${ROWS_PER_LINE} rows into lines, numbered in order`, () => {
		const rows = Array.from({ length: 2 * ROWS_PER_LINE + 1 }, (_, i) => tp(`i${i}`, i / 3));
		const encoded = encodeRows({ three_public: rows });
		const table = encoded.tables.three_public;
		expect(table?.count).toBe(3);
		expect(table?.rows).toBe(rows.length);
		numberLines(table!.lines, table!.count, 7);
		const back = readBack(new TextDecoder().decode(table!.lines));
		expect(back.map((r) => r._seq)).toEqual(rows.map((_, i) => 7 + Math.floor(i / ROWS_PER_LINE)));
		expect(back.map((r) => r.item)).toEqual(rows.map((r) => r.item));
		expect(back[4]?.budget).toBe(1.33);
	});

	it('writes a value shared by every row of a line once, leaves out a column null in every row, and keeps amounts by row', () => {
		const rows = [tp('total', 5, { actual: 5 }), tp('vehicle', 5, { actual: 5 })];
		const lines = textOf(rows, 0);
		expect(JSON.parse(lines)).toEqual({ _seq: 0, _n: 2, 'all:doc_id': 'd1', item: ['total', 'vehicle'], budget: [500, 500], actual: [500, 500], 'all:source_line': 3, 'all:source_file': 'a.txt' });
		expect(readBack(lines)).toEqual(rows.map((r) => ({ _seq: 0, ...r })));
		// a line of one row keeps its arrays: nothing to share
		expect(JSON.parse(textOf([tp('total', 1)], 0))).toMatchObject({ _n: 1, doc_id: ['d1'], source_line: [3] });
	});

	it('checks every table before encoding any', () => {
		const bad = { ...tp('total', 1), budgt: 2 };
		expect(() => encodeRows({ three_public: [tp('x', 1)], summary: [bad as never] })).toThrow(/^summary row 1 \(doc d1\): unknown column/);
	});

	it('leaves out empty tables, and transfers one buffer for all of them', () => {
		const encoded = encodeRows({ three_public: [tp('total', 1)], summary: [] });
		expect(isEncodedRows(encoded)).toBe(true);
		expect(Object.keys(encoded.tables)).toEqual(['three_public']);
		expect(transferables(encoded)).toHaveLength(1);
		const two = encodeRows({ three_public: [tp('total', 1), tp('vehicle', 2)], summary: [{ doc_id: 'd1', measure: 'm', value: 1.5, source: 't', source_line: 1, source_page: null, source_file: 'a.txt' }] });
		expect(transferables(two)).toHaveLength(1);
		expect(two.tables.summary?.lines.buffer).toBe(two.tables.three_public?.lines.buffer);
		expect(new TextDecoder().decode(two.tables.summary?.lines)).toMatch(/^\{"_seq": +,"_n":1,"doc_id":\["d1"\].*"value":\[150\].*\}\n$/);
	});

	it('encodes into a buffer given back once it fits, over what the buffer held before', () => {
		const first = encodeRows({ three_public: Array.from({ length: 40 }, (_, i) => tp(`long item ${i}`, i)) });
		const [buffer] = transferables(first);
		const rows = [tp('total', 1), tp('vehicle', 2)];
		const fresh = new TextDecoder().decode(encodeRows({ three_public: rows }).tables.three_public?.lines);
		recycleLines(buffer as ArrayBuffer);
		const reused = encodeRows({ three_public: rows }).tables.three_public;
		expect(reused?.lines.buffer).toBe(buffer);
		expect(new TextDecoder().decode(reused?.lines)).toBe(fresh);
		// given back once, used once: the next rows get a buffer of their own
		expect(encodeRows({ three_public: rows }).tables.three_public?.lines.buffer).not.toBe(buffer);
	});
});
