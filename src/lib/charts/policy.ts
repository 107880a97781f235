/**
 * The rendering policy every chart is drawn with — in the page (`use:echarts`) and in the still
 * drawn at build time ($lib/server/still-chart) — so the two draw the same picture.
 */
import type { ChartOption } from './types';

/**
 * Animation is off because the chart would otherwise be drawn over ~300 ms of frames after each
 * change, blowing the 100 ms filter-to-chart budget, and a printed briefing has no use for it.
 * `progressive: 0` never spreads a large series over several frames: a chart counts as drawn when
 * `setOption` returns.
 */
export function withRenderPolicy(option: ChartOption): ChartOption {
	// Series-level defaults win over the global switch for some types (the treemap animates its
	// layout for 900 ms unless its own series says otherwise), so switch both off.
	if (option.series === undefined) return { ...option, animation: false };
	const list = Array.isArray(option.series) ? option.series : [option.series];
	// A lone category (one district, one year) would otherwise get a bar as wide as the chart.
	const bars = list.map((s) => (s.type === 'bar' ? { barMaxWidth: 56, ...s } : s));
	return { ...option, animation: false, series: bars.map((s) => ({ ...s, animation: false, progressive: 0 })) } as ChartOption;
}
