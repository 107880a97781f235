/**
 * Ground truth for the real PDFs in test/fixtures/real-pdfs (see the README there): every figure
 * below was read by a person from the rendered pages (pdftoppm -png, zoomed where digits are
 * small), never from an extractor's output. Amounts are 万元 as printed (every table prints
 * 单位：万元). Page numbers are PDF page indexes, 1-based.
 *
 * `pages` lists every page on which the figure is printed in that role (the provincial template
 * prints each table twice: 财政拨款… and 一般公共预算… with the same rows, and the 收支 totals stand in
 * several tables); the first page is the table the extractor is meant to read. A traced row is right
 * when its source_page is one of them. `pages: null` (optional figures only) means the figure is not
 * printed in this file but is known for the same disclosure; it is checked only if stored.
 *
 * Each table was checked by its own arithmetic while reading (children add up to their parent, the
 * 类 to the 合计), so a misread digit would have shown.
 */
import type { SummaryMeasure, ThreePublicItem } from '../../../src/lib/storage/schema';

export interface FunctionExpect {
	code: string;
	name: string;
	total: number;
	basic?: number;
	project?: number;
	pages: number[] | null;
}

export interface EconomicExpect {
	code: string;
	name: string;
	total: number;
	personnel?: number;
	public?: number;
	pages: number[] | null;
}

export interface MeasureExpect {
	measure: SummaryMeasure;
	value: number;
	pages: number[] | null;
}

export interface ThreePublicExpect {
	item: ThreePublicItem;
	budget: number;
	pages: number[] | null;
	/** The cell is printed empty; the data contract reads a blank cell as 0. */
	blank?: true;
}

export interface CodedTableExpect<R> {
	/** The tables the rows were read from (title as printed, page(s)); the first is the one to store. */
	read: string[];
	/** The table's 合计, printed on the first row; the 类 rows add up to it. */
	total: number;
	/** Only one amount column is printed (no 基本/项目 or 人员/公用 split): the split is not given. */
	amountOnly: boolean;
	/** Where the rows were read: a table (names compared, counted in the recovered share) or prose. */
	source: 'table' | 'prose';
	rows: R[];
	/** Rows the document states in prose or derives elsewhere: not required, but if stored they must match. */
	optional?: R[];
}

export interface FixtureExpect {
	/** File name under test/fixtures/real-pdfs. */
	file: string;
	original: string;
	pages: number;
	document: {
		department: string;
		year: number;
		kind: 'budget' | 'final';
		level: 'province';
		district: null;
		/** 'narrative' where the file has no tables at all. */
		layout?: 'narrative';
	};
	/** Headline measures printed in this file. */
	summary: MeasureExpect[];
	/** Measures not required from this file, but known for the disclosure: if stored they must match. */
	summaryOptional?: MeasureExpect[];
	functionTable: CodedTableExpect<FunctionExpect>;
	economicTable?: CodedTableExpect<EconomicExpect>;
	threePublic: {
		read: string;
		source: 'table' | 'prose';
		rows: ThreePublicExpect[];
		optional?: ThreePublicExpect[];
		/** Figures of the same table that are not 三公 (合计 with 会议费 and 培训费, 会议费, 培训费). */
		notThreePublic?: number[];
	};
	/** 机关运行经费 table: its 合计 is summary.operating_cost; rows recorded for reference. */
	operatingCost?: { read: string; total: number; rows: { code: string; name: string; total: number; page: number }[] };
}

// ---------------------------------------------------------------------------------------------
// 中共江苏省委办公厅 2019 — tables half
// ---------------------------------------------------------------------------------------------

/** Rows of the 2019 功能科目 table, printed identically on p7 (一般公共预算) and p5 (财政拨款). */
const SWBGT_2019_FUNCTION: FunctionExpect[] = [
	{ code: '201', name: '一般公共服务支出', total: 22395.5, pages: [7, 5] },
	{ code: '20131', name: '党委办公厅（室）及相关机构事务', total: 22395.5, pages: [7, 5] },
	{ code: '2013101', name: '行政运行', total: 9370.12, pages: [7, 5] },
	{ code: '2013102', name: '一般行政管理事务', total: 13025.38, pages: [7, 5] },
	{ code: '208', name: '社会保障和就业支出', total: 1374.63, pages: [7, 5] },
	{ code: '20805', name: '行政事业单位离退休', total: 1374.63, pages: [7, 5] },
	{ code: '2080504', name: '未归口管理的行政单位离退休', total: 275.54, pages: [7, 5] },
	{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: 785.06, pages: [7, 5] },
	{ code: '2080506', name: '机关事业单位职业年金缴费支出', total: 314.03, pages: [7, 5] },
	{ code: '221', name: '住房保障支出', total: 3894.09, pages: [7, 5] },
	{ code: '22102', name: '住房改革支出', total: 3894.09, pages: [7, 5] },
	{ code: '2210201', name: '住房公积金', total: 965.87, pages: [7, 5] },
	{ code: '2210202', name: '提租补贴', total: 2928.22, pages: [7, 5] }
];

