import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { decodeDisclosure } from '../../../src/lib/extract/decode';
import { extractDocument } from '../../../src/lib/extract/document';
import { ExtractError } from '../../../src/lib/extract/errors';
import { parseAmount, withoutCommas } from '../../../src/lib/extract/amount';
import { RAW_DIR } from './seed-helpers';
import { gb18030Encode } from '../../helpers/gb18030';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const utf8 = (s: string) => new TextEncoder().encode(s);
const seed = (prefix: string) => readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string));

function expectExtractError(fn: () => unknown, pattern: RegExp): ExtractError {
	try {
		fn();
	} catch (e) {
		expect(e).toBeInstanceOf(ExtractError);
		expect((e as Error).message).toMatch(pattern);
		return e as ExtractError;
	}
	throw new Error('expected an ExtractError');
}

describe('bad input gets a clear error naming the file (and line)', () => {
	it('empty file', () => expectExtractError(() => decodeDisclosure('a.txt', new Uint8Array()), /^extract: a\.txt: .*empty/));
	it('only whitespace', () => expectExtractError(() => decodeDisclosure('w.txt', utf8(' \n\n\t')), /w\.txt: .*whitespace/));
	it('binary: names the line of the first NUL byte', () => {
		const e = expectExtractError(() => decodeDisclosure('b.txt', new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x43])), /^extract: b\.txt:2: .*binary/);
		expect(e.line).toBe(2);
	});
	it('a PDF given as .txt', () => expectExtractError(() => decodeDisclosure('p.txt', utf8('%PDF-1.7\n...')), /p\.txt: .*PDF/));
	it('text that is not a disclosure', () =>
		expectExtractError(() => extractDocument('n.txt', utf8('今天天气很好。\n我们去公园散步。\n'), 'x'), /n\.txt: .*not a disclosure/));
});

describe('encodings and number forms are accepted', () => {
	it('GB18030 text decodes to the same figures as UTF-8', () => {
		const text = new TextDecoder().decode(seed('004'));
		const gb = gb18030Encode(text);
		expect(decodeDisclosure('g.txt', gb).encoding).toBe('gb18030');
		const a = extractDocument('g.txt', gb, 'x');
		const b = extractDocument('u.txt', seed('004'), 'x');
		expect(a.functionRows).toEqual(b.functionRows);
	});
	it('UTF-8 BOM and CRLF line ends change nothing', () => {
		const text = new TextDecoder().decode(seed('002'));
		const crlf = utf8('\uFEFF' + text.replace(/\n/g, '\r\n'));
		const a = extractDocument('c.txt', crlf, 'x');
		const b = extractDocument('u.txt', seed('002'), 'x');
		expect(a.functionRows).toEqual(b.functionRows);
		expect(a.threePublic).toEqual(b.threePublic);
	});
	it('full-width digits, thousands separators and -/— for empty', () => {
		expect(parseAmount('１，１７２．１５')).toBe(1172.15);
		expect(parseAmount('1,172.15')).toBe(1172.15);
		expect(parseAmount('—')).toBeNull();
		expect(parseAmount('-')).toBeNull();
		expect(parseAmount('1,234,567')).toBe(1234567);
		expect(withoutCommas('1,234,567.50')).toBe('1234567.50');
		expect(withoutCommas('251.00')).toBe('251.00');
		const text = new TextDecoder().decode(seed('004')).replace('1,056.45\t561.45\t495.00', '１，０５６．４５\t５６１．４５\t４９５．００').replace('561.45\t561.45\t', '561.45\t561.45\t—');
		const d = extractDocument('f.txt', utf8(text), 'x');
		expect(d.functionRows.find((r) => r.code === '201')).toMatchObject({ total: 1056.45, basic: 561.45, project: 495 });
		expect(d.functionRows.find((r) => r.code === '2010301')).toMatchObject({ total: 561.45, basic: 561.45, project: 0 });
	});
	it('a truncated document keeps what it has and reports what no longer adds up', () => {
		const lines = new TextDecoder().decode(seed('004')).split('\n');
		const cut = lines.slice(0, 36).join('\n'); // stops inside 表二, after 2080505
		const d = extractDocument('t.txt', utf8(cut), 'x');
		expect(d.functionRows.find((r) => r.code === '2080505')).toMatchObject({ total: 36.65 });
		expect(d.checks.some((c) => c.rule === 'function.children_sum:20805.total' && !c.ok)).toBe(true);
		expect(d.diagnostics.some((x) => x.severity === 'warning' && x.line === 34)).toBe(true);
	});
});

describe('the CLI', () => {
	it('extracts the good files, reports the bad ones by name, exits non-zero only for unreadable input, leaves no temp files', async () => {
		const inDir = mkdtempSync(join(tmpdir(), 'bl-in-'));
		const outDir = mkdtempSync(join(tmpdir(), 'bl-out-'));
		copyFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith('004')) as string), join(inDir, 'good.txt'));
		writeFileSync(join(inDir, 'empty.txt'), '');
		writeFileSync(join(inDir, 'prose.txt'), '这是一段与预算无关的文字。\n');
		const result = await run('npx', ['tsx', 'scripts/extract.ts', '--in', inDir, '--out', outDir], { cwd: ROOT }).catch((e) => e);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/good\.txt: 綦江区 \| .* \| 2024 \| 预算/);
		expect(result.stderr).toMatch(/empty\.txt: .*empty/);
		expect(result.stderr).toMatch(/prose\.txt: .*not a disclosure/);
		expect(result.stdout).toMatch(/total: 1 documents extracted, 2 files failed/);
		expect(readdirSync(outDir).sort()).toEqual([
			'checks.parquet', 'code_names.parquet', 'corpus.duckdb', 'diagnostics.parquet', 'document_figures.parquet', 'documents.parquet', 'economic_breakdown.parquet',
			'economic_expenditure.parquet', 'function_expenditure.parquet', 'narrative_figures.parquet', 'source_tables.parquet', 'summary.parquet', 'three_public.parquet'
		]);
	}, 60_000);

	it('exits 0 when every file could be read, and applies manifest.csv', async () => {
		const inDir = mkdtempSync(join(tmpdir(), 'bl-in-'));
		const outDir = mkdtempSync(join(tmpdir(), 'bl-out-'));
		const text = new TextDecoder().decode(seed('004')).replace(/綦江区/g, '某某区');
		writeFileSync(join(inDir, 'x.txt'), text);
		writeFileSync(join(inDir, 'manifest.csv'), 'file,district,department,year,kind\nx.txt,测试区,重庆市测试区政务服务管理办公室,2024,预算\n');
		const { stdout } = await run('npx', ['tsx', 'scripts/extract.ts', '--in', inDir, '--out', outDir], { cwd: ROOT });
		expect(stdout).toMatch(/x\.txt: 测试区 \| 重庆市测试区政务服务管理办公室 \| 2024 \| 预算/);
	}, 60_000);
});
