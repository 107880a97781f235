/**
 * The grammar of a stated change in prose: what it compares with (较上年决算数, 比2024年, 较年初预算数,
 * 与上年相比), the verb and amount (增加525.88万元), an optional percentage (增长27.1% / 下降3个百分点),
 * and the level a change may say it is "持平" with. Each base says which figure the change implies:
 * the same unit's prior-year 决算 or 预算, or this year's 年初预算数.
 */
import type { DocumentKind } from '../storage/schema';
import { NUM } from './narrative-grammar';

export type Relation = 'prior_year' | 'initial_budget';

/** What a comparison base says about the implied figure, or null when it cannot be placed. */
export interface Base {
	relation: Relation;
	year: number;
	kind: DocumentKind;
}

/**
 * The base of a comparison. A year that is not the one before the document's cannot be placed
 * (a disclosure comparing with three years ago says nothing about last year).
 */
const BASE = String.raw`(?<base>上年(?:同期)?(?:决算数?|预算数?|支出数?|执行数)?|去年(?:同期)?|年初预算(?:数)?|(?<by>\d{4})年度?(?:决算数?|预算数?|支出数?)?)`;
const UP = '增加|增长|上升|提高|增';
const DOWN = '减少|下降|降低|减';
/**
 * The amount of a change: a number with a unit (万 alone as in 减少0万；), or a bare zero (增加0，).
 * A count (3人, 2辆) or a percentage without an amount is no change of a figure.
 */
const CHANGE_AMOUNT = String.raw`(?<num>${NUM})(?:(?<unit>亿元|万元|千元|元)|万(?=[，。；、,;]|$))|(?<zero>0(?:\.0+)?)(?=[，。；、,;]|$)`;
/** 增长27.1% / 下降0% / 增加2个百分点, right after the amount. */
const PERCENT = String.raw`^[，、,]?(?<pverb>${UP}|${DOWN})(?<pct>${NUM})(?<punit>%|％|个百分点)`;

/**
 * 较/比 + base + verb + amount, with what the clause names before 较 (收支较上年…, 机关运行经费较…), or
 * 与 + base + 相比，+ what it names + verb + amount (与2019年相比，财政拨款收、支总计各减少…).
 */
export const CHANGE = new RegExp(
	String.raw`(?:(?:较|比)${BASE}(?:相比)?[，,]?|与${BASE.replace('<base>', '<base2>').replace('<by>', '<by2>')}相比[，,]?(?<subject2>[^，。；;,]{0,24}?))各?(?<verb>${UP}|${DOWN})(?:${CHANGE_AMOUNT})`,
	'g'
);

/** 与上年持平 / 较上年持平 / 与2022年持平, directly after a figure. */
export const LEVEL = new RegExp(String.raw`^[，,]?(?:与|和|同|较|比)${BASE}(?:相比)?[，,]?(?:基本)?持平`);

export const PERCENT_AFTER = new RegExp(PERCENT);

const DOWN_VERB = new RegExp(`^(?:${DOWN})$`);

/** Whether a verb says the figure went down (the regex built once, not per change read). */
export const isDown = (verb: string): boolean => DOWN_VERB.test(verb);

/** Places a base (its words and the year it names) relative to the document's year and kind. */
export function placeBase(words: string, namedYear: string | undefined, year: number, kind: DocumentKind): Base | null {
	if (words.startsWith('年初预算')) return { relation: 'initial_budget', year, kind: 'budget' };
	if (namedYear !== undefined && Number(namedYear) !== year - 1) return null;
	const implied: DocumentKind = /决算|支出|执行/.test(words) ? 'final' : /预算/.test(words) ? 'budget' : kind;
	return { relation: 'prior_year', year: year - 1, kind: implied };
}
