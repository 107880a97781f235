/**
 * Where the tables are among positioned lines: a block is a table's header band (the short text
 * lines just above its first row) and its rows up to the last one. Titles, markers, notes (单位：
 * 万元, 部门：…) and prose end a block, and so does a page break; a block with no title since the
 * previous one continues that table (a table carried over to the next page).
 */
import { isMarkerLine, isTitleLine, mayAnnounceTable } from './segments';
import { joinAcross, type ReadLine } from './grid-cells';

export type LineRole = 'blank' | 'title' | 'note' | 'body' | 'text';

export interface Block {
	/** First line of the header band; equals firstBody when there is none. */
	headerStart: number;
	firstBody: number;
	/** Last line of the block: its last row, or a wrapped name just below it. */
	end: number;
	/** No title since the previous block: the same table, carried over. */
	continues: boolean;
}

/** Lines of a header band at most (a 三公 header with its words set one character per line takes eleven). */
const MAX_HEADER_LINES = 12;
/** Lines after the last row that may still hold the rest of its name. */
const MAX_TRAILING_FRAGMENTS = 2;
/** Header words, names and labels are shorter than this; a longer text cell is prose. */
const MAX_CELL_CHARS = 24;

const NOTE = /^(?:(?:公开)?部\s*门(?:名称)?|单\s*位(?:名称)?|金额单位|编制单位|预算单位|填报单位)\s*[：:]/;
const FOOTNOTE = /^(?:注|备注|说明)\s*\d*\s*[：:.．、]/;
const SENTENCE = /[，。；！？]/;
/** A text cell that begins with an amount's unit and goes on into a clause (万元，较上年 …). */
const UNIT_THEN_CLAUSE = /^(?:亿元|万元|千元|元|%)[，。；、,;]/;

/** What a line is, for finding blocks. */
export function lineRole(line: ReadLine): LineRole {
	if (line.cells.length === 0) return 'blank';
	const texts = line.cells.filter((c) => c.kind === 'text').map((c) => c.text);
	if (texts.some((t) => NOTE.test(t) || FOOTNOTE.test(t))) return 'note';
	if (texts.some((t) => t.length > 15 && SENTENCE.test(t))) return 'note';
	// Prose wrapped at the page width keeps its figures apart from their words (`费 0.00 万元，较年初`):
	// a figure followed by its unit and a clause is a sentence, never a table's cells
	// (the figure may be cut where the line wraps, `0.` / `62 万元，…`, its second half no amount)
	if (line.cells.some((c, i) => i > 0 && c.kind === 'text' && UNIT_THEN_CLAUSE.test(c.text))) return 'note';
	// A title may begin with a year set apart (`2017` `年政府采购预算表`): it is no row. (Cells are
	// trimmed and never empty: the joined line starts and ends as its first and last cell.)
	if (mayAnnounceTable(line.cells[0].text, line.cells[line.cells.length - 1].text)) {
		const joined = joinAcross(line.cells.map((c) => c.text));
		if (isTitleLine(joined) || isMarkerLine(joined)) return 'title';
	}
	if (line.body) return 'body';
	// Characters counted in code points only where UTF-16 units could be too many (no array of characters per cell).
	if (texts.some((t) => t.length > MAX_CELL_CHARS && Array.from(t).length > MAX_CELL_CHARS)) return 'note';
	return 'text';
}

/**
 * The blocks among the lines. `adjacent(a, b)` says whether line b stands right below line a
 * (no more than a line's height between them), which decides how far a wrapped name reaches.
 */
export function findBlocks(lines: readonly ReadLine[], lineRoles: readonly LineRole[], adjacent: (a: ReadLine, b: ReadLine) => boolean): Block[] {
	const roles = withNoteContinuations(lines, lineRoles, adjacent);
	const blocks: Block[] = [];
	let titleSince = true;
	for (const [start, end] of runs(lines, roles)) {
		const found = blockOf(lines, roles, start, end, adjacent);
		const continues = found !== null && !titleSince && !roles.slice(start, found.headerStart).includes('title');
		// A single row with no header is a table only as the rest of one carried over from the page before.
		if (!found || (found.rows < 2 && found.headerStart === found.firstBody && !continues)) {
			if (roles.slice(start, end + 1).includes('title')) titleSince = true;
			continue;
		}
		blocks.push({ headerStart: found.headerStart, firstBody: found.firstBody, end: found.end, continues });
		titleSince = roles.slice(found.end + 1, end + 1).includes('title');
	}
	return blocks;
}

/**
 * A note wrapped in a narrow cell (`部门名称：浙江省人大` / `常委会法工委`): a single text cell
 * right below a note line, starting where that note starts, is part of the note, not a header.
 */
function withNoteContinuations(lines: readonly ReadLine[], roles: readonly LineRole[], adjacent: (a: ReadLine, b: ReadLine) => boolean): LineRole[] {
	const out = [...roles];
	for (let i = 1; i < lines.length; i++) {
		if (out[i] !== 'text' || lines[i].cells.length !== 1) continue;
		// The note may be one or two lines up, with the other half of the line (单位：万元) between.
		for (let j = i - 1; j >= Math.max(0, i - 2) && (j === i - 1 || out[j + 1] === 'note'); j--) {
			if (out[j] !== 'note') continue;
			const note = lines[j].cells[0];
			const chained = lines.slice(j, i + 1).every((l, k, all) => k === 0 || adjacent(all[k - 1], l));
			const sameStart = Math.abs(note.x0 - lines[i].cells[0].x0) <= (note.x1 - note.x0) / Math.max(1, note.text.length);
			if (chained && sameStart) out[i] = 'note';
		}
	}
	return out;
}

/** Stretches of lines between titles, notes and page breaks, as [first, last] (the breaking line included at the start). */
function runs(lines: readonly ReadLine[], roles: readonly LineRole[]): [number, number][] {
	const out: [number, number][] = [];
	let start = 0;
	for (let i = 1; i <= lines.length; i++) {
		const pageBreak = i < lines.length && lines[i].src.page !== lines[i - 1].src.page;
		if (i === lines.length || pageBreak || roles[i] === 'title' || roles[i] === 'note') {
			out.push([start, i - 1]);
			start = i;
		}
	}
	return out;
}

function blockOf(
	lines: readonly ReadLine[],
	roles: readonly LineRole[],
	start: number,
	end: number,
	adjacent: (a: ReadLine, b: ReadLine) => boolean
): (Omit<Block, 'continues'> & { rows: number }) | null {
	const bodies: number[] = [];
	for (let i = start; i <= end; i++) if (roles[i] === 'body') bodies.push(i);
	if (bodies.length === 0) return null;
	const firstBody = bodies[0];
	let headerStart = firstBody;
	let headerLines = 0;
	for (let i = firstBody - 1; i >= start && roles[i] !== 'title' && roles[i] !== 'note'; i--) {
		if (roles[i] !== 'text') continue;
		if (++headerLines > MAX_HEADER_LINES) break;
		headerStart = i;
	}
	let last = bodies[bodies.length - 1];
	for (let n = 0; n < MAX_TRAILING_FRAGMENTS && last + 1 <= end && roles[last + 1] === 'text' && adjacent(lines[last], lines[last + 1]); n++) last++;
	return { headerStart, firstBody, end: last, rows: bodies.length };
}
