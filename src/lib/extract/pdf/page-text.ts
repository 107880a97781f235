/**
 * pdf.js text items → glyph runs placed in their reading frame. A page may be turned by /Rotate, or
 * its text may be drawn sideways on an upright page (a landscape table on a portrait sheet): each
 * item's direction on the displayed page is known from its matrix, and the item is placed in the
 * frame of that direction, so every run reads left to right and its lines stack downwards.
 */
import { isTextItem, type Matrix, type PdfMarkedContent, type PdfTextItem, type PdfViewport } from './engine';
import { countUsable, normalizeGlyphText } from './glyph-text';

/** Reading direction as quarter turns clockwise from left-to-right on the displayed page. */
export type Quarter = 0 | 1 | 2 | 3;

/** Text on one baseline in its reading frame; `text` '' marks a space, which separates cells. */
export interface GlyphRun {
	text: string;
	/** Extent along the reading direction, points from the frame's left edge. */
	x0: number;
	x1: number;
	/** Baseline, points from the frame's top edge (growing downwards). */
	baseline: number;
	/** Font size: the glyph height in points. */
	size: number;
	quarter: Quarter;
}

/** The runs of one page, and what its text layer is made of. */
export interface PageRuns {
	runs: GlyphRun[];
	/** The direction most characters are read in: the page's own reading frame. */
	quarter: Quarter;
	/** Width and height of the page in that frame (a turned page is wider than high). */
	width: number;
	height: number;
	/** Visible characters, and those that are real text (not U+FFFD, private use, controls). */
	visible: number;
	usable: number;
	/** Items drawn at an angle that is not a quarter turn (stamps, watermarks): not read. */
	skewed: number;
}

// Unit vectors of the quarter turns in viewport space (y downwards): reading direction, then the
// direction in which following lines stand (the reading direction turned a quarter clockwise).
const ALONG: ReadonlyArray<readonly [number, number]> = [[1, 0], [0, 1], [-1, 0], [0, -1]];
const DOWN: ReadonlyArray<readonly [number, number]> = [[0, 1], [-1, 0], [0, -1], [1, 0]];
// Text more than this far from a quarter turn is skewed (radians, ≈ 3°).
const SKEW_TOLERANCE = 0.05;

/** pdf.js's Util.transform: m1 · m2. */
export function multiply(m1: Matrix, m2: Matrix): number[] {
	return [
		m1[0] * m2[0] + m1[2] * m2[1],
		m1[1] * m2[0] + m1[3] * m2[1],
		m1[0] * m2[2] + m1[2] * m2[3],
		m1[1] * m2[2] + m1[3] * m2[3],
		m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
		m1[1] * m2[4] + m1[3] * m2[5] + m1[5]
	];
}

/** The quarter turn a matrix's x axis points to on the displayed page, or null when skewed. */
export function quarterOf(m: Matrix): Quarter | null {
	const angle = Math.atan2(m[1], m[0]);
	const turns = angle / (Math.PI / 2);
	const nearest = Math.round(turns);
	if (Math.abs(turns - nearest) * (Math.PI / 2) > SKEW_TOLERANCE) return null;
	return (((nearest % 4) + 4) % 4) as Quarter;
}

/** Places a page's text items in reading frames; items of every direction are kept. */
export function pageRuns(items: ReadonlyArray<PdfTextItem | PdfMarkedContent>, viewport: PdfViewport): PageRuns {
	const placed: Array<{ item: PdfTextItem; m: number[]; quarter: Quarter }> = [];
	const weight = [0, 0, 0, 0];
	let skewed = 0;
	let visible = 0;
	let usable = 0;
	for (const item of items) {
		if (!isTextItem(item) || item.str === '') continue;
		const count = countUsable(item.str);
		visible += count.visible;
		usable += count.usable;
		const m = multiply(viewport.transform, item.transform);
		const quarter = quarterOf(m);
		if (quarter === null) {
			skewed++;
			continue;
		}
		weight[quarter] += count.visible;
		placed.push({ item, m, quarter });
	}
	const quarter = weight.indexOf(Math.max(...weight)) as Quarter;
	const frames = ([0, 1, 2, 3] as const).map((q) => frameOrigin(q, viewport));
	const runs: GlyphRun[] = [];
	for (const { item, m, quarter: q } of placed) itemRuns(item, m, q, frames[q], runs);
	const turned = quarter % 2 === 1;
	return { runs, quarter, width: turned ? viewport.height : viewport.width, height: turned ? viewport.width : viewport.height, visible, usable, skewed };
}

