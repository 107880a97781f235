import { describe, expect, it } from 'vitest';
import {
	buildCompareFunctionOption,
	buildCompareSplitOption,
	buildCompareThreePublicOption,
	compareAtFrom,
	groupsOf,
	compareNotices
} from '$lib/charts/compare';
import type { CompareFunctionRow, CompareSplitRow, CompareThreePublicRow } from '$lib/queries/compare';

type Series = { name: string; data: unknown[]; stack?: string };
const GOV = '政务服务管理办公室';

const fn = (district: string, kind: CompareFunctionRow['kind'], code: string, name: string, amount: number, share: number): CompareFunctionRow => ({
	district,
	unit: GOV,
	year: 2023,
	kind,
	code,
	name,
	amount,
	share
});

describe('groupsOf', () => {
	it('labels each unit with the year and kind of its disclosure, 预算 before 决算', () => {
		const g = groupsOf([
			{ district: '北碚区', unit: GOV, year: 2022, kind: 'final' },
			{ district: '北碚区', unit: GOV, year: 2023, kind: 'budget' }
		]);
		expect(g.map((x) => x.label)).toEqual([`北碚区·${GOV}·2023年预算`, `北碚区·${GOV}·2022年决算`]);
	});
	it('keeps two departments of one district, and two years of one unit, apart', () => {
		const g = groupsOf([
			{ district: '九龙坡区', unit: GOV, year: 2021, kind: 'budget' },
			{ district: '九龙坡区', unit: '人民政府办公室', year: 2025, kind: 'budget' },
			{ district: '九龙坡区', unit: GOV, year: 2023, kind: 'budget' }
		]);
		expect(g.map((x) => x.label)).toEqual([
			'九龙坡区·人民政府办公室·2025年预算',
			`九龙坡区·${GOV}·2023年预算`,
			`九龙坡区·${GOV}·2021年预算`
		]);
	});
});

describe('compareNotices', () => {
	const left = (district: string, unit: string, year: number, kind: 'budget' | 'final', count: number) => ({ district, unit, year, kind, left_out: count });
	const present = new Set(['九龙坡区', '北碚区']);

	it('names each selected district that has nothing of the kind', () => {
		expect(compareNotices(['九龙坡区', '江津区'], present, 'budget', null, [])).toEqual(['江津区：没有预算公开，未列入对比']);
		expect(compareNotices(['江津区'], new Set(), 'both', null, [])).toEqual(['江津区：没有公开，未列入对比']);
	});
	it('with a fixed year, names each unit left out with the kind it lacks that year', () => {
		const leftOut = [left('九龙坡区', '人民政府办公室', 2025, 'budget', 2), left('北碚区', GOV, 2022, 'final', 2)];
		expect(compareNotices([], present, 'both', 2023, leftOut)).toEqual([
			'九龙坡区·人民政府办公室：没有2023年的预算公开，未列入对比',
			`北碚区·${GOV}：没有2023年的决算公开，未列入对比`
		]);
	});
	it('counts the units left out beyond those named', () => {
		const notices = compareNotices(['江津区'], present, 'budget', 2023, [left('九龙坡区', '人民政府办公室', 2025, 'budget', 1500)]);
		expect(notices).toHaveLength(3);
		expect(notices[0]).toBe('江津区：没有预算公开，未列入对比');
		expect(notices[2]).toContain('另有 1499 个单位');
		expect(notices[2]).toContain('没有2023年的公开');
	});
	it('says nothing when everything is shown', () => {
		expect(compareNotices(['九龙坡区', '北碚区'], present, 'budget', null, [])).toEqual([]);
		expect(compareNotices([], new Set(), 'budget', 2023, [])).toEqual([]);
	});
});

describe('compareAtFrom', () => {
	it('takes a year that has disclosures, else compares each unit’s latest', () => {
		expect(compareAtFrom('2024', [2025, 2024])).toBe(2024);
		expect(compareAtFrom('2019', [2025, 2024])).toBeNull();
		expect(compareAtFrom('latest', [2025])).toBeNull();
		expect(compareAtFrom(null, [2025])).toBeNull();
	});
});

