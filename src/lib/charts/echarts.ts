/**
 * The one place ECharts is assembled. Importing from `echarts/core` and registering only the
 * charts and components the dashboard uses keeps the chunk small (the full `echarts` import is a
 * 1.1 MB chunk — see /work/shared/stack-notes.md). Add a chart type here (and to ./types.ts)
 * before using it in a builder, or ECharts silently renders nothing for that series.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

/** zrender's default, used when a font is not given. */
const DEFAULT_FONT = '12px sans-serif';

let measuring: CanvasRenderingContext2D | null | undefined;
let measuringFont = '';

/**
 * ECharts lays text out by measuring it on a canvas of its own that is never attached to the page,
 * so it knows no language: `sans-serif` there is the browser's Latin default, which has no Chinese
 * glyphs. Each Chinese character it meets for the first time then costs a system font-fallback
 * lookup (on Linux ≈ 0.3–1.5 ms each through fontconfig — tens of ms on a filter change that brings
 * new labels), and the widths differ from those of the chart's own canvas, which sits in
 * `<html lang="zh-CN">` and draws with the Chinese face (`北碚区·预算` measured 63 px, drawn 72 px).
 * Measuring in the page's language gives the widths the chart draws with, without the lookups.
 */
function measureText(text: string, font?: string): { width: number } {
	if (measuring === undefined) {
		measuring = document.createElement('canvas').getContext('2d');
		const lang = document.documentElement.lang;
		// `lang` on a 2D context: Chromium ≥ 135, Firefox ≥ 143; elsewhere the old behaviour.
		if (measuring && lang && 'lang' in measuring) (measuring as CanvasRenderingContext2D & { lang: string }).lang = lang;
	}
	if (!measuring) {
		// no canvas at all: zrender's own estimate is one em per character
		const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? DEFAULT_FONT)?.[1] ?? 12);
		return { width: size * text.length };
	}
	const wanted = font || DEFAULT_FONT;
	if (measuringFont !== wanted) measuring.font = measuringFont = wanted;
	return measuring.measureText(text);
}

echarts.setPlatformAPI({ measureText });

echarts.use([
	BarChart,
	LineChart,
	TreemapChart,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	// Canvas (not SVG) so that `getDataURL` yields a PNG for the "保存 PNG" button.
	CanvasRenderer
]);

export { echarts };
