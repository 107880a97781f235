/**
 * Option builders for the overview (/): the first chart is drawn from the build-time snapshot's
 * KPIs, so it must need nothing but `KpiRow`s — and so it adds up exactly what the KPI cards add
 * up (each unit's latest disclosure), with the number of units in its labels.
 */
import type { KpiRow, KpiUnit } from '$lib/queries/kpis';
import { MAX_STACKED_UNITS, type YearStackRow } from '$lib/queries/year-stack';
import { kindLabel, unitLabel, yearRangeLabel } from '$lib/format/labels';
import {
	KIND_COLOR,
	PALETTE,
	SPLIT_COLOR,
	axisTooltip,
	cartesianBase,
	distinct,
	labelsWhereTheyFit,
	percentText,
	sum2,
	tooltipHtml,
	unitKindLabel,
	valueLabels,
	wanAxis,
	wanText
} from './common';
import { yearAxis } from './trends';
import type { ChartOption } from './types';

/** Basic/project spending of one kind and what it adds up: the fields of a `KpiRow` the split chart needs. */
export type KindSplit = Pick<KpiRow, 'kind' | 'documents' | 'total' | 'basic' | 'project'>;

/** What a KPI adds up, for its headline: `3 个单位各自最新一份（2023–2025年）`; `''` for nothing. */
export function basisHeadline(k: Pick<KpiRow, 'documents' | 'year_from' | 'year_to'>): string {
	if (k.documents === 0) return '';
	const span = k.year_from === null || k.year_to === null ? '' : `（${yearRangeLabel({ from: k.year_from, to: k.year_to })}）`;
	// one document per unit: the KPI adds each unit's latest
	return k.documents === 1 ? `1 个单位的最新一份${span}` : `${k.documents} 个单位各自最新一份${span}`;
}

/**
 * The disclosures a KPI adds up, by name: `沙坪坝区·人民政府办公室（2025年）、…`; past the listed
 * ones (`units`, the first of `count`) the rest are counted (`等 40 个单位`), so a card over every
 * district stays readable.
 */
export function basisUnits(units: readonly KpiUnit[], count: number = units.length): string {
	const names = units.map((u) => `${unitLabel(u.district, u.unit)}（${u.year}年）`).join('、');
	return count <= units.length ? names : `${names} 等 ${count} 个单位`;
}

/** The part of a total that the documents do not split into basic and project (narrative-only). */
export function unsplit(row: Pick<KpiRow, 'total' | 'basic' | 'project'>): number {
	const rest = (row.total ?? 0) - (row.basic ?? 0) - (row.project ?? 0);
	// below a cent-level residue this is rounding in the printed figures, not missing detail
	return rest > 0.02 ? Math.round(rest * 100) / 100 : 0;
}

/**
 * Basic vs project spending, one horizontal bar per kind (预算 and 决算 on separate bars, never
 * added), each the sum of the units its label counts. What the documents give only as a total is
 * a third, grey `未区分` part.
 */
export function buildSplitByKindOption(kpis: readonly KindSplit[]): ChartOption | null {
	const rows = kpis.filter((k) => (k.total ?? 0) > 0);
	if (rows.length === 0) return null;
	const labels = rows.map((k) => `${kindLabel(k.kind)}（${k.documents} 个单位）`);
	const part = (name: string, color: string, pick: (k: KindSplit) => number) => ({
		type: 'bar' as const,
		name,
		stack: 'split',
		color,
		barMaxWidth: 36,
		...valueLabels('inside', 'wan', color),
		data: rows.map(pick)
	});
	const series = [
		part('基本支出', SPLIT_COLOR.basic, (k) => k.basic ?? 0),
		part('项目支出', SPLIT_COLOR.project, (k) => k.project ?? 0)
	];
	if (rows.some((k) => unsplit(k) > 0)) series.push(part('未区分基本/项目', '#b8bec6', unsplit));
	return {
		...cartesianBase(),
		tooltip: axisTooltip((i, list) => {
			const k = rows[i];
			const whole = k.total ?? 0;
			return [
				`${kindLabel(k.kind)} 支出合计 ${wanText(k.total)}`,
				...list.map((p) => {
					const v = typeof p.value === 'number' ? p.value : 0;
					return { marker: String(p.marker ?? ''), text: `${p.seriesName ?? ''} ${wanText(v)}（${percentText(v, whole)}）` };
				})
			];
		}),
		grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
		xAxis: wanAxis(),
		yAxis: { type: 'category', data: labels, inverse: true },
		series
	};
}

/** One segment of a kind's stack: a named unit, or the kind's 其他 segment. */
interface Segment {
	label: string;
	kind: YearStackRow['kind'];
	/** The named unit's district and unit; null for 其他. */
	unit: { district: string; unit: string } | null;
	/** Per year: the value drawn and how many units it adds. */
	byYear: Map<number, { values: number[]; units: number }>;
}

