/**
 * Bytes transferred by a first visit, for `npm run bench:app`: every response a fresh browser
 * receives (the page's and its workers'), counted as sent — headers plus the body as encoded on
 * the wire, i.e. the brotli/gzip copy where the server sent one.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface Received {
	url: string;
	/** Body bytes as transferred (compressed when the response was). */
	body: number;
	headers: number;
}

export type TransferKind = 'DuckDB (wasm + worker)' | 'JavaScript' | 'database file' | 'Parquet' | 'HTML / JSON' | 'other';

export interface Transfer {
	requests: number;
	bytes: number;
	byKind: Partial<Record<TransferKind, number>>;
}

/** What a URL's file is, for the breakdown. */
export function transferKind(url: string): TransferKind {
	const path = new URL(url).pathname;
	if (/\/duckdb-[^/]*\.(wasm|js)$/.test(path)) return 'DuckDB (wasm + worker)';
	if (/\.(m?js)$/.test(path)) return 'JavaScript';
	if (/\.duckdb$/.test(path)) return 'database file';
	if (/\.parquet$/.test(path)) return 'Parquet';
	if (/\.(html|json)$/.test(path) || !/\.[a-z0-9]+$/i.test(path)) return 'HTML / JSON';
	return 'other';
}

export function summariseTransfer(received: readonly Received[]): Transfer {
	const byKind: Partial<Record<TransferKind, number>> = {};
	let bytes = 0;
	for (const r of received) {
		const n = r.body + r.headers;
		bytes += n;
		const kind = transferKind(r.url);
		byKind[kind] = (byKind[kind] ?? 0) + n;
	}
	return { requests: received.length, bytes, byKind };
}

/** `1,234 KB` style: kilobytes (1,000 bytes) with thousands separators. */
export function formatBytes(n: number): string {
	if (n >= 10_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
	return `${Math.round(n / 1000).toLocaleString('en-US')} KB`;
}

/** Runs `visit` and returns what the context received meanwhile, waiting for every size. */
export async function recordTransfer(context: BrowserContext, visit: () => Promise<void>): Promise<Transfer> {
	const pending: Promise<Received | null>[] = [];
	const onFinished = (req: import('playwright-core').Request) => {
		pending.push(
			req.sizes().then(
				(s) => ({ url: req.url(), body: s.responseBodySize, headers: s.responseHeadersSize }),
				() => null
			)
		);
	};
	context.on('requestfinished', onFinished);
	try {
		await visit();
	} finally {
		context.off('requestfinished', onFinished);
	}
	const received = (await Promise.all(pending)).filter((r): r is Received => r !== null && /^https?:/.test(r.url));
	return summariseTransfer(received);
}

/** Waits until a visit is over: the page's DuckDB (if it starts one) ready and the network quiet. */
export async function visitSettled(page: Page, timeout: number): Promise<void> {
	await page.waitForLoadState('networkidle', { timeout });
	// Whatever the page starts once it is idle (a lazy import, a worker) must be counted too.
	await page.evaluate(() => new Promise<void>((done) => requestIdleCallback(() => done(), { timeout: 2000 })));
	await page.waitForLoadState('networkidle', { timeout });
	const started = await page.evaluate(() => document.querySelector('[data-chart]') !== null);
	if (started) {
		await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.duckdb ?? ''), undefined, {
			timeout,
			polling: 100
		});
		await page.waitForLoadState('networkidle', { timeout });
	}
}

/** One markdown/console line per visit. */
export function transferLine(label: string, t: Transfer): string {
	const parts = Object.entries(t.byKind)
		.sort((a, b) => b[1] - a[1])
		.map(([k, n]) => `${k} ${formatBytes(n)}`);
	return `${label}: **${formatBytes(t.bytes)}** in ${t.requests} responses (${parts.join(', ')})`;
}
