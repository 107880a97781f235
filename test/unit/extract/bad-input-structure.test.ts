/**
 * What makes a text a disclosure, and what a disclosure lacks. A statistics bulletin or a news item
 * that mentions amounts is not one; a narrative under the disclosure's own title, or a file of the
 * standard tables, is. Key tables missing or cut off by a truncated file are reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../../src/lib/extract/document';
import { ExtractError } from '../../../src/lib/extract/errors';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const utf8 = (s: string) => new TextEncoder().encode(s);
const extract = (file: string, text: string) => extractDocument(file, utf8(text), 'x');
const TABLES = read('corpus/xuanwu-quweiban-2019-budget-tables.txt');
const NARRATIVE = read('corpus/xuanwu-quweiban-2019-budget-narrative.txt');

function refusal(file: string, text: string): ExtractError {
	try {
		extract(file, text);
	} catch (e) {
		expect(e).toBeInstanceOf(ExtractError);
		return e as ExtractError;
	}
	throw new Error(`${file} was taken for a disclosure`);
}

describe('texts that merely mention amounts are not disclosures', () => {
	it('a statistics bulletin (教育支出 … 万元, 2023年预算执行)', () => {
		expect(refusal('bulletin.txt', read('bad-input/bulletin-2023.txt')).message).toMatch(/^extract: bulletin\.txt: .*not a disclosure/);
	});
	it('a news item about a budget meeting (基本支出 / 项目支出 … 万元)', () => {
		expect(refusal('news.txt', read('bad-input/news-budget-meeting.txt')).message).toMatch(/^extract: news\.txt: .*not a disclosure/);
	});
	it('a narrative under the disclosure title, with figures, is one', () => {
		const d = extract('n.txt', NARRATIVE);
		expect(d.document).toMatchObject({ layout: 'narrative', year: 2019, kind: 'budget', department: '中共南京市玄武区委办公室' });
		expect(d.summary.find((s) => s.measure === 'basic')).toMatchObject({ value: 649, source: 'narrative' });
	});
	it('the same narrative without its title is not one, unless manifest.csv vouches for year and kind', () => {
		const untitled = NARRATIVE.split('\n').slice(2).join('\n');
		expect(refusal('u.txt', untitled).message).toMatch(/not a disclosure/);
		const d = extractDocument('u.txt', utf8(untitled), 'x', { override: { year: 2019, kind: 'budget' } });
		expect(d.document).toMatchObject({ year: 2019, kind: 'budget' });
	});
});

describe('key tables missing or cut short', () => {
	const lines = TABLES.split('\n');
	const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;
	const missing = (d: ReturnType<typeof extract>) => d.diagnostics.find((x) => /key tables missing/.test(x.message));
	const cut = (d: ReturnType<typeof extract>) => d.diagnostics.find((x) => /cut short/.test(x.message));

	it('a complete set of tables gives neither warning', () => {
		const d = extract('t.txt', TABLES);
		expect(missing(d)).toBeUndefined();
		expect(cut(d)).toBeUndefined();
	});
	it('tables 3 and 4 left out: 基本支出表 and “三公”经费 are named, nothing is cut', () => {
		const d = extract('t.txt', lines.slice(0, lineOf('表3') - 1).join('\n'));
		expect(missing(d)).toMatchObject({ severity: 'warning', stage: 'tables', line: null });
		expect(missing(d)?.message).toMatch(/基本支出表/);
		expect(missing(d)?.message).toMatch(/三公/);
		expect(missing(d)?.message).not.toMatch(/收支总表|一般公共预算财政拨款支出表/);
		expect(cut(d)).toBeUndefined();
	});
	it('a file that ends inside 表2: the missing tables, and 表2 cut at its last line', () => {
		const last = lineOf('2080505');
		const d = extract('t.txt', lines.slice(0, last).join('\n'));
		expect(missing(d)?.message).toMatch(/基本支出表.*三公/);
		expect(cut(d)).toMatchObject({ severity: 'warning', stage: 'tables', line: last });
		expect(cut(d)?.message).toContain('一般公共预算财政拨款支出表');
		expect(cut(d)?.message).toContain('2080505');
	});
	it('a narrative-only disclosure is not warned about tables it never had', () => {
		const d = extract('n.txt', NARRATIVE);
		expect(missing(d)).toBeUndefined();
	});
});
