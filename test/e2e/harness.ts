/**
 * Browser-test harness: serves the built site (`build/`) on a random loopback port and drives
 * Debian's Chromium through playwright-core. `npm test` builds first; with `npm run test:e2e` run
 * `npm run build` yourself.
 *
 * ## Usage
 * ```ts
 * import { describe, expect, it } from 'vitest';
 * import { useE2E } from './harness';
 *
 * const e2e = useE2E(); // at file level: registers beforeAll/afterAll (server + browser)
 *
 * describe('/', () => {
 *   it('renders its charts', async () => {
 *     const t = await e2e.open('/?district=北碚区'); // new isolated context + page, navigated
 *     const charts = await t.waitForCharts();        // [{ name, state }], all settled
 *     expect(charts.every((c) => c.state === 'ready')).toBe(true);
 *     t.expectClean();                               // no foreign request, console or page error
 *   });
 * });
 * ```
 * A page opened inside a test (or its beforeEach) is closed when that test finishes; one opened in
 * `beforeAll` lives until the file's `afterAll`, so tests can share it. Tests need not clean up;
 * `t.close()` exists for tests that open many.
 *
 * ## `useE2E(options?)` → {@link E2E}
 * - `options.site` serves another built site (see {@link E2EOptions}; ./corpus-site builds one from
 *   the views' fixture corpus).
 * - `origin` — `http://127.0.0.1:PORT` of the static server (valid inside tests/hooks).
 * - `url(path)` — absolute URL on that origin.
 * - `browser` — the playwright-core `Browser`.
 * - `newPage(opts?)` → {@link TrackedPage}: a fresh browser context (empty cache and storage) with
 *   one page, not navigated yet. `opts.contextOptions` go to `browser.newContext`.
 * - `open(path, opts?)` → `newPage` + `goto(path)`.
 *
 * ## {@link TrackedPage}
 * - `page`, `context` — the playwright-core objects, for anything not wrapped here.
 * - `goto(path)` — navigate on the server's origin and wait for `load`.
 * - Recording, from the moment the page is created (workers' requests and console included):
 *   - `requests` — every request: `{ url, method, resourceType, foreign }`.
 *   - `foreignRequests()` — those whose origin is not the server's. They are also **aborted**
 *     before anything is sent, so a test can never reach another host; Chromium's own background
 *     traffic is switched off by {@link CHROMIUM_ARGS} and DNS resolves nothing but loopback.
 *   - `consoleErrors` — `console.error` messages (page and its workers), with source location.
 *   - `pageErrors` — uncaught exceptions and unhandled rejections in the page.
 *   - `httpErrors` — same-origin responses with status ≥ 400, and requests that failed.
 *   - `problems()` — all of the above as readable lines; `expectClean()` throws listing them.
 * - Charts — the views mark each chart container `data-chart="<name>"` and set
 *   `data-chart-state` to `pending` | `ready` | `empty` | `error` (`ready` once ECharts fired
 *   `finished`):
 *   - `chartStates()` — the current `[{ name, state }]`.
 *   - `waitForCharts({ min = 1, timeout })` — waits until at least `min` charts exist and none is
 *     `pending` (or without a state yet), returns their states. Does not judge them: assert on
 *     the result (an `error` chart is a settled chart).
 *   - `renderSeq()` — `document.documentElement.dataset.renderSeq` as a number (0 if unset); the
 *     app increments it after each filtered render.
 *   - `afterRender(action, opts?)` — reads `renderSeq`, runs `action` (e.g. select a filter),
 *     waits for `renderSeq` to grow and then for the charts to settle; returns the chart states.
 *     Use this after filter changes: right after a change the old charts still say `ready`.
 *   - `waitForDuckDB({ timeout })` — waits for `<html data-duckdb="ready">`; rejects early if the
 *     app sets `data-duckdb="error"`.
 * - `download(trigger)` — runs `trigger` (e.g. `() => t.page.click('text=下载 CSV')`), accepts the
 *   download it starts and returns `{ filename, bytes, url }` (`bytes` a Buffer).
 * - `close()` — closes the context (idempotent).
 *
 * Also exported for scripts (no vitest needed there): {@link CHROMIUM_PATH}, {@link CHROMIUM_ARGS},
 * {@link launchChromium}, {@link BUILD_DIR}, {@link assertBuilt}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, LaunchOptions, Page, Response } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, onTestFinished } from 'vitest';
import { startServer } from '../../scripts/serve.mjs';

/** The project's root folder. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The built site the tests serve; $BUDGET_LENS_BUILD_DIR overrides it (e.g. a scratch page while developing the harness). */
export const BUILD_DIR = resolve(REPO_ROOT, process.env.BUDGET_LENS_BUILD_DIR ?? 'build');

