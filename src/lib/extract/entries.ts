/**
 * Stage 4: rows → entries of a classification table. An entry is a classification code, its name
 * and the figure cells after it; the table total (合计/总计, or a row of bare figures before the
 * first code) is an entry without a code. Side-by-side layouts (several code–name–amount groups
 * on one printed line) yield several entries per row. Cells that belong to no entry are header
 * text, from which the table's columns are read.
 */
import { isAmountCell } from './amount';
import type { Cell, Row } from './layout';

export interface Entry {
	/** Classification code, or null for the table total. */
	code: string | null;
	name: string;
	/** Figure cells in print order; '' is a blank cell (only where the layout keeps blanks). */
	figures: string[];
	line: number;
	blanksKept: boolean;
}

export interface ParsedEntries {
	entries: Entry[];
	/** Cells of rows that held no entry: the header text. */
	headerCells: Cell[];
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL_LABEL = /^(?:合\s*计|总\s*计)[：:]?$/;

const isText = (t: string) => t !== '' && !isAmountCell(t);

/** Reads the entries of a table's rows. */
export function parseEntries(rows: readonly Row[]): ParsedEntries {
	const entries: Entry[] = [];
	const headerCells: Cell[] = [];
	const groupStarts = sideBySideGroupStarts(rows);
	for (const row of rows) {
		const found = entriesOfRow(row, entries.some((e) => e.code !== null), groupStarts);
		if (found.length > 0) entries.push(...found);
		else headerCells.push(...row.cells.filter((c) => c.text !== ''));
	}
	return { entries, headerCells };
}

/**
 * Where blank cells are kept, a side-by-side table (code–name–amount groups repeated across the
 * line) is a grid: every group starts in the same column on every line. The starts are the columns
 * of the codes on lines that hold several entries. An entry's figure cells end where the next group
 * starts — otherwise the empty code and name cells of an empty neighbouring group would be taken
 * for blank figure cells of this entry and fix its columns wrongly.
 */
function sideBySideGroupStarts(rows: readonly Row[]): number[] {
	const starts = new Set<number>();
	for (const row of rows) {
		if (!row.blanksKept) continue;
		const codeColumns = row.cells.map((_, i) => i).filter((i) => entryStart(row.cells, i)?.code);
		if (codeColumns.length >= 2) codeColumns.forEach((i) => starts.add(i));
	}
	return [...starts].sort((a, b) => a - b);
}

function entriesOfRow(row: Row, afterFirstCode: boolean, groupStarts: readonly number[]): Entry[] {
	const cells = row.cells;
	if (!afterFirstCode && isBareFigureRow(cells)) {
		return [{ code: null, name: '合计', figures: cells.map((c) => c.text), line: row.line, blanksKept: row.blanksKept }];
	}
	const out: Entry[] = [];
	let i = 0;
	while (i < cells.length) {
		const start = entryStart(cells, i);
		if (!start) {
			i++;
			continue;
		}
		const groupEnd = row.blanksKept ? (groupStarts.find((g) => g > i) ?? cells.length) : cells.length;
		let j = i + 1;
		const name: string[] = [];
		while (j < groupEnd && isText(cells[j].text) && !entryStart(cells, j)) name.push(cells[j++].text);
		const figures: string[] = [];
		while (j < groupEnd && !isText(cells[j].text) && !entryStart(cells, j)) figures.push(cells[j++].text);
		if (figures.some((f) => f !== '')) {
			out.push({ code: start.code, name: start.code === null ? '合计' : name.join(''), figures, line: cells[i].line, blanksKept: row.blanksKept });
		}
		i = j;
	}
	return out;
}

function entryStart(cells: readonly Cell[], i: number): { code: string | null } | null {
	const t = cells[i].text;
	if (TOTAL_LABEL.test(t)) return { code: null };
	if (!CODE.test(t)) return null;
	// A code is followed by its name; a bare number followed by figures is an amount.
	const next = cells.slice(i + 1).find((c) => c.text !== '');
	return next && isText(next.text) ? { code: t } : null;
}

function isBareFigureRow(cells: readonly Cell[]): boolean {
	const filled = cells.filter((c) => c.text !== '');
	return filled.length >= 2 && filled.every((c) => isAmountCell(c.text) && /\d/.test(c.text));
}
