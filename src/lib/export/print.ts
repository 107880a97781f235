/**
 * The printed page's geometry: A4 portrait, a briefing (a page with the briefing header) A4
 * landscape, and the size a chart is drawn at on paper. The print rules in src/lib/styles/app.css
 * use the same millimetres (a unit test reads them), so the ECharts canvas resized to
 * {@link printChartSize} before printing is exactly the box the printout lays it into — not the
 * screen's size, which would be cut off or leave the page half empty.
 */

/** A4 landscape (a briefing), in millimetres, and the @page margins. */
export const PRINT_PAGE = { width: 297, height: 210, marginY: 10, marginX: 12 } as const;

/** A4 portrait (every other page), with the same margins. */
export const PRINT_PORTRAIT = { ...PRINT_PAGE, width: PRINT_PAGE.height, height: PRINT_PAGE.width } as const;

/** A chart's drawing area on a briefing's paper: the page's full text width, about half its height. */
export const PRINT_CHART_MM = { width: PRINT_PAGE.width - 2 * PRINT_PAGE.marginX, height: 110 } as const;

/** The same on portrait paper: the text width, the same height. */
export const PRINT_CHART_PORTRAIT_MM = { width: PRINT_PORTRAIT.width - 2 * PRINT_PORTRAIT.marginX, height: 110 } as const;

/** CSS pixels per millimetre (96 px per inch). */
const PX_PER_MM = 96 / 25.4;

/**
 * The chart's print size in CSS pixels, rounded down so it never overflows its box: on a
 * briefing's landscape page (the default: a saved PNG is drawn at least that wide) or portrait.
 */
export function printChartSize(landscape = true): { width: number; height: number } {
	const mm = landscape ? PRINT_CHART_MM : PRINT_CHART_PORTRAIT_MM;
	return { width: Math.floor(mm.width * PX_PER_MM), height: Math.floor(mm.height * PX_PER_MM) };
}

/** True when `doc` prints on landscape paper: a briefing, marked by its header. */
export function printsLandscape(doc: Pick<Document, 'querySelector'>): boolean {
	return doc.querySelector('[data-briefing-header]') !== null;
}
