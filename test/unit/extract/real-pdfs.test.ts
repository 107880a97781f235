/**
 * Real disclosure PDFs (test/fixtures/real-pdfs, Jiangsu provincial departments) read end to end:
 * bytes → extractFile with the Node pdf.js engine → contract rows, compared figure by figure with
 * the ground truth in real-pdfs.expected.ts, which a person read from the rendered pages.
 *
 * Each table has its own test, so a failure says which part of which file is wrong; each test lists
 * every mismatch (figure, name, page) at once. The last test reports the share of the spending-table
 * figures recovered exactly (≥ 95 % required).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toContractRows, type ContractRows } from '../../../src/lib/extract/contract-rows';
import { extractFile } from '../../../src/lib/extract/read-file';
import type { Row } from '../../../src/lib/storage/schema';
import {
	REAL_PDF_FIXTURES,
	type CodedTableExpect,
	type EconomicExpect,
	type FixtureExpect,
	type FunctionExpect,
	type MeasureExpect,
	type ThreePublicExpect
} from './real-pdfs.expected';

const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/real-pdfs');
const ENGINE_MODULE = join(import.meta.dirname, '../../../scripts/lib/pdf-node.ts');
/** Reading a 31-page PDF with pdf.js on a shared core takes a while; the first test of a file pays. */
const TIMEOUT = 180_000;

// ------------------------------------------------------------------------------------------------
// Extraction, once per fixture
// ------------------------------------------------------------------------------------------------

let engine: Promise<unknown> | null = null;

/** The Node pdf.js engine from scripts/lib/pdf-node.ts; fails loudly while it does not exist. */
function nodeEngine(): Promise<unknown> {
	engine ??= (async () => {
		if (!existsSync(ENGINE_MODULE)) {
			throw new Error('scripts/lib/pdf-node.ts does not exist yet: the real PDFs need the Node PDF engine (createNodePdfEngine)');
		}
		const mod = (await import(/* @vite-ignore */ ENGINE_MODULE)) as Record<string, unknown>;
		const create = mod.createNodePdfEngine;
		if (typeof create !== 'function') {
			throw new Error(`scripts/lib/pdf-node.ts exports no createNodePdfEngine() (exports: ${Object.keys(mod).join(', ') || 'none'})`);
		}
		return (create as () => unknown)();
	})();
	return engine;
}

interface Extracted {
	rows: ContractRows;
}

const extractions = new Map<string, Promise<Extracted>>();

function extracted(fx: FixtureExpect): Promise<Extracted> {
	let p = extractions.get(fx.file);
	if (!p) {
		p = (async () => {
			const pdf = await nodeEngine();
			const bytes = new Uint8Array(readFileSync(join(FIXTURE_DIR, fx.file)));
			try {
				const doc = await extractFile(fx.file, bytes, `real-${fx.file.replace(/\.pdf$/, '')}`, { pdf: pdf as never });
				return { rows: toContractRows(doc) };
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				throw new Error(`${fx.file} (${fx.original}) could not be extracted: ${message}`);
			}
		})();
		extractions.set(fx.file, p);
	}
	return p;
}

/** The extraction, or null when it failed (for the aggregate, which counts a failed file as 0 figures). */
async function extractedOrNull(fx: FixtureExpect): Promise<Extracted | null> {
	try {
		return await extracted(fx);
	} catch {
		return null;
	}
}

// ------------------------------------------------------------------------------------------------
// Comparison helpers
// ------------------------------------------------------------------------------------------------

/** Equal as printed: the figures have two decimals; DOUBLE noise is tolerated, nothing more. */
const same = (stored: unknown, expected: number) => typeof stored === 'number' && Math.abs(stored - expected) < 0.005;

/** Names as printed, ignoring blanks and the width of brackets (（护） vs (护)). */
const normName = (s: unknown) =>
	String(s ?? '')
		.replace(/\s+/g, '')
		.replace(/\(/g, '（')
		.replace(/\)/g, '）');

const pagesText = (pages: number[] | null) => (pages ? `p${pages.join('/')}` : 'not printed in this file');

function pageProblem(what: string, row: Row, pages: number[] | null): string | null {
	if (!pages) return null;
	return pages.includes(row.source_page as number) ? null : `${what}: source_page ${row.source_page}, but it is printed on ${pagesText(pages)}`;
}

