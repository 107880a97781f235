/**
 * Derived points on the trend charts: a figure a disclosure's prose implies for a year with no
 * disclosure of its own (上年 from “较上年减少 X 万元”, 年初预算数 from a 决算), drawn apart from printed
 * figures — on a line chart hollow symbols on a dotted line, on a stacked bar chart hollow
 * (dashed, hatched) segments; each labelled 据2024年预算文字推算 — with the reason the prose gives
 * and the sentence's document and line in the tooltip. Added to an option some builder made, so
 * that builder does not need to know about them: the year axis is widened and the tooltip wrapped.
 */
import type { DerivedField, DerivedPointRow } from '$lib/queries/narrative';
import { derivedLabel, relationLabel } from '$lib/format/labels';
import { ITEM_COLOR, SPLIT_COLOR, THREE_PUBLIC_LABEL, THREE_PUBLIC_PARTS, sum2, tooltipHtml, unitKindLabel, wanText, type TooltipLine } from './common';
import { DERIVED_SERIES, DERIVED_SUFFIX, derivedBarStyle, derivedSourceText } from './derived-style';
import { stackLabel, yearAxis } from './trends';
import { formatWan } from '$lib/format/number';
import type { ChartOption } from './types';

export { DERIVED_SERIES, derivedSourceText };

interface SeriesLike {
	id?: string;
	name?: string;
	data?: unknown[];
	label?: { formatter?: unknown };
}

interface Param {
	dataIndex?: number;
	seriesIndex?: number;
	value?: unknown;
	marker?: unknown;
	name?: string;
}

/** A derived point's tooltip lines: what and how much, why (the prose's reason), and where it is read. */
export function derivedTooltipLines(point: DerivedPointRow, marker: string, what = ''): TooltipLine[] {
	const head = `${unitKindLabel(point.district, point.unit, point.kind)}${what ? ` ${what}` : ''} ${wanText(point.value)}（${derivedLabel(point.source_year, point.source_kind)}，据“较${relationLabel(point.relation)}”所述增减）`;
	return [{ marker, text: head }, ...(point.reason ? [`原因：${point.reason}`] : []), derivedSourceText(point)];
}

/** The option's year axis widened to `extra` years; printed data moved to their years on it. */
function widen(option: ChartOption, extra: readonly number[]) {
	const x = option.xAxis as { data?: unknown[] } | undefined;
	const oldYears = (x?.data ?? []).map(String);
	const years = yearAxis([...oldYears.map(Number), ...extra]).map(String);
	const oldIndex = (i: number) => oldYears.indexOf(years[i]);
	const moved = (data: unknown[] | undefined) => years.map((_, i) => (oldIndex(i) >= 0 ? (data?.[oldIndex(i)] ?? null) : null));
	// a printed label's formatter reads its builder's own years by dataIndex: hand it the old index
	const relabel = (s: SeriesLike) => {
		const f = s.label?.formatter;
		if (typeof f !== 'function') return s;
		return { ...s, label: { ...s.label, formatter: (q: Param) => f({ ...q, dataIndex: oldIndex(q.dataIndex ?? 0) }) } };
	};
	const series = ((option.series ?? []) as SeriesLike[]).map((s) => relabel({ ...s, data: moved(s.data) }));
	return { years, oldIndex, series };
}

/**
 * The tooltip of `option` wrapped: printed points keep the builder's lines (at their old index);
 * a derived point (series index ≥ `base`) adds its own lines from `derivedAt`.
 */
