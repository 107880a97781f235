/**
 * The document reader: one document's rows from Parquet files written by the project's writer,
 * fetching the footer and only the row groups that hold the document.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AsyncBuffer } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeParquetTables } from '../../../scripts/lib/parquet-write';
import { candidateRowGroups, compareCodePoints, readDocument, readDocumentRows } from '../../../src/lib/storage/document-reader';
import type { RowOf, TableRows } from '../../../src/lib/storage/rows';
import { TABLES, type TableName } from '../../../src/lib/storage/schema';

const DOCS = 24;
const CHECKS_PER_DOC = 600; // 14,400 rows: eight row groups of 2,048, documents straddling their edges
const id = (i: number) => `doc-${String(i).padStart(2, '0')}`;

function documentRow(i: number): RowOf<'documents'> {
	return {
		doc_id: id(i), source_file: `f${i}.txt + t${i}.txt`, district: '某区', department: `部门${i}`, year: 2020 + (i % 5), kind: i % 2 ? 'final' : 'budget',
		title: `文件 ${i}`, department_kind: `部门${i}`, layout: 'tabs', level: 'district', source_format: 'pdf', pages: 10 + i
	};
}

function checkRow(i: number, k: number): RowOf<'checks'> {
	// varied text so that the groups do not compress to nothing
	return {
		doc_id: id(i), rule: `function.row_sum:${2010000 + k}`, expected: i * 1000 + k / 100, actual: k % 7 === 0 ? null : i * 1000 + k / 100,
		ok: k % 13 !== 0, detail: `第 ${k} 行 ${(i * 7919 + k * 104729).toString(36)} 核对`, source_line: k % 11 === 0 ? null : k + 1,
		source_page: k % 3 === 0 ? null : 1 + (k % 9), source_file: k % 5 === 0 ? `t${i}.txt` : `f${i}.txt`
	};
}

let dir: string;
let bytes: Record<string, Buffer>;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'bl-docreader-'));
	// appended out of doc_id order, one document at a time as the extractor does
	const order = Array.from({ length: DOCS }, (_, i) => (i * 7) % DOCS); // 7 is prime to 24: a permutation
	const rows: Partial<TableRows> = { documents: [], checks: [], three_public: [] };
	for (const i of order) {
		rows.documents?.push(documentRow(i));
		for (let k = 0; k < CHECKS_PER_DOC; k++) rows.checks?.push(checkRow(i, k));
		if (i !== 4) rows.three_public?.push({ doc_id: id(i), item: 'total', budget: i, actual: null, source_line: 5, source_page: 2, source_file: `f${i}.txt` });
	}
	await writeParquetTables(dir, rows, { rowGroupRows: 2048 });
	bytes = Object.fromEntries(['documents', 'checks', 'three_public', 'summary'].map((t) => [t, readFileSync(join(dir, TABLES[t as TableName].file))]));
}, 60_000);

/** An AsyncBuffer over a file's bytes that records every slice asked for. */
function counting(buf: Buffer): AsyncBuffer & { slices: [number, number][] } {
	const slices: [number, number][] = [];
	return {
		byteLength: buf.byteLength,
		slices,
		slice(start: number, end = buf.byteLength) {
			slices.push([start, end]);
			return buf.buffer.slice(buf.byteOffset + start, buf.byteOffset + end) as ArrayBuffer;
		}
	};
}

