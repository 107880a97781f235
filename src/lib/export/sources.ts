/**
 * The source documents behind a view's figures: which disclosures a chart, a print-out or a
 * workbook was drawn from, so a briefing says where its numbers come from. Pure.
 */
import { documentsListQuery, sourceDocumentsQuery, sourceHeadQuery, type DocumentRow, type SourceHeadRow } from '$lib/queries/documents';
import type { NameOrder } from '$lib/queries/name-order';
import type { Filters } from '$lib/filters/model';
import { byPinyin } from '$lib/filters/order';
import type { SqlQuery } from '$lib/queries/sql';
import type { DocumentKind } from '$lib/storage/schema';

/** A disclosure as the documents list gives it (see `documentsListQuery`). */
export type DocumentLike = Pick<DocumentRow, 'doc_id' | 'district' | 'department' | 'department_kind' | 'year' | 'kind' | 'title' | 'source_file'>;

/** One source document, named as the views name a unit (district + department kind). */
export interface SourceDoc {
	doc_id: string;
	district: string;
	/** The department kind, or the department where it has none — as `unit` in the views. */
	unit: string;
	year: number;
	kind: DocumentKind;
	title: string;
	source_file: string;
}

/** The views' unit of a document: its department kind, else the department as printed. */
export function toSource(d: DocumentLike): SourceDoc {
	return {
		doc_id: d.doc_id,
		district: d.district,
		unit: d.department_kind ?? d.department,
		year: d.year,
		kind: d.kind,
		title: d.title,
		source_file: d.source_file
	};
}

/**
 * Sources by place: district and unit by pinyin — the filter bar's order, which SQL is given to
 * name a caption's first sources (queries/documents.ts `sourceHeadQuery`) — then year, kind and
 * doc_id by code point. One collator: V8 builds one per localeCompare call given a locale, and
 * sorting a whole city's 30,000 sources that way was a second of main-thread work.
 */
function byPlace(a: SourceDoc, b: SourceDoc): number {
	return (
		byPinyin(a.district, b.district) ||
		byPinyin(a.unit, b.unit) ||
		a.year - b.year ||
		byCodePoint(a.kind, b.kind) ||
		byCodePoint(a.doc_id, b.doc_id)
	);
}

