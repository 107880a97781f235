/**
 * DuckDB-WASM in Node, through its blocking API: the engine the browser runs, with the same
 * database file (written by scripts/lib/corpus-db.ts, attached by src/lib/db/corpus-file.ts),
 * settings and query builders. Only the transport differs — the file is read from disk instead of
 * fetched, and calls are synchronous instead of going to a worker.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { StatementClient, type DbConnection } from '../../src/lib/db/connection';
import { DuckDBInstance } from '@duckdb/node-api';
import { CORPUS_FILE, VIEW_TABLES, attachCorpus, countRows, type CorpusReport } from '../../src/lib/db/corpus-file';
import { writeCorpusDb } from '../../scripts/lib/corpus-db';
import { GatedRunner, TableGate } from '../../src/lib/db/gate';
import { arrowToRows } from '../../src/lib/db/rows';
import { DUCKDB_CONFIG, LOCKDOWN_STATEMENTS } from '../../src/lib/db/settings';
import { SqlQuery, type SqlParam } from '../../src/lib/queries/sql';
import { PRE_AGGREGATED_NAMES, TABLE_NAMES, specOf, type LoadableName } from '../../src/lib/storage/schema';

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

/** A started DuckDB-WASM with the tables attached. */
export interface WasmNodeDb {
	/** The browser's client: one connection, prepared statements kept by SQL text. */
	client: StatementClient;
	/** Rows per table. */
	report: CorpusReport;
	/** Runs raw SQL (tests only: e.g. to check the settings took effect). */
	raw(text: string): Promise<Record<string, unknown>[]>;
}

/** Every table the harness can attach: the contract's and the pre-aggregated ones. */
export const ALL_TABLES: readonly LoadableName[] = [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES];

/** A started DuckDB-WASM (settings applied), nothing attached yet. */
async function startWasm() {
	const db = await duckdb.createDuckDB(NODE_BUNDLES, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open(DUCKDB_CONFIG);
	const connect = async () => adapt(db.connect());
	return { db, connect };
}

async function lockDown(connect: () => Promise<DbConnection>): Promise<void> {
	const setup = await connect();
	try {
		for (const statement of LOCKDOWN_STATEMENTS) await setup.query(statement, []);
	} finally {
		await setup.close();
	}
}

/**
 * The database file of `tables` over the Parquet in `dir`, as the extractor writes it for the site
 * (scripts/lib/corpus-db.ts, native DuckDB) — written to a temporary folder, since the tests ask
 * for other tables than the site's (the document page's too).
 */
async function corpusBytes(dir: string, tables: readonly LoadableName[]): Promise<Uint8Array> {
	const tmp = await mkdtemp(path.join(os.tmpdir(), 'bl-corpus-'));
	try {
		const target = path.join(tmp, CORPUS_FILE);
		const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
		const connection = await instance.connect();
		try {
			await writeCorpusDb(connection, (name) => path.join(dir, specOf(name).file), target, tables);
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
		return new Uint8Array(await readFile(target));
	} finally {
		await rm(tmp, { recursive: true, force: true });
	}
}

/** Starts DuckDB-WASM and attaches `tables` of `dir`, as the browser does (then the lock-down). */
async function attachWasm(dir: string, tables: readonly LoadableName[], file?: Uint8Array) {
	const [{ db, connect }, bytes] = await Promise.all([startWasm(), file ?? corpusBytes(dir, tables)]);
	db.registerFileBuffer(CORPUS_FILE, bytes);
	await attachCorpus(connect, tables);
	const report = await countRows(connect, tables);
	await lockDown(connect);
	return { connect, report };
}

/**
 * Starts DuckDB-WASM (≈1.5 s), applies the browser's settings and attaches `tables` of the Parquet
 * in `dir` — by default every contract and pre-aggregated table (the query tests also run the
 * document page's queries); pass VIEW_TABLES for exactly what the browser has.
 */
export async function openWasmNodeDb(dir: string, tables: readonly LoadableName[] = ALL_TABLES): Promise<WasmNodeDb> {
	const { connect, report } = await attachWasm(dir, tables);
	const client = new StatementClient(connect);
	return { client, report, raw: (text) => client.query(new SqlQuery(text, [])) };
}

/**
 * DuckDB-WASM with the site's own database file of `dir` (corpus.duckdb, as the extractor wrote it)
 * attached exactly as the browser attaches it: the view tables, then the lock-down.
 */
export async function openSiteWasmNodeDb(dir: string): Promise<WasmNodeDb> {
	const bytes = new Uint8Array(await readFile(path.join(dir, CORPUS_FILE)));
	const { connect, report } = await attachWasm(dir, VIEW_TABLES, bytes);
	const client = new StatementClient(connect);
	return { client, report, raw: (text) => client.query(new SqlQuery(text, [])) };
}

/** A DuckDB-WASM attaching in the background, as the browser does: queries wait for their tables. */
export interface LoadingWasmNodeDb {
	/** The browser's runner: each query waits for the tables it reads. */
	runner: GatedRunner;
	gate: TableGate;
	/** Resolves when the tables are attached. */
	loaded: Promise<CorpusReport>;
	/** Lets the attach go ahead (it waits for this, so a test can look before). */
	release(): void;
}

/** Starts DuckDB-WASM and attaches `tables` of `dir` once released, returning before. */
export async function startLoadingWasmNodeDb(dir: string, tables: readonly LoadableName[]): Promise<LoadingWasmNodeDb> {
	const gate = new TableGate();
	let release!: () => void;
	const held = new Promise<void>((resolve) => (release = resolve));
	const client = new StatementClient(async () => (await attached).connect());
	const attached = held.then(() => attachWasm(dir, tables));
	const loaded = attached.then(
		({ report }) => {
			for (const name of tables) gate.mark(name);
			return report;
		},
		(err: unknown) => {
			gate.fail(err instanceof Error ? err : new Error(String(err)));
			throw err;
		}
	);
	loaded.catch(() => undefined); // a test awaits it
	return { runner: new GatedRunner(gate, client), gate, loaded, release };
}
