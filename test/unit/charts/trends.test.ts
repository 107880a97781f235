import { describe, expect, it } from 'vitest';
import { buildTrendSplitOption, buildTrendThreePublicOption, buildTrendTotalOption, yearAxis } from '$lib/charts/trends';
import type { TrendRow } from '$lib/queries/trends';

type Series = { name: string; data: unknown[]; stack?: string; lineStyle?: { type: string } };

const t = (district: string, year: number, kind: TrendRow['kind'], f: Partial<TrendRow>): TrendRow => ({
	district,
	unit: '政务服务管理办公室',
	year,
	kind,
	documents: 1,
	total: null,
	basic: null,
	project: null,
	three_public: null,
	outbound: null,
	vehicle: null,
	reception: null,
	...f
});

const ROWS = [
	t('九龙坡区', 2021, 'final', { total: 500, basic: 300, project: 200, outbound: 0, vehicle: 3, reception: 1 }),
	t('九龙坡区', 2023, 'final', { total: 520, basic: 310, project: 210 }),
	t('九龙坡区', 2023, 'budget', { total: 510, basic: 305, project: 205, vehicle: 4 })
];

describe('yearAxis', () => {
	it('fills the years between the first and last', () => {
		expect(yearAxis([2023, 2020])).toEqual([2020, 2021, 2022, 2023]);
		expect(yearAxis([])).toEqual([]);
	});
});

describe('buildTrendTotalOption', () => {
	it('makes budget and final separate, labelled series with gaps for missing years', () => {
		const option = buildTrendTotalOption(ROWS)!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023']);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['九龙坡区·政务服务管理办公室·预算', '九龙坡区·政务服务管理办公室·决算']);
		expect(s[0].data).toEqual([null, null, 510]);
		expect(s[1].data).toEqual([500, null, 520]);
		expect(s[1].lineStyle?.type).toBe('dashed');
	});
	it('draws two departments of one district as two lines, never their sum', () => {
		const rows = [
			t('沙坪坝区', 2023, 'budget', { total: 554 }),
			t('沙坪坝区', 2024, 'budget', { total: 517.25 }),
			t('沙坪坝区', 2024, 'budget', { unit: '人民政府办公室', total: 1720 }),
			t('沙坪坝区', 2025, 'budget', { unit: '人民政府办公室', total: 1700 })
		];
		const s = buildTrendTotalOption(rows)!.series as Series[];
		expect(s.map((x) => [x.name, x.data])).toEqual([
			['沙坪坝区·人民政府办公室·预算', [null, 1720, 1700]],
			['沙坪坝区·政务服务管理办公室·预算', [554, 517.25, null]]
		]);
	});
	it('is null when no row has a total', () => {
		expect(buildTrendTotalOption([t('北碚区', 2023, 'budget', {})])).toBeNull();
	});
});

describe('buildTrendTotalOption tooltip', () => {
	type AxisFormatter = (p: { dataIndex: number; seriesIndex: number; seriesName: string; value: number | null; marker: string }[]) => string;
	it('gives each line its change against the same unit and kind the year before, and says when there is none', () => {
		const rows = [...ROWS, t('九龙坡区', 2022, 'budget', { total: 480 })];
		const f = (buildTrendTotalOption(rows)!.tooltip as { formatter: AxisFormatter }).formatter;
		const text = f([
			{ dataIndex: 2, seriesIndex: 0, seriesName: '九龙坡区·政务服务管理办公室·预算', value: 510, marker: '' },
			{ dataIndex: 2, seriesIndex: 1, seriesName: '九龙坡区·政务服务管理办公室·决算', value: 520, marker: '' }
		]);
		// 预算 510 − 480 = +30.00, ÷ 480 = +6.25 % → +6.3%; 决算 2023 has no 2022 决算 (2021 is two years back)
		expect(text).toBe(
			'2023年<br/>九龙坡区·政务服务管理办公室·预算 510.00 万元，较上年 +30.00 万元（+6.3%）<br/>九龙坡区·政务服务管理办公室·决算 520.00 万元，上年无同类公开'
		);
	});
});

type Formatter = (p: { seriesIndex: number; name: string; value: number; seriesName: string; marker: string }) => string;
const tooltipOf = (o: { tooltip?: unknown }): Formatter => (o.tooltip as { formatter: Formatter }).formatter;

describe('buildTrendSplitOption', () => {
	it('stacks basic and project within each district·kind, never across kinds', () => {
		const s = buildTrendSplitOption(ROWS)!.series as (Series & { id: string })[];
		expect(s.map((x) => [x.id, x.name, x.stack])).toEqual([
			['九龙坡区·政务服务管理办公室·预算|basic', '基本支出', '九龙坡区·政务服务管理办公室·预算'],
			['九龙坡区·政务服务管理办公室·预算|project', '项目支出', '九龙坡区·政务服务管理办公室·预算'],
			['九龙坡区·政务服务管理办公室·决算|basic', '基本支出', '九龙坡区·政务服务管理办公室·决算'],
			['九龙坡区·政务服务管理办公室·决算|project', '项目支出', '九龙坡区·政务服务管理办公室·决算']
		]);
		expect(s[2].data).toEqual([300, null, 310]);
	});
	it('says in the tooltip which district and kind a segment belongs to', () => {
		const f = tooltipOf(buildTrendSplitOption(ROWS)!);
		expect(f({ seriesIndex: 3, name: '2023', value: 210, seriesName: '项目支出', marker: '' })).toBe(
			'九龙坡区·政务服务管理办公室·决算 2023年<br/>项目支出 210.00 万元'
		);
	});
});

describe('buildTrendThreePublicOption', () => {
	it('gives one legend entry per part, stacks per district·kind and keeps missing items as gaps', () => {
		const s = buildTrendThreePublicOption(ROWS)!.series as Series[];
		expect([...new Set(s.map((x) => x.name))]).toEqual(['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']);
		expect(s.map((x) => x.stack)).toEqual([...Array(3).fill('九龙坡区·政务服务管理办公室·预算'), ...Array(3).fill('九龙坡区·政务服务管理办公室·决算')]);
		expect(s[1].data).toEqual([null, null, 4]);
		expect(s[4].data).toEqual([3, null, null]);
	});
	it('names the figure (预算数 / 决算数) in the tooltip', () => {
		const f = tooltipOf(buildTrendThreePublicOption(ROWS)!);
		expect(f({ seriesIndex: 4, name: '2021', value: 3, seriesName: '公务用车购置及运行维护费', marker: '' })).toContain(
			'九龙坡区·政务服务管理办公室·决算（决算数） 2021年'
		);
		expect(f({ seriesIndex: 1, name: '2023', value: 4, seriesName: 'x', marker: '' })).toContain('九龙坡区·政务服务管理办公室·预算（预算数）');
	});
});
