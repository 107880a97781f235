/**
 * What /three-public computed in JS before its charts were aggregated in SQL (commit 2690ede's
 * src/lib/charts/three-public.ts, kept verbatim but for imports): the reference the SQL is checked
 * against on the seeds (three-public-sql.test.ts). Not used by the app. Only the parts SQL replaced
 * are kept here — the per-item sums and the 决算 named, both over every row; the per-place and 预算
 * charts were and are the app's own builders, taken from src (the SQL now chooses their rows).
 */
import type { ThreePublicRow } from '$lib/queries/three-public';
import type { DerivedExecutionRow } from '$lib/queries/narrative';
import { derivedLabel, unitLabel } from '$lib/format/labels';
import {
	axisTooltip,
	KIND_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	sum2,
	valueLabels,
	wanAxis,
	wanText,
	type TooltipLine
} from '$lib/charts/common';
import { INK } from '$lib/charts/contrast';
import { DERIVED_SERIES, derivedBarStyle, derivedSourceText } from '$lib/charts/derived-style';
import { threePublicParts } from '$lib/charts/three-public-items';
import { derivedBudgets, type DerivedBudget } from '$lib/charts/three-public';
import type { ChartOption } from '$lib/charts/types';

export { buildBudgetDisclosuresOption, buildBudgetVsActualOption } from '$lib/charts/three-public';

/** The 预算数 shown next to a 决算数 is the final account's own budget column: a lighter 决算 hue. */
const BUDGET_IN_FINAL_COLOR = '#f0c08f';
const DERIVED_BUDGET = '据决算文字推算';

/** One unit's disclosure(s) of one year: what a bar of these charts stands for. */
interface Place {
	district: string;
	unit: string;
	year: number;
}

const placeYear = (r: Place): string => `${unitLabel(r.district, r.unit)} ${r.year}`;
const placeKey = (r: ThreePublicRow): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);

function placesOf(rows: readonly ThreePublicRow[]): Place[] {
	const map = new Map(rows.map((r) => [placeYear(r), { district: r.district, unit: r.unit, year: r.year }]));
	return [...map.values()].sort(
		(a, b) => a.year - b.year || a.district.localeCompare(b.district, 'zh-CN') || a.unit.localeCompare(b.unit, 'zh-CN')
	);
}

/** A derived 年初预算数's tooltip lines: how much, from which 决算, why, and where. */
function derivedBudgetLines(d: DerivedBudget, what: string): TooltipLine[] {
	return [
		`${what}年初预算数 ${wanText(d.value)}（${derivedLabel(d.place.year, 'final')}：该年预算公开未收录）`,
		...d.from.flatMap((r) => [...(r.reason ? [`原因：${r.reason}`] : []), derivedSourceText({ ...r, source_year: r.year, source_kind: 'final' })])
	];
}

/** The series of derived 预算数: hollow, dashed, hatched, labelled as read from the 决算's prose. */
function derivedBudgetSeries(id: string, data: (number | null)[]) {
	return {
		type: 'bar' as const,
		id: `${DERIVED_SERIES}${id}`,
		name: `预算数（${DERIVED_BUDGET}）`,
		color: BUDGET_IN_FINAL_COLOR,
		itemStyle: derivedBarStyle(KIND_COLOR.final),
		label: {
			show: true,
			position: 'top' as const,
			fontSize: 10,
			color: INK,
			formatter: (q: { value?: unknown }) => (typeof q.value === 'number' ? `${wanText(q.value)}\n${DERIVED_BUDGET}` : '')
		},
		data
	};
}

/** At most this many disclosures are named in {@link finalsAdded}; the count covers them all. */
const NAMED_FINALS = 10;

/**
 * Which 决算 disclosures the per-item chart adds up, in words: `2 份决算公开相加：九龙坡区·政务服务
 * 管理办公室（2021年）、江津区·政务服务管理办公室（2020年）` — the first ten and `等` past ten (at a
 * whole city they are thousands); `''` when there are none.
 */
export function finalsAdded(rows: readonly ThreePublicRow[]): string {
	const places = placesOf(rows.filter((r) => r.kind === 'final'));
	if (places.length === 0) return '';
	const named = places.slice(0, NAMED_FINALS).map((p) => `${unitLabel(p.district, p.unit)}（${p.year}年）`);
	return `${places.length} 份决算公开相加：${named.join('、')}${places.length > NAMED_FINALS ? ' 等' : ''}`;
}

/**
 * Per item (出国, 公务用车, 接待): 预算数 vs 决算数 summed over the filtered 决算 disclosures; the
 * 年初预算数 read from prose where a 决算's table prints none (`derived`) summed apart, as a hollow
 * bar of its own series whose tooltip names each 决算 it comes from.
 */
export function buildItemsBudgetVsActualOption(rows: readonly ThreePublicRow[], derived: readonly DerivedExecutionRow[] = []): ChartOption | null {
	const finals = rows.filter((r) => r.kind === 'final');
	const budget = threePublicParts(finals, (r) => r.budget, placeKey);
	const actual = threePublicParts(finals, (r) => r.actual, placeKey);
	if (budget.length === 0 && actual.length === 0) return null;
	const sum = (parts: typeof budget, item: string): number | null => {
		const hit = parts.filter((p) => p.item === item);
		return hit.length ? sum2(hit.map((p) => p.value)) : null;
	};
	const extra = derivedBudgets(finals, derived).filter((d) => d.item !== 'total');
	const extraOf = (item: string) => extra.filter((d) => d.item === item);
	return {
		...cartesianBase(),
		...(extra.length
			? {
					tooltip: {
						...axisTooltip((i, params) => {
							const item = THREE_PUBLIC_PARTS[i];
							return [
								THREE_PUBLIC_LABEL[item],
								...params.map((p) => ({ marker: typeof p.marker === 'string' ? p.marker : '', text: `${p.seriesName ?? ''} ${wanText(typeof p.value === 'number' ? p.value : null)}` })),
								...extraOf(item).flatMap((d) => derivedBudgetLines(d, `${unitLabel(d.place.district, d.place.unit)} ${d.place.year} `))
							];
						}),
						extraCssText: 'max-width: 420px; white-space: normal;'
					}
				}
			: {}),
		xAxis: {
			type: 'category',
			data: THREE_PUBLIC_PARTS.map((i) => THREE_PUBLIC_LABEL[i]),
			axisLabel: { interval: 0, width: 120, overflow: 'break' }
		},
		yAxis: wanAxis(),
		series: [
			{
				type: 'bar',
				name: '预算数（决算公开）',
				color: BUDGET_IN_FINAL_COLOR,
				...valueLabels('top'),
				data: THREE_PUBLIC_PARTS.map((i) => sum(budget, i))
			},
			{ type: 'bar', name: '决算数', color: KIND_COLOR.final, ...valueLabels('top'), data: THREE_PUBLIC_PARTS.map((i) => sum(actual, i)) },
			...(extra.length
				? [derivedBudgetSeries('budget-items', THREE_PUBLIC_PARTS.map((i) => (extraOf(i).length ? sum2(extraOf(i).map((d) => d.value)) : null)))]
				: [])
		]
	};
}
