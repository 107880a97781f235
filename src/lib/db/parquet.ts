/**
 * Parquet bytes → raw columns, one row group at a time, in pure JS (hyparquet), for the browser,
 * its decode worker and Node alike. DuckDB-WASM could read Parquet itself only by downloading its
 * parquet extension at run time, which the site must never do; see settings.ts.
 *
 * Columnar: a row group comes out as one array per column, never as row objects, and strings stay
 * UTF-8 bytes (views into the decompressed page) — arrow.ts copies them into Arrow buffers without
 * ever making a JS string. Decoding then re-encoding every string was most of the old loader's time.
 */
import { decompress as zstdDecompress } from 'fzstd';
import { parquetMetadata, parquetRead, type Compressors, type DecodedArray, type FileMetaData } from 'hyparquet';
import type { TableSpec } from '$lib/storage/schema';

/** One row group's contract columns as hyparquet decoded them (strings as UTF-8 byte views). */
export interface RawBatch {
	spec: TableSpec;
	/** Row of the file where this batch starts (0-based), for error messages. */
	rowStart: number;
	rowCount: number;
	/** By contract column name; each of length `rowCount`. NULL is `null` or `undefined`. */
	columns: Record<string, DecodedArray>;
}

/** A Parquet file checked against its contract table, ready to be read row group by row group. */
export interface ParquetFile {
	spec: TableSpec;
	bytes: ArrayBuffer;
	metadata: FileMetaData;
	rowCount: number;
	/** [first row, end row) of each row group. */
	rowGroups: readonly { start: number; end: number }[];
}

/**
 * hyparquet reads SNAPPY and uncompressed pages itself; the extractor writes ZSTD, for which a
 * small pure-JS decoder is plugged in (no wasm, nothing fetched).
 */
const COMPRESSORS: Compressors = {
	ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength))
};

/** Strings stay bytes: the Arrow builder copies them as they are. */
const PARSERS = { stringFromBytes: (bytes: Uint8Array) => bytes as unknown as string };

/**
 * Reads the footer of a Parquet file written to the contract for `spec`. Throws, naming the file,
 * when a contract column is missing; extra columns are ignored.
 */
export function openParquet(bytes: ArrayBuffer, spec: TableSpec): ParquetFile {
	const metadata = parquetMetadata(bytes);
	const present = new Set(metadata.schema.map((s) => s.name));
	const missing = spec.columns.filter((c) => !present.has(c.name)).map((c) => c.name);
	if (missing.length > 0) throw new Error(`loader: ${spec.file} lacks column(s) ${missing.join(', ')}`);
	const rowGroups: { start: number; end: number }[] = [];
	let start = 0;
	for (const group of metadata.row_groups) {
		const end = start + Number(group.num_rows);
		if (end > start) rowGroups.push({ start, end });
		start = end;
	}
	return { spec, bytes, metadata, rowCount: start, rowGroups };
}

/** Decodes row group `index` of `file` into one array per contract column. */
export async function readRowGroup(file: ParquetFile, index: number): Promise<RawBatch> {
	const group = file.rowGroups[index];
	if (!group) throw new Error(`loader: ${file.spec.file} has no row group ${index}`);
	const names = file.spec.columns.map((c) => c.name);
	const chunks = new Map<string, { rowStart: number; data: DecodedArray }[]>(names.map((n) => [n, []]));
	await parquetRead({
		file: file.bytes,
		metadata: file.metadata,
		columns: names,
		rowStart: group.start,
		rowEnd: group.end,
		compressors: COMPRESSORS,
		parsers: PARSERS,
		onChunk: ({ columnName, columnData, rowStart }) => chunks.get(columnName)?.push({ rowStart, data: columnData })
	});
	const rowCount = group.end - group.start;
	const columns: Record<string, DecodedArray> = {};
	for (const name of names) columns[name] = joinChunks(chunks.get(name) ?? [], group.start, rowCount, file.spec.file, name);
	return { spec: file.spec, rowStart: group.start, rowCount, columns };
}

/** A column's page chunks as one array covering [start, start + rowCount). */
function joinChunks(chunks: { rowStart: number; data: DecodedArray }[], start: number, rowCount: number, file: string, name: string): DecodedArray {
	chunks.sort((a, b) => a.rowStart - b.rowStart);
	const only = chunks[0];
	if (chunks.length === 1 && only && only.rowStart === start && only.data.length === rowCount) return only.data;
	const out: unknown[] = new Array(rowCount);
	let filled = 0;
	for (const { rowStart, data } of chunks) {
		for (let i = 0; i < data.length; i++) {
			const at = rowStart - start + i;
			if (at >= 0 && at < rowCount) out[at] = data[i];
		}
		filled += data.length;
	}
	if (filled < rowCount) throw new Error(`loader: ${file} column ${name}: ${filled} of ${rowCount} values decoded`);
	return out as DecodedArray;
}

/** Every row group of `bytes`, in order. */
export async function* readParquetBatches(bytes: ArrayBuffer, spec: TableSpec): AsyncGenerator<RawBatch> {
	const file = openParquet(bytes, spec);
	for (let i = 0; i < file.rowGroups.length; i++) yield await readRowGroup(file, i);
}
