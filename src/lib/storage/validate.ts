/**
 * The runtime half of the typed contract: before a row is written it must carry exactly its
 * table's columns, each holding a value of the column's type or null. Without this, a misnamed
 * field would be written as a silent NULL column and the real value dropped.
 */
import { TABLES, TABLE_NAMES, type ColumnType, type TableName } from './schema';
import type { RowOf } from './rows';

/** A row that does not fit its table, naming the table, the row (0-based `index`) and the key. */
export class RowShapeError extends Error {
	constructor(
		readonly table: TableName,
		readonly index: number,
		readonly key: string,
		problem: string,
		docId: unknown
	) {
		const doc = typeof docId === 'string' ? ` (doc ${docId})` : '';
		super(`${table} row ${index + 1}${doc}: ${problem}`);
		this.name = 'RowShapeError';
	}
}

// Column name → type per table, built once: checking a row is then one pass over its keys.
const COLUMN_TYPES = new Map(
	TABLE_NAMES.map((name) => [name, new Map<string, ColumnType>(TABLES[name].columns.map((c) => [c.name, c.type]))])
);

/** Whether `value` (not null) can be stored in a column of `type` unchanged. */
export function fitsType(type: ColumnType, value: unknown): boolean {
	switch (type) {
		case 'VARCHAR':
			return typeof value === 'string';
		case 'INTEGER':
			// INTEGER is 32-bit in DuckDB: a larger number would be refused or wrapped by the writer.
			return Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31 - 1;
		case 'DOUBLE':
			return typeof value === 'number' && Number.isFinite(value);
		case 'BOOLEAN':
			return typeof value === 'boolean';
		case 'VARCHAR[]':
			return Array.isArray(value) && value.every((v) => typeof v === 'string');
	}
}

function show(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A table's columns as two parallel arrays: checking a row is then one indexed pass. */
interface Shape {
	names: readonly string[];
	types: readonly ColumnType[];
}

const SHAPES = new Map<TableName, Shape>(
	TABLE_NAMES.map((name) => [name, { names: TABLES[name].columns.map((c) => c.name), types: TABLES[name].columns.map((c) => c.type) }])
);

/**
 * Whether `record` has exactly the table's columns, each a value of its type or null. Every column
 * defined and as many keys as columns means no key is unknown; a row failing this is looked at
 * again by {@link explainRow}, which names the first problem.
 */
function fitsShape(shape: Shape, record: Record<string, unknown>): boolean {
	const { names, types } = shape;
	if (Object.keys(record).length !== names.length) return false;
	for (let i = 0; i < names.length; i++) {
		const value = record[names[i] as string];
		if (value === undefined || (value !== null && !fitsType(types[i] as ColumnType, value))) return false;
	}
	return true;
}

/** Throws the {@link RowShapeError} naming the first problem of a row (unknown keys first). */
function explainRow(table: TableName, record: Record<string, unknown>, index: number): void {
	const types = COLUMN_TYPES.get(table) as Map<string, ColumnType>;
	const fail = (key: string, problem: string): never => {
		throw new RowShapeError(table, index, key, problem, record.doc_id);
	};
	for (const key of Object.keys(record)) if (!types.has(key)) fail(key, `unknown column "${key}"`);
	for (const [name, type] of types) {
		const value = record[name];
		if (value === undefined) fail(name, `missing column "${name}"`);
		if (value !== null && !fitsType(type, value)) fail(name, `column "${name}": ${show(value)} is not ${type}`);
	}
}

/**
 * Throws a {@link RowShapeError} unless `row` has exactly the columns of `table`, none of them
 * undefined, each a value of its column type or null. `index` is the row's place in its table.
 */
export function checkRow<N extends TableName>(table: N, row: object, index: number): asserts row is RowOf<N> {
	const record = row as Record<string, unknown>;
	if (!fitsShape(SHAPES.get(table) as Shape, record)) explainRow(table, record, index);
}

/** {@link checkRow} for each of `rows`, the first being row `firstIndex` of its table (the check of {@link rowsByColumn}). */
export function checkRows<N extends TableName>(table: N, rows: readonly object[], firstIndex = 0): asserts rows is RowOf<N>[] {
	rowsByColumn(table, rows, firstIndex);
}

/**
 * Checks `rows` as {@link checkRow} does, giving their values column by column (in the table's
 * column order) from the same pass: each row's own keys are read in the order the row was made,
 * which V8 serves from the object's enum cache, where looking up each column by name is a lookup
 * per value that no inline cache can hold (one site, many names). A row whose keys come in another
 * order is read by name; a row that does not fit throws the {@link RowShapeError} naming its first
 * problem.
 */
export function rowsByColumn(table: TableName, rows: readonly object[], firstIndex = 0): unknown[][] {
	const shape = SHAPES.get(table) as Shape;
	const { names, types } = shape;
	const columns: unknown[][] = names.map(() => []);
	for (let i = 0; i < rows.length; i++) {
		const record = rows[i] as Record<string, unknown>;
		let j = 0;
		let inOrder = true;
		for (const key in record) {
			const value = record[key];
			if (j === names.length || key !== names[j] || value === undefined || (value !== null && !fitsType(types[j] as ColumnType, value))) {
				inOrder = false;
				break;
			}
			(columns[j] as unknown[]).push(value);
			j++;
		}
		if (inOrder && j === names.length) continue;
		// Not the contract's keys in its order: take back what this row gave, then check and read it by name.
		for (let k = 0; k < j; k++) (columns[k] as unknown[]).pop();
		if (!fitsShape(shape, record)) explainRow(table, record, firstIndex + i);
		for (let k = 0; k < names.length; k++) (columns[k] as unknown[]).push(record[names[k] as string]);
	}
	return columns;
}
