/**
 * Classification trees summed over the documents a view shows (each unit's latest disclosure of a
 * kind within the filters, see `basisCte`), one tree per document kind (预算 and 决算 are separate
 * rows, never added together).
 *
 * A code has one name everywhere: the spelling most disclosures print (spellings vary slightly
 * between departments and years: 社会保障和就业支出 / 社会保障与就业支出), the others kept as its
 * aliases — see {@link codeNamesTableSql}. Level and parent_code come from the code itself.
 */
import type { Filters } from '$lib/filters/model';
import { PRE_AGGREGATED, type DocumentKind } from '$lib/storage/schema';
import { basisCte, figuresWith } from './figures';
import { ident, sql, type SqlQuery } from './sql';
import { table } from './tables';
import { codeSubtree } from './where';

/** The pre-aggregated table of code names: built by {@link codeNamesTableSql} when the Parquet is written. */
export const CODE_NAMES = PRE_AGGREGATED.code_names.name;

/** Which classification a code belongs to: 功能分类 (function_expenditure) or 经济分类 (economic). */
export type CodeScheme = 'function' | 'economic';

/**
 * `CREATE OR REPLACE TABLE code_names AS …`: per scheme and code, `name` — the spelling printed
 * by the most documents (a tie goes to the first in code-point order, so every engine picks the
 * same) — and `aliases`, the other spellings, most printed first. Counted over all documents, not
 * the filtered ones, so a code reads the same on every page and under every filter.
 */
export function codeNamesTableSql(): SqlQuery {
	return sql`CREATE OR REPLACE TABLE ${ident(CODE_NAMES)} AS
WITH spellings AS (
	SELECT 'function' AS scheme, code, name, count(DISTINCT doc_id) AS n FROM ${table('function_expenditure')} GROUP BY code, name
	UNION ALL
	SELECT 'economic', code, name, count(DISTINCT doc_id) FROM ${table('economic_expenditure')} GROUP BY code, name),
ranked AS (
	SELECT *, row_number() OVER (PARTITION BY scheme, code ORDER BY n DESC, name) AS rank FROM spellings)
SELECT scheme, code,
	min(name) FILTER (WHERE rank = 1) AS name,
	coalesce(list(name ORDER BY rank) FILTER (WHERE rank > 1), []::VARCHAR[]) AS aliases
FROM ranked
GROUP BY scheme, code`;
}

/** `JOIN code_names cn ON …` for rows aliased `alias` of the given scheme. */
export function codeNamesJoin(scheme: CodeScheme, alias: string): SqlQuery {
	return sql`JOIN ${ident(CODE_NAMES)} cn ON cn.scheme = ${scheme} AND cn.code = ${ident(alias)}.code`;
}

interface TreeRowBase {
	kind: DocumentKind;
	code: string;
	/** The code's one name (see {@link codeNamesTableSql}). */
	name: string;
	/** Other spellings of the code's name in the disclosures, most printed first. */
	aliases: string[];
	level: number;
	parent_code: string | null;
	/** Sum over the documents, 万元. */
	total: number | null;
	/** Documents contributing a row at this code. */
	documents: number;
}

/** A node of the functional classification (功能分类) tree. */
export interface FunctionTreeRow extends TreeRowBase {
	/** Sums over the documents that give the split. */
	basic: number | null;
	project: number | null;
	/** Contributing documents whose row lacks the basic/project split (narrative-only ones). */
	split_missing: number;
}

/**
 * The functional classification tree for the filters, over each unit's latest disclosure of the
 * kind (the documents the KPIs add up). With a code filter only that code's subtree (the code and
 * its descendants) is returned. Ordered by kind, then code (so parents precede children).
 */
export function functionTreeQuery(filters: Filters): SqlQuery {
	const subtree = filters.code === null ? sql`TRUE` : codeSubtree('f', filters.code);
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte()}
SELECT b.kind, f.code, min(cn.name) AS name, any_value(cn.aliases) AS aliases, min(f.level) AS level,
	min(f.parent_code) AS parent_code,
	round(sum(f.total), 2) AS total,
	round(sum(f.basic), 2) AS basic,
	round(sum(f.project), 2) AS project,
	count(DISTINCT f.doc_id) AS documents,
	count(DISTINCT f.doc_id) FILTER (WHERE f.basic IS NULL OR f.project IS NULL) AS split_missing
FROM ${table('function_expenditure')} f JOIN basis b ON b.doc_id = f.doc_id ${codeNamesJoin('function', 'f')}
WHERE ${subtree}
GROUP BY b.kind, f.code
ORDER BY b.kind, f.code`;
}

/** A node of the economic classification (经济分类) of basic spending. */
export interface EconomicTreeRow extends TreeRowBase {
	/** 人员经费 */
	personnel: number | null;
	/** 公用经费 */
	public: number | null;
}

/**
 * The economic classification of basic spending (economic_expenditure, 30x codes) for the filters.
 * The code filter (a functional code) cannot apply to economic rows; it narrows the documents only.
 */
export function economicTreeQuery(filters: Filters): SqlQuery {
	return sql`${figuresWith(filters, { latestOrder: true })}${basisCte()}
SELECT b.kind, e.code, min(cn.name) AS name, any_value(cn.aliases) AS aliases, min(e.level) AS level,
	min(e.parent_code) AS parent_code,
	round(sum(e.total), 2) AS total,
	round(sum(e.personnel), 2) AS personnel,
	round(sum(e.public), 2) AS public,
	count(DISTINCT e.doc_id) AS documents
FROM ${table('economic_expenditure')} e JOIN basis b ON b.doc_id = e.doc_id ${codeNamesJoin('economic', 'e')}
GROUP BY b.kind, e.code
ORDER BY b.kind, e.code`;
}
