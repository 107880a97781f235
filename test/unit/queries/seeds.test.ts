/**
 * The query layer over the real extracts of data/raw (extracted afresh by `npm run extract`),
 * in DuckDB-WASM via the browser's loader. Expected figures were read by a person from the seed
 * texts (line numbers given), not taken from any program's output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	compareFunctionQuery,
	coverageQuery,
	dataTableAllQuery,
	documentQueries,
	documentsListQuery,
	economicTreeQuery,
	functionTreeQuery,
	kpiQuery,
	threePublicQuery,
	trendsQuery,
	type DocumentRow,
	type FunctionTreeRow,
	type KpiRow,
	type SqlQuery,
	type ThreePublicRow
} from '../../../src/lib/queries';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';

let wasm: WasmNodeDb;
let native: NodeDb;

beforeAll(async () => {
	const dir = await extractedDataDir();
	[wasm, native] = await Promise.all([openWasmNodeDb(dir), openNodeDb(dir)]);
}, 120_000);

afterAll(() => native?.close());

const q = <T>(query: SqlQuery) => wasm.client.query<T>(query);
const one = (district: string, year: number, kind: 'budget' | 'final', patch: Partial<Filters> = {}): Filters => ({
	...EMPTY_FILTERS,
	districts: [district],
	years: { from: year, to: year },
	kind,
	...patch
});

async function kpi(filters: Filters): Promise<KpiRow> {
	const rows = await q<KpiRow>(kpiQuery(filters));
	expect(rows).toHaveLength(1);
	return rows[0];
}

/** Seed headline figures: 一般公共预算财政拨款支出 合计 / 基本支出 / 项目支出, and 三公 合计. */
const SEEDS = [
	// 004: 表二 合计 row; 表四 三公 6.50
	{ name: '綦江区 2024 预算', filters: one('綦江区', 2024, 'budget'), total: 1172.15, basic: 677.15, project: 495.0, threePublic: 6.5 },
	// 002: 表二 合计 662.22 411.22 251.00; 三公 预算 5.8 (line 114)
	{ name: '北碚区 2023 预算', filters: one('北碚区', 2023, 'budget'), total: 662.22, basic: 411.22, project: 251.0, threePublic: 5.8 },
	// 003: lines 61–63: 2132.83, 基本支出 1542.83, 项目支出 590; 三公 18 (line 71)
	{
		name: '九龙坡区 人民政府办公室 2025 预算',
		filters: one('九龙坡区', 2025, 'budget', { departments: ['人民政府办公室'] }),
		total: 2132.83, basic: 1542.83, project: 590.0, threePublic: 18
	},
	// 000: line 4746 合计 2,465.55 600.13 1,865.43; 三公 决算数 1.48 (line 4897)
	{
		name: '九龙坡区 政务服务管理办公室 2021 决算',
		filters: one('九龙坡区', 2021, 'final', { departments: ['政务服务管理办公室'] }),
		total: 2465.55, basic: 600.13, project: 1865.43, threePublic: 1.48
	},
	// 001 (narrative only): 支出 1,750.61; 基本支出 936.01; 项目支出 814.6; 三公 2.68
	{ name: '江津区 2020 决算', filters: one('江津区', 2020, 'final'), total: 1750.61, basic: 936.01, project: 814.6, threePublic: 2.68 }
];

describe('KPIs match the figures printed in the seed documents', () => {
	for (const seed of SEEDS) {
		it(seed.name, async () => {
			const row = await kpi(seed.filters);
			expect(row.documents).toBe(1);
			expect(row.total).toBeCloseTo(seed.total, 2);
			expect(row.basic).toBeCloseTo(seed.basic, 2);
			expect(row.project).toBeCloseTo(seed.project, 2);
			expect(row.basic_share).toBeCloseTo(seed.basic / seed.total, 4);
			expect(row.three_public).toBeCloseTo(seed.threePublic, 2);
			expect(row.three_public_basis).toBe(seed.filters.kind === 'budget' ? 'budget' : 'actual');
		});
	}

	it('never adds 预算 and 决算 together', async () => {
		const rows = await q<KpiRow>(kpiQuery(EMPTY_FILTERS));
		const budget = rows.find((r) => r.kind === 'budget')!;
		const final = rows.find((r) => r.kind === 'final')!;
		expect(budget.documents).toBe(3);
		expect(final.documents).toBe(2);
		expect(budget.total).toBeCloseTo(1172.15 + 662.22 + 2132.83, 2);
		expect(final.total).toBeCloseTo(2465.55 + 1750.61, 2);
	});
});

