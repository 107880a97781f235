/**
 * Loading per view in the browser: the small tables (documents and the pre-aggregated figures) are
 * fetched first, the overview's charts are answered from them while the detail rows are still on
 * their way, `<html data-duckdb-first-views="ready">` says so, and `data-duckdb="ready"` still
 * waits for every table (every view answerable).
 */
import { describe, expect, it } from 'vitest';
import { useE2E } from './harness';

const e2e = useE2E();

describe('first views before the detail tables', () => {
	it('/ draws its charts from DuckDB while function_expenditure.parquet is held back', async () => {
		const t = await e2e.newPage();
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let asked = false;
		await t.context.route('**/data/function_expenditure.parquet', async (route) => {
			asked = true;
			await held;
			await route.continue();
		});
		await t.goto('/');
		await t.page.waitForFunction(() => document.documentElement.dataset.duckdbFirstViews === 'ready', null, { timeout: 60_000 });
		const charts = await t.waitForCharts({ timeout: 60_000 });
		expect(charts.filter((c) => c.state !== 'ready' && c.state !== 'empty')).toEqual([]);
		expect(charts.some((c) => c.state === 'ready')).toBe(true);
		// the detail table is asked for and held: every view is not answerable yet
		expect(asked).toBe(true);
		expect(await t.page.evaluate(() => document.documentElement.dataset.duckdb ?? null)).toBeNull();

		release();
		await t.waitForDuckDB({ timeout: 60_000 });
		const fetched = t.requests.map((r) => r.url).filter((u) => u.endsWith('.parquet')).map((u) => u.slice(u.lastIndexOf('/') + 1));
		// the first views' tables before the detail tables; the document page's tables never
		expect(fetched.indexOf('document_figures.parquet')).toBeGreaterThanOrEqual(0);
		expect(fetched.indexOf('document_figures.parquet')).toBeLessThan(fetched.indexOf('function_expenditure.parquet'));
		expect(fetched.indexOf('documents.parquet')).toBeLessThan(fetched.indexOf('economic_expenditure.parquet'));
		expect(fetched).not.toContain('checks.parquet');
		const marks = await t.page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
		expect(marks['duckdb:first-views']).toBeLessThan(marks['duckdb:loaded']!);
		expect(t.consoleErrors).toEqual([]);
		expect(t.pageErrors).toEqual([]);
	}, 180_000);
});
