/**
 * jiangjin-shijianju-2023-final-national-tabs.txt: a 2023 决算 in the national template (公开01–09表
 * as the 财政部 prescribes it), tab-separated: 行次 columns and 栏次 rows in the 收支总表s, a
 * 本年支出 {小计, 基本支出, 项目支出} header, the 基本支出 table with one 决算数 column per block
 * (人员经费 | 公用经费 | 公用经费) where 303 and 310 are both 6.00 — so only the block says which is
 * 人员 and which 公用 —, the 三公 table with a 预算数 and a 决算数 block, a 政府性基金 table with
 * 年初结转和结余 / 本年收入 / 年末结转和结余 beside the spending, and the 情况说明 after the tables.
 * Expected figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('决算, national template 公开01–09, tabs (江津区市场监督管理局 2023)', () => {
	const d = extractFixture('jiangjin-shijianju-2023-final-national-tabs.txt');

	it('reads 公开05 under 本年支出 {小计, 基本支出, 项目支出} (lines 98–113)', () => {
		expect(d.functionRows).toHaveLength(15);
		expect(fn(d, '201')).toMatchObject({ total: 1286.4, basic: 964.86, project: 321.54, source_line: 99 });
		expect(fn(d, '2013899')).toMatchObject({ total: 265.84, basic: 12.5, project: 253.34, parent_code: '20138', source_line: 103 });
		expect(fn(d, '2210201')).toMatchObject({ total: 93.36, basic: 93.36, project: 0 });
		expect(measure(d, 'basic')).toMatchObject({ value: 1297.24, source: 'table', source_line: 98 });
		expect(measure(d, 'project')).toMatchObject({ value: 321.54, source: 'table' });
	});

	it('reads 公开06 by block: 301/303 under 人员经费, 302/310/399 under 公用经费 (303 = 310 = 6.00)', () => {
		expect(d.economicRows).toHaveLength(32);
		expect(econ(d, '303')).toMatchObject({ total: 6, personnel: 6, public: 0, source_line: 131 });
		expect(econ(d, '30305')).toMatchObject({ total: 2.4, personnel: 2.4, public: 0, parent_code: '303' });
		expect(econ(d, '310')).toMatchObject({ total: 6, personnel: 0, public: 6, source_line: 121 });
		expect(econ(d, '31002')).toMatchObject({ total: 6, personnel: 0, public: 6, source_line: 122 });
		expect(econ(d, '30299')).toMatchObject({ total: 8.4, personnel: 0, public: 8.4, source_line: 135 });
		expect(econ(d, '301')).toMatchObject({ total: 1164.16, personnel: 1164.16, public: 0 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 1170.16, source: 'table', source_line: 136 });
		expect(measure(d, 'public')).toMatchObject({ value: 127.08, source: 'table' });
		expect(check(d, 'economic.placement:303')).toMatchObject({ ok: true, actual: 1 });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 1297.24, actual: 1297.24, ok: true });
	});

	it('reads 公开07 预算数 and 决算数 (line 146), the 栏次 row aside', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 12, actual: 10.42, source_line: 146 });
		expect(tp(d, 'vehicle')).toMatchObject({ budget: 8, actual: 8.6 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ budget: 0, actual: 0 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 8, actual: 8.6 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 4, actual: 1.82 });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0, actual: 0 });
	});

	it('takes the totals of 公开01 without its 行次 (line 32: 总计 15 1,673.78)', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 1673.78, source: 'table', source_line: 32 });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 1673.78, source: 'table' });
		expect(check(d, 'cross.summary_class:201')).toMatchObject({ expected: 1286.4, actual: 1286.4, ok: true });
		expect(check(d, 'cross.summary_class:208')).toMatchObject({ expected: 186.72, ok: true });
	});

	it('reads the 政府性基金 table beside its 年初结转 / 本年收入 / 年末结转 columns, for the all-fund checks', () => {
		expect(check(d, 'cross.summary_class:229')).toMatchObject({ expected: 30, actual: 30, ok: true });
		expect(check(d, 'cross.function_vs_other_table:2296003.project')).toMatchObject({ expected: 30, actual: 30, ok: true });
		expect(check(d, 'cross.function_vs_other_table:合计.total')).toMatchObject({ expected: 1648.78, actual: 1648.78, ok: true });
		expect(check(d, 'government_fund.children_sum:合计.project')).toMatchObject({ expected: 30, actual: 30, ok: true });
		expect(check(d, 'cross.function_total_vs_summary')).toMatchObject({ expected: 1648.78, actual: 1648.78, ok: true });
	});

	it('reads the 情况说明 printed after the last table, and reconciles it', () => {
		expect(check(d, 'narrative.personnel')).toMatchObject({ expected: 1170.16, actual: 1170.16, ok: true, line: 177 });
		expect(check(d, 'narrative.basic')).toMatchObject({ expected: 1297.24, ok: true, line: 174 });
		expect(check(d, 'narrative.three_public:reception.budget')).toMatchObject({ expected: 4, actual: 4, ok: true, line: 179 });
		expect(check(d, 'narrative.function:208')).toMatchObject({ expected: 186.72, ok: true, line: 175 });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 127.08, source: 'narrative', source_line: 181 });
	});

	it('records every table with its unit, and fails nothing', () => {
		expect(d.sourceTables.map((t) => [t.table_kind, t.unit, t.scale, t.unit_note])).toEqual([
			['summary', '万元', 1, '表头'],
			['skipped', '万元', 1, '表头'],
			['dept_expenditure', '万元', 1, '表头'],
			['summary', '万元', 1, '表头'],
			['function', '万元', 1, '表头'],
			['economic_basic', '万元', 1, '表头'],
			['three_public', '万元', 1, '表头'],
			['other_fund', '万元', 1, '表头'],
			['other_fund', '万元', 1, '表头']
		]);
		expect(failedRules(d)).toEqual([]);
		expect(warnings(d)).toEqual([]);
	});
});
