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
import { digitWidth, joinSpaced, readLine, type GridCell, type ReadLine } from './grid-cells';
import { findBlocks, lineRole, type Block } from './grid-blocks';
import { bodySlots, type Slot } from './grid-columns';
import { readHeader, type HeaderCell, type HeaderModel } from './grid-header';
import { settleCodes, type CodeCarry } from './grid-codes';
import { columnsOf, headerLines, looseLine, place, rowCodes, rowText, type GridLine, type Out } from './grid-output';
import { buildRows, upperHalfLines, type WrapContext } from './grid-wrap';
import { flatMap } from './flat-map';

export type { GridLine, GridLineKind } from './grid-output';

/** What a table carries over to its continuation on the next page. */
interface TableState {
	columns: HeaderCell[];
	carry: CodeCarry[];
}

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
	// Numbered in place: every line of `out` was made here, so none is shared (a copy per line was spread).
	for (let i = 0; i < out.length; i++) (out[i] as GridLine).no = i + 1;
	return out as GridLine[];
}

/** How a block reads lines beside its rows. */
interface BlockContext {
	adjacent: (a: ReadLine, b: ReadLine) => boolean;
	prose: (line: ReadLine) => Out;
}

/** One block → its output lines, and what a continuation on the next page needs. */
function readBlock(lines: readonly ReadLine[], block: Block, carried: TableState | null, { adjacent, prose }: BlockContext): { out: Out[]; state: TableState } {
	const plan = planBlock(lines, block, carried, adjacent);
	const { header, layout, rowLines } = plan;
	const built = buildRows(rowLines, plan.wrap);
	const carry = carried?.carry ?? [];
	const codes = rowCodes(built.rows, header, carry);
	const out: Out[] = plan.own ? headerLines(header, layout, lines) : [];
	const rowAt = new Map(built.rows.map((r) => [r.line, r]));
	const joined = new Set(flatMap(built.rows, (r) => r.lines));
	const loose = new Set(built.loose);
	for (const line of rowLines) {
		const row = rowAt.get(line);
		if (row) out.push({ text: rowText(row, layout, codes.get(row)).join('\t'), kind: 'row', ...place(line) });
		else if (loose.has(line)) out.push(line.cells.length < 2 ? prose(line) : looseLine(line, header.slots, layout));
		else if (!joined.has(line)) out.push(prose(line));
	}
	return { out, state: { columns: header.columns, carry } };
}

/** A block's columns, header and the lines its rows are read from. */
interface BlockPlan {
	header: HeaderModel;
	/** Whether the header is the block's own (else the previous page's, not printed again). */
	own: boolean;
	layout: number[][];
	rowLines: ReadLine[];
	wrap: WrapContext;
}

function planBlock(lines: readonly ReadLine[], block: Block, carried: TableState | null, adjacent: WrapContext['adjacent']): BlockPlan {
	const region = lines.slice(block.firstBody, block.end + 1);
	const bodyLines = region.filter((l) => l.body);
	const coded = bodyLines.some((l) => l.cells.some((c) => c.kind === 'code' || c.kind === 'piece'));
	const fullBand = lines.slice(block.headerStart, block.firstBody).filter((l) => l.cells.length > 0);
	// In a table of labels, the first row's label may begin right above it, among the header lines.
	const band = coded ? fullBand : fullBand.slice(0, fullBand.length - upperHalfLines(fullBand, lines[block.firstBody], region.slice(1), adjacent));
	const bandCells: HeaderCell[] = flatMap(band, (l) => l.cells.map((c) => ({ text: c.text, x0: c.x0, x1: c.x1, line: l.index })));
	settleCodes(bodyLines, [...bandCells, ...(carried?.columns ?? [])].map((c) => c.text));
	const labels = coded ? [] : lines.slice(block.headerStart, block.end + 1).filter((l) => !l.body && !band.includes(l));
	const body = bodySlots(bodyLines, labels);
	const { header, own } = chooseHeader(bandCells, body.slots, carried);
	// Without a header of its own, the lines above the first row are rows and wrapped names.
	const rowStart = own ? (band.length > 0 ? band[band.length - 1].index + 1 : block.firstBody) : block.headerStart;
	const finalIndex = body.slots.map((s) => header.slots.indexOf(s));
	const slotOf = (c: GridCell) => finalIndex[body.slotOf.get(c) ?? -1] ?? -1;
	const layout = columnsOf(header.slots);
	const columnOf = header.slots.map((_, i) => layout.findIndex((c) => c.includes(i)));
	return { header, own, layout, rowLines: lines.slice(rowStart, block.end + 1), wrap: { slots: header.slots, slotOf, columnOf, coded, adjacent } };
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

