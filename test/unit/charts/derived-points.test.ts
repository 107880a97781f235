import { describe, expect, it } from 'vitest';
import { DERIVED_SERIES, withDerivedPoints, withDerivedSplit, withDerivedThreePublic } from '$lib/charts/derived-points';
import { chartTable } from '$lib/charts/table';
import { buildTrendSplitOption, buildTrendThreePublicOption, buildTrendTotalOption } from '$lib/charts/trends';
import type { DerivedPointRow } from '$lib/queries/narrative';
import type { TrendRow } from '$lib/queries/trends';

type Series = { id?: string; name: string; data: unknown[]; symbol?: string; lineStyle?: { type: string }; itemStyle?: { borderType?: string } };

const row = (year: number, total: number): TrendRow => ({
	district: '九龙坡区', unit: '政务服务管理办公室', year, kind: 'final', documents: 1, total,
	basic: null, project: null, three_public: null, outbound: null, vehicle: null, reception: null
});
const point = (p: Partial<DerivedPointRow>): DerivedPointRow => ({
	district: '九龙坡区', unit: '政务服务管理办公室', year: 2020, kind: 'final', field: 'total', value: 1939.67, relation: 'prior_year',
	reason: '主要原因是<b>疫情</b>影响', source_year: 2021, source_kind: 'final', source_doc: 'x', source_line: 73, source_page: null, ...p
});

