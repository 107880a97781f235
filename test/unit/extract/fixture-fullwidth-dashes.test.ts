/**
 * chengkou-shenjiju-2023-budget-fullwidth.txt: a 2023 预算 of 重庆市城口县审计局 as PDF text with
 * titles before the rows. Empty cells are printed as `-` (function and summary tables) or `—`
 * (基本支出 and 三公 tables); the 基本支出表 and the 三公 table — codes included — and the prose
 * use full-width digits, the prose also a full-width thousands comma (１，４５２．３６). Rows 2010802
 * and 2010804 both print 81.00 81.00: only their dashes say which is 基本 and which 项目. The prose
 * misprints 社会保障和就业支出 as ３３．０６ (line 12) where the table says 33.60.
 * Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('预算, full-width digits and dash cells (城口县审计局 2023)', () => {
	const d = extractFixture('chengkou-shenjiju-2023-budget-fullwidth.txt');

	it('reads the metadata', () => {
		expect(d.document).toMatchObject({ district: '城口县', department: '重庆市城口县审计局', year: 2023, kind: 'budget', layout: 'spaces' });
	});

	it('reads `-` cells as the places of blank columns (lines 45, 46)', () => {
		expect(fn(d, '2010802')).toMatchObject({ total: 81, basic: 81, project: 0, source_line: 45 });
		expect(fn(d, '2010804')).toMatchObject({ total: 81, basic: 0, project: 81, source_line: 46 });
		expect(fn(d, '2010899')).toMatchObject({ total: 1000, basic: 0, project: 1000 });
		expect(fn(d, '208')).toMatchObject({ total: 33.6, basic: 33.6, project: 0 });
		// Read by position: no placement had to be solved.
		expect(check(d, 'function.placement:2010802')).toBeUndefined();
		expect(check(d, 'function.children_sum:20108.basic')).toMatchObject({ expected: 311.16, actual: 311.16, ok: true });
	});

	it('reads the full-width 基本支出表, codes in ASCII (lines 64–87)', () => {
		expect(d.economicRows).toHaveLength(23);
		expect(econ(d, '301')).toMatchObject({ code: '301', total: 267.36, personnel: 267.36, public: 0, source_line: 65 });
		expect(econ(d, '30112')).toMatchObject({ total: 1.96, personnel: 1.96, public: 0, parent_code: '301' });
		expect(econ(d, '302')).toMatchObject({ total: 91, personnel: 0, public: 91 });
		expect(econ(d, '30239')).toMatchObject({ total: 52.1, personnel: 0, public: 52.1 });
		expect(econ(d, '30399')).toMatchObject({ total: 10, personnel: 10, public: 0 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 280.36, source: 'table', source_line: 64 });
		expect(measure(d, 'public')).toMatchObject({ value: 91, source: 'table' });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 371.36, actual: 371.36, ok: true });
	});

	it('reads the full-width 三公 row with `—` cells by position (line 95)', () => {
		expect(d.threePublic.map((r) => [r.item, r.budget, r.source_line])).toEqual([
			['total', 9, 95],
			['outbound', 0, 95],
			['vehicle', 5, 95],
			['vehicle_purchase', 0, 95],
			['vehicle_operation', 5, 95],
			['reception', 4, 95]
		]);
		expect(check(d, 'three_public.placement')).toBeUndefined();
		expect(check(d, 'three_public.items_sum.budget')).toMatchObject({ expected: 9, actual: 9, ok: true });
	});

	it('reads full-width figures in the prose, thousands comma included', () => {
		expect(check(d, 'narrative.income_total')).toMatchObject({ expected: 1452.36, actual: 1452.36, ok: true, line: 11 });
		expect(check(d, 'narrative.project')).toMatchObject({ expected: 1081, actual: 1081, ok: true, line: 15 });
		expect(check(d, 'narrative.function:201')).toMatchObject({ expected: 1392.16, actual: 1392.16, ok: true });
		expect(measure(d, 'procurement_total')).toMatchObject({ value: 1000, source: 'narrative', source_line: 22 });
		expect(measure(d, 'procurement_services')).toMatchObject({ value: 1000, source: 'narrative' });
		expect(check(d, 'narrative.three_public:reception.budget')).toMatchObject({ expected: 4, actual: 4, ok: true });
	});

	it('fails only the misprinted prose figure, with its line', () => {
		expect(failedRules(d)).toEqual(['narrative.function:208']);
		expect(check(d, 'narrative.function:208')).toMatchObject({ expected: 33.06, actual: 33.6, line: 12 });
		expect(warnings(d).map((w) => [w.stage, w.line])).toEqual([['check', 12]]);
		expect(tp(d, 'total')?.actual).toBeNull();
	});
});
