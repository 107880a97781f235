/**
 * Parquet → Arrow, columnar: the pure half of the browser loader, run in Node. The decoder reads a
 * row group at a time into typed columns and builds Arrow buffers directly; these tests pin it to
 * the contract types and to what the previous row-by-row decoder (legacy-decode.ts) produced.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataType, tableFromIPC, type RecordBatch, type Vector } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { toArrowIpc, toRecordBatch } from '../../../src/lib/db/arrow';
import { createTableSql } from '../../../src/lib/db/ddl';
import { parquetToIpc } from '../../../src/lib/db/decode';
import { openParquet, readParquetBatches } from '../../../src/lib/db/parquet';
import { TABLES, TABLE_NAMES, type TableSpec } from '../../../src/lib/storage/schema';
import { extractedDataDir } from '../../helpers/extracted-data';
import { selectToParquet } from '../../helpers/fixtures';
import { decodeParquet as legacyDecode, toArrowTable as legacyArrow } from './legacy-decode';

let dir: string;
const bytesIn = async (folder: string, file: string) => {
	const b = await readFile(path.join(folder, file));
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const bytesOf = (file: string) => bytesIn(dir, file);

/** Every row group of a file as record batches. */
async function batchesOf(bytes: ArrayBuffer, spec: TableSpec): Promise<RecordBatch[]> {
	const out: RecordBatch[] = [];
	for await (const raw of readParquetBatches(bytes, spec)) out.push(toRecordBatch(raw));
	return out;
}

/** The batches' values as one plain array per column (what DuckDB would read). */
function columnsOf(batches: RecordBatch[], spec: TableSpec): Record<string, unknown[]> {
	const out: Record<string, unknown[]> = Object.fromEntries(spec.columns.map((c) => [c.name, []]));
	for (const b of batches) for (const c of spec.columns) out[c.name]!.push(...valuesOf(b.getChild(c.name)!));
	return out;
}

const valuesOf = (v: Vector) => Array.from({ length: v.length }, (_, i) => v.get(i) as unknown);

/** The type DuckDB sees: a dictionary's value type, else the type itself. */
const logicalType = (t: DataType) => String(DataType.isDictionary(t) ? t.dictionary : t);

async function decodeAll(file: string, spec: TableSpec) {
	const batches = await batchesOf(await bytesOf(file), spec);
	return { rowCount: batches.reduce((n, b) => n + b.numRows, 0), columns: columnsOf(batches, spec), batches };
}

const DOCS = `SELECT * FROM (VALUES
	('d1', 'x.txt', '九龙坡区', '重庆市九龙坡区政务服务管理办公室', 2021::INTEGER, 'final', 'T1', '政务服务管理办公室', 'spaces', 'district', 'text', NULL::INTEGER),
	('d2', 'y.pdf', '北碚区', '重庆市北碚区X', 2023::INTEGER, 'budget', 'T2', NULL, NULL, NULL, 'pdf', 14::INTEGER)
) t(doc_id, source_file, district, department, year, kind, title, department_kind, layout, level, source_format, pages)`;

/** 5,000 rows over 3 row groups of ≤ 2,048 (DuckDB's smallest): repeated and unique strings, NULLs, extreme values. */
const MANY = `SELECT 'doc' || (i % 7) AS doc_id, 'r' || (i % 3) AS rule,
	CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.25 END AS expected,
	CASE WHEN i = 1 THEN 1e300 WHEN i = 2 THEN -0.0 ELSE i END::DOUBLE AS actual,
	CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS ok,
	CASE WHEN i % 9 = 0 THEN NULL ELSE '第' || i || '行 ' || repeat('核对', i % 4) END AS detail,
	CASE WHEN i = 3 THEN 2147483647 WHEN i = 4 THEN -2147483647 WHEN i % 6 = 0 THEN NULL ELSE i END::INTEGER AS source_line,
	NULL::INTEGER AS source_page, CASE WHEN i % 2 = 0 THEN '' ELSE 'a.pdf' END AS source_file
FROM range(5000) r(i)`;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-parquet-'));
	for (const codec of ['zstd', 'snappy', 'uncompressed'] as const) await selectToParquet(DOCS, path.join(dir, `docs-${codec}.parquet`), codec);
	// year as BIGINT, an extra column, and the columns in another order
	await selectToParquet(`SELECT layout, 'extra' AS extra, pages::BIGINT AS pages, doc_id, source_file, district, department, year::BIGINT AS year, kind, title, department_kind, source_format, level FROM (${DOCS})`, path.join(dir, 'docs-bigint.parquet'));
	await selectToParquet(`SELECT doc_id, district FROM (${DOCS})`, path.join(dir, 'docs-missing.parquet'));
	await selectToParquet(`SELECT * REPLACE (CAST(year AS VARCHAR) AS year) FROM (${DOCS})`, path.join(dir, 'docs-year-text.parquet'));
	await selectToParquet(`SELECT * REPLACE (year + 0.5 AS year) FROM (${DOCS})`, path.join(dir, 'docs-year-fraction.parquet'));
	await selectToParquet(`SELECT * REPLACE (year::BIGINT * 10000000 AS year) FROM (${DOCS})`, path.join(dir, 'docs-year-huge.parquet'));
	await selectToParquet(`SELECT * REPLACE (year AS district) FROM (${DOCS})`, path.join(dir, 'docs-district-int.parquet'));
	await selectToParquet(`SELECT * FROM (${DOCS}) WHERE false`, path.join(dir, 'docs-empty.parquet'));
	await selectToParquet(
		`SELECT 'd1' AS doc_id, 'r' AS rule, 1.5::DOUBLE AS expected, NULL::DOUBLE AS actual, false AS ok, NULL::VARCHAR AS detail, 7::INTEGER AS source_line, 3::INTEGER AS source_page, 'a.pdf' AS source_file`,
		path.join(dir, 'checks.parquet')
	);
	await selectToParquet(`${MANY}`, path.join(dir, 'many.parquet'), 'zstd', 2048);
	await selectToParquet(`SELECT * REPLACE (CASE WHEN i >= 3777 THEN 'x' || i END AS source_line) FROM (SELECT *, row_number() OVER () - 1 AS i FROM (${MANY}))`, path.join(dir, 'many-bad.parquet'), 'zstd', 2048);
}, 60_000);

