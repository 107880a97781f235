/**
 * Columns (slots) of a block from where its rows' cells stand. Cells of one kind (codes, figures,
 * text) that overlap horizontally on different rows share a column — figures right-aligned, text
 * left-aligned or centred, all overlap within their column — but two cells of one row never do:
 * a wide cell spanning two columns cannot chain them into one.
 */
import { gap, overlapLength, type Box, type CellKind, type GridCell, type ReadLine } from './grid-cells';
import { flatMap } from './flat-map';

/** `empty`: a column only the header shows (no row has a figure in it). */
export type SlotKind = 'code' | 'text' | 'figure' | 'empty';

export interface Slot extends Box {
	kind: SlotKind;
}

export interface BodySlots {
	slots: Slot[];
	/** The slot of every cell of the rows. */
	slotOf: Map<GridCell, number>;
}

const slotKind = (k: CellKind): SlotKind => (k === 'figure' ? 'figure' : k === 'text' ? 'text' : 'code');

/**
 * The columns of a block's rows, left to right. `labels`: lines of text among the rows (a table of
 * labels only) whose words may stand in a column no row's own line uses — every label of that
 * column wrapped above and below its figures.
 */
export function bodySlots(rows: readonly ReadLine[], labels: readonly ReadLine[] = []): BodySlots {
	const byKind = itemsByKind(rows);
	const items = (kind: SlotKind) => byKind[kind];
	const fixed = [...clusterCells(items('code'), 'code'), ...clusterCells(items('figure'), 'figure')];
	// A label over the code or figure columns beside it (人员经费合计, 当年支出小计) does not widen the text columns.
	const spans = (c: GridCell) => fixed.some((k) => overlapLength(k.box, c) > 0);
	const texts = items('text');
	const own = clusterCells(texts.filter((t) => !spans(t.cell)), 'text');
	const elsewhere = flatMap(labels, (l) => l.cells.filter((c) => c.kind === 'text' && ![...fixed, ...own].some((k) => overlapLength(k.box, c) > 0)).map((cell) => ({ cell, line: l.index })));
	const clusters = [...fixed, ...own, ...clusterCells(elsewhere, 'text').map((c) => ({ ...c, cells: [] }))];
	clusters.sort((a, b) => a.box.x0 - b.box.x0 || order(a.kind) - order(b.kind));
	const merged = mergeTextRuns(clusters);
	for (const { cell } of texts.filter((t) => spans(t.cell))) joinNearestText(merged, cell);
	const slotOf = new Map<GridCell, number>();
	merged.forEach((c, i) => c.cells.forEach((cell) => slotOf.set(cell, i)));
	return { slots: merged.map((c) => ({ ...c.box, kind: c.kind })), slotOf };
}

/** The rows' cells with their lines, by slot kind, in row order: one pass over the cells, not one per kind. */
function itemsByKind(rows: readonly ReadLine[]): Record<SlotKind, { cell: GridCell; line: number }[]> {
	const out: Record<SlotKind, { cell: GridCell; line: number }[]> = { code: [], text: [], figure: [], empty: [] };
	for (const r of rows) for (const cell of r.cells) out[slotKind(cell.kind)].push({ cell, line: r.index });
	return out;
}

/** A spanning label joins the text column it overlaps most, else the nearest one (its own when there is none). */
function joinNearestText(clusters: Cluster[], cell: GridCell): void {
	const text = clusters.filter((c) => c.kind === 'text');
	const score = (c: Cluster) => overlapLength(c.box, cell) || -gap(c.box, cell);
	const best = text.reduce<Cluster | null>((b, c) => (b === null || score(c) > score(b) ? c : b), null);
	if (best) {
		best.cells.push(cell);
		return;
	}
	const own: Cluster = { kind: 'text', box: { x0: cell.x0, x1: cell.x1 }, cells: [cell] };
	const at = clusters.findIndex((c) => c.box.x0 > cell.x0);
	clusters.splice(at < 0 ? clusters.length : at, 0, own);
}

/**
 * Text columns with nothing between them are one column: a name split by a wide gap, or two
 * label levels (一般公共预算资金 | 公共财政拨款资金).
 */
function mergeTextRuns(clusters: readonly Cluster[]): Cluster[] {
	const out: Cluster[] = [];
	for (const c of clusters) {
		const last = out[out.length - 1];
		if (last && last.kind === 'text' && c.kind === 'text') {
			out[out.length - 1] = { ...last, box: { x0: last.box.x0, x1: Math.max(last.box.x1, c.box.x1) }, cells: [...last.cells, ...c.cells] };
		} else {
			out.push(c);
		}
	}
	return out;
}

const order = (k: SlotKind) => ['code', 'text', 'figure', 'empty'].indexOf(k);

interface Cluster {
	kind: SlotKind;
	box: Box;
	cells: GridCell[];
}

