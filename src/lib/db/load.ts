/**
 * The loader: fetch each contract table's Parquet file, decode it, and insert it into DuckDB as a
 * table named as in the contract. Engine-neutral (see connection.ts) and shared by the browser and
 * the Node test harness.
 */
import { TABLES, TABLE_NAMES, type TableName } from '$lib/storage/schema';
import { toArrowIpc } from './arrow';
import { withConnection, type Connect, type DbConnection } from './connection';
import { createTableSql } from './ddl';
import { derivedTablesSql } from './derived';
import { decodeParquet } from './parquet';

/** Reads a contract file (e.g. `documents.parquet`) from wherever the data is served. */
export type FetchFile = (file: string) => Promise<ArrayBuffer>;

/** Rows loaded per table. */
export type LoadReport = Record<TableName, number>;

async function loadOne(conn: DbConnection, name: TableName, bytes: ArrayBuffer): Promise<number> {
	const spec = TABLES[name];
	const decoded = await decodeParquet(bytes, spec);
	const ddl = createTableSql(spec);
	await conn.query(ddl.sql, ddl.params);
	if (decoded.rowCount > 0) await conn.insertArrowIpc(spec.name, toArrowIpc(decoded));
	return decoded.rowCount;
}

/**
 * Loads `tables` (default: all contract tables). Files are fetched in parallel and inserted one
 * after another on one connection; then the derived tables whose sources were all loaded are
 * (re)built (see derived.ts). Rejects on the first failure, naming the file.
 */
export async function loadTables(
	connect: Connect,
	fetchFile: FetchFile,
	tables: readonly TableName[] = TABLE_NAMES
): Promise<LoadReport> {
	const downloads = tables.map((name) => fetchFile(TABLES[name].file));
	// Attach handlers now so a later download's failure is not reported as unhandled meanwhile.
	downloads.forEach((d) => d.catch(() => undefined));
	return withConnection(connect, async (conn) => {
		const report = {} as LoadReport;
		for (const [i, name] of tables.entries()) report[name] = await loadOne(conn, name, await downloads[i]);
		for (const q of derivedTablesSql(tables)) await conn.query(q.sql, q.params);
		return report;
	});
}
