/**
 * Writes contract rows to Parquet with DuckDB (Node). Every file is first written under a
 * temporary name in the output folder and renamed only when all of them are complete, so a crash
 * never leaves half a Parquet file and readers never see a mix of old and new files.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, TABLE_NAMES, type ColumnSpec, type Row, type TableName } from '../../src/lib/storage/schema';

/** Writes every contract table to `outDir`; returns the written file paths. */
export async function writeParquetTables(outDir: string, rows: Record<TableName, Row[]>): Promise<string[]> {
	await mkdir(outDir, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const temps: [string, string][] = [];
	try {
		for (const name of TABLE_NAMES) {
			const spec = TABLES[name];
			const finalPath = join(outDir, spec.file);
			const tempPath = join(outDir, `.${spec.file}.${process.pid}.tmp`);
			temps.push([tempPath, finalPath]);
			await loadTable(connection, name, spec.columns, rows[name]);
			await connection.run(`COPY ${quoteIdent(name)} TO '${tempPath.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd)`);
		}
		for (const [temp, final] of temps) await rename(temp, final);
		return temps.map(([, final]) => final);
	} catch (error) {
		await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
		throw error;
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}

async function loadTable(connection: DuckDBConnection, name: string, columns: readonly ColumnSpec[], rows: Row[]): Promise<void> {
	const ddl = columns.map((c) => `${quoteIdent(c.name)} ${c.type}`).join(', ');
	await connection.run(`CREATE OR REPLACE TABLE ${quoteIdent(name)} (${ddl})`);
	const appender = await connection.createAppender(name);
	for (const row of rows) {
		for (const column of columns) appendValue(appender, column, row[column.name] ?? null);
		appender.endRow();
	}
	appender.closeSync();
}

function appendValue(appender: DuckDBAppender, column: ColumnSpec, value: Row[string]): void {
	if (value === null || value === undefined) return appender.appendNull();
	switch (column.type) {
		case 'VARCHAR':
			return appender.appendVarchar(String(value));
		case 'INTEGER':
			return appender.appendInteger(Number(value));
		case 'DOUBLE':
			return appender.appendDouble(Math.round(Number(value) * 100) / 100);
		case 'BOOLEAN':
			return appender.appendBoolean(Boolean(value));
	}
}

export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
