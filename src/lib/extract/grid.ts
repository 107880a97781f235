/**
 * Tables rebuilt from positions — PDF glyph runs (x in points) or `pdftotext -layout` text (x in
 * character columns, text-positions.ts) — into lines of the `tabs` layout, so a figure's column is
 * where it stands rather than a guess by arithmetic:
 *  - table rows: one cell per column, blank cells kept;
 *  - the header band: words over several columns on lines of their own (at the first column they
 *    cover), then one line of the leaf column words (multi-line words joined);
 *  - 类 款 项 printed in columns of their own: one code (204 06 01 → 2040601, the 类 or 款 left to
 *    the row above carried down);
 *  - names wrapped over lines above/below their row: joined to the row (grid-wrap.ts);
 *  - a table carried over to the next page without its header: the previous page's columns;
 *  - everything else (prose, titles, a line that fits no table): passed through as plain text.
 */
import type { SourceLine } from './layout';
import type { PositionedLine } from './positioned';
import { centre, digitWidth, joinAcross, joinSpaced, joinWrapped, readLine, type GridCell, type ReadLine } from './grid-cells';
import { findBlocks, lineRole, type Block } from './grid-blocks';
import { bestSlot, bodySlots, type Slot } from './grid-columns';
import { readHeader, type HeaderCell, type HeaderModel } from './grid-header';
import { codeGroups, groupRoles, rowCode, settleCodes, type CodeCarry } from './grid-codes';
import { buildRows, upperHalfLines, type GridRow, type RowPart } from './grid-wrap';

export type GridLineKind = 'prose' | 'header' | 'row';

/** A line of the rebuilt text and what it is. */
export interface GridLine extends SourceLine {
	kind: GridLineKind;
}

/** What a table carries over to its continuation on the next page. */
interface TableState {
	columns: HeaderCell[];
	carry: CodeCarry[];
}

type Out = Omit<GridLine, 'no'>;

/** Positioned lines → source lines in the `tabs` layout (see the module comment). */
export function gridLines(lines: readonly PositionedLine[]): SourceLine[] {
	return rebuildGrid(lines).map(({ kind: _kind, ...line }) => line);
}

/** Like gridLines, saying of each line whether it is prose, a header line or a table row. */
export function rebuildGrid(input: readonly PositionedLine[]): GridLine[] {
	const digit = digitWidth(input);
	const columnGap = 1.5 * digit;
	const lines = input.map((l, i) => readLine(l, i, columnGap));
	// Words of a prose line a full em apart (部门：… 单位：万元) keep a space between them.
	const prose = (line: ReadLine): Out => ({ text: joinSpaced(line.cells, 2 * digit), kind: 'prose', ...place(line) });
	// Lines of one wrapped cell stand at most this many glyph heights apart (text: the next line).
	const adjacent = (a: ReadLine, b: ReadLine) => a.src.page === b.src.page && Math.abs(b.src.y - a.src.y) <= 1.75 * Math.max(a.src.height, b.src.height);
	const out: Out[] = [];
	let next = 0;
	let state: TableState | null = null;
	for (const block of findBlocks(lines, lines.map(lineRole), adjacent)) {
		for (; next < block.headerStart; next++) out.push(prose(lines[next]));
		const table = readBlock(lines, block, block.continues ? state : null, { adjacent, prose });
		out.push(...table.out);
		state = table.state;
		next = block.end + 1;
	}
	for (; next < lines.length; next++) out.push(prose(lines[next]));
	return out.map((l, i) => ({ ...l, no: i + 1 }));
}

function place(line: ReadLine): Pick<SourceLine, 'page' | 'pageLine'> {
	return line.src.page === null ? { pageLine: line.src.pageLine } : { page: line.src.page, pageLine: line.src.pageLine };
}

/** How a block reads lines beside its rows. */
interface BlockContext {
	adjacent: (a: ReadLine, b: ReadLine) => boolean;
	prose: (line: ReadLine) => Out;
}

