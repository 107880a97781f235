import { describe, expect, it } from 'vitest';
import {
	buildBudgetDisclosuresOption,
	buildBudgetVsActualOption,
	buildItemsBudgetVsActualOption,
	derivedBudgets,
	executionRate,
	finalsAdded,
	threePublicCsv,
	threePublicTable,
	threePublicTotal
} from '$lib/charts/three-public';
import { threePublicParts } from '$lib/charts/three-public-items';
import type { ThreePublicRow } from '$lib/queries/three-public';
import type { DerivedExecutionRow } from '$lib/queries/narrative';

type Series = { name: string; data: unknown[] };
const GOV = '政务服务管理办公室';

const r = (district: string, year: number, kind: ThreePublicRow['kind'], item: ThreePublicRow['item'], budget: number | null, actual: number | null): ThreePublicRow => ({
	district,
	unit: GOV,
	year,
	kind,
	item,
	budget,
	actual,
	documents: 1
});

const ROWS: ThreePublicRow[] = [
	r('九龙坡区', 2021, 'final', 'total', 12, 9.5),
	r('九龙坡区', 2021, 'final', 'outbound', 0, 0),
	r('九龙坡区', 2021, 'final', 'vehicle', 8, 6.5),
	r('九龙坡区', 2021, 'final', 'reception', 4, 3),
	// a final account that prints only the parts (no total row)
	r('江津区', 2020, 'final', 'vehicle_purchase', 0, 0),
	r('江津区', 2020, 'final', 'vehicle_operation', 5, 4),
	r('江津区', 2020, 'final', 'reception', 2, 1),
	r('北碚区', 2023, 'budget', 'total', 7, null),
	r('北碚区', 2023, 'budget', 'vehicle', 5, null),
	r('北碚区', 2023, 'budget', 'reception', 2, null)
];

describe('threePublicTotal', () => {
	it('takes the printed total, or the sum of the parts when none is printed', () => {
		const at = (district: string, year: number) => ({ district, unit: GOV, year });
		expect(threePublicTotal(ROWS, at('九龙坡区', 2021), 'actual')).toBe(9.5);
		expect(threePublicTotal(ROWS, at('江津区', 2020), 'budget')).toBe(7);
		expect(threePublicTotal(ROWS, at('北碚区', 2023), 'actual')).toBeNull();
	});
});

describe('one unit per bar', () => {
	const two = [
		r('沙坪坝区', 2024, 'final', 'total', 18, 14),
		{ ...r('沙坪坝区', 2024, 'final', 'total', 6, 4.3), unit: '人民政府办公室' }
	];
	it('keeps two departments of a district apart, never adding their 三公', () => {
		const option = buildBudgetVsActualOption(two)!;
		expect((option.xAxis as { data: string[] }).data).toEqual([`沙坪坝区·人民政府办公室 2024`, `沙坪坝区·${GOV} 2024`]);
		expect((option.series as Series[])[1].data).toEqual([4.3, 14]);
	});
	it('says which 决算 the per-item chart adds up', () => {
		expect(finalsAdded(two, 2)).toBe(`2 份决算公开相加：沙坪坝区·人民政府办公室（2024年）、沙坪坝区·${GOV}（2024年）`);
		expect(finalsAdded([], 0)).toBe('');
		// a whole city: the first ten named (the query's `named` rows), all counted
		const ten = Array.from({ length: 10 }, (_, i) => ({ ...two[0], year: 2009 - i }));
		const text = finalsAdded(ten, 12);
		expect(text.startsWith('12 份决算公开相加：沙坪坝区·政务服务管理办公室（2000年）')).toBe(true);
		expect(text.split('、')).toHaveLength(10);
		expect(text.endsWith('（2009年） 等')).toBe(true);
	});
});

describe('buildBudgetVsActualOption', () => {
	it('sets 预算数 against 决算数 for final accounts only, by year then district', () => {
		const option = buildBudgetVsActualOption(ROWS)!;
		expect((option.xAxis as { data: string[] }).data).toEqual([`江津区·${GOV} 2020`, `九龙坡区·${GOV} 2021`]);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['预算数（决算公开）', '决算数']);
		expect(s[0].data).toEqual([7, 12]);
		expect(s[1].data).toEqual([5, 9.5]);
	});
	it('is null without final accounts', () => {
		expect(buildBudgetVsActualOption(ROWS.filter((x) => x.kind === 'budget'))).toBeNull();
	});
});