/** Union of overlapping cells of one kind, strongest overlaps first, never two cells of one line. */
function clusterCells(items: readonly { cell: GridCell; line: number }[], kind: SlotKind): Cluster[] {
	const parent = items.map((_, i) => i);
	const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
	// A root's lines: a set once it has merged, its item's own line until then (most cells stay alone
	// or merge late, and a set per cell was a large share of what the grid allocated).
	const lines: (Set<number> | null)[] = new Array(items.length).fill(null);
	const linesOf = (root: number): Set<number> => (lines[root] ??= new Set([items[root].line]));
	const size = (root: number) => lines[root]?.size ?? 1;
	// Whether two roots' lines meet (the smaller first: its lines are the ones looked up).
	const meet = (small: number, big: number): boolean => {
		const own = lines[small];
		if (own !== null) return sharesLine(own, linesOf(big));
		return lines[big]?.has(items[small].line) ?? items[big].line === items[small].line;
	};
	const pairs = overlappingPairs(items.map((it) => it.cell));
	for (let p = 0; p < pairs.length; p += 2) {
		const ra = find(pairs[p]);
		const rb = find(pairs[p + 1]);
		if (ra === rb) continue;
		// Merge the smaller line set into the larger, after checking they share no line.
		const [big, small] = size(ra) >= size(rb) ? [ra, rb] : [rb, ra];
		if (meet(small, big)) continue;
		parent[small] = big;
		const into = linesOf(big);
		const own = lines[small];
		if (own === null) into.add(items[small].line);
		else own.forEach((l) => into.add(l));
	}
	const byRoot = new Map<number, Cluster>();
	items.forEach((it, i) => {
		const root = find(i);
		let c = byRoot.get(root);
		if (!c) byRoot.set(root, (c = { kind, box: { x0: it.cell.x0, x1: it.cell.x1 }, cells: [] }));
		else {
			// the cluster's own box (made just above), widened in place
			if (it.cell.x0 < c.box.x0) c.box.x0 = it.cell.x0;
			if (it.cell.x1 > c.box.x1) c.box.x1 = it.cell.x1;
		}
		c.cells.push(it.cell);
	});
	return [...byRoot.values()];
}

/** Whether two line sets meet (iterated in place: no array of the smaller set per pair). */
function sharesLine(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
	for (const l of a) if (b.has(l)) return true;
	return false;
}

/** Boxes a box is paired with at most, the next ones from the left: a column links up through them. */
const NEIGHBOURS = 8;

/**
 * Pairs of overlapping boxes, the largest overlap (relative to the narrower box) first, as a flat
 * list (a, b, a, b …): pairs are many, and an object and an array for each was most of the grid's allocation.
 * The list may be a view of this module's scratch: read it before the next call.
 */
function overlappingPairs(boxes: readonly Box[]): Int32Array {
	const idx = boxes.map((_, i) => i).sort((a, b) => boxes[a].x0 - boxes[b].x0 || boxes[a].x1 - boxes[b].x1);
	// at most NEIGHBOURS pairs a box: room for all of them at once, no growing
	const { ends, shares } = pairScratch(NEIGHBOURS * idx.length);
	let n = 0;
	for (let p = 0; p < idx.length; p++) {
		for (let q = p + 1; q < idx.length && q <= p + NEIGHBOURS && boxes[idx[q]].x0 < boxes[idx[p]].x1; q++) {
			const a = boxes[idx[p]];
			const b = boxes[idx[q]];
			const share = overlapLength(a, b) / Math.min(a.x1 - a.x0, b.x1 - b.x0);
			if (share > 0) {
				ends[2 * n] = idx[p];
				ends[2 * n + 1] = idx[q];
				shares[n++] = share;
			}
		}
	}
	// by share, largest first; ties keep the order found (Array's sort is stable). Columns of one
	// width overlap wholly: the shares often come in order already, and need no sort.
	const order = new Array<number>(n);
	let sorted = true;
	for (let i = 0; i < n; i++) {
		order[i] = i;
		if (i > 0 && shares[i] > shares[i - 1]) sorted = false;
	}
	if (sorted) return ends.subarray(0, 2 * n);
	order.sort((x, y) => shares[y] - shares[x]);
	const out = new Int32Array(2 * n);
	for (let i = 0; i < n; i++) {
		out[2 * i] = ends[2 * order[i]];
		out[2 * i + 1] = ends[2 * order[i] + 1];
	}
	return out;
}

/**
 * Room for `pairs` pairs, reused from call to call: a typed array past a few dozen bytes lives
 * outside V8's heap, and one allocated (zero-filled) per block was a share of the grid's time.
 */
function pairScratch(pairs: number): { ends: Int32Array; shares: Float64Array } {
	if (scratch.shares.length < pairs) {
		const size = Math.max(pairs, 2 * scratch.shares.length);
		scratch = { ends: new Int32Array(2 * size), shares: new Float64Array(size) };
	}
	return scratch;
}

let scratch = { ends: new Int32Array(0), shares: new Float64Array(0) };

/**
 * The slot a cell outside the rows (a wrapped name, a header word) falls in: the one it overlaps
 * most among `allowed`, or -1.
 */
export function bestSlot(box: Box, slots: readonly Slot[], allowed: (s: Slot) => boolean = () => true): number {
	let best = -1;
	let most = 0;
	slots.forEach((s, i) => {
		const o = overlapLength(box, s);
		if (allowed(s) && o > most) {
			best = i;
			most = o;
		}
	});
	return best;
}
