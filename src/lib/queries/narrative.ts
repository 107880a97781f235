/**
 * Figures implied by the prose (narrative_figures): one document's, for its page, with the file a
 * line is in when the document was read from two files.
 */
import type { Filters } from '$lib/filters/model';
import { and, joinSql, sql, type SqlQuery } from './sql';
import { table } from './tables';
import { TREND_LIMIT, trendCandidatesQuery } from './trends';
import type { NameOrder } from './name-order';
import { unitOf, whereDocuments } from './where';

/** A narrative_figures row of one document, as its page shows it. */
export interface NarrativeFigureRow {
	measure: string;
	figure_year: number;
	figure_kind: string;
	relation: string;
	value: number;
	current_value: number;
	stated_change: number;
	stated_percent: number | null;
	stated_points: number | null;
	reason: string | null;
	reason_line: number | null;
	reason_page: number | null;
	source_line: number | null;
	source_page: number | null;
	source_file: string | null;
	/** The row's file where the document was read from two files; NULL otherwise. */
	source_part: string | null;
}

/** {@link NarrativeFigureRow}s of `docId` (bound as a parameter), in source order. */
export function documentNarrativeFiguresQuery(docId: string): SqlQuery {
	return sql`SELECT t.measure, t.figure_year, t.figure_kind, t.relation, t.value, t.current_value, t.stated_change,
	t.stated_percent, t.stated_points, t.reason, t.reason_line, t.reason_page, t.source_line, t.source_page, t.source_file,
	CASE WHEN t.source_file IS DISTINCT FROM d.source_file THEN t.source_file END AS source_part
FROM ${table('narrative_figures')} t JOIN ${table('documents')} d ON d.doc_id = t.doc_id
WHERE t.doc_id = ${docId}
ORDER BY t.source_line NULLS LAST, t.measure, t.relation`;
}

/** Trend fields a derived figure can stand in for (see figures.ts for what each counts). */
export type DerivedField = 'total' | 'basic' | 'project' | 'three_public' | 'outbound' | 'vehicle' | 'reception';

const FIELD_OF_MEASURE: Record<string, DerivedField> = {
	expenditure_total: 'total',
	basic: 'basic',
	project: 'project',
	'three_public.total': 'three_public',
	'three_public.outbound': 'outbound',
	'three_public.vehicle': 'vehicle',
	'three_public.reception': 'reception'
};

/** A figure implied by one disclosure's prose for a unit, year and kind that no disclosure in the data covers. */
export interface DerivedPointRow {
	district: string;
	unit: string;
	/** The implied figure's year and kind. */
	year: number;
	kind: 'budget' | 'final';
	field: DerivedField;
	value: number;
	relation: string;
	reason: string | null;
	/** The disclosure whose prose implies it: its year, kind, id and the line (and PDF page) of the sentence. */
	source_year: number;
	source_kind: 'budget' | 'final';
	source_doc: string;
	source_line: number | null;
	source_page: number | null;
}

/**
 * Derived points for the trend views: figures implied by the prose of the filtered units'
 * disclosures, only where the data hold no disclosure of that unit, year and kind (a printed figure
 * always wins), one per unit·year·kind·field — from the latest disclosure implying it. The year and
 * kind filters apply to the implied figure's year and kind; with a code filter, only a 类's own
 * derived figure stands in for the total. 公务用车 is, as in the 三公 tables, 购置 + 运行 where one
 * sentence pair implies both and the prose gives no 公务用车 figure of its own.
 */
export function derivedPointsQuery(filters: Filters): SqlQuery {
	const units = whereDocuments({ ...filters, years: null, kind: 'both', code: null });
	const conditions: SqlQuery[] = [units];
	if (filters.years) conditions.push(sql`n.figure_year BETWEEN ${filters.years.from} AND ${filters.years.to}`);
	if (filters.kind !== 'both') conditions.push(sql`n.figure_kind = ${filters.kind}`);
	const fieldCase =
		filters.code !== null
			? sql`CASE WHEN b.measure = ${`function.${filters.code}`} THEN 'total' END`
			: sql`CASE b.measure ${joinSql(
					Object.entries(FIELD_OF_MEASURE).map(([m, f]) => sql`WHEN ${m} THEN ${f}`),
					'\n'
				)} END`;
	return sql`WITH base AS (
	SELECT d.district, ${unitOf('d')} AS unit, n.figure_year AS year, n.figure_kind AS kind, n.measure,
		n.value, n.relation, n.reason, d.year AS source_year, d.kind AS source_kind, d.doc_id AS source_doc, n.source_line, n.source_page
	FROM ${table('narrative_figures')} n JOIN ${table('documents')} d ON d.doc_id = n.doc_id
	WHERE ${and(conditions)}
),
vehicle AS (
	SELECT district, unit, year, kind, 'three_public.vehicle' AS measure, round(sum(value), 2) AS value, relation,
		nullif(array_to_string(list_sort(list(DISTINCT reason) FILTER (WHERE reason IS NOT NULL)), '；'), '') AS reason,
		source_year, source_kind, source_doc, min(source_line) AS source_line, min(source_page) AS source_page
	FROM base b
	WHERE measure IN ('three_public.vehicle_purchase', 'three_public.vehicle_operation') AND NOT EXISTS (
		SELECT 1 FROM base v WHERE v.source_doc = b.source_doc AND v.relation = b.relation AND v.year = b.year AND v.measure = 'three_public.vehicle')
	GROUP BY district, unit, year, kind, relation, source_year, source_kind, source_doc
	HAVING count(DISTINCT measure) = 2
),
src AS (
	SELECT b.district, b.unit, b.year, b.kind, ${fieldCase} AS field, b.value, b.relation, b.reason,
		b.source_year, b.source_kind, b.source_doc, b.source_line, b.source_page
	FROM (SELECT * FROM base UNION ALL SELECT * FROM vehicle) b
)
SELECT * FROM src s
WHERE s.field IS NOT NULL AND NOT EXISTS (
	SELECT 1 FROM ${table('documents')} o
	WHERE o.district = s.district AND ${unitOf('o')} = s.unit AND o.year = s.year AND o.kind = s.kind)
QUALIFY row_number() OVER (PARTITION BY s.district, s.unit, s.year, s.kind, s.field ORDER BY s.source_year DESC, s.source_doc) = 1
ORDER BY s.district, s.unit, s.kind, s.year, s.field`;
}

