/**
 * Execution and change, per unit (district + department kind):
 * - execution rate = 决算 ÷ 预算 of the SAME unit and year, only where both disclosures are in the
 *   data — never a unit's 决算 over another unit's or another year's 预算;
 * - year-over-year change of the same unit and kind against the year immediately before (a gap
 *   year gives no change: a two-year change read as one would mislead).
 * Measures: total, basic, project, 三公 total and items (kind-appropriate figures from
 * figures.ts: 预算数 of the 预算 disclosure, 决算数 of the 决算), and each 类 as `class:<code>`.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { CODE_NAMES } from './classification';
import { DEFAULT_PAGE_SIZE, pageWindow } from './data-table';
import { figuresWith } from './figures';
import { ident, sql, type SqlQuery } from './sql';
import { table } from './tables';

/** The headline measures besides the 类 (`class:<code>`). */
export const EXECUTION_MEASURES = ['total', 'basic', 'project', 'three_public', 'outbound', 'vehicle', 'reception'] as const;
export type HeadlineMeasure = (typeof EXECUTION_MEASURES)[number];

/** One measure of one unit-year where its 预算 and 决算 are both disclosed. */
export interface ExecutionRow {
	district: string;
	unit: string;
	year: number;
	/** A {@link HeadlineMeasure} or `class:<类 code>`. */
	measure: string;
	/** The 类's one name for a class measure, else null. */
	name: string | null;
	budget: number;
	final: number;
	/** final ÷ budget; null where the budget is 0. */
	rate: number | null;
}

/** One measure of a unit's disclosure against the same unit and kind the year before. */
export interface ChangeRow {
	district: string;
	unit: string;
	kind: DocumentKind;
	year: number;
	measure: string;
	name: string | null;
	previous: number;
	value: number;
	change: number;
	/** change ÷ previous; null where previous is 0. */
	change_ratio: number | null;
}

/**
 * `, measures AS (…)` after {@link figuresWith}: one row per document and measure (district, unit,
 * year, kind, measure, name, value), NULL figures left out. One document per unit, year and kind
 * (doc_id breaks a tie as basisCte does), so a unit publishing twice is not counted twice. 类 rows
 * and 三公 only without a code filter: with one, `total` already is that code's figure.
 */
function measuresCte(filters: Filters): SqlQuery {
	// 三公 has no classification code: under a code filter it would not be that code's figure
	const measures = filters.code === null ? EXECUTION_MEASURES : (['total', 'basic', 'project'] as const);
	const headline = measures.map((m) => sql`SELECT district, unit, year, kind, ${m} AS measure, NULL AS name, ${ident(m)} AS value FROM one WHERE ${ident(m)} IS NOT NULL`);
	const classes =
		filters.code === null
			? sql` UNION ALL SELECT o.district, o.unit, o.year, o.kind, 'class:' || fe.code, cn.name, fe.total
	FROM one o JOIN ${table('function_expenditure')} fe ON fe.doc_id = o.doc_id AND fe.level = 1 AND fe.total IS NOT NULL
	LEFT JOIN ${ident(CODE_NAMES)} cn ON cn.scheme = 'function' AND cn.code = fe.code`
			: sql``;
	const union = headline.reduce((acc, part) => sql`${acc} UNION ALL ${part}`);
	return sql`, one AS (
	SELECT * FROM figures
	QUALIFY row_number() OVER (PARTITION BY kind, district, unit, year ORDER BY doc_id) = 1),
measures AS (${union}${classes})
`;
}

/** `WITH figures …, one …, measures …, execution AS (…)`: the pairs, as {@link ExecutionRow}. */
export function executionWith(filters: Filters): SqlQuery {
	// Both kinds are needed for a rate, whatever the kind filter says.
	const both: Filters = { ...filters, kind: 'both' };
	return sql`${figuresWith(both, { latestOrder: false })}${measuresCte(both)}, execution AS (
	SELECT b.district, b.unit, b.year, b.measure, b.name,
		round(b.value, 2) AS budget, round(f.value, 2) AS final,
		f.value / nullif(b.value, 0) AS rate
	FROM measures b JOIN measures f
		ON f.kind = 'final' AND b.kind = 'budget' AND f.district = b.district AND f.unit = b.unit
		AND f.year = b.year AND f.measure = b.measure)
`;
}

/** Orders measures: the headline ones as {@link EXECUTION_MEASURES}, then 类 by code. */
function measureOrder(): SqlQuery {
	return sql`${measureRank()}, measure`;
}

/** A measure's place among {@link EXECUTION_MEASURES} (a 类: after them), for ORDER BY. */
export function measureRank(): SqlQuery {
	const cases = EXECUTION_MEASURES.map((m, i) => sql`WHEN ${m} THEN ${i}`);
	return sql`CASE measure ${cases.reduce((acc, c) => sql`${acc} ${c}`)} ELSE 99 END`;
}

/**
 * {@link executionQuery}'s order (the figures last, so that a 类 printed twice in one disclosure
 * still has one order): a page of it in SQL is the same rows as that slice of the whole.
 */
function executionOrder(): SqlQuery {
	return sql`ORDER BY district, unit, year, ${measureOrder()}, name, budget, final`;
}

/** {@link changeQuery}'s order, total as {@link executionOrder}'s. */
function changeOrder(): SqlQuery {
	return sql`ORDER BY district, unit, kind, year, ${measureOrder()}, name, previous, value`;
}

