/**
 * Stage 4: rows → entries of a classification table. An entry is a classification code, its name
 * and the figure cells after it; the table total (合计/总计, or a row of bare figures — which a
 * title-after layout may print above or below the coded rows) is an entry without a code.
 * Side-by-side layouts (several code–name–amount groups on one printed line) yield several entries
 * per row. PDF text may wrap a row: a code whose figures are not on its line is continued by the
 * following line(s) without a code. Cells that belong to no entry are header text, from which the
 * table's columns are read.
 */
import { isAmountCell, isNumberCell, toHalfWidth } from './amount';
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
	/** Coded rows for which no figure was found, for the diagnostics. */
	unfinished: Entry[];
}

/** A name wraps over at most this many further lines before its figures come. */
const MAX_NAME_CONTINUATIONS = 2;

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL_LABEL = /^(?:合\s*计|总\s*计)[：:]?$/;

const isText = (t: string) => t !== '' && !isAmountCell(t);
const hasFigures = (e: Entry) => e.figures.some((f) => f !== '');

/** Reads the entries of a table's rows. */
export function parseEntries(rows: readonly Row[]): ParsedEntries {
	const out: ParsedEntries = { entries: [], headerCells: [], unfinished: [] };
	const read = rows.map(readRow);
	const groupStarts = sideBySideGroupStarts(read);
	let wrapped: WrappedEntry | null = null;
	// Whether a 合计 (code null) entry was taken yet: a flag, not a scan of the entries per row.
	let hasTotal = false;
	for (const r of read) {
		const row = r.row;
		if (wrapped && continueWrapped(wrapped, r)) {
			if (wrapped.entry.figures.length > 0) {
				out.entries.push(wrapped.entry);
				wrapped = null;
			}
			continue;
		}
		if (wrapped) {
			out.unfinished.push(wrapped.entry);
			wrapped = null;
		}
		const found = entriesOfRow(r, hasTotal, groupStarts);
		if (found.length === 0) out.headerCells.push(...row.cells.filter((c) => c.text !== ''));
		// A coded row ending a PDF line without figures may continue on the next line.
		const last = found[found.length - 1];
		const mayWrap = last !== undefined && last.code !== null && !row.blanksKept && !hasFigures(last);
		for (const e of found) {
			if (hasFigures(e)) {
				out.entries.push(e);
				hasTotal ||= e.code === null;
			} else if (e.code !== null && !(mayWrap && e === last)) out.unfinished.push(e);
		}
		if (mayWrap) wrapped = { entry: last, nameLines: 0 };
	}
	if (wrapped) out.unfinished.push(wrapped.entry);
	return out;
}

/**
 * A row with what each of its cells is, worked out once: whether it reads as text (not blank, not a
 * figure) and the entry it starts ({@link entryStart}). The readers below ask both of a cell several
 * times — where a name ends, where its figures end, where a side-by-side group starts; working them
 * out at each asking took about a seventh of parseEntries' time (BENCHMARKS.md, sixteenth session).
 */
interface ReadRow {
	row: Row;
	text: boolean[];
	starts: EntryStart[];
}

function readRow(row: Row): ReadRow {
	const cells = row.cells;
	// Pushed, not sized up front: an array made with holes stays "holey" (slower to read) in V8.
	const text: boolean[] = [];
	for (let i = 0; i < cells.length; i++) text.push(isText(cells[i].text));
	const starts: EntryStart[] = [];
	for (let i = 0; i < cells.length; i++) starts.push(entryStart(cells, i, text));
	return { row, text, starts };
}

/** A coded row whose figures were not on its printed line. */
interface WrappedEntry {
	entry: Entry;
	nameLines: number;
}

/**
 * A line without a code, holding the rest of a wrapped row's name and/or its figures
 * (`2080505 机关事业单位基本养老保险缴` / `费支出 38.40 38.40`): appended to the row.
 */
function continueWrapped(wrapped: WrappedEntry, { row, starts }: ReadRow): boolean {
	const texts = row.cells.map((c) => c.text).filter((t) => t !== '');
	if (row.blanksKept || texts.length === 0 || starts.some((s) => s !== NO_ENTRY)) return false;
	const firstFigure = texts.findIndex((t) => !isText(t));
	const name = firstFigure < 0 ? texts : texts.slice(0, firstFigure);
	const figures = firstFigure < 0 ? [] : texts.slice(firstFigure);
	if (figures.some(isText)) return false;
	if (figures.length === 0 && wrapped.nameLines++ >= MAX_NAME_CONTINUATIONS) return false;
	wrapped.entry.name += name.join('');
	wrapped.entry.figures.push(...figures);
	return true;
}

