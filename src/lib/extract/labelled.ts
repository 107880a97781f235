/**
 * Label–figure tables (收支总表, 机构运行信息表): figures stand after a text label rather than
 * under a code. A row may hold several label–figures groups side by side.
 */
import { isAmountCell, parseAmount } from './amount';
import type { Row } from './layout';

export interface LabelledFigures {
	/** The label with enumerators (（一） 1． 一、 其中：) and spaces removed. */
	label: string;
	/** Figures after the label; null for a blank or `—`. */
	values: (number | null)[];
	line: number;
}

const ENUMERATOR = /^(?:其中[：:])?(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.．、])?/;

export function cleanLabel(text: string): string {
	return text.replace(/\s+/g, '').replace(/[“”"]/g, '').replace(ENUMERATOR, '');
}

/** Reads every label followed by at least one figure cell. */
export function readLabelledFigures(rows: readonly Row[]): LabelledFigures[] {
	const out: LabelledFigures[] = [];
	for (const row of rows) {
		const cells = row.cells;
		let i = 0;
		while (i < cells.length) {
			const t = cells[i].text;
			if (t === '' || isAmountCell(t)) {
				i++;
				continue;
			}
			// Labels broken by spaces (“三公 ”经费支出) are joined until the first figure.
			const parts = [t];
			let j = i + 1;
			while (j < cells.length && cells[j].text !== '' && !isAmountCell(cells[j].text) && !row.blanksKept) parts.push(cells[j++].text);
			const values: (number | null)[] = [];
			while (j < cells.length && (cells[j].text === '' || isAmountCell(cells[j].text))) values.push(parseAmount(cells[j++].text));
			if (values.length > 0) out.push({ label: cleanLabel(parts.join('')), values, line: cells[i].line });
			i = j;
		}
	}
	return out;
}
