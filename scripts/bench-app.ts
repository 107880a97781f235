/**
 * `npm run bench:app` — how fast the built dashboard feels, measured in headless Chromium against
 * `build/` served on loopback. It builds nothing: run `npm run build` first.
 *
 * Measures
 * - cold navigations (default 10): each in a new Chromium with a new empty profile, so no HTTP
 *   cache and no V8/wasm code cache. From navigation start (performance.timeOrigin) to:
 *   the first chart drawn — the paint of a chart's still picture (prerendered, `elementtiming=
 *   "chart-still"`, timed by the Element Timing API) or the first `[data-chart-state=ready]`,
 *   whichever comes first; the first live chart alone; all charts settled; `<html data-duckdb="ready">`.
 * - bytes transferred by a first visit of the page and of a document page it links to, as sent
 *   (compressed): scripts/lib/bench-bytes.ts.
 * - filter change → charts updated (default 30 changes): in one warm page, a `[data-filter]`
 *   control is changed and the time runs until `data-render-seq` has grown and every chart has
 *   left `pending` again. Both ends are stamped inside the page (MutationObserver), so Playwright's
 *   round trips are not counted. The changes run twice, each time in a fresh browser: back to back
 *   from the moment DuckDB is ready (the worst case), and at a reader's pace — the first change
 *   READER_SETTLE_S after ready, each next one READER_PAUSE_MS after the charts updated — which
 *   gives the background warm-up (db.svelte.ts) the pauses a reader leaves it.
 *
 * Prints a table and replaces the "App in the browser" section of BENCHMARKS.md.
 *
 *   npm run bench:app -- [--runs 10] [--changes 30] [--path /] [--filter district,kind] [--views]
 *                        [--out BENCHMARKS.md | --no-write] [--docs N | --data DIR] [--profile FILE]
 *                        [--settle SECONDS] [--pause MS]
 *
 * `--settle S` waits S seconds after DuckDB is ready before the first filter change, to tell the
 * start-up effects (the browser compiling DuckDB's hot wasm in its top tier on background threads
 * for seconds after start-up) from the steady cost of a change; such runs are printed, not recorded.
 * `--pause MS` waits MS after each change's charts updated before the next (like --settle, printed
 * only).
 * `--profile FILE` records a V8 CPU profile of the main thread during the filter changes, writes it
 * to FILE (open in DevTools) and prints where the time went (scripts/lib/cpu-profile.ts).
 * `--docs N` builds a site over the seeds' extract replicated to N documents, `--data DIR` over a
 * folder of contract Parquet (scripts/lib/bench-site.ts), and measures that site; its figures go to
 * the "App by corpus size" section only (one row per size; the seeds' build/ writes its row too).
 * Every cold run also records the longest main-thread task and the tab's peak memory
 * (scripts/lib/bench-page-metrics.ts).
 *
 * `--views` loads every view of the site's navigation cold (default 3 runs each) and writes the
 * "Every view, cold, at N documents" section instead (scripts/lib/bench-views.ts); with --docs/--data, of that site.
 *
 * $BUDGET_LENS_BUILD_DIR serves another folder (used to develop this script against a scratch page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { startServer } from './serve.mjs';
import { BUILD_DIR, CHROMIUM_PATH, REPO_ROOT, assertBuilt, chromiumLaunchOptions } from '../test/e2e/harness';
import {
	describeLoad,
	describeMachine,
	formatMs,
	loadAverage,
	machineInfo,
	markdownTable,
	median,
	percentile,
	today,
	updateSection,
	wasBusy
} from './lib/benchmarks-md';
import { changePhasesScript, cpuByThread, mainThreadTimes, metricLines, pageMetrics, phaseLines, profileLines, summarizeProfile, type ChangePhases, type CpuProfile, type TraceEvent } from './lib/cpu-profile';
import { LONGTASK_INIT_SCRIPT, readLongTasks, rendererPeakBytes } from './lib/bench-page-metrics';
import { SCALE_SECTION, parseScaleRows, scaleSectionBody, sectionText, upsertScaleRow } from './lib/bench-scale';
import { prepareBenchSite, seedSiteFigures, type BenchSite } from './lib/bench-site';
import { recordTransfer, transferLine, visitSettled, type Transfer } from './lib/bench-bytes';
import { navViews, viewsSection, viewsSectionBody, type ViewRuns } from './lib/bench-views';

const SECTION = 'App in the browser (npm run bench:app)';
const BENCHMARKS_FILE = resolve(fileURLToPath(new URL('.', import.meta.url)), '../BENCHMARKS.md');
const TARGET_FIRST_CHART_MS = 1000;
const TARGET_FILTER_P95_MS = 100;
const NAV_TIMEOUT_MS = 60_000;
const CHANGE_TIMEOUT_MS = 15_000;
/** What a scale row was measured on, when not the seeds: rows of one size can come from either kind of corpus. */
const corpusLabel = (o: { data: string | null; docs: number | null }): string => (o.docs ? 'seeds replicated, ' : o.data ? `\`${o.data}\`, ` : '');
/**
 * A reader's pace: the first change this long after DuckDB is ready (the reader reads the page),
 * the next ones this long after the charts updated. Measured beside the back-to-back changes.
 */
