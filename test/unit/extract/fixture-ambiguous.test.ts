/**
 * wuxi-jiguanshiwuju-2022-budget-ambiguous.txt: a 2022 预算 of 重庆市巫溪县机关事务管理局 as PDF
 * text with blank cells dropped and no dash in their place — so placement rests on arithmetic alone.
 *  - 2010301 行政运行 and 2010302 一般行政管理事务 both print `120.00 120.00` (lines 35–36): one
 *    is 基本, the other 项目, and nothing in the document says which. Genuinely ambiguous.
 *  - 2080599 prints `4.00 3.00` (line 42): no placement fits (a figure was dropped in print).
 *    Its siblings 2080505 and 2080506 must still be placed.
 *  - The 三公 row `6.00 4.00 4.00 2.00` (line 77) fits 购置 or 运行 for the 4.00, and the prose
 *    (line 15) names only 公务用车购置及运行维护费, which does not decide.
 * Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('预算 with a genuinely ambiguous placement (巫溪县机关事务管理局 2022)', () => {
	const d = extractFixture('wuxi-jiguanshiwuju-2022-budget-ambiguous.txt');

	it('keeps both equal rows with their totals, leaving the undecided split NULL', () => {
		expect(fn(d, '2010301')).toMatchObject({ total: 120, basic: null, project: null, source_line: 35 });
		expect(fn(d, '2010302')).toMatchObject({ total: 120, basic: null, project: null, source_line: 36 });
		expect(fn(d, '2010350')).toMatchObject({ total: 148, basic: 148, project: 0 });
		expect(fn(d, '20103')).toMatchObject({ total: 388, basic: 268, project: 120 });
		const c = check(d, 'function.placement:2010301');
		expect(c).toMatchObject({ expected: 1, actual: 2, ok: false, line: 35 });
		expect(c?.detail).toContain('基本支出、项目支出留空');
		// The totals still add up; the split of 20103 cannot be verified.
		expect(check(d, 'function.children_sum:20103.total')).toMatchObject({ expected: 388, actual: 388, ok: true });
		expect(check(d, 'function.children_sum:20103.basic')).toMatchObject({ expected: 268, actual: null, ok: false });
	});

	it('reports the row no placement fits, and still places its siblings', () => {
		expect(fn(d, '2080599')).toMatchObject({ total: null, basic: null, project: null, source_line: 42 });
		expect(check(d, 'function.placement:2080599')).toMatchObject({ actual: 0, ok: false, line: 42 });
		expect(fn(d, '2080505')).toMatchObject({ total: 24, basic: 24, project: 0 });
		expect(fn(d, '2080506')).toMatchObject({ total: 12, basic: 12, project: 0 });
		expect(check(d, 'function.placement:2080505')).toMatchObject({ actual: 1, ok: true });
		const solve = d.diagnostics.filter((x) => x.stage === 'solve');
		expect(solve.map((x) => x.line)).toEqual([42, 77]);
		expect(solve[0].message).toContain('2080599');
	});

	it('keeps the figures that do not depend on the undecided rows', () => {
		expect(d.functionRows).toHaveLength(16);
		expect(measure(d, 'basic')).toMatchObject({ value: 340, source: 'table', source_line: 32 });
		expect(measure(d, 'project')?.value).toBe(120);
		expect(econ(d, '303')).toMatchObject({ total: 4, personnel: 4, public: 0 });
		expect(econ(d, '30231')).toMatchObject({ total: 4, personnel: 0, public: 4 });
		expect(check(d, 'cross.function_total_vs_summary')).toMatchObject({ expected: 460, actual: 460, ok: true });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 340, actual: 340, ok: true });
	});

	it('does not guess the 三公 tie: what every placement agrees on is kept, 购置/运行 left NULL', () => {
		const c = check(d, 'three_public.placement');
		expect(c).toMatchObject({ expected: 1, actual: 2, ok: false, line: 77 });
		expect(c?.detail).toContain('无法区分');
		expect(d.threePublic.map((r) => [r.item, r.budget, r.source_line])).toEqual([
			['total', 6, 77],
			['outbound', 0, 77],
			['vehicle', 4, 77],
			['vehicle_purchase', null, 77],
			['vehicle_operation', null, 77],
			['reception', 2, 77]
		]);
		expect(check(d, 'three_public.items_sum.budget')).toMatchObject({ expected: 6, actual: 6, ok: true });
	});

	it('records exactly the failures that follow from what cannot be decided', () => {
		expect(failedRules(d)).toEqual([
			'function.children_sum:20103.basic',
			'function.children_sum:20103.project',
			'function.children_sum:20805.basic',
			'function.children_sum:20805.project',
			'function.children_sum:20805.total',
			'function.placement:2010301',
			'function.placement:2010302',
			'function.placement:2080599',
			'function.row_sum:2010301',
			'function.row_sum:2010302',
			'function.row_sum:2080599',
			'three_public.placement'
		]);
		expect(warnings(d).filter((w) => w.stage === 'check')).toHaveLength(12);
	});
});
