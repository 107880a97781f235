import { describe, expect, it } from 'vitest';
import type { PdfTextItem, PdfViewport } from '../../../src/lib/extract/pdf/engine';
import { pageRuns, quarterOf, splitAtSpaces } from '../../../src/lib/extract/pdf/page-text';

// Viewports as pdf.js computes them at scale 1 for an A4 media box (595 × 842).
const UPRIGHT: PdfViewport = { transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 };
// /Rotate 90: the sheet is shown landscape; user-space y runs along the displayed x.
const ROTATE_90: PdfViewport = { transform: [0, 1, 1, 0, 0, 0], width: 842, height: 595 };

const item = (str: string, transform: number[], width: number): PdfTextItem => ({ str, transform, width, height: Math.hypot(transform[2], transform[3]) });

describe('quarterOf', () => {
	it('names the direction text runs on the displayed page', () => {
		expect(quarterOf([10, 0, 0, -10, 0, 0])).toBe(0);
		expect(quarterOf([0, 10, 10, 0, 0, 0])).toBe(1);
		expect(quarterOf([-10, 0, 0, 10, 0, 0])).toBe(2);
		expect(quarterOf([0, -10, -10, 0, 0, 0])).toBe(3);
		expect(quarterOf([7, 7, -7, 7, 0, 0])).toBeNull(); // a 45° watermark
	});
});

describe('pageRuns', () => {
	it('places upright text with y measured down from the top', () => {
		const page = pageRuns([item('合计', [12, 0, 0, 12, 100, 742], 24)], UPRIGHT);
		expect(page.quarter).toBe(0);
		expect(page.runs).toEqual([{ text: '合计', x0: 100, x1: 124, baseline: 100, size: 12, quarter: 0 }]);
		expect([page.width, page.height]).toEqual([595, 842]);
	});

	it('reads a /Rotate 90 page in its displayed direction (items drawn as [0,s,-s,0,x,y])', () => {
		// Two cells of one displayed row: same user-space x (the displayed y), increasing user y.
		const items = [item('行政运行', [0, 11, -11, 0, 300, 200], 44), item('7,448.20', [0, 11, -11, 0, 300, 520], 44)];
		const page = pageRuns(items, ROTATE_90);
		expect(page.quarter).toBe(0);
		expect(page.runs.map((r) => [r.text, r.x0, r.baseline])).toEqual([
			['行政运行', 200, 300],
			['7,448.20', 520, 300]
		]);
		expect([page.width, page.height]).toEqual([842, 595]);
	});

	it('turns text drawn upwards on an upright sheet into its own reading frame', () => {
		// rotate-left: the text's x axis points up the page ([0,s,-s,0] in user space, y up).
		const items = [item('附件3', [0, 13, -13, 0, 79, 417], 34), item('科目编码', [0, 9, -9, 0, 161, 93], 36), item('合计', [0, 9, -9, 0, 161, 519], 18)];
		const page = pageRuns(items, UPRIGHT);
		expect(page.quarter).toBe(3);
		expect(page.runs.map((r) => [r.text, r.x0, r.baseline])).toEqual([
			['附件3', 417, 79],
			['科目编码', 93, 161],
			['合计', 519, 161]
		]);
		expect([page.width, page.height]).toEqual([842, 595]);
	});

	it('counts unusable characters and skewed items instead of placing them', () => {
		const items = [item('\uE001\uE002', [10, 0, 0, 10, 50, 700], 20), item('样本', [7, 7, -7, 7, 200, 400], 20), { type: 'beginMarkedContent' }];
		const page = pageRuns(items, UPRIGHT);
		expect([page.visible, page.usable, page.skewed]).toEqual([4, 2, 1]);
		expect(page.runs.map((r) => r.text)).toEqual(['\uE001\uE002']);
	});
});

describe('splitAtSpaces', () => {
	it('keeps an item without whitespace whole', () => {
		expect(splitAtSpaces('一般公共服务支出', 10, 96, 12)).toEqual([{ text: '一般公共服务支出', x0: 10, x1: 106 }]);
	});

	it('cuts an item at its spaces, giving the leftover width to the gaps', () => {
		// "201 03 01" at 12 pt, 60 pt wide: 7 digits ≈ 42 pt, so the two gaps share 18 pt.
		const pieces = splitAtSpaces('201 03 01', 50, 60, 12);
		expect(pieces.map((p) => p.text)).toEqual(['201', '', '03', '', '01']);
		expect(pieces[0].x1).toBeCloseTo(68);
		expect(pieces[2].x0).toBeCloseTo(77);
		expect(pieces[4].x1).toBeCloseTo(110);
	});

	it('keeps ideographic spaces inside a cell (合　计, 项　　目): producers never use them for a column gap', () => {
		expect(splitAtSpaces('合\u3000\u3000计', 10, 36, 12)).toEqual([{ text: '合\u3000\u3000计', x0: 10, x1: 46 }]);
		expect(splitAtSpaces('\u3000', 10, 12, 12)).toEqual([{ text: '\u3000', x0: 10, x1: 22 }]);
	});

	it('marks a whitespace-only item as a gap', () => {
		expect(splitAtSpaces('  ', 30, 20, 12)).toEqual([{ text: '', x0: 30, x1: 50 }]);
	});
});
