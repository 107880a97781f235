/**
 * Timing spans for `bench:app --profile`: where a filter change's time goes (the navigation, each
 * query's round trip to DuckDB's worker, each chart's `setOption`, which also paints). Recorded as
 * `performance.measure` entries named `bl:<what>` only when the benchmark has set
 * `window.__budgetLensSpans` (bench:app sets it once the page has loaded), so a reader's page keeps no timeline.
 */
const enabled = (): boolean => typeof window !== 'undefined' && (window as { __budgetLensSpans?: boolean }).__budgetLensSpans === true;

/** Starts a span; the returned function ends it. A no-op unless the benchmark asked for spans. */
export function span(what: string, detail?: string): () => void {
	if (!enabled()) return () => undefined;
	const start = performance.now();
	return () => {
		performance.measure(`bl:${what}`, { start, end: performance.now(), detail });
	};
}
