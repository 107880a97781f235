/**
 * A chart's first draw on a page runs much of ECharts' code for the first time: V8 compiles it
 * lazily, function by function, and tiers up what gets hot — half of a first draw's 0.2–0.3 s at
 * 30,000 documents, on top of laying out the chart's own data. Drawn first as a miniature (the same
 * option with a few data items) off-screen, in a task of its own, the compiling is done there and
 * the real draw in the next task runs warm code: two tasks of about half the length instead of one.
 * Only an option of a shape not drawn before on the page is rehearsed (a filter change redraws
 * warm charts and never pays for it).
 */
import type { EChartsType } from 'echarts/core';
import type { ChartOption } from './types';

/** Data items a miniature keeps of each series and category axis. */
export const MINIATURE_ITEMS = 3;

/** Nesting the shape looks into: series options are rarely deeper than label → rich → style. */
const SHAPE_DEPTH = 5;

/** The structure of a value: keys and value types, an array by its first item (data not at all). */
function skeleton(value: unknown, depth: number): string {
	if (value === null || value === undefined) return '_';
	if (typeof value === 'function') return 'f';
	if (typeof value !== 'object') return typeof value === 'string' ? 's' : typeof value === 'number' ? 'n' : 'b';
	if (depth === 0) return 'o';
	if (Array.isArray(value)) return `[${value.length ? skeleton(value[0], depth - 1) : ''}]`;
	const keys = Object.keys(value).sort();
	return `{${keys.map((k) => `${k}:${k === 'data' ? 'd' : skeleton((value as Record<string, unknown>)[k], depth - 1)}`).join(',')}}`;
}

/** An option's series as a list (ECharts takes one series or an array). */
function seriesOf(option: Record<string, unknown>): Record<string, unknown>[] {
	const { series } = option;
	return (series === undefined ? [] : Array.isArray(series) ? series : [series]) as Record<string, unknown>[];
}

/**
 * What an option draws with, apart from its data: the components it sets and each distinct kind
 * of series (type, stack or not, labels, styles …). Two options of one shape run the same code.
 */
export function optionShape(option: ChartOption): string {
	const { series: _series, ...rest } = option as Record<string, unknown>;
	const kinds = [...new Set(seriesOf(option as Record<string, unknown>).map((s) => skeleton(s, SHAPE_DEPTH)))].sort();
	return `${skeleton(rest, SHAPE_DEPTH)}|${kinds.join('|')}`;
}

type Tree = { children?: Tree[] } & Record<string, unknown>;

/** A treemap's nodes cut to `keep` per level. */
function prune(nodes: readonly Tree[], keep: number): Tree[] {
	return nodes.slice(0, keep).map((n) => (Array.isArray(n.children) ? { ...n, children: prune(n.children, keep) } : n));
}

function cutAxes(axes: unknown, keep: number): unknown {
	const cut = (axis: unknown) => {
		const a = axis as { type?: string; data?: unknown[] } | null;
		return a && Array.isArray(a.data) ? { ...a, data: a.data.slice(0, keep) } : axis;
	};
	return Array.isArray(axes) ? axes.map(cut) : cut(axes);
}

/** `option` with every series' data and every category axis cut to its first `keep` items. */
export function miniature(option: ChartOption, keep = MINIATURE_ITEMS): ChartOption {
	const o = option as Record<string, unknown>;
	// a few series of each kind: the code paths are per kind, not per series
	const byKind = new Map<string, Record<string, unknown>[]>();
	for (const s of seriesOf(o)) {
		const kind = skeleton(s, SHAPE_DEPTH);
		const same = byKind.get(kind) ?? [];
		if (same.length < keep) byKind.set(kind, [...same, s]);
	}
	const series = [...byKind.values()].flat().map((s) => {
		const data = s.data as unknown[] | undefined;
		if (!Array.isArray(data)) return s;
		return { ...s, data: s.type === 'treemap' ? prune(data as Tree[], keep) : data.slice(0, keep) };
	});
	return { ...o, xAxis: cutAxes(o.xAxis, keep), yAxis: cutAxes(o.yAxis, keep), series } as ChartOption;
}

const rehearsed = new Set<string>();

/**
 * Draws a miniature of `option` on `stage` when its shape is new on this page; returns whether it
 * did (the caller then draws the real option in a later task).
 */
export function rehearse(option: ChartOption, stage: () => EChartsType, draw: (chart: EChartsType, option: ChartOption) => void): boolean {
	const shape = optionShape(option);
	if (rehearsed.has(shape)) return false;
	rehearsed.add(shape);
	draw(stage(), miniature(option));
	return true;
}
