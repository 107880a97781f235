/**
 * A view's query state as runes: pending → ready (rows) or error (the Error kept). Queries start
 * in `$effect`, so they run only in the browser, re-run when the filters they read change, and a
 * result that arrives after the filters moved on is dropped rather than shown.
 */
import type { SqlQuery } from '$lib/queries/sql';

export type QueryState<T> =
	| { status: 'pending' }
	| { status: 'ready'; rows: T[] }
	| { status: 'error'; error: Error };

/** Runs a built query; the browser default is DuckDB-WASM, tests may pass their own. */
export type Runner = <T>(q: SqlQuery) => Promise<T[]>;

const PENDING = Object.freeze({ status: 'pending' }) as QueryState<never>;

/** A constant ready state, for views that show rows prepared at build time (the snapshot). */
export function readyState<T>(rows: T[]): QueryState<T> {
	return { status: 'ready', rows };
}

function keyOf(q: SqlQuery): string {
	return `${q.sql}\u0000${JSON.stringify(q.params)}`;
}

function toError(err: unknown): Error {
	return err instanceof Error ? err : new Error(String(err));
}

/**
 * Keeps `current` in step with the query `build()` returns. `build` may return null to run
 * nothing (e.g. while the snapshot stands in for the unfiltered view); the state then stays as it
 * was. Re-running the same SQL with the same parameters is skipped, so a URL change that leaves a
 * query unchanged (a sort order, another chart's setting) costs nothing.
 *
 * Call during component initialisation (it creates effects).
 */
export function useQuery<T>(build: () => SqlQuery | null, run: () => Promise<Runner>): { readonly current: QueryState<T> } {
	let state = $state.raw<QueryState<T>>(PENDING);
	// The query in flight or last run. `stale` is flipped instead of using the effect's own cleanup
	// because that cleanup also runs when the effect re-runs with an unchanged query, which would
	// drop the very result we are still waiting for.
	let latest: { key: string; stale: boolean } | null = null;
	// Once DuckDB is up, later queries are sent within the effect itself, not a few microtask hops
	// later: a filter change's router work (scroll position, history entry) is queued behind them.
	let runner: Runner | null = null;

	// A pre-effect: it runs before this flush updates the DOM, so the query is on its way to
	// DuckDB's worker while the page re-renders for the new filters, rather than after.
	$effect.pre(() => {
		const q = build();
		if (q === null) return;
		const key = keyOf(q);
		if (latest?.key === key) return;
		if (latest) latest.stale = true;
		const token = { key, stale: false };
		latest = token;
		state = PENDING;
		const rows = runner
			? runner<T>(q)
			: run().then((r) => {
					runner = r;
					return r<T>(q);
				});
		rows.then(
			(result) => {
				if (!token.stale) state = { status: 'ready', rows: result };
			},
			(err: unknown) => {
				if (!token.stale) state = { status: 'error', error: toError(err) };
			}
		);
	});

	// On destroy: whatever is still in flight belongs to nobody.
	$effect(() => () => {
		if (latest) latest.stale = true;
	});

	return {
		get current() {
			return state;
		}
	};
}
