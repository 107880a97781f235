/**
 * Option builders for /trends: each district across years, one line or stack per district·kind.
 * Years without a disclosure are gaps (null), not zeros — a missing report is not zero spending.
 */
import type { DocumentKind } from '$lib/storage/schema';
import type { TrendRow } from '$lib/queries/trends';
import {
	KIND_COLOR,
	SPLIT_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	distinct,
	districtKindLabel,
	wanAxis
} from './common';
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
	kind: DocumentKind;
	label: string;
}

/** One series per district·kind, ordered by district, 预算 before 决算. */
function seriesKeys(rows: readonly { district: string; kind: DocumentKind }[]): SeriesKey[] {
	const keys = new Map<string, SeriesKey>();
	for (const r of rows) {
		const label = districtKindLabel(r.district, r.kind);
		keys.set(label, { district: r.district, kind: r.kind, label });
	}
	return [...keys.values()].sort(
		(a, b) => a.district.localeCompare(b.district, 'zh-CN') || (a.kind === 'budget' ? -1 : 1)
	);
}

type Measure = 'total' | 'basic' | 'project' | 'outbound' | 'vehicle' | 'reception';

/** The figure of `key` in `year`; null when that year has no row or the row lacks it. */
function at(rows: readonly TrendRow[], key: SeriesKey, year: number, field: Measure): number | null {
	const row = rows.find((r) => r.district === key.district && r.kind === key.kind && r.year === year);
	return row ? row[field] : null;
}

function yearsOf(rows: readonly TrendRow[]): string[] {
	return yearAxis(distinct(rows.map((r) => r.year))).map(String);
}

/** Total spending per year, one line per district·kind (决算 dashed, so print tells them apart). */
export function buildTrendTotalOption(rows: readonly TrendRow[]): ChartOption | null {
	const data = rows.filter((r) => r.total !== null);
	if (data.length === 0) return null;
	const years = yearsOf(data);
	const base = cartesianBase();
	return {
		...base,
		tooltip: { ...base.tooltip, axisPointer: { type: 'line' } },
		xAxis: { type: 'category', data: years },
		yAxis: wanAxis(),
		series: seriesKeys(data).map((k) => ({
			type: 'line' as const,
			name: k.label,
			connectNulls: false,
			symbolSize: 8,
			lineStyle: { type: k.kind === 'final' ? ('dashed' as const) : ('solid' as const) },
			data: years.map((y) => at(data, k, Number(y), 'total'))
		}))
	};
}

/** Basic and project spending per year, one stack per district·kind. */
export function buildTrendSplitOption(rows: readonly TrendRow[]): ChartOption | null {
	const data = rows.filter((r) => r.basic !== null || r.project !== null);
	if (data.length === 0) return null;
	const years = yearsOf(data);
	return {
		...cartesianBase(),
		xAxis: { type: 'category', data: years },
		yAxis: wanAxis(),
		series: seriesKeys(data).flatMap((k) =>
			(['basic', 'project'] as const).map((part) => ({
				type: 'bar' as const,
				name: `${k.label} ${part === 'basic' ? '基本支出' : '项目支出'}`,
				stack: k.label,
				// one hue per part; the kind shows in the border so 预算 and 决算 stacks differ
				itemStyle: { color: SPLIT_COLOR[part], borderColor: KIND_COLOR[k.kind], borderWidth: 1 },
				data: years.map((y) => at(data, k, Number(y), part))
			}))
		)
	};
}

/**
 * The three 三公 parts per year, stacked per district·kind. 预算 stacks hold 预算数 and 决算
 * stacks 决算数 (the rows are kind-appropriate already); every series name says which.
 */
export function buildTrendThreePublicOption(rows: readonly TrendRow[]): ChartOption | null {
	const data = rows.filter((r) => THREE_PUBLIC_PARTS.some((p) => r[p] !== null));
	if (data.length === 0) return null;
	const years = yearsOf(data);
	return {
		...cartesianBase(),
		xAxis: { type: 'category', data: years },
		yAxis: wanAxis(),
		series: seriesKeys(data).flatMap((k) =>
			THREE_PUBLIC_PARTS.map((item) => ({
				type: 'bar' as const,
				name: `${k.label}（${k.kind === 'final' ? '决算数' : '预算数'}）${THREE_PUBLIC_LABEL[item]}`,
				stack: k.label,
				data: years.map((y) => at(data, k, Number(y), item))
			}))
		)
	};
}
