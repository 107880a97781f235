/**
 * The Parquet writer: rows are checked against the contract before anything is written, appended a
 * document at a time, and the files appear only when all of them are complete.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openParquetSink, writeParquetTables } from '../../../scripts/lib/parquet-write';
import { ROWS_PER_LINE } from '../../../scripts/lib/spool-lines';
import type { RowOf } from '../../../src/lib/storage/rows';
import { PRE_AGGREGATED, PRE_AGGREGATED_NAMES, TABLES, TABLE_NAMES } from '../../../src/lib/storage/schema';
import { CORPUS_FILE } from '../../../src/lib/db/corpus-file';

const tmp = () => mkdtempSync(join(tmpdir(), 'bl-write-'));
/** The contract's files and the pre-aggregated ones written with them. */
// the contract's files, the pre-aggregated ones and the browser's database file, renamed together
const FILES = [...TABLE_NAMES.map((n) => TABLES[n].file), ...PRE_AGGREGATED_NAMES.map((n) => PRE_AGGREGATED[n].file), CORPUS_FILE].sort();

const tp = (item: string, budget: number | null, over: Partial<RowOf<'three_public'>> = {}): RowOf<'three_public'> => ({
	doc_id: 'd1', item, budget, actual: null, source_line: 3, source_page: null, source_file: 'a.txt', ...over
});

