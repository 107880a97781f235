/**
 * Writes contract rows to Parquet, incrementally. Rows are checked against the contract
 * (storage/validate.ts) and appended a document at a time to one newline-delimited JSON spool
 * file per table, so memory stays flat however many documents a folder holds; at the end DuckDB
 * (Node) reads each spool with the contract's column types and writes the Parquet file. JSON text
 * is parsed inside DuckDB, which is far cheaper than one native call per value through an appender.
 *
 * Layout: every table is ordered by doc_id (then by the order its rows were appended), in row groups
 * of {@link ROW_GROUP_ROWS} rows, so a document's rows sit in one or two row groups whose doc_id
 * min/max statistics locate them — the document page reads just those (storage/document-reader.ts)
 * instead of whole files. The sort may spill to a temporary folder beside the output, so memory
 * stays flat (DuckDB's memory limit below) however large the corpus.
 *
 * With them the pre-aggregated tables (scripts/lib/pre-aggregate.ts) are computed from the fresh
 * files and written in the same way.
 *
 * Atomic: spools and Parquet files are written under temporary names in the output folder and the
 * Parquet files renamed only when all of them are complete, so a crash never leaves half a file
 * and readers never see a mix of old and new files.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import { ensureFolder } from './cli-paths';
import { removeOnInterrupt, uninterrupted } from './interrupt-cleanup';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { TableRows } from '../../src/lib/storage/rows';
import { PRE_AGGREGATED, PRE_AGGREGATED_NAMES, TABLES, TABLE_NAMES, specOf, type TableName } from '../../src/lib/storage/schema';
import { ALL_ROWS, CENTS, COUNT_COLUMN, encodeRows, isEncodedRows, numberLines, recycleRows, SEQ_COLUMN, type EncodedRows, type EncodedTable } from './spool-lines';
import { writePreAggregates } from './pre-aggregate';
import { writeCorpusDb } from './corpus-db';
import { CORPUS_FILE } from '../../src/lib/db/corpus-file';
import { sqlIdent, sqlLiteral } from './sql-text';
import { collectGarbage } from './collect-garbage';
import { AppendFile } from './append-file';

/**
 * Rows per row group (DuckDB writes whole vectors of 2,048 rows, so a multiple of that). The
 * document page fetches each table's footer and the one or two groups holding the document: smaller
 * groups mean less data per page but a longer footer (≈ 1.3 kB per group for checks, whose detail
 * and rule strings repeat as min/max statistics) and worse compression. Measured on 3,000
 * replicated documents (BENCHMARKS.md, "Document pages on demand"): 2,048 rows → 605 kB per page
 * (footers dominate), 8,192 → 434 kB, 16,384 → 474 kB with 3× the decoding; 8,192 it is. The checks
 * footer grows with the corpus (≈ 0.9 MB at 30,000 documents).
 */
export const ROW_GROUP_ROWS = 8192;

/** Writer options (tests use a smaller row group to get several groups from a few rows). */
export interface ParquetSinkOptions {
	/** Rows per row group; rounded up by DuckDB to a multiple of 2,048. */
	rowGroupRows?: number;
	/** DuckDB's memory caps for the write, tried in turn when it runs out of memory ({@link MEMORY_LIMITS}). */
	memoryLimits?: readonly string[];
	/** Told when the write is done again under a larger cap (default: standard error). */
	warn?: (message: string) => void;
}

/** An open writer: append rows, then close (write and rename every file) or abort. */
export interface ParquetSink {
	/**
	 * Checks and appends rows (one document's, typically); throws RowShapeError on a bad row, appending
	 * none. Rows checked and encoded already (spool-lines.ts, in a worker thread) are appended as they are.
	 */
	append(rows: Partial<TableRows> | EncodedRows): void;
	/**
	 * Leaves the rows of these documents (by doc_id) out of every file written: a folder's rows are
	 * appended as soon as a document is extracted, before the folder's plan may decide that the
	 * document is half of a disclosure read as one, or a rival left out (extract-folder.ts).
	 */
	revoke(docIds: Iterable<string>): void;
	/** Writes every contract table and the pre-aggregated ones, renames them into place, returns their paths. */
	close(): Promise<string[]>;
	/** Discards everything: no output file is created or replaced. */
	abort(): Promise<void>;
}

