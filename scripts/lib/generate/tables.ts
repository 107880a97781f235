/**
 * The tables of a disclosure as data (title, unit line, header with spans, body cells), independent
 * of how they are printed: the Chongqing 预算 template (表一 财政拨款收支总表 … 表五) and the national
 * 决算 template (公开01–09表). Renderers (render-text.ts, render-html.ts) print them.
 */
import { fenToWan, formatAmount } from './money';
import type { Figures } from './model';

export interface Cell {
	text: string;
	span?: number;
}

export type TableRole = 'summary' | 'function' | 'economic' | 'three_public' | 'agency_info' | 'other';

export interface TableSpec {
	role: TableRole;
	marker: string | null;
	title: string;
	/** `单位：万元`, or a national table's `公开部门：… 年度 单位：万元` line; null when not printed. */
	unitLine: string | null;
	header: Cell[][];
	body: string[][];
	note: string | null;
	columns: number;
	/** Body rows before which the table may be split (a continuation); empty when it may not. */
	splitAfter: number | null;
}

/** How figures are printed: in 万元 or 元, blanks or 0.00 for nothing. */
export interface Printing {
	yuan: boolean;
	zeroBlank: boolean;
}

export function amount(fen: number, p: Printing): string {
	if (fen === 0 && p.zeroBlank) return '';
	return p.yuan ? formatAmount(fen / 100) : formatAmount(fenToWan(fen));
}

const unitText = (p: Printing) => (p.yuan ? '单位：元' : '单位：万元');

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export function chineseOrdinal(n: number): string {
	if (n <= 10) return CN_NUM[n - 1];
	if (n < 20) return `十${CN_NUM[n - 11]}`;
	const tens = Math.floor(n / 10);
	const ones = n % 10;
	return `${CN_NUM[tens - 1]}十${ones ? CN_NUM[ones - 1] : ''}`;
}

/** The national 类 in the order of 收支总表 rows (公开01/04), with their printed ordinals. */
const NATIONAL_ORDER: [string, string][] = [
	['201', '一般公共服务支出'], ['202', '外交支出'], ['203', '国防支出'], ['204', '公共安全支出'], ['205', '教育支出'],
	['206', '科学技术支出'], ['207', '文化旅游体育与传媒支出'], ['208', '社会保障和就业支出'], ['210', '卫生健康支出'],
	['211', '节能环保支出'], ['212', '城乡社区支出'], ['213', '农林水支出'], ['214', '交通运输支出'], ['215', '资源勘探工业信息等支出'],
	['216', '商业服务业等支出'], ['217', '金融支出'], ['219', '援助其他地区支出'], ['220', '自然资源海洋气象等支出'], ['221', '住房保障支出'],
	['222', '粮油物资储备支出'], ['223', '国有资本经营预算支出'], ['224', '灾害防治及应急管理支出'], ['229', '其他支出']
];

function functionBody(f: Figures, p: Printing): string[][] {
	return [
		['合计', '', amount(f.total, p), amount(f.basic, p), amount(f.project, p)],
		...f.functions.map((r) => [r.code, r.name, amount(r.total, p), amount(r.basic, p), amount(r.project, p)])
	];
}

function economicBody(f: Figures, p: Printing): string[][] {
	return [
		['合计', '', amount(f.basic, p), amount(f.personnel, p), amount(f.public, p)],
		...f.economics.map((r) => [r.code, r.name, amount(r.total, p), amount(r.personnel, p), amount(r.public, p)])
	];
}

const classes = (f: Figures) => f.functions.filter((r) => r.level === 1);