/** A 决算's 年初预算数 read from its own prose, for a unit and year with no 预算 disclosure in the data. */
export interface DerivedExecutionRow {
	district: string;
	unit: string;
	year: number;
	measure: string;
	/** The 年初预算数 the prose implies. */
	budget: number;
	/** The 决算 figure the sentence states. */
	final: number;
	reason: string | null;
	source_doc: string;
	source_line: number | null;
	source_page: number | null;
}

/**
 * 年初预算数 vs 决算数 from the 决算's own prose (较年初预算数增加/减少 X 万元), per unit, year and
 * measure, where the data hold no 预算 disclosure of that unit and year — where they do, /execution
 * pairs the two disclosures instead. The kind filter does not apply (a rate needs both kinds).
 */
export function derivedExecutionQuery(filters: Filters): SqlQuery {
	return sql`${derivedExecutionSelect(filters, false)}
${DERIVED_EXECUTION_ORDER}`;
}

/**
 * The derived pairs' order: by unit, year and line — then the document, as two departments of one
 * kind can share a unit (so that a page of it in SQL is the same rows as that slice of the whole).
 */
const DERIVED_EXECUTION_ORDER = sql`ORDER BY d.district, unit, d.year, n.source_line, n.measure, d.doc_id`;

/** One page of {@link derivedExecutionQuery} (/execution's table of them), LIMIT and OFFSET bound. */
export function derivedExecutionPageQuery(filters: Filters, limit: number, offset: number): SqlQuery {
	return sql`${derivedExecutionQuery(filters)}
LIMIT ${limit} OFFSET ${offset}`;
}

/**
 * {@link derivedExecutionQuery}'s SELECT … WHERE, without its order: every measure, or (`threePublicOnly`)
 * the 三公 items only.
 */
export function derivedExecutionSelect(filters: Filters, threePublicOnly: boolean): SqlQuery {
	const measures = threePublicOnly ? sql` AND starts_with(n.measure, 'three_public.')` : sql``;
	return sql`SELECT d.district, ${unitOf('d')} AS unit, d.year, n.measure, n.value AS budget, n.current_value AS final,
	n.reason, d.doc_id AS source_doc, n.source_line, n.source_page
FROM ${table('narrative_figures')} n JOIN ${table('documents')} d ON d.doc_id = n.doc_id
WHERE ${whereDocuments({ ...filters, kind: 'both' })} AND d.kind = 'final' AND n.relation = 'initial_budget'${measures}
	AND NOT EXISTS (
		SELECT 1 FROM ${table('documents')} o
		WHERE o.district = d.district AND ${unitOf('o')} = ${unitOf('d')} AND o.year = d.year AND o.kind = 'budget')`;
}

/** {@link derivedExecutionQuery}'s 三公 rows (/three-public's table of them, and its CSV), in its order. */
export function derivedThreePublicQuery(filters: Filters): SqlQuery {
	return sql`${derivedExecutionSelect(filters, true)}
${DERIVED_EXECUTION_ORDER}`;
}

/**
 * {@link derivedPointsQuery} for the lines /trends draws (trendsQuery's, same `order`): every point
 * while all lines fit, else only those lines' — the page drew 24 lines from 30,000 units' points.
 */
export function trendDerivedPointsQuery(filters: Filters, limit = TREND_LIMIT, order: NameOrder | null = null): SqlQuery {
	return sql`WITH c AS (${trendCandidatesQuery(filters, limit, order)}),
p AS (${derivedPointsQuery(filters)})
SELECT p.* FROM p
WHERE coalesce((SELECT max(lines) FROM c), 0) <= ${limit}
	OR EXISTS (SELECT 1 FROM c WHERE c.district = p.district AND c.unit = p.unit AND c.kind = p.kind)
ORDER BY p.district, p.unit, p.kind, p.year, p.field`;
}

/** One page of {@link derivedThreePublicQuery} (LIMIT and OFFSET bound). */
export function derivedThreePublicPageQuery(filters: Filters, limit: number, offset: number): SqlQuery {
	return sql`${derivedThreePublicQuery(filters)}
LIMIT ${limit} OFFSET ${offset}`;
}
