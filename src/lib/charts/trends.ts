/**
 * Option builders for /trends: each unit (district + department kind) across years, one line or
 * stack per unit·kind — two departments of a district are two lines, never one district line that
 * switches department between years. Years without a disclosure are gaps (null), not zeros — a
 * missing report is not zero spending.
 */
import type { DocumentKind } from '$lib/storage/schema';
import type { TrendRow } from '$lib/queries/trends';
import { changeSuffix } from './execution';
import {
	axisTooltip,
	tooltipHtml,
	ITEM_COLOR,
	KIND_COLOR,
	SPLIT_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	distinct,
	sum2,
	unitKindLabel,
	valueLabels,
	wanAxis,
	wanText
} from './common';
import { INK } from './contrast';
import { formatWan } from '$lib/format/number';
import type { ChartOption } from './types';

/** Every year from the first to the last present, so gaps show as gaps on the axis. */
export function yearAxis(years: readonly number[]): number[] {
	if (years.length === 0) return [];
	const lo = Math.min(...years);
	const hi = Math.max(...years);
	return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
}

interface SeriesKey {
	district: string;
	unit: string;
	kind: DocumentKind;
	label: string;
}

/** The fields that place a row in a series. */
type Keyed = { district: string; unit: string; kind: DocumentKind };

/** One series per unit·kind, ordered by district, unit, 预算 before 决算. */
function seriesKeys(rows: readonly Keyed[]): SeriesKey[] {
	const keys = new Map<string, SeriesKey>();
	for (const r of rows) {
		const label = unitKindLabel(r.district, r.unit, r.kind);
		keys.set(label, { district: r.district, unit: r.unit, kind: r.kind, label });
	}
	return [...keys.values()].sort(
		(a, b) =>
			a.district.localeCompare(b.district, 'zh-CN') ||
			a.unit.localeCompare(b.unit, 'zh-CN') ||
			(a.kind === b.kind ? 0 : a.kind === 'budget' ? -1 : 1)
	);
}

/**
 * Each unit·kind's row of a year, found by key: the charts look up every unit × year × part, and a
 * search of the rows for each was ≈ 10⁶ comparisons a chart at 24 units over 20 years.
 */
function rowIndex(rows: readonly TrendRow[]): (key: SeriesKey, year: number) => TrendRow | undefined {
	const index = new Map<string, TrendRow>();
	// the first row of a unit·kind·year wins, as a search of the rows in order would find it
	for (const r of rows) {
		const id = `${unitKindLabel(r.district, r.unit, r.kind)}|${r.year}`;
		if (!index.has(id)) index.set(id, r);
	}
	return (key, year) => index.get(`${key.label}|${year}`);
}

function yearsOf(rows: readonly TrendRow[]): string[] {
	return yearAxis(distinct(rows.map((r) => r.year))).map(String);
}

/** Total spending per year, one line per unit·kind (决算 dashed, so print tells them apart). */
export function buildTrendTotalOption(rows: readonly TrendRow[]): ChartOption | null {
	const data = rows.filter((r) => r.total !== null);
	if (data.length === 0) return null;
	const years = yearsOf(data);
	const keys = seriesKeys(data);
	const rowAt = rowIndex(data);
	const at = (key: SeriesKey, year: number): number | null => rowAt(key, year)?.total ?? null;
	// each line's change is against its own unit and kind the year before: never another line's figure
	const tooltip = axisTooltip((i, params) => [
		`${years[i]}年`,
		...params.flatMap((p) => {
			const k = keys[p.seriesIndex ?? -1];
			const value = typeof p.value === 'number' ? p.value : null;
			if (!k || value === null) return [];
			const previous = at(k, Number(years[i]) - 1);
			return [{ marker: typeof p.marker === 'string' ? p.marker : '', text: `${k.label} ${wanText(value)}${changeSuffix(value, previous)}` }];
		})
	]);
	return {
		...cartesianBase(),
		tooltip: { ...tooltip, axisPointer: { type: 'line' } },
		xAxis: { type: 'category', data: years },
		yAxis: wanAxis(),
		series: keys.map((k) => ({
			type: 'line' as const,
			name: k.label,
			connectNulls: false,
			symbolSize: 8,
			lineStyle: { type: k.kind === 'final' ? ('dashed' as const) : ('solid' as const) },
			data: years.map((y) => at(k, Number(y)))
		}))
	};
}

/** Short stack label drawn above each stack: `九龙坡区·政务服务管理办公室·决`. */
export function stackLabel(k: Pick<SeriesKey, 'district' | 'unit' | 'kind'>): string {
	return `${k.district}·${k.unit}·${k.kind === 'final' ? '决' : '预'}`;
}

