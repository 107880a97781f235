import { CENTS } from '../../../scripts/lib/spool-lines';
import type { ColumnSpec } from '../../../src/lib/storage/schema';

/**
 * Spool lines (scripts/lib/spool-lines.ts) read back into rows, as the writer reads them: each line's
 * `_n` rows, every column from its array (an amount from its cents, divided as the writer divides),
 * or from its `all:` value, or null where the line leaves it out; the line's `_seq` beside each row.
 */
export function spoolRows(text: string, specs: readonly ColumnSpec[]): Record<string, unknown>[] {
	const columns = specs.map((c) => c.name);
	const amounts = new Set(specs.filter((c) => c.type === 'DOUBLE').map((c) => c.name));
	const rows: Record<string, unknown>[] = [];
	for (const line of text.split('\n').filter(Boolean)) {
		const { _seq, _n: count, ...fields } = JSON.parse(line) as Record<string, unknown> & { _seq: number; _n: number };
		for (const key of Object.keys(fields)) {
			const name = key.replace(/^all:/, '');
			if (!columns.includes(name)) throw new Error(`unknown key ${key}`);
			if (key === name && (fields[key] as unknown[]).length !== count) throw new Error(`column ${name} has ${(fields[key] as unknown[]).length} values, not ${count}`);
		}
		for (let i = 0; i < count; i++) {
			const row: Record<string, unknown> = { _seq };
			for (const name of columns) {
				const value = name in fields ? (fields[name] as unknown[])[i] : `all:${name}` in fields ? fields[`all:${name}`] : null;
				row[name] = name in fields && amounts.has(name) && value !== null ? (value as number) / CENTS : value;
			}
			rows.push(row);
		}
	}
	return rows;
}
