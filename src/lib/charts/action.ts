/**
 * `use:echarts` — the one owner of an ECharts instance's life: init on mount, `setOption` on
 * every update (never a re-init, which costs ~10× a setOption and drops handlers), a debounced
 * ResizeObserver, a resize before printing, and dispose on destroy.
 *
 * Handlers are attached once to a dispatcher that reads the *latest* parameters, so a click
 * handler passed in a later update is never lost and a stale one is never called.
 */
import type { Action } from 'svelte/action';
import type { ECElementEvent, EChartsType } from 'echarts/core';
import { span } from '$lib/components/perf-spans';
import { eChartsInTaskOfItsOwn, type EChartsRuntime } from './load-echarts';
import { withRenderPolicy } from './policy';
import { rehearse } from './rehearsal';
import { noteDraw } from './draws';
import type { ChartOption } from './types';

export interface EChartsParams {
	/** The option to show; `null` clears the chart (the wrapper shows an empty/error message). */
	option: ChartOption | null;
	/** Called when a data item is clicked (e.g. a treemap node for drill-down). */
	onClick?: (event: ECElementEvent) => void;
	/**
	 * Called once per `option` when the pixels for that option are on the canvas. The wrapper
	 * turns this into `data-chart-state="ready"`.
	 */
	onRendered?: () => void;
}

/** The chart's element, carrying its ECharts instance for the browser tests (see below). */
export type ChartHost = HTMLElement & { echarts?: EChartsType };

/** Quiet period before a resize: a window drag fires ResizeObserver dozens of times a second. */
const RESIZE_DEBOUNCE_MS = 80;

/** Every component type registered in ./echarts.ts but the tooltip (see `apply`). */
const REPLACED_ON_UPDATE = ['series', 'xAxis', 'yAxis', 'grid', 'legend'];

/**
 * The Svelte action: `<div use:echartsAction={{ option, onClick, onRendered }}>`.
 *
 * The instance is created, and the first option drawn, in a task of its own just after mounting:
 * mounting runs inside the page's hydration, and creating and drawing every chart there made
 * one long main-thread task of both (the page stayed unresponsive until all were drawn). For the
 * same reason a chart's first figures, when they come later (a query answered), are drawn in a task
 * of their own: a view's queries answer together when DuckDB is ready, and drawing three or four
 * charts for the first time in one Svelte update was a task of 0.4–0.55 s at 30,000 documents.
 * Later options are set at once (a filter change). ECharts itself is loaded then, if nothing has
 * loaded it yet (./load-echarts), and a chart's first option of a shape new to the page is
 * rehearsed off-screen first (./rehearsal).
 */
