/**
 * The "App by corpus size" table of BENCHMARKS.md: one row per corpus size, each `bench:app` run
 * replacing the row of its own size and keeping the others, so the seeds, 3,000 and 30,000
 * documents can be measured in separate runs and read side by side.
 */
import { markdownTable } from './benchmarks-md';

export const SCALE_SECTION = 'App by corpus size (npm run bench:app -- --docs N | --data DIR)';

export const SCALE_HEADERS = [
	'documents',
	'browser data file (all Parquet)',
	'first chart on / (median)',
	'DuckDB ready (median)',
	'filter change p50 / p95',
	'peak tab memory (renderer, median)',
	'longest main-thread task (max)',
	'runs',
	'measured'
] as const;

/** The data rows of the section's table (cells without the pipes), in the order they appear. */
export function parseScaleRows(section: string): string[][] {
	return section
		.split('\n')
		.filter((l) => /^\|\s*[\d,]+\s*\|/.test(l))
		.map((l) =>
			l
				.replace(/^\|\s*|\s*\|\s*$/g, '')
				.split(/\s*(?<!\\)\|\s*/)
				.map((c) => c.replace(/\\\|/g, '|'))
		);
}

const docCount = (row: readonly string[]) => Number((row[0] ?? '').replace(/,/g, ''));

/** `rows` with `row` in place of the one of the same document count, sorted by document count. */
export function upsertScaleRow(rows: readonly string[][], row: string[]): string[][] {
	return [...rows.filter((r) => docCount(r) !== docCount(row)), row].sort((a, b) => docCount(a) - docCount(b));
}

/** The section body: the table and what it means. */
export function scaleSectionBody(rows: readonly string[][], notes: readonly string[]): string {
	return [
		'One row per corpus size, each from its own `bench:app` run (replacing that size\'s row). Cold navigations of `/` in a new Chromium each; memory is the tab\'s renderer process peak resident set (VmHWM: page, DuckDB-WASM, workers); a long task is a main-thread task ≥ 50 ms (PerformanceObserver `longtask`).',
		'',
		markdownTable(SCALE_HEADERS, rows),
		'',
		...notes
	].join('\n');
}

/** The body of the `## {heading}` section of `markdown` ('' when there is none). */
export function sectionText(markdown: string, heading: string): string {
	const lines = markdown.split('\n');
	const start = lines.findIndex((l) => l.trimEnd() === `## ${heading}`);
	if (start === -1) return '';
	const end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
	return lines.slice(start + 1, end === -1 ? lines.length : end).join('\n');
}
