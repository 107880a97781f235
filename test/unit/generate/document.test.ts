/**
 * The truth says what was printed: the function table of a tab-separated document, read back by a
 * few lines of parsing here, gives the truth's rows; a planted reconcile fault really breaks the
 * printed arithmetic by the amount stated; the same seed gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { districtDocuments, type CorpusOptions } from '../../../scripts/lib/generate/corpus';
import type { GeneratedDoc } from '../../../scripts/lib/generate/document';
import { pdfCopiedProse } from '../../../scripts/lib/generate/prose-wrap';

const options: CorpusOptions = { districts: 1, departments: 8, years: 2, lastYear: 2025, seed: 11, shares: { pdf: 0, html: 0.1, fault: 0.6, narrative: 0.1 } };
const docs: GeneratedDoc[] = [...districtDocuments(options, 4)];

/** `code\tname\ttotal\tbasic\tproject` rows of the text's function table (表二 or 公开05表). */
function functionRows(text: string): Map<string, number[]> {
	const lines = text.split('\n');
	const start = lines.findIndex((l) => l === '一般公共预算财政拨款支出预算表' || l === '一般公共预算财政拨款支出决算表');
	const rows = new Map<string, number[]>();
	for (const line of lines.slice(start + 1)) {
		if (line === '') break;
		const cells = line.split('\t');
		if (!/^\d{3,7}$/.test(cells[0])) continue;
		rows.set(cells[0], cells.slice(2, 5).map((c) => (c === '' ? 0 : Number(c.replace(/,/g, '')))));
	}
	return rows;
}

describe('generated documents and their truth', () => {
	it('makes every kind of document asked for, named by district, department, year and kind', () => {
		expect(docs).toHaveLength(8 * 2 * 2);
		expect(new Set(docs.map((d) => d.truth.layout))).toEqual(new Set(['tabs', 'cells', 'aligned', 'narrative']));
		for (const d of docs) {
			expect(d.file).toMatch(/^d05-[a-z0-9]+-20(24|25)-(budget|final)/);
			expect(d.truth.district).toBe('大渡口区');
			expect(d.truth.department.startsWith('重庆市大渡口区')).toBe(true);
			expect(d.content).toContain(d.truth.department);
		}
	});

	it('the function table printed in a tab-separated 万元 document is the truth, row by row', () => {
		const tabs = docs.filter((d) => d.truth.format === 'text' && d.truth.layout === 'tabs' && d.truth.unit === '万元' && d.truth.fault?.type !== 'split_table');
		expect(tabs.length).toBeGreaterThan(2);
		for (const d of tabs) {
			const printed = functionRows(d.content);
			expect([...printed.keys()]).toEqual(d.truth.function.map((r) => r.code));
			for (const r of d.truth.function) expect(printed.get(r.code)).toEqual([r.total, r.basic, r.project]);
		}
	});

	it('the prose repeats the truth’s totals as printed', () => {
		for (const d of docs) {
			const total = d.truth.summary.expenditure_total.toFixed(2);
			// Prose copied from a PDF is cut and spaced anywhere: compare without spaces, breaks and commas.
			expect(d.content.replace(/[\s,]/g, '')).toContain(`${total}万元`);
		}
	});

	it('a planted reconcile fault leaves a 类 off the sum of its 款 by the stated amount', () => {
		const faulty = docs.filter((d) => d.truth.fault?.type === 'reconcile');
		expect(faulty.length).toBeGreaterThan(0);
		for (const d of faulty) {
			const code = d.truth.fault!.failedCheck!.replace('function.children_sum:', '').replace('.', '');
			const row = d.truth.function.find((r) => r.code === code)!;
			const children = d.truth.function.filter((r) => r.level === 2 && r.code.startsWith(code));
			const gap = row.total - children.reduce((a, c) => a + c.total, 0);
			expect(gap).toBeGreaterThan(0.99);
			expect(d.truth.fault!.detail).toContain(`类 ${code}`);
		}
	});

	it('a missing table is missing, with no economic figures in the truth', () => {
		for (const d of docs.filter((x) => x.truth.fault?.type === 'missing_table')) {
			expect(d.content).not.toContain('基本支出预算表');
			expect(d.content).not.toContain('基本支出决算表');
			expect(d.truth.economic).toEqual([]);
		}
	});

	it('is the same bytes for the same seed, and another corpus for another seed', () => {
		const again = [...districtDocuments(options, 4)];
		expect(again.map((d) => d.content)).toEqual(docs.map((d) => d.content));
		const other = [...districtDocuments({ ...options, seed: 12 }, 4)];
		expect(other.map((d) => d.content)).not.toEqual(docs.map((d) => d.content));
	});

	it('prose copied from a PDF: cut at the page width (inside figures too), spaced around figures, blank lines between', () => {
		expect(pdfCopiedProse(['2022年度收入总计486.72万元，支出总计486.72万元。'], 16)).toEqual(['2022 年度收入总计 486. ', '', '72 万元，支出总计 486.7 ', '', '2 万元。 ', '']);
		expect(pdfCopiedProse(['收入合计1,234.56万元'], 8)).toEqual(['收入合计 1,2 ', '', '34.56 万元 ', '']);
	});
});
