/**
 * readPdfLines on real PDF bytes: fixtures typeset from test/fixtures/pdf/*.html (figures as
 * written there) and a real Jiangsu disclosure whose pages carry /Rotate 90 (figures read from the
 * rendered page: `pdftoppm -png -r 70 -f 5 -l 5`).
 */
import { describe, expect, it } from 'vitest';
import { ExtractError } from '../../../src/lib/extract/errors';
import type { PdfDocument, PdfEngine, PdfTextItem } from '../../../src/lib/extract/pdf/engine';
import { readPdfLines } from '../../../src/lib/extract/pdf/read-pdf';
import type { PositionedLine } from '../../../src/lib/extract/positioned';
import { encryptedPdf, usePdfFixtures } from '../../helpers/pdf-fixtures';

const pdfs = usePdfFixtures();

const texts = (l: PositionedLine) => l.cells.map((c) => c.text);
const onPage = (lines: PositionedLine[], page: number) => lines.filter((l) => l.page === page);
const find = (lines: PositionedLine[], first: string) => lines.find((l) => l.cells[0]?.text === first && l.cells.length > 1);
const cellOf = (l: PositionedLine, text: string) => l.cells.find((c) => c.text === text);

describe('a typeset Chongqing disclosure (nanan-sthjj-2024-budget.html)', () => {
	// Typeset and read once for the whole block: the tests below only look at the result.
	let once: ReturnType<typeof readPdfLines> | null = null;
	const read = () => (once ??= pdfs.fixture('nanan-sthjj-2024-budget.html').then((bytes) => readPdfLines('nanan.pdf', bytes, pdfs.engine)));

	it('reads every page, in reading order, with page and line set', async () => {
		const { pages, lines, diagnostics } = await read();
		expect(pages).toBe(4);
		expect(diagnostics).toEqual([]);
		expect(texts(lines[0])).toEqual(['重庆市南岸区生态环境局']);
		expect(texts(lines[1])).toEqual(['2024年部门预算']);
		for (let p = 1; p <= 4; p++) {
			const ys = onPage(lines, p).map((l) => l.y);
			expect(ys).toEqual([...ys].sort((a, b) => a - b));
		}
	});

	it('drops the running head and the "- N -" page numbers of every page', async () => {
		const { lines } = await read();
		const all = lines.map((l) => texts(l).join(''));
		expect(all).not.toContain('重庆市南岸区生态环境局2024年部门预算');
		expect(all.filter((t) => /^-\d+-$/.test(t.replace(/\s/g, '')))).toEqual([]);
		// pageLine still counts the printed running head: the title is the page's second line.
		expect(lines[0].pageLine).toBe(2);
	});

	it('prints 类/款/项 as three cells, each under its header word, and leaves blank cells absent', async () => {
		const { lines } = await read();
		const header = lines.find((l) => texts(l).join(' ') === '类 款 项') as PositionedLine;
		const row = onPage(lines, 2).find((l) => texts(l).join(' ') === '211 01 02 56.00 56.00');
		expect(row).toBeDefined();
		const [lei, kuan, xiang] = (row as PositionedLine).cells;
		for (const [cell, word] of [[lei, '类'], [kuan, '款'], [xiang, '项']] as const) {
			const head = cellOf(header, word)!;
			expect(cell.x0 < head.x1 && cell.x1 > head.x0, `${cell.text} under ${word}`).toBe(true);
		}
		// 一般行政管理事务 is a project-only row: its second 56.00 stands under 项目支出, not 基本支出.
		const titles = lines.find((l) => texts(l).includes('基本支出')) as PositionedLine;
		const project = cellOf(titles, '项目支出')!;
		const basic = cellOf(titles, '基本支出')!;
		const second = (row as PositionedLine).cells[4];
		expect(second.x1).toBeGreaterThan(project.x0);
		expect(second.x0).toBeGreaterThan(basic.x1);
	});

	it('keeps a wrapped name as its own lines above and below the row figures', async () => {
		const { lines } = await read();
		const page1 = onPage(lines, 1).map((l) => texts(l).join(' '));
		const at = page1.indexOf('208 05 05 本养老保险缴费 62.40 62.40');
		expect(page1.slice(at - 1, at + 2)).toEqual(['机关事业单位基', '208 05 05 本养老保险缴费 62.40 62.40', '支出']);
	});

	it('repeats the table header at the top of the continued page', async () => {
		const { lines } = await read();
		const page2 = onPage(lines, 2).map((l) => texts(l).join(' '));
		expect(page2.slice(0, 4)).toEqual(['科目编码', '科目名称 合计 基本支出 项目支出', '类 款 项', '210 11 03 公务员医疗补助 9.40 9.40']);
	});

	it('reads the page turned a quarter (text running up the sheet) along its rows', async () => {
		const { lines } = await read();
		const page3 = onPage(lines, 3);
		expect(texts(page3[0])).toEqual(['附件3']);
		expect(texts(find(page3, '30108')!)).toEqual(['30108', '机关事业单位基本养老保险缴费', '62.40', '62.40']);
		// 商品和服务支出 is 公用经费 only: its second figure stands under that header word.
		const header = page3.find((l) => texts(l).includes('公用经费'))!;
		const row = find(page3, '302')!;
		expect(texts(row)).toEqual(['302', '商品和服务支出', '35.00', '35.00']);
		expect(row.cells[3].x1).toBeGreaterThan(cellOf(header, '公用经费')!.x0);
	});

	it('gives ideographs, not the radicals the PDF maps some glyphs to', async () => {
		const { lines } = await read();
		const text = lines.map((l) => texts(l).join('')).join('\n');
		expect(text).not.toMatch(/[\u2E80-\u2FDF]/);
		expect(text).toContain('一般公共预算财政拨款支出预算表');
		expect(text).toContain('单位：元');
	});

	it('reads the narrative after the last table as lines of prose', async () => {
		const { lines } = await read();
		const page4 = onPage(lines, 4).map((l) => texts(l).join(''));
		const sanGong = page4.findIndex((t) => t.startsWith('三、“三公”经费情况说明'));
		expect(sanGong).toBeGreaterThan(page4.indexOf('52,000.0040,000.0040,000.0012,000.00'));
		expect(page4[sanGong]).toContain('预算5.20万元');
	});
});

