/**
 * The browser database as the views see it: a rune with its start-up phase, and the query runner
 * for {@link useQuery}. `$lib/db/browser` (DuckDB-WASM, its worker and the loader) is imported
 * dynamically so that it is neither part of the prerender nor of the first page's critical
 * JavaScript — the overview's first chart comes from the snapshot and must not wait for it.
 */
import type { DbPhase } from '$lib/db/status';
import type { QueryClient } from '$lib/db/connection';
import type { Runner } from './query.svelte';

/** Current phase and error message; mutated in place (an exported rune cannot be reassigned). */
export const db = $state<{ phase: DbPhase; error: string | null }>({ phase: 'idle', error: null });

let module: Promise<typeof import('$lib/db/browser')> | null = null;

function browserDb(): Promise<typeof import('$lib/db/browser')> {
	module ??= import('$lib/db/browser').then((m) => {
		m.dbStatus.subscribe((s) => {
			db.phase = s.phase;
			db.error = s.error?.message ?? null;
		});
		return m;
	});
	return module;
}

/** Starts DuckDB and loads the data if not yet done; resolves when every table is loaded. */
export function startDb(): Promise<QueryClient> {
	return browserDb().then((m) => m.getQueryClient());
}

/** The runner every view's queries go through. */
export function duckdb(): Promise<Runner> {
	return startDb().then((client) => <T>(q: Parameters<QueryClient['query']>[0]) => client.query<T>(q));
}
