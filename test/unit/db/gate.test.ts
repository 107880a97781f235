/**
 * Loading per view: the loader brings the small tables in first and each query runs as soon as the
 * tables it reads are in — the overview's queries answer while function_expenditure is held back,
 * a query reading it waits until it is released, and nothing runs against a table half loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { DETAIL_TABLES, FIRST_TABLES, VIEW_TABLES, decodeInThread, type IpcSource } from '../../../src/lib/db/load';
import { TableGate } from '../../../src/lib/db/gate';
import { coverageQuery, functionTreeQuery, kpiQuery, trendsQuery } from '../../../src/lib/queries';
import { tablesRead } from '../../../src/lib/queries/tables';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import type { TableSpec } from '../../../src/lib/storage/schema';
import { fetchFromDir, startLoadingWasmNodeDb } from '../../helpers/duckdb-wasm-node';
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
			for (const t of read) expect(FIRST_TABLES).toContain(t);
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

describe('the loader, with function_expenditure held back', () => {
	let dir: string;
	let native: NodeDb;
	let release: () => void;
	const consumed: string[] = [];

	beforeAll(async () => {
		dir = await extractedDataDir();
		native = await openNodeDb(dir);
	}, 120_000);
	afterAll(() => native?.close());

	it('answers the overview’s queries before the detail tables are in, and a detail query once they are', async () => {
		const held = new Promise<void>((resolve) => (release = resolve));
		const inThread = decodeInThread(fetchFromDir(dir));
		const source: IpcSource = (spec: TableSpec) => {
			const batches = inThread(spec);
			return {
				async *[Symbol.asyncIterator]() {
					if (spec.name === 'function_expenditure') await held;
					consumed.push(spec.name);
					yield* batches;
				}
			};
		};
		const db = await startLoadingWasmNodeDb(dir, VIEW_TABLES, source);
		expect(VIEW_TABLES.indexOf('function_expenditure')).toBeGreaterThan(VIEW_TABLES.indexOf('document_figures'));

		// the overview: answered while function_expenditure is held back
		for (const q of [kpiQuery(EMPTY_FILTERS), trendsQuery(EMPTY_FILTERS), coverageQuery(EMPTY_FILTERS)]) {
			const rows = await db.runner.query<Record<string, unknown>>(q);
			expect(canonicalRows(rows)).toEqual(canonicalRows(await native.client.query(q)));
		}
		expect(db.gate.has(FIRST_TABLES)).toBe(true);
		expect(db.gate.has(['function_expenditure'])).toBe(false);
		expect(consumed).not.toContain('function_expenditure');

		// a query reading it waits, and so does one whose code filter reads it
		const tree = db.runner.query<Record<string, unknown>>(functionTreeQuery(EMPTY_FILTERS));
		const coded = db.runner.query<Record<string, unknown>>(kpiQuery({ ...EMPTY_FILTERS, code: '201' }));
		expect(await settledSoon(tree)).toBe('pending');
		expect(await settledSoon(coded, 10)).toBe('pending');

		release();
		expect(canonicalRows(await tree)).toEqual(canonicalRows(await native.client.query(functionTreeQuery(EMPTY_FILTERS))));
		expect(canonicalRows(await coded)).toEqual(canonicalRows(await native.client.query(kpiQuery({ ...EMPTY_FILTERS, code: '201' }))));
		const report = await db.loaded;
		for (const t of DETAIL_TABLES) expect(report[t], t).toBeGreaterThan(0);
		expect(db.gate.loaded).toEqual([...VIEW_TABLES]);
	}, 120_000);
});
