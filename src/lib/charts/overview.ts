/**
 * Option builders for the overview (/): the first chart is drawn from the build-time snapshot's
 * KPIs, so it must need nothing but `KpiRow`s.
 */
import type { KpiRow } from '$lib/queries/kpis';
import type { TrendRow } from '$lib/queries/trends';
import { kindLabel } from '$lib/format/labels';
import { KIND_COLOR, SPLIT_COLOR, axisTooltip, cartesianBase, distinct, percentText, sum2, wanAxis, wanText } from './common';
import { yearAxis } from './trends';
import type { ChartOption } from './types';

/** Basic/project spending of one kind: a `KpiRow` has these fields, and so does {@link splitByKind}'s output. */
export type KindSplit = Pick<KpiRow, 'kind' | 'documents' | 'total' | 'basic' | 'project'>;

/**
 * Trend rows summed per kind (预算 first). The overview's split chart is drawn from these when a
 * filter is set, so it needs the one query that also feeds the by-year chart rather than waiting
 * for the KPI query as well. Sums of a kind's rows equal the KPI query's sums (both add up the
 * same per-document figures).
 */
export function splitByKind(rows: readonly TrendRow[]): KindSplit[] {
	const out: KindSplit[] = [];
	for (const kind of ['budget', 'final'] as const) {
		const mine = rows.filter((r) => r.kind === kind);
		if (mine.length === 0) continue;
		const sumOrNull = (pick: (r: TrendRow) => number | null): number | null =>
			mine.some((r) => pick(r) !== null) ? sum2(mine.map(pick)) : null;
		out.push({
			kind,
			documents: mine.reduce((n, r) => n + r.documents, 0),
			total: sumOrNull((r) => r.total),
			basic: sumOrNull((r) => r.basic),
			project: sumOrNull((r) => r.project)
		});
	}
	return out;
}

/** The part of a total that the documents do not split into basic and project (narrative-only). */
export function unsplit(row: Pick<KpiRow, 'total' | 'basic' | 'project'>): number {
	const rest = (row.total ?? 0) - (row.basic ?? 0) - (row.project ?? 0);
	// below a cent-level residue this is rounding in the printed figures, not missing detail
	return rest > 0.02 ? Math.round(rest * 100) / 100 : 0;
}

/**
 * Basic vs project spending, one horizontal bar per kind (预算 and 决算 on separate bars, never
 * added). What the documents give only as a total is a third, grey `未区分` part.
 */
export function buildSplitByKindOption(kpis: readonly KindSplit[]): ChartOption | null {
	const rows = kpis.filter((k) => (k.total ?? 0) > 0);
	if (rows.length === 0) return null;
	const labels = rows.map((k) => `${kindLabel(k.kind)}（${k.documents} 份）`);
	const part = (name: string, color: string, pick: (k: KindSplit) => number) => ({
		type: 'bar' as const,
		name,
		stack: 'split',
		color,
		barMaxWidth: 36,
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

/** Total spending per year, 预算 and 决算 as two labelled series (summed over the districts). */
export function buildSpendingByYearOption(rows: readonly TrendRow[]): ChartOption | null {
	const data = rows.filter((r) => r.total !== null);
	if (data.length === 0) return null;
	const years = yearAxis(distinct(data.map((r) => r.year)));
	const sum = (kind: TrendRow['kind'], year: number): number | null => {
		const hit = data.filter((r) => r.kind === kind && r.year === year);
		return hit.length ? sum2(hit.map((r) => r.total)) : null;
	};
	const kinds = distinct(data.map((r) => r.kind));
	return {
		...cartesianBase(),
		xAxis: { type: 'category', data: years.map(String) },
		yAxis: wanAxis(),
		series: kinds.map((kind) => ({
			type: 'bar' as const,
			name: `${kindLabel(kind)}支出`,
			color: KIND_COLOR[kind],
			barMaxWidth: 40,
			data: years.map((y) => sum(kind, y))
		}))
	};
}
