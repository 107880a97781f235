/**
 * The loader: each table a view queries arrives as Arrow IPC streams, one per Parquet row group,
 * and is inserted into DuckDB as a table named as in the contract. Engine-neutral (see
 * connection.ts) and shared by the browser and the Node test harness; where the decoding runs is
 * the {@link IpcSource}'s business — a worker in the browser (decode-worker-client.ts), in-thread
 * here ({@link decodeInThread}).
 */
import { specOf, type LoadableName, type TableSpec } from '$lib/storage/schema';
import { withConnection, type Connect, type DbConnection } from './connection';
import { createTableSql } from './ddl';
import { parquetToIpc, type IpcBatch } from './decode';
import { loadTimeSqlOnArrival } from './derived';
import { TableGate } from './gate';

/** Reads a contract file (e.g. `documents.parquet`) from wherever the data is served. */
export type FetchFile = (file: string) => Promise<ArrayBuffer>;

/**
 * A table's row groups as Arrow IPC. Called for every table before any is consumed, so a source
 * can start fetching and decoding all of them at once; iterated one table after another.
 */
export type IpcSource = (spec: TableSpec) => AsyncIterable<IpcBatch>;

/** Rows loaded per table. */
export type LoadReport = Partial<Record<LoadableName, number>>;

/**
 * What the first views read — the overview's KPIs, trends and coverage read only `documents` and
 * the pre-aggregated `document_figures`; 三公 and summary views these and `three_public`/`summary`
 * — loaded first: one or a few rows per document, so they are in long before the detail rows.
 */
export const FIRST_TABLES: readonly LoadableName[] = ['documents', 'document_figures', 'code_names', 'three_public', 'summary'];

/** The detail rows (tens to a hundred per document): loaded after {@link FIRST_TABLES}. */
export const DETAIL_TABLES: readonly LoadableName[] = ['function_expenditure', 'economic_expenditure', 'narrative_figures'];

/**
 * The tables the views query (dashboard, compare, trends, data …), in the order they are loaded.
 * `checks`, `diagnostics`, `source_tables` and `economic_breakdown` serve only a document's own
 * page, which reads its document's rows itself; at 30,000 documents `checks` alone is millions of rows.
 */
export const VIEW_TABLES: readonly LoadableName[] = [...FIRST_TABLES, ...DETAIL_TABLES];

/** Lets the event loop run (input, rendering) between two row groups decoded in-thread. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Fetches every file at once and decodes each row group in this thread when it is consumed,
 * yielding to the event loop after each — for engines without workers (the Node test harness).
 */
export function decodeInThread(fetchFile: FetchFile): IpcSource {
	return (spec) => {
		const bytes = fetchFile(spec.file);
		bytes.catch(() => undefined); // reported when consumed, not as unhandled meanwhile
		return {
			async *[Symbol.asyncIterator]() {
				for await (const batch of parquetToIpc(await bytes, spec)) {
					yield batch;
					await breathe();
				}
			}
		};
	};
}

async function loadOne(conn: DbConnection, spec: TableSpec, batches: AsyncIterable<IpcBatch>): Promise<number> {
	const ddl = createTableSql(spec);
	await conn.query(ddl.sql, ddl.params);
	let rows = 0;
	// One insert per row group: no single call holds a whole large table.
	for await (const batch of batches) {
		await conn.insertArrowIpc(spec.name, batch.ipc);
		rows += batch.rows;
	}
	return rows;
}

/**
 * Loads `tables` (default: {@link VIEW_TABLES}, small ones first) from `source` (default:
 * `fetchFile` decoded in-thread), inserted one after another on one connection. As each table is
 * in, the load-time statements it completes run (the place labels, after `documents`: see
 * derived.ts) and it is marked in `gate`, so that queries reading only loaded tables run while the
 * rest load (gate.ts). Rejects on the first failure, naming the file; `gate` then fails too.
 */
export async function loadTables(
	connect: Connect,
	fetchFile: FetchFile,
	tables: readonly LoadableName[] = VIEW_TABLES,
	source: IpcSource = decodeInThread(fetchFile),
	gate: TableGate = new TableGate()
): Promise<LoadReport> {
	const streams = tables.map((name) => source(specOf(name)));
	try {
		return await withConnection(connect, async (conn) => {
			const report: LoadReport = {};
			const loaded: string[] = [];
			for (const [i, name] of tables.entries()) {
				report[name] = await loadOne(conn, specOf(name), streams[i]!);
				for (const q of loadTimeSqlOnArrival(name, loaded)) await conn.query(q.sql, q.params);
				loaded.push(name);
				gate.mark(name);
			}
			return report;
		});
	} catch (err) {
		gate.fail(err instanceof Error ? err : new Error(String(err)));
		throw err;
	}
}
