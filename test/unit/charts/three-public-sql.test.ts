/**
 * /three-public's charts aggregated in SQL (threePublicChartQuery) against the JS aggregation they
 * replace (three-public-legacy.ts: every 三公 row in the page, the places ranked by limitPlaces):
 * the same options — categories, series, figures, tooltips — the same notices and the same caption,
 * on the seeds for several filters and limits, and on a fixture whose places tie; in DuckDB-WASM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	THREE_PUBLIC_PLACE_LIMIT,
	knownValuesQuery,
	threePublicChartQuery,
	threePublicDerivedPageQuery,
	threePublicDerivedQuery,
	threePublicPageQuery,
	threePublicQuery,
	toKnownValues,
	type KnownValueRow,
	type NameOrder,
	type SqlQuery,
	type ThreePublicChartRow,
	type ThreePublicDerivedRow,
	type ThreePublicRow
} from '../../../src/lib/queries';
import { derivedExecutionQuery, derivedThreePublicQuery, type DerivedExecutionRow } from '../../../src/lib/queries/narrative';
import {
	buildBudgetDisclosuresOption,
	buildBudgetVsActualOption,
	buildItemsBudgetVsActualOption,
	finalsAdded,
	splitThreePublicChart
} from '../../../src/lib/charts/three-public';
import { PLACE_LIMIT, limitPlaces, placeLimitNotice } from '../../../src/lib/charts/place-limit';
import type { ChartOption } from '../../../src/lib/charts/types';
import * as legacy from './three-public-legacy';
import { openWasmNodeDb, type WasmNodeDb } from '../../helpers/duckdb-wasm-node';
import { extractedDataDir } from '../../helpers/extracted-data';
import { rowsOf, writeFixtureParquet } from '../../helpers/fixtures';

const f = (patch: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...patch });

type Series = { name?: string; data: unknown[] };

/**
 * What a reader sees of an option: everything JSON keeps (categories, series names, figures,
 * styles) and every category's tooltip as the page would show it.
 */
function seen(option: ChartOption | null): unknown {
	if (option === null) return null;
	const categories = ((option.xAxis as { data?: string[] }).data ?? []) as string[];
	const series = (option.series ?? []) as Series[];
	const formatter = (option.tooltip as { formatter?: (info: unknown) => string }).formatter;
	const tooltips = formatter
		? categories.map((_, i) => formatter(series.map((s) => ({ dataIndex: i, marker: '', seriesName: s.name, value: s.data[i] }))))
		: [];
	return { json: JSON.parse(JSON.stringify(option)), tooltips };
}

/** The page as it was: every row in the page, the places ranked in JS (the old +page.svelte). */
function before(rows: ThreePublicRow[], derived: DerivedExecutionRow[], limit: number) {
	const finalLimit = limitPlaces(rows.filter((r) => r.kind === 'final'), (r) => r.actual ?? r.budget, limit);
	const budgetLimit = limitPlaces(rows.filter((r) => r.kind === 'budget'), (r) => r.budget, limit);
	const perPlace = rows.filter((r) => r.kind !== 'final' || finalLimit.rest === 0 || finalLimit.keep(r));
	const perPlaceDerived = finalLimit.rest === 0 ? derived : derived.filter((r) => finalLimit.keep(r));
	const budgets = rows.filter((r) => r.kind !== 'budget' || budgetLimit.rest === 0 || budgetLimit.keep(r));
	return {
		perPlace: seen(legacy.buildBudgetVsActualOption(perPlace, perPlaceDerived)),
		items: seen(legacy.buildItemsBudgetVsActualOption(rows, derived)),
		budgets: seen(legacy.buildBudgetDisclosuresOption(budgets)),
		added: legacy.finalsAdded(rows),
		finalNotice: finalLimit.rest > 0 ? placeLimitNotice(finalLimit, 'x') : null,
		budgetNotice: budgetLimit.rest > 0 ? placeLimitNotice(budgetLimit, 'x') : null,
		tableRows: rows.length,
		derivedRows: derived.filter((r) => r.measure.startsWith('three_public.')).length
	};
}

