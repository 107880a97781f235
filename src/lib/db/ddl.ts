/** `CREATE TABLE` statements from the data contract. */
import type { ColumnType, TableSpec } from '$lib/storage/schema';
import { ident, joinSql, sql, type SqlQuery } from '$lib/queries/sql';

/**
 * `CREATE OR REPLACE TABLE "name" ("col" TYPE, …)` for a contract table: the table exists with the
 * contract's types even when its file has no rows, and a reload replaces it.
 */
export function createTableSql(spec: TableSpec): SqlQuery {
	// The types come from the contract's closed ColumnType union, never from data.
	const cols = spec.columns.map((c) => sql`${ident(c.name)} ${columnTypeSql(c.type)}`);
	return sql`CREATE OR REPLACE TABLE ${ident(spec.name)} (${joinSql(cols)})`;
}

/**
 * `SELECT CAST("col" AS TYPE) AS "col", … FROM <from>`: a source's columns in the contract's
 * types and order (Parquet written by other tools may type a column differently).
 */
export function selectAsSql(spec: TableSpec, from: SqlQuery): SqlQuery {
	const cols = spec.columns.map((c) => sql`CAST(${ident(c.name)} AS ${columnTypeSql(c.type)}) AS ${ident(c.name)}`);
	return sql`SELECT ${joinSql(cols)} FROM ${from}`;
}

/** The SQL type keyword for a contract column type. */
export function columnTypeSql(type: ColumnType): SqlQuery {
	switch (type) {
		case 'VARCHAR':
			return sql`VARCHAR`;
		case 'INTEGER':
			return sql`INTEGER`;
		case 'DOUBLE':
			return sql`DOUBLE`;
		case 'BOOLEAN':
			return sql`BOOLEAN`;
		case 'VARCHAR[]':
			return sql`VARCHAR[]`;
	}
}
