/**
 * DuckDB-WASM in Node, through its blocking API: the engine the browser runs, driven by the same
 * loader (src/lib/db/load.ts), settings and query builders. Only the transport differs — files are
 * read from a directory instead of fetched, and calls are synchronous instead of going to a worker.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { StatementClient, type DbConnection } from '../../src/lib/db/connection';
import { loadTables, type FetchFile, type LoadReport } from '../../src/lib/db/load';
import { arrowToRows } from '../../src/lib/db/rows';
import { DUCKDB_CONFIG, LOCKDOWN_STATEMENTS } from '../../src/lib/db/settings';
import { SqlQuery, type SqlParam } from '../../src/lib/queries/sql';
import { TABLE_NAMES, type TableName } from '../../src/lib/storage/schema';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));

/** The Node bundles of the installed duckdb-wasm (eh preferred, as in the browser). */
export const NODE_BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
	eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
};

/** Adapts a blocking connection to the async {@link DbConnection} the loader and client use. */
function adapt(conn: duckdb.DuckDBConnection): DbConnection {
	return {
		async query(text: string, params: readonly SqlParam[]) {
			const stmt = conn.prepare(text);
			try {
				return arrowToRows(stmt.query(...params));
			} finally {
				stmt.close();
			}
		},
		async prepare(text: string) {
			const stmt = conn.prepare(text);
			return {
				query: async (params: readonly SqlParam[]) => arrowToRows(stmt.query(...params)),
				close: async () => stmt.close()
			};
		},
		async insertArrowIpc(tableName: string, ipc: Uint8Array) {
			conn.insertArrowFromIPCStream(ipc, { name: tableName, create: false });
		},
		async close() {
			conn.close();
		}
	};
}

/** A started DuckDB-WASM with the contract tables loaded. */
export interface WasmNodeDb {
	/** The browser's client: one connection, prepared statements kept by SQL text. */
	client: StatementClient;
	report: LoadReport;
	/** Runs raw SQL (tests only: e.g. to check the settings took effect). */
	raw(text: string): Promise<Record<string, unknown>[]>;
}

/** Reads contract files from `dir`. */
export function fetchFromDir(dir: string): FetchFile {
	return async (file) => {
		const bytes = await readFile(path.join(dir, file));
		return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
	};
}

/**
 * Starts DuckDB-WASM (≈1.5 s), applies the browser's settings and loads `tables` from `dir` —
 * by default every contract table (the query tests also run the document page's queries); pass
 * VIEW_TABLES for exactly what the browser loads.
 */
export async function openWasmNodeDb(dir: string, tables: readonly TableName[] = TABLE_NAMES): Promise<WasmNodeDb> {
	const db = await duckdb.createDuckDB(NODE_BUNDLES, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open(DUCKDB_CONFIG);
	const connect = async () => adapt(db.connect());
	const setup = await connect();
	try {
		for (const statement of LOCKDOWN_STATEMENTS) await setup.query(statement, []);
	} finally {
		await setup.close();
	}
	const report = await loadTables(connect, fetchFromDir(dir), tables);
	const client = new StatementClient(connect);
	return { client, report, raw: (text) => client.query(new SqlQuery(text, [])) };
}
