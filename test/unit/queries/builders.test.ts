/**
 * Pure checks of the builders' output: filter values only ever appear as parameters, and sort
 * columns only from the whitelist. (What the SQL returns is tested in semantics/seeds tests.)
 */
import { describe, expect, it } from 'vitest';
import type { Filters } from '../../../src/lib/filters/model';
import { EMPTY_FILTERS } from '../../../src/lib/filters/model';
import {
	compareFunctionQuery,
	compareSplitQuery,
	compareThreePublicQuery,
	coverageQuery,
	dataTableAllQuery,
	dataTableColumns,
	dataTableCountQuery,
	dataTableQuery,
	documentQueries,
	documentsListQuery,
	economicTreeQuery,
	functionTreeQuery,
	kpiQuery,
	pageWindow,
	resolveSort,
	threePublicChartQuery,
	executionChartQuery,
	executionPageQuery,
	changePageQuery,
	changeCountQuery,
	derivedExecutionTablePageQuery,
	threePublicDerivedPageQuery,
	threePublicDerivedQuery,
	threePublicPageQuery,
	threePublicQuery,
	trendsQuery,
	yearStackQuery,
	whereDocuments,
	type SqlQuery
} from '../../../src/lib/queries';

const HOSTILE = "九龙坡区'); DROP TABLE documents; --";
const HOSTILE_DEPT = 'x" OR 1=1 --';

const FULL: Filters = {
	districts: [HOSTILE, '北碚区'],
	years: { from: 2021, to: 2025 },
	kind: 'budget',
	departments: [HOSTILE_DEPT],
	code: '20103'
};

function builders(f: Filters): [string, SqlQuery][] {
	return [
		['documents', documentsListQuery(f)],
		['coverage', coverageQuery(f)],
		['kpi', kpiQuery(f)],
		['functionTree', functionTreeQuery(f)],
		['economicTree', economicTreeQuery(f)],
		['compareFunction', compareFunctionQuery(f)],
		['compareSplit', compareSplitQuery(f)],
		['compareThreePublic', compareThreePublicQuery(f)],
		['trends', trendsQuery(f)],
		['yearStack', yearStackQuery(f)],
		['threePublic', threePublicQuery(f)],
		['threePublicChart', threePublicChartQuery(f, { districts: ['北碚区', HOSTILE], units: [HOSTILE_DEPT] })],
		['threePublicPage', threePublicPageQuery(f, 3)],
		['threePublicDerived', threePublicDerivedQuery(f, { districts: ['北碚区', HOSTILE], units: [HOSTILE_DEPT] })],
		['threePublicDerivedPage', threePublicDerivedPageQuery(f, 2)],
		['executionChart', executionChartQuery(f, { districts: ['北碚区', HOSTILE], units: [HOSTILE_DEPT] })],
		['executionPage', executionPageQuery(f, 3)],
		['changePage', changePageQuery(f, 2)],
		['changeCount', changeCountQuery(f)],
		['derivedExecutionPage', derivedExecutionTablePageQuery(f, 2)],
		['dataTable', dataTableQuery({ table: 'function', filters: f, page: 3, pageSize: 20 })],
		['dataTableAll', dataTableAllQuery({ table: 'summary', filters: f })],
		['dataTableCount', dataTableCountQuery({ table: 'economic', filters: f })]
	];
}

const placeholders = (q: SqlQuery) => (q.sql.match(/\?/g) ?? []).length;

describe('every builder binds filter values as parameters', () => {
	for (const [name, q] of builders(FULL)) {
		it(`${name}: no filter value in the SQL text, one ? per parameter`, () => {
			expect(q.sql).not.toContain('DROP');
			expect(q.sql).not.toContain('1=1');
			expect(q.sql).not.toContain('北碚区');
			expect(q.sql).not.toContain('20103');
			expect(placeholders(q)).toBe(q.params.length);
			// the selected districts travel as one parameter (see oneOf), the department as another
			expect(q.params).toContain(`${HOSTILE}\u001f北碚区`);
			expect(q.params).toContain(HOSTILE_DEPT);
			expect(q.params).toContain('20103');
			// one district or two: the same SQL text (one prepared statement per view)
			expect(q.sql).toBe(builders({ ...FULL, districts: ['北碚区'] }).find(([n]) => n === name)![1].sql);
		});
	}

	it('document queries bind the doc_id', () => {
		for (const q of Object.values(documentQueries(HOSTILE))) {
			expect(q.sql).not.toContain('DROP');
			expect(q.params).toEqual([HOSTILE]);
		}
	});
});

