/**
 * Raw Parquet columns (parquet.ts) → Arrow record batches with the contract's column types, and
 * Arrow IPC stream bytes ready for DuckDB's `insertArrowFromIPCStream`. IPC bytes (not an Arrow
 * Table object) cross into DuckDB, so the hand-over does not depend on sharing one Arrow module
 * instance with duckdb-wasm, and they can be transferred from a worker without a copy.
 *
 * Buffers are built directly (typed arrays, validity bitmaps, UTF-8 offsets), one pass per column
 * with no per-row objects. A VARCHAR column whose values repeat (the Parquet page was dictionary
 * encoded, so equal values are the same byte view) becomes a dictionary vector: each distinct value
 * is copied once and the rows are Int32 indices.
 */
import {
	Bool,
	Dictionary,
	Field,
	Float64,
	Int32,
	List,
	RecordBatch,
	Schema,
	Struct,
	Table,
	Utf8,
	makeData,
	makeVector,
	tableToIPC,
	type Data,
	type DataType
} from 'apache-arrow';
import type { ColumnSpec, ColumnType } from '$lib/storage/schema';
import type { RawBatch } from './parquet';

/** Dictionary-encode a VARCHAR column when it has at most this share of distinct values. */
const DICTIONARY_MAX_DISTINCT = 0.5;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

class NotOfType extends Error {
	constructor(
		readonly row: number,
		readonly value: unknown
	) {
		super('value not of the column type');
	}
}

const isNull = (v: unknown) => v === null || v === undefined;

/** Validity bitmap (Arrow: bit set = valid) and null count; `null` bitmap when nothing is NULL. */
function validity(values: ArrayLike<unknown>): { nullBitmap: Uint8Array | undefined; nullCount: number } {
	const n = values.length;
	let nullCount = 0;
	for (let i = 0; i < n; i++) if (isNull(values[i])) nullCount++;
	if (nullCount === 0) return { nullBitmap: undefined, nullCount: 0 };
	const bitmap = new Uint8Array((n + 7) >> 3);
	for (let i = 0; i < n; i++) if (!isNull(values[i])) bitmap[i >> 3]! |= 1 << (i & 7);
	return { nullBitmap: bitmap, nullCount };
}

function doubleData(values: ArrayLike<unknown>): Data {
	const n = values.length;
	if (values instanceof Float64Array) return makeData({ type: new Float64(), length: n, nullCount: 0, data: values });
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (typeof v === 'number') out[i] = v;
		else if (typeof v === 'bigint') out[i] = Number(v);
		else if (!isNull(v)) throw new NotOfType(i, v);
	}
	return makeData({ type: new Float64(), length: n, data: out, ...validity(values) });
}

const INT32_MAX = 2 ** 31 - 1;

function integerData(values: ArrayLike<unknown>): Data {
	const n = values.length;
	if (values instanceof Int32Array) return makeData({ type: new Int32(), length: n, nullCount: 0, data: values });
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (isNull(v)) continue;
		// A writer may store INTEGER as INT64 (BigInt); the contract's values fit a 32-bit int.
		const x = typeof v === 'bigint' ? Number(v) : v;
		if (typeof x !== 'number' || !Number.isInteger(x) || Math.abs(x) > INT32_MAX) throw new NotOfType(i, v);
		out[i] = x;
	}
	return makeData({ type: new Int32(), length: n, data: out, ...validity(values) });
}

function booleanData(values: ArrayLike<unknown>): Data {
	const n = values.length;
	const bits = new Uint8Array((n + 7) >> 3);
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (v === true) bits[i >> 3]! |= 1 << (i & 7);
		else if (v !== false && !isNull(v)) throw new NotOfType(i, v);
	}
	return makeData({ type: new Bool(), length: n, data: bits, ...validity(values) });
}

/** A string value's UTF-8 bytes (hyparquet hands bytes; a JS string is encoded, anything else refused). */
function bytesOf(v: unknown, row: number): Uint8Array {
	if (v instanceof Uint8Array) return v;
	if (typeof v === 'string') return utf8Encoder.encode(v);
	throw new NotOfType(row, v);
}

