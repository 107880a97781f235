/**
 * Comparison of units (district + department kind) side by side: one disclosure per unit and kind
 * — by default each unit's latest within the filters, or the one of a fixed year (`at`). Rows carry
 * the year of their disclosure, so units that published different years are still compared, each
 * labelled with its own year. Shares are computed within a disclosure, never across kinds.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { codeNamesJoin } from './classification';
import { BASIC_SHARE, basisCte, figuresWith } from './figures';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { threePublicItemOrder } from './three-public';

/** Which disclosure of each unit to compare: its latest (null) or the one of this year. */
export type CompareAt = number | null;

interface GroupKey {
	district: string;
	/** The department kind (or the department where it has none). */
	unit: string;
	/** The year of the unit's disclosure being compared. */
	year: number;
	kind: DocumentKind;
}

/** Spending at one 类 (or at the filtered code) for a comparison group. */
export interface CompareFunctionRow extends GroupKey {
	code: string;
	name: string;
	amount: number | null;
	/** amount ÷ the group's 一般公共预算财政拨款支出 (sum of its 类 rows), 0–1. */
	share: number | null;
}

/**
 * Amount and share per 类 (level 1). With a code filter, the rows are the filtered code itself and
 * the share is that code's part of the group's whole spending.
 */
export function compareFunctionQuery(filters: Filters, at: CompareAt = null): SqlQuery {
	const target = filters.code === null ? sql`level = 1` : sql`code = ${filters.code}`;
	const extra = filters.code === null ? sql`` : sql` OR f.code = ${filters.code}`;
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte(at)},
agg AS (
	SELECT b.district, b.unit, b.year, b.kind, f.code,
		min(cn.name) AS name, min(f.level) AS level, sum(f.total) AS total
	FROM ${table('function_expenditure')} f JOIN basis b ON b.doc_id = f.doc_id ${codeNamesJoin('function', 'f')}
	WHERE f.level = 1${extra}
	GROUP BY b.district, b.unit, b.year, b.kind, f.code),
shares AS (
	SELECT *, total / nullif(sum(CASE WHEN level = 1 THEN total END)
		OVER (PARTITION BY district, unit, year, kind), 0) AS share
	FROM agg)
SELECT district, unit, year, kind, code, name, round(total, 2) AS amount, share
FROM shares WHERE ${target}
ORDER BY district, unit, year, kind, code`;
}

/** Basic vs project spending for a comparison group (see figures.ts for the definitions). */
export interface CompareSplitRow extends GroupKey {
	documents: number;
	total: number | null;
	basic: number | null;
	project: number | null;
	basic_share: number | null;
}

/** 基本支出 vs 项目支出 per comparison group: one row per unit and kind compared. */
export function compareSplitQuery(filters: Filters, at: CompareAt = null): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte(at)}
SELECT district, unit, year, kind, count(*) AS documents,
	round(sum(total), 2) AS total, round(sum(basic), 2) AS basic, round(sum(project), 2) AS project,
	${BASIC_SHARE} AS basic_share
FROM basis
GROUP BY district, unit, year, kind
ORDER BY district, unit, year, kind`;
}

/** One 三公 item for a comparison group. */
export interface CompareThreePublicRow extends GroupKey {
	item: string;
	budget: number | null;
	actual: number | null;
	/** The kind-appropriate figure: budget for 预算, actual for 决算. */
	amount: number | null;
}

/** 三公经费 items per comparison group. */
export function compareThreePublicQuery(filters: Filters, at: CompareAt = null): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte(at)}
SELECT b.district, b.unit, b.year, b.kind, t.item,
	round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
	round(sum(CASE WHEN b.kind = 'budget' THEN t.budget ELSE t.actual END), 2) AS amount
FROM ${table('three_public')} t JOIN basis b ON b.doc_id = t.doc_id
GROUP BY b.district, b.unit, b.year, b.kind, t.item
ORDER BY b.district, b.unit, b.year, b.kind, ${threePublicItemOrder('t.item')}`;
}

/** A unit's disclosure available for comparison under the filters. */
export interface CompareAvailableRow {
	district: string;
	unit: string;
	year: number;
	kind: DocumentKind;
}

/**
 * Every unit × year × kind with a disclosure under the filters, newest first: the years a
 * fixed-year comparison can be made for, and which units a fixed year leaves out.
 */
export function compareAvailableQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: false })}
SELECT DISTINCT district, unit, year, kind FROM figures ORDER BY year DESC, district, unit, kind`;
}
