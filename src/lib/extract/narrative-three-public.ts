/**
 * The 三公 passage of the prose: the total when stated, each item (因公出国（境）费, 公务用车购置及运行费,
 * its 购置 and 运行维护 parts, 公务接待费), and for a 决算 the 年初预算数 derived from the change
 * stated after each figure. 会议费 and 培训费 share the section in provincial disclosures but are not
 * 三公: no item pattern names them.
 */
import type { ThreePublicItem } from '../storage/schema';
import { NUM, figurePattern, firstMatch, type Hit } from './narrative-grammar';
import type { JoinedText } from './narrative-join';

/** A 三公 figure of the prose; `budget` is the 决算's 年初预算数 derived from the stated change. */
export type ThreePublicFigure = { value: number; line: number; budget: number | null };

const TOTAL = figurePattern('三公经费');
/** Each item's name as printed; 购置 may stand without 费 (公务用车购置预算支出0万元). */
const ITEMS: [ThreePublicItem, RegExp][] = [
	['outbound', figurePattern('因公出国[（(]境[）)]费(?:用)?')],
	['vehicle', figurePattern('公务用车购置[及和与]运行(?:维护)?费')],
	['vehicle_purchase', figurePattern('公务(?:用)?车(?:辆)?购置(?:费)?')],
	['vehicle_operation', figurePattern('公务(?:用)?车运行(?:维护|维修)?费')],
	['reception', figurePattern('公务接待费')]
];
/** "较年初预算数减少7.02万元": the change from the budget, stated after a 决算 figure. */
const BUDGET_CHANGE = new RegExp(`较年初预算(?:数)?(增加|增长|减少|下降)(${NUM})(?!\\d|%|\\.)`);
/** How far after a figure its stated change may stand (a clause of explanation between them). */
const CHANGE_REACH = 300;

/** The 三公 figures the prose states; `isFinal` enables budget figures derived from changes. */
export function readThreePublic(joined: JoinedText, isFinal: boolean): Partial<Record<ThreePublicItem, ThreePublicFigure>> {
	const out: Partial<Record<ThreePublicItem, ThreePublicFigure>> = {};
	const total = firstMatch(joined, [TOTAL]);
	const start = total ? total.end : joined.text.indexOf('三公经费');
	if (start < 0) return out;
	const withBudget = (hit: Hit): ThreePublicFigure => ({ value: hit.value, line: hit.line, budget: isFinal ? budgetFromChange(joined, hit) : null });
	if (total) out.total = withBudget(total);
	// Items are read from the 三公 passage on (its total, else where 三公经费 is first named), so that
	// the same words elsewhere (公务接待费 inside 机关运行经费) are not taken for them.
	for (const [item, re] of ITEMS) {
		const hit = firstMatch(joined, [re], start);
		if (hit) out[item] = withBudget(hit);
	}
	return out;
}

/** The change stated after a figure, up to where the next 三公 item is named. */
function budgetFromChange(joined: JoinedText, hit: Hit): number | null {
	const nextItem = Math.min(...ITEMS.map(([, re]) => firstMatch(joined, [re], hit.end)?.index ?? Infinity));
	const m = BUDGET_CHANGE.exec(joined.text.slice(hit.end, Math.min(nextItem, hit.end + CHANGE_REACH)));
	if (!m) return null;
	const change = Number(m[2].replace(/,/g, ''));
	const budget = m[1] === '减少' || m[1] === '下降' ? hit.value + change : hit.value - change;
	return Math.round(budget * 100) / 100;
}
