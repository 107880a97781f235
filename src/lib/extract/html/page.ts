/**
 * A page's element tree → its lines: prose blocks, tables, <pre> text, in document order.
 */
import { PreformattedLines, ProseLines, type PageLine } from './lines';
import { readTable } from './table';
import type { HtmlElement } from './tree';
import { BLOCKS, isSkipped } from './walk';

/** The lines of a page, and what kinds of content they came from. */
export interface PageContent {
	lines: PageLine[];
	/** Whether any data or layout table was read. */
	hasTable: boolean;
	/** Whether any <pre> text was read (kept with its own layout). */
	hasPreformatted: boolean;
}

/** Reads the lines of a page. */
export function readPage(root: HtmlElement): PageContent {
	const out = new ProseLines();
	const flags = { hasTable: false, hasPreformatted: false };
	const blocks = (el: HtmlElement, sink: ProseLines): void => {
		for (const child of el.children) {
			if (child.kind === 'text') sink.text(child.raw, child.offset);
			else if (!isSkipped(child)) blockElement(child, sink);
		}
	};
	const blockElement = (el: HtmlElement, sink: ProseLines): void => {
		if (el.name === 'br') return sink.lineBreak();
		if (el.name === 'table' || el.name === 'tr') {
			flags.hasTable = true;
			// A row outside any table (a fragment copied from one) is read as a table of its own.
			return readTable(el.name === 'tr' ? { ...el, name: 'table', children: [el] } : el, sink, blocks);
		}
		if (el.name === 'pre') {
			flags.hasPreformatted = true;
			return preformatted(el, sink);
		}
		const block = BLOCKS.has(el.name);
		if (block) sink.lineBreak();
		blocks(el, sink);
		if (block) sink.lineBreak();
	};
	blocks(root, out);
	out.lineBreak();
	return { lines: out.lines, ...flags };
}

function preformatted(el: HtmlElement, out: ProseLines): void {
	const pre = new PreformattedLines();
	const visit = (node: HtmlElement) => {
		for (const child of node.children) {
			if (child.kind === 'text') pre.text(child.raw, child.offset);
			else if (child.name === 'br') pre.lineBreak();
			else if (!isSkipped(child)) visit(child);
		}
	};
	visit(el);
	out.lineBreak();
	for (const line of pre.finish()) out.push(line);
}
