/**
 * Chinese labels for the data's codes: document kinds, 三公 items, summary measures, columns.
 */
import type { DocumentKind, SummaryMeasure, ThreePublicItem } from '$lib/storage/schema';
import type { KindFilter, YearRange } from '$lib/filters/model';

const KIND_LABELS: Record<KindFilter, string> = { budget: '预算', final: '决算', both: '预算和决算' };

/** `budget` → `预算`, `final` → `决算`, `both` → `预算和决算`; unknown values are returned as given. */
export function kindLabel(kind: DocumentKind | KindFilter | string): string {
	return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as KindFilter] : kind;
}

const THREE_PUBLIC_LABELS: Record<ThreePublicItem, string> = {
	total: '“三公”经费合计',
	outbound: '因公出国（境）费',
	vehicle: '公务用车购置及运行维护费',
	vehicle_purchase: '公务用车购置费',
	vehicle_operation: '公务用车运行维护费',
	reception: '公务接待费'
};

/** The printed name of a 三公 item (`reception` → `公务接待费`). */
export function threePublicLabel(item: ThreePublicItem | string): string {
	return Object.hasOwn(THREE_PUBLIC_LABELS, item) ? THREE_PUBLIC_LABELS[item as ThreePublicItem] : item;
}

const MEASURE_LABELS: Record<SummaryMeasure, string> = {
	income_total: '收入合计',
	expenditure_total: '支出合计',
	basic: '基本支出',
	project: '项目支出',
	personnel: '人员经费',
	public: '公用经费',
	operating_cost: '机关运行经费',
	procurement_total: '政府采购支出合计',
	procurement_goods: '政府采购货物支出',
	procurement_works: '政府采购工程支出',
	procurement_services: '政府采购服务支出'
};

/**
 * The Chinese name of a summary measure — or of a measure of narrative_figures:
 * `three_public.reception` → 公务接待费, `function.201` → 功能分类 201 类,
 * `general_budget_expenditure` → 一般公共预算财政拨款支出.
 */
export function measureLabel(measure: SummaryMeasure | string): string {
	if (Object.hasOwn(MEASURE_LABELS, measure)) return MEASURE_LABELS[measure as SummaryMeasure];
	if (Object.hasOwn(NARRATIVE_MEASURES, measure)) return NARRATIVE_MEASURES[measure];
	if (measure.startsWith('three_public.')) return threePublicLabel(measure.slice('three_public.'.length));
	const code = /^function\.(\d+)$/.exec(measure);
	return code ? `功能分类 ${code[1]} 类` : measure;
}

const NARRATIVE_MEASURES: Record<string, string> = {
	general_budget_income: '一般公共预算财政拨款收入',
	general_budget_expenditure: '一般公共预算财政拨款支出'
};

const RELATION_LABELS: Record<string, string> = { prior_year: '上年', initial_budget: '年初预算数' };

/** What a derived figure is compared with: `prior_year` → 上年, `initial_budget` → 年初预算数. */
export function relationLabel(relation: string): string {
	return Object.hasOwn(RELATION_LABELS, relation) ? RELATION_LABELS[relation] : relation;
}

/** How a derived point is labelled: `据2022年决算文字推算`, naming the disclosure whose prose implies it. */
export function derivedLabel(year: number, kind: DocumentKind | string): string {
	return `据${year}年${kindLabel(kind)}文字推算`;
}

const COLUMN_LABELS: Record<string, string> = {
	doc_id: '文件编号',
	source_file: '源文件',
	district: '区县',
	department: '部门',
	department_kind: '部门类别',
	year: '年度',
	kind: '类型',
	title: '标题',
	layout: '版式',
	code: '科目编码',
	name: '科目名称',
	level: '级次',
	parent_code: '上级科目',
	total: '合计（万元）',
	basic: '基本支出（万元）',
	project: '项目支出（万元）',
	personnel: '人员经费（万元）',
	public: '公用经费（万元）',
	item: '项目',
	budget: '预算数（万元）',
	actual: '决算数（万元）',
	measure: '指标',
	value: '数值（万元）',
	source: '来源',
	source_line: '源文件行号',
	source_page: '源文件页码',
	rule: '核对规则',
	expected: '应为',
	ok: '通过',
	detail: '说明',
	severity: '级别',
	stage: '环节',
	message: '信息',
	scheme: '分类体系',
	scope: '范围',
	figure_year: '推算数年度',
	figure_kind: '推算数类型',
	relation: '比较基准',
	current_value: '本年数（万元）',
	stated_change: '所述增减（万元）',
	stated_percent: '所述增减率（%）',
	stated_points: '所述增减（个百分点）',
	reason: '原因说明',
	reason_line: '原因所在行',
	reason_page: '原因所在页'
};

/** The Chinese header for a column name (falls back to the name itself). */
export function columnLabel(name: string): string {
	return Object.hasOwn(COLUMN_LABELS, name) ? COLUMN_LABELS[name] : name;
}

/** `{from: 2021, to: 2025}` → `2021–2025年`; a single year → `2023年`; null → `全部年度`. */
export function yearRangeLabel(years: YearRange | null): string {
	if (!years) return '全部年度';
	return years.from === years.to ? `${years.from}年` : `${years.from}–${years.to}年`;
}

/**
 * The name of a disclosing unit: district and department kind, `九龙坡区·政务服务管理办公室`. Every
 * series, bar and row that holds one unit's figures is named so — two departments of a district
 * are two units, never one district line.
 */
export function unitLabel(district: string, unit: string): string {
	return `${district}·${unit}`;
}

/** `2023–2025年` for the span of `years` (`2023年` for one year); `''` for none. */
export function yearSpanLabel(years: readonly number[]): string {
	if (years.length === 0) return '';
	const from = Math.min(...years);
	const to = Math.max(...years);
	return yearRangeLabel({ from, to });
}
