/**
 * Saved web pages through the whole pipeline (extractFile). The pages in test/fixtures/html are the
 * seed disclosures of data/raw typeset as the district sites publish them; every figure expected
 * here was read by a person from the seed text (its line quoted), and every source line is the
 * line of the HTML file a person finds the figure on (looked up by its markup, not taken from the
 * extractor).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile, readSource } from '../../../src/lib/extract/read-file';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { econ, fn, measure, tp } from './seed-helpers';

const HTML_DIR = join(import.meta.dirname, '../../fixtures/html');
const bytesOf = (file: string) => new Uint8Array(readFileSync(join(HTML_DIR, file)));
const load = (file: string) => extractFile(file, bytesOf(file), 'html-test');

/** 1-based line of the fixture holding `needle` (the page decoded as the test knows it is encoded). */
function lineOf(file: string, needle: string, encoding = 'utf-8'): number {
	const lines = new TextDecoder(encoding).decode(bytesOf(file)).split(/\r\n|\n/);
	const i = lines.findIndex((l) => l.includes(needle));
	if (i < 0) throw new Error(`${needle} not in ${file}`);
	return i + 1;
}

/** The line of the HTML file a source-text line number points to. */
function htmlLine(d: ExtractedDocument, no: number | null | undefined): number | undefined {
	return no == null ? undefined : d.pagedLines?.[no - 1]?.pageLine;
}

const failed = (d: ExtractedDocument) => d.checks.filter((c) => !c.ok).map((c) => c.rule);

describe('北碚区 2023 预算 as a web page: prose in <p>, tables as <table> (seed 002)', () => {
	const file = 'beibei-zhengwu-2023-budget.html';
	let d: ExtractedDocument;
	beforeAll(async () => {
		d = await load(file);
	});
	const texts = () => d.pagedLines?.map((l) => l.text) ?? [];

	it('is read as HTML with its rows in the tabs layout', async () => {
		const source = await readSource(file, bytesOf(file));
		expect(source).toMatchObject({ format: 'html', layout: 'tabs', pages: null });
		expect(d.document).toMatchObject({ source_format: 'html', layout: 'tabs', pages: null });
	});
	it('reads the metadata from the title paragraphs (seed lines 2, 4)', () => {
		expect(d.document).toMatchObject({ district: '北碚区', department: '重庆市北碚区政务服务管理办公室', year: 2023, kind: 'budget' });
	});
	it('reads 表二 with the blank cells the page keeps (seed 250 `2010301 行政运行 151.58 151.58`, 252, 256)', () => {
		expect(fn(d, '2010301')).toMatchObject({ total: 151.58, basic: 151.58, project: 0 });
		expect(fn(d, '2010302')).toMatchObject({ total: 251, basic: 0, project: 251, parent_code: '20103' });
		expect(fn(d, '208')).toMatchObject({ total: 52.83, basic: 52.83, project: 0, level: 1 });
		// A name the page source wraps inside its cell (seed 260) is one name.
		expect(fn(d, '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 33.44 });
		expect(d.functionRows).toHaveLength(19);
	});
	it('reads 表三 (seed 324 `302 商品和服务支出 62.86 62.86`, 322) and the table totals (seed 244, 300)', () => {
		expect(econ(d, '302')).toMatchObject({ total: 62.86, personnel: 0, public: 62.86 });
		expect(econ(d, '30199')).toMatchObject({ total: 69.64, personnel: 69.64, public: 0 });
		expect(measure(d, 'basic')).toMatchObject({ value: 411.22, source: 'table' });
		expect(measure(d, 'personnel')).toMatchObject({ value: 348.35, source: 'table' });
	});
	it('reads 表四 from the cells under the rowspanned and colspanned 三公 header (seed 366 `5.80 5.50 5.50 0.30`)', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 5.8, actual: null });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ budget: 0 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 5.5 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 0.3 });
		// The page keeps the blank cells, so no tie is left for the narrative to break (the seed's spaces layout has one).
		expect(d.checks.find((c) => c.rule === 'three_public.placement')).toBeUndefined();
	});
	it('reads the narrative figures (seed 128–130 运行经费 62.86, 138–140 采购 0) and checks them against the tables', () => {
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 62.86, source: 'narrative' });
		expect(measure(d, 'procurement_total')).toMatchObject({ value: 0, source: 'narrative' });
		expect(d.checks.find((c) => c.rule === 'narrative.basic')).toMatchObject({ expected: 411.22, actual: 411.22, ok: true });
		expect(d.checks.find((c) => c.rule === 'narrative.function:221')).toMatchObject({ expected: 29.76, actual: 29.76, ok: true });
		expect(failed(d)).toEqual([]);
	});
	it('traces every figure to the line of the HTML file', () => {
		expect(htmlLine(d, fn(d, '2010302')?.source_line)).toBe(lineOf(file, '<td>2010302</td>'));
		expect(htmlLine(d, econ(d, '30199')?.source_line)).toBe(lineOf(file, '<td>30199</td>'));
		expect(htmlLine(d, tp(d, 'reception')?.source_line)).toBe(lineOf(file, '<tr><td>5.80</td>'));
		expect(htmlLine(d, measure(d, 'operating_cost')?.source_line)).toBe(lineOf(file, '（一）机关运行经费'));
		const title = d.sourceTables.find((t) => t.table_kind === 'three_public');
		expect(htmlLine(d, title?.source_line)).toBe(lineOf(file, '经费支出表</caption>'));
	});
	it('joins what the page source wraps, and keeps script, style, navigation and markup out', () => {
		expect(texts().some((t) => t.includes('一般公共预算财政拨款支出 662.22万元'))).toBe(true);
		expect(texts()).toContain('科目编码\t科目名称\t合计\t基本支出\t项目支出');
		expect(texts().filter((t) => /2019年度|2024年部门决算|share|<\/?p>|财政信息$/.test(t))).toEqual([]);
		expect(texts().some((t) => t.includes('北碚区人民政府</title>') || t.endsWith('_重庆市北碚区人民政府'))).toBe(false);
	});
});

