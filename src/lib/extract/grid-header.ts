/**
 * A table's header band → its leaf column words. A header word standing over one column is (part
 * of) that column's name — words wrapped over lines are joined; a word over several columns is a
 * parent (本年支出 over 合计/基本支出/项目支出, “三公”经费 over its items). A word over no column
 * of figures names a column no row fills: that column is added, so its blank cells keep their
 * place. Words and columns are matched in order, so text whose words drift from their columns
 * (pdftotext prints a CJK character in one column however wide it is) still finds them.
 */
import { centre, joinAcross, joinWrapped, overlaps, type Box } from './grid-cells';
import type { Slot } from './grid-columns';

export interface HeaderCell extends Box {
	text: string;
	/** Index of the input line; -1 for columns carried over from the previous page. */
	line: number;
	/** For a carried-over column: what the previous page's column held. */
	kind?: Slot['kind'];
}

export interface HeaderModel {
	/** The rows' slots with the columns only the header shows inserted in order. */
	slots: Slot[];
	/** Leaf words per slot ('' where the header names none). */
	leaves: string[];
	/** Words over several columns, per line, each at the first column it covers. */
	parents: { line: number; cells: { text: string; slot: number }[] }[];
	/** Line of the first leaf word (where the leaf row is traced), or null. */
	leafLine: number | null;
	/** Leaf columns with their extents, for a table continued on the next page. */
	columns: HeaderCell[];
}

const cover = (c: Box, slots: readonly Slot[]) => slots.map((s, i) => (overlaps(c, s) ? i : -1)).filter((i) => i >= 0);

/** Reads a header band against the slots of the rows below it. */
export function readHeader(band: readonly HeaderCell[], body: readonly Slot[]): HeaderModel {
	const cells = band.flatMap((c) => splitSpanning(c, body));
	// First against the rows' columns: parents, and the words over no column.
	const parentOf = new Map<HeaderCell, Slot>();
	for (const c of cells) {
		const covered = cover(c, body);
		if (covered.length >= 2 || (covered.length === 1 && isParent(c, covered[0], cells, body))) parentOf.set(c, body[covered[0]]);
	}
	const stacks = stack(cells.filter((c) => cover(c, body).length === 0));
	for (const st of stacks) for (const c of peelParents(st, cells)) parentOf.set(c, body[nearest(c, body)]);
	const leafStacks = stacks.filter((st) => st.cells.length > 0 && !nestles(st, cells));
	for (const st of stacks) if (!leafStacks.includes(st)) st.cells.forEach((c) => parentOf.set(c, body[nearest(st, body)]));
	const anchored = new Set(cells.filter((c) => !parentOf.has(c) && cover(c, body).length === 1).map((c) => cover(c, body)[0]));
	const { slots, assigned } = placeFreeColumns(leafStacks, body, anchored);
	// Then against every column, those only the header shows included.
	const parents = new Map([...parentOf].map(([c, slot]) => [c, slots.indexOf(slot)]));
	const members = new Map<HeaderCell, number>();
	assigned.forEach((slot, col) => col.cells.forEach((c) => members.set(c, slot)));
	const single = new Map<HeaderCell, number>();
	for (const c of cells) {
		if (parents.has(c)) continue;
		const covered = members.has(c) ? [members.get(c) as number] : cover(c, slots);
		if (covered.length >= 2 || (covered.length === 1 && isParent(c, covered[0], cells, slots))) parents.set(c, covered[0]);
		else if (covered.length === 1) single.set(c, covered[0]);
	}
	const placed = new Map([...parents].map(([c, slot]) => [c, Math.min(slot, spanStart(c, cells, slots))]));
	return model(slots, single, placed);
}

function nearest(b: Box, slots: readonly Slot[]): number {
	const dist = (s: Slot) => Math.max(0, s.x0 - b.x1, b.x0 - s.x1);
	return slots.reduce((best, s, i) => (dist(s) < dist(slots[best]) ? i : best), 0);
}

