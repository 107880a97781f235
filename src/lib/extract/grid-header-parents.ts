/**
 * Which header words are parents (a word over several columns: 本年支出 over 合计/基本支出/项目支出,
 * 收入 over 项目名称/金额, “三公”经费 over its items) rather than (part of) one column's name.
 */
import { overlaps, standsOver, type Box } from './grid-cells';
import type { Slot } from './grid-columns';

/** A header word: text, extent and its line (-1 for columns carried over from the previous page). */
export interface HeaderCell extends Box {
	text: string;
	line: number;
	/** For a carried-over column: what the previous page's column held. */
	kind?: Slot['kind'];
}

/** Slots a box overlaps. */
export const cover = (c: Box, slots: readonly Slot[]): number[] => slots.map((s, i) => (overlaps(c, s) ? i : -1)).filter((i) => i >= 0);

/** The nearest edge of a word on `line` left (or right) of `box`, other than `box` itself; ±Infinity when none. */
function sideOf(cells: readonly HeaderCell[], line: number, box: HeaderCell, left: boolean): number {
	const xs = cells.filter((c) => c.line === line && !standsOver(c, box) && (left ? c.x1 <= box.x0 : c.x0 >= box.x1));
	return left ? Math.max(-Infinity, ...xs.map((c) => c.x1)) : Math.min(Infinity, ...xs.map((c) => c.x0));
}

/** `因公出国` over `（境）费`: the rest of a word wrapped in its cell, not a column under a parent. */
const isRestOfWord = (c: HeaderCell) => /^[（(]/.test(c.text);

/**
 * A parent by the header alone: the line under it holds words on both its sides, nearer to it
 * than the words beside it on its own line (收入 over 项目名称 and 金额; 本年支出 over 合计,
 * 基本支出, 项目支出). Where a word stands right under it, that word's line decides — unless that
 * word is a bracketed rest of its own (`因公出国` / `（境）费`) or the start of a word wrapped over
 * further lines (`单位` / `预留机动` / `经费` beside one-line 合计 and 结转下年资金).
 */
export function nestles(c: HeaderCell, cells: readonly HeaderCell[]): boolean {
	const lower = [...new Set(cells.map((d) => d.line).filter((l) => l > c.line))];
	const under = cells.filter((d) => d.line > c.line && standsOver(d, c));
	const first = under.length > 0 ? Math.min(...under.map((d) => d.line)) : null;
	if (first !== null && under.some((d) => (d.line === first && isRestOfWord(d)) || d.line > first)) return false;
	const [ownLeft, ownRight] = [sideOf(cells, c.line, c, true), sideOf(cells, c.line, c, false)];
	return (first === null ? lower : [first]).some((l) => {
		const [left, right] = [sideOf(cells, l, c, true), sideOf(cells, l, c, false)];
		return Number.isFinite(left) && Number.isFinite(right) && left > ownLeft && right < ownRight;
	});
}

/**
 * A word placed over one column is a parent when the next line down under it spreads wider: a
 * word over several columns, or words in the columns on both sides where its own line has none (a
 * parent centred over three columns touches only the middle one; at the table's edge, the one
 * side) — unless what stands under it is the bracketed rest of its own word.
 * `placeOf` gives the columns a word was placed in.
 */
export function isParent(c: HeaderCell, slot: number, cells: readonly HeaderCell[], slots: readonly Slot[], placeOf: (d: HeaderCell) => number[]): boolean {
	const below = cells.filter((d) => d.line > c.line && placeOf(d).includes(slot));
	if (below.length === 0) return false;
	const nextLine = Math.min(...below.map((d) => d.line));
	const under = below.filter((d) => d.line === nextLine);
	if (under.some((d) => placeOf(d).length >= 2 || cover(d, slots).length >= 2)) return true;
	if (under.some(isRestOfWord)) return false;
	const onLine = (line: number, s: number) => cells.some((d) => d.line === line && placeOf(d).includes(s));
	const sides = [slot - 1, slot + 1].filter((s) => s >= 0 && s < slots.length);
	return sides.length > 0 && sides.every((s) => onLine(nextLine, s) && !onLine(c.line, s));
}
