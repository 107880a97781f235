/**
 * The engine-neutral face of a database: the browser (DuckDB-WASM in a worker), the Node test
 * harness (DuckDB-WASM's blocking build) and the build-time snapshot (native DuckDB) each adapt
 * their connection to {@link DbConnection}, so the loader and the queries are the same code in all
 * three places.
 */
import type { SqlParam, SqlQuery } from '$lib/queries/sql';

/** A plain result row: numbers, strings, booleans, nulls, arrays of those (no BigInt, no Arrow). */
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };
export type PlainRow = Record<string, PlainValue>;

/** One open connection. Adapters convert engine values to {@link PlainValue}s. */
export interface DbConnection {
	/** Runs one statement as a prepared statement with `params` bound to its `?` placeholders. */
	query(text: string, params: readonly SqlParam[]): Promise<PlainRow[]>;
	/** Appends an Arrow IPC stream to an existing table whose columns match it in order. */
	insertArrowIpc(tableName: string, ipc: Uint8Array): Promise<void>;
	close(): Promise<void>;
}

/** Opens a new connection to an already-started database. */
export type Connect = () => Promise<DbConnection>;

/** Runs `work` on a fresh connection that is closed afterwards, whatever happens. */
export async function withConnection<T>(connect: Connect, work: (conn: DbConnection) => Promise<T>): Promise<T> {
	const conn = await connect();
	try {
		return await work(conn);
	} finally {
		await conn.close();
	}
}

/** Runs query builders' output. One connection per query, closed in `finally`. */
export class QueryClient {
	readonly #connect: Connect;

	constructor(connect: Connect) {
		this.#connect = connect;
	}

	/**
	 * Runs `q` with its parameters bound and returns plain rows. `T` is the builder's row type; it
	 * is trusted, not checked.
	 */
	query<T>(q: SqlQuery): Promise<T[]> {
		return withConnection(this.#connect, async (conn) => (await conn.query(q.sql, q.params)) as T[]);
	}

	/** The first row of `q`, or null when it returns none. */
	async queryRow<T>(q: SqlQuery): Promise<T | null> {
		const rows = await this.query<T>(q);
		return rows.length > 0 ? rows[0] : null;
	}
}