/**
 * Where blank cells are kept, a side-by-side table (code–name–amount groups repeated across the
 * line) is a grid: every group starts in the same column on every line. The starts are the columns
 * of the codes on lines that hold several entries. An entry's figure cells end where the next group
 * starts — otherwise the empty code and name cells of an empty neighbouring group would be taken
 * for blank figure cells of this entry and fix its columns wrongly.
 */
function sideBySideGroupStarts(rows: readonly ReadRow[]): number[] {
	const starts = new Set<number>();
	for (const r of rows) {
		if (!r.row.blanksKept) continue;
		const codeColumns: number[] = [];
		for (let i = 0; i < r.starts.length; i++) if (typeof r.starts[i] === 'string') codeColumns.push(i);
		if (codeColumns.length >= 2) codeColumns.forEach((i) => starts.add(i));
	}
	return [...starts].sort((a, b) => a - b);
}

/** The entries a printed line starts (figureless ones included: the caller decides what they are). */
function entriesOfRow({ row, text, starts }: ReadRow, hasTotal: boolean, groupStarts: readonly number[]): Entry[] {
	const cells = row.cells;
	if (!hasTotal && isBareFigureRow(cells, text)) {
		return [{ code: null, name: '合计', figures: cells.map((c) => c.text), line: row.line, blanksKept: row.blanksKept }];
	}
	const out: Entry[] = [];
	let i = 0;
	while (i < cells.length) {
		const code = starts[i];
		if (code === NO_ENTRY) {
			i++;
			continue;
		}
		// The groups' starts come from every row of the table: a shorter row ends before the next.
		const groupEnd = row.blanksKept ? Math.min(groupStarts.find((g) => g > i) ?? cells.length, cells.length) : cells.length;
		let j = i + 1;
		const name: string[] = [];
		while (j < groupEnd && text[j] && starts[j] === NO_ENTRY) name.push(cells[j++].text);
		const figures: string[] = [];
		while (j < groupEnd && !text[j] && starts[j] === NO_ENTRY) figures.push(cells[j++].text);
		if (code !== null || figures.some((f) => f !== '')) {
			out.push({ code, name: code === null ? '合计' : name.join(''), figures, line: cells[i].line, blanksKept: row.blanksKept });
		}
		i = j;
	}
	return out;
}

/** The characters TOTAL_LABEL starts with, by code: most cells are settled on their first one. */
const TOTAL_FIRST = new Set([...'合总'].map((c) => c.charCodeAt(0)));

/** What {@link entryStart} gives for a cell that starts no entry. */
const NO_ENTRY = undefined;

type EntryStart = string | null | typeof NO_ENTRY;

/**
 * The entry cell `i` starts: its code (ASCII), null for a 合计 (an entry without a code), or
 * {@link NO_ENTRY}. `text` says which cells of the row read as text. A plain value rather than an
 * object: it is kept for every cell ({@link ReadRow}).
 */
function entryStart(cells: readonly Cell[], i: number, text: readonly boolean[]): EntryStart {
	const t = cells[i].text;
	const first = t.charCodeAt(0);
	if (TOTAL_FIRST.has(first) && TOTAL_LABEL.test(t)) return null;
	// A code is 3, 5 or 7 digits (toHalfWidth keeps the length): any other cell stops here.
	if (t.length !== 3 && t.length !== 5 && t.length !== 7) return NO_ENTRY;
	// Codes may be printed in full-width digits like the amounts; they are kept in ASCII.
	const code = first >= 0xff10 ? toHalfWidth(t) : t;
	if (!CODE.test(code)) return NO_ENTRY;
	// A code is followed by its name; a bare number followed by figures is an amount.
	let next = i + 1;
	while (next < cells.length && cells[next].text === '') next++;
	return next < cells.length && text[next] ? code : NO_ENTRY;
}

/** A row of figures only (empty markers allowed), at least two of them numbers: a 合计 without its label. `text` as in {@link ReadRow}. */
function isBareFigureRow(cells: readonly Cell[], text: readonly boolean[]): boolean {
	return !text.includes(true) && cells.filter((c) => c.text !== '' && isNumberCell(c.text)).length >= 2;
}
