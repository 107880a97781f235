/**
 * Per-document headline figures, shared by the KPI, trend and compare queries so that they all
 * count the same thing.
 *
 * For each filtered document, `figures` holds:
 * - `total`, `basic`, `project`: 一般公共预算财政拨款支出 as the document prints it — the
 *   `summary` measures `expenditure_total`, `basic`, `project` (the extractor takes basic and
 *   project from the spending table's 合计 row and cross-checks the total against it; a table
 *   figure is preferred over a narrative one). Printed totals are used rather than the sum of the
 *   类 rows because the printed rows are rounded: their sum can differ from the printed 合计 by a
 *   cent. Where the summary lacks a measure, the sum of the document's 类 (level 1) rows in
 *   function_expenditure fills in (basic/project only when every such row gives them).
 *   With a code filter the figures are the document's row(s) at exactly that code, without the
 *   summary (which has no classification).
 * - `unit`: the disclosing unit within its district — the department kind, or the department as
 *   printed where it has none. A series, bar or table row belongs to one (district, unit).
 * - `personnel`, `public`: 人员经费 and 公用经费 as printed (summary), else the sums of the
 *   document's 30x economic rows — so /structure and a document's page read the same figure.
 * - `three_public`, `outbound`, `vehicle`, `reception`: 三公经费, the kind-appropriate figure —
 *   the budget (预算数) for a budget disclosure, the actual (决算数) for a final account.
 *   `three_public` is the document's `total` item.
 *
 * None of this depends on the filters except through the code, so the unfiltered figures are
 * computed once, when the Parquet is written, into the pre-aggregated table {@link DOCUMENT_FIGURES}
 * ({@link documentFiguresTableSql}); a view's query then filters and groups that table instead of
 * joining four tables again. In DuckDB-WASM that planning and joining was most of a filter change's
 * query time (≈ 5× the cost of the query over the derived table, for the same rows).
 */
import type { Filters } from '$lib/filters/model';
import { PRE_AGGREGATED } from '$lib/storage/schema';
import { ident, sql, type SqlQuery } from './sql';
import { table } from './tables';
import { unitOf, whereDocuments } from './where';

/**
 * The pre-aggregated table of unfiltered per-document figures: built by {@link documentFiguresTableSql}
 * when the Parquet is written, and loaded from `document_figures.parquet` (storage/schema.ts).
 */
export const DOCUMENT_FIGURES = PRE_AGGREGATED.document_figures.name;

/**
 * The order in which a unit's disclosures of a kind are "latest first": newest year, then doc_id
 * (a unit publishing twice in a year is decided the same way in every view).
 */
const LATEST_ORDER = sql`ORDER BY d.year DESC, d.doc_id`;

/** Sums of a document's function_expenditure rows at `rows` (the `fe` alias), per doc_id. */
function functionSums(rows: SqlQuery): SqlQuery {
	return sql`SELECT fe.doc_id, count(*) AS n, count(fe.basic) AS n_basic, count(fe.project) AS n_project,
		sum(fe.total) AS total, sum(fe.basic) AS basic, sum(fe.project) AS project
	FROM ${table('function_expenditure')} fe
	WHERE ${rows}
	GROUP BY fe.doc_id`;
}

/** One of total/basic/project from the function rows' sums (`fn`), when they give it. */
function fromFunction(measure: 'total' | 'basic' | 'project'): SqlQuery {
	const complete = measure === 'total' ? sql`fn.n > 0` : sql`fn.n > 0 AND fn.${ident(`n_${measure}`)} = fn.n`;
	return sql`CASE WHEN ${complete} THEN fn.${ident(measure)} END`;
}

/**
 * `CREATE OR REPLACE TABLE document_figures AS …`: one row per document with its figures for no
 * code filter (columns as `figures` in {@link figuresWith}, and PRE_AGGREGATED.document_figures in
 * storage/schema.ts). Run once over the contract tables when they are written (after the place
 * labels, see db/derived.ts); a rerun replaces it.
 */
