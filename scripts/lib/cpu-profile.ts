/**
 * `bench:app --profile FILE`: a V8 CPU profile of the page's main thread over the filter changes,
 * and where its time went — so a missed filter-change target can be traced to the code that spends
 * it instead of guessed at. Pure functions over the profile Chromium's DevTools protocol returns.
 */

/** The parts of a `Profiler.Profile` (DevTools protocol) read here. */
export interface CpuProfile {
	nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
	samples: number[];
	timeDeltas: number[];
	startTime: number;
	endTime: number;
}

export interface TimeShare {
	name: string;
	ms: number;
}

/** Self time per node id, in ms, from the sample deltas (each sample's delta is its node's time). */
function selfTimes(profile: CpuProfile): Map<number, number> {
	const self = new Map<number, number>();
	for (let i = 0; i < profile.samples.length; i++) {
		const id = profile.samples[i]!;
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
	}
	return self;
}

/** `chunk-abc.js` from a bundle URL; the pseudo-frames (`(program)`, `(garbage collector)`) keep their name. */
function fileOf(url: string): string {
	if (!url) return '(native)';
	const path = url.split('?')[0]!;
	return path.slice(path.lastIndexOf('/') + 1) || path;
}

function frameName(f: CpuProfile['nodes'][number]['callFrame']): string {
	const fn = f.functionName || '(anonymous)';
	return f.url ? `${fn} ${fileOf(f.url)}:${f.lineNumber + 1}:${f.columnNumber + 1}` : fn;
}

function top(map: Map<string, number>, n: number): TimeShare[] {
	return [...map.entries()]
		.map(([name, ms]) => ({ name, ms }))
		.sort((a, b) => b.ms - a.ms)
		.slice(0, n);
}

/** The functions with the most self time, and self time per script file, largest first. */
export function summarizeProfile(profile: CpuProfile, n = 25): { totalMs: number; idleMs: number; byFunction: TimeShare[]; byFile: TimeShare[] } {
	const self = selfTimes(profile);
	const byFunction = new Map<string, number>();
	const byFile = new Map<string, number>();
	let idleMs = 0;
	for (const node of profile.nodes) {
		const ms = self.get(node.id) ?? 0;
		if (ms === 0) continue;
		if (node.callFrame.functionName === '(idle)') {
			idleMs += ms;
			continue;
		}
		const name = frameName(node.callFrame);
		byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
		const file = node.callFrame.url ? fileOf(node.callFrame.url) : node.callFrame.functionName;
		byFile.set(file, (byFile.get(file) ?? 0) + ms);
	}
	return { totalMs: (profile.endTime - profile.startTime) / 1000, idleMs, byFunction: top(byFunction, n), byFile: top(byFile, n) };
}

/** The summary as console lines. */
export function profileLines(s: ReturnType<typeof summarizeProfile>): string[] {
	const pct = (ms: number) => `${((100 * ms) / s.totalMs).toFixed(1)} %`;
	const busy = s.totalMs - s.idleMs;
	return [
		`profile: ${Math.round(s.totalMs)} ms recorded, main thread busy ${Math.round(busy)} ms (${pct(busy)}), idle ${Math.round(s.idleMs)} ms`,
		'self time by file:',
		...s.byFile.map((t) => `  ${Math.round(t.ms).toString().padStart(6)} ms  ${pct(t.ms).padStart(6)}  ${t.name}`),
		'self time by function:',
		...s.byFunction.map((t) => `  ${Math.round(t.ms).toString().padStart(6)} ms  ${pct(t.ms).padStart(6)}  ${t.name}`)
	];
}

/** Chromium's cumulative counters (`Performance.getMetrics`): layouts, style recalcs, script time … */
export type PageMetrics = Record<string, number>;

/** Reads the counters through a CDP session that has sent `Performance.enable`. */
export async function pageMetrics(cdp: { send(method: 'Performance.getMetrics'): Promise<{ metrics: { name: string; value: number }[] }> }): Promise<PageMetrics> {
	const { metrics } = await cdp.send('Performance.getMetrics');
	return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** What the counters grew by between two readings, per change: where the main thread's time went. */
export function metricLines(before: PageMetrics, after: PageMetrics, changes: number): string[] {
	const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
	const per = (k: string, seconds: boolean) => (seconds ? `${((1000 * delta(k)) / changes).toFixed(1)} ms` : (delta(k) / changes).toFixed(1));
	return [
		`per change (${changes} changes): task ${per('TaskDuration', true)}, script ${per('ScriptDuration', true)}, ` +
			`layout ${per('LayoutDuration', true)} in ${per('LayoutCount', false)} layouts, style ${per('RecalcStyleDuration', true)} in ${per('RecalcStyleCount', false)} recalcs, ` +
			`DOM nodes ${after.Nodes ?? '?'}`
	];
}

/** One event of a Chromium trace (the JSON DevTools' Performance panel reads). */
export interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	dur?: number;
	/** Thread (CPU) time of a complete event, µs: less than `dur` when the thread waited for a core. */
	tdur?: number;
	args?: { name?: string };
}

const threadNamed = (events: TraceEvent[], name: string, pid?: number): TraceEvent | undefined =>
	events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === name && (pid === undefined || e.pid === pid));

/**
 * The page's renderer process: the one running DuckDB's worker. Chromium's new headless mode also
 * runs its own UI in a renderer whose main thread has the same name, so "the first
 * CrRendererMain" can be the wrong process.
 */
