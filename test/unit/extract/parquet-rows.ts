/** Parquet files read back with native DuckDB, each row as JSON in stored order: two runs' output compared. */
import { DuckDBInstance } from '@duckdb/node-api';

/** The rows of each file of `paths` (name → path), under the same name. */
export async function parquetRows(paths: Record<string, string>): Promise<Record<string, string[]>> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const out: Record<string, string[]> = {};
		for (const [name, path] of Object.entries(paths)) {
			const reader = await conn.runAndReadAll(`SELECT * FROM read_parquet('${path.replace(/'/g, "''")}')`);
			out[name] = reader.getRowObjectsJson().map((r) => JSON.stringify(r));
		}
		return out;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
