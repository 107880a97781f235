/**
 * Column descriptions shared by the document page and the data table: how a value is shown.
 * Pure, so the formatting rules (amounts in 万元, "第 N 行", kinds in Chinese) are testable.
 */
import { columnLabel, formatWan, kindLabel, layoutLabel, measureLabel, relationLabel, ruleLabel, stageLabel, threePublicLabel } from '$lib/format';

export type ColumnFormat = 'text' | 'wan' | 'line' | 'ok' | 'kind' | 'item' | 'measure' | 'source' | 'int' | 'rule' | 'stage' | 'layout' | 'relation' | 'percent';

export interface Column {
	key: string;
	label: string;
	format: ColumnFormat;
}

const AMOUNT_COLUMNS = new Set(['total', 'basic', 'project', 'personnel', 'public', 'budget', 'actual', 'value', 'expected', 'current_value', 'stated_change']);

/** How a column of the contract is shown, from its name. */
export function formatOf(key: string): ColumnFormat {
	if (AMOUNT_COLUMNS.has(key)) return 'wan';
	if (key === 'source_line') return 'line';
	if (key === 'ok') return 'ok';
	if (key === 'kind' || key === 'figure_kind') return 'kind';
	if (key === 'relation') return 'relation';
	if (key === 'stated_percent') return 'percent';
	if (key === 'item') return 'item';
	if (key === 'measure') return 'measure';
	if (key === 'source') return 'source';
	if (key === 'rule') return 'rule';
	if (key === 'stage') return 'stage';
	if (key === 'layout') return 'layout';
	if (key === 'year' || key === 'level' || key === 'figure_year' || key === 'stated_points' || key === 'reason_line' || key === 'reason_page') return 'int';
	return 'text';
}

/** Columns for contract column names, with Chinese headers. */
export function columnsFor(keys: readonly string[], labels: Record<string, string> = {}): Column[] {
	return keys.map((key) => ({ key, label: labels[key] ?? columnLabel(key), format: formatOf(key) }));
}

/**
 * A cell as text. Null is `—` (not given), never 0. `actual` in a check is a figure too. A source
 * line reads with its page (PDFs: `source_page`) and, for a document read from two files, its file
 * (`source_part`), when the row carries them.
 */
export function cellText(value: unknown, format: ColumnFormat, row?: Readonly<Record<string, unknown>>): string {
	if (value === null || value === undefined) return '—';
	switch (format) {
		case 'wan':
			return typeof value === 'number' ? formatWan(value) : String(value);
		case 'line':
			return sourcePlace(value, row);
		case 'ok':
			return value ? '通过' : '未通过';
		case 'kind':
			return kindLabel(String(value));
		case 'item':
			return threePublicLabel(String(value));
		case 'measure':
			return measureLabel(String(value));
		case 'source':
			return value === 'table' ? '表格' : value === 'narrative' ? '说明文字' : String(value);
		case 'rule':
			return ruleLabel(String(value));
		case 'stage':
			return stageLabel(String(value));
		case 'layout':
			return layoutLabel(String(value));
		case 'relation':
			return relationLabel(String(value));
		case 'percent':
			return `${value}%`;
		default:
			return String(value);
	}
}

function sourcePlace(line: unknown, row?: Readonly<Record<string, unknown>>): string {
	const page = row?.source_page;
	const part = row?.source_part;
	const where = `${page === null || page === undefined ? '' : `第 ${page} 页`}第 ${line} 行`;
	return typeof part === 'string' && part !== '' ? `${part} ${where}` : where;
}

const CODED_FORMATS = new Set<ColumnFormat>(['kind', 'item', 'measure', 'source', 'ok', 'stage', 'layout', 'relation']);

/**
 * A cell as it goes into a CSV: coded values (budget, vehicle_operation, table …) in the same
 * Chinese as on screen, amounts as plain numbers so that Excel can compute with them. A rule is its
 * Chinese phrase with the raw id after it, as on screen.
 */
export function csvValue(value: unknown, format: ColumnFormat): string | number | null {
	if (value === null || value === undefined) return null;
	if (format === 'rule') return `${ruleLabel(String(value))}（${String(value)}）`;
	if (CODED_FORMATS.has(format)) return cellText(value, format);
	return typeof value === 'number' || typeof value === 'string' ? value : String(value);
}

/** True for columns right-aligned as figures. */
export function isNumeric(format: ColumnFormat): boolean {
	return format === 'wan' || format === 'int' || format === 'percent';
}
