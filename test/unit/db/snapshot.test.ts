/**
 * The build-time snapshot (native DuckDB over the extracted Parquet) equals what the browser would
 * compute with the same builders, and is plain JSON.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import { parseFilters } from '../../../src/lib/filters/url';
import { coverageQuery, documentsListQuery, kpiQuery, yearStackQuery } from '../../../src/lib/queries';
import { loadSnapshot, type Snapshot } from '../../../src/lib/server/snapshot';
import { openWasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';

let dir: string;
let snapshot: Snapshot;

beforeAll(async () => {
	dir = await extractedDataDir();
	snapshot = await loadSnapshot(dir);
}, 120_000);

describe('loadSnapshot', () => {
	it('is plain JSON', () => {
		expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
	});

	it('holds the seed documents, known values, KPIs per kind and coverage', () => {
		expect(snapshot.documents).toHaveLength(5);
		// pinyin order: Beibei, Jiangjin, Jiulongpo, Qijiang
		expect(snapshot.known.districts).toEqual(['北碚区', '江津区', '九龙坡区', '綦江区']);
		expect(snapshot.known.years).toEqual([2020, 2021, 2023, 2024, 2025]);
		expect(snapshot.known.departments).toEqual(['人民政府办公室', '政务服务管理办公室']);
		expect(snapshot.known.codes).toEqual(expect.arrayContaining(['201', '20103', '2010301', '208', '221']));
		expect(snapshot.kpis.map((k) => [k.kind, k.documents])).toEqual([['budget', 3], ['final', 2]]);
		// printed totals: 綦江区 1,172.15 + 北碚区 662.22 + 九龙坡区 2,132.83
		expect(snapshot.kpis[0].total).toBeCloseTo(3967.2, 2);
		expect(snapshot.coverage).toHaveLength(5);
		// the overview's spending by year: one row per seed (five units, each its own segment); the
		// 预算 rows add up to the three units' printed totals above
		expect(snapshot.yearStack).toHaveLength(5);
		const budget = snapshot.yearStack.filter((r) => r.kind === 'budget');
		expect(budget.map((r) => r.year).sort()).toEqual([2023, 2024, 2025]);
		expect(budget.reduce((s, r) => s + (r.total ?? 0), 0)).toBeCloseTo(3967.2, 2);
	});

	it('validates URL filters with its known values', () => {
		const { filters, notices } = parseFilters(new URLSearchParams('district=北碚区,某某区&code=201'), snapshot.known);
		expect(filters.districts).toEqual(['北碚区']);
		expect(filters.code).toBe('201');
		expect(notices.map((n) => n.message)).toEqual(['未知地区“某某区”，已忽略']);
	});

	it('equals what DuckDB-WASM computes in the browser', async () => {
		const wasm = await openWasmNodeDb(dir);
		expect(await wasm.client.query(documentsListQuery(EMPTY_FILTERS))).toEqual(snapshot.documents);
		expect(await wasm.client.query(kpiQuery(EMPTY_FILTERS))).toEqual(snapshot.kpis);
		expect(await wasm.client.query(coverageQuery(EMPTY_FILTERS))).toEqual(snapshot.coverage);
		expect(await wasm.client.query(yearStackQuery(EMPTY_FILTERS))).toEqual(snapshot.yearStack);
	}, 60_000);

	it('fails loudly, naming the file, when the data is missing', async () => {
		const empty = await mkdtemp(path.join(tmpdir(), 'budget-lens-empty-'));
		await expect(loadSnapshot(empty)).rejects.toThrow(/documents\.parquet/);
	});
});
