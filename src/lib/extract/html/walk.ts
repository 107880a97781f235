/**
 * Which elements a page's text comes from: scripts, styles, the <head>, form controls, navigation
 * and hidden elements say nothing about the disclosure and are skipped; block elements and <br>
 * end a line.
 */
import type { HtmlElement } from './tree';
import type { TextSink } from './inline';

const SKIPPED = new Set([
	'head', 'title', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'applet', 'svg', 'math', 'canvas', 'audio',
	'video', 'map', 'select', 'button', 'input', 'textarea', 'nav', 'aside', 'xml'
]);

/** Elements that stand on lines of their own. */
export const BLOCKS = new Set([
	'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
	'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
	'li', 'main', 'menu', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
]);

/** Whether an element's text is left out of the lines. */
export function isSkipped(el: HtmlElement): boolean {
	if (SKIPPED.has(el.name) || 'hidden' in el.attrs) return true;
	if (el.attrs.role === 'navigation') return true;
	return /display\s*:\s*none/i.test(el.attrs.style ?? '');
}

/** Walks an element's content as inline text: blocks inside it only break the text (table cells, captions). */
export function walkInline(el: HtmlElement, sink: TextSink): void {
	for (const child of el.children) {
		if (child.kind === 'text') {
			sink.text(child.raw, child.offset);
			continue;
		}
		if (isSkipped(child)) continue;
		const breaks = child.name === 'br' || BLOCKS.has(child.name);
		if (breaks) sink.lineBreak();
		walkInline(child, sink);
		if (breaks) sink.lineBreak();
	}
}

/** The elements below `el` named `name`, in document order (not looking inside skipped elements unless asked). */
export function findAll(el: HtmlElement, name: string, inSkipped = false): HtmlElement[] {
	const out: HtmlElement[] = [];
	const visit = (node: HtmlElement) => {
		for (const child of node.children) {
			if (child.kind !== 'element') continue;
			if (child.name === name) out.push(child);
			if (inSkipped || !isSkipped(child)) visit(child);
		}
	};
	visit(el);
	return out;
}
