/**
 * Folder-level decisions (corpus.ts): copies that differ only in spacing, the narrative and tables
 * halves of one disclosure, and rival full disclosures of the same unit, year and kind. Figures
 * and line numbers are read from the fixtures in test/fixtures/corpus and test/fixtures/disclosures.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toContractRows } from '../../../src/lib/extract/contract-rows';
import { chooseDocument, mergeSources, planCorpus, profileSource } from '../../../src/lib/extract/corpus';
import { documentId } from '../../../src/lib/extract/document-id';
import { extractSource, readTextSource } from '../../../src/lib/extract/document';
import { RAW_DIR } from './seed-helpers';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);
const source = (file: string, text: string) => readTextSource(file, utf8(text));
const profile = (file: string, text: string) => profileSource(file, source(file, text));
const SEED_004 = readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith('004')) as string), 'utf8');
const NARRATIVE = read('corpus/xuanwu-quweiban-2019-budget-narrative.txt');
const TABLES = read('corpus/xuanwu-quweiban-2019-budget-tables.txt');
const TONGLIANG = read('disclosures/tongliang-sifaju-2022-final-tabs.txt');

describe('a copy that differs only by newlines and spaces', () => {
	const copy = SEED_004.replace(/\n/g, '\r\n').replace(/\t/g, ' \t').replace(/单位：万元/g, '单位： 万元') + '\n\n';
	it('is skipped as a duplicate, naming both files', () => {
		const plan = planCorpus([profile('a.txt', SEED_004), profile('b.txt', copy)]);
		expect(plan.steps).toEqual([{ kind: 'single', files: ['a.txt'] }]);
		expect(plan.notices).toHaveLength(1);
		expect(plan.notices[0]).toMatch(/^extract: b\.txt: .*a\.txt.*duplicate file/);
	});
	it('a copy with one figure changed is not a duplicate', () => {
		const changed = SEED_004.replace('1,056.45', '1,056.46');
		expect(planCorpus([profile('a.txt', SEED_004), profile('b.txt', changed)]).notices.some((n) => /duplicate/.test(n))).toBe(false);
	});
});

describe('a narrative file and a tables file of one disclosure', () => {
	// The tables file sorts first by name; the narrative still comes first in the merged document.
	const plan = planCorpus([profile('a-公开表格.txt', TABLES), profile('b-公开文件.txt', NARRATIVE)]);
	it('are planned as one document, narrative first', () => {
		expect(plan.steps).toEqual([{ kind: 'merge', files: ['b-公开文件.txt', 'a-公开表格.txt'] }]);
		expect(plan.notices[0]).toMatch(/^extract: b-公开文件\.txt \+ a-公开表格\.txt: .*merged/);
	});
	const merged = mergeSources([
		{ file: 'b-公开文件.txt', source: source('b-公开文件.txt', NARRATIVE) },
		{ file: 'a-公开表格.txt', source: source('a-公开表格.txt', TABLES) }
	]);
	const doc = extractSource('b-公开文件.txt + a-公开表格.txt', merged, 'x');
	const rows = toContractRows(doc);
	const tableLine = (start: string) => TABLES.split('\n').findIndex((l) => l.startsWith(start)) + 1;
	const narrativeLine = (part: string) => NARRATIVE.split('\n').findIndex((l) => l.includes(part)) + 1;

	it('extract as one document named by both files', () => {
		expect(rows.documents).toHaveLength(1);
		expect(rows.documents[0]).toMatchObject({
			source_file: 'b-公开文件.txt + a-公开表格.txt',
			department: '中共南京市玄武区委办公室',
			district: '玄武区',
			level: 'district',
			year: 2019,
			kind: 'budget'
		});
	});
	it('trace table rows to the tables file and its own lines', () => {
		const r201 = rows.function_expenditure.find((r) => r.code === '201');
		expect(r201).toMatchObject({ total: 820.4, basic: 520.4, project: 300, source_file: 'a-公开表格.txt', source_line: tableLine('201\t') });
		expect(rows.economic_expenditure.find((r) => r.code === '30231')).toMatchObject({ public: 16, source_file: 'a-公开表格.txt', source_line: tableLine('30231') });
	});
	it('check the narrative against the tables, tracing prose figures to the narrative file', () => {
		const basic = rows.checks.find((c) => c.rule === 'narrative.basic');
		expect(basic).toMatchObject({ ok: true, expected: 649, actual: 649, source_file: 'b-公开文件.txt', source_line: narrativeLine('基本支出649.00万元') });
		expect(rows.checks.filter((c) => c.ok === false)).toEqual([]);
	});
	it('get a doc_id from both files’ bytes', async () => {
		const id = await documentId(utf8(NARRATIVE), utf8(TABLES));
		const sha = createHash('sha256').update(NARRATIVE + TABLES).digest('hex').slice(0, 12);
		expect(id).toBe(sha);
		expect(id).not.toBe(await documentId(utf8(NARRATIVE)));
	});
});

describe('two full disclosures of the same unit, year and kind that differ', () => {
	// A transposed figure (146.72 → 164.72, line 72) leaves 20406 not adding up.
	const misprinted = TONGLIANG.replace('2040604\t基层司法业务\t146.72\t0.00\t146.72', '2040604\t基层司法业务\t164.72\t0.00\t164.72');
	it('are planned as rivals', () => {
		expect(planCorpus([profile('a.txt', misprinted), profile('b.txt', TONGLIANG)]).steps).toEqual([{ kind: 'choose', files: ['a.txt', 'b.txt'] }]);
	});
	it('the one whose checks pass is kept; the other is named, with the reason', () => {
		const a = extractSource('a.txt', source('a.txt', misprinted), 'x');
		const b = extractSource('b.txt', source('b.txt', TONGLIANG), 'y');
		const { kept, notices } = chooseDocument([a, b]);
		expect(kept.document.source_file).toBe('b.txt');
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^extract: a\.txt: .*保留 b\.txt（核对未通过较少.*conflicting disclosure skipped/);
	});
	it('of a damaged copy (one invalid byte) and a clean one, the clean one is kept', () => {
		const bytes = utf8(SEED_004);
		const damaged = new Uint8Array([...bytes.subarray(0, 1), 0xff, ...bytes.subarray(1)]);
		const a = extractSource('a.txt', readTextSource('a.txt', damaged), 'x');
		const b = extractSource('b.txt', source('b.txt', SEED_004), 'y');
		const { kept, notices } = chooseDocument([a, b]);
		expect(kept.document.source_file).toBe('b.txt');
		expect(notices[0]).toMatch(/保留 b\.txt（无效字节较少/);
	});
	it('units spelt 中共…省委… and 中国共产党…省委员会… are the same unit', () => {
		const p = (unit: string) => profile(`${unit}.txt`, `${unit}\n2019年部门预算公开说明\n基本支出649.00万元。\n`);
		expect(p('中共江苏省委办公厅').key).toBe(p('中国共产党江苏省委员会办公厅').key);
		expect(p('中共江苏省委办公厅').key).toBe(p('江苏省委办公厅').key);
		expect(p('中共江苏省委办公厅').key).not.toBe(p('江苏省人大常委会办公厅').key);
	});
});
