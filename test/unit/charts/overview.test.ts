import { describe, expect, it } from 'vitest';
import { buildSpendingByYearOption, buildSplitByKindOption, splitByKind, unsplit } from '$lib/charts/overview';
import type { KpiRow } from '$lib/queries/kpis';
import type { TrendRow } from '$lib/queries/trends';

type Series = { name: string; data: unknown[]; stack?: string };

const kpi = (kind: KpiRow['kind'], total: number | null, basic: number | null, project: number | null): KpiRow => ({
	kind,
	documents: 2,
	total,
	basic,
	project,
	basic_share: null,
	three_public: null,
	three_public_basis: kind === 'budget' ? 'budget' : 'actual',
	documents_without_total: 0
});

describe('buildSplitByKindOption', () => {
	it('puts 预算 and 决算 on separate, labelled bars, never summed', () => {
		const option = buildSplitByKindOption([kpi('budget', 1172.15, 677.15, 495), kpi('final', 800, 500, 300)])!;
		expect((option.yAxis as { data: string[] }).data).toEqual(['预算（2 份）', '决算（2 份）']);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['基本支出', '项目支出']);
		expect(s[0].data).toEqual([677.15, 500]);
		expect(s[1].data).toEqual([495, 300]);
	});

	it('shows what is not split into basic and project as its own grey part', () => {
		const option = buildSplitByKindOption([kpi('final', 1000, 600, 300)])!;
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['基本支出', '项目支出', '未区分基本/项目']);
		expect(s[2].data).toEqual([100]);
	});

	it('drops a kind with no spending and is null when none has any', () => {
		expect((buildSplitByKindOption([kpi('budget', 10, 5, 5), kpi('final', null, null, null)])!.yAxis as { data: string[] }).data).toEqual(['预算（2 份）']);
		expect(buildSplitByKindOption([kpi('final', 0, 0, 0)])).toBeNull();
	});

	it('counts cent-level differences as rounding, not as unsplit spending', () => {
		expect(unsplit({ total: 1172.15, basic: 677.15, project: 494.99 })).toBe(0);
		expect(unsplit({ total: 100, basic: null, project: null })).toBe(100);
	});
});

describe('buildSpendingByYearOption', () => {
	const t = (district: string, year: number, kind: TrendRow['kind'], total: number | null): TrendRow => ({
		district,
		year,
		kind,
		documents: 1,
		total,
		basic: null,
		project: null,
		three_public: null,
		outbound: null,
		vehicle: null,
		reception: null
	});

	it('sums districts per year within a kind and keeps the kinds as separate series, with gaps', () => {
		const option = buildSpendingByYearOption([
			t('九龙坡区', 2021, 'final', 100),
			t('江津区', 2021, 'final', 50.5),
			t('北碚区', 2023, 'budget', 70)
		])!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023']);
		const s = option.series as Series[];
		expect(s.map((x) => x.name)).toEqual(['预算支出', '决算支出']);
		expect(s[0].data).toEqual([null, null, 70]);
		expect(s[1].data).toEqual([150.5, null, null]);
	});
});

describe('splitByKind', () => {
	const t = (kind: TrendRow['kind'], documents: number, total: number | null, basic: number | null, project: number | null): TrendRow => ({
		district: '九龙坡区',
		year: 2021,
		kind,
		documents,
		total,
		basic,
		project,
		three_public: null,
		outbound: null,
		vehicle: null,
		reception: null
	});

	it('sums trend rows per kind, 预算 first, without adding the kinds together', () => {
		expect(splitByKind([t('final', 1, 2465.56, 500.1, 1965.46), t('budget', 2, 1172.15, 677.15, 495), t('budget', 1, 662.22, 400.01, 262.21)])).toEqual([
			{ kind: 'budget', documents: 3, total: 1834.37, basic: 1077.16, project: 757.21 },
			{ kind: 'final', documents: 1, total: 2465.56, basic: 500.1, project: 1965.46 }
		]);
	});

	it('keeps a split no document gives as null, and leaves out a kind without rows', () => {
		expect(splitByKind([t('final', 1, 1750.61, null, null)])).toEqual([
			{ kind: 'final', documents: 1, total: 1750.61, basic: null, project: null }
		]);
	});
});
