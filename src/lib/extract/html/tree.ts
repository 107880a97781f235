/**
 * Tokens → a small element tree, built as tolerantly as browsers build theirs for the pages that
 * matter here: unclosed <p>, <li>, <td> and <tr> are closed by the next one, an end tag closes
 * the elements left open inside it but never reaches out of a table cell, stray end tags are
 * ignored, and content that leaks into <head> ends it.
 */
import type { Token } from './tokenize';

/** An element with its attributes and content; `offset` is where its start tag stands. */
export interface HtmlElement {
	kind: 'element';
	name: string;
	attrs: Record<string, string>;
	children: HtmlNode[];
	offset: number;
}

/** Text content, undecoded; `offset` is where it starts in the page. */
export interface HtmlText {
	kind: 'text';
	raw: string;
	offset: number;
}

/** A node of the element tree. */
export type HtmlNode = HtmlElement | HtmlText;

const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const CLOSES_P = new Set([
	'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt', 'fieldset', 'figcaption',
	'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'menu', 'nav', 'ol', 'p',
	'pre', 'section', 'table', 'ul'
]);
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template', 'object']);
const CELL_SCOPE = new Set(['td', 'th', 'table', 'caption']);
const TABLE_PARTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);

/** Which open elements a start tag closes, and up to which boundary it looks for them. */
const IMPLIED: Record<string, [Set<string>, Set<string>]> = {
	li: [new Set(['li']), new Set(['ul', 'ol', ...CELL_SCOPE])],
	dt: [new Set(['dt', 'dd']), new Set(['dl', ...CELL_SCOPE])],
	dd: [new Set(['dt', 'dd']), new Set(['dl', ...CELL_SCOPE])],
	option: [new Set(['option']), new Set(['select', ...CELL_SCOPE])],
	tr: [new Set(['tr']), new Set(['table', 'thead', 'tbody', 'tfoot'])],
	td: [new Set(['td', 'th']), new Set(['tr', 'table'])],
	th: [new Set(['td', 'th']), new Set(['tr', 'table'])],
	thead: [new Set(['thead', 'tbody', 'tfoot', 'tr']), new Set(['table'])],
	tbody: [new Set(['thead', 'tbody', 'tfoot', 'tr']), new Set(['table'])],
	tfoot: [new Set(['thead', 'tbody', 'tfoot', 'tr']), new Set(['table'])],
	caption: [new Set(['caption']), new Set(['table'])]
};
const P_SCOPE: [Set<string>, Set<string>] = [new Set(['p']), new Set([...CELL_SCOPE, 'button'])];

/** Deeper nesting than this is left flat: pages with thousands of unclosed <font> stay readable. */
const MAX_DEPTH = 400;

/** Builds the tree of a page; the root is a `#document` element. */
export function buildTree(tokens: readonly Token[]): HtmlElement {
	const root: HtmlElement = { kind: 'element', name: '#document', attrs: {}, children: [], offset: 0 };
	const stack: HtmlElement[] = [root];
	const top = () => stack[stack.length - 1];
	for (const t of tokens) {
		if (t.kind === 'text') {
			if (top().name === 'head' && t.raw.trim() !== '') stack.pop();
			appendText(top(), t.raw, t.offset);
		} else if (t.kind === 'end') {
			if (t.name === 'br') top().children.push(element('br', {}, t.offset));
			else closeOpen(stack, t.name, endBoundary(t.name));
		} else {
			if (top().name === 'head' && !HEAD_CONTENT.has(t.name)) stack.pop();
			impliedEnds(stack, t.name);
			const el = element(t.name, t.attrs, t.offset);
			top().children.push(el);
			if (!VOID.has(t.name) && stack.length < MAX_DEPTH) stack.push(el);
		}
	}
	return root;
}

function element(name: string, attrs: Record<string, string>, offset: number): HtmlElement {
	return { kind: 'element', name, attrs, children: [], offset };
}

function appendText(parent: HtmlElement, raw: string, offset: number): void {
	const last = parent.children[parent.children.length - 1];
	if (last?.kind === 'text') last.raw += raw;
	else parent.children.push({ kind: 'text', raw, offset });
}

function impliedEnds(stack: HtmlElement[], name: string): void {
	if (CLOSES_P.has(name)) closeOpen(stack, ...P_SCOPE);
	const implied = IMPLIED[name];
	if (implied) closeOpen(stack, ...implied);
}

const NO_BOUNDARY = new Set<string>();
const TABLE_BOUNDARY = new Set(['table']);

/** An end tag of a table part closes within its table; any other never leaves a cell. */
function endBoundary(name: string): Set<string> {
	if (name === 'table') return NO_BOUNDARY;
	return TABLE_PARTS.has(name) ? TABLE_BOUNDARY : CELL_SCOPE;
}

/** Pops up to and including the nearest open element named `names` (or in it), unless a boundary comes first. */
function closeOpen(stack: HtmlElement[], names: Set<string> | string, boundary: Set<string>): void {
	for (let i = stack.length - 1; i > 0; i--) {
		const name = stack[i].name;
		if (typeof names === 'string' ? name === names : names.has(name)) {
			stack.length = i;
			return;
		}
		if (boundary.has(name)) return;
	}
}
