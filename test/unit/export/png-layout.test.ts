/** Where the caption goes around a saved chart image. */
import { describe, expect, it } from 'vitest';
import type { Caption } from '$lib/export/caption';
import { pngLayout } from '$lib/export/png-layout';

const caption: Caption = {
	title: '各类支出金额',
	filters: '筛选条件：地区 全部；年度 全部；类型 预算和决算（分列）；部门 全部；科目 全部',
	unit: '单位：万元',
	sources: '来源：甲区·财政局 2022年决算、甲区·财政局 2023年预算、乙县·审计局 2023年预算 等5份公开文件',
	date: '生成日期：2026年12月1日'
};
// every character 24 device pixels wide (12 px body text at 2×), titles 32
const measure = (text: string, style: 'title' | 'body') => [...text].length * (style === 'title' ? 32 : 24);

describe('pngLayout', () => {
	it('puts title, filters and unit above the image and sources and date below it', () => {
		const image = { width: 2000, height: 700 };
		const l = pngLayout(caption, image, measure, 2);
		const texts = l.texts.map((t) => t.text);
		expect(texts).toEqual([caption.title, caption.filters, caption.unit, caption.sources, caption.date]);
		const unit = l.texts[2];
		const sources = l.texts[3];
		expect(unit.y).toBeLessThan(l.image.y);
		expect(sources.y).toBeGreaterThanOrEqual(l.image.y + image.height);
		expect(l.width).toBe(2000);
		expect(l.height).toBeGreaterThan(image.height + 5 * 24);
		expect(l.texts[0].style).toBe('title');
	});

	it('wraps long lines to the image width and widens a narrow chart to a readable caption', () => {
		const l = pngLayout(caption, { width: 600, height: 400 }, measure, 2);
		expect(l.width).toBe(960); // 480 CSS px at 2×
		expect(l.image.x).toBe(180); // centred
		const pad = 32;
		for (const t of l.texts) expect(measure(t.text, t.style)).toBeLessThanOrEqual(l.width - 2 * pad);
		expect(l.texts.filter((t) => t.style === 'body').map((t) => t.text).join('')).toBe(
			[caption.filters, caption.unit, caption.sources, caption.date].join('')
		);
		const ys = l.texts.map((t) => t.y);
		expect([...ys].sort((a, b) => a - b)).toEqual(ys);
	});
});
