import { describe, expect, it } from 'vitest';
import {
	buildBudgetDisclosuresOption,
	buildBudgetVsActualOption,
	buildItemsBudgetVsActualOption,
	executionRate,
	finalsAdded,
	threePublicTable,
	threePublicTotal
} from '$lib/charts/three-public';
import { threePublicParts } from '$lib/charts/three-public-items';
import type { ThreePublicRow } from '$lib/queries/three-public';

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
		expect(finalsAdded(two)).toBe(`2 份决算公开相加：沙坪坝区·人民政府办公室（2024年）、沙坪坝区·${GOV}（2024年）`);
		expect(finalsAdded(two.filter((x) => x.kind === 'budget'))).toBe('');
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

describe('buildItemsBudgetVsActualOption', () => {
	it('sums each part over the final accounts', () => {
		const s = buildItemsBudgetVsActualOption(ROWS)!.series as Series[];
		expect(s[0].data).toEqual([0, 13, 6]);
		expect(s[1].data).toEqual([0, 10.5, 4]);
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