/** Opens a writer for `outDir` (created if missing). */
export async function openParquetSink(outDir: string, options: ParquetSinkOptions = {}): Promise<ParquetSink> {
	await ensureFolder(outDir);
	const spools = TABLE_NAMES.map((name) => new Spool(name, join(outDir, `.${TABLES[name].file}.${process.pid}.ndjson`)));
	const forget = spools.map((spool) => removeOnInterrupt(spool.path));
	const revoked = new Set<string>();
	let open = true;
	const finish = async () => {
		if (!open) return;
		open = false;
		for (const spool of spools) spool.closeSync();
		await Promise.all(spools.map((spool) => rm(spool.path, { force: true })));
		for (const f of forget) f();
	};
	return {
		append(rows) {
			if (!open) throw new Error('parquet-write: append after close');
			// encodeRows checks every table before encoding any, so a bad row leaves nothing half-appended.
			const encoded = isEncodedRows(rows) ? rows : encodeRows(rows, (table) => spools[TABLE_NAMES.indexOf(table)]?.rowCount ?? 0);
			for (const spool of spools) {
				const table = encoded.tables[spool.table];
				if (table) spool.write(table);
			}
			// Rows encoded here are written (copied): their buffer serves the next. Rows encoded elsewhere
			// are given back by whoever encoded them (extract-folder.ts).
			if (encoded !== rows) recycleRows(encoded);
		},
		revoke(docIds) {
			if (!open) throw new Error('parquet-write: revoke after close');
			for (const id of docIds) revoked.add(id);
		},
		async close() {
			try {
				for (const spool of spools) spool.closeSync();
				return await spoolsToParquetWithin(options.memoryLimits ?? MEMORY_LIMITS, options.warn ?? console.error, (limit) =>
					spoolsToParquet(spools, revoked, outDir, options.rowGroupRows ?? ROW_GROUP_ROWS, limit)
				);
			} finally {
				await finish();
			}
		},
		abort: finish
	};
}

/** Writes every contract table of `rows` at once (tables left out are written empty). */
export async function writeParquetTables(outDir: string, rows: Partial<TableRows>, options: ParquetSinkOptions = {}): Promise<string[]> {
	const sink = await openParquetSink(outDir, options);
	try {
		sink.append(rows);
	} catch (error) {
		await sink.abort();
		throw error;
	}
	return sink.close();
}

/**
 * One table's rows as newline-delimited JSON in a temporary file, a batch of rows by column a line
 * (spool-lines.ts). Each line carries its position (`_seq`, not a contract column) so that sorting
 * by doc_id, the line and the row's place in it keeps a document's rows in the order they were
 * appended: SQL sorts are not stable. Lines are gathered and written in large pieces (append-file.ts).
 */
class Spool {
	private readonly file: AppendFile;
	private rows = 0;
	private lines = 0;

	constructor(
		readonly table: TableName,
		readonly path: string
	) {
		this.file = new AppendFile(path, FLUSH_BYTES);
	}

	/** Rows appended so far (row numbers in errors count from the first append). */
	get rowCount(): number {
		return this.rows;
	}

	/** Appends encoded lines (spool-lines.ts), numbering them. */
	write({ lines, count, rows }: EncodedTable): void {
		numberLines(lines, count, this.lines);
		this.lines += count;
		this.rows += rows;
		this.file.append(lines);
	}

	closeSync(): void {
		this.file.close();
	}
}

/** Bytes a spool gathers before writing them: few system calls, little memory. */
const FLUSH_BYTES = 256 << 10;

/**
 * DuckDB's memory caps for the write: a sort larger than the cap spills to `spillDir`, so the
 * writer's memory does not grow with the corpus. The first cap is what the write needs on the
 * corpora measured, with room; the write is done again under the next when DuckDB runs out of
 * memory — it has a floor of its own (at 64 MB it failed creating the economic table, at 3,040
 * generated documents as at 30,400), which a disclosure of longer rows might raise. 128 MB against
 * 256 MB: the whole run's peak 638 → 453 MiB at 29,920 seed-sized documents (the write 27.1 → 27.8 s)
 * and 652 → 467 MiB at 90,224 generated ones (88.5 → 74.6 s; BENCHMARKS.md, notes of 2026-12-05).
 */
