/**
 * /execution's chart ranked in SQL (executionChartQuery) and its tables paged in SQL, against what
 * the page did before with every row in hand: limitPlaces over the printed and derived pairs, the
 * chart built from the kept rows, the notice, and each table a slice of its whole query. On the
 * seeds for several filters and limits, and on a fixture whose places tie; in DuckDB-WASM (native
 * DuckDB answers the same queries in test/unit/db, view-queries.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	changeCountQuery,
	changePageQuery,
	changeQuery,
	derivedExecutionTablePageQuery,
	executionChartQuery,
	executionPageQuery,
	executionQuery,
	knownValuesQuery,
	splitExecutionChart,
	toKnownValues,
	type ChangeRow,
	type CountRow,
	type ExecutionChartRow,
	type ExecutionRow,
	type KnownValueRow,
	type NameOrder,
	type SqlQuery
} from '../../../src/lib/queries';
import { derivedExecutionQuery, type DerivedExecutionRow } from '../../../src/lib/queries/narrative';
import { buildExecutionOption } from '../../../src/lib/charts/execution';
import { PLACE_LIMIT, limitPlaces, placeLimitNotice } from '../../../src/lib/charts/place-limit';
import type { ChartOption } from '../../../src/lib/charts/types';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

type Series = { name?: string; data: unknown[] };

/** What a reader sees of an option: what JSON keeps and every category's tooltip. */
function seen(option: ChartOption | null): unknown {
	if (option === null) return null;
	const categories = ((option.xAxis as { data?: string[] }).data ?? []) as string[];
	const series = (option.series ?? []) as Series[];
	const formatter = (option.tooltip as { formatter?: (info: unknown) => string }).formatter;
	const tooltips = formatter
		? categories.map((_, i) => formatter(series.map((s) => ({ dataIndex: i, marker: '', seriesName: s.name, value: s.data[i] }))))
		: [];
	return { json: JSON.parse(JSON.stringify(option)), tooltips, categories };
}

/** The page as it was: every row in the page, the places ranked by limitPlaces (the old +page.svelte). */
function before(rows: ExecutionRow[], derived: DerivedExecutionRow[], limit: number) {
	const placeLimit = limitPlaces<{ district: string; unit: string; year: number; final: number | null }>([...rows, ...derived], (r) => r.final, limit);
	const kept = placeLimit.rest > 0 ? rows.filter(placeLimit.keep) : rows;
	const keptDerived = placeLimit.rest > 0 ? derived.filter(placeLimit.keep) : derived;
	return {
		chart: seen(buildExecutionOption(kept, keptDerived)),
		notice: placeLimit.rest > 0 ? placeLimitNotice(placeLimit, '执行率') : null,
		executionRows: rows.length,
		derivedRows: derived.length
	};
}

/** The page now: the chart query's rows only. */
function after(chartRows: ExecutionChartRow[], limit: number) {
	const split = splitExecutionChart(chartRows, limit);
	return {
		chart: seen(buildExecutionOption(split.printed, split.derived)),
		notice: split.places.rest > 0 ? placeLimitNotice(split.places, '执行率') : null,
		executionRows: split.executionRows,
		derivedRows: split.derivedRows
	};
}

async function compare(db: WasmNodeDb, filters: Filters, limit: number, order: NameOrder | null) {
	const q = <T>(query: SqlQuery) => db.client.query<T>(query);
	const rows = await q<ExecutionRow>(executionQuery(filters));
	const derived = await q<DerivedExecutionRow>(derivedExecutionQuery(filters));
	const chartRows = await q<ExecutionChartRow>(executionChartQuery(filters, order, limit));
	return { was: before(rows, derived, limit), now: after(chartRows, limit), rows, derived, chartRows };
}

/** Every page of `pageOf` (page size `size`) until an empty one, joined. */
async function allPages<T>(db: WasmNodeDb, pageOf: (page: number, size: number) => SqlQuery, size: number): Promise<T[]> {
	const out: T[] = [];
	for (let page = 1; ; page++) {
		const rows = await db.client.query<T>(pageOf(page, size));
		if (rows.length === 0) return out;
		expect(rows.length).toBeLessThanOrEqual(size);
		out.push(...rows);
	}
}

