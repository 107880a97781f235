/**
 * Stage 6: figures stated in prose. The narrative (情况说明) repeats the key figures — totals,
 * 基本支出/项目支出, 人员经费/公用经费, each 类 of spending, each 三公 item, 机关运行经费 and
 * 政府采购 — in sentences that PDF export breaks across lines. Lines are joined with spaces and
 * quotes removed, keeping a map from each character back to its source line.
 */
import type { SourceLine } from './layout';
import { FUNCTION_CLASS_NAMES, functionClassCode } from './classification';
import type { SummaryMeasure, ThreePublicItem } from '../storage/schema';

export interface NarrativeFigure {
	value: number;
	line: number;
}

export interface NarrativeFigures {
	summary: Partial<Record<SummaryMeasure, NarrativeFigure>>;
	/** 三公 items: the stated amount, and for 决算 the 年初预算数 derived from the stated change. */
	threePublic: Partial<Record<ThreePublicItem, NarrativeFigure & { budget: number | null }>>;
	/** 类-level spending by code. */
	functionClasses: (NarrativeFigure & { code: string; name: string })[];
	/** 支出合计: the year's spending, without the 年末结转和结余 that a 决算's 支出总计 holds. */
	currentExpenditure: NarrativeFigure | null;
}

interface JoinedText {
	text: string;
	lineAt: (offset: number) => number;
}

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
/** A figure in 万元 after its label, possibly after a copula (基本支出为 356.48 万元). */
const FIGURE = `(?:为|是|达)?${NUM}万元`;

const SUMMARY_PATTERNS: [SummaryMeasure, RegExp[]][] = [
	['income_total', [new RegExp(`收入总计${FIGURE}`), new RegExp(`收入预算[：:]?(?:\\d{4}年)?年初预算数${FIGURE}`)]],
	['expenditure_total', [new RegExp(`支出总计${FIGURE}`), new RegExp(`支出预算[：:]?(?:\\d{4}年)?年初预算数${FIGURE}`)]],
	['basic', [new RegExp(`基本支出${FIGURE}`)]],
	['project', [new RegExp(`项目支出${FIGURE}`)]],
	['personnel', [new RegExp(`人员经费${FIGURE}`)]],
	['public', [new RegExp(`公用经费${FIGURE}`)]],
	['operating_cost', [new RegExp(`运行经费(?:支出)?${FIGURE}`)]],
	['procurement_total', [new RegExp(`政府采购(?:预算|支出)?总额${FIGURE}`)]],
	['procurement_goods', [new RegExp(`政府采购货物(?:预算|支出)${FIGURE}`)]],
	['procurement_works', [new RegExp(`政府采购工程(?:预算|支出)${FIGURE}`)]],
	['procurement_services', [new RegExp(`政府采购服务(?:预算|支出)${FIGURE}`)]]
];

const THREE_PUBLIC_TOTAL = new RegExp(`三公经费(?:预算|支出共计|支出合计|支出)?(?:数)?${FIGURE}`);
const THREE_PUBLIC_ITEMS: [ThreePublicItem, RegExp][] = [
	['outbound', new RegExp(`因公出国[（(]境[）)]费(?:用)?${FIGURE}`)],
	['vehicle', new RegExp(`公务用车购置及运行(?:维护)?费${FIGURE}`)],
	['vehicle_purchase', new RegExp(`公务(?:用)?车购置费${FIGURE}`)],
	['vehicle_operation', new RegExp(`公务(?:用)?车运行(?:维护)?费${FIGURE}`)],
	['reception', new RegExp(`公务接待费${FIGURE}`)]
];
/** 支出合计 of the year — not a 三公经费支出合计. */
const CURRENT_EXPENDITURE = [new RegExp(`本年支出合计${FIGURE}`), new RegExp(`(?<!经费)支出合计${FIGURE}`)];
/** "较年初预算数减少7.02万元": the change from the budget, stated after a 决算 figure. */
const BUDGET_CHANGE = new RegExp(`较年初预算(?:数)?(增加|增长|减少|下降)${NUM}(?!\\d|%|\\.)`);

/** Page numbers as PDF text prints them: `— 2 —`, `- 3 -`, `第 4 页`, `第 4 页 共 9 页`, `4/9`. */
const PAGE_NUMBER = /^(?:[-—–－]+\d+[-—–－]+|第\d+页(?:[，,]?共\d+页)?|\d+\/\d+)$/;

/**
 * Joins narrative lines into one searchable string. Page furniture that PDF text leaves between a
 * label and its figure is left out; so is the 类 marker of the 决算 wording (一般公共服务（类）支出).
 */
