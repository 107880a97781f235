/**
 * gridLines on positioned lines as a PDF reader gives them: x in points, a CJK glyph 9 pt wide and
 * a digit 4.5 pt, figures right-aligned in their column, names left-aligned. Every expected line
 * is what a person reads on such a page, cell by cell.
 */
import { describe, expect, it } from 'vitest';
import { gridLines, rebuildGrid } from '../../../src/lib/extract/grid';
import type { PositionedCell, PositionedLine } from '../../../src/lib/extract/positioned';

const H = 9;
const width = (t: string) => Array.from(t).reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? H / 2 : H), 0);
/** A cell starting at x0. */
const at = (text: string, x0: number): PositionedCell => ({ text, x0, x1: x0 + width(text) });
/** A cell ending at x1 (a right-aligned figure). */
const right = (text: string, x1: number): PositionedCell => ({ text, x0: x1 - width(text), x1 });
/** Lines of one page at the given baselines. */
const page = (n: number, rows: [number, PositionedCell[]][]): PositionedLine[] =>
	rows.map(([y, cells], i) => ({ page: n, pageLine: i + 1, y, height: H, cells }));
const texts = (lines: PositionedLine[]) => gridLines(lines).map((l) => l.text);

// Figure columns of a 合计 | 基本支出 | 项目支出 table, right edges.
const [T, B, P] = [320, 400, 480];
const header3 = [at('科目编码', 40), at('科目名称', 140), at('合计', 290), at('基本支出', 360), at('项目支出', 440)];

describe('gridLines: blank cells keep their column', () => {
	it('puts each figure in the column it stands in and keeps the blanks', () => {
		const lines = page(1, [
			[60, header3],
			[80, [at('合计', 140), right('1,172.15', T), right('677.15', B), right('495.00', P)]],
			[98, [at('2010301', 40), at('行政运行', 110), right('561.45', T), right('561.45', B)]],
			[116, [at('2010302', 40), at('一般行政管理事务', 110), right('495.00', T), right('495.00', P)]]
		]);
		expect(texts(lines)).toEqual([
			'科目编码\t科目名称\t合计\t基本支出\t项目支出',
			'\t合计\t1,172.15\t677.15\t495.00',
			'2010301\t行政运行\t561.45\t561.45\t',
			'2010302\t一般行政管理事务\t495.00\t\t495.00'
		]);
	});

	it('keeps a column no row fills, known from the header alone', () => {
		const lines = page(1, [
			[60, header3],
			[80, [at('2010302', 40), at('一般行政管理事务', 110), right('495.00', T), right('495.00', P)]],
			[98, [at('2010350', 40), at('事业运行', 110), right('80.00', T), right('80.00', P)]]
		]);
		expect(texts(lines)).toEqual([
			'科目编码\t科目名称\t合计\t基本支出\t项目支出',
			'2010302\t一般行政管理事务\t495.00\t\t495.00',
			'2010350\t事业运行\t80.00\t\t80.00'
		]);
	});
});