async function readBack(dir: string, table: string): Promise<Record<string, unknown>[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const path = join(dir, `${table}.parquet`).replace(/'/g, "''");
		return (await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`)).getRowObjectsJS();
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

describe('writeParquetTables', () => {
	it('refuses a row with an unknown key, naming table, row and key, and writes nothing', async () => {
		const dir = tmp();
		const bad = { ...tp('total', 1), budgt: 2 };
		await expect(writeParquetTables(dir, { three_public: [tp('outbound', 1), bad] })).rejects.toThrow('three_public row 2 (doc d1): unknown column "budgt"');
		expect(readdirSync(dir)).toEqual([]);
	});

	it('refuses a row with a missing key', async () => {
		const { source_file: _dropped, ...missing } = tp('total', 1);
		await expect(writeParquetTables(tmp(), { three_public: [missing as RowOf<'three_public'>] })).rejects.toThrow(
			'three_public row 1 (doc d1): missing column "source_file"'
		);
	});

	it('writes every contract table, empty ones included, with the contract types', async () => {
		const dir = tmp();
		await writeParquetTables(dir, { three_public: [tp('total', 1)] });
		expect(readdirSync(dir).sort()).toEqual(FILES);
		expect(await readBack(dir, 'documents')).toEqual([]);
	});

	it('rounds amounts to the cent, keeps -0, and keeps text exactly', async () => {
		const dir = tmp();
		const text = 'a"b\\c\n\t\'é𠀀\u2028';
		await writeParquetTables(dir, { three_public: [tp('total', 12.345678, { actual: -0.001, source_file: text }), tp('vehicle', 0.1 + 0.2, { actual: 123456789.12 })] });
		const rows = await readBack(dir, 'three_public');
		expect(rows.map((r) => [r.budget, r.actual])).toEqual([[12.35, -0], [0.3, 123456789.12]]);
		expect(Object.is(rows[0]?.actual, -0)).toBe(true);
		expect(rows[0]?.source_file).toBe(text);
	});

	it('gives every row of a spool line the value written once for all of them, and null to a column the line leaves out', async () => {
		const dir = tmp();
		const shared = [tp('total', 1, { source_page: 4 }), tp('outbound', 2, { source_page: 4 }), tp('vehicle', 3, { source_page: 4, doc_id: 'd0' })];
		await writeParquetTables(dir, { three_public: shared });
		const rows = await readBack(dir, 'three_public');
		// d0 sorts first; source_line, source_page and source_file are each one value for the line, actual null in every row
		expect(rows).toEqual([shared[2], shared[0], shared[1]]);
	});
});

describe('the write under a memory cap', () => {
	// Enough rows that DuckDB needs more than 1 MB to read and sort them.
	const many = Array.from({ length: 4000 }, (_, i) => tp(`item${i}`, i, { doc_id: `d${i % 97}`, source_file: `file-${i}.txt` }));

	it('is done again under the next cap when DuckDB runs out of memory, saying so, with the same files as under one cap', async () => {
		const retried = tmp();
		const warnings: string[] = [];
		await writeParquetTables(retried, { three_public: many }, { memoryLimits: ['1MB', '256MB'], warn: (m) => warnings.push(m) });
		expect(warnings).toEqual([expect.stringContaining('上限 1MB')]);
		expect(warnings[0]).toContain('256MB');
		const once = tmp();
		await writeParquetTables(once, { three_public: many }, { memoryLimits: ['256MB'] });
		expect(readdirSync(retried).sort()).toEqual(FILES);
		expect(await readBack(retried, 'three_public')).toEqual(await readBack(once, 'three_public'));
	});

	it('fails with DuckDB\'s error when the last cap is too small, and leaves no file behind', async () => {
		const dir = tmp();
		const warnings: string[] = [];
		await expect(writeParquetTables(dir, { three_public: many }, { memoryLimits: ['1MB'], warn: (m) => warnings.push(m) })).rejects.toThrow(/^Out of Memory Error/);
		expect(warnings).toEqual([]);
		expect(readdirSync(dir)).toEqual([]);
	});
});

describe('openParquetSink', () => {
	it('appends document by document; row numbers in errors count from the first append', async () => {
		const sink = await openParquetSink(tmp());
		sink.append({ three_public: [tp('total', 1), tp('outbound', 1)] });
		// A variable, not a literal: the compiler would refuse the misnamed key in a literal already.
		const bad = { ...tp('reception', 1), itme: 'x' };
		expect(() => sink.append({ three_public: [bad] })).toThrow('three_public row 3 (doc d1): unknown column "itme"');
		await sink.abort();
	});

	it('orders by doc_id, keeping each document’s rows in append order across batches and spool lines', async () => {
		const dir = tmp();
		const sink = await openParquetSink(dir);
		const many = (doc: string, n: number, from = 0) => Array.from({ length: n }, (_, i) => tp(`${doc}-${from + i}`, i, { doc_id: doc }));
		sink.append({ three_public: many('d2', ROWS_PER_LINE + 3) }); // two spool lines
		sink.append({ three_public: many('d1', 2) });
		sink.append({ three_public: many('d2', 2, ROWS_PER_LINE + 3) }); // d2 again, later
		await sink.close();
		const items = (await readBack(dir, 'three_public')).map((r) => r.item);
		expect(items).toEqual([...many('d1', 2), ...many('d2', ROWS_PER_LINE + 5)].map((r) => r.item));
	});

	it('keeps every row whatever the size of a document’s lines: small, past the spool’s buffer, and between', async () => {
		const dir = tmp();
		const sink = await openParquetSink(dir);
		// Lines of 1 KB to 1 MB a document: some fill the spool's buffer in pieces, some pass it by.
		const sizes = [1, 300, 40, 1100, 2, 700, 90];
		sizes.forEach((kb, i) => sink.append({ three_public: [tp(`i${i}`, i, { doc_id: `d${i}`, source_file: '表'.repeat(kb * 341) })] }));
		await sink.close();
		const back = await readBack(dir, 'three_public');
		expect(back.map((r) => [r.item, (r.source_file as string).length])).toEqual(sizes.map((kb, i) => [`i${i}`, kb * 341]));
	});

	it('leaves a revoked document’s rows out of every file; rows without a doc_id stay', async () => {
		const dir = tmp();
		const sink = await openParquetSink(dir);
		const diag = (doc_id: string | null): RowOf<'diagnostics'> => ({ doc_id, source_file: 'a.txt', severity: 'error', stage: 'decode', source_line: null, source_page: null, message: 'x' });
		sink.append({ three_public: [tp('total', 1, { doc_id: 'd1' })], diagnostics: [diag('d1')] });
		sink.append({ three_public: [tp('total', 2, { doc_id: 'd2' })], diagnostics: [diag('d2')] });
		sink.append({ diagnostics: [diag(null)] });
		sink.revoke(['d1', 'd9']);
		await sink.close();
		expect((await readBack(dir, 'three_public')).map((r) => [r.doc_id, r.budget])).toEqual([['d2', 2]]);
		expect((await readBack(dir, 'diagnostics')).map((r) => r.doc_id)).toEqual(['d2', null]);
	});

	it('appends nothing of a batch with a bad row in any table', async () => {
		const dir = tmp();
		const sink = await openParquetSink(dir);
		sink.append({ three_public: [tp('total', 1)] });
		expect(() => sink.append({ three_public: [tp('outbound', 2)], summary: [{ doc_id: 'd1' } as RowOf<'summary'>] })).toThrow(/summary row 1/);
		await sink.close();
		expect((await readBack(dir, 'three_public')).map((r) => r.item)).toEqual(['total']);
	});

	it('shows no output file until close, then replaces all of them at once', async () => {
		const dir = tmp();
		await writeParquetTables(dir, { three_public: [tp('total', 1)] });
		const before = readFileSync(join(dir, 'three_public.parquet'));
		const sink = await openParquetSink(dir);
		sink.append({ three_public: [tp('total', 2)] });
		expect(readFileSync(join(dir, 'three_public.parquet'))).toEqual(before);
		await sink.close();
		expect((await readBack(dir, 'three_public')).map((r) => r.budget)).toEqual([2]);
		expect(readdirSync(dir).sort()).toEqual(FILES);
	});

	it('leaves the old files and no temporary file behind when aborted', async () => {
		const dir = tmp();
		await writeParquetTables(dir, { three_public: [tp('total', 1)] });
		const sink = await openParquetSink(dir);
		sink.append({ three_public: [tp('total', 2)] });
		expect(readdirSync(dir).some((f) => f.startsWith('.'))).toBe(true);
		await sink.abort();
		expect(readdirSync(dir).sort()).toEqual(FILES);
		expect((await readBack(dir, 'three_public')).map((r) => r.budget)).toEqual([1]);
	});
});
