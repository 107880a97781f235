/**
 * The charts' warm-up while DuckDB loads (charts/warm-up.ts): every glyph of the names and common
 * labels measured, then small off-screen draws — each in an idle slice of its own, at most once per
 * page load, and nothing more once a real chart has been drawn. ECharts and the idle queue are
 * stand-ins that record what they were asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const measured: string[] = [];
const calls: string[] = [];
vi.mock('../../../src/lib/charts/echarts', () => ({
	measureText: (text: string) => {
		measured.push(text);
		return { width: text.length * 12 };
	},
	echarts: {
		init: () => {
			calls.push('init');
			return {
				setOption: (o: { series?: { type: string }[] }) => calls.push(`setOption:${(o.series ?? []).map((s) => s.type).join('+')}`),
				dispose: () => calls.push('dispose')
			};
		}
	}
}));

type WarmUp = typeof import('../../../src/lib/charts/warm-up');
let idle: (() => void)[];
let warm: WarmUp;

beforeEach(async () => {
	measured.length = 0;
	calls.length = 0;
	idle = [];
	vi.stubGlobal('window', {});
	vi.stubGlobal('document', { createElement: () => ({}) });
	vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb));
	vi.stubGlobal('requestAnimationFrame', (cb: () => void) => cb());
	vi.resetModules();
	warm = await import('../../../src/lib/charts/warm-up');
});
afterEach(() => vi.unstubAllGlobals());

/** Runs the idle queue one slice at a time, as the browser would; how many slices ran. */
function drain(limit = 1000): number {
	let ran = 0;
	while (idle.length && ran < limit) {
		idle.shift()!();
		ran++;
	}
	return ran;
}

describe('warmUpCharts', () => {
	const names = ['沙坪坝区', '九龙坡区', '政务服务管理办公室'];

	it('measures every glyph of the names in slices of 24 at most, then draws growing options off-screen, one slice each', () => {
		warm.warmUpCharts(names);
		expect(idle).toHaveLength(1);
		drain();
		const glyphs = new Set(measured.join(''));
		for (const c of names.join('')) expect(glyphs.has(c)).toBe(true);
		for (const c of '预算决算万元年') expect(glyphs.has(c)).toBe(true);
		expect(measured.every((t) => [...t].length <= 24)).toBe(true);
		// each glyph once
		expect(measured.join('').length).toBe(glyphs.size);
		expect(calls).toEqual(['init', 'setOption:', 'setOption:bar', 'setOption:bar', 'setOption:bar+line', 'dispose']);
	});

	it('stops once a real chart is drawn, letting go of its off-screen chart', () => {
		warm.warmUpCharts(names);
		while (calls.length < 2 && drain(1) === 1); // up to the first off-screen option
		expect(calls).toEqual(['init', 'setOption:']);
		warm.noteChartDrawn();
		drain();
		expect(calls).toEqual(['init', 'setOption:', 'dispose']);
		expect(idle).toHaveLength(0);
	});

	it('runs once per page load', () => {
		warm.warmUpCharts(names);
		drain();
		const after = calls.length;
		warm.warmUpCharts(names);
		expect(drain()).toBe(0);
		expect(calls).toHaveLength(after);
	});

	it('lists distinct glyphs, without spaces', () => {
		expect(warm.distinctGlyphs(['区 区', '县'])).toEqual(['区', '县']);
	});
});
