/**
 * Contract rows → the writer's spool lines (newline-delimited JSON, read back by DuckDB with the
 * contract's column types: scripts/lib/parquet-write.ts). Checking and encoding are apart from the
 * writer, with no DuckDB here, so that an extractor worker thread can do both and hand the writer
 * UTF-8 bytes (transferred, not copied) instead of an object per row: the writer's thread is left to
 * number the lines and write them.
 *
 * A document's lines, every table's, are encoded into one buffer (each table's a view of it): one
 * allocation and one transfer, where a buffer per table and two per line had cost about 26
 * allocations and 9 transfers a document (a few µs apiece, in the worker and again in the writer).
 *
 * A line holds a batch of one table's rows by column — `{"_seq":N,"_n":rows,"all:doc_id":"…","rule":[…],…}`
 * — so the keys are written once a batch rather than once a row (the checks table's keys were a
 * third of its bytes), a value every row shares once a batch too (the doc_id and file were half of
 * what was left), and the whole line is one JSON.stringify of plain arrays (V8's native fast path).
 * DuckDB unnests the arrays side by side (parquet-write.ts). A line begins `{"_seq":` and room for
 * the number (blanks, which JSON allows before a value); the writer fills in N ({@link numberLines}),
 * counting the lines of the table in the order they were appended. Amounts are stored rounded to the
 * cent, and spooled as whole cents ({@link CENTS}): JSON.stringify prints an integer about four times
 * faster than a fraction (16 against 60 ns), and the writer's division by 100 gives the very double
 * that rounding here did. -0, which JSON.stringify prints as 0, is spelled out.
 */
import type { TableRows } from '../../src/lib/storage/rows';
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableName } from '../../src/lib/storage/schema';
import { rowsByColumn } from '../../src/lib/storage/validate';

/** One table's rows of a batch: their spool lines, numbers not yet filled in, as UTF-8. */
export interface EncodedTable {
	/** A view of the batch's one buffer (see {@link transferables}). */
	lines: Uint8Array;
	/** Spool lines in `lines` (a batch of more than {@link ROWS_PER_LINE} rows takes several). */
	count: number;
	rows: number;
}

/** A batch of rows (one document's, typically), checked and encoded: the tables that have rows. */
export type EncodedRows = { readonly encoded: true; tables: Partial<Record<TableName, EncodedTable>> };

export function isEncodedRows(rows: object): rows is EncodedRows {
	return (rows as Partial<EncodedRows>).encoded === true;
}

/** The buffer of `rows` (one, or none when every table is empty), for postMessage's transfer list. */
export function transferables(rows: EncodedRows): ArrayBuffer[] {
	return [...new Set(Object.values(rows.tables).map((table) => table?.lines.buffer as ArrayBuffer))];
}

/**
 * Checks every table of `rows` against the contract (throwing RowShapeError before encoding any, so
 * a bad row leaves nothing half-done), then encodes them. `firstIndex` numbers the rows in errors.
 */
export function encodeRows(rows: Partial<TableRows>, firstIndex: (table: TableName) => number = () => 0): EncodedRows {
	// Every table checked (and read by column) before any is encoded.
	const byColumn = TABLE_NAMES.map((table) => {
		const list = rows[table] ?? [];
		return list.length === 0 ? null : { table, n: list.length, columns: rowsByColumn(table, list, firstIndex(table)) };
	});
	const spans: { table: TableName; start: number; end: number; count: number; rows: number }[] = [];
	const scratch = SCRATCH;
	scratch.reset();
	for (const read of byColumn) {
		if (read === null) continue;
		const { table, n, columns } = read;
		const start = scratch.length;
		let count = 0;
		for (let from = 0; from < n; from += ROWS_PER_LINE, count++) scratch.line(batchObject(table, columns, from, Math.min(n, from + ROWS_PER_LINE)));
		spans.push({ table, start, end: scratch.length, count, rows: n });
	}
	const out: EncodedRows = { encoded: true, tables: {} };
	if (spans.length === 0) return out;
	const buffer = scratch.copy();
	for (const { table, start, end, count, rows: n } of spans) out.tables[table] = { lines: buffer.subarray(start, end), count, rows: n };
	return out;
}

