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
import { LabelLayout } from 'echarts/features';
import { recordTile } from './tile-layout';

/** zrender's default, used when a font is not given. */
const DEFAULT_FONT = '12px sans-serif';

let measuring: CanvasRenderingContext2D | null | undefined;
let measuringFont = '';

/**
 * C0 control characters and DEL, except the white space the text face has (tab, line feed …):
 * zrender measures every code 0–127 once per font for its width table, at a chart's first draw.
 * No font has these, so each costs Chromium a fallback search over the system's fonts — 5–60 ms
 * apiece while DuckDB loads, ≈ 0.35 s of every view's first draw at 30,000 documents. They are
 * never drawn (labels hold none); their width is the one em the canvas gives them (its box for a
 * missing glyph), without asking it.
 */
const UNDRAWN = /^[\u0000-\u0008\u000e-\u001f\u007f]+$/;

/** The px size of a CSS font (`bold 12px sans-serif` → 12). */
function fontSize(font: string | undefined): number {
	return Number(/(\d+(?:\.\d+)?)px/.exec(font || DEFAULT_FONT)?.[1] ?? 12);
}

/**
 * ECharts lays text out by measuring it on a canvas of its own that is never attached to the page,
 * so it knows no language: `sans-serif` there is the browser's Latin default, which has no Chinese
 * glyphs. Each Chinese character it meets for the first time then costs a system font-fallback
 * lookup (on Linux ≈ 0.3–1.5 ms each through fontconfig — tens of ms on a filter change that brings
 * new labels), and the widths differ from those of the chart's own canvas, which sits in
 * `<html lang="zh-CN">` and draws with the Chinese face (`北碚区·预算` measured 63 px, drawn 72 px).
 * Measuring in the page's language gives the widths the chart draws with, without the lookups.
 */
export function measureText(text: string, font?: string): { width: number } {
	if (UNDRAWN.test(text)) return { width: text.length * fontSize(font) };
	if (measuring === undefined) {
		// no document when the build draws a chart's still (see $lib/server/still-chart)
		measuring = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
		const lang = measuring ? document.documentElement.lang : '';
		// `lang` on a 2D context: Chromium ≥ 135, Firefox ≥ 143; elsewhere the old behaviour.
		if (measuring && lang && 'lang' in measuring) (measuring as CanvasRenderingContext2D & { lang: string }).lang = lang;
	}
	if (!measuring) return { width: estimateWidth(text, fontSize(font)) };
	const wanted = font || DEFAULT_FONT;
	if (measuringFont !== wanted) measuring.font = measuringFont = wanted;
	return measuring.measureText(text);
}

/**
 * Width without a canvas: a Chinese character (or any wide one) is one em, anything else about
 * half of one — close to the sans faces' digits and Latin letters, so axis labels and legends are
 * laid out nearly as the page lays them out.
 */
export function estimateWidth(text: string, size: number): number {
	let ems = 0;
	for (const ch of text) ems += /[\u2E80-\uFFEF]/u.test(ch) ? 1 : 0.55;
	return ems * size;
}

echarts.setPlatformAPI({ measureText });

echarts.use([
	BarChart,
	LineChart,
	TreemapChart,
	GridComponent,
	LegendComponent,
	TooltipComponent,
	// `labelLayout` (hideOverlap on bar value labels) does nothing unless this is registered
	LabelLayout,
	// Canvas (not SVG) so that `getDataURL` yields a PNG for the "保存 PNG" button.
	CanvasRenderer
]);

/**
 * Right after the treemap's own layout (priority one above it), record each tile's size for the
 * label formatters (see ./tile-layout.ts): a label is then composed to fit its tile, never cut.
 */
echarts.registerLayout(echarts.PRIORITY.VISUAL.LAYOUT + 1, (ecModel) => {
	ecModel.eachSeriesByType('treemap', (series) => {
		const data = series.getData();
		data.each((i) => {
			const item = data.getRawDataItem(i);
			const layout = data.getItemLayout(i) as Partial<TileLayoutFields> | undefined;
			if (item === null || typeof item !== 'object' || !layout) return;
			recordTile(item, {
				width: layout.width ?? 0,
				height: layout.height ?? 0,
				borderWidth: layout.borderWidth ?? 0,
				upperHeight: layout.upperHeight ?? 0
			});
		});
	});
});

/** The fields of a treemap item's layout that the labels need (ECharts does not export the type). */
interface TileLayoutFields {
	width: number;
	height: number;
	borderWidth: number;
	upperHeight: number;
}

export { echarts };