describe('buildCompareFunctionOption', () => {
	const rows = [
		fn('北碚区', 'budget', '201', '一般公共服务支出', 900, 0.9),
		fn('北碚区', 'budget', '208', '社会保障和就业支出', 100, 0.1),
		fn('江津区', 'final', '201', '一般公共服务支出', 400, 0.8),
		fn('江津区', 'final', '221', '住房保障支出', 100, 0.2)
	];
	it('gives one series per unit’s disclosure over the union of 类, null where one lacks a 类', () => {
		const option = buildCompareFunctionOption(rows, { mode: 'amount' })!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['201 一般公共服务支出', '208 社会保障和就业支出', '221 住房保障支出']);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual([`北碚区·${GOV}·2023年预算`, `江津区·${GOV}·2023年决算`]);
		expect(s[0].data).toEqual([900, 100, null]);
		expect(s[1].data).toEqual([400, null, 100]);
	});
	it('shows shares as percentages of each group', () => {
		const s = buildCompareFunctionOption(rows, { mode: 'share' })!.series as Series[];
		expect(s[1].data).toEqual([80, null, 20]);
	});
	it('is null for no rows', () => {
		expect(buildCompareFunctionOption([], { mode: 'amount' })).toBeNull();
	});
});

describe('buildCompareSplitOption', () => {
	it('stacks basic and project per unit, each labelled with its own year', () => {
		const row = (district: string, kind: CompareSplitRow['kind'], basic: number, project: number, year = 2023): CompareSplitRow => ({
			district,
			unit: GOV,
			year,
			kind,
			documents: 1,
			total: basic + project,
			basic,
			project,
			basic_share: null
		});
		const option = buildCompareSplitOption([row('北碚区', 'budget', 677.15, 495), row('江津区', 'final', 300, 20, 2020)])!;
		expect((option.xAxis as { data: string[] }).data).toEqual([`北碚区·${GOV}·2023年预算`, `江津区·${GOV}·2020年决算`]);
		const s = option.series as Series[];
		expect(s.map((x) => [x.name, x.stack, x.data])).toEqual([
			['基本支出', 'split', [677.15, 300]],
			['项目支出', 'split', [495, 20]]
		]);
	});
});

describe('buildCompareThreePublicOption', () => {
	const tp = (district: string, kind: CompareThreePublicRow['kind'], item: string, amount: number | null): CompareThreePublicRow => ({
		district,
		unit: GOV,
		year: 2021,
		kind,
		item,
		budget: kind === 'budget' ? amount : 99,
		actual: kind === 'final' ? amount : null,
		amount
	});
	it('stacks the three parts, naming 预算数 or 决算数, and lets car purchase + operation stand in for 公务用车', () => {
		const option = buildCompareThreePublicOption([
			tp('九龙坡区', 'final', 'total', 10),
			tp('九龙坡区', 'final', 'outbound', 0),
			tp('九龙坡区', 'final', 'vehicle', 6),
			tp('九龙坡区', 'final', 'vehicle_operation', 6),
			tp('九龙坡区', 'final', 'reception', 4),
			tp('北碚区', 'budget', 'vehicle_purchase', 20),
			tp('北碚区', 'budget', 'vehicle_operation', 3.5),
			tp('北碚区', 'budget', 'reception', null)
		])!;
		// districts in pinyin order: 北碚 (bei) before 九龙坡 (jiu)
		expect((option.xAxis as { data: string[] }).data).toEqual([`北碚区·${GOV}·2021年预算（预算数）`, `九龙坡区·${GOV}·2021年决算（决算数）`]);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']);
		// 九龙坡: vehicle given, so its operation row is not added again; 北碚: 20 + 3.5 stand in
		expect(s.map((x) => x.data)).toEqual([
			[null, 0],
			[23.5, 6],
			[null, 4]
		]);
	});
});
