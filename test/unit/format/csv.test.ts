import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { csvCell, csvFileName, toCsv } from '../../../src/lib/format';

describe('toCsv', () => {
	const columns = [
		{ key: 'district', header: '区县' },
		{ key: 'name', header: '科目名称' },
		{ key: 'total', header: '合计（万元）' }
	] as const;

	it('starts with a BOM, writes a Chinese header row and CRLF line ends', () => {
		const text = toCsv(columns, [{ district: '綦江区', name: '一般公共服务支出', total: 1056.45 }]);
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text.slice(1)).toBe('区县,科目名称,合计（万元）\r\n綦江区,一般公共服务支出,1056.45\r\n');
	});

	it('quotes per RFC 4180', () => {
		expect(csvCell('a,b')).toBe('"a,b"');
		expect(csvCell('say "hi"')).toBe('"say ""hi"""');
		expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
		expect(csvCell('plain')).toBe('plain');
	});

	it.each([['=SUM(A1:A9)'], ['+1'], ['-2+3'], ['@cmd'], ['\tx'], ['\rx']])('neutralises formula-like text %j', (text) => {
		const cell = csvCell(text);
		expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
	});

	it('keeps a formula that needs quoting quoted after escaping', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
	});

	it('writes numbers as numbers (a negative amount is not escaped) and blanks for null', () => {
		expect(csvCell(-12.5)).toBe('-12.5');
		expect(csvCell(null)).toBe('');
		expect(csvCell(undefined)).toBe('');
		expect(csvCell(true)).toBe('true');
		const text = toCsv(columns, [{ district: '北碚区', name: null, total: null }]);
		expect(text.split('\r\n')[1]).toBe('北碚区,,');
	});
});

describe('csvFileName', () => {
	it('carries the table and the filters', () => {
		const name = csvFileName('function', { ...EMPTY_FILTERS, districts: ['九龙坡区'], years: { from: 2021, to: 2025 }, kind: 'budget' });
		expect(name).toBe('budget-lens_function_九龙坡区_2021-2025_budget.csv');
	});

	it('omits defaults and joins lists', () => {
		expect(csvFileName('summary', EMPTY_FILTERS)).toBe('budget-lens_summary.csv');
		expect(csvFileName('three_public', { ...EMPTY_FILTERS, districts: ['九龙坡区', '北碚区'], years: { from: 2023, to: 2023 }, code: '201' })).toBe(
			'budget-lens_three_public_九龙坡区+北碚区_2023_201.csv'
		);
	});

	it('replaces characters no file system accepts and caps the length', () => {
		expect(csvFileName('function', { ...EMPTY_FILTERS, departments: ['a/b\\c:d*e?"<>|'] })).toBe('budget-lens_function_a-b-c-d-e-----.csv');
		const long = csvFileName('function', { ...EMPTY_FILTERS, districts: Array.from({ length: 40 }, (_, i) => `区${i}`) });
		expect([...long.replace(/\.csv$/, '')].length).toBeLessThanOrEqual(80);
		expect(long.endsWith('.csv')).toBe(true);
	});
});
