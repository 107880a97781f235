/**
 * Every query builder a browser view runs (routes and components: overview, structure, compare,
 * trends, three-public, execution, rankings, data), over a set of filters — the queries the
 * loaded tables must answer, and that outside engines must answer the same way.
 */
import { EMPTY_FILTERS, type Filters } from '../../../src/lib/filters/model';
import {
	RANKING_MEASURES,
	changeCountQuery,
	changePageQuery,
	changeQuery,
	compareLeftOutQuery,
	compareSplitChartQuery,
	compareYearsQuery,
	compareFunctionQuery,
	compareSplitQuery,
	compareThreePublicQuery,
	coverageCellQuery,
	coverageQuery,
	dataTableAllQuery,
	dataTableCountQuery,
	dataTableQuery,
	documentsListQuery,
	economicTreeQuery,
	derivedExecutionTablePageQuery,
	executionChartQuery,
	executionPageQuery,
	executionQuery,
	functionTreeQuery,
	knownValuesQuery,
	kpiQuery,
	rankingQuery,
	threePublicChartQuery,
	threePublicDerivedPageQuery,
	threePublicDerivedQuery,
	threePublicPageQuery,
	threePublicQuery,
	trendsQuery,
	yearStackQuery,
	type DataTableKey,
	type SqlQuery
} from '../../../src/lib/queries';
import { trendDerivedPointsQuery } from '../../../src/lib/queries/narrative';

/** Filter sets that take each predicate's path: none, districts, years, one kind, departments, a code. */
export function filterSets(known: { districts: string[]; years: number[]; departments: string[]; codes: string[] }): Record<string, Filters> {
	const years = known.years;
	return {
		none: EMPTY_FILTERS,
		district: { ...EMPTY_FILTERS, districts: known.districts.slice(0, 2) },
		years: { ...EMPTY_FILTERS, years: { from: years[1] ?? years[0]!, to: years[years.length - 1]! } },
		budget: { ...EMPTY_FILTERS, kind: 'budget' },
		final: { ...EMPTY_FILTERS, kind: 'final', departments: known.departments.slice(0, 1) },
		code: { ...EMPTY_FILTERS, code: known.codes.find((c) => c.length === 3) ?? null },
		subcode: { ...EMPTY_FILTERS, kind: 'budget', code: known.codes.find((c) => c.length === 5) ?? null }
	};
}

const DATA_KEYS: DataTableKey[] = ['function', 'economic', 'three_public', 'summary'];

/** The views' queries for `filters`, by a readable name. */
export function viewQueries(filters: Filters): Record<string, SqlQuery> {
	const at = filters.years?.to ?? null;
	const out: Record<string, SqlQuery> = {
		known: knownValuesQuery(),
		kpi: kpiQuery(filters),
		trends: trendsQuery(filters),
		// at a limit the seeds exceed: the candidate lines (ties included) and their derived points
		trendsLimited: trendsQuery(filters, 2),
		trendDerived: trendDerivedPointsQuery(filters, 2),
		yearStack: yearStackQuery(filters),
		coverage: coverageQuery(filters),
		// an opened cell: the first selected district (none selected: a cell of no district) at the range's end
		coverageCell: coverageCellQuery(filters, filters.districts[0] ?? '', at ?? 0),
		documents: documentsListQuery(filters),
		functionTree: functionTreeQuery(filters),
		economicTree: economicTreeQuery(filters),
		compareFunction: compareFunctionQuery(filters),
		compareFunctionAt: compareFunctionQuery(filters, at),
		compareSplit: compareSplitQuery(filters),
		compareThreePublic: compareThreePublicQuery(filters),
		compareYears: compareYearsQuery(filters),
		compareLeftOut: compareLeftOutQuery(filters, at ?? 2023, 2),
		// two groups drawn, ties broken in a given reading order: the limit's cut taken
		compareSplitChart: compareSplitChartQuery(filters, null, { limit: 2, order: { districts: ['江津区', '九龙坡区'], units: ['政务服务管理办公室'] } }),
		compareFunctionDrawn: compareFunctionQuery(filters, at, { limit: 2, order: null }),
		compareThreePublicDrawn: compareThreePublicQuery(filters, null, { limit: 1, order: null }),
		threePublic: threePublicQuery(filters),
		threePublicChart: threePublicChartQuery(filters),
		// two places of a kind drawn, ties broken in a given reading order: the limit's cut taken
		threePublicChartCut: threePublicChartQuery(filters, { districts: ['江津区', '九龙坡区'], units: ['政务服务管理办公室'] }, 2),
		threePublicPage: threePublicPageQuery(filters, 2, 7),
		threePublicDerived: threePublicDerivedQuery(filters),
		threePublicDerivedCut: threePublicDerivedQuery(filters, { districts: ['江津区', '九龙坡区'], units: ['政务服务管理办公室'] }, 1, 1),
		threePublicDerivedPage: threePublicDerivedPageQuery(filters, 1, 3),
		execution: executionQuery(filters),
		change: changeQuery(filters),
		executionChart: executionChartQuery(filters),
		// one place drawn, ties broken in a given reading order: the limit's cut taken
		executionChartCut: executionChartQuery(filters, { districts: ['江津区', '九龙坡区'], units: ['政务服务管理办公室'] }, 1),
		executionPage: executionPageQuery(filters, 1, 7),
		changePage: changePageQuery(filters, 2, 7),
		changeCount: changeCountQuery(filters),
		derivedExecutionPage: derivedExecutionTablePageQuery(filters, 2, 7)
	};
	for (const m of RANKING_MEASURES) out[`ranking:${m}`] = rankingQuery(filters, m);
	for (const key of DATA_KEYS) {
		out[`data:${key}`] = dataTableQuery({ table: key, filters, page: 1, pageSize: 500 });
		out[`data:${key}:count`] = dataTableCountQuery({ table: key, filters });
		out[`data:${key}:all`] = dataTableAllQuery({ table: key, filters });
	}
	return out;
}