export const echartsAction: Action<HTMLElement, EChartsParams> = (node, initial) => {
	let params = initial;
	let chart: EChartsType | null = null;
	/** A non-null option has been drawn (the costly first draw is behind). */
	let drawn = false;
	let firstDraw: ReturnType<typeof setTimeout> | undefined;
	let destroyed = false;

	function apply(chart: EChartsType, option: ChartOption | null): void {
		if (option === null) {
			chart.clear();
			return;
		}
		drawn = true;
		noteDraw();
		const name = node.closest('[data-chart]')?.getAttribute('data-chart') ?? undefined;
		const endSet = span('chart:setOption', name);
		// A new filter can remove series, axes or categories, so every component type is replaced
		// rather than merged — except the tooltip: replacing it (as `notMerge` does) rebuilds its DOM
		// and forces a layout on every update, and each option sets the tooltip whole anyway.
		chart.setOption(withRenderPolicy(option), { replaceMerge: REPLACED_ON_UPDATE });
		endSet();
		// A non-lazy setOption paints before it returns (zrender's flush), and the policy leaves
		// nothing to later frames (no animation, no progressive rendering): the chart is drawn now.
		// ECharts' own `finished` would come one animation frame later — on a cold page, after the
		// browser has laid out and painted everything else first.
		queueMicrotask(() => params.onRendered?.());
	}

	/**
	 * A chart's first option: when no option of its shape has been drawn on the page yet, a
	 * miniature is drawn off-screen now and the option itself in a task after this one (./rehearsal).
	 * The page's first chart creates the off-screen chart first, in a task before that.
	 */
	function drawFirst(instance: EChartsType, runtime: EChartsRuntime): void {
		const option = params.option;
		const stage = () => runtime.offscreenChart(node.clientWidth, node.clientHeight);
		if (option !== null && !runtime.offscreenChartReady()) {
			stage();
			firstDraw = setTimeout(() => {
				if (!destroyed) drawFirst(instance, runtime);
			}, 0);
			return;
		}
		const name = node.closest('[data-chart]')?.getAttribute('data-chart') ?? undefined;
		const endRehearsal = span('chart:rehearsal', name);
		const rehearsed = option !== null && rehearse(option, stage, (offscreen, mini) => offscreen.setOption(withRenderPolicy(mini), { notMerge: true }));
		endRehearsal();
		if (!rehearsed) return apply(instance, option);
		firstDraw = setTimeout(() => {
			if (chart) apply(chart, params.option);
		}, 0);
	}

	let resizeTimer: ReturnType<typeof setTimeout> | undefined;
	/** The element's size when the chart last took it (init or resize). */
	let chartSize = '';
	const sizeOf = (): string => `${node.clientWidth}×${node.clientHeight}`;
	function resize(chart: EChartsType): void {
		const end = span('chart:resize', node.closest('[data-chart]')?.getAttribute('data-chart') ?? undefined);
		chartSize = sizeOf();
		chart.resize();
		end();
	}
	// A ResizeObserver reports the element once as soon as it observes it, and a resize lays out
	// and draws the whole chart again: that redraw, of a chart drawn a moment before at the same
	// size, was a task of its own (0.13 s for the overview's by-year chart at a whole city). Only
	// a new size is drawn.
	const observer = new ResizeObserver(() => {
		clearTimeout(resizeTimer);
		resizeTimer = setTimeout(() => {
			if (chart && sizeOf() !== chartSize) resize(chart);
		}, RESIZE_DEBOUNCE_MS);
	});
	// The print layout widens charts to the page; a debounced resize would come after the
	// browser has already laid out the printout, so resize synchronously here.
	const onPrint = (): void => {
		if (chart) resize(chart);
	};

	let runtime: EChartsRuntime | null = null;
	const startTimer = setTimeout(async () => {
		runtime = await eChartsInTaskOfItsOwn();
		if (destroyed) return;
		const instance = runtime.echarts.init(node, undefined, { renderer: 'canvas' });
		chart = instance;
		chartSize = sizeOf();
		// The browser tests read what a chart draws (its option, its labels) from the page through
		// this; ECharts keeps its instances in a module the page cannot otherwise reach.
		(node as ChartHost).echarts = instance;
		instance.on('click', (event) => params.onClick?.(event as ECElementEvent));
		observer.observe(node);
		window.addEventListener('beforeprint', onPrint);
		window.addEventListener('afterprint', onPrint);
		// drawn a task later: creating the instance and a first draw (or its rehearsal) in one task
		// was the overview's longest task on the seeds
		const ready = runtime;
		firstDraw = setTimeout(() => {
			if (!destroyed) drawFirst(instance, ready);
		}, 0);
	}, 0);

	return {
		update(next) {
			const optionChanged = next.option !== params.option;
			params = next;
			if (!chart || !optionChanged) return;
			clearTimeout(firstDraw);
			if (drawn || next.option === null) apply(chart, next.option);
			else
				firstDraw = setTimeout(() => {
					if (chart && runtime) drawFirst(chart, runtime);
				}, 0);
		},
		destroy() {
			destroyed = true;
			clearTimeout(startTimer);
			clearTimeout(firstDraw);
			observer.disconnect();
			clearTimeout(resizeTimer);
			window.removeEventListener('beforeprint', onPrint);
			window.removeEventListener('afterprint', onPrint);
			delete (node as ChartHost).echarts;
			chart?.dispose();
		}
	};
};

/**
 * The chart in `node` as a PNG data URL (white background, 2× for print), or null when no chart
 * is mounted there.
 */
export function chartPng(node: HTMLElement): string | null {
	const chart = (node as ChartHost).echarts;
	if (!chart) return null;
	return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
}
