/**
 * The printed briefing's geometry: A4 landscape, and the size a chart is drawn at on paper. The
 * print rules in src/lib/styles/app.css use the same millimetres (a unit test reads them), so the
 * ECharts canvas resized to {@link printChartSize} before printing is exactly the box the printout
 * lays it into — not the screen's size, which would be cut off or leave the page half empty.
 */

/** A4 landscape, in millimetres, and the @page margins. */
export const PRINT_PAGE = { width: 297, height: 210, marginY: 10, marginX: 12 } as const;

/** A chart's drawing area on paper: the page's full text width, about half its height. */
export const PRINT_CHART_MM = { width: PRINT_PAGE.width - 2 * PRINT_PAGE.marginX, height: 110 } as const;

/** CSS pixels per millimetre (96 px per inch). */
const PX_PER_MM = 96 / 25.4;

/** The chart's print size in CSS pixels, rounded down so it never overflows its box. */
export function printChartSize(): { width: number; height: number } {
	return { width: Math.floor(PRINT_CHART_MM.width * PX_PER_MM), height: Math.floor(PRINT_CHART_MM.height * PX_PER_MM) };
}