/** The label on top of a stack: whose it is, and under it the stack's total (`合计 1,234.50`). */
export function stackTopLabel(k: Pick<SeriesKey, 'district' | 'unit' | 'kind'>, total: number | null): string {
	const name = stackLabel(k);
	return total === null ? name : `${name}\n合计 ${formatWan(total)}`;
}

/**
 * How many stacks a stacked trend chart labels at most: a label is about 40 px wide, so past this
 * many stacks (24 lines over 10 years are 240) every label overlaps a neighbour and is hidden —
 * while laying out and hiding them was half the chart's first draw at a whole city (≈ 70 ms of
 * 160). The tooltip and the 数据表 give every figure and name every stack.
 */
export const STACK_LABEL_LIMIT = 48;

/**
 * Stacked bars per year, one stack per unit·kind, one series per part. Series of the same part
 * share a name (and so one legend entry and one colour); which unit·kind a segment belongs to is
 * its stack (named by the unit·kind label), in its tooltip and in the label above each stack.
 */
function stackedByKey<P extends string>(
	rows: readonly TrendRow[],
	parts: readonly { part: P; name: (k: SeriesKey) => string; color: string; value: (r: TrendRow) => number | null }[],
	basis: (k: SeriesKey) => string = () => ''
): ChartOption | null {
	if (rows.length === 0) return null;
	const years = yearsOf(rows);
	const keys = seriesKeys(rows);
	const rowAt = rowIndex(rows);
	const cell = (k: SeriesKey, year: string, p: (typeof parts)[number]): number | null => {
		const row = rowAt(k, Number(year));
		return row ? p.value(row) : null;
	};
	const stackTotal = (k: SeriesKey, year: string): number | null => {
		const values = parts.map((p) => cell(k, year, p)).filter((v): v is number => v !== null);
		return values.length ? sum2(values) : null;
	};
	// labels where the stacks leave room for them (see STACK_LABEL_LIMIT)
	const labelled = keys.length * years.length <= STACK_LABEL_LIMIT;
	const series = keys.flatMap((k) =>
		parts.map((p, i) => ({
			type: 'bar' as const,
			id: `${k.label}|${p.part}`,
			name: p.name(k),
			stack: k.label,
			color: p.color,
			itemStyle: { borderColor: KIND_COLOR[k.kind], borderWidth: 1 },
			// Each segment's value inside it, where it fits; the last part carries, on top of the
			// stack, whose stack it is and the stack's total (its own value is that total less the
			// figures below it, and in the tooltip and 数据表).
			...(!labelled
				? {}
				: i === parts.length - 1
				? {
						label: {
							show: true,
							position: 'top' as const,
							fontSize: 10,
							color: INK,
							formatter: (q: { dataIndex?: number }) => stackTopLabel(k, stackTotal(k, years[q.dataIndex ?? 0]))
						},
						labelLayout: { hideOverlap: true }
					}
				: valueLabels('inside', 'wan', p.color)),
			data: years.map((y) => cell(k, y, p))
		}))
	);
	return {
		...cartesianBase(),
		tooltip: {
			trigger: 'item',
			formatter: (info) => {
				const p = Array.isArray(info) ? info[0] : info;
				const key = keys[Math.floor((p.seriesIndex ?? 0) / parts.length)];
				const v = typeof p.value === 'number' ? p.value : null;
				return tooltipHtml([`${key ? key.label + basis(key) : ''} ${p.name}年`, { marker: String(p.marker ?? ''), text: `${p.seriesName} ${wanText(v)}` }]);
			}
		},
		xAxis: { type: 'category', data: years },
		yAxis: wanAxis(),
		series
	};
}

/** Basic and project spending per year, one stack per unit·kind (border colour = kind). */
export function buildTrendSplitOption(rows: readonly TrendRow[]): ChartOption | null {
	return stackedByKey(
		rows.filter((r) => r.basic !== null || r.project !== null),
		[
			{ part: 'basic', name: () => '基本支出', color: SPLIT_COLOR.basic, value: (r) => r.basic },
			{ part: 'project', name: () => '项目支出', color: SPLIT_COLOR.project, value: (r) => r.project }
		]
	);
}

/**
 * The three 三公 parts per year, stacked per unit·kind. 预算 stacks hold 预算数 and 决算
 * stacks 决算数 (the rows are kind-appropriate already); the tooltip says which.
 */
export function buildTrendThreePublicOption(rows: readonly TrendRow[]): ChartOption | null {
	return stackedByKey(
		rows.filter((r) => THREE_PUBLIC_PARTS.some((p) => r[p] !== null)),
		THREE_PUBLIC_PARTS.map((item) => ({
			part: item,
			name: () => THREE_PUBLIC_LABEL[item],
			color: ITEM_COLOR[item],
			value: (r: TrendRow) => r[item]
		})),
		(k) => (k.kind === 'final' ? '（决算数）' : '（预算数）')
	);
}
