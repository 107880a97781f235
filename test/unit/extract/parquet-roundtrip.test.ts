import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRE_AGGREGATED, PRE_AGGREGATED_NAMES, TABLES, TABLE_NAMES, type Row } from '../../../src/lib/storage/schema';
import { CORPUS_FILE } from '../../../src/lib/db/corpus-file';
import { emptyTableRows, type TableRows } from '../../../src/lib/storage/rows';
import { extractFolder } from '../../../scripts/lib/extract-folder';
import { openParquetSink, writeParquetTables } from '../../../scripts/lib/parquet-write';
import { RAW_DIR } from './seed-helpers';

/** Every row handed to the writer, kept here to compare with what it wrote. */
let written: TableRows;
let outDir: string;
let batches: number;

async function readBack(file: string, dir = outDir): Promise<{ rows: Row[]; types: Record<string, string> }> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const path = join(dir, file).replace(/'/g, "''");
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
		const describe = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
		const types = Object.fromEntries(describe.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
		return { rows: reader.getRowObjectsJS() as Row[], types };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

/** Rows stably sorted by doc_id (ids are ASCII, so code-unit order is DuckDB's byte order), NULL last. */
function byDocId(rows: Row[]): Row[] {
	const key = (r: Row) => (r.doc_id === null ? '\uffff' : String(r.doc_id));
	return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

beforeAll(async () => {
	outDir = mkdtempSync(join(tmpdir(), 'bl-parquet-'));
	written = emptyTableRows();
	batches = 0;
	const sink = await openParquetSink(outDir);
	await extractFolder(RAW_DIR, (rows) => {
		batches++;
		for (const name of TABLE_NAMES) (written[name] as Row[]).push(...rows[name]);
		sink.append(rows);
	});
	await sink.close();
});

describe('Parquet files read back with DuckDB', () => {
	it('writes every contract table and no temporary files', () => {
		expect(readdirSync(outDir).sort()).toEqual([...TABLE_NAMES.map((n) => TABLES[n].file), ...PRE_AGGREGATED_NAMES.map((n) => PRE_AGGREGATED[n].file), CORPUS_FILE].sort());
	});

	for (const name of TABLE_NAMES) {
		it(`${name}: same rows, same columns and types as the contract`, async () => {
			const { rows, types } = await readBack(TABLES[name].file);
			expect(types).toEqual(Object.fromEntries(TABLES[name].columns.map((c) => [c.name, c.type])));
			// DOUBLEs are written to the cent (the contract's rounding); everything else as it was handed over.
			const cell = (type: string, v: Row[string]) => (type === 'DOUBLE' && typeof v === 'number' ? Math.round(v * 100) / 100 : v);
			// The writer orders each table by doc_id, keeping a document's rows in the order they came.
			const expected = byDocId(written[name] as Row[]).map((r) => Object.fromEntries(TABLES[name].columns.map((c) => [c.name, cell(c.type, r[c.name])])));
			expect(rows).toEqual(expected);
		});
	}

	it('gives one row per seed document with a 12-hex-digit doc_id', async () => {
		const { rows } = await readBack('documents.parquet');
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => /^[0-9a-f]{12}$/.test(String(r.doc_id)))).toBe(true);
		expect(new Set(rows.map((r) => r.district))).toEqual(new Set(['九龙坡区', '江津区', '北碚区', '綦江区']));
	});

	it('received the rows a document at a time', () => {
		expect(batches).toBe(5);
	});

	it('writes the same rows when they come all at once', async () => {
		const once = mkdtempSync(join(tmpdir(), 'bl-parquet-once-'));
		await writeParquetTables(once, written);
		for (const name of TABLE_NAMES) expect((await readBack(TABLES[name].file, once)).rows).toEqual((await readBack(TABLES[name].file)).rows);
	});
});