describe('gridLines: 类 款 项 in columns of their own', () => {
	const lines = page(1, [
		[50, [at('科目编码', 40)]],
		[64, [at('类', 40), at('款', 62), at('项', 80), ...header3.slice(1)]],
		[86, [at('204', 40), at('公共安全支出', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
		[104, [at('204', 40), at('06', 62), at('司法', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
		[122, [at('204', 40), at('06', 62), at('01', 80), at('行政运行', 110), right('200.00', T), right('200.00', B)]],
		[140, [at('02', 80), at('一般行政管理事务', 110), right('60.00', T), right('60.00', P)]],
		[158, [at('06', 62), at('04', 80), at('基层司法业务', 110), right('40.00', T), right('40.00', P)]]
	]);

	it('joins the pieces into one code, carrying the 类 (and 款) printed above', () => {
		const rows = texts(lines).slice(2);
		expect(rows).toEqual([
			'204\t公共安全支出\t300.00\t200.00\t100.00',
			'20406\t司法\t300.00\t200.00\t100.00',
			'2040601\t行政运行\t200.00\t200.00\t',
			'2040602\t一般行政管理事务\t60.00\t\t60.00',
			'2040604\t基层司法业务\t40.00\t\t40.00'
		]);
	});

	it('reads 类 款 项 under 科目编码 as the code column of the header', () => {
		expect(texts(lines).slice(0, 2)).toEqual(['科目编码\t\t\t\t', '类款项\t科目名称\t合计\t基本支出\t项目支出']);
	});
});

describe('gridLines: names wrapped above and below their row', () => {
	const lines = page(3, [
		[60, [at('科目编码', 40), at('科目名称', 140), at('金额', 290)]],
		[96, [at('2080504', 40), at('未归口管理的行政单位离退休', 110), right('256.76', T)]],
		[110, [at('机关事业单位基本养老保险缴费支', 110)]],
		[117, [at('2080505', 40), right('580.01', T)]],
		[124, [at('出', 110)]],
		[142, [at('2080506', 40), at('机关事业单位职业年金缴费', 110), right('232.01', T)]],
		[153, [at('支出', 110)]],
		[171, [at('2210201', 40), at('住房公积金', 110), right('572.56', T)]]
	]);

	it('joins the fragments to the nearest coded row, in reading order', () => {
		expect(texts(lines)).toEqual([
			'科目编码\t科目名称\t金额',
			'2080504\t未归口管理的行政单位离退休\t256.76',
			'2080505\t机关事业单位基本养老保险缴费支出\t580.01',
			'2080506\t机关事业单位职业年金缴费支出\t232.01',
			'2210201\t住房公积金\t572.56'
		]);
	});

	it('finishes a coded row without figures with the figures line below it (name and figures)', () => {
		const rest = page(3, [
			[60, header3],
			[80, [at('2080505', 40), at('机关事业单位基本养老保险缴', 110)]],
			[92, [at('费支出', 110), right('38.40', T), right('38.40', B)]],
			[110, [at('2080506', 40), at('机关事业单位职业年金缴费支出', 110), right('19.20', T), right('19.20', B)]]
		]);
		expect(texts(rest).slice(1)).toEqual(['2080505\t机关事业单位基本养老保险缴费支出\t38.40\t38.40\t', '2080506\t机关事业单位职业年金缴费支出\t19.20\t19.20\t']);
		expect(gridLines(rest)[1]).toMatchObject({ page: 3, pageLine: 2 });
	});

	it('traces each row to the line of its code and figures', () => {
		const out = gridLines(lines);
		expect(out.map((l) => [l.no, l.page, l.pageLine])).toEqual([
			[1, 3, 1],
			[2, 3, 2],
			[3, 3, 4],
			[4, 3, 6],
			[5, 3, 8]
		]);
	});
});

describe('gridLines: wrapped labels of a table without codes', () => {
	const [L1, F1, L2, F2] = [30, 200, 240, 420];
	const lines = page(1, [
		[60, [at('项目', 60), at('金额', 170), at('项目', 280), at('金额', 390)]],
		[86, [at('一、财政拨款', L1), right('15,897.44', F1), at('一、基本支出', L2), right('7,877.76', F2)]],
		[104, [at('1.一般公共预算', L1), right('15,897.44', F1), at('二、项目支出', L2), right('6,333.96', F2)]],
		[118, [at('2.政府性基金预', L1), at('三、单位预留机', L2)]],
		[125, [right('1,685.72', F2)]],
		[132, [at('算', L1), at('动经费', L2)]],
		[150, [at('二、财政专户管理资金', L1), at('四、其他', L2)]],
		[164, [at('三、其他资金', L1)]],
		[182, [at('收入合计', L1), right('15,897.44', F1), at('支出合计', L2), right('15,897.44', F2)]]
	]);

	it('fills the label column the figure line leaves blank, from above and below', () => {
		expect(texts(lines)[3]).toBe('2.政府性基金预算\t\t三、单位预留机动经费\t1,685.72');
	});

	it('never swallows a label row of its own into its neighbour', () => {
		expect(texts(lines).slice(4)).toEqual(['二、财政专户管理资金\t\t四、其他\t', '三、其他资金', '收入合计\t15,897.44\t支出合计\t15,897.44']);
	});
});

describe('gridLines: labels of a narrow column, every one wrapped around its figures', () => {
	// 9 pt text, lines of one cell 14–15 pt apart, rows 30 pt apart; the first line of a label is
	// indented, so its halves touch without overlapping; no row's own line holds an income label.
	const lines = page(7, [
		[296, [at('项目名称', 60), at('金额', 160), at('项目名称', 250), at('金额', 330)]],
		[373, [at('一、财政', 76)]],
		[388, [right('13,649.07', 189), at('一、基本支出', 230), right('7,666.68', 360)]],
		[402, [at('拨款', 58)]],
		[434, [at('上年结', 76)]],
		[448, [at('转资金', 58)]],
		[463, [at('收入合', 76)]],
		[478, [right('13,649.07', 189), at('支出合计', 230), right('13,649.07', 360)]],
		[492, [at('计', 58)]]
	]);

	it('joins each label to its figures, the first row included, and keeps a label row of its own apart', () => {
		expect(texts(lines)).toEqual([
			'项目名称\t金额\t项目名称\t金额',
			'一、财政拨款\t13,649.07\t一、基本支出\t7,666.68',
			'上年结',
			'转资金',
			'收入合计\t13,649.07\t支出合计\t13,649.07'
		]);
	});
});

describe('gridLines: a table continued on the next page', () => {
	const lines = [
		...page(1, [
			[40, [at('一般公共预算财政拨款支出表', 150)]],
			[60, header3],
			[80, [at('204', 40), at('公共安全支出', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
			[98, [at('20406', 40), at('司法', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
			[116, [at('2040601', 40), at('行政运行', 110), right('200.00', T), right('200.00', B)]],
			[800, [at('3', 295)]]
		]),
		...page(2, [
			[60, [at('2040602', 40), at('一般行政管理事务', 110), right('100.00', T), right('100.00', P)]],
			[78, [at('备注：本表反映部门本年度一般公共预算财政拨款支出情况。', 40)]]
		])
	];

	it('reads the rows at the top of the page by the previous page columns', () => {
		const out = gridLines(lines);
		expect(out.slice(-2).map((l) => [l.text, l.page, l.pageLine])).toEqual([
			['2040602\t一般行政管理事务\t100.00\t\t100.00', 2, 1],
			['备注：本表反映部门本年度一般公共预算财政拨款支出情况。', 2, 2]
		]);
	});

	it('carries the 类 and 款 of 类 款 项 pieces over the page break', () => {
		const pieces = [
			...page(1, [
				[60, [at('类', 40), at('款', 62), at('项', 80), ...header3.slice(1)]],
				[80, [at('204', 40), at('06', 62), at('司法', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
				[98, [at('204', 40), at('06', 62), at('01', 80), at('行政运行', 110), right('200.00', T), right('200.00', B)]]
			]),
			...page(2, [
				[60, [at('02', 80), at('一般行政管理事务', 110), right('100.00', T), right('100.00', P)]],
				[78, [at('50', 80), at('事业运行', 110), right('20.00', T), right('20.00', B)]]
			])
		];
		expect(texts(pieces).slice(-2)).toEqual(['2040602\t一般行政管理事务\t100.00\t\t100.00', '2040650\t事业运行\t20.00\t20.00\t']);
	});
});

describe('gridLines: multi-level headers and side-by-side tables', () => {
	it('puts a parent word at the first column it spans, then the leaf words', () => {
		const lines = page(1, [
			[46, [at('项目', 136), at('本年支出', 367)]],
			[64, header3],
			[86, [at('201', 40), at('一般公共服务支出', 110), right('300.00', T), right('200.00', B), right('100.00', P)]],
			[104, [at('20103', 40), at('政府办公厅（室）及相关机构事务', 110), right('300.00', T), right('200.00', B), right('100.00', P)]]
		]);
		expect(texts(lines).slice(0, 2)).toEqual(['项目\t\t本年支出\t\t', '科目编码\t科目名称\t合计\t基本支出\t项目支出']);
	});

	it('keeps each code–name–amount group of a side-by-side table in order', () => {
		const lines = page(1, [
			[46, [at('人员经费', 120), at('公用经费', 380)]],
			[64, [at('科目编码', 20), at('科目名称', 100), at('决算数', 200), at('科目编码', 270), at('科目名称', 350), at('决算数', 460)]],
			[86, [at('301', 20), at('工资福利支出', 80), right('650.20', 230), at('302', 270), at('商品和服务支出', 330), right('90.40', 490)]],
			[104, [at('30101', 20), at('基本工资', 80), right('220.00', 230), at('30201', 270), at('办公费', 330), right('20.00', 490)]],
			[122, [at('30201', 270), at('办公设备购置', 330), right('5.00', 490)]],
			[140, [at('人员经费合计', 20), right('870.20', 230), at('公用经费合计', 270), right('95.40', 490)]]
		]);
		expect(texts(lines)).toEqual([
			'人员经费\t\t\t公用经费\t\t',
			'科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数',
			'301\t工资福利支出\t650.20\t302\t商品和服务支出\t90.40',
			'30101\t基本工资\t220.00\t30201\t办公费\t20.00',
			'\t\t\t30201\t办公设备购置\t5.00',
			'\t人员经费合计\t870.20\t\t公用经费合计\t95.40'
		]);
	});
});

describe('gridLines: a header centred over right-aligned figures (a PDF page)', () => {
	// Header words stand centred in their cells and touch no figure; 小/计 are set one character per
	// line; the 公务用车购置费 column holds no figure on the row, and its 0 is set a little lower.
	const lines = page(20, [
		[199, [at('“三公”经费', 252)]],
		[251, [at('公务用车购置及运行维护费', 231)]],
		[266, [at('因公', 163)]],
		[274, [at('合计', 64)]],
		[281, [at('小', 124), at('公务接待', 405)]],
		[289, [at('费', 410)]],
		[295, [at('出国', 152)]],
		[311, [at('计', 114.5), at('小', 212), at('公务用车购', 251), at('公务用车运', 328)]],
		[325, [at('（境）费', 142)]],
		[340, [at('计', 202.5), at('置费', 256), at('行维护费', 323)]],
		[400, [right('2,542.60', 86), right('833.60', 138), right('222.50', 181), right('183.60', 225), right('183.60', 363), right('427.50', 434)]],
		[406, [at('0', 272)]],
		[524, [at('2017', 190), at('年政府采购预算表', 249)]]
	]);

	it('matches header columns to figure columns in order, adding the column only the header shows', () => {
		expect(texts(lines)).toEqual([
			'\t\t\t\t“三公”经费\t\t',
			'\t\t\t\t公务用车购置及运行维护费\t\t',
			'合计\t小计\t因公出国（境）费\t小计\t公务用车购置费\t公务用车运行维护费\t公务接待费',
			'2,542.60\t833.60\t222.50\t183.60\t0\t183.60\t427.50',
			'2017 年政府采购预算表'
		]);
	});

	it('traces the row to its figures line, the slipped 0 included', () => {
		expect(gridLines(lines)[3]).toMatchObject({ page: 20, pageLine: 11 });
	});
});

describe('gridLines: what is not a table passes through', () => {
	const lines = page(5, [
		[40, [at('三、“三公”经费情况说明', 40)]],
		[58, [at('一般公共预算财政拨款支出', 40), at('1,172.15', 40 + width('一般公共预算财政拨款支出') + 2), at('万元。', 200)]],
		[76, [at('本部门', 40), at('无政府性基金收支', 70)]]
	]);

	it('joins the cells of a prose line: no space between CJK characters, one space otherwise', () => {
		expect(rebuildGrid(lines).map((l) => [l.text, l.kind])).toEqual([
			['三、“三公”经费情况说明', 'prose'],
			['一般公共预算财政拨款支出 1,172.15 万元。', 'prose'],
			['本部门无政府性基金收支', 'prose']
		]);
	});

	it('numbers the lines 1..n and keeps page and line on the page', () => {
		expect(gridLines(lines).map((l) => [l.no, l.page, l.pageLine])).toEqual([
			[1, 5, 1],
			[2, 5, 2],
			[3, 5, 3]
		]);
	});

	it('keeps a space between words a wide gap apart (部门：… 单位：万元)', () => {
		const note = page(1, [[88, [at('部门：中共江苏省委办公厅', 45), at('单位：万元', 1094)]]]);
		expect(texts(note)).toEqual(['部门：中共江苏省委办公厅 单位：万元']);
	});

	it('gives text lines no page', () => {
		const text = lines.map((l) => ({ ...l, page: null }));
		expect(gridLines(text).every((l) => l.page === undefined && l.pageLine !== undefined)).toBe(true);
	});
});
