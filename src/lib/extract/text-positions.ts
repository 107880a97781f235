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

/** Tokens of a line: runs of non-space characters with their columns. */
interface Token {
	text: string;
	x0: number;
	x1: number;
}

/** What separates tokens: space, ideographic space, tab. */
const isSpace = (c: number) => c === 0x20 || c === 0x3000 || c === 0x09;

/** Text lines → positioned lines (x in character columns, y the line number, height 1). */
export function textPositions(lines: readonly SourceLine[]): PositionedLine[] {
	return lines.map((l) => ({ page: null, pageLine: l.pageLine ?? l.no, y: l.no, height: 1, cells: textCells(l.text) }));
}

/** The cells of one line of positioned text. */
export function textCells(text: string): PositionedCell[] {
	const cells: PositionedCell[] = [];
	let last: Token | null = null;
	// Whether the last token is an amount, once tested (null: not yet), so that no token is tested twice.
	let lastIsAmount: boolean | null = null;
	for (const token of tokens(text)) {
		const cell = cells[cells.length - 1];
		let isAmount: boolean | null = null;
		let joins = false;
		if (cell !== undefined && last !== null && token.x0 - last.x1 === 1) {
			lastIsAmount ??= isAmountCell(last.text);
			if (!lastIsAmount) joins = !(isAmount = isAmountCell(token.text));
		}
		if (joins) {
			cell.text += ' ' + token.text;
			cell.x1 = token.x1;
		} else {
			cells.push({ text: token.text, x0: token.x0, x1: token.x1 });
		}
		last = token;
		lastIsAmount = isAmount;
	}
	return cells;
}

function tokens(text: string): Token[] {
	// A form feed (pdftotext's page break) stands before the first character of a page.
	const s = text.includes('\f') ? text.replace(/\f/g, '') : text;
	const out: Token[] = [];
	// Columns count code points; tokens are sliced from the string by UTF-16 index (no array of characters).
	let column = 0;
	let start = -1;
	let startAt = 0;
	for (let i = 0; i < s.length; column++) {
		const c = s.codePointAt(i) as number;
		const space = isSpace(c);
		if (!space && start < 0) (start = column), (startAt = i);
		if (space && start >= 0) {
			out.push({ text: s.slice(startAt, i), x0: start, x1: column });
			start = -1;
		}
		i += c > 0xffff ? 2 : 1;
	}
	if (start >= 0) out.push({ text: s.slice(startAt), x0: start, x1: column });
	return out;
}

/** Lines with figures needed before a text counts as laid out by position. */
const MIN_FIGURE_LINES = 5;

/**
 * Whether the text is laid out by position: figures stand apart from their neighbours (two or
 * more spaces) and end in the same column as a figure on one of the lines just above. Text copied
 * from a PDF without layout separates cells by single spaces and lines up nothing.
 */
export function isPositionallyAligned(lines: readonly SourceLine[]): boolean {
	const recent: number[][] = [];
	let figureLines = 0;
	let aligned = 0;
	let apart = 0;
	let figures = 0;
	for (const line of lines) {
		if (!ASCII_DIGIT.test(line.text)) continue; // no figure (isFigure needs a digit): nothing to align
		const cells = textCells(line.text);
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
export function gridText(lines: readonly SourceLine[]): SourceLine[] {
	const byLine = new Map(lines.map((l) => [l.pageLine ?? l.no, l]));
	return rebuildGrid(textPositions(lines)).map(({ kind, ...out }) => {
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
	if (layout !== 'spaces' || !isPositionallyAligned(source.lines)) return { lines: source.lines, layout };
	return { lines: gridText(source.lines), layout: 'tabs' };
}
