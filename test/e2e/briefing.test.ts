/**
 * Briefing outputs over the seed build: a saved PNG carries its caption (drawn and as iTXt text),
 * /compare, /trends and /three-public print on A4 landscape with a header and no blank page, and
 * the /data table and a chart's figures download as workbooks that Excel reads as numbers.
 *
 * The seeds' budget disclosures are 九龙坡区·人民政府办公室 2025, 北碚区·政务服务管理办公室 2023 and
 * 綦江区·政务服务管理办公室 2024; 九龙坡区 also has 政务服务管理办公室's 2021 决算.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { normalizeGlyphText } from '$lib/extract/pdf/glyph-text';
import { chartTable } from './chart-data';
import { BROWSER_TIME_ZONE, useE2E, type TrackedPage } from './harness';

const e2e = useE2E();

/**
 * On a busy machine (two cores shared by several test runs) DuckDB-WASM takes far longer to start
 * than the harness's default wait; these are waits for a condition, not timings.
 */
const SETTLE = 150_000;
const TEST_TIMEOUT = 240_000;

/**
 * Today as the app writes it: the browser's local date, and the harness runs the browser in
 * Asia/Shanghai — so after 16:00 UTC it is already tomorrow there, whatever this machine's zone.
 */
function today(): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: BROWSER_TIME_ZONE, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date());
	const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
	return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** A PNG's chunks read here, independently of the app's own reader: type, data, CRC checked. */
function pngChunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	const chunks = [];
	for (let at = 8; at < png.length; ) {
		const length = png.readUInt32BE(at);
		const body = png.subarray(at + 4, at + 8 + length);
		chunks.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4), crcOk: zlibCrc32(body) === png.readUInt32BE(at + 8 + length) });
		at += 12 + length;
	}
	return chunks;
}

/** iTXt entries (uncompressed): keyword → UTF-8 text. */
function iTXt(png: Buffer): Record<string, string> {
	const out: Record<string, string> = {};
	for (const c of pngChunks(png).filter((c) => c.type === 'iTXt')) {
		const k = c.data.indexOf(0);
		expect(c.data[k + 1]).toBe(0); // not compressed
		const lang = c.data.indexOf(0, k + 3);
		const translated = c.data.indexOf(0, lang + 1);
		out[c.data.subarray(0, k).toString('latin1')] = c.data.subarray(translated + 1).toString('utf8');
	}
	return out;
}

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Each page's size in points and its text (whitespace removed: pdf.js splits runs at will). */
async function pdfPages(bytes: Uint8Array): Promise<{ width: number; height: number; text: string }[]> {
	const doc = await getDocument({
		data: bytes,
		cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
		cMapPacked: true,
		standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
		isEvalSupported: false,
		verbosity: 0
	}).promise;
	const pages = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const { width, height } = page.getViewport({ scale: 1 });
		const content = await page.getTextContent();
		// Chromium's PDF maps some glyphs back to radical forms (龙 as ⻰): fold them as the extractor does
		const text = normalizeGlyphText(content.items.map((i) => ('str' in i ? i.str : '')).join('')).replace(/\s+/g, '');
		pages.push({ width, height, text });
	}
	await doc.destroy();
	return pages;
}

/** Switches to print media and waits until every chart is drawn at its paper width. */
async function emulatePrint(t: TrackedPage): Promise<void> {
	await t.page.emulateMedia({ media: 'print' });
	await t.page.waitForFunction(() => {
		const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>('[data-chart] .chart-canvas canvas'));
		const body = document.querySelector('[data-chart] .chart-body')!.getBoundingClientRect();
		return canvases.length > 0 && canvases.every((c) => Math.abs(c.getBoundingClientRect().width - body.width) < 2);
	}, undefined, { timeout: SETTLE });
	// the header's sources come from a query: wait for them, not for time
	await t.page.waitForFunction(() => !document.querySelector('[data-briefing-header]')?.textContent?.includes('正在查询'), undefined, {
		timeout: SETTLE
	});
}

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return wb;
}

