/**
 * The partitioned layout for outside engines (`npm run export:partitioned`): native DuckDB over
 * `read_parquet('<dir>/<table>/**\/*.parquet', hive_partitioning = true)` runs the app's query
 * builders verbatim and returns what the browser's engine (DuckDB-WASM with the browser's loader)
 * returns, for every view query and a set of filters.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPartitioned, partitionedViewSql } from '../../../scripts/export-partitioned';
import { derivedTablesSql } from '../../../src/lib/db/derived';
import { VIEW_TABLES } from '../../../src/lib/db/corpus-file';
import { toKnownValues, type KnownValueRow, type SqlQuery } from '../../../src/lib/queries';
import { TABLES, TABLE_NAMES } from '../../../src/lib/storage/schema';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { canonicalRows } from './canonical';
import { filterSets, viewQueries } from './view-queries';

let seeds: string;
let out: string;
let rows: Record<string, number>;
let instance: DuckDBInstance;
let conn: DuckDBConnection;
let wasm: WasmNodeDb;

const plain = (v: unknown): unknown =>
	typeof v === 'bigint' ? Number(v) : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v;

/** Native DuckDB over the partitioned files: a builder's SQL and parameters, as they are. */
async function native(q: SqlQuery): Promise<Record<string, unknown>[]> {
	const reader = await conn.runAndReadAll(q.sql, q.params as DuckDBValue[]);
	return reader.getRowObjectsJS().map((r) => plain(r) as Record<string, unknown>);
}

beforeAll(async () => {
	seeds = await extractedDataDir();
	out = await mkdtemp(path.join(tmpdir(), 'budget-lens-partitioned-'));
	rows = await exportPartitioned(seeds, out);
	instance = await DuckDBInstance.create(':memory:');
	conn = await instance.connect();
	for (const name of TABLE_NAMES) await conn.run(partitionedViewSql(out, name));
	// The app's derived tables, from its own statements, over the views.
	for (const q of derivedTablesSql(TABLE_NAMES)) await conn.run(q.sql, q.params as DuckDBValue[]);
	wasm = await openWasmNodeDb(seeds, VIEW_TABLES);
}, 120_000);

afterAll(() => {
	conn?.closeSync();
	instance?.closeSync();
});

describe('the partitioned layout', () => {
	it('holds every row of every contract table, with the contract columns and types', async () => {
		for (const name of TABLE_NAMES) {
			const [count] = await native({ sql: `SELECT count(*) AS n FROM "${name}"`, params: [] } as unknown as SqlQuery);
			expect(count!.n, name).toBe(rows[name]);
			const described = await native({ sql: `DESCRIBE "${name}"`, params: [] } as unknown as SqlQuery);
			expect(described.map((c) => [c.column_name, c.column_type])).toEqual(TABLES[name].columns.map((c) => [c.name, c.type]));
		}
		expect(rows.documents).toBeGreaterThan(0);
		expect(rows.checks).toBeGreaterThan(0);
	});

	it('puts each row under its document’s year and kind', async () => {
		const docs = await native({ sql: `SELECT DISTINCT year, kind FROM documents ORDER BY ALL`, params: [] } as unknown as SqlQuery);
		for (const name of TABLE_NAMES) {
			const years = readdirSync(path.join(out, name)).filter((d) => d.startsWith('year=')).sort();
			expect(years.length, name).toBeGreaterThan(0);
			for (const y of years) for (const k of readdirSync(path.join(out, name, y))) expect(k).toMatch(/^kind=(budget|final)$/);
		}
		// a file's rows belong to the partition its path names: the year and kind read from inside
		// the files (doc_id → documents) equal the path's
		const mismatched = await native({
			sql: `SELECT count(*) AS n FROM read_parquet(?, hive_partitioning = true) f JOIN documents d USING (doc_id) WHERE f.year <> d.year OR f.kind <> d.kind`,
			params: [path.join(out, 'function_expenditure', '**', '*.parquet')]
		} as unknown as SqlQuery);
		expect(mismatched[0]!.n).toBe(0);
		expect(docs.length).toBeGreaterThan(1);
	});
});

describe('the app’s queries on native DuckDB over the partitioned files', () => {
	it('return what the browser’s engine returns, for every view query and filter set', async () => {
		const known = toKnownValues(await wasm.client.query<KnownValueRow>(viewQueries(filterSets({ districts: [], years: [0], departments: [], codes: [] }).none).known));
		let compared = 0;
		for (const [setName, filters] of Object.entries(filterSets(known))) {
			for (const [queryName, q] of Object.entries(viewQueries(filters))) {
				const browser = canonicalRows(await wasm.client.query<Record<string, unknown>>(q));
				expect(canonicalRows(await native(q)), `${queryName} with ${setName} filters`).toEqual(browser);
				compared++;
			}
		}
		expect(compared).toBeGreaterThan(200);
	}, 300_000);
});
