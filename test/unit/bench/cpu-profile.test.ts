/** bench:app --profile: where a profile's time went, from Chromium's own profile and trace shapes. */
import { describe, expect, it } from 'vitest';
import { cpuByThread, mainThreadTimes, metricLines, summarizeProfile, type CpuProfile } from '../../../scripts/lib/cpu-profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

describe('summarizeProfile', () => {
	// root → setOption (chunk-a.js) → clearRect (native); root → (idle); root → (program)
	const profile: CpuProfile = {
		nodes: [
			{ id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
			{ id: 2, callFrame: frame('setOption', 'http://127.0.0.1/_app/immutable/chunks/chunk-a.js?v=1', 14), children: [3] },
			{ id: 3, callFrame: frame('clearRect') },
			{ id: 4, callFrame: frame('(idle)') },
			{ id: 5, callFrame: frame('(program)') }
		],
		// sample i took timeDeltas[i] µs
		samples: [2, 3, 3, 4, 4, 4, 5],
		timeDeltas: [1000, 2000, 2000, 3000, 3000, 3000, 500],
		startTime: 0,
		endTime: 14_500
	};

	it('adds each sample’s time to its function and file, idle apart', () => {
		const s = summarizeProfile(profile);
		expect(s.totalMs).toBe(14.5);
		expect(s.idleMs).toBe(9);
		expect(s.byFunction).toEqual([
			{ name: 'clearRect', ms: 4 },
			{ name: 'setOption chunk-a.js:15:1', ms: 1 },
			{ name: '(program)', ms: 0.5 }
		]);
		expect(s.byFile.map((f) => f.name)).toEqual(['clearRect', 'chunk-a.js', '(program)']);
	});
});

describe('mainThreadTimes', () => {
	it('counts complete events of the renderer main thread only, by name', () => {
		const events = [
			{ name: 'thread_name', ph: 'M', pid: 1, tid: 7, args: { name: 'CrRendererMain' } },
			{ name: 'thread_name', ph: 'M', pid: 1, tid: 8, args: { name: 'DedicatedWorker thread' } },
			{ name: 'RunTask', ph: 'X', pid: 1, tid: 7, dur: 5000 },
			{ name: 'Layout', ph: 'X', pid: 1, tid: 7, dur: 1500 },
			{ name: 'Layout', ph: 'X', pid: 1, tid: 7, dur: 500 },
			{ name: 'RunTask', ph: 'X', pid: 1, tid: 8, dur: 9000 },
			{ name: 'RunTask', ph: 'B', pid: 1, tid: 7 }
		];
		expect(mainThreadTimes(events)).toEqual([
			{ name: 'RunTask', ms: 5 },
			{ name: 'Layout', ms: 2 }
		]);
	});
});

describe('the page renderer in a trace with Chromium’s own UI renderer', () => {
	// new headless mode: pid 2 is Chrome's UI (a WebUI renderer), pid 1 the page with DuckDB's worker
	const events = [
		{ name: 'thread_name', ph: 'M', pid: 2, tid: 3, args: { name: 'CrRendererMain' } },
		{ name: 'thread_name', ph: 'M', pid: 1, tid: 7, args: { name: 'CrRendererMain' } },
		{ name: 'thread_name', ph: 'M', pid: 1, tid: 8, args: { name: 'DedicatedWorker thread' } },
		{ name: 'thread_name', ph: 'M', pid: 1, tid: 9, args: { name: 'ThreadPoolForegroundWorker' } },
		{ name: 'RunTask', ph: 'X', pid: 2, tid: 3, dur: 40_000, tdur: 30_000 },
		{ name: 'RunTask', ph: 'X', pid: 1, tid: 7, dur: 9_000, tdur: 6_000 },
		{ name: 'RunTask', ph: 'X', pid: 1, tid: 8, dur: 12_000, tdur: 2_500 },
		{ name: 'wasm.TopTierCompilation', ph: 'X', pid: 1, tid: 9, dur: 50_000, tdur: 20_000 },
		{ name: 'wasm.TopTierCompilation', ph: 'X', pid: 1, tid: 9, dur: 5_000, tdur: 4_000 },
		{ name: 'wasm.CompileLazy', ph: 'X', pid: 1, tid: 8, dur: 700, tdur: 500 }
	];

	it('mainThreadTimes reads the page’s main thread, not the UI renderer’s', () => {
		expect(mainThreadTimes(events)).toEqual([{ name: 'RunTask', ms: 9 }]);
	});

	it('cpuByThread adds thread time (not wall time) per part', () => {
		expect(cpuByThread(events)).toEqual({ main: 6, worker: 2.5, wasmTopTier: 24, wasmLazy: 0.5 });
	});
});

describe('metricLines', () => {
	it('gives what the counters grew by, per change', () => {
		const [line] = metricLines(
			{ TaskDuration: 1, ScriptDuration: 0.5, LayoutDuration: 0.1, LayoutCount: 10, RecalcStyleDuration: 0, RecalcStyleCount: 0 },
			{ TaskDuration: 2, ScriptDuration: 0.7, LayoutDuration: 0.14, LayoutCount: 18, RecalcStyleDuration: 0.02, RecalcStyleCount: 4, Nodes: 900 },
			4
		);
		expect(line).toBe('per change (4 changes): task 250.0 ms, script 50.0 ms, layout 10.0 ms in 2.0 layouts, style 5.0 ms in 1.0 recalcs, DOM nodes 900');
	});
});
