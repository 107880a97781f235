/**
 * The JS aggregation /three-public did before its charts were aggregated in SQL (commit 2690ede's
 * src/lib/charts/three-public.ts, kept verbatim but for imports): the reference the SQL is checked
 * against on the seeds (three-public-sql.test.ts). Not used by the app.
 *
 * Option builders for /three-public: 三公经费 budget (预算数) against actual (决算数) where a 决算
 * exists, per unit (district + department kind) and year, and per item. Only 决算 disclosures
 * carry both figures; 预算 disclosures get their own chart of 预算数.
 */
import type { ThreePublicRow } from '$lib/queries/three-public';
import type { DerivedExecutionRow } from '$lib/queries/narrative';
import { toCsv, type CsvColumn } from '$lib/format/csv';
import { percentNumber } from '$lib/format/number';
import { derivedLabel, kindLabel, unitLabel } from '$lib/format/labels';
import {
	axisTooltip,
	ITEM_COLOR,
	KIND_COLOR,
	THREE_PUBLIC_LABEL,
	THREE_PUBLIC_PARTS,
	cartesianBase,
	sum2,
	percentText,
	valueLabels,
	wanAxis,
	wanText,
	type ThreePublicPart,
	type TooltipLine
} from '$lib/charts/common';
import { INK } from '$lib/charts/contrast';
import { DERIVED_SERIES, derivedBarStyle, derivedSourceText } from '$lib/charts/derived-style';
import { threePublicParts } from '$lib/charts/three-public-items';
import type { ChartOption } from '$lib/charts/types';

/** The 预算数 shown next to a 决算数 is the final account's own budget column: a lighter 决算 hue. */
const BUDGET_IN_FINAL_COLOR = '#f0c08f';

/** One unit's disclosure(s) of one year: what a bar of these charts stands for. */
interface Place {
	district: string;
	unit: string;
	year: number;
}

const placeYear = (r: Place): string => `${unitLabel(r.district, r.unit)} ${r.year}`;
const placeKey = (r: ThreePublicRow): string => JSON.stringify([r.district, r.unit, r.year, r.kind]);
const samePlace = (r: Place, p: Place): boolean => r.district === p.district && r.unit === p.unit && r.year === p.year;

/** Execution rate 决算数 ÷ 预算数 as text (`86.0%`); `—` when either is not given. */
export function executionRate(budget: number | null, actual: number | null): string {
	if (budget === null || actual === null) return '—';
	return percentText(actual, budget);
}

/** Distinct unit·year places of `rows`, by year, then district and unit. */
function placesOf(rows: readonly ThreePublicRow[]): Place[] {
	const map = new Map(rows.map((r) => [placeYear(r), { district: r.district, unit: r.unit, year: r.year }]));
	return [...map.values()].sort(
		(a, b) => a.year - b.year || a.district.localeCompare(b.district, 'zh-CN') || a.unit.localeCompare(b.unit, 'zh-CN')
	);
}

/**
 * The 三公 total of one place for `field`: its `total` row, or the sum of the parts when the
 * disclosure prints no total; null when neither is given.
 */
export function threePublicTotal(rows: readonly ThreePublicRow[], place: Place, field: 'budget' | 'actual'): number | null {
	const mine = rows.filter((r) => samePlace(r, place));
	const total = mine.find((r) => r.item === 'total')?.[field];
	if (total !== null && total !== undefined) return total;
	const parts = threePublicParts(mine, (r) => r[field], placeKey);
	return parts.length ? sum2(parts.map((p) => p.value)) : null;
}

/** A 决算's own 年初预算数 of one 三公 item read from its prose, where its 三公 table prints none. */
export interface DerivedBudget {
	place: Place;
	item: 'total' | ThreePublicPart;
	value: number;
	/** The prose figures it is read from (two for 公务用车 from its 购置 and 运行 sentences). */
	from: DerivedExecutionRow[];
}

const DERIVED_BUDGET = '据决算文字推算';
const THREE_PUBLIC_PREFIX = 'three_public.';

/**
 * The derived 年初预算数 of `derived` (derivedExecutionQuery's rows: 决算 whose 预算 disclosure is
 * missing) per place and item, only where the 决算's 三公 table (`finals`) prints no 预算数 for it —
 * a printed figure is never replaced. 公务用车 is 购置 + 运行 where the prose gives no 公务用车 figure.
 */
