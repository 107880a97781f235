/**
 * The charts' warm-up while DuckDB loads (charts/warm-up.ts): ECharts loaded, every glyph of the
 * names and common labels measured, then small off-screen draws — each in an idle slice of its own,
 * at most once per page load, and nothing more once a real chart has been drawn. ECharts' runtime
 * and the idle queue are stand-ins that record what they were asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const measured: string[] = [];
const calls: string[] = [];
vi.mock('../../../src/lib/charts/runtime', () => ({
	measureText: (text: string) => {
		measured.push(text);
		return { width: text.length * 12 };
	},
	offscreenChart: () => {
		calls.push('offscreen');
		return { setOption: (o: { series?: { type: string }[] }) => calls.push(`setOption:${(o.series ?? []).map((s) => s.type).join('+')}`) };
	}
}));

type WarmUp = typeof import('../../../src/lib/charts/warm-up');
let idle: (() => void)[];
let warm: WarmUp;
let draws: typeof import('../../../src/lib/charts/draws');

beforeEach(async () => {
	measured.length = 0;
	calls.length = 0;
	idle = [];
	vi.stubGlobal('window', {});
	vi.stubGlobal('document', { createElement: () => ({}) });
	vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb));
	vi.stubGlobal('setTimeout', (cb: () => void) => cb());
	vi.resetModules();
	warm = await import('../../../src/lib/charts/warm-up');
	draws = await import('../../../src/lib/charts/draws');
});
afterEach(() => vi.unstubAllGlobals());

/** Lets the runtime's import and the task after it resolve. */
const settle = () => new Promise<void>((resolve) => queueMicrotask(() => void Promise.resolve().then(() => setImmediate(resolve))));

/** Runs the idle queue one slice at a time, as the browser would; how many slices ran. */
async function drain(limit = 1000): Promise<number> {
	let ran = 0;
	while (idle.length && ran < limit) {
		idle.shift()!();
		ran++;
		await settle();
	}
	return ran;
}

describe('warmUpCharts', () => {
	const names = ['沙坪坝区', '九龙坡区', '政务服务管理办公室'];

	it('loads ECharts, measures every glyph of the names in slices of 24 at most, then draws growing options off-screen, one slice each', async () => {
		warm.warmUpCharts(names);
		expect(idle).toHaveLength(1);
		expect(measured).toEqual([]);
		await drain();
		const glyphs = new Set(measured.join(''));
		for (const c of names.join('')) expect(glyphs.has(c)).toBe(true);
		for (const c of '预算决算万元年') expect(glyphs.has(c)).toBe(true);
		expect(measured.every((t) => [...t].length <= 24)).toBe(true);
		// each glyph once
		expect(measured.join('').length).toBe(glyphs.size);
		expect(calls).toEqual(['offscreen', 'setOption:', 'setOption:bar', 'setOption:bar', 'setOption:bar+line']);
	});

	it('stops once a real chart is drawn', async () => {
		warm.warmUpCharts(names);
		while (calls.length < 2 && (await drain(1)) === 1); // up to the first off-screen option
		expect(calls).toEqual(['offscreen', 'setOption:']);
		draws.noteDraw();
		await drain();
		expect(calls).toEqual(['offscreen', 'setOption:']);
		expect(idle).toHaveLength(0);
	});

	it('runs once per page load', async () => {
		warm.warmUpCharts(names);
		await drain();
		const after = calls.length;
		warm.warmUpCharts(names);
		expect(await drain()).toBe(0);
		expect(calls).toHaveLength(after);
	});

	it('lists distinct glyphs, without spaces', () => {
		expect(warm.distinctGlyphs(['区 区', '县'])).toEqual(['区', '县']);
	});
});