export function documentFiguresTableSql(): SqlQuery {
	// arg_max(…, source = 'table') prefers the figure read from a table over the narrative's.
	return sql`CREATE OR REPLACE TABLE ${ident(DOCUMENT_FIGURES)} AS
WITH fn AS (${functionSums(sql`fe.level = 1`)}),
sm AS (
	SELECT s.doc_id,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'expenditure_total') AS total,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'basic') AS basic,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'project') AS project,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'personnel') AS personnel,
		arg_max(s.value, s.source = 'table') FILTER (WHERE s.measure = 'public') AS public
	FROM ${table('summary')} s
	GROUP BY s.doc_id),
ec AS (
	SELECT e.doc_id, sum(e.personnel) AS personnel, sum(e.public) AS public
	FROM ${table('economic_expenditure')} e
	WHERE e.level = 1
	GROUP BY e.doc_id),
tp AS (
	SELECT t.doc_id,
		max(t.amount) FILTER (WHERE t.item = 'total') AS three_public,
		max(t.amount) FILTER (WHERE t.item = 'outbound') AS outbound,
		max(t.amount) FILTER (WHERE t.item = 'vehicle') AS vehicle,
		max(t.amount) FILTER (WHERE t.item = 'reception') AS reception
	FROM (SELECT tp0.doc_id, tp0.item,
			CASE WHEN d.kind = 'budget' THEN tp0.budget ELSE tp0.actual END AS amount
		FROM ${table('three_public')} tp0 JOIN ${table('documents')} d ON d.doc_id = tp0.doc_id) t
	GROUP BY t.doc_id)
SELECT d.doc_id, d.district, d.department, d.department_kind, ${unitOf('d')} AS unit, d.year, d.kind,
	coalesce(sm.total, ${fromFunction('total')}) AS total,
	coalesce(sm.basic, ${fromFunction('basic')}) AS basic,
	coalesce(sm.project, ${fromFunction('project')}) AS project,
	coalesce(sm.personnel, ec.personnel) AS personnel,
	coalesce(sm.public, ec.public) AS public,
	tp.three_public, tp.outbound, tp.vehicle, tp.reception,
	lag(d.year) OVER (PARTITION BY d.kind, d.district, ${unitOf('d')} ${LATEST_ORDER}) AS newer_year,
	lag(d.year) OVER (PARTITION BY d.kind, d.district, ${unitOf('d')}, d.department_kind IS NULL ${LATEST_ORDER}) AS newer_year_named
FROM ${table('documents')} d
LEFT JOIN fn ON fn.doc_id = d.doc_id
LEFT JOIN sm ON sm.doc_id = d.doc_id
LEFT JOIN ec ON ec.doc_id = d.doc_id
LEFT JOIN tp ON tp.doc_id = d.doc_id
ORDER BY d.doc_id`;
}

/**
 * `WITH figures AS (…)` (preceded by `fn AS (…)` with a code filter) — follow it with a SELECT over
 * `figures` (columns: doc_id, district, department, department_kind, unit, year, kind, total, basic,
 * project, personnel, public, three_public, outbound, vehicle, reception, newer_year) for the
 * filtered documents. Reads {@link DOCUMENT_FIGURES}.
 *
 * `newer_year` is the year of the disclosure just before this one in its unit's and kind's
 * latest-first order among the filtered documents (NULL for the latest): what {@link basisCte}
 * picks by. Without a code filter it comes from the pre-aggregated table: the
 * filters then drop a unit's disclosures only by year (a range keeps a unit's newest ones up to
 * its end, so a predecessor after that end counts as none) or, with a department filter, those
 * without a department kind (a separate precomputed order leaves them out). A code filter may drop
 * any disclosure, so the order is then computed over the filtered rows. Either way the same rows
 * as a `row_number()` window over `figures` — without running a window in every query.
 *
 * Only a query that picks each unit's document by that order (one followed by {@link basisCte})
 * asks for `newer_year` (`latestOrder`); the others get `figures` without the column. With a code
 * filter the order is a window over the filtered rows, and `figures` is materialised whole: at a
 * whole city that window was a third of the year stack's time under a code filter, for a column
 * it never reads.
 */
