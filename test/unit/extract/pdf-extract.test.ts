/**
 * PDFs end to end: bytes → extractFile with the Node pdf.js engine (readPdfSource → gridLines →
 * every stage) → contract rows. Figures are those of test/fixtures/pdf/nanan-sthjj-2024-budget.html
 * as written there, and of page 7 (公开表七, 一般公共预算支出预算表) of the real Jiangsu PDF as read
 * from the rendered page (`pdftoppm -png -r 70 -f 7 -l 7`); pages and lines are where a person finds them on the page
 * (the running head counts as the page's first line).
 */
import { describe, expect, it } from 'vitest';
import { toContractRows, type ContractRows } from '../../../src/lib/extract/contract-rows';
import { extractFile } from '../../../src/lib/extract/read-file';
import type { Row } from '../../../src/lib/storage/schema';
import { usePdfFixtures } from '../../helpers/pdf-fixtures';

const pdfs = usePdfFixtures();

const byCode = (rows: Row[], code: string) => rows.find((r) => r.code === code);
const byItem = (rows: Row[], item: string) => rows.find((r) => r.item === item);
const byMeasure = (rows: Row[], measure: string) => rows.find((r) => r.measure === measure);

describe('a typeset Chongqing budget disclosure (nanan-sthjj-2024-budget.html)', () => {
	let once: Promise<ContractRows> | null = null;
	const rows = () =>
		(once ??= pdfs.fixture('nanan-sthjj-2024-budget.html').then(async (bytes) => toContractRows(await extractFile('nanan.pdf', bytes, 'nanan-pdf', { pdf: pdfs.engine }))));

	it('reads the metadata from the title lines, and records the format and page count', async () => {
		const { documents } = await rows();
		expect(documents).toHaveLength(1);
		expect(documents[0]).toMatchObject({ district: '南岸区', department: '重庆市南岸区生态环境局', year: 2024, kind: 'budget', source_format: 'pdf', pages: 4, layout: 'tabs' });
	});

	it('reads the 类/款/项 table continued over two pages, figure by figure, with its page and line', async () => {
		const fn = (await rows()).function_expenditure;
		expect(fn.filter((r) => String(r.code).length === 3).map((r) => [r.code, r.total])).toEqual([
			['208', 102.1],
			['210', 38],
			['211', 968.8],
			['221', 54]
		]);
		expect(byCode(fn, '2080505')).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 62.4, basic: 62.4, project: 0, source_page: 1 });
		expect(byCode(fn, '21101')).toMatchObject({ name: '环境保护管理事务', total: 508.8, basic: 412.3, project: 96.5, source_page: 2 });
		expect(byCode(fn, '2110102')).toMatchObject({ total: 56, basic: 0, project: 56, source_page: 2 });
		expect(byCode(fn, '2110304')).toMatchObject({ name: '固体废弃物与化学品', total: 48.6, basic: 0, project: 48.6, source_page: 2 });
		expect(byCode(fn, '2210203')).toMatchObject({ name: '购房补贴', total: 7.2, basic: 7.2, project: 0, source_page: 2 });
		expect(fn).toHaveLength(26);
	});

	it('reads the 基本支出 table of the turned page by column', async () => {
		const econ = (await rows()).economic_expenditure;
		expect(byCode(econ, '30108')).toMatchObject({ total: 62.4, personnel: 62.4, public: 0, source_page: 3 });
		expect(byCode(econ, '302')).toMatchObject({ total: 35, personnel: 0, public: 35, source_page: 3 });
		expect(byCode(econ, '30399')).toMatchObject({ total: 7.2, personnel: 7.2, public: 0, source_page: 3 });
	});

	it('converts the 三公 table printed in 元 to 万元', async () => {
		const tp = (await rows()).three_public;
		expect(['total', 'outbound', 'vehicle', 'vehicle_purchase', 'vehicle_operation', 'reception'].map((i) => byItem(tp, i)?.budget)).toEqual([5.2, 0, 4, 0, 4, 1.2]);
		expect(byItem(tp, 'total')).toMatchObject({ source_page: 4 });
	});

	it('reads the headline figures from the tables, and every reconciliation passes', async () => {
		const r = await rows();
		expect(byMeasure(r.summary, 'expenditure_total')).toMatchObject({ value: 1162.9, source: 'table', source_page: 1 });
		expect(byMeasure(r.summary, 'basic')).toMatchObject({ value: 606.4, source: 'table' });
		expect(byMeasure(r.summary, 'project')).toMatchObject({ value: 556.5, source: 'table' });
		expect(byMeasure(r.summary, 'personnel')).toMatchObject({ value: 571.4, source: 'table', source_page: 3 });
		expect(r.checks.filter((c) => c.ok === false).map((c) => c.rule)).toEqual([]);
		expect(r.checks.some((c) => String(c.rule).startsWith('narrative.'))).toBe(true);
	});
});

describe('a real Jiangsu disclosure whose pages carry /Rotate 90', () => {
	it('reads the single-amount 一般公共预算支出预算表 of page 7 figure by figure', async () => {
		const bytes = await pdfs.file('jiangsu-rendachangweihui-2019-budget-tables.pdf');
		const r = toContractRows(await extractFile('js.pdf', bytes, 'js-pdf', { pdf: pdfs.engine }));
		const fn = r.function_expenditure;
		expect(r.documents[0]).toMatchObject({ source_format: 'pdf', pages: 13, kind: 'budget' });
		expect(byCode(fn, '2010101')).toMatchObject({ name: '行政运行', total: 7448.2, source_page: 7 });
		expect(byCode(fn, '2010109')).toMatchObject({ name: '人大信访工作', total: 42.75, source_page: 7 });
		expect(byCode(fn, '2210202')).toMatchObject({ name: '提租补贴', total: 2548.3, source_page: 7 });
		const classes = fn.filter((row) => String(row.code).length === 3).reduce((s, row) => s + Number(row.total), 0);
		expect(Math.round(classes * 100) / 100).toBe(18330.37);
	});
});
