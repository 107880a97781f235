import { describe, expect, it } from 'vitest';
import {
	buildExecutionOption,
	changeLines,
	executionCsv,
	executionLines,
	measureName,
	buildRankingOption,
	RANKING_DRAW_LIMIT,
	rankingDrawn,
	rankingDrawnNotice,
	rankingCsv,
	rankingHeaders,
	rankingLines,
	rankingValueText
} from '$lib/charts/execution';
import { chartTable } from '$lib/charts/table';
import type { ChangeRow, ExecutionRow, RankingRow } from '$lib/queries/execution';
import type { DerivedExecutionRow } from '$lib/queries/narrative';

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
	// a whole city ranks thousands of units: a bar each froze the page (≈ 2.6 s of ECharts layout
	// at 30,000 documents) and read as nothing; the chart draws each kind's head, the table all
	describe('at more units than a chart can show', () => {
		const league = (kind: RankingRow['kind'], n: number) => Array.from({ length: n }, (_, i) => row(i + 1, `部门${i + 1}`, 2025, kind, 1000 - i));
		const rows = [...league('budget', 30), ...league('final', 27)];
		it('draws the first RANKING_DRAW_LIMIT of each kind, in rank order', () => {
			expect(RANKING_DRAW_LIMIT).toBe(24);
			const table = chartTable(buildRankingOption('total')(rows))!;
			const labels = table.rows.map((r) => r.label).reverse();
			expect(labels).toHaveLength(48);
			expect(labels[0]).toBe('沙坪坝区·部门1 2025年预算');
			expect(labels[23]).toBe('沙坪坝区·部门24 2025年预算');
			expect(labels[24]).toBe('沙坪坝区·部门1 2025年决算');
			expect(labels[47]).toBe('沙坪坝区·部门24 2025年决算');
		});
		it('keeps tied ranks past the limit out, as a bar count, and says how many are left out', () => {
			const tied = [...league('budget', 23), row(24, '甲', 2025, 'budget', 1), row(24, '乙', 2025, 'budget', 1)];
			expect(rankingDrawn(tied).drawn.map((r) => r.unit).slice(-1)).toEqual(['甲']);
			const d = rankingDrawn(rows);
			expect([d.units, d.drawn.length, d.rest]).toEqual([57, 48, 9]);
			expect(rankingDrawnNotice(d)).toBe('单位较多：共 57 个（预算、决算分别排名），图中画出每类前 24 名，其余 9 个未画出（下方排名表列出全部）；可按区县、部门类别或年度筛选以缩小范围。');
			expect(rankingDrawn(rows.slice(0, 24)).rest).toBe(0);
		});
		it('ranks execution rates as one list', () => {
			const d = rankingDrawn(league(null, 30));
			expect([d.drawn.length, d.rest]).toEqual([24, 6]);
			expect(rankingDrawnNotice(d)).toBe('单位较多：共 30 个，图中画出前 24 名，其余 6 个未画出（下方排名表列出全部）；可按区县、部门类别或年度筛选以缩小范围。');
		});
	});
});

describe('execution chart: a 决算 paired with its own 年初预算数 from its prose', () => {
	const pair = (p: Partial<DerivedExecutionRow>): DerivedExecutionRow => ({
		district: '九龙坡区', unit: ZWB, year: 2021, measure: 'three_public.total', budget: 8.5, final: 1.48,
		reason: '主要原因是受疫情影响，减少了相应的公务接待', source_doc: 'x', source_line: 283, source_page: null, ...p
	});
	type Bar = { id?: string; name: string; data: (number | null)[]; itemStyle?: { color?: string; borderType?: string; decal?: unknown }; label?: { formatter: (q: { value?: unknown }) => string } };

	it('draws the derived pair as a hollow, dashed, hatched bar of its own series after the printed pairs', () => {
		const option = buildExecutionOption(ROWS, [pair({})])!;
		expect((option.xAxis as { data: string[] }).data).toEqual(['沙坪坝区·政务服务管理办公室 2022', '九龙坡区·政务服务管理办公室 2021']);
		const series = option.series as Bar[];
		const derived = series.find((s) => s.id === 'derived|three_public')!;
		expect(derived).toMatchObject({ name: '“三公”经费（据决算文字推算）', itemStyle: { color: '#ffffff', borderType: 'dashed' } });
		expect(derived.itemStyle?.decal).toBeTruthy();
		// 1.48 ÷ 8.50 = 17.41 %, only at the derived unit-year
		expect(derived.data[0]).toBeNull();
		expect(derived.data[1]).toBeCloseTo(17.4118, 4);
		expect(derived.label?.formatter({ value: derived.data[1] })).toBe('17.4%\n据决算文字推算');
		// the printed series hold nothing at the derived unit-year
		expect(series.find((s) => s.name === '“三公”经费')!.data[1]).toBeNull();
		const table = chartTable(option)!;
		expect(table.columns).toEqual(['支出合计', '基本支出', '“三公”经费', '“三公”经费（据决算文字推算）']);
	});

	it('quotes both figures, the reason and the line in its tooltip', () => {
		const option = buildExecutionOption([], [pair({})])!;
		const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
		const html = formatter([{ dataIndex: 0, seriesIndex: 0, value: 17.41, marker: '' }]);
		expect(html).toContain('九龙坡区·政务服务管理办公室 2021（决算 ÷ 决算文字所述年初预算数');
		expect(html).toContain('“三公”经费：年初预算数 8.50 万元（据2021年决算文字推算），决算 1.48 万元，执行率 17.4%');
		expect(html).toContain('原因：主要原因是受疫情影响，减少了相应的公务接待');
		expect(html).toContain('出处：九龙坡区·政务服务管理办公室 2021年决算公开，第 283 行');
	});

	it('never draws a derived pair at a unit-year a printed pair covers, nor a measure the chart does not draw', () => {
		const printed = buildExecutionOption(ROWS)!;
		const same = buildExecutionOption(ROWS, [pair({ district: '沙坪坝区', year: 2022 }), pair({ measure: 'function.201' })])!;
		expect(same.series).toHaveLength((printed.series as unknown[]).length);
		expect((same.xAxis as { data: string[] }).data).toEqual(['沙坪坝区·政务服务管理办公室 2022']);
		expect(buildExecutionOption([], [pair({ measure: 'general_budget_expenditure' })])).toBeNull();
	});
});