/** The three tables paged in SQL are their whole queries, page by page, and the counts are theirs. */
async function expectPagesAreSlices(db: WasmNodeDb, filters: Filters, size: number) {
	const q = <T>(query: SqlQuery) => db.client.query<T>(query);
	const changes = await q<ChangeRow>(changeQuery(filters));
	expect(await allPages<ChangeRow>(db, (p, s) => changePageQuery(filters, p, s), size)).toEqual(changes);
	expect(Number((await q<CountRow>(changeCountQuery(filters)))[0]!.row_count)).toBe(changes.length);
	const rows = await q<ExecutionRow>(executionQuery(filters));
	expect(await allPages<ExecutionRow>(db, (p, s) => executionPageQuery(filters, p, s), size)).toEqual(rows);
	const derived = await q<DerivedExecutionRow>(derivedExecutionQuery(filters));
	expect(await allPages<DerivedExecutionRow>(db, (p, s) => derivedExecutionTablePageQuery(filters, p, s), size)).toEqual(derived);
	return { changes: changes.length, rows: rows.length, derived: derived.length };
}

describe('on the seeds', () => {
	let db: WasmNodeDb;
	let order: NameOrder;
	beforeAll(async () => {
		db = await openWasmNodeDb(await extractedDataDir());
		const known = toKnownValues(await db.client.query<KnownValueRow>(knownValuesQuery()));
		order = { districts: known.districts, units: known.departments };
	}, 60_000);

	const FILTERS: Filters[] = [
		EMPTY_FILTERS,
		f({ kind: 'final' }),
		f({ districts: ['九龙坡区'] }),
		f({ districts: ['江津区', '北碚区'] }),
		f({ years: { from: 2021, to: 2024 } }),
		f({ departments: ['政务服务管理办公室'] }),
		f({ code: '201' })
	];

	it('draws what the JS drew — every filter, the whole limit and limits that cut (1, 2 places)', async () => {
		let cut = 0;
		let drawn = 0;
		for (const filters of FILTERS) {
			for (const limit of [PLACE_LIMIT, 1, 2]) {
				const { was, now } = await compare(db, filters, limit, order);
				expect(now, `${JSON.stringify(filters)} limit ${limit}`).toEqual(was);
				if (was.notice) cut++;
				if (was.chart) drawn++;
			}
		}
		// the comparison means something: some limits cut, some charts are drawn
		expect(cut).toBeGreaterThan(2);
		expect(drawn).toBeGreaterThan(2);
	});

	it('receives the rows of the drawn places only', async () => {
		const { rows, derived, chartRows } = await compare(db, EMPTY_FILTERS, 1, order);
		const places = new Set(chartRows.filter((r) => r.part !== 'count').map((r) => `${r.district}|${r.unit}|${r.year}`));
		expect(places.size).toBe(1);
		expect(chartRows.length).toBeLessThan(rows.length + derived.length);
	});

	it('pages the three tables in SQL: the pages are the whole queries in order, the counts every row', async () => {
		for (const filters of [EMPTY_FILTERS, f({ kind: 'budget' }), f({ code: '201' })]) {
			const n = await expectPagesAreSlices(db, filters, 7);
			if (filters === EMPTY_FILTERS) {
				// more than a page of derived pairs, so the paging is exercised (the seeds pair no 预算 with
				// its 决算 and have no two adjacent years of a unit and kind: those are paged on the fixture below)
				expect(n.derived).toBeGreaterThan(7);
			}
		}
	});
});

