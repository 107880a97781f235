/**
 * Option builders for /structure: the functional classification treemap (one per kind) and the
 * economic classification of basic spending (人员经费 vs 公用经费 by 款).
 */
import type { DocumentKind } from '$lib/storage/schema';
import { kindLabel } from '$lib/format/labels';
import { KIND_COLOR, PALETTE, cartesianBase, percentText, sum2, tooltipHtml, wanAxis, wanText } from './common';
import { canDrill, type FunctionNode } from './function-tree';
import type { ChartOption, TreemapSeriesOption } from './types';

type TreemapItem = NonNullable<TreemapSeriesOption['data']>[number];

/** The colour of `未细分` areas (see function-tree.ts), the same grey as other undivided figures. */
const UNDETAILED_COLOR = '#b8bec6';

/** What a clicked treemap item carries back to the page (ECharts passes `data` through). */
export interface TreemapDatum {
	code: string;
	drillable: boolean;
}

function toItem(node: FunctionNode, depth: number): TreemapItem {
	return {
		name: node.name,
		value: node.total,
		// read back by the click handler: which code to drill to, and whether that makes sense
		code: node.code,
		drillable: canDrill(node),
		// what a parent has beyond its listed children is not a category of its own: grey it out
		itemStyle: node.code.endsWith('*') ? { color: UNDETAILED_COLOR } : undefined,
		children: depth > 1 ? node.children.map((c) => toItem(c, depth - 1)) : undefined
	} as TreemapItem;
}

/**
 * A treemap of `nodes` (the level currently drilled to) showing two levels at once. ECharts' own
 * drill-down and breadcrumb are off: drilling is a URL change (the `code` filter), so it is
 * shareable and the back button goes back up. Returns null when there is nothing to draw.
 */
export function buildTreemapOption(
	nodes: readonly FunctionNode[],
	props: { kind: DocumentKind }
): ChartOption | null {
	const total = nodes.reduce((s, n) => s + n.total, 0);
	if (nodes.length === 0 || total <= 0) return null;
	return {
		color: PALETTE,
		tooltip: {
			formatter: (info) => {
				const p = Array.isArray(info) ? info[0] : info;
				const value = typeof p.value === 'number' ? p.value : 0;
				const code = (p.data as { code?: string } | undefined)?.code ?? '';
				const shown = code.endsWith('*') ? '' : `${code} `;
				return tooltipHtml([`${kindLabel(props.kind)}｜${shown}${p.name}`, `${wanText(value)}（占本级 ${percentText(value, total)}）`]);
			}
		},
		series: [
			{
				type: 'treemap',
				name: kindLabel(props.kind),
				roam: false,
				nodeClick: false,
				breadcrumb: { show: false },
				width: '100%',
				height: '100%',
				top: 0,
				left: 0,
				label: { show: true, formatter: '{b}', overflow: 'truncate' },
				upperLabel: { show: true, height: 22, color: '#fff' },
				levels: [
					{ itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } },
					{ colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.6, gapWidth: 1, borderWidth: 2 } }
				],
				data: nodes.map((n) => toItem(n, 2))
			}
		]
	};
}

/** One economic-classification row (基本支出) summed over the filtered documents of one kind. */
export interface EconomicAmountRow {
	code: string;
	name: string;
	level: number;
	total: number | null;
	personnel: number | null;
	public: number | null;
}

/** How many 款 to draw before folding the rest into `其他款`: more become unreadable. */
const MAX_ITEMS = 12;

/**
 * 人员经费 vs 公用经费 by 款 (level-2 rows) as horizontal stacked bars, largest 款 first, the tail
 * beyond {@link MAX_ITEMS} folded into one `其他款` bar. Returns null when there is nothing to draw.
 */
export function buildEconomicOption(
	rows: readonly EconomicAmountRow[],
	props: { kind: DocumentKind }
): ChartOption | null {
	const items = rows
		.filter((r) => r.level === 2 && (r.total ?? 0) !== 0)
		.map((r) => ({
			label: `${r.code} ${r.name}`,
			personnel: r.personnel ?? 0,
			public: r.public ?? 0,
			total: r.total ?? 0
		}))
		.sort((a, b) => b.total - a.total);
	if (items.length === 0) return null;
	const shown = items.slice(0, MAX_ITEMS);
	const tail = items.slice(MAX_ITEMS);
	if (tail.length > 0) {
		shown.push({
			label: `其他款（${tail.length} 项）`,
			personnel: sum2(tail.map((r) => r.personnel)),
			public: sum2(tail.map((r) => r.public)),
			total: sum2(tail.map((r) => r.total))
		});
	}
	// largest at the top: a horizontal category axis runs bottom-up
	shown.reverse();
	const base = cartesianBase();
	const k = kindLabel(props.kind);
	return {
		...base,
		color: [KIND_COLOR[props.kind], '#9aa5b1'],
		grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
		xAxis: wanAxis(),
		yAxis: {
			type: 'category',
			data: shown.map((r) => r.label),
			axisLabel: { width: 180, overflow: 'truncate' }
		},
		series: [
			{
				type: 'bar',
				name: `人员经费（${k}）`,
				stack: 'basic',
				data: shown.map((r) => r.personnel)
			},
			{
				type: 'bar',
				name: `公用经费（${k}）`,
				stack: 'basic',
				data: shown.map((r) => r.public)
			}
		]
	};
}

/** 人员经费 and 公用经费 totals over the 类 rows (level 1), for the figures above the chart. */
export function economicSplit(rows: readonly EconomicAmountRow[]): { personnel: number; public: number } {
	const top = rows.filter((r) => r.level === 1);
	return {
		personnel: sum2(top.map((r) => r.personnel)),
		public: sum2(top.map((r) => r.public))
	};
}
