/**
 * Rows of a block, with the names wrapped over several lines joined back. A long name in a narrow
 * cell is printed over lines above and/or below the line with its code and figures; such a line
 * has text in name columns only (no code, no figure) and joins the nearest row, in reading order.
 * In a table with codes it joins a coded row. In a table of labels it only fills a label column
 * the row's own line leaves blank, and only as many lines above the figures as below them (a
 * label centred in its cell: `三、单位预留机 / 1,685.72 / 动经费`), so a label row of its own
 * (`四、公共安全支出` with a blank figure) is never swallowed. A line of figures without a code
 * below a coded row without figures is the rest of that row (`2080505 机关…缴 / 费支出 38.40`),
 * and a figure set a little off its row's baseline joins the row's blank cell it falls in.
 */
import { overlaps, standsOver, type GridCell, type ReadLine } from './grid-cells';
import { bestSlot, type Slot } from './grid-columns';
import { flatMap } from './flat-map';

/** Text of one slot of a row, with where it was printed (for reading order). */
export interface RowPart {
	text: string;
	y: number;
	x0: number;
	cell: GridCell;
}

/** A table row: the line of its figures (or code), and the text of each slot. */
export interface GridRow {
	line: ReadLine;
	/** Parts per slot. */
	parts: RowPart[][];
	/** The row's lines: its own and those joined to it. */
	lines: ReadLine[];
}

/** The rows of a block and the lines that joined none. */
export interface BuiltRows {
	rows: GridRow[];
	/** Lines among the rows that joined none (label rows without figures, notes, repeated headers). */
	loose: ReadLine[];
}

/** What joining wrapped lines needs to know of the block. */
export interface WrapContext {
	slots: readonly Slot[];
	slotOf: (c: GridCell) => number;
	/** The output column of each slot (adjacent text slots are one column). */
	columnOf: readonly number[];
	/** Whether the block's rows carry codes. */
	coded: boolean;
	/** Whether line b stands right below line a. */
	adjacent: (a: ReadLine, b: ReadLine) => boolean;
}

/** Rows of a block from its lines after the header band. */
export function buildRows(lines: readonly ReadLine[], ctx: WrapContext): BuiltRows {
	const rows: GridRow[] = [];
	const texts: ReadLine[] = [];
	const wraps = new Map<GridRow, { above: ReadLine[]; below: ReadLine[] }>();
	const wrapsOf = (r: GridRow) => wraps.get(r) ?? (wraps.set(r, { above: [], below: [] }).get(r) as { above: ReadLine[]; below: ReadLine[] });
	let pending: ReadLine[] = [];
	const settle = (prev: GridRow | null, next: GridRow | null) => {
		const { toA, toB } = assignRun(prev, next, pending, ctx);
		if (prev) wrapsOf(prev).below.push(...toA);
		if (next) wrapsOf(next).above.push(...toB);
		texts.push(...pending);
		pending = [];
	};
	for (const line of lines) {
		if (line.cells.length === 0) continue;
		if (!line.body) pending.push(line);
		else if (rows.length > 0 && continuesRow(rows[rows.length - 1], line, pending, ctx)) {
			absorb(rows[rows.length - 1], [...pending, line], ctx);
			pending = [];
		} else {
			const row = newRow(line, ctx);
			settle(rows[rows.length - 1] ?? null, row);
			rows.push(row);
		}
	}
	settle(rows[rows.length - 1] ?? null, null);
	for (const [row, { above, below }] of wraps) {
		// A label centred in its cell wraps as far above its figures as below them.
		const n = ctx.coded ? Infinity : Math.min(above.length, below.length);
		absorb(row, [...above.slice(Math.max(0, above.length - n)), ...below.slice(0, n)], ctx);
	}
	const joined = new Set(flatMap(rows, (r) => r.lines));
	return joinSlippedFigures({ rows, loose: texts.filter((l) => !joined.has(l)) }, ctx);
}