describe('PNG', { timeout: TEST_TIMEOUT }, () => {
	it('carries title, filters, 万元, sources and date, drawn around the chart and as iTXt text', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4, timeout: SETTLE });
		const chart = '[data-chart="compare-function-amount"]';
		const css = await t.page.locator(`${chart} .chart-canvas`).evaluate((el) => el.getBoundingClientRect());
		const file = await t.download(() => t.page.click(`${chart} button.png`));
		expect(file.filename).toBe('预决算透视-各类支出金额.png');
		// to look at what a reader gets: BRIEFING_OUT_DIR=/tmp/x npx vitest run --project e2e …
		if (process.env.BRIEFING_OUT_DIR) writeFileSync(join(process.env.BRIEFING_OUT_DIR, file.filename), file.bytes);

		const chunks = pngChunks(file.bytes);
		expect(chunks.every((c) => c.crcOk)).toBe(true);
		const ihdr = chunks[0];
		expect(ihdr.type).toBe('IHDR');
		// the chart is drawn at 2× its on-screen size; the caption adds height above and below it
		// drawn at least as wide as on A4 (1031 CSS px) so that the legend is not paged on a narrow screen
		expect(ihdr.data.readUInt32BE(0)).toBeGreaterThanOrEqual(2 * Math.max(1031, Math.floor(css.width)));
		expect(ihdr.data.readUInt32BE(4)).toBeGreaterThan(Math.ceil(css.height * 2) + 100);

		const text = iTXt(file.bytes);
		expect(text.Title).toBe('各类支出金额');
		expect(text.Description).toContain('筛选条件：地区 全部；年度 全部；类型 预算；部门 全部；科目 全部');
		expect(text.Description).toContain('单位：万元');
		expect(text.Description).toContain(`生成日期：${today()}`);
		for (const unit of ['北碚区·政务服务管理办公室 2023年预算', '綦江区·政务服务管理办公室 2024年预算', '九龙坡区·人民政府办公室 2025年预算']) {
			expect(text.Source).toContain(unit);
		}
		// 预算 only: the 决算 disclosures are not behind this chart
		expect(text.Source).not.toContain('决算');
		expect(text['Creation Time'].slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
		t.expectClean();
	});
});

describe('print', { timeout: TEST_TIMEOUT }, () => {
	const cases = [
		// one chart per page (the first below the header); /three-public's 明细 table flows after its charts
		{ path: '/compare?kind=budget', title: '区县对比', filter: '类型预算', source: '北碚区·政务服务管理办公室2023年预算', charts: 4, maxPages: 4 },
		{ path: '/trends?district=九龙坡区', title: '年度趋势', filter: '地区九龙坡区', source: '九龙坡区·政务服务管理办公室2021年决算', charts: 3, maxPages: 3 },
		{ path: '/three-public', title: '“三公”经费', filter: '地区全部；年度全部', source: '江津区·政务服务管理办公室2020年决算', charts: 3, maxPages: 6 }
	];

	for (const c of cases) {
		it(`${c.path} prints on A4 landscape with the briefing header and no blank page`, async () => {
			const t = await e2e.open(c.path);
			await t.waitForCharts({ min: c.charts, timeout: SETTLE });
			await emulatePrint(t);
			expect(await t.page.locator('nav[aria-label="视图"]').isVisible()).toBe(false);
			expect(await t.page.locator('.filter-bar').isVisible()).toBe(false);
			const pdf = await t.page.pdf({ preferCSSPageSize: true, printBackground: true });
			const pages = await pdfPages(new Uint8Array(pdf));
			if (process.env.BRIEFING_OUT_DIR) writeFileSync(join(process.env.BRIEFING_OUT_DIR, `${c.charts}-${c.maxPages}.pdf`), pdf);

			expect(pages.length).toBeGreaterThan(0);
			for (const p of pages) {
				expect(Math.abs(p.width - 842)).toBeLessThanOrEqual(2);
				expect(Math.abs(p.height - 595)).toBeLessThanOrEqual(2);
				// no blank page: every page prints something to read
				expect(p.text.length).toBeGreaterThan(0);
			}
			// no page is spent on nothing: the charts and header take no more pages than there are charts
			expect(pages.length).toBeLessThanOrEqual(c.maxPages);
			const all = pages.map((p) => p.text).join('');
			const first = pages[0].text;
			for (const expected of [c.title, '筛选条件：', c.filter, '单位：万元', c.source, `生成日期：${today()}`]) {
				expect(first, expected).toContain(expected);
			}
			expect(all).toContain('来源：');
			t.expectClean();
		});
	}
});

describe('print: only the briefings turn the paper', { timeout: TEST_TIMEOUT }, () => {
	it('/data prints on A4 portrait', async () => {
		const t = await e2e.open('/data?kind=budget');
		await t.waitForCharts({ timeout: SETTLE });
		await t.page.locator('table tbody tr').first().waitFor({ timeout: SETTLE });
		await t.page.emulateMedia({ media: 'print' });
		const pages = await pdfPages(new Uint8Array(await t.page.pdf({ preferCSSPageSize: true, printBackground: true })));
		expect(pages.length).toBeGreaterThan(0);
		for (const p of pages) {
			expect(Math.abs(p.width - 595)).toBeLessThanOrEqual(2);
			expect(Math.abs(p.height - 842)).toBeLessThanOrEqual(2);
		}
		expect(pages[0].text).toContain('数据明细');
		t.expectClean();
	});
});

