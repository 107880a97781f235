/**
 * Workbooks built for a chart and for the /data table, written to .xlsx bytes and read back with
 * ExcelJS: numbers as numbers with their formats, a frozen header, fitted widths, Chinese headers,
 * the 来源文件 and 说明 sheets, and sheet names Excel accepts.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '$lib/filters/model';
import { briefingCaption } from '$lib/export/caption';
import { chartSheet, dataSheet } from '$lib/export/sheets';
import type { SourceDoc } from '$lib/export/sources';
import { displayWidth, sheetName, workbookBytes, type WorkbookSpec } from '$lib/export/workbook';
import { columnsFor } from '$lib/components/columns';

const sources: SourceDoc[] = [
	{ doc_id: 'aaa111', district: '甲区', unit: '财政局', year: 2023, kind: 'final', title: '甲区财政局2023年度部门决算', source_file: 'jia-2023.txt' },
	{ doc_id: 'bbb222', district: '乙县', unit: '审计局', year: 2024, kind: 'budget', title: '乙县审计局2024年部门预算', source_file: 'yi-2024.pdf' }
];
const caption = briefingCaption({ title: '基本支出与项目支出', filters: EMPTY_FILTERS, sources, date: new Date(2026, 11, 1) });

async function readBack(spec: WorkbookSpec): Promise<ExcelJS.Workbook> {
	const bytes = await workbookBytes(ExcelJS, spec);
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	return wb;
}

describe('a chart’s 数据表 as a workbook', () => {
	const table = {
		corner: '单位',
		columns: ['基本支出', '项目支出'],
		derived: [false, false],
		rows: [
			{ label: '甲区·财政局 2023年决算', values: [1234.5, null] },
			{ label: '乙县·审计局 2024年预算', values: [98765.43, 0.1] }
		],
		unit: 'wan' as const
	};

	it('stores amounts as numbers formatted #,##0.00 under Chinese headers with the unit', async () => {
		const wb = await readBack({ sheets: [chartSheet('基本支出与项目支出', table)], sources, caption });
		const ws = wb.getWorksheet('基本支出与项目支出')!;
		expect(ws.getRow(1).values).toEqual([undefined, '单位', '基本支出（万元）', '项目支出（万元）']);
		const b2 = ws.getCell('B2');
		expect(b2.type).toBe(ExcelJS.ValueType.Number);
		expect(b2.value).toBe(1234.5);
		expect(b2.numFmt).toBe('#,##0.00');
		expect(ws.getCell('C2').value).toBeNull(); // a gap stays empty, never 0
		expect(ws.getCell('B3').value).toBe(98765.43);
		expect(ws.getCell('C3').numFmt).toBe('#,##0.00');
		expect(ws.getCell('A2').value).toBe('甲区·财政局 2023年决算');
	});

	it('freezes the header row', async () => {
		const ws = (await readBack({ sheets: [chartSheet('图', table)], sources })).getWorksheet('图')!;
		expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
	});

	it('fits column widths to the contents, CJK counted double', async () => {
		const ws = (await readBack({ sheets: [chartSheet('图', table)], sources })).getWorksheet('图')!;
		// `甲区·财政局 2023年决算`: 8 CJK × 2 + 6 others (· space 2023) = 22, plus 2
		expect(displayWidth('甲区·财政局 2023年决算')).toBe(22);
		expect(ws.getColumn(1).width).toBe(24);
		// the header 基本支出（万元） (8 full-width = 16) is wider than `98,765.43` (9)
		expect(ws.getColumn(2).width).toBe(18);
	});

	it('stores percentages as fractions with a % format', async () => {
		const shares = { ...table, unit: 'percent' as const, columns: ['占比'], rows: [{ label: '甲区', values: [45.3] }] };
		const ws = (await readBack({ sheets: [chartSheet('各类支出占比', shares)], sources })).getWorksheet('各类支出占比')!;
		expect(ws.getCell('B1').value).toBe('占比（%）');
		expect(ws.getCell('B2').value).toBeCloseTo(0.453, 10);
		expect(ws.getCell('B2').numFmt).toBe('0.0%');
	});

	it('lists the source documents in 来源文件 and the caption in 说明', async () => {
		const wb = await readBack({ sheets: [chartSheet('图', table)], sources, caption });
		expect(wb.worksheets.map((w) => w.name)).toEqual(['图', '来源文件', '说明']);
		const src = wb.getWorksheet('来源文件')!;
		expect(src.getRow(1).values).toEqual([undefined, '地区', '单位', '年度', '类型', '标题', '文件', 'doc_id']);
		expect(src.getRow(2).values).toEqual([undefined, '甲区', '财政局', 2023, '决算', '甲区财政局2023年度部门决算', 'jia-2023.txt', 'aaa111']);
		expect(src.getRow(3).getCell(4).value).toBe('预算');
		expect(src.getCell('C2').numFmt).toBe('0'); // a year, not 2,023
		expect(src.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		const notes = wb.getWorksheet('说明')!.getColumn(1).values.filter(Boolean);
		expect(notes).toEqual(['说明', '基本支出与项目支出', caption.filters, '单位：万元', caption.sources, '生成日期：2026年12月1日']);
	});
});

describe('the /data table as a workbook', () => {
	const columns = columnsFor(['district', 'year', 'kind', 'department', 'code', 'name', 'total', 'source_line', 'doc_id']);
	const rows = [
		{ district: '甲区', year: 2023, kind: 'final', department: '甲区财政局', code: '201', name: '一般公共服务支出', total: 3967.2, source_line: 41, doc_id: 'aaa111' },
		{ district: '乙县', year: 2024, kind: 'budget', department: '乙县审计局', code: '20101', name: '人大事务', total: null, source_line: 7, doc_id: 'bbb222' }
	];

	it('has the CSV’s headers and values: kinds in Chinese, amounts and years as numbers', async () => {
		const wb = await readBack({ sheets: [dataSheet('功能分类支出', columns, rows)], sources });
		const ws = wb.getWorksheet('功能分类支出')!;
		expect(ws.getRow(1).values).toEqual([undefined, '区县', '年度', '类型', '部门', '科目编码', '科目名称', '合计（万元）', '源文件行号', '文件编号']);
		expect(ws.getCell('C2').value).toBe('决算');
		expect(ws.getCell('B2').type).toBe(ExcelJS.ValueType.Number);
		expect(ws.getCell('B2').numFmt).toBe('0');
		expect(ws.getCell('G2').value).toBe(3967.2);
		expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
		expect(ws.getCell('G3').value).toBeNull();
		expect(ws.getCell('E2').value).toBe('201'); // a code stays text: 201 and 20101 are not numbers
		expect(ws.getCell('H2').value).toBe(41);
		expect(ws.rowCount).toBe(3);
	});
});

describe('sheetName', () => {
	it('drops characters Excel forbids and cuts to 31 characters', () => {
		const taken = new Set<string>();
		expect(sheetName('a[b]c:d*e?f/g\\h', taken)).toBe('abcdefgh');
		const long = sheetName('预算数与决算数（决算公开，按单位和年度）以及更多说明文字一二三四五六七', taken);
		expect([...long].length).toBe(31);
	});

	it('keeps names unique and never empty', () => {
		const taken = new Set<string>(['来源文件']);
		expect(sheetName('来源文件', taken)).toBe('来源文件(2)');
		expect(sheetName('图', taken)).toBe('图');
		expect(sheetName('图', taken)).toBe('图(2)');
		expect(sheetName('[]', taken)).toBe('数据');
		expect(sheetName("'x'", taken)).toBe('x');
	});
});

describe('ExcelJS stays out of the first load', () => {
	it('is imported by no module in src/ except dynamically or for its types', async () => {
		const { readdirSync, readFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const root = new URL('../../../src', import.meta.url).pathname;
		const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.(ts|svelte|js)$/.test(f) && !f.endsWith('.d.ts'));
		const offenders = files.filter((f) => {
			const text = readFileSync(join(root, f), 'utf8');
			// a static value import: `import X from 'exceljs…'` or `import 'exceljs…'` (not `import type`)
			return /^\s*import\s+(?!type\b)[^'"(]*['"]exceljs[^'"]*['"]/m.test(text) || /^\s*import\s+['"]exceljs/m.test(text);
		});
		expect(offenders).toEqual([]);
		// and the one dynamic import exists, so the guard above is not vacuous
		expect(files.some((f) => readFileSync(join(root, f), 'utf8').includes("import('exceljs"))).toBe(true);
	});
});
