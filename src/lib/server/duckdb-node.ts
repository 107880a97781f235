/**
 * Native DuckDB (@duckdb/node-api) behind the same {@link DbConnection} interface, for build-time
 * work (the snapshot) and for cross-checks in tests. Node only. Parquet support is built in here,
 * so tables are created straight from the files with the contract's column types.
 */
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { columnTypeSql } from '$lib/db/ddl';
import { loadTimeSql } from '$lib/db/derived';
import { QueryClient, type DbConnection, type PlainRow, type PlainValue } from '$lib/db/connection';
import { ident, joinSql, sql, type SqlParam } from '$lib/queries/sql';
import { PRE_AGGREGATED_NAMES, TABLE_NAMES, specOf, type LoadableName, type TableSpec } from '$lib/storage/schema';

/** Native values → plain JS: BigInt → number, nested lists/structs converted recursively. */
function toPlain(value: unknown): PlainValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (Array.isArray(value)) return value.map(toPlain);
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
	throw new Error(`duckdb-node: cannot convert a ${typeof value} result value`);
}

function adapt(conn: DuckDBConnection): DbConnection {
	return {
		async query(text: string, params: readonly SqlParam[]) {
			const reader = await conn.runAndReadAll(text, params as DuckDBValue[]);
			return reader.getRowObjectsJS().map((row) => toPlain(row) as PlainRow);
		},
		async insertArrowIpc() {
			throw new Error('duckdb-node: tables are created from Parquet directly; Arrow inserts are not supported');
		},
		async close() {
			conn.closeSync();
		}
	};
}

/** `CREATE TABLE t AS SELECT CAST(c AS TYPE) AS c, … FROM read_parquet(?)`: contract types, contract order. */
async function createFromParquet(conn: DuckDBConnection, spec: TableSpec, dataDir: string): Promise<void> {
	const cols = spec.columns.map((c) => sql`CAST(${ident(c.name)} AS ${columnTypeSql(c.type)}) AS ${ident(c.name)}`);
	const q = sql`CREATE TABLE ${ident(spec.name)} AS SELECT ${joinSql(cols)} FROM read_parquet(${path.join(dataDir, spec.file)})`;
	try {
		await conn.run(q.sql, q.params as DuckDBValue[]);
	} catch (err) {
		throw new Error(`duckdb-node: cannot load ${spec.file} from ${dataDir}: ${err instanceof Error ? err.message : String(err)}`);
	}
}

/** An in-memory native DuckDB with every contract and pre-aggregated table loaded from `dataDir`. */
export interface NodeDb {
	client: QueryClient;
	close(): void;
}

/**
 * Opens native DuckDB over the Parquet files in `dataDir` (every contract table and the
 * pre-aggregated ones must be there, as the extractor writes them). `tables` loads only those: the
 * build loads what the views query (corpus-file.ts VIEW_TABLES) — with every table, `checks` alone
 * (6 M rows at 30,000 documents) took `vite build` to ≈ 4.7 GB.
 */
export async function openNodeDb(dataDir: string, tables: readonly LoadableName[] = [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES]): Promise<NodeDb> {
	const instance = await DuckDBInstance.create(':memory:');
	const setup = await instance.connect();
	try {
		const names = [...tables];
		for (const name of names) await createFromParquet(setup, specOf(name), dataDir);
		for (const q of loadTimeSql(names)) await setup.run(q.sql, q.params as DuckDBValue[]);
	} catch (err) {
		instance.closeSync();
		throw err;
	} finally {
		setup.closeSync();
	}
	const client = new QueryClient(async () => adapt(await instance.connect()));
	return { client, close: () => instance.closeSync() };
}
