/**
 * The pre-aggregated tables (PRE_AGGREGATED in src/lib/storage/schema.ts), computed from freshly
 * written contract Parquet on native DuckDB by the very statements the views' queries are built on
 * (PRE_AGGREGATES in src/lib/db/derived.ts, after the load-time place labels), and written as
 * Parquet beside the contract tables. The extractor's writer calls {@link writePreAggregates} on
 * its temporary files before renaming anything; {@link preAggregateDir} serves a folder of contract
 * Parquet written otherwise (the benchmark's replicated corpus).
 *
 * Only `documents` is copied into memory (the place labels UPDATE it; one row per document); the
 * detail tables are views over their files, so the aggregation streams them.
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { selectAsSql } from '../../src/lib/db/ddl';
import { SqlQuery } from '../../src/lib/queries/sql';
import { PRE_AGGREGATES, derivedTablesSql } from '../../src/lib/db/derived';
import { PRE_AGGREGATED, TABLES, type PreAggregatedName, type TableName, type TableSpec } from '../../src/lib/storage/schema';
import { sqlIdent, sqlLiteral } from './sql-text';

/** `SELECT CAST(c AS TYPE) AS c, … FROM <from>` as text (no parameters in it). */
const selectAs = (spec: TableSpec, from: string): string => selectAsSql(spec, new SqlQuery(from, [])).sql;

/** The order each pre-aggregated file is written in: by document, like the contract tables; names by scheme and code. */
const SORT: Record<PreAggregatedName, string> = { document_figures: 'doc_id', code_names: 'scheme, code' };

/** The contract tables the pre-aggregates read. */
const SOURCES: readonly TableName[] = [...new Set(PRE_AGGREGATES.flatMap((p) => p.sources))];

/**
 * Computes every pre-aggregated table from the contract files `sourceOf(table)` on `connection` and
 * writes each to `targetOf(name)` (ZSTD, `rowGroupRows` per row group: the writer's ROW_GROUP_ROWS).
 * Leaves no table behind.
 */
export async function writePreAggregates(
	connection: DuckDBConnection,
	sourceOf: (table: TableName) => string,
	targetOf: (name: PreAggregatedName) => string,
	rowGroupRows: number
): Promise<void> {
	const created: string[] = [];
	try {
		for (const name of SOURCES) {
			const kind = name === 'documents' ? 'TABLE' : 'VIEW';
			await connection.run(`CREATE OR REPLACE TEMP ${kind} ${sqlIdent(name)} AS ${selectAs(TABLES[name], `read_parquet(${sqlLiteral(sourceOf(name))})`)}`);
			created.push(`${kind} IF EXISTS ${sqlIdent(name)}`);
		}
		for (const p of PRE_AGGREGATES) created.push(`TABLE IF EXISTS ${sqlIdent(p.name)}`);
		for (const q of derivedTablesSql(SOURCES)) await connection.run(q.sql, q.params as DuckDBValue[]);
		for (const p of PRE_AGGREGATES) {
			const spec = PRE_AGGREGATED[p.name];
			await connection.run(
				`COPY (${selectAs(spec, sqlIdent(p.name))} ORDER BY ${SORT[p.name]}) TO ${sqlLiteral(targetOf(p.name))} ` +
					`(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${Math.max(1, Math.floor(rowGroupRows))})`
			);
		}
	} finally {
		// (the writer goes on to write the browser's database file on this connection: nothing of
		// these may shadow its tables)
		for (const what of created.reverse()) await connection.run(`DROP ${what}`);
	}
}

/** Writes the pre-aggregated files of a folder of contract Parquet (each under a temporary name, then renamed). */
export async function preAggregateDir(dir: string, rowGroupRows: number): Promise<string[]> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const temp = (name: PreAggregatedName) => join(dir, `.${PRE_AGGREGATED[name].file}.${process.pid}.tmp`);
	try {
		await writePreAggregates(connection, (t) => join(dir, TABLES[t].file), temp, rowGroupRows);
		const written: string[] = [];
		for (const p of PRE_AGGREGATES) {
			const final = join(dir, PRE_AGGREGATED[p.name].file);
			await rename(temp(p.name), final);
			written.push(final);
		}
		return written;
	} catch (error) {
		await Promise.all(PRE_AGGREGATES.map((p) => rm(temp(p.name), { force: true })));
		throw error;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
