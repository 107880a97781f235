/**
 * DuckDB-WASM in the browser, started once behind a shared promise (cleared on failure so a retry
 * starts afresh). Everything is served by the site itself: the wasm and worker of the bundle this
 * browser supports (bundles.ts: eh, or mvp without WebAssembly exceptions) are Vite `?url`
 * assets, and the data are one file, `${base}/data/corpus.duckdb`, fetched for the page by a small
 * worker (fetch-file.worker.ts), handed to DuckDB as a buffer and attached read-only
 * (corpus-file.ts) — DuckDB itself fetches nothing and reads no Parquet (settings.ts says why).
 *
 * Browser only: call {@link getQueryClient} from `onMount`/`$effect`, never during SSR/prerender.
 */
import { AsyncDuckDB, VoidLogger, type AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { base } from '$app/paths';
import type { SqlParam } from '$lib/queries/sql';
import { siteBundle } from './bundles';
import { StatementClient, withConnection, type Connect, type DbConnection, type QueryRunner } from './connection';
import { GatedRunner, TableGate } from './gate';
import { CORPUS_FILE, VIEW_TABLES, attachCorpus } from './corpus-file';
import { arrowToRows } from './rows';
import { DUCKDB_CONFIG, LOCKDOWN_STATEMENTS } from './settings';
import { DbStatusSource } from './status';
import type { FetchFileReply, FetchFileRequest } from './fetch-file.worker';

/** Start-up phase of the shared database: subscribe to show "DuckDB 正在启动…" and the like. */
export const dbStatus = new DbStatusSource();

/** A started database: queries run as soon as their tables are in; `loaded` resolves when all are. */
interface Started {
	runner: QueryRunner;
	loaded: Promise<QueryRunner>;
}

let started: Promise<Started> | null = null;

function adapt(conn: AsyncDuckDBConnection): DbConnection {
	return {
		async query(text: string, params: readonly SqlParam[]) {
			const stmt = await conn.prepare(text);
			try {
				return arrowToRows(await stmt.query(...params));
			} finally {
				await stmt.close();
			}
		},
		async prepare(text: string) {
			const stmt = await conn.prepare(text);
			return {
				query: async (params: readonly SqlParam[]) => arrowToRows(await stmt.query(...params)),
				close: () => stmt.close()
			};
		},
		insertArrowIpc: (tableName, ipc) => conn.insertArrowFromIPCStream(ipc, { name: tableName, create: false }),
		close: () => conn.close()
	};
}

/**
 * Same-origin fetch of a data file, read in a worker of its own (fetch-file.worker.ts says why) and
 * transferred here; `no-cache` revalidates, as the file names carry no hash.
 */
const fetchData = (file: string): Promise<ArrayBuffer> => {
	const url = new URL(`${base}/data/${file}`, location.href).href;
	// a classic worker (Vite bundles it as one script): older intranet browsers lack module workers
	const worker = new Worker(new URL('./fetch-file.worker.ts', import.meta.url));
	return new Promise<ArrayBuffer>((resolve, reject) => {
		worker.onmessage = (event: MessageEvent<FetchFileReply>) => {
			if (event.data.bytes) resolve(event.data.bytes);
			else reject(new Error(event.data.error));
		};
		worker.onerror = (event) => reject(new Error(`loader: GET ${url}: ${event.message || 'the fetching worker failed'}`));
		worker.postMessage({ url } satisfies FetchFileRequest);
	}).finally(() => worker.terminate());
};

async function lockDown(connect: Connect): Promise<void> {
	await withConnection(connect, async (conn) => {
		for (const statement of LOCKDOWN_STATEMENTS) await conn.query(statement, []);
	});
}

async function start(): Promise<Started> {
	dbStatus.set('starting');
	// Marks for profiling start-up (Performance panel, or performance.getEntriesByType('mark')).
	performance.mark('duckdb:start');
	// fetched while DuckDB starts; failures are reported when it is awaited
	const file = fetchData(CORPUS_FILE);
	file.catch(() => undefined);
	const bundle = await siteBundle();
	const worker = new Worker(bundle.mainWorker!);
	const db = new AsyncDuckDB(new VoidLogger(), worker);
	try {
		await db.instantiate(bundle.mainModule);
		performance.mark('duckdb:instantiated');
		await db.open(DUCKDB_CONFIG);
	} catch (err) {
		await db.terminate().catch(() => undefined);
		throw err;
	}
	const connect: Connect = async () => adapt(await db.connect());
	dbStatus.set('loading');
	const gate = new TableGate();
	// One connection for every view's queries, its prepared statements kept by SQL text: the
	// worker handles one call at a time, so a filter change is one RUN_PREPARED per query. A query
	// sent before the file is attached waits for it.
	const runner = new GatedRunner(gate, new StatementClient(connect));
	const loaded = (async () => {
		// the buffer moves to DuckDB's worker (transferred, not copied); DuckDB reads its pages from there
		await db.registerFileBuffer(CORPUS_FILE, new Uint8Array(await file));
		await attachCorpus(connect, VIEW_TABLES);
		await lockDown(connect);
		for (const name of VIEW_TABLES) gate.mark(name);
		performance.mark('duckdb:first-views');
		performance.mark('duckdb:loaded');
		dbStatus.set('ready');
		return runner as QueryRunner;
	})();
	loaded.catch((err: unknown) => {
		const error = err instanceof Error ? err : new Error(String(err));
		gate.fail(error);
		started = null; // the next call starts afresh
		dbStatus.set('error', error);
		db.terminate().catch(() => undefined);
	});
	return { runner, loaded };
}

function startOnce(): Promise<Started> {
	if (typeof window === 'undefined') return Promise.reject(new Error('db: DuckDB-WASM runs only in the browser'));
	started ??= start().catch((err: unknown) => {
		started = null;
		const error = err instanceof Error ? err : new Error(String(err));
		dbStatus.set('error', error);
		throw error;
	});
	return started;
}

/**
 * The shared query runner, starting DuckDB and the loading of the data on first call. Resolves
 * once DuckDB is open, before the data are in: each query waits for the tables it reads (so the
 * overview's first chart does not wait for the detail tables). A failure to start rejects this
 * call and clears the promise so the next call retries.
 */
export function getQueryClient(): Promise<QueryRunner> {
	return startOnce().then((s) => s.runner);
}

/** Resolves with the runner once every view table is loaded — every view answerable; rejects if loading fails. */
export function whenLoaded(): Promise<QueryRunner> {
	return startOnce().then((s) => s.loaded);
}