describe('code filter over the seeds', () => {
	it('201 一般公共服务支出 in 綦江区 2024: 1,056.45 = 561.45 + 495.00 (表二)', async () => {
		const row = await kpi(one('綦江区', 2024, 'budget', { code: '201' }));
		expect(row).toMatchObject({ total: 1056.45, basic: 561.45, project: 495 });
	});

	it('20103 in 九龙坡区 2021 决算: 2,347.18 = 483.80 + 1,863.38 (line 4748)', async () => {
		const row = await kpi(one('九龙坡区', 2021, 'final', { code: '20103' }));
		expect(row).toMatchObject({ total: 2347.18, basic: 483.8, project: 1863.38 });
	});

	it('201 over all budget documents: 1,056.45 + 563.66 + 1,690.77', async () => {
		const tree = await q<FunctionTreeRow>(functionTreeQuery({ ...EMPTY_FILTERS, kind: 'budget', code: '201' }));
		expect(tree[0]).toMatchObject({ code: '201', level: 1, documents: 3 });
		expect(tree[0].total).toBeCloseTo(1056.45 + 563.66 + 1690.77, 2);
		expect(tree.every((r) => r.code.startsWith('201'))).toBe(true);
	});

	it('the narrative-only 决算 gives 201 (1,599.1) without a basic/project split', async () => {
		const tree = await q<FunctionTreeRow>(functionTreeQuery(one('江津区', 2020, 'final', { code: '201' })));
		expect(tree[0]).toMatchObject({ code: '201', total: 1599.1, split_missing: 1 });
	});
});

describe('trees, 三公, compare over the seeds', () => {
	it('綦江区 2024 function tree: 类 rows as printed in 表二', async () => {
		const tree = await q<FunctionTreeRow>(functionTreeQuery(one('綦江区', 2024, 'budget')));
		const level1 = tree.filter((r) => r.level === 1).map((r) => [r.code, r.total, r.basic, r.project]);
		expect(level1).toEqual([
			['201', 1056.45, 561.45, 495],
			['208', 60.08, 60.08, 0],
			['210', 24.54, 24.54, 0],
			['221', 31.08, 31.08, 0]
		]);
		expect(tree.find((r) => r.code === '2010302')).toMatchObject({ parent_code: '20103', level: 3, total: 495 });
	});

	it('綦江区 2024 economic classification: 301 373.24 personnel; 302 298.92 = 0.10 + 298.82 (表三)', async () => {
		const rows = await q<Record<string, unknown>>(economicTreeQuery(one('綦江区', 2024, 'budget')));
		expect(rows.find((r) => r.code === '301')).toMatchObject({ total: 373.24, personnel: 373.24 });
		expect(rows.find((r) => r.code === '302')).toMatchObject({ total: 298.92, personnel: 0.1, public: 298.82 });
	});

	it('九龙坡区 2021 决算 三公: 预算 8.50 / 决算 1.48; 用车 4.50 / 1.02; 接待 4.00 / 0.46 (公开09表)', async () => {
		const rows = await q<ThreePublicRow>(threePublicQuery(one('九龙坡区', 2021, 'final')));
		const get = (item: string) => rows.find((r) => r.item === item);
		expect(get('total')).toMatchObject({ budget: 8.5, actual: 1.48 });
		expect(get('vehicle')).toMatchObject({ budget: 4.5, actual: 1.02 });
		expect(get('reception')).toMatchObject({ budget: 4, actual: 0.46 });
		expect(rows[0].item).toBe('total');
	});

	it('北碚区 2023 三公 预算 5.80: 用车 5.50, 接待 0.30 (表四), no actual in a budget', async () => {
		const rows = await q<ThreePublicRow>(threePublicQuery(one('北碚区', 2023, 'budget')));
		const get = (item: string) => rows.find((r) => r.item === item);
		expect(get('total')).toMatchObject({ budget: 5.8, actual: null });
		expect(get('vehicle')).toMatchObject({ budget: 5.5 });
		expect(get('reception')).toMatchObject({ budget: 0.3 });
	});

	it('compare: 201 is 563.66 of 北碚区’s 662.22 in 2023', async () => {
		const rows = await q<Record<string, number | string>>(compareFunctionQuery(one('北碚区', 2023, 'budget')));
		const r201 = rows.find((r) => r.code === '201')!;
		expect(r201.amount).toBe(563.66);
		expect(r201.share as number).toBeCloseTo(563.66 / 662.22, 3);
	});

	it('trends: one point per district × year × kind', async () => {
		const rows = await q<Record<string, unknown>>(trendsQuery({ ...EMPTY_FILTERS, districts: ['九龙坡区'] }));
		expect(rows.map((r) => [r.kind, r.year])).toEqual([['budget', 2025], ['final', 2021]]);
	});
});