/** Plain Utf8 data from a list of byte strings (and NULLs). */
function utf8Data(values: ArrayLike<unknown>): Data<Utf8> {
	const n = values.length;
	const parts: (Uint8Array | null)[] = new Array(n);
	let size = 0;
	for (let i = 0; i < n; i++) {
		const v = values[i];
		const b = isNull(v) ? null : bytesOf(v, i);
		parts[i] = b;
		if (b) size += b.length;
	}
	const offsets = new Int32Array(n + 1);
	const data = new Uint8Array(size);
	let at = 0;
	for (let i = 0; i < n; i++) {
		const b = parts[i];
		if (b) {
			data.set(b, at);
			at += b.length;
		}
		offsets[i + 1] = at;
	}
	return makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data, ...validity(values) });
}

/**
 * VARCHAR: a dictionary vector when values repeat by identity (dictionary-encoded pages hand out
 * the same byte view for equal values), else plain Utf8.
 */
function varcharData(values: ArrayLike<unknown>): Data {
	const n = values.length;
	const limit = Math.max(16, n * DICTIONARY_MAX_DISTINCT);
	const index = new Map<unknown, number>();
	const indices = new Int32Array(n);
	const distinct: unknown[] = [];
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (isNull(v)) continue;
		let k = index.get(v);
		if (k === undefined) {
			if (distinct.length >= limit) return utf8Data(values);
			bytesOf(v, i); // type check before it enters the dictionary
			k = distinct.length;
			index.set(v, k);
			distinct.push(v);
		}
		indices[i] = k;
	}
	const dictionary = makeVector(utf8Data(distinct));
	const type = new Dictionary(new Utf8(), new Int32());
	return makeData({ type, length: n, data: indices, dictionary, ...validity(values) });
}

/** VARCHAR[]: a list vector over one Utf8 child of every list's strings, in order. */
function varcharListData(values: ArrayLike<unknown>): Data {
	const n = values.length;
	const offsets = new Int32Array(n + 1);
	const items: unknown[] = [];
	for (let i = 0; i < n; i++) {
		const v = values[i];
		if (!isNull(v)) {
			if (!Array.isArray(v)) throw new NotOfType(i, v);
			for (const item of v) items.push(item);
		}
		offsets[i + 1] = items.length;
	}
	const child = utf8Data(items);
	const type = new List(new Field('item', new Utf8(), true));
	return makeData({ type, length: n, valueOffsets: offsets, child, ...validity(values) });
}

function columnData(type: ColumnType, values: ArrayLike<unknown>): Data {
	switch (type) {
		case 'VARCHAR':
			return varcharData(values);
		case 'INTEGER':
			return integerData(values);
		case 'DOUBLE':
			return doubleData(values);
		case 'BOOLEAN':
			return booleanData(values);
		case 'VARCHAR[]':
			return varcharListData(values);
	}
}

/** How a refused value is named in the error: bytes as the text they spell. */
function show(value: unknown): string {
	return value instanceof Uint8Array ? utf8Decoder.decode(value) : String(value);
}

function buildColumn(batch: RawBatch, col: ColumnSpec): Data {
	try {
		return columnData(col.type, batch.columns[col.name] as ArrayLike<unknown>);
	} catch (err) {
		if (!(err instanceof NotOfType)) throw err;
		const row = batch.rowStart + err.row + 1;
		throw new Error(`loader: ${batch.spec.file} row ${row} column ${col.name}: ${show(err.value)} is not ${col.type}`);
	}
}

/**
 * One row group as an Arrow record batch, columns in contract order. Throws, naming the file, row
 * and column, when a value does not fit the contract type.
 */
export function toRecordBatch(batch: RawBatch): RecordBatch {
	const children = batch.spec.columns.map((col) => buildColumn(batch, col));
	const fields = batch.spec.columns.map((col, i) => new Field(col.name, children[i]!.type as DataType, true));
	const data = makeData({ type: new Struct(fields), length: batch.rowCount, nullCount: 0, children });
	return new RecordBatch(new Schema(fields), data);
}

/** A record batch as Arrow IPC stream bytes (schema, its dictionaries, the batch). */
export function toArrowIpc(batch: RecordBatch): Uint8Array {
	return tableToIPC(new Table([batch]), 'stream');
}
