import { describe, expect, it } from 'vitest';
import { basisHeadline, basisUnits, buildSpendingByYearOption, buildSplitByKindOption, unsplit } from '$lib/charts/overview';
import type { KpiRow, KpiUnit } from '$lib/queries/kpis';
import { MAX_STACKED_UNITS, type YearStackRow } from '$lib/queries/year-stack';

type Series = { name: string; data: unknown[]; stack?: string };

const unit = (district: string, name: string, year: number): KpiUnit => ({ district, unit: name, year, doc_id: `${district}${year}` });
const TWO_UNITS = [unit('九龙坡区', '人民政府办公室', 2025), unit('北碚区', '政务服务管理办公室', 2023)];

const kpi = (kind: KpiRow['kind'], total: number | null, basic: number | null, project: number | null): KpiRow => ({
	kind,
	documents: 2,
	documents_filtered: 2,
	units: TWO_UNITS,
	year_from: 2023,
	year_to: 2025,
	total,
	basic,
	project,
	basic_share: null,
	project_share: null,
	personnel: null,
	public: null,
	three_public: null,
	three_public_basis: kind === 'budget' ? 'budget' : 'actual',
	documents_without_total: 0
});

describe('buildSplitByKindOption', () => {
	it('puts 预算 and 决算 on separate, labelled bars, never summed', () => {
		const option = buildSplitByKindOption([kpi('budget', 1172.15, 677.15, 495), kpi('final', 800, 500, 300)])!;
		expect((option.yAxis as { data: string[] }).data).toEqual(['预算（2 个单位）', '决算（2 个单位）']);
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
		expect((buildSplitByKindOption([kpi('budget', 10, 5, 5), kpi('final', null, null, null)])!.yAxis as { data: string[] }).data).toEqual(['预算（2 个单位）']);
		expect(buildSplitByKindOption([kpi('final', 0, 0, 0)])).toBeNull();
	});

	it('counts cent-level differences as rounding, not as unsplit spending', () => {
		expect(unsplit({ total: 1172.15, basic: 677.15, project: 494.99 })).toBe(0);
		expect(unsplit({ total: 100, basic: null, project: null })).toBe(100);
	});
});

describe('what a KPI adds up, in words', () => {
	it('counts the units, spans their years and names each with its year', () => {
		expect(basisHeadline({ documents: 2, year_from: 2023, year_to: 2025 })).toBe('2 个单位各自最新一份（2023–2025年）');
		expect(basisHeadline({ documents: 1, year_from: 2025, year_to: 2025 })).toBe('1 个单位的最新一份（2025年）');
		expect(basisHeadline({ documents: 0, year_from: null, year_to: null })).toBe('');
		expect(basisUnits(TWO_UNITS)).toBe('九龙坡区·人民政府办公室（2025年）、北碚区·政务服务管理办公室（2023年）');
	});

	it('counts the rest past the units the query listed', () => {
		const listed = Array.from({ length: 2 }, (_, i) => unit(`区${i}`, '政务服务管理办公室', 2024));
		expect(basisUnits(listed, 10)).toBe('区0·政务服务管理办公室（2024年）、区1·政务服务管理办公室（2024年） 等 10 个单位');
		expect(basisUnits(listed, 2)).toBe('区0·政务服务管理办公室（2024年）、区1·政务服务管理办公室（2024年）');
	});
});

