/**
 * What the views hand to the workbook builder: a chart's 数据表 and the /data table as sheets,
 * with the same Chinese headers and coded values as on screen and in the CSV. Pure.
 */
import type { ChartTable } from '$lib/charts/table';
import { csvValue, type Column, type ColumnFormat } from '$lib/components/columns';
import type { XlsxColumn, XlsxFormat, XlsxSheet, XlsxValue } from './workbook';

/**
 * A chart's table as a sheet: the category column, then one column per series, headed with its
 * unit (`基本支出（万元）`, `占比（%）`) since a workbook cell has no legend to say it.
 */
export function chartSheet(name: string, table: ChartTable): XlsxSheet {
	const format: XlsxFormat = table.unit === 'percent' ? 'percent' : 'wan';
	const unit = table.unit === 'percent' ? '（%）' : '（万元）';
	const columns: XlsxColumn[] = [
		{ key: 'label', header: table.corner || '项目', format: 'text' },
		...table.columns.map((c, i) => ({ key: `s${i}`, header: `${c}${unit}`, format }))
	];
	const rows = table.rows.map((r) => ({ label: r.label, ...Object.fromEntries(r.values.map((v, i) => [`s${i}`, v])) }));
	return { name, columns, rows };
}

/** How a data-table column is stored: amounts as 万元, years and line numbers as whole numbers. */
function formatFor(format: ColumnFormat): XlsxFormat {
	if (format === 'wan') return 'wan';
	if (format === 'int' || format === 'line') return 'int';
	return 'text';
}

/**
 * The /data table's rows as a sheet, exactly the rows the CSV exports: the same columns and
 * headers, coded values in Chinese ({@link csvValue}), numbers left as numbers.
 */
export function dataSheet(name: string, columns: readonly Column[], rows: readonly Readonly<Record<string, unknown>>[]): XlsxSheet {
	return {
		name,
		columns: columns.map((c) => ({ key: c.key, header: c.label, format: formatFor(c.format) })),
		rows: rows.map((r) => Object.fromEntries(columns.map((c) => [c.key, csvValue(r[c.key], c.format) as XlsxValue])))
	};
}