describe('withDerivedPoints', () => {
	const option = withDerivedPoints(buildTrendTotalOption([row(2021, 2465.55), row(2022, 2500)]), [point({})]);
	const series = (option?.series ?? []) as Series[];

	it('widens the year axis to the derived year and keeps the printed figures in their years', () => {
		expect((option?.xAxis as { data: string[] }).data).toEqual(['2020', '2021', '2022']);
		expect(series[0].data).toEqual([null, 2465.55, 2500]);
	});

	it('draws the derived point in its own series: hollow, dotted, dashed border, labelled with the disclosure it comes from', () => {
		const derived = series[1];
		expect(derived.id).toBe(`${DERIVED_SERIES}九龙坡区·政务服务管理办公室·决算`);
		expect(derived.name).toBe('九龙坡区·政务服务管理办公室·决算·文字推算');
		expect(derived.symbol).toBe('emptyCircle');
		expect(series[0].symbol).toBe('circle');
		expect(derived.lineStyle?.type).toBe('dotted');
		expect(series[0].lineStyle?.type).not.toBe('dotted');
		expect(derived.itemStyle?.borderType).toBe('dashed');
		expect(derived.data[0]).toMatchObject({ value: 1939.67, label: { show: true, formatter: '据2021年决算文字推算' } });
		expect(derived.data.slice(1)).toEqual([null, null]);
	});

	it('lists the derived point in the chart data table as its own column', () => {
		const table = chartTable(option);
		expect(table?.columns).toEqual(['九龙坡区·政务服务管理办公室·决算', '九龙坡区·政务服务管理办公室·决算·文字推算']);
		expect(table?.rows[0]).toEqual({ label: '2020', values: [null, 1939.67] });
	});

	it('quotes the reason in the tooltip, escaped, and keeps the printed lines of other years', () => {
		const formatter = (option?.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter([{ dataIndex: 0, seriesIndex: 1, value: 1939.67, marker: '' }]);
		expect(html).toContain('2020年');
		expect(html).toContain('1,939.67 万元（据2021年决算文字推算');
		expect(html).toContain('原因：主要原因是&#60;b&#62;疫情&#60;/b&#62;影响');
		expect(html).toContain('出处：九龙坡区·政务服务管理办公室 2021年决算公开，第 73 行');
		const printed = formatter([{ dataIndex: 1, seriesIndex: 0, value: 2465.55, marker: '' }]);
		expect(printed).toContain('2021年');
		expect(printed).toContain('2,465.55 万元');
	});

	it('leaves an option without derived points of its field, or no option, as it is', () => {
		const plain = buildTrendTotalOption([row(2021, 1)]);
		expect(withDerivedPoints(plain, [point({ field: 'basic' })])).toBe(plain);
		expect(withDerivedPoints(null, [point({})])).toBeNull();
	});
});

type Bar = Series & { stack?: string; type?: string; itemStyle?: { color?: string; borderType?: string; borderColor?: string; decal?: unknown } };

describe('withDerivedSplit / withDerivedThreePublic: derived stacks', () => {
	// a 预算 unit printed in 2023 only; its 2023 prose implies the 2022 预算's figures
	const printed = (year: number, p: Partial<TrendRow>): TrendRow => ({ ...row(year, 0), kind: 'budget', district: '北碚区', ...p });
	const rows = [printed(2023, { total: 662.22, basic: 411.22, project: 251, three_public: 5.8, outbound: 0, vehicle: 5.5, reception: 0.3 })];
	const at2022 = (field: DerivedPointRow['field'], value: number, reason: string | null = null, source_line = 96) =>
		point({ district: '北碚区', year: 2022, kind: 'budget', field, value, reason, source_year: 2023, source_kind: 'budget', source_line });
	const points = [
		at2022('total', 813.21), at2022('basic', 413.21, '主要原因是厉行节约，公用经费减少'), at2022('project', 400, null, 102),
		at2022('three_public', 6.5), at2022('outbound', 0), at2022('vehicle', 5.5), at2022('reception', 1, '主要原因是厉行节约，减少开支', 118)
	];
	const UNIT = '北碚区·政务服务管理办公室·预算';

	it('adds hollow, dashed, hatched segments in the unit\'s own stack, only in the year no disclosure covers', () => {
		const option = withDerivedSplit(buildTrendSplitOption(rows), points)!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['2022', '2023']);
		const series = option.series as Bar[];
		const printedBasic = series.find((s) => s.id === `${UNIT}|basic`)!;
		// the printed 2023 figure stays where it is and is never replaced
		expect(printedBasic.data).toEqual([null, 411.22]);
		const basic = series.find((s) => s.id === `${DERIVED_SERIES}${UNIT}|basic`)!;
		const project = series.find((s) => s.id === `${DERIVED_SERIES}${UNIT}|project`)!;
		expect(basic).toMatchObject({ type: 'bar', stack: UNIT, name: '基本支出（推算）', itemStyle: { color: '#ffffff', borderType: 'dashed' } });
		expect(basic.itemStyle?.decal).toBeTruthy();
		expect(basic.data).toEqual([{ value: 413.21 }, null]);
		// the top segment carries the label: which disclosure, and the prose's own total
		expect(project.data[0]).toMatchObject({ value: 400, label: { show: true, formatter: '北碚区·政务服务管理办公室·预\n据2023年预算文字推算\n合计 813.21' } });
		expect(project.data[1]).toBeNull();
	});

	it('names the derived columns in the data table by their unit and as derived', () => {
		const table = chartTable(withDerivedSplit(buildTrendSplitOption(rows), points))!;
		expect(table.columns).toEqual(['基本支出', '项目支出', `${UNIT} 基本支出（推算）`, `${UNIT} 项目支出（推算）`]);
		expect(table.derived).toEqual([false, false, true, true]);
		expect(table.rows).toEqual([{ label: '2022', values: [null, null, 413.21, 400] }, { label: '2023', values: [411.22, 251, null, null] }]);
	});

	it('keeps the printed stack\'s top label on its own year after the axis widens', () => {
		const option = withDerivedSplit(buildTrendSplitOption(rows), points)!;
		const project = (option.series as (Bar & { label: { formatter: (q: { dataIndex: number }) => string } })[]).find((s) => s.id === `${UNIT}|project`)!;
		expect(project.label.formatter({ dataIndex: 1 })).toBe('北碚区·政务服务管理办公室·预\n合计 662.22');
	});

	it('quotes the item, the reason and the source line in the tooltip of a derived segment', () => {
		const option = withDerivedThreePublic(buildTrendThreePublicOption(rows), points)!;
		const series = option.series as Bar[];
		const index = series.findIndex((s) => s.id === `${DERIVED_SERIES}${UNIT}|reception`);
		expect(series.filter((s) => s.id?.startsWith(DERIVED_SERIES)).map((s) => s.name)).toEqual(['因公出国（境）费（推算）', '公务用车购置及运行维护费（推算）', '公务接待费（推算）']);
		expect(series[index].data[0]).toMatchObject({ value: 1, label: { formatter: '北碚区·政务服务管理办公室·预\n据2023年预算文字推算\n合计 6.50' } });
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter({ dataIndex: 0, seriesIndex: index, value: 1, marker: '', name: '2022' });
		expect(html).toContain('2022年');
		expect(html).toContain('北碚区·政务服务管理办公室·预算 公务接待费 1.00 万元（据2023年预算文字推算');
		expect(html).toContain('原因：主要原因是厉行节约，减少开支');
		expect(html).toContain('出处：北碚区·政务服务管理办公室 2023年预算公开，第 118 行');
		// a printed segment keeps the builder's own tooltip
		const printedIndex = series.findIndex((s) => s.id === `${UNIT}|vehicle`);
		expect(formatter({ dataIndex: 1, seriesIndex: printedIndex, value: 5.5, marker: '', name: '2023', seriesName: '公务用车购置及运行维护费' })).toContain('5.50 万元');
	});

	it('draws nothing for a unit·year a disclosure covers, nor for fields the chart does not stack', () => {
		const plain = buildTrendSplitOption(rows);
		expect(withDerivedSplit(plain, [at2022('three_public', 6.5)])).toBe(plain);
		expect(withDerivedThreePublic(null, points)).toBeNull();
	});
});
