/**
 * DuckDB-WASM settings shared by the browser and the Node test harness, so tests exercise the
 * configuration users get.
 */
import type { DuckDBConfig } from '@duckdb/duckdb-wasm';

/**
 * Results as plain JS numbers: COUNT(*) is BIGINT and would otherwise arrive as BigInt; DECIMAL
 * as a double rather than Arrow's fixed-point words.
 */
export const DUCKDB_CONFIG: DuckDBConfig = {
	query: { castBigIntToDouble: true, castDecimalToDouble: true }
};

/**
 * Run once on start-up. Since duckdb-wasm 1.28 a query that needs an extension (read_parquet,
 * for one) downloads it from DuckDB's extension host; no request may leave the site's origin, so
 * autoloading is off, external access (file and URL reads from SQL) is off — data arrives only as
 * Arrow inserted by the loader — and the configuration is locked so no later query can undo this.
 */
export const LOCKDOWN_STATEMENTS: readonly string[] = [
	'SET autoinstall_known_extensions = false',
	'SET autoload_known_extensions = false',
	'SET enable_external_access = false',
	'SET lock_configuration = true'
];
