/**
 * Cross-district comparison. Rows are per district × department_kind × year × kind (the view picks
 * or aggregates years); shares are computed within that group, never across kinds.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { BASIC_SHARE, figuresWith } from './figures';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { threePublicItemOrder } from './three-public';
import { filteredDocumentsCte } from './where';

interface GroupKey {
	district: string;
	department_kind: string | null;
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
export function compareFunctionQuery(filters: Filters): SqlQuery {
	const target = filters.code === null ? sql`level = 1` : sql`code = ${filters.code}`;
	const extra = filters.code === null ? sql`` : sql` OR f.code = ${filters.code}`;
	return sql`WITH ${filteredDocumentsCte(filters)},
agg AS (
	SELECT fd.district, fd.department_kind, fd.year, fd.kind, f.code,
		min(f.name) AS name, min(f.level) AS level, sum(f.total) AS total
	FROM ${table('function_expenditure')} f JOIN fd ON fd.doc_id = f.doc_id
	WHERE f.level = 1${extra}
	GROUP BY fd.district, fd.department_kind, fd.year, fd.kind, f.code),
shares AS (
	SELECT *, total / nullif(sum(CASE WHEN level = 1 THEN total END)
		OVER (PARTITION BY district, department_kind, year, kind), 0) AS share
	FROM agg)
SELECT district, department_kind, year, kind, code, name, round(total, 2) AS amount, share
FROM shares WHERE ${target}
ORDER BY district, department_kind, year, kind, code`;
}

/** Basic vs project spending for a comparison group (see figures.ts for the definitions). */
export interface CompareSplitRow extends GroupKey {
	documents: number;
	total: number | null;
	basic: number | null;
	project: number | null;
	basic_share: number | null;
}

/** 基本支出 vs 项目支出 per comparison group. */
export function compareSplitQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters)}
SELECT district, department_kind, year, kind, count(*) AS documents,
	round(sum(total), 2) AS total, round(sum(basic), 2) AS basic, round(sum(project), 2) AS project,
	${BASIC_SHARE} AS basic_share
FROM figures
GROUP BY district, department_kind, year, kind
ORDER BY district, department_kind, year, kind`;
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
export function compareThreePublicQuery(filters: Filters): SqlQuery {
	return sql`WITH ${filteredDocumentsCte(filters)}
SELECT fd.district, fd.department_kind, fd.year, fd.kind, t.item,
	round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
	round(sum(CASE WHEN fd.kind = 'budget' THEN t.budget ELSE t.actual END), 2) AS amount
FROM ${table('three_public')} t JOIN fd ON fd.doc_id = t.doc_id
GROUP BY fd.district, fd.department_kind, fd.year, fd.kind, t.item
ORDER BY fd.district, fd.department_kind, fd.year, fd.kind, ${threePublicItemOrder('t.item')}`;
}
