import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES, TABLE_NAMES, type Row } from '../../../src/lib/storage/schema';
import { extractFolder, type FolderResult } from '../../../scripts/lib/extract-folder';
import { writeParquetTables } from '../../../scripts/lib/parquet-write';
import { RAW_DIR } from './seed-helpers';

let result: FolderResult;
let outDir: string;

async function readBack(file: string): Promise<{ rows: Row[]; types: Record<string, string> }> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const path = join(outDir, file).replace(/'/g, "''");
		const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path}')`);
		const describe = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);
		const types = Object.fromEntries(describe.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]));
		return { rows: reader.getRowObjectsJS() as Row[], types };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

beforeAll(async () => {
	outDir = mkdtempSync(join(tmpdir(), 'bl-parquet-'));
	result = await extractFolder(RAW_DIR);
	await writeParquetTables(outDir, result.rows);
});

describe('Parquet files read back with DuckDB', () => {
	it('writes every contract table and no temporary files', () => {
		expect(readdirSync(outDir).sort()).toEqual(TABLE_NAMES.map((n) => TABLES[n].file).sort());
	});

	for (const name of TABLE_NAMES) {
		it(`${name}: same rows, same columns and types as the contract`, async () => {
			const { rows, types } = await readBack(TABLES[name].file);
			expect(types).toEqual(Object.fromEntries(TABLES[name].columns.map((c) => [c.name, c.type])));
			const expected = result.rows[name].map((r) => Object.fromEntries(TABLES[name].columns.map((c) => [c.name, r[c.name] ?? null])));
			expect(rows).toEqual(expected);
		});
	}

	it('gives one row per seed document with a 12-hex-digit doc_id', async () => {
		const { rows } = await readBack('documents.parquet');
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => /^[0-9a-f]{12}$/.test(String(r.doc_id)))).toBe(true);
		expect(new Set(rows.map((r) => r.district))).toEqual(new Set(['九龙坡区', '江津区', '北碚区', '綦江区']));
	});
});