const READER_SETTLE_S = 15;
const READER_PAUSE_MS = 500;
/** Filters driven by default, in this order, when present with at least two values. */
const FILTER_ORDER = ['district', 'kind', 'dept', 'year-from', 'year-to', 'code'];

interface Options {
	runs: number;
	/** Load every view of the site's navigation cold `runs` times instead (scripts/lib/bench-views.ts). */
	views: boolean;
	changes: number;
	path: string;
	filters: string[] | null;
	write: boolean;
	out: string;
	data: string | null;
	docs: number | null;
	/** Write a CPU profile of the main thread over the filter changes here (and print its summary). */
	profile: string | null;
	/**
	 * Seconds to wait after DuckDB is ready before the first filter change (default 0: at once, the
	 * standard protocol). For telling start-up effects from steady ones: for seconds after start-up
	 * the browser compiles DuckDB's hot wasm code in its top tier on background threads, which on a
	 * 2-core machine takes CPU from the page and the worker. Runs with a settle time are never
	 * written to BENCHMARKS.md.
	 */
	settleS: number;
	/** Milliseconds between one change's charts updating and the next change (default 0: back to back). */
	pauseMs: number;
}

interface ColdRun {
	/** First chart drawn: a still picture painted or a live chart ready, whichever came first. */
	firstChartMs: number | null;
	/** First live (ECharts) chart ready. */
	firstLiveMs: number | null;
	allChartsMs: number | null;
	duckdbMs: number | null;
	loadMs: number | null;
	charts: number;
	error: string | null;
	/** Longest main-thread task until DuckDB was ready and the charts settled (ms); null if unknown. */
	longestTaskMs: number | null;
	/** Tab's renderer peak resident memory (bytes); null if unknown. */
	peakBytes: number | null;
}

interface ChangeResult {
	filter: string;
	value: string;
	/** null: no render within CHANGE_TIMEOUT_MS. */
	ms: number | null;
	/** False when no chart went pending: nothing on the page reads that filter. */
	rerendered: boolean;
}