describe('Excel', { timeout: TEST_TIMEOUT }, () => {
	it('/data downloads exactly the CSV’s rows as numbers, with the source documents', async () => {
		const t = await e2e.open('/data?kind=budget');
		await t.waitForCharts({ timeout: SETTLE });
		await t.waitForDuckDB({ timeout: SETTLE });
		const csv = await t.download(() => t.page.click('text=下载 CSV'));
		const xlsx = await t.download(() => t.page.click('text=下载 Excel'));
		expect(xlsx.filename).toMatch(/\.xlsx$/);

		const wb = await workbookOf(xlsx.bytes);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['功能分类支出', '来源文件', '说明']);
		const ws = wb.getWorksheet('功能分类支出')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

		const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
		const header = lines[0].split(',');
		const sheetHeader = (ws.getRow(1).values as unknown[]).slice(1);
		expect(sheetHeader).toEqual(header);
		expect(ws.rowCount).toBe(lines.length);

		const totalCol = header.indexOf('合计（万元）') + 1;
		const docCol = header.indexOf('文件编号') + 1;
		expect(totalCol).toBeGreaterThan(0);
		for (let r = 2; r <= ws.rowCount; r++) {
			const csvTotal = lines[r - 1].split(',')[totalCol - 1];
			const cell = ws.getRow(r).getCell(totalCol);
			if (csvTotal === '') {
				expect(cell.value).toBeNull();
				continue;
			}
			expect(cell.type).toBe(ExcelJS.ValueType.Number);
			expect(cell.value).toBe(Number(csvTotal));
			expect(cell.numFmt).toBe('#,##0.00');
		}
		const yearCell = ws.getRow(2).getCell(header.indexOf('年度') + 1);
		expect(yearCell.type).toBe(ExcelJS.ValueType.Number);
		expect(yearCell.numFmt).toBe('0');

		// 来源文件: one row per disclosure behind the rows, and only those
		const docIds = new Set<string>();
		for (let r = 2; r <= ws.rowCount; r++) docIds.add(String(ws.getRow(r).getCell(docCol).value));
		const sources = wb.getWorksheet('来源文件')!;
		expect((sources.getRow(1).values as unknown[]).slice(1)).toEqual(['地区', '单位', '年度', '类型', '标题', '文件', 'doc_id']);
		const listed = [];
		for (let r = 2; r <= sources.rowCount; r++) listed.push(sources.getRow(r).values as unknown[]);
		expect(new Set(listed.map((v) => v[7]))).toEqual(docIds);
		expect(listed.every((v) => v[4] === '预算')).toBe(true);
		expect(listed.map((v) => `${v[1]}·${v[2]}`)).toContain('北碚区·政务服务管理办公室');
		t.expectClean();
	});

	it('a chart downloads its 数据表 as numbers in 万元 with its sources', async () => {
		const t = await e2e.open('/compare?kind=budget');
		await t.waitForCharts({ min: 4, timeout: SETTLE });
		const shown = await chartTable(t, 'compare-split');
		const file = await t.download(() => t.page.click('[data-chart="compare-split"] button.xlsx'));
		expect(file.filename).toBe('预决算透视-基本支出与项目支出.xlsx');

		const wb = await workbookOf(file.bytes);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['基本支出与项目支出', '来源文件', '说明']);
		const ws = wb.getWorksheet('基本支出与项目支出')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const headers = (ws.getRow(1).values as unknown[]).slice(2);
		expect(headers).toEqual(shown.columns.map((c) => `${c}（万元）`));
		expect(ws.rowCount).toBe(shown.rows.length + 1);
		for (let r = 2; r <= ws.rowCount; r++) {
			const label = String(ws.getRow(r).getCell(1).value);
			expect(label).toBe(shown.rows[r - 2]);
			shown.columns.forEach((col, i) => {
				const cell = ws.getRow(r).getCell(i + 2);
				const printed = shown.cells[label][col];
				if (printed === '—') return expect(cell.value).toBeNull();
				expect(cell.type).toBe(ExcelJS.ValueType.Number);
				expect(cell.numFmt).toBe('#,##0.00');
				// the cell holds the figure the table prints, as a number
				expect((cell.value as number).toFixed(2)).toBe(printed.replaceAll(',', ''));
			});
		}
		const notes = wb.getWorksheet('说明')!.getColumn(1).values.filter(Boolean).join('\n');
		expect(notes).toContain('单位：万元');
		expect(notes).toContain(`生成日期：${today()}`);
		const units = [];
		for (let r = 2; r <= wb.getWorksheet('来源文件')!.rowCount; r++) units.push(wb.getWorksheet('来源文件')!.getRow(r).getCell(2).value);
		expect(units.length).toBe(3);
		t.expectClean();
	});
});
