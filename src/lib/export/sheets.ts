/**
 * What the views hand to the workbook builder: a chart's 数据表 and the /data table as sheets,
 * with the same Chinese headers and coded values as on screen and in the CSV. Pure.
 */
import { drawnText, marksDrawn, type ChartTable } from '$lib/charts/table';
import type { LevelRow } from '$lib/charts/function-tree';
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
	const marked = marksDrawn(table);
	if (marked) columns.push({ key: 'drawn', header: '图中', format: 'text' });
	const rows = table.rows.map((r) => ({
		label: r.label,
		...Object.fromEntries(r.values.map((v, i) => [`s${i}`, v])),
		...(marked ? { drawn: drawnText(r.drawn) } : {})
	}));
	return { name, columns, rows };
}

/**
 * The treemap's level as a sheet: each tile's code and name, amount in 万元 and share of its
 * parent (stored as a percentage). A remainder (`未细分`) has no code of its own.
 */
export function treemapSheet(name: string, rows: readonly LevelRow[]): XlsxSheet {
	return {
		name,
		columns: [
			{ key: 'code', header: '科目编码', format: 'text' },
			{ key: 'name', header: '科目名称', format: 'text' },
			{ key: 'total', header: '金额（万元）', format: 'wan' },
			{ key: 'share', header: '占上级', format: 'percent' }
		],
		rows: rows.map((r) => ({
			// a remainder's code (`201*`) is the view's own key, not a classification code
			code: r.code.endsWith('*') ? null : r.code,
			name: r.name,
			total: r.total,
			share: r.share === null ? null : r.share * 100
		}))
	};
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
