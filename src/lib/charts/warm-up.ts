/**
 * A view's first chart is drawn cold: ECharts' code runs for the first time (V8 compiles it
 * lazily, function by function), and each CJK glyph its labels use is loaded from the font for the
 * first time (≈ 1 ms apiece in Chromium). At 30,000 documents that made the first draw a
 * main-thread task of 0.3–0.5 s, just when DuckDB answers. While DuckDB loads, the main thread is
 * idle for seconds: this measures the names the charts will label and draws small charts off-screen,
 * in idle slices short enough not to be long tasks themselves. Once per page load.
 */
import { span } from '$lib/components/perf-spans';
import type { EChartsType } from 'echarts/core';
import { chartDraws } from './draws';
import { eChartsInTaskOfItsOwn, type EChartsRuntime } from './load-echarts';
import { withRenderPolicy } from './policy';
import type { ChartOption } from './types';

/** Characters measured per idle slice (≈ 1 ms each when new to the font). */
const GLYPHS_PER_SLICE = 24;
/** What every view labels besides names: kinds, units, years, the measures. */
const COMMON_TEXT = '0123456789,.%-– 年预算决算万元合计基本支出项目人员经费公用“三公”因公出国（境）公务用车购置及运行维护接待执行率较上增减其他';

let started = false;

/** Distinct characters of `texts`, in first-seen order. */
export function distinctGlyphs(texts: readonly string[]): string[] {
	return [...new Set([...texts.join('')])].filter((c) => c.trim() !== '');
}

/**
 * Options of growing scope, drawn one per idle slice: each runs for the first time only the code
 * the one before it did not (an empty option, axes and a bar series, then labels, a legend, a
 * tooltip and a line). Together they take the code paths of every view's first draw. The empty
 * option's first draw stays the longest (150–250 ms at 30,000 documents on 2 busy cores): that is
 * ECharts' and zrender's first run, which cannot be split further from outside.
 */
function sampleOptions(labels: readonly string[]): ChartOption[] {
	const categories = labels.length ? labels.slice(0, 6) : ['预算', '决算'];
	const axes = { xAxis: { type: 'category', data: [...categories] }, yAxis: { type: 'value', name: '万元' } };
	const values = (base: number) => categories.map((_, i) => base + i);
	return [
		{},
		{ ...axes, series: [{ type: 'bar', data: values(100) }] },
		{ ...axes, grid: { containLabel: true }, series: [{ type: 'bar', name: '预算', data: values(100), label: { show: true, position: 'top' } }] },
		{
			...axes,
			grid: { containLabel: true },
			legend: {},
			tooltip: { trigger: 'axis' },
			series: [
				{ type: 'bar', name: '预算', data: values(100), label: { show: true, position: 'top' } },
				{ type: 'line', name: '决算', data: values(90) }
			]
		}
	] as ChartOption[];
}

/**
 * Schedules the warm-up in idle slices: loading ECharts, the glyphs of `names` and the common
 * labels, then the off-screen draws of {@link sampleOptions}. Once a real chart has been drawn the
 * rest is skipped (it would only compete with the reader's page).
 */
export function warmUpCharts(names: readonly string[]): void {
	if (started || typeof window === 'undefined' || typeof requestIdleCallback !== 'function') return;
	started = true;
	requestIdleCallback(() => void eChartsInTaskOfItsOwn().then((runtime) => warmUp(runtime, names)), { timeout: 2000 });
}

function warmUp({ measureText, offscreenChart }: EChartsRuntime, names: readonly string[]): void {
	const glyphs = distinctGlyphs([COMMON_TEXT, ...names]);
	const slices: (() => void)[] = [];
	for (let i = 0; i < glyphs.length; i += GLYPHS_PER_SLICE) {
		const text = glyphs.slice(i, i + GLYPHS_PER_SLICE).join('');
		slices.push(() => void measureText(text));
	}
	let chart: EChartsType | null = null;
	slices.push(() => {
		chart = offscreenChart(480, 320);
	});
	// lazyUpdate: the option is merged now and laid out and drawn at the next frame, a task of its
	// own — the first option's two halves together were a task of 120–290 ms
	for (const option of sampleOptions(names)) slices.push(() => chart?.setOption(withRenderPolicy(option), { notMerge: true, lazyUpdate: true }));
	const next = (): void => {
		const slice = slices.shift();
		// once a real chart has been drawn on this page load, what is left of the warm-up is skipped
		if (!slice || chartDraws.count > 0) return;
		const end = span('chart:warm-up', String(slices.length));
		slice();
		end();
		requestIdleCallback(next, { timeout: 2000 });
	};
	requestIdleCallback(next, { timeout: 2000 });
}
