/**
 * yongchuan-wenlvwei-2024-budget-provincial-yuan-tabs.txt: a 2024 预算 in the provincial template of
 * the Jiangsu PDFs (收支预算总表, 财政拨款支出预算表（功能科目）, 一般公共预算支出预算表（功能科目） and
 * 基本支出预算表（经济科目） with one 金额 column, “三公”经费、会议费、培训费支出预算表, 机关运行经费支出
 * 预算表), every table printed in 元 (单位：元). The 万元 values below are the printed 元 divided by
 * 10 000 and rounded half up to the cent, worked out by hand from the fixture text: 1,874,250.00 元
 * (line 105) = 187.425 → 187.43 万元; 344,870.00 元 (line 130) = 34.487 → 34.49 万元, while its six
 * children (lines 131–136, each ending in 45 元) round to 34.46 together.
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('预算, provincial template, tables in 元 (永川区文化和旅游发展委员会 2024)', () => {
	const d = extractFixture('yongchuan-wenlvwei-2024-budget-provincial-yuan-tabs.txt');

	it('records each table as printed in 元, converted by 0.0001, the unit read from its header', () => {
		expect(d.sourceTables).toHaveLength(12);
		expect(d.sourceTables.every((t) => t.unit === '元' && t.scale === 0.0001 && t.unit_note === '表头')).toBe(true);
		expect(d.sourceTables.map((t) => t.table_kind)).toEqual([
			'summary', 'skipped', 'dept_expenditure', 'summary', 'dept_expenditure', 'economic_basic',
			'function', 'economic_basic', 'three_public', 'other_fund', 'operating_cost', 'skipped'
		]);
	});

	it('reads the one-column 一般公共预算支出预算表（功能科目）: total in 万元, basic/project NULL', () => {
		expect(d.functionRows).toHaveLength(15);
		expect(fn(d, '2070102')).toMatchObject({ total: 187.43, basic: null, project: null, source_line: 105 });
		expect(fn(d, '2070101')).toMatchObject({ total: 523.64, basic: null, project: null });
		expect(fn(d, '207')).toMatchObject({ total: 809.7, level: 1, source_line: 102 });
		expect(fn(d, '20805')).toMatchObject({ total: 85.8, parent_code: '208' });
		expect(fn(d, '2080506')).toMatchObject({ total: 24.51 });
		expect(fn(d, '2210201')).toMatchObject({ total: 45.96 });
		expect(d.checks.filter((c) => c.rule.includes('placement') && !c.ok)).toEqual([]);
	});

	it('allows the converted children their rounding: 61.28 + 24.51 against 85.80, 合计 973.31 against 973.32', () => {
		expect(check(d, 'function.children_sum:20805.total')).toMatchObject({ expected: 85.8, actual: 85.79, ok: true });
		expect(check(d, 'function.children_sum:合计.total')).toMatchObject({ expected: 973.31, actual: 973.32, ok: true });
		// Six children each 0.0045 万元 below their rounded value: 0.03 apart, within half a cent per figure.
		expect(check(d, 'economic.children_sum:302.total')).toMatchObject({ expected: 34.49, actual: 34.46, ok: true });
	});

	it('takes the economic rows from the 一般公共预算 基本支出 table (lines 121–138), not the 财政拨款 one', () => {
		expect(d.economicRows).toHaveLength(17);
		expect(econ(d, '302')).toMatchObject({ total: 34.49, personnel: null, public: null, source_line: 130 });
		expect(econ(d, '30231')).toMatchObject({ total: 12.34, source_line: 136 });
		expect(econ(d, '30102')).toMatchObject({ total: 231.57, parent_code: '301' });
		expect(econ(d, '301')).toMatchObject({ total: 637.77, source_line: 122 });
	});

	it('reads the totals and the 基本/项目 split of the 收支预算总表 (lines 27–34)', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 973.31, source: 'table', source_line: 34 });
		expect(measure(d, 'expenditure_total')).toMatchObject({ value: 973.31, source: 'table', source_line: 34 });
		expect(measure(d, 'basic')).toMatchObject({ value: 687.26, source: 'table', source_line: 27 });
		expect(measure(d, 'project')).toMatchObject({ value: 286.06, source: 'table', source_line: 28 });
		expect(check(d, 'cross.summary_class:207')).toMatchObject({ expected: 809.7, actual: 809.7, ok: true });
	});

	it('keeps 会议费 and 培训费 out of 三公 (line 145: 22.73 合计 = 14.35 三公 + 3.56 + 4.83)', () => {
		expect(d.threePublic.map((r) => r.item).sort()).toEqual(['outbound', 'reception', 'total', 'vehicle', 'vehicle_operation', 'vehicle_purchase']);
		expect(tp(d, 'total')).toMatchObject({ budget: 14.35, actual: null, source_line: 145 });
		expect(tp(d, 'vehicle')).toMatchObject({ budget: 12.34 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ budget: 0 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 12.34 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 2 });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0 });
		expect(check(d, 'three_public.items_sum.budget')).toMatchObject({ expected: 14.35, actual: 14.34, ok: true });
		expect(check(d, 'narrative.three_public:total.budget')).toMatchObject({ expected: 14.35, actual: 14.35, ok: true });
	});

	it('reads the 机关运行经费 table as the operating cost (line 156), and fails nothing', () => {
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 34.49, source: 'table', source_line: 156 });
		expect(check(d, 'narrative.operating_cost')).toMatchObject({ expected: 34.49, actual: 34.49, ok: true, line: 180 });
		expect(failedRules(d)).toEqual([]);
		expect(warnings(d)).toEqual([]);
	});
});
