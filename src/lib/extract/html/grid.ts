/**
 * Table rows with rowspan/colspan → a rectangular grid, placed as browsers place cells. A spanned
 * cell's text stands in its first row and column only and the other slots are blank — what a
 * spreadsheet export prints for a merged header, and what the later stages read a header from.
 * The one exception is a classification code spanned over rows (a 类 cell beside its 款 and 项
 * rows): the code belongs to each of those rows, so it is carried down. Figures never are — a
 * figure repeated would be counted twice.
 */
import { isAmountCell, toHalfWidth } from '../amount';

/** A table cell as written: its text and spans. */
export interface SpanCell {
	text: string;
	colspan: number;
	/** Rows the cell covers; 0 means to the end of the table. */
	rowspan: number;
}

/** One position of the grid. */
export interface Slot {
	text: string;
	/** The slot where the cell itself stands (its top-left). */
	origin: boolean;
	/** The cell's colspan (at its origin). */
	colspan: number;
}

/** A code or code part: 类 (3 digits), 款/项 (2) or a full 5- or 7-digit code. */
const CODE_PART = /^(?:\d{2}|\d{3}|\d{5}|\d{7})$/;

/** Places the rows' cells into a grid as wide as the widest row; missing slots are blank. */
export function placeCells(rows: readonly SpanCell[][]): Slot[][] {
	const grid: Slot[][] = rows.map(() => []);
	rows.forEach((cells, r) => {
		let c = 0;
		cells.forEach((cell, k) => {
			while (grid[r][c]) c++;
			const height = cell.rowspan === 0 ? rows.length - r : Math.min(cell.rowspan, rows.length - r);
			const carried = height > 1 && CODE_PART.test(toHalfWidth(cell.text)) && cells.slice(k + 1).some((n) => isName(n.text));
			for (let dr = 0; dr < height; dr++) {
				for (let dc = 0; dc < cell.colspan; dc++) {
					const origin = dr === 0 && dc === 0;
					const text = origin || (carried && dc === 0) ? cell.text : '';
					grid[r + dr][c + dc] = { text, origin, colspan: cell.colspan };
				}
			}
			c += cell.colspan;
		});
	});
	const width = Math.max(0, ...grid.map((row) => row.length));
	return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', origin: false, colspan: 1 }));
}

/** A row's name cell: text that is not a figure (codes are figures to this test). */
function isName(text: string): boolean {
	return text !== '' && !isAmountCell(text);
}
