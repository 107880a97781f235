/**
 * tongliang-sifaju-2022-final-tabs.txt: a 2022 决算 of 重庆市铜梁区司法局 exported from the
 * spreadsheet (tab-separated, blank cells kept, merged cells leave blanks), 公开01–09, with the
 * side-by-side 公开06 whose later groups run out before the first. The prose misprints 公用经费
 * (204.40 against the table's 204.04, line 16). Figures read from the fixture text (line numbers given).
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('决算, tabs, 公开01–09 (铜梁区司法局 2022)', () => {
	const d = extractFixture('tongliang-sifaju-2022-final-tabs.txt');

	it('reads the metadata from the title lines', () => {
		expect(d.document).toMatchObject({ district: '铜梁区', department: '重庆市铜梁区司法局', year: 2022, kind: 'final', layout: 'tabs', department_kind: '司法局' });
	});

	it('reads 公开05 positionally, including a 项 with both basic and project (line 123)', () => {
		expect(d.functionRows).toHaveLength(25);
		expect(fn(d, '204')).toMatchObject({ total: 1311.45, basic: 760.58, project: 550.87, level: 1, source_line: 114 });
		expect(fn(d, '2040699')).toMatchObject({ total: 17, basic: 4.2, project: 12.8, parent_code: '20406', source_line: 123 });
		expect(fn(d, '2080801')).toMatchObject({ total: 12.35, basic: 12.35, project: 0, parent_code: '20808' });
		expect(fn(d, '2210203')).toMatchObject({ total: 5.4, basic: 5.4, project: 0 });
	});

	it('places 公开06 side-by-side groups by the merged-cell 人员经费合计 / 公用经费合计 line (line 164)', () => {
		expect(d.economicRows).toHaveLength(44);
		expect(econ(d, '301')).toMatchObject({ total: 801.74, personnel: 801.74, public: 0, source_line: 146 });
		expect(econ(d, '302')).toMatchObject({ total: 198.04, personnel: 0, public: 198.04, source_line: 146 });
		expect(econ(d, '303')).toMatchObject({ total: 20.95, personnel: 20.95, public: 0, source_line: 159 });
		expect(econ(d, '310')).toMatchObject({ total: 6, personnel: 0, public: 6, parent_code: null });
		expect(econ(d, '31002')).toMatchObject({ public: 6, parent_code: '310' });
		// Rows whose neighbouring groups are empty (line 154: 30213 with nothing in the third group).
		expect(econ(d, '30213')).toMatchObject({ total: 5.3, personnel: 0, public: 5.3, source_line: 154 });
		expect(econ(d, '30299')).toMatchObject({ total: 14.49, personnel: 0, public: 14.49, source_line: 163 });
		expect(econ(d, '30399')).toMatchObject({ total: 5.4, personnel: 5.4, public: 0 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 822.69, source: 'table', source_line: 164 });
		expect(measure(d, 'public')).toMatchObject({ value: 204.04, source: 'table' });
	});

	it('reads 三公 预算数 / 决算数 and the other measures from 公开09', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 12, actual: 7.4, source_line: 187 });
		expect(tp(d, 'vehicle')).toMatchObject({ budget: 8, actual: 6.48 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ budget: 0, actual: 0, source_line: 190 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 8, actual: 6.48, source_line: 191 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 4, actual: 0.92, source_line: 192 });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0, actual: 0 });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 204.04, source: 'table', source_line: 186 });
		expect(measure(d, 'procurement_total')).toMatchObject({ value: 96.5, source: 'table', source_line: 202 });
		expect(measure(d, 'procurement_services')?.value).toBe(80);
	});

	it('takes the totals from 公开01 and the basic/project split from 公开05', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 1577.6, source: 'table', source_line: 48 });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 1577.6, source: 'table' });
		expect(measure(d, 'basic')).toMatchObject({ value: 1026.73, source: 'table', source_line: 113 });
		expect(measure(d, 'project')).toMatchObject({ value: 550.87, source: 'table' });
	});

	it('records the reconciliations that hold', () => {
		expect(check(d, 'economic.placement:302')).toMatchObject({ ok: true, actual: 1 });
		expect(check(d, 'economic.children_sum:302.public')).toMatchObject({ expected: 198.04, actual: 198.04, ok: true });
		expect(check(d, 'economic.children_sum:合计.personnel')).toMatchObject({ expected: 822.69, ok: true });
		expect(check(d, 'function.children_sum:20406.project')).toMatchObject({ expected: 550.87, actual: 550.87, ok: true });
		expect(check(d, 'cross.function_vs_other_table:2040699.project')).toMatchObject({ expected: 12.8, actual: 12.8, ok: true });
		expect(check(d, 'cross.summary_class:204')).toMatchObject({ expected: 1311.45, actual: 1311.45, ok: true });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 1026.73, actual: 1026.73, ok: true });
		expect(check(d, 'three_public.items_sum.actual')).toMatchObject({ expected: 7.4, actual: 7.4, ok: true });
		// 年初预算数 derived from the prose (line 19): 7.40 + 4.60, 6.48 + 1.52, 0.92 + 3.08.
		expect(check(d, 'narrative.three_public:total.budget')).toMatchObject({ expected: 12, actual: 12, ok: true });
		expect(check(d, 'narrative.three_public:vehicle_operation.budget')).toMatchObject({ expected: 8, actual: 8, ok: true });
		expect(check(d, 'narrative.three_public:reception.budget')).toMatchObject({ expected: 4, actual: 4, ok: true });
		expect(check(d, 'narrative.function:221')).toMatchObject({ expected: 70.2, actual: 70.2, ok: true });
	});

	it('fails only the checks touched by the misprinted 公用经费, and says where', () => {
		expect(failedRules(d)).toEqual(['narrative.personnel_plus_public', 'narrative.public']);
		expect(check(d, 'narrative.public')).toMatchObject({ expected: 204.04, actual: 204.4, line: 16 });
		expect(warnings(d).map((w) => [w.stage, w.line])).toEqual([
			['check', 16],
			['check', 16]
		]);
		expect(d.diagnostics.find((x) => x.severity === 'info')?.message).toContain('收入决算表');
	});
});
