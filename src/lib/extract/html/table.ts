/**
 * A <table> → lines. A data table gives its caption as a line of its own (so that a title ending
 * in 表 is found before the rows), then one line per row: the cells' texts separated by tabs, blank
 * cells kept, every row as wide as the table. A table whose cells hold other tables, headings or
 * several paragraphs only lays out the page (CMS pages put the article in a cell); its cells are
 * read as blocks, and the tables inside them as tables. A Word table's cell holds one <p>: a cell.
 */
import { CellText, firstShownOffset } from './inline';
import { codeColumnGroups, joinedRow } from './code-columns';
import { placeCells, type SpanCell } from './grid';
import type { ProseLines } from './lines';
import type { HtmlElement, HtmlNode } from './tree';
import { isSkipped, walkInline } from './walk';
import { flatMap } from '../flat-map';

/** Reads the blocks inside an element into the page's lines (the page walker, passed in). */
export type BlockWalker = (el: HtmlElement, out: ProseLines) => void;

interface TableParts {
	caption: HtmlElement | null;
	rows: HtmlElement[];
	/** Content standing in the table outside any cell (browsers show it before the table). */
	stray: HtmlNode[];
}

const SECTIONS = new Set(['thead', 'tbody', 'tfoot']);
const IGNORED = new Set(['colgroup', 'col']);
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/** Reads a table into the page's lines. */
export function readTable(table: HtmlElement, out: ProseLines, blocks: BlockWalker): void {
	out.lineBreak();
	const parts = tableParts(table);
	const stray: HtmlElement = { ...table, name: 'div', children: parts.stray };
	blocks(stray, out);
	out.lineBreak();
	if (isLayout(parts.rows)) {
		readLayoutTable(parts, out, blocks);
		return;
	}
	if (parts.caption) {
		walkInline(parts.caption, out);
		out.lineBreak();
	}
	const grid = placeCells(parts.rows.map((tr) => cellsOf(tr).map(spanCell)));
	const groups = codeColumnGroups(grid);
	grid.forEach((row, r) => {
		const cells = joinedRow(row, groups);
		if (cells.some((c) => c !== '')) out.push({ text: cells.join('\t'), offset: parts.rows[r].offset });
	});
}

function readLayoutTable(parts: TableParts, out: ProseLines, blocks: BlockWalker): void {
	const cells = [...(parts.caption ? [parts.caption] : []), ...flatMap(parts.rows, cellsOf)];
	for (const cell of cells) {
		out.lineBreak();
		blocks(cell, out);
		out.lineBreak();
	}
}

/** Paragraphs a data cell may hold (a wrapped 项目概述); more, or any table or heading, make it page layout. */
const MAX_CELL_PARAGRAPHS = 2;
const PARAGRAPHS = new Set(['p', 'div', 'li']);
const LAYOUT_ONLY = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A table that lays out the page: one column only (disclosure tables have several), or cells holding blocks. */
function isLayout(rows: readonly HtmlElement[]): boolean {
	return rows.every((tr) => cellsOf(tr).length <= 1) || rows.some((tr) => cellsOf(tr).some(holdsBlocks));
}

function holdsBlocks(td: HtmlElement): boolean {
	let paragraphs = 0;
	let layout = false;
	// Counts innermost paragraphs with text (a wrapper around a paragraph does not count twice); true if `el` holds one.
	const visit = (el: HtmlElement): boolean => {
		let holds = false;
		for (const c of el.children) {
			if (c.kind !== 'element') continue;
			if (LAYOUT_ONLY.has(c.name)) layout = true;
			const inner = visit(c);
			if (PARAGRAPHS.has(c.name) && !inner && hasText(c)) paragraphs++;
			holds ||= inner || PARAGRAPHS.has(c.name);
		}
		return holds;
	};
	visit(td);
	return layout || paragraphs > MAX_CELL_PARAGRAPHS;
}

function hasText(el: HtmlElement): boolean {
	return el.children.some((c) => (c.kind === 'text' ? firstShownOffset(c.raw) >= 0 : hasText(c)));
}

function tableParts(table: HtmlElement): TableParts {
	const parts: TableParts = { caption: null, rows: [], stray: [] };
	const visit = (node: HtmlElement) => {
		for (const child of node.children) {
			if (child.kind === 'text' || !isRowContent(child)) parts.stray.push(child);
			else if (child.name === 'caption') parts.caption ??= child;
			else if (child.name === 'tr') parts.rows.push(child);
			else if (SECTIONS.has(child.name)) visit(child);
		}
	};
	visit(table);
	return parts;
}

function isRowContent(el: HtmlElement): boolean {
	return el.name === 'caption' || el.name === 'tr' || SECTIONS.has(el.name) || IGNORED.has(el.name) || isSkipped(el);
}

function cellsOf(tr: HtmlElement): HtmlElement[] {
	return tr.children.filter((c): c is HtmlElement => c.kind === 'element' && (c.name === 'td' || c.name === 'th') && !isSkipped(c));
}

function spanCell(td: HtmlElement): SpanCell {
	return { text: cellText(td), colspan: span(td.attrs.colspan, 1, MAX_COLSPAN), rowspan: span(td.attrs.rowspan, 0, MAX_ROWSPAN) };
}

function cellText(el: HtmlElement): string {
	const sink = new CellText();
	walkInline(el, sink);
	return sink.value();
}

/** A span attribute as browsers read it: leading digits; missing or invalid is 1. */
function span(value: string | undefined, min: number, max: number): number {
	const n = Number.parseInt(value?.trim() ?? '', 10);
	if (!Number.isFinite(n) || n < min) return 1;
	return Math.min(n, max);
}
