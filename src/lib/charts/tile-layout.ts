/**
 * The size ECharts gave each treemap tile, for the label formatter: ECharts passes a formatter the
 * item (`params.data`) but not the tile it will be drawn in, so a layout step registered in
 * ./echarts.ts records each item's tile here right after the treemap's own layout, before labels
 * are formatted. Keyed by the item object itself, so an item of a replaced option is simply
 * forgotten (WeakMap) and two charts never see each other's tiles.
 */

/** A tile as laid out, in px: its outer size, border width and the height of its header band. */
export interface TileLayout {
	width: number;
	height: number;
	borderWidth: number;
	/** Height of the band a parent's name is written in (0 for a leaf). */
	upperHeight: number;
}

const tiles = new WeakMap<object, TileLayout>();

/** Records the tile of `item` (called by the layout step). */
export function recordTile(item: object, layout: TileLayout): void {
	tiles.set(item, layout);
}

/** The tile of `item`, or undefined before ECharts has laid it out (or outside a chart). */
export function tileOf(item: unknown): TileLayout | undefined {
	return item !== null && typeof item === 'object' ? tiles.get(item) : undefined;
}
