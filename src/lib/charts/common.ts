/**
 * Pieces every option builder shares: colours, the 预算/决算 series naming rule, axis and tooltip
 * formatting in 万元. Pure — no ECharts runtime import — so builders stay testable in Node.
 */
import type { DocumentKind, ThreePublicItem } from '$lib/storage/schema';
import { formatWan } from '$lib/format/number';
import { kindLabel, threePublicLabel, unitLabel } from '$lib/format/labels';
import { INK, textColorOn } from './contrast';
import type { BarSeriesOption, ChartOption } from './types';

/** 预算 cool, 决算 warm: the pair must be told apart at a glance and in greyscale print. */
export const KIND_COLOR: Record<DocumentKind, string> = { budget: '#2f6db5', final: '#d9822b' };

/** Basic vs project spending, used wherever the split is stacked. */
export const SPLIT_COLOR = { basic: '#3a8f6b', project: '#9c6ade' } as const;

/**
 * A qualitative palette for districts and classifications. It leaves out the two kind colours so
 * that no series looks like 预算 or 决算 merely by its colour.
 */
export const PALETTE = ['#3a8f6b', '#9c6ade', '#c2415d', '#17a2b8', '#7a8b2c', '#8c564b', '#e377c2', '#5f6b7a', '#b8860b', '#4b5fa8'];

/** One colour per 三公 part, the same in every chart. */
export const ITEM_COLOR = { outbound: '#17a2b8', vehicle: '#7a8b2c', reception: '#c2415d' } as const;

/** 三公 items drawn as parts of the total (vehicle purchase/operation are parts of `vehicle`). */
export const THREE_PUBLIC_PARTS = ['outbound', 'vehicle', 'reception'] as const;
export type ThreePublicPart = (typeof THREE_PUBLIC_PARTS)[number];

/** Chinese labels for the 三公 items as the disclosures print them. */
export const THREE_PUBLIC_LABEL = Object.fromEntries(
	(['total', 'outbound', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'] as const).map((i) => [
		i,
		threePublicLabel(i)
	])
) as Record<ThreePublicItem, string>;

/**
 * The name of a series or category that belongs to one district and one kind, e.g.
 * `九龙坡区·决算`. Every chart that can hold both kinds names them this way, so 预算 and 决算
 * are never summed or drawn as one series without saying which is which.
 */
export function districtKindLabel(district: string, kind: DocumentKind): string {
	return `${district}·${kindLabel(kind)}`;
}

/**
 * The name of a series that holds one unit's disclosures of one kind:
 * `九龙坡区·政务服务管理办公室·决算` — district, department kind and kind, so that neither two
 * departments nor 预算 and 决算 are ever one line without saying so.
 */
export function unitKindLabel(district: string, unit: string, kind: DocumentKind): string {
	return `${unitLabel(district, unit)}·${kindLabel(kind)}`;
}

/** `1,234.50 万元` for tooltips; `—` for a figure the document does not give. */
export function wanText(value: number | null | undefined): string {
	return value === null || value === undefined ? '—' : `${formatWan(value)} 万元`;
}

export { kindLabel };

/** A share as `37.5%`; `—` when the whole is zero. */
export function percentText(part: number, whole: number): string {
	if (!whole) return '—';
	return `${((part / whole) * 100).toFixed(1)}%`;
}

/** Rounds to the cent of a 万元 figure: sums of 2-decimal figures drift in binary floating point. */
export function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

/** Sum of `values` (nulls skipped) rounded with {@link round2}. */
export function sum2(values: Iterable<number | null | undefined>): number {
	let s = 0;
	for (const v of values) s += v ?? 0;
	return round2(s);
}

/** Sorted distinct values. */
export function distinct<T extends string | number>(values: Iterable<T>): T[] {
	return [...new Set(values)].sort((a, b) =>
		typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN')
	);
}

/**
 * ECharts renders tooltip strings as HTML, and names in them (districts, departments, 科目)
 * come from disclosure text: every text piece is escaped; only ECharts' own marker HTML is not.
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One tooltip line: plain text, optionally after the series' colour marker (HTML from ECharts). */
export type TooltipLine = string | { marker?: string; text: string };

/** Joins tooltip lines into the HTML ECharts expects, escaping the text of each. */
export function tooltipHtml(lines: readonly TooltipLine[]): string {
	return lines.map((l) => (typeof l === 'string' ? escapeHtml(l) : `${l.marker ?? ''}${escapeHtml(l.text)}`)).join('<br/>');
}

