/**
 * The pre-aggregated tables the extractor writes (document_figures.parquet, code_names.parquet)
 * hold exactly what the browser used to build in DuckDB-WASM after loading the contract tables —
 * on the seeds and on a generated corpus — with the columns and types schema.ts declares; and the
 * browser's loader reads them back unchanged (code_names' list column included).
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRE_AGGREGATES } from '../../../src/lib/db/derived';
import { writeParquetTables } from '../../../scripts/lib/parquet-write';
import type { RowOf } from '../../../src/lib/storage/rows';
import { PRE_AGGREGATED, PRE_AGGREGATED_NAMES, TABLE_NAMES } from '../../../src/lib/storage/schema';
import { openWasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { canonicalRows } from './canonical';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** A small generated corpus (text and web pages: PDFs would only slow the test), extracted. */
async function generatedDataDir(): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-preagg-'));
	const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
	await run(tsx, ['scripts/generate.ts', '--districts', '2', '--departments', '3', '--years', '3', '--pdf-share', '0', '--seed', '11', '--out', dir], { cwd: repoRoot });
	await run(tsx, ['scripts/extract.ts', '--in', path.join(dir, 'raw'), '--out', path.join(dir, 'data'), '--quiet', '--jobs', '0'], { cwd: repoRoot, maxBuffer: 16 << 20 });
	return path.join(dir, 'data');
}

/** The rows of every pre-aggregated table as the browser built them before: contract tables loaded, then the SQL run in DuckDB-WASM. */
async function builtInBrowser(dir: string): Promise<Record<string, Record<string, unknown>[]>> {
	const wasm = await openWasmNodeDb(dir, TABLE_NAMES); // the loader runs the place labels
	const out: Record<string, Record<string, unknown>[]> = {};
	for (const p of PRE_AGGREGATES) {
		await wasm.client.query(p.build());
		out[p.name] = await wasm.raw(`SELECT * FROM "${p.name}"`);
	}
	return out;
}

/** The pre-aggregated files as native DuckDB reads them, with their column types. */
async function readFiles(dir: string) {
	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const out: Record<string, { rows: Record<string, unknown>[]; types: string[][] }> = {};
		for (const name of PRE_AGGREGATED_NAMES) {
			const file = path.join(dir, PRE_AGGREGATED[name].file);
			const rows = (await conn.runAndReadAll('SELECT * FROM read_parquet(?)', [file] as DuckDBValue[])).getRowObjectsJS();
			const types = (await conn.runAndReadAll('DESCRIBE SELECT * FROM read_parquet(?)', [file] as DuckDBValue[])).getRowObjectsJS();
			out[name] = {
				rows: rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))),
				types: types.map((t) => [String(t.column_name), String(t.column_type)])
			};
		}
		return out;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

const corpora: Record<string, () => Promise<string>> = { seeds: extractedDataDir, generated: generatedDataDir };

describe.each(Object.keys(corpora))('the pre-aggregated Parquet of the %s', (corpus) => {
	let dir: string;
	let browser: Record<string, Record<string, unknown>[]>;
	let files: Awaited<ReturnType<typeof readFiles>>;

	beforeAll(async () => {
		dir = await corpora[corpus]!();
		[browser, files] = await Promise.all([builtInBrowser(dir), readFiles(dir)]);
	}, 240_000);

	it.each(PRE_AGGREGATED_NAMES)('%s equals what the in-browser SQL built', (name) => {
		expect(files[name]!.rows.length).toBeGreaterThan(0);
		expect(canonicalRows(files[name]!.rows)).toEqual(canonicalRows(browser[name]!));
	});

	it('holds one document_figures row per document, and the columns and types schema.ts declares', () => {
		const ids = files.document_figures!.rows.map((r) => r.doc_id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const name of PRE_AGGREGATED_NAMES) {
			expect(files[name]!.types, name).toEqual(PRE_AGGREGATED[name].columns.map((c) => [c.name, c.type]));
		}
	});

	it('is read back by the browser’s loader as written, aliases lists included', async () => {
		const wasm = await openWasmNodeDb(dir, PRE_AGGREGATED_NAMES);
		for (const name of PRE_AGGREGATED_NAMES) {
			expect(wasm.report[name], name).toBe(files[name]!.rows.length);
			expect(canonicalRows(await wasm.raw(`SELECT * FROM "${name}"`))).toEqual(canonicalRows(files[name]!.rows));
		}
	}, 60_000);
});

describe('code_names written at extraction', () => {
	it('keeps the other spellings of a code as its aliases, through the browser’s loader', async () => {
		const dir = await mkdtemp(path.join(tmpdir(), 'budget-lens-aliases-'));
		const row = (doc_id: string, name: string): RowOf<'function_expenditure'> => ({
			doc_id, code: '208', name, level: 1, parent_code: null, total: 1, basic: 1, project: 0,
			source_line: 1, source_page: null, source_file: `${doc_id}.txt`
		});
		await writeParquetTables(dir, {
			function_expenditure: [row('a', '社会保障和就业支出'), row('b', '社会保障和就业支出'), row('c', '社会保障与就业支出')]
		});
		const wasm = await openWasmNodeDb(dir, ['code_names']);
		expect(await wasm.raw(`SELECT scheme, code, name, aliases FROM code_names`)).toEqual([
			{ scheme: 'function', code: '208', name: '社会保障和就业支出', aliases: ['社会保障与就业支出'] }
		]);
	}, 60_000);
});
