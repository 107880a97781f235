/**
 * Stage 3: lines → table segments. A table is announced by a marker line (`表二`, `附件3`,
 * `公开05表`) and/or a title line (a short line ending in 表). Titles may stand before or after
 * the table's rows, so a segment runs from one announcement to the next — or until prose resumes
 * after its rows (a 情况说明 printed after the tables), which is left to the narrative. A title
 * found inside a segment that has none yet belongs to that segment; announcements with no rows (a
 * table of contents) are not tables.
 */
import { rememberLast } from './remember-last';
import { isAmountCell } from './amount';
import type { SourceLine } from './layout';
import { TrimmedLines } from './trimmed-lines';

export interface Segment {
	title: string | null;
	titleLine: number | null;
	/** Lines of the segment, title and marker lines included. */
	lines: SourceLine[];
	start: number;
	/** The last non-blank line of the segment. */
	end: number;
}

const MARKER = /^(?:表[一二三四五六七八九十]+|附件\s*\d+|附表\s*\d*|公开\s*\d+\s*表)$/;
const TITLE_END = /表(?:\s*[（(][^（）()]*[）)])?$/;
const QUALIFIER = /^[（(][^（）()]*(?:分类|科目)[^（）()]*[）)]$/;
const SENTENCE = /[，。；：:！？]/;
/** A table's own note (注：本表反映…) stays with the table. */
const FOOTNOTE = /^(?:注|备注|说明|资料来源)\s*\d*\s*[：:.．、]/;
/** Section headings of the prose: 第三部分 …, 三、关于…的说明, （二）…情况说明, 名词解释. */
const SECTION = /^(?:第[一二三四五六七八九十]+部分|(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]).*(?:说明|情况|解释|事项))/;

/** Codes of the characters a title can end in (TITLE_END: 表 or a closing bracket). */
const TITLE_LAST = new Set([...'表）)'].map((c) => c.charCodeAt(0)));

/** isTitleLine's first tests, from a trimmed line's length and last character: most lines stop here. */
const mayBeTitle = (length: number, last: number) => length >= 4 && length <= 90 && TITLE_LAST.has(last);

/** A line that names a table. */
export function isTitleLine(text: string): boolean {
	const t = text.trim();
	if (!mayBeTitle(t.length, t.charCodeAt(t.length - 1))) return false;
	if (!TITLE_END.test(t) || SENTENCE.test(t)) return false;
	return !/^(?:注|备注|说明|附表\d)/.test(t);
}

/** The first character a marker can start with (表, 附件/附表, 公开): most lines are rejected on it alone. */
const MARKER_START = /^\s*[表附公]/;
/** The same characters by code: a trimmed line's first is compared without making a string of it. */
const MARKER_FIRST = new Set([...'表附公'].map((c) => c.charCodeAt(0)));

/**
 * Whether a line whose text starts with `first` and ends with `last` (trimmed) can be a title or a
 * marker at all: isTitleLine and isMarkerLine settle most lines on these two characters, and a
 * caller holding a line in pieces need not join them to learn that.
 */
export function mayAnnounceTable(first: string, last: string): boolean {
	return MARKER_FIRST.has(first.charCodeAt(0)) || TITLE_LAST.has(last.charCodeAt(last.length - 1));
}

export function isMarkerLine(text: string): boolean {
	if (!MARKER_START.test(text)) return false;
	return MARKER.test(text.trim().replace(/\s+/g, ''));
}

/**
 * A line of prose rather than a table row: a section heading, or a sentence with sentence
 * punctuation — in one cell (no tab between words) and with no figure standing as a cell of its
 * own (prose writes 12.50万元). A table's note and its labelled rows (（二）相关统计数,
 * 五、国有资产占用情况 —, 单价50万元（含）以上通用设备（台，套） 0) are not prose.
 */
export function isProseLine(text: string, trimmed: string = text.trim()): boolean {
	// A line of cells: one that starts with a tab (told without the regex: most such lines do), or
	// has a tab between words.
	if (text.includes('\t') && (text.charCodeAt(0) === TAB || /\S\t+\S/.test(text))) return false;
	const t = trimmed;
	if (t === '') return false;
	// The cheap test of what prose is, before the costlier ones of what it is not (all are pure).
	// A heading starts with 第, a numeral or a bracket, and spaces do not change which punctuation a
	// line holds: a line with neither is settled before its spaces are squeezed out (most table rows).
	const punctuated = SENTENCE_PUNCTUATION.test(t);
	if (!punctuated && !SECTION_START.includes(t[0])) return false;
	const squeezed = t.replace(/\s+/g, '');
	if (!(SECTION.test(squeezed) || (squeezed.length >= 15 && punctuated))) return false;
	return !FOOTNOTE.test(t) && !standaloneFigure(t.split(/\s+/));
}

