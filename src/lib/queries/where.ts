/**
 * The filter predicates every view shares. Filters reach SQL only as bound parameters.
 */
import type { Filters } from '$lib/filters/model';
import { and, column, oneOf, sql, type SqlQuery } from './sql';
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
 * The WHERE predicate over `documents` (aliased `alias`) for the filters: district IN, year
 * BETWEEN, kind, department_kind IN, and — for a code filter — only documents whose
 * function_expenditure has a row in that code's subtree. `TRUE` for the empty filter.
 */
export function whereDocuments(filters: Filters, alias = 'd'): SqlQuery {
	const col = (name: string) => column(alias, name);
	const conditions: SqlQuery[] = [];
	// oneOf: the same SQL text however many are selected (one prepared statement per view)
	if (filters.districts.length > 0) conditions.push(oneOf(col('district'), filters.districts));
	if (filters.years) conditions.push(sql`${col('year')} BETWEEN ${filters.years.from} AND ${filters.years.to}`);
	if (filters.kind !== 'both') conditions.push(sql`${col('kind')} = ${filters.kind}`);
	if (filters.departments.length > 0) {
		conditions.push(oneOf(col('department_kind'), filters.departments));
	}
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
