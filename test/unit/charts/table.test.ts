import { describe, expect, it } from 'vitest';
import { chartTable } from '$lib/charts/table';
import { buildCompareFunctionOption } from '$lib/charts/compare';
import { buildTrendSplitOption, buildTrendTotalOption } from '$lib/charts/trends';
import type { TrendRow } from '$lib/queries/trends';

const t = (unit: string, year: number, total: number, basic: number, project: number): TrendRow => ({
	district: '沙坪坝区',
	unit,
	year,
	kind: 'budget',
	documents: 1,
	total,
	basic,
	project,
	three_public: null,
	outbound: null,
	vehicle: null,
	reception: null
});
const ROWS = [t('政务服务管理办公室', 2023, 554, 404, 150), t('人民政府办公室', 2025, 1700, 1180, 520)];

describe('chartTable', () => {
	it('gives a line chart’s categories as rows and its series as columns, gaps as null', () => {
		expect(chartTable(buildTrendTotalOption(ROWS))).toEqual({
			corner: '',
			columns: ['沙坪坝区·人民政府办公室·预算', '沙坪坝区·政务服务管理办公室·预算'],
			derived: [false, false],
			rows: [
				{ label: '2023', values: [null, 554] },
				{ label: '2024', values: [null, null] },
				{ label: '2025', values: [1700, null] }
			],
			unit: 'wan'
		});
	});

	it('names a stacked series by its stack where several share a name', () => {
		const table = chartTable(buildTrendSplitOption(ROWS))!;
		expect(table.columns).toEqual([
			'沙坪坝区·人民政府办公室·预算 基本支出',
			'沙坪坝区·人民政府办公室·预算 项目支出',
			'沙坪坝区·政务服务管理办公室·预算 基本支出',
			'沙坪坝区·政务服务管理办公室·预算 项目支出'
		]);
		expect(table.rows[0].values).toEqual([null, null, 404, 150]);
	});

	it('reads shares as percentages', () => {
		const option = buildCompareFunctionOption(
			[{ district: '北碚区', unit: '政务服务管理办公室', year: 2023, kind: 'budget', code: '201', name: '一般公共服务支出', amount: 90, share: 0.9 }],
			{ mode: 'share' }
		);
		expect(chartTable(option)).toMatchObject({ unit: 'percent', rows: [{ label: '201 一般公共服务支出', values: [90] }] });
	});

	it('is null for a chart without a category axis or without series', () => {
		expect(chartTable(null)).toBeNull();
		expect(chartTable({ series: [{ type: 'treemap', data: [] }] })).toBeNull();
		expect(chartTable({ xAxis: { type: 'category', data: [] }, series: [] })).toBeNull();
	});
});
