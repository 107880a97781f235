/**
 * A cartesian chart's figures as a table — categories as rows, series as columns — read from the
 * very option the chart draws, so the table (the chart's accessible alternative, and what a reader
 * copies into a briefing) can never disagree with the picture.
 */
import { isDerivedSeries } from './derived-style';
import type { ChartOption } from './types';

export interface ChartTable {
	/** Header of the row-label column: what the categories are. */
	corner: string;
	/** One per series: its name, with its stack where several series share a name. */
	columns: string[];
	/** Per column: true for a series of figures read from prose (derived), not printed for that year. */
	derived: boolean[];
	rows: { label: string; values: (number | null)[] }[];
	/** How the values read: 万元 amounts or percentages. */
	unit: 'wan' | 'percent';
}

interface AxisLike {
	type?: string;
	name?: string;
	data?: unknown[];
}

interface SeriesLike {
	id?: string;
	type?: string;
	name?: string;
	stack?: string;
	data?: unknown[];
}

const asList = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A data item's number: ECharts accepts plain values and `{ value }` objects. */
function valueOf(item: unknown): number | null {
	const v = item !== null && typeof item === 'object' && 'value' in item ? (item as { value: unknown }).value : item;
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * The table of a bar/line chart with a category axis; null for other charts (a treemap) or an
 * option without series. A series' column is named `stack name` when another series has the same
 * name (stacked charts repeat 基本支出 per stack; the stack says whose it is) — and always for a
 * derived series (a figure read from prose, named `…（推算）`), so its column says whose it is.
 */
export function chartTable(option: ChartOption | null): ChartTable | null {
	if (!option) return null;
	const x = asList(option.xAxis as AxisLike | AxisLike[] | undefined)[0];
	const y = asList(option.yAxis as AxisLike | AxisLike[] | undefined)[0];
	const category = x?.type === 'category' ? x : y?.type === 'category' ? y : undefined;
	const value = category === x ? y : x;
	const series = asList(option.series as SeriesLike | SeriesLike[] | undefined).filter((s) => s.type === 'bar' || s.type === 'line');
	if (!category?.data || series.length === 0) return null;
	const names = series.map((s) => s.name ?? '');
	const repeated = (n: string) => names.filter((m) => m === n).length > 1;
	return {
		corner: category === x && x?.name ? x.name : '',
		columns: series.map((s, i) => ((repeated(names[i]) || isDerivedSeries(s.id)) && s.stack ? `${s.stack} ${names[i]}` : names[i])),
		derived: series.map((s) => isDerivedSeries(s.id)),
		rows: category.data.map((c, r) => ({
			label: String(c),
			values: series.map((s) => valueOf(s.data?.[r]))
		})),
		// 占比 (shares) and axes named `…（%）` (execution rates) are drawn in percent
		unit: value?.name === '占比' || value?.name?.endsWith('（%）') ? 'percent' : 'wan'
	};
}