export function derivedBudgets(finals: readonly ThreePublicRow[], derived: readonly DerivedExecutionRow[]): DerivedBudget[] {
	const asItems = derived
		.filter((r) => r.measure.startsWith(THREE_PUBLIC_PREFIX))
		.map((r) => ({ ...r, item: r.measure.slice(THREE_PUBLIC_PREFIX.length) }));
	const placeOf = (r: Place): Place => ({ district: r.district, unit: r.unit, year: r.year });
	// by place and item, and the finals by place: linear at a whole city's thousands of 决算
	const out = new Map<string, DerivedBudget>();
	const add = (place: Place, item: DerivedBudget['item'], value: number, from: DerivedExecutionRow) => {
		const key = JSON.stringify([placeYear(place), item]);
		const hit = out.get(key);
		if (hit) {
			hit.value = sum2([hit.value, value]);
			hit.from.push(from);
		} else out.set(key, { place, item, value, from: [from] });
	};
	const finalsAt = new Map<string, ThreePublicRow[]>();
	for (const r of finals) {
		const k = placeYear(r);
		const list = finalsAt.get(k);
		if (list) list.push(r);
		else finalsAt.set(k, [r]);
	}
	for (const r of asItems.filter((r) => r.item === 'total')) add(placeOf(r), 'total', r.budget, r);
	for (const p of threePublicParts(asItems, (r) => r.budget, (r) => placeYear(r))) add(placeOf(p.source), p.item, p.value, p.source);
	const printed = (d: DerivedBudget): boolean => {
		const mine = finalsAt.get(placeYear(d.place)) ?? [];
		if (d.item === 'total') return threePublicTotal(mine, d.place, 'budget') !== null;
		return threePublicParts(mine, (r) => r.budget, placeKey).some((p) => p.item === d.item);
	};
	return [...out.values()].filter((d) => !printed(d));
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

/**
 * 三公 total per unit and year of the 决算 disclosures: 预算数 and 决算数 side by side; where a
 * 决算's table prints no 预算数 and its 预算 disclosure is missing, the 年初预算数 its prose implies
 * (`derived`, see {@link derivedBudgets}) as a hollow bar of its own series.
 */
export function buildBudgetVsActualOption(rows: readonly ThreePublicRow[], derived: readonly DerivedExecutionRow[] = []): ChartOption | null {
	const finals = rows.filter((r) => r.kind === 'final');
	const places = placesOf(finals);
	const budget = places.map((p) => threePublicTotal(finals, p, 'budget'));
	const actual = places.map((p) => threePublicTotal(finals, p, 'actual'));
	if (actual.every((v) => v === null) && budget.every((v) => v === null)) return null;
	const extra = derivedBudgets(finals, derived).filter((d) => d.item === 'total');
	const derivedAt = places.map((p) => extra.find((d) => samePlace(d.place, p)));
	return {
		...cartesianBase(),
		tooltip: {
			...axisTooltip((i) => [
				`${placeYear(places[i])} 决算`,
				`预算数 ${wanText(budget[i])}`,
				`决算数 ${wanText(actual[i])}`,
				`执行率 ${executionRate(budget[i] ?? derivedAt[i]?.value ?? null, actual[i])}${derivedAt[i] ? '（按推算的年初预算数）' : ''}`,
				...(derivedAt[i] ? derivedBudgetLines(derivedAt[i]!, '') : [])
			]),
			extraCssText: 'max-width: 420px; white-space: normal;'
		},
		xAxis: { type: 'category', data: places.map(placeYear), axisLabel: { interval: 0 } },
		yAxis: wanAxis(),
		series: [
			{ type: 'bar', name: '预算数（决算公开）', color: BUDGET_IN_FINAL_COLOR, ...valueLabels('top'), data: budget },
			{ type: 'bar', name: '决算数', color: KIND_COLOR.final, ...valueLabels('top'), data: actual },
			...(extra.length ? [derivedBudgetSeries('budget-total', derivedAt.map((d) => d?.value ?? null))] : [])
		]
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

/** The 预算数 of the 预算 disclosures per unit and year, stacked by item. */
export function buildBudgetDisclosuresOption(rows: readonly ThreePublicRow[]): ChartOption | null {
	const budgets = rows.filter((r) => r.kind === 'budget');
	const parts = threePublicParts(budgets, (r) => r.budget, placeKey);
	if (parts.length === 0) return null;
	const places = placesOf(parts.map((p) => p.source));
	return {
		...cartesianBase(),
		xAxis: { type: 'category', data: places.map(placeYear), axisLabel: { interval: 0 } },
		yAxis: wanAxis(),
		series: THREE_PUBLIC_PARTS.map((item) => ({
			type: 'bar' as const,
			name: THREE_PUBLIC_LABEL[item],
			color: ITEM_COLOR[item],
			stack: 'budget',
			...valueLabels('inside', 'wan', ITEM_COLOR[item]),
			data: places.map((place) => {
				const hit = parts.filter((p) => p.item === item && samePlace(p.source, place));
				return hit.length ? sum2(hit.map((p) => p.value)) : null;
			})
		}))
	};
}

/** One line of the detail table under the charts. */
export interface ThreePublicTableLine {
	district: string;
	unit: string;
	year: number;
	kind: ThreePublicRow['kind'];
	item: string;
	budget: number | null;
	actual: number | null;
	rate: string;
}

/** Rows as table lines with their item labels and execution rates, in the query's order. */
export function threePublicTable(rows: readonly ThreePublicRow[]): ThreePublicTableLine[] {
	return rows.map((r) => ({
		district: r.district,
		unit: r.unit,
		year: r.year,
		kind: r.kind,
		item: THREE_PUBLIC_LABEL[r.item] ?? r.item,
		budget: r.budget,
		actual: r.actual,
		rate: r.kind === 'final' ? executionRate(r.budget, r.actual) : '—'
	}));
}

const TABLE_COLUMNS: CsvColumn[] = [
	{ key: 'district', header: '区县' },
	{ key: 'unit', header: '部门类别' },
	{ key: 'year', header: '年度' },
	{ key: 'kind', header: '类型' },
	{ key: 'item', header: '项目' },
	{ key: 'budget', header: '预算数（万元）' },
	{ key: 'actual', header: '决算数（万元）' },
	{ key: 'rate', header: '执行率（%）' }
];

/** The detail table as CSV: every row, figures as numbers (万元; the rate in percent, two decimals). */
export function threePublicCsv(rows: readonly ThreePublicRow[]): string {
	return toCsv(
		TABLE_COLUMNS,
		rows.map((r) => ({
			district: r.district,
			unit: r.unit,
			year: r.year,
			kind: kindLabel(r.kind),
			item: THREE_PUBLIC_LABEL[r.item] ?? r.item,
			budget: r.budget,
			actual: r.actual,
			rate: r.kind === 'final' && r.budget !== null && r.budget !== 0 && r.actual !== null ? percentNumber(r.actual / r.budget) : null
		}))
	);
}