/**
 * A figure set a little off its row's baseline (a smaller font, less than a glyph's height away)
 * is read as a line of its own; it joins the row where it falls in a column the row leaves blank.
 */
function joinSlippedFigures(built: BuiltRows, ctx: WrapContext): BuiltRows {
	const figuresOnly = (l: ReadLine) => l.cells.length > 0 && l.cells.every((c) => c.kind === 'figure');
	const lone = built.rows.filter((r) => r.lines.length === 1 && figuresOnly(r.line)).map((r) => r.line);
	const joined = new Set<ReadLine>();
	for (const line of [...built.loose.filter(figuresOnly), ...lone]) {
		const dy = (r: GridRow) => Math.abs(r.line.src.y - line.src.y);
		const near = built.rows.filter((r) => r.line !== line && !joined.has(r.line) && r.line.src.page === line.src.page && dy(r) < Math.min(r.line.src.height, line.src.height));
		const target = near.sort((a, b) => dy(a) - dy(b))[0];
		const slots = line.cells.map((c) => bestSlot(c, ctx.slots, (s) => s.kind === 'figure' || s.kind === 'empty'));
		if (!target || slots.some((s) => s < 0 || target.parts[s].length > 0)) continue;
		line.cells.forEach((cell, i) => target.parts[slots[i]].push({ text: cell.text, y: target.line.src.y, x0: cell.x0, cell }));
		target.lines.push(line);
		joined.add(line);
	}
	return { rows: built.rows.filter((r) => !joined.has(r.line)), loose: built.loose.filter((l) => !joined.has(l)) };
}

function newRow(line: ReadLine, ctx: WrapContext): GridRow {
	const row: GridRow = { line, parts: ctx.slots.map(() => []), lines: [] };
	absorb(row, [line], ctx);
	return row;
}

function absorb(row: GridRow, lines: readonly ReadLine[], ctx: WrapContext): void {
	for (const line of lines) {
		for (const cell of line.cells) {
			const slot = line.body ? ctx.slotOf(cell) : bestSlot(cell, ctx.slots);
			if (slot >= 0) row.parts[slot].push({ text: cell.text, y: line.src.y, x0: cell.x0, cell });
		}
		row.lines.push(line);
	}
}

const isCode = (c: GridCell) => c.kind === 'code' || c.kind === 'piece';
const hasCode = (row: GridRow) => row.line.cells.some(isCode);
const lastLine = (row: GridRow) => row.lines.reduce((a, b) => (b.index > a.index ? b : a));

/** The text slots a line's cells fall in, or null when it is not a wrapped name (a figure, a code, text outside name columns). */
function fragmentSlots(line: ReadLine, ctx: WrapContext): number[] | null {
	const slots = line.cells.map((c) => (c.kind === 'text' ? bestSlot(c, ctx.slots) : -1));
	return slots.every((s) => s >= 0 && ctx.slots[s].kind === 'text') ? slots : null;
}

/** With codes, any coded row takes a wrapped name; with labels, only into columns its own line leaves blank. */
function accepts(row: GridRow, slots: readonly number[], ctx: WrapContext): boolean {
	if (ctx.coded) return hasCode(row);
	return slots.every((s) => !ownsColumn(row, s, ctx));
}

/** Whether the row's own line has text in the column of slot s. */
const ownsColumn = (row: GridRow, s: number, ctx: WrapContext) => row.line.cells.some((c) => ctx.columnOf[ctx.slotOf(c)] === ctx.columnOf[s]);

/** `2080505 机关事业单位基本养老保险缴` then `费支出 38.40 38.40`: the figures' line finishes a coded row that had none. */
function continuesRow(prev: GridRow, line: ReadLine, between: readonly ReadLine[], ctx: WrapContext): boolean {
	if (!hasCode(prev) || line.cells.some(isCode)) return false;
	if (prev.parts.some((ps, s) => ps.length > 0 && ctx.slots[s].kind === 'figure')) return false;
	if (!line.cells.every((c) => c.kind === 'figure' || ctx.slots[ctx.slotOf(c)]?.kind === 'text')) return false;
	const chain = [lastLine(prev), ...between, line];
	return between.every((l) => fragmentSlots(l, ctx) !== null) && chain.every((l, i) => i === 0 || ctx.adjacent(chain[i - 1], l));
}

