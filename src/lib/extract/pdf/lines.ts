/**
 * Glyph runs → printed lines of cells. Runs whose glyph boxes share most of their height form a
 * line (a figure set in a smaller font, vertically centred in its cell, still belongs to its row).
 * Along a line, runs that touch are one cell — CJK fonts often emit one item per character or
 * word — and a space or a gap of more than a quarter em starts a new cell, so a blank table
 * cell is simply absent at its x.
 */
import type { PositionedCell, PositionedLine } from '../positioned';
import type { GlyphRun, Quarter } from './page-text';

// Runs further apart than this (in em of the larger font) are separate cells. Cell padding in
// disclosure tables is at least ~⅓ em; letters of one word touch or nearly do.
const CELL_GAP_EM = 0.25;
// Two runs are on one line when their glyph boxes overlap by at least this share of the smaller.
const LINE_OVERLAP = 0.5;
// A run drawn again within this distance (em) is overprinting (simulated bold), not new text.
const OVERPRINT_EM = 0.25;

/** Lines of one page in reading order: the main frame's lines top to bottom, then other frames'. */
export function pageLines(runs: readonly GlyphRun[], page: number, mainQuarter: Quarter): PositionedLine[] {
	const quarters = ([0, 1, 2, 3] as Quarter[]).sort((a, b) => Number(b === mainQuarter) - Number(a === mainQuarter));
	const lines: Array<Omit<PositionedLine, 'pageLine'>> = [];
	for (const q of quarters) {
		for (const group of groupLines(runs.filter((r) => r.quarter === q))) {
			const line = toLine(group, page);
			if (line.cells.length > 0) lines.push(line);
		}
	}
	return lines.map((l, i) => ({ ...l, pageLine: i + 1 }));
}

/** Groups runs of one frame into lines, top to bottom. */
export function groupLines(runs: readonly GlyphRun[]): GlyphRun[][] {
	const sorted = [...runs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
	const lines: GlyphRun[][] = [];
	for (const run of sorted) {
		const current = lines[lines.length - 1];
		if (current && sameLine(current[0], run)) current.push(run);
		else lines.push([run]);
	}
	return lines;
}

function sameLine(a: GlyphRun, b: GlyphRun): boolean {
	const overlap = Math.min(a.baseline, b.baseline) - Math.max(a.baseline - a.size, b.baseline - b.size);
	return overlap >= LINE_OVERLAP * Math.min(a.size, b.size);
}

function toLine(runs: readonly GlyphRun[], page: number): Omit<PositionedLine, 'pageLine'> {
	const text = runs.filter((r) => r.text !== '');
	return {
		page,
		y: median(text.map((r) => r.baseline)),
		height: median(text.map((r) => r.size)),
		cells: mergeCells(runs)
	};
}

/** Joins touching runs of one line into cells, left to right; space runs only separate. */
export function mergeCells(runs: readonly GlyphRun[]): PositionedCell[] {
	const sorted = [...runs].sort((a, b) => a.x0 - b.x0 || Number(b.text === '') - Number(a.text === ''));
	const cells: Array<PositionedCell & { size: number }> = [];
	let separated = true;
	for (const run of sorted) {
		if (run.text === '') {
			separated = true;
			continue;
		}
		const last = cells[cells.length - 1];
		if (last && isOverprint(last, run)) continue;
		if (last && !separated && run.x0 - last.x1 < CELL_GAP_EM * Math.max(last.size, run.size)) {
			last.text += run.text;
			last.x1 = Math.max(last.x1, run.x1);
			last.size = Math.max(last.size, run.size);
		} else {
			cells.push({ text: run.text, x0: run.x0, x1: run.x1, size: run.size });
		}
		separated = false;
	}
	// Ideographic spaces join the pieces of a cell but mean nothing at its ends (indentation).
	return cells.map(({ text, x0, x1 }) => ({ text: text.trim(), x0, x1 })).filter((c) => c.text !== '');
}

function isOverprint(cell: PositionedCell & { size: number }, run: GlyphRun): boolean {
	return cell.text.endsWith(run.text) && Math.abs(cell.x1 - run.x1) < OVERPRINT_EM * run.size;
}

function median(values: readonly number[]): number {
	if (values.length === 0) return 0;
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor((s.length - 1) / 2)];
}
