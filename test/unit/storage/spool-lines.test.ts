/**
 * The writer's spool lines, as a worker thread encodes them (spool-lines.ts) and the writer numbers
 * them: one JSON object per line with the contract's columns and `_seq`, amounts to the cent.
 */
import { describe, expect, it } from 'vitest';
import { encodeRows, isEncodedRows, numberLines, transferables } from '../../../scripts/lib/spool-lines';
import type { RowOf } from '../../../src/lib/storage/rows';

const tp = (item: string, budget: number | null, over: Partial<RowOf<'three_public'>> = {}): RowOf<'three_public'> => ({
	doc_id: 'd1', item, budget, actual: null, source_line: 3, source_page: null, source_file: 'a.txt', ...over
});

function linesOf(rows: RowOf<'three_public'>[], first: number): string[] {
	const encoded = encodeRows({ three_public: rows });
	const table = encoded.tables.three_public;
	if (!table) throw new Error('no lines');
	numberLines(table.lines, table.rows, first);
	return new TextDecoder().decode(table.lines).split('\n');
}

describe('encodeRows + numberLines', () => {
	it('gives one numbered JSON line per row, amounts rounded to the cent, -0 kept, text exact', () => {
		const text = 'a"b\\c\n\t\'é𠀀\u2028';
		const lines = linesOf([tp('total', 12.345678, { actual: -0.001, source_file: text }), tp('vehicle', 0.1 + 0.2), tp('outbound', 7.5)], 9_999_999);
		expect(lines.pop()).toBe(''); // the last line ends in a newline too
		expect(lines.map((l) => JSON.parse(l))).toEqual([
			{ _seq: 9_999_999, ...tp('total', 12.35, { actual: -0, source_file: text }) },
			{ _seq: 10_000_000, ...tp('vehicle', 0.3) },
			{ _seq: 10_000_001, ...tp('outbound', 7.5) }
		]);
		expect(lines[0]).toContain('"actual":-0.0'); // JSON.parse reads 0 for -0.0, DuckDB keeps the sign
	});

	it('keeps rows apart whatever their text holds (braces, quotes, a trailing backslash)', () => {
		const texts = ['x},{"item":"y', 'ends with \\', '"},{"', '}\n{'];
		const rows = texts.map((t, i) => tp(`i${i}`, i, { source_file: t }));
		const lines = linesOf(rows, 0);
		expect(lines.pop()).toBe('');
		expect(lines.map((l) => JSON.parse(l))).toEqual(rows.map((r, i) => ({ _seq: i, ...r })));
	});

	it('checks every table before encoding any', () => {
		const bad = { ...tp('total', 1), budgt: 2 };
		expect(() => encodeRows({ three_public: [tp('x', 1)], summary: [bad as never] })).toThrow(/^summary row 1 \(doc d1\): unknown column/);
	});

	it('leaves out empty tables, and transfers one buffer per table', () => {
		const encoded = encodeRows({ three_public: [tp('total', 1)], summary: [] });
		expect(isEncodedRows(encoded)).toBe(true);
		expect(Object.keys(encoded.tables)).toEqual(['three_public']);
		expect(transferables(encoded)).toHaveLength(1);
		const two = encodeRows({ three_public: [tp('total', 1), tp('vehicle', 2)], summary: [{ doc_id: 'd1', measure: 'm', value: 1.5, source: 't', source_line: 1, source_page: null, source_file: 'a.txt' }] });
		expect(transferables(two)).toHaveLength(2);
		expect(new TextDecoder().decode(two.tables.summary?.lines)).toMatch(/^\{"_seq": +,"doc_id":"d1".*"value":1\.5.*\}\n$/);
	});

	it('rounds a row in a table of rows that need none, and keeps its keys as they were', () => {
		const lines = linesOf([tp('total', 1), tp('vehicle', 2.004, { actual: 1 / 3 }), tp('outbound', 3)], 0);
		expect(lines.pop()).toBe('');
		expect(lines[1]).toBe(`{"_seq":${' '.repeat(15)}1,${JSON.stringify(tp('vehicle', 2, { actual: 0.33 })).slice(1)}`);
		expect(lines.map((l) => JSON.parse(l).item)).toEqual(['total', 'vehicle', 'outbound']);
	});
});
