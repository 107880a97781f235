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

/** A statement prepared once and run many times with different parameters. */
export interface DbStatement {
	/** Runs the statement with `params` bound to its `?` placeholders. */
	query(params: readonly SqlParam[]): Promise<PlainRow[]>;
	close(): Promise<void>;
}

/** One open connection. Adapters convert engine values to {@link PlainValue}s. */
export interface DbConnection {
	/** Runs one statement as a prepared statement with `params` bound to its `?` placeholders. */
	query(text: string, params: readonly SqlParam[]): Promise<PlainRow[]>;
	/**
	 * Prepares `text` for repeated runs. Only adapters whose connection may hold several prepared
	 * statements and take calls while an earlier one is outstanding (each call runs to completion
	 * in turn, as in DuckDB-WASM) provide it; {@link StatementClient} needs it.
	 */
	prepare?(text: string): Promise<DbStatement>;
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

/** What views and scripts run query builders' output through. */
export interface QueryRunner {
	/**
	 * Runs `q` with its parameters bound and returns plain rows. `T` is the builder's row type; it
	 * is trusted, not checked.
	 */
	query<T>(q: SqlQuery): Promise<T[]>;
	/** The first row of `q`, or null when it returns none. */
	queryRow<T>(q: SqlQuery): Promise<T | null>;
}

/**
 * Runs query builders' output. One connection per query, closed in `finally`: for engines whose
 * connection runs one query at a time (native DuckDB), so that concurrent queries each get their own.
 */
export class QueryClient implements QueryRunner {
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

/** A cached prepared statement and the runs currently using it. */
interface CachedStatement {
	readonly statement: Promise<DbStatement>;
	users: number;
	/** Out of the cache: closed as soon as no run uses it any more. */
	retired: boolean;
}

/**
 * Runs query builders' output on one long-lived connection, keeping prepared statements by SQL
 * text. The views' queries differ from one filter change to the next only in their bound values,
 * so after the first run of a query shape a filter change costs one call to the engine instead of
 * five (connect, prepare, run, close statement, disconnect) — in DuckDB-WASM each is a round trip
 * to its worker, and they queue behind each other's.
 *
 * Hygiene: a statement whose run fails is closed and dropped (the next run prepares afresh); at
 * most `maxStatements` are kept, the least recently used closed first, never while a run uses it;
 * {@link close} closes every statement and the connection. A failure to connect is not kept: the
 * next query tries again.
 *
 * Needs an adapter with {@link DbConnection.prepare}: the connection receives a new call while
 * earlier ones are outstanding.
 */
export class StatementClient implements QueryRunner {
	readonly #connect: Connect;
	readonly #maxStatements: number;
	#connection: Promise<DbConnection> | null = null;
	/** By SQL text; Map order is the LRU order. */
	readonly #statements = new Map<string, CachedStatement>();
	#closed = false;

	constructor(connect: Connect, options: { maxStatements?: number } = {}) {
		this.#connect = connect;
		this.#maxStatements = Math.max(1, options.maxStatements ?? 64);
	}

	/** Prepared statements currently cached (for tests). */
	get cachedStatements(): number {
		return this.#statements.size;
	}

	#open(): Promise<DbConnection> {
		if (this.#closed) return Promise.reject(new Error('db: the query client is closed'));
		if (!this.#connection) {
			const opening = this.#connect().then((conn) => {
				if (!conn.prepare) throw new Error('db: this connection cannot keep prepared statements');
				return conn;
			});
			this.#connection = opening;
			opening.catch(() => {
				if (this.#connection === opening) this.#connection = null;
			});
		}
		return this.#connection;
	}

	#acquire(text: string): CachedStatement {
		let entry = this.#statements.get(text);
		if (entry) {
			this.#statements.delete(text); // re-inserted below: most recently used
		} else {
			const statement = this.#open().then((conn) => conn.prepare!(text));
			entry = { statement, users: 0, retired: false };
			// Attach a handler now: a failed prepare is reported to the run that awaits it.
			statement.catch(() => undefined);
		}
		this.#statements.set(text, entry);
		entry.users++;
		while (this.#statements.size > this.#maxStatements) {
			const [oldestText, oldest] = this.#statements.entries().next().value!;
			this.#retire(oldestText, oldest);
		}
		return entry;
	}

	/** Takes `entry` out of the cache; it is closed once no run uses it. */
	#retire(text: string, entry: CachedStatement): void {
		if (this.#statements.get(text) === entry) this.#statements.delete(text);
		entry.retired = true;
		this.#closeIfIdle(entry);
	}

	#closeIfIdle(entry: CachedStatement): void {
		if (!entry.retired || entry.users > 0) return;
		entry.statement.then(
			(stmt) => stmt.close(),
			() => undefined
		).catch(() => undefined);
	}

	async query<T>(q: SqlQuery): Promise<T[]> {
		const entry = this.#acquire(q.sql);
		try {
			const stmt = await entry.statement;
			return (await stmt.query(q.params)) as T[];
		} catch (err) {
			this.#retire(q.sql, entry);
			throw err;
		} finally {
			entry.users--;
			this.#closeIfIdle(entry);
		}
	}

	async queryRow<T>(q: SqlQuery): Promise<T | null> {
		const rows = await this.query<T>(q);
		return rows.length > 0 ? rows[0] : null;
	}

	/** Closes every cached statement and the connection; later queries are refused. */
	async close(): Promise<void> {
		this.#closed = true;
		const entries = [...this.#statements.values()];
		this.#statements.clear();
		await Promise.all(
			entries.map((e) => e.statement.then((stmt) => stmt.close(), () => undefined).catch(() => undefined))
		);
		const connection = this.#connection;
		this.#connection = null;
		if (connection) await connection.then((conn) => conn.close(), () => undefined);
	}
}
