import { describe, expect, it } from 'vitest';
import { DERIVED_SERIES, withDerivedPoints } from '$lib/charts/derived-points';
import { chartTable } from '$lib/charts/table';
import { buildTrendTotalOption } from '$lib/charts/trends';
import type { DerivedPointRow } from '$lib/queries/narrative';
import type { TrendRow } from '$lib/queries/trends';

type Series = { id?: string; name: string; data: unknown[]; symbol?: string; lineStyle?: { type: string }; itemStyle?: { borderType?: string } };

const row = (year: number, total: number): TrendRow => ({
	district: '九龙坡区', unit: '政务服务管理办公室', year, kind: 'final', documents: 1, total,
	basic: null, project: null, three_public: null, outbound: null, vehicle: null, reception: null
});
const point = (p: Partial<DerivedPointRow>): DerivedPointRow => ({
	district: '九龙坡区', unit: '政务服务管理办公室', year: 2020, kind: 'final', field: 'total', value: 1939.67, relation: 'prior_year',
	reason: '主要原因是<b>疫情</b>影响', source_year: 2021, source_kind: 'final', source_doc: 'x', source_line: 73, ...p
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
