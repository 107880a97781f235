import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { sql, type SqlQuery } from './sql';

/** Every document kind, in display order (预算 before 决算). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['budget', 'final'];

/** The kinds a filter asks for. */
export function kindsOf(filters: Filters): DocumentKind[] {
	return filters.kind === 'both' ? [...DOCUMENT_KINDS] : [filters.kind];
}

/**
 * The requested kinds as a relation `k(kind)`, so that empty kinds still get a row: both kinds,
 * less the one a kind filter leaves out — one SQL text for either (see whereDocuments).
 */
export function kindsRelation(filters: Filters): SqlQuery {
	const only = filters.kind === 'both' ? null : filters.kind;
	return sql`(SELECT kind FROM (VALUES ('budget'), ('final')) AS every_kind(kind) WHERE CAST(${only} AS VARCHAR) IS NULL OR kind = ${only}) AS k`;
}