export function joinNarrative(lines: readonly SourceLine[]): JoinedText {
	let text = '';
	const starts: number[] = [];
	const nos: number[] = [];
	const squeezed = lines.map((l) => l.text.replace(/[\s“”"‘’]/g, ''));
	const furniture = pageFurniture(squeezed);
	lines.forEach((line, i) => {
		if (!squeezed[i] || furniture.has(squeezed[i])) return;
		let cleaned = squeezed[i].replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
		if (cleaned.includes('类')) cleaned = cleaned.replace(/[（(]类[）)]/g, '');
		if (!cleaned) return;
		starts.push(text.length);
		nos.push(line.no);
		text += cleaned;
	});
	// A full-width comma between digit groups (１，４５２．３６) is a thousands separator, not a
	// sentence comma; same length, so offsets still map to their lines.
	text = text.replace(/(\d)，(?=\d{3}(?!\d))/g, '$1,');
	const lineAt = (offset: number) => {
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (starts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return nos[lo] ?? 0;
	};
	return { text, lineAt };
}

/**
 * Page numbers, and the running head: a line naming the 预算/决算 that is not a sentence, states
 * no figure, and repeats (the title printed at the top of every page).
 */
function pageFurniture(squeezed: readonly string[]): Set<string> {
	const seen = new Map<string, number>();
	for (const t of squeezed) seen.set(t, (seen.get(t) ?? 0) + 1);
	const isRunningHead = (t: string) => (seen.get(t) ?? 0) >= 2 && /预算|决算/.test(t) && !/[，。；：:]|万元/.test(t);
	return new Set(squeezed.filter((t) => PAGE_NUMBER.test(t) || isRunningHead(t)));
}

const toNumber = (s: string) => Number(s.replace(/,/g, ''));

/** Reads the figures the narrative states; `isFinal` enables budget figures derived from changes. */
export function readNarrative(lines: readonly SourceLine[], isFinal: boolean): NarrativeFigures {
	const joined = joinNarrative(lines);
	const summary: NarrativeFigures['summary'] = {};
	for (const [measure, patterns] of SUMMARY_PATTERNS) {
		const hit = firstMatch(joined, patterns, 0);
		if (hit) summary[measure] = { value: hit.value, line: hit.line };
	}
	const current = firstMatch(joined, CURRENT_EXPENDITURE, 0);
	return {
		summary,
		threePublic: readThreePublic(joined, isFinal),
		functionClasses: readFunctionClasses(joined),
		currentExpenditure: current ? { value: current.value, line: current.line } : null
	};
}

function firstMatch(joined: JoinedText, patterns: RegExp[], from: number): { value: number; line: number; end: number } | null {
	let best: { value: number; line: number; end: number; index: number } | null = null;
	for (const re of patterns) {
		const m = new RegExp(re.source, 'g');
		m.lastIndex = from;
		const r = m.exec(joined.text);
		if (r && (!best || r.index < best.index)) {
			const numStart = r.index + r[0].indexOf(r[1]);
			best = { value: toNumber(r[1]), line: joined.lineAt(numStart), end: r.index + r[0].length, index: r.index };
		}
	}
	return best;
}

function readThreePublic(joined: JoinedText, isFinal: boolean): NarrativeFigures['threePublic'] {
	const out: NarrativeFigures['threePublic'] = {};
	const total = firstMatch(joined, [THREE_PUBLIC_TOTAL], 0);
	if (!total) return out;
	// Items are read from the 三公 passage on, so that the same words elsewhere
	// (e.g. 公务接待费 inside 机关运行经费) are not taken for them.
	const start = total.end;
	out.total = { value: total.value, line: total.line, budget: isFinal ? budgetFromChange(joined, total) : null };
	for (const [item, re] of THREE_PUBLIC_ITEMS) {
		const hit = firstMatch(joined, [re], start);
		if (hit) out[item] = { value: hit.value, line: hit.line, budget: isFinal ? budgetFromChange(joined, hit) : null };
	}
	return out;
}

/** The change stated after a figure, up to where the next 三公 item is named. */
function budgetFromChange(joined: JoinedText, hit: { value: number; end: number }): number | null {
	const nextItem = Math.min(
		...THREE_PUBLIC_ITEMS.map(([, re]) => {
			const m = new RegExp(re.source, 'g');
			m.lastIndex = hit.end;
			return m.exec(joined.text)?.index ?? Infinity;
		})
	);
	const m = BUDGET_CHANGE.exec(joined.text.slice(hit.end, Math.min(nextItem, hit.end + 300)));
	if (!m) return null;
	const change = toNumber(m[2]);
	const budget = m[1] === '减少' || m[1] === '下降' ? hit.value + change : hit.value - change;
	return Math.round(budget * 100) / 100;
}

function readFunctionClasses(joined: JoinedText): NarrativeFigures['functionClasses'] {
	const names = FUNCTION_CLASS_NAMES.map((n) => n.replace(/[()（）]/g, '\\$&')).join('|');
	const re = new RegExp(`(${names})(?:预算)?${FIGURE}`, 'g');
	const out: NarrativeFigures['functionClasses'] = [];
	for (const m of joined.text.matchAll(re)) {
		const code = functionClassCode(m[1]);
		if (!code || out.some((f) => f.code === code)) continue;
		const numStart = (m.index ?? 0) + m[0].indexOf(m[2], m[1].length);
		out.push({ code, name: m[1], value: toNumber(m[2]), line: joined.lineAt(numStart) });
	}
	return out;
}