/** The page now: the chart query's rows only (the new +page.svelte). */
function after(chartRows: ThreePublicChartRow[], derivedRows: ThreePublicDerivedRow[], limit: number) {
	const split = splitThreePublicChart(chartRows, limit);
	const part = (p: ThreePublicDerivedRow['part']) => derivedRows.filter((r) => r.part === p);
	return {
		perPlace: seen(buildBudgetVsActualOption(split.finals, part('drawn'))),
		items: seen(buildItemsBudgetVsActualOption(split.items, part('listed'), part('sum'))),
		budgets: seen(buildBudgetDisclosuresOption(split.budgets)),
		added: finalsAdded(split.named, split.finalPlaces.places),
		finalNotice: split.finalPlaces.rest > 0 ? placeLimitNotice(split.finalPlaces, 'x') : null,
		budgetNotice: split.budgetPlaces.rest > 0 ? placeLimitNotice(split.budgetPlaces, 'x') : null,
		tableRows: split.tableRows,
		derivedRows: Number(part('count')[0]?.entries ?? 0)
	};
}

async function compare(db: WasmNodeDb, filters: Filters, limit: number, order: NameOrder | null) {
	const q = <T>(query: SqlQuery) => db.client.query<T>(query);
	const rows = await q<ThreePublicRow>(threePublicQuery(filters));
	const derived = await q<DerivedExecutionRow>(derivedExecutionQuery(filters));
	const chartRows = await q<ThreePublicChartRow>(threePublicChartQuery(filters, order, limit));
	const derivedRows = await q<ThreePublicDerivedRow>(threePublicDerivedQuery(filters, order, limit));
	return { was: before(rows, derived, limit), now: after(chartRows, derivedRows, limit), rows, chartRows, derivedRows };
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
		f({ kind: 'budget' }),
		f({ districts: ['九龙坡区'] }),
		f({ districts: ['江津区', '北碚区'] }),
		f({ years: { from: 2021, to: 2024 } }),
		f({ departments: ['政务服务管理办公室'] }),
		f({ code: '201' }),
		f({ years: { from: 2019, to: 2019 } })
	];

	it('draws what the JS drew — every filter, the whole limit and limits that cut (1, 2 places)', async () => {
		let cut = 0;
		for (const filters of FILTERS) {
			for (const limit of [PLACE_LIMIT, 1, 2]) {
				const { was, now } = await compare(db, filters, limit, order);
				expect(now, `${JSON.stringify(filters)} limit ${limit}`).toEqual(was);
				if (was.finalNotice || was.budgetNotice) cut++;
			}
		}
		expect(cut).toBeGreaterThan(4);
	});

	it('gives the figures the seed texts print (per item: 江津区 2020 and 九龙坡区 2021 决算 added)', async () => {
		const { now } = await compare(db, EMPTY_FILTERS, PLACE_LIMIT, order);
		const items = (now.items as { json: { series: Series[] } }).json.series;
		// 001…txt lines 47–52: 运行维护 2.29 (较年初预算数减少 2.71 → 5.00), 接待 0.39 (减少 0.61 → 1.00);
		// 000…txt lines 281–343: 运行维护 1.02, 接待 0.46 — its table prints 预算数 4.50 and 4.00
		expect(items.map((s) => [s.name, s.data])).toEqual([
			['预算数（决算公开）', [0, 9.5, 5]],
			['决算数', [0, 3.31, 0.85]]
		]);
		// both 决算 are drawn per place, 2020 first: totals 2.68 and 1.48
		const perPlace = (now.perPlace as { json: { xAxis: { data: string[] }; series: Series[] } }).json;
		expect(perPlace.xAxis.data).toEqual(['江津区·政务服务管理办公室 2020', '九龙坡区·政务服务管理办公室 2021']);
		expect(perPlace.series[1]!.data).toEqual([2.68, 1.48]);
		expect(now.added).toBe('2 份决算公开相加：江津区·政务服务管理办公室（2020年）、九龙坡区·政务服务管理办公室（2021年）');
	});

	it('pages the 明细 table in SQL: the pages are the rows in order, the count is every row', async () => {
		const all = await db.client.query<ThreePublicRow>(threePublicQuery(EMPTY_FILTERS));
		const { now } = await compare(db, EMPTY_FILTERS, PLACE_LIMIT, order);
		expect(now.tableRows).toBe(all.length);
		const paged: ThreePublicRow[] = [];
		for (let page = 1; page <= Math.ceil(all.length / 7); page++) paged.push(...(await db.client.query<ThreePublicRow>(threePublicPageQuery(EMPTY_FILTERS, page, 7))));
		expect(paged).toEqual(all);
	});

	it('names the district·year·kinds its figures come from, and receives a few rows rather than every one', async () => {
		const { chartRows, rows } = await compare(db, EMPTY_FILTERS, 1, order);
		const sources = chartRows.filter((r) => r.part === 'sources').map((r) => [r.district, r.year, r.kind]);
		expect(sources).toEqual([...new Set(rows.map((r) => JSON.stringify([r.district, r.year, r.kind])))].map((k) => JSON.parse(k)).sort());
		expect(THREE_PUBLIC_PLACE_LIMIT).toBe(PLACE_LIMIT);
	});
});

