/**
 * Decoded columns → an Arrow IPC stream with the contract's column types, ready for DuckDB's
 * `insertArrowFromIPCStream`. IPC bytes (not an Arrow Table object) cross into DuckDB, so the
 * hand-over does not depend on sharing one Arrow module instance with duckdb-wasm.
 */
import { Bool, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import type { ColumnType } from '$lib/storage/schema';
import type { DecodedTable } from './parquet';

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
	}
}

/** The decoded table as an Arrow Table, columns in contract order. */
export function toArrowTable(decoded: DecodedTable): Table {
	const vectors = Object.fromEntries(
		decoded.spec.columns.map((col) => [col.name, vectorFromArray(decoded.columns[col.name], arrowType(col.type))])
	);
	return new Table(vectors);
}

/** The decoded table as Arrow IPC stream bytes. */
export function toArrowIpc(decoded: DecodedTable): Uint8Array {
	return tableToIPC(toArrowTable(decoded), 'stream');
}