function pageRenderer(events: TraceEvent[]): number | undefined {
	return (threadNamed(events, 'DedicatedWorker thread') ?? threadNamed(events, 'CrRendererMain'))?.pid;
}

/**
 * Time on the page's main thread by trace event name (`RunTask`, `FunctionCall`, `Layout`,
 * `Paint` …), in ms. Events nest (a `Layout` forced inside a `FunctionCall` counts in both), so the
 * names are read side by side, not added up; `RunTask` is the thread's whole busy time.
 */
export function mainThreadTimes(events: TraceEvent[], n = 20): TimeShare[] {
	const main = threadNamed(events, 'CrRendererMain', pageRenderer(events));
	if (!main) return [];
	const by = new Map<string, number>();
	for (const e of events) {
		if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !e.dur) continue;
		by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
	}
	return top(by, n);
}

/** CPU time (ms) of what competes for the machine's cores during the traced changes. */
export interface CpuByThread {
	/** The page's main thread, its tasks. */
	main: number;
	/** DuckDB's worker, its tasks (the queries). */
	worker: number;
	/** V8 optimising hot wasm functions (DuckDB's) on background threads. */
	wasmTopTier: number;
	/** V8 compiling wasm functions on their first call (baseline tier). */
	wasmLazy: number;
}

/**
 * Thread time of the page's main thread and DuckDB's worker (their `RunTask`s), and of V8's wasm
 * compilation (`wasm.TopTierCompilation` on any thread, `wasm.CompileLazy`), from a trace that
 * recorded thread time (`tdur`; the `v8.wasm` category for the compile events). Wall durations
 * would count the waits for a core on a busy machine; thread time is what each part costs.
 */
export function cpuByThread(events: TraceEvent[]): CpuByThread {
	const pid = pageRenderer(events);
	const main = threadNamed(events, 'CrRendererMain', pid);
	const worker = threadNamed(events, 'DedicatedWorker thread', pid);
	const out: CpuByThread = { main: 0, worker: 0, wasmTopTier: 0, wasmLazy: 0 };
	for (const e of events) {
		if (e.ph !== 'X' || !e.tdur) continue;
		const ms = e.tdur / 1000;
		if (e.name === 'wasm.TopTierCompilation') out.wasmTopTier += ms;
		else if (e.name === 'wasm.CompileLazy') out.wasmLazy += ms;
		else if (e.name === 'RunTask' && main && e.pid === main.pid && e.tid === main.tid) out.main += ms;
		else if (e.name === 'RunTask' && worker && e.pid === worker.pid && e.tid === worker.tid) out.worker += ms;
	}
	return out;
}

/** One filter change's phases, in ms from the change (the page's `bl:` spans, see perf-spans.ts). */
export interface ChangePhases {
	/** The first query sent to DuckDB's worker. */
	posted: number | null;
	/** SvelteKit's navigation to the new URL done. */
	navigated: number | null;
	/** The last query's result back from DuckDB's worker. */
	queried: number | null;
	/** Sum of the queries' round trips (they queue in one worker). */
	queryMs: number;
	queries: number;
	/** The last chart's `setOption` returned. */
	optionsSet: number | null;
	/** Sum of the charts' `setOption` calls (each paints before it returns). */
	setOptionMs: number;
}

/**
 * A page expression (a string, so that no bundler helper leaks into the page) giving the
 * {@link ChangePhases} of the spans that started at or after `t0`; it clears them.
 */
export function changePhasesScript(t0: number): string {
	return String.raw`(() => {
		const t0 = ${t0};
		const spans = performance.getEntriesByType('measure').filter((e) => e.name.startsWith('bl:') && e.startTime >= t0 - 0.5);
		const of = (name) => spans.filter((e) => e.name === 'bl:' + name);
		const lastEnd = (name) => {
			const xs = of(name);
			return xs.length ? Math.max(...xs.map((e) => e.startTime + e.duration)) - t0 : null;
		};
		const sum = (name) => of(name).reduce((a, e) => a + e.duration, 0);
		performance.clearMeasures();
		const queries = of('query');
		return {
			posted: queries.length ? Math.min(...queries.map((e) => e.startTime)) - t0 : null,
			navigated: lastEnd('navigate'),
			queried: lastEnd('query'),
			queryMs: sum('query'),
			queries: of('query').length,
			optionsSet: lastEnd('chart:setOption'),
			setOptionMs: sum('chart:setOption')
		};
	})()`;
}

/** Medians of the phases over the changes, as console lines. */
export function phaseLines(phases: ChangePhases[]): string[] {
	if (phases.length === 0) return [];
	const med = (xs: (number | null)[]) => {
		const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
		return v.length ? `${Math.round(v[Math.floor(v.length / 2)]!)} ms` : 'n/a';
	};
	return [
		`phases of a change (median of ${phases.length}, ms after the change): first query sent ${med(phases.map((p) => p.posted))}, navigation done ${med(phases.map((p) => p.navigated))}, ` +
			`last query back ${med(phases.map((p) => p.queried))} (${med(phases.map((p) => p.queries))} queries, ${med(phases.map((p) => p.queryMs))} of round trips), ` +
			`last setOption done ${med(phases.map((p) => p.optionsSet))} (${med(phases.map((p) => p.setOptionMs))} in setOption)`
	];
}