describe('a real disclosure with /Rotate 90 pages (jiangsu-rendachangweihui-2019-budget-tables.pdf)', () => {
	it('reads codes, names and figures of a rotated page along its displayed rows', async () => {
		const bytes = await pdfs.file('jiangsu-rendachangweihui-2019-budget-tables.pdf');
		const { pages, lines } = await readPdfLines('js.pdf', bytes, pdfs.engine);
		expect(pages).toBe(13);
		const page5 = onPage(lines, 5);
		expect(texts(page5[0])).toEqual(['财政拨款支出预算表（功能科目）']);
		const order = ['功能科目编码', '合计', '2010101', '2210202'].map((w) => page5.findIndex((l) => l.cells[0]?.text === w));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		const header = page5[order[0]];
		expect(texts(header)).toEqual(['功能科目编码', '功能科目名称', '金额']);
		expect(texts(page5[order[1]])).toEqual(['合计', '18,330.37']);
		expect(texts(page5[order[2]])).toEqual(['2010101', '行政运行', '7,448.20']);
		expect(texts(page5[order[3]])).toEqual(['2210202', '提租补贴', '2,548.30']);
		// The figure column is under 金额 in the displayed (landscape) frame.
		expect(page5[order[2]].cells[2].x1).toBeGreaterThan(cellOf(header, '金额')!.x0);
	});
});

describe('pages without a usable text layer', () => {
	it('reports a scanned page by number and reads the others', async () => {
		const { pages, lines, diagnostics } = await readPdfLines('scan.pdf', await pdfs.fixture('scanned-page.html'), pdfs.engine);
		expect(pages).toBe(2);
		expect(lines.map((l) => texts(l).join(''))).toEqual(['重庆市南岸区生态环境局2024年部门预算', '本页有文字层。']);
		expect(diagnostics).toEqual([{ severity: 'warning', stage: 'decode', line: null, message: '第 2 页没有可用的文字层（扫描件或字形无 Unicode），未读取 (no text layer)' }]);
	});

	it('refuses a PDF with no text on any page, naming the file', async () => {
		const bytes = await pdfs.fixture('image-only.html');
		await expect(readPdfLines('图片版.pdf', bytes, pdfs.engine)).rejects.toThrow(/^extract: 图片版\.pdf: PDF 共 1 页，没有一页有可用的文字层/);
	});

	it('treats glyphs without Unicode (private-use and U+FFFD text) as no text layer', async () => {
		const engine = fakeEngine([[textItem('\uE01A\uE01B\uE01C\uFFFD', 100)], [textItem('合计 1.00', 100)]]);
		const { lines, diagnostics } = await readPdfLines('pua.pdf', new Uint8Array([1]), engine.engine);
		expect(diagnostics.map((d) => d.message)).toEqual(['第 1 页没有可用的文字层（扫描件或字形无 Unicode），未读取 (no text layer)']);
		expect(lines.map((l) => [l.page, texts(l)])).toEqual([[2, ['合计', '1.00']]]);
	});
});

