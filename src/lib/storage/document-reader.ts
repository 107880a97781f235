/**
 * One document's rows from the contract's Parquet files, reading only what holds them: the footer,
 * then the row groups whose doc_id statistics can contain the id. The extractor writes every table
 * ordered by doc_id in small row groups (scripts/lib/parquet-write.ts), so that is one or two
 * groups per table — a document page costs kilobytes, not the corpus. Browser-safe (no Node APIs);
 * the bytes come from any {@link AsyncBuffer} (./http-file.ts over HTTP Range, a Buffer in tests).
 */
import { decompress as zstdDecompress } from 'fzstd';
import { parquetMetadataAsync, parquetReadObjects, type AsyncBuffer, type Compressors, type FileMetaData } from 'hyparquet';
import type { RowOf } from './rows';
import { TABLES, type TableName } from './schema';

export type { AsyncBuffer };

/** The writer compresses with zstd; hyparquet decodes snappy and uncompressed itself. */
const COMPRESSORS: Compressors = {
	ZSTD: (input, outputLength) => zstdDecompress(input, new Uint8Array(outputLength))
};

/**
 * Bytes read from the end of a file in the first request, hoping to get the whole footer in one
 * (a footer longer than this costs a second request). A file no longer than this is read whole in
 * that one request, and its row groups come from memory.
 */
export const FOOTER_GUESS = 16 * 1024;

/** The tables the document page shows. */
export const DOCUMENT_TABLES = [
	'documents',
	'function_expenditure',
	'economic_expenditure',
	'economic_breakdown',
	'three_public',
	'summary',
	'checks',
	'diagnostics',
	'narrative_figures'
] as const satisfies readonly TableName[];

export type DocumentTableName = (typeof DOCUMENT_TABLES)[number];

/** One document's rows of each table the page shows, in file order. */
export type DocumentRows = { [N in DocumentTableName]: RowOf<N>[] };

/**
 * Orders strings as Parquet's statistics do for UTF-8: by unsigned bytes, i.e. by code point
 * (JS `<` compares UTF-16 units, which differs above U+FFFF).
 */
export function compareCodePoints(a: string, b: string): number {
	const ia = a[Symbol.iterator]();
	const ib = b[Symbol.iterator]();
	for (;;) {
		const x = ia.next();
		const y = ib.next();
		if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
		const d = (x.value.codePointAt(0) as number) - (y.value.codePointAt(0) as number);
		if (d !== 0) return d;
	}
}

/**
 * Indices of the row groups that may hold rows whose `column` equals `value`: those whose min/max
 * statistics enclose it, and those without statistics (they cannot be ruled out). A group whose
 * column is all NULL holds no such row.
 */
export function candidateRowGroups(metadata: FileMetaData, column: string, value: string): number[] {
	const out: number[] = [];
	metadata.row_groups.forEach((group, index) => {
		if (Number(group.num_rows) === 0) return;
		const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === column);
		const stats = chunk?.meta_data?.statistics;
		if (stats?.null_count !== undefined && Number(stats.null_count) === Number(group.num_rows)) return;
		// min_value/max_value are ordered as the column's type; the deprecated min/max are not (signed bytes), so only the former are used.
		const { min_value: min, max_value: max } = stats ?? {};
		if (typeof min === 'string' && compareCodePoints(value, min) < 0) return;
		if (typeof max === 'string' && compareCodePoints(value, max) > 0) return;
		out.push(index);
	});
	return out;
}

/** Row offsets of each row group in the file. */
function groupStarts(metadata: FileMetaData): number[] {
	const starts: number[] = [];
	let at = 0;
	for (const group of metadata.row_groups) {
		starts.push(at);
		at += Number(group.num_rows);
	}
	return starts;
}

/** Contiguous runs of group indices, e.g. [3, 4, 9] → [[3, 4], [9, 9]], so adjacent groups are read in one call. */
function runs(indices: readonly number[]): [number, number][] {
	const out: [number, number][] = [];
	for (const i of indices) {
		const last = out[out.length - 1];
		if (last && last[1] === i - 1) last[1] = i;
		else out.push([i, i]);
	}
	return out;
}

/** A decoded object as a contract row: exactly the table's columns, NULL as null, 64-bit integers as numbers. */
function toRow<N extends TableName>(table: N, obj: Record<string, unknown>): RowOf<N> {
	const row: Record<string, unknown> = {};
	for (const { name } of TABLES[table].columns) {
		const v = obj[name];
		row[name] = v === undefined || v === null ? null : typeof v === 'bigint' ? Number(v) : v;
	}
	return row as RowOf<N>;
}

export interface ReadOptions {
	/** Bytes asked for from the file's end first ({@link FOOTER_GUESS}). */
	footerGuess?: number;
}

/**
 * `file` with its last `size` bytes fetched once and kept: the footer read asks for them, and any
 * later slice inside them (a small file's row groups, the last groups of a large one) is served
 * from memory instead of fetched again.
 */
async function withTail(file: AsyncBuffer, size: number): Promise<AsyncBuffer> {
	const tailStart = Math.max(0, file.byteLength - size);
	const tail = await file.slice(tailStart, file.byteLength);
	return {
		byteLength: file.byteLength,
		slice: (start, end = file.byteLength) => (start >= tailStart ? tail.slice(start - tailStart, end - tailStart) : file.slice(start, end))
	};
}

/** The rows of `table` whose doc_id is `docId`, in file order; reads the footer and the candidate row groups only. */
export async function readDocumentRows<N extends TableName>(table: N, source: AsyncBuffer, docId: string, options: ReadOptions = {}): Promise<RowOf<N>[]> {
	const guess = Math.min(source.byteLength, Math.max(8, options.footerGuess ?? FOOTER_GUESS));
	const file = await withTail(source, guess);
	const metadata = await parquetMetadataAsync(file, { initialFetchSize: guess });
	const starts = groupStarts(metadata);
	const rows: RowOf<N>[] = [];
	for (const [first, last] of runs(candidateRowGroups(metadata, 'doc_id', docId))) {
		const objects = await parquetReadObjects({
			file,
			metadata,
			compressors: COMPRESSORS,
			rowStart: starts[first],
			rowEnd: (starts[last] as number) + Number(metadata.row_groups[last]?.num_rows ?? 0)
		});
		for (const obj of objects) if (obj.doc_id === docId) rows.push(toRow(table, obj));
	}
	return rows;
}

/**
 * Every table the document page shows for `docId`, each read from the file `open` gives for its
 * contract file name, all at once. Null when the documents table has no such id.
 */
export async function readDocument(docId: string, open: (file: string) => Promise<AsyncBuffer>, options: ReadOptions = {}): Promise<DocumentRows | null> {
	const entries = await Promise.all(
		DOCUMENT_TABLES.map(async (table) => [table, await readDocumentRows(table, await open(TABLES[table].file), docId, options)] as const)
	);
	const rows = Object.fromEntries(entries) as DocumentRows;
	return rows.documents.length === 0 ? null : rows;
}