/** The per-item sums threePublicChartQuery gives for the 决算 of ROWS (its part logic: threePublicParts). */
const sums = (rows: readonly ThreePublicRow[]) =>
	(['outbound', 'vehicle', 'reception'] as const).map((item) => {
		const finals = rows.filter((x) => x.kind === 'final');
		const key = (x: ThreePublicRow) => `${x.district}|${x.year}`;
		const of = (field: 'budget' | 'actual') => {
			const hit = threePublicParts(finals, (x) => x[field], key).filter((p) => p.item === item);
			return hit.length ? Math.round(hit.reduce((a, p) => a + p.value, 0) * 100) / 100 : null;
		};
		return { item, budget: of('budget'), actual: of('actual') };
	});

describe('buildItemsBudgetVsActualOption', () => {
	it('draws each part as summed over the final accounts', () => {
		const s = buildItemsBudgetVsActualOption(sums(ROWS))!.series as Series[];
		expect(s[0].data).toEqual([0, 13, 6]);
		expect(s[1].data).toEqual([0, 10.5, 4]);
	});
	it('is null when no 决算 gives a figure', () => {
		expect(buildItemsBudgetVsActualOption([])).toBeNull();
		expect(buildItemsBudgetVsActualOption(sums(ROWS.filter((x) => x.kind === 'budget')))).toBeNull();
	});
});

describe('buildBudgetDisclosuresOption', () => {
	it('stacks the 预算数 of budget disclosures only', () => {
		const option = buildBudgetDisclosuresOption(ROWS)!;
		expect((option.xAxis as { data: string[] }).data).toEqual([`北碚区·${GOV} 2023`]);
		expect((option.series as Series[]).map((x) => x.data)).toEqual([[null], [5], [2]]);
	});
});

describe('threePublicParts', () => {
	it('never counts the car figure twice and drops figures that are not given', () => {
		const parts = threePublicParts(
			[
				{ k: 'a', item: 'vehicle', v: 6 },
				{ k: 'a', item: 'vehicle_operation', v: 6 },
				{ k: 'b', item: 'vehicle_operation', v: 2 },
				{ k: 'b', item: 'outbound', v: null },
				{ k: 'b', item: 'total', v: 2 }
			],
			(x) => x.v,
			(x) => x.k
		);
		expect(parts.map((p) => [p.source.k, p.item, p.value])).toEqual([
			['a', 'vehicle', 6],
			['b', 'vehicle', 2]
		]);
	});
});

describe('executionRate and threePublicTable', () => {
	it('gives the rate for final accounts and a dash where it cannot be computed', () => {
		expect(executionRate(12, 9.5)).toBe('79.2%');
		expect(executionRate(null, 1)).toBe('—');
		expect(executionRate(0, 1)).toBe('—');
		const lines = threePublicTable(ROWS);
		expect(lines[0]).toMatchObject({ item: '“三公”经费合计', rate: '79.2%' });
		expect(lines.at(-1)).toMatchObject({ item: '公务接待费', rate: '—' });
	});
});

