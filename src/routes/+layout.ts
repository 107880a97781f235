import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { base } from '$app/paths';
import { startDb } from '$lib/components/db.svelte';
import { drawsFromSnapshot, startAfterDraws } from '$lib/components/db-start';
import { chartDraws } from '$lib/charts/draws';
import type { KnownValues } from '$lib/filters/model';
import type { LayoutLoad } from './$types';

// adapter-static: every page is written to build/ at build time unless it says otherwise (the
// document pages, rendered in the browser from the fallback page).
export const prerender = true;

/** What every page's filter bar needs (see routes/filter-options.json). */
export interface FilterOptions {
	known: KnownValues;
	codeNames: Record<string, string>;
}

/**
 * A universal load, not a server one: a page that is not prerendered (a document page) has no
 * `__data.json` to fetch on a static host. At build time SvelteKit inlines the response into each
 * prerendered page, so hydrating one makes no request; the fallback page fetches the small file.
 */
export const load: LayoutLoad = async ({ fetch, route }): Promise<FilterOptions> => {
	// Every page but a document page (and the error page) runs a query as soon as it renders, or at
	// the reader's first filter change (the unfiltered overview, drawn from the snapshot). DuckDB
	// starts here, before the page hydrates, so its wasm downloads and compiles in the worker while
	// the page's own JavaScript runs — except where the first view needs no query: there it starts
	// once the page's charts are drawn (components/db-start.ts says why), still ahead of a reader's
	// first filter change. Failures show through the database's phase (DbBadge, the views).
	if (browser && route.id !== null && !route.id.startsWith('/documents')) {
		const start = () => void startDb().catch(() => undefined);
		if (drawsFromSnapshot(route.id, location.search)) startAfterDraws(start, chartDraws, window);
		else start();
	}
	const res = await fetch(`${base}/filter-options.json`);
	if (!res.ok) error(res.status, `筛选项数据读取失败（HTTP ${res.status}）`);
	return (await res.json()) as FilterOptions;
};
