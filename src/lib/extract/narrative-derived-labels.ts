/**
 * What a figure of the prose measures, read from the words just before its amount (the clause
 * since the last ，。；、). Measures are named as in summary.measure, plus `general_budget_income` /
 * `general_budget_expenditure` (一般公共预算财政拨款收入/支出), `three_public.<item>` and
 * `function.<code>` (类-level spending). A label that names none of them (结转和结余, 会议费, 人数)
 * gives null, so a change stated after it is never pinned on another figure.
 */
import { FUNCTION_CLASS_NAMES, functionClassCode } from './classification';
import { MEASURE_WORDS } from './narrative-grammar';

/** A fund's or source's own total is a part of the department's, not its total. */
const NOT_A_PART = '(?<!财政拨款|公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|专户管理资金|其他资金|事业|经营|上级补助|附属单位)';

const LABELS: [string, string][] = [
	['income_total', `(?:${NOT_A_PART}收入(?:预算)?总计|收入预算[：:]?(?:\\d{4}年)?年初预算数)`],
	['expenditure_total', `(?:${NOT_A_PART}支出(?:预算)?总计|支出预算[：:]?(?:\\d{4}年)?年初预算数)`],
	['general_budget_income', '一般公共(?:预算)?(?:财政)?拨款收入'],
	['general_budget_expenditure', '一般公共(?:预算)?(?:财政)?拨款支出'],
	['basic', '基本支出'],
	['project', '项目支出'],
	['personnel', '人员经费'],
	['public', '公用经费'],
	['operating_cost', '运行经费'],
	['procurement_total', '政府采购(?:预算|支出)*(?:总额|总金额|合计|总计)'],
	['three_public.total', '三公经费'],
	['three_public.outbound', '因公出国[（(]境[）)]费(?:用)?'],
	['three_public.vehicle', '公务用车购置[及和与]运行(?:维护)?费'],
	['three_public.vehicle_purchase', '公务(?:用)?车(?:辆)?购置(?:费)?'],
	['three_public.vehicle_operation', '公务(?:用)?车运行(?:维护|维修)?费'],
	['three_public.reception', '公务接待费']
];

const escape = (s: string) => s.replace(/[()（）]/g, '\\$&');
const CLASS = new RegExp(`(?<name>${FUNCTION_CLASS_NAMES.map(escape).join('|')})(?:预算)?${MEASURE_WORDS}(?:为|是|达)?$`);
const PATTERNS = LABELS.map(([measure, label]) => [measure, new RegExp(`(?:${label})${MEASURE_WORDS}(?:为|是|达)?$`)] as const);

/** The measure a label names (its text up to the amount), or null. */
export function measureOfLabel(label: string): string | null {
	for (const [measure, re] of PATTERNS) if (re.test(label)) return measure;
	const m = CLASS.exec(label);
	const code = m?.groups ? functionClassCode(m.groups.name) : null;
	return code ? `function.${code}` : null;
}

/**
 * What a change names before 较/比 (收支较上年…, 支出预算较2024年…, 机关运行经费较…): the measures it
 * is about, [] when it names nothing (，较上年… / 费用支出较…: the figure just stated), or null when
 * it names something that is no measure here (人数较…, 培训费支出较…).
 */
export function measuresOfSubject(subject: string): string[] | null {
	const s = subject.replace(/^(?:其中[：:]?|此外|同时|另外)/, '').replace(/^\d{4}年度?/, '');
	if (/^(?:费用(?:支出)?)?$/.test(s)) return [];
	if (/^收[、]?支(?:总计)?$/.test(s)) return ['income_total', 'expenditure_total'];
	if (/^收入(?:预算)?(?:总计)?$/.test(s)) return ['income_total'];
	if (/^支出(?:预算)?(?:总计)?$/.test(s)) return ['expenditure_total'];
	const m = measureOfLabel(s);
	return m ? [m] : null;
}

const NAMES: Record<string, string> = {
	income_total: '收入总计',
	expenditure_total: '支出总计',
	general_budget_income: '一般公共预算财政拨款收入',
	general_budget_expenditure: '一般公共预算财政拨款支出',
	basic: '基本支出',
	project: '项目支出',
	personnel: '人员经费',
	public: '公用经费',
	operating_cost: '机关运行经费',
	procurement_total: '政府采购支出总额',
	'three_public.total': '“三公”经费',
	'three_public.outbound': '因公出国（境）费',
	'three_public.vehicle': '公务用车购置及运行维护费',
	'three_public.vehicle_purchase': '公务用车购置费',
	'three_public.vehicle_operation': '公务用车运行维护费',
	'three_public.reception': '公务接待费'
};

/** A measure in words, for check details (`function.201` → 类 201). */
export function measureWords(measure: string): string {
	return NAMES[measure] ?? measure.replace(/^function\.(\d+)$/, '功能分类 $1 类');
}
