/**
 * Per-document headline figures, shared by the KPI, trend and compare queries so that they all
 * count the same thing.
 *
 * For each filtered document (`fd`), `figures` holds:
 * - `total`, `basic`, `project`: 一般公共预算财政拨款支出 as the document prints it — the
 *   `summary` measures `expenditure_total`, `basic`, `project` (the extractor takes basic and
 *   project from the spending table's 合计 row and cross-checks the total against it; a table
 *   figure is preferred over a narrative one). Printed totals are used rather than the sum of the
 *   类 rows because the printed rows are rounded: their sum can differ from the printed 合计 by a
 *   cent. Where the summary lacks a measure, the sum of the document's 类 (level 1) rows in
 *   function_expenditure fills in (basic/project only when every such row gives them).
 *   With a code filter the figures are the document's row(s) at exactly that code, without the
 *   summary (which has no classification).
 * - `three_public`, `outbound`, `vehicle`, `reception`: 三公经费, the kind-appropriate figure —
 *   the budget (预算数) for a budget disclosure, the actual (决算数) for a final account.
 *   `three_public` is the document's `total` item.
 */
import type { Filters } from '$lib/filters/model';
import { ident, sql, type SqlQuery } from './sql';
import { table } from './tables';
import { filteredDocumentsCte } from './where';

/** Rows of function_expenditure that make up a document's headline (`fe` alias). */
function headlineRows(filters: Filters): SqlQuery {
	return filters.code === null ? sql`fe.level = 1` : sql`fe.code = ${filters.code}`;
}

function functionCte(filters: Filters): SqlQuery {
	return sql`fn AS (
	SELECT fe.doc_id, count(*) AS n, count(fe.basic) AS n_basic, count(fe.project) AS n_project,
		sum(fe.total) AS total, sum(fe.basic) AS basic, sum(fe.project) AS project
	FROM ${table('function_expenditure')} fe
	WHERE fe.doc_id IN (SELECT doc_id FROM fd) AND ${headlineRows(filters)}
	GROUP BY fe.doc_id)`;
}

function summaryCte(): SqlQuery {
	// arg_max(…, source = 'table') prefers the figure read from a table over the narrative's.
	return sql`sm AS (
	SELECT s.doc_id,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'expenditure_total') AS total,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'basic') AS basic,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'project') AS project
	FROM ${table('summary')} s
	WHERE s.doc_id IN (SELECT doc_id FROM fd)
	GROUP BY s.doc_id)`;
}

function threePublicCte(): SqlQuery {
	return sql`tp AS (
	SELECT t.doc_id,
		max(t.amount) FILTER (WHERE t.item = 'total') AS three_public,
		max(t.amount) FILTER (WHERE t.item = 'outbound') AS outbound,
		max(t.amount) FILTER (WHERE t.item = 'vehicle') AS vehicle,
		max(t.amount) FILTER (WHERE t.item = 'reception') AS reception
	FROM (SELECT tp0.doc_id, tp0.item,
			CASE WHEN fd.kind = 'budget' THEN tp0.budget ELSE tp0.actual END AS amount
		FROM ${table('three_public')} tp0 JOIN fd ON fd.doc_id = tp0.doc_id) t
	GROUP BY t.doc_id)`;
}

/** One of total/basic/project: the printed summary figure, else the function rows' sum. */
function pick(measure: 'total' | 'basic' | 'project', filters: Filters): SqlQuery {
	const complete = measure === 'total' ? sql`fn.n > 0` : sql`fn.n > 0 AND fn.${ident(`n_${measure}`)} = fn.n`;
	const fromFunction = sql`CASE WHEN ${complete} THEN fn.${ident(measure)} END`;
	return filters.code === null ? sql`coalesce(sm.${ident(measure)}, ${fromFunction})` : fromFunction;
}

/**
 * `WITH fd AS (…), fn AS (…), sm AS (…), tp AS (…), figures AS (…)` — follow it with a SELECT over
 * `figures` (columns: doc_id, district, department, department_kind, year, kind, total, basic,
 * project, three_public, outbound, vehicle, reception).
 */
export function figuresWith(filters: Filters): SqlQuery {
	return sql`WITH ${filteredDocumentsCte(filters)},
${functionCte(filters)},
${summaryCte()},
${threePublicCte()},
figures AS (
	SELECT fd.doc_id, fd.district, fd.department, fd.department_kind, fd.year, fd.kind,
		${pick('total', filters)} AS total,
		${pick('basic', filters)} AS basic,
		${pick('project', filters)} AS project,
		tp.three_public, tp.outbound, tp.vehicle, tp.reception
	FROM fd
	LEFT JOIN fn ON fn.doc_id = fd.doc_id
	LEFT JOIN sm ON sm.doc_id = fd.doc_id
	LEFT JOIN tp ON tp.doc_id = fd.doc_id)
`;
}

/**
 * basic ÷ total over the `figures` rows that give both (an aggregate expression): documents without
 * a split would otherwise count in the denominator only and understate the share.
 */
export const BASIC_SHARE: SqlQuery = sql`sum(basic) FILTER (WHERE basic IS NOT NULL AND total IS NOT NULL)
		/ nullif(sum(total) FILTER (WHERE basic IS NOT NULL AND total IS NOT NULL), 0)`;
