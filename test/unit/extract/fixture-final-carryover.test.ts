/**
 * tongnan-kejiju-2023-final-spaces.txt: a 2023 决算 of 重庆市潼南区科学技术局 as PDF text, the layout
 * of seed 000 (公开01/04/05/06/09, the side-by-side 公开06 with 人员经费合计 / 公用经费合计 labels).
 * Unlike the seeds it carries money over: 年初结转和结余 30.00 and 年末结转和结余 10.00, so the
 * 收支总表's 总计 (461.60, line 101) is not the year's spending (本年支出合计 451.60, lines 95, 138)
 * that the function table adds up to. Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp } from './fixture-helpers';

describe('决算 with 结转和结余, PDF text (潼南区科学技术局 2023)', () => {
	const d = extractFixture('tongnan-kejiju-2023-final-spaces.txt');

	it('reads the metadata', () => {
		expect(d.document).toMatchObject({ district: '潼南区', department: '重庆市潼南区科学技术局', year: 2023, kind: 'final', layout: 'spaces' });
	});

	it('keeps the 总计 as the headline totals (they include the carry-over)', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 461.6, source: 'table', source_line: 101 });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 461.6, source: 'table', source_line: 101 });
		expect(check(d, 'narrative.expenditure_total')).toMatchObject({ expected: 461.6, actual: 461.6, ok: true, line: 18 });
	});

	it('reconciles the function table with the year’s spending, not with the 总计', () => {
		expect(check(d, 'cross.function_total_vs_summary')).toMatchObject({ expected: 451.6, actual: 451.6, ok: true });
		// 公开04 (财政拨款 only) is preferred over 公开01 for the year's spending.
		expect(check(d, 'summary.basic_plus_project')).toMatchObject({ expected: 451.6, actual: 451.6, ok: true, line: 138 });
		expect(check(d, 'narrative.basic_plus_project')).toMatchObject({ expected: 451.6, actual: 451.6, ok: true, line: 24 });
	});

	it('reads 公开05 with its project spending in three 款', () => {
		expect(d.functionRows).toHaveLength(18);
		expect(fn(d, '206')).toMatchObject({ total: 384.9, basic: 186.4, project: 198.5, source_line: 170 });
		expect(fn(d, '2060199')).toMatchObject({ total: 12, basic: 0, project: 12 });
		expect(fn(d, '2060499')).toMatchObject({ total: 150, basic: 0, project: 150 });
		expect(fn(d, '2060702')).toMatchObject({ total: 36.5, basic: 0, project: 36.5 });
		expect(measure(d, 'project')).toMatchObject({ value: 198.5, source: 'table', source_line: 168 });
	});

	it('places the side-by-side 公开06 groups by its labelled totals (line 263)', () => {
		expect(econ(d, '301')).toMatchObject({ total: 206.3, personnel: 206.3, public: 0, source_line: 234 });
		expect(econ(d, '303')).toMatchObject({ total: 1.8, personnel: 1.8, public: 0 });
		expect(econ(d, '30307')).toMatchObject({ personnel: 1.8, public: 0, source_line: 258 });
		expect(econ(d, '30239')).toMatchObject({ personnel: 0, public: 12.3, source_line: 260 });
		expect(econ(d, '310')).toMatchObject({ personnel: 0, public: 1 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 208.1, source_line: 263 });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 253.1, actual: 253.1, ok: true });
	});

	it('reads 三公 and the measures of 公开09, and the prose’s 年初预算数 agree', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 6, actual: 3.7, source_line: 280 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 4, actual: 3.2 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 2, actual: 0.5 });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 45, source: 'table' });
		expect(measure(d, 'procurement_goods')).toMatchObject({ value: 8, source: 'table' });
		expect(check(d, 'narrative.three_public:reception.budget')).toMatchObject({ expected: 2, actual: 2, ok: true });
	});

	it('records every reconciliation, all passing', () => {
		expect(d.checks.length).toBeGreaterThan(100);
		expect(failedRules(d)).toEqual([]);
		expect(d.diagnostics).toEqual([]);
	});
});
