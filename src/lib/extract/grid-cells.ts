/**
 * The grid's reading of one positioned line: each cell is a figure, a classification code (whole,
 * or a 类/款/项 piece printed in its own column) or text, and the line is a table row (it holds a
 * code or a figure standing in a column of its own) or not.
 */
import { isAmountCell, toHalfWidth } from './amount';
import type { PositionedLine } from './positioned';

/** `piece`: a 类 (3 digits) or 款/项 (2 digits) printed in its own column; `loose`: 2-digit pieces without a 类, pieces only if the table prints 类/款/项 elsewhere. */
export type CellKind = 'text' | 'figure' | 'code' | 'piece' | 'loose';

export interface Box {
	x0: number;
	x1: number;
}

export interface GridCell extends Box {
	text: string;
	kind: CellKind;
}

/** A positioned line with its cells read; `index` is its place in the input. */
export interface ReadLine {
	src: PositionedLine;
	index: number;
	cells: GridCell[];
	/** Holds a code or a figure standing in a column of its own. */
	body: boolean;
}

const FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;
const CLASS_PIECE = /^\d{3}$/;
const SUB_PIECE = /^\d{2}$/;

export const overlaps = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1;
export const overlapLength = (a: Box, b: Box): number => Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
export const gap = (a: Box, b: Box): number => Math.max(0, b.x0 - a.x1, a.x0 - b.x1);
export const centre = (b: Box): number => (b.x0 + b.x1) / 2;
/** Whether two boxes stand one over the other: overlapping, or nearly (characters set one per line in a narrow cell: 小 / 计). */
export const standsOver = (a: Box, b: Box): boolean => gap(a, b) <= 0.15 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
export const halfWidth = (t: string): string => toHalfWidth(t);

/**
 * Width of one digit in the lines' unit (1 for text columns, about half an em in a PDF): the
 * measure of what counts as a gap between columns.
 */
export function digitWidth(lines: readonly PositionedLine[]): number {
	const widths: number[] = [];
	for (const l of lines) {
		for (const c of l.cells) {
			const t = c.text.trim();
			if (/^[\d,.]+$/.test(t) && t.length >= 3) widths.push((c.x1 - c.x0) / t.length);
		}
	}
	if (widths.length === 0) return median(lines.map((l) => l.height)) / 2 || 1;
	return median(widths);
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	return s.length === 0 ? 0 : s[Math.floor(s.length / 2)];
}

/** A page break (form feed) is no text; most cells hold none and skip the replace. */
const withoutFormFeeds = (t: string) => (t.includes('\f') ? t.replace(/\f/g, '') : t);

/** Reads the cells of a line; `columnGap` is the least gap that separates two columns. */
export function readLine(src: PositionedLine, index: number, columnGap: number): ReadLine {
	const cells: GridCell[] = [];
	let sorted = true;
	for (const c of src.cells) {
		const text = withoutFormFeeds(c.text).trim();
		if (text === '') continue;
		if (cells.length > 0 && c.x0 < cells[cells.length - 1].x0) sorted = false;
		cells.push({ text, x0: c.x0, x1: c.x1, kind: isAmountCell(text) ? 'figure' : 'text' });
	}
	// Cells mostly come left to right already; sorting allocates (V8's sort copies), so only when not.
	if (!sorted) cells.sort((a, b) => a.x0 - b.x0);
	markCodes(cells, columnGap);
	return { src, index, cells, body: isBody(cells, columnGap) };
}

/** A code (or run of 类/款/项 pieces) starts a column and is followed by its name. */
function markCodes(cells: GridCell[], columnGap: number): void {
	for (let i = 0; i < cells.length; i++) {
		if (i > 0 && gap(cells[i - 1], cells[i]) < columnGap) continue;
		const pieces = pieceRun(cells, i);
		const next = cells[i + pieces.length];
		if (pieces.length === 0 || !next || next.kind !== 'text') continue;
		const texts = pieces.map((c) => halfWidth(c.text));
		if (pieces.length === 1 && FULL_CODE.test(texts[0])) pieces[0].kind = 'code';
		else if (CLASS_PIECE.test(texts[0]) && texts.slice(1).every((t) => SUB_PIECE.test(t))) pieces.forEach((c) => (c.kind = 'piece'));
		else if (texts.every((t) => SUB_PIECE.test(t))) pieces.forEach((c) => (c.kind = 'loose'));
		i += pieces.length;
	}
}

/** Up to three consecutive all-digit cells from i (a code, or 类 款 项). */
function pieceRun(cells: readonly GridCell[], i: number): GridCell[] {
	const run: GridCell[] = [];
	for (let j = i; j < cells.length && run.length < 3 && /^\d+$/.test(halfWidth(cells[j].text)); j++) run.push(cells[j]);
	return run;
}

/**
 * A table row holds a code, or a figure that stands apart from the text before it — prose that
 * mentions `12.50 万元` keeps its figure a space away from its words.
 */
function isBody(cells: readonly GridCell[], columnGap: number): boolean {
	// A lone amount with decimals is a row whose label is wrapped above and below; a lone integer is a page number.
	if (cells.length === 1) return cells[0].kind === 'figure' && /\d[.．]\d/.test(cells[0].text);
	return cells.some((c, i) => {
		if (c.kind === 'code' || c.kind === 'piece' || c.kind === 'loose') return true;
		if (c.kind !== 'figure') return false;
		const before = i > 0 ? gap(cells[i - 1], c) : Infinity;
		const after = i + 1 < cells.length ? gap(c, cells[i + 1]) : Infinity;
		return i > 0 ? before >= columnGap : after >= columnGap;
	});
}

/** True for characters written without spaces between them (CJK, full-width forms, CJK punctuation). */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f“”‘’]/u;

/** Cells of one printed line joined: no space between CJK characters, one space otherwise. */
export function joinAcross(parts: readonly string[]): string {
	return parts.reduce((acc, p) => {
		if (acc === '') return p;
		const wide = WIDE.test(acc[acc.length - 1]) && WIDE.test(p[0]);
		return acc + (wide ? '' : ' ') + p;
	}, '');
}

/** Cells of one printed line as text: apart by `wide` or more, a space; closer, joined as by joinAcross. */
export function joinSpaced(cells: readonly GridCell[], wide: number): string {
	return cells.reduce((acc, c, i) => (i === 0 ? c.text : gap(cells[i - 1], c) >= wide ? `${acc} ${c.text}` : joinAcross([acc, c.text])), '');
}

/** Pieces of a word wrapped over lines: joined without a space unless both sides are Latin letters or digits. */
export function joinWrapped(parts: readonly string[]): string {
	return parts.reduce((acc, p) => {
		if (acc === '') return p;
		const latin = /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(p);
		return acc + (latin ? ' ' : '') + p;
	}, '');
}
