import { describe, expect, it } from 'vitest';
import { useE2E } from './harness';

const e2e = useE2E();

describe('smoke: the built site', () => {
	it('/ loads, renders its charts and DuckDB with no console error and no request leaving the origin', async () => {
		const t = await e2e.open('/');
		// Wait for the app to finish its work first: errors or stray requests (DuckDB-WASM fetching
		// an extension from its CDN, say) happen after `load`, and would go unseen otherwise.
		const charts = await t.waitForCharts();
		await t.waitForDuckDB();

		expect(t.foreignRequests().map((r) => r.url)).toEqual([]);
		expect(t.consoleErrors).toEqual([]);
		expect(t.pageErrors).toEqual([]);
		expect(t.httpErrors).toEqual([]);
		expect(charts.filter((c) => c.state === 'error')).toEqual([]);
		// Sanity check that requests are being recorded at all, so the empty list above means something.
		expect(t.requests.some((r) => r.url.startsWith(e2e.origin))).toBe(true);
	});

	it('after ready, runs the background warm-up to its end while the reader reads, with no error', async () => {
		const t = await e2e.open('/');
		await t.waitForDuckDB();
		// the warm-up marks its end (db.svelte.ts); a reader who does nothing leaves it every pause
		await t.page.waitForFunction(() => performance.getEntriesByName('duckdb:warm-background').length === 1, null, { timeout: 60_000 });
		const after = await t.page.evaluate(() => {
			const done = performance.getEntriesByName('duckdb:warm-background')[0]!.startTime;
			const ready = performance.getEntriesByName('duckdb:warm')[0]!.startTime;
			return done - ready;
		});
		expect(after).toBeGreaterThan(0);
		expect(t.consoleErrors).toEqual([]);
		expect(t.pageErrors).toEqual([]);
	});
});