export function figuresWith(filters: Filters, { latestOrder }: { latestOrder: boolean }): SqlQuery {
	const f = ident(DOCUMENT_FIGURES);
	if (filters.code === null) {
		const newerYear = latestOrder ? sql`, ${precomputedNewerYear(filters)} AS newer_year` : sql``;
		return sql`WITH figures AS (
	SELECT g.* EXCLUDE (newer_year, newer_year_named)${newerYear} FROM ${f} g WHERE ${whereDocuments(filters, 'g')})
`;
	}
	// With a code filter: the document's row(s) at exactly that code, not the summary; the order is
	// then a window over the filtered rows (any disclosure may lack the code).
	const newerYear = latestOrder
		? sql`,
		lag(g.year) OVER (PARTITION BY g.kind, g.district, g.unit ORDER BY g.year DESC, g.doc_id) AS newer_year`
		: sql``;
	return sql`WITH fn AS (${functionSums(sql`fe.code = ${filters.code}`)}),
figures AS (
	SELECT g.doc_id, g.district, g.department, g.department_kind, g.unit, g.year, g.kind,
		${fromFunction('total')} AS total,
		${fromFunction('basic')} AS basic,
		${fromFunction('project')} AS project,
		g.personnel, g.public,
		g.three_public, g.outbound, g.vehicle, g.reception${newerYear}
	FROM ${f} g
	LEFT JOIN fn ON fn.doc_id = g.doc_id
	WHERE ${whereDocuments(filters, 'g')})
`;
}

/** `newer_year` without a code filter, from the pre-aggregated table's precomputed orders (see figuresWith). */
function precomputedNewerYear(filters: Filters): SqlQuery {
	// as whereDocuments: one SQL text for every filter but the code (parameters switch the parts)
	const named = filters.departments.length > 0;
	const precomputed = sql`CASE WHEN CAST(${named} AS BOOLEAN) THEN g.newer_year_named ELSE g.newer_year END`;
	const to = filters.years?.to ?? null;
	return sql`CASE WHEN CAST(${to} AS INTEGER) IS NULL OR ${precomputed} <= ${to} THEN ${precomputed} END`;
}

/**
 * `, basis AS (…)` — to follow {@link figuresWith}: the one document per unit and kind that a view
 * shows. With `at` null that is each unit's latest disclosure of the kind within the filters (the
 * default of the overview, /structure and /compare: adding a unit's several years together would
 * count it several times); with a year, the unit's disclosure of that year, units without one left
 * out. Same columns as `figures`.
 */
export function basisCte(at: number | null = null): SqlQuery {
	// the latest: nothing before it; at a year: nothing before it in that year (see figuresWith)
	const first = at === null ? sql`newer_year IS NULL` : sql`year = ${at} AND (newer_year IS NULL OR newer_year > ${at})`;
	return sql`, basis AS (
	SELECT * FROM figures WHERE ${first})
`;
}

/**
 * basic ÷ (basic + project) and project ÷ (basic + project) over the `figures` rows that give both
 * (aggregate expressions). One denominator for both shares, so they add up to 1 exactly; a document
 * without the split would otherwise count in one denominator only. The sums are rounded to the
 * cent first: amounts are whole cents, and a floating sum's last bit depends on the order rows are
 * added in (native DuckDB at build time and DuckDB-WASM in the page add in different orders), so
 * the same share would otherwise differ between the snapshot and the live page.
 */
function splitShare(part: 'basic' | 'project'): SqlQuery {
	const both = sql`WHERE basic IS NOT NULL AND project IS NOT NULL`;
	return sql`round(sum(${ident(part)}) FILTER (${both}), 2) / nullif(round(sum(basic + project) FILTER (${both}), 2), 0)`;
}

export const BASIC_SHARE: SqlQuery = splitShare('basic');
export const PROJECT_SHARE: SqlQuery = splitShare('project');
