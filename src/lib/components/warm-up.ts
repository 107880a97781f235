/**
 * The queries run once after DuckDB has loaded the data (see `warmUp` in ./db.svelte.ts), before
 * `data-duckdb="ready"`: the queries of the page the reader is on, filtered by one district (the
 * IN-list and join paths, and the shape of a reader's usual first filter, whose prepared statement
 * the client then keeps) and with every filter set — the kind, department, year and code
 * predicates take paths of their own in DuckDB, which run 2–4× slower in the browser until the
 * wasm code for them has been compiled (a reader's first changes would pay for it otherwise).
 *
 * Only that page's queries: every other page's were the whole list before, and DuckDB's operators
 * are shared wasm code, so what one page's queries compile serves the others; a page not listed
 * (or none) gets the whole list.
 */
import { EMPTY_FILTERS, type Filters, type KnownValues } from '$lib/filters/model';
import {
	compareFunctionQuery,
	compareThreePublicQuery,
	compareLeftOutQuery,
	compareSplitChartQuery,
	compareYearsQuery,
	changeCountQuery,
	changePageQuery,
	dataTableQuery,
	derivedExecutionTablePageQuery,
	executionChartQuery,
	executionPageQuery,
	rankingQuery,
	economicTreeQuery,
	functionTreeQuery,
	kpiQuery,
	threePublicChartQuery,
	threePublicDerivedPageQuery,
	threePublicDerivedQuery,
	threePublicPageQuery,
	trendsQuery,
	yearStackQuery,
	type CompareDraw,
	type SqlQuery
} from '$lib/queries';
import { COMPARE_LIMIT, COMPARE_NOTICE_LIMIT } from '$lib/charts/compare-limit';

/** /compare's charts as the page asks for them (the name order is a bound value: the plan is the same). */
const COMPARE_DRAW: CompareDraw = { limit: COMPARE_LIMIT, order: null };

/** The queries each page runs, by SvelteKit route id; `at` is a year a fixed-year view may take. */
const PAGE_QUERIES: Record<string, (f: Filters, at: number | null) => SqlQuery[]> = {
	'/': (f) => [kpiQuery(f), yearStackQuery(f)],
	'/structure': (f) => [kpiQuery(f), functionTreeQuery(f), economicTreeQuery(f)],
	'/compare': (f, at) => [
		compareYearsQuery(f),
		compareSplitChartQuery(f, null, COMPARE_DRAW),
		compareFunctionQuery(f, null, COMPARE_DRAW),
		compareThreePublicQuery(f, null, COMPARE_DRAW),
		compareSplitChartQuery(f, at, COMPARE_DRAW),
		// a fixed year's notice; without one, year 0: the same statement, every unit left out
		compareLeftOutQuery(f, at ?? 0, COMPARE_NOTICE_LIMIT)
	],
	'/three-public': (f) => [threePublicChartQuery(f), threePublicDerivedQuery(f), threePublicPageQuery(f, 1), threePublicDerivedPageQuery(f, 1)],
	'/trends': (f) => [trendsQuery(f)],
	'/data': (f) => [dataTableQuery({ table: 'function', filters: f })],
	'/execution': (f) => [executionChartQuery(f), executionPageQuery(f, 1), changeCountQuery(f), changePageQuery(f, 1), derivedExecutionTablePageQuery(f, 1)],
	'/rankings': (f) => [rankingQuery(f, 'total')]
};

/** Every listed query, as before pages had lists of their own (for pages not listed). */
const ALL: (f: Filters, at: number | null) => SqlQuery[] = (f, at) => [
	yearStackQuery(f),
	trendsQuery(f),
	kpiQuery(f),
	functionTreeQuery(f),
	economicTreeQuery(f),
	compareYearsQuery(f),
	compareSplitChartQuery(f, null, COMPARE_DRAW),
	compareFunctionQuery(f, null, COMPARE_DRAW),
	compareThreePublicQuery(f, null, COMPARE_DRAW),
	compareSplitChartQuery(f, at, COMPARE_DRAW),
	threePublicChartQuery(f),
	dataTableQuery({ table: 'function', filters: f })
];

/** Warm-up queries for the data described by `known`, for the page `routeId` (SvelteKit's route id). */
export function warmUpQueries(known: KnownValues, routeId: string | null = null): SqlQuery[] {
	const build = (routeId !== null && PAGE_QUERIES[routeId]) || ALL;
	const oneDistrict = { ...EMPTY_FILTERS, districts: known.districts.slice(0, 1) };
	// every filter at once: the kind, department, year and code predicates have plans of their own
	const all: Filters = {
		districts: known.districts.slice(0, 1),
		years: known.years.length ? { from: known.years[0], to: known.years[known.years.length - 1] } : null,
		kind: 'budget',
		departments: known.departments.slice(0, 1),
		code: known.codes[0] ?? null
	};
	const at = all.years?.to ?? null;
	return [...build(all, at), ...build(oneDistrict, null)];
}

/**
 * Filter combinations for the background warm-up run after `ready` (see `warmUpInBackground`):
 * every subset of the five filters (district, kind, department, years, code), each with values
 * taken in turn from the known ones, `rounds` times. DuckDB takes a path of its own for each
 * filter present, and V8 compiles a path's wasm in its top tier only once that path has run often;
 * running each shape a few times while the reader reads moves that compilation off their changes.
 */
export function backgroundWarmUpFilters(known: KnownValues, rounds: number): Filters[] {
	const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
	const out: Filters[] = [];
	for (let round = 0; round < rounds; round++) {
		for (let mask = 1; mask < 32; mask++) {
			const i = round * 31 + mask;
			const district = pick(known.districts, i);
			const department = pick(known.departments, i);
			const code = pick(known.codes, i);
			const from = pick(known.years, i);
			const years = from === undefined ? null : { from, to: Math.max(from, known.years[known.years.length - 1]) };
			out.push({
				districts: mask & 1 && district ? [district] : [],
				kind: mask & 2 ? (i % 2 ? 'budget' : 'final') : EMPTY_FILTERS.kind,
				departments: mask & 4 && department ? [department] : [],
				years: mask & 8 ? years : null,
				code: mask & 16 ? (code ?? null) : null
			});
		}
	}
	return out;
}

/**
 * At most this many background queries: two rounds of the overview's two statements. A page with
 * more statements per filter gets fewer rounds — each statement still has every shape run once.
 */
const MAX_BACKGROUND_QUERIES = 124;

/** The page's queries over {@link backgroundWarmUpFilters}, whole rounds up to {@link MAX_BACKGROUND_QUERIES}. */
export function backgroundWarmUpQueries(known: KnownValues, routeId: string | null = null): SqlQuery[] {
	const build = (routeId !== null && PAGE_QUERIES[routeId]) || ALL;
	const perRound = 31 * build(EMPTY_FILTERS, null).length;
	const rounds = Math.max(1, Math.floor(MAX_BACKGROUND_QUERIES / perRound));
	return backgroundWarmUpFilters(known, rounds).flatMap((f) => build(f, f.years?.to ?? null));
}