/** One block → its output lines, and what a continuation on the next page needs. */
function readBlock(lines: readonly ReadLine[], block: Block, carried: TableState | null, { adjacent, prose }: BlockContext): { out: Out[]; state: TableState } {
	const region = lines.slice(block.firstBody, block.end + 1);
	const bodyLines = region.filter((l) => l.body);
	const coded = bodyLines.some((l) => l.cells.some((c) => c.kind === 'code' || c.kind === 'piece'));
	const fullBand = lines.slice(block.headerStart, block.firstBody).filter((l) => l.cells.length > 0);
	const band = coded ? fullBand : fullBand.slice(0, fullBand.length - upperHalfLines(fullBand, lines[block.firstBody], region.slice(1), adjacent));
	const bandCells: HeaderCell[] = band.flatMap((l) => l.cells.map((c) => ({ text: c.text, x0: c.x0, x1: c.x1, line: l.index })));
	settleCodes(bodyLines, [...bandCells, ...(carried?.columns ?? [])].map((c) => c.text));
	const labels = coded ? [] : lines.slice(block.headerStart, block.end + 1).filter((l) => !l.body && !band.includes(l));
	const body = bodySlots(bodyLines, labels);
	const { header, own } = chooseHeader(bandCells, body.slots, carried);
	// Without a header of its own, the lines above the first row are rows and wrapped names.
	const rowStart = own ? (band.length > 0 ? band[band.length - 1].index + 1 : block.firstBody) : block.headerStart;
	const rowLines = lines.slice(rowStart, block.end + 1);
	const finalIndex = body.slots.map((s) => header.slots.indexOf(s));
	const slotOf = (c: GridCell) => finalIndex[body.slotOf.get(c) ?? -1] ?? -1;
	const layout = columnsOf(header.slots);
	const columnOf = header.slots.map((_, i) => layout.findIndex((c) => c.includes(i)));
	const built = buildRows(rowLines, { slots: header.slots, slotOf, columnOf, coded, adjacent });
	const carry = carried?.carry ?? [];
	const codes = rowCodes(built.rows, header, carry);
	const out: Out[] = own ? headerLines(header, layout, lines) : [];
	const rowAt = new Map(built.rows.map((r) => [r.line, r]));
	const joined = new Set(built.rows.flatMap((r) => r.lines));
	const loose = new Set(built.loose);
	for (const line of rowLines) {
		const row = rowAt.get(line);
		if (row) out.push({ text: rowText(row, layout, codes.get(row)).join('\t'), kind: 'row', ...place(line) });
		else if (loose.has(line)) out.push(line.cells.length < 2 ? prose(line) : looseLine(line, header.slots, layout));
		else if (!joined.has(line)) out.push(prose(line));
	}
	return { out, state: { columns: header.columns, carry } };
}

/**
 * A table carried over from the page before keeps that page's columns, unless the lines above its
 * first row repeat its header (most of their leaf words are the previous header's).
 */
function chooseHeader(band: readonly HeaderCell[], slots: readonly Slot[], carried: TableState | null): { header: HeaderModel; own: boolean } {
	const header = readHeader(band, slots);
	if (!carried) return { header, own: true };
	const before = new Set(carried.columns.map((c) => c.text));
	const leaves = header.leaves.filter((l) => l !== '');
	if (leaves.length >= 2 && 2 * leaves.filter((l) => before.has(l)).length >= leaves.length) return { header, own: true };
	return { header: readHeader(carried.columns, slots), own: false };
}

/** Output columns: adjacent code slots (类 款 项) are one column, and so are adjacent text slots (a name split by a wide gap). */
function columnsOf(slots: readonly Slot[]): number[][] {
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
function headerLines(header: HeaderModel, layout: readonly number[][], lines: readonly ReadLine[]): Out[] {
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
function rowCodes(rows: readonly GridRow[], header: HeaderModel, carry: CodeCarry[]): Map<GridRow, Map<number, string>> {
	const groups = codeGroups(header.slots);
	const cellsIn = (slot: number) => rows.flatMap((r) => r.parts[slot].map((p) => p.cell));
	const roles = groups.map((g) => groupRoles(g, header.leaves, cellsIn));
	groups.forEach((_, i) => (carry[i] ??= { cls: null, sec: null }));
	const out = new Map<GridRow, Map<number, string>>();
	for (const row of rows) {
		const codes = new Map<number, string>();
		groups.forEach((g, gi) => {
			const cells = g.flatMap((s) => row.parts[s].map((p) => p.cell)).sort((a, b) => a.x0 - b.x0);
			const roleOf = (c: GridCell) => roles[gi][g.findIndex((s) => row.parts[s].some((p) => p.cell === c))] ?? null;
			const code = rowCode(cells, roleOf, carry[gi]);
			if (code !== null) codes.set(g[0], code);
		});
		out.set(row, codes);
	}
	return out;
}

/** A row's cells per output column: its code, or its parts joined in reading order. */
function rowText(row: GridRow, layout: readonly number[][], codes: ReadonlyMap<number, string> | undefined): string[] {
	return layout.map((col) => codes?.get(col[0]) ?? joinParts(col.flatMap((s) => row.parts[s])));
}

/**
 * Parts of one cell: down the lines as one wrapped text. Where a line holds several parts side by
 * side (two label levels sharing a cell: 一般公共预 / 算资金 beside 公共财政拨款(补助) / 资金),
 * each is read down its own column, then the columns along the line.
 */
function joinParts(parts: readonly RowPart[]): string {
	const ys = [...new Set(parts.map((p) => p.y))].sort((a, b) => a - b);
	const onLine = (y: number, ps: readonly RowPart[]) => ps.filter((p) => p.y === y).sort((a, b) => a.x0 - b.x0);
	const widest = ys.map((y) => onLine(y, parts)).reduce((a, b) => (b.length > a.length ? b : a), []);
	const column = (p: RowPart) => widest.reduce((best, q, i) => (Math.abs(centre(q.cell) - centre(p.cell)) < Math.abs(centre(widest[best].cell) - centre(p.cell)) ? i : best), 0);
	const columns = widest.map((_, i) => parts.filter((p) => widest.length < 2 || column(p) === i));
	return joinAcross(columns.map((col) => joinWrapped(ys.map((y) => joinAcross(onLine(y, col).map((p) => p.text))).filter((t) => t !== ''))));
}

/** A line among the rows that joined none: a label row without figures stays a row, a single word stays text. */
function looseLine(line: ReadLine, slots: readonly Slot[], layout: readonly number[][]): Out {
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