/** Position of a viewport point in the frame of quarter q (origin at that frame's top left). */
export function toFrame(x: number, y: number, q: Quarter, viewport: PdfViewport): { x: number; y: number } {
	return inFrame(x, y, q, frameOrigin(q, viewport));
}

/** Where the frame of quarter q starts, along and down: the least projection of the page's corners (once per page, not per item). */
function frameOrigin(q: Quarter, viewport: PdfViewport): { along: number; down: number } {
	const corners: Array<readonly [number, number]> = [[0, 0], [viewport.width, 0], [0, viewport.height], [viewport.width, viewport.height]];
	return {
		along: Math.min(...corners.map(([cx, cy]) => project(ALONG[q], cx, cy))),
		down: Math.min(...corners.map(([cx, cy]) => project(DOWN[q], cx, cy)))
	};
}

function inFrame(x: number, y: number, q: Quarter, origin: { along: number; down: number }): { x: number; y: number } {
	return { x: project(ALONG[q], x, y) - origin.along, y: project(DOWN[q], x, y) - origin.down };
}

const project = (v: readonly [number, number], px: number, py: number) => v[0] * px + v[1] * py;

/** Appends the runs of one item to `out`. */
function itemRuns(item: PdfTextItem, m: number[], q: Quarter, frame: { along: number; down: number }, out: GlyphRun[]): void {
	const origin = inFrame(m[4], m[5], q, frame);
	const size = Math.hypot(m[2], m[3]);
	const text = normalizeGlyphText(item.str);
	for (const p of splitAtSpaces(text, origin.x, item.width, size)) out.push({ text: p.text, x0: p.x0, x1: p.x1, baseline: origin.y, size, quarter: q });
}

/**
 * Splits an item at its spaces. Producers draw a row of several cells as one string when the
 * cells are a few points apart ("1,234.56 34.00", "201 03 01"), so a space inside an item is a
 * cell boundary. pdf.js gives only the whole item's width: the pieces' extents are estimated from
 * character widths (ideographs 1 em, others ½ em), and the width left over goes to the spaces.
 */
export function splitAtSpaces(text: string, x0: number, width: number, size: number): Array<{ text: string; x0: number; x1: number }> {
	// Most items hold no separator: one piece, without the split's allocations.
	if (!HAS_SEPARATOR.test(text)) return [{ text, x0, x1: x0 + width }];
	const parts = text.split(SEPARATOR).filter((p) => p !== '');
	if (parts.length <= 1) return isSeparator(text) ? [{ text: '', x0, x1: x0 + width }] : [{ text, x0, x1: x0 + width }];
	const glyphs = parts.filter((p) => !isSeparator(p));
	const estimated = glyphs.reduce((sum, p) => sum + emWidth(p) * size, 0);
	const spaces = parts.length - glyphs.length;
	const scale = estimated > width ? width / estimated : 1;
	const spaceWidth = estimated > width ? 0 : (width - estimated) / Math.max(spaces, 1);
	const pieces: Array<{ text: string; x0: number; x1: number }> = [];
	let x = x0;
	for (const p of parts) {
		const isSpace = isSeparator(p);
		const w = isSpace ? spaceWidth : emWidth(p) * size * scale;
		pieces.push({ text: isSpace ? '' : p, x0: x, x1: x + w });
		x += w;
	}
	return pieces;
}

// Spaces, tabs and no-break spaces separate cells. The ideographic space U+3000 does not: it is
// typed inside a cell to spread a short word (合　　计) or to indent a name, never to space columns.
const SEPARATOR = /([ \t\u00a0]+)/;
const HAS_SEPARATOR = /[ \t\u00a0]/;
const isSeparator = (part: string) => /^[ \t\u00a0]*$/.test(part);

/** Estimated advance of a string in em: ideographs and full-width forms 1, everything else ½. */
function emWidth(text: string): number {
	let em = 0;
	for (const c of text) {
		const cp = c.codePointAt(0) as number;
		em += cp >= 0x2e80 && !(cp >= 0xff61 && cp <= 0xffdc) ? 1 : 0.5;
	}
	return em;
}
