import type { Filters } from '$lib/filters/model';
import type { DocumentKind } from '$lib/storage/schema';
import { joinSql, sql, type SqlQuery } from './sql';

/** Every document kind, in display order (预算 before 决算). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['budget', 'final'];

/** The kinds a filter asks for. */
export function kindsOf(filters: Filters): DocumentKind[] {
	return filters.kind === 'both' ? [...DOCUMENT_KINDS] : [filters.kind];
}

/** `(VALUES (?), (?)) AS k(kind)`: the requested kinds as a relation, so empty kinds still get a row. */
export function kindsRelation(filters: Filters): SqlQuery {
	const rows = kindsOf(filters).map((kind) => sql`(${kind})`);
	return sql`(VALUES ${joinSql(rows)}) AS k(kind)`;
}