describe('/three-public: a 决算\'s 年初预算数 from its prose where its table prints none', () => {
	const pair = (measure: string, budget: number, final: number, source_line: number, reason: string | null = null): DerivedExecutionRow => ({
		district: '江津区', unit: GOV, year: 2020, measure, budget, final, reason, source_doc: 'x', source_line, source_page: null
	});
	// 江津区 2020: its table prints 决算数 only; the prose gives the 年初预算数 of each item
	const NO_BUDGET: ThreePublicRow[] = [
		r('九龙坡区', 2021, 'final', 'total', 12, 9.5),
		r('江津区', 2020, 'final', 'total', null, 2.68),
		r('江津区', 2020, 'final', 'vehicle_purchase', null, 0),
		r('江津区', 2020, 'final', 'vehicle_operation', null, 2.29),
		r('江津区', 2020, 'final', 'reception', null, 0.39)
	];
	const PAIRS = [
		pair('three_public.total', 6, 2.68, 47, '主要原因是从严控制'),
		pair('three_public.vehicle_purchase', 0, 0, 50),
		pair('three_public.vehicle_operation', 5, 2.29, 51, '主要原因是严格落实公车使用规定'),
		pair('three_public.reception', 1, 0.39, 52)
	];
	type Bar = Series & { id?: string; itemStyle?: { borderType?: string } };

	it('adds 购置 + 运行 up to 公务用车 and keeps only items the table leaves blank', () => {
		const d = derivedBudgets(NO_BUDGET, PAIRS);
		expect(d.map((x) => [x.item, x.value])).toEqual([['total', 6], ['vehicle', 5], ['reception', 1]]);
		// a printed 预算数 is never replaced
		expect(derivedBudgets(ROWS, [{ ...PAIRS[0], district: '九龙坡区', year: 2021 }])).toEqual([]);
	});

	it('draws the derived total as a hollow bar of its own series, with reason and line in the tooltip', () => {
		const option = buildBudgetVsActualOption(NO_BUDGET, PAIRS)!;
		const series = option.series as Bar[];
		expect(series.map((s) => s.name)).toEqual(['预算数（决算公开）', '决算数', '预算数（据决算文字推算）']);
		expect(series[2].itemStyle?.borderType).toBe('dashed');
		const places = (option.xAxis as { data: string[] }).data;
		const at = places.indexOf('江津区·政务服务管理办公室 2020');
		expect(series[2].data[at]).toBe(6);
		expect(series[2].data[places.indexOf('九龙坡区·政务服务管理办公室 2021')]).toBeNull();
		const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: at }]);
		expect(html).toContain('年初预算数 6.00 万元（据2020年决算文字推算');
		expect(html).toContain('执行率 44.7%（按推算的年初预算数）');
		expect(html).toContain('原因：主要原因是从严控制');
		expect(html).toContain('出处：江津区·政务服务管理办公室 2020年决算公开，第 47 行');
	});

	it('sums the derived item budgets apart from the printed ones in the per-item chart', () => {
		// threePublicDerivedQuery gives the pairs of the items NO_BUDGET's table leaves blank (all but the total), and their sums
		const listed = PAIRS.filter((p) => p.measure !== 'three_public.total');
		const derivedSums = [
			{ item: 'outbound', budget: 0, entries: 0 },
			{ item: 'vehicle', budget: 5, entries: 1 },
			{ item: 'reception', budget: 1, entries: 1 }
		].filter((d) => d.entries > 0);
		const option = buildItemsBudgetVsActualOption(sums(NO_BUDGET), listed, derivedSums)!;
		const series = option.series as Bar[];
		expect(series[2]).toMatchObject({ name: '预算数（据决算文字推算）', data: [null, 5, 1] });
		const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 1, seriesIndex: 2, value: 5, marker: '', seriesName: '预算数（据决算文字推算）' }]);
		expect(html).toContain('江津区·政务服务管理办公室 2020 年初预算数 5.00 万元');
		expect(html).toContain('第 50 行');
		expect(html).toContain('原因：主要原因是严格落实公车使用规定');
		// without derived pairs the chart is as before
		expect((buildItemsBudgetVsActualOption(sums(NO_BUDGET))!.series as Bar[]).map((s) => s.name)).toEqual(['预算数（决算公开）', '决算数']);
	});
});

describe('threePublicCsv', () => {
	it('lists every row with figures as numbers and the 决算 rate in percent', () => {
		const csv = threePublicCsv([r('北碚区', 2021, 'final', 'total', 8, 6), r('北碚区', 2022, 'budget', 'reception', 1.5, null)]);
		const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
		expect(lines[0]).toBe('区县,部门类别,年度,类型,项目,预算数（万元）,决算数（万元）,执行率（%）');
		expect(lines[1]).toBe(`北碚区,${GOV},2021,决算,“三公”经费合计,8,6,75`);
		expect(lines[2]).toBe(`北碚区,${GOV},2022,预算,公务接待费,1.5,,`);
	});
});
