/**
 * The browser database as the views see it: a rune with its start-up phase, and the query runner
 * for {@link useQuery}. `$lib/db/browser` (DuckDB-WASM, its worker and the loader) is imported
 * dynamically so that it is neither part of the prerender nor of the first page's critical
 * JavaScript — the overview's first chart comes from the snapshot and must not wait for it.
 */
import { span } from './perf-spans';
import type { DbPhase } from '$lib/db/status';
import type { QueryRunner } from '$lib/db/connection';
import type { SqlQuery } from '$lib/queries/sql';
import type { Runner } from './query.svelte';
import { QueryActivity, runWhenQuiet } from './quiet-runner';

/**
 * Current phase and error message; mutated in place (an exported rune cannot be reassigned).
 * `requested` turns true the first time anything asks for the database: DuckDB starts only then,
 * so a page that runs no query (a document page, the error page) never downloads it.
 * `firstViews` turns true when the tables the first views read are in (with the database file, when
 * all are); `<html data-duckdb-first-views="ready">` says so to tests and the benchmark,
 * beside `data-duckdb="ready"` (every view answerable, set by the layout).
 */
export const db = $state<{ phase: DbPhase; error: string | null; requested: boolean; firstViews: boolean }>({
	phase: 'idle',
	error: null,
	requested: false,
	firstViews: false
});

let module: Promise<typeof import('$lib/db/browser')> | null = null;

function browserDb(): Promise<typeof import('$lib/db/browser')> {
	module ??= import('$lib/db/browser').then((m) => {
		m.dbStatus.subscribe((s) => {
			db.phase = s.phase;
			db.error = s.error?.message ?? null;
			db.firstViews = s.firstViews;
			if (s.firstViews) document.documentElement.dataset.duckdbFirstViews = 'ready';
			else delete document.documentElement.dataset.duckdbFirstViews;
		});
		return m;
	});
	return module;
}

/** Starts DuckDB and loads the data if not yet done; resolves when every table is loaded (every view answerable). */
export function startDb(): Promise<QueryRunner> {
	db.requested = true;
	return browserDb().then((m) => m.whenLoaded());
}

/**
 * Starts DuckDB if not yet done; resolves once it is open, before the data are in: each of the
 * runner's queries waits for the tables it reads (see $lib/db/gate), so a view whose tables load
 * first is answered first.
 */
function queryRunner(): Promise<QueryRunner> {
	db.requested = true;
	return browserDb().then((m) => m.getQueryClient());
}

/**
 * Recent results by SQL text and parameters. Back/forward and returning to a filter combination
 * then cost no query at all; the data never change while the page is open, so an entry never goes
 * stale. Large results (CSV exports) are not kept.
 */
const cache = new Map<string, Promise<unknown[]>>();
/** The views' queries (cache misses) in flight and last answered: the background warm-up gives way to them. */
const viewQueries = new QueryActivity(() => performance.now());
const CACHE_ENTRIES = 200;
const CACHE_MAX_ROWS = 2000;

function cached<T>(client: QueryRunner, q: SqlQuery): Promise<T[]> {
	const key = `${q.sql}\u0000${JSON.stringify(q.params)}`;
	const hit = cache.get(key);
	if (hit) {
		// refresh its place in the insertion order: Map order is the LRU order
		cache.delete(key);
		cache.set(key, hit);
		return hit as Promise<T[]>;
	}
	const end = span('query', q.sql.slice(0, 60));
	const result = client.query<T>(q);
	viewQueries.begin();
	const settled = () => {
		viewQueries.end();
		end();
	};
	result.then(settled, settled);
	cache.set(key, result);
	if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
	result.then(
		(rows) => {
			if (rows.length > CACHE_MAX_ROWS) cache.delete(key);
		},
		() => cache.delete(key)
	);
	return result;
}

/** The runner every view's queries go through. */
export function duckdb(): Promise<Runner> {
	return queryRunner().then((client) => <T>(q: SqlQuery) => cached<T>(client, q));
}

/**
 * Runs `queries` one after another and waits for them, ignoring failures. A freshly instantiated
 * DuckDB-WASM runs its first complex queries 2–3× slower than later ones (the browser compiles
 * hot wasm code in tiers); running the views' queries once, right after the data are loaded,
 * moves that cost off the reader's first filter changes.
 */
export async function warmUp(queries: readonly SqlQuery[]): Promise<void> {
	const client = await startDb();
	for (const q of queries) await client.query(q).catch(() => undefined);
}

/**
 * The background warm-up waits for the reader to pause this long: a reader changing filters
 * gets DuckDB's worker (and the machine's cores) to themselves.
 */
const BACKGROUND_QUIET_MS = 1000;

/**
 * Runs `queries` after `ready`, one at a time, each once the views' queries have been quiet for
 * {@link BACKGROUND_QUIET_MS} (./quiet-runner.ts). For the browser's compiler, not a prefetch: the
 * results are not cached. Stops when `stop()` says so (the reader went to another page). Marks
 * `duckdb:warm-background` when done, for the benchmark.
 */
export async function warmUpInBackground(queries: readonly SqlQuery[], stop: () => boolean): Promise<void> {
	const client = await startDb();
	const tasks = queries.map((q) => () => client.query(q));
	const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
	const ran = await runWhenQuiet(tasks, { activity: viewQueries, quietMs: BACKGROUND_QUIET_MS, sleep, stop });
	if (ran === tasks.length) performance.mark('duckdb:warm-background');
}
