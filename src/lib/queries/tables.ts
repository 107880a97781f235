/**
 * Table references for the query builders, taken from the data contract so that a renamed table
 * fails to compile rather than at run time.
 */
import { PRE_AGGREGATED_NAMES, TABLES, TABLE_NAMES, type LoadableName, type TableName } from '$lib/storage/schema';
import { ident, type SqlQuery } from './sql';

/** The quoted name of a contract table as registered in DuckDB (`"function_expenditure"`). */
export function table(name: TableName): SqlQuery {
	return ident(TABLES[name].name);
}

/** Column names of a contract table, in contract order. */
export function columnsOf(name: TableName): string[] {
	return TABLES[name].columns.map((c) => c.name);
}

const LOADABLE: readonly LoadableName[] = [...TABLE_NAMES, ...PRE_AGGREGATED_NAMES];

/**
 * The tables `q` reads, as its builder declared them: every table reference goes through
 * {@link table} or `ident(<a PRE_AGGREGATED name>)`, which quote it, so the quoted names in the
 * text are exactly the tables read — a loader can run `q` as soon as these are in (db/gate.ts).
 * A column quoted with a table's name (none is today) would only make `q` wait for that table too.
 */
export function tablesRead(q: SqlQuery): LoadableName[] {
	return LOADABLE.filter((name) => q.sql.includes(`"${name}"`));
}
