/**
 * Derived points on a trend line: a figure a disclosure's prose implies for a year with no
 * disclosure of its own (上年 from “较上年减少 X 万元”, 年初预算数 from a 决算), drawn apart from printed
 * figures — hollow symbols on a dotted line, each labelled 据2024年预算文字推算 — with the reason
 * the prose gives in the tooltip. Added to an option some builder made, so that builder does not
 * need to know about them: the year axis is widened and the tooltip wrapped.
 */
import type { DerivedField, DerivedPointRow } from '$lib/queries/narrative';
import { derivedLabel, relationLabel } from '$lib/format/labels';
import { tooltipHtml, unitKindLabel, wanText, type TooltipLine } from './common';
import { yearAxis } from './trends';
import type { ChartOption } from './types';

/** The id prefix of derived series (the data table and tests find them by it). */
export const DERIVED_SERIES = 'derived|';

interface SeriesLike {
	id?: string;
	name?: string;
	data?: unknown[];
}

interface Param {
	dataIndex?: number;
	seriesIndex?: number;
	value?: unknown;
	marker?: unknown;
}

/** The `field` points of `points` added to the cartesian `option` (category axis of years). */
export function withDerivedPoints(option: ChartOption | null, points: readonly DerivedPointRow[], field: DerivedField = 'total'): ChartOption | null {
	const own = points.filter((p) => p.field === field);
	if (!option || own.length === 0) return option;
	const x = option.xAxis as { data?: unknown[] } | undefined;
	const oldYears = (x?.data ?? []).map(String);
	const years = yearAxis([...oldYears.map(Number), ...own.map((p) => p.year)]).map(String);
	const moved = (data: unknown[] | undefined) => years.map((y) => (oldYears.includes(y) ? (data?.[oldYears.indexOf(y)] ?? null) : null));
	// printed points filled, derived ones hollow (ECharts draws line points hollow by default)
	const series = ((option.series ?? []) as SeriesLike[]).map((s) => ({ symbol: 'circle', ...s, data: moved(s.data) }));
	const groups = new Map<string, DerivedPointRow[]>();
	for (const p of own) {
		const label = unitKindLabel(p.district, p.unit, p.kind);
		groups.set(label, [...(groups.get(label) ?? []), p]);
	}
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
	const pointAt = (seriesIndex: number, dataIndex: number) => {
		const s = derived[seriesIndex - base];
		const label = s ? s.id.slice(DERIVED_SERIES.length) : '';
		return groups.get(label)?.find((r) => String(r.year) === years[dataIndex]);
	};
	const original = option.tooltip as { formatter?: (info: unknown) => string } | undefined;
	const formatter = (info: unknown): string => {
		const list = (Array.isArray(info) ? info : [info]) as Param[];
		const i = list[0]?.dataIndex ?? 0;
		const printed = list.filter((p) => (p.seriesIndex ?? 0) < base);
		const oldIndex = oldYears.indexOf(years[i]);
		const head =
			oldIndex >= 0 && printed.length > 0 && typeof original?.formatter === 'function'
				? original.formatter(printed.map((p) => ({ ...p, dataIndex: oldIndex })))
				: tooltipHtml([`${years[i]}年`]);
		const lines: TooltipLine[] = list.flatMap((p) => {
			const point = (p.seriesIndex ?? 0) >= base ? pointAt(p.seriesIndex ?? 0, p.dataIndex ?? i) : undefined;
			if (!point) return [];
			const what = `${unitKindLabel(point.district, point.unit, point.kind)} ${wanText(point.value)}（${derivedLabel(point.source_year, point.source_kind)}，据“较${relationLabel(point.relation)}”所述增减）`;
			return [{ marker: typeof p.marker === 'string' ? p.marker : '', text: what }, ...(point.reason ? [`原因：${point.reason}`] : [])];
		});
		return lines.length > 0 ? `${head}<br/>${tooltipHtml(lines)}` : head;
	};
	return {
		...option,
		xAxis: { ...(option.xAxis as object), data: years },
		tooltip: { ...(original as object), formatter, extraCssText: 'max-width: 420px; white-space: normal;' },
		series: [...series, ...derived]
	} as ChartOption;
}