function wrapTooltip(
	option: ChartOption,
	years: readonly string[],
	oldIndex: (i: number) => number,
	base: number,
	derivedAt: (seriesIndex: number, dataIndex: number, marker: string) => TooltipLine[]
) {
	const original = option.tooltip as { formatter?: (info: unknown) => string; trigger?: string } | undefined;
	const formatter = (info: unknown): string => {
		const single = !Array.isArray(info);
		const list = (single ? [info] : info) as Param[];
		const i = list[0]?.dataIndex ?? 0;
		const printed = list.filter((p) => (p.seriesIndex ?? 0) < base).map((p) => ({ ...p, dataIndex: oldIndex(p.dataIndex ?? i) }));
		const head =
			oldIndex(i) >= 0 && printed.length > 0 && typeof original?.formatter === 'function'
				? original.formatter(single ? printed[0] : printed)
				: tooltipHtml([`${years[i]}年`]);
		const lines = list.flatMap((p) =>
			(p.seriesIndex ?? 0) >= base ? derivedAt(p.seriesIndex ?? 0, p.dataIndex ?? i, typeof p.marker === 'string' ? p.marker : '') : []
		);
		return lines.length > 0 ? `${head}<br/>${tooltipHtml(lines)}` : head;
	};
	return { ...(original as object), formatter, extraCssText: 'max-width: 420px; white-space: normal;' };
}

/** Points grouped by unit·kind label, in first-seen order. */
function byUnitKind(points: readonly DerivedPointRow[]): Map<string, DerivedPointRow[]> {
	const groups = new Map<string, DerivedPointRow[]>();
	for (const p of points) {
		const label = unitKindLabel(p.district, p.unit, p.kind);
		groups.set(label, [...(groups.get(label) ?? []), p]);
	}
	return groups;
}

/** The `field` points of `points` added to the cartesian line `option` (category axis of years). */
export function withDerivedPoints(option: ChartOption | null, points: readonly DerivedPointRow[], field: DerivedField = 'total'): ChartOption | null {
	const own = points.filter((p) => p.field === field);
	if (!option || own.length === 0) return option;
	const { years, oldIndex, series: moved } = widen(option, own.map((p) => p.year));
	// printed points filled, derived ones hollow (ECharts draws line points hollow by default)
	const series = moved.map((s) => ({ symbol: 'circle', ...s }));
	const groups = byUnitKind(own);
	const derived = [...groups].map(([label, rows]) => ({
		type: 'line' as const,
		id: `${DERIVED_SERIES}${label}`,
		name: `${label}·文字推算`,
		connectNulls: false,
		symbol: 'emptyCircle',
		symbolSize: 11,
		lineStyle: { type: 'dotted' as const, width: 1 },
		itemStyle: { borderType: 'dashed' as const, borderWidth: 2 },
		data: years.map((y) => {
			const p = rows.find((r) => String(r.year) === y);
			return p ? { value: p.value, label: { show: true, position: 'top' as const, fontSize: 10, formatter: derivedLabel(p.source_year, p.source_kind) } } : null;
		})
	}));
	const base = series.length;
	const tooltip = wrapTooltip(option, years, oldIndex, base, (seriesIndex, dataIndex, marker) => {
		const s = derived[seriesIndex - base];
		const point = s ? groups.get(s.id.slice(DERIVED_SERIES.length))?.find((r) => String(r.year) === years[dataIndex]) : undefined;
		return point ? derivedTooltipLines(point, marker) : [];
	});
	return { ...option, xAxis: { ...(option.xAxis as object), data: years }, tooltip, series: [...series, ...derived] } as ChartOption;
}

/** One part of a stacked chart a derived figure can stand in for. */
export interface DerivedStackPart {
	/** The printed series' id suffix (`<unit·kind label>|<part>`, see trends.ts). */
	part: string;
	field: DerivedField;
	name: string;
	color: string;
}

/**
 * Derived stacks added to a stacked bar `option` whose printed series stack by unit·kind label:
 * per unit·kind and part one hollow bar series in that unit's stack, only in years its points
 * give. The top segment of a derived stack is labelled, like a printed stack, with whose it is and
 * its total, and between them the disclosure it is read from. The total is `totalField`'s derived
 * figure where the prose gives one, else the parts' sum.
 */
