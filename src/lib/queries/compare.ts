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
import { byNameOrder, joinedNames, type NameOrder } from './name-order';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { threePublicItemOrder } from './three-public';

/** Which disclosure of each unit to compare: its latest (null) or the one of this year. */
export type CompareAt = number | null;

/**
 * What the charts draw when more groups are compared than a chart can show: the `limit` largest
 * by 支出合计 (their total rounded to the cent, none last), ties by the filter bar's name order
 * (`order`, bound), then year and kind — the same groups in every chart, ranked in SQL so the page
 * never takes the whole city's rows to draw 24 bars.
 */
export interface CompareDraw {
	limit: number;
	order: NameOrder | null;
}

/**
 * `, basis …, shown AS (…)` after {@link figuresWith}: the documents compared (`basis`), and of
 * them those of the groups drawn (`shown`: every one without a `draw`). With a draw, `ranked` holds
 * every group with its `size_rank` and the number `compared`.
 */
function shownCte(at: CompareAt, draw: CompareDraw | null): SqlQuery {
	if (draw === null) return sql`${basisCte(at)}, shown AS (SELECT * FROM basis)
`;
	const districts = joinedNames(draw.order?.districts);
	const units = joinedNames(draw.order?.units);
	return sql`${basisCte(at)}, sized AS (
	SELECT district, unit, year, kind, round(sum(total), 2) AS size FROM basis GROUP BY district, unit, year, kind),
ranked AS (
	SELECT *, row_number() OVER (ORDER BY size DESC NULLS LAST, ${byNameOrder('district', districts)}, ${byNameOrder('unit', units)}, year, kind) AS size_rank,
		CAST(count(*) OVER () AS INTEGER) AS compared
	FROM sized),
shown AS (
	SELECT b.* FROM basis b
	WHERE EXISTS (SELECT 1 FROM ranked r WHERE r.size_rank <= ${draw.limit}
		AND r.district = b.district AND r.unit = b.unit AND r.year = b.year AND r.kind = b.kind))
`;
}

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
export function compareFunctionQuery(filters: Filters, at: CompareAt = null, draw: CompareDraw | null = null): SqlQuery {
	const target = filters.code === null ? sql`level = 1` : sql`code = ${filters.code}`;
	const extra = filters.code === null ? sql`` : sql` OR f.code = ${filters.code}`;
	return sql`${figuresWith(filters, { latestOrder: true })}${shownCte(at, draw)},
agg AS (
	SELECT b.district, b.unit, b.year, b.kind, f.code,
		min(cn.name) AS name, min(f.level) AS level, sum(f.total) AS total
	FROM ${table('function_expenditure')} f JOIN shown b ON b.doc_id = f.doc_id ${codeNamesJoin('function', 'f')}
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
	return sql`${figuresWith(filters, { latestOrder: true })}${shownCte(at, null)}${splitSelect}
ORDER BY district, unit, year, kind`;
}

const splitSelect = sql`
SELECT district, unit, year, kind, count(*) AS documents,
	round(sum(total), 2) AS total, round(sum(basic), 2) AS basic, round(sum(project), 2) AS project,
	${BASIC_SHARE} AS basic_share
FROM shown
GROUP BY district, unit, year, kind`;

/** A group the charts draw, with what the page says of those they leave out. */
export interface CompareSplitChartRow extends CompareSplitRow {
	/** Groups compared under the filters, drawn or not. */
	compared: number;
	/** Units (district + department kind) none of whose groups is drawn. */
	rest_units: number;
}

/** {@link compareSplitQuery}'s rows of the groups drawn ({@link CompareDraw}), with the counts of the rest. */
export function compareSplitChartQuery(filters: Filters, at: CompareAt, draw: CompareDraw): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${shownCte(at, draw)}, rest_units AS (
	SELECT CAST(count(*) AS INTEGER) AS n FROM (
		SELECT DISTINCT district, unit FROM ranked
		EXCEPT SELECT DISTINCT district, unit FROM ranked WHERE size_rank <= ${draw.limit}))
SELECT s.*, (SELECT max(compared) FROM ranked) AS compared, (SELECT n FROM rest_units) AS rest_units
FROM (${splitSelect}) s
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
export function compareThreePublicQuery(filters: Filters, at: CompareAt = null, draw: CompareDraw | null = null): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${shownCte(at, draw)}
SELECT b.district, b.unit, b.year, b.kind, t.item,
	round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
	round(sum(CASE WHEN b.kind = 'budget' THEN t.budget ELSE t.actual END), 2) AS amount
FROM ${table('three_public')} t JOIN shown b ON b.doc_id = t.doc_id
GROUP BY b.district, b.unit, b.year, b.kind, t.item
ORDER BY b.district, b.unit, b.year, b.kind, ${threePublicItemOrder('t.item')}`;
}

/** A district and a year with a disclosure under the filters. */
export interface CompareYearRow {
	district: string;
	year: number;
}

/**
 * Every district × year with a disclosure under the filters, newest first: the years a fixed-year
 * comparison can be made for, and the selected districts with nothing to compare (at most the
 * districts times the years, whatever the number of documents).
 */
export function compareYearsQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: false })}
SELECT DISTINCT district, year FROM figures ORDER BY year DESC, district`;
}

/** A unit and kind with disclosures under the filters but none of the fixed year. */
export interface CompareLeftOutRow {
	district: string;
	unit: string;
	kind: DocumentKind;
	/** The unit's latest year of that kind. */
	year: number;
	/** How many units and kinds are left out in all (the rows are the first `limit`). */
	left_out: number;
}

/**
 * The units (and kinds) a comparison at year `at` leaves out — those with disclosures under the
 * filters but none that year — the first `limit` by their latest year (newest first), then name,
 * each row carrying the whole number: a city's notice names a few and counts the rest.
 */
export function compareLeftOutQuery(filters: Filters, at: number, limit: number): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: false })}, units AS (
	SELECT district, unit, kind, max(year) AS year, bool_or(year = ${at}) AS has_at
	FROM figures GROUP BY district, unit, kind)
SELECT district, unit, kind, year, CAST(count(*) OVER () AS INTEGER) AS left_out
FROM units WHERE NOT has_at
ORDER BY year DESC, district, unit, kind
LIMIT ${limit}`;
}
