/**
 * The headline figures of the prose: 收入/支出 totals, 基本/项目支出, 人员/公用经费, 机关运行经费 and
 * 政府采购 with its 货物/工程/服务 parts, plus the figures that only serve checks (the year's
 * spending 本年支出合计, 单位预留机动经费). Each is a label in the sentence grammar of
 * narrative-grammar.ts; what a label must not follow is said where it matters.
 */
import type { SummaryMeasure } from '../storage/schema';
import { AMOUNT, MEASURE_WORDS, figurePattern, firstMatch, hitOf, type Hit } from './narrative-grammar';
import type { JoinedText } from './narrative-join';

/**
 * A total of one fund or source (财政拨款收入预算总计, 财政专户管理资金收入预算总计) is a part of the
 * department's total, and a label after 、 belongs to a joint label (收入、支出预算总计).
 */
const NOT_A_PART = '(?<!财政拨款|公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|专户管理资金|其他资金|事业|经营|上级补助|附属单位|[、和与及])';
/** 收入、支出预算总计 / 收支总预算: one amount for both totals. */
const JOINT_TOTAL = `${NOT_A_PART}收(?:入)?[、和与及]?支(?:出)?(?:预算)?(?:总计|总预算)`;
/** A total word is required: 一般公共预算拨款政府采购3.03万元 is the general budget's share. */
const PROCUREMENT_TOTAL = '政府采购(?:预算|支出)*(?:总额|总金额|合计|总计)';

const SUMMARY_LABELS: [SummaryMeasure, string[]][] = [
	['income_total', [`${NOT_A_PART}收入(?:预算)?总计`, JOINT_TOTAL, String.raw`收入预算[：:]?(?:\d{4}年)?年初预算数`]],
	['expenditure_total', [`${NOT_A_PART}支出(?:预算)?总计`, JOINT_TOTAL, String.raw`支出预算[：:]?(?:\d{4}年)?年初预算数`]],
	['basic', ['基本支出']],
	['project', ['项目支出']],
	['personnel', ['人员经费']],
	['public', ['公用经费']],
	['operating_cost', ['运行经费']],
	['procurement_total', [PROCUREMENT_TOTAL]],
	['procurement_goods', ['政府采购货物(?:类)?']],
	['procurement_works', ['政府采购工程(?:类)?']],
	['procurement_services', ['政府采购服务(?:类)?']]
];
const SUMMARY_PATTERNS = SUMMARY_LABELS.map(([m, labels]) => [m, labels.map(figurePattern)] as const);

/** 支出合计 of the year — not a 三公经费支出合计. */
const CURRENT_EXPENDITURE = [figurePattern('本年支出(?:预算)?合计'), new RegExp(`(?<!经费)支出合计${AMOUNT}`, 'g')];
/** 单位预留机动经费: the provincial template's third part of the year's spending, beside 基本/项目. */
const RESERVE = [figurePattern('(?<!单位)(?:单位)?预留机动经费')];

const PROCUREMENT_PARTS = { procurement_goods: '货物', procurement_works: '工程', procurement_services: '服务' } as const;

/** The headline measures the prose states, each at its first statement. */
export function readSummary(joined: JoinedText): Partial<Record<SummaryMeasure, { value: number; line: number }>> {
	const summary: Partial<Record<SummaryMeasure, { value: number; line: number }>> = {};
	for (const [measure, patterns] of SUMMARY_PATTERNS) {
		const hit = firstMatch(joined, patterns);
		if (hit) summary[measure] = { value: hit.value, line: hit.line };
	}
	const total = firstMatch(joined, [figurePattern(PROCUREMENT_TOTAL)]);
	if (total) {
		// The breakdown of the stated total wins over a part named elsewhere.
		for (const [measure, hit] of procurementBreakdown(joined, total)) summary[measure] = { value: hit.value, line: hit.line };
	}
	return summary;
}

/** The year's spending (本年支出合计), or null. */
export function readCurrentExpenditure(joined: JoinedText): Hit | null {
	return firstMatch(joined, CURRENT_EXPENDITURE);
}

/** 单位预留机动经费, or null. */
export function readReserve(joined: JoinedText): Hit | null {
	return firstMatch(joined, RESERVE);
}

/**
 * The parts named in the breakdown of the 政府采购 total: the rest of its sentence (总额X万元，其中：
 * 拟采购货物支出…) and the next sentence when it opens with 其中 (总金额为X万元。其中拟购买货物…). A part
 * opens a clause (after ：，、； or 其中), so 物业服务合同 or 政府购买服务 elsewhere is never one.
 */
function procurementBreakdown(joined: JoinedText, total: Hit): [keyof typeof PROCUREMENT_PARTS, Hit][] {
	const end = breakdownEnd(joined.text, total.end);
	const parts: [keyof typeof PROCUREMENT_PARTS, Hit][] = [];
	for (const [measure, word] of Object.entries(PROCUREMENT_PARTS) as [keyof typeof PROCUREMENT_PARTS, string][]) {
		const re = new RegExp(`(?:^|(?<=[：:，,、；;]|其中))(?:拟)?(?:政府)?(?:采购|购买|购置)?${word}(?:类)?(?:采购)?${MEASURE_WORDS}${AMOUNT}`, 'g');
		const m = re.exec(joined.text.slice(total.end, end));
		const hit = m && hitOf(joined, m, total.end);
		if (hit) parts.push([measure, hit]);
	}
	return parts;
}

/** Where the sentence holding a figure ends, or the next one when that opens with 其中. */
function breakdownEnd(text: string, from: number): number {
	const stop = (i: number) => {
		const at = text.indexOf('。', i);
		return at < 0 ? text.length : at + 1;
	};
	const first = stop(from);
	return text.startsWith('其中', first) ? stop(first) : first;
}
