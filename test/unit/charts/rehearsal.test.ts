/**
 * A chart's first option rehearsed as a miniature off-screen (charts/rehearsal.ts): the miniature
 * keeps the option's structure with a few data items, options that differ only in their data have
 * one shape (rehearsed once per page), and a change of structure is a new shape.
 */
import { describe, expect, it, vi } from 'vitest';
import type { EChartsType } from 'echarts/core';
import { MINIATURE_ITEMS, miniature, optionShape, rehearse } from '$lib/charts/rehearsal';
import { buildTrendSplitOption, buildTrendThreePublicOption, buildTrendTotalOption } from '$lib/charts/trends';
import type { ChartOption } from '$lib/charts/types';
import type { TrendRow } from '$lib/queries/trends';

const row = (unit: string, year: number, total = 30): TrendRow => ({
	district: '北碚区',
	unit,
	year,
	kind: 'budget',
	documents: 1,
	total,
	basic: 10,
	project: total - 10,
	three_public: 6,
	outbound: 1,
	vehicle: 2,
	reception: 3
});
const units = (n: number) => Array.from({ length: n }, (_, i) => `部门${i + 1}`);
const years = [2019, 2020, 2021, 2022, 2023];
const corpus = (n: number, total = 30) => units(n).flatMap((u) => years.map((y) => row(u, y, total)));

type Series = { type: string; name?: string; data: unknown[]; label?: { show?: boolean } };
const seriesOf = (o: ChartOption): Series[] => o.series as Series[];
const categories = (o: ChartOption): unknown[] => (o.xAxis as { data: unknown[] }).data;

describe('miniature', () => {
	it('keeps a few series of each kind, each with its first items, and the category axis cut to match', () => {
		const option = buildTrendThreePublicOption(corpus(30))!;
		expect(seriesOf(option)).toHaveLength(90);
		const mini = miniature(option);
		// 出国, 车, 接待 series are three kinds (the last carries the stack's label): a few of each
		expect(seriesOf(mini).length).toBeLessThanOrEqual(3 * MINIATURE_ITEMS);
		expect(new Set(seriesOf(mini).map((s) => s.name))).toEqual(new Set(seriesOf(option).map((s) => s.name)));
		for (const s of seriesOf(mini)) expect(s.data).toEqual(seriesOf(option).find((o) => o.name === s.name)!.data.slice(0, MINIATURE_ITEMS));
		expect(categories(mini)).toEqual(['2019', '2020', '2021']);
		// the whole option is left as it was
		expect(categories(option)).toHaveLength(5);
		expect(optionShape(mini)).toBe(optionShape(option));
	});

	it('cuts a treemap to the first nodes of each level', () => {
		const leaf = (name: string, value: number) => ({ name, value });
		const tree = Array.from({ length: 6 }, (_, i) => ({ name: `类${i}`, value: 60, children: Array.from({ length: 5 }, (_, j) => leaf(`款${i}.${j}`, 12)) }));
		const option = { series: [{ type: 'treemap', data: tree }] } as unknown as ChartOption;
		const [mini] = seriesOf(miniature(option)) as unknown as { data: { name: string; children: unknown[] }[] }[];
		expect(mini.data.map((n) => n.name)).toEqual(['类0', '类1', '类2']);
		expect(mini.data.every((n) => n.children.length === MINIATURE_ITEMS)).toBe(true);
		expect(tree[0].children).toHaveLength(5);
	});
});

describe('optionShape', () => {
	it('is one shape for options that differ only in their figures and how many units they draw', () => {
		expect(optionShape(buildTrendSplitOption(corpus(3, 30))!)).toBe(optionShape(buildTrendSplitOption(corpus(8, 55))!));
	});

	it('tells apart options that run other code: labelled stacks or not, lines instead of stacks', () => {
		const labelled = buildTrendSplitOption(corpus(2))!;
		const crowded = buildTrendSplitOption(corpus(20))!;
		expect(seriesOf(labelled).some((s) => s.label?.show)).toBe(true);
		expect(seriesOf(crowded).some((s) => s.label?.show)).toBe(false);
		expect(optionShape(labelled)).not.toBe(optionShape(crowded));
		expect(optionShape(labelled)).not.toBe(optionShape(buildTrendTotalOption(corpus(2))!));
		// 基本/项目 and the three 三公 parts are stacks of one make: the same code draws both
		expect(optionShape(labelled)).toBe(optionShape(buildTrendThreePublicOption(corpus(2))!));
	});

});

describe('rehearse', () => {
	it('draws a miniature of a shape new to the page, once', () => {
		const stage = {} as EChartsType;
		const draw = vi.fn();
		const first = buildTrendThreePublicOption(corpus(30, 41))!;
		expect(rehearse(first, () => stage, draw)).toBe(true);
		expect(draw).toHaveBeenCalledTimes(1);
		expect(draw.mock.calls[0][0]).toBe(stage);
		expect(seriesOf(draw.mock.calls[0][1]).every((s) => s.data.length <= MINIATURE_ITEMS)).toBe(true);
		// the same chart after a filter change: warm already
		expect(rehearse(buildTrendThreePublicOption(corpus(29, 42))!, () => stage, draw)).toBe(false);
		expect(draw).toHaveBeenCalledTimes(1);
	});
});
