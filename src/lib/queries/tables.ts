/**
 * Table references for the query builders, taken from the data contract so that a renamed table
 * fails to compile rather than at run time.
 */
import { TABLES, type TableName } from '$lib/storage/schema';
import { ident, type SqlQuery } from './sql';

/** The quoted name of a contract table as registered in DuckDB (`"function_expenditure"`). */
export function table(name: TableName): SqlQuery {
	return ident(TABLES[name].name);
}

/** Column names of a contract table, in contract order. */
export function columnsOf(name: TableName): string[] {
	return TABLES[name].columns.map((c) => c.name);
}
