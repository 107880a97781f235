/**
 * Queries sent before the data are in: each waits for the tables it reads (`tablesRead`), and the
 * database file brings them all at once — a query sent while the file is on its way is answered
 * once it is attached, exactly as native DuckDB answers it; a failure reaches every waiting query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { VIEW_TABLES } from '../../../src/lib/db/corpus-file';
import { TableGate } from '../../../src/lib/db/gate';
import { coverageQuery, functionTreeQuery, kpiQuery, trendsQuery } from '../../../src/lib/queries';
import { tablesRead } from '../../../src/lib/queries/tables';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { startLoadingWasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { canonicalRows } from './canonical';
import { filterSets, viewQueries } from './view-queries';

/** What a promise has come to by the time the event loop has turned a few times. */
async function settledSoon<T>(p: Promise<T>, ms = 300): Promise<'pending' | 'resolved' | 'rejected'> {
	const timeout = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), ms));
	return Promise.race([p.then(() => 'resolved' as const, () => 'rejected' as const), timeout]);
}

describe('tablesRead', () => {
	it('names what the overview reads: documents and the pre-aggregated figures, no detail table', () => {
		for (const q of [kpiQuery(EMPTY_FILTERS), trendsQuery(EMPTY_FILTERS), coverageQuery(EMPTY_FILTERS)]) {
			const read = tablesRead(q);
			expect(read.length).toBeGreaterThan(0);
			for (const t of read) expect(['documents', 'document_figures']).toContain(t);
		}
		expect(tablesRead(kpiQuery(EMPTY_FILTERS))).toEqual(['document_figures']);
	});

	it('names the detail tables a query joins, and a code filter’s function_expenditure', () => {
		expect(tablesRead(functionTreeQuery(EMPTY_FILTERS)).sort()).toEqual(['code_names', 'document_figures', 'function_expenditure']);
		expect(tablesRead(kpiQuery({ ...EMPTY_FILTERS, code: '201' }))).toContain('function_expenditure');
	});

	it('never names a table the browser does not load, for any view query', () => {
		for (const filters of Object.values(filterSets({ districts: ['x'], years: [2023, 2024], departments: ['y'], codes: ['201', '20101'] }))) {
			for (const [name, q] of Object.entries(viewQueries(filters))) {
				const read = tablesRead(q);
				expect(read.length, name).toBeGreaterThan(0);
				for (const t of read) expect(VIEW_TABLES, `${name} reads ${t}`).toContain(t);
			}
		}
	});
});

describe('TableGate', () => {
	it('resolves a wait once every named table is marked, and fails the waits left when loading fails', async () => {
		const gate = new TableGate();
		const both = gate.whenLoaded(['documents', 'summary']);
		gate.mark('documents');
		expect(await settledSoon(both, 20)).toBe('pending');
		gate.mark('summary');
		expect(await settledSoon(both, 20)).toBe('resolved');
		const detail = gate.whenLoaded(['function_expenditure']);
		gate.fail(new Error('loader: GET function_expenditure.parquet → 404'));
		await expect(detail).rejects.toThrow('404');
		await expect(gate.whenLoaded(['documents'])).resolves.toBeUndefined();
	});
});

describe('queries sent while the database file is on its way', () => {
	let dir: string;
	let native: NodeDb;

	beforeAll(async () => {
		dir = await extractedDataDir();
		native = await openNodeDb(dir);
	}, 120_000);
	afterAll(() => native?.close());

	it('wait for the file, then answer as native DuckDB does', async () => {
		const db = await startLoadingWasmNodeDb(dir, VIEW_TABLES);
		const queries = [kpiQuery(EMPTY_FILTERS), trendsQuery(EMPTY_FILTERS), functionTreeQuery(EMPTY_FILTERS), kpiQuery({ ...EMPTY_FILTERS, code: '201' })];
		const pending = queries.map((q) => db.runner.query<Record<string, unknown>>(q));
		for (const p of pending) expect(await settledSoon(p, 50)).toBe('pending');
		expect(db.gate.has(['documents'])).toBe(false);

		db.release();
		for (const [i, q] of queries.entries()) expect(canonicalRows(await pending[i]!)).toEqual(canonicalRows(await native.client.query(q)));
		const report = await db.loaded;
		for (const t of VIEW_TABLES) expect(report[t], t).toBeGreaterThan(0);
		expect([...db.gate.loaded].sort()).toEqual([...VIEW_TABLES].sort());
	}, 120_000);
});
