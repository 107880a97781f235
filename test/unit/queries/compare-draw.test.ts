/**
 * /compare's charts ranked in SQL (compareSplitChartQuery and the `draw` of compareFunctionQuery /
 * compareThreePublicQuery) against the JS they replace (compare-limit-legacy.ts: every group's row
 * in the page, the drawn ones chosen by limitGroups): the same groups drawn, the same rows for
 * them, the same counts of what is left out — on the seeds and on a fixture whose groups tie, for
 * every limit, the latest and a fixed year; in DuckDB-WASM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	compareFunctionQuery,
	compareSplitChartQuery,
	compareSplitQuery,
	compareThreePublicQuery,
	type CompareAt,
	type CompareFunctionRow,
	type CompareSplitChartRow,
	type CompareSplitRow,
	type CompareThreePublicRow,
	type NameOrder
} from '../../../src/lib/queries';
import { drawnGroups } from '../../../src/lib/charts/compare-limit';
import { limitGroups } from '../charts/compare-limit-legacy';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const plain = <R>(rows: R[]): R[] => JSON.parse(JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v)));

/** The page before (every group's rows, limitGroups) and now (the chart queries' rows, drawnGroups). */
async function compare(db: WasmNodeDb, filters: Filters, at: CompareAt, limit: number, order: NameOrder | null) {
	const q = <R>(query: Parameters<WasmNodeDb['client']['query']>[0]) => db.client.query<R>(query).then(plain);
	const split = await q<CompareSplitRow>(compareSplitQuery(filters, at));
	const was = limitGroups(split, limit);
	const keep = <R extends CompareSplitRow | CompareFunctionRow | CompareThreePublicRow>(rows: R[]) => (was.rest === 0 ? rows : rows.filter(was.keep));
	const draw = { limit, order };
	const chart = await q<CompareSplitChartRow>(compareSplitChartQuery(filters, at, draw));
	const now = drawnGroups(chart);
	return {
		was: {
			split: keep(split),
			fn: keep(await q<CompareFunctionRow>(compareFunctionQuery(filters, at))),
			three: keep(await q<CompareThreePublicRow>(compareThreePublicQuery(filters, at))),
			rest: was.rest,
			restUnits: was.restUnits
		},
		now: {
			split: chart.map(({ compared: _c, rest_units: _r, ...row }) => row),
			fn: await q<CompareFunctionRow>(compareFunctionQuery(filters, at, draw)),
			three: await q<CompareThreePublicRow>(compareThreePublicQuery(filters, at, draw)),
			rest: now.rest,
			restUnits: now.restUnits
		}
	};
}

describe('the seeds', () => {
	let db: WasmNodeDb;
	beforeAll(async () => {
		db = await openWasmNodeDb(await extractedDataDir());
	}, 120_000);

	it('draws the groups limitGroups drew, for every limit, filter and year', async () => {
		const order = { districts: ['北碚区', '江津区', '九龙坡区'], units: ['人民政府办公室', '政务服务管理办公室'] };
		let cut = 0;
		for (const filters of [EMPTY_FILTERS, f({ kind: 'budget' }), f({ code: '201' })]) {
			for (const at of [null, 2023]) {
				for (const limit of [1, 2, 3, 24]) {
					const { was, now } = await compare(db, filters, at, limit, order);
					expect(now, JSON.stringify({ filters, at, limit })).toEqual(was);
					if (was.rest > 0) cut++;
				}
			}
		}
		expect(cut).toBeGreaterThan(6); // the limit cut through the groups, not only "all drawn"
	});
});

describe('groups that tie', () => {
	// five units of one 支出合计 (10) in three districts — by pinyin 北碚 (bei) < 江津 (jiang) < 九龙坡
	// (jiu), by code point 九 < 北 < 江 — a larger one (20), and one without a figure (last)
	const DOCS: [string, string, string, number, string, number | null][] = [
		['a', '九龙坡区', '财政局', 2023, 'budget', 10],
		['b', '北碚区', '财政局', 2023, 'budget', 10],
		['c', '江津区', '财政局', 2023, 'budget', 10],
		['d', '江津区', '教育委员会', 2023, 'budget', 10],
		['e', '江津区', '财政局', 2022, 'final', 10],
		['g', '北碚区', '教育委员会', 2022, 'budget', 20],
		['h', '九龙坡区', '教育委员会', 2023, 'final', null]
	];
	let db: WasmNodeDb;
	beforeAll(async () => {
		db = await openWasmNodeDb(
			await writeFixtureParquet({
				documents: rowsOf(
					'documents',
					['doc_id', 'district', 'department', 'department_kind', 'year', 'kind'],
					DOCS.map(([id, district, unit, year, kind]) => [id, district, unit, unit, year, kind])
				),
				function_expenditure: rowsOf(
					'function_expenditure',
					['doc_id', 'code', 'name', 'level', 'total', 'basic', 'project'],
					DOCS.filter((d) => d[5] !== null).map(([id, , , , , total]) => [id, '201', '一般公共服务支出', 1, total, total! / 2, total! / 2])
				),
				three_public: rowsOf('three_public', ['doc_id', 'item', 'budget', 'actual'], DOCS.map(([id]) => [id, 'total', 1, 1]))
			})
		);
	}, 60_000);

	it('breaks ties as the JS did: the larger total, then district and unit in reading order, then year and kind', async () => {
		const order = { districts: ['北碚区', '江津区', '九龙坡区'], units: ['财政局', '教育委员会'] };
		for (const at of [null, 2023]) {
			for (let limit = 1; limit <= DOCS.length; limit++) {
				const { was, now } = await compare(db, EMPTY_FILTERS, at, limit, order);
				expect(now, `at ${at}, limit ${limit}`).toEqual(was);
			}
		}
		const { now } = await compare(db, EMPTY_FILTERS, null, 3, order);
		// 20 first, then the 10s by pinyin: 北碚区·财政局, then 江津区·财政局's 预算 before its 决算
		expect(now.split.map((r) => `${r.district}·${r.unit}·${r.year}${r.kind}`)).toEqual([
			'北碚区·财政局·2023budget',
			'北碚区·教育委员会·2022budget',
			'江津区·财政局·2022final'
		].sort());
		expect(now.rest).toBe(4);
		// 九龙坡区's two units and 江津区·教育委员会 have nothing drawn; 江津区·财政局 has its 决算 drawn
		expect(now.restUnits).toBe(3);
	});

	it('without a reading order, ties fall to code point order (九 before 北)', async () => {
		const { now } = await compare(db, EMPTY_FILTERS, null, 2, null);
		expect(now.split.map((r) => r.district).sort()).toEqual(['九龙坡区', '北碚区']);
	});
});
