/** The page's one off-screen chart, drawn by the warm-up (./warm-up) and rehearsals (./rehearsal). */
import type { EChartsType } from 'echarts/core';
import { echarts } from './echarts';

let stage: EChartsType | null = null;

/** Whether the off-screen chart has been created (creating it is a task's worth of work when cold). */
export function offscreenChartReady(): boolean {
	return stage !== null && !stage.isDisposed();
}

/**
 * An ECharts instance off-screen, for drawing what nobody sees. Its element is in the page (out of
 * view): a canvas outside the document has no language, so each Chinese glyph it drew would cost a
 * system font-fallback search (≈ 1 ms apiece, 0.3–0.5 s for a chart's labels) and would warm up
 * nothing the page's own charts use.
 */
export function offscreenChart(width: number, height: number): EChartsType {
	const size = { width: Math.max(width, 200), height: Math.max(height, 150) };
	if (stage === null || stage.isDisposed()) {
		const host = document.createElement('div');
		host.setAttribute('aria-hidden', 'true');
		// not on paper: a printout lays out fixed elements on every page
		host.className = 'no-print';
		host.style.cssText = `position:fixed;left:-100000px;top:0;width:${size.width}px;height:${size.height}px;visibility:hidden;pointer-events:none`;
		document.body.appendChild(host);
		stage = echarts.init(host, undefined, { renderer: 'canvas', ...size });
	} else stage.resize(size);
	return stage;
}
