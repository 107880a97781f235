/**
 * The overview's by-year stack aggregated in SQL: checked against the per-unit trend rows it
 * replaces (which name every unit) over the synthetic fixture, in DuckDB-WASM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import { coverageQuery, trendsQuery, type CoverageRow, type SqlQuery, type TrendRow } from '../../../src/lib/queries';
import { MAX_STACKED_UNITS, yearStackQuery, type YearStackRow } from '../../../src/lib/queries/year-stack';
import { coverageFromYearRows } from '../../../src/lib/components/coverage';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { writeFixtureParquet } from '../../helpers/fixtures';
import { FIXTURE } from './fixture';

let wasm: WasmNodeDb;
beforeAll(async () => {
	wasm = await openWasmNodeDb(await writeFixtureParquet(FIXTURE));
}, 60_000);

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });
const q = <T>(query: SqlQuery) => wasm.client.query<T>(query);
const FILTER_SETS: Filters[] = [
	EMPTY_FILTERS,
	f({ districts: ['九龙坡区', '北碚区'] }),
	f({ kind: 'final' }),
	f({ years: { from: 2022, to: 2023 } }),
	f({ departments: ['政务服务管理办公室'] }),
	f({ code: '201' }),
	f({ districts: ['江津区'], kind: 'budget' })
];

describe('yearStackQuery', () => {
	it('counts the same documents per district, year and kind as the coverage query (the matrix is derived from it)', async () => {
		for (const filters of FILTER_SETS) {
			const expected = await q<CoverageRow>(coverageQuery(filters));
			expect(coverageFromYearRows(await q<YearStackRow>(yearStackQuery(filters)))).toEqual(expected);
		}
	});

	it('names every unit while a kind has no more than the limit: the same figures as the trend rows', async () => {
		for (const filters of FILTER_SETS) {
			const stack = await q<YearStackRow>(yearStackQuery(filters));
			const trends = await q<TrendRow>(trendsQuery(filters));
			const pick = (r: YearStackRow | TrendRow) => [r.district, r.unit, r.year, r.kind, Number(r.documents), r.total];
			expect(stack.map(pick).sort()).toEqual(trends.map(pick).sort());
			expect(stack.every((r) => Number(r.others) === 0 && Number(r.units) === (r.total === null ? 0 : 1))).toBe(true);
		}
		expect(MAX_STACKED_UNITS).toBeGreaterThan(4);
	});

	it('names no unit without a total in any year: its documents are counted in its district’s rest row', async () => {
		// 2021: only g (江津区's 决算, which gives a basic figure but no total)
		const rows = await q<YearStackRow>(yearStackQuery(f({ years: { from: 2021, to: 2021 } })));
		expect(rows.map((r) => [r.district, r.unit, r.year, r.kind, Number(r.documents), Number(r.units), r.total])).toEqual([
			['江津区', null, 2021, 'final', 1, 0, null]
		]);
	});

	it('past the limit names each kind’s largest units and sums the others per district, year and kind', async () => {
		// fixture totals over the years — 预算: 九龙坡区·政务办 150.01 (printed, a cent off its rows), 北碚区·政务办 100, 北碚区·人民政府办公室 40,
		// the hostile district's unit 1; 决算: 九龙坡区·政务办 175, 江津区·政务办 (one year with a total)
		const rows = await q<YearStackRow>(yearStackQuery(EMPTY_FILTERS, 1));
		const named = rows.filter((r) => r.unit !== null).map((r) => [r.kind, r.district, r.unit, r.year, r.total]);
		expect(named).toEqual([
			['budget', '九龙坡区', '政务服务管理办公室', 2023, 150.01],
			['final', '九龙坡区', '政务服务管理办公室', 2023, 175]
		]);
		const rest = rows.filter((r) => r.unit === null);
		const trends = await q<TrendRow>(trendsQuery(EMPTY_FILTERS));
		const unnamed = trends.filter((t) => t.district !== '九龙坡区');
		for (const kind of ['budget', 'final'] as const) {
			const of = unnamed.filter((t) => t.kind === kind);
			const priced = new Set(of.filter((t) => t.total !== null).map((t) => `${t.district}|${t.unit}`));
			expect(rest.filter((r) => r.kind === kind).every((r) => Number(r.others) === priced.size)).toBe(true);
			// each district's and year's rest row adds exactly its unnamed units
			for (const r of rest.filter((x) => x.kind === kind)) {
				const parts = of.filter((t) => t.district === r.district && t.year === r.year);
				const totals = parts.map((t) => t.total).filter((v): v is number => v !== null);
				expect([Number(r.documents), Number(r.units), r.total]).toEqual([
					parts.reduce((s, t) => s + Number(t.documents), 0),
					totals.length,
					totals.length ? Math.round(totals.reduce((s, v) => s + v, 0) * 100) / 100 : null
				]);
			}
			expect(rest.filter((r) => r.kind === kind).length).toBe(new Set(of.map((t) => `${t.district}|${t.year}`)).size);
		}
		// 北碚区's two budget units are both unnamed, in different years: one rest row per year
		expect(rest.filter((r) => r.kind === 'budget' && r.district === '北碚区').map((r) => [r.year, r.total])).toEqual([
			[2023, 100],
			[2024, 40]
		]);
	});
});
