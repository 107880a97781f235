import { describe, expect, it } from 'vitest';
import {
	buildExecutionOption,
	changeLines,
	executionCsv,
	executionLines,
	measureName,
	buildRankingOption,
	rankingCsv,
	rankingHeaders,
	rankingLines,
	rankingValueText
} from '$lib/charts/execution';
import { chartTable } from '$lib/charts/table';
import type { ChangeRow, ExecutionRow, RankingRow } from '$lib/queries/execution';

const ZWB = '政务服务管理办公室';
const ex = (year: number, measure: string, budget: number, final: number, name: string | null = null): ExecutionRow => ({
	district: '沙坪坝区',
	unit: ZWB,
	year,
	measure,
	name,
	budget,
	final,
	rate: final / budget
});
const ROWS: ExecutionRow[] = [
	ex(2022, 'total', 500, 480.4),
	ex(2022, 'basic', 380, 372.4),
	ex(2022, 'three_public', 6, 4.3),
	ex(2022, 'class:201', 400, 390, '一般公共服务支出')
];

describe('measure names', () => {
	it('names headline measures and a 类 by its code and name', () => {
		expect(measureName('total', null)).toBe('支出合计');
		expect(measureName('reception', null)).toBe('公务接待费');
		expect(measureName('class:201', '一般公共服务支出')).toBe('201 一般公共服务支出');
	});
});

describe('execution chart', () => {
	it('draws each unit-year as a category and its rates in percent, one series per measure drawn', () => {
		const option = buildExecutionOption(ROWS)!;
		const table = chartTable(option)!;
		expect(table.unit).toBe('percent');
		expect(table.rows.map((r) => r.label)).toEqual(['沙坪坝区·政务服务管理办公室 2022']);
		expect(table.columns).toEqual(['支出合计', '基本支出', '“三公”经费']);
		// 480.40 ÷ 500 = 96.08 % ; 372.40 ÷ 380 = 98.0 % ; 4.30 ÷ 6.00 = 71.67 %
		const [total, basic, three] = table.rows[0].values as number[];
		expect(total).toBeCloseTo(96.08, 9);
		expect(basic).toBeCloseTo(98, 9);
		expect(three).toBeCloseTo(71.6667, 4);
	});

	it('draws rates unrounded, so its table rounds once: 1,650.30 ÷ 1,720.00 = 95.9477 % reads 95.9 %, not 96.0 %', () => {
		const table = chartTable(buildExecutionOption([ex(2024, 'total', 1720, 1650.3)]))!;
		expect(table.rows[0].values[0]).toBeCloseTo(95.9477, 4);
	});

	it('is empty without a pair', () => {
		expect(buildExecutionOption([])).toBeNull();
	});
});

describe('execution and change tables', () => {
	it('formats 万元 with separators and rates as percentages', () => {
		const [line] = executionLines([ex(2024, 'total', 1720, 1650.3)]);
		expect(line).toMatchObject({ unit: '沙坪坝区·政务服务管理办公室', year: 2024, measure: '支出合计', budget: '1,720.00', final: '1,650.30', rate: '95.9%' });
	});

	it('signs a change and its percentage', () => {
		const row: ChangeRow = { district: '沙坪坝区', unit: ZWB, kind: 'budget', year: 2024, measure: 'total', name: null, previous: 554, value: 517.25, change: -36.75, change_ratio: -36.75 / 554 };
		expect(changeLines([row])[0]).toMatchObject({ kind: '预算', previous: '554.00', value: '517.25', change: '-36.75', ratio: '-6.6%' });
		expect(changeLines([{ ...row, change: 54, change_ratio: 0.108 }])[0]).toMatchObject({ change: '+54.00', ratio: '+10.8%' });
	});

	it('exports numbers as numbers under Chinese headers', () => {
		const csv = executionCsv(ROWS.slice(0, 1));
		expect(csv.split('\r\n')[0]).toBe('\uFEFF区县,部门类别,年度,指标,预算数（万元）,决算数（万元）,执行率（%）');
		expect(csv.split('\r\n')[1]).toBe('沙坪坝区,政务服务管理办公室,2022,支出合计,500,480.4,96.08');
	});
});

describe('rankings', () => {
	const r: RankingRow = { rank: 1, district: '沙坪坝区', unit: ZWB, year: 2025, kind: 'budget', value: 1700, base: null };
	it('prints amounts in 万元 and ratios as percentages', () => {
		expect(rankingValueText('total', 1700)).toBe('1,700.00');
		expect(rankingValueText('basic_share', 0.80667)).toBe('80.7%');
		expect(rankingValueText('change', -0.011628)).toBe('-1.2%');
	});
	it('lays the league table out as printed: rank, unit, year, kind, value', () => {
		expect(rankingLines('total', [r])).toEqual([['1', `沙坪坝区·${ZWB}`, '2025', '预算', '1,700.00']]);
		expect(rankingLines('execution', [{ ...r, kind: null, value: 0.959477 }])[0].slice(3)).toEqual(['决算÷预算', '95.9%']);
		expect(rankingHeaders('total', '（功能分类 201）').map((h) => h.label)).toEqual(['名次', '单位', '年度', '类型', '支出合计（万元）（功能分类 201）']);
	});
	it('exports the league table', () => {
		const lines = rankingCsv('execution', [{ ...r, kind: null, value: 0.959477, base: 1720 }]).split('\r\n');
		expect(lines[0]).toBe('\uFEFF名次,区县,部门类别,年度,类型,执行率（%）');
		expect(lines[1]).toBe('1,沙坪坝区,政务服务管理办公室,2025,决算÷预算,95.95');
	});
});

describe('ranking chart', () => {
	const row = (rank: number, unit: string, year: number, kind: RankingRow['kind'], value: number): RankingRow => ({ rank, district: '沙坪坝区', unit, year, kind, value, base: null });
	it('draws one bar per unit, highest at the top, named by unit, year and kind, in 万元 for amounts', () => {
		const option = buildRankingOption('total')([row(1, '人民政府办公室', 2025, 'budget', 1700), row(2, ZWB, 2024, 'budget', 517.25)])!;
		const table = chartTable(option)!;
		expect(table.unit).toBe('wan');
		// a horizontal bar chart lists its categories bottom-up: the first place goes last
		expect(table.rows.map((r) => [r.label, r.values[0]])).toEqual([
			['沙坪坝区·政务服务管理办公室 2024年预算', 517.25],
			['沙坪坝区·人民政府办公室 2025年预算', 1700]
		]);
	});
	it('draws ratios in percent, unrounded', () => {
		const table = chartTable(buildRankingOption('execution')([row(1, ZWB, 2024, null, 0.959477)]))!;
		expect(table.unit).toBe('percent');
		expect(table.rows[0].label).toBe('沙坪坝区·政务服务管理办公室 2024年决算÷预算');
		expect(table.rows[0].values[0]).toBeCloseTo(95.9477, 4);
	});
	it('is empty without rows', () => {
		expect(buildRankingOption('change')([])).toBeNull();
	});
});