describe('files that cannot be read', () => {
	it('refuses a corrupt, a truncated and an encrypted PDF by name, never crashing', async () => {
		const corrupt = new TextEncoder().encode('%PDF-1.7\n' + 'garbage '.repeat(64));
		await expect(readPdfLines('坏.pdf', corrupt, pdfs.engine)).rejects.toThrow(/^extract: 坏\.pdf: PDF 文件损坏或不完整/);
		const whole = await pdfs.fixture('nanan-sthjj-2024-budget.html');
		const truncated = whole.slice(0, Math.floor(whole.length * 0.6));
		await expect(readPdfLines('半.pdf', truncated, pdfs.engine)).rejects.toThrow(/^extract: 半\.pdf: PDF 文件损坏或不完整/);
		const error = await readPdfLines('密.pdf', encryptedPdf(), pdfs.engine).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ExtractError);
		expect((error as ExtractError).message).toBe('extract: 密.pdf: PDF 已加密，需要密码才能打开 (encrypted PDF)');
		expect((error as ExtractError).stage).toBe('decode');
	});

	it('refuses a PDF when no engine was given', async () => {
		await expect(readPdfLines('x.pdf', new Uint8Array([0x25]), undefined)).rejects.toThrow('extract: x.pdf: 未配置 PDF 读取器');
	});

	it('reports a page that fails to read, frees every page and closes the document', async () => {
		const fake = fakeEngine([[textItem('正文', 100)], 'boom']);
		const { lines, diagnostics } = await readPdfLines('p.pdf', new Uint8Array([1]), fake.engine);
		expect(lines.map(texts)).toEqual([['正文']]);
		expect(diagnostics.map((d) => d.message)).toEqual(['第 2 页无法读取：boom (unreadable page)']);
		expect(fake.cleaned).toEqual([1, 2]);
		expect(fake.destroyed).toBe(1);
	});

	it('refuses a PDF none of whose pages can be read, with the first page’s error', async () => {
		const fake = fakeEngine(['bad XRef entry', 'bad XRef entry']);
		await expect(readPdfLines('坏页.pdf', new Uint8Array([1]), fake.engine)).rejects.toThrow(
			'extract: 坏页.pdf: PDF 共 2 页，2 页无法读取（第 1 页：bad XRef entry），其余页没有可用的文字层 (unreadable PDF)'
		);
		expect(fake.destroyed).toBe(1);
	});

	it('leaves the caller’s bytes usable (pdf.js may detach the buffer it is given)', async () => {
		const bytes = await pdfs.fixture('scanned-page.html');
		const before = bytes.length;
		await readPdfLines('scan.pdf', bytes, pdfs.engine);
		expect(bytes.length).toBe(before);
		expect(bytes[0]).toBe(0x25);
	});
});

function textItem(str: string, y: number): PdfTextItem {
	return { str, transform: [10, 0, 0, 10, 60, 842 - y], width: str.length * 10, height: 10 };
}

/** An engine over made-up pages: each page is its text items, or an error message to throw. */
function fakeEngine(pages: Array<PdfTextItem[] | string>) {
	const state = { cleaned: [] as number[], destroyed: 0 };
	const doc: PdfDocument = {
		numPages: pages.length,
		async getPage(n) {
			return {
				getViewport: () => ({ transform: [1, 0, 0, -1, 0, 842], width: 595, height: 842 }),
				async getTextContent() {
					const page = pages[n - 1];
					if (typeof page === 'string') throw new Error(page);
					return { items: page };
				},
				cleanup: () => state.cleaned.push(n)
			};
		},
		async destroy() {
			state.destroyed++;
		}
	};
	const engine: PdfEngine = { open: async () => doc };
	return { engine, get cleaned() { return state.cleaned; }, get destroyed() { return state.destroyed; } };
}