function parseOptions(): Options {
	const { values } = parseArgs({
		options: {
			runs: { type: 'string' },
			views: { type: 'boolean', default: false },
			changes: { type: 'string', default: '30' },
			path: { type: 'string', default: '/' },
			filter: { type: 'string' },
			'no-write': { type: 'boolean', default: false },
			out: { type: 'string', default: BENCHMARKS_FILE },
			data: { type: 'string' },
			docs: { type: 'string' },
			profile: { type: 'string' },
			settle: { type: 'string', default: '0' },
			pause: { type: 'string', default: '0' }
		}
	});
	// every view at once: fewer loads of each (8 views × 3 runs ≈ 24 cold loads)
	const runs = Number(values.runs ?? (values.views ? 3 : 10));
	const changes = Number(values.changes);
	if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(changes) || changes < 0) {
		throw new Error('--runs must be ≥ 1 and --changes ≥ 0 (integers)');
	}
	const settleS = Number(values.settle);
	if (!Number.isFinite(settleS) || settleS < 0) throw new Error('--settle must be a number of seconds ≥ 0');
	if (!(Number(values.pause) >= 0)) throw new Error('--pause must be a number of milliseconds ≥ 0');
	return {
		runs,
		views: values.views,
		changes,
		path: values.path,
		filters: values.filter ? values.filter.split(',').map((s) => s.trim()) : null,
		// a settled run is not the standard protocol: its figures are printed, never recorded
		write: !values['no-write'] && settleS === 0 && !Number(values.pause),
		out: resolve(values.out),
		data: values.data ?? null,
		docs: values.docs ? Number(values.docs) : null,
		profile: values.profile ? resolve(values.profile) : null,
		settleS,
		pauseMs: Number(values.pause)
	};
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation. Installed before any page script runs; stamps performance.now() (ms
// since navigation start) when each milestone is first seen. Plain JS string so that no bundler
// helper leaks into the page.
const INIT_SCRIPT = String.raw`(() => {
	const marks = { firstChartReady: null, firstStillPainted: null, allChartsSettled: null, duckdbReady: null, duckdbError: null };
	window.__benchMarks = marks;
	// A chart's still picture counts when it is painted (renderTime), not when it is in the DOM.
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.identifier === 'chart-still' && marks.firstStillPainted === null) marks.firstStillPainted = e.renderTime || e.loadTime;
			}
		}).observe({ type: 'element', buffered: true });
	} catch {}
	const settled = () => {
		const els = document.querySelectorAll('[data-chart]');
		if (els.length === 0) return false;
		for (const el of els) {
			const s = el.getAttribute('data-chart-state');
			if (!s || s === 'pending') return false;
		}
		return true;
	};
	const check = () => {
		const now = performance.now();
		if (marks.firstChartReady === null && document.querySelector('[data-chart-state="ready"]')) marks.firstChartReady = now;
		if (marks.allChartsSettled === null && settled()) marks.allChartsSettled = now;
		const d = document.documentElement && document.documentElement.getAttribute('data-duckdb');
		if (marks.duckdbReady === null && d === 'ready') marks.duckdbReady = now;
		if (marks.duckdbError === null && d === 'error') marks.duckdbError = now;
	};
	new MutationObserver(check).observe(document, {
		subtree: true, childList: true, attributes: true,
		attributeFilter: ['data-chart-state', 'data-chart', 'data-duckdb']
	});

	// Filter-change timing: apply a change, resolve with { ms, rerendered } — ms until renderSeq
	// grew and all charts settled. A chart that went pending after the change must be settled
	// again; if none went pending (no chart on the page reads that filter), one animation frame
	// after renderSeq grew with everything settled counts as done, with rerendered = false.
	window.__benchChange = (filter, value, timeoutMs) => new Promise((resolve) => {
		const root = document.documentElement;
		const seq = () => Number(root.dataset.renderSeq || 0) || 0;
		const seq0 = seq();
		let sawPending = false, seqAt = null, finished = false;
		const finish = (ms) => { if (finished) return; finished = true; obs.disconnect(); clearTimeout(timer); resolve({ ms, rerendered: sawPending, t0 }); };
		const evaluate = () => {
			if (seq() <= seq0 || !settled()) return;
			if (sawPending) return finish(performance.now() - t0);
			if (seqAt === null) {
				seqAt = performance.now();
				requestAnimationFrame(() => { if (seq() > seq0 && settled() && !sawPending) finish(seqAt - t0); else evaluate(); });
			}
		};
		const obs = new MutationObserver((records) => {
			for (const r of records) {
				if (r.type === 'attributes' && r.attributeName === 'data-chart-state' && r.target.getAttribute('data-chart-state') === 'pending') sawPending = true;
			}
			evaluate();
		});
		obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-state', 'data-render-seq'] });
		const timer = setTimeout(() => finish(null), timeoutMs);
		const t0 = performance.now();
		window.__benchApply(filter, value);
		evaluate();
	});

	// Sets a [data-filter] control the way a person would, firing input and change.
	window.__benchApply = (filter, value) => {
		const el = document.querySelector('[data-filter="' + filter + '"]');
		const fire = (t) => { t.dispatchEvent(new Event('input', { bubbles: true })); t.dispatchEvent(new Event('change', { bubbles: true })); };
		if (el instanceof HTMLSelectElement) {
			for (const o of el.options) o.selected = o.value === value;
			fire(el);
		} else if (el instanceof HTMLInputElement) {
			el.value = value;
			fire(el);
		} else if (el) {
			// a picker's listbox options (their text is the value), else plain inputs and buttons
			const opts = el.querySelectorAll('[role=option]');
			const input = Array.from(opts.length ? opts : el.querySelectorAll('input, button')).find((i) => (i.value || i.textContent || '') === value);
			if (input) input.click();
		}
	};

	// Values each control offers: select options, a range/number input's min..max, a datalist,
	// or the inputs/buttons inside a container.
	window.__benchFilterValues = () => {
		const out = {};
		for (const el of document.querySelectorAll('[data-filter]')) {
			const name = el.getAttribute('data-filter');
			let values = [];
			if (el instanceof HTMLSelectElement) values = Array.from(el.options).filter((o) => !o.disabled).map((o) => o.value);
			else if (el instanceof HTMLInputElement) {
				if (el.list) values = Array.from(el.list.options).map((o) => o.value);
				else if (el.min !== '' && el.max !== '') {
					const lo = Number(el.min), hi = Number(el.max), step = Number(el.step) || 1;
					for (let v = lo; v <= hi && values.length < 50; v += step) values.push(String(v));
				}
			} else {
				const opts = el.querySelectorAll('[role=option]');
				values = Array.from(opts.length ? opts : el.querySelectorAll('input, button')).map((i) => i.value || i.textContent || '');
			}
			out[name] = { values: Array.from(new Set(values)), current: el.value ?? null };
		}
		return out;
	};
})();`;

interface BenchWindow {
	__benchMarks: {
		firstChartReady: number | null;
		firstStillPainted: number | null;
		allChartsSettled: number | null;
		duckdbReady: number | null;
		duckdbError: number | null;
	};
	__benchChange(filter: string, value: string, timeoutMs: number): Promise<{ ms: number | null; rerendered: boolean; t0: number }>;
	__benchFilterValues(): Record<string, { values: string[]; current: string | null }>;
}

/** A Chromium with a brand-new profile directory; the caller removes the directory. */
async function freshBrowser(): Promise<{ context: BrowserContext; page: Page; profile: string }> {
	const profile = mkdtempSync(join(tmpdir(), 'bench-app-profile-'));
	// Persistent context = our own user-data-dir, so "cold" includes Chromium's disk caches.
	const { args, executablePath, headless, env } = chromiumLaunchOptions();
	const context = await chromium.launchPersistentContext(profile, { args, executablePath, headless, env });
	await context.addInitScript(INIT_SCRIPT);
	await context.addInitScript(LONGTASK_INIT_SCRIPT);
	const page = context.pages()[0] ?? (await context.newPage());
	return { context, page, profile };
}

async function closeBrowser(b: { context: BrowserContext; profile: string }): Promise<void> {
	await b.context.close().catch(() => undefined);
	rmSync(b.profile, { recursive: true, force: true });
}

/** Waits until both the charts and DuckDB have reported (or DuckDB failed). */
async function waitForMilestones(page: Page): Promise<void> {
	await page.waitForFunction(
		() => {
			const m = (window as unknown as BenchWindow).__benchMarks;
			return m.allChartsSettled !== null && (m.duckdbReady !== null || m.duckdbError !== null);
		},
		undefined,
		{ timeout: NAV_TIMEOUT_MS, polling: 100 }
	);
}

/** The earlier of two optional times. */
function firstOf(a: number | null, b: number | null): number | null {
	return a === null ? b : b === null ? a : Math.min(a, b);
}

async function coldRun(url: string): Promise<ColdRun> {
	const b = await freshBrowser();
	try {
		await b.page.goto(url, { waitUntil: 'commit' });
		let error: string | null = null;
		await waitForMilestones(b.page).catch((e: Error) => (error = `timed out: ${e.message.split('\n')[0]}`));
		const m = await b.page.evaluate(() => {
			const w = window as unknown as BenchWindow;
			const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
			return {
				...w.__benchMarks,
				load: nav && nav.loadEventEnd > 0 ? nav.loadEventEnd : null,
				charts: document.querySelectorAll('[data-chart]').length
			};
		});
		if (m.duckdbError !== null) error = 'the app set data-duckdb="error"';
		const tasks = await readLongTasks(b.page).catch(() => null);
		return {
			longestTaskMs: tasks ? tasks.longest : null,
			peakBytes: rendererPeakBytes(b.profile),
			firstChartMs: firstOf(m.firstStillPainted, m.firstChartReady),
			firstLiveMs: m.firstChartReady,
			allChartsMs: m.allChartsSettled,
			duckdbMs: m.duckdbReady,
			loadMs: m.load,
			charts: m.charts,
			error
		};
	} finally {
		await closeBrowser(b);
	}
}

/**
 * The first document page `page` links to: a link on the page, or — the overview draws no link per
 * document — the first one listed by opening the coverage matrix's first cell, as a reader would.
 * Null when there is none.
 */
async function documentLink(page: Page): Promise<string | null> {
	const first = (selector: string, timeout: number) =>
		page.locator(selector).first().getAttribute('href', { timeout }).catch(() => null);
	const onPage = await first('a[href*="/documents/"]', 1_000);
	if (onPage) return onPage;
	const cell = page.locator('[data-coverage-cell]').first();
	if ((await cell.count()) === 0) return null;
	await cell.click();
	return first('#coverage-cell-docs a[data-doc-link]', NAV_TIMEOUT_MS);
}

/** A first visit of `url` in a fresh browser: what it received, and the first document page it links to. */
async function firstVisit(url: string): Promise<{ transfer: Transfer; documentHref: string | null }> {
	const b = await freshBrowser();
	try {
		const transfer = await recordTransfer(b.context, async () => {
			await b.page.goto(url, { waitUntil: 'load' });
			await visitSettled(b.page, NAV_TIMEOUT_MS);
		});
		return { transfer, documentHref: await documentLink(b.page) };
	} finally {
		await closeBrowser(b);
	}
}

/** The sequence of (filter, value) changes: round-robin over filters, each cycling its values. */
function planChanges(
	available: Record<string, { values: string[]; current: string | null }>,
	wanted: string[] | null,
	count: number
): { filter: string; value: string }[] {
	const names = (wanted ?? FILTER_ORDER).filter((n) => (available[n]?.values.length ?? 0) >= 2);
	if (names.length === 0) return [];
	const state = new Map(names.map((n) => [n, { ...available[n]! }]));
	const plan: { filter: string; value: string }[] = [];
	for (let i = 0; i < count; i++) {
		const filter = names[i % names.length]!;
		const s = state.get(filter)!;
		const at = s.values.indexOf(s.current ?? '');
		const value = s.values[(at + 1) % s.values.length]!; // always differs from the current value
		s.current = value;
		plan.push({ filter, value });
	}
	return plan;
}

/** Ends a CDP trace and reads its events from the stream Chromium hands back. */
async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
	const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
	await cdp.send('Tracing.end');
	const handle = await done;
	let text = '';
	for (;;) {
		const chunk = await cdp.send('IO.read', { handle });
		text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
		if (chunk.eof) break;
	}
	await cdp.send('IO.close', { handle });
	const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
	return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

interface FilterRun {
	results: ChangeResult[];
	note: string | null;
	/** ms after DuckDB was ready that the background warm-up had finished by the first change; null: it had not. */
	backgroundDoneMs?: number | null;
}

async function filterRun(url: string, opts: Options): Promise<FilterRun> {
	const b = await freshBrowser();
	try {
		await b.page.goto(url, { waitUntil: 'commit' });
		await waitForMilestones(b.page);
		if (opts.settleS > 0) await b.page.waitForTimeout(opts.settleS * 1000);
		// the background warm-up (db.svelte.ts) marks its end; ready is `duckdb:warm`
		const backgroundDoneMs = (await b.page.evaluate(`(() => {
			const done = performance.getEntriesByName('duckdb:warm-background')[0];
			const ready = performance.getEntriesByName('duckdb:warm')[0];
			return done && ready ? done.startTime - ready.startTime : null;
		})()`)) as number | null;
		const available = await b.page.evaluate(() => (window as unknown as BenchWindow).__benchFilterValues());
		// Up to 3× the changes asked for, so that ≥ `changes` of them re-render a chart even when
		// some filters are read by nothing on the page.
		const plan = planChanges(available, opts.filters, opts.changes * 3);
		if (plan.length === 0) {
			return { results: [], note: `no usable [data-filter] control on ${opts.path} (found: ${Object.keys(available).join(', ') || 'none'})` };
		}
		const results: ChangeResult[] = [];
		const cdp = opts.profile ? await b.page.context().newCDPSession(b.page) : null;
		const phases: ChangePhases[] = [];
		if (cdp) {
			await b.page.evaluate('window.__budgetLensSpans = true');
			await cdp.send('Profiler.enable');
			await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
			await cdp.send('Profiler.start');
			await cdp.send('Performance.enable');
			await cdp.send('Tracing.start', {
				transferMode: 'ReturnAsStream',
				traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink'] }
			});
		}
		const metrics0 = cdp ? await pageMetrics(cdp) : null;
		for (const step of plan) {
			if (results.filter((r) => r.rerendered).length >= opts.changes) break;
			const r = await b.page.evaluate(
				([f, v, t]) => (window as unknown as BenchWindow).__benchChange(f, v, t),
				[step.filter, step.value, CHANGE_TIMEOUT_MS] as const
			);
			results.push({ filter: step.filter, value: step.value, ms: r.ms, rerendered: r.rerendered });
			if (opts.pauseMs > 0) await b.page.waitForTimeout(opts.pauseMs);
			if (cdp && r.rerendered) {
				const p = (await b.page.evaluate(changePhasesScript(r.t0))) as ChangePhases;
				phases.push(p);
				const ms = (x: number | null) => (x === null ? '—' : String(Math.round(x)));
				console.log(`  change ${step.filter}=${step.value}: ${ms(r.ms)} ms — ${p.queries} queries back at ${ms(p.queried)}, navigation ${ms(p.navigated)}, last setOption ${ms(p.optionsSet)}`);
			}
		}
		if (cdp && opts.profile) {
			const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
			writeFileSync(opts.profile, JSON.stringify(profile));
			console.log(`bench:app: CPU profile of the filter changes written to ${opts.profile} (open it in Chromium's DevTools)`);
			for (const line of profileLines(summarizeProfile(profile))) console.log(line);
			console.log(metricLines(metrics0!, await pageMetrics(cdp), results.length).join('\n'));
			const events = await endTrace(cdp);
			writeFileSync(opts.profile.replace(/(\.cpuprofile)?$/, '.trace.json'), JSON.stringify({ traceEvents: events }));
			for (const line of phaseLines(phases)) console.log(line);
			const cpu = cpuByThread(events);
			const per = (ms: number) => `${(ms / results.length).toFixed(1)} ms`;
			console.log(
				`CPU time per change (thread time): page main thread ${per(cpu.main)}, DuckDB's worker ${per(cpu.worker)}, ` +
					`V8 optimising DuckDB's wasm in the background ${per(cpu.wasmTopTier)}, compiling it on first calls ${per(cpu.wasmLazy)}`
			);
			console.log(`main thread by trace event (nested events overlap), per change:`);
			for (const t of mainThreadTimes(events)) console.log(`  ${(t.ms / results.length).toFixed(1).padStart(7)} ms  ${t.name}`);
		}
		return { results, note: null, backgroundDoneMs };
	} finally {
		await closeBrowser(b);
	}
}

// ---------------------------------------------------------------------------------------------
// Reporting

const fmtBytes = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : b >= 2 ** 20 ? `${(b / 2 ** 20).toFixed(b >= 100 * 2 ** 20 ? 0 : 1)} MiB` : `${Math.round(b / 1024)} KiB`);

