/**
 * `npm run export:partitioned -- --data static/data --out DIR` — the contract tables as
 * hive-partitioned Parquet for engines past one browser (DuckDB on a workstation, Spark SQL, Trino,
 * ClickHouse): `DIR/<table>/year=<year>/kind=<budget|final>/data_0.parquet`, every table carrying
 * its document's `year` and `kind` (documents' own columns; the others joined by doc_id), rows
 * sorted by doc_id and source line within a file. See README "Past one browser".
 *
 * Native DuckDB (@duckdb/node-api) does the work; nothing here knows any particular disclosure.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { columnTypeSql } from '../src/lib/db/ddl';
import { TABLES, TABLE_NAMES, type TableName, type TableSpec } from '../src/lib/storage/schema';
import { sqlIdent, sqlLiteral } from './lib/sql-text';

/** The partition keys, outermost first: a year's and a kind's files can be read or skipped whole. */
export const PARTITION_KEYS = ['year', 'kind'] as const;

/** Rows per row group (DuckDB's default): large enough for scans, each a unit a reader can skip. */
export const ROW_GROUP_SIZE = 122_880;


/** The rows written for `spec`: the table with its document's year and kind (documents: itself). */
function selectWithKeys(spec: TableSpec, dataDir: string): string {
	const source = `read_parquet(${sqlLiteral(join(dataDir, spec.file))})`;
	const cols = spec.columns.map((c) => `t.${sqlIdent(c.name)}`).join(', ');
	const order = ['doc_id', 'source_line'].filter((c) => spec.columns.some((x) => x.name === c)).map((c) => `t.${sqlIdent(c)}`);
	if (spec.name === 'documents') return `SELECT ${cols} FROM ${source} t ORDER BY ${order.join(', ')}`;
	// LEFT JOIN: a row whose document is unknown (a file that could not be read) is kept, under year=NULL.
	const docs = `read_parquet(${sqlLiteral(join(dataDir, TABLES.documents.file))})`;
	return `SELECT ${cols}, d.year, d.kind FROM ${source} t LEFT JOIN ${docs} d ON d.doc_id = t.doc_id ORDER BY ${order.join(', ')}`;
}

/** Writes every contract table of `dataDir` partitioned under `outDir`; returns rows per table. */
export async function exportPartitioned(dataDir: string, outDir: string): Promise<Record<TableName, number>> {
	for (const name of TABLE_NAMES) {
		if (!existsSync(join(dataDir, TABLES[name].file))) throw new Error(`export:partitioned: ${join(dataDir, TABLES[name].file)} not found`);
	}
	await mkdir(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	const rows = {} as Record<TableName, number>;
	try {
		for (const name of TABLE_NAMES) {
			const spec = TABLES[name];
			const target = join(outDir, name);
			await conn.run(
				`COPY (${selectWithKeys(spec, dataDir)}) TO ${sqlLiteral(target)} ` +
					`(FORMAT parquet, COMPRESSION zstd, PARTITION_BY (${PARTITION_KEYS.join(', ')}), OVERWRITE, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`
			);
			const counted = await conn.runAndReadAll(`SELECT count(*) AS n FROM read_parquet(${sqlLiteral(join(dataDir, spec.file))})`);
			rows[name] = Number(counted.getRowObjectsJS()[0]?.n ?? 0);
		}
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
	return rows;
}

/**
 * `CREATE OR REPLACE VIEW <table> AS SELECT …` over the partitioned files of `outDir`, with the
 * contract's columns and types (a partition key read from the path comes back as the contract's
 * type): the app's query builders then run on it verbatim. DuckDB SQL; README shows the same for
 * other engines. `documents` is one row per document and the app's set-up updates it (a unit
 * without a district gets a place label, see queries/places.ts), so it is made a TABLE.
 */
export function partitionedViewSql(outDir: string, name: TableName): string {
	const kind = name === 'documents' ? 'TABLE' : 'VIEW';
	const spec = TABLES[name];
	const cols = spec.columns.map((c) => `CAST(${sqlIdent(c.name)} AS ${columnTypeSql(c.type).sql}) AS ${sqlIdent(c.name)}`).join(', ');
	const files = sqlLiteral(join(outDir, name, '**', '*.parquet'));
	return `CREATE OR REPLACE ${kind} ${sqlIdent(name)} AS SELECT ${cols} FROM read_parquet(${files}, hive_partitioning = true)`;
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { data: { type: 'string', default: 'static/data' }, out: { type: 'string' } } });
	if (!values.out) throw new Error('usage: npm run export:partitioned -- --data static/data --out DIR');
	const data = resolve(values.data!);
	const out = resolve(values.out);
	const started = Date.now();
	const rows = await exportPartitioned(data, out);
	for (const name of TABLE_NAMES) console.log(`${name}: ${rows[name]} rows → ${join(out, name)}/year=…/kind=…/`);
	console.log(`export:partitioned: ${TABLE_NAMES.length} tables in ${Date.now() - started} ms; read them with read_parquet('${out}/<table>/**/*.parquet', hive_partitioning = true)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	main().catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
