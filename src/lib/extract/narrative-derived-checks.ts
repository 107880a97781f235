/**
 * The percentage a sentence prints against the one its own figures give: 增加Y万元、增长Z% says
 * Z = Y ÷ (X − Y). The figures are printed to the cent and the percentage to its decimals, so the
 * check allows what that rounding allows: the range of Y ÷ prior over every X and Y that round to
 * the printed ones, widened by half a unit of the percentage's last decimal.
 */
import { compare, type CheckRecord } from './checks';
import type { DerivedFigure } from './narrative-derived';
import { measureWords } from './narrative-derived-labels';
import { flatMap } from './flat-map';

/** Half a cent: how far a printed 万元 figure may be from the amount it rounds. */
const HALF_CENT = 0.005;

const RELATION_WORDS = { prior_year: '上年', initial_budget: '年初预算数' } as const;

/** One check per derived figure that states a percentage (`narrative_derived.percent:<measure>.<relation>`). */
export function derivedPercentChecks(figures: readonly DerivedFigure[]): CheckRecord[] {
	const out: CheckRecord[] = [];
	for (const f of figures) {
		if (f.stated_percent === null || f.percent_decimals === null) continue;
		const range = percentRange(f.current_value, f.stated_change);
		const rule = `narrative_derived.percent:${f.measure}.${f.relation}`;
		const detail = `文字所述${measureWords(f.measure)}较${RELATION_WORDS[f.relation]}变动 ${f.stated_change} 万元（${f.current_value} 万元对 ${f.value} 万元），按此应为 ${range ? range.mid.toFixed(2) : '—'}%，文字为 ${f.stated_percent}%`;
		if (!range) {
			// Nothing to divide by: only "no change, 0%" can be told right.
			out.push(compare(rule, f.stated_change === 0 ? 0 : null, f.stated_percent, detail, f.line));
			continue;
		}
		const half = 0.5 * 10 ** -f.percent_decimals;
		const tolerance = Math.max(range.hi - range.mid, range.mid - range.lo) + half;
		out.push(compare(rule, range.mid, f.stated_percent, detail, f.line, tolerance));
	}
	return out;
}

/**
 * 100 × change ÷ prior at the printed figures (`mid`) and at the ends of their rounding range; null
 * when the prior figure may be zero or less (a percentage of nothing).
 */
export function percentRange(current: number, change: number): { lo: number; mid: number; hi: number } | null {
	const prior = current - change;
	if (prior - 2 * HALF_CENT <= 0) return null;
	const at = (c: number, x: number) => (100 * c) / (x - c);
	const corners = flatMap([-1, 1], (dc) => [-1, 1].map((dx) => at(change + dc * HALF_CENT, current + dx * HALF_CENT)));
	return { lo: Math.min(...corners), mid: at(change, current), hi: Math.max(...corners) };
}

/** What the in-document check needs of a 三公 row read from the document's own table. */
interface TableThreePublic {
	item: string;
	budget: number | null;
	source_line: number;
}

/**
 * A 决算's 年初预算数 of a 三公 item as its prose implies it (较年初预算数减少 X 万元) against the
 * 预算数 its own 三公 table prints (`narrative_derived.figure:three_public.<item>.initial_budget`).
 * Only for rows read from a table: rows built from the prose would be compared with themselves.
 */
export function derivedTableChecks(figures: readonly DerivedFigure[], tableRows: readonly TableThreePublic[]): CheckRecord[] {
	const out: CheckRecord[] = [];
	for (const f of figures) {
		if (f.relation !== 'initial_budget' || !f.measure.startsWith('three_public.')) continue;
		const row = tableRows.find((r) => `three_public.${r.item}` === f.measure);
		if (!row || row.budget === null) continue;
		const detail = `据文字推算的${measureWords(f.measure)}年初预算数为 ${f.value} 万元，本文件三公经费表（第 ${row.source_line} 行）所列预算数为 ${row.budget} 万元`;
		out.push(compare(`narrative_derived.figure:${f.measure}.initial_budget`, row.budget, f.value, detail, f.line));
	}
	return out;
}
