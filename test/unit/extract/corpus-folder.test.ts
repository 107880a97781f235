/**
 * `npm run extract` on a folder mixing good and bad files: a spacing-only copy, the two halves of
 * one Jiangsu-style disclosure (one of them with an invalid byte), rival versions of one 决算, a
 * UTF-16 file, a truncated file, a statistics bulletin and an empty file. Each is reported by
 * name (and line), nothing is counted twice, the good files are unaffected, and no temporary
 * file is left behind.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { RAW_DIR } from './seed-helpers';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');
const seed = (prefix: string) => readFileSync(join(RAW_DIR, readdirSync(RAW_DIR).find((f) => f.startsWith(prefix)) as string), 'utf8');

const TABLES = fixture('corpus/xuanwu-quweiban-2019-budget-tables.txt');
const TONGLIANG = fixture('disclosures/tongliang-sifaju-2022-final-tabs.txt');
const TONGNAN = fixture('disclosures/tongnan-kejiju-2023-final-spaces.txt');
/** 表 一般公共预算财政拨款支出决算表 of the 潼南 fixture: the file is cut after its line 190 (2080505). */
const CUT_AT = 190;

let out: { code: number; stdout: string; stderr: string };
let outDir: string;

async function query(sql: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		return (await conn.runAndReadAll(sql.replaceAll('$dir', outDir.replace(/'/g, "''")))).getRowObjectsJS();
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

beforeAll(async () => {
	const inDir = mkdtempSync(join(tmpdir(), 'bl-corpus-in-'));
	outDir = mkdtempSync(join(tmpdir(), 'bl-corpus-out-'));
	const put = (name: string, content: string | Uint8Array) => writeFileSync(join(inDir, name), content);
	put('good.txt', seed('004'));
	put('zz-copy.txt', seed('004').replace(/\n/g, '\r\n').replace(/\t/g, ' \t') + '\n\n');
	// Line 2 of the tables half is blank; a stray 0xFF stands at its start (byte after line 1).
	const tables = Buffer.from(TABLES, 'utf8');
	const lf = tables.indexOf(0x0a) + 1;
	put('xw-1-公开表格.txt', Buffer.concat([tables.subarray(0, lf), Buffer.from([0xff]), tables.subarray(lf)]));
	put('xw-2-公开文件.txt', fixture('corpus/xuanwu-quweiban-2019-budget-narrative.txt'));
	put('tl-a.txt', TONGLIANG.replace('2040604\t基层司法业务\t146.72\t0.00\t146.72', '2040604\t基层司法业务\t164.72\t0.00\t164.72'));
	put('tl-b.txt', TONGLIANG);
	put('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed('002'), 'utf16le')]));
	put('truncated.txt', TONGNAN.split('\n').slice(0, CUT_AT).join('\n'));
	put('bulletin.txt', fixture('bad-input/bulletin-2023.txt'));
	put('empty.txt', '');
	out = await run('npx', ['tsx', 'scripts/extract.ts', '--in', inDir, '--out', outDir], { cwd: ROOT }).then(
		(r) => ({ code: 0, ...r }),
		(e: { code: number; stdout: string; stderr: string }) => e
	);
}, 120_000);

describe('a folder of good and bad files', () => {
	it('exits non-zero (the empty file could not be read) and leaves only the Parquet files', () => {
		expect(out.code).toBe(1);
		// the Parquet files and the browser's database file, nothing temporary
		expect(readdirSync(outDir).every((f) => f.endsWith('.parquet') || f === 'corpus.duckdb')).toBe(true);
		expect(out.stdout).toMatch(/total: 5 documents extracted, 2 files failed/);
	});
	it('reports the bad files by name', () => {
		expect(out.stderr).toMatch(/empty\.txt: .*empty/);
		expect(out.stderr).toMatch(/bulletin\.txt: .*not a disclosure/);
	});
	it('skips the spacing-only copy and says so', async () => {
		expect(out.stdout).toMatch(/zz-copy\.txt: .*good\.txt.*duplicate file/);
		expect(out.stdout).not.toMatch(/^zz-copy\.txt: 綦江区/m);
		expect(out.stdout).toMatch(/^good\.txt: 綦江区 \| .* \| 2024 \| 预算/m);
	});
	it('reads the two halves as one document, tracing rows and the bad byte to their own file and line', async () => {
		expect(out.stdout).toMatch(/^xw-2-公开文件\.txt \+ xw-1-公开表格\.txt: 玄武区 \| 中共南京市玄武区委办公室 \| 2019 \| 预算/m);
		expect(out.stdout).toMatch(/merged/);
		expect(out.stdout).toMatch(/decode: xw-1-公开表格\.txt:2: .*invalid byte/);
		const rows = await query(`SELECT f.source_file, f.source_line FROM read_parquet('$dir/function_expenditure.parquet') f
			JOIN read_parquet('$dir/documents.parquet') d USING (doc_id) WHERE d.district = '玄武区' AND f.code = '201'`);
		expect(rows).toEqual([{ source_file: 'xw-1-公开表格.txt', source_line: TABLES.split('\n').findIndex((l) => l.startsWith('201\t')) + 1 }]);
	});
	it('keeps one of the rival 决算 and names the other with the reason', () => {
		expect(out.stdout).toMatch(/tl-a\.txt: .*保留 tl-b\.txt.*conflicting disclosure skipped/);
		expect(out.stdout).toMatch(/^tl-b\.txt: 铜梁区/m);
		expect(out.stdout).not.toMatch(/^tl-a\.txt: 铜梁区/m);
	});
	it('reports the truncated file: key tables missing, and where the table stops', () => {
		expect(out.stdout).toMatch(/truncated\.txt: .*基本支出表.*key tables missing/);
		expect(out.stdout).toMatch(new RegExp(`truncated\\.txt:${CUT_AT}: .*2080505.*cut short`));
	});
	it('counts every disclosure once', async () => {
		const docs = await query(`SELECT source_file, doc_id, level FROM read_parquet('$dir/documents.parquet') ORDER BY source_file`);
		expect(docs.map((d) => d.source_file)).toEqual(['good.txt', 'tl-b.txt', 'truncated.txt', 'utf16.txt', 'xw-2-公开文件.txt + xw-1-公开表格.txt']);
		expect(new Set(docs.map((d) => d.doc_id)).size).toBe(5);
		expect(docs.every((d) => d.level === 'district')).toBe(true);
	});
});