describe('places that tie, more than the limit', () => {
	// 决算 totals of 100 in 九龙坡区, 北碚区 and 江津区 2022 (each with its 预算) — by pinyin 北碚 (bei) <
	// 江津 (jiang) < 九龙坡 (jiu); by code point 九 < 北 < 江 — and 江津区 2023's 100, 北碚区 2021's 50 read
	// from the 决算's prose only (no 预算 of those years): a derived place ties with the printed ones
	const doc = (id: string, district: string, year: number, kind: 'budget' | 'final') =>
		[id, `${id}.txt`, district, `重庆市${district}政务服务管理办公室`, year, kind, id, '政务服务管理办公室', 'tabs'];
	const ORDER: NameOrder = { districts: ['北碚区', '江津区', '九龙坡区'], units: ['政务服务管理办公室'] };
	let db: WasmNodeDb;
	beforeAll(async () => {
		db = await openWasmNodeDb(
			await writeFixtureParquet({
				documents: rowsOf(
					'documents',
					['doc_id', 'source_file', 'district', 'department', 'year', 'kind', 'title', 'department_kind', 'layout'],
					[
						doc('jb', '九龙坡区', 2022, 'budget'),
						doc('jf', '九龙坡区', 2022, 'final'),
						doc('bb', '北碚区', 2022, 'budget'),
						doc('bf', '北碚区', 2022, 'final'),
						doc('zb', '江津区', 2022, 'budget'),
						doc('zf', '江津区', 2022, 'final'),
						doc('zf3', '江津区', 2023, 'final'),
						doc('bf1', '北碚区', 2021, 'final'),
						doc('bb1', '北碚区', 2020, 'budget'),
						doc('bf0', '北碚区', 2020, 'final')
					]
				),
				summary: rowsOf(
					'summary',
					['doc_id', 'measure', 'value', 'source', 'source_line'],
					[
						['jb', 'expenditure_total', 120, 'table', 1],
						['jf', 'expenditure_total', 100, 'table', 1],
						['bb', 'expenditure_total', 110, 'table', 1],
						['bf', 'expenditure_total', 100, 'table', 1],
						['bf', 'basic', 60, 'table', 2],
						['bb', 'basic', 70, 'table', 2],
						['zb', 'expenditure_total', 90, 'table', 1],
						['zf', 'expenditure_total', 100, 'table', 1],
						['bb1', 'expenditure_total', 20, 'table', 1],
						['bf0', 'expenditure_total', 10, 'table', 1],
						// printed 决算 without their 预算: no rate, but a change against the year before
						['bf1', 'expenditure_total', 50, 'table', 1],
						['zf3', 'expenditure_total', 100, 'table', 1]
					]
				),
				narrative_figures: rowsOf(
					'narrative_figures',
					['doc_id', 'measure', 'figure_year', 'figure_kind', 'relation', 'value', 'current_value', 'stated_change', 'reason', 'source_line'],
					[
						['zf3', 'expenditure_total', 2023, 'budget', 'initial_budget', 110, 100, -10, '主要原因是压减', 10],
						['zf3', 'three_public.total', 2023, 'budget', 'initial_budget', 5, 4, -1, null, 11],
						['bf1', 'expenditure_total', 2021, 'budget', 'initial_budget', 60, 50, -10, null, 10],
						// a 决算 whose year's 预算 is in the data: paired instead, never derived
						['zf', 'expenditure_total', 2022, 'budget', 'initial_budget', 90, 100, 10, null, 12]
					]
				)
			})
		);
	}, 60_000);

	it('keeps the places the JS kept: the larger 决算数, then the name in reading order, then the later year', async () => {
		for (const limit of [1, 2, 3, 4, 5, 6, 7]) {
			const { was, now } = await compare(db, EMPTY_FILTERS, limit, ORDER);
			expect(now, `limit ${limit}`).toEqual(was);
		}
		const { now } = await compare(db, EMPTY_FILTERS, 3, ORDER);
		// 100 each: 北碚区 2022, then 江津区 — 2023 (derived) before 2022 — and 九龙坡区 left out
		expect((now.chart as { categories: string[] }).categories).toEqual([
			'北碚区·政务服务管理办公室 2022',
			'江津区·政务服务管理办公室 2022',
			'江津区·政务服务管理办公室 2023'
		]);
		expect(now.notice).toBe(placeLimitNotice({ places: 6, drawn: 3, rest: 3 }, '执行率'));
	});

	it('without a reading order, breaks ties by code point', async () => {
		const rows = await db.client.query<ExecutionChartRow>(executionChartQuery(EMPTY_FILTERS, null, 1));
		expect([...new Set(rows.filter((r) => r.part === 'printed').map((r) => r.district))]).toEqual(['九龙坡区']);
	});

	it('pages each table in SQL as the slices of its whole query', async () => {
		const n = await expectPagesAreSlices(db, EMPTY_FILTERS, 2);
		// changes: 北碚区 决算 2021 (vs 2020) and 2022 (vs 2021), 江津区 决算 2023 (vs 2022)
		expect(n).toEqual({ changes: 3, rows: 5, derived: 3 });
	});
});
