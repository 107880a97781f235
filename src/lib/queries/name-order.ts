/**
 * Ties broken by name in SQL as the page reads names: the filter bar's pinyin order, bound as a
 * parameter (/three-public's places, /trends' lines).
 */
import { sql, type SqlQuery } from './sql';

/**
 * The reading order of names (districts, units) for the charts' ties: both lists as the filter bar
 * lists them (by pinyin: `toKnownValues`). SQL has no pinyin collation in the browser, so the order
 * is bound as parameters; a name not listed (a unit without a department kind) comes after the
 * listed ones, by code point. Null: by code point only.
 */
export interface NameOrder {
	districts: readonly string[];
	units: readonly string[];
}

const NAME_SEPARATOR = '\u001f';

export function joinedNames(names: readonly string[] | undefined): string | null {
	if (!names || names.length === 0) return null;
	for (const n of names) if (n.includes(NAME_SEPARATOR)) throw new Error(`sql: a name cannot hold U+001F: ${JSON.stringify(n)}`);
	return names.join(NAME_SEPARATOR);
}

/** A name's position in the bound reading order (NULL when not listed), then the name itself. */
export function byNameOrder(col: 'district' | 'unit', names: string | null): SqlQuery {
	const c = col === 'district' ? sql`district` : sql`unit`;
	return sql`nullif(list_position(string_split(coalesce(CAST(${names} AS VARCHAR), ''), chr(31)), ${c}), 0) NULLS LAST, ${c}`;
}