interface TooltipParam {
	dataIndex?: number;
	seriesIndex?: number;
	value?: unknown;
	marker?: unknown;
	seriesName?: string;
}

/** An axis tooltip whose lines are built from the hovered category's index and series. */
export function axisTooltip(linesAt: (index: number, params: TooltipParam[]) => TooltipLine[]): NonNullable<ChartOption['tooltip']> {
	return {
		trigger: 'axis',
		axisPointer: { type: 'shadow' },
		formatter: (info) => {
			const list = (Array.isArray(info) ? info : [info]) as TooltipParam[];
			return tooltipHtml(linesAt(list[0]?.dataIndex ?? 0, list));
		}
	};
}

/** Options shared by the cartesian charts: value axis in 万元 with separators, readable grid. */
export function cartesianBase(): Pick<ChartOption, 'grid' | 'tooltip' | 'legend' | 'color'> {
	return {
		color: PALETTE,
		grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			valueFormatter: (v) => wanText(typeof v === 'number' ? v : null)
		},
		legend: { type: 'scroll', top: 0 }
	};
}

/** A value axis labelled in 万元 with thousands separators. */
export function wanAxis(): { type: 'value'; name: string; axisLabel: { formatter: (v: number) => string } } {
	// ticks are round numbers, so no padding zeros ("2,500", "0.5"); tooltips carry exact figures
	return { type: 'value', name: '万元', axisLabel: { formatter: (v: number) => axisNumber.format(v) } };
}

/** Room above the tallest bar for a label standing on it (the axis still ends on a round tick). */
export const LABEL_HEADROOM = { boundaryGap: [0, '22%'] as [number, string] };

const axisNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** How a bar's value reads on it: 万元 (`1,056.45`) or a percentage number (`37.5` → `37.5%`). */
export type ValueUnit = 'wan' | 'percent';

/** A bar's value as its label prints it; `''` for a gap or a zero (nothing to read on the bar). */
export function barValueText(value: unknown, unit: ValueUnit): string {
	const v = value !== null && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
	if (typeof v !== 'number' || !Number.isFinite(v) || v === 0) return '';
	return unit === 'percent' ? `${v.toFixed(1)}%` : formatWan(v);
}

/**
 * The least part of the tallest stack a stacked segment must be to carry its label inside: a 10 px
 * line needs about 12 px, and the overview's plots are about 170 px tall. A thinner segment's label
 * could not be read there anyway — and at a whole city, laying out and then hiding hundreds of them
 * was most of the first draw of the by-year chart (≈ 0.3 s of one main-thread task).
 */
export const INSIDE_LABEL_MIN_SHARE = 0.08;

/** A stacked segment's data item whose label is switched off (its value stays for tooltip and table). */
export interface UnlabelledItem {
	value: number;
	label: { show: false };
}

/**
 * Stacked segments' values with the label switched off where the segment is thinner than
 * {@link INSIDE_LABEL_MIN_SHARE} of `tallest` (the largest stack's total): ECharts then neither
 * formats nor lays those labels out. Gaps stay gaps.
 */
export function labelsWhereTheyFit(values: readonly (number | null)[], tallest: number): (number | null | UnlabelledItem)[] {
	const least = Math.abs(tallest) * INSIDE_LABEL_MIN_SHARE;
	return values.map((v) => (v === null || Math.abs(v) >= least ? v : { value: v, label: { show: false } }));
}

/**
 * Value labels for a bar series, printed like the rest of the UI: above (`top`) or beside
 * (`right`) a bar, or `inside` a stacked segment — in a colour readable on `fill` there. A label
 * that would overlap another is hidden (`labelLayout.hideOverlap`, which needs ECharts'
 * LabelLayout feature: see ./echarts.ts): the tooltip and 数据表 still give every figure.
 */
export function valueLabels(
	position: 'top' | 'right' | 'inside',
	unit: ValueUnit = 'wan',
	fill?: string
): Pick<BarSeriesOption, 'label' | 'labelLayout'> {
	// never rotated: a label that does not fit beside its neighbours is hidden rather than turned
	return {
		label: {
			show: true,
			position,
			fontSize: 10,
			color: position === 'inside' && fill ? textColorOn(fill) : INK,
			formatter: (p: { value?: unknown }) => barValueText(p.value, unit)
		},
		labelLayout: { hideOverlap: true }
	};
}