/** 预算: the Chongqing district template, 表一 … 表五. */
export function budgetTables(f: Figures, year: number, p: Printing): TableSpec[] {
	const total = amount(f.total, p);
	const cls = classes(f);
	const summaryRows: string[][] = [['一、本年收入', total, '一、本年支出', total, total, '', '']];
	const incomeLabels = ['一般公共预算资金', '政府性基金预算资金', '国有资本经营预算资金'];
	const n = Math.max(incomeLabels.length, cls.length);
	for (let i = 0; i < n; i++) {
		const c = cls[i];
		summaryRows.push([incomeLabels[i] ?? '', i === 0 ? total : '', c ? c.name : '', c ? amount(c.total, p) : '', c ? amount(c.total, p) : '', '', '']);
	}
	summaryRows.push(['二、上年结转', '', '二、结转下年', '', '', '', ''], ['收入合计', total, '支出合计', total, total, '', '']);
	const tp = f.threePublic;
	const vehicle = tp.vehiclePurchase + tp.vehicleOperation;
	const tpTotal = vehicle + tp.outbound + tp.reception;
	const tpPrint: Printing = { ...p, zeroBlank: true };
	return [
		{
			role: 'summary', marker: '表一', title: '财政拨款收支总表', unitLine: unitText(p), columns: 7, note: null, splitAfter: null,
			header: [
				[{ text: '收入', span: 2 }, { text: '支出', span: 5 }],
				['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'].map((text) => ({ text }))
			],
			body: summaryRows
		},
		{
			role: 'function', marker: '表二', title: '一般公共预算财政拨款支出预算表', unitLine: unitText(p), columns: 5, note: null,
			splitAfter: Math.floor((f.functions.length + 1) / 2),
			header: [
				[{ text: '功能分类科目', span: 2 }, { text: `${year}年预算数`, span: 3 }],
				['科目编码', '科目名称', '合计', '基本支出', '项目支出'].map((text) => ({ text }))
			],
			body: functionBody(f, p)
		},
		{
			role: 'economic', marker: '表三', title: '一般公共预算财政拨款基本支出预算表', unitLine: unitText(p), columns: 5, note: null,
			splitAfter: Math.floor((f.economics.length + 1) / 2),
			header: [
				[{ text: '经济分类科目', span: 2 }, { text: `${year}年基本支出`, span: 3 }],
				['科目编码', '科目名称', '合计', '人员经费', '公用经费'].map((text) => ({ text }))
			],
			body: economicBody(f, p)
		},
		{
			role: 'three_public', marker: '表四', title: '一般公共预算“三公”经费支出表', unitLine: unitText(p), columns: 6, note: null, splitAfter: null,
			header: [
				[{ text: `${year}年预算数`, span: 6 }],
				[{ text: '合计' }, { text: '因公出国（境）费' }, { text: '公务用车购置及运行费', span: 3 }, { text: '公务接待费' }],
				['', '', '小计', '公务用车购置费', '公务用车运行费', ''].map((text) => ({ text }))
			],
			body: [[amount(tpTotal, tpPrint), amount(tp.outbound, tpPrint), amount(vehicle, tpPrint), amount(tp.vehiclePurchase, tpPrint), amount(tp.vehicleOperation, tpPrint), amount(tp.reception, tpPrint)]]
		},
		{
			role: 'other', marker: '表五', title: '政府性基金预算支出表', unitLine: unitText(p), columns: 5, splitAfter: null,
			note: '(备注：本单位无政府性基金收支，故此表无数据。)',
			header: [
				[{ text: '科目编码' }, { text: '科目名称' }, { text: '本年政府性基金预算财政拨款支出', span: 3 }],
				['', '', '总计', '基本支出', '项目支出'].map((text) => ({ text }))
			],
			body: [['', '合计', '', '', '']]
		}
	];
}

/**
 * Rows the national 公开06 prints in its third group whatever the unit spent (the template is
 * fixed): 债务利息 and 其他支出, 0.00 for a district department. They are figures the truth lists.
 */
export const NATIONAL_ZERO_ECONOMIC: readonly { code: string; name: string; level: 1 | 2; before310: boolean }[] = [
	{ code: '307', name: '债务利息及费用支出', level: 1, before310: true },
	{ code: '30701', name: '国内债务付息', level: 2, before310: true },
	{ code: '399', name: '其他支出', level: 1, before310: false },
	{ code: '39999', name: '其他支出', level: 2, before310: false }
];

/**
 * 决算: the national template's 公开01, 03, 05, 06, 07, 08, 09. `bareThirdGroup`: 公开06 prints
 * no template rows in its third group (a unit without 资本性支出 then leaves it blank).
 */
