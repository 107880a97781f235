/**
 * The browser's database file: every table the views query, written once by native DuckDB when the
 * Parquet is written (scripts/lib/corpus-db.ts) in DuckDB's own storage format, which DuckDB-WASM
 * attaches read-only as it is — no Parquet decoding, no Arrow, no inserts in the page. At 30,000
 * documents the Parquet path took tens of seconds of decoding and inserting; attaching the file takes
 * a tenth of a second, and queries run the same (measured the same over attached and loaded tables).
 *
 * Engine-neutral: the statements here run in the browser (DuckDB-WASM in its worker), in the Node
 * test harness (DuckDB-WASM's blocking build) and, for writing, on native DuckDB.
 */
import { withConnection, type Connect } from './connection';
import { createTableSql, selectAsSql } from './ddl';
import { loadTimeSqlOnArrival } from './derived';
import { ident, sql, SqlQuery } from '$lib/queries/sql';
import { specOf, type LoadableName } from '$lib/storage/schema';

/** The file's name beside the Parquet files (static/data/). */
export const CORPUS_FILE = 'corpus.duckdb';

/**
 * The storage format the file is written in: the newest one the site's DuckDB-WASM reads. Native
 * DuckDB at build time is newer than the browser's (package.json pins both); written in its own
 * default format the file would not open in the page.
 */
export const CORPUS_STORAGE_VERSION = 'v1.2.0';

/**
 * The tables the views query, in the order they are written. `checks`, `diagnostics`,
 * `source_tables` and `economic_breakdown` serve only a document's own page, which reads its
 * document's rows from the Parquet itself; at 30,000 documents `checks` alone is millions of rows.
 */
export const VIEW_TABLES: readonly LoadableName[] = [
	'documents',
	'document_figures',
	'code_names',
	'three_public',
	'summary',
	'function_expenditure',
	'economic_expenditure',
	'narrative_figures'
];

/** The alias the file is attached under. */
const CATALOG = 'corpus';

/**
 * Statements that fill a newly created database (the current catalog) with `tables` from their
 * Parquet files (`sourceOf`): the contract's columns and types, rows in file order (by document),
 * and the load-time statements (the place labels, see derived.ts) once their tables are in.
 * For native DuckDB, which reads Parquet.
 */
export function fillCorpusSql(sourceOf: (name: LoadableName) => string, tables: readonly LoadableName[] = VIEW_TABLES): SqlQuery[] {
	const out: SqlQuery[] = [];
	const loaded: string[] = [];
	for (const name of tables) {
		const spec = specOf(name);
		out.push(createTableSql(spec));
		// a table function's argument must be known when the statement is planned: a literal (a
		// build-time path, never user input), not a bound parameter
		const source = new SqlQuery(`read_parquet('${sourceOf(name).replaceAll("'", "''")}')`, []);
		out.push(sql`INSERT INTO ${ident(spec.name)} ${selectAsSql(spec, source)}`);
		out.push(...loadTimeSqlOnArrival(name, loaded));
		loaded.push(name);
	}
	return out;
}

/**
 * Attaches the registered file {@link CORPUS_FILE} read-only and names each of `tables` in the
 * default catalog as a view over it, so that every query's unqualified table names (queries/tables.ts)
 * read the file on any connection.
 */
export function attachCorpusSql(tables: readonly LoadableName[] = VIEW_TABLES): SqlQuery[] {
	return [
		new SqlQuery(`ATTACH '${CORPUS_FILE}' AS ${CATALOG} (READ_ONLY)`, []),
		...tables.map((name) => sql`CREATE OR REPLACE VIEW ${ident(name)} AS SELECT * FROM ${ident(CATALOG)}.${ident(name)}`)
	];
}

/**
 * Attaches the file (already registered with the engine under {@link CORPUS_FILE}) and names its
 * tables; before the lock-down (settings.ts), which forbids attaching anything afterwards.
 */
export async function attachCorpus(connect: Connect, tables: readonly LoadableName[] = VIEW_TABLES): Promise<void> {
	await withConnection(connect, async (conn) => {
		for (const q of attachCorpusSql(tables)) await conn.query(q.sql, q.params);
	});
}

/** Rows per table in the attached file. */
export type CorpusReport = Partial<Record<LoadableName, number>>;

/** Counts each of `tables`' rows (the test harness's report; the page has no use for it at start-up). */
export async function countRows(connect: Connect, tables: readonly LoadableName[]): Promise<CorpusReport> {
	return withConnection(connect, async (conn) => {
		const report: CorpusReport = {};
		for (const name of tables) {
			const [row] = await conn.query(sql`SELECT count(*) AS n FROM ${ident(name)}`.sql, []);
			report[name] = Number(row?.n ?? 0);
		}
		return report;
	});
}
