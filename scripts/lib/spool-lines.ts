/**
 * Contract rows → the writer's spool lines (newline-delimited JSON, read back by DuckDB with the
 * contract's column types: scripts/lib/parquet-write.ts). Checking and encoding are apart from the
 * writer, with no DuckDB here, so that an extractor worker thread can do both and hand the writer
 * UTF-8 bytes (transferred, not copied) instead of an object per row: the writer's thread is left to
 * number the lines and write them.
 *
 * A line begins `{"_seq":` and room for the number (blanks, which JSON allows before a value); the
 * writer fills in N ({@link numberLines}), counting the rows of the table in the order they were
 * appended — one pass over the bytes, no copy. A table whose amounts are what the file stores
 * (rounded to the cent, no -0, which JSON.stringify prints as 0) — once rows to round are replaced
 * by rounded copies — is one JSON.stringify call (V8's native fast path), encoded to UTF-8 as it is
 * and cut into lines at the byte level: cheaper than editing the string first (the edited string is
 * a rope V8 must flatten before encoding). DuckDB matches keys by name, so their order does not
 * matter. A table with a -0 is encoded row by row, column by column.
 */
import type { TableRows } from '../../src/lib/storage/rows';
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableName } from '../../src/lib/storage/schema';
import { checkRows } from '../../src/lib/storage/validate';

/** One table's rows of a batch: their spool lines, numbers not yet filled in, as UTF-8. */
export interface EncodedTable {
	lines: Uint8Array;
	rows: number;
}

/** A batch of rows (one document's, typically), checked and encoded: the tables that have rows. */
export type EncodedRows = { readonly encoded: true; tables: Partial<Record<TableName, EncodedTable>> };

export function isEncodedRows(rows: object): rows is EncodedRows {
	return (rows as Partial<EncodedRows>).encoded === true;
}

/** The buffers of `rows`, for postMessage's transfer list. */
export function transferables(rows: EncodedRows): ArrayBuffer[] {
	return Object.values(rows.tables).map((table) => table?.lines.buffer as ArrayBuffer);
}

/**
 * Checks every table of `rows` against the contract (throwing RowShapeError before encoding any, so
 * a bad row leaves nothing half-done), then encodes them. `firstIndex` numbers the rows in errors.
 */
export function encodeRows(rows: Partial<TableRows>, firstIndex: (table: TableName) => number = () => 0): EncodedRows {
	for (const table of TABLE_NAMES) checkRows(table, rows[table] ?? [], firstIndex(table));
	const out: EncodedRows = { encoded: true, tables: {} };
	for (const table of TABLE_NAMES) {
		const list = (rows[table] ?? []) as readonly object[];
		if (list.length === 0) continue;
		// A buffer of its own per table: the writer holds a table's lines until it flushes them, and
		// one buffer per document would keep every table's bytes alive as long as the slowest spool's.
		const piece = tablePiece(table, list);
		const lines = new Uint8Array(piece.size);
		piece.write(lines, 0);
		out.tables[table] = { lines, rows: list.length };
	}
	return out;
}

/** One table's spool lines ready to be written: their size, then the writing. */
interface TablePiece {
	rows: number;
	size: number;
	/** Writes the lines at `at`; returns where they end. */
	write(out: Uint8Array, at: number): number;
}

const DOUBLE_COLUMNS = new Map<TableName, readonly string[]>(
	TABLE_NAMES.map((name) => [name, TABLES[name].columns.filter((c) => c.type === 'DOUBLE').map((c) => c.name)])
);
const ENCODERS = new Map<TableName, (row: object) => string>(TABLE_NAMES.map((name) => [name, rowEncoder(TABLES[name].columns)]));

/** The spool's position column: sorts a document's rows into append order, never written to Parquet. */
export const SEQ_COLUMN = '_seq';
/** Digits kept for the position: any row count below 10^16. */
const SEQ_DIGITS = 16;
const LINE_HEAD = `{"${SEQ_COLUMN}":${' '.repeat(SEQ_DIGITS)},`;

/**
 * Checked rows → their spool lines, numbers blank. A row with an amount to round is replaced by a
 * rounded copy (same keys, same order), so that the table is still one JSON.stringify of them all;
 * only a table where rounding gives -0 (which JSON prints as 0) is encoded row by row.
 */
function tablePiece(table: TableName, rows: readonly object[]): TablePiece {
	const doubles = DOUBLE_COLUMNS.get(table) as readonly string[];
	let stored = rows;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as Record<string, unknown>;
		if (storesAsIs(row, doubles)) continue;
		const copy = roundedCopy(row, doubles);
		if (copy === null) return bytesPiece(rows.length, Buffer.from(rowByRowLines(table, rows, doubles), 'utf8'));
		if (stored === rows) stored = rows.slice();
		(stored as object[])[i] = copy;
	}
	return wholePiece(stored);
}

