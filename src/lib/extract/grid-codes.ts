/**
 * Classification codes in a grid. A code may be printed whole (2010301) or as 类 款 项 in columns
 * of their own (`204  06  01`), where a row may leave the 类 (or 类 and 款) to the row above. The
 * pieces are joined into one code; the columns they stand in say which piece is which.
 */
import { halfWidth, overlapLength, type Box, type GridCell, type ReadLine } from './grid-cells';
import type { Slot } from './grid-columns';
import { flatMap } from './flat-map';

const CODE_LIKE = /^\d{2}(?:\d)?(?:\d{2}){0,2}$/;
const FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;

/**
 * Settles the cells whose reading needs the whole block: 2-digit pieces without a 类 are pieces
 * only where the table prints 类/款/项 (a piece row, or those header words); a number standing in
 * the code column is a code even when its name is not on its line (wrapped above and below).
 */
export function settleCodes(rows: readonly ReadLine[], headerWords: readonly string[]): void {
	const cells = flatMap(rows, (r) => r.cells);
	const pieces = cells.some((c) => c.kind === 'piece') || (headerWords.includes('类') && headerWords.includes('款'));
	for (const c of cells) if (c.kind === 'loose') c.kind = pieces ? 'piece' : 'figure';
	const codeColumns = mergedRanges(cells.filter((c) => c.kind === 'code' || c.kind === 'piece'));
	for (const c of cells) {
		const t = halfWidth(c.text);
		if (c.kind !== 'figure' || !CODE_LIKE.test(t)) continue;
		if (!codeColumns.some((b) => overlapLength(b, c) >= 0.5 * (c.x1 - c.x0))) continue;
		if (pieces && t.length <= 3) c.kind = 'piece';
		else if (FULL_CODE.test(t)) c.kind = 'code';
	}
}

/** The x-ranges covered by some box, overlapping boxes merged. */
function mergedRanges(boxes: readonly Box[]): Box[] {
	const out: Box[] = [];
	for (const b of [...boxes].sort((p, q) => p.x0 - q.x0)) {
		const last = out[out.length - 1];
		if (last && b.x0 < last.x1) last.x1 = Math.max(last.x1, b.x1);
		else out.push({ x0: b.x0, x1: b.x1 });
	}
	return out;
}

type PieceRole = 'class' | 'section' | 'item';

/** The 类 and 款 last printed in a code group, for rows that leave them out. */
export interface CodeCarry {
	cls: string | null;
	sec: string | null;
}

/** Runs of adjacent code slots: one code group per side-by-side table. */
export function codeGroups(slots: readonly Slot[]): number[][] {
	const groups: number[][] = [];
	slots.forEach((s, i) => {
		if (s.kind !== 'code') return;
		const last = groups[groups.length - 1];
		if (last && last[last.length - 1] === i - 1) last.push(i);
		else groups.push([i]);
	});
	return groups;
}

/** The piece each slot of a group holds, or null where the group is one column (pieces then go by their order in the row). */
export type GroupRoles = (PieceRole | null)[];

/**
 * Which piece each slot of a group holds: by the header word over it (类 款 项), else by its place
 * — the first slot is the 类 when it holds 3-digit pieces, else the 款 (the 类 carried from above).
 */
export function groupRoles(group: readonly number[], leaves: readonly string[], cellsOf: (slot: number) => readonly GridCell[]): GroupRoles {
	const named: Record<string, PieceRole> = { 类: 'class', 款: 'section', 项: 'item' };
	const byWord = group.map((s) => named[leaves[s]?.trim() ?? '']);
	if (byWord.every((r) => r !== undefined)) return byWord;
	if (group.length < 2) return [null];
	const offset = cellsOf(group[0]).some((c) => halfWidth(c.text).length === 3) ? 0 : 1;
	return group.map((_, i) => ORDER[Math.min(2, offset + i)]);
}

const ORDER: PieceRole[] = ['class', 'section', 'item'];

/**
 * The code of one row in one group from its cells in the group's slots (left to right) and what
 * the rows above printed; null when the row has no code.
 */
export function rowCode(cells: readonly GridCell[], roleOf: (c: GridCell) => PieceRole | null, carry: CodeCarry): string | null {
	if (cells.length === 0) return null;
	if (cells.length === 1 && cells[0].kind === 'code') return remember(halfWidth(cells[0].text), carry);
	// Without columns to tell: after a 类 a lone piece is its 款, after a 款 or 项 it is a 项.
	const lone = cells.length === 1 && carry.sec === null ? 1 : 2;
	const start = halfWidth(cells[0].text).length === 3 ? 0 : cells.length === 1 ? lone : 1;
	const roles = cells.map((c, i) => roleOf(c) ?? ORDER[Math.min(2, start + i)]);
	const piece = (r: PieceRole) => {
		const i = roles.indexOf(r);
		return i >= 0 ? halfWidth(cells[i].text) : null;
	};
	const cls = piece('class') ?? carry.cls;
	const item = piece('item');
	const sec = piece('section') ?? (item !== null ? carry.sec : null);
	if (cls === null || (item !== null && sec === null)) return null;
	return remember(cls + (sec ?? '') + (item ?? ''), carry);
}

function remember(code: string, carry: CodeCarry): string {
	if (code.length >= 3) carry.cls = code.slice(0, 3);
	carry.sec = code.length >= 5 ? code.slice(3, 5) : null;
	return code;
}