describe('documents over the seeds', () => {
	it('lists the five seed disclosures with their metadata', async () => {
		const docs = await q<DocumentRow>(documentsListQuery(EMPTY_FILTERS));
		expect(docs.map((d) => [d.district, d.year, d.kind])).toEqual([
			['九龙坡区', 2021, 'final'],
			['九龙坡区', 2025, 'budget'],
			['北碚区', 2023, 'budget'],
			['江津区', 2020, 'final'],
			['綦江区', 2024, 'budget']
		]);
		expect(docs.find((d) => d.year === 2025)?.department).toBe('重庆市九龙坡区人民政府办公室（本级）');
	});

	it('coverage has one cell per seed', async () => {
		expect(await q(coverageQuery(EMPTY_FILTERS))).toHaveLength(5);
	});

	it('a document’s rows carry their source lines and its checks are all returned', async () => {
		const [doc] = await q<DocumentRow>(documentsListQuery(one('綦江区', 2024, 'budget')));
		const queries = documentQueries(doc.doc_id);
		const fn = await q<Record<string, unknown>>(queries.function);
		// 表二: "201 一般公共服务支出 1,056.45 …" stands on line 29 of the seed text
		expect(fn.find((r) => r.code === '201')?.source_line).toBe(29);
		const checks = await q<Record<string, unknown>>(queries.checks);
		expect(checks.length).toBeGreaterThan(0);
		expect(checks.every((c) => typeof c.ok === 'boolean')).toBe(true);
	});

	it('the malicious district filter returns no rows from the real tables either', async () => {
		const filters = { ...EMPTY_FILTERS, districts: ["九龙坡区'); DROP TABLE documents; --"] };
		expect(await q(dataTableAllQuery({ table: 'function', filters }))).toEqual([]);
		expect(await q(documentsListQuery(EMPTY_FILTERS))).toHaveLength(5);
	});
});

describe('DuckDB-WASM agrees with native DuckDB reading the same Parquet', () => {
	it('on the views’ queries', async () => {
		for (const query of [kpiQuery(EMPTY_FILTERS), functionTreeQuery(EMPTY_FILTERS), economicTreeQuery(EMPTY_FILTERS), threePublicQuery(EMPTY_FILTERS), trendsQuery(EMPTY_FILTERS), dataTableAllQuery({ table: 'three_public', filters: EMPTY_FILTERS })]) {
			expect(await native.client.query(query)).toEqual(await wasm.client.query(query));
		}
	});
});
