/**
 * The print rules in app.css and the size ChartFrame draws a chart at
 * before printing describe the same paper: A4 portrait, a briefing A4 landscape, the same margins,
 * the same chart box.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRINT_CHART_MM, PRINT_CHART_PORTRAIT_MM, PRINT_PAGE, printChartSize, printsLandscape } from '$lib/export/print';

const css = readFileSync(new URL('../../../src/lib/styles/app.css', import.meta.url), 'utf8');

/** The declarations of the first rule for `selector` after `from`. */
function declarations(selector: string, from = 0): Record<string, string> {
	const at = css.indexOf(`${selector} {`, from);
	if (at < 0) throw new Error(`no rule ${selector}`);
	const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
	return Object.fromEntries(
		body
			.split(';')
			.map((d) => d.split(':').map((s) => s.trim()))
			.filter((d) => d.length === 2 && d[0] !== '')
	);
}

describe('print geometry', () => {
	it('prints on A4 portrait with the margins print.ts assumes, a briefing on A4 landscape', () => {
		const page = declarations('@page');
		expect(page.size).toBe('A4 portrait');
		expect(page.margin).toBe(`${PRINT_PAGE.marginY}mm ${PRINT_PAGE.marginX}mm`);
		expect([PRINT_PAGE.width, PRINT_PAGE.height]).toEqual([297, 210]);
		// only the page with the briefing header turns the paper
		expect(declarations('@page briefing').size).toBe('A4 landscape');
		expect(declarations('body:has([data-briefing-header])', css.indexOf('@media print')).page).toBe('briefing');
		expect(printsLandscape({ querySelector: (s: string) => (s === '[data-briefing-header]' ? ({} as Element) : null) })).toBe(true);
		expect(printsLandscape({ querySelector: () => null })).toBe(false);
	});

	it('gives a chart on paper the box ChartFrame draws it for', () => {
		const print = css.indexOf('@media print');
		const body = declarations('.chart-body', print);
		expect(body.width).toBe(`${PRINT_CHART_PORTRAIT_MM.width}mm`);
		expect(body.height).toBe(`${PRINT_CHART_MM.height}mm !important`);
		expect(PRINT_CHART_PORTRAIT_MM.width).toBe(210 - 2 * PRINT_PAGE.marginX);
		expect(declarations('.page:has([data-briefing-header]) .chart-body', print).width).toBe(`${PRINT_CHART_MM.width}mm`);
		expect(PRINT_CHART_MM.width).toBe(297 - 2 * PRINT_PAGE.marginX);
		// 273 mm × 96/25.4 = 1031.8 px; 110 mm = 415.7 px: rounded down, never wider than the box
		expect(printChartSize()).toEqual({ width: 1031, height: 415 });
		// 186 mm = 702.9 px
		expect(printChartSize(false)).toEqual({ width: 702, height: 415 });
	});

	it('leaves room on a page for a chart with its title, so no page holds only a part', () => {
		const usable = PRINT_PAGE.height - 2 * PRINT_PAGE.marginY;
		expect(PRINT_CHART_MM.height + 20).toBeLessThan(usable);
	});
});
