/**
 * A chart drawn at build time as a still picture: the same option and rendering policy as the
 * page's ECharts canvas, rendered by ECharts' server-side SVG renderer. The overview shows it from
 * the first paint of the prerendered page, before the JavaScript that draws the live chart has
 * been fetched, compiled and run (≈ 0.5 s on a cold visit); the live chart replaces it.
 *
 * The SVG becomes an image's data URL, never markup in the page: text from disclosures stays
 * inside an image (where nothing runs) and is escaped by the SVG renderer and the attribute both.
 */
import { SVGRenderer } from 'echarts/renderers';
import { echarts } from '$lib/charts/echarts';
import { withRenderPolicy } from '$lib/charts/policy';
import type { ChartOption } from '$lib/charts/types';

echarts.use([SVGRenderer]);

/** The size a still is drawn at, in CSS pixels; the image scales to its box keeping its proportions. */
export interface StillSize {
	width: number;
	height: number;
}

/** The SVG document of `option` drawn at `size`. */
export function stillChartSvg(option: ChartOption, size: StillSize): string {
	const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
	try {
		chart.setOption(withRenderPolicy(option));
		return chart.renderToSVGString({ useViewBox: true });
	} finally {
		chart.dispose();
	}
}

/** `option` as a still's image URL (a `data:` URL of its SVG), or null when there is nothing to draw. */
export function stillChartUrl(option: ChartOption | null, size: StillSize): string | null {
	if (option === null) return null;
	return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(stillChartSvg(option, size))}`;
}
