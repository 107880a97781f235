/**
 * Writes the browser's database file (src/lib/db/corpus-file.ts) from freshly written Parquet on
 * native DuckDB, in the storage format the site's DuckDB-WASM reads. Called by the extractor's
 * writer on its temporary files before anything is renamed, and by {@link corpusDbForDir} for a
 * folder of Parquet written otherwise (the benchmark's replicated corpus, the tests' fixtures).
 */
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { CORPUS_FILE, CORPUS_STORAGE_VERSION, VIEW_TABLES, fillCorpusSql } from '../../src/lib/db/corpus-file';
import { specOf, type LoadableName } from '../../src/lib/storage/schema';
import { sqlLiteral } from './sql-text';
import { removeOnInterrupt } from './interrupt-cleanup';

/** The alias the file is written under (the writer's own connection only). */
const WRITING = 'corpus_out';

/** Writes `target` (replacing it) with `tables` (the views' by default) read from `sourceOf(table)`, on `connection`. */
export async function writeCorpusDb(
	connection: DuckDBConnection,
	sourceOf: (name: LoadableName) => string,
	target: string,
	tables: readonly LoadableName[] = VIEW_TABLES
): Promise<void> {
	await rm(target, { force: true });
	await connection.run(`ATTACH ${sqlLiteral(target)} AS ${WRITING} (STORAGE_VERSION ${sqlLiteral(CORPUS_STORAGE_VERSION)})`);
	try {
		await connection.run(`USE ${WRITING}`);
		for (const q of fillCorpusSql(sourceOf, tables)) await connection.run(q.sql, q.params as DuckDBValue[]);
		await connection.run('CHECKPOINT');
	} finally {
		await connection.run('USE memory').catch(() => undefined);
		await connection.run(`DETACH ${WRITING}`).catch(() => undefined);
	}
}

/** Writes `dir`/corpus.duckdb from the Parquet files in `dir` (under a temporary name, then renamed). */
export async function corpusDbForDir(dir: string): Promise<string> {
	const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
	const connection = await instance.connect();
	const final = join(dir, CORPUS_FILE);
	const temp = join(dir, `.${CORPUS_FILE}.${process.pid}.tmp`);
	const forget = removeOnInterrupt(temp);
	try {
		await writeCorpusDb(connection, (name) => join(dir, specOf(name).file), temp);
		await rename(temp, final);
		return final;
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	} finally {
		forget();
		connection.closeSync();
		instance.closeSync();
	}
}