async function duck<T>(run: (q: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		return await run(async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[]);
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

const path = (table: TableName) => join(dir, TABLES[table].file).replace(/'/g, "''");

/** What native DuckDB returns for the document, in file order. */
function nativeRows(table: TableName, docId: string) {
	return duck((q) => q(`SELECT * FROM read_parquet('${path(table)}', file_row_number = true) WHERE doc_id = '${docId}' ORDER BY file_row_number`)).then((rows) =>
		rows.map((r) => Object.fromEntries(TABLES[table].columns.map((c) => [c.name, r[c.name]])))
	);
}

/** Byte span of each row group ([first chunk's first page, last chunk's end)) and the groups holding `docId`, from DuckDB. */
async function groupsOf(table: TableName, docId: string): Promise<{ spans: [number, number][]; holding: number[] }> {
	return duck(async (q) => {
		const chunks = await q(`SELECT row_group_id AS g, row_group_num_rows AS n, coalesce(dictionary_page_offset, data_page_offset) AS s, total_compressed_size AS z FROM parquet_metadata('${path(table)}')`);
		const spans: [number, number][] = [];
		const rowsIn: number[] = [];
		for (const c of chunks) {
			const g = Number(c.g);
			const [s, e] = [Number(c.s), Number(c.s) + Number(c.z)];
			spans[g] = spans[g] ? [Math.min(spans[g][0], s), Math.max(spans[g][1], e)] : [s, e];
			rowsIn[g] = Number(c.n);
		}
		const numbers = (await q(`SELECT file_row_number AS r FROM read_parquet('${path(table)}', file_row_number = true) WHERE doc_id = '${docId}'`)).map((r) => Number(r.r));
		const groupOfRow = (r: number) => {
			let at = 0;
			for (let g = 0; g < rowsIn.length; g++) if (r < (at += rowsIn[g] as number)) return g;
			return -1;
		};
		return { spans, holding: [...new Set(numbers.map(groupOfRow))].sort((a, b) => a - b) };
	});
}

/** Slices outside the footer (metadata + 8 bytes at the end), i.e. the data the reader fetched. */
function dataSlices(buf: Buffer, slices: [number, number][]): [number, number][] {
	const footerStart = buf.byteLength - 8 - buf.readUInt32LE(buf.byteLength - 8);
	return slices.filter(([s]) => s < footerStart);
}

describe('the writer lays each table out for the reader', () => {
	it('orders rows by doc_id, a document’s rows in the order they were appended, in row groups of 2,048', async () => {
		const { spans } = await groupsOf('checks', id(0));
		expect(spans).toHaveLength(Math.ceil((DOCS * CHECKS_PER_DOC) / 2048));
		const ids = await duck((q) => q(`SELECT doc_id, detail FROM read_parquet('${path('checks')}')`));
		const expected = Array.from({ length: DOCS }, (_, i) => Array.from({ length: CHECKS_PER_DOC }, (_, k) => ({ doc_id: id(i), detail: checkRow(i, k).detail }))).flat();
		expect(ids).toEqual(expected);
	});
});

describe('readDocumentRows', () => {
	it('returns what native DuckDB returns for the doc_id, fetching only the footer and the row groups holding it', async () => {
		// doc-03 is rows 1,800–2,399: it straddles groups 0 and 1; doc-05 (3,000–3,599) lies in group 1
		for (const docId of [id(3), id(5), id(23)]) {
			const file = counting(bytes.checks as Buffer);
			const rows = await readDocumentRows('checks', file, docId, { footerGuess: 8 });
			expect(rows).toHaveLength(CHECKS_PER_DOC);
			expect(rows).toEqual(await nativeRows('checks', docId));
			const { spans, holding } = await groupsOf('checks', docId);
			const data = dataSlices(bytes.checks as Buffer, file.slices);
			expect(data.length).toBeGreaterThan(0);
			// every byte fetched lies in a group that holds the document, and each such group was fetched
			for (const [s, e] of data) expect(holding.some((g) => s >= (spans[g] as [number, number])[0] && e <= (spans[g] as [number, number])[1])).toBe(true);
			for (const g of holding) expect(data.some(([s, e]) => s < (spans[g] as [number, number])[1] && e > (spans[g] as [number, number])[0])).toBe(true);
			const fetched = data.reduce((n, [s, e]) => n + e - s, 0);
			expect(fetched).toBeLessThanOrEqual(holding.reduce((n, g) => n + (spans[g] as [number, number])[1] - (spans[g] as [number, number])[0], 0));
			// one or two of eight groups: a fraction of the file
			expect(holding.length).toBeLessThanOrEqual(2);
			expect(fetched).toBeLessThan((bytes.checks as Buffer).byteLength * 0.3);
		}
	});

	it('reads the typed row of a small table (numbers, NULLs, text) as DuckDB does', async () => {
		const file = counting(bytes.documents as Buffer);
		const rows = await readDocumentRows('documents', file, id(6));
		expect(rows).toEqual([documentRow(6)]);
		// a file smaller than the footer guess is fetched once, whole; its row group comes from that
		expect(file.slices).toEqual([[0, (bytes.documents as Buffer).byteLength]]);
		expect(await readDocumentRows('three_public', counting(bytes.three_public as Buffer), id(6))).toEqual(await nativeRows('three_public', id(6)));
	});

	it('returns no rows for an unknown id, and fetches no row group when the statistics rule it out', async () => {
		for (const docId of ['doc-99', 'a', 'doc-05x', 'doc-\u{20000}']) {
			const file = counting(bytes.checks as Buffer);
			expect(await readDocumentRows('checks', file, docId, { footerGuess: 8 })).toEqual([]);
			if (docId !== 'doc-05x') expect(dataSlices(bytes.checks as Buffer, file.slices)).toEqual([]);
		}
		// a document with no rows in a table it is otherwise in the range of
		expect(await readDocumentRows('three_public', counting(bytes.three_public as Buffer), id(4))).toEqual([]);
		// an empty table
		expect(await readDocumentRows('summary', counting(bytes.summary as Buffer), id(4))).toEqual([]);
	});
});

describe('readDocument', () => {
	it('reads every table the page shows for the id, opening each contract file by name', async () => {
		const opened: string[] = [];
		const doc = await readDocument(id(8), async (file) => {
			opened.push(file);
			return counting(readFileSync(join(dir, file)));
		});
		expect(opened.sort()).toEqual(
			['documents', 'function_expenditure', 'economic_expenditure', 'economic_breakdown', 'three_public', 'summary', 'checks', 'diagnostics', 'narrative_figures']
				.map((t) => TABLES[t as TableName].file)
				.sort()
		);
		expect(doc?.documents).toEqual([documentRow(8)]);
		expect(doc?.checks).toHaveLength(CHECKS_PER_DOC);
		expect(doc?.function_expenditure).toEqual([]);
	});

	it('is null for an id the documents table does not have', async () => {
		expect(await readDocument('doc-99', async (file) => counting(readFileSync(join(dir, file))))).toBeNull();
	});
});

describe('candidateRowGroups / compareCodePoints', () => {
	const meta = (groups: { min?: string; max?: string; rows?: number; nulls?: number }[]) =>
		({
			row_groups: groups.map((g) => ({
				num_rows: BigInt(g.rows ?? 10),
				columns: [{ meta_data: { path_in_schema: ['doc_id'], statistics: { min_value: g.min, max_value: g.max, null_count: g.nulls === undefined ? undefined : BigInt(g.nulls) } } }]
			}))
		}) as unknown as Parameters<typeof candidateRowGroups>[0];

	it('keeps groups whose min/max enclose the id, and groups without statistics; skips all-NULL groups', () => {
		const m = meta([{ min: 'a', max: 'c' }, { min: 'c', max: 'e' }, {}, { min: 'f', max: 'g' }, { rows: 4, nulls: 4 }]);
		expect(candidateRowGroups(m, 'doc_id', 'c')).toEqual([0, 1, 2]);
		expect(candidateRowGroups(m, 'doc_id', 'd')).toEqual([1, 2]);
		expect(candidateRowGroups(m, 'doc_id', 'h')).toEqual([2]);
	});

	it('orders by code point as Parquet’s UTF-8 statistics do (not by UTF-16 unit)', () => {
		expect(compareCodePoints('\u{20000}', '\uffee')).toBeGreaterThan(0);
		expect('\u{20000}' < '\uffee').toBe(true);
		expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
		expect(compareCodePoints('abc', 'abc')).toBe(0);
	});
});