describe('綦江区 2024 预算 as Excel-exported tables only (.htm, seed 004)', () => {
	const file = 'qijiang-zhengwu-2024-budget-tables.htm';
	let d: ExtractedDocument;
	beforeAll(async () => {
		d = await load(file);
	});
	const texts = () => d.pagedLines?.map((l) => l.text) ?? [];

	it('finds the department in 部门(单位)名称 and the year and kind in the page title (seed 152)', () => {
		expect(d.document).toMatchObject({ district: '綦江区', department: '重庆市綦江区政务服务管理办公室', year: 2024, kind: 'budget', layout: 'tabs' });
		expect(d.pagedLines?.[0]).toMatchObject({ pageLine: lineOf(file, '<title>') });
		expect(d.document.title).toContain('2024年部门预算');
	});
	it('reads the function and economic tables (seed 32 `2010302 一般行政管理事务 495.00  495.00`, 66, 78)', () => {
		expect(fn(d, '2010302')).toMatchObject({ total: 495, basic: 0, project: 495 });
		expect(htmlLine(d, fn(d, '2010302')?.source_line)).toBe(lineOf(file, '<td class=xl69>2010302</td>'));
		expect(econ(d, '302')).toMatchObject({ total: 298.92, personnel: 0.1, public: 298.82 });
		expect(econ(d, '30299')).toMatchObject({ total: 0.1, personnel: 0.1, public: 0 });
	});
	it('reads totals and 三公 (seed 9 收入 1,172.15; 54 677.15 … 298.82; 92 `6.50  3.50  3.50 3.00`)', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 1172.15, source: 'table' });
		expect(measure(d, 'basic')?.value).toBe(677.15);
		expect(measure(d, 'public')?.value).toBe(298.82);
		expect(tp(d, 'total')?.budget).toBe(6.5);
		expect(tp(d, 'vehicle_operation')?.budget).toBe(3.5);
		expect(tp(d, 'reception')?.budget).toBe(3);
	});
	it('passes every reconciliation, as the seed does', () => {
		expect(d.checks.length).toBeGreaterThan(50);
		expect(failed(d)).toEqual([]);
	});
	it('strips markup that the disclosure text carries as data (seed 153 `<p>办事更便利…</p>`)', () => {
		const goal = texts().find((t) => t.includes('办事更便利'));
		expect(goal).toBeDefined();
		expect(goal).not.toMatch(/<\/?p>/);
	});
});

