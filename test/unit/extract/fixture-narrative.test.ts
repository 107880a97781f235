/**
 * rongchang-danganguan-2022-final-narrative.txt: a 2022 决算 of 重庆市荣昌区档案馆 with no tables,
 * as PDF text: figures broken inside the number (486. / 72, lines 21–23; 1 / 30.24, lines 29–31),
 * page numbers and the running head falling between a label and its figure (人员经费 … 318.90,
 * lines 51–55; 较年初预算数减少 … 1.04, lines 67–73), the 决算 wording 一般公共服务（类）支出, and
 * 机关运行经费支出为 (line 81). The prose misprints 卫生健康 as 15.63 (line 43): its 类 then add
 * up to 486.99, not the 486.72 it states. Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, extractFixture, failedRules, measure, tp, warnings } from './fixture-helpers';

describe('决算, narrative only, figures broken across lines and pages (荣昌区档案馆 2022)', () => {
	const d = extractFixture('rongchang-danganguan-2022-final-narrative.txt');

	it('is recognised as a narrative-only 决算', () => {
		expect(d.document).toMatchObject({ district: '荣昌区', department: '重庆市荣昌区档案馆', year: 2022, kind: 'final', layout: 'narrative' });
	});

	it('reads figures broken inside the number, each with the line where it starts', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 486.72, source: 'narrative', source_line: 21 });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 486.72, source_line: 23 });
		expect(measure(d, 'basic')).toMatchObject({ value: 356.48, source_line: 27 });
		expect(measure(d, 'project')).toMatchObject({ value: 130.24, source_line: 29 });
	});

	it('reads across page numbers and the running head', () => {
		expect(measure(d, 'personnel')).toMatchObject({ value: 318.9, source: 'narrative', source_line: 55 });
		expect(measure(d, 'public')).toMatchObject({ value: 37.58, source_line: 57 });
		// 2.46 + 1.04: the change stands after 第 4 页 and the running head.
		expect(tp(d, 'vehicle_operation')).toMatchObject({ actual: 2.46, budget: 3.5, source_line: 67 });
	});

	it('reads the 三公 items with the 年初预算数 derived from the stated changes', () => {
		expect(tp(d, 'total')).toMatchObject({ actual: 3.26, budget: 5, source_line: 61 });
		expect(tp(d, 'reception')).toMatchObject({ actual: 0.8, budget: 1.5 });
		expect(tp(d, 'outbound')).toMatchObject({ actual: 0, budget: 0 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ actual: 0, budget: 0 });
		expect(tp(d, 'vehicle')).toMatchObject({ actual: 2.46, budget: 3.5 });
	});

	it('reads the 类 in the 决算 wording 一般公共服务（类）支出, as printed', () => {
		expect(d.functionRows.map((r) => [r.code, r.total, r.source_line])).toEqual([
			['201', 404.16, 41],
			['208', 44.8, 41],
			['210', 15.63, 43],
			['221', 22.4, 45]
		]);
		expect(d.functionRows.every((r) => r.basic === null && r.project === null && r.level === 1)).toBe(true);
	});

	it('reads 机关运行经费支出为 and the procurement split', () => {
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 37.58, source_line: 81 });
		expect(measure(d, 'procurement_total')).toMatchObject({ value: 25.6, source_line: 85 });
		expect(measure(d, 'procurement_services')?.value).toBe(20);
	});

	it('checks the prose against itself and fails the 类 that do not add up', () => {
		expect(check(d, 'narrative.basic_plus_project')).toMatchObject({ expected: 486.72, actual: 486.72, ok: true });
		expect(check(d, 'narrative.personnel_plus_public')).toMatchObject({ expected: 356.48, actual: 356.48, ok: true });
		expect(check(d, 'three_public.items_sum.budget')).toMatchObject({ expected: 5, actual: 5, ok: true });
		expect(check(d, 'three_public.vehicle_sum.actual')).toMatchObject({ expected: 2.46, actual: 2.46, ok: true });
		expect(failedRules(d)).toEqual(['narrative.function_classes_sum']);
		expect(check(d, 'narrative.function_classes_sum')).toMatchObject({ expected: 486.72, actual: 486.99, line: 23 });
		expect(warnings(d).map((w) => [w.stage, w.line])).toEqual([['check', 23]]);
	});
});