/** Debian's Chromium (scripts/ensure-chromium.sh installs it); override with $CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium from making any request of its own: this machine has no network but
 * loopback, and "no request leaves the origin" must hold for the browser as well as the page.
 * The host-resolver rule makes every name but loopback fail to resolve at once, so nothing that
 * slips past is sent anywhere (and nothing waits on a DNS timeout).
 */
export const CHROMIUM_ARGS: readonly string[] = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-default-apps',
	'--disable-domain-reliability',
	'--disable-client-side-phishing-detection',
	'--no-pings',
	'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'
];

/**
 * Chromium's environment: the caller's, with a UTF-8 locale forced. Under the C/POSIX locale (CI's
 * environment may set no LANG) Chromium cannot put non-ASCII characters in a file name, so a
 * download named 预决算透视-….png arrives as "download". C.UTF-8 is always present on Debian.
 */
function chromiumEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
	return { ...env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };
}

/** Launch options for Debian's Chromium; playwright-core never downloads a browser here. */
export function chromiumLaunchOptions(extra: LaunchOptions = {}): LaunchOptions {
	return { executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS], env: chromiumEnv(), ...extra };
}

/** Launches Chromium with a fresh temporary profile (playwright's default for `launch`). */
export async function launchChromium(extra: LaunchOptions = {}): Promise<Browser> {
	if (!existsSync(CHROMIUM_PATH)) {
		throw new Error(`${CHROMIUM_PATH} not found: run scripts/ensure-chromium.sh (npm test does)`);
	}
	return chromium.launch(chromiumLaunchOptions(extra));
}

/** Throws a clear message if `build/` is missing, instead of a wall of 404s. */
export function assertBuilt(dir: string = BUILD_DIR): void {
	if (!existsSync(resolve(dir, 'index.html'))) {
		throw new Error(`${dir}/index.html not found: run \`npm run build\` first (npm test does)`);
	}
}

