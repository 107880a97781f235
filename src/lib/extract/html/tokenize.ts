/**
 * A tolerant HTML tokenizer: text, start tags (with attributes) and end tags, each with the offset
 * where it starts in the page, so every line can be traced to its place in the file. Comments,
 * doctypes, Word's `<![if …]>` markers and processing instructions are dropped; the content of
 * script/style-like elements is taken verbatim up to its end tag, never parsed as markup. A `<` that
 * starts no tag (`a < b`, `<3`) is text, as browsers read it.
 */

/** Text between tags. */
export interface TextToken {
	kind: 'text';
	/** Undecoded text: character references are decoded where the text is used. */
	raw: string;
	offset: number;
}

/** `<name attr=…>`. */
export interface StartTag {
	kind: 'start';
	/** Lower-cased tag name (prefixed names such as Word's `o:p` kept as they are). */
	name: string;
	attrs: Record<string, string>;
	offset: number;
}

/** `</name>`. */
export interface EndTag {
	kind: 'end';
	name: string;
	offset: number;
}

/** One piece of a page, in document order. */
export type Token = TextToken | StartTag | EndTag;

/** Elements whose content is text up to their end tag (RAWTEXT/RCDATA in the HTML standard). */
export const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

const NAME = /[A-Za-z][^\s/>]*/y;
const ATTRIBUTE = /([^\s"'>/=][^\s"'>/=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y;

/** Splits a page into tokens. */
export function tokenize(html: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < html.length) {
		const lt = html.indexOf('<', i);
		if (lt < 0) {
			tokens.push({ kind: 'text', raw: html.slice(i), offset: i });
			break;
		}
		if (lt > i) tokens.push({ kind: 'text', raw: html.slice(i, lt), offset: i });
		i = readMarkup(html, lt, tokens);
	}
	return tokens;
}

/** Reads the markup starting at `<` (or takes the `<` as text); returns where reading goes on. */
function readMarkup(html: string, at: number, tokens: Token[]): number {
	const next = html[at + 1] ?? '';
	if (html.startsWith('<!--', at)) return skipPast(html, at + 4, '-->');
	if (next === '!' || next === '?') return skipPast(html, at + 2, '>');
	if (next === '/' && /[A-Za-z]/.test(html[at + 2] ?? '')) {
		NAME.lastIndex = at + 2;
		const name = (NAME.exec(html) as RegExpExecArray)[0].toLowerCase();
		tokens.push({ kind: 'end', name, offset: at });
		return skipPast(html, NAME.lastIndex, '>');
	}
	if (!/[A-Za-z]/.test(next)) {
		tokens.push({ kind: 'text', raw: '<', offset: at });
		return at + 1;
	}
	return readStartTag(html, at, tokens);
}

function readStartTag(html: string, at: number, tokens: Token[]): number {
	NAME.lastIndex = at + 1;
	const name = (NAME.exec(html) as RegExpExecArray)[0].toLowerCase();
	const attrs: Record<string, string> = {};
	let p = NAME.lastIndex;
	while (p < html.length && html[p] !== '>') {
		if (/[\s/]/.test(html[p])) {
			p++;
			continue;
		}
		ATTRIBUTE.lastIndex = p;
		const m = ATTRIBUTE.exec(html);
		if (!m) {
			p++; // a stray quote or `=`: skipped, as browsers do
			continue;
		}
		const key = m[1].toLowerCase();
		if (!(key in attrs)) attrs[key] = m[2] ?? m[3] ?? m[4] ?? '';
		p = ATTRIBUTE.lastIndex;
	}
	tokens.push({ kind: 'start', name, attrs, offset: at });
	const end = Math.min(p + 1, html.length);
	return RAW_TEXT.has(name) ? readRawText(html, end, name, tokens) : end;
}

/** The content of a raw-text element, up to (not including) its end tag. */
function readRawText(html: string, from: number, name: string, tokens: Token[]): number {
	const close = new RegExp(`</${name}(?=[\\s/>])`, 'ig');
	close.lastIndex = from;
	const m = close.exec(html);
	const end = m ? m.index : html.length;
	if (end > from) tokens.push({ kind: 'text', raw: html.slice(from, end), offset: from });
	return end;
}

function skipPast(html: string, from: number, marker: string): number {
	const k = html.indexOf(marker, from);
	return k < 0 ? html.length : k + marker.length;
}