const fmt = formatMs;

interface Row {
	metric: string;
	values: number[];
	target: string;
	/** Which statistic the target applies to. */
	judge?: { stat: 'median' | 'p95'; limitMs: number };
}

function rowCells(r: Row, n: number): string[] {
	const med = median(r.values);
	const p95 = percentile(r.values, 95);
	let verdict = '';
	if (r.judge && r.values.length > 0) {
		const v = r.judge.stat === 'median' ? med : p95;
		verdict = v <= r.judge.limitMs ? ' ✅' : ' ❌';
	}
	return [
		r.metric,
		`${r.values.length}/${n}`,
		fmt(med),
		fmt(p95),
		r.values.length ? fmt(Math.min(...r.values)) : 'n/a',
		r.values.length ? fmt(Math.max(...r.values)) : 'n/a',
		r.target + verdict
	];
}

const HEADERS = ['metric', 'n', 'median', 'p95', 'min', 'max', 'target'];

function printTable(rows: string[][]): void {
	const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
	console.log(line(HEADERS));
	console.log(widths.map((w) => '-'.repeat(w)).join('  '));
	for (const r of rows) console.log(line(r));
}

function perFilterLine(results: ChangeResult[]): string {
	const by = new Map<string, number[]>();
	for (const r of results) if (r.ms !== null && r.rerendered) by.set(r.filter, [...(by.get(r.filter) ?? []), r.ms]);
	return [...by].map(([f, v]) => `${f} ${fmt(median(v))} (n=${v.length})`).join(', ');
}

