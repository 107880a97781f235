/**
 * A file holding several disclosures (a district's 汇编 of its departments, files joined into one)
 * is not read as one unit's: a folder extracts each as a document of its own — the same figures as
 * that disclosure alone, traced to the file's lines, a copy downloaded apart counted once — and a
 * reader of one document (extractFile) gives the first and names the others with where they start. A single disclosure that
 * repeats its cover (a running title on every page) or names its unit in section headings is left
 * whole.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFolder } from '../../../scripts/lib/extract-folder';
import { districtDocuments } from '../../../scripts/lib/generate/corpus';
import { createNodePdfEngine } from '../../../scripts/lib/pdf-node';
import type { SourceLine } from '../../../src/lib/extract/layout';
import { extractFile } from '../../../src/lib/extract/read-file';
import { sourceRef } from '../../../src/lib/extract/source';
import { firstDisclosureOnly } from '../../../src/lib/extract/several-disclosures';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { documentFigures } from '../../helpers/document-figures';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const utf8 = (text: string) => new TextEncoder().encode(text);
const SEVERAL = /several disclosures in one file/;

/** A district's 预算 of one year, three departments, in the tab-separated layout. */
const departments = [...districtDocuments({ districts: 1, departments: 6, years: 1, lastYear: 2023, seed: 5, shares: { pdf: 0, html: 0, fault: 0, narrative: 0 } }, 0)]
	.filter((d) => d.file.endsWith('-budget-tabs.txt'))
	.slice(0, 3);

const figures = documentFigures;

describe('a file holding several disclosures', () => {
	it('gives its first disclosure, as that disclosure alone gives it, and names the others with their lines', async () => {
		expect(departments).toHaveLength(3);
		const joined = departments.map((d) => d.content.replace(/\n?$/, '\n')).join('');
		const doc = await extractFile('汇编.txt', utf8(joined), 'x');
		const alone = await extractFile(departments[0]!.file, utf8(departments[0]!.content), 'y');
		expect(figures(doc)).toEqual(figures(alone));
		// Each department's cover: its unit's line, the first line of its text.
		const firstLine = (k: number) => 1 + departments.slice(0, k).reduce((n, d) => n + d.content.replace(/\n?$/, '\n').split('\n').length - 1, 0);
		const names = await Promise.all(departments.map(async (d) => (await extractFile(d.file, utf8(d.content), 'z')).document.department));
		const warning = doc.diagnostics.find((d) => SEVERAL.test(d.message));
		expect(warning?.message).toBe(
			`文件含多份公开文件：只提取了第一份（${names[0]}2023年预算，第 1 行起），未提取 第 ${firstLine(1)} 行起的${names[1]}2023年预算、第 ${firstLine(2)} 行起的${names[2]}2023年预算；请把每份存为一个文件 (several disclosures in one file)`
		);
	});

	it.each([0, 2])('in a folder, each is a document of its own, as it gives alone, traced to the lines of the file (%i workers)', async (jobs) => {
		const dir = mkdtempSync(join(tmpdir(), 'bl-several-'));
		try {
			const joined = departments.map((d) => d.content.replace(/\n?$/, '\n')).join('');
			writeFileSync(join(dir, '汇编.txt'), joined);
			// The second department also downloaded on its own (named after the 汇编): one document, not two.
			writeFileSync(join(dir, '附件-单独下载.txt'), departments[1]!.content);
			const docs: ExtractedDocument[] = [];
			await extractFolder(dir, (_rows, doc) => void (doc && docs.push(doc)), { jobs });
			expect(docs.map((d) => d.document.source_file)).toEqual(['汇编.txt', '汇编.txt〔第2份〕', '汇编.txt〔第3份〕']);
			for (const [k, d] of departments.entries()) {
				const alone = await extractFile(d.file, utf8(d.content), 'y');
				expect(figures(docs[k]!)).toEqual(figures(alone));
				// Each row's line in the file is its line in the department's own text, shifted by the parts before it.
				const shift = joined.split('\n').findIndex((line, i) => i > 0 && joined.split('\n').slice(i).join('\n').startsWith(d.content.trimEnd()));
				const byCode = new Map(alone.functionRows.map((r) => [r.code, r.source_line]));
				for (const row of docs[k]!.functionRows) {
					const ref = sourceRef(docs[k]!.pagedLines ?? [], row.source_line);
					expect([ref.file ?? docs[k]!.document.source_file, ref.line]).toEqual(['汇编.txt', byCode.get(row.code)! + (k === 0 ? 0 : shift)]);
				}
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 60_000);

	it('names them by page and line in a PDF', () => {
		const line = (no: number, text: string, page: number, pageLine: number): SourceLine => ({ no, text, page, pageLine });
		const source = firstDisclosureOnly({
			format: 'pdf',
			layout: 'tabs',
			pages: 9,
			diagnostics: [],
			lines: [line(1, '重庆市万州区财政局', 1, 3), line(2, '2023年部门预算情况说明', 1, 4), line(3, '一、部门基本情况', 2, 1), line(4, '重庆市万州区教育委员会', 9, 2), line(5, '2023年部门预算情况说明', 9, 3)]
		});
		expect(source.lines.map((l) => l.no)).toEqual([1, 2, 3]);
		expect(source.diagnostics[0]?.message).toContain('只提取了第一份（重庆市万州区财政局2023年预算，第 1 页第 3 行起），未提取 第 9 页第 2 行起的重庆市万州区教育委员会2023年预算');
	});

	it('leaves one disclosure whole when it repeats its cover as a running title', async () => {
		const file = 'disclosures/rongchang-danganguan-2022-final-narrative.txt';
		const doc = await extractFile(file, new Uint8Array(readFileSync(join(FIXTURES, file))), 'x');
		expect(doc.diagnostics.filter((d) => SEVERAL.test(d.message))).toEqual([]);
	});

	it('leaves one disclosure whole when its section headings name the unit and year (第三部分 省人大办公厅2017年部门预算表)', async () => {
		const file = 'real-pdfs/jiangsu-rdbgt-2017-combined.pdf';
		const doc = await extractFile(file, new Uint8Array(readFileSync(join(FIXTURES, file))), 'x', { pdf: createNodePdfEngine() });
		expect(doc.diagnostics.filter((d) => SEVERAL.test(d.message))).toEqual([]);
		expect(doc.functionRows.length).toBeGreaterThan(0);
	}, 60_000);
});