/** Failed checks (ok = false) of one extraction. */
const failedRules = (rows: ContractRows) => rows.checks.filter((c) => c.ok === false).map((c) => String(c.rule));

/** Whether a failed check names a classification code: `…:<code>` or `…:<code>.<column>`. */
const namesCode = (rule: string, code: string) => new RegExp(`:${code}(?:\\.|$)`).test(rule);

/** Whether a failed check names a summary measure. */
function namesMeasure(rule: string, measure: string): boolean {
	if (rule.includes(measure)) return true;
	if ((measure === 'basic' || measure === 'project') && rule === 'summary.basic_plus_project') return true;
	if ((measure === 'personnel' || measure === 'public') && rule === 'summary.personnel_plus_public') return true;
	return measure === 'expenditure_total' && rule.includes('function_total_vs_summary');
}

/** Compares the stored rows of one coded table (function or economic) with the expected rows. */
function codedTableProblems(
	kind: 'function' | 'economic',
	t: CodedTableExpect<FunctionExpect | EconomicExpect>,
	stored: Row[]
): string[] {
	const problems: string[] = [];
	for (const e of t.rows) {
		const found = stored.filter((r) => r.code === e.code);
		const label = `${e.code} ${e.name}`;
		if (found.length === 0) {
			problems.push(`${label}: not stored (printed ${e.total} on ${pagesText(e.pages)})`);
			continue;
		}
		if (found.length > 1) problems.push(`${label}: stored ${found.length} times`);
		const row = found[0];
		if (!same(row.total, e.total)) problems.push(`${label}: total ${row.total}, printed ${e.total}`);
		if (kind === 'function') {
			const f = e as FunctionExpect;
			if (f.basic !== undefined && !same(row.basic, f.basic)) problems.push(`${label}: basic ${row.basic}, printed ${f.basic}`);
			if (f.project !== undefined && !same(row.project, f.project)) problems.push(`${label}: project ${row.project}, printed ${f.project}`);
			// The data contract: basic/project NULL where the document gives only the total.
			if (t.amountOnly && (row.basic !== null || row.project !== null)) {
				problems.push(`${label}: basic/project ${row.basic}/${row.project}, but only one amount is printed (NULL expected)`);
			}
		}
		if (t.source === 'table' && normName(row.name) !== normName(e.name)) problems.push(`${label}: name “${row.name}”, printed “${e.name}”`);
		const page = pageProblem(label, row, e.pages);
		if (page) problems.push(page);
	}
	// The 类 stored add up to the table's 合计 (an extra or a missing 类 shows here).
	const classSum = stored.filter((r) => String(r.code).length === 3).reduce((s, r) => s + (Number(r.total) || 0), 0);
	if (!same(Math.round(classSum * 100) / 100, t.total)) problems.push(`the 类 stored add up to ${classSum.toFixed(2)}, the table's 合计 is ${t.total}`);
	return problems;
}

function threePublicProblems(rows: ThreePublicExpect[], stored: Row[]): string[] {
	const problems: string[] = [];
	for (const e of rows) {
		const found = stored.filter((r) => r.item === e.item);
		const blank = e.blank ? ' (blank cell = 0)' : '';
		if (found.length === 0) {
			problems.push(`${e.item}: not stored (printed ${e.budget}${blank} on ${pagesText(e.pages)})`);
			continue;
		}
		if (found.length > 1) problems.push(`${e.item}: stored ${found.length} times`);
		const row = found[0];
		if (!same(row.budget, e.budget)) problems.push(`${e.item}: budget ${row.budget}, printed ${e.budget}${blank}`);
		// A 预算 disclosure has no 决算数.
		if (row.actual !== null) problems.push(`${e.item}: actual ${row.actual} in a 预算 disclosure (NULL expected)`);
		const page = pageProblem(e.item, row, e.pages);
		if (page) problems.push(page);
	}
	return problems;
}

function summaryProblems(measures: MeasureExpect[], stored: Row[]): string[] {
	const problems: string[] = [];
	for (const e of measures) {
		const found = stored.filter((r) => r.measure === e.measure);
		if (found.length === 0) {
			problems.push(`${e.measure}: not stored (printed ${e.value} on ${pagesText(e.pages)})`);
			continue;
		}
		if (found.length > 1) problems.push(`${e.measure}: stored ${found.length} times`);
		const row = found[0];
		if (!same(row.value, e.value)) problems.push(`${e.measure}: ${row.value}, printed ${e.value}`);
		const page = pageProblem(e.measure, row, e.pages);
		if (page) problems.push(page);
	}
	return problems;
}

