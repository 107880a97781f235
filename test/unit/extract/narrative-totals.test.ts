/**
 * The prose's headline figures from the sentence grammar: a label, measure words (预算, 支出,
 * 总计, 合计, 数 …), an optional copula (为/是/达), an amount and its unit (万元, 元). Every sentence
 * below is composed by hand in the wording of provincial 部门预算 情况说明 (收支预算总体情况,
 * 支出预算情况, 机关运行经费支出预算情况) with figures chosen for the test; the expected values are
 * read from the sentences themselves.
 */
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { splitLines } from '../../../src/lib/extract/layout';
import { readNarrative } from '../../../src/lib/extract/narrative';

const read = (text: string, isFinal = false) => readNarrative(splitLines(text), isFinal);

describe('收入/支出 totals in prose', () => {
	it('reads one amount for both totals where 收入、支出 share the measure word, broken across lines', () => {
		const n = read(`某厅2020年度收入、支出预算总计1234.56万
元，与上年相比收、支预算总计各增加100.00万元，增长8.81%。`);
		expect(n.summary.income_total).toEqual({ value: 1234.56, line: 1 });
		expect(n.summary.expenditure_total).toEqual({ value: 1234.56, line: 1 });
	});

	it('reads 收入预算总计 and 支出预算总计 stated apart, each with its own line', () => {
		const n = read(`（一）收入预算总计 800.5 万元。包括：
1．财政拨款收入预算总计 800.5 万元。
（二）支出预算总计 800.50 万元。包括：`);
		expect(n.summary.income_total).toEqual({ value: 800.5, line: 1 });
		expect(n.summary.expenditure_total).toEqual({ value: 800.5, line: 3 });
	});

	it("does not take one fund's total, a 财政拨款 收支总预算, or a stated change for the department's total", () => {
		const n = read(`1．财政拨款收入预算总计 700 万元。
2．财政专户管理资金收入预算总计 100.5 万元。
3．其他资金收入预算总计 0 万元。
某厅2020年度财政拨款收、支总预算 700 万元。
与上年相比收、支预算总计各增加 50 万元。`);
		expect(n.summary.income_total).toBeUndefined();
		expect(n.summary.expenditure_total).toBeUndefined();
	});

	it('reads 本年支出预算合计 as the year’s spending, and the 单位预留机动经费 beside 基本/项目', () => {
		const n = read(`某厅本年支出预算合计 900 万元，其中：
基本支出 500 万元，占 55.56%；
项目支出 300 万元，占 33.33%；
单位预留机动经费 100 万元，占 11.11%。`);
		expect(n.currentExpenditure).toEqual({ value: 900, line: 1 });
		expect(n.summary.basic).toEqual({ value: 500, line: 2 });
		expect(n.summary.project).toEqual({ value: 300, line: 3 });
		expect(n.reserve).toEqual({ value: 100, line: 4 });
	});

	it('reads 基本支出预算数为 with measure words and a copula between label and amount', () => {
		const n = read(`此外，基本支出预算数为 612.08 万元。与上年相比增加 12 万元。
项目支出预算数为 88 万元。与上年持平。`);
		expect(n.summary.basic).toEqual({ value: 612.08, line: 1 });
		expect(n.summary.project).toEqual({ value: 88, line: 2 });
	});

	it('does not take a change for the level: 增加基本支出 X 万元 names what grew, by how much', () => {
		const n = read(`与上年相比收、支预算总计各增加 50 万元。主要原因是政策性增资，增加基本支出 50 万元。
此外，基本支出预算数为 600 万元。与上年相比减少项目支出 8 万元。
项目支出预算数为 300 万元。`);
		expect(n.summary.basic).toEqual({ value: 600, line: 2 });
		expect(n.summary.project).toEqual({ value: 300, line: 3 });
	});

	it('does not take 增加单位预留机动经费 or 增加一般公共服务支出 for the level either', () => {
		const n = read(`主要原因是增加单位预留机动经费 20 万元，增加一般公共服务支出 5 万元。
1．一般公共服务（类）支出 400 万元。
单位预留机动经费预算数为 120 万元。`);
		expect(n.reserve).toEqual({ value: 120, line: 3 });
		expect(n.functionClasses).toEqual([{ code: '201', name: '一般公共服务支出', value: 400, line: 2 }]);
	});

	it('converts an amount stated in 元 to 万元, and keeps 万元 as it is', () => {
		const n = read(`收入预算总计 12,345,600.00 元。
基本支出 5,000元，人员经费 0.45 万元。`);
		expect(n.summary.income_total).toEqual({ value: 1234.56, line: 1 });
		expect(n.summary.basic).toEqual({ value: 0.5, line: 2 });
		expect(n.summary.personnel).toEqual({ value: 0.45, line: 2 });
	});

	it('never reads a percentage, a count or a bare number as an amount', () => {
		const n = read(`基本支出占 42.30 %；项目支出 57.70%。
公用经费 3 项。
机关运行经费 25.5，比上年增加 2 万元。`);
		expect(n.summary.basic).toBeUndefined();
		expect(n.summary.project).toBeUndefined();
		expect(n.summary.public).toBeUndefined();
		expect(n.summary.operating_cost).toBeUndefined();
	});
});

describe('机关运行经费 in prose', () => {
	it('reads 机关运行经费预算支出 with the amount on the next line', () => {
		const n = read(`十一、一般公共预算机关运行经费支出预算情况说明
2020年本部门一般公共预算机关运行经费预算支出 321.09
万元，与上年相比增加 10 万元，增长 3.2 %。主要原因是机关运行经费有所增长。`);
		expect(n.summary.operating_cost).toEqual({ value: 321.09, line: 2 });
	});

	it('does not read 工作运转经费 or a 机关运行经费 sentence without an amount', () => {
		const n = read(`增加了人员经费和工作运转经费 50 万元。
机关运行经费有所增长，增长 3.2 %。`);
		expect(n.summary.operating_cost).toBeUndefined();
	});
});

describe('a narrative-only 预算 with 单位预留机动经费', () => {
	const text = `江苏省某某厅2020年度部门预算公开
第三部分 2020年度部门预算情况说明
一、收支预算总体情况说明
江苏省某某厅2020年度收入、支出预算总计 1000 万元。
三、支出预算情况说明
江苏省某某厅本年支出预算合计 1000 万元，其中：
基本支出 600 万元，占 60%；
项目支出 300 万元，占 30%；
单位预留机动经费 100 万元，占 10%。`;
	const d = extractDocument('x.txt', new TextEncoder().encode(text), 'x');

	it('stores the totals from the prose, each with its line', () => {
		const m = (k: string) => d.summary.find((s) => s.measure === k);
		expect(m('income_total')).toMatchObject({ value: 1000, source: 'narrative', source_line: 4 });
		expect(m('expenditure_total')).toMatchObject({ value: 1000, source: 'narrative', source_line: 4 });
	});

	it('checks 本年支出 = 基本 + 项目 + 单位预留机动经费 (not a failure for the reserve)', () => {
		const c = d.checks.find((x) => x.rule === 'narrative.basic_plus_project');
		expect(c).toMatchObject({ ok: true, expected: 1000, actual: 1000 });
		expect(c?.detail).toContain('单位预留机动经费');
	});

	it('still fails when the three parts do not make the year’s spending', () => {
		const wrong = extractDocument('y.txt', new TextEncoder().encode(text.replace('单位预留机动经费 100 万元', '单位预留机动经费 90 万元')), 'y');
		expect(wrong.checks.find((x) => x.rule === 'narrative.basic_plus_project')).toMatchObject({ ok: false, expected: 1000, actual: 990 });
	});
});
