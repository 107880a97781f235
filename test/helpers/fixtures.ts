/**
 * Small synthetic Parquet files written with native DuckDB, exactly to the contract's columns and
 * types — for tests of query semantics that the seed documents do not exercise (NULL splits,
 * several districts, hostile strings). Expected figures for such tests are chosen by the test.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { createTableSql } from '../../src/lib/db/ddl';
import { ident, inList, sql } from '../../src/lib/queries/sql';
import { PRE_AGGREGATED, TABLES, TABLE_NAMES, type Row, type TableName } from '../../src/lib/storage/schema';
import { ROW_GROUP_ROWS } from '../../scripts/lib/parquet-write';
import { writePreAggregates } from '../../scripts/lib/pre-aggregate';

/** Rows per table; a table left out is written with no rows. Missing columns are NULL. */
export type FixtureData = Partial<Record<TableName, Row[]>>;

/**
 * Writes every contract table of `data` as `<dir>/<table>.parquet`, and the pre-aggregated tables
 * computed from them as the extractor's writer does; returns `dir` (a new temp dir by default).
 */
export async function writeFixtureParquet(data: FixtureData, dir?: string): Promise<string> {
	const out = dir ?? (await mkdtemp(path.join(tmpdir(), 'budget-lens-fixture-')));
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		for (const name of TABLE_NAMES) {
			const spec = TABLES[name];
			const ddl = createTableSql(spec);
			await conn.run(ddl.sql);
			for (const row of data[name] ?? []) {
				const values = spec.columns.map((c) => row[c.name] ?? null);
				const insert = sql`INSERT INTO ${ident(spec.name)} VALUES ${inList(values)}`;
				await conn.run(insert.sql, insert.params as DuckDBValue[]);
			}
			const target = path.join(out, spec.file).replaceAll("'", "''");
			await conn.run(`COPY ${ident(spec.name).sql} TO '${target}' (FORMAT parquet)`);
		}
		for (const name of TABLE_NAMES) await conn.run(`DROP TABLE ${ident(name).sql}`);
		await writePreAggregates(conn, (t) => path.join(out, TABLES[t].file), (n) => path.join(out, PRE_AGGREGATED[n].file), ROW_GROUP_ROWS);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	return out;
}

/** Column list helper for readable fixtures: `rowsOf('three_public', ['doc_id','item','budget'], [[…], …])`. */
export function rowsOf(name: TableName, columns: string[], values: (string | number | boolean | null)[][]): Row[] {
	const known = new Set<string>(TABLES[name].columns.map((c) => c.name));
	const unknown = columns.filter((c) => !known.has(c));
	if (unknown.length > 0) throw new Error(`fixtures: ${name} has no column(s) ${unknown.join(', ')}`);
	return values.map((v) => Object.fromEntries(columns.map((c, i) => [c, v[i]])));
}

/**
 * Writes the result of a literal SELECT (test-authored SQL, no parameters) to a Parquet file with
 * the given compression, for loader tests that need odd types or codecs.
 */
export async function selectToParquet(
	select: string,
	file: string,
	compression: 'zstd' | 'snappy' | 'uncompressed' | 'gzip' = 'zstd',
	rowGroupSize?: number
): Promise<void> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		await conn.run(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION ${compression}${rowGroupSize ? `, ROW_GROUP_SIZE ${Math.floor(rowGroupSize)}` : ''})`);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
