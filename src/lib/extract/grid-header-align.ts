/**
 * Header words → header columns → the rows' columns. Words are stacked into columns from the
 * bottom line up (a word wrapped over lines stays one column: 公务 / 用车 / 购置 / 费); a word over
 * two stacks is a parent. The header columns are then matched in order to the rows' columns at the
 * least distance between centres — a centred header word and right-aligned figures need not
 * overlap — and a header column left over is a column no row fills, added where it stands.
 */
import { centre, joinAcross, overlaps, standsOver, type Box } from './grid-cells';
import type { Slot } from './grid-columns';
import { cover, type HeaderCell } from './grid-header-parents';
import { flatMap } from './flat-map';

/** A column of header words stacked over lines. */
export interface Stack extends Box {
	cells: HeaderCell[];
}

/**
 * Words as the header prints them, made comparable with the rows' columns: a word over several
 * columns that holds spaces (`公务用车购置 公务用车运行`) is several words; pieces of one line over
 * the same single column (`合     计`) are one word.
 */
export function headerWords(band: readonly HeaderCell[], body: readonly Slot[]): HeaderCell[] {
	const split = flatMap(band, (c) => (cover(c, body).length >= 2 && /\s/.test(c.text) ? splitAtSpaces(c) : [c]));
	const out: HeaderCell[] = [];
	for (const c of split) {
		const only = cover(c, body);
		const prev = out[out.length - 1];
		const same = prev && prev.line === c.line && only.length === 1 && cover(prev, body).join() === only.join();
		if (same) out[out.length - 1] = { ...prev, text: joinAcross([prev.text, c.text]), x1: c.x1 };
		else out.push(c);
	}
	return out;
}

function splitAtSpaces(c: HeaderCell): HeaderCell[] {
	const chars = Array.from(c.text);
	const scale = (c.x1 - c.x0) / chars.length;
	const out: HeaderCell[] = [];
	for (const m of c.text.matchAll(/\S+/g)) {
		const start = Array.from(c.text.slice(0, m.index)).length;
		const end = start + Array.from(m[0]).length;
		out.push({ ...c, text: m[0], x0: c.x0 + start * scale, x1: c.x0 + end * scale });
	}
	return out;
}

/** Stacks words into columns from the bottom line up; a word over two stacks is added to `parents`. */
export function stackColumns(cells: readonly HeaderCell[], parents: Set<HeaderCell>): Stack[] {
	const stacks: Stack[] = [];
	const lines = [...new Set(cells.map((c) => c.line))].sort((a, b) => b - a);
	for (const line of lines) {
		for (const c of cells.filter((d) => d.line === line).sort((a, b) => a.x0 - b.x0)) {
			const hits = stacks.filter((s) => standsOver(s, c));
			if (hits.length >= 2) parents.add(c);
			else if (hits.length === 1) {
				hits[0].cells.push(c);
				hits[0].x0 = Math.min(hits[0].x0, c.x0);
				hits[0].x1 = Math.max(hits[0].x1, c.x1);
			} else stacks.push({ x0: c.x0, x1: c.x1, cells: [c] });
		}
	}
	return stacks.sort((a, b) => a.x0 - b.x0);
}

/**
 * Header columns matched in order to the rows' columns, as many as possible at the least total
 * distance; the columns only the header shows are inserted among them. Returns every column and
 * the one each header word names.
 */
export function alignColumns(stacks: readonly Stack[], body: readonly Slot[]): { slots: Slot[]; slotOf: Map<HeaderCell, number> } {
	const cost = (st: Stack, s: Slot) => (overlaps(st, s) ? 0 : Math.abs(centre(st) - centre(s)));
	const stacksShorter = stacks.length <= body.length;
	const [short, long] = stacksShorter ? [stacks.length, body.length] : [body.length, stacks.length];
	const match = alignAll(short, long, (i, j) => (stacksShorter ? cost(stacks[i], body[j]) : cost(stacks[j], body[i])));
	const stackSlot = new Map<number, number>(match.map((j, i) => (stacksShorter ? [i, j] : [j, i])));
	const slots: Slot[] = [];
	const slotOf = new Map<HeaderCell, number>();
	let next = 0;
	stacks.forEach((st, si) => {
		const b = stackSlot.get(si);
		if (b !== undefined) while (next <= b) slots.push(body[next++]);
		else slots.push({ x0: st.x0, x1: st.x1, kind: st.cells[0].kind ?? 'empty' });
		st.cells.forEach((c) => slotOf.set(c, slots.length - 1));
	});
	while (next < body.length) slots.push(body[next++]);
	return { slots, slotOf };
}

/** Every item of the shorter list matched, in order, to one of the longer at least total cost. */
function alignAll(short: number, long: number, cost: (i: number, j: number) => number): number[] {
	// One flat table, row i at i * width (Array.from with a filled array per row was most of this function's time).
	const width = long + 1;
	const dp = new Float64Array((short + 1) * width).fill(Infinity);
	for (let j = 0; j <= long; j++) dp[j] = 0;
	for (let i = 1; i <= short; i++) {
		for (let j = i; j <= long; j++) dp[i * width + j] = Math.min(dp[i * width + j - 1], dp[(i - 1) * width + j - 1] + cost(i - 1, j - 1));
	}
	const match: number[] = Array(short).fill(-1);
	for (let i = short, j = long; i > 0; j--) {
		if (j === i || dp[i * width + j] !== dp[i * width + j - 1]) match[--i] = j - 1;
	}
	return match;
}
