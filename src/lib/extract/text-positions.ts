/**
 * Text laid out by position (`pdftotext -layout`): every character stands in a column, so a line
 * is a PositionedLine whose x is the character column. pdftotext gives each character one column,
 * CJK included (a right-aligned figure column ends in the same column on every row whatever the
 * names before it), so columns are counted in code points.
 *
 * Cells are split at runs of two or more spaces. A single space also ends a cell next to a figure:
 * pdftotext pushes text that would overlap to one space after it (`27,664.22 一、一般公共服务支出`).
 */
import { isAmountCell } from './amount';
import { rebuildGrid } from './grid';
import { detectLayout, type Layout, type SourceLine } from './layout';
import type { SourceText } from './source';
import type { PositionedCell, PositionedLine } from './positioned';

/** What separates tokens: space, ideographic space, tab. */
const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09;

/** Cells already read from a line's text (by the alignment test), for the rebuild to take rather than read again. */
export type CellCache = Map<SourceLine, PositionedCell[]>;

/** Text lines → positioned lines (x in character columns, y the line number, height 1). */
export function textPositions(lines: readonly SourceLine[], read?: CellCache): PositionedLine[] {
	return lines.map((l) => ({ page: null, pageLine: l.pageLine ?? l.no, y: l.no, height: 1, cells: read?.get(l) ?? textCells(l.text) }));
}

/**
 * The cells of one line of positioned text: its tokens (runs of non-space characters with their
 * columns), a token one column after a word joined to it unless either is an amount. Tokens are
 * taken as they are found, with no object per token.
 */
export function textCells(text: string): PositionedCell[] {
	// A form feed (pdftotext's page break) stands before the first character of a page.
	const s = text.includes('\f') ? text.replace(/\f/g, '') : text;
	const cells: PositionedCell[] = [];
	// The last token: its text and end column (lastX1 < 0: none yet).
	let lastText = '';
	let lastX1 = -1;
	// Whether the last token is an amount, once tested (null: not yet), so that no token is tested twice.
	let lastIsAmount: boolean | null = null;
	const take = (token: string, x0: number, x1: number) => {
		let isAmount: boolean | null = null;
		let joins = false;
		if (lastX1 >= 0 && x0 - lastX1 === 1) {
			lastIsAmount ??= isAmountCell(lastText);
			if (!lastIsAmount) joins = !(isAmount = isAmountCell(token));
		}
		if (joins) {
			const cell = cells[cells.length - 1];
			cell.text += ' ' + token;
			cell.x1 = x1;
		} else {
			cells.push({ text: token, x0, x1 });
		}
		lastText = token;
		lastX1 = x1;
		lastIsAmount = isAmount;
	};
	// Columns count code points; tokens are sliced from the string by UTF-16 index (no array of characters).
	let column = 0;
	let start = -1;
	let startAt = 0;
	for (let i = 0; i < s.length; column++) {
		const c = s.codePointAt(i) as number;
		const space = isSpace(c);
		if (!space && start < 0) (start = column), (startAt = i);
		if (space && start >= 0) {
			take(s.slice(startAt, i), start, column);
			start = -1;
		}
		i += c > 0xffff ? 2 : 1;
	}
	if (start >= 0) take(s.slice(startAt), start, column);
	return cells;
}

/** Lines with figures needed before a text counts as laid out by position. */
const MIN_FIGURE_LINES = 5;

/**
 * Whether the text is laid out by position: figures stand apart from their neighbours (two or
 * more spaces) and end in the same column as a figure on one of the lines just above. Text copied
 * from a PDF without layout separates cells by single spaces and lines up nothing.
 */
export function isPositionallyAligned(lines: readonly SourceLine[], read?: CellCache): boolean {
	const recent: number[][] = [];
	let figureLines = 0;
	let aligned = 0;
	let apart = 0;
	let figures = 0;
	for (const line of lines) {
		if (!ASCII_DIGIT.test(line.text)) continue; // no figure (isFigure needs a digit): nothing to align
		const cells = textCells(line.text);
		read?.set(line, cells);
		if (cells.length < 2) continue; // a line of one cell counts for nothing: its cell is not tested
		// One pass over the cells: where the figures end, and how many of them (after the first cell) stand apart.
		const ends: number[] = [];
		let lineFigures = 0;
		let lineApart = 0;
		for (let i = 0; i < cells.length; i++) {
			const c = cells[i];
			if (!isFigure(c.text)) continue;
			ends.push(c.x1);
			if (i === 0) continue;
			lineFigures++;
			if (c.x0 - cells[i - 1].x1 >= 2) lineApart++;
		}
		if (ends.length === 0) continue;
		figureLines++;
		figures += lineFigures;
		apart += lineApart;
		if (endsNearAbove(ends, recent)) aligned++;
		recent.push(ends);
		if (recent.length > 4) recent.shift();
	}
	return figureLines >= MIN_FIGURE_LINES && aligned >= 0.5 * figureLines && apart >= 0.6 * figures;
}

/** Whether a figure of this line ends within a column of one on the lines just above. */
function endsNearAbove(ends: readonly number[], recent: readonly (readonly number[])[]): boolean {
	for (const e of ends) for (const r of recent) for (const x of r) if (Math.abs(x - e) <= 1) return true;
	return false;
}

const ASCII_DIGIT = /\d/;
const isFigure = (t: string) => isAmountCell(t) && ASCII_DIGIT.test(t);

/**
 * Positioned text → lines in the `tabs` layout (rebuildGrid), keeping every prose line exactly as
 * it was: the narrative is read word for word.
 */
export function gridText(lines: readonly SourceLine[], read?: CellCache): SourceLine[] {
	const byLine = new Map(lines.map((l) => [l.pageLine ?? l.no, l]));
	return rebuildGrid(textPositions(lines, read)).map(({ kind, ...out }) => {
		const original = kind === 'prose' ? byLine.get(out.pageLine ?? out.no) : undefined;
		return original ? { ...out, text: original.text.replace(/[\f\t]/g, ' ').trimEnd() } : out;
	});
}

/**
 * The lines and layout a source is read in. A plain text laid out by position (`pdftotext
 * -layout`) has its tables rebuilt from where the cells stand and is read with blanks kept; any
 * other text keeps its lines and the layout detected from them.
 */
export function sourceLayout(source: SourceText): { lines: SourceLine[]; layout: Layout } {
	if (source.layout !== null) return { lines: source.lines, layout: source.layout };
	const layout = detectLayout(source.lines);
	if (layout !== 'spaces') return { lines: source.lines, layout };
	// The lines the alignment test reads are read once: a positioned text rebuilds from the same cells.
	const read: CellCache = new Map();
	if (!isPositionallyAligned(source.lines, read)) return { lines: source.lines, layout };
	return { lines: gridText(source.lines, read), layout: 'tabs' };
}
