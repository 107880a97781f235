/**
 * The grammar of a figure in prose: what is measured (a label), measure words (预算, 支出, 总计,
 * 合计, 数 …), an optional copula (为/是/达), then the amount and its unit. 基本支出预算数为612.08万元,
 * 机关运行经费预算支出321.09万元, 政府采购支出预算总额300.50万元 and 公务接待费14,500元 are all
 * this one shape, so a wording not seen before is read as long as it keeps to it.
 */
import type { JoinedText } from './narrative-join';
import { withoutCommas } from './amount';
import { convertAmount } from './units';

/** A number as printed: digit groups separated by commas, or plain digits; decimals optional. */
export const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;

/**
 * Words that stand between what is measured and its amount. A word that names something else
 * (中, 的, 占, 各增加, 及) ends the label, so 占三公经费的10% or 收、支总计各增加50万元 is no figure.
 */
export const MEASURE_WORDS = '(?:预算|决算|支出|总计|合计|总额|总金额|金额|数|安排|共计)*';

/** Factor from the unit a sentence states to 万元. */
const UNIT_SCALE: Record<string, number> = { 元: 0.0001, 千元: 0.1, 万元: 1, 亿元: 10000 };

/**
 * An amount with its unit — a percentage, a count (辆) or a bare number is never one — or a 0 after
 * a copula without a unit (公务用车购置为0，): zero is zero in any unit. An amount's digits start
 * after a non-digit: the tail of a longer number is none of its own (1234,567万元 is not 234,567
 * 万元), and a run of digits is not read again from each of its digits (its length squared).
 */
export const AMOUNT = String.raw`(?:(?:为|是|达)?(?<!\d)(?<num>${NUM})(?<unit>亿元|万元|千元|元)|(?:为|是)(?<zero>0(?:\.0+)?)(?![\d.])(?=[，。；、,;）)]|$))`;

/**
 * A verb of change just before the label makes the amount a change, not the level: 增加基本支出
 * 844.15万元 says by how much 基本支出 grew.
 */
const CHANGE_VERBS = ['增加', '减少', '增长', '下降', '降低', '调增', '调减', '新增', '压减', '节约', '节省'];
export const NOT_A_CHANGE = `(?<!${CHANGE_VERBS.join('|')})`;

/** `label` (a regex source), measure words, the amount: one figure of the prose. */
export function figurePattern(label: string): RegExp {
	return new RegExp(`${NOT_A_CHANGE}${label}${MEASURE_WORDS}${AMOUNT}`, 'g');
}

/** A figure found in the joined prose: its value in 万元, its line, and where the match stands. */
export interface Hit {
	value: number;
	line: number;
	index: number;
	end: number;
}

/** The earliest figure any of `patterns` finds in text[from, to), or null. */
export function firstMatch(joined: JoinedText, patterns: readonly RegExp[], from = 0, to = joined.text.length): Hit | null {
	let best: Hit | null = null;
	// Sliced so that a pattern cannot run past `to` (the end of a passage or sentence).
	const text = joined.text.slice(from, to);
	for (const re of patterns) {
		const m = searchFromStart(re, text);
		if (!m || (best && m.index + from >= best.index)) continue;
		const hit = hitOf(joined, m, from);
		if (hit) best = hit;
	}
	return best;
}

/**
 * A pattern as it is searched: a 'g' copy, made once per pattern (not per search), its lastIndex
 * reset before each use — and without a leading NOT_A_CHANGE, which is tested in code instead
 * (`guarded`): the regex engine tried the lookbehind's eleven words at every position of the text
 * before the label's first character, which made the search about twice as slow.
 */
export interface Search {
	re: RegExp;
	guarded: boolean;
}

const fromStart = new WeakMap<RegExp, Search>();

function searchFromStart(re: RegExp, text: string): RegExpExecArray | null {
	let search = fromStart.get(re);
	if (!search) fromStart.set(re, (search = unguarded(re)));
	search.re.lastIndex = 0;
	return execGuarded(search, text);
}

/** A 'g' copy of `re`, its leading NOT_A_CHANGE (if any) left to execGuarded. */
export function unguarded(re: RegExp): Search {
	const guarded = re.source.startsWith(NOT_A_CHANGE);
	return { re: new RegExp(guarded ? re.source.slice(NOT_A_CHANGE.length) : re.source, 'g'), guarded };
}

/**
 * The next match from `search.re.lastIndex` on, as the pattern with its NOT_A_CHANGE finds it: a
 * match right after a verb of change is passed over and the search resumes one character later,
 * as the engine does when the lookbehind fails, so the matches are the same.
 */
export function execGuarded(search: Search, text: string): RegExpExecArray | null {
	for (;;) {
		const m = search.re.exec(text);
		if (!m || !search.guarded || !followsChange(text, m.index)) return m;
		search.re.lastIndex = m.index + 1;
	}
}

/** Whether a verb of change ends at `at` (what the lookbehind tests). */
const followsChange = (text: string, at: number) => CHANGE_VERBS.some((verb) => at >= verb.length && text.startsWith(verb, at - verb.length));

/** The value (in 万元) and line of a match of a figure pattern found at `offset` in the prose. */
export function hitOf(joined: JoinedText, m: RegExpExecArray, offset: number): Hit | null {
	const g = m.groups ?? {};
	const at = amountStart(m);
	if (at === null) return null;
	const value = g.zero !== undefined ? 0 : toWan(g.num, g.unit);
	return { value, line: joined.lineAt(at + offset), index: m.index + offset, end: m.index + m[0].length + offset };
}

/**
 * Where a figure match's amount (group `num`, else `zero`) starts, or null without one. A figure
 * pattern ends in its amount and unit, and no unit holds a digit, comma or point, so the amount is
 * the last place its text occurs in the match: what the 'd' flag's indices say, without the cost
 * of building indices for every match.
 */
export function amountStart(m: RegExpExecArray): number | null {
	const amount = m.groups?.num ?? m.groups?.zero;
	return amount === undefined ? null : m.index + m[0].lastIndexOf(amount);
}

/** A printed number in `unit` → 万元, exact to the cent (the same conversion as a table's). */
function toWan(num: string, unit: string): number {
	const scale = UNIT_SCALE[unit] ?? 1;
	return Number(scale === 1 ? withoutCommas(num) : convertAmount(num, scale));
}