/**
 * Spool lines as UTF-8, written one after another into a buffer reused from batch to batch (grown
 * when a batch needs more), so that a batch costs one allocation: its {@link LineBuffer.copy}.
 */
class LineBuffer {
	private bytes = new Uint8Array(1 << 16);
	private used = 0;
	private readonly encoder = new TextEncoder();

	get length(): number {
		return this.used;
	}

	reset(): void {
		this.used = 0;
	}

	/**
	 * Appends a batch's object as JSON.stringify gave it, its `{` giving way to LINE_HEAD, and a line
	 * end. The object is encoded where its `{` lands on the head's last byte, which the head then
	 * overwrites: the string is not edited (an edited string is a rope V8 must flatten first).
	 */
	line(object: string): void {
		this.reserve(HEAD_BYTES.length + 3 * object.length + 1); // UTF-8 takes at most 3 bytes a UTF-16 unit
		const at = this.used + HEAD_BYTES.length - 1;
		const { written } = this.encoder.encodeInto(object, this.bytes.subarray(at));
		this.bytes.set(HEAD_BYTES, this.used);
		this.used = at + written;
		this.bytes[this.used++] = NEWLINE;
	}

	/** The lines so far, in a buffer of their own (the one handed on, or transferred): a recycled one when one is big enough. */
	copy(): Uint8Array {
		// A new one has room for most documents' lines, so that it can be recycled for any of them.
		const buffer = takeRecycled(this.used) ?? new ArrayBuffer(Math.max(this.used, RECYCLED_BYTES));
		const out = new Uint8Array(buffer, 0, this.used);
		out.set(this.bytes.subarray(0, this.used));
		return out;
	}

	private reserve(more: number): void {
		if (this.used + more <= this.bytes.length) return;
		const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.used + more));
		grown.set(this.bytes.subarray(0, this.used));
		this.bytes = grown;
	}
}

const SCRATCH = new LineBuffer();

/**
 * Buffers of encoded rows the writer is done with, given back ({@link recycleLines}) for the next
 * batches' lines. A batch's buffer lives outside V8's heap; in the writer's thread a new one for
 * every document (≈ 22 KB, 670 MB over 30,400 documents) set off a full GC every half second there,
 * though its heap held 13 MB. A buffer transferred back leaves that thread's count at once.
 */
const RECYCLED: ArrayBuffer[] = [];
/** Buffers kept at most: about the batches in flight between a worker and the writer. */
const MAX_RECYCLED = 16;
/** Bytes of a new buffer at least: a document's lines take 22 KB on average, few above 64 KB. */
const RECYCLED_BYTES = 64 << 10;

/** Gives back the buffer of encoded rows (see {@link transferables}) once its lines are written. */
export function recycleLines(buffer: ArrayBuffer): void {
	if (RECYCLED.length < MAX_RECYCLED && buffer.byteLength > 0) RECYCLED.push(buffer);
}

/** Gives back the buffer of encoded rows (one, or none for rows with no table) once their lines are written. */
export function recycleRows(rows: EncodedRows): void {
	for (const buffer of transferables(rows)) recycleLines(buffer);
}

/** A recycled buffer of at least `bytes`, no longer recycled; null when none is that big. */
function takeRecycled(bytes: number): ArrayBuffer | null {
	for (let i = RECYCLED.length - 1; i >= 0; i--) {
		const buffer = RECYCLED[i] as ArrayBuffer;
		if (buffer.byteLength < bytes) continue;
		RECYCLED[i] = RECYCLED[RECYCLED.length - 1] as ArrayBuffer;
		RECYCLED.pop();
		return buffer;
	}
	return null;
}

/**
 * Rows in a line at most. DuckDB reads a line as one object (capped at 16 MB) and 2,048 lines at a
 * time, so a line's rows set the size of what it holds at once: 10,000 documents' checks (3.3 M
 * rows) unnested and written 6.0 s and 403 MB at 32 rows a line, 6.4 s and 450 MB at whole
 * documents' tables; encoding a seed document costs 325 against 285 µs.
 */
export const ROWS_PER_LINE = 32;