export function finalTables(f: Figures, year: number, department: string, p: Printing, bareThirdGroup = false): TableSpec[] {
	const head = (unit: boolean) => `公开部门：${department}\t${year}年度\t${unit ? unitText(p) : ''}`.trim();
	const z = (fen: number) => amount(fen, p);
	const byCode = new Map(classes(f).map((r) => [r.code, r]));
	const listed = NATIONAL_ORDER.map(([code, name], i) => ({ code, name, ordinal: chineseOrdinal(i + 1) })).filter(
		(c) => byCode.has(c.code) || ['201', '229'].includes(c.code)
	);
	const income = ['一、一般公共预算财政拨款收入', '二、政府性基金预算财政拨款收入', '三、国有资本经营预算财政拨款收入', '四、上级补助收入', '五、事业收入', '六、经营收入', '七、附属单位上缴收入', '八、其他收入'];
	const rows01: string[][] = [];
	for (let i = 0; i < Math.max(income.length, listed.length); i++) {
		const c = listed[i];
		rows01.push([income[i] ?? '', income[i] ? z(i === 0 ? f.total : 0) : '', c ? `${c.ordinal}、${c.name}` : '', c ? z(byCode.get(c.code)?.total ?? 0) : '']);
	}
	rows01.push(['本年收入合计', z(f.total), '本年支出合计', z(f.total)], ['使用非财政拨款结余', z(0), '结余分配', z(0)], ['年初结转和结余', z(0), '年末结转和结余', z(0)], ['总计', z(f.total), '总计', z(f.total)]);

	const fnRows = (extra: boolean) => [
		['合计', '', z(f.total), z(f.basic), z(f.project), ...(extra ? [z(0), z(0), z(0)] : [])],
		...f.functions.map((r) => [r.code, r.name, z(r.total), z(r.basic), z(r.project), ...(extra ? [z(0), z(0), z(0)] : [])])
	];

	// 公开06: 人员经费 (301, 303) in the first group, 公用经费 302 in the second, 310 in the third.
	const group = (codes: string[]) => f.economics.filter((r) => codes.includes(r.code.slice(0, 3))).map((r) => [r.code, r.name, z(r.total)]);
	const g1 = group(['301', '303']);
	const g2 = group(['302']);
	const zeros = (before: boolean) => (bareThirdGroup ? [] : NATIONAL_ZERO_ECONOMIC.filter((r) => r.before310 === before).map((r) => [r.code, r.name, z(0)]));
	const g3 = [...zeros(true), ...group(['310']), ...zeros(false)];
	const rows06: string[][] = [];
	for (let i = 0; i < Math.max(g1.length, g2.length, g3.length); i++) rows06.push([...(g1[i] ?? ['', '', '']), ...(g2[i] ?? ['', '', '']), ...(g3[i] ?? ['', '', ''])]);
	rows06.push(['人员经费合计', '', z(f.personnel), '公用经费合计', '', '', '', '', z(f.public)]);

	const tp = f.threePublic;
	const plan = f.threePublicBudget ?? tp;
	const sum = (t: typeof tp) => t.outbound + t.vehiclePurchase + t.vehicleOperation + t.reception;
	const proc = f.procurement;
	const procTotal = proc.goods + proc.works + proc.services;
	const rows09: string[][] = [
		['一、“三公”经费支出', '—', '—', '四、机关运行经费', z(f.operatingCost)],
		['（一）支出合计', z(sum(plan)), z(sum(tp)), '（一）行政单位', z(f.operatingCost)],
		['1．因公出国（境）费', z(plan.outbound), z(tp.outbound), '（二）参照公务员法管理事业单位', z(0)],
		['2．公务用车购置及运行维护费', z(plan.vehiclePurchase + plan.vehicleOperation), z(tp.vehiclePurchase + tp.vehicleOperation), '五、国有资产占用情况', '—'],
		['（1）公务用车购置费', z(plan.vehiclePurchase), z(tp.vehiclePurchase), '（一）车辆数合计（辆）', tp.vehicleOperation > 0 ? '2' : '0'],
		['（2）公务用车运行维护费', z(plan.vehicleOperation), z(tp.vehicleOperation), '六、政府采购支出信息', '—'],
		['3．公务接待费', z(plan.reception), z(tp.reception), '（一）政府采购支出合计', z(procTotal)],
		['（1）国内接待费', '—', z(tp.reception), '1．政府采购货物支出', z(proc.goods)],
		['（2）国（境）外接待费', '', z(0), '2．政府采购工程支出', z(proc.works)],
		['二、会议费', '—', z(0), '3．政府采购服务支出', z(proc.services)]
	];
	const plain = (cells: string[]) => cells.map((text) => ({ text }));
	return [
		{
			role: 'summary', marker: '公开01表', title: '收入支出决算总表', unitLine: head(true), columns: 4, note: '备注：本表反映部门本年度的总收支和年末结转结余等情况。', splitAfter: null,
			header: [[{ text: '收入', span: 2 }, { text: '支出', span: 2 }], plain(['项目', '决算数', '项目', '决算数'])],
			body: rows01
		},
		{
			role: 'other', marker: '公开03表', title: '支出决算表', unitLine: head(true), columns: 8, note: null, splitAfter: null,
			header: [
				[{ text: '项目', span: 2 }, ...plain(['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'])],
				plain(['功能分类科目编码', '科目名称', '', '', '', '', '', ''])
			],
			body: fnRows(true)
		},
		{
			role: 'function', marker: '公开05表', title: '一般公共预算财政拨款支出决算表', unitLine: head(true), columns: 5, note: '备注：本表反映部门本年度一般公共预算财政拨款支出情况。',
			splitAfter: Math.floor((f.functions.length + 1) / 2),
			header: [[{ text: '项目', span: 2 }, { text: '本年支出', span: 3 }], plain(['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'])],
			body: fnRows(false)
		},
		{
			role: 'economic', marker: '公开06表', title: '一般公共预算财政拨款基本支出决算表', unitLine: head(true).replace(`\t${year}年度`, ''), columns: 9,
			note: '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。', splitAfter: null,
			header: [[{ text: '人员经费', span: 3 }, { text: '公用经费', span: 6 }], plain(['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'])],
			body: rows06
		},
		{
			role: 'other', marker: '公开07表', title: '政府性基金预算财政拨款收入支出决算表', unitLine: head(true), columns: 5,
			note: '注：本单位无政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。', splitAfter: null,
			header: [[{ text: '项目', span: 2 }, { text: '本年支出', span: 3 }], plain(['功能分类科目编码', '科目名称', '合计', '基本支出', '项目支出'])],
			body: [['合计', '', '', '', '']]
		},
		{
			role: 'agency_info', marker: '公开09表', title: '机构运行信息表', unitLine: head(true), columns: 5,
			note: '注：预算数为年初部门预算批复数，决算数包括当年财政拨款预算和以前年度结转结余资金安排的实际支出。', splitAfter: null,
			header: [plain(['项目', '预算数', '决算数', '项目', '决算数'])],
			body: rows09
		}
	];
}