/** Execution rates of every measure of every unit-year with both kinds, for the filters (kind ignored). */
export function executionQuery(filters: Filters): SqlQuery {
	return sql`${executionWith(filters)}
SELECT * FROM execution ${executionOrder()}`;
}

/** `WITH …, changes AS (…)`: each measure against the same unit, kind and measure a year before. */
function changeWith(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: false })}${measuresCte(filters)}, changes AS (
	SELECT c.district, c.unit, c.kind, c.year, c.measure, c.name,
		round(p.value, 2) AS previous, round(c.value, 2) AS value,
		round(c.value - p.value, 2) AS change,
		(c.value - p.value) / nullif(p.value, 0) AS change_ratio
	FROM measures c JOIN measures p
		ON p.kind = c.kind AND p.district = c.district AND p.unit = c.unit
		AND p.measure = c.measure AND p.year = c.year - 1)
`;
}

/**
 * Year-over-year changes for the filters. The year before must itself be within the filters: a
 * range 2023–2024 gives 2024's change only.
 */
export function changeQuery(filters: Filters): SqlQuery {
	return sql`${changeWith(filters)}
SELECT * FROM changes ${changeOrder()}`;
}

/** One page of {@link executionQuery}'s rows, in its order (LIMIT and OFFSET bound). */
export function executionPageQuery(filters: Filters, page: number, pageSize = DEFAULT_PAGE_SIZE): SqlQuery {
	return pageOfOrdered(executionQuery(filters), page, pageSize);
}

/** One page of {@link changeQuery}'s rows, in its order (LIMIT and OFFSET bound). */
export function changePageQuery(filters: Filters, page: number, pageSize = DEFAULT_PAGE_SIZE): SqlQuery {
	return pageOfOrdered(changeQuery(filters), page, pageSize);
}

/**
 * A page of an ordered query, LIMIT and OFFSET bound. Taken from it as a subquery (whose order
 * LIMIT and OFFSET keep) rather than appended: DuckDB plans these queries' CTEs otherwise under a
 * LIMIT, and a page cost four times the whole (60 against 14 ms on 60 unit·years, in DuckDB-WASM).
 */
function pageOfOrdered(query: SqlQuery, page: number, pageSize: number): SqlQuery {
	const { limit, offset } = pageWindow(page, pageSize);
	return sql`SELECT * FROM (${query}) LIMIT ${limit} OFFSET ${offset}`;
}

/** `{ row_count }`: how many rows {@link changeQuery} gives, for its table's pager. */
export function changeCountQuery(filters: Filters): SqlQuery {
	return sql`${changeWith(filters)}
SELECT count(*) AS row_count FROM changes`;
}

/** What a league table ranks units by. */
export const RANKING_MEASURES = ['total', 'three_public', 'basic_share', 'execution', 'change'] as const;
export type RankingMeasure = (typeof RANKING_MEASURES)[number];

export function isRankingMeasure(value: string): value is RankingMeasure {
	return (RANKING_MEASURES as readonly string[]).includes(value);
}

/** One unit's place in a league table. */
export interface RankingRow {
	/** Within the kind (1 = highest); ties share a rank. */
	rank: number;
	district: string;
	unit: string;
	/** The year the value is of: the unit's latest with a value. */
	year: number;
	/** The kind ranked; null for execution (决算 ÷ 预算). */
	kind: DocumentKind | null;
	/** 万元 for total/三公; a ratio for basic share, execution rate and change. */
	value: number;
	/** For change: the year before's figure; for execution: the 预算. */
	base: number | null;
}

/** `candidates (district, unit, year, kind, value, base)` for a measure, after the WITH heads. */
function candidates(filters: Filters, measure: RankingMeasure): SqlQuery {
	switch (measure) {
		case 'total':
		case 'three_public':
			return sql`${figuresWith(filters, { latestOrder: false })}, candidates AS (
	SELECT district, unit, year, kind, ${ident(measure)} AS value, NULL::DOUBLE AS base FROM figures)
`;
		case 'basic_share':
			// one denominator per document: its basic + project, only where it gives both
			return sql`${figuresWith(filters, { latestOrder: false })}, candidates AS (
	SELECT district, unit, year, kind, basic / nullif(basic + project, 0) AS value, NULL::DOUBLE AS base FROM figures)
`;
		case 'execution':
			return sql`${executionWith(filters)}, candidates AS (
	SELECT district, unit, year, NULL::VARCHAR AS kind, rate AS value, budget AS base FROM execution WHERE measure = 'total')
`;
		case 'change':
			return sql`${changeWith(filters)}, candidates AS (
	SELECT district, unit, year, kind, change_ratio AS value, previous AS base FROM changes WHERE measure = 'total')
`;
	}
}

/**
 * The league table: each unit's latest year with a value of the measure (one row per unit and
 * kind), ranked within the kind, highest first. Amounts rounded once, to 万元 with two decimals.
 */
export function rankingQuery(filters: Filters, measure: RankingMeasure): SqlQuery {
	const amount = measure === 'total' || measure === 'three_public';
	const value = amount ? sql`round(value, 2)` : sql`value`;
	return sql`${candidates(filters, measure)}, latest AS (
	SELECT district, unit, year, kind, ${value} AS value, base FROM candidates WHERE value IS NOT NULL
	QUALIFY row_number() OVER (PARTITION BY kind, district, unit ORDER BY year DESC) = 1)
SELECT CAST(rank() OVER (PARTITION BY kind ORDER BY value DESC) AS INTEGER) AS rank, district, unit, year, kind, value, base
FROM latest
ORDER BY kind NULLS LAST, rank, district, unit`;
}