export const SWBGT_2019_TABLES: FixtureExpect = {
	file: 'jiangsu-swbgt-2019-tables.pdf',
	original: '江苏省委办公厅2019年度部门预算公开表格.pdf',
	pages: 12,
	// 部门：中共江苏省委办公厅 on every page; the year is printed only in the p12 title
	// “2019年政府采购预算表”; every title says 预算.
	document: { department: '中共江苏省委办公厅', year: 2019, kind: 'budget', level: 'province', district: null },
	summary: [
		// p1 收支预算总表: 收入合计 / 当年收入小计 27,664.22; p2 收入预算总表 收入总计; p4 财政拨款收支预算总表 收入合计.
		{ measure: 'income_total', value: 27664.22, pages: [1, 2, 4] },
		// p1 支出合计 / 当年支出小计; p3 支出预算总表 合计; p4 支出合计.
		{ measure: 'expenditure_total', value: 27664.22, pages: [1, 3, 4] },
		// p1 一、基本支出; p3 基本支出; p4 一、基本支出; the 合计 of the 基本支出 tables p8, p6.
		{ measure: 'basic', value: 11700.63, pages: [1, 3, 4, 8, 6] },
		// p1 二、项目支出; p3 项目支出; p4 二、项目支出. (三、单位预留机动经费 2,938.21 is neither.)
		{ measure: 'project', value: 13025.38, pages: [1, 3, 4] },
		// p11 一般公共预算机关运行经费支出预算表, 合计.
		{ measure: 'operating_cost', value: 2232.91, pages: [11] }
	],
	summaryOptional: [
		// p12 2019年政府采购预算表: 合计 1,422.50; 一、货物A 84.00; 三、服务C 1,338.50 (a table the extractor skips).
		{ measure: 'procurement_total', value: 1422.5, pages: [12] },
		{ measure: 'procurement_goods', value: 84, pages: [12] },
		{ measure: 'procurement_services', value: 1338.5, pages: [12] },
		// Printed in the narrative half (p11: 人员经费9467.72, 公用经费2232.91), = 301 + 303 and 302 here.
		{ measure: 'personnel', value: 9467.72, pages: null },
		{ measure: 'public', value: 2232.91, pages: null }
	],
	// p7 一般公共预算支出预算表（功能科目）, the same rows on p5 财政拨款支出预算表（功能科目）:
	// 功能科目编码 / 功能科目名称 / 金额, 合计 27,664.22.
	functionTable: {
		read: ['一般公共预算支出预算表（功能科目） p7', '财政拨款支出预算表（功能科目） p5'],
		total: 27664.22,
		amountOnly: true,
		source: 'table',
		rows: SWBGT_2019_FUNCTION
	},
	// p8 一般公共预算基本支出预算表（经济科目）, the same rows on p6 财政拨款基本支出预算表（经济科目）
	// (both portrait pages): 科目编码 / 科目名称 / 金额, 合计 11,700.63.
	economicTable: {
		read: ['一般公共预算基本支出预算表（经济科目） p8', '财政拨款基本支出预算表（经济科目） p6'],
		total: 11700.63,
		amountOnly: true,
		source: 'table',
		rows: [
			{ code: '301', name: '工资福利支出', total: 8300.32, pages: [8, 6] },
			{ code: '30101', name: '基本工资', total: 1581.26, pages: [8, 6] },
			{ code: '30102', name: '津贴补贴', total: 4292.67, pages: [8, 6] },
			{ code: '30103', name: '奖金', total: 124.14, pages: [8, 6] },
			{ code: '30107', name: '绩效工资', total: 163.26, pages: [8, 6] },
			{ code: '30108', name: '机关事业单位基本养老保险缴费', total: 785.06, pages: [8, 6] },
			{ code: '30109', name: '职业年金缴费', total: 314.03, pages: [8, 6] },
			{ code: '30112', name: '其他社会保障缴费', total: 1.31, pages: [8, 6] },
			{ code: '30113', name: '住房公积金', total: 965.87, pages: [8, 6] },
			{ code: '30114', name: '医疗费', total: 65.28, pages: [8, 6] },
			{ code: '30199', name: '其他工资福利支出', total: 7.44, pages: [8, 6] },
			{ code: '302', name: '商品和服务支出', total: 2232.91, pages: [8, 6] },
			{ code: '30201', name: '办公费', total: 450, pages: [8, 6] },
			{ code: '30205', name: '水费', total: 50, pages: [8, 6] },
			{ code: '30206', name: '电费', total: 100, pages: [8, 6] },
			{ code: '30207', name: '邮电费', total: 150, pages: [8, 6] },
			{ code: '30211', name: '差旅费', total: 350, pages: [8, 6] },
			{ code: '30213', name: '维修（护）费', total: 130, pages: [8, 6] },
			{ code: '30215', name: '会议费', total: 50, pages: [8, 6] },
			{ code: '30216', name: '培训费', total: 25, pages: [8, 6] },
			{ code: '30217', name: '公务接待费', total: 27, pages: [8, 6] },
			{ code: '30218', name: '专用材料费', total: 50, pages: [8, 6] },
			{ code: '30228', name: '工会经费', total: 60, pages: [8, 6] },
			{ code: '30229', name: '福利费', total: 20, pages: [8, 6] },
			{ code: '30231', name: '公务用车运行维护费', total: 411.2, pages: [8, 6] },
			{ code: '30239', name: '其他交通费用', total: 309.71, pages: [8, 6] },
			{ code: '30299', name: '其他商品和服务支出', total: 50, pages: [8, 6] },
			{ code: '303', name: '对个人和家庭的补助', total: 1167.4, pages: [8, 6] },
			{ code: '30301', name: '离休费', total: 301.05, pages: [8, 6] },
			{ code: '30302', name: '退休费', total: 864.75, pages: [8, 6] },
			{ code: '30309', name: '奖励金', total: 1.6, pages: [8, 6] }
		]
	},
	// p9 “三公”经费、会议费、培训费支出预算表, one figure row:
	// 合计 1,471.70 | 三公 小计 508.20 | 因公出国（境）费 70.00 | 车 小计 411.20 | 购置费 (blank) |
	// 运行维护费 411.20 | 公务接待费 27.00 | 会议费 933.50 | 培训费 30.00.
	threePublic: {
		read: '“三公”经费、会议费、培训费支出预算表 p9',
		source: 'table',
		rows: [
			{ item: 'total', budget: 508.2, pages: [9] },
			{ item: 'outbound', budget: 70, pages: [9] },
			{ item: 'vehicle', budget: 411.2, pages: [9] },
			{ item: 'vehicle_purchase', budget: 0, pages: [9], blank: true },
			{ item: 'vehicle_operation', budget: 411.2, pages: [9] },
			{ item: 'reception', budget: 27, pages: [9] }
		],
		notThreePublic: [1471.7, 933.5, 30]
	},
	// p11 一般公共预算机关运行经费支出预算表: 科目编码 / 科目名称 / 机关运行经费支出, 合计 2,232.91.
	operatingCost: {
		read: '一般公共预算机关运行经费支出预算表 p11',
		total: 2232.91,
		rows: [
			{ code: '302', name: '商品和服务支出', total: 2232.91, page: 11 },
			{ code: '30201', name: '办公费', total: 450, page: 11 },
			{ code: '30205', name: '水费', total: 50, page: 11 },
			{ code: '30206', name: '电费', total: 100, page: 11 },
			{ code: '30207', name: '邮电费', total: 150, page: 11 },
			{ code: '30211', name: '差旅费', total: 350, page: 11 },
			{ code: '30213', name: '维修（护）费', total: 130, page: 11 },
			{ code: '30215', name: '会议费', total: 50, page: 11 },
			{ code: '30216', name: '培训费', total: 25, page: 11 },
			{ code: '30217', name: '公务接待费', total: 27, page: 11 },
			{ code: '30218', name: '专用材料费', total: 50, page: 11 },
			{ code: '30228', name: '工会经费', total: 60, page: 11 },
			{ code: '30229', name: '福利费', total: 20, page: 11 },
			{ code: '30231', name: '公务用车运行维护费', total: 411.2, page: 11 },
			{ code: '30239', name: '其他交通费用', total: 309.71, page: 11 },
			{ code: '30299', name: '其他商品和服务支出', total: 50, page: 11 }
		]
	}
};

