/**
 * What the builders' SQL returns, run in DuckDB-WASM (the browser's engine, via its Node build and
 * the browser's loader) over the synthetic fixture, and cross-checked against native DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	compareFunctionQuery,
	compareSplitQuery,
	compareThreePublicQuery,
	compareLeftOutQuery,
	compareYearsQuery,
	coverageQuery,
	dataTableAllQuery,
	dataTableCountQuery,
	dataTableQuery,
	documentQueries,
	documentsListQuery,
	economicTreeQuery,
	functionTreeQuery,
	coverageCellQuery,
	knownValuesQuery,
	kpiQuery,
	threePublicChartQuery,
	executionChartQuery,
	executionPageQuery,
	changePageQuery,
	changeCountQuery,
	derivedExecutionTablePageQuery,
	threePublicDerivedQuery,
	threePublicPageQuery,
	threePublicQuery,
	toKnownValues,
	trendsQuery,
	type CompareFunctionRow,
	type CountRow,
	type CoverageRow,
	type CoverageDocumentRow,
	type DocumentRow,
	type FunctionTreeRow,
	type KnownValueRow,
	type KpiRow,
	type SqlQuery,
	type TrendRow
} from '../../../src/lib/queries';
import { openNodeDb, type NodeDb } from '../../../src/lib/server/duckdb-node';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { writeFixtureParquet } from '../../helpers/fixtures';
import { FIXTURE, HOSTILE_DISTRICT } from './fixture';

let wasm: WasmNodeDb;
let native: NodeDb;

beforeAll(async () => {
	const dir = await writeFixtureParquet(FIXTURE);
	[wasm, native] = await Promise.all([openWasmNodeDb(dir), openNodeDb(dir)]);
}, 60_000);

afterAll(() => native?.close());

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const q = <T>(query: SqlQuery) => wasm.client.query<T>(query);
const byKind = (rows: KpiRow[], kind: string) => rows.find((r) => r.kind === kind)!;

describe('KPIs', () => {
	it('adds the latest disclosure of each unit, keeping 预算 and 决算 apart and preferring printed totals', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ years: { from: 2020, to: 2025 } })));
		expect(rows.map((r) => r.kind)).toEqual(['budget', 'final']);
		const budget = byKind(rows, 'budget');
		// a: printed 150.01 (not its rows' 150); c: 100; d: narrative 40 — three units, one disclosure each
		expect(budget).toMatchObject({ documents: 3, documents_filtered: 3, three_public: 9, three_public_basis: 'budget', documents_without_total: 0 });
		expect(budget.total).toBeCloseTo(290.01, 6);
		// basic: a 110 (table), c 70 (table beats narrative 69), d 25 (narrative)
		expect(budget.basic).toBeCloseTo(205, 6);
		// project: a 40, c 30 (from its rows: no summary figure), d 15
		expect(budget.project).toBeCloseTo(85, 6);
		expect(budget.units).toEqual([
			{ district: '九龙坡区', unit: '政务服务管理办公室', year: 2023, doc_id: 'a' },
			{ district: '北碚区', unit: '人民政府办公室', year: 2024, doc_id: 'd' },
			{ district: '北碚区', unit: '政务服务管理办公室', year: 2023, doc_id: 'c' }
		]);
		expect([budget.year_from, budget.year_to]).toEqual([2023, 2024]);
		const final = byKind(rows, 'final');
		// b: no summary, rows 120 + 55; e: narrative total only, 江津区's latest — g (2021) is the
		// same unit's older 决算 and is not added to it
		expect(final).toMatchObject({ documents: 2, documents_filtered: 3, documents_without_total: 0, total: 187.5, basic: 125, project: 50, three_public: 2.5, three_public_basis: 'actual' });
		expect(final.units.map((u) => u.doc_id)).toEqual(['b', 'e']);
		expect([final.year_from, final.year_to]).toEqual([2022, 2023]);
	});

	it('names the first units it adds (by district and unit) and counts them all', async () => {
		const [budget] = await q<KpiRow>(kpiQuery(f({ years: { from: 2020, to: 2025 } }), 2));
		expect(budget!.documents).toBe(3);
		expect(budget!.units.map((u) => u.doc_id)).toEqual(['a', 'd']);
	});

	it('gives 基本 and 项目 shares of one set of documents, adding up to 1', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ years: { from: 2020, to: 2025 } })));
		const budget = byKind(rows, 'budget');
		// over a (110 + 40), c (70 + 30), d (25 + 15): every budget gives both
		expect(budget.basic_share).toBeCloseTo(205 / 290, 9);
		expect(budget.project_share).toBeCloseTo(85 / 290, 9);
		const final = byKind(rows, 'final');
		// e gives no split: b alone, 125 + 50
		expect(final.basic_share).toBeCloseTo(125 / 175, 9);
		for (const k of rows) expect(k.basic_share! + k.project_share!).toBeCloseTo(1, 12);
	});

	it('returns a row with zero documents for a requested kind that has none', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ districts: ['北碚区'] })));
		expect(byKind(rows, 'final')).toMatchObject({ documents: 0, total: null, basic: null, three_public: null });
		expect(byKind(rows, 'budget').documents).toBe(2);
	});

	it('returns only the filtered kind', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ kind: 'final' })));
		expect(rows.map((r) => r.kind)).toEqual(['final']);
	});

	it('with a code filter, sums spending at exactly that code over documents that have it', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ code: '20103' })));
		expect(byKind(rows, 'budget')).toMatchObject({ documents: 2, total: 180, basic: 110, project: 70 });
		expect(byKind(rows, 'final')).toMatchObject({ documents: 1, total: 120, basic: 70, project: 50 });
	});

	it('with a code filter, computes the basic share only over documents that give the split', async () => {
		const budget = byKind(await q<KpiRow>(kpiQuery(f({ code: '208', kind: 'budget' }))), 'budget');
		expect(budget).toMatchObject({ documents: 2, total: 60, basic: 50 });
		expect(budget.basic_share).toBe(1);
	});

	it('counts documents that give no expenditure figure instead of treating them as zero', async () => {
		const final = byKind(await q<KpiRow>(kpiQuery(f({ districts: ['江津区'], years: { from: 2021, to: 2021 } }))), 'final');
		expect(final).toMatchObject({ documents: 1, documents_without_total: 1, total: null, basic: 5 });
		// the document gives no split
		expect(final.basic_share).toBeNull();
		expect(final.project_share).toBeNull();
	});

	it('a year without disclosures adds nothing (the view shows no data, not other years)', async () => {
		const rows = await q<KpiRow>(kpiQuery(f({ years: { from: 2020, to: 2020 } })));
		expect(rows.map((r) => [r.kind, r.documents, r.total, r.units])).toEqual([
			['budget', 0, null, []],
			['final', 0, null, []]
		]);
	});
});

describe('filters are parameters, not SQL', () => {
	const MALICIOUS = "九龙坡区'); DROP TABLE documents; --";

	it('a malicious district yields no rows and no error, and the tables survive', async () => {
		expect(await q(documentsListQuery(f({ districts: [MALICIOUS] })))).toEqual([]);
		expect(await q(functionTreeQuery(f({ districts: [MALICIOUS] })))).toEqual([]);
		expect(await q(dataTableQuery({ table: 'function', filters: f({ departments: [MALICIOUS] }) }))).toEqual([]);
		const kpis = await q<KpiRow>(kpiQuery(f({ districts: [MALICIOUS] })));
		expect(kpis.map((r) => r.documents)).toEqual([0, 0]);
		expect((await q(documentsListQuery(EMPTY_FILTERS))).length).toBe(7);
	});

	it('a hostile name that does exist is matched exactly, as data', async () => {
		const docs = await q<DocumentRow>(documentsListQuery(f({ districts: [HOSTILE_DISTRICT] })));
		expect(docs.map((d) => d.doc_id)).toEqual(['h']);
	});

	it('a malicious doc_id finds nothing', async () => {
		for (const query of Object.values(documentQueries("a' OR '1'='1"))) expect(await q(query)).toEqual([]);
	});
});

describe('documents, coverage, known values', () => {
	it('lists the filtered documents with their columns and integer years', async () => {
		const docs = await q<DocumentRow>(documentsListQuery(f({ years: { from: 2023, to: 2023 }, kind: 'budget' })));
		expect(docs.map((d) => d.doc_id)).toEqual(['a', 'c']);
		expect(docs[0]).toEqual({
			doc_id: 'a', district: '九龙坡区', department: '重庆市九龙坡区政务服务管理办公室',
			department_kind: '政务服务管理办公室', year: 2023, kind: 'budget', title: 'A', source_file: 'a.txt', layout: 'tabs'
		});
	});

	it('filters by department kind', async () => {
		const docs = await q<DocumentRow>(documentsListQuery(f({ departments: ['人民政府办公室'] })));
		expect(docs.map((d) => d.doc_id)).toEqual(['d']);
	});

	it('counts coverage per district × year in SQL, 预算 and 决算 apart', async () => {
		const rows = await q<CoverageRow>(coverageQuery(f({ districts: ['九龙坡区', '北碚区'] })));
		expect(rows).toEqual([
			{ district: '九龙坡区', year: 2023, budget: 1, final: 1 },
			{ district: '北碚区', year: 2023, budget: 1, final: 0 },
			{ district: '北碚区', year: 2024, budget: 1, final: 0 }
		]);
		// one row per district × year, however many documents: the same filters narrow the counts
		expect(await q<CoverageRow>(coverageQuery(f({ kind: 'final' })))).toEqual([
			{ district: '江津区', year: 2021, budget: 0, final: 1 },
			{ district: '江津区', year: 2022, budget: 0, final: 1 },
			{ district: '九龙坡区', year: 2023, budget: 0, final: 1 }
		].sort((a, b) => (a.district === b.district ? a.year - b.year : a.district < b.district ? -1 : 1)));
	});

	it('lists one opened cell’s documents under the filters, 预算 first', async () => {
		const cell = await q<CoverageDocumentRow>(coverageCellQuery(EMPTY_FILTERS, '九龙坡区', 2023));
		expect(cell.map((d) => [d.doc_id, d.kind, d.department_kind, d.title])).toEqual([
			['a', 'budget', '政务服务管理办公室', 'A'],
			['b', 'final', '政务服务管理办公室', 'B']
		]);
		expect((await q<CoverageDocumentRow>(coverageCellQuery(f({ kind: 'final' }), '九龙坡区', 2023))).map((d) => d.doc_id)).toEqual(['b']);
		expect(await q(coverageCellQuery(EMPTY_FILTERS, '北碚区', 2022))).toEqual([]);
	});

	it('takes the cell’s district as a parameter, never as SQL text', async () => {
		const query = coverageCellQuery(EMPTY_FILTERS, HOSTILE_DISTRICT, 2019);
		expect(query.sql).not.toContain('DROP');
		expect((await q<CoverageDocumentRow>(query)).map((d) => d.doc_id)).toEqual(['h']);
	});

	it('collects known districts, departments, years and codes', async () => {
		const known = toKnownValues(await q<KnownValueRow>(knownValuesQuery()));
		expect(known.years).toEqual([2019, 2021, 2022, 2023, 2024]);
		expect(known.districts).toContain('江津区');
		expect(known.departments).toEqual(['人民政府办公室', '政务服务管理办公室']);
		expect(known.codes).toEqual(['201', '20103', '2010301', '2010302', '208', '221']);
	});
});

describe('classification trees', () => {
	it('sums the function tree per kind and counts documents lacking the split', async () => {
		const rows = await q<FunctionTreeRow>(functionTreeQuery(f({ kind: 'budget', years: { from: 2020, to: 2030 } })));
		const r201 = rows.find((r) => r.code === '201')!;
		expect(r201).toMatchObject({ kind: 'budget', level: 1, parent_code: null, total: 210, basic: 110, project: 70, documents: 3, split_missing: 1 });
		expect(rows.map((r) => r.code)).toEqual(['201', '20103', '2010301', '2010302', '208', '221']);
		expect(rows.find((r) => r.code === '2010301')).toMatchObject({ parent_code: '20103', level: 3 });
	});

	it('returns only the subtree of a code filter', async () => {
		const rows = await q<FunctionTreeRow>(functionTreeQuery(f({ code: '20103' })));
		expect(rows.map((r) => `${r.kind}:${r.code}`)).toEqual(['budget:20103', 'budget:2010301', 'budget:2010302', 'final:20103']);
	});

	it('sums the economic tree of basic spending', async () => {
		const rows = await q(economicTreeQuery(f({ kind: 'budget' })));
		expect(rows).toEqual([
			{ kind: 'budget', code: '301', name: '工资福利支出', aliases: [], level: 1, parent_code: null, total: 100, personnel: 100, public: 0, documents: 2 },
			{ kind: 'budget', code: '302', name: '商品和服务支出', aliases: [], level: 1, parent_code: null, total: 50, personnel: 0, public: 50, documents: 1 }
		]);
	});
});

describe('compare, trends, 三公', () => {
	it('gives each 类 its share of the group total', async () => {
		const rows = await q<CompareFunctionRow>(compareFunctionQuery(f({ districts: ['九龙坡区'], kind: 'budget' })));
		expect(rows.map((r) => [r.code, r.amount])).toEqual([['201', 100], ['208', 50]]);
		expect(rows[0].share).toBeCloseTo(2 / 3, 9);
	});

	it('with a code filter gives that code’s share of the whole', async () => {
		const rows = await q<CompareFunctionRow>(compareFunctionQuery(f({ code: '20103', kind: 'final' })));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ district: '九龙坡区', code: '20103', amount: 120 });
		expect(rows[0].share).toBeCloseTo(120 / 175, 9);
	});

	it('splits basic and project per group', async () => {
		const rows = await q(compareSplitQuery(f({ years: { from: 2023, to: 2023 }, kind: 'budget' })));
		expect(rows).toEqual([
			expect.objectContaining({ district: '九龙坡区', total: 150.01, basic: 110, project: 40 }),
			expect.objectContaining({ district: '北碚区', total: 100, basic: 70, project: 30 })
		]);
	});

	it('compares each unit’s latest disclosure by default, each row with its year', async () => {
		const rows = await q<Record<string, unknown>>(compareSplitQuery(f({ kind: 'final' })));
		// 江津区: e (2022), not g (2021) and not both added
		expect(rows.map((r) => [r.district, r.unit, r.year, r.total])).toEqual([
			['九龙坡区', '政务服务管理办公室', 2023, 175],
			['江津区', '政务服务管理办公室', 2022, 12.5]
		]);
	});

	it('compares the disclosures of a fixed year, leaving out units without one', async () => {
		const rows = await q<Record<string, unknown>>(compareSplitQuery(f({ kind: 'budget', districts: ['九龙坡区', '北碚区'] }), 2024));
		expect(rows.map((r) => [r.district, r.unit, r.year])).toEqual([['北碚区', '人民政府办公室', 2024]]);
		const fn = await q<CompareFunctionRow>(compareFunctionQuery(f({ kind: 'final' }), 2021));
		expect(fn).toEqual([]);
	});

	it('lists the districts and years there is something to compare for, newest first', async () => {
		expect(await q(compareYearsQuery(f({ kind: 'final' })))).toEqual([
			{ district: '九龙坡区', year: 2023 },
			{ district: '江津区', year: 2022 },
			{ district: '江津区', year: 2021 }
		]);
	});

	it('names the first units a fixed year leaves out, latest first, and counts them all', async () => {
		expect(await q(compareLeftOutQuery(f({ kind: 'budget' }), 2023, 20))).toEqual([
			{ district: '北碚区', unit: '人民政府办公室', kind: 'budget', year: 2024, left_out: 2 },
			{ district: "x'); DROP TABLE documents; --", unit: 'evil', kind: 'budget', year: 2019, left_out: 2 }
		]);
		// three left out in 2024, one named: the count is of all of them
		expect(await q(compareLeftOutQuery(f({ kind: 'budget' }), 2024, 1))).toEqual([
			{ district: '九龙坡区', unit: '政务服务管理办公室', kind: 'budget', year: 2023, left_out: 3 }
		]);
		expect(await q(compareLeftOutQuery(f({ kind: 'final' }), 2023, 20))).toEqual([
			{ district: '江津区', unit: '政务服务管理办公室', kind: 'final', year: 2022, left_out: 1 }
		]);
	});

	it('compares 三公 items with the kind-appropriate amount', async () => {
		const rows = await q<Record<string, unknown>>(compareThreePublicQuery(f({ districts: ['九龙坡区'] })));
		expect(rows.map((r) => [r.kind, r.item, r.amount])).toEqual([
			['budget', 'total', 5], ['budget', 'vehicle', 3], ['budget', 'reception', 2],
			['final', 'total', 2.5], ['final', 'reception', 1]
		]);
	});

	it('gives a trend point per unit × year × kind: two departments of a district are two lines', async () => {
		const rows = await q<TrendRow>(trendsQuery(f({ districts: ['北碚区', '九龙坡区'] })));
		expect(rows.map((r) => [r.district, r.unit, r.kind, r.year, r.total, r.three_public])).toEqual([
			['九龙坡区', '政务服务管理办公室', 'budget', 2023, 150.01, 5],
			['九龙坡区', '政务服务管理办公室', 'final', 2023, 175, 2.5],
			['北碚区', '人民政府办公室', 'budget', 2024, 40, null],
			['北碚区', '政务服务管理办公室', 'budget', 2023, 100, 4]
		]);
		expect(rows[1]).toMatchObject({ reception: 1, vehicle: null });
	});

	it('reports 三公 budget and actual per item', async () => {
		const rows = await q(threePublicQuery(f({ kind: 'final' })));
		expect(rows).toEqual([
			{ district: '九龙坡区', unit: '政务服务管理办公室', year: 2023, kind: 'final', item: 'total', budget: 8, actual: 2.5, documents: 1 },
			{ district: '九龙坡区', unit: '政务服务管理办公室', year: 2023, kind: 'final', item: 'reception', budget: 4, actual: 1, documents: 1 }
		]);
	});
});

describe('one name per code', () => {
	it('names a code as most documents print it, the other spellings kept as aliases, under any filter', async () => {
		// a and b print 208 as 社会保障和就业支出, d as 社会保障与就业支出
		const rows = await q<FunctionTreeRow>(functionTreeQuery(f({ code: '208' })));
		expect(rows.map((r) => [r.kind, r.code, r.name, r.aliases])).toEqual([
			['budget', '208', '社会保障和就业支出', ['社会保障与就业支出']],
			['final', '208', '社会保障和就业支出', ['社会保障与就业支出']]
		]);
		const onlyD = await q<FunctionTreeRow>(functionTreeQuery(f({ code: '208', departments: ['人民政府办公室'] })));
		expect(onlyD.map((r) => r.name)).toEqual(['社会保障和就业支出']);
		const compared = await q<CompareFunctionRow>(compareFunctionQuery(f({ districts: ['北碚区'], kind: 'budget' })));
		expect(new Set(compared.filter((r) => r.code === '208').map((r) => r.name))).toEqual(new Set(['社会保障和就业支出']));
	});
});

describe('data table', () => {
	const totals = (rows: Record<string, unknown>[]) => rows.map((r) => r.total as number);

	it('pages through the sorted rows without gaps or overlaps', async () => {
		const sort = { column: 'total', direction: 'desc' } as const;
		const all = await q<Record<string, unknown>>(dataTableAllQuery({ table: 'function', filters: EMPTY_FILTERS, sort }));
		const [{ row_count }] = await q<CountRow>(dataTableCountQuery({ table: 'function', filters: EMPTY_FILTERS }));
		expect(row_count).toBe(14);
		expect(all).toHaveLength(14);
		expect(totals(all)).toEqual([...totals(all)].sort((x, y) => y - x));
		const pages = [];
		for (let page = 1; page <= 3; page++) pages.push(...(await q(dataTableQuery({ table: 'function', filters: EMPTY_FILTERS, sort, page, pageSize: 5 }))));
		expect(pages).toEqual(all);
	});

	it('joins document columns and applies the code subtree to function rows', async () => {
		const rows = await q<Record<string, unknown>>(dataTableAllQuery({ table: 'function', filters: f({ code: '20103' }) }));
		expect(rows.map((r) => `${r.doc_id}:${r.code}`)).toEqual(['a:20103', 'a:2010301', 'a:2010302', 'b:20103', 'c:20103']);
		expect(Object.keys(rows[0])).toEqual(['district', 'year', 'kind', 'department', 'code', 'name', 'level', 'parent_code', 'total', 'basic', 'project', 'source_line', 'source_page', 'source_file', 'doc_id']);
	});
});

describe('one document', () => {
	it('returns its row, tables with source lines, checks (failed first) and diagnostics (errors first)', async () => {
		const queries = documentQueries('a');
		expect((await q<DocumentRow>(queries.document))[0].title).toBe('A');
		const fn = await q<Record<string, unknown>>(queries.function);
		expect(fn.map((r) => [r.code, r.source_line])).toEqual([['201', 10], ['20103', 11], ['2010301', 12], ['2010302', 13], ['208', 14]]);
		const checks = await q<Record<string, unknown>>(queries.checks);
		expect(checks.map((c) => c.ok)).toEqual([false, true, true]);
		const diagnostics = await q<Record<string, unknown>>(queries.diagnostics);
		expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'warning']);
		expect(await q(queries.threePublic)).toHaveLength(3);
		expect(await q(documentQueries('nope').document)).toEqual([]);
	});
});

describe('DuckDB-WASM and native DuckDB agree', () => {
	const filters: Filters[] = [EMPTY_FILTERS, f({ code: '201' }), f({ districts: ['北碚区'], kind: 'budget' }), f({ years: { from: 2023, to: 2024 } })];
	it('on every builder for several filters', async () => {
		for (const filter of filters) {
			for (const query of [kpiQuery(filter), functionTreeQuery(filter), compareFunctionQuery(filter), compareSplitQuery(filter), trendsQuery(filter), threePublicQuery(filter), threePublicChartQuery(filter, null, 1), threePublicPageQuery(filter, 1, 2), threePublicDerivedQuery(filter), executionChartQuery(filter, null, 1), executionPageQuery(filter, 1, 2), changePageQuery(filter, 1, 2), changeCountQuery(filter), derivedExecutionTablePageQuery(filter, 1, 2), economicTreeQuery(filter), dataTableAllQuery({ table: 'summary', filters: filter })]) {
				expect(await native.client.query(query)).toEqual(await wasm.client.query(query));
			}
		}
	});
});
