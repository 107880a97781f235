/**
 * The queries run once after DuckDB has loaded the data (see `warmUp` in ./db.svelte.ts): every
 * view's queries filtered by one district, so that the IN-list and join paths are compiled too,
 * and every chart's queries with every filter set — the kind, department, year and code
 * predicates take paths of their own in DuckDB, which run 2–4× slower in the browser until the
 * wasm code for them has been compiled (a reader's first changes would pay for it otherwise).
 * The client keeps each query's prepared statement, so the one-district shapes — a reader's
 * usual first filter — then cost one call to the worker.
 */
import { EMPTY_FILTERS, type KnownValues } from '$lib/filters/model';
import {
	compareFunctionQuery,
	compareSplitQuery,
	compareThreePublicQuery,
	compareAvailableQuery,
	coverageQuery,
	dataTableQuery,
	economicTreeQuery,
	functionTreeQuery,
	kpiQuery,
	threePublicQuery,
	trendsQuery,
	type SqlQuery
} from '$lib/queries';

/** Warm-up queries for the data described by `known`. */
export function warmUpQueries(known: KnownValues): SqlQuery[] {
	const filters = { ...EMPTY_FILTERS, districts: known.districts.slice(0, 1) };
	// every filter at once: the kind, department, year and code predicates have plans of their own
	const all = {
		districts: known.districts.slice(0, 1),
		years: known.years.length ? { from: known.years[0], to: known.years[known.years.length - 1] } : null,
		kind: 'budget' as const,
		departments: known.departments.slice(0, 1),
		code: known.codes[0] ?? null
	};
	return [
		trendsQuery(all),
		kpiQuery(all),
		functionTreeQuery(all),
		economicTreeQuery(all),
		compareSplitQuery(all),
		compareFunctionQuery(all),
		compareThreePublicQuery(all),
		compareSplitQuery(all, all.years?.to ?? null),
		compareAvailableQuery(all),
		threePublicQuery(all),
		coverageQuery(all),
		kpiQuery(filters),
		trendsQuery(filters),
		coverageQuery(filters),
		functionTreeQuery(filters),
		economicTreeQuery(filters),
		compareFunctionQuery(filters),
		compareSplitQuery(filters),
		compareThreePublicQuery(filters),
		compareAvailableQuery(filters),
		threePublicQuery(filters),
		dataTableQuery({ table: 'function', filters })
	];
}