export function withDerivedStacks(
	option: ChartOption | null,
	points: readonly DerivedPointRow[],
	parts: readonly DerivedStackPart[],
	totalField?: DerivedField
): ChartOption | null {
	const fields = new Set(parts.map((p) => p.field));
	const own = points.filter((p) => fields.has(p.field));
	if (!option || own.length === 0) return option;
	const totals = points.filter((p) => p.field === totalField);
	const { years, oldIndex, series } = widen(option, own.map((p) => p.year));
	const groups = byUnitKind(own);
	const pointOf = (label: string, field: DerivedField, year: string) => groups.get(label)?.find((r) => r.field === field && String(r.year) === year);
	const derived = [...groups].flatMap(([label, rows]) => {
		const present = parts.filter((part) => rows.some((r) => r.field === part.field));
		return present.map((part, i) => ({
			type: 'bar' as const,
			id: `${DERIVED_SERIES}${label}|${part.part}`,
			name: `${part.name}${DERIVED_SUFFIX}`,
			stack: label,
			itemStyle: derivedBarStyle(part.color),
			data: years.map((y) => {
				const p = pointOf(label, part.field, y);
				if (!p) return null;
				// the label stands on the stack's top segment: no later part of this stack has a point that year
				const top = !present.slice(i + 1).some((q) => pointOf(label, q.field, y));
				if (!top) return { value: p.value };
				const total = totals.find((t) => unitKindLabel(t.district, t.unit, t.kind) === label && String(t.year) === y)?.value ?? sum2(present.map((q) => pointOf(label, q.field, y)?.value));
				return { value: p.value, label: { show: true, position: 'top' as const, fontSize: 10, formatter: `${stackLabel(p)}\n${derivedLabel(p.source_year, p.source_kind)}\n合计 ${formatWan(total)}` } };
			})
		}));
	});
	const base = series.length;
	const tooltip = wrapTooltip(option, years, oldIndex, base, (seriesIndex, dataIndex, marker) => {
		const s = derived[seriesIndex - base];
		if (!s) return [];
		const [label, partKey] = s.id.slice(DERIVED_SERIES.length).split('|');
		const part = parts.find((p) => p.part === partKey);
		const point = part ? pointOf(label, part.field, years[dataIndex]) : undefined;
		return point && part ? derivedTooltipLines(point, marker, part.name) : [];
	});
	return { ...option, xAxis: { ...(option.xAxis as object), data: years }, tooltip, series: [...series, ...derived] } as ChartOption;
}

/** The parts of /trends' 基本/项目 stacks (trends.ts `buildTrendSplitOption`). */
export const SPLIT_DERIVED_PARTS: readonly DerivedStackPart[] = [
	{ part: 'basic', field: 'basic', name: '基本支出', color: SPLIT_COLOR.basic },
	{ part: 'project', field: 'project', name: '项目支出', color: SPLIT_COLOR.project }
];

/** The parts of /trends' 三公 stacks (trends.ts `buildTrendThreePublicOption`). */
export const THREE_PUBLIC_DERIVED_PARTS: readonly DerivedStackPart[] = THREE_PUBLIC_PARTS.map((item) => ({
	part: item,
	field: item,
	name: THREE_PUBLIC_LABEL[item],
	color: ITEM_COLOR[item]
}));

/** Derived 基本/项目 stacks, topped by the derived 支出合计 where the prose gives it. */
export function withDerivedSplit(option: ChartOption | null, points: readonly DerivedPointRow[]): ChartOption | null {
	return withDerivedStacks(option, points, SPLIT_DERIVED_PARTS, 'total');
}

/** Derived 三公 stacks (出国, 公务用车, 接待), topped by the derived 三公 total where the prose gives it. */
export function withDerivedThreePublic(option: ChartOption | null, points: readonly DerivedPointRow[]): ChartOption | null {
	return withDerivedStacks(option, points, THREE_PUBLIC_DERIVED_PARTS, 'three_public');
}