describe('columnar decode', () => {
	it.each(['zstd', 'snappy', 'uncompressed'])('decodes %s pages to contract-typed columns', async (codec) => {
		const t = await decodeAll(`docs-${codec}.parquet`, TABLES.documents);
		expect(t.rowCount).toBe(2);
		expect(t.columns.year).toEqual([2021, 2023]);
		expect(t.columns.district).toEqual(['九龙坡区', '北碚区']);
		expect(t.columns.department_kind).toEqual(['政务服务管理办公室', null]);
		expect(t.columns.level).toEqual(['district', null]);
		expect(t.columns.source_format).toEqual(['text', 'pdf']);
		expect(t.columns.pages).toEqual([null, 14]);
	});

	it('turns BIGINT integers into Int32, ignores extra columns and follows contract order', async () => {
		const t = await decodeAll('docs-bigint.parquet', TABLES.documents);
		expect(t.columns.year).toEqual([2021, 2023]);
		expect(t.columns.pages).toEqual([null, 14]);
		expect(t.batches[0]!.schema.fields.map((f) => f.name)).toEqual(TABLES.documents.columns.map((c) => c.name));
		expect(String(t.batches[0]!.schema.fields.find((f) => f.name === 'year')!.type)).toBe('Int32');
	});

	it('names the file and the missing columns', async () => {
		expect(() => openParquet(new ArrayBuffer(0), TABLES.documents)).toThrow();
		await expect(decodeAll('docs-missing.parquet', TABLES.documents)).rejects.toThrow(
			'loader: documents.parquet lacks column(s) source_file, department, year, kind, title, department_kind, layout, level, source_format, pages'
		);
	});

	it('refuses a value of the wrong type, naming row and column', async () => {
		await expect(decodeAll('docs-year-text.parquet', TABLES.documents)).rejects.toThrow(/documents\.parquet row 1 column year: 2021 is not INTEGER/);
		await expect(decodeAll('docs-year-fraction.parquet', TABLES.documents)).rejects.toThrow(/column year: 2021.5 is not INTEGER/);
		await expect(decodeAll('docs-year-huge.parquet', TABLES.documents)).rejects.toThrow(/column year: 20210000000 is not INTEGER/);
		await expect(decodeAll('docs-district-int.parquet', TABLES.documents)).rejects.toThrow(/row 1 column district: 2021 is not VARCHAR/);
	});

	it('counts rows across row groups in its errors', async () => {
		await expect(decodeAll('many-bad.parquet', TABLES.checks)).rejects.toThrow(/checks\.parquet row 3778 column source_line: x3777 is not INTEGER/);
	});

	it('decodes an empty file to no batch at all', async () => {
		const t = await decodeAll('docs-empty.parquet', TABLES.documents);
		expect(t.rowCount).toBe(0);
		expect(t.batches).toEqual([]);
	});

	it('keeps booleans and NULL doubles', async () => {
		const t = await decodeAll('checks.parquet', TABLES.checks);
		expect(t.columns.ok).toEqual([false]);
		expect(t.columns.actual).toEqual([null]);
		expect(t.columns.source_line).toEqual([7]);
		expect(t.columns.source_page).toEqual([3]);
		expect(t.columns.source_file).toEqual(['a.pdf']);
	});

	it('reads one batch per row group, each equal to the old decoder’s rows', async () => {
		const bytes = await bytesOf('many.parquet');
		expect(openParquet(bytes, TABLES.checks).rowGroups).toEqual([{ start: 0, end: 2048 }, { start: 2048, end: 4096 }, { start: 4096, end: 5000 }]);
		const batches = await batchesOf(bytes, TABLES.checks);
		expect(batches.map((b) => b.numRows)).toEqual([2048, 2048, 904]);
		const old = await legacyDecode(bytes, TABLES.checks);
		expect(columnsOf(batches, TABLES.checks)).toEqual(old.columns);
		// repeated strings are dictionary-encoded, unique ones plain Utf8; both are VARCHAR to DuckDB
		const types = Object.fromEntries(batches[0]!.schema.fields.map((f) => [f.name, String(f.type)]));
		expect(types.doc_id).toMatch(/^Dictionary<Int32, Utf8>$/);
		expect(types.detail).toBe('Utf8');
		expect(types.source_line).toBe('Int32');
		expect(types.ok).toBe('Bool');
	});
});

