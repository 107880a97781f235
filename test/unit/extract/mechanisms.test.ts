/**
 * The general mechanisms the fixtures exercised, each on the smallest crafted input that shows it.
 * Expected values are read from the crafted text.
 */
import { describe, expect, it } from 'vitest';
import { isEmptyMarker, isNumberCell } from '../../../src/lib/extract/amount';
import { readCodedTable } from '../../../src/lib/extract/coded-table';
import { extractDocument } from '../../../src/lib/extract/document';
import { assembleRows, splitLines, type Layout } from '../../../src/lib/extract/layout';
import { joinNarrative } from '../../../src/lib/extract/narrative';
import { countFits, solveTree, type SolverNode } from '../../../src/lib/extract/solver';
import { agencyInfo } from '../../../src/lib/extract/tables';

const table = (text: string, layout: Layout, prefix = 'function', alwaysTotal = true) =>
	readCodedTable(assembleRows(splitLines(text.replace(/→/g, '\t')), layout), { prefix, label: '测试表', alwaysTotal });
const row = (t: ReturnType<typeof table>, code: string) => t.rows.find((r) => r.code === code);

describe('number cells', () => {
	it('tells numbers (ASCII or full-width) from printed empty markers', () => {
		expect(['１，２３４．５６', '1,234.56', '０．００'].every(isNumberCell)).toBe(true);
		expect(['-', '—', '－', '／'].every(isEmptyMarker)).toBe(true);
		expect(isNumberCell('—')).toBe(false);
		expect(isEmptyMarker('0.00')).toBe(false);
	});
});

