/**
 * The queries run once after DuckDB has loaded the data (see `warmUp` in ./db.svelte.ts): every
 * view's queries filtered by one district, so that the IN-list and join paths are compiled too,
 * and the heaviest ones with every filter set.
 */
import { EMPTY_FILTERS, type KnownValues } from '$lib/filters/model';
import {
	compareFunctionQuery,
	compareSplitQuery,
	compareThreePublicQuery,
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
		kpiQuery(filters),
		trendsQuery(filters),
		coverageQuery(filters),
		functionTreeQuery(filters),
		economicTreeQuery(filters),
		compareFunctionQuery(filters),
		compareSplitQuery(filters),
		compareThreePublicQuery(filters),
		threePublicQuery(filters),
		dataTableQuery({ table: 'function', filters })
	];
}
