/**
 * Spool lines (scripts/lib/spool-lines.ts) read back into rows, as DuckDB reads them: each line's
 * column arrays side by side, with the line's `_seq` beside each row.
 */
export function spoolRows(text: string): Record<string, unknown>[] {
	const rows: Record<string, unknown>[] = [];
	for (const line of text.split('\n').filter(Boolean)) {
		const { _seq, ...columns } = JSON.parse(line) as Record<string, unknown[]> & { _seq: number };
		const names = Object.keys(columns);
		const count = (columns[names[0] as string] as unknown[]).length;
		for (const name of names) if ((columns[name] as unknown[]).length !== count) throw new Error(`column ${name} has ${(columns[name] as unknown[]).length} values, not ${count}`);
		for (let i = 0; i < count; i++) rows.push({ _seq, ...Object.fromEntries(names.map((n) => [n, (columns[n] as unknown[])[i]])) });
	}
	return rows;
}
