/**
 * Tables derived from the contract tables, and when each is built.
 *
 * - Pre-aggregated ({@link PRE_AGGREGATES}: `document_figures`, `code_names`): built once when the
 *   Parquet is written (scripts/lib/pre-aggregate.ts runs these statements on native DuckDB over the
 *   fresh files) and written as Parquet beside the contract tables (PRE_AGGREGATED in
 *   storage/schema.ts). The browser loads them like any table instead of joining the detail rows
 *   itself — a first view then needs neither the detail tables nor the time to aggregate them.
 * - At load ({@link loadTimeSql}): the place labels, an UPDATE of the in-memory `documents` (the
 *   Parquet keeps the contract's NULL district); every engine runs it right after `documents` is in.
 *
 * {@link derivedTablesSql} gives both, in order, for an engine that has only the contract tables
 * (the writer, an outside engine over the partitioned files).
 */
import { codeNamesTableSql } from '$lib/queries/classification';
import { documentFiguresTableSql } from '$lib/queries/figures';
import { placeLabelsSql } from '$lib/queries/places';
import type { SqlQuery } from '$lib/queries/sql';
import type { PreAggregatedName, TableName } from '$lib/storage/schema';

interface Derived {
	sources: readonly TableName[];
	build: () => SqlQuery;
}

/** Run by every engine once `documents` is loaded, before any query reads it. */
const AT_LOAD: readonly Derived[] = [{ sources: ['documents'], build: placeLabelsSql }];

/** Each pre-aggregated table's statement and the contract tables it reads, in the order they run. */
export const PRE_AGGREGATES: readonly (Derived & { name: PreAggregatedName })[] = [
	// reads documents after the place labels: every view sees a place for units without a district
	{ name: 'document_figures', sources: ['documents', 'function_expenditure', 'economic_expenditure', 'summary', 'three_public'], build: documentFiguresTableSql },
	{ name: 'code_names', sources: ['function_expenditure', 'economic_expenditure'], build: codeNamesTableSql }
];

const among = (loaded: readonly string[]) => (d: Derived) => d.sources.every((s) => loaded.includes(s));

/** The statements to run at load once the tables `loaded` are in (the place labels need `documents`). */
export function loadTimeSql(loaded: readonly string[]): SqlQuery[] {
	return AT_LOAD.filter(among(loaded)).map((d) => d.build());
}

/**
 * The load-time statements that `name`, just loaded after `before`, completes the sources of: run
 * them, then let queries read the tables (the loader does, see load.ts).
 */
export function loadTimeSqlOnArrival(name: string, before: readonly string[]): SqlQuery[] {
	const after = [...before, name];
	return AT_LOAD.filter((d) => d.sources.includes(name as TableName) && among(after)(d) && !among(before)(d)).map((d) => d.build());
}

/**
 * The load-time statements and then those building every pre-aggregated table, for an engine that
 * has the contract tables `loaded` but not the pre-aggregated files.
 */
export function derivedTablesSql(loaded: readonly string[]): SqlQuery[] {
	return [...AT_LOAD, ...PRE_AGGREGATES].filter(among(loaded)).map((d) => d.build());
}
