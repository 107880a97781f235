/**
 * Tables derived from the contract tables once they are loaded, in memory only (never written to
 * Parquet). Every engine builds them the same way right after loading: the browser and the Node
 * test harness through load.ts, native DuckDB in $lib/server/duckdb-node.
 */
import { codeNamesTableSql } from '$lib/queries/classification';
import { documentFiguresTableSql } from '$lib/queries/figures';
import { placeLabelsSql } from '$lib/queries/places';
import type { SqlQuery } from '$lib/queries/sql';
import type { TableName } from '$lib/storage/schema';

/** Each derived table's statement and the contract tables it reads, in the order they run. */
const DERIVED: readonly { sources: readonly TableName[]; build: () => SqlQuery }[] = [
	// first: every view (and document_figures) sees a place for units without a district
	{ sources: ['documents'], build: placeLabelsSql },
	{ sources: ['documents', 'function_expenditure', 'economic_expenditure', 'summary', 'three_public'], build: documentFiguresTableSql },
	{ sources: ['function_expenditure', 'economic_expenditure'], build: codeNamesTableSql }
];

/** The statements that (re)build every derived table whose sources are all among `loaded`. */
export function derivedTablesSql(loaded: readonly TableName[]): SqlQuery[] {
	return DERIVED.filter((d) => d.sources.every((s) => loaded.includes(s))).map((d) => d.build());
}