// ---------------------------------------------------------------------------------------------
// 江苏省委办公厅 2019 — narrative half (公开文件): no tables, figures in prose
// ---------------------------------------------------------------------------------------------

export const SWBGT_2019_NARRATIVE: FixtureExpect = {
	file: 'jiangsu-swbgt-2019-narrative.pdf',
	original: '江苏省委办公厅2019年度部门预算公开文件.pdf',
	pages: 14,
	// p1 cover: 江苏省委办公厅2019年度部门预算公开; the prose says 江苏省委办公厅 throughout.
	// 第二部分 (p6) says only 具体公开表样附后: the file has no table.
	document: { department: '江苏省委办公厅', year: 2019, kind: 'budget', level: 'province', district: null, layout: 'narrative' },
	summary: [
		// p6 收入、支出预算总计27664.22万元; p7 收入预算总计27664.22万元; p8 本年收入预算合计27664.22万元;
		// p9 财政拨款收、支总预算27664.22万元.
		{ measure: 'income_total', value: 27664.22, pages: [6, 7, 8, 9] },
		// p6; p7 支出预算总计27664.22万元; p8 本年支出预算合计27664.22万元; p9 财政拨款预算支出; p11 一般公共预算财政拨款支出预算.
		{ measure: 'expenditure_total', value: 27664.22, pages: [6, 7, 8, 9, 11] },
		// p8 基本支出预算数为11700.63万元 / 基本支出11700.63万元; p10 (last line) 财政拨款基本支出预算11700.63; p11.
		{ measure: 'basic', value: 11700.63, pages: [8, 10, 11] },
		// p8 项目支出预算数为13025.38万元 / 项目支出13025.38万元.
		{ measure: 'project', value: 13025.38, pages: [8] },
		// p11 (一)人员经费9467.72万元 / (二)公用经费2232.91万元, twice (sections 六 and 八).
		{ measure: 'personnel', value: 9467.72, pages: [11] },
		{ measure: 'public', value: 2232.91, pages: [11] },
		// p13 一般公共预算机关运行经费预算支出2232.91万元.
		{ measure: 'operating_cost', value: 2232.91, pages: [13] },
		// p13 政府采购支出预算总额1422.50万元，其中：拟采购货物支出84万元、拟购买服务支出1338.50万元.
		{ measure: 'procurement_total', value: 1422.5, pages: [13] },
		{ measure: 'procurement_goods', value: 84, pages: [13] },
		{ measure: 'procurement_services', value: 1338.5, pages: [13] }
	],
	// 类 figures in prose: p7 一般公共服务（类）支出22395.50万元, 社会保障和就业（类）支出1374.63万元;
	// p8 住房保障（类）支出3894.09万元. No 基本/项目 split per 类 is stated.
	functionTable: {
		read: ['prose, 第三部分 一、(二) p7–p8'],
		total: 27664.22,
		amountOnly: true,
		source: 'prose',
		rows: [
			{ code: '201', name: '一般公共服务支出', total: 22395.5, pages: [7] },
			{ code: '208', name: '社会保障和就业支出', total: 1374.63, pages: [7] },
			{ code: '221', name: '住房保障支出', total: 3894.09, pages: [8] }
		],
		optional: [
			// The 项 stated in prose (p9 section 五; p10), named without their codes; the codes are
			// those of the same rows in the tables half (p7 there). The 款 are printed only there.
			{ code: '2013101', name: '行政运行', total: 9370.12, pages: [9] },
			{ code: '2013102', name: '一般行政管理事务', total: 13025.38, pages: [9] },
			{ code: '2080504', name: '未归口管理的行政单位离退休', total: 275.54, pages: [10] },
			{ code: '2080505', name: '机关事业单位基本养老保险缴费支出', total: 785.06, pages: [10] },
			{ code: '2080506', name: '机关事业单位职业年金缴费支出', total: 314.03, pages: [10] },
			{ code: '2210201', name: '住房公积金', total: 965.87, pages: [10] },
			{ code: '2210202', name: '提租补贴', total: 2928.22, pages: [10] },
			{ code: '20131', name: '党委办公厅（室）及相关机构事务', total: 22395.5, pages: null },
			{ code: '20805', name: '行政事业单位离退休', total: 1374.63, pages: null },
			{ code: '22102', name: '住房改革支出', total: 3894.09, pages: null }
		]
	},
	// p12 section 九: 因公出国（境）费支出70万元 … 公务用车购置及运行费支出411.20万元 … 公务接待费支出27万元;
	// 1. 因公出国（境）费预算支出70万元; 2. 公务用车购置及运行费预算支出411.20万元，其中：(1)公务用车购置预算支出0万元，
	// (2)公务用车运行维护费预算支出411.20万元; 3. 公务接待费预算支出27万元. The 三公 total is not stated in prose.
	threePublic: {
		read: 'prose, 第三部分 九 p12',
		source: 'prose',
		rows: [
			{ item: 'outbound', budget: 70, pages: [12] },
			{ item: 'vehicle', budget: 411.2, pages: [12] },
			{ item: 'vehicle_purchase', budget: 0, pages: [12] },
			{ item: 'vehicle_operation', budget: 411.2, pages: [12] },
			{ item: 'reception', budget: 27, pages: [12] }
		],
		// 70 + 411.20 + 27; printed as 小计 508.20 in the tables half (p9 there).
		optional: [{ item: 'total', budget: 508.2, pages: null }],
		// p12: 会议费预算支出933.50万元, 培训费预算支出30万元.
		notThreePublic: [933.5, 30]
	}
};

