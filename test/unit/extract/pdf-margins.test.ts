import { describe, expect, it } from 'vitest';
import { dropPageFurniture, isPageNumber, type PageLines } from '../../../src/lib/extract/pdf/margins';
import type { PositionedLine } from '../../../src/lib/extract/positioned';

const HEIGHT = 842;

function line(page: number, pageLine: number, y: number, ...texts: string[]): PositionedLine {
	return { page, pageLine, y, height: 9, cells: texts.map((text, i) => ({ text, x0: 60 + 100 * i, x1: 100 + 100 * i })) };
}

const texts = (pages: PageLines[]) => pages.map((p) => p.lines.map((l) => l.cells.map((c) => c.text).join(' ')));

describe('isPageNumber', () => {
	it('recognises the usual forms of a page number', () => {
		for (const t of ['3', '- 3 -', '—3—', '─ 12 ─', '第3页', '第 3 页 共 9 页', '共9页 第3页', '3/9', '－３－']) expect(isPageNumber(t), t).toBe(true);
	});

	it('does not take a figure, a code or a sentence for one', () => {
		for (const t of ['3.50', '2010101', '第3页至第5页为附表', '1,162.90', '三']) expect(isPageNumber(t), t).toBe(false);
	});
});

describe('dropPageFurniture', () => {
	it('drops lone page numbers in the top or bottom margin, not a lone number in the body', () => {
		const pages: PageLines[] = [
			{ page: 1, height: HEIGHT, lines: [line(1, 1, 120, '正文'), line(1, 2, 400, '7'), line(1, 3, 800, '- 1 -')] },
			{ page: 2, height: HEIGHT, lines: [line(2, 1, 40, '第 2 页 共 2 页'), line(2, 2, 120, '正文')] }
		];
		expect(texts(dropPageFurniture(pages))).toEqual([['正文', '7'], ['正文']]);
	});

	it('drops a short line repeated at one place in the margin of most pages, keeping pageLine', () => {
		const head = (p: number) => line(p, 1, 40, `某局2024年部门预算 第${p}页`);
		const pages: PageLines[] = [1, 2, 3, 4].map((p) => ({ page: p, height: HEIGHT, lines: [head(p), line(p, 2, 120, `正文${p}`)] }));
		const kept = dropPageFurniture(pages);
		expect(texts(kept)).toEqual([['正文1'], ['正文2'], ['正文3'], ['正文4']]);
		expect(kept[0].lines[0].pageLine).toBe(2);
	});

	it('keeps a table header repeated at the top of continued pages, and a line on few pages', () => {
		const header = (p: number) => line(p, 1, 70, '类', '款', '项', '科目名称', '合计');
		const pages: PageLines[] = [1, 2, 3, 4, 5, 6].map((p) => ({
			page: p,
			height: HEIGHT,
			lines: [header(p), ...(p <= 2 ? [line(p, 2, 790, '备注：本表无数据')] : [])]
		}));
		const kept = texts(dropPageFurniture(pages));
		expect(kept[5]).toEqual(['类 款 项 科目名称 合计']);
		expect(kept[0]).toEqual(['类 款 项 科目名称 合计', '备注：本表无数据']);
	});

	it('keeps a repeated line that stands below the margin (部门 and 单位 lines of table pages)', () => {
		const pages: PageLines[] = [1, 2, 3].map((p) => ({ page: p, height: HEIGHT, lines: [line(p, 1, 215, '部门：某局', '单位：万元')] }));
		expect(texts(dropPageFurniture(pages))).toEqual([['部门：某局 单位：万元'], ['部门：某局 单位：万元'], ['部门：某局 单位：万元']]);
	});
});
