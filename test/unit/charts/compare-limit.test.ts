import { describe, expect, it } from 'vitest';
import { COMPARE_LIMIT } from '$lib/charts/compare-limit';
import { limitGroups } from './compare-limit-legacy';
import {
	buildCompareFunctionOption,
	buildCompareSplitOption,
	compareFunctionTable,
	compareSplitTable,
	compareThreePublicTable
} from '$lib/charts/compare';
import type { ChartTable } from '$lib/charts/table';
import type { CompareFunctionRow } from '$lib/queries/compare';

const group = (district: string, total: number | null, unit = '财政局') => ({ district, unit, year: 2024, kind: 'budget' as const, total });

describe('limitGroups', () => {
	it('keeps every group when they fit', () => {
		const l = limitGroups([group('北碚区', 1), group('渝中区', 2)], 2);
		expect(l.rest).toBe(0);
		expect(l.restUnits).toBe(0);
		expect(l.keep(group('北碚区', 1))).toBe(true);
	});

	it('keeps the largest by total and counts the rest, a repeated group counted once', () => {
		const groups = [group('北碚区', 10), group('渝中区', 30), group('大渡口区', null), group('九龙坡区', 20), group('渝中区', 30)];
		const l = limitGroups(groups, 2);
		expect(l.rest).toBe(2);
		expect(l.restUnits).toBe(2);
		expect(groups.filter(l.keep).map((g) => g.district)).toEqual(['渝中区', '九龙坡区', '渝中区']);
	});

	it('counts a unit as left out only when none of its disclosures is drawn', () => {
		const final = { ...group('北碚区', 5), kind: 'final' as const };
		const l = limitGroups([group('北碚区', 10), final, group('渝中区', 1)], 1);
		expect(l.rest).toBe(2);
		expect(l.restUnits).toBe(1);
	});
});

describe('buildCompareFunctionOption', () => {
	it('puts each group’s amount at its class, summed over its rows, gaps where it has none', () => {
		const row = (district: string, code: string, amount: number, share: number): CompareFunctionRow => ({
			district, unit: '财政局', year: 2024, kind: 'budget', code, name: code === '201' ? '一般公共服务支出' : '教育支出', amount, share
		});
		const rows = [row('北碚区', '201', 10, 0.5), row('北碚区', '205', 10, 0.5), row('渝中区', '201', 7.5, 1)];
		const amount = buildCompareFunctionOption(rows, { mode: 'amount' }) as { series: { name: string; data: (number | null)[] }[] };
		expect(amount.series.map((s) => [s.name, s.data])).toEqual([
			['北碚区·财政局·2024年预算', [10, 10]],
			['渝中区·财政局·2024年预算', [7.5, null]]
		]);
		const share = buildCompareFunctionOption(rows, { mode: 'share' }) as { series: { data: (number | null)[] }[] };
		expect(share.series.map((s) => s.data)).toEqual([[50, 50], [100, null]]);
	});
});

describe('the /compare 数据表 beyond the drawn groups', () => {
	const units = Array.from({ length: 30 }, (_, i) => `单位${String(i).padStart(2, '0')}`);
	const split = units.map((unit, i) => ({
		district: '北碚区', unit, year: 2024, kind: 'budget' as const, documents: 1, total: 100 + i, basic: 60 + i, project: 40, basic_share: 0.6
	}));
	const fn = units.map((unit, i) => ({
		district: '北碚区', unit, year: 2024, kind: 'budget' as const, code: '201', name: '一般公共服务支出', amount: 100 + i, share: 1
	}));
	const three = units.map((unit, i) => ({
		district: '北碚区', unit, year: 2024, kind: 'budget' as const, item: 'reception' as const, budget: i + 1, actual: null, amount: i + 1
	}));
	const limit = limitGroups(split, COMPARE_LIMIT);
	const drawnOf = (t: ChartTable | null) => t!.rows.filter((r) => r.drawn).map((r) => r.label);

	it('lists every group — a row each — and marks the 24 the chart draws', () => {
		expect(limit.rest).toBe(6);
		const t = compareSplitTable(split, limit.keep)!;
		expect(t.rows).toHaveLength(30);
		expect(t.columns).toEqual(['基本支出', '项目支出']);
		expect(drawnOf(t)).toHaveLength(24);
		// the largest by 支出合计 are drawn: 单位06 … 单位29
		expect(t.rows.find((r) => r.label.includes('单位05'))).toMatchObject({ drawn: false, values: [65, 40] });
		expect(t.rows.find((r) => r.label.includes('单位06'))).toMatchObject({ drawn: true, values: [66, 40] });
		// the chart itself still draws only the kept groups
		const option = buildCompareSplitOption(split.filter(limit.keep)) as { xAxis: { data: string[] } };
		expect(option.xAxis.data).toEqual(drawnOf(t));
	});

	it('gives the function tables a row per group and a column per 类, amounts or shares', () => {
		const amount = compareFunctionTable(fn, { mode: 'amount' }, limit.keep)!;
		expect(amount.rows).toHaveLength(30);
		expect(amount.columns).toEqual(['201 一般公共服务支出']);
		expect(amount.unit).toBe('wan');
		expect(amount.rows[0]).toEqual({ label: `北碚区·单位00·2024年预算`, values: [100], drawn: false });
		const share = compareFunctionTable(fn, { mode: 'share' }, limit.keep)!;
		expect(share.unit).toBe('percent');
		expect(share.rows[29].values).toEqual([100]);
		expect(drawnOf(share)).toHaveLength(24);
	});

	it('gives the 三公 table the three parts per group, as the chart names its groups', () => {
		const t = compareThreePublicTable(three, limit.keep)!;
		expect(t.rows).toHaveLength(30);
		expect(t.columns).toEqual(['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']);
		expect(t.rows[29]).toEqual({ label: '北碚区·单位29·2024年预算（预算数）', values: [null, null, 30], drawn: true });
	});

	it('marks nothing when every group is drawn', () => {
		const t = compareSplitTable(split.slice(0, 3))!;
		expect(t.rows.map((r) => r.drawn)).toEqual([undefined, undefined, undefined]);
		expect(compareSplitTable([])).toBeNull();
	});
});
