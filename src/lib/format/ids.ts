/**
 * Chinese names for the extractor's internal ids shown on the document page: the layout a text was
 * read in, reconciliation rule ids (`economic.children_sum:302.public`) and diagnostic stages.
 * Pure; unknown values fall back to the raw id so nothing is hidden.
 */
import { measureLabel, threePublicLabel } from './labels';

const LAYOUT_LABELS: Record<string, string> = {
	tabs: '制表符分隔（保留空格）',
	spaces: '空格分隔',
	cells: '每格一行',
	narrative: '仅文字说明'
};

/** `tabs` → `制表符分隔（保留空格）`; null → `—`; unknown values are returned as given. */
export function layoutLabel(layout: string | null | undefined): string {
	if (layout === null || layout === undefined || layout === '') return '—';
	return Object.hasOwn(LAYOUT_LABELS, layout) ? LAYOUT_LABELS[layout] : layout;
}

const STAGE_LABELS: Record<string, string> = {
	decode: '解码',
	layout: '版式',
	tables: '表格',
	solve: '摆放',
	narrative: '文字说明',
	metadata: '元数据',
	check: '核对',
	write: '写入'
};

/** A diagnostic stage in Chinese (`check` → `核对`); unknown values are returned as given. */
export function stageLabel(stage: string): string {
	return Object.hasOwn(STAGE_LABELS, stage) ? STAGE_LABELS[stage] : stage;
}

/** Parts of rule ids: the table or source checked, the kind of check, and column / field names. */
const RULE_PARTS: Record<string, string> = {
	economic: '经济分类',
	economic_gov: '经济分类（政府预算）',
	economic_project_department: '项目支出经济分类（部门预算）',
	economic_project_government: '项目支出经济分类（政府预算）',
	function: '功能分类',
	cross: '表间',
	summary: '收支总表',
	narrative: '文字说明',
	three_public: '三公经费',
	unit: '金额单位',
	children_sum: '下级之和',
	row_sum: '行内之和',
	placement: '数字所在列',
	function_vs_other_table: '功能分类与其他表',
	function_total_vs_summary: '功能分类合计与总表',
	function_classes_sum: '功能分类各类之和',
	summary_class: '总表分类',
	summary_tables: '总表之间',
	basic_plus_project: '基本支出+项目支出',
	personnel_plus_public: '人员经费+公用经费',
	income_equals_expenditure: '收支相等',
	items_sum: '各项之和',
	vehicle_sum: '公务用车之和',
	magnitude: '数量级',
	narrative_derived: '文字推算数',
	percent: '增减率',
	figure: '对照实际数',
	prior_year: '上年',
	initial_budget: '年初预算数',
	general_budget_income: '一般公共预算财政拨款收入',
	general_budget_expenditure: '一般公共预算财政拨款支出',
	// Column / field names (before measure names, so `total` is 合计, not 三公经费合计).
	total: '合计',
	budget: '预算数',
	actual: '决算数'
};

function rulePart(part: string): string {
	if (Object.hasOwn(RULE_PARTS, part)) return RULE_PARTS[part];
	const measure = measureLabel(part);
	if (measure !== part) return measure;
	return threePublicLabel(part);
}

/**
 * A check rule id as a Chinese phrase built from its parts:
 * `economic.children_sum:302.public` → `经济分类 · 下级之和 · 302 · 公用经费`. Codes and unknown parts
 * are kept as printed.
 */
export function ruleLabel(rule: string): string {
	const colon = rule.indexOf(':');
	const head = colon < 0 ? rule : rule.slice(0, colon);
	const tail = colon < 0 ? '' : rule.slice(colon + 1);
	const parts = [...head.split('.'), ...(tail === '' ? [] : tail.split('.'))].filter((p) => p !== '');
	return parts.length === 0 ? rule : parts.map(rulePart).join(' · ');
}