function byCodePoint(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How a result row points at its document(s): by id, by unit-year(-kind), or not at all. A null
 * unit stands for the district's units not named in the row's year and kind (the overview's
 * by-year stack sums them in one row): every unit of that district, year and kind.
 */
type RowKey = { docId: string } | { district: string; unit: string | null; year: number; kind: string | null } | null;

function keyOf(row: unknown): RowKey {
	if (row === null || typeof row !== 'object') return null;
	const r = row as Record<string, unknown>;
	if (typeof r.doc_id === 'string') return { docId: r.doc_id };
	// a figure read from prose: the disclosure whose sentence gives it (its own year and kind are
	// the figure's, another year's or kind's than the source's)
	if (typeof r.source_doc === 'string') return { docId: r.source_doc };
	if (typeof r.district === 'string' && (typeof r.unit === 'string' || r.unit === null) && typeof r.year === 'number') {
		// execution rows have no kind: they stand on both the 预算 and the 决算 of that year
		return { district: r.district, unit: r.unit, year: r.year, kind: typeof r.kind === 'string' ? r.kind : null };
	}
	return null;
}

/** What rows point at, for the query that lists only those documents (queries/documents.ts `sourceDocumentsQuery`). */
export interface RowSources {
	/** Whether any row says where it comes from; if none does, every unit's latest disclosure stands in. */
	keyed: boolean;
	ids: string[];
	/** [district, unit or null, year, kind or null], each once. */
	units: [string, string | null, number, string | null][];
}

/** The documents `rows` point at (see {@link sourcesOfRows}), each key once. */
export function rowSources(rows: readonly unknown[]): RowSources {
	const ids = new Set<string>();
	const units = new Map<string, [string, string | null, number, string | null]>();
	let keyed = false;
	for (const row of rows) {
		const key = keyOf(row);
		if (key === null) continue;
		keyed = true;
		if ('docId' in key) ids.add(key.docId);
		else units.set(JSON.stringify([key.district, key.unit, key.year, key.kind]), [key.district, key.unit, key.year, key.kind]);
	}
	return { keyed, ids: [...ids], units: [...units.values()] };
}

/**
 * Each unit's latest disclosure of each kind: what the views that add units up (KPIs, structure)
 * draw from, used when the rows themselves do not say which documents they come from.
 */
export function latestPerUnit(docs: readonly DocumentLike[]): SourceDoc[] {
	const latest = new Map<string, SourceDoc>();
	for (const d of docs.map(toSource)) {
		const key = JSON.stringify([d.district, d.unit, d.kind]);
		const seen = latest.get(key);
		if (!seen || d.year > seen.year) latest.set(key, d);
	}
	return [...latest.values()].sort(byPlace);
}

/**
 * The documents behind `rows`, from the filtered documents list `docs`: rows that carry a doc_id
 * name it; rows that carry district, unit and year (and kind) name that unit's disclosure(s) of the
 * year. When no row says where it comes from (aggregates), each unit's latest disclosure within
 * the filters stands in — the basis of those views. Sorted by district, unit, year, kind.
 */
export function sourcesOfRows(rows: readonly unknown[], docs: readonly DocumentLike[]): SourceDoc[] {
	const keys = rowSources(rows);
	if (!keys.keyed) return rows.length === 0 ? [] : latestPerUnit(docs);
	const ids = new Set(keys.ids);
	const units = new Set(keys.units.map((u) => JSON.stringify(u)));
	const picked = docs.map(toSource).filter(
		(d) =>
			ids.has(d.doc_id) ||
			units.has(JSON.stringify([d.district, d.unit, d.year, d.kind])) ||
			units.has(JSON.stringify([d.district, d.unit, d.year, null])) ||
			units.has(JSON.stringify([d.district, null, d.year, d.kind])) ||
			units.has(JSON.stringify([d.district, null, d.year, null]))
	);
	return picked.sort(byPlace);
}

/**
 * The documents list {@link sourcesOfRows} needs for `rows`: only the documents they point at, or the
 * whole filtered list when no row says where it comes from (each unit's latest stands in then).
 */
export function sourceListQuery(filters: Filters, rows: readonly unknown[]): SqlQuery {
	const keys = rowSources(rows);
	return (keys.keyed && sourceDocumentsQuery(filters, keys.ids, keys.units)) || documentsListQuery(filters);
}

/** What a caption names: its first sources by place, and how many there are in all. */
export interface CaptionSources {
	sources: SourceDoc[];
	total: number;
}

/**
 * The query for a caption's sources of `rows` ({@link captionSources}): their count and the first
 * `limit` by place, without the rest (a whole city's sources are 30,000 documents, decoded for a
 * caption that names three) — or, where a key cannot be bound, the whole list.
 */
export function captionSourcesQuery(filters: Filters, rows: readonly unknown[], order: NameOrder | null, limit: number): SqlQuery {
	const keys = rowSources(rows);
	return sourceHeadQuery(filters, keys.keyed ? keys : null, order, limit) ?? sourceListQuery(filters, rows);
}

/** The caption's sources from the rows of {@link captionSourcesQuery}: the same as the first `limit` of {@link sourcesOfRows}. */
export function captionSources(rows: readonly unknown[], docs: readonly (DocumentRow | SourceHeadRow)[], limit: number): CaptionSources {
	if (rows.length === 0) return { sources: [], total: 0 };
	const all = sourcesOfRows(rows, docs);
	const first = docs[0] as Partial<SourceHeadRow> | undefined;
	return { sources: all.slice(0, limit), total: first?.total === undefined ? all.length : Number(first.total) };
}
