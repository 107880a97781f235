/**
 * Headline KPIs per document kind. 预算 and 决算 are never summed together: one row per kind.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { BASIC_SHARE, figuresWith } from './figures';
import { kindsRelation } from './kinds';
import { sql, type SqlQuery } from './sql';

/** One KPI row per requested kind (a kind with no documents still gets a row, with zeros/NULLs). */
export interface KpiRow {
	kind: DocumentKind;
	/** Documents matching the filters. */
	documents: number;
	/** 一般公共预算财政拨款支出 in 万元 (see figures.ts); with a code filter, the spending at that code. */
	total: number | null;
	basic: number | null;
	project: number | null;
	/** basic ÷ total over the documents that give both (0–1); NULL when none does. */
	basic_share: number | null;
	/** 三公经费 total: the budget figure for 预算, the actual figure for 决算 — see `three_public_basis`. */
	three_public: number | null;
	three_public_basis: 'budget' | 'actual';
	/** Documents that give no expenditure figure at all (shown as a footnote, not as zero). */
	documents_without_total: number;
}

/** KPIs for the filters, one row per kind in {@link kindsRelation} order (budget, final). */
export function kpiQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters)}
SELECT k.kind,
	count(g.doc_id) AS documents,
	round(sum(g.total), 2) AS total,
	round(sum(g.basic), 2) AS basic,
	round(sum(g.project), 2) AS project,
	${BASIC_SHARE} AS basic_share,
	round(sum(g.three_public), 2) AS three_public,
	CASE WHEN k.kind = 'budget' THEN 'budget' ELSE 'actual' END AS three_public_basis,
	count(g.doc_id) FILTER (WHERE g.total IS NULL) AS documents_without_total
FROM ${kindsRelation(filters)}
LEFT JOIN figures g ON g.kind = k.kind
GROUP BY k.kind
ORDER BY k.kind`;
}
