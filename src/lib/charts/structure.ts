/**
 * Option builders for /structure: the functional classification treemap (one per kind) and the
 * economic classification of basic spending (人员经费 vs 公用经费 by 款).
 */
import type { DocumentKind } from '$lib/storage/schema';
import { kindLabel } from '$lib/format/labels';
import { KIND_COLOR, PALETTE, cartesianBase, percentText, sum2, tooltipHtml, valueLabels, wanAxis, wanText } from './common';
import { textColorOn, tint } from './contrast';
import { canDrill, type FunctionNode } from './function-tree';
import { fitBandLabel, fitTileLabel, type Box, type TextMetrics, type TileText } from './tile-label';
import { tileOf } from './tile-layout';
import type { ChartOption, TreemapSeriesOption } from './types';

type TreemapItem = NonNullable<TreemapSeriesOption['data']>[number];

/** The colour of `未细分` areas (see function-tree.ts), the same grey as other undivided figures. */
const UNDETAILED_COLOR = '#b8bec6';

/** Lighter shades of a 类's colour for its 款, alternating so that neighbours differ. */
const CHILD_TINTS = [0.18, 0.42, 0.3, 0.54];

/** Tile label font; the fitting in ./tile-label.ts uses the very same figures. */
const TILE_TEXT: TextMetrics = { fontSize: 12, lineHeight: 15 };
/** Padding inside a tile (ECharts' default for treemap labels) and beside a header band's text. */
const TILE_PADDING = 5;
const BAND_PADDING = 4;
/** Height of a parent's header band, where its name is written. */
const BAND_HEIGHT = 22;

/** What a clicked treemap item carries back to the page (ECharts passes `data` through). */
export interface TreemapDatum {
	code: string;
	drillable: boolean;
}

/** A treemap item as this builder makes it: ECharts' fields plus what labels and clicks read back. */
interface TileDatum extends TreemapDatum {
	name: string;
	value: number;
	/** `占 201 一般公共服务支出 37.5%`: the share of the tile's parent, for the tooltip. */
	shareOf: string;
	/** The pieces of the tile's label. */
	text: TileText;
}

/** `2010301 行政运行`; a `未细分` remainder has no code of its own. */
const codeName = (n: Pick<FunctionNode, 'code' | 'name'>): string => (n.code.endsWith('*') ? n.name : `${n.code} ${n.name}`);

/** The fill of a tile: the palette by position for 类-level tiles, tints of the parent below. */
function fillOf(node: FunctionNode, index: number, parentFill: string | null): string {
	if (node.code.endsWith('*')) return UNDETAILED_COLOR;
	if (parentFill === null) return PALETTE[index % PALETTE.length];
	return tint(parentFill, CHILD_TINTS[index % CHILD_TINTS.length]);
}

function toItem(
	node: FunctionNode,
	index: number,
	parent: { fill: string | null; total: number; label: string },
	depth: number
): TreemapItem {
	const fill = fillOf(node, index, parent.fill);
	const share = percentText(node.total, parent.total);
	const children = depth > 1 && node.children.length > 0 ? node.children : [];
	const text = textColorOn(fill);
	const datum: TileDatum = {
		name: node.name,
		value: node.total,
		// read back by the click handler: which code to drill to, and whether that makes sense
		code: node.code,
		drillable: canDrill(node),
		shareOf: `占${parent.label} ${share}`,
		text: { name: node.name, amount: wanText(node.total), share: `占上级 ${share}` }
	};
	return {
		...datum,
		// a parent's frame and header band are drawn in its border colour: its own, so its name
		// reads on it; leaves are framed in white
		itemStyle: { color: fill, borderColor: children.length > 0 ? fill : '#fff' },
		label: { color: text },
		upperLabel: { color: text },
		children:
			children.length > 0
				? children.map((c, i) => toItem(c, i, { fill, total: node.total, label: ` ${codeName(node)}` }, depth - 1))
				: undefined
	} as TreemapItem;
}

/** The room inside a leaf tile for its label, or null before ECharts has laid the tile out. */
function tileBox(item: unknown): Box | null {
	const tile = tileOf(item);
	if (!tile) return null;
	const inner = (size: number) => size - 2 * tile.borderWidth - 2 * TILE_PADDING;
	return { width: inner(tile.width), height: inner(tile.height) };
}

/** The room in a parent's header band for its one-line label. */
function bandBox(item: unknown): Box | null {
	const tile = tileOf(item);
	if (!tile) return null;
	return { width: tile.width - 2 * tile.borderWidth - 2 * BAND_PADDING, height: tile.upperHeight };
}

/** A label formatter: the item's text fitted to its box, or nothing where it does not fit. */
function fitted(box: (item: unknown) => Box | null, fit: typeof fitTileLabel) {
	return (params: { data?: unknown }): string => {
		const item = params.data as Partial<TileDatum> | undefined;
		const room = box(item);
		return item?.text && room ? fit(item.text, room, TILE_TEXT) : '';
	};
}

/**
 * A treemap of `nodes` (the level currently drilled to, called `levelName`) showing two levels at
 * once. Each tile's label gives its name, amount and share of its parent as far as they fit whole
 * (./tile-label.ts), in white or dark text as the tile's colour needs (./contrast.ts). ECharts' own
 * drill-down and breadcrumb are off: drilling is a URL change (the `code` filter), so it is
 * shareable and the back button goes back up. Returns null when there is nothing to draw.
 */
export function buildTreemapOption(
	nodes: readonly FunctionNode[],
	props: { kind: DocumentKind; levelName?: string }
): ChartOption | null {
	const total = nodes.reduce((s, n) => s + n.total, 0);
	if (nodes.length === 0 || total <= 0) return null;
	const level = { fill: null, total, label: props.levelName ? ` ${props.levelName}` : '本级' };
	return {
		tooltip: {
			formatter: (info) => {
				const p = Array.isArray(info) ? info[0] : info;
				const d = p.data as Partial<TileDatum> | undefined;
				const value = typeof p.value === 'number' ? p.value : 0;
				const code = d?.code ?? '';
				const shown = code.endsWith('*') ? '' : `${code} `;
				return tooltipHtml([`${kindLabel(props.kind)}｜${shown}${p.name}`, `${wanText(value)}（${d?.shareOf ?? ''}）`]);
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
				// ECharts would cut what does not fit ("社…"): the formatters hand it text that fits
				label: { show: true, overflow: 'none', padding: TILE_PADDING, ...TILE_TEXT, formatter: fitted(tileBox, fitTileLabel) },
				upperLabel: {
					show: true,
					height: BAND_HEIGHT,
					overflow: 'none',
					padding: [0, BAND_PADDING],
					...TILE_TEXT,
					formatter: fitted(bandBox, fitBandLabel)
				},
				levels: [
					{ itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 } },
					{ itemStyle: { borderWidth: 2, gapWidth: 1 } },
					{ itemStyle: { borderWidth: 1 } }
				],
				data: nodes.map((n, i) => toItem(n, i, level, 2))
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

/** 公用经费 beside the kind's colour for 人员经费. */
const PUBLIC_COLOR = '#9aa5b1';

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
	const [personnelColor, publicColor] = [KIND_COLOR[props.kind], PUBLIC_COLOR];
	return {
		...base,
		color: [personnelColor, publicColor],
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
				...valueLabels('inside', 'wan', personnelColor),
				data: shown.map((r) => r.personnel)
			},
			{
				type: 'bar',
				name: `公用经费（${k}）`,
				stack: 'basic',
				...valueLabels('inside', 'wan', publicColor),
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
