/**
 * Tables printed as the text layouts users have: tab-separated (a spreadsheet export, blank cells
 * kept), one cell per line (text copied from a web page's table), and space-aligned by character
 * column as `pdftotext -layout` writes (figures right-aligned, CJK one column per character).
 * A table may be printed split, continued after a page break with its header repeated.
 */
import type { Cell, TableSpec } from './tables';

export type TextLayout = 'tabs' | 'cells' | 'aligned';

/** A header row as flat cells: a spanning cell followed by blanks, as a spreadsheet exports it. */
function flatHeader(row: Cell[]): string[] {
	return row.flatMap((c) => [c.text, ...Array.from({ length: (c.span ?? 1) - 1 }, () => '')]);
}

function tabRows(rows: string[][]): string[] {
	return rows.map((r) => r.join('\t'));
}

function cellRows(rows: string[][]): string[] {
	return rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);
}

const width = (s: string) => Array.from(s).length;
const isFigure = (s: string) => /^-?[\d,]+\.\d\d$/.test(s);

/** Space-aligned rows: text left-aligned, figures right-aligned in their column, spans centred. */
function alignedRows(t: TableSpec, rows: string[][], header: Cell[][]): string[] {
	const widths = Array.from({ length: t.columns }, (_, i) => Math.max(4, ...t.body.map((r) => width(r[i] ?? '')), ...header.map((h) => leafWidth(h, i))));
	const gap = 4;
	const starts = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b + gap, 0));
	const line = (placed: [number, string][]) => {
		let out = '';
		for (const [x, text] of placed) {
			if (!text) continue;
			const at = Math.max(x, width(out) + (out ? 2 : 0));
			out = out.padEnd(out.length + (at - width(out)), ' ') + text;
		}
		return out;
	};
	const headerLines = header.map((row) => {
		let col = 0;
		const placed: [number, string][] = [];
		for (const c of row) {
			const span = c.span ?? 1;
			const x0 = starts[col];
			const x1 = starts[col + span - 1] + widths[col + span - 1];
			placed.push([x0 + Math.max(0, Math.floor((x1 - x0 - width(c.text)) / 2)), c.text]);
			col += span;
		}
		return line(placed);
	});
	const bodyLines = rows.map((r) =>
		line(r.map((text, i) => [isFigure(text) ? starts[i] + widths[i] - width(text) : starts[i], text] as [number, string]))
	);
	return [...headerLines, ...bodyLines];
}

function leafWidth(row: Cell[], column: number): number {
	let col = 0;
	for (const c of row) {
		const span = c.span ?? 1;
		if (column === col && span === 1) return width(c.text);
		col += span;
	}
	return 0;
}

export interface TextTableOptions {
	split: boolean;
	/** Page number printed at the break of a split table. */
	page: number;
}

/** One table's lines in a text layout. */
export function tableLines(t: TableSpec, layout: TextLayout, opts: TextTableOptions): string[] {
	const header = t.header;
	const headerRows = header.map(flatHeader);
	const parts = opts.split && t.splitAfter !== null ? [t.body.slice(0, t.splitAfter), t.body.slice(t.splitAfter)] : [t.body];
	const out: string[] = [];
	if (t.marker) out.push(t.marker);
	out.push(t.title);
	if (t.unitLine) out.push(layout === 'tabs' ? t.unitLine : t.unitLine.replace(/\t/g, '        '));
	parts.forEach((rows, i) => {
		if (i > 0) out.push('', `- ${opts.page} -`, '');
		if (layout === 'tabs') out.push(...tabRows([...headerRows, ...rows]));
		else if (layout === 'cells') out.push(...cellRows([...headerRows, ...rows]));
		else out.push(...alignedRows(t, rows, header));
	});
	if (t.note) out.push(t.note);
	out.push('');
	return out;
}