describe('江津区 2020 决算 as a GB2312 Word page (meta http-equiv charset, seed 001)', () => {
	const file = 'jiangjin-zhengwu-2020-final-gb2312.html';
	let d: ExtractedDocument;
	beforeAll(async () => {
		d = await load(file);
	});
	const at = (needle: string) => lineOf(file, needle, 'gb18030');

	it('is not UTF-8, and is decoded by its declared charset', () => {
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytesOf(file))).toThrow();
		expect(d.document).toMatchObject({ district: '江津区', department: '重庆市江津区政务服务管理办公室', year: 2020, kind: 'final', layout: 'narrative', source_format: 'html' });
	});
	it('reads the headline figures from the prose (seed 15, 19, 39, 57, 62)', () => {
		const v = (m: string) => measure(d, m)?.value;
		expect([v('income_total'), v('expenditure_total'), v('basic'), v('project')]).toEqual([1750.61, 1750.61, 936.01, 814.6]);
		expect([v('personnel'), v('public'), v('operating_cost')]).toEqual([728.08, 207.93, 207.93]);
		expect([v('procurement_total'), v('procurement_goods'), v('procurement_works'), v('procurement_services')]).toEqual([237.37, 223.79, 0, 13.59]);
	});
	it('reads the 类 spending from the prose (seed 32–37)', () => {
		expect(d.functionRows.map((r) => [r.code, r.total])).toEqual([
			['201', 1599.1],
			['205', 2.53],
			['208', 71.68],
			['210', 41.49],
			['221', 35.81]
		]);
	});
	it('reads each 三公 item with the 年初预算数 derived from the stated change (seed 47–52)', () => {
		expect(tp(d, 'total')).toMatchObject({ actual: 2.68, budget: 6 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ actual: 2.29, budget: 5 });
		expect(tp(d, 'reception')).toMatchObject({ actual: 0.39, budget: 1 });
		expect(tp(d, 'vehicle_purchase')).toMatchObject({ actual: 0, budget: 0 });
	});
	it('traces the prose figures to the HTML line where their paragraph text starts', () => {
		expect(htmlLine(d, measure(d, 'personnel')?.source_line)).toBe(at("style='font-size:16.0pt;font-family:仿宋_GB2312'><span lang=EN-US>2020</span>年度一般公共财政拨款基本支出"));
		expect(htmlLine(d, tp(d, 'vehicle_operation')?.source_line)).toBe(at('>公务车运行维护费<span lang=EN-US>2.29</span>'));
	});
});

describe('九龙坡区 2021 决算 as a CMS page saved as .txt (seed 000)', () => {
	const file = 'jiulongpo-zhengwu-2021-final-page.txt';
	let d: ExtractedDocument;
	beforeAll(async () => {
		d = await load(file);
	});

	it('is recognised as HTML whatever its extension, and the department is a name, not markup', async () => {
		expect((await readSource(file, bytesOf(file))).format).toBe('html');
		expect(d.document).toMatchObject({ district: '九龙坡区', department: '重庆市九龙坡区政务服务管理办公室', year: 2021, kind: 'final' });
	});
	it('reads 公开05 with 类/款/项 in separate, rowspanned cells (seed 4748 `201 一般公共服务支出 2,348.73 483.80 1,864.93`, 4754, 4776, 4794)', () => {
		expect(fn(d, '201')).toMatchObject({ total: 2348.73, basic: 483.8, project: 1864.93, level: 1, parent_code: null });
		expect(fn(d, '2010302')).toMatchObject({ total: 1863.38, basic: 0, project: 1863.38, level: 3, parent_code: '20103' });
		expect(fn(d, '2100410')).toMatchObject({ total: 0.5, basic: 0, project: 0.5 });
		expect(fn(d, '2210203')).toMatchObject({ total: 4.31, basic: 4.31, project: 0 });
		expect(d.functionRows).toHaveLength(24);
		expect(htmlLine(d, fn(d, '2010302')?.source_line)).toBe(lineOf(file, '<tr><td>02</td><td>一般行政管理事务</td>'));
	});
	it('reads 三公 预算数 and 决算数 from 公开09 (seed 4897–4903)', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 8.5, actual: 1.48 });
		expect(tp(d, 'vehicle_operation')).toMatchObject({ budget: 4.5, actual: 1.02 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 4, actual: 0.46 });
		expect(tp(d, 'outbound')).toMatchObject({ budget: 0, actual: 0 });
	});
	it('checks the prose against the table, tracing the prose figure to the line after its <br> (seed 121 项目支出 1865.42)', () => {
		const c = d.checks.find((x) => x.rule === 'narrative.project');
		expect(c).toMatchObject({ expected: 1865.43, actual: 1865.42, ok: true });
		expect(htmlLine(d, c?.line)).toBe(lineOf(file, '项目支出1865.42万元'));
		expect(measure(d, 'personnel')).toMatchObject({ value: 420.36 });
	});
});
