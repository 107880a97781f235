/**
 * 三公经费 in depth: budget and actual per unit (district + department kind) × year × kind × item —
 * one disclosure per row, never two departments added.
 */
import type { Filters } from '$lib/filters/model';
import type { DocumentKind, ThreePublicItem } from '$lib/storage/schema';
import { sql, type SqlQuery } from './sql';
import { table } from './tables';
import { filteredDocumentsCte, unitOf } from './where';

/** One 三公 item of a unit's disclosure of one year and kind. */
export interface ThreePublicRow {
	district: string;
	/** The department kind (or the department where it has none). */
	unit: string;
	year: number;
	kind: DocumentKind;
	item: ThreePublicItem;
	/** 预算数 (in a final account: the year's initial budget, where printed). */
	budget: number | null;
	/** 决算数; NULL in budget disclosures. */
	actual: number | null;
	documents: number;
}

/** Orders 三公 items as printed: total, outbound, vehicle (purchase, operation), reception. */
export function threePublicItemOrder(expr: 't.item' | 'item'): SqlQuery {
	const e = expr === 'item' ? sql`item` : sql`t.item`;
	return sql`CASE ${e} WHEN 'total' THEN 0 WHEN 'outbound' THEN 1 WHEN 'vehicle' THEN 2
	WHEN 'vehicle_purchase' THEN 3 WHEN 'vehicle_operation' THEN 4 WHEN 'reception' THEN 5 ELSE 6 END, ${e}`;
}

/** 三公 budget and actual per unit × year × kind × item for the filters. */
export function threePublicQuery(filters: Filters): SqlQuery {
	return sql`WITH ${filteredDocumentsCte(filters)}
SELECT fd.district, ${unitOf('fd')} AS unit, fd.year, fd.kind, t.item,
	round(sum(t.budget), 2) AS budget, round(sum(t.actual), 2) AS actual,
	count(DISTINCT t.doc_id) AS documents
FROM ${table('three_public')} t JOIN fd ON fd.doc_id = t.doc_id
GROUP BY fd.district, ${unitOf('fd')}, fd.year, fd.kind, t.item
ORDER BY fd.district, unit, fd.year, fd.kind, ${threePublicItemOrder('t.item')}`;
}
