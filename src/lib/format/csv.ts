/**
 * CSV export: UTF-8 with a BOM (so Excel opens Chinese text correctly), RFC 4180 quoting and CRLF
 * line ends, and text cells that a spreadsheet would run as a formula neutralised.
 */
import type { Filters } from '$lib/filters/model';

/** A CSV column: the row key to read and the (Chinese) header to print. */
export interface CsvColumn<K extends string = string> {
	key: K;
	header: string;
}

/** A cell value as rows carry it. */
export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';

/**
 * Text beginning with = + - @ (or tab / CR, which some spreadsheets skip before looking) would be
 * read as a formula: prefix `'` so it stays text (OWASP "CSV injection"). Numbers are written as
 * numbers and need no escape; a negative amount stays a number.
 */
function neutraliseFormula(text: string): string {
	return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: quote a field containing a quote, comma, CR or LF; double embedded quotes. */
function quote(text: string): string {
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One cell as CSV text. */
export function csvCell(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	return quote(neutraliseFormula(value));
}

/** The whole file: BOM, header row, one line per row, CRLF after every line. */
export function toCsv<K extends string>(columns: readonly CsvColumn<K>[], rows: readonly Partial<Record<K, CsvValue>>[]): string {
	const lines = [columns.map((c) => csvCell(c.header))];
	for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.key])));
	return BOM + lines.map((cells) => cells.join(',') + '\r\n').join('');
}

/** Characters no file system accepts in a name, plus controls. */
const UNSAFE_FILENAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/** Parts of a file name that describe the filters, defaults omitted. */
function filterParts(f: Filters): string[] {
	const parts: string[] = [];
	if (f.districts.length > 0) parts.push(f.districts.join('+'));
	if (f.years) parts.push(f.years.from === f.years.to ? `${f.years.from}` : `${f.years.from}-${f.years.to}`);
	if (f.kind !== 'both') parts.push(f.kind);
	if (f.departments.length > 0) parts.push(f.departments.join('+'));
	if (f.code !== null) parts.push(f.code);
	return parts;
}

/**
 * A download name carrying the table and filters:
 * `budget-lens_function_九龙坡区_2021-2025_budget.csv`. Unsafe characters become `-`; very long
 * names are cut (many file systems cap names at 255 bytes).
 */
export function csvFileName(tableName: string, filters: Filters): string {
	const stem = ['budget-lens', tableName, ...filterParts(filters)].join('_').replace(UNSAFE_FILENAME, '-');
	// 80 characters of CJK is 240 bytes in UTF-8, under the usual 255-byte limit with ".csv".
	return `${[...stem].slice(0, 80).join('')}.csv`;
}
