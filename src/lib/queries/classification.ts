/**
 * Classification trees summed over the filtered documents, one tree per document kind (预算 and
 * 决算 are separate rows, never added together).
 *
 * A code's name is taken as the alphabetically first spelling among the documents (spellings vary
 * slightly between years); level and parent_code come from the code itself.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { codeSubtree, filteredDocumentsCte } from './where';

interface TreeRowBase {
	kind: DocumentKind;
	code: string;
	name: string;
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
 * The functional classification tree for the filters. With a code filter only that code's subtree
 * (the code and its descendants) is returned. Ordered by kind, then code (so parents precede children).
 */
export function functionTreeQuery(filters: Filters): SqlQuery {
	const subtree = filters.code === null ? sql`TRUE` : codeSubtree('f', filters.code);
	return sql`WITH ${filteredDocumentsCte(filters)}
SELECT fd.kind, f.code, min(f.name) AS name, min(f.level) AS level, min(f.parent_code) AS parent_code,
	round(sum(f.total), 2) AS total,
	round(sum(f.basic), 2) AS basic,
	round(sum(f.project), 2) AS project,
	count(DISTINCT f.doc_id) AS documents,
	count(DISTINCT f.doc_id) FILTER (WHERE f.basic IS NULL OR f.project IS NULL) AS split_missing
FROM ${table('function_expenditure')} f JOIN fd ON fd.doc_id = f.doc_id
WHERE ${subtree}
GROUP BY fd.kind, f.code
ORDER BY fd.kind, f.code`;
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
	return sql`WITH ${filteredDocumentsCte(filters)}
SELECT fd.kind, e.code, min(e.name) AS name, min(e.level) AS level, min(e.parent_code) AS parent_code,
	round(sum(e.total), 2) AS total,
	round(sum(e.personnel), 2) AS personnel,
	round(sum(e.public), 2) AS public,
	count(DISTINCT e.doc_id) AS documents
FROM ${table('economic_expenditure')} e JOIN fd ON fd.doc_id = e.doc_id
GROUP BY fd.kind, e.code
ORDER BY fd.kind, e.code`;
}