const MEMORY_LIMITS: readonly string[] = ['128MB', '1GB'];

/**
 * Runs the write under each cap in turn until it does not run out of memory; any other error, or
 * running out under the last cap, is thrown. A failed write leaves no output (spoolsToParquet), so
 * it can be done again from the same spools.
 */
async function spoolsToParquetWithin(limits: readonly string[], warn: (message: string) => void, write: (limit: string) => Promise<string[]>): Promise<string[]> {
	for (let i = 0; ; i++) {
		try {
			return await write(limits[i] as string);
		} catch (error) {
			const next = limits[i + 1];
			if (next === undefined || !isOutOfMemory(error)) throw error;
			warn(`parquet-write: DuckDB 写入时内存不足（上限 ${limits[i]}），以上限 ${next} 重写 (out of memory, writing again)`);
		}
	}
}

/** DuckDB's out-of-memory error (its message: "Out of Memory Error: failed to allocate …"). */
function isOutOfMemory(error: unknown): boolean {
	return error instanceof Error && error.message.startsWith('Out of Memory Error');
}

/** DuckDB reads each spool with the contract's types into a temporary Parquet file; then all are renamed. */
async function spoolsToParquet(spools: readonly Spool[], revoked: ReadonlySet<string>, outDir: string, rowGroupRows: number, memoryLimit: string): Promise<string[]> {
	// The extraction's garbage goes before DuckDB takes its memory (collect-garbage.ts).
	collectGarbage();
	const spillDir = join(outDir, `.spill.${process.pid}`);
	const forgetSpill = removeOnInterrupt(spillDir);
	// One thread: the extraction is single-threaded too, and DuckDB's memory stays small. A database
	// file (in the spill folder, removed with it) rather than memory: the unnested spools are tables
	// there, compressed and written out as they grow (copySpool).
	await mkdir(spillDir, { recursive: true });
	const instance = await DuckDBInstance.create(join(spillDir, 'write.duckdb'), {
		threads: '1',
		memory_limit: memoryLimit,
		temp_directory: spillDir
	});
	const connection = await instance.connect();
	const temps: [string, string][] = [];
	const forgetTemps: (() => void)[] = [];
	try {
		const tempOf = (file: string): [string, string] => {
			const temp = join(outDir, `.${file}.${process.pid}.tmp`);
			forgetTemps.push(removeOnInterrupt(temp));
			return [temp, join(outDir, file)];
		};
		const kept = await keptRowsFilter(connection, revoked);
		for (const spool of spools) {
			const pair = tempOf(TABLES[spool.table].file);
			temps.push(pair);
			await copySpool(connection, spool, pair[0], rowGroupRows, kept);
		}
		// The pre-aggregated tables, from the contract files just written, renamed with them.
		const preTemps = PRE_AGGREGATED_NAMES.map((name) => tempOf(PRE_AGGREGATED[name].file));
		temps.push(...preTemps);
		await writePreAggregates(
			connection,
			(table) => tempOf(TABLES[table].file)[0],
			(name) => tempOf(PRE_AGGREGATED[name].file)[0],
			rowGroupRows
		);
		// The browser's database file, from the same fresh files (scripts/lib/corpus-db.ts).
		const corpus = tempOf(CORPUS_FILE);
		temps.push(corpus);
		await writeCorpusDb(connection, (name) => tempOf(specOf(name).file)[0], corpus[0]);
		// All renamed or none: an interrupting signal waits for the last (interrupt-cleanup.ts).
		await uninterrupted(async () => {
			for (const [temp, final] of temps) await rename(temp, final);
		});
		return temps.map(([, final]) => final);
	} catch (error) {
		await Promise.all(temps.map(([temp]) => rm(temp, { force: true })));
		throw error;
	} finally {
		connection.closeSync();
		instance.closeSync();
		await rm(spillDir, { recursive: true, force: true });
		forgetSpill();
		for (const f of forgetTemps) f();
	}
}

/** The table of revoked doc_ids in the writer's database file. */
const REVOKED = 'revoked_docs';

