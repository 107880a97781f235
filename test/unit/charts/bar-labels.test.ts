/**
 * Value labels on bars: every bar series of /compare, /, /trends, /three-public, /execution,
 * /rankings and the 经济分类 chart shows its figures as the rest of the UI prints them (万元 with
 * thousands separators, or a percentage), hides what would overlap, and reads at 4.5:1 on its bar.
 */
import { describe, expect, it } from 'vitest';
import { barValueText, valueLabels } from '$lib/charts/common';
import { contrastRatio } from '$lib/charts/contrast';
import { buildCompareFunctionOption, buildCompareSplitOption, buildCompareThreePublicOption } from '$lib/charts/compare';
import { buildSplitByKindOption, buildSpendingByYearOption } from '$lib/charts/overview';
import { STACK_LABEL_LIMIT, buildTrendSplitOption, buildTrendThreePublicOption, stackTopLabel } from '$lib/charts/trends';
import { buildBudgetDisclosuresOption, buildBudgetVsActualOption } from '$lib/charts/three-public';
import { buildExecutionOption, buildRankingOption } from '$lib/charts/execution';
import { buildEconomicOption } from '$lib/charts/structure';
import type { ChartOption } from '$lib/charts/types';
import type { TrendRow } from '$lib/queries/trends';
import type { ThreePublicRow } from '$lib/queries/three-public';

type Label = { show?: boolean; position?: string; color?: string; formatter?: (p: { value?: unknown; dataIndex?: number }) => string };
type Bar = { type: string; name: string; color?: string; data: unknown[]; label?: Label; labelLayout?: { hideOverlap?: boolean } };
const bars = (o: ChartOption | null): Bar[] => (o!.series as Bar[]).filter((s) => s.type === 'bar');
/** What each bar's label prints, per series. */
const printed = (s: Bar): string[] => s.data.map((v, i) => s.label!.formatter!({ value: v, dataIndex: i }));

function expectLabelled(option: ChartOption | null): Bar[] {
	const list = bars(option);
	expect(list.length).toBeGreaterThan(0);
	for (const s of list) {
		expect(s.label?.show, s.name).toBe(true);
		expect(s.labelLayout?.hideOverlap, s.name).toBe(true);
		if (s.label?.position === 'inside' && s.color) expect(contrastRatio(s.label.color!, s.color), s.name).toBeGreaterThanOrEqual(4.5);
	}
	return list;
}

const GOV = '政务服务管理办公室';

describe('barValueText and valueLabels', () => {
	it('prints 万元 with thousands separators and two decimals, percentages with one', () => {
		expect(barValueText(3967.2, 'wan')).toBe('3,967.20');
		expect(barValueText({ value: 1056.45 }, 'wan')).toBe('1,056.45');
		expect(barValueText(95.9477, 'percent')).toBe('95.9%');
	});
	it('prints nothing on a gap or a zero', () => {
		expect(barValueText(null, 'wan')).toBe('');
		expect(barValueText(0, 'wan')).toBe('');
		expect(barValueText(undefined, 'percent')).toBe('');
	});
	it('picks a readable colour inside a bar and the ink outside', () => {
		expect(valueLabels('inside', 'wan', '#2f6db5').label).toMatchObject({ position: 'inside', color: '#ffffff' });
		expect(valueLabels('top').label).toMatchObject({ position: 'top', color: '#1f2933' });
		expect(valueLabels('top').labelLayout).toEqual({ hideOverlap: true });
	});
});

