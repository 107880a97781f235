/**
 * The still picture of a chart drawn at build time (src/lib/server/still-chart.ts): ECharts' SVG
 * renderer over the same option, text escaped, and carried as an image URL.
 */
import { describe, expect, it } from 'vitest';
import { estimateWidth } from '../../../src/lib/charts/echarts';
import { stillChartSvg, stillChartUrl } from '../../../src/lib/server/still-chart';
import type { ChartOption } from '../../../src/lib/charts/types';

const option = (category: string): ChartOption => ({
	xAxis: { type: 'value', name: '万元' },
	yAxis: { type: 'category', data: [category] },
	series: [{ type: 'bar', name: '基本支出', data: [1234.5], label: { show: true, formatter: '1,234.50' } }]
});

describe('stillChartSvg', () => {
	it('draws the option’s axis names, categories and labels at the size asked', () => {
		const svg = stillChartSvg(option('某区·教育'), { width: 400, height: 200 });
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('viewBox="0 0 400 200"');
		for (const text of ['万元', '某区·教育', '1,234.50']) expect(svg).toContain(text);
		expect(svg).toMatch(/<path[^>]*d="M/); // the bar itself
	});

	it('escapes text from the data: markup in a name stays text', () => {
		const svg = stillChartSvg(option('<script>alert(1)</script>&'), { width: 400, height: 200 });
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;');
	});
});

describe('stillChartUrl', () => {
	it('is a data URL of the SVG with nothing left unescaped, or null for no chart', () => {
		const url = stillChartUrl(option('北碚区'), { width: 300, height: 150 })!;
		expect(url.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true);
		expect(url).not.toMatch(/[<>"#\s]/);
		expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toContain('北碚区');
		expect(stillChartUrl(null, { width: 300, height: 150 })).toBeNull();
	});
});

describe('estimateWidth (text measured without a canvas)', () => {
	it('counts a Chinese character as one em and a digit or Latin letter as about half', () => {
		expect(estimateWidth('预算', 12)).toBe(24);
		expect(estimateWidth('1,000', 10)).toBeCloseTo(27.5);
		expect(estimateWidth('北碚区 2023', 12)).toBeCloseTo(36 + 5 * 6.6);
	});
});