describe('whereDocuments', () => {
	it('has every filter but the code in its text, switched off by NULL parameters', () => {
		const empty = whereDocuments(EMPTY_FILTERS);
		expect(empty.sql).toBe(whereDocuments({ ...FULL, code: null }).sql);
		expect(empty.params.every((p) => p === null || p === false)).toBe(true);
	});

	it('adds one condition per filter, in a fixed order', () => {
		const q = whereDocuments(FULL);
		expect(q.sql).toMatch(/string_split\(\?, chr\(31\)\), "d"\."district"\).*"d"\."year" BETWEEN \? AND \?.*"d"\."kind" = \?.*string_split\(\?, chr\(31\)\), "d"\."department_kind"\).*starts_with/s);
		const districts = `${HOSTILE}\u001f北碚区`;
		expect(q.params).toEqual([districts, districts, 2021, 2021, 2025, 'budget', 'budget', HOSTILE_DEPT, HOSTILE_DEPT, '20103']);
	});

	it('does not filter on kind for both', () => {
		const q = whereDocuments({ ...EMPTY_FILTERS, kind: 'both' });
		expect(q.params.slice(5, 7)).toEqual([null, null]);
	});
});

describe('one SQL text per view, whatever is selected (but the code)', () => {
	const noCode = [
		EMPTY_FILTERS,
		{ ...EMPTY_FILTERS, districts: ['北碚区'] },
		{ ...EMPTY_FILTERS, districts: ['北碚区', '綦江区'], kind: 'final' as const },
		{ ...EMPTY_FILTERS, years: { from: 2021, to: 2023 }, departments: ['政务服务管理办公室'] },
		{ ...FULL, code: null }
	];
	for (const [name] of builders(EMPTY_FILTERS)) {
		it(`${name}`, () => {
			const texts = new Set(noCode.map((f) => builders(f).find(([n]) => n === name)![1].sql));
			expect(texts.size).toBe(1);
		});
	}
});

describe('data table sort and pagination', () => {
	it('accepts only whitelisted columns', () => {
		expect(resolveSort('function', 'total', 'desc')).toEqual({ column: 'total', direction: 'desc' });
		expect(resolveSort('function', 'district', 'DESC')).toEqual({ column: 'district', direction: 'asc' });
		expect(resolveSort('function', 'total; DROP TABLE documents', 'desc')).toEqual({ column: 'district', direction: 'asc' });
		expect(resolveSort('three_public', 'code', 'asc').column).toBe('district');
		expect(resolveSort('summary', null, null).column).toBe('district');
	});

	it('never puts an unknown sort column into SQL', () => {
		const q = dataTableQuery({ table: 'function', filters: EMPTY_FILTERS, sort: { column: 'evil"col', direction: 'desc' } });
		expect(q.sql).not.toContain('evil');
		expect(q.sql).toMatch(/ORDER BY "d"\."district" ASC/);
	});

	it('sorts by a table column with the requested direction', () => {
		const q = dataTableQuery({ table: 'function', filters: EMPTY_FILTERS, sort: { column: 'total', direction: 'desc' } });
		expect(q.sql).toMatch(/ORDER BY "r"\."total" DESC NULLS LAST/);
	});

	it('binds LIMIT and OFFSET', () => {
		const q = dataTableQuery({ table: 'three_public', filters: EMPTY_FILTERS, page: 3, pageSize: 20 });
		expect(q.sql).toMatch(/LIMIT \? OFFSET \?$/);
		expect(q.params.slice(-2)).toEqual([20, 40]);
	});

	it('clamps page and page size', () => {
		expect(pageWindow(0, 0)).toEqual({ limit: 1, offset: 0 });
		expect(pageWindow(-5, 10_000)).toEqual({ limit: 500, offset: 0 });
		expect(pageWindow(2.7, 10.9)).toEqual({ limit: 10, offset: 10 });
		expect(pageWindow(Number.NaN, undefined)).toEqual({ limit: 50, offset: 0 });
	});

	it('lists document columns first and doc_id last', () => {
		expect(dataTableColumns('three_public')).toEqual(['district', 'year', 'kind', 'department', 'item', 'budget', 'actual', 'source_line', 'source_page', 'source_file', 'doc_id']);
	});
});
