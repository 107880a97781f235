/**
 * Which tables are loaded, and queries that wait for theirs. The loader marks each table as it
 * comes in (load.ts); {@link GatedRunner} runs a query as soon as every table it reads is in
 * (`tablesRead`), so the overview's first chart is answered from the small tables while the
 * detail tables are still arriving, and no query ever sees a table half loaded.
 */
import type { SqlQuery } from '$lib/queries/sql';
import { tablesRead } from '$lib/queries/tables';
import type { LoadableName } from '$lib/storage/schema';
import type { QueryRunner } from './connection';

export class TableGate {
	readonly #loaded = new Set<string>();
	readonly #waiting = new Set<{ names: readonly string[]; resolve: () => void; reject: (e: Error) => void }>();
	#failure: Error | null = null;

	/** Tables loaded so far, in the order they came in. */
	get loaded(): readonly string[] {
		return [...this.#loaded];
	}

	has(names: readonly string[]): boolean {
		return names.every((n) => this.#loaded.has(n));
	}

	/** `name` is loaded (and whatever runs at load for it has run): queries reading it may go. */
	mark(name: LoadableName): void {
		this.#loaded.add(name);
		for (const w of this.#waiting) {
			if (this.has(w.names)) {
				this.#waiting.delete(w);
				w.resolve();
			}
		}
	}

	/** Loading failed: every wait for a table not yet loaded rejects with `error`, now and later. */
	fail(error: Error): void {
		this.#failure = error;
		for (const w of this.#waiting) w.reject(error);
		this.#waiting.clear();
	}

	/** Resolves once every one of `names` is loaded. */
	whenLoaded(names: readonly string[]): Promise<void> {
		if (this.has(names)) return Promise.resolve();
		if (this.#failure) return Promise.reject(this.#failure);
		return new Promise((resolve, reject) => this.#waiting.add({ names, resolve, reject }));
	}
}

/** A {@link QueryRunner} whose queries each wait for the tables they read. */
export class GatedRunner implements QueryRunner {
	constructor(
		readonly gate: TableGate,
		readonly inner: QueryRunner
	) {}

	query<T>(q: SqlQuery): Promise<T[]> {
		const tables = tablesRead(q);
		// once its tables are in, a query goes to the engine at once, without a microtask hop
		if (this.gate.has(tables)) return this.inner.query<T>(q);
		return this.gate.whenLoaded(tables).then(() => this.inner.query<T>(q));
	}

	async queryRow<T>(q: SqlQuery): Promise<T | null> {
		const rows = await this.query<T>(q);
		return rows.length > 0 ? rows[0] : null;
	}
}