// ---------------------------------------------------------------------------------------------
// 中国共产党江苏省委员会办公厅 2017 — tables file (wide, unrotated)
// ---------------------------------------------------------------------------------------------

export const SWBGT_2017_TABLES: FixtureExpect = {
	file: 'jiangsu-swbgt-2017-tables.pdf',
	original: '江苏省委办公厅2017年预算公开表格.pdf',
	pages: 14,
	// 部门：中国共产党江苏省委员会办公厅 on every page (wrapped after 办 on p2); the year only in the
	// p12 title “2017年政府采购预算表”.
	document: { department: '中国共产党江苏省委员会办公厅', year: 2017, kind: 'budget', level: 'province', district: null },
	summary: [
		// p1 收支预算总表: 一、财政拨款 20,702.25 + 二、财政专户管理资金 147.20 → 收入合计 20,849.45;
		// p2 收入预算总表 收入总计 20,849.45. (p4 财政拨款收支预算总表 收入合计 20,702.25 is 财政拨款 only.)
		{ measure: 'income_total', value: 20849.45, pages: [1, 2] },
		// p1 支出合计 20,849.45; p3 支出预算总表 合计 20,849.45. (p4: 20,702.25, 财政拨款 only.)
		{ measure: 'expenditure_total', value: 20849.45, pages: [1, 3] },
		// p1, p3, p4 基本支出 9,964.07 (all of it 财政拨款); the 合计 of the 基本支出 tables p9, p6.
		{ measure: 'basic', value: 9964.07, pages: [1, 3, 4, 9, 6] },
		// p1, p3 项目支出 10,688.66. (p4 财政拨款收支预算总表 prints 10,541.46: the 财政拨款 part only.)
		{ measure: 'project', value: 10688.66, pages: [1, 3] },
		// p10 一般公共预算机关运行经费支出预算表 合计 10,101.76.
		{ measure: 'operating_cost', value: 10101.76, pages: [10] }
	],
	summaryOptional: [
		// p12 2017年政府采购预算表 合计 1,774.70, 一、货物A 496.20; p13 三、服务C 1,278.50.
		{ measure: 'procurement_total', value: 1774.7, pages: [12] },
		{ measure: 'procurement_goods', value: 496.2, pages: [12] },
		{ measure: 'procurement_services', value: 1278.5, pages: [13] },
		// The companion narrative (江苏省委办公厅2017年部门预算.pdf p9, not a fixture) states 人员经费
		// 7819.47 and 公用经费 2144.60, = 301 + 303 and 302 here.
		{ measure: 'personnel', value: 7819.47, pages: null },
		{ measure: 'public', value: 2144.6, pages: null }
	],
	// p8 一般公共预算支出预算表, the same rows on p5 财政拨款支出预算表: 功能科目代码 / 功能科目名称 / 金额,
	// 合计 20,702.25. (The 收支预算总表 p1 prints 201 as 16,992.37: it includes the 147.20 of 财政专户.)
	functionTable: {
		read: ['一般公共预算支出预算表 p8', '财政拨款支出预算表 p5'],
		total: 20702.25,
		amountOnly: true,
		source: 'table',
		rows: [
			{ code: '201', name: '一般公共服务支出', total: 16845.17, pages: [8, 5] },
			{ code: '20131', name: '党委办公厅（室）及相关机构事务', total: 16845.17, pages: [8, 5] },
			{ code: '2013101', name: '行政运行', total: 6106.99, pages: [8, 5] },
			{ code: '2013102', name: '一般行政管理事务', total: 10738.18, pages: [8, 5] },
			{ code: '208', name: '社会保障和就业支出', total: 2000.39, pages: [8, 5] },
			{ code: '20805', name: '行政事业单位离退休', total: 2000.39, pages: [8, 5] },
			{ code: '2080504', name: '未归口管理的行政单位离退休', total: 2000.39, pages: [8, 5] },
			{ code: '221', name: '住房保障支出', total: 1856.69, pages: [8, 5] },
			{ code: '22102', name: '住房改革支出', total: 1856.69, pages: [8, 5] },
			{ code: '2210201', name: '住房公积金', total: 621.28, pages: [8, 5] },
			{ code: '2210202', name: '提租补贴', total: 1235.41, pages: [8, 5] }
		]
	},
	// p9 一般公共预算基本支出预算表, the same rows on p6 财政拨款基本支出预算表 (both portrait pages):
	// 科目编码 / 科目名称 / 金额, 合计 9,964.07.
	economicTable: {
		read: ['一般公共预算基本支出预算表 p9', '财政拨款基本支出预算表 p6'],
		total: 9964.07,
		amountOnly: true,
		source: 'table',
		rows: [
			{ code: '301', name: '工资福利支出', total: 3920.22, pages: [9, 6] },
			{ code: '30101', name: '基本工资', total: 1309.12, pages: [9, 6] },
			{ code: '30102', name: '津贴补贴', total: 2296.92, pages: [9, 6] },
			{ code: '30103', name: '奖金', total: 101.79, pages: [9, 6] },
			{ code: '30104', name: '其他社会保障缴费', total: 1.5, pages: [9, 6] },
			{ code: '30107', name: '绩效工资', total: 196.19, pages: [9, 6] },
			{ code: '30199', name: '其他工资福利支出', total: 14.7, pages: [9, 6] },
			{ code: '302', name: '商品和服务支出', total: 2144.6, pages: [9, 6] },
			{ code: '30201', name: '办公费', total: 270.1, pages: [9, 6] },
			{ code: '30205', name: '水费', total: 50, pages: [9, 6] },
			{ code: '30206', name: '电费', total: 300, pages: [9, 6] },
			{ code: '30207', name: '邮电费', total: 20, pages: [9, 6] },
			{ code: '30211', name: '差旅费', total: 360, pages: [9, 6] },
			{ code: '30213', name: '维修（护）费', total: 140, pages: [9, 6] },
			{ code: '30215', name: '会议费', total: 50, pages: [9, 6] },
			{ code: '30216', name: '培训费', total: 25, pages: [9, 6] },
			{ code: '30217', name: '公务接待费', total: 28, pages: [9, 6] },
			{ code: '30218', name: '专用材料费', total: 80, pages: [9, 6] },
			{ code: '30228', name: '工会经费', total: 60, pages: [9, 6] },
			{ code: '30229', name: '福利费', total: 20, pages: [9, 6] },
			{ code: '30231', name: '公务用车运行维护费', total: 411.2, pages: [9, 6] },
			{ code: '30239', name: '其他交通费用', total: 306.3, pages: [9, 6] },
			{ code: '30299', name: '其他商品和服务支出', total: 24, pages: [9, 6] },
			{ code: '303', name: '对个人和家庭的补助', total: 3899.25, pages: [9, 6] },
			{ code: '30301', name: '离休费', total: 300.06, pages: [9, 6] },
			{ code: '30302', name: '退休费', total: 1676.33, pages: [9, 6] },
			{ code: '30307', name: '医疗费', total: 64.56, pages: [9, 6] },
			{ code: '30309', name: '奖励金', total: 1.61, pages: [9, 6] },
			{ code: '30311', name: '住房公积金', total: 621.28, pages: [9, 6] },
			{ code: '30312', name: '提租补贴', total: 1235.41, pages: [9, 6] }
		]
	},
	// p11 “三公”经费、会议费、培训费支出预算表: 合计 1,467.70 | 小计 509.20 | 出国 70.00 | 车 小计 411.20 |
	// 购置费 (blank) | 运行维护费 411.20 | 接待 28.00 | 会议费 933.50 | 培训费 25.00.
	threePublic: {
		read: '“三公”经费、会议费、培训费支出预算表 p11',
		source: 'table',
		rows: [
			{ item: 'total', budget: 509.2, pages: [11] },
			{ item: 'outbound', budget: 70, pages: [11] },
			{ item: 'vehicle', budget: 411.2, pages: [11] },
			{ item: 'vehicle_purchase', budget: 0, pages: [11], blank: true },
			{ item: 'vehicle_operation', budget: 411.2, pages: [11] },
			{ item: 'reception', budget: 28, pages: [11] }
		],
		notThreePublic: [1467.7, 933.5, 25]
	},
	// p10 一般公共预算机关运行经费支出预算表, 合计 10,101.76. Its 302 (10,011.76) is not the 基本支出 302
	// (2,144.60): 机关运行经费 here includes project spending.
	operatingCost: {
		read: '一般公共预算机关运行经费支出预算表 p10',
		total: 10101.76,
		rows: [
			{ code: '302', name: '商品和服务支出', total: 10011.76, page: 10 },
			{ code: '30201', name: '办公费', total: 270.1, page: 10 },
			{ code: '30202', name: '印刷费', total: 100, page: 10 },
			{ code: '30205', name: '水费', total: 461, page: 10 },
			{ code: '30206', name: '电费', total: 830, page: 10 },
			{ code: '30207', name: '邮电费', total: 70, page: 10 },
			{ code: '30208', name: '取暖费', total: 1080, page: 10 },
			{ code: '30209', name: '物业管理费', total: 100, page: 10 },
			{ code: '30211', name: '差旅费', total: 391, page: 10 },
			{ code: '30213', name: '维修（护）费', total: 375, page: 10 },
			{ code: '30215', name: '会议费', total: 933.5, page: 10 },
			{ code: '30218', name: '专用材料费', total: 511.96, page: 10 },
			{ code: '30229', name: '福利费', total: 20, page: 10 },
			{ code: '30231', name: '公务用车运行维护费', total: 411.2, page: 10 },
			{ code: '30299', name: '其他商品和服务支出', total: 4458, page: 10 },
			{ code: '310', name: '其他资本性支出', total: 90, page: 10 },
			{ code: '31002', name: '办公设备购置', total: 90, page: 10 }
		]
	}
};

