/**
 * The filter predicates every view shares. Filters reach SQL only as bound parameters.
 */
import type { Filters } from '$lib/filters/model';
import { and, betweenOrAny, column, equalsOrAny, oneOf, sql, type SqlQuery } from './sql';
import { table } from './tables';

/**
 * A functional classification code and everything under it: `starts_with(code, ?)` is the
 * `code = ? OR code LIKE ? || '%'` prefix match without LIKE's wildcards. 款 and 项 codes extend
 * their parent's code (201 → 20103 → 2010301), so the prefix match is exactly the subtree.
 */
export function codeSubtree(alias: string, code: string): SqlQuery {
	return sql`starts_with(${column(alias, 'code')}, ${code})`;
}

/**
 * The WHERE predicate over `documents` (aliased `alias`) for the filters: district one of, year
 * between, kind, department kind one of, and — for a code filter — only documents whose
 * function_expenditure has a row in that code's subtree.
 *
 * Every filter but the code is always in the text, switched off by a NULL parameter when not set
 * (`oneOf`, `betweenOrAny`, `equalsOrAny`): a view's SQL is then one text whatever the reader has
 * selected, and a filter change runs the statement DuckDB already prepared — in the browser a new
 * text meant a prepare and a first, slow run of a new plan on every new combination of filters.
 * The code filter changes the text (it joins function_expenditure, which nothing else needs).
 */
export function whereDocuments(filters: Filters, alias = 'd'): SqlQuery {
	const col = (name: string) => column(alias, name);
	const conditions: SqlQuery[] = [
		oneOf(col('district'), filters.districts.length > 0 ? filters.districts : null),
		betweenOrAny(col('year'), filters.years),
		equalsOrAny(col('kind'), filters.kind === 'both' ? null : filters.kind),
		oneOf(col('department_kind'), filters.departments.length > 0 ? filters.departments : null)
	];
	if (filters.code !== null) {
		const fe = table('function_expenditure');
		conditions.push(sql`${col('doc_id')} IN (SELECT fc.doc_id FROM ${fe} fc WHERE ${codeSubtree('fc', filters.code)})`);
	}
	return and(conditions);
}

/**
 * The disclosing unit of a `documents` row (aliased `alias`) within its district: its department
 * kind, or the department as printed where it has none. District + unit names whose figures a
 * series, bar or table row holds — two departments of one district are never one line.
 */
export function unitOf(alias: string): SqlQuery {
	return sql`coalesce(${column(alias, 'department_kind')}, ${column(alias, 'department')})`;
}

/** `fd AS (…)`: the filtered documents as a CTE body to start a WITH clause with. */
export function filteredDocumentsCte(filters: Filters): SqlQuery {
	return sql`fd AS (SELECT d.* FROM ${table('documents')} d WHERE ${whereDocuments(filters)})`;
}
