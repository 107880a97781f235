/**
 * Writing a rebuilt table out as lines of the `tabs` layout: output columns (类 款 项 slots are
 * one column, so are adjacent text slots), the header lines, each row's cells — its code joined
 * from pieces, its wrapped text joined in reading order — and lines that joined no row.
 */
import type { SourceLine } from './layout';
import { centre, joinAcross, joinWrapped, type GridCell, type ReadLine } from './grid-cells';
import { bestSlot, type Slot } from './grid-columns';
import type { HeaderModel } from './grid-header';
import { codeGroups, groupRoles, rowCode, type CodeCarry } from './grid-codes';
import type { GridRow, RowPart } from './grid-wrap';
import { flatMap } from './flat-map';

export type GridLineKind = 'prose' | 'header' | 'row';

/** A line of the rebuilt text and what it is. */
export interface GridLine extends SourceLine {
	kind: GridLineKind;
}

/** A line of output before it is numbered. */
export type Out = Omit<GridLine, 'no'>;

/** Where a line came from: page (PDFs only) and line on the page or in the file. */
export function place(line: ReadLine): Pick<SourceLine, 'page' | 'pageLine'> {
	return line.src.page === null ? { pageLine: line.src.pageLine } : { page: line.src.page, pageLine: line.src.pageLine };
}

/** Output columns: adjacent code slots (类 款 项) are one column, and so are adjacent text slots (a name split by a wide gap). */
export function columnsOf(slots: readonly Slot[]): number[][] {
	const cols: number[][] = [];
	slots.forEach((s, i) => {
		const last = cols[cols.length - 1];
		const prev = i > 0 ? slots[i - 1].kind : null;
		if (last && prev === s.kind && (s.kind === 'code' || s.kind === 'text')) last.push(i);
		else cols.push([i]);
	});
	return cols;
}

/** The header's parent lines, then the line of leaf words. */
export function headerLines(header: HeaderModel, layout: readonly number[][], lines: readonly ReadLine[]): Out[] {
	const colOf = (slot: number) => layout.findIndex((c) => c.includes(slot));
	const out: Out[] = header.parents.map((p) => {
		const cells = layout.map((_, i) => joinAcross(p.cells.filter((c) => colOf(c.slot) === i).map((c) => c.text)));
		return { text: cells.join('\t'), kind: 'header', ...place(lines[p.line]) };
	});
	if (header.leafLine !== null) {
		const cells = layout.map((col) => joinAcross(col.map((s) => header.leaves[s]).filter((t) => t !== '')));
		out.push({ text: cells.join('\t'), kind: 'header', ...place(lines[header.leafLine]) });
	}
	return out;
}

/** Each row's code per code group (the group's first slot), carrying 类/款 down the rows. */
export function rowCodes(rows: readonly GridRow[], header: HeaderModel, carry: CodeCarry[]): Map<GridRow, Map<number, string>> {
	const groups = codeGroups(header.slots);
	const cellsIn = (slot: number) => flatMap(rows, (r) => r.parts[slot].map((p) => p.cell));
	const roles = groups.map((g) => groupRoles(g, header.leaves, cellsIn));
	groups.forEach((_, i) => (carry[i] ??= { cls: null, sec: null }));
	const out = new Map<GridRow, Map<number, string>>();
	for (const row of rows) {
		const codes = new Map<number, string>();
		groups.forEach((g, gi) => {
			const cells = flatMap(g, (s) => row.parts[s].map((p) => p.cell)).sort((a, b) => a.x0 - b.x0);
			const roleOf = (c: GridCell) => roles[gi][g.findIndex((s) => row.parts[s].some((p) => p.cell === c))] ?? null;
			const code = rowCode(cells, roleOf, carry[gi]);
			if (code !== null) codes.set(g[0], code);
		});
		out.set(row, codes);
	}
	return out;
}

/** A row's cells per output column: its code, or its parts joined in reading order. */
export function rowText(row: GridRow, layout: readonly number[][], codes: ReadonlyMap<number, string> | undefined): string[] {
	return layout.map((col) => codes?.get(col[0]) ?? joinParts(col.length === 1 ? row.parts[col[0]] : flatMap(col, (s) => row.parts[s])));
}

/**
 * Parts of one cell: down the lines as one wrapped text. Where a line holds several parts side by
 * side (two label levels sharing a cell: 一般公共预 / 算资金 beside 公共财政拨款(补助) / 资金),
 * each is read down its own column, then the columns along the line.
 */
function joinParts(parts: readonly RowPart[]): string {
	// Most cells hold one part or none: its text, or '' — what the steps below give, without their arrays.
	if (parts.length <= 1) return parts.length === 0 ? '' : parts[0].text;
	const ys = [...new Set(parts.map((p) => p.y))].sort((a, b) => a - b);
	const onLine = (y: number, ps: readonly RowPart[]) => ps.filter((p) => p.y === y).sort((a, b) => a.x0 - b.x0);
	const widest = ys.map((y) => onLine(y, parts)).reduce((a, b) => (b.length > a.length ? b : a), []);
	const column = (p: RowPart) => widest.reduce((best, q, i) => (Math.abs(centre(q.cell) - centre(p.cell)) < Math.abs(centre(widest[best].cell) - centre(p.cell)) ? i : best), 0);
	const columns = widest.map((_, i) => parts.filter((p) => widest.length < 2 || column(p) === i));
	return joinAcross(columns.map((col) => joinWrapped(ys.map((y) => joinAcross(onLine(y, col).map((p) => p.text))).filter((t) => t !== ''))));
}

/** A line among the rows that joined none: a label row without figures stays a row, a single word stays text. */
export function looseLine(line: ReadLine, slots: readonly Slot[], layout: readonly number[][]): Out {
	const cells: string[][] = layout.map(() => []);
	for (const cell of line.cells) {
		const slot = bestSlot(cell, slots);
		const col = layout.findIndex((c) => c.includes(slot >= 0 ? slot : nearestSlot(cell, slots)));
		cells[col].push(cell.text);
	}
	return { text: cells.map((c) => joinAcross(c)).join('\t'), kind: 'row', ...place(line) };
}

function nearestSlot(cell: GridCell, slots: readonly Slot[]): number {
	const dist = (s: Slot) => Math.max(0, s.x0 - cell.x1, cell.x0 - s.x1);
	return slots.reduce((best, s, i) => (dist(s) < dist(slots[best]) ? i : best), 0);
}