/**
 * Every stored figure that has an expected counterpart equals it, unless a failed check names it;
 * a stored code or measure the file does not print at all is reported likewise.
 */
function contradictions(fx: FixtureExpect, rows: ContractRows): string[] {
	const failed = failedRules(rows);
	const problems: string[] = [];
	const coded = (kind: 'function' | 'economic', t: CodedTableExpect<FunctionExpect | EconomicExpect> | undefined, stored: Row[]) => {
		const expected = new Map([...(t?.optional ?? []), ...(t?.rows ?? [])].map((e) => [e.code, e]));
		for (const r of stored) {
			const code = String(r.code);
			const named = failed.some((rule) => namesCode(rule, code));
			const e = expected.get(code);
			if (!e) {
				if (!named) problems.push(`${kind} ${code} ${r.name} = ${r.total}: no such row is printed, and no failed check names it`);
				continue;
			}
			const diffs: string[] = [];
			if (!same(r.total, e.total)) diffs.push(`total ${r.total} ≠ ${e.total}`);
			if (kind === 'function') {
				const f = e as FunctionExpect;
				if (f.basic !== undefined && r.basic !== null && !same(r.basic, f.basic)) diffs.push(`basic ${r.basic} ≠ ${f.basic}`);
				if (f.project !== undefined && r.project !== null && !same(r.project, f.project)) diffs.push(`project ${r.project} ≠ ${f.project}`);
			}
			if (diffs.length && !named) problems.push(`${kind} ${code} ${e.name}: ${diffs.join(', ')} (${pagesText(e.pages)}), and no failed check names it`);
		}
	};
	coded('function', fx.functionTable, rows.function_expenditure);
	coded('economic', fx.economicTable, rows.economic_expenditure);

	const items = new Map([...(fx.threePublic.optional ?? []), ...fx.threePublic.rows].map((e) => [e.item, e]));
	const threeNamed = failed.some((rule) => rule.startsWith('three_public'));
	for (const r of rows.three_public) {
		const e = items.get(r.item as ThreePublicExpect['item']);
		const wrong = e ? !same(r.budget, e.budget) : r.budget !== null;
		if (wrong && !threeNamed) problems.push(`three_public ${r.item}: budget ${r.budget} ≠ ${e ? e.budget : 'nothing printed'}, and no failed check names it`);
		if (r.budget !== null && fx.threePublic.notThreePublic?.some((v) => same(r.budget, v)) && !(e && same(r.budget, e.budget))) {
			problems.push(`three_public ${r.item}: budget ${r.budget} is a 会议费/培训费 figure or the 合计 including them`);
		}
	}

	const measures = new Map([...(fx.summaryOptional ?? []), ...fx.summary].map((e) => [e.measure, e]));
	for (const r of rows.summary) {
		const m = String(r.measure);
		const e = measures.get(m as MeasureExpect['measure']);
		const named = failed.some((rule) => namesMeasure(rule, m));
		if (!e) {
			if (!named) problems.push(`summary ${m} = ${r.value}: not printed in this file, and no failed check names it`);
		} else if (!same(r.value, e.value) && !named) {
			problems.push(`summary ${m}: ${r.value} ≠ ${e.value} (${pagesText(e.pages)}), and no failed check names it`);
		}
	}
	return problems;
}

/** Spending-table figures expected from a file, and how many of them are stored exactly. */
function recovered(fx: FixtureExpect, rows: ContractRows | null): { expected: number; found: number; missed: string[] } {
	let expected = 0;
	let found = 0;
	const missed: string[] = [];
	const count = (label: string, ok: boolean) => {
		expected++;
		if (ok) found++;
		else missed.push(label);
	};
	const tables: [string, CodedTableExpect<FunctionExpect | EconomicExpect> | undefined, Row[]][] = [
		['function', fx.functionTable, rows?.function_expenditure ?? []],
		['economic', fx.economicTable, rows?.economic_expenditure ?? []]
	];
	for (const [kind, t, stored] of tables) {
		if (!t || t.source !== 'table') continue;
		for (const e of t.rows) {
			const r = stored.find((x) => x.code === e.code);
			count(`${kind} ${e.code}`, !!r && same(r.total, e.total));
			const f = e as FunctionExpect;
			if (f.basic !== undefined) count(`${kind} ${e.code}.basic`, !!r && same(r.basic, f.basic));
			if (f.project !== undefined) count(`${kind} ${e.code}.project`, !!r && same(r.project, f.project));
		}
	}
	if (fx.threePublic.source === 'table') {
		for (const e of fx.threePublic.rows) {
			const r = rows?.three_public.find((x) => x.item === e.item);
			count(`three_public ${e.item}`, !!r && same(r.budget, e.budget));
		}
	}
	return { expected, found, missed };
}

