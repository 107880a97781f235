/**
 * Stage 3: lines → table segments. A table is announced by a marker line (`表二`, `附件3`,
 * `公开05表`) and/or a title line (a short line ending in 表). Titles may stand before or after
 * the table's rows, so a segment runs from one announcement to the next, and a title found inside
 * a segment that has none yet belongs to that segment.
 */
import type { SourceLine } from './layout';

export interface Segment {
	title: string | null;
	titleLine: number | null;
	/** Lines of the segment, title and marker lines included. */
	lines: SourceLine[];
	start: number;
	end: number;
}

const MARKER = /^(?:表[一二三四五六七八九十]+|附件\s*\d+|附表\s*\d*|公开\s*\d+\s*表)$/;
const TITLE_END = /表(?:\s*[（(][^（）()]*[）)])?$/;
const QUALIFIER = /^[（(][^（）()]*(?:分类|科目)[^（）()]*[）)]$/;
const SENTENCE = /[，。；：:！？]/;

/** A line that names a table. */
export function isTitleLine(text: string): boolean {
	const t = text.trim();
	if (t.length < 4 || t.length > 90) return false;
	if (!TITLE_END.test(t) || SENTENCE.test(t)) return false;
	return !/^(?:注|备注|说明|附表\d)/.test(t);
}

export function isMarkerLine(text: string): boolean {
	return MARKER.test(text.trim().replace(/\s+/g, ''));
}

/** Splits a document into table segments; lines before the first announcement are not included. */
export function findSegments(lines: readonly SourceLine[]): Segment[] {
	const segments: Segment[] = [];
	let current: Segment | null = null;
	let contentLines = 0;
	lines.forEach((line, i) => {
		const marker = isMarkerLine(line.text);
		const title = !marker && isTitleLine(line.text);
		// A marker opens a table unless the open one holds nothing but announcements
		// (附件1 / title / 公开01表). A title opens a table unless the open one is still
		// untitled, because titles may follow their rows.
		const opens = marker ? !current || contentLines > 0 : title && (!current || current.title !== null);
		if (opens) {
			if (current) segments.push(current);
			current = { title: null, titleLine: null, lines: [], start: line.no, end: line.no };
			contentLines = 0;
		}
		if (!current) return;
		if (title && current.title === null) {
			current.title = withQualifier(line.text.trim(), lines[i + 1]);
			current.titleLine = line.no;
		} else if (!marker && !title && line.text.trim() !== '') {
			contentLines++;
		}
		current.lines.push(line);
		current.end = line.no;
	});
	if (current) segments.push(current);
	return segments;
}

function withQualifier(title: string, next: SourceLine | undefined): string {
	const q = next?.text.trim() ?? '';
	return QUALIFIER.test(q) ? title + q : title;
}
