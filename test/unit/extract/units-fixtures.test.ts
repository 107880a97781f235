/**
 * Units at document level. rongchang-nongyenongcun-2025-budget-qianyuan-tabs.txt states once,
 * before its tables (line 12), that they are in 千元; liangping-danganguan-2024-budget-unitless-tabs.txt
 * prints its 基本支出 table (line 37) in 元 with no unit while every other figure of the document is
 * in 万元. The 万元 values below are worked out by hand from the printed figures (千元 ÷ 10, 元 ÷ 10 000,
 * half up to the cent): 845.25 千元 = 84.525 → 84.53 万元; 312.35 千元 = 31.235 → 31.24 万元.
 */
import { describe, expect, it } from 'vitest';
import { check, econ, extractFixture, failedRules, fn, measure, tp, warnings } from './fixture-helpers';

describe('a document-level unit statement (千元) applies to the tables that state none', () => {
	const d = extractFixture('rongchang-nongyenongcun-2025-budget-qianyuan-tabs.txt');

	it('records the unit of every table as the document states it', () => {
		expect(d.sourceTables.map((t) => [t.table_kind, t.unit, t.scale, t.unit_note])).toEqual([
			['summary', '千元', 0.1, '文档默认（第 12 行）'],
			['function', '千元', 0.1, '文档默认（第 12 行）'],
			['economic_basic', '千元', 0.1, '文档默认（第 12 行）'],
			['three_public', '千元', 0.1, '文档默认（第 12 行）']
		]);
	});

	it('stores 万元: the function table (lines 27–38)', () => {
		expect(fn(d, '2010302')).toMatchObject({ total: 84.53, basic: 0, project: 84.53, source_line: 31 });
		expect(fn(d, '2010301')).toMatchObject({ total: 312.46, basic: 312.46, project: 0 });
		expect(fn(d, '201')).toMatchObject({ total: 396.98, basic: 312.46, project: 84.53 });
		expect(fn(d, '2080506')).toMatchObject({ total: 20.62, basic: 20.62 });
		expect(measure(d, 'basic')).toMatchObject({ value: 412.15, source: 'table', source_line: 27 });
		expect(measure(d, 'project')).toMatchObject({ value: 84.53, source: 'table' });
		// 396.98 against 312.46 + 84.53: both halves were rounded up.
		expect(check(d, 'function.row_sum:201')).toMatchObject({ expected: 396.98, actual: 396.99, ok: true });
	});

	it('stores 万元: the economic table (lines 43–54), the 三公 table (line 60) and the totals', () => {
		expect(econ(d, '30201')).toMatchObject({ total: 31.24, personnel: 0, public: 31.24, source_line: 51 });
		expect(econ(d, '301')).toMatchObject({ total: 329.18, personnel: 329.18, public: 0 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 329.18, source: 'table' });
		expect(measure(d, 'public')).toMatchObject({ value: 82.97, source: 'table' });
		expect(check(d, 'economic.children_sum:302.public')).toMatchObject({ expected: 82.97, actual: 82.98, ok: true });
		expect(tp(d, 'total')).toMatchObject({ budget: 35.2, source_line: 60 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 13.2 });
		expect(measure(d, 'income_total')).toMatchObject({ value: 496.68, source: 'table', source_line: 22 });
	});

	it('agrees with the prose, which states 万元', () => {
		expect(check(d, 'narrative.income_total')).toMatchObject({ expected: 496.68, actual: 496.68, ok: true, line: 6 });
		expect(check(d, 'narrative.personnel')).toMatchObject({ expected: 329.18, actual: 329.18, ok: true, line: 9 });
		expect(check(d, 'narrative.three_public:total.budget')).toMatchObject({ expected: 35.2, actual: 35.2, ok: true });
		expect(failedRules(d)).toEqual([]);
	});
});

describe('a table without a unit whose figures are 10⁴ times the rest of the document', () => {
	const d = extractFixture('liangping-danganguan-2024-budget-unitless-tabs.txt');
	const table = (kind: string) => d.sourceTables.find((t) => t.table_kind === kind);

	it('is flagged: unit inferred (待核), a failed unit.magnitude check and a warning naming its line', () => {
		expect(table('economic_basic')).toMatchObject({ unit: null, scale: 0.0001, unit_note: '按数量级推断为元（待核）', source_line: 37 });
		expect(failedRules(d)).toEqual(['unit.magnitude:economic_basic']);
		expect(check(d, 'unit.magnitude:economic_basic')).toMatchObject({ expected: 186.4, actual: 1504000, ok: false, line: 37 });
		expect(warnings(d)).toEqual([expect.objectContaining({ stage: 'check', line: 37, message: expect.stringContaining('第 37 行') })]);
	});

	it('is converted as 元, which the prose then confirms', () => {
		expect(econ(d, '301')).toMatchObject({ total: 128.6, personnel: 128.6, public: 0, source_line: 40 });
		expect(econ(d, '30201')).toMatchObject({ total: 9.8, public: 9.8 });
		expect(measure(d, 'personnel')).toMatchObject({ value: 128.6, source: 'table' });
		expect(check(d, 'narrative.personnel')).toMatchObject({ expected: 128.6, actual: 128.6, ok: true });
		expect(check(d, 'summary.personnel_plus_public')).toMatchObject({ expected: 150.4, actual: 150.4, ok: true });
	});

	it('leaves a unit-less table of the right magnitude in 万元, and records that it checked', () => {
		expect(table('three_public')).toMatchObject({ unit: null, scale: 1, unit_note: null });
		expect(check(d, 'unit.magnitude:three_public')).toMatchObject({ expected: 6, actual: 6, ok: true });
		expect(tp(d, 'total')).toMatchObject({ budget: 6 });
		expect(table('function')).toMatchObject({ unit: '万元', scale: 1, unit_note: '表头' });
	});
});