/** Origin of a URL, or null for schemes that never reach the network (data:, about:, …). */
export function networkOrigin(url: string): string | null {
	let u: URL;
	try {
		u = new URL(url);
	} catch {
		return null;
	}
	// blob: URLs carry their creator's origin; data:/about: have none, nor has a blob: made on an
	// opaque-origin page (blob:null/…). None of these reaches the network.
	if (u.protocol === 'blob:') return u.origin === 'null' ? null : u.origin;
	if (!['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(u.protocol)) return null;
	return u.origin;
}

export interface RecordedRequest {
	url: string;
	method: string;
	resourceType: string;
	/** True when the request's origin is not the test server's. Such requests are aborted. */
	foreign: boolean;
}

export interface ChartState {
	name: string;
	/** `pending` | `ready` | `empty` | `error`; `''` if the container has no state yet. */
	state: string;
}

export interface Downloaded {
	filename: string;
	bytes: Buffer;
	url: string;
}

export interface WaitOptions {
	/** Milliseconds; defaults to 30 s, well inside the e2e project's 60 s test timeout. */
	timeout?: number;
}

export interface ChartWaitOptions extends WaitOptions {
	/** At least this many `[data-chart]` containers must exist (default 1). */
	min?: number;
}

export interface TrackedPage {
	readonly page: Page;
	readonly context: BrowserContext;
	readonly requests: RecordedRequest[];
	readonly consoleErrors: string[];
	readonly pageErrors: string[];
	readonly httpErrors: string[];
	goto(path: string): Promise<Response | null>;
	foreignRequests(): RecordedRequest[];
	problems(): string[];
	expectClean(): void;
	chartStates(): Promise<ChartState[]>;
	waitForCharts(opts?: ChartWaitOptions): Promise<ChartState[]>;
	renderSeq(): Promise<number>;
	afterRender(action: () => Promise<unknown>, opts?: ChartWaitOptions): Promise<ChartState[]>;
	waitForDuckDB(opts?: WaitOptions): Promise<void>;
	download(trigger: () => Promise<unknown>, opts?: WaitOptions): Promise<Downloaded>;
	close(): Promise<void>;
}

export interface NewPageOptions {
	contextOptions?: BrowserContextOptions;
}

export interface E2E {
	readonly origin: string;
	readonly browser: Browser;
	url(path: string): string;
	newPage(opts?: NewPageOptions): Promise<TrackedPage>;
	open(path: string, opts?: NewPageOptions): Promise<TrackedPage>;
}

const DEFAULT_TIMEOUT = 30_000;

// Evaluated in the page. Settled = at least `min` charts and none pending / stateless.
const chartsSettled = (min: number): boolean => {
	const els = Array.from(document.querySelectorAll<HTMLElement>('[data-chart]'));
	if (els.length < min) return false;
	return els.every((el) => {
		const s = el.dataset.chartState ?? '';
		return s !== '' && s !== 'pending';
	});
};

const readChartStates = (): ChartState[] =>
	Array.from(document.querySelectorAll<HTMLElement>('[data-chart]')).map((el) => ({
		name: el.dataset.chart ?? '',
		state: el.dataset.chartState ?? ''
	}));

const readRenderSeq = (): number => Number(document.documentElement.dataset.renderSeq ?? 0) || 0;

/** Subscribes the recorders to a fresh context and page. */
function record(origin: string, context: BrowserContext, page: Page) {
	const requests: RecordedRequest[] = [];
	const consoleErrors: string[] = [];
	const pageErrors: string[] = [];
	const httpErrors: string[] = [];

	// Context-level events also see requests from workers the page starts.
	context.on('request', (req) => {
		const o = networkOrigin(req.url());
		requests.push({
			url: req.url(),
			method: req.method(),
			resourceType: req.resourceType(),
			foreign: o !== null && o !== origin
		});
	});
	context.on('requestfailed', (req) => {
		const o = networkOrigin(req.url());
		if (o === origin) httpErrors.push(`${req.method()} ${req.url()} failed: ${req.failure()?.errorText ?? '?'}`);
	});
	context.on('response', (res) => {
		if (res.status() >= 400 && networkOrigin(res.url()) === origin) {
			httpErrors.push(`${res.request().method()} ${res.url()} → ${res.status()}`);
		}
	});
	page.on('console', (msg) => {
		if (msg.type() !== 'error') return;
		const loc = msg.location();
		const where = loc.url ? ` (${loc.url}:${loc.lineNumber}:${loc.columnNumber})` : '';
		consoleErrors.push(`${msg.worker() ? '[worker] ' : ''}${msg.text()}${where}`);
	});
	page.on('pageerror', (err) => pageErrors.push(err.stack ?? String(err)));
	return { requests, consoleErrors, pageErrors, httpErrors };
}

/** Blocks everything not on the server's origin before a byte is sent. */
async function blockForeign(origin: string, context: BrowserContext): Promise<void> {
	await context.route(
		(url) => {
			const o = networkOrigin(url.href);
			return o !== null && o !== origin;
		},
		(route) => route.abort('blockedbyclient')
	);
}

/** The zone every test browser runs in: the users' own (Beijing time). */
export const BROWSER_TIME_ZONE = 'Asia/Shanghai';

async function trackedPage(browser: Browser, origin: string, opts: NewPageOptions): Promise<TrackedPage> {
	const context = await browser.newContext({
		locale: 'zh-CN',
		timezoneId: BROWSER_TIME_ZONE,
		acceptDownloads: true,
		...opts.contextOptions
	});
	try {
		await blockForeign(origin, context);
		const page = await context.newPage();
		return makeTrackedPage(origin, context, page);
	} catch (err) {
		await context.close().catch(() => undefined);
		throw err;
	}
}

function makeTrackedPage(origin: string, context: BrowserContext, page: Page): TrackedPage {
	const rec = record(origin, context, page);
	let closed = false;

	const foreignRequests = () => rec.requests.filter((r) => r.foreign);
	const problems = () => [
		...foreignRequests().map((r) => `request left the origin: ${r.method} ${r.url}`),
		...rec.consoleErrors.map((e) => `console error: ${e}`),
		...rec.pageErrors.map((e) => `page error: ${e}`),
		...rec.httpErrors.map((e) => `http: ${e}`)
	];

	const chartStates = () => page.evaluate(readChartStates);
	const renderSeq = () => page.evaluate(readRenderSeq);

	async function waitForCharts(o: ChartWaitOptions = {}): Promise<ChartState[]> {
		const min = o.min ?? 1;
		try {
			await page.waitForFunction(chartsSettled, min, { timeout: o.timeout ?? DEFAULT_TIMEOUT, polling: 'raf' });
		} catch (err) {
			throw new Error(
				`charts did not settle (need ≥ ${min}, none pending): ${JSON.stringify(await chartStates().catch(() => '?'))}\n` +
					problems().join('\n'),
				{ cause: err }
			);
		}
		return chartStates();
	}

	async function afterRender(action: () => Promise<unknown>, o: ChartWaitOptions = {}): Promise<ChartState[]> {
		const before = await renderSeq();
		await action();
		try {
			await page.waitForFunction(
				(prev: number) => Number(document.documentElement.dataset.renderSeq ?? 0) > prev,
				before,
				{ timeout: o.timeout ?? DEFAULT_TIMEOUT, polling: 'raf' }
			);
		} catch (err) {
			throw new Error(`renderSeq stayed at ${before} after the action: no filtered render happened`, { cause: err });
		}
		return waitForCharts(o);
	}

	async function waitForDuckDB(o: WaitOptions = {}): Promise<void> {
		const handle = await page.waitForFunction(
			() => {
				const s = document.documentElement.dataset.duckdb;
				return s === 'ready' || s === 'error' ? s : false;
			},
			undefined,
			{ timeout: o.timeout ?? DEFAULT_TIMEOUT, polling: 'raf' }
		);
		const state = await handle.jsonValue();
		if (state === 'error') throw new Error(`the app reported data-duckdb="error"\n${problems().join('\n')}`);
	}

	async function download(trigger: () => Promise<unknown>, o: WaitOptions = {}): Promise<Downloaded> {
		const [dl] = await Promise.all([
			page.waitForEvent('download', { timeout: o.timeout ?? DEFAULT_TIMEOUT }),
			trigger()
		]);
		const failure = await dl.failure();
		if (failure !== null) throw new Error(`download of ${dl.url()} failed: ${failure}`);
		// Read before the context closes: playwright deletes download files with it.
		const path = await dl.path();
		return { filename: dl.suggestedFilename(), bytes: readFileSync(path), url: dl.url() };
	}

	return {
		page,
		context,
		...rec,
		goto: (path) => page.goto(new URL(path, origin).href, { waitUntil: 'load' }),
		foreignRequests,
		problems,
		expectClean() {
			const p = problems();
			if (p.length > 0) throw new Error(`page was not clean:\n${p.join('\n')}`);
		},
		chartStates,
		waitForCharts,
		renderSeq,
		afterRender,
		waitForDuckDB,
		download,
		async close() {
			if (closed) return;
			closed = true;
			await context.close().catch(() => undefined);
		}
	};
}

export interface E2EOptions {
	/**
	 * The built site to serve instead of `build/`, resolved in `beforeAll` so that it may be built
	 * there (e.g. `ensureCorpusSite` from ./corpus-site).
	 */
	site?: () => string;
	/** `beforeAll`'s timeout in ms, for a `site` that may build (default: the project's hookTimeout). */
	setupTimeout?: number;
}

/**
 * Registers beforeAll/afterAll hooks in the calling test file: one static server over `build/` (or
 * `options.site()`) and one Chromium for the file; pages opened in a test are closed when it finishes.
 * Call once at the top level of a test file.
 */
export function useE2E(options: E2EOptions = {}): E2E {
	let server: Awaited<ReturnType<typeof startServer>> | undefined;
	let browser: Browser | undefined;
	const open = new Set<TrackedPage>();

	beforeAll(async () => {
		assertBuilt();
		const dir = options.site?.() ?? BUILD_DIR;
		assertBuilt(dir);
		server = await startServer(dir, 0);
		browser = await launchChromium();
	}, options.setupTimeout);

	// Runs even when beforeAll failed half-way: close whatever was started.
	afterAll(async () => {
		await Promise.all([...open].map((p) => p.close()));
		open.clear();
		await browser?.close().catch(() => undefined);
		await server?.close();
	});

	const need = <T>(v: T | undefined, what: string): T => {
		if (v === undefined) throw new Error(`e2e harness: ${what} is not started (use it inside tests or hooks)`);
		return v;
	};

	const e2e: E2E = {
		get origin() {
			return need(server, 'the static server').origin;
		},
		get browser() {
			return need(browser, 'the browser');
		},
		url: (path) => new URL(path, e2e.origin).href,
		async newPage(opts = {}) {
			const t = await trackedPage(e2e.browser, e2e.origin, opts);
			open.add(t);
			try {
				onTestFinished(async () => {
					open.delete(t);
					await t.close();
				});
			} catch {
				// Not inside a test (beforeAll): the page is shared and afterAll closes it.
			}
			return t;
		},
		async open(path, opts = {}) {
			const t = await e2e.newPage(opts);
			await t.goto(path);
			return t;
		}
	};
	return e2e;
}