describe('/compare', () => {
	const rows = [
		{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget' as const, code: '201', name: '一般公共服务支出', amount: 3501.2, share: 0.8825 },
		{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget' as const, code: '208', name: '社会保障和就业支出', amount: 466, share: 0.1175 }
	];
	it('labels amounts in 万元 and shares in percent above the bars', () => {
		const [amount] = expectLabelled(buildCompareFunctionOption(rows, { mode: 'amount' }));
		// grouped bars stand close: a label that does not fit is hidden (hideOverlap), never turned
		expect(amount.label).toMatchObject({ position: 'top' });
		expect(amount.label).not.toHaveProperty('rotate');
		expect(printed(amount)).toEqual(['3,501.20', '466.00']);
		const [share] = expectLabelled(buildCompareFunctionOption(rows, { mode: 'share' }));
		expect(printed(share)).toEqual(['88.3%', '11.8%']);
	});
	it('labels the stacked basic/project and 三公 parts inside their segments', () => {
		const split = expectLabelled(
			buildCompareSplitOption([{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget', documents: 1, total: 3967.2, basic: 1234.5, project: 2732.7, basic_share: 0.31 }])
		);
		expect(split.map((s) => s.label!.position)).toEqual(['inside', 'inside']);
		expect(split.map(printed)).toEqual([['1,234.50'], ['2,732.70']]);
		const three = expectLabelled(
			buildCompareThreePublicOption([{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget', item: 'vehicle', budget: 5.5, actual: null, amount: 5.5 }])
		);
		expect(three.flatMap(printed).filter((t) => t !== '')).toEqual(['5.50']);
	});
});

describe('/ overview', () => {
	it('labels basic and project of each kind, and each unit’s part of a year', () => {
		const split = expectLabelled(
			buildSplitByKindOption([{ kind: 'budget', documents: 3, total: 3967.2, basic: 1500, project: 2467.2 }])
		);
		expect(split.map(printed)).toEqual([['1,500.00'], ['2,467.20']]);
		const byYear = expectLabelled(
			buildSpendingByYearOption([{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget', documents: 1, units: 1, total: 3967.2, others: 0 }])
		);
		expect(printed(byYear[0])).toEqual(['3,967.20']);
	});
	it('labels a unit’s part of a year only where the segment is tall enough to hold its label', () => {
		// one year: a unit of 9,000 and one of 300 (3 % of the stack, thinner than a line of text);
		// another year: 600 alone. The tallest stack is 9,300.
		const row = (unit: string, year: number, total: number) => ({ district: '北碚区', unit, year, kind: 'budget' as const, documents: 1, units: 1, total, others: 0 });
		const option = buildSpendingByYearOption([row('人民政府办公室', 2023, 9000), row(GOV, 2023, 300), row(GOV, 2024, 600)]);
		const byName = new Map(bars(option).map((s) => [s.name, s]));
		const big = byName.get('北碚区·人民政府办公室·预算')!;
		const small = byName.get(`北碚区·${GOV}·预算`)!;
		expect(big.data).toEqual([9000, null]);
		// 300 is 3 % of 9,300: no label; 600 is 6.5 % — below 8 %, no label either
		expect(small.data).toEqual([{ value: 300, label: { show: false } }, { value: 600, label: { show: false } }]);
		// the figures themselves are all still there, for the tooltip and the data table
		expect(printed(small)).toEqual(['300.00', '600.00']);
		const tall = buildSpendingByYearOption([row(GOV, 2023, 300), row(GOV, 2024, 600)]);
		expect(bars(tall)[0]!.data).toEqual([300, 600]);
	});
});

describe('/trends', () => {
	it('labels the lower parts inside, and names each stack with its total on top', () => {
		const row: TrendRow = { district: '北碚区', unit: GOV, year: 2023, kind: 'budget', documents: 1, total: 3967.2, basic: 1234.5, project: 2732.7, three_public: null, outbound: null, vehicle: null, reception: null };
		const [basic, project] = bars(buildTrendSplitOption([row]));
		expect(basic.label!.position).toBe('inside');
		expect(printed(basic)).toEqual(['1,234.50']);
		expect(project.label!.position).toBe('top');
		expect(printed(project)).toEqual([`北碚区·${GOV}·预\n合计 3,967.20`]);
		expect(stackTopLabel({ district: '北碚区', unit: GOV, kind: 'final' }, null)).toBe(`北碚区·${GOV}·决`);
	});
	it('labels no stack where there are more stacks than labels fit beside each other', () => {
		const row = (unit: string, year: number): TrendRow => ({ district: '北碚区', unit, year, kind: 'budget', documents: 1, total: 30, basic: 10, project: 20, three_public: 6, outbound: 1, vehicle: 2, reception: 3 });
		const units = (n: number) => Array.from({ length: n }, (_, i) => `部门${i + 1}`);
		// 24 units over 2 years: 48 stacks, each labelled
		const fits = units(24).flatMap((u) => [row(u, 2023), row(u, 2024)]);
		expect(STACK_LABEL_LIMIT).toBe(48);
		expect(bars(buildTrendSplitOption(fits)).every((s) => s.label?.show === true)).toBe(true);
		// 25 units over 2 years: 50 stacks; no series is labelled, every figure is still drawn
		const crowded = units(25).flatMap((u) => [row(u, 2023), row(u, 2024)]);
		for (const option of [buildTrendSplitOption(crowded), buildTrendThreePublicOption(crowded)]) {
			expect(bars(option).every((s) => s.label === undefined && s.labelLayout === undefined)).toBe(true);
		}
		expect(bars(buildTrendSplitOption(crowded)).flatMap((s) => s.data)).toHaveLength(2 * 50);
	});
});

describe('/three-public, /execution, /rankings, /structure', () => {
	const tp = (kind: ThreePublicRow['kind'], item: string, budget: number | null, actual: number | null): ThreePublicRow =>
		({ district: '九龙坡区', unit: GOV, year: 2021, kind, item, budget, actual, documents: 1 }) as ThreePublicRow;
	it('labels 预算数 and 决算数 above their bars, and 预算 parts inside', () => {
		const vs = expectLabelled(buildBudgetVsActualOption([tp('final', 'total', 1234.5, 1180)]));
		expect(vs.map(printed)).toEqual([['1,234.50'], ['1,180.00']]);
		const budgets = expectLabelled(buildBudgetDisclosuresOption([tp('budget', 'reception', 2, null)]));
		expect(budgets.flatMap(printed).filter((t) => t !== '')).toEqual(['2.00']);
	});
	it('labels execution rates in percent', () => {
		const [total] = expectLabelled(
			buildExecutionOption([{ district: '九龙坡区', unit: GOV, year: 2022, measure: 'total', name: null, budget: 500, final: 480.4, rate: 0.9608 }])
		);
		expect(printed(total)).toEqual(['96.1%']);
	});
	it('labels a ranking beside its bars, in 万元 or percent as the measure reads', () => {
		const row = { rank: 1, district: '九龙坡区', unit: GOV, year: 2023, kind: 'budget' as const, value: 1700, base: null };
		const [amount] = expectLabelled(buildRankingOption('total')([row]));
		expect(amount.label!.position).toBe('right');
		expect(printed(amount)).toEqual(['1,700.00']);
		const [share] = expectLabelled(buildRankingOption('basic_share')([{ ...row, value: 0.4321 }]));
		expect(printed(share)).toEqual(['43.2%']);
	});
	it('labels 人员经费 and 公用经费 inside their segments', () => {
		const list = expectLabelled(buildEconomicOption([{ code: '30101', name: '基本工资', level: 2, total: 86.91, personnel: 86.91, public: 0 }], { kind: 'final' }));
		expect(list.map(printed)).toEqual([['86.91'], ['']]);
	});
});
