/**
 * Page furniture: page numbers and running heads are printed on the page but are not the
 * disclosure's text, and left in they split a table continued across pages or a sentence broken by
 * the page end. Both are recognised by where they stand — in the top or bottom margin — and by
 * what they are: a lone page number, or the same short line at the same place on most pages.
 * A table header repeated on every page is not furniture: it stands below the margin, or has
 * more cells than a running head.
 */
import { toHalfWidth } from '../amount';
import type { PositionedLine } from '../positioned';

/** The lines of one page with the height of its reading frame. */
export interface PageLines {
	page: number;
	height: number;
	lines: PositionedLine[];
}

// Share of the page height at the top and at the bottom that counts as margin.
const MARGIN_SHARE = 0.1;
// A running head has at most this many cells (a title and a date, say); a table header has more.
const MAX_HEAD_CELLS = 3;
// The same line on pages this many points apart vertically is "at the same place".
const SAME_PLACE = 3;
const MIN_HEAD_PAGES = 3;

// Dashes and rules printed around page numbers: hyphen, en/em dash, full-width hyphen, box rule.
const DASH = '[-‐–—―－─━_·•]*';
const PAGE_NUMBER = [
	new RegExp(`^${DASH}\\d{1,4}${DASH}$`), // 3, - 3 -, —3—, ─ 3 ─
	/^第\d{1,4}页(共\d{1,4}页)?$/, // 第3页, 第3页共9页
	/^共\d{1,4}页第\d{1,4}页$/,
	/^\d{1,4}\/\d{1,4}$/, // 3/9
	/^page\d{1,4}(of\d{1,4})?$/i
];

/** Whether a line's text is nothing but a page number, in any of the usual forms. */
export function isPageNumber(text: string): boolean {
	const t = toHalfWidth(text).replace(/\s+/g, '');
	return PAGE_NUMBER.some((re) => re.test(t));
}

/** Whether a line stands in the top or bottom margin of its page. */
export function inMargin(line: PositionedLine, height: number): boolean {
	return line.y <= height * MARGIN_SHARE || line.y >= height * (1 - MARGIN_SHARE);
}

/** Drops page numbers and running heads; pageLine keeps counting every printed line. */
export function dropPageFurniture(pages: readonly PageLines[]): PageLines[] {
	const heads = runningHeads(pages);
	return pages.map((p) => ({
		...p,
		lines: p.lines.filter((l) => !(inMargin(l, p.height) && (isPageNumber(lineText(l)) || heads.some((h) => isHead(l, h)))))
	}));
}

interface Head {
	key: string;
	y: number;
}

/** Short margin lines found at one place on most pages (digits ignored: "2024年预算 3"). */
function runningHeads(pages: readonly PageLines[]): Head[] {
	const seen = new Map<string, Array<{ page: number; y: number }>>();
	for (const p of pages) {
		for (const l of p.lines) {
			if (l.cells.length > MAX_HEAD_CELLS || !inMargin(l, p.height)) continue;
			const key = headKey(l);
			const places = seen.get(key) ?? [];
			places.push({ page: p.page, y: l.y });
			seen.set(key, places);
		}
	}
	const needed = Math.max(MIN_HEAD_PAGES, Math.floor(pages.length / 2) + 1);
	const heads: Head[] = [];
	for (const [key, places] of seen) {
		for (const { y } of places) {
			const pagesThere = new Set(places.filter((o) => Math.abs(o.y - y) <= SAME_PLACE).map((o) => o.page));
			if (pagesThere.size >= needed) {
				heads.push({ key, y });
				break;
			}
		}
	}
	return heads;
}

function isHead(line: PositionedLine, head: Head): boolean {
	return line.cells.length <= MAX_HEAD_CELLS && Math.abs(line.y - head.y) <= SAME_PLACE && headKey(line) === head.key;
}

function headKey(line: PositionedLine): string {
	return toHalfWidth(lineText(line)).replace(/\s+/g, '').replace(/\d+/g, '#');
}

function lineText(line: PositionedLine): string {
	return line.cells.map((c) => c.text).join('');
}
