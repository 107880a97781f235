/**
 * A passage of the joined prose as printed. The joined text drops spaces, line breaks and quotation
 * marks (so that labels match); a reason is shown to people, so its quotation marks (“一窗综办”)
 * are put back from the source lines. Spaces and line breaks stay out: in PDF text they are
 * artefacts of typesetting (项 目, 2020 年), not the author's.
 */
import type { SourceLine } from './layout';
import type { JoinedText } from './narrative-join';
import { isWhiteSpace } from './trimmed-lines';

/*
 * The character tests below compare code units rather than run a regex per character (this runs
 * over every character of every reason's lines).
 */

/** What /\s/ matches: JS white space and line terminators. */
const isSpace = isWhiteSpace;

/** “ ” " ‘ ’ */
const isQuote = (code: number) => code === 0x201c || code === 0x201d || code === 0x22 || code === 0x2018 || code === 0x2019;

/** text[from, to) of the joined prose with its quotation marks as the source lines print them. */
export function verbatim(lines: readonly SourceLine[], joined: JoinedText, from: number, to: number): string {
	const target = joined.text.slice(from, to);
	const first = joined.lineAt(from);
	const last = joined.lineAt(Math.max(from, to - 1));
	// lines are in order: start at the first of the span (binary search), stop after its last
	let lo = 0;
	let hi = lines.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (lines[mid].no < first) lo = mid + 1;
		else hi = mid;
	}
	let end = lo;
	while (end < lines.length && lines[end].no <= last) end++;
	const { kept, norm, at } = spanText(lines, lo, end);
	const start = norm.indexOf(target.replace(/，/g, ','));
	// A line the join reworded (a 类 marker dropped) does not align: the joined text is still right.
	if (start < 0 || target.length === 0) return target;
	return at ? kept.slice(at[start], at[start + target.length - 1] + 1) : kept.slice(start, start + target.length);
}

/**
 * A span of lines as printed without spaces (`kept`) and as the joined text spells it, without
 * quotation marks (`norm`); `at[i]` is the index in `kept` of `norm`'s i-th code unit, null when
 * the two have the same length (no quotation mark). Both are indexed by code unit: a character
 * outside the BMP is two in each, so the indexes agree.
 */
interface SpanText {
	kept: string;
	norm: string;
	at: readonly number[] | null;
}

/**
 * The last span read, kept for the next reason: a page saved with all its prose on one line has
 * every reason in that line, and reading the line again for each one cost its length squared.
 */
let lastSpan: { lines: readonly SourceLine[]; from: number; to: number; text: SpanText } | null = null;

function spanText(lines: readonly SourceLine[], from: number, to: number): SpanText {
	if (lastSpan && lastSpan.lines === lines && lastSpan.from === from && lastSpan.to === to) return lastSpan.text;
	const span = lines.slice(from, to);
	const text = span.some((l) => QUOTE.test(l.text)) ? quotedSpanText(span) : plainSpanText(span);
	lastSpan = { lines, from, to, text };
	return text;
}

const QUOTE = /[“”"‘’]/;
const FULL_WIDTH_FIGURE = /[０-９．]/;

/**
 * A span without a quotation mark (most reasons): the normal spelling has the same length as the
 * kept characters, so the passage is found in one string and sliced from the other.
 */
function plainSpanText(span: readonly SourceLine[]): SpanText {
	const kept = span.map((l) => l.text.replace(/\s+/g, '')).join('');
	const commas = kept.replace(/，/g, ',');
	const norm = FULL_WIDTH_FIGURE.test(commas) ? commas.replace(/[０-９．]/g, (c) => String.fromCharCode(normalCode(c.charCodeAt(0)))) : commas;
	return { kept, norm, at: null };
}

/** A span with quotation marks: they are kept aside, each with its place, read from character codes (no string per character). */
function quotedSpanText(span: readonly SourceLine[]): SpanText {
	const kept: number[] = [];
	const norm: number[] = [];
	const at: number[] = [];
	for (const line of span) {
		const text = line.text;
		for (let i = 0; i < text.length; i++) {
			const code = text.charCodeAt(i);
			if (isSpace(code)) continue;
			kept.push(code);
			if (!isQuote(code)) (norm.push(normalCode(code)), at.push(kept.length - 1));
		}
	}
	return { kept: fromCodes(kept), norm: fromCodes(norm), at };
}

/** One character code as the joined text spells it: full-width digits and ． half-width, ，in numbers ,. */
function normalCode(code: number): number {
	if (code === 0xff0e) return 0x2e; // ．
	if (code === 0xff0c) return 0x2c; // ，
	return code >= 0xff10 && code <= 0xff19 ? code - 0xfee0 : code;
}

/** Character codes as a string, in pieces (a call takes a bounded number of arguments). */
function fromCodes(codes: readonly number[]): string {
	let out = '';
	for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
	return out;
}