/** The spool's position column: sorts a document's rows into append order, never written to Parquet. */
export const SEQ_COLUMN = '_seq';
/** Digits kept for the position: any line count below 10^16. */
const SEQ_DIGITS = 16;
const LINE_HEAD = `{"${SEQ_COLUMN}":${' '.repeat(SEQ_DIGITS)},`;
const HEAD_BYTES = Buffer.from(LINE_HEAD, 'utf8');

/** The spool's row count column: a line's rows, whatever columns it leaves out. */
export const COUNT_COLUMN = '_n';
/** Key prefix of a column whose value is the same in every row of a line, written once (`"all:doc_id":"…"`). */
export const ALL_ROWS = 'all:';

/** A DOUBLE (an amount) is spooled as a whole number of these: the writer divides by it. */
export const CENTS = 100;

/** Types whose equal values are one value (===); a DOUBLE is written row by row for its -0. */
const SCALAR_TYPES: ReadonlySet<ColumnSpec['type']> = new Set(['VARCHAR', 'INTEGER', 'BOOLEAN']);

/**
 * Rows `from`…`to` of a table (its values by column, in the contract's order) as one JSON object,
 * `{"_n":rows,"column":[values],…}`. A column that is null in every row is left out; one with the
 * same value in every row (a document's doc_id and file, half of its checks' bytes) is written once
 * under `all:column`. Amounts are written in cents; a column holding a -0 is written value by value.
 */
function batchObject(table: TableName, values: readonly (readonly unknown[])[], from: number, to: number): string {
	const columns: readonly ColumnSpec[] = TABLES[table].columns;
	const byColumn: Record<string, unknown> = { [COUNT_COLUMN]: to - from };
	let negativeZero: Set<string> | null = null;
	for (let c = 0; c < columns.length; c++) {
		const column = columns[c] as ColumnSpec;
		const name = column.name;
		const all = values[c] as readonly unknown[];
		const first = all[from];
		let same = true;
		for (let i = from + 1; same && i < to; i++) same = all[i] === first;
		if (same && first === null) continue;
		if (same && to - from > 1 && SCALAR_TYPES.has(column.type)) {
			byColumn[ALL_ROWS + name] = first;
			continue;
		}
		// Pushed, not `new Array(n)` filled in: an array made with holes stays "holey" to V8 once
		// filled, and JSON.stringify reads a holey array element by element through its slow path
		// (≈ 20 % longer for a line of strings and amounts).
		const list: unknown[] = [];
		if (column.type === 'DOUBLE') {
			for (let i = from; i < to; i++) {
				const v = all[i] as number | null;
				if (v === null) list.push(null);
				else {
					const cents = Math.round(v * CENTS);
					if (cents === 0 && 1 / cents < 0) (negativeZero ??= new Set()).add(name);
					list.push(cents);
				}
			}
		} else for (let i = from; i < to; i++) list.push(all[i]);
		byColumn[name] = list;
	}
	if (negativeZero === null) return JSON.stringify(byColumn);
	const zeros = negativeZero;
	const parts = Object.entries(byColumn).map(([name, values]) => {
		const list = zeros.has(name) ? `[${(values as unknown[]).map((v) => (Object.is(v, -0) ? '-0.0' : JSON.stringify(v))).join(',')}]` : JSON.stringify(values);
		return `${JSON.stringify(name)}:${list}`;
	});
	return `{${parts.join(',')}}`;
}

const NEWLINE = 0x0a;
const DIGIT_ZERO = 0x30;

/**
 * Fills in the positions of `count` spool lines (as {@link encodeRows} made them), the first being
 * `first`, in place. Their bytes are then the lines as written.
 */
export function numberLines(lines: Uint8Array, count: number, first: number): void {
	let start = 0;
	for (let i = 0; i < count; i++) {
		let n = first + i;
		let at = start + LINE_HEAD.length - 2; // the last blank before the comma
		do {
			lines[at--] = DIGIT_ZERO + (n % 10);
			n = Math.floor(n / 10);
		} while (n > 0);
		start = lines.indexOf(NEWLINE, start + LINE_HEAD.length) + 1;
	}
}
