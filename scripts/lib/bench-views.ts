/**
 * `npm run bench:app -- --views`: every view the site's navigation lists, loaded cold a few times
 * each — the figures bench:app takes of `/` (first chart, DuckDB ready, longest main-thread task),
 * per view, in one table. The views are read from the built site's navigation, not listed here.
 */
import type { Page } from 'playwright-core';
import { formatMs as ms, markdownTable, median } from './benchmarks-md';

/** The section of one corpus size (one per size, as the corpus-size table has a row per size). */
export function viewsSection(documents: number): string {
	return `Every view, cold, at ${documents.toLocaleString('en-US')} documents (npm run bench:app -- --views)`;
}

/** What one cold load of a view measured (bench-app.ts `ColdRun`'s fields that the table shows). */
export interface ViewRun {
	firstChartMs: number | null;
	allChartsMs: number | null;
	duckdbMs: number | null;
	longestTaskMs: number | null;
	error: string | null;
}

export interface ViewRuns {
	path: string;
	runs: ViewRun[];
}

/** The paths the site's view navigation (`nav[aria-label="视图"]`) links to, in its order, each once. */
export async function navViews(page: Page): Promise<string[]> {
	const hrefs = await page.locator('nav[aria-label="视图"] a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
	return [...new Set(hrefs)];
}

const HEADERS = ['view', 'first chart (median)', 'all charts settled (median)', 'DuckDB ready (median)', 'longest main-thread task (median / max)', 'runs'];
const TARGET_LONGEST_TASK_MS = 200;

/** One row per view: medians over the runs that measured it; the longest task's max judged against 200 ms. */
export function viewRows(views: readonly ViewRuns[]): string[][] {
	return views.map(({ path, runs }) => {
		const of = (pick: (r: ViewRun) => number | null) => runs.map(pick).filter((v): v is number => v !== null);
		const cell = (values: number[]) => (values.length ? ms(median(values)) : 'n/a');
		const tasks = of((r) => r.longestTaskMs);
		const longest = tasks.length ? Math.max(...tasks) : null;
		const failed = runs.filter((r) => r.error).length;
		return [
			`\`${path}\``,
			cell(of((r) => r.firstChartMs)),
			cell(of((r) => r.allChartsMs)),
			cell(of((r) => r.duckdbMs)),
			longest === null ? 'n/a' : `${ms(median(tasks))} / ${ms(longest)} ${longest <= TARGET_LONGEST_TASK_MS ? '✅' : '❌'}`,
			`${runs.length}${failed ? ` (${failed} failed)` : ''}`
		];
	});
}

/** The section's body: how it was measured, then the table. */
export function viewsSectionBody(views: readonly ViewRuns[], about: readonly string[]): string {
	return [
		...about,
		'Each view loaded cold (a new Chromium with an empty profile) from navigation start until its charts settled and DuckDB was ready; the longest main-thread task is the longest `longtask` entry in that time. Target: no task over 200 ms.',
		'',
		markdownTable(HEADERS, viewRows(views))
	].join('\n');
}
