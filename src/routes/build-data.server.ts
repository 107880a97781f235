/**
 * Build-time data for the prerendered pages, computed once per build process and shared by every
 * page's load (SvelteKit calls the root layout's load once per prerendered page; opening native
 * DuckDB over the Parquet files each time would multiply the build time by the page count).
 *
 * The snapshot itself comes from `$lib/server/snapshot`; this module adds what the routes need on
 * top of it — code names for the filter bar — using the same query builders the browser runs.
 * (Document pages are not built: they read their rows in the browser, routes/documents.)
 */
import { EMPTY_FILTERS } from '$lib/filters/model';
import { functionTreeQuery, type FunctionTreeRow } from '$lib/queries';
import { VIEW_TABLES } from '$lib/db/corpus-file';
import { openNodeDb, type NodeDb } from '$lib/server/duckdb-node';
import { loadSnapshot, type Snapshot } from '$lib/server/snapshot';

/**
 * Where `npm run extract` writes the Parquet files (relative to the project root, where Vite runs);
 * for a build with $BUDGET_LENS_SITE (see svelte.config.js), that site's own static/data.
 */
const DATA_DIR = process.env.BUDGET_LENS_SITE ? `${process.env.BUDGET_LENS_SITE}/static/data` : 'static/data';

let snapshot: Promise<Snapshot> | null = null;
let nodeDb: Promise<NodeDb> | null = null;
let codeNames: Promise<Record<string, string>> | null = null;

/** The snapshot for the unfiltered first view (computed once). */
export function getSnapshot(): Promise<Snapshot> {
	// the same database as the code names: one copy of the tables in the build's memory
	snapshot ??= db().then((opened) => loadSnapshot(DATA_DIR, opened));
	return snapshot;
}

function db(): Promise<NodeDb> {
	nodeDb ??= openNodeDb(DATA_DIR, VIEW_TABLES);
	return nodeDb;
}

/**
 * Functional classification code → name, for the code filter's options. Where spellings differ
 * between kinds, the query's choice (alphabetically first) is kept.
 */
export function getCodeNames(): Promise<Record<string, string>> {
	codeNames ??= db()
		.then((d) => d.client.query<FunctionTreeRow>(functionTreeQuery(EMPTY_FILTERS)))
		.then((rows) => {
			const names: Record<string, string> = {};
			for (const r of rows) names[r.code] ??= r.name;
			return names;
		});
	return codeNames;
}
