/**
 * Which table a title names. The standard disclosure tables carry fixed words in their titles
 * (一般公共预算财政拨款支出, 基本支出, “三公”经费, 收支总表 …) whatever the district, province or
 * year; the variants (预算/决算, 功能科目/功能分类, 部门/财政拨款) differ in a few words only.
 */

export type TableKind =
	| 'function' // 一般公共预算（财政拨款）支出表: 功能分类 × 基本/项目, or one amount column
	| 'economic_basic' // 一般公共预算财政拨款基本支出表: 经济分类 × 人员/公用
	| 'economic_project' // 项目支出表 by 经济分类
	| 'three_public' // “三公”经费支出表 (with or without 会议费/培训费 columns)
	| 'agency_info' // 机构运行信息表 (决算): 三公 预算/决算, 机关运行经费, 政府采购
	| 'operating_cost' // 机关运行经费支出表: 经济分类 of the 机关运行经费
	| 'summary' // 收支总表
	| 'dept_expenditure' // 部门支出总表 / 支出决算表 / 财政拨款支出预算表 (all funds): cross-checks
	| 'other_fund' // 政府性基金 / 国有资本经营预算支出表: the other 财政拨款 funds, read only for cross-checks
	| 'skipped';

export interface Classified {
	kind: TableKind;
	/** Why a table is skipped, for the diagnostics. */
	reason?: string;
}

const SKIP: [RegExp, string][] = [
	[/绩效|自评/, '绩效表不含预决算金额'],
	[/采购/, '政府采购明细（总额取自机构运行信息表或文字说明）'],
	[/政府性基金/, '政府性基金预算表（本工具只提取一般公共预算）'],
	[/国有资本经营/, '国有资本经营预算表（本工具只提取一般公共预算）'],
	[/收入(?:预算|决算)?总表|收入(?:预算|决算)表/, '收入表（收入总额取自收支总表）']
];

/** 收支总表, 收支预算总表, 收入支出决算总表 … (预算/决算 may stand before 总表). */
const SUMMARY = /(?:收支|收入支出)(?:预算|决算)?总表/;
/** The general budget's spending by function: not its 基本支出 or 项目支出 part, not 收支. */
const GENERAL_FUNCTION = /一般公共预算(?:财政拨款)?支出(?:功能分类)?(?:预算|决算)?表/;

/** Classifies a table by its title. */
export function classifyTitle(title: string): Classified {
	const t = title.replace(/[\s“”"]/g, '');
	if (/政府性基金|国有资本经营/.test(t) && /支出/.test(t) && !/绩效|采购/.test(t)) return { kind: 'other_fund' };
	for (const [re, reason] of SKIP) if (re.test(t)) return { kind: 'skipped', reason };
	if (/三公/.test(t)) return { kind: 'three_public' };
	if (/机构运行信息/.test(t)) return { kind: 'agency_info' };
	if (/机关运行经费/.test(t)) return { kind: 'operating_cost' };
	if (/基本支出/.test(t)) return { kind: 'economic_basic' };
	if (/项目支出/.test(t) && /经济/.test(t)) return { kind: 'economic_project' };
	if (SUMMARY.test(t)) return { kind: 'summary' };
	if (GENERAL_FUNCTION.test(t)) return { kind: 'function' };
	if (/支出(?:预算|决算)?总表|支出决算表|支出预算表/.test(t)) return { kind: 'dept_expenditure' };
	return { kind: 'skipped', reason: '未识别的表' };
}