describe('places that tie', () => {
	// three 决算 of one figure in 九龙坡区, 北碚区 and 江津区 — by pinyin 北碚 (bei) < 江津 (jiang) <
	// 九龙坡 (jiu); by code point 九 < 北 < 江 — and a fourth with no figure at all (ranked last)
	const doc = (id: string, district: string, year: number) => [id, `${id}.txt`, district, `重庆市${district}政务服务管理办公室`, year, 'final', id, '政务服务管理办公室', 'tabs'];
	let db: WasmNodeDb;
	beforeAll(async () => {
		db = await openWasmNodeDb(
			await writeFixtureParquet({
				documents: rowsOf(
					'documents',
					['doc_id', 'source_file', 'district', 'department', 'year', 'kind', 'title', 'department_kind', 'layout'],
					[doc('p', '九龙坡区', 2022), doc('q', '北碚区', 2022), doc('r', '江津区', 2022), doc('s', '江津区', 2023), doc('t', '北碚区', 2021)]
				),
				narrative_figures: rowsOf(
					'narrative_figures',
					['doc_id', 'measure', 'figure_year', 'figure_kind', 'relation', 'value', 'current_value', 'stated_change', 'reason', 'source_line'],
					[
						// t prints no 预算数 at all: its total and every part are drawn from the prose (公务用车 = 购置 + 运行)
						['t', 'three_public.total', 2021, 'budget', 'initial_budget', 5, 4, -1, '主要原因是压减', 10],
						['t', 'three_public.vehicle_purchase', 2021, 'budget', 'initial_budget', 1, 1, 0, null, 11],
						['t', 'three_public.vehicle_operation', 2021, 'budget', 'initial_budget', 2, 1.5, -0.5, '主要原因是少出车', 12],
						['t', 'three_public.reception', 2021, 'budget', 'initial_budget', 1, 0.5, -0.5, null, 13],
						// r prints a 公务用车 预算数 (3): only its reception is the prose's
						['r', 'three_public.vehicle', 2022, 'budget', 'initial_budget', 4, 2, -2, null, 20],
						['r', 'three_public.reception', 2022, 'budget', 'initial_budget', 0.5, 0, -0.5, '主要原因是无接待', 21],
						// s states 公务用车 itself: its 购置 sentence is not added again
						['s', 'three_public.vehicle', 2023, 'budget', 'initial_budget', 2, 1, -1, null, 30],
						['s', 'three_public.vehicle_purchase', 2023, 'budget', 'initial_budget', 1, 0, -1, null, 31],
						// not a 三公 figure, and not a 年初预算数: neither is drawn
						['s', 'expenditure_total', 2023, 'budget', 'initial_budget', 100, 90, -10, null, 32],
						['q', 'three_public.reception', 2021, 'final', 'prior_year', 1, 2, 1, null, 40]
					]
				),
				three_public: rowsOf(
					'three_public',
					['doc_id', 'item', 'budget', 'actual', 'source_line'],
					[
						['p', 'total', 6, 3, 1],
						['q', 'total', 6, 3, 1],
						['q', 'vehicle_purchase', 1, 1, 2],
						['q', 'vehicle_operation', 2, 1, 3],
						['r', 'total', 6, 3, 1],
						['r', 'vehicle', 3, null, 2],
						['r', 'vehicle_operation', 3, 2, 3],
						['s', 'total', 1, 3, 1],
						['t', 'outbound', null, null, 1]
					]
				)
			})
		);
	}, 60_000);

	it('keeps the places the JS kept: the larger figure, then the name in reading order, then the later year', async () => {
		const order = { districts: ['北碚区', '江津区', '九龙坡区'], units: ['政务服务管理办公室'] };
		for (const limit of [1, 2, 3, 4, 5]) {
			const { was, now } = await compare(db, EMPTY_FILTERS, limit, order);
			expect(now, `limit ${limit}`).toEqual(was);
		}
		const { now } = await compare(db, EMPTY_FILTERS, 2, order);
		expect((now.perPlace as { json: { xAxis: { data: string[] } } }).json.xAxis.data).toEqual(['北碚区·政务服务管理办公室 2022', '江津区·政务服务管理办公室 2023']);
		// 公务用车: 北碚区's 购置 + 运行 (no 公务用车 row); 江津区's printed 公务用车 budget, its 运行 actual (no 公务用车 actual)
		expect((now.items as { json: { series: Series[] } }).json.series.map((s) => s.data).slice(0, 2)).toEqual([
			[null, 6, null],
			[null, 4, null]
		]);
	});

	it('adds the prose\'s 年初预算数 per item where the tables print none, as the JS did, and names the first places only', async () => {
		const { now } = await compare(db, EMPTY_FILTERS, 24, null);
		const items = (now.items as { json: { series: (Series & { id?: string })[] } }).json.series;
		// 公务用车: t 1 + 2, s 2 (r's is printed); 接待: t 1, r 0.5
		expect(items[2]).toMatchObject({ name: '预算数（据决算文字推算）', data: [null, 5, 1.5] });
		// one place listed per item: the tooltip names it and counts the others
		const rows = await db.client.query<ThreePublicDerivedRow>(threePublicDerivedQuery(EMPTY_FILTERS, null, 24, 1));
		expect(rows.filter((r) => r.part === 'sum').map((r) => [r.item, r.budget, Number(r.entries)])).toEqual([
			['reception', 1.5, 2],
			['vehicle', 5, 2]
		]);
		const listed = rows.filter((r) => r.part === 'listed');
		expect(listed.map((r) => [r.district, r.year, r.measure])).toEqual([
			['北碚区', 2021, 'three_public.vehicle_purchase'],
			['北碚区', 2021, 'three_public.vehicle_operation'],
			['北碚区', 2021, 'three_public.reception']
		]);
		const option = buildItemsBudgetVsActualOption([{ item: 'vehicle', budget: 1, actual: 1 }], listed, rows.filter((r) => r.part === 'sum'))!;
		const html = (option.tooltip as { formatter: (p: unknown) => string }).formatter([{ dataIndex: 1, marker: '', seriesName: 'x', value: 5 }]);
		expect(html).toContain('北碚区·政务服务管理办公室 2021 年初预算数 3.00 万元');
		expect(html).toContain('原因：主要原因是少出车');
		expect(html).toContain('另有 1 个单位·年度的推算年初预算数');
	});

	it('pages the derived 三公 rows in SQL: the pages are derivedExecutionQuery\'s 三公 rows in order', async () => {
		const all = await db.client.query<DerivedExecutionRow>(derivedThreePublicQuery(EMPTY_FILTERS));
		const legacy = (await db.client.query<DerivedExecutionRow>(derivedExecutionQuery(EMPTY_FILTERS))).filter((r) => r.measure.startsWith('three_public.'));
		expect(all).toEqual(legacy);
		expect(all).toHaveLength(8);
		const paged: DerivedExecutionRow[] = [];
		for (let page = 1; page <= 3; page++) paged.push(...(await db.client.query<DerivedExecutionRow>(threePublicDerivedPageQuery(EMPTY_FILTERS, page, 3))));
		expect(paged).toEqual(all);
	});

	it('without a reading order, breaks ties by code point', async () => {
		const rows = await db.client.query<ThreePublicChartRow>(threePublicChartQuery(EMPTY_FILTERS, null, 1));
		expect([...new Set(rows.filter((r) => r.part === 'final').map((r) => r.district))]).toEqual(['九龙坡区']);
	});
});
