/**
 * How ECharts measures text in the page (charts/echarts.ts `measureText`): on a canvas context in
 * the page's language, except the control characters zrender's width table asks for — those never
 * reach the canvas, where each costs a search of every system font.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Measure = (text: string, font?: string) => { width: number };

describe('measureText', () => {
	const asked: { text: string; font: string; lang: string }[] = [];
	let measure: Measure;

	beforeEach(async () => {
		asked.length = 0;
		const context = {
			font: '',
			lang: 'inherit',
			measureText(text: string) {
				asked.push({ text, font: this.font, lang: this.lang });
				return { width: 7 * text.length };
			}
		};
		vi.stubGlobal('document', {
			documentElement: { lang: 'zh-CN' },
			createElement: () => ({ getContext: () => context })
		});
		vi.resetModules();
		measure = (await import('../../../src/lib/charts/echarts')).measureText;
	});
	afterEach(() => vi.unstubAllGlobals());

	it('asks the page-language canvas for what is drawn, in the font asked for', () => {
		expect(measure('北碚区·2024年预算', 'bold 12px sans-serif').width).toBe(7 * '北碚区·2024年预算'.length);
		expect(measure(' ').width).toBe(7);
		expect(measure('\t').width).toBe(7);
		expect(asked).toEqual([
			{ text: '北碚区·2024年预算', font: 'bold 12px sans-serif', lang: 'zh-CN' },
			{ text: ' ', font: '12px sans-serif', lang: 'zh-CN' },
			{ text: '\t', font: '12px sans-serif', lang: 'zh-CN' }
		]);
	});

	it('answers zrender’s ASCII width table without the canvas for the control characters, one em each', () => {
		const widths: number[] = [];
		for (let code = 0; code <= 127; code++) widths.push(measure(String.fromCharCode(code), '10px sans-serif').width);
		// asked: tab … carriage return, and the printable ASCII
		expect(asked.map((a) => a.text.charCodeAt(0))).toEqual([9, 10, 11, 12, 13, ...Array.from({ length: 95 }, (_, i) => 32 + i)]);
		expect(widths[1]).toBe(10);
		expect(widths[0x1f]).toBe(10);
		expect(widths[0x7f]).toBe(10);
		expect(widths[65]).toBe(7);
	});
});
