/**
 * Parquet → typed columns → Arrow IPC: the pure half of the browser loader, run in Node.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { toArrowIpc, toArrowTable } from '../../../src/lib/db/arrow';
import { createTableSql } from '../../../src/lib/db/ddl';
import { decodeParquet } from '../../../src/lib/db/parquet';
import { TABLES } from '../../../src/lib/storage/schema';
import { selectToParquet } from '../../helpers/fixtures';

let dir: string;
const bytesOf = async (file: string) => {
	const b = await readFile(path.join(dir, file));
	return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

const DOCS = `SELECT * FROM (VALUES
	('d1', 'x.txt', '九龙坡区', '重庆市九龙坡区政务服务管理办公室', 2021::INTEGER, 'final', 'T1', '政务服务管理办公室', 'spaces', 'district', 'text', NULL::INTEGER),
	('d2', 'y.pdf', '北碚区', '重庆市北碚区X', 2023::INTEGER, 'budget', 'T2', NULL, NULL, NULL, 'pdf', 14::INTEGER)
) t(doc_id, source_file, district, department, year, kind, title, department_kind, layout, level, source_format, pages)`;

beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-parquet-'));
	for (const codec of ['zstd', 'snappy', 'uncompressed'] as const) await selectToParquet(DOCS, path.join(dir, `docs-${codec}.parquet`), codec);
	// year as BIGINT, an extra column, and the columns in another order
	await selectToParquet(`SELECT layout, 'extra' AS extra, pages::BIGINT AS pages, doc_id, source_file, district, department, year::BIGINT AS year, kind, title, department_kind, source_format, level FROM (${DOCS})`, path.join(dir, 'docs-bigint.parquet'));
	await selectToParquet(`SELECT doc_id, district FROM (${DOCS})`, path.join(dir, 'docs-missing.parquet'));
	await selectToParquet(`SELECT * REPLACE (CAST(year AS VARCHAR) AS year) FROM (${DOCS})`, path.join(dir, 'docs-year-text.parquet'));
	await selectToParquet(`SELECT * REPLACE (year + 0.5 AS year) FROM (${DOCS})`, path.join(dir, 'docs-year-fraction.parquet'));
	await selectToParquet(`SELECT * FROM (${DOCS}) WHERE false`, path.join(dir, 'docs-empty.parquet'));
	await selectToParquet(
		`SELECT 'd1' AS doc_id, 'r' AS rule, 1.5::DOUBLE AS expected, NULL::DOUBLE AS actual, false AS ok, NULL::VARCHAR AS detail, 7::INTEGER AS source_line, 3::INTEGER AS source_page, 'a.pdf' AS source_file`,
		path.join(dir, 'checks.parquet')
	);
}, 60_000);

describe('decodeParquet', () => {
	it.each(['zstd', 'snappy', 'uncompressed'])('decodes %s pages to contract-typed columns', async (codec) => {
		const t = await decodeParquet(await bytesOf(`docs-${codec}.parquet`), TABLES.documents);
		expect(t.rowCount).toBe(2);
		expect(t.columns.year).toEqual([2021, 2023]);
		expect(t.columns.district).toEqual(['九龙坡区', '北碚区']);
		expect(t.columns.department_kind).toEqual(['政务服务管理办公室', null]);
		expect(t.columns.level).toEqual(['district', null]);
		expect(t.columns.source_format).toEqual(['text', 'pdf']);
		expect(t.columns.pages).toEqual([null, 14]);
	});

	it('turns BIGINT integers into numbers, ignores extra columns and follows contract order', async () => {
		const t = await decodeParquet(await bytesOf('docs-bigint.parquet'), TABLES.documents);
		expect(t.columns.year).toEqual([2021, 2023]);
		expect(t.columns.pages).toEqual([null, 14]);
		expect(Object.keys(t.columns)).toEqual(TABLES.documents.columns.map((c) => c.name));
	});

	it('names the file and the missing columns', async () => {
		await expect(decodeParquet(await bytesOf('docs-missing.parquet'), TABLES.documents)).rejects.toThrow(
			'loader: documents.parquet lacks column(s) source_file, department, year, kind, title, department_kind, layout, level, source_format, pages'
		);
	});

	it('refuses a value of the wrong type, naming row and column', async () => {
		await expect(decodeParquet(await bytesOf('docs-year-text.parquet'), TABLES.documents)).rejects.toThrow(/row 1 column year: 2021 is not INTEGER/);
		await expect(decodeParquet(await bytesOf('docs-year-fraction.parquet'), TABLES.documents)).rejects.toThrow(/column year: 2021.5 is not INTEGER/);
	});

	it('decodes an empty file to zero rows', async () => {
		const t = await decodeParquet(await bytesOf('docs-empty.parquet'), TABLES.documents);
		expect(t.rowCount).toBe(0);
		expect(t.columns.year).toEqual([]);
	});

	it('keeps booleans and NULL doubles', async () => {
		const t = await decodeParquet(await bytesOf('checks.parquet'), TABLES.checks);
		expect(t.columns.ok).toEqual([false]);
		expect(t.columns.actual).toEqual([null]);
		expect(t.columns.source_line).toEqual([7]);
		expect(t.columns.source_page).toEqual([3]);
		expect(t.columns.source_file).toEqual(['a.pdf']);
	});
});

describe('Arrow conversion', () => {
	it('types columns as the contract says and survives an IPC round trip', async () => {
		const decoded = await decodeParquet(await bytesOf('docs-zstd.parquet'), TABLES.documents);
		const table = toArrowTable(decoded);
		expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
			'doc_id:Utf8', 'source_file:Utf8', 'district:Utf8', 'department:Utf8', 'year:Int32', 'kind:Utf8', 'title:Utf8', 'department_kind:Utf8', 'layout:Utf8',
			'level:Utf8', 'source_format:Utf8', 'pages:Int32'
		]);
		const back = tableFromIPC(toArrowIpc(decoded));
		expect(back.numRows).toBe(2);
		expect(back.getChild('year')?.toArray()).toEqual(new Int32Array([2021, 2023]));
		expect(back.getChild('layout')?.get(1)).toBeNull();
		expect(back.getChild('pages')?.get(0)).toBeNull();
		expect(back.getChild('pages')?.get(1)).toBe(14);
	});

	it('maps BOOLEAN and DOUBLE', async () => {
		const table = toArrowTable(await decodeParquet(await bytesOf('checks.parquet'), TABLES.checks));
		expect(String(table.schema.fields.find((f) => f.name === 'ok')?.type)).toBe('Bool');
		expect(String(table.schema.fields.find((f) => f.name === 'expected')?.type)).toBe('Float64');
	});
});

describe('createTableSql', () => {
	it('declares every contract column with its type, quoted', () => {
		expect(createTableSql(TABLES.three_public).sql).toBe(
			'CREATE OR REPLACE TABLE "three_public" ("doc_id" VARCHAR, "item" VARCHAR, "budget" DOUBLE, "actual" DOUBLE, "source_line" INTEGER, "source_page" INTEGER, "source_file" VARCHAR)'
		);
	});
});