/** `row` with its amounts rounded to the cent, or null when one rounds to -0. */
function roundedCopy(row: Record<string, unknown>, doubles: readonly string[]): Record<string, unknown> | null {
	const copy = { ...row };
	for (let i = 0; i < doubles.length; i++) {
		const key = doubles[i] as string;
		const v = row[key] as number | null | undefined;
		if (v === null || v === undefined) continue;
		const rounded = Math.round(v * 100) / 100;
		if (Object.is(rounded, -0)) return null;
		copy[key] = rounded;
	}
	return copy;
}

/** Each row encoded on its own: as it is when it can be, else column by column ({@link rowEncoder}). */
function rowByRowLines(table: TableName, rows: readonly object[], doubles: readonly string[]): string {
	const encode = ENCODERS.get(table) as (row: object) => string;
	const bodies: string[] = new Array(rows.length);
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i] as Record<string, unknown>;
		// a row's JSON without its opening brace, which LINE_HEAD holds
		bodies[i] = storesAsIs(row, doubles) ? JSON.stringify(row).slice(1) : encode(row).slice(1, -1);
	}
	return `${LINE_HEAD}${bodies.join(`\n${LINE_HEAD}`)}\n`;
}

/** Lines already encoded, to be copied as they are. */
function bytesPiece(rows: number, lines: Uint8Array): TablePiece {
	return { rows, size: lines.length, write: (out, at) => (out.set(lines, at), at + lines.length) };
}

const HEAD_BYTES = Buffer.from(LINE_HEAD, 'utf8');
const BETWEEN_ROWS = Buffer.from('},{"', 'utf8');

/**
 * Rows → spool lines from one JSON.stringify of them all, cut at the byte level: the array's
 * `},{"` are the boundaries between rows (rows are flat objects, so a `}` closes a row; inside a
 * string a `"` is always escaped, so `},{"` is never text). Each row's bytes between its braces
 * become a line: LINE_HEAD, the row's `"key":value,…}`, a line end.
 */
function wholePiece(rows: readonly object[]): TablePiece {
	const json = Buffer.from(JSON.stringify(rows), 'utf8'); // [{"…":…},{"…":…}]
	const n = rows.length;
	// per row: its `{` and `,` (or the `[`/`]`) go; LINE_HEAD and a line end come
	const size = json.length - 2 * n - 1 + n * (HEAD_BYTES.length + 1);
	return {
		rows: n,
		size,
		write(out, at) {
			let from = 2; // after `[{`
			for (let i = 0; i < n; i++) {
				const to = i === n - 1 ? json.length - 1 : json.indexOf(BETWEEN_ROWS, from) + 1; // after the row's `}`
				out.set(HEAD_BYTES, at);
				at += HEAD_BYTES.length;
				out.set(json.subarray(from, to), at);
				at += to - from;
				out[at++] = NEWLINE;
				from = to + 2; // past `,{`
			}
			return at;
		}
	};
}

const NEWLINE = 0x0a;
const DIGIT_ZERO = 0x30;

/**
 * Fills in the positions of `rows` spool lines (as {@link encodeRows} made them), the first being
 * `first`, in place. Their bytes are then the lines as written.
 */
export function numberLines(lines: Uint8Array, rows: number, first: number): void {
	let start = 0;
	for (let i = 0; i < rows; i++) {
		let n = first + i;
		let at = start + LINE_HEAD.length - 2; // the last blank before the comma
		do {
			lines[at--] = DIGIT_ZERO + (n % 10);
			n = Math.floor(n / 10);
		} while (n > 0);
		start = lines.indexOf(NEWLINE, start + LINE_HEAD.length) + 1;
	}
}

/** Whether every amount of `row` prints as it is stored: rounded to the cent already, and not -0. */
function storesAsIs(row: Record<string, unknown>, doubles: readonly string[]): boolean {
	for (let i = 0; i < doubles.length; i++) {
		const v = row[doubles[i] as string] as number | null;
		if (v === null) continue;
		if (v === 0 ? 1 / v < 0 : Math.round(v * 100) / 100 !== v) return false;
	}
	return true;
}

/**
 * A row → one JSON line with the contract's columns. DOUBLEs are rounded to 2 decimals (amounts are
 * 万元 to the cent; this also irons out float noise from sums). JS prints every finite number so
 * that it parses back to the same double; -0 is spelled out because JSON would print it as 0.
 */
export function rowEncoder(columns: readonly ColumnSpec[]): (row: object) => string {
	const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c.name)}:`);
	return (row) => {
		const record = row as Record<string, unknown>;
		let line = '';
		for (let i = 0; i < columns.length; i++) line += keys[i] + encodeValue(columns[i] as ColumnSpec, record[(columns[i] as ColumnSpec).name]);
		return `${line}}\n`;
	};
}

function encodeValue(column: ColumnSpec, value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (column.type === 'VARCHAR' || column.type === 'VARCHAR[]') return JSON.stringify(value);
	if (column.type !== 'DOUBLE') return String(value);
	const rounded = Math.round((value as number) * 100) / 100;
	return Object.is(rounded, -0) ? '-0.0' : String(rounded);
}
