/**
 * Row types derived from the schema. The `@ts-expect-error` lines are the compile-time half of
 * this test: `npx tsc --noEmit -p .` fails if a misnamed or missing field stops being an error.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { emptyTableRows, type ColumnName, type RowOf, type TableRows } from '../../../src/lib/storage/rows';
import { TABLES, TABLE_NAMES } from '../../../src/lib/storage/schema';

describe('RowOf', () => {
	it('maps each column to its value type or null', () => {
		expectTypeOf<RowOf<'function_expenditure'>['code']>().toEqualTypeOf<string | null>();
		expectTypeOf<RowOf<'function_expenditure'>['level']>().toEqualTypeOf<number | null>();
		expectTypeOf<RowOf<'function_expenditure'>['total']>().toEqualTypeOf<number | null>();
		expectTypeOf<RowOf<'checks'>['ok']>().toEqualTypeOf<boolean | null>();
		expectTypeOf<ColumnName<'three_public'>>().toEqualTypeOf<'doc_id' | 'item' | 'budget' | 'actual' | 'source_line' | 'source_page' | 'source_file'>();
	});

	it('refuses a misnamed field and a missing one at compile time', () => {
		const good: RowOf<'summary'> = { doc_id: 'd', measure: 'basic', value: 1, source: 'table', source_line: 3, source_page: null, source_file: 'a.txt' };
		// @ts-expect-error — `valeu` is not a column of summary
		const misnamed: RowOf<'summary'> = { doc_id: 'd', measure: 'basic', valeu: 1, value: 1, source: 'table', source_line: 3, source_page: null, source_file: 'a.txt' };
		// @ts-expect-error — source_file is missing
		const missing: RowOf<'summary'> = { doc_id: 'd', measure: 'basic', value: 1, source: 'table', source_line: 3, source_page: null };
		// @ts-expect-error — a year is an INTEGER, not text
		const wrongType: Partial<RowOf<'documents'>> = { year: '2021' };
		expect([good, misnamed, missing, wrongType]).toHaveLength(4);
	});
});

describe('emptyTableRows', () => {
	it('has an empty list for every contract table and nothing else', () => {
		const rows: TableRows = emptyTableRows();
		expect(Object.keys(rows)).toEqual(TABLE_NAMES);
		expect(Object.values(rows).every((r) => r.length === 0)).toBe(true);
	});

	it('keys every column spec by a literal name', () => {
		// The literal names are what RowOf is built from; a widened `string` would make RowOf accept anything.
		const names: ColumnName<'documents'>[] = TABLES.documents.columns.map((c) => c.name);
		expect(names).toContain('source_format');
	});
});
