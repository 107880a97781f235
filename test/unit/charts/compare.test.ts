import { describe, expect, it } from 'vitest';
import {
	buildCompareFunctionOption,
	buildCompareSplitOption,
	buildCompareThreePublicOption,
	groupsOf,
	yearsOf
} from '$lib/charts/compare';
import type { CompareFunctionRow, CompareSplitRow, CompareThreePublicRow } from '$lib/queries/compare';

type Series = { name: string; data: unknown[]; stack?: string };
const GOV = '政务服务管理办公室';

const fn = (district: string, kind: CompareFunctionRow['kind'], code: string, name: string, amount: number, share: number): CompareFunctionRow => ({
	district,
	department_kind: GOV,
	year: 2023,
	kind,
	code,
	name,
	amount,
	share
});

describe('groupsOf', () => {
	it('labels each district with its kind, 预算 before 决算', () => {
		const g = groupsOf([
			{ district: '北碚区', department_kind: GOV, kind: 'final' },
			{ district: '北碚区', department_kind: GOV, kind: 'budget' }
		]);
		expect(g.map((x) => x.label)).toEqual(['北碚区·预算', '北碚区·决算']);
	});
	it('adds the department kind only when several are compared', () => {
		const g = groupsOf([
			{ district: '九龙坡区', department_kind: GOV, kind: 'budget' },
			{ district: '九龙坡区', department_kind: '人民政府办公室（本级）', kind: 'budget' }
		]);
		expect(g.map((x) => x.label)).toEqual(['九龙坡区·预算·人民政府办公室（本级）', `九龙坡区·预算·${GOV}`]);
	});
});

describe('buildCompareFunctionOption', () => {
	const rows = [
		fn('北碚区', 'budget', '201', '一般公共服务支出', 900, 0.9),
		fn('北碚区', 'budget', '208', '社会保障和就业支出', 100, 0.1),
		fn('江津区', 'final', '201', '一般公共服务支出', 400, 0.8),
		fn('江津区', 'final', '221', '住房保障支出', 100, 0.2)
	];
	it('gives one series per district·kind over the union of 类, null where a district lacks a 类', () => {
		const option = buildCompareFunctionOption(rows, { mode: 'amount' })!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['201 一般公共服务支出', '208 社会保障和就业支出', '221 住房保障支出']);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['北碚区·预算', '江津区·决算']);
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
	it('stacks basic and project per district·kind', () => {
		const row = (district: string, kind: CompareSplitRow['kind'], basic: number, project: number): CompareSplitRow => ({
			district,
			department_kind: GOV,
			year: 2023,
			kind,
			documents: 1,
			total: basic + project,
			basic,
			project,
			basic_share: null
		});
		const option = buildCompareSplitOption([row('北碚区', 'budget', 677.15, 495), row('江津区', 'final', 300, 20)])!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['北碚区·预算', '江津区·决算']);
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
		department_kind: GOV,
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
		expect((option.xAxis as { data: string[] }).data).toEqual(['北碚区·预算（预算数）', '九龙坡区·决算（决算数）']);
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

describe('yearsOf', () => {
	it('lists years newest first', () => {
		expect(yearsOf([{ year: 2021 }, { year: 2025 }, { year: 2021 }])).toEqual([2025, 2021]);
	});
});
