/**
 * Headline KPIs per document kind. 预算 and 决算 are never summed together: one row per kind.
 *
 * A KPI adds up the latest disclosure of each unit (district + department kind) within the
 * filters — never a unit's several years — and carries the list of what it added (unit and year),
 * so the card can say in itself which documents its figure is the sum of.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { BASIC_SHARE, PROJECT_SHARE, basisCte, figuresWith } from './figures';
import { kindsRelation } from './kinds';
import { sql, type SqlQuery } from './sql';

/** One disclosure a KPI adds up. */
export interface KpiUnit {
	district: string;
	/** The department kind (or the department where it has none). */
	unit: string;
	year: number;
	doc_id: string;
}

/** One KPI row per requested kind (a kind with no documents still gets a row, with zeros/NULLs). */
export interface KpiRow {
	kind: DocumentKind;
	/** Documents added up: the latest of each unit within the filters. */
	documents: number;
	/** Documents matching the filters, all years (≥ `documents`). */
	documents_filtered: number;
	/**
	 * The first {@link KPI_LISTED_UNITS} documents added up, by district and unit (empty when there
	 * are none); `documents` counts them all — one per unit.
	 */
	units: KpiUnit[];
	/** Earliest and latest year among `units`; NULL when there are none. */
	year_from: number | null;
	year_to: number | null;
	/** 一般公共预算财政拨款支出 in 万元 (see figures.ts); with a code filter, the spending at that code. */
	total: number | null;
	basic: number | null;
	project: number | null;
	/** basic ÷ (basic + project) over the documents that give both (0–1); NULL when none does. */
	basic_share: number | null;
	/** project ÷ (basic + project) over the same documents: the two shares add up to 1. */
	project_share: number | null;
	/** 人员经费 and 公用经费 as printed (see figures.ts). */
	personnel: number | null;
	public: number | null;
	/** 三公经费 total: the budget figure for 预算, the actual figure for 决算 — see `three_public_basis`. */
	three_public: number | null;
	three_public_basis: 'budget' | 'actual';
	/** Documents that give no expenditure figure at all (shown as a footnote, not as zero). */
	documents_without_total: number;
}

/**
 * How many of the added documents a KPI row lists by name: the card names a few and counts the
 * rest. At a whole city the full list (thousands per kind) was most of the page's inlined data
 * and of every filter change's result.
 */
export const KPI_LISTED_UNITS = 8;

/** KPIs for the filters, one row per kind in {@link kindsRelation} order (budget, final). */
export function kpiQuery(filters: Filters, listed: number = KPI_LISTED_UNITS): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte()},
filtered AS (SELECT kind, count(*) AS n FROM figures GROUP BY kind),
added AS (
	SELECT kind, count(*) AS documents, min(year) AS year_from, max(year) AS year_to,
		list(struct_pack(district := district, unit := unit, year := year, doc_id := doc_id) ORDER BY district, unit)[1:${listed}] AS units,
		round(sum(total), 2) AS total,
		round(sum(basic), 2) AS basic,
		round(sum(project), 2) AS project,
		${BASIC_SHARE} AS basic_share,
		${PROJECT_SHARE} AS project_share,
		round(sum(personnel), 2) AS personnel,
		round(sum(public), 2) AS public,
		round(sum(three_public), 2) AS three_public,
		count(*) FILTER (WHERE total IS NULL) AS documents_without_total
	FROM basis
	GROUP BY kind)
SELECT k.kind,
	coalesce(a.documents, 0) AS documents,
	coalesce(fl.n, 0) AS documents_filtered,
	coalesce(a.units, []) AS units,
	a.year_from, a.year_to, a.total, a.basic, a.project, a.basic_share, a.project_share,
	a.personnel, a.public, a.three_public,
	CASE WHEN k.kind = 'budget' THEN 'budget' ELSE 'actual' END AS three_public_basis,
	coalesce(a.documents_without_total, 0) AS documents_without_total
FROM ${kindsRelation(filters)}
LEFT JOIN added a ON a.kind = k.kind
LEFT JOIN filtered fl ON fl.kind = k.kind
ORDER BY k.kind`;
}
