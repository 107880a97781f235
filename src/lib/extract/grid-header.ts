/**
 * A table's header band → its leaf column words. A header word standing over one column is (part
 * of) that column's name — words wrapped over lines are joined; a word over several columns is a
 * parent (本年支出 over 合计/基本支出/项目支出, “三公”经费 over its items), printed on a line of its
 * own at the first column it spans, as a spreadsheet prints a merged cell. A header column over no
 * column of the rows names a column no row fills: it is added, so its blank cells keep their
 * place. Header columns are matched to the rows' columns in order (grid-header-align.ts), so text
 * whose words drift from their columns (pdftotext prints a CJK character in one column however
 * wide it is; a PDF centres header words over right-aligned figures) still finds them.
 */
import { centre, joinAcross, joinWrapped } from './grid-cells';
import type { Slot } from './grid-columns';
import { alignColumns, headerWords, stackColumns } from './grid-header-align';
import { cover, isParent, nestles, type HeaderCell } from './grid-header-parents';

export type { HeaderCell } from './grid-header-parents';

export interface HeaderModel {
	/** The rows' slots with the columns only the header shows inserted in order. */
	slots: Slot[];
	/** Leaf words per slot ('' where the header names none). */
	leaves: string[];
	/** Words over several columns, per line, each at the first column it spans. */
	parents: { line: number; cells: { text: string; slot: number }[] }[];
	/** Line of the first leaf word (where the leaf row is traced), or null. */
	leafLine: number | null;
	/** Leaf columns with their extents, for a table continued on the next page. */
	columns: HeaderCell[];
}

/** Reads a header band against the slots of the rows below it. */
export function readHeader(band: readonly HeaderCell[], body: readonly Slot[]): HeaderModel {
	const cells = headerWords(band, body);
	const parents = new Set(cells.filter((c) => nestles(c, cells)));
	const stacks = stackColumns(cells.filter((c) => !parents.has(c)), parents);
	const { slots, slotOf } = alignColumns(stacks, body);
	const placed = new Map(slotOf);
	const placeOf = (d: HeaderCell) => (placed.has(d) ? [placed.get(d) as number] : cover(d, slots));
	for (const [c, slot] of placed) {
		if (cover(c, slots).length >= 2 || isParent(c, slot, cells, slots, placeOf)) {
			parents.add(c);
			slotOf.delete(c);
		}
	}
	const parentSlots = new Map([...parents].map((c) => [c, Math.min(cover(c, slots)[0] ?? nearest(c, slots), spanStart(c, cells, slots))]));
	return model(slots, slotOf, parentSlots);
}

function nearest(c: HeaderCell, slots: readonly Slot[]): number {
	const dist = (s: Slot) => Math.max(0, s.x0 - c.x1, c.x0 - s.x1);
	return slots.reduce((best, s, i) => (dist(s) < dist(slots[best]) ? i : best), 0);
}

/**
 * The first column a parent word spans, as a spreadsheet puts a merged cell's text: a parent is
 * centred over its span, which reaches no further than halfway to the words beside it on its line
 * (人员经费 … 公用经费 over two side-by-side blocks).
 */
function spanStart(c: HeaderCell, cells: readonly HeaderCell[], slots: readonly Slot[]): number {
	const mid = centre(c);
	const beside = cells.filter((d) => d.line === c.line && d !== c);
	const left = Math.max(-Infinity, ...beside.filter((d) => d.x1 <= c.x0).map((d) => (d.x1 + c.x0) / 2));
	const right = Math.min(Infinity, ...beside.filter((d) => d.x0 >= c.x1).map((d) => (c.x1 + d.x0) / 2));
	const reach = Math.min(mid - left, right - mid);
	if (!Number.isFinite(reach)) return slots.length;
	const first = slots.findIndex((s) => centre(s) >= mid - reach && centre(s) <= mid + reach);
	return first < 0 ? slots.length : first;
}

function model(slots: Slot[], single: ReadonlyMap<HeaderCell, number>, parents: ReadonlyMap<HeaderCell, number>): HeaderModel {
	const leaves = slots.map((_, i) => leafText([...single].filter(([, s]) => s === i).map(([c]) => c)));
	const byLine = new Map<number, { text: string; slot: number }[]>();
	for (const [c, slot] of [...parents].sort(([a], [b]) => a.line - b.line || a.x0 - b.x0)) {
		if (c.line < 0) continue;
		byLine.set(c.line, [...(byLine.get(c.line) ?? []), { text: c.text, slot }]);
	}
	const leafLines = [...single.keys()].map((c) => c.line).filter((l) => l >= 0);
	return {
		slots,
		leaves,
		parents: [...byLine].map(([line, cells]) => ({ line, cells })),
		leafLine: leafLines.length > 0 ? Math.min(...leafLines) : null,
		columns: slots.map((s, i) => ({ x0: s.x0, x1: s.x1, text: leaves[i], line: -1, kind: s.kind })).filter((c) => c.text !== '')
	};
}

/** Words of one column: joined along a line, then down the lines. */
function leafText(cells: readonly HeaderCell[]): string {
	const lines = [...new Set(cells.map((c) => c.line))].sort((a, b) => a - b);
	return joinWrapped(lines.map((l) => joinAcross(cells.filter((c) => c.line === l).sort((a, b) => a.x0 - b.x0).map((c) => c.text))));
}