/** The commit checked out, to tie the numbers to code (the build itself is not stamped). */
function gitHead(): string {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', cwd: fileURLToPath(new URL('.', import.meta.url)) }).trim();
	} catch {
		return 'unknown';
	}
}

function noopLine(noops: ChangeResult[]): string {
	const names = [...new Set(noops.map((r) => r.filter))].join(', ');
	return `${noops.length} change(s) re-rendered no chart (filters: ${names}; the page's queries did not change) and are not counted`;
}

/** `--views`: each view of the site's navigation loaded cold `opts.runs` times; prints and writes the corpus size's {@link viewsSection}. */
async function measureViews(origin: string, opts: Options, site: BenchSite | null, siteDir: string, loadBefore: number): Promise<void> {
	const probe = await chromium.launch(chromiumLaunchOptions());
	const browserVersion = probe.version();
	const page = await probe.newPage();
	await page.goto(new URL('/', origin).href);
	const paths = await navViews(page);
	await probe.close();
	console.log(`bench:app --views: ${paths.join(' ')}; ${opts.runs} cold loads each`);
	const views: ViewRuns[] = [];
	for (const path of paths) {
		const runs: ColdRun[] = [];
		for (let i = 0; i < opts.runs; i++) {
			const r = await coldRun(new URL(path, origin).href);
			runs.push(r);
			console.log(`  ${path} #${i + 1}: first chart ${fmt(r.firstChartMs ?? NaN)}, DuckDB ${fmt(r.duckdbMs ?? NaN)}, longest task ${fmt(r.longestTaskMs ?? NaN)}${r.error ? ` — ${r.error}` : ''}`);
		}
		views.push({ path, runs });
	}
	const m = machineInfo();
	const corpus = site ?? (await seedSiteFigures(siteDir));
	const about = [
		`Measured ${today()} on ${describeMachine(m)}; Chromium ${browserVersion}; repo at ${gitHead()}; corpus: ${corpus.documents.toLocaleString('en-US')} documents (${site ? site.source : 'the seeds (build/)'}).`,
		describeLoad(loadBefore, loadAverage(), m.cores),
		''
	];
	const body = viewsSectionBody(views, about);
	console.log(`\n${body}`);
	if (opts.write) {
		const section = viewsSection(corpus.documents);
		updateSection(opts.out, section, body);
		console.log(`\nbench:app: updated "${section}" in ${opts.out}`);
	}
	if (views.some((v) => v.runs.every((r) => r.firstChartMs === null))) process.exitCode = 1;
}