// ------------------------------------------------------------------------------------------------
// The ground truth itself adds up (no engine needed: guards against a typo in the expected file)
// ------------------------------------------------------------------------------------------------

function arithmeticProblems(fx: FixtureExpect): string[] {
	const problems: string[] = [];
	const r2 = (n: number) => Math.round(n * 100) / 100;
	const tree = (label: string, rows: { code: string; total: number }[], total: number | null, childLen: (code: string) => number | null) => {
		if (total !== null) {
			const top = r2(rows.filter((r) => r.code.length === 3).reduce((s, r) => s + r.total, 0));
			if (top !== total) problems.push(`${label}: the 类 add up to ${top}, not ${total}`);
		}
		for (const parent of rows) {
			const len = childLen(parent.code);
			if (len === null) continue;
			const children = rows.filter((r) => r.code.length === len && r.code.startsWith(parent.code));
			if (children.length === 0) continue;
			const sum = r2(children.reduce((s, r) => s + r.total, 0));
			if (sum !== parent.total) problems.push(`${label} ${parent.code}: children add up to ${sum}, not ${parent.total}`);
		}
	};
	const fnChild = (c: string) => (c.length === 3 ? 5 : c.length === 5 ? 7 : null);
	const ecChild = (c: string) => (c.length === 3 ? 5 : null);
	if (fx.functionTable.source === 'table') tree('function', fx.functionTable.rows, fx.functionTable.total, fnChild);
	else tree('function (prose 类)', fx.functionTable.rows, fx.functionTable.total, () => null);
	if (fx.economicTable) tree('economic', fx.economicTable.rows, fx.economicTable.total, ecChild);
	if (fx.operatingCost) tree('机关运行经费', fx.operatingCost.rows, fx.operatingCost.total, ecChild);

	const tp = new Map([...fx.threePublic.rows, ...(fx.threePublic.optional ?? [])].map((e) => [e.item, e.budget]));
	const get = (k: ThreePublicExpect['item']) => tp.get(k) ?? NaN;
	if (tp.has('total') && r2(get('outbound') + get('vehicle') + get('reception')) !== get('total')) problems.push('三公: 出国 + 车辆 + 接待 ≠ 小计');
	if (r2(get('vehicle_purchase') + get('vehicle_operation')) !== get('vehicle')) problems.push('三公: 购置 + 运行 ≠ 车辆');

	const m = new Map([...fx.summary, ...(fx.summaryOptional ?? [])].map((e) => [e.measure, e.value]));
	if (m.has('personnel') && m.has('public') && m.has('basic') && r2(m.get('personnel')! + m.get('public')!) !== m.get('basic')) {
		problems.push('人员经费 + 公用经费 ≠ 基本支出');
	}
	if (m.has('procurement_total')) {
		const parts = r2((m.get('procurement_goods') ?? 0) + (m.get('procurement_works') ?? 0) + (m.get('procurement_services') ?? 0));
		if (parts !== m.get('procurement_total')) problems.push(`政府采购: parts add up to ${parts}, not ${m.get('procurement_total')}`);
	}
	if (fx.operatingCost && m.get('operating_cost') !== fx.operatingCost.total) problems.push('operating_cost ≠ the 机关运行经费 table 合计');
	return problems;
}

describe('real PDFs: the ground truth read from the pages adds up', () => {
	for (const fx of REAL_PDF_FIXTURES) {
		it(`${fx.file}: every table's children add up to their parent and 合计`, () => {
			expect(arithmeticProblems(fx)).toEqual([]);
		});
	}
});

// ------------------------------------------------------------------------------------------------
// Per file, per table
// ------------------------------------------------------------------------------------------------

