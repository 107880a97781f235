/**
 * The loader's previous decoder, kept verbatim as the reference the columnar decoder is compared
 * with: hyparquet → one JS object per row → one JS array per column (values coerced to the
 * contract type) → apache-arrow's vectorFromArray. Tests only.
 */
import { Bool, Float64, Int32, Table, Utf8, vectorFromArray, type DataType } from 'apache-arrow';
import { decompress as zstdDecompress } from 'fzstd';
import { parquetMetadata, parquetReadObjects, type Compressors } from 'hyparquet';
import type { ColumnSpec, ColumnType, TableSpec } from '../../../src/lib/storage/schema';

/** A column's values coerced to its contract type (null for SQL NULL). */
export type ColumnValues = (string | number | boolean | null)[];

/** A decoded table: one array per contract column, all of length `rowCount`. */
export interface DecodedTable {
	spec: TableSpec;
	rowCount: number;
	columns: Record<string, ColumnValues>;
}

const utf8 = new TextDecoder();

/**
 * hyparquet reads SNAPPY and uncompressed pages itself; the extractor writes ZSTD, for which a
 * small pure-JS decoder is plugged in (no wasm, nothing fetched).
 */
const COMPRESSORS: Compressors = {
	ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength))
};

/** Coerces one decoded Parquet value to the contract type, or returns undefined if it cannot. */
function coerce(value: unknown, type: ColumnType): string | number | boolean | null | undefined {
	if (value === null || value === undefined) return null;
	switch (type) {
		case 'VARCHAR':
			if (typeof value === 'string') return value;
			return value instanceof Uint8Array ? utf8.decode(value) : undefined;
		case 'INTEGER': {
			// A writer may store INTEGER as INT64 (BigInt); the contract's values fit a 32-bit int.
			const n = typeof value === 'bigint' ? Number(value) : value;
			return typeof n === 'number' && Number.isInteger(n) && Math.abs(n) <= 2 ** 31 - 1 ? n : undefined;
		}
		case 'DOUBLE': {
			const n = typeof value === 'bigint' ? Number(value) : value;
			return typeof n === 'number' ? n : undefined;
		}
		case 'BOOLEAN':
			return typeof value === 'boolean' ? value : undefined;
		case 'VARCHAR[]':
			return undefined; // the old loader read contract tables only, which hold no lists
	}
}

function coerceColumn(rows: Record<string, unknown>[], col: ColumnSpec, file: string): ColumnValues {
	return rows.map((row, i) => {
		const value = coerce(row[col.name], col.type);
		if (value === undefined) {
			throw new Error(`loader: ${file} row ${i + 1} column ${col.name}: ${String(row[col.name])} is not ${col.type}`);
		}
		return value;
	});
}

/**
 * Decodes a Parquet file written to the contract for `spec`. Throws, naming the file and column,
 * when a contract column is missing or holds a value of the wrong type; extra columns are ignored.
 */
export async function decodeParquet(bytes: ArrayBuffer, spec: TableSpec): Promise<DecodedTable> {
	const metadata = parquetMetadata(bytes);
	const present = new Set(metadata.schema.map((s) => s.name));
	const missing = spec.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
	if (missing.length > 0) throw new Error(`loader: ${spec.file} lacks column(s) ${missing.join(', ')}`);
	const names = spec.columns.map((c) => c.name);
	const rows = await parquetReadObjects({ file: bytes, metadata, columns: names, compressors: COMPRESSORS });
	const columns: Record<string, ColumnValues> = {};
	for (const col of spec.columns) columns[col.name] = coerceColumn(rows, col, spec.file);
	return { spec, rowCount: rows.length, columns };
}

/** The Arrow type DuckDB maps back to each contract type (Int32 → INTEGER, Utf8 → VARCHAR, …). */
function arrowType(type: ColumnType): DataType {
	switch (type) {
		case 'VARCHAR':
			return new Utf8();
		case 'INTEGER':
			return new Int32();
		case 'DOUBLE':
			return new Float64();
		case 'BOOLEAN':
			return new Bool();
		case 'VARCHAR[]':
			throw new Error('legacy decoder: contract tables hold no lists');
	}
}

/** The decoded table as an Arrow Table, columns in contract order. */
export function toArrowTable(decoded: DecodedTable): Table {
	const vectors = Object.fromEntries(
		decoded.spec.columns.map((col) => [col.name, vectorFromArray(decoded.columns[col.name], arrowType(col.type))])
	);
	return new Table(vectors);
}

