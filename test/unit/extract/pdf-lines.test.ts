import { describe, expect, it } from 'vitest';
import { groupLines, mergeCells, pageLines } from '../../../src/lib/extract/pdf/lines';
import type { GlyphRun, Quarter } from '../../../src/lib/extract/pdf/page-text';

const run = (text: string, x0: number, x1: number, baseline: number, size = 9, quarter: Quarter = 0): GlyphRun => ({ text, x0, x1, baseline, size, quarter });

describe('groupLines', () => {
	it('keeps a smaller figure, centred in a taller row, on the row of its label', () => {
		// A 17 pt label and a 9 pt figure whose baseline sits 3 pt higher: one printed row.
		const lines = groupLines([run('收入合计', 308, 377, 474.7, 17), run('27,664.22', 558, 599, 471.6, 9.1)]);
		expect(lines.map((l) => l.map((r) => r.text))).toEqual([['27,664.22', '收入合计']]);
	});

	it('separates the lines of a wrapped name from the figures centred between them', () => {
		const lines = groupLines([run('机关事业单位基', 158, 221, 618.7), run('208', 66, 81, 630.7), run('本养老保险缴费', 158, 221, 630.7), run('支出', 158, 176, 642.7)]);
		expect(lines.map((l) => l.map((r) => r.text))).toEqual([['机关事业单位基'], ['208', '本养老保险缴费'], ['支出']]);
	});
});

describe('mergeCells', () => {
	it('joins runs that touch into one cell (one item per character or font change)', () => {
		const cells = mergeCells([run('名称', 142.6, 166.6, 700, 12), run('科', 118.6, 130.6, 700, 12), run('目', 130.6, 142.6, 700, 12)]);
		expect(cells).toEqual([{ text: '科目名称', x0: 118.6, x1: 166.6 }]);
	});

	it('starts a new cell at whitespace, however narrow, and at a gap wider than a quarter em', () => {
		const cells = mergeCells([
			run('27,664.22', 549.6, 599.2, 362, 11),
			run('', 599.2, 602.9, 362, 11), // a space inside one item: the cell boundary
			run('一、基本支出', 602.9, 669.1, 362, 11),
			run('11,700.63', 918.2, 967.9, 362, 11)
		]);
		expect(cells.map((c) => c.text)).toEqual(['27,664.22', '一、基本支出', '11,700.63']);
		const apart = mergeCells([run('201', 50, 68, 100, 12), run('03', 72, 83, 100, 12)]);
		expect(apart.map((c) => c.text)).toEqual(['201', '03']);
	});

	it('joins a letter-spaced word drawn with ideographic spaces, and trims them at the cell’s ends', () => {
		const cells = mergeCells([run('合', 100, 112, 50, 12), run('\u3000', 112, 124, 50, 12), run('计', 124, 136, 50, 12), run('\u3000\u3000行政运行', 200, 272, 50, 12)]);
		expect(cells.map((c) => c.text)).toEqual(['合\u3000计', '行政运行']);
	});

	it('drops text printed twice at almost the same place (simulated bold)', () => {
		const cells = mergeCells([run('合计', 100, 124, 50, 12), run('合计', 100.4, 124.4, 50, 12), run('1.00', 200, 220, 50, 12)]);
		expect(cells.map((c) => c.text)).toEqual(['合计', '1.00']);
	});
});

describe('pageLines', () => {
	it('numbers lines in reading order, the page’s main frame first, text of another direction after', () => {
		const runs = [run('第二行', 50, 80, 120), run('页码', 10, 30, 20, 8, 1), run('第一行', 50, 80, 100), run('', 90, 95, 300)];
		const lines = pageLines(runs, 4, 0);
		expect(lines.map((l) => [l.page, l.pageLine, l.cells.map((c) => c.text).join('')])).toEqual([
			[4, 1, '第一行'],
			[4, 2, '第二行'],
			[4, 3, '页码']
		]);
		expect(lines[0]).toMatchObject({ y: 100, height: 9 });
	});
});