for (const fx of REAL_PDF_FIXTURES) {
	describe(`real PDF ${fx.file} (${fx.original})`, () => {
		it('metadata: unit as printed, year, 预算, provincial level without a district', { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			expect(rows.documents).toHaveLength(1);
			const d = rows.documents[0] as Record<string, unknown>;
			const want: Record<string, unknown> = {
				department: fx.document.department,
				year: fx.document.year,
				kind: fx.document.kind,
				level: fx.document.level,
				district: fx.document.district,
				source_format: 'pdf',
				pages: fx.pages
			};
			if (fx.document.layout) want.layout = fx.document.layout;
			const got = Object.fromEntries(Object.keys(want).map((k) => [k, d[k]]));
			expect(got).toEqual(want);
		});

		it('headline figures (summary measures), each traced to its page', { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			expect(summaryProblems(fx.summary.filter((m) => m.measure !== 'operating_cost'), rows.summary)).toEqual([]);
		});

		it(`功能科目: ${fx.functionTable.read.join(' = ')}`, { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			expect(codedTableProblems('function', fx.functionTable, rows.function_expenditure)).toEqual([]);
		});

		if (fx.economicTable) {
			const t = fx.economicTable;
			it(`经济科目 (基本支出): ${t.read.join(' = ')}`, { timeout: TIMEOUT }, async () => {
				const { rows } = await extracted(fx);
				expect(codedTableProblems('economic', t, rows.economic_expenditure)).toEqual([]);
			});
		}

		it(`“三公”经费: ${fx.threePublic.read} (not 会议费/培训费)`, { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			const problems = threePublicProblems(fx.threePublic.rows, rows.three_public);
			for (const r of rows.three_public) {
				const e = fx.threePublic.rows.find((x) => x.item === r.item);
				if (e && same(r.budget, e.budget)) continue;
				if (fx.threePublic.notThreePublic?.some((v) => same(r.budget, v))) problems.push(`${r.item}: budget ${r.budget} is 会议费/培训费 or the 合计 including them`);
			}
			expect(problems).toEqual([]);
		});

		const operating = fx.summary.find((m) => m.measure === 'operating_cost');
		if (operating) {
			it(`机关运行经费: ${fx.operatingCost?.read ?? 'prose'}`, { timeout: TIMEOUT }, async () => {
				const { rows } = await extracted(fx);
				expect(summaryProblems([operating], rows.summary)).toEqual([]);
			});
		}

		it('units: every table read was printed in 万元 (scale 1)', { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			const wrong = rows.source_tables
				.filter((t) => t.unit !== '万元' || t.scale !== 1)
				.map((t) => `${t.table_kind} “${t.title}” p${t.source_page}: unit ${t.unit}, scale ${t.scale}`);
			expect(wrong).toEqual([]);
			if (fx.document.layout !== 'narrative') {
				const kinds = new Set(rows.source_tables.map((t) => t.table_kind));
				expect([...['summary', 'function', 'economic_basic', 'three_public'].filter((k) => !kinds.has(k))]).toEqual([]);
			}
		});

		it('no stored figure contradicts the page unless a failed check names it', { timeout: TIMEOUT }, async () => {
			const { rows } = await extracted(fx);
			expect(contradictions(fx, rows)).toEqual([]);
		});
	});
}

// ------------------------------------------------------------------------------------------------
// Aggregate
// ------------------------------------------------------------------------------------------------

describe('real PDFs: share of the spending-table figures recovered exactly', () => {
	it('is at least 95 %', { timeout: TIMEOUT * 2 }, async () => {
		let expected = 0;
		let found = 0;
		const lines: string[] = [];
		for (const fx of REAL_PDF_FIXTURES) {
			const ex = await extractedOrNull(fx);
			const r = recovered(fx, ex?.rows ?? null);
			expected += r.expected;
			found += r.found;
			if (r.expected === 0) continue;
			const share = ((100 * r.found) / r.expected).toFixed(1);
			const missed = r.missed.length ? `; missed: ${r.missed.slice(0, 12).join(', ')}${r.missed.length > 12 ? ' …' : ''}` : '';
			lines.push(`  ${fx.file}: ${r.found}/${r.expected} (${share} %)${ex ? '' : ' — extraction failed'}${missed}`);
		}
		const share = expected ? found / expected : 0;
		console.log(`real PDFs: ${found}/${expected} spending-table figures recovered exactly (${(100 * share).toFixed(1)} %)\n${lines.join('\n')}`);
		expect(share).toBeGreaterThanOrEqual(0.95);
	});
});
