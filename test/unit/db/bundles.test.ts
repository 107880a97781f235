/**
 * The DuckDB build a browser gets, with feature detection stubbed: mvp where WebAssembly exception
 * handling is missing (older browsers), eh where it is present — both the site's own files.
 */
import { describe, expect, it, vi } from 'vitest';
import { SITE_BUNDLES, chooseBundle, siteBundle } from '../../../src/lib/db/bundles';

describe('siteBundle', () => {
	it('gives a browser without WebAssembly exceptions the mvp wasm and worker', async () => {
		const detect = vi.fn(async () => ({ wasmExceptions: false }));
		const b = await siteBundle(detect);
		expect(detect).toHaveBeenCalledOnce();
		expect(b.mainModule).toMatch(/duckdb-mvp\.wasm/);
		expect(b.mainWorker).toMatch(/duckdb-browser-mvp\.worker\.js/);
		expect(b.pthreadWorker).toBeNull();
	});

	it('gives a browser with WebAssembly exceptions the eh wasm and worker', async () => {
		const b = await siteBundle(async () => ({ wasmExceptions: true }));
		expect(b.mainModule).toMatch(/duckdb-eh\.wasm/);
		expect(b.mainWorker).toMatch(/duckdb-browser-eh\.worker\.js/);
	});
});

describe('chooseBundle', () => {
	it('falls back to mvp when a bundle table has no eh build', () => {
		const b = chooseBundle({ mvp: SITE_BUNDLES.mvp }, { wasmExceptions: true });
		expect(b.mainModule).toBe(SITE_BUNDLES.mvp.mainModule);
	});

	it('serves both builds from the site, never from a CDN', () => {
		for (const b of [SITE_BUNDLES.mvp, SITE_BUNDLES.eh]) {
			for (const url of [b.mainModule, b.mainWorker]) expect(url).not.toMatch(/^(https?:)?\/\//);
		}
	});
});
