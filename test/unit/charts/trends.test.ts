import { describe, expect, it } from 'vitest';
import { buildTrendSplitOption, buildTrendThreePublicOption, buildTrendTotalOption, yearAxis } from '$lib/charts/trends';
import type { TrendRow } from '$lib/queries/trends';

type Series = { name: string; data: unknown[]; stack?: string; lineStyle?: { type: string } };

const t = (district: string, year: number, kind: TrendRow['kind'], f: Partial<TrendRow>): TrendRow => ({
	district,
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
		expect(s.map((x) => x.name)).toEqual(['九龙坡区·预算', '九龙坡区·决算']);
		expect(s[0].data).toEqual([null, null, 510]);
		expect(s[1].data).toEqual([500, null, 520]);
		expect(s[1].lineStyle?.type).toBe('dashed');
	});
	it('is null when no row has a total', () => {
		expect(buildTrendTotalOption([t('北碚区', 2023, 'budget', {})])).toBeNull();
	});
});

describe('buildTrendSplitOption', () => {
	it('stacks basic and project within each district·kind, never across kinds', () => {
		const s = buildTrendSplitOption(ROWS)!.series as Series[];
		expect(s.map((x) => [x.name, x.stack])).toEqual([
			['九龙坡区·预算 基本支出', '九龙坡区·预算'],
			['九龙坡区·预算 项目支出', '九龙坡区·预算'],
			['九龙坡区·决算 基本支出', '九龙坡区·决算'],
			['九龙坡区·决算 项目支出', '九龙坡区·决算']
		]);
		expect(s[2].data).toEqual([300, null, 310]);
	});
});

describe('buildTrendThreePublicOption', () => {
	it('names each stack by its figure (预算数 / 决算数) and keeps missing items as gaps', () => {
		const s = buildTrendThreePublicOption(ROWS)!.series as Series[];
		expect(s.map((x) => x.name)).toEqual([
			'九龙坡区·预算（预算数）因公出国（境）费',
			'九龙坡区·预算（预算数）公务用车购置及运行维护费',
			'九龙坡区·预算（预算数）公务接待费',
			'九龙坡区·决算（决算数）因公出国（境）费',
			'九龙坡区·决算（决算数）公务用车购置及运行维护费',
			'九龙坡区·决算（决算数）公务接待费'
		]);
		expect(s[1].data).toEqual([null, null, 4]);
		expect(s[4].data).toEqual([3, null, null]);
	});
});
