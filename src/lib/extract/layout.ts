/**
 * Stage 2: lines → rows of cells. Disclosures come in three physical layouts, recognised from the
 * text itself rather than from the file:
 *  - `tabs`: one row per line, cells separated by tabs, blank cells kept (spreadsheet export);
 *  - `cells`: one cell per line, each cell line starting with a tab, a blank cell is a bare tab and
 *    an empty line ends the row (table-to-text export);
 *  - `spaces`: one row per line, cells separated by runs of spaces, blank cells dropped (PDF text).
 */
import { isWhiteSpace } from './trimmed-lines';

export type Layout = 'tabs' | 'cells' | 'spaces';

export interface SourceLine {
	/** 1-based line number in the source text (for PDFs: in the text read from all pages). */
	no: number;
	text: string;
	/** PDFs: the 1-based page the line was read from. */
	page?: number;
	/** Where the line stands in the original file when that differs from `no`: the line on its PDF
	 * page, or the line of the HTML source where the row or paragraph starts. */
	pageLine?: number;
	/** The original file, where one document is read from two files (narrative + tables). */
	file?: string;
}

export interface Cell {
	text: string;
	line: number;
}

export interface Row {
	cells: Cell[];
	/** Line of the row's first non-blank cell. */
	line: number;
	/** False when the layout drops blank cells, so cell positions say nothing about columns. */
	blanksKept: boolean;
}

/** Splits text into numbered lines; CRLF and lone CR line ends are accepted. */
export function splitLines(text: string): SourceLine[] {
	// Splitting on a plain '\n' is several times faster than on the alternation, and gives the
	// same lines when the text has no CR (most files).
	const parts = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
	const lines: SourceLine[] = new Array(parts.length);
	for (let i = 0; i < parts.length; i++) lines[i] = { no: i + 1, text: parts[i] };
	return lines;
}

/** Decides the layout from how tabs are used across the whole document. */
export function detectLayout(lines: readonly SourceLine[]): Layout {
	let leadingTabOnly = 0;
	let innerTabs = 0;
	for (const { text } of lines) {
		const tab = text.indexOf('\t');
		if (tab < 0) continue;
		// /^\t[^\t]*$/ without the regex (a cell a line: every line of such a document comes here)
		if (tab === 0 && text.indexOf('\t', 1) < 0) leadingTabOnly++;
		else if (/\S\t|\t\S.*\t/.test(text)) innerTabs++;
	}
	if (leadingTabOnly >= 20 && leadingTabOnly > innerTabs) return 'cells';
	if (innerTabs >= 5) return 'tabs';
	return 'spaces';
}

/** Assembles rows for a span of lines under the given layout. */
export function assembleRows(lines: readonly SourceLine[], layout: Layout): Row[] {
	if (layout === 'cells') return cellPerLineRows(lines);
	// A loop rather than flatMap: no array per line.
	const rows: Row[] = [];
	for (const l of lines) {
		const row = lineRow(l, layout);
		if (row) rows.push(row);
	}
	return rows;
}

/**
 * text.split(/\s+/) for a trimmed, non-empty text, by a scan of its character codes (a regex split
 * per table line was the costliest step of reading rows).
 */
export function splitAtSpaces(text: string): string[] {
	const parts: string[] = [];
	let start = 0;
	let i = 0;
	while (i < text.length) {
		if (!isWhiteSpace(text.charCodeAt(i))) {
			i++;
			continue;
		}
		parts.push(text.slice(start, i));
		while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
		start = i;
	}
	parts.push(text.slice(start));
	return parts;
}

/** The row of one line, or null for a blank line. */
function lineRow(line: SourceLine, layout: Layout): Row | null {
	const trimmed = line.text.trim();
	if (trimmed === '') return null;
	const cells: Row['cells'] = [];
	if (layout === 'tabs') {
		// line.text.split('\t'), each part made a cell as it is cut (no array of parts per line)
		const text = line.text;
		for (let start = 0; ; ) {
			const tab = text.indexOf('\t', start);
			cells.push({ text: (tab < 0 ? text.slice(start) : text.slice(start, tab)).trim(), line: line.no });
			if (tab < 0) break;
			start = tab + 1;
		}
	} else for (const part of splitAtSpaces(trimmed)) cells.push({ text: part.trim(), line: line.no });
	return { cells, line: line.no, blanksKept: layout === 'tabs' };
}

function cellPerLineRows(lines: readonly SourceLine[]): Row[] {
	const rows: Row[] = [];
	let group: Cell[] = [];
	const flush = () => {
		if (group.some((c) => c.text !== '')) {
			const first = group.find((c) => c.text !== '') as Cell;
			rows.push({ cells: group, line: first.line, blanksKept: true });
		}
		group = [];
	};
	for (const line of lines) {
		if (line.text === '' || (!line.text.startsWith('\t') && line.text.trim() === '')) {
			flush();
		} else if (line.text.startsWith('\t')) {
			group.push({ text: line.text.trim(), line: line.no });
		} else {
			// A line without the leading tab is free text (a title, a unit line): a row of its own.
			flush();
			rows.push({ cells: [{ text: line.text.trim(), line: line.no }], line: line.no, blanksKept: true });
		}
	}
	flush();
	return rows;
}