// ---------------------------------------------------------------------------------------------
// 江苏省人大常委会办公厅 2017 — one file, narrative and tables, A4 portrait
// ---------------------------------------------------------------------------------------------

export const RDBGT_2017_COMBINED: FixtureExpect = {
	file: 'jiangsu-rdbgt-2017-combined.pdf',
	original: '江苏省人大办公厅2017年度预算公开.pdf',
	pages: 31,
	// p1 title: 江苏省人大常委会办公厅 / 2017年度部门预算; every table: 部门： 江苏省人大常委会办公厅.
	document: { department: '江苏省人大常委会办公厅', year: 2017, kind: 'budget', level: 'province', district: null },
	summary: [
		// 收支预算总表 p7–p9 (runs over two page breaks): 当年收入小计 13,649.07 (p8 foot), 收入合计 (p9);
		// 收入预算总表 收入总计 (p9); 财政拨款收支预算总表 收入合计 (p12); prose p23 收入预算总计,
		// p24 本年收入预算合计, p25 财政拨款收、支总预算.
		{ measure: 'income_total', value: 13649.07, pages: [9, 8, 12, 23, 24, 25] },
		// 当年支出小计 (p8), 支出合计 (p9); 支出预算总表 合计 (p10); p12; prose p23, p24, p25, p26, p27.
		{ measure: 'expenditure_total', value: 13649.07, pages: [9, 8, 10, 12, 23, 24, 25, 26, 27] },
		// 一、基本支出 7,666.68 (p7); p10; p12; the 合计 of the 基本支出 tables (p17, p13); prose p24, p26, p27.
		{ measure: 'basic', value: 7666.68, pages: [7, 10, 12, 17, 13, 24, 26, 27] },
		// 二、项目支出 5,853.96 (p7); p10; p12; prose p24. (三、单位预留机动经费 128.43 is neither.)
		{ measure: 'project', value: 5853.96, pages: [7, 10, 12, 24] },
		// prose p26 (section 六) and p27 (section 九): 人员经费 6080.72万元, 公用经费 1585.96万元.
		{ measure: 'personnel', value: 6080.72, pages: [26, 27] },
		{ measure: 'public', value: 1585.96, pages: [26, 27] },
		// 机关运行经费 table (title at the foot of p18, rows on p19) 合计 5,619.31; prose p28.
		{ measure: 'operating_cost', value: 5619.31, pages: [19, 28] },
		// prose p29: 政府采购预算总金额为2247.85万元。其中拟购买货物59万元，拟购买工程0万元，拟购买服务2188.85万元;
		// the 政府采购预算表 prints 合计 2,247.85 and 一、货物A 59.00 (p20), 三、服务C 2,188.85 (p21).
		{ measure: 'procurement_total', value: 2247.85, pages: [29, 20] },
		{ measure: 'procurement_goods', value: 59, pages: [29, 20] },
		{ measure: 'procurement_works', value: 0, pages: [29] },
		{ measure: 'procurement_services', value: 2188.85, pages: [29, 21] }
	],
	// 一般公共预算支出预算表: title and 合计 … 20805 on p16, 2080504 … 2210202 on p17; the same rows on
	// p11 财政拨款支出预算表. 功能科目代码 / 功能科目名称 / 金额 (codes and names centred), 合计 13,649.07.
	// (Prose p26 misprints “人大事务行政运行（项）支出 10528.33万元”: 10,528.33 is 201/20101; the table's
	// 2010101 is 4,545.94.)
	functionTable: {
		read: ['一般公共预算支出预算表 p16–p17', '财政拨款支出预算表 p11'],
		total: 13649.07,
		amountOnly: true,
		source: 'table',
		rows: [
			{ code: '201', name: '一般公共服务支出', total: 10528.33, pages: [16, 11] },
			{ code: '20101', name: '人大事务', total: 10528.33, pages: [16, 11] },
			{ code: '2010101', name: '行政运行', total: 4545.94, pages: [16, 11] },
			{ code: '2010102', name: '一般行政管理事务', total: 2468.78, pages: [16, 11] },
			{ code: '2010104', name: '人大会议', total: 1305.25, pages: [16, 11] },
			{ code: '2010105', name: '人大立法', total: 810, pages: [16, 11] },
			{ code: '2010106', name: '人大监督', total: 418.75, pages: [16, 11] },
			{ code: '2010107', name: '人大代表履职能力提升', total: 403.75, pages: [16, 11] },
			{ code: '2010108', name: '代表工作', total: 428.36, pages: [16, 11] },
			{ code: '2010109', name: '人大信访工作', total: 47.5, pages: [16, 11] },
			{ code: '2010199', name: '其他人大事务支出', total: 100, pages: [16, 11] },
			{ code: '208', name: '社会保障和就业支出', total: 1608.51, pages: [16, 11] },
			{ code: '20805', name: '行政事业单位离退休', total: 1608.51, pages: [16, 11] },
			{ code: '2080504', name: '未归口管理的行政单位离退休', total: 1608.51, pages: [17, 11] },
			{ code: '221', name: '住房保障支出', total: 1512.23, pages: [17, 11] },
			{ code: '22102', name: '住房改革支出', total: 1512.23, pages: [17, 11] },
			{ code: '2210201', name: '住房公积金', total: 494.22, pages: [17, 11] },
			{ code: '2210202', name: '提租补贴', total: 1018.01, pages: [17, 11] }
		]
	},
	// 一般公共预算基本支出预算表: title and 合计 … 30201 on p17, 30205 … 30312 on p18. The same rows in
	// 财政拨款基本支出预算表: title at the foot of p12, 合计 … 30211 on p13, 30228 … 30311 on p14, 30312 on p15.
	// 科目编码 / 科目名称 / 金额, 合计 7,666.68.
	economicTable: {
		read: ['一般公共预算基本支出预算表 p17–p18', '财政拨款基本支出预算表 p13–p15'],
		total: 7666.68,
		amountOnly: true,
		source: 'table',
		rows: [
			{ code: '301', name: '工资福利支出', total: 2928.98, pages: [17, 13] },
			{ code: '30101', name: '基本工资', total: 1015.15, pages: [17, 13] },
			{ code: '30102', name: '津贴补贴', total: 1822.05, pages: [17, 13] },
			{ code: '30103', name: '奖金', total: 83.6, pages: [17, 13] },
			{ code: '30107', name: '绩效工资', total: 8.18, pages: [17, 13] },
			{ code: '302', name: '商品和服务支出', total: 1585.96, pages: [17, 13] },
			{ code: '30201', name: '办公费', total: 370, pages: [17, 13] },
			{ code: '30205', name: '水费', total: 50, pages: [18, 13] },
			{ code: '30206', name: '电费', total: 350, pages: [18, 13] },
			{ code: '30207', name: '邮电费', total: 45, pages: [18, 13] },
			{ code: '30211', name: '差旅费', total: 230, pages: [18, 13] },
			{ code: '30228', name: '工会经费', total: 21, pages: [18, 14] },
			{ code: '30229', name: '福利费', total: 50, pages: [18, 14] },
			{ code: '30231', name: '公务用车运行维护费', total: 183.6, pages: [18, 14] },
			{ code: '30239', name: '其他交通费用', total: 266.46, pages: [18, 14] },
			{ code: '30299', name: '其他商品和服务支出', total: 19.9, pages: [18, 14] },
			{ code: '303', name: '对个人和家庭的补助', total: 3151.74, pages: [18, 14] },
			{ code: '30301', name: '离休费', total: 213.23, pages: [18, 14] },
			{ code: '30302', name: '退休费', total: 1395.28, pages: [18, 14] },
			{ code: '30307', name: '医疗费', total: 30.24, pages: [18, 14] },
			{ code: '30309', name: '奖励金', total: 0.76, pages: [18, 14] },
			{ code: '30311', name: '住房公积金', total: 494.22, pages: [18, 14] },
			{ code: '30312', name: '提租补贴', total: 1018.01, pages: [18, 15] }
		]
	},
	// p20 “三公”经费、会议费、培训费支出预算表 (title wraps): 合计 2,542.60 | 小计 833.60 | 出国 222.50 |
	// 车 小计 183.60 | 购置费 0 (printed) | 运行维护费 183.60 | 接待 427.50 | 会议费 1,305.25 | 培训费 403.75.
	// (Prose p28–p29 repeats the items: 222.5, 183.6, 购置为0, 183.6, 427.5.)
	threePublic: {
		read: '“三公”经费、会议费、培训费支出预算表 p20',
		source: 'table',
		rows: [
			{ item: 'total', budget: 833.6, pages: [20] },
			{ item: 'outbound', budget: 222.5, pages: [20] },
			{ item: 'vehicle', budget: 183.6, pages: [20] },
			{ item: 'vehicle_purchase', budget: 0, pages: [20] },
			{ item: 'vehicle_operation', budget: 183.6, pages: [20] },
			{ item: 'reception', budget: 427.5, pages: [20] }
		],
		notThreePublic: [2542.6, 1305.25, 403.75]
	},
	// 一般公共预算机关运行经费支出预算表: title at the foot of p18, rows on p19; 合计 5,619.31. Its 302
	// (5,560.31) is not the 基本支出 302 (1,585.96).
	operatingCost: {
		read: '一般公共预算机关运行经费支出预算表 p18–p19',
		total: 5619.31,
		rows: [
			{ code: '302', name: '商品和服务支出', total: 5560.31, page: 19 },
			{ code: '30201', name: '办公费', total: 770.5, page: 19 },
			{ code: '30202', name: '印刷费', total: 244, page: 19 },
			{ code: '30205', name: '水费', total: 50, page: 19 },
			{ code: '30206', name: '电费', total: 350, page: 19 },
			{ code: '30207', name: '邮电费', total: 90, page: 19 },
			{ code: '30208', name: '取暖费', total: 80, page: 19 },
			{ code: '30209', name: '物业管理费', total: 456, page: 19 },
			{ code: '30211', name: '差旅费', total: 1293.36, page: 19 },
			{ code: '30215', name: '会议费', total: 1305.25, page: 19 },
			{ code: '30229', name: '福利费', total: 50, page: 19 },
			{ code: '30231', name: '公务用车运行维护费', total: 183.6, page: 19 },
			{ code: '30299', name: '其他商品和服务支出', total: 687.6, page: 19 },
			{ code: '310', name: '其他资本性支出', total: 59, page: 19 },
			{ code: '31002', name: '办公设备购置', total: 59, page: 19 }
		]
	}
};

export const REAL_PDF_FIXTURES: FixtureExpect[] = [SWBGT_2019_TABLES, SWBGT_2019_NARRATIVE, SWBGT_2017_TABLES, RDBGT_2017_COMBINED];