function addTo(seg: Segment, r: YearStackRow): void {
	const at = seg.byYear.get(r.year) ?? { values: [], units: 0 };
	at.values.push(r.total!);
	at.units += Number(r.units);
	seg.byYear.set(r.year, at);
}

/**
 * Each kind's named units (in name order), then each kind's 其他 segment: the query has decided
 * which units are named ({@link MAX_STACKED_UNITS} per kind, the largest by their total over the years).
 */
function segmentsOf(data: readonly YearStackRow[]): Segment[] {
	const named = new Map<string, Segment>();
	const rest = new Map<YearStackRow['kind'], Segment>();
	for (const r of data) {
		if (r.unit !== null) {
			const label = unitKindLabel(r.district, r.unit, r.kind);
			let seg = named.get(label);
			if (!seg) named.set(label, (seg = { label, kind: r.kind, unit: { district: r.district, unit: r.unit }, byYear: new Map() }));
			addTo(seg, r);
		} else {
			let seg = rest.get(r.kind);
			if (!seg) rest.set(r.kind, (seg = { label: `其他 ${Number(r.others)} 个单位·${kindLabel(r.kind)}`, kind: r.kind, unit: null, byYear: new Map() }));
			addTo(seg, r);
		}
	}
	const byKind = (kind: YearStackRow['kind']) =>
		[...named.values()].filter((s) => s.kind === kind).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
	const others = (['budget', 'final'] as const).flatMap((kind) => (rest.has(kind) ? [rest.get(kind)!] : []));
	return [...byKind('budget'), ...byKind('final'), ...others];
}

/**
 * Total spending per year: per kind one bar, stacked by unit, so that a year's bar is visibly the
 * sum of named units (a year in which another department published is a taller bar made of more
 * segments, not a rise). 预算 and 决算 are separate stacks, never added. The
 * {@link MAX_STACKED_UNITS} largest units of a kind are named; the others are one labelled
 * `其他 N 个单位` segment whose tooltip counts them.
 */
export function buildSpendingByYearOption(rows: readonly YearStackRow[]): ChartOption | null {
	const data = rows.filter((r) => r.total !== null);
	if (data.length === 0) return null;
	const years = yearAxis(distinct(data.map((r) => r.year)));
	const segments = segmentsOf(data);
	// each kind's and year's totals, for the tooltip's 合计 line
	const yearTotals = new Map<string, { values: number[]; units: number }>();
	for (const r of data) {
		const k = `${r.kind}|${r.year}`;
		const at = yearTotals.get(k) ?? { values: [], units: 0 };
		at.values.push(r.total!);
		at.units += Number(r.units);
		yearTotals.set(k, at);
	}
	const yearTotal = (kind: YearStackRow['kind'], year: number): { sum: number; units: number } => {
		const at = yearTotals.get(`${kind}|${year}`);
		return { sum: sum2(at?.values ?? []), units: at?.units ?? 0 };
	};
	const valueAt = (seg: Segment, year: number): number | null => {
		const at = seg.byYear.get(year);
		return at ? sum2(at.values) : null;
	};
	const tallest = Math.max(0, ...[...yearTotals.values()].map((t) => sum2(t.values)));
	return {
		...cartesianBase(),
		tooltip: {
			trigger: 'item',
			formatter: (info) => {
				const p = Array.isArray(info) ? info[0] : info;
				const seg = segments[p.seriesIndex ?? 0];
				if (!seg) return '';
				const year = Number(p.name);
				const whole = yearTotal(seg.kind, year);
				const who = seg.unit
					? unitLabel(seg.unit.district, seg.unit.unit)
					: `其他 ${seg.byYear.get(year)?.units ?? 0} 个单位（按各年合计不在前 ${MAX_STACKED_UNITS} 名）`;
				return tooltipHtml([
					`${p.name}年 ${kindLabel(seg.kind)}`,
					{ marker: String(p.marker ?? ''), text: `${who} ${wanText(valueAt(seg, year))}` },
					`${kindLabel(seg.kind)}合计 ${wanText(whole.sum)}（${whole.units} 个单位相加）`
				]);
			}
		},
		xAxis: { type: 'category', data: years.map(String) },
		yAxis: wanAxis(),
		series: segments.map((seg, i) => ({
			type: 'bar' as const,
			name: seg.label,
			stack: kindLabel(seg.kind),
			// the palette's colour by position, named so the label's colour can be chosen for it
			color: PALETTE[i % PALETTE.length],
			...valueLabels('inside', 'wan', PALETTE[i % PALETTE.length]),
			itemStyle: { borderColor: KIND_COLOR[seg.kind], borderWidth: 1 },
			barMaxWidth: 40,
			data: labelsWhereTheyFit(years.map((y) => valueAt(seg, y)), tallest)
		}))
	};
}
