/**
 * The browser's data: one database file (corpus.duckdb, written by the extractor beside the Parquet)
 * fetched once and attached by DuckDB-WASM as it is — no Parquet is fetched or decoded by the views.
 * The unfiltered overview is the snapshot (KPIs, both charts, the matrix's counts) and is drawn while
 * the file is on its way; a filter's live queries wait for it, and every view is answerable once it
 * is attached.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, useE2E } from './harness';

const e2e = useE2E();

describe('the database file', () => {
	it('/ draws from its snapshot while corpus.duckdb is on its way, then answers a filter from it; no Parquet is fetched', async () => {
		const t = await e2e.newPage();
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let asked = false;
		await t.context.route('**/data/corpus.duckdb', async (route) => {
			asked = true;
			await held;
			await route.continue();
		});
		await t.goto('/');
		await expect.poll(() => asked, { timeout: 60_000 }).toBe(true);
		// held back: DuckDB cannot be ready, and the snapshot's KPIs and charts are on the page meanwhile
		const drawn = await t.waitForCharts({ min: 2, timeout: 60_000 });
		expect(drawn.map((c) => c.state)).toEqual(['ready', 'ready']);
		expect(await t.page.evaluate(() => document.documentElement.dataset.duckdb ?? null)).toBeNull();
		expect(await t.page.locator('.kpis').textContent()).toContain('万元');

		release();
		await t.waitForDuckDB({ timeout: 60_000 });
		// a filter: both charts' queries run on the attached file
		const charts = await t.afterRender(() => t.page.locator('[data-filter="kind"]').selectOption('budget'), { timeout: 60_000 });
		expect(charts.map((c) => c.state)).toEqual(['ready', 'ready']);
		expect(new URL(t.page.url()).search).toBe('?kind=budget');
		const data = t.requests.map((r) => r.url).filter((u) => u.includes('/data/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
		expect(data).toEqual(['corpus.duckdb']);
		const marks = await t.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
		expect(marks).toContain('duckdb:loaded');
		t.expectClean();
	}, 180_000);

	it('is started on the unfiltered overview once its charts are drawn, not while they are', async () => {
		// Its wasm compiling on the other core stretched the charts' first draws into long tasks.
		const t = await e2e.newPage();
		await t.context.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.querySelector('[data-chart-state="ready"]')) return;
				(window as unknown as { __firstChartReady: number }).__firstChartReady = performance.now();
				observer.disconnect();
			}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-chart-state'] });
		});
		await t.goto('/');
		await t.waitForDuckDB({ timeout: 60_000 });
		const times = await t.page.evaluate(() => ({
			firstChartReady: (window as unknown as { __firstChartReady?: number }).__firstChartReady ?? null,
			duckdbStart: performance.getEntriesByName('duckdb:start')[0]?.startTime ?? null
		}));
		expect(times.firstChartReady).not.toBeNull();
		expect(times.duckdbStart).not.toBeNull();
		expect(times.duckdbStart!).toBeGreaterThan(times.firstChartReady!);
		t.expectClean();
	}, 180_000);

	it('is read off the main thread: the page itself never fetches it, a worker does', async () => {
		// Reading a 37 MB body with arrayBuffer() on the page was 0.7 s of main-thread tasks at 30,000
		// documents. A page's resource timings list only what the page's own global fetched.
		const t = await e2e.newPage();
		await t.goto('/?kind=budget');
		await t.waitForDuckDB({ timeout: 60_000 });
		expect(t.requests.some((r) => r.url.endsWith('/data/corpus.duckdb'))).toBe(true);
		const fetchedByPage = await t.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/data/')));
		expect(fetchedByPage).toEqual([]);
		t.expectClean();
	}, 180_000);

	it('a file that cannot be fetched is reported on the page, naming it', async () => {
		const t = await e2e.newPage();
		await t.context.route('**/data/corpus.duckdb', (route) => route.fulfill({ status: 404, body: 'not found' }));
		await t.goto('/?kind=budget');
		await t.page.waitForFunction(() => document.documentElement.dataset.duckdb === 'error', null, { timeout: 60_000 });
		await expect.poll(() => t.page.locator('body').textContent(), { timeout: 10_000 }).toContain('corpus.duckdb');
	}, 180_000);
});

describe("ECharts' code", () => {
	const immutable = join(BUILD_DIR, '_app', 'immutable');
	const scripts = ['entry', 'nodes', 'chunks'].flatMap((dir) =>
		readdirSync(join(immutable, dir))
			.filter((f) => f.endsWith('.js'))
			.map((f) => ({ dir, file: f, text: readFileSync(join(immutable, dir, f), 'utf8') }))
	);
	// ECharts' API names survive minifying: the chunk that defines it
	const echartsChunks = scripts.filter((s) => s.text.includes('registerPreprocessor')).map((s) => s.file);

	it('is no part of a page’s start-up: only a dynamic import names its chunk', () => {
		expect(echartsChunks).toHaveLength(1);
		const [chunk] = echartsChunks;
		const staticImport = new RegExp(`(from|import)\\s*"[./]*(chunks/)?${chunk.replace(/[.$-]/g, '\\$&')}"`);
		const importers = scripts.filter((s) => staticImport.test(s.text)).map((s) => `${s.dir}/${s.file}`);
		expect(importers).toEqual([]);
		// and some script does load it on demand
		expect(scripts.some((s) => s.file !== chunk && s.text.includes(`"./${chunk}"`))).toBe(true);
	});

	it('is fetched by a view that draws charts, not by a page without any', async () => {
		const [chunk] = echartsChunks;
		const fetched = (urls: { url: string }[]) => urls.some((r) => r.url.endsWith(`/${chunk}`));
		const doc = await e2e.open('/documents/3ba5c30f59ea');
		await doc.page.waitForSelector('[data-document-state="ready"]', { timeout: 30_000 });
		expect(fetched(doc.requests)).toBe(false);
		const view = await e2e.open('/structure');
		await view.waitForCharts({ min: 1, timeout: 60_000 });
		expect(fetched(view.requests)).toBe(true);
		view.expectClean();
	}, 180_000);
});
