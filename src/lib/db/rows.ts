/**
 * Arrow results → plain JS rows: BigInt → number, lists → arrays, structs → objects, so views and
 * JSON never see Arrow objects or BigInts.
 */
import type { Table } from 'apache-arrow';
import type { PlainRow, PlainValue } from './connection';

/**
 * An Arrow Vector (a list cell), as opposed to a plain value or a struct row. A struct row has a
 * `toArray()` too (its field values, without their names), so the Vector is told by its data
 * chunks and type. Duck-typed: DuckDB-WASM's rows come from its own copy of apache-arrow, so
 * `instanceof` against this one fails.
 */
function isVectorLike(value: object): value is { toArray(): ArrayLike<unknown> } {
	const v = value as { toArray?: unknown; data?: unknown; type?: unknown };
	return typeof v.toArray === 'function' && Array.isArray(v.data) && v.type !== undefined;
}

/** Converts one Arrow cell value to a {@link PlainValue}. */
export function toPlain(value: unknown): PlainValue {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return Number(value);
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(toPlain);
	if (typeof value === 'object') {
		if (isVectorLike(value)) return Array.from(value.toArray(), toPlain);
		if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, toPlain);
		// StructRow proxies and plain objects alike: convert their own entries.
		const json = typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(): object }).toJSON() : value;
		return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, toPlain(v)]));
	}
	throw new Error(`db: cannot convert a ${typeof value} result value`);
}

/**
 * All rows of an Arrow table as plain objects keyed by column name. Column by column, each read
 * with its iterator: `get(i)` looks the row's batch up anew for every cell, and `numRows` adds the
 * batches' lengths up on every call — at a whole city's 180,000 三公 rows that was most of a second
 * of the page's main thread.
 */
export function arrowToRows(table: Table): PlainRow[] {
	const count = table.numRows;
	const rows: PlainRow[] = new Array(count);
	for (let i = 0; i < count; i++) rows[i] = {};
	for (const field of table.schema.fields) {
		const name = field.name;
		const column = table.getChild(name) as Iterable<unknown> | null;
		let i = 0;
		if (column) for (const value of column) rows[i++][name] = toPlain(value);
		for (; i < count; i++) rows[i][name] = null;
	}
	return rows;
}