/**
 * Words stacked over no column of figures are one column's name (公务 / 用车 / 购置 / 费) unless
 * the top word is a parent: the word under it has words on both sides nearer than the top word's
 * own neighbours (公用经费 over 科目名称, between 科目编码 and 决算数). Removes and returns those.
 */
function peelParents(st: Stack, cells: readonly HeaderCell[]): HeaderCell[] {
	const peeled: HeaderCell[] = [];
	for (;;) {
		const lines = [...new Set(st.cells.map((c) => c.line))].sort((a, b) => a - b);
		if (lines.length < 2) return peeled;
		const under = st.cells.filter((c) => c.line === lines[1]);
		if (under.some((c) => /^[（(]/.test(c.text))) return peeled;
		const box = { x0: Math.min(...under.map((c) => c.x0)), x1: Math.max(...under.map((c) => c.x1)) };
		const [ownLeft, ownRight] = [sideOf(cells, st.cells, lines[0], st, true), sideOf(cells, st.cells, lines[0], st, false)];
		const [left, right] = [sideOf(cells, st.cells, lines[1], box, true), sideOf(cells, st.cells, lines[1], box, false)];
		if (!(Number.isFinite(left) && Number.isFinite(right) && left > ownLeft && right < ownRight)) return peeled;
		const top = st.cells.filter((c) => c.line === lines[0]);
		peeled.push(...top);
		st.cells = st.cells.filter((c) => c.line !== lines[0]);
		st.x0 = Math.min(...st.cells.map((c) => c.x0));
		st.x1 = Math.max(...st.cells.map((c) => c.x1));
	}
}

/** The nearest edge of a word on `line` left (or right) of `box`, other than `own`; ±Infinity when none. */
function sideOf(cells: readonly HeaderCell[], own: readonly HeaderCell[], line: number, box: Box, left: boolean): number {
	const xs = cells.filter((c) => c.line === line && !own.includes(c) && (left ? c.x1 <= box.x0 : c.x0 >= box.x1));
	return left ? Math.max(-Infinity, ...xs.map((c) => c.x1)) : Math.min(Infinity, ...xs.map((c) => c.x0));
}

/**
 * A header word over no column that stands above words on both its sides — nearer to it than the
 * words beside it on its own line — and does not reach the last header line is a parent (收入 over
 * 项目名称 and 金额); a column only the header shows reaches down to the leaf words.
 */
function nestles(st: Stack, cells: readonly HeaderCell[]): boolean {
	const lines = st.cells.map((c) => c.line);
	const [top, bottom] = [Math.min(...lines), Math.max(...lines)];
	if (bottom >= Math.max(...cells.map((c) => c.line))) return false;
	const [ownLeft, ownRight] = [sideOf(cells, st.cells, top, st, true), sideOf(cells, st.cells, top, st, false)];
	const below = [...new Set(cells.map((c) => c.line).filter((l) => l > bottom))];
	return below.some((l) => {
		const [left, right] = [sideOf(cells, st.cells, l, st, true), sideOf(cells, st.cells, l, st, false)];
		return Number.isFinite(left) && Number.isFinite(right) && left > ownLeft && right < ownRight;
	});
}

/** A word over several columns that holds spaces (`公务用车购置 公务用车运行`) is several words. */
function splitSpanning(c: HeaderCell, body: readonly Slot[]): HeaderCell[] {
	const covered = body.filter((s) => overlaps(c, s)).length;
	if (covered < 2 || !/\s/.test(c.text)) return [c];
	const chars = Array.from(c.text);
	const scale = (c.x1 - c.x0) / chars.length;
	const out: HeaderCell[] = [];
	let start = -1;
	chars.forEach((ch, i) => {
		if (!/\s/.test(ch) && start < 0) start = i;
		if ((/\s/.test(ch) || i === chars.length - 1) && start >= 0) {
			const end = /\s/.test(ch) ? i : i + 1;
			out.push({ text: chars.slice(start, end).join(''), x0: c.x0 + start * scale, x1: c.x0 + end * scale, line: c.line });
			start = -1;
		}
	});
	return out;
}

/** A column of header words stacked over lines (公务 / 用车 / 购置 / 费). */
interface Stack extends Box {
	cells: HeaderCell[];
}

function stack(cells: readonly HeaderCell[]): Stack[] {
	const stacks: Stack[] = [];
	for (const c of [...cells].sort((a, b) => a.x0 - b.x0)) {
		const into = stacks.find((s) => overlaps(s, c));
		if (into) {
			into.cells.push(c);
			into.x0 = Math.min(into.x0, c.x0);
			into.x1 = Math.max(into.x1, c.x1);
		} else {
			stacks.push({ x0: c.x0, x1: c.x1, cells: [c] });
		}
	}
	return stacks;
}

/**
 * Matches header columns over no figure to the columns without a header word, in order between
 * the columns that have one; those left over are columns no row fills, added where they stand.
 */
function placeFreeColumns(free: readonly Stack[], body: readonly Slot[], anchored: ReadonlySet<number>): { slots: Slot[]; assigned: Map<Stack, number> } {
	const slots: Slot[] = [];
	const assignedBody = new Map<Stack, number>();
	const anchors = [...anchored].sort((a, b) => a - b);
	const bounds = [-1, ...anchors, body.length];
	for (let g = 0; g + 1 < bounds.length; g++) {
		const [lo, hi] = [bounds[g], bounds[g + 1]];
		const open = range(lo + 1, hi);
		const left = lo >= 0 ? centre(body[lo]) : -Infinity;
		const right = hi < body.length ? centre(body[hi]) : Infinity;
		const cols = free.filter((f) => centre(f) > left && centre(f) <= right);
		for (const item of interleave(cols, open, body)) {
			if (typeof item === 'number') slots.push(body[item]);
			else if (item.slot !== null) {
				assignedBody.set(item.col, slots.length);
				slots.push(body[item.slot]);
			} else {
				assignedBody.set(item.col, slots.length);
				slots.push({ x0: item.col.x0, x1: item.col.x1, kind: item.col.cells[0].kind ?? 'empty' });
			}
		}
		if (hi < body.length) slots.push(body[hi]);
	}
	return { slots, assigned: assignedBody };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

type Placed = number | { col: Stack; slot: number | null };

/** Header columns and open slots of one gap, in order: as many matched as possible, nearest centres. */
function interleave(cols: readonly Stack[], open: readonly number[], body: readonly Slot[]): Placed[] {
	const cost = (c: Stack, s: number) => Math.abs(centre(c) - centre(body[s]));
	const colsShorter = cols.length <= open.length;
	const short = colsShorter ? cols.length : open.length;
	const long = colsShorter ? open.length : cols.length;
	const pairCost = (i: number, j: number) => (colsShorter ? cost(cols[i], open[j]) : cost(cols[j], open[i]));
	const matchOf = alignAll(short, long, pairCost);
	const matched = new Map<number, number>();
	matchOf.forEach((j, i) => (colsShorter ? matched.set(i, open[j]) : matched.set(j, open[i])));
	const out: Placed[] = [];
	let next = 0;
	cols.forEach((col, ci) => {
		const slot = matched.get(ci);
		if (slot === undefined) {
			out.push({ col, slot: null });
			return;
		}
		while (open[next] !== slot) out.push(open[next++]);
		next++;
		out.push({ col, slot });
	});
	while (next < open.length) out.push(open[next++]);
	return out;
}

/** Every item of the shorter list matched, in order, to one of the longer at least total cost. */
function alignAll(short: number, long: number, cost: (i: number, j: number) => number): number[] {
	const dp = Array.from({ length: short + 1 }, () => Array<number>(long + 1).fill(Infinity));
	for (let j = 0; j <= long; j++) dp[0][j] = 0;
	for (let i = 1; i <= short; i++) {
		for (let j = i; j <= long; j++) dp[i][j] = Math.min(dp[i][j - 1], dp[i - 1][j - 1] + cost(i - 1, j - 1));
	}
	const match: number[] = Array(short).fill(-1);
	for (let i = short, j = long; i > 0; j--) {
		if (dp[i][j] !== dp[i][j - 1] || j === i) {
			match[i - 1] = j - 1;
			i--;
		}
	}
	return match;
}

/**
 * A word over one column is a parent when the next line down under it spreads wider: a word over
 * several columns, or words in the columns on both sides where its own line has none (a parent
 * centred over three columns touches only the middle one; at the table's edge, the one side) —
 * unless what stands under it is the rest of its own word (a bracketed part).
 */
function isParent(c: HeaderCell, slot: number, cells: readonly HeaderCell[], slots: readonly Slot[]): boolean {
	const below = cells.filter((d) => d.line > c.line && cover(d, slots).includes(slot));
	if (below.length === 0) return false;
	const nextLine = Math.min(...below.map((d) => d.line));
	const under = below.filter((d) => d.line === nextLine);
	if (under.some((d) => cover(d, slots).length >= 2)) return true;
	// `因公出国` over `（境）费`: the rest of the same word, whatever stands beside it.
	if (under.some((d) => /^[（(]/.test(d.text))) return false;
	const onLine = (line: number, s: number) => cells.some((d) => d.line === line && cover(d, slots).includes(s));
	const sides = [slot - 1, slot + 1].filter((s) => s >= 0 && s < slots.length);
	return sides.length > 0 && sides.every((s) => onLine(nextLine, s) && !onLine(c.line, s));
}

/**
 * The first column a parent word spans, as a spreadsheet puts a merged cell's text: a parent is
 * centred over its span, which reaches no further than halfway to the words beside it on its line
 * (人员经费 … 公用经费 over two side-by-side blocks).
 */
function spanStart(c: HeaderCell, cells: readonly HeaderCell[], slots: readonly Slot[]): number {
	const mid = centre(c);
	const beside = cells.filter((d) => d.line === c.line && d !== c);
	const left = Math.max(-Infinity, ...beside.filter((d) => d.x1 <= c.x0).map((d) => (d.x1 + c.x0) / 2));
	const right = Math.min(Infinity, ...beside.filter((d) => d.x0 >= c.x1).map((d) => (c.x1 + d.x0) / 2));
	const reach = Math.min(mid - left, right - mid);
	if (!Number.isFinite(reach)) return slots.length;
	const first = slots.findIndex((s) => centre(s) >= mid - reach && centre(s) <= mid + reach);
	return first < 0 ? slots.length : first;
}

function model(slots: Slot[], single: ReadonlyMap<HeaderCell, number>, parents: ReadonlyMap<HeaderCell, number>): HeaderModel {
	const leaves = slots.map((_, i) => leafText([...single].filter(([, s]) => s === i).map(([c]) => c)));
	const byLine = new Map<number, { text: string; slot: number }[]>();
	for (const [c, slot] of [...parents].sort(([a], [b]) => a.line - b.line || a.x0 - b.x0)) {
		if (c.line < 0) continue;
		byLine.set(c.line, [...(byLine.get(c.line) ?? []), { text: c.text, slot }]);
	}
	const leafLines = [...single.keys()].map((c) => c.line).filter((l) => l >= 0);
	return {
		slots,
		leaves,
		parents: [...byLine].map(([line, cells]) => ({ line, cells })),
		leafLine: leafLines.length > 0 ? Math.min(...leafLines) : null,
		columns: slots.map((s, i) => ({ x0: s.x0, x1: s.x1, text: leaves[i], line: -1, kind: s.kind })).filter((c) => c.text !== '')
	};
}

/** Words of one column: joined along a line, then down the lines. */
function leafText(cells: readonly HeaderCell[]): string {
	const lines = [...new Set(cells.map((c) => c.line))].sort((a, b) => a - b);
	return joinWrapped(lines.map((l) => joinAcross(cells.filter((c) => c.line === l).sort((a, b) => a.x0 - b.x0).map((c) => c.text))));
}
