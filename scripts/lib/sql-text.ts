/**
 * SQL text for what DuckDB takes only as text, not as a bound parameter: file paths in
 * `read_parquet(…)`, `COPY … TO …` and `ATTACH …`, and the names of tables and columns.
 */

/** `'text'`, quotes doubled. */
export function sqlLiteral(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** `"name"`, quotes doubled. */
export function sqlIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}