/**
 * The WHERE clause that leaves revoked documents' rows out ('' when none is revoked); the doc_ids
 * go into a table through an appender, not into SQL text. A row without a doc_id (a file that
 * could not be read) is kept: NOT IN alone would drop it.
 */
async function keptRowsFilter(connection: DuckDBConnection, revoked: ReadonlySet<string>): Promise<string> {
	if (revoked.size === 0) return '';
	await connection.run(`CREATE OR REPLACE TABLE ${REVOKED} (doc_id VARCHAR)`);
	const appender = await connection.createAppender(REVOKED);
	for (const id of revoked) {
		appender.appendVarchar(id);
		appender.endRow();
	}
	appender.closeSync();
	return ` WHERE doc_id IS NULL OR doc_id NOT IN (SELECT doc_id FROM ${REVOKED})`;
}

/** The row's place in its spool line: with `_seq`, the order rows were appended in. */
const ROW_COLUMN = '_row';
/** The unnested rows of the spool being copied, a table of the writer's database file. */
const UNNESTED = 'spool_rows';

/**
 * One spool → one Parquet file in the contract's column order, sorted by doc_id then append order,
 * without the rows `where` leaves out (revoked documents').
 * Each line's column arrays are unnested side by side (unnests in one SELECT go in step), with the
 * row's place in the line beside them, into a table first; the sort reads that. Sorting the unnested
 * lines directly ran out of memory at 10,000 documents (256 MB: the sort did not spill); through a
 * table it is faster and smaller than the row-per-line spool was (10,000 documents' checks: 8.4 s
 * and 599 MB before, 6.6 s and 400 MB through a temporary table in memory). The table is in the
 * writer's database file rather than in memory: 3,005 documents' extraction peaked at 548–566 MiB
 * with it in memory, 440–492 MiB so (the write 0.3 s longer). Not through a Parquet file: its
 * dictionary made -0 amounts 0.
 */
async function copySpool(connection: DuckDBConnection, spool: Spool, target: string, rowGroupRows: number, where: string): Promise<void> {
	const specs = TABLES[spool.table].columns;
	// Each column as an array of the line's values, or once for all of them under `all:` (spool-lines.ts).
	const columns = [
		`${sqlLiteral(SEQ_COLUMN)}: 'BIGINT'`,
		`${sqlLiteral(COUNT_COLUMN)}: 'INTEGER'`,
		...specs.flatMap((c) => [`${sqlLiteral(c.name)}: '${c.type}[]'`, `${sqlLiteral(ALL_ROWS + c.name)}: '${c.type}'`])
	].join(', ');
	const source = `read_json(${sqlLiteral(spool.path)}, format = 'newline_delimited', columns = {${columns}})`;
	// A column left out of a line is null in its every row (an absent array unnests as nulls beside the others).
	const unnested = [
		sqlIdent(SEQ_COLUMN),
		`unnest(generate_series(1, ${sqlIdent(COUNT_COLUMN)})) AS ${sqlIdent(ROW_COLUMN)}`,
		...specs.map((c) => {
			// An amount comes in whole cents (spool-lines.ts): the division gives the double rounded there.
			const values = c.type === 'DOUBLE' ? `unnest(${sqlIdent(c.name)}) / ${CENTS}` : `unnest(${sqlIdent(c.name)})`;
			return `coalesce(${values}, ${sqlIdent(ALL_ROWS + c.name)}) AS ${sqlIdent(c.name)}`;
		})
	].join(', ');
	const select = specs.map((c) => sqlIdent(c.name)).join(', ');
	const rows = Math.max(1, Math.floor(rowGroupRows));
	await connection.run(`CREATE OR REPLACE TABLE ${UNNESTED} AS SELECT ${unnested} FROM ${source}`);
	try {
		await connection.run(
			`COPY (SELECT ${select} FROM ${UNNESTED}${where} ORDER BY doc_id NULLS LAST, ${sqlIdent(SEQ_COLUMN)}, ${sqlIdent(ROW_COLUMN)}) ` +
				`TO ${sqlLiteral(target)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${rows})`
		);
	} finally {
		await connection.run(`DROP TABLE IF EXISTS ${UNNESTED}`);
	}
}
