/**
 * `bench:app --views`' table (scripts/lib/bench-views.ts): one row per view, medians over the runs
 * that measured each figure, the longest task's median and max judged against 200 ms, failed runs
 * counted rather than dropped.
 */
import { describe, expect, it } from 'vitest';
import { viewRows, viewsSection, viewsSectionBody, type ViewRun } from '../../../scripts/lib/bench-views';

const run = (first: number | null, all: number | null, duckdb: number | null, task: number | null, error: string | null = null): ViewRun => ({
	firstChartMs: first,
	allChartsMs: all,
	duckdbMs: duckdb,
	longestTaskMs: task,
	error
});

describe('viewRows', () => {
	it('gives medians per view and judges the longest task by its max', () => {
		const rows = viewRows([
			{ path: '/', runs: [run(300, 500, 2100, 120), run(280, 520, 2000, 150), run(320, 480, 2200, 90)] },
			{ path: '/rankings', runs: [run(900, 1200, 2300, 180), run(1000, 1300, 2400, 260)] }
		]);
		expect(rows).toEqual([
			['`/`', '300 ms', '500 ms', '2.10 s', '120 ms / 150 ms ✅', '3'],
			// an even count takes the lower middle (benchmarks-md `median`)
			['`/rankings`', '900 ms', '1.20 s', '2.30 s', '180 ms / 260 ms ❌', '2']
		]);
	});
	it('counts failed runs and leaves out what they did not measure', () => {
		const [row] = viewRows([{ path: '/data', runs: [run(400, null, 2000, 100), run(null, null, null, null, 'timed out')] }]);
		expect(row).toEqual(['`/data`', '400 ms', 'n/a', '2.00 s', '100 ms / 100 ms ✅', '2 (1 failed)']);
	});
	it('writes the section as the lines given, the method and the table', () => {
		const body = viewsSectionBody([{ path: '/', runs: [run(300, 500, 2100, 120)] }], ['Measured today.', '']).split('\n');
		expect(body[0]).toBe('Measured today.');
		expect(body.at(-1)).toBe('| `/` | 300 ms | 500 ms | 2.10 s | 120 ms / 120 ms ✅ | 1 |');
	});
	it('keeps a section per corpus size', () => {
		expect(viewsSection(30000)).toBe('Every view, cold, at 30,000 documents (npm run bench:app -- --views)');
	});
});
