/**
 * Classification codes printed across several columns → one code column. 决算 tables print the
 * code under a 科目编码 header split into 类 | 款 | 项, either as parts in those columns (`208 | 05 |
 * 05`) or as the whole code merged across them (colspan). The later stages read a code from one
 * cell followed by its name, so the columns of such a group are joined: parts concatenate into the
 * code (`2080505`), a merged code is itself, and the header's 类/款/项 read `类款项`.
 */
import type { Slot } from './grid';

/** Column range [start, end) of one code group. */
export type ColumnGroup = [number, number];

const FULL_CODE = /^\d{3}(?:\d{2}){0,2}$/;
const PART_HEADERS = ['类', '款', '项'];

/** The column groups that hold one code between them. */
export function codeColumnGroups(grid: readonly Slot[][]): ColumnGroup[] {
	const found: ColumnGroup[] = [];
	for (const row of grid) {
		row.forEach((slot, c) => {
			if (!slot.origin) return;
			if (slot.colspan > 1 && FULL_CODE.test(slot.text)) found.push([c, c + slot.colspan]);
			const parts = partHeaderRun(row, c);
			if (parts > 1) found.push([c, c + parts]);
		});
	}
	return mergeOverlapping(found);
}

/** How many of 类, 款, 项 stand in order from column c (0 or 1: no group). */
function partHeaderRun(row: readonly Slot[], c: number): number {
	let n = 0;
	while (n < PART_HEADERS.length && row[c + n]?.text.replace(/\s+/g, '') === PART_HEADERS[n] && row[c + n].colspan === 1) n++;
	return n;
}

function mergeOverlapping(groups: ColumnGroup[]): ColumnGroup[] {
	const sorted = [...groups].sort((a, b) => a[0] - b[0]);
	const out: ColumnGroup[] = [];
	for (const g of sorted) {
		const last = out[out.length - 1];
		if (last && g[0] < last[1]) last[1] = Math.max(last[1], g[1]);
		else out.push([g[0], g[1]]);
	}
	return out;
}

/** The texts of a grid row with each code group joined into one cell. */
export function joinedRow(row: readonly Slot[], groups: readonly ColumnGroup[]): string[] {
	const out: string[] = [];
	for (let c = 0; c < row.length; c++) {
		const group = groups.find((g) => g[0] === c);
		if (!group) {
			out.push(row[c].text);
			continue;
		}
		out.push(row.slice(group[0], group[1]).map((s) => s.text).join(''));
		c = group[1] - 1;
	}
	return out;
}
