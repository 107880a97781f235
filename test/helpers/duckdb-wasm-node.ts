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
import { loadTables, type FetchFile, type IpcSource, type LoadReport } from '../../src/lib/db/load';
import { GatedRunner, TableGate } from '../../src/lib/db/gate';
import { arrowToRows } from '../../src/lib/db/rows';
import { DUCKDB_CONFIG, LOCKDOWN_STATEMENTS } from '../../src/lib/db/settings';
import { SqlQuery, type SqlParam } from '../../src/lib/queries/sql';
import { PRE_AGGREGATED_NAMES, TABLE_NAMES, type LoadableName } from '../../src/lib/storage/schema';

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

/** Every table the harness can load: the contract's and the pre-aggregated ones. */
export const ALL_TABLES: readonly LoadableName[] = [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES];

/** A started DuckDB-WASM (settings applied), nothing loaded yet. */
async function startWasm() {
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
	return connect;
}

/**
 * Starts DuckDB-WASM (≈1.5 s), applies the browser's settings and loads `tables` from `dir` —
 * by default every contract and pre-aggregated table (the query tests also run the document
 * page's queries); pass VIEW_TABLES for exactly what the browser loads.
 */
export async function openWasmNodeDb(dir: string, tables: readonly LoadableName[] = ALL_TABLES): Promise<WasmNodeDb> {
	const connect = await startWasm();
	const report = await loadTables(connect, fetchFromDir(dir), tables);
	const client = new StatementClient(connect);
	return { client, report, raw: (text) => client.query(new SqlQuery(text, [])) };
}

/** A DuckDB-WASM loading in the background, as the browser does: queries wait for their tables. */
export interface LoadingWasmNodeDb {
	/** The browser's runner: each query waits for the tables it reads. */
	runner: GatedRunner;
	gate: TableGate;
	/** Resolves when every table is loaded. */
	loaded: Promise<LoadReport>;
}

/** Starts DuckDB-WASM and begins loading `tables` from `source`, returning before they are in. */
export async function startLoadingWasmNodeDb(dir: string, tables: readonly LoadableName[], source: IpcSource): Promise<LoadingWasmNodeDb> {
	const connect = await startWasm();
	const gate = new TableGate();
	const loaded = loadTables(connect, fetchFromDir(dir), tables, source, gate);
	loaded.catch(() => undefined); // a test awaits it
	return { runner: new GatedRunner(gate, new StatementClient(connect)), gate, loaded };
}