/**
 * Lines of text between row a (above) and row b (below): the first ones may finish a's name, the
 * last ones begin b's; each joins the nearer row (ties: the row whose own line leaves that column
 * blank, then the row above). Lines that can join neither are in neither list.
 */
function assignRun(a: GridRow | null, b: GridRow | null, run: readonly ReadLine[], ctx: WrapContext): { toA: ReadLine[]; toB: ReadLine[] } {
	if (run.length === 0) return { toA: [], toB: [] };
	const shapes = run.map((l) => fragmentSlots(l, ctx));
	const joins = (row: GridRow | null, i: number, from: ReadLine | undefined) =>
		row !== null && from !== undefined && shapes[i] !== null && accepts(row, shapes[i] as number[], ctx) && (from.index < run[i].index ? ctx.adjacent(from, run[i]) : ctx.adjacent(run[i], from));
	let toA = 0;
	while (toA < run.length && joins(a, toA, toA === 0 ? (a ? lastLine(a) : undefined) : run[toA - 1])) toA++;
	let toB = 0;
	while (toB < run.length && joins(b, run.length - 1 - toB, toB === 0 ? b?.line : run[run.length - toB])) toB++;
	const lo = Math.max(0, run.length - toB);
	const split = lo <= toA ? bestSplit(a, b, run, lo, toA, shapes, ctx) : toA;
	return { toA: run.slice(0, split), toB: run.slice(Math.max(split, run.length - toB)) };
}

/** Where the lines between two rows stop finishing the row above and start the row below: the least total distance. */
function bestSplit(a: GridRow | null, b: GridRow | null, run: readonly ReadLine[], lo: number, hi: number, shapes: readonly (number[] | null)[], ctx: WrapContext): number {
	const owns = (row: GridRow, i: number) => (shapes[i] ?? []).some((s) => ownsColumn(row, s, ctx));
	const cost = (k: number) =>
		run.reduce((sum, l, i) => {
			if (i < k && a) return sum + (l.src.y - lastLine(a).src.y) + (owns(a, i) ? 0.1 : 0);
			if (b) return sum + (b.line.src.y - l.src.y) + (owns(b, i) ? 0.1 : 0) + 0.05;
			return sum;
		}, 0);
	let best = hi;
	for (let k = hi; k >= lo; k--) if (cost(k) < cost(best)) best = k;
	return best;
}

/**
 * How many of the header band's last lines are the upper half of the first row's labels: in a
 * table of labels, lines right above the row whose words stand over the words of as many lines
 * right below it (`一、财政` / `13,649.07` / `拨款`), where the row's own line is blank.
 */
export function upperHalfLines(band: readonly ReadLine[], row: ReadLine, after: readonly ReadLine[], adjacent: (a: ReadLine, b: ReadLine) => boolean): number {
	const chain = (ls: readonly ReadLine[]) => ls.every((l, i) => i === 0 || adjacent(ls[i - 1], l));
	const below: ReadLine[] = [];
	for (const l of after) {
		if (l.body || l.cells.length === 0 || !chain([row, ...below, l])) break;
		below.push(l);
	}
	for (let k = Math.min(below.length, band.length); k > 0; k--) {
		const above = band.slice(band.length - k);
		const under = flatMap(below.slice(0, k), (l) => l.cells);
		const fits = flatMap(above, (l) => l.cells).every((c) => c.kind === 'text' && under.some((u) => standsOver(u, c)) && !row.cells.some((r) => overlaps(r, c)));
		if (fits && chain([...above, row])) return k;
	}
	return 0;
}