describe('the same table content as the old row-by-row decoder, over the extracted seeds', () => {
	let seeds: string;
	beforeAll(async () => {
		seeds = await extractedDataDir();
	}, 120_000);

	it.each(TABLE_NAMES)('%s: values, NULLs and types', async (name) => {
		const spec = TABLES[name];
		const bytes = await bytesIn(seeds, spec.file);
		const old = legacyArrow(await legacyDecode(bytes, spec));
		const batches = await batchesOf(bytes, spec);
		expect(batches.reduce((n, b) => n + b.numRows, 0)).toBe(old.numRows);
		expect(old.numRows).toBeGreaterThan(0);
		for (const col of spec.columns) {
			const oldCol = old.getChild(col.name)!;
			const newValues = batches.flatMap((b) => valuesOf(b.getChild(col.name)!));
			expect(newValues, `${name}.${col.name}`).toEqual(valuesOf(oldCol));
			expect(newValues.filter((v) => v === null).length, `${name}.${col.name} NULLs`).toBe(oldCol.nullCount);
			for (const b of batches) expect(logicalType(b.schema.fields.find((f) => f.name === col.name)!.type)).toBe(String(oldCol.type));
		}
	});
});

describe('Arrow IPC', () => {
	it('types columns as the contract says and survives an IPC round trip', async () => {
		const [batch] = (await decodeAll('docs-zstd.parquet', TABLES.documents)).batches;
		expect(batch!.schema.fields.map((f) => `${f.name}:${logicalType(f.type)}`)).toEqual([
			'doc_id:Utf8', 'source_file:Utf8', 'district:Utf8', 'department:Utf8', 'year:Int32', 'kind:Utf8', 'title:Utf8', 'department_kind:Utf8', 'layout:Utf8',
			'level:Utf8', 'source_format:Utf8', 'pages:Int32'
		]);
		const back = tableFromIPC(toArrowIpc(batch!));
		expect(back.numRows).toBe(2);
		expect(back.getChild('year')?.toArray()).toEqual(new Int32Array([2021, 2023]));
		expect(back.getChild('district')?.get(1)).toBe('北碚区');
		expect(back.getChild('layout')?.get(1)).toBeNull();
		expect(back.getChild('pages')?.get(0)).toBeNull();
		expect(back.getChild('pages')?.get(1)).toBe(14);
	});

	it('streams a file as one IPC stream per row group', async () => {
		const streams = [];
		for await (const b of parquetToIpc(await bytesOf('many.parquet'), TABLES.checks)) streams.push(b);
		expect(streams.map((s) => s.rows)).toEqual([2048, 2048, 904]);
		const back = streams.map((s) => tableFromIPC(s.ipc));
		expect(back.map((t) => t.numRows)).toEqual([2048, 2048, 904]);
		expect(back[2]!.getChild('detail')?.get(1)).toBe('第4097行 核对');
		expect(back[1]!.getChild('doc_id')?.get(1)).toBe('doc5'); // i = 2049
	});
});

describe('createTableSql', () => {
	it('declares every contract column with its type, quoted', () => {
		expect(createTableSql(TABLES.three_public).sql).toBe(
			'CREATE OR REPLACE TABLE "three_public" ("doc_id" VARCHAR, "item" VARCHAR, "budget" DOUBLE, "actual" DOUBLE, "source_line" INTEGER, "source_page" INTEGER, "source_file" VARCHAR)'
		);
	});
});