describe('buildSpendingByYearOption', () => {
	/** A named unit's year, as yearStackQuery returns it. */
	const t = (district: string, unitName: string, year: number, kind: YearStackRow['kind'], total: number | null): YearStackRow => ({
		district,
		unit: unitName,
		year,
		kind,
		documents: 1,
		units: total === null ? 0 : 1,
		total,
		others: 0
	});
	/** A district's unnamed units of a kind in a year, summed (the query's rest row). */
	const rest = (district: string, year: number, kind: YearStackRow['kind'], total: number, units: number, others: number): YearStackRow => ({
		district,
		unit: null,
		year,
		kind,
		documents: units,
		units,
		total,
		others
	});
	const ZW = '政务服务管理办公室';
	const ZF = '人民政府办公室';

	it('stacks each year’s bar by unit within a kind, 预算 and 决算 apart, with gaps', () => {
		const option = buildSpendingByYearOption([
			t('九龙坡区', ZW, 2021, 'final', 100),
			t('江津区', ZW, 2021, 'final', 50.5),
			t('北碚区', ZW, 2023, 'budget', 70)
		])!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2021', '2022', '2023']);
		const s = option.series as Series[];
		expect(s.map((x) => [x.name, x.stack, x.data])).toEqual([
			['北碚区·政务服务管理办公室·预算', '预算', [null, null, 70]],
			['江津区·政务服务管理办公室·决算', '决算', [50.5, null, null]],
			['九龙坡区·政务服务管理办公室·决算', '决算', [100, null, null]]
		]);
	});

	it('says in the tooltip which unit a segment is and how many units the year adds', () => {
		const option = buildSpendingByYearOption([t('沙坪坝区', ZW, 2024, 'budget', 517.25), t('沙坪坝区', ZF, 2024, 'budget', 1720)])!;
		const f = (option.tooltip as { formatter: (p: object) => string }).formatter;
		expect(f({ seriesIndex: 0, name: '2024', marker: '' })).toBe(
			'2024年 预算<br/>沙坪坝区·人民政府办公室 1,720.00 万元<br/>预算合计 2,237.25 万元（2 个单位相加）'
		);
	});

	it('draws the unnamed units of a kind as one 其他 segment, adding its districts’ rows, with counts in label and tooltip', () => {
		// 10 named budget units in 2024 (totals 3 … 12); the rest: 区01 (0.5 in 2023, 1 in 2024) and 区02 (2 in 2024)
		const rows = Array.from({ length: MAX_STACKED_UNITS }, (_, i) => t(`区${String(i + 3).padStart(2, '0')}`, ZW, 2024, 'budget', i + 3));
		rows.push(rest('区01', 2023, 'budget', 0.5, 1, 2), rest('区01', 2024, 'budget', 1, 1, 2), rest('区02', 2024, 'budget', 2, 1, 2));
		rows.push(t('区99', ZW, 2024, 'final', 7));
		const option = buildSpendingByYearOption(rows)!;
		const s = option.series as Series[];
		expect(s).toHaveLength(MAX_STACKED_UNITS + 2);
		expect(s.filter((x) => x.stack === '预算')).toHaveLength(MAX_STACKED_UNITS + 1);
		const other = s[s.length - 1]!;
		// (a segment too thin for its label carries it as { value, label: { show: false } })
		const values = other.data.map((d) => (d !== null && typeof d === 'object' && 'value' in d ? d.value : d));
		expect([other.name, other.stack, values]).toEqual(['其他 2 个单位·预算', '预算', [0.5, 3]]);
		expect(s.map((x) => x.name)).toContain('区99·政务服务管理办公室·决算');
		const f = (option.tooltip as { formatter: (p: object) => string }).formatter;
		expect(f({ seriesIndex: s.indexOf(other), name: '2023', marker: '' })).toBe(
			`2023年 预算<br/>其他 1 个单位（按各年合计不在前 ${MAX_STACKED_UNITS} 名） 0.50 万元<br/>预算合计 0.50 万元（1 个单位相加）`
		);
		expect(f({ seriesIndex: s.indexOf(other), name: '2024', marker: '' })).toBe(
			`2024年 预算<br/>其他 2 个单位（按各年合计不在前 ${MAX_STACKED_UNITS} 名） 3.00 万元<br/>预算合计 78.00 万元（12 个单位相加）`
		);
	});

	it('leaves out a unit’s year without a total (it still counts in the coverage, not in the bars)', () => {
		const option = buildSpendingByYearOption([t('北碚区', ZW, 2023, 'budget', 70), t('北碚区', ZF, 2023, 'budget', null)])!;
		expect((option.series as Series[]).map((x) => x.name)).toEqual(['北碚区·政务服务管理办公室·预算']);
	});
});
