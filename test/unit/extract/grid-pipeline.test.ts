/**
 * Whole disclosures laid out by position (`pdftotext -layout`), extracted end to end: their tables
 * are rebuilt from where the cells stand, so rows read as a person reads them. Figures are read
 * from the fixture text (fengdu, hand-composed) or from the rendered PDF pages (jiangsu, real).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { sourceRef } from '../../../src/lib/extract/source';
import type { ExtractedDocument } from '../../../src/lib/extract/types';
import { check, econ, failedRules, fn, measure, tp } from './fixture-helpers';

const DIR = join(import.meta.dirname, '../../fixtures/layout-text');
const extract = (file: string) => extractDocument(file, new Uint8Array(readFileSync(join(DIR, file))), 'layout');
/** The line of the text file a figure was read from. */
const fileLine = (d: ExtractedDocument, no: number | null | undefined) => (no == null || !d.pagedLines ? no : sourceRef(d.pagedLines, no).line);
const row = (d: ExtractedDocument, code: string) => {
	const r = fn(d, code);
	return r && { name: r.name, total: r.total, basic: r.basic, project: r.project, line: fileLine(d, r.source_line) };
};

describe('决算 laid out by position (丰都县市场监督管理局 2023, hand-composed)', () => {
	const d = extract('fengdu-scjgj-2023-final-layout.txt');

	it('reads it as a table layout with blanks kept', () => {
		expect(d.document).toMatchObject({ district: '丰都县', year: 2023, kind: 'final', layout: 'tabs' });
	});

	it('joins 类 款 项 printed in three columns, carrying the 类 (and 款) from the rows above (lines 30–33)', () => {
		expect(d.functionRows.map((r) => r.code)).toEqual([
			'201', '20138', '2013801', '2013804', '2013812',
			'208', '20805', '2080505', '2080506', '20808', '2080801',
			'210', '21004', '2100410', '221', '22102', '2210201'
		]);
		expect(row(d, '2013801')).toEqual({ name: '行政运行', total: 602.2, basic: 602.2, project: 0, line: 31 });
		expect(row(d, '2013804')).toEqual({ name: '市场主体管理', total: 120, basic: 0, project: 120, line: 32 });
		expect(row(d, '2013812')).toEqual({ name: '药品事务', total: 203.8, basic: 0, project: 203.8, line: 33 });
	});

	it('joins names wrapped above and below their row, traced to the line of the figures (lines 36–40)', () => {
		expect(row(d, '2080505')).toEqual({ name: '机关事业单位基本养老保险缴费支出', total: 73.6, basic: 73.6, project: 0, line: 37 });
		expect(row(d, '2080506')).toEqual({ name: '机关事业单位职业年金缴费支出', total: 36.8, basic: 36.8, project: 0, line: 39 });
	});

	it('places a single figure by the column it stands in, where arithmetic could not tell (lines 47–52)', () => {
		// 210 and 221 print 50.00 each, one under 项目支出, one under 基本支出: swapping them keeps every sum.
		expect(row(d, '210')).toEqual({ name: '卫生健康支出', total: 50, basic: 0, project: 50, line: 47 });
		expect(row(d, '2100410')).toMatchObject({ basic: 0, project: 50, line: 49 });
		expect(row(d, '221')).toEqual({ name: '住房保障支出', total: 50, basic: 50, project: 0, line: 50 });
		expect(check(d, 'function.placement:210')).toBeUndefined();
		expect(check(d, 'function.placement:221')).toBeUndefined();
	});

	it('continues the table after the page break and its repeated header (lines 43–46)', () => {
		expect(row(d, '20808')).toEqual({ name: '抚恤', total: 32, basic: 0, project: 32, line: 45 });
		expect(row(d, '2080801')).toMatchObject({ total: 32, project: 32, line: 46 });
		expect(check(d, 'function.children_sum:208.project')).toMatchObject({ expected: 32, actual: 32, ok: true });
	});

	it('reads the 合计 row under the two-level header (本年支出 over 合计/基本支出/项目支出, line 28)', () => {
		expect(measure(d, 'basic')).toMatchObject({ value: 762.6, source: 'table' });
		expect(measure(d, 'project')).toMatchObject({ value: 405.8, source: 'table' });
		expect(fileLine(d, measure(d, 'basic')?.source_line)).toBe(28);
	});

	it('reads the side-by-side 基本支出 table group by group (lines 61–71)', () => {
		expect(econ(d, '301')).toMatchObject({ total: 650.2, personnel: 650.2, public: 0 });
		expect(econ(d, '302')).toMatchObject({ total: 90.4, personnel: 0, public: 90.4 });
		expect(econ(d, '31002')).toMatchObject({ total: 5, personnel: 0, public: 5 });
		expect(fileLine(d, econ(d, '31002')?.source_line)).toBe(70);
		expect(measure(d, 'personnel')).toMatchObject({ value: 667.2 });
	});

	it('reads the 机构运行信息表 (lines 79–85)', () => {
		expect(tp(d, 'total')).toMatchObject({ budget: 10, actual: 8 });
		expect(tp(d, 'reception')).toMatchObject({ budget: 2, actual: 0 });
		expect(measure(d, 'operating_cost')).toMatchObject({ value: 95.4 });
	});

	it('finds every reconciliation satisfied', () => {
		expect(failedRules(d)).toEqual([]);
	});
});

describe('real pdftotext -layout output (江苏省人大常委会办公厅 2018 预算)', () => {
	const d = extract('jiangsu-rdbgt-2018-budget-pdftotext.txt');
	const text = readFileSync(join(DIR, 'jiangsu-rdbgt-2018-budget-pdftotext.txt'), 'utf8').split('\n');

	it('keeps the row whose name is printed above and below its code line (page 11)', () => {
		expect(d.functionRows).toHaveLength(20);
		const r = row(d, '2080505');
		expect(r).toMatchObject({ name: '机关事业单位基本养老保险缴费支出', total: 580.01 });
		// Traced to the code line itself (333 in 公开05, 448 in 公开07), between the two halves of its name.
		expect(text[(r?.line as number) - 1].trim()).toMatch(/^2080505\s+580\.01$/);
		expect(text[(r?.line as number) - 2].trim()).toBe('机关事业单位基本养老保险缴费支');
		expect(check(d, 'function.children_sum:20805.total')).toMatchObject({ expected: 1068.78, actual: 1068.78, ok: true });
	});

	it('does not give 国防支出 the 单位预留机动经费 printed on its line (page 8)', () => {
		expect(check(d, 'cross.summary_class:203')).toBeUndefined();
		expect(check(d, 'cross.summary_class:208')).toMatchObject({ expected: 1068.78, ok: true });
	});

	it('reads the 收支预算总表 totals (page 8)', () => {
		expect(measure(d, 'income_total')).toMatchObject({ value: 15897.44, source: 'table' });
		expect(fileLine(d, measure(d, 'income_total')?.source_line)).toBe(186);
	});
});
