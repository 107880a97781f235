/**
 * Excel workbooks for a briefing: data sheets (numbers stored as numbers, 万元 with two decimals,
 * percentages as percentages, a frozen header row, columns as wide as their contents), a sheet
 * 来源文件 naming the disclosures behind the rows, and a sheet 说明 with the caption.
 *
 * Pure: ExcelJS is handed in (the browser loads it only when a user asks for a workbook, see
 * ./xlsx.ts; tests import it directly), and only its types are imported here, so this module adds
 * nothing to a page's first load.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { kindLabel } from '$lib/format/labels';
import { formatWan } from '$lib/format/number';
import { captionLines, type Caption } from './caption';
import type { SourceDoc } from './sources';
import { APP_NAME } from './caption';

/**
 * How a column's values are stored: `wan` an amount in 万元 (`#,##0.00`); `percent` a value in
 * percentage points (45.3 means 45.3 %), stored as the fraction 0.453 with a `%` format; `int` a
 * whole number printed as is (years: no thousands separator); `text` as given.
 */
export type XlsxFormat = 'wan' | 'percent' | 'int' | 'text';

export interface XlsxColumn {
	key: string;
	/** The Chinese header. */
	header: string;
	format: XlsxFormat;
}

export type XlsxValue = string | number | boolean | null | undefined;

export interface XlsxSheet {
	name: string;
	columns: readonly XlsxColumn[];
	rows: readonly Readonly<Record<string, XlsxValue>>[];
}

export interface WorkbookSpec {
	sheets: readonly XlsxSheet[];
	sources: readonly SourceDoc[];
	caption?: Caption;
}

/** The part of the ExcelJS module this builder uses. */
export interface ExcelModule {
	Workbook: new () => Workbook;
}

export const NUM_FMT: Record<Exclude<XlsxFormat, 'text'>, string> = {
	wan: '#,##0.00',
	percent: '0.0%',
	int: '0'
};

export const SOURCES_SHEET = '来源文件';
export const NOTES_SHEET = '说明';

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_FORBIDDEN = /[[\]:*?/\\]/g;
const SHEET_MAX = 31;

/**
 * A sheet name Excel accepts: forbidden characters dropped, at most 31 characters, not empty,
 * not starting or ending with `'`, and unique among `taken` (compared case-insensitively, as
 * Excel does) by a `(2)` suffix. Adds the name to `taken`.
 */
export function sheetName(raw: string, taken: Set<string>): string {
	const base = [...raw.replace(SHEET_FORBIDDEN, '').replace(/^'+|'+$/g, '').trim()].slice(0, SHEET_MAX).join('') || '数据';
	let name = base;
	for (let n = 2; taken.has(name.toLowerCase()); n++) {
		const suffix = `(${n})`;
		name = [...base].slice(0, SHEET_MAX - suffix.length).join('') + suffix;
	}
	taken.add(name.toLowerCase());
	return name;
}

/**
 * Display width in Excel's character units: CJK and other full-width characters count double
 * (a column width counts widths of the digit `0`).
 */
export function displayWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
	return w;
}

/** A cell as Excel will show it, to size its column. */
function shownText(value: XlsxValue, format: XlsxFormat): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number' && format === 'wan') return formatWan(value);
	if (typeof value === 'number' && format === 'percent') return `${value.toFixed(1)}%`;
	return String(value);
}

/** The stored value: numbers stay numbers (percentage points become fractions). */
function storedValue(value: XlsxValue, format: XlsxFormat): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return null;
		return format === 'percent' ? value / 100 : value;
	}
	return value;
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** Width of a column: its widest cell or header, plus a little air, within sane bounds. */
export function columnWidth(column: XlsxColumn, rows: XlsxSheet['rows']): number {
	let widest = displayWidth(column.header);
	for (const row of rows) widest = Math.max(widest, displayWidth(shownText(row[column.key], column.format)));
	return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

function addSheet(wb: Workbook, name: string, sheet: Pick<XlsxSheet, 'columns' | 'rows'>): Worksheet {
	// frozen header: the header row stays in view while scrolling the figures
	const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
	ws.columns = sheet.columns.map((c) => ({
		header: c.header,
		key: c.key,
		width: columnWidth(c, sheet.rows),
		style: c.format === 'text' ? {} : { numFmt: NUM_FMT[c.format] }
	}));
	for (const row of sheet.rows) {
		ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, storedValue(row[c.key], c.format)])));
	}
	ws.getRow(1).font = { bold: true };
	return ws;
}

const SOURCE_COLUMNS: XlsxColumn[] = [
	{ key: 'district', header: '地区', format: 'text' },
	{ key: 'unit', header: '单位', format: 'text' },
	{ key: 'year', header: '年度', format: 'int' },
	{ key: 'kind', header: '类型', format: 'text' },
	{ key: 'title', header: '标题', format: 'text' },
	{ key: 'source_file', header: '文件', format: 'text' },
	{ key: 'doc_id', header: 'doc_id', format: 'text' }
];

/** The 来源文件 sheet's rows: one per disclosure, its kind in Chinese. */
export function sourceRows(sources: readonly SourceDoc[]): Record<string, XlsxValue>[] {
	return sources.map((s) => ({ ...s, kind: kindLabel(s.kind) }));
}

/** Builds the workbook: the data sheets in order, then 来源文件, then 说明 (when a caption is given). */
export function buildWorkbook(ExcelJS: ExcelModule, spec: WorkbookSpec): Workbook {
	const wb = new ExcelJS.Workbook();
	wb.creator = APP_NAME;
	wb.title = spec.caption?.title ?? '';
	const taken = new Set<string>([SOURCES_SHEET, NOTES_SHEET]);
	for (const sheet of spec.sheets) addSheet(wb, sheetName(sheet.name, taken), sheet);
	addSheet(wb, SOURCES_SHEET, { columns: SOURCE_COLUMNS, rows: sourceRows(spec.sources) });
	if (spec.caption) {
		const notes = [{ key: 'text', header: '说明', format: 'text' as const }];
		addSheet(wb, NOTES_SHEET, { columns: notes, rows: captionLines(spec.caption).map((text) => ({ text })) });
	}
	return wb;
}

/** The workbook as .xlsx bytes. */
export async function workbookBytes(ExcelJS: ExcelModule, spec: WorkbookSpec): Promise<Uint8Array> {
	const buffer = await buildWorkbook(ExcelJS, spec).xlsx.writeBuffer();
	return new Uint8Array(buffer as ArrayBuffer);
}