async function main(): Promise<void> {
	const opts = parseOptions();
	// Other work on this machine skews every number here; the section records how busy it was.
	const loadBefore = loadavg()[0]!;
	// --docs/--data: a site of its own over that corpus (bench-site.ts); else the seeds' build/.
	const site: BenchSite | null = await prepareBenchSite({ repoRoot: REPO_ROOT, data: opts.data ?? undefined, docs: opts.docs ?? undefined });
	const siteDir = site?.buildDir ?? BUILD_DIR;
	try {
		assertBuilt(siteDir);
	} catch {
		console.error(`bench:app: ${siteDir}/index.html not found. Without --docs/--data this script builds nothing: run \`npm run build\` first.`);
		process.exit(1);
	}
	if (site) console.log(`bench:app: built ${siteDir} over ${site.source} in ${fmt(site.buildMs)}`);
	const server = await startServer(siteDir, 0);
	if (opts.views) {
		try {
			await measureViews(server.origin, opts, site, siteDir, loadBefore);
		} finally {
			await server.close();
		}
		return;
	}
	const url = new URL(opts.path, server.origin).href;
	console.log(`bench:app: serving ${siteDir} at ${server.url}; ${opts.runs} cold navigations of ${opts.path}, then ${opts.changes} filter changes`);

	let browserVersion = 'unknown';
	const cold: ColdRun[] = [];
	let filter: FilterRun = { results: [], note: null };
	// the same changes at a reader's pace, in a browser of its own (standard runs only)
	let reader: FilterRun | null = null;
	const transfers: string[] = [];
	try {
		const probe = await chromium.launch(chromiumLaunchOptions());
		browserVersion = probe.version();
		await probe.close();
		for (let i = 0; i < opts.runs; i++) {
			const r = await coldRun(url);
			cold.push(r);
			console.log(
				`  cold #${i + 1}: first chart ${fmt(r.firstChartMs ?? NaN)} (live ${fmt(r.firstLiveMs ?? NaN)}), all charts ${fmt(r.allChartsMs ?? NaN)}, ` +
					`DuckDB ${fmt(r.duckdbMs ?? NaN)}, load ${fmt(r.loadMs ?? NaN)}, ${r.charts} charts${r.error ? ` — ${r.error}` : ''}`
			);
		}
		try {
			const page = await firstVisit(url);
			transfers.push(transferLine(`first visit of \`${opts.path}\``, page.transfer));
			if (page.documentHref) {
				const doc = await firstVisit(new URL(page.documentHref, url).href);
				transfers.push(transferLine(`first visit of a document page (\`${new URL(page.documentHref, url).pathname}\`)`, doc.transfer));
			}
		} catch (e) {
			transfers.push(`not measured: ${(e as Error).message.split('\n')[0]}`);
		}
		for (const line of transfers) console.log(`  ${line.replace(/\*\*/g, '')}`);
		if (opts.changes > 0) {
			filter = await filterRun(url, opts).catch((e: Error) => ({ results: [], note: `filter run failed: ${e.message.split('\n')[0]}` }));
			if (filter.note) console.log(`  filter changes: ${filter.note}`);
			if (opts.settleS === 0 && opts.pauseMs === 0 && !opts.profile) {
				reader = await filterRun(url, { ...opts, settleS: READER_SETTLE_S, pauseMs: READER_PAUSE_MS }).catch((e: Error) => ({
					results: [],
					note: `filter run at a reader's pace failed: ${e.message.split('\n')[0]}`
				}));
				if (reader.note) console.log(`  filter changes at a reader's pace: ${reader.note}`);
			}
		}
	} finally {
		await server.close();
	}

	const present = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
	// Only changes that re-rendered a chart count: a change no query reads completes in ~1 ms and
	// would flatter the percentiles. They are reported separately.
	const changeMs = present(filter.results.filter((r) => r.rerendered).map((r) => r.ms));
	const noops = filter.results.filter((r) => r.ms !== null && !r.rerendered);
	const timedOut = filter.results.filter((r) => r.ms === null);
	const rows: Row[] = [
		{
			metric: `first chart drawn on ${opts.path} (cold)`,
			values: present(cold.map((r) => r.firstChartMs)),
			target: `≤ ${fmt(TARGET_FIRST_CHART_MS)} (median)`,
			judge: { stat: 'median', limitMs: TARGET_FIRST_CHART_MS }
		},
		{ metric: 'first live chart ready (cold)', values: present(cold.map((r) => r.firstLiveMs)), target: '' },
		{ metric: 'all charts settled (cold)', values: present(cold.map((r) => r.allChartsMs)), target: '' },
		{ metric: 'DuckDB ready (cold)', values: present(cold.map((r) => r.duckdbMs)), target: 'floor 1.4–2.6 s start-up' },
		{ metric: 'load event (cold)', values: present(cold.map((r) => r.loadMs)), target: '' },
		{ metric: 'longest main-thread task (cold)', values: present(cold.map((r) => r.longestTaskMs)), target: '≤ 200 ms (max)' }
	];
	const changeRow: Row = {
		metric: 'filter change → charts updated',
		values: changeMs,
		target: `p95 ≤ ${fmt(TARGET_FILTER_P95_MS)}`,
		judge: { stat: 'p95', limitMs: TARGET_FILTER_P95_MS }
	};
	const readerMs = reader ? present(reader.results.filter((r) => r.rerendered).map((r) => r.ms)) : [];
	const readerMetric = `filter change → charts updated, at a reader's pace (first ${READER_SETTLE_S} s after ready, then ${READER_PAUSE_MS} ms after each update)`;
	const readerRow: Row = { ...changeRow, metric: readerMetric, values: readerMs };
	const table = [...rows.map((r) => rowCells(r, opts.runs)), rowCells(changeRow, opts.changes), ...(reader ? [rowCells(readerRow, opts.changes)] : [])];
	const backgroundLine = (run: FilterRun | null): string | null => {
		if (!run || run.backgroundDoneMs === undefined) return null;
		return run.backgroundDoneMs === null
			? `At a reader's pace, DuckDB's background warm-up had not finished by the first change.`
			: `At a reader's pace, DuckDB's background warm-up (db.svelte.ts) had finished ${fmt(run.backgroundDoneMs)} after ready, before the first change.`;
	};

	console.log();
	printTable(table);
	if (changeMs.length) console.log(`per filter (median): ${perFilterLine(filter.results)}`);
	// in order: the first changes after start-up run colder code (JIT, wasm tiers) than later ones
	if (changeMs.length) console.log(`in order (ms): ${filter.results.filter((r) => r.rerendered).map((r) => (r.ms === null ? 'timeout' : Math.round(r.ms))).join(' ')}`);
	if (readerMs.length) console.log(`at a reader's pace, in order (ms): ${reader!.results.filter((r) => r.rerendered).map((r) => (r.ms === null ? 'timeout' : Math.round(r.ms))).join(' ')}`);
	const background = backgroundLine(reader) ?? backgroundLine(opts.settleS > 0 ? filter : null);
	if (background) console.log(background);
	if (noops.length) console.log(noopLine(noops));
	if (timedOut.length) console.log(`${timedOut.length} filter change(s) produced no render within ${fmt(CHANGE_TIMEOUT_MS)}: ${timedOut.map((r) => `${r.filter}=${r.value}`).join(', ')}`);

	const m = machineInfo();
	const loadAfter = loadavg()[0]!;
	const busy = wasBusy(loadBefore, loadAfter, m.cores);
	const errors = cold.filter((r) => r.error).map((r) => r.error!);
	const body = [
		`Measured ${today()} on ${describeMachine(m)}; Chromium ${browserVersion} (headless, \`${CHROMIUM_PATH}\`), static server on loopback; repo at ${gitHead()}.`,
		describeLoad(loadBefore, loadAfter, m.cores),
		`${opts.runs} cold navigations of \`${opts.path}\`, each in a new Chromium with an empty profile; times from navigation start. ` +
			`${filter.results.length} filter changes in one warm page, back to back from the moment DuckDB is ready, from the control's change event until \`data-render-seq\` grew and every chart was \`ready\` again.`,
		'',
		markdownTable(HEADERS, table),
		'',
		'Bytes transferred (headers and bodies as sent, brotli where the server had a copy; page and workers), each in a fresh browser:',
		...transfers.map((l) => `- ${l}`),
		'',
		...(changeMs.length ? [`Filter changes per control (median): ${perFilterLine(filter.results)}.`, ''] : []),
		...(readerMs.length
			? [
					`At a reader's pace (a second browser; changes as above, the first ${READER_SETTLE_S} s after ready while the reader reads, each next one ${READER_PAUSE_MS} ms after the charts updated), per control (median): ${perFilterLine(reader!.results)}. ${background ?? ''}`,
					''
				]
			: []),
		...(filter.note ? [`Filter changes: ${filter.note}.`, ''] : []),
		...(noops.length ? [noopLine(noops) + '.', ''] : []),
		...(timedOut.length ? [`${timedOut.length} filter change(s) produced no render within ${fmt(CHANGE_TIMEOUT_MS)}.`, ''] : []),
		...(errors.length ? [`Cold-run problems: ${[...new Set(errors)].join('; ')}.`, ''] : []),
		'Targets: first chart on `/` ≤ 1.0 s; filter change → charts updated p95 ≤ 100 ms.',
		'Floor (stack notes, bare page on this kind of machine): navigation → DuckDB-WASM → one Parquet → count shown, median ≈ 3.0 s (2.1–4.2 s); DuckDB start-up alone 1.4–2.6 s. A first chart that waits for DuckDB cannot beat that floor.'
	].join('\n');

	const rowOf = (metric: string): Row => rows.find((r) => r.metric.startsWith(metric))!;
	const peaks = present(cold.map((r) => r.peakBytes));
	if (peaks.length) console.log(`peak tab memory (renderer VmHWM): median ${fmtBytes(median(peaks))}, max ${fmtBytes(Math.max(...peaks))}`);
	const corpus = site ?? (await seedSiteFigures(siteDir));
	const scaleRow = [
		corpus.documents.toLocaleString('en-US'),
		`${fmtBytes(corpus.browserDataBytes)} (${fmtBytes(corpus.allParquetBytes)})`,
		fmt(median(rows[0]!.values)),
		fmt(median(rowOf('DuckDB ready').values)),
		`${fmt(median(changeMs))} / ${fmt(percentile(changeMs, 95))}` + (readerMs.length ? ` (reader's pace ${fmt(median(readerMs))} / ${fmt(percentile(readerMs, 95))})` : ''),
		peaks.length ? fmtBytes(median(peaks)) : 'n/a',
		rowOf('longest main-thread task').values.length ? fmt(Math.max(...rowOf('longest main-thread task').values)) : 'n/a',
		`${cold.length} cold, ${changeMs.length} changes`,
		`${today()}, ${gitHead()}, ${corpusLabel(opts)}load ${loadBefore.toFixed(1)}→${loadAfter.toFixed(1)} on ${m.cores} cores${busy ? ' (busy)' : ''}`
	];
	if (opts.write) {
		const current = existsSync(opts.out) ? readFileSync(opts.out, 'utf8') : '';
		const scaleRows = upsertScaleRow(parseScaleRows(sectionText(current, SCALE_SECTION)), scaleRow);
		updateSection(opts.out, SCALE_SECTION, scaleSectionBody(scaleRows, [`Machine: ${describeMachine(m)}; Chromium ${browserVersion}. Corpus of the last run: ${site ? site.source : 'the seeds (build/)'}.`]));
		console.log(`bench:app: updated the ${corpus.documents}-document row of "${SCALE_SECTION}" in ${opts.out}`);
	}

	// BENCHMARKS.md records only full runs; quick runs (--runs 2) can still go to another --out.
	// A corpus site's figures go to the corpus-size table only.
	const tooShort = opts.runs < 10 || opts.changes < 30;
	if (site) {
		// written above
	} else if (opts.write && tooShort && opts.out === BENCHMARKS_FILE) {
		console.log(`\nbench:app: not writing ${BENCHMARKS_FILE}: it records runs of ≥ 10 navigations and ≥ 30 changes`);
	} else if (opts.write) {
		updateSection(opts.out, SECTION, body);
		console.log(`\nbench:app: updated "${SECTION}" in ${opts.out}`);
	}
	// Exit non-zero when a whole measurement is missing, so a broken page cannot pass as "benchmarked".
	if (cold.every((r) => r.firstChartMs === null) || (opts.changes > 0 && changeMs.length === 0)) process.exitCode = 1;
}

main().catch((err) => {
	console.error(err instanceof Error ? err.stack : err);
	process.exit(1);
});
