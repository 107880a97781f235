/** The briefing caption: filters in Chinese, sources shortened, the date, wrapping for the PNG. */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, type Filters } from '$lib/filters/model';
import { briefingCaption, captionTextEntries, dateText, filtersText, sourcesText, wrapText } from '$lib/export/caption';
import type { SourceDoc } from '$lib/export/sources';

const source = (district: string, unit: string, year: number, kind: 'budget' | 'final', n = 0): SourceDoc => ({
	doc_id: `d${n}`,
	district,
	unit,
	year,
	kind,
	title: `${district}${unit}${year}年部门${kind === 'budget' ? '预算' : '决算'}`,
	source_file: `f${n}.txt`
});

describe('filtersText', () => {
	it('says 全部 for every filter not set', () => {
		expect(filtersText(EMPTY_FILTERS)).toBe('地区 全部；年度 全部；类型 预算和决算（分列）；部门 全部；科目 全部');
	});

	it('names every filter that is set, the code with its name', () => {
		const f: Filters = {
			districts: ['甲区', '乙县'],
			years: { from: 2021, to: 2023 },
			kind: 'final',
			departments: ['财政局'],
			code: '201'
		};
		const names: Record<string, string> = { '201': '一般公共服务支出' };
		expect(filtersText(f, (c) => names[c])).toBe('地区 甲区、乙县；年度 2021–2023年；类型 决算；部门 财政局；科目 201 一般公共服务支出及下级');
		expect(filtersText({ ...f, years: { from: 2024, to: 2024 }, kind: 'budget', code: '20101' })).toContain('年度 2024年；类型 预算；');
		expect(filtersText({ ...f, code: '20101' })).toContain('科目 20101及下级');
	});
});

describe('sourcesText', () => {
	const many = [
		source('甲区', '财政局', 2022, 'final', 1),
		source('甲区', '财政局', 2023, 'budget', 2),
		source('乙县', '审计局', 2023, 'budget', 3),
		source('丙区', '档案馆', 2024, 'budget', 4),
		source('丁区', '统计局', 2024, 'final', 5)
	];

	it('names each unit with its year and kind', () => {
		expect(sourcesText(many.slice(0, 2))).toBe('来源：甲区·财政局 2022年决算、甲区·财政局 2023年预算');
	});

	it('shortens a long list to the first few and 等N份, N counting all', () => {
		expect(sourcesText(many, 3)).toBe('来源：甲区·财政局 2022年决算、甲区·财政局 2023年预算、乙县·审计局 2023年预算 等5份公开文件');
		expect(sourcesText(many, 5)).not.toContain('等');
		// the first three of 30,000: N is the count given, not the names' length
		expect(sourcesText(many.slice(0, 3), 3, 30000)).toBe('来源：甲区·财政局 2022年决算、甲区·财政局 2023年预算、乙县·审计局 2023年预算 等30000份公开文件');
		expect(sourcesText(many.slice(0, 3), 3, 3)).not.toContain('等');
	});

	it('says so when there is none', () => {
		expect(sourcesText([])).toMatch(/^来源：暂无/);
	});
});

describe('briefingCaption', () => {
	const date = new Date(2026, 11, 1, 9, 30);

	it('carries title, filters, 单位：万元, sources and the date', () => {
		const c = briefingCaption({ title: '各类支出金额', filters: EMPTY_FILTERS, sources: [source('甲区', '财政局', 2022, 'final')], date });
		expect(c).toEqual({
			title: '各类支出金额',
			filters: '筛选条件：地区 全部；年度 全部；类型 预算和决算（分列）；部门 全部；科目 全部',
			unit: '单位：万元',
			sources: '来源：甲区·财政局 2022年决算',
			date: '生成日期：2026年12月1日'
		});
	});

	it('says % for a chart of shares', () => {
		expect(briefingCaption({ title: '占比', filters: EMPTY_FILTERS, sources: [], date, unit: 'percent' }).unit).toBe('单位：%');
	});

	it('dates in local time', () => {
		expect(dateText(new Date(2025, 0, 9, 23, 59))).toBe('2025年1月9日');
	});

	it('becomes PNG text entries under the registered keywords', () => {
		const c = briefingCaption({ title: 'T', filters: EMPTY_FILTERS, sources: [source('甲区', '财政局', 2022, 'final')], date });
		const entries = Object.fromEntries(captionTextEntries(c, date).map((e) => [e.keyword, e.text]));
		expect(entries.Title).toBe('T');
		expect(entries.Description).toBe(`${c.filters}\n单位：万元\n生成日期：2026年12月1日`);
		expect(entries.Source).toBe('来源：甲区·财政局 2022年决算');
		expect(entries['Creation Time']).toBe(date.toISOString());
		// the maker is named in Chinese, as the UI names the app
		expect(entries.Software).toBe('预决算透视');
	});
});

describe('wrapText', () => {
	const width = (s: string) => [...s].length * 10; // every character 10 units wide

	it('keeps a line that fits whole', () => {
		expect(wrapText('来源：甲区', 100, width)).toEqual(['来源：甲区']);
	});

	it('breaks between characters when a line is too wide, never losing one', () => {
		const text = '一二三四五六七八九十甲乙丙丁';
		const lines = wrapText(text, 60, width);
		expect(lines.join('')).toBe(text);
		expect(lines.every((l) => width(l) <= 60)).toBe(true);
	});

	it('prefers to break after 、 when it is in the latter half', () => {
		expect(wrapText('甲区财政局、乙县审计局', 80, width)).toEqual(['甲区财政局、', '乙县审计局']);
	});

	it('gives a character wider than the line a line of its own', () => {
		expect(wrapText('甲乙', 5, width)).toEqual(['甲', '乙']);
	});
});
