/**
 * When the layout starts DuckDB on a page whose first view needs no query (the unfiltered
 * overview, drawn from the build-time snapshot): once the page's charts are drawn, not while they
 * are. Starting DuckDB compiles its 34 MB of wasm on background threads for about two seconds; on
 * two cores that stretched the charts' first draws (≈ 70 ms of the main thread's CPU each) into
 * tasks of 150–340 ms. Started after them, its start-up ends no later (uncontended, the compile is
 * faster). Every other page starts it at once — its first view waits for it — and so does a
 * reader's filter change (its query). Pure: the timers and the draw signal are passed in.
 */
import { isEmptyFilters, parseFilters } from '$lib/filters/url';

/** Routes whose first view, with no filter in the URL, is the build-time snapshot (routes/+page.svelte). */
const SNAPSHOT_ROUTES: ReadonlySet<string> = new Set(['/']);

/** True when the page at `routeId` with the query string `search` draws its first view without a query. */
export function drawsFromSnapshot(routeId: string | null, search: string): boolean {
	return routeId !== null && SNAPSHOT_ROUTES.has(routeId) && isEmptyFilters(parseFilters(new URLSearchParams(search)).filters);
}

/** Charts drawn so far, and a way to hear of the next ones (charts/draws.ts). */
export interface DrawSignal {
	readonly count: number;
	/** Calls `listener` after each draw; returns the unsubscribe function. */
	subscribe(listener: () => void): () => void;
}

export interface Timers {
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(id: unknown): void;
}

export interface StartTiming {
	/** Start this long after the last chart drawn (a view's charts draw a task or two apart). */
	quietMs: number;
	/** Start by then whatever happens (a page without charts, or drawing them failed). */
	latestMs: number;
}

export const START_TIMING: StartTiming = { quietMs: 150, latestMs: 2500 };

/** Calls `start` once: `quietMs` after the last of the charts drawn, or `latestMs` from now. Returns a cancel function. */
export function startAfterDraws(start: () => void, draws: DrawSignal, timers: Timers, timing: StartTiming = START_TIMING): () => void {
	let quiet: unknown = null;
	let done = false;
	const finish = () => {
		if (done) return;
		done = true;
		unsubscribe();
		timers.clearTimeout(latest);
		if (quiet !== null) timers.clearTimeout(quiet);
	};
	const fire = () => {
		if (done) return;
		finish();
		start();
	};
	const drawn = () => {
		if (quiet !== null) timers.clearTimeout(quiet);
		quiet = timers.setTimeout(fire, timing.quietMs);
	};
	const unsubscribe = draws.subscribe(drawn);
	const latest = timers.setTimeout(fire, timing.latestMs);
	if (draws.count > 0) drawn();
	return finish;
}
