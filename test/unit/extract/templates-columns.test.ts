/**
 * Columns read from header words, on the smallest crafted tables: spending tables with one amount
 * column, a 基本支出 table with one 决算数 column and 人员经费合计 / 公用经费合计 rows, and 三公
 * tables with 会议费 and 培训费 beside them where blank cells are dropped (PDF text).
 */
import { describe, expect, it } from 'vitest';
import { readCodedTable } from '../../../src/lib/extract/coded-table';
import { assembleRows, splitLines, type Layout } from '../../../src/lib/extract/layout';
import { functionRows, summaryTableFigures } from '../../../src/lib/extract/tables';
import { readThreePublicTable } from '../../../src/lib/extract/three-public';

const rows = (text: string, layout: Layout = 'spaces') => assembleRows(splitLines(text.replace(/→/g, '\t')), layout);

describe('spending tables with a single amount column', () => {
	for (const header of ['金额', '预算数', '决算数', '合计', '2024年预算数']) {
		it(`stores the total and leaves basic/project NULL (header ${header})`, () => {
			const { table, rows: out } = functionRows(
				rows(`功能科目编码 功能科目名称 ${header}
合计 30.00
201 一般公共服务支出 30.00
20103 政府办公厅（室）及相关机构事务 30.00
2010301 行政运行 20.00
2010302 一般行政管理事务 10.00`),
				'一般公共预算支出预算表（功能科目）'
			);
			expect(table.columns).toEqual(['total']);
			expect(out.find((r) => r.code === '2010302')).toMatchObject({ total: 10, basic: null, project: null });
			expect(table.total?.values).toEqual([30]);
			expect(table.checks.filter((c) => !c.ok)).toEqual([]);
			expect(table.checks.filter((c) => c.rule.includes('placement'))).toEqual([]);
		});
	}
});

describe('基本支出 with one 决算数 column and 人员经费合计 / 公用经费合计 rows', () => {
	it('takes the two labelled totals as the columns and places each 类 by them', () => {
		const t = readCodedTable(
			rows(`科目编码 科目名称 决算数
301 工资福利支出 90.00
30101 基本工资 90.00
303 对个人和家庭的补助 10.00
30305 生活补助 10.00
302 商品和服务支出 30.00
30201 办公费 30.00
人员经费合计 100.00
公用经费合计 30.00`),
			{ prefix: 'economic', label: '测试表', alwaysTotal: false }
		);
		expect(t.columns).toEqual(['personnel', 'public']);
		expect(t.total?.values).toEqual([100, 30]);
		expect(t.rows.find((r) => r.code === '303')?.values).toEqual([10, 0]);
		expect(t.rows.find((r) => r.code === '30201')?.values).toEqual([0, 30]);
		expect(t.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('does not make up a 合计 of 0 for a one-column table with such labels but no part columns', () => {
		const t = readCodedTable(rows(`科目编码 科目名称 金额\n301 工资福利支出 90.00\n人员经费合计 90.00`), { prefix: 'economic', label: '测试表', alwaysTotal: false });
		expect(t.total).toBeNull();
	});
});

describe('三公 tables with 会议费 and 培训费 columns, blanks dropped', () => {
	const header = `合计 “三公”经费 会议费 培训费
小计 因公出国（境）费 公务用车购置及运行维护费 公务接待费
小计 公务用车购置费 公务用车运行维护费`;

	it('places the row by 总合计 = 三公 + 会议费 + 培训费 and keeps only the 三公 items', () => {
		const r = readThreePublicTable(rows(`${header}\n1,471.70 508.20 70.00 411.20 0.00 411.20 27.00 933.50 30.00`), {});
		expect(r.figures.map((f) => [f.item, f.budget])).toEqual([
			['total', 508.2],
			['outbound', 70],
			['vehicle', 411.2],
			['vehicle_purchase', 0],
			['vehicle_operation', 411.2],
			['reception', 27]
		]);
		expect(r.checks.filter((c) => !c.ok)).toEqual([]);
	});

	it('with the 购置费 cell blank, lets the prose decide between 购置 and 运行, and says so', () => {
		const row = rows(`${header}\n1,471.70 508.20 70.00 411.20 411.20 27.00 933.50 30.00`);
		const undecided = readThreePublicTable(row, {});
		expect(undecided.figures.find((f) => f.item === 'vehicle')?.budget).toBe(411.2);
		expect(undecided.figures.find((f) => f.item === 'vehicle_operation')?.budget).toBeNull();
		expect(undecided.checks.find((c) => c.rule === 'three_public.placement')).toMatchObject({ ok: false, actual: 2 });
		const decided = readThreePublicTable(row, { vehicle_operation: 411.2 });
		expect(decided.figures.find((f) => f.item === 'vehicle_operation')?.budget).toBe(411.2);
		expect(decided.figures.find((f) => f.item === 'vehicle_purchase')?.budget).toBe(0);
		expect(decided.checks.find((c) => c.rule === 'three_public.placement')).toMatchObject({ ok: true, detail: expect.stringContaining('文字说明') });
	});

	it('finds 会议费 and 培训费 when the header breaks the words over lines (会议 / 费)', () => {
		const broken = rows(
			`“三公”经费→→→→→→→→
→→→→→→→会议→
合计→小计→因公出国（境）费→小计→公务用车购置费→公务用车运行维护费→公务接待费→费→培训费
2,542.60→833.60→222.50→183.60→→183.60→427.50→1,305.25→403.75`,
			'tabs'
		);
		const r = readThreePublicTable(broken, {});
		expect(r.figures.map((f) => [f.item, f.budget])).toEqual([
			['total', 833.6],
			['outbound', 222.5],
			['vehicle', 183.6],
			['vehicle_purchase', 0],
			['vehicle_operation', 183.6],
			['reception', 427.5]
		]);
	});
});

describe('收支预算总表 rows', () => {
	it('takes a 类 figure from the cell after its label only, not from a column further right', () => {
		const t = summaryTableFigures(
			rows(
				`项目名称→金额→功能科目名称→金额→项目名称→金额
一、财政拨款→100.00→一、一般公共服务支出→90.00→一、基本支出→60.00
→→三、国防支出→→→10.00
收入合计→100.00→支出合计→100.00→→`,
				'tabs'
			),
			'收支预算总表'
		);
		expect(t.classes.map((c) => [c.code, c.value])).toEqual([['201', 90]]);
		expect(t.measures.basic).toMatchObject({ value: 60, line: 2 });
	});
});

