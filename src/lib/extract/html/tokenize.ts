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
/** A start tag's name and attribute text up to its `>`, quoted values may hold `>`. */
const START_TAG = /([A-Za-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const ATTRIBUTES = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

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

const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/** Reads the markup starting at `<` (or takes the `<` as text); returns where reading goes on. */
function readMarkup(html: string, at: number, tokens: Token[]): number {
	const next = html.charCodeAt(at + 1);
	if (isLetter(next)) return readStartTag(html, at, tokens);
	if (next === 0x2f /* / */ && isLetter(html.charCodeAt(at + 2))) {
		NAME.lastIndex = at + 2;
		const name = (NAME.exec(html) as RegExpExecArray)[0].toLowerCase();
		tokens.push({ kind: 'end', name, offset: at });
		return skipPast(html, NAME.lastIndex, '>');
	}
	if (html.startsWith('<!--', at)) return skipPast(html, at + 4, '-->');
	if (next === 0x21 /* ! */ || next === 0x3f /* ? */) return skipPast(html, at + 2, '>');
	tokens.push({ kind: 'text', raw: '<', offset: at });
	return at + 1;
}

function readStartTag(html: string, at: number, tokens: Token[]): number {
	START_TAG.lastIndex = at + 1;
	const m = START_TAG.exec(html);
	let end: number;
	let name: string;
	let attributes: string;
	if (m) {
		[, name, attributes] = m;
		end = START_TAG.lastIndex;
	} else {
		// An unterminated quote: the tag ends at the next `>`, as far as anything can be read from it.
		NAME.lastIndex = at + 1;
		name = (NAME.exec(html) as RegExpExecArray)[0];
		const close = html.indexOf('>', NAME.lastIndex);
		end = close < 0 ? html.length : close + 1;
		attributes = html.slice(NAME.lastIndex, close < 0 ? html.length : close);
	}
	name = name.toLowerCase();
	tokens.push({ kind: 'start', name, attrs: parseAttributes(attributes), offset: at });
	return RAW_TEXT.has(name) ? readRawText(html, end, name, tokens) : end;
}

function parseAttributes(text: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	if (!/\S/.test(text)) return attrs;
	for (const m of text.matchAll(ATTRIBUTES)) {
		const key = m[1].toLowerCase();
		// The first of repeated attributes counts, as in browsers; stray quotes and `=` are skipped.
		if (!(key in attrs)) attrs[key] = m[2] ?? m[3] ?? m[4] ?? '';
	}
	return attrs;
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
