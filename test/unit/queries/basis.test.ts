/**
 * `basisCte` picks each unit's latest disclosure (or its disclosure of a fixed year) from the order
 * precomputed at load (document_figures.newer_year) instead of a `row_number()` window in every
 * query. It must pick exactly the rows the window picks, under every filter shape — including the
 * ones that drop some of a unit's disclosures: a year range, a department filter (drops
 * disclosures without a department kind), a code filter (drops disclosures without that code) —
 * and with ties (a unit publishing twice in one year).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import { basisCte, figuresWith } from '../../../src/lib/queries/figures';
import { sql } from '../../../src/lib/queries/sql';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

let db: WasmNodeDb;

// One district, unit "X" published over several years, twice in 2022 (a tie broken by doc_id);
// one of its disclosures has no department kind (department printed as the kind itself); the
// 2024 one has no 类 201 row, so a code filter on 201 drops it. Unit "Y" in the same district.
const DOCS: [string, string, string, string | null, number, string][] = [
	['x20', '甲区', 'X', 'X', 2020, 'budget'],
	['x21', '甲区', 'X', null, 2021, 'budget'],
	['x22b', '甲区', 'X', 'X', 2022, 'budget'],
	['x22a', '甲区', 'X', 'X', 2022, 'budget'],
	['x23', '甲区', 'X', null, 2023, 'budget'],
	['x24', '甲区', 'X', 'X', 2024, 'budget'],
	['x22f', '甲区', 'X', 'X', 2022, 'final'],
	['y21', '甲区', '重庆市甲区Y', 'Y', 2021, 'budget'],
	['y23', '甲区', '重庆市甲区Y', 'Y', 2023, 'budget'],
	['z22', '乙区', 'Z', 'Z', 2022, 'budget']
];

beforeAll(async () => {
	const dir = await writeFixtureParquet({
		documents: rowsOf(
			'documents',
			['doc_id', 'district', 'department', 'department_kind', 'year', 'kind'],
			DOCS.map(([id, district, dept, kind, year, k]) => [id, district, dept, kind, year, k])
		),
		function_expenditure: rowsOf(
			'function_expenditure',
			['doc_id', 'code', 'name', 'level', 'total'],
			DOCS.filter(([id]) => id !== 'x24').map(([id]) => [id, '201', '一般公共服务支出', 1, 10])
		)
	});
	db = await openWasmNodeDb(dir);
}, 60_000);

/** doc_ids of the basis as built, and as a row_number() window over the same `figures` picks them. */
async function both(filters: Filters, at: number | null): Promise<{ got: string[]; want: string[] }> {
	const year = at === null ? sql`TRUE` : sql`year = ${at}`;
	const ids = async (q: ReturnType<typeof sql>) => (await db.client.query<{ doc_id: string }>(q)).map((r) => r.doc_id);
	const got = await ids(sql`${figuresWith(filters, { latestOrder: true })}${basisCte(at)} SELECT doc_id FROM basis ORDER BY doc_id`);
	// the reference: a window over `figures` as the views that need no order get it (no newer_year)
	const want = await ids(sql`${figuresWith(filters, { latestOrder: false })}, windowed AS (
	SELECT * FROM figures WHERE ${year}
	QUALIFY row_number() OVER (PARTITION BY kind, district, unit ORDER BY year DESC, doc_id) = 1)
SELECT doc_id FROM windowed ORDER BY doc_id`);
	return { got, want };
}

const SHAPES: [string, Partial<Filters>][] = [
	['no filter', {}],
	['a year range', { years: { from: 2020, to: 2022 } }],
	['a range that ends before a unit started', { years: { from: 2020, to: 2020 } }],
	['a department', { departments: ['X'] }],
	['a department and a range', { departments: ['X', 'Y'], years: { from: 2021, to: 2023 } }],
	['a district and a kind', { districts: ['甲区'], kind: 'budget' }],
	['a code', { code: '201' }],
	['a code, a department and a range', { code: '201', departments: ['X'], years: { from: 2021, to: 2024 } }]
];

describe('basisCte', () => {
	it.each(SHAPES)('picks the latest disclosures exactly as a window would, with %s', async (_, patch) => {
		const { got, want } = await both({ ...EMPTY_FILTERS, ...patch }, null);
		expect(got).toEqual(want);
		expect(got.length).toBeGreaterThan(0);
	});

	it.each(SHAPES)('picks the disclosures of a fixed year exactly as a window would, with %s', async (_, patch) => {
		for (const at of [2020, 2021, 2022, 2023, 2024]) {
			const { got, want } = await both({ ...EMPTY_FILTERS, ...patch }, at);
			expect([at, got]).toEqual([at, want]);
		}
	});

	it('reads the cases the fixture was made for', async () => {
		// the latest budget of X is 2024; under 201 it is the 2023 one; with a department filter
		// (X's kind-less disclosures dropped) and to 2023 it is the first of the two 2022 ones
		expect((await both(EMPTY_FILTERS, null)).got).toEqual(['x22f', 'x24', 'y23', 'z22']);
		expect((await both({ ...EMPTY_FILTERS, code: '201' }, null)).got).toEqual(['x22f', 'x23', 'y23', 'z22']);
		const dept = { ...EMPTY_FILTERS, departments: ['X'], years: { from: 2020, to: 2023 } };
		expect((await both(dept, null)).got).toEqual(['x22a', 'x22f']);
		expect((await both(EMPTY_FILTERS, 2022)).got).toEqual(['x22a', 'x22f', 'z22']);
	});
});
