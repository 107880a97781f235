/**
 * dazu-tongjiju-2024-budget-spaces.txt: a 2024 预算 of 重庆市大足区统计局 as PDF text — cells
 * separated by spaces, blank cells dropped, each table's title after its rows (the layout of seed
 * 002). The function table prints its 合计 figures below the coded rows (line 128) and the word
 * 合计 further down among the header fragments (line 132); row 2080505 wraps over two lines
 * (110, 112); the 三公 row drops the blank 因公出国（境）费 (line 208); 301 and 303 of the 基本支出表
 * carry both 人员经费 and 公用经费. Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp } from './fixture-helpers';

describe('预算, spaces, blanks dropped, titles after rows (大足区统计局 2024)', () => {
	const d = extractFixture('dazu-tongjiju-2024-budget-spaces.txt');

	it('reads the metadata', () => {
		expect(d.document).toMatchObject({ district: '大足区', department: '重庆市大足区统计局', year: 2024, kind: 'budget', layout: 'spaces' });
	});

	it('takes the figure row below the coded rows as the 合计 (line 128) and places every row by it', () => {
		expect(measure(d, 'basic')).toMatchObject({ value: 398.4, source: 'table', source_line: 128 });
		expect(measure(d, 'project')).toMatchObject({ value: 214, source: 'table', source_line: 128 });
		expect(fn(d, '208')).toMatchObject({ total: 57.6, basic: 57.6, project: 0, source_line: 106 });
		expect(fn(d, '2210201')).toMatchObject({ total: 28.8, basic: 28.8, project: 0 });
		expect(fn(d, '2010501')).toMatchObject({ total: 298.4, basic: 298.4, project: 0 });
		expect(fn(d, '2010507')).toMatchObject({ total: 120, basic: 0, project: 120 });
		expect(check(d, 'function.placement:221')).toMatchObject({ ok: true, actual: 1 });
		expect(check(d, 'function.children_sum:合计.basic')).toMatchObject({ expected: 398.4, actual: 398.4, ok: true, line: 128 });
	});

	it('joins the row wrapped over lines 110 and 112', () => {
		expect(d.functionRows).toHaveLength(16);
		expect(fn(d, '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 38.4, basic: 38.4, project: 0, source_line: 110, parent_code: '20805' });
		expect(check(d, 'function.children_sum:20805.total')).toMatchObject({ expected: 57.6, actual: 57.6, ok: true });
	});

	it('places 基本支出 rows under parents that carry both 人员经费 and 公用经费', () => {
		expect(econ(d, '301')).toMatchObject({ total: 357.6, personnel: 345.6, public: 12, source_line: 148 });
		// Two figures: only 公用经费 lets 301's children add up (line 156).
		expect(econ(d, '30106')).toMatchObject({ total: 12, personnel: 0, public: 12, source_line: 156 });
		expect(econ(d, '30199')).toMatchObject({ total: 3.2, personnel: 3.2, public: 0 });
		expect(econ(d, '303')).toMatchObject({ total: 10.2, personnel: 7.8, public: 2.4, source_line: 188 });
		expect(econ(d, '30305')).toMatchObject({ total: 6, personnel: 3.6, public: 2.4, source_line: 190 });
		expect(econ(d, '30307')).toMatchObject({ total: 4.2, personnel: 4.2, public: 0 });
		expect(econ(d, '302')).toMatchObject({ total: 30.6, personnel: 0, public: 30.6 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 353.4, source_line: 146 });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 398.4, actual: 398.4, ok: true });
	});

	it('places the 三公 row with a dropped blank uniquely by arithmetic (line 208)', () => {
		expect(d.threePublic.map((r) => [r.item, r.budget])).toEqual([
			['total', 9.5],
			['outbound', 0],
			['vehicle', 6],
			['vehicle_purchase', 4],
			['vehicle_operation', 2],
			['reception', 3.5]
		]);
		expect(tp(d, 'total')?.source_line).toBe(208);
		const placement = check(d, 'three_public.placement');
		expect(placement).toMatchObject({ expected: 1, actual: 1, ok: true, line: 208 });
		expect(placement?.detail).toContain('算术唯一确定');
		expect(check(d, 'narrative.three_public:vehicle_purchase.budget')).toMatchObject({ expected: 4, actual: 4, ok: true });
	});

	it('reads the prose across its broken lines (项目支出 214 / .00, lines 36–38)', () => {
		expect(check(d, 'narrative.project')).toMatchObject({ expected: 214, actual: 214, ok: true, line: 36 });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 45, source: 'narrative', source_line: 52 });
		expect(measure(d, 'procurement_goods')).toMatchObject({ value: 6, source: 'narrative' });
	});

	it('records every reconciliation, all passing, and no problem to report', () => {
		expect(d.checks.length).toBeGreaterThan(100);
		expect(failedRules(d)).toEqual([]);
		expect(d.diagnostics).toEqual([]);
	});
});