describe('side-by-side tables with blank cells kept', () => {
	it("ends a group's figures where the next group starts, and reads merged-cell labelled totals", () => {
		const t = table(
			`人员经费→→→公用经费→→→→→
科目编码→科目名称→金额→科目编码→科目名称→金额→科目编码→科目名称→金额
301→工资福利支出→90.00→302→商品和服务支出→30.00→310→资本性支出→5.00
30101→基本工资→90.00→30201→办公费→20.00→31002→办公设备购置→5.00
→→→30205→水费→10.00→→→
人员经费合计→→90.00→公用经费合计→→→→→35.00`,
			'tabs',
			'economic',
			false
		);
		expect(t.columns).toEqual(['personnel', 'public']);
		expect(t.total?.values).toEqual([90, 35]);
		// 30205 is followed by an empty third group: its code and name cells are not figure cells.
		expect(row(t, '30205')?.values).toEqual([0, 10]);
		expect(row(t, '302')?.values).toEqual([0, 30]);
		expect(row(t, '30101')?.values).toEqual([90, 0]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('places a group followed by a blank group in its block, not by the blank cells after it', () => {
		// No 资本性支出 group printed: the third group is blank on every row.
		const t = table(
			`人员经费→→→公用经费→→→→→
科目编码→科目名称→决算数→科目编码→科目名称→决算数→科目编码→科目名称→决算数
301→工资福利支出→90.00→302→商品和服务支出→30.00→→→
30101→基本工资→90.00→30201→办公费→30.00→→→
人员经费合计→→90.00→公用经费合计→→→→→30.00`,
			'tabs',
			'economic',
			false
		);
		expect(row(t, '302')?.values).toEqual([0, 30]);
		expect(row(t, '30201')?.values).toEqual([0, 30]);
		expect(row(t, '301')?.values).toEqual([90, 0]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('places the groups the same where each cell is a line of its own', () => {
		const rowsOfCells = (rows: string[][]) => rows.map((cells) => cells.map((c) => `\t${c}`).join('\n')).join('\n\n');
		const t = table(
			rowsOfCells([
				['人员经费', '', '', '公用经费', '', '', '', '', ''],
				['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
				['301', '工资福利支出', '90.00', '302', '商品和服务支出', '30.00', '', '', ''],
				['30101', '基本工资', '90.00', '30201', '办公费', '30.00', '', '', ''],
				['人员经费合计', '', '90.00', '公用经费合计', '', '', '', '', '30.00']
			]),
			'cells',
			'economic',
			false
		);
		expect(row(t, '302')?.values).toEqual([0, 30]);
		expect(row(t, '30201')?.values).toEqual([0, 30]);
		expect(row(t, '30101')?.values).toEqual([90, 0]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('takes the groups each block covers from its labelled total where the block names stand centred over them', () => {
		// As text laid out by position: 公用经费 centred over groups 2–3 lands in group 2's name cell.
		const t = table(
			`人员经费→→→→公用经费→→→→
科目编码→科目名称→决算数→科目编码→科目名称→决算数→科目编码→科目名称→决算数
301→工资福利支出→90.00→302→商品和服务支出→30.00→310→资本性支出→5.00
30101→基本工资→90.00→30201→办公费→30.00→31002→办公设备购置→5.00
人员经费合计→→90.00→公用经费合计→→→→→35.00`,
			'tabs',
			'economic',
			false
		);
		expect(row(t, '302')?.values).toEqual([0, 30]);
		expect(row(t, '30201')?.values).toEqual([0, 30]);
		expect(row(t, '310')?.values).toEqual([0, 5]);
		expect(row(t, '301')?.values).toEqual([90, 0]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('keeps to where the block names stand when the labelled totals fit no cut of the groups', () => {
		const t = table(
			`人员经费→→→公用经费→→→→→
科目编码→科目名称→决算数→科目编码→科目名称→决算数→科目编码→科目名称→决算数
301→工资福利支出→90.00→302→商品和服务支出→30.00→310→资本性支出→5.00
人员经费合计→→91.00→公用经费合计→→→→→35.00`,
			'tabs',
			'economic',
			false
		);
		expect(row(t, '302')?.values).toEqual([0, 30]);
		expect(row(t, '310')?.values).toEqual([0, 5]);
		// the misprinted total is reported, not fitted
		expect(t.checks.filter((c) => !c.ok).map((c) => c.rule)).toContain('economic.children_sum:合计.personnel');
	});
});

describe('a table whose header is printed again on its next page', () => {
	it('counts each column once: the 上缴上级支出 … columns of the repeated header are not further columns', () => {
		const header = '项目→→本年支出合计→基本支出→项目支出→上缴上级支出→经营支出→对附属单位补助支出';
		const t = table(
			`${header}
合计→→30.00→10.00→20.00→0.00→0.00→0.00
201→一般公共服务支出→30.00→10.00→20.00→0.00→0.00→0.00
${header}
2010301→行政运行→10.00→10.00→0.00→0.00→0.00→0.00
2010302→一般行政管理事务→20.00→0.00→20.00→0.00→0.00→0.00`,
			'tabs'
		);
		expect(t.columns).toEqual(['total', 'basic', 'project', 'other', 'other', 'other']);
		expect(row(t, '2010302')?.values).toEqual([20, 0, 20, 0, 0, 0]);
		expect(t.total?.values).toEqual([30, 10, 20, 0, 0, 0]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});
});

describe('机构运行信息表 with blank cells kept', () => {
	const rowsOf = (text: string) => assembleRows(splitLines(text.replace(/→/g, '\t')), 'tabs');
	const items = (text: string) => agencyInfo(rowsOf(text)).threePublic.figures.map((f) => [f.item, f.budget, f.actual]);

	it('reads each figure under the 预算数 or 决算数 word at or before its cell, as a PDF grid sets them a cell apart', () => {
		// The header's words stand centred over their figures: each takes a cell of its own.
		expect(
			items(`→预算数→→决算数→→→决算数→
项目→→→→→项目→→
一、“三公”经费支出→—→→—→→四、机关运行经费→→65.89
（一）支出合计→→8.84→→7.74→（一）行政单位→→65.89
1．因公出国（境）费→→6.33→→5.32→五、国有资产占用情况→—→
2．公务用车购置及运行维护费→→1.05→→1.03→→→
（1）公务用车购置费→→0.00→→0.00→→→
（2）公务用车运行维护费→→1.05→→1.03→→→
3．公务接待费→→1.46→→1.39→→→
（1）国内接待费→—→→→1.39→→→`)
		).toEqual([
			['total', 8.84, 7.74],
			['outbound', 6.33, 5.32],
			['vehicle', 1.05, 1.03],
			['vehicle_purchase', 0, 0],
			['vehicle_operation', 1.05, 1.03],
			['reception', 1.46, 1.39]
		]);
	});

	it('reads two figure cells as 预算数 then 决算数 where the header stands over them', () => {
		expect(
			items(`项目→预算数→决算数
（一）支出合计→8.84→7.74
3．公务接待费→1.46→1.39`)
		).toEqual([
			['total', 8.84, 7.74],
			['reception', 1.46, 1.39]
		]);
	});
});

describe('PDF rows (spaces, blanks dropped)', () => {
	it('continues a wrapped row with the next line, and takes a figure row below the codes as the total', () => {
		const t = table(
			`科目编码 科目名称 合计 基本支出 项目支出
201 一般公共服务支出 30.00 10.00 20.00
2010301 行政
运行 10.00 10.00
2010302 一般行政管理事务 20.00 20.00
30.00 10.00 20.00
合计`,
			'spaces'
		);
		expect(row(t, '2010301')).toMatchObject({ name: '行政运行', values: [10, 10, 0], line: 3 });
		expect(row(t, '2010302')?.values).toEqual([20, 0, 20]);
		expect(t.total).toMatchObject({ values: [30, 10, 20], line: 6 });
	});

	it('reports a coded row whose figures never come', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 10.00 10.00 0.00
201 一般公共服务支出 10.00 10.00
2010301 行政运行
2010302 一般行政管理事务 10.00 10.00`, 'spaces');
		expect(row(t, '2010301')).toBeUndefined();
		expect(t.problems).toEqual([{ line: 4, message: expect.stringContaining('2010301 行政运行 找不到数字') }]);
	});

	it('reads a row by position when dashes hold the blank columns, and full-width codes as codes', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 ２０．００ １０．００ １０．００
２０１ 一般公共服务支出 ２０．００ １０．００ １０．００
２０１０３０１ 行政运行 １０．００ １０．００ —
２０１０３０２ 一般行政管理事务 １０．００ — １０．００`, 'spaces');
		expect(row(t, '2010301')).toMatchObject({ parentCode: '201', values: [10, 10, 0] });
		expect(row(t, '2010302')?.values).toEqual([10, 0, 10]);
		expect(t.checks.some((c) => c.rule.startsWith('function.placement'))).toBe(false);
	});
});

describe('slack: a row no placement fits', () => {
	it('lets its siblings be placed when its first figure closes the parent’s 合计 column', () => {
		const t = table(`科目编码 科目名称 合计 基本支出 项目支出
合计 40.00 40.00 0.00
20805 行政事业单位养老支出 40.00 40.00
2080505 机关事业单位基本养老保险缴费支出 24.00 24.00
2080506 机关事业单位职业年金缴费支出 12.00 12.00
2080599 其他行政事业单位养老支出 4.00 3.00`, 'spaces');
		expect(row(t, '2080505')?.values).toEqual([24, 24, 0]);
		expect(row(t, '2080506')?.values).toEqual([12, 12, 0]);
		// The contradicting row itself is not given values.
		expect(row(t, '2080599')).toMatchObject({ values: [null, null, null], placement: { status: 'impossible' } });
	});

	it('closes the sum only in the 合计 column; the parts need a non-negative remainder', () => {
		const opts = [
			[
				[2400, 2400, 0],
				[2400, 0, 2400]
			]
		];
		expect(countFits(opts, [2800, 2800, 0], 3, { total: 400, count: 1 })).toBe(1);
		expect(countFits(opts, [2800, 2800, 0], 3, { total: 500, count: 1 })).toBe(0);
		const nodes: SolverNode[] = [
			{ key: 'P', parent: null, candidates: [[2800, 2800, 0]] },
			{ key: 'a', parent: 'P', candidates: opts[0] },
			{ key: 'x', parent: 'P', candidates: [], slackTotal: 400 }
		];
		expect(solveTree({ nodes, total: null, columns: 3 }).get('a')).toMatchObject({ status: 'unique', vector: [2400, 2400, 0] });
	});
});

describe('prose', () => {
	const lines = (text: string) => splitLines(text);
	it('leaves out page numbers and the running head between a label and its figure, but keeps a bare number line', () => {
		const joined = joinNarrative(
			lines(`重庆市某区某局2023年部门决算
其中：人员经费
— 3 —
重庆市某区某局2023年部门决算
318.90万元；项目支出
1
30.24万元。`)
		);
		expect(joined.text).toContain('人员经费318.90万元');
		expect(joined.text).toContain('项目支出130.24万元');
		expect(joined.lineAt(joined.text.indexOf('318.90'))).toBe(5);
	});
	it('reads a full-width comma between digit groups as a thousands separator, and only there', () => {
		const text = (s: string) => joinNarrative(lines(s)).text;
		expect(text('支出１，４５２．３６万元，较上年')).toBe('支出1,452.36万元，较上年');
		expect(text('1，234，567元，12，345，9，12，1，2345')).toBe('1,234,567元，12,345，9，12，1，2345');
		expect(text('共3，其中1，234')).toBe('共3，其中1,234');
	});
});

describe('other 财政拨款 funds', () => {
	it('warns when a 政府性基金 table with figures cannot be read row by row, and leaves it out of the checks', () => {
		const text = `重庆市某区某局
2023年度部门决算
政府性基金预算财政拨款收入支出决算表
项目 年初结转和结余 本年收入 本年支出 年末结转和结余
合计 基本支出 项目支出
合计 0.00 100.00 100.00 0.00 100.00 0.00
212 城乡社区支出 0.00 100.00 100.00 30.00 100.00 0.00
一般公共预算财政拨款支出决算表
科目编码 科目名称 合计 基本支出 项目支出
合计 10.00 10.00 0.00
201 一般公共服务支出 10.00 10.00 0.00`;
		const d = extractDocument('x.txt', new TextEncoder().encode(text), 'x');
		const w = d.diagnostics.find((x) => x.stage === 'tables');
		expect(w).toMatchObject({ severity: 'warning', line: 3 });
		expect(w?.message).toContain('未能逐行读出');
		expect(d.checks.some((c) => c.rule.startsWith('government_fund.'))).toBe(false);
	});
});
