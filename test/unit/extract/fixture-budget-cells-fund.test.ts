/**
 * bishan-zhujianwei-2024-budget-cells.txt: a 2024 预算 of 重庆市璧山区住房和城乡建设委员会 in the
 * one-cell-per-line export. 项目支出 stands in four 款 (21201, 21203, 21299, 22101), 301 and 303
 * carry both 人员经费 and 公用经费, and 1,000.00 万元 of 政府性基金 (21208) is printed in its own
 * table, in the 财政拨款收支总表, in the 部门支出总表 and in the prose's 支出预算. The 部门收支总表
 * misprints 住房保障支出 as 496.08 (line 549) where the function table says 496.80.
 * Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('预算, one cell per line, 政府性基金 with figures (璧山区住建委 2024)', () => {
	const d = extractFixture('bishan-zhujianwei-2024-budget-cells.txt');

	it('reads the metadata and the layout', () => {
		expect(d.document).toMatchObject({ district: '璧山区', department: '重庆市璧山区住房和城乡建设委员会', year: 2024, kind: 'budget', layout: 'cells' });
	});

	it('keeps function_expenditure to the general public budget, with 项目支出 in several 款', () => {
		expect(d.functionRows).toHaveLength(24);
		expect(fn(d, '212')).toMatchObject({ total: 1034.3, basic: 486.2, project: 548.1, source_line: 170 });
		expect(fn(d, '21201')).toMatchObject({ total: 641.7, basic: 486.2, project: 155.5 });
		expect(fn(d, '2120104')).toMatchObject({ total: 120, basic: 0, project: 120, parent_code: '21201' });
		expect(fn(d, '21203')).toMatchObject({ total: 344.6, basic: 0, project: 344.6 });
		expect(fn(d, '2129999')).toMatchObject({ total: 48, basic: 0, project: 48, parent_code: '21299' });
		expect(fn(d, '221')).toMatchObject({ total: 496.8, basic: 46.8, project: 450 });
		expect(fn(d, '2210108')).toMatchObject({ total: 300, basic: 0, project: 300 });
		// The 政府性基金 codes are not general-budget spending.
		expect(fn(d, '21208')).toBeUndefined();
		expect(fn(d, '2120803')).toBeUndefined();
		expect(measure(d, 'basic')).toMatchObject({ value: 665.6, source: 'table', source_line: 116 });
		expect(measure(d, 'project')).toMatchObject({ value: 998.1, source: 'table' });
	});

	it('reads rows with both 人员经费 and 公用经费', () => {
		expect(econ(d, '301')).toMatchObject({ total: 605.4, personnel: 595.4, public: 10 });
		expect(econ(d, '30106')).toMatchObject({ total: 10, personnel: 0, public: 10 });
		expect(econ(d, '303')).toMatchObject({ total: 8.4, personnel: 7.2, public: 1.2 });
		expect(econ(d, '30305')).toMatchObject({ total: 6, personnel: 4.8, public: 1.2, source_line: 433 });
		expect(measure(d, 'personnel')?.value).toBe(602.6);
		expect(measure(d, 'public')?.value).toBe(63);
	});

	it('reads the 项目支出 table by 部门经济分类 into economic_breakdown', () => {
		const project = d.breakdownRows.filter((r) => r.scope === 'project' && r.scheme === 'department');
		expect(project.map((r) => [r.code, r.total])).toEqual([
			['302', 568.1],
			['30201', 20],
			['30211', 8.1],
			['30226', 90],
			['30227', 450],
			['310', 430],
			['31005', 430]
		]);
	});

	it('reads the 三公 row with its kept blank cells, and the headline totals of every fund', () => {
		expect(d.threePublic.map((r) => [r.item, r.budget])).toEqual([
			['total', 6],
			['outbound', 0],
			['vehicle', 4],
			['vehicle_purchase', 0],
			['vehicle_operation', 4],
			['reception', 2]
		]);
		expect(measure(d, 'income_total')).toMatchObject({ value: 2663.7, source: 'table' });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 2663.7, source: 'table' });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 63, source: 'narrative', source_line: 22 });
		expect(measure(d, 'procurement_services')).toMatchObject({ value: 100, source: 'narrative', source_line: 23 });
		expect(tp(d, 'reception')?.actual).toBeNull();
	});

	it('reconciles tables covering every fund as general budget + 政府性基金', () => {
		// 2,663.70 = 1,663.70 (一般公共预算) + 1,000.00 (政府性基金)
		expect(check(d, 'cross.function_total_vs_summary')).toMatchObject({ expected: 2663.7, actual: 2663.7, ok: true });
		expect(check(d, 'summary.basic_plus_project')).toMatchObject({ expected: 2663.7, actual: 2663.7, ok: true });
		expect(check(d, 'cross.summary_class:212')).toMatchObject({ expected: 2034.3, actual: 2034.3, ok: true });
		expect(check(d, 'cross.function_vs_other_table:212.project')).toMatchObject({ expected: 1548.1, actual: 1548.1, ok: true });
		expect(check(d, 'cross.function_vs_other_table:21208.total')).toMatchObject({ expected: 1000, actual: 1000, ok: true, line: 673 });
		expect(check(d, 'cross.function_vs_other_table:212.total')?.detail).toContain('政府性基金');
		// The fund table's own arithmetic is recorded too.
		expect(check(d, 'government_fund.children_sum:21208.project')).toMatchObject({ expected: 1000, actual: 1000, ok: true });
	});

	it('accepts the prose stating a 类 for every fund (line 12) or for the general budget', () => {
		expect(check(d, 'narrative.function:212')).toMatchObject({ expected: 2034.3, actual: 2034.3, ok: true, line: 12 });
		expect(check(d, 'narrative.function:221')).toMatchObject({ expected: 496.8, actual: 496.8, ok: true });
		expect(check(d, 'narrative.basic_plus_project')).toMatchObject({ expected: 2663.7, actual: 2663.7, ok: true, line: 15 });
		expect(check(d, 'narrative.expenditure_total')).toMatchObject({ expected: 2663.7, actual: 2663.7, ok: true });
		expect(check(d, 'narrative.basic')).toMatchObject({ expected: 665.6, actual: 665.6, ok: true });
	});

	it('fails only the misprinted 收支总表 row, and reports the fund table as used for checks only', () => {
		expect(failedRules(d)).toEqual(['cross.summary_class:221']);
		expect(check(d, 'cross.summary_class:221')).toMatchObject({ expected: 496.08, actual: 496.8, line: 548 });
		expect(warnings(d).map((w) => [w.stage, w.line])).toEqual([['check', 548]]);
		const info = d.diagnostics.filter((x) => x.severity === 'info');
		expect(info).toHaveLength(1);
		expect(info[0]).toMatchObject({ stage: 'tables', line: 472 });
		expect(info[0].message).toContain('政府性基金');
	});
});
