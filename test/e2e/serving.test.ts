/**
 * Only what a page needs (issue 7, item 9), through the real static server (scripts/serve.mjs) and
 * headless Chromium: DuckDB is downloaded only by pages that query; what is served comes
 * precompressed; byte ranges stay exact; pages rendered on demand get the app shell; the DuckDB
 * build follows the browser's WebAssembly features.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { BUILD_DIR, useE2E, type TrackedPage } from './harness';

const e2e = useE2E();

/** Generous waits: these tests start DuckDB several times, on a machine that may be shared. */
const SLOW = { timeout: 90_000 };
const TEST_TIMEOUT = 200_000;

const DUCKDB_FILE = /\/duckdb-[^/]*\.(wasm|js)(\?|$)/;
const isDuckdb = (url: string) => DUCKDB_FILE.test(new URL(url).pathname);

/** Every same-origin response of the page with its headers, as the browser received them. */
function recordResponses(t: TrackedPage): { url: string; status: number; headers: Promise<Record<string, string>> }[] {
	const out: { url: string; status: number; headers: Promise<Record<string, string>> }[] = [];
	t.context.on('response', (r: Response) => {
		if (r.url().startsWith(e2e.origin)) out.push({ url: r.url(), status: r.status(), headers: r.allHeaders() });
	});
	return out;
}

/** The first document page the overview links to (the coverage matrix's first cell, opened). */
async function someDocumentPath(t: TrackedPage): Promise<string> {
	await t.page.locator('[data-coverage-cell]').first().click();
	const link = t.page.locator('#coverage-cell-docs a[href*="/documents/"]').first();
	await link.waitFor({ timeout: 120_000 });
	const href = await link.getAttribute('href');
	expect(href).toBeTruthy();
	return new URL(href!, e2e.origin).pathname;
}

describe('DuckDB only where a page queries', () => {
	it('a document page downloads neither the DuckDB wasm nor its worker; the overview downloads one bundle', async () => {
		const overview = await e2e.open('/');
		await overview.waitForCharts(SLOW);
		await overview.waitForDuckDB(SLOW);
		const fetched = overview.requests.map((r) => r.url).filter(isDuckdb);
		// one wasm and one worker: the chosen bundle only, never both
		expect(fetched.filter((u) => u.includes('.wasm'))).toHaveLength(1);
		expect(fetched.filter((u) => u.includes('worker'))).toHaveLength(1);
		const docPath = await someDocumentPath(overview);

		const doc = await e2e.open(docPath);
		await doc.page.waitForLoadState('networkidle');
		// and again once the page is idle: a start deferred past the first paint would show by then
		await doc.page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 2000 })));
		await doc.page.waitForLoadState('networkidle');
		expect(doc.requests.length).toBeGreaterThan(0);
		expect(doc.requests.map((r) => r.url).filter(isDuckdb)).toEqual([]);
		expect(await doc.page.evaluate(() => document.documentElement.dataset.duckdb ?? null)).toBeNull();
		doc.expectClean();
	}, TEST_TIMEOUT);

	it('the error page starts no DuckDB either', async () => {
		const t = await e2e.open('/no-such-page');
		await t.page.waitForSelector('h1:has-text("页面不存在")');
		await t.page.waitForLoadState('networkidle');
		expect(t.requests.map((r) => r.url).filter(isDuckdb)).toEqual([]);
	});
});

describe('precompressed responses', () => {
	it('sends .js, .wasm and the database file brotli-compressed with Vary: Accept-Encoding and their own types', async () => {
		const t = await e2e.newPage();
		const responses = recordResponses(t);
		await t.goto('/');
		await t.waitForDuckDB(SLOW);
		for (const [ext, type] of [
			['.js', /javascript/],
			['.wasm', /^application\/wasm$/],
			['.duckdb', /^application\/octet-stream$/]
		] as const) {
			// every file of the type that the build wrote a brotli copy of (files under 1 KB have none)
			const matching = responses.filter((r) => {
				const path = new URL(r.url).pathname;
				return path.endsWith(ext) && existsSync(resolve(BUILD_DIR, '.' + decodeURIComponent(path) + '.br'));
			});
			expect(matching.length, ext).toBeGreaterThan(0);
			for (const r of matching) {
				const h = await r.headers;
				expect([r.url, h['content-encoding']]).toEqual([r.url, 'br']);
				expect(h.vary, r.url).toMatch(/accept-encoding/i);
				expect(h['content-type'], r.url).toMatch(type);
			}
		}
		t.expectClean();
	}, TEST_TIMEOUT);

	it('answers a byte range of a Parquet file with 206 and exactly those bytes', async () => {
		const t = await e2e.open('/');
		const file = 'documents.parquet';
		const onDisk = readFileSync(resolve(BUILD_DIR, 'data', file));
		const start = 4;
		const end = Math.min(onDisk.length - 1, 1003);
		const got = await t.page.evaluate(
			async ([url, range]) => {
				const r = await fetch(url, { headers: { Range: range }, cache: 'no-store' });
				return {
					status: r.status,
					encoding: r.headers.get('content-encoding'),
					contentRange: r.headers.get('content-range'),
					bytes: Array.from(new Uint8Array(await r.arrayBuffer()))
				};
			},
			[`/data/${file}`, `bytes=${start}-${end}`] as const
		);
		expect(got.status).toBe(206);
		expect(got.encoding).toBeNull();
		expect(got.contentRange).toBe(`bytes ${start}-${end}/${onDisk.length}`);
		expect(Buffer.from(got.bytes).equals(onDisk.subarray(start, end + 1))).toBe(true);
	});
});

describe('pages rendered on demand, and unknown pages', () => {
	it('answers /documents/<a well-formed unknown id> with 200 and the app shell', async () => {
		const t = await e2e.newPage();
		const res = await t.goto('/documents/0123456789ab');
		expect(res?.status()).toBe(200);
		const html = await res!.text();
		expect(html).toMatch(/_app\/immutable\/entry\/start/); // the SvelteKit client that renders the route
	});

	it('answers /no-such-page with 404', async () => {
		const t = await e2e.newPage();
		const res = await t.goto('/no-such-page');
		expect(res?.status()).toBe(404);
	});
});

describe('DuckDB build by browser feature', () => {
	it('runs the mvp build, and downloads only it, where WebAssembly exception handling is missing', async () => {
		const t = await e2e.newPage();
		// An older browser: the tiny module duckdb-wasm probes exception handling with (a `try`
		// block: opcodes 0x06 0x40 … 0x19 catch_all) does not validate.
		await t.context.addInitScript(() => {
			const validate = WebAssembly.validate.bind(WebAssembly);
			WebAssembly.validate = (bytes: BufferSource) => {
				const b = new Uint8Array(ArrayBuffer.isView(bytes) ? bytes.buffer : bytes);
				const probe = b.length < 64 && b.some((x, i) => x === 0x06 && b[i + 1] === 0x40 && b[i + 2] === 0x19);
				return probe ? false : validate(bytes);
			};
		});
		await t.goto('/');
		await t.waitForCharts(SLOW);
		await t.waitForDuckDB(SLOW);
		const fetched = t.requests.map((r) => new URL(r.url).pathname).filter((p) => DUCKDB_FILE.test(p));
		expect(fetched.some((p) => /duckdb-mvp\.[^/]*\.wasm$/.test(p))).toBe(true);
		expect(fetched.some((p) => /duckdb-browser-mvp\.worker/.test(p))).toBe(true);
		expect(fetched.filter((p) => /-eh[.]/.test(p))).toEqual([]);
		t.expectClean();
	}, TEST_TIMEOUT);
});
