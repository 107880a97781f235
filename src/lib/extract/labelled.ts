/**
 * Label–figure tables (收支总表, 机构运行信息表): figures stand after a text label rather than
 * under a code. A row may hold several label–figures groups side by side.
 */
import { isAmountCell, parseAmount } from './amount';
import type { Cell, Row } from './layout';
import { flatMap } from './flat-map';

export interface LabelledFigures {
	/** The label with enumerators (（一） 1． 一、 其中：) and spaces removed. */
	label: string;
	/** Figures after the label; null for a blank or `—`. */
	values: (number | null)[];
	/** The cell each of `values` stands in (its index in the row's cells). */
	cells: number[];
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
			const at: number[] = [];
			while (j < cells.length && (cells[j].text === '' || isAmountCell(cells[j].text))) {
				at.push(j);
				values.push(parseAmount(cells[j++].text));
			}
			if (values.length > 0) out.push({ label: cleanLabel(parts.join('')), values, cells: at, line: cells[i].line });
			i = j;
		}
	}
	return out;
}

const squeeze = (t: string) => t.replace(/\s+/g, '');

/**
 * Whether a cell reads `word` once its spaces are squeezed out. It runs on every cell of every
 * table: a cell without the word's last character is answered without a replace (that character
 * taken once here: indexing a CJK string makes a new string at every call).
 */
function spelling(word: string): (text: string) => boolean {
	const last = word[word.length - 1];
	return (text) => text.includes(last) && squeeze(text) === word;
}
const spellsColumnNumbers = spelling('栏次');
const spellsRowNumbers = spelling('行次');
const ROW_NUMBER = /^\d{1,3}$/;

/**
 * The rows without the national template's numbering: the 栏次 row (column numbers) and the 行次
 * column (a running number before each figure), which would otherwise be read as amounts. Where
 * blanks are kept the 行次 cells are the header's columns; where they are dropped, the 行次 is the
 * bare integer right after a label. (Not remembered per rows array in a WeakMap: its entries cost
 * the garbage collector more than reading the rows a second time, 9 % of the extraction.)
 */
export function dropRowNumbers(rows: Row[]): Row[] {
	const kept = rows.filter((r) => !spellsColumnNumbers(r.cells.find((c) => c.text !== '')?.text ?? ''));
	const header = kept.find((r) => r.cells.some((c) => spellsRowNumbers(c.text)));
	if (!header) return kept.length === rows.length ? rows : kept;
	const columns = new Set(flatMap(header.cells, (c, i) => (spellsRowNumbers(c.text) ? [i] : [])));
	return kept.map((row) => ({ ...row, cells: row.blanksKept ? row.cells.filter((_, i) => !columns.has(i)) : withoutNumberAfterLabel(row.cells) }));
}

function withoutNumberAfterLabel(cells: Cell[]): Cell[] {
	return cells.filter((c, i) => !(i > 0 && ROW_NUMBER.test(c.text) && !isAmountCell(cells[i - 1].text) && cells[i - 1].text !== ''));
}
