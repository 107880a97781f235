/**
 * What the browser attaches: the database file the extractor writes beside the Parquet, holding only
 * the tables the views query; with it every view's query answers exactly as native DuckDB does over
 * all the Parquet files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEW_TABLES } from '../../../src/lib/db/corpus-file';
import { toKnownValues, type KnownValueRow, type SqlQuery } from '../../../src/lib/queries';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { openSiteWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { canonicalRows } from './canonical';
import { filterSets, viewQueries } from './view-queries';

let dir: string;
let wasm: WasmNodeDb;
let native: NodeDb;

beforeAll(async () => {
	dir = await extractedDataDir();
	[wasm, native] = await Promise.all([openSiteWasmNodeDb(dir), openNodeDb(dir)]);
}, 120_000);

afterAll(() => native?.close());

describe('the browser’s database file (corpus.duckdb, written by the extractor)', () => {
	it('holds only the tables the views query', async () => {
		expect(Object.keys(wasm.report).sort()).toEqual([...VIEW_TABLES].sort());
		for (const name of ['checks', 'diagnostics', 'source_tables', 'economic_breakdown']) {
			expect(VIEW_TABLES).not.toContain(name);
			await expect(wasm.raw(`SELECT count(*) FROM "${name}"`)).rejects.toThrow(/does not exist/);
		}
	});

	it('holds every row of those tables', async () => {
		for (const name of VIEW_TABLES) {
			const [row] = await native.client.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM "${name}"`, params: [] } as SqlQuery);
			expect(wasm.report[name], name).toBe(row!.n);
		}
		expect(wasm.report.function_expenditure).toBeGreaterThan(0);
	});

	it('is read-only, and nothing else can be attached once the page is locked down', async () => {
		await expect(wasm.raw(`DELETE FROM documents`)).rejects.toThrow();
		await expect(wasm.raw(`ATTACH 'other.duckdb' AS other`)).rejects.toThrow();
		expect((await wasm.raw(`SELECT count(*) AS n FROM documents`))[0]!.n).toBe(wasm.report.documents);
	});
});

describe('every view query is answerable from the loaded tables, as native DuckDB answers it', () => {
	it('over each set of filters', async () => {
		const known = toKnownValues(await native.client.query<KnownValueRow>(viewQueries(filterSets({ districts: [], years: [0], departments: [], codes: [] }).none).known));
		let compared = 0;
		let nonEmpty = 0;
		for (const [setName, filters] of Object.entries(filterSets(known))) {
			for (const [queryName, q] of Object.entries(viewQueries(filters))) {
				const expected = canonicalRows(await native.client.query<Record<string, unknown>>(q));
				const actual = canonicalRows(await wasm.client.query<Record<string, unknown>>(q));
				expect(actual, `${queryName} with ${setName} filters`).toEqual(expected);
				compared++;
				if (expected.length > 0) nonEmpty++;
			}
		}
		expect(compared).toBeGreaterThan(200);
		expect(nonEmpty / compared).toBeGreaterThan(0.7); // most return rows: the comparison is not of empty sets
	}, 300_000);
});
