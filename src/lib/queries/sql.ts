/**
 * SQL as values: a tagged template that turns every interpolation into a bound `?` parameter, so a
 * value that came from the URL can never become SQL text. Fragments compose: interpolating one
 * `SqlQuery` into another splices its text and parameters in order.
 *
 * Only two things ever reach the SQL text: the literal template parts written in this codebase and
 * identifiers passed through {@link ident}, which quotes them.
 */

/** A value DuckDB-WASM can bind to a `?` (its prepared statements take no arrays or BigInts). */
export type SqlParam = string | number | boolean | null;

/** SQL text with `?` placeholders and the values bound to them, in order. */
export class SqlQuery {
	readonly sql: string;
	readonly params: readonly SqlParam[];

	constructor(text: string, params: readonly SqlParam[]) {
		this.sql = text;
		this.params = Object.freeze([...params]);
	}
}

/** What may stand in a `${}` of {@link sql}: a bound value or a nested fragment. */
export type SqlValue = SqlParam | SqlQuery;

function checkParam(value: unknown): SqlParam {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number') {
		// JSON carries parameters to the worker: NaN/Infinity would silently become NULL.
		if (!Number.isFinite(value)) throw new Error(`sql: parameter is not a finite number: ${value}`);
		return value;
	}
	if (Array.isArray(value)) throw new Error('sql: arrays cannot be bound; use inList(values)');
	throw new Error(`sql: unsupported parameter type ${typeof value}`);
}

/**
 * Tagged template: `sql\`SELECT * FROM documents WHERE district = ${name}\`` gives
 * `{ sql: 'SELECT * FROM documents WHERE district = ?', params: [name] }`.
 * Nested `SqlQuery` values are spliced in; every other value becomes a `?` parameter.
 */
export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): SqlQuery {
	let text = strings[0];
	const params: SqlParam[] = [];
	values.forEach((value, i) => {
		if (value instanceof SqlQuery) {
			text += value.sql;
			params.push(...value.params);
		} else {
			text += '?';
			params.push(checkParam(value));
		}
		text += strings[i + 1];
	});
	return new SqlQuery(text, params);
}

/** A double-quoted identifier (`"`→`""`), for table and column names chosen by this code. */
export function ident(name: string): SqlQuery {
	if (name.length === 0 || name.includes('\0')) throw new Error(`sql: invalid identifier ${JSON.stringify(name)}`);
	return new SqlQuery(`"${name.replaceAll('"', '""')}"`, []);
}

/** A dotted, quoted column reference such as `"d"."district"`. */
export function column(alias: string, name: string): SqlQuery {
	return sql`${ident(alias)}.${ident(name)}`;
}

/**
 * `(?, ?, …)` with one placeholder per value, for `x IN ${inList(values)}`.
 * An empty list is refused: `IN ()` is a syntax error and "no filter" must be decided by the caller.
 */
export function inList(values: readonly SqlParam[]): SqlQuery {
	if (values.length === 0) throw new Error('sql: inList needs at least one value');
	return new SqlQuery(`(${values.map(() => '?').join(', ')})`, values.map(checkParam));
}

/** Joins {@link oneOf}'s values into its one parameter: a control character no name contains. */
const ONE_OF_SEPARATOR = '\u001f';

/**
 * `column` is one of `values`, or anything when `values` is null — `(CAST(? AS VARCHAR) IS NULL OR
 * list_contains(string_split(?, chr(31)), column))` with the values bound as ONE parameter, joined by
 * U+001F (bound twice: once for each `?`). Unlike `IN (?, ?, …)` the SQL text is the same for no
 * value, one or twelve, so a filter change reuses the view's prepared statement and its plan (a new
 * shape costs a prepare and a first run of a new plan: ≈ 2.5–4 ms per statement in warm DuckDB-WASM,
 * several times that in the first minute). A value holding the separator is refused, and so is an
 * empty list (no filter is null, not []).
 */
export function oneOf(column: SqlQuery, values: readonly string[] | null): SqlQuery {
	if (values !== null && values.length === 0) throw new Error('sql: oneOf needs at least one value (null for no filter)');
	for (const v of values ?? []) {
		if (typeof v !== 'string' || v.includes(ONE_OF_SEPARATOR)) throw new Error(`sql: oneOf cannot bind ${JSON.stringify(v)}`);
	}
	const joined = values === null ? null : values.join(ONE_OF_SEPARATOR);
	return sql`(CAST(${joined} AS VARCHAR) IS NULL OR list_contains(string_split(${joined}, chr(31)), ${column}))`;
}

/** `column = value`, or anything when `value` is null — one SQL text either way (see {@link oneOf}). */
export function equalsOrAny(column: SqlQuery, value: string | null): SqlQuery {
	return sql`(CAST(${value} AS VARCHAR) IS NULL OR ${column} = ${value})`;
}

/** `column BETWEEN from AND to`, or anything when `range` is null — one SQL text either way. */
export function betweenOrAny(column: SqlQuery, range: { from: number; to: number } | null): SqlQuery {
	const from = range?.from ?? null;
	return sql`(CAST(${from} AS INTEGER) IS NULL OR ${column} BETWEEN ${from} AND ${range?.to ?? null})`;
}

/** The separators {@link joinSql} accepts: a closed set, so no free text reaches the SQL. */
export type SqlSeparator = ', ' | ' AND ' | ' OR ' | ' UNION ALL ' | '\n';

/** Joins fragments with one of the fixed separators (default `, `). */
export function joinSql(parts: readonly SqlQuery[], separator: SqlSeparator = ', '): SqlQuery {
	return new SqlQuery(
		parts.map((p) => p.sql).join(separator),
		parts.flatMap((p) => p.params)
	);
}

/** `a AND b AND …` over the given conditions; `TRUE` when there are none. */
export function and(conditions: readonly SqlQuery[]): SqlQuery {
	if (conditions.length === 0) return sql`TRUE`;
	return joinSql(
		conditions.map((c) => sql`(${c})`),
		' AND '
	);
}