const TAB = 0x09;
const SENTENCE_PUNCTUATION = /[，。；]/;
/** The characters SECTION can start with. */
const SECTION_START = '第一二三四五六七八九十（(';

/** A token that is a figure cell — not a year written apart from its 年 (`2017 年度`). */
function standaloneFigure(tokens: readonly string[]): boolean {
	return tokens.some((tok, i) => isAmountCell(tok) && !(/^(?:19|20)\d\d$/.test(tok) && tokens[i + 1]?.startsWith('年')));
}

/**
 * Splits a document into table segments; lines outside them (before the first, prose) are not
 * included. The same lines twice in a row give the very segments found before (the profile and the
 * extraction of a file read the same lines: remember-last.ts): callers must not change them.
 */
export const findSegments: (lines: readonly SourceLine[]) => readonly Segment[] = rememberLast(scanSegments);

function scanSegments(lines: readonly SourceLine[]): Segment[] {
	const segments: Segment[] = [];
	let current: Segment | null = null;
	let contentLines = 0;
	let continued = false;
	const close = () => {
		if (current && contentLines > 0) segments.push(current);
		current = null;
	};
	// The tests below all read a line trimmed; most need only its length or an end character, so
	// a trimmed copy is made only for the lines whose words are read.
	const trimmed = new TrimmedLines(lines);
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		// isMarkerLine's own first test, on the line already trimmed (most lines stop here).
		const marker = MARKER_FIRST.has(trimmed.first(i)) && isMarkerLine(line.text);
		const title: TitleAt | null = marker || continued ? null : titleAt(lines, trimmed, i);
		const announcement = marker || continued || title !== null;
		// A marker opens a table unless the open one holds nothing but announcements
		// (附件1 / title / 公开01表). A title opens a table unless the open one is still
		// untitled, because titles may follow their rows.
		const opens = marker ? !current || contentLines > 0 : title !== null && (!current || current.title !== null);
		if (opens) {
			close();
			current = { title: null, titleLine: null, lines: [], start: line.no, end: line.no };
			contentLines = 0;
		} else if (current && !announcement && endsTable(line.text, trimmed.text(i), contentLines)) {
			close();
		}
		continued = title?.continued ?? false;
		if (!current) continue;
		const hasText = trimmed.length(i) > 0;
		addLine(current, line, hasText, lines[i + (title?.continued ? 2 : 1)], title?.text ?? null);
		if (!announcement && hasText) contentLines++;
	}
	close();
	return segments;
}

/** Prose after a table's rows ends it; before any row, only a section heading does (a title's own note may be a sentence). */
function endsTable(text: string, trimmed: string, contentLines: number): boolean {
	if (!isProseLine(text, trimmed)) return false;
	return contentLines > 0 || SECTION.test(text.replace(/\s+/g, ''));
}

/** Words of table titles, for telling the first half of a broken title from any other line. */
const TITLE_WORDS = /预算|决算|支出|收入|经费|总/;

/**
 * The title a line holds: the line itself, or the line with the short rest that PDF text broke
 * onto the next one (`“三公”经费、会议费、培训费支出预算` / `表`).
 */
interface TitleAt {
	text: string;
	/** Whether the title runs on to the next line. */
	continued: boolean;
}

function titleAt(lines: readonly SourceLine[], trimmed: TrimmedLines, i: number): TitleAt | null {
	// isTitleLine's first tests (length, last character) on the bounds, before a copy of the line.
	if (mayBeTitle(trimmed.length(i), trimmed.last(i)) && isTitleLine(trimmed.text(i))) return { text: trimmed.text(i), continued: false };
	const restLength = trimmed.length(i + 1);
	if (restLength === 0 || restLength > 6) return null;
	// A line of cells is no title: told before the trimmed copies and the words are looked for
	// (a table of one cell a line is most of its lines followed by a short one).
	if (lines[i].text.includes('\t')) return null;
	const t = trimmed.text(i);
	const rest = trimmed.text(i + 1);
	if (/\s/.test(rest) || !TITLE_WORDS.test(t)) return null;
	return isTitleLine(t + rest) ? { text: t + rest, continued: true } : null;
}

function addLine(segment: Segment, line: SourceLine, hasText: boolean, next: SourceLine | undefined, title: string | null): void {
	if (title !== null && segment.title === null) {
		segment.title = withQualifier(title, next);
		segment.titleLine = line.no;
	}
	segment.lines.push(line);
	if (hasText) segment.end = line.no;
}

function withQualifier(title: string, next: SourceLine | undefined): string {
	const q = next?.text.trim() ?? '';
	return QUALIFIER.test(q) ? title + q : title;
}
