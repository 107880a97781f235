/**
 * A table saved from Excel as CSV (“CSV（逗号分隔）”, the save users reach for first) → the
 * tab-separated lines every later stage reads. Excel pads each row to the sheet's width (`收入,,支出,,,,`)
 * and quotes a cell holding a comma (`"12,345.67"`); a text disclosure has neither — its commas stand
 * inside figures or prose — and its tables are tab- or space-separated. A quoted cell may hold a line
 * break: the row is then one line, traced to the line of the file where it starts.
 */
import type { SourceLine } from './layout';

/** Rows with an empty cell between commas, or a quoted figure, that make a file a CSV. */
const MIN_CSV_ROWS = 5;
const QUOTED_FIGURE = /(?:^|,)"[-\d,.%]+"(?:,|$)/;
const COMMA = 0x2c;

/** An empty cell between commas, or at a row's start or end: no figure or sentence has one. */
const hasEmptyCell = (text: string) => text.includes(',,') || text.charCodeAt(0) === COMMA || text.charCodeAt(text.length - 1) === COMMA;

/** Whether the lines are a CSV export: no tabs, and several rows only a CSV writer makes. */
export function looksLikeCsv(lines: readonly SourceLine[]): boolean {
	let rows = 0;
	for (const { text } of lines) {
		if (text.includes('\t')) return false;
		// Plain string tests first: every line of a text without tabs comes here.
		if (text.includes(',') && (hasEmptyCell(text) || (text.includes('"') && QUOTED_FIGURE.test(text))) && ++rows >= MIN_CSV_ROWS) return true;
	}
	return false;
}

/** The CSV's rows as tab-separated lines, numbered from 1, each with the file's line where it starts. */
export function csvToTabLines(lines: readonly SourceLine[]): SourceLine[] {
	const out: SourceLine[] = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let startLine = 0;
	for (const { no, text } of lines) {
		if (!quoted) startLine = no;
		else cell += ' '; // a line break inside a quoted cell
		for (let i = 0; i < text.length; i++) {
			const c = text[i];
			if (quoted) {
				if (c !== '"') cell += c;
				else if (text[i + 1] === '"') (cell += '"'), i++;
				else quoted = false;
			} else if (c === '"' && cell === '') quoted = true;
			else if (c === ',') cells.push(cell), (cell = '');
			else cell += c;
		}
		if (quoted) continue;
		cells.push(cell);
		// Excel's padding to the sheet's width is no cell of the row.
		while (cells.length > 1 && cells[cells.length - 1].trim() === '') cells.pop();
		out.push({ no: out.length + 1, text: cells.join('\t'), pageLine: startLine });
		cells = [];
		cell = '';
	}
	if (quoted || cells.length > 0) out.push({ no: out.length + 1, text: [...cells, cell].join('\t'), pageLine: startLine });
	return out;
}
